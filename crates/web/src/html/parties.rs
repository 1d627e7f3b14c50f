//! The supplier register's pages: suppliers with their agreements and the
//! queues (`/leveranciers`), systems (`/systemen`), one agreement with its
//! documents and sub-processor notices (`/verwerkersovereenkomsten/{id}`) and
//! everyone data go to (`/ontvangers`, `/ontvangers.pdf`). The forms read into
//! the API's commands and call the same operations (`aantoonbaar_app::parties`).

use super::filters;
use super::form::{PagePairs, Refused, form_field, read, refusal};
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::i18n::t;
use aantoonbaar_app::parties::{
    self as app, AgreementView, Queues, SubProcessorView, SupplierView, country_name, label,
};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::register::parties::{
    AgreementModel, ConvenantStatus, DocumentKind, RecipientKind, SubProcessorDecision,
};
use aantoonbaar_rules::register::{Classification, Safeguard};
use aantoonbaar_store::parties::{AgreementDocument, DataRecipient, InformationSystem};
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;

/// One input of a form, rendered by `parties_field.html`.
pub struct Field {
    pub form: &'static str,
    pub name: &'static str,
    pub label: &'static str,
    /// `text`, `date`, `textarea` or `select`.
    pub input: &'static str,
    pub required: bool,
    /// (value, label) of a select; an optional select starts with an empty choice.
    pub options: Vec<(String, String)>,
}

fn field(form: &'static str, name: &'static str, key: &'static str, input: &'static str, required: bool) -> Field {
    Field { form, name, label: t(key), input, required, options: Vec::new() }
}

fn select(
    form: &'static str,
    name: &'static str,
    key: &'static str,
    required: bool,
    options: Vec<(String, String)>,
) -> Field {
    let mut all = if required { Vec::new() } else { vec![(String::new(), t("parties.choose").to_owned())] };
    all.extend(options);
    Field { form, name, label: t(key), input: "select", required, options: all }
}

fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str, list: &str) -> Vec<(String, String)> {
    all.iter().map(|v| (code(*v).to_owned(), label(list, code(*v)).to_owned())).collect()
}

fn yes_no() -> Vec<(String, String)> {
    vec![("ja".to_owned(), t("parties.yes").to_owned()), ("nee".to_owned(), t("parties.no").to_owned())]
}

fn day(date: Option<Date>) -> String {
    date.map_or_else(String::new, dutch_date)
}

fn place(code: Option<&String>) -> String {
    code.map_or_else(|| t("parties.unknown").to_owned(), |c| country_name(c))
}

// ---------------------------------------------------------------- rows

pub struct SupplierRow {
    pub id: String,
    pub name: String,
    pub convenant: String,
    pub location: String,
    pub agreement: String,
    pub needs_agreement: bool,
}

fn supplier_row(s: &SupplierView) -> SupplierRow {
    let d = &s.supplier.data;
    let mut convenant = d
        .convenant_status
        .map_or_else(|| t("parties.unknown").to_owned(), |c| label("convenant_status", c.code()).to_owned());
    if let Some(on) = d.convenant_checked_on {
        convenant = crate::i18n::tf("parties.checked_on", &[("status", &convenant), ("date", &dutch_date(on))]);
    }
    let agreement = if !d.processor {
        t("parties.no_processor")
    } else if s.agreement_in_force {
        t("parties.in_force")
    } else {
        t("parties.no_agreement")
    };
    SupplierRow {
        id: s.supplier.id.clone(),
        name: d.name.clone(),
        convenant,
        location: place(d.data_location.as_ref()),
        agreement: agreement.to_owned(),
        needs_agreement: s.needs_agreement,
    }
}

pub struct AgreementRow {
    pub id: String,
    pub supplier: String,
    pub model: String,
    pub signed: String,
    pub ends: String,
    pub status: String,
    pub warning: bool,
}

fn agreement_row(a: &AgreementView) -> AgreementRow {
    let d = &a.agreement.data;
    let status = if a.in_force { t("parties.in_force") } else { t("parties.not_in_force") };
    let mut notes = vec![status.to_owned()];
    if a.ending_soon {
        notes.push(t("parties.ending_soon").to_owned());
    }
    if a.review_overdue {
        notes.push(t("parties.review_overdue").to_owned());
    }
    if a.deviations_missing {
        notes.push(t("parties.deviations_missing").to_owned());
    }
    AgreementRow {
        id: a.agreement.id.clone(),
        supplier: a.agreement.supplier_name.clone(),
        model: label("model", d.model.code()).to_owned(),
        signed: match (&d.signed_at, &d.signed_by) {
            (Some(on), Some(by)) => format!("{} ({by})", dutch_date(*on)),
            (Some(on), None) => dutch_date(*on),
            _ => t("parties.not_signed").to_owned(),
        },
        ends: d.ends_at.map_or_else(|| t("parties.no_end").to_owned(), dutch_date),
        status: notes.join(" · "),
        warning: !a.in_force || a.ending_soon || a.review_overdue,
    }
}

pub struct NoticeRow {
    pub id: String,
    pub supplier: String,
    pub name: String,
    pub location: String,
    pub safeguard: String,
    pub notified: String,
    pub deadline: String,
    pub state: String,
    pub open: bool,
    pub note: String,
}

fn notice_row(n: &SubProcessorView) -> NoticeRow {
    let s = &n.sub_processor;
    NoticeRow {
        id: s.id.clone(),
        supplier: s.supplier_name.clone(),
        name: s.data.name.clone(),
        location: place(s.data.location.as_ref()),
        safeguard: s.data.safeguard.map_or_else(String::new, |g| label("safeguard", g.code()).to_owned()),
        notified: dutch_date(s.data.notified_on),
        deadline: dutch_date(s.objection_deadline),
        state: label("state", n.state).to_owned(),
        open: app::undecided(n.state),
        note: s.decision_note.clone().unwrap_or_default(),
    }
}

// ---------------------------------------------------------------- /leveranciers

#[derive(Template)]
#[template(path = "parties_suppliers.html")]
struct SuppliersPage {
    layout: Layout,
    without_agreement: Vec<SupplierRow>,
    ending_soon: Vec<AgreementRow>,
    open_notices: Vec<NoticeRow>,
    review_overdue: Vec<AgreementRow>,
    suppliers: Vec<SupplierRow>,
    agreements: Vec<AgreementRow>,
    can_manage: bool,
    supplier_form: Vec<Field>,
    agreement_form: Vec<Field>,
    refused: Refused,
}

fn supplier_fields() -> Vec<Field> {
    let f = "supplier";
    vec![
        field(f, "name", "parties.field.name", "text", true),
        select(f, "processor", "parties.field.processor", true, yes_no()),
        select(
            f,
            "convenant_status",
            "parties.field.convenant_status",
            false,
            codes(ConvenantStatus::ALL, ConvenantStatus::code, "convenant_status"),
        ),
        field(f, "convenant_checked_on", "parties.field.convenant_checked_on", "date", false),
        field(f, "data_location", "parties.field.data_location", "text", false),
        field(f, "contact", "parties.field.contact", "text", false),
    ]
}

fn agreement_fields(suppliers: &[SupplierView]) -> Vec<Field> {
    let f = "agreement";
    let options = suppliers.iter().map(|s| (s.supplier.id.clone(), s.supplier.data.name.clone())).collect();
    vec![
        select(f, "supplier_id", "parties.field.supplier", true, options),
        select(f, "model", "parties.field.model", true, codes(AgreementModel::ALL, AgreementModel::code, "model")),
        field(f, "deviations", "parties.field.deviations", "textarea", false),
        field(f, "signed_at", "parties.field.signed_at", "date", false),
        field(f, "signed_by", "parties.field.signed_by", "text", false),
        field(f, "effective_from", "parties.field.effective_from", "date", false),
        field(f, "ends_at", "parties.field.ends_at", "date", false),
        field(f, "review_date", "parties.field.review_date", "date", false),
    ]
}

async fn suppliers_page(state: &AppState, staff: &Staff, refused: Refused, status: StatusCode) -> PageResult {
    let suppliers = app::suppliers(state, staff).await?;
    let agreements = app::agreements(state, staff).await?;
    let Queues { without_agreement, ending_soon, open_notices, review_overdue } = app::queues(state, staff).await?;
    let page = SuppliersPage {
        layout: Layout::for_staff(state, staff, t("parties.suppliers_title"), "/leveranciers"),
        without_agreement: without_agreement.iter().map(supplier_row).collect(),
        ending_soon: ending_soon.iter().map(agreement_row).collect(),
        open_notices: open_notices.iter().map(notice_row).collect(),
        review_overdue: review_overdue.iter().map(agreement_row).collect(),
        suppliers: suppliers.iter().map(supplier_row).collect(),
        agreements: agreements.iter().map(agreement_row).collect(),
        can_manage: staff.can(Action::RegisterManage),
        supplier_form: supplier_fields(),
        agreement_form: agreement_fields(&suppliers),
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn suppliers(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    suppliers_page(&state, &staff, Refused::default(), StatusCode::OK).await
}

pub async fn create_supplier(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::create_supplier(&state, &staff, read(pairs.clone())?).await {
        Ok(_) => Ok(Redirect::to("/leveranciers").into_response()),
        Err(error) => {
            let (status, refused) = refusal("supplier", pairs, error, form_field)?;
            suppliers_page(&state, &staff, refused, status).await
        }
    }
}

pub async fn create_agreement(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::create_agreement(&state, &staff, read(pairs.clone())?).await {
        Ok(created) => Ok(Redirect::to(&format!("/verwerkersovereenkomsten/{}", created.agreement.id)).into_response()),
        Err(error) => {
            let (status, refused) = refusal("agreement", pairs, error, form_field)?;
            suppliers_page(&state, &staff, refused, status).await
        }
    }
}

// ---------------------------------------------------------------- /systemen

pub struct SystemRow {
    pub id: String,
    pub name: String,
    pub supplier: String,
    pub product: String,
    pub holds: String,
    pub classification: String,
    pub location: String,
    pub in_use: String,
}

fn system_row(s: &InformationSystem) -> SystemRow {
    let d = &s.data;
    SystemRow {
        id: s.id.clone(),
        name: d.name.clone(),
        supplier: s.supplier_name.clone().unwrap_or_default(),
        product: d.product.clone().unwrap_or_default(),
        holds: d.holds.clone().unwrap_or_default(),
        classification: d.classification.map_or_else(String::new, |c| label("classification", c.code()).to_owned()),
        location: place(d.data_location.as_ref()),
        in_use: t(if d.in_use { "parties.yes" } else { "parties.no" }).to_owned(),
    }
}

#[derive(Template)]
#[template(path = "parties_systems.html")]
struct SystemsPage {
    layout: Layout,
    systems: Vec<SystemRow>,
    can_manage: bool,
    system_form: Vec<Field>,
    refused: Refused,
}

fn system_fields(suppliers: &[SupplierView]) -> Vec<Field> {
    let f = "system";
    let options = suppliers.iter().map(|s| (s.supplier.id.clone(), s.supplier.data.name.clone())).collect();
    vec![
        field(f, "name", "parties.field.name", "text", true),
        select(f, "supplier_id", "parties.field.supplier", false, options),
        field(f, "product", "parties.field.product", "text", false),
        field(f, "holds", "parties.field.holds", "textarea", false),
        select(
            f,
            "classification",
            "parties.field.classification",
            false,
            codes(Classification::ALL, Classification::code, "classification"),
        ),
        field(f, "data_location", "parties.field.data_location", "text", false),
        select(f, "in_use", "parties.field.in_use", true, yes_no()),
    ]
}

async fn systems_page(state: &AppState, staff: &Staff, refused: Refused, status: StatusCode) -> PageResult {
    let systems = app::systems(state, staff).await?;
    let suppliers = app::suppliers(state, staff).await?;
    let system_form = system_fields(&suppliers);
    let page = SystemsPage {
        layout: Layout::for_staff(state, staff, t("parties.systems_title"), "/systemen"),
        systems: systems.iter().map(system_row).collect(),
        can_manage: staff.can(Action::RegisterManage),
        system_form,
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn systems(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    systems_page(&state, &staff, Refused::default(), StatusCode::OK).await
}

pub async fn create_system(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::create_system(&state, &staff, read(pairs.clone())?).await {
        Ok(_) => Ok(Redirect::to("/systemen").into_response()),
        Err(error) => {
            let (status, refused) = refusal("system", pairs, error, form_field)?;
            systems_page(&state, &staff, refused, status).await
        }
    }
}

// ---------------------------------------------------------------- /verwerkersovereenkomsten/{id}

pub struct DocumentRow {
    pub id: String,
    pub kind: String,
    pub product: String,
    pub file_name: String,
    pub sha256: String,
    pub uploaded: String,
}

fn document_row(d: &AgreementDocument) -> DocumentRow {
    DocumentRow {
        id: d.id.clone(),
        kind: label("document_kind", d.kind.code()).to_owned(),
        product: d.product.clone().unwrap_or_default(),
        file_name: d.file_name.clone(),
        sha256: d.sha256.clone(),
        uploaded: format!("{} ({})", dutch_date(aantoonbaar_rules::calendar::dutch_date(d.uploaded_at)), d.uploaded_by),
    }
}

#[derive(Template)]
#[template(path = "parties_agreement.html")]
struct AgreementPage {
    layout: Layout,
    id: String,
    agreement: AgreementRow,
    details: Vec<(&'static str, String)>,
    documents: Vec<DocumentRow>,
    notices: Vec<NoticeRow>,
    can_manage: bool,
    kinds: Vec<(String, String)>,
    notice_form: Vec<Field>,
    decisions: Vec<(String, String)>,
    refused: Refused,
}

async fn agreement_page(state: &AppState, staff: &Staff, id: &str, refused: Refused, status: StatusCode) -> PageResult {
    let detail = app::agreement(state, staff, id).await?;
    let d = &detail.agreement.agreement.data;
    let details = vec![
        ("parties.field.supplier", detail.agreement.agreement.supplier_name.clone()),
        ("parties.field.model", label("model", d.model.code()).to_owned()),
        ("parties.field.deviations", d.deviations.clone().unwrap_or_else(|| t("parties.none").to_owned())),
        ("parties.field.signed_at", day(d.signed_at)),
        ("parties.field.signed_by", d.signed_by.clone().unwrap_or_default()),
        ("parties.field.effective_from", day(d.effective_from)),
        ("parties.field.ends_at", d.ends_at.map_or_else(|| t("parties.no_end").to_owned(), dutch_date)),
        ("parties.field.review_date", day(d.review_date)),
    ];
    let f = "notice";
    let notice_form = vec![
        field(f, "name", "parties.field.name", "text", true),
        field(f, "location", "parties.field.location", "text", false),
        select(f, "safeguard", "parties.field.safeguard", false, codes(Safeguard::ALL, Safeguard::code, "safeguard")),
        field(f, "notified_on", "parties.field.notified_on", "date", true),
    ];
    let page = AgreementPage {
        layout: Layout::for_staff(
            state,
            staff,
            &crate::i18n::tf("parties.agreement_title", &[("supplier", &detail.agreement.agreement.supplier_name)]),
            "/leveranciers",
        ),
        id: id.to_owned(),
        agreement: agreement_row(&detail.agreement),
        details: details.into_iter().filter(|(_, v)| !v.is_empty()).collect(),
        documents: detail.documents.iter().map(document_row).collect(),
        notices: detail.sub_processors.iter().map(notice_row).collect(),
        can_manage: staff.can(Action::RegisterManage),
        kinds: codes(DocumentKind::ALL, DocumentKind::code, "document_kind"),
        notice_form,
        decisions: codes(SubProcessorDecision::ALL, SubProcessorDecision::code, "decision"),
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn agreement(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    agreement_page(&state, &staff, &id, Refused::default(), StatusCode::OK).await
}

/// Uploads a document (a multipart form; its CSRF token rides in the action's query).
pub async fn upload(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    multipart: Multipart,
) -> PageResult {
    let upload = crate::api::parties::read_upload(multipart).await?;
    let typed = vec![
        ("kind".to_owned(), upload.kind.clone().unwrap_or_default()),
        ("product".to_owned(), upload.product.clone().unwrap_or_default()),
    ];
    match app::upload_document(&state, &staff, &id, upload).await {
        Ok(_) => Ok(Redirect::to(&format!("/verwerkersovereenkomsten/{id}")).into_response()),
        Err(error) => {
            let (status, refused) = refusal("document", typed, error, form_field)?;
            agreement_page(&state, &staff, &id, refused, status).await
        }
    }
}

/// Records a sub-processor notice of the agreement's supplier.
pub async fn create_notice(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let detail = app::agreement(&state, &staff, &id).await?;
    let mut with_supplier = pairs.clone();
    with_supplier.push(("supplier_id".to_owned(), detail.agreement.agreement.data.supplier_id.clone()));
    match app::create_sub_processor(&state, &staff, read(with_supplier)?).await {
        Ok(_) => Ok(Redirect::to(&format!("/verwerkersovereenkomsten/{id}")).into_response()),
        Err(error) => {
            let (status, refused) = refusal("notice", pairs, error, form_field)?;
            agreement_page(&state, &staff, &id, refused, status).await
        }
    }
}

/// Records the decision on a notice, from the agreement's page.
pub async fn decide_notice(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path((id, notice)): Path<(String, String)>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::decide_sub_processor(&state, &staff, &notice, read(pairs.clone())?).await {
        Ok(_) => Ok(Redirect::to(&format!("/verwerkersovereenkomsten/{id}")).into_response()),
        Err(error) => {
            let (status, refused) = refusal("decision", pairs, error, form_field)?;
            agreement_page(&state, &staff, &id, refused, status).await
        }
    }
}

/// A document's bytes as uploaded.
pub async fn download(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> Result<Response, super::PageError> {
    let (document, bytes) = app::document(&state, &staff, &id).await?;
    Ok(crate::api::parties::download(&document, bytes))
}

// ---------------------------------------------------------------- /ontvangers

pub struct RecipientRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub legal_ground: String,
    pub shared: String,
    pub occasion: String,
}

fn recipient_row(r: &DataRecipient) -> RecipientRow {
    RecipientRow {
        id: r.id.clone(),
        name: r.data.name.clone(),
        kind: label("recipient_kind", r.data.kind.code()).to_owned(),
        legal_ground: r.data.legal_ground.clone(),
        shared: r.data.shared.clone(),
        occasion: r.data.occasion.clone().unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "parties_recipients.html")]
struct RecipientsPage {
    layout: Layout,
    processors: Vec<SupplierRow>,
    recipients: Vec<RecipientRow>,
    can_manage: bool,
    recipient_form: Vec<Field>,
    refused: Refused,
}

fn recipient_fields() -> Vec<Field> {
    let f = "recipient";
    vec![
        field(f, "name", "parties.field.name", "text", true),
        select(f, "kind", "parties.field.kind", true, codes(RecipientKind::ALL, RecipientKind::code, "recipient_kind")),
        field(f, "legal_ground", "parties.field.legal_ground", "text", true),
        field(f, "shared", "parties.field.shared", "textarea", true),
        field(f, "occasion", "parties.field.occasion", "text", false),
    ]
}

async fn recipients_page(state: &AppState, staff: &Staff, refused: Refused, status: StatusCode) -> PageResult {
    let overview = app::overview(state, staff).await?;
    let recipient_form = recipient_fields();
    let page = RecipientsPage {
        layout: Layout::for_staff(state, staff, t("parties.recipients_title"), "/ontvangers"),
        processors: overview.processors.iter().map(supplier_row).collect(),
        recipients: overview.recipients.iter().map(recipient_row).collect(),
        can_manage: staff.can(Action::RegisterManage),
        recipient_form,
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn recipients(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    recipients_page(&state, &staff, Refused::default(), StatusCode::OK).await
}

pub async fn create_recipient(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::create_recipient(&state, &staff, read(pairs.clone())?).await {
        Ok(_) => Ok(Redirect::to("/ontvangers").into_response()),
        Err(error) => {
            let (status, refused) = refusal("recipient", pairs, error, form_field)?;
            recipients_page(&state, &staff, refused, status).await
        }
    }
}

/// "Overzicht van partijen waarmee wij gegevens delen" as a PDF.
pub async fn recipients_pdf(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
) -> Result<Response, super::PageError> {
    Ok(crate::api::parties::pdf(app::overview_pdf(&state, &staff).await?))
}

// ---------------------------------------------------------------- changing one record

/// One record's form filled with what is on record (`parties_edit.html`),
/// with the lists that belong to it (a supplier's agreements and systems).
#[derive(Template)]
#[template(path = "parties_edit.html")]
struct EditPage {
    layout: Layout,
    /// Where the form posts and the page lives.
    action: String,
    back: (&'static str, &'static str),
    can_manage: bool,
    fields: Vec<Field>,
    /// Read-only facts: (label key, value).
    details: Vec<(&'static str, String)>,
    agreements: Vec<AgreementRow>,
    systems: Vec<(String, String)>,
    refused: Refused,
}

impl EditPage {
    /// What is on record, as text, for someone who may read but not change it.
    fn on_record(&self) -> Vec<(&'static str, String)> {
        self.fields
            .iter()
            .map(|f| {
                let value = self.refused.value(f.form, f.name);
                let shown = f.options.iter().find(|(code, _)| code == value).map_or(value, |(_, label)| label.as_str());
                (f.label, shown.to_owned())
            })
            .filter(|(_, v)| !v.is_empty())
            .collect()
    }

    fn new(state: &AppState, staff: &Staff, title: &str, active: &str, action: String, fields: Vec<Field>) -> Self {
        Self {
            layout: Layout::for_staff(state, staff, title, active),
            action,
            back: ("/leveranciers", "parties.back"),
            can_manage: staff.can(Action::RegisterManage),
            fields,
            details: Vec::new(),
            agreements: Vec::new(),
            systems: Vec::new(),
            refused: Refused::default(),
        }
    }
}

fn iso(date: Option<Date>) -> String {
    date.map_or_else(String::new, |d| d.to_string())
}

fn yes_or_no(value: bool) -> String {
    (if value { "ja" } else { "nee" }).to_owned()
}

fn pairs(values: &[(&str, String)]) -> Vec<(String, String)> {
    values.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
}

async fn supplier_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    refused: Option<Refused>,
    status: StatusCode,
) -> PageResult {
    let detail = app::supplier(state, staff, id).await?;
    let d = &detail.supplier.supplier.data;
    let stored = pairs(&[
        ("name", d.name.clone()),
        ("processor", yes_or_no(d.processor)),
        ("convenant_status", d.convenant_status.map(|c| c.code().to_owned()).unwrap_or_default()),
        ("convenant_checked_on", iso(d.convenant_checked_on)),
        ("data_location", d.data_location.clone().unwrap_or_default()),
        ("contact", d.contact.clone().unwrap_or_default()),
    ]);
    let mut page =
        EditPage::new(state, staff, &d.name, "/leveranciers", format!("/leveranciers/{id}"), supplier_fields());
    page.details = vec![("parties.agreement", supplier_row(&detail.supplier).agreement)];
    page.agreements = detail.agreements.iter().map(agreement_row).collect();
    page.systems = detail.systems.iter().map(|s| (format!("/systemen/{}", s.id), s.data.name.clone())).collect();
    page.refused = refused.unwrap_or_else(|| Refused::filled("supplier", stored));
    Ok((status, render(&page)).into_response())
}

/// One supplier: its details to change, its agreements and its systems.
pub async fn supplier(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    supplier_page(&state, &staff, &id, None, StatusCode::OK).await
}

pub async fn update_supplier(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::update_supplier(&state, &staff, &id, read(pairs.clone())?).await {
        Ok(_) => Ok(Redirect::to("/leveranciers").into_response()),
        Err(error) => {
            let (status, refused) = refusal("supplier", pairs, error, form_field)?;
            supplier_page(&state, &staff, &id, Some(refused), status).await
        }
    }
}

async fn system_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    refused: Option<Refused>,
    status: StatusCode,
) -> PageResult {
    let system = app::system(state, staff, id).await?;
    let suppliers = app::suppliers(state, staff).await?;
    let d = &system.data;
    let stored = pairs(&[
        ("name", d.name.clone()),
        ("supplier_id", d.supplier_id.clone().unwrap_or_default()),
        ("product", d.product.clone().unwrap_or_default()),
        ("holds", d.holds.clone().unwrap_or_default()),
        ("classification", d.classification.map(|c| c.code().to_owned()).unwrap_or_default()),
        ("data_location", d.data_location.clone().unwrap_or_default()),
        ("in_use", yes_or_no(d.in_use)),
    ]);
    let mut page =
        EditPage::new(state, staff, &d.name, "/leveranciers", format!("/systemen/{id}"), system_fields(&suppliers));
    page.back = ("/systemen", "parties.back_systems");
    page.refused = refused.unwrap_or_else(|| Refused::filled("system", stored));
    Ok((status, render(&page)).into_response())
}

/// One system to change: a system no longer in use is marked so, and then
/// no longer needs an activity in the register.
pub async fn system(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    system_page(&state, &staff, &id, None, StatusCode::OK).await
}

pub async fn update_system(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::update_system(&state, &staff, &id, read(pairs.clone())?).await {
        Ok(_) => Ok(Redirect::to("/systemen").into_response()),
        Err(error) => {
            let (status, refused) = refusal("system", pairs, error, form_field)?;
            system_page(&state, &staff, &id, Some(refused), status).await
        }
    }
}

async fn recipient_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    refused: Option<Refused>,
    status: StatusCode,
) -> PageResult {
    let recipient = app::recipient(state, staff, id).await?;
    let d = &recipient.data;
    let stored = pairs(&[
        ("name", d.name.clone()),
        ("kind", d.kind.code().to_owned()),
        ("legal_ground", d.legal_ground.clone()),
        ("shared", d.shared.clone()),
        ("occasion", d.occasion.clone().unwrap_or_default()),
    ]);
    let mut page =
        EditPage::new(state, staff, &d.name, "/leveranciers", format!("/ontvangers/{id}"), recipient_fields());
    page.back = ("/ontvangers", "parties.back_recipients");
    page.refused = refused.unwrap_or_else(|| Refused::filled("recipient", stored));
    Ok((status, render(&page)).into_response())
}

/// One recipient that is no processor, to change.
pub async fn recipient(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    recipient_page(&state, &staff, &id, None, StatusCode::OK).await
}

pub async fn update_recipient(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::update_recipient(&state, &staff, &id, read(pairs.clone())?).await {
        Ok(_) => Ok(Redirect::to("/ontvangers").into_response()),
        Err(error) => {
            let (status, refused) = refusal("recipient", pairs, error, form_field)?;
            recipient_page(&state, &staff, &id, Some(refused), status).await
        }
    }
}

async fn agreement_edit_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    refused: Option<Refused>,
    status: StatusCode,
) -> PageResult {
    let detail = app::agreement(state, staff, id).await?;
    let suppliers = app::suppliers(state, staff).await?;
    let agreement = &detail.agreement.agreement;
    let d = &agreement.data;
    let stored = pairs(&[
        ("supplier_id", d.supplier_id.clone()),
        ("model", d.model.code().to_owned()),
        ("deviations", d.deviations.clone().unwrap_or_default()),
        ("signed_at", iso(d.signed_at)),
        ("signed_by", d.signed_by.clone().unwrap_or_default()),
        ("effective_from", iso(d.effective_from)),
        ("ends_at", iso(d.ends_at)),
        ("review_date", iso(d.review_date)),
    ]);
    let title = crate::i18n::tf("parties.agreement_title", &[("supplier", &agreement.supplier_name)]);
    let action = format!("/verwerkersovereenkomsten/{id}/wijzigen");
    let mut page = EditPage::new(state, staff, &title, "/leveranciers", action, agreement_fields(&suppliers));
    page.refused = refused.unwrap_or_else(|| Refused::filled("agreement", stored));
    Ok((status, render(&page)).into_response())
}

/// The agreement's dates and model to change (a renewal, a new end date).
pub async fn agreement_form(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    agreement_edit_page(&state, &staff, &id, None, StatusCode::OK).await
}

pub async fn update_agreement(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::update_agreement(&state, &staff, &id, read(pairs.clone())?).await {
        Ok(_) => Ok(Redirect::to(&format!("/verwerkersovereenkomsten/{id}")).into_response()),
        Err(error) => {
            let (status, refused) = refusal("agreement", pairs, error, form_field)?;
            agreement_edit_page(&state, &staff, &id, Some(refused), status).await
        }
    }
}
