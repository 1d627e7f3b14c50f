//! The self-assessment pages: the frameworks and, per domain, the norms with
//! the board's answers and the computed figures (`/zelfevaluatie`), importing
//! a framework file (`/zelfevaluatie/kaders`), and one norm to assess
//! (`/zelfevaluatie/{code}/{reference}`). They call the same operations as the
//! API (`aantoonbaar_app::selfassessment`).

use super::form::{PagePairs, Refused, read, refusal};
use super::parties::Field;
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::i18n::{t, tf};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_app::selfassessment::{self as app, AssessmentView, FrameworkSummary, NormView};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::frameworks::SHIPPED_CODE;
use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

const FORM: &str = "answer";
const IMPORT: &str = "import";

fn anchor(form: &str, field: &str) -> Option<String> {
    Some(if form == IMPORT { "import-file".to_owned() } else { format!("{form}-{field}") })
}

/// One norm as a row of a domain's table.
pub struct NormRow {
    pub href: String,
    pub reference: String,
    pub title: String,
    pub level: String,
    pub target: String,
    pub below_minimum: bool,
    pub computed: String,
    pub owner: String,
    pub due: String,
}

pub struct Domain {
    pub name: String,
    pub label: String,
    pub rows: Vec<NormRow>,
}

fn row(code: &str, n: &NormView) -> NormRow {
    let answer = n.answer.as_ref();
    NormRow {
        href: format!("/zelfevaluatie/{code}/{}", n.reference),
        reference: n.reference.clone(),
        title: n.title.clone(),
        level: answer.map_or_else(|| t("selfassessment.not_assessed").to_owned(), |a| a.level.to_string()),
        target: answer.map_or_else(String::new, |a| a.target.to_string()),
        below_minimum: n.below_minimum,
        computed: n.computed.as_ref().map_or_else(String::new, |e| e.text.clone()),
        owner: answer.and_then(|a| a.owner.clone()).unwrap_or_default(),
        due: answer.and_then(|a| a.due_date).map_or_else(String::new, dutch_date),
    }
}

fn domains(view: &AssessmentView) -> Vec<Domain> {
    let mut out: Vec<Domain> = Vec::new();
    for n in &view.norms {
        let r = row(&view.framework.code, n);
        match out.iter_mut().find(|d| d.name == n.domain) {
            Some(d) => d.rows.push(r),
            None => out.push(Domain {
                label: tf("selfassessment.table_label", &[("domain", &n.domain)]),
                name: n.domain.clone(),
                rows: vec![r],
            }),
        }
    }
    out
}

#[derive(Template)]
#[template(path = "selfassessment_list.html")]
struct ListPage {
    layout: Layout,
    frameworks: Vec<FrameworkSummary>,
    chosen: String,
    summary: String,
    domains: Vec<Domain>,
    can_manage: bool,
    refused: Refused,
}

#[derive(Deserialize)]
pub struct Chosen {
    kader: Option<String>,
}

async fn list_page(state: &AppState, staff: &Staff, code: &str, refused: Refused, status: StatusCode) -> PageResult {
    let frameworks = app::frameworks(state, staff).await?;
    let view = app::assessment(state, staff, code).await?;
    let page = ListPage {
        layout: Layout::for_staff(state, staff, t("selfassessment.title"), "/zelfevaluatie"),
        summary: tf(
            "selfassessment.summary",
            &[
                ("below", &view.below_minimum.to_string()),
                ("unanswered", &view.unanswered.to_string()),
                ("total", &view.norms.len().to_string()),
            ],
        ),
        domains: domains(&view),
        chosen: view.framework.code.clone(),
        frameworks,
        can_manage: staff.can(Action::SelfAssessmentManage),
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn list(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(chosen): Query<Chosen>,
) -> PageResult {
    let code = chosen.kader.unwrap_or_else(|| SHIPPED_CODE.to_owned());
    list_page(&state, &staff, &code, Refused::default(), StatusCode::OK).await
}

/// Imports a framework file (a multipart form; its CSRF token rides in the action's query).
pub async fn import(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    mut multipart: Multipart,
) -> PageResult {
    let mut body = Vec::new();
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            body = field.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
        }
    }
    let text = String::from_utf8_lossy(&body);
    match app::import(&state, &staff, &text).await {
        Ok(summary) => Ok(Redirect::to(&format!("/zelfevaluatie?kader={}", summary.code)).into_response()),
        Err(error) => {
            let (status, refused) = refusal(IMPORT, Vec::new(), error, anchor)?;
            list_page(&state, &staff, SHIPPED_CODE, refused, status).await
        }
    }
}

// ---------------------------------------------------------------- /zelfevaluatie/{code}/{reference}

#[derive(Template)]
#[template(path = "selfassessment_edit.html")]
struct EditPage {
    layout: Layout,
    back: String,
    action: String,
    text: String,
    levels: Vec<String>,
    computed: String,
    can_manage: bool,
    fields: Vec<Field>,
    refused: Refused,
}

impl EditPage {
    fn on_record(&self) -> Vec<(&'static str, String)> {
        self.fields.iter().map(|f| (f.label, self.refused.value(f.form, f.name).to_owned())).collect()
    }
}

fn field(name: &'static str, input: &'static str, required: bool, options: Vec<(String, String)>) -> Field {
    Field { form: FORM, name, label: t(&format!("selfassessment.field.{name}")), input, required, options }
}

fn fields(n: &NormView) -> Vec<Field> {
    let options = |from: usize| {
        let mut all = vec![(String::new(), t("risks.choose").to_owned())];
        all.extend(n.levels.iter().enumerate().skip(from - 1).map(|(i, text)| {
            let level = (i + 1).to_string();
            (level.clone(), tf("selfassessment.level_option", &[("level", &level), ("text", text)]))
        }));
        all
    };
    vec![
        field("level", "select", true, options(1)),
        // Every level is offered, so a target below 3 is refused in words, not hidden.
        field("target", "select", true, options(1)),
        field("evidence", "textarea", false, Vec::new()),
        field("measures", "textarea", false, Vec::new()),
        field("owner", "text", false, Vec::new()),
        field("due_date", "date", false, Vec::new()),
    ]
}

fn stored(n: &NormView) -> Vec<(String, String)> {
    let Some(a) = &n.answer else { return vec![("target".to_owned(), "3".to_owned())] };
    let pairs = [
        ("level", Some(a.level.to_string())),
        ("target", Some(a.target.to_string())),
        ("evidence", a.evidence.clone()),
        ("measures", a.measures.clone()),
        ("owner", a.owner.clone()),
        ("due_date", a.due_date.map(|d| d.to_string())),
    ];
    pairs.into_iter().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v))).collect()
}

async fn edit_page(
    state: &AppState,
    staff: &Staff,
    code: &str,
    reference: &str,
    refused: Option<Refused>,
    status: StatusCode,
) -> PageResult {
    let n = app::norm(state, staff, code, reference).await?;
    let page = EditPage {
        layout: Layout::for_staff(state, staff, &format!("{} {}", n.reference, n.title), "/zelfevaluatie"),
        back: format!("/zelfevaluatie?kader={code}"),
        action: format!("/zelfevaluatie/{code}/{reference}"),
        text: n.text.clone(),
        levels: n
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| tf("selfassessment.level_option", &[("level", &(i + 1).to_string()), ("text", l)]))
            .collect(),
        computed: n.computed.as_ref().map_or_else(String::new, |e| e.text.clone()),
        can_manage: staff.can(Action::SelfAssessmentManage),
        fields: fields(&n),
        refused: refused.unwrap_or_else(|| Refused::filled(FORM, stored(&n))),
    };
    Ok((status, render(&page)).into_response())
}

pub async fn edit(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path((code, reference)): Path<(String, String)>,
) -> PageResult {
    edit_page(&state, &staff, &code, &reference, None, StatusCode::OK).await
}

pub async fn update(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path((code, reference)): Path<(String, String)>,
    PagePairs(pairs): PagePairs,
) -> Result<Response, super::PageError> {
    match app::record(&state, &staff, &code, &reference, read(pairs.clone())?).await {
        Ok(_) => Ok(Redirect::to(&format!("/zelfevaluatie?kader={code}")).into_response()),
        Err(error) => {
            let (status, refused) = refusal(FORM, pairs, error, anchor)?;
            edit_page(&state, &staff, &code, &reference, Some(refused), status).await
        }
    }
}

/// The dashboard's card: norms assessed below level 3 (`None`: may not read the self-assessment).
///
/// # Errors
/// The store.
pub async fn dashboard_figure(state: &AppState, staff: &Staff) -> Result<Option<usize>, super::PageError> {
    Ok(app::below_minimum(state, staff).await?)
}
