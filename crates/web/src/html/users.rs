//! Staff accounts, and each user's own API tokens.

use super::filters;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::FieldError;
use crate::i18n::t;
use aantoonbaar_app::accounts;
use aantoonbaar_rules::{Action, PersonName, Role};
use aantoonbaar_store::{ApiToken, Group, School, StoreError, User};
use askama::Template;
use axum::Form;
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

#[derive(Deserialize)]
pub struct UserForm {
    email: String,
    name: String,
    role: String,
    scope: String,
    #[serde(default)]
    school_id: String,
    #[serde(default)]
    group_id: String,
}

async fn users_page(
    state: &AppState,
    staff: &Staff,
    errors: Vec<FieldError>,
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
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
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
    users_page(&state, &staff, Vec::new(), None).await
}

/// Creates an account and shows its one-time set-password link, once.
pub async fn create(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Form(form): Form<UserForm>,
) -> PageResult {
    staff.may(Action::UserManage)?;
    // Giving someone roles is a sensitive action: confirm identity first.
    if !staff.recently_reauthenticated() {
        return Ok(super::sign_in::reauth_redirect("/gebruikers"));
    }
    let scope_ids = match form.scope.as_str() {
        "school" => vec![form.school_id],
        "groups" => vec![form.group_id],
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|id| !id.is_empty())
    .collect();
    let user = match accounts::parse_new_user(&form.email, &form.name, &[form.role], &form.scope, scope_ids) {
        Ok(user) => user,
        Err(errors) => return users_page(&state, &staff, errors, None).await,
    };
    let board = state.store.board(&staff.principal.board);
    match accounts::create_with_link(board, &staff.actor(), &user, &state.config.base_url).await {
        Ok((user, link)) => users_page(&state, &staff, Vec::new(), Some((user.email, link))).await,
        Err(StoreError::Duplicate { field }) => {
            users_page(&state, &staff, vec![FieldError::new(field, &format!("duplicate.{field}"))], None).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "tokens.html")]
struct TokensPage {
    layout: Layout,
    tokens: Vec<ApiToken>,
    secret: Option<String>,
    error: Option<&'static str>,
}

async fn tokens_page(
    state: &AppState,
    staff: &Staff,
    secret: Option<String>,
    error: Option<&'static str>,
) -> PageResult {
    staff.may(Action::OwnTokens)?;
    let tokens = state.store.board(&staff.principal.board).tokens(&staff.principal.user_id).await?;
    let layout = Layout::for_staff(state, staff, t("nav.tokens"), "/tokens");
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok((status, render(&TokensPage { layout, tokens, secret, error })).into_response())
}

pub async fn tokens(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    tokens_page(&state, &staff, None, None).await
}

#[derive(Deserialize)]
pub struct TokenForm {
    name: String,
}

pub async fn create_token(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Form(form): Form<TokenForm>,
) -> PageResult {
    staff.may(Action::OwnTokens)?;
    // A token acts as the user without a second step: confirm identity first.
    if !staff.recently_reauthenticated() {
        return Ok(super::sign_in::reauth_redirect("/tokens"));
    }
    let name = match PersonName::parse(&form.name) {
        Ok(name) => name,
        Err(invalid) => return tokens_page(&state, &staff, None, Some(t(invalid.code))).await,
    };
    let board = state.store.board(&staff.principal.board);
    let (_, secret) = accounts::issue_token(board, &staff.actor(), &staff.principal.user_id, name.as_str()).await?;
    tokens_page(&state, &staff, Some(secret), None).await
}

pub async fn revoke_token(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    staff.may(Action::OwnTokens)?;
    let board = state.store.board(&staff.principal.board);
    board.revoke_token(&staff.actor(), &staff.principal.user_id, &id).await?;
    Ok(Redirect::to("/tokens").into_response())
}
