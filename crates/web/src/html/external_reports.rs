//! Reports from outside the staff: parents through the portal (seed 002
//! §8.4.5) and anyone, without signing in, who found a vulnerability
//! (responsible disclosure, seed 001 §14.10 and §14.11). Both land in the same
//! register. The public form is throttled per address, and every text is
//! limited in length, so it cannot be used to flood the register or a mailbox.

use super::filters;
use super::parents::Parent;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::client_ip;
use crate::csrf::CsrfToken;
use crate::error::{FieldError, Problem};
use crate::i18n::{t, tf};
use aantoonbaar_app::incidents::{ReportIncident, Reporter, moment, named_disclosure, register};
use aantoonbaar_rules::Email;
use aantoonbaar_rules::incidents::{Channel, Kind, disclosure_response_deadline};
use aantoonbaar_rules::throttle::account_delay;
use aantoonbaar_store::Actor;
use aantoonbaar_store::credentials::hash_secret;
use askama::Template;
use axum::Form;
use axum::extract::{Extension, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::IntoResponse;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "incident_outside.html")]
struct OutsidePage {
    layout: Layout,
    /// The form's address.
    action: String,
    /// The responsible-disclosure policy is shown (the public page).
    disclosure: bool,
    board: String,
    form: OutsideForm,
    errors: Vec<FieldError>,
    /// "Maximaal 4.000 tekens." for the free texts.
    text_limit: String,
    /// After sending: the reference and, for a vulnerability, the answer date.
    receipt: Option<(String, String)>,
}

#[derive(Deserialize, Default)]
pub struct OutsideForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    what_happened: String,
    #[serde(default)]
    discovered_at: String,
    #[serde(default)]
    device: String,
}

fn page(layout: Layout, action: String, disclosure: bool, board: String, form: OutsideForm) -> OutsidePage {
    OutsidePage {
        layout,
        action,
        disclosure,
        board,
        form,
        errors: Vec::new(),
        text_limit: super::incidents::text_limit(),
        receipt: None,
    }
}

impl OutsidePage {
    /// The ARIA attributes of `field`: linked to its error message when it has one.
    fn aria(&self, field: &str) -> String {
        let error = self.errors.iter().any(|e| e.field == field).then(|| format!("fout-{field}"));
        super::form::aria_attributes(error.as_deref(), "")
    }
}

fn respond(page: &OutsidePage) -> PageResult {
    let status = if page.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, render(page)).into_response())
}

/// The public page of a board: its responsible-disclosure policy and the form.
pub async fn disclosure_form(
    State(state): State<AppState>,
    Extension(csrf): Extension<CsrfToken>,
    Path(board): Path<String>,
) -> PageResult {
    let board = state.store.board_by_name(&board).await?.ok_or_else(Problem::not_found)?;
    let layout = Layout::public(&state, &csrf, t("disclosure.title"));
    let action = format!("/kwetsbaarheid-melden/{}", super::urlencode(&board.name));
    respond(&page(layout, action, true, board.name, OutsideForm::default()))
}

/// Registers a vulnerability report (a pseudonym is fine, an e-mail address
/// optional), with a response due within 3 days (seed 001 §14.10).
pub async fn disclosure_submit(
    State(state): State<AppState>,
    Extension(csrf): Extension<CsrfToken>,
    Path(board): Path<String>,
    parts: Parts,
    Form(form): Form<OutsideForm>,
) -> PageResult {
    let board = state.store.board_by_name(&board).await?.ok_or_else(Problem::not_found)?;
    let now = state.clock.now();
    let ip = client_ip(&parts);
    let key = format!("disclosure:{}", hash_secret(ip.as_deref().unwrap_or("unknown")));
    if let Some(wait) = state.store.throttle_wait(std::slice::from_ref(&key), now).await? {
        let mut problem = Problem::invalid(Vec::new());
        problem.status = StatusCode::TOO_MANY_REQUESTS;
        t("throttle.title").clone_into(&mut problem.title);
        problem.detail = tf("throttle.wait", &[("seconds", &wait.to_string())]);
        return Err(problem.into());
    }
    // Every report counts: a handful per address go through at once, then the wait doubles.
    state.store.throttle_failure(&key, now, account_delay).await?;
    let layout = Layout::public(&state, &csrf, t("disclosure.title"));
    let action = format!("/kwetsbaarheid-melden/{}", super::urlencode(&board.name));
    let mut errors = Vec::new();
    let email = Some(form.email.trim()).filter(|e| !e.is_empty()).and_then(|e| match Email::parse(e) {
        Ok(email) => Some(email.as_str().to_owned()),
        Err(invalid) => {
            errors.push(FieldError::new("email", invalid.code));
            None
        }
    });
    let name = form.name.trim().chars().take(200).collect::<String>();
    let reporter = Reporter {
        kind: Kind::Vulnerability,
        channel: Channel::Public,
        user_id: None,
        name: if name.is_empty() { t("disclosure.anonymous").to_owned() } else { name },
        email,
        schools: None,
    };
    let command = ReportIncident {
        what_happened: Some(form.what_happened.clone()),
        discovered_at: Some(now.to_string()),
        device: Some(form.device.clone()),
        ..ReportIncident::default()
    };
    let validated = command.validate(reporter, now);
    let mut page = page(layout, action, true, board.name.clone(), form);
    match validated {
        Ok(new) if errors.is_empty() => {
            let actor = Actor { user_id: None, label: "public".to_owned(), ip, at: now };
            let incident = register(&state, &board.id, &actor, &new).await?;
            page.receipt = Some((incident.reference, moment(disclosure_response_deadline(incident.reported_at))));
            page.form = OutsideForm::default();
        }
        Ok(_) => page.errors = named_disclosure(errors),
        Err(more) => page.errors = named_disclosure(errors).into_iter().chain(more).collect(),
    }
    respond(&page)
}

/// The portal's form for a parent: what happened and when.
pub async fn portal_form(State(state): State<AppState>, parent: Parent) -> PageResult {
    let layout = Layout::public(&state, &CsrfToken(parent.csrf().to_owned()), t("incident.portal_title"));
    respond(&page(
        layout,
        "/ouders/melden".to_owned(),
        false,
        parent.session.board_name.clone(),
        OutsideForm::default(),
    ))
}

/// Registers a parent's report at the school of their child (when all their
/// children attend one school), confirmed to the parent's address.
pub async fn portal_submit(State(state): State<AppState>, parent: Parent, Form(form): Form<OutsideForm>) -> PageResult {
    let now = state.clock.now();
    let board = state.store.board(&parent.session.board);
    let children = board.children_of(&parent.session.email, state.clock.today()).await?;
    let school_id =
        children.first().map(|c| c.school_id.clone()).filter(|s| children.iter().all(|c| &c.school_id == s));
    let reporter = Reporter {
        kind: Kind::Incident,
        channel: Channel::Portal,
        user_id: None,
        name: tf("incident.parent_reporter", &[("email", &parent.session.email)]),
        email: Some(parent.session.email.clone()),
        schools: None,
    };
    let command = ReportIncident {
        school_id,
        what_happened: Some(form.what_happened.clone()),
        discovered_at: Some(form.discovered_at.clone()),
        device: Some(form.device.clone()),
        ..ReportIncident::default()
    };
    let layout = Layout::public(&state, &CsrfToken(parent.csrf().to_owned()), t("incident.portal_title"));
    let validated = command.validate(reporter, now);
    let mut page = page(layout, "/ouders/melden".to_owned(), false, parent.session.board_name.clone(), form);
    match validated {
        Ok(new) => {
            let actor = Actor { user_id: None, label: parent.session.email.clone(), ip: None, at: now };
            let incident = register(&state, &parent.session.board, &actor, &new).await?;
            page.receipt = Some((incident.reference, String::new()));
            page.form = OutsideForm::default();
        }
        Err(errors) => page.errors = errors,
    }
    respond(&page)
}
