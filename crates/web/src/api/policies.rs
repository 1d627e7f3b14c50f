//! The board's policy documents and the staff's signatures (issue 17; seed
//! 001's version table, §14.8; seed 002 §8.1.2).

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::policy_documents::{
    self, AdoptCommand, KindOverview, PolicyCommand, PolicyOut, SignCommand, SignatureStatus, SignedRow, Upload,
};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Every kind with its version in force and its other versions (drafts only
/// for the IBP manager, the board and the FG).
#[utoipa::path(get, path = "/policies", tag = "policies",
    responses((status = 200, body = [KindOverview]), (status = 403, body = Problem)))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<KindOverview>>> {
    Ok(Json(policy_documents::overview(&state, &staff).await?))
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    id: String,
    #[serde(flatten)]
    policy: PolicyOut,
}

/// Writes a new draft version of a kind: `{kind, title, version, change_note?, text?}`
/// (or upload a file next with `PUT /policies/{id}/file`).
#[utoipa::path(post, path = "/policies", tag = "policies", request_body = PolicyCommand,
    responses((status = 201, body = Created), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<PolicyCommand>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let policy = policy_documents::create(&state, &staff, command).await?;
    Ok((StatusCode::CREATED, Json(Created { id: policy.id.clone(), policy })))
}

/// One version.
#[utoipa::path(get, path = "/policies/{id}", tag = "policies", params(("id" = String, Path)),
    responses((status = 200, body = PolicyOut), (status = 404, body = Problem)))]
pub async fn get(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<PolicyOut>> {
    Ok(Json(policy_documents::one(&state, &staff, &id).await?))
}

/// Changes a draft; an adopted version is fixed (409).
#[utoipa::path(put, path = "/policies/{id}", tag = "policies", params(("id" = String, Path)),
    request_body = PolicyCommand,
    responses((status = 200, body = PolicyOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<PolicyCommand>,
) -> ApiResult<Json<PolicyOut>> {
    Ok(Json(policy_documents::update(&state, &staff, &id, command).await?))
}

/// Reads a multipart upload's `file`.
pub(crate) async fn read_file(mut multipart: Multipart) -> Result<Upload, Problem> {
    let unreadable = || Problem::bad_request(crate::i18n::t("problem.body_unreadable").to_owned());
    let mut upload = Upload::default();
    while let Some(field) = multipart.next_field().await.map_err(|_| unreadable())? {
        if field.name() == Some("file") {
            upload.file_name = field.file_name().map(str::to_owned);
            upload.media_type = field.content_type().map(str::to_owned);
            upload.content = field.bytes().await.map_err(|_| unreadable())?.to_vec();
        }
    }
    Ok(upload)
}

/// Puts a file (PDF, Word) in a draft as `multipart/form-data` with `file`;
/// its SHA-256 is computed by the server.
#[utoipa::path(put, path = "/policies/{id}/file", tag = "policies", params(("id" = String, Path)),
    request_body(content = String, content_type = "multipart/form-data", description = "file"),
    responses((status = 200, body = PolicyOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn put_file(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    multipart: Multipart,
) -> ApiResult<Json<PolicyOut>> {
    let upload = read_file(multipart).await?;
    Ok(Json(policy_documents::attach_file(&state, &staff, &id, upload).await?))
}

/// A version's uploaded file.
#[utoipa::path(get, path = "/policies/{id}/file", tag = "policies", params(("id" = String, Path)),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>),
        (status = 404, body = Problem)))]
pub async fn get_file(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Response> {
    let (doc, media_type, bytes) = policy_documents::file(&state, &staff, &id).await?;
    Ok(crate::download::attachment(&media_type, doc.file_name.as_deref().unwrap_or("document"), bytes))
}

/// Records the CvB's adoption: `{adopted_on, by: "CvB", gmr_consent_on?, public?}`.
/// The version is in force from then; for the code of conduct and the
/// confidentiality statement every employee is asked to sign it.
#[utoipa::path(post, path = "/policies/{id}/adopt", tag = "policies", params(("id" = String, Path)),
    request_body = AdoptCommand,
    responses((status = 200, body = PolicyOut), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn adopt(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<AdoptCommand>,
) -> ApiResult<Json<PolicyOut>> {
    Ok(Json(policy_documents::adopt(&state, &staff, &id, command).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct Publication {
    /// Shown on the board's public page.
    public: bool,
}

/// Shows an adopted version on the board's public page, or takes it off.
#[utoipa::path(put, path = "/policies/{id}/public", tag = "policies", params(("id" = String, Path)),
    request_body = Publication,
    responses((status = 200, body = PolicyOut), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn publish(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Publication>,
) -> ApiResult<Json<PolicyOut>> {
    Ok(Json(policy_documents::publish(&state, &staff, &id, body.public).await?))
}

/// Who signed the version and who has not, in the caller's schools.
#[utoipa::path(get, path = "/policies/{id}/signatures", tag = "policies", params(("id" = String, Path)),
    responses((status = 200, body = SignatureStatus), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem)))]
pub async fn signatures(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<SignatureStatus>> {
    Ok(Json(policy_documents::signatures(&state, &staff, &id).await?))
}

/// Signs the version in force: with no body (or `{}`) the signed-in
/// employee signs; `{staff_id, on, channel: "paper"}` records a paper
/// signature (the administration, the IBP manager).
#[utoipa::path(post, path = "/policies/{id}/signatures", tag = "policies", params(("id" = String, Path)),
    request_body(content = SignCommand, description = "empty for one's own signature"),
    responses((status = 201, body = SignedRow), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn sign(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<SignedRow>)> {
    let command: SignCommand =
        if body.iter().all(u8::is_ascii_whitespace) { SignCommand::default() } else { super::json_body(&body)? };
    Ok((StatusCode::CREATED, Json(policy_documents::sign(&state, &staff, &id, command).await?)))
}
