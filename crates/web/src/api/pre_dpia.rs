//! Pre-DPIAs (seed 004): a teacher asks before using new software in class;
//! the IBP manager or the FG answers.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::pre_dpia::{self as app, AnswerPreDpia, PreDpiaCommand, PreDpiaView};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;

/// Files a pre-DPIA: runs the DPIA screening (pupils as the subjects) and looks
/// the supplier up by name in the board's register; mails the IBP manager(s)
/// and FG(s). Any staff member.
#[utoipa::path(post, path = "/pre-dpias", tag = "dpia", request_body = PreDpiaCommand,
    responses((status = 201, body = PreDpiaView, description = "The request"), (status = 400, body = Problem),
        (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<PreDpiaCommand>,
) -> ApiResult<(StatusCode, Json<PreDpiaView>)> {
    Ok((StatusCode::CREATED, Json(app::submit(&state, &staff, command).await?)))
}

/// The requests, newest first: all of the board's for the IBP manager and the
/// FG, one's own for everyone else.
#[utoipa::path(get, path = "/pre-dpias", tag = "dpia",
    responses((status = 200, body = [PreDpiaView], description = "The requests")))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<PreDpiaView>>> {
    Ok(Json(app::list(&state, &staff).await?))
}

/// One request (another's is 404 for whom does not answer them).
#[utoipa::path(get, path = "/pre-dpias/{id}", tag = "dpia", params(("id" = String, Path)),
    responses((status = 200, body = PreDpiaView, description = "The request"), (status = 404, body = Problem)))]
pub async fn get(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<PreDpiaView>> {
    Ok(Json(app::get(&state, &staff, &id).await?))
}

/// Answers a request (IBP manager, FG): `approved`, `approved_with_conditions`
/// (conditions in `text`) or `rejected` (the reason in `text`); mails the
/// teacher. Answering twice is 409.
#[utoipa::path(post, path = "/pre-dpias/{id}/answer", tag = "dpia", params(("id" = String, Path)),
    request_body = AnswerPreDpia,
    responses((status = 200, body = PreDpiaView, description = "The request"), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn answer(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<AnswerPreDpia>,
) -> ApiResult<Json<PreDpiaView>> {
    Ok(Json(app::answer(&state, &staff, &id, command).await?))
}
