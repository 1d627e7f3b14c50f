//! The privacy statement's pages: for staff, per audience, the preview with
//! the coverage of every article item and a link to fix what is missing, the
//! publish button and the published versions; for everyone, without signing
//! in, the published statement of a board (today's or that of a given day)
//! and its PDF. The parent portal links to its board's statement.

use super::filters;
use super::form::{PagePairs, read, refused};
use super::parents::Parent;
use super::{Layout, PageError, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::csrf::CsrfToken;
use crate::error::Problem;
use crate::i18n::{t, tf};
use aantoonbaar_app::privacy_statement::{self as app, Draft, Publish, StatementSection};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::register::statement::{Audience, Coverage, Gap};
use askama::Template;
use axum::extract::{Extension, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// The staff page.
pub const PAGE: &str = "/privacyverklaring";

/// A block of a section: paragraphs, or the items of one list.
pub struct Block {
    pub list: bool,
    pub lines: Vec<String>,
}

/// A section as the pages show it.
pub struct SectionView {
    pub code: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// The sections' texts as paragraphs and lists (`- ` starts a list item).
#[must_use]
pub fn section_views(sections: &[StatementSection]) -> Vec<SectionView> {
    sections
        .iter()
        .map(|s| {
            let mut blocks: Vec<Block> = Vec::new();
            for line in s.text.lines().filter(|l| !l.trim().is_empty()) {
                let (list, text) = match line.strip_prefix("- ") {
                    Some(item) => (true, item.to_owned()),
                    None => (false, line.to_owned()),
                };
                match blocks.last_mut() {
                    Some(last) if last.list && list => last.lines.push(text),
                    _ => blocks.push(Block { list, lines: vec![text] }),
                }
            }
            SectionView { code: s.code.clone(), title: s.title.clone(), blocks }
        })
        .collect()
}

/// A published statement as a whole HTML document (the API's `text/html`).
#[derive(Template)]
#[template(path = "privacy_statement_public.html")]
struct PublicPage {
    layout: Layout,
    title: String,
    board_name: String,
    /// "Versie 2, gepubliceerd op …", or that it is a draft.
    note: String,
    /// Hex SHA-256 of the text.
    sha256: String,
    sections: Vec<SectionView>,
    /// The public page's own links and date form; absent in the API's document.
    public: Option<PublicLinks>,
}

struct PublicLinks {
    action: String,
    pdf: String,
    on: String,
}

/// The statement as a complete HTML page without navigation, for the API.
#[must_use]
pub fn document(state: &AppState, draft: &Draft) -> Response {
    let published = draft.published();
    let at = published.and_then(|p| p.published_at.parse::<jiff::Timestamp>().ok());
    render(&PublicPage {
        layout: Layout::public(state, &CsrfToken(String::new()), &draft.title),
        title: draft.title.clone(),
        board_name: draft.board_name.clone(),
        note: app::version_line(published.map(|p| p.version), at),
        sha256: draft.sha256.clone(),
        sections: section_views(&draft.sections),
        public: None,
    })
}

/// A PDF download.
pub(crate) fn pdf(bytes: Vec<u8>) -> Response {
    crate::download::inline("application/pdf", "privacyverklaring.pdf", bytes)
}

// ---------------------------------------------------------------- the public page

#[derive(Deserialize)]
pub struct PublicQuery {
    /// `YYYY-MM-DD`: the statement in force on that day.
    on: Option<String>,
    /// `pdf` for the PDF.
    format: Option<String>,
}

fn parse_on(on: Option<&String>) -> Result<Option<jiff::civil::Date>, Problem> {
    match on.map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(text) => text
            .parse()
            .map(Some)
            .map_err(|_| Problem::invalid(vec![crate::error::FieldError::new("on", "privacy_statement.on_format")])),
    }
}

async fn published(
    state: &AppState,
    board: &str,
    audience: &str,
    query: &PublicQuery,
) -> Result<app::PublicStatement, PageError> {
    let on = parse_on(query.on.as_ref())?;
    app::public(state, board, audience, on).await.map_err(|e| match e {
        aantoonbaar_app::Error::NotFound => PageError::from(Problem {
            detail: t("privacy_statement.none_published").to_owned(),
            ..Problem::not_found()
        }),
        other => other.into(),
    })
}

fn note(statement: &app::PublicStatement) -> String {
    app::version_note(Some(statement.version), Some(statement.published_at), &statement.sha256)
}

/// `/privacyverklaring/{board}/{audience}`: the published statement, no sign-in.
pub async fn public(
    State(state): State<AppState>,
    Extension(csrf): Extension<CsrfToken>,
    Path((board, audience)): Path<(String, String)>,
    Query(query): Query<PublicQuery>,
) -> PageResult {
    let statement = published(&state, &board, &audience, &query).await?;
    if query.format.as_deref() == Some("pdf") {
        return public_pdf_of(&statement).await;
    }
    let base = format!("{PAGE}/{}/{}", super::urlencode(&board), statement.audience.code());
    let on = query.on.clone().unwrap_or_default();
    let pdf = if on.is_empty() {
        format!("{base}/privacyverklaring.pdf")
    } else {
        format!("{base}/privacyverklaring.pdf?on={}", super::urlencode(&on))
    };
    Ok(render(&PublicPage {
        layout: Layout::public(&state, &csrf, &statement.title),
        title: statement.title.clone(),
        board_name: statement.board_name.clone(),
        note: app::version_line(Some(statement.version), Some(statement.published_at)),
        sha256: statement.sha256.clone(),
        sections: section_views(&statement.sections),
        public: Some(PublicLinks { action: base, pdf, on }),
    }))
}

async fn public_pdf_of(statement: &app::PublicStatement) -> PageResult {
    let bytes = app::pdf(&statement.title, &statement.board_name, &note(statement), &statement.sections).await?;
    Ok(pdf(bytes))
}

/// `/privacyverklaring/{board}/{audience}/privacyverklaring.pdf`.
pub async fn public_pdf(
    State(state): State<AppState>,
    Path((board, audience)): Path<(String, String)>,
    Query(query): Query<PublicQuery>,
) -> PageResult {
    let statement = published(&state, &board, &audience, &query).await?;
    public_pdf_of(&statement).await
}

/// `/ouders/privacyverklaring`: the parent's board's statement for parents.
pub async fn for_parent(parent: Parent) -> Response {
    let board = parent.session.board.as_str().to_owned();
    Redirect::to(&format!("{PAGE}/{}/{}", super::urlencode(&board), Audience::Parents.code())).into_response()
}

// ---------------------------------------------------------------- the staff page

struct AudienceLink {
    code: &'static str,
    label: &'static str,
    current: bool,
}

struct CoverageRow {
    item: &'static str,
    description: &'static str,
    section: &'static str,
    section_code: &'static str,
    applicable: bool,
    satisfied: bool,
    missing: Vec<(String, String)>,
}

struct VersionRow {
    version: i64,
    published_at: String,
    published_by: String,
    register_version: i64,
    sha256: String,
}

#[derive(Template)]
#[template(path = "privacy_statement.html")]
struct StaffStatementPage {
    layout: Layout,
    audiences: Vec<AudienceLink>,
    audience: &'static str,
    /// Why there is nothing to show (no adopted register).
    unavailable: Option<String>,
    /// The outcome of a publish, or why it was refused.
    message: Option<String>,
    error: bool,
    title: String,
    note: String,
    draft_is_published: bool,
    coverage: Vec<CoverageRow>,
    unsatisfied: usize,
    sections: Vec<SectionView>,
    versions: Vec<VersionRow>,
    public_link: String,
    can_publish: bool,
    csrf: String,
}

#[derive(Deserialize)]
pub struct StaffQuery {
    audience: Option<String>,
    /// Set after publishing: the version number.
    published: Option<i64>,
}

/// Where a gap is fixed: the activity's form, the register (no activity for
/// this audience yet), or the board's profile.
fn fix_link(gap: &Gap) -> String {
    match &gap.activity_id {
        Some(id) => format!("/register/{id}"),
        None if gap.code == aantoonbaar_rules::register::statement::gaps::NO_ACTIVITIES => "/register".to_owned(),
        None => "/register/profiel".to_owned(),
    }
}

fn gap_text(gap: &Gap) -> String {
    let text = t(&format!("privacy_statement.gap.{}", gap.code));
    let mut out = match &gap.activity {
        Some(name) => format!("{name}: {text}"),
        None => text.to_owned(),
    };
    if let Some(about) = &gap.about {
        out.push_str(&format!(" ({about})"));
    }
    out
}

fn coverage_rows(coverage: &[Coverage]) -> Vec<CoverageRow> {
    coverage
        .iter()
        .map(|c| CoverageRow {
            item: c.item,
            description: t(&format!("privacy_statement.item.{}", c.item)),
            section: t(&format!("privacy_statement.section.{}", c.section.code())),
            section_code: c.section.code(),
            applicable: c.applicable,
            satisfied: c.satisfied,
            missing: c.missing.iter().map(|g| (gap_text(g), fix_link(g))).collect(),
        })
        .collect()
}

async fn staff_page(
    state: &AppState,
    staff: &Staff,
    audience: Audience,
    message: Option<(String, bool)>,
    status: StatusCode,
) -> PageResult {
    staff.may(Action::RegisterView)?;
    let audiences = Audience::ALL
        .iter()
        .map(|a| AudienceLink {
            code: a.code(),
            label: t(&format!("privacy_statement.audience.{}", a.code())),
            current: *a == audience,
        })
        .collect();
    let versions = app::versions(state, staff, audience)
        .await?
        .into_iter()
        .map(|v| VersionRow {
            version: v.version,
            published_at: dutch_date(aantoonbaar_rules::calendar::dutch_date(v.published_at)),
            published_by: v.published_by_name,
            register_version: v.register_version,
            sha256: v.sha256,
        })
        .collect();
    let (unavailable, draft): (Option<String>, Option<Draft>) = match app::preview(state, staff, audience).await {
        Ok(draft) => (None, Some(draft)),
        Err(aantoonbaar_app::Error::Conflict { code, .. }) => (Some(t(&code).to_owned()), None),
        Err(other) => return Err(other.into()),
    };
    let (message, error) = message.map_or((None, false), |(m, e)| (Some(m), e));
    let board = staff.principal.board.as_str();
    let mut page = StaffStatementPage {
        layout: Layout::for_staff(state, staff, t("privacy_statement.page_title"), "/register"),
        audiences,
        audience: audience.code(),
        unavailable,
        message,
        error,
        title: app::title(audience),
        note: String::new(),
        draft_is_published: false,
        coverage: Vec::new(),
        unsatisfied: 0,
        sections: Vec::new(),
        versions,
        public_link: format!("{PAGE}/{}/{}", super::urlencode(board), audience.code()),
        can_publish: staff.can(Action::RegisterManage),
        csrf: staff.csrf.clone(),
    };
    if let Some(draft) = draft {
        let published = draft.published().cloned();
        page.draft_is_published = published.is_some();
        page.note = match &published {
            Some(p) => tf("privacy_statement.page_is_published", &[("version", &p.version.to_string())]),
            None => tf("privacy_statement.page_draft", &[("register", &draft.register_version.to_string())]),
        };
        page.coverage = coverage_rows(&draft.coverage);
        page.unsatisfied = draft.coverage.iter().filter(|c| !c.satisfied).count();
        page.sections = section_views(&draft.sections);
    }
    Ok((status, render(&page)).into_response())
}

fn chosen(code: Option<&String>) -> Result<Audience, PageError> {
    match code.map(|c| c.trim()).filter(|c| !c.is_empty()) {
        None => Ok(Audience::Parents),
        Some(code) => Ok(app::audience(code)?),
    }
}

/// `/privacyverklaring?audience=…`: the staff page.
pub async fn show(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<StaffQuery>,
) -> PageResult {
    let audience = chosen(query.audience.as_ref())?;
    let message =
        query.published.map(|v| (tf("privacy_statement.page_published", &[("version", &v.to_string())]), false));
    staff_page(&state, &staff, audience, message, StatusCode::OK).await
}

/// `POST /privacyverklaring/publiceren`: publishes and shows the page again.
pub async fn publish(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let audience_code = pairs.iter().find(|(k, _)| k == "audience").map(|(_, v)| v.clone());
    let audience = chosen(audience_code.as_ref())?;
    let command: Publish = read(pairs)?;
    match app::publish(&state, &staff, command).await {
        Ok((published, _)) => {
            Ok(Redirect::to(&format!("{PAGE}?audience={}&published={}", audience.code(), published.version))
                .into_response())
        }
        Err(error) => {
            let problem = refused(error)?;
            staff_page(&state, &staff, audience, Some((problem.detail.clone(), true)), problem.status).await
        }
    }
}
