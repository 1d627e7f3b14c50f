use super::*;
use crate::policy::Role;
use jiff::civil::date;

fn remove_by(ended: Date) -> Date {
    leaver_remove_by(ended, &HolidayCalendar::statutory())
}

#[test]
fn a_leaver_who_ends_on_a_weekday_is_removed_the_next_working_day() {
    // Tuesday 1 December 2026 → Wednesday.
    assert_eq!(remove_by(date(2026, 12, 1)), date(2026, 12, 2));
}

#[test]
fn a_leaver_who_ends_on_friday_or_over_the_weekend_is_removed_on_monday() {
    assert_eq!(remove_by(date(2026, 12, 4)), date(2026, 12, 7));
    assert_eq!(remove_by(date(2026, 12, 5)), date(2026, 12, 7));
    assert_eq!(remove_by(date(2026, 12, 6)), date(2026, 12, 7));
}

#[test]
fn every_kind_of_public_holiday_moves_the_deadline_on() {
    let cases = [
        // New Year's Day, Thursday 1 January 2026.
        (date(2025, 12, 31), date(2026, 1, 2)),
        // Good Friday 3 April 2026, then the weekend and Easter Monday 6 April.
        (date(2026, 4, 2), date(2026, 4, 7)),
        // King's Day, Monday 27 April 2026.
        (date(2026, 4, 24), date(2026, 4, 28)),
        // Liberation Day, Tuesday 5 May 2026.
        (date(2026, 5, 4), date(2026, 5, 6)),
        // Ascension Day, Thursday 14 May 2026.
        (date(2026, 5, 13), date(2026, 5, 15)),
        // Whit Monday, 25 May 2026.
        (date(2026, 5, 22), date(2026, 5, 26)),
        // Christmas Day and Boxing Day, Thursday and Friday 25–26 December 2025.
        (date(2025, 12, 24), date(2025, 12, 29)),
        // King's Day 2025 fell on Sunday 27 April and moved to Saturday 26 April.
        (date(2025, 4, 25), date(2025, 4, 28)),
    ];
    for (ended, expected) in cases {
        assert_eq!(remove_by(ended), expected, "ended {ended}");
    }
}

#[test]
fn a_day_the_board_equates_with_a_holiday_moves_the_deadline_on() {
    // Friday after Ascension Day 2026, equated by decree in this example.
    let equated = [date(2026, 5, 15)];
    let calendar = HolidayCalendar::new(&equated);
    assert_eq!(leaver_remove_by(date(2026, 5, 13), &calendar), date(2026, 5, 18));
    assert_eq!(remove_by(date(2026, 5, 13)), date(2026, 5, 15));
}

#[test]
fn access_ends_the_day_after_the_last_day_never_after_the_deadline() {
    let ended = date(2026, 12, 4);
    assert_eq!(leaver_access_ends(ended), date(2026, 12, 5));
    assert!(leaver_access_ends(ended) <= remove_by(ended));
}

#[test]
fn a_leaver_is_due_until_the_deadline_late_after_it_and_done_once_removed() {
    let deadline = date(2026, 12, 7);
    assert_eq!(leaver_status(deadline, None, date(2026, 12, 4)), LeaverStatus::Due);
    assert_eq!(leaver_status(deadline, None, deadline), LeaverStatus::Due);
    assert_eq!(leaver_status(deadline, None, date(2026, 12, 8)), LeaverStatus::Late);
    assert_eq!(leaver_status(deadline, Some(date(2026, 12, 9)), date(2026, 12, 8)), LeaverStatus::Late);
    assert_eq!(leaver_status(deadline, Some(date(2026, 12, 9)), date(2026, 12, 9)), LeaverStatus::Done);
    assert!(!removed_on_time(deadline, date(2026, 12, 9)));
    assert!(removed_on_time(deadline, deadline));
}

#[test]
fn a_review_is_due_when_the_interval_has_passed_since_the_last_one() {
    let year = DEFAULT_REVIEW_INTERVAL;
    assert!(review_due(None, year, date(2026, 1, 1)));
    assert!(!review_due(Some(date(2025, 12, 4)), year, date(2026, 12, 3)));
    assert!(review_due(Some(date(2025, 12, 4)), year, date(2026, 12, 4)));
    assert!(review_due(Some(date(2026, 6, 1)), Period::months(6), date(2026, 12, 1)));
    assert_eq!(review_due_on(Some(date(2024, 2, 29)), year), Some(date(2025, 2, 28)));
}

#[test]
fn a_review_interval_longer_than_a_year_or_zero_is_refused() {
    assert!(check_review_interval(Period::months(6)).is_ok());
    assert!(check_review_interval(Period::years(1)).is_ok());
    assert!(check_review_interval(Period::months(12)).is_ok());
    assert_eq!(check_review_interval(Period::months(13)).unwrap_err().code, "access.review_interval.too_long");
    assert_eq!(check_review_interval(Period::days(366)).unwrap_err().code, "access.review_interval.too_long");
    assert_eq!(check_review_interval(Period::days(0)).unwrap_err().code, "access.review_interval.zero");
}

fn matrix() -> Vec<MatrixRow> {
    vec![
        MatrixRow {
            role: Role::Op,
            profile: "Leerkracht".into(),
            rights: vec![Right::View, Right::Change],
            scope: GrantScope::Group,
        },
        MatrixRow {
            role: Role::D,
            profile: "Directie".into(),
            rights: vec![Right::View, Right::Change, Right::Delete],
            scope: GrantScope::School,
        },
    ]
}

#[test]
fn an_account_without_a_person_is_an_orphan() {
    let today = date(2026, 12, 4);
    let found = account_findings(Some("Leerkracht"), None, &matrix(), today, &HolidayCalendar::statutory());
    assert_eq!(found, vec![Finding::Orphan]);
}

#[test]
fn a_profile_the_matrix_gives_none_of_the_roles_is_an_excess_right() {
    let today = date(2026, 12, 4);
    let cal = HolidayCalendar::statutory();
    let teacher = Holder { roles: &[Role::Op], ended: None };
    assert_eq!(account_findings(Some("Directie"), Some(&teacher), &matrix(), today, &cal), vec![Finding::Excess]);
    assert_eq!(account_findings(Some(" leerkracht "), Some(&teacher), &matrix(), today, &cal), vec![]);
    assert_eq!(account_findings(Some("Beheerder"), Some(&teacher), &matrix(), today, &cal), vec![Finding::Excess]);
    // Without a matrix or a profile nothing can be judged excess.
    assert_eq!(account_findings(Some("Beheerder"), Some(&teacher), &[], today, &cal), vec![]);
    assert_eq!(account_findings(None, Some(&teacher), &matrix(), today, &cal), vec![]);
    let both = Holder { roles: &[Role::Op, Role::D], ended: None };
    assert_eq!(account_findings(Some("Directie"), Some(&both), &matrix(), today, &cal), vec![]);
}

#[test]
fn an_account_of_someone_whose_employment_ended_is_a_leavers_account_late_after_the_deadline() {
    let cal = HolidayCalendar::statutory();
    let leaver = Holder { roles: &[Role::Op], ended: Some(date(2026, 12, 4)) };
    // The last day itself: still employed.
    assert_eq!(account_findings(Some("Leerkracht"), Some(&leaver), &matrix(), date(2026, 12, 4), &cal), vec![]);
    let remove_by = date(2026, 12, 7);
    assert_eq!(
        account_findings(Some("Leerkracht"), Some(&leaver), &matrix(), date(2026, 12, 7), &cal),
        vec![Finding::Leaver { remove_by, late: false }]
    );
    assert_eq!(
        account_findings(Some("Directie"), Some(&leaver), &matrix(), date(2026, 12, 8), &cal),
        vec![Finding::Leaver { remove_by, late: true }]
    );
}

#[test]
fn revoke_and_reduce_need_remediation_and_unsure_settles_nothing() {
    assert!(ReviewOutcome::Revoke.needs_remediation());
    assert!(ReviewOutcome::Reduce.needs_remediation());
    assert!(!ReviewOutcome::Keep.needs_remediation());
    assert!(!ReviewOutcome::Unsure.settles());
    assert!(ReviewOutcome::Keep.settles());
}

#[test]
fn reviewers_are_reminded_three_days_before_and_escalated_the_day_after_the_deadline() {
    let deadline = date(2026, 12, 18);
    assert_eq!(review_reminder_on(deadline), date(2026, 12, 15));
    assert!(!review_escalates(deadline, deadline));
    assert!(review_escalates(deadline, date(2026, 12, 19)));
}

#[test]
fn the_on_time_percentage_rounds_down_and_is_absent_without_leavers() {
    assert_eq!(percentage(0, 0), None);
    assert_eq!(percentage(2, 3), Some(66));
    assert_eq!(percentage(199, 200), Some(99));
    assert_eq!(percentage(4, 4), Some(100));
}
