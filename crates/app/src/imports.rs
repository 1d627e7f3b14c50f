//! Importing a school's pupils from a pupil-administration CSV export: the
//! API's upload and the import page's preview and confirmation.

use crate::error::{Error, FieldError, Result};
use crate::i18n::{t, tf};
use crate::{App, Staff};
use aantoonbaar_import::CellError;
use aantoonbaar_rules::Action;
use aantoonbaar_store::ImportReport;

/// The errors of a file as field errors that name line and column.
#[must_use]
pub fn cell_errors(errors: Vec<CellError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|e| FieldError {
            detail: tf(
                "import.error_line",
                &[("line", &e.line.to_string()), ("column", &e.column), ("message", t(e.code))],
            ),
            field: e.column,
            line: Some(e.line),
            code: e.code.to_owned(),
        })
        .collect()
}

/// Imports the file `content` into the school `school_id` (in the caller's
/// scope): one transaction, all or nothing; a dry run reports what would
/// change and writes nothing. A file with wrong cells names every one of them.
///
/// # Errors
/// Forbidden, not found (the school), every wrong cell, or the store.
pub async fn import(
    app: &App,
    staff: &Staff,
    school_id: &str,
    file_name: &str,
    content: &[u8],
    dry_run: bool,
) -> Result<ImportReport> {
    let scope = staff.may(Action::PupilImport)?;
    let board = app.store.board(&staff.principal.board);
    board.school(scope, school_id).await?.ok_or(Error::NotFound)?;
    let parsed = aantoonbaar_import::parse(content, app.clock.today()).map_err(cell_errors)?;
    Ok(board.import_pupils(&staff.actor(), school_id, file_name, &parsed.pupils, dry_run).await?)
}
