//! Schools and their groups.

use super::filters;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::StaffPage;
use crate::error::Problem;
use crate::i18n::t;
use aantoonbaar_rules::{Action, Brin, PersonName};
use aantoonbaar_store::{Group, NewSchool, School, StoreError};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "schools.html")]
struct SchoolsPage {
    layout: Layout,
    schools: Vec<School>,
    can_manage: bool,
    error: Option<String>,
    name: String,
    brin: String,
}

#[derive(Deserialize)]
pub struct SchoolForm {
    name: String,
    brin: String,
}

pub async fn list(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let scope = staff.may(Action::SchoolView)?;
    let schools = state.store.board(&staff.principal.board).schools(scope).await?;
    let layout = Layout::for_staff(&state, &staff, t("nav.schools"), "/scholen");
    let can_manage = staff.can(Action::SchoolManage);
    Ok(render(&SchoolsPage { layout, schools, can_manage, error: None, name: String::new(), brin: String::new() }))
}

pub async fn create(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Form(form): Form<SchoolForm>,
) -> PageResult {
    let scope = staff.may(Action::SchoolManage)?;
    let board = state.store.board(&staff.principal.board);
    let parsed = PersonName::parse(&form.name)
        .map_err(|e| e.code)
        .and_then(|name| Brin::parse(&form.brin).map(|brin| NewSchool { name, brin }).map_err(|e| e.code));
    let error = match parsed {
        Ok(school) => match board.create_school(&staff.actor(), &school).await {
            Ok(_) => return Ok(Redirect::to("/scholen").into_response()),
            Err(StoreError::Duplicate { .. }) => "duplicate.brin",
            Err(other) => return Err(other.into()),
        },
        Err(code) => code,
    };
    let schools = board.schools(scope).await?;
    let layout = Layout::for_staff(&state, &staff, t("nav.schools"), "/scholen");
    let page = SchoolsPage {
        layout,
        schools,
        can_manage: true,
        error: Some(t(error).to_owned()),
        name: form.name,
        brin: form.brin,
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
}

#[derive(Template)]
#[template(path = "school.html")]
struct SchoolPage {
    layout: Layout,
    school: School,
    groups: Vec<Group>,
    can_manage: bool,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct GroupForm {
    name: String,
}

async fn school_page(state: &AppState, staff: &crate::auth::Staff, id: &str, error: Option<String>) -> PageResult {
    let scope = staff.may(Action::SchoolView)?;
    let board = state.store.board(&staff.principal.board);
    let school = board.school(scope, id).await?.ok_or_else(Problem::not_found)?;
    let groups = match staff.may(Action::GroupView) {
        Ok(group_scope) => board.groups(group_scope, Some(&school.id)).await?,
        Err(_) => Vec::new(),
    };
    let layout = Layout::for_staff(state, staff, &school.name, "/scholen");
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let can_manage = staff.can(Action::GroupManage);
    Ok((status, render(&SchoolPage { layout, school, groups, can_manage, error })).into_response())
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    school_page(&state, &staff, &id, None).await
}

pub async fn create_group(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    Form(form): Form<GroupForm>,
) -> PageResult {
    let scope = staff.may(Action::GroupManage)?;
    let board = state.store.board(&staff.principal.board);
    let school = board.school(scope, &id).await?.ok_or_else(Problem::not_found)?;
    let error = match PersonName::parse(&form.name) {
        Ok(name) => match board.create_group(&staff.actor(), &school.id, name.as_str()).await {
            Ok(_) => return Ok(Redirect::to(&format!("/scholen/{}", school.id)).into_response()),
            Err(StoreError::Duplicate { .. }) => "duplicate.name",
            Err(other) => return Err(other.into()),
        },
        Err(invalid) => invalid.code,
    };
    school_page(&state, &staff, &id, Some(t(error).to_owned())).await
}
