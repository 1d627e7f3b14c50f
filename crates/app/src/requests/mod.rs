//! Data-subject requests as the API and the pages share them: intake (deadline,
//! the director who decides, the FG told), the decision with its letter, the
//! access overview, the portability export and the reminders before deadlines.

mod operations;

pub use operations::*;

use crate::App;
use crate::deadlines::equated_days;
use crate::error::Error;
use crate::i18n::{t, tf};
use crate::mail::Mail;
use crate::people::responsible;
use aantoonbaar_documents::{DocumentSection, sectioned_document};
use aantoonbaar_rules::deadlines::{request_deadlines, working_days_until};
use aantoonbaar_rules::holidays::HolidayCalendar;
use aantoonbaar_rules::requests::{Outcome, Reason, RequestKind};
use aantoonbaar_store::{
    Actor, BoardStore, ConsentDecisionRecord, LinkedGuardian, NewRequest, Pupil, Request, Scope, StoreError,
};
use jiff::civil::Date;
use serde::Serialize;

/// Working days left until the request's current deadline on `today`.
#[must_use]
pub fn working_days_left(request: &Request, today: Date, equated: &[Date]) -> i64 {
    working_days_until(today, request.current_deadline(), &HolidayCalendar::new(equated))
}

/// The working days left, once, in words: `nog 3 werkdagen`, `vandaag`, `2 werkdagen te laat`.
#[must_use]
pub fn days_left_words(left: i64) -> String {
    let days = left.unsigned_abs().to_string();
    match left {
        0 => t("request.days.today").to_owned(),
        1 => t("request.days.left_one").to_owned(),
        -1 => t("request.days.late_one").to_owned(),
        2.. => tf("request.days.left", &[("days", &days)]),
        _ => tf("request.days.late", &[("days", &days)]),
    }
}

/// Records a request: the deadline from the engine (with the board's equated
/// days), assigned to the director of the pupil's school; the FG and the
/// director are told by mail (with a link, without the subject's data).
///
/// # Errors
/// When the store or the outbox fails.
pub async fn record(state: &App, board: BoardStore<'_>, actor: &Actor, mut new: NewRequest) -> Result<Request, Error> {
    let equated = equated_days(board).await?;
    new.deadline = request_deadlines(new.received_on, &HolidayCalendar::new(&equated)).deadline;
    let contacts = responsible(board, new.school_id.as_deref()).await?;
    new.assigned_to = contacts.assignee().map(str::to_owned);
    let request = board.create_request(actor, &new).await?;
    let link = state.link(&format!("/verzoeken/{}", request.id));
    let kind = t(&format!("request.kind.{}", request.new.kind.code()));
    let deadline = dutch_date(request.new.deadline);
    let received = dutch_date(request.new.received_on);
    let body = tf(
        "request.mail.new_body",
        &[("kind", kind), ("received", &received), ("deadline", &deadline), ("link", &link)],
    );
    let subject = tf("request.mail.new_subject", &[("kind", kind)]);
    for to in &contacts.directors_and_fg() {
        let mail = Mail { to, subject: &subject, body: &body, sensitive: false };
        state.mailer.send(board.id(), mail).await?;
    }
    Ok(request)
}

/// `22-11-2026`, as dates are written in Dutch letters.
#[must_use]
pub fn dutch_date(day: Date) -> String {
    day.strftime("%d-%m-%Y").to_string()
}

/// Who the answer letter is from and to: the requester addressed by name, the
/// school that answers, the director who decided and signs, and where the
/// requester downloads the overview (the parent portal), if they can.
#[derive(Debug, Clone, Default)]
pub struct LetterParties {
    pub requester: Option<String>,
    pub subject: Option<String>,
    pub school: Option<String>,
    pub director: Option<String>,
    /// The parent portal, when the requester signs in there with a known address.
    pub portal: Option<String>,
}

/// The parties of `request`'s letter, read from the store.
///
/// # Errors
/// When the store fails.
pub async fn letter_parties(
    state: &App,
    board: BoardStore<'_>,
    request: &Request,
) -> Result<LetterParties, StoreError> {
    let requester_guardian = match &request.new.requester_guardian_id {
        Some(id) => board.guardian(&Scope::Board, id).await?,
        None => None,
    };
    let subject = subject_name(board, request).await?;
    let requester = match &requester_guardian {
        Some(g) => Some(g.full_name()),
        None if request.new.requester_relation == "self" => subject.clone(),
        None => request.new.requester_description.clone(),
    };
    let pupil_email = match (&request.new.subject_pupil_id, request.new.requester_relation.as_str()) {
        (Some(id), "self") if requester_guardian.is_none() => {
            board.pupil(&Scope::Board, id).await?.and_then(|p| p.email)
        }
        _ => None,
    };
    let portal_user = requester_guardian.and_then(|g| g.email).or(pupil_email);
    let school = match &request.new.school_id {
        Some(id) => board.school(&Scope::Board, id).await?.map(|s| s.name),
        None => None,
    };
    let director = decider_name(board, request).await?;
    let portal = portal_user.filter(|_| request.new.subject_pupil_id.is_some()).map(|_| state.link("/ouders"));
    Ok(LetterParties { requester, subject, school, director, portal })
}

/// The name of the user who decided `request`, once decided.
///
/// # Errors
/// When the store fails.
pub async fn decider_name(board: BoardStore<'_>, request: &Request) -> Result<Option<String>, StoreError> {
    let Some(id) = &request.decided_by else { return Ok(None) };
    Ok(board.users(&Scope::Board).await?.into_iter().find(|u| &u.id == id).map(|u| u.name))
}

/// The paragraphs of the answer letter, as e-mail body and PDF. Every letter
/// states the request, the outcome and the rights the law requires; a letter
/// that does not grant in full states the reason (AVG art. 12(4); seed 001
/// art. 14.2) and the right to complain to the AP and to go to court. It
/// addresses the requester by name and is signed by the director who decided,
/// for the school.
#[must_use]
pub fn letter(request: &Request, parties: &LetterParties) -> Vec<String> {
    let kind = t(&format!("request.kind.{}", request.new.kind.code()));
    let received = dutch_date(request.new.received_on);
    let school = parties.school.as_deref().unwrap_or_else(|| t("request.letter.the_school"));
    let mut paragraphs = vec![match &parties.requester {
        Some(name) => tf("request.letter.salutation_named", &[("name", name)]),
        None => t("request.letter.salutation").to_owned(),
    }];
    let facts = [("kind", kind), ("received", received.as_str()), ("school", school)];
    paragraphs.push(match &parties.subject {
        Some(name) => tf("request.letter.intro_about", &[facts.as_slice(), &[("name", name)]].concat()),
        None => tf("request.letter.intro", &facts),
    });
    let outcome = request.outcome.unwrap_or(Outcome::Granted);
    paragraphs.push(t(&format!("request.letter.outcome.{}", outcome.code())).to_owned());
    if request.new.kind == RequestKind::Access && outcome != Outcome::Refused {
        paragraphs.push(match &parties.portal {
            Some(link) => tf("request.letter.access_portal", &[("link", link), ("school", school)]),
            None => tf("request.letter.access_paper", &[("school", school)]),
        });
        paragraphs.push(t("request.letter.information").to_owned());
        paragraphs.extend(
            INFORMATION.iter().map(|key| format!("{}: {}", t(&format!("{key}.label")), t(&format!("{key}.text")))),
        );
    }
    if let Some(reason) = request.reason {
        paragraphs.push(tf("request.letter.reason", &[("reason", t(&format!("request.reason.{}", reason.code())))]));
    }
    if let Some(explanation) = request.explanation.as_deref().filter(|e| !e.trim().is_empty()) {
        paragraphs.push(explanation.trim().to_owned());
    }
    if outcome.needs_reason() {
        paragraphs.push(t("request.letter.refusal_rights").to_owned());
    }
    paragraphs.push(t("request.letter.rights").to_owned());
    paragraphs.push(tf("request.letter.complaint", &[("school", school)]));
    paragraphs.push(match &parties.director {
        Some(director) => tf("request.letter.closing_signed", &[("director", director), ("school", school)]),
        None => tf("request.letter.closing", &[("school", school)]),
    });
    paragraphs
}

/// Records the decision and sends the answer letter to the requester's known
/// e-mail address; returns the address it went to, if any.
///
/// # Errors
/// When the store or the outbox fails ([`StoreError::NotFound`] when decided before).
async fn decide_and_answer(
    state: &App,
    board: BoardStore<'_>,
    actor: &Actor,
    request: &Request,
    outcome: Outcome,
    reason: Option<Reason>,
    explanation: Option<&str>,
) -> Result<Option<String>, Error> {
    board.decide_request(actor, &request.id, outcome, reason, explanation).await?;
    let decided = board.request(&Scope::Board, &request.id).await?.ok_or(Error::NotFound)?;
    let to = match &decided.new.requester_guardian_id {
        Some(id) => board.guardian(&Scope::Board, id).await?.and_then(|g| g.email),
        None => None,
    };
    if let Some(to) = &to {
        let parties = letter_parties(state, board, &decided).await?;
        let body = letter(&decided, &parties).join("\n\n");
        let kind = t(&format!("request.kind.{}", decided.new.kind.code()));
        let subject = tf("request.mail.answer_subject", &[("kind", kind)]);
        state.mailer.send(board.id(), Mail { to, subject: &subject, body: &body, sensitive: false }).await?;
    }
    Ok(to)
}

/// The subject's name as the letter mentions it.
///
/// # Errors
/// When the store fails.
pub async fn subject_name(board: BoardStore<'_>, request: &Request) -> Result<Option<String>, StoreError> {
    if let Some(id) = &request.new.subject_pupil_id {
        return Ok(board.pupil(&Scope::Board, id).await?.map(|p| p.full_name()));
    }
    if let Some(id) = &request.new.subject_guardian_id {
        return Ok(board.guardian(&Scope::Board, id).await?.map(|g| g.full_name()));
    }
    Ok(request.new.subject_description.clone())
}

// ---------------------------------------------------------------- what the system holds

/// Everything the system holds about a pupil: the access overview and the
/// portability export are both made from this.
#[derive(Debug, Clone, Serialize)]
pub struct PupilData {
    pub pupil: PupilRecord,
    pub guardians: Vec<GuardianRecord>,
    pub consent_history: Vec<ConsentRecord>,
    /// `null` for the whole pupil, else a consent purpose.
    pub restrictions: Vec<Option<String>>,
    pub requests: Vec<RequestRecord>,
    pub incidents: Vec<IncidentRecord>,
}

impl PupilData {
    /// What the requester of a request may receive: the child's data and what
    /// is held about the requester themself, never another guardian's contact
    /// details (AVG art. 15 lid 4: the rights and freedoms of others). Other
    /// guardians keep their name and relation to the child, which the file
    /// states about the child.
    #[must_use]
    pub fn for_requester(mut self, requester_guardian_id: Option<&str>) -> Self {
        for guardian in self.guardians.iter_mut().filter(|g| Some(g.id.as_str()) != requester_guardian_id) {
            guardian.email = None;
            guardian.phone = None;
        }
        self
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PupilRecord {
    pub id: String,
    pub external_number: String,
    pub given_name: String,
    pub surname_prefix: Option<String>,
    pub surname: String,
    pub birth_date: Date,
    pub school_id: String,
    pub group_id: String,
    pub enrolment_date: Date,
    pub leave_date: Option<Date>,
    pub leave_destination: Option<String>,
    pub family_situation: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GuardianRecord {
    pub id: String,
    pub given_name: String,
    pub surname_prefix: Option<String>,
    pub surname: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub relation: String,
    pub holds_custody: bool,
    pub recognised: bool,
    pub information_granted_on: Option<Date>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConsentRecord {
    pub purpose: String,
    pub purpose_version: i64,
    pub decision: String,
    pub guardian_id: Option<String>,
    pub by_pupil: bool,
    pub decided_at: jiff::Timestamp,
    pub channel: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RequestRecord {
    pub id: String,
    pub kind: String,
    pub received_on: Date,
    pub deadline: Date,
    pub extended_deadline: Option<Date>,
    pub outcome: Option<String>,
    pub reason: Option<String>,
    pub decided_on: Option<Date>,
}

/// An incident that concerns the pupil, without what others reported or wrote
/// in it (their names, descriptions): only what happened to this pupil's data
/// and what the board did about it.
#[derive(Debug, Clone, Serialize)]
pub struct IncidentRecord {
    pub reference: String,
    pub kind: String,
    pub reported_on: Date,
    pub status: String,
    /// Whether the assessment found a personal-data breach.
    pub breach: Option<bool>,
    pub authority_notified_on: Option<Date>,
}

impl From<&aantoonbaar_store::Incident> for IncidentRecord {
    fn from(i: &aantoonbaar_store::Incident) -> Self {
        Self {
            reference: i.reference.clone(),
            kind: i.kind.code().to_owned(),
            reported_on: aantoonbaar_rules::calendar::dutch_date(i.reported_at),
            status: i.status.code().to_owned(),
            breach: i.assessment.as_ref().map(|a| a.is_breach),
            authority_notified_on: i.authority_sent_at.map(aantoonbaar_rules::calendar::dutch_date),
        }
    }
}

impl From<&Pupil> for PupilRecord {
    fn from(p: &Pupil) -> Self {
        Self {
            id: p.id.clone(),
            external_number: p.external_number.clone(),
            given_name: p.given_name.clone(),
            surname_prefix: p.surname_prefix.clone(),
            surname: p.surname.clone(),
            birth_date: p.birth_date,
            school_id: p.school_id.clone(),
            group_id: p.group_id.clone(),
            enrolment_date: p.enrolment_date,
            leave_date: p.leave_date,
            leave_destination: p.leave_destination.map(|d| d.code().to_owned()),
            family_situation: p.family_situation.map(|f| f.code().to_owned()),
        }
    }
}

impl From<&LinkedGuardian> for GuardianRecord {
    fn from(g: &LinkedGuardian) -> Self {
        Self {
            id: g.guardian.id.clone(),
            given_name: g.guardian.given_name.clone(),
            surname_prefix: g.guardian.surname_prefix.clone(),
            surname: g.guardian.surname.clone(),
            email: g.guardian.email.clone(),
            phone: g.guardian.phone.clone(),
            relation: g.link.relation.code().to_owned(),
            holds_custody: g.link.holds_custody,
            recognised: g.link.recognised,
            information_granted_on: g.information_granted_on,
        }
    }
}

impl From<&ConsentDecisionRecord> for ConsentRecord {
    fn from(d: &ConsentDecisionRecord) -> Self {
        Self {
            purpose: d.purpose.clone(),
            purpose_version: d.purpose_version,
            decision: if d.decision == aantoonbaar_rules::consent::Choice::Granted { "granted" } else { "refused" }
                .to_owned(),
            guardian_id: d.guardian_id.clone(),
            by_pupil: d.by_pupil,
            decided_at: d.decided_at,
            channel: d.channel.code().to_owned(),
        }
    }
}

impl From<&Request> for RequestRecord {
    fn from(r: &Request) -> Self {
        Self {
            id: r.id.clone(),
            kind: r.new.kind.code().to_owned(),
            received_on: r.new.received_on,
            deadline: r.new.deadline,
            extended_deadline: r.extended_deadline,
            outcome: r.outcome.map(|o| o.code().to_owned()),
            reason: r.reason.map(|o| o.code().to_owned()),
            decided_on: r.decided_on,
        }
    }
}

/// Reads everything held about `pupil` (already read through a scoped method)
/// and records the view in the audit trail first.
///
/// # Errors
/// When the store fails.
pub async fn pupil_data(board: BoardStore<'_>, actor: &Actor, pupil: &Pupil) -> Result<PupilData, StoreError> {
    board.record_view(actor, "pupil", &pupil.id).await?;
    let guardians = board.guardians_of(&pupil.id).await?;
    let consent = board.consent_history(&pupil.id).await?;
    let requests = board.requests_about_pupil(&pupil.id).await?;
    let filter = aantoonbaar_store::IncidentFilter { pupil_id: Some(pupil.id.clone()), ..Default::default() };
    let incidents = board.incidents(&aantoonbaar_store::Scope::Board, &filter).await?;
    Ok(PupilData {
        pupil: pupil.into(),
        guardians: guardians.iter().map(Into::into).collect(),
        consent_history: consent.iter().map(Into::into).collect(),
        restrictions: board.restrictions_of(&pupil.id).await?,
        requests: requests.iter().map(Into::into).collect(),
        incidents: incidents.iter().map(Into::into).collect(),
    })
}

/// Why an export archive could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("zip: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

/// One CSV file: a header row and a row per record.
fn csv_of<T: Serialize>(records: &[T]) -> Result<Vec<u8>, ExportError> {
    let mut plain = csv::Writer::from_writer(Vec::new());
    for record in records {
        plain.serialize(record)?;
    }
    let plain = plain.into_inner().map_err(|e| ExportError::Io(e.into_error()))?;
    // Read back and written again cell by cell, so no cell can run as a formula.
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(plain.as_slice());
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in reader.records() {
        writer.write_record(record?.iter().map(|c| crate::export::cell(c).into_owned()))?;
    }
    writer.into_inner().map_err(|e| ExportError::Io(e.into_error()))
}

/// The portability export as a zip (AVG art. 20: "structured, commonly used and
/// machine-readable"): `gegevens.json` with everything, and one CSV per table.
///
/// # Errors
/// Only when serialising or writing the archive in memory fails.
pub fn export_zip(data: &PupilData) -> Result<Vec<u8>, ExportError> {
    use std::io::Write;
    let restrictions: Vec<[String; 1]> =
        data.restrictions.iter().map(|r| [r.clone().unwrap_or_else(|| "*".to_owned())]).collect();
    let files: [(&str, Vec<u8>); 7] = [
        ("gegevens.json", serde_json::to_vec_pretty(data)?),
        ("leerling.csv", csv_of(std::slice::from_ref(&data.pupil))?),
        ("ouders.csv", csv_of(&data.guardians)?),
        ("toestemmingen.csv", csv_of(&data.consent_history)?),
        ("verzoeken.csv", csv_of(&data.requests)?),
        ("beperkingen.csv", csv_of(&restrictions)?),
        ("incidenten.csv", csv_of(&data.incidents)?),
    ];
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in files {
        archive.start_file(name, options)?;
        archive.write_all(&bytes)?;
    }
    Ok(archive.finish()?.into_inner())
}

/// One section of the access overview: a heading and label–value rows.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    pub rows: Vec<(String, String)>,
}

/// The names the overview shows for the codes in [`PupilData`]: the pupil's
/// school and group, and the consent purposes (code, name).
#[derive(Debug, Clone, Default)]
pub struct OverviewNames {
    pub school: String,
    pub group: String,
    pub purposes: Vec<(String, String)>,
}

impl OverviewNames {
    /// A purpose's name as the parent saw it on the form.
    fn purpose(&self, code: &str) -> String {
        self.purposes.iter().find(|(c, _)| c == code).map_or_else(|| code.to_owned(), |(_, name)| name.clone())
    }
}

/// The access overview (AVG art. 15; seed 001 art. 14.1a): one section per
/// kind of data the system holds, then the information the law requires with
/// a copy. A new kind of data (incidents) is one more section.
#[must_use]
pub fn overview(data: &PupilData, names: &OverviewNames) -> Vec<Section> {
    let p = &data.pupil;
    let name = aantoonbaar_store::full_name(&p.given_name, p.surname_prefix.as_deref(), &p.surname);
    let text = |key: &str| t(key).to_owned();
    let mut pupil_rows = vec![
        (text("request.overview.name"), name),
        (text("request.overview.number"), p.external_number.clone()),
        (text("request.overview.birth_date"), dutch_date(p.birth_date)),
        (text("request.overview.school"), names.school.clone()),
        (text("request.overview.group"), names.group.clone()),
        (text("request.overview.enrolled"), dutch_date(p.enrolment_date)),
    ];
    if let Some(left) = p.leave_date {
        pupil_rows.push((text("request.overview.left"), dutch_date(left)));
    }
    if let Some(family) = &p.family_situation {
        pupil_rows.push((text("request.overview.family"), text(&format!("family.{family}"))));
    }
    let guardians = data
        .guardians
        .iter()
        .map(|g| {
            let name = aantoonbaar_store::full_name(&g.given_name, g.surname_prefix.as_deref(), &g.surname);
            let contact = [g.email.as_deref(), g.phone.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
            let custody = if g.holds_custody { text("request.overview.custody") } else { String::new() };
            let value = [text(&format!("relation.{}", g.relation)), custody, contact]
                .into_iter()
                .filter(|v| !v.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            (name, value)
        })
        .collect();
    let consent = data
        .consent_history
        .iter()
        .map(|c| {
            let decision = text(&format!("request.overview.consent_{}", c.decision));
            let on = dutch_date(aantoonbaar_rules::calendar::dutch_date(c.decided_at));
            (names.purpose(&c.purpose), format!("{decision} ({on})"))
        })
        .collect();
    let requests = data
        .requests
        .iter()
        .map(|r| {
            let outcome = r
                .outcome
                .as_ref()
                .map_or_else(|| text("request.status.open"), |o| text(&format!("request.outcome.{o}")));
            (format!("{} ({})", text(&format!("request.kind.{}", r.kind)), dutch_date(r.received_on)), outcome)
        })
        .collect();
    let incidents = data
        .incidents
        .iter()
        .map(|i| {
            let mut value =
                vec![text(&format!("incident.kind.{}", i.kind)), text(&format!("incident.status.{}", i.status))];
            if let Some(on) = i.authority_notified_on {
                value.push(tf("request.overview.incident_notified", &[("date", &dutch_date(on))]));
            }
            (format!("{} ({})", i.reference, dutch_date(i.reported_on)), value.join(" · "))
        })
        .collect();
    let mut sections = vec![
        Section { title: text("request.overview.section.pupil"), rows: pupil_rows },
        Section { title: text("request.overview.section.guardians"), rows: guardians },
        Section { title: text("request.overview.section.consent"), rows: consent },
        Section { title: text("request.overview.section.requests"), rows: requests },
        Section { title: text("request.overview.section.incidents"), rows: incidents },
    ];
    if !data.restrictions.is_empty() {
        let rows = data
            .restrictions
            .iter()
            .map(|r| {
                let what = r.as_deref().map_or_else(|| text("request.overview.whole"), |code| names.purpose(code));
                (text("request.overview.restricted"), what)
            })
            .collect();
        sections.push(Section { title: text("request.overview.section.restrictions"), rows });
    }
    sections.push(Section {
        title: text("request.overview.section.information"),
        rows: INFORMATION.iter().map(|key| (text(&format!("{key}.label")), text(&format!("{key}.text")))).collect(),
    });
    sections
}

/// What the requester of `request` receives about its subject pupil: the
/// pupil's data without any other guardian's contact details
/// ([`PupilData::for_requester`]). The view is audited.
///
/// # Errors
/// Not found when the request has no subject pupil, or the store.
pub async fn requester_data(
    board: BoardStore<'_>,
    actor: &Actor,
    request: &Request,
) -> Result<(Pupil, PupilData), Error> {
    let pupil_id = request.new.subject_pupil_id.as_deref().ok_or(Error::NotFound)?;
    let pupil = board.pupil(&Scope::Board, pupil_id).await?.ok_or(Error::NotFound)?;
    board.record_view(actor, "request", &request.id).await?;
    let data = pupil_data(board, actor, &pupil).await?.for_requester(request.new.requester_guardian_id.as_deref());
    Ok((pupil, data))
}

/// The access overview of `request` as its requester receives it (page, PDF,
/// API and parent portal alike): Dutch names for every code, Dutch dates.
///
/// # Errors
/// Not found when the request has no subject pupil, or the store.
pub async fn access_overview(
    board: BoardStore<'_>,
    actor: &Actor,
    request: &Request,
) -> Result<(Pupil, Vec<Section>), Error> {
    let (pupil, data) = requester_data(board, actor, request).await?;
    let names = OverviewNames {
        school: board.school(&Scope::Board, &pupil.school_id).await?.map(|s| s.name).unwrap_or_default(),
        group: board.group(&Scope::Board, &pupil.group_id).await?.map(|g| g.name).unwrap_or_default(),
        purposes: board.consent_purposes(actor.at).await?.into_iter().map(|p| (p.code, p.name)).collect(),
    };
    let sections = overview(&data, &names);
    Ok((pupil, sections))
}

/// Sections as a PDF, made off the async workers (PDF layout is CPU work); an
/// empty section says so rather than vanishing.
///
/// # Errors
/// When the layout fails.
pub async fn sections_pdf(title: String, sections: Vec<Section>) -> Result<Vec<u8>, Error> {
    let made = crate::blocking(move || {
        let empty = t("request.overview.empty");
        let views: Vec<DocumentSection<'_>> = sections
            .iter()
            .map(|s| DocumentSection {
                title: &s.title,
                rows: if s.rows.is_empty() {
                    vec![(empty, "")]
                } else {
                    s.rows.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
                },
            })
            .collect();
        sectioned_document(&title, &views)
    });
    made.await?.map_err(|e| Error::internal(&e))
}

/// The information that goes with a copy (seed 001 art. 14.1a, in its order).
const INFORMATION: &[&str] = &[
    "request.info.purposes",
    "request.info.categories",
    "request.info.recipients",
    "request.info.transfers",
    "request.info.retention",
    "request.info.rights",
    "request.info.complaint",
    "request.info.source",
    "request.info.automated",
];

#[cfg(test)]
mod tests {
    use super::*;
    use aantoonbaar_rules::requests::{IdentityCheck, RequestChannel};
    use jiff::civil::date;

    fn data() -> PupilData {
        PupilData {
            pupil: PupilRecord {
                id: "p1".to_owned(),
                external_number: "1001".to_owned(),
                given_name: "Sanne".to_owned(),
                surname_prefix: Some("van der".to_owned()),
                surname: "Berg".to_owned(),
                birth_date: date(2019, 3, 4),
                school_id: "s1".to_owned(),
                group_id: "g1".to_owned(),
                enrolment_date: date(2023, 3, 5),
                leave_date: Some(date(2026, 7, 10)),
                leave_destination: Some("secondary_school".to_owned()),
                family_situation: Some("separated".to_owned()),
            },
            guardians: vec![GuardianRecord {
                id: "g1".to_owned(),
                given_name: "Eva".to_owned(),
                surname_prefix: None,
                surname: "Berg".to_owned(),
                email: Some("eva@voorbeeld.nl".to_owned()),
                phone: None,
                relation: "mother".to_owned(),
                holds_custody: true,
                recognised: true,
                information_granted_on: None,
            }],
            consent_history: vec![ConsentRecord {
                purpose: "website".to_owned(),
                purpose_version: 1,
                decision: "refused".to_owned(),
                guardian_id: Some("g1".to_owned()),
                by_pupil: false,
                decided_at: "2026-09-01T08:00:00Z".parse().unwrap(),
                channel: "paper".to_owned(),
            }],
            restrictions: vec![None],
            requests: Vec::new(),
            incidents: vec![IncidentRecord {
                reference: "INC-2026-0004".to_owned(),
                kind: "incident".to_owned(),
                reported_on: date(2026, 10, 2),
                status: "closed".to_owned(),
                breach: Some(true),
                authority_notified_on: Some(date(2026, 10, 3)),
            }],
        }
    }

    #[test]
    fn the_overview_has_every_section_and_the_information_of_article_14_1a() {
        let names = OverviewNames {
            school: "OBS De Linde".to_owned(),
            group: "Groep 3".to_owned(),
            purposes: vec![("website".to_owned(), "Website van de school".to_owned())],
        };
        let sections = overview(&data(), &names);
        let titles: Vec<&str> = sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Leerling",
                "Ouders en verzorgers",
                "Toestemmingen voor beeldmateriaal",
                "Eerdere verzoeken",
                "Incidenten die de leerling betreffen",
                "Beperking van de verwerking",
                "Informatie over de verwerking"
            ]
        );
        let text: Vec<String> = sections.iter().flat_map(|s| s.rows.iter().map(|(a, b)| format!("{a} {b}"))).collect();
        let text = text.join("\n");
        assert!(!text.contains("[?]"), "a text is missing from the catalogue:\n{text}");
        assert!(!text.contains("website") && !text.contains("2026-09-01"), "no codes, no ISO dates:\n{text}");
        for needed in [
            "Sanne van der Berg",
            "Uitgeschreven op 10-07-2026",
            "Eva Berg",
            "eva@voorbeeld.nl",
            "Website van de school geen toestemming (01-09-2026)",
            "Autoriteit Persoonsgegevens",
            "Bewaartermijn",
            "Doorgifte buiten de EER",
            "Geautomatiseerde besluiten",
            "Bron",
            "INC-2026-0004 (02-10-2026)",
            "gemeld bij de Autoriteit Persoonsgegevens op 03-10-2026",
        ] {
            assert!(text.contains(needed), "{needed}:\n{text}");
        }
    }

    fn request(kind: RequestKind, outcome: Outcome, reason: Option<Reason>) -> Request {
        Request {
            id: "r1".to_owned(),
            new: NewRequest {
                kind,
                school_id: None,
                subject_pupil_id: None,
                subject_guardian_id: None,
                subject_description: None,
                requester_guardian_id: None,
                requester_description: None,
                requester_relation: "parent".to_owned(),
                details: None,
                received_on: date(2026, 11, 20),
                channel: RequestChannel::Email,
                identity_check: IdentityCheck::KnownEmail,
                assigned_to: None,
                deadline: date(2026, 12, 21),
            },
            extended_deadline: None,
            extension_reason: None,
            requester_told_on: None,
            outcome: Some(outcome),
            reason,
            explanation: None,
            decided_on: Some(date(2026, 11, 25)),
            decided_by: Some("u1".to_owned()),
            objection_balancing: None,
            objection_outcome: None,
            erasures: Vec::new(),
            recipients_told: Vec::new(),
        }
    }

    #[test]
    fn a_refusal_letter_states_the_reason_and_the_ap_and_the_court() {
        let parties = LetterParties {
            requester: Some("Eva Berg".to_owned()),
            subject: Some("Sanne".to_owned()),
            school: Some("OBS De Linde".to_owned()),
            director: Some("Dirk de Directeur".to_owned()),
            portal: None,
        };
        let text =
            letter(&request(RequestKind::Erasure, Outcome::Refused, Some(Reason::LegalRetention)), &parties).join("\n");
        for needed in [
            "Beste Eva Berg,",
            "20-11-2026",
            "OBS De Linde",
            "over Sanne",
            "afgewezen",
            "wettelijk verplicht",
            "Autoriteit Persoonsgegevens",
            "rechter",
            "Dirk de Directeur\ndirecteur van OBS De Linde",
        ] {
            assert!(text.contains(needed), "{needed}:\n{text}");
        }
        assert!(!text.contains("[?]"));
    }

    #[test]
    fn an_access_letter_carries_the_information_the_law_requires() {
        let parties = LetterParties { portal: Some("https://avg.example/ouders".to_owned()), ..Default::default() };
        let text = letter(&request(RequestKind::Access, Outcome::Granted, None), &parties).join("\n");
        for needed in [
            "toegewezen",
            "https://avg.example/ouders",
            "Doelen",
            "Ontvangers",
            "Bewaartermijn",
            "Autoriteit Persoonsgegevens",
        ] {
            assert!(text.contains(needed), "{needed}:\n{text}");
        }
        assert!(!text.contains("als pdf of op papier"), "the letter says where the overview is:\n{text}");
        assert!(!text.contains("rechter"), "a full grant needs no appeal paragraph");
    }
}
