//! Importing a school's pupils from a pupil-administration CSV export.

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, FieldError, Problem};
use crate::i18n::t;
use aantoonbaar_import::CellError;
use aantoonbaar_rules::Action;
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

/// The errors of a file as field errors that name line and column.
#[must_use]
pub fn cell_errors(errors: Vec<CellError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|e| FieldError {
            detail: crate::i18n::tf(
                "import.error_line",
                &[("line", &e.line.to_string()), ("column", &e.column), ("message", t(e.code))],
            ),
            field: e.column,
            line: Some(e.line),
            code: e.code.to_owned(),
        })
        .collect()
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
    let scope = staff.may(Action::PupilImport)?;
    let board = state.store.board(&staff.principal.board);
    board.school(scope, &params.school_id).await?.ok_or_else(Problem::not_found)?;
    let parsed = aantoonbaar_import::parse(&body, state.clock.today()).map_err(|e| Problem::invalid(cell_errors(e)))?;
    let file_name = params.file_name.as_deref().unwrap_or("api");
    let report =
        board.import_pupils(&staff.actor(), &params.school_id, file_name, &parsed.pupils, params.dry_run).await?;
    Ok(Json(report))
}
