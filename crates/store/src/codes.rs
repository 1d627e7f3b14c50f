//! Stored codes: every enum the store writes as text is read back through
//! [`Code::stored`], so a code the program does not know is
//! [`StoreError::Corrupt`], never a silent default.

use crate::{AuditAction, Channel, SessionStage, StoreError};
use aantoonbaar_rules::consent::{Choice, Renewal};
use aantoonbaar_rules::organisation::{FamilySituation, LeaveDestination, Relation};
use aantoonbaar_rules::{Role, ScopeKind, dpia, incidents, register, requests};

/// A value stored as a code.
pub(crate) trait Code: Sized {
    /// The value whose code this is.
    fn from_stored(code: &str) -> Option<Self>;

    /// The value whose code `column` holds; `Corrupt` naming the column and the
    /// code for a code no value has.
    fn stored(column: &str, code: &str) -> Result<Self, StoreError> {
        Self::from_stored(code).ok_or_else(|| StoreError::Corrupt(format!("{column}: {code}")))
    }
}

/// `Code` for enums of the rules crate, read with their own `from_code`.
macro_rules! by_from_code {
    ($($ty:ty),+ $(,)?) => {
        $(
            impl Code for $ty {
                fn from_stored(code: &str) -> Option<Self> {
                    <$ty>::from_code(code).ok()
                }
            }
        )+
    };
}

by_from_code!(
    Role,
    aantoonbaar_rules::cycle::ActivityKind,
    aantoonbaar_rules::cycle::Audience,
    aantoonbaar_rules::cycle::ItemKind,
    Renewal,
    FamilySituation,
    LeaveDestination,
    Relation,
    incidents::Kind,
    incidents::Channel,
    incidents::Status,
    incidents::SubjectsDecision,
    requests::RequestKind,
    requests::RequestChannel,
    requests::IdentityCheck,
    requests::Outcome,
    requests::Reason,
    requests::ErasureItem,
    requests::KeepReason,
    requests::ObjectionOutcome,
    register::ActivityStatus,
    dpia::record::Kind,
    dpia::record::Status,
    register::Classification,
    register::Safeguard,
    register::parties::ConvenantStatus,
    register::parties::AgreementModel,
    register::parties::DocumentKind,
    register::parties::SubProcessorDecision,
    register::parties::RecipientKind,
    aantoonbaar_rules::risks::Category,
    aantoonbaar_rules::risks::Treatment,
    aantoonbaar_rules::retention::RuleCode,
    aantoonbaar_rules::retention::Category,
    aantoonbaar_rules::retention::Subject,
    aantoonbaar_rules::retention::Trigger,
    aantoonbaar_rules::retention::EndAction,
    aantoonbaar_rules::retention::SourceKind,
    aantoonbaar_rules::retention::HoldKind,
    aantoonbaar_rules::retention::SboReading,
    aantoonbaar_rules::camera::Status,
    aantoonbaar_rules::camera::LogKind,
    aantoonbaar_rules::camera::LogReason,
    aantoonbaar_rules::camera::Recipient,
    aantoonbaar_rules::camera::HoldKind,
    aantoonbaar_rules::access::GrantScope,
    aantoonbaar_rules::access::Provisioning,
    aantoonbaar_rules::access::ReviewOutcome,
    aantoonbaar_rules::access::ChangeKind,
    aantoonbaar_rules::access::ChangeStatus,
    aantoonbaar_rules::policy_documents::PolicyKind,
);

/// `Code` for enums with a `code()` but no `from_code`: every value is listed,
/// and the stored code is the one `code()` gives.
macro_rules! by_code {
    ($($ty:ty: [$($value:expr),+ $(,)?]),+ $(,)?) => {
        $(
            impl Code for $ty {
                fn from_stored(code: &str) -> Option<Self> {
                    [$($value),+].into_iter().find(|value| value.code() == code)
                }
            }
        )+
    };
}

by_code!(
    ScopeKind: [ScopeKind::Board, ScopeKind::School, ScopeKind::Groups],
    SessionStage: [SessionStage::SecondFactor, SessionStage::Enrol, SessionStage::Full],
    Channel: [Channel::Paper, Channel::Portal, Channel::Staff],
    crate::policy_documents::SignatureChannel: [
        crate::policy_documents::SignatureChannel::Online,
        crate::policy_documents::SignatureChannel::Paper
    ],
);

impl Code for AuditAction {
    fn from_stored(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|action| action.code() == code)
    }
}

/// The code a consent decision is stored as (the rules crate names no codes for it).
pub(crate) const fn choice_code(choice: Choice) -> &'static str {
    match choice {
        Choice::Granted => "granted",
        Choice::Refused => "refused",
    }
}

impl Code for Choice {
    fn from_stored(code: &str) -> Option<Self> {
        [Self::Granted, Self::Refused].into_iter().find(|choice| choice_code(*choice) == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_and_an_unknown_one_is_corrupt() {
        for choice in [Choice::Granted, Choice::Refused] {
            assert_eq!(Choice::from_stored(choice_code(choice)), Some(choice));
        }
        for kind in [ScopeKind::Board, ScopeKind::School, ScopeKind::Groups] {
            assert_eq!(ScopeKind::from_stored(kind.code()), Some(kind));
        }
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::from_stored(action.code()), Some(*action));
        }
        assert_eq!(SessionStage::from_stored("enrol"), Some(SessionStage::Enrol));
        assert_eq!(Channel::from_stored("portal"), Some(Channel::Portal));
        assert!(matches!(Channel::stored("channel", "fax"), Err(StoreError::Corrupt(m)) if m == "channel: fax"));
        assert!(matches!(Choice::stored("decision", "maybe"), Err(StoreError::Corrupt(_))));
    }
}
