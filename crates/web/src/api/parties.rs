//! Systems, suppliers, processor agreements with their documents,
//! sub-processors, the recipients that are not processors, and the queues of
//! the supplier register (AVG art. 28; seed 002 §5.4.2, §9.2.3).
//!
//! A PATCH changes only the fields sent (`null` clears one) and validates the
//! result as a new record would be.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::parties::{
    self as app, AgreementCommand, AgreementDetail, AgreementView, DecideSubProcessor, Overview, Queues,
    RecipientCommand, SubProcessorCommand, SubProcessorView, SupplierCommand, SupplierDetail, SupplierView,
    SystemCommand, Upload,
};
use aantoonbaar_store::parties::{AgreementDocument, DataRecipient, InformationSystem};
use axum::Json;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};

type Patch = Map<String, Value>;

// ---------------------------------------------------------------- suppliers

/// The board's suppliers, each with whether an agreement is in force today
/// (`agreement_in_force`), whether it needs one (`needs_agreement`) and whether
/// its Privacyconvenant status is due for a check (`convenant_check_stale`).
#[utoipa::path(get, path = "/suppliers", tag = "suppliers",
    responses((status = 200, body = Vec<Object>, description = "The suppliers"), (status = 403, body = Problem)))]
pub async fn suppliers_list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<SupplierView>>> {
    Ok(Json(app::suppliers(&state, &staff).await?))
}

/// Adds a supplier (IBP manager).
#[utoipa::path(post, path = "/suppliers", tag = "suppliers", request_body = SupplierCommand,
    responses((status = 201, body = Object, description = "The supplier"), (status = 422, body = Problem)))]
pub async fn suppliers_create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<SupplierCommand>,
) -> ApiResult<(StatusCode, Json<SupplierView>)> {
    Ok((StatusCode::CREATED, Json(app::create_supplier(&state, &staff, command).await?)))
}

/// One supplier with its agreements, systems and sub-processors.
#[utoipa::path(get, path = "/suppliers/{id}", tag = "suppliers", params(("id" = String, Path)),
    responses((status = 200, body = Object, description = "The supplier"), (status = 404, body = Problem)))]
pub async fn suppliers_get(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<SupplierDetail>> {
    Ok(Json(app::supplier(&state, &staff, &id).await?))
}

/// Changes the fields sent.
#[utoipa::path(patch, path = "/suppliers/{id}", tag = "suppliers", params(("id" = String, Path)),
    request_body = SupplierCommand,
    responses((status = 200, body = Object, description = "The supplier"), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn suppliers_patch(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<Patch>,
) -> ApiResult<Json<SupplierView>> {
    Ok(Json(app::patch_supplier(&state, &staff, &id, patch).await?))
}

// ---------------------------------------------------------------- systems

/// The board's information systems.
#[utoipa::path(get, path = "/systems", tag = "systems",
    responses((status = 200, body = Vec<Object>, description = "The systems"), (status = 403, body = Problem)))]
pub async fn systems_list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<InformationSystem>>> {
    Ok(Json(app::systems(&state, &staff).await?))
}

/// Adds an information system.
#[utoipa::path(post, path = "/systems", tag = "systems", request_body = SystemCommand,
    responses((status = 201, body = Object, description = "The system"), (status = 422, body = Problem)))]
pub async fn systems_create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<SystemCommand>,
) -> ApiResult<(StatusCode, Json<InformationSystem>)> {
    Ok((StatusCode::CREATED, Json(app::create_system(&state, &staff, command).await?)))
}

/// One information system.
#[utoipa::path(get, path = "/systems/{id}", tag = "systems", params(("id" = String, Path)),
    responses((status = 200, body = Object, description = "The system"), (status = 404, body = Problem)))]
pub async fn systems_get(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<InformationSystem>> {
    Ok(Json(app::system(&state, &staff, &id).await?))
}

/// Changes the fields sent.
#[utoipa::path(patch, path = "/systems/{id}", tag = "systems", params(("id" = String, Path)),
    request_body = SystemCommand,
    responses((status = 200, body = Object, description = "The system"), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn systems_patch(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<Patch>,
) -> ApiResult<Json<InformationSystem>> {
    Ok(Json(app::patch_system(&state, &staff, &id, patch).await?))
}

// ---------------------------------------------------------------- agreements

/// The processor agreements, each with `in_force`, `ending_soon` (within 60
/// days), `review_overdue` and `deviations_missing`.
#[utoipa::path(get, path = "/processor-agreements", tag = "processor-agreements",
    responses((status = 200, body = Vec<Object>, description = "The agreements"), (status = 403, body = Problem)))]
pub async fn agreements_list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<AgreementView>>> {
    Ok(Json(app::agreements(&state, &staff).await?))
}

/// Adds a processor agreement.
#[utoipa::path(post, path = "/processor-agreements", tag = "processor-agreements", request_body = AgreementCommand,
    responses((status = 201, body = Object, description = "The agreement"), (status = 422, body = Problem)))]
pub async fn agreements_create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<AgreementCommand>,
) -> ApiResult<(StatusCode, Json<AgreementView>)> {
    Ok((StatusCode::CREATED, Json(app::create_agreement(&state, &staff, command).await?)))
}

/// One agreement with its documents (each with its SHA-256) and the
/// sub-processor notices of its supplier.
#[utoipa::path(get, path = "/processor-agreements/{id}", tag = "processor-agreements", params(("id" = String, Path)),
    responses((status = 200, body = Object, description = "The agreement"), (status = 404, body = Problem)))]
pub async fn agreements_get(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<AgreementDetail>> {
    Ok(Json(app::agreement(&state, &staff, &id).await?))
}

/// Changes the fields sent.
#[utoipa::path(patch, path = "/processor-agreements/{id}", tag = "processor-agreements",
    params(("id" = String, Path)), request_body = AgreementCommand,
    responses((status = 200, body = Object, description = "The agreement"), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn agreements_patch(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<Patch>,
) -> ApiResult<Json<AgreementView>> {
    Ok(Json(app::patch_agreement(&state, &staff, &id, patch).await?))
}

/// Reads a multipart upload: `kind`, `product`, `file`.
pub(crate) async fn read_upload(mut multipart: Multipart) -> Result<Upload, Problem> {
    let mut upload = Upload::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return Err(Problem::bad_request(crate::i18n::t("problem.body_unreadable").to_owned())),
        };
        match field.name() {
            Some("kind") => upload.kind = field.text().await.ok(),
            Some("product") => upload.product = field.text().await.ok(),
            Some("file") => {
                upload.file_name = field.file_name().map(str::to_owned);
                upload.media_type = field.content_type().map(str::to_owned);
                upload.content = field
                    .bytes()
                    .await
                    .map_err(|_| Problem::bad_request(crate::i18n::t("problem.body_unreadable").to_owned()))?
                    .to_vec();
            }
            _ => {}
        }
    }
    Ok(upload)
}

/// Uploads a document of an agreement as `multipart/form-data`: `kind`
/// (`agreement`, `privacy_annex`, `security_annex`), `product` (required for a
/// privacy annex) and `file`. The SHA-256 is computed by the server.
#[utoipa::path(post, path = "/processor-agreements/{id}/documents", tag = "processor-agreements",
    params(("id" = String, Path)),
    request_body(content = String, content_type = "multipart/form-data", description = "kind, product, file"),
    responses((status = 201, body = Object, description = "The document, with its sha256"),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn documents_upload(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    multipart: Multipart,
) -> ApiResult<(StatusCode, Json<AgreementDocument>)> {
    let upload = read_upload(multipart).await?;
    Ok((StatusCode::CREATED, Json(app::upload_document(&state, &staff, &id, upload).await?)))
}

/// The documents of an agreement.
#[utoipa::path(get, path = "/processor-agreements/{id}/documents", tag = "processor-agreements",
    params(("id" = String, Path)),
    responses((status = 200, body = Vec<Object>, description = "The documents"), (status = 404, body = Problem)))]
pub async fn documents_list(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<AgreementDocument>>> {
    Ok(Json(app::agreement(&state, &staff, &id).await?.documents))
}

/// A document's bytes as uploaded.
#[utoipa::path(get, path = "/agreement-documents/{id}", tag = "processor-agreements", params(("id" = String, Path)),
    responses((status = 200, description = "The file"), (status = 404, body = Problem)))]
pub async fn document_download(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let (document, bytes) = app::document(&state, &staff, &id).await?;
    Ok(download(&document, bytes))
}

/// The file as an attachment with its own name and type.
pub(crate) fn download(document: &AgreementDocument, bytes: Vec<u8>) -> Response {
    crate::download::attachment(&document.media_type, &document.file_name, bytes)
}

// ---------------------------------------------------------------- sub-processors

/// The sub-processors of every supplier, each with the `state` of its 30-day
/// objection clock: `open`, `overdue`, `accepted` or `objected`.
#[utoipa::path(get, path = "/sub-processors", tag = "sub-processors",
    responses((status = 200, body = Vec<Object>, description = "The sub-processors"), (status = 403, body = Problem)))]
pub async fn sub_processors_list(
    State(state): State<AppState>,
    staff: Staff,
) -> ApiResult<Json<Vec<SubProcessorView>>> {
    Ok(Json(app::sub_processors(&state, &staff).await?))
}

/// Records a supplier's notice of a (new) sub-processor; the objection
/// deadline is the notice day + 30 days.
#[utoipa::path(post, path = "/sub-processors", tag = "sub-processors", request_body = SubProcessorCommand,
    responses((status = 201, body = Object, description = "The notice"), (status = 422, body = Problem)))]
pub async fn sub_processors_create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<SubProcessorCommand>,
) -> ApiResult<(StatusCode, Json<SubProcessorView>)> {
    Ok((StatusCode::CREATED, Json(app::create_sub_processor(&state, &staff, command).await?)))
}

/// One sub-processor.
#[utoipa::path(get, path = "/sub-processors/{id}", tag = "sub-processors", params(("id" = String, Path)),
    responses((status = 200, body = Object, description = "The notice"), (status = 404, body = Problem)))]
pub async fn sub_processors_get(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<SubProcessorView>> {
    Ok(Json(app::sub_processor(&state, &staff, &id).await?))
}

/// Changes the fields sent (not the decision).
#[utoipa::path(patch, path = "/sub-processors/{id}", tag = "sub-processors", params(("id" = String, Path)),
    request_body = SubProcessorCommand,
    responses((status = 200, body = Object, description = "The notice"), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn sub_processors_patch(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<Patch>,
) -> ApiResult<Json<SubProcessorView>> {
    Ok(Json(app::patch_sub_processor(&state, &staff, &id, patch).await?))
}

/// Records the board's decision on a notice, once (409 when decided already).
#[utoipa::path(post, path = "/sub-processors/{id}/decision", tag = "sub-processors", params(("id" = String, Path)),
    request_body = DecideSubProcessor,
    responses((status = 200, body = Object, description = "The notice"), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn sub_processors_decide(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(command): ApiJson<DecideSubProcessor>,
) -> ApiResult<Json<SubProcessorView>> {
    Ok(Json(app::decide_sub_processor(&state, &staff, &id, command).await?))
}

// ---------------------------------------------------------------- recipients

/// The recipients that are not processors (DUO, the inspectorate, the
/// municipality, the next school…), each with the legal ground of the disclosure.
#[utoipa::path(get, path = "/recipients", tag = "recipients",
    responses((status = 200, body = Vec<Object>, description = "The recipients"), (status = 403, body = Problem)))]
pub async fn recipients_list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<DataRecipient>>> {
    Ok(Json(app::recipients(&state, &staff).await?))
}

/// Adds a recipient.
#[utoipa::path(post, path = "/recipients", tag = "recipients", request_body = RecipientCommand,
    responses((status = 201, body = Object, description = "The recipient"), (status = 422, body = Problem)))]
pub async fn recipients_create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<RecipientCommand>,
) -> ApiResult<(StatusCode, Json<DataRecipient>)> {
    Ok((StatusCode::CREATED, Json(app::create_recipient(&state, &staff, command).await?)))
}

/// One recipient.
#[utoipa::path(get, path = "/recipients/{id}", tag = "recipients", params(("id" = String, Path)),
    responses((status = 200, body = Object, description = "The recipient"), (status = 404, body = Problem)))]
pub async fn recipients_get(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<DataRecipient>> {
    Ok(Json(app::recipient(&state, &staff, &id).await?))
}

/// Changes the fields sent.
#[utoipa::path(patch, path = "/recipients/{id}", tag = "recipients", params(("id" = String, Path)),
    request_body = RecipientCommand,
    responses((status = 200, body = Object, description = "The recipient"), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn recipients_patch(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<Patch>,
) -> ApiResult<Json<DataRecipient>> {
    Ok(Json(app::patch_recipient(&state, &staff, &id, patch).await?))
}

/// Everyone data go to (seed 002 §9.2.3): the processors and the other
/// recipients. `Accept: application/pdf` gives the overview as a PDF.
#[utoipa::path(get, path = "/recipients/overview", tag = "recipients",
    responses((status = 200, body = Object, description = "JSON, or the PDF with `Accept: application/pdf`"),
        (status = 403, body = Problem)))]
pub async fn recipients_overview(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let wants_pdf = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("application/pdf"));
    if wants_pdf {
        return Ok(pdf(app::overview_pdf(&state, &staff).await?));
    }
    let overview: Overview = app::overview(&state, &staff).await?;
    Ok(Json(overview).into_response())
}

/// The overview PDF as a download.
pub(crate) fn pdf(bytes: Vec<u8>) -> Response {
    crate::download::attachment("application/pdf", "overzicht-ontvangers.pdf", bytes)
}

// ---------------------------------------------------------------- queues

/// The queues of the supplier register: processors without an agreement in
/// force, agreements ending within 60 days, open sub-processor notices and
/// agreements past their review date.
#[utoipa::path(get, path = "/registers/queues", tag = "suppliers",
    responses((status = 200, body = Object, description = "The queues"), (status = 403, body = Problem)))]
pub async fn queues(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Queues>> {
    Ok(Json(app::queues(&state, &staff).await?))
}
