//! Retention (issue 15): the board's retention rules (each change a new
//! version), its reading of the special-education term, the holds that stop
//! destruction, and the set-based selection of the pupils whose data are due.

use crate::{Actor, Backend, BoardStore, Result, Scope, postgres, sqlite};
use aantoonbaar_rules::organisation::LeaveDestination;
use aantoonbaar_rules::retention::{Category, HoldKind, Rule, SboReading};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// A rule of the board as stored: the rule, its version and who made it.
#[derive(Debug, Clone, Serialize)]
pub struct StoredRule {
    pub rule: Rule,
    pub version: i64,
    /// The e-mail address (or `cli`) of who made this version.
    pub changed_by: String,
    pub changed_at: Timestamp,
}

/// A hold to place.
#[derive(Debug, Clone)]
pub struct NewHold {
    pub pupil_id: String,
    /// `None`: every category of the pupil's data.
    pub category: Option<Category>,
    pub kind: HoldKind,
    pub reason: String,
    /// The day it is placed (Europe/Amsterdam).
    pub placed_on: Date,
}

/// A hold as stored.
#[derive(Debug, Clone, Serialize)]
pub struct StoredHold {
    pub id: String,
    pub pupil_id: String,
    pub category: Option<Category>,
    pub kind: HoldKind,
    pub reason: String,
    pub placed_by: String,
    pub placed_at: Timestamp,
    pub placed_on: Date,
    pub released_by: Option<String>,
    pub released_at: Option<Timestamp>,
    pub released_on: Option<Date>,
}

impl StoredHold {
    /// The hold as the retention rules read it.
    #[must_use]
    pub const fn as_rule(&self) -> aantoonbaar_rules::retention::Hold {
        aantoonbaar_rules::retention::Hold { kind: self.kind, placed_on: self.placed_on, released_on: self.released_on }
    }

    /// Whether the hold covers `category` (a hold without one covers every category).
    #[must_use]
    pub fn covers(&self, category: Category) -> bool {
        self.category.is_none_or(|c| c == category)
    }
}

/// The pupil date that starts a rule's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerDate {
    /// The leave (deregistration) date; for a child not admitted, the date of the decision.
    LeaveDate,
    /// The enrolment (application) date: when the data were recorded.
    EnrolmentDate,
}

impl TriggerDate {
    pub(crate) const fn column(self) -> &'static str {
        match self {
            Self::LeaveDate => "leave_date",
            Self::EnrolmentDate => "enrolment_date",
        }
    }
}

/// The pupils one rule governs: by leave destination (`None` in the list: no
/// destination recorded), with the date that starts its period, and the
/// category a hold must cover to keep them off the worklist.
#[derive(Debug, Clone)]
pub struct RuleSelection {
    pub category: Category,
    pub destinations: Vec<Option<LeaveDestination>>,
    pub trigger: TriggerDate,
}

/// A pupil whose data under a rule are due: who, at which school, and the trigger date.
#[derive(Debug, Clone, Serialize)]
pub struct DueItem {
    pub pupil_id: String,
    pub school_id: String,
    pub external_number: String,
    pub given_name: String,
    pub surname_prefix: Option<String>,
    pub surname: String,
    pub trigger_date: Date,
}

impl BoardStore<'_> {
    /// The board's rules in force: the latest version of each code it changed.
    pub async fn retention_rules(&self) -> Result<Vec<StoredRule>> {
        dispatch!(self.store, retention::rules(self.board))
    }

    /// Stores `rule` as the next version of its code, with an audit entry naming `fields` (what changed).
    pub async fn set_retention_rule(&self, actor: &Actor, rule: &Rule, fields: &[&'static str]) -> Result<StoredRule> {
        dispatch!(self.store, retention::set_rule(self.board, actor, rule, fields))
    }

    /// The board's reading of the special-education term, or the default.
    pub async fn sbo_reading(&self) -> Result<SboReading> {
        dispatch!(self.store, retention::reading(self.board))
    }

    pub async fn set_sbo_reading(&self, actor: &Actor, reading: SboReading) -> Result<()> {
        dispatch!(self.store, retention::set_reading(self.board, actor, reading))
    }

    /// Places a hold; `BadReference { field: "pupil_id" }` for a pupil the board does not have.
    pub async fn place_hold(&self, actor: &Actor, hold: &NewHold) -> Result<StoredHold> {
        dispatch!(self.store, retention::place_hold(self.board, actor, hold))
    }

    /// Releases a hold on `on`; `WrongState` when it was released already.
    pub async fn release_hold(&self, actor: &Actor, id: &str, on: Date) -> Result<StoredHold> {
        dispatch!(self.store, retention::release_hold(self.board, actor, id, on))
    }

    pub async fn hold(&self, id: &str) -> Result<Option<StoredHold>> {
        Ok(dispatch!(self.store, retention::holds(self.board, Some(id), None))?.pop())
    }

    /// The holds placed on a pupil, newest first.
    pub async fn holds_of(&self, pupil_id: &str) -> Result<Vec<StoredHold>> {
        dispatch!(self.store, retention::holds(self.board, None, Some(pupil_id)))
    }

    /// The pupils in `scope` that `selection` governs whose trigger date is on
    /// or before `cutoff` (so due by `on`), without a hold covering the
    /// category that is in force on `on` (not released by then): one query.
    pub async fn retention_due(
        &self,
        scope: &Scope,
        selection: &RuleSelection,
        cutoff: Date,
        on: Date,
    ) -> Result<Vec<DueItem>> {
        dispatch!(self.store, retention::due(self.board, scope, selection, cutoff, on))
    }

    /// How many pupils `selection` governs have a trigger date (on or before
    /// `until`, when given): the items a change of the rule moves.
    pub async fn retention_count(&self, selection: &RuleSelection, until: Option<Date>) -> Result<i64> {
        dispatch!(self.store, retention::count(self.board, selection, until))
    }
}
