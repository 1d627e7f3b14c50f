//! The published privacy statements: every version per audience, with the
//! register version it came from and its hash, and the board a public link names.

use crate::{Actor, Backend, Board, BoardStore, Result, Store, postgres, sqlite};
use jiff::Timestamp;

/// One published version of a statement.
#[derive(Debug, Clone)]
pub struct PublishedStatement {
    /// `parents`, `pupils`, `staff` or `applicants`.
    pub audience: String,
    pub version: i64,
    pub published_at: Timestamp,
    pub published_by_name: String,
    /// The adopted register version the text was generated from.
    pub register_version: i64,
    /// The sections as JSON; empty in listings.
    pub body: String,
    pub sha256: String,
}

/// A statement to publish; the store numbers it.
#[derive(Debug, Clone)]
pub struct NewStatement {
    pub audience: String,
    pub published_by_name: String,
    pub register_version: i64,
    pub body: String,
    pub sha256: String,
}

/// Which version to read.
#[derive(Debug, Clone, Copy)]
pub enum StatementAt {
    /// The newest.
    Latest,
    /// This version number.
    Version(i64),
    /// The one in force just before this moment: the newest published before it.
    Before(Timestamp),
}

impl Store {
    /// The board with this id, for a public link (`/privacyverklaring/{board}/…`).
    pub async fn board_by_id(&self, id: &str) -> Result<Option<Board>> {
        dispatch!(self, privacy_statements::board_by_id(id))
    }
}

impl BoardStore<'_> {
    /// Publishes the next version for the statement's audience, with its audit entry.
    pub async fn publish_statement(&self, actor: &Actor, statement: &NewStatement) -> Result<i64> {
        dispatch!(self.store, privacy_statements::publish(self.board, actor, statement))
    }

    /// Every published version for `audience`, newest first, without the bodies.
    pub async fn statements(&self, audience: &str) -> Result<Vec<PublishedStatement>> {
        dispatch!(self.store, privacy_statements::statements(self.board, audience, None))
    }

    /// One published version with its body.
    pub async fn statement(&self, audience: &str, at: StatementAt) -> Result<Option<PublishedStatement>> {
        let mut found = dispatch!(self.store, privacy_statements::statements(self.board, audience, Some(at)))?;
        Ok(found.pop())
    }
}
