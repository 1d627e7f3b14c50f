//! The access policy of one information system (seed 001 §13 "Inventarisatie"
//! items 1–6): who issues and revokes its accounts, how (single sign-on, by
//! hand, synchronised from the administration), two-step verification, the
//! password rule, how often the rights are reviewed (default a year, never
//! longer: BIO2 5.18.02) and who owns it. The data the system holds and their
//! classification come from the register and are shown, not copied.
//!
//! Decisions:
//! - A policy is written whole (PUT): every field is required except the
//!   review interval, which defaults to a year.
//! - Two-step verification off for a system with confidential or secret data
//!   is allowed (a system may not offer it) but always shown as a warning
//!   (seed 000: two-step verification enforced).

use super::store;
use crate::error::{Error, FieldError, Result};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::access::matrix::needs_two_step;
use aantoonbaar_rules::access::{
    DEFAULT_REVIEW_INTERVAL, Provisioning, check_review_interval, review_due, review_due_on,
};
use aantoonbaar_rules::retention::Period;
use aantoonbaar_store::access_policies::{AccessPolicy, MatrixHead, PolicyData};
use aantoonbaar_store::parties::InformationSystem;
use aantoonbaar_store::{Actor, BoardStore};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

const LABELS: &[(&str, &str)] = &[
    ("issued_by", "access.field.issued_by"),
    ("provisioning", "access.field.provisioning"),
    ("two_step", "access.field.two_step"),
    ("password_rule", "access.field.password_rule"),
    ("review_interval", "access.field.review_interval"),
    ("owner", "access.field.owner"),
];

fn invalid(errors: Vec<FieldError>) -> Error {
    Error::Invalid(crate::input::labelled(errors, LABELS))
}

/// A system of the caller's board, 404 for another board's.
pub(crate) async fn known_system(board: BoardStore<'_>, id: &str) -> Result<InformationSystem> {
    board.system(id).await?.ok_or(Error::NotFound)
}

// ---------------------------------------------------------------- answers

/// A system as the register describes it (shown beside its policy, never copied).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SystemFacts {
    pub id: String,
    pub name: String,
    pub supplier_name: Option<String>,
    /// What the system holds, in the board's words.
    pub holds: Option<String>,
    /// `public`, `internal`, `confidential` or `secret`; `null` when not classified yet.
    pub classification: Option<String>,
    pub in_use: bool,
}

impl From<&InformationSystem> for SystemFacts {
    fn from(s: &InformationSystem) -> Self {
        Self {
            id: s.id.clone(),
            name: s.data.name.clone(),
            supplier_name: s.supplier_name.clone(),
            holds: s.data.holds.clone(),
            classification: s.data.classification.map(|c| c.code().to_owned()),
            in_use: s.data.in_use,
        }
    }
}

/// Seed 001 §13 items 1–6 as stored.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PolicyOut {
    pub issued_by: String,
    /// `sso`, `manual` or `sync`.
    pub provisioning: String,
    pub two_step: bool,
    pub password_rule: String,
    /// ISO 8601, at most `P1Y`.
    pub review_interval: String,
    pub owner: String,
    pub updated_at: String,
    pub updated_by: String,
}

impl From<&AccessPolicy> for PolicyOut {
    fn from(p: &AccessPolicy) -> Self {
        Self {
            issued_by: p.data.issued_by.clone(),
            provisioning: p.data.provisioning.code().to_owned(),
            two_step: p.data.two_step,
            password_rule: p.data.password_rule.clone(),
            review_interval: p.data.review_interval.to_string(),
            owner: p.data.owner.clone(),
            updated_at: p.updated_at.to_string(),
            updated_by: p.updated_by.clone(),
        }
    }
}

/// A system with its access policy (or none yet) and what is missing.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SystemPolicy {
    pub system: SystemFacts,
    pub policy: Option<PolicyOut>,
    /// The matrix version in force; `null` when none was saved.
    pub matrix_version: Option<i64>,
    /// When the last review campaign over the system closed (`YYYY-MM-DD`).
    pub last_review: Option<String>,
    /// When the next review is due: the review interval after the last one;
    /// absent (due now) when it was never reviewed.
    pub review_due_on: Option<String>,
    /// `no_policy`, `no_matrix`, `two_step_off` (confidential or secret data
    /// without two-step verification), `review_due` (the interval has passed
    /// since the last completed review, or there was none).
    pub warnings: Vec<String>,
}

/// When a system was last reviewed, and the day its state is read on.
#[derive(Debug, Clone, Copy)]
struct Reviewed {
    last: Option<Date>,
    today: Date,
}

/// The day each system's last campaign closed.
async fn reviewed(board: BoardStore<'_>, today: Date) -> Result<impl Fn(&str) -> Reviewed> {
    let last = board.last_reviews().await?;
    Ok(move |system: &str| Reviewed { last: last.iter().find(|(id, _)| id == system).map(|(_, d)| *d), today })
}

fn warnings(system: &InformationSystem, policy: Option<&AccessPolicy>, matrix: Option<i64>) -> Vec<String> {
    let mut out = Vec::new();
    match policy {
        None => out.push("no_policy".to_owned()),
        Some(p) if !p.data.two_step && needs_two_step(system.data.classification) => {
            out.push("two_step_off".to_owned());
        }
        Some(_) => {}
    }
    if matrix.is_none() {
        out.push("no_matrix".to_owned());
    }
    out
}

fn system_policy(
    system: &InformationSystem,
    policy: Option<&AccessPolicy>,
    matrix: Option<i64>,
    reviewed: Reviewed,
) -> SystemPolicy {
    let interval = policy.map_or(DEFAULT_REVIEW_INTERVAL, |p| p.data.review_interval);
    let mut warnings = warnings(system, policy, matrix);
    if review_due(reviewed.last, interval, reviewed.today) {
        warnings.push("review_due".to_owned());
    }
    SystemPolicy {
        system: SystemFacts::from(system),
        policy: policy.map(PolicyOut::from),
        matrix_version: matrix,
        last_review: reviewed.last.map(|d| d.to_string()),
        review_due_on: review_due_on(reviewed.last, interval).map(|d| d.to_string()),
        warnings,
    }
}

/// Every system of the register with its policy state, by name.
///
/// # Errors
/// Forbidden, or the store.
pub async fn overview(app: &App, staff: &Staff) -> Result<Vec<SystemPolicy>> {
    staff.may(Action::AccessPolicyView)?;
    let board = store(app, staff);
    let policies = board.access_policies().await?;
    let heads: Vec<MatrixHead> = board.matrices_in_force().await?;
    let mut systems = board.systems().await?;
    systems.sort_by_key(|s| s.data.name.to_lowercase());
    let reviewed = reviewed(board, app.clock.today()).await?;
    Ok(systems
        .iter()
        .map(|s| {
            let policy = policies.iter().find(|p| p.system_id == s.id);
            let version = heads.iter().find(|h| h.system_id == s.id).map(|h| h.version);
            system_policy(s, policy, version, reviewed(&s.id))
        })
        .collect())
}

/// One system's policy, 404 for a system of another board.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn policy(app: &App, staff: &Staff, system_id: &str) -> Result<SystemPolicy> {
    staff.may(Action::AccessPolicyView)?;
    let board = store(app, staff);
    let system = known_system(board, system_id).await?;
    let policy = board.access_policy(system_id).await?;
    let version = board.matrix_versions(system_id).await?.first().map(|h| h.version);
    let reviewed = reviewed(board, app.clock.today()).await?;
    Ok(system_policy(&system, policy.as_ref(), version, reviewed(system_id)))
}

// ---------------------------------------------------------------- writing

/// A system's access policy, whole: `{issued_by, provisioning, two_step,
/// password_rule, review_interval?, owner}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct PolicyCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// Who issues and revokes the accounts (a role or a person).
    #[schema(value_type = String)]
    pub issued_by: Option<Given<String>>,
    /// `sso` (single sign-on), `manual` (by hand) or `sync` (synchronised from the administration).
    #[schema(value_type = String)]
    pub provisioning: Option<Given<String>>,
    /// Whether signing in needs a second step (a code or an app).
    #[schema(value_type = bool)]
    pub two_step: Option<Given<bool>>,
    /// The password rule, e.g. "at least 12 characters".
    #[schema(value_type = String)]
    pub password_rule: Option<Given<String>>,
    /// ISO 8601, at most a year (`P1Y`, `P6M`); default `P1Y`.
    #[schema(value_type = Option<String>)]
    pub review_interval: Option<Given<String>>,
    /// Who answers for the system's access.
    #[schema(value_type = String)]
    pub owner: Option<Given<String>>,
}

/// Reads a policy command: every wrong field at once.
fn read_policy(command: PolicyCommand) -> Result<PolicyData> {
    let mut errors = command.unknown.errors();
    let issued_by = given_text(&mut errors, "issued_by", command.issued_by, true, TEXT_LIMIT);
    let provisioning = given_text(&mut errors, "provisioning", command.provisioning, true, TEXT_LIMIT);
    let provisioning = crate::input::rule(&mut errors, "provisioning", provisioning, Provisioning::from_code);
    let two_step = crate::input::given_bool(&mut errors, "two_step", command.two_step);
    let password_rule = given_text(&mut errors, "password_rule", command.password_rule, true, TEXT_LIMIT);
    let owner = given_text(&mut errors, "owner", command.owner, true, TEXT_LIMIT);
    let review_interval = match given_text(&mut errors, "review_interval", command.review_interval, false, 40) {
        None => Some(DEFAULT_REVIEW_INTERVAL),
        Some(text) => match text.parse::<Period>() {
            Ok(period) => {
                check_review_interval(period).map_err(|e| errors.push(FieldError::new("review_interval", e.code))).ok()
            }
            Err(e) => {
                errors.push(FieldError::new("review_interval", e.code()));
                None
            }
        },
    };
    let data = (|| {
        Some(PolicyData {
            issued_by: issued_by?,
            provisioning: provisioning?,
            two_step: two_step?,
            password_rule: password_rule?,
            review_interval: review_interval?,
            owner: owner?,
        })
    })();
    done(errors, data).map_err(invalid)
}

/// The fields in which `new` differs from `old` (every field for a new policy).
fn changed_fields(old: Option<&PolicyData>, new: &PolicyData) -> Vec<&'static str> {
    let Some(old) = old else {
        return vec!["issued_by", "provisioning", "two_step", "password_rule", "review_interval", "owner"];
    };
    let mut fields = Vec::new();
    for (field, differs) in [
        ("issued_by", old.issued_by != new.issued_by),
        ("provisioning", old.provisioning != new.provisioning),
        ("two_step", old.two_step != new.two_step),
        ("password_rule", old.password_rule != new.password_rule),
        ("review_interval", old.review_interval != new.review_interval),
        ("owner", old.owner != new.owner),
    ] {
        if differs {
            fields.push(field);
        }
    }
    fields
}

/// Validates and writes a system's policy for `actor`, once the caller's
/// permission is checked (the pages and API through [`set_policy`], the
/// demo board directly); a change that changes nothing stores nothing.
///
/// # Errors
/// Not found, every wrong field (in Dutch, naming the field), or the store.
pub async fn write_policy(
    board: BoardStore<'_>,
    actor: &Actor,
    system_id: &str,
    command: PolicyCommand,
) -> Result<SystemPolicy> {
    let system = known_system(board, system_id).await?;
    let data = read_policy(command)?;
    let current = board.access_policy(system_id).await?;
    let fields = changed_fields(current.as_ref().map(|p| &p.data), &data);
    let stored = if fields.is_empty() {
        current
    } else {
        Some(board.save_access_policy(actor, system_id, &data, &fields).await?)
    };
    let version = board.matrix_versions(system_id).await?.first().map(|h| h.version);
    let reviewed = reviewed(board, aantoonbaar_rules::calendar::dutch_date(actor.at)).await?;
    Ok(system_policy(&system, stored.as_ref(), version, reviewed(system_id)))
}

/// Sets a system's access policy (IBP manager), audited with the fields that changed.
///
/// # Errors
/// Forbidden, not found, every wrong field, or the store.
pub async fn set_policy(app: &App, staff: &Staff, system_id: &str, command: PolicyCommand) -> Result<SystemPolicy> {
    staff.may(Action::AccessPolicyManage)?;
    write_policy(store(app, staff), &staff.actor(), system_id, command).await
}
