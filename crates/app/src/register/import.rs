//! Importing processing activities from an XLSX file in the layout of
//! [`super::sheet`] (the export's own, so an export re-imports). Every row is
//! checked first and every wrong cell is named by sheet, row and column, in
//! Dutch, as the pupil import does; a file with any error writes nothing, and
//! a correct one is written in one transaction. New activities are drafts
//! (or retired, or in review, as the file says): only the board adopts.

use super::sheet::{self, CATEGORIES, KIND_DATA, KIND_SUBJECT, KINDS, MAIN, RECIPIENTS, Sheet, TRANSFERS};
use crate::error::{Error, FieldError, Result};
use crate::i18n::tf;
use crate::input::TEXT_LIMIT;
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::register::{
    Activity, ActivityStatus, Classification, DataCategory, LegalBasis, Purpose, Recipient, RecipientKind, Register,
    RegisteredActivity, Safeguard, SpecialCategory, SpecialCondition, SubjectCategory, Transfer, countries, template,
};
use calamine::{Data, Reader, Xlsx};
use jiff::civil::Date;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Cursor;
use utoipa::ToSchema;

/// The longest text of a register field (a retention rule, the measures), as the form takes it.
const LONG_TEXT: usize = 20_000;

/// At most this many errors are reported for one file.
pub const MAX_ERRORS: usize = 50;

/// An activity read from the file, with the row it starts on and the names
/// of its systems (resolved against the board's systems by [`import`]).
#[derive(Debug, Clone)]
pub struct ReadActivity {
    pub row: u64,
    pub activity: Activity,
    pub systems: Vec<String>,
}

#[derive(Default)]
struct Errors(Vec<FieldError>);

impl Errors {
    fn push(&mut self, sheet: &Sheet, row: u64, column: &str, code: &str, args: &[(&str, &str)]) {
        let message = tf(code, args);
        let header = sheet::header(column);
        let detail = if *sheet == MAIN {
            tf("register_export.line", &[("row", &row.to_string()), ("column", header), ("message", &message)])
        } else {
            tf(
                "register_export.sheet_line",
                &[("sheet", sheet.name()), ("row", &row.to_string()), ("column", header), ("message", &message)],
            )
        };
        self.0.push(FieldError {
            field: format!("{}.{column}", sheet.key),
            line: Some(row),
            code: code.to_owned(),
            detail,
        });
    }

    fn file(&mut self, code: &str) {
        self.0.push(FieldError::new("file", code));
    }
}

/// A cell as text: what was typed, with the apostrophe that
/// [`crate::export::cell`] put before a formula-like value taken off again.
fn text(data: &Data) -> String {
    let raw = match data {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        #[expect(clippy::cast_possible_truncation, reason = "only whole numbers well inside i64")]
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => (*f as i64).to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => excel_date(d.as_f64()).map(|d| d.to_string()).unwrap_or_default(),
        Data::Error(_) | Data::Empty => String::new(),
    };
    let value = match raw.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => raw,
    };
    value.trim().to_owned()
}

/// An Excel serial day number as a date (day 0 is 30 December 1899).
fn excel_date(serial: f64) -> Option<Date> {
    #[expect(clippy::cast_possible_truncation, reason = "a day number of a date cell")]
    let days = serial.floor() as i64;
    jiff::civil::date(1899, 12, 30).checked_add(jiff::Span::new().days(days)).ok()
}

/// `2027-08-31`, `31-08-2027`, `31/08/2027` or `31.08.2027`.
fn parse_date(text: &str) -> Option<Date> {
    if let Ok(date) = text.parse::<Date>() {
        return Some(date);
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    if let [d, m, y] = parts.as_slice()
        && y.len() == 4
    {
        return jiff::civil::Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok();
    }
    None
}

/// One sheet of the file: where each column is and the non-empty rows with their numbers.
struct Table {
    sheet: Sheet,
    columns: HashMap<&'static str, usize>,
    rows: Vec<(u64, Vec<String>)>,
}

impl Table {
    fn get(&self, cells: &[String], column: &str) -> String {
        self.columns.get(column).and_then(|i| cells.get(*i)).cloned().unwrap_or_default()
    }
}

fn table<R: std::io::Read + std::io::Seek>(workbook: &mut Xlsx<R>, sheet: Sheet, errors: &mut Errors) -> Option<Table> {
    let wanted = sheet.name().to_lowercase();
    let name = workbook.sheet_names().into_iter().find(|n| n.trim().to_lowercase() == wanted)?;
    let Ok(range) = workbook.worksheet_range(&name) else {
        errors.file("register_export.unreadable");
        return None;
    };
    let first_row = u64::from(range.start().map_or(0, |(row, _)| row)) + 1;
    let first_column = range.start().map_or(0, |(_, column)| column) as usize;
    let mut rows = range.rows();
    let header: Vec<String> = rows.next().map(|r| r.iter().map(text).collect()).unwrap_or_default();
    let mut columns = HashMap::new();
    for (index, title) in header.iter().enumerate() {
        let title = title.to_lowercase();
        if let Some(column) =
            sheet.columns.iter().find(|c| sheet::header(c).to_lowercase() == title || **c == title.as_str())
        {
            columns.entry(*column).or_insert(index + first_column);
        }
    }
    for column in sheet.required.iter().filter(|c| !columns.contains_key(*c)) {
        errors.push(&sheet, first_row, column, "register_export.missing_column", &[]);
    }
    let rows = (first_row + 1..)
        .zip(rows)
        .map(|(row, cells)| {
            let mut line = vec![String::new(); first_column];
            line.extend(cells.iter().map(text));
            (row, line)
        })
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .collect();
    Some(Table { sheet, columns, rows })
}

fn checked_text(
    errors: &mut Errors,
    sheet: &Sheet,
    row: u64,
    column: &str,
    value: String,
    limit: usize,
) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    if value.chars().count() > limit {
        errors.push(sheet, row, column, "register_export.too_long", &[]);
        return None;
    }
    Some(value)
}

/// A coded cell: `list` is the catalogue list of its labels, `what` the
/// message of `register_export.not.<what>`.
#[expect(clippy::too_many_arguments, reason = "one call per coded column, each named")]
fn code<T: Copy>(
    errors: &mut Errors,
    sheet: &Sheet,
    row: u64,
    column: &str,
    value: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    (list, what): (&str, &str),
) -> Option<T> {
    if value.is_empty() {
        return None;
    }
    let found = sheet::coded(all, code, list, value);
    if found.is_none() {
        let values = sheet::labels(all, code, list).join(", ");
        errors.push(
            sheet,
            row,
            column,
            &format!("register_export.not.{what}"),
            &[("value", value), ("values", &values)],
        );
    }
    found
}

fn required(errors: &mut Errors, sheet: &Sheet, row: u64, column: &str, value: &str) -> bool {
    if value.is_empty() {
        errors.push(sheet, row, column, "register_export.required", &[]);
        return false;
    }
    true
}

/// The activity-level columns of the main sheet (the rest describe one purpose).
const ACTIVITY_COLUMNS: &[&str] = &[
    "description",
    "retention",
    "security_measures",
    "systems",
    "classification",
    "owner",
    "source",
    "automated_decisions",
    "status",
    "review_date",
];

struct Building {
    read: ReadActivity,
    /// Each activity-level column: its first non-empty value and its row.
    values: HashMap<&'static str, (u64, String)>,
}

fn main_rows(table: &Table, errors: &mut Errors) -> Vec<Building> {
    let sheet = table.sheet;
    let mut out: Vec<Building> = Vec::new();
    for (row, cells) in &table.rows {
        let row = *row;
        let name = table.get(cells, "name");
        if !required(errors, &sheet, row, "name", &name) {
            continue;
        }
        let Some(name) = checked_text(errors, &sheet, row, "name", name, TEXT_LIMIT) else { continue };
        let index = match out.iter().position(|b| b.read.activity.name == name) {
            Some(index) => index,
            None => {
                out.push(Building {
                    read: ReadActivity { row, activity: Activity::named(name), systems: Vec::new() },
                    values: HashMap::new(),
                });
                out.len() - 1
            }
        };
        let building = &mut out[index];
        for column in ACTIVITY_COLUMNS {
            let value = table.get(cells, column);
            if value.is_empty() {
                continue;
            }
            match building.values.get(column) {
                Some((first, before)) if *before != value => {
                    errors.push(&sheet, row, column, "register_export.differs", &[("first", &first.to_string())]);
                }
                Some(_) => {}
                None => {
                    building.values.insert(column, (row, value));
                }
            }
        }
        let text = table.get(cells, "purpose");
        let basis = table.get(cells, "legal_basis");
        let extra = ["legal_source", "consent_purpose", "balancing_test"].map(|c| table.get(cells, c));
        if text.is_empty() && basis.is_empty() && extra.iter().all(String::is_empty) {
            continue;
        }
        let has_text = required(errors, &sheet, row, "purpose", &text);
        let has_basis = required(errors, &sheet, row, "legal_basis", &basis);
        let text = checked_text(errors, &sheet, row, "purpose", text, TEXT_LIMIT);
        let legal_basis = if has_basis {
            code(
                errors,
                &sheet,
                row,
                "legal_basis",
                &basis,
                LegalBasis::ALL,
                LegalBasis::code,
                ("basis", "legal_basis"),
            )
        } else {
            None
        };
        let [source, consent, balancing] = extra;
        let legal_source = checked_text(errors, &sheet, row, "legal_source", source, TEXT_LIMIT);
        let consent_purpose = checked_text(errors, &sheet, row, "consent_purpose", consent, TEXT_LIMIT);
        let balancing_test = checked_text(errors, &sheet, row, "balancing_test", balancing, LONG_TEXT);
        if let (true, Some(text), Some(legal_basis)) = (has_text, text, legal_basis) {
            building.read.activity.purposes.push(Purpose {
                text,
                legal_basis,
                legal_source,
                consent_purpose,
                balancing_test,
            });
        }
    }
    for building in &mut out {
        let values = std::mem::take(&mut building.values);
        let a = &mut building.read.activity;
        for (column, (row, value)) in values {
            match column {
                "description" => a.description = checked_text(errors, &sheet, row, column, value, LONG_TEXT),
                "retention" => a.retention = checked_text(errors, &sheet, row, column, value, LONG_TEXT),
                "security_measures" => {
                    a.security_measures = checked_text(errors, &sheet, row, column, value, LONG_TEXT);
                }
                "owner" => a.owner = checked_text(errors, &sheet, row, column, value, TEXT_LIMIT),
                "source" => a.source = checked_text(errors, &sheet, row, column, value, TEXT_LIMIT),
                "automated_decisions" => {
                    a.automated_decisions = checked_text(errors, &sheet, row, column, value, LONG_TEXT);
                }
                "systems" => {
                    building.read.systems =
                        value.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
                }
                "classification" => {
                    let list = ("classification", "classification");
                    a.classification =
                        code(errors, &sheet, row, column, &value, Classification::ALL, Classification::code, list);
                }
                "status" => {
                    let list = ("status", "status");
                    let status =
                        code(errors, &sheet, row, column, &value, ActivityStatus::ALL, ActivityStatus::code, list);
                    // Adoption is the board's, for the whole register: a new activity is a draft.
                    a.status = match status {
                        Some(ActivityStatus::Adopted) | None => ActivityStatus::Draft,
                        Some(other) => other,
                    };
                }
                "review_date" => match parse_date(&value) {
                    Some(date) => a.review_date = Some(date),
                    None => errors.push(&sheet, row, column, "register_export.not.date", &[("value", &value)]),
                },
                _ => {}
            }
        }
    }
    out
}

/// The activity a child row names, or an error on its name cell.
fn owner_of<'a>(
    table: &Table,
    cells: &[String],
    row: u64,
    activities: &'a mut [Building],
    errors: &mut Errors,
) -> Option<&'a mut Activity> {
    let name = table.get(cells, "name");
    if !required(errors, &table.sheet, row, "name", &name) {
        return None;
    }
    let found = activities.iter_mut().find(|b| b.read.activity.name == name);
    if found.is_none() {
        errors.push(&table.sheet, row, "name", "register_export.unknown_activity", &[("value", &name)]);
    }
    found.map(|b| &mut b.read.activity)
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if !list.contains(&value) {
        list.push(value);
    }
}

fn categories(table: &Table, activities: &mut [Building], errors: &mut Errors) {
    let sheet = table.sheet;
    for (row, cells) in &table.rows {
        let row = *row;
        let kind = table.get(cells, "kind");
        let value = table.get(cells, "category");
        let condition = table.get(cells, "condition");
        let owner = owner_of(table, cells, row, activities, errors);
        let (has_kind, has_value) =
            (required(errors, &sheet, row, "kind", &kind), required(errors, &sheet, row, "category", &value));
        let kind = if has_kind {
            let wanted = kind.to_lowercase();
            let found = KINDS.iter().find(|k| **k == wanted || sheet::kind_label(k).to_lowercase() == wanted);
            if found.is_none() {
                let values = KINDS.map(sheet::kind_label).join(", ");
                errors.push(&sheet, row, "kind", "register_export.not.kind", &[("value", &kind), ("values", &values)]);
            }
            found.copied()
        } else {
            None
        };
        let condition = code(
            errors,
            &sheet,
            row,
            "condition",
            &condition,
            SpecialCondition::ALL,
            SpecialCondition::code,
            ("condition", "condition"),
        );
        let (Some(kind), true) = (kind, has_value) else { continue };
        match kind {
            KIND_SUBJECT => {
                let list = ("subject", "subject");
                let found =
                    code(errors, &sheet, row, "category", &value, SubjectCategory::ALL, SubjectCategory::code, list);
                if let (Some(found), Some(a)) = (found, owner) {
                    push_unique(&mut a.subject_categories, found);
                }
            }
            KIND_DATA => {
                let list = ("data", "data");
                let found = code(errors, &sheet, row, "category", &value, DataCategory::ALL, DataCategory::code, list);
                if let (Some(found), Some(a)) = (found, owner) {
                    push_unique(&mut a.data_categories, found);
                }
            }
            _ => {
                let special: Vec<DataCategory> = DataCategory::ALL.iter().copied().filter(|c| c.is_special()).collect();
                let list = ("data", "special");
                let found = code(errors, &sheet, row, "category", &value, &special, DataCategory::code, list);
                if let (Some(category), Some(a)) = (found, owner)
                    && !a.special_categories.iter().any(|s| s.category == category)
                {
                    a.special_categories.push(SpecialCategory { category, condition });
                }
            }
        }
    }
}

fn recipients(table: &Table, activities: &mut [Building], errors: &mut Errors) {
    let sheet = table.sheet;
    for (row, cells) in &table.rows {
        let row = *row;
        let name = table.get(cells, "recipient");
        let kind = table.get(cells, "recipient_kind");
        let owner = owner_of(table, cells, row, activities, errors);
        let has_name = required(errors, &sheet, row, "recipient", &name);
        let name = checked_text(errors, &sheet, row, "recipient", name, TEXT_LIMIT);
        let kind = if required(errors, &sheet, row, "recipient_kind", &kind) {
            let list = ("recipient", "recipient_kind");
            code(errors, &sheet, row, "recipient_kind", &kind, RecipientKind::ALL, RecipientKind::code, list)
        } else {
            None
        };
        if let (true, Some(name), Some(kind), Some(a)) = (has_name, name, kind, owner) {
            push_unique(&mut a.recipients, Recipient { name, kind, supplier_id: None });
        }
    }
}

fn transfers(table: &Table, activities: &mut [Building], errors: &mut Errors) {
    let sheet = table.sheet;
    for (row, cells) in &table.rows {
        let row = *row;
        let country = table.get(cells, "country");
        let safeguard = table.get(cells, "safeguard");
        let recipient = table.get(cells, "recipient");
        let owner = owner_of(table, cells, row, activities, errors);
        let country = if required(errors, &sheet, row, "country", &country) {
            match countries::parse(&country) {
                Ok(code) if countries::in_eea(&code) => {
                    errors.push(&sheet, row, "country", "register_export.in_eea", &[("value", &code)]);
                    None
                }
                Ok(code) => Some(code),
                Err(_) => {
                    errors.push(&sheet, row, "country", "register_export.not.country", &[("value", &country)]);
                    None
                }
            }
        } else {
            None
        };
        let list = ("safeguard", "safeguard");
        let safeguard = code(errors, &sheet, row, "safeguard", &safeguard, Safeguard::ALL, Safeguard::code, list);
        let recipient = checked_text(errors, &sheet, row, "recipient", recipient, TEXT_LIMIT);
        if let (Some(country), Some(a)) = (country, owner) {
            push_unique(&mut a.transfers, Transfer { country, safeguard, recipient });
        }
    }
}

/// Reads the workbook: every activity with its rows, or every wrong cell.
///
/// # Errors
/// The file's errors by sheet, row and column (at most [`MAX_ERRORS`]).
pub fn read(bytes: &[u8]) -> Result<Vec<ReadActivity>, Vec<FieldError>> {
    let mut errors = Errors::default();
    let Ok(mut workbook) = Xlsx::new(Cursor::new(bytes)) else {
        errors.file("register_export.unreadable");
        return Err(errors.0);
    };
    let Some(main) = table(&mut workbook, MAIN, &mut errors) else {
        if errors.0.is_empty() {
            errors.file("register_export.no_main_sheet");
        }
        return Err(errors.0);
    };
    let mut activities = main_rows(&main, &mut errors);
    if let Some(t) = table(&mut workbook, CATEGORIES, &mut errors) {
        categories(&t, &mut activities, &mut errors);
    }
    if let Some(t) = table(&mut workbook, RECIPIENTS, &mut errors) {
        recipients(&t, &mut activities, &mut errors);
    }
    if let Some(t) = table(&mut workbook, TRANSFERS, &mut errors) {
        transfers(&t, &mut activities, &mut errors);
    }
    if activities.is_empty() && errors.0.is_empty() {
        errors.file("register_export.no_rows");
    }
    if errors.0.is_empty() {
        Ok(activities.into_iter().map(|b| b.read).collect())
    } else {
        errors.0.truncate(MAX_ERRORS);
        Err(errors.0)
    }
}

/// One activity of an import.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportedActivity {
    /// Absent on a dry run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    pub purposes: usize,
    /// `draft`, `in_review` or `retired`.
    pub status: String,
}

/// What an import created, or would create on a dry run.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportReport {
    pub dry_run: bool,
    pub activities: Vec<ImportedActivity>,
}

/// Imports the activities of an XLSX file into the board's register (IBP
/// manager): every row checked first, then all written in one transaction,
/// board-wide; a dry run checks and writes nothing. A name already in the
/// register and a system the register does not hold are errors of their row.
///
/// # Errors
/// Forbidden, every wrong cell, or the store.
pub async fn import(app: &App, staff: &Staff, content: &[u8], dry_run: bool) -> Result<ImportReport> {
    staff.may(Action::RegisterManage)?;
    if content.is_empty() {
        return Err(Error::field("file", "register_export.no_file"));
    }
    let bytes = content.to_vec();
    let read = crate::blocking(move || read(&bytes)).await?.map_err(Error::Invalid)?;
    let board = app.store.board(&staff.principal.board);
    let taken: Vec<String> = board
        .activities(&aantoonbaar_store::Scope::Board)
        .await?
        .into_iter()
        .map(|a| a.activity.name.trim().to_lowercase())
        .collect();
    let systems = crate::parties::registered_systems(board).await?;
    let mut errors = Errors::default();
    let mut activities = Vec::new();
    for ReadActivity { row, mut activity, systems: names } in read {
        if taken.contains(&activity.name.trim().to_lowercase()) {
            errors.push(&MAIN, row, "name", "register_export.name_taken", &[("value", &activity.name)]);
        }
        for name in names {
            match systems.iter().find(|s| s.name.trim().eq_ignore_ascii_case(&name)) {
                Some(system) => push_unique(&mut activity.system_ids, system.id.clone()),
                None => errors.push(&MAIN, row, "systems", "register_export.unknown_system", &[("value", &name)]),
            }
        }
        activities.push(activity);
    }
    if !errors.0.is_empty() {
        errors.0.truncate(MAX_ERRORS);
        return Err(Error::Invalid(errors.0));
    }
    let ids: Vec<Option<String>> = if dry_run {
        vec![None; activities.len()]
    } else {
        board.create_activities(&staff.actor(), &activities).await?.into_iter().map(|s| Some(s.id)).collect()
    };
    Ok(ImportReport {
        dry_run,
        activities: activities
            .into_iter()
            .zip(ids)
            .map(|(a, id)| ImportedActivity {
                id,
                purposes: a.purposes.len(),
                status: a.status.code().to_owned(),
                name: a.name,
            })
            .collect(),
    })
}

/// The example file: the template's activities in the import's layout.
///
/// # Errors
/// Forbidden, or (only when writing in memory fails) internal.
pub async fn example(staff: &Staff) -> Result<Vec<u8>> {
    staff.may(Action::RegisterManage)?;
    let activities = template::activities()
        .into_iter()
        .enumerate()
        .map(|(i, activity)| RegisteredActivity { id: i.to_string(), school_id: None, activity })
        .collect();
    let register = Register { activities, ..Register::default() };
    crate::blocking(move || sheet::workbook(&register)).await?.map_err(|e| Error::internal(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_exported_reads_back_as_it_was() {
        let activities: Vec<RegisteredActivity> = template::activities()
            .into_iter()
            .enumerate()
            .map(|(i, activity)| RegisteredActivity { id: i.to_string(), school_id: None, activity })
            .collect();
        let register = Register { activities: activities.clone(), ..Register::default() };
        let bytes = sheet::workbook(&register).unwrap();
        let read = read(&bytes).unwrap();
        assert_eq!(read.len(), activities.len());
        for (read, original) in read.iter().zip(&activities) {
            let mut expected = original.activity.clone();
            if expected.status == ActivityStatus::Adopted {
                expected.status = ActivityStatus::Draft;
            }
            expected.system_ids.clear();
            assert_eq!(read.activity, expected);
        }
    }

    #[test]
    fn dates_are_read_in_both_orders() {
        assert_eq!(parse_date("2027-08-31"), Some(jiff::civil::date(2027, 8, 31)));
        assert_eq!(parse_date("31-08-2027"), Some(jiff::civil::date(2027, 8, 31)));
        assert_eq!(parse_date("31/8/2027"), Some(jiff::civil::date(2027, 8, 31)));
        assert_eq!(parse_date("morgen"), None);
        assert_eq!(excel_date(46_630.0), Some(jiff::civil::date(2027, 8, 31)));
    }
}
