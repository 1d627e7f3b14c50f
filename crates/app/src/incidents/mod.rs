//! The incident workflow shared by the API, the pages and the jobs: reading a
//! report, registering it and telling the people who must act, recording the
//! assessment, the letters to the people concerned, and the AP draft.

mod commands;
mod labels;
mod operations;

pub use commands::{
    BOARD_WIDE, CloseIncident, FollowUpAuthority, InformSubjects, LinkSubjects, NotifyAuthority, RecordMeasures,
    ReportIncident, Reporter, ValidNotification,
};
pub use labels::{answer_label, name, named, named_disclosure};
pub use operations::*;

use crate::App;
use crate::error::{Error, FieldError};
use crate::i18n::{t, tf};
use crate::input::TEXT_LIMIT;
use crate::mail::Mail;
use crate::people::responsible;
use aantoonbaar_rules::Role;
use aantoonbaar_rules::breach::{self, Assessment, BreachFacts, DataCategory, rfc3339};
use aantoonbaar_rules::calendar::dutch_time_zone;
use aantoonbaar_rules::incidents::{Channel, Status};
use aantoonbaar_store::{
    Actor, BoardId, Incident, IncidentAssessment, NewIncident, NewLetter, NewMail, Scope, StoreError,
};
use jiff::Timestamp;

/// An instant as RFC 3339, or a local Dutch date and time as a form's
/// `datetime-local` sends it (`2026-11-22T09:30`).
///
/// # Errors
/// `incident.no_such_date` for a day that does not exist (30 February),
/// `incident.moment_format` for anything else that is no moment.
pub fn parse_moment(text: &str) -> Result<Timestamp, aantoonbaar_rules::Invalid> {
    let text = text.trim();
    if let Ok(instant) = text.parse::<Timestamp>() {
        return Ok(instant);
    }
    text.parse::<jiff::civil::DateTime>()
        .ok()
        .and_then(|local| local.to_zoned(dutch_time_zone()).ok())
        .map(|zoned| zoned.timestamp())
        .ok_or_else(|| {
            aantoonbaar_rules::Invalid::new(if no_such_day(text) {
                "incident.no_such_date"
            } else {
                "incident.moment_format"
            })
        })
}

/// Whether `text` starts with a date in the form `YYYY-MM-DD` whose day does
/// not exist (`2026-02-30`, `2026-04-31`).
fn no_such_day(text: &str) -> bool {
    let mut parts = text.get(..10).unwrap_or_default().split('-');
    let (Some(year), Some(month), Some(day), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return false;
    }
    match (year.parse::<i16>(), month.parse::<i8>(), day.parse::<i8>()) {
        (Ok(year), Ok(month), Ok(day)) => jiff::civil::Date::new(year, month, day).is_err(),
        _ => false,
    }
}

/// Registers a report and, at once, tells the IBP manager, the director of the
/// school concerned and the FG (seed 001 §14.8), and confirms the reference to
/// the reporter. The mails name the reference and a link, never the contents.
///
/// # Errors
/// When the store cannot be written; a school of another board is `BadReference`.
pub async fn register(state: &App, board: &BoardId, actor: &Actor, new: &NewIncident) -> Result<Incident, StoreError> {
    let store = state.store.board(board);
    let told = responsible(store, new.school_id.as_deref()).await?.everyone();
    let notices = |incident: &Incident| -> Vec<NewMail> {
        let kind = t(&format!("incident.kind.{}", incident.kind.code()));
        let link = state.link(&format!("/incidenten/{}", incident.id));
        let subject = tf("incident.mail.new_subject", &[("reference", &incident.reference), ("kind", kind)]);
        let body = tf(
            "incident.mail.new_body",
            &[
                ("reference", &incident.reference),
                ("kind", kind),
                ("reported_at", &moment(incident.reported_at)),
                ("link", &link),
            ],
        );
        let mut mails: Vec<NewMail> =
            told.iter().map(|to| Mail { to, subject: &subject, body: &body, sensitive: false }.to_new()).collect();
        if let Some(to) = &incident.reporter_email {
            let subject = tf("incident.mail.confirm_subject", &[("reference", &incident.reference)]);
            let body = tf(
                "incident.mail.confirm_body",
                &[("reference", &incident.reference), ("name", &incident.reporter_name)],
            );
            mails.push(Mail { to, subject: &subject, body: &body, sensitive: false }.to_new());
        }
        mails
    };
    let incident = store.report_incident(actor, new, &notices).await?;
    state.mailer.wake();
    Ok(incident)
}

/// The moment in Dutch local time, to the minute: `22-11-2026 10:00`.
#[must_use]
pub fn moment(at: Timestamp) -> String {
    at.to_zoned(dutch_time_zone()).strftime("%d-%m-%Y %H:%M").to_string()
}

/// "2 d 5 u 12 min" left, or how long ago the deadline passed.
#[must_use]
pub fn time_left(deadline: Timestamp, now: Timestamp) -> String {
    let left = deadline.duration_since(now);
    let minutes = left.as_secs().unsigned_abs() / 60;
    let (days, hours, minutes) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let span = if days > 0 {
        tf("incident.span_days", &[("d", &days.to_string()), ("h", &hours.to_string()), ("m", &minutes.to_string())])
    } else {
        tf("incident.span_hours", &[("h", &hours.to_string()), ("m", &minutes.to_string())])
    };
    if left.is_negative() {
        tf("incident.overdue_by", &[("span", &span)])
    } else {
        tf("incident.left", &[("span", &span)])
    }
}

/// An overrule of the outcome by the person deciding: only with a written reason.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Overrule {
    pub notify_authority: Option<bool>,
    pub notify_subjects: Option<bool>,
    pub reason: Option<String>,
}

/// Assesses the facts (an unknown moment of awareness is the discovery) and
/// makes the record: the outcome, and the decision with who and when. An
/// overrule that changes nothing is no overrule; one without a reason is refused.
///
/// # Errors
/// `overrule.reason` when an overrule has no written reason or a too long one;
/// `aware_at` outside the plausible range of an incident.
pub fn decide(
    incident: &Incident,
    mut facts: BreachFacts,
    overrule: Option<Overrule>,
    decided_by: &str,
    now: Timestamp,
) -> Result<(IncidentAssessment, Assessment), Error> {
    if let Some(aware_at) = facts.aware_at {
        let question = breach::QUESTIONS.iter().find(|q| q.field == "aware_at");
        let label = question.map_or("aware_at", answer_label);
        match aantoonbaar_rules::incidents::implausible_moment(aware_at, now) {
            None => {}
            Some(aantoonbaar_rules::incidents::Implausible::InFuture) => {
                return Err(name(FieldError::new("aware_at", "incident.aware_in_future"), label).into());
            }
            Some(aantoonbaar_rules::incidents::Implausible::TooLongAgo) => {
                return Err(name(commands::too_long_ago("aware_at"), label).into());
            }
        }
    }
    facts.aware_at = facts.aware_at.or(Some(incident.discovered_at));
    let outcome = breach::assess(&facts);
    let overrule = overrule.unwrap_or_default();
    let notify_authority = overrule.notify_authority.unwrap_or(outcome.notify_authority);
    let notify_subjects = overrule.notify_subjects.unwrap_or(outcome.notify_subjects);
    let overruled = notify_authority != outcome.notify_authority || notify_subjects != outcome.notify_subjects;
    let reason = overrule.reason.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty());
    if overruled && reason.is_none() {
        return Err(named(vec![FieldError::new("overrule.reason", "incident.overrule_reason_required")]).into());
    }
    if reason.as_ref().is_some_and(|r| r.chars().count() > TEXT_LIMIT) {
        let mut error = FieldError::new("overrule.reason", "field.text_too_long");
        error.detail = tf("field.text_too_long", &[("limit", &TEXT_LIMIT.to_string())]);
        return Err(named(vec![error]).into());
    }
    let record = IncidentAssessment {
        facts: serde_json::to_string(&facts).map_err(|e| Error::internal(&e))?,
        is_breach: outcome.is_breach,
        severity: outcome.severity.code().to_owned(),
        outcome_notify_authority: outcome.notify_authority,
        outcome_notify_subjects: outcome.notify_subjects,
        subjects_alternative: outcome.subjects_alternative.code().to_owned(),
        reasons: outcome.reasons.iter().map(ToString::to_string).collect(),
        aware_at: facts.aware_at,
        deadline_at: outcome.authority_deadline.as_ref().map(jiff::Zoned::timestamp),
        notify_authority,
        notify_subjects,
        overrule_reason: if overruled { reason } else { None },
        decided_by: decided_by.to_owned(),
        decided_at: now,
    };
    Ok((record, outcome))
}

/// One field of the AP's notification form, to copy into the AP's site.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct DraftField {
    /// `nature, categories, subjects, records, dpo, consequences, measures, …`
    pub field: &'static str,
    pub label: String,
    pub value: String,
}

/// The draft of the notification to the AP with what AVG art. 33 lid 3 a–d
/// asks: the nature of the breach with the categories and approximate numbers
/// of people and records, the FG's contact details, the likely consequences,
/// and the measures taken or proposed.
pub async fn authority_draft(state: &App, board: &BoardId, incident: &Incident) -> Result<Vec<DraftField>, Error> {
    let facts: BreachFacts =
        incident.assessment.as_ref().and_then(|a| serde_json::from_str(&a.facts).ok()).unwrap_or_default();
    let users = state.store.board(board).users(&Scope::Board).await?;
    let dpo: Vec<String> =
        users.iter().filter(|u| u.roles.contains(&Role::Fg)).map(|u| format!("{} <{}>", u.name, u.email)).collect();
    let categories: Vec<&str> = facts.data_categories.iter().flatten().map(|c| DataCategory::label(*c)).collect();
    let unknown = t("incident.draft.unknown");
    let or_unknown = |text: &str| if text.trim().is_empty() { unknown.to_owned() } else { text.to_owned() };
    let consequences = incident.assessment.as_ref().map_or_else(
        || unknown.to_owned(),
        |a| {
            tf("incident.draft.consequences_value", &[("severity", t(&format!("incident.severity.{}", a.severity)))])
                + "\n"
                + &a.reasons.join("\n")
        },
    );
    let field = |field: &'static str, value: String| DraftField {
        field,
        label: t(&format!("incident.draft.{field}")).to_owned(),
        value,
    };
    Ok(vec![
        field("reference", incident.reference.clone()),
        field("nature", or_unknown(&incident.what_happened)),
        field("discovered_at", moment(incident.discovered_at)),
        field(
            "aware_at",
            incident.assessment.as_ref().and_then(|a| a.aware_at).map_or_else(|| unknown.to_owned(), moment),
        ),
        field("ongoing", t(if incident.ongoing { "incident.yes" } else { "incident.no" }).to_owned()),
        field("people", or_unknown(&incident.people_concerned)),
        field("subjects", facts.subjects.map_or_else(|| unknown.to_owned(), |n| n.to_string())),
        field(
            "records",
            if categories.is_empty() { or_unknown(&incident.data_concerned) } else { categories.join("; ") },
        ),
        field("dpo", if dpo.is_empty() { unknown.to_owned() } else { dpo.join("; ") }),
        field("consequences", consequences),
        field("measures", incident.measures.clone().unwrap_or_else(|| t("incident.draft.measures_hint").to_owned())),
    ])
}

/// The art. 34 lid 2 letter to one person concerned, in plain language: what
/// happened, the FG's contact details, the likely consequences and the measures.
#[must_use]
pub fn letter_text(
    incident: &Incident,
    recipient: &str,
    pupil: Option<&str>,
    dpo: &str,
    consequences: &str,
    measures: &str,
) -> String {
    let about = pupil.map_or_else(String::new, |p| tf("incident.letter.about_pupil", &[("pupil", p)]));
    tf(
        "incident.letter.body",
        &[
            ("recipient", recipient),
            ("about", &about),
            ("reference", &incident.reference),
            ("what", &incident.what_happened),
            ("discovered", &moment(incident.discovered_at)),
            ("consequences", consequences),
            ("measures", measures),
            ("dpo", dpo),
        ],
    )
}

/// The name of the staff member with this address (who decided), or the
/// address when no user of the board has it any more.
///
/// # Errors
/// When the store cannot be read.
pub async fn person_name(state: &App, board: &BoardId, email: &str) -> Result<String, StoreError> {
    Ok(name_among(&state.store.board(board).users(&Scope::Board).await?, email))
}

/// As [`person_name`], from the board's users read once (the register's export).
#[must_use]
pub fn name_among(users: &[aantoonbaar_store::User], email: &str) -> String {
    users.iter().find(|u| u.email == email).map_or_else(|| email.to_owned(), |u| u.name.clone())
}

/// The FG's contact details for a letter.
///
/// # Errors
/// When the store cannot be read.
pub async fn dpo_contact(state: &App, board: &BoardId) -> Result<String, StoreError> {
    let users = state.store.board(board).users(&Scope::Board).await?;
    let dpo: Vec<String> =
        users.iter().filter(|u| u.roles.contains(&Role::Fg)).map(|u| format!("{} ({})", u.name, u.email)).collect();
    Ok(if dpo.is_empty() { t("incident.draft.unknown").to_owned() } else { dpo.join(", ") })
}

/// The deadline as RFC 3339 in Dutch time, for the API.
#[must_use]
pub fn deadline_text(at: Timestamp) -> String {
    rfc3339(&at.to_zoned(dutch_time_zone()))
}

/// How the people concerned are informed, as the person deciding chose.
#[derive(Debug, Clone)]
pub struct Communication {
    pub decision: aantoonbaar_rules::incidents::SubjectsDecision,
    /// Why no letters (`not_needed`, `public_announcement`).
    pub reason: Option<String>,
    /// The text of the public announcement.
    pub announcement: Option<String>,
    /// The likely consequences, in plain language (AVG art. 34 lid 2 with 33 lid 3 c).
    pub consequences: Option<String>,
    /// The measures taken or proposed (art. 33 lid 3 d).
    pub measures: Option<String>,
}

/// Records the communication and, for letters, writes one per guardian of each
/// linked pupil (custodial, or with full information) and per linked guardian,
/// e-mails it when an address is known, and keeps it for the PDF.
///
/// # Errors
/// 422 `decision` when letters are chosen but nobody is linked to write to.
pub async fn communicate(
    state: &App,
    board: &BoardId,
    actor: &Actor,
    incident: &Incident,
    communication: &Communication,
) -> Result<Vec<aantoonbaar_store::IncidentLetter>, Error> {
    use aantoonbaar_rules::incidents::SubjectsDecision;
    let store = state.store.board(board);
    let mut letters: Vec<NewLetter> = Vec::new();
    if communication.decision == SubjectsDecision::Letters {
        let dpo = dpo_contact(state, board).await?;
        let consequences = communication.consequences.clone().unwrap_or_default();
        let measures = communication.measures.clone().unwrap_or_default();
        let mut seen = std::collections::HashSet::new();
        for subject in store.incident_subjects(&incident.id).await? {
            let recipients: Vec<(aantoonbaar_store::Guardian, Option<(String, String)>)> = match subject.kind {
                "pupil" => store
                    .guardians_of(&subject.id)
                    .await?
                    .into_iter()
                    .filter(|g| g.link.holds_custody || g.information_granted_on.is_some())
                    .map(|g| (g.guardian, Some((subject.id.clone(), subject.name.clone()))))
                    .collect(),
                "guardian" => {
                    store.guardian(&Scope::Board, &subject.id).await?.into_iter().map(|g| (g, None)).collect()
                }
                _ => Vec::new(),
            };
            for (guardian, pupil) in recipients {
                if !seen.insert((guardian.id.clone(), pupil.as_ref().map(|p| p.0.clone()))) {
                    continue;
                }
                let name = guardian.full_name();
                let body =
                    letter_text(incident, &name, pupil.as_ref().map(|p| p.1.as_str()), &dpo, &consequences, &measures);
                letters.push(NewLetter {
                    guardian_id: Some(guardian.id.clone()),
                    pupil_id: pupil.map(|p| p.0),
                    recipient_name: name,
                    recipient_email: guardian.email.clone(),
                    body,
                });
            }
        }
        if letters.is_empty() {
            return Err(Error::field("decision", "incident.no_recipients"));
        }
    }
    // Each letter with a known address is mailed; the mails are written with the letters.
    let subject = tf("incident.letter.subject", &[("reference", &incident.reference)]);
    let mails: Vec<NewMail> = letters
        .iter()
        .filter_map(|l| {
            l.recipient_email.as_deref().map(|to| Mail { to, subject: &subject, body: &l.body, sensitive: true })
        })
        .map(|mail| mail.to_new())
        .collect();
    let letters = store
        .record_subjects_communication(
            actor,
            &incident.id,
            communication.decision,
            communication.reason.as_deref(),
            communication.announcement.as_deref(),
            &letters,
            &mails,
        )
        .await?;
    state.mailer.wake();
    Ok(letters)
}

/// Tells a reporter from outside the staff (portal, public disclosure page)
/// that their report moved on, if they left an address (seed 001 §14.10: "wij
/// houden je op de hoogte van de voortgang").
///
/// # Errors
/// When the outbox cannot be written.
pub async fn tell_reporter(
    state: &App,
    board: &BoardId,
    incident: &Incident,
    status: Status,
) -> Result<(), StoreError> {
    let Some(to) = incident.reporter_email.as_deref().filter(|_| incident.channel != Channel::Staff) else {
        return Ok(());
    };
    let subject = tf("incident.mail.status_subject", &[("reference", &incident.reference)]);
    let status = t(&format!("incident.status.{}", status.code()));
    let body = tf(
        "incident.mail.status_body",
        &[("name", &incident.reporter_name), ("reference", &incident.reference), ("status", status)],
    );
    state.mailer.send(board, Mail { to, subject: &subject, body: &body, sensitive: false }).await
}
