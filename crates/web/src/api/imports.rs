//! Importing a school's pupils from a pupil-administration CSV export.

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::imports::{self, ImportFile};
use aantoonbaar_store::ImportReport;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
pub struct ImportParams {
    /// The school whose pupils the file lists; required (refused with 422
    /// when missing: the import never picks a school itself).
    school_id: Option<String>,
    /// Report what would change without writing anything.
    #[serde(default)]
    dry_run: bool,
    /// Shown in the import history; at most 200 characters.
    file_name: Option<String>,
    /// Required as `true` when the file would record more than a small share
    /// of the school's current pupils as left (more than 5 pupils or more than
    /// 10 %): without it such an import is refused with 422 and a field error
    /// `confirm_departures`, and nothing is written. A dry run reports it as
    /// `departures_need_confirmation` with the pupils in `left_school`.
    #[serde(default)]
    confirm_departures: bool,
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
    let file = ImportFile {
        school_id: params.school_id.as_deref().unwrap_or_default(),
        file_name: params.file_name.as_deref().unwrap_or("api"),
        content: &body,
        dry_run: params.dry_run,
        confirm_departures: params.confirm_departures,
    };
    Ok(Json(imports::import(&state, &staff, file).await?))
}
