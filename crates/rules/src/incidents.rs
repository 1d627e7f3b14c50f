//! The incident register's rules: the reference, the late-report flag, the
//! warnings before the 72-hour deadline and the response clock of a
//! vulnerability report. The breach assessment itself is in [`crate::breach`].

use jiff::{SignedDuration, Timestamp};

code_enum! {
    /// What was reported: an incident (a possible data breach), or a
    /// vulnerability found by someone (responsible disclosure, seed 001 §14.10).
    Kind, "incident.kind_unknown" {
        Incident = "incident",
        Vulnerability = "vulnerability",
    }
}

code_enum! {
    /// Who reported, and how: staff signed in, a parent or pupil through the
    /// portal (seed 002 §8.4.5), or anyone on the public disclosure page.
    Channel, "incident.channel_unknown" {
        Staff = "staff",
        Portal = "portal",
        Public = "public",
    }
}

code_enum! {
    /// Where an incident is in its handling (seed 001 §14.16: report, assess, act, evaluate).
    Status, "incident.status_unknown" {
        Reported = "reported",
        Assessed = "assessed",
        Closed = "closed",
    }
}

code_enum! {
    /// How the people concerned are informed (AVG art. 34): a letter to each, no
    /// communication because an art. 34 lid 3 exception applies (encrypted data,
    /// high risk since removed) or the risk is not high, or a public
    /// announcement when individual contact takes disproportionate effort.
    SubjectsDecision, "incident.subjects_decision_unknown" {
        Letters = "letters",
        NotNeeded = "not_needed",
        PublicAnnouncement = "public_announcement",
    }
}

/// A report made more than this many hours after discovery is flagged: "meld
/// onmiddellijk en uiterlijk binnen 24 uur na constatering" (seed 002 §8.4.5).
pub const LATE_REPORT_HOURS: i64 = 24;

/// Whether a report came later than [`LATE_REPORT_HOURS`] after the discovery
/// (seed 002 §8.4.5). A discovery after the report (a typing error) is not late.
#[must_use]
pub fn reported_late(discovered_at: Timestamp, reported_at: Timestamp) -> bool {
    reported_at.duration_since(discovered_at) > SignedDuration::from_hours(LATE_REPORT_HOURS)
}

/// The register's human-readable reference: `INC-2026-0001`, numbered per board
/// and calendar year (seed 001 §10.4 "incidentenregister": every incident is
/// registered and can be referred to, also towards the AP).
#[must_use]
pub fn reference(year: i16, number: i64) -> String {
    format!("INC-{year}-{number:04}")
}

/// A warning before the AP deadline (AVG art. 33 lid 1: 72 hours after
/// awareness). Two warnings, each sent once, to the IBP manager, the director
/// and the FG: a working day ahead and a last call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// 24 hours or less left.
    Hours24,
    /// 8 hours or less left.
    Hours8,
}

impl Warning {
    /// How many hours before the deadline the warning is due.
    #[must_use]
    pub const fn hours(self) -> i64 {
        match self {
            Self::Hours24 => 24,
            Self::Hours8 => 8,
        }
    }
}

/// The warning due at `now` for a deadline, given the warnings already sent;
/// `None` when none is due or the deadline has passed (then the incident is
/// overdue, see [`overdue`]). When both are due (the job did not run for a
/// while), only the later one is sent: a stale "24 hours left" would mislead.
#[must_use]
pub fn warning_due(deadline: Timestamp, now: Timestamp, sent_24: bool, sent_8: bool) -> Option<Warning> {
    let left = deadline.duration_since(now);
    if left <= SignedDuration::ZERO {
        None
    } else if left <= SignedDuration::from_hours(Warning::Hours8.hours()) {
        (!sent_8).then_some(Warning::Hours8)
    } else if left <= SignedDuration::from_hours(Warning::Hours24.hours()) {
        (!sent_24).then_some(Warning::Hours24)
    } else {
        None
    }
}

/// Whether the notification to the AP is late: the deadline passed without
/// it. A late notification must give the reasons for the delay (AVG art. 33 lid 1).
#[must_use]
pub fn overdue(deadline: Timestamp, notified_at: Option<Timestamp>, now: Timestamp) -> bool {
    match notified_at {
        Some(sent) => sent > deadline,
        None => now > deadline,
    }
}

/// Days within which a vulnerability reporter gets an answer with an
/// assessment and an expected fix date (seed 001 §14.10, responsible disclosure).
pub const DISCLOSURE_RESPONSE_DAYS: i64 = 3;

/// The moment the board must have answered a vulnerability report: 3 × 24 hours
/// after receipt (seed 001 §14.10).
#[must_use]
pub fn disclosure_response_deadline(received_at: Timestamp) -> Timestamp {
    received_at.checked_add(SignedDuration::from_hours(24 * DISCLOSURE_RESPONSE_DAYS)).unwrap_or(Timestamp::MAX)
}

/// How far in the future a moment typed by a person may lie: clocks differ a little.
pub const CLOCK_SLACK: SignedDuration = SignedDuration::from_mins(5);

/// How many years back a moment typed for an incident (its discovery, the
/// awareness, the notification to the AP) may lie. The register documents every
/// breach (AVG art. 33 lid 5), also one a board registers afterwards from its
/// paper register of earlier school years; a moment longer ago than this is a
/// typing error in the year (27 years back), not an incident to assess now.
pub const MOMENT_LOOKBACK_YEARS: i16 = 3;

/// Why a typed moment of an incident cannot be right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Implausible {
    /// Later than now (beyond [`CLOCK_SLACK`]).
    InFuture,
    /// More than [`MOMENT_LOOKBACK_YEARS`] years before now.
    TooLongAgo,
}

/// Whether a typed moment of an incident lies in its plausible range: not in
/// the future, not more than [`MOMENT_LOOKBACK_YEARS`] years back (in Dutch
/// calendar years, so 29 February and summer time count as they fall).
#[must_use]
pub fn implausible_moment(at: Timestamp, now: Timestamp) -> Option<Implausible> {
    if at > now.checked_add(CLOCK_SLACK).unwrap_or(Timestamp::MAX) {
        return Some(Implausible::InFuture);
    }
    (at < earliest_moment(now)).then_some(Implausible::TooLongAgo)
}

/// The earliest plausible moment of an incident at `now`: [`MOMENT_LOOKBACK_YEARS`]
/// Dutch calendar years back.
#[must_use]
pub fn earliest_moment(now: Timestamp) -> Timestamp {
    now.to_zoned(crate::calendar::dutch_time_zone())
        .checked_sub(jiff::Span::new().years(MOMENT_LOOKBACK_YEARS))
        .map_or(Timestamp::MIN, |z| z.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap_or(Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn a_report_more_than_a_day_after_discovery_is_late() {
        let found = at("2026-11-20T09:00:00+01:00");
        assert!(!reported_late(found, at("2026-11-21T09:00:00+01:00")));
        assert!(reported_late(found, at("2026-11-21T09:01:00+01:00")));
        assert!(!reported_late(found, at("2026-11-19T09:00:00+01:00")));
    }

    #[test]
    fn references_are_numbered_with_four_digits() {
        assert_eq!(reference(2026, 1), "INC-2026-0001");
        assert_eq!(reference(2026, 12345), "INC-2026-12345");
    }

    #[test]
    fn warnings_come_at_24_and_8_hours_left_each_once() {
        let deadline = at("2026-11-25T10:00:00+01:00");
        assert_eq!(warning_due(deadline, at("2026-11-24T09:59:00+01:00"), false, false), None);
        assert_eq!(warning_due(deadline, at("2026-11-24T10:00:00+01:00"), false, false), Some(Warning::Hours24));
        assert_eq!(warning_due(deadline, at("2026-11-24T12:00:00+01:00"), true, false), None);
        assert_eq!(warning_due(deadline, at("2026-11-25T02:00:00+01:00"), true, false), Some(Warning::Hours8));
        assert_eq!(warning_due(deadline, at("2026-11-25T02:00:00+01:00"), false, false), Some(Warning::Hours8));
        assert_eq!(warning_due(deadline, at("2026-11-25T09:00:00+01:00"), true, true), None);
        assert_eq!(warning_due(deadline, at("2026-11-25T10:01:00+01:00"), false, false), None);
    }

    #[test]
    fn a_notification_after_the_deadline_is_overdue() {
        let deadline = at("2026-11-25T10:00:00+01:00");
        assert!(!overdue(deadline, None, at("2026-11-25T10:00:00+01:00")));
        assert!(overdue(deadline, None, at("2026-11-25T10:01:00+01:00")));
        assert!(!overdue(deadline, Some(at("2026-11-25T09:00:00+01:00")), at("2026-11-26T10:00:00+01:00")));
        assert!(overdue(deadline, Some(at("2026-11-25T11:00:00+01:00")), at("2026-11-25T11:00:00+01:00")));
    }

    #[test]
    fn a_typed_moment_lies_between_three_years_back_and_now() {
        let now = at("2026-11-22T10:00:00+01:00");
        assert_eq!(implausible_moment(at("2026-11-22T10:04:00+01:00"), now), None, "clocks differ a little");
        assert_eq!(implausible_moment(at("2026-11-22T10:06:00+01:00"), now), Some(Implausible::InFuture));
        assert_eq!(implausible_moment(at("2023-11-22T10:00:00+01:00"), now), None);
        assert_eq!(implausible_moment(at("2023-11-22T09:59:00+01:00"), now), Some(Implausible::TooLongAgo));
        assert_eq!(implausible_moment(at("1999-11-22T10:00:00+01:00"), now), Some(Implausible::TooLongAgo));
    }

    #[test]
    fn a_vulnerability_report_is_answered_within_three_days() {
        assert_eq!(disclosure_response_deadline(at("2026-11-20T09:00:00+01:00")), at("2026-11-23T09:00:00+01:00"));
    }
}
