//! The Dutch pages: server-rendered HTML that works without JavaScript.
//! One template struct per page, all extending `templates/base.html`.

mod access;
mod access_policy;
mod access_reviews;
mod audit;
mod awareness;
mod board_report;
mod calendar;
mod cameras;
pub(crate) mod consent;
mod consent_documents;
mod consent_round;
mod dashboard;
mod dpia;
mod dpias;
mod external_reports;
pub(crate) mod form;
mod group_picker;
mod holidays;
mod import;
pub(crate) mod incidents;
mod outbox;
mod pager;
mod parent_consent;
mod parent_requests;
mod parents;
mod parties;
mod policies;
mod pre_dpia;
pub(crate) mod privacy_statement;
mod pupils;
mod register;
mod register_export;
mod requests;
mod retention;
mod retention_batches;
mod retention_holds;
mod risks;
mod schools;
mod selfassessment;
pub(crate) mod sign_in;
mod users;

use crate::AppState;
use crate::auth::Staff;
use crate::csrf::CsrfToken;
use crate::error::Problem;
use aantoonbaar_rules::Action;
use askama::Template;
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};

/// The sign-in page.
pub const SIGN_IN: &str = "/aanmelden";

const STYLESHEET: &str = include_str!("../../static/app.css");
const PRINT_SCRIPT: &str = include_str!("../../static/print.js");

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard::show))
        .route(SIGN_IN, get(sign_in::form).post(sign_in::submit))
        .route(sign_in::CODE, get(sign_in::code_form).post(sign_in::code_submit))
        .route(sign_in::ENROL, get(sign_in::enrol_form).post(sign_in::enrol_submit))
        .route("/bevestigen", get(sign_in::reauth_form).post(sign_in::reauth_submit))
        .route("/afmelden", post(sign_in::sign_out))
        .route("/wachtwoord/{secret}", get(sign_in::password_form).post(sign_in::password_submit))
        .route("/scholen", get(schools::list).post(schools::create))
        .route("/scholen/{id}", get(schools::show).post(schools::create_group))
        .route("/leerlingen", get(pupils::list))
        .route("/leerlingen/{id}", get(pupils::show))
        .route("/leerlingen/{id}/toestemming", post(consent::record_paper_form))
        .route("/leerlingen/{id}/email", post(pupils::set_email))
        .route("/toestemming", get(consent::overview))
        .route("/toestemming/fotocheck", get(consent::photo_form).post(consent::photo_check))
        .route("/leerlingen/{id}/toestemmingsformulier.pdf", get(consent_documents::pupil_form))
        .route("/toestemming/formulieren.pdf", get(consent_documents::forms))
        .route("/toestemming/brief.pdf", get(consent_documents::letter))
        .route("/toestemming/ronde", get(consent_round::show))
        .route("/toestemming/ronde/uitnodigen", post(consent_round::invite))
        .route("/toestemming/ronde/herinneren", post(consent_round::remind))
        .route("/toestemming/ronde/groepen/{id}", get(consent_round::open))
        .route("/import", get(import::form).post(import::preview))
        .route("/import/bevestigen", post(import::confirm))
        .route("/import/kolommen", get(import::columns))
        .route("/import/voorbeeld.csv", get(import::template))
        .route("/gebruikers", get(users::list).post(users::create))
        .route("/tokens", get(users::tokens).post(users::create_token))
        .route("/tokens/{id}/intrekken", post(users::revoke_token))
        .route(parents::PORTAL, get(parents::request_form).post(parents::request_submit))
        .route("/ouders/inloggen/{secret}", get(parents::link_form).post(parents::link_submit))
        .route("/ouders/kinderen", get(parents::children))
        .route("/ouders/afmelden", post(parents::sign_out))
        .route("/ouders/kinderen/{pupil}", get(parent_consent::show).post(parent_consent::save))
        .route("/ouders/kinderen/{pupil}/bewijs/{id}", get(parent_consent::receipt_page))
        .route("/ouders/kinderen/{pupil}/bewijs/{id}/json", get(parent_consent::receipt_json))
        .route("/ouders/kinderen/{pupil}/bewijs/{id}/pdf", get(parent_consent::receipt_pdf))
        .route("/ouders/melden", get(external_reports::portal_form).post(external_reports::portal_submit))
        .route(
            "/kwetsbaarheid-melden/{board}",
            get(external_reports::disclosure_form).post(external_reports::disclosure_submit),
        )
        .route("/verzoeken", get(requests::list).post(requests::create))
        .route("/verzoeken/nieuw", get(requests::new_form))
        .route("/verzoeken/ontvangers", post(requests::set_recipients))
        .route("/verzoeken/{id}", get(requests::show))
        .route("/verzoeken/{id}/verlengen", post(requests::extend))
        .route("/verzoeken/{id}/besluit", post(requests::decide))
        .route("/verzoeken/{id}/verwijderen", post(requests::erase))
        .route("/verzoeken/{id}/beperken", post(requests::restrict))
        .route("/verzoeken/{id}/ontvangers", post(requests::recipients_told))
        .route("/verzoeken/{id}/afweging", post(requests::balancing))
        .route("/verzoeken/{id}/corrigeren", post(requests::correct))
        .route("/verzoeken/{id}/overzicht", get(requests::overview_page))
        .route("/verzoeken/{id}/overzicht.pdf", get(requests::overview_pdf))
        .route("/verzoeken/{id}/brief.pdf", get(requests::letter_pdf))
        .route("/ouders/kinderen/{pupil}/verzoek", get(parent_requests::form).post(parent_requests::submit))
        .route("/ouders/kinderen/{pupil}/verzoeken/{id}/overzicht.pdf", get(parent_requests::overview_pdf))
        .route("/ouders/kinderen/{pupil}/verzoeken/{id}/gegevens.zip", get(parent_requests::export))
        .route("/uitgaande-post", get(outbox::show))
        .route("/feestdagen", get(holidays::show).post(holidays::add))
        .route("/feestdagen/{date}/verwijderen", post(holidays::remove))
        .route("/incidenten", get(incidents::register))
        .route("/incidenten.csv", get(incidents::export_csv))
        .route("/incidenten.xlsx", get(incidents::export_xlsx))
        .route("/incidenten/melden", get(incidents::report_form).post(incidents::report_submit))
        .route("/incidenten/{id}", get(incidents::show))
        .route("/incidenten/{id}/beoordeling", post(incidents::assess))
        .route("/incidenten/{id}/ap-melding", post(incidents::notify_authority))
        .route("/incidenten/{id}/betrokkenen", post(incidents::link_pupils))
        .route("/incidenten/{id}/aanvulling", post(incidents::follow_up))
        .route("/incidenten/{id}/brieven", post(incidents::letters))
        .route("/incidenten/{id}/brieven/{file}", get(incidents::letter_pdf))
        .route("/incidenten/{id}/afsluiten", post(incidents::close))
        .route("/incidenten/{id}/maatregelen", post(incidents::measures))
        .route("/register", get(register::show))
        .route(dpia::SCREENING, get(dpia::form).post(dpia::assess))
        .route(dpias::DPIAS, get(dpias::list).post(dpias::create))
        .route("/dpia/{id}", get(dpias::detail).post(dpias::edit))
        .route("/dpia/{id}/advies", post(dpias::advise))
        .route("/dpia/{id}/vaststellen", post(dpias::approve))
        .route("/dpia/{id}/herbeoordeling", post(dpias::review))
        .route("/dpia/{id}/pdf", get(dpias::pdf))
        .route(pre_dpia::REQUESTS, get(pre_dpia::list).post(pre_dpia::create))
        .route("/dpia/aanvragen/{id}", get(pre_dpia::detail))
        .route("/dpia/aanvragen/{id}/antwoord", post(pre_dpia::answer))
        .route("/register/nieuw", get(register::new_form).post(register::create))
        .route("/register/profiel", get(register::profile_form).post(register::profile_save))
        .route("/register/export", get(register_export::export))
        .route("/register/import", get(register_export::import_form).post(register_export::import_preview))
        .route("/register/import/bevestigen", post(register_export::import_confirm))
        .route("/register/import/indeling", get(register_export::import_layout))
        .route("/register/import/voorbeeld.xlsx", get(register_export::import_example))
        .route("/register/vaststellen", post(register::adopt))
        .route("/register/voorbeeld", post(register::apply_template))
        .route("/register/versies/{version}", get(register::version))
        .route("/register/{id}", get(register::activity).post(register::update))
        .route("/register/{id}/opmerkingen", post(register::comment))
        .route("/leveranciers", get(parties::suppliers).post(parties::create_supplier))
        .route("/bewaartermijnen", get(retention::rules))
        .route("/bewaartermijnen/werklijst", get(retention::worklist))
        .route("/bewaartermijnen/instellingen", post(retention::set_settings))
        .route("/bewaartermijnen/termijn/{code}", get(retention::rule).post(retention::change_rule))
        .route("/bewaartermijnen/blokkades", get(retention_holds::list).post(retention_holds::place))
        .route("/bewaartermijnen/blokkades/{id}/behouden", post(retention_holds::keep))
        .route("/bewaartermijnen/blokkades/{id}/opheffen", post(retention_holds::release))
        .route("/bewaartermijnen/vernietiging", get(retention_batches::list).post(retention_batches::create))
        .route("/bewaartermijnen/vernietiging/{id}", get(retention_batches::show))
        .route("/bewaartermijnen/vernietiging/{id}/goedkeuren", post(retention_batches::approve))
        .route("/bewaartermijnen/vernietiging/{id}/bevestigen", post(retention_batches::confirm))
        .route("/bewaartermijnen/vernietiging/{id}/verklaring.pdf", get(retention_batches::certificate))
        .route(cameras::CAMERAS, get(cameras::list).post(cameras::create))
        .route("/cameratoezicht/kwaliteitskaart", get(cameras::quality_card))
        .route("/cameratoezicht/kwaliteitskaart.pdf", get(cameras::quality_card_pdf))
        .route("/cameratoezicht/{id}", get(cameras::show).post(cameras::update))
        .route("/cameratoezicht/{id}/logboek", post(cameras::add_log))
        .route("/cameratoezicht/{id}/bewaren", post(cameras::place_hold))
        .route("/cameratoezicht/{id}/bewaren/{hold}/vrijgeven", post(cameras::release_hold))
        .route("/beleid", get(policies::overview).post(policies::create))
        .route("/beleid/{id}", get(policies::version).post(policies::update))
        .route("/beleid/{id}/bestand", get(policies::file).post(policies::upload))
        .route("/beleid/{id}/vaststellen", post(policies::adopt))
        .route("/beleid/{id}/openbaar", post(policies::publish))
        .route("/beleid/{id}/ondertekenen", post(policies::sign))
        .route("/beleid/{id}/ondertekeningen", get(policies::signatures).post(policies::record_paper))
        .route("/beleidsstukken/{board}", get(policies::public))
        .route("/beleidsstukken/{board}/{id}", get(policies::public_version))
        .route("/beleidsstukken/{board}/{id}/bestand", get(policies::public_file))
        .route("/toegang", get(access::overview))
        .route("/toegang/medewerkers", get(access::staff_list).post(access::create_person))
        .route("/toegang/medewerkers/import", post(access::import_staff))
        .route("/toegang/medewerkers/{id}", get(access::person).post(access::update_person))
        .route("/toegang/vertrekkers", get(access::leavers))
        .route("/toegang/wijzigingen", get(access::list_changes).post(access::request_change))
        .route("/toegang/wijzigingen/{id}", get(access::change))
        .route("/toegang/wijzigingen/{id}/uitgevoerd", post(access::record_step))
        .route("/toegang/wijzigingen/{id}/goedkeuren", post(access::approve_change))
        .route("/toegang/wijzigingen/{id}/annuleren", post(access::cancel_change))
        .route("/toegang/accounts/{id}", get(access::system_accounts).post(access::import_accounts))
        .route("/toegang/controles", get(access_reviews::list).post(access_reviews::start))
        .route("/toegang/controles/{id}", get(access_reviews::show))
        .route("/toegang/controles/{id}/besluiten", post(access_reviews::decide))
        .route("/toegang/controles/{id}/items/{item}/uitgevoerd", post(access_reviews::remediate))
        .route("/toegang/controles/{id}/afsluiten", post(access_reviews::close))
        .route("/toegang/controles/{id}/rapport.pdf", get(access_reviews::report))
        .route(access_policy::SYSTEMS, get(access_policy::list))
        .route("/toegang/systemen/{id}", get(access_policy::show).post(access_policy::save_policy))
        .route("/toegang/systemen/{id}/matrix", post(access_policy::save_matrix))
        .route("/toegang/systemen/{id}/matrix.pdf", get(access_policy::matrix_pdf))
        .route("/toegang/systemen/{id}/versies/{version}", get(access_policy::version))
        .route("/bewustwording", get(awareness::list).post(awareness::create))
        .route("/bewustwording/{id}", get(awareness::show))
        .route("/bewustwording/{id}/aanwezig", post(awareness::attendance))
        .route("/jaarplanning", get(calendar::show).post(calendar::make))
        .route("/jaarplanning/punten", post(calendar::add))
        .route("/jaarplanning/{id}/afvinken", post(calendar::tick))
        .route("/jaarplanning/{id}/verwijderen", post(calendar::remove))
        .route("/bestuursverslag", get(board_report::current))
        .route("/bestuursverslag/{year}", get(board_report::show))
        .route("/bestuursverslag/{year}/pdf", get(board_report::pdf))
        .route("/bestuursverslag/{year}/toelichting", post(board_report::write_text))
        .route("/bestuursverslag/{year}/oordeel", post(board_report::write_opinion))
        .route("/bestuursverslag/{year}/vaststellen", post(board_report::adopt))
        .route("/risicos", get(risks::list).post(risks::create))
        .route("/risicos/beleid", post(risks::seed))
        .route("/risicos/{id}", get(risks::edit).post(risks::update))
        .route("/zelfevaluatie", get(selfassessment::list))
        .route("/zelfevaluatie/kaders", post(selfassessment::import))
        .route("/zelfevaluatie/{code}/{reference}", get(selfassessment::edit).post(selfassessment::update))
        .route("/verwerkersovereenkomsten", post(parties::create_agreement))
        .route("/leveranciers/{id}", get(parties::supplier).post(parties::update_supplier))
        .route("/verwerkersovereenkomsten/{id}", get(parties::agreement))
        .route("/verwerkersovereenkomsten/{id}/wijzigen", get(parties::agreement_form).post(parties::update_agreement))
        .route("/verwerkersovereenkomsten/{id}/documenten", post(parties::upload))
        .route("/verwerkersovereenkomsten/{id}/subverwerkers", post(parties::create_notice))
        .route("/verwerkersovereenkomsten/{id}/subverwerkers/{notice}/besluit", post(parties::decide_notice))
        .route("/documenten/{id}", get(parties::download))
        .route("/systemen", get(parties::systems).post(parties::create_system))
        .route("/systemen/{id}", get(parties::system).post(parties::update_system))
        .route("/ontvangers", get(parties::recipients).post(parties::create_recipient))
        .route("/ontvangers/{id}", get(parties::recipient).post(parties::update_recipient))
        .route("/ontvangers.pdf", get(parties::recipients_pdf))
        .route(privacy_statement::PAGE, get(privacy_statement::show))
        .route("/privacyverklaring/publiceren", post(privacy_statement::publish))
        .route("/privacyverklaring/{board}/{audience}", get(privacy_statement::public))
        .route("/privacyverklaring/{board}/{audience}/privacyverklaring.pdf", get(privacy_statement::public_pdf))
        .route("/ouders/privacyverklaring", get(privacy_statement::for_parent))
        .route("/logboek", get(audit::show))
        .route("/logboek.csv", get(audit::export))
        .route("/static/app.css", get(stylesheet))
        .route("/static/print.js", get(print_script))
}

async fn stylesheet() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLESHEET)
}

/// The script of the print buttons (the CSP allows scripts from the server itself only).
async fn print_script() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], PRINT_SCRIPT)
}

/// Askama filters: `{{ "key"|t }}` looks a text up in the catalogue;
/// `{{ date|day }}` writes an ISO date as Dutch letters do (`30-11-2026`).
mod filters {
    #[askama::filter_fn]
    pub fn t<T: std::fmt::Display>(key: T, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(crate::i18n::t(&key.to_string()).to_owned())
    }

    #[askama::filter_fn]
    pub fn day<T: std::fmt::Display>(date: T, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(super::retention_batches::day(&date.to_string()))
    }
}

/// Percent-encodes a query-string value.
#[must_use]
pub fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A link in the navigation.
pub struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
    pub current: bool,
}

/// What every page around its content shows.
pub struct Layout {
    pub title: String,
    /// The token every form on the page carries.
    pub csrf: String,
    pub user_name: Option<String>,
    pub board_name: Option<String>,
    pub demo: bool,
    pub nav: Vec<NavItem>,
    /// Where the name in the header leads: the parent portal's start on its pages.
    pub home: &'static str,
}

impl Layout {
    /// The layout for a signed-in user: the navigation shows what they may use.
    #[must_use]
    pub fn for_staff(state: &AppState, staff: &Staff, title: &str, current: &str) -> Self {
        let items: [(&'static str, &'static str, Option<Action>); 23] = [
            ("/", "nav.dashboard", None),
            ("/scholen", "nav.schools", Some(Action::SchoolView)),
            ("/leerlingen", "nav.pupils", Some(Action::PupilView)),
            ("/toestemming", "nav.consent", Some(Action::PupilView)),
            ("/incidenten", "nav.incidents", Some(Action::IncidentReport)),
            ("/verzoeken", "nav.requests", Some(Action::RequestView)),
            ("/register", "nav.register", Some(Action::RegisterView)),
            ("/risicos", "nav.risks", Some(Action::RiskView)),
            ("/dpia", "nav.dpia", Some(Action::DpiaView)),
            ("/bewaartermijnen", "nav.retention", Some(Action::RetentionView)),
            ("/cameratoezicht", "nav.cameras", Some(Action::CameraView)),
            ("/toegang", "nav.access", Some(Action::StaffView)),
            ("/beleid", "nav.policies", Some(Action::PolicyRead)),
            ("/zelfevaluatie", "nav.selfassessment", Some(Action::SelfAssessmentView)),
            ("/bewustwording", "nav.awareness", Some(Action::AwarenessView)),
            ("/jaarplanning", "nav.calendar", Some(Action::CalendarView)),
            ("/bestuursverslag", "nav.board_report", Some(Action::BoardReportView)),
            ("/import", "nav.import", Some(Action::PupilImport)),
            ("/gebruikers", "nav.users", Some(Action::UserView)),
            ("/logboek", "nav.audit", Some(Action::AuditView)),
            ("/uitgaande-post", "nav.outbox", Some(Action::OutboxView)),
            ("/feestdagen", "nav.holidays", None),
            ("/tokens", "nav.tokens", Some(Action::OwnTokens)),
        ];
        let nav = items
            .into_iter()
            .filter(|(_, _, action)| action.is_none_or(|a| staff.can(a)))
            .map(|(href, key, _)| NavItem { href, label: crate::i18n::t(key), current: href == current })
            .collect();
        Self {
            title: title.to_owned(),
            csrf: staff.csrf.clone(),
            user_name: Some(staff.principal.name.clone()),
            board_name: Some(staff.principal.board_name.clone()),
            demo: state.config.demo,
            nav,
            home: "/",
        }
    }

    /// The layout for pages without sign-in.
    #[must_use]
    pub fn public(state: &AppState, csrf: &CsrfToken, title: &str) -> Self {
        Self {
            title: title.to_owned(),
            csrf: csrf.0.clone(),
            user_name: None,
            board_name: None,
            demo: state.config.demo,
            nav: Vec::new(),
            home: if in_portal() { parents::PORTAL } else { "/" },
        }
    }
}

/// Renders a page, or a plain error page when rendering fails.
pub fn render(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(err) => error_page(&Problem::internal(&err)),
    }
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    layout: Layout,
    heading: String,
    detail: String,
    /// Every wrong field of a refused form, linked to its name.
    errors: Vec<crate::error::FieldError>,
    /// Where the page sends the reader on: (path, label).
    home: (&'static str, &'static str),
}

tokio::task_local! {
    /// Whether the request being answered is one of the parent portal's
    /// (set by [`portal_or_staff`]), so that its error pages lead back there.
    static IN_PORTAL: bool;
}

/// Whether the request being answered is one of the parent portal's.
fn in_portal() -> bool {
    IN_PORTAL.try_with(|p| *p).unwrap_or(false)
}

/// Marks requests under the parent portal's paths, so that an error page (an
/// unknown path, a used sign-in link) leads a parent back to the portal's
/// start, where they ask for a new link, and never to the staff sign-in.
pub async fn portal_or_staff(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let path = request.uri().path();
    let in_portal = path == parents::PORTAL || path.starts_with(&format!("{}/", parents::PORTAL));
    IN_PORTAL.scope(in_portal, next.run(request)).await
}

/// A problem as a page, with the problem's status code.
#[must_use]
pub fn error_page(problem: &Problem) -> Response {
    let page = MessagePage {
        layout: Layout {
            title: problem.title.clone(),
            csrf: String::new(),
            user_name: None,
            board_name: None,
            demo: false,
            nav: Vec::new(),
            home: if in_portal() { parents::PORTAL } else { "/" },
        },
        heading: problem.title.clone(),
        detail: problem.detail.clone(),
        errors: problem.errors.clone(),
        home: if in_portal() {
            (parents::PORTAL, crate::i18n::t("message.portal"))
        } else {
            ("/", crate::i18n::t("message.home"))
        },
    };
    let body = page.render().unwrap_or_else(|_| problem.detail.clone());
    (problem.status, Html(body)).into_response()
}

/// An error of a handler on a page.
pub struct PageError(Problem);

impl From<Problem> for PageError {
    fn from(problem: Problem) -> Self {
        Self(problem)
    }
}

impl From<aantoonbaar_app::Error> for PageError {
    fn from(err: aantoonbaar_app::Error) -> Self {
        Self(err.into())
    }
}

impl From<aantoonbaar_store::StoreError> for PageError {
    fn from(err: aantoonbaar_store::StoreError) -> Self {
        Self(err.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        error_page(&self.0)
    }
}

pub type PageResult = Result<Response, PageError>;

/// 404 for every unknown path.
pub async fn not_found() -> Response {
    let mut response = error_page(&Problem::not_found());
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}
