//! The board's policy documents: which kinds there are, how a version comes
//! into force, which ones every employee signs, and when a non-signer is
//! reminded.
//!
//! Sources: seed 001's version table (drafts, adopted by the CvB, consent of
//! the GMR, the participation council), §5–6 (the policy evaluated at least
//! yearly), §8 and §14.3 (the internet and social-media rules for pupils),
//! §9.3 and §14.8 (every employee signs the code of conduct), §10.2 and §14.10
//! (responsible disclosure), reglement art. 19 (the privacy regulation is
//! adopted by the CvB after the GMR's consent and published on the website);
//! seed 002 §2.1.1 (adopted with the GMR's consent) and §8.1.2 (everyone who
//! works with personal data promises confidentiality in a signed statement).

use jiff::ToSpan;
use jiff::civil::Date;

code_enum! {
    /// The kinds of policy document a board keeps.
    PolicyKind, "policy.kind_unknown" {
        /// Informatiebeveiligings- en privacybeleid (seed 001 as a whole).
        IbpPolicy = "ibp_policy",
        /// Privacyreglement (seed 001 §11; seed 002).
        PrivacyRegulation = "privacy_regulation",
        /// Gedragscode ICT-gebruik en privacy voor medewerkers (seed 001 §9, §14.8).
        CodeOfConduct = "code_of_conduct",
        /// Geheimhoudingsverklaring (seed 002 §8.1.2).
        Confidentiality = "confidentiality",
        /// Responsible-disclosurebeleid (seed 001 §10.2, §14.10).
        ResponsibleDisclosure = "responsible_disclosure",
        /// Internet- en sociale-mediaregels voor leerlingen (seed 001 §8, §14.3).
        PupilInternetRules = "pupil_internet_rules",
    }
}

impl PolicyKind {
    /// Whether every employee signs the version in force.
    ///
    /// Source: seed 001 §9.3 and §14.8 ("De gedragscode dient daarom door
    /// iedere medewerker ondertekend te worden"); seed 002 §8.1.2 ("moet
    /// geheimhouding beloven via een ondertekende geheimhoudingsverklaring").
    #[must_use]
    pub const fn signed_by_staff(self) -> bool {
        matches!(self, Self::CodeOfConduct | Self::Confidentiality)
    }

    /// Whether the CvB may adopt a version only after the GMR consented.
    ///
    /// Source: seed 001 reglement art. 19 ("na instemming van de
    /// Gemeenschappelijke Medezeggenschapsraad (GMR) vastgesteld door het
    /// College van Bestuur"), seed 001's table "Instemming gedragscode" and
    /// §9.3 ("Hiervoor is toestemming verleend door de GMR"); seed 002 §2.1.1.
    #[must_use]
    pub const fn needs_gmr_consent(self) -> bool {
        matches!(self, Self::PrivacyRegulation | Self::CodeOfConduct)
    }

    /// Whether the board normally publishes the document on its public page.
    ///
    /// Source: seed 001 reglement art. 19 ("Het reglement wordt gepubliceerd
    /// op de website"), §10.2 (a responsible-disclosure policy tells outsiders
    /// how to report a weakness), §14.3 (the rules are for pupils and parents).
    #[must_use]
    pub const fn public_by_default(self) -> bool {
        matches!(self, Self::PrivacyRegulation | Self::ResponsibleDisclosure | Self::PupilInternetRules)
    }
}

/// Why an adoption cannot be recorded as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdoptionProblem {
    /// Adopted on a day that has not come yet (`adopted_on`).
    AdoptedInFuture,
    /// The kind needs the GMR's consent and none is recorded (`gmr_consent_on`).
    ConsentMissing,
    /// The GMR consented after the CvB adopted (`gmr_consent_on`).
    ConsentAfterAdoption,
}

impl AdoptionProblem {
    /// The field the problem is about.
    #[must_use]
    pub const fn field(self) -> &'static str {
        match self {
            Self::AdoptedInFuture => "adopted_on",
            Self::ConsentMissing | Self::ConsentAfterAdoption => "gmr_consent_on",
        }
    }

    /// The message key.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::AdoptedInFuture => "policy.adopted_in_future",
            Self::ConsentMissing => "policy.gmr_consent_required",
            Self::ConsentAfterAdoption => "policy.gmr_consent_after_adoption",
        }
    }
}

/// Checks an adoption: the CvB adopts on a day that has come, and where the
/// GMR must consent it did so first.
///
/// Source: seed 001 reglement art. 19 ("na instemming van de GMR
/// vastgesteld"): the consent precedes (or coincides with) the adoption.
///
/// # Errors
/// Every problem found, in the order of the form's fields.
pub fn check_adoption(
    kind: PolicyKind,
    adopted_on: Date,
    gmr_consent_on: Option<Date>,
    today: Date,
) -> Result<(), Vec<AdoptionProblem>> {
    let mut problems = Vec::new();
    if adopted_on > today {
        problems.push(AdoptionProblem::AdoptedInFuture);
    }
    match gmr_consent_on {
        None if kind.needs_gmr_consent() => problems.push(AdoptionProblem::ConsentMissing),
        Some(consent) if consent > adopted_on => problems.push(AdoptionProblem::ConsentAfterAdoption),
        _ => {}
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// Reminders to sign, at most this many per employee and version; after
/// that the employee's director hears of it instead (the director sees to
/// compliance, seed 001 §6.4: "leidinggevenden ... hun medewerkers
/// aanspreken in geval van tekortkomingen").
pub const SIGNING_REMINDERS: u32 = 3;

/// Whether an employee who has not signed the version in force since
/// `in_force_on` is reminded on `today`, having been reminded `sent` times,
/// the last time on `last`: one week after the version came into force
/// (the announcement went out that day), then every two weeks, at most
/// [`SIGNING_REMINDERS`] times.
///
/// Source: seed 001 §14.8 (every employee signs); the weekly rhythm is the
/// product's proposal, so a new version is signed within about six weeks.
#[must_use]
pub fn signing_reminder_due(in_force_on: Date, sent: u32, last: Option<Date>, today: Date) -> bool {
    if sent >= SIGNING_REMINDERS {
        return false;
    }
    let next = match last {
        None => in_force_on.checked_add(7.days()),
        Some(last) => last.checked_add(14.days()),
    };
    next.is_ok_and(|next| today >= next)
}

/// Whether the director hears that an employee still has not signed: once,
/// when the last reminder is two weeks old.
///
/// Source: seed 001 §6.4 (the manager addresses shortcomings) and §9.3.
#[must_use]
pub fn signing_escalates(sent: u32, last: Option<Date>, today: Date) -> bool {
    sent >= SIGNING_REMINDERS && last.and_then(|last| last.checked_add(14.days()).ok()).is_some_and(|at| today >= at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_code_of_conduct_and_the_confidentiality_statement_are_signed_by_staff() {
        let signed: Vec<_> = PolicyKind::ALL.iter().filter(|k| k.signed_by_staff()).collect();
        assert_eq!(signed, [&PolicyKind::CodeOfConduct, &PolicyKind::Confidentiality]);
    }

    #[test]
    fn a_privacy_regulation_cannot_be_adopted_without_the_gmr() {
        let today = date(2026, 11, 22);
        assert_eq!(
            check_adoption(PolicyKind::PrivacyRegulation, date(2026, 11, 1), None, today),
            Err(vec![AdoptionProblem::ConsentMissing])
        );
        assert_eq!(
            check_adoption(PolicyKind::PrivacyRegulation, date(2026, 11, 1), Some(date(2026, 11, 2)), today),
            Err(vec![AdoptionProblem::ConsentAfterAdoption])
        );
        assert_eq!(
            check_adoption(PolicyKind::PrivacyRegulation, date(2026, 11, 1), Some(date(2026, 11, 1)), today),
            Ok(())
        );
        assert_eq!(check_adoption(PolicyKind::IbpPolicy, date(2026, 11, 1), None, today), Ok(()));
    }

    #[test]
    fn an_adoption_on_a_day_still_to_come_is_refused() {
        let problems = check_adoption(PolicyKind::IbpPolicy, date(2026, 11, 23), None, date(2026, 11, 22));
        assert_eq!(problems.unwrap_err()[0].field(), "adopted_on");
    }

    #[test]
    fn non_signers_are_reminded_after_a_week_then_fortnightly_three_times_then_the_director_hears() {
        let start = date(2026, 11, 2);
        assert!(!signing_reminder_due(start, 0, None, date(2026, 11, 8)));
        assert!(signing_reminder_due(start, 0, None, date(2026, 11, 9)));
        assert!(!signing_reminder_due(start, 1, Some(date(2026, 11, 9)), date(2026, 11, 22)));
        assert!(signing_reminder_due(start, 1, Some(date(2026, 11, 9)), date(2026, 11, 23)));
        assert!(!signing_reminder_due(start, 3, Some(date(2026, 12, 7)), date(2027, 1, 30)));
        assert!(!signing_escalates(3, Some(date(2026, 12, 7)), date(2026, 12, 20)));
        assert!(signing_escalates(3, Some(date(2026, 12, 7)), date(2026, 12, 21)));
        assert!(!signing_escalates(2, Some(date(2026, 12, 7)), date(2027, 1, 21)));
    }
}
