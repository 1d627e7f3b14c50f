//! The records the store reads and writes.

use aantoonbaar_rules::organisation::{FamilySituation, LeaveDestination, Relation};
use aantoonbaar_rules::{Brin, Email, PersonName, PupilNumber, Role, ScopeKind};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::HashMap;

/// The tenant key. Only the store makes one, from a board it found, so every
/// board-scoped query starts from a board that exists.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BoardId(pub(crate) String);

impl BoardId {
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Board {
    #[serde(skip)]
    pub id: BoardId,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct School {
    pub id: String,
    pub name: String,
    pub brin: String,
}

#[derive(Debug, Clone)]
pub struct NewSchool {
    pub name: PersonName,
    pub brin: Brin,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub id: String,
    pub school_id: String,
    pub name: String,
    pub pupil_count: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pupil {
    pub id: String,
    pub school_id: String,
    pub group_id: String,
    pub external_number: String,
    pub given_name: String,
    pub surname_prefix: Option<String>,
    pub surname: String,
    pub birth_date: Date,
    pub enrolment_date: Date,
    pub leave_date: Option<Date>,
    pub leave_destination: Option<LeaveDestination>,
    pub family_situation: Option<FamilySituation>,
    /// The pupil's own address: used from the 16th birthday, when the pupil
    /// decides about consent.
    pub email: Option<String>,
}

impl Pupil {
    /// "Sanne van der Berg".
    #[must_use]
    pub fn full_name(&self) -> String {
        full_name(&self.given_name, self.surname_prefix.as_deref(), &self.surname)
    }
}

/// Joins name parts the Dutch way: given name, prefix, surname.
#[must_use]
pub fn full_name(given: &str, prefix: Option<&str>, surname: &str) -> String {
    match prefix {
        Some(prefix) if !prefix.is_empty() => format!("{given} {prefix} {surname}"),
        _ => format!("{given} {surname}"),
    }
}

/// Everything a new pupil needs, already validated.
#[derive(Debug, Clone)]
pub struct NewPupil {
    pub school_id: String,
    pub group_id: String,
    pub external_number: PupilNumber,
    pub given_name: PersonName,
    pub surname_prefix: Option<PersonName>,
    pub surname: PersonName,
    pub birth_date: Date,
    pub enrolment_date: Date,
    pub leave_date: Option<Date>,
    pub leave_destination: Option<LeaveDestination>,
    pub family_situation: Option<FamilySituation>,
    pub email: Option<Email>,
}

/// Search and filters for the pupil list.
#[derive(Debug, Clone, Default)]
pub struct PupilQuery {
    /// Part of the name or the pupil number.
    pub text: Option<String>,
    pub school_id: Option<String>,
    pub group_id: Option<String>,
    /// Also pupils whose leave date has passed on `today`.
    pub include_left: bool,
    pub today: Option<Date>,
    pub limit: i64,
    pub offset: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Guardian {
    pub id: String,
    pub given_name: String,
    pub surname_prefix: Option<String>,
    pub surname: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl Guardian {
    #[must_use]
    pub fn full_name(&self) -> String {
        full_name(&self.given_name, self.surname_prefix.as_deref(), &self.surname)
    }
}

#[derive(Debug, Clone)]
pub struct NewGuardian {
    pub given_name: PersonName,
    pub surname_prefix: Option<PersonName>,
    pub surname: PersonName,
    pub email: Option<Email>,
    pub phone: Option<String>,
}

/// How a guardian is linked to a pupil.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Link {
    pub relation: Relation,
    pub holds_custody: bool,
    pub recognised: bool,
}

/// A guardian as seen from one pupil.
#[derive(Debug, Clone, Serialize)]
pub struct LinkedGuardian {
    #[serde(flatten)]
    pub guardian: Guardian,
    #[serde(flatten)]
    pub link: Link,
    /// When a custodial parent granted this person full information (seed 001 §14.13).
    pub information_granted_on: Option<Date>,
}

/// A staff user's working area: the schools or groups behind a scope kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Board,
    Schools(Vec<String>),
    /// Group ids with the school each belongs to.
    Groups(Vec<(String, String)>),
}

impl Scope {
    #[must_use]
    pub const fn kind(&self) -> ScopeKind {
        match self {
            Self::Board => ScopeKind::Board,
            Self::Schools(_) => ScopeKind::School,
            Self::Groups(_) => ScopeKind::Groups,
        }
    }
}

/// A signed-in staff user with everything authorisation needs.
#[derive(Debug, Clone)]
pub struct Principal {
    pub board: BoardId,
    pub board_name: String,
    pub user_id: String,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub scope: Scope,
    /// When the user last confirmed password and code for a sensitive action
    /// (sessions only; never for API tokens).
    pub reauthenticated_at: Option<Timestamp>,
}

/// How far a session has got through the two sign-in steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStage {
    /// Password checked; the authenticator code is next.
    SecondFactor,
    /// Password checked; the user has no authenticator yet and must set one up.
    Enrol,
    /// Both steps done.
    Full,
}

impl SessionStage {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::SecondFactor => "second_factor",
            Self::Enrol => "enrol",
            Self::Full => "full",
        }
    }
}

/// A session between the password and the second step.
#[derive(Debug, Clone)]
pub struct PendingSession {
    pub board: BoardId,
    pub board_name: String,
    pub user_id: String,
    pub email: String,
    pub name: String,
    pub stage: SessionStage,
    /// The secret shown during enrolment, until a code proves it was scanned.
    pub pending_secret: Option<String>,
    pub totp_secret: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub scope_kind: ScopeKind,
    /// School ids (scope `school`) or group ids (scope `groups`).
    pub scope_ids: Vec<String>,
    pub has_password: bool,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub name: PersonName,
    pub roles: Vec<Role>,
    pub scope_kind: ScopeKind,
    /// School ids for scope `school`, group ids for scope `groups`.
    pub scope_ids: Vec<String>,
    /// Demo accounts only: may skip the second step when the server runs in demo mode.
    pub mfa_exempt: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
}

/// A pupil as a pupil-administration export describes it.
#[derive(Debug, Clone)]
pub struct ImportedPupil {
    /// The file's line number, for messages.
    pub line: u64,
    pub external_number: PupilNumber,
    pub given_name: PersonName,
    pub surname_prefix: Option<PersonName>,
    pub surname: PersonName,
    pub birth_date: Date,
    pub group_name: PersonName,
    pub enrolment_date: Date,
    pub leave_date: Option<Date>,
    pub leave_destination: Option<LeaveDestination>,
    pub family_situation: Option<FamilySituation>,
    pub guardians: Vec<ImportedGuardian>,
}

#[derive(Debug, Clone)]
pub struct ImportedGuardian {
    pub guardian: NewGuardian,
    pub link: Link,
}

/// What an import did, or would do in a dry run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub dry_run: bool,
    pub created: Vec<ImportedName>,
    pub updated: Vec<ImportedName>,
    pub unchanged: usize,
    /// Pupils of the school missing from the file, now recorded as left.
    pub left_school: Vec<ImportedName>,
    pub groups_created: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImportedName {
    pub external_number: String,
    pub name: String,
}

/// An e-mail as the outbox keeps it.
#[derive(Debug, Clone, Serialize)]
pub struct OutboxMail {
    pub id: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    pub error: Option<String>,
}

/// A parent or guardian signed in to the portal: everything linked to their
/// e-mail address within one board.
#[derive(Debug, Clone)]
pub struct ParentSession {
    pub board: BoardId,
    pub board_name: String,
    pub email: String,
}

/// A day a royal decree equates with a public holiday, as the board recorded it.
#[derive(Debug, Clone, Serialize)]
pub struct EquatedDay {
    pub day: Date,
    pub description: String,
}

/// A consent purpose with its current text.
#[derive(Debug, Clone, Serialize)]
pub struct ConsentPurpose {
    pub code: String,
    pub name: String,
    pub description: String,
    pub version: i64,
}

/// The board's consent choices.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct BoardSettings {
    pub consent_renewal: aantoonbaar_rules::consent::Renewal,
    pub both_parents_when_separated: bool,
}

/// How a decision reached the school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A signed paper form, entered by the administration.
    Paper,
    /// The parent (or pupil of 16+) in the portal.
    Portal,
    /// Told to a staff member, who recorded it.
    Staff,
}

impl Channel {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Paper => "paper",
            Self::Portal => "portal",
            Self::Staff => "staff",
        }
    }
}

/// A decision to record. Exactly one of `guardian_id` and `by_pupil`.
#[derive(Debug, Clone)]
pub struct NewConsentDecision {
    pub pupil_id: String,
    pub purpose: String,
    pub choice: aantoonbaar_rules::consent::Choice,
    pub guardian_id: Option<String>,
    pub by_pupil: bool,
    pub decided_at: Timestamp,
    pub channel: Channel,
    /// For paper forms: whether the form is signed.
    pub signed: Option<bool>,
}

/// A recorded decision.
#[derive(Debug, Clone, Serialize)]
pub struct ConsentDecisionRecord {
    pub id: String,
    pub pupil_id: String,
    pub purpose: String,
    pub purpose_version: i64,
    pub decision: aantoonbaar_rules::consent::Choice,
    pub guardian_id: Option<String>,
    pub by_pupil: bool,
    pub decided_at: Timestamp,
    pub channel: Channel,
    pub signed: Option<bool>,
    pub recorded_by: String,
}

/// One decision as the consent check needs it.
#[derive(Debug, Clone)]
pub struct DecisionFact {
    pub pupil_id: String,
    pub guardian_id: Option<String>,
    pub purpose: String,
    pub choice: aantoonbaar_rules::consent::Choice,
    /// The Dutch date of the decision.
    pub decided_on: Date,
}

/// One objection as the consent check needs it.
#[derive(Debug, Clone)]
pub struct ObjectionFact {
    pub pupil_id: String,
    pub guardian_id: String,
    /// `None`: the objection concerns every purpose.
    pub purpose: Option<String>,
    pub noted_on: Date,
}

/// Everything the consent check needs about some pupils and one purpose, read
/// in a handful of queries.
#[derive(Debug, Clone, Default)]
pub struct ConsentFacts {
    pub pupils: Vec<Pupil>,
    /// Per pupil: (guardian id, holds custody).
    pub custodians: HashMap<String, Vec<(String, bool)>>,
    /// Oldest first; only those that can count on the day asked about.
    pub decisions: Vec<DecisionFact>,
    pub objections: Vec<ObjectionFact>,
    pub settings: BoardSettings,
    /// Whether the board has the purpose asked about (always with every purpose).
    pub purpose_known: bool,
    /// Restrictions of processing (AVG art. 18): the pupil, and the purpose or
    /// `None` when all processing is restricted.
    pub restricted: Vec<(String, Option<String>)>,
}

/// A pupil in a consent round: who to invite and whether anyone answered.
#[derive(Debug, Clone)]
pub struct RoundPupil {
    pub pupil_id: String,
    pub school_id: String,
    pub group_id: String,
    pub birth_date: Date,
    /// The pupil's own address, for pupils who decide for themselves.
    pub own_email: Option<String>,
    /// A custodial guardian (or the pupil) decided on some purpose since the round's start.
    pub answered: bool,
    /// E-mail addresses of the guardians who hold custody.
    pub custodial_emails: Vec<String>,
}
