//! The operations on data-subject requests, one command type each. The JSON
//! API and the request pages both deserialise into these types and call these
//! functions, so both check and record identically.

use super::{decide_and_answer, record};
use crate::deadlines::equated_days;
use crate::error::{Error, FieldError, Result};
use crate::input::{TEXT_LIMIT, Unknown, done, one_or_many, rule, text};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::deadlines::request_deadlines;
use aantoonbaar_rules::holidays::HolidayCalendar;
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::requests::{
    ErasureItem, ErasureVerdict, IdentityCheck, ObjectionOutcome, Outcome, Reason, RequestChannel, RequestKind,
    check_decision, check_extension, erasure_verdict,
};
use aantoonbaar_store::{Actor, BoardStore, NewRequest, Pupil, Request, Scope};
use jiff::civil::Date;
use serde::Deserialize;
use utoipa::ToSchema;

/// The longest name of a recipient of pupil data, and of the requester's relation.
pub const RECIPIENT_LIMIT: usize = 200;

/// A required date from `earliest` up to `today`: `future` names the error of
/// a later day, `early` of an earlier one.
fn past_date(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: Option<String>,
    (earliest, today): (Date, Date),
    (early, future): (&str, &str),
) -> Option<Date> {
    if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
        errors.push(FieldError::new(field, "field.required"));
        return None;
    }
    let day = rule(errors, field, value, parse_iso_date)?;
    if day > today {
        errors.push(FieldError::new(field, future));
        return None;
    }
    if day < earliest {
        let mut error = FieldError::new(field, early);
        error.detail = crate::i18n::tf(early, &[("date", &super::dutch_date(earliest))]);
        errors.push(error);
        return None;
    }
    Some(day)
}

/// The earliest plausible day a request was received on: a year before
/// `today` (a request is answered within one month, three when extended).
#[must_use]
pub fn earliest_received(today: Date) -> Date {
    today.checked_sub(jiff::Span::new().years(1)).unwrap_or(today)
}

/// A request in the caller's scope for `action`.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn find(app: &App, staff: &Staff, action: Action, id: &str) -> Result<Request> {
    let scope = staff.may(action)?;
    app.store.board(&staff.principal.board).request(scope, id).await?.ok_or(Error::NotFound)
}

/// A request the caller may handle, still open, of one of `kinds`.
async fn open_request(app: &App, staff: &Staff, id: &str, kinds: &[RequestKind]) -> Result<Request> {
    let request = find(app, staff, Action::RequestHandle, id).await?;
    if !request.is_open() {
        return Err(Error::conflict("id", "request.closed"));
    }
    require_kind(&request, kinds)?;
    Ok(request)
}

fn require_kind(request: &Request, kinds: &[RequestKind]) -> Result<()> {
    if kinds.is_empty() || kinds.contains(&request.new.kind) {
        Ok(())
    } else {
        Err(Error::conflict("kind", "request.wrong_kind"))
    }
}

/// The request's subject pupil, for the actions that need one.
async fn subject_pupil(board: BoardStore<'_>, request: &Request) -> Result<Pupil> {
    match &request.new.subject_pupil_id {
        Some(id) => board.pupil(&Scope::Board, id).await?.ok_or(Error::NotFound),
        None => Err(Error::conflict("subject_pupil_id", "request.no_pupil")),
    }
}

/// The request as it is now, after a change.
async fn reread(app: &App, staff: &Staff, id: &str) -> Result<Request> {
    app.store.board(&staff.principal.board).request(&Scope::Board, id).await?.ok_or(Error::NotFound)
}

/// A new request: `{kind, subject_pupil_id? | subject_guardian_id? | subject_description?,
/// requester_guardian_id?, requester_description?, requester_relation?, details?, received_on,
/// channel?, identity_check?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct FileRequest {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// `access, rectification, erasure, restriction, objection, portability`
    pub kind: Option<String>,
    pub subject_pupil_id: Option<String>,
    pub subject_guardian_id: Option<String>,
    /// A staff member or someone else, by description.
    pub subject_description: Option<String>,
    pub requester_guardian_id: Option<String>,
    pub requester_description: Option<String>,
    /// How the requester relates to the subject (default `parent` with a guardian, else `self`).
    pub requester_relation: Option<String>,
    /// What the requester asks, in their words.
    pub details: Option<String>,
    /// `YYYY-MM-DD`
    pub received_on: Option<String>,
    /// `in_person, letter, email, phone, portal` (default `in_person`)
    pub channel: Option<String>,
    /// `seen_in_person, known_email, portal_sign_in, known_phone` (default `seen_in_person`);
    /// no copy of an ID document is ever stored.
    pub identity_check: Option<String>,
}

/// Records a request; the deadline follows from the date of receipt (AVG art.
/// 12(3), with the board's equated days), it is assigned to the director of
/// the pupil's school, and the FG is told by mail.
///
/// # Errors
/// Forbidden, a pupil not in scope, every wrong field, or the store.
pub async fn file(app: &App, staff: &Staff, command: FileRequest) -> Result<Request> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = app.store.board(&staff.principal.board);
    let today = app.clock.today();
    let mut errors = command.unknown.errors();
    if command.kind.as_deref().is_none_or(|k| k.trim().is_empty()) {
        errors.push(FieldError::new("kind", "field.required"));
    }
    let kind = rule(&mut errors, "kind", command.kind, RequestKind::from_code);
    let id = |v: Option<String>| v.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let (pupil_id, guardian_id) = (id(command.subject_pupil_id), id(command.subject_guardian_id));
    let requester_guardian_id = id(command.requester_guardian_id);
    let description = text(&mut errors, "subject_description", command.subject_description, false, TEXT_LIMIT);
    let requester_description =
        text(&mut errors, "requester_description", command.requester_description, false, TEXT_LIMIT);
    let relation = text(&mut errors, "requester_relation", command.requester_relation, false, RECIPIENT_LIMIT);
    let details = text(&mut errors, "details", command.details, false, TEXT_LIMIT);
    let received_on = past_date(
        &mut errors,
        "received_on",
        command.received_on,
        (earliest_received(today), today),
        ("request.received_too_early", "request.received_future"),
    );
    let channel =
        rule(&mut errors, "channel", command.channel, RequestChannel::from_code).unwrap_or(RequestChannel::InPerson);
    let identity_check = rule(&mut errors, "identity_check", command.identity_check, IdentityCheck::from_code)
        .unwrap_or(IdentityCheck::SeenInPerson);
    if [pupil_id.is_some(), guardian_id.is_some(), description.is_some()].iter().filter(|s| **s).count() != 1 {
        errors.push(FieldError::new("subject_pupil_id", "request.subject_one"));
    }
    let pupil = match &pupil_id {
        Some(id) => Some(board.pupil(scope, id).await?.ok_or(Error::NotFound)?),
        None => None,
    };
    for (field, id) in [("subject_guardian_id", &guardian_id), ("requester_guardian_id", &requester_guardian_id)] {
        if let Some(id) = id
            && board.guardian(scope, id).await?.is_none()
        {
            errors.push(FieldError::new(field, "reference.unknown"));
        }
    }
    let (kind, received_on) = done(errors, kind.zip(received_on))?;
    let requester_relation =
        relation.unwrap_or_else(|| if requester_guardian_id.is_some() { "parent" } else { "self" }.to_owned());
    let new = NewRequest {
        kind,
        school_id: pupil.as_ref().map(|p| p.school_id.clone()),
        subject_pupil_id: pupil.map(|p| p.id),
        subject_guardian_id: guardian_id,
        subject_description: description,
        requester_guardian_id,
        requester_description,
        requester_relation,
        details,
        received_on,
        channel,
        identity_check,
        assigned_to: None,
        deadline: received_on,
    };
    record(app, board, &staff.actor(), new).await
}

/// A request filed in the parent portal: `{kind, details?}`. The sign-in with
/// the link to the address the school has is the identity check (seed 002
/// §10.2: no copy of an ID document).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PortalRequest {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    pub unknown: Unknown,
    /// `access, rectification, erasure, restriction, objection, portability`
    pub kind: Option<String>,
    /// What the requester asks, in their words (at most [`TEXT_LIMIT`] characters).
    pub details: Option<String>,
}

/// Records a request filed in the portal about `pupil` (already checked to be
/// the requester's child, or the pupil themself without a guardian), received
/// today.
///
/// # Errors
/// Every wrong field, or the store.
pub async fn file_in_portal(
    app: &App,
    board: BoardStore<'_>,
    actor: &Actor,
    pupil: &Pupil,
    requester_guardian_id: Option<String>,
    command: PortalRequest,
) -> Result<Request> {
    let mut errors = command.unknown.errors();
    if command.kind.as_deref().is_none_or(|k| k.trim().is_empty()) {
        errors.push(FieldError::new("kind", "field.required"));
    }
    let kind = rule(&mut errors, "kind", command.kind, RequestKind::from_code);
    let details = text(&mut errors, "details", command.details, false, TEXT_LIMIT);
    let kind = done(errors, kind)?;
    let today = app.clock.today();
    let requester_relation = if requester_guardian_id.is_some() { "parent" } else { "self" }.to_owned();
    let new = NewRequest {
        kind,
        school_id: Some(pupil.school_id.clone()),
        subject_pupil_id: Some(pupil.id.clone()),
        subject_guardian_id: None,
        subject_description: None,
        requester_guardian_id,
        requester_description: None,
        requester_relation,
        details,
        received_on: today,
        channel: RequestChannel::Portal,
        identity_check: IdentityCheck::PortalSignIn,
        assigned_to: None,
        deadline: today,
    };
    record(app, board, actor, new).await
}

/// An extension of the period: `{reason, requester_told_on: YYYY-MM-DD}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct ExtendRequest {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    pub reason: Option<String>,
    /// `YYYY-MM-DD`
    pub requester_told_on: Option<String>,
}

/// Extends the period by two months (AVG art. 12(3)): only with a reason, and
/// only when the requester was told on or before the first deadline. Returns
/// the extended deadline.
///
/// # Errors
/// Forbidden, not found, closed or already extended (conflict), told too late
/// (conflict), every wrong field, or the store.
pub async fn extend(app: &App, staff: &Staff, id: &str, command: ExtendRequest) -> Result<Date> {
    let request = open_request(app, staff, id, &[]).await?;
    let mut errors = command.unknown.errors();
    let reason = text(&mut errors, "reason", command.reason, true, TEXT_LIMIT);
    let today = app.clock.today();
    let told_on = past_date(
        &mut errors,
        "requester_told_on",
        command.requester_told_on,
        (request.new.received_on, today),
        ("request.told_before_received", "request.told_future"),
    );
    let (reason, told_on) = done(errors, reason.zip(told_on))?;
    if request.extended_deadline.is_some() {
        return Err(Error::conflict("id", "request.already_extended"));
    }
    check_extension(request.new.received_on, request.new.deadline, told_on).map_err(|invalid| {
        if invalid.code == "request.extension_too_late" {
            Error::conflict("requester_told_on", invalid.code)
        } else {
            Error::field("requester_told_on", invalid.code)
        }
    })?;
    let board = app.store.board(&staff.principal.board);
    let equated = equated_days(board).await?;
    let extended = request_deadlines(request.new.received_on, &HolidayCalendar::new(&equated)).extended_deadline;
    board.extend_request(&staff.actor(), &request.id, extended, &reason, told_on).await?;
    Ok(extended)
}

/// The decision: `{outcome: granted|partly_granted|refused, reason?, explanation?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct DecideRequest {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// `granted, partly_granted, refused`
    pub outcome: Option<String>,
    /// `manifestly_unfounded, rights_of_others, harms_pupil, internal_notes, legal_retention,
    /// overriding_interest, legal_claim, data_correct`; required unless granted.
    pub reason: Option<String>,
    /// Free text for the letter.
    pub explanation: Option<String>,
}

/// Decides the request and sends the answer letter to the requester's known
/// address. A refusal or partial grant needs a lawful reason. Returns the
/// request as decided and the address the letter went to.
///
/// # Errors
/// Forbidden, not found, closed (conflict), every wrong field, or the store.
pub async fn decide(app: &App, staff: &Staff, id: &str, command: DecideRequest) -> Result<(Request, Option<String>)> {
    let request = open_request(app, staff, id, &[]).await?;
    let mut errors = command.unknown.errors();
    if command.outcome.as_deref().is_none_or(|o| o.trim().is_empty()) {
        errors.push(FieldError::new("outcome", "field.required"));
    }
    let outcome = rule(&mut errors, "outcome", command.outcome, Outcome::from_code);
    let had_reason = command.reason.as_deref().is_some_and(|r| !r.trim().is_empty());
    let reason = rule(&mut errors, "reason", command.reason, Reason::from_code);
    let explanation = text(&mut errors, "explanation", command.explanation, false, TEXT_LIMIT);
    if let Some(outcome) = outcome
        && (reason.is_some() || !had_reason)
        && let Err(invalid) = check_decision(request.new.kind, outcome, reason)
    {
        errors.push(FieldError::new("reason", invalid.code));
    }
    let outcome = done(errors, outcome)?;
    let board = app.store.board(&staff.principal.board);
    let sent_to =
        decide_and_answer(app, board, &staff.actor(), &request, outcome, reason, explanation.as_deref()).await?;
    Ok((reread(app, staff, id).await?, sent_to))
}

/// What an erasure would do with each item of the subject pupil's data, and why.
///
/// # Errors
/// Forbidden, not found, not an erasure request or without pupil (conflict), or the store.
pub async fn erasure_preview(app: &App, staff: &Staff, id: &str) -> Result<Vec<(ErasureItem, ErasureVerdict)>> {
    let request = find(app, staff, Action::RequestHandle, id).await?;
    require_kind(&request, &[RequestKind::Erasure])?;
    let pupil = subject_pupil(app.store.board(&staff.principal.board), &request).await?;
    let today = app.clock.today();
    Ok(ErasureItem::ALL.iter().map(|item| (*item, erasure_verdict(*item, pupil.leave_date, today))).collect())
}

/// Erases what may be erased (really deleted or irreversibly anonymised) and
/// records per item what was done and why the rest is kept.
///
/// # Errors
/// Forbidden, not found, closed, already erased or the wrong kind (conflict), or the store.
pub async fn erase(app: &App, staff: &Staff, id: &str) -> Result<Request> {
    let request = open_request(app, staff, id, &[RequestKind::Erasure]).await?;
    if !request.erasures.is_empty() {
        return Err(Error::conflict("id", "request.already_erased"));
    }
    let board = app.store.board(&staff.principal.board);
    let pupil = subject_pupil(board, &request).await?;
    let today = app.clock.today();
    let verdicts: Vec<_> =
        ErasureItem::ALL.iter().map(|item| (*item, erasure_verdict(*item, pupil.leave_date, today))).collect();
    board.erase_for_request(&staff.actor(), &request.id, &pupil.id, &verdicts).await?;
    reread(app, staff, id).await
}

/// A restriction: `{purpose?}`; without a purpose the whole pupil.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RestrictProcessing {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// A consent purpose code; absent: every processing of the pupil.
    pub purpose: Option<String>,
}

/// Restricts processing of the subject pupil (AVG art. 18), wholly or for one
/// consent purpose: the publication check then answers `restricted`.
///
/// # Errors
/// Forbidden, not found, closed or the wrong kind (conflict), an unknown purpose, or the store.
pub async fn restrict(app: &App, staff: &Staff, id: &str, command: RestrictProcessing) -> Result<Request> {
    let kinds = [RequestKind::Restriction, RequestKind::Rectification, RequestKind::Objection];
    let request = open_request(app, staff, id, &kinds).await?;
    let board = app.store.board(&staff.principal.board);
    let pupil = subject_pupil(board, &request).await?;
    let unknown = command.unknown.errors();
    if !unknown.is_empty() {
        return Err(Error::Invalid(unknown));
    }
    let purpose = command.purpose.map(|p| p.trim().to_owned()).filter(|p| !p.is_empty());
    if let Some(purpose) = &purpose
        && !board.consent_purposes(staff.now).await?.iter().any(|p| &p.code == purpose)
    {
        return Err(Error::field("purpose", "consent.purpose_unknown"));
    }
    board.restrict_pupil(&staff.actor(), &request.id, &pupil.id, purpose.as_deref()).await?;
    reread(app, staff, id).await
}

/// The recipients told of a correction, erasure or restriction:
/// `{recipients: [name…], told_on: YYYY-MM-DD}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RecipientsTold {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[serde(default, deserialize_with = "one_or_many")]
    pub recipients: Vec<String>,
    /// `YYYY-MM-DD`
    pub told_on: Option<String>,
}

/// Records which recipients were told of a correction, erasure or restriction
/// (seed 001 art. 14.1e; AVG art. 19).
///
/// # Errors
/// Forbidden, not found, closed or the wrong kind (conflict), every wrong field, or the store.
pub async fn recipients_told(app: &App, staff: &Staff, id: &str, command: RecipientsTold) -> Result<Request> {
    let kinds = [RequestKind::Rectification, RequestKind::Erasure, RequestKind::Restriction];
    let request = open_request(app, staff, id, &kinds).await?;
    let board = app.store.board(&staff.principal.board);
    let mut errors = command.unknown.errors();
    let told_on = past_date(
        &mut errors,
        "told_on",
        command.told_on,
        (request.new.received_on, app.clock.today()),
        ("request.told_before_received", "request.told_future"),
    );
    let recipients: Vec<String> =
        command.recipients.iter().map(|r| r.trim().to_owned()).filter(|r| !r.is_empty()).collect();
    let known = board.board_recipients().await?;
    if recipients.is_empty() {
        errors.push(FieldError::new("recipients", "request.recipients_required"));
    } else if !recipients.iter().all(|r| known.contains(r)) {
        errors.push(FieldError::new("recipients", "request.recipient_unknown"));
    }
    let told_on = done(errors, told_on)?;
    board.record_recipients_told(&staff.actor(), &request.id, &recipients, told_on).await?;
    reread(app, staff, id).await
}

/// The balancing after an objection: `{balancing, outcome: upheld|rejected}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RecordBalancing {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// The interests weighed, in words.
    pub balancing: Option<String>,
    /// `upheld, rejected`
    pub outcome: Option<String>,
}

/// Records the balancing of interests after an objection (AVG art. 21(1); seed 001 art. 14.1c).
///
/// # Errors
/// Forbidden, not found, closed or the wrong kind (conflict), every wrong field, or the store.
pub async fn balancing(app: &App, staff: &Staff, id: &str, command: RecordBalancing) -> Result<Request> {
    let request = open_request(app, staff, id, &[RequestKind::Objection]).await?;
    let mut errors = command.unknown.errors();
    let balancing = text(&mut errors, "balancing", command.balancing, true, TEXT_LIMIT);
    if command.outcome.as_deref().is_none_or(|o| o.trim().is_empty()) {
        errors.push(FieldError::new("outcome", "field.required"));
    }
    let outcome = rule(&mut errors, "outcome", command.outcome, ObjectionOutcome::from_code);
    let (balancing, outcome) = done(errors, balancing.zip(outcome))?;
    let board = app.store.board(&staff.principal.board);
    board.record_balancing(&staff.actor(), &request.id, &balancing, outcome).await?;
    reread(app, staff, id).await
}

/// The board's recipients of pupil data: `{recipients: [name…]}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SetRecipients {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// The recipients of pupil data to tell after a correction, erasure or restriction.
    pub recipients: Option<Vec<String>>,
}

/// Replaces the board's recipients of pupil data (IBP manager); returns the list kept.
///
/// # Errors
/// Forbidden, a missing list or a name that is empty or too long, or the store.
pub async fn set_recipients(app: &App, staff: &Staff, command: SetRecipients) -> Result<Vec<String>> {
    staff.may(Action::BoardSettingsManage)?;
    let mut errors = command.unknown.errors();
    let names: Option<Vec<String>> = command.recipients.and_then(|names| {
        names
            .into_iter()
            .map(|n| Some(n.trim().to_owned()).filter(|n| !n.is_empty() && n.chars().count() <= RECIPIENT_LIMIT))
            .collect()
    });
    if names.is_none() {
        errors.push(FieldError::new("recipients", "request.recipients_list"));
    }
    let names = done(errors, names)?;
    app.store.board(&staff.principal.board).set_board_recipients(&staff.actor(), &names).await?;
    Ok(names)
}
