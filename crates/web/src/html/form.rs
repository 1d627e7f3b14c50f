//! A posted page form read into the same command type the JSON API takes.
//!
//! The form's pairs become a JSON object: the CSRF field (already checked by
//! [`crate::csrf`]) and empty fields (an unanswered question, an empty text
//! box) are left out, a repeated field (checkboxes, a multi-select) becomes
//! a list. The command type then deserialises exactly as from the API, and
//! its `validate` gives the same errors for the same input.

use crate::AppState;
use crate::csrf::CSRF_FIELD;
use crate::error::{FieldError, Problem};
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The form body as command `T`.
pub struct PageForm<T>(pub T);

/// The pairs of a form as a JSON object (see the module documentation).
#[must_use]
pub fn object(pairs: Vec<(String, String)>) -> Map<String, Value> {
    let mut object = Map::new();
    for (key, value) in pairs {
        if key == CSRF_FIELD || value.trim().is_empty() {
            continue;
        }
        match object.get_mut(&key) {
            None => {
                object.insert(key, Value::String(value));
            }
            Some(Value::Array(values)) => values.push(Value::String(value)),
            Some(first) => {
                let first = first.take();
                object.insert(key, Value::Array(vec![first, Value::String(value)]));
            }
        }
    }
    object
}

/// What was typed in field `name` of a refused form, to show it again; empty when absent.
#[must_use]
pub fn entered<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

/// The form body as its pairs, in order, for a handler that shows again what
/// was typed when the command is refused (read it with [`read`]).
pub struct PagePairs(pub Vec<(String, String)>);

impl FromRequest<AppState> for PagePairs {
    type Rejection = super::PageError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let unreadable = || Problem::bad_request(crate::i18n::t("problem.body_unreadable").to_owned());
        let bytes = Bytes::from_request(request, state).await.map_err(|_| unreadable())?;
        Ok(Self(serde_urlencoded::from_bytes(&bytes).map_err(|_| unreadable())?))
    }
}

impl<T: DeserializeOwned> FromRequest<AppState> for PageForm<T> {
    type Rejection = super::PageError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let PagePairs(pairs) = PagePairs::from_request(request, state).await?;
        read(pairs).map(PageForm).map_err(Into::into)
    }
}

/// The pairs of a form as command `T` (see the module documentation).
///
/// # Errors
/// 400 naming the field whose value the command cannot take.
pub fn read<T: DeserializeOwned>(pairs: Vec<(String, String)>) -> Result<T, Problem> {
    serde_path_to_error::deserialize(Value::Object(object(pairs))).map_err(|err| {
        let detail = crate::i18n::tf(
            "problem.json_detail",
            &[("path", &err.path().to_string()), ("error", &err.inner().to_string())],
        );
        Problem::bad_request(detail)
    })
}

/// A refused form as its page shows it: the problem, with the status to
/// answer and the fields to name beside the form, when the user can put the
/// input right (422 wrong input, 409 a duplicate or a state conflict); else
/// the error page.
///
/// # Errors
/// The error page, for anything else (not found, forbidden, internal).
pub fn refused(error: aantoonbaar_app::Error) -> Result<Problem, super::PageError> {
    let problem = Problem::from(error);
    if matches!(problem.status.as_u16(), 409 | 422) { Ok(problem) } else { Err(problem.into()) }
}

/// A refused command as its page shows it again: the answer's status and the
/// form `form` with what was typed (`pairs`), each error linked by `anchor`.
///
/// # Errors
/// As [`refused`]: the error page when the user cannot put the input right.
pub fn refusal(
    form: &'static str,
    pairs: Vec<(String, String)>,
    error: aantoonbaar_app::Error,
    anchor: impl Fn(&str, &str) -> Option<String>,
) -> Result<(axum::http::StatusCode, Refused), super::PageError> {
    let problem = refused(error)?;
    Ok((problem.status, Refused::new(form, pairs, problem.errors, anchor)))
}

/// The id of a field's input where the page names them `<form>-<field>` (the
/// forms drawn from a list of fields).
#[must_use]
pub fn form_field(form: &str, field: &str) -> Option<String> {
    Some(format!("{form}-{field}"))
}

// ---------------------------------------------------------------- refused forms

/// One error of a refused form, linked to its field.
pub struct ErrorView {
    pub field: String,
    pub detail: String,
    /// The id of the field's input on the page (none for an error about the incident itself).
    pub anchor: Option<String>,
    /// The id of the message, which the field's `aria-describedby` names.
    pub id: String,
}

/// A form as the page shows it again: which form was refused, what was typed
/// (kept exactly), and each error linked to its field. Empty on a fresh page.
#[derive(Default)]
pub struct Refused {
    form: &'static str,
    typed: Vec<(String, String)>,
    pub errors: Vec<ErrorView>,
}

impl Refused {
    /// The form `form` refused with `errors` for what was `typed`; `anchor`
    /// gives the id of a `(form, field)`'s input on the page (none for an
    /// error about the record itself).
    #[must_use]
    pub fn new(
        form: &'static str,
        typed: Vec<(String, String)>,
        errors: Vec<FieldError>,
        anchor: impl Fn(&str, &str) -> Option<String>,
    ) -> Self {
        let errors = errors
            .into_iter()
            .map(|e| {
                let anchor = anchor(form, &e.field);
                let id = format!("fout-{}", anchor.as_deref().unwrap_or(&e.field).replace('.', "_"));
                ErrorView { field: e.field, detail: e.detail, anchor, id }
            })
            .collect();
        Self { form, typed, errors }
    }

    /// The form `form` filled with the values on record, to change them.
    #[must_use]
    pub fn filled(form: &'static str, stored: Vec<(String, String)>) -> Self {
        Self { form, typed: stored, errors: Vec::new() }
    }

    /// Whether `form` is the one refused.
    pub fn is(&self, form: &str) -> bool {
        !self.errors.is_empty() && self.form == form
    }

    /// The first value typed in `field` of `form`; empty for another form.
    pub fn value(&self, form: &str, field: &str) -> &str {
        self.values(form, field).first().copied().unwrap_or_default()
    }

    /// What was typed in `field` when `form` was refused, else `stored` (the value on record).
    pub fn typed_or<'a>(&'a self, form: &str, field: &str, stored: &'a str) -> &'a str {
        if self.form == form { self.value(form, field) } else { stored }
    }

    fn values(&self, form: &str, field: &str) -> Vec<&str> {
        if self.form != form {
            return Vec::new();
        }
        self.typed.iter().filter(|(k, v)| k == field && !v.trim().is_empty()).map(|(_, v)| v.as_str()).collect()
    }

    /// Whether `value` was chosen in `field` of `form` (a radio button, a checkbox, an option).
    pub fn chosen(&self, form: &str, field: &str, value: &str) -> bool {
        self.values(form, field).contains(&value)
    }

    /// Whether nothing was chosen in `field` of `form` ("weet ik niet").
    pub fn unanswered(&self, form: &str, field: &str) -> bool {
        self.values(form, field).is_empty()
    }

    /// The ARIA attributes of a field: its hint and, when refused, its error.
    pub fn aria(&self, form: &str, field: &str, hint: &str) -> String {
        let error = if self.form == form { self.errors.iter().find(|e| e.field == field) } else { None };
        aria_attributes(error.map(|e| e.id.as_str()), hint)
    }
}

/// ` aria-invalid="true" aria-describedby="<error> <hint>"` for a field with
/// an error message of id `error` and a hint of id `hint` (either may be absent).
pub fn aria_attributes(error: Option<&str>, hint: &str) -> String {
    let described: Vec<&str> = error.into_iter().chain(Some(hint)).filter(|id| !id.is_empty()).collect();
    let mut attributes = String::new();
    if error.is_some() {
        attributes.push_str(" aria-invalid=\"true\"");
    }
    if !described.is_empty() {
        attributes.push_str(&format!(" aria-describedby=\"{}\"", described.join(" ")));
    }
    attributes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csrf_and_empty_fields_go_and_a_repeated_field_is_a_list() {
        let pairs = [("csrf", "x"), ("a", "1"), ("b", ""), ("ids", "p1"), ("ids", "p2"), ("ids", "p3")];
        let object = object(pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect());
        assert_eq!(Value::Object(object), serde_json::json!({"a": "1", "ids": ["p1", "p2", "p3"]}));
    }
}
