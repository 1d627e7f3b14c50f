//! A parent files a data-subject request about their child in the portal, and
//! finds their own requests there: once an access request is decided, its
//! overview (PDF) is downloaded here, by the requester only. Signing in with
//! the link sent to the address the school has counts as the identity check
//! (seed 002 §10.2: identity verified, no copy of an ID kept).

use super::filters;
use super::form::{PageForm, refused};
use super::parents::{Parent, Viewer, child_of};
use super::{Layout, PageError, PageResult, render};
use crate::AppState;
use crate::csrf::CsrfToken;
use crate::error::{FieldError, Problem};
use crate::i18n::{t, tf};
use crate::mail::Mail;
use aantoonbaar_app::requests::{
    PortalRequest, access_overview, dutch_date, file_in_portal, requester_data, sections_pdf,
};
use aantoonbaar_rules::requests::{Outcome, RequestKind};
use aantoonbaar_store::{Actor, Pupil, Request};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::IntoResponse;

/// One of the requester's own requests as the portal lists it.
pub struct OwnRequest {
    pub kind: &'static str,
    pub received: String,
    /// "In behandeling", or the outcome and the day of the decision.
    pub status: String,
    /// The download of what the requester receives, once decided (path, label).
    pub download: Option<(String, &'static str)>,
}

#[derive(Template)]
#[template(path = "parents_data_request.html")]
struct RequestPage {
    layout: Layout,
    pupil_id: String,
    child: String,
    kinds: Vec<super::requests::Choice>,
    /// What was typed, kept when the form is refused.
    kind: String,
    details: String,
    errors: Vec<FieldError>,
    /// After filing: the date by which the school answers.
    deadline: Option<String>,
    requests: Vec<OwnRequest>,
    limit: usize,
}

/// The requests about `pupil` that this person filed (as one of their guardian
/// records, or as the pupil themself), newest first.
async fn own_requests(
    state: &AppState,
    parent: &Parent,
    pupil: &Pupil,
    viewer: &Viewer,
) -> Result<Vec<Request>, PageError> {
    let board = state.store.board(&parent.session.board);
    let mut requests: Vec<Request> = board
        .requests_about_pupil(&pupil.id)
        .await?
        .into_iter()
        .filter(|r| match (viewer, &r.new.requester_guardian_id) {
            (Viewer::Guardian(mine), Some(requester)) => mine.iter().any(|(id, _)| id == requester),
            (Viewer::Pupil, None) => r.new.requester_relation == "self",
            _ => false,
        })
        .collect();
    requests.reverse();
    Ok(requests)
}

/// What the requester downloads once `request` is decided: the access overview
/// or the portability export, unless refused.
fn download(pupil: &Pupil, request: &Request) -> Option<(String, &'static str)> {
    if request.outcome.is_none_or(|o| o == Outcome::Refused) {
        return None;
    }
    let base = format!("/ouders/kinderen/{}/verzoeken/{}", pupil.id, request.id);
    match request.new.kind {
        RequestKind::Access => Some((format!("{base}/overzicht.pdf"), t("request.portal.download_overview"))),
        RequestKind::Portability => Some((format!("{base}/gegevens.zip"), t("request.portal.download_export"))),
        _ => None,
    }
}

async fn page(state: &AppState, parent: &Parent, pupil: &Pupil, viewer: &Viewer) -> Result<RequestPage, PageError> {
    let requests = own_requests(state, parent, pupil, viewer)
        .await?
        .iter()
        .map(|r| OwnRequest {
            kind: t(&format!("request.kind.{}", r.new.kind.code())),
            received: dutch_date(r.new.received_on),
            status: match (r.outcome, r.decided_on) {
                (Some(outcome), Some(on)) => tf(
                    "request.portal.decided",
                    &[("outcome", t(&format!("request.outcome.{}", outcome.code()))), ("date", &dutch_date(on))],
                ),
                _ => t("request.portal.open").to_owned(),
            },
            download: download(pupil, r),
        })
        .collect();
    Ok(RequestPage {
        layout: Layout::public(state, &CsrfToken(parent.csrf().to_owned()), t("request.portal.title")),
        pupil_id: pupil.id.clone(),
        child: pupil.full_name(),
        kinds: RequestKind::ALL
            .iter()
            .map(|k| super::requests::Choice { code: k.code(), label: t(&format!("request.kind.{}", k.code())) })
            .collect(),
        kind: String::new(),
        details: String::new(),
        errors: Vec::new(),
        deadline: None,
        requests,
        limit: aantoonbaar_app::input::TEXT_LIMIT,
    })
}

pub async fn form(State(state): State<AppState>, parent: Parent, Path(pupil_id): Path<String>) -> PageResult {
    let (pupil, viewer) = child_of(&state, &parent, &pupil_id).await?;
    Ok(render(&page(&state, &parent, &pupil, &viewer).await?))
}

/// The signed-in person as the actor of the audit trail.
fn actor(state: &AppState, parent: &Parent) -> Actor {
    Actor { user_id: None, label: parent.session.email.clone(), ip: None, at: state.clock.now() }
}

pub async fn submit(
    State(state): State<AppState>,
    parent: Parent,
    Path(pupil_id): Path<String>,
    PageForm(command): PageForm<PortalRequest>,
) -> PageResult {
    let (pupil, viewer) = child_of(&state, &parent, &pupil_id).await?;
    // A pupil of 16 or over files for themself; a parent for their child.
    let requester_guardian_id = match &viewer {
        Viewer::Pupil => None,
        Viewer::Guardian(mine) => Some(mine.first().ok_or_else(Problem::not_found)?.0.clone()),
    };
    let typed = (command.kind.clone().unwrap_or_default(), command.details.clone().unwrap_or_default());
    let board = state.store.board(&parent.session.board);
    let filed = file_in_portal(&state, board, &actor(&state, &parent), &pupil, requester_guardian_id, command).await;
    let request = match filed {
        Ok(request) => request,
        Err(error) => {
            let problem = refused(error)?;
            let mut view = page(&state, &parent, &pupil, &viewer).await?;
            (view.kind, view.details) = typed;
            view.errors = problem.errors;
            return Ok((problem.status, render(&view)).into_response());
        }
    };
    let deadline = dutch_date(request.new.deadline);
    let kind_label = t(&format!("request.kind.{}", request.new.kind.code()));
    let body = tf("request.portal.mail_body", &[("kind", kind_label), ("deadline", &deadline)]);
    let mail =
        Mail { to: &parent.session.email, subject: t("request.portal.mail_subject"), body: &body, sensitive: false };
    state.mailer.send(board.id(), mail).await?;
    let mut view = page(&state, &parent, &pupil, &viewer).await?;
    view.deadline = Some(deadline);
    Ok(render(&view))
}

/// The decided request, if this person filed it and it gives them a download.
async fn own_decided(
    state: &AppState,
    parent: &Parent,
    pupil_id: &str,
    id: &str,
    kind: RequestKind,
) -> Result<(Pupil, Request), PageError> {
    let (pupil, viewer) = child_of(state, parent, pupil_id).await?;
    let request = own_requests(state, parent, &pupil, &viewer)
        .await?
        .into_iter()
        .find(|r| r.id == id && r.new.kind == kind && download(&pupil, r).is_some())
        .ok_or_else(Problem::not_found)?;
    Ok((pupil, request))
}

/// The access overview of a decided request, for its requester only (another
/// guardian of the same child gets 404). The view is audited.
pub async fn overview_pdf(
    State(state): State<AppState>,
    parent: Parent,
    Path((pupil_id, id)): Path<(String, String)>,
) -> PageResult {
    let (_, request) = own_decided(&state, &parent, &pupil_id, &id, RequestKind::Access).await?;
    let board = state.store.board(&parent.session.board);
    let (pupil, sections) = access_overview(board, &actor(&state, &parent), &request).await?;
    let title = tf("request.overview.pdf_title", &[("name", &pupil.full_name())]);
    let bytes = sections_pdf(title, sections).await?;
    Ok(super::requests::pdf(bytes, "overzicht-gegevens.pdf"))
}

/// The portability export of a decided request, for its requester only. The
/// view is audited.
pub async fn export(
    State(state): State<AppState>,
    parent: Parent,
    Path((pupil_id, id)): Path<(String, String)>,
) -> PageResult {
    let (_, request) = own_decided(&state, &parent, &pupil_id, &id, RequestKind::Portability).await?;
    let board = state.store.board(&parent.session.board);
    let (_, data) = requester_data(board, &actor(&state, &parent), &request).await?;
    Ok(crate::api::requests::zip_response(data).await?)
}
