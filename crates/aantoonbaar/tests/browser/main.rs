//! Browser tests: headless Chromium drives the real server through the pages a
//! person uses, and axe-core checks every page (no serious or critical
//! accessibility violation). A failing test leaves a screenshot in
//! `test-artifacts/`.

#![expect(clippy::expect_used, clippy::panic, reason = "a failing test should fail loudly")]

#[path = "../api/helpers.rs"]
#[expect(dead_code, reason = "shared with the API tests, which use all of it")]
mod helpers;
mod webdriver;

use aantoonbaar_rules::{Role, ScopeKind};
use helpers::{Backend, Fixture, PASSWORD, TestApp};
use std::future::Future;
use std::sync::Arc;
use webdriver::Browser;

/// Runs a story with a browser; on failure saves a screenshot, then fails.
async fn with_browser<F, Fut>(name: &str, story: F)
where
    F: FnOnce(Arc<Browser>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let browser = Arc::new(Browser::start().await);
    let outcome = tokio::spawn(story(Arc::clone(&browser))).await;
    if let Err(failure) = outcome {
        let shot = browser.screenshot(&format!("failure-{name}")).await;
        eprintln!("screenshot of the failure: {}", shot.display());
        std::panic::resume_unwind(failure.into_panic());
    }
}

/// Checks the page a person sees now with axe-core, at a desktop width and as
/// a phone 390 px wide, where the page itself must not scroll sideways (a wide
/// table scrolls inside its own box). With `AANTOONBAAR_SCREENSHOTS` set, also
/// keeps screenshots of both in `test-artifacts/` to look at.
async fn accessible(browser: &Browser, page: &str) {
    let name = page.replace(['/', ' '], "_");
    if std::env::var_os("AANTOONBAAR_SCREENSHOTS").is_some() {
        browser.screenshot(&name).await;
    }
    let violations = browser.serious_accessibility_violations().await;
    assert!(violations.is_empty(), "{page}: serious accessibility violations: {violations:#?}");

    browser.phone_width(true).await;
    if std::env::var_os("AANTOONBAAR_SCREENSHOTS").is_some() {
        browser.screenshot(&format!("{name}-phone")).await;
    }
    let (page_width, window_width) = browser.page_and_window_width().await;
    let violations = browser.serious_accessibility_violations().await;
    browser.phone_width(false).await;
    assert!(
        page_width <= window_width,
        "{page}: at 390 px the page is {page_width} px wide and scrolls sideways (window {window_width} px)"
    );
    assert!(violations.is_empty(), "{page} at 390 px: serious accessibility violations: {violations:#?}");
}

const EXPORT: &str = "Leerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Groep;Datum inschrijving;Gezinssituatie;Ouder1Roepnaam;Ouder1Achternaam;Ouder1Email;Ouder1Relatie;Ouder1Gezag;Ouder1Erkend\n\
5001;Fenna;de;Wit;12-05-2018;Groep 3;20-08-2022;gescheiden;Ilse;Wit;ilse@ouders.example;moeder;ja;ja\n\
5002;Ravi;;Singh;03-11-2017;Groep 4;20-08-2021;samen;Priya;Singh;priya@ouders.example;moeder;ja;ja\n";

#[tokio::test]
async fn an_ibp_manager_signs_in_with_a_code_imports_pupils_opens_one_and_finds_that_view_in_the_logbook() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    helpers::json(
        app.post(&token, "/api/v1/schools", &serde_json::json!({"name": "OBS De Linde", "brin": "11AA"})).await,
        201,
    )
    .await;
    let file = std::env::temp_dir().join(format!("export-{}.csv", uuid::Uuid::new_v4().simple()));
    std::fs::write(&file, EXPORT).unwrap();

    let app2 = Arc::clone(&app);
    with_browser("staff", move |browser| async move {
        let app = app2;
        let base = app.address.clone();
        browser.goto(&format!("{base}/aanmelden")).await;
        accessible(&browser, "sign-in").await;
        browser.fill("#email", "ibp@proef.nl").await;
        browser.fill("#password", PASSWORD).await;
        browser.click("form[action='/aanmelden'] button").await;
        assert!(browser.url().await.ends_with("/aanmelden/code"));
        accessible(&browser, "code").await;
        app.clock.advance(jiff::SignedDuration::from_secs(30));
        browser.fill("#code", &app.code("ibp@proef.nl")).await;
        browser.click("form[action='/aanmelden/code'] button").await;
        assert_eq!(browser.url().await, format!("{base}/"));
        accessible(&browser, "dashboard").await;

        browser.goto(&format!("{base}/import")).await;
        accessible(&browser, "import").await;
        browser.click("#school_id option:nth-child(2)").await;
        browser.attach("#file", &file).await;
        browser.click("form[enctype='multipart/form-data'] button").await;
        let preview = browser.source().await;
        assert!(preview.contains("Controle") && preview.contains("Fenna de Wit"), "{preview}");
        accessible(&browser, "import preview").await;
        browser.click("form[action='/import/bevestigen'] button").await;
        assert!(browser.source().await.contains("Import voltooid"));
        accessible(&browser, "import done").await;
        browser.goto(&format!("{base}/import/kolommen")).await;
        accessible(&browser, "import columns").await;

        browser.goto(&format!("{base}/leerlingen?q=wit")).await;
        accessible(&browser, "pupils").await;
        browser.click("td a").await;
        let pupil = browser.source().await;
        assert!(pupil.contains("Fenna de Wit") && pupil.contains("Ilse Wit"), "{pupil}");
        accessible(&browser, "pupil").await;

        browser.goto(&format!("{base}/logboek?leerling=5001")).await;
        let logbook = browser.source().await;
        assert!(logbook.contains("Bekeken") && logbook.contains("ibp@proef.nl"), "{logbook}");
        accessible(&browser, "logbook").await;

        for page in ["/scholen", "/gebruikers", "/tokens", "/uitgaande-post"] {
            browser.goto(&format!("{base}{page}")).await;
            accessible(&browser, page).await;
        }
    })
    .await;
}

#[tokio::test]
async fn a_parent_signs_in_from_the_outbox_link_and_sees_only_their_own_child() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    Fixture::create(&app, &token, 71).await;

    let app2 = Arc::clone(&app);
    with_browser("parent", move |browser| async move {
        let app = app2;
        let base = app.address.clone();
        browser.goto(&format!("{base}/ouders")).await;
        accessible(&browser, "portal").await;
        browser.fill("#email", "eva@voorbeeld.nl").await;
        browser.click("form[action='/ouders'] button").await;
        assert!(browser.source().await.contains("Als dit e-mailadres"));
        accessible(&browser, "link sent").await;

        let mail = app.store.board(&board).outbox(1).await.unwrap().remove(0);
        let link = mail.body.split_whitespace().find(|w| w.contains("/ouders/inloggen/")).unwrap().to_owned();
        let path = link.split_once("/ouders/").map(|(_, p)| format!("/ouders/{p}")).unwrap();
        browser.goto(&format!("{base}{path}")).await;
        accessible(&browser, "continue").await;
        browser.click("form button").await;
        let children = browser.source().await;
        assert!(browser.url().await.ends_with("/ouders/kinderen"));
        assert!(children.contains("Sanne van der Berg"));
        assert_eq!(children.matches("class=\"card child\"").count(), 1, "only the own child");
        accessible(&browser, "children").await;
    })
    .await;
}

/// The check above can fail: a page with an image without a text alternative
/// has a critical violation.
#[tokio::test]
async fn the_accessibility_check_finds_a_missing_text_alternative() {
    with_browser("axe", |browser| async move {
        browser.goto("data:text/html,<html lang=nl><title>x</title><main><img src=foto.png></main></html>").await;
        let violations = browser.serious_accessibility_violations().await;
        assert!(violations.iter().any(|v| v.starts_with("image-alt")), "{violations:?}");
    })
    .await;
}

/// The phone check can fail: a page wider than the phone scrolls sideways.
#[tokio::test]
async fn the_phone_width_check_finds_a_page_that_scrolls_sideways() {
    with_browser("phone width", |browser| async move {
        browser.goto("data:text/html,<html lang=nl><title>x</title><main><table><tr><td><div style='width:900px'>breed</div></td></tr></table></main></html>").await;
        browser.phone_width(true).await;
        let (page, window) = browser.page_and_window_width().await;
        browser.phone_width(false).await;
        assert_eq!(window, 390);
        assert!(page > window, "the wide page is found: {page} > {window}");
    })
    .await;
}

#[tokio::test]
async fn a_parent_withdraws_consent_in_the_portal_and_the_teachers_photo_check_then_blocks_that_child() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 72).await;
    let grant = serde_json::json!({"pupil_id": f.pupil, "purpose": "website", "decision": "granted",
        "guardian_id": f.guardian, "decided_at": "2026-09-01T10:00:00+02:00", "channel": "paper"});
    helpers::json(app.post(&token, "/api/v1/consent-decisions", &grant).await, 201).await;
    app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;

    let app2 = Arc::clone(&app);
    with_browser("consent", move |browser| async move {
        let app = app2;
        let base = app.address.clone();
        browser.goto(&format!("{base}/ouders")).await;
        browser.fill("#email", "eva@voorbeeld.nl").await;
        browser.click("form[action='/ouders'] button").await;
        let mail = app.store.board(&board).outbox(1).await.unwrap().remove(0);
        let link = mail.body.split_whitespace().find(|w| w.contains("/ouders/inloggen/")).unwrap().to_owned();
        let path = link.split_once("/ouders/").map(|(_, p)| format!("/ouders/{p}")).unwrap();
        browser.goto(&format!("{base}{path}")).await;
        browser.click("form button").await;
        browser.click(".child a").await;
        accessible(&browser, "parent consent").await;
        browser.click("#nee-website").await;
        browser.click("form[action^='/ouders/kinderen/'] button[type=submit]").await;
        let confirmation = browser.source().await;
        assert!(confirmation.contains("Uw keuzes zijn opgeslagen"), "{confirmation}");
        accessible(&browser, "parent consent saved").await;
        browser.click("#bevestiging a").await;
        assert!(browser.source().await.contains("Kantara"));
        accessible(&browser, "receipt").await;

        browser.goto(&format!("{base}/aanmelden")).await;
        browser.fill("#email", "juf@proef.nl").await;
        browser.fill("#password", PASSWORD).await;
        browser.click("form[action='/aanmelden'] button").await;
        app.clock.advance(jiff::SignedDuration::from_secs(30));
        browser.fill("#code", &app.code("juf@proef.nl")).await;
        browser.click("form[action='/aanmelden/code'] button").await;
        browser.goto(&format!("{base}/toestemming")).await;
        accessible(&browser, "group overview").await;
        browser.goto(&format!("{base}/toestemming/fotocheck")).await;
        accessible(&browser, "photo check").await;
        browser.click("#doel option[value='website']").await;
        browser.click(&format!("#l-{}", f.pupil)).await;
        browser.click("form[action='/toestemming/fotocheck'][method='post'] button").await;
        let verdict = browser.source().await;
        assert!(verdict.contains("Nee, deze foto mag") && verdict.contains("Sanne van der Berg"), "{verdict}");
        assert!(verdict.contains("Toestemming ingetrokken"), "the mother's withdrawal is the reason: {verdict}");
        accessible(&browser, "photo check verdict").await;
    })
    .await;
}

/// Signs a staff member in through the two sign-in pages.
async fn sign_in(browser: &Browser, app: &TestApp, email: &str) {
    browser.goto(&format!("{}/aanmelden", app.address)).await;
    browser.fill("#email", email).await;
    browser.fill("#password", PASSWORD).await;
    browser.click("form[action='/aanmelden'] button").await;
    app.clock.advance(jiff::SignedDuration::from_secs(30));
    browser.fill("#code", &app.code(email)).await;
    browser.click("form[action='/aanmelden/code'] button").await;
}

#[tokio::test]
async fn a_teacher_reports_a_lost_phone_the_director_assesses_it_and_the_dashboard_shows_the_72_hour_clock() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 73).await;
    app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;

    let app2 = Arc::clone(&app);
    with_browser("incident", move |browser| async move {
        let app = app2;
        let base = app.address.clone();
        sign_in(&browser, &app, "juf@proef.nl").await;
        browser.click("nav a[href='/incidenten']").await;
        accessible(&browser, "incident register (teacher)").await;
        browser.click("main a[href='/incidenten/melden']").await;
        accessible(&browser, "incident report form").await;
        browser
            .fill("#what_happened", "Mijn telefoon met de schoolmail en de groepsapp is in de bus blijven liggen.")
            .await;
        browser.click(&format!("#school_id option[value='{}']", f.school)).await;
        browser.fill("#data_concerned", "e-mails met ouders, klassenlijst").await;
        browser.fill("#people_concerned", "leerlingen en ouders van groep 3").await;
        browser.fill("#device", "eigen telefoon, pincode 0000").await;
        browser.click("form[action='/incidenten/melden'] button").await;
        let registered = browser.source().await;
        assert!(registered.contains("INC-2026-0001"), "the teacher gets the reference: {registered}");
        accessible(&browser, "incident reported").await;
        browser.click("form[action='/afmelden'] button").await;

        sign_in(&browser, &app, "directeur@proef.nl").await;
        browser.goto(&format!("{base}/incidenten")).await;
        accessible(&browser, "incident register (director)").await;
        browser.click("td a").await;
        accessible(&browser, "incident page").await;
        browser.click("#personal_data-ja").await;
        browser.click("#confidentiality-unknown_recipient").await;
        browser.click("#data_categories-contact").await;
        browser.click("#data_categories-communications").await;
        browser.click("#data_categories-behaviour").await;
        browser.fill("#subjects", "30").await;
        browser.click("#children-ja").await;
        browser.click("#encrypted-nee").await;
        browser.click("form[action$='/beoordeling'] button[type=submit]").await;
        let assessed = browser.source().await;
        assert!(assessed.contains("Onderbouwing") && assessed.contains("D Tester"), "who decided, by name: {assessed}");
        assert!(assessed.contains("Uiterlijk melden op"), "the 72-hour clock: {assessed}");
        accessible(&browser, "incident assessed").await;
        // The pupils concerned are found by name and ticked, also on a touch screen.
        browser.fill("#leerling", "Sanne").await;
        browser.click("form[method='get'][action^='/incidenten/'] button").await;
        accessible(&browser, "incident pupil search").await;
        browser.click(&format!("#leerling-{}", f.pupil)).await;
        browser.click("form[action$='/betrokkenen'] button").await;
        let linked = browser.source().await;
        assert!(linked.contains("Sanne van der Berg <span class=\"tag\">leerling</span>"), "{linked}");

        browser.goto(&format!("{base}/")).await;
        let dashboard = browser.source().await;
        assert!(dashboard.contains("INC-2026-0001") && dashboard.contains("25-11-2026 10:00"), "{dashboard}");
        assert!(dashboard.contains("nog 2 d 23 u"), "the time left: {dashboard}");
        accessible(&browser, "dashboard with clock").await;

        browser.goto(&format!("{base}/kwetsbaarheid-melden/Stichting%20Proef")).await;
        assert!(browser.source().await.contains("binnen 3 dagen"));
        accessible(&browser, "responsible disclosure").await;
    })
    .await;
}

#[tokio::test]
async fn a_parent_files_an_access_request_in_the_portal_and_the_directors_answer_reaches_the_outbox() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 73).await;
    app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;

    let app2 = Arc::clone(&app);
    with_browser("requests", move |browser| async move {
        let app = app2;
        let base = app.address.clone();
        browser.goto(&format!("{base}/ouders")).await;
        browser.fill("#email", "eva@voorbeeld.nl").await;
        browser.click("form[action='/ouders'] button").await;
        let mail = app.store.board(&board).outbox(1).await.unwrap().remove(0);
        let link = mail.body.split_whitespace().find(|w| w.contains("/ouders/inloggen/")).unwrap().to_owned();
        let path = link.split_once("/ouders/").map(|(_, p)| format!("/ouders/{p}")).unwrap();
        browser.goto(&format!("{base}{path}")).await;
        browser.click("form button").await;
        browser.click("a[href$='/verzoek']").await;
        accessible(&browser, "portal request").await;
        browser.click("#kind option[value='access']").await;
        browser.fill("#details", "Ik wil graag weten welke gegevens de school heeft.").await;
        browser.click("form[action$='/verzoek'] button").await;
        let filed = browser.source().await;
        assert!(filed.contains("Uw verzoek is ontvangen") && filed.contains("22-12-2026"), "{filed}");
        accessible(&browser, "portal request filed").await;

        sign_in(&browser, &app, "directeur@proef.nl").await;
        let dashboard = browser.source().await;
        assert!(dashboard.contains("Open verzoeken") && dashboard.contains("Inzage"), "{dashboard}");
        accessible(&browser, "dashboard with requests").await;
        browser.click("tr a[href^='/verzoeken/']").await;
        let request = browser.source().await;
        assert!(request.contains("Aangemeld in het ouderportaal") && request.contains("Eva Berg"), "{request}");
        accessible(&browser, "request").await;
        browser.click("a[href$='/overzicht']").await;
        let overview = browser.source().await;
        assert!(
            overview.contains("Sanne van der Berg") && overview.contains("Autoriteit Persoonsgegevens"),
            "{overview}"
        );
        accessible(&browser, "access overview").await;
        browser.click("p.noprint a:last-child").await;
        browser.click("#outcome option[value='granted']").await;
        browser.click("form[action$='/besluit'] button").await;
        assert!(browser.source().await.contains("Toegewezen"));
        accessible(&browser, "request decided").await;
        for page in ["/verzoeken", "/verzoeken/nieuw"] {
            browser.goto(&format!("{base}{page}")).await;
            accessible(&browser, page).await;
        }

        let outbox = app.store.board(&board).outbox(20).await.unwrap();
        let answer = outbox
            .iter()
            .find(|m| m.recipient == "eva@voorbeeld.nl" && m.subject.starts_with("Antwoord"))
            .expect("the answer letter in the outbox");
        assert!(answer.body.contains("toegewezen") && answer.body.contains("overzicht"), "{}", answer.body);
    })
    .await;
}

#[tokio::test]
async fn an_ibp_manager_previews_the_invitations_and_reminders_of_one_school_sends_them_once_and_opens_who_did_not_answer()
 {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 63).await;

    let app2 = Arc::clone(&app);
    with_browser("reminders", move |browser| async move {
        let app = app2;
        let base = app.address.clone();
        sign_in(&browser, &app, "ibp@proef.nl").await;
        browser.goto(&format!("{base}/toestemming/ronde")).await;
        accessible(&browser, "consent round").await;
        let invite = "form[action='/toestemming/ronde/uitnodigen'] button:not([formaction])";
        let remind = "button[formaction='/toestemming/ronde/herinneren']";
        browser.click(invite).await;
        assert!(browser.source().await.contains("kies een school"), "no school chosen is refused");
        accessible(&browser, "consent round refused").await;

        // The invitations: counted, confirmed, and a second time nothing goes.
        browser.click(&format!("#school_id option[value='{}']", f.school)).await;
        browser.click(invite).await;
        let preview = browser.source().await;
        assert!(preview.contains("1 uitnodiging gaat naar 1 ouder."), "{preview}");
        accessible(&browser, "invitation preview").await;
        browser.click("form[action='/toestemming/ronde/uitnodigen'] button").await;
        assert!(browser.source().await.contains("1 e-mail verstuurd"));
        browser.click(&format!("#school_id option[value='{}']", f.school)).await;
        browser.click(invite).await;
        assert!(browser.source().await.contains("Er gaan nu geen uitnodigingen weg."));

        browser.goto(&format!("{base}/toestemming/ronde")).await;
        browser.click(&format!("#school_id option[value='{}']", f.school)).await;
        browser.click(remind).await;
        let preview = browser.source().await;
        assert!(preview.contains("1 herinnering gaat naar 1 ouder."), "{preview}");
        accessible(&browser, "reminder preview").await;
        browser.click("form[action='/toestemming/ronde/herinneren'] button").await;
        assert!(browser.source().await.contains("1 e-mail verstuurd"));
        // The same school again: the preview says nothing would go, as nothing may.
        browser.goto(&format!("{base}/toestemming/ronde")).await;
        browser.click(&format!("#school_id option[value='{}']", f.school)).await;
        browser.click(remind).await;
        assert!(browser.source().await.contains("Er gaan nu geen herinneringen weg."));
        let outbox = app.store.board(&board).outbox(20).await.unwrap();
        assert_eq!(outbox.iter().filter(|m| m.subject.starts_with("Herinnering")).count(), 1);
        assert_eq!(outbox.iter().filter(|m| m.subject.starts_with("Toestemming voor")).count(), 1);

        browser.goto(&format!("{base}/toestemming/ronde")).await;
        browser.click(&format!("a[href='/toestemming/ronde/groepen/{}']", f.group)).await;
        let open = browser.source().await;
        assert!(
            open.contains("Sanne van der Berg") && open.contains("Eva Berg") && open.contains("herinnerd op"),
            "{open}"
        );
        accessible(&browser, "pupils not answered").await;
    })
    .await;
}

/// Runs a poppler tool (pdfinfo, pdftotext) over a PDF and returns what it printed.
fn poppler(tool: &str, pdf: &[u8]) -> String {
    let file = std::env::temp_dir().join(format!("aantoonbaar-print-{}.pdf", uuid::Uuid::new_v4().simple()));
    std::fs::write(&file, pdf).expect("temporary file");
    let mut command = std::process::Command::new(tool);
    command.arg(&file);
    if tool == "pdftotext" {
        command.args(["-layout", "-"]);
    }
    let output = command.output().expect("poppler-utils");
    std::fs::remove_file(&file).ok();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[tokio::test]
async fn a_teacher_prints_the_group_overview_of_thirty_pupils_on_one_landscape_a4_with_the_date_and_the_group() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 74).await;
    let names = ["Maximiliaan", "Anne-Fleur", "Mohammed", "Fenna", "Jayden", "Sophie", "Ravi", "Zoë", "Liv", "Bram"];
    for i in 0..29_u16 {
        let body = serde_json::json!({"school_id": f.school, "group_id": f.group,
            "given_name": names[usize::from(i) % names.len()], "surname_prefix": "van den",
            "surname": "Heuvel-Oosterhout", "birth_date": format!("2019-{:02}-{:02}", 1 + i % 12, 1 + i),
            "external_number": format!("{}", 1100 + i), "enrolment_date": "2023-08-20"});
        let pupil = helpers::json(app.post(&token, "/api/v1/pupils", &body).await, 201).await;
        if i % 3 == 0 {
            let grant = serde_json::json!({"pupil_id": pupil["id"], "purpose": "website", "decision": "granted",
                "guardian_id": f.guardian, "channel": "paper"});
            let link = serde_json::json!({"guardian_id": f.guardian, "relation": "mother", "holds_custody": true,
                "recognised": true});
            let path = format!("/api/v1/pupils/{}/guardians", pupil["id"].as_str().expect("id"));
            helpers::json(app.post(&token, &path, &link).await, 201).await;
            helpers::json(app.post(&token, "/api/v1/consent-decisions", &grant).await, 201).await;
            let refusal = serde_json::json!({"pupil_id": pupil["id"], "purpose": "newsletter", "decision": "refused",
                "guardian_id": f.guardian, "channel": "paper"});
            helpers::json(app.post(&token, "/api/v1/consent-decisions", &refusal).await, 201).await;
        }
    }
    app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;

    let app2 = Arc::clone(&app);
    with_browser("print", move |browser| async move {
        let app = app2;
        sign_in(&browser, &app, "juf@proef.nl").await;
        browser.goto(&format!("{}/toestemming?groep={}", app.address, f.group)).await;
        accessible(&browser, "group overview of thirty").await;
        assert!(browser.displayed("button[data-print]").await, "the print button works with the page's script");
        let pdf = browser.print_landscape_a4().await;
        let info = poppler("pdfinfo", &pdf);
        assert!(info.lines().any(|l| l.starts_with("Pages:") && l.ends_with(" 1")), "one page: {info}");
        let text = poppler("pdftotext", &pdf);
        assert!(text.contains("Stand op 22-11-2026") && text.contains("Groep 3, OBS De Linde"), "{text}");
        assert!(text.contains("Maximiliaan van den Heuvel-Oosterhout") && text.contains("geen keuze"), "{text}");
        for absent in ["Afdrukken", "Medische gegevens", "Fotocheck"] {
            assert!(!text.contains(absent), "{absent} is not printed: {text}");
        }
    })
    .await;
}

#[tokio::test]
async fn an_ibp_manager_starts_the_register_from_the_template_records_a_supplier_and_the_board_adopts_it() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    app.staff(&board, "bestuur@proef.nl", Role::Cvb, ScopeKind::Board, &[]).await;

    let app2 = Arc::clone(&app);
    with_browser("register", move |browser| async move {
        let app = app2;
        let base = app.address.clone();
        sign_in(&browser, &app, "ibp@proef.nl").await;
        browser.click("nav a[href='/register']").await;
        assert!(browser.source().await.contains("Begin met het voorbeeldregister"));
        accessible(&browser, "empty register").await;

        browser.goto(&format!("{base}/register/profiel")).await;
        browser.fill("#name", "Stichting Proef").await;
        browser.fill("#address", "Schoolstraat 1, 6411 AA Heerlen").await;
        browser.fill("#contact_email", "info@proef.nl").await;
        browser.fill("#dpo-name", "Fenna Visser").await;
        browser.fill("#dpo-email", "fg@proef.nl").await;
        accessible(&browser, "profile").await;
        browser.click("form[action='/register/profiel'] button").await;

        browser.goto(&format!("{base}/register")).await;
        browser.click("form[action='/register/voorbeeld'] button").await;
        let register = browser.source().await;
        assert!(register.contains("Leerlingadministratie") && register.contains("Cameratoezicht"), "{register}");
        accessible(&browser, "register from the template").await;
        browser.click("td a[href^='/register/']").await;
        accessible(&browser, "activity").await;

        // A supplier without an agreement lands in the queue.
        browser.goto(&format!("{base}/leveranciers")).await;
        browser.fill("#supplier-name", "Oefenapp Inc.").await;
        browser.fill("#supplier-data_location", "US").await;
        browser.click("form[action='/leveranciers'] button").await;
        let suppliers = browser.source().await;
        assert!(suppliers.contains("Oefenapp Inc."), "{suppliers}");
        accessible(&browser, "suppliers").await;
        for page in [
            "/systemen",
            "/ontvangers",
            "/register/nieuw",
            "/register/export",
            "/register/import",
            "/register/import/indeling",
        ] {
            browser.goto(&format!("{base}{page}")).await;
            accessible(&browser, page).await;
        }
        browser.click("form[action='/afmelden'] button").await;

        // The board adopts and lands on the version with its decision; the register lists it.
        sign_in(&browser, &app, "bestuur@proef.nl").await;
        browser.goto(&format!("{base}/register")).await;
        browser.fill("#decision", "Besluit CvB 2026-14").await;
        browser.click("form[action='/register/vaststellen'] button").await;
        assert!(browser.url().await.ends_with("/register/versies/1"));
        let adopted = browser.source().await;
        assert!(adopted.contains("Besluit CvB 2026-14") && adopted.contains("Leerlingadministratie"), "{adopted}");
        accessible(&browser, "adopted version").await;
        browser.goto(&format!("{base}/register")).await;
        assert!(browser.source().await.contains("href=\"/register/versies/1\""));
        accessible(&browser, "register adopted").await;
        browser.click("form[action='/afmelden'] button").await;

        // The IBP manager checks the privacy statement's coverage and publishes it for the public site.
        sign_in(&browser, &app, "ibp@proef.nl").await;
        browser.goto(&format!("{base}/privacyverklaring")).await;
        assert!(browser.source().await.contains("Controle per wetsartikel"));
        accessible(&browser, "privacy statement").await;
        browser.click("form[action='/privacyverklaring/publiceren'] button").await;
        browser.click("a[href^='/privacyverklaring/']").await;
        let public = browser.source().await;
        assert!(public.contains("Versie 1") && public.contains("Fenna Visser"), "{public}");
        accessible(&browser, "public privacy statement").await;
    })
    .await;
}

#[tokio::test]
async fn a_teacher_screens_a_new_app_for_a_dpia_and_sees_every_reason_with_its_source() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 81).await;
    app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    let app2 = Arc::clone(&app);
    with_browser("dpia", move |browser| async move {
        let app = app2;
        // A teacher, who cannot open the register, finds the screening on the dashboard.
        sign_in(&browser, &app, "juf@proef.nl").await;
        browser.click("main a[href='/dpia/screening']").await;
        assert!(browser.source().await.contains("Van wie zijn de gegevens?"));
        accessible(&browser, "dpia screening").await;

        browser.click("#wie-pupils").await;
        browser.click("#gegevens-identification").await;
        browser.click("#gegevens-performance").await;
        browser.fill("#subject_count", "250").await;
        browser.click("#techniek-scoring_performance").await;
        browser.click("form[action='/dpia/screening'] button").await;
        let page = browser.source().await;
        assert!(page.contains("Een DPIA is verplicht") && page.contains("AP-lijst, punt 15"), "{page}");
        assert!(page.contains("value=\"250\""), "what was typed stays: {page}");
        accessible(&browser, "dpia screening outcome").await;
    })
    .await;
}

#[tokio::test]
async fn an_ibp_manager_starts_the_risk_analysis_from_the_policy_reads_the_heat_map_and_records_measures() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;

    let app2 = Arc::clone(&app);
    with_browser("risks", move |browser| async move {
        let app = app2;
        sign_in(&browser, &app, "ibp@proef.nl").await;
        browser.click("nav a[href='/risicos']").await;
        assert!(browser.source().await.contains("Begin met de risico"));
        accessible(&browser, "empty risk analysis").await;

        browser.click("form[action='/risicos/beleid'] button").await;
        let list = browser.source().await;
        assert!(list.contains("Cultuur en discipline met autorisaties niet goed"), "{list}");
        assert!(list.contains("Risicokaart"), "{list}");
        accessible(&browser, "risk analysis").await;

        // The heat map prints with its levels written out, not as colour alone.
        let pdf = browser.print_landscape_a4().await;
        let text = poppler("pdftotext", &pdf);
        assert!(text.contains("Risicokaart") && text.contains("(score 9, Hoog)"), "{text}");

        browser.click("td a[href^='/risicos/']").await;
        accessible(&browser, "one risk").await;
        browser.fill("#risk-measures", "Autorisaties per rol; accounts dicht op de laatste werkdag").await;
        browser.click("form[action^='/risicos/'] button").await;
        assert!(browser.source().await.contains("Autorisaties per rol"));

        // The self-assessment against the shipped framework, one norm opened.
        browser.click("nav a[href='/zelfevaluatie']").await;
        accessible(&browser, "self-assessment").await;
        browser.click("td a[href^='/zelfevaluatie/']").await;
        accessible(&browser, "one norm").await;
    })
    .await;
}

#[tokio::test]
async fn a_teacher_files_a_pre_dpia_for_a_learning_app_the_fg_answers_and_the_teacher_reads_the_answer() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 82).await;
    app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let app2 = Arc::clone(&app);
    with_browser("pre-dpia", move |browser| async move {
        let app = app2;
        let base = app.address.clone();
        sign_in(&browser, &app, "juf@proef.nl").await;
        browser.click("main a[href='/dpia/aanvragen']").await;
        accessible(&browser, "pre-dpia requests").await;
        browser.fill("#predpia-app_name", "Rekenmaatje").await;
        browser.fill("#predpia-website", "https://rekenmaatje.example").await;
        browser.fill("#predpia-purpose", "Tafels oefenen met directe feedback").await;
        browser.click("#gegevens-identification").await;
        browser.click("#gegevens-performance").await;
        browser.fill("#predpia-supplier", "Rekenmaatje BV").await;
        browser.fill("#predpia-groups", "groep 5").await;
        browser.fill("#predpia-pupil_count", "27").await;
        browser.click("#techniek-scoring_performance").await;
        browser.click("form[action='/dpia/aanvragen'] button").await;
        let filed = browser.source().await;
        assert!(filed.contains("Wacht op antwoord") && filed.contains("Deze leverancier staat niet in het register"));
        accessible(&browser, "pre-dpia filed").await;
        browser.click("form[action='/afmelden'] button").await;

        sign_in(&browser, &app, "fg@proef.nl").await;
        browser.goto(&format!("{base}/dpia/aanvragen")).await;
        browser.click("td a[href^='/dpia/aanvragen/']").await;
        accessible(&browser, "pre-dpia to answer").await;
        browser.click("#besluit-approved_with_conditions").await;
        browser.fill("#answer-text", "Alleen met voornamen; eerst een verwerkersovereenkomst tekenen").await;
        browser.click("form[action$='/antwoord'] button").await;
        assert!(browser.source().await.contains("Goedgekeurd met voorwaarden"));
        browser.click("form[action='/afmelden'] button").await;

        sign_in(&browser, &app, "juf@proef.nl").await;
        browser.goto(&format!("{base}/dpia/aanvragen")).await;
        browser.click("td a[href^='/dpia/aanvragen/']").await;
        let answered = browser.source().await;
        assert!(answered.contains("Goedgekeurd met voorwaarden") && answered.contains("Alleen met voornamen"));
        accessible(&browser, "pre-dpia answered").await;
    })
    .await;
}

#[tokio::test]
async fn an_ibp_manager_writes_a_dpia_from_the_register_the_fg_advises_and_the_board_approves_it() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    app.staff(&board, "cvb@proef.nl", Role::Cvb, ScopeKind::Board, &[]).await;
    let activity = serde_json::json!({"name": "Leerlingvolgsysteem",
        "purposes": [{"text": "Voortgang volgen", "legal_basis": "public_task", "legal_source": "art. 8 WPO"}],
        "subject_categories": ["pupils"], "data_categories": ["identification", "education_progress"]});
    let created = app.post(&token, "/api/v1/processing-activities", &activity).await;
    assert_eq!(created.status(), 201);
    // A pupil who left three years ago, in a destruction batch waiting for its approvals.
    let f = Fixture::create(&app, &token, 83).await;
    let left = serde_json::json!({"leave_date": "2023-11-01", "leave_destination": "secondary_school"});
    assert_eq!(app.patch(&token, &format!("/api/v1/pupils/{}", f.pupil), &left).await.status(), 200);
    let batch = serde_json::json!({"date": app.clock.today().to_string(), "school_id": f.school});
    let batch: serde_json::Value =
        app.post(&token, "/api/v1/retention/batches", &batch).await.json().await.expect("batch");
    let batch_id = batch["id"].as_str().expect("a batch").to_owned();
    let app2 = Arc::clone(&app);
    with_browser("dpia record", move |browser| async move {
        let app = app2;
        let base = app.address.clone();
        sign_in(&browser, &app, "ibp@proef.nl").await;
        browser.click("nav a[href='/dpia']").await;
        accessible(&browser, "dpia list").await;
        browser.click("#new-activity_id option:nth-child(2)").await;
        browser.click("form[action='/dpia'] button").await;
        let page = browser.source().await;
        assert!(page.contains("Voortgang volgen") && page.contains("Noodzaak en evenredigheid"), "{page}");
        accessible(&browser, "new dpia").await;
        browser.fill("#edit-section-proposal", "Het leerlingvolgsysteem volgt de voortgang van elke leerling.").await;
        browser.fill("#edit-section-necessity", "Nodig voor onderwijs op maat; alleen de eigen groep.").await;
        browser.fill("#edit-risk_description-0", "Resultaten worden gezien door andere ouders").await;
        browser.click("#edit-risk_severity-0 option[value='3']").await;
        browser.click("#edit-risk_likelihood-0 option[value='2']").await;
        browser.fill("#edit-risk_measures-0", "Rechten per groep").await;
        browser.fill("#edit-subjects_not_asked", "De leerlingen zijn te jong; de MR is gehoord.").await;
        browser.fill("#edit-advice_response", "Het advies is overgenomen.").await;
        browser.click("form#opgeslagen button").await;
        let saved = browser.source().await;
        assert!(saved.contains("De FG heeft nog geen advies gegeven (AVG art. 35 lid 2)."), "{saved}");
        accessible(&browser, "dpia written").await;
        let location = browser.url().await;
        browser.click("form[action='/afmelden'] button").await;

        sign_in(&browser, &app, "fg@proef.nl").await;
        browser.goto(&location).await;
        browser.fill("#advice-advice", "Akkoord; controleer de rechten jaarlijks.").await;
        browser.click("form[action$='/advies'] button").await;
        browser.click("form[action='/afmelden'] button").await;

        sign_in(&browser, &app, "cvb@proef.nl").await;
        browser.goto(&location).await;
        browser.fill("#approve-decision", "Besluit College van Bestuur 2026-40").await;
        browser.click("form[action$='/vaststellen'] button").await;
        let approved = browser.source().await;
        assert!(approved.contains("data-status=\"approved\"") && approved.contains("Controlegetal"), "{approved}");
        accessible(&browser, "dpia approved").await;
        browser.goto(&format!("{base}/dpia")).await;
        assert!(browser.source().await.contains("Vastgesteld"));
        // The retention rules and the worklist, read by the board.
        browser.click("nav a[href='/bewaartermijnen']").await;
        accessible(&browser, "retention rules").await;
        browser.goto(&format!("{base}/bewaartermijnen/werklijst")).await;
        accessible(&browser, "retention worklist").await;
        browser.goto(&format!("{base}/bewaartermijnen/vernietiging")).await;
        accessible(&browser, "destruction batches").await;
        browser.goto(&format!("{base}/bewaartermijnen/vernietiging/{batch_id}")).await;
        assert!(browser.source().await.contains("Leerlingdossier"));
        accessible(&browser, "destruction batch").await;
        browser.click("form[action='/afmelden'] button").await;

        // The IBP manager places a hold from the worklist, then changes a term after its preview.
        sign_in(&browser, &app, "ibp@proef.nl").await;
        browser.goto(&format!("{base}/bewaartermijnen/werklijst")).await;
        browser.click("a[href^='/bewaartermijnen/blokkades?leerling=']").await;
        accessible(&browser, "place a hold").await;
        browser.fill("#reason", "Ouders overwegen een klacht bij de geschillencommissie").await;
        browser.click("form[action='/bewaartermijnen/blokkades'] button").await;
        assert!(browser.source().await.contains("geschillencommissie"));
        accessible(&browser, "holds").await;
        browser.goto(&format!("{base}/bewaartermijnen/termijn/pupil_file")).await;
        browser.fill("#period", "P3Y").await;
        browser.click("button[name='dry_run']").await;
        assert!(browser.source().await.contains("Wat verandert er?"));
        accessible(&browser, "retention rule preview").await;
        browser.goto(&format!("{base}/bewaartermijnen")).await;
        accessible(&browser, "retention rules and settings").await;
    })
    .await;
}

#[tokio::test]
async fn a_director_adds_a_camera_sees_its_log_and_hold_and_prints_the_kwaliteitskaart() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 93).await;
    app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let incident = serde_json::json!({"school_id": f.school, "what_happened": "Fiets gestolen van het schoolplein",
        "discovered_at": "2026-11-20T16:00:00+01:00"});
    let incident: serde_json::Value =
        app.post(&token, "/api/v1/incidents", &incident).await.json().await.expect("incident");
    let incident = incident["id"].as_str().expect("an incident").to_owned();
    let app2 = Arc::clone(&app);
    with_browser("cameras", move |browser| async move {
        let app = app2;
        let base = app.address.clone();
        sign_in(&browser, &app, "directeur@proef.nl").await;
        browser.click("nav a[href='/cameratoezicht']").await;
        accessible(&browser, "cameras").await;
        browser.click(&format!("#camera-school_id option[value='{}']", f.school)).await;
        browser.fill("#camera-name", "Schoolplein").await;
        browser.fill("#camera-location", "Kleedkamer gymzaal").await;
        browser.fill("#camera-coverage", "Het schoolplein").await;
        browser.fill("#camera-balancing", "Na vandalisme afgewogen; de straat staat niet in beeld.").await;
        browser.click("#camera-signs option[value='ja']").await;
        browser.fill("#camera-viewers", "De directeur").await;
        browser.click("form[action='/cameratoezicht'] button").await;
        let refused = browser.source().await;
        assert!(
            refused.contains("een camera mag niet in een klaslokaal") && refused.contains("Schoolplein"),
            "{refused}"
        );
        accessible(&browser, "camera refused").await;
        browser.fill("#camera-location", "Hoofdingang, buitenkant").await;
        browser.click("form[action='/cameratoezicht'] button").await;
        let camera_url = browser.url().await;
        let camera = camera_url.rsplit('/').next().expect("an id").to_owned();
        assert!(browser.source().await.contains("Er is geen DPIA gekoppeld"));
        accessible(&browser, "camera").await;

        let viewing = serde_json::json!({"kind": "disclosure", "from": "2026-11-20T15:30:00+01:00",
            "to": "2026-11-20T16:15:00+01:00", "reason": "incident", "explanation": "Aangifte",
            "recipient": "police", "request_reference": "PL1600-2026-1", "incident_id": incident});
        assert_eq!(app.post(&token, &format!("/api/v1/cameras/{camera}/log"), &viewing).await.status(), 201);
        let hold = serde_json::json!({"camera_id": camera, "from": "2026-11-20T15:30:00+01:00",
            "to": "2026-11-20T16:15:00+01:00", "incident_id": incident, "reason": "Nodig voor de aangifte"});
        assert_eq!(app.post(&token, "/api/v1/footage-holds", &hold).await.status(), 201);
        browser.goto(&camera_url).await;
        let page = browser.source().await;
        assert!(page.contains("PL1600-2026-1") && page.contains("Nodig voor de aangifte"), "{page}");
        accessible(&browser, "camera with log and hold").await;
        browser.goto(&format!("{base}/incidenten/{incident}")).await;
        assert!(browser.source().await.contains("Camerabeelden bewaard"));
        accessible(&browser, "incident with held footage").await;
        browser.goto(&camera_url).await;
        browser.fill("input[id^='release-']", "Aangifte afgehandeld").await;
        browser.click("form[action$='/vrijgeven'] button").await;
        assert!(browser.source().await.contains("Vrijgegeven door directeur@proef.nl: Aangifte afgehandeld"));
        browser.goto(&format!("{base}/cameratoezicht/kwaliteitskaart")).await;
        let card = browser.source().await;
        assert!(card.contains("Rollen en bevoegdheden") && card.contains("Hoofdingang, buitenkant"), "{card}");
        accessible(&browser, "kwaliteitskaart").await;
    })
    .await;
}

#[tokio::test]
async fn the_ibp_manager_sets_a_systems_policy_and_matrix_and_reads_the_first_version() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let system =
        serde_json::json!({"name": "ParnasSys", "holds": "Leerlinggegevens", "classification": "confidential"});
    let system: serde_json::Value = app.post(&token, "/api/v1/systems", &system).await.json().await.expect("system");
    let id = system["id"].as_str().expect("a system").to_owned();
    let app2 = Arc::clone(&app);
    with_browser("access policy", move |browser| async move {
        let app = app2;
        let base = app.address.clone();
        sign_in(&browser, &app, "ibp@proef.nl").await;
        browser.goto(&format!("{base}/toegang/systemen")).await;
        assert!(browser.source().await.contains("nog geen toegangsbeleid"));
        accessible(&browser, "access systems").await;
        browser.click(&format!("a[href='/toegang/systemen/{id}']")).await;
        accessible(&browser, "access system").await;
        browser.fill("#policy-issued_by", "Stafmedewerker ICT").await;
        browser.click("#policy-provisioning option[value='sync']").await;
        browser.click("#policy-two_step option[value='nee']").await;
        browser.fill("#policy-password_rule", "Minstens 12 tekens").await;
        browser.fill("#policy-owner", "Directeur-bestuurder").await;
        browser.click(&format!("form[action='/toegang/systemen/{id}'] button")).await;
        assert!(browser.source().await.contains("zonder tweestapsverificatie"), "the warning for confidential data");
        browser.click("#r0-role option[value='OP']").await;
        browser.fill("#r0-profile", "Leerkracht").await;
        browser.click("#r0-view").await;
        browser.click("#r0-scope option[value='group']").await;
        browser.click("#r1-role option[value='ST']").await;
        browser.fill("#r1-profile", "Beheerder").await;
        browser.click("#r1-scope option[value='board']").await;
        browser.click("button[value='save']").await;
        let refused = browser.source().await;
        assert!(refused.contains("Regel 2, rechten"), "the row named: {refused}");
        accessible(&browser, "access matrix refused").await;
        browser.click("#r1-view").await;
        browser.click("button[value='add']").await;
        assert!(browser.displayed("#r2-role").await, "a row more");
        browser.click("button[value='save']").await;
        let saved = browser.source().await;
        assert!(saved.contains("Versie 1, opgeslagen"), "{saved}");
        browser.click(&format!("a[href='/toegang/systemen/{id}/versies/1']")).await;
        assert!(browser.source().await.contains("eerste versie"));
        accessible(&browser, "access matrix version").await;
    })
    .await;
}

#[tokio::test]
async fn a_director_completes_her_part_of_the_yearly_access_review() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 94).await;
    app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    for (given, surname) in [("Anna", "Linde"), ("Bert", "Linde")] {
        let person = serde_json::json!({"given_name": given, "surname": surname, "school_id": f.school,
            "email": format!("{}@proef.nl", given.to_lowercase()), "roles": ["OP"], "employment_start": "2020-08-01"});
        assert_eq!(app.post(&token, "/api/v1/staff", &person).await.status(), 201);
    }
    let system: serde_json::Value = app
        .post(&token, "/api/v1/systems", &serde_json::json!({"name": "ParnasSys"}))
        .await
        .json()
        .await
        .expect("system");
    let system = system["id"].as_str().expect("a system").to_owned();
    let accounts = "Gebruikersnaam;E-mail;Profiel\nalinde;anna@proef.nl;Leerkracht\nblinde;bert@proef.nl;Directie\n";
    let imported = app
        .request(reqwest::Method::POST, Some(&token), &format!("/api/v1/systems/{system}/accounts/import"))
        .header("content-type", "text/csv")
        .body(accounts)
        .send()
        .await
        .expect("import");
    assert_eq!(imported.status(), 200);
    let campaign: serde_json::Value = app
        .post(&token, "/api/v1/access/reviews", &serde_json::json!({"deadline": "2026-12-11"}))
        .await
        .json()
        .await
        .expect("campaign");
    let campaign = campaign["id"].as_str().expect("a campaign").to_owned();
    let detail: serde_json::Value =
        app.get(&token, &format!("/api/v1/access/reviews/{campaign}")).await.json().await.expect("detail");
    let item = |username: &str| {
        let items = detail["items"].as_array().expect("items");
        items.iter().find(|i| i["username"] == username).expect("the account")["id"].as_str().expect("id").to_owned()
    };
    let (anna, bert) = (item("alinde"), item("blinde"));
    let app2 = Arc::clone(&app);
    let url = campaign.clone();
    with_browser("access review", move |browser| async move {
        let campaign = url;
        let system = system;
        let app = app2;
        sign_in(&browser, &app, "directeur@proef.nl").await;
        assert!(browser.source().await.contains("accounts wachten op uw besluit"), "the start page asks for it");
        browser.click("nav a[href='/toegang']").await;
        accessible(&browser, "access overview").await;
        browser.click("a[href='/toegang/controles']").await;
        accessible(&browser, "access reviews").await;
        browser.click(&format!("a[href='/toegang/controles/{campaign}']")).await;
        let page = browser.source().await;
        assert!(page.contains("Anna Linde") && page.contains("2 accounts nog zonder besluit"), "{page}");
        accessible(&browser, "access review to decide").await;
        // Anna keeps her account; Bert, a teacher, has the director's profile: reduce it.
        browser.click(&format!("#o-{anna}-keep")).await;
        browser.click(&format!("#o-{bert}-reduce")).await;
        browser.fill(&format!("#n-{bert}"), "Leerkracht, geen directieprofiel").await;
        browser.click(&format!("form[action='/toegang/controles/{campaign}/besluiten'] button")).await;
        let done = browser.source().await;
        assert!(done.contains("Uw deel is klaar"), "{done}");
        assert!(done.contains("Leerkracht, geen directieprofiel"), "the note is kept");
        accessible(&browser, "access review done").await;
        browser.click("form[action='/afmelden'] button").await;
        // The IBP manager's pages of the people side, at desktop and phone width.
        sign_in(&browser, &app, "ibp@proef.nl").await;
        for (path, text) in [
            ("/toegang/medewerkers".to_owned(), "Anna"),
            ("/toegang/vertrekkers".to_owned(), "Er zijn geen vertrekkers."),
            ("/toegang/wijzigingen".to_owned(), "Wijziging aanvragen"),
            (format!("/toegang/accounts/{system}"), "Ingelezen: 22-11-2026"),
        ] {
            browser.goto(&format!("{}{path}", app.address)).await;
            assert!(browser.source().await.contains(text), "{path}");
            accessible(&browser, &path).await;
        }
    })
    .await;
    let detail: serde_json::Value =
        app.get(&token, &format!("/api/v1/access/reviews/{campaign}")).await.json().await.expect("detail");
    assert_eq!(detail["campaign"]["completion"], 100);
    assert_eq!(detail["per_school"][0]["reduce"], 1);
}

/// A person on the staff list of `school`, by e-mail address.
async fn on_staff_list(app: &TestApp, token: &str, given: &str, surname: &str, school: &str) {
    let person = serde_json::json!({"given_name": given, "surname": surname, "school_id": school,
        "email": format!("{}.{}@proef.nl", given.to_lowercase(), surname.to_lowercase()), "roles": ["OP"],
        "employment_start": "2020-08-01"});
    assert_eq!(app.post(token, "/api/v1/staff", &person).await.status(), 201);
}

/// A version of `kind` written through the API, adopted today when `adopt` (with the GMR's consent of a week ago).
async fn policy_version(app: &TestApp, token: &str, kind: &str, title: &str, text: &str, adopt: bool) -> String {
    let body = serde_json::json!({"kind": kind, "title": title, "version": "2.0", "text": text});
    let created: serde_json::Value = app.post(token, "/api/v1/policies", &body).await.json().await.expect("version");
    let id = created["id"].as_str().expect("a version").to_owned();
    if adopt {
        let adoption = serde_json::json!({"adopted_on": "2026-11-22", "by": "CvB", "gmr_consent_on": "2026-11-15"});
        let adopted = app.post(token, &format!("/api/v1/policies/{id}/adopt"), &adoption).await;
        assert_eq!(adopted.status(), 200);
    }
    id
}

#[tokio::test]
async fn a_teacher_signs_the_new_code_of_conduct_and_the_ibp_manager_sees_her_as_signed() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 95).await;
    app.staff(&board, "anna.smit@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    on_staff_list(&app, &token, "Anna", "Smit", &f.school).await;
    on_staff_list(&app, &token, "Bart", "Vos", &f.school).await;
    let text = "Ik deel mijn wachtwoorden met niemand en vergrendel mijn laptop als ik wegloop.";
    let id = policy_version(&app, &token, "code_of_conduct", "Gedragscode ICT-gebruik en privacy", text, true).await;

    let app2 = Arc::clone(&app);
    with_browser("code of conduct", move |browser| async move {
        let app = app2;
        let base = app.address.clone();
        sign_in(&browser, &app, "anna.smit@proef.nl").await;
        let start = browser.source().await;
        assert!(start.contains("Te ondertekenen"), "the start page asks her: {start}");
        assert!(start.contains("Lees en onderteken: Gedragscode ICT-gebruik en privacy."), "{start}");
        accessible(&browser, "dashboard to sign").await;
        browser.click("nav a[href='/beleid']").await;
        assert!(browser.source().await.contains("Nog door u te ondertekenen"));
        accessible(&browser, "policies (teacher)").await;
        browser.click(&format!("section.notice a[href='/beleid/{id}']")).await;
        let page = browser.source().await;
        assert!(page.contains(text), "she reads the text: {page}");
        assert!(!page.contains("Wie heeft ondertekend?"), "a teacher sees no one else's signatures");
        accessible(&browser, "code of conduct to sign").await;

        // Without ticking "gelezen", the browser stops the form ...
        let signing = format!("form[action='/beleid/{id}/ondertekenen'] button");
        browser.click(&signing).await;
        assert_eq!(browser.url().await, format!("{base}/beleid/{id}"), "the browser stops the form");
        assert!(!browser.source().await.contains("U heeft deze versie ondertekend"));
        // ... and without the browser's check, the server refuses it with the reason at the box.
        browser.without_browser_checks().await;
        browser.click(&signing).await;
        let refused = browser.source().await;
        assert!(refused.contains("lees de tekst en vink aan dat u hem gelezen heeft"), "{refused}");
        assert!(!refused.contains("U heeft deze versie ondertekend"), "{refused}");
        assert!(refused.contains("aria-invalid=\"true\" aria-describedby=\"fout-read\""), "the box points to it");
        accessible(&browser, "signing refused").await;

        // By keyboard: space ticks the box, Enter on the button signs.
        browser.press("#read", " ").await;
        assert!(browser.selected("#read").await, "the space ticked the box");
        browser.press(&signing, "\u{E007}").await;
        assert!(browser.url().await.ends_with(&format!("/beleid/{id}?ondertekend=ja")), "{}", browser.url().await);
        let signed = browser.source().await;
        assert!(signed.contains("U heeft deze versie ondertekend op 22-11-2026."), "{signed}");
        assert!(!signed.contains(&format!("action=\"/beleid/{id}/ondertekenen\"")), "no second signing form");
        accessible(&browser, "code of conduct signed").await;
        browser.goto(&format!("{base}/")).await;
        assert!(!browser.source().await.contains("Te ondertekenen"), "nothing left to sign");
        browser.click("form[action='/afmelden'] button").await;

        sign_in(&browser, &app, "ibp@proef.nl").await;
        browser.goto(&format!("{base}/beleid")).await;
        assert!(browser.source().await.contains("Ondertekend: 1 / 2"));
        browser.click(&format!("a[href='/beleid/{id}/ondertekeningen']")).await;
        let page = browser.source().await;
        let (before, signed) = page.split_once("<h2>Ondertekend</h2>").expect("the list of who signed");
        let not_signed = before.split_once("id=\"paper\"").map_or(before, |(list, _)| list);
        assert!(not_signed.contains("Nog niet ondertekend") && not_signed.contains("Bart Vos"), "{page}");
        assert!(!not_signed.contains("Anna Smit"), "she is no longer among those to sign: {page}");
        assert!(signed.contains("Anna Smit") && signed.contains("22-11-2026"), "{page}");
        assert!(signed.contains("In Aantoonbaar") && !signed.contains("Bart Vos"), "{page}");
        accessible(&browser, "signatures").await;
    })
    .await;
}

#[tokio::test]
async fn the_ibp_manager_walks_the_yearly_cycle_policies_report_calendar_and_awareness() {
    let app = Arc::new(TestApp::spawn(Backend::Sqlite).await.unwrap());
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 96).await;
    on_staff_list(&app, &token, "Anna", "Smit", &f.school).await;
    on_staff_list(&app, &token, "Cees", "Bos", &f.other_school).await;
    let code = "Ik deel mijn wachtwoorden met niemand.";
    let code = policy_version(&app, &token, "code_of_conduct", "Gedragscode ICT-gebruik en privacy", code, true).await;
    let text = "Privacyreglement van de stichting: welke gegevens, waarvoor, hoe lang en met wie.";
    policy_version(&app, &token, "privacy_regulation", "Privacyreglement", text, true).await;
    let draft = "Het IBP-beleid: wie waarvoor verantwoordelijk is en hoe we elk jaar nagaan of het werkt.";
    let draft =
        policy_version(&app, &token, "ibp_policy", "Informatiebeveiligings- en privacybeleid", draft, false).await;
    let activity = serde_json::json!({"kind": "training", "title": "Privacy-opfrisser", "held_on": "2026-10-01",
        "audience": "school", "school_id": f.school});
    let activity: serde_json::Value =
        app.post(&token, "/api/v1/awareness", &activity).await.json().await.expect("activity");
    let activity = activity["id"].as_str().expect("an activity").to_owned();

    let app2 = Arc::clone(&app);
    let board_id = board.as_str().to_owned();
    with_browser("yearly cycle", move |browser| async move {
        let app = app2;
        let base = app.address.clone();
        sign_in(&browser, &app, "ibp@proef.nl").await;
        browser.click("nav a[href='/beleid']").await;
        let overview = browser.source().await;
        assert!(overview.contains("Ondertekend: 0 / 2") && overview.contains("Concept"), "{overview}");
        accessible(&browser, "policies").await;

        // The draft, with its adoption form; the CvB adopts it today.
        browser.goto(&format!("{base}/beleid/{draft}")).await;
        assert!(browser.displayed("form[action$='/vaststellen']").await);
        accessible(&browser, "policy draft").await;
        browser.click(&format!("form[action='/beleid/{draft}/vaststellen'] button")).await;
        let adopted = browser.source().await;
        assert!(adopted.contains("Geldt nu") && adopted.contains("22-11-2026"), "{adopted}");
        accessible(&browser, "policy adopted").await;

        browser.goto(&format!("{base}/beleid/{code}/ondertekeningen")).await;
        let signatures = browser.source().await;
        assert!(signatures.contains("Anna Smit") && signatures.contains("Cees Bos"), "{signatures}");
        accessible(&browser, "signatures per school").await;

        browser.click("nav a[href='/bestuursverslag']").await;
        assert!(browser.source().await.contains("Bestuursverslag"));
        accessible(&browser, "board report").await;

        browser.click("nav a[href='/jaarplanning']").await;
        assert!(browser.source().await.contains("Voor dit schooljaar is nog geen jaarplanning gemaakt."));
        accessible(&browser, "calendar not made").await;
        browser.click("form[action='/jaarplanning'][method='post'] button").await;
        let calendar = browser.source().await;
        assert!(calendar.contains("Toestemmingsronde") || calendar.contains("toestemming"), "{calendar}");
        assert!(!calendar.contains("nog geen jaarplanning gemaakt"), "{calendar}");
        accessible(&browser, "calendar").await;

        browser.click("nav a[href='/bewustwording']").await;
        assert!(browser.source().await.contains("Privacy-opfrisser"));
        accessible(&browser, "awareness").await;
        browser.click(&format!("a[href='/bewustwording/{activity}']")).await;
        assert!(browser.source().await.contains("Anna Smit"), "who could attend");
        accessible(&browser, "awareness activity").await;

        browser.goto(&format!("{base}/beleidsstukken/{board_id}")).await;
        assert!(browser.source().await.contains("Privacyreglement"));
        accessible(&browser, "public policies").await;
    })
    .await;
}
