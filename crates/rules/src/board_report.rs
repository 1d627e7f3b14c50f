//! The board report on the state of IBP for one calendar year.
//!
//! Source: seed 001 §5 ("De IBP-manager rapporteert aan het bestuur over de
//! stand van zaken") and §6 (the yearly cycle: the policy is evaluated at
//! least once a year, checks and compliance are reported to the board). The
//! report's figures are counted from the product's own records; this module
//! holds the pure parts: the year and its bounds in Dutch time, shares, the
//! in-time judgements, the comparison with the year before, and the plain
//! chart model that the page (SVG) and the PDF both draw.

use crate::Invalid;
use crate::calendar::dutch_time_zone;
use jiff::Timestamp;
use jiff::civil::{Date, date};
use serde::{Deserialize, Serialize};

/// The first and last year a report can be asked for.
const FIRST_YEAR: i16 = 2000;
const LAST_YEAR: i16 = 2100;

/// A report year: the calendar year, 1 January to 31 December, in
/// Europe/Amsterdam (seed 001 §5: the board is reported to once a year; the
/// issue asks for the report "for a year").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReportYear(i16);

impl ReportYear {
    /// Reads `2026`.
    ///
    /// # Errors
    /// `board_report.year_invalid` for anything but a year from 2000 to 2100.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let text = text.trim();
        if text.len() != 4 || !text.chars().all(|c| c.is_ascii_digit()) {
            return Err(Invalid::new("board_report.year_invalid"));
        }
        match text.parse::<i16>() {
            Ok(year @ FIRST_YEAR..=LAST_YEAR) => Ok(Self(year)),
            _ => Err(Invalid::new("board_report.year_invalid")),
        }
    }

    /// The year that contains `day`.
    #[must_use]
    pub fn containing(day: Date) -> Self {
        Self(day.year().clamp(FIRST_YEAR, LAST_YEAR))
    }

    #[must_use]
    pub const fn value(self) -> i16 {
        self.0
    }

    /// The year before, for the comparison (`None` before the first year).
    #[must_use]
    pub const fn previous(self) -> Option<Self> {
        if self.0 > FIRST_YEAR { Some(Self(self.0 - 1)) } else { None }
    }

    #[must_use]
    pub fn first_day(self) -> Date {
        date(self.0, 1, 1)
    }

    #[must_use]
    pub fn last_day(self) -> Date {
        date(self.0, 12, 31)
    }

    /// The year as instants: from 1 January 00:00 up to (not including) the
    /// next 1 January 00:00, Dutch time.
    #[must_use]
    pub fn bounds(self) -> (Timestamp, Timestamp) {
        let tz = dutch_time_zone();
        let start = |year: i16| date(year, 1, 1).to_zoned(tz.clone()).map_or(Timestamp::UNIX_EPOCH, |z| z.timestamp());
        (start(self.0), start(self.0 + 1))
    }

    /// The day the report's state figures are read on: today, or the year's
    /// last day when the year is over. `None` for a year that has not begun.
    #[must_use]
    pub fn measured_on(self, today: Date) -> Option<Date> {
        if today < self.first_day() { None } else { Some(today.min(self.last_day())) }
    }

    /// The month (0 for January) of `instant` in Dutch time, `None` outside the year.
    #[must_use]
    pub fn month_of(self, instant: Timestamp) -> Option<usize> {
        let zoned = instant.to_zoned(dutch_time_zone());
        if zoned.year() != self.0 {
            return None;
        }
        usize::try_from(zoned.month() - 1).ok()
    }
}

impl std::fmt::Display for ReportYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// `part` of `whole` as a whole percentage, rounded half up; `None` when
/// there is nothing to share (no pupils, no review items).
#[must_use]
pub fn share(part: usize, whole: usize) -> Option<i64> {
    if whole == 0 {
        return None;
    }
    let (part, whole) = (u128::try_from(part).ok()?, u128::try_from(whole).ok()?);
    i64::try_from((part * 200 + whole) / (whole * 2)).ok()
}

/// Whether the AP was notified within the 72 hours (AVG art. 33 lid 1): on
/// or before the deadline that the assessment set.
#[must_use]
pub fn notified_in_time(deadline: Timestamp, sent: Timestamp) -> bool {
    sent <= deadline
}

/// Whether a data-subject request was decided in time (AVG art. 12 lid 3):
/// on or before its deadline, the extended one when it was extended.
#[must_use]
pub fn answered_in_time(deadline: Date, extended: Option<Date>, decided: Date) -> bool {
    decided <= extended.unwrap_or(deadline)
}

/// What a figure counts: a number of records, or a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Count,
    Percent,
}

/// Whether a higher value is better, worse, or neither (for the comparison).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
    Neither,
}

/// One figure of the report: its stable key, its value, what it is out of,
/// the value of the year before, and the page listing the records it counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub key: String,
    /// `None`: nothing to count (a share of no pupils).
    pub value: Option<i64>,
    pub unit: Unit,
    /// The whole a share or part is taken of (pupils, review items, leavers).
    pub of: Option<i64>,
    pub previous: Option<i64>,
    pub better: Better,
    pub href: String,
}

/// How a figure compares with the year before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Better,
    Worse,
    Same,
    /// Changed, but neither direction is better; or nothing to compare.
    Changed,
    Unknown,
}

impl Figure {
    /// The comparison with the year before.
    #[must_use]
    pub fn trend(&self) -> Trend {
        let (Some(now), Some(before)) = (self.value, self.previous) else { return Trend::Unknown };
        match (now.cmp(&before), self.better) {
            (std::cmp::Ordering::Equal, _) => Trend::Same,
            (_, Better::Neither) => Trend::Changed,
            (std::cmp::Ordering::Greater, Better::Higher) | (std::cmp::Ordering::Less, Better::Lower) => Trend::Better,
            _ => Trend::Worse,
        }
    }
}

/// How a chart is drawn: stacked bars per category, or a grid of counted
/// cells (the risk heat map: series are rows, categories columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    Bars,
    Grid,
}

/// One series of a chart: a value per category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    pub label: String,
    pub values: Vec<i64>,
}

/// A chart as plain data, built once from the figures' records and drawn by
/// the page (SVG) and the PDF alike. The texts are in the reader's language,
/// given by the caller; a snapshot keeps them as the board saw them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chart {
    pub key: String,
    pub kind: ChartKind,
    pub title: String,
    /// The text alternative: what the chart shows, in a sentence.
    pub description: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
}

impl Chart {
    /// The largest stacked total of a category (bars) or the largest cell (grid), at least 1.
    #[must_use]
    pub fn scale(&self) -> i64 {
        let largest = match self.kind {
            ChartKind::Bars => (0..self.categories.len())
                .map(|i| self.series.iter().map(|s| s.values.get(i).copied().unwrap_or(0)).sum())
                .max()
                .unwrap_or(0),
            ChartKind::Grid => self.series.iter().flat_map(|s| s.values.iter().copied()).max().unwrap_or(0),
        };
        largest.max(1)
    }

    /// Each category's total over the series.
    #[must_use]
    pub fn totals(&self) -> Vec<i64> {
        (0..self.categories.len())
            .map(|i| self.series.iter().map(|s| s.values.get(i).copied().unwrap_or(0)).sum())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_four_digits_within_range() {
        assert_eq!(ReportYear::parse(" 2026 ").map(ReportYear::value), Ok(2026));
        for wrong in ["", "26", "twee", "1999", "2101", "20261", "-202"] {
            assert_eq!(ReportYear::parse(wrong), Err(Invalid::new("board_report.year_invalid")), "{wrong}");
        }
    }

    #[test]
    fn the_year_runs_on_dutch_time() -> Result<(), jiff::Error> {
        let year = ReportYear::parse("2026").unwrap();
        let (start, end) = year.bounds();
        assert_eq!(start, "2025-12-31T23:00:00Z".parse()?);
        assert_eq!(end, "2026-12-31T23:00:00Z".parse()?);
        // New Year's Eve 23:30 UTC is already January in the Netherlands.
        assert_eq!(year.month_of("2025-12-31T23:30:00Z".parse()?), Some(0));
        assert_eq!(year.month_of("2026-12-31T23:30:00Z".parse()?), None);
        assert_eq!(year.month_of("2026-11-22T09:00:00Z".parse()?), Some(10));
        Ok(())
    }

    #[test]
    fn state_figures_are_read_on_today_or_the_years_last_day() {
        let year = ReportYear::parse("2025").unwrap();
        assert_eq!(year.measured_on(date(2026, 11, 22)), Some(date(2025, 12, 31)));
        assert_eq!(year.measured_on(date(2025, 3, 1)), Some(date(2025, 3, 1)));
        assert_eq!(year.measured_on(date(2024, 12, 31)), None);
    }

    #[test]
    fn shares_round_half_up_and_need_a_whole() {
        assert_eq!(share(1, 3), Some(33));
        assert_eq!(share(2, 3), Some(67));
        assert_eq!(share(1, 2), Some(50));
        assert_eq!(share(0, 0), None);
        assert_eq!(share(5, 5), Some(100));
    }

    #[test]
    fn in_time_is_on_or_before_the_deadline() -> Result<(), jiff::Error> {
        let deadline: Timestamp = "2026-11-25T08:30:00Z".parse()?;
        assert!(notified_in_time(deadline, deadline));
        assert!(!notified_in_time(deadline, "2026-11-25T08:31:00Z".parse()?));
        assert!(answered_in_time(date(2026, 3, 1), None, date(2026, 3, 1)));
        assert!(!answered_in_time(date(2026, 3, 1), None, date(2026, 3, 2)));
        assert!(answered_in_time(date(2026, 3, 1), Some(date(2026, 5, 1)), date(2026, 4, 2)));
        Ok(())
    }

    #[test]
    fn the_trend_knows_which_way_is_better() {
        let mut figure = Figure {
            key: "breaches_notified_late".to_owned(),
            value: Some(1),
            unit: Unit::Count,
            of: None,
            previous: Some(3),
            better: Better::Lower,
            href: String::new(),
        };
        assert_eq!(figure.trend(), Trend::Better);
        figure.better = Better::Higher;
        assert_eq!(figure.trend(), Trend::Worse);
        figure.better = Better::Neither;
        assert_eq!(figure.trend(), Trend::Changed);
        figure.previous = Some(1);
        assert_eq!(figure.trend(), Trend::Same);
        figure.previous = None;
        assert_eq!(figure.trend(), Trend::Unknown);
    }

    #[test]
    fn a_chart_scales_to_its_largest_stack_or_cell() {
        let chart = Chart {
            key: "k".to_owned(),
            kind: ChartKind::Bars,
            title: String::new(),
            description: String::new(),
            categories: vec!["a".to_owned(), "b".to_owned()],
            series: vec![
                Series { label: "x".to_owned(), values: vec![1, 4] },
                Series { label: "y".to_owned(), values: vec![2, 1] },
            ],
        };
        assert_eq!(chart.scale(), 5);
        assert_eq!(chart.totals(), [3, 5]);
        let grid = Chart { kind: ChartKind::Grid, ..chart };
        assert_eq!(grid.scale(), 4);
    }
}
