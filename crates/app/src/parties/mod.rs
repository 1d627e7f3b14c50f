//! Systems, suppliers, processor agreements (AVG art. 28), sub-processors and
//! the recipients that are not processors (seed 002 §9.2.3): the operations
//! the API and the pages share, the queues, the overview "op verzoek
//! beschikbaar" and what the completeness check of the register reads
//! ([`facts`], [`registered_systems`]).

pub mod reminders;

use crate::error::{Error, FieldError, Result};
use crate::i18n::{t, tf};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, rule};
use crate::{App, Staff};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::register::parties::{
    AgreementModel, ConvenantStatus, DocumentKind, RecipientKind, SubProcessorDecision, any_in_force,
    convenant_check_stale, ending_soon, notice_state, objection_deadline, review_overdue,
};
use aantoonbaar_rules::register::{
    Classification, RegisteredSystem, Safeguard, SupplierFacts, SystemFacts, agreement_in_force, countries,
};
use aantoonbaar_rules::{Action, Invalid};
use aantoonbaar_store::parties::{
    Agreement, AgreementData, AgreementDocument, DataRecipient, InformationSystem, NewAgreementDocument, RecipientData,
    SubProcessor, SubProcessorData, Supplier, SupplierData, SystemData,
};
use aantoonbaar_store::{BoardId, BoardStore};
use jiff::civil::Date;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The longest name of a supplier, system, sub-processor or recipient.
pub const NAME_LIMIT: usize = 200;
/// The largest document an agreement takes: 10 MB.
pub const DOCUMENT_LIMIT: usize = 10 * 1024 * 1024;

// ---------------------------------------------------------------- field names

/// Each field of the forms with the catalogue key of its label, so an error
/// names the field as the person reads it ("Naam: dit veld is verplicht.").
const LABELS: &[(&str, &str)] = &[
    ("name", "parties.field.name"),
    ("processor", "parties.field.processor"),
    ("convenant_status", "parties.field.convenant_status"),
    ("convenant_checked_on", "parties.field.convenant_checked_on"),
    ("data_location", "parties.field.data_location"),
    ("contact", "parties.field.contact"),
    ("supplier_id", "parties.field.supplier"),
    ("product", "parties.field.product"),
    ("holds", "parties.field.holds"),
    ("classification", "parties.field.classification"),
    ("in_use", "parties.field.in_use"),
    ("model", "parties.field.model"),
    ("deviations", "parties.field.deviations"),
    ("signed_at", "parties.field.signed_at"),
    ("signed_by", "parties.field.signed_by"),
    ("effective_from", "parties.field.effective_from"),
    ("ends_at", "parties.field.ends_at"),
    ("review_date", "parties.field.review_date"),
    ("location", "parties.field.location"),
    ("safeguard", "parties.field.safeguard"),
    ("notified_on", "parties.field.notified_on"),
    ("decision", "parties.field.decision"),
    ("decided_on", "parties.field.decided_on"),
    ("note", "parties.field.note"),
    ("kind", "parties.field.kind"),
    ("legal_ground", "parties.field.legal_ground"),
    ("shared", "parties.field.shared"),
    ("occasion", "parties.field.occasion"),
    ("document_kind", "parties.field.document_kind"),
    ("file", "parties.field.file"),
];

/// Every error with its field named as its label reads; an unknown field keeps its text.
#[must_use]
pub fn named(errors: Vec<FieldError>) -> Vec<FieldError> {
    crate::input::labelled(errors, LABELS)
}

fn invalid(errors: Vec<FieldError>) -> Error {
    Error::Invalid(named(errors))
}

// ---------------------------------------------------------------- readers

fn code<T>(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: Option<Given<String>>,
    required: bool,
    parse: impl FnOnce(&str) -> Result<T, Invalid>,
) -> Option<T> {
    let text = given_text(errors, field, value, required, TEXT_LIMIT)?;
    rule(errors, field, Some(text), parse)
}

fn date(errors: &mut Vec<FieldError>, field: &str, value: Option<Given<String>>, required: bool) -> Option<Date> {
    code(errors, field, value, required, parse_iso_date)
}

fn country(errors: &mut Vec<FieldError>, field: &str, value: Option<Given<String>>) -> Option<String> {
    code(errors, field, value, false, |c| countries::parse(c).map_err(|_| Invalid::new("parties.country_format")))
}

fn flag(errors: &mut Vec<FieldError>, field: &str, value: Option<Given<bool>>, default: bool) -> bool {
    match value {
        None => default,
        Some(Given::Value(b)) => b,
        Some(Given::Wrong) => {
            errors.push(FieldError::new(field, "field.not_boolean"));
            default
        }
    }
}

fn short(errors: &mut Vec<FieldError>, field: &str, value: Option<Given<String>>, required: bool) -> Option<String> {
    given_text(errors, field, value, required, NAME_LIMIT)
}

fn long(errors: &mut Vec<FieldError>, field: &str, value: Option<Given<String>>, required: bool) -> Option<String> {
    given_text(errors, field, value, required, TEXT_LIMIT)
}

fn not_after(errors: &mut Vec<FieldError>, field: &str, day: Option<Date>, today: Date) -> Option<Date> {
    if day.is_some_and(|d| d > today) {
        errors.push(FieldError::new(field, "parties.date_in_future"));
        return None;
    }
    day
}

/// A change (PATCH) as the full command: the current record as JSON with the
/// fields sent laid over it (`null` clears a field), validated as a new one.
fn merged<C: DeserializeOwned>(
    current: &impl Serialize,
    patch: serde_json::Map<String, serde_json::Value>,
) -> Result<C> {
    let mut value = serde_json::to_value(current).map_err(|e| Error::internal(&e))?;
    let Some(object) = value.as_object_mut() else { return Err(Error::internal(&"record is no object")) };
    object.extend(patch);
    serde_json::from_value(value).map_err(|e| Error::internal(&e))
}

/// A supplier of this board named by `supplier_id`, or its error.
async fn known_supplier(board: BoardStore<'_>, errors: &mut Vec<FieldError>, id: Option<&String>) -> Result<()> {
    if let Some(id) = id
        && board.supplier(id).await?.is_none()
    {
        errors.push(FieldError::new("supplier_id", "reference.unknown"));
    }
    Ok(())
}

fn store<'a>(app: &'a App, staff: &'a Staff) -> BoardStore<'a> {
    app.store.board(&staff.principal.board)
}

// ---------------------------------------------------------------- suppliers

/// A supplier: `{name, processor?, convenant_status?, convenant_checked_on?, data_location?, contact?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SupplierCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub name: Option<Given<String>>,
    /// Processes personal data on the board's behalf (default `true`): then it needs an agreement.
    #[schema(value_type = Option<bool>)]
    pub processor: Option<Given<bool>>,
    /// `participant`, `supporter` or `none` (the Privacyconvenant Onderwijs).
    #[schema(value_type = Option<String>)]
    pub convenant_status: Option<Given<String>>,
    /// When the status was checked, `YYYY-MM-DD`.
    #[schema(value_type = Option<String>)]
    pub convenant_checked_on: Option<Given<String>>,
    /// Where the supplier stores the data: ISO country code, `NL`.
    #[schema(value_type = Option<String>)]
    pub data_location: Option<Given<String>>,
    /// Contact person, e-mail or phone.
    #[schema(value_type = Option<String>)]
    pub contact: Option<Given<String>>,
}

impl SupplierCommand {
    fn validate(self, today: Date) -> Result<SupplierData, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let name = short(&mut errors, "name", self.name, true);
        let processor = flag(&mut errors, "processor", self.processor, true);
        let convenant_status =
            code(&mut errors, "convenant_status", self.convenant_status, false, ConvenantStatus::from_code);
        let checked = date(&mut errors, "convenant_checked_on", self.convenant_checked_on, false);
        let convenant_checked_on = not_after(&mut errors, "convenant_checked_on", checked, today);
        if convenant_checked_on.is_some() && convenant_status.is_none() && errors.is_empty() {
            errors.push(FieldError::new("convenant_status", "parties.checked_without_status"));
        }
        let data_location = country(&mut errors, "data_location", self.data_location);
        let contact = short(&mut errors, "contact", self.contact, false);
        done(
            errors,
            name.map(|name| SupplierData {
                name,
                processor,
                convenant_status,
                convenant_checked_on,
                data_location,
                contact,
            }),
        )
    }
}

/// A supplier with what its agreements say today.
#[derive(Debug, Clone, Serialize)]
pub struct SupplierView {
    #[serde(flatten)]
    pub supplier: Supplier,
    /// Any of its agreements is in force today.
    pub agreement_in_force: bool,
    /// A processor without an agreement in force (the queue).
    pub needs_agreement: bool,
    /// The convenant status was never checked or more than a year ago.
    pub convenant_check_stale: bool,
}

fn supplier_view(supplier: Supplier, agreements: &[Agreement], today: Date) -> SupplierView {
    let dates: Vec<_> = agreements
        .iter()
        .filter(|a| a.data.supplier_id == supplier.id)
        .map(|a| (a.data.signed_at, a.data.effective_from, a.data.ends_at))
        .collect();
    let in_force = any_in_force(&dates, today);
    SupplierView {
        needs_agreement: supplier.data.processor && !in_force,
        convenant_check_stale: convenant_check_stale(supplier.data.convenant_checked_on, today),
        agreement_in_force: in_force,
        supplier,
    }
}

/// The board's suppliers.
///
/// # Errors
/// Forbidden, or the store.
pub async fn suppliers(app: &App, staff: &Staff) -> Result<Vec<SupplierView>> {
    staff.may(Action::RegisterView)?;
    let board = store(app, staff);
    let agreements = board.agreements().await?;
    let today = app.clock.today();
    Ok(board.suppliers().await?.into_iter().map(|s| supplier_view(s, &agreements, today)).collect())
}

/// The board's supplier called `name` (case-insensitive, spaces at the ends
/// ignored) with what its agreements say on `today`; `None` when the register
/// has no such supplier. For operations that checked their own permission
/// (a teacher's pre-DPIA looks its supplier up without reading the register).
///
/// # Errors
/// The store.
pub async fn supplier_by_name(board: BoardStore<'_>, name: &str, today: Date) -> Result<Option<SupplierView>> {
    let wanted = name.trim().to_lowercase();
    let Some(supplier) = board.suppliers().await?.into_iter().find(|s| s.data.name.trim().to_lowercase() == wanted)
    else {
        return Ok(None);
    };
    let agreements = board.agreements().await?;
    Ok(Some(supplier_view(supplier, &agreements, today)))
}

/// One supplier with its agreements, systems and sub-processors.
#[derive(Debug, Clone, Serialize)]
pub struct SupplierDetail {
    #[serde(flatten)]
    pub supplier: SupplierView,
    pub agreements: Vec<AgreementView>,
    pub systems: Vec<InformationSystem>,
    pub sub_processors: Vec<SubProcessorView>,
}

/// One supplier.
///
/// # Errors
/// Forbidden, not found (also another board's), or the store.
pub async fn supplier(app: &App, staff: &Staff, id: &str) -> Result<SupplierDetail> {
    staff.may(Action::RegisterView)?;
    let board = store(app, staff);
    let supplier = board.supplier(id).await?.ok_or(Error::NotFound)?;
    let today = app.clock.today();
    let agreements: Vec<Agreement> =
        board.agreements().await?.into_iter().filter(|a| a.data.supplier_id == id).collect();
    let systems = board.systems().await?.into_iter().filter(|s| s.data.supplier_id.as_deref() == Some(id)).collect();
    let sub_processors = board
        .sub_processors()
        .await?
        .into_iter()
        .filter(|s| s.data.supplier_id == id)
        .map(|s| sub_processor_view(s, today))
        .collect();
    Ok(SupplierDetail {
        supplier: supplier_view(supplier, &agreements, today),
        agreements: agreements.into_iter().map(|a| agreement_view(a, today)).collect(),
        systems,
        sub_processors,
    })
}

/// Adds a supplier (IBP manager).
///
/// # Errors
/// Forbidden, every wrong field, a name in use, or the store.
pub async fn create_supplier(app: &App, staff: &Staff, command: SupplierCommand) -> Result<SupplierView> {
    staff.may(Action::RegisterManage)?;
    let today = app.clock.today();
    let data = command.validate(today).map_err(invalid)?;
    let supplier = store(app, staff).create_supplier(&staff.actor(), &data).await.map_err(duplicate_name)?;
    Ok(supplier_view(supplier, &[], today))
}

/// Replaces a supplier's fields with `command`.
///
/// # Errors
/// As [`create_supplier`], and not found.
pub async fn update_supplier(app: &App, staff: &Staff, id: &str, command: SupplierCommand) -> Result<SupplierView> {
    staff.may(Action::RegisterManage)?;
    let board = store(app, staff);
    board.supplier(id).await?.ok_or(Error::NotFound)?;
    let today = app.clock.today();
    let data = command.validate(today).map_err(invalid)?;
    let supplier = board.update_supplier(&staff.actor(), id, &data).await.map_err(duplicate_name)?;
    Ok(supplier_view(supplier, &board.agreements().await?, today))
}

/// Changes the fields sent (`null` clears one).
///
/// # Errors
/// As [`update_supplier`].
pub async fn patch_supplier(
    app: &App,
    staff: &Staff,
    id: &str,
    patch: serde_json::Map<String, serde_json::Value>,
) -> Result<SupplierView> {
    staff.may(Action::RegisterManage)?;
    let current = store(app, staff).supplier(id).await?.ok_or(Error::NotFound)?;
    update_supplier(app, staff, id, merged(&current.data, patch)?).await
}

fn duplicate_name(err: aantoonbaar_store::StoreError) -> Error {
    match err {
        aantoonbaar_store::StoreError::Duplicate { .. } => {
            invalid(vec![FieldError::new("name", "parties.name_in_use")])
        }
        aantoonbaar_store::StoreError::BadReference { field } => {
            invalid(vec![FieldError::new(field, "reference.unknown")])
        }
        other => other.into(),
    }
}

// ---------------------------------------------------------------- systems

/// An information system: `{name, supplier_id?, product?, holds?, classification?, data_location?, in_use?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SystemCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub name: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub supplier_id: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub product: Option<Given<String>>,
    /// What the system holds.
    #[schema(value_type = Option<String>)]
    pub holds: Option<Given<String>>,
    /// `public`, `internal`, `confidential` or `secret` (seed 001 §6.2: 1 … 4).
    #[schema(value_type = Option<String>)]
    pub classification: Option<Given<String>>,
    /// ISO country code of where the data are stored.
    #[schema(value_type = Option<String>)]
    pub data_location: Option<Given<String>>,
    /// In use (default `true`).
    #[schema(value_type = Option<bool>)]
    pub in_use: Option<Given<bool>>,
}

impl SystemCommand {
    fn validate(self) -> (Vec<FieldError>, Option<SystemData>) {
        let mut errors = self.unknown.errors();
        let name = short(&mut errors, "name", self.name, true);
        let supplier_id = short(&mut errors, "supplier_id", self.supplier_id, false);
        let product = short(&mut errors, "product", self.product, false);
        let holds = long(&mut errors, "holds", self.holds, false);
        let classification = code(&mut errors, "classification", self.classification, false, |c| {
            Classification::from_code(c).map_err(|_| Invalid::new("parties.classification_unknown"))
        });
        let data_location = country(&mut errors, "data_location", self.data_location);
        let in_use = flag(&mut errors, "in_use", self.in_use, true);
        let data =
            name.map(|name| SystemData { name, supplier_id, product, holds, classification, data_location, in_use });
        (errors, data)
    }
}

async fn system_data(board: BoardStore<'_>, command: SystemCommand) -> Result<SystemData> {
    let (mut errors, data) = command.validate();
    known_supplier(board, &mut errors, data.as_ref().and_then(|d| d.supplier_id.as_ref())).await?;
    done(errors, data).map_err(invalid)
}

/// The board's information systems.
///
/// # Errors
/// Forbidden, or the store.
pub async fn systems(app: &App, staff: &Staff) -> Result<Vec<InformationSystem>> {
    staff.may(Action::RegisterView)?;
    Ok(store(app, staff).systems().await?)
}

/// One system.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn system(app: &App, staff: &Staff, id: &str) -> Result<InformationSystem> {
    staff.may(Action::RegisterView)?;
    store(app, staff).system(id).await?.ok_or(Error::NotFound)
}

/// Adds a system.
///
/// # Errors
/// Forbidden, every wrong field (a supplier of another board is `supplier_id`), a name in use, or the store.
pub async fn create_system(app: &App, staff: &Staff, command: SystemCommand) -> Result<InformationSystem> {
    staff.may(Action::RegisterManage)?;
    let board = store(app, staff);
    let data = system_data(board, command).await?;
    board.create_system(&staff.actor(), &data).await.map_err(duplicate_name)
}

/// Replaces a system's fields.
///
/// # Errors
/// As [`create_system`], and not found.
pub async fn update_system(app: &App, staff: &Staff, id: &str, command: SystemCommand) -> Result<InformationSystem> {
    staff.may(Action::RegisterManage)?;
    let board = store(app, staff);
    board.system(id).await?.ok_or(Error::NotFound)?;
    let data = system_data(board, command).await?;
    board.update_system(&staff.actor(), id, &data).await.map_err(duplicate_name)
}

/// Changes the fields sent.
///
/// # Errors
/// As [`update_system`].
pub async fn patch_system(
    app: &App,
    staff: &Staff,
    id: &str,
    patch: serde_json::Map<String, serde_json::Value>,
) -> Result<InformationSystem> {
    staff.may(Action::RegisterManage)?;
    let current = store(app, staff).system(id).await?.ok_or(Error::NotFound)?;
    update_system(app, staff, id, merged(&current.data, patch)?).await
}

// ---------------------------------------------------------------- agreements

/// A processor agreement: `{supplier_id, model, deviations?, signed_at?,
/// signed_by?, effective_from?, ends_at?, review_date?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct AgreementCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub supplier_id: Option<Given<String>>,
    /// `privacyconvenant_4` (the model 4.0 of the Privacyconvenant), `general` or `own`.
    #[schema(value_type = String)]
    pub model: Option<Given<String>>,
    /// Where the text deviates from the convenant model.
    #[schema(value_type = Option<String>)]
    pub deviations: Option<Given<String>>,
    /// `YYYY-MM-DD`
    #[schema(value_type = Option<String>)]
    pub signed_at: Option<Given<String>>,
    /// Who signed for the board.
    #[schema(value_type = Option<String>)]
    pub signed_by: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub effective_from: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub ends_at: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub review_date: Option<Given<String>>,
}

async fn agreement_data(board: BoardStore<'_>, command: AgreementCommand, today: Date) -> Result<AgreementData> {
    let mut errors = command.unknown.errors();
    let supplier_id = short(&mut errors, "supplier_id", command.supplier_id, true);
    let model = code(&mut errors, "model", command.model, true, AgreementModel::from_code);
    let deviations = long(&mut errors, "deviations", command.deviations, false);
    let signed = date(&mut errors, "signed_at", command.signed_at, false);
    let signed_at = not_after(&mut errors, "signed_at", signed, today);
    let signed_by = short(&mut errors, "signed_by", command.signed_by, false);
    let effective_from = date(&mut errors, "effective_from", command.effective_from, false);
    let ends_at = date(&mut errors, "ends_at", command.ends_at, false);
    let review_date = date(&mut errors, "review_date", command.review_date, false);
    if let (Some(from), Some(ends)) = (effective_from.or(signed_at), ends_at)
        && ends < from
    {
        errors.push(FieldError::new("ends_at", "parties.ends_before_start"));
    }
    known_supplier(board, &mut errors, supplier_id.as_ref()).await?;
    let data = supplier_id.zip(model).map(|(supplier_id, model)| AgreementData {
        supplier_id,
        model,
        deviations,
        signed_at,
        signed_by,
        effective_from,
        ends_at,
        review_date,
    });
    done(errors, data).map_err(invalid)
}

/// An agreement with what it means today.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementView {
    #[serde(flatten)]
    pub agreement: Agreement,
    /// Signed, taken effect and not ended (AVG art. 28(3)).
    pub in_force: bool,
    /// Ends within 60 days.
    pub ending_soon: bool,
    pub review_overdue: bool,
    /// Not on the convenant model and no deviations written down.
    pub deviations_missing: bool,
}

fn agreement_view(agreement: Agreement, today: Date) -> AgreementView {
    let d = &agreement.data;
    AgreementView {
        in_force: agreement_in_force(d.signed_at, d.effective_from, d.ends_at, today),
        ending_soon: ending_soon(d.ends_at, today),
        review_overdue: review_overdue(d.review_date, today),
        deviations_missing: d.model.needs_deviations() && d.deviations.is_none(),
        agreement,
    }
}

/// The board's processor agreements.
///
/// # Errors
/// Forbidden, or the store.
pub async fn agreements(app: &App, staff: &Staff) -> Result<Vec<AgreementView>> {
    staff.may(Action::RegisterView)?;
    let today = app.clock.today();
    Ok(store(app, staff).agreements().await?.into_iter().map(|a| agreement_view(a, today)).collect())
}

/// One agreement with its documents and the notices of its supplier's sub-processors.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementDetail {
    #[serde(flatten)]
    pub agreement: AgreementView,
    pub documents: Vec<AgreementDocument>,
    pub sub_processors: Vec<SubProcessorView>,
}

/// One agreement.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn agreement(app: &App, staff: &Staff, id: &str) -> Result<AgreementDetail> {
    staff.may(Action::RegisterView)?;
    let board = store(app, staff);
    let agreement = board.agreement(id).await?.ok_or(Error::NotFound)?;
    let today = app.clock.today();
    let documents = board.agreement_documents(id).await?;
    let sub_processors = board
        .sub_processors()
        .await?
        .into_iter()
        .filter(|s| s.data.supplier_id == agreement.data.supplier_id)
        .map(|s| sub_processor_view(s, today))
        .collect();
    Ok(AgreementDetail { agreement: agreement_view(agreement, today), documents, sub_processors })
}

/// Adds an agreement.
///
/// # Errors
/// Forbidden, every wrong field, or the store.
pub async fn create_agreement(app: &App, staff: &Staff, command: AgreementCommand) -> Result<AgreementView> {
    staff.may(Action::RegisterManage)?;
    let board = store(app, staff);
    let today = app.clock.today();
    let data = agreement_data(board, command, today).await?;
    let agreement = board.create_agreement(&staff.actor(), &data).await.map_err(duplicate_name)?;
    Ok(agreement_view(agreement, today))
}

/// Replaces an agreement's fields.
///
/// # Errors
/// As [`create_agreement`], and not found.
pub async fn update_agreement(app: &App, staff: &Staff, id: &str, command: AgreementCommand) -> Result<AgreementView> {
    staff.may(Action::RegisterManage)?;
    let board = store(app, staff);
    board.agreement(id).await?.ok_or(Error::NotFound)?;
    let today = app.clock.today();
    let data = agreement_data(board, command, today).await?;
    let agreement = board.update_agreement(&staff.actor(), id, &data).await.map_err(duplicate_name)?;
    Ok(agreement_view(agreement, today))
}

/// Changes the fields sent.
///
/// # Errors
/// As [`update_agreement`].
pub async fn patch_agreement(
    app: &App,
    staff: &Staff,
    id: &str,
    patch: serde_json::Map<String, serde_json::Value>,
) -> Result<AgreementView> {
    staff.may(Action::RegisterManage)?;
    let current = store(app, staff).agreement(id).await?.ok_or(Error::NotFound)?;
    update_agreement(app, staff, id, merged(&current.data, patch)?).await
}

// ---------------------------------------------------------------- documents

/// An uploaded document: the form fields and the file.
#[derive(Debug, Clone, Default)]
pub struct Upload {
    /// `agreement`, `privacy_annex` or `security_annex`.
    pub kind: Option<String>,
    /// The product a privacy annex is about (required for one).
    pub product: Option<String>,
    pub file_name: Option<String>,
    pub media_type: Option<String>,
    pub content: Vec<u8>,
}

/// Stores a document with an agreement; its SHA-256 is computed here, from the bytes.
///
/// # Errors
/// Forbidden, not found, every wrong field, or the store.
pub async fn upload_document(
    app: &App,
    staff: &Staff,
    agreement_id: &str,
    upload: Upload,
) -> Result<AgreementDocument> {
    staff.may(Action::RegisterManage)?;
    let board = store(app, staff);
    board.agreement(agreement_id).await?.ok_or(Error::NotFound)?;
    let mut errors = Vec::new();
    let kind = code(&mut errors, "document_kind", upload.kind.map(Given::Value), true, DocumentKind::from_code);
    let product = short(&mut errors, "product", upload.product.map(Given::Value), false);
    if kind == Some(DocumentKind::PrivacyAnnex) && product.is_none() {
        errors.push(FieldError::new("product", "parties.annex_needs_product"));
    }
    if upload.content.is_empty() {
        errors.push(FieldError::new("file", "parties.file_missing"));
    } else if upload.content.len() > DOCUMENT_LIMIT {
        errors.push(FieldError::new("file", "parties.file_too_large"));
    }
    let file_name = crate::input::upload_name(upload.file_name, NAME_LIMIT);
    let media_type = crate::input::upload_media_type(upload.media_type);
    let kind = done(errors, kind).map_err(invalid)?;
    let document = NewAgreementDocument {
        agreement_id: agreement_id.to_owned(),
        kind,
        product,
        file_name,
        media_type,
        content: upload.content,
    };
    Ok(board.add_agreement_document(&staff.actor(), &document).await?)
}

/// A document with its bytes, for download.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn document(app: &App, staff: &Staff, id: &str) -> Result<(AgreementDocument, Vec<u8>)> {
    staff.may(Action::RegisterView)?;
    store(app, staff).agreement_document(id).await?.ok_or(Error::NotFound)
}

// ---------------------------------------------------------------- sub-processors

/// A sub-processor notice: `{supplier_id, name, location?, safeguard?, notified_on}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SubProcessorCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub supplier_id: Option<Given<String>>,
    #[schema(value_type = String)]
    pub name: Option<Given<String>>,
    /// ISO country code of where it processes the data.
    #[schema(value_type = Option<String>)]
    pub location: Option<Given<String>>,
    /// For a location outside the EEA: `adequacy`, `sccs`, `bcrs` or `derogation`.
    #[schema(value_type = Option<String>)]
    pub safeguard: Option<Given<String>>,
    /// The day the supplier's notice came in, `YYYY-MM-DD`; the 30-day objection clock starts then.
    #[schema(value_type = String)]
    pub notified_on: Option<Given<String>>,
}

async fn sub_processor_data(
    board: BoardStore<'_>,
    command: SubProcessorCommand,
    today: Date,
) -> Result<SubProcessorData> {
    let mut errors = command.unknown.errors();
    let supplier_id = short(&mut errors, "supplier_id", command.supplier_id, true);
    let name = short(&mut errors, "name", command.name, true);
    let location = country(&mut errors, "location", command.location);
    let safeguard = code(&mut errors, "safeguard", command.safeguard, false, |c| {
        Safeguard::from_code(c).map_err(|_| Invalid::new("parties.safeguard_unknown"))
    });
    if location.as_deref().is_some_and(|l| !countries::in_eea(l)) && safeguard.is_none() && errors.is_empty() {
        errors.push(FieldError::new("safeguard", "parties.safeguard_needed"));
    }
    let notified = date(&mut errors, "notified_on", command.notified_on, true);
    let notified_on = not_after(&mut errors, "notified_on", notified, today);
    known_supplier(board, &mut errors, supplier_id.as_ref()).await?;
    let data = supplier_id.zip(name).zip(notified_on).map(|((supplier_id, name), notified_on)| SubProcessorData {
        supplier_id,
        name,
        location,
        safeguard,
        notified_on,
    });
    done(errors, data).map_err(invalid)
}

/// A sub-processor with the state of its objection clock.
#[derive(Debug, Clone, Serialize)]
pub struct SubProcessorView {
    #[serde(flatten)]
    pub sub_processor: SubProcessor,
    /// `open`, `overdue`, `accepted` or `objected`.
    pub state: &'static str,
}

fn sub_processor_view(sub_processor: SubProcessor, today: Date) -> SubProcessorView {
    let state = notice_state(sub_processor.objection_deadline, sub_processor.decision, today);
    SubProcessorView { sub_processor, state: state.code() }
}

/// The sub-processors of every supplier.
///
/// # Errors
/// Forbidden, or the store.
pub async fn sub_processors(app: &App, staff: &Staff) -> Result<Vec<SubProcessorView>> {
    staff.may(Action::RegisterView)?;
    let today = app.clock.today();
    Ok(store(app, staff).sub_processors().await?.into_iter().map(|s| sub_processor_view(s, today)).collect())
}

/// One sub-processor.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn sub_processor(app: &App, staff: &Staff, id: &str) -> Result<SubProcessorView> {
    staff.may(Action::RegisterView)?;
    let found = store(app, staff).sub_processor(id).await?.ok_or(Error::NotFound)?;
    Ok(sub_processor_view(found, app.clock.today()))
}

/// Records a supplier's notice of a new sub-processor; the objection deadline
/// is the notice day + 30 days.
///
/// # Errors
/// Forbidden, every wrong field, or the store.
pub async fn create_sub_processor(app: &App, staff: &Staff, command: SubProcessorCommand) -> Result<SubProcessorView> {
    staff.may(Action::RegisterManage)?;
    let board = store(app, staff);
    let today = app.clock.today();
    let data = sub_processor_data(board, command, today).await?;
    let created = board.create_sub_processor(&staff.actor(), &data, objection_deadline(data.notified_on)).await?;
    Ok(sub_processor_view(created, today))
}

/// Replaces a notice's fields (not its decision).
///
/// # Errors
/// As [`create_sub_processor`], and not found.
pub async fn update_sub_processor(
    app: &App,
    staff: &Staff,
    id: &str,
    command: SubProcessorCommand,
) -> Result<SubProcessorView> {
    staff.may(Action::RegisterManage)?;
    let board = store(app, staff);
    board.sub_processor(id).await?.ok_or(Error::NotFound)?;
    let today = app.clock.today();
    let data = sub_processor_data(board, command, today).await?;
    let updated = board.update_sub_processor(&staff.actor(), id, &data, objection_deadline(data.notified_on)).await?;
    Ok(sub_processor_view(updated, today))
}

/// Changes the fields sent.
///
/// # Errors
/// As [`update_sub_processor`].
pub async fn patch_sub_processor(
    app: &App,
    staff: &Staff,
    id: &str,
    patch: serde_json::Map<String, serde_json::Value>,
) -> Result<SubProcessorView> {
    staff.may(Action::RegisterManage)?;
    let current = store(app, staff).sub_processor(id).await?.ok_or(Error::NotFound)?;
    update_sub_processor(app, staff, id, merged(&current.data, patch)?).await
}

/// The board's answer to a notice: `{decision: "accepted"|"objected", decided_on?, note?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct DecideSubProcessor {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub decision: Option<Given<String>>,
    /// Default today.
    #[schema(value_type = Option<String>)]
    pub decided_on: Option<Given<String>>,
    /// Why, or what was written to the supplier.
    #[schema(value_type = Option<String>)]
    pub note: Option<Given<String>>,
}

/// Records the decision on a notice, once.
///
/// # Errors
/// Forbidden, not found, every wrong field, a notice decided already (409), or the store.
pub async fn decide_sub_processor(
    app: &App,
    staff: &Staff,
    id: &str,
    command: DecideSubProcessor,
) -> Result<SubProcessorView> {
    staff.may(Action::RegisterManage)?;
    let board = store(app, staff);
    board.sub_processor(id).await?.ok_or(Error::NotFound)?;
    let today = app.clock.today();
    let mut errors = command.unknown.errors();
    let decision = code(&mut errors, "decision", command.decision, true, SubProcessorDecision::from_code);
    let decided = date(&mut errors, "decided_on", command.decided_on, false);
    let decided_on = not_after(&mut errors, "decided_on", decided, today).unwrap_or(today);
    let note = long(&mut errors, "note", command.note, false);
    let decision = done(errors, decision).map_err(invalid)?;
    let decided = board.decide_sub_processor(&staff.actor(), id, decision, decided_on, note.as_deref()).await.map_err(
        |e| match e {
            aantoonbaar_store::StoreError::WrongState => Error::conflict("decision", "parties.already_decided"),
            other => other.into(),
        },
    )?;
    Ok(sub_processor_view(decided, today))
}

// ---------------------------------------------------------------- recipients

/// A recipient that is no processor: `{name, kind: "third_party"|"public_authority", legal_ground, shared, occasion?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RecipientCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub name: Option<Given<String>>,
    /// `third_party` or `public_authority`.
    #[schema(value_type = String)]
    pub kind: Option<Given<String>>,
    /// The legal ground of the disclosure: "art. 8 WPO", "Leerplichtwet 1969 art. 21".
    #[schema(value_type = String)]
    pub legal_ground: Option<Given<String>>,
    /// What is shared.
    #[schema(value_type = String)]
    pub shared: Option<Given<String>>,
    /// When or on what occasion.
    #[schema(value_type = Option<String>)]
    pub occasion: Option<Given<String>>,
}

impl RecipientCommand {
    fn validate(self) -> Result<RecipientData, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let name = short(&mut errors, "name", self.name, true);
        let kind = code(&mut errors, "kind", self.kind, true, RecipientKind::from_code);
        let legal_ground = long(&mut errors, "legal_ground", self.legal_ground, true);
        let shared = long(&mut errors, "shared", self.shared, true);
        let occasion = long(&mut errors, "occasion", self.occasion, false);
        let data = name
            .zip(kind)
            .zip(legal_ground)
            .zip(shared)
            .map(|(((name, kind), legal_ground), shared)| RecipientData { name, kind, legal_ground, shared, occasion });
        done(errors, data)
    }
}

/// The recipients that are not processors.
///
/// # Errors
/// Forbidden, or the store.
pub async fn recipients(app: &App, staff: &Staff) -> Result<Vec<DataRecipient>> {
    staff.may(Action::RegisterView)?;
    Ok(store(app, staff).recipients().await?)
}

/// One recipient.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn recipient(app: &App, staff: &Staff, id: &str) -> Result<DataRecipient> {
    staff.may(Action::RegisterView)?;
    store(app, staff).recipient(id).await?.ok_or(Error::NotFound)
}

/// Adds a recipient.
///
/// # Errors
/// Forbidden, every wrong field, a name in use, or the store.
pub async fn create_recipient(app: &App, staff: &Staff, command: RecipientCommand) -> Result<DataRecipient> {
    staff.may(Action::RegisterManage)?;
    let data = command.validate().map_err(invalid)?;
    store(app, staff).create_recipient(&staff.actor(), &data).await.map_err(duplicate_name)
}

/// Replaces a recipient's fields.
///
/// # Errors
/// As [`create_recipient`], and not found.
pub async fn update_recipient(app: &App, staff: &Staff, id: &str, command: RecipientCommand) -> Result<DataRecipient> {
    staff.may(Action::RegisterManage)?;
    let board = store(app, staff);
    board.recipient(id).await?.ok_or(Error::NotFound)?;
    let data = command.validate().map_err(invalid)?;
    board.update_recipient(&staff.actor(), id, &data).await.map_err(duplicate_name)
}

/// Changes the fields sent.
///
/// # Errors
/// As [`update_recipient`].
pub async fn patch_recipient(
    app: &App,
    staff: &Staff,
    id: &str,
    patch: serde_json::Map<String, serde_json::Value>,
) -> Result<DataRecipient> {
    staff.may(Action::RegisterManage)?;
    let current = store(app, staff).recipient(id).await?.ok_or(Error::NotFound)?;
    update_recipient(app, staff, id, merged(&current.data, patch)?).await
}

// ---------------------------------------------------------------- queues

/// What needs the IBP manager's attention.
#[derive(Debug, Clone, Serialize)]
pub struct Queues {
    /// Processors with no agreement in force (AVG art. 28(3); seed 002 §5.4.2).
    pub without_agreement: Vec<SupplierView>,
    /// Agreements ending within 60 days.
    pub ending_soon: Vec<AgreementView>,
    /// Sub-processor notices not decided yet (open or past their deadline).
    pub open_notices: Vec<SubProcessorView>,
    /// Agreements whose review date passed.
    pub review_overdue: Vec<AgreementView>,
}

/// The queues of the supplier register.
///
/// # Errors
/// Forbidden, or the store.
pub async fn queues(app: &App, staff: &Staff) -> Result<Queues> {
    staff.may(Action::RegisterView)?;
    let board = store(app, staff);
    let today = app.clock.today();
    let agreements = board.agreements().await?;
    let without_agreement = board
        .suppliers()
        .await?
        .into_iter()
        .map(|s| supplier_view(s, &agreements, today))
        .filter(|s| s.needs_agreement)
        .collect();
    let views: Vec<AgreementView> = agreements.into_iter().map(|a| agreement_view(a, today)).collect();
    let open_notices = board
        .sub_processors()
        .await?
        .into_iter()
        .filter(|s| notice_state(s.objection_deadline, s.decision, today).undecided())
        .map(|s| sub_processor_view(s, today))
        .collect();
    Ok(Queues {
        without_agreement,
        ending_soon: views.iter().filter(|a| a.ending_soon).cloned().collect(),
        review_overdue: views.into_iter().filter(|a| a.review_overdue).collect(),
        open_notices,
    })
}

// ---------------------------------------------------------------- for the register

/// What the completeness check of the register reads about the board's
/// systems and suppliers on `today`. A supplier's `agreement_in_force` is
/// [`agreement_in_force`] over all its agreements; a supplier that processes
/// no personal data for the board needs none and counts as covered.
///
/// # Errors
/// The store.
pub async fn facts(app: &App, board: &BoardId, today: Date) -> Result<(Vec<SystemFacts>, Vec<SupplierFacts>)> {
    let board = app.store.board(board);
    let agreements = board.agreements().await?;
    let systems = board
        .systems()
        .await?
        .into_iter()
        .map(|s| SystemFacts {
            id: s.id,
            name: s.data.name,
            supplier_id: s.data.supplier_id,
            data_location: s.data.data_location,
            in_use: s.data.in_use,
        })
        .collect();
    let suppliers = board
        .suppliers()
        .await?
        .into_iter()
        .map(|s| {
            let view = supplier_view(s, &agreements, today);
            SupplierFacts {
                processor: view.supplier.data.processor,
                agreement_in_force: view.agreement_in_force,
                id: view.supplier.id,
                name: view.supplier.data.name,
                data_location: view.supplier.data.data_location,
            }
        })
        .collect();
    Ok((systems, suppliers))
}

/// The board's systems as the register documents name them.
///
/// # Errors
/// The store.
pub async fn registered_systems(board: aantoonbaar_store::BoardStore<'_>) -> Result<Vec<RegisteredSystem>> {
    Ok(board
        .systems()
        .await?
        .into_iter()
        .map(|s| RegisteredSystem {
            id: s.id,
            name: s.data.name,
            supplier: s.supplier_name,
            data_location: s.data.data_location,
        })
        .collect())
}

// ---------------------------------------------------------------- the overview

/// Everyone the board's data go to (seed 002 §9.2.3): the processors and the other recipients.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub processors: Vec<SupplierView>,
    pub recipients: Vec<DataRecipient>,
}

/// The overview of every party data are shared with.
///
/// # Errors
/// Forbidden, or the store.
pub async fn overview(app: &App, staff: &Staff) -> Result<Overview> {
    let processors = suppliers(app, staff).await?.into_iter().filter(|s| s.supplier.data.processor).collect();
    Ok(Overview { processors, recipients: recipients(app, staff).await? })
}

/// A country's code as the pages say it: its Dutch name when known, else the code.
#[must_use]
pub fn country_name(code: &str) -> String {
    let key = format!("parties.country.{code}");
    if crate::i18n::has(&key) { t(&key).to_owned() } else { code.to_owned() }
}

/// The overview as a PDF, "op verzoek beschikbaar".
///
/// # Errors
/// Forbidden, the store, or the PDF.
pub async fn overview_pdf(app: &App, staff: &Staff) -> Result<Vec<u8>> {
    let overview = overview(app, staff).await?;
    let today = crate::requests::dutch_date(app.clock.today());
    let board = staff.principal.board_name.clone();
    let processors: Vec<aantoonbaar_documents::recipients::Party> = overview
        .processors
        .iter()
        .map(|p| aantoonbaar_documents::recipients::Party {
            name: p.supplier.data.name.clone(),
            rows: vec![
                (t("parties.pdf.role").to_owned(), t("parties.pdf.processor").to_owned()),
                (
                    t("parties.pdf.agreement").to_owned(),
                    t(if p.agreement_in_force { "parties.pdf.agreement_yes" } else { "parties.pdf.agreement_no" })
                        .to_owned(),
                ),
                (
                    t("parties.field.data_location").to_owned(),
                    p.supplier
                        .data
                        .data_location
                        .as_deref()
                        .map_or_else(|| t("parties.unknown").to_owned(), country_name),
                ),
            ],
        })
        .collect();
    let recipients: Vec<aantoonbaar_documents::recipients::Party> = overview
        .recipients
        .iter()
        .map(|r| {
            let mut rows = vec![
                (
                    t("parties.field.kind").to_owned(),
                    t(&format!("parties.recipient_kind.{}", r.data.kind.code())).to_owned(),
                ),
                (t("parties.field.legal_ground").to_owned(), r.data.legal_ground.clone()),
                (t("parties.field.shared").to_owned(), r.data.shared.clone()),
            ];
            if let Some(occasion) = &r.data.occasion {
                rows.push((t("parties.field.occasion").to_owned(), occasion.clone()));
            }
            aantoonbaar_documents::recipients::Party { name: r.data.name.clone(), rows }
        })
        .collect();
    let document = aantoonbaar_documents::recipients::Overview {
        title: t("parties.pdf.title").to_owned(),
        intro: tf("parties.pdf.intro", &[("board", &board), ("date", &today)]),
        processors_heading: t("parties.pdf.processors").to_owned(),
        processors,
        recipients_heading: t("parties.pdf.recipients").to_owned(),
        recipients,
        empty: t("parties.pdf.empty").to_owned(),
    };
    crate::blocking(move || aantoonbaar_documents::recipients::overview(&document))
        .await?
        .map_err(|e| Error::internal(&e))
}

/// The label of a code, for the pages: `parties.<list>.<code>`.
#[must_use]
pub fn label(list: &str, code: &str) -> &'static str {
    t(&format!("parties.{list}.{code}"))
}

/// Whether a notice state still waits for a decision.
#[must_use]
pub fn undecided(state: &str) -> bool {
    matches!(state, "open" | "overdue")
}
