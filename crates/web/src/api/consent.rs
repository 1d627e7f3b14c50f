//! Consent for images and social media: purposes, decisions, objections, the
//! publication check and the board's consent settings.

use super::{ApiJson, Fields};
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, FieldError, Problem};
use crate::i18n::t;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::consent::{
    Choice, Custodian, Decider, Decision, Objection, Pupil as ConsentPupil, Reason, Renewal, Settings, evaluate,
};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_store::{BoardSettings, Channel, ConsentDecisionRecord, ConsentFacts, NewConsentDecision};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct PurposeOut {
    code: String,
    name: String,
    description: String,
    /// The text's version; a decision records the version it answered.
    version: i64,
}

/// `{pupil_id, purpose, decision: granted|refused, guardian_id? | by_pupil: true, decided_at?, channel: paper|portal|staff, signed?}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct DecisionIn {
    pupil_id: String,
    purpose: String,
    decision: String,
    guardian_id: Option<String>,
    by_pupil: Option<bool>,
    decided_at: Option<String>,
    channel: String,
    signed: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct DecisionOut {
    id: String,
    pupil_id: String,
    purpose: String,
    purpose_version: i64,
    decision: String,
    guardian_id: Option<String>,
    by_pupil: bool,
    decided_at: String,
    channel: String,
    signed: Option<bool>,
    recorded_by: String,
}

impl From<ConsentDecisionRecord> for DecisionOut {
    fn from(d: ConsentDecisionRecord) -> Self {
        Self {
            id: d.id,
            pupil_id: d.pupil_id,
            purpose: d.purpose,
            purpose_version: d.purpose_version,
            decision: if d.decision == Choice::Granted { "granted" } else { "refused" }.to_owned(),
            guardian_id: d.guardian_id,
            by_pupil: d.by_pupil,
            decided_at: d.decided_at.to_string(),
            channel: d.channel.code().to_owned(),
            signed: d.signed,
            recorded_by: d.recorded_by,
        }
    }
}

/// `{pupil_id, guardian_id, purpose?, noted_at?}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct ObjectionIn {
    pupil_id: String,
    guardian_id: String,
    purpose: Option<String>,
    noted_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ObjectionOut {
    id: String,
    pupil_id: String,
    guardian_id: String,
    purpose: Option<String>,
    noted_on: String,
}

/// `{purpose, pupil_ids: [...], date?: YYYY-MM-DD}`.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct CheckIn {
    purpose: String,
    pupil_ids: Vec<String>,
    date: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PupilVerdict {
    pupil_id: String,
    allowed: bool,
    /// `granted, no_decision, refused, withdrawn, objection, pupil_must_decide,
    /// both_parents_needed, no_custodial_guardian, left_school, restricted`
    reason: String,
    /// Why, in Dutch, for the teacher.
    explanation: String,
}

#[derive(Serialize, ToSchema)]
pub struct CheckOut {
    /// Only when every pupil in the photo may be published.
    allowed: bool,
    pupils: Vec<PupilVerdict>,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct SettingsOut {
    /// `yearly` (ask every school year anew) or `once` (with a yearly reminder).
    consent_renewal: String,
    /// For separated parents who both hold custody: both must have granted.
    both_parents_when_separated: bool,
}

impl From<BoardSettings> for SettingsOut {
    fn from(s: BoardSettings) -> Self {
        Self {
            consent_renewal: s.consent_renewal.code().to_owned(),
            both_parents_when_separated: s.both_parents_when_separated,
        }
    }
}

fn parse_instant(text: &str) -> Result<Timestamp, aantoonbaar_rules::Invalid> {
    text.trim().parse::<Timestamp>().map_err(|_| aantoonbaar_rules::Invalid::new("instant.format"))
}

/// The board's consent purposes with their current texts.
#[utoipa::path(get, path = "/consent-purposes", tag = "consent", responses((status = 200, body = [PurposeOut])))]
pub async fn purposes(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<PurposeOut>>> {
    let purposes = state.store.board(&staff.principal.board).consent_purposes(staff.now).await?;
    Ok(Json(
        purposes
            .into_iter()
            .map(|p| PurposeOut { code: p.code, name: p.name, description: p.description, version: p.version })
            .collect(),
    ))
}

/// The pupil (404 when not in scope), and field errors for a guardian not
/// linked to them or a purpose the board does not have.
async fn check_references(
    board: aantoonbaar_store::BoardStore<'_>,
    scope: &aantoonbaar_store::Scope,
    f: &mut Fields,
    pupil_id: Option<&str>,
    guardian_id: Option<&str>,
    purpose: Option<&str>,
    now: Timestamp,
) -> ApiResult<Option<aantoonbaar_store::Pupil>> {
    let pupil = match pupil_id {
        Some(id) => Some(board.pupil(scope, id).await?.ok_or_else(Problem::not_found)?),
        None => None,
    };
    if let (Some(pupil), Some(guardian)) = (&pupil, guardian_id)
        && !board.guardians_of(&pupil.id).await?.iter().any(|g| g.guardian.id == guardian)
    {
        f.errors.push(FieldError::new("guardian_id", "consent.not_linked"));
    }
    if let Some(purpose) = purpose
        && !board.consent_purposes(now).await?.iter().any(|p| p.code == purpose)
    {
        f.errors.push(FieldError::new("purpose", "consent.purpose_unknown"));
    }
    Ok(pupil)
}

/// Records a decision (a paper form, a portal answer, or what a parent told
/// staff). A decision by a guardian without custody, or by a pupil under 16, is
/// stored — it is what happened — but does not count; the check says why.
#[utoipa::path(post, path = "/consent-decisions", tag = "consent", request_body = DecisionIn,
    responses((status = 201, body = DecisionOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn decide(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<(StatusCode, Json<DecisionOut>)> {
    let scope = staff.may(Action::ConsentRecord)?;
    let board = state.store.board(&staff.principal.board);
    let known = ["pupil_id", "purpose", "decision", "guardian_id", "by_pupil", "decided_at", "channel", "signed"];
    let by_pupil = matches!(body.get("by_pupil"), Some(Value::Bool(true)));
    let signed = body.get("signed").and_then(Value::as_bool);
    let mut f = Fields::new(body, &known);
    let pupil_id = f.required("pupil_id");
    let purpose = f.required("purpose");
    let v = f.required("decision");
    let choice = f.parse("decision", v, |d| match d {
        "granted" => Ok(Choice::Granted),
        "refused" => Ok(Choice::Refused),
        _ => Err(aantoonbaar_rules::Invalid::new("consent.decision_unknown")),
    });
    let guardian_id = f.text("guardian_id");
    let v = f.text("decided_at");
    let decided_at = f.parse("decided_at", v, parse_instant);
    let v = f.required("channel");
    let channel = f.parse("channel", v, |c| match c {
        "paper" => Ok(Channel::Paper),
        "portal" => Ok(Channel::Portal),
        "staff" => Ok(Channel::Staff),
        _ => Err(aantoonbaar_rules::Invalid::new("consent.channel_unknown")),
    });
    if guardian_id.is_some() == by_pupil {
        f.errors.push(FieldError::new("guardian_id", "consent.error.decider"));
    }
    if decided_at.is_some_and(|at| at > staff.now) {
        f.errors.push(FieldError::new("decided_at", "consent.future"));
    }
    let pupil = check_references(
        board,
        scope,
        &mut f,
        pupil_id.as_deref(),
        guardian_id.as_deref(),
        purpose.as_deref(),
        staff.now,
    )
    .await?;
    let (pupil, purpose, choice, channel) = f.done((|| Some((pupil?, purpose?, choice?, channel?)))())?;
    let decision = NewConsentDecision {
        pupil_id: pupil.id,
        purpose,
        choice,
        guardian_id,
        by_pupil,
        decided_at: decided_at.unwrap_or(staff.now),
        channel,
        signed,
    };
    let record = board.record_consent_decision(&staff.actor(), &decision).await?;
    Ok((StatusCode::CREATED, Json(record.into())))
}

/// Records that the school knows a parent objects, to one purpose or (without
/// `purpose`) to all: their consent is then needed too (seed 001 §14.6).
#[utoipa::path(post, path = "/consent-objections", tag = "consent", request_body = ObjectionIn,
    responses((status = 201, body = ObjectionOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn object(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<(StatusCode, Json<ObjectionOut>)> {
    let scope = staff.may(Action::ConsentRecord)?;
    let board = state.store.board(&staff.principal.board);
    let mut f = Fields::new(body, &["pupil_id", "guardian_id", "purpose", "noted_at"]);
    let pupil_id = f.required("pupil_id");
    let guardian_id = f.required("guardian_id");
    let purpose = f.text("purpose");
    let v = f.text("noted_at");
    let noted_at = f.parse("noted_at", v, parse_instant);
    let pupil = check_references(
        board,
        scope,
        &mut f,
        pupil_id.as_deref(),
        guardian_id.as_deref(),
        purpose.as_deref(),
        staff.now,
    )
    .await?;
    let (pupil, guardian_id) = f.done(pupil.zip(guardian_id))?;
    let noted_on = aantoonbaar_rules::calendar::dutch_date(noted_at.unwrap_or(staff.now));
    let id =
        board.record_consent_objection(&staff.actor(), &pupil.id, &guardian_id, purpose.as_deref(), noted_on).await?;
    let out = ObjectionOut { id, pupil_id: pupil.id, guardian_id, purpose, noted_on: noted_on.to_string() };
    Ok((StatusCode::CREATED, Json(out)))
}

/// The verdict for each pupil in `facts` for one purpose, in the order of `pupil_ids`.
#[must_use]
pub fn verdicts(facts: &ConsentFacts, pupil_ids: &[String], purpose: &str, day: Date) -> Vec<(String, Reason)> {
    let settings = Settings {
        renewal: facts.settings.consent_renewal,
        both_parents_when_separated: facts.settings.both_parents_when_separated,
    };
    pupil_ids
        .iter()
        .filter_map(|id| facts.pupils.iter().find(|p| &p.id == id))
        .map(|pupil| {
            let custodians: Vec<Custodian<'_>> = facts
                .custodians
                .get(&pupil.id)
                .map(|list| {
                    list.iter().map(|(g, custody)| Custodian { guardian: g, holds_custody: *custody }).collect()
                })
                .unwrap_or_default();
            let decisions: Vec<Decision<'_>> = facts
                .decisions
                .iter()
                .filter(|d| d.pupil_id == pupil.id && d.purpose == purpose)
                .map(|d| Decision {
                    by: d.guardian_id.as_deref().map_or(Decider::Pupil, Decider::Guardian),
                    choice: d.choice,
                    on: d.decided_on,
                })
                .collect();
            let objections: Vec<Objection<'_>> = facts
                .objections
                .iter()
                .filter(|o| o.pupil_id == pupil.id && o.purpose.as_deref().is_none_or(|p| p == purpose))
                .map(|o| Objection { guardian: &o.guardian_id, noted_on: o.noted_on })
                .collect();
            let subject = ConsentPupil {
                birth_date: pupil.birth_date,
                has_left: pupil.leave_date.is_some_and(|d| d <= day),
                restricted: facts
                    .restricted
                    .iter()
                    .any(|(p, restricted)| p == &pupil.id && restricted.as_deref().is_none_or(|r| r == purpose)),
                separated: pupil.family_situation == Some(aantoonbaar_rules::organisation::FamilySituation::Separated),
            };
            let verdict = evaluate(day, &subject, &custodians, &decisions, &objections, &settings);
            (pupil.id.clone(), verdict.reason)
        })
        .collect()
}

/// The consent verdict for each of `pupil_ids` visible in `scope`, for one purpose and day.
///
/// # Errors
/// When the store fails.
pub async fn verdicts_for(
    board: aantoonbaar_store::BoardStore<'_>,
    scope: &aantoonbaar_store::Scope,
    pupil_ids: &[String],
    purpose: &str,
    day: Date,
) -> Result<Vec<(String, Reason)>, aantoonbaar_store::StoreError> {
    let facts = board.consent_facts(scope, pupil_ids, Some(purpose), day).await?;
    Ok(verdicts(&facts, pupil_ids, purpose, day))
}

/// The verdicts for several purposes at once, from one read: per purpose (in
/// the order given), each pupil's verdict.
///
/// # Errors
/// When the store fails.
pub async fn verdicts_per_purpose(
    board: aantoonbaar_store::BoardStore<'_>,
    scope: &aantoonbaar_store::Scope,
    pupil_ids: &[String],
    purposes: &[&str],
    day: Date,
) -> Result<Vec<HashMap<String, Reason>>, aantoonbaar_store::StoreError> {
    let facts = board.consent_facts(scope, pupil_ids, None, day).await?;
    Ok(purposes.iter().map(|purpose| verdicts(&facts, pupil_ids, purpose, day).into_iter().collect()).collect())
}

/// May these pupils appear in a publication for this purpose on this day (default today)?
#[utoipa::path(post, path = "/publication-check", tag = "consent", request_body = CheckIn,
    responses((status = 200, body = CheckOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn check(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<Json<CheckOut>> {
    let scope = staff.may(Action::PupilView)?;
    let board = state.store.board(&staff.principal.board);
    let pupil_ids: Option<Vec<String>> = match body.get("pupil_ids") {
        Some(Value::Array(items)) => items.iter().map(|v| v.as_str().map(str::to_owned)).collect(),
        _ => None,
    };
    let mut f = Fields::new(body, &["purpose", "pupil_ids", "date"]);
    let purpose = f.required("purpose");
    let v = f.text("date");
    let day = f.parse("date", v, parse_iso_date);
    if pupil_ids.is_none() {
        f.errors.push(FieldError::new("pupil_ids", "consent.pupil_ids"));
    }
    let day = day.unwrap_or_else(|| state.clock.today());
    let mut facts = None;
    if let (Some(purpose), Some(pupil_ids)) = (&purpose, &pupil_ids) {
        let mut read = board.consent_facts(scope, pupil_ids, Some(purpose), day).await?;
        if !read.purpose_known && board.consent_purposes(staff.now).await?.iter().any(|p| &p.code == purpose) {
            // The board's default purposes were only just created.
            read = board.consent_facts(scope, pupil_ids, Some(purpose), day).await?;
        }
        if !read.purpose_known {
            f.errors.push(FieldError::new("purpose", "consent.purpose_unknown"));
        }
        facts = Some(read);
    }
    let (purpose, pupil_ids, facts) = f.done((|| Some((purpose?, pupil_ids?, facts?)))())?;
    if facts.pupils.len() != pupil_ids.iter().collect::<std::collections::HashSet<_>>().len() {
        return Err(Problem::not_found());
    }
    let pupils: Vec<PupilVerdict> = verdicts(&facts, &pupil_ids, &purpose, day)
        .into_iter()
        .map(|(pupil_id, reason)| PupilVerdict {
            pupil_id,
            allowed: reason.allows(),
            reason: reason.code().to_owned(),
            explanation: t(&format!("consent.reason.{}", reason.code())).to_owned(),
        })
        .collect();
    Ok(Json(CheckOut { allowed: pupils.iter().all(|p| p.allowed), pupils }))
}

/// The board's consent settings.
#[utoipa::path(get, path = "/board/settings", tag = "consent", responses((status = 200, body = SettingsOut)))]
pub async fn settings(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<SettingsOut>> {
    Ok(Json(state.store.board(&staff.principal.board).board_settings().await?.into()))
}

/// Changes the board's consent settings (IBP manager).
#[utoipa::path(put, path = "/board/settings", tag = "consent", request_body = SettingsOut,
    responses((status = 200, body = SettingsOut), (status = 422, body = Problem)))]
pub async fn update_settings(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<Json<SettingsOut>> {
    staff.may(Action::BoardSettingsManage)?;
    let board = state.store.board(&staff.principal.board);
    let current = board.board_settings().await?;
    let both = match body.get("both_parents_when_separated") {
        None => Some(current.both_parents_when_separated),
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => None,
    };
    let mut f = Fields::new(body, &["consent_renewal", "both_parents_when_separated"]);
    let v = f.text("consent_renewal");
    let renewal = f.parse("consent_renewal", v, Renewal::from_code).or(Some(current.consent_renewal));
    if both.is_none() {
        f.errors.push(FieldError::new("both_parents_when_separated", "field.not_boolean"));
    }
    let (consent_renewal, both_parents_when_separated) = f.done(renewal.zip(both))?;
    let settings = BoardSettings { consent_renewal, both_parents_when_separated };
    board.set_board_settings(&staff.actor(), settings).await?;
    Ok(Json(settings.into()))
}
