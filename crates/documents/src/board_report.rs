//! The board report on the state of IBP as a PDF (seed 001 §5–6): the
//! period and status line (live, or adopted with its check number), the
//! figures as label–value rows, each chart drawn from the same plain chart
//! model the page draws as SVG (stacked bars, or the heat map's grid), then
//! the IBP manager's section and the FG's opinion. Texts come from the caller.

use crate::{BODY, CONTENT_HEIGHT, DocumentError, FOOTER, Fonts, HEADING, Item, LABEL, LEFT, Layout, PARAGRAPH_GAP};
use crate::{RIGHT, TITLE, WIDTH, render};
use aantoonbaar_rules::board_report::{Chart, ChartKind};

/// The whole document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardReportDocument {
    pub title: String,
    /// The period, the state (live or adopted) and the check number, one line each.
    pub status_lines: Vec<String>,
    pub figures_heading: String,
    /// Label and value (with the year before) per figure.
    pub figures: Vec<(String, String)>,
    pub charts_heading: String,
    pub charts: Vec<Chart>,
    /// Headed free texts: the IBP manager's section, the FG's opinion.
    pub sections: Vec<(String, String)>,
}

/// The shades of a chart's series, dark to light (0 is black).
const SHADES: [u8; 4] = [60, 130, 185, 220];
const CHART_HEIGHT: f32 = 110.0;

fn shade(index: usize) -> u8 {
    SHADES[index % SHADES.len()]
}

/// The report as a PDF.
///
/// # Errors
/// Only when the embedded fonts or krilla fail.
pub fn board_report(document: &BoardReportDocument) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::load()?;
    let mut layout = Layout::new(&fonts);
    let first = layout.start_unit();
    layout.paragraph(LEFT, WIDTH, TITLE, &document.title);
    layout.gap(4.0);
    layout.running_head = Some(document.title.clone());
    for line in &document.status_lines {
        layout.paragraph(LEFT, WIDTH, BODY, line);
    }
    heading(&mut layout, &document.figures_heading);
    for (label, value) in &document.figures {
        layout.field(label, value);
    }
    heading(&mut layout, &document.charts_heading);
    for chart in &document.charts {
        draw_chart(&mut layout, chart);
    }
    for (title, text) in &document.sections {
        heading(&mut layout, title);
        for paragraph in text.split('\n').filter(|p| !p.trim().is_empty()) {
            layout.paragraph(LEFT, WIDTH, BODY, paragraph);
            layout.gap(PARAGRAPH_GAP / 2.0);
        }
    }
    layout.footers(first, &document.title);
    render(&fonts, &layout.pages, &document.title)
}

fn heading(layout: &mut Layout<'_>, title: &str) {
    layout.keep(HEADING.leading() + BODY.leading() * 2.0);
    layout.gap(PARAGRAPH_GAP);
    layout.paragraph(LEFT, WIDTH, HEADING, title);
    layout.rule(LEFT, RIGHT, 0.4, 150);
    layout.gap(4.0);
}

fn text(layout: &mut Layout<'_>, x: f32, baseline: f32, style: crate::Style, text: &str, width: f32) {
    let shown = layout.fonts.shorten(text, style, width);
    let measured = layout.fonts.measure(&shown, style);
    layout.push(Item::Text { x, y: baseline, width: measured, style, text: shown });
}

/// A chart: its title, its legend, then the bars or the grid, kept on one page.
fn draw_chart(layout: &mut Layout<'_>, chart: &Chart) {
    let legend_rows = if chart.kind == ChartKind::Bars { 1.0 } else { 0.0 };
    let needed = BODY.leading() * 3.0 + legend_rows * LABEL.leading() + CHART_HEIGHT + 30.0;
    layout.keep(needed.min(CONTENT_HEIGHT));
    layout.gap(PARAGRAPH_GAP);
    layout.paragraph(LEFT, WIDTH, crate::BODY_BOLD, &chart.title);
    match chart.kind {
        ChartKind::Bars => bars(layout, chart),
        ChartKind::Grid => grid(layout, chart),
    }
    layout.gap(PARAGRAPH_GAP);
}

fn bars(layout: &mut Layout<'_>, chart: &Chart) {
    // The legend: a square per series and its label.
    if chart.series.len() > 1 {
        let mut x = LEFT;
        let baseline = layout.y + layout.fonts.baseline(FOOTER);
        for (index, series) in chart.series.iter().enumerate() {
            layout.push(Item::Block { x, y: layout.y + 1.0, width: 7.0, height: 7.0, gray: shade(index) });
            let width = (layout.fonts.measure(&series.label, FOOTER) + 2.0).min(WIDTH / 3.0);
            text(layout, x + 10.0, baseline, FOOTER, &series.label, width);
            x += width + 22.0;
        }
        layout.gap(FOOTER.leading() + 4.0);
    }
    let count = chart.categories.len().max(1) as f32;
    let slot = WIDTH / count;
    let bar = (slot * 0.6).min(48.0);
    let scale = chart.scale() as f32;
    let top = layout.y + FOOTER.leading();
    let base = top + CHART_HEIGHT;
    layout.push(Item::Rule { x1: LEFT, x2: RIGHT, y: base, thickness: 0.5, gray: 0 });
    for (index, (label, total)) in chart.categories.iter().zip(chart.totals()).enumerate() {
        let x = LEFT + slot * index as f32 + (slot - bar) / 2.0;
        let mut y = base;
        for (s, series) in chart.series.iter().enumerate() {
            let value = series.values.get(index).copied().unwrap_or(0);
            if value > 0 {
                let height = CHART_HEIGHT * value as f32 / scale;
                y -= height;
                layout.push(Item::Block { x, y, width: bar, height, gray: shade(s) });
            }
        }
        let total = total.to_string();
        let width = layout.fonts.measure(&total, FOOTER);
        text(layout, x + (bar - width) / 2.0, y - 2.0, FOOTER, &total, slot);
        let label_width = layout.fonts.measure(label, FOOTER).min(slot - 2.0);
        let label_x = LEFT + slot * index as f32 + (slot - label_width) / 2.0;
        text(layout, label_x, base + FOOTER.leading(), FOOTER, label, slot - 2.0);
    }
    layout.y = base + FOOTER.leading() + 4.0;
}

fn grid(layout: &mut Layout<'_>, chart: &Chart) {
    const ROW_LABEL: f32 = 110.0;
    let columns = chart.categories.len().max(1) as f32;
    let cell_width = ((WIDTH - ROW_LABEL) / columns).min(90.0);
    let cell_height = 26.0;
    let scale = chart.scale() as f32;
    let header = layout.y + layout.fonts.baseline(FOOTER);
    for (c, label) in chart.categories.iter().enumerate() {
        text(layout, LEFT + ROW_LABEL + cell_width * c as f32 + 2.0, header, FOOTER, label, cell_width - 4.0);
    }
    layout.gap(FOOTER.leading() + 2.0);
    for series in &chart.series {
        let top = layout.y;
        text(layout, LEFT, top + cell_height / 2.0 + 3.0, FOOTER, &series.label, ROW_LABEL - 6.0);
        for (c, value) in series.values.iter().enumerate() {
            let x = LEFT + ROW_LABEL + cell_width * c as f32;
            // Darker for more: 235 (none) down to 90 (the largest cell).
            let gray = 235.0 - 145.0 * (*value as f32 / scale);
            let gray = gray.clamp(90.0, 235.0) as u8;
            layout.push(Item::Block {
                x: x + 1.0,
                y: top + 1.0,
                width: cell_width - 2.0,
                height: cell_height - 2.0,
                gray,
            });
            let shown = value.to_string();
            let width = layout.fonts.measure(&shown, crate::BODY_BOLD);
            let style = if gray < 150 { crate::Style { gray: 255, ..crate::BODY_BOLD } } else { crate::BODY_BOLD };
            text(layout, x + (cell_width - width) / 2.0, top + cell_height / 2.0 + 3.5, style, &shown, cell_width);
        }
        layout.y = top + cell_height;
    }
    layout.gap(4.0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use aantoonbaar_rules::board_report::Series;

    #[test]
    fn the_report_with_bars_and_a_grid_is_a_pdf() {
        let bars = Chart {
            key: "incidents_per_month".to_owned(),
            kind: ChartKind::Bars,
            title: "Incidenten per maand".to_owned(),
            description: String::new(),
            categories: (1..=12).map(|m| format!("m{m}")).collect(),
            series: vec![
                Series { label: "Datalek".to_owned(), values: vec![0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0] },
                Series { label: "Ander incident".to_owned(), values: vec![2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0] },
            ],
        };
        let grid = Chart {
            key: "risk_heat_map".to_owned(),
            kind: ChartKind::Grid,
            title: "Risicokaart".to_owned(),
            description: String::new(),
            categories: vec!["Klein".to_owned(), "Middel".to_owned(), "Groot".to_owned()],
            series: vec![Series { label: "Groot".to_owned(), values: vec![0, 2, 5] }],
        };
        let document = BoardReportDocument {
            title: "Bestuursverslag IBP 2026".to_owned(),
            status_lines: vec!["1 januari tot en met 31 december 2026".to_owned()],
            figures_heading: "Cijfers".to_owned(),
            figures: vec![("Datalekken".to_owned(), "4".to_owned())],
            charts_heading: "Grafieken".to_owned(),
            charts: vec![bars, grid],
            sections: vec![("Toelichting".to_owned(), "Een goed jaar.\nMet twee alinea's.".to_owned())],
        };
        let pdf = board_report(&document).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }
}
