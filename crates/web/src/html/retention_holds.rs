//! The holds page (issue 15, `/bewaartermijnen/blokkades`): every hold not
//! released in the caller's scope, those due for review first, each with
//! "the reason still stands" (a review that keeps it) and "release"; and the
//! form to place a hold on a pupil, reached from the worklist. The same
//! operations as the API (`aantoonbaar_app::retention`); a refused form shows
//! again with what was typed.

use super::form::{PagePairs, entered, read, refused};
use super::retention::{Choice, choices};
use super::retention_batches::day;
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::FieldError;
use crate::i18n::t;
use aantoonbaar_app::retention::{self as app, HoldCommand, HoldDecision, label};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::retention::{Category, HoldKind};
use aantoonbaar_store::full_name;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

/// One hold as the page shows it.
pub struct HoldRow {
    pub id: String,
    pub pupil: String,
    pub category: &'static str,
    pub kind: &'static str,
    pub reason: String,
    pub placed: String,
    pub review_on: String,
    pub to_review: bool,
}

/// The form to place a hold on one pupil.
pub struct PlaceForm {
    pub pupil_id: String,
    pub pupil: String,
    pub categories: Vec<Choice>,
    pub kinds: Vec<Choice>,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "retention_holds.html")]
struct HoldsPage {
    layout: Layout,
    rows: Vec<HoldRow>,
    may_decide: bool,
    place: Option<PlaceForm>,
    errors: Vec<FieldError>,
}

#[derive(Deserialize)]
pub struct HoldsQuery {
    /// The pupil to place a hold on (from the worklist).
    #[serde(default)]
    leerling: Option<String>,
}

/// The name of a pupil in the caller's scope, when there is one.
async fn pupil_name(state: &AppState, staff: &Staff, id: &str) -> Result<Option<String>, super::PageError> {
    let Ok(scope) = staff.may(Action::PupilView) else { return Ok(None) };
    let board = state.store.board(&staff.principal.board);
    Ok(board.pupil(scope, id).await?.map(|p| full_name(&p.given_name, p.surname_prefix.as_deref(), &p.surname)))
}

async fn holds_page(
    state: &AppState,
    staff: &Staff,
    pupil: Option<&str>,
    typed: &[(String, String)],
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let holds = app::open_holds(state, staff).await?;
    let today = state.clock.today().to_string();
    let mut names: Vec<(String, String)> = Vec::new();
    let mut rows = Vec::new();
    for h in holds {
        if !names.iter().any(|(id, _)| *id == h.pupil_id) {
            let name = pupil_name(state, staff, &h.pupil_id).await?.unwrap_or_default();
            names.push((h.pupil_id.clone(), name));
        }
        let review = h.review_due.clone().unwrap_or_default();
        rows.push(HoldRow {
            pupil: names.iter().find(|(id, _)| *id == h.pupil_id).map(|(_, n)| n.clone()).unwrap_or_default(),
            category: h
                .category
                .as_deref()
                .map_or_else(|| t("retention.holds.all_categories"), |c| label("category", c)),
            kind: label("hold_kind", &h.kind),
            placed: format!("{} ({})", day(&h.placed_on), h.placed_by),
            to_review: !review.is_empty() && review <= today,
            review_on: day(&review),
            reason: h.reason,
            id: h.id,
        });
    }
    let place = match pupil.filter(|_| staff.can(Action::RetentionHold)) {
        Some(id) => pupil_name(state, staff, id).await?.map(|name| {
            let (category, kind) = (entered(typed, "category"), entered(typed, "kind"));
            PlaceForm {
                pupil_id: id.to_owned(),
                pupil: name,
                categories: choices(
                    &[
                        Category::PupilFile,
                        Category::EnrolmentAndAbsence,
                        Category::ContactDetails,
                        Category::Application,
                    ],
                    Category::code,
                    "category",
                    category,
                ),
                kinds: choices(HoldKind::ALL, HoldKind::code, "hold_kind", kind),
                reason: entered(typed, "reason").to_owned(),
            }
        }),
        None => None,
    };
    let page = HoldsPage {
        layout: Layout::for_staff(state, staff, t("retention.holds.title"), "/bewaartermijnen"),
        rows,
        may_decide: staff.can(Action::RetentionHold),
        place,
        errors,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn list(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<HoldsQuery>,
) -> PageResult {
    holds_page(&state, &staff, query.leerling.as_deref(), &[], Vec::new(), StatusCode::OK).await
}

pub async fn place(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: HoldCommand = read(pairs.clone())?;
    match app::place_hold(&state, &staff, command).await {
        Ok(_) => Ok(Redirect::to("/bewaartermijnen/blokkades").into_response()),
        Err(error) => {
            let problem = refused(error)?;
            let pupil = entered(&pairs, "pupil_id").to_owned();
            holds_page(&state, &staff, Some(&pupil), &pairs, problem.errors, problem.status).await
        }
    }
}

async fn decide(state: &AppState, staff: &Staff, id: &str, decision: HoldDecision) -> PageResult {
    match app::decide_hold(state, staff, id, decision).await {
        Ok(_) => Ok(Redirect::to("/bewaartermijnen/blokkades").into_response()),
        Err(error) => {
            let problem = refused(error)?;
            holds_page(state, staff, None, &[], problem.errors, problem.status).await
        }
    }
}

pub async fn keep(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    decide(&state, &staff, &id, HoldDecision::Keep).await
}

pub async fn release(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    decide(&state, &staff, &id, HoldDecision::Release).await
}
