//! Staff accounts and their secrets, shared by the API, the pages and the CLI.

use crate::error::{FieldError, Result};
use crate::input::{TEXT_LIMIT, Unknown, done, one_or_many, rule, text};
use crate::{App, Staff};
use aantoonbaar_rules::policy::permits;
use aantoonbaar_rules::{Action, Email, PersonName, Role, ScopeKind};
use aantoonbaar_store::credentials::{hash_secret, new_secret};
use aantoonbaar_store::{Actor, ApiToken, BoardStore, NewUser, StoreError, User};
use jiff::SignedDuration;
use serde::Deserialize;
use utoipa::ToSchema;

/// How long a set-password link works.
pub const PASSWORD_LINK_VALIDITY: SignedDuration = SignedDuration::from_hours(7 * 24);

/// Path of the set-password page; the secret follows.
pub const PASSWORD_PATH: &str = "/wachtwoord/";

/// Validates a new account's fields, naming every wrong one.
///
/// # Errors
/// The wrong fields.
pub fn parse_new_user(
    email: &str,
    name: &str,
    roles: &[String],
    scope: &str,
    scope_ids: Vec<String>,
) -> Result<NewUser, Vec<FieldError>> {
    new_user(Vec::new(), Some(email), Some(name), roles, Some(scope), scope_ids)
}

/// [`parse_new_user`] after `errors` found so far; a `None` field was missing
/// (and is among `errors` already).
fn new_user(
    mut errors: Vec<FieldError>,
    email: Option<&str>,
    name: Option<&str>,
    roles: &[String],
    scope: Option<&str>,
    scope_ids: Vec<String>,
) -> Result<NewUser, Vec<FieldError>> {
    let email = email.and_then(|e| Email::parse(e).map_err(|e| errors.push(FieldError::new("email", e.code))).ok());
    let name = name.and_then(|n| PersonName::parse(n).map_err(|e| errors.push(FieldError::new("name", e.code))).ok());
    let roles: Vec<Role> = roles
        .iter()
        .filter_map(|r| Role::from_code(r).map_err(|e| errors.push(FieldError::new("roles", e.code))).ok())
        .collect();
    if roles.is_empty() && !errors.iter().any(|e| e.field == "roles") {
        errors.push(FieldError::new("roles", "roles.empty"));
    }
    let scope_kind = match scope {
        None => None,
        Some("board") => Some(ScopeKind::Board),
        Some("school") => Some(ScopeKind::School),
        Some("groups") => Some(ScopeKind::Groups),
        Some(_) => {
            errors.push(FieldError::new("scope", "scope.unknown"));
            None
        }
    };
    if let Some(kind) = scope_kind {
        if kind != ScopeKind::Board && scope_ids.is_empty() {
            errors.push(FieldError::new("scope_ids", "scope_ids.empty"));
        }
        // Every role must be able to work at this scope, or the account is useless.
        if roles.iter().any(|role| !permits(&[*role], kind, Action::SchoolView)) {
            errors.push(FieldError::new("scope", "scope.role_mismatch"));
        }
    }
    match (email, name, scope_kind) {
        (Some(email), Some(name), Some(scope_kind)) if errors.is_empty() => {
            let scope_ids = if scope_kind == ScopeKind::Board { Vec::new() } else { scope_ids };
            Ok(NewUser { email, name, roles, scope_kind, scope_ids, mfa_exempt: false })
        }
        _ => Err(errors),
    }
}

/// A new staff account: `{email, name, roles: [...], scope: board|school|groups, scope_ids?: [...]}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct CreateUser {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    pub email: Option<String>,
    pub name: Option<String>,
    /// Role codes: `CvB, ST, D, TL, BS, AP, OP, OPT, FG`.
    #[serde(default, deserialize_with = "one_or_many")]
    pub roles: Vec<String>,
    /// `board, school, groups`
    pub scope: Option<String>,
    /// School ids (scope `school`) or group ids (scope `groups`).
    #[serde(default, deserialize_with = "one_or_many")]
    pub scope_ids: Vec<String>,
}

impl CreateUser {
    /// Every field by its rule, each role able to work at the scope, and the
    /// schools or groups of a scope narrower than the board.
    ///
    /// # Errors
    /// Every wrong field.
    pub fn validate(self) -> Result<NewUser, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let email = text(&mut errors, "email", self.email, true, TEXT_LIMIT);
        let name = text(&mut errors, "name", self.name, true, TEXT_LIMIT);
        let scope = text(&mut errors, "scope", self.scope, true, TEXT_LIMIT);
        let scope_ids = self.scope_ids.into_iter().map(|id| id.trim().to_owned()).filter(|id| !id.is_empty()).collect();
        new_user(errors, email.as_deref(), name.as_deref(), &self.roles, scope.as_deref(), scope_ids)
    }
}

/// Creates a staff account on the caller's board and returns it with the
/// one-time link with which its owner sets a password.
///
/// # Errors
/// Forbidden, every wrong field, an address already in use, or the store.
pub async fn create(app: &App, staff: &Staff, command: CreateUser) -> Result<(User, String)> {
    staff.may(Action::UserManage)?;
    let user = command.validate()?;
    let board = app.store.board(&staff.principal.board);
    Ok(create_with_link(board, &staff.actor(), &user, &app.config.base_url).await?)
}

/// A new API token of the caller: `{name}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct CreateToken {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// What the token is for, e.g. the program that uses it.
    pub name: Option<String>,
}

/// Issues an API token for the caller; the secret is returned once and only
/// its hash is kept.
///
/// # Errors
/// Forbidden, a wrong name, or the store.
pub async fn create_token(app: &App, staff: &Staff, command: CreateToken) -> Result<(ApiToken, String)> {
    staff.may(Action::OwnTokens)?;
    let mut errors = command.unknown.errors();
    let name = text(&mut errors, "name", command.name, true, TEXT_LIMIT);
    let name = rule(&mut errors, "name", name, PersonName::parse);
    let name = done(errors, name)?;
    let board = app.store.board(&staff.principal.board);
    Ok(issue_token(board, &staff.actor(), &staff.principal.user_id, name.as_str()).await?)
}

/// Revokes one of the caller's own tokens at once.
///
/// # Errors
/// Forbidden, not found (no such token of the caller), or the store.
pub async fn revoke_token(app: &App, staff: &Staff, id: &str) -> Result<()> {
    staff.may(Action::OwnTokens)?;
    let board = app.store.board(&staff.principal.board);
    Ok(board.revoke_token(&staff.actor(), &staff.principal.user_id, id).await?)
}

/// Creates the account without a password and returns a one-time link with
/// which its owner sets one.
///
/// # Errors
/// As the store's `create_user`.
pub async fn create_with_link(
    board: BoardStore<'_>,
    actor: &Actor,
    user: &NewUser,
    base_url: &str,
) -> Result<(User, String), StoreError> {
    let user = board.create_user(actor, user, None).await?;
    let link = password_link(board, &user.id, actor, base_url).await?;
    Ok((user, link))
}

/// A fresh one-time link to set the password of `user_id`.
///
/// # Errors
/// When randomness or the store fails.
pub async fn password_link(
    board: BoardStore<'_>,
    user_id: &str,
    actor: &Actor,
    base_url: &str,
) -> Result<String, StoreError> {
    let secret = new_secret()?;
    let expires = actor.at.checked_add(PASSWORD_LINK_VALIDITY).unwrap_or(actor.at);
    board.create_password_link(user_id, &hash_secret(&secret), expires).await?;
    Ok(format!("{}{PASSWORD_PATH}{secret}", base_url.trim_end_matches('/')))
}

/// Prefix that makes a leaked token recognisable to secret scanners.
pub const TOKEN_PREFIX: &str = "aant_";

/// Issues an API token; the secret is returned once and only its hash is kept.
///
/// # Errors
/// When randomness or the store fails.
pub async fn issue_token(
    board: BoardStore<'_>,
    actor: &Actor,
    user_id: &str,
    name: &str,
) -> Result<(ApiToken, String), StoreError> {
    let secret = format!("{TOKEN_PREFIX}{}", new_secret()?);
    let token = board.create_token(actor, user_id, name, &hash_secret(&secret)).await?;
    Ok((token, secret))
}
