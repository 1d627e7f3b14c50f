//! Data-subject requests (JSON): intake, extension, the action per kind, the
//! decision, and the portability export. Each handler calls the operation in
//! `aantoonbaar_app::requests`, as the request pages do.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use crate::i18n::t;
use aantoonbaar_app::deadlines::equated_days;
use aantoonbaar_app::requests::{
    self as service, DecideRequest, ExtendRequest, FileRequest, RecipientsTold as RecipientsToldIn, RecordBalancing,
    RestrictProcessing, SetRecipients, working_days_left,
};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::requests::{ErasureItem, ErasureVerdict, Urgency};
use aantoonbaar_store::Request;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct ErasureOut {
    /// `enrolment, guardians, consent_history`
    item: String,
    erased: bool,
    /// `still_enrolled, enrolment_retention`
    keep_reason: Option<String>,
    /// Why, in Dutch.
    explanation: String,
    keep_until: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RecipientTold {
    recipient: String,
    told_on: String,
}

#[derive(Serialize, ToSchema)]
pub struct RequestOut {
    id: String,
    kind: String,
    subject_pupil_id: Option<String>,
    subject_guardian_id: Option<String>,
    subject_description: Option<String>,
    requester_guardian_id: Option<String>,
    requester_description: Option<String>,
    requester_relation: String,
    details: Option<String>,
    received_on: String,
    channel: String,
    identity_check: String,
    /// The director who decides (user id).
    assigned_to: Option<String>,
    /// One month after receipt (`YYYY-MM-DD`).
    deadline: String,
    extended_deadline: Option<String>,
    extension_reason: Option<String>,
    requester_told_on: Option<String>,
    /// Working days left until the deadline that applies (negative: overdue).
    working_days_left: i64,
    /// `normal, soon, urgent, overdue`
    urgency: String,
    /// `open` or `closed`
    status: String,
    outcome: Option<String>,
    reason: Option<String>,
    explanation: Option<String>,
    decided_on: Option<String>,
    objection_balancing: Option<String>,
    objection_outcome: Option<String>,
    erasures: Vec<ErasureOut>,
    recipients_told: Vec<RecipientTold>,
    /// The mail address the answer letter went to.
    #[serde(skip_serializing_if = "Option::is_none")]
    letter_sent_to: Option<String>,
}

fn erasure_out(item: ErasureItem, verdict: ErasureVerdict, erased: bool) -> ErasureOut {
    let (keep_reason, keep_until) = match verdict {
        ErasureVerdict::Erase => (None, None),
        ErasureVerdict::Keep { reason, until } => (Some(reason), until),
    };
    let explanation = keep_reason.map_or_else(
        || t("request.erasure.may_erase").to_owned(),
        |reason| t(&format!("request.keep.{}", reason.code())).to_owned(),
    );
    ErasureOut {
        item: item.code().to_owned(),
        erased,
        keep_reason: keep_reason.map(|r| r.code().to_owned()),
        explanation,
        keep_until: keep_until.map(|d| d.to_string()),
    }
}

fn request_out(r: Request, today: Date, equated: &[Date]) -> RequestOut {
    let left = working_days_left(&r, today, equated);
    let erasures = r
        .erasures
        .iter()
        .map(|e| {
            let verdict = match e.keep_reason {
                Some(reason) => ErasureVerdict::Keep { reason, until: e.keep_until },
                None => ErasureVerdict::Erase,
            };
            erasure_out(e.item, verdict, e.erased)
        })
        .collect();
    RequestOut {
        urgency: if r.is_open() { Urgency::of(left).code() } else { Urgency::Normal.code() }.to_owned(),
        status: if r.is_open() { "open" } else { "closed" }.to_owned(),
        working_days_left: left,
        id: r.id,
        kind: r.new.kind.code().to_owned(),
        subject_pupil_id: r.new.subject_pupil_id,
        subject_guardian_id: r.new.subject_guardian_id,
        subject_description: r.new.subject_description,
        requester_guardian_id: r.new.requester_guardian_id,
        requester_description: r.new.requester_description,
        requester_relation: r.new.requester_relation,
        details: r.new.details,
        received_on: r.new.received_on.to_string(),
        channel: r.new.channel.code().to_owned(),
        identity_check: r.new.identity_check.code().to_owned(),
        assigned_to: r.new.assigned_to,
        deadline: r.new.deadline.to_string(),
        extended_deadline: r.extended_deadline.map(|d| d.to_string()),
        extension_reason: r.extension_reason,
        requester_told_on: r.requester_told_on.map(|d| d.to_string()),
        outcome: r.outcome.map(|o| o.code().to_owned()),
        reason: r.reason.map(|o| o.code().to_owned()),
        explanation: r.explanation,
        decided_on: r.decided_on.map(|d| d.to_string()),
        objection_balancing: r.objection_balancing,
        objection_outcome: r.objection_outcome.map(|o| o.code().to_owned()),
        erasures,
        recipients_told: r
            .recipients_told
            .into_iter()
            .map(|(recipient, told_on)| RecipientTold { recipient, told_on: told_on.to_string() })
            .collect(),
        letter_sent_to: None,
    }
}

async fn answer(state: &AppState, staff: &Staff, request: Request) -> ApiResult<RequestOut> {
    let board = state.store.board(&staff.principal.board);
    Ok(request_out(request, state.clock.today(), &equated_days(board).await?))
}

/// Records a request; the deadline follows from the date of receipt (AVG art.
/// 12(3), with the board's equated days), it is assigned to the director of the
/// pupil's school, and the FG is told by mail.
#[utoipa::path(post, path = "/requests", tag = "requests", request_body = FileRequest,
    responses((status = 201, body = RequestOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<FileRequest>,
) -> ApiResult<(StatusCode, Json<RequestOut>)> {
    let request = service::file(&state, &staff, command).await?;
    Ok((StatusCode::CREATED, Json(answer(&state, &staff, request).await?)))
}

#[derive(Deserialize, IntoParams)]
pub struct ListQuery {
    /// Only open requests.
    open: Option<bool>,
}

/// The requests in the caller's scope, most urgent first: the open ones by the
/// deadline that applies (overdue first), then the decided ones, latest first.
#[utoipa::path(get, path = "/requests", tag = "requests", params(ListQuery), responses((status = 200, body = [RequestOut])))]
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> ApiResult<Json<Vec<RequestOut>>> {
    let scope = staff.may(Action::RequestView)?;
    let board = state.store.board(&staff.principal.board);
    let requests = board.requests(scope, query.open.unwrap_or(false)).await?;
    let ids: Vec<String> = requests.iter().map(|r| r.id.clone()).collect();
    board.record_views(&staff.actor(), "request", &ids).await?;
    let (today, equated) = (state.clock.today(), equated_days(board).await?);
    Ok(Json(requests.into_iter().map(|r| request_out(r, today, &equated)).collect()))
}

/// One request with everything done about it.
#[utoipa::path(get, path = "/requests/{id}", tag = "requests", params(("id" = String, Path)),
    responses((status = 200, body = RequestOut), (status = 404, body = Problem)))]
pub async fn get(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<RequestOut>> {
    let scope = staff.may(Action::RequestView)?;
    let board = state.store.board(&staff.principal.board);
    let request = board.request(scope, &id).await?.ok_or_else(Problem::not_found)?;
    board.record_view(&staff.actor(), "request", &request.id).await?;
    Ok(Json(request_out(request, state.clock.today(), &equated_days(board).await?)))
}

#[derive(Serialize, ToSchema)]
pub struct ExtensionOut {
    /// Three months after receipt, moved to a working day.
    extended_deadline: String,
}

/// Extends the period by two months (AVG art. 12(3)): only with a reason, and
/// only when the requester was told on or before the first deadline (else 409).
#[utoipa::path(post, path = "/requests/{id}/extension", tag = "requests", params(("id" = String, Path)),
    request_body = ExtendRequest,
    responses((status = 200, body = ExtensionOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn extend(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<ExtendRequest>,
) -> ApiResult<Json<ExtensionOut>> {
    let extended = service::extend(&state, &staff, &id, command).await?;
    Ok(Json(ExtensionOut { extended_deadline: extended.to_string() }))
}

/// Decides the request and sends the answer letter to the requester's known
/// address. A refusal or partial grant needs a lawful reason (422 without).
#[utoipa::path(post, path = "/requests/{id}/decision", tag = "requests", params(("id" = String, Path)),
    request_body = DecideRequest,
    responses((status = 200, body = RequestOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn decide(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<DecideRequest>,
) -> ApiResult<Json<RequestOut>> {
    let (request, sent_to) = service::decide(&state, &staff, &id, command).await?;
    let mut out = answer(&state, &staff, request).await?;
    out.letter_sent_to = sent_to;
    Ok(Json(out))
}

/// What an erasure would do with each item of the subject pupil's data, and why.
#[utoipa::path(get, path = "/requests/{id}/erasure", tag = "requests", params(("id" = String, Path)),
    responses((status = 200, body = [ErasureOut]), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn erasure_preview(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<ErasureOut>>> {
    let preview = service::erasure_preview(&state, &staff, &id).await?;
    Ok(Json(preview.into_iter().map(|(item, verdict)| erasure_out(item, verdict, false)).collect()))
}

/// Erases what may be erased (really deleted or irreversibly anonymised) and
/// records per item what was done and why the rest is kept.
#[utoipa::path(post, path = "/requests/{id}/erasure", tag = "requests", params(("id" = String, Path)),
    responses((status = 200, body = RequestOut), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn erase(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<RequestOut>> {
    let request = service::erase(&state, &staff, &id).await?;
    Ok(Json(answer(&state, &staff, request).await?))
}

/// Restricts processing of the subject pupil (AVG art. 18), wholly or for one
/// consent purpose: the publication check then answers `restricted`.
#[utoipa::path(post, path = "/requests/{id}/restriction", tag = "requests", params(("id" = String, Path)),
    request_body = RestrictProcessing,
    responses((status = 200, body = RequestOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn restrict(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<RestrictProcessing>,
) -> ApiResult<Json<RequestOut>> {
    let request = service::restrict(&state, &staff, &id, command).await?;
    Ok(Json(answer(&state, &staff, request).await?))
}

/// Records which recipients were told of a correction, erasure or restriction
/// (seed 001 art. 14.1e; AVG art. 19).
#[utoipa::path(post, path = "/requests/{id}/recipients-told", tag = "requests", params(("id" = String, Path)),
    request_body = service::RecipientsTold,
    responses((status = 200, body = RequestOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn recipients_told(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<RecipientsToldIn>,
) -> ApiResult<Json<RequestOut>> {
    let request = service::recipients_told(&state, &staff, &id, command).await?;
    Ok(Json(answer(&state, &staff, request).await?))
}

/// Records the balancing of interests after an objection (AVG art. 21(1); seed 001 art. 14.1c).
#[utoipa::path(post, path = "/requests/{id}/balancing", tag = "requests", params(("id" = String, Path)),
    request_body = RecordBalancing,
    responses((status = 200, body = RequestOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn balancing(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<RecordBalancing>,
) -> ApiResult<Json<RequestOut>> {
    let request = service::balancing(&state, &staff, &id, command).await?;
    Ok(Json(answer(&state, &staff, request).await?))
}

/// Everything the system holds about a pupil, machine-readable (AVG art. 20;
/// seed 002 §10.7): the pupil record, guardians, consent history, restrictions
/// and requests. The view is audited.
#[utoipa::path(get, path = "/pupils/{id}/export", tag = "requests", params(("id" = String, Path)),
    responses((status = 200, description = "The portability JSON", content_type = "application/json"),
        (status = 404, body = Problem)))]
pub async fn export(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<service::PupilData>> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, &id).await?.ok_or_else(Problem::not_found)?;
    Ok(Json(service::pupil_data(board, &staff.actor(), &pupil).await?))
}

/// The same data as `/pupils/{id}/export` as a zip: `gegevens.json` and one CSV per table.
#[utoipa::path(get, path = "/pupils/{id}/export.zip", tag = "requests", params(("id" = String, Path)),
    responses((status = 200, description = "JSON and a CSV per table", content_type = "application/zip"),
        (status = 404, body = Problem)))]
pub async fn export_zip(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Response> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, &id).await?.ok_or_else(Problem::not_found)?;
    let data = service::pupil_data(board, &staff.actor(), &pupil).await?;
    zip_response(data).await
}

/// The export as a zip download, made off the async workers (the API and the
/// parent portal alike).
pub(crate) async fn zip_response(data: service::PupilData) -> ApiResult<Response> {
    let bytes =
        aantoonbaar_app::blocking(move || service::export_zip(&data)).await?.map_err(|e| Problem::internal(&e))?;
    let headers = [
        (header::CONTENT_TYPE, "application/zip"),
        (header::CONTENT_DISPOSITION, "attachment; filename=\"gegevens-leerling.zip\""),
    ];
    Ok((headers, bytes).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct OverviewRow {
    label: String,
    value: String,
}

#[derive(Serialize, ToSchema)]
pub struct OverviewSection {
    /// In Dutch, as on the page.
    title: String,
    rows: Vec<OverviewRow>,
}

#[derive(Serialize, ToSchema)]
pub struct OverviewOut {
    sections: Vec<OverviewSection>,
}

/// The access overview of a request (AVG art. 15) as its requester receives
/// it: the same sections as the page and the PDF, in Dutch, without another
/// guardian's contact details (art. 15(4)). `Accept: application/pdf` gives
/// the PDF. The view is audited.
#[utoipa::path(get, path = "/requests/{id}/overview", tag = "requests", params(("id" = String, Path)),
    responses((status = 200, body = OverviewOut, description = "JSON, or the PDF with `Accept: application/pdf`"),
        (status = 404, body = Problem)))]
pub async fn overview(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let request = board.request(scope, &id).await?.ok_or_else(Problem::not_found)?;
    let (pupil, sections) = service::access_overview(board, &staff.actor(), &request).await?;
    let wants_pdf = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("application/pdf"));
    if wants_pdf {
        let title = crate::i18n::tf("request.overview.pdf_title", &[("name", &pupil.full_name())]);
        let bytes = service::sections_pdf(title, sections).await?;
        let headers = [
            (header::CONTENT_TYPE, "application/pdf"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"overzicht-gegevens.pdf\""),
        ];
        return Ok((headers, bytes).into_response());
    }
    let sections = sections
        .into_iter()
        .map(|s| OverviewSection {
            title: s.title,
            rows: s.rows.into_iter().map(|(label, value)| OverviewRow { label, value }).collect(),
        })
        .collect();
    Ok(Json(OverviewOut { sections }).into_response())
}

/// The portability export of a request (AVG art. 20) as its requester
/// receives it: everything held about the subject pupil, without another
/// guardian's contact details (art. 15(4)). The view is audited.
#[utoipa::path(get, path = "/requests/{id}/export", tag = "requests", params(("id" = String, Path)),
    responses((status = 200, description = "The portability JSON", content_type = "application/json"),
        (status = 404, body = Problem)))]
pub async fn request_export(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<service::PupilData>> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let request = board.request(scope, &id).await?.ok_or_else(Problem::not_found)?;
    Ok(Json(service::requester_data(board, &staff.actor(), &request).await?.1))
}

/// The same data as `/requests/{id}/export` as a zip: `gegevens.json` and one CSV per table.
#[utoipa::path(get, path = "/requests/{id}/export.zip", tag = "requests", params(("id" = String, Path)),
    responses((status = 200, description = "JSON and a CSV per table", content_type = "application/zip"),
        (status = 404, body = Problem)))]
pub async fn request_export_zip(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let request = board.request(scope, &id).await?.ok_or_else(Problem::not_found)?;
    let (_, data) = service::requester_data(board, &staff.actor(), &request).await?;
    zip_response(data).await
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct RecipientsOut {
    /// The recipients of pupil data to tell after a correction, erasure or restriction.
    recipients: Vec<String>,
}

/// The board's recipients of pupil data.
#[utoipa::path(get, path = "/board/recipients", tag = "requests", responses((status = 200, body = RecipientsOut)))]
pub async fn recipients(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<RecipientsOut>> {
    Ok(Json(RecipientsOut { recipients: state.store.board(&staff.principal.board).board_recipients().await? }))
}

/// Replaces the board's recipients of pupil data (IBP manager).
#[utoipa::path(put, path = "/board/recipients", tag = "requests", request_body = SetRecipients,
    responses((status = 200, body = RecipientsOut), (status = 422, body = Problem)))]
pub async fn set_recipients(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<SetRecipients>,
) -> ApiResult<Json<RecipientsOut>> {
    let recipients = service::set_recipients(&state, &staff, command).await?;
    Ok(Json(RecipientsOut { recipients }))
}
