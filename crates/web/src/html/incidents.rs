//! The incident pages: the one-minute report form for every staff member, the
//! register with filters and CSV export, and an incident's page with the
//! 72-hour clock, the guided assessment, the AP draft, the letters and closing.

use super::filters;
use super::form::{PagePairs, Refused};
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::{FieldError, Problem};
use crate::i18n::{t, tf};
use aantoonbaar_app::Error;
use aantoonbaar_app::incidents::{
    self as app, AssessIncident, BOARD_WIDE, CloseIncident, DraftField, FollowUpAuthority, InformSubjects,
    LinkSubjects, NotifyAuthority, Overrule, RecordMeasures, ReportIncident, answer_label, authority_draft, moment,
    name, parse_moment, person_name, record_subject_views, time_left,
};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::breach::{AnswerKind, BreachFacts, QUESTIONS, Question};
use aantoonbaar_rules::incidents::{Kind, Status, overdue};
use aantoonbaar_store::{FollowUp, Incident, IncidentLetter, Scope};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;
use serde_json::{Map, Value};

/// One row of the register.
pub struct IncidentRow {
    pub id: String,
    pub reference: String,
    /// What happened, shortened to a line.
    pub description: String,
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

// ---------------------------------------------------------------- refused forms

/// The id of a field's input in one of the incident forms: the field itself,
/// except where two forms on the incident page share a field name.
fn anchor(form: &str, field: &str) -> Option<String> {
    let question = QUESTIONS.iter().find(|q| q.field == field);
    let chosen = |q: &&Question| matches!(q.answer, AnswerKind::YesNo | AnswerKind::OneOf(_) | AnswerKind::ManyOf(_));
    Some(
        match (form, field) {
            (_, "id") => return None,
            ("assess", _) if question.is_some_and(|q| chosen(&q)) => return Some(format!("vraag-{field}")),
            ("letters", "measures") => "letter-measures",
            ("measures", "measures") => "concept-measures",
            ("assess", "overrule.reason") => "overrule_reason",
            (_, field) => field,
        }
        .to_owned(),
    )
}

/// "Maximaal 4.000 tekens.": the limit of every free text of the incident forms.
pub(super) fn text_limit() -> String {
    let limit = aantoonbaar_app::input::TEXT_LIMIT;
    let grouped = if limit >= 1000 { format!("{}.{:03}", limit / 1000, limit % 1000) } else { limit.to_string() };
    tf("incident.text_limit", &[("limit", &grouped)])
}

/// A moment as a form's `datetime-local` writes it, in Dutch time.
fn local_input(at: jiff::Timestamp) -> String {
    at.to_zoned(aantoonbaar_rules::calendar::dutch_time_zone()).strftime("%Y-%m-%dT%H:%M").to_string()
}

/// The range of a moment typed for an incident (`rules::incidents::implausible_moment`):
/// the earliest and latest value of the input, and the rule in words.
fn moment_range(now: jiff::Timestamp) -> (String, String, String) {
    use aantoonbaar_rules::incidents::{MOMENT_LOOKBACK_YEARS, earliest_moment};
    let earliest = earliest_moment(now);
    let words = tf("incident.moment_range", &[("years", &MOMENT_LOOKBACK_YEARS.to_string())]);
    (local_input(earliest), local_input(now), words)
}

// ---------------------------------------------------------------- report

#[derive(Template)]
#[template(path = "incident_report.html")]
struct ReportPage {
    layout: Layout,
    schools: Vec<(String, String)>,
    /// More than one school to choose from: the list starts with an empty choice.
    choose: bool,
    board_wide: &'static str,
    refused: Refused,
    text_limit: String,
    /// The earliest and latest moment a form takes (`datetime-local`), and the rule in words.
    range: (String, String, String),
}

async fn report_page(state: &AppState, staff: &Staff, refused: Refused) -> PageResult {
    staff.may(Action::IncidentReport)?;
    // The schools the reporter works at (their own scope: a teacher's groups'
    // schools, a director's school), never a wider default.
    let schools: Vec<(String, String)> =
        app::reporter_schools(state, staff).await?.into_iter().map(|s| (s.id, s.name)).collect();
    let status = if refused.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let layout = Layout::for_staff(state, staff, t("incident.report_title"), "/incidenten");
    let choose = schools.len() > 1;
    let range = moment_range(staff.now);
    let page = ReportPage { layout, schools, choose, board_wide: BOARD_WIDE, refused, text_limit: text_limit(), range };
    Ok((status, render(&page)).into_response())
}

pub async fn report_form(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let mut typed = vec![("discovered_at".to_owned(), local_input(staff.now))];
    // The reporter's own school when they work at one: its director is told.
    if let [only] = app::reporter_schools(&state, &staff).await?.as_slice() {
        typed.push(("school_id".to_owned(), only.id.clone()));
    }
    report_page(&state, &staff, Refused::new("report", typed, Vec::new(), anchor)).await
}

pub async fn report_submit(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let command: ReportIncident = super::form::read(typed.clone())?;
    match app::report(&state, &staff, command).await {
        Ok(incident) => Ok(Redirect::to(&format!("/incidenten?gemeld={}", incident.reference)).into_response()),
        Err(Error::Invalid(errors)) => report_page(&state, &staff, Refused::new("report", typed, errors, anchor)).await,
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
    /// The reference just reported and the incident's id.
    reported: Option<(String, String)>,
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

/// How many characters of what happened the register shows.
const DESCRIPTION_LENGTH: usize = 80;

/// `text` on one line, cut at a word before `length` characters with "…".
fn shortened(text: &str, length: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= length {
        return line;
    }
    let cut: String = line.chars().take(length).collect();
    let at_word = cut.rfind(' ').filter(|at| *at > length / 2).map_or(cut.as_str(), |at| &cut[..at]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.', ' ']))
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
    let rows: Vec<IncidentRow> = incidents
        .iter()
        .map(|i| IncidentRow {
            id: i.id.clone(),
            reference: i.reference.clone(),
            description: shortened(&i.what_happened, DESCRIPTION_LENGTH),
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
    // The reference just reported, with a link to the report.
    let reported = rows.iter().find(|r| r.reference == query.gemeld).map(|r| (r.reference.clone(), r.id.clone()));
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
    let users = state.store.board(&staff.principal.board).users(&Scope::Board).await?;
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
                a.map(|a| app::name_among(&users, &a.decided_by)).unwrap_or_default(),
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
    /// The label of a number's or a moment's input ("Aantal betrokkenen").
    pub label: &'static str,
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
        label: answer_label(q),
    }
}

/// The search for pupils to link to an incident: by name and group, within
/// the caller's scope and the incident's school.
#[derive(Deserialize, Default)]
pub struct PupilSearch {
    #[serde(default)]
    leerling: String,
    #[serde(default)]
    groep: String,
}

/// How many pupils one search shows.
const SEARCH_LIMIT: i64 = 50;

/// A pupil found, to tick for linking.
pub struct PupilChoice {
    pub id: String,
    pub name: String,
    pub group: String,
    pub birth_date: String,
}

/// The pupil search as the page shows it.
pub struct SearchView {
    pub name: String,
    pub group: String,
    pub groups: Vec<(String, String)>,
    /// A name was typed or a group chosen.
    pub searched: bool,
    pub results: Vec<PupilChoice>,
    /// More pupils match than [`SEARCH_LIMIT`].
    pub more: bool,
}

/// Searches the pupils the caller may link: by name (or number) and group,
/// within `scope` and the incident's school; those already linked are left
/// out. Names and birth dates in a result are a view of each pupil shown.
async fn search_pupils(
    state: &AppState,
    staff: &Staff,
    scope: &Scope,
    incident: &Incident,
    linked: &[aantoonbaar_store::IncidentSubject],
    search: PupilSearch,
) -> Result<SearchView, Problem> {
    let board = state.store.board(&staff.principal.board);
    let groups: Vec<(String, String)> =
        board.groups(scope, incident.school_id.as_deref()).await?.into_iter().map(|g| (g.id, g.name)).collect();
    let name = search.leerling.trim().to_owned();
    let group = search.groep.trim().to_owned();
    let searched = !name.is_empty() || !group.is_empty();
    let mut view = SearchView { name, group, groups, searched, results: Vec::new(), more: false };
    if !searched {
        return Ok(view);
    }
    let query = aantoonbaar_store::PupilQuery {
        text: Some(view.name.clone()).filter(|n| !n.is_empty()),
        school_id: incident.school_id.clone(),
        group_id: Some(view.group.clone()).filter(|g| !g.is_empty()),
        today: Some(state.clock.today()),
        limit: SEARCH_LIMIT,
        ..Default::default()
    };
    let (pupils, total) = board.pupils(scope, &query).await?;
    let pupils: Vec<_> =
        pupils.into_iter().filter(|p| !linked.iter().any(|s| s.kind == "pupil" && s.id == p.id)).collect();
    let shown: Vec<String> = pupils.iter().map(|p| p.id.clone()).collect();
    board.record_views(&staff.actor(), "pupil", &shown).await?;
    view.more = total > SEARCH_LIMIT;
    view.results = pupils
        .into_iter()
        .map(|p| PupilChoice {
            name: p.full_name(),
            group: view.groups.iter().find(|(id, _)| *id == p.group_id).map(|(_, n)| n.clone()).unwrap_or_default(),
            birth_date: aantoonbaar_app::requests::dutch_date(p.birth_date),
            id: p.id,
        })
        .collect();
    Ok(view)
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
    /// Who decided, by name.
    decided_by: String,
    decided_at: String,
    authority_sent_at: String,
    questions: Vec<QuestionView>,
    draft: Vec<DraftField>,
    follow_ups: Vec<(String, FollowUp)>,
    /// The people linked: name and kind, in Dutch.
    subjects: Vec<(String, &'static str)>,
    /// The search for pupils to link, for who may manage the open incident.
    search: Option<SearchView>,
    letters: Vec<IncidentLetter>,
    subjects_decision: &'static str,
    can_manage: bool,
    open: bool,
    /// A reporter who does not read the register sees their own report, not its handling.
    own_report: bool,
    refused: Refused,
    text_limit: String,
    range: (String, String, String),
    /// The camera footage held for this incident: (camera id, line).
    footage: Vec<(String, String)>,
}

async fn incident_page(state: &AppState, staff: &Staff, id: &str, refused: Refused, search: PupilSearch) -> PageResult {
    staff.may(Action::IncidentReport)?;
    let (scope, own) = app::visible(staff);
    let board = state.store.board(&staff.principal.board);
    let incident = board.incident(&scope, own.as_deref(), id).await?.ok_or_else(Problem::not_found)?;
    board.record_view(&staff.actor(), "incident", &incident.id).await?;
    let own_report = own.is_some();
    let school = match &incident.school_id {
        Some(id) => board.school(&Scope::Board, id).await?.map(|s| s.name).unwrap_or_default(),
        None => t("incident.whole_board").to_owned(),
    };
    let subjects = if own_report { Vec::new() } else { board.incident_subjects(&incident.id).await? };
    record_subject_views(board, staff, &subjects).await?;
    let search = match staff.may(Action::IncidentManage) {
        Ok(scope) if incident.status != Status::Closed => {
            Some(search_pupils(state, staff, scope, &incident, &subjects, search).await?)
        }
        _ => None,
    };
    let a = incident.assessment.as_ref();
    let decided_by = match a {
        Some(a) => person_name(state, &staff.principal.board, &a.decided_by).await?,
        None => String::new(),
    };
    let draft = if own_report { Vec::new() } else { authority_draft(state, &staff.principal.board, &incident).await? };
    let page = IncidentPage {
        layout: Layout::for_staff(state, staff, &incident.reference, "/incidenten"),
        kind: t(&format!("incident.kind.{}", incident.kind.code())),
        status: t(&format!("incident.status.{}", incident.status.code())),
        school,
        reported_at: moment(incident.reported_at),
        discovered_at: moment(incident.discovered_at),
        clock: clock_of(&incident, staff.now).filter(|_| !own_report),
        response_due: (incident.kind == Kind::Vulnerability && incident.status != Status::Closed && !own_report)
            .then(|| moment(aantoonbaar_rules::incidents::disclosure_response_deadline(incident.reported_at))),
        severity: a.map(|a| t(&format!("incident.severity.{}", a.severity)).to_owned()).unwrap_or_default(),
        decided_by,
        decided_at: a.map(|a| moment(a.decided_at)).unwrap_or_default(),
        authority_sent_at: incident.authority_sent_at.map(moment).unwrap_or_default(),
        questions: QUESTIONS.iter().map(question_view).collect(),
        draft,
        follow_ups: if own_report {
            Vec::new()
        } else {
            board.authority_follow_ups(&incident.id).await?.into_iter().map(|f| (moment(f.sent_at), f)).collect()
        },
        subjects: subjects.into_iter().map(|s| (s.name, t(&format!("incident.subject_kind.{}", s.kind)))).collect(),
        search,
        letters: if own_report { Vec::new() } else { board.incident_letters(&incident.id).await? },
        subjects_decision: incident.subjects_decision.map_or("", |d| t(&format!("incident.subjects.{}", d.code()))),
        can_manage: staff.can(Action::IncidentManage),
        open: incident.status != Status::Closed,
        own_report,
        refused,
        text_limit: text_limit(),
        range: moment_range(staff.now),
        footage: super::cameras::held_for_incident(state, staff, &incident.id).await?,
        incident,
    };
    let status = if page.refused.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, render(&page)).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    Query(search): Query<PupilSearch>,
) -> PageResult {
    incident_page(&state, &staff, &id, Refused::default(), search).await
}

fn back(id: &str) -> PageResult {
    Ok(Redirect::to(&format!("/incidenten/{id}")).into_response())
}

/// The answers of the decision tree as [`BreachFacts`]; "weet ik niet" (empty)
/// leaves a fact out. Every answer that cannot be read is named by its label.
fn facts_from(form: &[(String, String)]) -> Result<BreachFacts, Vec<FieldError>> {
    let mut map = Map::new();
    let mut errors = Vec::new();
    for q in QUESTIONS {
        let values: Vec<&str> =
            form.iter().filter(|(k, v)| k == q.field && !v.trim().is_empty()).map(|(_, v)| v.trim()).collect();
        let Some(first) = values.first() else { continue };
        let wrong = |code: &str| name(FieldError::new(q.field, code), answer_label(q));
        let known =
            |choices: &[aantoonbaar_rules::breach::Choice], value: &str| choices.iter().any(|c| c.value == value);
        let value = match q.answer {
            AnswerKind::YesNo => match *first {
                "ja" => Ok(Value::Bool(true)),
                "nee" => Ok(Value::Bool(false)),
                _ => Err(wrong("incident.answer_unknown")),
            },
            AnswerKind::OneOf(choices) if known(choices, first) => Ok(Value::String((*first).to_owned())),
            AnswerKind::ManyOf(choices) if values.iter().all(|v| known(choices, v)) => {
                Ok(Value::Array(values.iter().map(|v| Value::String((*v).to_owned())).collect()))
            }
            AnswerKind::OneOf(_) | AnswerKind::ManyOf(_) => Err(wrong("incident.answer_unknown")),
            AnswerKind::Count => first.parse::<u64>().map(Value::from).map_err(|_| wrong("incident.whole_number")),
            AnswerKind::Hours => first
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|h| h.is_finite() && *h >= 0.0)
                .map(Value::from)
                .ok_or_else(|| wrong("incident.number")),
            AnswerKind::Instant => {
                parse_moment(first).map(|at| Value::String(at.to_string())).map_err(|e| wrong(e.code))
            }
        };
        match value {
            Ok(value) => {
                map.insert(q.field.to_owned(), value);
            }
            Err(error) => errors.push(error),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    serde_json::from_value(Value::Object(map)).map_err(|_| vec![FieldError::new("facts", "incident.answer_unknown")])
}

pub async fn assess(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let field =
        |name: &str| typed.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_owned()).unwrap_or_default();
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
    let outcome = match facts_from(&typed) {
        Ok(facts) => app::assess(&state, &staff, &id, AssessIncident { facts, overrule: Some(overrule) }).await,
        // Only who may assess this incident hears what is wrong with the answers.
        Err(errors) => app::find_open(&state, &staff, &id).await.and(Err(Error::Invalid(errors))),
    };
    respond(&state, &staff, &id, ("assess", typed), outcome).await
}

/// Back to the incident after a change; its page again with the form as
/// typed and the errors when the command was refused.
async fn respond<T>(
    state: &AppState,
    staff: &Staff,
    id: &str,
    (form, typed): (&'static str, Vec<(String, String)>),
    outcome: Result<T, Error>,
) -> PageResult {
    match outcome {
        Ok(_) => back(id),
        Err(Error::Invalid(errors)) => {
            incident_page(state, staff, id, Refused::new(form, typed, errors, anchor), PupilSearch::default()).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn notify_authority(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let command: NotifyAuthority = super::form::read(typed.clone())?;
    let outcome = app::notify_authority(&state, &staff, &id, command).await;
    respond(&state, &staff, &id, ("notify", typed), outcome).await
}

/// Records further information sent to the AP (AVG art. 33 lid 4).
pub async fn follow_up(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let command: FollowUpAuthority = super::form::read(typed.clone())?;
    let outcome = app::follow_up(&state, &staff, &id, command).await;
    respond(&state, &staff, &id, ("follow_up", typed), outcome).await
}

/// Links the pupils ticked in the search results to the incident.
pub async fn link_pupils(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let command: LinkSubjects = super::form::read(typed.clone())?;
    let outcome = app::link_subjects(&state, &staff, &id, command).await;
    respond(&state, &staff, &id, ("link", typed), outcome).await
}

/// Records the measures taken or proposed, in the AP draft.
pub async fn measures(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let command: RecordMeasures = super::form::read(typed.clone())?;
    let outcome = app::record_measures(&state, &staff, &id, command).await;
    respond(&state, &staff, &id, ("measures", typed), outcome).await
}

pub async fn letters(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let command: InformSubjects = super::form::read(typed.clone())?;
    let outcome = app::inform_subjects(&state, &staff, &id, command).await;
    respond(&state, &staff, &id, ("letters", typed), outcome).await
}

pub async fn close(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let command: CloseIncident = super::form::read(typed.clone())?;
    let outcome = app::close(&state, &staff, &id, command).await;
    respond(&state, &staff, &id, ("close", typed), outcome).await
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
