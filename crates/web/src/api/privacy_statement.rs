//! The privacy statement: generated from the adopted register (HTML, JSON or
//! PDF by `Accept`), published as numbered versions, and their list.

use super::ApiJson;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, Problem};
use aantoonbaar_app::privacy_statement::{self as app, Publish, Published, StatementSection};
use aantoonbaar_rules::register::statement::{ARTICLE_13_ITEMS, Audience, Coverage};
use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
pub struct AudienceQuery {
    /// `parents`, `pupils` (16 and older), `staff` or `applicants`.
    audience: Option<String>,
}

/// What the register lacks for an item.
#[derive(Serialize, ToSchema)]
pub struct GapOut {
    code: &'static str,
    /// In Dutch, with the activity it is about.
    text: String,
    /// The activity to fix; absent: the board's profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    activity_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    about: Option<String>,
}

/// One item of the law and the section that covers it.
#[derive(Serialize, ToSchema)]
pub struct CoverageOut {
    /// `13(1)(a)` … `13(2)(f)`; in `coverage_other` also `14(1)(d)`, `14(2)(f)` and `001-15(a)` … `001-15(l)`.
    item: &'static str,
    /// The code of the section.
    section: &'static str,
    /// Whether the item concerns this audience (no transfers: 13(1)(f) does not apply).
    applicable: bool,
    /// Whether the register supplies what the section needs.
    satisfied: bool,
    missing: Vec<GapOut>,
}

impl From<&Coverage> for CoverageOut {
    fn from(c: &Coverage) -> Self {
        Self {
            item: c.item,
            section: c.section.code(),
            applicable: c.applicable,
            satisfied: c.satisfied,
            missing: c
                .missing
                .iter()
                .map(|g| {
                    let text = crate::i18n::t(&format!("privacy_statement.gap.{}", g.code));
                    GapOut {
                        code: g.code,
                        text: g.activity.as_ref().map_or_else(|| text.to_owned(), |a| format!("{a}: {text}")),
                        activity_id: g.activity_id.clone(),
                        about: g.about.clone(),
                    }
                })
                .collect(),
        }
    }
}

/// The statement as generated now from the adopted register.
#[derive(Serialize, ToSchema)]
pub struct StatementOut {
    audience: &'static str,
    title: String,
    /// The published version this text is; null while it differs from every published one (a draft).
    version: Option<i64>,
    published_at: Option<String>,
    /// The adopted register version it comes from.
    register_version: i64,
    /// Hex SHA-256 of the sections as stored when published.
    sha256: String,
    sections: Vec<StatementSection>,
    /// Every item of AVG art. 13(1) and 13(2).
    coverage: Vec<CoverageOut>,
    /// The items of art. 14 and of seed 001 art. 15 a–l.
    coverage_other: Vec<CoverageOut>,
}

fn wants(headers: &HeaderMap, media: &str) -> bool {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|accept| accept.contains(media))
}

fn audience_of(query: &AudienceQuery) -> Result<Audience, Problem> {
    Ok(app::audience(query.audience.as_deref().unwrap_or_default())?)
}

/// The privacy statement for an audience, from the newest adopted register and
/// the board's profile: `text/html` by default, JSON with
/// `Accept: application/json` (sections and the coverage of every art. 13
/// item), the PDF with `Accept: application/pdf`. 409 before the register is adopted.
#[utoipa::path(get, path = "/privacy-statement", tag = "privacy-statement", params(AudienceQuery),
    responses((status = 200, body = StatementOut, description = "HTML by default; JSON or PDF by `Accept`"),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    Query(query): Query<AudienceQuery>,
) -> ApiResult<Response> {
    let audience = audience_of(&query)?;
    let draft = app::preview(&state, &staff, audience).await?;
    let published = draft.published().cloned();
    if wants(&headers, "application/json") {
        let (coverage, other): (Vec<&Coverage>, Vec<&Coverage>) =
            draft.coverage.iter().partition(|c| ARTICLE_13_ITEMS.contains(&c.item));
        return Ok(Json(StatementOut {
            audience: audience.code(),
            title: draft.title,
            version: published.as_ref().map(|p| p.version),
            published_at: published.map(|p| p.published_at),
            register_version: draft.register_version,
            sha256: draft.sha256,
            sections: draft.sections,
            coverage: coverage.into_iter().map(CoverageOut::from).collect(),
            coverage_other: other.into_iter().map(CoverageOut::from).collect(),
        })
        .into_response());
    }
    if wants(&headers, "application/pdf") {
        let at = published.as_ref().and_then(|p| p.published_at.parse::<jiff::Timestamp>().ok());
        let note = app::version_note(published.as_ref().map(|p| p.version), at, &draft.sha256);
        let bytes = app::pdf(&draft.title, &draft.board_name, &note, &draft.sections).await?;
        return Ok(crate::html::privacy_statement::pdf(bytes));
    }
    Ok(crate::html::privacy_statement::document(&state, &draft))
}

/// Publishes the statement for `{audience}` as it reads now (IBP manager):
/// 201 with the new version, its register version and SHA-256 (also in the
/// audit trail); 200 with the newest version when that has this exact text.
#[utoipa::path(post, path = "/privacy-statement/publish", tag = "privacy-statement", request_body = Publish,
    responses((status = 201, body = Published), (status = 200, body = Published),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn publish(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(command): ApiJson<Publish>,
) -> ApiResult<(StatusCode, Json<Published>)> {
    let (published, created) = app::publish(&state, &staff, command).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(published)))
}

/// The published versions, newest first: of one audience, or of all.
#[utoipa::path(get, path = "/privacy-statement/versions", tag = "privacy-statement", params(AudienceQuery),
    responses((status = 200, body = [Published]), (status = 422, body = Problem)))]
pub async fn versions(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<AudienceQuery>,
) -> ApiResult<Json<Vec<Published>>> {
    let audiences = match query.audience.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        None => Audience::ALL.to_vec(),
        Some(code) => vec![app::audience(code)?],
    };
    let mut out = Vec::new();
    for audience in audiences {
        out.extend(app::versions(&state, &staff, audience).await?.iter().map(Published::from));
    }
    Ok(Json(out))
}
