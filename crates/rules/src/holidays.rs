//! Dutch public holidays and working days, as the law counts them for deadlines.
//!
//! The statutory holidays are computed for any year, Easter-dependent ones
//! included. Days that a royal decree equates with a public holiday for a given
//! year are data: the caller passes them in, so the IBP manager can update them
//! without a new release. School holidays are not public holidays and never
//! move a deadline.

use jiff::Span;
use jiff::civil::{Date, Weekday, date};
use serde::Serialize;

/// A public holiday ("algemeen erkende feestdag").
///
/// Source: Algemene termijnenwet art. 3 lid 1 (New Year's Day, Easter Monday,
/// Whit Monday, both Christmas days, Ascension Day, the day on which the King's
/// birthday is celebrated, and 5 May) and art. 3 lid 2 (Good Friday is equated
/// with them for the application of that act). Good Friday is also listed in
/// the product owner's specification, which is why it counts here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    NewYear,
    GoodFriday,
    EasterMonday,
    KingsDay,
    LiberationDay,
    AscensionDay,
    WhitMonday,
    ChristmasDay,
    BoxingDay,
}

impl Holiday {
    /// Stable key for the message catalogue and the API (`snake_case`).
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::NewYear => "new_year",
            Self::GoodFriday => "good_friday",
            Self::EasterMonday => "easter_monday",
            Self::KingsDay => "kings_day",
            Self::LiberationDay => "liberation_day",
            Self::AscensionDay => "ascension_day",
            Self::WhitMonday => "whit_monday",
            Self::ChristmasDay => "christmas_day",
            Self::BoxingDay => "boxing_day",
        }
    }
}

/// Easter Sunday of `year` in the Gregorian calendar.
///
/// The anonymous Gregorian algorithm (Meeus/Jones/Butcher), with Euclidean
/// division so that it stays valid for every year `jiff` can represent. Years
/// outside -9999..=9999 are clamped to that range.
#[must_use]
pub fn easter_sunday(year: i16) -> Date {
    let year = year.clamp(-9999, 9999);
    let y = i32::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    // h + l - 7m + 114 lies in 107..=149, so the month is 3 or 4 and the day
    // is a valid day of that month.
    let n = h + l - 7 * m + 114;
    let month = i8::try_from(n / 31).unwrap_or(4);
    let day = i8::try_from(n % 31 + 1).unwrap_or(1);
    date(year, month, day)
}

/// The day on which the King's birthday is celebrated (Algemene termijnenwet
/// art. 3 lid 1).
///
/// From 2014: 27 April, or Saturday 26 April when 27 April is a Sunday (Besluit
/// van 30 januari 2013, nr. 13.000173, Stcrt. 2013, 4075: "de zevenentwintigste
/// april [...] Koningsdag, behoudens uitzonderingen in verband met zondagen").
/// Up to 2013: Queen's Day on 30 April, or Saturday 29 April when 30 April is
/// a Sunday (koninklijk besluit van 24 april 1980, nr. 11). Earlier practice
/// (before 1980) is not modelled: the product computes no deadlines that old.
fn kings_day(year: i16) -> Date {
    let day = if year >= 2014 { 27 } else { 30 };
    let celebrated = date(year, 4, day);
    if celebrated.weekday() == Weekday::Sunday { date(year, 4, day - 1) } else { celebrated }
}

/// `easter` moved by `days`; Easter-dependent holidays stay within the year.
fn from_easter(easter: Date, days: i64) -> Date {
    easter.checked_add(Span::new().days(days)).unwrap_or(easter)
}

/// Every public holiday of `year`, sorted by date.
///
/// Source: Algemene termijnenwet art. 3 lid 1 and lid 2 (see [`Holiday`]).
/// Good Friday is two days before Easter Sunday, Easter Monday the day after,
/// Ascension Day 39 days after and Whit Monday 50 days after. Two holidays can
/// share a date (5 May 2005 was also Ascension Day); both are then listed.
/// Years outside -9999..=9999 are clamped to that range.
#[must_use]
pub fn public_holidays(year: i16) -> Vec<(Date, Holiday)> {
    let year = year.clamp(-9999, 9999);
    let easter = easter_sunday(year);
    let mut holidays = vec![
        (date(year, 1, 1), Holiday::NewYear),
        (from_easter(easter, -2), Holiday::GoodFriday),
        (from_easter(easter, 1), Holiday::EasterMonday),
        (kings_day(year), Holiday::KingsDay),
        (date(year, 5, 5), Holiday::LiberationDay),
        (from_easter(easter, 39), Holiday::AscensionDay),
        (from_easter(easter, 50), Holiday::WhitMonday),
        (date(year, 12, 25), Holiday::ChristmasDay),
        (date(year, 12, 26), Holiday::BoxingDay),
    ];
    holidays.sort();
    holidays
}

/// The public holiday on `day`, if any (the first in [`public_holidays`]'s
/// order when two coincide). Days equated by royal decree are not included;
/// ask a [`HolidayCalendar`] for those.
#[must_use]
pub fn public_holiday_on(day: Date) -> Option<Holiday> {
    public_holidays(day.year()).into_iter().find(|(holiday_date, _)| *holiday_date == day).map(|(_, holiday)| holiday)
}

/// The days that stop a deadline: Saturdays, Sundays, the public holidays and
/// the days a royal decree equates with a public holiday.
///
/// Source: Algemene termijnenwet art. 1 and art. 3; the decreed days come from
/// art. 3 lid 3 (a royal decree, published in the Staatscourant, may equate
/// particular days with the holidays of lid 1), e.g. the Besluit van 24
/// oktober 2016 equating 28 April 2017, 26 May 2017, 11 May 2018, 24 and 31
/// December 2018, 31 May 2019 and 27 December 2019. Such decrees appear every
/// few years, so they are data held outside this crate and passed in here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HolidayCalendar<'a> {
    equated_days: &'a [Date],
}

impl<'a> HolidayCalendar<'a> {
    /// A calendar with the statutory holidays and the given decreed days.
    #[must_use]
    pub const fn new(equated_days: &'a [Date]) -> Self {
        Self { equated_days }
    }

    /// A calendar with the statutory holidays only.
    #[must_use]
    pub const fn statutory() -> Self {
        Self { equated_days: &[] }
    }

    /// The days equated with a public holiday by royal decree.
    #[must_use]
    pub const fn equated_days(&self) -> &'a [Date] {
        self.equated_days
    }

    /// Whether `day` is a public holiday or a day equated with one by decree.
    #[must_use]
    pub fn is_holiday(&self, day: Date) -> bool {
        self.equated_days.contains(&day) || public_holiday_on(day).is_some()
    }

    /// Whether `day` is a working day: not a Saturday, Sunday or holiday
    /// (Algemene termijnenwet art. 1; Regulation 1182/71 art. 2(2)).
    #[must_use]
    pub fn is_working_day(&self, day: Date) -> bool {
        !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) && !self.is_holiday(day)
    }

    /// `day` itself when it is a working day, otherwise the first working day
    /// after it (Regulation 1182/71 art. 3(4); Algemene termijnenwet art. 1).
    /// Saturates at the last date `jiff` can represent.
    #[must_use]
    pub fn next_working_day(&self, day: Date) -> Date {
        day.series(Span::new().days(1)).find(|candidate| self.is_working_day(*candidate)).unwrap_or(Date::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_sunday_matches_the_published_dates() {
        let known = [
            date(1818, 3, 22),
            date(1943, 4, 25),
            date(2000, 4, 23),
            date(2024, 3, 31),
            date(2025, 4, 20),
            date(2026, 4, 5),
            date(2027, 3, 28),
            date(2028, 4, 16),
            date(2029, 4, 1),
            date(2030, 4, 21),
            date(2038, 4, 25),
            date(2285, 3, 22),
        ];
        for easter in known {
            assert_eq!(easter_sunday(easter.year()), easter);
            assert_eq!(easter.weekday(), Weekday::Sunday);
        }
    }

    #[test]
    fn easter_sunday_is_a_sunday_between_22_march_and_25_april_in_every_year() {
        for year in -9999..=9999_i16 {
            let easter = easter_sunday(year);
            assert_eq!(easter.year(), year);
            assert_eq!(easter.weekday(), Weekday::Sunday, "{year}");
            assert!(easter >= date(year, 3, 22) && easter <= date(year, 4, 25), "{year}");
        }
    }

    #[test]
    fn years_beyond_the_representable_range_are_clamped_instead_of_panicking() {
        assert_eq!(easter_sunday(i16::MAX).year(), 9999);
        assert_eq!(easter_sunday(i16::MIN).year(), -9999);
        assert_eq!(public_holidays(i16::MAX).len(), 9);
    }

    #[test]
    fn every_public_holiday_of_2025_to_2030_is_listed_in_date_order() {
        use Holiday::*;
        /// A year and its holidays as (month, day, holiday).
        type YearOfHolidays = (i16, [(i8, i8, Holiday); 9]);
        let expected: [YearOfHolidays; 6] = [
            (
                2025,
                [
                    (1, 1, NewYear),
                    (4, 18, GoodFriday),
                    (4, 21, EasterMonday),
                    // 27 April 2025 is a Sunday.
                    (4, 26, KingsDay),
                    (5, 5, LiberationDay),
                    (5, 29, AscensionDay),
                    (6, 9, WhitMonday),
                    (12, 25, ChristmasDay),
                    (12, 26, BoxingDay),
                ],
            ),
            (
                2026,
                [
                    (1, 1, NewYear),
                    (4, 3, GoodFriday),
                    (4, 6, EasterMonday),
                    (4, 27, KingsDay),
                    (5, 5, LiberationDay),
                    (5, 14, AscensionDay),
                    (5, 25, WhitMonday),
                    (12, 25, ChristmasDay),
                    (12, 26, BoxingDay),
                ],
            ),
            (
                2027,
                [
                    (1, 1, NewYear),
                    (3, 26, GoodFriday),
                    (3, 29, EasterMonday),
                    (4, 27, KingsDay),
                    (5, 5, LiberationDay),
                    (5, 6, AscensionDay),
                    (5, 17, WhitMonday),
                    (12, 25, ChristmasDay),
                    (12, 26, BoxingDay),
                ],
            ),
            (
                2028,
                [
                    (1, 1, NewYear),
                    (4, 14, GoodFriday),
                    (4, 17, EasterMonday),
                    (4, 27, KingsDay),
                    (5, 5, LiberationDay),
                    (5, 25, AscensionDay),
                    (6, 5, WhitMonday),
                    (12, 25, ChristmasDay),
                    (12, 26, BoxingDay),
                ],
            ),
            (
                2029,
                [
                    (1, 1, NewYear),
                    (3, 30, GoodFriday),
                    (4, 2, EasterMonday),
                    (4, 27, KingsDay),
                    (5, 5, LiberationDay),
                    (5, 10, AscensionDay),
                    (5, 21, WhitMonday),
                    (12, 25, ChristmasDay),
                    (12, 26, BoxingDay),
                ],
            ),
            (
                2030,
                [
                    (1, 1, NewYear),
                    (4, 19, GoodFriday),
                    (4, 22, EasterMonday),
                    // 27 April 2030 is a Saturday: King's Day stays.
                    (4, 27, KingsDay),
                    (5, 5, LiberationDay),
                    (5, 30, AscensionDay),
                    (6, 10, WhitMonday),
                    (12, 25, ChristmasDay),
                    (12, 26, BoxingDay),
                ],
            ),
        ];
        let calendar = HolidayCalendar::statutory();
        for (year, days) in expected {
            let listed: Vec<(Date, Holiday)> =
                days.iter().map(|&(m, d, holiday)| (date(year, m, d), holiday)).collect();
            assert_eq!(public_holidays(year), listed, "{year}");
            for (day, holiday) in listed {
                assert_eq!(public_holiday_on(day), Some(holiday), "{day}");
                assert!(calendar.is_holiday(day), "{day}");
                assert!(!calendar.is_working_day(day), "{day}");
            }
        }
    }

    #[test]
    fn kings_day_moves_to_saturday_26_april_only_when_27_april_is_a_sunday() {
        assert_eq!(public_holiday_on(date(2025, 4, 26)), Some(Holiday::KingsDay));
        assert_eq!(public_holiday_on(date(2025, 4, 27)), None);
        assert_eq!(public_holiday_on(date(2031, 4, 26)), Some(Holiday::KingsDay));
        assert_eq!(public_holiday_on(date(2030, 4, 27)), Some(Holiday::KingsDay));
        assert_eq!(public_holiday_on(date(2030, 4, 26)), None);
    }

    #[test]
    fn queens_day_before_2014_fell_on_30_april_or_saturday_29_april() {
        assert_eq!(public_holiday_on(date(2013, 4, 30)), Some(Holiday::KingsDay));
        assert_eq!(public_holiday_on(date(2006, 4, 29)), Some(Holiday::KingsDay));
        assert_eq!(public_holiday_on(date(2006, 4, 30)), None);
    }

    #[test]
    fn liberation_day_and_ascension_day_can_share_a_date_and_both_are_listed() {
        let holidays = public_holidays(2005);
        assert!(holidays.contains(&(date(2005, 5, 5), Holiday::LiberationDay)));
        assert!(holidays.contains(&(date(2005, 5, 5), Holiday::AscensionDay)));
        assert!(holidays.windows(2).all(|pair| pair[0].0 <= pair[1].0));
    }

    #[test]
    fn holiday_codes_are_stable_snake_case_keys() {
        let codes: Vec<&str> = public_holidays(2026).iter().map(|(_, holiday)| holiday.code()).collect();
        assert_eq!(
            codes,
            [
                "new_year",
                "good_friday",
                "easter_monday",
                "kings_day",
                "liberation_day",
                "ascension_day",
                "whit_monday",
                "christmas_day",
                "boxing_day"
            ]
        );
    }

    #[test]
    fn weekends_and_holidays_are_not_working_days_but_school_holidays_are() {
        let calendar = HolidayCalendar::statutory();
        assert!(!calendar.is_working_day(date(2026, 3, 7)), "Saturday");
        assert!(!calendar.is_working_day(date(2026, 3, 8)), "Sunday");
        assert!(!calendar.is_working_day(date(2026, 4, 6)), "Easter Monday");
        // Spring half-term and the summer holiday are not public holidays.
        assert!(calendar.is_working_day(date(2026, 2, 18)));
        assert!(calendar.is_working_day(date(2026, 7, 22)));
    }

    #[test]
    fn a_day_equated_by_royal_decree_is_a_holiday_in_that_calendar_only() {
        let decreed = [date(2026, 5, 15)];
        let with_decree = HolidayCalendar::new(&decreed);
        assert!(with_decree.is_holiday(date(2026, 5, 15)));
        assert!(!with_decree.is_working_day(date(2026, 5, 15)));
        assert!(HolidayCalendar::statutory().is_working_day(date(2026, 5, 15)));
        assert_eq!(public_holiday_on(date(2026, 5, 15)), None);
        assert_eq!(with_decree.equated_days(), &decreed);
    }

    #[test]
    fn the_next_working_day_is_the_day_itself_when_it_is_one() {
        let calendar = HolidayCalendar::statutory();
        assert_eq!(calendar.next_working_day(date(2026, 3, 4)), date(2026, 3, 4));
        assert_eq!(calendar.next_working_day(date(2026, 3, 7)), date(2026, 3, 9));
    }

    #[test]
    fn the_next_working_day_skips_chains_of_holidays_and_weekends() {
        let calendar = HolidayCalendar::statutory();
        // Good Friday, Saturday, Sunday, Easter Monday 2025.
        assert_eq!(calendar.next_working_day(date(2025, 4, 18)), date(2025, 4, 22));
        // Christmas Day, Boxing Day, Saturday, Sunday 2025.
        assert_eq!(calendar.next_working_day(date(2025, 12, 25)), date(2025, 12, 29));
        // Ascension Day 2026 and a decreed Friday, then the weekend.
        let decreed = [date(2026, 5, 15)];
        assert_eq!(HolidayCalendar::new(&decreed).next_working_day(date(2026, 5, 14)), date(2026, 5, 18));
    }

    #[test]
    fn the_next_working_day_saturates_at_the_end_of_time() {
        assert_eq!(HolidayCalendar::statutory().next_working_day(Date::MAX), Date::MAX);
    }
}
