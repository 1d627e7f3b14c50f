//! The processing register: the board's profile, the activities with what
//! they miss, the FG's comments, adoption, its versions and what changed.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::register::activities::{self, ActivityCommand, Checked, Completeness, Missing};
use aantoonbaar_app::register::adoption::{self, ActivityChange, Adopt, Adopted};
use aantoonbaar_app::register::comments::{self, Comment};
use aantoonbaar_app::register::profile::{self, SetProfile};
use aantoonbaar_app::register::template;
use aantoonbaar_rules::register::{Activity, BoardProfile, Register};
use aantoonbaar_store::{RegisterComment, RegisterVersion};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

/// The board's profile, or 404 before it is set.
#[utoipa::path(get, path = "/board/profile", tag = "register",
    responses((status = 200, body = Object), (status = 404, body = Problem)))]
pub async fn get_profile(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<BoardProfile>> {
    let found = profile::get(&state, &staff).await?;
    Ok(Json(found.ok_or_else(Problem::not_found)?))
}

/// Sets the board's profile: the controller and the FG (IBP manager).
#[utoipa::path(put, path = "/board/profile", tag = "register", request_body = SetProfile,
    responses((status = 200, body = Object), (status = 422, body = Problem)))]
pub async fn put_profile(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<SetProfile>,
) -> ApiResult<Json<BoardProfile>> {
    Ok(Json(profile::set(&state, &staff, command).await?))
}

/// One processing activity with what it misses.
#[derive(Serialize, ToSchema)]
pub struct ActivityOut {
    id: String,
    /// Only this school; absent: every school of the board.
    #[serde(skip_serializing_if = "Option::is_none")]
    school_id: Option<String>,
    #[serde(flatten)]
    #[schema(value_type = Object)]
    activity: Activity,
    created_at: String,
    updated_at: String,
    completeness: Completeness,
}

impl From<Checked> for ActivityOut {
    fn from(c: Checked) -> Self {
        Self {
            id: c.stored.id,
            school_id: c.stored.school_id,
            activity: c.stored.activity,
            created_at: c.stored.created_at.to_string(),
            updated_at: c.stored.updated_at.to_string(),
            completeness: c.completeness,
        }
    }
}

/// Every activity the caller may see (a director: the board-wide ones and their school's).
#[utoipa::path(get, path = "/processing-activities", tag = "register",
    responses((status = 200, body = [ActivityOut])))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<ActivityOut>>> {
    let overview = activities::list(&state, &staff).await?;
    Ok(Json(overview.activities.into_iter().map(ActivityOut::from).collect()))
}

/// Adds a processing activity (IBP manager); the answer says what it still misses.
#[utoipa::path(post, path = "/processing-activities", tag = "register", request_body = ActivityCommand,
    responses((status = 201, body = ActivityOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<ActivityCommand>,
) -> ApiResult<(StatusCode, Json<ActivityOut>)> {
    let checked = activities::create(&state, &staff, command).await?;
    Ok((StatusCode::CREATED, Json(checked.into())))
}

/// One activity.
#[utoipa::path(get, path = "/processing-activities/{id}", tag = "register", params(("id" = String, Path)),
    responses((status = 200, body = ActivityOut), (status = 404, body = Problem)))]
pub async fn get(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<ActivityOut>> {
    Ok(Json(activities::get(&state, &staff, &id).await?.into()))
}

/// Changes an activity: only the fields sent. A change to an adopted activity
/// makes it a draft until the register is adopted again.
#[utoipa::path(patch, path = "/processing-activities/{id}", tag = "register", params(("id" = String, Path)),
    request_body = ActivityCommand,
    responses((status = 200, body = ActivityOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<ActivityCommand>,
) -> ApiResult<Json<ActivityOut>> {
    Ok(Json(activities::update(&state, &staff, &id, command).await?.into()))
}

#[derive(Serialize, ToSchema)]
pub struct CommentOut {
    id: String,
    author_name: String,
    text: String,
    created_at: String,
}

impl From<RegisterComment> for CommentOut {
    fn from(c: RegisterComment) -> Self {
        Self { id: c.id, author_name: c.author_name, text: c.body, created_at: c.created_at.to_string() }
    }
}

/// The FG's comments on an activity.
#[utoipa::path(get, path = "/processing-activities/{id}/comments", tag = "register", params(("id" = String, Path)),
    responses((status = 200, body = [CommentOut]), (status = 404, body = Problem)))]
pub async fn comments_list(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<CommentOut>>> {
    Ok(Json(comments::list(&state, &staff, &id).await?.into_iter().map(CommentOut::from).collect()))
}

/// Adds the FG's comment to an activity.
#[utoipa::path(post, path = "/processing-activities/{id}/comments", tag = "register", params(("id" = String, Path)),
    request_body = Comment,
    responses((status = 201, body = CommentOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn comments_add(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<Comment>,
) -> ApiResult<(StatusCode, Json<CommentOut>)> {
    Ok((StatusCode::CREATED, Json(comments::add(&state, &staff, &id, command).await?.into())))
}

/// The open findings of the register: per activity and about the register as a whole.
#[derive(Serialize, ToSchema)]
pub struct FindingsOut {
    /// Every open finding.
    open: usize,
    /// About the register as a whole (a system in use no activity mentions).
    register: Vec<Missing>,
    activities: Vec<ActivityFindings>,
}

#[derive(Serialize, ToSchema)]
pub struct ActivityFindings {
    id: String,
    name: String,
    missing: Vec<Missing>,
}

/// What the register misses, by art. 30(1) item and cross-check.
#[utoipa::path(get, path = "/processing-register/findings", tag = "register",
    responses((status = 200, body = FindingsOut)))]
pub async fn findings(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<FindingsOut>> {
    let overview = activities::list(&state, &staff).await?;
    let open = overview.open_findings();
    Ok(Json(FindingsOut {
        open,
        register: overview.register_findings,
        activities: overview
            .activities
            .into_iter()
            .filter(|a| !a.completeness.complete)
            .map(|a| ActivityFindings {
                id: a.stored.id,
                name: a.stored.activity.name,
                missing: a.completeness.missing,
            })
            .collect(),
    }))
}

/// An adopted version.
#[derive(Serialize, ToSchema)]
pub struct VersionOut {
    version: i64,
    adopted_at: String,
    adopted_by: String,
    decision: String,
    /// Hex SHA-256 of the snapshot; the same hash is in the audit trail.
    sha256: String,
    /// The snapshot itself (only for one version).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    register: Option<Register>,
}

impl From<Adopted> for VersionOut {
    fn from(a: Adopted) -> Self {
        Self {
            version: a.version,
            adopted_at: a.adopted_at.to_string(),
            adopted_by: a.adopted_by,
            decision: a.decision,
            sha256: a.sha256,
            register: Some(a.register),
        }
    }
}

impl From<RegisterVersion> for VersionOut {
    fn from(v: RegisterVersion) -> Self {
        Self {
            version: v.version,
            adopted_at: v.adopted_at.to_string(),
            adopted_by: v.adopted_by_name,
            decision: v.decision,
            sha256: v.sha256,
            register: None,
        }
    }
}

/// Adopts the register as it is now (the CvB): a new version whose hash goes into the audit trail.
#[utoipa::path(post, path = "/processing-register/adopt", tag = "register", request_body = Adopt,
    responses((status = 201, body = VersionOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn adopt(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<Adopt>,
) -> ApiResult<(StatusCode, Json<VersionOut>)> {
    Ok((StatusCode::CREATED, Json(adoption::adopt(&state, &staff, command).await?.into())))
}

/// Every adopted version, newest first.
#[utoipa::path(get, path = "/processing-register/versions", tag = "register",
    responses((status = 200, body = [VersionOut])))]
pub async fn versions(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<VersionOut>>> {
    Ok(Json(adoption::versions(&state, &staff).await?.into_iter().map(VersionOut::from).collect()))
}

/// One adopted version with its snapshot.
#[utoipa::path(get, path = "/processing-register/versions/{version}", tag = "register",
    params(("version" = i64, Path)), responses((status = 200, body = VersionOut), (status = 404, body = Problem)))]
pub async fn version(
    State(state): State<AppState>,
    staff: Staff,
    Path(number): Path<i64>,
) -> ApiResult<Json<VersionOut>> {
    Ok(Json(adoption::version(&state, &staff, number).await?.into()))
}

/// What changed since the newest adoption.
#[utoipa::path(get, path = "/processing-register/changes", tag = "register",
    responses((status = 200, body = [ActivityChange])))]
pub async fn changes(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<ActivityChange>>> {
    Ok(Json(adoption::changes_since_adoption(&state, &staff).await?))
}

/// Starts an empty register from the template built from the seeds (IBP manager).
#[utoipa::path(post, path = "/processing-register/template", tag = "register",
    responses((status = 201, body = [ActivityOut]), (status = 409, body = Problem)))]
pub async fn apply_template(
    State(state): State<AppState>,
    staff: Staff,
) -> ApiResult<(StatusCode, Json<Vec<ActivityOut>>)> {
    let created = template::apply(&state, &staff).await?;
    Ok((StatusCode::CREATED, Json(created.into_iter().map(ActivityOut::from).collect())))
}
