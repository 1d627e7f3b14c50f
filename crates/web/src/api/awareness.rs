//! Awareness (issue 17; seed 001 §6.1, seed 004): the activities with their
//! audience, material and attendance, per person the last activity attended,
//! and the share of the staff reached in the last twelve months.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::awareness::{
    self as app, ActivityCommand, ActivityDetail, ActivityOut, AttendanceCommand, Overview,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;

/// The activities the caller may see (newest first), the current staff of
/// their part with the last activity each attended, and `reached`: of them,
/// how many attended an activity in the last twelve months.
#[utoipa::path(get, path = "/awareness", tag = "awareness",
    responses((status = 200, body = Overview, description = "The activities and the people"), (status = 403, body = Problem)))]
pub async fn overview(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Overview>> {
    Ok(Json(app::overview(&state, &staff).await?))
}

/// Adds an activity: the IBP manager for anyone, a director for her school
/// (`audience: "school"`).
#[utoipa::path(post, path = "/awareness", tag = "awareness", request_body = ActivityCommand,
    responses((status = 201, body = ActivityOut, description = "The activity"), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<ActivityCommand>,
) -> ApiResult<(StatusCode, Json<ActivityOut>)> {
    Ok((StatusCode::CREATED, Json(app::create(&state, &staff, command).await?)))
}

/// One activity with the people of the caller's part who could attend it.
#[utoipa::path(get, path = "/awareness/{id}", tag = "awareness", params(("id" = String, Path)),
    responses((status = 200, body = ActivityDetail, description = "The activity"), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<ActivityDetail>> {
    Ok(Json(app::activity(&state, &staff, &id).await?))
}

/// Records who attended: `staff_ids` is everyone of the caller's part of the
/// staff list who attended (whoever is left out did not).
#[utoipa::path(post, path = "/awareness/{id}/attendance", tag = "awareness", params(("id" = String, Path)),
    request_body = AttendanceCommand,
    responses((status = 200, body = ActivityOut, description = "The activity"), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn attendance(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<AttendanceCommand>,
) -> ApiResult<Json<ActivityOut>> {
    Ok(Json(app::record_attendance(&state, &staff, &id, command).await?))
}
