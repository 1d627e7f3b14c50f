//! The records the store reads and writes that more than one area shares: boards,
//! schools, groups, pupils, guardians and the caller's scope.

use aantoonbaar_rules::organisation::{FamilySituation, LeaveDestination, Relation};
use aantoonbaar_rules::{Brin, Email, PersonName, PupilNumber, ScopeKind};
use jiff::civil::Date;
use serde::Serialize;

// The records of one area live with it; they stay reachable as `model::…` too.
pub use crate::boards::{BoardSettings, EquatedDay};
pub use crate::consent::{
    Channel, ConsentDecisionRecord, ConsentFacts, ConsentPurpose, DecisionFact, NewConsentDecision, ObjectionFact,
    RoundPupil,
};
pub use crate::import::{ImportReport, ImportedGuardian, ImportedName, ImportedPupil};
pub use crate::outbox::OutboxMail;
pub use crate::pupils::PupilQuery;
pub use crate::sessions::{ParentSession, PendingSession, Principal, SessionStage};
pub use crate::users::{ApiToken, NewUser, User};

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

    /// Whether the scope covers all of `school` (a group scope covers no whole school).
    #[must_use]
    pub fn covers_school(&self, school: &str) -> bool {
        match self {
            Self::Board => true,
            Self::Schools(schools) => schools.iter().any(|s| s == school),
            Self::Groups(_) => false,
        }
    }
}
