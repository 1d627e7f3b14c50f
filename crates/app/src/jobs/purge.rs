//! Deletes sessions, links and throttle counters that can no longer be used.

use crate::App;
use aantoonbaar_store::StoreError;

/// How many rows went.
///
/// # Errors
/// When the store cannot be written.
pub async fn run(app: &App) -> Result<u64, StoreError> {
    let now = app.clock.now();
    let (idle_since, created_since) = app.config.session_limits(now);
    app.store.purge_expired(idle_since, created_since, now).await
}
