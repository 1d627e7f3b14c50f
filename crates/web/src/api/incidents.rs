//! Incidents and data breaches: the stateless assessment, and the register:
//! report, assess, notify the AP, link the people concerned, inform them, close.

use super::{ApiJson, Fields};
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, FieldError, Problem};
use crate::incidents::{
    Overrule, RawReport, Reporter, authority_draft, communicate, deadline_text, decide, parse_moment,
    report as register, tell_reporter, validate_communication, validate_report,
};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::breach::{Assessment, BreachFacts, assess as assess_breach};
use aantoonbaar_rules::incidents::{Channel, Kind, Status, overdue};
use aantoonbaar_store::{Closing, Incident, IncidentFilter, Scope, SubjectRef};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::{IntoParams, ToSchema};

/// Assesses a possible personal-data breach from the facts (stateless: stores
/// nothing): whether it is a breach, its severity (ENISA), whether and by when to
/// notify the AP (GDPR art. 33) and whether to inform the people concerned
/// (art. 34), with the reason of every step. Omitted facts get the safe value.
#[utoipa::path(post, path = "/incidents/assess", tag = "incidents",
    request_body(content = Object, description = "The facts; every field optional (see the README)"),
    responses((status = 200, description = "The assessment"), (status = 400, body = crate::error::Problem)))]
pub async fn assess(_staff: Staff, ApiJson(facts): ApiJson<BreachFacts>) -> Json<Assessment> {
    Json(assess_breach(&facts))
}

/// `{school_id?, what_happened, discovered_at (RFC 3339), data_concerned?, people_concerned?, device?, ongoing?}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct ReportIn {
    school_id: Option<String>,
    what_happened: String,
    discovered_at: String,
    data_concerned: Option<String>,
    people_concerned: Option<String>,
    device: Option<String>,
    ongoing: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct ReportedOut {
    id: String,
    /// `INC-2026-0001`
    reference: String,
    /// Reported more than 24 hours after discovery (seed 002 §8.4.5).
    reported_late: bool,
}

/// One incident of the register.
#[derive(Serialize, ToSchema)]
pub struct IncidentOut {
    id: String,
    reference: String,
    /// `incident, vulnerability`
    kind: String,
    /// `staff, portal, public`
    channel: String,
    school_id: Option<String>,
    reporter_name: String,
    what_happened: String,
    discovered_at: String,
    reported_at: String,
    data_concerned: String,
    people_concerned: String,
    device: String,
    ongoing: bool,
    reported_late: bool,
    /// `reported, assessed, closed`
    status: String,
    is_breach: Option<bool>,
    /// `none, low, medium, high, very_high`
    severity: Option<String>,
    /// The decision (after any overrule).
    notify_authority: Option<bool>,
    notify_subjects: Option<bool>,
    /// The 72-hour deadline (RFC 3339, Dutch time) of a breach to notify.
    authority_deadline: Option<String>,
    /// The deadline passed without (or before) the notification.
    overdue: bool,
    authority_sent_at: Option<String>,
    authority_reference: Option<String>,
    closed_at: Option<String>,
}

/// The detail: everything of the register, the assessment and what followed.
#[derive(Serialize, ToSchema)]
pub struct IncidentDetailOut {
    #[serde(flatten)]
    incident: IncidentOut,
    #[schema(value_type = Object)]
    assessment: Option<aantoonbaar_store::IncidentAssessment>,
    delay_reason: Option<String>,
    #[schema(value_type = Vec<Object>)]
    follow_ups: Vec<aantoonbaar_store::FollowUp>,
    #[schema(value_type = Vec<Object>)]
    subjects: Vec<aantoonbaar_store::IncidentSubject>,
    /// `letters, not_needed, public_announcement`
    subjects_decision: Option<String>,
    subjects_reason: Option<String>,
    announcement: Option<String>,
    #[schema(value_type = Vec<Object>)]
    letters: Vec<aantoonbaar_store::IncidentLetter>,
    measures: Option<String>,
    cause: Option<String>,
    evaluation: Option<String>,
    /// The notification to the AP, field by field (AVG art. 33 lid 3 a–d).
    authority_draft: Vec<crate::incidents::DraftField>,
}

fn out(incident: &Incident, now: jiff::Timestamp) -> IncidentOut {
    let a = incident.assessment.as_ref();
    let deadline = a.filter(|a| a.notify_authority).and_then(|a| a.deadline_at);
    IncidentOut {
        id: incident.id.clone(),
        reference: incident.reference.clone(),
        kind: incident.kind.code().to_owned(),
        channel: incident.channel.code().to_owned(),
        school_id: incident.school_id.clone(),
        reporter_name: incident.reporter_name.clone(),
        what_happened: incident.what_happened.clone(),
        discovered_at: deadline_text(incident.discovered_at),
        reported_at: deadline_text(incident.reported_at),
        data_concerned: incident.data_concerned.clone(),
        people_concerned: incident.people_concerned.clone(),
        device: incident.device.clone(),
        ongoing: incident.ongoing,
        reported_late: incident.reported_late,
        status: incident.status.code().to_owned(),
        is_breach: a.map(|a| a.is_breach),
        severity: a.map(|a| a.severity.clone()),
        notify_authority: a.map(|a| a.notify_authority),
        notify_subjects: a.map(|a| a.notify_subjects),
        authority_deadline: deadline.map(deadline_text),
        overdue: deadline.is_some_and(|d| overdue(d, incident.authority_sent_at, now)),
        authority_sent_at: incident.authority_sent_at.map(deadline_text),
        authority_reference: incident.authority_reference.clone(),
        closed_at: incident.closed_at.map(deadline_text),
    }
}

/// The scope and the own-reports-only restriction of the caller: staff who may
/// read the register see their scope, everyone else their own reports.
pub(crate) fn visible(staff: &Staff) -> (Scope, Option<String>) {
    match staff.may(Action::IncidentView) {
        Ok(scope) => (scope.clone(), None),
        Err(_) => (Scope::Board, Some(staff.principal.user_id.clone())),
    }
}

/// Reports an incident or a suspected data breach. The IBP manager, the
/// director of the school and the FG are e-mailed at once; the reporter gets
/// the reference. A report more than 24 hours after discovery is flagged.
#[utoipa::path(post, path = "/incidents", tag = "incidents", request_body = ReportIn,
    responses((status = 201, body = ReportedOut), (status = 422, body = Problem)))]
pub async fn report(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<(StatusCode, Json<ReportedOut>)> {
    staff.may(Action::IncidentReport)?;
    let known =
        ["school_id", "what_happened", "discovered_at", "data_concerned", "people_concerned", "device", "ongoing"];
    let ongoing = matches!(body.get("ongoing"), Some(Value::Bool(true)));
    let mut f = Fields::new(body, &known);
    let raw = RawReport {
        school_id: f.text("school_id"),
        what_happened: f.text("what_happened"),
        discovered_at: f.text("discovered_at"),
        data_concerned: f.text("data_concerned"),
        people_concerned: f.text("people_concerned"),
        device: f.text("device"),
        ongoing,
    };
    let reporter = Reporter {
        kind: Kind::Incident,
        channel: Channel::Staff,
        user_id: Some(staff.principal.user_id.clone()),
        name: staff.principal.name.clone(),
        email: Some(staff.principal.email.clone()),
    };
    let new = match validate_report(raw, reporter, staff.now) {
        Ok(new) => Some(new),
        Err(errors) => {
            f.errors.extend(errors);
            None
        }
    };
    let new = f.done(new)?;
    let incident = register(&state, &staff.principal.board, &staff.actor(), &new).await?;
    Ok((
        StatusCode::CREATED,
        Json(ReportedOut { id: incident.id, reference: incident.reference, reported_late: incident.reported_late }),
    ))
}

#[derive(Deserialize, IntoParams)]
pub struct RegisterFilter {
    /// `reported, assessed, closed`
    status: Option<String>,
    /// `incident, vulnerability`
    kind: Option<String>,
    school_id: Option<String>,
    /// Only assessed incidents that are (`true`) or are not (`false`) a breach.
    breach: Option<bool>,
}

/// Parses the register's filters (shared with the register page).
///
/// # Errors
/// A 422 naming an unknown status or kind.
pub(crate) fn filter_from(
    status: Option<&str>,
    kind: Option<&str>,
    school_id: Option<String>,
    breach: Option<bool>,
    reported_by: Option<String>,
) -> Result<IncidentFilter, Problem> {
    let mut errors = Vec::new();
    let status = status.filter(|s| !s.is_empty()).map(Status::from_code).transpose().unwrap_or_else(|e| {
        errors.push(FieldError::new("status", e.code));
        None
    });
    let kind = kind.filter(|s| !s.is_empty()).map(Kind::from_code).transpose().unwrap_or_else(|e| {
        errors.push(FieldError::new("kind", e.code));
        None
    });
    if !errors.is_empty() {
        return Err(Problem::invalid(errors));
    }
    Ok(IncidentFilter {
        reported_by,
        status,
        kind,
        school_id: school_id.filter(|s| !s.is_empty()),
        breach,
        pupil_id: None,
    })
}

/// The incident register, newest first: the caller's scope (director: their
/// school; IBP manager, board, FG: the board), or only one's own reports.
#[utoipa::path(get, path = "/incidents", tag = "incidents", params(RegisterFilter),
    responses((status = 200, body = [IncidentOut]), (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<RegisterFilter>,
) -> ApiResult<Json<Vec<IncidentOut>>> {
    staff.may(Action::IncidentReport)?;
    let (scope, own) = visible(&staff);
    let filter = filter_from(query.status.as_deref(), query.kind.as_deref(), query.school_id, query.breach, own)?;
    let incidents = state.store.board(&staff.principal.board).incidents(&scope, &filter).await?;
    Ok(Json(incidents.iter().map(|i| out(i, staff.now)).collect()))
}

/// The incident in the caller's scope, or 404.
async fn find(state: &AppState, staff: &Staff, action: Action, id: &str) -> ApiResult<Incident> {
    let scope = staff.may(action)?;
    state.store.board(&staff.principal.board).incident(scope, None, id).await?.ok_or_else(Problem::not_found)
}

/// An open incident in scope: a closed one is history and is not changed.
async fn find_open(state: &AppState, staff: &Staff, id: &str) -> ApiResult<Incident> {
    let incident = find(state, staff, Action::IncidentManage, id).await?;
    if incident.status == Status::Closed {
        return Err(Problem::invalid(vec![FieldError::new("id", "incident.closed")]));
    }
    Ok(incident)
}

/// One incident with its assessment, notification, people concerned, letters
/// and the AP draft. Viewing it is written to the audit trail.
#[utoipa::path(get, path = "/incidents/{id}", tag = "incidents", params(("id" = String, Path)),
    responses((status = 200, body = IncidentDetailOut), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<IncidentDetailOut>> {
    let incident = find(&state, &staff, Action::IncidentView, &id).await?;
    let board = state.store.board(&staff.principal.board);
    board.record_view(&staff.actor(), "incident", &incident.id).await?;
    let subjects = board.incident_subjects(&incident.id).await?;
    record_subject_views(board, &staff, &subjects).await?;
    let detail = IncidentDetailOut {
        incident: out(&incident, staff.now),
        follow_ups: board.authority_follow_ups(&incident.id).await?,
        subjects,
        letters: board.incident_letters(&incident.id).await?,
        authority_draft: authority_draft(&state, &staff.principal.board, &incident).await?,
        assessment: incident.assessment,
        delay_reason: incident.delay_reason,
        subjects_decision: incident.subjects_decision.map(|d| d.code().to_owned()),
        subjects_reason: incident.subjects_reason,
        announcement: incident.announcement,
        measures: incident.measures,
        cause: incident.cause,
        evaluation: incident.evaluation,
    };
    Ok(Json(detail))
}

/// Records that the caller saw the pupils and guardians linked to an incident.
pub(crate) async fn record_subject_views(
    board: aantoonbaar_store::BoardStore<'_>,
    staff: &Staff,
    subjects: &[aantoonbaar_store::IncidentSubject],
) -> ApiResult<()> {
    for kind in ["pupil", "guardian"] {
        let ids: Vec<String> = subjects.iter().filter(|s| s.kind == kind).map(|s| s.id.clone()).collect();
        board.record_views(&staff.actor(), kind, &ids).await?;
    }
    Ok(())
}

/// `{facts: {…as /incidents/assess…}, overrule?: {notify_authority?, notify_subjects?, reason}}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentIn {
    #[schema(value_type = Object)]
    facts: BreachFacts,
    overrule: Option<Overrule>,
}

#[derive(Serialize, ToSchema)]
pub struct AssessmentOut {
    #[schema(value_type = Object)]
    outcome: Assessment,
    /// The decision: the outcome, or the overrule.
    notify_authority: bool,
    notify_subjects: bool,
    overrule_reason: Option<String>,
    decided_by: String,
    decided_at: String,
}

/// Records the assessment: the facts are assessed (`/incidents/assess`; an
/// omitted moment of awareness is the discovery) and the outcome is stored with
/// who decided and when. Overruling the outcome needs a written reason (422).
#[utoipa::path(post, path = "/incidents/{id}/assessment", tag = "incidents", params(("id" = String, Path)),
    request_body = AssessmentIn,
    responses((status = 200, body = AssessmentOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn assessment(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AssessmentIn>,
) -> ApiResult<Json<AssessmentOut>> {
    let incident = find_open(&state, &staff, &id).await?;
    let (record, outcome) = decide(&incident, body.facts, body.overrule, &staff.principal.email, staff.now)
        .map_err(|e| Problem::invalid(vec![e]))?;
    state.store.board(&staff.principal.board).record_incident_assessment(&staff.actor(), &incident.id, &record).await?;
    tell_reporter(&state, &staff.principal.board, &incident, Status::Assessed).await?;
    Ok(Json(AssessmentOut {
        outcome,
        notify_authority: record.notify_authority,
        notify_subjects: record.notify_subjects,
        overrule_reason: record.overrule_reason,
        decided_by: record.decided_by,
        decided_at: deadline_text(record.decided_at),
    }))
}

/// `{ap_reference, sent_at? (RFC 3339, default now), delay_reason?}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct NotificationIn {
    ap_reference: String,
    sent_at: Option<String>,
    delay_reason: Option<String>,
}

/// Records the notification to the AP with the AP's reference. After the
/// 72-hour deadline the reasons for the delay are required (AVG art. 33 lid 1).
#[utoipa::path(post, path = "/incidents/{id}/authority-notification", tag = "incidents", params(("id" = String, Path)),
    request_body = NotificationIn,
    responses((status = 204), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn authority_notification(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<StatusCode> {
    let incident = find_open(&state, &staff, &id).await?;
    let mut f = Fields::new(body, &["ap_reference", "sent_at", "delay_reason"]);
    let reference = f.required("ap_reference");
    let sent_text = f.text("sent_at");
    let sent_at = match sent_text {
        Some(text) => f.parse("sent_at", Some(text), parse_moment),
        None => Some(staff.now),
    };
    let delay_reason = f.text("delay_reason").map(|r| r.trim().to_owned()).filter(|r| !r.is_empty());
    let Some(assessment) = incident.assessment.as_ref() else {
        return Err(Problem::invalid(vec![FieldError::new("id", "incident.not_assessed")]));
    };
    if let Some(sent) = sent_at {
        if sent > staff.now + jiff::SignedDuration::from_mins(5) {
            f.errors.push(FieldError::new("sent_at", "incident.sent_in_future"));
        }
        let late = assessment.deadline_at.is_some_and(|deadline| overdue(deadline, Some(sent), staff.now));
        if late && delay_reason.is_none() {
            f.errors.push(FieldError::new("delay_reason", "incident.delay_reason_required"));
        }
    }
    for (field, value) in [("ap_reference", reference.as_deref()), ("delay_reason", delay_reason.as_deref())] {
        if value.is_some_and(|v| v.chars().count() > crate::incidents::TEXT_LIMIT) {
            f.errors.push(FieldError::new(field, "incident.text_too_long"));
        }
    }
    let (reference, sent_at) = f.done(reference.zip(sent_at))?;
    state
        .store
        .board(&staff.principal.board)
        .record_authority_notification(&staff.actor(), &incident.id, sent_at, reference.trim(), delay_reason.as_deref())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `{content, sent_at? (RFC 3339, default now)}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct FollowUpIn {
    content: String,
    sent_at: Option<String>,
}

/// Records further information sent to the AP after the notification (AVG art. 33 lid 4).
#[utoipa::path(post, path = "/incidents/{id}/follow-ups", tag = "incidents", params(("id" = String, Path)),
    request_body = FollowUpIn,
    responses((status = 201, description = "The follow-up"), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn follow_up(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<(StatusCode, Json<aantoonbaar_store::FollowUp>)> {
    let incident = find_open(&state, &staff, &id).await?;
    let mut f = Fields::new(body, &["content", "sent_at"]);
    let content = f.text("content");
    let content =
        crate::incidents::validate_follow_up(&incident, content).map_err(|errors| f.errors.extend(errors)).ok();
    let sent_at = match f.text("sent_at") {
        Some(text) => f.parse("sent_at", Some(text), parse_moment),
        None => Some(staff.now),
    };
    let (content, sent_at) = f.done(content.zip(sent_at))?;
    let follow_up = state
        .store
        .board(&staff.principal.board)
        .add_authority_follow_up(&staff.actor(), &incident.id, sent_at, &content)
        .await?;
    Ok((StatusCode::CREATED, Json(follow_up)))
}

/// `{pupil_ids?: [...], guardian_ids?: [...], user_ids?: [...]}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubjectsIn {
    #[serde(default)]
    pupil_ids: Vec<String>,
    #[serde(default)]
    guardian_ids: Vec<String>,
    #[serde(default)]
    user_ids: Vec<String>,
}

/// Links the people whose data the incident concerns: pupils and guardians in
/// the caller's scope, staff of the board. Unknown ids give 422.
#[utoipa::path(post, path = "/incidents/{id}/subjects", tag = "incidents", params(("id" = String, Path)),
    request_body = SubjectsIn,
    responses((status = 200, description = "The people linked"), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn subjects(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SubjectsIn>,
) -> ApiResult<Json<Vec<aantoonbaar_store::IncidentSubject>>> {
    let incident = find_open(&state, &staff, &id).await?;
    let linked = link(&state, &staff, &incident, &body.pupil_ids, &body.guardian_ids, &body.user_ids).await?;
    Ok(Json(linked))
}

/// Links pupils and guardians in the caller's scope and staff of the board to
/// the incident (shared with the page); 422 naming the list with an unknown id.
pub(crate) async fn link(
    state: &AppState,
    staff: &Staff,
    incident: &Incident,
    pupil_ids: &[String],
    guardian_ids: &[String],
    user_ids: &[String],
) -> ApiResult<Vec<aantoonbaar_store::IncidentSubject>> {
    let scope = staff.may(Action::IncidentManage)?;
    let board = state.store.board(&staff.principal.board);
    let mut errors = Vec::new();
    let mut refs = Vec::new();
    for pupil in pupil_ids {
        match board.pupil(scope, pupil).await? {
            Some(p) => refs.push(SubjectRef::Pupil(p.id)),
            None => errors.push(FieldError::new("pupil_ids", "reference.unknown")),
        }
    }
    for guardian in guardian_ids {
        match board.guardian(scope, guardian).await? {
            Some(g) => refs.push(SubjectRef::Guardian(g.id)),
            None => errors.push(FieldError::new("guardian_ids", "reference.unknown")),
        }
    }
    let users = board.users(&Scope::Board).await?;
    for user in user_ids {
        match users.iter().find(|u| &u.id == user) {
            Some(u) => refs.push(SubjectRef::User(u.id.clone())),
            None => errors.push(FieldError::new("user_ids", "reference.unknown")),
        }
    }
    if refs.is_empty() && errors.is_empty() {
        errors.push(FieldError::new("pupil_ids", "field.required"));
    }
    if !errors.is_empty() {
        return Err(Problem::invalid(errors));
    }
    board.link_incident_subjects(&staff.actor(), &incident.id, &refs).await?;
    Ok(board.incident_subjects(&incident.id).await?)
}

/// `{decision: letters|not_needed|public_announcement, consequences?, measures?, reason?, announcement?}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct LettersIn {
    decision: String,
    consequences: Option<String>,
    measures: Option<String>,
    reason: Option<String>,
    announcement: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct LetterOut {
    id: String,
    recipient_name: String,
    recipient_email: Option<String>,
    /// The letter as PDF, on the incident's page.
    pdf: String,
}

/// Informs the people concerned (AVG art. 34): a letter to every guardian of
/// each linked pupil and every linked guardian, e-mailed and as PDF; or the
/// reason no letters are needed, or the text of a public announcement.
#[utoipa::path(post, path = "/incidents/{id}/letters", tag = "incidents", params(("id" = String, Path)),
    request_body = LettersIn,
    responses((status = 200, body = [LetterOut]), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn letters(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<Json<Vec<LetterOut>>> {
    let incident = find_open(&state, &staff, &id).await?;
    let mut f = Fields::new(body, &["decision", "consequences", "measures", "reason", "announcement"]);
    let decision = f.text("decision");
    let (consequences, measures, reason, announcement) =
        (f.text("consequences"), f.text("measures"), f.text("reason"), f.text("announcement"));
    let communication = match validate_communication(decision.as_deref(), reason, announcement, consequences, measures)
    {
        Ok(c) => Some(c),
        Err(errors) => {
            f.errors.extend(errors);
            None
        }
    };
    let communication = f.done(communication)?;
    let letters = communicate(&state, &staff.principal.board, &staff.actor(), &incident, &communication).await?;
    Ok(Json(
        letters
            .into_iter()
            .map(|l| LetterOut {
                pdf: format!("/incidenten/{}/brieven/{}.pdf", incident.id, l.id),
                id: l.id,
                recipient_name: l.recipient_name,
                recipient_email: l.recipient_email,
            })
            .collect(),
    ))
}

/// `{measures, cause, evaluation}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct CloseIn {
    measures: String,
    cause: String,
    evaluation: String,
}

/// Reads the closing fields (shared with the page).
///
/// # Errors
/// Every missing or too long field; `id` when the incident is not assessed or
/// a notifiable breach was not yet notified to the AP.
pub(crate) fn closing(
    incident: &Incident,
    measures: Option<String>,
    cause: Option<String>,
    evaluation: Option<String>,
) -> Result<Closing, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut read = |field: &str, value: Option<String>| {
        let value = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        match &value {
            None => errors.push(FieldError::new(field, "field.required")),
            Some(v) if v.chars().count() > crate::incidents::TEXT_LIMIT => {
                errors.push(FieldError::new(field, "incident.text_too_long"));
            }
            Some(_) => {}
        }
        value
    };
    let (measures, cause, evaluation) =
        (read("measures", measures), read("cause", cause), read("evaluation", evaluation));
    match &incident.assessment {
        None => errors.push(FieldError::new("id", "incident.not_assessed")),
        Some(a) if a.notify_authority && incident.authority_sent_at.is_none() => {
            errors.push(FieldError::new("id", "incident.not_notified"));
        }
        Some(_) => {}
    }
    match (measures, cause, evaluation) {
        (Some(measures), Some(cause), Some(evaluation)) if errors.is_empty() => {
            Ok(Closing { measures, cause, evaluation })
        }
        _ => Err(errors),
    }
}

/// Closes the incident with the measures, the cause and the evaluation. A
/// notifiable breach closes only after the AP notification is recorded.
#[utoipa::path(post, path = "/incidents/{id}/close", tag = "incidents", params(("id" = String, Path)),
    request_body = CloseIn,
    responses((status = 204), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn close(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<StatusCode> {
    let incident = find_open(&state, &staff, &id).await?;
    let mut f = Fields::new(body, &["measures", "cause", "evaluation"]);
    let (measures, cause, evaluation) = (f.text("measures"), f.text("cause"), f.text("evaluation"));
    let closing = match closing(&incident, measures, cause, evaluation) {
        Ok(c) => Some(c),
        Err(errors) => {
            f.errors.extend(errors);
            None
        }
    };
    let closing = f.done(closing)?;
    state.store.board(&staff.principal.board).close_incident(&staff.actor(), &incident.id, &closing).await?;
    tell_reporter(&state, &staff.principal.board, &incident, Status::Closed).await?;
    Ok(StatusCode::NO_CONTENT)
}
