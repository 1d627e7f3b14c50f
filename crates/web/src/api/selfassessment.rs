//! The self-assessment against a framework (seed 003: norms and maturity
//! levels, level 3 the sector's minimum): the frameworks, importing one from
//! a file (`docs/frameworks.md`), the board's assessment and its answer per norm.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::selfassessment::{self as app, AnswerCommand, AssessmentView, FrameworkSummary, NormView};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;

/// The frameworks the board can assess itself against: the shipped one
/// (`aantoonbaar-basis`) and those it imported.
#[utoipa::path(get, path = "/frameworks", tag = "selfassessment",
    responses((status = 200, body = [FrameworkSummary], description = "The frameworks"), (status = 403, body = Problem)))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<FrameworkSummary>>> {
    Ok(Json(app::frameworks(&state, &staff).await?))
}

/// Imports a framework (IBP manager); the body is the file, JSON in the
/// format of `docs/frameworks.md`. A wrong file is refused (422) naming the
/// norm and the field, and nothing is written.
#[utoipa::path(post, path = "/frameworks", tag = "selfassessment", request_body(content = String,
        content_type = "application/json", description = "The framework file (docs/frameworks.md)"),
    responses((status = 201, body = FrameworkSummary, description = "The framework"), (status = 403, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn import(
    State(state): State<AppState>,
    staff: Staff,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<FrameworkSummary>)> {
    let text = String::from_utf8_lossy(&body);
    Ok((StatusCode::CREATED, Json(app::import(&state, &staff, &text).await?)))
}

/// The board's assessment against a framework: every norm with its answer,
/// `below_minimum` (assessed below level 3) and the figure the product
/// computes where it holds the facts.
#[utoipa::path(get, path = "/frameworks/{code}/assessment", tag = "selfassessment", params(("code" = String, Path)),
    responses((status = 200, body = AssessmentView, description = "The assessment"), (status = 404, body = Problem)))]
pub async fn assessment(
    State(state): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
) -> ApiResult<Json<AssessmentView>> {
    Ok(Json(app::assessment(&state, &staff, &code).await?))
}

/// Records the board's answer for a norm (IBP manager): the level now (1–5),
/// the target (at least 3), evidence, measures, owner and due date.
#[utoipa::path(put, path = "/frameworks/{code}/norms/{reference}", tag = "selfassessment",
    params(("code" = String, Path), ("reference" = String, Path)), request_body = AnswerCommand,
    responses((status = 200, body = NormView, description = "The norm with the answer"), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn answer(
    State(state): State<AppState>,
    staff: Staff,
    Path((code, reference)): Path<(String, String)>,
    ApiJson(command): ApiJson<AnswerCommand>,
) -> ApiResult<Json<NormView>> {
    Ok(Json(app::record(&state, &staff, &code, &reference, command).await?))
}
