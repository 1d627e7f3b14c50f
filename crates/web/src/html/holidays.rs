//! Public holidays for legal deadlines, the days a royal decree equates with
//! them (kept by the IBP manager), and a deadline calculator.

use super::filters;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::i18n::t;
use aantoonbaar_app::deadlines::equated_days;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::deadlines::request_deadlines;
use aantoonbaar_rules::holidays::{HolidayCalendar, public_holidays};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_store::{EquatedDay, StoreError};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

pub struct HolidayRow {
    pub date: String,
    pub name: &'static str,
}

#[derive(Template)]
#[template(path = "holidays.html")]
struct HolidaysPage {
    layout: Layout,
    holidays: Vec<HolidayRow>,
    equated: Vec<EquatedDay>,
    can_manage: bool,
    error: Option<&'static str>,
    received: String,
    deadline: Option<(String, String)>,
}

#[derive(Deserialize, Default)]
pub struct CalculatorQuery {
    #[serde(default)]
    ontvangen: String,
}

#[derive(Deserialize)]
pub struct EquatedForm {
    date: String,
    description: String,
}

fn dutch(day: jiff::civil::Date) -> String {
    day.strftime("%d-%m-%Y").to_string()
}

async fn page(state: &AppState, staff: &Staff, received: &str, error: Option<&'static str>) -> PageResult {
    let board = state.store.board(&staff.principal.board);
    let year = state.clock.today().year();
    let holidays = (year..=year + 1)
        .flat_map(public_holidays)
        .map(|(day, holiday)| HolidayRow { date: dutch(day), name: t(&format!("holiday.{}", holiday.code())) })
        .collect();
    let extra = equated_days(board).await?;
    let (deadline, error) = match (received.trim(), error) {
        ("", error) => (None, error),
        (text, None) => match parse_iso_date(text) {
            Ok(day) => {
                let d = request_deadlines(day, &HolidayCalendar::new(&extra));
                (Some((dutch(d.deadline), dutch(d.extended_deadline))), None)
            }
            Err(invalid) => (None, Some(t(invalid.code))),
        },
        (_, error) => (None, error),
    };
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = HolidaysPage {
        layout: Layout::for_staff(state, staff, t("nav.holidays"), "/feestdagen"),
        holidays,
        equated: board.equated_days().await?,
        can_manage: staff.can(Action::HolidaysManage),
        error,
        received: received.to_owned(),
        deadline,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<CalculatorQuery>,
) -> PageResult {
    page(&state, &staff, &query.ontvangen, None).await
}

pub async fn add(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Form(form): Form<EquatedForm>,
) -> PageResult {
    staff.may(Action::HolidaysManage)?;
    let parsed = parse_iso_date(&form.date)
        .map_err(|e| e.code)
        .and_then(|day| aantoonbaar_rules::PersonName::parse(&form.description).map(|d| (day, d)).map_err(|e| e.code));
    let error = match parsed {
        Ok((day, description)) => {
            match state
                .store
                .board(&staff.principal.board)
                .add_equated_day(&staff.actor(), day, description.as_str())
                .await
            {
                Ok(()) => return Ok(Redirect::to("/feestdagen").into_response()),
                Err(StoreError::Duplicate { .. }) => "duplicate.date",
                Err(other) => return Err(other.into()),
            }
        }
        Err(code) => code,
    };
    page(&state, &staff, "", Some(t(error))).await
}

pub async fn remove(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(date): Path<String>,
) -> PageResult {
    staff.may(Action::HolidaysManage)?;
    let day = parse_iso_date(&date).map_err(|_| crate::error::Problem::not_found())?;
    state.store.board(&staff.principal.board).remove_equated_day(&staff.actor(), day).await?;
    Ok(Redirect::to("/feestdagen").into_response())
}
