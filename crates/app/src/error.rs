//! What can go wrong in an operation, without any HTTP: the web crate maps
//! [`Error`] to a problem document or an error page in one place, the CLI to a
//! message and an exit code.

use crate::i18n::t;
use aantoonbaar_store::StoreError;
use serde::Serialize;

/// One wrong field of a command.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct FieldError {
    pub field: String,
    /// The line of an uploaded file the error is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Stable code, e.g. `brin.format`.
    pub code: String,
    /// What is wrong and what to do, in Dutch.
    pub detail: String,
}

impl FieldError {
    #[must_use]
    pub fn new(field: &str, code: &str) -> Self {
        Self { field: field.to_owned(), line: None, code: code.to_owned(), detail: t(code).to_owned() }
    }
}

/// Why an operation did not happen.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The policy table gives none of the caller's roles this action (deny by default).
    #[error("not permitted")]
    Forbidden,
    /// Nothing with this id, or nothing the caller may see: the same answer.
    #[error("not found")]
    NotFound,
    /// The command has wrong fields; every one of them is listed.
    #[error("invalid command: {0:?}")]
    Invalid(Vec<FieldError>),
    /// Another record already has this value of `field`.
    #[error("duplicate {field}")]
    Duplicate { field: String },
    /// The record is no longer in a state that allows the change (`code` says why).
    #[error("conflict: {code}")]
    Conflict { field: String, code: String },
    /// Something that is not the caller's fault; logged once where it is mapped.
    #[error("internal: {0}")]
    Internal(String),
}

impl Error {
    /// One wrong field.
    #[must_use]
    pub fn field(field: &str, code: &str) -> Self {
        Self::Invalid(vec![FieldError::new(field, code)])
    }

    /// A state conflict on `field` with the catalogue text `code`.
    #[must_use]
    pub fn conflict(field: &str, code: &str) -> Self {
        Self::Conflict { field: field.to_owned(), code: code.to_owned() }
    }

    pub fn internal(cause: &dyn std::fmt::Display) -> Self {
        Self::Internal(cause.to_string())
    }
}

impl From<StoreError> for Error {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound => Self::NotFound,
            StoreError::Duplicate { field } => Self::Duplicate { field: field.to_owned() },
            StoreError::BadReference { field } => Self::field(field, "reference.unknown"),
            StoreError::WrongState => Self::conflict("id", "record.wrong_state"),
            other => Self::Internal(other.to_string()),
        }
    }
}

impl From<Vec<FieldError>> for Error {
    fn from(errors: Vec<FieldError>) -> Self {
        Self::Invalid(errors)
    }
}

impl From<FieldError> for Error {
    fn from(error: FieldError) -> Self {
        Self::Invalid(vec![error])
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
