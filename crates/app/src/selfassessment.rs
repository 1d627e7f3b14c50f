//! The self-assessment against a framework (seed 003: the Aanpak IBP's norms
//! and maturity levels, level 3 the sector's minimum): the frameworks a board
//! has (the shipped one, written from seed 001 §6.2 and §14.9, and those it
//! imported), its answer per norm, and beside a norm the figure the product
//! computes from the facts it holds (agreements, risks, incidents, requests).

use crate::error::{Error, FieldError, Result};
use crate::i18n::{t, tf};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, rule};
use crate::{App, Staff};
use aantoonbaar_rules::frameworks::{
    EvidenceKind, Framework, FrameworkError, Level, Norm, SHIPPED_CODE, evidence_kind, parse, shipped,
};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::{Action, Invalid};
use aantoonbaar_store::selfassessment::{Answer, AnswerData, StoredFramework};
use aantoonbaar_store::{BoardStore, IncidentFilter, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The longest owner's name.
pub const OWNER_LIMIT: usize = 200;

/// The largest framework file, in bytes.
pub const FILE_LIMIT: usize = 1_000_000;

const LABELS: &[(&str, &str)] = &[
    ("level", "selfassessment.field.level"),
    ("target", "selfassessment.field.target"),
    ("evidence", "selfassessment.field.evidence"),
    ("measures", "selfassessment.field.measures"),
    ("owner", "selfassessment.field.owner"),
    ("due_date", "selfassessment.field.due_date"),
];

/// Every error with its field named as its label reads.
#[must_use]
pub fn named(errors: Vec<FieldError>) -> Vec<FieldError> {
    crate::input::labelled(errors, LABELS)
}

fn store<'a>(app: &'a App, staff: &'a Staff) -> BoardStore<'a> {
    app.store.board(&staff.principal.board)
}

// ---------------------------------------------------------------- frameworks

/// A framework in the list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FrameworkSummary {
    pub code: String,
    pub title: String,
    pub version: String,
    pub source: String,
    /// How many norms it has.
    pub norms: usize,
    /// The framework that ships with the product (every board has it).
    pub shipped: bool,
}

fn summary(f: &Framework, shipped: bool) -> FrameworkSummary {
    FrameworkSummary {
        code: f.code.clone(),
        title: f.title.clone(),
        version: f.version.clone(),
        source: f.source.clone(),
        norms: f.norms.len(),
        shipped,
    }
}

fn the_shipped() -> Result<Framework> {
    shipped().map_err(|e| Error::internal(&e))
}

/// Every framework of the board: the shipped one first, then the imported ones by title.
async fn all(board: BoardStore<'_>) -> Result<Vec<(Framework, bool)>> {
    let mut out = vec![(the_shipped()?, true)];
    for stored in board.frameworks().await? {
        out.push((parse(&stored.body).map_err(|e| Error::internal(&e))?, false));
    }
    Ok(out)
}

/// The frameworks the board can assess itself against.
///
/// # Errors
/// Forbidden, or the store.
pub async fn frameworks(app: &App, staff: &Staff) -> Result<Vec<FrameworkSummary>> {
    staff.may(Action::SelfAssessmentView)?;
    Ok(all(store(app, staff)).await?.iter().map(|(f, s)| summary(f, *s)).collect())
}

async fn framework(board: BoardStore<'_>, code: &str) -> Result<Framework> {
    all(board).await?.into_iter().map(|(f, _)| f).find(|f| f.code == code).ok_or(Error::NotFound)
}

/// What is wrong with a framework file, in Dutch, naming the norm and the field.
#[must_use]
pub fn file_error(e: &FrameworkError) -> FieldError {
    let message = t(e.code);
    match e.norm {
        Some(index) => {
            let field = format!("norms[{index}].{}", e.field);
            let detail = tf(
                "selfassessment.file_error_norm",
                &[("number", &(index + 1).to_string()), ("field", &e.field), ("message", message)],
            );
            FieldError { field, line: None, code: e.code.to_owned(), detail }
        }
        None => {
            let detail = tf("selfassessment.file_error", &[("field", &e.field), ("message", message)]);
            FieldError { field: e.field.clone(), line: None, code: e.code.to_owned(), detail }
        }
    }
}

/// Imports a framework file (JSON, `docs/frameworks.md`) for the board (IBP
/// manager), with an audit entry; nothing is written when the file is wrong.
///
/// # Errors
/// Forbidden, 422 naming the norm and field of the first mistake, 409 for a
/// code in use (also the shipped one's), or the store.
pub async fn import(app: &App, staff: &Staff, body: &str) -> Result<FrameworkSummary> {
    staff.may(Action::SelfAssessmentManage)?;
    if body.len() > FILE_LIMIT {
        return Err(Error::Invalid(vec![FieldError::new("file", "selfassessment.file_too_large")]));
    }
    let parsed = parse(body).map_err(|e| Error::Invalid(vec![file_error(&e)]))?;
    if parsed.code == SHIPPED_CODE {
        return Err(Error::conflict("code", "selfassessment.code_in_use"));
    }
    let stored = StoredFramework {
        code: parsed.code.clone(),
        title: parsed.title.clone(),
        version: parsed.version.clone(),
        source: parsed.source.clone(),
        body: body.to_owned(),
        imported_by: staff.actor().user_id,
        imported_at: app.clock.now(),
    };
    store(app, staff).import_framework(&staff.actor(), &stored).await.map_err(|e| match e {
        StoreError::Duplicate { .. } => Error::conflict("code", "selfassessment.code_in_use"),
        other => other.into(),
    })?;
    Ok(summary(&parsed, false))
}

// ---------------------------------------------------------------- evidence

/// A figure the product computes for a norm from the facts it holds.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Evidence {
    /// `processor_agreements`, `risk_measures`, `incidents_in_time`, `requests_in_time` or `dpias_current`.
    #[schema(value_type = String)]
    pub kind: EvidenceKind,
    /// How many meet the norm.
    pub met: usize,
    /// Out of how many.
    pub total: usize,
    /// The figure in words: "12 van 12 verwerkers hebben een geldige overeenkomst".
    pub text: String,
}

fn figure(kind: EvidenceKind, met: usize, total: usize) -> Evidence {
    let text = tf(
        &format!("selfassessment.evidence.{}", kind.code()),
        &[("met", &met.to_string()), ("total", &total.to_string())],
    );
    Evidence { kind, met, total, text }
}

/// The figure for `kind`, or `None` when the caller may not read its facts.
async fn evidence(app: &App, staff: &Staff, kind: EvidenceKind) -> Result<Option<Evidence>> {
    let board = store(app, staff);
    let year = app.clock.today().year();
    Ok(match kind {
        EvidenceKind::ProcessorAgreements => {
            if !staff.can(Action::RegisterView) {
                return Ok(None);
            }
            let suppliers = crate::parties::suppliers(app, staff).await?;
            let processors: Vec<_> = suppliers.iter().filter(|s| s.supplier.data.processor).collect();
            let met = processors.iter().filter(|s| !s.needs_agreement).count();
            Some(figure(kind, met, processors.len()))
        }
        EvidenceKind::RiskMeasures => {
            if !staff.can(Action::RiskView) {
                return Ok(None);
            }
            let risks = crate::risks::risks(app, staff).await?;
            let high: Vec<_> = risks.iter().filter(|r| r.level == aantoonbaar_rules::risks::Level::High).collect();
            let met = high.iter().filter(|r| !r.needs_measures).count();
            Some(figure(kind, met, high.len()))
        }
        EvidenceKind::IncidentsInTime => {
            let Ok(scope) = staff.may(Action::IncidentView) else { return Ok(None) };
            let incidents = board.incidents(scope, &IncidentFilter::default()).await?;
            let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap_or(jiff::tz::TimeZone::UTC);
            let this_year: Vec<_> =
                incidents.iter().filter(|i| i.reported_at.to_zoned(tz.clone()).year() == year).collect();
            let met = this_year.iter().filter(|i| !i.reported_late).count();
            Some(figure(kind, met, this_year.len()))
        }
        EvidenceKind::RequestsInTime => {
            let Ok(scope) = staff.may(Action::RequestView) else { return Ok(None) };
            let requests = board.requests(scope, false).await?;
            let decided: Vec<_> = requests
                .iter()
                .filter_map(|r| r.decided_on.map(|on| (on, r.current_deadline())))
                .filter(|(on, _)| on.year() == year)
                .collect();
            let met = decided.iter().filter(|(on, deadline)| on <= deadline).count();
            Some(figure(kind, met, decided.len()))
        }
        EvidenceKind::DpiasCurrent => {
            if !staff.can(Action::DpiaView) {
                return Ok(None);
            }
            let overview = crate::dpia::record::list(app, staff).await?;
            let today = app.clock.today();
            let current = |d: &crate::dpia::record::DpiaSummary| {
                d.status == "approved" && d.review_due.is_some_and(|due| due > today)
            };
            let met = overview.dpias.iter().filter(|d| current(d)).count();
            Some(figure(kind, met, overview.dpias.len() + overview.missing.len()))
        }
    })
}

// ---------------------------------------------------------------- assessment

/// The board's answer for a norm.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnswerView {
    pub level: u8,
    pub target: u8,
    pub evidence: Option<String>,
    pub measures: Option<String>,
    pub owner: Option<String>,
    /// `YYYY-MM-DD`.
    #[schema(value_type = Option<String>)]
    pub due_date: Option<jiff::civil::Date>,
    #[schema(value_type = String)]
    pub updated_at: jiff::Timestamp,
}

/// A norm with the board's answer and the computed evidence.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NormView {
    pub reference: String,
    pub domain: String,
    pub title: String,
    pub text: String,
    /// The descriptions of levels 1 to 5.
    pub levels: Vec<String>,
    pub answer: Option<AnswerView>,
    /// Assessed below level 3, the sector's minimum (seed 003).
    pub below_minimum: bool,
    /// What the product shows from the facts it holds, where it holds them.
    pub computed: Option<Evidence>,
}

/// A framework with every norm as the board answered it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AssessmentView {
    pub framework: FrameworkSummary,
    pub norms: Vec<NormView>,
    /// How many norms are assessed below level 3.
    pub below_minimum: usize,
    /// How many norms have no answer yet.
    pub unanswered: usize,
}

fn answer_view(a: &Answer) -> AnswerView {
    let d = &a.data;
    AnswerView {
        level: d.level.value(),
        target: d.target.value(),
        evidence: d.evidence.clone(),
        measures: d.measures.clone(),
        owner: d.owner.clone(),
        due_date: d.due_date,
        updated_at: a.updated_at,
    }
}

async fn norm_view(app: &App, staff: &Staff, code: &str, norm: &Norm, answer: Option<&Answer>) -> Result<NormView> {
    let computed = match evidence_kind(code, &norm.reference) {
        Some(kind) => evidence(app, staff, kind).await?,
        None => None,
    };
    Ok(NormView {
        reference: norm.reference.clone(),
        domain: norm.domain.clone(),
        title: norm.title.clone(),
        text: norm.text.clone(),
        levels: norm.levels.clone(),
        answer: answer.map(answer_view),
        below_minimum: answer.is_some_and(|a| a.data.level.below_minimum()),
        computed,
    })
}

/// The board's self-assessment against framework `code`.
///
/// # Errors
/// Forbidden, not found (also another board's framework), or the store.
pub async fn assessment(app: &App, staff: &Staff, code: &str) -> Result<AssessmentView> {
    staff.may(Action::SelfAssessmentView)?;
    let board = store(app, staff);
    let (framework, is_shipped) = all(board).await?.into_iter().find(|(f, _)| f.code == code).ok_or(Error::NotFound)?;
    let answers = board.answers(code).await?;
    let mut norms = Vec::with_capacity(framework.norms.len());
    for norm in &framework.norms {
        let answer = answers.iter().find(|a| a.norm_reference == norm.reference);
        norms.push(norm_view(app, staff, code, norm, answer).await?);
    }
    Ok(AssessmentView {
        framework: summary(&framework, is_shipped),
        below_minimum: norms.iter().filter(|n| n.below_minimum).count(),
        unanswered: norms.iter().filter(|n| n.answer.is_none()).count(),
        norms,
    })
}

/// One norm of framework `code` with the board's answer.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn norm(app: &App, staff: &Staff, code: &str, reference: &str) -> Result<NormView> {
    staff.may(Action::SelfAssessmentView)?;
    let board = store(app, staff);
    let framework = framework(board, code).await?;
    let norm = framework.norm(reference).ok_or(Error::NotFound)?;
    let answers = board.answers(code).await?;
    norm_view(app, staff, code, norm, answers.iter().find(|a| a.norm_reference == reference)).await
}

/// The board's answer for a norm: `{level: 1..5, target: 3..5, evidence?,
/// measures?, owner?, due_date?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct AnswerCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// The level now, 1 to 5.
    #[schema(value_type = i64, minimum = 1, maximum = 5)]
    pub level: Option<Given<i64>>,
    /// The level aimed for, at least 3 (the sector's minimum, seed 003).
    #[schema(value_type = i64, minimum = 3, maximum = 5)]
    pub target: Option<Given<i64>>,
    /// What shows the level (documents, figures).
    #[schema(value_type = Option<String>)]
    pub evidence: Option<Given<String>>,
    /// What the board will do to reach the target.
    #[schema(value_type = Option<String>)]
    pub measures: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub owner: Option<Given<String>>,
    /// `YYYY-MM-DD`.
    #[schema(value_type = Option<String>)]
    pub due_date: Option<Given<String>>,
}

fn level(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: Option<Given<i64>>,
    parse: fn(i64) -> Result<Level, Invalid>,
) -> Option<Level> {
    match value {
        None => {
            errors.push(FieldError::new(field, "field.required"));
            None
        }
        Some(Given::Wrong) => {
            errors.push(FieldError::new(field, "selfassessment.level_not_a_number"));
            None
        }
        Some(Given::Value(n)) => parse(n).map_err(|e| errors.push(FieldError::new(field, e.code))).ok(),
    }
}

impl AnswerCommand {
    fn validate(self) -> Result<AnswerData, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let level_now = level(&mut errors, "level", self.level, Level::new);
        let target = level(&mut errors, "target", self.target, Level::target);
        let evidence = given_text(&mut errors, "evidence", self.evidence, false, TEXT_LIMIT);
        let measures = given_text(&mut errors, "measures", self.measures, false, TEXT_LIMIT);
        let owner = given_text(&mut errors, "owner", self.owner, false, OWNER_LIMIT);
        let due_text = given_text(&mut errors, "due_date", self.due_date, false, TEXT_LIMIT);
        let due_date = rule(&mut errors, "due_date", due_text, parse_iso_date);
        let data = level_now.zip(target).map(|(level, target)| AnswerData {
            level,
            target,
            evidence,
            measures,
            owner,
            due_date,
        });
        done(named(errors), data)
    }
}

/// Records the board's answer for a norm (IBP manager), with an audit entry.
///
/// # Errors
/// Forbidden, not found, every wrong field (a target below 3 among them), or the store.
pub async fn record(app: &App, staff: &Staff, code: &str, reference: &str, command: AnswerCommand) -> Result<NormView> {
    staff.may(Action::SelfAssessmentManage)?;
    let board = store(app, staff);
    let framework = framework(board, code).await?;
    framework.norm(reference).ok_or(Error::NotFound)?;
    let data = command.validate().map_err(Error::Invalid)?;
    board.record_answer(&staff.actor(), code, reference, &data).await?;
    norm(app, staff, code, reference).await
}

/// How many norms the board assessed below level 3, for the dashboard;
/// `None` for someone who may not read the self-assessment.
///
/// # Errors
/// The store.
pub async fn below_minimum(app: &App, staff: &Staff) -> Result<Option<usize>> {
    if !staff.can(Action::SelfAssessmentView) {
        return Ok(None);
    }
    let board = store(app, staff);
    let frameworks = all(board).await?;
    let answers = board.all_answers().await?;
    Ok(Some(
        answers
            .iter()
            .filter(|a| a.data.level.below_minimum())
            .filter(|a| {
                frameworks.iter().any(|(f, _)| f.code == a.framework_code && f.norm(&a.norm_reference).is_some())
            })
            .count(),
    ))
}
