//! The figures of the board report, one source function per module the
//! report reads, all in one list ([`SOURCES`]). A source reads the records of
//! its module for the report's year (counted by the store) and gives its
//! figures and charts; a figure of a year always carries the count of the
//! year before.
//!
//! Adding a figure is adding a source function and its entry in
//! [`SOURCES`], with the labels `board_report.figure.<key>` in the catalogue.

use super::Ctx;
use crate::error::Result;
use crate::i18n::t;
use aantoonbaar_rules::SchoolYear;
use aantoonbaar_rules::access::removed_on_time;
use aantoonbaar_rules::board_report::{Better, Chart, ChartKind, Figure, ReportYear, Series, Unit, share};
use aantoonbaar_rules::consent::Reason;
use aantoonbaar_store::Scope;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

/// What one source gives: figures in the order they are shown, and charts.
#[derive(Debug, Default)]
pub struct Part {
    pub figures: Vec<Figure>,
    pub charts: Vec<Chart>,
}

type Fut<'a> = Pin<Box<dyn Future<Output = Result<Part>> + Send + 'a>>;

/// A source of figures.
pub type Source = for<'a> fn(&'a Ctx<'a>) -> Fut<'a>;

/// Every source, in the order the report shows them.
pub const SOURCES: &[Source] = &[
    incidents,
    requests,
    consent_round,
    agreements,
    dpias,
    risks,
    self_assessment,
    access_review,
    leavers,
    retention,
    signatures,
    awareness,
];

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn figure(key: &str, value: usize, previous: Option<usize>, better: Better, href: &str) -> Figure {
    Figure {
        key: key.to_owned(),
        value: Some(count(value)),
        unit: Unit::Count,
        of: None,
        previous: previous.map(count),
        better,
        href: href.to_owned(),
    }
}

/// A state figure: what the records say on the day the report is read
/// (the year before comes from that year's adopted report, when there is one).
fn state(key: &str, value: usize, better: Better, href: &str) -> Figure {
    figure(key, value, None, better, href)
}

fn months() -> Vec<String> {
    (1..=12).map(|m| t(&format!("board_report.month.{m}")).to_owned()).collect()
}

fn chart(key: &str, kind: ChartKind, categories: Vec<String>, series: Vec<Series>) -> Chart {
    Chart {
        key: key.to_owned(),
        kind,
        title: t(&format!("board_report.chart.{key}")).to_owned(),
        description: t(&format!("board_report.chart.{key}.description")).to_owned(),
        categories,
        series,
    }
}

fn series(key: &str, values: Vec<i64>) -> Series {
    Series { label: t(&format!("board_report.series.{key}")).to_owned(), values }
}

/// Incidents and breaches reported in the year (AVG art. 33; seed 001 §10).
fn incidents<'a>(ctx: &'a Ctx<'a>) -> Fut<'a> {
    Box::pin(async move {
        let (from, to) = ctx.year.bounds();
        let now = ctx.board.report_incident_counts(from, to).await?;
        let before = match ctx.year.previous().map(ReportYear::bounds) {
            Some((from, to)) => Some(ctx.board.report_incident_counts(from, to).await?),
            None => None,
        };
        let href = "/incidenten";
        let figures = vec![
            figure("incidents_reported", now.reported, before.map(|b| b.reported), Better::Neither, href),
            figure("breaches", now.breaches, before.map(|b| b.breaches), Better::Lower, href),
            figure("breaches_notified", now.notified, before.map(|b| b.notified), Better::Neither, href),
            figure(
                "breaches_notified_in_time",
                now.notified_in_time,
                before.map(|b| b.notified_in_time),
                Better::Higher,
                href,
            ),
            figure("breaches_notified_late", now.notified_late, before.map(|b| b.notified_late), Better::Lower, href),
        ];
        let mut per_kind = [vec![0_i64; 12], vec![0_i64; 12], vec![0_i64; 12]];
        for moment in ctx.board.report_incident_moments(from, to).await? {
            let Some(month) = ctx.year.month_of(moment.reported_at) else { continue };
            let row = if moment.is_breach {
                0
            } else if moment.kind == "vulnerability" {
                2
            } else {
                1
            };
            per_kind[row][month] += 1;
        }
        let [breach, other, vulnerability] = per_kind;
        let charts = vec![chart(
            "incidents_per_month",
            ChartKind::Bars,
            months(),
            vec![series("breach", breach), series("other_incident", other), series("vulnerability", vulnerability)],
        )];
        Ok(Part { figures, charts })
    })
}

/// Data-subject requests received in the year and whether they were
/// answered within the month (AVG art. 12 lid 3).
fn requests<'a>(ctx: &'a Ctx<'a>) -> Fut<'a> {
    Box::pin(async move {
        let y = ctx.year;
        let now = ctx.board.report_request_counts(y.first_day(), y.last_day()).await?;
        let before = match y.previous() {
            Some(p) => Some(ctx.board.report_request_counts(p.first_day(), p.last_day()).await?),
            None => None,
        };
        let href = "/verzoeken";
        let figures = vec![
            figure("requests_received", now.received, before.map(|b| b.received), Better::Neither, href),
            figure(
                "requests_answered_in_time",
                now.answered_in_time,
                before.map(|b| b.answered_in_time),
                Better::Higher,
                href,
            ),
            figure("requests_answered_late", now.answered_late, before.map(|b| b.answered_late), Better::Lower, href),
            figure("requests_open", now.open, before.map(|b| b.open), Better::Neither, href),
        ];
        let categories = ["in_time", "late", "open"].iter().map(|k| t(&format!("board_report.series.{k}")).to_owned());
        let charts = vec![chart(
            "requests_in_time",
            ChartKind::Bars,
            categories.collect(),
            vec![series("requests", vec![count(now.answered_in_time), count(now.answered_late), count(now.open)])],
        )];
        Ok(Part { figures, charts })
    })
}

/// The consent round of the school year running on the report's day (seed
/// 001 §14.4–14.6): the share of pupils with an answer, per school too, and
/// the pupils with consent for no purpose at all (nobody may photograph them).
fn consent_round<'a>(ctx: &'a Ctx<'a>) -> Fut<'a> {
    Box::pin(async move {
        let school_year = SchoolYear::containing(ctx.day);
        let pupils = ctx.board.consent_round(&Scope::Board, school_year.first_day(), ctx.day).await?;
        let answered = pupils.iter().filter(|p| p.answered).count();
        let ids: Vec<String> = pupils.iter().map(|p| p.pupil_id.clone()).collect();
        let purposes = ctx.board.consent_purposes(ctx.at).await?;
        let codes: Vec<&str> = purposes.iter().map(|p| p.code.as_str()).collect();
        let verdicts = if ids.is_empty() || codes.is_empty() {
            Vec::new()
        } else {
            crate::consent::verdicts_per_purpose(ctx.board, &Scope::Board, &ids, &codes, ctx.day).await?
        };
        let no_photos = ids
            .iter()
            .filter(|id| !verdicts.iter().any(|per| per.get(*id).is_some_and(|r| *r == Reason::Granted)))
            .count();
        let share_answered = Figure {
            key: "consent_answered_share".to_owned(),
            value: share(answered, pupils.len()),
            unit: Unit::Percent,
            of: Some(count(pupils.len())),
            previous: None,
            better: Better::Higher,
            href: "/toestemming/ronde".to_owned(),
        };
        let figures = vec![share_answered, state("pupils_no_photos", no_photos, Better::Neither, "/toestemming")];
        let names: BTreeMap<String, String> =
            ctx.board.schools(&Scope::Board).await?.into_iter().map(|s| (s.id, s.name)).collect();
        let mut per_school: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
        for pupil in &pupils {
            let name = names.get(&pupil.school_id).map_or("", String::as_str);
            let entry = per_school.entry(name).or_default();
            if pupil.answered {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
        let charts = vec![chart(
            "consent_per_school",
            ChartKind::Bars,
            per_school.keys().map(|k| (*k).to_owned()).collect(),
            vec![
                series("answered", per_school.values().map(|v| v.0).collect()),
                series("not_answered", per_school.values().map(|v| v.1).collect()),
            ],
        )];
        Ok(Part { figures, charts })
    })
}

/// Processors without an agreement in force (AVG art. 28 lid 3; seed 001 §9).
fn agreements<'a>(ctx: &'a Ctx<'a>) -> Fut<'a> {
    Box::pin(async move {
        let (_, suppliers) = crate::parties::facts(ctx.app, &ctx.staff.principal.board, ctx.day).await?;
        let missing = suppliers.iter().filter(|s| s.processor && !s.agreement_in_force).count();
        Ok(Part {
            figures: vec![state("agreements_missing", missing, Better::Lower, "/leveranciers")],
            charts: Vec::new(),
        })
    })
}

/// DPIAs due (to review, or required and not started) and done (approved) (AVG art. 35).
fn dpias<'a>(ctx: &'a Ctx<'a>) -> Fut<'a> {
    Box::pin(async move {
        let overview = crate::dpia::record::list(ctx.app, ctx.staff).await?;
        let done = overview.dpias.iter().filter(|d| d.status == "approved").count();
        Ok(Part {
            figures: vec![
                state("dpias_due", overview.due(), Better::Lower, "/dpia"),
                state("dpias_done", done, Better::Higher, "/dpia"),
            ],
            charts: Vec::new(),
        })
    })
}

/// Risks scoring high without measures, and the heat map (seed 001 §6.2, §14.15).
fn risks<'a>(ctx: &'a Ctx<'a>) -> Fut<'a> {
    Box::pin(async move {
        let views = crate::risks::risks(ctx.app, ctx.staff).await?;
        let thresholds = ctx.board.risk_thresholds().await?;
        let map = crate::risks::heat_map_of(&views, thresholds);
        let without = views.iter().filter(|v| v.needs_measures).count();
        let rows = map
            .rows
            .iter()
            .map(|row| Series {
                label: t(&format!("board_report.likelihood.{}", row.likelihood)).to_owned(),
                values: row.cells.iter().map(|c| i64::from(c.count)).collect(),
            })
            .collect();
        let impacts = (1..=3).map(|i| t(&format!("board_report.impact.{i}")).to_owned()).collect();
        Ok(Part {
            figures: vec![state("risks_high_without_measures", without, Better::Lower, "/risicos")],
            charts: vec![chart("risk_heat_map", ChartKind::Grid, impacts, rows)],
        })
    })
}

/// The self-assessment's norms below level 3, and the norms per maturity level (seed 003).
fn self_assessment<'a>(ctx: &'a Ctx<'a>) -> Fut<'a> {
    Box::pin(async move {
        let below = crate::selfassessment::below_minimum(ctx.app, ctx.staff).await?.unwrap_or(0);
        let mut per_level = vec![0_i64; 5];
        for answer in ctx.board.all_answers().await? {
            if let Some(slot) = per_level.get_mut(usize::from(answer.data.level.value()).saturating_sub(1)) {
                *slot += 1;
            }
        }
        let levels = (1..=5).map(|l| crate::i18n::tf("board_report.level", &[("level", &l.to_string())])).collect();
        Ok(Part {
            figures: vec![state("norms_below_level_3", below, Better::Lower, "/zelfevaluatie")],
            charts: vec![chart("norms_per_level", ChartKind::Bars, levels, vec![series("norms", per_level)])],
        })
    })
}

/// The access review campaigns started in the year: items decided of all
/// items (BIO2 5.18.02; seed 001 §13).
fn access_review<'a>(ctx: &'a Ctx<'a>) -> Fut<'a> {
    Box::pin(async move {
        let y = ctx.year;
        let now = ctx.board.report_review_counts(y.first_day(), y.last_day()).await?;
        let before = match y.previous() {
            Some(p) => Some(ctx.board.report_review_counts(p.first_day(), p.last_day()).await?),
            None => None,
        };
        let completion = Figure {
            key: "access_review_completion".to_owned(),
            value: share(now.decided, now.items),
            unit: Unit::Percent,
            of: Some(count(now.items)),
            previous: before.and_then(|b| share(b.decided, b.items)),
            better: Better::Higher,
            href: "/toegang/controles".to_owned(),
        };
        Ok(Part { figures: vec![completion], charts: Vec::new() })
    })
}

/// Leavers whose removal was due in the year, and how many were removed by
/// the deadline (seed 001 §13; `rules::access::removed_on_time`).
fn leavers<'a>(ctx: &'a Ctx<'a>) -> Fut<'a> {
    Box::pin(async move {
        let on_time = |removals: &[aantoonbaar_store::board_reports::LeaverRemoval]| {
            let done = removals.iter().filter(|r| r.done_on.is_some_and(|d| removed_on_time(r.due_on, d))).count();
            (done, removals.len())
        };
        let y = ctx.year;
        let (done, total) = on_time(&ctx.board.report_leaver_removals(y.first_day(), y.last_day()).await?);
        let before = match y.previous() {
            Some(p) => Some(on_time(&ctx.board.report_leaver_removals(p.first_day(), p.last_day()).await?)),
            None => None,
        };
        let href = "/toegang/vertrekkers";
        let mut removed = figure("leavers_removed_on_time", done, before.map(|b| b.0), Better::Higher, href);
        removed.of = Some(count(total));
        Ok(Part {
            figures: vec![removed, figure("leavers", total, before.map(|b| b.1), Better::Neither, href)],
            charts: Vec::new(),
        })
    })
}

/// Retention items past their term and not yet destroyed (seed 001 §14.13).
fn retention<'a>(ctx: &'a Ctx<'a>) -> Fut<'a> {
    Box::pin(async move {
        let due = crate::retention::attention(ctx.app, ctx.staff).await?.map_or(0, |a| a.due_items);
        Ok(Part {
            figures: vec![state(
                "retention_overdue",
                usize::try_from(due).unwrap_or(0),
                Better::Lower,
                "/bewaartermijnen/werklijst",
            )],
            charts: Vec::new(),
        })
    })
}

/// A share of staff as a figure: `part` of `whole`, with the year before's share.
fn staff_share(key: &str, now: Option<(usize, usize)>, before: Option<(usize, usize)>, href: &str) -> Figure {
    Figure {
        key: key.to_owned(),
        value: now.and_then(|(part, whole)| share(part, whole)),
        unit: Unit::Percent,
        of: now.map(|(_, whole)| count(whole)),
        previous: before.and_then(|(part, whole)| share(part, whole)),
        better: Better::Higher,
        href: href.to_owned(),
    }
}

/// The staff who signed the code of conduct and the confidentiality
/// statement in force on the report's day, of everyone employed then (seed
/// 001 §14.8; seed 002 §8.1.2); the year before as it stood on its last day.
fn signatures<'a>(ctx: &'a Ctx<'a>) -> Fut<'a> {
    Box::pin(async move {
        use aantoonbaar_rules::policy_documents::PolicyKind;
        let mut figures = Vec::new();
        for (key, kind) in [
            ("code_of_conduct_signed", PolicyKind::CodeOfConduct),
            ("confidentiality_signed", PolicyKind::Confidentiality),
        ] {
            let now = crate::policy_documents::signed_share(ctx.board, kind, ctx.day).await?;
            let before = match ctx.year.previous() {
                Some(p) => crate::policy_documents::signed_share(ctx.board, kind, p.last_day()).await?,
                None => None,
            };
            figures.push(staff_share(key, now, before, "/beleid"));
        }
        Ok(Part { figures, charts: Vec::new() })
    })
}

/// The staff employed at the year's end (or on the report's day) who
/// attended at least one awareness activity in the year (seed 001 §5–6:
/// awareness is worked on actively).
fn awareness<'a>(ctx: &'a Ctx<'a>) -> Fut<'a> {
    Box::pin(async move {
        let y = ctx.year;
        let now = crate::awareness::reached(ctx.app, ctx.staff, y.first_day(), ctx.day).await?;
        let before = match y.previous() {
            Some(p) => Some(crate::awareness::reached(ctx.app, ctx.staff, p.first_day(), p.last_day()).await?),
            None => None,
        };
        Ok(Part {
            figures: vec![staff_share("awareness_reached", Some(now), before, "/bewustwording")],
            charts: Vec::new(),
        })
    })
}
