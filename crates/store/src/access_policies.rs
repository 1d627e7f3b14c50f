//! The access policy per information system and the authorisation matrix
//! with its versions (seed 001 §13, §13.2; issue 16).

use crate::{Actor, Backend, BoardStore, Result, postgres, sqlite};
use aantoonbaar_rules::access::{MatrixRow, Provisioning};
use aantoonbaar_rules::retention::Period;
use jiff::Timestamp;

/// Seed 001 §13 "Inventarisatie" items 1–6 for one system, as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyData {
    /// Who issues and revokes the accounts.
    pub issued_by: String,
    pub provisioning: Provisioning,
    pub two_step: bool,
    /// The password rule, in the board's words.
    pub password_rule: String,
    /// How often the rights are reviewed (at most a year).
    pub review_interval: Period,
    /// Who answers for the system's access.
    pub owner: String,
}

/// A system's access policy as stored.
#[derive(Debug, Clone)]
pub struct AccessPolicy {
    pub system_id: String,
    pub data: PolicyData,
    pub updated_at: Timestamp,
    pub updated_by: String,
}

/// One saved version of a system's matrix, without its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixHead {
    pub system_id: String,
    pub version: i64,
    pub note: Option<String>,
    pub saved_at: Timestamp,
    pub saved_by: String,
}

/// One saved version of a system's matrix with its rows.
#[derive(Debug, Clone)]
pub struct MatrixVersion {
    pub head: MatrixHead,
    pub rows: Vec<MatrixRow>,
}

impl BoardStore<'_> {
    /// The rows of the matrix version in force for `system_id` (empty when
    /// the board has not drawn one up).
    pub async fn matrix_in_force(&self, system_id: &str) -> Result<Vec<MatrixRow>> {
        dispatch!(self.store, access_policies::matrix_in_force(self.board, system_id))
    }

    /// The access policy of every system of the board that has one.
    pub async fn access_policies(&self) -> Result<Vec<AccessPolicy>> {
        dispatch!(self.store, access_policies::policies(self.board, None))
    }

    /// The access policy of one system, `None` when it has none (or is another board's).
    pub async fn access_policy(&self, system_id: &str) -> Result<Option<AccessPolicy>> {
        Ok(dispatch!(self.store, access_policies::policies(self.board, Some(system_id)))?.pop())
    }

    /// Sets a system's access policy (new or changed), with an audit entry
    /// naming `fields` (never their values); `BadReference` on `system_id`
    /// for a system the board does not have.
    pub async fn save_access_policy(
        &self,
        actor: &Actor,
        system_id: &str,
        data: &PolicyData,
        fields: &[&'static str],
    ) -> Result<AccessPolicy> {
        dispatch!(self.store, access_policies::save_policy(self.board, actor, system_id, data, fields))
    }

    /// The versions of a system's matrix, newest first.
    pub async fn matrix_versions(&self, system_id: &str) -> Result<Vec<MatrixHead>> {
        dispatch!(self.store, access_policies::heads(self.board, Some(system_id)))
    }

    /// The version in force of every system that has a matrix, by system.
    pub async fn matrices_in_force(&self) -> Result<Vec<MatrixHead>> {
        dispatch!(self.store, access_policies::heads_in_force(self.board))
    }

    /// One version of a system's matrix with its rows (`None`: the one in force).
    pub async fn matrix_version(&self, system_id: &str, version: Option<i64>) -> Result<Option<MatrixVersion>> {
        dispatch!(self.store, access_policies::version(self.board, system_id, version))
    }

    /// Saves `rows` as the next version of a system's matrix, replacing the
    /// whole matrix in force, with its audit entry in the same transaction;
    /// `BadReference` for a system the board does not have.
    pub async fn save_matrix(
        &self,
        actor: &Actor,
        system_id: &str,
        note: Option<&str>,
        rows: &[MatrixRow],
    ) -> Result<MatrixVersion> {
        dispatch!(self.store, access_policies::save_matrix(self.board, actor, system_id, note, rows))
    }
}
