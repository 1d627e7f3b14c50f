//! Importing pupils: upload, preview (a dry run), confirm.

use super::filters;
use super::form::refused;
use super::{Layout, PageError, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::FieldError;
use crate::i18n::{t, tf};
use aantoonbaar_app::imports::{self, ImportFile};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_import::Column;
use aantoonbaar_rules::Action;
use aantoonbaar_store::{ImportReport, ImportedName, School};
use askama::Template;
use axum::Form;
use axum::extract::{Multipart, State};
use axum::http::{StatusCode, header};
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

    /// Whether a message of the refusal is about the form field `field`.
    fn error_on(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }

    /// A pupil who would be recorded as left, told apart from namesakes.
    fn left_pupil(pupil: &ImportedName) -> String {
        tf(
            "import.left_pupil",
            &[
                ("name", &pupil.name),
                ("group", &pupil.group),
                ("birth", &dutch_date(pupil.birth_date)),
                ("number", &pupil.external_number),
            ],
        )
    }

    fn departures_warning(report: &ImportReport) -> String {
        tf(
            "import.departures_warning",
            &[("count", &report.left_school.len().to_string()), ("total", &report.current_pupils.to_string())],
        )
    }

    fn departures_label(report: &ImportReport) -> String {
        imports::departures_label(report.left_school.len())
    }
}

async fn page(state: &AppState, staff: &Staff) -> Result<ImportPage, PageError> {
    let scope = staff.may(Action::PupilImport)?;
    let schools = state.store.board(&staff.principal.board).schools(scope).await?;
    Ok(ImportPage {
        layout: Layout::for_staff(state, staff, t("nav.import"), "/import"),
        // No school is preselected: importing into the wrong one would mark its pupils as left.
        school_id: String::new(),
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
/// nothing is written; a confirmation refused (the departures not ticked)
/// shows the preview again beside the message.
async fn run(state: &AppState, staff: &Staff, mut page: ImportPage, file: ImportFile<'_>) -> PageResult {
    match imports::import(state, staff, file).await {
        Ok(report) => {
            if file.dry_run {
                page.content = String::from_utf8_lossy(file.content).into_owned();
            }
            page.report = Some(report);
            Ok(render(&page))
        }
        Err(error) => {
            let problem = refused(error)?;
            page.errors = problem.errors;
            if !file.dry_run {
                let preview = ImportFile { dry_run: true, ..file };
                page.report = imports::import(state, staff, preview).await.ok();
                page.content = String::from_utf8_lossy(file.content).into_owned();
            }
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
    let (school_id, file_name) = (page.school_id.clone(), page.file_name.clone());
    let file = ImportFile {
        school_id: &school_id,
        file_name: &file_name,
        content: text.as_bytes(),
        dry_run: true,
        confirm_departures: false,
    };
    run(&state, &staff, page, file).await
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    school_id: String,
    #[serde(default)]
    file_name: String,
    #[serde(default)]
    content: String,
    /// The checkbox under the list of pupils who would be recorded as left.
    confirm_departures: Option<String>,
}

pub async fn confirm(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Form(form): Form<ConfirmForm>,
) -> PageResult {
    let mut page = page(&state, &staff).await?;
    page.school_id.clone_from(&form.school_id);
    page.file_name.clone_from(&form.file_name);
    let file = ImportFile {
        school_id: &form.school_id,
        file_name: &form.file_name,
        content: form.content.as_bytes(),
        dry_run: false,
        confirm_departures: form.confirm_departures.is_some(),
    };
    run(&state, &staff, page, file).await
}

#[derive(Template)]
#[template(path = "import_columns.html")]
struct ColumnsPage {
    layout: Layout,
    columns: Vec<Column>,
}

impl ColumnsPage {
    /// An anchor for each column, so a message or the manual can link to it.
    fn anchor(column: &Column) -> String {
        format!("kolom-{}", column.name.to_lowercase().replace(' ', "-"))
    }
}

/// The column list: every column, whether it is required, what it holds and,
/// for a coded column, its words (Dutch first).
pub async fn columns(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    staff.may(Action::PupilImport)?;
    let layout = Layout::for_staff(&state, &staff, t("import.columns_title"), "/import");
    Ok(render(&ColumnsPage { layout, columns: aantoonbaar_import::columns() }))
}

/// The example file: every column and one made-up pupil.
pub async fn template(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let bytes = imports::template(&staff, state.clock.today())?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"voorbeeld-leerlingen.csv\""),
        ],
        bytes,
    )
        .into_response())
}
