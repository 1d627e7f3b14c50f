//! The pre-DPIA pages: one's requests (all of the board's for the IBP manager
//! and the FG) with the form for a new one (`/dpia/aanvragen`), and one
//! request with its screening, the supplier's status in words and, for the
//! IBP manager and the FG, the answer form (`/dpia/aanvragen/{id}`). They call
//! the API's operations (`aantoonbaar_app::pre_dpia`).

use super::dpia::Choice;
use super::form::{PagePairs, Refused, form_field, refusal};
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::{FieldError, Problem};
use crate::i18n::{t, tf};
use aantoonbaar_app::pre_dpia::{self as app, AnswerPreDpia, Decision, PreDpiaCommand, PreDpiaView};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_rules::calendar::dutch_date as day_of;
use aantoonbaar_rules::dpia::Technique;
use aantoonbaar_rules::register::DataCategory;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};

/// The list's address.
pub const REQUESTS: &str = "/dpia/aanvragen";

const FORM: &str = "predpia";
const ANSWER: &str = "answer";

/// One row of the list.
struct Row {
    id: String,
    app_name: String,
    requester: String,
    created: String,
    status: &'static str,
    status_code: &'static str,
}

#[derive(Template)]
#[template(path = "pre_dpias.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<Row>,
    data: Vec<Choice>,
    techniques: Vec<Choice>,
    refused: Refused,
}

fn ticked(typed: &Refused, field: &str, code: &str) -> bool {
    typed.chosen(FORM, field, code)
}

async fn list_page(state: &AppState, staff: &Staff, refused: Refused, status: StatusCode) -> PageResult {
    let rows = app::list(state, staff)
        .await?
        .into_iter()
        .map(|v| Row {
            created: dutch_date(day_of(v.created_at)),
            status: v.status_label,
            status_code: v.status,
            id: v.id,
            app_name: v.app_name,
            requester: v.requester_name,
        })
        .collect();
    let page = ListPage {
        layout: Layout::for_staff(state, staff, t("predpia.page.title"), REQUESTS),
        rows,
        data: DataCategory::ALL
            .iter()
            .map(|d| Choice {
                code: d.code(),
                label: t(&format!("register.data.{}", d.code())),
                help: "",
                checked: ticked(&refused, "data_categories", d.code()),
            })
            .collect(),
        techniques: Technique::ALL
            .iter()
            .map(|x| Choice {
                code: x.code(),
                label: t(&format!("dpia.technique.{}", x.code())),
                help: t(&format!("dpia.technique_help.{}", x.code())),
                checked: ticked(&refused, "techniques", x.code()),
            })
            .collect(),
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn list(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    list_page(&state, &staff, Refused::default(), StatusCode::OK).await
}

/// The form's pairs as the API's command; a code the form never offers is
/// refused by name (400), a count that is no number is a field error.
fn command(typed: &[(String, String)]) -> Result<(PreDpiaCommand, Vec<FieldError>), Problem> {
    let unknown = |code: &str| Problem::bad_request(tf("dpia.page.code_unknown", &[("code", code)]));
    let mut command = PreDpiaCommand::default();
    let mut errors = Vec::new();
    for (field, value) in typed {
        let v = value.trim();
        match field.as_str() {
            "app_name" => v.clone_into(&mut command.app_name),
            "website" => command.website = Some(v.to_owned()),
            "purpose" => v.clone_into(&mut command.purpose),
            "supplier" => v.clone_into(&mut command.supplier),
            "groups" => command.groups = Some(v.to_owned()),
            "data_categories" => command.data_categories.push(DataCategory::from_code(v).map_err(|_| unknown(v))?),
            "techniques" => command.techniques.push(Technique::from_code(v).map_err(|_| unknown(v))?),
            "pupil_count" if !v.is_empty() => match v.parse::<u32>() {
                Ok(count) => command.pupil_count = Some(count),
                Err(_) => errors.push(FieldError::new("pupil_count", "predpia.page.count_invalid")),
            },
            _ => {}
        }
    }
    Ok((command, errors))
}

pub async fn create(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let (command, typing) = command(&pairs)?;
    let outcome = if typing.is_empty() {
        app::submit(&state, &staff, command).await
    } else {
        // What could not be read, and what else is wrong, together.
        let mut errors = app::named(typing);
        let others: Vec<FieldError> =
            app::errors_of(&command).into_iter().filter(|e| errors.iter().all(|t| t.field != e.field)).collect();
        errors.extend(others);
        Err(aantoonbaar_app::Error::Invalid(errors))
    };
    match outcome {
        Ok(created) => Ok(Redirect::to(&format!("{REQUESTS}/{}", created.id)).into_response()),
        Err(error) => {
            let (status, refused) = refusal(FORM, pairs, error, form_field)?;
            list_page(&state, &staff, refused, status).await
        }
    }
}

// ---------------------------------------------------------------- /dpia/aanvragen/{id}

/// One reason of the screening as the page shows it.
struct ReasonRow {
    source_name: String,
    applies: bool,
    text: String,
}

#[derive(Template)]
#[template(path = "pre_dpia.html")]
struct DetailPage {
    layout: Layout,
    id: String,
    request: PreDpiaView,
    facts: Vec<(&'static str, String)>,
    reasons: Vec<ReasonRow>,
    can_answer: bool,
    decisions: Vec<(&'static str, &'static str)>,
    refused: Refused,
}

fn answer_of(request: &PreDpiaView, field: &str) -> String {
    match request.answers.get(field) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(serde_json::Value::Array(items)) => {
            let labels: Vec<&str> = items
                .iter()
                .filter_map(serde_json::Value::as_str)
                .map(|code| match field {
                    "data_categories" => t(&format!("register.data.{code}")),
                    _ => t(&format!("dpia.technique.{code}")),
                })
                .collect();
            labels.join(", ")
        }
        _ => String::new(),
    }
}

async fn detail_page(state: &AppState, staff: &Staff, id: &str, refused: Refused, status: StatusCode) -> PageResult {
    let request = app::get(state, staff, id).await?;
    let mut facts = vec![
        ("predpia.page.requester", request.requester_name.clone()),
        ("predpia.page.created", dutch_date(day_of(request.created_at))),
    ];
    for field in ["website", "purpose", "data_categories", "supplier", "groups", "pupil_count", "techniques"] {
        let value = answer_of(&request, field);
        if !value.is_empty() {
            let key: &'static str = match field {
                "website" => "predpia.field.website",
                "purpose" => "predpia.field.purpose",
                "data_categories" => "predpia.field.data_categories",
                "supplier" => "predpia.field.supplier",
                "groups" => "predpia.field.groups",
                "pupil_count" => "predpia.field.pupil_count",
                _ => "predpia.field.techniques",
            };
            facts.push((key, value));
        }
    }
    let reasons = request
        .reasons
        .as_array()
        .map(|list| {
            list.iter()
                .map(|r| ReasonRow {
                    source_name: r["source_name"].as_str().unwrap_or_default().to_owned(),
                    applies: r["applies"].as_bool().unwrap_or_default(),
                    text: r["text"].as_str().unwrap_or_default().to_owned(),
                })
                .collect()
        })
        .unwrap_or_default();
    let page = DetailPage {
        layout: Layout::for_staff(state, staff, &request.app_name, REQUESTS),
        id: id.to_owned(),
        facts,
        reasons,
        can_answer: app::sees_all(staff) && request.status == "waiting",
        decisions: Decision::ALL.iter().map(|d| (d.code(), t(&format!("predpia.decision.{}", d.code())))).collect(),
        request,
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn detail(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    detail_page(&state, &staff, &id, Refused::default(), StatusCode::OK).await
}

pub async fn answer(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let value = |field: &str| pairs.iter().find(|(k, _)| k == field).map(|(_, v)| v.trim().to_owned());
    let decision = value("decision").unwrap_or_default();
    let outcome = match Decision::from_code(&decision) {
        Some(decision) => app::answer(&state, &staff, &id, AnswerPreDpia { decision, text: value("text") }).await,
        None => Err(aantoonbaar_app::Error::Invalid(app::named(vec![FieldError::new(
            "decision",
            "predpia.decision_required",
        )]))),
    };
    match outcome {
        Ok(_) => Ok(Redirect::to(&format!("{REQUESTS}/{id}")).into_response()),
        Err(error) => {
            let (status, refused) = refusal(ANSWER, pairs, error, form_field)?;
            detail_page(&state, &staff, &id, refused, status).await
        }
    }
}

/// The dashboard's card: requests waiting for an answer (`None`: does not answer them).
///
/// # Errors
/// The store.
pub async fn dashboard_figure(state: &AppState, staff: &Staff) -> Result<Option<usize>, super::PageError> {
    if !app::sees_all(staff) {
        return Ok(None);
    }
    Ok(Some(app::waiting(state, staff).await?))
}
