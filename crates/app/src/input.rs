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

/// Every error with its field named as its label reads ("Kans: kies 1 …"):
/// `labels` maps a field to the catalogue key of its label; an error about
/// another field keeps its text.
#[must_use]
pub fn labelled(errors: Vec<FieldError>, labels: &[(&str, &str)]) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|mut error| {
            if let Some((_, key)) = labels.iter().find(|(field, _)| *field == error.field) {
                error.detail =
                    crate::i18n::tf("field.labelled", &[("label", crate::i18n::t(key)), ("message", &error.detail)]);
            }
            error
        })
        .collect()
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

/// A field as sent, for the commands whose fields refuse a value of the wrong
/// JSON type by name (`field.not_text`, `field.not_boolean`: 422, with every
/// other wrong field) instead of failing the whole body (400). A form's
/// yes/no text (`ja`, `on`, …) is a boolean here too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given<T> {
    Value(T),
    /// A value of another type.
    Wrong,
}

impl<T> From<T> for Given<T> {
    fn from(value: T) -> Self {
        Self::Value(value)
    }
}

impl Given<String> {
    /// The text as typed; empty for a value of another type (to show in a form again).
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Value(text) => text,
            Self::Wrong => "",
        }
    }
}

impl<'de> Deserialize<'de> for Given<String> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::String(text) => Self::Value(text),
            _ => Self::Wrong,
        })
    }
}

impl<'de> Deserialize<'de> for Given<bool> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::Bool(b) => Self::Value(b),
            serde_json::Value::String(text) => yes_no(&text).map_or(Self::Wrong, Self::Value),
            _ => Self::Wrong,
        })
    }
}

impl<'de> Deserialize<'de> for Given<i64> {
    /// A whole number: JSON `2`, or a form's `"2"`; anything else is `Wrong`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::Number(n) => n.as_i64().map_or(Self::Wrong, Self::Value),
            serde_json::Value::String(text) => text.trim().parse().map_or(Self::Wrong, Self::Value),
            _ => Self::Wrong,
        })
    }
}

/// A text field sent as [`Given`]: `field.not_text` for a value of another
/// type, otherwise as [`text`].
pub fn given_text(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: Option<Given<String>>,
    required: bool,
    limit: usize,
) -> Option<String> {
    match value {
        Some(Given::Wrong) => {
            errors.push(FieldError::new(field, "field.not_text"));
            None
        }
        Some(Given::Value(v)) => text(errors, field, Some(v), required, limit),
        None => text(errors, field, None, required, limit),
    }
}

/// A required yes/no field sent as [`Given`]: `field.required` when absent,
/// `field.not_boolean` for a value of another type.
pub fn given_bool(errors: &mut Vec<FieldError>, field: &str, value: Option<Given<bool>>) -> Option<bool> {
    match value {
        Some(Given::Value(b)) => Some(b),
        Some(Given::Wrong) => {
            errors.push(FieldError::new(field, "field.not_boolean"));
            None
        }
        None => {
            errors.push(FieldError::new(field, "field.required"));
            None
        }
    }
}

/// A value read by a rule (`aantoonbaar_rules`), trimmed: `None` when absent
/// or empty, the rule's error recorded under `field` when it does not parse.
pub fn rule<T>(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: Option<String>,
    parse: impl FnOnce(&str) -> Result<T, aantoonbaar_rules::Invalid>,
) -> Option<T> {
    let value = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())?;
    parse(&value).map_err(|invalid| errors.push(FieldError::new(field, invalid.code))).ok()
}

/// A form's yes or no: `on`, `ja`, `true`, `1`; `off`, `nee`, `false`, `0`.
fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "on" | "ja" | "true" | "1" => Some(true),
        "off" | "nee" | "false" | "0" => Some(false),
        _ => None,
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
        Some(BoolOrText::Text(text)) if text.trim().is_empty() => Ok(None),
        Some(BoolOrText::Text(text)) => yes_no(&text)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("'{}' is geen ja of nee", text.trim().to_lowercase()))),
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// An uploaded file's name as the browser sent it, without any folders, at
/// most `limit` characters; `document` when it has none.
#[must_use]
pub fn upload_name(sent: Option<String>, limit: usize) -> String {
    sent.map(|n| n.rsplit(['/', '\\']).next().unwrap_or_default().trim().chars().take(limit).collect::<String>())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "document".to_owned())
}

/// An uploaded file's media type as sent when it looks like one, else
/// `application/octet-stream` (served as a download, never run).
#[must_use]
pub fn upload_media_type(sent: Option<String>) -> String {
    sent.map(|m| m.trim().to_owned())
        .filter(|m| !m.is_empty() && m.len() <= 200 && m.contains('/'))
        .unwrap_or_else(|| "application/octet-stream".to_owned())
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

    #[derive(Deserialize)]
    struct Typed {
        name: Option<Given<String>>,
        flag: Option<Given<bool>>,
    }

    #[test]
    fn a_value_of_the_wrong_type_is_refused_by_name_not_as_a_broken_body() {
        let typed: Typed = serde_json::from_str(r#"{"name": 12, "flag": "misschien"}"#).unwrap();
        let mut errors = Vec::new();
        assert_eq!(given_text(&mut errors, "name", typed.name, true, 10), None);
        assert_eq!(given_bool(&mut errors, "flag", typed.flag), None);
        let fields: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(fields, [("name", "field.not_text"), ("flag", "field.not_boolean")]);

        let typed: Typed = serde_json::from_str(r#"{"name": " Groep 3 ", "flag": "ja"}"#).unwrap();
        let mut errors = Vec::new();
        assert_eq!(given_text(&mut errors, "name", typed.name, true, 10), Some("Groep 3".to_owned()));
        assert_eq!(given_bool(&mut errors, "flag", typed.flag), Some(true));
        let absent: Typed = serde_json::from_str("{}").unwrap();
        assert_eq!(given_bool(&mut errors, "flag", absent.flag), None);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "field.required");
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
