//! Staff users and their credentials: passwords and set-password links, the second step
//! (TOTP and recovery codes), API tokens.

use crate::{Actor, Backend, BoardId, BoardStore, Principal, Result, Scope, Store, postgres, sqlite};
use aantoonbaar_rules::{Email, PersonName, Role, ScopeKind};
use jiff::Timestamp;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub scope_kind: ScopeKind,
    /// School ids (scope `school`) or group ids (scope `groups`).
    pub scope_ids: Vec<String>,
    pub has_password: bool,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub name: PersonName,
    pub roles: Vec<Role>,
    pub scope_kind: ScopeKind,
    /// School ids for scope `school`, group ids for scope `groups`.
    pub scope_ids: Vec<String>,
    /// Demo accounts only: may skip the second step when the server runs in demo mode.
    pub mfa_exempt: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
}

/// What sign-in needs to check a password and start a session.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub board: BoardId,
    pub user_id: String,
    pub password_hash: Option<String>,
    pub totp_secret: Option<String>,
    pub mfa_exempt: bool,
}

impl Store {
    /// Everything sign-in needs about the staff user with this e-mail address.
    pub async fn credentials_by_email(&self, email: &str) -> Result<Option<Credentials>> {
        dispatch!(self, users::credentials_by_email(email))
    }

    /// The user a valid, unused set-password link belongs to.
    pub async fn password_link_user(&self, token_hash: &str, now: Timestamp) -> Result<Option<Principal>> {
        dispatch!(self, users::password_link_user(token_hash, now))
    }

    /// Sets the password through a link, using the link up.
    pub async fn use_password_link(&self, token_hash: &str, password_hash: &str, actor: &Actor) -> Result<()> {
        dispatch!(self, users::use_password_link(token_hash, password_hash, actor))
    }
}

impl BoardStore<'_> {
    /// Creates a staff user; `None` as password hash until they set one.
    pub async fn create_user(&self, actor: &Actor, user: &NewUser, password_hash: Option<&str>) -> Result<User> {
        dispatch!(self.store, users::create_user(self.board, actor, user, password_hash))
    }

    pub async fn users(&self, scope: &Scope) -> Result<Vec<User>> {
        dispatch!(self.store, users::users(self.board, scope))
    }

    /// Stores a verified authenticator secret and fresh recovery codes (hashes),
    /// replacing earlier ones; `step` is the step of the code that proved it.
    pub async fn enrol_totp(
        &self,
        actor: &Actor,
        user_id: &str,
        secret: &str,
        step: i64,
        recovery_hashes: &[String],
    ) -> Result<()> {
        dispatch!(self.store, users::enrol_totp(self.board, actor, user_id, secret, step, recovery_hashes))
    }

    /// Accepts a code's time step once: `false` when it (or a later one) was used.
    pub async fn accept_totp_step(&self, user_id: &str, step: i64) -> Result<bool> {
        dispatch!(self.store, users::accept_totp_step(self.board, user_id, step))
    }

    /// Uses up a recovery code; `false` when it does not exist or was used.
    pub async fn use_recovery_code(&self, actor: &Actor, user_id: &str, code_hash: &str) -> Result<bool> {
        dispatch!(self.store, users::use_recovery_code(self.board, actor, user_id, code_hash))
    }

    pub async fn create_password_link(&self, user_id: &str, token_hash: &str, expires_at: Timestamp) -> Result<()> {
        dispatch!(self.store, users::create_password_link(self.board, user_id, token_hash, expires_at))
    }

    pub async fn create_token(&self, actor: &Actor, user_id: &str, name: &str, token_hash: &str) -> Result<ApiToken> {
        dispatch!(self.store, users::create_token(self.board, actor, user_id, name, token_hash))
    }

    pub async fn tokens(&self, user_id: &str) -> Result<Vec<ApiToken>> {
        dispatch!(self.store, users::tokens(self.board, user_id))
    }

    pub async fn revoke_token(&self, actor: &Actor, user_id: &str, token_id: &str) -> Result<()> {
        dispatch!(self.store, users::revoke_token(self.board, actor, user_id, token_id))
    }
}
