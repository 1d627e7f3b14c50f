//! The staff list from the HR system's export and the account list of an
//! information system (issue 16), read with [`crate::table`].

use crate::CellError;
use crate::parse_date;
use crate::table::{ColumnSpec, read};
use aantoonbaar_rules::{Email, Invalid, PersonName, Role};
use jiff::civil::Date;
use std::collections::HashMap;

/// The staff list's columns, in template order.
pub const STAFF_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec { name: "Voornaam", also: &["roepnaam", "given_name", "first name"], required: true },
    ColumnSpec { name: "Achternaam", also: &["surname", "last name", "naam"], required: true },
    ColumnSpec { name: "E-mail", also: &["email", "e-mailadres", "mail"], required: true },
    ColumnSpec { name: "School", also: &["brin", "locatie", "school_id"], required: false },
    ColumnSpec { name: "Rollen", also: &["rol", "roles", "functie"], required: true },
    ColumnSpec { name: "In dienst", also: &["datum in dienst", "employment_start", "startdatum"], required: true },
    ColumnSpec { name: "Uit dienst", also: &["datum uit dienst", "employment_end", "einddatum"], required: false },
];

/// One person of the staff list, before the school is looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRow {
    pub line: u64,
    pub given_name: PersonName,
    pub surname: PersonName,
    pub email: Email,
    /// The school as written (a BRIN number or a name), empty for none.
    pub school: String,
    pub roles: Vec<Role>,
    pub employment_start: Date,
    pub employment_end: Option<Date>,
}

/// Role codes separated by commas, semicolons, slashes or spaces: "OP, TL".
///
/// # Errors
/// `role.unknown`, or `roles.empty` for none.
pub fn parse_roles(text: &str) -> Result<Vec<Role>, Invalid> {
    let mut roles = Vec::new();
    for code in text.split([',', ';', '/', '|', ' ']).filter(|c| !c.trim().is_empty()) {
        let role = Role::from_code(code)?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    if roles.is_empty() { Err(Invalid::new("roles.empty")) } else { Ok(roles) }
}

fn optional_date(text: &str) -> Result<Option<Date>, Invalid> {
    if text.trim().is_empty() { Ok(None) } else { parse_date(text).map(Some) }
}

/// Reads the staff list: every row checked, an address given twice refused
/// (`import.duplicate_email`), an end before the start refused
/// (`staff.end_before_start`).
///
/// # Errors
/// Every wrong cell with its line and column; nothing when any is wrong.
pub fn staff(bytes: &[u8]) -> Result<Vec<StaffRow>, Vec<CellError>> {
    let mut seen: HashMap<String, u64> = HashMap::new();
    read(bytes, STAFF_COLUMNS, |cells| {
        let given_name = cells.take(0, PersonName::parse);
        let surname = cells.take(1, PersonName::parse);
        let email = cells.take(2, Email::parse);
        let school = cells.text(3).to_owned();
        let roles = cells.take(4, parse_roles);
        let start = cells.take(5, parse_date);
        let end = cells.take(6, optional_date);
        let row = StaffRow {
            line: cells.line,
            given_name: given_name?,
            surname: surname?,
            email: email?,
            school,
            roles: roles?,
            employment_start: start?,
            employment_end: end?,
        };
        if row.employment_end.is_some_and(|end| end < row.employment_start) {
            cells.refuse(6, "staff.end_before_start", cells.text(6).to_owned());
            return None;
        }
        let key = row.email.to_string().to_lowercase();
        if let Some(first) = seen.insert(key, row.line) {
            cells.refuse(2, "import.duplicate_email", format!("{} (ook op regel {first})", row.email));
            return None;
        }
        Some(row)
    })
}

/// A system's account list's columns, in template order.
pub const ACCOUNT_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec { name: "Gebruikersnaam", also: &["username", "login", "account", "gebruiker"], required: true },
    ColumnSpec { name: "Naam", also: &["name", "volledige naam", "display name"], required: false },
    ColumnSpec { name: "E-mail", also: &["email", "e-mailadres", "mail"], required: false },
    ColumnSpec { name: "Profiel", also: &["rol", "role", "profile", "autorisatie", "rechten"], required: false },
    ColumnSpec {
        name: "Laatst ingelogd",
        also: &["last sign-in", "last login", "last_sign_in", "laatste login"],
        required: false,
    },
];

/// One account of a system's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRow {
    pub line: u64,
    pub username: String,
    pub name: Option<String>,
    pub email: Option<Email>,
    pub profile: Option<String>,
    /// As the system wrote it (a date, or a date and time).
    pub last_sign_in: Option<String>,
}

/// The longest username, name or profile an account list may hold.
const CELL_LIMIT: usize = 200;

fn bounded(text: &str) -> Result<Option<String>, Invalid> {
    match text.trim() {
        "" => Ok(None),
        t if t.chars().count() > CELL_LIMIT => Err(Invalid::new("import.cell_too_long")),
        t => Ok(Some(t.to_owned())),
    }
}

/// Reads a system's account list: a username is required and unique
/// (`import.duplicate_username`), an e-mail address must be one.
///
/// # Errors
/// Every wrong cell with its line and column; nothing when any is wrong.
pub fn accounts(bytes: &[u8]) -> Result<Vec<AccountRow>, Vec<CellError>> {
    let mut seen: HashMap<String, u64> = HashMap::new();
    read(bytes, ACCOUNT_COLUMNS, |cells| {
        let username = cells.take(0, |t| bounded(t).and_then(|u| u.ok_or(Invalid::new("field.required"))));
        let name = cells.take(1, bounded);
        let email = cells.take(2, |t| if t.trim().is_empty() { Ok(None) } else { Email::parse(t).map(Some) });
        let profile = cells.take(3, bounded);
        let last_sign_in = cells.take(4, bounded);
        let row = AccountRow {
            line: cells.line,
            username: username?,
            name: name?,
            email: email?,
            profile: profile?,
            last_sign_in: last_sign_in?,
        };
        if let Some(first) = seen.insert(row.username.to_lowercase(), row.line) {
            cells.refuse(0, "import.duplicate_username", format!("{} (ook op regel {first})", row.username));
            return None;
        }
        Some(row)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_staff_list_is_read_with_dutch_headers_in_any_order() {
        let file = "E-mail;Voornaam;Achternaam;Rollen;In dienst;Uit dienst;School\n\
                    j.jansen@school.nl;Jan;Jansen;OP, TL;1-8-2020;;12AB\n\
                    p.devries@school.nl;Petra;de Vries;D;2019-08-01;31-12-2026;\n";
        let rows = staff(file.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].roles, vec![Role::Op, Role::Tl]);
        assert_eq!(rows[0].school, "12AB");
        assert_eq!(rows[1].employment_end, Some(jiff::civil::date(2026, 12, 31)));
        assert_eq!(rows[1].line, 3);
    }

    #[test]
    fn a_wrong_staff_row_names_line_and_column_and_yields_nothing() {
        let file = "Voornaam,Achternaam,E-mail,Rollen,In dienst,Uit dienst\n\
                    Jan,Jansen,geen-adres,OP,2020-08-01,\n\
                    Piet,Pietersen,p@school.nl,XX,2020-08-01,\n\
                    Kees,Kok,k@school.nl,OP,2020-08-01,2019-01-01\n\
                    Anna,Aal,a@school.nl,OP,2020-08-01,\n\
                    Ans,Aal,A@school.nl,OP,2020-08-01,\n";
        let errors = staff(file.as_bytes()).unwrap_err();
        let found: Vec<(u64, &str, &str)> = errors.iter().map(|e| (e.line, e.column.as_str(), e.code)).collect();
        assert_eq!(
            found,
            vec![
                (2, "E-mail", "email.format"),
                (3, "Rollen", "role.unknown"),
                (4, "Uit dienst", "staff.end_before_start"),
                (6, "E-mail", "import.duplicate_email")
            ]
        );
    }

    #[test]
    fn a_staff_list_without_the_required_columns_is_refused_by_name() {
        let errors = staff(b"Voornaam;Achternaam\nJan;Jansen\n").unwrap_err();
        let missing: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(missing, vec!["E-mail", "Rollen", "In dienst"]);
    }

    #[test]
    fn an_account_list_needs_unique_usernames_and_reads_english_headers() {
        let file = "username,name,email,role,last login\njjansen,Jan Jansen,j.jansen@school.nl,Leerkracht,2026-11-30\n\
                    JJANSEN,Jan,,Beheerder,\n";
        let errors = accounts(file.as_bytes()).unwrap_err();
        assert_eq!((errors[0].line, errors[0].code), (3, "import.duplicate_username"));
        let rows = accounts(b"Gebruikersnaam;Profiel\nbeheer;Beheerder\n").unwrap();
        assert_eq!(rows[0].profile.as_deref(), Some("Beheerder"));
        assert_eq!(rows[0].email, None);
    }

    #[test]
    fn an_empty_list_is_refused() {
        assert_eq!(accounts(b"Gebruikersnaam\n").unwrap_err()[0].code, "import.empty");
    }
}
