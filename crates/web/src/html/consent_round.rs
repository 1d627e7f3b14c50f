//! The consent round at the start of the school year: invitations to every
//! custodial guardian (and to pupils of 16 and over), progress per school and group, reminders, and the count
//! of pupils nobody may photograph.

use super::filters;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::StaffPage;
use crate::i18n::{t, tf};
use aantoonbaar_app::consent::{self as app, verdicts_per_purpose};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::age::decides_for_self;
use aantoonbaar_rules::consent::{Reason, image_purposes};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};

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

pub async fn show(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<RoundQuery>,
) -> PageResult {
    let (year, pupils) = app::round(&state, &staff).await?;
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
    // A pupil none of the image purposes allows may not be photographed.
    let images: Vec<&str> = image_purposes().collect();
    for verdicts in verdicts_per_purpose(board, scope, &ids, &images, state.clock.today()).await? {
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

pub async fn invite(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let sent = app::send_round(&state, &staff, false).await?;
    Ok(Redirect::to(&format!("/toestemming/ronde?verstuurd={sent}")).into_response())
}

pub async fn remind(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let sent = app::send_round(&state, &staff, true).await?;
    Ok(Redirect::to(&format!("/toestemming/ronde?verstuurd={sent}")).into_response())
}
