use super::*;
use jiff::civil::date;

fn p(text: &str) -> Period {
    text.parse().unwrap()
}

fn default(code: RuleCode) -> Rule {
    default_rules().into_iter().find(|r| r.code == code).unwrap()
}

/// The due date of the default `code` rule for an item triggered on `trigger`.
fn due(code: RuleCode, trigger: Date) -> Date {
    default(code).due_date(trigger)
}

fn draft(rule: &Rule) -> RuleDraft {
    RuleDraft {
        code: rule.code.code().to_owned(),
        category: rule.category.code().to_owned(),
        subject: rule.subject.code().to_owned(),
        trigger: rule.trigger.code().to_owned(),
        period: rule.period.to_string(),
        action: rule.action.code().to_owned(),
        source_kind: rule.source.kind.code().to_owned(),
        source_text: rule.source.text.clone(),
        source_url: rule.source.url.clone(),
    }
}

fn errors(draft: &RuleDraft) -> Vec<(&'static str, &'static str, Option<String>)> {
    validate(draft).unwrap_err().into_iter().map(|e| (e.field, e.invalid.code, e.value)).collect()
}

// Periods: parsing, errors, display.

#[test]
fn the_periods_of_the_seeds_parse_and_print_back_the_same() {
    for text in ["P2Y", "P3Y", "P5Y", "P4W", "P6M", "P30D", "P1Y6M", "P1D", "P2W3D", "P1Y2M3W4D"] {
        assert_eq!(p(text).to_string(), text);
    }
    assert_eq!(p("P1Y6M").parts(), (1, 6, 0, 0));
    assert_eq!(p("P4W").parts(), (0, 0, 4, 0));
}

#[test]
fn a_period_is_read_leniently_and_printed_canonically() {
    assert_eq!(p("  p2y ").to_string(), "P2Y");
    assert_eq!(p("P02Y").to_string(), "P2Y");
    assert_eq!(p("P0Y6M").to_string(), "P6M");
    assert_eq!(p("P0D").to_string(), "P0D");
    assert!(p("P0Y").is_zero());
    // Weeks are kept as weeks: the board reads back what it wrote.
    assert_ne!(p("P4W"), p("P28D"));
    assert_eq!(p("P4W").after(date(2026, 3, 1)), p("P28D").after(date(2026, 3, 1)));
}

#[test]
fn a_bad_period_says_what_is_wrong() {
    use PeriodError as E;
    let cases = [
        ("", E::Empty),
        ("   ", E::Empty),
        ("-P2Y", E::Negative),
        ("P-2Y", E::Negative),
        ("2Y", E::MissingDesignator),
        ("2 jaar", E::MissingDesignator),
        ("P", E::NoComponents),
        ("PT4H", E::TimeNotSupported),
        ("P1DT12H", E::TimeNotSupported),
        ("P1.5Y", E::Fraction),
        ("P1,5Y", E::Fraction),
        ("P2J", E::UnknownUnit('J')),
        ("P2Y 6M", E::UnknownUnit(' ')),
        ("PY", E::MissingNumber('Y')),
        ("P2", E::MissingUnit),
        ("P1Y2", E::MissingUnit),
        ("P1Y1Y", E::RepeatedUnit('Y')),
        ("P6M1Y", E::UnitOrder('Y')),
        ("P1D1W", E::UnitOrder('W')),
        ("P10000Y", E::TooLarge('Y')),
        ("P99999999999999999999D", E::TooLarge('D')),
    ];
    for (text, error) in cases {
        assert_eq!(text.parse::<Period>(), Err(error), "{text:?}");
    }
    assert_eq!(E::UnknownUnit('J').to_string(), "unknown unit 'J': use Y (years), M (months), W (weeks) or D (days)");
    assert_eq!(E::UnitOrder('Y').code(), "retention.period.unit_order");
    assert_eq!(Period::new(0, 10_000, 0, 0), Err(E::TooLarge('M')));
}

#[test]
fn a_period_serialises_as_its_iso_text() {
    assert_eq!(serde_json::to_value(p("P1Y6M")).unwrap(), serde_json::json!("P1Y6M"));
    assert_eq!(serde_json::from_value::<Period>(serde_json::json!("P4W")).unwrap(), Period::weeks(4));
    let error = serde_json::from_value::<Period>(serde_json::json!("4 weken")).unwrap_err();
    assert!(error.to_string().contains("starts with P"), "{error}");
}

// Calendar arithmetic.

#[test]
fn years_from_29_february_end_on_28_february_and_on_29_in_a_leap_year() {
    assert_eq!(p("P1Y").after(date(2024, 2, 29)), date(2025, 2, 28));
    assert_eq!(p("P2Y").after(date(2024, 2, 29)), date(2026, 2, 28));
    assert_eq!(p("P4Y").after(date(2024, 2, 29)), date(2028, 2, 29));
    assert_eq!(p("P5Y").after(date(2024, 2, 29)), date(2029, 2, 28));
    assert_eq!(p("P12M").after(date(2024, 2, 29)), date(2025, 2, 28));
}

#[test]
fn months_from_a_month_end_clamp_to_the_last_day_of_the_target_month() {
    assert_eq!(p("P1M").after(date(2025, 1, 31)), date(2025, 2, 28));
    assert_eq!(p("P1M").after(date(2024, 1, 31)), date(2024, 2, 29));
    assert_eq!(p("P1M").after(date(2025, 3, 31)), date(2025, 4, 30));
    assert_eq!(p("P6M").after(date(2025, 8, 31)), date(2026, 2, 28));
    assert_eq!(p("P3M").after(date(2025, 11, 30)), date(2026, 2, 28));
    // A day that exists is kept.
    assert_eq!(p("P1M").after(date(2025, 1, 28)), date(2025, 2, 28));
    assert_eq!(p("P6M").after(date(2025, 7, 10)), date(2026, 1, 10));
}

#[test]
fn years_and_months_are_added_in_one_step_then_weeks_and_days() {
    // 31 August + 18 months = 28 February: one step, not year then month.
    assert_eq!(p("P1Y6M").after(date(2024, 8, 31)), date(2026, 2, 28));
    // 29 February 2024 + 13 months = 29 March 2025 (not 28 March).
    assert_eq!(p("P1Y1M").after(date(2024, 2, 29)), date(2025, 3, 29));
    // The months clamp first, then the days count on: 31 January + 1 month
    // = 28 February, + 1 day = 1 March.
    assert_eq!(p("P1M1D").after(date(2025, 1, 31)), date(2025, 3, 1));
    assert_eq!(p("P1M1D").after(date(2024, 1, 31)), date(2024, 3, 1));
    assert_eq!(p("P4W").after(date(2026, 2, 10)), date(2026, 3, 10));
    assert_eq!(p("P4W").after(date(2028, 2, 10)), date(2028, 3, 9));
    assert_eq!(p("P30D").after(date(2026, 12, 15)), date(2027, 1, 14));
    assert_eq!(p("P2W3D").after(date(2026, 1, 1)), date(2026, 1, 18));
}

#[test]
fn a_due_date_beyond_the_calendar_saturates() {
    assert_eq!(p("P9999Y").after(date(2026, 1, 1)), Date::MAX);
    assert_eq!(p("P9999D").after(date(9999, 1, 1)), Date::MAX);
}

// Every default rule: its period and trigger, as due dates.

#[test]
fn the_pupil_file_goes_two_years_after_the_pupil_left() {
    let rule = default(RuleCode::PupilFile);
    assert_eq!((rule.category, rule.subject, rule.trigger), (Category::PupilFile, Subject::Pupil, Trigger::LeftSchool));
    assert_eq!(rule.action, EndAction::Destroy);
    assert_eq!(due(RuleCode::PupilFile, date(2026, 7, 10)), date(2028, 7, 10));
    assert_eq!(due(RuleCode::PupilFile, date(2024, 2, 29)), date(2026, 2, 28));
    assert!(rule.source.text.contains("2 jaar nadat de leerling de school verlaten heeft"));
}

#[test]
fn the_special_education_pupil_file_goes_three_years_after_deregistration() {
    let rule = default(RuleCode::PupilFileSpecialEducation);
    assert_eq!((rule.category, rule.trigger), (Category::PupilFile, Trigger::LeftSchool));
    assert_eq!(due(RuleCode::PupilFileSpecialEducation, date(2026, 7, 10)), date(2029, 7, 10));
    assert!(rule.source.text.contains("3 jaar na uitschrijving") && rule.source.text.contains("SBO 3 jaar"));
}

#[test]
fn enrolment_and_absence_data_go_five_years_after_deregistration() {
    let rule = default(RuleCode::EnrolmentAndAbsence);
    assert_eq!((rule.category, rule.trigger), (Category::EnrolmentAndAbsence, Trigger::LeftSchool));
    assert_eq!(due(RuleCode::EnrolmentAndAbsence, date(2024, 7, 10)), date(2029, 7, 10));
    // The same date the erasure rules keep enrolment data until.
    let keep = crate::requests::erasure_verdict(
        crate::requests::ErasureItem::Enrolment,
        Some(date(2024, 7, 10)),
        date(2026, 1, 1),
    );
    assert_eq!(
        keep,
        crate::requests::ErasureVerdict::Keep {
            reason: crate::requests::KeepReason::EnrolmentRetention,
            until: Some(due(RuleCode::EnrolmentAndAbsence, date(2024, 7, 10))),
        }
    );
}

#[test]
fn former_pupils_contact_details_are_reviewed_when_the_pupil_file_goes() {
    let rule = default(RuleCode::ContactDetails);
    assert_eq!(
        (rule.category, rule.trigger, rule.action),
        (Category::ContactDetails, Trigger::LeftSchool, EndAction::Review)
    );
    assert_eq!(rule.source.kind, SourceKind::ProductProposal);
    assert_eq!(due(RuleCode::ContactDetails, date(2026, 7, 10)), due(RuleCode::PupilFile, date(2026, 7, 10)));
    assert!(rule.source.text.contains("reünies"));
}

#[test]
fn a_child_not_admitted_is_deleted_two_years_after_the_decision() {
    let rule = default(RuleCode::ApplicationNotAdmitted);
    assert_eq!(
        (rule.category, rule.subject, rule.trigger),
        (Category::Application, Subject::Applicant, Trigger::NotAdmitted)
    );
    assert_eq!(due(RuleCode::ApplicationNotAdmitted, date(2026, 3, 31)), date(2028, 3, 31));
    assert!(rule.source.text.contains("§10.4"));
}

#[test]
fn camera_footage_goes_four_weeks_after_it_was_recorded() {
    let rule = default(RuleCode::CameraFootage);
    assert_eq!(
        (rule.category, rule.trigger, rule.action),
        (Category::CameraFootage, Trigger::Recorded, EndAction::Destroy)
    );
    assert_eq!(due(RuleCode::CameraFootage, date(2026, 9, 7)), date(2026, 10, 5));
    let on = |day| status(Some(date(2026, 9, 7)), &rule, &[], None, day).status;
    assert_eq!(on(date(2026, 10, 4)), Status::Pending);
    assert_eq!(on(date(2026, 10, 5)), Status::Due);
}

#[test]
fn camera_footage_of_an_incident_is_kept_until_its_handling_ends() {
    let rule = default(RuleCode::CameraFootage);
    let incident = Hold { kind: HoldKind::Incident, placed_on: date(2026, 9, 20), released_on: None };
    let recorded = Some(date(2026, 9, 7));
    assert_eq!(status(recorded, &rule, &[incident], None, date(2026, 12, 1)).status, Status::Held);
    let handled = Hold { released_on: Some(date(2026, 12, 2)), ..incident };
    assert_eq!(status(recorded, &rule, &[handled], None, date(2026, 12, 1)).status, Status::Held);
    assert_eq!(status(recorded, &rule, &[handled], None, date(2026, 12, 2)).status, Status::Due);
}

#[test]
fn a_staff_account_goes_the_day_after_employment_ends() {
    let rule = default(RuleCode::StaffAccount);
    assert_eq!((rule.subject, rule.trigger), (Subject::Staff, Trigger::EmploymentEnded));
    // Employment ends on Friday 31 July 2026: due Saturday, before the
    // first working day the seed allows (Monday 3 August).
    assert_eq!(due(RuleCode::StaffAccount, date(2026, 7, 31)), date(2026, 8, 1));
    assert!(rule.source.text.contains("eerstvolgende werkdag"));
}

#[test]
fn consent_history_is_kept_five_years_after_the_consent_ended() {
    let rule = default(RuleCode::ConsentHistory);
    assert_eq!((rule.trigger, rule.action), (Trigger::ConsentEnded, EndAction::Destroy));
    assert_eq!(due(RuleCode::ConsentHistory, date(2026, 10, 1)), date(2031, 10, 1));
    assert!(rule.source.text.contains("art. 7 lid 1"));
}

#[test]
fn an_incident_file_is_kept_five_years_after_closing() {
    let rule = default(RuleCode::IncidentFile);
    assert_eq!((rule.subject, rule.trigger), (Subject::IncidentFile, Trigger::IncidentClosed));
    assert_eq!(due(RuleCode::IncidentFile, date(2026, 2, 3)), date(2031, 2, 3));
    assert!(rule.source.text.contains("art. 33 lid 5") && rule.source.text.contains("5:45"));
}

#[test]
fn a_request_file_is_kept_one_year_after_completion() {
    let rule = default(RuleCode::RequestFile);
    assert_eq!((rule.subject, rule.trigger), (Subject::RequestFile, Trigger::RequestCompleted));
    assert_eq!(due(RuleCode::RequestFile, date(2026, 5, 20)), date(2027, 5, 20));
    // Longer than the six weeks to object or petition the court.
    assert!(due(RuleCode::RequestFile, date(2026, 5, 20)) > p("P6W").after(date(2026, 5, 20)));
}

#[test]
fn audit_entries_are_anonymised_after_five_years() {
    let rule = default(RuleCode::AuditEntry);
    assert_eq!((rule.trigger, rule.action), (Trigger::Recorded, EndAction::Anonymise));
    assert_eq!(due(RuleCode::AuditEntry, date(2026, 1, 15)), date(2031, 1, 15));
    // The proof outlives the request file it accounts for.
    assert!(due(RuleCode::AuditEntry, date(2026, 5, 20)) > due(RuleCode::RequestFile, date(2026, 5, 20)));
}

#[test]
fn outbox_mails_go_three_months_after_they_were_written() {
    let rule = default(RuleCode::OutboxMail);
    assert_eq!(rule.trigger, Trigger::Recorded);
    assert_eq!(due(RuleCode::OutboxMail, date(2026, 11, 30)), date(2027, 2, 28));
    // A reminder for an extended request outlives its last deadline day.
    let received = date(2026, 3, 2);
    let last = crate::deadlines::request_deadlines(received, &crate::holidays::HolidayCalendar::statutory());
    assert!(due(RuleCode::OutboxMail, received) >= last.extended_deadline);
}

#[test]
fn sessions_go_thirty_days_after_they_ended() {
    let rule = default(RuleCode::Session);
    assert_eq!(rule.trigger, Trigger::SessionEnded);
    assert_eq!(due(RuleCode::Session, date(2026, 1, 31)), date(2026, 3, 2));
}

#[test]
fn there_is_one_default_per_rule_code_each_valid_with_its_source() {
    let rules = default_rules();
    let codes: Vec<RuleCode> = rules.iter().map(|r| r.code).collect();
    assert_eq!(codes, RuleCode::ALL);
    for rule in &rules {
        assert_eq!(validate(&draft(rule)), Ok(rule.clone()), "{}", rule.code.code());
        assert_eq!(rule.category, rule.code.category());
        assert!(rule.category.triggers().contains(&rule.trigger), "{}", rule.code.code());
        assert!(rule.source.url.as_deref().is_some_and(|u| u.starts_with("https://")));
    }
    // The product's own data are proposals, and say so.
    let proposals: Vec<&str> =
        rules.iter().filter(|r| r.source.kind == SourceKind::ProductProposal).map(|r| r.code.code()).collect();
    assert_eq!(
        proposals,
        [
            "contact_details",
            "consent_history",
            "incident_file",
            "request_file",
            "audit_entry",
            "outbox_mail",
            "session"
        ]
    );
    for rule in
        rules.iter().filter(|r| r.source.kind == SourceKind::ProductProposal && r.code != RuleCode::ContactDetails)
    {
        assert!(rule.source.text.starts_with("Voorstel van Aantoonbaar."), "{}", rule.code.code());
    }
}

#[test]
fn a_rule_serialises_as_the_contract_row() {
    let json = serde_json::to_value(default(RuleCode::CameraFootage)).unwrap();
    assert_eq!(json["code"], "camera_footage");
    assert_eq!(json["category"], "camera_footage");
    assert_eq!(json["subject"], "camera_footage");
    assert_eq!(json["trigger"], "recorded");
    assert_eq!(json["period"], "P4W");
    assert_eq!(json["action"], "destroy");
    assert_eq!(json["source"]["kind"], "seed");
    assert_eq!(json["source"]["url"], AP_RETENTION_PAGE);
    let back: Rule = serde_json::from_value(json).unwrap();
    assert_eq!(back, default(RuleCode::CameraFootage));
}

// Status transitions.

#[test]
fn an_item_goes_from_pending_to_due_to_held_to_due_again_to_destroyed() {
    let rule = default(RuleCode::PupilFile);
    let left = Some(date(2024, 7, 12));
    let due_date = Some(date(2026, 7, 12));
    let claim = Hold { kind: HoldKind::LegalClaim, placed_on: date(2026, 8, 1), released_on: None };
    let released = Hold { released_on: Some(date(2026, 11, 1)), ..claim };
    let item = |holds: &[Hold], destroyed: Option<Date>, on: Date| status(left, &rule, holds, destroyed, on);

    assert_eq!(item(&[], None, date(2026, 7, 11)), ItemStatus { status: Status::Pending, due_date });
    assert_eq!(item(&[], None, date(2026, 7, 12)), ItemStatus { status: Status::Due, due_date });
    assert_eq!(item(&[claim], None, date(2026, 8, 1)), ItemStatus { status: Status::Held, due_date });
    assert_eq!(item(&[claim], None, date(2030, 1, 1)).status, Status::Held);
    assert_eq!(item(&[released], None, date(2026, 10, 31)).status, Status::Held);
    assert_eq!(item(&[released], None, date(2026, 11, 1)), ItemStatus { status: Status::Due, due_date });
    assert_eq!(item(&[released], Some(date(2026, 11, 15)), date(2026, 11, 14)).status, Status::Due);
    assert_eq!(
        item(&[released], Some(date(2026, 11, 15)), date(2026, 11, 15)),
        ItemStatus { status: Status::Destroyed, due_date }
    );
}

#[test]
fn a_hold_placed_before_the_due_date_keeps_the_item_held_past_it() {
    let rule = default(RuleCode::PupilFile);
    let left = Some(date(2024, 7, 12));
    let request = Hold { kind: HoldKind::OpenRequest, placed_on: date(2026, 6, 1), released_on: None };
    assert_eq!(status(left, &rule, &[request], None, date(2026, 6, 1)).status, Status::Held);
    assert_eq!(status(left, &rule, &[request], None, date(2026, 7, 12)).status, Status::Held);
    // Not yet placed: the hold does not count.
    assert_eq!(status(left, &rule, &[request], None, date(2026, 5, 31)).status, Status::Pending);
    // One of two holds released: still held.
    let law = Hold { kind: HoldKind::Law, placed_on: date(2026, 1, 1), released_on: Some(date(2026, 9, 1)) };
    assert_eq!(status(left, &rule, &[law, request], None, date(2026, 9, 1)).status, Status::Held);
    assert_eq!(status(left, &rule, &[law], None, date(2026, 9, 1)).status, Status::Due);
}

#[test]
fn a_pupil_still_enrolled_has_no_due_date() {
    for rule in pupil_rules(&default_rules(), None, SchoolKind::Regular, SboReading::default()) {
        let item = status(None, rule, &[], None, date(2030, 1, 1));
        assert_eq!(item, ItemStatus { status: Status::Pending, due_date: None }, "{}", rule.code.code());
    }
    // A hold on an enrolled pupil does not make an item held: nothing is due.
    let hold = Hold { kind: HoldKind::Other, placed_on: date(2026, 1, 1), released_on: None };
    let rule = default(RuleCode::PupilFile);
    assert_eq!(status(None, &rule, &[hold], None, date(2026, 2, 1)).status, Status::Pending);
}

#[test]
fn a_leave_date_ahead_has_not_happened_yet() {
    let rule = default(RuleCode::PupilFile);
    let leaves = Some(date(2026, 7, 17));
    assert_eq!(
        status(leaves, &rule, &[], None, date(2026, 7, 16)),
        ItemStatus { status: Status::Pending, due_date: None }
    );
    assert_eq!(status(leaves, &rule, &[], None, date(2026, 7, 17)).due_date, Some(date(2028, 7, 17)));
}

#[test]
fn a_status_serialises_as_its_code() {
    let item = ItemStatus { status: Status::Held, due_date: Some(date(2028, 7, 10)) };
    assert_eq!(serde_json::to_value(item).unwrap(), serde_json::json!({"status": "held", "due_date": "2028-07-10"}));
    let none = ItemStatus { status: Status::Pending, due_date: None };
    assert_eq!(serde_json::to_value(none).unwrap(), serde_json::json!({"status": "pending", "due_date": null}));
}

#[test]
fn an_unreleased_hold_is_reviewed_after_the_set_time() {
    let hold = Hold { kind: HoldKind::Incident, placed_on: date(2026, 1, 31), released_on: None };
    assert_eq!(hold.review_date(p("P6M")), Some(date(2026, 7, 31)));
    assert_eq!(hold.review_date(p("P1M")), Some(date(2026, 2, 28)));
    let released = Hold { released_on: Some(date(2026, 3, 1)), ..hold };
    assert_eq!(released.review_date(p("P6M")), None);
}

// Pupil rules: leave destination and the SBO reading.

fn codes(destination: Option<LeaveDestination>, school: SchoolKind, reading: SboReading) -> Vec<&'static str> {
    pupil_rules(&default_rules(), destination, school, reading).into_iter().map(|r| r.code.code()).collect()
}

#[test]
fn a_pupil_has_a_pupil_file_enrolment_and_contact_details_item_wherever_they_went() {
    use LeaveDestination as L;
    for destination in [None, Some(L::PrimarySchool), Some(L::SecondarySchool), Some(L::Abroad), Some(L::Other)] {
        assert_eq!(
            codes(destination, SchoolKind::Regular, SboReading::ReferredPupil),
            ["pupil_file", "enrolment_and_absence", "contact_details"],
            "{destination:?}"
        );
    }
}

#[test]
fn a_child_not_admitted_has_only_the_application_item() {
    for reading in SboReading::ALL {
        for school in SchoolKind::ALL {
            assert_eq!(codes(Some(LeaveDestination::NotAdmitted), *school, *reading), ["application_not_admitted"]);
        }
    }
}

#[test]
fn under_the_referred_pupil_reading_a_pupil_referred_to_special_education_keeps_three_years() {
    let reading = SboReading::ReferredPupil;
    let referred = Some(LeaveDestination::SpecialEducation);
    assert_eq!(pupil_file_rule(referred, SchoolKind::Regular, reading), RuleCode::PupilFileSpecialEducation);
    // The kind of school does not matter in this reading.
    assert_eq!(pupil_file_rule(referred, SchoolKind::SpecialEducation, reading), RuleCode::PupilFileSpecialEducation);
    let secondary = Some(LeaveDestination::SecondarySchool);
    assert_eq!(pupil_file_rule(secondary, SchoolKind::SpecialEducation, reading), RuleCode::PupilFile);

    let rules = default_rules();
    let file = pupil_rules(&rules, referred, SchoolKind::Regular, reading)[0];
    assert_eq!(file.due_date(date(2026, 7, 10)), date(2029, 7, 10));
    let file = pupil_rules(&rules, secondary, SchoolKind::SpecialEducation, reading)[0];
    assert_eq!(file.due_date(date(2026, 7, 10)), date(2028, 7, 10));
}

#[test]
fn under_the_sbo_school_reading_an_sbo_school_keeps_every_leaver_three_years() {
    let reading = SboReading::SboSchool;
    let referred = Some(LeaveDestination::SpecialEducation);
    let secondary = Some(LeaveDestination::SecondarySchool);
    assert_eq!(pupil_file_rule(referred, SchoolKind::Regular, reading), RuleCode::PupilFile);
    assert_eq!(pupil_file_rule(secondary, SchoolKind::SpecialEducation, reading), RuleCode::PupilFileSpecialEducation);
    assert_eq!(pupil_file_rule(referred, SchoolKind::SpecialEducation, reading), RuleCode::PupilFileSpecialEducation);

    let rules = default_rules();
    let file = pupil_rules(&rules, referred, SchoolKind::Regular, reading)[0];
    assert_eq!(file.due_date(date(2026, 7, 10)), date(2028, 7, 10));
    let file = pupil_rules(&rules, secondary, SchoolKind::SpecialEducation, reading)[0];
    assert_eq!(file.due_date(date(2026, 7, 10)), date(2029, 7, 10));
    // Enrolment data stay 5 years in both readings.
    let items = pupil_rules(&rules, secondary, SchoolKind::SpecialEducation, reading);
    assert_eq!(items[1].due_date(date(2026, 7, 10)), date(2031, 7, 10));
}

#[test]
fn the_default_reading_is_seed_001s() {
    assert_eq!(SboReading::default(), SboReading::ReferredPupil);
    assert_eq!(SboReading::from_code("sbo_school"), Ok(SboReading::SboSchool));
}

#[test]
fn pupil_rules_follow_the_boards_edited_terms() {
    let mut rules = default_rules();
    for rule in &mut rules {
        if rule.code == RuleCode::PupilFileSpecialEducation {
            rule.period = p("P4Y");
        }
    }
    let file =
        pupil_rules(&rules, Some(LeaveDestination::SpecialEducation), SchoolKind::Regular, SboReading::ReferredPupil)
            [0];
    assert_eq!(file.due_date(date(2026, 7, 10)), date(2030, 7, 10));
    // A rule the board's set lacks is left out rather than invented.
    rules.retain(|r| r.code != RuleCode::ContactDetails);
    let left: Vec<RuleCode> =
        pupil_rules(&rules, None, SchoolKind::Regular, SboReading::ReferredPupil).iter().map(|r| r.code).collect();
    assert_eq!(left, [RuleCode::PupilFile, RuleCode::EnrolmentAndAbsence]);
}

// Changes between rule sets.

#[test]
fn identical_rule_sets_have_no_changes() {
    assert!(changes(&default_rules(), &default_rules()).is_empty());
}

#[test]
fn a_changed_period_and_action_are_named_and_move_items() {
    let old = default_rules();
    let mut new = old.clone();
    for rule in &mut new {
        match rule.code {
            RuleCode::PupilFile => {
                rule.period = p("P3Y");
                rule.action = EndAction::KeepBasicDetails;
            }
            RuleCode::CameraFootage => rule.source.text = "Kwaliteitskaart camera's".to_owned(),
            _ => {}
        }
    }
    let found = changes(&old, &new);
    assert_eq!(
        found,
        [
            RuleChange { code: RuleCode::PupilFile, change: ChangeKind::Changed, fields: vec!["period", "action"] },
            RuleChange { code: RuleCode::CameraFootage, change: ChangeKind::Changed, fields: vec!["source"] },
        ]
    );
    assert!(found[0].moves_items());
    assert!(!found[1].moves_items());
}

#[test]
fn added_and_removed_rules_are_reported_and_move_items() {
    let old: Vec<Rule> = default_rules().into_iter().filter(|r| r.code != RuleCode::Session).collect();
    let new: Vec<Rule> = default_rules().into_iter().filter(|r| r.code != RuleCode::OutboxMail).collect();
    let found = changes(&old, &new);
    assert_eq!(
        found,
        [
            RuleChange { code: RuleCode::OutboxMail, change: ChangeKind::Removed, fields: vec![] },
            RuleChange { code: RuleCode::Session, change: ChangeKind::Added, fields: vec![] },
        ]
    );
    assert!(found.iter().all(RuleChange::moves_items));
    let trigger_changed = {
        let mut new = default_rules();
        new[4].trigger = Trigger::Recorded;
        changes(&default_rules(), &new)
    };
    assert_eq!(trigger_changed[0].fields, ["trigger"]);
    assert!(trigger_changed[0].moves_items());
}

// Validation of a board-edited rule.

#[test]
fn a_valid_draft_becomes_a_rule_with_trimmed_text() {
    let mut edited = draft(&default(RuleCode::PupilFile));
    edited.period = " p3y ".to_owned();
    edited.source_kind = "board".to_owned();
    edited.source_text = "  Besluit van het bestuur, 12 maart 2026.  ".to_owned();
    edited.source_url = Some("  ".to_owned());
    let rule = validate(&edited).unwrap();
    assert_eq!(rule.period, Period::years(3));
    assert_eq!(
        rule.source,
        Source { kind: SourceKind::Board, text: "Besluit van het bestuur, 12 maart 2026.".to_owned(), url: None }
    );
}

#[test]
fn unknown_codes_are_named_with_their_field_and_value() {
    let mut bad = draft(&default(RuleCode::PupilFile));
    bad.code = "leerlingdossier".to_owned();
    bad.subject = "ouder".to_owned();
    bad.trigger = "vertrokken".to_owned();
    bad.action = "shred".to_owned();
    bad.source_kind = "wet".to_owned();
    assert_eq!(
        errors(&bad),
        [
            ("code", "retention.code_unknown", Some("leerlingdossier".to_owned())),
            ("subject", "retention.subject_unknown", Some("ouder".to_owned())),
            ("trigger", "retention.trigger_unknown", Some("vertrokken".to_owned())),
            ("action", "retention.action_unknown", Some("shred".to_owned())),
            ("source_kind", "retention.source_kind_unknown", Some("wet".to_owned())),
        ]
    );
    let mut bad = draft(&default(RuleCode::PupilFile));
    bad.category = "pupils".to_owned();
    assert_eq!(errors(&bad), [("category", "retention.category_unknown", Some("pupils".to_owned()))]);
}

#[test]
fn the_period_must_parse_and_be_positive() {
    let mut bad = draft(&default(RuleCode::PupilFile));
    bad.period = "P0Y".to_owned();
    assert_eq!(errors(&bad), [("period", "retention.period.zero", Some("P0Y".to_owned()))]);
    bad.period = "2 jaar".to_owned();
    assert_eq!(errors(&bad), [("period", "retention.period.missing_p", Some("2 jaar".to_owned()))]);
    bad.period = "PT12H".to_owned();
    assert_eq!(errors(&bad), [("period", "retention.period.time_not_supported", Some("PT12H".to_owned()))]);
}

#[test]
fn the_source_text_is_required_and_the_link_must_be_a_web_address() {
    let mut bad = draft(&default(RuleCode::CameraFootage));
    bad.source_text = "   ".to_owned();
    bad.source_url = Some("wetten.overheid.nl".to_owned());
    assert_eq!(
        errors(&bad),
        [
            ("source_text", "retention.source_text_missing", None),
            ("source_url", "retention.source_url_invalid", Some("wetten.overheid.nl".to_owned())),
        ]
    );
    bad.source_text = "x".repeat(MAX_SOURCE_TEXT + 1);
    bad.source_url = Some("https://wetten.overheid.nl/BWBR0005537".to_owned());
    assert_eq!(errors(&bad), [("source_text", "retention.source_text_too_long", None)]);
    for url in ["https://", "https:///x", "https://a b", "ftp://x", "javascript:alert(1)"] {
        bad.source_text = "Bron".to_owned();
        bad.source_url = Some(url.to_owned());
        assert_eq!(errors(&bad), [("source_url", "retention.source_url_invalid", Some(url.to_owned()))], "{url}");
    }
}

#[test]
fn a_rule_must_keep_its_category_and_a_trigger_the_product_can_date() {
    let mut bad = draft(&default(RuleCode::CameraFootage));
    bad.category = "pupil_file".to_owned();
    assert_eq!(
        errors(&bad),
        [("category", "retention.category_mismatch", None), ("trigger", "retention.trigger_not_for_category", None)]
    );
    let mut bad = draft(&default(RuleCode::CameraFootage));
    bad.trigger = "left_school".to_owned();
    assert_eq!(errors(&bad), [("trigger", "retention.trigger_not_for_category", None)]);
    // Seed 002 §10.4 gives no start: a board may count from the application.
    let mut edited = draft(&default(RuleCode::ApplicationNotAdmitted));
    edited.trigger = "recorded".to_owned();
    assert_eq!(validate(&edited).map(|r| r.trigger), Ok(Trigger::Recorded));
}

#[test]
fn every_problem_of_a_draft_is_reported_at_once_in_form_order() {
    let bad = RuleDraft::default();
    let fields: Vec<&str> = errors(&bad).into_iter().map(|(field, _, _)| field).collect();
    assert_eq!(fields, ["code", "category", "subject", "trigger", "period", "action", "source_kind", "source_text"]);
    assert_eq!(errors(&bad)[4], ("period", "retention.period.empty", Some(String::new())));
}

#[test]
fn a_draft_rejects_unknown_fields() {
    let json = serde_json::json!({
        "code": "pupil_file", "category": "pupil_file", "subject": "pupil", "trigger": "left_school",
        "period": "P2Y", "action": "destroy", "source_kind": "seed", "source_text": "x", "termijn": "P2Y"
    });
    let error = serde_json::from_value::<RuleDraft>(json).unwrap_err();
    assert!(error.to_string().contains("termijn"), "{error}");
}

/// The cut-off is exact: every start on or before it is due by the day, the
/// day after it is not, across month ends and 29 February.
#[test]
fn the_latest_start_due_by_a_day_is_exact_around_month_ends_and_leap_days() {
    for period in ["P2Y", "P3Y", "P5Y", "P1M", "P1Y1M", "P4W", "P30D", "P1M2D"] {
        let period = p(period);
        let mut on = date(2027, 1, 25);
        while on <= date(2029, 3, 5) {
            let cutoff = period.latest_start_due_by(on).unwrap();
            assert!(period.after(cutoff) <= on, "{period} {on} {cutoff}");
            let next = cutoff.tomorrow().unwrap();
            assert!(period.after(next) > on, "{period} {on}: {next} is due too");
            on = on.checked_add(jiff::Span::new().days(3)).unwrap();
        }
    }
    // 29 February + P1Y = 28 February: a pupil who left on 29 February 2024 is
    // due on 28 February 2025, as is one who left the day before.
    assert_eq!(p("P1Y").latest_start_due_by(date(2025, 2, 28)), Some(date(2024, 2, 29)));
    assert_eq!(p("P1Y").latest_start_due_by(date(2025, 2, 27)), Some(date(2024, 2, 27)));
}

#[test]
fn each_pupil_rule_knows_the_destinations_it_applies_to() {
    use LeaveDestination::{Abroad, NotAdmitted, Other, PrimarySchool, SecondarySchool, SpecialEducation};
    let regular = SchoolKind::Regular;
    let referred = SboReading::ReferredPupil;
    assert_eq!(
        pupil_destinations(RuleCode::PupilFile, regular, referred),
        [None, Some(PrimarySchool), Some(SecondarySchool), Some(Abroad), Some(Other)]
    );
    assert_eq!(pupil_destinations(RuleCode::PupilFileSpecialEducation, regular, referred), [Some(SpecialEducation)]);
    assert_eq!(pupil_destinations(RuleCode::ApplicationNotAdmitted, regular, referred), [Some(NotAdmitted)]);
    assert_eq!(pupil_destinations(RuleCode::EnrolmentAndAbsence, regular, referred).len(), 6);
    // Read as a term for SBO schools, a regular school keeps every file 2 years.
    assert!(pupil_destinations(RuleCode::PupilFileSpecialEducation, regular, SboReading::SboSchool).is_empty());
    assert!(pupil_destinations(RuleCode::CameraFootage, regular, referred).is_empty());
}

#[test]
fn the_register_tells_where_the_pupil_file_and_contact_details_live_but_not_enrolment_data() {
    use crate::register::DataCategory;
    assert!(Category::PupilFile.register_data().contains(&DataCategory::EducationProgress));
    assert_eq!(Category::ContactDetails.register_data(), [DataCategory::Contact]);
    assert!(Category::EnrolmentAndAbsence.register_data().is_empty());
}
