//! The self-assessment (seed 003: the Aanpak IBP's norms and maturity
//! levels): the frameworks a board imported and its answer per norm.

use crate::{Actor, Backend, BoardStore, Result, postgres, sqlite};
use aantoonbaar_rules::frameworks::Level;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// A framework as imported: its fields and the file itself.
#[derive(Debug, Clone, Serialize)]
pub struct StoredFramework {
    pub code: String,
    pub title: String,
    pub version: String,
    pub source: String,
    /// The file as imported (JSON, `docs/frameworks.md`).
    #[serde(skip)]
    pub body: String,
    pub imported_by: Option<String>,
    pub imported_at: Timestamp,
}

/// The board's answer for one norm, as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerData {
    pub level: Level,
    pub target: Level,
    pub evidence: Option<String>,
    pub measures: Option<String>,
    pub owner: Option<String>,
    pub due_date: Option<Date>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub framework_code: String,
    pub norm_reference: String,
    #[serde(flatten)]
    pub data: AnswerData,
    pub updated_by: Option<String>,
    pub updated_at: Timestamp,
}

impl BoardStore<'_> {
    /// Imports a framework. `Duplicate { field: "code" }` for a code in use.
    pub async fn import_framework(&self, actor: &Actor, framework: &StoredFramework) -> Result<()> {
        dispatch!(self.store, selfassessment::import_framework(self.board, actor, framework))
    }

    /// The frameworks the board imported, by title.
    pub async fn frameworks(&self) -> Result<Vec<StoredFramework>> {
        dispatch!(self.store, selfassessment::frameworks(self.board))
    }

    /// The board's answers for a framework.
    pub async fn answers(&self, framework: &str) -> Result<Vec<Answer>> {
        dispatch!(self.store, selfassessment::answers(self.board, Some(framework)))
    }

    /// The board's answers for every framework.
    pub async fn all_answers(&self) -> Result<Vec<Answer>> {
        dispatch!(self.store, selfassessment::answers(self.board, None))
    }

    /// Records the answer for a norm (replacing the one before), with an audit entry.
    pub async fn record_answer(
        &self,
        actor: &Actor,
        framework: &str,
        reference: &str,
        data: &AnswerData,
    ) -> Result<()> {
        dispatch!(self.store, selfassessment::record_answer(self.board, actor, framework, reference, data))
    }
}
