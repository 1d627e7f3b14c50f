//! The yearly IBP cycle (issue 17): awareness activities and the activity
//! calendar of a school year.
//!
//! Sources: seed 001 §5.3 and its table of roles (the IBP manager keeps the
//! "IBP-planning en controle" with an "activiteitenkalender" and the
//! "Security awareness activiteiten"), §6 ("minimaal jaarlijks getoetst en
//! bijgesteld": the policy is evaluated at least yearly, and the IBP manager
//! reports to the board), §6.1 ("regelmatig terugkerende
//! bewustwordingscampagnes"), §12.2 and §14.4–14.6 (consent is asked each
//! school year), §13 (access rights reviewed at least yearly), §14.15 (the
//! risk analysis and DPIAs reviewed); seed 004 (the privacy refresher a board
//! sends its teachers after the summer holiday).

use crate::SchoolYear;
use crate::policy::Role;
use jiff::civil::{Date, date};

code_enum! {
    /// The kind of an awareness activity (seed 001 §6.1: campaigns for
    /// staff; §5.4.2: the subject raised in team meetings; seed 004: the
    /// yearly privacy refresher for teachers).
    ActivityKind, "awareness.kind_unknown" {
        /// A training or workshop.
        Training = "training",
        /// A campaign (posters, mails, a theme week).
        Campaign = "campaign",
        /// IBP on the agenda of a team meeting (seed 001 §5.4: "periodiek het
        /// onderwerp informatiebeveiliging onder de aandacht te brengen in werkoverleggen").
        TeamMeeting = "team_meeting",
        /// A phishing exercise.
        Phishing = "phishing",
        /// The yearly privacy refresher for teachers (seed 004).
        Refresher = "refresher",
    }
}

code_enum! {
    /// Who an awareness activity is for.
    Audience, "awareness.audience_unknown" {
        /// Everyone of the board.
        Board = "board",
        /// The staff of one school.
        School = "school",
        /// The staff with some roles (teachers, administrators).
        Roles = "roles",
    }
}

code_enum! {
    /// What an item of the activity calendar is about: each kind of the
    /// default school year has its own source, and where the product holds
    /// the facts its status comes from them.
    ItemKind, "calendar.kind_unknown" {
        /// September: the consent round (seed 001 §12.2, §14.4–14.6: consent
        /// is asked every school year).
        ConsentRound = "consent_round",
        /// September: the start of the review of access rights (seed 001 §13:
        /// rights reviewed at least yearly; the authorisation table "jaarlijks bijgewerkt").
        AccessReview = "access_review",
        /// The first term: the DPIAs due for review (seed 001 §14.15; AVG art. 35(11)).
        DpiaReviews = "dpia_reviews",
        /// Spring: the self-assessment against the norms (seed 001 §6.4).
        SelfAssessment = "self_assessment",
        /// June: the yearly evaluation of the policy (seed 001 §6: "minimaal
        /// jaarlijks getoetst en bijgesteld").
        PolicyEvaluation = "policy_evaluation",
        /// July: the IBP manager's report to the board (seed 001 §5.4:
        /// "Rapporteren voortgang m.b.t. doelstellingen IBP-beleid aan bestuur").
        BoardReport = "board_report",
        /// An item the board added itself.
        Custom = "custom",
    }
}

/// One item of the default school year: its kind, due date, owner and source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultItem {
    pub kind: ItemKind,
    pub due_on: Date,
    pub owner: Role,
    /// The seed and section it comes from, as shown beside it.
    pub source: &'static str,
}

/// The default calendar of `year` (1 August to 31 July), built from the
/// seeds: September the consent round and the start of the access review
/// (due 30 September), the first term the DPIA reviews (due 31 December),
/// spring the self-assessment (due 30 April), June the evaluation of the
/// policy (due 30 June), July the board report (due 15 July, before the
/// summer holiday). The IBP manager (ST) owns every item (seed 001 §5.1.2,
/// §5.3: "IBP-planning en controle").
#[must_use]
pub fn default_items(year: SchoolYear) -> Vec<DefaultItem> {
    let (autumn, summer) = (year.start_year(), year.start_year() + 1);
    let item = |kind, due_on, source| DefaultItem { kind, due_on, owner: Role::St, source };
    vec![
        item(ItemKind::ConsentRound, date(autumn, 9, 30), "seed 001 §12.2, §14.4–14.6"),
        item(ItemKind::AccessReview, date(autumn, 9, 30), "seed 001 §13"),
        item(ItemKind::DpiaReviews, date(autumn, 12, 31), "seed 001 §14.15"),
        item(ItemKind::SelfAssessment, date(summer, 4, 30), "seed 001 §6.4"),
        item(ItemKind::PolicyEvaluation, date(summer, 6, 30), "seed 001 §6"),
        item(ItemKind::BoardReport, date(summer, 7, 15), "seed 001 §5.4, §6"),
    ]
}

code_enum! {
    /// The status of a calendar item on a day.
    ItemStatus, "calendar.status_unknown" {
        Open = "open",
        Done = "done",
        /// Not done after its due date.
        Overdue = "overdue",
    }
}

/// An item's status on `today`: done when it is done (ticked by hand or
/// known done from the product), else overdue from the day after its due date.
#[must_use]
pub fn status(done: bool, due_on: Date, today: Date) -> ItemStatus {
    if done {
        ItemStatus::Done
    } else if today > due_on {
        ItemStatus::Overdue
    } else {
        ItemStatus::Open
    }
}

code_enum! {
    /// A reminder to an item's owner; each is sent at most once.
    Reminder, "calendar.reminder_unknown" {
        /// 14 days before the due date.
        TwoWeeks = "two_weeks",
        /// The day before the due date.
        DayBefore = "day_before",
        /// Once, the day after the due date, when it is not done.
        Overdue = "overdue",
    }
}

/// The days before the due date the reminders go out.
pub const REMIND_DAYS: (i32, i32) = (14, 1);

/// The reminder due on `today` for an item not done, due on `due_on`: the
/// overdue notice after the due date, the day-before reminder from 1 day
/// before, the two-week reminder from 14 days before; `None` earlier. A job
/// that did not run on the day itself still sends the latest one due.
#[must_use]
pub fn reminder_due(due_on: Date, today: Date) -> Option<Reminder> {
    if today > due_on {
        return Some(Reminder::Overdue);
    }
    let left = (due_on - today).get_days();
    if left <= REMIND_DAYS.1 {
        Some(Reminder::DayBefore)
    } else if left <= REMIND_DAYS.0 {
        Some(Reminder::TwoWeeks)
    } else {
        None
    }
}

/// The school year a label `2026-2027` names.
///
/// # Errors
/// `calendar.school_year_format` for anything but two consecutive years.
pub fn parse_school_year(text: &str) -> Result<SchoolYear, crate::Invalid> {
    let invalid = || crate::Invalid::new("calendar.school_year_format");
    let (first, second) = text.trim().split_once('-').ok_or_else(invalid)?;
    let (first, second): (i16, i16) = (first.parse().map_err(|_| invalid())?, second.parse().map_err(|_| invalid())?);
    if !(2000..=2100).contains(&first) || second != first + 1 {
        return Err(invalid());
    }
    Ok(SchoolYear::starting_in(first))
}

/// The day twelve months before `today`: who attended nothing since is
/// shown as "not reached" (seed 001 §6.1: awareness is kept up continuously;
/// seed 004: a refresher every school year).
#[must_use]
pub fn a_year_before(today: Date) -> Date {
    today.checked_sub(jiff::Span::new().years(1)).unwrap_or(today)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_year_runs_from_september_to_july() {
        let items = default_items(SchoolYear::starting_in(2026));
        let kinds: Vec<&str> = items.iter().map(|i| i.kind.code()).collect();
        assert_eq!(
            kinds,
            ["consent_round", "access_review", "dpia_reviews", "self_assessment", "policy_evaluation", "board_report"]
        );
        assert_eq!(items[0].due_on, date(2026, 9, 30));
        assert_eq!(items[2].due_on, date(2026, 12, 31));
        assert_eq!(items[5].due_on, date(2027, 7, 15));
        let year = SchoolYear::starting_in(2026);
        assert!(items.iter().all(|i| (year.first_day()..=year.last_day()).contains(&i.due_on)));
    }

    #[test]
    fn an_item_is_overdue_from_the_day_after_its_due_date_unless_done() {
        let due = date(2026, 9, 30);
        assert_eq!(status(false, due, date(2026, 9, 30)), ItemStatus::Open);
        assert_eq!(status(false, due, date(2026, 10, 1)), ItemStatus::Overdue);
        assert_eq!(status(true, due, date(2026, 10, 1)), ItemStatus::Done);
    }

    #[test]
    fn reminders_go_two_weeks_and_one_day_before_and_once_overdue() {
        let due = date(2026, 12, 31);
        assert_eq!(reminder_due(due, date(2026, 12, 16)), None);
        assert_eq!(reminder_due(due, date(2026, 12, 17)), Some(Reminder::TwoWeeks));
        assert_eq!(reminder_due(due, date(2026, 12, 29)), Some(Reminder::TwoWeeks));
        assert_eq!(reminder_due(due, date(2026, 12, 30)), Some(Reminder::DayBefore));
        assert_eq!(reminder_due(due, date(2026, 12, 31)), Some(Reminder::DayBefore));
        assert_eq!(reminder_due(due, date(2027, 1, 1)), Some(Reminder::Overdue));
    }

    #[test]
    fn a_school_year_is_written_as_two_consecutive_years() {
        assert_eq!(parse_school_year("2026-2027").map(SchoolYear::start_year), Ok(2026));
        for bad in ["2026", "2026-2028", "dit jaar", "2026-"] {
            assert!(parse_school_year(bad).is_err(), "{bad}");
        }
    }
}
