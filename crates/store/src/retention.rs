//! Retention (issue 15): the board's retention rules (each change a new
//! version), its reading of the special-education term, the holds that stop
//! destruction, and the set-based selection of the pupils whose data are due.

use crate::{Actor, Backend, BoardStore, Result, Scope, postgres, sqlite};
use aantoonbaar_rules::organisation::LeaveDestination;
use aantoonbaar_rules::retention::{Category, HoldKind, Period, Rule, SboReading};
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
    /// The last review that kept the hold in force, and who made it.
    pub reviewed_on: Option<Date>,
    pub reviewed_by: Option<String>,
}

impl StoredHold {
    /// The hold as the retention rules read it.
    #[must_use]
    pub const fn as_rule(&self) -> aantoonbaar_rules::retention::Hold {
        aantoonbaar_rules::retention::Hold { kind: self.kind, placed_on: self.placed_on, released_on: self.released_on }
    }

    /// When the hold is to be reviewed, `every` after it was placed or last
    /// reviewed; `None` once released.
    #[must_use]
    pub fn review_date(&self, every: Period) -> Option<Date> {
        let hold = aantoonbaar_rules::retention::Hold {
            placed_on: self.reviewed_on.unwrap_or(self.placed_on),
            ..self.as_rule()
        };
        hold.review_date(every)
    }

    /// Whether the hold covers `category` (a hold without one covers every category).
    #[must_use]
    pub fn covers(&self, category: Category) -> bool {
        self.category.is_none_or(|c| c == category)
    }
}

/// The board's retention settings (absent: the defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RetentionSettings {
    /// How the board reads "SBO 3 jaar".
    pub sbo_reading: SboReading,
    /// How long a hold stands before it is reviewed.
    pub hold_review: Period,
}

impl RetentionSettings {
    /// A hold is reviewed every six months: often enough that a hold for a
    /// claim that was never made does not keep a child's file for years,
    /// seldom enough to be done with the half-yearly IBP meeting.
    pub const DEFAULT_HOLD_REVIEW: &str = "P6M";
}

impl Default for RetentionSettings {
    fn default() -> Self {
        Self {
            sbo_reading: SboReading::default(),
            hold_review: Self::DEFAULT_HOLD_REVIEW.parse().unwrap_or_else(|_| unreachable!("P6M is a period")),
        }
    }
}

/// An unreleased hold of some board, for the weekly check.
#[derive(Debug, Clone)]
pub struct OpenHold {
    pub board_id: crate::BoardId,
    /// The school of the pupil held.
    pub school_id: String,
    pub hold: StoredHold,
}

/// How many items under one rule are due at one school of one board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueCount {
    pub board_id: crate::BoardId,
    pub school_id: String,
    pub items: i64,
}

/// What the weekly check of one board found, recorded once per ISO week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeeklyCheck {
    pub due_items: i64,
    pub holds_to_review: i64,
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
#[derive(Debug, Clone, PartialEq, Eq)]
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

    /// The board's retention settings, or the defaults.
    pub async fn retention_settings(&self) -> Result<RetentionSettings> {
        dispatch!(self.store, retention::settings(self.board))
    }

    /// Stores the settings, with an audit entry naming `fields` (what changed).
    pub async fn set_retention_settings(
        &self,
        actor: &Actor,
        settings: &RetentionSettings,
        fields: &[&'static str],
    ) -> Result<()> {
        dispatch!(self.store, retention::set_settings(self.board, actor, settings, fields))
    }

    /// Records a review that keeps a hold in force on `on`, audited;
    /// `WrongState` when it was released already.
    pub async fn review_hold(&self, actor: &Actor, id: &str, on: Date) -> Result<StoredHold> {
        dispatch!(self.store, retention::review_hold(self.board, actor, id, on))
    }

    /// The holds of the board not released, newest first.
    pub async fn open_holds(&self) -> Result<Vec<OpenHold>> {
        dispatch!(self.store, retention::open_holds(Some(self.board)))
    }

    /// How many of the items `selection` governs are due by `on` per school of
    /// the board (see [`crate::Store::retention_due_counts`]).
    pub async fn retention_due_counts(
        &self,
        selection: &RuleSelection,
        cutoff: Date,
        on: Date,
    ) -> Result<Vec<DueCount>> {
        dispatch!(self.store, retention::due_counts(Some(std::slice::from_ref(self.board)), selection, cutoff, on))
    }

    /// Records this week's check with its mails in one transaction; `false`
    /// (and nothing written) when the week was checked already.
    pub async fn record_weekly_check(
        &self,
        week: &str,
        check: WeeklyCheck,
        at: Timestamp,
        mails: &[crate::NewMail],
    ) -> Result<bool> {
        dispatch!(self.store, retention::record_weekly_check(self.board, week, check, at, mails))
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

impl crate::Store {
    /// Every board's rules that differ from the product's defaults, with their board.
    pub async fn retention_rules_of_every_board(&self) -> Result<Vec<(crate::BoardId, StoredRule)>> {
        dispatch!(self, retention::rules_of_every_board())
    }

    /// Every board's settings that differ from the defaults, with their board.
    pub async fn retention_settings_of_every_board(&self) -> Result<Vec<(crate::BoardId, RetentionSettings)>> {
        dispatch!(self, retention::settings_of_every_board())
    }

    /// The unreleased holds of every board.
    pub async fn open_holds_of_every_board(&self) -> Result<Vec<OpenHold>> {
        dispatch!(self, retention::open_holds(None))
    }

    /// The boards whose weekly check of `week` has not run yet.
    pub async fn boards_unchecked_in(&self, week: &str) -> Result<Vec<crate::BoardId>> {
        dispatch!(self, retention::unchecked_in(week))
    }

    /// How many of the items `selection` governs are due by `on` (trigger on
    /// or before `cutoff`, no hold in force, not destroyed), per board and
    /// school, for `boards` (`None`: every board): one set-based query, the
    /// count done by the database.
    pub async fn retention_due_counts(
        &self,
        boards: Option<&[crate::BoardId]>,
        selection: &RuleSelection,
        cutoff: Date,
        on: Date,
    ) -> Result<Vec<DueCount>> {
        dispatch!(self, retention::due_counts(boards, selection, cutoff, on))
    }
}
