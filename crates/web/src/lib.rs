//! The web face of Aantoonbaar: server-rendered Dutch pages under `/` and the
//! JSON API under `/api/v1`, both over one [`AppState`].
//!
//! A request flows: extractor (who is this, which board: [`auth`]) → policy
//! check ([`auth::Staff::may`], reading the rules crate's policy table) → rules
//! → store (the change and its audit entry in one transaction) → view.

pub mod api;
pub mod auth;
pub mod csrf;
mod download;
pub mod error;
mod health;
pub mod html;
mod security;

pub use aantoonbaar_app::{App as AppState, Config, clock, i18n, jobs, mail};

use aantoonbaar_store::Store;
use axum::Router;
use clock::Clock;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// The whole application as an axum router.
pub fn router(state: AppState) -> Router {
    let (api, openapi) = api::router().split_for_parts();
    let openapi = Arc::new(openapi);
    Router::new()
        .merge(html::router())
        .nest("/api/v1", api)
        .route("/livez", axum::routing::get(health::live))
        .route("/readyz", axum::routing::get(health::ready))
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
        .layer(axum::middleware::from_fn(html::portal_or_staff))
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
        let state = AppState::new(store, config, clock).map_err(std::io::Error::other)?;
        state.mailer.start_sender(std::time::Duration::from_secs(30));
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
        self.state.jobs()
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
