//! Who is asking: a staff user by API token (`Authorization: Bearer …`) or by
//! session cookie, and what the policy table lets them do.

use crate::AppState;
use crate::error::Problem;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::policy::permits;
use aantoonbaar_store::credentials::hash_secret;
use aantoonbaar_store::{Actor, Principal, Scope};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::SignedDuration;
use std::net::SocketAddr;

/// How long a re-authentication counts for sensitive actions.
pub const REAUTH_VALIDITY: SignedDuration = SignedDuration::from_mins(10);

/// Name of the staff session cookie.
pub const SESSION_COOKIE: &str = "aantoonbaar_sessie";

/// A signed-in staff user.
#[derive(Debug, Clone)]
pub struct Staff {
    pub principal: Principal,
    pub ip: Option<String>,
    pub now: jiff::Timestamp,
    /// The hash of the session token (signed in by cookie), for re-authentication.
    pub session: Option<String>,
    /// The token the page's forms must carry.
    pub csrf: String,
}

impl Staff {
    /// The data this user may act on for `action`, or 403 when the policy table
    /// has no row for any of their roles at their scope (deny by default).
    ///
    /// # Errors
    /// [`Problem::forbidden`].
    pub fn may(&self, action: Action) -> Result<&Scope, Problem> {
        if permits(&self.principal.roles, self.principal.scope.kind(), action) {
            Ok(&self.principal.scope)
        } else {
            Err(Problem::forbidden())
        }
    }

    /// Whether the user may do `action` at all (for showing links and buttons).
    #[must_use]
    pub fn can(&self, action: Action) -> bool {
        self.may(action).is_ok()
    }

    /// Whether the user confirmed password and code within the last
    /// [`REAUTH_VALIDITY`] (required before sensitive actions on the pages).
    #[must_use]
    pub fn recently_reauthenticated(&self) -> bool {
        self.principal.reauthenticated_at.is_some_and(|at| self.now.duration_since(at) <= REAUTH_VALIDITY)
    }

    /// The user as author of a change, for the audit trail.
    #[must_use]
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: Some(self.principal.user_id.clone()),
            label: self.principal.email.clone(),
            ip: self.ip.clone(),
            at: self.now,
        }
    }
}

/// The session token in the request's cookies, if any.
#[must_use]
pub fn session_token(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == SESSION_COOKIE)
        .map(|c| c.value().to_owned())
}

/// The peer address of the request.
#[must_use]
pub fn client_ip(parts: &Parts) -> Option<String> {
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip().to_string())
}

/// The moments a session must have been used after (idle timeout) and started
/// after (absolute timeout) to be valid at `now`. On overflow `now` itself, so a
/// session counts as expired (fail closed).
#[must_use]
pub fn session_limits(config: &crate::Config, now: jiff::Timestamp) -> (jiff::Timestamp, jiff::Timestamp) {
    let since = |timeout: std::time::Duration| {
        SignedDuration::try_from(timeout).ok().and_then(|by| now.checked_sub(by).ok()).unwrap_or(now)
    };
    (since(config.idle_timeout), since(config.absolute_timeout))
}

/// Finds the staff user behind a bearer token or, when `cookies` allows it, a
/// session cookie.
async fn authenticate(parts: &Parts, state: &AppState, cookies: bool) -> Result<Option<Staff>, Problem> {
    let now = state.clock.now();
    let bearer =
        parts.headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    let mut session = None;
    let principal = if let Some(token) = bearer {
        state.store.token_principal(&hash_secret(token.trim()), now).await?
    } else if let Some(token) = session_token(parts).filter(|_| cookies) {
        let (idle_since, created_since) = session_limits(&state.config, now);
        let hash = hash_secret(&token);
        let principal = state.store.session_principal(&hash, idle_since, created_since, now).await?;
        session = Some(hash);
        principal
    } else {
        None
    };
    let csrf = parts.extensions.get::<crate::csrf::CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
    Ok(principal.map(|principal| Staff { principal, ip: client_ip(parts), now, session, csrf }))
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Problem;

    /// On the API a session cookie counts only for reading: a state change needs
    /// a bearer token, which a browser never sends on its own (no CSRF).
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let cookies = matches!(parts.method, axum::http::Method::GET | axum::http::Method::HEAD);
        authenticate(parts, state, cookies).await?.ok_or_else(Problem::unauthorized)
    }
}

/// A staff user on a page: without a session the browser goes to sign-in.
#[derive(Debug, Clone)]
pub struct StaffPage(pub Staff);

impl FromRequestParts<AppState> for StaffPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        match authenticate(parts, state, true).await {
            Ok(Some(staff)) => Ok(Self(staff)),
            Ok(None) => Err(Redirect::to(crate::html::SIGN_IN).into_response()),
            Err(problem) => Err(crate::html::error_page(&problem)),
        }
    }
}
