//! Incidents and data breaches.

use super::ApiJson;
use crate::auth::Staff;
use aantoonbaar_rules::breach::{Assessment, BreachFacts, assess as assess_breach};
use axum::Json;

/// Assesses a possible personal-data breach from the facts (stateless: stores
/// nothing): whether it is a breach, its severity (ENISA), whether and by when to
/// notify the AP (GDPR art. 33) and whether to inform the people concerned
/// (art. 34), with the reason of every step. Omitted facts get the safe value.
#[utoipa::path(post, path = "/incidents/assess", tag = "incidents",
    request_body(content = Object, description = "The facts; every field optional (see the README)"),
    responses((status = 200, description = "The assessment"), (status = 400, body = crate::error::Problem)))]
pub async fn assess(_staff: Staff, ApiJson(facts): ApiJson<BreachFacts>) -> Json<Assessment> {
    Json(assess_breach(&facts))
}
