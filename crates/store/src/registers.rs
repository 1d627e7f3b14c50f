//! The processing register: the board's profile, the activities, the adopted
//! versions and the FG's comments.

use crate::dpias::Reopen;
use crate::{Actor, Backend, BoardStore, Result, Scope, postgres, sqlite};
use aantoonbaar_rules::register::{Activity, BoardProfile};
use jiff::Timestamp;

/// A change of an activity: its new school and fields, `fields` naming what
/// changed (for the audit trail), and the DPIAs the change reopens.
pub struct ActivityUpdate<'a> {
    pub school_id: Option<&'a str>,
    pub activity: &'a Activity,
    pub fields: &'a [&'static str],
    pub reopen: Option<&'a Reopen>,
}

/// An activity as stored, with its id, school and times.
#[derive(Debug, Clone)]
pub struct StoredActivity {
    pub id: String,
    /// `None`: done for every school of the board.
    pub school_id: Option<String>,
    pub activity: Activity,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// One adoption of the register.
#[derive(Debug, Clone)]
pub struct RegisterVersion {
    pub version: i64,
    pub adopted_at: Timestamp,
    pub adopted_by_name: String,
    pub decision: String,
    pub sha256: String,
    /// The snapshot as stored (`rules::register::Register` as JSON).
    pub body: String,
}

/// A new adoption: the snapshot and what it was taken from. The store refuses
/// it ([`crate::StoreError::WrongState`]) when an activity changed after the
/// snapshot was taken (`seen`: each activity's id and last change).
#[derive(Debug, Clone)]
pub struct NewRegisterVersion {
    pub adopted_by_name: String,
    pub decision: String,
    pub body: String,
    pub sha256: String,
    pub seen: Vec<(String, Timestamp)>,
}

/// The FG's comment on an activity.
#[derive(Debug, Clone)]
pub struct RegisterComment {
    pub id: String,
    pub activity_id: String,
    pub author_name: String,
    pub body: String,
    pub created_at: Timestamp,
}

impl BoardStore<'_> {
    pub async fn board_profile(&self) -> Result<Option<BoardProfile>> {
        dispatch!(self.store, registers::board_profile(self.board))
    }

    pub async fn set_board_profile(&self, actor: &Actor, profile: &BoardProfile) -> Result<()> {
        dispatch!(self.store, registers::set_board_profile(self.board, actor, profile))
    }

    pub async fn create_activity(
        &self,
        actor: &Actor,
        school_id: Option<&str>,
        activity: &Activity,
    ) -> Result<StoredActivity> {
        dispatch!(self.store, registers::create_activity(self.board, actor, school_id, activity))
    }

    /// Adds every activity in one transaction: all or none.
    pub async fn create_activities(&self, actor: &Actor, activities: &[Activity]) -> Result<Vec<StoredActivity>> {
        dispatch!(self.store, registers::create_activities(self.board, actor, activities))
    }

    /// Replaces an activity; `fields` names what changed, for the audit trail.
    /// With `reopen`, the approved DPIAs about it are marked for review in the
    /// same transaction.
    pub async fn update_activity(
        &self,
        actor: &Actor,
        id: &str,
        update: &ActivityUpdate<'_>,
    ) -> Result<StoredActivity> {
        dispatch!(self.store, registers::update_activity(self.board, actor, id, update))
    }

    /// The activities in `scope`: a school scope also sees the board-wide ones.
    pub async fn activities(&self, scope: &Scope) -> Result<Vec<StoredActivity>> {
        dispatch!(self.store, registers::activities(self.board, scope, None))
    }

    pub async fn activity(&self, scope: &Scope, id: &str) -> Result<Option<StoredActivity>> {
        let mut found = dispatch!(self.store, registers::activities(self.board, scope, Some(id)))?;
        Ok(found.pop())
    }

    pub async fn adopt_register(&self, actor: &Actor, version: &NewRegisterVersion) -> Result<i64> {
        dispatch!(self.store, registers::adopt_register(self.board, actor, version))
    }

    /// The adopted versions, newest first, without their snapshots.
    pub async fn register_versions(&self) -> Result<Vec<RegisterVersion>> {
        dispatch!(self.store, registers::register_versions(self.board, None))
    }

    /// One adopted version with its snapshot; `None` for the newest.
    pub async fn register_version(&self, version: Option<i64>) -> Result<Option<RegisterVersion>> {
        let mut found = dispatch!(self.store, registers::register_versions(self.board, Some(version)))?;
        Ok(found.pop())
    }

    pub async fn add_register_comment(
        &self,
        actor: &Actor,
        activity_id: &str,
        author_name: &str,
        body: &str,
    ) -> Result<RegisterComment> {
        dispatch!(self.store, registers::add_register_comment(self.board, actor, activity_id, author_name, body))
    }

    pub async fn register_comments(&self, activity_id: &str) -> Result<Vec<RegisterComment>> {
        dispatch!(self.store, registers::register_comments(self.board, activity_id))
    }
}
