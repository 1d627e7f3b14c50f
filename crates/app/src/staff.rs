//! The signed-in staff user an operation runs for, and the permission check
//! that every operation starts with.

use crate::error::Error;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::policy::permits;
use aantoonbaar_store::{Actor, BoardVersions, Principal, Scope};
use jiff::SignedDuration;

/// How long a re-authentication counts for sensitive actions.
pub const REAUTH_VALIDITY: SignedDuration = SignedDuration::from_mins(10);

/// A signed-in staff user, as the web crate's extractor or the CLI found them.
#[derive(Debug, Clone)]
pub struct Staff {
    pub principal: Principal,
    pub ip: Option<String>,
    pub now: jiff::Timestamp,
    /// The hash of the session token (signed in by cookie), for re-authentication.
    pub session: Option<String>,
    /// The board's versions as read to confirm this request's principal (API
    /// tokens): the consent check answers from the read model at them without
    /// reading them again.
    pub versions: Option<BoardVersions>,
}

impl Staff {
    /// The data this user may act on for `action`, or [`Error::Forbidden`] when
    /// the policy table has no row for any of their roles at their scope (deny
    /// by default).
    ///
    /// # Errors
    /// [`Error::Forbidden`].
    pub fn may(&self, action: Action) -> Result<&Scope, Error> {
        if permits(&self.principal.roles, self.principal.scope.kind(), action) {
            Ok(&self.principal.scope)
        } else {
            Err(Error::Forbidden)
        }
    }

    /// Whether the user may do `action` at all (for showing links and buttons).
    #[must_use]
    pub fn can(&self, action: Action) -> bool {
        self.may(action).is_ok()
    }

    /// Whether the user confirmed password and code within the last
    /// [`REAUTH_VALIDITY`] (required before sensitive actions on the pages).
    #[must_use]
    pub fn recently_reauthenticated(&self) -> bool {
        self.principal.reauthenticated_at.is_some_and(|at| self.now.duration_since(at) <= REAUTH_VALIDITY)
    }

    /// The user as author of a change, for the audit trail.
    #[must_use]
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: Some(self.principal.user_id.clone()),
            label: self.principal.email.clone(),
            ip: self.ip.clone(),
            at: self.now,
        }
    }
}
