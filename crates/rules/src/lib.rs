//! Law and policy logic of Aantoonbaar.
//!
//! Everything here is pure: no I/O, no async, no SQL, no clock. Time is always a
//! parameter, so every rule can be tested on the exact day it turns on.
//! Each rule carries a doc comment citing its source: a seed document in
//! `shared/seeds/` (file and section) or an article of the GDPR (AVG).

pub mod age;
pub mod breach;
pub mod calendar;
pub mod consent;
pub mod deadlines;
pub mod holidays;
pub mod identifiers;
pub mod incidents;
pub mod information_rights;
pub mod organisation;
pub mod password;
pub mod policy;
pub mod requests;
pub mod school_year;
pub mod throttle;

pub use identifiers::{Brin, Email, PersonName, PupilNumber};
pub use policy::{Action, Role, ScopeKind};
pub use school_year::SchoolYear;

/// A value a user typed that does not satisfy a rule. The `code` is a stable key
/// into the user-facing message catalogue, so the rules stay free of screen text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("invalid value: {code}")]
pub struct Invalid {
    pub code: &'static str,
}

impl Invalid {
    #[must_use]
    pub const fn new(code: &'static str) -> Self {
        Self { code }
    }
}
