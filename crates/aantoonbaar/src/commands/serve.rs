//! `aantoonbaar serve`.

use super::{CommandResult, Database};
use aantoonbaar_app::Config;
use aantoonbaar_app::clock::Clock;
use aantoonbaar_app::mail::{SmtpSecurity, SmtpSettings};
use aantoonbaar_store::Store;
use aantoonbaar_web::Application;
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: Database,
    #[command(flatten)]
    pub server: ServerArgs,
}

#[derive(clap::Args)]
pub struct ServerArgs {
    /// Address to listen on.
    #[arg(long, env = "AANTOONBAAR_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Address people use to reach the server, for links in mail and output
    /// (default: http:// + the listen address).
    #[arg(long, env = "AANTOONBAAR_BASE_URL")]
    pub base_url: Option<String>,
    /// Minutes without activity after which a session ends.
    #[arg(long, env = "AANTOONBAAR_IDLE_TIMEOUT_MINUTES", default_value_t = 60)]
    pub idle_timeout_minutes: u64,
    /// Hours after sign-in after which a session ends however active.
    #[arg(long, env = "AANTOONBAAR_ABSOLUTE_TIMEOUT_HOURS", default_value_t = 12)]
    pub absolute_timeout_hours: u64,
    /// Mark cookies Secure: set this when users reach the server over https.
    #[arg(long, env = "AANTOONBAAR_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Days before a consent-round reminder about a child goes to the same person again.
    #[arg(long, env = "AANTOONBAAR_CONSENT_REMINDER_INTERVAL_DAYS", default_value_t = 7,
        value_parser = clap::value_parser!(u64).range(1..=366))]
    pub consent_reminder_interval_days: u64,
    /// Memory the consent read model may take, in MiB (boards checked least
    /// recently are dropped first; each is rebuilt on its next check).
    #[arg(long, env = "AANTOONBAAR_READ_MODEL_BUDGET_MIB", default_value_t = aantoonbaar_store::DEFAULT_READ_MODEL_BUDGET_MIB,
        value_parser = clap::value_parser!(u64).range(0..=65_536))]
    pub read_model_budget: u64,
    #[command(flatten)]
    pub mail: MailArgs,
}

/// Outgoing mail. Without `--smtp-host` mail stays in the outbox (menu
/// "Uitgaande post"), which is what the demo and the tests use.
#[derive(clap::Args)]
pub struct MailArgs {
    /// SMTP server for outgoing mail.
    #[arg(long, env = "AANTOONBAAR_SMTP_HOST")]
    pub smtp_host: Option<String>,
    #[arg(long, env = "AANTOONBAAR_SMTP_PORT", default_value_t = 587)]
    pub smtp_port: u16,
    /// starttls (port 587), tls (port 465) or none (a relay on this machine only).
    #[arg(long, env = "AANTOONBAAR_SMTP_SECURITY", default_value = "starttls")]
    pub smtp_security: String,
    #[arg(long, env = "AANTOONBAAR_SMTP_USER")]
    pub smtp_user: Option<String>,
    /// Never printed or logged.
    #[arg(long, env = "AANTOONBAAR_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,
    /// Sender of every mail.
    #[arg(long, env = "AANTOONBAAR_MAIL_FROM", default_value = "Aantoonbaar <noreply@aantoonbaar.invalid>")]
    pub mail_from: String,
}

impl MailArgs {
    /// # Errors
    /// An unknown `--smtp-security`.
    pub fn smtp(&self) -> Result<Option<SmtpSettings>, String> {
        let Some(host) = &self.smtp_host else { return Ok(None) };
        let security = match self.smtp_security.as_str() {
            "starttls" => SmtpSecurity::StartTls,
            "tls" => SmtpSecurity::Tls,
            "none" => SmtpSecurity::None,
            other => return Err(format!("--smtp-security must be starttls, tls or none, not '{other}'")),
        };
        Ok(Some(SmtpSettings {
            host: host.clone(),
            port: self.smtp_port,
            security,
            user: self.smtp_user.clone(),
            password: self.smtp_password.clone(),
        }))
    }
}

impl ServerArgs {
    /// # Errors
    /// Unusable mail settings.
    pub fn config(&self, demo: bool) -> Result<Config, String> {
        Ok(Config {
            base_url: self.base_url.clone().unwrap_or_else(|| format!("http://{}", self.addr)),
            idle_timeout: Duration::from_secs(self.idle_timeout_minutes * 60),
            absolute_timeout: Duration::from_secs(self.absolute_timeout_hours * 3600),
            secure_cookies: self.secure_cookies,
            demo,
            smtp: self.mail.smtp()?,
            mail_from: self.mail.mail_from.clone(),
            consent_reminder_interval: Duration::from_secs(self.consent_reminder_interval_days * 24 * 3600),
        })
    }
}

/// Serves until Ctrl-C or SIGTERM, then finishes the requests under way.
///
/// # Errors
/// When the address cannot be bound.
pub async fn serve(store: Store, server: &ServerArgs, config: Config) -> CommandResult {
    store.set_read_model_budget(server.read_model_budget);
    let app = Application::build(&server.addr, store.clone(), config, Clock::system())
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", server.addr))?;
    let addr = app.local_addr().map_err(|e| e.to_string())?;
    tracing::info!(%addr, backend = store.backend_name(), "serving");
    app.jobs().spawn_every(Duration::from_secs(60));
    app.run_until(shutdown_signal()).await.map_err(|e| e.to_string())?;
    store.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(term) => term,
            Err(_) => return std::mem::drop(ctrl_c.await),
        };
        tokio::select! {
            _ = ctrl_c => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}

pub async fn run(args: Args) -> CommandResult {
    let store = args.db.open().await?;
    let config = args.server.config(false)?;
    serve(store, &args.server, config).await
}
