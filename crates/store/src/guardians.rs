//! Guardians and their links to pupils.

use crate::{Actor, Backend, BoardStore, Guardian, Link, LinkedGuardian, NewGuardian, Result, Scope, postgres, sqlite};

impl BoardStore<'_> {
    pub async fn create_guardian(&self, actor: &Actor, guardian: &NewGuardian) -> Result<Guardian> {
        dispatch!(self.store, guardians::create_guardian(self.board, actor, guardian))
    }

    /// Guardians of pupils in scope (on board scope: every guardian).
    pub async fn guardians(&self, scope: &Scope) -> Result<Vec<Guardian>> {
        dispatch!(self.store, guardians::guardians(self.board, scope))
    }

    pub async fn guardian(&self, scope: &Scope, id: &str) -> Result<Option<Guardian>> {
        dispatch!(self.store, guardians::guardian(self.board, scope, id))
    }

    /// Links a guardian to a pupil, or changes the link when it exists.
    pub async fn link_guardian(&self, actor: &Actor, pupil_id: &str, guardian_id: &str, link: Link) -> Result<()> {
        dispatch!(self.store, guardians::link_guardian(self.board, actor, pupil_id, guardian_id, link))
    }

    /// Records that a custodial parent granted `guardian_id` full information about the pupil.
    pub async fn grant_information(
        &self,
        actor: &Actor,
        pupil_id: &str,
        guardian_id: &str,
        granted_on: jiff::civil::Date,
    ) -> Result<()> {
        dispatch!(self.store, guardians::grant_information(self.board, actor, pupil_id, guardian_id, granted_on))
    }

    pub async fn guardians_of(&self, pupil_id: &str) -> Result<Vec<LinkedGuardian>> {
        dispatch!(self.store, guardians::guardians_of(self.board, pupil_id))
    }

    /// Whether the guardian exists and no pupil is linked to them yet.
    pub async fn guardian_is_unlinked(&self, id: &str) -> Result<bool> {
        dispatch!(self.store, guardians::guardian_is_unlinked(self.board, id))
    }
}
