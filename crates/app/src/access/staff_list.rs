//! The staff list: everyone with accounts in the board's systems, entered or
//! imported from the HR system's CSV export. An end date makes the person a
//! leaver: their leave change is written with the same change, its deadline
//! the first working day after the last day (seed 001 §13), and whoever
//! removes the accounts is mailed.

use super::{equated, remove_by, store, told_of_leaver};
use crate::error::{Error, FieldError, Result};
use crate::i18n::tf;
use crate::imports::cell_errors;
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, one_or_many, rule};
use crate::mail::Mail;
use crate::{App, Staff};
use aantoonbaar_import::CellError;
use aantoonbaar_import::lists::{StaffRow, parse_roles};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::{Action, Email, PersonName};
use aantoonbaar_store::staff::{LeaveSync, StaffData, StaffImportRow, StaffMember};
use aantoonbaar_store::{NewMail, School, Scope, User};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

const LABELS: &[(&str, &str)] = &[
    ("given_name", "staff.field.given_name"),
    ("surname", "staff.field.surname"),
    ("email", "staff.field.email"),
    ("school_id", "staff.field.school_id"),
    ("roles", "staff.field.roles"),
    ("employment_start", "staff.field.employment_start"),
    ("employment_end", "staff.field.employment_end"),
];

fn invalid(errors: Vec<FieldError>) -> Error {
    Error::Invalid(crate::input::labelled(errors, LABELS))
}

/// A person of the staff list: `{given_name, surname, email, school_id?,
/// roles: [code], employment_start, employment_end?}`. In a change
/// (`PATCH`) every field is optional and an absent one keeps its value;
/// `school_id` or `employment_end` sent empty (or `null`) is cleared.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct StaffCommand {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub given_name: Option<Given<String>>,
    #[schema(value_type = String)]
    pub surname: Option<Given<String>>,
    #[schema(value_type = String)]
    pub email: Option<Given<String>>,
    /// The school the person works at; absent for the board's own staff.
    #[serde(default, deserialize_with = "crate::input::present")]
    #[schema(value_type = Option<String>)]
    pub school_id: Option<Option<String>>,
    /// Role codes: `CvB, ST, D, TL, BS, AP, OP, OPT, FG`.
    #[serde(default, deserialize_with = "one_or_many")]
    pub roles: Vec<String>,
    /// First day of employment, `YYYY-MM-DD`.
    #[schema(value_type = String)]
    pub employment_start: Option<Given<String>>,
    /// Last day of employment, `YYYY-MM-DD`: the person becomes a leaver.
    #[serde(default, deserialize_with = "crate::input::present")]
    #[schema(value_type = Option<String>)]
    pub employment_end: Option<Option<String>>,
}

fn date_field(errors: &mut Vec<FieldError>, field: &str, value: Option<String>) -> Option<Date> {
    rule(errors, field, value, parse_iso_date)
}

impl StaffCommand {
    /// The person as `base` (the stored one, for a change) with the fields
    /// sent; every field checked by its rule.
    ///
    /// # Errors
    /// Every wrong field.
    pub fn validate(self, base: Option<&StaffData>) -> Result<StaffData, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let required = base.is_none();
        let text =
            |errors: &mut Vec<FieldError>, field: &str, value: Option<Given<String>>, stored: Option<&str>| match (
                value, stored,
            ) {
                (None, Some(stored)) => Some(stored.to_owned()),
                (value, _) => given_text(errors, field, value, true, TEXT_LIMIT),
            };
        let given = text(&mut errors, "given_name", self.given_name, base.map(|b| b.given_name.as_str()));
        let given = rule(&mut errors, "given_name", given, PersonName::parse);
        let surname = text(&mut errors, "surname", self.surname, base.map(|b| b.surname.as_str()));
        let surname = rule(&mut errors, "surname", surname, PersonName::parse);
        let email = text(&mut errors, "email", self.email, base.map(|b| b.email.as_str()));
        let email = rule(&mut errors, "email", email, Email::parse);
        let school_id = match self.school_id {
            Some(school) => school.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
            None => base.and_then(|b| b.school_id.clone()),
        };
        let roles = if self.roles.is_empty() {
            match base {
                Some(base) => Some(base.roles.clone()),
                None => {
                    errors.push(FieldError::new("roles", "roles.empty"));
                    None
                }
            }
        } else {
            rule(&mut errors, "roles", Some(self.roles.join(",")), parse_roles)
        };
        let start = match (self.employment_start, base) {
            (None, Some(base)) => Some(base.employment_start),
            (value, _) => {
                let v = given_text(&mut errors, "employment_start", value, required || base.is_some(), TEXT_LIMIT);
                date_field(&mut errors, "employment_start", v)
            }
        };
        let end = match self.employment_end {
            Some(end) => date_field(&mut errors, "employment_end", end),
            None => base.and_then(|b| b.employment_end),
        };
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            errors.push(FieldError::new("employment_end", "staff.end_before_start"));
        }
        let data = match (given, surname, email, roles, start) {
            (Some(given), Some(surname), Some(email), Some(roles), Some(start)) => Some(StaffData {
                given_name: given.to_string(),
                surname: surname.to_string(),
                email: email.to_string().to_lowercase(),
                school_id,
                roles,
                employment_start: start,
                employment_end: end,
            }),
            _ => None,
        };
        done(errors, data)
    }
}

/// A person as the API and the pages show them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StaffOut {
    pub id: String,
    pub given_name: String,
    pub surname: String,
    pub email: String,
    pub school_id: Option<String>,
    /// Role codes.
    pub roles: Vec<String>,
    pub employment_start: String,
    pub employment_end: Option<String>,
    /// For a leaver: the first working day after the last day.
    pub remove_by: Option<String>,
}

impl StaffOut {
    fn new(member: &StaffMember, equated: &[Date]) -> Self {
        let d = &member.data;
        Self {
            id: member.id.clone(),
            given_name: d.given_name.clone(),
            surname: d.surname.clone(),
            email: d.email.clone(),
            school_id: d.school_id.clone(),
            roles: d.roles.iter().map(|r| r.code().to_owned()).collect(),
            employment_start: d.employment_start.to_string(),
            employment_end: d.employment_end.map(|e| e.to_string()),
            remove_by: d.employment_end.map(|e| remove_by(e, equated).to_string()),
        }
    }
}

/// Whether a user with `scope` may keep a person of `school` (a school
/// scope never keeps the board's own staff).
fn covers(scope: &Scope, school: Option<&str>) -> bool {
    match (scope, school) {
        (Scope::Board, _) => true,
        (scope, Some(school)) => scope.covers_school(school),
        (_, None) => false,
    }
}

/// The mails of a new leaver, to those [`told_of_leaver`] names.
fn leaver_mails(app: &App, users: &[User], data: &StaffData, id_hint: &str, ended: Date, by: Date) -> Vec<NewMail> {
    let name = format!("{} {}", data.given_name, data.surname);
    let link = app.link(&format!("/toegang/vertrekkers#{id_hint}"));
    let args = [
        ("name", name.as_str()),
        ("ended", &crate::requests::dutch_date(ended)),
        ("remove_by", &crate::requests::dutch_date(by)),
        ("link", link.as_str()),
    ];
    let subject = tf("access.mail.leaver_subject", &args);
    let body = tf("access.mail.leaver_body", &args);
    let to = told_of_leaver(users, data.school_id.as_deref());
    to.iter().map(|to| Mail { to, subject: &subject, body: &body, sensitive: false }.to_new()).collect()
}

/// What the write does to the leave change: new or moved end date.
fn leave_sync(app: &App, users: &[User], data: &StaffData, before: Option<&StaffData>, equated: &[Date]) -> LeaveSync {
    let Some(ended) = data.employment_end else { return LeaveSync::default() };
    let by = remove_by(ended, equated);
    let mails = if before.and_then(|b| b.employment_end).is_none() {
        leaver_mails(app, users, data, &data.email, ended, by)
    } else {
        Vec::new()
    };
    LeaveSync { leaving: Some((ended, by)), mails }
}

/// The fields that differ between two states of a person.
fn changed(before: &StaffData, after: &StaffData) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let pairs: [(&'static str, bool); 7] = [
        ("given_name", before.given_name != after.given_name),
        ("surname", before.surname != after.surname),
        ("email", before.email != after.email),
        ("school_id", before.school_id != after.school_id),
        ("roles", before.roles != after.roles),
        ("employment_start", before.employment_start != after.employment_start),
        ("employment_end", before.employment_end != after.employment_end),
    ];
    for (field, differs) in pairs {
        if differs {
            fields.push(field);
        }
    }
    fields
}

/// The staff list in the caller's scope.
///
/// # Errors
/// Forbidden, or the store.
pub async fn list(app: &App, staff: &Staff) -> Result<Vec<StaffOut>> {
    let scope = staff.may(Action::StaffView)?;
    let board = store(app, staff);
    let equated = equated(board).await?;
    Ok(board.staff_members(scope).await?.iter().map(|m| StaffOut::new(m, &equated)).collect())
}

/// One person of the list.
///
/// # Errors
/// Forbidden, not found (also outside the caller's scope), or the store.
pub async fn get(app: &App, staff: &Staff, id: &str) -> Result<StaffOut> {
    let scope = staff.may(Action::StaffView)?;
    let board = store(app, staff);
    let member = board.staff_member(scope, id).await?.ok_or(Error::NotFound)?;
    Ok(StaffOut::new(&member, &equated(board).await?))
}

/// Adds a person; with an end date their leave change is written too.
///
/// # Errors
/// Forbidden, every wrong field (a school outside the caller's scope is
/// one), an address already on the list, or the store.
pub async fn create(app: &App, staff: &Staff, command: StaffCommand) -> Result<StaffOut> {
    let scope = staff.may(Action::StaffManage)?;
    let data = command.validate(None).map_err(invalid)?;
    if !covers(scope, data.school_id.as_deref()) {
        return Err(invalid(vec![FieldError::new("school_id", "staff.school_outside_scope")]));
    }
    let board = store(app, staff);
    let equated = equated(board).await?;
    let users = board.users(&Scope::Board).await?;
    let leave = leave_sync(app, &users, &data, None, &equated);
    let member = board.create_staff(&staff.actor(), &data, &leave).await.map_err(|e| invalid_store(e.into()))?;
    Ok(StaffOut::new(&member, &equated))
}

/// A store refusal as the field it concerns, labelled.
fn invalid_store(err: Error) -> Error {
    match err {
        Error::Invalid(errors) => invalid(errors),
        other => other,
    }
}

/// Changes a person; a new or moved end date moves their leave change, a
/// cleared one cancels it.
///
/// # Errors
/// Forbidden, not found, every wrong field, an address in use, or the store.
pub async fn update(app: &App, staff: &Staff, id: &str, command: StaffCommand) -> Result<StaffOut> {
    let scope = staff.may(Action::StaffManage)?;
    let board = store(app, staff);
    let before = board.staff_member(scope, id).await?.ok_or(Error::NotFound)?;
    let data = command.validate(Some(&before.data)).map_err(invalid)?;
    if !covers(scope, data.school_id.as_deref()) {
        return Err(invalid(vec![FieldError::new("school_id", "staff.school_outside_scope")]));
    }
    let equated = equated(board).await?;
    let users = board.users(&Scope::Board).await?;
    let leave = leave_sync(app, &users, &data, Some(&before.data), &equated);
    let fields = changed(&before.data, &data);
    let member =
        board.update_staff(&staff.actor(), id, &data, &fields, &leave).await.map_err(|e| invalid_store(e.into()))?;
    Ok(StaffOut::new(&member, &equated))
}

/// What an HR import did, or would do.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct StaffImportReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// People with an end date that is new in this file.
    pub new_leavers: usize,
    /// Written, or only checked (`dry_run`).
    pub written: bool,
}

/// The school a row names: its BRIN number or its name, either case.
fn school_of<'a>(schools: &'a [School], text: &str) -> Option<&'a School> {
    let text = text.trim();
    schools.iter().find(|s| s.brin.eq_ignore_ascii_case(text) || s.name.eq_ignore_ascii_case(text) || s.id == text)
}

/// Reads the HR system's staff list and writes it in one transaction (or,
/// with `dry_run`, says what it would do): a person is matched by e-mail
/// address, new ones added, changed ones updated, new end dates make
/// leavers. People missing from the file are kept (an HR export may be
/// partial); their end date says when they leave. A school's staff import
/// their own school's people only.
///
/// # Errors
/// Forbidden, every wrong cell with its line and column (nothing written),
/// or the store.
pub async fn import(app: &App, staff: &Staff, content: &[u8], dry_run: bool) -> Result<StaffImportReport> {
    let scope = staff.may(Action::StaffManage)?;
    let rows = aantoonbaar_import::lists::staff(content).map_err(|e| Error::Invalid(cell_errors(e)))?;
    let board = store(app, staff);
    let schools = board.schools(&Scope::Board).await?;
    let mut errors: Vec<CellError> = Vec::new();
    let mut refuse = |row: &StaffRow, code: &'static str| {
        let value = row.school.clone();
        errors.push(CellError { line: row.line, column: "School".to_owned(), code, value, allowed: Vec::new() });
    };
    let mut resolved: Vec<(StaffRow, Option<String>)> = Vec::new();
    for row in rows {
        let school = if row.school.is_empty() {
            None
        } else if let Some(school) = school_of(&schools, &row.school) {
            Some(school.id.clone())
        } else {
            refuse(&row, "import.school_unknown");
            continue;
        };
        // A school's administration imports its own school's people only.
        if !covers(scope, school.as_deref()) {
            refuse(&row, "staff.school_outside_scope");
            continue;
        }
        resolved.push((row, school));
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(cell_errors(errors)));
    }
    // Matched against the whole board: an address is the board's key.
    let existing = board.staff_members(&Scope::Board).await?;
    let equated = equated(board).await?;
    let users = board.users(&Scope::Board).await?;
    let mut report = StaffImportReport::default();
    let mut writes = Vec::new();
    for (row, school_id) in resolved {
        let data = StaffData {
            given_name: row.given_name.to_string(),
            surname: row.surname.to_string(),
            email: row.email.to_string().to_lowercase(),
            school_id,
            roles: row.roles,
            employment_start: row.employment_start,
            employment_end: row.employment_end,
        };
        let before = existing.iter().find(|m| m.data.email == data.email);
        if before.is_some_and(|b| !covers(scope, b.data.school_id.as_deref())) {
            let error = CellError {
                line: row.line,
                column: "E-mail".to_owned(),
                code: "staff.school_outside_scope",
                value: data.email,
                allowed: Vec::new(),
            };
            return Err(Error::Invalid(cell_errors(vec![error])));
        }
        let fields = before.map(|b| changed(&b.data, &data)).unwrap_or_default();
        match before {
            None => report.created += 1,
            Some(_) if fields.is_empty() => {
                report.unchanged += 1;
                continue;
            }
            Some(_) => report.updated += 1,
        }
        if data.employment_end.is_some() && before.and_then(|b| b.data.employment_end).is_none() {
            report.new_leavers += 1;
        }
        let leave = leave_sync(app, &users, &data, before.map(|b| &b.data), &equated);
        writes.push(StaffImportRow { existing: before.map(|b| b.id.clone()), data, fields, leave });
    }
    if !dry_run && !writes.is_empty() {
        board.import_staff(&staff.actor(), &writes).await?;
    }
    report.written = !dry_run;
    Ok(report)
}
