//! The risk analysis pages: the list by score with the heat map and a form to
//! add a risk (`/risicos`), starting from the policy's twenty risks
//! (`/risicos/beleid`), and one risk to change (`/risicos/{id}`). The forms
//! read into the API's command and call the same operations
//! (`aantoonbaar_app::risks`).

use super::form::{PagePairs, Refused, form_field, read, refusal};
use super::parties::Field;
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::i18n::{t, tf};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_app::risks::{self as app, RiskCommand, RiskView, label};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::risks::{Category, Impact, Treatment};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

const FORM: &str = "risk";

fn input(name: &'static str, input: &'static str, required: bool) -> Field {
    Field { form: FORM, name, label: t(&format!("risks.field.{name}")), input, required, options: Vec::new() }
}

fn select(name: &'static str, required: bool, options: Vec<(String, String)>) -> Field {
    let mut all = if required { Vec::new() } else { vec![(String::new(), t("risks.choose").to_owned())] };
    all.extend(options);
    Field { form: FORM, name, label: t(&format!("risks.field.{name}")), input: "select", required, options: all }
}

fn points(list: &str) -> Vec<(String, String)> {
    (1..=3).map(|n| (n.to_string(), t(&format!("risks.{list}.{n}")).to_owned())).collect()
}

fn fields() -> Vec<Field> {
    let categories = Category::ALL.iter().map(|c| (c.code().to_owned(), label("category", c.code()).to_owned()));
    let treatments = Treatment::ALL.iter().map(|c| (c.code().to_owned(), label("treatment", c.code()).to_owned()));
    let mut category = select("category", true, vec![(String::new(), t("risks.choose").to_owned())]);
    category.options.extend(categories);
    let mut likelihood = select("likelihood", true, vec![(String::new(), t("risks.choose").to_owned())]);
    likelihood.options.extend(points("likelihood"));
    let mut impact = select("impact", true, vec![(String::new(), t("risks.choose").to_owned())]);
    impact.options.extend(points("impact"));
    vec![
        input("title", "text", true),
        category,
        input("scenario", "textarea", false),
        likelihood,
        impact,
        input("owner", "text", false),
        select("treatment", false, treatments.collect()),
        input("measures", "textarea", false),
        select("residual_likelihood", false, points("likelihood")),
        select("residual_impact", false, points("impact")),
        input("review_date", "date", false),
    ]
}

/// One row of the list.
pub struct RiskRow {
    pub id: String,
    pub title: String,
    pub category: String,
    pub likelihood: u8,
    pub impact: u8,
    pub score: u8,
    pub level_code: &'static str,
    pub level: &'static str,
    pub treatment: String,
    pub measures: String,
    pub residual: String,
    pub needs_measures: bool,
}

fn row(v: &RiskView) -> RiskRow {
    let d = &v.risk.data;
    RiskRow {
        id: v.risk.id.clone(),
        title: d.title.clone(),
        category: label("category", d.category.code()).to_owned(),
        likelihood: d.likelihood.points(),
        impact: d.impact.points(),
        score: v.score,
        level_code: v.level.code(),
        level: label("level", v.level.code()),
        treatment: d.treatment.map_or_else(String::new, |t| label("treatment", t.code()).to_owned()),
        measures: d.measures.clone().unwrap_or_else(|| t("risks.no_measures").to_owned()),
        residual: v
            .residual_score
            .zip(v.residual_level)
            .map_or_else(String::new, |(s, l)| format!("{s} ({})", label("level", l.code()))),
        needs_measures: v.needs_measures,
    }
}

/// One cell of the heat map as shown: its class and its text.
pub struct Cell {
    pub level_code: &'static str,
    pub text: String,
}

pub struct HeatRowView {
    pub likelihood: &'static str,
    pub cells: Vec<Cell>,
}

fn heat_rows(map: &app::HeatMap) -> Vec<HeatRowView> {
    map.rows
        .iter()
        .map(|r| HeatRowView {
            likelihood: t(&format!("risks.likelihood.{}", r.likelihood)),
            cells: r
                .cells
                .iter()
                .map(|c| Cell {
                    level_code: c.level.code(),
                    text: tf(
                        "risks.heat_cell",
                        &[
                            ("count", &c.count.to_string()),
                            ("score", &c.score.to_string()),
                            ("level", label("level", c.level.code())),
                        ],
                    ),
                })
                .collect(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "risks_list.html")]
struct RisksPage {
    layout: Layout,
    intro: String,
    rows: Vec<RiskRow>,
    impacts: Vec<&'static str>,
    heat: Vec<HeatRowView>,
    can_manage: bool,
    fields: Vec<Field>,
    refused: Refused,
}

async fn list_page(state: &AppState, staff: &Staff, refused: Refused, status: StatusCode) -> PageResult {
    let views = app::risks(state, staff).await?;
    let thresholds = state.store.board(&staff.principal.board).risk_thresholds().await?;
    let map = app::heat_map_of(&views, thresholds);
    let levels = tf(
        "risks.levels",
        &[("medium", &thresholds.medium_from.to_string()), ("high", &thresholds.high_from.to_string())],
    );
    let page = RisksPage {
        layout: Layout::for_staff(state, staff, t("risks.title"), "/risicos"),
        intro: tf("risks.intro", &[("levels", &levels)]),
        rows: views.iter().map(row).collect(),
        impacts: Impact::ALL.iter().map(|i| t(&format!("risks.impact.{}", i.points()))).collect(),
        heat: heat_rows(&map),
        can_manage: staff.can(Action::RiskManage),
        fields: fields(),
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn list(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    list_page(&state, &staff, Refused::default(), StatusCode::OK).await
}

pub async fn create(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::create_risk(&state, &staff, read(pairs.clone())?).await {
        Ok(created) => Ok(Redirect::to(&format!("/risicos/{}", created.risk.id)).into_response()),
        Err(error) => {
            let (status, refused) = refusal(FORM, pairs, error, form_field)?;
            list_page(&state, &staff, refused, status).await
        }
    }
}

pub async fn seed(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    match app::seed(&state, &staff).await {
        Ok(_) => Ok(Redirect::to("/risicos").into_response()),
        Err(error) => {
            let (status, refused) = refusal("seed", Vec::new(), error, form_field)?;
            list_page(&state, &staff, refused, status).await
        }
    }
}

// ---------------------------------------------------------------- /risicos/{id}

#[derive(Template)]
#[template(path = "risks_edit.html")]
struct EditPage {
    layout: Layout,
    action: String,
    facts: Vec<(&'static str, String)>,
    can_manage: bool,
    fields: Vec<Field>,
    refused: Refused,
}

impl EditPage {
    /// The fields as read-only facts, for someone who may only read.
    fn on_record(&self) -> Vec<(&'static str, String)> {
        self.fields
            .iter()
            .map(|f| {
                let value = self.refused.value(f.form, f.name);
                let shown = f.options.iter().find(|o| o.0 == value).map_or_else(|| value.to_owned(), |o| o.1.clone());
                (f.label, shown)
            })
            .collect()
    }
}

fn stored(v: &RiskView) -> Vec<(String, String)> {
    let d = &v.risk.data;
    let pairs = [
        ("title", Some(d.title.clone())),
        ("category", Some(d.category.code().to_owned())),
        ("scenario", d.scenario.clone()),
        ("likelihood", Some(d.likelihood.points().to_string())),
        ("impact", Some(d.impact.points().to_string())),
        ("owner", d.owner.clone()),
        ("treatment", d.treatment.map(|t| t.code().to_owned())),
        ("measures", d.measures.clone()),
        ("residual_likelihood", d.residual_likelihood.map(|l| l.points().to_string())),
        ("residual_impact", d.residual_impact.map(|i| i.points().to_string())),
        ("review_date", d.review_date.map(|d| d.to_string())),
    ];
    pairs.into_iter().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v))).collect()
}

async fn edit_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    refused: Option<Refused>,
    status: StatusCode,
) -> PageResult {
    let view = app::risk(state, staff, id).await?;
    let d = &view.risk.data;
    let mut facts = vec![("risks.field.score", format!("{} ({})", view.score, label("level", view.level.code())))];
    if let Some((s, l)) = view.residual_score.zip(view.residual_level) {
        facts.push(("risks.field.residual_score", format!("{s} ({})", label("level", l.code()))));
    }
    if let Some(review) = d.review_date {
        facts.push(("risks.field.review_date", dutch_date(review)));
    }
    let page = EditPage {
        layout: Layout::for_staff(state, staff, &d.title, "/risicos"),
        action: format!("/risicos/{id}"),
        facts,
        can_manage: staff.can(Action::RiskManage),
        fields: fields(),
        refused: refused.unwrap_or_else(|| Refused::filled(FORM, stored(&view))),
    };
    Ok((status, render(&page)).into_response())
}

pub async fn edit(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    edit_page(&state, &staff, &id, None, StatusCode::OK).await
}

pub async fn update(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> Result<Response, super::PageError> {
    let mut command: RiskCommand = read(pairs.clone())?;
    // The page does not show the links to activities, systems and incidents: it keeps them.
    let current = app::risk(&state, &staff, &id).await?;
    command.activity_ids.clone_from(&current.risk.data.activity_ids);
    command.system_ids.clone_from(&current.risk.data.system_ids);
    command.incident_ids.clone_from(&current.risk.data.incident_ids);
    match app::update_risk(&state, &staff, &id, command).await {
        Ok(_) => Ok(Redirect::to("/risicos").into_response()),
        Err(error) => {
            let (status, refused) = refusal(FORM, pairs, error, form_field)?;
            edit_page(&state, &staff, &id, Some(refused), status).await
        }
    }
}

/// The dashboard's card: the high risks without measures (`None`: may not read risks).
///
/// # Errors
/// The store.
pub async fn dashboard_figure(state: &AppState, staff: &Staff) -> Result<Option<usize>, super::PageError> {
    Ok(app::without_measures(state, staff).await?)
}
