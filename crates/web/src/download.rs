//! A file as a response: its type, and a file name the browser saves it under
//! (`attachment`) or shows it with (`inline`). The name keeps only ASCII
//! letters, digits and `.-_`, so no header can be broken by what a user typed.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// The file to save, under `file_name`.
pub fn attachment(content_type: &str, file_name: &str, bytes: Vec<u8>) -> Response {
    file("attachment", content_type, file_name, bytes)
}

/// The file to show in the browser (a PDF), under `file_name` when saved.
pub fn inline(content_type: &str, file_name: &str, bytes: Vec<u8>) -> Response {
    file("inline", content_type, file_name, bytes)
}

fn file(disposition: &str, content_type: &str, file_name: &str, bytes: Vec<u8>) -> Response {
    let name: String =
        file_name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' }).collect();
    let content_type =
        HeaderValue::from_str(content_type).unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    let disposition = HeaderValue::from_str(&format!("{disposition}; filename=\"{name}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    ([(header::CONTENT_TYPE, content_type), (header::CONTENT_DISPOSITION, disposition)], bytes).into_response()
}
