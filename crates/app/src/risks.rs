//! The risk analysis (seed 001 §6.2, §14.15): the board's risks scored
//! likelihood × impact and classified by the board's own thresholds, the heat
//! map, the twenty risks of the board's policy to start from, and the high
//! risks still without measures (the dashboard).

use crate::error::{Error, FieldError, Result};
use crate::i18n::t;
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, one_or_many, rule};
use crate::{App, Staff};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::risks::{
    Category, Impact, Level, LevelThresholds, Likelihood, Treatment, heat_map, needs_measures, score, seed_risks,
};
use aantoonbaar_rules::{Action, Invalid};
use aantoonbaar_store::risks::{Risk, RiskData};
use aantoonbaar_store::{BoardStore, Scope, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The longest title of a risk.
pub const TITLE_LIMIT: usize = 200;

/// Each field with the catalogue key of its label, so an error names the
/// field as the person reads it ("Kans: kies 1, 2 of 3.").
const LABELS: &[(&str, &str)] = &[
    ("title", "risks.field.title"),
    ("category", "risks.field.category"),
    ("scenario", "risks.field.scenario"),
    ("likelihood", "risks.field.likelihood"),
    ("impact", "risks.field.impact"),
    ("owner", "risks.field.owner"),
    ("treatment", "risks.field.treatment"),
    ("measures", "risks.field.measures"),
    ("residual_likelihood", "risks.field.residual_likelihood"),
    ("residual_impact", "risks.field.residual_impact"),
    ("review_date", "risks.field.review_date"),
    ("activity_ids", "risks.field.activity_ids"),
    ("system_ids", "risks.field.system_ids"),
    ("incident_ids", "risks.field.incident_ids"),
    ("medium_from", "risks.field.medium_from"),
    ("high_from", "risks.field.high_from"),
];

/// Every error with its field named as its label reads.
#[must_use]
pub fn named(errors: Vec<FieldError>) -> Vec<FieldError> {
    crate::input::labelled(errors, LABELS)
}

fn invalid(errors: Vec<FieldError>) -> Error {
    Error::Invalid(named(errors))
}

/// The label of a code of `list` (`category`, `treatment`, `level`).
#[must_use]
pub fn label(list: &str, code: &str) -> &'static str {
    t(&format!("risks.{list}.{code}"))
}

// ---------------------------------------------------------------- command

/// A risk: `{title, category, likelihood: 1..3, impact: 1..3, scenario?, owner?,
/// treatment?, measures?, residual_likelihood?, residual_impact?, review_date?,
/// activity_ids?, system_ids?, incident_ids?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RiskCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub title: Option<Given<String>>,
    /// `equipment`, `services`, `data`, `people`, `environment`, `organisation` or `software` (seed 001 §6.2).
    #[schema(value_type = String)]
    pub category: Option<Given<String>>,
    /// What could happen, by what cause, with what effect.
    #[schema(value_type = Option<String>)]
    pub scenario: Option<Given<String>>,
    /// 1 less than yearly, 2 several times a year, 3 can happen daily (seed 001 §14.15).
    #[schema(value_type = i64, minimum = 1, maximum = 3)]
    pub likelihood: Option<Given<i64>>,
    /// 1 internal only, 2 primary process, quickly solved, 3 primary process, reputation, long-lasting.
    #[schema(value_type = i64, minimum = 1, maximum = 3)]
    pub impact: Option<Given<i64>>,
    #[schema(value_type = Option<String>)]
    pub owner: Option<Given<String>>,
    /// `reduce`, `accept`, `avoid` or `transfer`.
    #[schema(value_type = Option<String>)]
    pub treatment: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub measures: Option<Given<String>>,
    /// The likelihood once the measures are in place (with `residual_impact`).
    #[schema(value_type = Option<i64>, minimum = 1, maximum = 3)]
    pub residual_likelihood: Option<Given<i64>>,
    #[schema(value_type = Option<i64>, minimum = 1, maximum = 3)]
    pub residual_impact: Option<Given<i64>>,
    /// `YYYY-MM-DD`.
    #[schema(value_type = Option<String>)]
    pub review_date: Option<Given<String>>,
    /// Ids of processing activities of the register.
    #[serde(default, deserialize_with = "one_or_many")]
    pub activity_ids: Vec<String>,
    /// Ids of information systems.
    #[serde(default, deserialize_with = "one_or_many")]
    pub system_ids: Vec<String>,
    /// Ids of incidents.
    #[serde(default, deserialize_with = "one_or_many")]
    pub incident_ids: Vec<String>,
}

fn points<T>(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: Option<Given<i64>>,
    required: bool,
    parse: fn(i64) -> Result<T, Invalid>,
) -> Option<T> {
    match value {
        None if required => {
            errors.push(FieldError::new(field, "field.required"));
            None
        }
        None => None,
        Some(Given::Wrong) => {
            errors.push(FieldError::new(field, "risks.points_not_a_number"));
            None
        }
        Some(Given::Value(n)) => parse(n).map_err(|e| errors.push(FieldError::new(field, e.code))).ok(),
    }
}

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

fn ids(list: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = list.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    out.dedup();
    out
}

impl RiskCommand {
    fn validate(self) -> Result<RiskData, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let title = given_text(&mut errors, "title", self.title, true, TITLE_LIMIT);
        let category = code(&mut errors, "category", self.category, true, Category::from_code);
        let scenario = given_text(&mut errors, "scenario", self.scenario, false, TEXT_LIMIT);
        let likelihood = points(&mut errors, "likelihood", self.likelihood, true, Likelihood::new);
        let impact = points(&mut errors, "impact", self.impact, true, Impact::new);
        let owner = given_text(&mut errors, "owner", self.owner, false, TITLE_LIMIT);
        let treatment = code(&mut errors, "treatment", self.treatment, false, Treatment::from_code);
        let measures = given_text(&mut errors, "measures", self.measures, false, TEXT_LIMIT);
        let (likelihood_sent, impact_sent) = (self.residual_likelihood.is_some(), self.residual_impact.is_some());
        let residual_likelihood =
            points(&mut errors, "residual_likelihood", self.residual_likelihood, false, Likelihood::new);
        let residual_impact = points(&mut errors, "residual_impact", self.residual_impact, false, Impact::new);
        if likelihood_sent != impact_sent {
            let field = if likelihood_sent { "residual_impact" } else { "residual_likelihood" };
            errors.push(FieldError::new(field, "risks.residual_both"));
        }
        let review_date = code(&mut errors, "review_date", self.review_date, false, parse_iso_date);
        let (activity_ids, system_ids, incident_ids) =
            (ids(self.activity_ids), ids(self.system_ids), ids(self.incident_ids));
        let data = match (title, category, likelihood, impact) {
            (Some(title), Some(category), Some(likelihood), Some(impact)) => Some(RiskData {
                title,
                category,
                scenario,
                likelihood,
                impact,
                owner,
                treatment,
                measures,
                residual_likelihood,
                residual_impact,
                review_date,
                activity_ids,
                system_ids,
                incident_ids,
            }),
            _ => None,
        };
        done(errors, data)
    }
}

/// Every linked id must be a record of this board.
async fn check_links(board: BoardStore<'_>, data: &RiskData) -> Result<()> {
    let mut errors = Vec::new();
    if !data.activity_ids.is_empty() {
        let known: Vec<String> = board.activities(&Scope::Board).await?.into_iter().map(|a| a.id).collect();
        if data.activity_ids.iter().any(|id| !known.contains(id)) {
            errors.push(FieldError::new("activity_ids", "reference.unknown"));
        }
    }
    if !data.system_ids.is_empty() {
        let known: Vec<String> = board.systems().await?.into_iter().map(|s| s.id).collect();
        if data.system_ids.iter().any(|id| !known.contains(id)) {
            errors.push(FieldError::new("system_ids", "reference.unknown"));
        }
    }
    for id in &data.incident_ids {
        if board.incident(&Scope::Board, None, id).await?.is_none() {
            errors.push(FieldError::new("incident_ids", "reference.unknown"));
            break;
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(invalid(errors)) }
}

fn duplicate_title(err: StoreError) -> Error {
    match err {
        StoreError::Duplicate { .. } => invalid(vec![FieldError::new("title", "risks.title_in_use")]),
        other => other.into(),
    }
}

// ---------------------------------------------------------------- views

/// A risk with its score and class, before and after the measures.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RiskView {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub risk: Risk,
    /// Likelihood × impact, 1 to 9 (seed 001 §14.15).
    pub score: u8,
    /// `low`, `medium` or `high`, by the board's thresholds.
    #[schema(value_type = String)]
    pub level: Level,
    /// The score once the measures are in place, when the residual risk is entered.
    pub residual_score: Option<u8>,
    #[schema(value_type = Option<String>)]
    pub residual_level: Option<Level>,
    /// A high risk without measures.
    pub needs_measures: bool,
}

fn view(risk: Risk, thresholds: LevelThresholds) -> RiskView {
    let d = &risk.data;
    let score = score(d.likelihood, d.impact);
    let level = thresholds.level(score);
    let residual_score = d.residual_likelihood.zip(d.residual_impact).map(|(l, i)| self::score(l, i));
    RiskView {
        score,
        level,
        residual_score,
        residual_level: residual_score.map(|s| thresholds.level(s)),
        needs_measures: needs_measures(level, d.measures.as_deref()),
        risk,
    }
}

fn store<'a>(app: &'a App, staff: &'a Staff) -> BoardStore<'a> {
    app.store.board(&staff.principal.board)
}

/// The board's risks, highest score first (then by title).
///
/// # Errors
/// Forbidden, or the store.
pub async fn risks(app: &App, staff: &Staff) -> Result<Vec<RiskView>> {
    staff.may(Action::RiskView)?;
    let board = store(app, staff);
    let thresholds = board.risk_thresholds().await?;
    let mut views: Vec<RiskView> = board.risks().await?.into_iter().map(|r| view(r, thresholds)).collect();
    views.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.risk.data.title.cmp(&b.risk.data.title)));
    Ok(views)
}

/// One risk.
///
/// # Errors
/// Forbidden, not found (also another board's), or the store.
pub async fn risk(app: &App, staff: &Staff, id: &str) -> Result<RiskView> {
    staff.may(Action::RiskView)?;
    let board = store(app, staff);
    let risk = board.risk(id).await?.ok_or(Error::NotFound)?;
    Ok(view(risk, board.risk_thresholds().await?))
}

/// Adds a risk (IBP manager).
///
/// # Errors
/// Forbidden, every wrong field, a title in use, or the store.
pub async fn create_risk(app: &App, staff: &Staff, command: RiskCommand) -> Result<RiskView> {
    staff.may(Action::RiskManage)?;
    let board = store(app, staff);
    let data = command.validate().map_err(invalid)?;
    check_links(board, &data).await?;
    let risk = board.create_risk(&staff.actor(), &data).await.map_err(duplicate_title)?;
    Ok(view(risk, board.risk_thresholds().await?))
}

/// Replaces a risk's fields with `command`.
///
/// # Errors
/// As [`create_risk`], and not found.
pub async fn update_risk(app: &App, staff: &Staff, id: &str, command: RiskCommand) -> Result<RiskView> {
    staff.may(Action::RiskManage)?;
    let board = store(app, staff);
    board.risk(id).await?.ok_or(Error::NotFound)?;
    let data = command.validate().map_err(invalid)?;
    check_links(board, &data).await?;
    let risk = board.update_risk(&staff.actor(), id, &data).await.map_err(duplicate_title)?;
    Ok(view(risk, board.risk_thresholds().await?))
}

/// Changes the fields sent (`null` clears one), validated as a whole.
///
/// # Errors
/// As [`update_risk`].
pub async fn patch_risk(
    app: &App,
    staff: &Staff,
    id: &str,
    patch: serde_json::Map<String, serde_json::Value>,
) -> Result<RiskView> {
    staff.may(Action::RiskManage)?;
    let current = store(app, staff).risk(id).await?.ok_or(Error::NotFound)?;
    let mut value = serde_json::to_value(&current.data).map_err(|e| Error::internal(&e))?;
    let Some(object) = value.as_object_mut() else { return Err(Error::internal(&"risk is no object")) };
    object.extend(patch);
    let command: RiskCommand = serde_json::from_value(value).map_err(|e| Error::internal(&e))?;
    update_risk(app, staff, id, command).await
}

/// The twenty risks of the board's policy (seed 001 §14.15) as new risks, as
/// yet without owner, treatment or measures.
#[must_use]
pub fn seed_data() -> Vec<RiskData> {
    seed_risks()
        .into_iter()
        .map(|s| RiskData {
            title: s.title.to_owned(),
            category: s.category,
            scenario: None,
            likelihood: s.likelihood,
            impact: s.impact,
            owner: None,
            treatment: None,
            measures: None,
            residual_likelihood: None,
            residual_impact: None,
            review_date: None,
            activity_ids: Vec::new(),
            system_ids: Vec::new(),
            incident_ids: Vec::new(),
        })
        .collect()
}

/// Starts the register with the twenty risks of the board's policy (seed 001
/// §14.15) that it does not have yet (by title, ignoring case), in one
/// transaction with an audit entry each.
///
/// # Errors
/// Forbidden, a register that already has every one of them (409
/// `risks.seed_present`), or the store.
pub async fn seed(app: &App, staff: &Staff) -> Result<Vec<RiskView>> {
    staff.may(Action::RiskManage)?;
    let board = store(app, staff);
    let present: Vec<String> = board.risks().await?.into_iter().map(|r| r.data.title.to_lowercase()).collect();
    let data: Vec<RiskData> = seed_data().into_iter().filter(|d| !present.contains(&d.title.to_lowercase())).collect();
    if data.is_empty() {
        return Err(Error::conflict("risks", "risks.seed_present"));
    }
    let thresholds = board.risk_thresholds().await?;
    let created = board.create_risks(&staff.actor(), &data).await.map_err(duplicate_title)?;
    Ok(created.into_iter().map(|r| view(r, thresholds)).collect())
}

/// One cell of the heat map.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HeatCell {
    pub impact: u8,
    pub score: u8,
    #[schema(value_type = String)]
    pub level: Level,
    pub count: u32,
}

/// One row of the heat map: one likelihood, its three impacts.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HeatRow {
    pub likelihood: u8,
    pub cells: Vec<HeatCell>,
}

/// The 3×3 heat map: rows by likelihood (3 first, as the map is read), cells by impact 1 to 3.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HeatMap {
    pub rows: Vec<HeatRow>,
    pub total: u32,
}

/// The heat map of `views` under `thresholds`.
#[must_use]
pub fn heat_map_of(views: &[RiskView], thresholds: LevelThresholds) -> HeatMap {
    let counts = heat_map(views.iter().map(|v| (v.risk.data.likelihood, v.risk.data.impact)));
    let rows = Likelihood::ALL
        .iter()
        .rev()
        .map(|l| HeatRow {
            likelihood: l.points(),
            cells: Impact::ALL
                .iter()
                .map(|i| {
                    let s = score(*l, *i);
                    HeatCell {
                        impact: i.points(),
                        score: s,
                        level: thresholds.level(s),
                        count: counts[usize::from(l.points() - 1)][usize::from(i.points() - 1)],
                    }
                })
                .collect(),
        })
        .collect();
    HeatMap { rows, total: counts.iter().flatten().sum() }
}

/// The board's heat map.
///
/// # Errors
/// Forbidden, or the store.
pub async fn heat(app: &App, staff: &Staff) -> Result<HeatMap> {
    let views = risks(app, staff).await?;
    let thresholds = store(app, staff).risk_thresholds().await?;
    Ok(heat_map_of(&views, thresholds))
}

/// How many high risks have no measures yet, for the dashboard; `None` for
/// someone who may not read the risks.
///
/// # Errors
/// The store.
pub async fn without_measures(app: &App, staff: &Staff) -> Result<Option<usize>> {
    if !staff.can(Action::RiskView) {
        return Ok(None);
    }
    Ok(Some(risks(app, staff).await?.iter().filter(|v| v.needs_measures).count()))
}

/// The board's classification of scores: from which score a risk is medium and from which high.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct Levels {
    /// The lowest score that is medium (default 3).
    pub medium_from: u8,
    /// The lowest score that is high (default 6).
    pub high_from: u8,
}

/// A change of the classification: `{medium_from, high_from}`, with `2 <= medium_from <= high_from <= 9`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct LevelsCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = i64, minimum = 2, maximum = 9)]
    pub medium_from: Option<Given<i64>>,
    #[schema(value_type = i64, minimum = 2, maximum = 9)]
    pub high_from: Option<Given<i64>>,
}

/// The board's classification of scores (its setting, or the default).
///
/// # Errors
/// Forbidden, or the store.
pub async fn levels(app: &App, staff: &Staff) -> Result<Levels> {
    staff.may(Action::RiskView)?;
    let t = store(app, staff).risk_thresholds().await?;
    Ok(Levels { medium_from: t.medium_from, high_from: t.high_from })
}

/// Sets the board's classification of scores (IBP manager), with an audit entry.
///
/// # Errors
/// Forbidden, wrong fields, or the store.
pub async fn set_levels(app: &App, staff: &Staff, command: LevelsCommand) -> Result<Levels> {
    staff.may(Action::RiskManage)?;
    let mut errors = command.unknown.errors();
    let ok = |n: i64| if (2..=9).contains(&n) { Ok(n) } else { Err(Invalid::new("risks.thresholds_invalid")) };
    let medium = points(&mut errors, "medium_from", command.medium_from, true, ok);
    let high = points(&mut errors, "high_from", command.high_from, true, ok);
    let thresholds = match (medium, high) {
        (Some(m), Some(h)) if errors.is_empty() => match LevelThresholds::new(m, h) {
            Ok(t) => t,
            Err(e) => return Err(invalid(vec![FieldError::new("high_from", e.code)])),
        },
        _ => return Err(invalid(errors)),
    };
    store(app, staff).set_risk_thresholds(&staff.actor(), thresholds).await?;
    Ok(Levels { medium_from: thresholds.medium_from, high_from: thresholds.high_from })
}
