//! A parent files a data-subject request about their child in the portal.
//! Signing in with the link sent to the address the school has counts as the
//! identity check (seed 002 §10.2: identity verified, no copy of an ID kept).

use super::filters;
use super::parents::{Parent, Viewer, child_of};
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::csrf::CsrfToken;
use crate::error::Problem;
use crate::i18n::{t, tf};
use crate::mail::Mail;
use aantoonbaar_app::requests::{dutch_date, record};
use aantoonbaar_rules::requests::{IdentityCheck, RequestChannel, RequestKind};
use aantoonbaar_store::{Actor, NewRequest, Pupil};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "parents_data_request.html")]
struct RequestPage {
    layout: Layout,
    pupil_id: String,
    child: String,
    kinds: Vec<super::requests::Choice>,
    error: Option<&'static str>,
    /// After filing: the date by which the school answers.
    deadline: Option<String>,
}

fn page(state: &AppState, parent: &Parent, pupil: &Pupil) -> RequestPage {
    RequestPage {
        layout: Layout::public(state, &CsrfToken(parent.csrf().to_owned()), t("request.portal.title")),
        pupil_id: pupil.id.clone(),
        child: pupil.full_name(),
        kinds: RequestKind::ALL
            .iter()
            .map(|k| super::requests::Choice { code: k.code(), label: t(&format!("request.kind.{}", k.code())) })
            .collect(),
        error: None,
        deadline: None,
    }
}

pub async fn form(State(state): State<AppState>, parent: Parent, Path(pupil_id): Path<String>) -> PageResult {
    let (pupil, _) = child_of(&state, &parent, &pupil_id).await?;
    Ok(render(&page(&state, &parent, &pupil)))
}

#[derive(Deserialize)]
pub struct RequestForm {
    kind: String,
    #[serde(default)]
    details: String,
}

pub async fn submit(
    State(state): State<AppState>,
    parent: Parent,
    Path(pupil_id): Path<String>,
    Form(form): Form<RequestForm>,
) -> PageResult {
    let (pupil, viewer) = child_of(&state, &parent, &pupil_id).await?;
    // A pupil of 16 or over files for themself; a parent for their child.
    let (requester_guardian_id, requester_relation) = match viewer {
        Viewer::Pupil => (None, "self"),
        Viewer::Guardian(mine) => (Some(mine.first().ok_or_else(Problem::not_found)?.0.clone()), "parent"),
    };
    let mut view = page(&state, &parent, &pupil);
    let Ok(kind) = RequestKind::from_code(&form.kind) else {
        view.error = Some(t("request.kind_unknown"));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&view)).into_response());
    };
    let today = state.clock.today();
    let details = Some(form.details.trim().chars().take(2000).collect::<String>()).filter(|d| !d.is_empty());
    let new = NewRequest {
        kind,
        school_id: Some(pupil.school_id.clone()),
        subject_pupil_id: Some(pupil.id.clone()),
        subject_guardian_id: None,
        subject_description: None,
        requester_guardian_id,
        requester_description: None,
        requester_relation: requester_relation.to_owned(),
        details,
        received_on: today,
        channel: RequestChannel::Portal,
        identity_check: IdentityCheck::PortalSignIn,
        assigned_to: None,
        deadline: today,
    };
    let actor = Actor { user_id: None, label: parent.session.email.clone(), ip: None, at: state.clock.now() };
    let board = state.store.board(&parent.session.board);
    let request = record(&state, board, &actor, new).await?;
    let deadline = dutch_date(request.new.deadline);
    let kind_label = t(&format!("request.kind.{}", kind.code()));
    let body = tf("request.portal.mail_body", &[("kind", kind_label), ("deadline", &deadline)]);
    let mail =
        Mail { to: &parent.session.email, subject: t("request.portal.mail_subject"), body: &body, sensitive: false };
    state.mailer.send(board.id(), mail).await?;
    view.deadline = Some(deadline);
    Ok(render(&view))
}
