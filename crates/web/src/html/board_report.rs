//! The board report pages (issue 17): `/bestuursverslag` shows this year's
//! report, `/bestuursverslag/{year}` any year's: the figures with the year
//! before and a link to their records, the charts as server-drawn SVG with a
//! table of their figures, the IBP manager's section, the FG's opinion and
//! the adoption, and the PDF. The forms call the same operations as the API
//! (`aantoonbaar_app::board_report`).

use super::form::{PagePairs, Refused, form_field, read, refusal};
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::i18n::tf;
use aantoonbaar_app::board_report::{self as app, BoardReport};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::board_report::{Chart, ChartKind, ReportYear};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};

/// One figure's row.
pub struct FigureRow {
    pub label: String,
    pub value: String,
    pub compared: String,
    pub href: String,
}

/// A rectangle of a chart (a bar's part or a cell), with its shade class.
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub shade: usize,
}

/// A text of a chart.
pub struct Label {
    pub x: f32,
    pub y: f32,
    pub text: String,
    pub anchor: &'static str,
    /// On a dark cell: white.
    pub light: bool,
}

/// A chart as drawn: the SVG's shapes and texts, and its figures as a table.
pub struct ChartView {
    pub id: String,
    pub grid: bool,
    pub title: String,
    pub description: String,
    pub height: f32,
    pub rects: Vec<Rect>,
    pub labels: Vec<Label>,
    pub legend: Vec<(usize, String)>,
    pub columns: Vec<String>,
    /// Per series: its label and its values as text.
    pub rows: Vec<(String, Vec<String>)>,
}

const WIDTH: f32 = 640.0;

fn bars(chart: &Chart) -> (f32, Vec<Rect>, Vec<Label>) {
    let (top, plot, left) = (18.0_f32, 160.0_f32, 4.0_f32);
    let count = chart.categories.len().max(1) as f32;
    let slot = (WIDTH - left * 2.0) / count;
    let bar = (slot * 0.6).min(56.0);
    let scale = chart.scale() as f32;
    let base = top + plot;
    let mut rects = Vec::new();
    let mut labels = Vec::new();
    for (index, (category, total)) in chart.categories.iter().zip(chart.totals()).enumerate() {
        let x = left + slot * index as f32 + (slot - bar) / 2.0;
        let mut y = base;
        for (shade, series) in chart.series.iter().enumerate() {
            let value = series.values.get(index).copied().unwrap_or(0);
            if value > 0 {
                let height = plot * value as f32 / scale;
                y -= height;
                rects.push(Rect { x, y, width: bar, height, shade });
            }
        }
        let middle = left + slot * index as f32 + slot / 2.0;
        labels.push(Label { x: middle, y: y - 4.0, text: total.to_string(), anchor: "middle", light: false });
        labels.push(Label { x: middle, y: base + 16.0, text: category.clone(), anchor: "middle", light: false });
    }
    (base + 24.0, rects, labels)
}

fn grid(chart: &Chart) -> (f32, Vec<Rect>, Vec<Label>) {
    let (label_width, cell_height, top) = (150.0_f32, 44.0_f32, 22.0_f32);
    let columns = chart.categories.len().max(1) as f32;
    let cell_width = (WIDTH - label_width) / columns;
    let scale = chart.scale() as f32;
    let mut rects = Vec::new();
    let mut labels = Vec::new();
    for (c, category) in chart.categories.iter().enumerate() {
        let x = label_width + cell_width * (c as f32 + 0.5);
        labels.push(Label { x, y: 14.0, text: category.clone(), anchor: "middle", light: false });
    }
    for (r, series) in chart.series.iter().enumerate() {
        let y = top + cell_height * r as f32;
        labels.push(Label {
            x: 0.0,
            y: y + cell_height / 2.0 + 5.0,
            text: series.label.clone(),
            anchor: "start",
            light: false,
        });
        for (c, value) in series.values.iter().enumerate() {
            let x = label_width + cell_width * c as f32;
            // Five shades, darker for more.
            let shade = if *value == 0 { 0 } else { 1 + ((*value as f32 / scale) * 3.0).round() as usize };
            rects.push(Rect { x: x + 1.0, y: y + 1.0, width: cell_width - 2.0, height: cell_height - 2.0, shade });
            let center = x + cell_width / 2.0;
            labels.push(Label {
                x: center,
                y: y + cell_height / 2.0 + 5.0,
                text: value.to_string(),
                anchor: "middle",
                light: shade >= 3,
            });
        }
    }
    (top + cell_height * chart.series.len() as f32 + 4.0, rects, labels)
}

fn chart_view(chart: &Chart) -> ChartView {
    let (height, rects, labels) = match chart.kind {
        ChartKind::Bars => bars(chart),
        ChartKind::Grid => grid(chart),
    };
    ChartView {
        id: chart.key.replace('_', "-"),
        grid: chart.kind == ChartKind::Grid,
        title: chart.title.clone(),
        description: chart.description.clone(),
        height,
        rects,
        labels,
        legend: if chart.kind == ChartKind::Bars && chart.series.len() > 1 {
            chart.series.iter().enumerate().map(|(i, s)| (i, s.label.clone())).collect()
        } else {
            Vec::new()
        },
        columns: chart.categories.clone(),
        rows: chart
            .series
            .iter()
            .map(|s| (s.label.clone(), s.values.iter().map(ToString::to_string).collect()))
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "board_report.html")]
struct ReportPage {
    layout: Layout,
    year: String,
    years: Vec<(String, bool)>,
    status_lines: Vec<String>,
    adopted: bool,
    figures: Vec<FigureRow>,
    charts: Vec<ChartView>,
    text: Option<(String, String)>,
    opinion: Option<(String, String)>,
    can_write: bool,
    can_opinion: bool,
    can_adopt: bool,
    today: String,
    refused: Refused,
}

fn written(w: Option<&app::Written>) -> Option<(String, String)> {
    w.map(|w| {
        (
            w.text.clone(),
            tf(
                "board_report.written_by",
                &[
                    ("by", &w.by),
                    ("on", &aantoonbaar_app::requests::dutch_date(aantoonbaar_rules::calendar::dutch_date(w.at))),
                ],
            ),
        )
    })
}

async fn page(state: &AppState, staff: &Staff, year: &str, refused: Refused, status: StatusCode) -> PageResult {
    let found: BoardReport = app::report(state, staff, Some(year)).await?;
    let r = &found.report;
    let this_year = ReportYear::containing(state.clock.today());
    let mut years = Vec::new();
    let mut y = Some(this_year);
    while let Some(shown) = y.filter(|y| this_year.value() - y.value() < 5) {
        years.push((shown.to_string(), shown == r.year));
        y = shown.previous();
    }
    let adopted = found.adoption.is_some();
    let page = ReportPage {
        layout: Layout::for_staff(
            state,
            staff,
            &tf("board_report.page_title", &[("year", &r.year.to_string())]),
            "/bestuursverslag",
        ),
        year: r.year.to_string(),
        years,
        status_lines: app::status_lines(&found),
        adopted,
        figures: r
            .figures
            .iter()
            .map(|f| FigureRow {
                label: app::label(&f.key),
                value: app::shown(f.value, f),
                compared: app::compared(f),
                href: f.href.clone(),
            })
            .collect(),
        charts: r.charts.iter().map(chart_view).collect(),
        text: written(r.text.as_ref()),
        opinion: written(r.opinion.as_ref()),
        can_write: !adopted && staff.can(Action::BoardReportWrite),
        can_opinion: !adopted && staff.can(Action::BoardReportOpinion),
        can_adopt: !adopted && staff.can(Action::BoardReportAdopt),
        today: state.clock.today().to_string(),
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn current(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let year = ReportYear::containing(state.clock.today()).to_string();
    page(&state, &staff, &year, Refused::default(), StatusCode::OK).await
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(year): Path<String>) -> PageResult {
    page(&state, &staff, &year, Refused::default(), StatusCode::OK).await
}

pub async fn pdf(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(year): Path<String>) -> PageResult {
    let download = app::pdf(&state, &staff, Some(&year)).await?;
    Ok(crate::download::attachment(download.content_type, &download.file_name, download.bytes))
}

async fn after(
    state: &AppState,
    staff: &Staff,
    year: &str,
    form: &'static str,
    pairs: Vec<(String, String)>,
    result: aantoonbaar_app::Result<BoardReport>,
) -> PageResult {
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/bestuursverslag/{year}")).into_response()),
        Err(error) => {
            let (status, refused) = refusal(form, pairs, error, form_field)?;
            page(state, staff, year, refused, status).await
        }
    }
}

pub async fn write_text(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(year): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let result = app::write_text(&state, &staff, &year, read(pairs.clone())?).await;
    after(&state, &staff, &year, "text", pairs, result).await
}

pub async fn write_opinion(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(year): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let result = app::write_opinion(&state, &staff, &year, read(pairs.clone())?).await;
    after(&state, &staff, &year, "opinion", pairs, result).await
}

pub async fn adopt(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(year): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let result = app::adopt(&state, &staff, &year, read(pairs.clone())?).await;
    after(&state, &staff, &year, "adopt", pairs, result).await
}
