//! Outgoing e-mail: through SMTP when configured, always recorded in the
//! board's outbox (which without SMTP is the delivery channel that the IBP
//! manager reads in the UI, and that tests read).

use aantoonbaar_store::{BoardId, Store, StoreError};
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;

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
        Ok(Self { smtp, from, store, clock })
    }

    /// Records the mail in the board's outbox and, with SMTP, sends it in the
    /// background, recording the outcome. `sensitive` mails (sign-in links)
    /// lose their body in the outbox once delivered.
    ///
    /// # Errors
    /// When the outbox cannot be written.
    pub async fn send(&self, board: &BoardId, mail: Mail<'_>) -> Result<(), StoreError> {
        let id = self
            .store
            .board(board)
            .queue_mail(mail.to, mail.subject, mail.body, mail.sensitive, self.clock.now())
            .await?;
        let Some(smtp) = self.smtp.clone() else { return Ok(()) };
        let message = mail.to.parse::<Mailbox>().map_err(|e| e.to_string()).and_then(|to| {
            Message::builder()
                .from(self.from.clone())
                .to(to)
                .subject(mail.subject)
                .body(mail.body.to_owned())
                .map_err(|e| e.to_string())
        });
        let (store, clock, board) = (self.store.clone(), self.clock.clone(), board.clone());
        tokio::spawn(async move {
            let outcome = match message {
                Ok(message) => smtp.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
                Err(e) => Err(e),
            };
            let result = match outcome {
                Ok(()) => store.board(&board).mark_mail(&id, Some(clock.now()), None).await,
                Err(error) => {
                    tracing::warn!(%error, "mail not delivered");
                    store.board(&board).mark_mail(&id, None, Some(&error)).await
                }
            };
            if let Err(err) = result {
                tracing::error!(%err, "could not record the outcome of a mail");
            }
        });
        Ok(())
    }
}
