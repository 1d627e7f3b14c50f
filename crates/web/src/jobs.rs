//! Work the clock starts rather than a person: clearing expired sign-ins, and
//! the warnings and reminders before legal deadlines.
//!
//! The server runs [`Jobs::run_once`] every minute. Each job is idempotent — it
//! records what it did (a warning sent, a row deleted) so a second run in the
//! same minute, or after a restart, does nothing twice. Tests advance the fixed
//! clock and call `run_once` instead of sleeping.

use crate::AppState;
use crate::auth::session_limits;
use aantoonbaar_store::StoreError;
use std::time::Duration;

/// What one run did, for the log and for tests.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct JobReport {
    /// Expired sessions, links and throttle counters deleted.
    pub purged: u64,
    /// Open data-subject requests reminded about (at 7 and 2 working days left).
    pub request_reminders: u64,
}

/// The job runner over the application's state.
#[derive(Clone)]
pub struct Jobs {
    state: AppState,
}

impl Jobs {
    pub(crate) fn new(state: AppState) -> Self {
        Self { state }
    }

    /// Runs every job once, at the clock's current time.
    ///
    /// # Errors
    /// The first job that cannot reach the database; the others still ran
    /// before it or will run next minute.
    pub async fn run_once(&self) -> Result<JobReport, StoreError> {
        let now = self.state.clock.now();
        let (idle_since, created_since) = session_limits(&self.state.config, now);
        let purged = self.state.store.purge_expired(idle_since, created_since, now).await?;
        let request_reminders = crate::requests::send_reminders(&self.state, self.state.clock.today()).await?;
        Ok(JobReport { purged, request_reminders })
    }

    /// Runs the jobs every `period` until the runtime stops.
    pub fn spawn_every(self, period: Duration) {
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(period);
            ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
            loop {
                ticker.tick().await;
                match self.run_once().await {
                    Ok(report) => tracing::debug!(?report, "jobs ran"),
                    Err(err) => tracing::error!(%err, "jobs failed; retrying next period"),
                }
            }
        });
    }
}
