//! The authorisation matrix of one information system (seed 001 §13.2): rows
//! of role × profile (the role as the system calls it) × rights (view,
//! change, delete) × scope (board, school, group, own).
//!
//! Decisions:
//! - Saving replaces the whole matrix by a new version (number + 1, note,
//!   who, when) in one transaction with its audit entry; older versions stay
//!   readable, each with what changed since the version before it.
//! - A refused row is named by its position from 0 (`rows[2].role`), as the
//!   API sends it; the Dutch text counts from 1 ("Regel 3").
//! - The printable matrix (PDF) holds the system, its policy, the
//!   classification and the version in force with its date.

use super::policy::{PolicyOut, SystemFacts, known_system};
use super::store;
use crate::error::{Error, FieldError, Result};
use crate::i18n::{t, tf};
use crate::input::{Given, TEXT_LIMIT, Unknown, given_text};
use crate::register::export::Download;
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::access::matrix::{RowChange, changes, check_matrix, ordered_rights};
use aantoonbaar_rules::access::{GrantScope, MatrixRow, Right};
use aantoonbaar_rules::policy::Role;
use aantoonbaar_store::access_policies::{MatrixHead, MatrixVersion};
use aantoonbaar_store::{Actor, BoardStore, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

// ---------------------------------------------------------------- answers

/// One row of a matrix.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RowOut {
    /// The role's code (`OP`, `D`, `ST`, …).
    pub role: String,
    /// The profile or role as the system names it.
    pub profile: String,
    /// `view`, `change`, `delete`, in that order.
    pub rights: Vec<String>,
    /// `board`, `school`, `group` or `own`.
    pub scope: String,
}

impl From<&MatrixRow> for RowOut {
    fn from(r: &MatrixRow) -> Self {
        Self {
            role: r.role.code().to_owned(),
            profile: r.profile.clone(),
            rights: ordered_rights(&r.rights).iter().map(|r| r.code().to_owned()).collect(),
            scope: r.scope.code().to_owned(),
        }
    }
}

/// A version of a system's matrix (the one in force, or one of its history).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MatrixOut {
    pub system_id: String,
    /// `null`: the board has not saved a matrix for this system yet.
    pub version: Option<i64>,
    pub note: Option<String>,
    pub saved_at: Option<String>,
    pub saved_by: Option<String>,
    pub rows: Vec<RowOut>,
}

impl MatrixOut {
    fn new(system_id: &str, version: Option<&MatrixVersion>) -> Self {
        Self {
            system_id: system_id.to_owned(),
            version: version.map(|v| v.head.version),
            note: version.and_then(|v| v.head.note.clone()),
            saved_at: version.map(|v| v.head.saved_at.to_string()),
            saved_by: version.map(|v| v.head.saved_by.clone()),
            rows: version.map(|v| v.rows.iter().map(RowOut::from).collect()).unwrap_or_default(),
        }
    }
}

/// A saved version in the history, without its rows.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VersionOut {
    pub version: i64,
    pub note: Option<String>,
    pub saved_at: String,
    pub saved_by: String,
}

impl From<&MatrixHead> for VersionOut {
    fn from(h: &MatrixHead) -> Self {
        Self {
            version: h.version,
            note: h.note.clone(),
            saved_at: h.saved_at.to_string(),
            saved_by: h.saved_by.clone(),
        }
    }
}

/// How one row differs from the version before.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChangeOut {
    /// `added`, `removed` or `changed`.
    pub change: String,
    /// The row before (`null` when added).
    pub before: Option<RowOut>,
    /// The row after (`null` when removed).
    pub after: Option<RowOut>,
}

impl From<&RowChange> for ChangeOut {
    fn from(c: &RowChange) -> Self {
        let (before, after) = match c {
            RowChange::Added(row) => (None, Some(RowOut::from(row))),
            RowChange::Removed(row) => (Some(RowOut::from(row)), None),
            RowChange::Changed { before, after } => (Some(RowOut::from(before)), Some(RowOut::from(after))),
        };
        Self { change: c.code().to_owned(), before, after }
    }
}

/// One version with what changed since the version before it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VersionDetail {
    #[serde(flatten)]
    pub matrix: MatrixOut,
    /// The version compared with (`null` for version 1).
    pub previous: Option<i64>,
    /// For version 1: every row, added.
    pub changes: Vec<ChangeOut>,
}

// ---------------------------------------------------------------- reading

/// The matrix in force for a system (no rows and version `null` when none was saved).
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn matrix(app: &App, staff: &Staff, system_id: &str) -> Result<MatrixOut> {
    staff.may(Action::AccessPolicyView)?;
    let board = store(app, staff);
    known_system(board, system_id).await?;
    Ok(MatrixOut::new(system_id, board.matrix_version(system_id, None).await?.as_ref()))
}

/// The saved versions of a system's matrix, newest first.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn versions(app: &App, staff: &Staff, system_id: &str) -> Result<Vec<VersionOut>> {
    staff.may(Action::AccessPolicyView)?;
    let board = store(app, staff);
    known_system(board, system_id).await?;
    Ok(board.matrix_versions(system_id).await?.iter().map(VersionOut::from).collect())
}

/// One version of a system's matrix with what changed since the one before.
///
/// # Errors
/// Forbidden, not found (also a version never saved), or the store.
pub async fn version(app: &App, staff: &Staff, system_id: &str, version: i64) -> Result<VersionDetail> {
    staff.may(Action::AccessPolicyView)?;
    let board = store(app, staff);
    known_system(board, system_id).await?;
    let this = board.matrix_version(system_id, Some(version)).await?.ok_or(Error::NotFound)?;
    let before = match version {
        1 => None,
        _ => board.matrix_version(system_id, Some(version - 1)).await?,
    };
    let old = before.as_ref().map(|b| b.rows.as_slice()).unwrap_or_default();
    Ok(VersionDetail {
        matrix: MatrixOut::new(system_id, Some(&this)),
        previous: before.as_ref().map(|b| b.head.version),
        changes: changes(old, &this.rows).iter().map(ChangeOut::from).collect(),
    })
}

// ---------------------------------------------------------------- saving

/// One row as sent: `{role, profile, rights: ["view", "change", "delete"], scope}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RowCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// A role code: `CvB`, `ST`, `D`, `TL`, `BS`, `AP`, `OP`, `OPT` or `FG`.
    #[schema(value_type = String)]
    pub role: Option<Given<String>>,
    /// The profile or role as the system calls it ("Leerkracht").
    #[schema(value_type = String)]
    pub profile: Option<Given<String>>,
    /// At least one of `view`, `change`, `delete`.
    #[schema(value_type = Vec<String>)]
    pub rights: Option<serde_json::Value>,
    /// `board`, `school`, `group` or `own`.
    #[schema(value_type = String)]
    pub scope: Option<Given<String>>,
}

/// A new version of a system's matrix: `{note?, rows: [...]}`, replacing the whole matrix.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct MatrixCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// Why it changed.
    #[schema(value_type = Option<String>)]
    pub note: Option<Given<String>>,
    /// Every row of the new version (an empty list: no role has access).
    pub rows: Option<Vec<RowCommand>>,
    /// Where each row stands on the caller's form (from 0), when it left
    /// blank rows out: errors name that row. Empty: the rows' own positions.
    #[serde(skip)]
    #[schema(ignore)]
    pub lines: Vec<usize>,
}

/// `rows[i].field`, with the Dutch text naming the row (counted from 1) and the field.
fn row_error(index: usize, field: &str, code: &str) -> FieldError {
    let mut error = FieldError::new(&format!("rows[{index}].{field}"), code);
    let label = t(&format!("access.field.{field}"));
    error.detail = tf(
        "access.matrix.row_error",
        &[("row", &(index + 1).to_string()), ("label", label), ("message", &error.detail)],
    );
    error
}

fn read_rights(index: usize, value: Option<serde_json::Value>, errors: &mut Vec<FieldError>) -> Option<Vec<Right>> {
    let texts: Vec<serde_json::Value> = match value {
        None | Some(serde_json::Value::Null) => Vec::new(),
        Some(serde_json::Value::Array(items)) => items,
        // A form's one checked box.
        Some(one @ serde_json::Value::String(_)) => vec![one],
        Some(_) => {
            errors.push(row_error(index, "rights", "access.matrix.rights_not_list"));
            return None;
        }
    };
    let mut rights = Vec::new();
    for text in texts {
        match text.as_str().map(Right::from_code) {
            Some(Ok(right)) => rights.push(right),
            Some(Err(e)) => {
                errors.push(row_error(index, "rights", e.code));
                return None;
            }
            None => {
                errors.push(row_error(index, "rights", "access.matrix.rights_not_list"));
                return None;
            }
        }
    }
    Some(ordered_rights(&rights))
}

fn read_row(index: usize, row: RowCommand, errors: &mut Vec<FieldError>) -> Option<MatrixRow> {
    for unknown in row.unknown.errors() {
        errors.push(row_error(index, &unknown.field, "field.unknown"));
    }
    let mut own = Vec::new();
    let role = given_text(&mut own, "role", row.role, true, TEXT_LIMIT);
    let role = crate::input::rule(&mut own, "role", role, Role::from_code);
    let profile = given_text(&mut own, "profile", row.profile, false, TEXT_LIMIT).unwrap_or_default();
    let scope = given_text(&mut own, "scope", row.scope, true, TEXT_LIMIT);
    let scope = crate::input::rule(&mut own, "scope", scope, GrantScope::from_code);
    errors.extend(own.into_iter().map(|e| row_error(index, &e.field, &e.code)));
    let rights = read_rights(index, row.rights, errors);
    Some(MatrixRow { role: role?, profile, rights: rights?, scope: scope? })
}

/// Reads a matrix command: every wrong row and field at once, then the
/// matrix rules (profile, rights, no role+profile twice).
fn read_matrix(command: MatrixCommand) -> Result<(Option<String>, Vec<MatrixRow>)> {
    let mut errors = command.unknown.errors();
    let note = given_text(&mut errors, "note", command.note, false, TEXT_LIMIT);
    let Some(sent) = command.rows else {
        errors.push(FieldError::new("rows", "field.required"));
        return Err(Error::Invalid(crate::input::labelled(errors, &[("rows", "access.field.rows")])));
    };
    let line = |index: usize| command.lines.get(index).copied().unwrap_or(index);
    let read: Vec<Option<MatrixRow>> =
        sent.into_iter().enumerate().map(|(index, row)| read_row(line(index), row, &mut errors)).collect();
    if read.iter().all(Option::is_some) {
        let rows: Vec<MatrixRow> = read.iter().flatten().cloned().collect();
        if let Err(wrong) = check_matrix(&rows) {
            errors.extend(wrong.iter().map(|e| row_error(line(e.row), e.field, e.invalid.code)));
        }
    }
    if errors.is_empty() {
        Ok((note, read.into_iter().flatten().collect()))
    } else {
        Err(Error::Invalid(crate::input::labelled(errors, &[("note", "access.field.note")])))
    }
}

/// Validates and saves a new version of a system's matrix for `actor`, once
/// the caller's permission is checked (the pages and API through
/// [`save_matrix`], the demo board directly).
///
/// # Errors
/// Not found, every wrong row, a version saved at the same moment (409), or the store.
pub async fn write_matrix(
    board: BoardStore<'_>,
    actor: &Actor,
    system_id: &str,
    command: MatrixCommand,
) -> Result<MatrixOut> {
    known_system(board, system_id).await?;
    let (note, rows) = read_matrix(command)?;
    let saved = board.save_matrix(actor, system_id, note.as_deref(), &rows).await.map_err(|e| match e {
        StoreError::Duplicate { .. } => Error::conflict("rows", "access.matrix.saved_meanwhile"),
        other => other.into(),
    })?;
    Ok(MatrixOut::new(system_id, Some(&saved)))
}

/// Saves a new version of a system's matrix (IBP manager), replacing the one
/// in force; audited in the same transaction.
///
/// # Errors
/// Forbidden, not found, every wrong row, or the store.
pub async fn save_matrix(app: &App, staff: &Staff, system_id: &str, command: MatrixCommand) -> Result<MatrixOut> {
    staff.may(Action::AccessPolicyManage)?;
    write_matrix(store(app, staff), &staff.actor(), system_id, command).await
}

// ---------------------------------------------------------------- printing

/// The Dutch words of a row's rights ("inzien, wijzigen").
#[must_use]
pub fn rights_words(rights: &[String]) -> String {
    rights.iter().map(|r| t(&format!("access.right.{r}"))).collect::<Vec<_>>().join(", ")
}

/// The matrix in force of one system as a PDF to print: the system, its
/// data and classification, its policy, and every row, under the version and
/// the day it was saved.
///
/// # Errors
/// Forbidden, not found, or the layout.
pub async fn matrix_pdf(app: &App, staff: &Staff, system_id: &str) -> Result<Download> {
    let state = super::policy::policy(app, staff, system_id).await?;
    let matrix = matrix(app, staff, system_id).await?;
    let document = pdf_document(&state.system, state.policy.as_ref(), &matrix);
    let bytes = crate::blocking(move || aantoonbaar_documents::access_matrix::access_matrix(&document))
        .await?
        .map_err(|e| Error::internal(&e))?;
    let slug: String =
        state.system.name.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
    Ok(Download { bytes, content_type: "application/pdf", file_name: format!("autorisatiematrix-{slug}.pdf") })
}

fn day_of(moment: Option<&str>) -> String {
    moment
        .and_then(|m| m.parse::<jiff::Timestamp>().ok())
        .map(|m| crate::requests::dutch_date(m.to_zoned(aantoonbaar_rules::calendar::dutch_time_zone()).date()))
        .unwrap_or_default()
}

fn pdf_document(
    system: &SystemFacts,
    policy: Option<&PolicyOut>,
    matrix: &MatrixOut,
) -> aantoonbaar_documents::access_matrix::AccessMatrixDocument {
    use aantoonbaar_documents::access_matrix::{AccessMatrixDocument, Line};
    let none = || t("access.none").to_owned();
    let system_rows = vec![
        (t("access.facts.holds").to_owned(), system.holds.clone().unwrap_or_else(none)),
        (
            t("access.facts.classification").to_owned(),
            system.classification.as_ref().map_or_else(none, |c| t(&format!("register.classification.{c}")).to_owned()),
        ),
        (t("access.facts.supplier").to_owned(), system.supplier_name.clone().unwrap_or_else(none)),
    ];
    let policy_rows = policy.map_or_else(
        || vec![(t("access.pdf.no_policy").to_owned(), String::new())],
        |p| {
            vec![
                (t("access.field.issued_by").to_owned(), p.issued_by.clone()),
                (
                    t("access.field.provisioning").to_owned(),
                    t(&format!("access.provisioning.{}", p.provisioning)).to_owned(),
                ),
                (
                    t("access.field.two_step").to_owned(),
                    t(if p.two_step { "access.yes" } else { "access.no" }).to_owned(),
                ),
                (t("access.field.password_rule").to_owned(), p.password_rule.clone()),
                (t("access.field.review_interval").to_owned(), interval_words(&p.review_interval)),
                (t("access.field.owner").to_owned(), p.owner.clone()),
            ]
        },
    );
    let version_line = match matrix.version {
        Some(v) => {
            tf("access.pdf.version_line", &[("version", &v.to_string()), ("date", &day_of(matrix.saved_at.as_deref()))])
        }
        None => t("access.pdf.no_matrix").to_owned(),
    };
    AccessMatrixDocument {
        title: tf("access.pdf.title", &[("system", &system.name)]),
        version_line,
        system_heading: t("access.pdf.system").to_owned(),
        system_rows,
        policy_heading: t("access.pdf.policy").to_owned(),
        policy_rows,
        matrix_heading: t("access.pdf.matrix").to_owned(),
        lines: matrix
            .rows
            .iter()
            .map(|r| Line {
                who: tf("access.pdf.who", &[("role", t(&format!("role.{}", r.role))), ("profile", &r.profile)]),
                grant: tf(
                    "access.pdf.grant",
                    &[("rights", &rights_words(&r.rights)), ("scope", t(&format!("access.scope.{}", r.scope)))],
                ),
            })
            .collect(),
        empty: t("access.pdf.empty").to_owned(),
    }
}

/// A review interval in words ("1 jaar"), or the text as it is.
#[must_use]
pub fn interval_words(text: &str) -> String {
    text.parse().map_or_else(|_| text.to_owned(), crate::retention::period_words)
}
