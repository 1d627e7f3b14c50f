//! Data-subject requests: the kinds, how identity is checked, the outcomes and
//! the lawful reasons for refusing, the extension, the warnings before the
//! deadline, and what an erasure may erase.
//!
//! Sources: GDPR (AVG) art. 12–22; seed 001 §14 "Rechten betrokkenen"
//! (art. 14.1a–e, 14.2 procedure); seed 002 §10.2–10.10; domain.md
//! "Data-subject rights" and "Retention". The deadlines themselves are in
//! [`crate::deadlines`].

use crate::Invalid;
use jiff::civil::Date;

code_enum! {
    /// The right a request exercises (seed 001 §14.14 art. 14.1; AVG art. 15–18, 20, 21).
    RequestKind, "request.kind_unknown" {
        /// Access with a copy (AVG art. 15; seed 001 art. 14.1a).
        Access = "access",
        /// Rectification or completion (AVG art. 16; seed 001 art. 14.1b).
        Rectification = "rectification",
        /// Erasure (AVG art. 17; seed 001 art. 14.1b; seed 002 §10.4).
        Erasure = "erasure",
        /// Restriction of processing (AVG art. 18; seed 001 art. 14.1d).
        Restriction = "restriction",
        /// Objection (AVG art. 21; seed 001 art. 14.1c).
        Objection = "objection",
        /// Data portability (AVG art. 20; seed 002 §10.7).
        Portability = "portability",
    }
}

code_enum! {
    /// How the request reached the school.
    RequestChannel, "request.channel_unknown" {
        InPerson = "in_person",
        Letter = "letter",
        Email = "email",
        Phone = "phone",
        Portal = "portal",
    }
}

code_enum! {
    /// How the school made sure the requester is who they say they are.
    ///
    /// Source: seed 002 §10.2: "De school vraagt om legitimatie om uw identiteit
    /// te controleren. Er wordt bij de vaststelling van de identiteit geen kopie
    /// van het identiteitsbewijs opgenomen in de administratie." Only the method
    /// is recorded; there is deliberately no way to store a copy of an ID.
    IdentityCheck, "request.identity_unknown" {
        /// The ID document was shown in person (and not copied).
        SeenInPerson = "seen_in_person",
        /// The request came from the e-mail address the school already has.
        KnownEmail = "known_email",
        /// The parent was signed in to the portal (a link to their known address).
        PortalSignIn = "portal_sign_in",
        /// Called back on the phone number the school already has.
        KnownPhone = "known_phone",
    }
}

code_enum! {
    /// The answer to a request (seed 001 art. 14.2).
    Outcome, "request.outcome_unknown" {
        Granted = "granted",
        PartlyGranted = "partly_granted",
        Refused = "refused",
    }
}

impl Outcome {
    /// Whether the letter must give reasons: every answer that is not a full
    /// grant (seed 001 art. 14.2: "deelt … mede waarom het verzoek niet wordt
    /// ingewilligd"; AVG art. 12(4)).
    #[must_use]
    pub const fn needs_reason(self) -> bool {
        !matches!(self, Self::Granted)
    }
}

code_enum! {
    /// The lawful reasons not to grant (all or part of) a request.
    Reason, "request.reason_unknown" {
        /// Manifestly unfounded or excessive, in particular repetitive (AVG art. 12(5)).
        ManifestlyUnfounded = "manifestly_unfounded",
        /// Granting would adversely affect the rights and freedoms of others,
        /// e.g. documents naming other people (AVG art. 15(4); seed 001 art. 14.1a).
        RightsOfOthers = "rights_of_others",
        /// Granting would seriously harm the pupil's safety or well-being (seed 002 §10.10.4).
        HarmsPupil = "harms_pupil",
        /// Working documents and internal notes meant only for internal
        /// deliberation are outside the right of access (seed 001 art. 14.1a).
        InternalNotes = "internal_notes",
        /// A legal duty to keep the data (AVG art. 17(3)(b); seed 001 §14.12:
        /// enrolment and absence 5 years after deregistration).
        LegalRetention = "legal_retention",
        /// The school's compelling legitimate grounds, or the public interest,
        /// weigh heavier in this case (AVG art. 21(1); seed 001 art. 14.1c).
        OverridingInterest = "overriding_interest",
        /// The data are needed for a legal claim (AVG art. 17(3)(e), 18(2)).
        LegalClaim = "legal_claim",
        /// The data are correct; the requested change is not a correction (AVG art. 16).
        DataCorrect = "data_correct",
    }
}

impl Reason {
    /// Whether this reason can justify not granting a request of `kind`.
    #[must_use]
    pub const fn applies_to(self, kind: RequestKind) -> bool {
        match self {
            Self::ManifestlyUnfounded | Self::RightsOfOthers | Self::HarmsPupil => true,
            Self::InternalNotes => matches!(kind, RequestKind::Access | RequestKind::Portability),
            Self::LegalRetention => matches!(kind, RequestKind::Erasure),
            Self::OverridingInterest => matches!(kind, RequestKind::Objection | RequestKind::Erasure),
            Self::LegalClaim => matches!(kind, RequestKind::Erasure | RequestKind::Restriction),
            Self::DataCorrect => matches!(kind, RequestKind::Rectification),
        }
    }
}

/// Checks a decision: an answer other than a full grant needs a reason, and the
/// reason must be one that applies to the kind of request.
///
/// Source: seed 001 art. 14.2 and AVG art. 12(4): a refusal states why.
///
/// # Errors
/// `request.reason_required` or `request.reason_not_for_kind`.
pub fn check_decision(kind: RequestKind, outcome: Outcome, reason: Option<Reason>) -> Result<(), Invalid> {
    match reason {
        None if outcome.needs_reason() => Err(Invalid::new("request.reason_required")),
        Some(reason) if !reason.applies_to(kind) => Err(Invalid::new("request.reason_not_for_kind")),
        _ => Ok(()),
    }
}

/// Checks an extension: it is possible only when the requester is told within
/// the first period, i.e. on or before the first deadline.
///
/// Source: AVG art. 12(3); seed 001 art. 14.2 ("Als deze verlenging
/// plaatsvindt, wordt de betrokkene daarover binnen een maand na de ontvangst
/// van het verzoek geïnformeerd"); seed 002 §10.10.3.
///
/// # Errors
/// `request.extension_too_late` when told after `deadline`;
/// `request.told_before_receipt` when told before the request was received.
pub fn check_extension(received: Date, deadline: Date, told_on: Date) -> Result<(), Invalid> {
    if told_on < received {
        Err(Invalid::new("request.told_before_receipt"))
    } else if told_on > deadline {
        Err(Invalid::new("request.extension_too_late"))
    } else {
        Ok(())
    }
}

/// How urgent an open request is, by working days left until its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Urgency {
    Normal,
    /// Seven working days or fewer left.
    Soon,
    /// Two working days or fewer left.
    Urgent,
    /// The deadline has passed.
    Overdue,
}

impl Urgency {
    /// The dashboard warns at 7 and at 2 working days left, and shows a passed
    /// deadline as overdue (issue 6 §5; the one-month period of AVG art. 12(3)).
    #[must_use]
    pub const fn of(working_days_left: i64) -> Self {
        if working_days_left < 0 {
            Self::Overdue
        } else if working_days_left <= 2 {
            Self::Urgent
        } else if working_days_left <= 7 {
            Self::Soon
        } else {
            Self::Normal
        }
    }

    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Normal => "normal",
            Self::Soon => "soon",
            Self::Urgent => "urgent",
            Self::Overdue => "overdue",
        }
    }

    /// The reminder mail due at exactly this many working days left, if any:
    /// one at 7 and one at 2 (each sent once).
    #[must_use]
    pub const fn reminder_at(working_days_left: i64) -> Option<i64> {
        if working_days_left <= 2 {
            Some(2)
        } else if working_days_left <= 7 {
            Some(7)
        } else {
            None
        }
    }
}

code_enum! {
    /// The parts of a pupil's data an erasure request is decided on, item by item.
    ErasureItem, "request.item_unknown" {
        /// Name, birth date, pupil number, enrolment and deregistration dates.
        Enrolment = "enrolment",
        /// The parents' and guardians' contact details and their links to the pupil.
        Guardians = "guardians",
        /// Consent decisions and objections for images and social media.
        ConsentHistory = "consent_history",
    }
}

/// What an erasure does with one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErasureVerdict {
    /// May be erased now.
    Erase,
    /// Must be kept; `until` is the first day it may go, when known.
    Keep { reason: KeepReason, until: Option<Date> },
}

code_enum! {
    /// Why an item must be kept despite an erasure request.
    KeepReason, "request.keep_unknown" {
        /// The pupil is still enrolled: the school needs the data for its
        /// public task (AVG art. 17(3)(b); seed 001 art. 7).
        StillEnrolled = "still_enrolled",
        /// Enrolment and absence data are kept 5 years after deregistration
        /// (seed 001 §14.12 and §14.17; Bekostigingsbesluit WPO).
        EnrolmentRetention = "enrolment_retention",
    }
}

/// Years enrolment and absence data are kept after deregistration (seed 001 §14.12).
pub const ENROLMENT_RETENTION_YEARS: i16 = 5;

/// Whether `item` of a pupil who left on `left_on` (or is still enrolled) may be
/// erased on `today`.
///
/// Sources: AVG art. 17(1) and 17(3)(b); seed 001 §14.12/§14.17 and domain.md
/// "Retention": enrolment/deregistration data 5 years after deregistration;
/// seed 002 §10.4 (erasure when consent is withdrawn and there is no other
/// ground). Consent decisions rest on consent only (AVG art. 17(1)(b)): they go
/// at once, and without them no publication is allowed. Guardians' contact
/// details are needed while the pupil is at school; after that the pupil file
/// keeps no duty to hold them.
#[must_use]
pub fn erasure_verdict(item: ErasureItem, left_on: Option<Date>, today: Date) -> ErasureVerdict {
    match (item, left_on) {
        (ErasureItem::ConsentHistory, _) => ErasureVerdict::Erase,
        (_, None) => ErasureVerdict::Keep { reason: KeepReason::StillEnrolled, until: None },
        (_, Some(left)) if left > today => ErasureVerdict::Keep { reason: KeepReason::StillEnrolled, until: None },
        (ErasureItem::Guardians, Some(_)) => ErasureVerdict::Erase,
        (ErasureItem::Enrolment, Some(left)) => {
            let until = left.saturating_add(jiff::Span::new().years(ENROLMENT_RETENTION_YEARS));
            if today >= until {
                ErasureVerdict::Erase
            } else {
                ErasureVerdict::Keep { reason: KeepReason::EnrolmentRetention, until: Some(until) }
            }
        }
    }
}

code_enum! {
    /// The outcome of the balancing of interests after an objection (AVG art. 21(1); seed 001 art. 14.1c).
    ObjectionOutcome, "request.objection_outcome_unknown" {
        /// The subject's interest weighs heavier: the processing stops.
        Upheld = "upheld",
        /// The school's compelling grounds weigh heavier: the processing continues.
        Rejected = "rejected",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_refusal_or_partial_grant_needs_a_reason_that_fits_the_kind() {
        assert_eq!(check_decision(RequestKind::Access, Outcome::Granted, None), Ok(()));
        assert_eq!(
            check_decision(RequestKind::Access, Outcome::Refused, None),
            Err(Invalid::new("request.reason_required"))
        );
        assert_eq!(
            check_decision(RequestKind::Erasure, Outcome::PartlyGranted, None),
            Err(Invalid::new("request.reason_required"))
        );
        assert_eq!(check_decision(RequestKind::Erasure, Outcome::PartlyGranted, Some(Reason::LegalRetention)), Ok(()));
        assert_eq!(
            check_decision(RequestKind::Access, Outcome::Refused, Some(Reason::LegalRetention)),
            Err(Invalid::new("request.reason_not_for_kind"))
        );
        assert_eq!(check_decision(RequestKind::Access, Outcome::Refused, Some(Reason::HarmsPupil)), Ok(()));
    }

    #[test]
    fn every_reason_applies_to_some_kind() {
        for reason in Reason::ALL {
            assert!(RequestKind::ALL.iter().any(|k| reason.applies_to(*k)), "{reason:?}");
        }
    }

    #[test]
    fn an_extension_must_be_told_by_the_first_deadline() {
        let (received, deadline) = (date(2026, 1, 31), date(2026, 3, 2));
        assert_eq!(check_extension(received, deadline, deadline), Ok(()));
        assert_eq!(check_extension(received, deadline, received), Ok(()));
        assert_eq!(
            check_extension(received, deadline, date(2026, 3, 3)),
            Err(Invalid::new("request.extension_too_late"))
        );
        assert_eq!(
            check_extension(received, deadline, date(2026, 1, 30)),
            Err(Invalid::new("request.told_before_receipt"))
        );
    }

    #[test]
    fn warnings_come_at_seven_and_two_working_days() {
        assert_eq!(Urgency::of(8), Urgency::Normal);
        assert_eq!(Urgency::of(7), Urgency::Soon);
        assert_eq!(Urgency::of(3), Urgency::Soon);
        assert_eq!(Urgency::of(2), Urgency::Urgent);
        assert_eq!(Urgency::of(0), Urgency::Urgent);
        assert_eq!(Urgency::of(-1), Urgency::Overdue);
        assert_eq!(Urgency::reminder_at(8), None);
        assert_eq!(Urgency::reminder_at(7), Some(7));
        assert_eq!(Urgency::reminder_at(2), Some(2));
    }

    #[test]
    fn enrolment_data_are_kept_five_years_after_deregistration() {
        let today = date(2026, 11, 22);
        let keep = erasure_verdict(ErasureItem::Enrolment, Some(date(2024, 7, 10)), today);
        assert_eq!(
            keep,
            ErasureVerdict::Keep { reason: KeepReason::EnrolmentRetention, until: Some(date(2029, 7, 10)) }
        );
        assert_eq!(erasure_verdict(ErasureItem::Enrolment, Some(date(2021, 11, 22)), today), ErasureVerdict::Erase);
        assert_eq!(
            erasure_verdict(ErasureItem::Enrolment, None, today),
            ErasureVerdict::Keep { reason: KeepReason::StillEnrolled, until: None }
        );
    }

    #[test]
    fn consent_history_goes_at_once_and_guardians_once_the_pupil_left() {
        let today = date(2026, 11, 22);
        assert_eq!(erasure_verdict(ErasureItem::ConsentHistory, None, today), ErasureVerdict::Erase);
        assert_eq!(
            erasure_verdict(ErasureItem::Guardians, None, today),
            ErasureVerdict::Keep { reason: KeepReason::StillEnrolled, until: None }
        );
        assert_eq!(
            erasure_verdict(ErasureItem::Guardians, Some(date(2027, 1, 1)), today),
            ErasureVerdict::Keep { reason: KeepReason::StillEnrolled, until: None }
        );
        assert_eq!(erasure_verdict(ErasureItem::Guardians, Some(date(2026, 7, 1)), today), ErasureVerdict::Erase);
    }
}
