//! The activity calendar (issue 17; seed 001 §5.3): per school year the
//! items of the IBP cycle with owner, due date, evidence and who ticked them
//! done, and the reminders sent to their owners.

use crate::outbox::NewMail;
use crate::{Actor, Backend, BoardId, BoardStore, Result, Store, postgres, sqlite};
use aantoonbaar_rules::cycle::{ItemKind, Reminder};
use aantoonbaar_rules::{Role, SchoolYear};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// An item as entered (or generated from the default year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemData {
    pub kind: ItemKind,
    pub title: String,
    /// The role that owns it (its users get the reminders) …
    pub owner_role: Option<Role>,
    /// … or one user.
    pub owner_user_id: Option<String>,
    pub due_on: Date,
    /// The seed and section it comes from.
    pub source: Option<String>,
}

/// An item as stored.
#[derive(Debug, Clone, Serialize)]
pub struct CalendarItem {
    pub id: String,
    /// The calendar year in which its school year starts.
    pub start_year: i16,
    #[serde(flatten)]
    pub data: ItemData,
    /// What shows it was done, when ticked by hand.
    pub evidence: Option<String>,
    pub done_on: Option<Date>,
    pub done_by: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl CalendarItem {
    #[must_use]
    pub const fn school_year(&self) -> SchoolYear {
        SchoolYear::starting_in(self.start_year)
    }
}

impl BoardStore<'_> {
    /// Whether the calendar of `year` was made.
    pub async fn calendar_exists(&self, year: SchoolYear) -> Result<bool> {
        dispatch!(self.store, calendar::exists(self.board, year.start_year()))
    }

    /// Makes the calendar of `year` with `items`, audited, in one transaction;
    /// `false` (nothing written) when it was made already.
    pub async fn create_calendar(&self, actor: &Actor, year: SchoolYear, items: &[ItemData]) -> Result<bool> {
        dispatch!(self.store, calendar::create(self.board, actor, year.start_year(), items))
    }

    /// The items of `year` by due date.
    pub async fn calendar_items(&self, year: SchoolYear) -> Result<Vec<CalendarItem>> {
        dispatch!(self.store, calendar::items(self.board, Some(year.start_year()), None))
    }

    /// Every item of every year not ticked done, by due date.
    pub async fn open_calendar_items(&self) -> Result<Vec<CalendarItem>> {
        Ok(dispatch!(self.store, calendar::items(self.board, None, None))?
            .into_iter()
            .filter(|i| i.done_on.is_none())
            .collect())
    }

    pub async fn calendar_item(&self, id: &str) -> Result<Option<CalendarItem>> {
        Ok(dispatch!(self.store, calendar::items(self.board, None, Some(id)))?.pop())
    }

    /// Adds an item to the calendar of `year`; `BadReference("school_year")`
    /// when that calendar was not made.
    pub async fn add_calendar_item(&self, actor: &Actor, year: SchoolYear, data: &ItemData) -> Result<CalendarItem> {
        dispatch!(self.store, calendar::add(self.board, actor, year.start_year(), data))
    }

    /// Replaces an item's fields, audited.
    pub async fn update_calendar_item(&self, actor: &Actor, id: &str, data: &ItemData) -> Result<CalendarItem> {
        dispatch!(self.store, calendar::update(self.board, actor, id, data))
    }

    /// Removes an item and its reminders, audited.
    pub async fn remove_calendar_item(&self, actor: &Actor, id: &str) -> Result<()> {
        dispatch!(self.store, calendar::remove(self.board, actor, id))
    }

    /// Ticks an item done on `on` with `evidence`, audited; `WrongState` when done already.
    pub async fn tick_calendar_item(&self, actor: &Actor, id: &str, evidence: &str, on: Date) -> Result<CalendarItem> {
        dispatch!(self.store, calendar::tick(self.board, actor, id, evidence, on))
    }

    /// Records `reminder` of item `id` with its `mails`, once; `false` when sent already.
    pub async fn send_calendar_reminder(
        &self,
        id: &str,
        reminder: Reminder,
        mails: &[NewMail],
        at: Timestamp,
    ) -> Result<bool> {
        dispatch!(self.store, calendar::remind(self.board, id, reminder, mails, at))
    }
}

impl Store {
    /// The boards with an item not ticked done that is due on or before `until`.
    pub async fn boards_with_calendar_items_due(&self, until: Date) -> Result<Vec<BoardId>> {
        dispatch!(self, calendar::boards_due(until))
    }
}
