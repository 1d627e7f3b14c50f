//! The awareness pages (issue 17): the activities, who was not reached in
//! the last twelve months per school and the figure reached, a form to add
//! an activity (`/bewustwording`), and one activity with its attendance to
//! tick (`/bewustwording/{id}`). The forms read into the API's commands and
//! call the same operations (`aantoonbaar_app::awareness`).

use super::form::{PagePairs, entered, read, refused};
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::FieldError;
use crate::i18n::{t, tf};
use aantoonbaar_app::awareness::{self as app, ActivityDetail, AttendanceCommand};
use aantoonbaar_rules::cycle::{ActivityKind, Audience};
use aantoonbaar_rules::{Action, Role};
use aantoonbaar_store::School;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};

/// A choice of a select or a checkbox.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

/// An activity in the list.
pub struct ActivityRow {
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    pub held_on: String,
    pub audience: String,
    pub attendees: usize,
}

/// The people of one school not reached in twelve months.
pub struct SchoolGroup {
    pub school: String,
    pub people: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "awareness.html")]
struct AwarenessPage {
    layout: Layout,
    reached: String,
    rows: Vec<ActivityRow>,
    groups: Vec<SchoolGroup>,
    may_add: bool,
    kinds: Vec<Choice>,
    audiences: Vec<Choice>,
    schools: Vec<Choice>,
    roles: Vec<Choice>,
    title: String,
    held_on: String,
    material: String,
    errors: Vec<FieldError>,
}

fn school_name(schools: &[School], id: Option<&str>) -> String {
    id.and_then(|id| schools.iter().find(|s| s.id == id))
        .map_or_else(|| t("awareness.board_office").to_owned(), |s| s.name.clone())
}

async fn page(
    state: &AppState,
    staff: &Staff,
    typed: &[(String, String)],
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let overview = app::overview(state, staff).await?;
    let scope = staff.may(Action::AwarenessView)?;
    let schools = state.store.board(&staff.principal.board).schools(scope).await?;
    let rows = overview
        .activities
        .iter()
        .map(|a| ActivityRow {
            id: a.id.clone(),
            title: a.title.clone(),
            kind: t(&format!("awareness.kind.{}", a.kind.code())),
            held_on: a.held_on.to_string(),
            audience: match a.audience {
                Audience::School => school_name(&schools, a.school_id.as_deref()),
                Audience::Roles => {
                    a.roles.iter().map(|r| t(&format!("role.{}", r.code()))).collect::<Vec<_>>().join(", ")
                }
                Audience::Board => t("awareness.audience.board").to_owned(),
            },
            attendees: a.attendees.len(),
        })
        .collect();
    let mut groups: Vec<SchoolGroup> = Vec::new();
    for person in overview.people.iter().filter(|p| !p.reached) {
        let school = school_name(&schools, person.school_id.as_deref());
        let last = match (&person.last_activity_title, person.last_activity_on) {
            (Some(title), Some(on)) => format!("{title} ({})", super::retention_batches::day(&on.to_string())),
            _ => t("awareness.never").to_owned(),
        };
        match groups.iter_mut().find(|g| g.school == school) {
            Some(group) => group.people.push((person.name.clone(), last)),
            None => groups.push(SchoolGroup { school, people: vec![(person.name.clone(), last)] }),
        }
    }
    let chosen = |field: &str, value: &str| typed.iter().any(|(k, v)| k == field && v == value);
    let choices = |field: &str, items: Vec<(String, String)>| -> Vec<Choice> {
        items.into_iter().map(|(value, label)| Choice { chosen: chosen(field, &value), value, label }).collect()
    };
    let r = &overview.reached;
    let page = AwarenessPage {
        layout: Layout::for_staff(state, staff, t("awareness.title"), "/bewustwording"),
        reached: tf("awareness.reached", &[("attended", &r.attended.to_string()), ("total", &r.total.to_string())]),
        rows,
        groups,
        may_add: staff.can(Action::AwarenessManage),
        kinds: choices(
            "kind",
            ActivityKind::ALL
                .iter()
                .map(|k| (k.code().to_owned(), t(&format!("awareness.kind.{}", k.code())).to_owned()))
                .collect(),
        ),
        audiences: choices(
            "audience",
            Audience::ALL
                .iter()
                .map(|a| (a.code().to_owned(), t(&format!("awareness.audience.{}", a.code())).to_owned()))
                .collect(),
        ),
        schools: choices("school_id", schools.iter().map(|s| (s.id.clone(), s.name.clone())).collect()),
        roles: choices(
            "roles",
            Role::ALL.iter().map(|r| (r.code().to_owned(), t(&format!("role.{}", r.code())).to_owned())).collect(),
        ),
        title: entered(typed, "title").to_owned(),
        held_on: entered(typed, "held_on").to_owned(),
        material: entered(typed, "material").to_owned(),
        errors,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn list(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    page(&state, &staff, &[], Vec::new(), StatusCode::OK).await
}

pub async fn create(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::create(&state, &staff, read(pairs.clone())?).await {
        Ok(created) => Ok(Redirect::to(&format!("/bewustwording/{}", created.id)).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            page(&state, &staff, &pairs, problem.errors, problem.status).await
        }
    }
}

#[derive(Template)]
#[template(path = "awareness_activity.html")]
struct ActivityPage {
    layout: Layout,
    detail: ActivityDetail,
    kind: &'static str,
    people: Vec<Choice>,
    errors: Vec<FieldError>,
}

async fn activity_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let detail = app::activity(state, staff, id).await?;
    let people = detail
        .candidates
        .iter()
        .map(|c| Choice { value: c.staff_id.clone(), label: c.name.clone(), chosen: c.attended })
        .collect();
    let page = ActivityPage {
        layout: Layout::for_staff(state, staff, &detail.activity.title, "/bewustwording"),
        kind: t(&format!("awareness.kind.{}", detail.activity.kind.code())),
        detail,
        people,
        errors,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    activity_page(&state, &staff, &id, Vec::new(), StatusCode::OK).await
}

pub async fn attendance(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: AttendanceCommand = read(pairs)?;
    match app::record_attendance(&state, &staff, &id, command).await {
        Ok(_) => Ok(Redirect::to(&format!("/bewustwording/{id}")).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            activity_page(&state, &staff, &id, problem.errors, problem.status).await
        }
    }
}
