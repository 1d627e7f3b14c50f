//! The consent round at the start of the school year: invitations to every
//! custodial guardian (and to pupils of 16 and over), progress per school and group, reminders, and the count
//! of pupils nobody may photograph.

use super::filters;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::api::consent::verdicts_per_purpose;
use crate::auth::{Staff, StaffPage};
use crate::i18n::{t, tf};
use crate::mail::Mail;
use aantoonbaar_rules::age::decides_for_self;
use aantoonbaar_rules::consent::Reason;
use aantoonbaar_rules::{Action, SchoolYear};
use aantoonbaar_store::RoundPupil;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect};
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};

/// The purposes that concern images: a pupil none of them allows may not be photographed.
const IMAGE_PURPOSES: &[&str] = &["school_guide", "website", "parent_portal", "newsletter", "social_media_accounts"];

pub struct Progress {
    pub school: String,
    pub group: String,
    pub pupils: usize,
    pub answered: usize,
}

#[derive(Template)]
#[template(path = "consent_round.html")]
struct RoundPage {
    layout: Layout,
    school_year: String,
    rows: Vec<Progress>,
    total: usize,
    answered: usize,
    no_photos: usize,
    /// Pupils who decide for themselves but have no address to be invited at.
    unreachable_self: usize,
    sent: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct RoundQuery {
    verstuurd: Option<usize>,
}

async fn round(state: &AppState, staff: &Staff) -> Result<(SchoolYear, Vec<RoundPupil>), super::PageError> {
    let scope = staff.may(Action::ConsentRound)?;
    let today = state.clock.today();
    let year = SchoolYear::containing(today);
    let pupils = state.store.board(&staff.principal.board).consent_round(scope, year.first_day(), today).await?;
    Ok((year, pupils))
}

pub async fn show(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<RoundQuery>,
) -> PageResult {
    let (year, pupils) = round(&state, &staff).await?;
    let board = state.store.board(&staff.principal.board);
    let scope = staff.may(Action::ConsentRound)?;
    let schools: HashMap<String, String> = board.schools(scope).await?.into_iter().map(|s| (s.id, s.name)).collect();
    let groups: HashMap<String, String> =
        board.groups(scope, None).await?.into_iter().map(|g| (g.id, g.name)).collect();
    let mut rows: Vec<Progress> = Vec::new();
    for pupil in &pupils {
        let school = schools.get(&pupil.school_id).cloned().unwrap_or_default();
        let group = groups.get(&pupil.group_id).cloned().unwrap_or_default();
        match rows.iter_mut().find(|r| r.school == school && r.group == group) {
            Some(row) => {
                row.pupils += 1;
                row.answered += usize::from(pupil.answered);
            }
            None => rows.push(Progress { school, group, pupils: 1, answered: usize::from(pupil.answered) }),
        }
    }
    let ids: Vec<String> = pupils.iter().map(|p| p.pupil_id.clone()).collect();
    let mut may_appear: BTreeSet<String> = BTreeSet::new();
    for verdicts in verdicts_per_purpose(board, scope, &ids, IMAGE_PURPOSES, state.clock.today()).await? {
        may_appear.extend(verdicts.into_iter().filter(|(_, reason)| *reason == Reason::Granted).map(|(id, _)| id));
    }
    let layout = Layout::for_staff(&state, &staff, t("consent.round"), "/toestemming");
    Ok(render(&RoundPage {
        layout,
        school_year: year.label(),
        total: pupils.len(),
        answered: pupils.iter().filter(|p| p.answered).count(),
        no_photos: pupils.len() - may_appear.len(),
        unreachable_self: pupils
            .iter()
            .filter(|p| decides_for_self(p.birth_date, state.clock.today()) && p.own_email.is_none())
            .count(),
        rows,
        sent: query.verstuurd.map(|n| tf("consent.round_sent", &[("count", &n.to_string())])),
    }))
}

/// Who is asked about a pupil: from the 16th birthday the pupil at their own
/// address (seed 001 §14.4), before it every custodial guardian.
fn recipients(pupil: &RoundPupil, today: Date) -> (bool, Vec<&String>) {
    if decides_for_self(pupil.birth_date, today) {
        (true, pupil.own_email.iter().collect())
    } else {
        (false, pupil.custodial_emails.iter().collect())
    }
}

/// Mails every custodial guardian of the pupils in scope, and the pupils who
/// decide for themselves (`only_open`: only about pupils nobody answered for
/// yet), once per address.
async fn send(state: &AppState, staff: &Staff, only_open: bool) -> Result<usize, super::PageError> {
    let (year, pupils) = round(state, staff).await?;
    let today = state.clock.today();
    let mut parents: BTreeSet<&String> = BTreeSet::new();
    let mut own: BTreeSet<&String> = BTreeSet::new();
    for pupil in pupils.iter().filter(|p| !only_open || !p.answered) {
        let (self_deciding, addresses) = recipients(pupil, today);
        if self_deciding { own.extend(addresses) } else { parents.extend(addresses) }
    }
    let link = format!("{}/ouders", state.config.base_url);
    let args = [("year", year.label()), ("link", link)];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for (addresses, audience) in [(&parents, "parent"), (&own, "pupil")] {
        let kind = if only_open { "reminder" } else { "invite" };
        let subject = t(&format!("consent.{kind}_{audience}_subject"));
        let body = tf(&format!("consent.{kind}_{audience}_body"), &args);
        for address in addresses {
            let mail = Mail { to: address, subject, body: &body, sensitive: false };
            state.mailer.send(&staff.principal.board, mail).await?;
        }
    }
    Ok(parents.len() + own.len())
}

pub async fn invite(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let sent = send(&state, &staff, false).await?;
    Ok(Redirect::to(&format!("/toestemming/ronde?verstuurd={sent}")).into_response())
}

pub async fn remind(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let sent = send(&state, &staff, true).await?;
    Ok(Redirect::to(&format!("/toestemming/ronde?verstuurd={sent}")).into_response())
}
