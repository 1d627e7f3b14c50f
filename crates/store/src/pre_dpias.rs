//! Pre-DPIAs (seed 004): a teacher's request to use new software in class,
//! with the screening and the supplier lookup as they were at submission, and
//! the answer of the IBP manager or the FG.

use crate::{Actor, Backend, BoardStore, NewMail, Result, postgres, sqlite};
use jiff::Timestamp;
use serde::Serialize;

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PreDpiaStatus {
    Waiting,
    Approved,
    ApprovedWithConditions,
    Rejected,
}

impl PreDpiaStatus {
    pub const ALL: &'static [Self] = &[Self::Waiting, Self::Approved, Self::ApprovedWithConditions, Self::Rejected];

    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Approved => "approved",
            Self::ApprovedWithConditions => "approved_with_conditions",
            Self::Rejected => "rejected",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|s| s.code() == code)
    }
}

/// A request as submitted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewPreDpia {
    pub requester_id: String,
    pub requester_name: String,
    pub school_id: Option<String>,
    pub app_name: String,
    /// The teacher's answers (JSON).
    pub answers: serde_json::Value,
    /// `required`, `not_required`.
    pub outcome: String,
    /// The screening's reasons (JSON).
    pub reasons: serde_json::Value,
    pub supplier_id: Option<String>,
    pub agreement_in_force: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PreDpia {
    pub id: String,
    #[serde(flatten)]
    pub data: NewPreDpia,
    pub status: PreDpiaStatus,
    pub answer_text: Option<String>,
    pub answered_by: Option<String>,
    pub answered_at: Option<Timestamp>,
    pub reminded_at: Option<Timestamp>,
    pub created_at: Timestamp,
}

/// A fresh id for a request, known before it is stored so its notices can link to it.
#[must_use]
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl BoardStore<'_> {
    /// Stores request `id` (from [`new_id`]), its audit entry and `mails` in one transaction.
    pub async fn create_pre_dpia(
        &self,
        actor: &Actor,
        id: &str,
        data: &NewPreDpia,
        mails: &[NewMail],
    ) -> Result<PreDpia> {
        dispatch!(self.store, pre_dpias::create(self.board, actor, id, data, mails))
    }

    /// The board's requests, newest first; only `requester`'s when given.
    pub async fn pre_dpias(&self, requester: Option<&str>) -> Result<Vec<PreDpia>> {
        dispatch!(self.store, pre_dpias::list(self.board, requester, None))
    }

    pub async fn pre_dpia(&self, id: &str) -> Result<Option<PreDpia>> {
        Ok(dispatch!(self.store, pre_dpias::list(self.board, None, Some(id)))?.pop())
    }

    /// Answers a waiting request, with its audit entry and `mails`;
    /// `WrongState` when it was answered already.
    pub async fn answer_pre_dpia(
        &self,
        actor: &Actor,
        id: &str,
        status: PreDpiaStatus,
        text: Option<&str>,
        mails: &[NewMail],
    ) -> Result<PreDpia> {
        dispatch!(self.store, pre_dpias::answer(self.board, actor, id, status, text, mails))
    }

    /// Records the reminder of a waiting request with `mails`, once; whether it was recorded now.
    pub async fn mark_pre_dpia_reminded(&self, actor: &Actor, id: &str, mails: &[NewMail]) -> Result<bool> {
        dispatch!(self.store, pre_dpias::mark_reminded(self.board, actor, id, mails))
    }
}
