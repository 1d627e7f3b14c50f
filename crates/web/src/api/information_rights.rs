//! Parents' information rights (seed 001 §14.13; BW 1:377b/c): who may be told what.

use super::{ApiJson, Fields};
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, FieldError, Problem};
use crate::i18n::t;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::information_rights::{Person, Right, right_of};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_store::{LinkedGuardian, Pupil};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct InformationRightOut {
    guardian_id: String,
    name: String,
    /// `full`, `limited` or `none`.
    level: String,
    /// Why, in Dutch.
    basis: String,
    basis_code: String,
    /// When a custodial parent granted full information (`YYYY-MM-DD`).
    granted_on: Option<String>,
}

/// `{guardian_id, granted_on: YYYY-MM-DD}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct GrantIn {
    guardian_id: String,
    granted_on: String,
}

/// Each guardian's right, from the pupil's family situation and the link.
#[must_use]
pub fn rights_of(pupil: &Pupil, guardians: &[LinkedGuardian]) -> Vec<(LinkedGuardian, Right)> {
    guardians
        .iter()
        .map(|g| {
            let person = Person {
                relation: g.link.relation,
                holds_custody: g.link.holds_custody,
                recognised: g.link.recognised,
                granted_full_by_custodian: g.information_granted_on.is_some(),
            };
            (g.clone(), right_of(pupil.family_situation, &person))
        })
        .collect()
}

fn out(rights: Vec<(LinkedGuardian, Right)>) -> Vec<InformationRightOut> {
    rights
        .into_iter()
        .map(|(g, right)| InformationRightOut {
            name: g.guardian.full_name(),
            guardian_id: g.guardian.id,
            level: right.level.code().to_owned(),
            basis: t(&format!("information_rights.basis.{}", right.basis.code())).to_owned(),
            basis_code: right.basis.code().to_owned(),
            granted_on: g.information_granted_on.map(|d| d.to_string()),
        })
        .collect()
}

/// What each parent or guardian of the pupil may be told.
#[utoipa::path(get, path = "/pupils/{id}/information-rights", tag = "guardians", params(("id" = String, Path)),
    responses((status = 200, body = [InformationRightOut]), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<InformationRightOut>>> {
    let scope = staff.may(Action::GuardianView)?;
    let board = state.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, &id).await?.ok_or_else(Problem::not_found)?;
    board.record_view(&staff.actor(), "pupil_guardians", &pupil.id).await?;
    let guardians = board.guardians_of(&pupil.id).await?;
    Ok(Json(out(rights_of(&pupil, &guardians))))
}

/// Records that a custodial parent (or the voogd) gave another person linked to the
/// pupil full information, with the date.
#[utoipa::path(post, path = "/pupils/{id}/information-grants", tag = "guardians", params(("id" = String, Path)),
    request_body = GrantIn,
    responses((status = 201, body = [InformationRightOut]), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn grant(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<(StatusCode, Json<Vec<InformationRightOut>>)> {
    let scope = staff.may(Action::GuardianManage)?;
    let board = state.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, &id).await?.ok_or_else(Problem::not_found)?;
    let mut f = Fields::new(body, &["guardian_id", "granted_on"]);
    let guardian_id = f.required("guardian_id");
    let v = f.required("granted_on");
    let granted_on = f.parse("granted_on", v, parse_iso_date);
    let guardians = board.guardians_of(&pupil.id).await?;
    if let Some(guardian_id) = &guardian_id
        && !guardians.iter().any(|g| &g.guardian.id == guardian_id)
    {
        f.errors.push(FieldError::new("guardian_id", "information_rights.not_linked"));
    }
    if granted_on.is_some_and(|d| d > state.clock.today()) {
        f.errors.push(FieldError::new("granted_on", "information_rights.future"));
    }
    let (guardian_id, granted_on) = f.done(guardian_id.zip(granted_on))?;
    board.grant_information(&staff.actor(), &pupil.id, &guardian_id, granted_on).await?;
    let guardians = board.guardians_of(&pupil.id).await?;
    Ok((StatusCode::CREATED, Json(out(rights_of(&pupil, &guardians)))))
}
