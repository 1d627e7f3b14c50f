use super::examples::{Example, aware, edpb_01_2021, known, school_cases, wp250_annex_b};
use super::*;
use serde::de::value::{Error as DeError, MapDeserializer, StrDeserializer};

type C = Confidentiality;
type D = DataCategory;
type Q = Consequence;
type S = Severity;

fn cats(list: &[D]) -> Option<Vec<D>> {
    Some(list.to_vec())
}

fn all_examples() -> Vec<Example> {
    edpb_01_2021().into_iter().chain(wp250_annex_b()).collect()
}

fn unknowns(outcome: &Assessment) -> Vec<&'static str> {
    outcome.rules().filter(|rule| rule.starts_with("unknown.")).collect()
}

#[test]
fn the_engine_reaches_the_conclusion_of_every_regulator_example() {
    let edpb = edpb_01_2021();
    assert_eq!(edpb.len(), 18, "EDPB 01/2021 has 18 cases");
    for (n, case) in edpb.iter().enumerate() {
        assert!(case.source.starts_with(&format!("EDPB 01/2021 case {:02} ", n + 1)), "{}", case.source);
    }
    let examples = all_examples();
    let mut sources: Vec<&str> = examples.iter().map(|e| e.source).collect();
    sources.sort_unstable();
    sources.dedup();
    assert_eq!(sources.len(), examples.len(), "every example has its own source");
    let mut wrong = Vec::new();
    for example in &examples {
        let outcome = assess(&example.facts);
        assert!(outcome.is_breach, "{}", example.source);
        assert_eq!(unknowns(&outcome), Vec::<&str>::new(), "{}: every fact it used is given", example.source);
        let got = (outcome.notify_authority, outcome.notify_subjects);
        if got != (example.authority, example.subjects) {
            let reasons: Vec<String> = outcome.reasons.iter().map(|r| format!("  {}: {}", r.rule, r.text)).collect();
            wrong.push(format!(
                "{} ({}): expected authority {} subjects {}, got {:?}\n{}",
                example.source,
                example.title,
                example.authority,
                example.subjects,
                got,
                reasons.join("\n")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn realistic_school_cases_get_the_expected_outcome() {
    let cases = school_cases();
    assert_eq!(cases.len(), 25);
    for case in cases {
        let outcome = assess(&case.facts);
        let got = (outcome.is_breach, outcome.severity, outcome.notify_authority, outcome.notify_subjects);
        let want = (case.breach, case.severity, case.authority, case.subjects);
        let reasons: Vec<String> = outcome.reasons.iter().map(|r| format!("{}: {}", r.rule, r.text)).collect();
        assert_eq!(got, want, "{}: {}\n{}", case.name, case.why, reasons.join("\n"));
        assert_eq!(unknowns(&outcome), Vec::<&str>::new(), "{}: all facts were known", case.name);
        assert!(outcome.rules().any(|rule| rule == "breach.register"), "{}", case.name);
    }
}

#[test]
fn only_the_unreachable_archive_gets_a_public_announcement() {
    for case in school_cases() {
        let expected = if case.facts.individual_contact_disproportionate == Some(true) {
            SubjectsAlternative::PublicAnnouncement
        } else {
            SubjectsAlternative::None
        };
        assert_eq!(assess(&case.facts).subjects_alternative, expected, "{}", case.name);
    }
}

/// Words that are English and not Dutch ("of" and "is" are both).
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "with",
    "for",
    "to",
    "not",
    "no",
    "guidelines",
    "guideline",
    "breach",
    "notification",
    "notify",
    "data",
    "subject",
    "subjects",
    "risk",
    "high",
    "low",
    "case",
    "example",
    "annex",
    "methodology",
    "overview",
    "seed",
    "unknown",
    "authority",
    "yes",
];

/// A reason text a director can read: no rule code, no brackets, no seed
/// references, no English.
fn check_text(rule: &str, text: &str) -> Result<(), String> {
    let fail = |why: &str| Err(format!("{rule}: {why}: {text}"));
    if text.trim().is_empty() {
        return fail("empty");
    }
    if text.contains('[') || text.contains(']') {
        return fail("brackets");
    }
    if text.contains(rule) {
        return fail("its own rule code");
    }
    let chars: Vec<char> = text.chars().collect();
    for window in chars.windows(3) {
        if window[1] == '.'
            && (window[0].is_ascii_lowercase() || window[0] == '_')
            && (window[2].is_ascii_lowercase() || window[2] == '_')
        {
            return fail("a dotted code");
        }
    }
    if text.contains('_') {
        return fail("an underscore");
    }
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let lower = word.to_lowercase();
        if ENGLISH.contains(&lower.as_str()) {
            return fail(&format!("the English word {word:?}"));
        }
    }
    if !text.ends_with('.') && !text.ends_with(')') {
        return fail("not a whole sentence");
    }
    Ok(())
}

#[test]
fn the_text_checker_catches_codes_and_english() {
    assert!(check_text("x", "[enisa.se] SE = 4,5").is_err());
    assert!(check_text("x", "zie enisa.se voor meer.").is_err());
    assert!(check_text("x", "seed 001 §10.3 zegt het.").is_err());
    assert!(check_text("x", "Guidelines 9/2022 on breach notification.").is_err());
    assert!(check_text("x", "overview of the methodology.").is_err());
    assert!(check_text("authority.notify", "Zie authority.notify.").is_err());
    assert!(
        check_text("x", "AVG art. 34 lid 3 sub a: de gegevens waren versleuteld en de sleutel is niet gelekt.").is_ok()
    );
    assert!(check_text("x", "Niet bekend of de gegevens versleuteld waren; we gaan uit van onversleuteld.").is_ok());
}

#[test]
fn no_reason_text_carries_a_rule_code_or_english() {
    let mut facts: Vec<BreachFacts> = all_examples().into_iter().map(|e| e.facts).collect();
    facts.extend(school_cases().into_iter().map(|c| c.facts));
    facts.push(BreachFacts::default());
    facts.push(BreachFacts { personal_data: Some(true), ..BreachFacts::default() });
    facts.push(BreachFacts { confidentiality: Some(C::KnownRecipient), ..BreachFacts::default() });
    facts.push(BreachFacts {
        confidentiality: Some(C::KnownRecipient),
        trusted_recipient: Some(true),
        malicious: Some(false),
        data_categories: cats(&[D::Credentials, D::Contact]),
        ..BreachFacts::default()
    });
    facts.push(BreachFacts { availability: Some(Availability::Permanent), ..known() });
    let mut failures = Vec::new();
    let mut rules = std::collections::BTreeSet::new();
    for facts in &facts {
        for reason in assess(facts).reasons {
            rules.insert(reason.rule);
            if let Err(why) = check_text(reason.rule, &reason.text) {
                failures.push(why);
            }
        }
    }
    // No text names any rule code either.
    for facts in &facts {
        for reason in assess(facts).reasons {
            for rule in &rules {
                if reason.text.contains(rule) {
                    failures.push(format!("{}: names {rule}", reason.rule));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(rules.len() > 40, "the cases exercise most rules: {rules:?}");
}

#[test]
fn a_reason_displays_as_its_text_and_serializes_as_code_and_text() {
    let reason = Reason { rule: "authority.exempt.encrypted", text: "Niet melden.".to_owned() };
    assert_eq!(reason.to_string(), "Niet melden.");
    assert_eq!(
        record(&reason),
        vec![("code", "authority.exempt.encrypted".to_owned()), ("text", "Niet melden.".to_owned())]
    );
}

#[test]
fn the_brief_example_reads_as_promised() {
    let facts = BreachFacts {
        confidentiality: Some(C::UnknownRecipient),
        encrypted: Some(true),
        data_categories: cats(&[D::Health]),
        ..known()
    };
    let outcome = assess(&facts);
    assert!(!outcome.notify_authority && !outcome.notify_subjects);
    let authority = outcome.reasons.iter().find(|r| r.rule == "authority.exempt.encrypted").unwrap();
    assert!(authority.text.contains("versleuteld"), "{authority}");
    assert!(authority.text.contains("AVG art. 33 lid 1"), "{authority}");
    let subjects = outcome.reasons.iter().find(|r| r.rule == "subjects.exempt.encrypted").unwrap();
    assert!(
        subjects.text.contains("AVG art. 34 lid 3 sub a: de gegevens waren versleuteld en de sleutel is niet gelekt"),
        "{subjects}"
    );
}

// ------------------------------------------------------------------- criteria

fn leak(confidentiality: C, consequences: &[Q]) -> BreachFacts {
    BreachFacts {
        confidentiality: Some(confidentiality),
        recipients: Some(1),
        data_categories: cats(&[D::Identification]),
        consequences: Some(consequences.to_vec()),
        ..known()
    }
}

fn outcome(facts: &BreachFacts) -> (bool, bool) {
    let a = assess(facts);
    (a.notify_authority, a.notify_subjects)
}

#[test]
fn who_has_the_data_and_what_could_happen_decide_confidentiality() {
    // Known recipient: minor no, limited the AP, serious both.
    assert_eq!(outcome(&leak(C::KnownRecipient, &[Q::None])), (false, false));
    assert_eq!(outcome(&leak(C::KnownRecipient, &[Q::Privacy])), (true, false));
    assert_eq!(outcome(&leak(C::KnownRecipient, &[Q::IdentityFraud])), (true, true));
    // Unknown holder: limited stays a risk for a few adults, high for children.
    assert_eq!(outcome(&leak(C::UnknownRecipient, &[Q::Privacy])), (true, false));
    let child = BreachFacts { children: Some(true), ..leak(C::UnknownRecipient, &[Q::Privacy]) };
    assert_eq!(outcome(&child), (true, true));
    let many = BreachFacts { subjects: Some(LARGE_SCALE), ..leak(C::Public, &[Q::UnwantedContact]) };
    assert_eq!(outcome(&many), (true, true));
    // The most serious named consequence counts.
    assert_eq!(outcome(&leak(C::KnownRecipient, &[Q::Privacy, Q::Physical])), (true, true));
    assert_eq!(assess(&leak(C::UnknownRecipient, &[Q::Physical])).severity, S::VeryHigh);
    assert_eq!(assess(&leak(C::KnownRecipient, &[Q::Physical])).severity, S::High);
}

#[test]
fn malice_means_at_least_limited_consequences() {
    let facts = BreachFacts { malicious: Some(true), ..leak(C::KnownRecipient, &[Q::None]) };
    let a = assess(&facts);
    assert_eq!((a.notify_authority, a.notify_subjects), (true, false));
    assert!(a.rules().any(|r| r == "risk.impact.malicious"));
}

#[test]
fn a_trusted_recipient_counts_only_with_confirmed_deletion_and_without_malice() {
    let trusted = |deleted, malicious| BreachFacts {
        trusted_recipient: Some(true),
        recipient_confirmed_deletion: Some(deleted),
        malicious: Some(malicious),
        ..leak(C::KnownRecipient, &[Q::IdentityFraud])
    };
    assert_eq!(outcome(&trusted(true, false)), (false, false));
    assert!(assess(&trusted(true, false)).rules().any(|r| r == "authority.exempt.trusted_recipient"));
    assert_eq!(outcome(&trusted(false, false)), (true, true));
    assert_eq!(outcome(&trusted(true, true)), (true, true));
    // With a BSN the AP is still notified, but there is no high risk.
    let bsn = BreachFacts { data_categories: cats(&[D::NationalId]), ..trusted(true, false) };
    assert_eq!(outcome(&bsn), (true, false));
    assert!(assess(&bsn).rules().any(|r| r == "risk.holder.trusted_special"));
}

#[test]
fn many_recipients_put_the_data_out_of_sight() {
    let list = |recipients| BreachFacts {
        recipients: Some(recipients),
        subjects: Some(20),
        ..leak(C::KnownRecipient, &[Q::Privacy])
    };
    assert_eq!(outcome(&list(LARGE_SCALE - 1)), (true, false));
    assert!(assess(&list(LARGE_SCALE)).rules().any(|r| r == "risk.holder.many_recipients"));
    let children = BreachFacts { children: Some(true), ..list(LARGE_SCALE) };
    assert_eq!(outcome(&children), (true, true));
}

#[test]
fn a_compromised_key_leaves_no_protection() {
    let device = |compromised| BreachFacts {
        confidentiality: Some(C::UnknownRecipient),
        encrypted: Some(true),
        key_compromised: Some(compromised),
        data_categories: cats(&[D::Health]),
        consequences: Some(vec![Q::Discrimination]),
        ..known()
    };
    assert_eq!(outcome(&device(false)), (false, false));
    assert_eq!(outcome(&device(true)), (true, true));
    assert!(assess(&device(true)).rules().any(|r| r == "risk.encryption.key_compromised"));
}

#[test]
fn hashing_protects_the_passwords_only() {
    let leak = |categories: &[D]| BreachFacts {
        confidentiality: Some(C::UnknownRecipient),
        malicious: Some(true),
        hashed_state_of_the_art: Some(true),
        data_categories: cats(categories),
        consequences: Some(vec![Q::IdentityFraud]),
        ..known()
    };
    let only = assess(&leak(&[D::Credentials]));
    assert!(!only.notify_authority);
    assert!(only.rules().any(|r| r == "authority.exempt.hashed"));
    assert!(only.rules().any(|r| r == "subjects.exempt.hashed"));
    let more = assess(&leak(&[D::Credentials, D::Identification]));
    assert!(more.notify_authority && more.notify_subjects);
    assert!(more.rules().any(|r| r == "risk.unreadable.hashed_partly"));
    // Without credentials the hashing question is not asked.
    let none = BreachFacts { hashed_state_of_the_art: None, ..leak(&[D::Identification]) };
    assert!(!unknowns(&assess(&none)).contains(&"unknown.hashed_state_of_the_art"));
}

#[test]
fn nameless_images_weigh_a_step_lighter() {
    let photo = |consequences: &[Q]| BreachFacts {
        data_categories: cats(&[D::Images]),
        ..leak(C::KnownRecipient, consequences)
    };
    assert_eq!(outcome(&photo(&[Q::Reputation])), (true, false));
    assert!(assess(&photo(&[Q::Reputation])).rules().any(|r| r == "risk.impact.images"));
    assert_eq!(outcome(&photo(&[Q::Privacy])), (false, false));
}

#[test]
fn an_outage_is_weighed_by_its_length_what_came_back_and_what_it_did_to_care() {
    let outage = |hours, restored, care| BreachFacts {
        availability: Some(Availability::Temporary),
        unavailable_hours: Some(hours),
        backup_restored: Some(restored),
        care_disrupted: Some(care),
        data_categories: cats(&[D::Health]),
        subjects: Some(5000),
        ..known()
    };
    assert_eq!(outcome(&outage(3.0, true, false)), (false, false));
    assert_eq!(outcome(&outage(LONG_OUTAGE_HOURS, true, false)), (true, false));
    assert_eq!(outcome(&outage(3.0, false, false)), (true, false));
    assert_eq!(outcome(&outage(3.0, true, true)), (true, true));
    assert!(assess(&outage(3.0, true, false)).rules().any(|r| r == "authority.exempt.restored"));
    let lost = BreachFacts { availability: Some(Availability::Permanent), ..outage(3.0, true, false) };
    assert_eq!(outcome(&lost), (true, false));
}

#[test]
fn unknown_care_is_assumed_disrupted_only_for_health_data() {
    let outage = |categories: &[D]| BreachFacts {
        availability: Some(Availability::Temporary),
        unavailable_hours: Some(2.0),
        care_disrupted: None,
        data_categories: cats(categories),
        ..known()
    };
    assert_eq!(outcome(&outage(&[D::Health])), (true, true));
    assert_eq!(outcome(&outage(&[D::Education])), (false, false));
    assert!(unknowns(&assess(&outage(&[D::Education]))).contains(&"unknown.care_disrupted"));
}

#[test]
fn an_unrecoverable_alteration_is_a_risk() {
    let altered = |integrity| BreachFacts { integrity: Some(integrity), ..known() };
    assert_eq!(outcome(&altered(Integrity::AlteredRecoverable)), (false, false));
    assert_eq!(outcome(&altered(Integrity::AlteredUnrecoverable)), (true, false));
    let care = BreachFacts { care_disrupted: Some(true), ..altered(Integrity::AlteredUnrecoverable) };
    assert_eq!(outcome(&care), (true, true));
}

#[test]
fn later_measures_spare_the_people_but_not_the_authority() {
    let facts = BreachFacts { risk_removed_by_measures: Some(true), ..leak(C::UnknownRecipient, &[Q::IdentityFraud]) };
    let a = assess(&facts);
    assert!(a.notify_authority && !a.notify_subjects);
    assert!(a.rules().any(|r| r == "authority.measures_later"));
    assert!(a.rules().any(|r| r == "subjects.exempt.measures"));
}

#[test]
fn named_consequences_below_the_data_sensitivity_are_flagged() {
    let facts = BreachFacts { data_categories: cats(&[D::Health]), ..leak(C::KnownRecipient, &[Q::None]) };
    let a = assess(&facts);
    let named = a.reasons.iter().find(|r| r.rule == "risk.impact.named").unwrap();
    assert!(named.text.contains("Leg vast waarom"), "{named}");
}

#[test]
fn suspected_exfiltration_makes_a_breach_of_confidentiality() {
    let facts = BreachFacts { malicious: Some(true), exfiltration: Some(Exfiltration::Suspected), ..known() };
    let a = assess(&facts);
    assert!(a.is_breach);
    assert!(a.rules().any(|rule| rule == "breach.exfiltration"));
    assert!(a.rules().any(|rule| rule == "risk.holder.unknown"));
}

// ------------------------------------------------------------------ deadline

#[test]
fn the_deadline_is_72_hours_after_awareness_in_dutch_time() {
    let deadline = authority_deadline("2026-11-20T09:00:00+01:00".parse().unwrap());
    assert_eq!(rfc3339(&deadline), "2026-11-23T09:00:00+01:00");
    assert_eq!(deadline.time_zone().iana_name(), Some("Europe/Amsterdam"));
}

#[test]
fn the_deadline_hour_shifts_forward_across_the_march_clock_change() {
    // Summer time starts on 29 March 2026: 72 elapsed hours end at 10:00 CEST.
    let deadline = authority_deadline("2026-03-27T09:00:00+01:00".parse().unwrap());
    assert_eq!(rfc3339(&deadline), "2026-03-30T10:00:00+02:00");
}

#[test]
fn the_deadline_hour_shifts_back_across_the_october_clock_change() {
    // Winter time starts on 25 October 2026: 72 elapsed hours end at 08:00 CET.
    let deadline = authority_deadline("2026-10-23T09:00:00+02:00".parse().unwrap());
    assert_eq!(rfc3339(&deadline), "2026-10-26T08:00:00+01:00");
}

#[test]
fn the_assessment_carries_the_deadline_and_says_it_in_dutch() {
    let a = assess(&leak(C::UnknownRecipient, &[Q::IdentityFraud]));
    assert_eq!(aware(), "2026-11-20T09:00:00+01:00".parse::<Timestamp>().unwrap());
    assert_eq!(a.authority_deadline.as_ref().map(rfc3339).as_deref(), Some("2026-11-23T09:00:00+01:00"));
    let reason = a.reasons.iter().find(|r| r.rule == "authority.deadline").unwrap();
    assert!(reason.text.contains("maandag 23-11-2026 09:00"), "{reason}");
    assert!(reason.text.contains("vrijdag 20-11-2026 09:00"), "{reason}");
}

#[test]
fn without_a_moment_of_awareness_there_is_no_deadline() {
    let facts = BreachFacts { aware_at: None, ..leak(C::UnknownRecipient, &[Q::IdentityFraud]) };
    let a = assess(&facts);
    assert_eq!(a.authority_deadline, None);
    assert!(a.rules().any(|rule| rule == "unknown.aware_at"));
}

// ------------------------------------------------------------- unknown facts

#[test]
fn an_omitted_fact_is_reported_as_unknown_with_the_safe_assumption() {
    let facts = BreachFacts { confidentiality: None, consequences: Some(vec![Q::Privacy]), ..known() };
    let a = assess(&facts);
    let reason = a.reasons.iter().find(|r| r.rule == "unknown.confidentiality").unwrap();
    assert!(reason.text.contains("onbekende ontvangers"), "{reason}");
    assert!(a.is_breach && a.notify_authority);
}

#[test]
fn an_empty_form_assumes_the_worst_and_says_so_for_every_fact_it_used() {
    let a = assess(&BreachFacts::default());
    assert!(a.is_breach);
    assert_eq!(a.severity, S::VeryHigh);
    assert!(a.notify_authority);
    assert!(a.notify_subjects);
    assert_eq!(a.authority_deadline, None);
    let unknown = unknowns(&a);
    for field in [
        "personal_data",
        "malicious",
        "confidentiality",
        "exfiltration",
        "integrity",
        "availability",
        "data_categories",
        "encrypted",
        "consequences",
        "care_disrupted",
        "aware_at",
        "risk_removed_by_measures",
        "individual_contact_disproportionate",
    ] {
        assert!(unknown.contains(&format!("unknown.{field}").as_str()), "{field} missing from {unknown:?}");
    }
    // Facts the answers made irrelevant are not reported.
    for field in ["key_compromised", "vulnerable", "recipients", "trusted_recipient", "hashed_state_of_the_art"] {
        assert!(!unknown.contains(&format!("unknown.{field}").as_str()), "{field} in {unknown:?}");
    }
}

#[test]
fn unknown_facts_of_a_known_recipient_assume_many_untrusted_recipients() {
    let facts = BreachFacts {
        confidentiality: Some(C::KnownRecipient),
        recipients: None,
        trusted_recipient: None,
        consequences: Some(vec![Q::Privacy]),
        ..known()
    };
    let a = assess(&facts);
    let unknown = unknowns(&a);
    assert!(unknown.contains(&"unknown.recipients") && unknown.contains(&"unknown.trusted_recipient"));
    assert!(!unknown.contains(&"unknown.recipient_confirmed_deletion"), "asked only of a trusted recipient");
    assert!(a.rules().any(|r| r == "risk.holder.many_recipients"));
}

// --------------------------------------------------------- the facts contract

#[test]
fn every_fact_code_is_its_serde_name_and_unknown_values_are_rejected() {
    fn parse<'de, T: Deserialize<'de>>(code: &'de str) -> Result<T, DeError> {
        T::deserialize(StrDeserializer::<DeError>::new(code))
    }
    for c in Confidentiality::ALL {
        assert_eq!(parse::<Confidentiality>(c.code()), Ok(*c));
    }
    for c in Integrity::ALL {
        assert_eq!(parse::<Integrity>(c.code()), Ok(*c));
    }
    for c in Availability::ALL {
        assert_eq!(parse::<Availability>(c.code()), Ok(*c));
    }
    for c in Exfiltration::ALL {
        assert_eq!(parse::<Exfiltration>(c.code()), Ok(*c));
    }
    for c in DataCategory::ALL {
        assert_eq!(parse::<DataCategory>(c.code()), Ok(*c));
    }
    for c in Consequence::ALL {
        assert_eq!(parse::<Consequence>(c.code()), Ok(*c));
    }
    for c in Severity::ALL {
        assert_eq!(parse::<Severity>(c.code()), Ok(*c));
    }
    let err = parse::<Confidentiality>("nobody").unwrap_err().to_string();
    assert!(err.contains("unknown variant `nobody`"), "{err}");
    assert!(parse::<DataCategory>("Health").is_err());
    assert!(parse::<Consequence>("shame").is_err());
    assert!(parse::<Timestamp>("2026-11-20T09:00:00+01:00").is_ok());
    assert!(parse::<Timestamp>("20-11-2026 09:00").is_err());
}

#[test]
fn the_existing_codes_are_kept() {
    let codes = |all: &[&str]| all.join(",");
    assert_eq!(
        codes(&Confidentiality::ALL.iter().map(|c| c.code()).collect::<Vec<_>>()),
        "none,known_recipient,unknown_recipient,public"
    );
    assert_eq!(codes(&Severity::ALL.iter().map(|c| c.code()).collect::<Vec<_>>()), "none,low,medium,high,very_high");
    assert_eq!(DataCategory::ALL.len(), 13);
}

fn facts_from_keys(keys: &[&'static str]) -> Result<BreachFacts, DeError> {
    let entries = keys.iter().map(|key| (*key, ()));
    BreachFacts::deserialize(MapDeserializer::<_, DeError>::new(entries))
}

#[test]
fn unknown_fields_are_rejected_and_known_ones_may_be_null() {
    let err = facts_from_keys(&["colour"]).unwrap_err().to_string();
    assert!(err.contains("unknown field `colour`"), "{err}");
    let every: Vec<&'static str> = QUESTIONS.iter().map(|q| q.field).collect();
    assert_eq!(facts_from_keys(&every), Ok(BreachFacts::default()));
}

#[test]
fn the_decision_tree_asks_for_every_fact_exactly_once() {
    let err = facts_from_keys(&["?"]).unwrap_err().to_string();
    let listed = err.split("expected one of").nth(1).unwrap();
    let mut fields: Vec<&str> = listed.split('`').skip(1).step_by(2).collect();
    let mut asked: Vec<&str> = QUESTIONS.iter().map(|q| q.field).collect();
    fields.sort_unstable();
    asked.sort_unstable();
    assert_eq!(fields.len(), 23);
    assert_eq!(asked, fields);
    for question in QUESTIONS {
        if let Some(condition) = question.only_if {
            let earlier = QUESTIONS.iter().position(|q| q.field == condition.field);
            let here = QUESTIONS.iter().position(|q| q.field == question.field);
            assert!(earlier < here, "{} depends on a later question", question.field);
        }
        assert!(question.text.ends_with('?'), "{}", question.field);
    }
}

#[test]
fn every_choice_of_the_decision_tree_is_a_valid_fact_value() {
    fn parses<T: serde::de::DeserializeOwned>(value: &str) -> bool {
        T::deserialize(StrDeserializer::<DeError>::new(value)).is_ok()
    }
    for question in QUESTIONS {
        let (AnswerKind::OneOf(choices) | AnswerKind::ManyOf(choices)) = question.answer else { continue };
        let (valid, count): (fn(&str) -> bool, usize) = match question.field {
            "confidentiality" => (parses::<Confidentiality>, Confidentiality::ALL.len()),
            "integrity" => (parses::<Integrity>, Integrity::ALL.len()),
            "availability" => (parses::<Availability>, Availability::ALL.len()),
            "exfiltration" => (parses::<Exfiltration>, Exfiltration::ALL.len()),
            "data_categories" => (parses::<DataCategory>, DataCategory::ALL.len()),
            "consequences" => (parses::<Consequence>, Consequence::ALL.len()),
            other => panic!("no enum for {other}"),
        };
        assert_eq!(choices.len(), count, "{}", question.field);
        for choice in choices {
            assert!(valid(choice.value), "{}: {}", question.field, choice.value);
        }
    }
    // Conditions name values the earlier answer can have.
    for question in QUESTIONS {
        let Some(condition) = question.only_if else { continue };
        let earlier = QUESTIONS.iter().find(|q| q.field == condition.field).unwrap();
        let values: Vec<&str> = match earlier.answer {
            AnswerKind::OneOf(choices) | AnswerKind::ManyOf(choices) => choices.iter().map(|c| c.value).collect(),
            AnswerKind::YesNo => vec!["true", "false"],
            _ => vec![],
        };
        for value in condition.any_of {
            assert!(values.contains(value), "{}: {value}", question.field);
        }
    }
}

// ---------------------------------------------- a serializer that records fields

/// Serializes a struct of strings into its (field, value) pairs: enough to see
/// the shape of [`Reason`] without a JSON crate.
fn record(value: &impl Serialize) -> Vec<(&'static str, String)> {
    let mut fields = Vec::new();
    value.serialize(Recorder { fields: &mut fields }).unwrap();
    fields
}

struct Recorder<'a> {
    fields: &'a mut Vec<(&'static str, String)>,
}

#[derive(Debug)]
struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unsupported")
    }
}

impl std::error::Error for Unsupported {}

impl serde::ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Self
    }
}

struct Text;

macro_rules! unsupported {
    ($($name:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $arg),*) -> Result<Self::Ok, Self::Error> { Err(Unsupported) })*
    };
}

impl serde::Serializer for Text {
    type Ok = String;
    type Error = Unsupported;
    type SerializeSeq = serde::ser::Impossible<String, Unsupported>;
    type SerializeTuple = serde::ser::Impossible<String, Unsupported>;
    type SerializeTupleStruct = serde::ser::Impossible<String, Unsupported>;
    type SerializeTupleVariant = serde::ser::Impossible<String, Unsupported>;
    type SerializeMap = serde::ser::Impossible<String, Unsupported>;
    type SerializeStruct = serde::ser::Impossible<String, Unsupported>;
    type SerializeStructVariant = serde::ser::Impossible<String, Unsupported>;

    fn serialize_str(self, v: &str) -> Result<String, Unsupported> {
        Ok(v.to_owned())
    }

    unsupported!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<String, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, _: &T) -> Result<String, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

impl<'a> serde::Serializer for Recorder<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = serde::ser::Impossible<(), Unsupported>;
    type SerializeTuple = serde::ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = serde::ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = serde::ser::Impossible<(), Unsupported>;
    type SerializeMap = serde::ser::Impossible<(), Unsupported>;
    type SerializeStruct = Self;
    type SerializeStructVariant = serde::ser::Impossible<(), Unsupported>;

    unsupported!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, _: &T) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Unsupported> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

impl serde::ser::SerializeStruct for Recorder<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Unsupported> {
        self.fields.push((key, value.serialize(Text)?));
        Ok(())
    }

    fn end(self) -> Result<(), Unsupported> {
        Ok(())
    }
}
