//! Protection against cross-site request forgery for the pages.
//!
//! Every page visit makes sure the browser holds a random token in a
//! `SameSite=Strict`, HttpOnly cookie; every form carries the same token in a
//! hidden `csrf` field (the import upload, a multipart form, in its action's
//! query string). A POST whose token does not match the cookie is refused before
//! any handler runs. The API is not covered here: it takes state-changing
//! requests only with a bearer token, which a browser never adds by itself.

use crate::AppState;
use crate::error::Problem;
use aantoonbaar_store::credentials::new_secret;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

pub const CSRF_COOKIE: &str = "aantoonbaar_csrf";
pub const CSRF_FIELD: &str = "csrf";

/// The largest form body the check reads (an import confirmation carries the file).
const MAX_FORM_BYTES: usize = 16 * 1024 * 1024;

/// The request's token, for the forms a page renders.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

fn cookie_token(request: &Request) -> Option<String> {
    request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty())
}

fn field(pairs: &str) -> Option<String> {
    serde_urlencoded::from_str::<HashMap<String, String>>(pairs).ok()?.remove(CSRF_FIELD)
}

fn refused() -> Response {
    let mut problem = Problem::forbidden();
    crate::i18n::t("csrf.expired").clone_into(&mut problem.detail);
    crate::html::error_page(&problem)
}

pub async fn protect(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("/api/") || request.uri().path().starts_with("/static/") {
        return next.run(request).await;
    }
    let existing = cookie_token(&request);
    let (parts, body) = request.into_parts();
    let body = if parts.method == Method::POST {
        let Some(expected) = &existing else { return refused() };
        let is_multipart = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        let (submitted, body) = if is_multipart {
            (parts.uri.query().and_then(field), body)
        } else {
            let Ok(bytes) = to_bytes(body, MAX_FORM_BYTES).await else { return refused() };
            (field(&String::from_utf8_lossy(&bytes)), Body::from(bytes))
        };
        if submitted.as_deref() != Some(expected.as_str()) {
            return refused();
        }
        body
    } else {
        body
    };
    let mut request = Request::from_parts(parts, body);
    let (token, fresh) = match existing {
        Some(token) => (token, false),
        None => match new_secret() {
            Ok(token) => (token, true),
            Err(err) => return Problem::internal(&err).into_response(),
        },
    };
    request.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(request).await;
    if fresh {
        let cookie = cookie::Cookie::build((CSRF_COOKIE, token))
            .path("/")
            .http_only(true)
            .same_site(cookie::SameSite::Strict)
            .secure(state.config.secure_cookies)
            .build();
        if let Ok(value) = cookie.to_string().parse() {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}
