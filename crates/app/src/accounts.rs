//! Staff accounts and their secrets, shared by the API, the pages and the CLI.

use crate::error::FieldError;
use aantoonbaar_rules::policy::permits;
use aantoonbaar_rules::{Action, Email, PersonName, Role, ScopeKind};
use aantoonbaar_store::credentials::{hash_secret, new_secret};
use aantoonbaar_store::{Actor, ApiToken, BoardStore, NewUser, StoreError, User};
use jiff::SignedDuration;

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
    let mut errors = Vec::new();
    let email = Email::parse(email).map_err(|e| errors.push(FieldError::new("email", e.code))).ok();
    let name = PersonName::parse(name).map_err(|e| errors.push(FieldError::new("name", e.code))).ok();
    let roles: Vec<Role> = roles
        .iter()
        .filter_map(|r| Role::from_code(r).map_err(|e| errors.push(FieldError::new("roles", e.code))).ok())
        .collect();
    if roles.is_empty() && !errors.iter().any(|e| e.field == "roles") {
        errors.push(FieldError::new("roles", "roles.empty"));
    }
    let scope_kind = match scope {
        "board" => Some(ScopeKind::Board),
        "school" => Some(ScopeKind::School),
        "groups" => Some(ScopeKind::Groups),
        _ => {
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
