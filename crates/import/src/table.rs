//! A CSV export read by named columns, for the lists other than the pupil
//! list (the HR system's staff list, a system's account list): the same
//! decoding, delimiter detection and cell errors as the pupil import.

use crate::columns::normalise;
use crate::{CellError, MAX_ERRORS, csv_reader, decode, detect_delimiter, each_record, header_line};
use aantoonbaar_rules::Invalid;

/// A column a list takes: the name the template uses and others it understands.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    pub name: &'static str,
    pub also: &'static [&'static str],
    pub required: bool,
}

/// One data row: its line and its cells by the index of their [`ColumnSpec`].
pub struct Cells<'a> {
    pub line: u64,
    values: Vec<Option<(&'a str, &'a str)>>,
    specs: &'a [ColumnSpec],
    errors: &'a mut Vec<CellError>,
}

impl Cells<'_> {
    /// The trimmed text of column `index` (empty when the file lacks it).
    #[must_use]
    pub fn text(&self, index: usize) -> &str {
        self.values.get(index).copied().flatten().map_or("", |(_, value)| value.trim())
    }

    /// The cell of column `index` read by `parse`, or its error recorded
    /// under the column's name in the file.
    pub fn take<T>(&mut self, index: usize, parse: impl FnOnce(&str) -> Result<T, Invalid>) -> Option<T> {
        let (column, value) = match self.values.get(index).copied().flatten() {
            Some((column, value)) => (column.to_owned(), value.trim()),
            None => (self.specs.get(index).map_or("", |s| s.name).to_owned(), ""),
        };
        match parse(value) {
            Ok(v) => Some(v),
            Err(invalid) => {
                self.error(column, invalid.code, value.to_owned());
                None
            }
        }
    }

    /// Records an error about this row's column `index` that is not one cell's rule (e.g. a duplicate).
    pub fn refuse(&mut self, index: usize, code: &'static str, value: String) {
        let column =
            self.values.get(index).copied().flatten().map_or_else(
                || self.specs.get(index).map_or("", |s| s.name).to_owned(),
                |(column, _)| column.to_owned(),
            );
        self.error(column, code, value);
    }

    fn error(&mut self, column: String, code: &'static str, value: String) {
        self.errors.push(CellError { line: self.line, column, code, value, allowed: Vec::new() });
    }
}

/// Reads every row of `bytes` with `row`, which returns `None` when a cell
/// of it was wrong (and recorded). A file with any error yields nothing:
/// every wrong cell (up to [`MAX_ERRORS`]), a missing required column, a
/// column named twice, or no data rows (`import.empty`).
///
/// # Errors
/// Every wrong cell with its line and column.
pub fn read<T>(
    bytes: &[u8],
    specs: &[ColumnSpec],
    mut row: impl FnMut(&mut Cells<'_>) -> Option<T>,
) -> Result<Vec<T>, Vec<CellError>> {
    let (text, _) = decode(bytes);
    let mut reader = csv_reader(&text, detect_delimiter(&text));
    let file_error = |code: &'static str, column: &str| vec![CellError::new(1, column.to_owned(), code, String::new())];
    let headers = header_line(&mut reader)?;
    let mut positions: Vec<Option<usize>> = vec![None; specs.len()];
    for (position, header) in headers.iter().enumerate() {
        let name = normalise(header);
        let found = specs
            .iter()
            .position(|spec| normalise(spec.name) == name || spec.also.iter().any(|a| normalise(a) == name));
        if let Some(index) = found {
            if positions[index].is_some() {
                return Err(file_error("import.duplicate_column", header));
            }
            positions[index] = Some(position);
        }
    }
    let missing: Vec<CellError> = specs
        .iter()
        .zip(&positions)
        .filter(|(spec, position)| spec.required && position.is_none())
        .map(|(spec, _)| CellError::new(1, spec.name.to_owned(), "import.missing_column", String::new()))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    each_record(&mut reader, &mut errors, |line, record, errors| {
        let values =
            positions.iter().map(|position| position.and_then(|p| headers.get(p).zip(record.get(p)))).collect();
        let mut cells = Cells { line, values, specs, errors };
        if let Some(value) = row(&mut cells) {
            rows.push(value);
        }
    });
    if rows.is_empty() && errors.is_empty() {
        errors.push(CellError::new(1, String::new(), "import.empty", String::new()));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        errors.truncate(MAX_ERRORS);
        Err(errors)
    }
}
