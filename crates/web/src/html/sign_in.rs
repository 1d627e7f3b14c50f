//! Signing in (password, then an authenticator code), setting up the
//! authenticator, confirming identity again before sensitive actions, signing
//! out, and setting a password through a one-time link.

use super::filters;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{SESSION_COOKIE, StaffPage, client_ip, session_token};
use crate::csrf::CsrfToken;
use crate::error::Problem;
use crate::i18n::{t, tf};
use aantoonbaar_rules::Email;
use aantoonbaar_rules::throttle::{account_delay, address_delay};
use aantoonbaar_store::credentials::{
    hash_password, hash_secret, new_recovery_codes, new_secret, normalise_recovery_code, totp, verify_password,
};
use aantoonbaar_store::{Actor, BoardId, SessionStage};
use askama::Template;
use axum::Form;
use axum::extract::{Extension, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use cookie::{Cookie, SameSite};
use jiff::SignedDuration;
use serde::Deserialize;

/// How long the step between password and code may take.
const PENDING_VALIDITY: SignedDuration = SignedDuration::from_mins(10);

/// The name authenticator apps show for the account.
const ISSUER: &str = "Aantoonbaar";

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    layout: Layout,
    email: String,
    error: Option<String>,
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
    Extension(csrf): Extension<CsrfToken>,
    Query(query): Query<SignInQuery>,
) -> Response {
    let notice = query.wachtwoord.as_ref().map(|_| t("sign_in.password_set"));
    let layout = Layout::public(&state, &csrf, t("sign_in.title"));
    render(&SignInPage { layout, email: String::new(), error: None, notice })
}

fn session_cookie(state: &AppState, value: String, max_age: Option<cookie::time::Duration>) -> String {
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

/// Throttle keys: this account from this address, and this address.
fn throttle_keys(kind: &str, account: &str, ip: Option<&str>) -> (String, String) {
    let ip = ip.unwrap_or("-");
    (format!("{kind}:{}:{ip}", hash_secret(account)), format!("address:{ip}"))
}

/// 429 with the wait in words and in `Retry-After`.
fn too_many(seconds: i64) -> Response {
    let mut problem = Problem::forbidden();
    problem.status = StatusCode::TOO_MANY_REQUESTS;
    t("throttle.title").clone_into(&mut problem.title);
    problem.detail = tf("throttle.wait", &[("seconds", &seconds.to_string())]);
    let mut response = super::error_page(&problem);
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// Checks the password. Unknown addresses are checked against a decoy hash, so
/// they take as long and get the same answer as a wrong password; both count
/// towards the throttle of that address and account.
pub async fn submit(
    State(state): State<AppState>,
    Extension(csrf): Extension<CsrfToken>,
    parts: Parts,
    Form(form): Form<SignInForm>,
) -> PageResult {
    let now = state.clock.now();
    let ip = client_ip(&parts);
    let email = Email::parse(&form.email).map(|e| e.to_string()).unwrap_or_default();
    let (account_key, address_key) = throttle_keys("password", &email, ip.as_deref());
    let keys = [account_key.clone(), address_key.clone()];
    if let Some(wait) = state.store.throttle_wait(&keys, now).await? {
        return Ok(too_many(wait));
    }
    let credentials = state.store.credentials_by_email(&email).await?;
    let stored =
        credentials.as_ref().and_then(|c| c.password_hash.clone()).unwrap_or_else(|| state.decoy_hash.to_string());
    let typed = form.password.clone();
    let password_ok = aantoonbaar_app::blocking(move || verify_password(&typed, &stored)).await?;
    let Some(credentials) = credentials.filter(|c| password_ok && c.password_hash.is_some()) else {
        state.store.throttle_failure(&account_key, now, account_delay).await?;
        state.store.throttle_failure(&address_key, now, address_delay).await?;
        let page = SignInPage {
            layout: Layout::public(&state, &csrf, t("sign_in.title")),
            email: form.email,
            error: Some(t("sign_in.failed").to_owned()),
            notice: None,
        };
        return Ok((StatusCode::UNAUTHORIZED, render(&page)).into_response());
    };
    state.store.throttle_reset(&[account_key]).await?;
    let stage = if state.config.demo && credentials.mfa_exempt {
        SessionStage::Full
    } else if credentials.totp_secret.is_some() {
        SessionStage::SecondFactor
    } else {
        SessionStage::Enrol
    };
    let secret = new_secret()?;
    let actor = Actor { user_id: Some(credentials.user_id.clone()), label: email, ip, at: now };
    state
        .store
        .board(&credentials.board)
        .create_session(&actor, &credentials.user_id, &hash_secret(&secret), stage)
        .await?;
    let next = match stage {
        SessionStage::Full => "/",
        SessionStage::SecondFactor => CODE,
        SessionStage::Enrol => ENROL,
    };
    Ok(([(header::SET_COOKIE, session_cookie(&state, secret, None))], Redirect::to(next)).into_response())
}

/// The second step: a code from the authenticator app, or a recovery code.
pub const CODE: &str = "/aanmelden/code";
/// Setting up the authenticator on first sign-in.
pub const ENROL: &str = "/aanmelden/instellen";

#[derive(Template)]
#[template(path = "code.html")]
struct CodePage {
    layout: Layout,
    name: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct CodeForm {
    code: String,
}

/// The pending session behind the cookie, or the way back to sign-in.
async fn pending(state: &AppState, parts: &Parts) -> Result<(String, aantoonbaar_store::PendingSession), Response> {
    let since = state.clock.now().checked_sub(PENDING_VALIDITY).unwrap_or_else(|_| state.clock.now());
    let Some(token) = session_token(parts) else { return Err(Redirect::to(super::SIGN_IN).into_response()) };
    let hash = hash_secret(&token);
    match state.store.pending_session(&hash, since).await {
        Ok(Some(session)) => Ok((hash, session)),
        Ok(None) => Err(Redirect::to(super::SIGN_IN).into_response()),
        Err(err) => Err(super::error_page(&err.into())),
    }
}

pub async fn code_form(State(state): State<AppState>, Extension(csrf): Extension<CsrfToken>, parts: Parts) -> Response {
    match pending(&state, &parts).await {
        Ok((_, session)) if session.stage == SessionStage::SecondFactor => render(&CodePage {
            layout: Layout::public(&state, &csrf, t("code.title")),
            name: session.name,
            error: None,
        }),
        Ok(_) => Redirect::to(ENROL).into_response(),
        Err(response) => response,
    }
}

/// The outcome of a second-step check.
enum SecondStep {
    Passed,
    Failed,
    /// Too many failures: the answer to give (429 with `Retry-After`).
    Wait(Response),
}

/// Checks a code for the user: an authenticator code (each time step once) or
/// an unused recovery code. Failures are throttled per account and address.
async fn check_second_step(
    state: &AppState,
    board: &BoardId,
    user_id: &str,
    secret: Option<&str>,
    code: &str,
    actor: &Actor,
) -> Result<SecondStep, super::PageError> {
    let (account_key, address_key) = throttle_keys("code", user_id, actor.ip.as_deref());
    if let Some(wait) = state.store.throttle_wait(&[account_key.clone(), address_key.clone()], actor.at).await? {
        return Ok(SecondStep::Wait(too_many(wait)));
    }
    let board_store = state.store.board(board);
    let digits = code.chars().filter(char::is_ascii_digit).count();
    let passed = if digits == 6 && code.trim().len() <= 7 {
        match secret.and_then(|s| totp::matching_step(s, code, actor.at.as_second())) {
            Some(step) => board_store.accept_totp_step(user_id, step).await?,
            None => false,
        }
    } else {
        board_store.use_recovery_code(actor, user_id, &hash_secret(&normalise_recovery_code(code))).await?
    };
    if passed {
        state.store.throttle_reset(&[account_key]).await?;
        Ok(SecondStep::Passed)
    } else {
        state.store.throttle_failure(&account_key, actor.at, account_delay).await?;
        state.store.throttle_failure(&address_key, actor.at, address_delay).await?;
        Ok(SecondStep::Failed)
    }
}

/// Turns the pending session into a full one under a new cookie.
async fn finish_sign_in(state: &AppState, pending_hash: &str, actor: &Actor, next: &str) -> PageResult {
    let secret = new_secret()?;
    state.store.complete_session(pending_hash, &hash_secret(&secret), actor).await?;
    Ok(([(header::SET_COOKIE, session_cookie(state, secret, None))], Redirect::to(next)).into_response())
}

pub async fn code_submit(
    State(state): State<AppState>,
    Extension(csrf): Extension<CsrfToken>,
    parts: Parts,
    Form(form): Form<CodeForm>,
) -> PageResult {
    let (hash, session) = match pending(&state, &parts).await {
        Ok(found) => found,
        Err(response) => return Ok(response),
    };
    let actor = Actor {
        user_id: Some(session.user_id.clone()),
        label: session.email.clone(),
        ip: client_ip(&parts),
        at: state.clock.now(),
    };
    let step =
        check_second_step(&state, &session.board, &session.user_id, session.totp_secret.as_deref(), &form.code, &actor);
    match step.await? {
        SecondStep::Passed => finish_sign_in(&state, &hash, &actor, "/").await,
        SecondStep::Failed => {
            let page = CodePage {
                layout: Layout::public(&state, &csrf, t("code.title")),
                name: session.name,
                error: Some(t("code.wrong").to_owned()),
            };
            Ok((StatusCode::UNAUTHORIZED, render(&page)).into_response())
        }
        SecondStep::Wait(response) => Ok(response),
    }
}

#[derive(Template)]
#[template(path = "enrol.html")]
struct EnrolPage {
    layout: Layout,
    name: String,
    qr_svg: String,
    secret: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "recovery_codes.html")]
struct RecoveryCodesPage {
    layout: Layout,
    codes: Vec<String>,
}

fn qr_svg(uri: &str) -> String {
    qrcode::QrCode::new(uri.as_bytes()).map_or_else(
        |_| String::new(),
        |code| code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(220, 220).quiet_zone(true).build(),
    )
}

fn spaced(secret: &str) -> String {
    secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

async fn enrol_page(state: &AppState, csrf: &CsrfToken, parts: &Parts, error: Option<String>) -> PageResult {
    let (hash, session) = match pending(state, parts).await {
        Ok(found) => found,
        Err(response) => return Ok(response),
    };
    if session.stage != SessionStage::Enrol {
        return Ok(Redirect::to(CODE).into_response());
    }
    let secret = match session.pending_secret {
        Some(secret) => secret,
        None => {
            let secret = totp::new_secret()?;
            state.store.set_pending_secret(&hash, &secret).await?;
            secret
        }
    };
    let uri = totp::uri(&secret, &session.email, ISSUER);
    let status = if error.is_some() { StatusCode::UNAUTHORIZED } else { StatusCode::OK };
    let page = EnrolPage {
        layout: Layout::public(state, csrf, t("enrol.title")),
        name: session.name,
        qr_svg: qr_svg(&uri),
        secret: spaced(&secret),
        error,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn enrol_form(
    State(state): State<AppState>,
    Extension(csrf): Extension<CsrfToken>,
    parts: Parts,
) -> PageResult {
    enrol_page(&state, &csrf, &parts, None).await
}

/// A code from the newly scanned secret proves the app has it; then the secret
/// is stored, ten recovery codes are shown once, and sign-in completes.
pub async fn enrol_submit(
    State(state): State<AppState>,
    Extension(csrf): Extension<CsrfToken>,
    parts: Parts,
    Form(form): Form<CodeForm>,
) -> PageResult {
    let (hash, session) = match pending(&state, &parts).await {
        Ok(found) => found,
        Err(response) => return Ok(response),
    };
    let now = state.clock.now();
    let step =
        session.pending_secret.as_deref().and_then(|secret| totp::matching_step(secret, &form.code, now.as_second()));
    let (Some(secret), Some(step)) = (session.pending_secret.as_deref(), step) else {
        return enrol_page(&state, &csrf, &parts, Some(t("code.wrong").to_owned())).await;
    };
    let actor =
        Actor { user_id: Some(session.user_id.clone()), label: session.email.clone(), ip: client_ip(&parts), at: now };
    let codes = new_recovery_codes()?;
    let hashes: Vec<String> = codes.iter().map(|c| hash_secret(c)).collect();
    state.store.board(&session.board).enrol_totp(&actor, &session.user_id, secret, step, &hashes).await?;
    let signed_in = finish_sign_in(&state, &hash, &actor, "/").await?;
    let cookie = signed_in.headers().get(header::SET_COOKIE).cloned();
    let page = RecoveryCodesPage { layout: Layout::public(&state, &csrf, t("recovery.title")), codes };
    let mut response = render(&page);
    if let Some(cookie) = cookie {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

#[derive(Template)]
#[template(path = "reauth.html")]
struct ReauthPage {
    layout: Layout,
    back: String,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ReauthQuery {
    #[serde(default)]
    terug: String,
}

#[derive(Deserialize)]
pub struct ReauthForm {
    password: String,
    code: String,
    #[serde(default)]
    terug: String,
}

/// Only paths of this site: never an open redirect.
fn local_path(path: &str) -> &str {
    if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') { path } else { "/" }
}

pub async fn reauth_form(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<ReauthQuery>,
) -> Response {
    let layout = Layout::for_staff(&state, &staff, t("reauth.title"), "");
    render(&ReauthPage { layout, back: local_path(&query.terug).to_owned(), error: None })
}

/// Confirms password and code again; sensitive actions accept that for
/// [`crate::auth::REAUTH_VALIDITY`].
pub async fn reauth_submit(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Form(form): Form<ReauthForm>,
) -> PageResult {
    let back = local_path(&form.terug).to_owned();
    let Some(session) = staff.session.clone() else { return Err(Problem::forbidden().into()) };
    let credentials = state.store.credentials_by_email(&staff.principal.email).await?;
    let stored =
        credentials.as_ref().and_then(|c| c.password_hash.clone()).unwrap_or_else(|| state.decoy_hash.to_string());
    let typed = form.password.clone();
    let password_ok = aantoonbaar_app::blocking(move || verify_password(&typed, &stored)).await?;
    let actor = staff.actor();
    let confirmed = match (&credentials, password_ok) {
        (Some(c), true) if state.config.demo && c.mfa_exempt => true,
        (Some(c), true) => {
            let (board, user) = (&staff.principal.board, &staff.principal.user_id);
            match check_second_step(&state, board, user, c.totp_secret.as_deref(), &form.code, &actor).await? {
                SecondStep::Passed => true,
                SecondStep::Failed => false,
                SecondStep::Wait(response) => return Ok(response),
            }
        }
        _ => false,
    };
    if !confirmed {
        let layout = Layout::for_staff(&state, &staff, t("reauth.title"), "");
        let page = ReauthPage { layout, back, error: Some(t("reauth.failed").to_owned()) };
        return Ok((StatusCode::UNAUTHORIZED, render(&page)).into_response());
    }
    state.store.set_reauthenticated(&session, staff.now).await?;
    Ok(Redirect::to(&back).into_response())
}

/// Where a sensitive action sends a user who has not confirmed recently.
#[must_use]
pub fn reauth_redirect(back: &str) -> Response {
    Redirect::to(&format!("/bevestigen?terug={}", super::urlencode(back))).into_response()
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
    Extension(csrf): Extension<CsrfToken>,
    Path(secret): Path<String>,
) -> PageResult {
    let user = state.store.password_link_user(&hash_secret(&secret), state.clock.now()).await?;
    let user = user.ok_or_else(link_expired)?;
    let layout = Layout::public(&state, &csrf, t("password.title"));
    Ok(render(&PasswordPage { layout, name: user.name, email: user.email, error: None }))
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
    Extension(csrf): Extension<CsrfToken>,
    Path(secret): Path<String>,
    parts: Parts,
    Form(form): Form<PasswordForm>,
) -> PageResult {
    let now = state.clock.now();
    let link = hash_secret(&secret);
    let user = state.store.password_link_user(&link, now).await?.ok_or_else(link_expired)?;
    let email_name = user.email.split('@').next().unwrap_or_default().to_owned();
    let personal = [user.name.clone(), email_name, user.board_name.clone()];
    let error = if form.password != form.repeat {
        Some(t("password.mismatch").to_owned())
    } else {
        // Strength estimation and hashing are CPU work: off the async workers.
        let typed = form.password.clone();
        let checked = aantoonbaar_app::blocking(move || {
            let personal: Vec<&str> = personal.iter().map(String::as_str).collect();
            aantoonbaar_rules::password::check(&typed, &personal)
        });
        checked.await?.err().map(|e| t(e.code).to_owned())
    };
    if let Some(error) = error {
        let layout = Layout::public(&state, &csrf, t("password.title"));
        let page = PasswordPage { layout, name: user.name, email: user.email, error: Some(error) };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
    }
    let actor = Actor { user_id: Some(user.user_id.clone()), label: user.email, ip: client_ip(&parts), at: now };
    let typed = form.password.clone();
    let hash = aantoonbaar_app::blocking(move || hash_password(&typed)).await??;
    state.store.use_password_link(&link, &hash, &actor).await?;
    Ok(Redirect::to(&format!("{}?wachtwoord=ingesteld", super::SIGN_IN)).into_response())
}
