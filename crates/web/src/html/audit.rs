//! The audit trail (Logboek) for the FG, the IBP manager and the board: filter
//! by person, pupil and period, page through it, and export it as CSV. The
//! reading is `aantoonbaar_app::audit`.

use super::filters;
use super::pager::{self, Pager};
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::StaffPage;
use crate::error::Problem;
use crate::i18n::t;
use aantoonbaar_app::audit::{self as app, AuditLine, AuditSearch};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;

#[derive(Deserialize, Default, Clone)]
pub struct AuditQuery {
    #[serde(default)]
    persoon: String,
    #[serde(default)]
    leerling: String,
    #[serde(default)]
    van: String,
    #[serde(default)]
    tot: String,
    #[serde(default)]
    pagina: String,
}

impl AuditQuery {
    fn search(&self) -> AuditSearch {
        AuditSearch {
            person: self.persoon.clone(),
            pupil: self.leerling.clone(),
            from: self.van.clone(),
            until: self.tot.clone(),
        }
    }

    /// The filters as a query string, for the page links and the export.
    fn filters(&self) -> String {
        [("persoon", &self.persoon), ("leerling", &self.leerling), ("van", &self.van), ("tot", &self.tot)]
            .iter()
            .map(|(name, value)| format!("{name}={}", super::urlencode(value)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    layout: Layout,
    query: AuditQuery,
    rows: Vec<AuditLine>,
    error: Option<crate::error::FieldError>,
    /// The field the error is about (`van`, `tot`), empty without one.
    invalid: String,
    pager: Option<Pager>,
    csv_link: String,
}

pub async fn show(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<AuditQuery>,
) -> PageResult {
    let page = pager::page_number(&query.pagina);
    let (rows, pager, error) = match app::trail(&state, &staff, &query.search(), pager::offset(page), pager::PAGE_SIZE)
        .await
    {
        Ok(found) => {
            let filters = query.filters();
            let pager =
                Pager::new(page, found.lines.len(), found.total, ("audit.summary", "audit.none", "audit.pages"), |n| {
                    format!("/logboek?{filters}&pagina={n}")
                });
            (found.lines, Some(pager), None)
        }
        Err(aantoonbaar_app::Error::Invalid(errors)) => (Vec::new(), None, errors.into_iter().next()),
        Err(other) => return Err(other.into()),
    };
    let invalid = error.as_ref().map(|e| e.field.clone()).unwrap_or_default();
    let csv_link = format!("/logboek.csv?{}", query.filters());
    let layout = Layout::for_staff(&state, &staff, t("nav.audit"), "/logboek");
    Ok(render(&AuditPage { layout, query, rows, error, invalid, pager, csv_link }))
}

/// The same selection, every page of it, as CSV (UTF-8 with BOM, `;`-separated, so Excel opens it right).
pub async fn export(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<AuditQuery>,
) -> PageResult {
    let bytes = app::csv(&state, &staff, &query.search()).await.map_err(Problem::from)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"logboek.csv\""),
        ],
        bytes,
    )
        .into_response())
}
