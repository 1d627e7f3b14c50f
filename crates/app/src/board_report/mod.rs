//! The board report on the state of IBP for one calendar year (seed 001 §5–6:
//! the IBP manager reports to the board; issue 17): figures counted from the
//! product's own records ([`figures::SOURCES`]), charts built once from them,
//! the IBP manager's section and the FG's opinion. When the board adopts it,
//! the report is frozen as a snapshot whose SHA-256 is the subject of the
//! adoption's audit entry; from then on the page, API and PDF show the
//! snapshot, and the texts can no longer change.
//!
//! The state figures (risks, agreements, DPIAs, retention, the consent round)
//! are read through the modules' own operations, so a reader of the report is
//! someone who may read those modules too: the CvB, the IBP manager and the FG.

pub mod figures;

use crate::error::{Error, Result};
use crate::i18n::{t, tf};
use crate::input::{Given, Unknown, done, given_text, rule};
use crate::register::adoption::sealed;
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::board_report::{Chart, Figure, ReportYear, Trend, Unit};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_store::board_reports::{ReportSnapshot, ReportText, TextPart};
use aantoonbaar_store::{BoardStore, StoreError};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

/// The longest section the IBP manager or the FG writes.
pub const SECTION_LIMIT: usize = 20_000;

/// What a figure source reads: the board, the year and the day its state is read on.
pub struct Ctx<'a> {
    pub app: &'a App,
    pub staff: &'a Staff,
    pub board: BoardStore<'a>,
    pub year: ReportYear,
    /// The day the state figures are read on (today, or the year's last day).
    pub day: Date,
    pub at: Timestamp,
}

/// A written section: the text, who wrote it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Written {
    pub text: String,
    pub by: String,
    #[schema(value_type = String)]
    pub at: Timestamp,
}

impl From<ReportText> for Written {
    fn from(t: ReportText) -> Self {
        Self { text: t.body, by: t.written_by, at: t.written_at }
    }
}

/// The report as computed, and as frozen in a snapshot (the same JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub year: ReportYear,
    pub first_day: Date,
    pub last_day: Date,
    /// The day the state figures were read on.
    pub measured_on: Date,
    pub board: String,
    pub figures: Vec<Figure>,
    pub charts: Vec<Chart>,
    pub text: Option<Written>,
    pub opinion: Option<Written>,
}

/// The board's adoption of a year's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Adoption {
    #[schema(value_type = String)]
    pub adopted_on: Date,
    /// Who recorded it.
    pub adopted_by: String,
    #[schema(value_type = String)]
    pub adopted_at: Timestamp,
    /// Hex SHA-256 of the stored snapshot: the "controlegetal".
    pub sha256: String,
}

/// A year's report: live, or the adopted snapshot.
#[derive(Debug, Clone)]
pub struct BoardReport {
    pub report: Report,
    pub adoption: Option<Adoption>,
}

impl BoardReport {
    #[must_use]
    pub fn figure(&self, key: &str) -> Option<&Figure> {
        self.report.figures.iter().find(|f| f.key == key)
    }
}

/// Reads the `year` of a request: `field.required` when missing,
/// `board_report.year_invalid` when it is no year.
///
/// # Errors
/// A 400-style [`Error::Invalid`] naming `year`.
pub fn parse_year(year: Option<&str>) -> Result<ReportYear> {
    match year.map(str::trim).filter(|y| !y.is_empty()) {
        None => Err(Error::field("year", "board_report.year_missing")),
        Some(text) => ReportYear::parse(text).map_err(|invalid| Error::field("year", invalid.code)),
    }
}

/// The year's report: the adopted snapshot once adopted, else computed now.
///
/// # Errors
/// Forbidden, a missing or wrong year, a year not begun, or the store.
pub async fn report(app: &App, staff: &Staff, year: Option<&str>) -> Result<BoardReport> {
    staff.may(Action::BoardReportView)?;
    let year = parse_year(year)?;
    let board = app.store.board(&staff.principal.board);
    if let Some(snapshot) = board.report_snapshot(i64::from(year.value())).await? {
        return adopted(snapshot);
    }
    Ok(BoardReport { report: compute(app, staff, year).await?, adoption: None })
}

fn adopted(snapshot: ReportSnapshot) -> Result<BoardReport> {
    let report: Report = serde_json::from_str(&snapshot.body).map_err(|e| Error::internal(&e))?;
    Ok(BoardReport {
        report,
        adoption: Some(Adoption {
            adopted_on: snapshot.adopted_on,
            adopted_by: snapshot.adopted_by,
            adopted_at: snapshot.adopted_at,
            sha256: snapshot.sha256,
        }),
    })
}

/// The report computed from the records as they are now.
async fn compute(app: &App, staff: &Staff, year: ReportYear) -> Result<Report> {
    let today = app.clock.today();
    let Some(day) = year.measured_on(today) else { return Err(Error::field("year", "board_report.year_future")) };
    let board = app.store.board(&staff.principal.board);
    let ctx = Ctx { app, staff, board, year, day, at: app.clock.now() };
    let mut figures = Vec::new();
    let mut charts = Vec::new();
    for source in figures::SOURCES {
        let part = source(&ctx).await?;
        figures.extend(part.figures);
        charts.extend(part.charts);
    }
    // A state figure's year before is what the board adopted for that year.
    if let Some(previous) = year.previous()
        && let Some(snapshot) = board.report_snapshot(i64::from(previous.value())).await?
        && let Ok(before) = serde_json::from_str::<Report>(&snapshot.body)
    {
        for figure in figures.iter_mut().filter(|f| f.previous.is_none()) {
            figure.previous = before.figures.iter().find(|b| b.key == figure.key).and_then(|b| b.value);
        }
    }
    let (text, opinion) = board.report_texts(i64::from(year.value())).await?;
    Ok(Report {
        year,
        first_day: year.first_day(),
        last_day: year.last_day(),
        measured_on: day,
        board: staff.principal.board_name.clone(),
        figures,
        charts,
        text: text.map(Written::from),
        opinion: opinion.map(Written::from),
    })
}

/// A section: `{text}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SectionCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub text: Option<Given<String>>,
}

async fn write(app: &App, staff: &Staff, year: &str, part: TextPart, command: SectionCommand) -> Result<BoardReport> {
    let year = parse_year(Some(year))?;
    let mut errors = command.unknown.errors();
    let text = given_text(&mut errors, "text", command.text, true, SECTION_LIMIT);
    let text = done(errors, text)?;
    if year.measured_on(app.clock.today()).is_none() {
        return Err(Error::field("year", "board_report.year_future"));
    }
    let board = app.store.board(&staff.principal.board);
    board.write_report_text(&staff.actor(), i64::from(year.value()), part, &text).await.map_err(|e| match e {
        StoreError::WrongState => Error::conflict("text", "board_report.adopted_already"),
        other => other.into(),
    })?;
    report(app, staff, Some(&year.to_string())).await
}

/// The IBP manager writes their section for the year (BoardReportWrite).
///
/// # Errors
/// Forbidden, the text missing or too long, the year adopted already (409), or the store.
pub async fn write_text(app: &App, staff: &Staff, year: &str, command: SectionCommand) -> Result<BoardReport> {
    staff.may(Action::BoardReportWrite)?;
    write(app, staff, year, TextPart::Text, command).await
}

/// The FG writes their opinion for the year (BoardReportOpinion: the FG only).
///
/// # Errors
/// As [`write_text`].
pub async fn write_opinion(app: &App, staff: &Staff, year: &str, command: SectionCommand) -> Result<BoardReport> {
    staff.may(Action::BoardReportOpinion)?;
    write(app, staff, year, TextPart::Opinion, command).await
}

/// Adopting: `{adopted_on}`, the day the CvB adopted the report.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct AdoptCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String, format = Date)]
    pub adopted_on: Option<String>,
}

/// The CvB adopts the year's report, or the IBP manager records the CvB's
/// adoption on a date: the report as it is now is frozen as a snapshot, its
/// SHA-256 the subject of the audit entry. The date is not in the future and
/// not before the year began.
///
/// # Errors
/// Forbidden, `adopted_on` missing or wrong, adopted already (409), or the store.
pub async fn adopt(app: &App, staff: &Staff, year: &str, command: AdoptCommand) -> Result<BoardReport> {
    staff.may(Action::BoardReportAdopt)?;
    let year = parse_year(Some(year))?;
    let mut errors = command.unknown.errors();
    let today = app.clock.today();
    let adopted_on = match rule(&mut errors, "adopted_on", command.adopted_on, parse_iso_date) {
        Some(day) if day > today => {
            errors.push(crate::FieldError::new("adopted_on", "board_report.adopted_in_future"));
            None
        }
        Some(day) if day < year.first_day() => {
            errors.push(crate::FieldError::new("adopted_on", "board_report.adopted_before_year"));
            None
        }
        None if errors.iter().all(|e| e.field != "adopted_on") => {
            errors.push(crate::FieldError::new("adopted_on", "field.required"));
            None
        }
        other => other,
    };
    let adopted_on = done(errors, adopted_on)?;
    let board = app.store.board(&staff.principal.board);
    if board.report_snapshot(i64::from(year.value())).await?.is_some() {
        return Err(Error::conflict("year", "board_report.adopted_already"));
    }
    let report = compute(app, staff, year).await?;
    let (body, sha256) = sealed(&report)?;
    let actor = staff.actor();
    let snapshot = ReportSnapshot {
        year: i64::from(year.value()),
        adopted_on,
        adopted_by: staff.principal.name.clone(),
        adopted_at: actor.at,
        body,
        sha256,
    };
    board.adopt_report(&actor, &snapshot).await.map_err(|e| match e {
        StoreError::Duplicate { .. } => Error::conflict("year", "board_report.adopted_already"),
        other => other.into(),
    })?;
    adopted(snapshot)
}

/// The stored snapshot of an adopted year, exactly as stored (its SHA-256 is the controlegetal).
///
/// # Errors
/// Forbidden, a wrong year, not adopted (404), or the store.
pub async fn snapshot(app: &App, staff: &Staff, year: &str) -> Result<String> {
    staff.may(Action::BoardReportView)?;
    let year = parse_year(Some(year))?;
    let board = app.store.board(&staff.principal.board);
    Ok(board.report_snapshot(i64::from(year.value())).await?.ok_or(Error::NotFound)?.body)
}

/// The check of an adopted report: the snapshot's hash now, the hash stored
/// with it, and whether the audit trail holds an adoption entry with that hash.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Verification {
    pub year: i64,
    /// SHA-256 of the snapshot as stored now.
    pub computed: String,
    /// The hash written when it was adopted.
    pub stored: String,
    /// Whether the audit trail has the adoption entry with this hash.
    pub in_audit_trail: bool,
    /// All three agree.
    pub intact: bool,
}

/// Checks an adopted report against its hash and the audit trail.
///
/// # Errors
/// Forbidden, a wrong year, not adopted (404), or the store.
pub async fn verify(app: &App, staff: &Staff, year: &str) -> Result<Verification> {
    staff.may(Action::BoardReportView)?;
    let year = parse_year(Some(year))?;
    let board = app.store.board(&staff.principal.board);
    let snapshot = board.report_snapshot(i64::from(year.value())).await?.ok_or(Error::NotFound)?;
    let computed: String = Sha256::digest(snapshot.body.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let in_audit_trail = board.report_adoption_audited(&snapshot.sha256).await?;
    Ok(Verification {
        year: snapshot.year,
        intact: in_audit_trail && computed == snapshot.sha256,
        computed,
        stored: snapshot.sha256,
        in_audit_trail,
    })
}

// ---------------------------------------------------------------- reading

/// A figure's label on screen.
#[must_use]
pub fn label(key: &str) -> String {
    t(&format!("board_report.figure.{key}")).to_owned()
}

/// A value as read: "12", "83%", "3 van 4", or "geen gegevens".
#[must_use]
pub fn shown(value: Option<i64>, figure: &Figure) -> String {
    match (value, figure.unit, figure.of) {
        (None, _, _) => t("board_report.no_data").to_owned(),
        (Some(v), Unit::Percent, Some(of)) => {
            tf("board_report.percent_of", &[("value", &v.to_string()), ("of", &of.to_string())])
        }
        (Some(v), Unit::Percent, None) => tf("board_report.percent", &[("value", &v.to_string())]),
        (Some(v), Unit::Count, Some(of)) => {
            tf("board_report.count_of", &[("value", &v.to_string()), ("of", &of.to_string())])
        }
        (Some(v), Unit::Count, None) => v.to_string(),
    }
}

/// The comparison with the year before, as read.
#[must_use]
pub fn compared(figure: &Figure) -> String {
    let Some(previous) = figure.previous else { return t("board_report.no_previous").to_owned() };
    let before = match figure.unit {
        Unit::Percent => tf("board_report.percent", &[("value", &previous.to_string())]),
        Unit::Count => previous.to_string(),
    };
    let trend = match figure.trend() {
        Trend::Better => "better",
        Trend::Worse => "worse",
        Trend::Same => "same",
        Trend::Changed | Trend::Unknown => "changed",
    };
    tf(&format!("board_report.trend.{trend}"), &[("before", &before)])
}

/// The report as a PDF: the same figures, charts and texts as the page.
///
/// # Errors
/// As [`report`], or the PDF.
pub async fn pdf(app: &App, staff: &Staff, year: Option<&str>) -> Result<crate::register::export::Download> {
    let found = report(app, staff, year).await?;
    let document = document(&found);
    let year = found.report.year;
    let bytes = crate::blocking(move || aantoonbaar_documents::board_report::board_report(&document))
        .await?
        .map_err(|e| Error::internal(&e))?;
    Ok(crate::register::export::Download {
        bytes,
        content_type: "application/pdf",
        file_name: format!("bestuursverslag-{year}.pdf"),
    })
}

/// The lines under the title: the period, and the state (live or adopted with the controlegetal).
#[must_use]
pub fn status_lines(found: &BoardReport) -> Vec<String> {
    let r = &found.report;
    let date = crate::requests::dutch_date;
    let mut lines = vec![tf(
        "board_report.period",
        &[("from", &date(r.first_day)), ("to", &date(r.last_day)), ("measured", &date(r.measured_on))],
    )];
    match &found.adoption {
        Some(a) => {
            lines.push(tf("board_report.adopted_line", &[("on", &date(a.adopted_on)), ("by", &a.adopted_by)]));
            lines.push(tf("board_report.check_number", &[("hash", &a.sha256)]));
        }
        None => lines.push(t("board_report.live_line").to_owned()),
    }
    lines
}

fn document(found: &BoardReport) -> aantoonbaar_documents::board_report::BoardReportDocument {
    let r = &found.report;
    let figures =
        r.figures.iter().map(|f| (label(&f.key), format!("{} ({})", shown(f.value, f), compared(f)))).collect();
    let mut sections = Vec::new();
    let none = t("board_report.not_written").to_owned();
    sections
        .push((t("board_report.text_heading").to_owned(), r.text.as_ref().map_or(none.clone(), |w| w.text.clone())));
    sections.push((t("board_report.opinion_heading").to_owned(), r.opinion.as_ref().map_or(none, |w| w.text.clone())));
    aantoonbaar_documents::board_report::BoardReportDocument {
        title: tf("board_report.title_year", &[("year", &r.year.to_string()), ("board", &r.board)]),
        status_lines: status_lines(found),
        figures_heading: t("board_report.figures_heading").to_owned(),
        figures,
        charts_heading: t("board_report.charts_heading").to_owned(),
        charts: r.charts.clone(),
        sections,
    }
}
