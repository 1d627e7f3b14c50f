//! The consent round at the start of the school year: progress per school and
//! group with the pupils not answered yet, invitations and reminders for a
//! chosen school or group after a preview, and the count of pupils nobody may
//! photograph.

use super::filters;
use super::form::{PageForm, refused};
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::{FieldError, Problem};
use crate::i18n::{t, tf};
use aantoonbaar_app::consent::verdicts_per_purpose;
use aantoonbaar_app::consent_round::{self as app, OpenPupil, ProgressRow, RoundChoice, RoundMails};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::age::decides_for_self;
use aantoonbaar_rules::consent::{Reason, image_purposes};
use aantoonbaar_rules::organisation::group_order;
use aantoonbaar_store::School;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;
use std::collections::BTreeSet;

/// A school's groups, for the round's form.
pub struct SchoolGroups {
    pub school: String,
    pub groups: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "consent_round.html")]
struct RoundPage {
    layout: Layout,
    school_year: String,
    rows: Vec<ProgressRow>,
    total: usize,
    answered: usize,
    no_photos: usize,
    /// Pupils who decide for themselves but have no address to be invited at.
    unreachable_self: usize,
    sent: Option<String>,
    schools: Vec<School>,
    groups: Vec<SchoolGroups>,
    /// The round's form as typed, and why it was refused.
    form: RoundChoice,
    errors: Vec<FieldError>,
    remind_intro: String,
}

impl RoundPage {
    fn has_error(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }
}

#[derive(Deserialize, Default)]
pub struct RoundQuery {
    verstuurd: Option<usize>,
}

async fn page(
    state: &AppState,
    staff: &Staff,
    sent: Option<usize>,
    form: RoundChoice,
    refusal: Option<Problem>,
) -> PageResult {
    let progress = app::progress(state, staff).await?;
    let board = state.store.board(&staff.principal.board);
    let scope = staff.may(Action::ConsentRound)?;
    let schools = board.schools(scope).await?;
    let mut all_groups = board.groups(scope, None).await?;
    all_groups.sort_by_cached_key(|g| group_order(&g.name));
    let groups = schools
        .iter()
        .map(|s| SchoolGroups {
            school: s.name.clone(),
            groups: all_groups.iter().filter(|g| g.school_id == s.id).map(|g| (g.id.clone(), g.name.clone())).collect(),
        })
        .collect();
    let pupils = &progress.pupils;
    let ids: Vec<String> = pupils.iter().map(|p| p.pupil_id.clone()).collect();
    let mut may_appear: BTreeSet<String> = BTreeSet::new();
    // A pupil none of the image purposes allows may not be photographed.
    let images: Vec<&str> = image_purposes().collect();
    for verdicts in verdicts_per_purpose(board, scope, &ids, &images, state.clock.today()).await? {
        may_appear.extend(verdicts.into_iter().filter(|(_, reason)| *reason == Reason::Granted).map(|(id, _)| id));
    }
    let days = state.config.consent_reminder_interval_days();
    let (status, errors) = refusal.map_or((StatusCode::OK, Vec::new()), |p| (p.status, p.errors));
    let layout = Layout::for_staff(state, staff, t("consent.round"), "/toestemming");
    let page = RoundPage {
        layout,
        school_year: progress.year.label(),
        total: pupils.len(),
        answered: pupils.iter().filter(|p| p.answered).count(),
        no_photos: pupils.len() - may_appear.len(),
        unreachable_self: pupils
            .iter()
            .filter(|p| decides_for_self(p.birth_date, state.clock.today()) && p.own_email.is_none())
            .count(),
        rows: progress.rows,
        sent: sent.map(|n| {
            if n == 1 {
                t("consent.round_sent_one").to_owned()
            } else {
                tf("consent.round_sent", &[("count", &n.to_string())])
            }
        }),
        schools,
        groups,
        form,
        errors,
        remind_intro: tf("consent.round_remind_intro", &[("days", &days.to_string())]),
    };
    Ok((status, render(&page)).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<RoundQuery>,
) -> PageResult {
    page(&state, &staff, query.verstuurd, RoundChoice::default(), None).await
}

#[derive(Template)]
#[template(path = "consent_round_preview.html")]
struct PreviewPage {
    layout: Layout,
    mails: Mails,
    /// Where the mails go: the school (and group), or every school.
    chosen: String,
    count: String,
    pupils: Option<String>,
    skipped: Option<String>,
    to_send: usize,
    school_id: String,
    group_id: String,
    whole_board: bool,
}

/// What is previewed and sent: the round's invitations or its reminders.
#[derive(Debug, Clone, Copy)]
enum Mails {
    Invitations,
    Reminders,
}

impl Mails {
    /// The name in its texts: `consent.invitations_count`, `consent.reminders_count`, ...
    const fn name(self) -> &'static str {
        match self {
            Self::Invitations => "invitations",
            Self::Reminders => "reminders",
        }
    }

    /// The form that previews and (with `confirm`) sends them.
    const fn action(self) -> &'static str {
        match self {
            Self::Invitations => "/toestemming/ronde/uitnodigen",
            Self::Reminders => "/toestemming/ronde/herinneren",
        }
    }

    /// One of its texts: `consent.<name>_<text>`.
    fn text(self, text: &str) -> String {
        format!("consent.{}_{text}", self.name())
    }
}

/// The key for `count` of something: `key_one` for exactly one.
fn counted(key: &str, count: usize) -> String {
    if count == 1 { format!("{key}_one") } else { key.to_owned() }
}

/// What the preview says: how many go to how many parents (and pupils), and how many are left out.
fn preview(state: &AppState, staff: &Staff, mails: Mails, r: &RoundMails, command: &RoundChoice) -> PreviewPage {
    let chosen = match (&r.school, &r.group) {
        (Some(school), Some(group)) => format!("{school}, {group}"),
        (Some(school), None) => school.clone(),
        _ => t("consent.reminders_all_schools").to_owned(),
    };
    let to_parents = r.mails - r.pupils;
    let count_key = match (to_parents, r.parents) {
        (1, 1) => mails.text("count_one"),
        (_, 1) => mails.text("count_one_parent"),
        _ => mails.text("count"),
    };
    let numbers = [(mails.name(), to_parents.to_string()), ("parents", r.parents.to_string())];
    let args: Vec<(&str, &str)> = numbers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let days = state.config.consent_reminder_interval_days().to_string();
    PreviewPage {
        layout: Layout::for_staff(state, staff, t(&mails.text("title")), "/toestemming"),
        mails,
        chosen,
        count: if r.mails == 0 { t(&mails.text("none")).to_owned() } else { tf(&count_key, &args) },
        pupils: (r.pupils > 0)
            .then(|| tf(&counted(&mails.text("pupils"), r.pupils), &[("pupils", &r.pupils.to_string())])),
        skipped: (r.skipped > 0).then(|| {
            tf(&counted(&mails.text("skipped"), r.skipped), &[("skipped", &r.skipped.to_string()), ("days", &days)])
        }),
        to_send: r.mails,
        school_id: command.school_id.clone().unwrap_or_default(),
        group_id: command.group_id.clone().unwrap_or_default(),
        whole_board: command.whole_board == Some(true),
    }
}

/// The round's form: without `confirm` the preview (nothing is sent), with it
/// the mails go and the round's page says how many.
async fn send(state: &AppState, staff: &Staff, mails: Mails, command: RoundChoice) -> PageResult {
    let kept = RoundChoice { unknown: Default::default(), confirm: None, ..command.clone() };
    let result = match mails {
        Mails::Invitations => app::send_invitations(state, staff, command.clone()).await,
        Mails::Reminders => app::remind(state, staff, command.clone()).await,
    };
    match result {
        Ok(r) if r.sent => Ok(Redirect::to(&format!("/toestemming/ronde?verstuurd={}", r.mails)).into_response()),
        Ok(r) => Ok(render(&preview(state, staff, mails, &r, &command))),
        Err(error) => page(state, staff, None, kept, Some(refused(error)?)).await,
    }
}

/// The invitations of the chosen school or group: previewed, then sent once.
pub async fn invite(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PageForm(command): PageForm<RoundChoice>,
) -> PageResult {
    send(&state, &staff, Mails::Invitations, command).await
}

/// The reminders of the chosen school or group: previewed, then sent.
pub async fn remind(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PageForm(command): PageForm<RoundChoice>,
) -> PageResult {
    send(&state, &staff, Mails::Reminders, command).await
}

pub struct OpenRow {
    pub id: String,
    pub name: String,
    pub number: String,
    pub birth_date: String,
    pub self_deciding: bool,
    /// Each person asked: name, and what the school knows of reaching them.
    pub asked: Vec<(String, Vec<String>)>,
}

#[derive(Template)]
#[template(path = "consent_round_open.html")]
struct OpenPage {
    layout: Layout,
    school: String,
    group: String,
    school_year: String,
    pupils: Vec<OpenRow>,
}

fn open_row(pupil: OpenPupil) -> OpenRow {
    OpenRow {
        id: pupil.id,
        name: pupil.name,
        number: pupil.number,
        birth_date: dutch_date(pupil.birth_date),
        self_deciding: pupil.self_deciding,
        asked: pupil
            .asked
            .into_iter()
            .map(|a| {
                let mut notes = Vec::new();
                if !a.reachable {
                    notes.push(t("consent.open_no_address").to_owned());
                }
                if let Some(day) = a.reminded_on {
                    notes.push(tf("consent.open_reminded", &[("date", &dutch_date(day))]));
                }
                (a.name, notes)
            })
            .collect(),
    }
}

/// The pupils of one group nobody answered for yet (a view of their data: audited).
pub async fn open(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(group_id): Path<String>,
) -> PageResult {
    let open = app::unanswered(&state, &staff, &group_id).await?;
    let title = format!("{}: {}, {}", t("consent.open_title"), open.school, open.group);
    Ok(render(&OpenPage {
        layout: Layout::for_staff(&state, &staff, &title, "/toestemming"),
        school: open.school,
        group: open.group,
        school_year: open.year.label(),
        pupils: open.pupils.into_iter().map(open_row).collect(),
    }))
}
