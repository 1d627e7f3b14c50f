//! The commands of the incident register, one type per operation. The JSON
//! API and the page forms both deserialise into these, and each `validate`
//! reports every wrong field at once, so a page and the API refuse the same
//! input with the same field named.

use super::labels::{named, named_disclosure};
use super::{Communication, parse_moment};
use crate::error::FieldError;
use crate::i18n::tf;
use crate::input::{TEXT_LIMIT, Unknown, done, flexible_bool, one_or_many, text};
use aantoonbaar_rules::incidents::{
    Channel, Implausible, Kind, MOMENT_LOOKBACK_YEARS, SubjectsDecision, implausible_moment, overdue,
};
use aantoonbaar_store::{Closing, Incident, NewIncident};
use jiff::Timestamp;
use serde::Deserialize;
use utoipa::ToSchema;

/// The reporter, as the channel knows them.
#[derive(Debug, Clone)]
pub struct Reporter {
    pub kind: Kind,
    pub channel: Channel,
    pub user_id: Option<String>,
    pub name: String,
    pub email: Option<String>,
    /// The schools a staff member works at (their scope), of which a report
    /// names one; `None` when the channel decides the school (the portal, the
    /// public page).
    pub schools: Option<Vec<String>>,
}

/// The `school_id` of a report that concerns the whole board (or no school
/// known): the IBP manager and the FG are told, no director.
pub const BOARD_WIDE: &str = "board";

/// A moment typed by a person: RFC 3339, or a form's local Dutch
/// `datetime-local`; within the plausible range of an incident
/// ([`implausible_moment`]). `in_future` names what lies in the future.
fn moment(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: Option<&str>,
    now: Timestamp,
    in_future: &str,
) -> Option<Timestamp> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    match parse_moment(value) {
        Ok(at) => match implausible_moment(at, now) {
            None => Some(at),
            Some(Implausible::InFuture) => {
                errors.push(FieldError::new(field, in_future));
                None
            }
            Some(Implausible::TooLongAgo) => {
                errors.push(too_long_ago(field));
                None
            }
        },
        Err(invalid) => {
            errors.push(FieldError::new(field, invalid.code));
            None
        }
    }
}

/// `incident.too_long_ago` with the number of years of the rule.
pub(super) fn too_long_ago(field: &str) -> FieldError {
    let mut error = FieldError::new(field, "incident.too_long_ago");
    error.detail = tf("incident.too_long_ago", &[("years", &MOMENT_LOOKBACK_YEARS.to_string())]);
    error
}

/// The school of a staff member's report: the one chosen, [`BOARD_WIDE`] by
/// choice, or the reporter's only school; with several to choose from, a
/// choice is required (a report that silently goes board-wide reaches no director).
fn school_of(errors: &mut Vec<FieldError>, chosen: Option<String>, schools: Option<&[String]>) -> Option<String> {
    let chosen = chosen.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    match (chosen, schools) {
        (Some(board), _) if board == BOARD_WIDE => None,
        (Some(school), _) => Some(school),
        (None, Some([only])) => Some(only.clone()),
        (None, Some(several)) if several.len() > 1 => {
            errors.push(FieldError::new("school_id", "incident.school_required"));
            None
        }
        (None, _) => None,
    }
}

/// A report: `{school_id?, what_happened, discovered_at (RFC 3339), data_concerned?,
/// people_concerned?, device?, ongoing?}`. `school_id` is a school, or `"board"` for
/// a board-wide report; without it the reporter's only school.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct ReportIncident {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// A school's id, or `"board"` (the whole board or unknown); default the reporter's only school.
    pub school_id: Option<String>,
    pub what_happened: Option<String>,
    /// RFC 3339, or a local Dutch date and time `2026-11-22T09:30`.
    pub discovered_at: Option<String>,
    pub data_concerned: Option<String>,
    pub people_concerned: Option<String>,
    pub device: Option<String>,
    #[serde(default, deserialize_with = "flexible_bool")]
    pub ongoing: Option<bool>,
}

impl ReportIncident {
    /// What happened and when are required, the discovery lies in the plausible
    /// range ([`implausible_moment`]), a staff member with several schools chooses
    /// one (or board-wide), and no text is longer than [`TEXT_LIMIT`].
    ///
    /// # Errors
    /// Every wrong field.
    pub fn validate(self, reporter: Reporter, now: Timestamp) -> Result<NewIncident, Vec<FieldError>> {
        let disclosure = reporter.kind == Kind::Vulnerability;
        let mut errors = self.unknown.errors();
        let what_happened = text(&mut errors, "what_happened", self.what_happened, true, TEXT_LIMIT);
        let discovered_at =
            moment(&mut errors, "discovered_at", self.discovered_at.as_deref(), now, "incident.discovered_in_future");
        if self.discovered_at.as_deref().is_none_or(|v| v.trim().is_empty()) {
            errors.push(FieldError::new("discovered_at", "field.required"));
        }
        let data_concerned = text(&mut errors, "data_concerned", self.data_concerned, false, TEXT_LIMIT);
        let people_concerned = text(&mut errors, "people_concerned", self.people_concerned, false, TEXT_LIMIT);
        let device = text(&mut errors, "device", self.device, false, TEXT_LIMIT);
        let school_id = school_of(&mut errors, self.school_id, reporter.schools.as_deref());
        let valid = what_happened.zip(discovered_at).map(|(what_happened, discovered_at)| NewIncident {
            kind: reporter.kind,
            channel: reporter.channel,
            school_id,
            reported_by: reporter.user_id,
            reporter_name: reporter.name,
            reporter_email: reporter.email,
            what_happened,
            discovered_at,
            data_concerned: data_concerned.unwrap_or_default(),
            people_concerned: people_concerned.unwrap_or_default(),
            device: device.unwrap_or_default(),
            ongoing: self.ongoing.unwrap_or(false),
        });
        let named = if disclosure { named_disclosure(errors) } else { named(errors) };
        done(named, valid)
    }
}

/// The notification to the AP: `{ap_reference, sent_at? (default now), delay_reason?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct NotifyAuthority {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// The AP's reference of the notification.
    pub ap_reference: Option<String>,
    /// When it was sent: RFC 3339 or a local Dutch date and time; default now.
    pub sent_at: Option<String>,
    /// Required when the notification came after the 72-hour deadline (AVG art. 33 lid 1).
    pub delay_reason: Option<String>,
}

/// A notification that passed every check.
#[derive(Debug, Clone)]
pub struct ValidNotification {
    pub ap_reference: String,
    pub sent_at: Timestamp,
    pub delay_reason: Option<String>,
}

impl NotifyAuthority {
    /// The reference is required; the incident must have been assessed; the
    /// moment of sending lies in the plausible range and not before the
    /// discovery; after the 72-hour deadline
    /// the reasons for the delay are required (AVG art. 33 lid 1).
    ///
    /// # Errors
    /// Every wrong field.
    pub fn validate(self, incident: &Incident, now: Timestamp) -> Result<ValidNotification, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let ap_reference = text(&mut errors, "ap_reference", self.ap_reference, true, TEXT_LIMIT);
        let sent_at = match self.sent_at.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            None => Some(now),
            typed => moment(&mut errors, "sent_at", typed, now, "incident.sent_in_future"),
        };
        let sent_at = sent_at.filter(|sent| {
            let before = *sent < incident.discovered_at;
            if before {
                errors.push(FieldError::new("sent_at", "incident.sent_before_discovery"));
            }
            !before
        });
        let delay_reason = text(&mut errors, "delay_reason", self.delay_reason, false, TEXT_LIMIT);
        match incident.assessment.as_ref() {
            None => errors.push(FieldError::new("id", "incident.not_assessed")),
            Some(assessment) => {
                let late = sent_at
                    .zip(assessment.deadline_at)
                    .is_some_and(|(sent, deadline)| overdue(deadline, Some(sent), now));
                if late && delay_reason.is_none() && !errors.iter().any(|e| e.field == "delay_reason") {
                    errors.push(FieldError::new("delay_reason", "incident.delay_reason_required"));
                }
            }
        }
        let valid = ap_reference.zip(sent_at).map(|(ap_reference, sent_at)| ValidNotification {
            ap_reference,
            sent_at,
            delay_reason,
        });
        done(named(errors), valid)
    }
}

/// Further information for the AP (AVG art. 33 lid 4): `{content, sent_at? (default now)}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct FollowUpAuthority {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    pub content: Option<String>,
    /// RFC 3339 or a local Dutch date and time; default now.
    pub sent_at: Option<String>,
}

impl FollowUpAuthority {
    /// A text within [`TEXT_LIMIT`], about an incident whose notification was
    /// recorded, sent not in the future.
    ///
    /// # Errors
    /// Every wrong field.
    pub fn validate(self, incident: &Incident, now: Timestamp) -> Result<(String, Timestamp), Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let content = text(&mut errors, "content", self.content, true, TEXT_LIMIT);
        let sent_at = match self.sent_at.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            None => Some(now),
            typed => moment(&mut errors, "sent_at", typed, now, "incident.sent_in_future"),
        };
        if incident.authority_sent_at.is_none() {
            errors.push(FieldError::new("id", "incident.not_notified"));
        }
        done(named(errors), content.zip(sent_at))
    }
}

/// The people an incident concerns: `{pupil_ids?: [...], guardian_ids?: [...], user_ids?: [...]}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkSubjects {
    #[serde(default, deserialize_with = "one_or_many")]
    pub pupil_ids: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub guardian_ids: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub user_ids: Vec<String>,
}

/// How the people concerned are informed (AVG art. 34):
/// `{decision: letters|not_needed|public_announcement, consequences?, measures?, reason?, announcement?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct InformSubjects {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// `letters, not_needed, public_announcement`
    pub decision: Option<String>,
    pub consequences: Option<String>,
    pub measures: Option<String>,
    pub reason: Option<String>,
    pub announcement: Option<String>,
}

impl InformSubjects {
    /// Letters need the consequences and the measures, no letters needs a
    /// reason, a public announcement its text.
    ///
    /// # Errors
    /// Every missing or too long field.
    pub fn validate(self) -> Result<Communication, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let decision = match self.decision.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => {
                errors.push(FieldError::new("decision", "field.required"));
                None
            }
            Some(code) => {
                SubjectsDecision::from_code(code).map_err(|e| errors.push(FieldError::new("decision", e.code))).ok()
            }
        };
        let letters = decision == Some(SubjectsDecision::Letters);
        let reason = text(&mut errors, "reason", self.reason, decision.is_some() && !letters, TEXT_LIMIT);
        let public = decision == Some(SubjectsDecision::PublicAnnouncement);
        let announcement = text(&mut errors, "announcement", self.announcement, public, TEXT_LIMIT);
        let consequences = text(&mut errors, "consequences", self.consequences, letters, TEXT_LIMIT);
        let measures = text(&mut errors, "measures", self.measures, letters, TEXT_LIMIT);
        let valid = decision.map(|decision| Communication { decision, reason, announcement, consequences, measures });
        done(named(errors), valid)
    }
}

/// Closing an incident: `{measures, cause, evaluation}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct CloseIncident {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    pub measures: Option<String>,
    pub cause: Option<String>,
    pub evaluation: Option<String>,
}

impl CloseIncident {
    /// All three texts are required; the incident must be assessed, and a
    /// notifiable breach notified to the AP.
    ///
    /// # Errors
    /// Every wrong field; `id` for the state of the incident.
    pub fn validate(self, incident: &Incident) -> Result<Closing, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let measures = text(&mut errors, "measures", self.measures, true, TEXT_LIMIT);
        let cause = text(&mut errors, "cause", self.cause, true, TEXT_LIMIT);
        let evaluation = text(&mut errors, "evaluation", self.evaluation, true, TEXT_LIMIT);
        match &incident.assessment {
            None => errors.push(FieldError::new("id", "incident.not_assessed")),
            Some(a) if a.notify_authority && incident.authority_sent_at.is_none() => {
                errors.push(FieldError::new("id", "incident.not_notified"));
            }
            Some(_) => {}
        }
        let valid = measures.zip(cause).zip(evaluation).map(|((measures, cause), evaluation)| Closing {
            measures,
            cause,
            evaluation,
        });
        done(named(errors), valid)
    }
}

/// The measures taken or proposed, written in the AP draft while the incident
/// is open (AVG art. 33 lid 3 d): `{measures}`. Closing records the final text.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RecordMeasures {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    pub measures: Option<String>,
}

impl RecordMeasures {
    /// A text within [`TEXT_LIMIT`].
    ///
    /// # Errors
    /// Every wrong field.
    pub fn validate(self) -> Result<String, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let measures = text(&mut errors, "measures", self.measures, true, TEXT_LIMIT);
        done(named(errors), measures)
    }
}
