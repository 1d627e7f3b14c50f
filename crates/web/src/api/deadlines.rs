//! Legal deadlines, and the days a royal decree equates with public holidays.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::deadlines::{self, AddEquatedDay};
use aantoonbaar_rules::deadlines::RequestDeadlines;
use aantoonbaar_store::EquatedDay;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
pub struct Received {
    /// Day the request was received, `YYYY-MM-DD`.
    received: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct DeadlinesOut {
    /// One month after receipt, moved to the next working day (`YYYY-MM-DD`).
    deadline: String,
    /// Three months after receipt, moved likewise: the deadline when extended.
    extended_deadline: String,
}

impl From<RequestDeadlines> for DeadlinesOut {
    fn from(d: RequestDeadlines) -> Self {
        Self { deadline: d.deadline.to_string(), extended_deadline: d.extended_deadline.to_string() }
    }
}

#[derive(Serialize, ToSchema)]
pub struct EquatedDayOut {
    /// `YYYY-MM-DD`
    date: String,
    description: String,
}

impl From<EquatedDay> for EquatedDayOut {
    fn from(d: EquatedDay) -> Self {
        Self { date: d.day.to_string(), description: d.description }
    }
}

/// The deadlines of a data-subject request received on `received` (GDPR art. 12(3);
/// Reg. 1182/71; Algemene termijnenwet), with the board's equated days.
#[utoipa::path(get, path = "/deadlines/request", tag = "deadlines", params(Received),
    responses((status = 200, body = DeadlinesOut), (status = 422, body = Problem)))]
pub async fn request(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<Received>,
) -> ApiResult<Json<DeadlinesOut>> {
    Ok(Json(deadlines::for_request(&state, &staff, query.received.as_deref()).await?.into()))
}

/// Days a royal decree equates with public holidays (Algemene termijnenwet art. 3 lid 3).
#[utoipa::path(get, path = "/equated-days", tag = "deadlines", responses((status = 200, body = [EquatedDayOut])))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<EquatedDayOut>>> {
    let days = state.store.board(&staff.principal.board).equated_days().await?;
    Ok(Json(days.into_iter().map(EquatedDayOut::from).collect()))
}

/// Records an equated day (IBP manager); deadlines move past it from now on.
#[utoipa::path(post, path = "/equated-days", tag = "deadlines", request_body = AddEquatedDay,
    responses((status = 201, body = EquatedDayOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn add(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<AddEquatedDay>,
) -> ApiResult<(StatusCode, Json<EquatedDayOut>)> {
    let day = deadlines::add_equated_day(&state, &staff, command).await?;
    Ok((StatusCode::CREATED, Json(day.into())))
}

/// Removes an equated day.
#[utoipa::path(delete, path = "/equated-days/{date}", tag = "deadlines", params(("date" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn remove(State(state): State<AppState>, staff: Staff, Path(date): Path<String>) -> ApiResult<StatusCode> {
    deadlines::remove_equated_day(&state, &staff, &date).await?;
    Ok(StatusCode::NO_CONTENT)
}
