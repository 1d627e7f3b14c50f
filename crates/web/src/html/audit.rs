//! The audit trail for the FG, the IBP manager and the board: filter by person,
//! pupil and period, and export as CSV.

use super::filters;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::Problem;
use crate::i18n::t;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::calendar::dutch_time_zone;
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_store::{AuditEntry, AuditFilter, PupilQuery, Scope};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;

/// At most this many entries on the page; the CSV export has no such limit below 100,000.
const PAGE_LIMIT: i64 = 500;

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
}

pub struct Row {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub ip: String,
    pub action: &'static str,
    pub entity: String,
    pub fields: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    layout: Layout,
    query: AuditQuery,
    rows: Vec<Row>,
    error: Option<&'static str>,
    csv_link: String,
}

fn local(entry: &AuditEntry) -> String {
    entry.at.to_zoned(dutch_time_zone()).strftime("%Y-%m-%d %H:%M:%S").to_string()
}

/// Turns the form into a store filter; the pupil text finds pupils by name or number.
async fn filter(state: &AppState, staff: &Staff, query: &AuditQuery, limit: i64) -> Result<AuditFilter, &'static str> {
    let day_start = |text: &str| -> Result<Option<i64>, &'static str> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        let date = parse_iso_date(text).map_err(|e| e.code)?;
        let zoned = date.to_zoned(dutch_time_zone()).map_err(|_| "date.format")?;
        Ok(Some(zoned.timestamp().as_second()))
    };
    let from = day_start(&query.van)?;
    let until = day_start(&query.tot)?.map(|start| start + 24 * 3600);
    let entity_ids = if query.leerling.trim().is_empty() {
        None
    } else {
        let search =
            PupilQuery { text: Some(query.leerling.clone()), include_left: true, limit: 1000, ..PupilQuery::default() };
        let (pupils, _) = state
            .store
            .board(&staff.principal.board)
            .pupils(&Scope::Board, &search)
            .await
            .map_err(|_| "problem.internal")?;
        Some(pupils.into_iter().map(|p| p.id).collect())
    };
    Ok(AuditFilter { actor: Some(query.persoon.clone()), entity_ids, from, until, limit })
}

fn action_label(action: &str) -> &'static str {
    t(&format!("audit.action.{action}"))
}

pub async fn show(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<AuditQuery>,
) -> PageResult {
    staff.may(Action::AuditView)?;
    let board = state.store.board(&staff.principal.board);
    let (rows, error) = match filter(&state, &staff, &query, PAGE_LIMIT).await {
        Ok(filter) => {
            let entries = board.audit_search(&filter).await?;
            let rows = entries
                .iter()
                .map(|e| Row {
                    seq: e.seq,
                    at: local(e),
                    actor: e.actor.clone(),
                    ip: e.ip.clone().unwrap_or_default(),
                    action: action_label(&e.action),
                    entity: format!("{} {}", e.entity, e.entity_id),
                    fields: e.fields.join(", "),
                })
                .collect();
            (rows, None)
        }
        Err(code) => (Vec::new(), Some(t(code))),
    };
    let csv_link = format!(
        "/logboek.csv?persoon={}&leerling={}&van={}&tot={}",
        super::urlencode(&query.persoon),
        super::urlencode(&query.leerling),
        super::urlencode(&query.van),
        super::urlencode(&query.tot)
    );
    let layout = Layout::for_staff(&state, &staff, t("nav.audit"), "/logboek");
    Ok(render(&AuditPage { layout, query, rows, error, csv_link }))
}

/// The same selection as CSV (UTF-8 with BOM, `;`-separated, so Excel opens it right).
pub async fn export(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<AuditQuery>,
) -> PageResult {
    staff.may(Action::AuditView)?;
    let filter = filter(&state, &staff, &query, 100_000).await.map_err(|code| {
        let mut problem = Problem::invalid(vec![crate::error::FieldError::new("van", code)]);
        t(code).clone_into(&mut problem.detail);
        problem
    })?;
    let entries = state.store.board(&staff.principal.board).audit_search(&filter).await?;
    let header = ["volgnummer", "tijdstip", "persoon", "adres", "handeling", "soort", "id", "velden"].map(String::from);
    let rows = entries.iter().map(|e| {
        [
            e.seq.to_string(),
            local(e),
            e.actor.clone(),
            e.ip.clone().unwrap_or_default(),
            e.action.clone(),
            e.entity.clone(),
            e.entity_id.clone(),
            e.fields.join(","),
        ]
    });
    let bytes = aantoonbaar_app::export::csv(std::iter::once(header).chain(rows)).map_err(|e| Problem::internal(&e))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"logboek.csv\""),
        ],
        bytes,
    )
        .into_response())
}
