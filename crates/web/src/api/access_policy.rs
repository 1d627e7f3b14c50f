//! The access policy per information system and its authorisation matrix
//! with versions (seed 001 §13, §13.2; issue 16). Reading needs
//! `AccessPolicyView` (CvB, IBP manager, FG, directors), writing
//! `AccessPolicyManage` (the IBP manager).

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::access::matrix::{self, MatrixCommand, MatrixOut, VersionDetail, VersionOut};
use aantoonbaar_app::access::policy::{self, PolicyCommand, SystemPolicy};
use axum::Json;
use axum::extract::{Path, State};

/// Every system of the register with its policy state: the policy (or
/// `null`), the matrix version in force and the warnings.
#[utoipa::path(get, path = "/access-policies", tag = "access",
    responses((status = 200, body = [SystemPolicy]), (status = 403, body = Problem)))]
pub async fn overview(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<SystemPolicy>>> {
    Ok(Json(policy::overview(&state, &staff).await?))
}

/// One system's access policy, with the register's data and classification.
#[utoipa::path(get, path = "/systems/{id}/access-policy", tag = "access", params(("id" = String, Path)),
    responses((status = 200, body = SystemPolicy), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_policy(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<SystemPolicy>> {
    Ok(Json(policy::policy(&state, &staff, &id).await?))
}

/// Sets a system's access policy (whole); audited with the fields that changed.
#[utoipa::path(put, path = "/systems/{id}/access-policy", tag = "access", params(("id" = String, Path)),
    request_body = PolicyCommand,
    responses((status = 200, body = SystemPolicy), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn put_policy(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<PolicyCommand>,
) -> ApiResult<Json<SystemPolicy>> {
    Ok(Json(policy::set_policy(&state, &staff, &id, command).await?))
}

/// The matrix in force, with its version (`null` and no rows when none was saved).
#[utoipa::path(get, path = "/systems/{id}/matrix", tag = "access", params(("id" = String, Path)),
    responses((status = 200, body = MatrixOut), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_matrix(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<MatrixOut>> {
    Ok(Json(matrix::matrix(&state, &staff, &id).await?))
}

/// Saves a new version of the matrix, replacing the whole matrix in force;
/// a wrong row is a 422 naming it (`rows[2].role`).
#[utoipa::path(put, path = "/systems/{id}/matrix", tag = "access", params(("id" = String, Path)),
    request_body = MatrixCommand,
    responses((status = 200, body = MatrixOut), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn put_matrix(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<MatrixCommand>,
) -> ApiResult<Json<MatrixOut>> {
    Ok(Json(matrix::save_matrix(&state, &staff, &id, command).await?))
}

/// The saved versions of a system's matrix, newest first.
#[utoipa::path(get, path = "/systems/{id}/matrix/versions", tag = "access", params(("id" = String, Path)),
    responses((status = 200, body = [VersionOut]), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn versions(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<VersionOut>>> {
    Ok(Json(matrix::versions(&state, &staff, &id).await?))
}

/// One version of the matrix with what changed since the version before it.
#[utoipa::path(get, path = "/systems/{id}/matrix/versions/{version}", tag = "access",
    params(("id" = String, Path), ("version" = i64, Path)),
    responses((status = 200, body = VersionDetail), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn version(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, version)): Path<(String, String)>,
) -> ApiResult<Json<VersionDetail>> {
    // A version that is no number is a version never saved.
    let version = version.parse::<i64>().map_err(|_| aantoonbaar_app::Error::NotFound)?;
    Ok(Json(matrix::version(&state, &staff, &id, version).await?))
}
