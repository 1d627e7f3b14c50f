//! Schools and their groups.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::schools::{self, CreateGroup, CreateSchool};
use aantoonbaar_rules::Action;
use aantoonbaar_store::{Group, School};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct SchoolOut {
    id: String,
    name: String,
    brin: String,
}

impl From<School> for SchoolOut {
    fn from(s: School) -> Self {
        Self { id: s.id, name: s.name, brin: s.brin }
    }
}

#[derive(Serialize, ToSchema)]
pub struct GroupOut {
    id: String,
    school_id: String,
    name: String,
    /// Pupils currently in the group.
    pupil_count: i64,
}

impl From<Group> for GroupOut {
    fn from(g: Group) -> Self {
        Self { id: g.id, school_id: g.school_id, name: g.name, pupil_count: g.pupil_count }
    }
}

#[derive(Deserialize, IntoParams)]
pub struct GroupFilter {
    /// Only the groups of this school.
    school_id: Option<String>,
}

/// The schools the caller may see.
#[utoipa::path(get, path = "/schools", tag = "schools", responses((status = 200, body = [SchoolOut])))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<SchoolOut>>> {
    let scope = staff.may(Action::SchoolView)?;
    let schools = state.store.board(&staff.principal.board).schools(scope).await?;
    Ok(Json(schools.into_iter().map(SchoolOut::from).collect()))
}

/// Adds a school (IBP manager).
#[utoipa::path(post, path = "/schools", tag = "schools", request_body = CreateSchool,
    responses((status = 201, body = SchoolOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<CreateSchool>,
) -> ApiResult<(StatusCode, Json<SchoolOut>)> {
    let school = schools::create(&state, &staff, command).await?;
    Ok((StatusCode::CREATED, Json(school.into())))
}

/// One school.
#[utoipa::path(get, path = "/schools/{id}", tag = "schools", params(("id" = String, Path)),
    responses((status = 200, body = SchoolOut), (status = 404, body = Problem)))]
pub async fn get(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<SchoolOut>> {
    let scope = staff.may(Action::SchoolView)?;
    let school = state.store.board(&staff.principal.board).school(scope, &id).await?.ok_or_else(Problem::not_found)?;
    Ok(Json(school.into()))
}

/// The groups the caller may see.
#[utoipa::path(get, path = "/groups", tag = "groups", params(GroupFilter), responses((status = 200, body = [GroupOut])))]
pub async fn groups_list(
    State(state): State<AppState>,
    staff: Staff,
    Query(filter): Query<GroupFilter>,
) -> ApiResult<Json<Vec<GroupOut>>> {
    let scope = staff.may(Action::GroupView)?;
    let groups = state.store.board(&staff.principal.board).groups(scope, filter.school_id.as_deref()).await?;
    Ok(Json(groups.into_iter().map(GroupOut::from).collect()))
}

/// Adds a group to a school.
#[utoipa::path(post, path = "/groups", tag = "groups", request_body = CreateGroup,
    responses((status = 201, body = GroupOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn groups_create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<CreateGroup>,
) -> ApiResult<(StatusCode, Json<GroupOut>)> {
    let group = schools::create_group(&state, &staff, command).await?;
    Ok((StatusCode::CREATED, Json(group.into())))
}

/// One group.
#[utoipa::path(get, path = "/groups/{id}", tag = "groups", params(("id" = String, Path)),
    responses((status = 200, body = GroupOut), (status = 404, body = Problem)))]
pub async fn group_get(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<GroupOut>> {
    let scope = staff.may(Action::GroupView)?;
    let group = state.store.board(&staff.principal.board).group(scope, &id).await?.ok_or_else(Problem::not_found)?;
    Ok(Json(group.into()))
}
