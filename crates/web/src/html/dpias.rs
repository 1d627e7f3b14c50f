//! The DPIA pages: the list with the activities that still need one and the
//! form to start one (`/dpia`), and one DPIA (`/dpia/{id}`) with the Model
//! DPIA's points (the register's facts shown, the board's text editable), the
//! risks, the FG's advice, the board's approval, the review and the PDF. They
//! call the API's operations (`aantoonbaar_app::dpia::record`).

use super::form::{PagePairs, Refused, refusal};
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::{FieldError, Problem};
use crate::i18n::t;
use aantoonbaar_app::dpia::record::{
    self as app, Advice, Approve, CentralReference, DpiaCommand, DpiaOverview, DpiaView, Finding, PriorConsultation,
    ReopenDpia,
};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::calendar::dutch_date as day_of;
use aantoonbaar_rules::dpia::record::{Kind, Level, PersonRisk};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use std::collections::BTreeMap;

/// The list's address.
pub const DPIAS: &str = "/dpia";

const NEW: &str = "new";
const EDIT: &str = "edit";
const ADVICE: &str = "advice";
const APPROVE: &str = "approve";
const REVIEW: &str = "review";

/// The id of a field's input: `<form>-<field>`, a row's field with its index
/// (`risks[1].description` → `edit-risk_description-1`).
fn anchor(form: &str, field: &str) -> Option<String> {
    if let Some(code) = field.strip_prefix("sections.") {
        return Some(format!("{form}-section-{code}"));
    }
    for (list, prefix) in [("risks[", "risk"), ("findings[", "finding")] {
        if let Some(rest) = field.strip_prefix(list) {
            let (index, name) = rest.split_once("].")?;
            return Some(format!("{form}-{prefix}_{name}-{index}"));
        }
    }
    Some(format!("{form}-{}", field.replace('.', "_")))
}

// ---------------------------------------------------------------- /dpia

struct ActivityChoice {
    value: String,
    label: String,
}

#[derive(Template)]
#[template(path = "dpias.html")]
struct ListPage {
    layout: Layout,
    overview: DpiaOverview,
    due: Vec<(String, String)>,
    activities: Vec<ActivityChoice>,
    can_manage: bool,
    refused: Refused,
}

async fn list_page(state: &AppState, staff: &Staff, refused: Refused, status: StatusCode) -> PageResult {
    let overview = app::list(state, staff).await?;
    let due = overview.dpias.iter().map(|d| (d.id.clone(), d.review_due.map(dutch_date).unwrap_or_default())).collect();
    let can_manage = staff.can(Action::DpiaManage);
    let activities = if can_manage {
        aantoonbaar_app::register::current(state, staff)
            .await?
            .activities
            .into_iter()
            .map(|a| ActivityChoice { value: a.id, label: a.activity.name })
            .collect()
    } else {
        Vec::new()
    };
    let page = ListPage {
        layout: Layout::for_staff(state, staff, t("dpia.list.title"), DPIAS),
        overview,
        due,
        activities,
        can_manage,
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn list(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    list_page(&state, &staff, Refused::default(), StatusCode::OK).await
}

fn value<'a>(pairs: &'a [(String, String)], field: &str) -> Option<&'a str> {
    pairs.iter().find(|(k, _)| k == field).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
}

fn kind_of(pairs: &[(String, String)]) -> Result<Option<Kind>, Problem> {
    value(pairs, "kind")
        .map(|k| Kind::from_code(k).map_err(|_| Problem::bad_request(t("dpia.kind_unknown").to_owned())))
        .transpose()
}

pub async fn create(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command = DpiaCommand {
        activity_id: value(&pairs, "activity_id").map(str::to_owned),
        product: value(&pairs, "product").map(str::to_owned),
        title: value(&pairs, "title").map(str::to_owned),
        screening_id: value(&pairs, "screening_id").map(str::to_owned),
        kind: kind_of(&pairs)?,
        ..DpiaCommand::default()
    };
    match app::create(&state, &staff, command).await {
        Ok(created) => Ok(Redirect::to(&format!("{DPIAS}/{}", created.id)).into_response()),
        Err(error) => {
            let (status, refused) = refusal(NEW, pairs, error, anchor)?;
            list_page(&state, &staff, refused, status).await
        }
    }
}

// ---------------------------------------------------------------- /dpia/{id}

/// One row of the risks form, as stored or as typed.
struct RiskRow {
    index: usize,
    description: String,
    severity: String,
    likelihood: String,
    measures: String,
    residual_severity: String,
    residual_likelihood: String,
}

/// One row of the findings form.
struct FindingRow {
    index: usize,
    topic: String,
    applies: String,
    why: String,
}

/// The edit form's values: from the DPIA, or as typed when it was refused.
struct EditForm {
    title: String,
    sections: BTreeMap<String, String>,
    central: [String; 4],
    findings: Vec<FindingRow>,
    risks: Vec<RiskRow>,
    subjects_views: String,
    subjects_not_asked: String,
    advice_response: String,
    consulted_on: String,
    consultation_reference: String,
    consultation_outcome: String,
}

fn all<'a>(pairs: &'a [(String, String)], field: &str) -> Vec<&'a str> {
    pairs.iter().filter(|(k, _)| k == field).map(|(_, v)| v.as_str()).collect()
}

impl EditForm {
    fn stored(dpia: &DpiaView) -> Self {
        let central = dpia.central.clone().unwrap_or_default();
        let mut findings: Vec<FindingRow> = dpia
            .findings
            .iter()
            .enumerate()
            .map(|(index, f)| FindingRow {
                index,
                topic: f.topic.clone(),
                applies: if f.applies { "ja" } else { "nee" }.to_owned(),
                why: f.why.clone(),
            })
            .collect();
        findings.push(FindingRow {
            index: findings.len(),
            topic: String::new(),
            applies: "ja".to_owned(),
            why: String::new(),
        });
        let mut risks: Vec<RiskRow> = dpia
            .risks
            .iter()
            .enumerate()
            .map(|(index, r)| RiskRow {
                index,
                description: r.description.clone(),
                severity: r.severity.to_string(),
                likelihood: r.likelihood.to_string(),
                measures: r.measures.clone().unwrap_or_default(),
                residual_severity: r.residual_severity.to_string(),
                residual_likelihood: r.residual_likelihood.to_string(),
            })
            .collect();
        risks.push(RiskRow::empty(risks.len()));
        let consultation = dpia.prior_consultation.as_ref();
        Self {
            title: dpia.title.clone(),
            sections: dpia.paragraphs.iter().filter_map(|p| p.text.clone().map(|t| (p.code.to_owned(), t))).collect(),
            central: [central.publisher, central.title, central.url, central.version],
            findings,
            risks,
            subjects_views: dpia.subjects_views.clone().unwrap_or_default(),
            subjects_not_asked: dpia.subjects_not_asked.clone().unwrap_or_default(),
            advice_response: dpia.advice_response.clone().unwrap_or_default(),
            consulted_on: consultation.map(|c| c.submitted_on.to_string()).unwrap_or_default(),
            consultation_reference: consultation.and_then(|c| c.reference.clone()).unwrap_or_default(),
            consultation_outcome: consultation.and_then(|c| c.outcome.clone()).unwrap_or_default(),
        }
    }

    fn typed(pairs: &[(String, String)]) -> Self {
        let text = |field: &str| pairs.iter().find(|(k, _)| k == field).map(|(_, v)| v.clone()).unwrap_or_default();
        let (topics, applies, whys) =
            (all(pairs, "finding_topic"), all(pairs, "finding_applies"), all(pairs, "finding_why"));
        let findings = (0..topics.len())
            .map(|index| FindingRow {
                index,
                topic: topics[index].to_owned(),
                applies: applies.get(index).copied().unwrap_or("ja").to_owned(),
                why: whys.get(index).copied().unwrap_or_default().to_owned(),
            })
            .collect();
        let column = |field: &str, index: usize| all(pairs, field).get(index).copied().unwrap_or_default().to_owned();
        let risks = (0..all(pairs, "risk_description").len())
            .map(|index| RiskRow {
                index,
                description: column("risk_description", index),
                severity: column("risk_severity", index),
                likelihood: column("risk_likelihood", index),
                measures: column("risk_measures", index),
                residual_severity: column("risk_residual_severity", index),
                residual_likelihood: column("risk_residual_likelihood", index),
            })
            .collect();
        Self {
            title: text("title"),
            sections: pairs
                .iter()
                .filter_map(|(k, v)| k.strip_prefix("section.").map(|code| (code.to_owned(), v.clone())))
                .collect(),
            central: [text("central_publisher"), text("central_title"), text("central_url"), text("central_version")],
            findings,
            risks,
            subjects_views: text("subjects_views"),
            subjects_not_asked: text("subjects_not_asked"),
            advice_response: text("advice_response"),
            consulted_on: text("consulted_on"),
            consultation_reference: text("consultation_reference"),
            consultation_outcome: text("consultation_outcome"),
        }
    }

    fn section(&self, code: &str) -> &str {
        self.sections.get(code).map_or("", String::as_str)
    }

    /// The value of one of the form's single fields, by name.
    fn text(&self, field: &str) -> &str {
        match field {
            "central_publisher" => &self.central[0],
            "central_title" => &self.central[1],
            "central_url" => &self.central[2],
            "central_version" => &self.central[3],
            "subjects_views" => &self.subjects_views,
            "subjects_not_asked" => &self.subjects_not_asked,
            _ => &self.advice_response,
        }
    }
}

impl RiskRow {
    /// The value of one of the row's levels, by field name.
    fn value(&self, field: &str) -> &str {
        match field {
            "risk_severity" => &self.severity,
            "risk_likelihood" => &self.likelihood,
            "risk_residual_severity" => &self.residual_severity,
            _ => &self.residual_likelihood,
        }
    }

    fn empty(index: usize) -> Self {
        Self {
            index,
            description: String::new(),
            severity: String::new(),
            likelihood: String::new(),
            measures: String::new(),
            residual_severity: String::new(),
            residual_likelihood: String::new(),
        }
    }
}

/// The edit form as the API's command: every row with a description (or a
/// topic) is kept, a level that is not 1–4 or a date that is no date is a
/// field error.
fn edit_command(form: &EditForm, central: bool) -> (DpiaCommand, Vec<FieldError>) {
    let mut errors = Vec::new();
    let mut level = |field: String, text: &str, required: bool| -> Option<Level> {
        let text = text.trim();
        if text.is_empty() && !required {
            return None;
        }
        let parsed = text.parse::<i64>().ok().and_then(|p| Level::new(p).ok());
        if parsed.is_none() {
            errors.push(FieldError::new(&field, "dpia.level_invalid"));
        }
        parsed
    };
    let mut risks = Vec::new();
    for r in form.risks.iter().filter(|r| !r.description.trim().is_empty() || !r.measures.trim().is_empty()) {
        let i = r.index;
        let severity = level(format!("risks[{i}].severity"), &r.severity, true);
        let likelihood = level(format!("risks[{i}].likelihood"), &r.likelihood, true);
        let residual_severity = level(format!("risks[{i}].residual_severity"), &r.residual_severity, false);
        let residual_likelihood = level(format!("risks[{i}].residual_likelihood"), &r.residual_likelihood, false);
        if let (Some(severity), Some(likelihood)) = (severity, likelihood) {
            risks.push(PersonRisk {
                description: r.description.clone(),
                severity,
                likelihood,
                measures: Some(r.measures.clone()),
                residual_severity,
                residual_likelihood,
            });
        }
    }
    let findings = form
        .findings
        .iter()
        .filter(|f| !f.topic.trim().is_empty() || !f.why.trim().is_empty())
        .map(|f| Finding { topic: f.topic.clone(), applies: f.applies == "ja", why: f.why.clone() })
        .collect();
    let prior_consultation = match form.consulted_on.trim() {
        "" => None,
        date => match date.parse() {
            Ok(submitted_on) => Some(PriorConsultation {
                submitted_on,
                reference: Some(form.consultation_reference.clone()),
                outcome: Some(form.consultation_outcome.clone()),
            }),
            Err(_) => {
                errors.push(FieldError::new("prior_consultation", "dpia.page.date_invalid"));
                None
            }
        },
    };
    let [publisher, title, url, version] = form.central.clone();
    let command = DpiaCommand {
        title: Some(form.title.clone()),
        sections: Some(form.sections.clone()),
        central: (central || !url.is_empty()).then_some(CentralReference {
            publisher,
            title,
            url,
            version,
            published_on: None,
        }),
        findings: Some(findings),
        risks: Some(risks),
        subjects_views: Some(form.subjects_views.clone()),
        subjects_not_asked: Some(form.subjects_not_asked.clone()),
        advice_response: Some(form.advice_response.clone()),
        prior_consultation,
        ..DpiaCommand::default()
    };
    (command, errors)
}

#[derive(Template)]
#[template(path = "dpia.html")]
struct DetailPage {
    layout: Layout,
    dpia: DpiaView,
    edit: EditForm,
    levels: [u8; 4],
    approved_on: String,
    review_due: String,
    advice_at: String,
    can_edit: bool,
    can_advise: bool,
    can_approve: bool,
    can_reopen: bool,
    refused: Refused,
}

async fn detail_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    typed: Option<EditForm>,
    refused: Refused,
    status: StatusCode,
) -> PageResult {
    let dpia = app::get(state, staff, id).await?;
    let approved = dpia.status == "approved";
    let page = DetailPage {
        layout: Layout::for_staff(state, staff, &dpia.title, DPIAS),
        edit: typed.unwrap_or_else(|| EditForm::stored(&dpia)),
        levels: [1, 2, 3, 4],
        approved_on: dpia.approved_on.map(dutch_date).unwrap_or_default(),
        review_due: dpia.review_due.map(dutch_date).unwrap_or_default(),
        advice_at: dpia.fg_advice_at.map(|at| dutch_date(day_of(at))).unwrap_or_default(),
        can_edit: !approved && staff.can(Action::DpiaManage),
        can_advise: !approved && staff.can(Action::DpiaAdvise),
        can_approve: !approved && staff.can(Action::DpiaApprove),
        can_reopen: approved && staff.can(Action::DpiaReopen),
        dpia,
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn detail(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    detail_page(&state, &staff, &id, None, Refused::default(), StatusCode::OK).await
}

pub async fn edit(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let form = EditForm::typed(&pairs);
    let (command, typing) = edit_command(&form, value(&pairs, "kind") == Some("central"));
    let outcome = if typing.is_empty() {
        app::update(&state, &staff, &id, command).await
    } else {
        Err(aantoonbaar_app::Error::Invalid(app::named(typing)))
    };
    match outcome {
        Ok(_) => Ok(Redirect::to(&format!("{DPIAS}/{id}#opgeslagen")).into_response()),
        Err(error) => {
            let (status, refused) = refusal(EDIT, pairs, error, anchor)?;
            detail_page(&state, &staff, &id, Some(form), refused, status).await
        }
    }
}

/// Answers a small form of the DPIA page: back to the page, or the page
/// again with the refusal and the DPIA's own text.
async fn answered(
    state: &AppState,
    staff: &Staff,
    id: &str,
    form: &'static str,
    pairs: Vec<(String, String)>,
    outcome: Result<DpiaView, aantoonbaar_app::Error>,
) -> PageResult {
    match outcome {
        Ok(_) => Ok(Redirect::to(&format!("{DPIAS}/{id}")).into_response()),
        Err(error) => {
            let (status, refused) = refusal(form, pairs, error, anchor)?;
            detail_page(state, staff, id, None, refused, status).await
        }
    }
}

pub async fn advise(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command = Advice { advice: value(&pairs, "advice").unwrap_or_default().to_owned() };
    let outcome = app::advise(&state, &staff, &id, command).await;
    answered(&state, &staff, &id, ADVICE, pairs, outcome).await
}

pub async fn approve(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let approved_on = match value(&pairs, "approved_on").map(str::parse).transpose() {
        Ok(date) => Ok(date),
        Err(_) => Err(aantoonbaar_app::Error::Invalid(app::named(vec![FieldError::new(
            "approved_on",
            "dpia.page.date_invalid",
        )]))),
    };
    let outcome = match approved_on {
        Ok(approved_on) => {
            let decision = value(&pairs, "decision").unwrap_or_default().to_owned();
            app::approve(&state, &staff, &id, Approve { decision, approved_on }).await
        }
        Err(error) => Err(error),
    };
    answered(&state, &staff, &id, APPROVE, pairs, outcome).await
}

pub async fn review(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command = ReopenDpia { note: value(&pairs, "note").unwrap_or_default().to_owned() };
    let outcome = app::reopen(&state, &staff, &id, command).await;
    answered(&state, &staff, &id, REVIEW, pairs, outcome).await
}

/// The DPIA as a PDF: the newest approved version, or the draft.
pub async fn pdf(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    let file = app::pdf(&state, &staff, &id, None).await?;
    Ok(crate::download::inline(file.content_type, &file.file_name, file.bytes))
}

/// The dashboard's card: DPIAs due or overdue and activities that need one
/// (`None`: not the user's to see).
///
/// # Errors
/// The store.
pub async fn dashboard_figure(state: &AppState, staff: &Staff) -> Result<Option<usize>, super::PageError> {
    if !staff.can(Action::DpiaView) {
        return Ok(None);
    }
    Ok(Some(app::list(state, staff).await?.due()))
}
