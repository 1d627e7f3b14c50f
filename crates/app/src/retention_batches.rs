//! Destruction batches (issue 15): a batch freezes the worklist of a date
//! (for one school, or the whole board) into items; the director and the IBP
//! manager each approve it, in any order, never one person twice; then every
//! system the items name confirms how and when it destroyed them; when the
//! last one does, the batch completes in one transaction: held items stay,
//! the others count as destroyed (`destroyed` for the pupil, off the
//! worklist), and the certificate of destruction is stored with its SHA-256
//! in the audit trail.
//!
//! Decisions:
//! - A director approves a batch only when every item's school (and the
//!   batch's school) is in their scope; a board-wide batch therefore needs a
//!   director whose scope covers every school it holds items of. Outside that
//!   scope the batch answers 404, as every record out of scope.
//! - A hold is checked when the batch completes (not at approval), so a hold
//!   placed after the approvals still counts: an item held that day is not
//!   destroyed, the certificate counts it as kept, and a new batch takes it
//!   once the hold is released.
//! - The certificate's PDF bytes are stored as made at completion; its
//!   SHA-256 is of those bytes, so the certificate served later is byte for
//!   byte the one hashed in the audit trail.
//! - An item for which the register names no system is destroyed in
//!   "Aantoonbaar" itself: the product's pupil record is the only place the
//!   board recorded it.

use crate::error::{Error, FieldError, Result};
use crate::i18n::{t, tf};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text};
use crate::register::export::Download;
use crate::requests::dutch_date;
use crate::retention::{label, worklist};
use crate::{App, Staff};
use aantoonbaar_documents::destruction::{Certificate, Section};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::retention::batch::{Approval, approval_for, complete, destroyed_at_completion, may_approve};
use aantoonbaar_rules::retention::{Category, EndAction, RuleCode};
use aantoonbaar_store::retention_batches::{
    Completion, NewBatch, NewBatchItem, NewConfirmation, Outcome, Slot, StoredBatch,
};
use aantoonbaar_store::{BoardStore, Scope, StoreError};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

/// The system an item is destroyed in when the register names none.
pub const OWN_SYSTEM: &str = "Aantoonbaar";

const LABELS: &[(&str, &str)] = &[
    ("date", "retention.field.date"),
    ("school_id", "retention.field.school_id"),
    ("system", "retention.field.system"),
    ("destroyed_on", "retention.field.destroyed_on"),
    ("method", "retention.field.method"),
];

fn invalid(errors: Vec<FieldError>) -> Error {
    Error::Invalid(crate::input::labelled(errors, LABELS))
}

fn store<'a>(app: &'a App, staff: &'a Staff) -> BoardStore<'a> {
    app.store.board(&staff.principal.board)
}

/// Whether `scope` covers the whole batch: its school and every item's school.
fn in_scope(scope: &Scope, batch: &StoredBatch) -> bool {
    batch.school_id.as_deref().is_none_or(|s| scope.covers_school(s))
        && batch.items.iter().all(|i| scope.covers_school(&i.item.school_id))
}

// ---------------------------------------------------------------- answers

/// One frozen item: whose, which data, due when, what to do, where.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BatchItemOut {
    pub pupil_id: String,
    pub school_id: String,
    pub category: String,
    pub rule: String,
    pub due_date: String,
    pub action: String,
    /// The systems to destroy it in, by name.
    pub systems: Vec<String>,
    /// `null` until the batch completes; then `destroyed` or `held` (a hold kept it).
    pub outcome: Option<String>,
    pub destroyed_on: Option<String>,
}

/// An approval given.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApprovalOut {
    /// `director` or `ibp_manager`.
    pub role: String,
    pub by: String,
    pub name: String,
    pub at: String,
}

/// A system of the batch and its confirmation, once given.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SystemOut {
    pub system: String,
    pub confirmed: bool,
    pub destroyed_on: Option<String>,
    pub method: Option<String>,
    pub confirmed_by: Option<String>,
}

/// The count of one category.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CountOut {
    pub category: String,
    pub action: String,
    pub count: usize,
}

/// A destruction batch.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BatchOut {
    pub id: String,
    /// `null`: the whole board.
    pub school_id: Option<String>,
    /// The date of the worklist it was made from.
    pub date: String,
    /// `awaiting_approval`, `approved` or `completed`.
    pub status: String,
    pub created_by: String,
    pub created_at: String,
    pub approvals: Vec<ApprovalOut>,
    pub items: Vec<BatchItemOut>,
    pub counts: Vec<CountOut>,
    pub systems: Vec<SystemOut>,
    pub completed_on: Option<String>,
    /// The SHA-256 of the certificate of destruction, once completed (also in the audit trail).
    pub certificate_sha256: Option<String>,
}

/// Items per category, in the order of the first item of each.
fn counts(batch: &StoredBatch, only: Option<Outcome>) -> Vec<(Category, EndAction, usize)> {
    let mut out: Vec<(Category, EndAction, usize)> = Vec::new();
    for item in batch.items.iter().filter(|i| only.is_none_or(|o| i.outcome == Some(o))) {
        match out.iter_mut().find(|(c, _, _)| *c == item.item.category) {
            Some(entry) => entry.2 += 1,
            None => out.push((item.item.category, item.item.action, 1)),
        }
    }
    out
}

fn approvals(batch: &StoredBatch) -> Vec<ApprovalOut> {
    [(Approval::Director, &batch.director), (Approval::IbpManager, &batch.manager)]
        .into_iter()
        .filter_map(|(role, given)| {
            given.as_ref().map(|g| ApprovalOut {
                role: role.code().to_owned(),
                by: g.label.clone(),
                name: g.name.clone(),
                at: g.at.to_string(),
            })
        })
        .collect()
}

impl From<&StoredBatch> for BatchOut {
    fn from(b: &StoredBatch) -> Self {
        Self {
            id: b.id.clone(),
            school_id: b.school_id.clone(),
            date: b.worklist_date.to_string(),
            status: b.status.clone(),
            created_by: b.created_by.clone(),
            created_at: b.created_at.to_string(),
            approvals: approvals(b),
            items: b
                .items
                .iter()
                .map(|i| BatchItemOut {
                    pupil_id: i.item.pupil_id.clone(),
                    school_id: i.item.school_id.clone(),
                    category: i.item.category.code().to_owned(),
                    rule: i.item.rule.code().to_owned(),
                    due_date: i.item.due_date.to_string(),
                    action: i.item.action.code().to_owned(),
                    systems: i.item.systems.clone(),
                    outcome: i.outcome.map(|o| {
                        match o {
                            Outcome::Destroyed => "destroyed",
                            Outcome::Held => "held",
                        }
                        .to_owned()
                    }),
                    destroyed_on: i.destroyed_on.map(|d| d.to_string()),
                })
                .collect(),
            counts: counts(b, None)
                .into_iter()
                .map(|(c, a, n)| CountOut { category: c.code().to_owned(), action: a.code().to_owned(), count: n })
                .collect(),
            systems: b
                .systems()
                .into_iter()
                .map(|system| {
                    let c = b.confirmations.iter().find(|c| c.system == system);
                    SystemOut {
                        confirmed: c.is_some(),
                        destroyed_on: c.map(|c| c.destroyed_on.to_string()),
                        method: c.map(|c| c.method.clone()),
                        confirmed_by: c.map(|c| c.confirmed_by.clone()),
                        system,
                    }
                })
                .collect(),
            completed_on: b.completed_on.map(|d| d.to_string()),
            certificate_sha256: b.certificate_sha256.clone(),
        }
    }
}

// ---------------------------------------------------------------- reading

/// The batches the caller may see (a director: those of their school), newest first.
///
/// # Errors
/// Forbidden, or the store.
pub async fn batches(app: &App, staff: &Staff) -> Result<Vec<StoredBatch>> {
    let scope = staff.may(Action::RetentionView)?;
    Ok(store(app, staff).batches().await?.into_iter().filter(|b| in_scope(scope, b)).collect())
}

/// One batch, 404 outside the caller's scope.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn batch(app: &App, staff: &Staff, id: &str) -> Result<StoredBatch> {
    let scope = staff.may(Action::RetentionView)?;
    visible(store(app, staff), scope, id).await
}

async fn visible(board: BoardStore<'_>, scope: &Scope, id: &str) -> Result<StoredBatch> {
    board.batch(id).await?.filter(|b| in_scope(scope, b)).ok_or(Error::NotFound)
}

/// How many batches in the caller's scope wait for an approval the caller
/// may give (for the dashboard); 0 for who gives none.
///
/// # Errors
/// The store.
pub async fn awaiting_my_approval(app: &App, staff: &Staff) -> Result<usize> {
    let Ok(scope) = staff.may(Action::RetentionBatch) else { return Ok(0) };
    let Some(approval) = approval_for(&staff.principal.roles) else { return Ok(0) };
    let mine = staff.principal.user_id.as_str();
    Ok(store(app, staff)
        .batches()
        .await?
        .iter()
        .filter(|b| in_scope(scope, b))
        .filter(|b| {
            let director = b.director.as_ref().and_then(|a| a.user_id.as_deref());
            let manager = b.manager.as_ref().and_then(|a| a.user_id.as_deref());
            may_approve(approval, mine, b.status == "awaiting_approval", director, manager).is_ok()
        })
        .count())
}

// ---------------------------------------------------------------- making one

/// A batch from the worklist: `{date, school_id?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct BatchCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// `YYYY-MM-DD`: every item due on or before it.
    #[schema(value_type = String)]
    pub date: Option<Given<String>>,
    /// One school; absent: every school in the caller's scope.
    #[schema(value_type = Option<String>)]
    pub school_id: Option<Given<String>>,
}

/// Makes a batch of the worklist of `date` (IBP manager; director for their
/// school): every item due then that is neither held nor destroyed nor in
/// another batch not completed yet, frozen as it is now; audited.
///
/// # Errors
/// Forbidden, every wrong field (an empty worklist is `retention.batch.empty`
/// on `date`; a school out of scope `reference.unknown`), or the store.
pub async fn create(app: &App, staff: &Staff, command: BatchCommand) -> Result<StoredBatch> {
    let scope = staff.may(Action::RetentionBatch)?;
    let mut errors = command.unknown.errors();
    let date = given_text(&mut errors, "date", command.date, true, TEXT_LIMIT);
    let date = crate::input::rule(&mut errors, "date", date, parse_iso_date);
    let school = given_text(&mut errors, "school_id", command.school_id, false, TEXT_LIMIT);
    let board = store(app, staff);
    if let Some(id) = &school
        && board.school(scope, id).await?.is_none()
    {
        errors.push(FieldError::new("school_id", "reference.unknown"));
    }
    if school.is_none() && !matches!(scope, Scope::Board) {
        errors.push(FieldError::new("school_id", "field.required"));
    }
    let date: Date = done(errors, date).map_err(invalid)?;
    let list = worklist(app, staff, Some(&date.to_string())).await?;
    let open = board.items_in_open_batches().await?;
    let mut items = Vec::new();
    for w in list.items {
        if school.as_deref().is_some_and(|s| s != w.school_id) {
            continue;
        }
        let category = Category::from_code(&w.category).map_err(|e| Error::internal(&e.code))?;
        if open.iter().any(|(p, c)| *p == w.pupil_id && *c == category) {
            continue;
        }
        let due_date = parse_iso_date(&w.due_date).map_err(|e| Error::internal(&e.code))?;
        let systems = if w.systems.is_empty() { vec![OWN_SYSTEM.to_owned()] } else { w.systems };
        items.push(NewBatchItem {
            pupil_id: w.pupil_id,
            category,
            rule: RuleCode::from_code(&w.rule).map_err(|e| Error::internal(&e.code))?,
            school_id: w.school_id,
            due_date,
            action: EndAction::from_code(&w.action).map_err(|e| Error::internal(&e.code))?,
            systems,
        });
    }
    if items.is_empty() {
        return Err(invalid(vec![FieldError::new("date", "retention.batch.empty")]));
    }
    let batch = NewBatch { school_id: school, worklist_date: date, items };
    Ok(board.create_batch(&staff.actor(), &batch).await?)
}

// ---------------------------------------------------------------- approving

/// Gives the caller's approval: the IBP manager's (ST) or the director's (D),
/// in any order; the same person cannot give both, nor a role twice (409 in
/// Dutch); audited. Both given: the batch is `approved`.
///
/// # Errors
/// Forbidden, not found (also out of scope), a refusal (409), or the store.
pub async fn approve(app: &App, staff: &Staff, id: &str) -> Result<StoredBatch> {
    let scope = staff.may(Action::RetentionBatch)?;
    let board = store(app, staff);
    let batch = visible(board, scope, id).await?;
    let approval = approval_for(&staff.principal.roles).ok_or(Error::Forbidden)?;
    let director = batch.director.as_ref().and_then(|a| a.user_id.as_deref());
    let manager = batch.manager.as_ref().and_then(|a| a.user_id.as_deref());
    may_approve(approval, &staff.principal.user_id, batch.status == "awaiting_approval", director, manager)
        .map_err(|refusal| Error::conflict("id", refusal.code()))?;
    let slot = match approval {
        Approval::Director => Slot::Director,
        Approval::IbpManager => Slot::Manager,
    };
    board.approve_batch(&staff.actor(), id, slot, &staff.principal.name).await.map_err(|e| match e {
        StoreError::WrongState => Error::conflict("id", "retention.batch.already_approved"),
        other => other.into(),
    })
}

// ---------------------------------------------------------------- confirming

/// How and when a system destroyed the batch's items: `{system, destroyed_on, method}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct ConfirmationCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// A system the batch names.
    #[schema(value_type = String)]
    pub system: Option<Given<String>>,
    /// `YYYY-MM-DD`, not after today.
    #[schema(value_type = String)]
    pub destroyed_on: Option<Given<String>>,
    /// How: "verwijderd in ParnasSys door de administratie", "papieren dossier versnipperd".
    #[schema(value_type = String)]
    pub method: Option<Given<String>>,
}

/// Records a system's confirmation of an approved batch (IBP manager;
/// director for their school), audited. The last one completes the batch in
/// the same transaction: items held that day stay (`held`), the others are
/// `destroyed`, and the certificate is stored with its SHA-256 in the audit trail.
///
/// # Errors
/// Forbidden, not found, a batch not approved or a system confirmed already
/// (409), every wrong field, or the store.
pub async fn confirm(app: &App, staff: &Staff, id: &str, command: ConfirmationCommand) -> Result<StoredBatch> {
    let scope = staff.may(Action::RetentionBatch)?;
    let board = store(app, staff);
    let batch = visible(board, scope, id).await?;
    if batch.status != "approved" {
        let code = if batch.status == "completed" { "retention.batch.closed" } else { "retention.batch.not_approved" };
        return Err(Error::conflict("id", code));
    }
    let today = app.clock.today();
    let mut errors = command.unknown.errors();
    let system = given_text(&mut errors, "system", command.system, true, TEXT_LIMIT);
    let destroyed_on = given_text(&mut errors, "destroyed_on", command.destroyed_on, true, TEXT_LIMIT);
    let destroyed_on = crate::input::rule(&mut errors, "destroyed_on", destroyed_on, parse_iso_date);
    let method = given_text(&mut errors, "method", command.method, true, TEXT_LIMIT);
    let systems = batch.systems();
    if let Some(name) = &system
        && !systems.contains(name)
    {
        errors.push(FieldError::new("system", "retention.batch.unknown_system"));
    }
    if destroyed_on.is_some_and(|d| d > today) {
        errors.push(FieldError::new("destroyed_on", "retention.batch.destroyed_in_future"));
    }
    let confirmation = done(
        errors,
        system.zip(destroyed_on).zip(method).map(|((system, destroyed_on), method)| NewConfirmation {
            system,
            destroyed_on,
            method,
        }),
    )
    .map_err(invalid)?;
    if batch.confirmations.iter().any(|c| c.system == confirmation.system) {
        return Err(Error::conflict("system", "retention.batch.system_confirmed"));
    }
    let mut confirmed: Vec<String> = batch.confirmations.iter().map(|c| c.system.clone()).collect();
    confirmed.push(confirmation.system.clone());
    let completion = if complete(&systems, &confirmed) {
        Some(completion(staff, board, &batch, &confirmation, today).await?)
    } else {
        None
    };
    board.confirm_batch(&staff.actor(), id, &confirmation, completion.as_ref()).await.map_err(|e| match e {
        StoreError::Duplicate { .. } => Error::conflict("system", "retention.batch.system_confirmed"),
        StoreError::WrongState => Error::conflict("id", "retention.batch.not_approved"),
        other => other.into(),
    })
}

/// The completion of `batch` with its last confirmation today: which items a
/// hold keeps, and the certificate as it will read.
async fn completion(
    staff: &Staff,
    board: BoardStore<'_>,
    batch: &StoredBatch,
    last: &NewConfirmation,
    today: Date,
) -> Result<Completion> {
    let mut held = Vec::new();
    let mut done_batch = batch.clone();
    let mut pupils: Vec<&str> = batch.items.iter().map(|i| i.item.pupil_id.as_str()).collect();
    pupils.sort_unstable();
    pupils.dedup();
    for pupil in pupils {
        let holds = board.holds_of(pupil).await?;
        for item in batch.items.iter().filter(|i| i.item.pupil_id == pupil) {
            let covering: Vec<_> = holds.iter().filter(|h| h.covers(item.item.category)).map(|h| h.as_rule()).collect();
            if !destroyed_at_completion(&covering, today) {
                held.push((pupil.to_owned(), item.item.category));
            }
        }
    }
    let last_day = batch.confirmations.iter().map(|c| c.destroyed_on).chain([last.destroyed_on]).max();
    for item in &mut done_batch.items {
        if held.iter().any(|(p, c)| *p == item.item.pupil_id && *c == item.item.category) {
            item.outcome = Some(Outcome::Held);
        } else {
            item.outcome = Some(Outcome::Destroyed);
            item.destroyed_on = last_day;
        }
    }
    done_batch.confirmations.push(aantoonbaar_store::retention_batches::Confirmation {
        system: last.system.clone(),
        destroyed_on: last.destroyed_on,
        method: last.method.clone(),
        confirmed_by: staff.principal.email.clone(),
        confirmed_at: staff.now,
    });
    done_batch.confirmations.sort_by(|a, b| a.system.cmp(&b.system));
    done_batch.completed_on = Some(today);
    let school = match &batch.school_id {
        Some(id) => Some(board.school(&Scope::Board, id).await?.map(|s| s.name).unwrap_or_default()),
        None => None,
    };
    let document = certificate_document(&staff.principal.board_name, school.as_deref(), &done_batch);
    let bytes = crate::blocking(move || aantoonbaar_documents::destruction::certificate(&document))
        .await?
        .map_err(|e| Error::internal(&e))?;
    let sha256 = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    Ok(Completion { completed_on: today, held, certificate: bytes, sha256 })
}

/// The certificate of a completed batch as a document: the board, the batch,
/// who approved when, per category the count and the action, the items a hold
/// kept (a count), per system the confirmation; never a pupil or content.
#[must_use]
pub fn certificate_document(board_name: &str, school: Option<&str>, batch: &StoredBatch) -> Certificate {
    let c = |key: &str| t(&format!("retention.certificate.{key}")).to_owned();
    let completed = batch.completed_on.map(dutch_date).unwrap_or_default();
    let statement =
        tf("retention.certificate.statement", &[("board", board_name), ("date", &completed), ("id", &batch.id)]);
    let mut about = vec![
        (c("board"), board_name.to_owned()),
        (c("school"), school.map_or_else(|| c("all_schools"), str::to_owned)),
        (c("batch"), batch.id.clone()),
        (c("worklist_date"), dutch_date(batch.worklist_date)),
        (c("completed_on"), completed),
    ];
    about.push((c("created_by"), batch.created_by.clone()));
    let approval_rows = [("director", &batch.director), ("ibp_manager", &batch.manager)]
        .into_iter()
        .map(|(role, given)| {
            let value = given.as_ref().map_or_else(
                || c("not_given"),
                |g| {
                    let day = aantoonbaar_rules::calendar::dutch_date(g.at);
                    tf(
                        "retention.certificate.approved_by",
                        &[("name", &g.name), ("email", &g.label), ("date", &dutch_date(day))],
                    )
                },
            );
            (c(&format!("approval.{role}")), value)
        })
        .collect();
    let mut destroyed: Vec<(String, String)> = counts(batch, Some(Outcome::Destroyed))
        .into_iter()
        .map(|(category, action, n)| {
            (
                label("category", category.code()).to_owned(),
                tf(
                    "retention.certificate.count",
                    &[("count", &n.to_string()), ("action", label("action", action.code()))],
                ),
            )
        })
        .collect();
    if destroyed.is_empty() {
        destroyed.push((c("nothing_destroyed"), String::new()));
    }
    let held: usize = counts(batch, Some(Outcome::Held)).iter().map(|(_, _, n)| n).sum();
    if held > 0 {
        destroyed.push((c("held"), held.to_string()));
    }
    let systems = batch
        .confirmations
        .iter()
        .map(|s| {
            (
                s.system.clone(),
                tf(
                    "retention.certificate.confirmed",
                    &[("date", &dutch_date(s.destroyed_on)), ("method", &s.method), ("by", &s.confirmed_by)],
                ),
            )
        })
        .collect();
    Certificate {
        title: c("title"),
        statement,
        sections: vec![
            Section { title: c("about"), rows: about },
            Section { title: c("approvals"), rows: approval_rows },
            Section { title: c("categories"), rows: destroyed },
            Section { title: c("systems"), rows: systems },
            Section { title: c("note_title"), rows: vec![(c("note"), String::new())] },
        ],
    }
}

/// The certificate of destruction of a completed batch, as stored at completion.
///
/// # Errors
/// Forbidden, not found (also a batch not completed yet), or the store.
pub async fn certificate(app: &App, staff: &Staff, id: &str) -> Result<Download> {
    let scope = staff.may(Action::RetentionView)?;
    let board = store(app, staff);
    let batch = visible(board, scope, id).await?;
    let (bytes, _) = board.batch_certificate(&batch.id).await?.ok_or(Error::NotFound)?;
    Ok(Download {
        bytes,
        content_type: "application/pdf",
        file_name: format!("verklaring-van-vernietiging-{}.pdf", batch.worklist_date),
    })
}
