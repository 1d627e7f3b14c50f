//! Law and policy logic of Aantoonbaar.
//!
//! Everything here is pure: no I/O, no async, no SQL, no clock. Time is always a
//! parameter, so every rule can be tested on the exact day it turns on.
//! Each rule carries a doc comment citing its source: a seed document in
//! `shared/seeds/` (file and section) or an article of the GDPR (AVG).

/// A closed list of codes: the enum, `ALL`, `code()`, `from_code()` and serde
/// as the code string. Used by every rules module with stored or typed codes.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident, $invalid:literal { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stable code used in the API, the database and the pages.
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }

            /// # Errors
            #[doc = concat!("`", $invalid, "` for an unknown code.")]
            pub fn from_code(code: &str) -> Result<Self, crate::Invalid> {
                Self::ALL.iter().copied().find(|v| v.code() == code.trim()).ok_or(crate::Invalid::new($invalid))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = String::deserialize(deserializer)?;
                Self::from_code(&code).map_err(|_| serde::de::Error::custom(format!("unknown code {code:?}")))
            }
        }
    };
}

pub mod access;
pub mod age;
pub mod board_report;
pub mod breach;
pub mod calendar;
pub mod camera;
pub mod consent;
pub mod cycle;
pub mod deadlines;
pub mod dpia;
pub mod frameworks;
pub mod holidays;
pub mod identifiers;
pub mod incidents;
pub mod information_rights;
pub mod organisation;
pub mod password;
pub mod policy;
pub mod policy_documents;
pub mod register;
pub mod requests;
pub mod retention;
pub mod risks;
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
