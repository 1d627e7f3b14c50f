//! The outbox: every e-mail the application sends, and what SMTP made of it.
//!
//! A mail caused by a change is written in the same transaction as the change
//! (the write methods that take `&[NewMail]`), so a change without its notice,
//! or a notice without its change, cannot be committed. The sender task claims
//! due mail ([`Store::claim_due_mail`]), delivers it and records the outcome
//! ([`BoardStore::record_delivery`]); a failure is retried after a backoff.

use crate::{Backend, BoardId, BoardStore, Result, Store, postgres, sqlite};
use jiff::Timestamp;
use serde::Serialize;

/// An e-mail as the outbox keeps it.
#[derive(Debug, Clone, Serialize)]
pub struct OutboxMail {
    pub id: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    pub error: Option<String>,
    /// Delivery attempts made so far.
    pub attempts: i64,
    /// When the sender tries (again); `None` once delivered or given up.
    pub next_attempt_at: Option<Timestamp>,
}

/// An e-mail to write into the outbox with the change that causes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// Carries a secret (a sign-in link): its body is not kept once delivered.
    pub sensitive: bool,
}

/// A mail claimed for delivery.
#[derive(Debug, Clone)]
pub struct DueMail {
    pub board: BoardId,
    pub id: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
}

/// What one delivery attempt came to.
#[derive(Debug, Clone)]
pub enum Delivery {
    Delivered {
        at: Timestamp,
    },
    /// Failed; tried again at `retry_at`, or never again when `None`.
    Failed {
        error: String,
        retry_at: Option<Timestamp>,
    },
}

impl Store {
    /// Claims up to `limit` mails due at `now` (any board) until `lease_until`:
    /// another sender (another server) skips them meanwhile. Mails created
    /// before `not_before` are no longer sent (a sign-in link an hour old is
    /// worthless) and are marked failed instead.
    pub async fn claim_due_mail(
        &self,
        now: Timestamp,
        lease_until: Timestamp,
        not_before: Timestamp,
        limit: i64,
    ) -> Result<Vec<DueMail>> {
        dispatch!(self, outbox::claim_due(now, lease_until, not_before, limit))
    }

    /// Takes the lease on background job `name` for `holder` until `until`,
    /// when nobody else holds an unexpired one; whether it was taken.
    pub async fn claim_job(&self, name: &str, holder: &str, now: Timestamp, until: Timestamp) -> Result<bool> {
        dispatch!(self, outbox::claim_job(name, holder, now, until))
    }
}

impl BoardStore<'_> {
    /// Puts an e-mail in the outbox, due for delivery at once; returns its id.
    pub async fn queue_mail(&self, mail: &NewMail, at: Timestamp) -> Result<String> {
        dispatch!(self.store, outbox::queue_mail(self.board, mail, at))
    }

    /// Writes `mails` and the audit entry of sending them in one transaction
    /// (notices that are themselves the change, such as the consent round's invitations).
    pub async fn send_notices(&self, actor: &crate::Actor, event: &crate::AuditEvent, mails: &[NewMail]) -> Result<()> {
        dispatch!(self.store, outbox::send_notices(self.board, actor, event, mails))
    }

    /// Records the outcome of a delivery attempt; a delivered sensitive mail loses its body.
    pub async fn record_delivery(&self, id: &str, delivery: &Delivery) -> Result<()> {
        dispatch!(self.store, outbox::record_delivery(self.board, id, delivery))
    }

    /// The newest `limit` mails, newest first.
    pub async fn outbox(&self, limit: i64) -> Result<Vec<OutboxMail>> {
        self.outbox_page(limit, 0).await
    }

    /// The mails newest first, `limit` from `offset` (a page of the outbox).
    pub async fn outbox_page(&self, limit: i64, offset: i64) -> Result<Vec<OutboxMail>> {
        dispatch!(self.store, outbox::outbox(self.board, limit, offset))
    }

    /// How many mails the board's outbox holds.
    pub async fn outbox_count(&self) -> Result<i64> {
        dispatch!(self.store, outbox::outbox_count(self.board))
    }
}
