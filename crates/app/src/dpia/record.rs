//! The DPIA itself: one per registered activity or per product. A local DPIA
//! follows the Model DPIA's 17 points; the points the register answers are
//! read from the register, so the DPIA cannot contradict it. A central DPIA
//! (e.g. SIVON's) is referenced with its URL and version, with the board's
//! own findings on it. The FG advises, the IBP manager writes what was done
//! with the advice, the CvB approves: a numbered snapshot whose hash goes into
//! the audit trail. An approved DPIA is reviewed three years later, and at
//! once when the register entry it covers changes significantly
//! ([`reopen_for`], called by the register's update in its own transaction).
//! The rules are in [`aantoonbaar_rules::dpia::record`].

use super::screenings::{ScreeningView, subject, view as screening_view};
use crate::error::{Error, FieldError, Result};
use crate::i18n::{t, tf};
use crate::people::to_responsible;
use crate::register::export::{Fact, activity_facts};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::dpia::record::{
    ApprovalFacts, Kind, Paragraph, PersonRisk, REQUIRED_TEXT, RiskLevel, Status, blockers,
    prior_consultation_required, reopening, review_due,
};
use aantoonbaar_rules::register::Register;
use aantoonbaar_store::dpias::{Dpia, DpiaData, DpiaVersion, NewDpiaVersion, Reopen, ReviewReason};
use aantoonbaar_store::{NewMail, Scope, StoreError};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

const TITLE_LIMIT: usize = 200;
const TEXT_LIMIT: usize = 10_000;
/// A review due within this many days shows on the dashboard.
pub const DUE_SOON_DAYS: i64 = 60;

/// A central DPIA the board relies on (e.g. SIVON's for a big system).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CentralReference {
    /// Who wrote it, e.g. "SIVON".
    pub publisher: String,
    pub title: String,
    /// Where it is published (http or https).
    pub url: String,
    pub version: String,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub published_on: Option<Date>,
}

/// The board's finding on one point of a central DPIA: does it apply to us, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub topic: String,
    pub applies: bool,
    pub why: String,
}

/// The AP consulted before the processing starts (art. 36).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PriorConsultation {
    #[schema(value_type = String)]
    pub submitted_on: Date,
    #[serde(default)]
    pub reference: Option<String>,
    /// The AP's answer, once it came.
    #[serde(default)]
    pub outcome: Option<String>,
}

/// What the board wrote, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Content {
    /// Text per paragraph code (`proposal`, `necessity`, …).
    #[serde(default)]
    pub sections: BTreeMap<String, String>,
    #[serde(default)]
    pub central: Option<CentralReference>,
    #[serde(default)]
    pub findings: Vec<Finding>,
    #[serde(default)]
    #[schema(value_type = Vec<Object>)]
    pub risks: Vec<PersonRisk>,
    #[serde(default)]
    pub subjects_views: Option<String>,
    #[serde(default)]
    pub subjects_not_asked: Option<String>,
    #[serde(default)]
    pub advice_response: Option<String>,
    #[serde(default)]
    pub prior_consultation: Option<PriorConsultation>,
}

/// A new DPIA, or the fields to change (only those sent; an empty text clears).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DpiaCommand {
    /// Defaults to the activity's name or the product.
    #[serde(default)]
    pub title: Option<String>,
    /// The register's activity it covers (fixed once created); or `product`.
    #[serde(default, alias = "processing_activity_id")]
    pub activity_id: Option<String>,
    #[serde(default)]
    pub product: Option<String>,
    /// `local` (default) or `central`.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub kind: Option<Kind>,
    /// The stored screening it follows from.
    #[serde(default)]
    pub screening_id: Option<String>,
    /// Text per paragraph code of the Model DPIA; merged into what is there.
    #[serde(default)]
    pub sections: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub central: Option<CentralReference>,
    #[serde(default)]
    pub findings: Option<Vec<Finding>>,
    /// Risks to the people: `{description, severity: 1..4, likelihood: 1..4, measures?,
    /// residual_severity?, residual_likelihood?}`; replaces the list.
    #[serde(default)]
    #[schema(value_type = Option<Vec<Object>>)]
    pub risks: Option<Vec<PersonRisk>>,
    /// The views of the people concerned (art. 35(9)).
    #[serde(default)]
    pub subjects_views: Option<String>,
    /// Why they were not asked.
    #[serde(default)]
    pub subjects_not_asked: Option<String>,
    /// What was done with the FG's advice.
    #[serde(default)]
    pub advice_response: Option<String>,
    #[serde(default)]
    pub prior_consultation: Option<PriorConsultation>,
}

const LABELS: &[(&str, &str)] = &[
    ("title", "dpia.record.field.title"),
    ("activity_id", "dpia.record.field.activity_id"),
    ("product", "dpia.record.field.product"),
    ("screening_id", "dpia.record.field.screening_id"),
    ("central.publisher", "dpia.record.field.central_publisher"),
    ("central.title", "dpia.record.field.central_title"),
    ("central.url", "dpia.record.field.central_url"),
    ("central.version", "dpia.record.field.central_version"),
    ("subjects_views", "dpia.record.field.subjects_views"),
    ("subjects_not_asked", "dpia.record.field.subjects_not_asked"),
    ("advice_response", "dpia.record.field.advice_response"),
    ("prior_consultation", "dpia.record.field.prior_consultation"),
    ("advice", "dpia.record.field.advice"),
    ("decision", "dpia.record.field.decision"),
    ("approved_on", "dpia.record.field.approved_on"),
    ("note", "dpia.record.field.note"),
];

/// Every error with its field named as its label reads.
#[must_use]
pub fn named(errors: Vec<FieldError>) -> Vec<FieldError> {
    crate::input::labelled(errors, LABELS)
}

fn check_text(errors: &mut Vec<FieldError>, field: &str, value: &str, limit: usize) {
    if value.chars().count() > limit {
        errors.push(FieldError::new(field, "dpia.record.too_long"));
    }
}

/// `Some(text)` trimmed, `None` for an empty text.
fn cleared(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

fn required_text(errors: &mut Vec<FieldError>, field: &str, value: &str, limit: usize) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.push(FieldError::new(field, "dpia.record.text_required"));
    }
    check_text(errors, field, value, limit);
    value.to_owned()
}

fn valid_central(errors: &mut Vec<FieldError>, c: &CentralReference) -> CentralReference {
    let url = required_text(errors, "central.url", &c.url, TITLE_LIMIT * 5);
    if !(url.is_empty() || url.starts_with("https://") || url.starts_with("http://")) {
        errors.push(FieldError::new("central.url", "dpia.record.url_invalid"));
    }
    CentralReference {
        publisher: required_text(errors, "central.publisher", &c.publisher, TITLE_LIMIT),
        title: required_text(errors, "central.title", &c.title, TITLE_LIMIT),
        url,
        version: required_text(errors, "central.version", &c.version, TITLE_LIMIT),
        published_on: c.published_on,
    }
}

/// Applies `command` to `content`, checking every field; the errors name
/// the field, a paragraph (`sections.proposal`) or a row (`risks[1].description`).
fn apply(content: &mut Content, command: &DpiaCommand, today: Date, errors: &mut Vec<FieldError>) {
    if let Some(sections) = &command.sections {
        for (code, text) in sections {
            let field = format!("sections.{code}");
            if Paragraph::from_code(code).is_err() {
                errors.push(FieldError::new(&field, "dpia.record.paragraph_unknown"));
                continue;
            }
            check_text(errors, &field, text, TEXT_LIMIT);
            match cleared(text) {
                Some(text) => content.sections.insert(code.trim().to_owned(), text),
                None => content.sections.remove(code.trim()),
            };
        }
    }
    if let Some(central) = &command.central {
        content.central = Some(valid_central(errors, central));
    }
    if let Some(findings) = &command.findings {
        content.findings = findings
            .iter()
            .enumerate()
            .map(|(i, f)| Finding {
                topic: required_text(errors, &format!("findings[{i}].topic"), &f.topic, TITLE_LIMIT * 2),
                applies: f.applies,
                why: required_text(errors, &format!("findings[{i}].why"), &f.why, TEXT_LIMIT),
            })
            .collect();
    }
    if let Some(risks) = &command.risks {
        content.risks = risks
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let description = required_text(errors, &format!("risks[{i}].description"), &r.description, TEXT_LIMIT);
                let measures = r.measures.as_deref().and_then(cleared);
                if let Some(m) = &measures {
                    check_text(errors, &format!("risks[{i}].measures"), m, TEXT_LIMIT);
                }
                PersonRisk { description, measures, ..r.clone() }
            })
            .collect();
    }
    for (field, given, slot) in [
        ("subjects_views", &command.subjects_views, &mut content.subjects_views),
        ("subjects_not_asked", &command.subjects_not_asked, &mut content.subjects_not_asked),
        ("advice_response", &command.advice_response, &mut content.advice_response),
    ] {
        if let Some(text) = given {
            check_text(errors, field, text, TEXT_LIMIT);
            *slot = cleared(text);
        }
    }
    if let Some(consultation) = &command.prior_consultation {
        if consultation.submitted_on > today {
            errors.push(FieldError::new("prior_consultation", "dpia.record.date_in_future"));
        }
        content.prior_consultation = Some(PriorConsultation {
            submitted_on: consultation.submitted_on,
            reference: consultation.reference.as_deref().and_then(cleared),
            outcome: consultation.outcome.as_deref().and_then(cleared),
        });
    }
}

fn content_of(dpia: &Dpia) -> Result<Content> {
    serde_json::from_value(dpia.data.content.clone()).map_err(|e| Error::internal(&e))
}

fn to_json(content: &Content) -> Result<serde_json::Value> {
    serde_json::to_value(content).map_err(|e| Error::internal(&e))
}

// ------------------------------------------------------------------ views

/// One point of the Model DPIA: what the register says and what the board wrote.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ParagraphView {
    pub code: &'static str,
    pub number: usize,
    /// `A` description, `B` lawfulness, `C` risks, `D` measures.
    pub part: String,
    pub title: &'static str,
    /// What the board is asked to write here.
    pub help: &'static str,
    /// From the processing register (label, value), for a DPIA about an activity.
    pub register: Vec<RegisterFact>,
    pub text: Option<String>,
}

/// One fact of the register, as its documents show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RegisterFact {
    pub label: String,
    pub value: String,
}

/// A risk to the people with its place on the risk map.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RiskView {
    pub description: String,
    pub severity: u8,
    pub likelihood: u8,
    /// `low, medium, high`
    pub level: &'static str,
    pub level_label: &'static str,
    pub measures: Option<String>,
    pub residual_severity: u8,
    pub residual_likelihood: u8,
    pub residual_level: &'static str,
    pub residual_label: &'static str,
}

/// Why a review is required, in words.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReviewReasonView {
    #[schema(value_type = String)]
    pub at: jiff::Timestamp,
    /// `register_changed, manual`
    pub reason: String,
    /// The register fields that changed.
    pub fields: Vec<String>,
    pub by: String,
    /// The reason in one Dutch sentence.
    pub text: String,
}

/// One approved version.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VersionSummary {
    pub version: i64,
    #[schema(value_type = String)]
    pub approved_on: Date,
    pub approved_by: String,
    pub decision: String,
    pub sha256: String,
}

/// What still stands in the way of approval.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BlockerView {
    pub field: &'static str,
    pub code: &'static str,
    pub text: &'static str,
}

/// A DPIA with everything the pages, the API and the PDF show.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DpiaView {
    pub id: String,
    pub title: String,
    /// `local, central`
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub activity_id: Option<String>,
    pub activity_name: Option<String>,
    pub product: Option<String>,
    pub screening: Option<ScreeningView>,
    /// `draft, approved, review_required`
    pub status: &'static str,
    pub status_label: &'static str,
    /// The 17 points of the Model DPIA (for a local DPIA).
    pub paragraphs: Vec<ParagraphView>,
    pub central: Option<CentralReference>,
    pub findings: Vec<Finding>,
    pub risks: Vec<RiskView>,
    /// A high risk remains after the measures: the AP must be consulted first (art. 36).
    pub prior_consultation_required: bool,
    pub prior_consultation: Option<PriorConsultation>,
    pub subjects_views: Option<String>,
    pub subjects_not_asked: Option<String>,
    pub fg_advice: Option<String>,
    pub fg_advice_by: Option<String>,
    #[schema(value_type = Option<String>)]
    pub fg_advice_at: Option<jiff::Timestamp>,
    pub advice_response: Option<String>,
    /// Empty when the board can approve it.
    pub blockers: Vec<BlockerView>,
    pub approved_version: Option<i64>,
    #[schema(value_type = Option<String>)]
    pub approved_on: Option<Date>,
    /// Three years after approval (seed 002 §3.5.2).
    #[schema(value_type = Option<String>)]
    pub review_due: Option<Date>,
    /// The review date has passed.
    pub review_overdue: bool,
    pub review_reasons: Vec<ReviewReasonView>,
    pub versions: Vec<VersionSummary>,
    #[schema(value_type = String)]
    pub created_at: jiff::Timestamp,
    #[schema(value_type = String)]
    pub updated_at: jiff::Timestamp,
}

/// The Dutch name of a status.
#[must_use]
pub fn status_label(status: Status) -> &'static str {
    t(&format!("dpia.record.status.{}", status.code()))
}

fn level_label(level: RiskLevel) -> &'static str {
    t(&format!("dpia.record.level.{}", level.code()))
}

fn risk_view(r: &PersonRisk) -> RiskView {
    let residual_severity = r.residual_severity.unwrap_or(r.severity).points();
    let residual_likelihood = r.residual_likelihood.unwrap_or(r.likelihood).points();
    RiskView {
        description: r.description.clone(),
        severity: r.severity.points(),
        likelihood: r.likelihood.points(),
        level: r.level().code(),
        level_label: level_label(r.level()),
        measures: r.measures.clone(),
        residual_severity,
        residual_likelihood,
        residual_level: r.residual_level().code(),
        residual_label: level_label(r.residual_level()),
    }
}

fn reason_view(r: &ReviewReason) -> ReviewReasonView {
    let fields: Vec<&str> = r.fields.iter().map(|f| t(&format!("register.field.{f}"))).collect();
    let text = match r.reason.as_str() {
        "register_changed" => tf("dpia.record.reopened_register", &[("fields", &fields.join(", "))]),
        _ => tf("dpia.record.reopened_manual", &[("note", r.note.as_deref().unwrap_or_default())]),
    };
    ReviewReasonView { at: r.at, reason: r.reason.clone(), fields: r.fields.clone(), by: r.by.clone(), text }
}

/// The register's facts per paragraph for the activity `id` of `register`.
fn register_facts(register: &Register, id: Option<&str>) -> Vec<Fact> {
    id.and_then(|id| register.activities.iter().find(|a| a.id == id))
        .map(|a| activity_facts(register, &a.activity))
        .unwrap_or_default()
}

/// The register's facts that fill paragraph `p`.
fn facts_of(p: Paragraph, facts: &[Fact]) -> Vec<RegisterFact> {
    facts
        .iter()
        .filter(|f| p.register_fields().contains(&f.field))
        .map(|f| RegisterFact { label: f.label.clone(), value: f.value.clone() })
        .collect()
}

fn paragraphs(content: &Content, facts: &[Fact]) -> Vec<ParagraphView> {
    Paragraph::ALL
        .iter()
        .map(|p| ParagraphView {
            code: p.code(),
            number: p.number(),
            part: p.part().to_string(),
            title: t(&format!("dpia.paragraph.{}", p.code())),
            help: t(&format!("dpia.paragraph_help.{}", p.code())),
            register: facts_of(*p, facts).into_iter().filter(|f| !f.value.is_empty()).collect(),
            text: content.sections.get(p.code()).cloned(),
        })
        .collect()
}

fn approval_blockers(dpia: &Dpia, content: &Content) -> Vec<BlockerView> {
    let written: Vec<Paragraph> = REQUIRED_TEXT
        .iter()
        .copied()
        .filter(|p| content.sections.get(p.code()).is_some_and(|t| !t.trim().is_empty()))
        .collect();
    let facts = ApprovalFacts {
        kind: dpia.data.kind,
        written,
        risks: &content.risks,
        fg_advice: dpia.fg_advice.is_some(),
        advice_response: content.advice_response.is_some(),
        views: content.subjects_views.is_some() || content.subjects_not_asked.is_some(),
        consulted: content.prior_consultation.is_some(),
        central_reference: content.central.is_some(),
        central_findings: content.findings.len(),
    };
    blockers(&facts).into_iter().map(|b| BlockerView { field: b.field, code: b.code, text: t(b.code) }).collect()
}

struct Context {
    register: Register,
    today: Date,
}

async fn context(app: &App, staff: &Staff) -> Result<Context> {
    Ok(Context { register: crate::register::current(app, staff).await?, today: app.clock.today() })
}

fn activity_name(register: &Register, id: Option<&str>) -> Option<String> {
    id.and_then(|id| register.activities.iter().find(|a| a.id == id)).map(|a| a.activity.name.clone())
}

async fn view(app: &App, staff: &Staff, ctx: &Context, dpia: Dpia) -> Result<DpiaView> {
    let board = app.store.board(&staff.principal.board);
    let content = content_of(&dpia)?;
    let facts = register_facts(&ctx.register, dpia.data.activity_id.as_deref());
    let screening = match dpia.data.screening_id.as_deref() {
        Some(id) => board.screening(id).await?.map(|s| {
            let name = activity_name(&ctx.register, s.data.activity_id.as_deref());
            screening_view(s, name)
        }),
        None => None,
    };
    let versions = board
        .dpia_versions(&dpia.id)
        .await?
        .into_iter()
        .map(|v| VersionSummary {
            version: v.version,
            approved_on: v.approved_on,
            approved_by: v.approved_by_name,
            decision: v.decision,
            sha256: v.sha256,
        })
        .collect();
    let blockers = if dpia.status == Status::Approved { Vec::new() } else { approval_blockers(&dpia, &content) };
    Ok(DpiaView {
        activity_name: activity_name(&ctx.register, dpia.data.activity_id.as_deref()),
        kind: dpia.data.kind.code(),
        kind_label: t(&format!("dpia.record.kind.{}", dpia.data.kind.code())),
        status: dpia.status.code(),
        status_label: status_label(dpia.status),
        paragraphs: paragraphs(&content, &facts),
        risks: content.risks.iter().map(risk_view).collect(),
        prior_consultation_required: prior_consultation_required(&content.risks),
        review_overdue: dpia.status == Status::Approved && dpia.review_due.is_some_and(|d| d <= ctx.today),
        review_reasons: dpia.review_reasons.iter().map(reason_view).collect(),
        blockers,
        versions,
        screening,
        id: dpia.id,
        title: dpia.data.title,
        activity_id: dpia.data.activity_id,
        product: dpia.data.product,
        central: content.central,
        findings: content.findings,
        prior_consultation: content.prior_consultation,
        subjects_views: content.subjects_views,
        subjects_not_asked: content.subjects_not_asked,
        fg_advice: dpia.fg_advice,
        fg_advice_by: dpia.fg_advice_by,
        fg_advice_at: dpia.fg_advice_at,
        advice_response: content.advice_response,
        approved_version: dpia.approved_version,
        approved_on: dpia.approved_on,
        review_due: dpia.review_due,
        created_at: dpia.created_at,
        updated_at: dpia.updated_at,
    })
}

/// A DPIA the caller may see: one about an activity outside their scope is not found.
async fn visible(app: &App, staff: &Staff, ctx: &Context, id: &str) -> Result<Dpia> {
    let dpia = app.store.board(&staff.principal.board).dpia(id).await?.ok_or(Error::NotFound)?;
    match dpia.data.activity_id.as_deref() {
        Some(activity) if !ctx.register.activities.iter().any(|a| a.id == activity) => Err(Error::NotFound),
        _ => Ok(dpia),
    }
}

fn refused(err: StoreError) -> Error {
    match err {
        StoreError::WrongState => Error::conflict("status", "dpia.record.approved_locked"),
        StoreError::Duplicate { .. } => Error::Invalid(named(vec![FieldError::new("title", "dpia.record.title_used")])),
        other => other.into(),
    }
}

// ------------------------------------------------------------- operations

/// Starts a DPIA (IBP manager) for an activity or a product, optionally with
/// everything a PATCH takes.
///
/// # Errors
/// Forbidden, every wrong field, a title in use, or the store.
pub async fn create(app: &App, staff: &Staff, command: DpiaCommand) -> Result<DpiaView> {
    staff.may(Action::DpiaManage)?;
    let mut errors = Vec::new();
    // A DPIA with only a title is about the product it names.
    let product = match (&command.activity_id, &command.product) {
        (None, None) => command.title.as_deref(),
        _ => command.product.as_deref(),
    };
    let (activity_id, product, activity_name) =
        subject(app, staff, command.activity_id.as_deref(), product, &mut errors).await?;
    let title = command
        .title
        .as_deref()
        .and_then(cleared)
        .or_else(|| activity_name.clone())
        .or_else(|| product.clone())
        .unwrap_or_default();
    if title.is_empty() && errors.is_empty() {
        errors.push(FieldError::new("title", "dpia.record.text_required"));
    }
    check_text(&mut errors, "title", &title, TITLE_LIMIT);
    let screening_id = screening(app, staff, command.screening_id.as_deref(), &mut errors).await?;
    let mut content = Content::default();
    let today = app.clock.today();
    apply(&mut content, &command, today, &mut errors);
    if !errors.is_empty() {
        return Err(Error::Invalid(named(errors)));
    }
    let data = DpiaData {
        title,
        activity_id,
        product,
        kind: command.kind.unwrap_or(Kind::Local),
        screening_id,
        content: to_json(&content)?,
    };
    let created = app.store.board(&staff.principal.board).create_dpia(&staff.actor(), &data).await.map_err(refused)?;
    let ctx = context(app, staff).await?;
    view(app, staff, &ctx, created).await
}

async fn screening(app: &App, staff: &Staff, id: Option<&str>, errors: &mut Vec<FieldError>) -> Result<Option<String>> {
    let Some(id) = id.map(str::trim).filter(|i| !i.is_empty()) else { return Ok(None) };
    if app.store.board(&staff.principal.board).screening(id).await?.is_none() {
        errors.push(FieldError::new("screening_id", "dpia.record.screening_unknown"));
    }
    Ok(Some(id.to_owned()))
}

/// Changes a DPIA that is not approved: only the fields sent. The activity it
/// covers stays what it was.
///
/// # Errors
/// Forbidden, not found, every wrong field, approved (409), or the store.
pub async fn update(app: &App, staff: &Staff, id: &str, command: DpiaCommand) -> Result<DpiaView> {
    staff.may(Action::DpiaManage)?;
    let ctx = context(app, staff).await?;
    let dpia = visible(app, staff, &ctx, id).await?;
    let mut errors = Vec::new();
    if command.activity_id.as_deref().is_some_and(|a| Some(a) != dpia.data.activity_id.as_deref()) {
        errors.push(FieldError::new("activity_id", "dpia.record.activity_fixed"));
    }
    let mut data = dpia.data.clone();
    let mut fields = Vec::new();
    if let Some(title) = &command.title {
        data.title = required_text(&mut errors, "title", title, TITLE_LIMIT);
        fields.push("title");
    }
    if let Some(product) = &command.product {
        if data.activity_id.is_some() {
            errors.push(FieldError::new("product", "dpia.record.one_subject"));
        } else {
            data.product = Some(required_text(&mut errors, "product", product, TITLE_LIMIT));
            fields.push("product");
        }
    }
    if let Some(kind) = command.kind {
        data.kind = kind;
        fields.push("kind");
    }
    if command.screening_id.is_some() {
        data.screening_id = screening(app, staff, command.screening_id.as_deref(), &mut errors).await?;
        fields.push("screening_id");
    }
    let mut content = content_of(&dpia)?;
    apply(&mut content, &command, ctx.today, &mut errors);
    if !errors.is_empty() {
        return Err(Error::Invalid(named(errors)));
    }
    fields.push("content");
    data.content = to_json(&content)?;
    if dpia.status == Status::Approved {
        return Err(Error::conflict("status", "dpia.record.approved_locked"));
    }
    let board = app.store.board(&staff.principal.board);
    let updated = board.update_dpia(&staff.actor(), id, &data, &fields).await.map_err(refused)?;
    view(app, staff, &ctx, updated).await
}

/// The FG's advice (art. 35(2)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    #[serde(default)]
    pub advice: String,
}

/// The link to a DPIA's page.
#[must_use]
pub fn link(app: &App, id: &str) -> String {
    app.link(&format!("/dpia/{id}"))
}

/// Records the FG's advice on a DPIA that is not approved; the IBP manager is told.
///
/// # Errors
/// Forbidden, not found, an empty advice, approved (409), or the store.
pub async fn advise(app: &App, staff: &Staff, id: &str, command: Advice) -> Result<DpiaView> {
    staff.may(Action::DpiaAdvise)?;
    let ctx = context(app, staff).await?;
    let dpia = visible(app, staff, &ctx, id).await?;
    let mut errors = Vec::new();
    let advice = required_text(&mut errors, "advice", &command.advice, TEXT_LIMIT);
    if !errors.is_empty() {
        return Err(Error::Invalid(named(errors)));
    }
    let board = app.store.board(&staff.principal.board);
    let users = board.users(&Scope::Board).await?;
    let subject = tf("dpia.mail.advice_subject", &[("title", &dpia.data.title)]);
    let body = tf("dpia.mail.advice_body", &[("title", &dpia.data.title), ("link", &link(app, id))]);
    let mails = to_responsible(&users, false, &subject, &body);
    let advised = board.advise_dpia(&staff.actor(), id, &advice, &mails).await.map_err(refused)?;
    app.mailer.wake();
    view(app, staff, &ctx, advised).await
}

/// The board's approval.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Approve {
    /// Who approved, in the board's words: "het College van Bestuur, besluit 2026-21".
    #[serde(default)]
    pub decision: String,
    /// Defaults to today.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub approved_on: Option<Date>,
}

/// What an approved version holds: the whole DPIA as the board approved it,
/// the register's facts included.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Snapshot {
    pub dpia_id: String,
    pub version: i64,
    pub title: String,
    pub kind: String,
    pub activity_id: Option<String>,
    pub activity_name: Option<String>,
    pub product: Option<String>,
    /// Per paragraph code: the register's facts at approval.
    pub register: BTreeMap<String, Vec<RegisterFact>>,
    pub content: Content,
    pub screening_outcome: Option<String>,
    pub fg_advice: Option<String>,
    pub fg_advice_by: Option<String>,
    #[schema(value_type = String)]
    pub approved_on: Date,
    pub approved_by: String,
    pub decision: String,
}

/// Approves a DPIA with nothing missing: a numbered snapshot with its hash in
/// the audit trail, review due in three years; the IBP manager and the FG are told.
///
/// # Errors
/// Forbidden, not found, what is still missing (422, each named), approved
/// already or changed meanwhile (409), or the store.
pub async fn approve(app: &App, staff: &Staff, id: &str, command: Approve) -> Result<DpiaView> {
    staff.may(Action::DpiaApprove)?;
    let ctx = context(app, staff).await?;
    let dpia = visible(app, staff, &ctx, id).await?;
    let mut errors = Vec::new();
    let decision = required_text(&mut errors, "decision", &command.decision, TITLE_LIMIT);
    let approved_on = command.approved_on.unwrap_or(ctx.today);
    if approved_on > ctx.today {
        errors.push(FieldError::new("approved_on", "dpia.record.date_in_future"));
    }
    if dpia.status == Status::Approved {
        return Err(Error::conflict("status", "dpia.record.approved_already"));
    }
    let content = content_of(&dpia)?;
    for blocker in approval_blockers(&dpia, &content) {
        errors.push(FieldError::new(blocker.field, blocker.code));
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(named(errors)));
    }
    let board = app.store.board(&staff.principal.board);
    let users = board.users(&Scope::Board).await?;
    let subject = tf("dpia.mail.approved_subject", &[("title", &dpia.data.title)]);
    let body = tf("dpia.mail.approved_body", &[("title", &dpia.data.title), ("link", &link(app, id))]);
    let mails = to_responsible(&users, true, &subject, &body);
    let approval = Approval { approved_by: &staff.principal.name, decision: &decision, approved_on };
    let approved = seal(board, &staff.actor(), &ctx.register, &dpia, &approval, &mails).await?;
    app.mailer.wake();
    view(app, staff, &ctx, approved).await
}

/// Who approved a DPIA, how, and on what day.
pub struct Approval<'a> {
    pub approved_by: &'a str,
    pub decision: &'a str,
    pub approved_on: Date,
}

/// Seals an approval of `dpia` (checked by the caller): the next version's
/// snapshot with the register's facts of `register`, its hash, the review
/// date, and `mails`, in one transaction. The demo board approves through it too.
///
/// # Errors
/// Changed or approved meanwhile (409), or the store.
pub async fn seal(
    board: aantoonbaar_store::BoardStore<'_>,
    actor: &aantoonbaar_store::Actor,
    register: &Register,
    dpia: &Dpia,
    approval: &Approval<'_>,
    mails: &[NewMail],
) -> Result<Dpia> {
    let version = dpia.approved_version.map_or(1, |v| v + 1);
    let snapshot = snapshot_of(board, register, dpia, version, approval).await?;
    let (body, sha256) = crate::register::adoption::sealed(&snapshot)?;
    let new = NewDpiaVersion {
        approved_on: approval.approved_on,
        review_due: review_due(approval.approved_on),
        approved_by_name: approval.approved_by.to_owned(),
        decision: approval.decision.to_owned(),
        body,
        sha256,
        seen: dpia.updated_at,
    };
    board.approve_dpia(actor, &dpia.id, &new, mails).await.map_err(|e| match e {
        StoreError::WrongState => Error::conflict("status", "dpia.record.changed_meanwhile"),
        other => other.into(),
    })
}

/// The whole DPIA as it reads now, the register's facts included: what an
/// approval seals, and what the PDF of a draft prints.
async fn snapshot_of(
    board: aantoonbaar_store::BoardStore<'_>,
    register: &Register,
    dpia: &Dpia,
    version: i64,
    approval: &Approval<'_>,
) -> Result<Snapshot> {
    let facts = register_facts(register, dpia.data.activity_id.as_deref());
    let paragraphs = Paragraph::ALL
        .iter()
        .filter(|p| !p.register_fields().is_empty())
        .map(|p| (p.code().to_owned(), facts_of(*p, &facts)))
        .collect();
    let screening_outcome = match dpia.data.screening_id.as_deref() {
        Some(s) => board.screening(s).await?.map(|s| s.data.outcome),
        None => None,
    };
    Ok(Snapshot {
        dpia_id: dpia.id.clone(),
        version,
        title: dpia.data.title.clone(),
        kind: dpia.data.kind.code().to_owned(),
        activity_id: dpia.data.activity_id.clone(),
        activity_name: activity_name(register, dpia.data.activity_id.as_deref()),
        product: dpia.data.product.clone(),
        register: paragraphs,
        content: content_of(dpia)?,
        screening_outcome,
        fg_advice: dpia.fg_advice.clone(),
        fg_advice_by: dpia.fg_advice_by.clone(),
        approved_on: approval.approved_on,
        approved_by: approval.approved_by.to_owned(),
        decision: approval.decision.to_owned(),
    })
}

/// A review asked for by hand (the IBP manager or the FG): why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReopenDpia {
    #[serde(default)]
    pub note: String,
}

/// Marks an approved DPIA for review, with the reason.
///
/// # Errors
/// Forbidden, not found, an empty note, not approved (409), or the store.
pub async fn reopen(app: &App, staff: &Staff, id: &str, command: ReopenDpia) -> Result<DpiaView> {
    staff.may(Action::DpiaReopen)?;
    let ctx = context(app, staff).await?;
    let dpia = visible(app, staff, &ctx, id).await?;
    let mut errors = Vec::new();
    let note = required_text(&mut errors, "note", &command.note, TEXT_LIMIT);
    if !errors.is_empty() {
        return Err(Error::Invalid(named(errors)));
    }
    let actor = staff.actor();
    let reason = ReviewReason {
        at: actor.at,
        reason: "manual".to_owned(),
        fields: Vec::new(),
        by: staff.principal.name.clone(),
        note: Some(note),
    };
    let board = app.store.board(&staff.principal.board);
    let users = board.users(&Scope::Board).await?;
    let subject = tf("dpia.mail.review_subject", &[("title", &dpia.data.title)]);
    let body = tf("dpia.mail.review_body", &[("title", &dpia.data.title), ("link", &link(app, id))]);
    let mails = to_responsible(&users, true, &subject, &body);
    let reopened = board.reopen_dpia(&actor, id, &reason, &mails).await.map_err(|e| match e {
        StoreError::WrongState => Error::conflict("status", "dpia.record.not_approved"),
        other => other.into(),
    })?;
    app.mailer.wake();
    view(app, staff, &ctx, reopened).await
}

/// What a change of an activity does to its approved DPIAs: `None` when no
/// changed field reopens one. The register's update passes it to the store,
/// which marks them in the activity's own transaction.
///
/// # Errors
/// The store.
pub async fn reopen_for(app: &App, staff: &Staff, activity_id: &str, changed: &[&str]) -> Result<Option<Reopen>> {
    let fields = reopening(changed);
    if fields.is_empty() {
        return Ok(None);
    }
    let board = app.store.board(&staff.principal.board);
    let covering: Vec<Dpia> = board
        .dpias()
        .await?
        .into_iter()
        .filter(|d| d.data.activity_id.as_deref() == Some(activity_id) && d.status != Status::Draft)
        .collect();
    let users = board.users(&Scope::Board).await?;
    let labels: Vec<&str> = fields.iter().map(|f| t(&format!("register.field.{f}"))).collect();
    let mut mails = Vec::new();
    for dpia in &covering {
        let subject = tf("dpia.mail.review_subject", &[("title", &dpia.data.title)]);
        let body = tf(
            "dpia.mail.register_changed_body",
            &[("title", &dpia.data.title), ("fields", &labels.join(", ")), ("link", &link(app, &dpia.id))],
        );
        mails.extend(to_responsible(&users, true, &subject, &body));
    }
    Ok(Some(Reopen { fields: fields.into_iter().map(str::to_owned).collect(), mails }))
}

/// One line of the list of DPIAs.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DpiaSummary {
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    pub activity_id: Option<String>,
    pub activity_name: Option<String>,
    pub product: Option<String>,
    pub status: &'static str,
    pub status_label: &'static str,
    #[schema(value_type = Option<String>)]
    pub review_due: Option<Date>,
    /// Review required, overdue, or due within [`DUE_SOON_DAYS`] days.
    pub needs_attention: bool,
}

/// An activity whose newest screening says a DPIA is required, without one.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MissingDpia {
    pub activity_id: String,
    pub activity_name: String,
    pub screening_id: String,
    #[schema(value_type = String)]
    pub screened_at: jiff::Timestamp,
}

/// The DPIAs the caller may see, and the activities that need one.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DpiaOverview {
    pub dpias: Vec<DpiaSummary>,
    pub missing: Vec<MissingDpia>,
}

impl DpiaOverview {
    /// The dashboard's count: DPIAs due or overdue, and the ones still missing.
    #[must_use]
    pub fn due(&self) -> usize {
        self.dpias.iter().filter(|d| d.needs_attention).count() + self.missing.len()
    }
}

fn needs_attention(dpia: &Dpia, today: Date) -> bool {
    match dpia.status {
        Status::ReviewRequired => true,
        Status::Approved => dpia
            .review_due
            .is_some_and(|d| today.checked_add(jiff::Span::new().days(DUE_SOON_DAYS)).is_ok_and(|soon| d <= soon)),
        Status::Draft => false,
    }
}

/// Every DPIA the caller may see, and the activities screened as needing one
/// that have none.
///
/// # Errors
/// Forbidden, or the store.
pub async fn list(app: &App, staff: &Staff) -> Result<DpiaOverview> {
    staff.may(Action::DpiaView)?;
    let ctx = context(app, staff).await?;
    let board = app.store.board(&staff.principal.board);
    let all = board.dpias().await?;
    let in_scope = |activity: Option<&str>| activity.is_none_or(|a| ctx.register.activities.iter().any(|r| r.id == a));
    let dpias: Vec<DpiaSummary> = all
        .iter()
        .filter(|d| in_scope(d.data.activity_id.as_deref()))
        .map(|d| DpiaSummary {
            id: d.id.clone(),
            title: d.data.title.clone(),
            kind: d.data.kind.code(),
            activity_id: d.data.activity_id.clone(),
            activity_name: activity_name(&ctx.register, d.data.activity_id.as_deref()),
            product: d.data.product.clone(),
            status: d.status.code(),
            status_label: status_label(d.status),
            review_due: d.review_due,
            needs_attention: needs_attention(d, ctx.today),
        })
        .collect();
    let mut missing: Vec<MissingDpia> = Vec::new();
    for s in board.screenings().await? {
        let Some(activity) = s.data.activity_id.as_deref() else { continue };
        // Screenings come newest first: the first one per activity counts.
        if missing.iter().any(|m| m.activity_id == activity)
            || all.iter().any(|d| d.data.activity_id.as_deref() == Some(activity))
        {
            continue;
        }
        if s.data.outcome == "required"
            && let Some(name) = activity_name(&ctx.register, Some(activity))
        {
            missing.push(MissingDpia {
                activity_id: activity.to_owned(),
                activity_name: name,
                screening_id: s.id.clone(),
                screened_at: s.screened_at,
            });
        }
    }
    Ok(DpiaOverview { dpias, missing })
}

/// One DPIA the caller may see.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn get(app: &App, staff: &Staff, id: &str) -> Result<DpiaView> {
    staff.may(Action::DpiaView)?;
    let ctx = context(app, staff).await?;
    let dpia = visible(app, staff, &ctx, id).await?;
    view(app, staff, &ctx, dpia).await
}

/// An approved version: its snapshot and hash.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VersionView {
    pub version: i64,
    #[schema(value_type = String)]
    pub approved_on: Date,
    pub approved_by: String,
    pub decision: String,
    pub sha256: String,
    pub snapshot: Snapshot,
}

/// Version `number` of a DPIA the caller may see.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn version(app: &App, staff: &Staff, id: &str, number: i64) -> Result<VersionView> {
    staff.may(Action::DpiaView)?;
    let ctx = context(app, staff).await?;
    visible(app, staff, &ctx, id).await?;
    let found: DpiaVersion = app
        .store
        .board(&staff.principal.board)
        .dpia_versions(id)
        .await?
        .into_iter()
        .find(|v| v.version == number)
        .ok_or(Error::NotFound)?;
    let snapshot = serde_json::from_str(&found.body).map_err(|e| Error::internal(&e))?;
    Ok(VersionView {
        version: found.version,
        approved_on: found.approved_on,
        approved_by: found.approved_by_name,
        decision: found.decision,
        sha256: found.sha256,
        snapshot,
    })
}

/// The DPIA as a PDF: version `number`, or the newest approved version, or
/// (never approved) the current text marked as a draft.
///
/// # Errors
/// Forbidden, not found, or the PDF.
pub async fn pdf(app: &App, staff: &Staff, id: &str, number: Option<i64>) -> Result<crate::register::export::Download> {
    staff.may(Action::DpiaView)?;
    let ctx = context(app, staff).await?;
    let dpia = visible(app, staff, &ctx, id).await?;
    let wanted = number.or(dpia.approved_version);
    let (snapshot, line) = match wanted {
        Some(n) => {
            let v = version(app, staff, id, n).await?;
            let line = tf(
                "dpia.pdf.approved_line",
                &[
                    ("version", &v.version.to_string()),
                    ("date", &crate::requests::dutch_date(v.approved_on)),
                    ("by", &v.approved_by),
                    ("decision", &v.decision),
                    ("hash", &v.sha256),
                ],
            );
            (v.snapshot, line)
        }
        None => {
            let draft = Approval { approved_by: &staff.principal.name, decision: "", approved_on: ctx.today };
            let board = app.store.board(&staff.principal.board);
            let snapshot = snapshot_of(board, &ctx.register, &dpia, 0, &draft).await?;
            (snapshot, tf("dpia.pdf.draft_line", &[("date", &crate::requests::dutch_date(ctx.today))]))
        }
    };
    let file_name = format!("DPIA {}.pdf", snapshot.title);
    let bytes = super::document::pdf(super::document::document(&snapshot, line)).await?;
    Ok(crate::register::export::Download { bytes, content_type: "application/pdf", file_name })
}

#[cfg(test)]
mod tests {
    use super::*;
    use aantoonbaar_rules::dpia::record::BLOCKER_CODES;

    #[test]
    fn every_code_of_the_dpia_has_a_dutch_text() {
        let mut keys: Vec<String> = BLOCKER_CODES.iter().map(|c| (*c).to_owned()).collect();
        for p in Paragraph::ALL {
            keys.push(format!("dpia.paragraph.{}", p.code()));
            keys.push(format!("dpia.paragraph_help.{}", p.code()));
        }
        keys.extend(Status::ALL.iter().map(|s| format!("dpia.record.status.{}", s.code())));
        keys.extend(RiskLevel::ALL.iter().map(|l| format!("dpia.record.level.{}", l.code())));
        keys.extend(Kind::ALL.iter().map(|k| format!("dpia.record.kind.{}", k.code())));
        keys.extend(aantoonbaar_rules::dpia::record::REOPENING_FIELDS.iter().map(|f| format!("register.field.{f}")));
        for key in keys {
            assert!(crate::i18n::has(&key), "{key} missing");
        }
    }

    #[test]
    fn a_patch_merges_paragraphs_and_names_wrong_rows() {
        let today = jiff::civil::date(2026, 12, 3);
        let mut content = Content::default();
        let mut errors = Vec::new();
        let first: DpiaCommand = serde_json::from_value(serde_json::json!({
            "sections": {"proposal": "Een leerlingvolgsysteem", "necessity": "Nodig voor de zorgplicht"},
        }))
        .unwrap_or_default();
        apply(&mut content, &first, today, &mut errors);
        let second: DpiaCommand = serde_json::from_value(serde_json::json!({
            "sections": {"necessity": " ", "colour": "rood"},
            "risks": [{"description": "", "severity": 3, "likelihood": 2}],
            "central": {"publisher": "SIVON", "title": "DPIA", "url": "sivon.nl", "version": "1"},
        }))
        .unwrap_or_default();
        apply(&mut content, &second, today, &mut errors);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["sections.colour", "central.url", "risks[0].description"]);
        assert_eq!(content.sections.keys().collect::<Vec<_>>(), ["proposal"], "an empty text clears its paragraph");
        assert!(
            serde_json::from_value::<DpiaCommand>(
                serde_json::json!({"risks": [{"description": "x", "severity": 5, "likelihood": 1}]})
            )
            .is_err()
        );
    }
}
