//! A board's versions (migration 0025): counters that every write the consent
//! check or a signed-in principal depends on raises in its own transaction, so
//! a server holding either in memory confirms it with one indexed read.

use crate::{Backend, BoardId, Result, Store, postgres, sqlite};

/// The versions of one board's data as read at one moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BoardVersions {
    /// Raised by every write the consent check depends on.
    pub consent: i64,
    /// The `consent` version of the last change other than a decision added:
    /// a copy at version v with `structure <= v` lacks only decisions.
    pub structure: i64,
    /// Raised by every change to users, their roles and scopes, and tokens.
    pub access: i64,
}

impl Store {
    /// The board's versions now.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn board_versions(&self, board: &BoardId) -> Result<BoardVersions> {
        dispatch!(self, versions::board_versions(board))
    }
}
