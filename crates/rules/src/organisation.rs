//! Facts about pupils and their families that the law attaches consequences to.

use crate::Invalid;
use jiff::civil::Date;

code_enum! {
    /// Where a pupil went after leaving the school (the leave destination the
    /// pupil administration records; it decides the retention period, seed 001
    /// §14.12 and seed 000: SBO/SO files are kept longer, pupils not admitted are
    /// deleted after 2 years, seed 002 §10.4).
    LeaveDestination, "leave_destination.unknown" {
        PrimarySchool = "primary_school",
        SecondarySchool = "secondary_school",
        SpecialEducation = "special_education",
        NotAdmitted = "not_admitted",
        Abroad = "abroad",
        Other = "other",
    }
}

code_enum! {
    /// The family situation that, with custody and recognition, decides each
    /// parent's right to information (seed 001 §14.13; Burgerlijk Wetboek 1:377b/c).
    FamilySituation, "family_situation.unknown" {
        /// Parents married or living together.
        Together = "together",
        /// Parents divorced or separated.
        Separated = "separated",
        /// A court appointed a voogd (guardian); the parents hold no custody.
        Guardianship = "guardianship",
    }
}

code_enum! {
    /// How a guardian relates to the pupil (seed 001 §14.5 form: "ouder/verzorger").
    Relation, "relation.unknown" {
        Mother = "mother",
        Father = "father",
        /// A voogd appointed by the court.
        Guardian = "guardian",
        Carer = "carer",
        FosterParent = "foster_parent",
        Other = "other",
    }
}

/// Parses a `YYYY-MM-DD` date.
///
/// # Errors
/// `date.format` for anything else, including impossible days like 2026-02-30.
pub fn parse_iso_date(text: &str) -> Result<Date, Invalid> {
    let text = text.trim();
    if text.len() != 10 {
        return Err(Invalid::new("date.format"));
    }
    text.parse::<Date>().map_err(|_| Invalid::new("date.format"))
}

/// The dates of a pupil's enrolment, checked together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Enrolment {
    pub birth_date: Date,
    pub enrolment_date: Date,
    pub leave_date: Option<Date>,
    pub leave_destination: Option<LeaveDestination>,
}

/// Which field of an [`Enrolment`] is wrong, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnrolmentError {
    pub field: &'static str,
    pub invalid: Invalid,
}

/// The youngest a pupil can be on the enrolment date, in years. A child is
/// admitted to primary school from 4 (Wet op het primair onderwijs art. 39) and
/// invited for the intake about 10 weeks before (seed 001 §14.7); a year's
/// margin keeps a pre-enrolment possible, an enrolment in the year of birth not.
pub const YOUNGEST_AT_ENROLMENT: i16 = 3;

/// How far ahead an enrolment or leave date can lie, in years: a school records
/// next school year's newcomers and leavers, not later ones (a date further on
/// is a typing error in the year, issue 11).
pub const YEARS_AHEAD: i16 = 1;

/// The date `years` years after `day` (29 February becomes 28 February).
fn years_after(day: Date, years: i16) -> Date {
    let year = day.year().saturating_add(years);
    Date::new(year, day.month(), day.day()).or_else(|_| Date::new(year, day.month(), 28)).unwrap_or(day)
}

impl Enrolment {
    /// Checks that the dates tell a possible story on `today`: born in the last
    /// 25 years and not in the future, and at least [`YOUNGEST_AT_ENROLMENT`]
    /// minus [`YEARS_AHEAD`] years ago (else no enrolment date can be right);
    /// enrolled on or after birth, at [`YOUNGEST_AT_ENROLMENT`] or older and at
    /// most [`YEARS_AHEAD`] ahead; left on or after enrolment and at most
    /// [`YEARS_AHEAD`] ahead; a leave date always with a destination and vice
    /// versa (the destination decides the retention period, seed 001 §14.12).
    ///
    /// # Errors
    /// The first field that is wrong.
    pub fn check(&self, today: Date) -> Result<(), EnrolmentError> {
        let err = |field, code| Err(EnrolmentError { field, invalid: Invalid::new(code) });
        let latest = years_after(today, YEARS_AHEAD);
        if self.birth_date > today {
            return err("birth_date", "birth_date.future");
        }
        if today.year() - self.birth_date.year() > 25 {
            return err("birth_date", "birth_date.too_old");
        }
        if years_after(self.birth_date, YOUNGEST_AT_ENROLMENT) > latest {
            return err("birth_date", "birth_date.too_young");
        }
        if self.enrolment_date < self.birth_date {
            return err("enrolment_date", "enrolment_date.before_birth");
        }
        if self.enrolment_date < years_after(self.birth_date, YOUNGEST_AT_ENROLMENT) {
            return err("enrolment_date", "enrolment_date.too_young");
        }
        if self.enrolment_date > latest {
            return err("enrolment_date", "enrolment_date.too_late");
        }
        match (self.leave_date, self.leave_destination) {
            (Some(leave), Some(_)) if leave < self.enrolment_date => err("leave_date", "leave_date.before_enrolment"),
            (Some(leave), _) if leave > latest => err("leave_date", "leave_date.too_late"),
            (Some(_), None) => err("leave_destination", "leave_destination.missing"),
            (None, Some(_)) => err("leave_date", "leave_date.missing"),
            _ => Ok(()),
        }
    }

    /// Whether the pupil has left the school on `day` (the leave day itself
    /// counts as left).
    #[must_use]
    pub fn has_left(&self, day: Date) -> bool {
        self.leave_date.is_some_and(|leave| leave <= day)
    }
}

/// The order groups of a school are listed in: "Groep 1" to "Groep 8" by
/// their number (so "Groep 2" before "Groep 10", "Groep 1/2" after "Groep 1"
/// and "Groep 3a" before "Groep 3b"), then every other name alphabetically.
///
/// Source: the custom of Dutch primary schools (basisonderwijs, age 4 to 12):
/// eight years, numbered groups 1 to 8; combined and special groups carry
/// other names.
#[must_use]
pub fn group_order(name: &str) -> (bool, u32, String) {
    let lower = name.trim().to_lowercase();
    let numbered = lower.strip_prefix("groep").map(str::trim_start).and_then(|rest| {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        rest[..digits].parse::<u32>().ok().map(|number| (number, rest[digits..].to_owned()))
    });
    match numbered {
        Some((number, rest)) => (false, number, rest),
        None => (true, 0, lower),
    }
}

/// More pupils than this leaving in one import always need a separate
/// confirmation ("more than a handful").
pub const DEPARTURES_WITHOUT_CONFIRMATION: usize = 5;

/// The share of a school's current pupils, in percent, that may leave in one
/// import without a separate confirmation.
pub const DEPARTURE_SHARE_PERCENT: usize = 10;

/// Whether an import that records `leaving` of a school's `current` pupils as
/// left needs a separate, explicit confirmation: more than
/// [`DEPARTURES_WITHOUT_CONFIRMATION`] pupils, or more than
/// [`DEPARTURE_SHARE_PERCENT`] % of them. A pupil recorded as left starts
/// their retention period (seed 001 §14.12) and drops out of the consent round
/// and the parents' portal; a file of the wrong school or a partial export
/// would do that to a whole school at once, and the data must stay accurate
/// (AVG art. 5 lid 1 d).
#[must_use]
pub const fn departures_need_confirmation(current: usize, leaving: usize) -> bool {
    leaving > DEPARTURES_WITHOUT_CONFIRMATION || leaving * 100 > current * DEPARTURE_SHARE_PERCENT
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn enrolment() -> Enrolment {
        Enrolment {
            birth_date: date(2018, 3, 4),
            enrolment_date: date(2022, 3, 5),
            leave_date: None,
            leave_destination: None,
        }
    }

    #[test]
    fn groups_are_ordered_by_their_number_then_the_others() {
        let mut names =
            ["Schakelklas", "Groep 10", "Groep 2", "groep 1/2", "Groep 3b", "Groep 1", "Groep 3a", "Groep 8"];
        names.sort_by_key(|name| group_order(name));
        assert_eq!(
            names,
            ["Groep 1", "groep 1/2", "Groep 2", "Groep 3a", "Groep 3b", "Groep 8", "Groep 10", "Schakelklas"]
        );
    }

    #[test]
    fn codes_round_trip() {
        for situation in FamilySituation::ALL {
            assert_eq!(FamilySituation::from_code(situation.code()), Ok(*situation));
        }
        assert_eq!(Relation::from_code("foster_parent"), Ok(Relation::FosterParent));
        assert_eq!(LeaveDestination::from_code("mars"), Err(Invalid::new("leave_destination.unknown")));
    }

    #[test]
    fn iso_dates_must_exist() {
        assert_eq!(parse_iso_date("2026-02-28"), Ok(date(2026, 2, 28)));
        assert!(parse_iso_date("2026-02-30").is_err());
        assert!(parse_iso_date("28-02-2026").is_err());
    }

    #[test]
    fn a_possible_enrolment_passes() {
        assert_eq!(enrolment().check(date(2026, 11, 22)), Ok(()));
    }

    #[test]
    fn impossible_enrolments_name_the_field() {
        let today = date(2026, 11, 22);
        let born_tomorrow = Enrolment { birth_date: date(2026, 11, 23), ..enrolment() };
        assert_eq!(born_tomorrow.check(today).map_err(|e| e.field), Err("birth_date"));
        let early = Enrolment { enrolment_date: date(2017, 1, 1), ..enrolment() };
        assert_eq!(early.check(today).map_err(|e| e.field), Err("enrolment_date"));
        let no_destination = Enrolment { leave_date: Some(date(2026, 7, 1)), ..enrolment() };
        assert_eq!(no_destination.check(today).map_err(|e| e.field), Err("leave_destination"));
        let left_before = Enrolment {
            leave_date: Some(date(2021, 1, 1)),
            leave_destination: Some(LeaveDestination::Abroad),
            ..enrolment()
        };
        assert_eq!(left_before.check(today).map_err(|e| e.field), Err("leave_date"));
    }

    #[test]
    fn dates_outside_a_plausible_range_name_the_field() {
        let today = date(2026, 11, 22);
        let code = |e: Enrolment| e.check(today).map_err(|e| (e.field, e.invalid.code));
        assert_eq!(
            code(Enrolment { enrolment_date: date(2030, 8, 20), ..enrolment() }),
            Err(("enrolment_date", "enrolment_date.too_late"))
        );
        assert_eq!(code(Enrolment { enrolment_date: date(2027, 11, 22), ..enrolment() }), Ok(()));
        assert_eq!(
            code(Enrolment { enrolment_date: date(2020, 1, 1), ..enrolment() }),
            Err(("enrolment_date", "enrolment_date.too_young"))
        );
        assert_eq!(
            code(Enrolment { birth_date: date(2025, 6, 1), ..enrolment() }),
            Err(("birth_date", "birth_date.too_young"))
        );
        assert_eq!(
            code(Enrolment { birth_date: date(1990, 6, 1), ..enrolment() }),
            Err(("birth_date", "birth_date.too_old"))
        );
        let leaves_in_2030 = Enrolment {
            leave_date: Some(date(2030, 7, 1)),
            leave_destination: Some(LeaveDestination::SecondarySchool),
            ..enrolment()
        };
        assert_eq!(code(leaves_in_2030), Err(("leave_date", "leave_date.too_late")));
        let born_on_leap_day =
            Enrolment { birth_date: date(2020, 2, 29), enrolment_date: date(2023, 2, 28), ..enrolment() };
        assert_eq!(code(born_on_leap_day), Ok(()));
    }

    #[test]
    fn more_than_a_handful_or_a_tenth_of_a_school_leaving_needs_a_confirmation() {
        assert!(!departures_need_confirmation(300, 5));
        assert!(departures_need_confirmation(300, 6));
        assert!(!departures_need_confirmation(30, 3));
        assert!(departures_need_confirmation(30, 4));
        assert!(!departures_need_confirmation(0, 0));
        assert!(departures_need_confirmation(1, 1), "the only pupil of a school");
    }

    #[test]
    fn a_pupil_has_left_from_the_leave_day_on() {
        let left = Enrolment {
            leave_date: Some(date(2026, 7, 17)),
            leave_destination: Some(LeaveDestination::SecondarySchool),
            ..enrolment()
        };
        assert!(!left.has_left(date(2026, 7, 16)));
        assert!(left.has_left(date(2026, 7, 17)));
        assert!(!enrolment().has_left(date(2030, 1, 1)));
    }
}
