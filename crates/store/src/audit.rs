//! The audit trail: what is recorded, reading it back, and verifying the chain.

use crate::{Actor, Backend, BoardStore, Result, Store, postgres, sqlite};
use jiff::Timestamp;
use serde::Serialize;

/// What happened, for the audit trail. Field *names* only: values, and above all
/// special-category values, are never copied into the trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    /// Someone looked at personal data (a pupil's record, their guardians).
    View,
    Create,
    Update,
    Delete,
    Import,
    SignIn,
    SignOut,
    SetPassword,
    EnrolTwoStep,
    UseRecoveryCode,
    CreateToken,
    RevokeToken,
}

impl AuditAction {
    pub const ALL: &'static [Self] = &[
        Self::View,
        Self::Create,
        Self::Update,
        Self::Delete,
        Self::Import,
        Self::SignIn,
        Self::SignOut,
        Self::SetPassword,
        Self::EnrolTwoStep,
        Self::UseRecoveryCode,
        Self::CreateToken,
        Self::RevokeToken,
    ];

    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::View => "view",
            Self::Create => "create",
            Self::Update => "update",
            Self::Delete => "delete",
            Self::Import => "import",
            Self::SignIn => "sign_in",
            Self::SignOut => "sign_out",
            Self::SetPassword => "set_password",
            Self::EnrolTwoStep => "enrol_two_step",
            Self::UseRecoveryCode => "use_recovery_code",
            Self::CreateToken => "create_token",
            Self::RevokeToken => "revoke_token",
        }
    }
}

/// One entry for the audit trail, built next to the change it records.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub action: AuditAction,
    pub entity: &'static str,
    pub entity_id: String,
    pub fields: Vec<&'static str>,
}

impl AuditEvent {
    #[must_use]
    pub fn new(action: AuditAction, entity: &'static str, entity_id: &str) -> Self {
        Self { action, entity, entity_id: entity_id.to_owned(), fields: Vec::new() }
    }

    #[must_use]
    pub fn fields(mut self, fields: &[&'static str]) -> Self {
        self.fields.extend_from_slice(fields);
        self
    }
}

/// An audit entry as stored, with the names of who did it and whom it is about
/// as they read now (`None` when the record no longer exists or has no name).
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: Timestamp,
    pub actor: String,
    pub ip: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub fields: Vec<String>,
    /// The staff member's name, or the name of the parent with the actor's e-mail address.
    pub actor_name: Option<String>,
    /// The full name of the pupil the entry is about.
    pub pupil_name: Option<String>,
    /// That pupil's group.
    pub pupil_group: Option<String>,
    /// The name of what the entry is about when it is not one pupil: a person,
    /// a school, a group, an incident's reference.
    pub subject_name: Option<String>,
}

/// Which audit entries to show.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Part of the actor's e-mail address or name.
    pub actor: Option<String>,
    /// Part of a pupil's name or pupil number: only the entries about the pupils
    /// it finds (their record, guardians, consent, requests, incidents, letters).
    pub pupil: Option<String>,
    /// Unix seconds, inclusive.
    pub from: Option<i64>,
    /// Unix seconds, exclusive.
    pub until: Option<i64>,
    pub limit: i64,
    /// Entries to skip, newest first (paging).
    pub offset: i64,
}

impl Store {
    /// Checks every board's audit chain; the first break per board.
    pub async fn verify_audit(&self) -> Result<Vec<crate::audit_chain::ChainBreak>> {
        dispatch!(self, audit::verify_audit())
    }
}

impl BoardStore<'_> {
    /// Records that the actor viewed personal data of `entity` `id`.
    pub async fn record_view(&self, actor: &Actor, entity: &'static str, id: &str) -> Result<()> {
        self.record_views(actor, entity, &[id.to_owned()]).await
    }

    /// Records that the actor viewed each of `ids` (a list page), committed
    /// with whatever else the group commit writes at that moment; returns
    /// once it is on disk.
    pub async fn record_views(&self, actor: &Actor, entity: &'static str, ids: &[String]) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        self.store.group_commit.record_views(self.board, actor, entity, ids).await
    }

    /// The newest audit entries, newest first.
    pub async fn audit_trail(&self, limit: i64) -> Result<Vec<AuditEntry>> {
        self.audit_search(&AuditFilter { limit, ..AuditFilter::default() }).await
    }

    /// Audit entries matching `filter`, newest first.
    pub async fn audit_search(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        dispatch!(self.store, audit::audit_search(self.board, filter))
    }

    /// How many audit entries match `filter` (its limit and offset aside).
    pub async fn audit_count(&self, filter: &AuditFilter) -> Result<i64> {
        dispatch!(self.store, audit::audit_count(self.board, filter))
    }
}
