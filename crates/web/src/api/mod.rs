//! The JSON API under `/api/v1`, documented at `/api/openapi.json`.
//!
//! Every handler starts with `staff.may(Action::…)`: the policy check. Items
//! outside the caller's scope, and every item of another board, answer 404
//! exactly as if they did not exist.

pub mod consent;
mod deadlines;
mod guardians;
mod imports;
pub(crate) mod incidents;
mod information_rights;
pub(crate) mod pupils;
pub(crate) mod requests;
mod schools;
mod users;

use crate::AppState;
use crate::error::{FieldError, Problem};
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(title = "Aantoonbaar API", description = "Information security and privacy for Dutch school boards."),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The API routes with their OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(schools::list, schools::create))
        .routes(routes!(schools::get))
        .routes(routes!(schools::groups_list, schools::groups_create))
        .routes(routes!(schools::group_get))
        .routes(routes!(pupils::list, pupils::create))
        .routes(routes!(pupils::get, pupils::update))
        .routes(routes!(guardians::list, guardians::create))
        .routes(routes!(guardians::get))
        .routes(routes!(guardians::of_pupil, guardians::link))
        .routes(routes!(imports::import))
        .routes(routes!(users::me))
        .routes(routes!(users::list, users::create))
        .routes(routes!(users::tokens, users::create_token))
        .routes(routes!(users::revoke_token))
        .routes(routes!(deadlines::request))
        .routes(routes!(deadlines::list, deadlines::add))
        .routes(routes!(deadlines::remove))
        .routes(routes!(incidents::assess))
        .routes(routes!(incidents::list, incidents::report))
        .routes(routes!(incidents::get))
        .routes(routes!(incidents::assessment))
        .routes(routes!(incidents::authority_notification))
        .routes(routes!(incidents::follow_up))
        .routes(routes!(incidents::subjects))
        .routes(routes!(incidents::letters))
        .routes(routes!(incidents::close))
        .routes(routes!(information_rights::list))
        .routes(routes!(information_rights::grant))
        .routes(routes!(consent::purposes))
        .routes(routes!(consent::decide))
        .routes(routes!(consent::object))
        .routes(routes!(consent::check))
        .routes(routes!(consent::settings, consent::update_settings))
        .routes(routes!(consent::invite))
        .routes(routes!(consent::remind))
        .routes(routes!(requests::list, requests::create))
        .routes(routes!(requests::get))
        .routes(routes!(requests::extend))
        .routes(routes!(requests::decide))
        .routes(routes!(requests::erasure_preview, requests::erase))
        .routes(routes!(requests::restrict))
        .routes(routes!(requests::recipients_told))
        .routes(routes!(requests::balancing))
        .routes(routes!(requests::export))
        .routes(routes!(requests::export_zip))
        .routes(routes!(requests::recipients, requests::set_recipients))
}

/// A JSON body whose type errors name the field (`serde_path_to_error`).
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| Problem::bad_request(crate::i18n::t("problem.body_unreadable").to_owned()))?;
        let deserializer = &mut serde_json::Deserializer::from_slice(&bytes);
        serde_path_to_error::deserialize(deserializer).map(ApiJson).map_err(|err| {
            let path = err.path().to_string();
            let detail =
                crate::i18n::tf("problem.json_detail", &[("path", &path), ("error", &err.inner().to_string())]);
            Problem::bad_request(detail)
        })
    }
}

/// Reads the text fields of a JSON object one by one, collecting every error,
/// so a client learns all that is wrong in one answer.
pub struct Fields {
    map: Map<String, Value>,
    pub errors: Vec<FieldError>,
}

impl Fields {
    /// Refuses fields the route does not know, so typos do not pass silently.
    #[must_use]
    pub fn new(map: Map<String, Value>, known: &[&str]) -> Self {
        let errors = map
            .keys()
            .filter(|key| !known.contains(&key.as_str()))
            .map(|key| FieldError::new(key, "field.unknown"))
            .collect();
        Self { map, errors }
    }

    /// Whether the body has `field` at all (for PATCH).
    #[must_use]
    pub fn has(&self, field: &str) -> bool {
        self.map.contains_key(field)
    }

    /// A text field: `None` when absent or null, an error when not a string.
    pub fn text(&mut self, field: &str) -> Option<String> {
        match self.map.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.errors.push(FieldError::new(field, "field.not_text"));
                None
            }
        }
    }

    /// A required text field.
    pub fn required(&mut self, field: &str) -> Option<String> {
        let value = self.text(field).filter(|v| !v.trim().is_empty());
        if value.is_none() && !self.errors.iter().any(|e| e.field == field) {
            self.errors.push(FieldError::new(field, "field.required"));
        }
        value
    }

    /// A boolean field.
    pub fn boolean(&mut self, field: &str) -> Option<bool> {
        match self.map.get(field) {
            Some(Value::Bool(b)) => Some(*b),
            None | Some(Value::Null) => {
                self.errors.push(FieldError::new(field, "field.required"));
                None
            }
            Some(_) => {
                self.errors.push(FieldError::new(field, "field.not_boolean"));
                None
            }
        }
    }

    /// Parses a present value, recording the rule's error under `field`.
    pub fn parse<T>(
        &mut self,
        field: &str,
        value: Option<String>,
        parse: impl FnOnce(&str) -> Result<T, aantoonbaar_rules::Invalid>,
    ) -> Option<T> {
        let value = value?;
        match parse(&value) {
            Ok(v) => Some(v),
            Err(invalid) => {
                self.errors.push(FieldError::new(field, invalid.code));
                None
            }
        }
    }

    /// The values read, when no field was wrong; else a 422 naming them all.
    /// `values` is `None` only when a required field was missing or wrong, and
    /// then that field is among the errors.
    ///
    /// # Errors
    /// [`Problem::invalid`].
    pub fn done<T>(self, values: Option<T>) -> Result<T, Problem> {
        match values {
            Some(values) if self.errors.is_empty() => Ok(values),
            _ => Err(Problem::invalid(self.errors)),
        }
    }
}
