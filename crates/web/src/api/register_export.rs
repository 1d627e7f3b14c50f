//! The processing register exported (JSON, DPV JSON-LD, CSV, XLSX, PDF) and
//! imported from XLSX in the export's own layout.

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::register::export::{self, Download, Format, Which};
use aantoonbaar_app::register::import::{self, ImportReport};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
pub struct ExportParams {
    /// `json`, `jsonld`, `csv`, `xlsx` or `pdf`; overrides the `Accept` header (for links from pages).
    format: Option<String>,
    /// `adopted` (the newest adopted version) or a version number; absent: the live register.
    version: Option<String>,
}

/// A download with its type and file name.
pub(crate) fn download(file: Download) -> Response {
    crate::download::attachment(file.content_type, &file.file_name, file.bytes)
}

/// The art. 30 register the caller may see (a director: the board-wide
/// activities and their school's), live or an adopted version. The format
/// follows `?format=` or the `Accept` header: `application/json` (default,
/// each activity with what it misses), `application/ld+json` (W3C DPV 2.2),
/// `text/csv` (one row per activity × purpose),
/// `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (the
/// main sheet and the child sheets Categorieën, Ontvangers, Doorgiften) or
/// `application/pdf`. Every export is recorded in the audit trail.
#[utoipa::path(get, path = "/processing-register", tag = "register", params(ExportParams),
    responses((status = 200, body = export::RegisterExport, description = "JSON, or the format asked for"),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn export(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    Query(params): Query<ExportParams>,
) -> ApiResult<Response> {
    let format = match params.format.as_deref().filter(|f| !f.trim().is_empty()) {
        Some(text) => Format::from_param(text)
            .ok_or_else(|| Problem::from(aantoonbaar_app::Error::field("format", "register_export.format_wrong")))?,
        None => Format::from_accept(headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or_default()),
    };
    let which = Which::parse(params.version.as_deref())?;
    Ok(download(export::export(&state, &staff, which, format).await?))
}

#[derive(Deserialize, IntoParams)]
pub struct ImportParams {
    /// Check every row and report what would be created, writing nothing.
    #[serde(default)]
    dry_run: bool,
}

/// Imports activities from an XLSX file (the body) in the layout of the
/// export (documented on the page `/register/import/indeling`): all or
/// nothing; every wrong cell is named by sheet, row and column (422).
#[utoipa::path(post, path = "/processing-register/import", tag = "register", params(ImportParams),
    request_body(content = Vec<u8>, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    responses((status = 200, body = ImportReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import(
    State(state): State<AppState>,
    staff: Staff,
    Query(params): Query<ImportParams>,
    body: Bytes,
) -> ApiResult<Json<ImportReport>> {
    Ok(Json(import::import(&state, &staff, &body, params.dry_run).await?))
}
