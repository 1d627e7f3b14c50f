//! DPIAs (AVG art. 35): the stored screenings, the DPIA records with the FG's
//! advice and the board's approval, and the approved versions with their hash.

use crate::{Actor, Backend, BoardStore, NewMail, Result, postgres, sqlite};
use aantoonbaar_rules::dpia::record::{Kind, Status};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A screening as answered, for a registered activity or a product.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewScreening {
    pub activity_id: Option<String>,
    pub product: Option<String>,
    /// The answers (JSON).
    pub facts: serde_json::Value,
    /// `required`, `not_required`.
    pub outcome: String,
    /// The reasons as they were given (JSON).
    pub reasons: serde_json::Value,
}

#[derive(Debug, Clone, Serialize)]
pub struct Screening {
    pub id: String,
    #[serde(flatten)]
    pub data: NewScreening,
    pub screened_by: Option<String>,
    pub screened_by_name: String,
    pub screened_at: Timestamp,
}

/// What the board writes in a DPIA.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DpiaData {
    pub title: String,
    pub activity_id: Option<String>,
    pub product: Option<String>,
    pub kind: Kind,
    pub screening_id: Option<String>,
    /// The paragraphs, risks, central reference and findings (JSON).
    pub content: serde_json::Value,
}

/// Why an approved DPIA must be reviewed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewReason {
    pub at: Timestamp,
    /// `register_changed` or `manual`.
    pub reason: String,
    /// For a register change: the fields that changed.
    #[serde(default)]
    pub fields: Vec<String>,
    /// Who changed the register or asked for the review.
    pub by: String,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dpia {
    pub id: String,
    #[serde(flatten)]
    pub data: DpiaData,
    pub status: Status,
    pub fg_advice: Option<String>,
    pub fg_advice_by: Option<String>,
    pub fg_advice_at: Option<Timestamp>,
    pub approved_version: Option<i64>,
    pub approved_on: Option<Date>,
    pub review_due: Option<Date>,
    pub review_reasons: Vec<ReviewReason>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// An approval: the snapshot of the whole DPIA as approved and its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDpiaVersion {
    pub approved_on: Date,
    pub review_due: Date,
    pub approved_by_name: String,
    pub decision: String,
    /// The snapshot (canonical JSON).
    pub body: String,
    pub sha256: String,
    /// The DPIA as it was read for the snapshot: a change since is refused.
    pub seen: Timestamp,
}

#[derive(Debug, Clone, Serialize)]
pub struct DpiaVersion {
    pub dpia_id: String,
    pub version: i64,
    pub approved_on: Date,
    pub approved_by: Option<String>,
    pub approved_by_name: String,
    pub decision: String,
    pub body: String,
    pub sha256: String,
    pub created_at: Timestamp,
}

/// The DPIAs an activity change reopens, with the notices about it; the store
/// writes them in the activity's own transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reopen {
    /// The changed fields that reopen (see `rules::dpia::record::reopening`).
    pub fields: Vec<String>,
    /// Sent only when some DPIA was approved or awaiting review.
    pub mails: Vec<NewMail>,
}

impl BoardStore<'_> {
    /// Stores a screening with its audit entry.
    pub async fn create_screening(&self, actor: &Actor, name: &str, data: &NewScreening) -> Result<Screening> {
        dispatch!(self.store, dpias::create_screening(self.board, actor, name, data))
    }

    /// The board's screenings, newest first.
    pub async fn screenings(&self) -> Result<Vec<Screening>> {
        dispatch!(self.store, dpias::screenings(self.board, None))
    }

    pub async fn screening(&self, id: &str) -> Result<Option<Screening>> {
        Ok(dispatch!(self.store, dpias::screenings(self.board, Some(id)))?.pop())
    }

    /// Adds a draft DPIA. `Duplicate { field: "title" }` for a title in use.
    pub async fn create_dpia(&self, actor: &Actor, data: &DpiaData) -> Result<Dpia> {
        dispatch!(self.store, dpias::create(self.board, actor, data))
    }

    /// Replaces what the board wrote; `WrongState` for an approved DPIA.
    pub async fn update_dpia(&self, actor: &Actor, id: &str, data: &DpiaData, fields: &[&'static str]) -> Result<Dpia> {
        dispatch!(self.store, dpias::update(self.board, actor, id, data, fields))
    }

    /// Records the FG's advice with `mails`; `WrongState` for an approved DPIA.
    pub async fn advise_dpia(&self, actor: &Actor, id: &str, advice: &str, mails: &[NewMail]) -> Result<Dpia> {
        dispatch!(self.store, dpias::advise(self.board, actor, id, advice, mails))
    }

    /// Approves: stores the next version, the DPIA's new state and the audit
    /// entries (the hash as the version's subject) and `mails`. `WrongState` when it is
    /// approved already or changed since `version.seen`.
    pub async fn approve_dpia(
        &self,
        actor: &Actor,
        id: &str,
        version: &NewDpiaVersion,
        mails: &[NewMail],
    ) -> Result<Dpia> {
        dispatch!(self.store, dpias::approve(self.board, actor, id, version, mails))
    }

    /// Marks an approved DPIA for review with `reason` and `mails`;
    /// `WrongState` when it is not approved.
    pub async fn reopen_dpia(&self, actor: &Actor, id: &str, reason: &ReviewReason, mails: &[NewMail]) -> Result<Dpia> {
        dispatch!(self.store, dpias::reopen(self.board, actor, id, reason, mails))
    }

    /// The board's DPIAs by title.
    pub async fn dpias(&self) -> Result<Vec<Dpia>> {
        dispatch!(self.store, dpias::dpias(self.board, None))
    }

    pub async fn dpia(&self, id: &str) -> Result<Option<Dpia>> {
        Ok(dispatch!(self.store, dpias::dpias(self.board, Some(id)))?.pop())
    }

    /// A DPIA's approved versions, oldest first.
    pub async fn dpia_versions(&self, id: &str) -> Result<Vec<DpiaVersion>> {
        dispatch!(self.store, dpias::versions(self.board, id))
    }
}
