//! Legal deadlines, and the days a royal decree equates with public holidays.

use super::{ApiJson, Fields};
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, FieldError, Problem};
use aantoonbaar_app::deadlines::equated_days;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::deadlines::{RequestDeadlines, request_deadlines};
use aantoonbaar_rules::holidays::HolidayCalendar;
use aantoonbaar_rules::organisation::parse_iso_date;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
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

/// `{date, description}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct EquatedDayIn {
    date: String,
    description: String,
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
    let received = match query.received.as_deref().map(parse_iso_date) {
        Some(Ok(day)) => day,
        Some(Err(invalid)) => return Err(Problem::invalid(vec![FieldError::new("received", invalid.code)])),
        None => return Err(Problem::invalid(vec![FieldError::new("received", "field.required")])),
    };
    let extra = equated_days(state.store.board(&staff.principal.board)).await?;
    Ok(Json(request_deadlines(received, &HolidayCalendar::new(&extra)).into()))
}

/// Days a royal decree equates with public holidays (Algemene termijnenwet art. 3 lid 3).
#[utoipa::path(get, path = "/equated-days", tag = "deadlines", responses((status = 200, body = [EquatedDayOut])))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<EquatedDayOut>>> {
    let days = state.store.board(&staff.principal.board).equated_days().await?;
    Ok(Json(days.into_iter().map(|d| EquatedDayOut { date: d.day.to_string(), description: d.description }).collect()))
}

/// Records an equated day (IBP manager); deadlines move past it from now on.
#[utoipa::path(post, path = "/equated-days", tag = "deadlines", request_body = EquatedDayIn,
    responses((status = 201, body = EquatedDayOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn add(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<(StatusCode, Json<EquatedDayOut>)> {
    staff.may(Action::HolidaysManage)?;
    let mut f = Fields::new(body, &["date", "description"]);
    let v = f.required("date");
    let day = f.parse("date", v, parse_iso_date);
    let v = f.required("description");
    let description = f.parse("description", v, aantoonbaar_rules::PersonName::parse);
    let (day, description) = f.done(day.zip(description))?;
    state.store.board(&staff.principal.board).add_equated_day(&staff.actor(), day, description.as_str()).await?;
    Ok((StatusCode::CREATED, Json(EquatedDayOut { date: day.to_string(), description: description.to_string() })))
}

/// Removes an equated day.
#[utoipa::path(delete, path = "/equated-days/{date}", tag = "deadlines", params(("date" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn remove(State(state): State<AppState>, staff: Staff, Path(date): Path<String>) -> ApiResult<StatusCode> {
    staff.may(Action::HolidaysManage)?;
    let day = parse_iso_date(&date).map_err(|_| Problem::not_found())?;
    state.store.board(&staff.principal.board).remove_equated_day(&staff.actor(), day).await?;
    Ok(StatusCode::NO_CONTENT)
}
