//! Consent on the pages: the group overview for teachers, the photo check, and
//! the paper form and history on the pupil page.

use super::filters;
use super::group_picker::GroupPicker;
use super::{Layout, PageError, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::Problem;
use crate::i18n::t;
use aantoonbaar_app::consent::{self as app, PublicationCheck, RecordDecision, verdicts_for, verdicts_per_purpose};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::SchoolYear;
use aantoonbaar_rules::consent::{Choice, Reason, is_image_purpose};
use aantoonbaar_store::{ConsentPurpose, Group, Pupil, PupilQuery};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;
use std::collections::HashMap;

/// How a verdict shows in a cell: a symbol and a word, never colour alone,
/// and (when it is not a yes) the reason in a few words, readable without
/// hovering, on a phone and on paper.
pub struct Cell {
    pub symbol: &'static str,
    pub word: &'static str,
    pub class: &'static str,
    pub explanation: &'static str,
    /// The reason in a few words; empty for a yes.
    pub note: &'static str,
}

impl Cell {
    #[must_use]
    pub fn of(reason: Reason) -> Self {
        let (symbol, word, class) = match reason {
            Reason::Granted => ("✓", t("consent.cell.yes"), "yes"),
            Reason::NoDecision | Reason::PupilMustDecide | Reason::BothParentsNeeded | Reason::NoCustodialGuardian => {
                ("?", t("consent.cell.open"), "open")
            }
            _ => ("✗", t("consent.cell.no"), "no"),
        };
        Self {
            symbol,
            word,
            class,
            explanation: t(&format!("consent.reason.{}", reason.code())),
            note: if reason.allows() { "" } else { t(&format!("consent.reason_short.{}", reason.code())) },
        }
    }
}

/// A pupil as the consent pages name them: the name and the birth date, so
/// that two pupils with the same name in one group can be told apart.
#[derive(Clone)]
pub struct Named {
    pub id: String,
    pub name: String,
    pub birth_date: String,
}

impl Named {
    fn of(pupil: &Pupil) -> Self {
        Self { id: pupil.id.clone(), name: pupil.full_name(), birth_date: dutch_date(pupil.birth_date) }
    }
}

pub struct Row {
    pub pupil: Named,
    pub cells: Vec<Cell>,
}

/// One table of the overview: some purposes, and a row per pupil.
pub struct Grid {
    pub purposes: Vec<ConsentPurpose>,
    pub rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "consent_overview.html")]
struct OverviewPage {
    layout: Layout,
    picker: GroupPicker,
    group_id: String,
    school_year: String,
    /// The day the overview shows, printed with it.
    today: String,
    /// The purposes about images: who may be in a photo or video.
    images: Grid,
    /// The other purposes (class list, medical data, ...).
    others: Grid,
    /// The reasons that occur in the tables: (in a few words, explained).
    reasons: Vec<(&'static str, &'static str)>,
    blocked_everywhere: usize,
    can_run_round: bool,
    school_id: String,
}

#[derive(Deserialize, Default)]
pub struct GroupQuery {
    #[serde(default)]
    groep: String,
    /// `ja`: the photo check starts with the whole group ticked.
    #[serde(default)]
    alle: String,
}

/// The groups the user may see, and the one asked for (or the first).
async fn chosen_group(
    state: &AppState,
    staff: &Staff,
    wanted: &str,
) -> Result<(GroupPicker, Option<Group>), PageError> {
    let scope = staff.may(Action::GroupView)?;
    let picker = GroupPicker::read(state.store.board(&staff.principal.board), scope).await?;
    let chosen = picker.chosen(wanted).cloned();
    Ok((picker, chosen))
}

async fn current_pupils(state: &AppState, staff: &Staff, group: &Group) -> Result<Vec<Pupil>, PageError> {
    let scope = staff.may(Action::PupilView)?;
    let query = PupilQuery {
        group_id: Some(group.id.clone()),
        today: Some(state.clock.today()),
        limit: 200,
        ..PupilQuery::default()
    };
    let board = state.store.board(&staff.principal.board);
    let (pupils, _) = board.pupils(scope, &query).await?;
    let ids: Vec<String> = pupils.iter().map(|p| p.id.clone()).collect();
    board.record_views(&staff.actor(), "pupil", &ids).await?;
    Ok(pupils)
}

impl Grid {
    /// A row per pupil with their verdict for each purpose (in `columns`).
    fn of(pupils: &[Pupil], columns: Vec<(ConsentPurpose, HashMap<String, Reason>)>) -> Self {
        let rows = pupils
            .iter()
            .map(|p| Row {
                pupil: Named::of(p),
                cells: columns
                    .iter()
                    .map(|(_, v)| Cell::of(v.get(&p.id).copied().unwrap_or(Reason::NoDecision)))
                    .collect(),
            })
            .collect();
        Self { purposes: columns.into_iter().map(|(purpose, _)| purpose).collect(), rows }
    }
}

/// Pupils × purposes for the current school year: the image purposes in the
/// printable grid (one landscape A4 for a group of 30), the others apart.
pub async fn overview(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<GroupQuery>,
) -> PageResult {
    let scope = staff.may(Action::PupilView)?.clone();
    let (picker, group) = chosen_group(&state, &staff, &query.groep).await?;
    let board = state.store.board(&staff.principal.board);
    let purposes = board.consent_purposes(staff.now).await?;
    let today = state.clock.today();
    let pupils = match &group {
        Some(group) => current_pupils(&state, &staff, group).await?,
        None => Vec::new(),
    };
    let ids: Vec<String> = pupils.iter().map(|p| p.id.clone()).collect();
    let codes: Vec<&str> = purposes.iter().map(|p| p.code.as_str()).collect();
    let verdicts = verdicts_per_purpose(board, &scope, &ids, &codes, today).await?;
    let (images, others): (Vec<_>, Vec<_>) =
        purposes.into_iter().zip(verdicts).partition(|(purpose, _)| is_image_purpose(&purpose.code));
    let (images, others) = (Grid::of(&pupils, images), Grid::of(&pupils, others));
    let blocked_everywhere = images.rows.iter().filter(|r| r.cells.iter().all(|c| c.class != "yes")).count();
    let notes: Vec<&str> = images.rows.iter().chain(&others.rows).flat_map(|r| &r.cells).map(|c| c.note).collect();
    let reasons = Reason::ALL
        .iter()
        .map(|r| Cell::of(*r))
        .filter(|c| !c.note.is_empty() && notes.contains(&c.note))
        .map(|c| (c.note, c.explanation))
        .collect();
    let layout = Layout::for_staff(&state, &staff, &picker.title(t("nav.consent"), group.as_ref()), "/toestemming");
    Ok(render(&OverviewPage {
        can_run_round: staff.can(Action::ConsentRound),
        school_id: group.as_ref().map(|g| g.school_id.clone()).unwrap_or_default(),
        layout,
        group_id: group.as_ref().map(|g| g.id.clone()).unwrap_or_default(),
        picker,
        school_year: SchoolYear::containing(today).label(),
        today: dutch_date(today),
        images,
        others,
        reasons,
        blocked_everywhere,
    }))
}

/// A ticked pupil's answer in the photo check.
pub struct Verdict {
    pub pupil: Named,
    pub allowed: bool,
    pub explanation: &'static str,
}

#[derive(Template)]
#[template(path = "photo_check.html")]
struct PhotoCheckPage {
    layout: Layout,
    picker: GroupPicker,
    group_id: String,
    /// The image purposes: where a photo can go.
    purposes: Vec<ConsentPurpose>,
    purpose: String,
    /// The pupils of the group and whether each is ticked.
    pupils: Vec<(Named, bool)>,
    /// After a check: may it be published, and per ticked pupil the answer,
    /// those who block it first.
    result: Option<(bool, Vec<Verdict>)>,
    error: Option<&'static str>,
}

async fn photo_page(state: &AppState, staff: &Staff, group_id: &str) -> Result<PhotoCheckPage, PageError> {
    let (picker, group) = chosen_group(state, staff, group_id).await?;
    let pupils = match &group {
        Some(group) => current_pupils(state, staff, group).await?.iter().map(|p| (Named::of(p), false)).collect(),
        None => Vec::new(),
    };
    let title = picker.title(t("consent.photo_check"), group.as_ref());
    let purposes = state.store.board(&staff.principal.board).consent_purposes(staff.now).await?;
    Ok(PhotoCheckPage {
        layout: Layout::for_staff(state, staff, &title, "/toestemming"),
        group_id: group.map(|g| g.id).unwrap_or_default(),
        picker,
        purposes: purposes.into_iter().filter(|p| is_image_purpose(&p.code)).collect(),
        purpose: String::new(),
        pupils,
        result: None,
        error: None,
    })
}

/// The photo check's form; `alle=ja` ticks the whole group (a class photo).
pub async fn photo_form(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<GroupQuery>,
) -> PageResult {
    let mut page = photo_page(&state, &staff, &query.groep).await?;
    if query.alle == "ja" {
        for pupil in &mut page.pupils {
            pupil.1 = true;
        }
    }
    Ok(render(&page))
}

/// Tick the pupils in the photo, pick where it goes: yes or no, and per
/// pupil whether they may be in it and why not, those who block it first.
pub async fn photo_check(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Form(form): Form<HashMap<String, String>>,
) -> PageResult {
    let mut page = photo_page(&state, &staff, form.get("groep").map_or("", String::as_str)).await?;
    page.purpose = form.get("doel").cloned().unwrap_or_default();
    let chosen: Vec<String> = form.keys().filter_map(|k| k.strip_prefix("leerling_")).map(str::to_owned).collect();
    for pupil in &mut page.pupils {
        pupil.1 = chosen.contains(&pupil.0.id);
    }
    if chosen.is_empty() || !page.purposes.iter().any(|p| p.code == page.purpose) {
        page.error = Some(t(if chosen.is_empty() { "consent.choose_pupils" } else { "consent.choose_purpose" }));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
    }
    let command =
        PublicationCheck { purpose: Some(page.purpose.clone()), pupil_ids: Some(chosen), ..Default::default() };
    let reasons: HashMap<String, Reason> = app::check(&state, &staff, command).await?.into_iter().collect();
    // In the order of the list (by name), those who block the photo first.
    let mut verdicts: Vec<Verdict> = page
        .pupils
        .iter()
        .filter_map(|(pupil, _)| {
            let reason = reasons.get(&pupil.id)?;
            Some(Verdict {
                pupil: pupil.clone(),
                allowed: reason.allows(),
                explanation: t(&format!("consent.reason.{}", reason.code())),
            })
        })
        .collect();
    verdicts.sort_by_key(|v| v.allowed);
    page.result = Some((verdicts.iter().all(|v| v.allowed), verdicts));
    Ok(render(&page))
}

/// One line of a pupil's consent history.
pub struct HistoryRow {
    pub when: String,
    pub purpose: String,
    pub decision: &'static str,
    pub by: String,
    pub how: &'static str,
    pub version: i64,
    pub recorded_by: String,
}

/// The consent part of the pupil page: today's verdict per purpose and the history.
pub struct PupilConsent {
    pub current: Vec<(String, Cell)>,
    pub history: Vec<HistoryRow>,
    pub purposes: Vec<ConsentPurpose>,
    /// (value, label) of who can decide on the paper form: guardians, and the pupil.
    pub deciders: Vec<(String, String)>,
    pub can_record: bool,
}

/// Reads the consent part of a pupil page.
///
/// # Errors
/// When the store fails.
pub async fn pupil_consent(state: &AppState, staff: &Staff, pupil: &Pupil) -> Result<PupilConsent, PageError> {
    let board = state.store.board(&staff.principal.board);
    let scope = staff.may(Action::PupilView)?.clone();
    let purposes = board.consent_purposes(staff.now).await?;
    let mut current = Vec::new();
    for purpose in &purposes {
        let verdict =
            verdicts_for(board, &scope, std::slice::from_ref(&pupil.id), &purpose.code, state.clock.today()).await?;
        let reason = verdict.first().map_or(Reason::NoDecision, |(_, r)| *r);
        current.push((purpose.name.clone(), Cell::of(reason)));
    }
    let guardians = board.guardians_of(&pupil.id).await?;
    let name_of = |id: &Option<String>| match id {
        Some(id) => {
            guardians.iter().find(|g| &g.guardian.id == id).map_or_else(|| id.clone(), |g| g.guardian.full_name())
        }
        None => t("consent.by_pupil").to_owned(),
    };
    let purpose_name =
        |code: &str| purposes.iter().find(|p| p.code == code).map_or_else(|| code.to_owned(), |p| p.name.clone());
    let zone = aantoonbaar_rules::calendar::dutch_time_zone();
    let history = board
        .consent_history(&pupil.id)
        .await?
        .into_iter()
        .map(|d| HistoryRow {
            when: d.decided_at.to_zoned(zone.clone()).strftime("%d-%m-%Y %H:%M").to_string(),
            purpose: purpose_name(&d.purpose),
            decision: if d.decision == Choice::Granted { t("consent.cell.yes") } else { t("consent.cell.no") },
            by: name_of(&d.guardian_id),
            how: t(&format!("consent.channel.{}", d.channel.code())),
            version: d.purpose_version,
            recorded_by: d.recorded_by,
        })
        .collect();
    let mut deciders: Vec<(String, String)> =
        guardians.iter().map(|g| (g.guardian.id.clone(), g.guardian.full_name())).collect();
    deciders.push(("leerling".to_owned(), t("consent.by_pupil").to_owned()));
    Ok(PupilConsent { current, history, purposes, deciders, can_record: staff.can(Action::ConsentRecord) })
}

/// A paper form entered by the administration: one decider, the date on the
/// form, whether it is signed, and a tick (yes / no / not ticked) per purpose.
pub async fn record_paper_form(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> PageResult {
    let scope = staff.may(Action::ConsentRecord)?;
    let board = state.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, &id).await?.ok_or_else(Problem::not_found)?;
    let decider = form.get("beslisser").cloned().unwrap_or_default();
    let guardians = board.guardians_of(&pupil.id).await?;
    let by_pupil = decider == "leerling";
    let guardian_id = (!by_pupil).then(|| decider.clone());
    let date = form.get("datum").map(|d| aantoonbaar_rules::organisation::parse_iso_date(d));
    let error = match (&guardian_id, &date) {
        (Some(g), _) if !guardians.iter().any(|l| &l.guardian.id == g) => {
            Some(("guardian_id", "consent.choose_decider"))
        }
        (_, None | Some(Err(_))) => Some(("decided_at", "date.format")),
        _ => None,
    };
    if let Some((field, code)) = error {
        return Err(Problem::invalid(vec![crate::error::FieldError::new(field, code)]).into());
    }
    let Some(Ok(date)) = date else { return Err(Problem::not_found().into()) };
    // The date on the form, at noon in the Netherlands; today's form not later
    // than now. A date in the future is refused by the operation, as on the API.
    let noon = date
        .at(12, 0, 0, 0)
        .to_zoned(aantoonbaar_rules::calendar::dutch_time_zone())
        .map(|z| z.timestamp())
        .map_err(|e| Problem::internal(&e))?;
    let decided_at = if date == state.clock.today() { noon.min(staff.now) } else { noon };
    let signed = Some(form.contains_key("ondertekend"));
    for purpose in board.consent_purposes(staff.now).await? {
        let decision = match form.get(&format!("keuze_{}", purpose.code)).map(String::as_str) {
            Some("ja") => "granted",
            Some("nee") => "refused",
            _ => continue,
        };
        let command = RecordDecision {
            pupil_id: Some(pupil.id.clone()),
            purpose: Some(purpose.code),
            decision: Some(decision.to_owned()),
            guardian_id: guardian_id.clone(),
            by_pupil: Some(by_pupil),
            decided_at: Some(decided_at.to_string()),
            channel: Some("paper".to_owned()),
            signed,
            ..Default::default()
        };
        app::record_decision(&state, &staff, command).await?;
    }
    Ok(Redirect::to(&format!("/leerlingen/{}#toestemming", pupil.id)).into_response())
}
