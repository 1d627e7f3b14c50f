//! Errors as the user sees them: `application/problem+json` (RFC 9457) for the
//! API, with a Dutch `detail` that says what to fix, and the field it concerns.
//! Internal causes are logged once and never shown.

use crate::i18n::{t, tf};
use aantoonbaar_store::StoreError;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

pub use aantoonbaar_app::FieldError;

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    #[schema(value_type = u16)]
    #[serde(serialize_with = "status_code")]
    pub status: StatusCode,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

fn status_code<S: serde::Serializer>(status: &StatusCode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u16(status.as_u16())
}

impl Problem {
    fn new(status: StatusCode, title_key: &str, detail: String) -> Self {
        Self { kind: "about:blank".to_owned(), title: t(title_key).to_owned(), status, detail, errors: Vec::new() }
    }

    #[must_use]
    pub fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "problem.unauthorized", t("problem.unauthorized_detail").to_owned())
    }

    #[must_use]
    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, "problem.forbidden", t("problem.forbidden_detail").to_owned())
    }

    #[must_use]
    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "problem.not_found", t("problem.not_found_detail").to_owned())
    }

    /// 422 with every wrong field; the first one's text is the `detail`.
    #[must_use]
    pub fn invalid(errors: Vec<FieldError>) -> Self {
        let detail = errors
            .first()
            .map_or_else(String::new, |e| tf("problem.field_detail", &[("field", &e.field), ("message", &e.detail)]));
        Self { errors, ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, "problem.invalid", detail) }
    }

    /// 400 for a body that is not the JSON the route takes.
    #[must_use]
    pub fn bad_request(detail: String) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "problem.bad_request", detail)
    }

    /// An operation's error for a query string: wrong parameters are a 400
    /// naming each one (the request itself is malformed), the rest as [`From`].
    #[must_use]
    pub fn from_query(err: aantoonbaar_app::Error) -> Self {
        match err {
            aantoonbaar_app::Error::Invalid(errors) => {
                Self { status: StatusCode::BAD_REQUEST, ..Self::invalid(errors) }
            }
            other => other.into(),
        }
    }

    /// 409 when another record already has this value.
    #[must_use]
    pub fn conflict(field: &str) -> Self {
        let error = FieldError::new(field, &format!("duplicate.{field}"));
        Self { errors: vec![error.clone()], ..Self::new(StatusCode::CONFLICT, "problem.conflict", error.detail) }
    }

    /// 409 when the record is no longer in a state that allows the change.
    #[must_use]
    pub fn state_conflict(field: &str, code: &str) -> Self {
        let error = FieldError::new(field, code);
        Self { errors: vec![error.clone()], ..Self::new(StatusCode::CONFLICT, "problem.state_conflict", error.detail) }
    }

    /// 500, logging the cause; the user sees only that it is not their fault.
    #[must_use]
    pub fn internal(cause: &dyn std::fmt::Display) -> Self {
        tracing::error!(%cause, "request failed");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "problem.internal", t("problem.internal_detail").to_owned())
    }
}

impl From<StoreError> for Problem {
    fn from(err: StoreError) -> Self {
        aantoonbaar_app::Error::from(err).into()
    }
}

/// The one mapping of an operation's error to what the user sees.
impl From<aantoonbaar_app::Error> for Problem {
    fn from(err: aantoonbaar_app::Error) -> Self {
        use aantoonbaar_app::Error;
        match err {
            Error::Forbidden => Self::forbidden(),
            Error::NotFound => Self::not_found(),
            Error::Invalid(errors) => Self::invalid(errors),
            Error::Duplicate { field } => Self::conflict(&field),
            Error::Conflict { field, code } => Self::state_conflict(&field, &code),
            Error::Internal(cause) => Self::internal(&cause),
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self).unwrap_or_default();
        (self.status, [(header::CONTENT_TYPE, "application/problem+json")], body).into_response()
    }
}

pub type ApiResult<T> = Result<T, Problem>;
