//! The staff list and its joiners, movers and leavers (seed 001 §13; issue
//! 16): everyone with accounts in the board's systems, and each change to
//! their access carried out per system with who, when and the evidence.

use crate::outbox::NewMail;
use crate::{Actor, Backend, BoardId, BoardStore, Result, Scope, Store, postgres, sqlite};
use aantoonbaar_rules::Role;
use aantoonbaar_rules::access::{ChangeKind, ChangeStatus};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// What the staff list holds about a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffData {
    pub given_name: String,
    pub surname: String,
    /// Lower case.
    pub email: String,
    pub school_id: Option<String>,
    pub roles: Vec<Role>,
    pub employment_start: Date,
    pub employment_end: Option<Date>,
}

/// A person as stored.
#[derive(Debug, Clone, Serialize)]
pub struct StaffMember {
    pub id: String,
    #[serde(flatten)]
    pub data: StaffData,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl StaffMember {
    /// "Given Surname".
    #[must_use]
    pub fn name(&self) -> String {
        format!("{} {}", self.data.given_name, self.data.surname)
    }

    /// Whether the person works for the board on `day` (first and last day included).
    #[must_use]
    pub fn employed_on(&self, day: Date) -> bool {
        self.data.employment_start <= day && self.data.employment_end.is_none_or(|end| end >= day)
    }
}

/// What a write of the staff list does to the person's leave change, in
/// the same transaction: with an end date, the open leave change gets that
/// date and deadline (or is created, with `mails` to whoever removes the
/// accounts); without one, an open leave change is cancelled.
#[derive(Debug, Clone, Default)]
pub struct LeaveSync {
    /// `(last day, remove by)`; `None` when the person has no end date.
    pub leaving: Option<(Date, Date)>,
    pub mails: Vec<NewMail>,
}

/// A person's row of an HR import: the id of the person it updates, if any.
#[derive(Debug, Clone)]
pub struct StaffImportRow {
    pub existing: Option<String>,
    pub data: StaffData,
    pub fields: Vec<&'static str>,
    pub leave: LeaveSync,
}

/// A change to request.
#[derive(Debug, Clone)]
pub struct NewChange {
    pub staff_id: String,
    pub kind: ChangeKind,
    pub effective_on: Date,
    pub due_on: Date,
    pub to_school_id: Option<String>,
    pub roles_after: Option<Vec<Role>>,
    pub note: Option<String>,
    pub systems: Vec<String>,
    /// Approved at once (the request of the IBP manager, or a leaver's).
    pub approved: bool,
    pub mails: Vec<NewMail>,
}

/// One system of a change: carried out or not, by whom, with what evidence.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeStep {
    pub system_id: String,
    pub system_name: String,
    pub done_at: Option<Timestamp>,
    pub done_on: Option<Date>,
    pub done_by: Option<String>,
    pub evidence: Option<String>,
}

/// An access change as stored, with its steps.
#[derive(Debug, Clone, Serialize)]
pub struct AccessChange {
    pub id: String,
    pub staff_id: String,
    pub staff_name: String,
    pub school_id: Option<String>,
    pub kind: ChangeKind,
    pub effective_on: Date,
    pub due_on: Date,
    pub from_school_id: Option<String>,
    pub to_school_id: Option<String>,
    pub roles_before: Option<Vec<Role>>,
    pub roles_after: Option<Vec<Role>>,
    pub note: Option<String>,
    pub automatic: bool,
    pub requested_by: String,
    pub requested_by_id: Option<String>,
    pub requested_at: Timestamp,
    pub status: ChangeStatus,
    pub approved_by: Option<String>,
    pub approved_at: Option<Timestamp>,
    pub done_on: Option<Date>,
    pub own_account_disabled_at: Option<Timestamp>,
    pub steps: Vec<ChangeStep>,
}

/// Which changes to read.
#[derive(Debug, Clone, Copy, Default)]
pub struct ChangeFilter<'a> {
    pub id: Option<&'a str>,
    pub staff_id: Option<&'a str>,
    pub kind: Option<ChangeKind>,
    /// Requested or approved only.
    pub open: bool,
}

/// A person with an end date, and their latest leave change.
#[derive(Debug, Clone, Serialize)]
pub struct Leaver {
    pub staff_id: String,
    pub name: String,
    pub email: String,
    pub school_id: Option<String>,
    pub ended: Date,
    pub change_id: Option<String>,
    /// The day the last system's removal was recorded.
    pub removed_on: Option<Date>,
    pub own_account_disabled_at: Option<Timestamp>,
}

/// An Aantoonbaar account the daily job disabled.
#[derive(Debug, Clone)]
pub struct DisabledAccount {
    pub user_id: String,
    pub email: String,
    pub staff_id: String,
}

impl BoardStore<'_> {
    /// The people of the staff list in `scope` (a school's, or the board's), by name.
    pub async fn staff_members(&self, scope: &Scope) -> Result<Vec<StaffMember>> {
        dispatch!(self.store, staff::members(self.board, scope, None))
    }

    /// One person, `None` outside `scope` or on another board.
    pub async fn staff_member(&self, scope: &Scope, id: &str) -> Result<Option<StaffMember>> {
        Ok(dispatch!(self.store, staff::members(self.board, scope, Some(id)))?.pop())
    }

    /// Adds a person, audited, with their leave change when `leave` says so;
    /// `Duplicate("email")` when the address is on the list already.
    pub async fn create_staff(&self, actor: &Actor, data: &StaffData, leave: &LeaveSync) -> Result<StaffMember> {
        dispatch!(self.store, staff::create(self.board, actor, data, leave))
    }

    /// Changes a person, audited naming `fields`, and their leave change.
    pub async fn update_staff(
        &self,
        actor: &Actor,
        id: &str,
        data: &StaffData,
        fields: &[&'static str],
        leave: &LeaveSync,
    ) -> Result<StaffMember> {
        dispatch!(self.store, staff::update(self.board, actor, id, data, fields, leave))
    }

    /// Writes an HR import in one transaction: every row created or updated,
    /// with its leave change, and one import entry in the audit trail.
    pub async fn import_staff(&self, actor: &Actor, rows: &[StaffImportRow]) -> Result<()> {
        dispatch!(self.store, staff::import(self.board, actor, rows))
    }

    /// The changes `filter` picks, newest first, with their steps.
    pub async fn access_changes(&self, filter: ChangeFilter<'_>) -> Result<Vec<AccessChange>> {
        dispatch!(self.store, staff::changes(self.board, filter))
    }

    /// Requests a change, audited, with its mails.
    pub async fn request_change(&self, actor: &Actor, change: &NewChange) -> Result<AccessChange> {
        dispatch!(self.store, staff::request(self.board, actor, change))
    }

    /// Approves a requested change, audited, with `mails` to whoever carries it out;
    /// `WrongState` when it is not waiting for approval.
    pub async fn approve_change(&self, actor: &Actor, id: &str, mails: &[NewMail]) -> Result<AccessChange> {
        dispatch!(self.store, staff::approve(self.board, actor, id, mails))
    }

    /// Records that the change was carried out in `system_id` on `today`
    /// with `evidence` (adding the system when the change did not list it);
    /// the change is done when every system is. `WrongState` unless approved.
    pub async fn record_change_step(
        &self,
        actor: &Actor,
        id: &str,
        system_id: &str,
        evidence: &str,
        today: Date,
    ) -> Result<AccessChange> {
        dispatch!(self.store, staff::record_step(self.board, actor, id, system_id, evidence, today))
    }

    /// Cancels an open change, audited; `WrongState` when done or cancelled.
    pub async fn cancel_change(&self, actor: &Actor, id: &str) -> Result<AccessChange> {
        dispatch!(self.store, staff::cancel(self.board, actor, id))
    }

    /// Everyone in `scope` with an end date, with their latest leave change.
    pub async fn leavers(&self, scope: &Scope) -> Result<Vec<Leaver>> {
        dispatch!(self.store, staff::leavers(self.board, scope))
    }

    /// Disables the Aantoonbaar accounts of people whose employment ended
    /// before `today` (their sessions ended, their API tokens revoked), each
    /// audited and noted on the leave change, in one transaction.
    pub async fn disable_leaver_accounts(&self, actor: &Actor, today: Date) -> Result<Vec<DisabledAccount>> {
        dispatch!(self.store, staff::disable_leaver_accounts(self.board, actor, today))
    }
}

/// A leaver's removal past its deadline, not yet told.
#[derive(Debug, Clone)]
pub struct LateLeaver {
    pub board_id: BoardId,
    pub change_id: String,
    pub staff_name: String,
    pub school_id: Option<String>,
    pub remove_by: Date,
}

impl BoardStore<'_> {
    /// Records that a late leaver's removal was told, with `mails`, once;
    /// `false` when it was told already.
    pub async fn tell_late_leaver(&self, change_id: &str, mails: &[NewMail], at: Timestamp) -> Result<bool> {
        dispatch!(self.store, staff::tell_late(self.board, change_id, mails, at))
    }
}

impl Store {
    /// Every board's leaver removals still open after their deadline
    /// (`due_on` before `today`) that were not told yet.
    pub async fn late_leavers(&self, today: Date) -> Result<Vec<LateLeaver>> {
        dispatch!(self, staff::late_leavers(today))
    }

    /// The boards with an Aantoonbaar account of someone whose employment
    /// ended before `today` that is not disabled yet.
    pub async fn boards_with_leaver_accounts(&self, today: Date) -> Result<Vec<BoardId>> {
        dispatch!(self, staff::boards_with_leaver_accounts(today))
    }
}
