//! The camera surveillance pages (seed 002 §7; issue 15): the cameras and a
//! form to add one (`/cameratoezicht`), one camera with its facts, findings,
//! log of viewings and disclosures and footage holds, each with its form
//! (`/cameratoezicht/{id}`), and the kwaliteitskaart to print
//! (`/cameratoezicht/kwaliteitskaart`). They call the same operations as the
//! API (`aantoonbaar_app::cameras`); a refused form shows again as typed.

use super::form::{PagePairs, Refused, form_field, read, refusal};
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::i18n::{t, tf};
use aantoonbaar_app::cameras::{self as app, CameraOut, HoldOut, LogEntryOut, QualityCard};
use aantoonbaar_app::incidents::moment;
use aantoonbaar_app::retention::period_words;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::camera::{HoldKind, LogKind, LogReason, Recipient};
use aantoonbaar_rules::retention::Period;
use aantoonbaar_store::incidents::IncidentFilter;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

pub const CAMERAS: &str = "/cameratoezicht";

/// A code and its Dutch label, for a select.
pub struct Choice {
    pub value: String,
    pub label: String,
}

fn choices(prefix: &str, codes: impl Iterator<Item = &'static str>) -> Vec<Choice> {
    codes.map(|c| Choice { value: c.to_owned(), label: t(&format!("{prefix}.{c}")).to_owned() }).collect()
}

/// An RFC 3339 instant in Dutch local time, or the text as it is.
fn when(text: &str) -> String {
    text.parse().map_or_else(|_| text.to_owned(), moment)
}

fn retention_words(text: &str) -> String {
    text.parse::<Period>().map_or_else(|_| text.to_owned(), period_words)
}

fn yes_no(value: bool) -> &'static str {
    t(if value { "camera.yes" } else { "camera.no" })
}

/// What the forms choose from: the schools, DPIAs and incidents in scope.
struct Options {
    schools: Vec<Choice>,
    dpias: Vec<Choice>,
    incidents: Vec<Choice>,
}

async fn options(state: &AppState, staff: &Staff) -> Result<Options, super::PageError> {
    let board = state.store.board(&staff.principal.board);
    let scope = staff.may(Action::CameraView)?;
    let schools = board.schools(scope).await?.into_iter().map(|s| Choice { value: s.id, label: s.name }).collect();
    let dpias = board.dpias().await?.into_iter().map(|d| Choice { value: d.id, label: d.data.title }).collect();
    let incidents = board
        .incidents(scope, &IncidentFilter::default())
        .await?
        .into_iter()
        .map(|i| Choice { label: format!("{}: {}", i.reference, i.what_happened), value: i.id })
        .collect();
    Ok(Options { schools, dpias, incidents })
}

fn school_name(options: &Options, id: &str) -> String {
    options.schools.iter().find(|s| s.value == id).map_or_else(String::new, |s| s.label.clone())
}

// ---------------------------------------------------------------- list

/// One camera in the list.
pub struct CameraRow {
    pub id: String,
    pub name: String,
    pub school: String,
    pub location: String,
    pub retention: String,
    pub status: &'static str,
    pub findings: Vec<&'static str>,
}

#[derive(Template)]
#[template(path = "cameras.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<CameraRow>,
    can_manage: bool,
    can_request: bool,
    schools: Vec<Choice>,
    dpias: Vec<Choice>,
    edit: bool,
    action: String,
    refused: Refused,
}

async fn list_page(state: &AppState, staff: &Staff, refused: Refused, status: StatusCode) -> PageResult {
    let cameras = app::cameras(state, staff).await?;
    let options = options(state, staff).await?;
    let rows = cameras
        .iter()
        .map(|c| CameraRow {
            id: c.id.clone(),
            name: c.name.clone(),
            school: school_name(&options, &c.school_id),
            location: c.location.clone(),
            retention: retention_words(&c.retention),
            status: t(&format!("camera.status.{}", c.status)),
            findings: c.findings.iter().map(|f| t(&format!("camera.finding.{f}"))).collect(),
        })
        .collect();
    let page = ListPage {
        layout: Layout::for_staff(state, staff, t("camera.page.title"), CAMERAS),
        rows,
        can_manage: staff.can(Action::CameraManage),
        can_request: staff.can(Action::RequestHandle),
        schools: options.schools,
        dpias: options.dpias,
        edit: false,
        action: CAMERAS.to_owned(),
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn list(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    list_page(&state, &staff, Refused::default(), StatusCode::OK).await
}

pub async fn create(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::create(&state, &staff, read(pairs.clone())?).await {
        Ok(camera) => Ok(Redirect::to(&format!("{CAMERAS}/{}", camera.id)).into_response()),
        Err(error) => {
            let (status, refused) = refusal("camera", pairs, error, form_field)?;
            list_page(&state, &staff, refused, status).await
        }
    }
}

// ---------------------------------------------------------------- one camera

/// A line of the log as the page shows it.
pub struct LogRow {
    pub kind: &'static str,
    pub range: String,
    pub reason: &'static str,
    pub explanation: String,
    pub recipient: String,
    pub reference: String,
    pub by: String,
    pub at: String,
}

/// A hold as the page shows it.
pub struct HoldRow {
    pub id: String,
    pub kind: &'static str,
    pub range: String,
    pub incident: Option<(String, String)>,
    pub reason: String,
    pub held: bool,
    pub status: String,
}

fn log_row(e: &LogEntryOut) -> LogRow {
    LogRow {
        kind: t(&format!("camera.log_kind.{}", e.kind)),
        range: tf("camera.detail.range", &[("from", &when(&e.from)), ("to", &when(&e.to))]),
        reason: t(&format!("camera.reason.{}", e.reason)),
        explanation: e.explanation.clone(),
        recipient: match (&e.recipient, &e.recipient_name) {
            (Some(r), Some(name)) => format!("{}: {name}", t(&format!("camera.recipient.{r}"))),
            (Some(r), None) => t(&format!("camera.recipient.{r}")).to_owned(),
            _ => String::new(),
        },
        reference: e.request_reference.clone().unwrap_or_default(),
        by: e.recorded_by.clone(),
        at: when(&e.recorded_at),
    }
}

fn hold_row(h: &HoldOut, options: &Options) -> HoldRow {
    HoldRow {
        id: h.id.clone(),
        kind: t(&format!("camera.hold_kind.{}", h.kind)),
        range: tf("camera.detail.range", &[("from", &when(&h.from)), ("to", &when(&h.to))]),
        incident: h.incident_id.as_ref().map(|id| {
            let label =
                options.incidents.iter().find(|i| i.value == *id).map_or_else(|| id.clone(), |i| i.label.clone());
            (id.clone(), label)
        }),
        reason: h.reason.clone(),
        held: h.status == "held",
        status: if h.status == "held" {
            t("camera.detail.held").to_owned()
        } else {
            tf(
                "camera.detail.released",
                &[
                    ("by", h.released_by.as_deref().unwrap_or_default()),
                    ("reason", h.release_reason.as_deref().unwrap_or_default()),
                ],
            )
        },
    }
}

#[derive(Template)]
#[template(path = "camera.html")]
struct CameraPage {
    layout: Layout,
    camera: CameraOut,
    school: String,
    dpia: String,
    retention: String,
    status: &'static str,
    signs: &'static str,
    live_view: &'static str,
    findings: Vec<&'static str>,
    due_through: Option<String>,
    log: Vec<LogRow>,
    holds: Vec<HoldRow>,
    can_manage: bool,
    can_log: bool,
    can_request: bool,
    schools: Vec<Choice>,
    dpias: Vec<Choice>,
    incidents: Vec<Choice>,
    kinds: Vec<Choice>,
    reasons: Vec<Choice>,
    recipients: Vec<Choice>,
    hold_kinds: Vec<Choice>,
    edit: bool,
    action: String,
    refused: Refused,
    /// The hold whose release was refused.
    refused_hold: String,
}

/// The camera's stored values, to fill its form.
fn stored_values(c: &CameraOut) -> Vec<(String, String)> {
    let yes = |b: bool| if b { "ja" } else { "nee" }.to_owned();
    [
        ("school_id", c.school_id.clone()),
        ("name", c.name.clone()),
        ("location", c.location.clone()),
        ("coverage", c.coverage.clone()),
        ("purpose", c.purpose.clone()),
        ("balancing", c.balancing.clone()),
        ("dpia_id", c.dpia_id.clone().unwrap_or_default()),
        ("signs", yes(c.signs)),
        ("signs_where", c.signs_where.clone().unwrap_or_default()),
        ("viewers", c.viewers.clone()),
        ("retention", c.retention.clone()),
        ("live_view", yes(c.live_view)),
        ("status", c.status.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

async fn camera_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    refused: Option<Refused>,
    refused_hold: String,
    status: StatusCode,
) -> PageResult {
    let camera = app::camera(state, staff, id).await?;
    let log = app::log(state, staff, id).await?;
    let holds = app::holds(state, staff, Some(id), None).await?;
    let options = options(state, staff).await?;
    let dpia = camera.dpia_id.as_ref().map_or_else(
        || t("camera.none").to_owned(),
        |d| options.dpias.iter().find(|o| o.value == *d).map_or_else(|| d.clone(), |o| o.label.clone()),
    );
    let page = CameraPage {
        layout: Layout::for_staff(state, staff, &camera.name, CAMERAS),
        school: school_name(&options, &camera.school_id),
        dpia,
        retention: retention_words(&camera.retention),
        status: t(&format!("camera.status.{}", camera.status)),
        signs: yes_no(camera.signs),
        live_view: yes_no(camera.live_view),
        findings: camera.findings.iter().map(|f| t(&format!("camera.finding.{f}"))).collect(),
        due_through: camera.due_through.as_ref().map(|d| {
            tf(
                "camera.detail.due_through",
                &[("date", &d.parse().map_or_else(|_| d.clone(), aantoonbaar_app::requests::dutch_date))],
            )
        }),
        log: log.iter().map(log_row).collect(),
        holds: holds.iter().map(|h| hold_row(h, &options)).collect(),
        can_manage: staff.can(Action::CameraManage),
        can_log: staff.can(Action::FootageLog),
        can_request: staff.can(Action::RequestHandle),
        refused: refused.unwrap_or_else(|| Refused::filled("camera", stored_values(&camera))),
        camera,
        schools: options.schools,
        dpias: options.dpias,
        incidents: options.incidents,
        kinds: choices("camera.log_kind", LogKind::ALL.iter().map(|s| s.code())),
        reasons: choices("camera.reason", LogReason::ALL.iter().map(|s| s.code())),
        recipients: choices("camera.recipient", Recipient::ALL.iter().map(|s| s.code())),
        hold_kinds: choices("camera.hold_kind", HoldKind::ALL.iter().map(|s| s.code())),
        edit: true,
        action: format!("{CAMERAS}/{id}"),
        refused_hold,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    camera_page(&state, &staff, &id, None, String::new(), StatusCode::OK).await
}

pub async fn update(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::update(&state, &staff, &id, read(pairs.clone())?).await {
        Ok(_) => Ok(Redirect::to(&format!("{CAMERAS}/{id}")).into_response()),
        Err(error) => {
            let (status, refused) = refusal("camera", pairs, error, form_field)?;
            camera_page(&state, &staff, &id, Some(refused), String::new(), status).await
        }
    }
}

pub async fn add_log(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::add_log(&state, &staff, &id, read(pairs.clone())?).await {
        Ok(_) => Ok(Redirect::to(&format!("{CAMERAS}/{id}#logboek")).into_response()),
        Err(error) => {
            let (status, refused) = refusal("log", pairs, error, form_field)?;
            camera_page(&state, &staff, &id, Some(refused), String::new(), status).await
        }
    }
}

pub async fn place_hold(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(mut pairs): PagePairs,
) -> PageResult {
    pairs.retain(|(k, _)| k != "camera_id");
    let mut command = pairs.clone();
    command.push(("camera_id".to_owned(), id.clone()));
    match app::place_hold(&state, &staff, read(command)?).await {
        Ok(_) => Ok(Redirect::to(&format!("{CAMERAS}/{id}#bewaard")).into_response()),
        Err(error) => {
            let (status, refused) = refusal("hold", pairs, error, form_field)?;
            camera_page(&state, &staff, &id, Some(refused), String::new(), status).await
        }
    }
}

pub async fn release_hold(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path((id, hold)): Path<(String, String)>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match app::release_hold(&state, &staff, &hold, read(pairs.clone())?).await {
        Ok(_) => Ok(Redirect::to(&format!("{CAMERAS}/{id}#bewaard")).into_response()),
        Err(error) => {
            let anchor = |form: &str, field: &str| Some(format!("{form}-{hold}-{field}"));
            let (status, refused) = refusal("release", pairs, error, anchor)?;
            camera_page(&state, &staff, &id, Some(refused), hold.clone(), status).await
        }
    }
}

// ---------------------------------------------------------------- kwaliteitskaart

/// A camera on the kwaliteitskaart.
pub struct CardCamera {
    pub name: String,
    pub location: String,
    pub coverage: String,
    pub signs: String,
    pub viewers: String,
    pub retention: String,
    pub live_view: &'static str,
}

/// A school's part of the kwaliteitskaart.
pub struct CardSchool {
    pub name: String,
    pub cameras: Vec<CardCamera>,
}

/// A role's powers on the kwaliteitskaart.
pub struct CardRole {
    pub role: &'static str,
    pub view: &'static str,
    pub manage: &'static str,
    pub log: &'static str,
}

#[derive(Template)]
#[template(path = "camera_card.html")]
struct CardPage {
    layout: Layout,
    schools: Vec<Choice>,
    chosen: String,
    pdf_link: String,
    parts: Vec<CardSchool>,
    purposes: Vec<String>,
    retention: String,
    roles: Vec<CardRole>,
    logging: String,
}

#[derive(Deserialize)]
pub struct CardQuery {
    #[serde(default)]
    school: Option<String>,
}

fn card_parts(card: &QualityCard) -> (Vec<CardSchool>, Vec<String>) {
    let mut purposes: Vec<String> = Vec::new();
    let parts = card
        .schools
        .iter()
        .map(|s| CardSchool {
            name: s.school_name.clone(),
            cameras: s
                .cameras
                .iter()
                .map(|c| {
                    if !purposes.contains(&c.purpose) {
                        purposes.push(c.purpose.clone());
                    }
                    CardCamera {
                        name: c.name.clone(),
                        location: c.location.clone(),
                        coverage: c.coverage.clone(),
                        signs: if c.signs {
                            c.signs_where.clone().unwrap_or_else(|| t("camera.yes").to_owned())
                        } else {
                            t("camera.no").to_owned()
                        },
                        viewers: c.viewers.clone(),
                        retention: retention_words(&c.retention),
                        live_view: yes_no(c.live_view),
                    }
                })
                .collect(),
        })
        .collect();
    (parts, purposes)
}

pub async fn quality_card(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<CardQuery>,
) -> PageResult {
    let chosen = query.school.unwrap_or_default();
    let card = app::quality_card(&state, &staff, Some(&chosen)).await?;
    let options = options(&state, &staff).await?;
    let (parts, purposes) = card_parts(&card);
    let page = CardPage {
        layout: Layout::for_staff(&state, &staff, t("camera.card.title"), CAMERAS),
        schools: options.schools,
        pdf_link: format!("{CAMERAS}/kwaliteitskaart.pdf?school={}", super::urlencode(&chosen)),
        chosen,
        parts,
        purposes,
        retention: tf("camera.card.retention_text", &[("period", &retention_words(&card.retention_rule))]),
        roles: card
            .roles
            .iter()
            .map(|r| CardRole {
                role: t(&format!("role.{}", r.role)),
                view: yes_no(r.view),
                manage: yes_no(r.manage),
                log: yes_no(r.log),
            })
            .collect(),
        logging: tf(
            "camera.card.logging_text",
            &[
                ("viewings", &card.logging.viewings.to_string()),
                ("disclosures", &card.logging.disclosures.to_string()),
                ("holds", &card.logging.holds_in_force.to_string()),
            ],
        ),
    };
    Ok(render(&page).into_response())
}

pub async fn quality_card_pdf(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<CardQuery>,
) -> PageResult {
    let file = app::quality_card_pdf(&state, &staff, query.school.as_deref()).await?;
    Ok(crate::download::attachment(file.content_type, &file.file_name, file.bytes))
}

// ---------------------------------------------------------------- the incident page

/// The footage held for an incident, for its page: (camera id, line).
///
/// # Errors
/// The store.
pub async fn held_for_incident(
    state: &AppState,
    staff: &Staff,
    incident: &str,
) -> Result<Vec<(String, String)>, super::PageError> {
    if !staff.can(Action::CameraView) {
        return Ok(Vec::new());
    }
    let cameras = app::cameras(state, staff).await?;
    Ok(app::holds(state, staff, None, Some(incident))
        .await?
        .iter()
        .filter(|h| h.status == "held")
        .map(|h| {
            let camera = cameras.iter().find(|c| c.id == h.camera_id).map_or("", |c| c.name.as_str());
            let line =
                tf("camera.incident.held_line", &[("camera", camera), ("from", &when(&h.from)), ("to", &when(&h.to))]);
            (h.camera_id.clone(), line)
        })
        .collect())
}
