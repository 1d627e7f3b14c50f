//! Work the clock starts rather than a person: clearing expired sign-ins, and
//! the warnings and reminders before legal deadlines.
//!
//! The server runs [`Jobs::run_once`] every minute. Each job is idempotent — it
//! records what it did (a warning sent, a row deleted) so a second run in the
//! same minute, or after a restart, does nothing twice. Tests advance the fixed
//! clock and call `run_once` instead of sleeping.

use crate::AppState;
use crate::auth::session_limits;
use crate::i18n::tf;
use crate::incidents::{moment, responsible};
use aantoonbaar_store::StoreError;
use std::time::Duration;

/// What one run did, for the log and for tests.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct JobReport {
    /// Expired sessions, links and throttle counters deleted.
    pub purged: u64,
    /// Warnings sent before an AP deadline (24 and 8 hours left).
    pub deadline_warnings: u64,
    /// Breaches newly found past their AP deadline without a notification.
    pub overdue: u64,
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
        let (deadline_warnings, overdue) = self.breach_deadlines(now).await?;
        let request_reminders = crate::requests::send_reminders(&self.state, self.state.clock.today()).await?;
        Ok(JobReport { purged, deadline_warnings, overdue, request_reminders })
    }

    /// For every breach the AP must be told of and has not been: e-mails the
    /// IBP manager, the director and the FG at 24 and at 8 hours before the
    /// 72-hour deadline (each warning once), and records a deadline that passed.
    async fn breach_deadlines(&self, now: jiff::Timestamp) -> Result<(u64, u64), StoreError> {
        use aantoonbaar_rules::incidents::{overdue, warning_due};
        let actor = aantoonbaar_store::Actor { user_id: None, label: "jobs".to_owned(), ip: None, at: now };
        let (mut warned, mut late) = (0, 0);
        for board_id in self.state.store.board_ids().await? {
            let board = self.state.store.board(&board_id);
            let open = aantoonbaar_store::IncidentFilter::default();
            for incident in board.incidents(&aantoonbaar_store::Scope::Board, &open).await? {
                let Some(deadline) = incident.open_deadline() else { continue };
                if overdue(deadline, None, now) {
                    if incident.overdue_at.is_none() {
                        board.mark_incident_overdue(&actor, &incident.id).await?;
                        late += 1;
                    }
                    continue;
                }
                let due = warning_due(deadline, now, incident.warned_24_at.is_some(), incident.warned_8_at.is_some());
                let Some(warning) = due else { continue };
                let hours = warning.hours().to_string();
                let link = format!("{}/incidenten/{}", self.state.config.base_url, incident.id);
                let subject =
                    tf("incident.mail.warning_subject", &[("hours", &hours), ("reference", &incident.reference)]);
                let body = tf(
                    "incident.mail.warning_body",
                    &[("reference", &incident.reference), ("deadline", &moment(deadline)), ("link", &link)],
                );
                board.mark_incident_warning(&actor, &incident.id, warning).await?;
                for to in responsible(&self.state, &board_id, incident.school_id.as_deref()).await? {
                    let mail = crate::mail::Mail { to: &to, subject: &subject, body: &body, sensitive: false };
                    self.state.mailer.send(&board_id, mail).await?;
                }
                warned += 1;
            }
        }
        Ok((warned, late))
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
