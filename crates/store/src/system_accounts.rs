//! The account list of each information system, as its CSV export gave it
//! (issue 16), matched to the staff list; every import is kept as a count.

use crate::{Actor, Backend, BoardStore, Result, postgres, sqlite};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// One account as the list gives it, with the person it was matched to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SystemAccount {
    pub system_id: String,
    pub username: String,
    pub name: Option<String>,
    /// Lower case.
    pub email: Option<String>,
    pub profile: Option<String>,
    pub last_sign_in: Option<String>,
    pub staff_id: Option<String>,
}

/// What one import found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FindingCounts {
    pub orphans: usize,
    pub leavers: usize,
    pub excess: usize,
}

/// An import as kept.
#[derive(Debug, Clone, Serialize)]
pub struct AccountImport {
    pub id: String,
    pub system_id: String,
    pub accounts: usize,
    #[serde(flatten)]
    pub found: FindingCounts,
    pub imported_at: Timestamp,
    pub imported_by: String,
}

/// An account list to write in place of the system's previous one.
#[derive(Debug, Clone)]
pub struct AccountList<'a> {
    pub system_id: &'a str,
    pub accounts: &'a [SystemAccount],
    pub found: FindingCounts,
    pub today: Date,
    /// The evidence recorded on a leaver's open removal in this system when
    /// the new list no longer holds an account of theirs.
    pub gone_evidence: &'a str,
}

impl BoardStore<'_> {
    /// Replaces the system's account list in one transaction, audited: a
    /// leaver's open removal in this system is added where the list still
    /// holds their account, and done (with `gone_evidence`) where it no
    /// longer does; a leave change whose every system is done is done.
    pub async fn replace_accounts(&self, actor: &Actor, list: &AccountList<'_>) -> Result<AccountImport> {
        dispatch!(self.store, system_accounts::replace(self.board, actor, list))
    }

    /// The accounts of one system, or of every system, by system and username.
    pub async fn system_accounts(&self, system_id: Option<&str>) -> Result<Vec<SystemAccount>> {
        dispatch!(self.store, system_accounts::accounts(self.board, system_id))
    }

    /// The imports of one system, or of every system, newest first.
    pub async fn account_imports(&self, system_id: Option<&str>) -> Result<Vec<AccountImport>> {
        dispatch!(self.store, system_accounts::imports(self.board, system_id))
    }
}
