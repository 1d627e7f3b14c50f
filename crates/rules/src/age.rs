//! A pupil's age on a given day.

use jiff::civil::Date;

/// Age in whole years on `day`.
///
/// Age counts on the day in question, not on the day data was entered
/// (domain.md "Consent": "Age is the pupil's age on the day of the decision/use").
/// A person born on 29 February becomes a year older on 28 February in a common
/// year: calendar arithmetic clamps to the last day of the month.
#[must_use]
pub fn age_on(birth: Date, day: Date) -> i16 {
    if day < birth {
        return 0;
    }
    let mut years = day.year() - birth.year();
    let birthday_this_year = birth.checked_add(jiff::Span::new().years(years)).unwrap_or(birth);
    if birthday_this_year > day {
        years -= 1;
    }
    years
}

/// Age from which a pupil decides on consent for themselves.
///
/// Seed 001 §14.4 and seed 002 ("Toestemming"): under 16 the legal
/// representatives decide; from the 16th birthday the pupil does (AVG art. 8,
/// UAVG art. 5).
pub const AGE_OF_DIGITAL_CONSENT: i16 = 16;

/// Whether the pupil decides for themselves on `day` (16th birthday included).
#[must_use]
pub fn decides_for_self(birth: Date, day: Date) -> bool {
    age_on(birth, day) >= AGE_OF_DIGITAL_CONSENT
}

/// The latest birth date of a pupil who decides for themselves on `day`, so a
/// database can select them with `birth_date <= cutoff`. Consistent with
/// [`decides_for_self`], 29 February included.
#[must_use]
pub fn sixteenth_birthday_cutoff(day: Date) -> Date {
    let mut cutoff = day.checked_sub(jiff::Span::new().years(AGE_OF_DIGITAL_CONSENT)).unwrap_or(day);
    while !decides_for_self(cutoff, day) {
        match cutoff.yesterday() {
            Ok(earlier) => cutoff = earlier,
            Err(_) => break,
        }
    }
    while let Ok(later) = cutoff.tomorrow() {
        if !decides_for_self(later, day) {
            break;
        }
        cutoff = later;
    }
    cutoff
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_child_is_a_year_older_on_the_birthday_itself() {
        assert_eq!(age_on(date(2010, 5, 12), date(2026, 5, 11)), 15);
        assert_eq!(age_on(date(2010, 5, 12), date(2026, 5, 12)), 16);
        assert!(decides_for_self(date(2010, 5, 12), date(2026, 5, 12)));
        assert!(!decides_for_self(date(2010, 5, 12), date(2026, 5, 11)));
    }

    #[test]
    fn a_leap_day_child_ages_on_28_february_in_common_years() {
        assert_eq!(age_on(date(2012, 2, 29), date(2026, 2, 27)), 13);
        assert_eq!(age_on(date(2012, 2, 29), date(2026, 2, 28)), 14);
        assert_eq!(age_on(date(2012, 2, 29), date(2028, 2, 29)), 16);
    }

    #[test]
    fn a_day_before_birth_is_age_zero() {
        assert_eq!(age_on(date(2020, 1, 1), date(2019, 12, 31)), 0);
    }

    #[test]
    fn the_cutoff_agrees_with_decides_for_self_on_every_day_of_a_leap_cycle() {
        let mut day = date(2024, 1, 1);
        while day < date(2028, 3, 2) {
            let cutoff = sixteenth_birthday_cutoff(day);
            assert!(decides_for_self(cutoff, day), "{day}");
            assert!(!decides_for_self(cutoff.tomorrow().unwrap(), day), "{day}");
            day = day.tomorrow().unwrap();
        }
        assert_eq!(sixteenth_birthday_cutoff(date(2026, 11, 22)), date(2010, 11, 22));
    }
}
