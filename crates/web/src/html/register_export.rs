//! The register's export page (choose a format and a version; the files come
//! from the API, which reads the session cookie on GET) and its import from
//! Excel: upload, preview (a dry run), confirm; the layout and an example file.

use super::filters;
use super::form::refused;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::FieldError;
use crate::i18n::{t, tf};
use aantoonbaar_app::register::adoption;
use aantoonbaar_app::register::export::XLSX_TYPE;
use aantoonbaar_app::register::import::{self, ImportReport};
use aantoonbaar_app::register::sheet::{self, SHEETS};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_rules::Action;
use askama::Template;
use axum::Form;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use base64::Engine;
use serde::Deserialize;

/// The export's address for a format and a version (`""`: the live register).
const EXPORT: &str = "/api/v1/processing-register";

pub struct FormatChoice {
    pub code: &'static str,
    pub label: &'static str,
}

pub struct VersionChoice {
    /// `""` for the live register, else the version number.
    pub value: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "register_export.html")]
struct ExportPage {
    layout: Layout,
    formats: Vec<FormatChoice>,
    versions: Vec<VersionChoice>,
    export: &'static str,
}

const FORMATS: [&str; 5] = ["pdf", "xlsx", "csv", "json", "jsonld"];

pub async fn export(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    staff.may(Action::RegisterView)?;
    let versions = adoption::versions(&state, &staff).await?;
    let formats =
        FORMATS.iter().map(|code| FormatChoice { code, label: t(&format!("register_export.format.{code}")) }).collect();
    let versions =
        std::iter::once(VersionChoice { value: String::new(), label: t("register_export.version_live").to_owned() })
            .chain(versions.into_iter().map(|v| VersionChoice {
                value: v.version.to_string(),
                label: tf(
                    "register_export.version_adopted",
                    &[
                        ("version", &v.version.to_string()),
                        ("date", &dutch_date(v.adopted_at.to_zoned(jiff::tz::TimeZone::UTC).date())),
                    ],
                ),
            }))
            .collect();
    let layout = Layout::for_staff(&state, &staff, t("register_export.title"), "/register");
    Ok(render(&ExportPage { layout, formats, versions, export: EXPORT }))
}

// ---------------------------------------------------------------- import

#[derive(Template)]
#[template(path = "register_import.html")]
struct ImportPage {
    layout: Layout,
    errors: Vec<FieldError>,
    /// A dry run's report with the file to confirm, or a finished import's report.
    report: Option<ImportReport>,
    file_name: String,
    /// The checked file, base64, carried to the confirmation.
    content: String,
}

impl ImportPage {
    fn status(code: &str) -> &'static str {
        sheet::label("status", code)
    }
}

fn import_page(state: &AppState, staff: &Staff) -> Result<ImportPage, super::PageError> {
    staff.may(Action::RegisterManage)?;
    Ok(ImportPage {
        layout: Layout::for_staff(state, staff, t("register_export.import_title"), "/register"),
        errors: Vec::new(),
        report: None,
        file_name: String::new(),
        content: String::new(),
    })
}

pub async fn import_form(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    Ok(render(&import_page(&state, &staff)?))
}

/// Runs the import (as a dry run for the preview) through the API's
/// operation; a refused file shows every wrong cell and writes nothing.
async fn run(state: &AppState, staff: &Staff, mut page: ImportPage, bytes: &[u8], dry_run: bool) -> PageResult {
    match import::import(state, staff, bytes, dry_run).await {
        Ok(report) => {
            page.content =
                if dry_run { base64::engine::general_purpose::STANDARD.encode(bytes) } else { String::new() };
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

pub async fn import_preview(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    mut multipart: Multipart,
) -> PageResult {
    let mut page = import_page(&state, &staff)?;
    let mut bytes = Vec::new();
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            page.file_name = field.file_name().unwrap_or("register.xlsx").chars().take(200).collect();
            bytes = field.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
        }
    }
    if bytes.is_empty() {
        page.errors = vec![FieldError::new("file", "register_export.no_file")];
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
    }
    run(&state, &staff, page, &bytes, true).await
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    file_name: String,
    #[serde(default)]
    content: String,
}

pub async fn import_confirm(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Form(form): Form<ConfirmForm>,
) -> PageResult {
    let mut page = import_page(&state, &staff)?;
    page.file_name.clone_from(&form.file_name);
    let bytes = base64::engine::general_purpose::STANDARD.decode(form.content.trim()).unwrap_or_default();
    run(&state, &staff, page, &bytes, false).await
}

// ---------------------------------------------------------------- layout and example

pub struct ColumnView {
    pub name: &'static str,
    pub required: bool,
    pub values: String,
}

pub struct SheetView {
    pub name: &'static str,
    pub intro: &'static str,
    pub columns: Vec<ColumnView>,
}

#[derive(Template)]
#[template(path = "register_import_layout.html")]
struct LayoutPage {
    layout: Layout,
    sheets: Vec<SheetView>,
}

/// What a column takes, in words.
fn column_values(column: &str) -> String {
    let lists = sheet::value_lists();
    if let Some((_, labels)) = lists.iter().find(|(c, _)| *c == column) {
        return labels.join(", ");
    }
    let key = match column {
        "review_date" => "register_export.layout_date",
        "systems" => "register_export.layout_systems",
        "country" => "register_export.layout_country",
        _ => "register_export.layout_text",
    };
    t(key).to_owned()
}

pub async fn import_layout(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    staff.may(Action::RegisterManage)?;
    let sheets = SHEETS
        .iter()
        .map(|s| SheetView {
            name: s.name(),
            intro: t(if s.key == "main" { "register_export.layout_main" } else { "register_export.layout_child" }),
            columns: s
                .columns
                .iter()
                .map(|c| ColumnView {
                    name: sheet::header(c),
                    required: s.required.contains(c),
                    values: column_values(c),
                })
                .collect(),
        })
        .collect();
    let layout = Layout::for_staff(&state, &staff, t("register_export.layout_title"), "/register");
    Ok(render(&LayoutPage { layout, sheets }))
}

/// The example file: the template's activities in the import's layout.
pub async fn import_example(StaffPage(staff): StaffPage) -> PageResult {
    let bytes = import::example(&staff).await?;
    Ok(crate::download::attachment(XLSX_TYPE, "voorbeeld-verwerkingsregister.xlsx", bytes))
}
