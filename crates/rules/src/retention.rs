//! Retention and destruction: the rule that says how long each category of
//! personal data is kept, the due date it gives an item, the holds that
//! suspend destruction, and the status of an item on a given day.
//!
//! Storage limitation is a principle of the GDPR (AVG art. 5(1)(e): kept "for
//! no longer than is necessary for the purposes"); seed 002 §8.5.1 says the
//! same ("Persoonsgegevens worden niet langer bewaard dan nodig is"). Every
//! term is board data with its source: [`default_rules`] holds the seed terms
//! and the product's proposals for its own data, and a board edits them
//! ([`validate`], [`changes`]).
//!
//! # The model
//!
//! - A [`Rule`] names a data [`Category`], who it is about ([`Subject`]), the
//!   [`Trigger`] event that starts the period, the [`Period`] (ISO 8601), the
//!   [`EndAction`] when it ends, and its [`Source`].
//! - The due date is the trigger date plus the period in calendar arithmetic
//!   ([`Period::after`]).
//! - A [`Hold`] (legal claim, incident, open request, law) suspends
//!   destruction while it is in force (seed 002 §8.5.3: data are kept longer
//!   "als … een rechtszaak mogelijk is, of als er wettelijke verplichtingen
//!   zijn"; §7.2: camera images beyond four weeks for an incident, "zo lang
//!   als nodig is voor de afhandeling").
//! - [`status`] gives an item's [`Status`] (`pending`, `due`, `held`,
//!   `destroyed`) and due date on a reference date.
//! - [`pupil_rules`] chooses the rules for one pupil by the leave destination,
//!   the kind of school and the board's [`SboReading`].
//!
//! The rule codes form a closed list ([`RuleCode`]): a rule only makes sense
//! when the product knows where the date of its trigger comes from, so a
//! board edits the terms of these rules rather than inventing new ones.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::Invalid;
use crate::organisation::LeaveDestination;

pub mod batch;
mod defaults;
mod period;

pub use defaults::{AP_RETENTION_PAGE, GDPR_URL, default_rules};
pub use period::{MAX_UNIT, Period, PeriodError};

code_enum! {
    /// Which rule: the stable key of a retention rule in the API, the
    /// database and the catalogue. Two rules may share a [`Category`]
    /// (`pupil_file` and `pupil_file_special_education`).
    RuleCode, "retention.code_unknown" {
        /// The pupil file, 2 years after leaving (seed 001 §14.17; seed 000).
        PupilFile = "pupil_file",
        /// The pupil file when the longer special-education term applies
        /// (seed 001 §14.17; seed 000 "SBO 3 jaar"; see [`SboReading`]).
        PupilFileSpecialEducation = "pupil_file_special_education",
        /// Absence and enrolment/deregistration data, 5 years (seed 001 §14.17; seed 000).
        EnrolmentAndAbsence = "enrolment_and_absence",
        /// Former pupils' basic address data, kept for reunions (seed 001 §14.17; seed 000).
        ContactDetails = "contact_details",
        /// The data of a child who was not admitted, 2 years (seed 002 §10.4).
        ApplicationNotAdmitted = "application_not_admitted",
        /// Camera images, at most 4 weeks (seed 002 §7.2).
        CameraFootage = "camera_footage",
        /// A staff member's accounts, removed after employment ends (seed 001 §14.9).
        StaffAccount = "staff_account",
        /// The history of consent decisions (the product's proposal).
        ConsentHistory = "consent_history",
        /// Incident and breach files (the product's proposal).
        IncidentFile = "incident_file",
        /// Data-subject request files (the product's proposal).
        RequestFile = "request_file",
        /// Audit entries (the product's proposal).
        AuditEntry = "audit_entry",
        /// Mails in the outbox (the product's proposal).
        OutboxMail = "outbox_mail",
        /// Login sessions (the product's proposal).
        Session = "session",
    }
}

impl RuleCode {
    /// The category the rule is about.
    #[must_use]
    pub const fn category(self) -> Category {
        match self {
            Self::PupilFile | Self::PupilFileSpecialEducation => Category::PupilFile,
            Self::EnrolmentAndAbsence => Category::EnrolmentAndAbsence,
            Self::ContactDetails => Category::ContactDetails,
            Self::ApplicationNotAdmitted => Category::Application,
            Self::CameraFootage => Category::CameraFootage,
            Self::StaffAccount => Category::StaffAccount,
            Self::ConsentHistory => Category::ConsentHistory,
            Self::IncidentFile => Category::IncidentFile,
            Self::RequestFile => Category::RequestFile,
            Self::AuditEntry => Category::AuditEntry,
            Self::OutboxMail => Category::OutboxMail,
            Self::Session => Category::Session,
        }
    }
}

code_enum! {
    /// A category of data a retention rule is about. The pupil categories are
    /// the ones seed 001 §14.17 and seed 000 give terms for; they are usually
    /// kept in the pupil administration system, the others partly in
    /// Aantoonbaar itself.
    Category, "retention.category_unknown" {
        /// The pupil file (leerlingdossier): progress, reports, support
        /// plans, the onderwijskundig rapport.
        PupilFile = "pupil_file",
        /// Absence (verzuim) and enrolment and deregistration (in- en uitschrijving).
        EnrolmentAndAbsence = "enrolment_and_absence",
        /// Basic details of former pupils: name and address.
        ContactDetails = "contact_details",
        /// What a school holds about a child applied for but not admitted.
        Application = "application",
        CameraFootage = "camera_footage",
        /// A staff member's accounts in the school's systems.
        StaffAccount = "staff_account",
        /// Consent decisions and their history, the proof of consent (AVG art. 7(1)).
        ConsentHistory = "consent_history",
        /// An incident in the incident register with its assessment and, for a
        /// breach, the documentation of AVG art. 33(5).
        IncidentFile = "incident_file",
        /// A data-subject request with its decision and answer.
        RequestFile = "request_file",
        AuditEntry = "audit_entry",
        OutboxMail = "outbox_mail",
        Session = "session",
    }
}

impl Category {
    /// The trigger events the product can date for this category; a rule
    /// with another trigger cannot be computed.
    #[must_use]
    pub const fn triggers(self) -> &'static [Trigger] {
        match self {
            Self::PupilFile | Self::EnrolmentAndAbsence | Self::ContactDetails => &[Trigger::LeftSchool],
            // Seed 002 §10.4 gives no start; a board may count from the
            // application rather than from the refusal.
            Self::Application => &[Trigger::NotAdmitted, Trigger::Recorded],
            Self::CameraFootage | Self::AuditEntry | Self::OutboxMail => &[Trigger::Recorded],
            Self::StaffAccount => &[Trigger::EmploymentEnded],
            Self::ConsentHistory => &[Trigger::ConsentEnded],
            Self::IncidentFile => &[Trigger::IncidentClosed],
            Self::RequestFile => &[Trigger::RequestCompleted],
            Self::Session => &[Trigger::SessionEnded],
        }
    }
}

impl Category {
    /// The register's data categories (AVG art. 30(1)(c)) of a processing
    /// activity about pupils that hold data of this category, so the worklist
    /// can say in which systems an item lives: the pupil file is progress,
    /// results and support (the onderwijskundig rapport, seed 001 §14.17),
    /// contact details are contact data. Empty where the register has no code
    /// that tells (enrolment and absence, an application): naming every system
    /// with a pupil's name would send the school to the wrong places.
    #[must_use]
    pub const fn register_data(self) -> &'static [crate::register::DataCategory] {
        use crate::register::DataCategory;
        match self {
            Self::PupilFile => {
                &[DataCategory::EducationProgress, DataCategory::Performance, DataCategory::SpecialNeeds]
            }
            Self::ContactDetails => &[DataCategory::Contact],
            _ => &[],
        }
    }
}

code_enum! {
    /// Who or what the data are about.
    Subject, "retention.subject_unknown" {
        Pupil = "pupil",
        /// A parent or other legal representative.
        Guardian = "guardian",
        Staff = "staff",
        /// A child applied for a place, not (yet) enrolled (seed 002 §10.4).
        Applicant = "applicant",
        /// Anyone recorded by a camera.
        CameraFootage = "camera_footage",
        /// The people named in an incident file.
        IncidentFile = "incident_file",
        /// The requester and the people named in a request file.
        RequestFile = "request_file",
        /// The pupils and guardians of a consent decision.
        ConsentRecord = "consent_record",
        /// The staff and others named in an audit entry.
        AuditEntry = "audit_entry",
        /// The recipient and the people named in a mail.
        OutboxMail = "outbox_mail",
        /// The user of a login session.
        Session = "session",
    }
}

code_enum! {
    /// The event whose date starts the period.
    Trigger, "retention.trigger_unknown" {
        /// The pupil left the school: the deregistration date (seed 001
        /// §14.17 counts "nadat de leerling de school verlaten heeft" and
        /// "na uitschrijving"; both are the date of deregistration).
        LeftSchool = "left_school",
        /// The school decided not to admit the child (seed 002 §10.4).
        NotAdmitted = "not_admitted",
        /// The last day of employment (seed 001 §14.9: "de datum van uittreding").
        EmploymentEnded = "employment_ended",
        /// The item was recorded (a camera image, an audit entry, a mail).
        Recorded = "recorded",
        /// The incident was closed.
        IncidentClosed = "incident_closed",
        /// The request was answered or otherwise completed.
        RequestCompleted = "request_completed",
        /// The consent stopped being relied on: withdrawn (AVG art. 7(3)),
        /// replaced by a later decision, or the pupil left.
        ConsentEnded = "consent_ended",
        /// The session ended: logout or expiry.
        SessionEnded = "session_ended",
    }
}

code_enum! {
    /// What happens when the period ends (the disposal actions of archive
    /// practice: destroy, keep in another form, review).
    EndAction, "retention.action_unknown" {
        Destroy = "destroy",
        /// Remove what identifies people and keep the rest (seed 002 §8.5.4:
        /// "Gegevens die niet meer naar personen te herleiden zijn, kunnen
        /// geanonimiseerd blijven bestaan").
        Anonymise = "anonymise",
        /// Destroy all but the basic details (seed 000: "Alleen de
        /// basisgegevens blijven bewaard").
        KeepBasicDetails = "keep_basic_details",
        /// A person decides: for data the law gives no term for yet.
        Review = "review",
    }
}

code_enum! {
    /// What a rule's source is.
    SourceKind, "retention.source_kind_unknown" {
        /// A board's policy document (the seeds).
        Seed = "seed",
        /// A law or regulation.
        Law = "law",
        /// A term Aantoonbaar proposes where no seed or law gives one; the
        /// board accepts or changes it.
        ProductProposal = "product_proposal",
        /// The board's own decision.
        Board = "board",
    }
}

/// Where a term comes from: the kind, the source in words (the document and
/// section, with its own words), and a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub kind: SourceKind,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One retention rule, as plain data (the `GET /api/v1/retention/rules` row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub code: RuleCode,
    pub category: Category,
    pub subject: Subject,
    pub trigger: Trigger,
    pub period: Period,
    pub action: EndAction,
    pub source: Source,
}

impl Rule {
    /// The date the period of this rule ends for an item whose trigger event
    /// happened on `trigger` (see [`Period::after`]).
    #[must_use]
    pub fn due_date(&self, trigger: Date) -> Date {
        self.period.after(trigger)
    }
}

code_enum! {
    /// Why destruction is suspended.
    HoldKind, "retention.hold_kind_unknown" {
        /// A legal claim is made or possible (seed 002 §8.5.3: "een rechtszaak
        /// mogelijk is"; AVG art. 17(3)(e)).
        LegalClaim = "legal_claim",
        /// An incident needs the data for its handling (seed 002 §7.2 for
        /// camera images).
        Incident = "incident",
        /// A data-subject request about the data is still open: erasing data
        /// someone asked to see would defeat the request (AVG art. 15).
        OpenRequest = "open_request",
        /// A law requires the data to be kept longer (seed 002 §8.5.3:
        /// "wettelijke verplichtingen"; AVG art. 17(3)(b)).
        Law = "law",
        Other = "other",
    }
}

/// A hold on an item: in force from `placed_on` up to the day before
/// `released_on` (released on a day, it no longer holds that day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hold {
    pub kind: HoldKind,
    pub placed_on: Date,
    #[serde(default)]
    pub released_on: Option<Date>,
}

impl Hold {
    /// Whether the hold is in force on `day`.
    #[must_use]
    pub fn holds_on(&self, day: Date) -> bool {
        self.placed_on <= day && self.released_on.is_none_or(|released| released > day)
    }

    /// When an unreleased hold is to be reviewed, `every` after it was placed
    /// (the "reminder to review a hold after a set time"); `None`
    /// once released.
    #[must_use]
    pub fn review_date(&self, every: Period) -> Option<Date> {
        self.released_on.is_none().then(|| every.after(self.placed_on))
    }
}

code_enum! {
    /// Where an item stands on the reference date.
    Status, "retention.status_unknown" {
        /// Its period runs, or its trigger has not happened yet.
        Pending = "pending",
        /// Its period has ended and no hold is in force: act on it.
        Due = "due",
        /// A hold is in force: not to be destroyed.
        Held = "held",
        Destroyed = "destroyed",
    }
}

/// An item's status and due date (the `status` and `due_date` of the
/// contract); `due_date` is `None` while the trigger has not happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ItemStatus {
    pub status: Status,
    pub due_date: Option<Date>,
}

/// The status on `on` of an item under `rule` whose trigger happened on
/// `trigger` (`None`: not yet, e.g. a pupil still enrolled), with `holds`
/// placed on it and destroyed on `destroyed_on`, if so.
///
/// - Destroyed on or before `on`: `destroyed`.
/// - The trigger has not happened by `on` (none, or a date after `on`, like
///   a leave date recorded ahead): `pending` without a due date, as the
///   contract says ("`due_date` is `null` while the trigger has not
///   happened"), and as the erasure rules read a future leave date
///   ([`crate::requests::erasure_verdict`]: still enrolled).
/// - A hold in force on `on`: `held`, whether or not the period has ended:
///   a hold suspends destruction until it is released (seed 002 §8.5.3, §7.2).
/// - Otherwise `due` from the due date on, `pending` before it. An item whose
///   hold is released after its due date is due again at once.
#[must_use]
pub fn status(trigger: Option<Date>, rule: &Rule, holds: &[Hold], destroyed_on: Option<Date>, on: Date) -> ItemStatus {
    let due_date = trigger.filter(|t| *t <= on).map(|t| rule.due_date(t));
    let status = if destroyed_on.is_some_and(|d| d <= on) {
        Status::Destroyed
    } else if let Some(due) = due_date {
        if holds.iter().any(|h| h.holds_on(on)) {
            Status::Held
        } else if on >= due {
            Status::Due
        } else {
            Status::Pending
        }
    } else {
        Status::Pending
    };
    ItemStatus { status, due_date }
}

code_enum! {
    /// The kind of school that keeps the file, for the [`SboReading::SboSchool`]
    /// reading.
    SchoolKind, "retention.school_kind_unknown" {
        /// A regular primary school (basisschool).
        Regular = "regular",
        /// A school for special (primary) education: SBO (speciaal
        /// basisonderwijs), SO or VSO (speciaal en voortgezet speciaal onderwijs).
        SpecialEducation = "special_education",
    }
}

code_enum! {
    /// How a board reads the 3-year special-education term, a board setting.
    /// The seeds word it differently, and a pupil-administration vendor
    /// dropped its 3-year SBO filter after advice that the term applies to
    /// other institutions (issue 15), so the board chooses.
    SboReading, "retention.sbo_reading_unknown" {
        /// Seed 001 §14.17: "Gegevens over een leerling die naar een school
        /// voor speciaal onderwijs is doorverwezen: 3 jaar na uitschrijving".
        /// The school a pupil leaves for special education (leave destination
        /// `special_education`) keeps that pupil's file 3 years; every other
        /// leaver's file 2 years, at any kind of school.
        ReferredPupil = "referred_pupil",
        /// Seed 000 "verwijderen na 2 jaar oude leerlingdossiers uit de
        /// administratie (SBO 3 jaar)", read as a term for the files an SBO
        /// (or other special-education) school keeps: such a school keeps
        /// every leaver's file 3 years, whatever the destination; a regular
        /// school keeps a pupil referred to special education the standard 2
        /// years. This is the reading of the advice the vendor followed.
        SboSchool = "sbo_school",
    }
}

impl Default for SboReading {
    /// The reading of seed 001 §14.17, the fuller policy and the one the
    /// register template already states; when in doubt the longer term is
    /// the reversible choice (a file destroyed a year early cannot come back).
    fn default() -> Self {
        Self::ReferredPupil
    }
}

/// Which pupil-file rule applies to a pupil who left (or will leave) for
/// `destination` from a school of `school` kind, under the board's `reading`.
#[must_use]
pub fn pupil_file_rule(destination: Option<LeaveDestination>, school: SchoolKind, reading: SboReading) -> RuleCode {
    let special = match reading {
        SboReading::ReferredPupil => destination == Some(LeaveDestination::SpecialEducation),
        SboReading::SboSchool => school == SchoolKind::SpecialEducation,
    };
    if special { RuleCode::PupilFileSpecialEducation } else { RuleCode::PupilFile }
}

/// The rule codes that apply to one pupil, one per category.
///
/// - A child not admitted: only [`RuleCode::ApplicationNotAdmitted`] (seed 002
///   §10.4: all "gegevens van niet-toegelaten leerlingen" go after 2 years;
///   there is no enrolment, so no pupil file or enrolment data).
/// - Everyone else, still enrolled (`destination` `None`) or left to any
///   destination (another primary school, secondary school, abroad, other —
///   which includes a pupil who died and an unknown destination): the pupil
///   file (by [`pupil_file_rule`]), enrolment and absence, and contact details.
///   A pupil still enrolled has these items too, without a due date ([`status`]).
#[must_use]
pub fn pupil_rule_codes(
    destination: Option<LeaveDestination>,
    school: SchoolKind,
    reading: SboReading,
) -> Vec<RuleCode> {
    if destination == Some(LeaveDestination::NotAdmitted) {
        return vec![RuleCode::ApplicationNotAdmitted];
    }
    vec![pupil_file_rule(destination, school, reading), RuleCode::EnrolmentAndAbsence, RuleCode::ContactDetails]
}

/// The board's rules that apply to one pupil ([`pupil_rule_codes`]), in that
/// order; a code missing from `rules` is left out.
#[must_use]
pub fn pupil_rules(
    rules: &[Rule],
    destination: Option<LeaveDestination>,
    school: SchoolKind,
    reading: SboReading,
) -> Vec<&Rule> {
    pupil_rule_codes(destination, school, reading)
        .into_iter()
        .filter_map(|code| rules.iter().find(|r| r.code == code))
        .collect()
}

/// The leave destinations of the pupils `code` applies to under the board's
/// `reading` at a school of `school` kind, by [`pupil_rule_codes`]; `None` in
/// the list stands for a pupil without a destination (still enrolled, or left
/// without one recorded). Empty for a rule that is not a pupil rule. A store
/// selects a rule's pupils with it, so the choice stays in this one place.
#[must_use]
pub fn pupil_destinations(code: RuleCode, school: SchoolKind, reading: SboReading) -> Vec<Option<LeaveDestination>> {
    std::iter::once(None)
        .chain(LeaveDestination::ALL.iter().copied().map(Some))
        .filter(|destination| pupil_rule_codes(*destination, school, reading).contains(&code))
        .collect()
}

code_enum! {
    /// How a rule differs between two rule sets.
    ChangeKind, "retention.change_unknown" {
        Added = "added",
        Removed = "removed",
        Changed = "changed",
    }
}

/// One rule that differs between an old and a new rule set, with the fields
/// that changed (`category`, `subject`, `trigger`, `period`, `action`,
/// `source`); empty for an added or removed rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleChange {
    pub code: RuleCode,
    pub change: ChangeKind,
    pub fields: Vec<&'static str>,
}

impl RuleChange {
    /// Whether items governed by the rule get another due date or status, so
    /// the rules page shows "which items would move": the rule is added or
    /// removed, or its trigger or period changed. A new action or source
    /// moves no date.
    #[must_use]
    pub fn moves_items(&self) -> bool {
        self.change != ChangeKind::Changed || self.fields.iter().any(|f| matches!(*f, "trigger" | "period"))
    }
}

/// The rules that differ between `old` and `new`, in the order of
/// [`RuleCode::ALL`]; for a code listed twice, the first rule counts.
#[must_use]
pub fn changes(old: &[Rule], new: &[Rule]) -> Vec<RuleChange> {
    let find = |rules: &[Rule], code: RuleCode| rules.iter().find(|r| r.code == code).cloned();
    RuleCode::ALL
        .iter()
        .filter_map(|code| match (find(old, *code), find(new, *code)) {
            (None, None) => None,
            (None, Some(_)) => Some(RuleChange { code: *code, change: ChangeKind::Added, fields: Vec::new() }),
            (Some(_), None) => Some(RuleChange { code: *code, change: ChangeKind::Removed, fields: Vec::new() }),
            (Some(before), Some(after)) => {
                let fields: Vec<&'static str> = [
                    ("category", before.category != after.category),
                    ("subject", before.subject != after.subject),
                    ("trigger", before.trigger != after.trigger),
                    ("period", before.period != after.period),
                    ("action", before.action != after.action),
                    ("source", before.source != after.source),
                ]
                .into_iter()
                .filter_map(|(field, differs)| differs.then_some(field))
                .collect();
                (!fields.is_empty()).then_some(RuleChange { code: *code, change: ChangeKind::Changed, fields })
            }
        })
        .collect()
}

/// A rule as a board submits it from the rules page: every field as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDraft {
    pub code: String,
    pub category: String,
    pub subject: String,
    pub trigger: String,
    pub period: String,
    pub action: String,
    pub source_kind: String,
    pub source_text: String,
    #[serde(default)]
    pub source_url: Option<String>,
}

/// One thing wrong with a draft: the field, the message key and, for an
/// unknown code or a bad period, the value that was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub invalid: Invalid,
    pub value: Option<String>,
}

/// The longest source text, in characters.
pub const MAX_SOURCE_TEXT: usize = 2000;

/// Checks a board-edited rule and turns it into a [`Rule`].
///
/// Every field is checked and every problem is returned, each naming its
/// field: unknown codes (`retention.code_unknown`, `…category_unknown`,
/// `…subject_unknown`, `…trigger_unknown`, `…action_unknown`,
/// `…source_kind_unknown`, with the value); a category that is not the rule's
/// (`retention.category_mismatch`); a trigger the product cannot date for the
/// category (`retention.trigger_not_for_category`); a period that does not
/// parse ([`PeriodError::code`]) or is zero (`retention.period.zero`: storage
/// limitation needs an end, AVG art. 5(1)(e)); an empty or overlong source
/// text (`retention.source_text_missing`, `retention.source_text_too_long`: a
/// term without a source cannot be demonstrated, AVG art. 5(2)); a link that
/// is not an http(s) address (`retention.source_url_invalid`).
///
/// # Errors
/// Every [`FieldError`] found, in field order.
pub fn validate(draft: &RuleDraft) -> Result<Rule, Vec<FieldError>> {
    let mut errors = Vec::new();
    let code = field(&mut errors, "code", &draft.code, RuleCode::from_code(&draft.code));
    let category = field(&mut errors, "category", &draft.category, Category::from_code(&draft.category));
    let subject = field(&mut errors, "subject", &draft.subject, Subject::from_code(&draft.subject));
    let trigger = field(&mut errors, "trigger", &draft.trigger, Trigger::from_code(&draft.trigger));
    let period = draft
        .period
        .parse::<Period>()
        .map_err(|e| Invalid::new(e.code()))
        .and_then(|p| if p.is_zero() { Err(Invalid::new("retention.period.zero")) } else { Ok(p) });
    let period = field(&mut errors, "period", &draft.period, period);
    let action = field(&mut errors, "action", &draft.action, EndAction::from_code(&draft.action));
    let source_kind = field(&mut errors, "source_kind", &draft.source_kind, SourceKind::from_code(&draft.source_kind));
    let mut fail = |field: &'static str, code: &'static str| {
        errors.push(FieldError { field, invalid: Invalid::new(code), value: None });
    };
    if let (Some(code), Some(category)) = (code, category)
        && code.category() != category
    {
        fail("category", "retention.category_mismatch");
    }
    if let (Some(category), Some(trigger)) = (category, trigger)
        && !category.triggers().contains(&trigger)
    {
        fail("trigger", "retention.trigger_not_for_category");
    }
    let text = draft.source_text.trim();
    if text.is_empty() {
        fail("source_text", "retention.source_text_missing");
    } else if text.chars().count() > MAX_SOURCE_TEXT {
        fail("source_text", "retention.source_text_too_long");
    }
    let url = draft.source_url.as_deref().map(str::trim).filter(|u| !u.is_empty());
    if let Some(url) = url
        && !is_web_address(url)
    {
        errors.push(FieldError {
            field: "source_url",
            invalid: Invalid::new("retention.source_url_invalid"),
            value: Some(url.to_owned()),
        });
    }
    errors.sort_by_key(|e| FIELDS.iter().position(|f| *f == e.field));
    match (code, category, subject, trigger, period, action, source_kind) {
        (Some(code), Some(category), Some(subject), Some(trigger), Some(period), Some(action), Some(kind))
            if errors.is_empty() =>
        {
            Ok(Rule {
                code,
                category,
                subject,
                trigger,
                period,
                action,
                source: Source { kind, text: text.to_owned(), url: url.map(str::to_owned) },
            })
        }
        _ => Err(errors),
    }
}

/// The fields of a [`RuleDraft`] in form order, to sort the errors.
const FIELDS: [&str; 9] =
    ["code", "category", "subject", "trigger", "period", "action", "source_kind", "source_text", "source_url"];

/// `result`'s value, or `None` after recording its error against `field` with the value given.
fn field<T>(errors: &mut Vec<FieldError>, field: &'static str, value: &str, result: Result<T, Invalid>) -> Option<T> {
    result.map_err(|invalid| errors.push(FieldError { field, invalid, value: Some(value.trim().to_owned()) })).ok()
}

fn is_web_address(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !url.chars().any(char::is_whitespace))
}

#[cfg(test)]
mod tests;
