//! The pre-DPIA (seed 004, "Aanschaf nieuwe software"): before a teacher uses
//! new software in class, they ask. The request runs the DPIA screening
//! ([`crate::dpia::assess`], pupils as the subjects) and looks the supplier up
//! in the board's register (known? a processor agreement in force?); both are
//! kept as they were at submission. The IBP manager or the FG answers yes, no
//! or yes with conditions. Notices carry the app's name and a link, never
//! pupil data. [`reminders`] mails them once when a request has waited
//! [`REMINDER_AFTER_WORKING_DAYS`] working days.

pub mod reminders;

use crate::dpia::{ScreenDpia, assess};
use crate::error::{Error, FieldError, Result};
use crate::i18n::{t, tf};
use crate::mail::Mail;
use crate::people::to_responsible;
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::dpia::Technique;
use aantoonbaar_rules::register::{DataCategory, SubjectCategory};
use aantoonbaar_store::pre_dpias::{NewPreDpia, PreDpia, PreDpiaStatus};
use aantoonbaar_store::{BoardStore, NewMail, Scope, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A request waits this many working days before the reminder.
pub const REMINDER_AFTER_WORKING_DAYS: i64 = 5;

const TEXT_LIMIT: usize = 2000;
const NAME_LIMIT: usize = 200;

const LABELS: &[(&str, &str)] = &[
    ("app_name", "predpia.field.app_name"),
    ("website", "predpia.field.website"),
    ("purpose", "predpia.field.purpose"),
    ("data_categories", "predpia.field.data_categories"),
    ("supplier", "predpia.field.supplier"),
    ("groups", "predpia.field.groups"),
    ("pupil_count", "predpia.field.pupil_count"),
    ("techniques", "predpia.field.techniques"),
    ("decision", "predpia.field.decision"),
    ("text", "predpia.field.text"),
];

/// Every error with its field named as its label reads.
#[must_use]
pub fn named(errors: Vec<FieldError>) -> Vec<FieldError> {
    crate::input::labelled(errors, LABELS)
}

/// A teacher's request: "I want to use this app in my class".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PreDpiaCommand {
    #[serde(default)]
    pub app_name: String,
    #[serde(default)]
    pub website: Option<String>,
    /// What the app does.
    #[serde(default)]
    pub purpose: String,
    /// Which pupil data it needs: the register's codes (`identification, contact, results, …`).
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    pub data_categories: Vec<DataCategory>,
    /// The supplier's name, looked up in the board's register (case-insensitive).
    #[serde(default)]
    pub supplier: String,
    /// Which group(s).
    #[serde(default)]
    pub groups: Option<String>,
    /// How many pupils.
    #[serde(default)]
    pub pupil_count: Option<u32>,
    /// The screening's techniques (`scoring_performance, new_technology, …`).
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    pub techniques: Vec<Technique>,
}

fn text(errors: &mut Vec<FieldError>, field: &str, value: &str, required: &str, limit: usize) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.push(FieldError::new(field, required));
    } else if value.chars().count() > limit {
        errors.push(FieldError::new(field, "predpia.too_long"));
    }
    value.to_owned()
}

fn optional(errors: &mut Vec<FieldError>, field: &str, value: Option<&str>) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    if value.chars().count() > NAME_LIMIT {
        errors.push(FieldError::new(field, "predpia.too_long"));
    }
    Some(value.to_owned())
}

/// The supplier as the register knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct SupplierLookup {
    /// The name as the teacher typed it.
    pub name: String,
    /// In the board's register.
    pub known: bool,
    pub supplier_id: Option<String>,
    /// A processor agreement was in force at submission.
    pub agreement_in_force: bool,
    /// The above in one Dutch sentence.
    pub status: String,
}

/// A request with its screening, the supplier lookup and the answer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PreDpiaView {
    pub id: String,
    pub requester_id: String,
    pub requester_name: String,
    pub school_id: Option<String>,
    pub app_name: String,
    /// The teacher's answers, as sent.
    #[schema(value_type = Object)]
    pub answers: serde_json::Value,
    /// The screening: `required`, `not_required`.
    pub outcome: String,
    /// The outcome in one Dutch sentence.
    pub summary: String,
    /// The screening's reasons (code, source, source_name, applies, text).
    #[schema(value_type = Vec<Object>)]
    pub reasons: serde_json::Value,
    pub supplier: SupplierLookup,
    /// `waiting, approved, approved_with_conditions, rejected`
    pub status: &'static str,
    pub status_label: &'static str,
    /// The conditions, or the reason of a no.
    pub answer_text: Option<String>,
    pub answered_by: Option<String>,
    #[schema(value_type = Option<String>)]
    pub answered_at: Option<jiff::Timestamp>,
    #[schema(value_type = Option<String>)]
    pub reminded_at: Option<jiff::Timestamp>,
    #[schema(value_type = String)]
    pub created_at: jiff::Timestamp,
}

fn supplier_status(known: bool, in_force: bool) -> String {
    t(match (known, in_force) {
        (true, true) => "predpia.supplier.agreement",
        (true, false) => "predpia.supplier.no_agreement",
        (false, _) => "predpia.supplier.unknown",
    })
    .to_owned()
}

fn view(p: PreDpia) -> PreDpiaView {
    let name = p.data.answers.get("supplier").and_then(serde_json::Value::as_str).unwrap_or_default().to_owned();
    let known = p.data.supplier_id.is_some();
    PreDpiaView {
        supplier: SupplierLookup {
            name,
            known,
            supplier_id: p.data.supplier_id.clone(),
            agreement_in_force: p.data.agreement_in_force,
            status: supplier_status(known, p.data.agreement_in_force),
        },
        summary: t(&format!("dpia.outcome.{}", p.data.outcome)).to_owned(),
        status: p.status.code(),
        status_label: status_label(p.status),
        id: p.id,
        requester_id: p.data.requester_id,
        requester_name: p.data.requester_name,
        school_id: p.data.school_id,
        app_name: p.data.app_name,
        answers: p.data.answers,
        outcome: p.data.outcome,
        reasons: p.data.reasons,
        answer_text: p.answer_text,
        answered_by: p.answered_by,
        answered_at: p.answered_at,
        reminded_at: p.reminded_at,
        created_at: p.created_at,
    }
}

/// The Dutch name of a status.
#[must_use]
pub fn status_label(status: PreDpiaStatus) -> &'static str {
    t(&format!("predpia.status.{}", status.code()))
}

fn store<'a>(app: &'a App, staff: &'a Staff) -> BoardStore<'a> {
    app.store.board(&staff.principal.board)
}

/// The link to a request's page.
#[must_use]
pub fn link(app: &App, id: &str) -> String {
    app.link(&format!("/dpia/aanvragen/{id}"))
}

/// A request's fields, checked, with its screening.
struct Valid {
    app_name: String,
    purpose: String,
    supplier: String,
    website: Option<String>,
    groups: Option<String>,
    screening: crate::dpia::ScreeningOutcome,
}

fn validate(command: &PreDpiaCommand) -> Result<Valid, Vec<FieldError>> {
    let mut errors = Vec::new();
    let app_name = text(&mut errors, "app_name", &command.app_name, "predpia.app_name_required", NAME_LIMIT);
    let purpose = text(&mut errors, "purpose", &command.purpose, "predpia.purpose_required", TEXT_LIMIT);
    let supplier = text(&mut errors, "supplier", &command.supplier, "predpia.supplier_required", NAME_LIMIT);
    let website = optional(&mut errors, "website", command.website.as_deref());
    let groups = optional(&mut errors, "groups", command.groups.as_deref());
    let screening = assess(ScreenDpia {
        subjects: vec![SubjectCategory::Pupils],
        subject_count: command.pupil_count,
        large_scale: None,
        data_categories: command.data_categories.clone(),
        techniques: command.techniques.clone(),
    });
    let screening = match screening {
        Ok(outcome) => Some(outcome),
        Err(Error::Invalid(mut wrong)) => {
            for error in &mut wrong {
                if error.field == "subject_count" {
                    "pupil_count".clone_into(&mut error.field);
                }
            }
            errors.append(&mut wrong);
            None
        }
        Err(_) => None,
    };
    match screening {
        Some(screening) if errors.is_empty() => Ok(Valid { app_name, purpose, supplier, website, groups, screening }),
        _ => Err(errors),
    }
}

/// Every wrong field of `command`, named by its label (for a page that found
/// errors of its own in what was typed and shows them all together).
#[must_use]
pub fn errors_of(command: &PreDpiaCommand) -> Vec<FieldError> {
    named(validate(command).err().unwrap_or_default())
}

/// Files a request: screens it, looks the supplier up, stores it with its
/// audit entry and the notices to the IBP manager(s) and FG(s).
///
/// # Errors
/// Forbidden, every wrong field (in Dutch), or the store.
pub async fn submit(app: &App, staff: &Staff, command: PreDpiaCommand) -> Result<PreDpiaView> {
    let scope = staff.may(Action::PreDpiaRequest)?;
    let Valid { app_name, purpose, supplier, website, groups, screening } =
        validate(&command).map_err(|errors| Error::Invalid(named(errors)))?;
    let board = store(app, staff);
    let found = crate::parties::supplier_by_name(board, &supplier, app.clock.today()).await?;
    let answers = serde_json::json!({
        "app_name": app_name,
        "website": website,
        "purpose": purpose,
        "data_categories": command.data_categories.iter().map(|d| d.code()).collect::<Vec<_>>(),
        "supplier": supplier,
        "groups": groups,
        "pupil_count": command.pupil_count,
        "techniques": command.techniques.iter().map(|x| x.code()).collect::<Vec<_>>(),
    });
    let school_id = match scope {
        Scope::Schools(ids) if ids.len() == 1 => ids.first().cloned(),
        Scope::Groups(groups) => groups.first().map(|(_, school)| school.clone()),
        _ => None,
    };
    let data = NewPreDpia {
        requester_id: staff.principal.user_id.clone(),
        requester_name: staff.principal.name.clone(),
        school_id,
        app_name: app_name.clone(),
        answers,
        outcome: screening.outcome.to_owned(),
        reasons: serde_json::to_value(&screening.reasons).map_err(|e| Error::internal(&e))?,
        supplier_id: found.as_ref().map(|s| s.supplier.id.clone()),
        agreement_in_force: found.as_ref().is_some_and(|s| s.agreement_in_force),
    };
    let users = board.users(&Scope::Board).await?;
    let id = aantoonbaar_store::pre_dpias::new_id();
    let subject = tf("predpia.mail.new_subject", &[("app", &app_name)]);
    let body = tf(
        "predpia.mail.new_body",
        &[("requester", &staff.principal.name), ("app", &app_name), ("link", &link(app, &id))],
    );
    let mails = to_responsible(&users, true, &subject, &body);
    let created = board.create_pre_dpia(&staff.actor(), &id, &data, &mails).await?;
    app.mailer.wake();
    Ok(view(created))
}

/// Whether `staff` sees every request of the board (IBP manager, FG).
#[must_use]
pub fn sees_all(staff: &Staff) -> bool {
    staff.can(Action::PreDpiaAnswer)
}

/// The requests: all of the board's for the IBP manager and the FG, one's own for everyone else.
///
/// # Errors
/// Forbidden, or the store.
pub async fn list(app: &App, staff: &Staff) -> Result<Vec<PreDpiaView>> {
    staff.may(Action::PreDpiaRequest)?;
    let mine = (!sees_all(staff)).then_some(staff.principal.user_id.as_str());
    Ok(store(app, staff).pre_dpias(mine).await?.into_iter().map(view).collect())
}

/// One request; another's (for whom does not see all) is not found.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn get(app: &App, staff: &Staff, id: &str) -> Result<PreDpiaView> {
    staff.may(Action::PreDpiaRequest)?;
    let found = store(app, staff).pre_dpia(id).await?.ok_or(Error::NotFound)?;
    if !sees_all(staff) && found.data.requester_id != staff.principal.user_id {
        return Err(Error::NotFound);
    }
    Ok(view(found))
}

/// How the IBP manager or the FG answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approved,
    ApprovedWithConditions,
    Rejected,
}

impl Decision {
    pub const ALL: &'static [Self] = &[Self::Approved, Self::ApprovedWithConditions, Self::Rejected];

    #[must_use]
    pub const fn status(self) -> PreDpiaStatus {
        match self {
            Self::Approved => PreDpiaStatus::Approved,
            Self::ApprovedWithConditions => PreDpiaStatus::ApprovedWithConditions,
            Self::Rejected => PreDpiaStatus::Rejected,
        }
    }

    #[must_use]
    pub const fn code(self) -> &'static str {
        self.status().code()
    }

    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|d| d.code() == code)
    }
}

/// The answer: conditions are required with `approved_with_conditions`, a reason with `rejected`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerPreDpia {
    pub decision: Decision,
    #[serde(default)]
    pub text: Option<String>,
}

/// Answers a waiting request and mails the teacher; a second answer is 409.
///
/// # Errors
/// Forbidden, not found, a missing text, answered already, or the store.
pub async fn answer(app: &App, staff: &Staff, id: &str, command: AnswerPreDpia) -> Result<PreDpiaView> {
    staff.may(Action::PreDpiaAnswer)?;
    let board = store(app, staff);
    let request = board.pre_dpia(id).await?.ok_or(Error::NotFound)?;
    let text = command.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let mut errors = Vec::new();
    match (command.decision, text) {
        (Decision::ApprovedWithConditions, None) => {
            errors.push(FieldError::new("text", "predpia.conditions_required"));
        }
        (Decision::Rejected, None) => errors.push(FieldError::new("text", "predpia.reason_required")),
        (_, Some(t)) if t.chars().count() > TEXT_LIMIT => errors.push(FieldError::new("text", "predpia.too_long")),
        _ => {}
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(named(errors)));
    }
    if request.status != PreDpiaStatus::Waiting {
        return Err(Error::conflict("id", "predpia.answered"));
    }
    let status = command.decision.status();
    let users = board.users(&Scope::Board).await?;
    let app_name = request.data.app_name.as_str();
    let subject = tf("predpia.mail.answer_subject", &[("app", app_name)]);
    let body = tf(
        "predpia.mail.answer_body",
        &[("app", app_name), ("status", status_label(status)), ("link", &link(app, id))],
    );
    let mails: Vec<NewMail> = users
        .iter()
        .filter(|u| u.id == request.data.requester_id)
        .map(|u| Mail { to: &u.email, subject: &subject, body: &body, sensitive: false }.to_new())
        .collect();
    let answered = match board.answer_pre_dpia(&staff.actor(), id, status, text, &mails).await {
        Err(StoreError::WrongState) => return Err(Error::conflict("id", "predpia.answered")),
        other => other?,
    };
    app.mailer.wake();
    Ok(view(answered))
}

/// How many requests wait for an answer (the dashboard card of the IBP manager and the FG).
///
/// # Errors
/// The store.
pub async fn waiting(app: &App, staff: &Staff) -> Result<usize> {
    if !sees_all(staff) {
        return Ok(0);
    }
    let all = store(app, staff).pre_dpias(None).await?;
    Ok(all.iter().filter(|p| p.status == PreDpiaStatus::Waiting).count())
}
