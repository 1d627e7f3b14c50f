//! The JSON API under `/api/v1`, documented at `/api/openapi.json`.
//!
//! Every handler starts with `staff.may(Action::…)`: the policy check. Items
//! outside the caller's scope, and every item of another board, answer 404
//! exactly as if they did not exist.

mod access;
mod access_policy;
mod awareness;
mod board_report;
mod calendar;
mod cameras;
pub mod consent;
mod deadlines;
mod dpia;
mod guardians;
mod imports;
pub(crate) mod incidents;
mod information_rights;
pub(crate) mod parties;
pub(crate) mod policies;
mod pre_dpia;
mod privacy_statement;
pub(crate) mod pupils;
mod register;
mod register_export;
pub(crate) mod requests;
mod retention;
pub(crate) mod risks;
mod schools;
mod selfassessment;
mod users;

use crate::AppState;
use crate::error::Problem;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;
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
        .routes(routes!(board_report::get))
        .routes(routes!(board_report::put_text))
        .routes(routes!(board_report::put_opinion))
        .routes(routes!(board_report::adopt))
        .routes(routes!(board_report::snapshot))
        .routes(routes!(board_report::verification))
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
        .routes(routes!(dpia::assess))
        .routes(routes!(dpia::screenings, dpia::record_screening))
        .routes(routes!(dpia::list, dpia::create))
        .routes(routes!(dpia::get, dpia::patch))
        .routes(routes!(dpia::advise))
        .routes(routes!(dpia::approve))
        .routes(routes!(dpia::review))
        .routes(routes!(dpia::version))
        .routes(routes!(dpia::pdf))
        .routes(routes!(incidents::list, incidents::report))
        .routes(routes!(incidents::get))
        .routes(routes!(incidents::assessment))
        .routes(routes!(incidents::authority_notification))
        .routes(routes!(incidents::follow_up))
        .routes(routes!(incidents::measures))
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
        .routes(routes!(requests::overview))
        .routes(routes!(requests::request_export))
        .routes(routes!(requests::request_export_zip))
        .routes(routes!(requests::recipients, requests::set_recipients))
        .routes(routes!(register::get_profile, register::put_profile))
        .routes(routes!(register::list, register::create))
        .routes(routes!(register::get, register::update))
        .routes(routes!(register::comments_list, register::comments_add))
        .routes(routes!(register::findings))
        .routes(routes!(register::adopt))
        .routes(routes!(register::versions))
        .routes(routes!(register::version))
        .routes(routes!(register::changes))
        .routes(routes!(register::apply_template))
        .routes(routes!(register_export::export))
        .routes(routes!(register_export::import))
        .routes(routes!(parties::suppliers_list, parties::suppliers_create))
        .routes(routes!(parties::suppliers_get, parties::suppliers_patch))
        .routes(routes!(parties::systems_list, parties::systems_create))
        .routes(routes!(parties::systems_get, parties::systems_patch))
        .routes(routes!(parties::agreements_list, parties::agreements_create))
        .routes(routes!(parties::agreements_get, parties::agreements_patch))
        .routes(routes!(parties::documents_list, parties::documents_upload))
        .routes(routes!(parties::document_download))
        .routes(routes!(parties::sub_processors_list, parties::sub_processors_create))
        .routes(routes!(parties::sub_processors_get, parties::sub_processors_patch))
        .routes(routes!(parties::sub_processors_decide))
        .routes(routes!(parties::recipients_list, parties::recipients_create))
        .routes(routes!(parties::recipients_overview))
        .routes(routes!(parties::recipients_get, parties::recipients_patch))
        .routes(routes!(parties::queues))
        .routes(routes!(risks::list, risks::create))
        .routes(routes!(risks::get, risks::patch))
        .routes(routes!(risks::seed))
        .routes(routes!(risks::heat_map))
        .routes(routes!(risks::levels, risks::set_levels))
        .routes(routes!(selfassessment::list, selfassessment::import))
        .routes(routes!(selfassessment::assessment))
        .routes(routes!(selfassessment::answer))
        .routes(routes!(pre_dpia::list, pre_dpia::create))
        .routes(routes!(pre_dpia::get))
        .routes(routes!(pre_dpia::answer))
        .routes(routes!(privacy_statement::get))
        .routes(routes!(privacy_statement::publish))
        .routes(routes!(privacy_statement::versions))
        .routes(routes!(retention::rules))
        .routes(routes!(retention::change_rule))
        .routes(routes!(retention::settings, retention::set_settings))
        .routes(routes!(retention::pupil))
        .routes(routes!(retention::place_hold, retention::holds))
        .routes(routes!(retention::release_hold))
        .routes(routes!(retention::review_hold))
        .routes(routes!(retention::worklist))
        .routes(routes!(retention::create_batch, retention::batches))
        .routes(routes!(retention::batch))
        .routes(routes!(retention::approve_batch))
        .routes(routes!(retention::confirm_batch))
        .routes(routes!(retention::certificate))
        .routes(routes!(cameras::list, cameras::create))
        .routes(routes!(cameras::quality_card))
        .routes(routes!(cameras::get, cameras::update))
        .routes(routes!(cameras::log, cameras::add_log))
        .routes(routes!(cameras::place_hold, cameras::holds))
        .routes(routes!(cameras::release_hold))
        .routes(routes!(access::leaver_deadline))
        .routes(routes!(access::staff_list, access::create_staff))
        .routes(routes!(access::import_staff))
        .routes(routes!(access::get_staff, access::patch_staff))
        .routes(routes!(access::leavers))
        .routes(routes!(access::list_changes, access::request_change))
        .routes(routes!(access::get_change))
        .routes(routes!(access::approve_change))
        .routes(routes!(access::record_step))
        .routes(routes!(access::cancel_change))
        .routes(routes!(access::accounts))
        .routes(routes!(access::import_accounts))
        .routes(routes!(access::campaigns, access::start_campaign))
        .routes(routes!(access::campaign))
        .routes(routes!(access::decide))
        .routes(routes!(access::remediate))
        .routes(routes!(access::close))
        .routes(routes!(access::report))
        .routes(routes!(access_policy::overview))
        .routes(routes!(access_policy::get_policy, access_policy::put_policy))
        .routes(routes!(access_policy::get_matrix, access_policy::put_matrix))
        .routes(routes!(access_policy::versions))
        .routes(routes!(access_policy::version))
        .routes(routes!(policies::list, policies::create))
        .routes(routes!(policies::get, policies::update))
        .routes(routes!(policies::get_file, policies::put_file))
        .routes(routes!(policies::adopt))
        .routes(routes!(policies::publish))
        .routes(routes!(policies::signatures, policies::sign))
        .routes(routes!(awareness::overview, awareness::create))
        .routes(routes!(awareness::get))
        .routes(routes!(awareness::attendance))
        .routes(routes!(calendar::calendar, calendar::add))
        .routes(routes!(calendar::create_year))
        .routes(routes!(calendar::get, calendar::update, calendar::remove))
        .routes(routes!(calendar::mark_done))
}

/// A JSON body whose type errors name the field (`serde_path_to_error`).
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| Problem::bad_request(crate::i18n::t("problem.body_unreadable").to_owned()))?;
        json_body(&bytes).map(ApiJson)
    }
}

/// A JSON body, its type errors naming the field.
///
/// # Errors
/// A 400 problem naming the path of what could not be read.
pub(crate) fn json_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Problem> {
    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = err.path().to_string();
        let detail = crate::i18n::tf("problem.json_detail", &[("path", &path), ("error", &err.inner().to_string())]);
        Problem::bad_request(detail)
    })
}
