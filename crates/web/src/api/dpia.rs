//! DPIA: the stateless screening (AVG art. 35; the AP's list, Stcrt. 2019,
//! 64418; WP248 rev.01).

use super::ApiJson;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::dpia::{self as app, ScreenDpia, ScreeningOutcome};
use axum::Json;

/// Screens a processing (stateless: stores nothing): is a DPIA required? Yes
/// when it is on the AP's list of 17 kinds of processing, is a case of AVG
/// art. 35(3), is required by the board's privacy regulation (new technology),
/// or meets two or more of the nine WP248 criteria. Every reason names the
/// list item, case or criterion it rests on, and says in Dutch whether it
/// applies. Unknown codes and fields are refused by name (400); missing
/// subjects or data categories are 422. Any signed-in staff member.
#[utoipa::path(post, path = "/dpia-screenings/assess", tag = "dpia", request_body = ScreenDpia,
    responses((status = 200, body = ScreeningOutcome), (status = 400, body = Problem), (status = 422, body = Problem)))]
pub async fn assess(_staff: Staff, ApiJson(command): ApiJson<ScreenDpia>) -> ApiResult<Json<ScreeningOutcome>> {
    Ok(Json(app::assess(command)?))
}
