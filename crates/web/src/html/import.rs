//! Importing pupils: upload, preview (a dry run), confirm.

use super::filters;
use super::form::refused;
use super::{Layout, PageError, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::FieldError;
use crate::i18n::t;
use aantoonbaar_app::imports;
use aantoonbaar_rules::Action;
use aantoonbaar_store::{ImportReport, School};
use askama::Template;
use axum::Form;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    layout: Layout,
    schools: Vec<School>,
    school_id: String,
    errors: Vec<FieldError>,
    /// A dry run's report with the file to confirm, or a finished import's report.
    report: Option<ImportReport>,
    file_name: String,
    content: String,
}

impl ImportPage {
    fn school_name(&self) -> &str {
        self.schools.iter().find(|s| s.id == self.school_id).map_or("", |s| s.name.as_str())
    }
}

async fn page(state: &AppState, staff: &Staff) -> Result<ImportPage, PageError> {
    let scope = staff.may(Action::PupilImport)?;
    let schools = state.store.board(&staff.principal.board).schools(scope).await?;
    Ok(ImportPage {
        layout: Layout::for_staff(state, staff, t("nav.import"), "/import"),
        school_id: schools.first().map(|s| s.id.clone()).unwrap_or_default(),
        schools,
        errors: Vec::new(),
        report: None,
        file_name: String::new(),
        content: String::new(),
    })
}

pub async fn form(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    Ok(render(&page(&state, &staff).await?))
}

/// Runs the import (as a dry run for the preview) through the API's
/// operation. A file with errors shows them all, with line and column, and
/// nothing is written.
async fn run(state: &AppState, staff: &Staff, mut page: ImportPage, bytes: &[u8], dry_run: bool) -> PageResult {
    match imports::import(state, staff, &page.school_id, &page.file_name, bytes, dry_run).await {
        Ok(report) => {
            if dry_run {
                page.content = String::from_utf8_lossy(bytes).into_owned();
            }
            page.report = Some(report);
            Ok(render(&page))
        }
        Err(error) => {
            let problem = refused(error)?;
            page.errors = problem.errors;
            Ok((problem.status, render(&page)).into_response())
        }
    }
}

pub async fn preview(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    mut multipart: Multipart,
) -> PageResult {
    let mut page = page(&state, &staff).await?;
    let mut bytes = Vec::new();
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name() {
            Some("school_id") => page.school_id = field.text().await.unwrap_or_default(),
            Some("file") => {
                page.file_name = field.file_name().unwrap_or("upload.csv").to_owned();
                bytes = field.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
            }
            _ => {}
        }
    }
    if bytes.is_empty() {
        page.errors = vec![FieldError::new("file", "import.no_file")];
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
    }
    // The preview carries the file as UTF-8 text to the confirmation.
    let text = aantoonbaar_import::decode(&bytes).0;
    run(&state, &staff, page, text.as_bytes(), true).await
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    school_id: String,
    file_name: String,
    content: String,
}

pub async fn confirm(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Form(form): Form<ConfirmForm>,
) -> PageResult {
    let mut page = page(&state, &staff).await?;
    page.school_id = form.school_id;
    page.file_name = form.file_name;
    run(&state, &staff, page, form.content.as_bytes(), false).await
}
