//! Headers on every response, and the same-origin check on every form post.

use axum::extract::Request;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// No inline script, no framing, no referrer leaking pupil ids in URLs, and a
/// refusal of cross-site state changes (browsers send `Sec-Fetch-Site`).
pub async fn headers(request: Request, next: Next) -> Response {
    let cross_site_write = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        && request.headers().get("sec-fetch-site").is_some_and(|site| site != "same-origin" && site != "none");
    let mut response =
        if cross_site_write { crate::error::Problem::forbidden().into_response() } else { next.run(request).await };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
        ),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
