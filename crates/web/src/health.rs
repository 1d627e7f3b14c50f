//! `/livez` and `/readyz` for load balancers and orchestrators: no sign-in,
//! no board data.
//!
//! `/livez` says the process answers (no database); `/readyz` says this
//! server can take traffic: the database answers within two seconds and has
//! every migration of this binary. Its body also tells what the consent read
//! model holds against its budget.

use crate::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// How long `/readyz` waits for the database before it says "not ready".
const DATABASE_TIMEOUT: Duration = Duration::from_secs(2);

pub async fn live() -> &'static str {
    "ok"
}

pub async fn ready(State(state): State<AppState>) -> Response {
    let store = &state.store;
    let migrations = tokio::time::timeout(DATABASE_TIMEOUT, store.migrations_applied()).await;
    let (ready, migrations) = match migrations {
        Ok(Ok((applied, expected))) => {
            (applied == expected, serde_json::json!({"applied": applied, "expected": expected}))
        }
        Ok(Err(error)) => {
            tracing::warn!(%error, "readiness: the database does not answer");
            (false, serde_json::Value::Null)
        }
        Err(_) => {
            tracing::warn!("readiness: the database did not answer within {DATABASE_TIMEOUT:?}");
            (false, serde_json::Value::Null)
        }
    };
    let body = serde_json::json!({
        "ready": ready,
        "database": store.backend_name(),
        "migrations": migrations,
        "read_model": store.read_model_size(),
    });
    let status = if ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, [(axum::http::header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}
