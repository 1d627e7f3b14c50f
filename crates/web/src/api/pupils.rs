//! Pupils. Reading one pupil is written to the audit trail.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::pupils::{self, PupilFields};
use aantoonbaar_rules::Action;
use aantoonbaar_store::{Pupil, PupilQuery};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct PupilOut {
    id: String,
    school_id: String,
    group_id: String,
    external_number: String,
    given_name: String,
    surname_prefix: Option<String>,
    surname: String,
    /// `YYYY-MM-DD`
    birth_date: String,
    enrolment_date: String,
    leave_date: Option<String>,
    /// `primary_school, secondary_school, special_education, not_admitted, abroad, other`
    leave_destination: Option<String>,
    /// `together, separated, guardianship`
    family_situation: Option<String>,
    /// The pupil's own address, for the consent portal from the 16th birthday.
    email: Option<String>,
    full_name: String,
}

impl From<Pupil> for PupilOut {
    fn from(p: Pupil) -> Self {
        Self {
            full_name: p.full_name(),
            id: p.id,
            school_id: p.school_id,
            group_id: p.group_id,
            external_number: p.external_number,
            given_name: p.given_name,
            surname_prefix: p.surname_prefix,
            surname: p.surname,
            birth_date: p.birth_date.to_string(),
            enrolment_date: p.enrolment_date.to_string(),
            leave_date: p.leave_date.map(|d| d.to_string()),
            leave_destination: p.leave_destination.map(|d| d.code().to_owned()),
            family_situation: p.family_situation.map(|f| f.code().to_owned()),
            email: p.email,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PupilPage {
    pupils: Vec<PupilOut>,
    /// How many pupils match in all.
    total: i64,
}

#[derive(Deserialize, IntoParams)]
pub struct PupilFilter {
    /// Part of a name or pupil number.
    q: Option<String>,
    school_id: Option<String>,
    group_id: Option<String>,
    /// Also pupils who have left.
    #[serde(default)]
    include_left: bool,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// Pupils the caller may see, by name or number.
#[utoipa::path(get, path = "/pupils", tag = "pupils", params(PupilFilter), responses((status = 200, body = PupilPage)))]
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(filter): Query<PupilFilter>,
) -> ApiResult<Json<PupilPage>> {
    let scope = staff.may(Action::PupilView)?;
    let query = PupilQuery {
        text: filter.q,
        school_id: filter.school_id,
        group_id: filter.group_id,
        include_left: filter.include_left,
        today: Some(state.clock.today()),
        limit: filter.limit.unwrap_or(100),
        offset: filter.offset.unwrap_or(0),
    };
    let board = state.store.board(&staff.principal.board);
    let (pupils, total) = board.pupils(scope, &query).await?;
    let shown: Vec<String> = pupils.iter().map(|p| p.id.clone()).collect();
    board.record_views(&staff.actor(), "pupil", &shown).await?;
    Ok(Json(PupilPage { pupils: pupils.into_iter().map(PupilOut::from).collect(), total }))
}

/// Adds a pupil.
#[utoipa::path(post, path = "/pupils", tag = "pupils", request_body = PupilFields,
    responses((status = 201, body = PupilOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(fields): ApiJson<PupilFields>,
) -> ApiResult<(StatusCode, Json<PupilOut>)> {
    let pupil = pupils::create(&state, &staff, fields).await?;
    Ok((StatusCode::CREATED, Json(pupil.into())))
}

/// One pupil. The view is recorded in the audit trail.
#[utoipa::path(get, path = "/pupils/{id}", tag = "pupils", params(("id" = String, Path)),
    responses((status = 200, body = PupilOut), (status = 404, body = Problem)))]
pub async fn get(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<PupilOut>> {
    let scope = staff.may(Action::PupilView)?;
    let board = state.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, &id).await?.ok_or_else(Problem::not_found)?;
    board.record_view(&staff.actor(), "pupil", &pupil.id).await?;
    Ok(Json(pupil.into()))
}

/// Changes any of a pupil's fields.
#[utoipa::path(patch, path = "/pupils/{id}", tag = "pupils", params(("id" = String, Path)), request_body = PupilFields,
    responses((status = 200, body = PupilOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(fields): ApiJson<PupilFields>,
) -> ApiResult<Json<PupilOut>> {
    Ok(Json(pupils::update(&state, &staff, &id, fields).await?.into()))
}
