//! Every operation of Aantoonbaar, once. The pages, the JSON API, the command
//! line, the background jobs and the demo seeder all call these functions.
//!
//! An operation: validate one command type (every wrong field at once) →
//! check the permission ([`Staff::may`], reading the policy table) → apply the
//! rules (`aantoonbaar_rules`) → write the change, its audit entry and its
//! notices (`aantoonbaar_store`, one transaction) → return plain data.
//! Nothing here knows HTTP: errors are [`Error`], which the web crate maps.

pub mod access;
pub mod accounts;
pub mod audit;
pub mod awareness;
pub mod board_report;
pub mod calendar;
pub mod cameras;
pub mod clock;
pub mod consent;
pub mod consent_round;
pub mod deadlines;
pub mod dpia;
pub mod error;
pub mod export;
pub mod guardians;
pub mod i18n;
pub mod imports;
pub mod incidents;
pub mod information_rights;
pub mod input;
pub mod jobs;
pub mod mail;
pub mod parties;
pub mod people;
pub mod policy_documents;
pub mod pre_dpia;
pub mod privacy_statement;
pub mod pupils;
pub mod register;
pub mod requests;
pub mod retention;
pub mod retention_batches;
pub mod risks;
pub mod schools;
pub mod selfassessment;
pub mod staff;

pub use error::{Error, FieldError, Result};
pub use staff::Staff;

use aantoonbaar_store::Store;
use clock::Clock;
use std::sync::Arc;
use std::time::Duration;

/// Settings of a running server (the README's configuration table).
#[derive(Debug, Clone)]
pub struct Config {
    /// How people reach the server; used in links sent by mail or printed.
    pub base_url: String,
    /// A session ends after this long without a request (ParnasSys: 60 minutes).
    pub idle_timeout: Duration,
    /// A session ends this long after sign-in, however active.
    pub absolute_timeout: Duration,
    /// Mark cookies `Secure` (set when the server is reached over https).
    pub secure_cookies: bool,
    /// Demo mode: the pages say so on every screen.
    pub demo: bool,
    /// SMTP server; without one, mail stays in the outbox.
    pub smtp: Option<mail::SmtpSettings>,
    /// Sender of every mail.
    pub mail_from: String,
    /// A consent-round reminder about a child goes to the same person again
    /// only after this long (`rules::consent::remind_again_after`).
    pub consent_reminder_interval: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            base_url: "http://127.0.0.1:8080".to_owned(),
            idle_timeout: Duration::from_secs(60 * 60),
            absolute_timeout: Duration::from_secs(12 * 60 * 60),
            secure_cookies: false,
            demo: false,
            smtp: None,
            mail_from: "Aantoonbaar <noreply@aantoonbaar.invalid>".to_owned(),
            consent_reminder_interval: Duration::from_secs(7 * 24 * 60 * 60),
        }
    }
}

impl Config {
    /// [`Config::consent_reminder_interval`] in whole days, as the pages say it.
    #[must_use]
    pub const fn consent_reminder_interval_days(&self) -> u64 {
        self.consent_reminder_interval.as_secs() / (24 * 60 * 60)
    }

    /// The moments a session must have been used after (idle timeout) and
    /// started after (absolute timeout) to be valid at `now`. On overflow `now`
    /// itself, so a session counts as expired (fail closed).
    #[must_use]
    pub fn session_limits(&self, now: jiff::Timestamp) -> (jiff::Timestamp, jiff::Timestamp) {
        let since = |timeout: Duration| {
            jiff::SignedDuration::try_from(timeout).ok().and_then(|by| now.checked_sub(by).ok()).unwrap_or(now)
        };
        (since(self.idle_timeout), since(self.absolute_timeout))
    }
}

/// Everything an operation needs; cheap to clone.
#[derive(Clone)]
pub struct App {
    pub store: Store,
    pub config: Arc<Config>,
    pub clock: Clock,
    /// A hash to verify against when an e-mail address is unknown, so that
    /// unknown and known addresses take the same time.
    pub decoy_hash: Arc<str>,
    pub mailer: mail::Mailer,
}

impl App {
    /// The application over `store`.
    ///
    /// # Errors
    /// When randomness is unavailable, or the mail settings are unusable.
    pub fn new(store: Store, config: Config, clock: Clock) -> Result<Self, String> {
        let decoy_hash = aantoonbaar_store::credentials::decoy_hash().map_err(|e| e.to_string())?;
        let mailer = mail::Mailer::new(store.clone(), clock.clone(), config.smtp.as_ref(), &config.mail_from)?;
        Ok(Self { store, config: Arc::new(config), clock, decoy_hash: decoy_hash.into(), mailer })
    }

    /// The background jobs over this application; `serve` runs them every
    /// minute, tests call [`jobs::Jobs::run_once`] after moving the clock.
    #[must_use]
    pub fn jobs(&self) -> jobs::Jobs {
        jobs::Jobs::new(self.clone())
    }

    /// A link to a page of this server, for mail and printed output.
    #[must_use]
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_url.trim_end_matches('/'))
    }
}

/// Runs CPU-heavy work (password hashing, strength estimation, PDF, XLSX,
/// zip) on the blocking pool, so the async workers keep serving requests.
///
/// # Errors
/// [`Error::Internal`] when the work panicked or the runtime is shutting down.
pub async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(work).await.map_err(|e| Error::internal(&e))
}
