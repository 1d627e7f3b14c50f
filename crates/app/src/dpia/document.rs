//! The DPIA as a PDF: an approved version exactly as the board approved it
//! (its snapshot), or the current text marked as a draft.

use super::record::{RegisterFact, Snapshot};
use crate::error::{Error, Result};
use crate::i18n::{t, tf};
use crate::requests::dutch_date;
use aantoonbaar_documents::dpia::{Dpia, Section};
use aantoonbaar_rules::dpia::record::{Paragraph, PersonRisk};

fn yes_no(value: bool) -> &'static str {
    t(if value { "dpia.pdf.yes" } else { "dpia.pdf.no" })
}

fn risk_value(r: &PersonRisk) -> String {
    let level = |l: aantoonbaar_rules::dpia::record::RiskLevel| t(&format!("dpia.record.level.{}", l.code()));
    tf(
        "dpia.pdf.risk_value",
        &[
            ("description", &r.description),
            ("severity", &r.severity.points().to_string()),
            ("likelihood", &r.likelihood.points().to_string()),
            ("level", level(r.level())),
            ("measures", r.measures.as_deref().unwrap_or(t("dpia.pdf.none"))),
            ("residual", level(r.residual_level())),
        ],
    )
}

/// The document of `snapshot`; `status_line` says which version it is or that it is a draft.
#[must_use]
pub fn document(snapshot: &Snapshot, status_line: String) -> Dpia {
    let c = &snapshot.content;
    let pdf = |key: &str| t(&format!("dpia.pdf.{key}")).to_owned();
    let mut about = vec![(pdf("kind"), t(&format!("dpia.record.kind.{}", snapshot.kind)).to_owned())];
    if let Some(name) = &snapshot.activity_name {
        about.push((pdf("activity"), name.clone()));
    }
    if let Some(product) = &snapshot.product {
        about.push((pdf("product"), product.clone()));
    }
    if let Some(outcome) = &snapshot.screening_outcome {
        about.push((pdf("screening"), t(&format!("dpia.outcome.{outcome}")).to_owned()));
    }
    let mut sections = vec![Section { title: pdf("about"), rows: about }];
    if let Some(central) = &c.central {
        let mut rows = vec![
            (pdf("publisher"), central.publisher.clone()),
            (pdf("central_title"), central.title.clone()),
            (pdf("version"), central.version.clone()),
            (pdf("url"), central.url.clone()),
        ];
        rows.extend(c.findings.iter().map(|f| (f.topic.clone(), format!("{} — {}", yes_no(f.applies), f.why))));
        sections.push(Section { title: pdf("central"), rows });
    }
    for p in Paragraph::ALL.iter().copied() {
        let mut rows: Vec<(String, String)> = snapshot
            .register
            .get(p.code())
            .into_iter()
            .flatten()
            .filter(|f: &&RegisterFact| !f.value.is_empty())
            .map(|f| (f.label.clone(), f.value.clone()))
            .collect();
        if let Some(text) = c.sections.get(p.code()) {
            rows.push((text.clone(), String::new()));
        }
        if p == Paragraph::Risks {
            rows.extend(
                (1..).zip(&c.risks).map(|(n, r)| (tf("dpia.pdf.risk", &[("n", &n.to_string())]), risk_value(r))),
            );
        }
        if rows.is_empty() {
            if p.from_risks() && snapshot.kind == "central" {
                continue;
            }
            rows.push((pdf("empty"), String::new()));
        }
        let title = format!("{}. {}", p.number(), t(&format!("dpia.paragraph.{}", p.code())));
        sections.push(Section { title, rows });
    }
    let mut people = Vec::new();
    if let Some(views) = &c.subjects_views {
        people.push((pdf("views"), views.clone()));
    }
    if let Some(reason) = &c.subjects_not_asked {
        people.push((pdf("not_asked"), reason.clone()));
    }
    if let Some(consultation) = &c.prior_consultation {
        let mut value = dutch_date(consultation.submitted_on);
        for extra in [&consultation.reference, &consultation.outcome].into_iter().flatten() {
            value = format!("{value}; {extra}");
        }
        people.push((pdf("consulted"), value));
    }
    if !people.is_empty() {
        sections.push(Section { title: pdf("people"), rows: people });
    }
    let mut advice = Vec::new();
    if let Some(text) = &snapshot.fg_advice {
        advice.push((pdf("fg_advice"), text.clone()));
    }
    if let Some(by) = &snapshot.fg_advice_by {
        advice.push((pdf("fg_advice_by"), by.clone()));
    }
    if let Some(response) = &c.advice_response {
        advice.push((pdf("advice_response"), response.clone()));
    }
    if !advice.is_empty() {
        sections.push(Section { title: pdf("advice"), rows: advice });
    }
    Dpia { title: snapshot.title.clone(), status_line, sections }
}

/// The PDF of `document`.
///
/// # Errors
/// Only when the PDF cannot be made.
pub async fn pdf(document: Dpia) -> Result<Vec<u8>> {
    crate::blocking(move || aantoonbaar_documents::dpia::dpia(&document)).await?.map_err(|e| Error::internal(&e))
}
