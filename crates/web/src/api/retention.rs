//! Retention and destruction (issue 15): the board's retention rules, its
//! reading of the special-education term, each pupil's items with due date
//! and status, holds, and the worklist of items due by a date.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::retention::{
    self as app, HoldCommand, HoldDecision, HoldOut, PupilRetention, RuleChangeOut, RuleCommand, RuleOut, Settings,
    SettingsCommand, Worklist,
};
use aantoonbaar_app::retention_batches::{self as batches, BatchCommand, BatchOut, ConfirmationCommand};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The board's retention rules: `[{code, category, subject, trigger, period,
/// action, source}]`, the product's defaults where the board changed nothing.
#[utoipa::path(get, path = "/retention/rules", tag = "retention",
    responses((status = 200, body = [RuleOut], description = "The rules"), (status = 403, body = Problem)))]
pub async fn rules(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<RuleOut>>> {
    Ok(Json(app::rules(&state, &staff).await?.iter().map(RuleOut::from).collect()))
}

/// Changes one rule (IBP manager): the fields sent, checked as a whole; a new
/// version, audited. The answer says what changed and how many items move
/// (`affected`, `due_before`, `due_after`); with `dry_run: true` nothing is stored.
#[utoipa::path(put, path = "/retention/rules/{code}", tag = "retention", params(("code" = String, Path)),
    request_body = RuleCommand,
    responses((status = 200, body = RuleChangeOut, description = "The rule and what moves"),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn change_rule(
    State(state): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
    ApiJson(command): ApiJson<RuleCommand>,
) -> ApiResult<Json<RuleChangeOut>> {
    Ok(Json(app::change_rule(&state, &staff, &code, command).await?))
}

/// The board's reading of "SBO 3 jaar".
#[utoipa::path(get, path = "/retention/settings", tag = "retention",
    responses((status = 200, body = Settings, description = "The settings"), (status = 403, body = Problem)))]
pub async fn settings(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Settings>> {
    Ok(Json(app::settings(&state, &staff).await?))
}

/// Sets the board's reading of "SBO 3 jaar" (IBP manager).
#[utoipa::path(put, path = "/retention/settings", tag = "retention", request_body = SettingsCommand,
    responses((status = 200, body = Settings, description = "The settings"), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
pub async fn set_settings(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<SettingsCommand>,
) -> ApiResult<Json<Settings>> {
    Ok(Json(app::set_settings(&state, &staff, command).await?))
}

/// A pupil's items (`pupil_file`, `enrolment_and_absence`, `contact_details`)
/// with trigger date, due date (`null` while the pupil is enrolled), action and
/// status (`pending`, `due`, `held`, `destroyed`). The view is recorded in the audit trail.
#[utoipa::path(get, path = "/pupils/{id}/retention", tag = "retention", params(("id" = String, Path)),
    responses((status = 200, body = PupilRetention), (status = 404, body = Problem)))]
pub async fn pupil(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<PupilRetention>> {
    Ok(Json(app::of_pupil(&state, &staff, &id).await?))
}

/// The id of a new hold.
#[derive(Serialize, ToSchema)]
pub struct Created {
    id: String,
}

/// The holds not released in the caller's scope, with when each is to be
/// reviewed (`review_due`), the earliest first.
#[utoipa::path(get, path = "/retention/holds", tag = "retention",
    responses((status = 200, body = Vec<HoldOut>), (status = 403, body = Problem)))]
pub async fn holds(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<HoldOut>>> {
    Ok(Json(app::open_holds(&state, &staff).await?))
}

/// Places a hold on a pupil's data (a category, or all): it stays off the worklist until released.
#[utoipa::path(post, path = "/retention/holds", tag = "retention", request_body = HoldCommand,
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

/// Releases a hold; a second release is 409.
#[utoipa::path(post, path = "/retention/holds/{id}/release", tag = "retention", params(("id" = String, Path)),
    responses((status = 200, body = HoldOut, description = "The released hold"), (status = 404, body = Problem),
        (status = 409, body = Problem)))]
pub async fn release_hold(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<HoldOut>> {
    Ok(Json(app::decide_hold(&state, &staff, &id, HoldDecision::Release).await?))
}

/// Records a review that keeps a hold in force: its next review is a review
/// period from today; a released hold is 409.
#[utoipa::path(post, path = "/retention/holds/{id}/review", tag = "retention", params(("id" = String, Path)),
    responses((status = 200, body = HoldOut, description = "The hold, kept"), (status = 404, body = Problem),
        (status = 409, body = Problem)))]
pub async fn review_hold(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<HoldOut>> {
    Ok(Json(app::decide_hold(&state, &staff, &id, HoldDecision::Keep).await?))
}

#[derive(Deserialize, IntoParams)]
pub struct WorklistQuery {
    /// `YYYY-MM-DD`; today when absent.
    date: Option<String>,
}

/// Every item due on or before `date` that is neither held nor destroyed, for
/// the pupils in the caller's scope.
#[utoipa::path(get, path = "/retention/worklist", tag = "retention", params(WorklistQuery),
    responses((status = 200, body = Worklist), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn worklist(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<WorklistQuery>,
) -> ApiResult<Json<Worklist>> {
    Ok(Json(app::worklist(&state, &staff, query.date.as_deref()).await?))
}

/// Makes a destruction batch of the worklist of `date` (one school, or every
/// school in scope): the items are frozen as they are now; it awaits the two
/// approvals.
#[utoipa::path(post, path = "/retention/batches", tag = "retention", request_body = BatchCommand,
    responses((status = 201, body = BatchOut, description = "The batch"), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
pub async fn create_batch(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<BatchCommand>,
) -> ApiResult<(StatusCode, Json<BatchOut>)> {
    let batch = batches::create(&state, &staff, command).await?;
    Ok((StatusCode::CREATED, Json(BatchOut::from(&batch))))
}

/// The destruction batches in the caller's scope, newest first.
#[utoipa::path(get, path = "/retention/batches", tag = "retention",
    responses((status = 200, body = [BatchOut], description = "The batches"), (status = 403, body = Problem)))]
pub async fn batches(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<BatchOut>>> {
    Ok(Json(batches::batches(&state, &staff).await?.iter().map(BatchOut::from).collect()))
}

/// One destruction batch: its items, approvals, systems and their confirmations.
#[utoipa::path(get, path = "/retention/batches/{id}", tag = "retention", params(("id" = String, Path)),
    responses((status = 200, body = BatchOut), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn batch(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<BatchOut>> {
    Ok(Json(BatchOut::from(&batches::batch(&state, &staff, &id).await?)))
}

/// Gives the caller's approval (director or IBP manager; in any order; never
/// one person or one role twice: 409).
#[utoipa::path(post, path = "/retention/batches/{id}/approve", tag = "retention", params(("id" = String, Path)),
    responses((status = 200, body = BatchOut), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem)))]
pub async fn approve_batch(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<BatchOut>> {
    Ok(Json(BatchOut::from(&batches::approve(&state, &staff, &id).await?)))
}

/// Records how and when a system destroyed the batch's items; the last
/// system completes the batch and makes its certificate.
#[utoipa::path(post, path = "/retention/batches/{id}/confirmations", tag = "retention", params(("id" = String, Path)),
    request_body = ConfirmationCommand,
    responses((status = 200, body = BatchOut), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn confirm_batch(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<ConfirmationCommand>,
) -> ApiResult<Json<BatchOut>> {
    Ok(Json(BatchOut::from(&batches::confirm(&state, &staff, &id, command).await?)))
}

/// The certificate of destruction of a completed batch (PDF), as stored at
/// completion; its SHA-256 is in the audit trail.
#[utoipa::path(get, path = "/retention/batches/{id}/certificate", tag = "retention", params(("id" = String, Path)),
    responses((status = 200, content_type = "application/pdf", description = "The certificate"),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn certificate(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<axum::response::Response> {
    let file = batches::certificate(&state, &staff, &id).await?;
    Ok(crate::download::attachment(file.content_type, &file.file_name, file.bytes))
}
