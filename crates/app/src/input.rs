//! Reading commands: the pieces every command type's `validate` uses, so a
//! JSON body and a posted form give the same answer for the same input.
//!
//! A page form arrives as text (`"on"`, `"ja"`, `"12"`), a JSON body typed
//! (`true`, `12`); the deserialisers here accept both, so one command type
//! serves both adapters.

use crate::error::FieldError;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

/// The longest free text a field takes unless it says otherwise: a long
/// e-mail, not a file.
pub const TEXT_LIMIT: usize = 4000;

/// A free text: trimmed, `None` when empty; an error when required and
/// missing, or longer than `limit` characters.
pub fn text(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: Option<String>,
    required: bool,
    limit: usize,
) -> Option<String> {
    let value = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    match value {
        None if required => {
            errors.push(FieldError::new(field, "field.required"));
            None
        }
        Some(v) if v.chars().count() > limit => {
            let mut error = FieldError::new(field, "field.text_too_long");
            error.detail = crate::i18n::tf("field.text_too_long", &[("limit", &limit.to_string())]);
            errors.push(error);
            None
        }
        other => other,
    }
}

/// The fields a command does not know, kept so that `validate` names them
/// together with every other wrong field (a typo never passes silently).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Unknown(BTreeMap<String, serde_json::Value>);

impl Unknown {
    /// `field.unknown` for each unknown field.
    #[must_use]
    pub fn errors(&self) -> Vec<FieldError> {
        self.0.keys().map(|key| FieldError::new(key, "field.unknown")).collect()
    }
}

/// Every error, or the value when there is none.
///
/// # Errors
/// The collected errors, when any.
pub fn done<T>(errors: Vec<FieldError>, value: Option<T>) -> Result<T, Vec<FieldError>> {
    match value {
        Some(value) if errors.is_empty() => Ok(value),
        _ => Err(errors),
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum BoolOrText {
    Bool(bool),
    Text(String),
}

/// A yes/no field: JSON `true`/`false`, or a form's `on`, `ja`, `true`, `1`
/// (and `nee`, `false`, `0`, `off`). Anything else is refused, naming the field.
///
/// # Errors
/// A value that is neither.
pub fn flexible_bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    match Option::<BoolOrText>::deserialize(deserializer)? {
        None => Ok(None),
        Some(BoolOrText::Bool(b)) => Ok(Some(b)),
        Some(BoolOrText::Text(text)) => match text.trim().to_lowercase().as_str() {
            "" => Ok(None),
            "on" | "ja" | "true" | "1" => Ok(Some(true)),
            "off" | "nee" | "false" | "0" => Ok(Some(false)),
            other => Err(serde::de::Error::custom(format!("'{other}' is geen ja of nee"))),
        },
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// A list of ids: a JSON array, or a form's one or repeated field.
///
/// # Errors
/// A value that is no text and no list of texts.
pub fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    Ok(match Option::<OneOrMany>::deserialize(deserializer)? {
        None => Vec::new(),
        Some(OneOrMany::One(one)) => vec![one],
        Some(OneOrMany::Many(many)) => many,
    })
}

/// A field of a change that may be absent (keep the value) or `null` (clear
/// it): `None` when absent, `Some(None)` for `null`.
///
/// # Errors
/// A value that is no text.
pub fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Probe {
        #[serde(default, deserialize_with = "flexible_bool")]
        flag: Option<bool>,
        #[serde(default, deserialize_with = "one_or_many")]
        ids: Vec<String>,
    }

    #[test]
    fn a_form_and_a_json_body_mean_the_same() {
        let json: Probe = serde_json::from_str(r#"{"flag": true, "ids": ["a", "b"]}"#).unwrap();
        let form: Probe = serde_json::from_str(r#"{"flag": "on", "ids": "a"}"#).unwrap();
        assert_eq!((json.flag, json.ids), (Some(true), vec!["a".to_owned(), "b".to_owned()]));
        assert_eq!((form.flag, form.ids), (Some(true), vec!["a".to_owned()]));
        let empty: Probe = serde_json::from_str("{}").unwrap();
        assert_eq!((empty.flag, empty.ids.len()), (None, 0));
        assert!(serde_json::from_str::<Probe>(r#"{"flag": "misschien"}"#).is_err());
    }

    #[test]
    fn a_text_over_its_limit_is_refused_with_its_field() {
        let mut errors = Vec::new();
        assert_eq!(text(&mut errors, "what", Some("  kort  ".to_owned()), true, 10), Some("kort".to_owned()));
        assert_eq!(text(&mut errors, "what", Some("x".repeat(11)), true, 10), None);
        assert_eq!(text(&mut errors, "other", Some("   ".to_owned()), true, 10), None);
        let fields: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(fields, [("what", "field.text_too_long"), ("other", "field.required")]);
    }
}
