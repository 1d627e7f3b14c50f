//! Incidents and data breaches: the stateless assessment, and the register:
//! report, assess, notify the AP, link the people concerned, inform them, close.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::incidents::{
    self as app, AssessIncident, CloseIncident, FollowUpAuthority, InformSubjects, LinkSubjects, NotifyAuthority,
    RecordMeasures, ReportIncident, authority_draft, deadline_text, record_subject_views,
};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::breach::{Assessment, BreachFacts, assess as assess_breach};
use aantoonbaar_rules::incidents::overdue;
use aantoonbaar_store::Incident;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Assesses a possible personal-data breach from the facts (stateless: stores
/// nothing): whether it is a breach, the risk for the people concerned, whether and by when to
/// notify the AP (GDPR art. 33) and whether to inform the people concerned
/// (art. 34), with the reason of every step. Omitted facts get the safe value.
#[utoipa::path(post, path = "/incidents/assess", tag = "incidents",
    request_body(content = Object, description = "The facts; every field optional (see the README)"),
    responses((status = 200, description = "The assessment"), (status = 400, body = crate::error::Problem)))]
pub async fn assess(_staff: Staff, ApiJson(facts): ApiJson<BreachFacts>) -> Json<Assessment> {
    Json(assess_breach(&facts))
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
    authority_draft: Vec<aantoonbaar_app::incidents::DraftField>,
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

/// Reports an incident or a suspected data breach. The IBP manager, the
/// director of the school and the FG are e-mailed at once; the reporter gets
/// the reference. A report more than 24 hours after discovery is flagged.
#[utoipa::path(post, path = "/incidents", tag = "incidents", request_body = ReportIncident,
    responses((status = 201, body = ReportedOut), (status = 422, body = Problem)))]
pub async fn report(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<ReportIncident>,
) -> ApiResult<(StatusCode, Json<ReportedOut>)> {
    let incident = app::report(&state, &staff, command).await?;
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

/// The incident register, newest first: the caller's scope (director: their
/// school; IBP manager, board, FG: the board), or only one's own reports.
#[utoipa::path(get, path = "/incidents", tag = "incidents", params(RegisterFilter),
    responses((status = 200, body = [IncidentOut]), (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<RegisterFilter>,
) -> ApiResult<Json<Vec<IncidentOut>>> {
    let filter = app::RegisterFilter {
        status: query.status,
        kind: query.kind,
        school_id: query.school_id,
        breach: query.breach,
    };
    let incidents = app::register_list(&state, &staff, filter).await?;
    Ok(Json(incidents.iter().map(|i| out(i, staff.now)).collect()))
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
    let incident = app::find(&state, &staff, Action::IncidentView, &id).await?;
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
    request_body = AssessIncident,
    responses((status = 200, body = AssessmentOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn assessment(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<AssessIncident>,
) -> ApiResult<Json<AssessmentOut>> {
    let (record, outcome) = app::assess(&state, &staff, &id, command).await?;
    Ok(Json(AssessmentOut {
        outcome,
        notify_authority: record.notify_authority,
        notify_subjects: record.notify_subjects,
        overrule_reason: record.overrule_reason,
        decided_by: record.decided_by,
        decided_at: deadline_text(record.decided_at),
    }))
}

/// Records the notification to the AP with the AP's reference. After the
/// 72-hour deadline the reasons for the delay are required (AVG art. 33 lid 1).
#[utoipa::path(post, path = "/incidents/{id}/authority-notification", tag = "incidents", params(("id" = String, Path)),
    request_body = NotifyAuthority,
    responses((status = 204), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn authority_notification(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<NotifyAuthority>,
) -> ApiResult<StatusCode> {
    app::notify_authority(&state, &staff, &id, command).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Records further information sent to the AP after the notification (AVG art. 33 lid 4).
#[utoipa::path(post, path = "/incidents/{id}/follow-ups", tag = "incidents", params(("id" = String, Path)),
    request_body = FollowUpAuthority,
    responses((status = 201, description = "The follow-up"), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn follow_up(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<FollowUpAuthority>,
) -> ApiResult<(StatusCode, Json<aantoonbaar_store::FollowUp>)> {
    let follow_up = app::follow_up(&state, &staff, &id, command).await?;
    Ok((StatusCode::CREATED, Json(follow_up)))
}

/// Records the measures taken or proposed, for the AP draft (AVG art. 33 lid 3
/// d), while the incident is open; closing records the final text.
#[utoipa::path(put, path = "/incidents/{id}/measures", tag = "incidents", params(("id" = String, Path)),
    request_body = RecordMeasures,
    responses((status = 204), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn measures(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<RecordMeasures>,
) -> ApiResult<StatusCode> {
    app::record_measures(&state, &staff, &id, command).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Links the people whose data the incident concerns: pupils and guardians in
/// the caller's scope, staff of the board. Unknown ids give 422.
#[utoipa::path(post, path = "/incidents/{id}/subjects", tag = "incidents", params(("id" = String, Path)),
    request_body = LinkSubjects,
    responses((status = 200, description = "The people linked"), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn subjects(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<LinkSubjects>,
) -> ApiResult<Json<Vec<aantoonbaar_store::IncidentSubject>>> {
    Ok(Json(app::link_subjects(&state, &staff, &id, command).await?))
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
    request_body = InformSubjects,
    responses((status = 200, body = [LetterOut]), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn letters(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<InformSubjects>,
) -> ApiResult<Json<Vec<LetterOut>>> {
    let letters = app::inform_subjects(&state, &staff, &id, command).await?;
    Ok(Json(
        letters
            .into_iter()
            .map(|l| LetterOut {
                pdf: format!("/incidenten/{id}/brieven/{}.pdf", l.id),
                id: l.id,
                recipient_name: l.recipient_name,
                recipient_email: l.recipient_email,
            })
            .collect(),
    ))
}

/// Closes the incident with the measures, the cause and the evaluation. A
/// notifiable breach closes only after the AP notification is recorded.
#[utoipa::path(post, path = "/incidents/{id}/close", tag = "incidents", params(("id" = String, Path)),
    request_body = CloseIncident,
    responses((status = 204), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn close(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<CloseIncident>,
) -> ApiResult<StatusCode> {
    app::close(&state, &staff, &id, command).await?;
    Ok(StatusCode::NO_CONTENT)
}
