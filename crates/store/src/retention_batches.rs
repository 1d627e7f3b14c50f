//! Destruction batches (issue 15): the worklist's items frozen at creation,
//! the two approvals, a confirmation per system, and the certificate of
//! destruction stored as made at completion with its SHA-256.

use crate::{Actor, Backend, BoardStore, Result, postgres, sqlite};
use aantoonbaar_rules::retention::{Category, EndAction, RuleCode};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// One item to freeze into a batch, as the worklist showed it.
#[derive(Debug, Clone, Serialize)]
pub struct NewBatchItem {
    pub pupil_id: String,
    pub category: Category,
    pub rule: RuleCode,
    pub school_id: String,
    pub due_date: Date,
    pub action: EndAction,
    /// The systems that hold the item, by name.
    pub systems: Vec<String>,
}

/// A batch to make: the worklist of `worklist_date` (for one school, or the board's).
#[derive(Debug, Clone)]
pub struct NewBatch {
    pub school_id: Option<String>,
    pub worklist_date: Date,
    pub items: Vec<NewBatchItem>,
}

/// What became of an item when its batch completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Outcome {
    Destroyed,
    /// A hold in force on the day of completion kept it.
    Held,
}

/// An item of a stored batch.
#[derive(Debug, Clone, Serialize)]
pub struct BatchItem {
    pub item: NewBatchItem,
    /// `None` until the batch completes.
    pub outcome: Option<Outcome>,
    pub destroyed_on: Option<Date>,
}

/// One approval: who (user id, e-mail, name) and when.
#[derive(Debug, Clone, Serialize)]
pub struct GivenApproval {
    pub user_id: Option<String>,
    pub label: String,
    pub name: String,
    pub at: Timestamp,
}

/// How and when one system destroyed the batch's items.
#[derive(Debug, Clone, Serialize)]
pub struct Confirmation {
    pub system: String,
    pub destroyed_on: Date,
    pub method: String,
    pub confirmed_by: String,
    pub confirmed_at: Timestamp,
}

/// A batch as stored.
#[derive(Debug, Clone, Serialize)]
pub struct StoredBatch {
    pub id: String,
    pub school_id: Option<String>,
    pub worklist_date: Date,
    /// `awaiting_approval`, `approved` or `completed`.
    pub status: String,
    pub created_by: String,
    pub created_at: Timestamp,
    pub director: Option<GivenApproval>,
    pub manager: Option<GivenApproval>,
    pub completed_on: Option<Date>,
    pub certificate_sha256: Option<String>,
    pub items: Vec<BatchItem>,
    pub confirmations: Vec<Confirmation>,
}

impl StoredBatch {
    /// The systems the items name, each once, sorted.
    #[must_use]
    pub fn systems(&self) -> Vec<String> {
        let mut names: Vec<String> = self.items.iter().flat_map(|i| i.item.systems.iter().cloned()).collect();
        names.sort_unstable();
        names.dedup();
        names
    }
}

/// Which approval to record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Director,
    Manager,
}

/// The completion of a batch with its last confirmation: the day, the items a
/// hold keeps (pupil id, category), and the certificate with its SHA-256.
#[derive(Debug, Clone)]
pub struct Completion {
    pub completed_on: Date,
    pub held: Vec<(String, Category)>,
    pub certificate: Vec<u8>,
    pub sha256: String,
}

/// A system's confirmation to record.
#[derive(Debug, Clone)]
pub struct NewConfirmation {
    pub system: String,
    pub destroyed_on: Date,
    pub method: String,
}

impl BoardStore<'_> {
    /// Makes a batch awaiting approval, with an audit entry.
    pub async fn create_batch(&self, actor: &Actor, batch: &NewBatch) -> Result<StoredBatch> {
        dispatch!(self.store, retention_batches::create(self.board, actor, batch))
    }

    /// The board's batches, newest first, with their items and confirmations.
    pub async fn batches(&self) -> Result<Vec<StoredBatch>> {
        dispatch!(self.store, retention_batches::read(self.board, None))
    }

    pub async fn batch(&self, id: &str) -> Result<Option<StoredBatch>> {
        Ok(dispatch!(self.store, retention_batches::read(self.board, Some(id)))?.pop())
    }

    /// Records an approval of `name`, audited; the batch is `approved` once
    /// both are given. `WrongState` when this approval was given meanwhile.
    pub async fn approve_batch(&self, actor: &Actor, id: &str, slot: Slot, name: &str) -> Result<StoredBatch> {
        dispatch!(self.store, retention_batches::approve(self.board, actor, id, slot, name))
    }

    /// Records a system's confirmation, audited; with `completion`, in the
    /// same transaction, the batch completes: held items are marked, every
    /// other item destroyed on the latest confirmation's date, the
    /// certificate stored and its SHA-256 put into the audit trail.
    /// `Duplicate { field: "system" }` for a system confirmed already.
    pub async fn confirm_batch(
        &self,
        actor: &Actor,
        id: &str,
        confirmation: &NewConfirmation,
        completion: Option<&Completion>,
    ) -> Result<StoredBatch> {
        dispatch!(self.store, retention_batches::confirm(self.board, actor, id, confirmation, completion))
    }

    /// The stored certificate of a completed batch: its bytes and SHA-256.
    pub async fn batch_certificate(&self, id: &str) -> Result<Option<(Vec<u8>, String)>> {
        dispatch!(self.store, retention_batches::certificate(self.board, id))
    }

    /// The categories of a pupil's data destroyed, with the day.
    pub async fn destroyed_of(&self, pupil_id: &str) -> Result<Vec<(Category, Date)>> {
        dispatch!(self.store, retention_batches::destroyed_of(self.board, pupil_id))
    }

    /// The (pupil id, category) items in batches not completed yet, which a new batch leaves out.
    pub async fn items_in_open_batches(&self) -> Result<Vec<(String, Category)>> {
        dispatch!(self.store, retention_batches::open_items(self.board))
    }
}
