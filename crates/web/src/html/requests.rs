//! Data-subject requests for staff: the list with days left, intake, the
//! request page with its actions per kind and the decision, the access
//! overview (page and PDF) and the answer letter (PDF). The forms read into the
//! same commands as the JSON API and call the same operations
//! (`aantoonbaar_app::requests`), so both check and record alike.

use super::filters;
use super::form::{self, PagePairs, Refused};
use super::{Layout, PageError, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::Problem;
use crate::i18n::{t, tf};
use aantoonbaar_app::deadlines::equated_days;
use aantoonbaar_app::input::TEXT_LIMIT;
use aantoonbaar_app::requests::{
    self as app, DecideRequest, ExtendRequest, FileRequest, RecipientsTold, RecordBalancing, RestrictProcessing,
    Section, SetRecipients, access_overview, days_left_words, decider_name, dutch_date, letter, letter_parties,
    sections_pdf, subject_name, working_days_left,
};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::requests::{
    ErasureItem, IdentityCheck, ObjectionOutcome, Outcome, Reason, RequestChannel, RequestKind, Urgency,
    erasure_verdict,
};
use aantoonbaar_store::{BoardStore, Pupil, Request, Scope, StoreError};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

/// A request in a list: what the dashboard and the list page show.
pub struct RequestRow {
    pub id: String,
    pub kind: &'static str,
    pub subject: String,
    pub received: String,
    pub deadline: String,
    /// `nog 3 werkdagen`, `vandaag`, `2 werkdagen te laat`; empty once decided.
    pub days_left: String,
    /// `normal, soon, urgent, overdue`: the row's CSS class.
    pub urgency: &'static str,
    pub status: &'static str,
}

/// The time left for `request` on `today` in words (empty once decided), and its urgency.
fn time_left(request: &Request, today: jiff::civil::Date, equated: &[jiff::civil::Date]) -> (String, &'static str) {
    if !request.is_open() {
        return (String::new(), Urgency::Normal.code());
    }
    let left = working_days_left(request, today, equated);
    (days_left_words(left), Urgency::of(left).code())
}

async fn subject_label(board: BoardStore<'_>, request: &Request) -> Result<String, StoreError> {
    Ok(subject_name(board, request).await?.unwrap_or_default())
}

/// The rows of `requests`, with working days left on `today`.
///
/// # Errors
/// When the store fails.
pub async fn rows(
    state: &AppState,
    board: BoardStore<'_>,
    requests: &[Request],
) -> Result<Vec<RequestRow>, StoreError> {
    let equated = equated_days(board).await?;
    let today = state.clock.today();
    let mut rows = Vec::with_capacity(requests.len());
    for r in requests {
        let (days_left, urgency) = time_left(r, today, &equated);
        rows.push(RequestRow {
            id: r.id.clone(),
            kind: t(&format!("request.kind.{}", r.new.kind.code())),
            subject: subject_label(board, r).await?,
            received: dutch_date(r.new.received_on),
            deadline: dutch_date(r.current_deadline()),
            days_left,
            urgency,
            status: if r.is_open() { t("request.status.open") } else { t("request.status.closed") },
        });
    }
    Ok(rows)
}

/// The banner of a pupil whose processing is restricted, naming what.
///
/// # Errors
/// When the store fails.
pub async fn restriction_banner(board: BoardStore<'_>, pupil_id: &str) -> Result<Option<String>, StoreError> {
    let restrictions = board.restrictions_of(pupil_id).await?;
    if restrictions.is_empty() {
        return Ok(None);
    }
    let what: Vec<String> =
        restrictions.into_iter().map(|r| r.unwrap_or_else(|| t("request.overview.whole").to_owned())).collect();
    Ok(Some(what.join(", ")))
}

#[derive(Template)]
#[template(path = "requests.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<RequestRow>,
    can_handle: bool,
    /// The board's recipients, one per line, when the user may change them.
    recipients: Option<String>,
    refused: Refused,
}

pub async fn list(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    list_page(&state, &staff, Refused::default()).await
}

async fn list_page(state: &AppState, staff: &Staff, refused: Refused) -> PageResult {
    let scope = staff.may(Action::RequestView)?;
    let board = state.store.board(&staff.principal.board);
    // A list of kinds, names and dates is no view of anyone's request: opening one is.
    let requests = board.requests(scope, false).await?;
    let recipients = match staff.may(Action::BoardSettingsManage) {
        Ok(_) => Some(board.board_recipients().await?.join("\n")),
        Err(_) => None,
    };
    let page = ListPage {
        layout: Layout::for_staff(state, staff, t("nav.requests"), "/verzoeken"),
        rows: rows(state, board, &requests).await?,
        can_handle: staff.can(Action::RequestHandle),
        recipients,
        refused,
    };
    Ok(render(&page))
}

/// Replaces the board's recipients (one per line); a refused list is shown
/// again as typed.
pub async fn set_recipients(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let text = typed.iter().find(|(k, _)| k == "recipients").map(|(_, v)| v.as_str()).unwrap_or_default();
    let names = text.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect();
    match app::set_recipients(&state, &staff, SetRecipients { recipients: Some(names), ..Default::default() }).await {
        Ok(_) => Ok(Redirect::to("/verzoeken").into_response()),
        Err(error) => {
            let problem = form::refused(error)?;
            let refused = Refused::new("recipients", typed, problem.errors, anchor);
            let mut response = list_page(&state, &staff, refused).await?;
            *response.status_mut() = problem.status;
            Ok(response)
        }
    }
}

/// A code and its Dutch label, for a select.
pub struct Choice {
    pub code: &'static str,
    pub label: &'static str,
}

fn choices<T: Copy>(all: &[T], code: fn(T) -> &'static str, prefix: &str) -> Vec<Choice> {
    all.iter().map(|v| Choice { code: code(*v), label: t(&format!("{prefix}.{}", code(*v))) }).collect()
}

#[derive(Template)]
#[template(path = "request_new.html")]
struct NewPage {
    layout: Layout,
    pupil: Option<(String, String)>,
    /// The pupil's guardians (id, name), one of whom may be the requester.
    guardians: Vec<(String, String)>,
    kinds: Vec<Choice>,
    channels: Vec<Choice>,
    identities: Vec<Choice>,
    today: String,
    /// The earliest plausible day of receipt (`min` of the date field).
    earliest: String,
    limit: usize,
    short_limit: usize,
    refused: Refused,
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    leerling: Option<String>,
}

async fn new_page(state: &AppState, staff: &Staff, pupil_id: Option<&str>, refused: Refused) -> PageResult {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let (pupil, guardians) = match pupil_id.filter(|p| !p.is_empty()) {
        Some(id) => {
            let pupil = board.pupil(scope, id).await?.ok_or_else(Problem::not_found)?;
            board.record_view(&staff.actor(), "pupil_guardians", &pupil.id).await?;
            let guardians = board.guardians_of(&pupil.id).await?;
            let guardians = guardians.into_iter().map(|g| (g.guardian.id.clone(), g.guardian.full_name())).collect();
            (Some((pupil.id.clone(), pupil.full_name())), guardians)
        }
        None => (None, Vec::new()),
    };
    let page = NewPage {
        layout: Layout::for_staff(state, staff, t("request.new_title"), "/verzoeken"),
        pupil,
        guardians,
        kinds: choices(RequestKind::ALL, RequestKind::code, "request.kind"),
        channels: choices(RequestChannel::ALL, RequestChannel::code, "request.channel"),
        identities: choices(IdentityCheck::ALL, IdentityCheck::code, "request.identity"),
        today: state.clock.today().to_string(),
        earliest: app::earliest_received(state.clock.today()).to_string(),
        limit: TEXT_LIMIT,
        short_limit: app::RECIPIENT_LIMIT,
        refused,
    };
    Ok(render(&page))
}

pub async fn new_form(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<NewQuery>,
) -> PageResult {
    new_page(&state, &staff, query.leerling.as_deref(), Refused::default()).await
}

/// The id of a field's input on the request pages: the field itself, except
/// where two forms of the request page share a field name.
fn anchor(form: &str, field: &str) -> Option<String> {
    Some(
        match (form, field) {
            (_, "id") => return None,
            ("extend", "reason") => "reason_extension",
            ("balancing", "outcome") => "objection_outcome",
            (_, field) => field,
        }
        .to_owned(),
    )
}

/// Records a request; a refused form is shown again as it was typed, each
/// error linked to its field.
pub async fn create(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let command: FileRequest = form::read(typed.clone())?;
    let pupil_id = command.subject_pupil_id.clone();
    match app::file(&state, &staff, command).await {
        Ok(request) => Ok(Redirect::to(&format!("/verzoeken/{}", request.id)).into_response()),
        Err(error) => {
            let problem = form::refused(error)?;
            let refused = Refused::new("new", typed, problem.errors, anchor);
            let mut response = new_page(&state, &staff, pupil_id.as_deref(), refused).await?;
            *response.status_mut() = problem.status;
            Ok(response)
        }
    }
}

/// An erasure item as the request page shows it.
pub struct ErasureLine {
    pub item: &'static str,
    pub verdict: &'static str,
    pub until: Option<String>,
    pub done: Option<bool>,
}

#[derive(Template)]
#[template(path = "request.html")]
struct RequestPage {
    layout: Layout,
    id: String,
    kind: RequestKind,
    kind_label: &'static str,
    subject: String,
    pupil_id: Option<String>,
    requester: String,
    details: Option<String>,
    received: String,
    channel: &'static str,
    identity: &'static str,
    deadline: String,
    extended: Option<String>,
    extension_reason: Option<String>,
    days_left: String,
    urgency: &'static str,
    open: bool,
    outcome: Option<&'static str>,
    reason: Option<&'static str>,
    /// Who decided and on which day, by name.
    decided: Option<String>,
    explanation: Option<String>,
    balancing: Option<(String, &'static str)>,
    erasure: Vec<ErasureLine>,
    recipients: Vec<String>,
    told: Vec<(String, String)>,
    purposes: Vec<(String, String)>,
    restrictions: Option<String>,
    outcomes: Vec<Choice>,
    reasons: Vec<Choice>,
    objection_outcomes: Vec<Choice>,
    can_handle: bool,
    today: String,
    /// The day of receipt (`min` of the later date fields).
    received_iso: String,
    limit: usize,
    refused: Refused,
    /// For a rectification: the pupil's name and birth date as recorded now.
    correction: Option<PupilNames>,
    /// The requesting parent's right to information about the pupil (seed 001
    /// §14.13): level and basis, for the director deciding on the request.
    requester_right: Option<(&'static str, &'static str)>,
}

/// The fields a correction form shows, filled in.
pub struct PupilNames {
    pub given_name: String,
    pub surname_prefix: String,
    pub surname: String,
    pub birth_date: String,
}

async fn request_page(state: &AppState, staff: &Staff, id: &str, refused: Refused) -> PageResult {
    let scope = staff.may(Action::RequestView)?;
    let board = state.store.board(&staff.principal.board);
    let r = board.request(scope, id).await?.ok_or_else(Problem::not_found)?;
    board.record_view(&staff.actor(), "request", &r.id).await?;
    let equated = equated_days(board).await?;
    let today = state.clock.today();
    let (days_left, urgency) = time_left(&r, today, &equated);
    let pupil: Option<Pupil> = match &r.new.subject_pupil_id {
        Some(p) => board.pupil(&Scope::Board, p).await?,
        None => None,
    };
    let requester = match &r.new.requester_guardian_id {
        Some(g) => board.guardian(&Scope::Board, g).await?.map(|g| g.full_name()).unwrap_or_default(),
        None => r.new.requester_description.clone().unwrap_or_else(|| t("request.requester_self").to_owned()),
    };
    let erasure = if r.new.kind == RequestKind::Erasure {
        ErasureItem::ALL
            .iter()
            .map(|item| {
                let done = r.erasures.iter().find(|e| e.item == *item);
                let (verdict, until) = match done {
                    Some(e) => (e.keep_reason.map(|k| k.code()), e.keep_until),
                    None => match pupil.as_ref().map(|p| erasure_verdict(*item, p.leave_date, today)) {
                        Some(aantoonbaar_rules::requests::ErasureVerdict::Keep { reason, until }) => {
                            (Some(reason.code()), until)
                        }
                        _ => (None, None),
                    },
                };
                ErasureLine {
                    item: t(&format!("request.item.{}", item.code())),
                    verdict: verdict.map_or(t("request.erasure.may_erase"), |k| t(&format!("request.keep.{k}"))),
                    until: until.map(dutch_date),
                    done: done.map(|e| e.erased),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let purposes = board.consent_purposes(staff.now).await?.into_iter().map(|p| (p.code, p.name)).collect::<Vec<_>>();
    let restrictions = match &pupil {
        Some(p) => restriction_banner(board, &p.id).await?,
        None => None,
    };
    let requester_right = match (&pupil, &r.new.requester_guardian_id) {
        (Some(p), Some(guardian)) => {
            let guardians = board.guardians_of(&p.id).await?;
            aantoonbaar_app::information_rights::rights_of(p, &guardians)
                .into_iter()
                .find(|(g, _)| &g.guardian.id == guardian)
                .map(|(_, right)| {
                    (
                        t(&format!("information_rights.level.{}", right.level.code())),
                        t(&format!("information_rights.basis.{}", right.basis.code())),
                    )
                })
        }
        _ => None,
    };
    let correction = pupil.as_ref().filter(|_| r.new.kind == RequestKind::Rectification).map(|p| PupilNames {
        given_name: p.given_name.clone(),
        surname_prefix: p.surname_prefix.clone().unwrap_or_default(),
        surname: p.surname.clone(),
        birth_date: p.birth_date.to_string(),
    });
    let reasons = Reason::ALL.iter().filter(|reason| reason.applies_to(r.new.kind)).copied().collect::<Vec<_>>();
    let decided = match r.decided_on {
        Some(on) => {
            let director = decider_name(board, &r).await?;
            Some(director.map_or_else(|| dutch_date(on), |name| format!("{name}, {}", dutch_date(on))))
        }
        None => None,
    };
    let page = RequestPage {
        layout: Layout::for_staff(state, staff, t("request.title"), "/verzoeken"),
        id: r.id.clone(),
        kind: r.new.kind,
        kind_label: t(&format!("request.kind.{}", r.new.kind.code())),
        subject: subject_label(board, &r).await?,
        pupil_id: pupil.as_ref().map(|p| p.id.clone()),
        requester,
        details: r.new.details.clone(),
        received: dutch_date(r.new.received_on),
        channel: t(&format!("request.channel.{}", r.new.channel.code())),
        identity: t(&format!("request.identity.{}", r.new.identity_check.code())),
        deadline: dutch_date(r.new.deadline),
        extended: r.extended_deadline.map(dutch_date),
        extension_reason: r.extension_reason.clone(),
        days_left,
        urgency,
        open: r.is_open(),
        outcome: r.outcome.map(|o| t(&format!("request.outcome.{}", o.code()))),
        reason: r.reason.map(|o| t(&format!("request.reason.{}", o.code()))),
        decided,
        explanation: r.explanation.clone(),
        balancing: r
            .objection_balancing
            .clone()
            .zip(r.objection_outcome.map(|o| t(&format!("request.objection_outcome.{}", o.code())))),
        erasure,
        recipients: board.board_recipients().await?,
        told: r.recipients_told.iter().map(|(name, on)| (name.clone(), dutch_date(*on))).collect(),
        purposes,
        restrictions,
        outcomes: choices(Outcome::ALL, Outcome::code, "request.outcome"),
        reasons: choices(&reasons, Reason::code, "request.reason"),
        objection_outcomes: choices(ObjectionOutcome::ALL, ObjectionOutcome::code, "request.objection_outcome"),
        can_handle: staff.can(Action::RequestHandle),
        today: today.to_string(),
        received_iso: r.new.received_on.to_string(),
        limit: TEXT_LIMIT,
        refused,
        correction,
        requester_right,
    };
    Ok(render(&page))
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    request_page(&state, &staff, &id, Refused::default()).await
}

/// After an action: back to the request page, or the page with the refused
/// `form` shown again as `typed`, each error linked to its field.
async fn after<T>(
    state: &AppState,
    staff: &Staff,
    id: &str,
    (form, typed): (&'static str, Vec<(String, String)>),
    result: Result<T, aantoonbaar_app::Error>,
) -> PageResult {
    let problem = match result {
        Ok(_) => return Ok(Redirect::to(&format!("/verzoeken/{id}")).into_response()),
        Err(error) => form::refused(error)?,
    };
    let refused = Refused::new(form, typed, problem.errors, anchor);
    let mut response = request_page(state, staff, id, refused).await?;
    *response.status_mut() = problem.status;
    Ok(response)
}

pub async fn extend(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let command: ExtendRequest = form::read(typed.clone())?;
    let result = app::extend(&state, &staff, &id, command).await;
    after(&state, &staff, &id, ("extend", typed), result).await
}

pub async fn decide(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let command: DecideRequest = form::read(typed.clone())?;
    let result = app::decide(&state, &staff, &id, command).await;
    after(&state, &staff, &id, ("decide", typed), result).await
}

pub async fn erase(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    let result = app::erase(&state, &staff, &id).await;
    after(&state, &staff, &id, ("erase", Vec::new()), result).await
}

pub async fn restrict(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let command: RestrictProcessing = form::read(typed.clone())?;
    let result = app::restrict(&state, &staff, &id, command).await;
    after(&state, &staff, &id, ("restrict", typed), result).await
}

pub async fn recipients_told(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let command: RecipientsTold = form::read(typed.clone())?;
    let result = app::recipients_told(&state, &staff, &id, command).await;
    after(&state, &staff, &id, ("told", typed), result).await
}

/// Applies a correction to the subject pupil's record through the pupil API's
/// update (audited field by field), for an open rectification request.
pub async fn correct(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let form: CorrectionForm = form::read(typed.clone())?;
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let request = board.request(scope, &id).await?.ok_or_else(Problem::not_found)?;
    let pupil_id = match (&request.new.subject_pupil_id, request.new.kind, request.is_open()) {
        (Some(pupil), RequestKind::Rectification, true) => pupil.clone(),
        _ => return Err(Problem::not_found().into()),
    };
    let fields = aantoonbaar_app::pupils::PupilFields {
        given_name: Some(form.given_name),
        surname_prefix: Some(form.surname_prefix),
        surname: Some(form.surname),
        birth_date: Some(form.birth_date),
        ..Default::default()
    };
    let result = aantoonbaar_app::pupils::update(&state, &staff, &pupil_id, fields).await;
    after(&state, &staff, &id, ("correct", typed), result).await
}

/// The corrected name and birth date (the pupil command's fields; empty prefix clears it).
#[derive(Deserialize)]
pub struct CorrectionForm {
    given_name: Option<String>,
    surname_prefix: Option<String>,
    surname: Option<String>,
    birth_date: Option<String>,
}

pub async fn balancing(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(typed): PagePairs,
) -> PageResult {
    let command: RecordBalancing = form::read(typed.clone())?;
    let result = app::balancing(&state, &staff, &id, command).await;
    after(&state, &staff, &id, ("balancing", typed), result).await
}

/// The request (for whom may handle it) with its access overview.
async fn overview_sections(
    state: &AppState,
    staff: &Staff,
    id: &str,
) -> Result<(Request, Pupil, Vec<Section>), PageError> {
    let scope = staff.may(Action::RequestHandle)?;
    let board = state.store.board(&staff.principal.board);
    let request = board.request(scope, id).await?.ok_or_else(Problem::not_found)?;
    let (pupil, sections) = access_overview(board, &staff.actor(), &request).await?;
    Ok((request, pupil, sections))
}

#[derive(Template)]
#[template(path = "request_overview.html")]
struct OverviewPage {
    layout: Layout,
    id: String,
    name: String,
    sections: Vec<Section>,
}

/// The access overview (AVG art. 15; seed 001 art. 14.1a) as a readable page.
pub async fn overview_page(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    let (request, pupil, sections) = overview_sections(&state, &staff, &id).await?;
    let page = OverviewPage {
        layout: Layout::for_staff(&state, &staff, t("request.overview.title"), "/verzoeken"),
        id: request.id,
        name: pupil.full_name(),
        sections,
    };
    Ok(render(&page))
}

pub(crate) fn pdf(bytes: Vec<u8>, file_name: &str) -> axum::response::Response {
    let disposition = format!("inline; filename=\"{file_name}\"");
    ([(header::CONTENT_TYPE, "application/pdf".to_owned()), (header::CONTENT_DISPOSITION, disposition)], bytes)
        .into_response()
}

/// The access overview as PDF.
pub async fn overview_pdf(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    let (_, pupil, sections) = overview_sections(&state, &staff, &id).await?;
    let title = tf("request.overview.pdf_title", &[("name", &pupil.full_name())]);
    let bytes = sections_pdf(title, sections).await?;
    Ok(pdf(bytes, "overzicht-gegevens.pdf"))
}

/// The answer letter as PDF (for a requester without e-mail, or for the file).
pub async fn letter_pdf(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    let scope = staff.may(Action::RequestView)?;
    let board = state.store.board(&staff.principal.board);
    let request = board.request(scope, &id).await?.ok_or_else(Problem::not_found)?;
    if request.is_open() {
        return Err(Problem::not_found().into());
    }
    board.record_view(&staff.actor(), "request", &request.id).await?;
    let paragraphs = letter(&request, &letter_parties(&state, board, &request).await?);
    let date = request.decided_on.map(dutch_date).unwrap_or_default();
    let rows = paragraphs.into_iter().map(|p| (p, String::new())).collect();
    let bytes = sections_pdf(t("request.letter.title").to_owned(), vec![Section { title: date, rows }]).await?;
    Ok(pdf(bytes, "antwoord-verzoek.pdf"))
}
