//! Staff accounts, and each user's own API tokens. The forms call the API's
//! operations (`aantoonbaar_app::accounts`), so both check and refuse alike;
//! the pages add the re-authentication before a sensitive action.

use super::filters;
use super::form::{PageForm, refused};
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::{FieldError, Problem};
use crate::i18n::t;
use aantoonbaar_app::accounts::{self, CreateToken, CreateUser};
use aantoonbaar_rules::{Action, Role};
use aantoonbaar_store::{ApiToken, Group, School, User};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

pub struct UserRow {
    pub name: String,
    pub email: String,
    pub roles: String,
    pub scope: String,
    pub waiting: bool,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    layout: Layout,
    users: Vec<UserRow>,
    can_manage: bool,
    roles: Vec<(&'static str, &'static str)>,
    schools: Vec<School>,
    groups: Vec<Group>,
    errors: Vec<FieldError>,
    created: Option<(String, String)>,
}

/// The form: one role, and the school or the group that the scope takes.
#[derive(Deserialize)]
pub struct UserForm {
    email: Option<String>,
    name: Option<String>,
    role: Option<String>,
    scope: Option<String>,
    school_id: Option<String>,
    group_id: Option<String>,
}

impl From<UserForm> for CreateUser {
    fn from(form: UserForm) -> Self {
        let scope_id = match form.scope.as_deref() {
            Some("school") => form.school_id,
            Some("groups") => form.group_id,
            _ => None,
        };
        Self {
            email: form.email,
            name: form.name,
            roles: form.role.into_iter().collect(),
            scope: form.scope,
            scope_ids: scope_id.into_iter().collect(),
            ..Self::default()
        }
    }
}

async fn users_page(
    state: &AppState,
    staff: &Staff,
    refusal: Option<Problem>,
    created: Option<(String, String)>,
) -> PageResult {
    let scope = staff.may(Action::UserView)?;
    let board = state.store.board(&staff.principal.board);
    let schools = board.schools(scope).await?;
    let groups = board.groups(scope, None).await?;
    let scope_name = |u: &User| {
        let names: Vec<&str> = u
            .scope_ids
            .iter()
            .filter_map(|id| {
                schools
                    .iter()
                    .find(|s| &s.id == id)
                    .map(|s| s.name.as_str())
                    .or_else(|| groups.iter().find(|g| &g.id == id).map(|g| g.name.as_str()))
            })
            .collect();
        let kind = t(&format!("scope.{}", u.scope_kind.code()));
        if names.is_empty() { kind.to_owned() } else { format!("{kind}: {}", names.join(", ")) }
    };
    let users = board
        .users(scope)
        .await?
        .iter()
        .map(|u| UserRow {
            name: u.name.clone(),
            email: u.email.clone(),
            roles: u.roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(", "),
            scope: scope_name(u),
            waiting: !u.has_password,
        })
        .collect();
    let (status, errors) = refusal.map_or((StatusCode::OK, Vec::new()), |p| (p.status, p.errors));
    let page = UsersPage {
        layout: Layout::for_staff(state, staff, t("nav.users"), "/gebruikers"),
        users,
        can_manage: staff.can(Action::UserManage),
        roles: Role::ALL.iter().map(|r| (r.code(), t(&format!("role.{}", r.code())))).collect(),
        schools,
        groups,
        errors,
        created,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn list(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    users_page(&state, &staff, None, None).await
}

/// Creates an account and shows its one-time set-password link, once.
pub async fn create(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PageForm(form): PageForm<UserForm>,
) -> PageResult {
    staff.may(Action::UserManage)?;
    // Giving someone roles is a sensitive action: confirm identity first.
    if !staff.recently_reauthenticated() {
        return Ok(super::sign_in::reauth_redirect("/gebruikers"));
    }
    match accounts::create(&state, &staff, form.into()).await {
        Ok((user, link)) => users_page(&state, &staff, None, Some((user.email, link))).await,
        Err(error) => users_page(&state, &staff, Some(refused(error)?), None).await,
    }
}

#[derive(Template)]
#[template(path = "tokens.html")]
struct TokensPage {
    layout: Layout,
    tokens: Vec<ApiToken>,
    secret: Option<String>,
    errors: Vec<FieldError>,
}

async fn tokens_page(state: &AppState, staff: &Staff, secret: Option<String>, refusal: Option<Problem>) -> PageResult {
    staff.may(Action::OwnTokens)?;
    let tokens = state.store.board(&staff.principal.board).tokens(&staff.principal.user_id).await?;
    let layout = Layout::for_staff(state, staff, t("nav.tokens"), "/tokens");
    let (status, errors) = refusal.map_or((StatusCode::OK, Vec::new()), |p| (p.status, p.errors));
    Ok((status, render(&TokensPage { layout, tokens, secret, errors })).into_response())
}

pub async fn tokens(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    tokens_page(&state, &staff, None, None).await
}

pub async fn create_token(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PageForm(command): PageForm<CreateToken>,
) -> PageResult {
    staff.may(Action::OwnTokens)?;
    // A token acts as the user without a second step: confirm identity first.
    if !staff.recently_reauthenticated() {
        return Ok(super::sign_in::reauth_redirect("/tokens"));
    }
    match accounts::create_token(&state, &staff, command).await {
        Ok((_, secret)) => tokens_page(&state, &staff, Some(secret), None).await,
        Err(error) => tokens_page(&state, &staff, None, Some(refused(error)?)).await,
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    accounts::revoke_token(&state, &staff, &id).await?;
    Ok(Redirect::to("/tokens").into_response())
}
