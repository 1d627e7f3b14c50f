//! What the product itself knows about a calendar item: one function per
//! item kind that looks up the evidence in the product's own records. An
//! item whose kind the product knows ([`Fact::Unknown`] never comes back
//! for it) gets its status from here and cannot be ticked by hand.
//!
//! A kind the product does not know (an item the board added itself)
//! answers [`Fact::Unknown`] and is ticked by hand.

use crate::App;
use crate::i18n::tf;
use crate::requests::dutch_date;
use aantoonbaar_rules::SchoolYear;
use aantoonbaar_rules::calendar::dutch_date as day_of;
use aantoonbaar_rules::cycle::ItemKind;
use aantoonbaar_rules::dpia::record::Status as DpiaStatus;
use aantoonbaar_store::{BoardStore, StoreError};
use jiff::civil::Date;

/// What the product knows of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact {
    /// The product holds no records of this; the item is ticked by hand.
    Unknown,
    /// Not done according to the product, with what it does know.
    NotYet { text: String, link: Option<String> },
    /// Done according to the product: the fact and the records it comes from.
    Done { text: String, link: Option<String> },
}

/// The fact of an item of `kind` in `year` due on `due_on`.
///
/// # Errors
/// When the store cannot be read.
pub async fn fact(
    app: &App,
    board: BoardStore<'_>,
    kind: ItemKind,
    year: SchoolYear,
    due_on: Date,
) -> Result<Fact, StoreError> {
    match kind {
        ItemKind::ConsentRound => consent_round(app, board, year).await,
        ItemKind::AccessReview => access_review(app, board, year).await,
        ItemKind::DpiaReviews => dpia_reviews(app, board, due_on).await,
        ItemKind::SelfAssessment => self_assessment(app, board, year).await,
        ItemKind::PolicyEvaluation => policy_evaluation(app, board, year).await,
        ItemKind::BoardReport => board_report(app, board, year).await,
        ItemKind::Custom => Ok(Fact::Unknown),
    }
}

/// Done when the consent round of `year` started: its first invitation
/// went out (`crate::consent_round`).
async fn consent_round(app: &App, board: BoardStore<'_>, year: SchoolYear) -> Result<Fact, StoreError> {
    let invitations = board.consent_invitations(year).await?;
    let link = Some(app.link("/toestemming/ronde"));
    Ok(match invitations.iter().map(|i| i.at).min() {
        Some(first) => Fact::Done {
            text: tf(
                "calendar.fact.consent_round_done",
                &[("date", &dutch_date(day_of(first))), ("count", &invitations.len().to_string())],
            ),
            link,
        },
        None => Fact::NotYet { text: tf("calendar.fact.consent_round_none", &[]), link },
    })
}

/// Done when a review campaign started in `year` was closed
/// (`crate::access::reviews`); an open one shows its progress.
async fn access_review(app: &App, board: BoardStore<'_>, year: SchoolYear) -> Result<Fact, StoreError> {
    let campaigns: Vec<_> = board
        .campaigns()
        .await?
        .into_iter()
        .filter(|c| (year.first_day()..=year.last_day()).contains(&c.started_on))
        .collect();
    let link = |id: &str| Some(app.link(&format!("/toegang/controles/{id}")));
    if let Some(closed) = campaigns.iter().find(|c| c.closed_at.is_some()) {
        let on = closed.closed_at.map(|at| dutch_date(day_of(at))).unwrap_or_default();
        let text = tf(
            "calendar.fact.access_review_done",
            &[
                ("name", &closed.name),
                ("date", &on),
                ("decided", &closed.decided.to_string()),
                ("items", &closed.items.to_string()),
            ],
        );
        return Ok(Fact::Done { text, link: link(&closed.id) });
    }
    Ok(match campaigns.first() {
        Some(open) => {
            let share = aantoonbaar_rules::access::percentage(open.decided, open.items).unwrap_or(100);
            let text = tf("calendar.fact.access_review_open", &[("name", &open.name), ("share", &share.to_string())]);
            Fact::NotYet { text, link: link(&open.id) }
        }
        None => Fact::NotYet {
            text: tf("calendar.fact.access_review_none", &[]),
            link: Some(app.link("/toegang/controles")),
        },
    })
}

/// Done when the board has DPIAs and none is waiting for its review: no
/// approved DPIA whose review falls due by `due_on`, none marked for review
/// (`crate::dpia`).
async fn dpia_reviews(app: &App, board: BoardStore<'_>, due_on: Date) -> Result<Fact, StoreError> {
    let dpias = board.dpias().await?;
    let link = Some(app.link("/dpia"));
    let waiting = dpias
        .iter()
        .filter(|d| {
            d.status == DpiaStatus::ReviewRequired
                || (d.status == DpiaStatus::Approved && d.review_due.is_some_and(|r| r <= due_on))
        })
        .count();
    Ok(if dpias.is_empty() {
        Fact::NotYet { text: tf("calendar.fact.dpia_none", &[]), link }
    } else if waiting == 0 {
        Fact::Done { text: tf("calendar.fact.dpia_done", &[("count", &dpias.len().to_string())]), link }
    } else {
        Fact::NotYet { text: tf("calendar.fact.dpia_waiting", &[("count", &waiting.to_string())]), link }
    })
}

/// Done when every norm of the shipped framework was assessed in `year`
/// (`crate::selfassessment`).
async fn self_assessment(app: &App, board: BoardStore<'_>, year: SchoolYear) -> Result<Fact, StoreError> {
    let framework = aantoonbaar_rules::frameworks::shipped().map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let answers = board.all_answers().await?;
    let this_year: Vec<_> = answers
        .iter()
        .filter(|a| a.framework_code == framework.code)
        .filter(|a| (year.first_day()..=year.last_day()).contains(&day_of(a.updated_at)))
        .collect();
    let assessed = framework.norms.iter().filter(|n| this_year.iter().any(|a| a.norm_reference == n.reference)).count();
    let link = Some(app.link("/zelfevaluatie"));
    let counts = [("assessed", assessed.to_string()), ("norms", framework.norms.len().to_string())];
    let args: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Ok(if assessed == framework.norms.len() && assessed > 0 {
        let last = this_year.iter().map(|a| a.updated_at).max().map(|at| dutch_date(day_of(at))).unwrap_or_default();
        let mut args = args;
        args.push(("date", &last));
        Fact::Done { text: tf("calendar.fact.self_assessment_done", &args), link }
    } else {
        Fact::NotYet { text: tf("calendar.fact.self_assessment_open", &args), link }
    })
}

/// Done when a version of the IBP policy was adopted in `year` (seed 001
/// §6: the policy is evaluated at least yearly; an evaluation without
/// changes is recorded as a new version saying so, so its date and hash
/// stand in the product too) (`crate::policy_documents`).
async fn policy_evaluation(app: &App, board: BoardStore<'_>, year: SchoolYear) -> Result<Fact, StoreError> {
    use aantoonbaar_rules::policy_documents::PolicyKind;
    let versions = board.policy_documents().await?;
    let mut ibp: Vec<_> =
        versions.iter().filter(|v| v.kind == PolicyKind::IbpPolicy && v.adopted_on.is_some()).collect();
    ibp.sort_by_key(|v| v.adoption_number);
    let in_year =
        ibp.iter().rev().find(|v| v.adopted_on.is_some_and(|on| (year.first_day()..=year.last_day()).contains(&on)));
    Ok(match (in_year, ibp.last()) {
        (Some(v), _) => Fact::Done {
            text: tf(
                "calendar.fact.policy_adopted",
                &[("version", &v.version), ("date", &v.adopted_on.map(dutch_date).unwrap_or_default())],
            ),
            link: Some(app.link(&format!("/beleid/{}", v.id))),
        },
        (None, Some(last)) => Fact::NotYet {
            text: tf(
                "calendar.fact.policy_last_adopted",
                &[("version", &last.version), ("date", &last.adopted_on.map(dutch_date).unwrap_or_default())],
            ),
            link: Some(app.link("/beleid")),
        },
        (None, None) => Fact::NotYet { text: tf("calendar.fact.policy_none", &[]), link: Some(app.link("/beleid")) },
    })
}

/// Done when the board adopted its report on the calendar year in which
/// `year` began, the last whole year before the July item (seed 001 §5:
/// the IBP manager reports to the board) (`crate::board_report`).
async fn board_report(app: &App, board: BoardStore<'_>, year: SchoolYear) -> Result<Fact, StoreError> {
    let reported = i64::from(year.start_year());
    let link = Some(app.link(&format!("/bestuursverslag/{reported}")));
    Ok(match board.report_snapshot(reported).await? {
        Some(adopted) => Fact::Done {
            text: tf(
                "calendar.fact.board_report_adopted",
                &[("year", &reported.to_string()), ("date", &dutch_date(adopted.adopted_on))],
            ),
            link,
        },
        None => Fact::NotYet { text: tf("calendar.fact.board_report_open", &[("year", &reported.to_string())]), link },
    })
}
