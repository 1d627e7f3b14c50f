//! Consent for images and social media: purposes, decisions, objections, the
//! publication check, the board's consent settings and the consent round.
//! Each handler calls the operation in `aantoonbaar_app::consent` (the round:
//! `aantoonbaar_app::consent_round`), as the consent pages do.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use crate::i18n::t;
use aantoonbaar_app::consent::{self as app, PublicationCheck, RecordDecision, RecordObjection, UpdateSettings};
use aantoonbaar_app::consent_round::{self as round, RoundChoice};
use aantoonbaar_rules::consent::Choice;
use aantoonbaar_store::{BoardSettings, ConsentDecisionRecord};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct PurposeOut {
    code: String,
    name: String,
    description: String,
    /// The text's version; a decision records the version it answered.
    version: i64,
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

#[derive(Serialize, ToSchema)]
pub struct ObjectionOut {
    id: String,
    pupil_id: String,
    guardian_id: String,
    purpose: Option<String>,
    noted_on: String,
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

/// Records a decision (a paper form, a portal answer, or what a parent told
/// staff). A decision by a guardian without custody, or by a pupil under 16, is
/// stored — it is what happened — but does not count; the check says why.
#[utoipa::path(post, path = "/consent-decisions", tag = "consent", request_body = RecordDecision,
    responses((status = 201, body = DecisionOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn decide(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<RecordDecision>,
) -> ApiResult<(StatusCode, Json<DecisionOut>)> {
    let record = app::record_decision(&state, &staff, command).await?;
    Ok((StatusCode::CREATED, Json(record.into())))
}

/// Records that the school knows a parent objects, to one purpose or (without
/// `purpose`) to all: their consent is then needed too (seed 001 §14.6).
#[utoipa::path(post, path = "/consent-objections", tag = "consent", request_body = RecordObjection,
    responses((status = 201, body = ObjectionOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn object(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<RecordObjection>,
) -> ApiResult<(StatusCode, Json<ObjectionOut>)> {
    let o = app::record_objection(&state, &staff, command).await?;
    let out = ObjectionOut {
        id: o.id,
        pupil_id: o.pupil_id,
        guardian_id: o.guardian_id,
        purpose: o.purpose,
        noted_on: o.noted_on.to_string(),
    };
    Ok((StatusCode::CREATED, Json(out)))
}

/// May these pupils appear in a publication for this purpose on this day (default today)?
#[utoipa::path(post, path = "/publication-check", tag = "consent", request_body = PublicationCheck,
    responses((status = 200, body = CheckOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn check(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<PublicationCheck>,
) -> ApiResult<Json<CheckOut>> {
    let pupils: Vec<PupilVerdict> = app::check(&state, &staff, command)
        .await?
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

/// Changes the board's consent settings (IBP manager); what is not given stays.
#[utoipa::path(put, path = "/board/settings", tag = "consent", request_body = UpdateSettings,
    responses((status = 200, body = SettingsOut), (status = 422, body = Problem)))]
pub async fn update_settings(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<UpdateSettings>,
) -> ApiResult<Json<SettingsOut>> {
    Ok(Json(app::update_settings(&state, &staff, command).await?.into()))
}

#[derive(Serialize, ToSchema)]
pub struct InvitationsOut {
    /// Whether the invitations were sent (`confirm: true`), or only counted.
    sent: bool,
    /// The school chosen; absent: every school in scope.
    school: Option<String>,
    /// The group chosen; absent: every group.
    group: Option<String>,
    /// One per child per person asked: that go (or went).
    invitations: usize,
    /// The parents' addresses they go to.
    parents: usize,
    /// How many go to pupils of 16 and over themselves.
    pupils: usize,
    /// Left out: the person was invited about that child this school year already.
    skipped: usize,
}

/// The consent round's invitations for this school year, for one school, one
/// group, or (`whole_board: true`) every school in scope: to each custodial
/// guardian, and to each pupil of 16 or over at their own address, one per
/// child. Without `confirm: true` nothing is sent: the answer says how many
/// would go. Nobody is invited about a child twice in a school year.
#[utoipa::path(post, path = "/consent-round/invitations", tag = "consent", request_body = RoundChoice,
    responses((status = 200, body = InvitationsOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn invite(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<RoundChoice>,
) -> ApiResult<Json<InvitationsOut>> {
    let r = round::send_invitations(&state, &staff, command).await?;
    Ok(Json(InvitationsOut {
        sent: r.sent,
        school: r.school,
        group: r.group,
        invitations: r.mails,
        parents: r.parents,
        pupils: r.pupils,
        skipped: r.skipped,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct RemindersOut {
    /// Whether the reminders were sent (`confirm: true`), or only counted.
    sent: bool,
    /// The school chosen; absent: every school in scope.
    school: Option<String>,
    /// The group chosen; absent: every group.
    group: Option<String>,
    /// One per child per person asked: that go (or went).
    reminders: usize,
    /// The parents' addresses they go to.
    parents: usize,
    /// How many go to pupils of 16 and over themselves.
    pupils: usize,
    /// Left out: the person was reminded about that child within the interval.
    skipped: usize,
    /// The interval in days.
    interval_days: u64,
}

/// Reminders about the pupils nobody answered for yet this school year, for
/// one school, one group, or (`whole_board: true`) every school in scope.
/// Without `confirm: true` nothing is sent: the answer says how many would go.
/// A person reminded about a child within the interval is not reminded again.
#[utoipa::path(post, path = "/consent-round/reminders", tag = "consent", request_body = RoundChoice,
    responses((status = 200, body = RemindersOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn remind(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<RoundChoice>,
) -> ApiResult<Json<RemindersOut>> {
    let r = round::remind(&state, &staff, command).await?;
    Ok(Json(RemindersOut {
        sent: r.sent,
        school: r.school,
        group: r.group,
        reminders: r.mails,
        parents: r.parents,
        pupils: r.pupils,
        skipped: r.skipped,
        interval_days: state.config.consent_reminder_interval_days(),
    }))
}
