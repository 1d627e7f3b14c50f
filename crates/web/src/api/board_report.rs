//! The board report on the state of IBP (seed 001 §5–6; issue 17): the
//! figures of a calendar year as JSON, or the PDF with `Accept:
//! application/pdf`; the IBP manager's section, the FG's opinion, the
//! adoption that freezes it, its stored snapshot and the check of its hash.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::board_report::{
    self as app, AdoptCommand, Adoption, BoardReport, SectionCommand, Verification, Written,
};
use aantoonbaar_rules::board_report::{Chart, Trend, Unit};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Deserialize, IntoParams)]
pub struct YearQuery {
    /// The calendar year, `2026` (1 January to 31 December, Europe/Amsterdam).
    year: Option<String>,
}

/// One figure: its value, what it is out of, the year before, and the page
/// listing the records it counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct FigureOut {
    value: Option<i64>,
    /// `count` or `percent`.
    #[schema(value_type = String)]
    unit: Unit,
    of: Option<i64>,
    previous: Option<i64>,
    /// `better`, `worse`, `same`, `changed` or `unknown`.
    #[schema(value_type = String)]
    trend: Trend,
    href: String,
    label: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReportOut {
    year: i16,
    #[schema(value_type = String)]
    first_day: jiff::civil::Date,
    #[schema(value_type = String)]
    last_day: jiff::civil::Date,
    /// The day the state figures were read on.
    #[schema(value_type = String)]
    measured_on: jiff::civil::Date,
    /// `live` or `adopted`.
    status: &'static str,
    figures: BTreeMap<String, FigureOut>,
    /// The figures' keys in the order the report shows them.
    order: Vec<String>,
    #[schema(value_type = Object)]
    charts: Vec<Chart>,
    text: Option<Written>,
    opinion: Option<Written>,
    adoption: Option<Adoption>,
}

fn out(found: BoardReport) -> ReportOut {
    let r = found.report;
    let order = r.figures.iter().map(|f| f.key.clone()).collect();
    let figures = r
        .figures
        .into_iter()
        .map(|f| {
            let trend = f.trend();
            let label = app::label(&f.key);
            (
                f.key,
                FigureOut { value: f.value, unit: f.unit, of: f.of, previous: f.previous, trend, href: f.href, label },
            )
        })
        .collect();
    ReportOut {
        year: r.year.value(),
        first_day: r.first_day,
        last_day: r.last_day,
        measured_on: r.measured_on,
        status: if found.adoption.is_some() { "adopted" } else { "live" },
        figures,
        order,
        charts: r.charts,
        text: r.text,
        opinion: r.opinion,
        adoption: found.adoption,
    }
}

fn wants_pdf(headers: &HeaderMap) -> bool {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("application/pdf"))
}

/// The board report of a calendar year: the adopted snapshot once adopted,
/// else the figures as the records say now. `Accept: application/pdf` gives
/// the PDF. A missing or wrong `year` is a 400 naming `year`.
#[utoipa::path(get, path = "/board-report", tag = "board-report", params(YearQuery),
    responses((status = 200, body = ReportOut, description = "JSON, or the PDF with `Accept: application/pdf`"),
        (status = 400, body = Problem), (status = 403, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    Query(query): Query<YearQuery>,
) -> ApiResult<Response> {
    if wants_pdf(&headers) {
        let download = app::pdf(&state, &staff, query.year.as_deref()).await.map_err(Problem::from_query)?;
        return Ok(crate::download::attachment(download.content_type, &download.file_name, download.bytes));
    }
    let found = app::report(&state, &staff, query.year.as_deref()).await.map_err(Problem::from_query)?;
    Ok(Json(out(found)).into_response())
}

/// The IBP manager's section for the year (ST); 409 once adopted.
#[utoipa::path(put, path = "/board-report/{year}/text", tag = "board-report", params(("year" = String, Path)),
    request_body = SectionCommand,
    responses((status = 200, body = ReportOut), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn put_text(
    State(state): State<AppState>,
    staff: Staff,
    Path(year): Path<String>,
    ApiJson(command): ApiJson<SectionCommand>,
) -> ApiResult<Json<ReportOut>> {
    Ok(Json(out(app::write_text(&state, &staff, &year, command).await?)))
}

/// The FG's opinion for the year (the FG only); 409 once adopted.
#[utoipa::path(put, path = "/board-report/{year}/opinion", tag = "board-report", params(("year" = String, Path)),
    request_body = SectionCommand,
    responses((status = 200, body = ReportOut), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn put_opinion(
    State(state): State<AppState>,
    staff: Staff,
    Path(year): Path<String>,
    ApiJson(command): ApiJson<SectionCommand>,
) -> ApiResult<Json<ReportOut>> {
    Ok(Json(out(app::write_opinion(&state, &staff, &year, command).await?)))
}

/// Adopts the year's report on `adopted_on` (CvB, or ST recording the CvB's
/// decision): frozen as a snapshot whose SHA-256 goes into the audit trail.
#[utoipa::path(post, path = "/board-report/{year}/adopt", tag = "board-report", params(("year" = String, Path)),
    request_body = AdoptCommand,
    responses((status = 201, body = ReportOut), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn adopt(
    State(state): State<AppState>,
    staff: Staff,
    Path(year): Path<String>,
    ApiJson(command): ApiJson<AdoptCommand>,
) -> ApiResult<(StatusCode, Json<ReportOut>)> {
    Ok((StatusCode::CREATED, Json(out(app::adopt(&state, &staff, &year, command).await?))))
}

/// The adopted snapshot exactly as stored: its SHA-256 is the controlegetal
/// in the audit trail. 404 before adoption.
#[utoipa::path(get, path = "/board-report/{year}/snapshot", tag = "board-report", params(("year" = String, Path)),
    responses((status = 200, content_type = "application/json", description = "The snapshot"),
        (status = 404, body = Problem)))]
pub async fn snapshot(State(state): State<AppState>, staff: Staff, Path(year): Path<String>) -> ApiResult<Response> {
    let body = app::snapshot(&state, &staff, &year).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// Checks the adopted snapshot against its hash and the audit trail.
#[utoipa::path(get, path = "/board-report/{year}/verification", tag = "board-report",
    params(("year" = String, Path)),
    responses((status = 200, body = Verification), (status = 404, body = Problem)))]
pub async fn verification(
    State(state): State<AppState>,
    staff: Staff,
    Path(year): Path<String>,
) -> ApiResult<Json<Verification>> {
    Ok(Json(app::verify(&state, &staff, &year).await?))
}
