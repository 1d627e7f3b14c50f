//! Consent for images and social media (seed 001 §14.4–14.6): decisions and
//! objections as staff record them, the publication check and the board's
//! settings (the yearly round: `consent_round`). The API and the pages call these.

use crate::error::{Error, FieldError, Result};
use crate::input::{Unknown, done, flexible_bool};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::consent::{
    Choice, Custodian, Decider, Decision, Objection, Pupil as ConsentPupil, Reason, Renewal, Settings, evaluate,
};
use aantoonbaar_rules::organisation::{FamilySituation, parse_iso_date};
use aantoonbaar_store::{
    BoardSettings, BoardStore, Channel, ConsentDecisionRecord, ConsentFacts, NewConsentDecision, Pupil, Scope,
    StoreError,
};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use utoipa::ToSchema;

fn instant(errors: &mut Vec<FieldError>, field: &str, value: Option<String>) -> Option<Timestamp> {
    let value = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())?;
    value.parse::<Timestamp>().map_err(|_| errors.push(FieldError::new(field, "instant.format"))).ok()
}

fn required(errors: &mut Vec<FieldError>, field: &str, value: Option<String>) -> Option<String> {
    let value = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    if value.is_none() {
        errors.push(FieldError::new(field, "field.required"));
    }
    value
}

/// The pupil in the caller's scope (else [`Error::NotFound`]), with field errors
/// for a guardian not linked to them or a purpose the board does not have.
async fn references(
    board: BoardStore<'_>,
    scope: &Scope,
    errors: &mut Vec<FieldError>,
    pupil_id: Option<&str>,
    guardian_id: Option<&str>,
    purpose: Option<&str>,
    now: Timestamp,
) -> Result<Option<Pupil>> {
    let pupil = match pupil_id {
        Some(id) => Some(board.pupil(scope, id).await?.ok_or(Error::NotFound)?),
        None => None,
    };
    if let (Some(pupil), Some(guardian)) = (&pupil, guardian_id)
        && !board.guardians_of(&pupil.id).await?.iter().any(|g| g.guardian.id == guardian)
    {
        errors.push(FieldError::new("guardian_id", "consent.not_linked"));
    }
    if let Some(purpose) = purpose
        && !board.consent_purposes(now).await?.iter().any(|p| p.code == purpose)
    {
        errors.push(FieldError::new("purpose", "consent.purpose_unknown"));
    }
    Ok(pupil)
}

/// A decision: `{pupil_id, purpose, decision: granted|refused, guardian_id? | by_pupil: true,
/// decided_at?, channel: paper|portal|staff, signed?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RecordDecision {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    pub pupil_id: Option<String>,
    pub purpose: Option<String>,
    /// `granted, refused`
    pub decision: Option<String>,
    pub guardian_id: Option<String>,
    #[serde(default, deserialize_with = "flexible_bool")]
    pub by_pupil: Option<bool>,
    /// RFC 3339; default now.
    pub decided_at: Option<String>,
    /// `paper, portal, staff`
    pub channel: Option<String>,
    #[serde(default, deserialize_with = "flexible_bool")]
    pub signed: Option<bool>,
}

/// Records a decision (a paper form, a portal answer, or what a parent told
/// staff). A decision by a guardian without custody, or by a pupil under 16, is
/// stored — it is what happened — but does not count; the check says why.
///
/// # Errors
/// Forbidden, a pupil not in scope, every wrong field, or the store.
pub async fn record_decision(app: &App, staff: &Staff, command: RecordDecision) -> Result<ConsentDecisionRecord> {
    let scope = staff.may(Action::ConsentRecord)?;
    let board = app.store.board(&staff.principal.board);
    let mut errors = command.unknown.errors();
    let pupil_id = required(&mut errors, "pupil_id", command.pupil_id);
    let purpose = required(&mut errors, "purpose", command.purpose);
    let choice = required(&mut errors, "decision", command.decision).and_then(|d| match d.as_str() {
        "granted" => Some(Choice::Granted),
        "refused" => Some(Choice::Refused),
        _ => {
            errors.push(FieldError::new("decision", "consent.decision_unknown"));
            None
        }
    });
    let guardian_id = command.guardian_id.map(|g| g.trim().to_owned()).filter(|g| !g.is_empty());
    let by_pupil = command.by_pupil == Some(true);
    let decided_at = instant(&mut errors, "decided_at", command.decided_at);
    let channel = required(&mut errors, "channel", command.channel).and_then(|c| match c.as_str() {
        "paper" => Some(Channel::Paper),
        "portal" => Some(Channel::Portal),
        "staff" => Some(Channel::Staff),
        _ => {
            errors.push(FieldError::new("channel", "consent.channel_unknown"));
            None
        }
    });
    if guardian_id.is_some() == by_pupil {
        errors.push(FieldError::new("guardian_id", "consent.error.decider"));
    }
    if decided_at.is_some_and(|at| at > staff.now) {
        errors.push(FieldError::new("decided_at", "consent.future"));
    }
    let pupil = references(
        board,
        scope,
        &mut errors,
        pupil_id.as_deref(),
        guardian_id.as_deref(),
        purpose.as_deref(),
        staff.now,
    )
    .await?;
    let (pupil, purpose, choice, channel) = done(errors, (|| Some((pupil?, purpose?, choice?, channel?)))())?;
    let decision = NewConsentDecision {
        pupil_id: pupil.id,
        purpose,
        choice,
        guardian_id,
        by_pupil,
        decided_at: decided_at.unwrap_or(staff.now),
        channel,
        signed: command.signed,
    };
    Ok(board.record_consent_decision(&staff.actor(), &decision).await?)
}

/// An objection: `{pupil_id, guardian_id, purpose?, noted_at?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RecordObjection {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    pub pupil_id: Option<String>,
    pub guardian_id: Option<String>,
    /// One purpose; absent: every purpose.
    pub purpose: Option<String>,
    /// RFC 3339; default now.
    pub noted_at: Option<String>,
}

/// A recorded objection.
#[derive(Debug, Clone)]
pub struct RecordedObjection {
    pub id: String,
    pub pupil_id: String,
    pub guardian_id: String,
    pub purpose: Option<String>,
    pub noted_on: Date,
}

/// Records that the school knows a parent objects, to one purpose or (without
/// `purpose`) to all: their consent is then needed too (seed 001 §14.6).
///
/// # Errors
/// Forbidden, a pupil not in scope, every wrong field, or the store.
pub async fn record_objection(app: &App, staff: &Staff, command: RecordObjection) -> Result<RecordedObjection> {
    let scope = staff.may(Action::ConsentRecord)?;
    let board = app.store.board(&staff.principal.board);
    let mut errors = command.unknown.errors();
    let pupil_id = required(&mut errors, "pupil_id", command.pupil_id);
    let guardian_id = required(&mut errors, "guardian_id", command.guardian_id);
    let purpose = command.purpose.map(|p| p.trim().to_owned()).filter(|p| !p.is_empty());
    let noted_at = instant(&mut errors, "noted_at", command.noted_at);
    let pupil = references(
        board,
        scope,
        &mut errors,
        pupil_id.as_deref(),
        guardian_id.as_deref(),
        purpose.as_deref(),
        staff.now,
    )
    .await?;
    let (pupil, guardian_id) = done(errors, pupil.zip(guardian_id))?;
    let noted_on = aantoonbaar_rules::calendar::dutch_date(noted_at.unwrap_or(staff.now));
    let id =
        board.record_consent_objection(&staff.actor(), &pupil.id, &guardian_id, purpose.as_deref(), noted_on).await?;
    Ok(RecordedObjection { id, pupil_id: pupil.id, guardian_id, purpose, noted_on })
}

/// The publication check: `{purpose, pupil_ids: [...], date?: YYYY-MM-DD}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct PublicationCheck {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    pub purpose: Option<String>,
    pub pupil_ids: Option<Vec<String>>,
    /// `YYYY-MM-DD`; default today.
    pub date: Option<String>,
}

/// May these pupils appear in a publication for this purpose on this day? The
/// verdict per pupil, in the order asked.
///
/// # Errors
/// Forbidden, a pupil not in scope (not found), every wrong field, or the store.
pub async fn check(app: &App, staff: &Staff, command: PublicationCheck) -> Result<Vec<(String, Reason)>> {
    let scope = staff.may(Action::PupilView)?;
    let board = app.store.board(&staff.principal.board);
    let mut errors = command.unknown.errors();
    let purpose = required(&mut errors, "purpose", command.purpose);
    let day =
        command.date.map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()).and_then(|d| {
            parse_iso_date(&d).map_err(|invalid| errors.push(FieldError::new("date", invalid.code))).ok()
        });
    if command.pupil_ids.is_none() {
        errors.push(FieldError::new("pupil_ids", "consent.pupil_ids"));
    }
    let day = day.unwrap_or_else(|| app.clock.today());
    let mut facts = None;
    if let (Some(purpose), Some(pupil_ids)) = (&purpose, &command.pupil_ids) {
        let mut read = board.consent_facts(scope, pupil_ids, Some(purpose), day, staff.versions).await?;
        if !read.purpose_known && board.consent_purposes(staff.now).await?.iter().any(|p| &p.code == purpose) {
            // The board's default purposes were only just created (so the
            // versions read for this request are behind).
            read = board.consent_facts(scope, pupil_ids, Some(purpose), day, None).await?;
        }
        if !read.purpose_known {
            errors.push(FieldError::new("purpose", "consent.purpose_unknown"));
        }
        facts = Some(read);
    }
    let (purpose, pupil_ids, facts) = done(errors, (|| Some((purpose?, command.pupil_ids?, facts?)))())?;
    if facts.pupils.len() != pupil_ids.iter().collect::<HashSet<_>>().len() {
        return Err(Error::NotFound);
    }
    Ok(verdicts(&facts, &pupil_ids, &purpose, day))
}

/// The board's consent settings: `{consent_renewal?, both_parents_when_separated?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct UpdateSettings {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// `yearly` (ask every school year anew) or `once` (with a yearly reminder).
    pub consent_renewal: Option<String>,
    /// For separated parents who both hold custody: both must have granted.
    #[serde(default, deserialize_with = "flexible_bool")]
    pub both_parents_when_separated: Option<bool>,
}

/// Changes the board's consent settings (IBP manager); what is not given stays.
///
/// # Errors
/// Forbidden, every wrong field, or the store.
pub async fn update_settings(app: &App, staff: &Staff, command: UpdateSettings) -> Result<BoardSettings> {
    staff.may(Action::BoardSettingsManage)?;
    let board = app.store.board(&staff.principal.board);
    let current = board.board_settings().await?;
    let mut errors = command.unknown.errors();
    let renewal = match command.consent_renewal.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty()) {
        None => Some(current.consent_renewal),
        Some(code) => {
            Renewal::from_code(&code).map_err(|e| errors.push(FieldError::new("consent_renewal", e.code))).ok()
        }
    };
    let both = command.both_parents_when_separated.unwrap_or(current.both_parents_when_separated);
    let consent_renewal = done(errors, renewal)?;
    let settings = BoardSettings { consent_renewal, both_parents_when_separated: both };
    board.set_board_settings(&staff.actor(), settings).await?;
    Ok(settings)
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
                separated: pupil.family_situation == Some(FamilySituation::Separated),
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
    board: BoardStore<'_>,
    scope: &Scope,
    pupil_ids: &[String],
    purpose: &str,
    day: Date,
) -> Result<Vec<(String, Reason)>, StoreError> {
    let facts = board.consent_facts(scope, pupil_ids, Some(purpose), day, None).await?;
    Ok(verdicts(&facts, pupil_ids, purpose, day))
}

/// The verdicts for several purposes at once, from one read: per purpose (in
/// the order given), each pupil's verdict.
///
/// # Errors
/// When the store fails.
pub async fn verdicts_per_purpose(
    board: BoardStore<'_>,
    scope: &Scope,
    pupil_ids: &[String],
    purposes: &[&str],
    day: Date,
) -> Result<Vec<HashMap<String, Reason>>, StoreError> {
    let facts = board.consent_facts(scope, pupil_ids, None, day, None).await?;
    Ok(purposes.iter().map(|purpose| verdicts(&facts, pupil_ids, purpose, day).into_iter().collect()).collect())
}
