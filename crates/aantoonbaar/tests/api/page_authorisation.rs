//! Every staff page, as every role, checked against the policy table: a page
//! answers 200 exactly when the role's action is permitted, and 403 otherwise.

use crate::helpers::{Fixture, PASSWORD};
use crate::story;
use aantoonbaar_rules::policy::permits;
use aantoonbaar_rules::{Action, Role, ScopeKind};

/// A page and the action it needs (`None`: any signed-in staff member).
struct Page {
    path: &'static str,
    action: Option<Action>,
}

const fn page(path: &'static str, action: Option<Action>) -> Page {
    Page { path, action }
}

/// Every staff page that is read with GET; `{school}`, `{group}`, `{pupil}` are the fixture's,
/// `{camera}` a camera at the fixture's school, `{system}` a system with version 1 of its matrix.
fn pages() -> Vec<Page> {
    use Action::*;
    vec![
        page("/", None),
        page("/scholen", Some(SchoolView)),
        page("/scholen/{school}", Some(SchoolView)),
        page("/leerlingen", Some(PupilView)),
        page("/leerlingen/{pupil}", Some(PupilView)),
        page("/leerlingen/{pupil}/toestemmingsformulier.pdf", Some(PupilView)),
        page("/toestemming?groep={group}", Some(PupilView)),
        page("/toestemming/fotocheck?groep={group}", Some(PupilView)),
        page("/toestemming/formulieren.pdf?groep={group}", Some(PupilView)),
        page("/toestemming/brief.pdf?school={school}", Some(SchoolView)),
        page("/toestemming/ronde", Some(ConsentRound)),
        page("/toestemming/ronde/groepen/{group}", Some(ConsentRound)),
        page("/import", Some(PupilImport)),
        page("/import/kolommen", Some(PupilImport)),
        page("/import/voorbeeld.csv", Some(PupilImport)),
        page("/gebruikers", Some(UserView)),
        page("/tokens", Some(OwnTokens)),
        page("/verzoeken", Some(RequestView)),
        page("/verzoeken/nieuw", Some(RequestHandle)),
        page("/uitgaande-post", Some(OutboxView)),
        // The holidays and the deadline calculator are general information; adding one is HolidaysManage.
        page("/feestdagen", None),
        // The DPIA screening stores nothing: any staff member may use it, like the breach assessment.
        page("/dpia/screening", None),
        // Everyone may ask before using new software; the list holds one's own requests.
        page("/dpia/aanvragen", Some(PreDpiaRequest)),
        page("/incidenten", Some(IncidentReport)),
        page("/incidenten/melden", Some(IncidentReport)),
        // Without IncidentView the register and its exports hold one's own reports only.
        page("/incidenten.csv", Some(IncidentReport)),
        page("/incidenten.xlsx", Some(IncidentReport)),
        page("/register", Some(RegisterView)),
        page("/register/nieuw", Some(RegisterManage)),
        page("/register/profiel", Some(RegisterView)),
        page("/register/export", Some(RegisterView)),
        page("/register/import", Some(RegisterManage)),
        page("/register/import/indeling", Some(RegisterManage)),
        page("/register/import/voorbeeld.xlsx", Some(RegisterManage)),
        page("/logboek", Some(AuditView)),
        page("/logboek.csv", Some(AuditView)),
        page("/leveranciers", Some(RegisterView)),
        page("/systemen", Some(RegisterView)),
        page("/ontvangers", Some(RegisterView)),
        page("/ontvangers.pdf", Some(RegisterView)),
        page("/privacyverklaring", Some(RegisterView)),
        page("/privacyverklaring?audience=staff", Some(RegisterView)),
        page("/risicos", Some(RiskView)),
        page("/bestuursverslag", Some(BoardReportView)),
        page("/bestuursverslag/2026", Some(BoardReportView)),
        page("/bestuursverslag/2026/pdf", Some(BoardReportView)),
        page("/dpia", Some(DpiaView)),
        page("/bewaartermijnen", Some(RetentionView)),
        page("/bewaartermijnen/werklijst", Some(RetentionView)),
        page("/bewaartermijnen/werklijst?datum=2026-11-22", Some(RetentionView)),
        page("/bewaartermijnen/vernietiging", Some(RetentionView)),
        page("/bewaartermijnen/blokkades", Some(RetentionView)),
        page("/bewaartermijnen/termijn/pupil_file", Some(RetentionManage)),
        page("/cameratoezicht", Some(CameraView)),
        page("/cameratoezicht/kwaliteitskaart", Some(CameraView)),
        page("/cameratoezicht/kwaliteitskaart?school={school}", Some(CameraView)),
        page("/cameratoezicht/{camera}", Some(CameraView)),
        page("/cameratoezicht/kwaliteitskaart.pdf", Some(CameraView)),
        page("/toegang", Some(StaffView)),
        page("/toegang/medewerkers", Some(StaffView)),
        page("/toegang/medewerkers/{staff}", Some(StaffView)),
        page("/toegang/vertrekkers", Some(StaffView)),
        page("/toegang/wijzigingen", Some(StaffView)),
        page("/toegang/wijzigingen/{change}", Some(StaffView)),
        page("/toegang/accounts/{system}", Some(AccountsImport)),
        page("/toegang/controles", Some(AccessReviewView)),
        page("/toegang/controles/{campaign}", Some(AccessReviewView)),
        page("/toegang/controles/{campaign}/rapport.pdf", Some(AccessReviewView)),
        page("/toegang/systemen", Some(AccessPolicyView)),
        page("/toegang/systemen/{system}", Some(AccessPolicyView)),
        page("/toegang/systemen/{system}/matrix.pdf", Some(AccessPolicyView)),
        page("/toegang/systemen/{system}/versies/1", Some(AccessPolicyView)),
        page("/beleid", Some(PolicyRead)),
        page("/beleid/{policy}", Some(PolicyRead)),
        page("/beleid/{policy}/ondertekeningen", Some(SignatureView)),
        page("/zelfevaluatie", Some(SelfAssessmentView)),
        page("/bewustwording", Some(AwarenessView)),
        page("/bewustwording/{activity}", Some(AwarenessView)),
        page("/jaarplanning", Some(CalendarView)),
        page("/jaarplanning?schooljaar=2026-2027", Some(CalendarView)),
        page("/zelfevaluatie/aantoonbaar-basis/PRG.1", Some(SelfAssessmentView)),
    ]
}

/// The fixture's records a page shows, by the placeholder of its path.
struct Records {
    camera: String,
    staff: String,
    change: String,
    system: String,
    campaign: String,
    /// A code of conduct in force.
    policy: String,
    activity: String,
}

impl Records {
    async fn create(app: &crate::helpers::TestApp, admin: &str, f: &Fixture) -> Self {
        use crate::helpers::json;
        use serde_json::json;
        let staff = json!({"given_name": "Kees", "surname": "Kok", "email": "kees@proef.nl", "school_id": f.school,
            "roles": ["OP"], "employment_start": "2024-08-01", "employment_end": "2026-12-04"});
        let staff = json(app.post(admin, "/api/v1/staff", &staff).await, 201).await["id"].as_str().unwrap().to_owned();
        let system = system(app, admin).await;
        let imported = app
            .request(reqwest::Method::POST, Some(admin), &format!("/api/v1/systems/{system}/accounts/import"))
            .header("content-type", "text/csv")
            .body("Gebruikersnaam;E-mail;Profiel\nkkok;kees@proef.nl;Leerkracht\n")
            .send()
            .await
            .unwrap();
        assert_eq!(imported.status(), 200);
        let changes = json(app.get(admin, "/api/v1/access/changes").await, 200).await;
        let change = changes[0]["id"].as_str().unwrap().to_owned();
        let campaign = json!({"deadline": "2026-12-31"});
        let campaign = json(app.post(admin, "/api/v1/access/reviews", &campaign).await, 201).await;
        let campaign = campaign["id"].as_str().unwrap().to_owned();
        let policy = json!({"kind": "code_of_conduct", "title": "Gedragscode", "version": "1", "text": "Code"});
        let policy =
            json(app.post(admin, "/api/v1/policies", &policy).await, 201).await["id"].as_str().unwrap().to_owned();
        let adoption = json!({"adopted_on": "2026-11-22", "by": "CvB", "gmr_consent_on": "2026-11-15"});
        json(app.post(admin, &format!("/api/v1/policies/{policy}/adopt"), &adoption).await, 200).await;
        let activity = json!({"kind": "refresher", "title": "Privacy-opfrisser", "held_on": "2026-09-14",
            "audience": "school", "school_id": f.school});
        let activity = json(app.post(admin, "/api/v1/awareness", &activity).await, 201).await;
        let activity = activity["id"].as_str().unwrap().to_owned();
        json(app.post(admin, "/api/v1/calendar/years", &json!({"school_year": "2026-2027"})).await, 201).await;
        Self { camera: camera(app, admin, f).await, staff, change, system, campaign, policy, activity }
    }

    fn path(&self, f: &Fixture, path: &str) -> String {
        path.replace("{school}", &f.school)
            .replace("{group}", &f.group)
            .replace("{pupil}", &f.pupil)
            .replace("{camera}", &self.camera)
            .replace("{staff}", &self.staff)
            .replace("{change}", &self.change)
            .replace("{system}", &self.system)
            .replace("{campaign}", &self.campaign)
            .replace("{policy}", &self.policy)
            .replace("{activity}", &self.activity)
    }
}

/// A camera at the fixture's school, for its page.
async fn camera(app: &crate::helpers::TestApp, admin: &str, f: &Fixture) -> String {
    let body = serde_json::json!({"school_id": f.school, "name": "Plein", "location": "Hoofdingang",
        "coverage": "Het plein", "balancing": "Afgewogen", "signs": true, "viewers": "Directeur"});
    crate::helpers::json(app.post(admin, "/api/v1/cameras", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

/// A system of the fixture's board with an access policy and version 1 of its matrix, for its pages.
async fn system(app: &crate::helpers::TestApp, admin: &str) -> String {
    use crate::helpers::json;
    let body = serde_json::json!({"name": "ParnasSys", "classification": "confidential"});
    let id = json(app.post(admin, "/api/v1/systems", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let matrix =
        serde_json::json!({"rows": [{"role": "OP", "profile": "Leerkracht", "rights": ["view"], "scope": "group"}]});
    let saved = app.request(reqwest::Method::PUT, Some(admin), &format!("/api/v1/systems/{id}/matrix"));
    json(saved.json(&matrix).send().await.unwrap(), 200).await;
    id
}

story!(every_role_sees_exactly_the_pages_the_policy_table_allows, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 13).await;
    let records = Records::create(&app, &admin, &f).await;
    let mut wrong = Vec::new();
    for role in Role::ALL {
        let scope = role.natural_scope();
        let scope_ids: Vec<&str> = match scope {
            ScopeKind::Board => vec![],
            ScopeKind::School => vec![f.school.as_str()],
            ScopeKind::Groups => vec![f.group.as_str()],
        };
        let email = format!("pagina-{}@proef.nl", role.code().to_lowercase());
        app.staff(&board, &email, *role, scope, &scope_ids).await;
        app.sign_in(&email, PASSWORD).await;
        for page in pages() {
            let path = records.path(&f, page.path);
            let allowed = page.action.is_none_or(|action| permits(&[*role], scope, action));
            let (status, _) = app.page(&path).await;
            let expected = if allowed { 200 } else { 403 };
            if status != expected {
                wrong.push(format!("{role:?} {path}: {status}, expected {expected}"));
            }
        }
        app.sign_out().await;
    }
    assert!(wrong.is_empty(), "pages that do not follow the policy table:\n{}", wrong.join("\n"));
});

// A signed-out visitor is sent to sign in from every staff page.
story!(a_signed_out_visitor_is_sent_to_sign_in_from_every_staff_page, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 14).await;
    let records = Records::create(&app, &admin, &f).await;
    for page in pages() {
        let path = records.path(&f, page.path);
        let response = app.client.get(format!("{}{path}", app.address)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 303, "{path}");
        assert_eq!(response.headers()["location"], "/aanmelden", "{path}");
    }
});
