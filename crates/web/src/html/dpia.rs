//! The DPIA screening page: the questions in Dutch, the outcome with every
//! reason and its source. It calls the API's operation
//! (`aantoonbaar_app::dpia::assess`), so both answer alike; whoever may store
//! a screening can keep it for an activity or a product
//! (`aantoonbaar_app::dpia::screenings::record`).

use super::PageError;
use super::filters;
use super::form::{PagePairs, refused};
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::{FieldError, Problem};
use crate::i18n::{t, tf};
use aantoonbaar_app::dpia::screenings::{self, RecordScreening};
use aantoonbaar_app::dpia::{self as app, ScreenDpia, ScreeningOutcome};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::dpia::{LARGE_SCALE_SUBJECTS, Technique};
use aantoonbaar_rules::register::{DataCategory, SubjectCategory};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;

/// The page's address.
pub const SCREENING: &str = "/dpia/screening";

/// One checkbox: its code, its label, a plain explanation, and whether it is ticked.
pub struct Choice {
    pub code: &'static str,
    pub label: &'static str,
    pub help: &'static str,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "dpia_screening.html")]
struct ScreeningPage {
    layout: Layout,
    subjects: Vec<Choice>,
    data: Vec<Choice>,
    techniques: Vec<Choice>,
    /// What was typed as the number of people.
    count: String,
    /// `""` (count decides), `ja`, `nee`.
    scale: String,
    count_help: String,
    errors: Vec<FieldError>,
    result: Option<ScreeningOutcome>,
    /// The activities a screening can be stored for (empty: the user stores none).
    activities: Vec<(String, String)>,
    can_store: bool,
    /// The stored screening's id, once stored.
    stored: Option<String>,
    /// What was chosen or typed as what the screening is about.
    about_activity: String,
    about_product: String,
}

fn page(staff: &Staff, state: &AppState, typed: &[(String, String)]) -> ScreeningPage {
    let ticked = |field: &str, code: &str| typed.iter().any(|(k, v)| k == field && v == code);
    let value = |field: &str| typed.iter().find(|(k, _)| k == field).map(|(_, v)| v.clone()).unwrap_or_default();
    ScreeningPage {
        layout: Layout::for_staff(state, staff, t("dpia.page.title"), "/register"),
        subjects: SubjectCategory::ALL
            .iter()
            .map(|s| Choice {
                code: s.code(),
                label: t(&format!("register.subject.{}", s.code())),
                help: "",
                checked: ticked("subjects", s.code()),
            })
            .collect(),
        data: DataCategory::ALL
            .iter()
            .map(|d| Choice {
                code: d.code(),
                label: t(&format!("register.data.{}", d.code())),
                help: "",
                checked: ticked("data_categories", d.code()),
            })
            .collect(),
        techniques: Technique::ALL
            .iter()
            .map(|x| Choice {
                code: x.code(),
                label: t(&format!("dpia.technique.{}", x.code())),
                help: t(&format!("dpia.technique_help.{}", x.code())),
                checked: ticked("techniques", x.code()),
            })
            .collect(),
        count: value("subject_count"),
        scale: value("large_scale"),
        count_help: tf("dpia.page.how_many_help", &[("threshold", &LARGE_SCALE_SUBJECTS.to_string())]),
        errors: Vec::new(),
        result: None,
        activities: Vec::new(),
        can_store: staff.can(Action::DpiaScreen),
        stored: None,
        about_activity: value("activity_id"),
        about_product: value("product"),
    }
}

/// The page with the activities to store a screening for, when the user may.
async fn with_activities(state: &AppState, staff: &Staff, mut page: ScreeningPage) -> Result<ScreeningPage, PageError> {
    if page.can_store {
        page.activities = aantoonbaar_app::register::current(state, staff)
            .await?
            .activities
            .into_iter()
            .map(|a| (a.id, a.activity.name))
            .collect();
    }
    Ok(page)
}

/// The empty form.
pub async fn form(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    Ok(render(&with_activities(&state, &staff, page(&staff, &state, &[])).await?))
}

/// The form's answers as the API's command; a code the form never offers is
/// refused by name (400), a number that is no number is a field error.
fn command(typed: &[(String, String)]) -> Result<(ScreenDpia, Vec<FieldError>), Problem> {
    let unknown = |code: &str| Problem::bad_request(tf("dpia.page.code_unknown", &[("code", code)]));
    let mut command = ScreenDpia::default();
    let mut errors = Vec::new();
    for (field, value) in typed {
        let value = value.trim();
        match field.as_str() {
            "subjects" => command.subjects.push(SubjectCategory::from_code(value).map_err(|_| unknown(value))?),
            "data_categories" => {
                command.data_categories.push(DataCategory::from_code(value).map_err(|_| unknown(value))?);
            }
            "techniques" => command.techniques.push(Technique::from_code(value).map_err(|_| unknown(value))?),
            "subject_count" if !value.is_empty() => match value.replace('.', "").parse::<u32>() {
                Ok(count) => command.subject_count = Some(count),
                Err(_) => errors.push(FieldError::new("subject_count", "dpia.page.count_invalid")),
            },
            "large_scale" => {
                command.large_scale = match value {
                    "ja" => Some(true),
                    "nee" => Some(false),
                    "" => None,
                    other => return Err(unknown(other)),
                };
            }
            _ => {}
        }
    }
    Ok((command, errors))
}

/// Screens what was ticked: the outcome and every reason, with the answers kept.
pub async fn assess(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let mut page = with_activities(&state, &staff, page(&staff, &state, &typed)).await?;
    let (command, mut errors) = command(&typed)?;
    let value = |field: &str| typed.iter().find(|(k, _)| k == field).map(|(_, v)| v.trim().to_owned());
    let store = value("save").is_some();
    let outcome = if store && errors.is_empty() {
        let record = RecordScreening {
            activity_id: value("activity_id").filter(|v| !v.is_empty()),
            product: value("product").filter(|v| !v.is_empty()),
            subjects: command.subjects.clone(),
            subject_count: command.subject_count,
            large_scale: command.large_scale,
            data_categories: command.data_categories.clone(),
            techniques: command.techniques.clone(),
        };
        screenings::record(&state, &staff, record).await.map(|stored| {
            page.stored = Some(stored.id);
            app::assess(command)
        })
    } else {
        Ok(app::assess(command))
    };
    match outcome.and_then(|assessed| assessed) {
        Ok(outcome) if errors.is_empty() => page.result = Some(outcome),
        Ok(_) => {}
        Err(error) => {
            let mut refusal = refused(error)?.errors;
            refusal.append(&mut errors);
            errors = refusal;
        }
    }
    if errors.is_empty() {
        return Ok(render(&page));
    }
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
}
