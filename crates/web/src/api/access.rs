//! The access policy's people side (seed 001 §13; issue 16): the staff list,
//! the leaver deadline, joiners, movers and leavers, the systems' account
//! lists and the review campaigns.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::access::accounts::{self, Differences};
use aantoonbaar_app::access::changes::{self, ChangeOut, LeaverDeadline, Leavers, RecordStep, RequestChange};
use aantoonbaar_app::access::reviews::{self, CampaignDetail, CampaignOut, Decide, ItemOut, Remediate, StartCampaign};
use aantoonbaar_app::access::staff_list::{self, StaffCommand, StaffImportReport, StaffOut};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
pub struct Ended {
    /// The last day of employment, `YYYY-MM-DD`.
    ended: Option<String>,
}

/// When a leaver's accounts must be removed: the first working day after the
/// last day of employment (seed 001 §13), past weekends, public holidays and
/// the board's equated days. A missing or wrong date is a 400 naming `ended`.
#[utoipa::path(get, path = "/deadlines/leaver", tag = "access", params(Ended),
    responses((status = 200, body = LeaverDeadline), (status = 400, body = Problem)))]
pub async fn leaver_deadline(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<Ended>,
) -> ApiResult<Json<LeaverDeadline>> {
    changes::leaver_deadline(&state, &staff, query.ended.as_deref()).await.map(Json).map_err(Problem::from_query)
}

/// The staff list in the caller's scope.
#[utoipa::path(get, path = "/staff", tag = "access",
    responses((status = 200, body = [StaffOut]), (status = 403, body = Problem)))]
pub async fn staff_list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<StaffOut>>> {
    Ok(Json(staff_list::list(&state, &staff).await?))
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    id: String,
    #[serde(flatten)]
    person: StaffOut,
}

/// Adds a person; with `employment_end` their leave change is written and
/// whoever removes the accounts is mailed.
#[utoipa::path(post, path = "/staff", tag = "access", request_body = StaffCommand,
    responses((status = 201, body = Created), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn create_staff(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<StaffCommand>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let person = staff_list::create(&state, &staff, command).await?;
    Ok((StatusCode::CREATED, Json(Created { id: person.id.clone(), person })))
}

/// One person.
#[utoipa::path(get, path = "/staff/{id}", tag = "access", params(("id" = String, Path)),
    responses((status = 200, body = StaffOut), (status = 404, body = Problem)))]
pub async fn get_staff(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<StaffOut>> {
    Ok(Json(staff_list::get(&state, &staff, &id).await?))
}

/// Changes a person (absent fields keep their value); a new end date makes
/// them a leaver, a cleared one cancels their open leave change.
#[utoipa::path(patch, path = "/staff/{id}", tag = "access", params(("id" = String, Path)), request_body = StaffCommand,
    responses((status = 200, body = StaffOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn patch_staff(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<StaffCommand>,
) -> ApiResult<Json<StaffOut>> {
    Ok(Json(staff_list::update(&state, &staff, &id, command).await?))
}

#[derive(Deserialize, IntoParams)]
pub struct ImportQuery {
    /// Say what would change, write nothing.
    #[serde(default)]
    dry_run: bool,
}

/// Imports the HR system's staff list (CSV: Voornaam, Achternaam, E-mail,
/// School, Rollen, In dienst, Uit dienst), matched by e-mail; all or nothing.
#[utoipa::path(post, path = "/staff/import", tag = "access", params(ImportQuery),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = StaffImportReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import_staff(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ImportQuery>,
    body: Bytes,
) -> ApiResult<Json<StaffImportReport>> {
    Ok(Json(staff_list::import(&state, &staff, &body, query.dry_run).await?))
}

#[derive(Deserialize, IntoParams)]
pub struct LeaversQuery {
    /// The reference date, `YYYY-MM-DD` (default: today).
    date: Option<String>,
}

/// Everyone with an end date and where their removal stands on `date`:
/// `due`, `late` (from the day after the deadline) or `done`.
#[utoipa::path(get, path = "/access/leavers", tag = "access", params(LeaversQuery),
    responses((status = 200, body = Leavers), (status = 400, body = Problem), (status = 403, body = Problem)))]
pub async fn leavers(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<LeaversQuery>,
) -> ApiResult<Json<Leavers>> {
    changes::leavers(&state, &staff, query.date.as_deref()).await.map(Json).map_err(Problem::from_query)
}

#[derive(Deserialize, IntoParams)]
pub struct ChangesQuery {
    /// Only those still to approve or carry out.
    #[serde(default)]
    open: bool,
}

/// Joiners', movers' and leavers' changes in the caller's scope.
#[utoipa::path(get, path = "/access/changes", tag = "access", params(ChangesQuery),
    responses((status = 200, body = [ChangeOut]), (status = 403, body = Problem)))]
pub async fn list_changes(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ChangesQuery>,
) -> ApiResult<Json<Vec<ChangeOut>>> {
    Ok(Json(changes::list(&state, &staff, query.open).await?))
}

/// Requests a joiner's or mover's change (the IBP manager's are approved at once).
#[utoipa::path(post, path = "/access/changes", tag = "access", request_body = RequestChange,
    responses((status = 201, body = ChangeOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn request_change(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<RequestChange>,
) -> ApiResult<(StatusCode, Json<ChangeOut>)> {
    Ok((StatusCode::CREATED, Json(changes::request(&state, &staff, command).await?)))
}

/// One change with its steps per system.
#[utoipa::path(get, path = "/access/changes/{id}", tag = "access", params(("id" = String, Path)),
    responses((status = 200, body = ChangeOut), (status = 404, body = Problem)))]
pub async fn get_change(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<ChangeOut>> {
    Ok(Json(changes::get(&state, &staff, &id).await?))
}

/// Approves a change someone else requested.
#[utoipa::path(post, path = "/access/changes/{id}/approve", tag = "access", params(("id" = String, Path)),
    responses((status = 200, body = ChangeOut), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn approve_change(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<ChangeOut>> {
    Ok(Json(changes::approve(&state, &staff, &id).await?))
}

/// Records that the change was carried out in one system, with evidence.
#[utoipa::path(post, path = "/access/changes/{id}/steps", tag = "access", params(("id" = String, Path)),
    request_body = RecordStep,
    responses((status = 200, body = ChangeOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn record_step(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<RecordStep>,
) -> ApiResult<Json<ChangeOut>> {
    Ok(Json(changes::record_step(&state, &staff, &id, command).await?))
}

/// Cancels a joiner's or mover's change.
#[utoipa::path(post, path = "/access/changes/{id}/cancel", tag = "access", params(("id" = String, Path)),
    responses((status = 200, body = ChangeOut), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn cancel_change(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<ChangeOut>> {
    Ok(Json(changes::cancel(&state, &staff, &id).await?))
}

/// A system's account list and its differences with the matrix and the staff list.
#[utoipa::path(get, path = "/systems/{id}/accounts", tag = "access", params(("id" = String, Path)),
    responses((status = 200, body = Differences), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn accounts(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<Differences>> {
    Ok(Json(accounts::differences(&state, &staff, &id).await?))
}

/// Imports a system's account list (CSV: Gebruikersnaam, Naam, E-mail,
/// Profiel, Laatst ingelogd) in place of the previous one; answers with the
/// orphans, leavers and excess rights it holds. All or nothing.
#[utoipa::path(post, path = "/systems/{id}/accounts/import", tag = "access", params(("id" = String, Path)),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = Differences), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn import_accounts(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Differences>> {
    Ok(Json(accounts::import(&state, &staff, &id, &body).await?))
}

/// The board's review campaigns with their progress.
#[utoipa::path(get, path = "/access/reviews", tag = "access",
    responses((status = 200, body = [CampaignOut]), (status = 403, body = Problem)))]
pub async fn campaigns(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<CampaignOut>>> {
    Ok(Json(reviews::list(&state, &staff).await?))
}

/// Starts a review campaign (the IBP manager).
#[utoipa::path(post, path = "/access/reviews", tag = "access", request_body = StartCampaign,
    responses((status = 201, body = CampaignOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn start_campaign(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<StartCampaign>,
) -> ApiResult<(StatusCode, Json<CampaignOut>)> {
    Ok((StatusCode::CREATED, Json(reviews::start(&state, &staff, command).await?)))
}

/// A campaign: the items in the caller's part, completion per school and system.
#[utoipa::path(get, path = "/access/reviews/{id}", tag = "access", params(("id" = String, Path)),
    responses((status = 200, body = CampaignDetail), (status = 404, body = Problem)))]
pub async fn campaign(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<CampaignDetail>> {
    Ok(Json(reviews::get(&state, &staff, &id).await?))
}

/// Records verdicts on items of the caller's part: keep, revoke, reduce, unsure.
#[utoipa::path(post, path = "/access/reviews/{id}/decisions", tag = "access", params(("id" = String, Path)),
    request_body = Decide,
    responses((status = 200, body = CampaignDetail), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn decide(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<Decide>,
) -> ApiResult<Json<CampaignDetail>> {
    Ok(Json(reviews::decide(&state, &staff, &id, command).await?))
}

/// Records that a revoke or reduce was carried out, with evidence.
#[utoipa::path(post, path = "/access/reviews/{id}/items/{item}/remediation", tag = "access",
    params(("id" = String, Path), ("item" = String, Path)), request_body = Remediate,
    responses((status = 200, body = ItemOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn remediate(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, item)): Path<(String, String)>,
    ApiJson(command): ApiJson<Remediate>,
) -> ApiResult<Json<ItemOut>> {
    Ok(Json(reviews::remediate(&state, &staff, &id, &item, command).await?))
}

/// Closes a campaign once every item is decided: each system's review is done.
#[utoipa::path(post, path = "/access/reviews/{id}/close", tag = "access", params(("id" = String, Path)),
    responses((status = 200, body = CampaignOut), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn close(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<CampaignOut>> {
    Ok(Json(reviews::close(&state, &staff, &id).await?))
}

/// The campaign's outcome per system and school, and its remediation, as PDF.
#[utoipa::path(get, path = "/access/reviews/{id}/report", tag = "access", params(("id" = String, Path)),
    responses((status = 200, content_type = "application/pdf", description = "The report"), (status = 404, body = Problem)))]
pub async fn report(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Response> {
    let file = reviews::report_pdf(&state, &staff, &id).await?;
    Ok(crate::download::attachment(file.content_type, &file.file_name, file.bytes))
}
