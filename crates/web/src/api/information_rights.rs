//! Parents' information rights (seed 001 §14.13; BW 1:377b/c): who may be told what.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use crate::i18n::t;
use aantoonbaar_app::information_rights::{self, GrantInformation};
use aantoonbaar_rules::information_rights::Right;
use aantoonbaar_store::LinkedGuardian;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Serialize;
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
    Ok(Json(out(information_rights::of_pupil(&state, &staff, &id).await?)))
}

/// Records that a custodial parent (or the voogd) gave another person linked to the
/// pupil full information, with the date.
#[utoipa::path(post, path = "/pupils/{id}/information-grants", tag = "guardians", params(("id" = String, Path)),
    request_body = GrantInformation,
    responses((status = 201, body = [InformationRightOut]), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn grant(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<GrantInformation>,
) -> ApiResult<(StatusCode, Json<Vec<InformationRightOut>>)> {
    let rights = information_rights::grant(&state, &staff, &id, command).await?;
    Ok((StatusCode::CREATED, Json(out(rights))))
}
