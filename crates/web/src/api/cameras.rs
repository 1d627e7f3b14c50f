//! Camera surveillance (seed 002 §7; issue 15): the cameras of each school,
//! the kwaliteitskaart, the log of viewings and disclosures, and the footage
//! holds linked to incidents.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::cameras::{
    self as app, CameraCommand, CameraOut, FootageOut, HoldCommand, HoldOut, LogCommand, LogEntryOut, QualityCard,
    ReleaseCommand,
};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The cameras of the schools in the caller's scope.
#[utoipa::path(get, path = "/cameras", tag = "cameras",
    responses((status = 200, body = [CameraOut], description = "The cameras"), (status = 403, body = Problem)))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<CameraOut>>> {
    Ok(Json(app::cameras(&state, &staff).await?))
}

/// Adds a camera (IBP manager; director for their school); audited.
#[utoipa::path(post, path = "/cameras", tag = "cameras", request_body = CameraCommand,
    responses((status = 201, body = CameraOut, description = "The camera"), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<CameraCommand>,
) -> ApiResult<(StatusCode, Json<CameraOut>)> {
    Ok((StatusCode::CREATED, Json(app::create(&state, &staff, command).await?)))
}

#[derive(Deserialize, IntoParams)]
pub struct CameraQuery {
    /// A moment (RFC 3339): the answer also says what happens to the footage recorded then.
    at: Option<String>,
}

/// A camera with its findings, and with `at` what happens to its footage of that moment.
#[derive(Serialize, ToSchema)]
pub struct CameraDetail {
    #[serde(flatten)]
    camera: CameraOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    footage: Option<FootageOut>,
}

/// One camera.
#[utoipa::path(get, path = "/cameras/{id}", tag = "cameras", params(("id" = String, Path), CameraQuery),
    responses((status = 200, body = CameraDetail), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Query(query): Query<CameraQuery>,
) -> ApiResult<Json<CameraDetail>> {
    let camera = app::camera(&state, &staff, &id).await?;
    let footage = match query.at {
        Some(at) => Some(app::footage(&state, &staff, &id, &at).await?),
        None => None,
    };
    Ok(Json(CameraDetail { camera, footage }))
}

/// Changes a camera (the fields sent); audited with the fields that changed.
#[utoipa::path(patch, path = "/cameras/{id}", tag = "cameras", params(("id" = String, Path)),
    request_body = CameraCommand,
    responses((status = 200, body = CameraOut), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<CameraCommand>,
) -> ApiResult<Json<CameraOut>> {
    Ok(Json(app::update(&state, &staff, &id, command).await?))
}

#[derive(Deserialize, IntoParams)]
pub struct CardQuery {
    /// One school; absent: every school in the caller's scope.
    school_id: Option<String>,
}

/// The kwaliteitskaart: locations, placement, retention, roles and powers, logging.
#[utoipa::path(get, path = "/cameras/quality-card", tag = "cameras", params(CardQuery),
    responses((status = 200, body = QualityCard), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn quality_card(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<CardQuery>,
) -> ApiResult<Json<QualityCard>> {
    Ok(Json(app::quality_card(&state, &staff, query.school_id.as_deref()).await?))
}

/// A camera's viewings and disclosures, newest first.
#[utoipa::path(get, path = "/cameras/{id}/log", tag = "cameras", params(("id" = String, Path)),
    responses((status = 200, body = [LogEntryOut]), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn log(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<LogEntryOut>>> {
    Ok(Json(app::log(&state, &staff, &id).await?))
}

/// Logs a viewing or a disclosure (a disclosure to the police only with the
/// reference of its official request); append-only, audited.
#[utoipa::path(post, path = "/cameras/{id}/log", tag = "cameras", params(("id" = String, Path)),
    request_body = LogCommand,
    responses((status = 201, body = LogEntryOut), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn add_log(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<LogCommand>,
) -> ApiResult<(StatusCode, Json<LogEntryOut>)> {
    Ok((StatusCode::CREATED, Json(app::add_log(&state, &staff, &id, command).await?)))
}

/// The id of a new hold.
#[derive(Serialize, ToSchema)]
pub struct Created {
    id: String,
}

/// Keeps a camera's footage from..to beyond its retention period, for an incident.
#[utoipa::path(post, path = "/footage-holds", tag = "cameras", request_body = HoldCommand,
    responses((status = 201, body = Created, description = "The hold"), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
pub async fn place_hold(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<HoldCommand>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let hold = app::place_hold(&state, &staff, command).await?;
    Ok((StatusCode::CREATED, Json(Created { id: hold.id })))
}

#[derive(Deserialize, IntoParams)]
pub struct HoldsQuery {
    camera_id: Option<String>,
    incident_id: Option<String>,
}

/// The footage holds of a camera or an incident, with their status (`held`, `released`).
#[utoipa::path(get, path = "/footage-holds", tag = "cameras", params(HoldsQuery),
    responses((status = 200, body = [HoldOut]), (status = 403, body = Problem)))]
pub async fn holds(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<HoldsQuery>,
) -> ApiResult<Json<Vec<HoldOut>>> {
    Ok(Json(app::holds(&state, &staff, query.camera_id.as_deref(), query.incident_id.as_deref()).await?))
}

/// Releases a footage hold with the reason; a second release is 409.
#[utoipa::path(post, path = "/footage-holds/{id}/release", tag = "cameras", params(("id" = String, Path)),
    request_body = ReleaseCommand,
    responses((status = 200, body = HoldOut), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn release_hold(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<ReleaseCommand>,
) -> ApiResult<Json<HoldOut>> {
    Ok(Json(app::release_hold(&state, &staff, &id, command).await?))
}
