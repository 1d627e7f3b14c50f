//! A posted page form read into the same command type the JSON API takes.
//!
//! The form's pairs become a JSON object: the CSRF field (already checked by
//! [`crate::csrf`]) and empty fields (an unanswered question, an empty text
//! box) are left out, a repeated field (checkboxes, a multi-select) becomes
//! a list. The command type then deserialises exactly as from the API, and
//! its `validate` gives the same errors for the same input.

use crate::AppState;
use crate::csrf::CSRF_FIELD;
use crate::error::Problem;
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
