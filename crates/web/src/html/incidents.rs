//! The incident pages: the one-minute report form for every staff member, the
//! register with filters and CSV export, and an incident's page with the
//! 72-hour clock, the guided assessment, the AP draft, the letters and closing.

use super::filters;
use super::form::PageForm;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::{FieldError, Problem};
use crate::i18n::{t, tf};
use aantoonbaar_app::Error;
use aantoonbaar_app::incidents::{
    self as app, AssessIncident, CloseIncident, DraftField, FollowUpAuthority, InformSubjects, LinkSubjects,
    NotifyAuthority, Overrule, ReportIncident, authority_draft, moment, parse_moment, record_subject_views, time_left,
};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::breach::{AnswerKind, BreachFacts, QUESTIONS, Question};
use aantoonbaar_rules::incidents::{Kind, Status, overdue};
use aantoonbaar_store::{FollowUp, Incident, IncidentLetter, Scope};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;
use serde_json::{Map, Value};

/// One row of the register.
pub struct IncidentRow {
    pub id: String,
    pub reference: String,
    pub kind: &'static str,
    pub status: &'static str,
    pub school: String,
    pub reported_at: String,
    pub reported_late: bool,
    pub breach: &'static str,
    pub clock: String,
}

/// A breach whose AP deadline runs, for the dashboard and the register.
pub struct BreachClock {
    pub id: String,
    pub reference: String,
    pub deadline: String,
    pub left: String,
    pub overdue: bool,
}

fn clock_of(incident: &Incident, now: jiff::Timestamp) -> Option<BreachClock> {
    let deadline = incident.open_deadline()?;
    Some(BreachClock {
        id: incident.id.clone(),
        reference: incident.reference.clone(),
        deadline: moment(deadline),
        left: time_left(deadline, now),
        overdue: overdue(deadline, None, now),
    })
}

/// The open breaches the user may see, with the time left to notify the AP.
///
/// # Errors
/// When the store cannot be read.
pub async fn open_breaches(state: &AppState, staff: &Staff) -> Result<Vec<BreachClock>, Problem> {
    let Ok(scope) = staff.may(Action::IncidentView) else { return Ok(Vec::new()) };
    let filter = aantoonbaar_store::IncidentFilter { breach: Some(true), ..Default::default() };
    let incidents = state.store.board(&staff.principal.board).incidents(scope, &filter).await?;
    let mut clocks: Vec<BreachClock> = incidents.iter().filter_map(|i| clock_of(i, staff.now)).collect();
    clocks.sort_by(|a, b| a.deadline.cmp(&b.deadline));
    Ok(clocks)
}

/// The incidents concerning one pupil, for the pupil's page: reference, date
/// and status only, never what others wrote about other people.
pub struct PupilIncident {
    pub id: String,
    pub reference: String,
    pub reported_at: String,
    pub status: &'static str,
}

/// # Errors
/// When the store cannot be read.
pub async fn of_pupil(state: &AppState, staff: &Staff, pupil_id: &str) -> Result<Option<Vec<PupilIncident>>, Problem> {
    let Ok(scope) = staff.may(Action::IncidentView) else { return Ok(None) };
    let filter = aantoonbaar_store::IncidentFilter { pupil_id: Some(pupil_id.to_owned()), ..Default::default() };
    let incidents = state.store.board(&staff.principal.board).incidents(scope, &filter).await?;
    Ok(Some(
        incidents
            .into_iter()
            .map(|i| PupilIncident {
                reported_at: moment(i.reported_at),
                status: t(&format!("incident.status.{}", i.status.code())),
                id: i.id,
                reference: i.reference,
            })
            .collect(),
    ))
}

// ---------------------------------------------------------------- report

#[derive(Template)]
#[template(path = "incident_report.html")]
struct ReportPage {
    layout: Layout,
    schools: Vec<(String, String)>,
    form: ReportIncident,
    errors: Vec<FieldError>,
}

async fn report_page(state: &AppState, staff: &Staff, form: ReportIncident, errors: Vec<FieldError>) -> PageResult {
    staff.may(Action::IncidentReport)?;
    let board = state.store.board(&staff.principal.board);
    // The schools the reporter works at (their own scope: a teacher's groups'
    // schools, a director's school), never a wider default.
    let schools = board.schools(&staff.principal.scope).await?.into_iter().map(|s| (s.id, s.name)).collect();
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let layout = Layout::for_staff(state, staff, t("incident.report_title"), "/incidenten");
    Ok((status, render(&ReportPage { layout, schools, form, errors })).into_response())
}

pub async fn report_form(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let now = staff.now.to_zoned(aantoonbaar_rules::calendar::dutch_time_zone()).strftime("%Y-%m-%dT%H:%M").to_string();
    report_page(&state, &staff, ReportIncident { discovered_at: Some(now), ..ReportIncident::default() }, Vec::new())
        .await
}

pub async fn report_submit(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PageForm(form): PageForm<ReportIncident>,
) -> PageResult {
    match app::report(&state, &staff, form.clone()).await {
        Ok(incident) => Ok(Redirect::to(&format!("/incidenten?gemeld={}", incident.reference)).into_response()),
        Err(Error::Invalid(errors)) => report_page(&state, &staff, form, errors).await,
        Err(other) => Err(other.into()),
    }
}

// ---------------------------------------------------------------- register

#[derive(Deserialize, Default)]
pub struct RegisterQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    soort: String,
    #[serde(default)]
    school: String,
    #[serde(default)]
    datalek: String,
    #[serde(default)]
    gemeld: String,
}

#[derive(Template)]
#[template(path = "incidents.html")]
struct RegisterPage {
    layout: Layout,
    query: RegisterQuery,
    reported: Option<String>,
    rows: Vec<IncidentRow>,
    schools: Vec<(String, String)>,
    /// The filters as a query string, for the export links.
    filters: String,
    can_view: bool,
    statuses: Vec<(&'static str, &'static str)>,
    kinds: Vec<(&'static str, &'static str)>,
}

async fn register_of(state: &AppState, staff: &Staff, query: &RegisterQuery) -> Result<Vec<Incident>, Error> {
    let breach = match query.datalek.as_str() {
        "ja" => Some(true),
        "nee" => Some(false),
        _ => None,
    };
    let filter = app::RegisterFilter {
        status: Some(query.status.clone()),
        kind: Some(query.soort.clone()),
        school_id: Some(query.school.clone()),
        breach,
    };
    app::register_list(state, staff, filter).await
}

async fn school_names(state: &AppState, staff: &Staff) -> Result<Vec<(String, String)>, Problem> {
    let board = state.store.board(&staff.principal.board);
    Ok(board.schools(&Scope::Board).await?.into_iter().map(|s| (s.id, s.name)).collect())
}

fn breach_label(incident: &Incident) -> &'static str {
    match incident.assessment.as_ref() {
        None => t("incident.not_yet"),
        Some(a) if a.is_breach => t("incident.yes"),
        Some(_) => t("incident.no"),
    }
}

pub async fn register(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<RegisterQuery>,
) -> PageResult {
    let incidents = register_of(&state, &staff, &query).await?;
    let schools = school_names(&state, &staff).await?;
    let name_of = |id: &Option<String>| {
        id.as_ref().and_then(|id| schools.iter().find(|(s, _)| s == id)).map(|(_, n)| n.clone()).unwrap_or_default()
    };
    let rows = incidents
        .iter()
        .map(|i| IncidentRow {
            id: i.id.clone(),
            reference: i.reference.clone(),
            kind: t(&format!("incident.kind.{}", i.kind.code())),
            status: t(&format!("incident.status.{}", i.status.code())),
            school: name_of(&i.school_id),
            reported_at: moment(i.reported_at),
            reported_late: i.reported_late,
            breach: breach_label(i),
            clock: clock_of(i, staff.now).map(|c| c.left).unwrap_or_default(),
        })
        .collect();
    let filters = format!(
        "?status={}&soort={}&school={}&datalek={}",
        super::urlencode(&query.status),
        super::urlencode(&query.soort),
        super::urlencode(&query.school),
        super::urlencode(&query.datalek)
    );
    let reported = Some(query.gemeld.clone()).filter(|r| r.starts_with("INC-") && r.len() < 20);
    let layout = Layout::for_staff(&state, &staff, t("nav.incidents"), "/incidenten");
    let can_view = staff.can(Action::IncidentView);
    let statuses = Status::ALL.iter().map(|s| (s.code(), t(&format!("incident.status.{}", s.code())))).collect();
    let kinds = Kind::ALL.iter().map(|k| (k.code(), t(&format!("incident.kind.{}", k.code())))).collect();
    Ok(render(&RegisterPage { layout, query, reported, rows, schools, filters, can_view, statuses, kinds }))
}

/// The register's columns for the exports.
const EXPORT_COLUMNS: [&str; 22] = [
    "kenmerk",
    "soort",
    "status",
    "school",
    "gemeld op",
    "ontdekt op",
    "te laat gemeld",
    "wat is er gebeurd",
    "datalek",
    "ernst",
    "melden aan AP",
    "uiterste meldmoment AP",
    "gemeld aan AP op",
    "kenmerk AP",
    "reden vertraging",
    "betrokkenen informeren",
    "besluit door",
    "reden afwijken",
    "maatregelen",
    "oorzaak",
    "evaluatie",
    "afgesloten op",
];

/// The register as rows of [`EXPORT_COLUMNS`], for the FG and the board.
async fn export_rows(state: &AppState, staff: &Staff, query: &RegisterQuery) -> Result<Vec<Vec<String>>, Problem> {
    let incidents = register_of(state, staff, query).await?;
    let schools = school_names(state, staff).await?;
    let yes_no = |b: bool| if b { t("incident.yes") } else { t("incident.no") };
    Ok(incidents
        .iter()
        .map(|i| {
            let a = i.assessment.as_ref();
            let school =
                i.school_id.as_ref().and_then(|id| schools.iter().find(|(s, _)| s == id)).map_or("", |(_, n)| n);
            vec![
                i.reference.clone(),
                t(&format!("incident.kind.{}", i.kind.code())).to_owned(),
                t(&format!("incident.status.{}", i.status.code())).to_owned(),
                school.to_owned(),
                moment(i.reported_at),
                moment(i.discovered_at),
                yes_no(i.reported_late).to_owned(),
                i.what_happened.clone(),
                breach_label(i).to_owned(),
                a.map_or("", |a| t(&format!("incident.severity.{}", a.severity))).to_owned(),
                a.map_or("", |a| yes_no(a.notify_authority)).to_owned(),
                a.and_then(|a| a.deadline_at).map(moment).unwrap_or_default(),
                i.authority_sent_at.map(moment).unwrap_or_default(),
                i.authority_reference.clone().unwrap_or_default(),
                i.delay_reason.clone().unwrap_or_default(),
                a.map_or("", |a| yes_no(a.notify_subjects)).to_owned(),
                a.map(|a| a.decided_by.clone()).unwrap_or_default(),
                a.and_then(|a| a.overrule_reason.clone()).unwrap_or_default(),
                i.measures.clone().unwrap_or_default(),
                i.cause.clone().unwrap_or_default(),
                i.evaluation.clone().unwrap_or_default(),
                i.closed_at.map(moment).unwrap_or_default(),
            ]
        })
        .collect())
}

fn download(content_type: &'static str, file_name: &str, bytes: Vec<u8>) -> PageResult {
    let disposition = format!("attachment; filename=\"{file_name}\"");
    Ok(([(header::CONTENT_TYPE, content_type.to_owned()), (header::CONTENT_DISPOSITION, disposition)], bytes)
        .into_response())
}

/// The register as CSV (UTF-8 with BOM, `;`-separated, so Excel opens it right).
pub async fn export_csv(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<RegisterQuery>,
) -> PageResult {
    let rows = export_rows(&state, &staff, &query).await?;
    let header = EXPORT_COLUMNS.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    let bytes = aantoonbaar_app::export::csv(std::iter::once(header).chain(rows)).map_err(|e| Problem::internal(&e))?;
    download("text/csv; charset=utf-8", "incidentenregister.csv", bytes)
}

/// The register as an Excel workbook (XLSX), one row per incident.
pub async fn export_xlsx(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<RegisterQuery>,
) -> PageResult {
    let rows = export_rows(&state, &staff, &query).await?;
    let bytes = aantoonbaar_app::blocking(move || workbook(&rows)).await?.map_err(|e| Problem::internal(&e))?;
    download("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "incidentenregister.xlsx", bytes)
}

/// The register as an XLSX workbook (CPU work: called off the async workers).
fn workbook(rows: &[Vec<String>]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let quoted = rust_xlsxwriter::Format::new().set_quote_prefix();
    sheet.set_name("Incidentenregister")?;
    for (column, title) in (0_u16..).zip(EXPORT_COLUMNS) {
        sheet.write_string_with_format(0, column, title, &bold)?;
    }
    for (line, row) in (1_u32..).zip(rows) {
        for (column, value) in (0_u16..).zip(row) {
            // A text cell is not evaluated; a cell that looks like a formula also gets
            // Excel's quote prefix, so it stays text after an edit, showing what was typed.
            if matches!(aantoonbaar_app::export::cell(value), std::borrow::Cow::Owned(_)) {
                sheet.write_string_with_format(line, column, value, &quoted)?;
            } else {
                sheet.write_string(line, column, value)?;
            }
        }
    }
    workbook.save_to_buffer()
}

// ---------------------------------------------------------------- one incident

/// A question of the decision tree as the form shows it.
pub struct QuestionView {
    pub field: &'static str,
    pub text: &'static str,
    /// `yes_no`, `one_of`, `many_of`, `count`, `hours`, `instant`.
    pub kind: &'static str,
    pub choices: Vec<(&'static str, &'static str)>,
    pub only_if: Option<String>,
}

fn question_view(q: &Question) -> QuestionView {
    let (kind, choices): (&str, &[aantoonbaar_rules::breach::Choice]) = match q.answer {
        AnswerKind::YesNo => ("yes_no", &[]),
        AnswerKind::OneOf(c) => ("one_of", c),
        AnswerKind::ManyOf(c) => ("many_of", c),
        AnswerKind::Count => ("count", &[]),
        AnswerKind::Hours => ("hours", &[]),
        AnswerKind::Instant => ("instant", &[]),
    };
    let only_if = q.only_if.map(|c| {
        let earlier = QUESTIONS.iter().find(|e| e.field == c.field).map_or(c.field, |e| e.text);
        tf("incident.only_if", &[("question", earlier)])
    });
    QuestionView {
        field: q.field,
        text: q.text,
        kind,
        choices: choices.iter().map(|c| (c.value, c.label)).collect(),
        only_if,
    }
}

#[derive(Template)]
#[template(path = "incident.html")]
struct IncidentPage {
    layout: Layout,
    incident: Incident,
    kind: &'static str,
    status: &'static str,
    school: String,
    reported_at: String,
    discovered_at: String,
    clock: Option<BreachClock>,
    /// A vulnerability report's answer date (3 days, seed 001 §14.10) while it is open.
    response_due: Option<String>,
    severity: String,
    decided_at: String,
    authority_sent_at: String,
    questions: Vec<QuestionView>,
    draft: Vec<DraftField>,
    follow_ups: Vec<(String, FollowUp)>,
    /// The people linked: name and kind, in Dutch.
    subjects: Vec<(String, &'static str)>,
    /// Pupils the user may link (id, name and number), for the select list.
    candidates: Vec<(String, String)>,
    letters: Vec<IncidentLetter>,
    subjects_decision: &'static str,
    can_manage: bool,
    open: bool,
    errors: Vec<FieldError>,
}

async fn incident_page(state: &AppState, staff: &Staff, id: &str, errors: Vec<FieldError>) -> PageResult {
    let scope = staff.may(Action::IncidentView)?;
    let board = state.store.board(&staff.principal.board);
    let incident = board.incident(scope, None, id).await?.ok_or_else(Problem::not_found)?;
    board.record_view(&staff.actor(), "incident", &incident.id).await?;
    let school = match &incident.school_id {
        Some(id) => board.school(&Scope::Board, id).await?.map(|s| s.name).unwrap_or_default(),
        None => t("incident.whole_board").to_owned(),
    };
    let subjects = board.incident_subjects(&incident.id).await?;
    record_subject_views(board, staff, &subjects).await?;
    let candidates = match staff.may(Action::IncidentManage) {
        Ok(scope) if incident.status != Status::Closed => {
            let query = aantoonbaar_store::PupilQuery {
                school_id: incident.school_id.clone(),
                today: Some(state.clock.today()),
                limit: 2000,
                ..Default::default()
            };
            let linked: Vec<&str> = subjects.iter().map(|s| s.id.as_str()).collect();
            let (pupils, _) = board.pupils(scope, &query).await?;
            pupils
                .into_iter()
                .filter(|p| !linked.contains(&p.id.as_str()))
                .map(|p| (p.id.clone(), format!("{} ({})", p.full_name(), p.external_number)))
                .collect()
        }
        _ => Vec::new(),
    };
    let a = incident.assessment.as_ref();
    let page = IncidentPage {
        layout: Layout::for_staff(state, staff, &incident.reference, "/incidenten"),
        kind: t(&format!("incident.kind.{}", incident.kind.code())),
        status: t(&format!("incident.status.{}", incident.status.code())),
        school,
        reported_at: moment(incident.reported_at),
        discovered_at: moment(incident.discovered_at),
        clock: clock_of(&incident, staff.now),
        response_due: (incident.kind == Kind::Vulnerability && incident.status != Status::Closed)
            .then(|| moment(aantoonbaar_rules::incidents::disclosure_response_deadline(incident.reported_at))),
        severity: a.map(|a| t(&format!("incident.severity.{}", a.severity)).to_owned()).unwrap_or_default(),
        decided_at: a.map(|a| moment(a.decided_at)).unwrap_or_default(),
        authority_sent_at: incident.authority_sent_at.map(moment).unwrap_or_default(),
        questions: QUESTIONS.iter().map(question_view).collect(),
        draft: authority_draft(state, &staff.principal.board, &incident).await?,
        follow_ups: board
            .authority_follow_ups(&incident.id)
            .await?
            .into_iter()
            .map(|f| (moment(f.sent_at), f))
            .collect(),
        subjects: subjects.into_iter().map(|s| (s.name, t(&format!("incident.subject_kind.{}", s.kind)))).collect(),
        candidates,
        letters: board.incident_letters(&incident.id).await?,
        subjects_decision: incident.subjects_decision.map_or("", |d| t(&format!("incident.subjects.{}", d.code()))),
        can_manage: staff.can(Action::IncidentManage),
        open: incident.status != Status::Closed,
        errors,
        incident,
    };
    let status = if page.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, render(&page)).into_response())
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    incident_page(&state, &staff, &id, Vec::new()).await
}

fn back(id: &str) -> PageResult {
    Ok(Redirect::to(&format!("/incidenten/{id}")).into_response())
}

/// The answers of the decision tree as [`BreachFacts`]; "weet ik niet" (empty) leaves a fact out.
fn facts_from(form: &[(String, String)]) -> Result<BreachFacts, FieldError> {
    let mut map = Map::new();
    for q in QUESTIONS {
        let values: Vec<&str> =
            form.iter().filter(|(k, v)| k == q.field && !v.trim().is_empty()).map(|(_, v)| v.trim()).collect();
        let Some(first) = values.first() else { continue };
        let value = match q.answer {
            AnswerKind::YesNo => Value::Bool(*first == "ja"),
            AnswerKind::OneOf(_) => Value::String((*first).to_owned()),
            AnswerKind::ManyOf(_) => Value::Array(values.iter().map(|v| Value::String((*v).to_owned())).collect()),
            AnswerKind::Count => {
                Value::from(first.parse::<u64>().map_err(|_| FieldError::new(q.field, "incident.whole_number"))?)
            }
            AnswerKind::Hours => Value::from(
                first.replace(',', ".").parse::<f64>().map_err(|_| FieldError::new(q.field, "incident.number"))?,
            ),
            AnswerKind::Instant => {
                Value::String(parse_moment(first).map_err(|e| FieldError::new(q.field, e.code))?.to_string())
            }
        };
        map.insert(q.field.to_owned(), value);
    }
    serde_json::from_value(Value::Object(map)).map_err(|_| FieldError::new("facts", "incident.answer_unknown"))
}

pub async fn assess(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> PageResult {
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_owned()).unwrap_or_default();
    let choice = |name: &str| match field(name).as_str() {
        "ja" => Some(true),
        "nee" => Some(false),
        _ => None,
    };
    let overrule = Overrule {
        notify_authority: choice("overrule_authority"),
        notify_subjects: choice("overrule_subjects"),
        reason: Some(field("overrule_reason")),
    };
    let facts = match facts_from(&form) {
        Ok(facts) => facts,
        Err(error) => return incident_page(&state, &staff, &id, vec![error]).await,
    };
    let command = AssessIncident { facts, overrule: Some(overrule) };
    let outcome = app::assess(&state, &staff, &id, command).await;
    respond(&state, &staff, &id, outcome).await
}

/// Back to the incident after a change; its page again with the errors when
/// the command was refused.
async fn respond<T>(state: &AppState, staff: &Staff, id: &str, outcome: Result<T, Error>) -> PageResult {
    match outcome {
        Ok(_) => back(id),
        Err(Error::Invalid(errors)) => incident_page(state, staff, id, errors).await,
        Err(other) => Err(other.into()),
    }
}

pub async fn notify_authority(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PageForm(command): PageForm<NotifyAuthority>,
) -> PageResult {
    let outcome = app::notify_authority(&state, &staff, &id, command).await;
    respond(&state, &staff, &id, outcome).await
}

/// Records further information sent to the AP (AVG art. 33 lid 4).
pub async fn follow_up(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PageForm(command): PageForm<FollowUpAuthority>,
) -> PageResult {
    let outcome = app::follow_up(&state, &staff, &id, command).await;
    respond(&state, &staff, &id, outcome).await
}

/// Links the chosen pupils to the incident.
pub async fn link_pupils(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PageForm(command): PageForm<LinkSubjects>,
) -> PageResult {
    let outcome = app::link_subjects(&state, &staff, &id, command).await;
    respond(&state, &staff, &id, outcome).await
}

pub async fn letters(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PageForm(command): PageForm<InformSubjects>,
) -> PageResult {
    let outcome = app::inform_subjects(&state, &staff, &id, command).await;
    respond(&state, &staff, &id, outcome).await
}

pub async fn close(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PageForm(command): PageForm<CloseIncident>,
) -> PageResult {
    let outcome = app::close(&state, &staff, &id, command).await;
    respond(&state, &staff, &id, outcome).await
}

/// One letter as PDF (AVG art. 34 lid 2).
pub async fn letter_pdf(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path((id, file)): Path<(String, String)>,
) -> PageResult {
    let scope = staff.may(Action::IncidentView)?;
    let board = state.store.board(&staff.principal.board);
    let incident = board.incident(scope, None, &id).await?.ok_or_else(Problem::not_found)?;
    let letter_id = file.strip_suffix(".pdf").ok_or_else(Problem::not_found)?;
    let letter = board
        .incident_letters(&incident.id)
        .await?
        .into_iter()
        .find(|l| l.id == letter_id)
        .ok_or_else(Problem::not_found)?;
    board.record_view(&staff.actor(), "incident_letter", &letter.id).await?;
    let subject = tf("incident.letter.subject", &[("reference", &incident.reference)]);
    let board_name = staff.principal.board_name.clone();
    let made = aantoonbaar_app::blocking(move || {
        let document =
            aantoonbaar_documents::BreachLetter { board: &board_name, subject: &subject, body: &letter.body };
        aantoonbaar_documents::breach_letter(&document)
    });
    let bytes = made.await?.map_err(|e| Problem::internal(&e))?;
    download("application/pdf", &format!("brief-{}.pdf", incident.reference), bytes)
}
