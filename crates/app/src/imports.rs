//! Importing a school's pupils from a pupil-administration CSV export: the
//! API's upload and the import page's preview and confirmation.

use crate::error::{Error, FieldError, Result};
use crate::i18n::tf;
use crate::input::text;
use crate::{App, Staff};
use aantoonbaar_import::CellError;
use aantoonbaar_rules::Action;
use aantoonbaar_store::{ImportMode, ImportReport};
use jiff::civil::Date;

/// The longest file name the import history keeps.
pub const FILE_NAME_LIMIT: usize = 200;

/// The errors of a file as field errors that name line and column.
#[must_use]
pub fn cell_errors(errors: Vec<CellError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|e| {
            let message = tf(e.code, &[("values", &e.allowed.join(", "))]);
            FieldError {
                detail: tf(
                    "import.error_line",
                    &[("line", &e.line.to_string()), ("column", &e.column), ("message", &message)],
                ),
                field: e.column,
                line: Some(e.line),
                code: e.code.to_owned(),
            }
        })
        .collect()
}

/// One upload: the school it is for, the file, and what the caller confirmed.
#[derive(Debug, Clone, Copy)]
pub struct ImportFile<'a> {
    /// Empty when no school was chosen (refused: the import never guesses one).
    pub school_id: &'a str,
    pub file_name: &'a str,
    pub content: &'a [u8],
    /// Report what would change, write nothing.
    pub dry_run: bool,
    /// The caller saw which pupils would be recorded as left and agrees, for
    /// a file where that needs a separate confirmation
    /// (`rules::organisation::departures_need_confirmation`).
    pub confirm_departures: bool,
}

/// The label of the page's confirmation, which the refusal quotes.
#[must_use]
pub fn departures_label(count: usize) -> String {
    tf("import.confirm_departures", &[("count", &count.to_string())])
}

/// Imports `file` into its school (in the caller's scope): one transaction,
/// all or nothing; a dry run reports what would change and writes nothing. A
/// file with wrong cells names every one of them. A file that would record
/// more than a small share of the school's pupils as left is written only
/// with `confirm_departures`.
///
/// # Errors
/// Forbidden, no school chosen, not found (the school), every wrong cell,
/// unconfirmed departures, or the store.
pub async fn import(app: &App, staff: &Staff, file: ImportFile<'_>) -> Result<ImportReport> {
    let scope = staff.may(Action::PupilImport)?;
    let mut errors = Vec::new();
    if file.school_id.trim().is_empty() {
        errors.push(FieldError::new("school_id", "import.school_missing"));
    }
    text(&mut errors, "file_name", Some(file.file_name.to_owned()), false, FILE_NAME_LIMIT);
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let board = app.store.board(&staff.principal.board);
    board.school(scope, file.school_id).await?.ok_or(Error::NotFound)?;
    let parsed = aantoonbaar_import::parse(file.content, app.clock.today()).map_err(cell_errors)?;
    let report = board
        .import_pupils(
            &staff.actor(),
            file.school_id,
            file.file_name.trim(),
            &parsed.pupils,
            ImportMode::new(file.dry_run, file.confirm_departures),
        )
        .await?;
    if report.departures_need_confirmation && !file.confirm_departures && !file.dry_run {
        return Err(Error::Invalid(vec![departures_unconfirmed(&report)]));
    }
    Ok(report)
}

/// The refusal of an import whose departures were not confirmed.
#[must_use]
pub fn departures_unconfirmed(report: &ImportReport) -> FieldError {
    let count = report.left_school.len().to_string();
    let mut error = FieldError::new("confirm_departures", "import.departures_unconfirmed");
    error.detail = tf(
        "import.departures_unconfirmed",
        &[
            ("count", &count),
            ("total", &report.current_pupils.to_string()),
            ("label", &departures_label(report.left_school.len())),
        ],
    );
    error
}

/// The example file the import page offers: the header line with every
/// column and one made-up pupil, `;`-separated as the import reads it, no
/// cell a spreadsheet would run as a formula.
///
/// # Errors
/// Forbidden, or (only when writing in memory fails) internal.
pub fn template(staff: &Staff, today: Date) -> Result<Vec<u8>> {
    staff.may(Action::PupilImport)?;
    crate::export::csv(aantoonbaar_import::template(today)).map_err(|e| Error::Internal(e.to_string()))
}
