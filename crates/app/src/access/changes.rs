//! Joiners, movers and leavers (seed 001 §13: "Middels een
//! wijzigingsformulier [...] kan een medewerker de wijzigingen doorgeven";
//! "Bij beëindiging van het dienstverband wordt het account op de
//! eerstvolgende werkdag volgend op de datum van uittreding verwijderd op
//! last van de directeur"): a change per person, requested by someone the
//! policy table allows, approved by another, carried out per system with who,
//! when and the evidence. A leaver's change is written from the end date
//! (see `staff_list`); the daily job disables their Aantoonbaar account.

use super::{addresses, equated, remove_by, store, told_of_leaver, works_at};
use crate::error::{Error, FieldError, Result};
use crate::i18n::tf;
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, one_or_many, rule};
use crate::mail::Mail;
use crate::{App, Staff};
use aantoonbaar_import::lists::parse_roles;
use aantoonbaar_rules::access::{ChangeKind, ChangeStatus, LeaverStatus, leaver_status, percentage, removed_on_time};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::{Action, Role};
use aantoonbaar_store::staff::{AccessChange, ChangeFilter, NewChange};
use aantoonbaar_store::{Actor, NewMail, Scope, StoreError, User};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

const LABELS: &[(&str, &str)] = &[
    ("ended", "access.field.ended"),
    ("date", "access.field.date"),
    ("staff_id", "access.field.staff_id"),
    ("kind", "access.field.kind"),
    ("effective_on", "access.field.effective_on"),
    ("to_school_id", "access.field.to_school_id"),
    ("roles_after", "access.field.roles_after"),
    ("note", "access.field.note"),
    ("systems", "access.field.systems"),
    ("system_id", "access.field.system_id"),
    ("evidence", "access.field.evidence"),
];

fn invalid(errors: Vec<FieldError>) -> Error {
    Error::Invalid(crate::input::labelled(errors, LABELS))
}

/// `field` as a date `YYYY-MM-DD`, required.
fn required_date(field: &str, value: Option<&str>) -> Result<Date> {
    match value.map(str::trim).filter(|v| !v.is_empty()).map(parse_iso_date) {
        Some(Ok(day)) => Ok(day),
        Some(Err(e)) => Err(invalid(vec![FieldError::new(field, e.code)])),
        None => Err(invalid(vec![FieldError::new(field, "field.required")])),
    }
}

/// The answer to `GET /api/v1/deadlines/leaver`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LeaverDeadline {
    /// The last day of employment, `YYYY-MM-DD`.
    pub ended: String,
    /// The first working day after it, `YYYY-MM-DD`.
    pub remove_by: String,
}

/// When a leaver's accounts must be gone: the first working day after
/// `ended`, past weekends, public holidays and the board's equated days.
///
/// # Errors
/// `ended` missing or no date, or the store.
pub async fn leaver_deadline(app: &App, staff: &Staff, ended: Option<&str>) -> Result<LeaverDeadline> {
    let ended = required_date("ended", ended)?;
    let equated = equated(store(app, staff)).await?;
    Ok(LeaverDeadline { ended: ended.to_string(), remove_by: remove_by(ended, &equated).to_string() })
}

/// A leaver on the reference date.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LeaverOut {
    pub staff_id: String,
    pub name: String,
    pub school_id: Option<String>,
    /// The last day of employment.
    pub ended: String,
    pub remove_by: String,
    /// `due`, `late` or `done`.
    pub status: String,
    /// The day the last removal was recorded, when done.
    pub removed_on: Option<String>,
    /// Whether the removal met the deadline (done ones only).
    pub on_time: Option<bool>,
    pub change_id: Option<String>,
    /// When Aantoonbaar's own account was disabled (RFC 3339).
    pub own_account_disabled_at: Option<String>,
}

/// The leavers list with the share removed on time.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Leavers {
    /// The reference date, `YYYY-MM-DD`.
    pub date: String,
    pub items: Vec<LeaverOut>,
    /// Of the leavers whose deadline has passed by `date`, the share removed
    /// by the deadline, computed from the recorded removals (absent when none).
    pub on_time_percent: Option<u8>,
}

/// Everyone in the caller's scope with an end date, with where their
/// removal stands on `date` (default: today).
///
/// # Errors
/// Forbidden, a wrong `date`, or the store.
pub async fn leavers(app: &App, staff: &Staff, date: Option<&str>) -> Result<Leavers> {
    let scope = staff.may(Action::StaffView)?;
    let date = match date.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => required_date("date", Some(d))?,
        None => app.clock.today(),
    };
    let board = store(app, staff);
    let equated = equated(board).await?;
    let mut items = Vec::new();
    let (mut past, mut on_time) = (0, 0);
    for leaver in board.leavers(scope).await? {
        let by = remove_by(leaver.ended, &equated);
        let status = leaver_status(by, leaver.removed_on, date);
        let timely = leaver.removed_on.map(|removed| removed_on_time(by, removed));
        if by < date {
            past += 1;
            if leaver.removed_on.is_some_and(|removed| removed <= by) {
                on_time += 1;
            }
        }
        items.push(LeaverOut {
            staff_id: leaver.staff_id,
            name: leaver.name,
            school_id: leaver.school_id,
            ended: leaver.ended.to_string(),
            remove_by: by.to_string(),
            status: status.code().to_owned(),
            removed_on: leaver.removed_on.filter(|_| status == LeaverStatus::Done).map(|d| d.to_string()),
            on_time: timely.filter(|_| status == LeaverStatus::Done),
            change_id: leaver.change_id,
            own_account_disabled_at: leaver.own_account_disabled_at.map(|t| t.to_string()),
        });
    }
    Ok(Leavers { date: date.to_string(), items, on_time_percent: percentage(on_time, past) })
}

/// A step of a change as shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StepOut {
    pub system_id: String,
    pub system_name: String,
    pub done: bool,
    pub done_on: Option<String>,
    pub done_by: Option<String>,
    pub evidence: Option<String>,
}

/// An access change as shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChangeOut {
    pub id: String,
    pub staff_id: String,
    pub staff_name: String,
    /// `join`, `move` or `leave`.
    pub kind: String,
    pub effective_on: String,
    pub due_on: String,
    /// `requested`, `approved`, `done` or `cancelled`.
    pub status: String,
    /// Open past its due day.
    pub late: bool,
    pub from_school_id: Option<String>,
    pub to_school_id: Option<String>,
    pub roles_before: Option<Vec<String>>,
    pub roles_after: Option<Vec<String>>,
    pub note: Option<String>,
    pub automatic: bool,
    pub requested_by: String,
    pub approved_by: Option<String>,
    pub done_on: Option<String>,
    pub own_account_disabled_at: Option<String>,
    pub steps: Vec<StepOut>,
}

fn codes(roles: Option<&Vec<Role>>) -> Option<Vec<String>> {
    roles.map(|roles| roles.iter().map(|r| r.code().to_owned()).collect())
}

impl ChangeOut {
    #[must_use]
    pub fn new(change: &AccessChange, today: Date) -> Self {
        Self {
            id: change.id.clone(),
            staff_id: change.staff_id.clone(),
            staff_name: change.staff_name.clone(),
            kind: change.kind.code().to_owned(),
            effective_on: change.effective_on.to_string(),
            due_on: change.due_on.to_string(),
            status: change.status.code().to_owned(),
            late: change.status.is_open() && today > change.due_on,
            from_school_id: change.from_school_id.clone(),
            to_school_id: change.to_school_id.clone(),
            roles_before: codes(change.roles_before.as_ref()),
            roles_after: codes(change.roles_after.as_ref()),
            note: change.note.clone(),
            automatic: change.automatic,
            requested_by: change.requested_by.clone(),
            approved_by: change.approved_by.clone(),
            done_on: change.done_on.map(|d| d.to_string()),
            own_account_disabled_at: change.own_account_disabled_at.map(|t| t.to_string()),
            steps: change
                .steps
                .iter()
                .map(|s| StepOut {
                    system_id: s.system_id.clone(),
                    system_name: s.system_name.clone(),
                    done: s.done_at.is_some(),
                    done_on: s.done_on.map(|d| d.to_string()),
                    done_by: s.done_by.clone(),
                    evidence: s.evidence.clone(),
                })
                .collect(),
        }
    }
}

/// Whether a change is about someone in `scope` (a school scope: the
/// person's school, or the school a mover goes to).
fn in_scope(scope: &Scope, change: &AccessChange) -> bool {
    match scope {
        Scope::Board => true,
        scope => [change.school_id.as_deref(), change.to_school_id.as_deref()]
            .into_iter()
            .flatten()
            .any(|school| scope.covers_school(school)),
    }
}

/// The changes in the caller's scope, open ones only with `open`.
///
/// # Errors
/// Forbidden, or the store.
pub async fn list(app: &App, staff: &Staff, open: bool) -> Result<Vec<ChangeOut>> {
    let scope = staff.may(Action::StaffView)?;
    let today = app.clock.today();
    let changes = store(app, staff).access_changes(ChangeFilter { open, ..ChangeFilter::default() }).await?;
    Ok(changes.iter().filter(|c| in_scope(scope, c)).map(|c| ChangeOut::new(c, today)).collect())
}

async fn one(app: &App, staff: &Staff, scope: &Scope, id: &str) -> Result<AccessChange> {
    let change =
        store(app, staff).access_changes(ChangeFilter { id: Some(id), ..ChangeFilter::default() }).await?.pop();
    change.filter(|c| in_scope(scope, c)).ok_or(Error::NotFound)
}

/// One change.
///
/// # Errors
/// Forbidden, not found (also outside the caller's scope), or the store.
pub async fn get(app: &App, staff: &Staff, id: &str) -> Result<ChangeOut> {
    let scope = staff.may(Action::StaffView)?;
    Ok(ChangeOut::new(&one(app, staff, scope, id).await?, app.clock.today()))
}

/// A joiner's or mover's change: `{staff_id, kind: join|move, effective_on,
/// to_school_id?, roles_after?: [code], note?, systems: [id]}`. A leaver's
/// change comes from the end date on the staff list, not from this form.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RequestChange {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub staff_id: Option<Given<String>>,
    /// `join` or `move`.
    #[schema(value_type = String)]
    pub kind: Option<Given<String>>,
    /// `YYYY-MM-DD`: the first day (join) or the day of the move.
    #[schema(value_type = String)]
    pub effective_on: Option<Given<String>>,
    /// For a move to another school.
    #[schema(value_type = String)]
    pub to_school_id: Option<Given<String>>,
    /// For a move to other roles: the roles after it.
    #[serde(default, deserialize_with = "one_or_many")]
    pub roles_after: Vec<String>,
    #[schema(value_type = String)]
    pub note: Option<Given<String>>,
    /// The systems in which accounts are to be made or changed (a mover's
    /// current systems are added by themselves).
    #[serde(default, deserialize_with = "one_or_many")]
    pub systems: Vec<String>,
}

/// A validated request.
#[derive(Debug, Clone)]
pub struct ChangeRequest {
    pub staff_id: String,
    pub kind: ChangeKind,
    pub effective_on: Date,
    pub to_school_id: Option<String>,
    pub roles_after: Option<Vec<Role>>,
    pub note: Option<String>,
    pub systems: Vec<String>,
}

impl RequestChange {
    /// Every field by its rule; a move changes the school or the roles.
    ///
    /// # Errors
    /// Every wrong field.
    pub fn validate(self) -> Result<ChangeRequest, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let staff_id = given_text(&mut errors, "staff_id", self.staff_id, true, TEXT_LIMIT);
        let kind = given_text(&mut errors, "kind", self.kind, true, TEXT_LIMIT);
        let kind = rule(&mut errors, "kind", kind, ChangeKind::from_code);
        if kind == Some(ChangeKind::Leave) {
            errors.push(FieldError::new("kind", "access.change.leave_from_end_date"));
        }
        let effective = given_text(&mut errors, "effective_on", self.effective_on, true, TEXT_LIMIT);
        let effective_on = rule(&mut errors, "effective_on", effective, parse_iso_date);
        let to_school_id = given_text(&mut errors, "to_school_id", self.to_school_id, false, TEXT_LIMIT);
        let roles_after = if self.roles_after.iter().all(|r| r.trim().is_empty()) {
            None
        } else {
            rule(&mut errors, "roles_after", Some(self.roles_after.join(",")), parse_roles)
        };
        let note = given_text(&mut errors, "note", self.note, false, TEXT_LIMIT);
        if kind == Some(ChangeKind::Move) && to_school_id.is_none() && roles_after.is_none() {
            errors.push(FieldError::new("to_school_id", "access.change.move_without_change"));
        }
        let systems: Vec<String> =
            self.systems.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
        if kind == Some(ChangeKind::Join) && systems.is_empty() {
            errors.push(FieldError::new("systems", "access.change.join_without_systems"));
        }
        let request = match (staff_id, kind, effective_on) {
            (Some(staff_id), Some(kind), Some(effective_on)) => {
                Some(ChangeRequest { staff_id, kind, effective_on, to_school_id, roles_after, note, systems })
            }
            _ => None,
        };
        done(errors, request)
    }
}

/// The people who carry out a change for `school`: the IBP managers and the
/// school's ICT administrators (seed 001 §13).
fn carriers(users: &[User], school: Option<&str>) -> Vec<String> {
    addresses(users, |u| u.roles.contains(&Role::St) || (u.roles.contains(&Role::Bs) && works_at(u, school)))
}

/// The mail that asks to carry out an approved change.
fn carry_out_mails(app: &App, users: &[User], name: &str, school: Option<&str>, due: Date) -> Vec<NewMail> {
    let link = app.link("/toegang/wijzigingen");
    let args = [("name", name), ("due", &crate::requests::dutch_date(due)), ("link", link.as_str())];
    let subject = tf("access.mail.change_subject", &args);
    let body = tf("access.mail.change_body", &args);
    carriers(users, school)
        .iter()
        .map(|to| Mail { to, subject: &subject, body: &body, sensitive: false }.to_new())
        .collect()
}

/// The mail that asks the IBP managers to approve a director's request.
fn approval_mails(app: &App, users: &[User], name: &str, requester: &Staff) -> Vec<NewMail> {
    let link = app.link("/toegang/wijzigingen");
    let args = [("name", name), ("by", requester.principal.email.as_str()), ("link", link.as_str())];
    let subject = tf("access.mail.approve_subject", &args);
    let body = tf("access.mail.approve_body", &args);
    let to = addresses(users, |u| u.roles.contains(&Role::St) && u.id != requester.principal.user_id);
    to.iter().map(|to| Mail { to, subject: &subject, body: &body, sensitive: false }.to_new()).collect()
}

/// Requests a joiner's or mover's change. The IBP manager's requests are
/// approved at once (ST keeps the authorisation table, seed 001 §13); a
/// director's wait for another approver. A mover's current systems are
/// listed by themselves: the move reviews the old rights.
///
/// # Errors
/// Forbidden, every wrong field, a person outside the caller's scope (not
/// found), or the store.
pub async fn request(app: &App, staff: &Staff, command: RequestChange) -> Result<ChangeOut> {
    let scope = staff.may(Action::AccessChangeRequest)?;
    let request = command.validate().map_err(invalid)?;
    let board = store(app, staff);
    let member = board
        .staff_member(scope, &request.staff_id)
        .await?
        .ok_or_else(|| invalid(vec![FieldError::new("staff_id", "reference.unknown")]))?;
    if let Some(to) = &request.to_school_id
        && board.school(&Scope::Board, to).await?.is_none()
    {
        return Err(invalid(vec![FieldError::new("to_school_id", "reference.unknown")]));
    }
    // A joiner who has still to sign waits, even on the IBP manager's request.
    let unsigned = request.kind == ChangeKind::Join
        && !crate::policy_documents::unsigned_titles(board, &member.id).await?.is_empty();
    let approved = *scope == Scope::Board && !unsigned;
    let users = board.users(&Scope::Board).await?;
    let school = request.to_school_id.as_deref().or(member.data.school_id.as_deref());
    let mails = if approved {
        carry_out_mails(app, &users, &member.name(), school, request.effective_on)
    } else if *scope == Scope::Board {
        Vec::new()
    } else {
        approval_mails(app, &users, &member.name(), staff)
    };
    let change = NewChange {
        staff_id: request.staff_id,
        kind: request.kind,
        effective_on: request.effective_on,
        due_on: request.effective_on,
        to_school_id: request.to_school_id,
        roles_after: request.roles_after,
        note: request.note,
        systems: request.systems,
        approved,
        mails,
    };
    let stored = board.request_change(&staff.actor(), &change).await.map_err(|e| match e {
        StoreError::BadReference { .. } => invalid(vec![FieldError::new("systems", "reference.unknown")]),
        other => other.into(),
    })?;
    Ok(ChangeOut::new(&stored, app.clock.today()))
}

/// Approves a change someone else requested (the IBP manager may approve
/// their own, which waited only for the joiner's signatures). A joiner's
/// change waits until they signed the code of conduct and the
/// confidentiality statement in force (seed 001 §14.8; seed 002 §8.1.2:
/// new staff sign before their access goes ahead).
///
/// # Errors
/// Forbidden, not found, a director's own request
/// (`access.change.own_request`), a joiner who has not signed
/// (`access.change.not_signed`), not waiting for approval, or the store.
pub async fn approve(app: &App, staff: &Staff, id: &str) -> Result<ChangeOut> {
    let scope = staff.may(Action::AccessChangeRequest)?;
    let change = one(app, staff, scope, id).await?;
    if change.requested_by_id.as_deref() == Some(staff.principal.user_id.as_str()) && *scope != Scope::Board {
        return Err(Error::conflict("id", "access.change.own_request"));
    }
    let board = store(app, staff);
    if change.kind == ChangeKind::Join
        && !crate::policy_documents::unsigned_titles(board, &change.staff_id).await?.is_empty()
    {
        return Err(Error::conflict("staff_id", "access.change.not_signed"));
    }
    let users = board.users(&Scope::Board).await?;
    let school = change.to_school_id.as_deref().or(change.school_id.as_deref());
    let mails = carry_out_mails(app, &users, &change.staff_name, school, change.due_on);
    let stored = board.approve_change(&staff.actor(), id, &mails).await?;
    Ok(ChangeOut::new(&stored, app.clock.today()))
}

/// That a change was carried out in one system: `{system_id, evidence}`
/// (what was done and where it shows, e.g. "account verwijderd, ticket 4711").
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RecordStep {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub system_id: Option<Given<String>>,
    #[schema(value_type = String)]
    pub evidence: Option<Given<String>>,
}

/// Records a step; the change is done when every system is.
///
/// # Errors
/// Forbidden, not found, every wrong field, a change not approved
/// (`record.wrong_state`), or the store.
pub async fn record_step(app: &App, staff: &Staff, id: &str, command: RecordStep) -> Result<ChangeOut> {
    let scope = staff.may(Action::AccessChangeCarryOut)?;
    let mut errors = command.unknown.errors();
    let system_id = given_text(&mut errors, "system_id", command.system_id, true, TEXT_LIMIT);
    let evidence = given_text(&mut errors, "evidence", command.evidence, true, TEXT_LIMIT);
    let (system_id, evidence) = done(errors, system_id.zip(evidence)).map_err(invalid)?;
    one(app, staff, scope, id).await?;
    let stored = store(app, staff)
        .record_change_step(&staff.actor(), id, &system_id, &evidence, app.clock.today())
        .await
        .map_err(|e| match e {
            StoreError::BadReference { .. } => invalid(vec![FieldError::new("system_id", "reference.unknown")]),
            other => other.into(),
        })?;
    Ok(ChangeOut::new(&stored, app.clock.today()))
}

/// Cancels an open change (a leaver's is cancelled by clearing the end date).
///
/// # Errors
/// Forbidden, not found, a leaver's change (`access.change.leave_from_end_date`),
/// not open, or the store.
pub async fn cancel(app: &App, staff: &Staff, id: &str) -> Result<ChangeOut> {
    let scope = staff.may(Action::AccessChangeRequest)?;
    let change = one(app, staff, scope, id).await?;
    if change.kind == ChangeKind::Leave {
        return Err(Error::conflict("kind", "access.change.leave_from_end_date"));
    }
    if change.status == ChangeStatus::Done {
        return Err(Error::conflict("id", "record.wrong_state"));
    }
    let stored = store(app, staff).cancel_change(&staff.actor(), id).await?;
    Ok(ChangeOut::new(&stored, app.clock.today()))
}

/// The daily job's work for every board: the Aantoonbaar accounts of people
/// whose employment ended are disabled from the day after their last day,
/// which is never after the removal deadline. How many were disabled.
///
/// # Errors
/// When the store cannot be read or written.
pub async fn disable_leaver_accounts(app: &App) -> Result<u64, StoreError> {
    let today = app.clock.today();
    let actor = Actor { user_id: None, label: "jobs".to_owned(), ip: None, at: app.clock.now() };
    let mut disabled = 0;
    for board in app.store.boards_with_leaver_accounts(today).await? {
        let accounts = app.store.board(&board).disable_leaver_accounts(&actor, today).await?;
        disabled += u64::try_from(accounts.len()).unwrap_or(u64::MAX);
    }
    Ok(disabled)
}

/// The daily job's other work: a leaver whose removal is still open the day
/// after its deadline is late (seed 001 §13), and those [`told_of_leaver`]
/// names hear it once. How many were told.
///
/// # Errors
/// When the store cannot be read or written.
pub async fn tell_late_leavers(app: &App) -> Result<u64, StoreError> {
    let mut told = 0;
    let mut users: Option<(aantoonbaar_store::BoardId, Vec<User>)> = None;
    for late in app.store.late_leavers(app.clock.today()).await? {
        let board = app.store.board(&late.board_id);
        if users.as_ref().is_none_or(|(id, _)| *id != late.board_id) {
            users = Some((late.board_id.clone(), board.users(&Scope::Board).await?));
        }
        let staff = users.as_ref().map_or(&[][..], |(_, u)| u.as_slice());
        let to = told_of_leaver(staff, late.school_id.as_deref());
        let link = app.link(&format!("/toegang/wijzigingen/{}", late.change_id));
        let by = crate::requests::dutch_date(late.remove_by);
        let args = [("name", late.staff_name.as_str()), ("remove_by", by.as_str()), ("link", link.as_str())];
        let (subject, body) = (tf("access.mail.late_subject", &args), tf("access.mail.late_body", &args));
        let mails: Vec<NewMail> =
            to.iter().map(|to| Mail { to, subject: &subject, body: &body, sensitive: false }.to_new()).collect();
        if board.tell_late_leaver(&late.change_id, &mails, app.clock.now()).await? {
            told += 1;
        }
    }
    Ok(told)
}
