//! Staff accounts and API tokens.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::accounts::{self, CreateToken, CreateUser};
use aantoonbaar_rules::Action;
use aantoonbaar_store::{ApiToken, User};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct UserOut {
    id: String,
    email: String,
    name: String,
    /// Role codes: `CvB, ST, D, TL, BS, AP, OP, OPT, FG`.
    roles: Vec<String>,
    /// `board, school, groups`
    scope: String,
    /// School ids (scope `school`) or group ids (scope `groups`).
    scope_ids: Vec<String>,
    has_password: bool,
}

impl From<User> for UserOut {
    fn from(u: User) -> Self {
        Self {
            id: u.id,
            email: u.email,
            name: u.name,
            roles: u.roles.iter().map(|r| r.code().to_owned()).collect(),
            scope: u.scope_kind.code().to_owned(),
            scope_ids: u.scope_ids,
            has_password: u.has_password,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MeOut {
    id: String,
    email: String,
    name: String,
    board: String,
    roles: Vec<String>,
    scope: String,
}

#[derive(Serialize, ToSchema)]
pub struct UserCreated {
    #[serde(flatten)]
    user: UserOut,
    /// One-time link with which the new user sets a password (valid 7 days).
    password_link: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenOut {
    id: String,
    name: String,
    created_at: String,
    last_used_at: Option<String>,
    revoked_at: Option<String>,
}

impl From<ApiToken> for TokenOut {
    fn from(t: ApiToken) -> Self {
        Self {
            id: t.id,
            name: t.name,
            created_at: t.created_at.to_string(),
            last_used_at: t.last_used_at.map(|t| t.to_string()),
            revoked_at: t.revoked_at.map(|t| t.to_string()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct TokenCreated {
    #[serde(flatten)]
    token: TokenOut,
    /// The bearer token. Shown only now; only its hash is stored.
    secret: String,
}

/// The signed-in user.
#[utoipa::path(get, path = "/me", tag = "users", responses((status = 200, body = MeOut)))]
pub async fn me(staff: Staff) -> Json<MeOut> {
    let p = staff.staff.principal;
    Json(MeOut {
        id: p.user_id,
        email: p.email,
        name: p.name,
        board: p.board_name,
        roles: p.roles.iter().map(|r| r.code().to_owned()).collect(),
        scope: p.scope.kind().code().to_owned(),
    })
}

/// Staff accounts the caller may see.
#[utoipa::path(get, path = "/users", tag = "users", responses((status = 200, body = [UserOut])))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<UserOut>>> {
    let scope = staff.may(Action::UserView)?;
    let users = state.store.board(&staff.principal.board).users(scope).await?;
    Ok(Json(users.into_iter().map(UserOut::from).collect()))
}

/// Creates a staff account; the answer carries the one-time set-password link.
#[utoipa::path(post, path = "/users", tag = "users", request_body = CreateUser,
    responses((status = 201, body = UserCreated), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<CreateUser>,
) -> ApiResult<(StatusCode, Json<UserCreated>)> {
    let (user, password_link) = accounts::create(&state, &staff, command).await?;
    Ok((StatusCode::CREATED, Json(UserCreated { user: user.into(), password_link })))
}

/// The caller's own API tokens.
#[utoipa::path(get, path = "/tokens", tag = "tokens", responses((status = 200, body = [TokenOut])))]
pub async fn tokens(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<TokenOut>>> {
    staff.may(Action::OwnTokens)?;
    let tokens = state.store.board(&staff.principal.board).tokens(&staff.principal.user_id).await?;
    Ok(Json(tokens.into_iter().map(TokenOut::from).collect()))
}

/// Issues a token for the caller; the secret is in this answer only.
#[utoipa::path(post, path = "/tokens", tag = "tokens", request_body = CreateToken,
    responses((status = 201, body = TokenCreated), (status = 422, body = Problem)))]
pub async fn create_token(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<CreateToken>,
) -> ApiResult<(StatusCode, Json<TokenCreated>)> {
    let (token, secret) = accounts::create_token(&state, &staff, command).await?;
    Ok((StatusCode::CREATED, Json(TokenCreated { token: token.into(), secret })))
}

/// Revokes one of the caller's tokens at once.
#[utoipa::path(delete, path = "/tokens/{id}", tag = "tokens", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn revoke_token(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    accounts::revoke_token(&state, &staff, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
