//! Legal deadlines, computed as the law computes them.
//!
//! One engine for every deadline in the product: a period of whole months ends
//! on the same date as the day it runs from, clamped to the last day of a
//! shorter month, and an end on a Saturday, Sunday or public holiday moves to
//! the next working day. Which days are holidays is decided by a
//! [`HolidayCalendar`], so days equated by royal decree count too.

use jiff::Span;
use jiff::civil::Date;
use serde::Serialize;

use crate::holidays::HolidayCalendar;

/// The period to answer a data subject's request: one month from receipt.
///
/// Source: GDPR (AVG) art. 12(3) ("without undue delay and in any event within
/// one month of receipt of the request").
pub const RESPONSE_MONTHS: i32 = 1;

/// The longest period after an extension: the one month plus "two further
/// months", both counted from receipt.
///
/// Source: GDPR (AVG) art. 12(3) ("That period may be extended by two further
/// months where necessary").
pub const EXTENDED_RESPONSE_MONTHS: i32 = RESPONSE_MONTHS + 2;

/// `day` plus `months` calendar months: the same day number, or the last day of
/// the target month when it has no such day (31 January + 1 month = 28 or 29
/// February). The months are added in one step, so 31 January + 3 months is
/// 30 April, not 28 April.
///
/// Source: Regulation (EEC, Euratom) No 1182/71 art. 3(2)(c): a period in
/// months ends on the day "which falls on the same date [...] as the day from
/// which the period runs. If [...] the day on which it should expire does not
/// occur in the last month, the period shall end with the expiry of the last
/// hour of the last day of that month". The day of receipt itself is not
/// counted (art. 3(1)), which is why the period ends on that same date.
/// Saturates at the first or last date `jiff` can represent.
#[must_use]
pub fn add_months(day: Date, months: i32) -> Date {
    let saturated = if months < 0 { Date::MIN } else { Date::MAX };
    Span::new().try_months(months).and_then(|span| day.checked_add(span)).unwrap_or(saturated)
}

/// The last day of a period of `months` months running from `start`, moved to
/// the next working day when it falls on a Saturday, Sunday or holiday.
///
/// Source: Regulation (EEC, Euratom) No 1182/71 art. 3(2)(c) (see
/// [`add_months`]) and art. 3(4) ("if the last day of a period [...] is a
/// public holiday, Saturday or Sunday, the period shall end with the expiry of
/// the last hour of the following working day"), as the EDPB Guidelines
/// 01/2022 on the right of access apply it; Algemene termijnenwet art. 1 for
/// periods set by Dutch law.
#[must_use]
pub fn deadline_after_months(start: Date, months: i32, calendar: &HolidayCalendar) -> Date {
    calendar.next_working_day(add_months(start, months))
}

/// The answer to `GET /api/v1/deadlines/request`: when a data subject's request
/// must be answered, and the latest date if the period is extended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct RequestDeadlines {
    pub deadline: Date,
    pub extended_deadline: Date,
}

/// The deadlines for a data subject's request received on `received`.
///
/// Source: GDPR (AVG) art. 12(3): one month of receipt, extendable by two
/// further months; computed per Regulation 1182/71 art. 3 (see
/// [`deadline_after_months`]). The extended deadline is three months from the
/// receipt date, moved on its own to a working day; it is not derived from the
/// already moved first deadline.
#[must_use]
pub fn request_deadlines(received: Date, calendar: &HolidayCalendar) -> RequestDeadlines {
    RequestDeadlines {
        deadline: deadline_after_months(received, RESPONSE_MONTHS, calendar),
        extended_deadline: deadline_after_months(received, EXTENDED_RESPONSE_MONTHS, calendar),
    }
}

/// The number of working days after `from` up to and including `to`: how many
/// working days are left on `from` for a deadline on `to` (the dashboard warns
/// at 7 and at 2). Zero when `to` is `from`; when `to` is before `from`, minus
/// the number of working days after `to` up to and including `from`.
///
/// A working day is one that is not a Saturday, Sunday or holiday (Algemene
/// termijnenwet art. 1 and 3; Regulation 1182/71 art. 2(2)). School holidays
/// are working days.
#[must_use]
pub fn working_days_until(from: Date, to: Date, calendar: &HolidayCalendar) -> i64 {
    if to < from {
        return -working_days_until(to, from, calendar);
    }
    let count = from
        .series(Span::new().days(1))
        .skip(1)
        .take_while(|day| *day <= to)
        .filter(|day| calendar.is_working_day(*day))
        .count();
    i64::try_from(count).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{Weekday, date};

    fn statutory(received: Date) -> RequestDeadlines {
        request_deadlines(received, &HolidayCalendar::statutory())
    }

    fn deadlines(deadline: Date, extended_deadline: Date) -> RequestDeadlines {
        RequestDeadlines { deadline, extended_deadline }
    }

    #[test]
    fn a_month_ends_on_the_same_date_in_the_next_month() {
        assert_eq!(add_months(date(2025, 3, 12), 1), date(2025, 4, 12));
        assert_eq!(add_months(date(2025, 12, 12), 1), date(2026, 1, 12));
        assert_eq!(add_months(date(2025, 3, 12), -1), date(2025, 2, 12));
    }

    #[test]
    fn a_month_ends_on_the_last_day_when_the_next_month_is_shorter() {
        assert_eq!(add_months(date(2025, 1, 31), 1), date(2025, 2, 28));
        assert_eq!(add_months(date(2025, 1, 29), 1), date(2025, 2, 28));
        assert_eq!(add_months(date(2024, 1, 31), 1), date(2024, 2, 29));
        assert_eq!(add_months(date(2024, 1, 30), 1), date(2024, 2, 29));
        assert_eq!(add_months(date(2025, 3, 31), 1), date(2025, 4, 30));
        assert_eq!(add_months(date(2025, 8, 31), 1), date(2025, 9, 30));
        assert_eq!(add_months(date(2024, 2, 29), 12), date(2025, 2, 28));
    }

    #[test]
    fn months_are_added_in_one_step_so_31_january_plus_three_months_is_30_april() {
        assert_eq!(add_months(date(2025, 1, 31), 3), date(2025, 4, 30));
        assert_eq!(add_months(add_months(add_months(date(2025, 1, 31), 1), 1), 1), date(2025, 4, 28));
    }

    #[test]
    fn adding_months_beyond_the_representable_range_saturates() {
        assert_eq!(add_months(date(9999, 12, 1), 1), Date::MAX);
        assert_eq!(add_months(date(-9999, 1, 1), -1), Date::MIN);
        assert_eq!(add_months(date(2025, 1, 1), i32::MAX), Date::MAX);
    }

    #[test]
    fn deadlines_across_month_ends_clamp_to_the_last_day_of_the_month() {
        let cases = [
            // received, deadline, extended deadline
            (date(2025, 1, 31), date(2025, 2, 28), date(2025, 4, 30)),
            // Leap year.
            (date(2024, 1, 31), date(2024, 2, 29), date(2024, 4, 30)),
            // 30 April 2028 is a Sunday.
            (date(2028, 1, 31), date(2028, 2, 29), date(2028, 5, 1)),
            (date(2025, 3, 31), date(2025, 4, 30), date(2025, 6, 30)),
            (date(2025, 4, 30), date(2025, 5, 30), date(2025, 7, 30)),
            // 31 August 2025 is a Sunday.
            (date(2025, 5, 31), date(2025, 6, 30), date(2025, 9, 1)),
            // 30 November 2025 is a Sunday, 31 January 2026 a Saturday.
            (date(2025, 10, 31), date(2025, 12, 1), date(2026, 2, 2)),
            // 29 February 2024 exists.
            (date(2023, 11, 30), date(2024, 1, 2), date(2024, 2, 29)),
        ];
        for (received, deadline, extended) in cases {
            assert_eq!(statutory(received), deadlines(deadline, extended), "received {received}");
        }
    }

    #[test]
    fn a_deadline_on_a_weekend_moves_to_monday() {
        // 15 March 2025 is a Saturday, 16 March a Sunday.
        assert_eq!(statutory(date(2025, 2, 15)).deadline, date(2025, 3, 17));
        assert_eq!(statutory(date(2025, 2, 16)).deadline, date(2025, 3, 17));
        assert_eq!(date(2025, 3, 17).weekday(), Weekday::Monday);
        // 25 October 2025 is a Saturday.
        assert_eq!(statutory(date(2025, 9, 25)).deadline, date(2025, 10, 27));
    }

    #[test]
    fn a_deadline_on_a_public_holiday_moves_to_the_next_working_day() {
        let cases = [
            // received, raw end (a holiday), deadline
            // New Year's Day 2026 (Thursday).
            (date(2025, 12, 1), date(2026, 1, 1), date(2026, 1, 2)),
            // Good Friday 2025, then the weekend and Easter Monday.
            (date(2025, 3, 18), date(2025, 4, 18), date(2025, 4, 22)),
            // Easter Monday 2025.
            (date(2025, 3, 21), date(2025, 4, 21), date(2025, 4, 22)),
            // King's Day 2025 on Saturday 26 April (27 April is a Sunday).
            (date(2025, 3, 26), date(2025, 4, 26), date(2025, 4, 28)),
            // King's Day 2026 on Monday 27 April.
            (date(2026, 3, 27), date(2026, 4, 27), date(2026, 4, 28)),
            // King's Day 2030 on Saturday 27 April (not moved: 27 April is no Sunday).
            (date(2030, 3, 27), date(2030, 4, 27), date(2030, 4, 29)),
            // Liberation Day 2025 (Monday).
            (date(2025, 4, 5), date(2025, 5, 5), date(2025, 5, 6)),
            // Liberation Day 2029 (Saturday).
            (date(2029, 4, 5), date(2029, 5, 5), date(2029, 5, 7)),
            // Ascension Day 2025 (Thursday).
            (date(2025, 4, 29), date(2025, 5, 29), date(2025, 5, 30)),
            // Whit Monday 2025.
            (date(2025, 5, 9), date(2025, 6, 9), date(2025, 6, 10)),
            // Christmas Day, Boxing Day, then the weekend (2025).
            (date(2025, 11, 25), date(2025, 12, 25), date(2025, 12, 29)),
            (date(2025, 11, 26), date(2025, 12, 26), date(2025, 12, 29)),
            // Christmas Day 2027 on a Saturday, Boxing Day on the Sunday.
            (date(2027, 11, 25), date(2027, 12, 25), date(2027, 12, 27)),
            // Saturday 30 December 2023, Sunday, New Year's Day 2024.
            (date(2023, 11, 30), date(2023, 12, 30), date(2024, 1, 2)),
        ];
        for (received, raw_end, deadline) in cases {
            assert_eq!(add_months(received, 1), raw_end, "received {received}");
            assert_eq!(statutory(received).deadline, deadline, "received {received}");
        }
    }

    #[test]
    fn a_clamped_end_can_land_on_a_weekend_and_then_a_holiday() {
        // 28 February 2027 + 1 month = Sunday 28 March, then Easter Monday.
        assert_eq!(statutory(date(2027, 2, 28)).deadline, date(2027, 3, 30));
        // Leap day 2024 + 1 month = Good Friday 29 March, weekend, Easter Monday.
        assert_eq!(statutory(date(2024, 2, 29)).deadline, date(2024, 4, 2));
    }

    #[test]
    fn an_extended_deadline_on_a_public_holiday_moves_to_the_next_working_day() {
        let cases = [
            // received, raw end (a holiday), extended deadline
            (date(2025, 1, 18), date(2025, 4, 18), date(2025, 4, 22)),
            (date(2025, 1, 26), date(2025, 4, 26), date(2025, 4, 28)),
            (date(2025, 2, 5), date(2025, 5, 5), date(2025, 5, 6)),
            (date(2026, 2, 14), date(2026, 5, 14), date(2026, 5, 15)),
            (date(2025, 3, 9), date(2025, 6, 9), date(2025, 6, 10)),
            (date(2025, 9, 25), date(2025, 12, 25), date(2025, 12, 29)),
            (date(2026, 9, 26), date(2026, 12, 26), date(2026, 12, 28)),
            (date(2028, 1, 14), date(2028, 4, 14), date(2028, 4, 18)),
        ];
        for (received, raw_end, extended) in cases {
            assert_eq!(add_months(received, 3), raw_end, "received {received}");
            assert_eq!(statutory(received).extended_deadline, extended, "received {received}");
        }
    }

    #[test]
    fn the_extended_deadline_counts_from_receipt_not_from_the_moved_deadline() {
        // The first deadline moves from King's Day (Saturday 26 April) to Monday
        // 28 April; the extension still ends three months after receipt.
        let result = statutory(date(2025, 3, 26));
        assert_eq!(result, deadlines(date(2025, 4, 28), date(2025, 6, 26)));
        assert_ne!(result.extended_deadline, deadline_after_months(result.deadline, 2, &HolidayCalendar::statutory()));
    }

    #[test]
    fn a_day_equated_by_royal_decree_moves_a_deadline() {
        // Friday 15 May 2026, the day after Ascension Day, passed in as decreed.
        let decreed = [date(2026, 5, 15)];
        let with_decree = HolidayCalendar::new(&decreed);
        assert_eq!(statutory(date(2026, 4, 14)).deadline, date(2026, 5, 15));
        assert_eq!(request_deadlines(date(2026, 4, 14), &with_decree).deadline, date(2026, 5, 18));
        assert_eq!(request_deadlines(date(2026, 4, 15), &with_decree).deadline, date(2026, 5, 18));
        assert_eq!(request_deadlines(date(2026, 2, 14), &with_decree).extended_deadline, date(2026, 5, 18));
    }

    #[test]
    fn the_2016_decree_on_24_december_2018_chains_into_christmas() {
        // Besluit van 24 oktober 2016 (BWBR0038666) equated, among others,
        // Monday 24 December 2018 with a public holiday.
        let decreed = [
            date(2017, 4, 28),
            date(2017, 5, 26),
            date(2018, 5, 11),
            date(2018, 12, 24),
            date(2018, 12, 31),
            date(2019, 5, 31),
            date(2019, 12, 27),
        ];
        let received = date(2018, 11, 24);
        assert_eq!(statutory(received).deadline, date(2018, 12, 24));
        assert_eq!(request_deadlines(received, &HolidayCalendar::new(&decreed)).deadline, date(2018, 12, 27));
    }

    #[test]
    fn every_deadline_is_the_first_working_day_on_or_after_the_month_end() {
        let calendar = HolidayCalendar::statutory();
        for received in date(2024, 1, 1).series(Span::new().days(1)).take_while(|day| *day <= date(2030, 12, 31)) {
            let result = request_deadlines(received, &calendar);
            for (months, end) in [(1, result.deadline), (3, result.extended_deadline)] {
                let raw = add_months(received, months);
                assert!(end >= raw, "received {received}");
                assert!(calendar.is_working_day(end), "received {received}");
                assert_eq!(working_days_until(raw, end, &calendar), i64::from(raw != end), "received {received}");
            }
            assert!(result.deadline > received && result.extended_deadline > result.deadline);
        }
    }

    #[test]
    fn working_days_left_skip_weekends_and_holidays() {
        let calendar = HolidayCalendar::statutory();
        // Friday to Monday: only the Monday counts.
        assert_eq!(working_days_until(date(2025, 2, 28), date(2025, 3, 3), &calendar), 1);
        // Good Friday, the weekend and Easter Monday 2025 do not count.
        assert_eq!(working_days_until(date(2025, 4, 17), date(2025, 4, 22), &calendar), 1);
        // Christmas and Boxing Day 2025 and the weekend between do not count.
        assert_eq!(working_days_until(date(2025, 12, 22), date(2025, 12, 31), &calendar), 5);
        // Seven working days over a plain weekend.
        assert_eq!(working_days_until(date(2025, 3, 3), date(2025, 3, 12), &calendar), 7);
        // King's Day (Saturday), a weekend and Liberation Day before the deadline.
        assert_eq!(working_days_until(date(2025, 4, 25), date(2025, 5, 6), &calendar), 6);
    }

    #[test]
    fn working_days_left_count_days_equated_by_royal_decree_as_holidays() {
        let decreed = [date(2026, 5, 15)];
        let from = date(2026, 5, 13);
        let to = date(2026, 5, 18);
        assert_eq!(working_days_until(from, to, &HolidayCalendar::statutory()), 2);
        assert_eq!(working_days_until(from, to, &HolidayCalendar::new(&decreed)), 1);
    }

    #[test]
    fn working_days_left_are_zero_on_the_day_and_negative_after_it() {
        let calendar = HolidayCalendar::statutory();
        assert_eq!(working_days_until(date(2025, 3, 5), date(2025, 3, 5), &calendar), 0);
        assert_eq!(working_days_until(date(2025, 3, 3), date(2025, 2, 28), &calendar), -1);
        assert_eq!(working_days_until(date(2025, 4, 22), date(2025, 4, 17), &calendar), -1);
        // The Saturday after a Friday deadline: no working day has passed yet.
        assert_eq!(working_days_until(date(2025, 3, 1), date(2025, 2, 28), &calendar), 0);
    }

    #[test]
    fn school_holidays_do_not_move_a_deadline() {
        // Monday 28 July 2025 falls in the summer holiday of every region.
        assert_eq!(statutory(date(2025, 6, 28)).deadline, date(2025, 7, 28));
    }
}
