//! The retention pages: the board's rules with their sources and the
//! board's settings (`/bewaartermijnen`; the FG and the board read, the IBP
//! manager changes them), one rule's form with a preview of the items it
//! moves (`/bewaartermijnen/termijn/{code}`), and the worklist of items due by a date, per
//! category (`/bewaartermijnen/werklijst`), each with a link to place a hold. Both call the same operations as
//! the API (`aantoonbaar_app::retention`).

use super::form::{PagePairs, entered, read, refused};
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::i18n::{t, tf};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_app::retention::{self as app, RuleChangeOut, RuleCommand, SettingsCommand, label, period_words};
use aantoonbaar_app::{Error, FieldError};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::retention::{EndAction, SboReading, SourceKind};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

/// One rule as the page shows it.
pub struct RuleRow {
    pub code: &'static str,
    pub name: &'static str,
    pub period: String,
    pub starts: &'static str,
    pub then: &'static str,
    pub source: String,
    pub source_kind: &'static str,
    pub url: Option<String>,
}

/// A choice in a list.
pub struct Choice {
    pub code: &'static str,
    pub label: &'static str,
    pub chosen: bool,
}

pub(super) fn choices<T: Copy>(all: &[T], code: fn(T) -> &'static str, list: &str, chosen: &str) -> Vec<Choice> {
    all.iter().map(|v| Choice { code: code(*v), label: label(list, code(*v)), chosen: code(*v) == chosen }).collect()
}

#[derive(Template)]
#[template(path = "retention_rules.html")]
struct RulesPage {
    layout: Layout,
    rows: Vec<RuleRow>,
    reading: &'static str,
    hold_review: String,
    may_manage: bool,
    readings: Vec<Choice>,
    hold_review_typed: String,
    errors: Vec<FieldError>,
}

async fn rules_page(
    state: &AppState,
    staff: &Staff,
    typed: &[(String, String)],
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let rules = app::rules(state, staff).await?;
    let settings = app::settings(state, staff).await?;
    let reading = if typed.is_empty() { settings.sbo_reading.as_str() } else { entered(typed, "sbo_reading") };
    let hold_review =
        if typed.is_empty() { settings.hold_review.clone() } else { entered(typed, "hold_review").to_owned() };
    let rows = rules
        .iter()
        .map(|r| RuleRow {
            code: r.code.code(),
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
        layout: Layout::for_staff(state, staff, t("retention.page.title"), "/bewaartermijnen"),
        rows,
        reading: label("sbo_reading", &settings.sbo_reading),
        hold_review: settings.hold_review.parse().map_or_else(|_| settings.hold_review.clone(), period_words),
        may_manage: staff.can(Action::RetentionManage),
        readings: choices(SboReading::ALL, SboReading::code, "sbo_reading", reading),
        hold_review_typed: hold_review,
        errors,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn rules(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    rules_page(&state, &staff, &[], Vec::new(), StatusCode::OK).await
}

pub async fn set_settings(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: SettingsCommand = read(pairs.clone())?;
    match app::set_settings(&state, &staff, command).await {
        Ok(_) => Ok(Redirect::to("/bewaartermijnen").into_response()),
        Err(error) => {
            let problem = refused(error)?;
            rules_page(&state, &staff, &pairs, problem.errors, problem.status).await
        }
    }
}

#[derive(Template)]
#[template(path = "retention_rule.html")]
struct RulePage {
    layout: Layout,
    code: &'static str,
    name: &'static str,
    starts: &'static str,
    period: String,
    actions: Vec<Choice>,
    source_kinds: Vec<Choice>,
    source_text: String,
    source_url: String,
    errors: Vec<FieldError>,
    /// The preview after "Bekijk wat verandert".
    preview: Option<Preview>,
}

/// What a change would do, in words.
pub struct Preview {
    pub changes: bool,
    pub moves: String,
}

fn preview(out: &RuleChangeOut) -> Preview {
    let (affected, before, after) = (out.affected.to_string(), out.due_before.to_string(), out.due_after.to_string());
    Preview {
        changes: !out.changes.is_empty(),
        moves: if out.moves_items {
            tf("retention.rule.moves", &[("affected", &affected), ("before", &before), ("after", &after)])
        } else {
            t("retention.rule.moves_nothing").to_owned()
        },
    }
}

async fn rule_page(
    state: &AppState,
    staff: &Staff,
    code: &str,
    typed: &[(String, String)],
    errors: Vec<FieldError>,
    preview: Option<Preview>,
    status: StatusCode,
) -> PageResult {
    staff.may(Action::RetentionManage)?;
    let rules = app::rules(state, staff).await?;
    let rule = rules.iter().find(|r| r.code.code() == code).ok_or(Error::NotFound)?;
    let typed_or =
        |name: &str, current: &str| if typed.is_empty() { current.to_owned() } else { entered(typed, name).to_owned() };
    let action = typed_or("action", rule.action.code());
    let source_kind = typed_or("source_kind", rule.source.kind.code());
    let page = RulePage {
        layout: Layout::for_staff(state, staff, label("code", rule.code.code()), "/bewaartermijnen"),
        code: rule.code.code(),
        name: label("code", rule.code.code()),
        starts: label("trigger", rule.trigger.code()),
        period: typed_or("period", &rule.period.to_string()),
        actions: choices(EndAction::ALL, EndAction::code, "action", &action),
        source_kinds: choices(SourceKind::ALL, SourceKind::code, "source_kind", &source_kind),
        source_text: typed_or("source_text", &rule.source.text),
        source_url: typed_or("source_url", rule.source.url.as_deref().unwrap_or_default()),
        errors,
        preview,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn rule(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(code): Path<String>) -> PageResult {
    rule_page(&state, &staff, &code, &[], Vec::new(), None, StatusCode::OK).await
}

/// "Bekijk wat verandert" (`dry_run=ja`) shows the preview with the form as
/// typed; "Opslaan" stores the change and returns to the rules.
pub async fn change_rule(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(code): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: RuleCommand = read(pairs.clone())?;
    let dry_run = entered(&pairs, "dry_run") == "ja";
    match app::change_rule(&state, &staff, &code, command).await {
        Ok(out) if dry_run => {
            rule_page(&state, &staff, &code, &pairs, Vec::new(), Some(preview(&out)), StatusCode::OK).await
        }
        Ok(_) => Ok(Redirect::to("/bewaartermijnen").into_response()),
        Err(error) => {
            let problem = refused(error)?;
            rule_page(&state, &staff, &code, &pairs, problem.errors, None, problem.status).await
        }
    }
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
