//! Awareness (issue 17; seed 001 §6.1, seed 004): the board's activities
//! with their audience and material, and who of the staff list attended.

use crate::{Actor, Backend, BoardStore, Result, postgres, sqlite};
use aantoonbaar_rules::Role;
use aantoonbaar_rules::cycle::{ActivityKind, Audience};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// An activity as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityData {
    pub kind: ActivityKind,
    pub title: String,
    pub held_on: Date,
    pub audience: Audience,
    /// The school, when the audience is one school.
    pub school_id: Option<String>,
    /// The roles, when the audience is some roles.
    pub roles: Vec<Role>,
    /// The material: a text or a link.
    pub material: Option<String>,
}

/// An activity as stored, with the people who attended.
#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    pub id: String,
    #[serde(flatten)]
    pub data: ActivityData,
    /// Ids of the staff members who attended.
    pub attendees: Vec<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// The last activity a person attended.
#[derive(Debug, Clone, Serialize)]
pub struct LastAttended {
    pub staff_id: String,
    pub activity_id: String,
    pub title: String,
    pub held_on: Date,
}

impl BoardStore<'_> {
    /// Adds an activity, audited.
    pub async fn create_awareness_activity(&self, actor: &Actor, data: &ActivityData) -> Result<Activity> {
        dispatch!(self.store, awareness::create(self.board, actor, data))
    }

    /// The board's activities, newest first, with their attendees.
    pub async fn awareness_activities(&self) -> Result<Vec<Activity>> {
        dispatch!(self.store, awareness::activities(self.board, None))
    }

    pub async fn awareness_activity(&self, id: &str) -> Result<Option<Activity>> {
        Ok(dispatch!(self.store, awareness::activities(self.board, Some(id)))?.pop())
    }

    /// Sets who of `among` attended activity `id` to `attended` (a subset of
    /// `among`; attendance of anyone else stays), audited, in one transaction.
    pub async fn set_awareness_attendance(
        &self,
        actor: &Actor,
        id: &str,
        among: &[String],
        attended: &[String],
    ) -> Result<Activity> {
        dispatch!(self.store, awareness::set_attendance(self.board, actor, id, among, attended))
    }

    /// Per staff member who attended anything, the last activity attended.
    pub async fn last_attended(&self) -> Result<Vec<LastAttended>> {
        dispatch!(self.store, awareness::last_attended(self.board))
    }

    /// The staff members who attended an activity held from `from` to `to` (both included).
    pub async fn attended_between(&self, from: Date, to: Date) -> Result<Vec<String>> {
        dispatch!(self.store, awareness::attended_between(self.board, from, to))
    }
}
