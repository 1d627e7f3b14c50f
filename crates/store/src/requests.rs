//! Data-subject requests: intake, extension, decision, and what was done per
//! kind (erasure items, recipients told, restrictions, objection balancing).

use crate::{Actor, Backend, BoardStore, Result, Scope, postgres, sqlite};
use aantoonbaar_rules::requests::{
    ErasureItem, ErasureVerdict, IdentityCheck, KeepReason, ObjectionOutcome, Outcome, Reason, RequestChannel,
    RequestKind,
};
use jiff::civil::Date;

/// A request as recorded at intake.
#[derive(Debug, Clone)]
pub struct NewRequest {
    pub kind: RequestKind,
    /// The subject pupil's school (scope; the director who decides).
    pub school_id: Option<String>,
    pub subject_pupil_id: Option<String>,
    pub subject_guardian_id: Option<String>,
    /// A staff member or someone else, by description.
    pub subject_description: Option<String>,
    pub requester_guardian_id: Option<String>,
    pub requester_description: Option<String>,
    /// How the requester relates to the subject (`self`, `parent`, …).
    pub requester_relation: String,
    /// What the requester asks, in their words.
    pub details: Option<String>,
    pub received_on: Date,
    pub channel: RequestChannel,
    pub identity_check: IdentityCheck,
    /// The director of the pupil's school (seed 002 §10.10.2).
    pub assigned_to: Option<String>,
    pub deadline: Date,
}

/// What an erasure did with one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasureRecord {
    pub item: ErasureItem,
    pub erased: bool,
    pub keep_reason: Option<KeepReason>,
    pub keep_until: Option<Date>,
}

/// A request with everything done about it.
#[derive(Debug, Clone)]
pub struct Request {
    pub id: String,
    pub new: NewRequest,
    pub extended_deadline: Option<Date>,
    pub extension_reason: Option<String>,
    pub requester_told_on: Option<Date>,
    pub outcome: Option<Outcome>,
    pub reason: Option<Reason>,
    pub explanation: Option<String>,
    pub decided_on: Option<Date>,
    /// The user who decided (the letter is signed in their name).
    pub decided_by: Option<String>,
    pub objection_balancing: Option<String>,
    pub objection_outcome: Option<ObjectionOutcome>,
    pub erasures: Vec<ErasureRecord>,
    /// (recipient, told on).
    pub recipients_told: Vec<(String, Date)>,
}

impl Request {
    /// The deadline that applies now: the extended one once extended.
    #[must_use]
    pub fn current_deadline(&self) -> Date {
        self.extended_deadline.unwrap_or(self.new.deadline)
    }

    /// Decided requests are closed.
    #[must_use]
    pub const fn is_open(&self) -> bool {
        self.outcome.is_none()
    }
}

impl BoardStore<'_> {
    pub async fn create_request(&self, actor: &Actor, request: &NewRequest) -> Result<Request> {
        dispatch!(self.store, requests::create_request(self.board, actor, request))
    }

    /// Requests in scope (requests without a school only on board scope), most
    /// urgent first: the open ones by deadline, then the decided ones, latest first.
    pub async fn requests(&self, scope: &Scope, open_only: bool) -> Result<Vec<Request>> {
        dispatch!(self.store, requests::requests(self.board, scope, open_only))
    }

    pub async fn request(&self, scope: &Scope, id: &str) -> Result<Option<Request>> {
        dispatch!(self.store, requests::request(self.board, scope, id))
    }

    /// Every request about a pupil (for the access overview and the export).
    pub async fn requests_about_pupil(&self, pupil_id: &str) -> Result<Vec<Request>> {
        dispatch!(self.store, requests::requests_about_pupil(self.board, pupil_id))
    }

    /// Records the extension.
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] when the request is decided or already extended (`outcome IS NULL AND
    /// extended_deadline IS NULL`); [`crate::StoreError::NotFound`] when it does not exist.
    pub async fn extend_request(
        &self,
        actor: &Actor,
        id: &str,
        extended_deadline: Date,
        reason: &str,
        told_on: Date,
    ) -> Result<()> {
        dispatch!(self.store, requests::extend_request(self.board, actor, id, extended_deadline, reason, told_on))
    }

    /// Records the decision on the actor's (Dutch) day, closing the request.
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] when it was decided before (`outcome IS NULL`).
    pub async fn decide_request(
        &self,
        actor: &Actor,
        id: &str,
        outcome: Outcome,
        reason: Option<Reason>,
        explanation: Option<&str>,
    ) -> Result<()> {
        dispatch!(self.store, requests::decide_request(self.board, actor, id, outcome, reason, explanation))
    }

    /// Records the balancing of interests after an objection.
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] unless it is an open objection (`outcome IS NULL AND kind = 'objection'`).
    pub async fn record_balancing(
        &self,
        actor: &Actor,
        id: &str,
        balancing: &str,
        outcome: ObjectionOutcome,
    ) -> Result<()> {
        dispatch!(self.store, requests::record_balancing(self.board, actor, id, balancing, outcome))
    }

    /// Restricts processing of the pupil, wholly (`None`) or for one consent purpose.
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] unless the request is open, of a kind that restricts, and about this pupil
    /// (`outcome IS NULL AND kind IN ('restriction', 'rectification', 'objection') AND subject_pupil_id = pupil_id`).
    pub async fn restrict_pupil(
        &self,
        actor: &Actor,
        request_id: &str,
        pupil_id: &str,
        purpose: Option<&str>,
    ) -> Result<()> {
        dispatch!(self.store, requests::restrict_pupil(self.board, actor, request_id, pupil_id, purpose))
    }

    /// The pupil's restrictions: `None` for the whole pupil, else the purpose.
    pub async fn restrictions_of(&self, pupil_id: &str) -> Result<Vec<Option<String>>> {
        dispatch!(self.store, requests::restrictions_of(self.board, pupil_id))
    }

    /// Erases the items judged erasable and records every verdict, in one transaction.
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] unless the request is an open erasure request about this pupil that erased
    /// nothing yet (`outcome IS NULL AND kind = 'erasure' AND subject_pupil_id = pupil_id AND NOT EXISTS
    /// (request_erasures …)`); nothing is erased then.
    pub async fn erase_for_request(
        &self,
        actor: &Actor,
        request_id: &str,
        pupil_id: &str,
        verdicts: &[(ErasureItem, ErasureVerdict)],
    ) -> Result<()> {
        dispatch!(self.store, requests::erase_for_request(self.board, actor, request_id, pupil_id, verdicts))
    }

    /// The board's recipients of pupil data, in name order.
    pub async fn board_recipients(&self) -> Result<Vec<String>> {
        dispatch!(self.store, requests::board_recipients(self.board))
    }

    /// Replaces the board's list of recipients.
    pub async fn set_board_recipients(&self, actor: &Actor, names: &[String]) -> Result<()> {
        dispatch!(self.store, requests::set_board_recipients(self.board, actor, names))
    }

    /// Records that these recipients were told of the correction on `told_on`.
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] unless the request is open and a rectification, erasure or restriction
    /// (`outcome IS NULL AND kind IN ('rectification', 'erasure', 'restriction')`).
    pub async fn record_recipients_told(
        &self,
        actor: &Actor,
        request_id: &str,
        recipients: &[String],
        told_on: Date,
    ) -> Result<()> {
        dispatch!(self.store, requests::record_recipients_told(self.board, actor, request_id, recipients, told_on))
    }

    /// Records a reminder at `days_left` and writes its `mails` into the outbox
    /// in the same transaction; `false` (nothing written) when it was recorded before.
    pub async fn record_reminder(
        &self,
        request_id: &str,
        days_left: i64,
        at: jiff::Timestamp,
        mails: &[crate::NewMail],
    ) -> Result<bool> {
        dispatch!(self.store, requests::record_reminder(self.board, request_id, days_left, at, mails))
    }
}
