//! Public holidays for legal deadlines, the days a royal decree equates with
//! them (kept by the IBP manager), and a deadline calculator. The forms call
//! the API's operations (`aantoonbaar_app::deadlines`), so both refuse alike.

use super::filters;
use super::form::{PageForm, refused};
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::{FieldError, Problem};
use crate::i18n::t;
use aantoonbaar_app::Error;
use aantoonbaar_app::deadlines::{self as app, AddEquatedDay};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::holidays::public_holidays;
use aantoonbaar_store::EquatedDay;
use askama::Template;
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
    /// Why the calculator could not compute, about the field `received`.
    received_error: Option<String>,
    /// Why an equated day was not added.
    errors: Vec<FieldError>,
    received: String,
    deadline: Option<(String, String)>,
}

#[derive(Deserialize, Default)]
pub struct CalculatorQuery {
    #[serde(default)]
    ontvangen: String,
}

async fn page(state: &AppState, staff: &Staff, received: &str, refusal: Option<Problem>) -> PageResult {
    let board = state.store.board(&staff.principal.board);
    let year = state.clock.today().year();
    let holidays = (year..=year + 1)
        .flat_map(public_holidays)
        .map(|(day, holiday)| HolidayRow { date: dutch_date(day), name: t(&format!("holiday.{}", holiday.code())) })
        .collect();
    let (mut status, errors) = refusal.map_or((StatusCode::OK, Vec::new()), |p| (p.status, p.errors));
    let (deadline, received_error) = match received.trim() {
        "" => (None, None),
        text => match app::for_request(state, staff, Some(text)).await {
            Ok(d) => (Some((dutch_date(d.deadline), dutch_date(d.extended_deadline))), None),
            Err(Error::Invalid(errors)) => {
                status = StatusCode::UNPROCESSABLE_ENTITY;
                (None, errors.into_iter().next().map(|e| e.detail))
            }
            Err(other) => return Err(other.into()),
        },
    };
    let page = HolidaysPage {
        layout: Layout::for_staff(state, staff, t("nav.holidays"), "/feestdagen"),
        holidays,
        equated: board.equated_days().await?,
        can_manage: staff.can(Action::HolidaysManage),
        received_error,
        errors,
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
    PageForm(command): PageForm<AddEquatedDay>,
) -> PageResult {
    match app::add_equated_day(&state, &staff, command).await {
        Ok(_) => Ok(Redirect::to("/feestdagen").into_response()),
        Err(error) => page(&state, &staff, "", Some(refused(error)?)).await,
    }
}

pub async fn remove(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(date): Path<String>,
) -> PageResult {
    app::remove_equated_day(&state, &staff, &date).await?;
    Ok(Redirect::to("/feestdagen").into_response())
}
