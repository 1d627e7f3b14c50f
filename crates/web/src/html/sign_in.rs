//! Signing in and out, and setting a password through a one-time link.

use super::filters;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{SESSION_COOKIE, client_ip, session_token};
use crate::error::Problem;
use crate::i18n::t;
use aantoonbaar_rules::Email;
use aantoonbaar_store::Actor;
use aantoonbaar_store::credentials::{hash_password, hash_secret, new_secret, verify_password};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use cookie::{Cookie, SameSite};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    layout: Layout,
    email: String,
    error: Option<&'static str>,
    notice: Option<&'static str>,
}

#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
}

#[derive(Deserialize, Default)]
pub struct SignInQuery {
    wachtwoord: Option<String>,
}

pub async fn form(
    State(state): State<AppState>,
    query: axum::extract::Query<SignInQuery>,
) -> Response {
    let notice = query.wachtwoord.as_ref().map(|_| t("sign_in.password_set"));
    render(&SignInPage {
        layout: Layout::public(&state, t("sign_in.title")),
        email: String::new(),
        error: None,
        notice,
    })
}

fn session_cookie(
    state: &AppState,
    value: String,
    max_age: Option<cookie::time::Duration>,
) -> String {
    let mut cookie = Cookie::build((SESSION_COOKIE, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies);
    if let Some(max_age) = max_age {
        cookie = cookie.max_age(max_age);
    }
    cookie.build().to_string()
}

/// Checks the password; unknown addresses are checked against a decoy hash so
/// they take as long and get the same answer as a wrong password.
pub async fn submit(
    State(state): State<AppState>,
    parts: Parts,
    Form(form): Form<SignInForm>,
) -> PageResult {
    let email = Email::parse(&form.email)
        .map(|e| e.to_string())
        .unwrap_or_default();
    let credentials = state.store.credentials_by_email(&email).await?;
    let stored = credentials
        .as_ref()
        .and_then(|c| c.password_hash.as_deref())
        .unwrap_or(&state.decoy_hash);
    let password_ok = verify_password(&form.password, stored);
    let Some(credentials) = credentials.filter(|c| password_ok && c.password_hash.is_some()) else {
        let page = SignInPage {
            layout: Layout::public(&state, t("sign_in.title")),
            email: form.email,
            error: Some(t("sign_in.failed")),
            notice: None,
        };
        return Ok((StatusCode::UNAUTHORIZED, render(&page)).into_response());
    };
    let secret = new_secret()?;
    let actor = Actor {
        user_id: Some(credentials.user_id.clone()),
        label: email,
        ip: client_ip(&parts),
        at: state.clock.now(),
    };
    state
        .store
        .board(&credentials.board)
        .create_session(&actor, &credentials.user_id, &hash_secret(&secret))
        .await?;
    let cookie = session_cookie(&state, secret, None);
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/")).into_response())
}

pub async fn sign_out(State(state): State<AppState>, parts: Parts) -> PageResult {
    if let Some(token) = session_token(&parts) {
        state.store.delete_session(&hash_secret(&token)).await?;
    }
    let cookie = session_cookie(&state, String::new(), Some(cookie::time::Duration::ZERO));
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(super::SIGN_IN)).into_response())
}

#[derive(Template)]
#[template(path = "set_password.html")]
struct PasswordPage {
    layout: Layout,
    name: String,
    email: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct PasswordForm {
    password: String,
    repeat: String,
}

pub async fn password_form(
    State(state): State<AppState>,
    Path(secret): Path<String>,
) -> PageResult {
    let user = state
        .store
        .password_link_user(&hash_secret(&secret), state.clock.now())
        .await?;
    let user = user.ok_or_else(link_expired)?;
    let layout = Layout::public(&state, t("password.title"));
    Ok(render(&PasswordPage {
        layout,
        name: user.name,
        email: user.email,
        error: None,
    }))
}

fn link_expired() -> Problem {
    let mut problem = Problem::not_found();
    t("password.link_invalid").clone_into(&mut problem.detail);
    problem
}

/// Sets the password when it meets the policy (rules::password) and matches
/// its repetition; the link is then used up.
pub async fn password_submit(
    State(state): State<AppState>,
    Path(secret): Path<String>,
    parts: Parts,
    Form(form): Form<PasswordForm>,
) -> PageResult {
    let now = state.clock.now();
    let link = hash_secret(&secret);
    let user = state
        .store
        .password_link_user(&link, now)
        .await?
        .ok_or_else(link_expired)?;
    let email_name = user.email.split('@').next().unwrap_or_default().to_owned();
    let personal = [
        user.name.as_str(),
        email_name.as_str(),
        user.board_name.as_str(),
    ];
    let error = if form.password != form.repeat {
        Some(t("password.mismatch").to_owned())
    } else {
        aantoonbaar_rules::password::check(&form.password, &personal)
            .err()
            .map(|e| t(e.code).to_owned())
    };
    if let Some(error) = error {
        let layout = Layout::public(&state, t("password.title"));
        let page = PasswordPage {
            layout,
            name: user.name,
            email: user.email,
            error: Some(error),
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
    }
    let actor = Actor {
        user_id: Some(user.user_id.clone()),
        label: user.email,
        ip: client_ip(&parts),
        at: now,
    };
    state
        .store
        .use_password_link(&link, &hash_password(&form.password)?, &actor)
        .await?;
    Ok(Redirect::to(&format!("{}?wachtwoord=ingesteld", super::SIGN_IN)).into_response())
}
