//! The fields of the incident forms by the name their label gives them, so an
//! error names the field as the person reads it on the form ("Aantal
//! betrokkenen: vul een heel getal in."), never by its code.

use crate::error::FieldError;
use crate::i18n::{t, tf};
use aantoonbaar_rules::breach::{AnswerKind, Question};

/// Each field of the incident forms with the catalogue key of its label.
const LABELS: &[(&str, &str)] = &[
    ("what_happened", "incident.field.what_happened"),
    ("discovered_at", "incident.field.discovered_at"),
    ("school_id", "incident.field.school"),
    ("data_concerned", "incident.field.data_concerned"),
    ("people_concerned", "incident.field.people_concerned"),
    ("device", "incident.field.device"),
    ("status", "incident.field.status"),
    ("kind", "incident.field.kind"),
    ("overrule.reason", "incident.overrule_reason"),
    ("ap_reference", "incident.ap_reference"),
    ("sent_at", "incident.sent_at"),
    ("delay_reason", "incident.delay_reason"),
    ("content", "incident.follow_up_label"),
    ("pupil_ids", "incident.link_pupils"),
    ("guardian_ids", "incident.link_guardians"),
    ("user_ids", "incident.link_staff"),
    ("decision", "incident.communication"),
    ("consequences", "incident.consequences"),
    ("measures", "incident.measures"),
    ("reason", "incident.no_letters_reason"),
    ("announcement", "incident.announcement"),
    ("cause", "incident.cause"),
    ("evaluation", "incident.evaluation"),
];

/// `error` with its text naming the field by `label` (a question's `?` left off).
#[must_use]
pub fn name(mut error: FieldError, label: &str) -> FieldError {
    let label = label.trim_end_matches(['?', ':']);
    error.detail = tf("incident.field_error", &[("label", label), ("message", &error.detail)]);
    error
}

/// The fields of the public disclosure form whose labels read otherwise.
const DISCLOSURE_LABELS: &[(&str, &str)] =
    &[("what_happened", "disclosure.what"), ("device", "disclosure.where"), ("email", "disclosure.email")];

/// Every error of an incident form with its field named as its label reads;
/// an error about the incident itself (`id`) or an unknown field keeps its text.
#[must_use]
pub fn named(errors: Vec<FieldError>) -> Vec<FieldError> {
    named_with(errors, &[])
}

/// As [`named`], for the public disclosure form (a vulnerability report).
#[must_use]
pub fn named_disclosure(errors: Vec<FieldError>) -> Vec<FieldError> {
    named_with(errors, DISCLOSURE_LABELS)
}

fn named_with(errors: Vec<FieldError>, first: &[(&str, &str)]) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|error| match first.iter().chain(LABELS).find(|(field, _)| *field == error.field) {
            Some((_, key)) => name(error, t(key)),
            None => error,
        })
        .collect()
}

/// The label of a decision-tree answer: the input's own label for a number
/// or a moment ("Aantal betrokkenen"), else the question.
#[must_use]
pub fn answer_label(question: &Question) -> &'static str {
    match question.answer {
        AnswerKind::Count | AnswerKind::Hours | AnswerKind::Instant => {
            t(&format!("incident.answer.{}", question.field))
        }
        AnswerKind::YesNo | AnswerKind::OneOf(_) | AnswerKind::ManyOf(_) => question.text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aantoonbaar_rules::breach::QUESTIONS;

    #[test]
    fn every_label_and_every_answer_label_is_in_the_catalogue() {
        let missing: Vec<&str> =
            LABELS.iter().chain(DISCLOSURE_LABELS).map(|(_, key)| *key).filter(|key| !crate::i18n::has(key)).collect();
        assert!(missing.is_empty(), "{missing:?}");
        for question in QUESTIONS {
            assert_ne!(answer_label(question), "[?]", "{}", question.field);
        }
    }

    #[test]
    fn an_error_names_the_field_as_its_label_reads() {
        let errors =
            named(vec![FieldError::new("what_happened", "field.required"), FieldError::new("id", "incident.closed")]);
        assert_eq!(errors[0].detail, "Wat is er gebeurd: dit veld is verplicht.");
        assert_eq!(errors[0].field, "what_happened", "the field itself stays for the link");
        assert_eq!(errors[1].detail, t("incident.closed"));
        let subjects = QUESTIONS.iter().find(|q| q.field == "subjects").unwrap_or(&QUESTIONS[0]);
        let error = name(FieldError::new("subjects", "incident.whole_number"), answer_label(subjects));
        assert_eq!(error.detail, "Aantal betrokkenen: vul een heel getal in.");
    }
}
