//! The activity calendar (issue 17; seed 001 §5.3): a school year's items
//! with owner, due date, evidence and status; where the product knows the
//! facts, the status comes from them (`product`), the others are ticked by
//! hand with their evidence.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::calendar::{self as app, CalendarOut, DoneCommand, ItemCommand, ItemOut, YearCommand};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
pub struct YearQuery {
    /// The school year, `2026-2027` (default: the current one).
    school_year: Option<String>,
}

/// The calendar of a school year: `generated: false` and no items until it is made.
#[utoipa::path(get, path = "/calendar", tag = "calendar", params(YearQuery),
    responses((status = 200, body = CalendarOut, description = "The calendar"), (status = 400, body = Problem),
        (status = 403, body = Problem)))]
pub async fn calendar(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<YearQuery>,
) -> ApiResult<Json<CalendarOut>> {
    app::calendar(&state, &staff, query.school_year.as_deref()).await.map(Json).map_err(Problem::from_query)
}

/// Makes the calendar of a school year from the default items (201), or
/// answers the one made before (200).
#[utoipa::path(post, path = "/calendar/years", tag = "calendar", request_body = YearCommand,
    responses((status = 201, body = CalendarOut, description = "Made"), (status = 200, body = CalendarOut,
        description = "Made before"), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_year(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<YearCommand>,
) -> ApiResult<(StatusCode, Json<CalendarOut>)> {
    let (made, calendar) = app::create_calendar(&state, &staff, command).await?;
    Ok((if made { StatusCode::CREATED } else { StatusCode::OK }, Json(calendar)))
}

/// Adds an item to a school year's calendar.
#[utoipa::path(post, path = "/calendar", tag = "calendar", request_body = ItemCommand,
    responses((status = 201, body = ItemOut, description = "The item"), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
pub async fn add(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<ItemCommand>,
) -> ApiResult<(StatusCode, Json<ItemOut>)> {
    Ok((StatusCode::CREATED, Json(app::add_item(&state, &staff, command).await?)))
}

/// One item.
#[utoipa::path(get, path = "/calendar/{id}", tag = "calendar", params(("id" = String, Path)),
    responses((status = 200, body = ItemOut, description = "The item"), (status = 404, body = Problem)))]
pub async fn get(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<ItemOut>> {
    Ok(Json(app::item(&state, &staff, &id).await?))
}

/// Changes an item's title, due date and owner.
#[utoipa::path(put, path = "/calendar/{id}", tag = "calendar", params(("id" = String, Path)), request_body = ItemCommand,
    responses((status = 200, body = ItemOut, description = "The item"), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<ItemCommand>,
) -> ApiResult<Json<ItemOut>> {
    Ok(Json(app::update_item(&state, &staff, &id, command).await?))
}

/// Removes an item.
#[utoipa::path(delete, path = "/calendar/{id}", tag = "calendar", params(("id" = String, Path)),
    responses((status = 204, description = "Removed"), (status = 404, body = Problem)))]
pub async fn remove(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<StatusCode> {
    app::remove_item(&state, &staff, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Ticks an item done by hand with its evidence; 409 for an item whose
/// status the product knows from its records, or one done already.
#[utoipa::path(post, path = "/calendar/{id}/done", tag = "calendar", params(("id" = String, Path)),
    request_body = DoneCommand,
    responses((status = 200, body = ItemOut, description = "The item"), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn mark_done(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<DoneCommand>,
) -> ApiResult<Json<ItemOut>> {
    Ok(Json(app::mark_done(&state, &staff, &id, command).await?))
}
