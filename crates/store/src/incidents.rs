//! The incident register: reports, assessments, the notification to the AP,
//! the people concerned, the letters to them, and closing (seed 001 §10.4;
//! seed 002 §8.4; AVG art. 33 and 34).

use crate::{Actor, Backend, BoardStore, Result, Scope, postgres, sqlite};
use aantoonbaar_rules::incidents::{Channel, Kind, Status, SubjectsDecision, Warning};
use jiff::Timestamp;
use serde::Serialize;

/// A report as the reporter made it.
#[derive(Debug, Clone)]
pub struct NewIncident {
    pub kind: Kind,
    pub channel: Channel,
    pub school_id: Option<String>,
    /// The staff user who reported (none for the portal and the public page).
    pub reported_by: Option<String>,
    pub reporter_name: String,
    pub reporter_email: Option<String>,
    pub what_happened: String,
    pub discovered_at: Timestamp,
    pub data_concerned: String,
    pub people_concerned: String,
    pub device: String,
    pub ongoing: bool,
}

/// The recorded assessment: the facts, the outcome of `rules::breach::assess`
/// and the decision (the outcome, or an overrule with its written reason).
#[derive(Debug, Clone, Serialize)]
pub struct IncidentAssessment {
    /// The facts as JSON (`rules::breach::BreachFacts`).
    pub facts: String,
    pub is_breach: bool,
    pub severity: String,
    pub outcome_notify_authority: bool,
    pub outcome_notify_subjects: bool,
    pub subjects_alternative: String,
    pub reasons: Vec<String>,
    pub aware_at: Option<Timestamp>,
    pub deadline_at: Option<Timestamp>,
    pub notify_authority: bool,
    pub notify_subjects: bool,
    pub overrule_reason: Option<String>,
    pub decided_by: String,
    pub decided_at: Timestamp,
}

/// One incident of the register.
#[derive(Debug, Clone)]
pub struct Incident {
    pub id: String,
    pub reference: String,
    pub kind: Kind,
    pub channel: Channel,
    pub school_id: Option<String>,
    pub reported_by: Option<String>,
    pub reporter_name: String,
    pub reporter_email: Option<String>,
    pub what_happened: String,
    pub discovered_at: Timestamp,
    pub reported_at: Timestamp,
    pub data_concerned: String,
    pub people_concerned: String,
    pub device: String,
    pub ongoing: bool,
    pub reported_late: bool,
    pub status: Status,
    pub assessment: Option<IncidentAssessment>,
    pub authority_sent_at: Option<Timestamp>,
    pub authority_reference: Option<String>,
    pub delay_reason: Option<String>,
    pub subjects_decision: Option<SubjectsDecision>,
    pub subjects_reason: Option<String>,
    pub announcement: Option<String>,
    pub measures: Option<String>,
    pub cause: Option<String>,
    pub evaluation: Option<String>,
    pub closed_at: Option<Timestamp>,
    pub closed_by: Option<String>,
    pub warned_24_at: Option<Timestamp>,
    pub warned_8_at: Option<Timestamp>,
    pub overdue_at: Option<Timestamp>,
}

impl Incident {
    /// The AP deadline of a breach the decision says to notify, while the
    /// notification has not been sent.
    #[must_use]
    pub fn open_deadline(&self) -> Option<Timestamp> {
        let assessment = self.assessment.as_ref()?;
        if !assessment.notify_authority || self.authority_sent_at.is_some() || self.status == Status::Closed {
            return None;
        }
        assessment.deadline_at
    }
}

/// Which incidents to list.
#[derive(Debug, Clone, Default)]
pub struct IncidentFilter {
    /// Only the reports of this user (staff without `IncidentView`).
    pub reported_by: Option<String>,
    pub status: Option<Status>,
    pub kind: Option<Kind>,
    pub school_id: Option<String>,
    /// Only assessed incidents that are (or are not) a breach.
    pub breach: Option<bool>,
    /// Only incidents that concern this pupil.
    pub pupil_id: Option<String>,
}

/// Further information sent to the AP (AVG art. 33 lid 4).
#[derive(Debug, Clone, Serialize)]
pub struct FollowUp {
    pub id: String,
    pub sent_at: Timestamp,
    pub content: String,
    pub recorded_by: String,
}

/// Whose data an incident concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubjectRef {
    Pupil(String),
    Guardian(String),
    User(String),
}

/// A person linked to an incident, with their name.
#[derive(Debug, Clone, Serialize)]
pub struct IncidentSubject {
    /// `pupil`, `guardian` or `staff`.
    pub kind: &'static str,
    pub id: String,
    pub name: String,
}

/// A letter to a person concerned (AVG art. 34 lid 2).
#[derive(Debug, Clone, Serialize)]
pub struct IncidentLetter {
    pub id: String,
    pub guardian_id: Option<String>,
    pub pupil_id: Option<String>,
    pub recipient_name: String,
    pub recipient_email: Option<String>,
    pub body: String,
    pub sent_at: Timestamp,
}

/// A letter to record; the store gives it its id and the actor's time.
#[derive(Debug, Clone)]
pub struct NewLetter {
    pub guardian_id: Option<String>,
    pub pupil_id: Option<String>,
    pub recipient_name: String,
    pub recipient_email: Option<String>,
    pub body: String,
}

/// The closing record (seed 001 §10.4: measures, cause and evaluation).
#[derive(Debug, Clone)]
pub struct Closing {
    pub measures: String,
    pub cause: String,
    pub evaluation: String,
}

impl BoardStore<'_> {
    /// Registers a report with the next reference of the year, flagging a late report.
    ///
    /// `notices` makes the mails the report causes from the registered
    /// incident (its reference); they are written in the same transaction.
    pub async fn report_incident(
        &self,
        actor: &Actor,
        incident: &NewIncident,
        notices: &(dyn Fn(&Incident) -> Vec<crate::NewMail> + Sync),
    ) -> Result<Incident> {
        dispatch!(self.store, incidents::report(self.board, actor, incident, notices))
    }

    /// The register, newest first, within `scope`.
    pub async fn incidents(&self, scope: &Scope, filter: &IncidentFilter) -> Result<Vec<Incident>> {
        dispatch!(self.store, incidents::list(self.board, scope, filter))
    }

    /// One incident within `scope` (and, with `reported_by`, only one's own report).
    pub async fn incident(&self, scope: &Scope, reported_by: Option<&str>, id: &str) -> Result<Option<Incident>> {
        dispatch!(self.store, incidents::get(self.board, scope, reported_by, id))
    }

    /// Records the assessment and the decision; the incident becomes `assessed`
    /// (again: a new assessment also clears the deadline warnings sent).
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] when the incident is closed (`WHERE … AND status <> 'closed'`);
    /// [`crate::StoreError::NotFound`] when it does not exist.
    pub async fn record_incident_assessment(
        &self,
        actor: &Actor,
        id: &str,
        assessment: &IncidentAssessment,
    ) -> Result<()> {
        dispatch!(self.store, incidents::record_assessment(self.board, actor, id, assessment))
    }

    /// Records the notification to the AP (AVG art. 33).
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] unless the incident is assessed and not closed (`WHERE … AND status =
    /// 'assessed'`).
    pub async fn record_authority_notification(
        &self,
        actor: &Actor,
        id: &str,
        sent_at: Timestamp,
        reference: &str,
        delay_reason: Option<&str>,
    ) -> Result<()> {
        dispatch!(self.store, incidents::record_notification(self.board, actor, id, sent_at, reference, delay_reason))
    }

    /// Records further information sent to the AP (AVG art. 33 lid 4).
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] unless the notification was recorded and the incident is not closed (`status
    /// <> 'closed' AND authority_sent_at IS NOT NULL`).
    pub async fn add_authority_follow_up(
        &self,
        actor: &Actor,
        id: &str,
        sent_at: Timestamp,
        content: &str,
    ) -> Result<FollowUp> {
        dispatch!(self.store, incidents::add_follow_up(self.board, actor, id, sent_at, content))
    }

    pub async fn authority_follow_ups(&self, id: &str) -> Result<Vec<FollowUp>> {
        dispatch!(self.store, incidents::follow_ups(self.board, id))
    }

    /// Links people to the incident (linking one twice is not an error).
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] when the incident is closed (`status <> 'closed'`).
    pub async fn link_incident_subjects(&self, actor: &Actor, id: &str, subjects: &[SubjectRef]) -> Result<()> {
        dispatch!(self.store, incidents::link_subjects(self.board, actor, id, subjects))
    }

    pub async fn incident_subjects(&self, id: &str) -> Result<Vec<IncidentSubject>> {
        dispatch!(self.store, incidents::subjects(self.board, id))
    }

    /// Records how the people concerned are informed, and the letters sent.
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] when the incident is closed (`WHERE … AND status <> 'closed'`); nothing is
    /// recorded then, no letter either.
    #[expect(clippy::too_many_arguments, reason = "the communication, its letters and their mails, written together")]
    pub async fn record_subjects_communication(
        &self,
        actor: &Actor,
        id: &str,
        decision: SubjectsDecision,
        reason: Option<&str>,
        announcement: Option<&str>,
        letters: &[NewLetter],
        mails: &[crate::NewMail],
    ) -> Result<Vec<IncidentLetter>> {
        dispatch!(
            self.store,
            incidents::record_communication(self.board, actor, id, decision, reason, announcement, letters, mails)
        )
    }

    pub async fn incident_letters(&self, id: &str) -> Result<Vec<IncidentLetter>> {
        dispatch!(self.store, incidents::letters(self.board, id))
    }

    /// Records the measures taken or proposed (the AP draft, AVG art. 33 lid 3 d).
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] when the incident is closed (`status <> 'closed'`).
    pub async fn record_incident_measures(&self, actor: &Actor, id: &str, measures: &str) -> Result<()> {
        dispatch!(self.store, incidents::record_measures(self.board, actor, id, measures))
    }

    /// Closes the incident with measures, cause and evaluation.
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] unless it is assessed, not closed, and either needs no notification to the AP
    /// or has it recorded (`status = 'assessed' AND (NOT notify_authority OR authority_sent_at IS NOT NULL)`).
    pub async fn close_incident(&self, actor: &Actor, id: &str, closing: &Closing) -> Result<()> {
        dispatch!(self.store, incidents::close(self.board, actor, id, closing))
    }

    /// Records that a deadline warning goes out and writes its `mails` into the
    /// outbox in the same transaction, so it goes out once and is never lost:
    /// `false` (nothing written) when it was recorded before (by another run or
    /// server) or the AP deadline no longer runs. The 24-hour warning
    /// needs `warned_24_at IS NULL`, the 8-hour one `warned_8_at IS NULL`, both
    /// `status = 'assessed' AND notify_authority AND authority_sent_at IS NULL`.
    ///
    /// # Errors
    /// [`crate::StoreError::NotFound`] when the incident does not exist.
    pub async fn mark_incident_warning(
        &self,
        actor: &Actor,
        id: &str,
        warning: Warning,
        mails: &[crate::NewMail],
    ) -> Result<bool> {
        dispatch!(self.store, incidents::mark_warning(self.board, actor, id, warning, mails))
    }

    /// Records the moment the AP deadline was found passed without a notification.
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] when that was recorded before or the deadline no longer runs (`overdue_at IS
    /// NULL AND status = 'assessed' AND notify_authority AND authority_sent_at IS NULL`).
    pub async fn mark_incident_overdue(&self, actor: &Actor, id: &str) -> Result<()> {
        dispatch!(self.store, incidents::mark_overdue(self.board, actor, id))
    }
}
