//! Who may be in a photo: the consent evaluation.
//!
//! [`evaluate`] answers for ONE purpose (school guide, public website, parent
//! portal, ...), ONE pupil and ONE day whether the school may use images of the
//! pupil, and why. The board's list of purposes lives in the web layer; the
//! caller passes only the decisions and objections that concern the purpose in
//! question (seed 001 §14.14 "granulaire toestemming", §14.5 form: one box per
//! purpose). There is no clock here: the day is a parameter, because both the
//! pupil's age and the school year turn on it (domain.md "Consent").
//!
//! The order of the checks, first match wins:
//! left school → restricted → 16 or older (the pupil's own decision) → no
//! custodial guardian → a refusal or withdrawal → an unlifted objection → both
//! parents needed → granted → no decision.

use crate::age::decides_for_self;
use crate::{Invalid, SchoolYear};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What a decider ticked on the form for one purpose.
///
/// Source: seed 001 §14.5 (a box per purpose) and §14.4 ("U mag natuurlijk
/// altijd de door u gegeven toestemming intrekken. Ook mag u op een later moment
/// alsnog toestemming geven"): a withdrawal is recorded as a refusal after a
/// grant, and a later grant is simply a new decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Granted,
    Refused,
}

/// Who took a decision: a guardian (by the id the caller uses for guardians) or
/// the pupil.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Decider<'a> {
    Guardian(&'a str),
    Pupil,
}

/// One decision on the purpose being evaluated.
///
/// Decisions are ordered by `on`, the date the decision was taken; of two
/// decisions on the same date the one later in the slice is the later one, so
/// the caller passes them in the order they were recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision<'a> {
    pub by: Decider<'a>,
    pub choice: Choice,
    pub on: Date,
}

/// The school knows that a guardian is against using images of the pupil for
/// this purpose (noted, for instance, after a conversation or a letter).
///
/// Source: seed 001 §14.6 "Toestemming geven door één of twee ouders": "Alleen
/// als de school weet dat de andere ouder (die niet getekend heeft) tegen de
/// toestemming is, mag de school niet uitgaan van die ene ondertekening."
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Objection<'a> {
    pub guardian: &'a str,
    pub noted_on: Date,
}

/// A guardian of the pupil and whether they hold custody (ouderlijk gezag or
/// voogdij) on the day in question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Custodian<'a> {
    pub guardian: &'a str,
    pub holds_custody: bool,
}

/// How long a decision lasts: the board's choice.
///
/// Source: seed 001 §12.2 (Kerobei: "vooraf en ieder schooljaar opnieuw") for
/// [`Renewal::Yearly`], the default; seed 000 "Gebruik beeld- en
/// geluidsmateriaal" (OPOO: "we vragen eenmalig toestemming aan de ouders bij de
/// plaatsing van de leerling en brengen aan het begin van het schooljaar onder de
/// aandacht dat verlenen of intrekken van de toestemming op elk moment mogelijk
/// is") for [`Renewal::Once`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Renewal {
    /// Every school year anew: only decisions taken in the school year of the day
    /// in question count.
    #[default]
    Yearly,
    /// Once, with a yearly reminder: decisions of earlier school years count too,
    /// the newest wins.
    Once,
}

impl Renewal {
    pub const ALL: &'static [Self] = &[Self::Yearly, Self::Once];

    /// The stable code used in the API and the database.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Yearly => "yearly",
            Self::Once => "once",
        }
    }

    /// # Errors
    /// `consent_renewal.unknown` when `code` is not one of [`Self::ALL`]'s codes.
    pub fn from_code(code: &str) -> Result<Self, Invalid> {
        Self::ALL.iter().copied().find(|renewal| renewal.code() == code).ok_or(Invalid::new("consent_renewal.unknown"))
    }

    /// Whether a decision taken on `decided_on` still exists and applies on
    /// `day`: never when it was taken after `day`; with yearly renewal only when
    /// both fall in the same school year (1 August–31 July, seed 001 §12.2).
    #[must_use]
    pub fn covers(self, decided_on: Date, day: Date) -> bool {
        decided_on <= day
            && match self {
                Self::Yearly => SchoolYear::containing(decided_on) == SchoolYear::containing(day),
                Self::Once => true,
            }
    }

    /// The earliest decision date that [`Renewal::covers`] `day`: the first day
    /// of its school year with yearly renewal, none with once. Lets the store
    /// read only the decisions that can still count.
    #[must_use]
    pub fn earliest_covering(self, day: Date) -> Option<Date> {
        match self {
            Self::Yearly => Some(SchoolYear::containing(day).first_day()),
            Self::Once => None,
        }
    }
}

/// The board's consent settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub renewal: Renewal,
    /// For separated parents who both hold custody, require both to have
    /// granted. Source: seed 001 §14.6: "Vooral bij gescheiden ouders kan het
    /// verstandig zijn om de toestemming van beide ouders te vragen."
    pub both_parents_when_separated: bool,
}

/// The facts about the pupil that consent depends on, as they are on the day in
/// question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pupil {
    pub birth_date: Date,
    /// The pupil has left the school on the day in question.
    pub has_left: bool,
    /// Processing is restricted after a data-subject request (AVG art. 18).
    pub restricted: bool,
    /// The parents are divorced or separated (`FamilySituation::Separated`).
    pub separated: bool,
}

/// Why images of the pupil may or may not be used. Only [`Reason::Granted`]
/// allows use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Consent that counts, and nothing against it.
    Granted,
    /// Nobody whose decision counts has decided (opt-in: no answer is no consent).
    NoDecision,
    /// The decider whose decision counts said no.
    Refused,
    /// The decider whose decision counts said no after having said yes.
    Withdrawn,
    /// The school knows a custodial guardian objects and that guardian has not
    /// granted since.
    Objection,
    /// The pupil is 16 or older and has not decided.
    PupilMustDecide,
    /// Separated parents both hold custody, the board requires both, and not
    /// both have granted.
    BothParentsNeeded,
    /// Nobody holds custody of the pupil according to the records.
    NoCustodialGuardian,
    /// The pupil has left the school.
    LeftSchool,
    /// Processing is restricted by a data-subject request.
    Restricted,
}

impl Reason {
    pub const ALL: &'static [Self] = &[
        Self::Granted,
        Self::NoDecision,
        Self::Refused,
        Self::Withdrawn,
        Self::Objection,
        Self::PupilMustDecide,
        Self::BothParentsNeeded,
        Self::NoCustodialGuardian,
        Self::LeftSchool,
        Self::Restricted,
    ];

    /// The stable code used in the API, the database and the message catalogue.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Granted => "granted",
            Self::NoDecision => "no_decision",
            Self::Refused => "refused",
            Self::Withdrawn => "withdrawn",
            Self::Objection => "objection",
            Self::PupilMustDecide => "pupil_must_decide",
            Self::BothParentsNeeded => "both_parents_needed",
            Self::NoCustodialGuardian => "no_custodial_guardian",
            Self::LeftSchool => "left_school",
            Self::Restricted => "restricted",
        }
    }

    /// # Errors
    /// `consent_reason.unknown` when `code` is not one of [`Self::ALL`]'s codes.
    pub fn from_code(code: &str) -> Result<Self, Invalid> {
        Self::ALL.iter().copied().find(|reason| reason.code() == code).ok_or(Invalid::new("consent_reason.unknown"))
    }

    /// Whether this reason allows using the images: only an actual grant does
    /// (seed 001 §14.6: opt-out "is in strijd met de wet").
    #[must_use]
    pub const fn allows(self) -> bool {
        matches!(self, Self::Granted)
    }
}

/// The answer for one purpose, one pupil, one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub allowed: bool,
    pub reason: Reason,
    /// A decision exists in the renewal period, on or before the day, that does
    /// not count because of who took it: a guardian without custody (or not a
    /// guardian of this pupil), the pupil before turning 16, or a guardian once
    /// the pupil is 16. The screen uses it to explain why, say, a father's
    /// signature does not make a photo usable. Decisions of earlier school years
    /// under yearly renewal and decisions dated after the day are not flagged.
    pub uncounted_decisions: bool,
}

/// Where one decider stands: their latest counting decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stance {
    Undecided,
    Granted,
    Refused,
    /// A refusal after an earlier counting grant of the same decider.
    Withdrawn,
}

/// The latest decision of `who` in `history` (sorted by date, ties in slice
/// order). A refusal is a withdrawal when the same decider granted at any point
/// before it in `history`, so repeating a refusal keeps it a withdrawal.
fn stance(history: &[&Decision<'_>], who: Decider<'_>) -> Stance {
    let choices: Vec<Choice> = history.iter().filter(|decision| decision.by == who).map(|d| d.choice).collect();
    match choices.split_last() {
        None => Stance::Undecided,
        Some((Choice::Granted, _)) => Stance::Granted,
        Some((Choice::Refused, earlier)) if earlier.contains(&Choice::Granted) => Stance::Withdrawn,
        Some((Choice::Refused, _)) => Stance::Refused,
    }
}

/// Whether a decision counts on a day the pupil does (`pupil_decides`) or does
/// not yet decide for themselves.
///
/// Source: seed 001 §14.4 ("wij [zijn] vanuit de wetgeving verplicht om uw
/// toestemming te vragen ... als hij/zij jonger is dan 16 jaar. Leerlingen van 16
/// jaar en ouder moeten zelf toestemming geven") and §14.6 ("Als leerlingen
/// jonger zijn dan 16 beslissen de wettelijk vertegenwoordigers"); AVG art. 8,
/// UAVG art. 5. Under 16 only guardians who hold custody decide; a parent without
/// custody is not a legal representative. From the 16th birthday only the
/// pupil's own decisions taken from that birthday on count; a parent's earlier
/// decision no longer does, and neither does a decision the pupil took at 15.
fn counts(decision: &Decision<'_>, pupil_decides: bool, birth_date: Date, custodians: &[&str]) -> bool {
    match decision.by {
        Decider::Pupil => pupil_decides && decides_for_self(birth_date, decision.on),
        Decider::Guardian(guardian) => !pupil_decides && custodians.contains(&guardian),
    }
}

/// Whether a custodial guardian's objection stands on `day`.
///
/// Source: seed 001 §14.6 (the school may not rely on one parent's signature
/// when it knows the other parent is against it). The objection is lifted when
/// the same guardian grants after it was noted: on a later date, since a grant on
/// the day of the objection leaves it unclear which came first, and "bij twijfel
/// is het beter ... de foto dan maar niet te gebruiken" (§14.6). An objection is
/// knowledge of the school, not a yearly decision, so it does not expire with the
/// school year, and a lifting grant counts whatever school year it was given in.
/// An objection noted after `day` did not exist yet.
fn objection_stands(objection: &Objection<'_>, day: Date, decisions: &[Decision<'_>]) -> bool {
    objection.noted_on <= day
        && !decisions.iter().any(|decision| {
            decision.by == Decider::Guardian(objection.guardian)
                && decision.choice == Choice::Granted
                && objection.noted_on < decision.on
                && decision.on <= day
        })
}

/// May images of `pupil` be used for one purpose on `day`?
///
/// `guardians` are the pupil's guardians with their custody; `decisions` and
/// `objections` are those concerning the purpose in question. Decisions dated
/// after `day` did not exist yet and are ignored; with [`Renewal::Yearly`] only
/// decisions of the school year containing `day` count (seed 001 §12.2).
///
/// Sources per step, in order of precedence:
/// 1. Left school → [`Reason::LeftSchool`]: consent is asked for the school's
///    communication about its own pupils (seed 001 §12.2, §14.4); a pupil who
///    left is no longer shown (product owner's rule; AVG art. 5(1)(b) purpose
///    limitation).
/// 2. Restricted → [`Reason::Restricted`]: AVG art. 18(2) (restricted data is
///    only stored) and seed 001 §14.2 art. 15h.
/// 3. From the 16th birthday on `day` the pupil's own latest counting decision:
///    granted, refused, withdrawn (a refusal after a grant), or
///    [`Reason::PupilMustDecide`] (seed 001 §14.4).
/// 4. Under 16 without any custodial guardian → [`Reason::NoCustodialGuardian`].
/// 5. Any custodial guardian's latest decision is a refusal → withdrawn (when
///    any refusing guardian had granted before) or refused: "Voor het intrekken
///    van toestemming is de mededeling van één ouder ook voldoende" (§14.6).
/// 6. An unlifted objection of a custodial guardian → [`Reason::Objection`] (§14.6).
/// 7. With [`Settings::both_parents_when_separated`], separated parents and two
///    or more custodial guardians, one of whom granted but not all →
///    [`Reason::BothParentsNeeded`] (§14.6). When nobody answered yet the
///    reason stays [`Reason::NoDecision`]: that is what the school must ask for.
/// 8. At least one custodial guardian's latest decision is a grant →
///    [`Reason::Granted`]: "mag de school dus vertrouwen op de toestemming als
///    één ouder die geeft" (§14.6).
/// 9. Otherwise [`Reason::NoDecision`]: opt-in, no answer is no consent (§14.6).
#[must_use]
pub fn evaluate(
    day: Date,
    pupil: &Pupil,
    guardians: &[Custodian<'_>],
    decisions: &[Decision<'_>],
    objections: &[Objection<'_>],
    settings: &Settings,
) -> Verdict {
    let mut custodians: Vec<&str> =
        guardians.iter().filter(|custodian| custodian.holds_custody).map(|custodian| custodian.guardian).collect();
    custodians.sort_unstable();
    custodians.dedup();
    let pupil_decides = decides_for_self(pupil.birth_date, day);

    let mut history = Vec::new();
    let mut uncounted_decisions = false;
    for decision in decisions.iter().filter(|decision| settings.renewal.covers(decision.on, day)) {
        if counts(decision, pupil_decides, pupil.birth_date, &custodians) {
            history.push(decision);
        } else {
            uncounted_decisions = true;
        }
    }
    // A stable sort keeps decisions of the same date in slice order.
    history.sort_by_key(|decision| decision.on);

    let verdict = |reason: Reason| Verdict { allowed: reason.allows(), reason, uncounted_decisions };

    if pupil.has_left {
        return verdict(Reason::LeftSchool);
    }
    if pupil.restricted {
        return verdict(Reason::Restricted);
    }
    if pupil_decides {
        return verdict(match stance(&history, Decider::Pupil) {
            Stance::Granted => Reason::Granted,
            Stance::Refused => Reason::Refused,
            Stance::Withdrawn => Reason::Withdrawn,
            Stance::Undecided => Reason::PupilMustDecide,
        });
    }
    if custodians.is_empty() {
        return verdict(Reason::NoCustodialGuardian);
    }
    let stances: Vec<Stance> =
        custodians.iter().map(|guardian| stance(&history, Decider::Guardian(guardian))).collect();
    if stances.contains(&Stance::Withdrawn) {
        return verdict(Reason::Withdrawn);
    }
    if stances.contains(&Stance::Refused) {
        return verdict(Reason::Refused);
    }
    if objections
        .iter()
        .any(|objection| custodians.contains(&objection.guardian) && objection_stands(objection, day, decisions))
    {
        return verdict(Reason::Objection);
    }
    if settings.both_parents_when_separated
        && pupil.separated
        && custodians.len() >= 2
        && stances.contains(&Stance::Granted)
        && !stances.iter().all(|stance| *stance == Stance::Granted)
    {
        return verdict(Reason::BothParentsNeeded);
    }
    if stances.contains(&Stance::Granted) {
        return verdict(Reason::Granted);
    }
    verdict(Reason::NoDecision)
}

/// The moment the last consent-round reminder to a person about a child must
/// have been sent at or before for them to be reminded about that child again:
/// `interval` before `now`.
///
/// Source: not the law but the board's choice (issue 11, "never send the same
/// reminder to the same person twice within a configurable interval"). No
/// answer means no consent (seed 001 §14.6), so the school asks again, but a
/// parent asked twice about the same child in a few days gets nuisance mail
/// rather than a question. The interval is set per server
/// (`--consent-reminder-interval-days`); when `now - interval` cannot be
/// computed no reminder may go again (fail closed).
#[must_use]
pub fn remind_again_after(now: jiff::Timestamp, interval: jiff::SignedDuration) -> jiff::Timestamp {
    now.checked_sub(interval).unwrap_or(jiff::Timestamp::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use serde::de::IntoDeserializer;
    use serde::de::value::Error as ValueError;

    #[test]
    fn a_reminder_goes_again_only_once_the_interval_has_passed() {
        let week = jiff::SignedDuration::from_hours(7 * 24);
        let now: jiff::Timestamp = "2026-09-15T10:00:00Z".parse().unwrap();
        let cutoff = remind_again_after(now, week);
        let six_days_ago = now - jiff::SignedDuration::from_hours(6 * 24);
        let eight_days_ago = now - jiff::SignedDuration::from_hours(8 * 24);
        assert!(six_days_ago > cutoff, "reminded six days ago: not again");
        assert!(eight_days_ago <= cutoff, "reminded eight days ago: again");
        assert!(now - week <= cutoff, "exactly the interval ago: again");
        assert_eq!(remind_again_after(now, jiff::SignedDuration::MAX), jiff::Timestamp::MIN, "fails closed");
    }

    const MOTHER: &str = "mother";
    const FATHER: &str = "father";
    const VOOGD: &str = "voogd";

    /// Born 10 March 2015: 11 years old during school year 2026-2027.
    fn child() -> Pupil {
        Pupil { birth_date: date(2015, 3, 10), has_left: false, restricted: false, separated: false }
    }

    /// Turns 16 on 12 May 2026.
    fn teenager() -> Pupil {
        Pupil { birth_date: date(2010, 5, 12), ..child() }
    }

    const PARENTS: [Custodian<'static>; 2] =
        [Custodian { guardian: MOTHER, holds_custody: true }, Custodian { guardian: FATHER, holds_custody: true }];

    fn by(guardian: &str, choice: Choice, on: Date) -> Decision<'_> {
        Decision { by: Decider::Guardian(guardian), choice, on }
    }

    fn by_pupil(choice: Choice, on: Date) -> Decision<'static> {
        Decision { by: Decider::Pupil, choice, on }
    }

    fn yearly() -> Settings {
        Settings::default()
    }

    fn once() -> Settings {
        Settings { renewal: Renewal::Once, ..Settings::default() }
    }

    fn both_parents() -> Settings {
        Settings { both_parents_when_separated: true, ..Settings::default() }
    }

    /// Evaluates for two custodial parents, without objections, yearly renewal.
    fn reason(day: Date, pupil: &Pupil, decisions: &[Decision<'_>]) -> Reason {
        evaluate(day, pupil, &PARENTS, decisions, &[], &yearly()).reason
    }

    const DAY: Date = date(2026, 11, 22);

    #[test]
    fn every_reason_has_a_unique_snake_case_code_that_round_trips() {
        let mut codes: Vec<&str> = Reason::ALL.iter().map(|reason| reason.code()).collect();
        assert_eq!(codes.len(), 10);
        for reason in Reason::ALL {
            assert_eq!(Reason::from_code(reason.code()), Ok(*reason));
            assert!(reason.code().chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 10);
        assert_eq!(Reason::from_code("maybe"), Err(Invalid::new("consent_reason.unknown")));
    }

    #[test]
    fn only_a_grant_allows_use() {
        let allowing: Vec<Reason> = Reason::ALL.iter().copied().filter(|reason| reason.allows()).collect();
        assert_eq!(allowing, [Reason::Granted]);
    }

    /// Reads a value from its serde code, as the web layer does.
    fn from_serde<'de, T: Deserialize<'de>>(code: &'de str) -> Result<T, ValueError> {
        T::deserialize(code.into_deserializer())
    }

    #[test]
    fn renewal_defaults_to_yearly_and_reads_yearly_or_once() -> Result<(), ValueError> {
        assert_eq!(Renewal::default(), Renewal::Yearly);
        assert_eq!(from_serde::<Renewal>("once")?, Renewal::Once);
        assert_eq!(from_serde::<Renewal>("yearly")?, Renewal::Yearly);
        assert!(from_serde::<Renewal>("Once").is_err());
        assert_eq!(Renewal::from_code("once"), Ok(Renewal::Once));
        assert_eq!(Renewal::Yearly.code(), "yearly");
        assert_eq!(from_serde::<Reason>("pupil_must_decide")?, Reason::PupilMustDecide);
        Ok(())
    }

    /// The store reads decisions from `earliest_covering` on: it must never
    /// drop one that `covers` would count, around the 31 July / 1 August edge.
    #[test]
    fn earliest_covering_never_drops_a_decision_that_counts() {
        let days = [date(2026, 7, 31), date(2026, 8, 1), date(2027, 2, 28), date(2024, 2, 29)];
        for renewal in Renewal::ALL.iter().copied() {
            for day in days {
                let earliest = renewal.earliest_covering(day);
                let mut decided = date(2021, 1, 1);
                while decided <= day {
                    if renewal.covers(decided, day) {
                        assert!(earliest.is_none_or(|e| decided >= e), "{renewal:?} {decided} on {day}");
                    }
                    decided = decided.tomorrow().unwrap();
                }
            }
        }
        assert_eq!(Renewal::Yearly.earliest_covering(date(2026, 7, 31)), Some(date(2025, 8, 1)));
        assert_eq!(Renewal::Yearly.earliest_covering(date(2026, 8, 1)), Some(date(2026, 8, 1)));
        assert_eq!(Renewal::Once.earliest_covering(date(2026, 8, 1)), None);
    }

    #[test]
    fn without_any_decision_there_is_no_consent() {
        let verdict = evaluate(DAY, &child(), &PARENTS, &[], &[], &yearly());
        assert_eq!(verdict, Verdict { allowed: false, reason: Reason::NoDecision, uncounted_decisions: false });
    }

    #[test]
    fn one_custodial_parents_grant_is_enough() {
        let verdict =
            evaluate(DAY, &child(), &PARENTS, &[by(MOTHER, Choice::Granted, date(2026, 9, 1))], &[], &yearly());
        assert_eq!(verdict, Verdict { allowed: true, reason: Reason::Granted, uncounted_decisions: false });
    }

    #[test]
    fn a_parents_refusal_without_an_earlier_grant_is_a_refusal() {
        assert_eq!(reason(DAY, &child(), &[by(FATHER, Choice::Refused, date(2026, 9, 1))]), Reason::Refused);
    }

    #[test]
    fn a_withdrawal_by_one_of_two_parents_overrides_the_others_grant() {
        let decisions = [
            by(MOTHER, Choice::Granted, date(2026, 9, 1)),
            by(FATHER, Choice::Granted, date(2026, 9, 2)),
            by(FATHER, Choice::Refused, date(2026, 10, 5)),
        ];
        let verdict = evaluate(DAY, &child(), &PARENTS, &decisions, &[], &yearly());
        assert_eq!(verdict.reason, Reason::Withdrawn);
        assert!(!verdict.allowed);
    }

    #[test]
    fn repeating_a_withdrawal_keeps_it_a_withdrawal() {
        let decisions = [
            by(MOTHER, Choice::Granted, date(2026, 9, 1)),
            by(MOTHER, Choice::Refused, date(2026, 9, 10)),
            by(MOTHER, Choice::Refused, date(2026, 10, 1)),
        ];
        assert_eq!(reason(DAY, &child(), &decisions), Reason::Withdrawn);
    }

    #[test]
    fn a_parent_may_grant_after_refusing() {
        let decisions = [by(MOTHER, Choice::Refused, date(2026, 9, 1)), by(MOTHER, Choice::Granted, date(2026, 10, 1))];
        assert_eq!(reason(DAY, &child(), &decisions), Reason::Granted);
    }

    #[test]
    fn decisions_on_the_same_date_follow_their_order_in_the_slice() {
        let on = date(2026, 9, 1);
        let refused_last = [by(MOTHER, Choice::Granted, on), by(MOTHER, Choice::Refused, on)];
        assert_eq!(reason(DAY, &child(), &refused_last), Reason::Withdrawn);
        let granted_last = [by(MOTHER, Choice::Refused, on), by(MOTHER, Choice::Granted, on)];
        assert_eq!(reason(DAY, &child(), &granted_last), Reason::Granted);
        // The date wins over the position.
        let out_of_order = [by(MOTHER, Choice::Granted, date(2026, 10, 1)), by(MOTHER, Choice::Refused, on)];
        assert_eq!(reason(DAY, &child(), &out_of_order), Reason::Granted);
    }

    #[test]
    fn a_decision_dated_after_the_day_in_question_is_ignored() {
        let granted_later = [by(MOTHER, Choice::Granted, date(2026, 11, 23))];
        assert_eq!(evaluate(DAY, &child(), &PARENTS, &granted_later, &[], &yearly()).reason, Reason::NoDecision);
        let withdrawn_later =
            [by(MOTHER, Choice::Granted, date(2026, 9, 1)), by(MOTHER, Choice::Refused, date(2026, 12, 1))];
        assert_eq!(reason(DAY, &child(), &withdrawn_later), Reason::Granted);
        assert_eq!(reason(date(2026, 12, 1), &child(), &withdrawn_later), Reason::Withdrawn);
    }

    #[test]
    fn with_yearly_renewal_a_grant_on_31_july_does_not_count_on_1_august() {
        let decisions = [by(MOTHER, Choice::Granted, date(2026, 7, 31))];
        assert_eq!(reason(date(2026, 7, 31), &child(), &decisions), Reason::Granted);
        let verdict = evaluate(date(2026, 8, 1), &child(), &PARENTS, &decisions, &[], &yearly());
        assert_eq!(verdict, Verdict { allowed: false, reason: Reason::NoDecision, uncounted_decisions: false });
    }

    #[test]
    fn with_consent_once_a_grant_on_31_july_still_counts_on_1_august() {
        let decisions = [by(MOTHER, Choice::Granted, date(2026, 7, 31))];
        assert_eq!(evaluate(date(2026, 8, 1), &child(), &PARENTS, &decisions, &[], &once()).reason, Reason::Granted);
        assert_eq!(evaluate(date(2029, 3, 1), &child(), &PARENTS, &decisions, &[], &once()).reason, Reason::Granted);
    }

    #[test]
    fn with_consent_once_the_newest_decision_of_any_year_wins() {
        let withdrawn = [by(MOTHER, Choice::Granted, date(2024, 9, 1)), by(MOTHER, Choice::Refused, date(2025, 9, 1))];
        assert_eq!(evaluate(DAY, &child(), &PARENTS, &withdrawn, &[], &once()).reason, Reason::Withdrawn);
        let regranted = [by(MOTHER, Choice::Refused, date(2024, 9, 1)), by(MOTHER, Choice::Granted, date(2025, 9, 1))];
        assert_eq!(evaluate(DAY, &child(), &PARENTS, &regranted, &[], &once()).reason, Reason::Granted);
        // With yearly renewal neither counts in 2026-2027.
        assert_eq!(reason(DAY, &child(), &withdrawn), Reason::NoDecision);
    }

    #[test]
    fn a_parents_grant_stops_counting_on_the_16th_birthday_and_the_pupil_must_decide() {
        let birthday = date(2026, 5, 12);
        let decisions = [by(MOTHER, Choice::Granted, date(2025, 9, 1))];
        let verdict = evaluate(birthday, &teenager(), &PARENTS, &decisions, &[], &yearly());
        assert_eq!(verdict, Verdict { allowed: false, reason: Reason::PupilMustDecide, uncounted_decisions: true });
    }

    #[test]
    fn a_parents_grant_still_counts_the_day_before_the_16th_birthday() {
        let decisions = [by(MOTHER, Choice::Granted, date(2025, 9, 1))];
        let verdict = evaluate(date(2026, 5, 11), &teenager(), &PARENTS, &decisions, &[], &yearly());
        assert_eq!(verdict, Verdict { allowed: true, reason: Reason::Granted, uncounted_decisions: false });
    }

    #[test]
    fn a_pupil_decides_from_the_16th_birthday_itself() {
        let birthday = date(2026, 5, 12);
        let decisions = [by(MOTHER, Choice::Refused, date(2025, 9, 1)), by_pupil(Choice::Granted, birthday)];
        let verdict = evaluate(birthday, &teenager(), &PARENTS, &decisions, &[], &yearly());
        assert_eq!(verdict, Verdict { allowed: true, reason: Reason::Granted, uncounted_decisions: true });
    }

    #[test]
    fn a_pupil_of_16_who_refuses_refuses_and_after_a_grant_withdraws() {
        let day = date(2026, 6, 1);
        assert_eq!(reason(day, &teenager(), &[by_pupil(Choice::Refused, date(2026, 5, 20))]), Reason::Refused);
        let decisions = [by_pupil(Choice::Granted, date(2026, 5, 12)), by_pupil(Choice::Refused, date(2026, 5, 20))];
        assert_eq!(reason(day, &teenager(), &decisions), Reason::Withdrawn);
    }

    #[test]
    fn a_pupils_own_grant_at_15_does_not_count() {
        let at_15 = [by_pupil(Choice::Granted, date(2026, 3, 1))];
        let before = evaluate(date(2026, 4, 1), &teenager(), &PARENTS, &at_15, &[], &yearly());
        assert_eq!(before, Verdict { allowed: false, reason: Reason::NoDecision, uncounted_decisions: true });
        // Nor once the pupil is 16: the pupil has to decide again.
        let after = evaluate(date(2026, 6, 1), &teenager(), &PARENTS, &at_15, &[], &yearly());
        assert_eq!(after, Verdict { allowed: false, reason: Reason::PupilMustDecide, uncounted_decisions: true });
    }

    #[test]
    fn a_parents_refusal_does_not_bind_a_pupil_of_16() {
        let decisions = [by(FATHER, Choice::Refused, date(2026, 5, 20)), by_pupil(Choice::Granted, date(2026, 5, 15))];
        assert_eq!(reason(date(2026, 6, 1), &teenager(), &decisions), Reason::Granted);
    }

    #[test]
    fn a_non_custodial_fathers_grant_does_not_count() {
        let guardians =
            [Custodian { guardian: MOTHER, holds_custody: true }, Custodian { guardian: FATHER, holds_custody: false }];
        let decisions = [by(FATHER, Choice::Granted, date(2026, 9, 1))];
        let verdict = evaluate(DAY, &child(), &guardians, &decisions, &[], &yearly());
        assert_eq!(verdict, Verdict { allowed: false, reason: Reason::NoDecision, uncounted_decisions: true });
    }

    #[test]
    fn a_non_custodial_parents_refusal_or_objection_does_not_count_either() {
        let guardians =
            [Custodian { guardian: MOTHER, holds_custody: true }, Custodian { guardian: FATHER, holds_custody: false }];
        let decisions = [by(MOTHER, Choice::Granted, date(2026, 9, 1)), by(FATHER, Choice::Refused, date(2026, 9, 2))];
        let objections = [Objection { guardian: FATHER, noted_on: date(2026, 9, 3) }];
        let verdict = evaluate(DAY, &child(), &guardians, &decisions, &objections, &yearly());
        assert_eq!(verdict, Verdict { allowed: true, reason: Reason::Granted, uncounted_decisions: true });
    }

    #[test]
    fn a_decision_by_someone_who_is_not_a_guardian_of_the_pupil_does_not_count() {
        let verdict =
            evaluate(DAY, &child(), &PARENTS, &[by("aunt", Choice::Granted, date(2026, 9, 1))], &[], &yearly());
        assert_eq!(verdict, Verdict { allowed: false, reason: Reason::NoDecision, uncounted_decisions: true });
    }

    #[test]
    fn a_voogd_as_the_only_custodial_guardian_decides_alone() {
        let guardians = [
            Custodian { guardian: MOTHER, holds_custody: false },
            Custodian { guardian: FATHER, holds_custody: false },
            Custodian { guardian: VOOGD, holds_custody: true },
        ];
        let pupil = Pupil { separated: true, ..child() };
        let decisions = [by(VOOGD, Choice::Granted, date(2026, 9, 1)), by(MOTHER, Choice::Refused, date(2026, 9, 2))];
        let verdict = evaluate(DAY, &pupil, &guardians, &decisions, &[], &both_parents());
        assert_eq!(verdict, Verdict { allowed: true, reason: Reason::Granted, uncounted_decisions: true });
        let parents_only = [by(FATHER, Choice::Granted, date(2026, 9, 1))];
        assert_eq!(evaluate(DAY, &pupil, &guardians, &parents_only, &[], &yearly()).reason, Reason::NoDecision);
    }

    #[test]
    fn without_a_custodial_guardian_nobody_can_consent() {
        let guardians = [Custodian { guardian: FATHER, holds_custody: false }];
        let decisions = [by(FATHER, Choice::Granted, date(2026, 9, 1))];
        let verdict = evaluate(DAY, &child(), &guardians, &decisions, &[], &yearly());
        assert_eq!(verdict, Verdict { allowed: false, reason: Reason::NoCustodialGuardian, uncounted_decisions: true });
        assert_eq!(evaluate(DAY, &child(), &[], &[], &[], &yearly()).reason, Reason::NoCustodialGuardian);
    }

    #[test]
    fn an_objection_of_the_other_parent_blocks_one_parents_grant() {
        let decisions = [by(MOTHER, Choice::Granted, date(2026, 9, 1))];
        let objections = [Objection { guardian: FATHER, noted_on: date(2026, 9, 15) }];
        let verdict = evaluate(DAY, &child(), &PARENTS, &decisions, &objections, &yearly());
        assert_eq!(verdict, Verdict { allowed: false, reason: Reason::Objection, uncounted_decisions: false });
        // A grant by the objecting parent on the day the objection was noted leaves doubt.
        let same_day = [decisions[0], by(FATHER, Choice::Granted, date(2026, 9, 15))];
        assert_eq!(evaluate(DAY, &child(), &PARENTS, &same_day, &objections, &yearly()).reason, Reason::Objection);
    }

    #[test]
    fn an_objection_is_lifted_when_the_objecting_parent_grants_afterwards() {
        let objections = [Objection { guardian: FATHER, noted_on: date(2026, 9, 15) }];
        let decisions = [by(MOTHER, Choice::Granted, date(2026, 9, 1)), by(FATHER, Choice::Granted, date(2026, 10, 1))];
        assert_eq!(evaluate(DAY, &child(), &PARENTS, &decisions, &objections, &yearly()).reason, Reason::Granted);
        // But not by a grant from the other parent, nor by one dated after the day in question.
        let other = [by(MOTHER, Choice::Granted, date(2026, 10, 1))];
        assert_eq!(evaluate(DAY, &child(), &PARENTS, &other, &objections, &yearly()).reason, Reason::Objection);
        let future = [by(MOTHER, Choice::Granted, date(2026, 9, 1)), by(FATHER, Choice::Granted, date(2026, 12, 1))];
        assert_eq!(evaluate(DAY, &child(), &PARENTS, &future, &objections, &yearly()).reason, Reason::Objection);
    }

    #[test]
    fn an_objection_noted_after_the_day_in_question_does_not_count_yet() {
        let decisions = [by(MOTHER, Choice::Granted, date(2026, 9, 1))];
        let objections = [Objection { guardian: FATHER, noted_on: date(2026, 12, 1) }];
        assert_eq!(evaluate(DAY, &child(), &PARENTS, &decisions, &objections, &yearly()).reason, Reason::Granted);
    }

    #[test]
    fn a_refusal_takes_precedence_over_an_objection() {
        let decisions = [by(FATHER, Choice::Refused, date(2026, 9, 1))];
        let objections = [Objection { guardian: FATHER, noted_on: date(2026, 9, 15) }];
        assert_eq!(evaluate(DAY, &child(), &PARENTS, &decisions, &objections, &yearly()).reason, Reason::Refused);
    }

    #[test]
    fn with_the_both_parents_option_one_grant_of_separated_parents_is_not_enough() {
        let pupil = Pupil { separated: true, ..child() };
        let decisions = [by(MOTHER, Choice::Granted, date(2026, 9, 1))];
        let verdict = evaluate(DAY, &pupil, &PARENTS, &decisions, &[], &both_parents());
        assert_eq!(verdict, Verdict { allowed: false, reason: Reason::BothParentsNeeded, uncounted_decisions: false });
    }

    #[test]
    fn with_the_both_parents_option_and_no_answer_yet_the_reason_is_no_decision() {
        let pupil = Pupil { separated: true, ..child() };
        assert_eq!(evaluate(DAY, &pupil, &PARENTS, &[], &[], &both_parents()).reason, Reason::NoDecision);
    }

    #[test]
    fn with_the_both_parents_option_two_grants_of_separated_parents_suffice() {
        let pupil = Pupil { separated: true, ..child() };
        let decisions = [by(MOTHER, Choice::Granted, date(2026, 9, 1)), by(FATHER, Choice::Granted, date(2026, 9, 8))];
        assert_eq!(evaluate(DAY, &pupil, &PARENTS, &decisions, &[], &both_parents()).reason, Reason::Granted);
    }

    #[test]
    fn the_both_parents_option_is_ignored_when_parents_are_together_or_the_option_is_off() {
        let decisions = [by(MOTHER, Choice::Granted, date(2026, 9, 1))];
        assert_eq!(evaluate(DAY, &child(), &PARENTS, &decisions, &[], &both_parents()).reason, Reason::Granted);
        let separated = Pupil { separated: true, ..child() };
        assert_eq!(evaluate(DAY, &separated, &PARENTS, &decisions, &[], &yearly()).reason, Reason::Granted);
    }

    #[test]
    fn the_both_parents_option_needs_two_custodial_parents() {
        let pupil = Pupil { separated: true, ..child() };
        let guardians =
            [Custodian { guardian: MOTHER, holds_custody: true }, Custodian { guardian: FATHER, holds_custody: false }];
        let decisions = [by(MOTHER, Choice::Granted, date(2026, 9, 1))];
        assert_eq!(evaluate(DAY, &pupil, &guardians, &decisions, &[], &both_parents()).reason, Reason::Granted);
    }

    #[test]
    fn having_left_the_school_takes_precedence_over_a_grant() {
        let pupil = Pupil { has_left: true, restricted: true, ..child() };
        let decisions = [by(MOTHER, Choice::Granted, date(2026, 9, 1))];
        let verdict = evaluate(DAY, &pupil, &PARENTS, &decisions, &[], &yearly());
        assert_eq!(verdict, Verdict { allowed: false, reason: Reason::LeftSchool, uncounted_decisions: false });
    }

    #[test]
    fn a_restriction_takes_precedence_over_a_grant_and_over_the_age_rule() {
        let restricted = Pupil { restricted: true, ..child() };
        let decisions = [by(MOTHER, Choice::Granted, date(2026, 9, 1))];
        let verdict = evaluate(DAY, &restricted, &PARENTS, &decisions, &[], &yearly());
        assert_eq!(verdict, Verdict { allowed: false, reason: Reason::Restricted, uncounted_decisions: false });
        let sixteen = Pupil { restricted: true, ..teenager() };
        let own = [by_pupil(Choice::Granted, date(2026, 9, 1))];
        assert_eq!(evaluate(DAY, &sixteen, &PARENTS, &own, &[], &yearly()).reason, Reason::Restricted);
    }

    #[test]
    fn the_image_purposes_are_the_boxes_under_beeldmateriaal_on_the_form() {
        let images: Vec<&str> = image_purposes().collect();
        assert!(images.iter().all(|code| is_image_purpose(code)));
        assert_eq!(images, ["school_guide", "website", "parent_portal", "newsletter", "social_media_accounts"]);
        for other in ["social_media_in_class", "class_list", "medical_data", "information_from_institutions", "x"] {
            assert!(!is_image_purpose(other), "{other}");
        }
    }
}

/// A purpose of the default set, with the text parents answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultPurpose {
    pub code: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    /// Whether the purpose is about images (photos and videos) of the pupil.
    ///
    /// Source: seed 001 §14.5: the form asks "TOESTEMMING GEBRUIK
    /// BEELDMATERIAAL" for the school guide, the public website, the parent
    /// portal, the newsletter and the school's social-media accounts, and
    /// separately "TOESTEMMING GEBRUIK SOCIALE MEDIA" for social media in
    /// class; class lists (seed 003), medical data (seed 002 §4.2.2) and
    /// information from other institutions (seed 001 §14.7) are no images
    /// either. The photo check and the question who may be photographed concern
    /// only the image purposes.
    pub images: bool,
}

/// The codes of the purposes about images (see [`DefaultPurpose::images`]), in form order.
pub fn image_purposes() -> impl Iterator<Item = &'static str> {
    DEFAULT_PURPOSES.iter().filter(|purpose| purpose.images).map(|purpose| purpose.code)
}

/// Whether the purpose with `code` is about images of the pupil; a code that
/// is not a default purpose is not.
#[must_use]
pub fn is_image_purpose(code: &str) -> bool {
    image_purposes().any(|image| image == code)
}

/// The purposes a new board starts with: the boxes of the Kerobei form (seed 001
/// §14.5, descriptions taken from it), and the other processing that needs
/// consent: class and address lists for other parents (seed 003, FAQ),
/// medical data (seed 002 §4.2.2), and asking other institutions about the
/// child's development (seed 001 §14.7). A board edits names and texts; every
/// change of a text is a new version, and a decision records the version it
/// answered.
pub const DEFAULT_PURPOSES: &[DefaultPurpose] = &[
    DefaultPurpose {
        code: "school_guide",
        name: "Schoolgids en schoolbrochure",
        description: "Foto's en video's in de schoolgids en/of schoolbrochure, om (toekomstige) ouders en leerlingen te informeren over de school en de onderwijsmogelijkheden, en voor de pr van de school.",
        images: true,
    },
    DefaultPurpose {
        code: "website",
        name: "Openbare website van de school",
        description: "Foto's en video's op de openbare website, om (toekomstige) ouders en leerlingen te informeren over de school, het onderwijs en activiteiten zoals schoolreisjes en schoolfeesten.",
        images: true,
    },
    DefaultPurpose {
        code: "parent_portal",
        name: "Ouderportaal",
        description: "Foto's en video's in het afgeschermde ouderportaal, om ouders en leerlingen te informeren over onderwijsactiviteiten zoals schoolreisjes, excursies en schoolfeesten.",
        images: true,
    },
    DefaultPurpose {
        code: "newsletter",
        name: "(Digitale) nieuwsbrief",
        description: "Foto's en video's in de (digitale) nieuwsbrief, om ouders en leerlingen te informeren over activiteiten en ontwikkelingen op en om school.",
        images: true,
    },
    DefaultPurpose {
        code: "social_media_accounts",
        name: "Sociale-media-accounts van de school",
        description: "Foto's en video's op de sociale-media-accounts van de school, om een indruk te geven van activiteiten en ontwikkelingen op school.",
        images: true,
    },
    DefaultPurpose {
        code: "social_media_in_class",
        name: "Sociale media in de les",
        description: "Uw kind gebruikt tijdens de les, onder toezicht van de leerkracht, sociale media.",
        images: false,
    },
    DefaultPurpose {
        code: "class_list",
        name: "Klassenlijst met contactgegevens",
        description: "Uw naam, adres, telefoonnummer en e-mailadres staan op de klassenlijst die aan de andere ouders van de groep wordt gegeven.",
        images: false,
    },
    DefaultPurpose {
        code: "medical_data",
        name: "Medische gegevens",
        description: "De school legt medische gegevens van uw kind vast die nodig zijn voor de zorg op school, zoals allergieën of medicijngebruik.",
        images: false,
    },
    DefaultPurpose {
        code: "information_from_institutions",
        name: "Informatie opvragen bij andere instanties",
        description: "De school mag bij andere instanties (bijvoorbeeld de voorschool, jeugdzorg of een eerdere school) informatie opvragen over de ontwikkeling van uw kind.",
        images: false,
    },
];
