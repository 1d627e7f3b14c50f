//! Camera surveillance (seed 002 §7; issue 15): the cameras of each school
//! with their purpose, legal basis, DPIA, signs, viewers and retention; the
//! kwaliteitskaart (quality card) the board shows on request; the
//! append-only log of every viewing and disclosure of footage; and the
//! footage holds that keep an exact time range for an incident.
//!
//! Decisions:
//! - A camera's retention period defaults to the board's `camera_footage`
//!   rule (P4W) and may be shorter, never longer
//!   (`rules::camera::check_retention`).
//! - A request to see or erase footage is a data-subject request: the camera
//!   page links to the request module, there is no second request flow; a log
//!   line or a hold may name the request.
//! - The log and the holds belong to a camera, so they are visible where the
//!   camera is (a director: their school's cameras).

use crate::error::{Error, FieldError, Result};
use crate::i18n::{t, tf};
use crate::incidents::parse_moment;
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text};
use crate::register::export::Download;
use crate::requests::{Section, sections_pdf};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::camera::{
    FootageStatus, HoldKind, LEGAL_BASIS, LogKind, LogReason, Recipient, Status, check_disclosure, check_hold,
    check_place, check_range, check_retention, footage_due, footage_status,
};
use aantoonbaar_rules::policy::{POLICY, Role};
use aantoonbaar_rules::retention::{Period, RuleCode};
use aantoonbaar_store::cameras::{Camera, CameraData, FootageHold, HoldFilter, LogEntry, NewFootageHold, NewLogEntry};
use aantoonbaar_store::{BoardStore, Scope, StoreError};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

const LABELS: &[(&str, &str)] = &[
    ("school_id", "camera.field.school_id"),
    ("name", "camera.field.name"),
    ("location", "camera.field.location"),
    ("coverage", "camera.field.coverage"),
    ("purpose", "camera.field.purpose"),
    ("balancing", "camera.field.balancing"),
    ("dpia_id", "camera.field.dpia_id"),
    ("signs", "camera.field.signs"),
    ("signs_where", "camera.field.signs_where"),
    ("viewers", "camera.field.viewers"),
    ("retention", "camera.field.retention"),
    ("live_view", "camera.field.live_view"),
    ("status", "camera.field.status"),
    ("camera_id", "camera.field.camera_id"),
    ("kind", "camera.field.kind"),
    ("from", "camera.field.from"),
    ("to", "camera.field.to"),
    ("reason", "camera.field.reason"),
    ("explanation", "camera.field.explanation"),
    ("recipient", "camera.field.recipient"),
    ("recipient_name", "camera.field.recipient_name"),
    ("request_reference", "camera.field.request_reference"),
    ("incident_id", "camera.field.incident_id"),
    ("request_id", "camera.field.request_id"),
];

fn invalid(errors: Vec<FieldError>) -> Error {
    Error::Invalid(crate::input::labelled(errors, LABELS))
}

fn store<'a>(app: &'a App, staff: &'a Staff) -> BoardStore<'a> {
    app.store.board(&staff.principal.board)
}

/// The period of the board's rule for camera footage (its own version, or the default P4W).
async fn footage_rule(board: BoardStore<'_>) -> Result<Period> {
    let rules = crate::retention::in_force(&board.retention_rules().await?);
    let rule = rules.into_iter().find(|r| r.code == RuleCode::CameraFootage);
    rule.map(|r| r.period).ok_or_else(|| Error::internal(&"no camera_footage rule"))
}

/// A field of a command that is either absent or cleared when sent empty.
fn optional(errors: &mut Vec<FieldError>, field: &str, value: Option<Given<String>>) -> Option<Option<String>> {
    let sent = value.is_some();
    let text = given_text(errors, field, value, false, TEXT_LIMIT);
    sent.then_some(text)
}

fn moment(errors: &mut Vec<FieldError>, field: &str, value: Option<Given<String>>) -> Option<Timestamp> {
    let text = given_text(errors, field, value, true, TEXT_LIMIT);
    crate::input::rule(errors, field, text, parse_moment)
}

// ---------------------------------------------------------------- answers

/// A camera, with what is missing.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CameraOut {
    pub id: String,
    pub school_id: String,
    pub name: String,
    pub location: String,
    /// What it films (field of view).
    pub coverage: String,
    pub purpose: String,
    /// Always `legitimate_interest` (seed 002 §7.1; AVG art. 6(1)(f)).
    pub legal_basis: String,
    /// The balancing test.
    pub balancing: String,
    pub dpia_id: Option<String>,
    pub signs: bool,
    pub signs_where: Option<String>,
    pub viewers: String,
    /// ISO 8601, e.g. `P4W`.
    pub retention: String,
    pub live_view: bool,
    /// `active` or `removed`.
    pub status: String,
    /// What the register lacks: `no_dpia`, `no_signs`.
    pub findings: Vec<String>,
    /// Footage recorded on or before this day must be gone today, unless a hold keeps it.
    pub due_through: Option<String>,
}

impl CameraOut {
    fn new(camera: &Camera, today: jiff::civil::Date) -> Self {
        let d = &camera.data;
        let mut findings = Vec::new();
        if d.dpia_id.is_none() {
            findings.push("no_dpia".to_owned());
        }
        if !d.signs {
            findings.push("no_signs".to_owned());
        }
        Self {
            id: camera.id.clone(),
            school_id: d.school_id.clone(),
            name: d.name.clone(),
            location: d.location.clone(),
            coverage: d.coverage.clone(),
            purpose: d.purpose.clone(),
            legal_basis: LEGAL_BASIS.to_owned(),
            balancing: d.balancing.clone(),
            dpia_id: d.dpia_id.clone(),
            signs: d.signs,
            signs_where: d.signs_where.clone(),
            viewers: d.viewers.clone(),
            retention: d.retention.to_string(),
            live_view: d.live_view,
            status: d.status.code().to_owned(),
            findings,
            due_through: d.retention.latest_start_due_by(today).map(|d| d.to_string()),
        }
    }
}

/// A line of the viewing and disclosure log.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LogEntryOut {
    pub id: String,
    pub camera_id: String,
    /// `viewing` or `disclosure`.
    pub kind: String,
    /// The footage viewed or disclosed, from and to (RFC 3339).
    pub from: String,
    pub to: String,
    /// `incident`, `request` or `other`.
    pub reason: String,
    pub explanation: String,
    /// `police`, `investigator` or `other`, for a disclosure.
    pub recipient: Option<String>,
    pub recipient_name: Option<String>,
    pub request_reference: Option<String>,
    pub incident_id: Option<String>,
    pub request_id: Option<String>,
    pub recorded_by: String,
    pub recorded_at: String,
}

impl From<&LogEntry> for LogEntryOut {
    fn from(e: &LogEntry) -> Self {
        Self {
            id: e.id.clone(),
            camera_id: e.camera_id.clone(),
            kind: e.kind.code().to_owned(),
            from: e.from.to_string(),
            to: e.to.to_string(),
            reason: e.reason.code().to_owned(),
            explanation: e.explanation.clone(),
            recipient: e.recipient.map(|r| r.code().to_owned()),
            recipient_name: e.recipient_name.clone(),
            request_reference: e.request_reference.clone(),
            incident_id: e.incident_id.clone(),
            request_id: e.request_id.clone(),
            recorded_by: e.recorded_by.clone(),
            recorded_at: e.recorded_at.to_string(),
        }
    }
}

/// A footage hold.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HoldOut {
    pub id: String,
    pub camera_id: String,
    /// `incident`, `legal_claim`, `request` or `other`.
    pub kind: String,
    pub from: String,
    pub to: String,
    pub incident_id: Option<String>,
    pub reason: String,
    /// `held` while in force, `released` after.
    pub status: String,
    pub placed_by: String,
    pub placed_at: String,
    pub released_by: Option<String>,
    pub released_at: Option<String>,
    pub release_reason: Option<String>,
}

impl From<&FootageHold> for HoldOut {
    fn from(h: &FootageHold) -> Self {
        Self {
            id: h.id.clone(),
            camera_id: h.camera_id.clone(),
            kind: h.kind.code().to_owned(),
            from: h.from.to_string(),
            to: h.to.to_string(),
            incident_id: h.incident_id.clone(),
            reason: h.reason.clone(),
            status: if h.released_at.is_some() { "released" } else { "held" }.to_owned(),
            placed_by: h.placed_by.clone(),
            placed_at: h.placed_at.to_string(),
            released_by: h.released_by.clone(),
            released_at: h.released_at.map(|t| t.to_string()),
            release_reason: h.release_reason.clone(),
        }
    }
}

/// What happens to the footage of one camera recorded at a moment.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FootageOut {
    pub at: String,
    /// `kept` (within its period), `held` (a hold keeps it) or `due` (must be gone).
    pub status: String,
    /// The day it must be gone when no hold keeps it.
    pub due_on: String,
}

// ---------------------------------------------------------------- cameras

/// The cameras of the schools in the caller's scope.
///
/// # Errors
/// Forbidden, or the store.
pub async fn cameras(app: &App, staff: &Staff) -> Result<Vec<CameraOut>> {
    let scope = staff.may(Action::CameraView)?;
    let today = app.clock.today();
    Ok(store(app, staff).cameras(scope).await?.iter().map(|c| CameraOut::new(c, today)).collect())
}

async fn visible(app: &App, staff: &Staff, scope: &Scope, id: &str) -> Result<Camera> {
    store(app, staff).camera(scope, id).await?.ok_or(Error::NotFound)
}

/// One camera, 404 outside the caller's scope or on another board.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn camera(app: &App, staff: &Staff, id: &str) -> Result<CameraOut> {
    let scope = staff.may(Action::CameraView)?;
    Ok(CameraOut::new(&visible(app, staff, scope, id).await?, app.clock.today()))
}

/// What happens to the footage of camera `id` recorded at `at` (RFC 3339):
/// kept, held or due, by the camera's period and its holds.
///
/// # Errors
/// Forbidden, not found, `at` no moment, or the store.
pub async fn footage(app: &App, staff: &Staff, id: &str, at: &str) -> Result<FootageOut> {
    let scope = staff.may(Action::CameraView)?;
    let camera = visible(app, staff, scope, id).await?;
    let recorded = parse_moment(at).map_err(|e| invalid(vec![FieldError::new("at", e.code)]))?;
    let holds = store(app, staff).footage_holds(HoldFilter { camera_id: Some(id), ..HoldFilter::default() }).await?;
    let ranges: Vec<_> = holds.iter().map(FootageHold::range).collect();
    let period = camera.data.retention;
    let status: FootageStatus = footage_status(recorded, period, app.clock.today(), &ranges);
    Ok(FootageOut {
        at: recorded.to_string(),
        status: status.code().to_owned(),
        due_on: footage_due(recorded, period).to_string(),
    })
}

/// A camera, new or changed: `{school_id, name, location, coverage, purpose?,
/// balancing, dpia_id?, signs, signs_where?, viewers, retention?, live_view?,
/// status?}`. For a change every field is optional (what is not sent stays).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct CameraCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub school_id: Option<Given<String>>,
    #[schema(value_type = String)]
    pub name: Option<Given<String>>,
    /// Where it hangs (not a classroom, toilet, changing room or consulting room).
    #[schema(value_type = String)]
    pub location: Option<Given<String>>,
    /// What it films.
    #[schema(value_type = String)]
    pub coverage: Option<Given<String>>,
    /// Default: the purpose of seed 002 §7.1.
    #[schema(value_type = Option<String>)]
    pub purpose: Option<Given<String>>,
    /// The balancing test of the legitimate interest.
    #[schema(value_type = String)]
    pub balancing: Option<Given<String>>,
    /// A DPIA of the board; empty clears it.
    #[schema(value_type = Option<String>)]
    pub dpia_id: Option<Given<String>>,
    #[schema(value_type = bool)]
    pub signs: Option<Given<bool>>,
    #[schema(value_type = Option<String>)]
    pub signs_where: Option<Given<String>>,
    /// Who may view the footage: roles or named people.
    #[schema(value_type = String)]
    pub viewers: Option<Given<String>>,
    /// ISO 8601; default and maximum: the board's rule for camera footage (P4W).
    #[schema(value_type = Option<String>)]
    pub retention: Option<Given<String>>,
    #[schema(value_type = Option<bool>)]
    pub live_view: Option<Given<bool>>,
    /// `active` or `removed`.
    #[schema(value_type = Option<String>)]
    pub status: Option<Given<String>>,
}

/// A text field: the value sent, or the current one (required when there is none).
fn text_field(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    value: Option<Given<String>>,
    current: Option<&str>,
    changed: &mut Vec<&'static str>,
) -> Option<String> {
    match (value, current) {
        (None, Some(current)) => Some(current.to_owned()),
        (value, current) => {
            let text = given_text(errors, field, value, true, TEXT_LIMIT)?;
            if current != Some(text.as_str()) {
                changed.push(field);
            }
            Some(text)
        }
    }
}

fn bool_field(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    value: Option<Given<bool>>,
    current: Option<bool>,
    changed: &mut Vec<&'static str>,
) -> Option<bool> {
    match (value, current) {
        (None, Some(current)) => Some(current),
        (value, current) => {
            let given = crate::input::given_bool(errors, field, value)?;
            if current != Some(given) {
                changed.push(field);
            }
            Some(given)
        }
    }
}

/// Reads `command` over `current` (none for a new camera) into the data to
/// store and the fields that change; every wrong field at once.
async fn read_camera(
    app: &App,
    staff: &Staff,
    scope: &Scope,
    current: Option<&CameraData>,
    command: CameraCommand,
) -> Result<(CameraData, Vec<&'static str>)> {
    let board = store(app, staff);
    let mut errors = command.unknown.errors();
    let mut changed = Vec::new();
    let c = current;
    let school_id =
        text_field(&mut errors, "school_id", command.school_id, c.map(|c| c.school_id.as_str()), &mut changed);
    if let Some(id) = &school_id
        && changed.contains(&"school_id")
        && board.school(scope, id).await?.is_none()
    {
        errors.push(FieldError::new("school_id", "reference.unknown"));
    }
    let name = text_field(&mut errors, "name", command.name, c.map(|c| c.name.as_str()), &mut changed);
    let location = text_field(&mut errors, "location", command.location, c.map(|c| c.location.as_str()), &mut changed);
    let coverage = text_field(&mut errors, "coverage", command.coverage, c.map(|c| c.coverage.as_str()), &mut changed);
    for (field, text) in [("location", &location), ("coverage", &coverage)] {
        if let Some(text) = text
            && let Err(e) = check_place(text)
        {
            errors.push(FieldError::new(field, e.code));
        }
    }
    let default_purpose = crate::i18n::t("camera.default.purpose");
    let purpose = match (&command.purpose, c) {
        (None, None) => {
            changed.push("purpose");
            Some(default_purpose.to_owned())
        }
        _ => text_field(&mut errors, "purpose", command.purpose, c.map(|c| c.purpose.as_str()), &mut changed),
    };
    let balancing =
        text_field(&mut errors, "balancing", command.balancing, c.map(|c| c.balancing.as_str()), &mut changed);
    let dpia_id = match optional(&mut errors, "dpia_id", command.dpia_id) {
        None => c.and_then(|c| c.dpia_id.clone()),
        Some(sent) => {
            if sent != c.and_then(|c| c.dpia_id.clone()) {
                changed.push("dpia_id");
            }
            if let Some(id) = &sent
                && board.dpia(id).await?.is_none()
            {
                errors.push(FieldError::new("dpia_id", "reference.unknown"));
            }
            sent
        }
    };
    let signs = bool_field(&mut errors, "signs", command.signs, c.map(|c| c.signs), &mut changed);
    let signs_where = match optional(&mut errors, "signs_where", command.signs_where) {
        None => c.and_then(|c| c.signs_where.clone()),
        Some(sent) => {
            if sent != c.and_then(|c| c.signs_where.clone()) {
                changed.push("signs_where");
            }
            sent
        }
    };
    let viewers = text_field(&mut errors, "viewers", command.viewers, c.map(|c| c.viewers.as_str()), &mut changed);
    let rule = footage_rule(board).await?;
    let retention = match given_text(&mut errors, "retention", command.retention, false, TEXT_LIMIT) {
        None => c.map_or(Some(rule), |c| Some(c.retention)),
        Some(text) => match text.parse::<Period>() {
            Ok(period) => {
                if let Err(e) = check_retention(period, rule) {
                    let mut error = FieldError::new("retention", e.code);
                    error.detail = crate::i18n::tf(e.code, &[("rule", &crate::retention::period_words(rule))]);
                    errors.push(error);
                }
                Some(period)
            }
            Err(e) => {
                errors.push(FieldError::new("retention", e.code()));
                None
            }
        },
    };
    if c.is_none_or(|c| Some(c.retention) != retention) {
        changed.push("retention");
    }
    let live_view = match (&command.live_view, c) {
        (None, None) => Some(false),
        _ => bool_field(&mut errors, "live_view", command.live_view, c.map(|c| c.live_view), &mut changed),
    };
    if c.is_none() && !changed.contains(&"live_view") {
        changed.push("live_view");
    }
    let status = given_text(&mut errors, "status", command.status, false, TEXT_LIMIT);
    let status = crate::input::rule(&mut errors, "status", status, Status::from_code)
        .or_else(|| c.map(|c| c.status))
        .unwrap_or(Status::Active);
    if c.is_none_or(|c| c.status != status) {
        changed.push("status");
    }
    let data = (|| {
        Some(CameraData {
            school_id: school_id?,
            name: name?,
            location: location?,
            coverage: coverage?,
            purpose: purpose?,
            balancing: balancing?,
            dpia_id,
            signs: signs?,
            signs_where,
            viewers: viewers?,
            retention: retention?,
            live_view: live_view?,
            status,
        })
    })();
    let data = done(errors, data).map_err(invalid)?;
    Ok((data, changed))
}

fn stored(error: StoreError) -> Error {
    match error {
        StoreError::Duplicate { .. } => invalid(vec![FieldError::new("name", "camera.name_taken")]),
        StoreError::BadReference { field } => invalid(vec![FieldError::new(field, "reference.unknown")]),
        other => other.into(),
    }
}

/// Adds a camera to a school (IBP manager; director for their school), audited.
///
/// # Errors
/// Forbidden, every wrong field (in Dutch, naming the field), or the store.
pub async fn create(app: &App, staff: &Staff, command: CameraCommand) -> Result<CameraOut> {
    let scope = staff.may(Action::CameraManage)?;
    let (data, _) = read_camera(app, staff, scope, None, command).await?;
    let camera = store(app, staff).create_camera(&staff.actor(), &data).await.map_err(stored)?;
    Ok(CameraOut::new(&camera, app.clock.today()))
}

/// Changes a camera (what is sent), audited with the fields that changed; a
/// change that changes nothing stores nothing.
///
/// # Errors
/// Forbidden, not found, every wrong field, or the store.
pub async fn update(app: &App, staff: &Staff, id: &str, command: CameraCommand) -> Result<CameraOut> {
    let scope = staff.may(Action::CameraManage)?;
    let current = visible(app, staff, scope, id).await?;
    let (data, changed) = read_camera(app, staff, scope, Some(&current.data), command).await?;
    if changed.is_empty() {
        return Ok(CameraOut::new(&current, app.clock.today()));
    }
    let camera = store(app, staff).update_camera(&staff.actor(), id, &data, &changed).await.map_err(stored)?;
    Ok(CameraOut::new(&camera, app.clock.today()))
}

// ---------------------------------------------------------------- log

/// A viewing or a disclosure: `{kind, from, to, reason, explanation,
/// recipient?, recipient_name?, request_reference?, incident_id?, request_id?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct LogCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// `viewing` or `disclosure`.
    #[schema(value_type = String)]
    pub kind: Option<Given<String>>,
    /// The footage's time range (RFC 3339, or a form's local date and time).
    #[schema(value_type = String)]
    pub from: Option<Given<String>>,
    #[schema(value_type = String)]
    pub to: Option<Given<String>>,
    /// `incident`, `request` or `other`.
    #[schema(value_type = String)]
    pub reason: Option<Given<String>>,
    #[schema(value_type = String)]
    pub explanation: Option<Given<String>>,
    /// For a disclosure: `police`, `investigator` or `other`.
    #[schema(value_type = Option<String>)]
    pub recipient: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub recipient_name: Option<Given<String>>,
    /// The reference of the official written request; required for a disclosure.
    #[schema(value_type = Option<String>)]
    pub request_reference: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub incident_id: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub request_id: Option<Given<String>>,
}

/// A camera's log, newest first.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn log(app: &App, staff: &Staff, id: &str) -> Result<Vec<LogEntryOut>> {
    let scope = staff.may(Action::CameraView)?;
    visible(app, staff, scope, id).await?;
    Ok(store(app, staff).camera_log(id).await?.iter().map(LogEntryOut::from).collect())
}

/// An incident in `scope`, or `reference.unknown` on `field`.
async fn known_incident(
    board: BoardStore<'_>,
    scope: &Scope,
    errors: &mut Vec<FieldError>,
    id: Option<&String>,
) -> Result<()> {
    if let Some(id) = id
        && board.incident(scope, None, id).await?.is_none()
    {
        errors.push(FieldError::new("incident_id", "reference.unknown"));
    }
    Ok(())
}

/// Logs a viewing or a disclosure of camera `id`'s footage (IBP manager;
/// director for their school), audited. A disclosure needs the recipient and
/// the reference of the official request.
///
/// # Errors
/// Forbidden, not found, every wrong field, or the store.
pub async fn add_log(app: &App, staff: &Staff, id: &str, command: LogCommand) -> Result<LogEntryOut> {
    let scope = staff.may(Action::FootageLog)?;
    visible(app, staff, scope, id).await?;
    let board = store(app, staff);
    let mut errors = command.unknown.errors();
    let kind = given_text(&mut errors, "kind", command.kind, true, TEXT_LIMIT);
    let kind = crate::input::rule(&mut errors, "kind", kind, LogKind::from_code);
    let from = moment(&mut errors, "from", command.from);
    let to = moment(&mut errors, "to", command.to);
    if let (Some(from), Some(to)) = (from, to)
        && let Err(e) = check_range(from, to)
    {
        errors.push(FieldError::new("to", e.code));
    }
    let reason = given_text(&mut errors, "reason", command.reason, true, TEXT_LIMIT);
    let reason = crate::input::rule(&mut errors, "reason", reason, LogReason::from_code);
    let explanation = given_text(&mut errors, "explanation", command.explanation, true, TEXT_LIMIT);
    let disclosure = kind == Some(LogKind::Disclosure);
    let recipient = given_text(&mut errors, "recipient", command.recipient, disclosure, TEXT_LIMIT);
    let recipient = crate::input::rule(&mut errors, "recipient", recipient, Recipient::from_code);
    let recipient_name = given_text(&mut errors, "recipient_name", command.recipient_name, false, TEXT_LIMIT);
    let reference = given_text(&mut errors, "request_reference", command.request_reference, false, TEXT_LIMIT);
    if disclosure
        && let Some(recipient) = recipient
        && let Err(e) = check_disclosure(recipient, reference.as_deref())
    {
        errors.push(FieldError::new("request_reference", e.code));
    }
    let incident_id = given_text(&mut errors, "incident_id", command.incident_id, false, TEXT_LIMIT);
    known_incident(board, scope, &mut errors, incident_id.as_ref()).await?;
    let request_id = given_text(&mut errors, "request_id", command.request_id, false, TEXT_LIMIT);
    if let Some(rid) = &request_id
        && board.request(scope, rid).await?.is_none()
    {
        errors.push(FieldError::new("request_id", "reference.unknown"));
    }
    let entry = (|| {
        Some(NewLogEntry {
            camera_id: id.to_owned(),
            kind: kind?,
            from: from?,
            to: to?,
            reason: reason?,
            explanation: explanation?,
            recipient: if disclosure { recipient } else { None },
            recipient_name: if disclosure { recipient_name } else { None },
            request_reference: reference,
            incident_id,
            request_id,
        })
    })();
    let entry = done(errors, entry).map_err(invalid)?;
    let logged = board.add_camera_log(&staff.actor(), &entry).await.map_err(stored)?;
    Ok(LogEntryOut::from(&logged))
}

// ---------------------------------------------------------------- holds

/// A footage hold: `{camera_id, from, to, incident_id?, reason, kind?}`;
/// `kind` is `incident` unless said otherwise, and then needs the incident.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct HoldCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub camera_id: Option<Given<String>>,
    #[schema(value_type = String)]
    pub from: Option<Given<String>>,
    #[schema(value_type = String)]
    pub to: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub incident_id: Option<Given<String>>,
    #[schema(value_type = String)]
    pub reason: Option<Given<String>>,
    /// `incident` (default), `legal_claim`, `request` or `other`.
    #[schema(value_type = Option<String>)]
    pub kind: Option<Given<String>>,
}

/// The release of a hold: `{reason}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct ReleaseCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// Why the footage need not be kept any more (the incident's handling ended).
    #[schema(value_type = String)]
    pub reason: Option<Given<String>>,
}

/// The holds of a camera or an incident (or all) on the cameras in the caller's scope.
///
/// # Errors
/// Forbidden, or the store.
pub async fn holds(
    app: &App,
    staff: &Staff,
    camera_id: Option<&str>,
    incident_id: Option<&str>,
) -> Result<Vec<HoldOut>> {
    let scope = staff.may(Action::CameraView)?;
    let board = store(app, staff);
    let cameras = board.cameras(scope).await?;
    let filter = HoldFilter { id: None, camera_id, incident_id };
    Ok(board
        .footage_holds(filter)
        .await?
        .iter()
        .filter(|h| cameras.iter().any(|c| c.id == h.camera_id))
        .map(HoldOut::from)
        .collect())
}

/// Places a hold on a camera's footage from..to (IBP manager; director for
/// their school), audited: that footage is kept until the hold is released.
///
/// # Errors
/// Forbidden, every wrong field (a camera or incident out of scope
/// `reference.unknown`), or the store.
pub async fn place_hold(app: &App, staff: &Staff, command: HoldCommand) -> Result<HoldOut> {
    let scope = staff.may(Action::FootageLog)?;
    let board = store(app, staff);
    let mut errors = command.unknown.errors();
    let camera_id = given_text(&mut errors, "camera_id", command.camera_id, true, TEXT_LIMIT);
    if let Some(id) = &camera_id
        && board.camera(scope, id).await?.is_none()
    {
        errors.push(FieldError::new("camera_id", "reference.unknown"));
    }
    let from = moment(&mut errors, "from", command.from);
    let to = moment(&mut errors, "to", command.to);
    if let (Some(from), Some(to)) = (from, to)
        && let Err(e) = check_range(from, to)
    {
        errors.push(FieldError::new("to", e.code));
    }
    let reason = given_text(&mut errors, "reason", command.reason, true, TEXT_LIMIT);
    let kind = given_text(&mut errors, "kind", command.kind, false, TEXT_LIMIT);
    let kind = crate::input::rule(&mut errors, "kind", kind, HoldKind::from_code).unwrap_or(HoldKind::Incident);
    let incident_id = given_text(&mut errors, "incident_id", command.incident_id, false, TEXT_LIMIT);
    if let Err(e) = check_hold(kind, incident_id.as_deref()) {
        errors.push(FieldError::new("incident_id", e.code));
    }
    known_incident(board, scope, &mut errors, incident_id.as_ref()).await?;
    let hold =
        (|| Some(NewFootageHold { camera_id: camera_id?, kind, from: from?, to: to?, incident_id, reason: reason? }))();
    let hold = done(errors, hold).map_err(invalid)?;
    let placed = board.place_footage_hold(&staff.actor(), &hold).await.map_err(stored)?;
    Ok(HoldOut::from(&placed))
}

/// Releases a footage hold with the reason, audited; the footage then goes
/// after its retention period.
///
/// # Errors
/// Forbidden, not found (also a camera out of scope), no reason, a hold
/// released already (409), or the store.
pub async fn release_hold(app: &App, staff: &Staff, id: &str, command: ReleaseCommand) -> Result<HoldOut> {
    let scope = staff.may(Action::FootageLog)?;
    let board = store(app, staff);
    let filter = HoldFilter { id: Some(id), ..HoldFilter::default() };
    let hold = board.footage_holds(filter).await?.pop().ok_or(Error::NotFound)?;
    board.camera(scope, &hold.camera_id).await?.ok_or(Error::NotFound)?;
    let mut errors = command.unknown.errors();
    let reason = given_text(&mut errors, "reason", command.reason, true, TEXT_LIMIT);
    let reason = done(errors, reason).map_err(invalid)?;
    let released = board.release_footage_hold(&staff.actor(), id, &reason).await.map_err(|e| match e {
        StoreError::WrongState => Error::conflict("id", "camera.hold_released"),
        other => other.into(),
    })?;
    Ok(HoldOut::from(&released))
}

// ---------------------------------------------------------------- quality card

/// Who may do what with the cameras, from the policy table.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RolePowers {
    /// The role's code (`ST`, `D`, `FG`, `CvB`).
    pub role: String,
    pub view: bool,
    pub manage: bool,
    /// Log viewings and disclosures, hold footage.
    pub log: bool,
}

/// How much was logged.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LoggingOut {
    pub viewings: usize,
    pub disclosures: usize,
    pub holds_in_force: usize,
}

/// One school's cameras on the quality card.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SchoolCameras {
    pub school_id: String,
    pub school_name: String,
    pub cameras: Vec<CameraOut>,
}

/// The kwaliteitskaart (seed 002 §7.3): locations, placement plan, retention,
/// roles and powers, logging.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QualityCard {
    /// `null`: every school in the caller's scope.
    pub school_id: Option<String>,
    pub schools: Vec<SchoolCameras>,
    /// The board's rule for camera footage (ISO 8601): the longest any camera keeps.
    pub retention_rule: String,
    pub legal_basis: String,
    pub roles: Vec<RolePowers>,
    pub logging: LoggingOut,
}

/// The roles that may do anything with the cameras, and what.
fn powers() -> Vec<RolePowers> {
    let has = |role: Role, action: Action| POLICY.iter().any(|g| g.role == role && g.action == action);
    Role::ALL
        .iter()
        .map(|role| RolePowers {
            role: role.code().to_owned(),
            view: has(*role, Action::CameraView),
            manage: has(*role, Action::CameraManage),
            log: has(*role, Action::FootageLog),
        })
        .filter(|p| p.view || p.manage || p.log)
        .collect()
}

/// The kwaliteitskaart of one school, or of every school in the caller's
/// scope: the active cameras, the retention, who may do what, and how much
/// was logged.
///
/// # Errors
/// Forbidden, a school out of scope (`reference.unknown` on `school_id`), or the store.
pub async fn quality_card(app: &App, staff: &Staff, school_id: Option<&str>) -> Result<QualityCard> {
    let scope = staff.may(Action::CameraView)?;
    let board = store(app, staff);
    let school_id = school_id.map(str::trim).filter(|s| !s.is_empty());
    let mut schools = board.schools(scope).await?;
    if let Some(id) = school_id {
        schools.retain(|s| s.id == id);
        if schools.is_empty() {
            return Err(invalid(vec![FieldError::new("school_id", "reference.unknown")]));
        }
    }
    let today = app.clock.today();
    let cameras: Vec<Camera> =
        board.cameras(scope).await?.into_iter().filter(|c| c.data.status == Status::Active).collect();
    let mut logging = LoggingOut { viewings: 0, disclosures: 0, holds_in_force: 0 };
    let mut out = Vec::new();
    for school in schools {
        let mine: Vec<&Camera> = cameras.iter().filter(|c| c.data.school_id == school.id).collect();
        for camera in &mine {
            for entry in board.camera_log(&camera.id).await? {
                match entry.kind {
                    LogKind::Viewing => logging.viewings += 1,
                    LogKind::Disclosure => logging.disclosures += 1,
                }
            }
            let filter = HoldFilter { camera_id: Some(&camera.id), ..HoldFilter::default() };
            logging.holds_in_force +=
                board.footage_holds(filter).await?.iter().filter(|h| h.released_at.is_none()).count();
        }
        out.push(SchoolCameras {
            school_id: school.id.clone(),
            school_name: school.name.clone(),
            cameras: mine.iter().map(|c| CameraOut::new(c, today)).collect(),
        });
    }
    Ok(QualityCard {
        school_id: school_id.map(str::to_owned),
        schools: out,
        retention_rule: footage_rule(board).await?.to_string(),
        legal_basis: LEGAL_BASIS.to_owned(),
        roles: powers(),
        logging,
    })
}

/// The kwaliteitskaart as sections of a document: purpose and legal basis,
/// the cameras per school, retention, roles and powers, logging.
fn card_sections(card: &QualityCard) -> Vec<Section> {
    let yes = |b: bool| t(if b { "camera.yes" } else { "camera.no" });
    let period = |text: &str| text.parse::<Period>().map_or_else(|_| text.to_owned(), crate::retention::period_words);
    let mut purposes: Vec<(String, String)> = Vec::new();
    for camera in card.schools.iter().flat_map(|s| &s.cameras) {
        if !purposes.iter().any(|(p, _)| *p == camera.purpose) {
            purposes.push((camera.purpose.clone(), String::new()));
        }
    }
    purposes.push((t("camera.legal_basis").to_owned(), String::new()));
    let mut sections = vec![Section { title: t("camera.card.legal").to_owned(), rows: purposes }];
    for school in &card.schools {
        let rows = school
            .cameras
            .iter()
            .map(|c| {
                let signs = if c.signs {
                    c.signs_where.clone().unwrap_or_else(|| yes(true).to_owned())
                } else {
                    yes(false).to_owned()
                };
                let text = tf(
                    "camera.card.pdf_camera",
                    &[
                        ("location", &c.location),
                        ("coverage", &c.coverage),
                        ("signs", &signs),
                        ("viewers", &c.viewers),
                        ("retention", &period(&c.retention)),
                        ("live", yes(c.live_view)),
                    ],
                );
                (c.name.clone(), text)
            })
            .collect();
        let title = tf("camera.card.pdf_locations", &[("school", &school.school_name)]);
        sections.push(Section { title, rows });
    }
    sections.push(Section {
        title: t("camera.card.retention").to_owned(),
        rows: vec![(tf("camera.card.retention_text", &[("period", &period(&card.retention_rule))]), String::new())],
    });
    let roles = card
        .roles
        .iter()
        .map(|r| {
            let powers =
                tf("camera.card.pdf_powers", &[("view", yes(r.view)), ("manage", yes(r.manage)), ("log", yes(r.log))]);
            (t(&format!("role.{}", r.role)).to_owned(), powers)
        })
        .collect();
    sections.push(Section { title: t("camera.card.roles").to_owned(), rows: roles });
    let logging = tf(
        "camera.card.logging_text",
        &[
            ("viewings", &card.logging.viewings.to_string()),
            ("disclosures", &card.logging.disclosures.to_string()),
            ("holds", &card.logging.holds_in_force.to_string()),
        ],
    );
    sections.push(Section { title: t("camera.card.logging").to_owned(), rows: vec![(logging, String::new())] });
    sections
}

/// The kwaliteitskaart as a PDF to hand over on request (seed 002 §7.3).
///
/// # Errors
/// As [`quality_card`], or the layout.
pub async fn quality_card_pdf(app: &App, staff: &Staff, school_id: Option<&str>) -> Result<Download> {
    let card = quality_card(app, staff, school_id).await?;
    let title = match (&card.school_id, card.schools.first()) {
        (Some(_), Some(school)) => tf("camera.card.pdf_title_school", &[("school", &school.school_name)]),
        _ => t("camera.card.title").to_owned(),
    };
    let bytes = sections_pdf(title, card_sections(&card)).await?;
    Ok(Download { bytes, content_type: "application/pdf", file_name: "kwaliteitskaart-cameratoezicht.pdf".to_owned() })
}
