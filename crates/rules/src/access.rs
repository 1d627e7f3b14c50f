//! The access policy: when a leaver's accounts must be gone, when a system's
//! rights are due for review, and what an account list says against the
//! authorisation matrix and the staff list.
//!
//! Sources: seed 001 §13 (the access policy per information system and the
//! rights per role: view, register/change, delete), §13.2 (the authorisation
//! matrix), the "Gebruikers- en software beheer" text of the access policy
//! ("Bij beëindiging van het dienstverband wordt het account op de
//! eerstvolgende werkdag volgend op de datum van uittreding verwijderd op last
//! van de directeur"), seed 000 (two-step verification enforced), BIO2
//! 5.18.02 and CIS Control 6.8 (every access right reviewed at least yearly).

use crate::holidays::HolidayCalendar;
use crate::policy::Role;
use crate::retention::Period;
use jiff::ToSpan;
use jiff::civil::Date;

pub mod matrix;

/// The day by which a leaver's accounts must be removed: the first working
/// day after `ended`, the last day of employment — never a Saturday or
/// Sunday, a public holiday of the Algemene termijnenwet, or a day the board
/// equates with one (the calendar the request deadlines use).
///
/// Source: seed 001 §13, "Gebruikers- en software beheer": "op de
/// eerstvolgende werkdag volgend op de datum van uittreding"; Algemene
/// termijnenwet art. 1 and 3 for what a working day is.
#[must_use]
pub fn leaver_remove_by(ended: Date, calendar: &HolidayCalendar) -> Date {
    ended.tomorrow().map_or(Date::MAX, |next| calendar.next_working_day(next))
}

/// The first day a leaver may no longer use any account: the day after the
/// last day of employment. Aantoonbaar disables its own account from then
/// on, which is never later than [`leaver_remove_by`].
///
/// Source: seed 001 §11 art. 10 (access only as far as the work requires:
/// after the last day there is no work), within seed 001 §13's deadline.
#[must_use]
pub fn leaver_access_ends(ended: Date) -> Date {
    ended.tomorrow().unwrap_or(Date::MAX)
}

code_enum! {
    /// Where a leaver's removal stands on a reference date.
    LeaverStatus, "access.leaver_status_unknown" {
        /// Not yet removed everywhere, and the deadline has not passed.
        Due = "due",
        /// Not removed everywhere, and the deadline has passed.
        Late = "late",
        /// Removed from every system, with evidence, on or before the reference date.
        Done = "done",
    }
}

/// A leaver's status on `date`: done when every account was removed on or
/// before `date` (`removed_on`, the day the last removal was recorded), late
/// from the day after `remove_by`, due before that.
///
/// Source: seed 001 §13 (the deadline above; the issue's "late from the day
/// after its deadline").
#[must_use]
pub fn leaver_status(remove_by: Date, removed_on: Option<Date>, date: Date) -> LeaverStatus {
    match removed_on {
        Some(removed) if removed <= date => LeaverStatus::Done,
        _ if date > remove_by => LeaverStatus::Late,
        _ => LeaverStatus::Due,
    }
}

/// Whether a leaver's removal, completed on `removed_on`, met its deadline.
#[must_use]
pub fn removed_on_time(remove_by: Date, removed_on: Date) -> bool {
    removed_on <= remove_by
}

/// The longest review interval the board may set for a system: one year.
///
/// Source: BIO2 5.18.02 and CIS Control 6.8 (access rights reviewed at least
/// once a year); seed 001 §13 item 3 ("hoe vaak de toegangsrechten worden
/// gecontroleerd"), and the authorisation table "in elk geval jaarlijks".
pub const LONGEST_REVIEW_INTERVAL: Period = Period::years(1);

/// A system's review interval when the board sets none: one year.
pub const DEFAULT_REVIEW_INTERVAL: Period = Period::years(1);

/// Checks a review interval: not zero, and from no start day longer than a
/// year (so 366 days is refused: in a year without 29 February it is more).
///
/// # Errors
/// `access.review_interval.zero` or `access.review_interval.too_long`.
pub fn check_review_interval(interval: Period) -> Result<Period, crate::Invalid> {
    let starts = [jiff::civil::date(2024, 1, 31), jiff::civil::date(2025, 3, 1)];
    if interval.is_zero() {
        Err(crate::Invalid::new("access.review_interval.zero"))
    } else if starts.iter().any(|start| interval.after(*start) > LONGEST_REVIEW_INTERVAL.after(*start)) {
        Err(crate::Invalid::new("access.review_interval.too_long"))
    } else {
        Ok(interval)
    }
}

/// When a system's rights must next be reviewed: `interval` after the last
/// completed review, or at once (`None` → due) when it was never reviewed.
///
/// Source: BIO2 5.18.02, CIS Control 6.8; seed 001 §13 item 3.
#[must_use]
pub fn review_due_on(last_completed: Option<Date>, interval: Period) -> Option<Date> {
    last_completed.map(|last| interval.after(last))
}

/// Whether a system's review is due on `today`: never reviewed, or the
/// interval has passed since the last completed review.
#[must_use]
pub fn review_due(last_completed: Option<Date>, interval: Period, today: Date) -> bool {
    review_due_on(last_completed, interval).is_none_or(|due| today >= due)
}

code_enum! {
    /// A change to someone's access (seed 001 §13: "Door wisseling van rollen,
    /// taken of school [...] Middels een wijzigingsformulier"; the joiner,
    /// mover, leaver practice of identity governance).
    ChangeKind, "access.change_kind_unknown" {
        Join = "join",
        Move = "move",
        Leave = "leave",
    }
}

code_enum! {
    /// Where an access change stands: requested by someone the policy allows,
    /// approved, carried out in every system with evidence — or cancelled.
    ChangeStatus, "access.change_status_unknown" {
        Requested = "requested",
        Approved = "approved",
        Done = "done",
        Cancelled = "cancelled",
    }
}

impl ChangeStatus {
    /// Still to be approved or carried out.
    #[must_use]
    pub const fn is_open(self) -> bool {
        matches!(self, Self::Requested | Self::Approved)
    }
}

code_enum! {
    /// A right in a system (seed 001 §13: "ingezien, geregistreerd/gewijzigd of verwijderd").
    Right, "access.right_unknown" {
        View = "view",
        Change = "change",
        Delete = "delete",
    }
}

code_enum! {
    /// How far a right in a system reaches (seed 001 art. 10, seed 002 §8.1.1:
    /// need-to-know — the board, a school, a group, or only one's own data).
    GrantScope, "access.scope_unknown" {
        Board = "board",
        School = "school",
        Group = "group",
        Own = "own",
    }
}

impl GrantScope {
    /// Wider scopes first: board, school, group, own.
    #[must_use]
    pub const fn breadth(self) -> u8 {
        match self {
            Self::Board => 3,
            Self::School => 2,
            Self::Group => 1,
            Self::Own => 0,
        }
    }
}

code_enum! {
    /// How a system's accounts are issued (seed 001 §13 item 2, "op welke wijze
    /// de accounts worden verstrekt").
    Provisioning, "access.provisioning_unknown" {
        /// Single sign-on with the board's identity provider.
        SingleSignOn = "sso",
        /// Made by hand by whoever issues accounts.
        Manual = "manual",
        /// Synchronised from the pupil or staff administration.
        Synchronised = "sync",
    }
}

/// One row of the authorisation matrix: people with `role` get the system's
/// profile `profile`, which gives `rights` over `scope`.
///
/// Source: seed 001 §13.2 (the authorisation matrix: rights per role per system).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRow {
    pub role: Role,
    /// The profile or role as the system names it ("Leerkracht", "Beheerder").
    pub profile: String,
    pub rights: Vec<Right>,
    pub scope: GrantScope,
}

/// Profiles compare without case or surrounding spaces: "leerkracht " is "Leerkracht".
#[must_use]
pub fn same_profile(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The person an account belongs to, as the staff list knows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder<'a> {
    pub roles: &'a [Role],
    /// The last day of employment, when known.
    pub ended: Option<Date>,
}

/// What an account in a system's list says against the matrix and the staff list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// No person on the staff list: nobody answers for this account.
    Orphan,
    /// The person's employment ended; `late` once the removal deadline passed.
    Leaver { remove_by: Date, late: bool },
    /// The account's profile is not one the matrix gives any of the person's roles.
    Excess,
}

impl Finding {
    /// The stable code for the API and the pages.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Orphan => "orphan",
            Self::Leaver { .. } => "leaver",
            Self::Excess => "excess",
        }
    }
}

/// The findings for one account with `profile`, held by `holder` (or by
/// nobody the staff list knows), on `today`.
///
/// An account with no person is an orphan; an account of a person whose
/// employment ended before `today` is a leaver's account, late from the day
/// after [`leaver_remove_by`]; a profile the matrix gives none of the person's
/// roles is an excess right. Without a matrix for the system, or without a
/// profile in the list, nothing can be judged excess. A leaver's account is
/// not also checked for excess: it must go altogether.
///
/// Source: seed 001 §13 and §13.2 (rights per role), the access policy's
/// deadline for leavers; the definitions of orphan, leaver and excess.
#[must_use]
pub fn account_findings(
    profile: Option<&str>,
    holder: Option<&Holder<'_>>,
    matrix: &[MatrixRow],
    today: Date,
    calendar: &HolidayCalendar,
) -> Vec<Finding> {
    let Some(holder) = holder else { return vec![Finding::Orphan] };
    if let Some(ended) = holder.ended.filter(|ended| *ended < today) {
        let remove_by = leaver_remove_by(ended, calendar);
        return vec![Finding::Leaver { remove_by, late: today > remove_by }];
    }
    let granted = |profile: &str| {
        matrix.iter().any(|row| holder.roles.contains(&row.role) && same_profile(&row.profile, profile))
    };
    let excess = !matrix.is_empty() && profile.map(str::trim).is_some_and(|p| !p.is_empty() && !granted(p));
    if excess { vec![Finding::Excess] } else { Vec::new() }
}

code_enum! {
    /// A reviewer's verdict on one account in a review campaign (midPoint's
    /// certification outcomes: accept, revoke, reduce, not decided).
    ReviewOutcome, "access.review_outcome_unknown" {
        Keep = "keep",
        Revoke = "revoke",
        Reduce = "reduce",
        Unsure = "unsure",
    }
}

impl ReviewOutcome {
    /// Whether the outcome asks for a change in the system, to be carried out
    /// and recorded with evidence (remediation).
    #[must_use]
    pub const fn needs_remediation(self) -> bool {
        matches!(self, Self::Revoke | Self::Reduce)
    }

    /// Whether the reviewer's part is finished for this account: "not sure"
    /// leaves it open for the IBP manager.
    #[must_use]
    pub const fn settles(self) -> bool {
        !matches!(self, Self::Unsure)
    }
}

/// How many days before a campaign's deadline reviewers are reminded.
///
/// Source: the issue ("reminders before it"); three working days is the
/// request module's reminder practice.
pub const REVIEW_REMINDER_DAYS: i64 = 3;

/// The day reviewers with open accounts are reminded: three days before the deadline.
#[must_use]
pub fn review_reminder_on(deadline: Date) -> Date {
    deadline.checked_sub(REVIEW_REMINDER_DAYS.days()).unwrap_or(deadline)
}

/// Whether a reviewer's open accounts are escalated to the IBP manager on
/// `today`: from the day after the deadline.
///
/// Source: the issue ("escalation to the IBP manager after it"); midPoint's
/// stage escalation after the stage deadline.
#[must_use]
pub fn review_escalates(deadline: Date, today: Date) -> bool {
    today > deadline
}

/// The share of `on_time` out of `total`, in whole percent (rounded down so a
/// board never reads 100% while one leaver was late); `None` when there were none.
#[must_use]
pub fn percentage(on_time: usize, total: usize) -> Option<u8> {
    if total == 0 {
        return None;
    }
    u8::try_from(on_time.min(total) * 100 / total).ok()
}

#[cfg(test)]
mod tests;
