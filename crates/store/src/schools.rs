//! Schools and their groups.

use crate::{Actor, Backend, BoardStore, Group, NewSchool, Result, School, Scope, postgres, sqlite};

impl BoardStore<'_> {
    pub async fn create_school(&self, actor: &Actor, school: &NewSchool) -> Result<School> {
        dispatch!(self.store, schools::create_school(self.board, actor, school))
    }

    pub async fn schools(&self, scope: &Scope) -> Result<Vec<School>> {
        dispatch!(self.store, schools::schools(self.board, scope))
    }

    pub async fn school(&self, scope: &Scope, id: &str) -> Result<Option<School>> {
        dispatch!(self.store, schools::school(self.board, scope, id))
    }

    pub async fn create_group(&self, actor: &Actor, school_id: &str, name: &str) -> Result<Group> {
        dispatch!(self.store, schools::create_group(self.board, actor, school_id, name))
    }

    pub async fn groups(&self, scope: &Scope, school_id: Option<&str>) -> Result<Vec<Group>> {
        dispatch!(self.store, schools::groups(self.board, scope, school_id))
    }

    pub async fn group(&self, scope: &Scope, id: &str) -> Result<Option<Group>> {
        dispatch!(self.store, schools::group(self.board, scope, id))
    }
}
