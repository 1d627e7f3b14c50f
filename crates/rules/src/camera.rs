//! Camera surveillance (seed 002 §7; issue 15): where a camera may hang, how
//! long its footage is kept, when a viewing or a disclosure may be logged, and
//! which footage a hold keeps.
//!
//! Camera surveillance rests on the board's legitimate interest (AVG art.
//! 6(1)(f)) after a balancing test, and needs a DPIA (seed 002 §7.1; AVG art.
//! 35(3)(c): systematic monitoring of a publicly accessible area).

use crate::Invalid;
use crate::calendar::dutch_date;
use crate::retention::Period;
use jiff::Timestamp;
use jiff::civil::{Date, date};

code_enum!(
    /// Whether a camera is in use.
    Status, "camera.status_unknown" {
        Active = "active",
        /// Taken down; kept in the register with its history.
        Removed = "removed",
    }
);

code_enum!(
    /// A line of the viewing and disclosure log.
    LogKind, "camera.log_kind_unknown" {
        /// Someone of the school looked at recorded footage.
        Viewing = "viewing",
        /// Footage was handed to someone outside the school.
        Disclosure = "disclosure",
    }
);

code_enum!(
    /// Why footage was viewed or disclosed.
    LogReason, "camera.reason_unknown" {
        Incident = "incident",
        /// A data subject asked to see footage (seed 002 §7.3).
        Request = "request",
        Other = "other",
    }
);

code_enum!(
    /// Who footage was disclosed to.
    Recipient, "camera.recipient_unknown" {
        Police = "police",
        /// Another investigating authority (bijzondere opsporingsdienst).
        Investigator = "investigator",
        Other = "other",
    }
);

code_enum!(
    /// Why footage is held beyond its retention period.
    HoldKind, "camera.hold_kind_unknown" {
        Incident = "incident",
        LegalClaim = "legal_claim",
        Request = "request",
        Other = "other",
    }
);

/// The legal basis of camera surveillance: legitimate interest.
///
/// Source: seed 002 §7.1 ("Het cameratoezicht is gebaseerd op een
/// gerechtvaardigd belang. Daarbij is een belangenafweging uitgevoerd"); AVG
/// art. 6(1)(f).
pub const LEGAL_BASIS: &str = "legitimate_interest";

/// Words that name a place where no camera may hang.
const PRIVATE_PLACES: &[&str] =
    &["toilet", "wc", "kleedkamer", "kleedruimte", "douche", "spreekkamer", "klaslokaal", "lokaal"];

/// A camera's location and what it covers must not be a classroom or a
/// private room.
///
/// Source: seed 002 §7 ("Cameratoezicht vindt nadrukkelijk niet plaats in
/// klaslokalen en privéruimtes zoals toiletten, kleedkamers of spreekkamers").
///
/// # Errors
/// `camera.private_place` when the text names such a room.
pub fn check_place(text: &str) -> Result<(), Invalid> {
    let lower = text.to_lowercase();
    let named = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| PRIVATE_PLACES.iter().any(|p| word == *p || (p.len() > 3 && word.starts_with(p))));
    if named { Err(Invalid::new("camera.private_place")) } else { Ok(()) }
}

/// The first day of the span over which [`check_retention`] compares two
/// periods: four years, so every month length and a 29 February occur.
const COMPARE_FROM: Date = date(2024, 1, 1);
const COMPARE_DAYS: i32 = 1461;

/// A camera's retention period may be shorter than the board's rule for
/// camera footage, never longer: for every recording day, the period must
/// end on or before the day the rule ends. Periods of months and weeks are
/// compared on every start day of a four-year cycle, so `P1M` is longer than
/// `P4W` (31 January + 1 month is 28 February, 31 January + 4 weeks is 28
/// February; but 1 March + 1 month is 1 April, 1 March + 4 weeks is 29 March).
///
/// Source: seed 002 §7.2 ("Beelden worden maximaal vier weken bewaard"); the
/// board's rule `camera_footage` (`retention::defaults`, P4W).
///
/// # Errors
/// `camera.retention_zero` for `P0D`, `camera.retention_too_long` when the
/// period ends after the rule's on some day.
pub fn check_retention(period: Period, rule: Period) -> Result<(), Invalid> {
    if period.is_zero() {
        return Err(Invalid::new("camera.retention_zero"));
    }
    let mut day = COMPARE_FROM;
    for _ in 0..COMPARE_DAYS {
        if period.after(day) > rule.after(day) {
            return Err(Invalid::new("camera.retention_too_long"));
        }
        day = day.tomorrow().unwrap_or(day);
    }
    Ok(())
}

/// A time range of footage: from before to.
///
/// Source: the log and the hold must name the exact footage (seed 002 §7.2:
/// "de beelden worden bewaard zo lang als nodig is"; issue 15: "the exact
/// time range").
///
/// # Errors
/// `camera.range_order` when `from` is not before `to`.
pub fn check_range(from: Timestamp, to: Timestamp) -> Result<(), Invalid> {
    if from < to { Ok(()) } else { Err(Invalid::new("camera.range_order")) }
}

/// A disclosure to the police or another investigating authority needs the
/// reference of their official written request (vordering); a disclosure to
/// anyone else needs a reference too, of the request or decision it answers.
///
/// Source: seed 002 §7.2 ("Beelden worden uitsluitend gedeeld met bevoegde
/// instanties (zoals politie of andere opsporingsdiensten) en alleen wanneer
/// dit noodzakelijk is voor een onderzoek"); seed 002 §9.2.3 (the police "op
/// officieel verzoek"); Wetboek van Strafvordering art. 126nd (the order to
/// hand over data).
///
/// # Errors
/// `camera.official_request_required` for the police or an investigator
/// without a reference, `camera.request_reference_required` for anyone else.
pub fn check_disclosure(recipient: Recipient, reference: Option<&str>) -> Result<(), Invalid> {
    if reference.is_some_and(|r| !r.trim().is_empty()) {
        return Ok(());
    }
    Err(Invalid::new(match recipient {
        Recipient::Police | Recipient::Investigator => "camera.official_request_required",
        Recipient::Other => "camera.request_reference_required",
    }))
}

/// The day by which footage recorded at `recorded` must be gone: its
/// recording day (in the Netherlands) plus the camera's period.
///
/// Source: seed 002 §7.2 (at most four weeks); the calendar arithmetic of
/// [`Period::after`].
#[must_use]
pub fn footage_due(recorded: Timestamp, period: Period) -> Date {
    period.after(dutch_date(recorded))
}

/// A time range a hold keeps, while it is not released.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldRange {
    pub from: Timestamp,
    pub to: Timestamp,
    pub released: bool,
}

impl HeldRange {
    /// Whether the range keeps footage recorded at `at` (from and to included).
    #[must_use]
    pub fn keeps(self, at: Timestamp) -> bool {
        !self.released && self.from <= at && at <= self.to
    }
}

/// What must happen to footage recorded at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FootageStatus {
    /// Within its period: may be kept.
    Kept,
    /// A hold keeps it, whatever its age.
    Held,
    /// Its period has ended: it must be gone.
    Due,
}

impl FootageStatus {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Kept => "kept",
            Self::Held => "held",
            Self::Due => "due",
        }
    }
}

/// Footage recorded at `recorded` is held while a hold's range covers it;
/// otherwise it is due from [`footage_due`] on.
///
/// Source: seed 002 §7.2 ("tenzij er een incident plaatsvindt; in dat geval
/// worden de beelden bewaard zo lang als nodig is voor de afhandeling"):
/// only the footage of the incident's time range is kept, the rest goes.
#[must_use]
pub fn footage_status(recorded: Timestamp, period: Period, today: Date, holds: &[HeldRange]) -> FootageStatus {
    if holds.iter().any(|h| h.keeps(recorded)) {
        FootageStatus::Held
    } else if footage_due(recorded, period) <= today {
        FootageStatus::Due
    } else {
        FootageStatus::Kept
    }
}

/// A hold for an incident names the incident.
///
/// Source: issue 15 ("a hold for an incident (linked to the incident
/// register) keeps the exact time range"); seed 002 §7.2.
///
/// # Errors
/// `camera.incident_required` for kind incident without an incident.
pub fn check_hold(kind: HoldKind, incident: Option<&str>) -> Result<(), Invalid> {
    if kind == HoldKind::Incident && incident.is_none_or(|i| i.trim().is_empty()) {
        Err(Invalid::new("camera.incident_required"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn no_camera_in_toilets_changing_rooms_or_classrooms() {
        assert!(check_place("Schoolplein bij de hoofdingang").is_ok());
        assert!(check_place("Fietsenstalling").is_ok());
        for place in ["Toiletten begane grond", "Gang bij de WC", "Kleedkamer gymzaal", "Klaslokaal groep 5"] {
            assert_eq!(check_place(place), Err(Invalid::new("camera.private_place")), "{place}");
        }
    }

    #[test]
    fn the_retention_period_may_be_shorter_than_the_rule_never_longer() {
        let rule = Period::weeks(4);
        assert!(check_retention(Period::weeks(4), rule).is_ok());
        assert!(check_retention(Period::weeks(2), rule).is_ok());
        assert!(check_retention(Period::days(28), rule).is_ok());
        assert!(check_retention(Period::days(7), rule).is_ok());
        assert_eq!(check_retention(Period::days(29), rule), Err(Invalid::new("camera.retention_too_long")));
        assert_eq!(check_retention(Period::weeks(5), rule), Err(Invalid::new("camera.retention_too_long")));
        // A month is longer than four weeks on most days.
        assert_eq!(check_retention(Period::months(1), rule), Err(Invalid::new("camera.retention_too_long")));
        assert_eq!(check_retention(Period::days(0), rule), Err(Invalid::new("camera.retention_zero")));
        // Against a rule of a month, four weeks is never longer.
        assert!(check_retention(Period::weeks(4), Period::months(1)).is_ok());
    }

    #[test]
    fn a_time_range_runs_from_before_to() {
        assert!(check_range(at("2026-11-20T10:00:00Z"), at("2026-11-20T10:30:00Z")).is_ok());
        let same = at("2026-11-20T10:00:00Z");
        assert_eq!(check_range(same, same), Err(Invalid::new("camera.range_order")));
        assert_eq!(
            check_range(at("2026-11-20T11:00:00Z"), at("2026-11-20T10:00:00Z")),
            Err(Invalid::new("camera.range_order"))
        );
    }

    #[test]
    fn a_disclosure_to_the_police_needs_the_official_request() {
        assert_eq!(check_disclosure(Recipient::Police, None), Err(Invalid::new("camera.official_request_required")));
        assert_eq!(
            check_disclosure(Recipient::Investigator, Some("  ")),
            Err(Invalid::new("camera.official_request_required"))
        );
        assert!(check_disclosure(Recipient::Police, Some("PL0900-2026-123456")).is_ok());
        assert_eq!(check_disclosure(Recipient::Other, None), Err(Invalid::new("camera.request_reference_required")));
    }

    #[test]
    fn footage_is_due_its_period_after_the_day_it_was_recorded() {
        // Recorded late on 20 November UTC: 21 November in the Netherlands.
        assert_eq!(footage_due(at("2026-11-20T23:30:00Z"), Period::weeks(4)), date(2026, 12, 19));
        assert_eq!(footage_due(at("2026-11-20T10:00:00Z"), Period::weeks(4)), date(2026, 12, 18));
        assert_eq!(footage_due(at("2028-01-31T10:00:00Z"), Period::months(1)), date(2028, 2, 29));
    }

    #[test]
    fn a_hold_keeps_exactly_its_range_until_released() {
        let hold = HeldRange { from: at("2026-11-20T10:00:00Z"), to: at("2026-11-20T10:30:00Z"), released: false };
        let period = Period::weeks(4);
        let today = date(2027, 1, 10);
        assert_eq!(footage_status(at("2026-11-20T10:15:00Z"), period, today, &[hold]), FootageStatus::Held);
        assert_eq!(footage_status(at("2026-11-20T10:30:00Z"), period, today, &[hold]), FootageStatus::Held);
        assert_eq!(footage_status(at("2026-11-20T10:31:00Z"), period, today, &[hold]), FootageStatus::Due);
        assert_eq!(footage_status(at("2027-01-01T10:00:00Z"), period, today, &[hold]), FootageStatus::Kept);
        let released = HeldRange { released: true, ..hold };
        assert_eq!(footage_status(at("2026-11-20T10:15:00Z"), period, today, &[released]), FootageStatus::Due);
    }

    #[test]
    fn a_hold_for_an_incident_names_the_incident() {
        assert_eq!(check_hold(HoldKind::Incident, None), Err(Invalid::new("camera.incident_required")));
        assert!(check_hold(HoldKind::Incident, Some("inc-1")).is_ok());
        assert!(check_hold(HoldKind::LegalClaim, None).is_ok());
    }
}
