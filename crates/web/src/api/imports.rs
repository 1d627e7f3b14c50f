//! Importing a school's pupils from a pupil-administration CSV export.

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::imports;
use aantoonbaar_store::ImportReport;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
pub struct ImportParams {
    /// The school whose pupils the file lists.
    school_id: String,
    /// Report what would change without writing anything.
    #[serde(default)]
    dry_run: bool,
    /// Shown in the import history.
    file_name: Option<String>,
}

/// Imports a CSV export (the body) into a school: one transaction, all or nothing.
#[utoipa::path(post, path = "/imports", tag = "imports", params(ImportParams),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, description = "What was (or would be) created, updated, unchanged and left"),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn import(
    State(state): State<AppState>,
    staff: Staff,
    Query(params): Query<ImportParams>,
    body: Bytes,
) -> ApiResult<Json<ImportReport>> {
    let file_name = params.file_name.as_deref().unwrap_or("api");
    Ok(Json(imports::import(&state, &staff, &params.school_id, file_name, &body, params.dry_run).await?))
}
