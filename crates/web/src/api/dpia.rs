//! DPIA (AVG art. 35): the stateless screening (the AP's list, Stcrt. 2019,
//! 64418; WP248 rev.01), stored screenings, and the DPIA record with the FG's
//! advice, the board's approval, its versions and its review.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::dpia::record::{
    self, Advice, Approve, DpiaCommand, DpiaOverview, DpiaView, ReopenDpia, VersionView,
};
use aantoonbaar_app::dpia::screenings::{self, RecordScreening, ScreeningView};
use aantoonbaar_app::dpia::{self as app, ScreenDpia, ScreeningOutcome};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;

/// Screens a processing (stateless: stores nothing): is a DPIA required? Yes
/// when it is on the AP's list of 17 kinds of processing, is a case of AVG
/// art. 35(3), is required by the board's privacy regulation (new technology),
/// or meets two or more of the nine WP248 criteria. Every reason names the
/// list item, case or criterion it rests on, and says in Dutch whether it
/// applies. Unknown codes and fields are refused by name (400); missing
/// subjects or data categories are 422. Any signed-in staff member.
#[utoipa::path(post, path = "/dpia-screenings/assess", tag = "dpia", request_body = ScreenDpia,
    responses((status = 200, body = ScreeningOutcome), (status = 400, body = Problem), (status = 422, body = Problem)))]
pub async fn assess(_staff: Staff, ApiJson(command): ApiJson<ScreenDpia>) -> ApiResult<Json<ScreeningOutcome>> {
    Ok(Json(app::assess(command)?))
}

/// Stores a screening for a registered activity (`activity_id`) or a product
/// (`product`): the same questions and answer as the stateless screening,
/// dated and with who answered (WP248: write down why a DPIA is or is not
/// carried out). IBP manager, CvB, and a director for their school.
#[utoipa::path(post, path = "/dpia-screenings", tag = "dpia", request_body = RecordScreening,
    responses((status = 201, body = ScreeningView), (status = 400, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
pub async fn record_screening(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<RecordScreening>,
) -> ApiResult<(StatusCode, Json<ScreeningView>)> {
    Ok((StatusCode::CREATED, Json(screenings::record(&state, &staff, command).await?)))
}

/// The stored screenings, newest first.
#[utoipa::path(get, path = "/dpia-screenings", tag = "dpia",
    responses((status = 200, body = [ScreeningView]), (status = 403, body = Problem)))]
pub async fn screenings(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<ScreeningView>>> {
    Ok(Json(screenings::list(&state, &staff).await?))
}

/// The DPIAs, each with its status and review date (`needs_attention`: a
/// review is required, overdue or due within 60 days), and the activities
/// whose newest screening says a DPIA is required but have none.
#[utoipa::path(get, path = "/dpias", tag = "dpia",
    responses((status = 200, body = DpiaOverview), (status = 403, body = Problem)))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<DpiaOverview>> {
    Ok(Json(record::list(&state, &staff).await?))
}

/// Starts a DPIA (IBP manager) about a registered activity (`activity_id`) or
/// a product, `local` (the Model DPIA's 17 points, the register's facts filled
/// in) or `central` (a reference to e.g. SIVON's DPIA with the board's own
/// findings). Takes every field a PATCH takes.
#[utoipa::path(post, path = "/dpias", tag = "dpia", request_body = DpiaCommand,
    responses((status = 201, body = DpiaView), (status = 400, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<DpiaCommand>,
) -> ApiResult<(StatusCode, Json<DpiaView>)> {
    Ok((StatusCode::CREATED, Json(record::create(&state, &staff, command).await?)))
}

/// One DPIA: the 17 points with the register's facts, the risks on the CNIL
/// risk map, the FG's advice, `blockers` (what is still missing before
/// approval), the review date and why a review is required, the versions.
#[utoipa::path(get, path = "/dpias/{id}", tag = "dpia", params(("id" = String, Path)),
    responses((status = 200, body = DpiaView), (status = 404, body = Problem)))]
pub async fn get(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<DpiaView>> {
    Ok(Json(record::get(&state, &staff, &id).await?))
}

/// Changes the fields sent of a DPIA that is not approved (IBP manager);
/// `sections` are merged, `risks` and `findings` replace the list, an empty
/// text clears. 409 for an approved DPIA: ask for a review first.
#[utoipa::path(patch, path = "/dpias/{id}", tag = "dpia", params(("id" = String, Path)), request_body = DpiaCommand,
    responses((status = 200, body = DpiaView), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn patch(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<DpiaCommand>,
) -> ApiResult<Json<DpiaView>> {
    Ok(Json(record::update(&state, &staff, &id, command).await?))
}

/// The FG's advice (AVG art. 35(2)); the IBP manager is told.
#[utoipa::path(post, path = "/dpias/{id}/advice", tag = "dpia", params(("id" = String, Path)), request_body = Advice,
    responses((status = 200, body = DpiaView), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn advise(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<Advice>,
) -> ApiResult<Json<DpiaView>> {
    Ok(Json(record::advise(&state, &staff, &id, command).await?))
}

/// Approves the DPIA (CvB) when nothing is missing (422 names each missing
/// item): a numbered snapshot whose SHA-256 goes into the audit trail, the
/// review due three years later.
#[utoipa::path(post, path = "/dpias/{id}/approve", tag = "dpia", params(("id" = String, Path)), request_body = Approve,
    responses((status = 200, body = DpiaView), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn approve(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<Approve>,
) -> ApiResult<Json<DpiaView>> {
    Ok(Json(record::approve(&state, &staff, &id, command).await?))
}

/// Asks for a review of an approved DPIA, with the reason (IBP manager or FG).
#[utoipa::path(post, path = "/dpias/{id}/review", tag = "dpia", params(("id" = String, Path)),
    request_body = ReopenDpia,
    responses((status = 200, body = DpiaView), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn review(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<ReopenDpia>,
) -> ApiResult<Json<DpiaView>> {
    Ok(Json(record::reopen(&state, &staff, &id, command).await?))
}

/// An approved version: the snapshot as approved and its SHA-256.
#[utoipa::path(get, path = "/dpias/{id}/versions/{version}", tag = "dpia",
    params(("id" = String, Path), ("version" = i64, Path)),
    responses((status = 200, body = VersionView), (status = 404, body = Problem)))]
pub async fn version(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, version)): Path<(String, i64)>,
) -> ApiResult<Json<VersionView>> {
    Ok(Json(record::version(&state, &staff, &id, version).await?))
}

/// Which version to print.
#[derive(Debug, Deserialize, IntoParams)]
pub struct PdfParams {
    /// A version number; without it the newest approved version, or the draft.
    pub version: Option<i64>,
}

/// The DPIA as a PDF.
#[utoipa::path(get, path = "/dpias/{id}/pdf", tag = "dpia", params(("id" = String, Path), PdfParams),
    responses((status = 200, content_type = "application/pdf", description = "The DPIA"), (status = 404, body = Problem)))]
pub async fn pdf(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Query(params): Query<PdfParams>,
) -> ApiResult<Response> {
    let file = record::pdf(&state, &staff, &id, params.version).await?;
    Ok(crate::download::attachment(file.content_type, &file.file_name, file.bytes))
}
