//! Pupils: the register, the list with its filters, and a parent's children.

use crate::{Actor, Backend, BoardStore, NewPupil, Pupil, Result, Scope, postgres, sqlite};
use jiff::civil::Date;

/// Search and filters for the pupil list.
#[derive(Debug, Clone, Default)]
pub struct PupilQuery {
    /// Part of the name or the pupil number.
    pub text: Option<String>,
    pub school_id: Option<String>,
    pub group_id: Option<String>,
    /// Also pupils whose leave date has passed on `today`.
    pub include_left: bool,
    pub today: Option<Date>,
    pub limit: i64,
    pub offset: i64,
}

impl BoardStore<'_> {
    pub async fn create_pupil(&self, actor: &Actor, pupil: &NewPupil) -> Result<Pupil> {
        dispatch!(self.store, pupils::create_pupil(self.board, actor, pupil))
    }

    /// Replaces the pupil's record with `pupil`, auditing the fields that changed.
    pub async fn update_pupil(&self, actor: &Actor, id: &str, pupil: &NewPupil) -> Result<Pupil> {
        dispatch!(self.store, pupils::update_pupil(self.board, actor, id, pupil))
    }

    /// Pupils matching `query`, and how many match in all.
    pub async fn pupils(&self, scope: &Scope, query: &PupilQuery) -> Result<(Vec<Pupil>, i64)> {
        dispatch!(self.store, pupils::pupils(self.board, scope, query))
    }

    pub async fn pupil(&self, scope: &Scope, id: &str) -> Result<Option<Pupil>> {
        dispatch!(self.store, pupils::pupil(self.board, scope, id))
    }

    /// The pupils linked to a guardian with this e-mail address, still at school on `today`.
    pub async fn children_of(&self, email: &str, today: jiff::civil::Date) -> Result<Vec<Pupil>> {
        dispatch!(self.store, pupils::children_of(self.board, email, today))
    }
}
