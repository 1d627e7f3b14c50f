//! Dates and instants as Dutch law reads them.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// The time zone of every date in this product: legal periods run on Dutch
/// local time (Algemene termijnenwet; GDPR art. 33's 72 hours count from the
/// moment of awareness, which the board experiences in Europe/Amsterdam).
#[must_use]
pub fn dutch_time_zone() -> TimeZone {
    TimeZone::get("Europe/Amsterdam").unwrap_or(TimeZone::UTC)
}

/// The calendar date in the Netherlands at `instant`.
#[must_use]
pub fn dutch_date(instant: Timestamp) -> Date {
    instant.to_zoned(dutch_time_zone()).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_the_netherlands() -> Result<(), jiff::Error> {
        let instant: Timestamp = "2026-11-22T23:30:00Z".parse()?;
        assert_eq!(dutch_date(instant), jiff::civil::date(2026, 11, 23));
        let summer: Timestamp = "2026-07-31T22:30:00Z".parse()?;
        assert_eq!(dutch_date(summer), jiff::civil::date(2026, 8, 1));
        Ok(())
    }
}
