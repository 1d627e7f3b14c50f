//! The activity calendar page (issue 17, `/jaarplanning`): a school year's
//! items with owner, due date, status and evidence — "done according to the
//! product" with the fact and its link, or ticked by hand with the evidence
//! —, the button that makes a year's calendar, and the IBP manager's forms
//! to tick, add and remove items. The forms call the same operations as the
//! API (`aantoonbaar_app::calendar`).

use super::form::{PagePairs, entered, read, refused};
use super::{Layout, PageResult, filters, render, urlencode};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::FieldError;
use crate::i18n::{t, tf};
use aantoonbaar_app::calendar::{self as app, CalendarOut, DoneCommand, ItemCommand, ItemOut, YearCommand};
use aantoonbaar_rules::Action;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct YearQuery {
    schooljaar: Option<String>,
}

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    layout: Layout,
    calendar: CalendarOut,
    heading: String,
    make_label: String,
    may_manage: bool,
    /// What was typed in the form to add an item, when refused.
    typed_title: String,
    typed_due: String,
    errors: Vec<FieldError>,
}

impl CalendarPage {
    fn status_label(item: &ItemOut) -> &'static str {
        t(&format!("calendar.status.{}", item.status.code()))
    }

    fn by_hand_line(item: &ItemOut) -> String {
        tf(
            "calendar.by_hand",
            &[
                ("date", &item.done_on.map(|d| super::retention_batches::day(&d.to_string())).unwrap_or_default()),
                ("who", item.done_by.as_deref().unwrap_or_default()),
            ],
        )
    }
}

async fn page(
    state: &AppState,
    staff: &Staff,
    year: Option<&str>,
    typed: &[(String, String)],
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let calendar = match app::calendar(state, staff, year).await {
        Ok(calendar) => calendar,
        Err(aantoonbaar_app::Error::Invalid(_)) => app::calendar(state, staff, None).await?,
        Err(other) => return Err(other.into()),
    };
    let page = CalendarPage {
        layout: Layout::for_staff(state, staff, t("calendar.title"), "/jaarplanning"),
        heading: tf("calendar.school_year_title", &[("year", &calendar.school_year)]),
        make_label: tf("calendar.make", &[("year", &calendar.school_year)]),
        may_manage: staff.can(Action::CalendarManage),
        typed_title: entered(typed, "title").to_owned(),
        typed_due: entered(typed, "due_on").to_owned(),
        calendar,
        errors,
    };
    Ok((status, render(&page)).into_response())
}

fn back(year: &str) -> String {
    format!("/jaarplanning?schooljaar={}", urlencode(year))
}

pub async fn show(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<YearQuery>,
) -> PageResult {
    page(&state, &staff, query.schooljaar.as_deref(), &[], Vec::new(), StatusCode::OK).await
}

pub async fn make(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let year = entered(&pairs, "school_year").to_owned();
    let command: YearCommand = read(pairs.clone())?;
    match app::create_calendar(&state, &staff, command).await {
        Ok((_, calendar)) => Ok(Redirect::to(&back(&calendar.school_year)).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            page(&state, &staff, Some(&year), &pairs, problem.errors, problem.status).await
        }
    }
}

pub async fn add(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let year = entered(&pairs, "school_year").to_owned();
    let command: ItemCommand = read(pairs.iter().filter(|(k, _)| k != "item").cloned().collect())?;
    match app::add_item(&state, &staff, command).await {
        Ok(item) => Ok(Redirect::to(&back(&item.school_year)).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            page(&state, &staff, Some(&year), &pairs, problem.errors, problem.status).await
        }
    }
}

pub async fn tick(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let item = app::item(&state, &staff, &id).await?;
    let command: DoneCommand = read(pairs.iter().filter(|(k, _)| k != "item").cloned().collect())?;
    match app::mark_done(&state, &staff, &id, command).await {
        Ok(_) => Ok(Redirect::to(&back(&item.school_year)).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            page(&state, &staff, Some(&item.school_year), &pairs, problem.errors, problem.status).await
        }
    }
}

pub async fn remove(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    let item = app::item(&state, &staff, &id).await?;
    app::remove_item(&state, &staff, &id).await?;
    Ok(Redirect::to(&back(&item.school_year)).into_response())
}
