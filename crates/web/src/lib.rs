//! The web face of Aantoonbaar: server-rendered Dutch pages under `/` and the
//! JSON API under `/api/v1`, both over one [`AppState`].
//!
//! A request flows: extractor (who is this, which board: [`auth`]) → policy
//! check ([`auth::Staff::may`], reading the rules crate's policy table) → rules
//! → store (the change and its audit entry in one transaction) → view.

pub mod accounts;
pub mod api;
pub mod auth;
pub mod clock;
pub mod csrf;
pub mod documents;
pub mod error;
pub mod html;
pub mod i18n;
pub mod incidents;
pub mod jobs;
pub mod mail;
pub mod requests;
mod security;

use aantoonbaar_store::Store;
use axum::Router;
use clock::Clock;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

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
        }
    }
}

/// Everything a handler needs; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<Config>,
    pub clock: Clock,
    /// A hash to verify against when an e-mail address is unknown, so that
    /// unknown and known addresses take the same time.
    pub decoy_hash: Arc<str>,
    pub mailer: mail::Mailer,
}

/// The whole application as an axum router.
pub fn router(state: AppState) -> Router {
    let (api, openapi) = api::router().split_for_parts();
    let openapi = Arc::new(openapi);
    Router::new()
        .merge(html::router())
        .nest("/api/v1", api)
        .route(
            "/api/openapi.json",
            axum::routing::get(move || {
                let openapi = Arc::clone(&openapi);
                async move { axum::Json(openapi.as_ref().clone()) }
            }),
        )
        .fallback(html::not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), csrf::protect))
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(state)
}

/// A bound server, ready to run. Tests build one on port 0 and read the port.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
}

impl Application {
    /// Binds `addr` and prepares the router.
    ///
    /// # Errors
    /// When the address cannot be bound, or randomness is unavailable.
    pub async fn build(addr: &str, store: Store, config: Config, clock: Clock) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr).await?;
        let decoy_hash = aantoonbaar_store::credentials::decoy_hash().map_err(std::io::Error::other)?;
        let mailer = mail::Mailer::new(store.clone(), clock.clone(), config.smtp.as_ref(), &config.mail_from)
            .map_err(std::io::Error::other)?;
        let state = AppState { store, config: Arc::new(config), clock, decoy_hash: decoy_hash.into(), mailer };
        Ok(Self { listener, router: router(state.clone()), state })
    }

    /// The bound address (with the real port when 0 was asked for).
    ///
    /// # Errors
    /// When the socket has no local address.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The background jobs over this application's state; `serve` runs them
    /// every minute, tests call [`jobs::Jobs::run_once`] after moving the clock.
    #[must_use]
    pub fn jobs(&self) -> jobs::Jobs {
        jobs::Jobs::new(self.state.clone())
    }

    /// Serves until `shutdown` completes.
    ///
    /// # Errors
    /// When the server fails.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        axum::serve(self.listener, self.router.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown)
            .await
    }
}
