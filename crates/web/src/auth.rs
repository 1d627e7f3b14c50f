//! Who is asking: a staff user by API token (`Authorization: Bearer …`) or by
//! session cookie, and what the policy table lets them do.

use crate::AppState;
use crate::error::Problem;
use aantoonbaar_store::credentials::hash_secret;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;

pub use aantoonbaar_app::staff::REAUTH_VALIDITY;

/// Name of the staff session cookie.
pub const SESSION_COOKIE: &str = "aantoonbaar_sessie";

/// A signed-in staff user, with the CSRF token the page's forms must carry.
/// Derefs to the application's [`aantoonbaar_app::Staff`], which every
/// operation takes.
#[derive(Debug, Clone)]
pub struct Staff {
    pub staff: aantoonbaar_app::Staff,
    /// The token the page's forms must carry.
    pub csrf: String,
}

impl std::ops::Deref for Staff {
    type Target = aantoonbaar_app::Staff;

    fn deref(&self) -> &Self::Target {
        &self.staff
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

/// Finds the staff user behind a bearer token or, when `cookies` allows it, a
/// session cookie.
async fn authenticate(parts: &Parts, state: &AppState, cookies: bool) -> Result<Option<Staff>, Problem> {
    let now = state.clock.now();
    let bearer =
        parts.headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    let mut session = None;
    let mut versions = None;
    let principal = if let Some(token) = bearer {
        state.store.token_principal(&hash_secret(token.trim()), now).await?.map(|(principal, seen)| {
            versions = Some(seen);
            principal
        })
    } else if let Some(token) = session_token(parts).filter(|_| cookies) {
        let (idle_since, created_since) = state.config.session_limits(now);
        let hash = hash_secret(&token);
        let principal = state.store.session_principal(&hash, idle_since, created_since, now).await?;
        session = Some(hash);
        principal
    } else {
        None
    };
    let csrf = parts.extensions.get::<crate::csrf::CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
    Ok(principal.map(|principal| Staff {
        staff: aantoonbaar_app::Staff { principal, ip: client_ip(parts), now, session, versions },
        csrf,
    }))
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
