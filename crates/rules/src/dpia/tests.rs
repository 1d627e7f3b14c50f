use super::*;
use crate::register::{DataCategory as D, SubjectCategory as S};

/// Parents' contact data for 40 families: nothing on any list, no criterion.
fn neutral() -> ScreeningFacts {
    ScreeningFacts {
        subjects: vec![S::Parents],
        subject_count: Some(40),
        large_scale: None,
        data_categories: vec![D::Contact],
        techniques: vec![],
    }
}

trait Build {
    fn data(self, data: &[D]) -> Self;
    fn using(self, techniques: &[T]) -> Self;
    fn about(self, subjects: &[S]) -> Self;
    fn large(self) -> Self;
}

impl Build for ScreeningFacts {
    fn data(mut self, data: &[D]) -> Self {
        self.data_categories.extend_from_slice(data);
        self
    }
    fn using(mut self, techniques: &[T]) -> Self {
        self.techniques.extend_from_slice(techniques);
        self
    }
    fn about(mut self, subjects: &[S]) -> Self {
        self.subjects.extend_from_slice(subjects);
        self
    }
    fn large(mut self) -> Self {
        self.large_scale = Some(true);
        self
    }
}

/// `source` applies for `trigger` and not for the neutral facts.
#[track_caller]
fn triggers(source: Source, trigger: &ScreeningFacts) {
    let screening = screen(trigger);
    assert!(screening.applies(source), "{} should apply to {trigger:?}: {screening:?}", source.code());
    assert!(!screen(&neutral()).applies(source), "{} should not apply to the neutral facts", source.code());
}

fn applied(screening: &Screening) -> Vec<String> {
    screening.reasons.iter().filter(|r| r.applies).map(|r| r.source.code()).collect()
}

#[test]
fn the_neutral_facts_need_no_dpia_and_say_why_for_every_criterion() {
    let screening = screen(&neutral());
    assert_eq!(screening.outcome, Outcome::NotRequired);
    assert!(applied(&screening).is_empty(), "{screening:?}");
    let sources: Vec<String> = screening.reasons.iter().map(|r| r.source.code()).collect();
    for n in 1..=9 {
        assert!(sources.contains(&format!("wp248_{n}")), "criterion {n} is accounted for: {sources:?}");
    }
    assert!(sources.contains(&"ap_list".to_owned()) && sources.contains(&"art35_3".to_owned()));
}

// One test per item of the AP list (Stcrt. 2019, 64418).

#[test]
fn ap_1_covert_investigation() {
    triggers(Source::ApList(1), &neutral().using(&[T::Covert]));
}

#[test]
fn ap_2_black_lists() {
    triggers(Source::ApList(2), &neutral().data(&[D::Behaviour]).using(&[T::BlocksService]));
    triggers(Source::ApList(2), &neutral().data(&[D::Criminal]).using(&[T::PartnershipExchange]));
    assert!(!screen(&neutral().data(&[D::Behaviour])).applies(Source::ApList(2)), "kept, not shared or used to refuse");
}

/// Items 3, 6 and 14 turn on a purpose or a data kind the screening does not
/// ask; no facts trigger them, and the reason for an empty list names them.
#[test]
fn ap_3_fraud_control_is_not_asked_and_named_when_nothing_applies() {
    assert!(AP_LIST[2].number == 3 && AP_LIST[2].trigger.is_none());
    let everything = ScreeningFacts {
        subjects: S::ALL.to_vec(),
        subject_count: Some(100_000),
        large_scale: Some(true),
        data_categories: D::ALL.to_vec(),
        techniques: T::ALL.to_vec(),
    };
    assert!(!screen(&everything).applies(Source::ApList(3)));
    assert!(screen(&neutral()).reasons.iter().any(|r| r.code == "dpia.ap.none" && r.source == Source::ApListWhole));
}

#[test]
fn ap_4_credit_scores() {
    triggers(Source::ApList(4), &neutral().data(&[D::Financial]).using(&[T::ScoringPerformance]));
    assert!(!screen(&neutral().data(&[D::Financial])).applies(Source::ApList(4)));
}

#[test]
fn ap_5_financial_situation() {
    triggers(Source::ApList(5), &neutral().data(&[D::Financial]).large());
    assert!(!screen(&neutral().data(&[D::Financial])).applies(Source::ApList(5)), "not at large scale");
}

#[test]
fn ap_6_genetic_data_is_not_asked() {
    assert!(AP_LIST[5].number == 6 && AP_LIST[5].trigger.is_none());
    let health = neutral().data(&[D::Health, D::Biometric]).large();
    assert!(!screen(&health).applies(Source::ApList(6)));
}

#[test]
fn ap_7_health_data_at_large_scale() {
    triggers(Source::ApList(7), &neutral().about(&[S::Pupils]).data(&[D::Health]).large());
    let mut counted = neutral().data(&[D::Health]);
    counted.subject_count = Some(LARGE_SCALE_SUBJECTS);
    triggers(Source::ApList(7), &counted);
    assert!(!screen(&neutral().data(&[D::Health])).applies(Source::ApList(7)), "40 people is not large scale");
}

#[test]
fn ap_8_partnerships_exchanging_sensitive_data() {
    triggers(Source::ApList(8), &neutral().data(&[D::SpecialNeeds]).using(&[T::PartnershipExchange]));
    assert!(!screen(&neutral().using(&[T::PartnershipExchange])).applies(Source::ApList(8)), "contact data only");
}

#[test]
fn ap_9_camera_surveillance() {
    triggers(Source::ApList(9), &neutral().about(&[S::Public]).data(&[D::Images]).using(&[T::CameraPublicArea]));
}

#[test]
fn ap_10_flexible_camera_surveillance() {
    triggers(Source::ApList(10), &neutral().using(&[T::CameraPublicArea, T::LocationTracking]));
    assert!(!screen(&neutral().using(&[T::CameraPublicArea])).applies(Source::ApList(10)), "a fixed camera");
}

#[test]
fn ap_11_monitoring_of_employees() {
    triggers(Source::ApList(11), &neutral().about(&[S::Staff]).using(&[T::StaffMonitoring]));
}

#[test]
fn ap_12_location_data() {
    triggers(Source::ApList(12), &neutral().using(&[T::LocationTracking]));
    triggers(Source::ApList(12), &neutral().data(&[D::Location]).large());
    assert!(!screen(&neutral().data(&[D::Location])).applies(Source::ApList(12)));
}

#[test]
fn ap_13_communication_data() {
    triggers(Source::ApList(13), &neutral().data(&[D::Communications]).large());
    triggers(Source::ApList(13), &neutral().data(&[D::Communications]).using(&[T::StaffMonitoring]));
    assert!(!screen(&neutral().data(&[D::Communications])).applies(Source::ApList(13)));
}

#[test]
fn ap_14_internet_of_things_is_not_asked() {
    assert!(AP_LIST[13].number == 14 && AP_LIST[13].trigger.is_none());
    assert!(!screen(&neutral().using(&[T::NewTechnology]).large()).applies(Source::ApList(14)));
}

#[test]
fn ap_15_profiling_of_pupils_performance() {
    triggers(
        Source::ApList(15),
        &neutral().about(&[S::Pupils]).data(&[D::Performance]).using(&[T::ScoringPerformance]),
    );
}

#[test]
fn ap_16_observing_and_influencing_behaviour() {
    triggers(Source::ApList(16), &neutral().using(&[T::BehaviourInfluencing]));
}

#[test]
fn ap_17_biometric_data_for_identification() {
    triggers(Source::ApList(17), &neutral().using(&[T::BiometricIdentification]));
    triggers(Source::ApList(17), &neutral().data(&[D::Biometric]));
}

#[test]
fn the_ap_table_has_seventeen_items_numbered_in_order() {
    let numbers: Vec<u8> = AP_LIST.iter().map(|r| r.number).collect();
    assert_eq!(numbers, (1..=17).collect::<Vec<u8>>());
}

// One test per case of AVG art. 35 lid 3.

#[test]
fn art35_3_a_evaluation_with_automated_decisions() {
    let facts = neutral().using(&[T::ScoringPerformance, T::AutomatedDecision]);
    triggers(Source::Art35('a'), &facts);
    assert!(!screen(&neutral().using(&[T::ScoringPerformance])).applies(Source::Art35('a')), "no decisions");
}

#[test]
fn art35_3_b_special_or_criminal_data_at_large_scale() {
    triggers(Source::Art35('b'), &neutral().data(&[D::Religion]).large());
    triggers(Source::Art35('b'), &neutral().data(&[D::Criminal]).large());
    assert!(!screen(&neutral().data(&[D::Religion])).applies(Source::Art35('b')), "not large scale");
    assert!(!screen(&neutral().data(&[D::Financial]).large()).applies(Source::Art35('b')), "not special");
}

#[test]
fn art35_3_c_public_area_monitored_at_large_scale() {
    let facts = neutral().about(&[S::Public]).using(&[T::CameraPublicArea]).large();
    triggers(Source::Art35('c'), &facts);
    let screening = screen(&facts);
    assert_eq!(screening.outcome, Outcome::Required);
    assert!(screening.applies(Source::ApList(9)));
    assert!(!screen(&neutral().using(&[T::CameraPublicArea])).applies(Source::Art35('c')), "not large scale");
}

// One test per WP248 criterion.

#[test]
fn wp248_1_evaluation_or_scoring() {
    triggers(Source::Wp248(1), &neutral().using(&[T::ScoringPerformance]));
    triggers(Source::Wp248(1), &neutral().using(&[T::BehaviourInfluencing]));
}

#[test]
fn wp248_2_automated_decision_making() {
    triggers(Source::Wp248(2), &neutral().using(&[T::AutomatedDecision]));
}

#[test]
fn wp248_3_systematic_monitoring() {
    for technique in [T::CameraPublicArea, T::StaffMonitoring, T::LocationTracking, T::Covert] {
        triggers(Source::Wp248(3), &neutral().using(&[technique]));
    }
}

#[test]
fn wp248_4_sensitive_or_highly_personal_data() {
    for data in [D::Health, D::SpecialNeeds, D::Financial, D::Location, D::Communications, D::Behaviour, D::Criminal] {
        triggers(Source::Wp248(4), &neutral().data(&[data]));
    }
    for data in [D::Bsn, D::Identification, D::Performance, D::Images] {
        assert!(!screen(&neutral().data(&[data])).applies(Source::Wp248(4)), "{data:?} is not criterion 4");
    }
}

#[test]
fn wp248_5_large_scale_explicit_or_counted() {
    triggers(Source::Wp248(5), &neutral().large());
    let mut counted = neutral();
    counted.subject_count = Some(4200);
    triggers(Source::Wp248(5), &counted);
    // An explicit answer wins over the count, both ways.
    counted.large_scale = Some(false);
    assert!(!screen(&counted).applies(Source::Wp248(5)));
    let mut unknown = neutral();
    unknown.subject_count = None;
    let screening = screen(&unknown);
    assert!(screening.reasons.iter().any(|r| r.code == "dpia.wp248.large_scale.unknown"), "asks for the number");
    assert!(screen(&neutral()).reasons.iter().any(|r| r.code == "dpia.wp248.large_scale.below"));
}

#[test]
fn wp248_6_matching_or_combining_datasets() {
    triggers(Source::Wp248(6), &neutral().using(&[T::CombiningDatasets]));
}

#[test]
fn wp248_7_vulnerable_data_subjects() {
    for subject in [S::Pupils, S::Staff, S::Applicants] {
        triggers(Source::Wp248(7), &neutral().about(&[subject]));
    }
}

#[test]
fn wp248_8_innovative_use_or_new_technology() {
    triggers(Source::Wp248(8), &neutral().using(&[T::NewTechnology]));
    triggers(Source::Wp248(8), &neutral().using(&[T::BiometricIdentification]));
}

#[test]
fn wp248_9_prevents_exercising_a_right_or_using_a_service() {
    triggers(Source::Wp248(9), &neutral().using(&[T::BlocksService]));
}

// The outcome.

#[test]
fn a_reading_app_for_pupils_with_only_identification_needs_no_dpia_and_names_the_children_criterion() {
    let facts = ScreeningFacts {
        subjects: vec![S::Pupils],
        subject_count: Some(250),
        large_scale: None,
        data_categories: vec![D::Identification],
        techniques: vec![],
    };
    let screening = screen(&facts);
    assert_eq!(screening.outcome, Outcome::NotRequired);
    assert_eq!(applied(&screening), ["wp248_7"]);
    assert!(screening.reasons.iter().any(|r| r.code == "dpia.wp248.count.one" && !r.applies));
    // The criteria that did not apply are written down too.
    assert!(screening.reasons.iter().any(|r| r.code == "dpia.wp248.sensitive_data.absent"));
}

#[test]
fn one_criterion_alone_is_not_required_and_two_are() {
    let one = neutral().using(&[T::CombiningDatasets]);
    assert_eq!(screen(&one).outcome, Outcome::NotRequired);
    let two = one.about(&[S::Staff]);
    let screening = screen(&two);
    assert_eq!(screening.outcome, Outcome::Required);
    assert!(screening.applies(Source::Wp248Count));
    assert!(screening.reasons.iter().any(|r| r.code == "dpia.wp248.count.two_or_more"));
    assert!(!screening.applies(Source::ApListWhole) && !screening.applies(Source::Art35Whole));
}

#[test]
fn scoring_pupils_performance_is_required_by_the_list_and_two_criteria() {
    let facts = neutral().about(&[S::Pupils]).data(&[D::Performance]).using(&[T::ScoringPerformance]);
    let screening = screen(&facts);
    assert_eq!(screening.outcome, Outcome::Required);
    let sources = applied(&screening);
    for source in ["ap_list_15", "wp248_1", "wp248_7", "wp248"] {
        assert!(sources.contains(&source.to_owned()), "{source} in {sources:?}");
    }
}

#[test]
fn new_technology_is_required_by_the_boards_regulation() {
    let screening = screen(&neutral().using(&[T::NewTechnology]));
    assert_eq!(screening.outcome, Outcome::Required);
    assert!(screening.applies(Source::Regulation));
    assert!(!screen(&neutral()).applies(Source::Regulation));
}

#[test]
fn sources_have_stable_codes() {
    let codes: Vec<String> = [Source::ApList(7), Source::Art35('c'), Source::Wp248(7), Source::Regulation]
        .iter()
        .map(|s| s.code())
        .collect();
    assert_eq!(codes, ["ap_list_7", "art35_3_c", "wp248_7", "regulation_3_5"]);
    assert_eq!(Technique::from_code("covert"), Ok(Technique::Covert));
    assert!(Technique::from_code("mind_reading").is_err());
}

#[test]
fn every_reason_code_is_listed() {
    let codes = reason_codes();
    let everything = ScreeningFacts {
        subjects: S::ALL.to_vec(),
        subject_count: None,
        large_scale: Some(true),
        data_categories: D::ALL.to_vec(),
        techniques: T::ALL.to_vec(),
    };
    for facts in [neutral(), everything, ScreeningFacts::default()] {
        for reason in screen(&facts).reasons {
            assert!(codes.contains(&reason.code), "{} missing from reason_codes", reason.code);
        }
    }
}
