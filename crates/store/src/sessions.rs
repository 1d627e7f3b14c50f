//! Sessions: staff sign-in in two steps, API tokens and parents' links as ways in, the
//! throttle on failures, and purging what expired.

use crate::principal_cache::Cached;
use crate::{Actor, Backend, BoardId, BoardStore, BoardVersions, Result, Scope, Store, postgres, sqlite};
use aantoonbaar_rules::Role;
use jiff::Timestamp;

/// A token's `last_used_at` is written at most once in this many seconds.
pub(crate) const TOKEN_USE_RESOLUTION: i64 = 60;

/// A signed-in staff user with everything authorisation needs.
#[derive(Debug, Clone)]
pub struct Principal {
    pub board: BoardId,
    pub board_name: String,
    pub user_id: String,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub scope: Scope,
    /// When the user last confirmed password and code for a sensitive action
    /// (sessions only; never for API tokens).
    pub reauthenticated_at: Option<Timestamp>,
}

/// How far a session has got through the two sign-in steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStage {
    /// Password checked; the authenticator code is next.
    SecondFactor,
    /// Password checked; the user has no authenticator yet and must set one up.
    Enrol,
    /// Both steps done.
    Full,
}

impl SessionStage {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::SecondFactor => "second_factor",
            Self::Enrol => "enrol",
            Self::Full => "full",
        }
    }
}

/// A session between the password and the second step.
#[derive(Debug, Clone)]
pub struct PendingSession {
    pub board: BoardId,
    pub board_name: String,
    pub user_id: String,
    pub email: String,
    pub name: String,
    pub stage: SessionStage,
    /// The secret shown during enrolment, until a code proves it was scanned.
    pub pending_secret: Option<String>,
    pub totp_secret: Option<String>,
}

/// A parent or guardian signed in to the portal: everything linked to their
/// e-mail address within one board.
#[derive(Debug, Clone)]
pub struct ParentSession {
    pub board: BoardId,
    pub board_name: String,
    pub email: String,
}

impl Store {
    /// Deletes sessions, links and throttle counters that can no longer be
    /// used: staff and parent sessions last seen before `idle_since` or started
    /// before `created_since`, links expired before `now`, and throttle counters
    /// idle for a day. Returns how many rows went.
    pub async fn purge_expired(&self, idle_since: Timestamp, created_since: Timestamp, now: Timestamp) -> Result<u64> {
        dispatch!(self, sessions::purge_expired(idle_since, created_since, now))
    }

    /// The signed-in user behind a session, if the session exists and its last
    /// use was at or after `idle_since` and it started at or after `created_since`.
    pub async fn session_principal(
        &self,
        token_hash: &str,
        idle_since: Timestamp,
        created_since: Timestamp,
        now: Timestamp,
    ) -> Result<Option<Principal>> {
        dispatch!(self, sessions::session_principal(token_hash, idle_since, created_since, now))
    }

    /// The user behind an unrevoked API token, with the board's versions as
    /// read for this request (so the consent check needs no second read).
    /// Served from the principal cache (`principal_cache.rs`) while the
    /// board's `access` version is unchanged.
    pub async fn token_principal(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> Result<Option<(Principal, BoardVersions)>> {
        if let Some(cached) = self.principals.get(token_hash) {
            let versions = self.board_versions(&cached.principal.board).await?;
            if versions.access == cached.access {
                if now.as_second() - cached.last_used >= TOKEN_USE_RESOLUTION {
                    dispatch!(self, sessions::token_used(&cached.principal.board, &cached.token_id, now))?;
                    self.principals.used(token_hash, now.as_second());
                }
                return Ok(Some((cached.principal, versions)));
            }
            self.principals.remove(token_hash);
        }
        let Some((principal, versions, token_id, last_used)) =
            dispatch!(self, sessions::token_principal(token_hash, now))?
        else {
            return Ok(None);
        };
        let cached = Cached::new(principal.clone(), token_id, versions.access, last_used);
        self.principals.insert(token_hash, cached);
        Ok(Some((principal, versions)))
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        dispatch!(self, sessions::delete_session(token_hash))
    }

    /// A session waiting for its second step, started at or after `created_since`.
    pub async fn pending_session(&self, token_hash: &str, created_since: Timestamp) -> Result<Option<PendingSession>> {
        dispatch!(self, sessions::pending_session(token_hash, created_since))
    }

    /// Remembers the secret shown to a user setting up their authenticator.
    pub async fn set_pending_secret(&self, token_hash: &str, secret: &str) -> Result<()> {
        dispatch!(self, sessions::set_pending_secret(token_hash, secret))
    }

    /// Replaces a pending session by a full one under a new token (so a token
    /// seen before sign-in completed is worth nothing after it).
    pub async fn complete_session(&self, pending_hash: &str, full_hash: &str, actor: &Actor) -> Result<()> {
        dispatch!(self, sessions::complete_session(pending_hash, full_hash, actor))
    }

    /// Records that the user confirmed password and code again.
    pub async fn set_reauthenticated(&self, token_hash: &str, at: Timestamp) -> Result<()> {
        dispatch!(self, sessions::set_reauthenticated(token_hash, at))
    }

    /// The boards in which a guardian has this e-mail address.
    pub async fn boards_with_guardian(&self, email: &str) -> Result<Vec<BoardId>> {
        dispatch!(self, sessions::boards_with_guardian(email))
    }

    /// Uses up a parent's sign-in link; the board and address it was for.
    pub async fn use_parent_link(&self, token_hash: &str, now: Timestamp) -> Result<Option<(BoardId, String)>> {
        dispatch!(self, sessions::use_parent_link(token_hash, now))
    }

    /// The parent behind a portal session within the timeouts.
    pub async fn parent_session(
        &self,
        token_hash: &str,
        idle_since: Timestamp,
        created_since: Timestamp,
        now: Timestamp,
    ) -> Result<Option<ParentSession>> {
        dispatch!(self, sessions::parent_session(token_hash, idle_since, created_since, now))
    }

    pub async fn delete_parent_session(&self, token_hash: &str) -> Result<()> {
        dispatch!(self, sessions::delete_parent_session(token_hash))
    }

    /// Seconds to wait when any of `keys` is blocked at `now`.
    pub async fn throttle_wait(&self, keys: &[String], now: Timestamp) -> Result<Option<i64>> {
        dispatch!(self, sessions::throttle_wait(keys, now))
    }

    /// Counts a failure for `key` and blocks it until `delay(failures)` seconds from now.
    pub async fn throttle_failure(&self, key: &str, now: Timestamp, delay: fn(i64) -> i64) -> Result<()> {
        dispatch!(self, sessions::throttle_failure(key, now, delay))
    }

    /// Forgets the failures of `keys` after a success.
    pub async fn throttle_reset(&self, keys: &[String]) -> Result<()> {
        dispatch!(self, sessions::throttle_reset(keys))
    }
}

impl BoardStore<'_> {
    pub async fn create_session(
        &self,
        actor: &Actor,
        user_id: &str,
        token_hash: &str,
        stage: SessionStage,
    ) -> Result<()> {
        dispatch!(self.store, sessions::create_session(self.board, actor, user_id, token_hash, stage))
    }

    pub async fn create_parent_link(&self, email: &str, token_hash: &str, expires_at: Timestamp) -> Result<()> {
        dispatch!(self.store, sessions::create_parent_link(self.board, email, token_hash, expires_at))
    }

    pub async fn create_parent_session(&self, actor: &Actor, email: &str, token_hash: &str) -> Result<()> {
        dispatch!(self.store, sessions::create_parent_session(self.board, actor, email, token_hash))
    }
}
