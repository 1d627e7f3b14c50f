//! The risk analysis (seed 001 §6.2, §14.15): the risks with their score
//! (likelihood × impact) and class, the twenty risks of the board's policy to
//! start from, and the 3×3 heat map.
//!
//! A PATCH changes only the fields sent (`null` clears one) and validates the
//! result as a new risk would be.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::risks::{self as app, HeatMap, Levels, LevelsCommand, RiskCommand, RiskView};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::{Map, Value};

/// The board's risks, highest score first, each with `score`, `level`
/// (`low`, `medium`, `high`), `residual_score` and `needs_measures`.
#[utoipa::path(get, path = "/risks", tag = "risks",
    responses((status = 200, body = [RiskView], description = "The risks"), (status = 403, body = Problem)))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<RiskView>>> {
    Ok(Json(app::risks(&state, &staff).await?))
}

/// Adds a risk (IBP manager). Likelihood and impact are 1, 2 or 3.
#[utoipa::path(post, path = "/risks", tag = "risks", request_body = RiskCommand,
    responses((status = 201, body = RiskView, description = "The risk"), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<RiskCommand>,
) -> ApiResult<(StatusCode, Json<RiskView>)> {
    Ok((StatusCode::CREATED, Json(app::create_risk(&state, &staff, command).await?)))
}

/// One risk.
#[utoipa::path(get, path = "/risks/{id}", tag = "risks", params(("id" = String, Path)),
    responses((status = 200, body = RiskView, description = "The risk"), (status = 404, body = Problem)))]
pub async fn get(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<RiskView>> {
    Ok(Json(app::risk(&state, &staff, &id).await?))
}

/// Changes the fields sent (IBP manager).
#[utoipa::path(patch, path = "/risks/{id}", tag = "risks", params(("id" = String, Path)),
    request_body = RiskCommand,
    responses((status = 200, body = RiskView, description = "The risk"), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn patch(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<Map<String, Value>>,
) -> ApiResult<Json<RiskView>> {
    Ok(Json(app::patch_risk(&state, &staff, &id, patch).await?))
}

/// Starts the risk analysis with the twenty risks of the board's policy (seed
/// 001 §14.15) it does not have yet; 409 when it has them all.
#[utoipa::path(post, path = "/risks/seed", tag = "risks",
    responses((status = 201, body = [RiskView], description = "The risks added"), (status = 409, body = Problem)))]
pub async fn seed(State(state): State<AppState>, staff: Staff) -> ApiResult<(StatusCode, Json<Vec<RiskView>>)> {
    Ok((StatusCode::CREATED, Json(app::seed(&state, &staff).await?)))
}

/// The 3×3 heat map: per likelihood (3 first) the number of risks per impact.
#[utoipa::path(get, path = "/risks/heat-map", tag = "risks",
    responses((status = 200, body = HeatMap, description = "The heat map"), (status = 403, body = Problem)))]
pub async fn heat_map(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<HeatMap>> {
    Ok(Json(app::heat(&state, &staff).await?))
}

/// The board's classification of scores: medium from `medium_from`, high from
/// `high_from` (default 3 and 6; seed 001 §14.15 leaves it to the board).
#[utoipa::path(get, path = "/risks/levels", tag = "risks",
    responses((status = 200, body = Levels, description = "The classification"), (status = 403, body = Problem)))]
pub async fn levels(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Levels>> {
    Ok(Json(app::levels(&state, &staff).await?))
}

/// Sets the board's classification of scores (IBP manager).
#[utoipa::path(put, path = "/risks/levels", tag = "risks", request_body = LevelsCommand,
    responses((status = 200, body = Levels, description = "The classification"), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
pub async fn set_levels(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<LevelsCommand>,
) -> ApiResult<Json<Levels>> {
    Ok(Json(app::set_levels(&state, &staff, command).await?))
}
