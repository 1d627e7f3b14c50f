//! Schools and their groups. The forms read into the API's commands and call
//! the same operations (`aantoonbaar_app::schools`), so both refuse alike.

use super::filters;
use super::form::{PageForm, refused};
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::{FieldError, Problem};
use crate::i18n::t;
use aantoonbaar_app::input::Given;
use aantoonbaar_app::schools::{self as app, CreateGroup, CreateSchool};
use aantoonbaar_rules::Action;
use aantoonbaar_store::{Group, School};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};

#[derive(Template)]
#[template(path = "schools.html")]
struct SchoolsPage {
    layout: Layout,
    schools: Vec<School>,
    can_manage: bool,
    errors: Vec<FieldError>,
    name: String,
    brin: String,
}

/// A field as typed, to show in the form again.
fn typed(value: Option<&Given<String>>) -> String {
    value.map_or("", Given::as_str).to_owned()
}

async fn schools_page(state: &AppState, staff: &Staff, form: &CreateSchool, refusal: Option<Problem>) -> PageResult {
    let scope = staff.may(Action::SchoolView)?;
    let schools = state.store.board(&staff.principal.board).schools(scope).await?;
    let (status, errors) = refusal.map_or((StatusCode::OK, Vec::new()), |p| (p.status, p.errors));
    let page = SchoolsPage {
        layout: Layout::for_staff(state, staff, t("nav.schools"), "/scholen"),
        schools,
        can_manage: staff.can(Action::SchoolManage),
        errors,
        name: typed(form.name.as_ref()),
        brin: typed(form.brin.as_ref()),
    };
    Ok((status, render(&page)).into_response())
}

pub async fn list(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    schools_page(&state, &staff, &CreateSchool::default(), None).await
}

pub async fn create(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PageForm(command): PageForm<CreateSchool>,
) -> PageResult {
    match app::create(&state, &staff, command.clone()).await {
        Ok(_) => Ok(Redirect::to("/scholen").into_response()),
        Err(error) => schools_page(&state, &staff, &command, Some(refused(error)?)).await,
    }
}

#[derive(Template)]
#[template(path = "school.html")]
struct SchoolPage {
    layout: Layout,
    school: School,
    groups: Vec<Group>,
    can_manage: bool,
    errors: Vec<FieldError>,
}

async fn school_page(state: &AppState, staff: &Staff, id: &str, refusal: Option<Problem>) -> PageResult {
    let scope = staff.may(Action::SchoolView)?;
    let board = state.store.board(&staff.principal.board);
    let school = board.school(scope, id).await?.ok_or_else(Problem::not_found)?;
    let groups = match staff.may(Action::GroupView) {
        Ok(group_scope) => board.groups(group_scope, Some(&school.id)).await?,
        Err(_) => Vec::new(),
    };
    let layout = Layout::for_staff(state, staff, &school.name, "/scholen");
    let (status, errors) = refusal.map_or((StatusCode::OK, Vec::new()), |p| (p.status, p.errors));
    let can_manage = staff.can(Action::GroupManage);
    Ok((status, render(&SchoolPage { layout, school, groups, can_manage, errors })).into_response())
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    school_page(&state, &staff, &id, None).await
}

/// Adds a group to the school of the page (the path names it, not the form).
pub async fn create_group(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PageForm(command): PageForm<CreateGroup>,
) -> PageResult {
    let command = CreateGroup { school_id: Some(id.clone().into()), ..command };
    match app::create_group(&state, &staff, command).await {
        Ok(group) => Ok(Redirect::to(&format!("/scholen/{}", group.school_id)).into_response()),
        Err(error) => school_page(&state, &staff, &id, Some(refused(error)?)).await,
    }
}
