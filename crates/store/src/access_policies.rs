//! The access policy per information system and the authorisation matrix
//! with its versions (seed 001 §13, §13.2; issue 16).

use crate::{Backend, BoardStore, Result, postgres, sqlite};
use aantoonbaar_rules::access::MatrixRow;

impl BoardStore<'_> {
    /// The rows of the matrix version in force for `system_id` (empty when
    /// the board has not drawn one up).
    pub async fn matrix_in_force(&self, system_id: &str) -> Result<Vec<MatrixRow>> {
        dispatch!(self.store, access_policies::matrix_in_force(self.board, system_id))
    }
}
