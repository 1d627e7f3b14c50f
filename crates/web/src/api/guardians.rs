//! Guardians (parents, carers, a voogd) and their link to pupils.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::guardians::{self, CreateGuardian, LinkGuardian};
use aantoonbaar_rules::Action;
use aantoonbaar_store::{Guardian, LinkedGuardian};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct GuardianOut {
    id: String,
    given_name: String,
    surname_prefix: Option<String>,
    surname: String,
    email: Option<String>,
    phone: Option<String>,
}

impl From<Guardian> for GuardianOut {
    fn from(g: Guardian) -> Self {
        Self {
            id: g.id,
            given_name: g.given_name,
            surname_prefix: g.surname_prefix,
            surname: g.surname,
            email: g.email,
            phone: g.phone,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct LinkedGuardianOut {
    #[serde(flatten)]
    guardian: GuardianOut,
    /// `mother, father, guardian, carer, foster_parent, other`
    relation: String,
    holds_custody: bool,
    recognised: bool,
}

impl From<LinkedGuardian> for LinkedGuardianOut {
    fn from(l: LinkedGuardian) -> Self {
        Self {
            guardian: l.guardian.into(),
            relation: l.link.relation.code().to_owned(),
            holds_custody: l.link.holds_custody,
            recognised: l.link.recognised,
        }
    }
}

/// Guardians of the pupils the caller may see.
#[utoipa::path(get, path = "/guardians", tag = "guardians", responses((status = 200, body = [GuardianOut])))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<GuardianOut>>> {
    let scope = staff.may(Action::GuardianView)?;
    let guardians = state.store.board(&staff.principal.board).guardians(scope).await?;
    Ok(Json(guardians.into_iter().map(GuardianOut::from).collect()))
}

/// Adds a guardian; link them to a pupil next.
#[utoipa::path(post, path = "/guardians", tag = "guardians", request_body = CreateGuardian,
    responses((status = 201, body = GuardianOut), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<CreateGuardian>,
) -> ApiResult<(StatusCode, Json<GuardianOut>)> {
    let guardian = guardians::create(&state, &staff, command).await?;
    Ok((StatusCode::CREATED, Json(guardian.into())))
}

/// One guardian.
#[utoipa::path(get, path = "/guardians/{id}", tag = "guardians", params(("id" = String, Path)),
    responses((status = 200, body = GuardianOut), (status = 404, body = Problem)))]
pub async fn get(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<GuardianOut>> {
    let scope = staff.may(Action::GuardianView)?;
    let guardian =
        state.store.board(&staff.principal.board).guardian(scope, &id).await?.ok_or_else(Problem::not_found)?;
    Ok(Json(guardian.into()))
}

/// The guardians of one pupil, with custody and recognition.
#[utoipa::path(get, path = "/pupils/{id}/guardians", tag = "guardians", params(("id" = String, Path)),
    responses((status = 200, body = [LinkedGuardianOut]), (status = 404, body = Problem)))]
pub async fn of_pupil(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<LinkedGuardianOut>>> {
    let scope = staff.may(Action::GuardianView)?;
    let board = state.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, &id).await?.ok_or_else(Problem::not_found)?;
    board.record_view(&staff.actor(), "pupil_guardians", &pupil.id).await?;
    let guardians = board.guardians_of(&pupil.id).await?;
    Ok(Json(guardians.into_iter().map(LinkedGuardianOut::from).collect()))
}

/// Links a guardian to a pupil (or changes the link).
#[utoipa::path(post, path = "/pupils/{id}/guardians", tag = "guardians", params(("id" = String, Path)), request_body = LinkGuardian,
    responses((status = 201, body = [LinkedGuardianOut]), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn link(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<LinkGuardian>,
) -> ApiResult<(StatusCode, Json<Vec<LinkedGuardianOut>>)> {
    let guardians = guardians::link(&state, &staff, &id, command).await?;
    Ok((StatusCode::CREATED, Json(guardians.into_iter().map(LinkedGuardianOut::from).collect())))
}
