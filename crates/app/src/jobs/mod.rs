//! Work the clock starts rather than a person, one job per file: clearing
//! expired sign-ins ([`purge`]), the warnings before the AP's 72-hour deadline
//! ([`breach_deadlines`]), the reminders before a request's deadline
//! ([`request_reminders`]), the weekly retention notice ([`retention_notices`]),
//! and the access policy's daily work: leavers' Aantoonbaar accounts disabled
//! and review campaigns reminded and escalated (`crate::access`); those who
//! have not signed the code of conduct or the confidentiality statement
//! reminded (`crate::policy_documents`); the reminders of the activity
//! calendar ([`calendar_reminders`]).
//!
//! The server runs [`Jobs::run_once`] every minute. Every job is idempotent by
//! one scheme: the store records that a notice goes out with a conditional
//! write (`… WHERE warned_24_at IS NULL`, `INSERT … ON CONFLICT DO NOTHING`)
//! and writes the notice into the outbox in the same transaction, so a notice
//! goes out once, and a failed outbox write leaves it due for the next run.
//! When several servers share one PostgreSQL database, each job runs on one of
//! them at a time: the holder of its lease (`job_leases`). Tests advance the
//! fixed clock and call `run_once` instead of sleeping.

pub mod breach_deadlines;
pub mod calendar_reminders;
pub mod purge;
pub mod request_reminders;
pub mod retention_notices;

use crate::App;
use aantoonbaar_store::StoreError;
use jiff::SignedDuration;
use std::time::Duration;

/// How long a server holds a job's lease: another server takes over a job
/// whose holder stopped after at most this long.
const LEASE: SignedDuration = SignedDuration::from_mins(5);

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
    /// Reminders of the supplier register (agreements ending, objection deadlines).
    pub party_reminders: u64,
    /// Pre-DPIAs reminded about after 5 working days without an answer.
    pub pre_dpia_reminders: u64,
    /// Boards told this week of retention items due or holds to review.
    pub retention_notices: u64,
    /// Aantoonbaar accounts of leavers disabled (the day after their last day).
    pub leaver_accounts_disabled: u64,
    /// Leavers told as late: their accounts were not all removed by the deadline.
    pub late_leavers: u64,
    /// Review campaign reminders and escalations sent.
    pub review_notices: u64,
    /// Mails to staff who have not signed the code of conduct or the
    /// confidentiality statement in force, and to their directors.
    pub signing_notices: u64,
    /// Reminders of the activity calendar sent to items' owners (14 and 1 days before, once overdue).
    pub calendar_reminders: u64,
    /// Jobs skipped because another server holds their lease.
    pub skipped: u64,
}

/// The job runner over the application.
#[derive(Clone)]
pub struct Jobs {
    app: App,
    /// This runner's name in the job leases.
    holder: String,
}

impl Jobs {
    pub(crate) fn new(app: App) -> Self {
        let holder = aantoonbaar_store::credentials::new_secret().unwrap_or_else(|_| std::process::id().to_string());
        Self { app, holder }
    }

    /// Whether this runner holds (or now takes) the lease on job `name`.
    async fn lease(&self, name: &str) -> Result<bool, StoreError> {
        let now = self.app.clock.now();
        let until = now.checked_add(LEASE).unwrap_or(now);
        self.app.store.claim_job(name, &self.holder, now, until).await
    }

    /// Runs every job once, at the clock's current time, each only while this
    /// runner holds its lease; then delivers what the jobs queued.
    ///
    /// # Errors
    /// The first job that cannot reach the database; the others still ran
    /// before it or will run next minute.
    pub async fn run_once(&self) -> Result<JobReport, StoreError> {
        let mut report = JobReport::default();
        if self.lease("purge").await? {
            report.purged = purge::run(&self.app).await?;
        } else {
            report.skipped += 1;
        }
        if self.lease("breach_deadlines").await? {
            (report.deadline_warnings, report.overdue) = breach_deadlines::run(&self.app).await?;
        } else {
            report.skipped += 1;
        }
        if self.lease("request_reminders").await? {
            report.request_reminders = request_reminders::run(&self.app).await?;
        } else {
            report.skipped += 1;
        }
        if self.lease("party_reminders").await? {
            report.party_reminders = crate::parties::reminders::run(&self.app).await?;
        } else {
            report.skipped += 1;
        }
        if self.lease("pre_dpia_reminders").await? {
            report.pre_dpia_reminders = crate::pre_dpia::reminders::run(&self.app).await?;
        } else {
            report.skipped += 1;
        }
        if self.lease("retention_notices").await? {
            report.retention_notices = retention_notices::run(&self.app).await?;
        } else {
            report.skipped += 1;
        }
        if self.lease("access_leavers").await? {
            report.leaver_accounts_disabled = crate::access::changes::disable_leaver_accounts(&self.app).await?;
            report.late_leavers = crate::access::changes::tell_late_leavers(&self.app).await?;
        } else {
            report.skipped += 1;
        }
        if self.lease("access_reviews").await? {
            report.review_notices = crate::access::reviews::remind_and_escalate(&self.app).await?;
        } else {
            report.skipped += 1;
        }
        if self.lease("policy_signatures").await? {
            report.signing_notices = crate::policy_documents::remind_non_signers(&self.app).await?;
        } else {
            report.skipped += 1;
        }
        if self.lease("calendar_reminders").await? {
            report.calendar_reminders = calendar_reminders::run(&self.app).await?;
        } else {
            report.skipped += 1;
        }
        if report.deadline_warnings
            + report.request_reminders
            + report.party_reminders
            + report.pre_dpia_reminders
            + report.retention_notices
            + report.review_notices
            + report.signing_notices
            + report.late_leavers
            + report.calendar_reminders
            > 0
        {
            self.app.mailer.wake();
        }
        Ok(report)
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
