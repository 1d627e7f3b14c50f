//! The principal behind each API token, kept for a short time so a request
//! with a bearer token costs one read (the board's versions) instead of three.
//! A cached principal counts only while the board's `access` version is the
//! one it was read at: a revoked token, a disabled user or a changed role or
//! scope raises it in the same transaction (migration 0025), here or on any
//! other server, so the next request reads the principal again.

use crate::Principal;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a principal is kept at most.
const LIFETIME: Duration = Duration::from_secs(60);
/// At most this many tokens are kept; beyond it the cache starts afresh.
const CAPACITY: usize = 10_000;

#[derive(Debug, Clone)]
pub(crate) struct Cached {
    pub principal: Principal,
    pub token_id: String,
    /// The board's `access` version the principal was read at.
    pub access: i64,
    /// When the token's `last_used_at` was last written (seconds).
    pub last_used: i64,
    loaded: Instant,
}

impl Cached {
    pub(crate) fn new(principal: Principal, token_id: String, access: i64, last_used: i64) -> Self {
        Self { principal, token_id, access, last_used, loaded: Instant::now() }
    }
}

#[derive(Default)]
pub(crate) struct PrincipalCache {
    entries: Mutex<HashMap<String, Cached>>,
}

impl PrincipalCache {
    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<String, Cached>> {
        self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The principal kept for a token hash, if it is young enough.
    pub(crate) fn get(&self, token_hash: &str) -> Option<Cached> {
        let mut entries = self.entries();
        let cached = entries.get(token_hash)?;
        if cached.loaded.elapsed() < LIFETIME {
            return Some(cached.clone());
        }
        entries.remove(token_hash);
        None
    }

    pub(crate) fn insert(&self, token_hash: &str, cached: Cached) {
        let mut entries = self.entries();
        if entries.len() >= CAPACITY {
            entries.retain(|_, c| c.loaded.elapsed() < LIFETIME);
            if entries.len() >= CAPACITY {
                entries.clear();
            }
        }
        entries.insert(token_hash.to_owned(), cached);
    }

    pub(crate) fn remove(&self, token_hash: &str) {
        self.entries().remove(token_hash);
    }

    /// Notes that the token's `last_used_at` was written at `at`.
    pub(crate) fn used(&self, token_hash: &str, at: i64) {
        if let Some(cached) = self.entries().get_mut(token_hash) {
            cached.last_used = at;
        }
    }
}
