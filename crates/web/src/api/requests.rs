//! Data-subject requests (JSON; the pages call these handlers too): intake, extension, the action per kind, the decision,
//! and the portability export.

use super::{ApiJson, Fields};
use crate::AppState;
use crate::api::equated_days;
use crate::auth::Staff;
use crate::error::{ApiResult, FieldError, Problem};
use crate::i18n::t;
use crate::requests::{self as service, working_days_left};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::deadlines::request_deadlines;
use aantoonbaar_rules::holidays::HolidayCalendar;
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::requests::{
    ErasureItem, ErasureVerdict, IdentityCheck, ObjectionOutcome, Outcome, Reason, RequestChannel, RequestKind,
    Urgency, check_decision, check_extension, erasure_verdict,
};
use aantoonbaar_store::{BoardStore, NewRequest, Pupil, Request, Scope};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::{IntoParams, ToSchema};

/// `{kind, subject_pupil_id? | subject_guardian_id? | subject_description?, requester_guardian_id?,
/// requester_description?, requester_relation?, received_on, channel?, identity_check?}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct RequestIn {
    /// `access, rectification, erasure, restriction, objection, portability`
    kind: String,
    subject_pupil_id: Option<String>,
    subject_guardian_id: Option<String>,
    /// A staff member or someone else, by description.
    subject_description: Option<String>,
    requester_guardian_id: Option<String>,
    requester_description: Option<String>,
    /// How the requester relates to the subject (default `parent` with a guardian, else `self`).
    requester_relation: Option<String>,
    /// What the requester asks, in their words.
    details: Option<String>,
    /// `YYYY-MM-DD`
    received_on: String,
    /// `in_person, letter, email, phone, portal` (default `in_person`)
    channel: Option<String>,
    /// `seen_in_person, known_email, portal_sign_in, known_phone` (default `seen_in_person`);
    /// no copy of an ID document is ever stored.
    identity_check: Option<String>,
}

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

impl RequestOut {
    /// The request's id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }
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

/// 409: the request is not in a state for this action.
fn conflict(field: &str, code: &str) -> Problem {
    let error = FieldError::new(field, code);
    Problem {
        kind: "about:blank".to_owned(),
        title: t("request.problem.conflict").to_owned(),
        status: StatusCode::CONFLICT,
        detail: error.detail.clone(),
        errors: vec![error],
    }
}

/// A request in the caller's scope, still open.
async fn open_request(board: BoardStore<'_>, scope: &Scope, id: &str) -> ApiResult<Request> {
    let request = board.request(scope, id).await?.ok_or_else(Problem::not_found)?;
    if !request.is_open() {
        return Err(conflict("id", "request.closed"));
    }
    Ok(request)
}

/// The open request's subject pupil, for the actions that need one.
async fn subject_pupil(board: BoardStore<'_>, request: &Request) -> ApiResult<Pupil> {
    match &request.new.subject_pupil_id {
        Some(id) => board.pupil(&Scope::Board, id).await?.ok_or_else(Problem::not_found),
        None => Err(conflict("subject_pupil_id", "request.no_pupil")),
    }
}

fn require_kind(request: &Request, kinds: &[RequestKind]) -> ApiResult<()> {
    if kinds.contains(&request.new.kind) { Ok(()) } else { Err(conflict("kind", "request.wrong_kind")) }
}

async fn answer(state: &AppState, staff: &Staff, id: &str) -> ApiResult<RequestOut> {
    let board = state.store.board(&staff.principal.board);
    let request = board.request(&Scope::Board, id).await?.ok_or_else(Problem::not_found)?;
    Ok(request_out(request, state.clock.today(), &equated_days(board).await?))
}

/// Records a request; the deadline follows from the date of receipt (AVG art.
/// 12(3), with the board's equated days), it is assigned to the director of the
/// pupil's school, and the FG is told by mail.
#[utoipa::path(post, path = "/requests", tag = "requests", request_body = RequestIn,
    responses((status = 201, body = RequestOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<(StatusCode, Json<RequestOut>)> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let known = [
        "kind",
        "subject_pupil_id",
        "subject_guardian_id",
        "subject_description",
        "requester_guardian_id",
        "requester_description",
        "requester_relation",
        "details",
        "received_on",
        "channel",
        "identity_check",
    ];
    let mut f = Fields::new(body, &known);
    let v = f.required("kind");
    let kind = f.parse("kind", v, RequestKind::from_code);
    let pupil_id = f.text("subject_pupil_id").filter(|v| !v.trim().is_empty());
    let guardian_id = f.text("subject_guardian_id").filter(|v| !v.trim().is_empty());
    let description = f.text("subject_description").map(|d| d.trim().to_owned()).filter(|d| !d.is_empty());
    let requester_guardian_id = f.text("requester_guardian_id").filter(|v| !v.trim().is_empty());
    let requester_description = f.text("requester_description").map(|d| d.trim().to_owned()).filter(|d| !d.is_empty());
    let relation = f.text("requester_relation").map(|d| d.trim().to_owned()).filter(|d| !d.is_empty());
    let details = f.text("details").map(|d| d.trim().to_owned()).filter(|d| !d.is_empty());
    let v = f.required("received_on");
    let received_on = f.parse("received_on", v, parse_iso_date);
    let v = f.text("channel");
    let channel = f.parse("channel", v, RequestChannel::from_code).or(Some(RequestChannel::InPerson));
    let v = f.text("identity_check");
    let identity_check = f.parse("identity_check", v, IdentityCheck::from_code).or(Some(IdentityCheck::SeenInPerson));
    let subjects = [pupil_id.is_some(), guardian_id.is_some(), description.is_some()];
    if subjects.iter().filter(|s| **s).count() != 1 {
        f.errors.push(FieldError::new("subject_pupil_id", "request.subject_one"));
    }
    if received_on.is_some_and(|d| d > state.clock.today()) {
        f.errors.push(FieldError::new("received_on", "request.received_future"));
    }
    let pupil = match &pupil_id {
        Some(id) => Some(board.pupil(scope, id).await?.ok_or_else(Problem::not_found)?),
        None => None,
    };
    for (field, id) in [("subject_guardian_id", &guardian_id), ("requester_guardian_id", &requester_guardian_id)] {
        if let Some(id) = id
            && board.guardian(scope, id).await?.is_none()
        {
            f.errors.push(FieldError::new(field, "reference.unknown"));
        }
    }
    let (kind, received_on, channel, identity_check) =
        f.done((|| Some((kind?, received_on?, channel?, identity_check?)))())?;
    let requester_relation =
        relation.unwrap_or_else(|| if requester_guardian_id.is_some() { "parent" } else { "self" }.to_owned());
    let new = NewRequest {
        kind,
        school_id: pupil.as_ref().map(|p| p.school_id.clone()),
        subject_pupil_id: pupil.map(|p| p.id),
        subject_guardian_id: guardian_id,
        subject_description: description,
        requester_guardian_id,
        requester_description,
        requester_relation,
        details,
        received_on,
        channel,
        identity_check,
        assigned_to: None,
        deadline: received_on,
    };
    let request = service::record(&state, board, &staff.actor(), new).await?;
    let out = request_out(request, state.clock.today(), &equated_days(board).await?);
    Ok((StatusCode::CREATED, Json(out)))
}

#[derive(Deserialize, IntoParams)]
pub struct ListQuery {
    /// Only open requests.
    open: Option<bool>,
}

/// The requests in the caller's scope, newest first.
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

/// `{reason, requester_told_on: YYYY-MM-DD}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct ExtensionIn {
    reason: String,
    requester_told_on: String,
}

#[derive(Serialize, ToSchema)]
pub struct ExtensionOut {
    /// Three months after receipt, moved to a working day.
    extended_deadline: String,
}

/// Extends the period by two months (AVG art. 12(3)): only with a reason, and
/// only when the requester was told on or before the first deadline (else 409).
#[utoipa::path(post, path = "/requests/{id}/extension", tag = "requests", params(("id" = String, Path)),
    request_body = ExtensionIn,
    responses((status = 200, body = ExtensionOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn extend(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<Json<ExtensionOut>> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let request = open_request(board, scope, &id).await?;
    let mut f = Fields::new(body, &["reason", "requester_told_on"]);
    let reason = f.required("reason").map(|r| r.trim().to_owned());
    let v = f.required("requester_told_on");
    let told_on = f.parse("requester_told_on", v, parse_iso_date);
    if told_on.is_some_and(|d| d > state.clock.today()) {
        f.errors.push(FieldError::new("requester_told_on", "request.told_future"));
    }
    let (reason, told_on) = f.done(reason.zip(told_on))?;
    if request.extended_deadline.is_some() {
        return Err(conflict("id", "request.already_extended"));
    }
    check_extension(request.new.received_on, request.new.deadline, told_on).map_err(|invalid| {
        if invalid.code == "request.extension_too_late" {
            conflict("requester_told_on", invalid.code)
        } else {
            Problem::invalid(vec![FieldError::new("requester_told_on", invalid.code)])
        }
    })?;
    let equated = equated_days(board).await?;
    let extended = request_deadlines(request.new.received_on, &HolidayCalendar::new(&equated)).extended_deadline;
    board.extend_request(&staff.actor(), &request.id, extended, &reason, told_on).await?;
    Ok(Json(ExtensionOut { extended_deadline: extended.to_string() }))
}

/// `{outcome: granted|partly_granted|refused, reason?, explanation?}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct DecisionIn {
    outcome: String,
    /// `manifestly_unfounded, rights_of_others, harms_pupil, internal_notes, legal_retention,
    /// overriding_interest, legal_claim, data_correct`; required unless granted.
    reason: Option<String>,
    /// Free text for the letter.
    explanation: Option<String>,
}

/// Decides the request and sends the answer letter to the requester's known
/// address. A refusal or partial grant needs a lawful reason (422 without).
#[utoipa::path(post, path = "/requests/{id}/decision", tag = "requests", params(("id" = String, Path)),
    request_body = DecisionIn,
    responses((status = 200, body = RequestOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn decide(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<Json<RequestOut>> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let request = open_request(board, scope, &id).await?;
    let mut f = Fields::new(body, &["outcome", "reason", "explanation"]);
    let v = f.required("outcome");
    let outcome = f.parse("outcome", v, Outcome::from_code);
    let v = f.text("reason").filter(|r| !r.trim().is_empty());
    let had_reason = v.is_some();
    let reason = f.parse("reason", v, Reason::from_code);
    let explanation = f.text("explanation");
    if let Some(outcome) = outcome
        && (reason.is_some() || !had_reason)
        && let Err(invalid) = check_decision(request.new.kind, outcome, reason)
    {
        f.errors.push(FieldError::new("reason", invalid.code));
    }
    let outcome = f.done(outcome)?;
    let sent_to =
        service::decide(&state, board, &staff.actor(), &request, outcome, reason, explanation.as_deref()).await?;
    let mut out = answer(&state, &staff, &request.id).await?;
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
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let request = board.request(scope, &id).await?.ok_or_else(Problem::not_found)?;
    require_kind(&request, &[RequestKind::Erasure])?;
    let pupil = subject_pupil(board, &request).await?;
    let today = state.clock.today();
    Ok(Json(
        ErasureItem::ALL
            .iter()
            .map(|item| erasure_out(*item, erasure_verdict(*item, pupil.leave_date, today), false))
            .collect(),
    ))
}

/// Erases what may be erased (really deleted or irreversibly anonymised) and
/// records per item what was done and why the rest is kept.
#[utoipa::path(post, path = "/requests/{id}/erasure", tag = "requests", params(("id" = String, Path)),
    responses((status = 200, body = RequestOut), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn erase(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<RequestOut>> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let request = open_request(board, scope, &id).await?;
    require_kind(&request, &[RequestKind::Erasure])?;
    if !request.erasures.is_empty() {
        return Err(conflict("id", "request.already_erased"));
    }
    let pupil = subject_pupil(board, &request).await?;
    let today = state.clock.today();
    let verdicts: Vec<_> =
        ErasureItem::ALL.iter().map(|item| (*item, erasure_verdict(*item, pupil.leave_date, today))).collect();
    board.erase_for_request(&staff.actor(), &request.id, &pupil.id, &verdicts).await?;
    Ok(Json(answer(&state, &staff, &request.id).await?))
}

/// `{purpose?}`: without a purpose the whole pupil.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct RestrictionIn {
    purpose: Option<String>,
}

/// Restricts processing of the subject pupil (AVG art. 18), wholly or for one
/// consent purpose: the publication check then answers `restricted`.
#[utoipa::path(post, path = "/requests/{id}/restriction", tag = "requests", params(("id" = String, Path)),
    request_body = RestrictionIn,
    responses((status = 200, body = RequestOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn restrict(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<Json<RequestOut>> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let request = open_request(board, scope, &id).await?;
    require_kind(&request, &[RequestKind::Restriction, RequestKind::Rectification, RequestKind::Objection])?;
    let pupil = subject_pupil(board, &request).await?;
    let mut f = Fields::new(body, &["purpose"]);
    let purpose = f.text("purpose").filter(|p| !p.trim().is_empty());
    if let Some(purpose) = &purpose
        && !board.consent_purposes(staff.now).await?.iter().any(|p| &p.code == purpose)
    {
        f.errors.push(FieldError::new("purpose", "consent.purpose_unknown"));
    }
    f.done(Some(()))?;
    board.restrict_pupil(&staff.actor(), &request.id, &pupil.id, purpose.as_deref()).await?;
    Ok(Json(answer(&state, &staff, &request.id).await?))
}

/// `{recipients: [name…], told_on: YYYY-MM-DD}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct RecipientsToldIn {
    recipients: Vec<String>,
    told_on: String,
}

/// Records which recipients were told of a correction, erasure or restriction
/// (seed 001 art. 14.1e; AVG art. 19).
#[utoipa::path(post, path = "/requests/{id}/recipients-told", tag = "requests", params(("id" = String, Path)),
    request_body = RecipientsToldIn,
    responses((status = 200, body = RequestOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn recipients_told(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<Json<RequestOut>> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let request = open_request(board, scope, &id).await?;
    require_kind(&request, &[RequestKind::Rectification, RequestKind::Erasure, RequestKind::Restriction])?;
    let recipients: Option<Vec<String>> = match body.get("recipients") {
        Some(Value::Array(items)) => items.iter().map(|v| v.as_str().map(|s| s.trim().to_owned())).collect(),
        _ => None,
    };
    let mut f = Fields::new(body, &["recipients", "told_on"]);
    let v = f.required("told_on");
    let told_on = f.parse("told_on", v, parse_iso_date);
    if told_on.is_some_and(|d| d > state.clock.today()) {
        f.errors.push(FieldError::new("told_on", "request.told_future"));
    }
    let known = board.board_recipients().await?;
    match &recipients {
        Some(list) if !list.is_empty() && list.iter().all(|r| known.contains(r)) => {}
        Some(list) if !list.is_empty() => f.errors.push(FieldError::new("recipients", "request.recipient_unknown")),
        _ => f.errors.push(FieldError::new("recipients", "request.recipients_required")),
    }
    let (recipients, told_on) = f.done(recipients.zip(told_on))?;
    board.record_recipients_told(&staff.actor(), &request.id, &recipients, told_on).await?;
    Ok(Json(answer(&state, &staff, &request.id).await?))
}

/// `{balancing, outcome: upheld|rejected}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct BalancingIn {
    /// The interests weighed, in words.
    balancing: String,
    outcome: String,
}

/// Records the balancing of interests after an objection (AVG art. 21(1); seed 001 art. 14.1c).
#[utoipa::path(post, path = "/requests/{id}/balancing", tag = "requests", params(("id" = String, Path)),
    request_body = BalancingIn,
    responses((status = 200, body = RequestOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn balancing(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<Json<RequestOut>> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let request = open_request(board, scope, &id).await?;
    require_kind(&request, &[RequestKind::Objection])?;
    let mut f = Fields::new(body, &["balancing", "outcome"]);
    let text = f.required("balancing").map(|b| b.trim().to_owned());
    let v = f.required("outcome");
    let outcome = f.parse("outcome", v, ObjectionOutcome::from_code);
    let (text, outcome) = f.done(text.zip(outcome))?;
    board.record_balancing(&staff.actor(), &request.id, &text, outcome).await?;
    Ok(Json(answer(&state, &staff, &request.id).await?))
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
pub async fn export_zip(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<impl axum::response::IntoResponse> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, &id).await?.ok_or_else(Problem::not_found)?;
    let data = service::pupil_data(board, &staff.actor(), &pupil).await?;
    let bytes = service::export_zip(&data).map_err(|e| Problem::internal(&e))?;
    let headers = [
        (axum::http::header::CONTENT_TYPE, "application/zip"),
        (axum::http::header::CONTENT_DISPOSITION, "attachment; filename=\"gegevens-leerling.zip\""),
    ];
    Ok((headers, bytes))
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
#[utoipa::path(put, path = "/board/recipients", tag = "requests", request_body = RecipientsOut,
    responses((status = 200, body = RecipientsOut), (status = 422, body = Problem)))]
pub async fn set_recipients(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<Json<RecipientsOut>> {
    staff.may(Action::BoardSettingsManage)?;
    let names: Option<Vec<String>> = match body.get("recipients") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty() && s.len() <= 200))
            .collect(),
        _ => None,
    };
    let mut f = Fields::new(body, &["recipients"]);
    if names.is_none() {
        f.errors.push(FieldError::new("recipients", "request.recipients_list"));
    }
    let names = f.done(names)?;
    state.store.board(&staff.principal.board).set_board_recipients(&staff.actor(), &names).await?;
    Ok(Json(RecipientsOut { recipients: names }))
}
