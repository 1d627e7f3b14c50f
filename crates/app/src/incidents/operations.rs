//! The operations on the incident register that a person starts: each checks
//! the permission, validates its command and writes the change (with its
//! audit entry) through the store. The API handlers and the pages call these.

use super::commands::{
    CloseIncident, FollowUpAuthority, InformSubjects, LinkSubjects, NotifyAuthority, RecordMeasures, ReportIncident,
    Reporter,
};
use super::labels::named;
use super::{Overrule, communicate, decide, register, tell_reporter};
use crate::error::{Error, FieldError, Result};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::breach::{Assessment, BreachFacts};
use aantoonbaar_rules::incidents::{Channel, Kind, Status};
use aantoonbaar_store::{
    BoardStore, FollowUp, Incident, IncidentAssessment, IncidentFilter, IncidentLetter, IncidentSubject, Scope,
    SubjectRef,
};
use serde::Deserialize;
use utoipa::ToSchema;

/// The incident in the caller's scope for `action`, or [`Error::NotFound`].
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn find(app: &App, staff: &Staff, action: Action, id: &str) -> Result<Incident> {
    let scope = staff.may(action)?;
    app.store.board(&staff.principal.board).incident(scope, None, id).await?.ok_or(Error::NotFound)
}

/// An open incident the caller may manage: a closed one is history and is not changed.
///
/// # Errors
/// Forbidden, not found, `id` when closed, or the store.
pub async fn find_open(app: &App, staff: &Staff, id: &str) -> Result<Incident> {
    let incident = find(app, staff, Action::IncidentManage, id).await?;
    if incident.status == Status::Closed {
        return Err(Error::field("id", "incident.closed"));
    }
    Ok(incident)
}

/// The scope and the own-reports-only restriction of the caller: staff who may
/// read the register see their scope, everyone else their own reports.
#[must_use]
pub fn visible(staff: &Staff) -> (Scope, Option<String>) {
    match staff.may(Action::IncidentView) {
        Ok(scope) => (scope.clone(), None),
        Err(_) => (Scope::Board, Some(staff.principal.user_id.clone())),
    }
}

/// A staff member reports an incident or a suspected breach; the people who
/// must act are told at once (see [`register`]).
///
/// # Errors
/// Forbidden, every wrong field, or the store.
pub async fn report(app: &App, staff: &Staff, command: ReportIncident) -> Result<Incident> {
    staff.may(Action::IncidentReport)?;
    let schools = reporter_schools(app, staff).await?;
    let reporter = Reporter {
        kind: Kind::Incident,
        channel: Channel::Staff,
        user_id: Some(staff.principal.user_id.clone()),
        name: staff.principal.name.clone(),
        email: Some(staff.principal.email.clone()),
        schools: Some(schools.into_iter().map(|s| s.id).collect()),
    };
    let new = command.validate(reporter, staff.now)?;
    Ok(register(app, &staff.principal.board, &staff.actor(), &new).await?)
}

/// The schools a staff member works at (their own scope: a teacher's groups'
/// schools, a director's school), of which their report names one.
///
/// # Errors
/// When the store cannot be read.
pub async fn reporter_schools(app: &App, staff: &Staff) -> Result<Vec<aantoonbaar_store::School>> {
    Ok(app.store.board(&staff.principal.board).schools(&staff.principal.scope).await?)
}

/// The assessment of an incident: `{facts: {…as /incidents/assess…}, overrule?: {notify_authority?, notify_subjects?, reason}}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessIncident {
    #[schema(value_type = Object)]
    pub facts: BreachFacts,
    pub overrule: Option<Overrule>,
}

/// Records the assessment: the facts are assessed (an omitted moment of
/// awareness is the discovery), the outcome is stored with who decided and
/// when, and an outside reporter hears that the report moved on.
///
/// # Errors
/// Forbidden, not found, closed, an overrule without reason, or the store.
pub async fn assess(
    app: &App,
    staff: &Staff,
    id: &str,
    command: AssessIncident,
) -> Result<(IncidentAssessment, Assessment)> {
    let incident = find_open(app, staff, id).await?;
    let (record, outcome) = decide(&incident, command.facts, command.overrule, &staff.principal.email, staff.now)?;
    let board = app.store.board(&staff.principal.board);
    board.record_incident_assessment(&staff.actor(), &incident.id, &record).await?;
    tell_reporter(app, &staff.principal.board, &incident, Status::Assessed).await?;
    Ok((record, outcome))
}

/// Records the notification to the AP with the AP's reference (AVG art. 33).
///
/// # Errors
/// Forbidden, not found, closed, every wrong field, or the store.
pub async fn notify_authority(app: &App, staff: &Staff, id: &str, command: NotifyAuthority) -> Result<()> {
    let incident = find_open(app, staff, id).await?;
    let valid = command.validate(&incident, staff.now)?;
    app.store
        .board(&staff.principal.board)
        .record_authority_notification(
            &staff.actor(),
            &incident.id,
            valid.sent_at,
            &valid.ap_reference,
            valid.delay_reason.as_deref(),
        )
        .await?;
    Ok(())
}

/// Records further information sent to the AP (AVG art. 33 lid 4).
///
/// # Errors
/// Forbidden, not found, closed, every wrong field, or the store.
pub async fn follow_up(app: &App, staff: &Staff, id: &str, command: FollowUpAuthority) -> Result<FollowUp> {
    let incident = find_open(app, staff, id).await?;
    let (content, sent_at) = command.validate(&incident, staff.now)?;
    let board = app.store.board(&staff.principal.board);
    Ok(board.add_authority_follow_up(&staff.actor(), &incident.id, sent_at, &content).await?)
}

/// Links the people whose data the incident concerns: pupils and guardians in
/// the caller's scope, staff of the board; every unknown id is named.
///
/// # Errors
/// Forbidden, not found, closed, unknown ids, or the store.
pub async fn link_subjects(app: &App, staff: &Staff, id: &str, command: LinkSubjects) -> Result<Vec<IncidentSubject>> {
    let incident = find_open(app, staff, id).await?;
    let scope = staff.may(Action::IncidentManage)?;
    let board = app.store.board(&staff.principal.board);
    let mut errors = Vec::new();
    let mut refs = Vec::new();
    for pupil in &command.pupil_ids {
        match board.pupil(scope, pupil).await? {
            Some(p) => refs.push(SubjectRef::Pupil(p.id)),
            None => errors.push(FieldError::new("pupil_ids", "reference.unknown")),
        }
    }
    for guardian in &command.guardian_ids {
        match board.guardian(scope, guardian).await? {
            Some(g) => refs.push(SubjectRef::Guardian(g.id)),
            None => errors.push(FieldError::new("guardian_ids", "reference.unknown")),
        }
    }
    if !command.user_ids.is_empty() {
        let users = board.users(&Scope::Board).await?;
        for user in &command.user_ids {
            match users.iter().find(|u| &u.id == user) {
                Some(u) => refs.push(SubjectRef::User(u.id.clone())),
                None => errors.push(FieldError::new("user_ids", "reference.unknown")),
            }
        }
    }
    if refs.is_empty() && errors.is_empty() {
        errors.push(FieldError::new("pupil_ids", "field.required"));
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(named(errors)));
    }
    board.link_incident_subjects(&staff.actor(), &incident.id, &refs).await?;
    Ok(board.incident_subjects(&incident.id).await?)
}

/// Informs the people concerned (AVG art. 34): letters to the guardians of
/// each linked pupil and every linked guardian, or the reason no letters are
/// needed, or the text of a public announcement.
///
/// # Errors
/// Forbidden, not found, closed, every wrong field, nobody to write to, or the store.
pub async fn inform_subjects(
    app: &App,
    staff: &Staff,
    id: &str,
    command: InformSubjects,
) -> Result<Vec<IncidentLetter>> {
    let incident = find_open(app, staff, id).await?;
    let communication = command.validate()?;
    communicate(app, &staff.principal.board, &staff.actor(), &incident, &communication).await
}

/// Records the measures taken or proposed in the AP draft (AVG art. 33 lid 3 d).
///
/// # Errors
/// Forbidden, not found, closed, every wrong field, or the store.
pub async fn record_measures(app: &App, staff: &Staff, id: &str, command: RecordMeasures) -> Result<()> {
    let incident = find_open(app, staff, id).await?;
    let measures = command.validate()?;
    app.store.board(&staff.principal.board).record_incident_measures(&staff.actor(), &incident.id, &measures).await?;
    Ok(())
}

/// Closes the incident with the measures, the cause and the evaluation; a
/// notifiable breach closes only after the AP notification is recorded.
///
/// # Errors
/// Forbidden, not found, closed, every wrong field, or the store.
pub async fn close(app: &App, staff: &Staff, id: &str, command: CloseIncident) -> Result<()> {
    let incident = find_open(app, staff, id).await?;
    let closing = command.validate(&incident)?;
    app.store.board(&staff.principal.board).close_incident(&staff.actor(), &incident.id, &closing).await?;
    tell_reporter(app, &staff.principal.board, &incident, Status::Closed).await?;
    Ok(())
}

/// Records that the caller saw the pupils and guardians linked to an incident.
///
/// # Errors
/// When the audit trail cannot be written.
pub async fn record_subject_views(board: BoardStore<'_>, staff: &Staff, subjects: &[IncidentSubject]) -> Result<()> {
    for kind in ["pupil", "guardian"] {
        let ids: Vec<String> = subjects.iter().filter(|s| s.kind == kind).map(|s| s.id.clone()).collect();
        board.record_views(&staff.actor(), kind, &ids).await?;
    }
    Ok(())
}

/// The register's filters as typed (the API's query, the page's query).
#[derive(Debug, Clone, Default)]
pub struct RegisterFilter {
    /// `reported, assessed, closed`
    pub status: Option<String>,
    /// `incident, vulnerability`
    pub kind: Option<String>,
    pub school_id: Option<String>,
    /// Only assessed incidents that are (`true`) or are not (`false`) a breach.
    pub breach: Option<bool>,
}

impl RegisterFilter {
    /// The store's filter, for the caller's own reports when `reported_by` is set.
    ///
    /// # Errors
    /// Every unknown status or kind.
    pub fn validate(self, reported_by: Option<String>) -> Result<IncidentFilter, Vec<FieldError>> {
        let mut errors = Vec::new();
        let code = |value: Option<String>| value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let status = code(self.status)
            .map(|s| Status::from_code(&s).map_err(|e| errors.push(FieldError::new("status", e.code))).ok())
            .unwrap_or_default();
        let kind = code(self.kind)
            .map(|k| Kind::from_code(&k).map_err(|e| errors.push(FieldError::new("kind", e.code))).ok())
            .unwrap_or_default();
        let filter = IncidentFilter {
            reported_by,
            status,
            kind,
            school_id: code(self.school_id),
            breach: self.breach,
            pupil_id: None,
        };
        crate::input::done(named(errors), Some(filter))
    }
}

/// The incident register, newest first: the caller's scope (director: their
/// school; IBP manager, board, FG: the board), or only one's own reports.
///
/// # Errors
/// Forbidden, an unknown filter value, or the store.
pub async fn register_list(app: &App, staff: &Staff, filter: RegisterFilter) -> Result<Vec<Incident>> {
    staff.may(Action::IncidentReport)?;
    let (scope, own) = visible(staff);
    let filter = filter.validate(own)?;
    Ok(app.store.board(&staff.principal.board).incidents(&scope, &filter).await?)
}
