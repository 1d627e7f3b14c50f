//! The destruction pages (issue 15): the batches and a form to make one from
//! the worklist of a date (`/bewaartermijnen/vernietiging`), and one batch
//! with its items per category, the approve button for who may give an
//! approval, a confirmation form per system and the certificate
//! (`/bewaartermijnen/vernietiging/{id}`). They call the same operations as
//! the API (`aantoonbaar_app::retention_batches`), so both refuse alike; a
//! refused form shows again with what was typed.

use super::form::{PagePairs, entered, read, refused};
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::FieldError;
use crate::i18n::{t, tf};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_app::retention::label;
use aantoonbaar_app::retention_batches::{self as app, BatchCommand, BatchOut, ConfirmationCommand};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::retention::batch::{approval_for, may_approve};
use aantoonbaar_store::retention_batches::StoredBatch;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};

/// An ISO date of an answer as the pages show it (`01-11-2025`).
pub(super) fn day(text: &str) -> String {
    text.parse().map_or_else(|_| text.to_owned(), dutch_date)
}

/// One batch in the list.
pub struct BatchRow {
    pub id: String,
    pub date: String,
    pub school: String,
    pub status: &'static str,
    pub items: usize,
}

/// A school to choose.
pub struct SchoolChoice {
    pub id: String,
    pub name: String,
    pub chosen: bool,
}

#[derive(Template)]
#[template(path = "retention_batches.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<BatchRow>,
    can_make: bool,
    board_wide: bool,
    schools: Vec<SchoolChoice>,
    date: String,
    errors: Vec<FieldError>,
}

async fn school_names(state: &AppState, staff: &Staff) -> Result<Vec<(String, String)>, super::PageError> {
    let board = state.store.board(&staff.principal.board);
    Ok(match staff.may(Action::RetentionView) {
        Ok(scope) => board.schools(scope).await?.into_iter().map(|s| (s.id, s.name)).collect(),
        Err(_) => Vec::new(),
    })
}

async fn list_page(
    state: &AppState,
    staff: &Staff,
    typed: &[(String, String)],
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let batches = app::batches(state, staff).await?;
    let schools = school_names(state, staff).await?;
    let school_name = |id: &Option<String>| match id {
        None => t("retention.batches.all_schools").to_owned(),
        Some(id) => schools.iter().find(|(s, _)| s == id).map_or_else(|| id.clone(), |(_, n)| n.clone()),
    };
    let rows = batches
        .iter()
        .map(|b| BatchRow {
            id: b.id.clone(),
            date: dutch_date(b.worklist_date),
            school: school_name(&b.school_id),
            status: t(&format!("retention.batches.status.{}", b.status)),
            items: b.items.len(),
        })
        .collect();
    let chosen = entered(typed, "school_id");
    let date = entered(typed, "date");
    let page = ListPage {
        layout: Layout::for_staff(state, staff, t("retention.batches.title"), "/bewaartermijnen"),
        rows,
        can_make: staff.can(Action::RetentionBatch),
        board_wide: matches!(staff.principal.scope, aantoonbaar_store::Scope::Board),
        schools: schools
            .iter()
            .map(|(id, name)| SchoolChoice { id: id.clone(), name: name.clone(), chosen: id == chosen })
            .collect(),
        date: if date.is_empty() { state.clock.today().to_string() } else { date.to_owned() },
        errors,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn list(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    list_page(&state, &staff, &[], Vec::new(), StatusCode::OK).await
}

pub async fn create(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: BatchCommand = read(pairs.clone())?;
    match app::create(&state, &staff, command).await {
        Ok(batch) => Ok(Redirect::to(&format!("/bewaartermijnen/vernietiging/{}", batch.id)).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            list_page(&state, &staff, &pairs, problem.errors, problem.status).await
        }
    }
}

/// The count of one category in the batch.
pub struct CountRow {
    pub category: &'static str,
    pub action: &'static str,
    pub count: usize,
}

/// One item as the batch page shows it (no names: the pupil number is enough to find the file).
pub struct ItemRow {
    pub category: &'static str,
    pub pupil: String,
    pub due_on: String,
    pub systems: String,
    pub outcome: &'static str,
}

/// A system and its confirmation, or the form to give it.
pub struct SystemRow {
    pub system: String,
    pub confirmed: Option<String>,
    /// What was typed when this system's confirmation was refused.
    pub destroyed_on: String,
    pub method: String,
}

/// An approval as the page shows it.
pub struct ApprovalRow {
    pub role: &'static str,
    pub given: String,
}

#[derive(Template)]
#[template(path = "retention_batch.html")]
struct BatchPage {
    layout: Layout,
    id: String,
    date: String,
    status: &'static str,
    completed: bool,
    approvals: Vec<ApprovalRow>,
    may_approve: bool,
    may_confirm: bool,
    counts: Vec<CountRow>,
    items: Vec<ItemRow>,
    systems: Vec<SystemRow>,
    sha256: Option<String>,
    errors: Vec<FieldError>,
}

async fn batch_page(
    state: &AppState,
    staff: &Staff,
    batch: &StoredBatch,
    typed: &[(String, String)],
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let out = BatchOut::from(batch);
    let board = state.store.board(&staff.principal.board);
    let mut numbers: Vec<(String, String)> = Vec::new();
    for item in &batch.items {
        if !numbers.iter().any(|(id, _)| *id == item.item.pupil_id) {
            let number = board
                .pupil(&aantoonbaar_store::Scope::Board, &item.item.pupil_id)
                .await?
                .map_or_else(String::new, |p| p.external_number);
            numbers.push((item.item.pupil_id.clone(), number));
        }
    }
    let approval = approval_for(&staff.principal.roles);
    let director = batch.director.as_ref().and_then(|a| a.user_id.as_deref());
    let manager = batch.manager.as_ref().and_then(|a| a.user_id.as_deref());
    let may = staff.can(Action::RetentionBatch)
        && approval.is_some_and(|a| {
            may_approve(a, &staff.principal.user_id, batch.status == "awaiting_approval", director, manager).is_ok()
        });
    let typed_system = entered(typed, "system");
    let page = BatchPage {
        layout: Layout::for_staff(state, staff, t("retention.batch.title"), "/bewaartermijnen"),
        id: batch.id.clone(),
        date: dutch_date(batch.worklist_date),
        status: t(&format!("retention.batches.status.{}", batch.status)),
        completed: batch.status == "completed",
        approvals: ["director", "ibp_manager"]
            .into_iter()
            .map(|role| ApprovalRow {
                role: t(&format!("retention.certificate.approval.{role}")),
                given: out.approvals.iter().find(|a| a.role == role).map_or_else(
                    || t("retention.certificate.not_given").to_owned(),
                    |a| {
                        let on = a.at.parse::<jiff::Timestamp>().map_or_else(
                            |_| a.at.clone(),
                            |at| dutch_date(aantoonbaar_rules::calendar::dutch_date(at)),
                        );
                        tf("retention.certificate.approved_by", &[("name", &a.name), ("email", &a.by), ("date", &on)])
                    },
                ),
            })
            .collect(),
        may_approve: may,
        may_confirm: staff.can(Action::RetentionBatch) && batch.status == "approved",
        counts: out
            .counts
            .iter()
            .map(|c| CountRow {
                category: label("category", &c.category),
                action: label("action", &c.action),
                count: c.count,
            })
            .collect(),
        items: out
            .items
            .iter()
            .map(|i| ItemRow {
                category: label("category", &i.category),
                pupil: numbers.iter().find(|(id, _)| *id == i.pupil_id).map_or_else(String::new, |(_, n)| n.clone()),
                due_on: day(&i.due_date),
                systems: i.systems.join(", "),
                outcome: t(&format!("retention.batch.outcome.{}", i.outcome.as_deref().unwrap_or("open"))),
            })
            .collect(),
        systems: out
            .systems
            .iter()
            .map(|s| SystemRow {
                system: s.system.clone(),
                confirmed: s.destroyed_on.as_ref().map(|on| {
                    tf(
                        "retention.certificate.confirmed",
                        &[
                            ("date", &day(on)),
                            ("method", s.method.as_deref().unwrap_or_default()),
                            ("by", s.confirmed_by.as_deref().unwrap_or_default()),
                        ],
                    )
                }),
                destroyed_on: if typed_system == s.system {
                    entered(typed, "destroyed_on").to_owned()
                } else {
                    String::new()
                },
                method: if typed_system == s.system { entered(typed, "method").to_owned() } else { String::new() },
            })
            .collect(),
        sha256: out.certificate_sha256,
        errors,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    let batch = app::batch(&state, &staff, &id).await?;
    batch_page(&state, &staff, &batch, &[], Vec::new(), StatusCode::OK).await
}

pub async fn approve(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    match app::approve(&state, &staff, &id).await {
        Ok(_) => Ok(Redirect::to(&format!("/bewaartermijnen/vernietiging/{id}")).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            let batch = app::batch(&state, &staff, &id).await?;
            batch_page(&state, &staff, &batch, &[], problem.errors, problem.status).await
        }
    }
}

pub async fn confirm(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: ConfirmationCommand = read(pairs.clone())?;
    match app::confirm(&state, &staff, &id, command).await {
        Ok(_) => Ok(Redirect::to(&format!("/bewaartermijnen/vernietiging/{id}")).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            let batch = app::batch(&state, &staff, &id).await?;
            batch_page(&state, &staff, &batch, &pairs, problem.errors, problem.status).await
        }
    }
}

pub async fn certificate(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    let file = app::certificate(&state, &staff, &id).await?;
    Ok(crate::download::attachment(file.content_type, &file.file_name, file.bytes))
}
