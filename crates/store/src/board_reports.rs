//! The board report (seed 001 §5–6; issue 17): the counts of the year read
//! from the other areas' records, the two written sections, and the adopted
//! snapshot.

use crate::{Actor, Backend, BoardStore, Result, postgres, sqlite};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// The incidents reported in a period and what became of the breaches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct IncidentCounts {
    pub reported: usize,
    pub breaches: usize,
    /// Breaches notified to the AP.
    pub notified: usize,
    /// Notified on or before the 72-hour deadline.
    pub notified_in_time: usize,
    /// Notified after the deadline.
    pub notified_late: usize,
}

/// One incident of the period, for the chart per month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentMoment {
    pub reported_at: Timestamp,
    /// `incident` or `vulnerability`.
    pub kind: String,
    pub is_breach: bool,
}

/// The data-subject requests received in a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RequestCounts {
    pub received: usize,
    /// Decided on or before the (extended) deadline.
    pub answered_in_time: usize,
    pub answered_late: usize,
    /// Not decided yet.
    pub open: usize,
}

/// The review campaigns started in a period: items decided of all items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ReviewCounts {
    pub campaigns: usize,
    pub items: usize,
    pub decided: usize,
}

/// A leaver whose removal was due in the period: the deadline and the day
/// the last system was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeaverRemoval {
    pub due_on: Date,
    pub done_on: Option<Date>,
}

/// A written section of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportText {
    pub body: String,
    pub written_by: String,
    pub written_at: Timestamp,
}

/// The adopted report as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSnapshot {
    pub year: i64,
    pub adopted_on: Date,
    pub adopted_by: String,
    pub adopted_at: Timestamp,
    pub body: String,
    pub sha256: String,
}

/// Which section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextPart {
    /// The IBP manager's section.
    Text,
    /// The FG's opinion.
    Opinion,
}

impl TextPart {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Opinion => "opinion",
        }
    }
}

impl BoardStore<'_> {
    /// Incidents reported in `[from, to)` and their breaches.
    pub async fn report_incident_counts(&self, from: Timestamp, to: Timestamp) -> Result<IncidentCounts> {
        dispatch!(self.store, board_reports::incident_counts(self.board, from, to))
    }

    /// Each incident reported in `[from, to)`: when, what kind, whether a breach.
    pub async fn report_incident_moments(&self, from: Timestamp, to: Timestamp) -> Result<Vec<IncidentMoment>> {
        dispatch!(self.store, board_reports::incident_moments(self.board, from, to))
    }

    /// Requests received from `first` to `last` (inclusive).
    pub async fn report_request_counts(&self, first: Date, last: Date) -> Result<RequestCounts> {
        dispatch!(self.store, board_reports::request_counts(self.board, first, last))
    }

    /// Review campaigns started from `first` to `last`, with their items.
    pub async fn report_review_counts(&self, first: Date, last: Date) -> Result<ReviewCounts> {
        dispatch!(self.store, board_reports::review_counts(self.board, first, last))
    }

    /// Leavers whose removal was due from `first` to `last`, not cancelled.
    pub async fn report_leaver_removals(&self, first: Date, last: Date) -> Result<Vec<LeaverRemoval>> {
        dispatch!(self.store, board_reports::leaver_removals(self.board, first, last))
    }

    /// The written sections of a year (the IBP manager's, the FG's).
    pub async fn report_texts(&self, year: i64) -> Result<(Option<ReportText>, Option<ReportText>)> {
        dispatch!(self.store, board_reports::texts(self.board, year))
    }

    /// Writes a section, with an audit entry. `WrongState` once the year's report is adopted.
    pub async fn write_report_text(&self, actor: &Actor, year: i64, part: TextPart, body: &str) -> Result<()> {
        dispatch!(self.store, board_reports::write_text(self.board, actor, year, part, body))
    }

    /// The adopted report of a year.
    pub async fn report_snapshot(&self, year: i64) -> Result<Option<ReportSnapshot>> {
        dispatch!(self.store, board_reports::snapshot(self.board, year))
    }

    /// Stores the adopted report; its hash is the audit entry's subject.
    /// `Duplicate { field: "year" }` when the year is adopted already.
    pub async fn adopt_report(&self, actor: &Actor, snapshot: &ReportSnapshot) -> Result<()> {
        dispatch!(self.store, board_reports::adopt(self.board, actor, snapshot))
    }

    /// Whether the audit trail holds the adoption entry whose subject is `sha256`.
    pub async fn report_adoption_audited(&self, sha256: &str) -> Result<bool> {
        dispatch!(self.store, board_reports::adoption_audited(self.board, sha256))
    }
}
