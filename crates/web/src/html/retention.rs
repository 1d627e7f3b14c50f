//! The retention pages: the board's rules with their sources
//! (`/bewaartermijnen`; the FG and the board read, the IBP manager changes
//! them through the API for now) and the worklist of items due by a date, per
//! category (`/bewaartermijnen/werklijst`), each with a link to place a hold. Both call the same operations as
//! the API (`aantoonbaar_app::retention`).

use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::StaffPage;
use crate::i18n::{t, tf};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_app::retention::{self as app, label, period_words};
use aantoonbaar_app::{Error, FieldError};
use aantoonbaar_rules::Action;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;

/// One rule as the page shows it.
pub struct RuleRow {
    pub name: &'static str,
    pub period: String,
    pub starts: &'static str,
    pub then: &'static str,
    pub source: String,
    pub source_kind: &'static str,
    pub url: Option<String>,
}

#[derive(Template)]
#[template(path = "retention_rules.html")]
struct RulesPage {
    layout: Layout,
    rows: Vec<RuleRow>,
    reading: &'static str,
}

pub async fn rules(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let rules = app::rules(&state, &staff).await?;
    let settings = app::settings(&state, &staff).await?;
    let rows = rules
        .iter()
        .map(|r| RuleRow {
            name: label("code", r.code.code()),
            period: period_words(r.period),
            starts: label("trigger", r.trigger.code()),
            then: label("action", r.action.code()),
            source: r.source.text.clone(),
            source_kind: label("source_kind", r.source.kind.code()),
            url: r.source.url.clone(),
        })
        .collect();
    let page = RulesPage {
        layout: Layout::for_staff(&state, &staff, t("retention.page.title"), "/bewaartermijnen"),
        rows,
        reading: label("sbo_reading", &settings.sbo_reading),
    };
    Ok(render(&page).into_response())
}

/// One item due, as the worklist shows it.
pub struct WorkRow {
    pub pupil_id: String,
    /// "Blokkade vastleggen voor …", for a screen reader.
    pub hold_label: String,
    pub pupil: String,
    pub number: String,
    pub left_on: String,
    pub due_on: String,
    pub action: &'static str,
}

/// The items due of one category.
pub struct WorkGroup {
    pub title: &'static str,
    pub label: String,
    pub rows: Vec<WorkRow>,
}

#[derive(Template)]
#[template(path = "retention_worklist.html")]
struct WorklistPage {
    layout: Layout,
    date: String,
    errors: Vec<FieldError>,
    groups: Vec<WorkGroup>,
    may_hold: bool,
}

#[derive(Deserialize)]
pub struct WorklistQuery {
    #[serde(default)]
    datum: Option<String>,
}

pub async fn worklist(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<WorklistQuery>,
) -> PageResult {
    let layout = Layout::for_staff(&state, &staff, t("retention.worklist.title"), "/bewaartermijnen");
    let typed = query.datum.clone().unwrap_or_default();
    let (list, errors, status) = match app::worklist(&state, &staff, query.datum.as_deref()).await {
        Ok(list) => (Some(list), Vec::new(), StatusCode::OK),
        Err(Error::Invalid(errors)) => (None, errors, StatusCode::UNPROCESSABLE_ENTITY),
        Err(other) => return Err(other.into()),
    };
    let mut groups: Vec<WorkGroup> = Vec::new();
    let date = list.as_ref().map_or(typed, |l| l.date.clone());
    for item in list.map(|l| l.items).unwrap_or_default() {
        let title = label("category", &item.category);
        let row = WorkRow {
            hold_label: tf("retention.worklist.hold_label", &[("pupil", &item.pupil_name)]),
            pupil_id: item.pupil_id,
            pupil: item.pupil_name,
            number: item.pupil_number,
            left_on: item.trigger_date.parse().map_or_else(|_| item.trigger_date.clone(), dutch_date),
            due_on: item.due_date.parse().map_or_else(|_| item.due_date.clone(), dutch_date),
            action: label("action", &item.action),
        };
        match groups.iter_mut().find(|g| g.title == title) {
            Some(group) => group.rows.push(row),
            None => groups.push(WorkGroup {
                title,
                label: tf("retention.worklist.table_label", &[("category", title)]),
                rows: vec![row],
            }),
        }
    }
    let page = WorklistPage { layout, date, errors, groups, may_hold: staff.can(Action::RetentionHold) };
    Ok((status, render(&page)).into_response())
}
