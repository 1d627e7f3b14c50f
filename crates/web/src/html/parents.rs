//! The parents' portal: sign in with a link sent by e-mail, see one's own children.

use super::filters;
use super::{Layout, PageError, PageResult, render};
use crate::AppState;
use crate::auth::client_ip;
use crate::csrf::CsrfToken;
use crate::error::Problem;
use crate::i18n::{t, tf};
use crate::mail::Mail;
use aantoonbaar_rules::Email;
use aantoonbaar_rules::throttle::{account_delay, address_delay};
use aantoonbaar_store::credentials::{hash_secret, new_secret};
use aantoonbaar_store::{Actor, ConsentDecisionRecord, ParentSession, Pupil, Scope};
use askama::Template;
use axum::Form;
use axum::extract::{Extension, FromRequestParts, Path, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use cookie::{Cookie, SameSite};
use jiff::SignedDuration;
use serde::Deserialize;

/// How long a sign-in link works.
pub const LINK_VALIDITY: SignedDuration = SignedDuration::from_mins(30);
const PARENT_COOKIE: &str = "aantoonbaar_ouder";
pub const PORTAL: &str = "/ouders";
const CHILDREN: &str = "/ouders/kinderen";

#[derive(Template)]
#[template(path = "parents_request.html")]
struct RequestPage {
    layout: Layout,
    sent: bool,
}

#[derive(Deserialize)]
pub struct RequestForm {
    email: String,
}

pub async fn request_form(State(state): State<AppState>, Extension(csrf): Extension<CsrfToken>) -> Response {
    render(&RequestPage { layout: Layout::public(&state, &csrf, t("parents.title")), sent: false })
}

/// Sends a sign-in link to the address in every board where a guardian has it.
/// The answer is the same whether or not the address is known.
pub async fn request_submit(
    State(state): State<AppState>,
    Extension(csrf): Extension<CsrfToken>,
    parts: Parts,
    Form(form): Form<RequestForm>,
) -> PageResult {
    let now = state.clock.now();
    let page = RequestPage { layout: Layout::public(&state, &csrf, t("parents.title")), sent: true };
    let Ok(email) = Email::parse(&form.email) else { return Ok(render(&page)) };
    let ip = client_ip(&parts).unwrap_or_default();
    let keys = [format!("parent-link:{}", hash_secret(email.as_str())), format!("parent-address:{ip}")];
    // Counted as "failures" so that nobody can flood a parent's mailbox.
    if state.store.throttle_wait(&keys, now).await?.is_some() {
        return Ok(render(&page));
    }
    state.store.throttle_failure(&keys[0], now, account_delay).await?;
    state.store.throttle_failure(&keys[1], now, address_delay).await?;
    for board in state.store.boards_with_guardian(email.as_str()).await? {
        let secret = new_secret()?;
        let expires = now.checked_add(LINK_VALIDITY).unwrap_or(now);
        state.store.board(&board).create_parent_link(email.as_str(), &hash_secret(&secret), expires).await?;
        let link = state.link(&format!("/ouders/inloggen/{secret}"));
        let body = tf("parents.mail_body", &[("link", &link)]);
        let mail = Mail { to: email.as_str(), subject: t("parents.mail_subject"), body: &body, sensitive: true };
        state.mailer.send(&board, mail).await?;
    }
    Ok(render(&page))
}

#[derive(Template)]
#[template(path = "parents_continue.html")]
struct ContinuePage {
    layout: Layout,
    action: String,
}

/// A link opened from the mail shows a button: mail scanners that follow links
/// do not use the link up, only the parent's click does.
pub async fn link_form(
    State(state): State<AppState>,
    Extension(csrf): Extension<CsrfToken>,
    Path(secret): Path<String>,
) -> Response {
    render(&ContinuePage {
        layout: Layout::public(&state, &csrf, t("parents.title")),
        action: format!("/ouders/inloggen/{secret}"),
    })
}

pub async fn link_submit(State(state): State<AppState>, parts: Parts, Path(secret): Path<String>) -> PageResult {
    let now = state.clock.now();
    let Some((board, email)) = state.store.use_parent_link(&hash_secret(&secret), now).await? else {
        let mut problem = Problem::not_found();
        t("parents.link_invalid").clone_into(&mut problem.detail);
        return Err(problem.into());
    };
    let token = new_secret()?;
    let actor = Actor { user_id: None, label: email.clone(), ip: client_ip(&parts), at: now };
    state.store.board(&board).create_parent_session(&actor, &email, &hash_secret(&token)).await?;
    let cookie = Cookie::build((PARENT_COOKIE, token))
        .path("/ouders")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies)
        .build()
        .to_string();
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(CHILDREN)).into_response())
}

/// A signed-in parent; without a session the browser goes to the portal's start.
pub struct Parent {
    pub session: ParentSession,
    token_hash: String,
    csrf: String,
}

impl Parent {
    /// The token the page's forms carry.
    #[must_use]
    pub fn csrf(&self) -> &str {
        &self.csrf
    }
}

fn parent_token(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == PARENT_COOKIE)
        .map(|c| c.value().to_owned())
}

impl FromRequestParts<AppState> for Parent {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Some(token) = parent_token(parts) else { return Err(Redirect::to(PORTAL).into_response()) };
        let now = state.clock.now();
        let (idle_since, created_since) = state.config.session_limits(now);
        let hash = hash_secret(&token);
        match state.store.parent_session(&hash, idle_since, created_since, now).await {
            Ok(Some(session)) => {
                let csrf = parts.extensions.get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
                Ok(Self { session, token_hash: hash, csrf })
            }
            Ok(None) => Err(Redirect::to(PORTAL).into_response()),
            Err(err) => Err(super::error_page(&err.into())),
        }
    }
}

pub struct Child {
    pub id: String,
    pub name: String,
    pub school: String,
    pub group: String,
}

#[derive(Template)]
#[template(path = "parents_children.html")]
struct ChildrenPage {
    layout: Layout,
    board: String,
    email: String,
    children: Vec<Child>,
}

/// Who is signed in, for one child.
pub enum Viewer {
    /// The pupil themself, at their own address, from their 16th birthday.
    Pupil,
    /// One or more guardian records with this address (custodial ones first).
    Guardian(Vec<(String, bool)>),
}

impl Viewer {
    /// Whether this person made `decision`.
    pub fn made(&self, decision: &ConsentDecisionRecord) -> bool {
        match self {
            Self::Pupil => decision.by_pupil,
            Self::Guardian(mine) => decision.guardian_id.as_ref().is_some_and(|g| mine.iter().any(|(m, _)| m == g)),
        }
    }
}

/// The child, if it is one of this person's (or the signed-in pupil), and who they are for it.
pub async fn child_of(state: &AppState, parent: &Parent, pupil_id: &str) -> Result<(Pupil, Viewer), PageError> {
    let board = state.store.board(&parent.session.board);
    let pupil = board
        .children_of(&parent.session.email, state.clock.today())
        .await?
        .into_iter()
        .find(|p| p.id == pupil_id)
        .ok_or_else(Problem::not_found)?;
    let mut mine: Vec<(String, bool)> = board
        .guardians_of(&pupil.id)
        .await?
        .into_iter()
        .filter(|g| g.guardian.email.as_deref() == Some(parent.session.email.as_str()))
        .map(|g| (g.guardian.id, g.link.holds_custody))
        .collect();
    if mine.is_empty() && pupil.email.as_deref() == Some(parent.session.email.as_str()) {
        return Ok((pupil, Viewer::Pupil));
    }
    mine.sort_by_key(|(_, custody)| !custody);
    Ok((pupil, Viewer::Guardian(mine)))
}

/// Only the children linked to the parent's own address.
pub async fn children(State(state): State<AppState>, parent: Parent) -> PageResult {
    let board = state.store.board(&parent.session.board);
    let pupils = board.children_of(&parent.session.email, state.clock.today()).await?;
    let schools = board.schools(&Scope::Board).await?;
    let groups = board.groups(&Scope::Board, None).await?;
    let children = pupils
        .iter()
        .map(|p| Child {
            id: p.id.clone(),
            name: p.full_name(),
            school: schools.iter().find(|s| s.id == p.school_id).map(|s| s.name.clone()).unwrap_or_default(),
            group: groups.iter().find(|g| g.id == p.group_id).map(|g| g.name.clone()).unwrap_or_default(),
        })
        .collect();
    let layout = Layout::public(&state, &CsrfToken(parent.csrf.clone()), t("parents.children_title"));
    Ok(render(&ChildrenPage {
        layout,
        board: parent.session.board_name.clone(),
        email: parent.session.email.clone(),
        children,
    }))
}

pub async fn sign_out(State(state): State<AppState>, parent: Parent) -> PageResult {
    state.store.delete_parent_session(&parent.token_hash).await?;
    let cookie =
        Cookie::build((PARENT_COOKIE, "")).path("/ouders").max_age(cookie::time::Duration::ZERO).build().to_string();
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(PORTAL)).into_response())
}
