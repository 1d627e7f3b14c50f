//! Every API route, as every role and as a user of another board, checked
//! against the policy table of the rules crate.

use crate::helpers::{Fixture, TestApp, json};
use crate::story;
use aantoonbaar_rules::policy::permits;
use aantoonbaar_rules::{Action, Role, ScopeKind};
use reqwest::Method;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Which id a route's `{id}` stands for.
#[derive(Clone, Copy)]
enum Id {
    None,
    School,
    Group,
    Pupil,
    Guardian,
    /// A fresh token of the caller.
    OwnToken,
    /// A freshly recorded equated day of the caller's board.
    EquatedDay,
    /// A fresh incident at the fixture's school, assessed and notified to the AP.
    Incident,
    /// A fresh open data-subject request about the fixture's pupil, of the kind the route needs.
    Request,
    /// A fresh supplier, processor-agreement, sub-processor notice, system,
    /// other recipient or agreement document of the fixture's board (in the
    /// path, or as `"{id}"` in the body); or its register made adoptable, with
    /// a fresh activity or adopted version (see `fresh_register`).
    Party(&'static str),
    /// No id: the caller's board gets an adopted register first (the privacy statement).
    Adopted,
    /// A fresh risk of the fixture's board.
    Risk,
    /// A fresh pre-DPIA filed by the caller.
    PreDpia,
    /// A fresh product DPIA of the fixture's board: `draft`, `complete`
    /// (nothing missing for approval) or `approved` (version 1).
    Dpia(&'static str),
    /// A fresh hold on the fixture's pupil.
    Hold,
    /// No id: a fresh pupil at the fixture's school left three years ago, so the worklist has an item to batch.
    Leaver,
    /// A fresh destruction batch of the fixture's school (of a fresh leaver):
    /// `new`, `approved` (both approvals) or `completed` (every system confirmed).
    Batch(&'static str),
    /// A fresh camera at the fixture's school (in the path, or as `"{id}"` in the body).
    Camera,
    /// A fresh footage hold on a fresh camera at the fixture's school.
    FootageHold,
    /// A fresh person of the staff list at the fixture's school.
    Staff,
    /// A fresh joiner's change at the fixture's school, `requested` or
    /// `approved`, listing a fresh system (`"{system}"` in the body).
    Change(&'static str),
    /// A fresh system with an account list of one account at the fixture's school.
    Accounts,
    /// A fresh campaign over a fresh account list: `open`, `revoked` (its
    /// item decided revoke; `{item}` in the path) or `decided` (ready to close).
    Campaign(&'static str),
    /// A fresh system of the fixture's board with version 1 of its authorisation matrix.
    Matrix,
    /// A fresh policy version of the fixture's board: `draft` (with a text),
    /// `file` (adopted, with an uploaded file) or `code` (a code of conduct in
    /// force; `"{system}"` in the body is a fresh person at the fixture's school).
    Policy(&'static str),
    /// A fresh awareness activity for the fixture's school.
    Awareness,
    /// A fresh calendar item ticked by hand, of the fixture's board's calendar of 2026-2027.
    CalendarItem,
    /// A board report year not adopted yet (`{year}`), fresh for each adoption.
    ReportYear,
    /// The board report of 2024, adopted first by the fixture's IBP manager (`{year}`).
    AdoptedReport,
}

struct Route {
    method: Method,
    path: &'static str,
    id: Id,
    /// `None`: any signed-in user.
    action: Option<Action>,
}

const fn route(method: Method, path: &'static str, id: Id, action: Option<Action>) -> Route {
    Route { method, path, id, action }
}

fn routes() -> Vec<Route> {
    use Action::*;
    vec![
        route(Method::GET, "/schools", Id::None, Some(SchoolView)),
        route(Method::POST, "/schools", Id::None, Some(SchoolManage)),
        route(Method::GET, "/schools/{id}", Id::School, Some(SchoolView)),
        route(Method::GET, "/groups", Id::None, Some(GroupView)),
        route(Method::POST, "/groups", Id::None, Some(GroupManage)),
        route(Method::GET, "/groups/{id}", Id::Group, Some(GroupView)),
        route(Method::GET, "/pupils", Id::None, Some(PupilView)),
        route(Method::POST, "/pupils", Id::None, Some(PupilManage)),
        route(Method::GET, "/pupils/{id}", Id::Pupil, Some(PupilView)),
        route(Method::PATCH, "/pupils/{id}", Id::Pupil, Some(PupilManage)),
        route(Method::GET, "/pupils/{id}/guardians", Id::Pupil, Some(GuardianView)),
        route(Method::POST, "/pupils/{id}/guardians", Id::Pupil, Some(GuardianManage)),
        route(Method::GET, "/guardians", Id::None, Some(GuardianView)),
        route(Method::POST, "/guardians", Id::None, Some(GuardianManage)),
        route(Method::GET, "/guardians/{id}", Id::Guardian, Some(GuardianView)),
        route(Method::POST, "/imports", Id::None, Some(PupilImport)),
        route(Method::GET, "/me", Id::None, None),
        route(Method::GET, "/users", Id::None, Some(UserView)),
        route(Method::POST, "/users", Id::None, Some(UserManage)),
        route(Method::GET, "/tokens", Id::None, Some(OwnTokens)),
        route(Method::POST, "/tokens", Id::None, Some(OwnTokens)),
        route(Method::DELETE, "/tokens/{id}", Id::OwnToken, Some(OwnTokens)),
        route(Method::GET, "/deadlines/request", Id::None, None),
        route(Method::GET, "/equated-days", Id::None, None),
        route(Method::POST, "/equated-days", Id::None, Some(HolidaysManage)),
        route(Method::DELETE, "/equated-days/{date}", Id::EquatedDay, Some(HolidaysManage)),
        route(Method::POST, "/incidents/assess", Id::None, None),
        route(Method::POST, "/dpia-screenings/assess", Id::None, None),
        route(Method::GET, "/incidents", Id::None, Some(IncidentReport)),
        route(Method::POST, "/incidents", Id::None, Some(IncidentReport)),
        route(Method::GET, "/incidents/{id}", Id::Incident, Some(IncidentView)),
        route(Method::POST, "/incidents/{id}/assessment", Id::Incident, Some(IncidentManage)),
        route(Method::POST, "/incidents/{id}/authority-notification", Id::Incident, Some(IncidentManage)),
        route(Method::POST, "/incidents/{id}/follow-ups", Id::Incident, Some(IncidentManage)),
        route(Method::PUT, "/incidents/{id}/measures", Id::Incident, Some(IncidentManage)),
        route(Method::POST, "/incidents/{id}/subjects", Id::Incident, Some(IncidentManage)),
        route(Method::POST, "/incidents/{id}/letters", Id::Incident, Some(IncidentManage)),
        route(Method::POST, "/incidents/{id}/close", Id::Incident, Some(IncidentManage)),
        route(Method::GET, "/pupils/{id}/information-rights", Id::Pupil, Some(GuardianView)),
        route(Method::POST, "/pupils/{id}/information-grants", Id::Pupil, Some(GuardianManage)),
        route(Method::GET, "/consent-purposes", Id::None, None),
        route(Method::POST, "/consent-decisions", Id::None, Some(ConsentRecord)),
        route(Method::POST, "/consent-objections", Id::None, Some(ConsentRecord)),
        route(Method::POST, "/publication-check", Id::None, Some(PupilView)),
        route(Method::GET, "/board/settings", Id::None, None),
        route(Method::PUT, "/board/settings", Id::None, Some(BoardSettingsManage)),
        route(Method::POST, "/consent-round/invitations", Id::None, Some(ConsentRound)),
        route(Method::POST, "/consent-round/reminders", Id::None, Some(ConsentRound)),
        route(Method::GET, "/requests", Id::None, Some(RequestView)),
        route(Method::POST, "/requests", Id::None, Some(RequestHandle)),
        route(Method::GET, "/requests/{id}", Id::Request, Some(RequestView)),
        route(Method::POST, "/requests/{id}/extension", Id::Request, Some(RequestHandle)),
        route(Method::POST, "/requests/{id}/decision", Id::Request, Some(RequestHandle)),
        route(Method::GET, "/requests/{id}/erasure", Id::Request, Some(RequestHandle)),
        route(Method::POST, "/requests/{id}/erasure", Id::Request, Some(RequestHandle)),
        route(Method::POST, "/requests/{id}/restriction", Id::Request, Some(RequestHandle)),
        route(Method::POST, "/requests/{id}/recipients-told", Id::Request, Some(RequestHandle)),
        route(Method::POST, "/requests/{id}/balancing", Id::Request, Some(RequestHandle)),
        route(Method::GET, "/requests/{id}/overview", Id::Request, Some(RequestHandle)),
        route(Method::GET, "/requests/{id}/export", Id::Request, Some(RequestHandle)),
        route(Method::GET, "/requests/{id}/export.zip", Id::Request, Some(RequestHandle)),
        route(Method::GET, "/pupils/{id}/export", Id::Pupil, Some(RequestHandle)),
        route(Method::GET, "/pupils/{id}/export.zip", Id::Pupil, Some(RequestHandle)),
        route(Method::GET, "/board/recipients", Id::None, None),
        route(Method::PUT, "/board/recipients", Id::None, Some(BoardSettingsManage)),
        route(Method::GET, "/suppliers", Id::None, Some(RegisterView)),
        route(Method::POST, "/suppliers", Id::None, Some(RegisterManage)),
        route(Method::GET, "/suppliers/{id}", Id::Party("supplier"), Some(RegisterView)),
        route(Method::PATCH, "/suppliers/{id}", Id::Party("supplier"), Some(RegisterManage)),
        route(Method::GET, "/systems", Id::None, Some(RegisterView)),
        route(Method::POST, "/systems", Id::None, Some(RegisterManage)),
        route(Method::GET, "/systems/{id}", Id::Party("system"), Some(RegisterView)),
        route(Method::PATCH, "/systems/{id}", Id::Party("system"), Some(RegisterManage)),
        route(Method::GET, "/processor-agreements", Id::None, Some(RegisterView)),
        route(Method::POST, "/processor-agreements", Id::Party("supplier"), Some(RegisterManage)),
        route(Method::GET, "/processor-agreements/{id}", Id::Party("agreement"), Some(RegisterView)),
        route(Method::PATCH, "/processor-agreements/{id}", Id::Party("agreement"), Some(RegisterManage)),
        route(Method::GET, "/processor-agreements/{id}/documents", Id::Party("agreement"), Some(RegisterView)),
        route(Method::POST, "/processor-agreements/{id}/documents", Id::Party("agreement"), Some(RegisterManage)),
        route(Method::GET, "/agreement-documents/{id}", Id::Party("document"), Some(RegisterView)),
        route(Method::GET, "/sub-processors", Id::None, Some(RegisterView)),
        route(Method::POST, "/sub-processors", Id::Party("supplier"), Some(RegisterManage)),
        route(Method::GET, "/sub-processors/{id}", Id::Party("sub_processor"), Some(RegisterView)),
        route(Method::PATCH, "/sub-processors/{id}", Id::Party("sub_processor"), Some(RegisterManage)),
        route(Method::POST, "/sub-processors/{id}/decision", Id::Party("sub_processor"), Some(RegisterManage)),
        route(Method::GET, "/recipients", Id::None, Some(RegisterView)),
        route(Method::POST, "/recipients", Id::None, Some(RegisterManage)),
        route(Method::GET, "/recipients/overview", Id::None, Some(RegisterView)),
        route(Method::GET, "/recipients/{id}", Id::Party("recipient"), Some(RegisterView)),
        route(Method::PATCH, "/recipients/{id}", Id::Party("recipient"), Some(RegisterManage)),
        route(Method::GET, "/registers/queues", Id::None, Some(RegisterView)),
        route(Method::POST, "/processing-register/template", Id::None, Some(RegisterManage)),
        route(Method::GET, "/board/profile", Id::Party("register"), Some(RegisterView)),
        route(Method::PUT, "/board/profile", Id::None, Some(RegisterManage)),
        route(Method::GET, "/processing-activities", Id::None, Some(RegisterView)),
        route(Method::POST, "/processing-activities", Id::None, Some(RegisterManage)),
        route(Method::GET, "/processing-activities/{id}", Id::Party("activity"), Some(RegisterView)),
        route(Method::PATCH, "/processing-activities/{id}", Id::Party("activity"), Some(RegisterManage)),
        route(Method::GET, "/processing-activities/{id}/comments", Id::Party("activity"), Some(RegisterView)),
        route(Method::POST, "/processing-activities/{id}/comments", Id::Party("activity"), Some(RegisterComment)),
        route(Method::GET, "/processing-register/findings", Id::None, Some(RegisterView)),
        route(Method::POST, "/processing-register/adopt", Id::Party("register"), Some(RegisterAdopt)),
        route(Method::GET, "/processing-register/versions", Id::None, Some(RegisterView)),
        route(Method::GET, "/processing-register/versions/{version}", Id::Party("version"), Some(RegisterView)),
        route(Method::GET, "/processing-register/changes", Id::None, Some(RegisterView)),
        route(Method::GET, "/privacy-statement", Id::Adopted, Some(RegisterView)),
        route(Method::POST, "/privacy-statement/publish", Id::Adopted, Some(RegisterManage)),
        route(Method::GET, "/privacy-statement/versions", Id::None, Some(RegisterView)),
        route(Method::GET, "/processing-register", Id::None, Some(RegisterView)),
        route(Method::POST, "/processing-register/import", Id::None, Some(RegisterManage)),
        route(Method::GET, "/pre-dpias", Id::None, Some(PreDpiaRequest)),
        route(Method::POST, "/pre-dpias", Id::None, Some(PreDpiaRequest)),
        route(Method::GET, "/pre-dpias/{id}", Id::PreDpia, Some(PreDpiaRequest)),
        route(Method::POST, "/pre-dpias/{id}/answer", Id::PreDpia, Some(PreDpiaAnswer)),
        route(Method::GET, "/dpia-screenings", Id::None, Some(DpiaView)),
        route(Method::POST, "/dpia-screenings", Id::None, Some(DpiaScreen)),
        route(Method::GET, "/dpias", Id::None, Some(DpiaView)),
        route(Method::POST, "/dpias", Id::None, Some(DpiaManage)),
        route(Method::GET, "/dpias/{id}", Id::Dpia("draft"), Some(DpiaView)),
        route(Method::PATCH, "/dpias/{id}", Id::Dpia("draft"), Some(DpiaManage)),
        route(Method::POST, "/dpias/{id}/advice", Id::Dpia("draft"), Some(DpiaAdvise)),
        route(Method::POST, "/dpias/{id}/approve", Id::Dpia("complete"), Some(DpiaApprove)),
        route(Method::POST, "/dpias/{id}/review", Id::Dpia("approved"), Some(DpiaReopen)),
        route(Method::GET, "/dpias/{id}/versions/{version}", Id::Dpia("approved"), Some(DpiaView)),
        route(Method::GET, "/dpias/{id}/pdf", Id::Dpia("approved"), Some(DpiaView)),
        route(Method::GET, "/board-report", Id::None, Some(BoardReportView)),
        route(Method::PUT, "/board-report/{year}/text", Id::None, Some(BoardReportWrite)),
        route(Method::PUT, "/board-report/{year}/opinion", Id::None, Some(BoardReportOpinion)),
        route(Method::POST, "/board-report/{year}/adopt", Id::ReportYear, Some(BoardReportAdopt)),
        route(Method::GET, "/board-report/{year}/snapshot", Id::AdoptedReport, Some(BoardReportView)),
        route(Method::GET, "/board-report/{year}/verification", Id::AdoptedReport, Some(BoardReportView)),
        route(Method::GET, "/risks", Id::None, Some(RiskView)),
        route(Method::POST, "/risks", Id::None, Some(RiskManage)),
        route(Method::GET, "/risks/{id}", Id::Risk, Some(RiskView)),
        route(Method::PATCH, "/risks/{id}", Id::Risk, Some(RiskManage)),
        route(Method::POST, "/risks/seed", Id::None, Some(RiskManage)),
        route(Method::GET, "/risks/heat-map", Id::None, Some(RiskView)),
        route(Method::GET, "/risks/levels", Id::None, Some(RiskView)),
        route(Method::PUT, "/risks/levels", Id::None, Some(RiskManage)),
        route(Method::GET, "/frameworks", Id::None, Some(SelfAssessmentView)),
        route(Method::POST, "/frameworks", Id::None, Some(SelfAssessmentManage)),
        // `{code}` is the shipped framework (every board has it), `{reference}` one of its norms.
        route(Method::GET, "/frameworks/{code}/assessment", Id::None, Some(SelfAssessmentView)),
        route(Method::PUT, "/frameworks/{code}/norms/{reference}", Id::None, Some(SelfAssessmentManage)),
        route(Method::GET, "/retention/rules", Id::None, Some(RetentionView)),
        // `{code}` is a retention rule's code here.
        route(Method::PUT, "/retention/rules/{code}", Id::None, Some(RetentionManage)),
        route(Method::GET, "/retention/settings", Id::None, Some(RetentionView)),
        route(Method::PUT, "/retention/settings", Id::None, Some(RetentionManage)),
        route(Method::GET, "/pupils/{id}/retention", Id::Pupil, Some(PupilView)),
        route(Method::POST, "/retention/holds", Id::None, Some(RetentionHold)),
        route(Method::GET, "/retention/holds", Id::None, Some(RetentionView)),
        route(Method::POST, "/retention/holds/{id}/release", Id::Hold, Some(RetentionHold)),
        route(Method::POST, "/retention/holds/{id}/review", Id::Hold, Some(RetentionHold)),
        route(Method::GET, "/retention/worklist", Id::None, Some(RetentionView)),
        route(Method::GET, "/retention/batches", Id::None, Some(RetentionView)),
        route(Method::POST, "/retention/batches", Id::Leaver, Some(RetentionBatch)),
        route(Method::GET, "/retention/batches/{id}", Id::Batch("new"), Some(RetentionView)),
        route(Method::POST, "/retention/batches/{id}/approve", Id::Batch("new"), Some(RetentionBatch)),
        route(Method::POST, "/retention/batches/{id}/confirmations", Id::Batch("approved"), Some(RetentionBatch)),
        route(Method::GET, "/retention/batches/{id}/certificate", Id::Batch("completed"), Some(RetentionView)),
        route(Method::GET, "/cameras", Id::None, Some(CameraView)),
        route(Method::POST, "/cameras", Id::None, Some(CameraManage)),
        route(Method::GET, "/cameras/quality-card", Id::None, Some(CameraView)),
        route(Method::GET, "/cameras/{id}", Id::Camera, Some(CameraView)),
        route(Method::PATCH, "/cameras/{id}", Id::Camera, Some(CameraManage)),
        route(Method::GET, "/cameras/{id}/log", Id::Camera, Some(CameraView)),
        route(Method::POST, "/cameras/{id}/log", Id::Camera, Some(FootageLog)),
        route(Method::GET, "/footage-holds", Id::None, Some(CameraView)),
        route(Method::POST, "/footage-holds", Id::Camera, Some(FootageLog)),
        route(Method::POST, "/footage-holds/{id}/release", Id::FootageHold, Some(FootageLog)),
        route(Method::GET, "/deadlines/leaver", Id::None, None),
        route(Method::GET, "/staff", Id::None, Some(StaffView)),
        route(Method::POST, "/staff", Id::None, Some(StaffManage)),
        route(Method::POST, "/staff/import", Id::None, Some(StaffManage)),
        route(Method::GET, "/staff/{id}", Id::Staff, Some(StaffView)),
        route(Method::PATCH, "/staff/{id}", Id::Staff, Some(StaffManage)),
        route(Method::GET, "/access/leavers", Id::None, Some(StaffView)),
        route(Method::GET, "/access/changes", Id::None, Some(StaffView)),
        route(Method::POST, "/access/changes", Id::Staff, Some(AccessChangeRequest)),
        route(Method::GET, "/access/changes/{id}", Id::Change("requested"), Some(StaffView)),
        route(Method::POST, "/access/changes/{id}/approve", Id::Change("requested"), Some(AccessChangeRequest)),
        route(Method::POST, "/access/changes/{id}/steps", Id::Change("approved"), Some(AccessChangeCarryOut)),
        route(Method::POST, "/access/changes/{id}/cancel", Id::Change("requested"), Some(AccessChangeRequest)),
        route(Method::GET, "/systems/{id}/accounts", Id::Accounts, Some(AccountsImport)),
        route(Method::POST, "/systems/{id}/accounts/import", Id::Accounts, Some(AccountsImport)),
        route(Method::GET, "/access/reviews", Id::None, Some(AccessReviewView)),
        route(Method::POST, "/access/reviews", Id::Accounts, Some(AccessReviewManage)),
        route(Method::GET, "/access/reviews/{id}", Id::Campaign("open"), Some(AccessReviewView)),
        route(Method::POST, "/access/reviews/{id}/decisions", Id::Campaign("open"), Some(AccessReviewDecide)),
        route(
            Method::POST,
            "/access/reviews/{id}/items/{item}/remediation",
            Id::Campaign("revoked"),
            Some(AccessReviewManage),
        ),
        route(Method::POST, "/access/reviews/{id}/close", Id::Campaign("decided"), Some(AccessReviewManage)),
        route(Method::GET, "/access/reviews/{id}/report", Id::Campaign("open"), Some(AccessReviewView)),
        route(Method::GET, "/access-policies", Id::None, Some(AccessPolicyView)),
        route(Method::GET, "/systems/{id}/access-policy", Id::Party("system"), Some(AccessPolicyView)),
        route(Method::PUT, "/systems/{id}/access-policy", Id::Party("system"), Some(AccessPolicyManage)),
        route(Method::GET, "/systems/{id}/matrix", Id::Matrix, Some(AccessPolicyView)),
        route(Method::PUT, "/systems/{id}/matrix", Id::Party("system"), Some(AccessPolicyManage)),
        route(Method::GET, "/systems/{id}/matrix/versions", Id::Matrix, Some(AccessPolicyView)),
        route(Method::GET, "/systems/{id}/matrix/versions/{version}", Id::Matrix, Some(AccessPolicyView)),
        route(Method::GET, "/policies", Id::None, Some(PolicyRead)),
        route(Method::POST, "/policies", Id::None, Some(PolicyManage)),
        route(Method::GET, "/policies/{id}", Id::Policy("code"), Some(PolicyRead)),
        route(Method::PUT, "/policies/{id}", Id::Policy("draft"), Some(PolicyManage)),
        route(Method::GET, "/policies/{id}/file", Id::Policy("file"), Some(PolicyRead)),
        route(Method::PUT, "/policies/{id}/file", Id::Policy("draft"), Some(PolicyManage)),
        route(Method::POST, "/policies/{id}/adopt", Id::Policy("draft"), Some(PolicyManage)),
        route(Method::PUT, "/policies/{id}/public", Id::Policy("code"), Some(PolicyManage)),
        route(Method::GET, "/policies/{id}/signatures", Id::Policy("code"), Some(SignatureView)),
        // A paper signature; one's own is a story of its own (the caller must be on the staff list).
        route(Method::POST, "/policies/{id}/signatures", Id::Policy("code"), Some(SignatureRecord)),
        route(Method::GET, "/awareness", Id::None, Some(AwarenessView)),
        route(Method::POST, "/awareness", Id::None, Some(AwarenessManage)),
        route(Method::GET, "/awareness/{id}", Id::Awareness, Some(AwarenessView)),
        route(Method::POST, "/awareness/{id}/attendance", Id::Awareness, Some(AwarenessManage)),
        route(Method::GET, "/calendar", Id::None, Some(CalendarView)),
        route(Method::POST, "/calendar/years", Id::None, Some(CalendarManage)),
        route(Method::POST, "/calendar", Id::CalendarItem, Some(CalendarManage)),
        route(Method::GET, "/calendar/{id}", Id::CalendarItem, Some(CalendarView)),
        route(Method::PUT, "/calendar/{id}", Id::CalendarItem, Some(CalendarManage)),
        route(Method::DELETE, "/calendar/{id}", Id::CalendarItem, Some(CalendarManage)),
        route(Method::POST, "/calendar/{id}/done", Id::CalendarItem, Some(CalendarManage)),
    ]
}

/// A distinct day in `year` for every `n`.
fn day(year: i16, n: usize) -> String {
    let start = jiff::civil::date(year, 1, 1);
    start.checked_add(jiff::Span::new().days(i64::try_from(n % 3000).unwrap())).unwrap().to_string()
}

/// A valid request body (unique where the route needs it) and query string.
fn request_for(route: &Route, f: &Fixture, n: usize) -> (Option<Value>, String, Option<String>) {
    match (route.method.as_str(), route.path) {
        ("POST", "/schools") => (Some(json!({"name": format!("School {n}"), "brin": format!("{:02}ZZ", n % 100)})), String::new(), None),
        ("POST", "/groups") => (Some(json!({"school_id": f.school, "name": format!("Groep {n}")})), String::new(), None),
        ("POST", "/pupils") => (
            Some(json!({"school_id": f.school, "group_id": f.group, "given_name": "Tim", "surname": "Jansen",
                        "birth_date": "2018-05-06", "external_number": format!("9{n:04}"), "enrolment_date": "2022-08-20"})),
            String::new(),
            None,
        ),
        ("PATCH", "/pupils/{id}") => (Some(json!({"given_name": format!("Sanne{n}")})), String::new(), None),
        ("POST", "/pupils/{id}/guardians") => {
            (Some(json!({"guardian_id": f.guardian, "relation": "mother", "holds_custody": true, "recognised": true})), String::new(), None)
        }
        ("POST", "/guardians") => (Some(json!({"given_name": "Piet", "surname": "Berg"})), String::new(), None),
        ("POST", "/imports") => (
            None,
            format!("?school_id={}&dry_run=true", f.school),
            Some("Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;Groep;Datum inschrijving\n1001;Sanne;Berg;04-03-2019;Groep 3;05-03-2023\n".to_owned()),
        ),
        ("POST", "/users") => (
            Some(json!({"email": format!("nieuw{n}@school.nl"), "name": "Nieuwe Collega", "roles": ["OP"], "scope": "groups", "scope_ids": [f.group]})),
            String::new(),
            None,
        ),
        ("POST", "/tokens") => (Some(json!({"name": "koppeling"})), String::new(), None),
        ("POST", "/pupils/{id}/information-grants") => {
            (Some(json!({"guardian_id": f.guardian, "granted_on": "2026-01-10"})), String::new(), None)
        }
        ("POST", "/consent-decisions") => (
            Some(json!({"pupil_id": f.pupil, "purpose": "website", "decision": "granted", "guardian_id": f.guardian, "channel": "paper"})),
            String::new(),
            None,
        ),
        ("POST", "/consent-round/invitations") => (Some(json!({"school_id": f.school})), String::new(), None),
        ("POST", "/consent-round/reminders") => (Some(json!({"school_id": f.school})), String::new(), None),
        ("POST", "/consent-objections") => (Some(json!({"pupil_id": f.pupil, "guardian_id": f.guardian})), String::new(), None),
        ("POST", "/publication-check") => (Some(json!({"purpose": "website", "pupil_ids": [f.pupil]})), String::new(), None),
        ("PUT", "/board/settings") => (Some(json!({"consent_renewal": "yearly"})), String::new(), None),
        ("GET", "/deadlines/request") => (None, "?received=2026-03-31".to_owned(), None),
        ("POST", "/equated-days") => (Some(json!({"date": day(2030, n), "description": "vrijdag na Hemelvaart"})), String::new(), None),
        ("POST", "/incidents") => (
            Some(json!({"school_id": f.school, "what_happened": "Telefoon kwijt", "discovered_at": "2026-11-22T09:00:00+01:00"})),
            String::new(),
            None,
        ),
        ("POST", "/incidents/{id}/assessment") => (Some(json!({"facts": {"personal_data": false}})), String::new(), None),
        ("POST", "/incidents/{id}/authority-notification") => (Some(json!({"ap_reference": "M-1"})), String::new(), None),
        ("POST", "/incidents/{id}/follow-ups") => (Some(json!({"content": "Aanvulling"})), String::new(), None),
        ("PUT", "/incidents/{id}/measures") => (Some(json!({"measures": "Wachtwoorden gewijzigd"})), String::new(), None),
        ("POST", "/incidents/{id}/subjects") => (Some(json!({"pupil_ids": [f.pupil]})), String::new(), None),
        ("POST", "/incidents/{id}/letters") => {
            (Some(json!({"decision": "not_needed", "reason": "Geen persoonsgegevens"})), String::new(), None)
        }
        ("POST", "/incidents/{id}/close") => {
            (Some(json!({"measures": "Geen", "cause": "Vergissing", "evaluation": "Goed verlopen"})), String::new(), None)
        }
        ("POST", "/requests") => {
            (Some(json!({"kind": "access", "subject_pupil_id": f.pupil, "received_on": "2026-11-20"})), String::new(), None)
        }
        ("POST", "/requests/{id}/extension") => {
            (Some(json!({"reason": "veel stukken", "requester_told_on": "2026-11-21"})), String::new(), None)
        }
        ("POST", "/requests/{id}/decision") => (Some(json!({"outcome": "granted"})), String::new(), None),
        ("POST", "/requests/{id}/erasure" | "/requests/{id}/restriction") => (Some(json!({})), String::new(), None),
        ("POST", "/requests/{id}/recipients-told") => {
            (Some(json!({"recipients": ["DUO"], "told_on": "2026-11-21"})), String::new(), None)
        }
        ("POST", "/requests/{id}/balancing") => {
            (Some(json!({"balancing": "afgewogen", "outcome": "rejected"})), String::new(), None)
        }
        ("PUT", "/board/recipients") => (Some(json!({"recipients": ["DUO"]})), String::new(), None),
        ("POST", "/suppliers") => (Some(json!({"name": format!("Leverancier {n}")})), String::new(), None),
        ("POST", "/risks") => {
            (Some(json!({"title": format!("Risico {n}"), "category": "data", "likelihood": 2, "impact": 3})), String::new(), None)
        }
        ("POST", "/pre-dpias") => (Some(pre_dpia(n)), String::new(), None),
        ("POST", "/dpia-screenings") => (
            Some(json!({"product": format!("App {n}"), "subjects": ["pupils"], "data_categories": ["identification"]})),
            String::new(),
            None,
        ),
        ("POST", "/dpias") => (Some(json!({"product": format!("Product {n}")})), String::new(), None),
        ("PATCH", "/dpias/{id}") => (Some(json!({"sections": {"proposal": "Een leerlingvolgsysteem"}})), String::new(), None),
        ("POST", "/dpias/{id}/advice") => (Some(json!({"advice": "Akkoord met de maatregelen"})), String::new(), None),
        ("POST", "/dpias/{id}/approve") => (Some(json!({"decision": format!("CvB, besluit {n}")})), String::new(), None),
        ("POST", "/dpias/{id}/review") => (Some(json!({"note": "Nieuwe module"})), String::new(), None),
        ("POST", "/pre-dpias/{id}/answer") => {
            (Some(json!({"decision": "approved_with_conditions", "text": "Alleen met pseudoniemen"})), String::new(), None)
        }
        ("PATCH", "/risks/{id}") => (Some(json!({"measures": "Training"})), String::new(), None),
        ("GET", "/board-report") => (None, "?year=2026".to_owned(), None),
        ("PUT", "/board-report/{year}/text" | "/board-report/{year}/opinion") => {
            (Some(json!({"text": format!("Tekst {n}")})), String::new(), None)
        }
        ("POST", "/board-report/{year}/adopt") => (Some(json!({"adopted_on": "2026-11-22"})), String::new(), None),
        ("PUT", "/retention/rules/{code}") => {
            (Some(json!({"source_text": format!("Besluit van het bestuur {n}"), "source_kind": "board"})), String::new(), None)
        }
        ("POST", "/cameras") => (Some(camera_body(f, n)), String::new(), None),
        ("PUT", "/systems/{id}/access-policy") => (Some(access_policy_body()), String::new(), None),
        ("POST", "/policies") => (
            Some(json!({"kind": "ibp_policy", "title": "IBP-beleid", "version": format!("{n}"), "text": "Beleid"})),
            String::new(),
            None,
        ),
        ("PUT", "/policies/{id}") => (Some(json!({"title": "IBP-beleid", "version": format!("w{n}")})), String::new(), None),
        ("POST", "/policies/{id}/adopt") => (Some(json!({"adopted_on": "2026-11-22", "by": "CvB"})), String::new(), None),
        ("PUT", "/policies/{id}/public") => (Some(json!({"public": true})), String::new(), None),
        ("POST", "/policies/{id}/signatures") => (
            Some(json!({"staff_id": "{system}", "on": "2026-11-20", "channel": "paper"})),
            String::new(),
            None,
        ),
        ("PUT", "/systems/{id}/matrix") => (Some(matrix_body()), String::new(), None),
        ("PATCH", "/cameras/{id}") => (Some(json!({"live_view": true})), String::new(), None),
        ("POST", "/cameras/{id}/log") => (
            Some(json!({"kind": "viewing", "from": "2026-11-20T10:00:00+01:00", "to": "2026-11-20T10:30:00+01:00",
                        "reason": "other", "explanation": "Controle"})),
            String::new(),
            None,
        ),
        ("POST", "/footage-holds") => (
            Some(json!({"camera_id": "{id}", "from": "2026-11-20T10:00:00+01:00", "to": "2026-11-20T10:30:00+01:00",
                        "kind": "other", "reason": "Mogelijke rechtszaak"})),
            String::new(),
            None,
        ),
        ("POST", "/footage-holds/{id}/release") => (Some(json!({"reason": "Afgehandeld"})), String::new(), None),
        ("GET", "/deadlines/leaver") => (None, "?ended=2026-11-27".to_owned(), None),
        ("POST", "/staff") => (Some(staff_body(f, n)), String::new(), None),
        ("POST", "/staff/import") => (
            None,
            "?dry_run=true".to_owned(),
            Some(format!("Voornaam;Achternaam;E-mail;School;Rollen;In dienst\nKees;Kok;kees{n}@proef.nl;{};OP;2024-08-01\n", f.school)),
        ),
        ("PATCH", "/staff/{id}") => (Some(json!({"surname": format!("Nieuw{n}")})), String::new(), None),
        ("POST", "/access/changes") => (
            Some(json!({"staff_id": "{id}", "kind": "move", "effective_on": "2026-12-01", "roles_after": ["TL"]})),
            String::new(),
            None,
        ),
        ("POST", "/access/changes/{id}/steps") => {
            (Some(json!({"system_id": "{system}", "evidence": "Account gemaakt"})), String::new(), None)
        }
        ("POST", "/systems/{id}/accounts/import") => {
            (None, String::new(), Some(format!("Gebruikersnaam;Profiel\nbeheer{n};Beheerder\n")))
        }
        ("POST", "/access/reviews") => (Some(json!({"deadline": "2026-12-31", "system_ids": ["{id}"]})), String::new(), None),
        ("POST", "/access/reviews/{id}/decisions") => {
            (Some(json!({"items": [{"id": "{system}", "outcome": "keep"}]})), String::new(), None)
        }
        ("POST", "/access/reviews/{id}/items/{item}/remediation") => {
            (Some(json!({"evidence": "Verwijderd, ticket 1"})), String::new(), None)
        }
        ("PUT", "/retention/settings") => (Some(json!({"sbo_reading": "referred_pupil"})), String::new(), None),
        ("POST", "/retention/holds") => (Some(json!({"pupil_id": f.pupil, "reason": "Mogelijke rechtszaak"})), String::new(), None),
        ("GET", "/retention/worklist") => (None, "?date=2026-11-22".to_owned(), None),
        ("POST", "/retention/batches") => (Some(json!({"date": "2026-11-22", "school_id": f.school})), String::new(), None),
        ("POST", "/retention/batches/{id}/approve") => (Some(json!({})), String::new(), None),
        // `"{system}"` is the batch's first system.
        ("POST", "/retention/batches/{id}/confirmations") => (
            Some(json!({"system": "{system}", "destroyed_on": "2026-11-20", "method": "Verwijderd door de administratie"})),
            String::new(),
            None,
        ),
        ("POST", "/awareness") => (
            Some(json!({"kind": "refresher", "title": format!("Opfrisser {n}"), "held_on": "2026-09-14",
                "audience": "school", "school_id": f.school})),
            String::new(),
            None,
        ),
        ("POST", "/awareness/{id}/attendance") => (Some(json!({"staff_ids": []})), String::new(), None),
        ("GET", "/calendar") => (None, "?school_year=2026-2027".to_owned(), None),
        ("POST", "/calendar/years") => (Some(json!({"school_year": "2026-2027"})), String::new(), None),
        ("POST", "/calendar") => {
            (Some(json!({"school_year": "2026-2027", "title": format!("Punt {n}"), "due_on": "2027-03-01"})), String::new(), None)
        }
        ("PUT", "/calendar/{id}") => (Some(json!({"title": format!("Punt {n}"), "due_on": "2027-03-02"})), String::new(), None),
        ("POST", "/calendar/{id}/done") => (Some(json!({"evidence": "Verslag van het overleg"})), String::new(), None),
        ("PUT", "/risks/levels") => (Some(json!({"medium_from": 3, "high_from": 6})), String::new(), None),
        ("POST", "/frameworks") => (
            Some(json!({"code": format!("kader-{n}"), "title": "Kader", "version": "1", "source": "Bestuur",
                "norms": [{"reference": "A.1", "domain": "Beleid", "title": "Beleid", "text": "Er is beleid.",
                    "levels": {"1": "a", "2": "b", "3": "c", "4": "d", "5": "e"}}]})),
            String::new(),
            None,
        ),
        ("PUT", "/frameworks/{code}/norms/{reference}") => (Some(json!({"level": 2, "target": 3})), String::new(), None),
        ("PATCH", "/suppliers/{id}") => (Some(json!({"contact": "privacy@leverancier.nl"})), String::new(), None),
        ("POST", "/systems") => (Some(json!({"name": format!("Systeem {n}")})), String::new(), None),
        ("PATCH", "/systems/{id}") => (Some(json!({"in_use": false})), String::new(), None),
        ("POST", "/processor-agreements") => (Some(json!({"supplier_id": "{id}", "model": "general"})), String::new(), None),
        ("PATCH", "/processor-agreements/{id}") => (Some(json!({"signed_by": "J. de Vries"})), String::new(), None),
        ("POST", "/sub-processors") => {
            (Some(json!({"supplier_id": "{id}", "name": format!("Sub {n}"), "notified_on": "2026-11-20"})), String::new(), None)
        }
        ("PATCH", "/sub-processors/{id}") => (Some(json!({"location": "NL"})), String::new(), None),
        ("POST", "/sub-processors/{id}/decision") => (Some(json!({"decision": "accepted"})), String::new(), None),
        ("POST", "/recipients") => (
            Some(json!({"name": format!("Ontvanger {n}"), "kind": "public_authority", "legal_ground": "art. 8 WPO", "shared": "Inschrijving"})),
            String::new(),
            None,
        ),
        ("POST", "/processing-register/import") => (None, "?dry_run=true".to_owned(), None),
        ("PATCH", "/recipients/{id}") => (Some(json!({"occasion": "Jaarlijks"})), String::new(), None),
        ("PUT", "/board/profile") => (
            Some(json!({"name": "Stichting Proef", "address": "Schoolstraat 1, Heerlen", "contact_email": "info@proef.nl",
                        "dpo": {"name": "Fenna Visser", "email": "fg@proef.nl"}})),
            String::new(),
            None,
        ),
        ("POST", "/processing-activities") => (Some(json!({"name": format!("Verwerking {n}")})), String::new(), None),
        ("PATCH", "/processing-activities/{id}") => (Some(json!({"retention": "2 jaar"})), String::new(), None),
        ("POST", "/processing-activities/{id}/comments") => (Some(json!({"text": "Bewaartermijn klopt niet"})), String::new(), None),
        ("POST", "/processing-register/adopt") => (Some(json!({"decision": format!("Besluit {n}")})), String::new(), None),
        ("GET", "/privacy-statement" | "/privacy-statement/versions") => (None, "?audience=parents".to_owned(), None),
        ("POST", "/privacy-statement/publish") => (Some(json!({"audience": "parents"})), String::new(), None),
        ("POST", "/dpia-screenings/assess") => (
            Some(json!({"subjects": ["pupils"], "data_categories": ["identification"], "techniques": []})),
            String::new(),
            None,
        ),
        ("POST", "/incidents/assess") => (Some(json!({"confidentiality": "known_recipient", "recipient_confirmed_deletion": true})), String::new(), None),
        _ => (None, String::new(), None),
    }
}

/// `board` with its profile and a fresh activity: adoptable. Answers the activity's id.
async fn adoptable(app: &TestApp, board: &aantoonbaar_store::BoardId) -> String {
    use aantoonbaar_rules::register::{BoardProfile, Dpo, template};
    let (store, actor) = (app.store.board(board), app.actor());
    let profile = BoardProfile {
        name: "Stichting Proef".to_owned(),
        address: "Schoolstraat 1, Heerlen".to_owned(),
        kvk: None,
        contact_email: "info@proef.nl".to_owned(),
        dpo: Dpo { name: "Fenna Visser".to_owned(), email: "fg@proef.nl".to_owned(), phone: None },
    };
    store.set_board_profile(&actor, &profile).await.unwrap();
    let mut activity = template::activities().swap_remove(0);
    activity.name = format!("Verwerking {}", uuid::Uuid::new_v4().simple());
    store.create_activity(&actor, None, &activity).await.unwrap().id
}

/// Adopts `board`'s register as it is; answers the version's number.
async fn adopted(app: &TestApp, board: &aantoonbaar_store::BoardId) -> String {
    let store = app.store.board(board);
    let version = aantoonbaar_app::register::adoption::adopt_board(store, &app.actor(), "CvB", "Besluit").await;
    version.unwrap().version.to_string()
}

/// The fixture's board made adoptable: `"activity"` answers the fresh
/// activity's id, `"version"` adopts and answers the version's number,
/// `"register"` answers nothing.
async fn fresh_register(app: &TestApp, f: &Fixture, kind: &str) -> String {
    let activity = adoptable(app, &f.board).await;
    match kind {
        "activity" => activity,
        "version" => adopted(app, &f.board).await,
        _ => String::new(),
    }
}

/// A fresh record of the supplier register of the fixture's board, made by its IBP manager.
async fn fresh_party(app: &TestApp, f: &Fixture, kind: &str, n: usize) -> String {
    if matches!(kind, "register" | "activity" | "version") {
        return fresh_register(app, f, kind).await;
    }
    use aantoonbaar_rules::register::parties::{AgreementModel, DocumentKind, RecipientKind};
    use aantoonbaar_store::parties::{
        AgreementData, NewAgreementDocument, RecipientData, SubProcessorData, SupplierData, SystemData,
    };
    let (board, actor) = (app.store.board(&f.board), app.actor());
    let unique = uuid::Uuid::new_v4().simple().to_string();
    let supplier =
        SupplierData { name: format!("Leverancier {n} {unique}"), processor: true, ..SupplierData::default() };
    let supplier = board.create_supplier(&actor, &supplier).await.unwrap().id;
    let agreement = async || {
        let data = AgreementData {
            supplier_id: supplier.clone(),
            model: AgreementModel::General,
            deviations: None,
            signed_at: None,
            signed_by: None,
            effective_from: None,
            ends_at: None,
            review_date: None,
        };
        board.create_agreement(&actor, &data).await.unwrap().id
    };
    match kind {
        "supplier" => supplier,
        "system" => {
            let data = SystemData { name: format!("Systeem {unique}"), in_use: true, ..SystemData::default() };
            board.create_system(&actor, &data).await.unwrap().id
        }
        "agreement" => agreement().await,
        "document" => {
            let document = NewAgreementDocument {
                agreement_id: agreement().await,
                kind: DocumentKind::Agreement,
                product: None,
                file_name: "overeenkomst.pdf".to_owned(),
                media_type: "application/pdf".to_owned(),
                content: b"%PDF-1.4".to_vec(),
            };
            board.add_agreement_document(&actor, &document).await.unwrap().id
        }
        "sub_processor" => {
            let data = SubProcessorData {
                supplier_id: supplier.clone(),
                name: "Hosting BV".to_owned(),
                location: None,
                safeguard: None,
                notified_on: jiff::civil::date(2026, 11, 20),
            };
            board.create_sub_processor(&actor, &data, jiff::civil::date(2026, 12, 20)).await.unwrap().id
        }
        _ => {
            let data = RecipientData {
                name: format!("Ontvanger {unique}"),
                kind: RecipientKind::PublicAuthority,
                legal_ground: "art. 8 WPO".to_owned(),
                shared: "Inschrijving".to_owned(),
                occasion: None,
            };
            board.create_recipient(&actor, &data).await.unwrap().id
        }
    }
}

/// A product DPIA of the fixture's board at `stage` (see [`Id::Dpia`]).
async fn fresh_dpia(app: &TestApp, f: &Fixture, stage: &str) -> String {
    use aantoonbaar_rules::dpia::record::Kind;
    use aantoonbaar_store::dpias::{DpiaData, NewDpiaVersion};
    let (board, actor) = (app.store.board(&f.board), app.actor());
    let unique = uuid::Uuid::new_v4().simple().to_string();
    let content = if stage == "draft" {
        json!({})
    } else {
        json!({"sections": {"proposal": "Een app", "necessity": "Nodig"},
            "risks": [{"description": "Gegevens worden gelekt", "severity": 2, "likelihood": 2}],
            "subjects_not_asked": "Kleine verwerking", "advice_response": "Overgenomen"})
    };
    let data = DpiaData {
        title: format!("DPIA {unique}"),
        activity_id: None,
        product: Some(format!("Product {unique}")),
        kind: Kind::Local,
        screening_id: None,
        content,
    };
    let mut dpia = board.create_dpia(&actor, &data).await.unwrap();
    if stage != "draft" {
        dpia = board.advise_dpia(&actor, &dpia.id, "Akkoord", &[]).await.unwrap();
    }
    if stage == "approved" {
        let on = jiff::civil::date(2026, 11, 1);
        let version = NewDpiaVersion {
            approved_on: on,
            review_due: jiff::civil::date(2029, 11, 1),
            approved_by_name: "CvB".to_owned(),
            decision: "Besluit".to_owned(),
            body: json!({"dpia_id": dpia.id, "version": 1, "title": data.title, "kind": "local", "activity_id": null,
                "activity_name": null, "product": data.product, "register": {}, "content": data.content,
                "screening_outcome": null, "fg_advice": "Akkoord", "fg_advice_by": "fg", "approved_on": "2026-11-01",
                "approved_by": "CvB", "decision": "Besluit"})
            .to_string(),
            sha256: "0".repeat(64),
            seen: dpia.updated_at,
        };
        board.approve_dpia(&actor, &dpia.id, &version, &[]).await.unwrap();
    }
    dpia.id
}

/// A pre-DPIA for an app named by `n`.
fn pre_dpia(n: usize) -> Value {
    json!({"app_name": format!("App {n}"), "purpose": "Oefenen", "data_categories": ["identification"],
        "supplier": "Leverancier BV", "pupil_count": 25})
}

/// An open request about the fixture's pupil, of the kind `route` acts on.
async fn fresh_request(app: &TestApp, route: &Route, f: &Fixture) -> String {
    use aantoonbaar_rules::requests::{IdentityCheck, RequestChannel, RequestKind};
    let kind = match route.path {
        "/requests/{id}/erasure" => RequestKind::Erasure,
        "/requests/{id}/restriction" => RequestKind::Restriction,
        "/requests/{id}/recipients-told" => RequestKind::Rectification,
        "/requests/{id}/balancing" => RequestKind::Objection,
        _ => RequestKind::Access,
    };
    let board = app.store.board(&f.board);
    board.set_board_recipients(&app.actor(), &["DUO".to_owned()]).await.unwrap();
    let new = aantoonbaar_store::NewRequest {
        kind,
        school_id: Some(f.school.clone()),
        subject_pupil_id: Some(f.pupil.clone()),
        subject_guardian_id: None,
        subject_description: None,
        requester_guardian_id: Some(f.guardian.clone()),
        requester_description: None,
        requester_relation: "parent".to_owned(),
        details: None,
        received_on: jiff::civil::date(2026, 11, 20),
        channel: RequestChannel::Email,
        identity_check: IdentityCheck::KnownEmail,
        assigned_to: None,
        deadline: jiff::civil::date(2026, 12, 21),
    };
    board.create_request(&app.actor(), &new).await.unwrap().id
}

/// A register import of one activity, named uniquely by `n`.
fn register_workbook(n: usize) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Verwerkingen").unwrap();
    for (c, (title, value)) in (0_u16..).zip([
        ("Verwerking", format!("Import {n}")),
        ("Doel", "Onderwijs".to_owned()),
        ("Grondslag", "public_task".to_owned()),
    ]) {
        sheet.write_string(0, c, title).unwrap();
        sheet.write_string(1, c, value).unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// A camera at the fixture's school, named uniquely by `n`.
fn camera_body(f: &Fixture, n: usize) -> Value {
    json!({"school_id": f.school, "name": format!("Camera {n}"), "location": "Hoofdingang", "coverage": "Het plein",
           "balancing": "Afgewogen", "signs": true, "viewers": "Directeur"})
}

static CAMERAS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(900_000);

/// A fresh camera at the fixture's school.
async fn fresh_camera(app: &TestApp, f: &Fixture) -> String {
    let n = CAMERAS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let created = json(app.post(&f.admin, "/api/v1/cameras", &camera_body(f, n)).await, 201).await;
    created["id"].as_str().unwrap().to_owned()
}

/// An access policy for a system.
fn access_policy_body() -> Value {
    json!({"issued_by": "Stafmedewerker ICT", "provisioning": "manual", "two_step": true,
           "password_rule": "Minstens 12 tekens", "owner": "Bestuur"})
}

/// A one-row authorisation matrix.
fn matrix_body() -> Value {
    json!({"rows": [{"role": "OP", "profile": "Leerkracht", "rights": ["view"], "scope": "group"}]})
}

/// A fresh system of the fixture's board with version 1 of its matrix.
async fn fresh_matrix(app: &TestApp, f: &Fixture, n: usize) -> String {
    let system = fresh_party(app, f, "system", n).await;
    let saved = app.request(Method::PUT, Some(&f.admin), &format!("/api/v1/systems/{system}/matrix"));
    json(saved.json(&matrix_body()).send().await.unwrap(), 200).await;
    system
}

/// A fresh footage hold on a fresh camera at the fixture's school.
async fn fresh_footage_hold(app: &TestApp, f: &Fixture) -> String {
    let camera = fresh_camera(app, f).await;
    let body = json!({"camera_id": camera, "from": "2026-11-20T10:00:00+01:00", "to": "2026-11-20T10:30:00+01:00",
                      "kind": "other", "reason": "Mogelijke rechtszaak"});
    json(app.post(&f.admin, "/api/v1/footage-holds", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

static PEOPLE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn staff_body(f: &Fixture, n: usize) -> Value {
    json!({"given_name": "Kees", "surname": "Kok", "email": format!("kees{n}@proef.nl"), "school_id": f.school,
        "roles": ["OP"], "employment_start": "2024-08-01"})
}

/// A fresh person at the fixture's school.
async fn fresh_staff(app: &TestApp, f: &Fixture) -> String {
    let n = 900_000 + PEOPLE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    json(app.post(&f.admin, "/api/v1/staff", &staff_body(f, n)).await, 201).await["id"].as_str().unwrap().to_owned()
}

/// A fresh system with a fresh person's account in it: (system, person).
async fn fresh_accounts(app: &TestApp, f: &Fixture) -> (String, String) {
    let n = 900_000 + PEOPLE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let system = json(app.post(&f.admin, "/api/v1/systems", &json!({"name": format!("Systeem {n}")})).await, 201).await;
    let system = system["id"].as_str().unwrap().to_owned();
    let person = json(app.post(&f.admin, "/api/v1/staff", &staff_body(f, n)).await, 201).await;
    let csv = format!("Gebruikersnaam;E-mail;Profiel\nkees{n};kees{n}@proef.nl;Leerkracht\n");
    let imported = app
        .request(Method::POST, Some(&f.admin), &format!("/api/v1/systems/{system}/accounts/import"))
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(imported.status(), 200);
    (system, person["id"].as_str().unwrap().to_owned())
}

/// A fresh policy version of the fixture's board (see [`Id::Policy`]).
async fn fresh_policy(app: &TestApp, f: &Fixture, stage: &str, n: usize) -> String {
    let kind = if stage == "code" { "code_of_conduct" } else { "ibp_policy" };
    let text = if stage == "file" { json!(null) } else { json!("Tekst") };
    let body = json!({"kind": kind, "title": "Beleid", "version": format!("v{n}"), "text": text});
    let id = json(app.post(&f.admin, "/api/v1/policies", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    if stage == "draft" {
        return id;
    }
    if stage == "file" {
        let file = reqwest::multipart::Part::bytes(b"%PDF-1.4".to_vec()).file_name("beleid.pdf");
        let uploaded = app
            .request(Method::PUT, Some(&f.admin), &format!("/api/v1/policies/{id}/file"))
            .multipart(reqwest::multipart::Form::new().part("file", file))
            .send()
            .await
            .unwrap();
        assert_eq!(uploaded.status(), 200);
    }
    let adoption = json!({"adopted_on": "2026-11-22", "by": "CvB", "gmr_consent_on": "2026-11-15"});
    json(app.post(&f.admin, &format!("/api/v1/policies/{id}/adopt"), &adoption).await, 200).await;
    id
}

/// A fresh joiner's change at the fixture's school, requested by the command line (so anyone may approve it).
async fn fresh_change(app: &TestApp, f: &Fixture, stage: &str) -> (String, String) {
    let (system, person) = fresh_accounts(app, f).await;
    let change = aantoonbaar_store::staff::NewChange {
        staff_id: person,
        kind: aantoonbaar_rules::access::ChangeKind::Join,
        effective_on: jiff::civil::date(2026, 12, 1),
        due_on: jiff::civil::date(2026, 12, 1),
        to_school_id: None,
        roles_after: None,
        note: None,
        systems: vec![system.clone()],
        approved: stage == "approved",
        mails: Vec::new(),
    };
    let id = app.store.board(&f.board).request_change(&app.actor(), &change).await.unwrap().id;
    // The joiner signed what is in force (the policy routes adopt codes of conduct), so the change may go ahead.
    let policies = json(app.get(&f.admin, "/api/v1/policies").await, 200).await;
    for kind in policies.as_array().unwrap().iter().filter(|k| k["in_force"]["signed_by_staff"] == true) {
        let paper = json!({"staff_id": change.staff_id, "on": "2026-11-20", "channel": "paper"});
        let path = format!("/api/v1/policies/{}/signatures", kind["in_force"]["id"].as_str().unwrap());
        json(app.post(&f.admin, &path, &paper).await, 201).await;
    }
    (id, system)
}

/// A fresh campaign over a fresh account list (see [`Id::Campaign`]).
async fn fresh_campaign(app: &TestApp, f: &Fixture, stage: &str) -> (String, String) {
    let (system, _) = fresh_accounts(app, f).await;
    let body = json!({"deadline": "2026-12-31", "system_ids": [system]});
    let campaign = json(app.post(&f.admin, "/api/v1/access/reviews", &body).await, 201).await;
    let id = campaign["id"].as_str().unwrap().to_owned();
    let items = app.store.board(&f.board).review_items(&id, &aantoonbaar_store::Scope::Board).await.unwrap();
    let outcome = match stage {
        "revoked" => "revoke",
        "decided" => "keep",
        _ => return (id, system),
    };
    let verdicts = json!({"items": [{"id": items[0].id, "outcome": outcome}]});
    json(app.post(&f.admin, &format!("/api/v1/access/reviews/{id}/decisions"), &verdicts).await, 200).await;
    (id, system)
}

static LEAVERS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(500_000);

/// A fresh pupil at the fixture's school who left on 1 November 2023: their
/// data are on the worklist of 22 November 2026.
async fn fresh_leaver(app: &TestApp, f: &Fixture) -> String {
    let number = LEAVERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed).to_string();
    let pupil = crate::helpers::create_pupil(app, &f.admin, &f.school, &f.group, &number).await;
    let patch = json!({"leave_date": "2023-11-01", "leave_destination": "secondary_school"});
    json(app.patch(&f.admin, &format!("/api/v1/pupils/{pupil}"), &patch).await, 200).await;
    pupil
}

/// A fresh destruction batch of the fixture's school at `stage` (see [`Id::Batch`]).
async fn fresh_batch(app: &TestApp, f: &Fixture, stage: &str) -> String {
    fresh_leaver(app, f).await;
    let body = json!({"date": "2026-11-22", "school_id": f.school});
    let batch = json(app.post(&f.admin, "/api/v1/retention/batches", &body).await, 201).await;
    let id = batch["id"].as_str().unwrap().to_owned();
    if stage == "new" {
        return id;
    }
    let n = LEAVERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let director = app.staff(&f.board, &format!("d{n}@proef.nl"), Role::D, ScopeKind::School, &[&f.school]).await;
    for token in [&f.admin, &director] {
        json(app.post(token, &format!("/api/v1/retention/batches/{id}/approve"), &json!({})).await, 200).await;
    }
    if stage == "completed" {
        let systems = app.store.board(&f.board).batch(&id).await.unwrap().map(|b| b.systems()).unwrap_or_default();
        for system in systems {
            let body = json!({"system": system, "destroyed_on": "2026-11-20", "method": "Verwijderd"});
            json(app.post(&f.admin, &format!("/api/v1/retention/batches/{id}/confirmations"), &body).await, 200).await;
        }
    }
    id
}

async fn call(app: &TestApp, token: Option<&str>, route: &Route, f: &Fixture, n: usize) -> (u16, String) {
    let id = match route.id {
        Id::None => String::new(),
        Id::School => f.school.clone(),
        Id::Group => f.group.clone(),
        Id::Pupil => f.pupil.clone(),
        Id::Guardian => f.guardian.clone(),
        Id::OwnToken => match token {
            Some(token) => {
                let created = json(app.post(token, "/api/v1/tokens", &json!({"name": "weg"})).await, 201).await;
                created["id"].as_str().unwrap_or_default().to_owned()
            }
            None => "onbekend".to_owned(),
        },
        Id::EquatedDay => {
            let date = day(2040, n);
            if let Some(token) = token {
                let me = json(app.get(token, "/api/v1/me").await, 200).await;
                let board = app.board(me["board"].as_str().unwrap()).await;
                let parsed = date.parse().unwrap();
                app.store.board(&board).add_equated_day(&app.actor(), parsed, "proef").await.unwrap();
            }
            date
        }
        Id::Incident => {
            let body = json!({"school_id": f.school, "what_happened": "Telefoon kwijt", "discovered_at": "2026-11-22T09:00:00+01:00"});
            let created = json(app.post(&f.admin, "/api/v1/incidents", &body).await, 201).await;
            let id = created["id"].as_str().unwrap().to_owned();
            let facts = json!({"facts": {"personal_data": false}});
            json(app.post(&f.admin, &format!("/api/v1/incidents/{id}/assessment"), &facts).await, 200).await;
            let notified = app
                .post(
                    &f.admin,
                    &format!("/api/v1/incidents/{id}/authority-notification"),
                    &json!({"ap_reference": "M-0"}),
                )
                .await;
            assert_eq!(notified.status(), 204);
            id
        }
        Id::Request => fresh_request(app, route, f).await,
        Id::Party(kind) => fresh_party(app, f, kind, n).await,
        Id::Risk => {
            use aantoonbaar_rules::risks::{Category, Impact, Likelihood};
            let data = aantoonbaar_store::risks::RiskData {
                title: format!("Risico {}", uuid::Uuid::new_v4().simple()),
                category: Category::People,
                scenario: None,
                likelihood: Likelihood::new(2).unwrap(),
                impact: Impact::new(2).unwrap(),
                owner: None,
                treatment: None,
                measures: None,
                residual_likelihood: None,
                residual_impact: None,
                review_date: None,
                activity_ids: Vec::new(),
                system_ids: Vec::new(),
                incident_ids: Vec::new(),
            };
            app.store.board(&f.board).create_risk(&app.actor(), &data).await.unwrap().id
        }
        Id::PreDpia => match token {
            Some(token) => {
                let created = app.post(token, "/api/v1/pre-dpias", &pre_dpia(n)).await;
                let created: Value = created.json().await.unwrap_or_default();
                created["id"].as_str().unwrap_or("onbekend").to_owned()
            }
            None => "onbekend".to_owned(),
        },
        Id::Dpia(stage) => fresh_dpia(app, f, stage).await,
        Id::Hold => {
            let hold = aantoonbaar_store::retention::NewHold {
                pupil_id: f.pupil.clone(),
                category: None,
                kind: aantoonbaar_rules::retention::HoldKind::LegalClaim,
                reason: "Mogelijke rechtszaak".to_owned(),
                placed_on: jiff::civil::date(2026, 11, 22),
            };
            app.store.board(&f.board).place_hold(&app.actor(), &hold).await.unwrap().id
        }
        Id::Leaver => {
            fresh_leaver(app, f).await;
            String::new()
        }
        Id::Batch(stage) => fresh_batch(app, f, stage).await,
        Id::Camera => fresh_camera(app, f).await,
        Id::FootageHold => fresh_footage_hold(app, f).await,
        Id::Staff => fresh_staff(app, f).await,
        Id::Change(stage) => fresh_change(app, f, stage).await.0,
        Id::Accounts => fresh_accounts(app, f).await.0,
        Id::Campaign(stage) => fresh_campaign(app, f, stage).await.0,
        Id::Matrix => fresh_matrix(app, f, n).await,
        Id::Policy(stage) => fresh_policy(app, f, stage, n).await,
        Id::Awareness => fresh_awareness(app, f).await,
        Id::CalendarItem => fresh_calendar_item(app, f).await,
        Id::ReportYear => {
            // Years 2000 to 2023, a fresh one per adoption (2024 is adopted below, 2025 keeps its texts open).
            static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
            (2000 + NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 24).to_string()
        }
        Id::AdoptedReport => {
            let adopt = json!({"adopted_on": "2026-11-22"});
            app.post(&f.admin, "/api/v1/board-report/2024/adopt", &adopt).await;
            "2024".to_owned()
        }
        Id::Adopted => {
            if let Some(token) = token {
                let me = json(app.get(token, "/api/v1/me").await, 200).await;
                let board = app.board(me["board"].as_str().unwrap()).await;
                adoptable(app, &board).await;
                adopted(app, &board).await;
            }
            String::new()
        }
    };
    let (body, query, csv) = request_for(route, f, n);
    // A body's `"{id}"` is the fresh record too (the supplier of a new agreement).
    let system = match route.id {
        Id::Batch(_) => app.store.board(&f.board).batch(&id).await.unwrap().map(|b| b.systems()).unwrap_or_default(),
        Id::Change(_) => {
            let filter = aantoonbaar_store::staff::ChangeFilter { id: Some(&id), ..Default::default() };
            let changes = app.store.board(&f.board).access_changes(filter).await.unwrap();
            changes.into_iter().flat_map(|c| c.steps.into_iter().map(|s| s.system_id)).collect()
        }
        Id::Campaign(_) => {
            let items = app.store.board(&f.board).review_items(&id, &aantoonbaar_store::Scope::Board).await.unwrap();
            items.into_iter().map(|i| i.id).collect()
        }
        Id::Policy(_) => vec![fresh_staff(app, f).await],
        _ => Vec::new(),
    };
    let system = system.first().cloned().unwrap_or_default();
    let body = body.map(|b| {
        let text = b.to_string().replace("\"{id}\"", &format!("\"{id}\"")).replace("{system}", &system);
        serde_json::from_str::<Value>(&text).expect("json")
    });
    let code = if route.path.starts_with("/retention/") {
        "contact_details"
    } else {
        aantoonbaar_rules::frameworks::SHIPPED_CODE
    };
    let path = format!(
        "/api/v1{}{query}",
        route
            .path
            .replace("{id}", &id)
            .replace("{date}", &id)
            .replace(
                "{version}",
                if route.path.starts_with("/dpias/") || route.path.starts_with("/systems/") { "1" } else { &id }
            )
            .replace("{code}", code)
            .replace("{reference}", "ORG.1")
            .replace("{year}", if id.is_empty() { "2025" } else { &id })
            .replace("{item}", &system)
    );
    let mut request = app.request(route.method.clone(), token, &path);
    if let Some(body) = body {
        request = request.json(&body);
    }
    if let Some(csv) = csv {
        request = request.header("content-type", "text/csv").body(csv);
    }
    if route.path == "/processing-register/import" {
        request = request
            .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .body(register_workbook(n));
    }
    if route.path == "/policies/{id}/file" && route.method == Method::PUT {
        let file = reqwest::multipart::Part::bytes(b"%PDF-1.4".to_vec()).file_name("beleid.pdf");
        request = request.multipart(reqwest::multipart::Form::new().part("file", file));
    }
    if route.path == "/processor-agreements/{id}/documents" && route.method == Method::POST {
        let file = reqwest::multipart::Part::bytes(b"%PDF-1.4".to_vec()).file_name("overeenkomst.pdf");
        request = request.multipart(reqwest::multipart::Form::new().text("kind", "agreement").part("file", file));
    }
    let response = request.send().await.expect("request");
    (response.status().as_u16(), response.text().await.unwrap_or_default())
}

/// A fresh awareness activity for the fixture's school (see [`Id::Awareness`]).
async fn fresh_awareness(app: &TestApp, f: &Fixture) -> String {
    let body = json!({"kind": "training", "title": "Training", "held_on": "2026-10-01", "audience": "school",
        "school_id": f.school});
    json(app.post(&f.admin, "/api/v1/awareness", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

/// A fresh item ticked by hand in the fixture's board's calendar of 2026-2027 (see [`Id::CalendarItem`]).
async fn fresh_calendar_item(app: &TestApp, f: &Fixture) -> String {
    let made = app.post(&f.admin, "/api/v1/calendar/years", &json!({"school_year": "2026-2027"})).await;
    assert!(made.status().is_success());
    let body = json!({"school_year": "2026-2027", "title": "Teamoverleg privacy", "due_on": "2027-02-01"});
    json(app.post(&f.admin, "/api/v1/calendar", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

story!(the_route_table_covers_every_route_in_the_openapi_document, |app| {
    let document: Value =
        app.client.get(format!("{}/api/openapi.json", app.address)).send().await.unwrap().json().await.unwrap();
    let documented: BTreeSet<String> = document["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| {
            item.as_object().expect("item").keys().map(move |m| format!("{} {path}", m.to_uppercase()))
        })
        .collect();
    let tested: BTreeSet<String> = routes().iter().map(|r| format!("{} {}", r.method, r.path)).collect();
    assert_eq!(documented, tested);
    assert_eq!(document["openapi"].as_str().map(|v| v.starts_with("3.")), Some(true));
});

story!(every_role_gets_exactly_what_the_policy_table_allows, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 11).await;
    let mut n = 0;
    for role in Role::ALL {
        let scope = role.natural_scope();
        let scope_ids: Vec<&str> = match scope {
            ScopeKind::Board => vec![],
            ScopeKind::School => vec![f.school.as_str()],
            ScopeKind::Groups => vec![f.group.as_str()],
        };
        let token =
            app.staff(&board, &format!("{}@proef.nl", role.code().to_lowercase()), *role, scope, &scope_ids).await;
        for route in routes() {
            n += 1;
            let allowed = route.action.is_none_or(|action| permits(&[*role], scope, action));
            let (status, body) = call(&app, Some(&token), &route, &f, n).await;
            if allowed {
                assert!(
                    (200..300).contains(&status),
                    "{role:?} {} {} should be allowed, got {status}: {body}",
                    route.method,
                    route.path
                );
            } else {
                assert_eq!(status, 403, "{role:?} {} {} should be forbidden: {body}", route.method, route.path);
                assert!(body.contains("\"status\":403"), "a problem document: {body}");
            }
        }
    }
});

story!(without_a_token_every_route_answers_401, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 12).await;
    for (n, route) in routes().iter().enumerate() {
        let (status, _) = call(&app, None, route, &f, n).await;
        assert_eq!(status, 401, "{} {}", route.method, route.path);
    }
    let response = app.request(Method::GET, Some("aant_verzonnen"), "/api/v1/schools").send().await.unwrap();
    assert_eq!(response.status().as_u16(), 401);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
});

story!(a_user_of_another_board_sees_nothing_and_gets_404_for_every_item, |app| {
    let board_a = app.board("Stichting A").await;
    let admin_a = app.staff(&board_a, "ibp@a.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin_a, 13).await;
    let board_b = app.board("Stichting B").await;
    let admin_b = app.staff(&board_b, "ibp@b.nl", Role::St, ScopeKind::Board, &[]).await;
    let secrets = [&f.school, &f.other_school, &f.group, &f.pupil, &f.other_pupil, &f.guardian];
    for (n, route) in routes().iter().enumerate() {
        let (status, body) = call(&app, Some(&admin_b), route, &f, 500 + n).await;
        for secret in secrets {
            assert!(!body.contains(secret.as_str()), "{} {} leaked an id of board A: {body}", route.method, route.path);
        }
        assert!(
            !body.contains("De Linde") && !body.contains("eva@voorbeeld.nl"),
            "{} {} leaked data: {body}",
            route.method,
            route.path
        );
        match route.id {
            Id::School | Id::Group | Id::Pupil | Id::Guardian | Id::Incident | Id::Request => {
                assert_eq!(status, 404, "{} {}: {body}", route.method, route.path);
            }
            _ if body.contains("reference.unknown") || status == 404 => {}
            // Board B's IBP manager may not do this anywhere (an FG's comment).
            _ if status == 403 && route.action.is_some_and(|a| !permits(&[Role::St], ScopeKind::Board, a)) => {}
            // Board A's school is unknown to board B's HR import.
            _ if route.path == "/staff/import" && body.contains("import.school_unknown") => {}
            // Board B has no register of its own to adopt; board A's is not theirs.
            _ if route.path == "/processing-register/adopt" && body.contains("register.adopt_no_profile") => {}
            _ => assert!((200..300).contains(&status), "{} {}: {status} {body}", route.method, route.path),
        }
    }
    // Board A's pupil answers exactly as a pupil that never existed.
    let theirs = app.get(&admin_b, &format!("/api/v1/pupils/{}", f.pupil)).await.text().await.unwrap();
    let nobody = app.get(&admin_b, "/api/v1/pupils/00000000-0000-0000-0000-000000000000").await.text().await.unwrap();
    assert_eq!(theirs, nobody);
});

story!(a_teacher_sees_only_their_groups_and_a_director_only_their_school, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 14).await;
    let teacher = app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    let director = app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;

    for token in [&teacher, &director] {
        assert_eq!(app.get(token, &format!("/api/v1/pupils/{}", f.pupil)).await.status(), 200);
        assert_eq!(app.get(token, &format!("/api/v1/pupils/{}", f.other_pupil)).await.status(), 404);
        let list = json(app.get(token, "/api/v1/pupils").await, 200).await;
        let ids: Vec<&str> = list["pupils"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
        assert_eq!(ids, [f.pupil.as_str()]);
        assert_eq!(list["total"], 1);
        let schools = json(app.get(token, "/api/v1/schools").await, 200).await;
        assert_eq!(schools.as_array().unwrap().len(), 1);
        assert_eq!(app.get(token, &format!("/api/v1/schools/{}", f.other_school)).await.status(), 404);
    }
    // The director may not move a pupil into another school's group.
    let moved = app
        .patch(
            &director,
            &format!("/api/v1/pupils/{}", f.pupil),
            &json!({"school_id": f.other_school, "group_id": f.other_group}),
        )
        .await;
    let problem = json(moved, 422).await;
    assert_eq!(problem["errors"][0]["field"], "group_id");
});
