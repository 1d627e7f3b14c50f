//! Outgoing e-mail: always written to the board's outbox first (without SMTP
//! the outbox is the delivery channel that the IBP manager reads, and that
//! tests read); with SMTP a sender task delivers from the outbox, with retries
//! and backoff, and records delivered or failed.

use aantoonbaar_store::{BoardId, Delivery, DueMail, NewMail, Store, StoreError};
use jiff::SignedDuration;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;
use tokio::sync::Notify;

use crate::clock::Clock;

/// How the connection to the SMTP server is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// STARTTLS on the submission port (587): the usual choice.
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same machine.
    None,
}

/// The SMTP settings of the configuration table. The password is never logged.
#[derive(Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub user: Option<String>,
    pub password: Option<String>,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .finish()
    }
}

#[derive(Clone)]
pub struct Mailer {
    smtp: Option<Arc<AsyncSmtpTransport<Tokio1Executor>>>,
    from: Mailbox,
    store: Store,
    clock: Clock,
    /// Wakes the sender when a mail was queued.
    queued: Arc<Notify>,
}

/// One e-mail to one person.
#[derive(Debug, Clone, Copy)]
pub struct Mail<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    /// Carries a secret (a sign-in link): its body is not kept once delivered.
    pub sensitive: bool,
}

/// The same mail to each of `to`, once per address, in address order.
#[must_use]
pub fn to_each<S: AsRef<str>>(to: &[S], subject: &str, body: &str) -> Vec<NewMail> {
    let mut to: Vec<&str> = to.iter().map(AsRef::as_ref).collect();
    to.sort_unstable();
    to.dedup();
    to.into_iter().map(|to| Mail { to, subject, body, sensitive: false }.to_new()).collect()
}

impl Mail<'_> {
    /// The mail as the outbox takes it, to write with the change that causes it.
    #[must_use]
    pub fn to_new(&self) -> NewMail {
        NewMail {
            to: self.to.to_owned(),
            subject: self.subject.to_owned(),
            body: self.body.to_owned(),
            sensitive: self.sensitive,
        }
    }
}

/// How many times the sender tries a mail before it gives up (about a day).
pub const MAX_ATTEMPTS: i64 = 6;

/// Mail older than this is no longer sent (a sign-in link of yesterday is worthless).
const STALE_AFTER: SignedDuration = SignedDuration::from_hours(24);

/// How long a claimed mail belongs to one sender before another may try it.
const LEASE: SignedDuration = SignedDuration::from_mins(5);

/// The wait before the next attempt after `attempts` failed ones: 1, 5, 15,
/// 60 and 240 minutes; `None` when the sender gives up.
#[must_use]
pub fn backoff(attempts: i64) -> Option<SignedDuration> {
    let minutes = match attempts {
        1 => 1,
        2 => 5,
        3 => 15,
        4 => 60,
        5 => 240,
        _ => return None,
    };
    Some(SignedDuration::from_mins(minutes))
}

impl Mailer {
    /// # Errors
    /// When the sender address or the SMTP settings are unusable.
    pub fn new(store: Store, clock: Clock, smtp: Option<&SmtpSettings>, from: &str) -> Result<Self, String> {
        let from: Mailbox = from.parse().map_err(|e| format!("mail sender '{from}': {e}"))?;
        let smtp = smtp
            .map(|s| {
                let builder = match s.security {
                    SmtpSecurity::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&s.host),
                    SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&s.host),
                    SmtpSecurity::None => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.host)),
                }
                .map_err(|e| format!("SMTP server '{}': {e}", s.host))?;
                let builder = builder.port(s.port);
                let builder = match (&s.user, &s.password) {
                    (Some(user), Some(password)) => {
                        builder.credentials(Credentials::new(user.clone(), password.clone()))
                    }
                    _ => builder,
                };
                Ok::<_, String>(Arc::new(builder.build()))
            })
            .transpose()?;
        Ok(Self { smtp, from, store, clock, queued: Arc::new(Notify::new()) })
    }

    /// Records the mail in the board's outbox, due at once, and wakes the
    /// sender. A mail caused by a change is better written with the change
    /// (the store's write methods that take `&[NewMail]`).
    ///
    /// # Errors
    /// When the outbox cannot be written.
    pub async fn send(&self, board: &BoardId, mail: Mail<'_>) -> Result<(), StoreError> {
        self.store.board(board).queue_mail(&mail.to_new(), self.clock.now()).await?;
        self.wake();
        Ok(())
    }

    /// Tells the sender that mail was queued (after a transaction that wrote some).
    pub fn wake(&self) {
        self.queued.notify_one();
    }

    /// Delivers every mail that is due now (any board), recording delivered or
    /// failed with the next attempt after [`backoff`]; how many were delivered.
    /// Without SMTP the outbox is the delivery channel and nothing is sent.
    ///
    /// # Errors
    /// When the outbox cannot be read or written.
    pub async fn deliver_due(&self) -> Result<u64, StoreError> {
        let Some(smtp) = &self.smtp else { return Ok(0) };
        let now = self.clock.now();
        let lease = now.checked_add(LEASE).unwrap_or(now);
        let stale = now.checked_sub(STALE_AFTER).unwrap_or(now);
        let mut delivered = 0;
        for due in self.store.claim_due_mail(now, lease, stale, 50).await? {
            let outcome = match self.message(&due) {
                Ok(message) => smtp.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
                Err(e) => Err(e),
            };
            let delivery = match outcome {
                Ok(()) => {
                    delivered += 1;
                    Delivery::Delivered { at: self.clock.now() }
                }
                Err(error) => {
                    tracing::warn!(%error, attempt = due.attempts + 1, "mail not delivered");
                    let retry_at = backoff(due.attempts + 1).and_then(|wait| now.checked_add(wait).ok());
                    Delivery::Failed { error, retry_at }
                }
            };
            self.store.board(&due.board).record_delivery(&due.id, &delivery).await?;
        }
        Ok(delivered)
    }

    fn message(&self, due: &DueMail) -> Result<Message, String> {
        let to = due.recipient.parse::<Mailbox>().map_err(|e| e.to_string())?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&due.subject)
            .body(due.body.clone())
            .map_err(|e| e.to_string())
    }

    /// With SMTP configured: delivers due mail whenever some is queued, and
    /// every `period` for the retries, until the runtime stops.
    pub fn start_sender(&self, period: std::time::Duration) {
        if self.smtp.is_none() {
            return;
        }
        let mailer = self.clone();
        tokio::spawn(async move {
            loop {
                if let Err(err) = mailer.deliver_due().await {
                    tracing::error!(%err, "the outbox could not be delivered; retrying");
                }
                let _ = tokio::time::timeout(period, mailer.queued.notified()).await;
            }
        });
    }
}
