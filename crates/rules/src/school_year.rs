//! The Dutch school year.

use jiff::civil::{Date, date};

/// A school year, named by the calendar year in which it starts.
///
/// Source: Wet op het primair onderwijs art. 1 ("schooljaar: tijdvak dat aanvangt
/// op 1 augustus en eindigt op 31 juli"), as used in seed 001 §12.2 (consent is
/// asked "ieder schooljaar opnieuw") and domain.md's glossary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchoolYear {
    start_year: i16,
}

impl SchoolYear {
    /// The school year that `day` falls in: 1 August up to and including 31 July.
    #[must_use]
    pub fn containing(day: Date) -> Self {
        let start_year = if day.month() >= 8 { day.year() } else { day.year() - 1 };
        Self { start_year }
    }

    /// The school year starting on 1 August of `start_year`.
    #[must_use]
    pub const fn starting_in(start_year: i16) -> Self {
        Self { start_year }
    }

    #[must_use]
    pub const fn start_year(self) -> i16 {
        self.start_year
    }

    /// 1 August.
    #[must_use]
    pub fn first_day(self) -> Date {
        date(self.start_year, 8, 1)
    }

    /// 31 July of the following calendar year.
    #[must_use]
    pub fn last_day(self) -> Date {
        date(self.start_year + 1, 7, 31)
    }

    #[must_use]
    pub const fn next(self) -> Self {
        Self { start_year: self.start_year + 1 }
    }

    /// The label used on screen and in documents: `2026-2027`.
    #[must_use]
    pub fn label(self) -> String {
        format!("{}-{}", self.start_year, self.start_year + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_school_year_turns_between_31_july_and_1_august() {
        assert_eq!(SchoolYear::containing(date(2026, 7, 31)).label(), "2025-2026");
        assert_eq!(SchoolYear::containing(date(2026, 8, 1)).label(), "2026-2027");
        assert_eq!(SchoolYear::containing(date(2027, 1, 15)).start_year(), 2026);
    }

    #[test]
    fn a_school_year_runs_from_1_august_to_31_july() {
        let year = SchoolYear::starting_in(2026);
        assert_eq!(year.first_day(), date(2026, 8, 1));
        assert_eq!(year.last_day(), date(2027, 7, 31));
        assert_eq!(year.next().first_day(), date(2027, 8, 1));
    }
}
