//! Guardians (parents, carers, a voogd) and their link to pupils.

use super::{ApiJson, Fields};
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, FieldError, Problem};
use aantoonbaar_rules::organisation::Relation;
use aantoonbaar_rules::{Action, Email, PersonName, identifiers};
use aantoonbaar_store::{Guardian, Link, LinkedGuardian, NewGuardian};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
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

/// `{given_name, surname_prefix?, surname, email?, phone?}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct GuardianIn {
    given_name: String,
    surname_prefix: Option<String>,
    surname: String,
    email: Option<String>,
    phone: Option<String>,
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

/// `{guardian_id, relation, holds_custody, recognised}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct LinkIn {
    guardian_id: String,
    relation: String,
    holds_custody: bool,
    recognised: bool,
}

/// Guardians of the pupils the caller may see.
#[utoipa::path(get, path = "/guardians", tag = "guardians", responses((status = 200, body = [GuardianOut])))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<GuardianOut>>> {
    let scope = staff.may(Action::GuardianView)?;
    let guardians = state.store.board(&staff.principal.board).guardians(scope).await?;
    Ok(Json(guardians.into_iter().map(GuardianOut::from).collect()))
}

/// Adds a guardian; link them to a pupil next.
#[utoipa::path(post, path = "/guardians", tag = "guardians", request_body = GuardianIn,
    responses((status = 201, body = GuardianOut), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<(StatusCode, Json<GuardianOut>)> {
    staff.may(Action::GuardianManage)?;
    let mut f = Fields::new(body, &["given_name", "surname_prefix", "surname", "email", "phone"]);
    let v = f.required("given_name");
    let given_name = f.parse("given_name", v, PersonName::parse);
    let v = f.text("surname_prefix");
    let surname_prefix = f.parse("surname_prefix", v, PersonName::parse_optional).flatten();
    let v = f.required("surname");
    let surname = f.parse("surname", v, PersonName::parse);
    let v = f.text("email").filter(|e| !e.trim().is_empty());
    let email = f.parse("email", v, Email::parse);
    let v = f.text("phone");
    let phone = f.parse("phone", v, identifiers::parse_phone).flatten();
    let (given_name, surname) = f.done(given_name.zip(surname))?;
    let guardian = NewGuardian { given_name, surname_prefix, surname, email, phone };
    let guardian = state.store.board(&staff.principal.board).create_guardian(&staff.actor(), &guardian).await?;
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
#[utoipa::path(post, path = "/pupils/{id}/guardians", tag = "guardians", params(("id" = String, Path)), request_body = LinkIn,
    responses((status = 201, body = [LinkedGuardianOut]), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn link(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<(StatusCode, Json<Vec<LinkedGuardianOut>>)> {
    let scope = staff.may(Action::GuardianManage)?;
    let board = state.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, &id).await?.ok_or_else(Problem::not_found)?;
    let mut f = Fields::new(body, &["guardian_id", "relation", "holds_custody", "recognised"]);
    let guardian_id = f.required("guardian_id");
    let v = f.required("relation");
    let relation = f.parse("relation", v, Relation::from_code);
    let holds_custody = f.boolean("holds_custody");
    let recognised = f.boolean("recognised");
    if let Some(guardian_id) = &guardian_id {
        // A guardian is linkable when the caller sees them or nobody is linked yet.
        let visible =
            board.guardian(scope, guardian_id).await?.is_some() || board.guardian_is_unlinked(guardian_id).await?;
        if !visible {
            f.errors.push(FieldError::new("guardian_id", "reference.unknown"));
        }
    }
    let values = (|| Some((guardian_id?, relation?, holds_custody?, recognised?)))();
    let (guardian_id, relation, holds_custody, recognised) = f.done(values)?;
    board.link_guardian(&staff.actor(), &pupil.id, &guardian_id, Link { relation, holds_custody, recognised }).await?;
    let guardians = board.guardians_of(&pupil.id).await?;
    Ok((StatusCode::CREATED, Json(guardians.into_iter().map(LinkedGuardianOut::from).collect())))
}
