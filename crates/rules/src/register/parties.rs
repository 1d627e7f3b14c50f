//! Systems, suppliers, processor agreements, sub-processors and the recipients
//! that are not processors: their codes and the clocks that run on them.
//!
//! Sources: AVG art. 28 (processors: the agreement of lid 3, the prior notice
//! of another sub-processor of lid 2), art. 4(9)–(10) (recipients and third
//! parties); seed 001 §3.1 and §14.18–14.19 (the processor agreement on the
//! model of the Privacyconvenant); seed 002 §5.4.2 (every processor has one),
//! §9.2.3 (an up-to-date overview of every party data are shared with).

use jiff::civil::Date;
use jiff::{Span, ToSpan};

code_enum! {
    /// Where a supplier stands towards the Privacyconvenant Onderwijs (seed 001
    /// §14.18: a participating supplier signs the model agreement unchanged).
    ConvenantStatus, "parties.convenant_status_unknown" {
        /// Signed the convenant: uses the model agreement and the privacy annex.
        Participant = "participant",
        /// Supports the convenant without having signed it.
        Supporter = "supporter",
        NotAffiliated = "none",
    }
}

code_enum! {
    /// The text a processor agreement follows (seed 001 §14.19; seed 002 §5.4.2).
    AgreementModel, "parties.model_unknown" {
        /// The model processor agreement 4.0 of the Privacyconvenant.
        PrivacyConvenant4 = "privacyconvenant_4",
        /// A general model (e.g. the Nederland ICT model).
        General = "general",
        /// The supplier's or the board's own text.
        Own = "own",
    }
}

impl AgreementModel {
    /// Any model but the convenant's needs its deviations written down, so the
    /// board can show what it agreed to (seed 001 §14.19: the convenant model
    /// is the norm; AVG art. 28(3) lists what every agreement must hold).
    #[must_use]
    pub const fn needs_deviations(self) -> bool {
        !matches!(self, Self::PrivacyConvenant4)
    }
}

code_enum! {
    /// A document that belongs to an agreement (seed 001 §14.19: the agreement,
    /// the privacy annex ("privacybijsluiter") per product and the security annex).
    DocumentKind, "parties.document_kind_unknown" {
        Agreement = "agreement",
        /// "Privacybijsluiter": what one product processes, and why.
        PrivacyAnnex = "privacy_annex",
        /// "Beveiligingsbijlage": the supplier's security measures.
        SecurityAnnex = "security_annex",
    }
}

code_enum! {
    /// The board's answer to a notice of a new or replaced sub-processor (AVG art. 28(2)).
    SubProcessorDecision, "parties.decision_unknown" {
        Accepted = "accepted",
        Objected = "objected",
    }
}

code_enum! {
    /// A recipient that is no processor (AVG art. 4(9)–(10); seed 002 §9.2.3).
    RecipientKind, "parties.recipient_kind_unknown" {
        /// Receives data for their own purpose: the next school (OSO), the GGD,
        /// the samenwerkingsverband.
        ThirdParty = "third_party",
        /// DUO, the inspectorate, the municipality (leerplicht), the police on
        /// an official request only.
        PublicAuthority = "public_authority",
    }
}

/// How many days before its end an agreement appears in the queue and its
/// reminder goes out: 60, time enough to renew or replace it (issue 13; seed
/// 002 §5.4.2: a processor never works without an agreement in force).
pub const ENDING_WITHIN_DAYS: i64 = 60;

/// The objection period of a sub-processor notice: 30 days (the
/// Privacyconvenant model agreement 4.0, art. 6: the supplier informs the
/// board in advance and the board may object within that period; AVG art. 28(2)).
pub const OBJECTION_DAYS: i64 = 30;

/// How many days before the objection deadline the IBP manager is reminded.
pub const OBJECTION_WARNING_DAYS: i64 = 7;

/// How often the convenant status should be checked again: a year (the
/// participant list of the convenant changes; seed 001 §14.18).
pub const CONVENANT_CHECK_VALID_DAYS: i64 = 365;

fn days(n: i64) -> Span {
    n.days()
}

/// The agreement ends within [`ENDING_WITHIN_DAYS`] days of `today` (and has
/// not ended yet): it goes into the queue and its reminder is due.
#[must_use]
pub fn ending_soon(ends_at: Option<Date>, today: Date) -> bool {
    let Some(ends) = ends_at else { return false };
    let Ok(limit) = today.checked_add(days(ENDING_WITHIN_DAYS)) else { return false };
    ends >= today && ends <= limit
}

/// The agreement's review date has passed (seed 002 §5.4.2: agreements are kept
/// up to date; the board sets its own review date).
#[must_use]
pub fn review_overdue(review_date: Option<Date>, today: Date) -> bool {
    review_date.is_some_and(|d| d < today)
}

/// The convenant status is older than [`CONVENANT_CHECK_VALID_DAYS`], or was never checked.
#[must_use]
pub fn convenant_check_stale(checked_on: Option<Date>, today: Date) -> bool {
    checked_on.is_none_or(|d| today.checked_sub(days(CONVENANT_CHECK_VALID_DAYS)).is_ok_and(|limit| d < limit))
}

/// The last day the board may object to a sub-processor notified on `notified_on`
/// (notified on + [`OBJECTION_DAYS`]).
#[must_use]
pub fn objection_deadline(notified_on: Date) -> Date {
    notified_on.checked_add(days(OBJECTION_DAYS)).unwrap_or(notified_on)
}

/// Where a sub-processor notice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeState {
    /// Not decided, the deadline not passed.
    Open,
    /// Not decided and the deadline passed: under the model agreement silence
    /// counts as consent, so the board has lost its chance to object.
    Overdue,
    Decided(SubProcessorDecision),
}

impl NoticeState {
    /// The stable code for the API and the pages.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Overdue => "overdue",
            Self::Decided(d) => d.code(),
        }
    }

    /// Still waiting for the board's decision (open or overdue).
    #[must_use]
    pub const fn undecided(self) -> bool {
        matches!(self, Self::Open | Self::Overdue)
    }
}

/// The state of a notice with `deadline` on `today`: open until decided,
/// overdue after the deadline.
#[must_use]
pub fn notice_state(deadline: Date, decision: Option<SubProcessorDecision>, today: Date) -> NoticeState {
    match decision {
        Some(d) => NoticeState::Decided(d),
        None if today > deadline => NoticeState::Overdue,
        None => NoticeState::Open,
    }
}

/// The objection reminder is due: undecided, and the deadline falls within
/// [`OBJECTION_WARNING_DAYS`] days (not yet passed).
#[must_use]
pub fn objection_warning_due(deadline: Date, decision: Option<SubProcessorDecision>, today: Date) -> bool {
    let Ok(limit) = today.checked_add(days(OBJECTION_WARNING_DAYS)) else { return false };
    decision.is_none() && deadline >= today && deadline <= limit
}

/// Whether any of a supplier's agreements is in force on `today`
/// ([`super::agreement_in_force`] over each `(signed_at, effective_from, ends_at)`).
#[must_use]
pub fn any_in_force(agreements: &[(Option<Date>, Option<Date>, Option<Date>)], today: Date) -> bool {
    agreements.iter().any(|(signed, from, ends)| super::agreement_in_force(*signed, *from, *ends, today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn an_agreement_ending_in_59_days_is_soon_and_in_61_not() {
        let today = date(2026, 11, 22);
        assert!(ending_soon(Some(today.checked_add(59.days()).unwrap()), today));
        assert!(ending_soon(Some(today.checked_add(60.days()).unwrap()), today));
        assert!(!ending_soon(Some(today.checked_add(61.days()).unwrap()), today));
        assert!(!ending_soon(Some(date(2026, 11, 21)), today), "an agreement that ended is no longer 'ending'");
        assert!(!ending_soon(None, today));
    }

    #[test]
    fn the_objection_clock_runs_30_days_and_is_overdue_after() {
        let notified = date(2026, 11, 1);
        let deadline = objection_deadline(notified);
        assert_eq!(deadline, date(2026, 12, 1));
        assert_eq!(notice_state(deadline, None, date(2026, 12, 1)), NoticeState::Open);
        assert_eq!(notice_state(deadline, None, date(2026, 12, 2)), NoticeState::Overdue);
        let accepted = Some(SubProcessorDecision::Accepted);
        assert_eq!(notice_state(deadline, accepted, date(2026, 12, 2)).code(), "accepted");
        assert!(!objection_warning_due(deadline, None, date(2026, 11, 23)));
        assert!(objection_warning_due(deadline, None, date(2026, 11, 24)));
        assert!(!objection_warning_due(deadline, accepted, date(2026, 11, 24)));
        assert!(!objection_warning_due(deadline, None, date(2026, 12, 2)));
    }

    #[test]
    fn review_and_convenant_check() {
        let today = date(2026, 11, 22);
        assert!(review_overdue(Some(date(2026, 11, 21)), today));
        assert!(!review_overdue(Some(today), today));
        assert!(convenant_check_stale(None, today));
        assert!(convenant_check_stale(Some(date(2025, 11, 1)), today));
        assert!(!convenant_check_stale(Some(date(2026, 1, 1)), today));
    }

    #[test]
    fn a_supplier_has_an_agreement_when_any_is_in_force() {
        let today = date(2026, 11, 22);
        let ended = (Some(date(2020, 1, 1)), None, Some(date(2025, 1, 1)));
        let unsigned = (None, None, None);
        let running = (Some(date(2024, 1, 1)), Some(date(2024, 2, 1)), None);
        assert!(!any_in_force(&[ended, unsigned], today));
        assert!(any_in_force(&[ended, running], today));
        assert!(AgreementModel::Own.needs_deviations());
        assert!(!AgreementModel::PrivacyConvenant4.needs_deviations());
    }
}
