//! Reads the pupil list that a pupil-administration system (ParnasSys, Esis,
//! Dotcom…) exports as CSV, and turns it into validated [`ImportedPupil`]s.
//!
//! - Delimiter `;`, `,` or tab, detected from the header line.
//! - UTF-8 (with or without BOM) or Windows-1252, detected from the bytes.
//! - Dutch or English column names, in any order, case and spacing ignored
//!   ([`columns`] lists them; the import page shows that list and offers
//!   [`template`] as an example file).
//! - Every wrong cell is reported with its line and column; a file with any
//!   error yields no pupils at all, so nothing of it is written.

mod columns;
pub mod lists;
pub mod table;

pub use columns::{Column, MAX_GUARDIANS, Words, columns, template};

use aantoonbaar_rules::organisation::{Enrolment, FamilySituation, LeaveDestination, Relation};
use aantoonbaar_rules::{Email, Invalid, PersonName, PupilNumber, identifiers};
use aantoonbaar_store::{ImportedGuardian, ImportedPupil, Link, NewGuardian};
use columns::{DESTINATIONS, FAMILY, Field, GuardianField, RELATIONS, YES_NO, dutch, field_for, lookup, name_of};
use jiff::civil::Date;
use std::collections::HashMap;

/// At most this many errors are reported for one file.
pub const MAX_ERRORS: usize = 50;

/// One wrong cell (or a wrong file, with `line` 1 and the header as column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// Line in the file, counting the header as line 1.
    pub line: u64,
    /// The column name as written in the file (or the expected name when missing).
    pub column: String,
    /// Key into the message catalogue.
    pub code: &'static str,
    /// What the cell held.
    pub value: String,
    /// For a word a coded column does not know: the words it takes, Dutch.
    pub allowed: Vec<&'static str>,
}

impl CellError {
    pub(crate) fn new(line: u64, column: String, code: &'static str, value: String) -> Self {
        Self { line, column, code, value, allowed: Vec::new() }
    }
}

/// A file read without errors.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub pupils: Vec<ImportedPupil>,
    pub encoding: &'static str,
    pub delimiter: char,
    /// Columns the file has that the import does not use.
    pub ignored_columns: Vec<String>,
}

/// Decodes the bytes: UTF-8 when they are valid UTF-8, otherwise Windows-1252
/// (what Excel on Dutch Windows writes). Returns the text and the encoding's name.
#[must_use]
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// The delimiter that occurs most in the header line.
pub(crate) fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    [b';', b',', b'\t'].into_iter().max_by_key(|d| header.bytes().filter(|b| b == d).count()).unwrap_or(b';')
}

/// Accepts the date formats pupil administrations write: `31-12-2018`,
/// `31/12/2018`, `31.12.2018`, `2018-12-31`.
pub(crate) fn parse_date(text: &str) -> Result<Date, Invalid> {
    let text = text.trim();
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let invalid = Invalid::new("date.format");
    let [a, b, c] = parts.as_slice() else {
        return Err(invalid);
    };
    let (year, month, day) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    if year.len() != 4 {
        return Err(invalid);
    }
    let number = |s: &str| s.parse::<i8>().map_err(|_| invalid);
    let year = year.parse::<i16>().map_err(|_| invalid)?;
    Date::new(year, number(month)?, number(day)?).map_err(|_| invalid)
}

/// Why a cell was refused: a rule's error, and for a word a coded column does
/// not know the words it takes.
struct Rejected {
    invalid: Invalid,
    allowed: Vec<&'static str>,
}

impl From<Invalid> for Rejected {
    fn from(invalid: Invalid) -> Self {
        Self { invalid, allowed: Vec::new() }
    }
}

/// The value of a coded cell; empty is `None`.
fn coded<T: Copy>(table: &[(T, Words)], text: &str) -> Result<Option<T>, Rejected> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    lookup(table, text)
        .map(Some)
        .ok_or_else(|| Rejected { invalid: Invalid::new("import.value_unknown"), allowed: dutch(table) })
}

/// Yes or no; empty is no.
fn parse_bool(text: &str) -> Result<bool, Rejected> {
    coded(YES_NO, text).map(|b| b.unwrap_or(false))
}

fn parse_destination(text: &str) -> Result<Option<LeaveDestination>, Rejected> {
    coded(DESTINATIONS, text)
}

fn parse_family(text: &str) -> Result<Option<FamilySituation>, Rejected> {
    coded(FAMILY, text)
}

/// An empty relation is "other".
fn parse_relation(text: &str) -> Result<Relation, Rejected> {
    coded(RELATIONS, text).map(|r| r.unwrap_or(Relation::Other))
}

/// One data row with its cells by field, reporting every error it meets.
struct Row<'a> {
    line: u64,
    cells: HashMap<Field, (&'a str, &'a str)>,
    errors: &'a mut Vec<CellError>,
}

impl Row<'_> {
    fn text(&self, field: Field) -> &str {
        self.cells.get(&field).map_or("", |(_, value)| value.trim())
    }

    /// The cell of `field` read by `parse`, or its error recorded under the
    /// column's name in the file (or the template's name when it is missing).
    fn take<T, E: Into<Rejected>>(&mut self, field: Field, parse: impl FnOnce(&str) -> Result<T, E>) -> Option<T> {
        let (column, value) = match self.cells.get(&field) {
            Some((column, value)) => ((*column).to_owned(), *value),
            None => (name_of(field), ""),
        };
        match parse(value).map_err(Into::into) {
            Ok(v) => Some(v),
            Err(rejected) => {
                self.errors.push(CellError {
                    line: self.line,
                    column,
                    code: rejected.invalid.code,
                    value: value.trim().to_owned(),
                    allowed: rejected.allowed,
                });
                None
            }
        }
    }

    fn guardian(&mut self, index: u8) -> Option<ImportedGuardian> {
        let g = |field| Field::Guardian(index, field);
        let any = [GuardianField::GivenName, GuardianField::Surname, GuardianField::Email]
            .iter()
            .any(|f| !self.text(g(*f)).is_empty());
        if !any {
            return None;
        }
        let given_name = self.take(g(GuardianField::GivenName), PersonName::parse);
        let surname_prefix = self.take(g(GuardianField::Prefix), PersonName::parse_optional);
        let surname = self.take(g(GuardianField::Surname), PersonName::parse);
        let email = self
            .take(g(GuardianField::Email), |t| if t.trim().is_empty() { Ok(None) } else { Email::parse(t).map(Some) });
        let phone = self.take(g(GuardianField::Phone), identifiers::parse_phone);
        let relation = self.take(g(GuardianField::Relation), parse_relation);
        let holds_custody = self.take(g(GuardianField::Custody), parse_bool);
        let recognised = self.take(g(GuardianField::Recognised), parse_bool);
        Some(ImportedGuardian {
            guardian: NewGuardian {
                given_name: given_name?,
                surname_prefix: surname_prefix?,
                surname: surname?,
                email: email?,
                phone: phone?,
            },
            link: Link { relation: relation?, holds_custody: holds_custody?, recognised: recognised? },
        })
    }
}

/// A reader of the decoded export: `delimiter` between cells, cells trimmed,
/// rows of any length (a missing cell is empty).
pub(crate) fn csv_reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes())
}

/// The header line, or the file's error when it cannot be read.
pub(crate) fn header_line(reader: &mut csv::Reader<&[u8]>) -> Result<csv::StringRecord, Vec<CellError>> {
    reader.headers().cloned().map_err(|_| vec![CellError::new(1, String::new(), "import.unreadable", String::new())])
}

/// Calls `each` with every data line and its number: an unreadable line is
/// an error, an empty one is skipped, and reading stops at [`MAX_ERRORS`].
pub(crate) fn each_record(
    reader: &mut csv::Reader<&[u8]>,
    errors: &mut Vec<CellError>,
    mut each: impl FnMut(u64, &csv::StringRecord, &mut Vec<CellError>),
) {
    for record in reader.records() {
        if errors.len() >= MAX_ERRORS {
            break;
        }
        match record {
            Ok(record) if record.iter().all(str::is_empty) => {}
            Ok(record) => each(record.position().map_or(0, csv::Position::line), &record, errors),
            Err(err) => {
                let line = err.position().map_or(0, csv::Position::line);
                errors.push(CellError::new(line, String::new(), "import.unreadable", String::new()));
            }
        }
    }
}

/// Reads a whole export. `today` is the date the enrolment dates are checked
/// against (no birth dates in the future).
///
/// # Errors
/// Every wrong cell, with line and column, up to [`MAX_ERRORS`].
pub fn parse(bytes: &[u8], today: Date) -> Result<ParsedFile, Vec<CellError>> {
    let (text, encoding) = decode(bytes);
    let delimiter = detect_delimiter(&text);
    let mut reader = csv_reader(&text, delimiter);
    let file_error = |code: &'static str, column: &str| vec![CellError::new(1, column.to_owned(), code, String::new())];
    let headers = header_line(&mut reader)?;
    let mut columns: Vec<Option<Field>> = Vec::new();
    let mut ignored_columns = Vec::new();
    for header in &headers {
        let field = field_for(header);
        if field.is_none() && !header.trim().is_empty() {
            ignored_columns.push(header.to_owned());
        }
        if field.is_some() && columns.contains(&field) {
            return Err(file_error("import.duplicate_column", header));
        }
        columns.push(field);
    }
    let missing: Vec<CellError> = columns::required()
        .filter(|(field, _)| !columns.contains(&Some(*field)))
        .map(|(_, name)| CellError::new(1, name.to_owned(), "import.missing_column", String::new()))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }

    let mut errors = Vec::new();
    let mut pupils = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    each_record(&mut reader, &mut errors, |line, record, errors| {
        let cells = columns
            .iter()
            .zip(headers.iter().zip(record.iter()))
            .filter_map(|(field, (header, value))| field.map(|f| (f, (header, value))))
            .collect();
        let mut row = Row { line, cells, errors };
        let Some(pupil) = read_pupil(&mut row, today) else {
            return;
        };
        if let Some(first) = seen.insert(pupil.external_number.to_string(), line) {
            let value = format!("{} (ook op regel {first})", pupil.external_number);
            errors.push(CellError::new(line, name_of(Field::Number), "import.duplicate_number", value));
            return;
        }
        pupils.push(pupil);
    });
    if errors.is_empty() {
        Ok(ParsedFile { pupils, encoding, delimiter: char::from(delimiter), ignored_columns })
    } else {
        errors.truncate(MAX_ERRORS);
        Err(errors)
    }
}

/// Reads one pupil; `None` when any of its cells was wrong (the errors are in the row).
fn read_pupil(row: &mut Row<'_>, today: Date) -> Option<ImportedPupil> {
    let errors_before = row.errors.len();
    let external_number = row.take(Field::Number, PupilNumber::parse);
    let given_name = row.take(Field::GivenName, PersonName::parse);
    let surname_prefix = row.take(Field::Prefix, PersonName::parse_optional);
    let surname = row.take(Field::Surname, PersonName::parse);
    let birth_date = row.take(Field::BirthDate, parse_date);
    let group_name = row.take(Field::Group, PersonName::parse);
    let enrolment_date = row.take(Field::EnrolmentDate, parse_date);
    let leave_date =
        row.take(Field::LeaveDate, |t| if t.trim().is_empty() { Ok(None) } else { parse_date(t).map(Some) });
    let leave_destination = row.take(Field::LeaveDestination, parse_destination);
    let family_situation = row.take(Field::FamilySituation, parse_family);
    let guardians: Vec<ImportedGuardian> = (1..=MAX_GUARDIANS).filter_map(|i| row.guardian(i)).collect();
    if row.errors.len() > errors_before {
        return None;
    }
    let enrolment = Enrolment {
        birth_date: birth_date?,
        enrolment_date: enrolment_date?,
        leave_date: leave_date?,
        leave_destination: leave_destination?,
    };
    if let Err(err) = enrolment.check(today) {
        let field = match err.field {
            "birth_date" => Field::BirthDate,
            "enrolment_date" => Field::EnrolmentDate,
            "leave_date" => Field::LeaveDate,
            _ => Field::LeaveDestination,
        };
        row.take(field, |_| Err::<(), _>(err.invalid));
        return None;
    }
    Some(ImportedPupil {
        line: row.line,
        external_number: external_number?,
        given_name: given_name?,
        surname_prefix: surname_prefix?,
        surname: surname?,
        birth_date: enrolment.birth_date,
        group_name: group_name?,
        enrolment_date: enrolment.enrolment_date,
        leave_date: enrolment.leave_date,
        leave_destination: enrolment.leave_destination,
        family_situation: family_situation?,
        guardians,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 22);

    const HEADER: &str = "Leerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Groep;Datum inschrijving;\
                          Gezinssituatie;Ouder1Roepnaam;Ouder1Achternaam;Ouder1Email;Ouder1Relatie;Ouder1Gezag;Ouder1Erkend";

    fn file(rows: &[&str]) -> Vec<u8> {
        let mut text = HEADER.to_owned();
        for row in rows {
            text.push('\n');
            text.push_str(row);
        }
        text.into_bytes()
    }

    #[test]
    fn a_dutch_semicolon_file_is_read_with_its_guardians() {
        let bytes = file(&[
            "1001;Sanne;van der;Berg;04-03-2018;Groep 3;01-08-2022;gescheiden;Eva;Berg;eva@voorbeeld.nl;moeder;ja;ja",
        ]);
        let parsed = parse(&bytes, TODAY).expect("file is valid");
        let pupil = &parsed.pupils[0];
        assert_eq!(pupil.external_number.as_str(), "1001");
        assert_eq!(pupil.surname_prefix.as_ref().map(PersonName::as_str), Some("van der"));
        assert_eq!(pupil.birth_date, date(2018, 3, 4));
        assert_eq!(pupil.family_situation, Some(FamilySituation::Separated));
        assert_eq!(pupil.guardians.len(), 1);
        assert_eq!(pupil.guardians[0].link.relation, Relation::Mother);
        assert!(pupil.guardians[0].link.holds_custody);
        assert_eq!(pupil.line, 2);
    }

    #[test]
    fn comma_separated_windows_1252_with_english_headers_is_read() {
        let text = "external_number,given_name,surname,birth_date,group,enrolment_date\n77,Zo\u{eb},M\u{fc}ller,2017-01-02,Groep 4,2021-08-20\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let parsed = parse(&bytes, TODAY).expect("file is valid");
        assert_eq!(parsed.encoding, "Windows-1252");
        assert_eq!(parsed.delimiter, ',');
        assert_eq!(parsed.pupils[0].given_name.as_str(), "Zo\u{eb}");
        assert_eq!(parsed.pupils[0].surname.as_str(), "M\u{fc}ller");
    }

    #[test]
    fn a_bad_cell_names_its_line_and_column_and_nothing_is_returned() {
        let bytes = file(&[
            "1001;Sanne;;Berg;04-03-2018;Groep 3;01-08-2022;;;;;;;",
            "1002;Tim;;Jansen;31-02-2018;Groep 3;01-08-2022;;;;;;;",
            "1003;Noor;;Smit;01-01-2018;Groep 3;01-08-2022;;Piet;Smit;geen-email;vader;ja;ja",
        ]);
        let errors = parse(&bytes, TODAY).expect_err("the file has errors");
        assert_eq!(errors.len(), 2);
        assert_eq!((errors[0].line, errors[0].column.as_str(), errors[0].code), (3, "Geboortedatum", "date.format"));
        assert_eq!((errors[1].line, errors[1].column.as_str(), errors[1].code), (4, "Ouder1Email", "email.format"));
    }

    #[test]
    fn the_template_reads_back_as_one_pupil_with_a_guardian() {
        let [header, example] = template(TODAY);
        let text = format!("{}\n{}\n", header.join(";"), example.join(";"));
        let parsed = parse(text.as_bytes(), TODAY).expect("the template is valid");
        assert!(parsed.ignored_columns.is_empty(), "{:?}", parsed.ignored_columns);
        assert_eq!(parsed.pupils.len(), 1);
        assert_eq!(parsed.pupils[0].guardians.len(), 1);
        let listed: Vec<String> = columns().into_iter().map(|c| c.name).collect();
        assert_eq!(listed, header, "the column list and the template name the same columns");
    }

    #[test]
    fn every_name_of_the_column_list_is_understood() {
        for column in columns() {
            let expected = field_for(&column.name);
            assert!(expected.is_some(), "{}", column.name);
            for also in &column.also {
                assert_eq!(field_for(also), expected, "{also}");
            }
        }
        assert_eq!(field_for("Ouder3Telefoon"), Some(Field::Guardian(3, GuardianField::Phone)));
        assert_eq!(field_for("Ouder4Telefoon"), None);
    }

    #[test]
    fn a_missing_required_column_is_named() {
        let errors = parse(b"Leerlingnummer;Roepnaam\n1;Sanne", TODAY).expect_err("columns missing");
        let missing: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(missing, ["Achternaam", "Geboortedatum", "Groep", "Datum inschrijving"]);
        assert!(errors.iter().all(|e| e.code == "import.missing_column"));
    }

    #[test]
    fn a_pupil_number_twice_is_an_error_on_the_second_line() {
        let bytes = file(&[
            "1001;Sanne;;Berg;04-03-2018;Groep 3;01-08-2022;;;;;;;",
            "1001;Tim;;Jansen;01-02-2018;Groep 3;01-08-2022;;;;;;;",
        ]);
        let errors = parse(&bytes, TODAY).expect_err("the file has errors");
        assert_eq!((errors[0].line, errors[0].code), (3, "import.duplicate_number"));
    }

    #[test]
    fn impossible_dates_together_are_reported_on_the_right_column() {
        let bytes = file(&["1001;Sanne;;Berg;04-03-2027;Groep 3;01-08-2022;;;;;;;"]);
        let errors = parse(&bytes, TODAY).expect_err("the file has errors");
        assert_eq!((errors[0].column.as_str(), errors[0].code), ("Geboortedatum", "birth_date.future"));
    }

    #[test]
    fn dutch_words_for_yes_no_and_destinations_are_understood() {
        assert_eq!(parse_bool("Ja").ok(), Some(true));
        assert_eq!(parse_bool("nee").ok(), Some(false));
        assert_eq!(parse_bool("misschien").err().map(|r| r.allowed), Some(vec!["ja", "nee"]));
        assert_eq!(parse_destination("Voortgezet onderwijs").ok(), Some(Some(LeaveDestination::SecondarySchool)));
        assert_eq!(parse_destination("SBO").ok(), Some(Some(LeaveDestination::SpecialEducation)));
        assert_eq!(parse_destination("primary_school").ok(), Some(Some(LeaveDestination::PrimarySchool)));
        assert_eq!(parse_family("Voogdij").ok(), Some(Some(FamilySituation::Guardianship)));
        assert_eq!(parse_relation("pleegmoeder").ok(), Some(Relation::FosterParent));
        assert_eq!(
            parse_relation("oom").err().map(|r| r.allowed),
            Some(vec!["moeder", "vader", "voogd", "verzorger", "pleegouder", "anders"])
        );
    }
}
