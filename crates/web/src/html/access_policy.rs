//! The access policy pages (seed 001 §13, §13.2; issue 16): every system of
//! the register with how its accounts are issued, two-step verification, the
//! review interval and the matrix version, marked where something is missing
//! (`/toegang/systemen`); one system with its policy form and the matrix
//! editor (`/toegang/systemen/{id}`); the matrix as a PDF; and an older
//! version with what changed. They call the same operations as the API
//! (`aantoonbaar_app::access`); a refused form shows again as typed, its
//! errors naming the field and the row.

use super::form::{PagePairs, Refused, entered, form_field, read, refusal};
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::i18n::{t, tf};
use aantoonbaar_app::access::matrix::{self as matrix_app, ChangeOut, MatrixOut, RowOut, interval_words, rights_words};
use aantoonbaar_app::access::policy::{self as policy_app, PolicyOut, SystemPolicy};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::access::{GrantScope, Provisioning, Right};
use aantoonbaar_rules::policy::Role;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde_json::{Value, json};

pub const SYSTEMS: &str = "/toegang/systemen";

/// Empty rows below the matrix's own, to add rows without JavaScript.
const BLANK_ROWS: usize = 2;

/// A code and its Dutch label, for a select.
pub struct Choice {
    pub value: String,
    pub label: String,
}

fn warning_texts(state: &SystemPolicy) -> Vec<&'static str> {
    state.warnings.iter().map(|w| t(&format!("access.warning.{w}"))).collect()
}

fn classification(state: &SystemPolicy) -> &'static str {
    state.system.classification.as_ref().map_or(t("access.none"), |c| t(&format!("register.classification.{c}")))
}

fn yes_no(value: bool) -> &'static str {
    t(if value { "access.yes" } else { "access.no" })
}

// ---------------------------------------------------------------- list

/// One system in the list.
pub struct SystemRow {
    pub id: String,
    pub name: String,
    pub classification: &'static str,
    pub provisioning: &'static str,
    pub two_step: &'static str,
    pub review_interval: String,
    pub matrix_version: String,
    pub warnings: Vec<&'static str>,
}

#[derive(Template)]
#[template(path = "access_policy_list.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<SystemRow>,
}

pub async fn list(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let systems = policy_app::overview(&state, &staff).await?;
    let none = t("access.none");
    let rows = systems
        .iter()
        .map(|s| SystemRow {
            id: s.system.id.clone(),
            name: s.system.name.clone(),
            classification: classification(s),
            provisioning: s.policy.as_ref().map_or(none, |p| t(&format!("access.provisioning.{}", p.provisioning))),
            two_step: s.policy.as_ref().map_or(none, |p| yes_no(p.two_step)),
            review_interval: s.policy.as_ref().map_or_else(|| none.to_owned(), |p| interval_words(&p.review_interval)),
            matrix_version: s
                .matrix_version
                .map_or_else(|| none.to_owned(), |v| tf("access.page.version", &[("version", &v.to_string())])),
            warnings: warning_texts(s),
        })
        .collect();
    let page = ListPage { layout: Layout::for_staff(&state, &staff, t("access.page.title"), SYSTEMS), rows };
    Ok(render(&page).into_response())
}

// ---------------------------------------------------------------- one system

/// The policy form's values: as typed when refused, else as stored.
pub struct PolicyForm {
    pub issued_by: String,
    pub provisioning: String,
    pub two_step: String,
    pub password_rule: String,
    pub review_interval: String,
    pub owner: String,
}

impl PolicyForm {
    fn stored(policy: Option<&PolicyOut>) -> Self {
        Self {
            issued_by: policy.map(|p| p.issued_by.clone()).unwrap_or_default(),
            provisioning: policy.map(|p| p.provisioning.clone()).unwrap_or_default(),
            two_step: policy.map(|p| if p.two_step { "ja" } else { "nee" }.to_owned()).unwrap_or_default(),
            password_rule: policy.map(|p| p.password_rule.clone()).unwrap_or_default(),
            review_interval: policy.map_or_else(|| "P1Y".to_owned(), |p| p.review_interval.clone()),
            owner: policy.map(|p| p.owner.clone()).unwrap_or_default(),
        }
    }

    fn typed(pairs: &[(String, String)]) -> Self {
        Self {
            issued_by: entered(pairs, "issued_by").to_owned(),
            provisioning: entered(pairs, "provisioning").to_owned(),
            two_step: entered(pairs, "two_step").to_owned(),
            password_rule: entered(pairs, "password_rule").to_owned(),
            review_interval: entered(pairs, "review_interval").to_owned(),
            owner: entered(pairs, "owner").to_owned(),
        }
    }
}

/// One row of the matrix editor (`r<index>-<field>` in the form).
pub struct EditRow {
    pub index: usize,
    pub role: String,
    pub profile: String,
    pub view: bool,
    pub change: bool,
    pub delete: bool,
    pub scope: String,
    /// The ARIA attributes of each field, naming its error when refused.
    pub aria_role: String,
    pub aria_profile: String,
    pub aria_rights: String,
    pub aria_scope: String,
}

impl EditRow {
    fn blank(index: usize) -> Self {
        Self::from_row(
            index,
            &RowOut { role: String::new(), profile: String::new(), rights: Vec::new(), scope: String::new() },
        )
    }

    fn from_row(index: usize, row: &RowOut) -> Self {
        let has = |right: Right| row.rights.iter().any(|r| r == right.code());
        Self {
            index,
            role: row.role.clone(),
            profile: row.profile.clone(),
            view: has(Right::View),
            change: has(Right::Change),
            delete: has(Right::Delete),
            scope: row.scope.clone(),
            aria_role: String::new(),
            aria_profile: String::new(),
            aria_rights: String::new(),
            aria_scope: String::new(),
        }
    }
}

/// A matrix row shown read-only.
pub struct ShowRow {
    pub role: &'static str,
    pub profile: String,
    pub rights: String,
    pub scope: &'static str,
}

fn show_row(r: &RowOut) -> ShowRow {
    ShowRow {
        role: t(&format!("role.{}", r.role)),
        profile: r.profile.clone(),
        rights: rights_words(&r.rights),
        scope: t(&format!("access.scope.{}", r.scope)),
    }
}

/// A saved version in the history list.
pub struct HistoryRow {
    pub version: i64,
    pub note: String,
    pub saved: String,
}

fn when(text: &str) -> String {
    text.parse().map_or_else(|_| text.to_owned(), aantoonbaar_app::incidents::moment)
}

#[derive(Template)]
#[template(path = "access_policy.html")]
struct SystemPage {
    layout: Layout,
    state: SystemPolicy,
    classification: &'static str,
    warnings: Vec<&'static str>,
    policy_lines: Vec<(&'static str, String)>,
    matrix: MatrixOut,
    matrix_rows: Vec<ShowRow>,
    saved_line: String,
    history: Vec<HistoryRow>,
    can_manage: bool,
    form: PolicyForm,
    edit_rows: Vec<EditRow>,
    note: String,
    provisionings: Vec<Choice>,
    roles: Vec<Choice>,
    scopes: Vec<Choice>,
    refused: Refused,
}

/// What a refused form asks the page to show again.
enum Again {
    Nothing,
    Policy(Vec<(String, String)>),
    /// The typed pairs, the rows to show, and how many blank rows to add.
    Matrix(Vec<(String, String)>, usize),
}

fn policy_lines(policy: Option<&PolicyOut>) -> Vec<(&'static str, String)> {
    let Some(p) = policy else { return Vec::new() };
    vec![
        (t("access.field.issued_by"), p.issued_by.clone()),
        (t("access.field.provisioning"), t(&format!("access.provisioning.{}", p.provisioning)).to_owned()),
        (t("access.field.two_step"), yes_no(p.two_step).to_owned()),
        (t("access.field.password_rule"), p.password_rule.clone()),
        (t("access.field.review_interval"), interval_words(&p.review_interval)),
        (t("access.field.owner"), p.owner.clone()),
    ]
}

/// The number of matrix rows a posted form holds (`r<index>-…` fields).
fn typed_row_count(pairs: &[(String, String)]) -> usize {
    pairs
        .iter()
        .filter_map(|(k, _)| k.strip_prefix('r').and_then(|rest| rest.split_once('-')).map(|(n, _)| n))
        .filter_map(|n| n.parse::<usize>().ok())
        .max()
        .map_or(0, |n| n + 1)
}

fn typed_rows(pairs: &[(String, String)], extra: usize, refused: &Refused) -> Vec<EditRow> {
    let count = typed_row_count(pairs);
    (0..count + extra)
        .map(|i| {
            let field = |f: &str| entered(pairs, &format!("r{i}-{f}")).to_owned();
            let checked = |f: &str| !field(f).is_empty();
            let error = |f: &str| refused.aria("matrix", &format!("rows[{i}].{f}"), "");
            EditRow {
                index: i,
                role: field("role"),
                profile: field("profile"),
                view: checked("view"),
                change: checked("change"),
                delete: checked("delete"),
                scope: field("scope"),
                aria_role: error("role"),
                aria_profile: error("profile"),
                aria_rights: error("rights"),
                aria_scope: error("scope"),
            }
        })
        .collect()
}

async fn system_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    again: Again,
    refused: Refused,
    status: StatusCode,
) -> PageResult {
    let policy = policy_app::policy(state, staff, id).await?;
    let matrix = matrix_app::matrix(state, staff, id).await?;
    let history = matrix_app::versions(state, staff, id).await?;
    let (form, edit_rows, note) = match &again {
        Again::Nothing => {
            let mut rows: Vec<EditRow> = matrix.rows.iter().enumerate().map(|(i, r)| EditRow::from_row(i, r)).collect();
            let start = rows.len();
            rows.extend((start..start + BLANK_ROWS).map(EditRow::blank));
            (PolicyForm::stored(policy.policy.as_ref()), rows, String::new())
        }
        Again::Policy(pairs) => {
            let mut rows: Vec<EditRow> = matrix.rows.iter().enumerate().map(|(i, r)| EditRow::from_row(i, r)).collect();
            let start = rows.len();
            rows.extend((start..start + BLANK_ROWS).map(EditRow::blank));
            (PolicyForm::typed(pairs), rows, String::new())
        }
        Again::Matrix(pairs, extra) => (
            PolicyForm::stored(policy.policy.as_ref()),
            typed_rows(pairs, *extra, &refused),
            entered(pairs, "note").to_owned(),
        ),
    };
    let choices = |prefix: &str, codes: Vec<&'static str>| {
        codes
            .into_iter()
            .map(|c| Choice { value: c.to_owned(), label: t(&format!("{prefix}.{c}")).to_owned() })
            .collect()
    };
    let saved_line = match (matrix.version, &matrix.saved_at) {
        (Some(v), Some(at)) => tf(
            "access.page.saved_line",
            &[("version", &v.to_string()), ("when", &when(at)), ("by", matrix.saved_by.as_deref().unwrap_or_default())],
        ),
        _ => t("access.warning.no_matrix").to_owned(),
    };
    let page = SystemPage {
        layout: Layout::for_staff(state, staff, &policy.system.name, SYSTEMS),
        classification: classification(&policy),
        warnings: warning_texts(&policy),
        policy_lines: policy_lines(policy.policy.as_ref()),
        matrix_rows: matrix.rows.iter().map(show_row).collect(),
        saved_line,
        history: history
            .iter()
            .map(|h| HistoryRow {
                version: h.version,
                note: h.note.clone().unwrap_or_default(),
                saved: tf("access.page.saved_by", &[("when", &when(&h.saved_at)), ("by", &h.saved_by)]),
            })
            .collect(),
        can_manage: staff.can(Action::AccessPolicyManage),
        form,
        edit_rows,
        note,
        provisionings: choices("access.provisioning", Provisioning::ALL.iter().map(|p| p.code()).collect()),
        roles: choices("role", Role::ALL.iter().map(|r| r.code()).collect()),
        scopes: choices("access.scope", GrantScope::ALL.iter().map(|s| s.code()).collect()),
        refused,
        matrix,
        state: policy,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    system_page(&state, &staff, &id, Again::Nothing, Refused::default(), StatusCode::OK).await
}

/// Saves the policy form.
pub async fn save_policy(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match policy_app::set_policy(&state, &staff, &id, read(pairs.clone())?).await {
        Ok(_) => Ok(Redirect::to(&format!("{SYSTEMS}/{id}#beleid")).into_response()),
        Err(error) => {
            let (status, refused) = refusal("policy", pairs.clone(), error, form_field)?;
            system_page(&state, &staff, &id, Again::Policy(pairs), refused, status).await
        }
    }
}

/// The matrix form as the API's command: the rows that are not left blank
/// (nor ticked to be removed), and for each the form row it came from.
fn matrix_command(pairs: &[(String, String)]) -> (Value, Vec<usize>) {
    let mut rows = Vec::new();
    let mut origin = Vec::new();
    for i in 0..typed_row_count(pairs) {
        let field = |f: &str| entered(pairs, &format!("r{i}-{f}")).trim().to_owned();
        let rights: Vec<&str> = Right::ALL.iter().map(|r| r.code()).filter(|code| !field(code).is_empty()).collect();
        let blank = field("role").is_empty() && field("profile").is_empty() && rights.is_empty();
        if blank || !field("remove").is_empty() {
            continue;
        }
        let mut row = json!({"role": field("role"), "profile": field("profile"), "rights": rights});
        if !field("scope").is_empty() {
            row["scope"] = json!(field("scope"));
        }
        rows.push(row);
        origin.push(i);
    }
    let mut command = json!({"rows": rows});
    let note = entered(pairs, "note").trim();
    if !note.is_empty() {
        command["note"] = json!(note);
    }
    (command, origin)
}

/// Saves the matrix form as a new version, or (the add-row button) shows it
/// again as typed with one more empty row.
pub async fn save_matrix(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    if entered(&pairs, "action") == "add" {
        return system_page(&state, &staff, &id, Again::Matrix(pairs, 1), Refused::default(), StatusCode::OK).await;
    }
    let (command, origin) = matrix_command(&pairs);
    let mut command: aantoonbaar_app::access::matrix::MatrixCommand = serde_json::from_value(command)
        .map_err(|_| crate::error::Problem::bad_request(t("problem.body_unreadable").to_owned()))?;
    command.lines = origin;
    match matrix_app::save_matrix(&state, &staff, &id, command).await {
        Ok(_) => Ok(Redirect::to(&format!("{SYSTEMS}/{id}#matrix")).into_response()),
        Err(error) => {
            let anchor = |_: &str, field: &str| {
                let (index, rest) = field.strip_prefix("rows[")?.split_once("].")?;
                let rest = if rest == "rights" { "view" } else { rest };
                Some(format!("r{index}-{rest}"))
            };
            let (status, refused) = refusal("matrix", pairs.clone(), error, anchor)?;
            system_page(&state, &staff, &id, Again::Matrix(pairs, 0), refused, status).await
        }
    }
}

pub async fn matrix_pdf(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    let file = matrix_app::matrix_pdf(&state, &staff, &id).await?;
    Ok(crate::download::attachment(file.content_type, &file.file_name, file.bytes))
}

// ---------------------------------------------------------------- one version

/// One change since the version before, as the page shows it.
pub struct ChangeRow {
    pub change: &'static str,
    pub before: String,
    pub after: String,
}

fn row_words(row: Option<&RowOut>) -> String {
    row.map(|r| {
        tf(
            "access.page.row_words",
            &[
                ("role", t(&format!("role.{}", r.role))),
                ("profile", &r.profile),
                ("rights", &rights_words(&r.rights)),
                ("scope", t(&format!("access.scope.{}", r.scope))),
            ],
        )
    })
    .unwrap_or_default()
}

fn change_row(c: &ChangeOut) -> ChangeRow {
    ChangeRow {
        change: t(&format!("access.change.{}", c.change)),
        before: row_words(c.before.as_ref()),
        after: row_words(c.after.as_ref()),
    }
}

#[derive(Template)]
#[template(path = "access_policy_version.html")]
struct VersionPage {
    layout: Layout,
    system_id: String,
    heading: String,
    saved_line: String,
    note: String,
    rows: Vec<ShowRow>,
    compared: String,
    changes: Vec<ChangeRow>,
}

pub async fn version(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path((id, version)): Path<(String, String)>,
) -> PageResult {
    let number = version.parse::<i64>().map_err(|_| aantoonbaar_app::Error::NotFound)?;
    let policy = policy_app::policy(&state, &staff, &id).await?;
    let detail = matrix_app::version(&state, &staff, &id, number).await?;
    let heading = tf("access.page.version_title", &[("system", &policy.system.name), ("version", &version)]);
    let page = VersionPage {
        layout: Layout::for_staff(&state, &staff, &heading, SYSTEMS),
        system_id: id,
        saved_line: tf(
            "access.page.saved_by",
            &[
                ("when", &when(detail.matrix.saved_at.as_deref().unwrap_or_default())),
                ("by", detail.matrix.saved_by.as_deref().unwrap_or_default()),
            ],
        ),
        heading,
        note: detail.matrix.note.clone().unwrap_or_default(),
        rows: detail.matrix.rows.iter().map(show_row).collect(),
        compared: detail.previous.map_or_else(
            || t("access.page.first_version").to_owned(),
            |p| tf("access.page.compared", &[("version", &p.to_string())]),
        ),
        changes: detail.changes.iter().map(change_row).collect(),
    };
    Ok(render(&page).into_response())
}
