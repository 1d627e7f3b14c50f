//! DPIAs (AVG art. 35). Here the screening: [`assess`] is stateless — the
//! pages, the API (`POST /api/v1/dpia-screenings/assess`) and the command line
//! (`aantoonbaar dpia screen`) call it; [`screenings`] stores one for an
//! activity or a product, dated, with who answered. [`record`] is the DPIA
//! itself, with the FG's advice, the board's approval and its review. The
//! rules are in [`aantoonbaar_rules::dpia`], the Dutch texts in
//! `locales/nl/dpia.ftl`.

pub mod document;
pub mod record;
pub mod screenings;

use crate::error::{Error, FieldError, Result};
use crate::i18n::{t, tf};
use aantoonbaar_rules::dpia::{LARGE_SCALE_SUBJECTS, Reason, ScreeningFacts, Source, Technique, screen};
use aantoonbaar_rules::register::{DataCategory, SubjectCategory};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What the school knows about the processing. Unknown fields and unknown
/// codes are refused by name (400).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScreenDpia {
    /// Whose data: `pupils, parents, staff, applicants, visitors, public, former_pupils, external_contacts`.
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    pub subjects: Vec<SubjectCategory>,
    /// How many people, roughly. From 1000 the processing is large scale.
    #[serde(default)]
    pub subject_count: Option<u32>,
    /// An explicit answer to "is this large scale?"; wins over `subject_count`.
    #[serde(default)]
    pub large_scale: Option<bool>,
    /// Which data: the codes of the processing register (`identification, contact, health, …`).
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    pub data_categories: Vec<DataCategory>,
    /// `scoring_performance, automated_decision, camera_public_area, staff_monitoring, covert,
    /// combining_datasets, new_technology, partnership_exchange, biometric_identification,
    /// location_tracking, behaviour_influencing, blocks_service`
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    pub techniques: Vec<Technique>,
}

impl ScreenDpia {
    /// Who and which data are required; a count, when given, is at least 1.
    ///
    /// # Errors
    /// Every wrong field.
    pub fn validate(self) -> Result<ScreeningFacts, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.subjects.is_empty() {
            errors.push(FieldError::new("subjects", "dpia.subjects_required"));
        }
        if self.data_categories.is_empty() {
            errors.push(FieldError::new("data_categories", "dpia.data_required"));
        }
        if self.subject_count == Some(0) {
            errors.push(FieldError::new("subject_count", "dpia.count_zero"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ScreeningFacts {
            subjects: unique(self.subjects),
            subject_count: self.subject_count,
            large_scale: self.large_scale,
            data_categories: unique(self.data_categories),
            techniques: unique(self.techniques),
        })
    }
}

/// `list` without repeats, in the order given.
fn unique<T: PartialEq>(list: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(list.len());
    for item in list {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The answer of the screening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ScreeningOutcome {
    /// `required, not_required`
    pub outcome: &'static str,
    /// The outcome in one Dutch sentence.
    pub summary: String,
    pub reasons: Vec<ScreeningReason>,
}

/// One reason: what it rests on and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ScreeningReason {
    /// Stable machine code, also its catalogue key, e.g. `dpia.ap.camera_surveillance`, `dpia.wp248.vulnerable_subjects`.
    pub code: &'static str,
    /// `ap_list_1` … `ap_list_17`, `ap_list`, `art35_3_a` … `art35_3_c`, `art35_3`,
    /// `wp248_1` … `wp248_9`, `wp248`, `regulation_3_5`
    pub source: String,
    /// The source in Dutch, e.g. "AP-lijst, punt 9".
    pub source_name: String,
    /// Whether this item or criterion applies to the processing.
    pub applies: bool,
    /// The Dutch explanation.
    pub text: String,
}

/// The Dutch name of a source.
#[must_use]
pub fn source_name(source: Source) -> String {
    match source {
        Source::ApList(n) => tf("dpia.source.ap_list_item", &[("number", &n.to_string())]),
        Source::ApListWhole => t("dpia.source.ap_list").to_owned(),
        Source::Art35(letter) => tf("dpia.source.art35_case", &[("letter", &letter.to_string())]),
        Source::Art35Whole => t("dpia.source.art35").to_owned(),
        Source::Wp248(n) => tf("dpia.source.wp248_criterion", &[("number", &n.to_string())]),
        Source::Wp248Count => t("dpia.source.wp248").to_owned(),
        Source::Regulation => t("dpia.source.regulation").to_owned(),
    }
}

fn reason(r: Reason, facts: &ScreeningFacts, criteria: usize) -> ScreeningReason {
    let count = facts.subject_count.map(|c| c.to_string()).unwrap_or_default();
    let threshold = LARGE_SCALE_SUBJECTS.to_string();
    let criteria = criteria.to_string();
    let args = [("count", count.as_str()), ("threshold", threshold.as_str()), ("criteria", criteria.as_str())];
    ScreeningReason {
        code: r.code,
        source: r.source.code(),
        source_name: source_name(r.source),
        applies: r.applies,
        text: tf(r.code, &args),
    }
}

/// Screens a processing: required or not, with every reason in Dutch.
///
/// # Errors
/// [`Error::Invalid`] naming every wrong field.
pub fn assess(command: ScreenDpia) -> Result<ScreeningOutcome> {
    let facts = command.validate().map_err(Error::Invalid)?;
    let screening = screen(&facts);
    let criteria = screening.reasons.iter().filter(|r| r.applies && matches!(r.source, Source::Wp248(_))).count();
    let outcome = screening.outcome.code();
    Ok(ScreeningOutcome {
        outcome,
        summary: t(&format!("dpia.outcome.{outcome}")).to_owned(),
        reasons: screening.reasons.into_iter().map(|r| reason(r, &facts, criteria)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use aantoonbaar_rules::dpia::reason_codes;

    #[test]
    fn every_reason_and_source_has_a_dutch_text() {
        for code in reason_codes() {
            assert!(crate::i18n::has(code), "{code} missing");
        }
        for key in ["dpia.outcome.required", "dpia.outcome.not_required"] {
            assert!(crate::i18n::has(key), "{key} missing");
        }
        for technique in Technique::ALL {
            for key in
                [format!("dpia.technique.{}", technique.code()), format!("dpia.technique_help.{}", technique.code())]
            {
                assert!(crate::i18n::has(&key), "{key} missing");
            }
        }
        for source in [Source::ApList(1), Source::ApListWhole, Source::Art35('a'), Source::Art35Whole] {
            assert!(!source_name(source).contains("[?]"));
        }
        for source in [Source::Wp248(1), Source::Wp248Count, Source::Regulation] {
            assert!(!source_name(source).contains("[?]"));
        }
    }

    #[test]
    fn the_count_and_the_source_are_in_the_text() {
        let command = ScreenDpia {
            subjects: vec![SubjectCategory::Pupils],
            subject_count: Some(250),
            data_categories: vec![DataCategory::Identification],
            ..ScreenDpia::default()
        };
        let outcome = assess(command).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(outcome.outcome, "not_required");
        let scale = outcome.reasons.iter().find(|r| r.source == "wp248_5").map(|r| r.text.clone()).unwrap_or_default();
        assert!(scale.contains("250") && scale.contains("1000"), "{scale}");
        let children = outcome.reasons.iter().find(|r| r.source == "wp248_7");
        assert!(children.is_some_and(|r| r.applies && r.source_name == "WP248, criterium 7"), "{children:?}");
    }

    #[test]
    fn who_and_which_data_are_required() {
        let Err(Error::Invalid(errors)) = assess(ScreenDpia { subject_count: Some(0), ..ScreenDpia::default() }) else {
            panic!("an empty screening is refused");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["subjects", "data_categories", "subject_count"]);
        assert!(errors.iter().all(|e| !e.detail.contains("[?]")));
    }

    #[test]
    fn unknown_codes_and_fields_are_refused_by_name() {
        let err = serde_json::from_str::<ScreenDpia>(r#"{"techniques": ["mind_reading"]}"#).err();
        assert!(err.is_some_and(|e| e.to_string().contains("mind_reading")));
        assert!(serde_json::from_str::<ScreenDpia>(r#"{"colour": "red"}"#).is_err());
    }
}
