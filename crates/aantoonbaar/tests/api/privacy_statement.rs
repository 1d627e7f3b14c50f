//! The privacy statement: generated from the adopted register for one
//! audience, every art. 13 item covered by a section (or shown as missing),
//! HTML, JSON and PDF, published as versions, and public without signing in.

use crate::helpers::{Fixture, PASSWORD, TestApp, json, pdf_text};
use crate::register::{profile, set_profile};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use aantoonbaar_store::BoardId;
use jiff::SignedDuration;
use reqwest::Method;
use serde_json::{Value, json};

const ARTICLE_13: [&str; 12] = [
    "13(1)(a)", "13(1)(b)", "13(1)(c)", "13(1)(d)", "13(1)(e)", "13(1)(f)", "13(2)(a)", "13(2)(b)", "13(2)(c)",
    "13(2)(d)", "13(2)(e)", "13(2)(f)",
];

/// A board with its profile and the template, adopted: (ibp, cvb) tokens.
async fn adopted_board(app: &TestApp, name: &str, domain: &str) -> (BoardId, String, String) {
    let board = app.board(name).await;
    let ibp = app.staff(&board, &format!("ibp@{domain}"), Role::St, ScopeKind::Board, &[]).await;
    let cvb = app.staff(&board, &format!("cvb@{domain}"), Role::Cvb, ScopeKind::Board, &[]).await;
    json(set_profile(app, &ibp, &profile()).await, 200).await;
    json(app.post(&ibp, "/api/v1/processing-register/template", &json!({})).await, 201).await;
    adopt(app, &cvb, "Besluit CvB 2026-14").await;
    (board, ibp, cvb)
}

async fn adopt(app: &TestApp, cvb: &str, decision: &str) -> Value {
    json(app.post(cvb, "/api/v1/processing-register/adopt", &json!({"decision": decision})).await, 201).await
}

async fn statement_json(app: &TestApp, token: &str, audience: &str) -> reqwest::Response {
    app.request(Method::GET, Some(token), &format!("/api/v1/privacy-statement?audience={audience}"))
        .header("accept", "application/json")
        .send()
        .await
        .expect("request")
}

fn all_text(statement: &Value) -> String {
    statement["sections"].as_array().unwrap().iter().map(|s| format!("{}\n{}\n", s["title"], s["text"])).collect()
}

fn item<'a>(statement: &'a Value, code: &str) -> &'a Value {
    statement["coverage"].as_array().unwrap().iter().find(|c| c["item"] == code).unwrap()
}

async fn activity_id(app: &TestApp, token: &str, name: &str) -> String {
    let list = json(app.get(token, "/api/v1/processing-activities").await, 200).await;
    list.as_array().unwrap().iter().find(|a| a["name"] == name).unwrap()["id"].as_str().unwrap().to_owned()
}

story!(the_statement_covers_every_article_13_item_and_reads_as_html_json_and_pdf, |app| {
    let board = app.board("Stichting Kerobei").await;
    let ibp = app.staff(&board, "ibp@kerobei.nl", Role::St, ScopeKind::Board, &[]).await;
    let cvb = app.staff(&board, "cvb@kerobei.nl", Role::Cvb, ScopeKind::Board, &[]).await;

    // Without an adopted register there is no statement: a Dutch 409, never a 500.
    let problem = json(statement_json(&app, &ibp, "parents").await, 409).await;
    assert!(problem["detail"].as_str().unwrap().contains("vastgesteld"), "{problem}");
    json(set_profile(&app, &ibp, &profile()).await, 200).await;
    json(app.post(&ibp, "/api/v1/processing-register/template", &json!({})).await, 201).await;
    json(statement_json(&app, &ibp, "parents").await, 409).await;
    adopt(&app, &cvb, "Besluit CvB 2026-14").await;

    let statement = json(statement_json(&app, &ibp, "parents").await, 200).await;
    assert_eq!(statement["version"], Value::Null, "a draft until published: {statement}");
    assert_eq!(statement["register_version"], 1);
    let items: Vec<&str> =
        statement["coverage"].as_array().unwrap().iter().map(|c| c["item"].as_str().unwrap()).collect();
    assert_eq!(items, ARTICLE_13);
    let sections: Vec<&str> =
        statement["sections"].as_array().unwrap().iter().map(|s| s["code"].as_str().unwrap()).collect();
    for c in statement["coverage"].as_array().unwrap() {
        assert_eq!(c["satisfied"], true, "{c}");
        assert!(sections.contains(&c["section"].as_str().unwrap()), "{c}");
    }
    assert_eq!(item(&statement, "13(1)(b)")["section"], "dpo");
    assert_eq!(item(&statement, "13(2)(a)")["section"], "retention");
    let other: Vec<&str> =
        statement["coverage_other"].as_array().unwrap().iter().map(|c| c["item"].as_str().unwrap()).collect();
    assert!(other.contains(&"14(2)(f)") && other.contains(&"001-15(l)"), "{other:?}");
    let text = all_text(&statement);
    for expected in [
        "Stichting Kerobei",
        "12345678",
        "Fenna Visser",
        "fg@kerobei.nl",
        "Autoriteit Persoonsgegevens",
        "Leerlingadministratie",
        "art. 8 WPO",
        "intrekken",
        "onderwijskundig rapport",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    assert!(!text.contains("[?]"), "{text}");

    // HTML by default, a whole page in Dutch.
    let html = app.get(&ibp, "/api/v1/privacy-statement?audience=parents").await;
    assert_eq!(html.status(), 200);
    assert!(html.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let page = html.text().await.unwrap();
    assert!(page.contains("Privacyverklaring voor ouders en verzorgers") && page.contains("fg@kerobei.nl"), "{page}");
    assert!(page.contains("lang=\"nl\""));

    // The PDF.
    let pdf = app
        .request(Method::GET, Some(&ibp), "/api/v1/privacy-statement?audience=parents")
        .header("accept", "application/pdf")
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let text = pdf_text(&pdf.bytes().await.unwrap());
    assert!(text.contains("Privacyverklaring") && text.contains("Autoriteit Persoonsgegevens"), "{text}");
    assert!(text.contains("fg@kerobei.nl") && text.contains("Concept"), "{text}");

    // An unknown or missing audience is named.
    let problem = json(statement_json(&app, &ibp, "buren").await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "audience");
    json(app.get(&ibp, "/api/v1/privacy-statement").await, 422).await;
});

story!(an_article_13_item_the_register_does_not_supply_is_shown_unsatisfied_with_where_to_fix_it, |app| {
    let (_, ibp, cvb) = adopted_board(&app, "Stichting Kerobei", "kerobei.nl").await;
    let id = activity_id(&app, &ibp, "Leerlingadministratie").await;
    json(app.patch(&ibp, &format!("/api/v1/processing-activities/{id}"), &json!({"retention": ""})).await, 200).await;

    // The statement reads the adopted register: until it is adopted again, nothing changes.
    let before = json(statement_json(&app, &ibp, "parents").await, 200).await;
    assert_eq!(item(&before, "13(2)(a)")["satisfied"], true);
    adopt(&app, &cvb, "Besluit CvB 2026-20").await;

    let statement = json(statement_json(&app, &ibp, "parents").await, 200).await;
    let retention = item(&statement, "13(2)(a)");
    assert_eq!(retention["satisfied"], false, "{retention}");
    assert_eq!(retention["missing"][0]["code"], "retention_missing");
    assert_eq!(retention["missing"][0]["activity_id"], id.as_str());
    assert!(retention["missing"][0]["text"].as_str().unwrap().contains("Leerlingadministratie"), "{retention}");
    let unsatisfied: Vec<&str> = statement["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["satisfied"] == false)
        .map(|c| c["item"].as_str().unwrap())
        .collect();
    assert_eq!(unsatisfied, ["13(2)(a)"]);
    let seed = statement["coverage_other"].as_array().unwrap().iter().find(|c| c["item"] == "001-15(g)").unwrap();
    assert_eq!(seed["satisfied"], false);
    assert!(all_text(&statement).contains("nog niet vastgelegd"));

    // The staff page shows it as missing, with a link to the activity.
    app.sign_in("ibp@kerobei.nl", PASSWORD).await;
    let (status, page) = app.page("/privacyverklaring?audience=parents").await;
    assert_eq!(status, 200);
    assert!(page.contains("Ontbreekt") && page.contains(&format!("href=\"/register/{id}\"")), "{page}");
    assert!(page.contains("class=\"table-scroll\" role=\"region\" tabindex=\"0\""), "{page}");
});

story!(publishing_makes_numbered_versions_and_the_public_page_shows_the_one_in_force_on_a_day, |app| {
    let (board, ibp, cvb) = adopted_board(&app, "Stichting Kerobei", "kerobei.nl").await;
    let first =
        json(app.post(&ibp, "/api/v1/privacy-statement/publish", &json!({"audience": "parents"})).await, 201).await;
    assert_eq!(first["version"], 1);
    assert_eq!(first["register_version"], 1);
    let hash = first["sha256"].as_str().unwrap().to_owned();
    assert_eq!(hash.len(), 64);
    let trail = app.store.board(&board).audit_trail(500).await.unwrap();
    assert!(trail.iter().any(|e| e.entity == "privacy_statement" && e.entity_id == hash));
    let statement = json(statement_json(&app, &ibp, "parents").await, 200).await;
    assert_eq!(statement["version"], 1);
    assert!(statement["published_at"].is_string());
    // The same text again is the same version.
    let again =
        json(app.post(&ibp, "/api/v1/privacy-statement/publish", &json!({"audience": "parents"})).await, 200).await;
    assert_eq!(again["version"], 1);

    // Two days later the register changes, is adopted, and the statement is published again.
    app.clock.advance(SignedDuration::from_hours(48));
    let id = activity_id(&app, &ibp, "Leerlingadministratie").await;
    let change = json!({"retention": "Tot 5 jaar na vertrek van de leerling."});
    json(app.patch(&ibp, &format!("/api/v1/processing-activities/{id}"), &change).await, 200).await;
    adopt(&app, &cvb, "Besluit CvB 2026-20").await;
    let draft = json(statement_json(&app, &ibp, "parents").await, 200).await;
    assert_eq!(draft["version"], Value::Null, "the changed text is a draft");
    let second =
        json(app.post(&ibp, "/api/v1/privacy-statement/publish", &json!({"audience": "parents"})).await, 201).await;
    assert_eq!((second["version"].clone(), second["register_version"].clone()), (json!(2), json!(2)));
    assert_ne!(second["sha256"], first["sha256"]);
    let versions = json(app.get(&ibp, "/api/v1/privacy-statement/versions?audience=parents").await, 200).await;
    let numbers: Vec<i64> = versions.as_array().unwrap().iter().map(|v| v["version"].as_i64().unwrap()).collect();
    assert_eq!(numbers, [2, 1]);
    assert_eq!(json(app.get(&ibp, "/api/v1/privacy-statement/versions?audience=staff").await, 200).await, json!([]));

    // The public page needs no sign-in: today's version, or the one in force on a day.
    let anyone = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let public = format!("{}/privacyverklaring/{}/parents", app.address, board.as_str());
    let today = anyone.get(&public).send().await.unwrap();
    assert_eq!(today.status(), 200);
    let page = today.text().await.unwrap();
    assert!(page.contains("Tot 5 jaar na vertrek") && page.contains("Versie 2"), "{page}");
    let then = anyone.get(format!("{public}?on=2026-11-23")).send().await.unwrap().text().await.unwrap();
    assert!(then.contains("Versie 1") && !then.contains("Tot 5 jaar na vertrek"), "{then}");
    let before = anyone.get(format!("{public}?on=2026-11-21")).send().await.unwrap();
    assert_eq!(before.status(), 404);
    assert!(before.text().await.unwrap().contains("nog geen privacyverklaring gepubliceerd"));
    assert_eq!(anyone.get(format!("{public}?on=gisteren")).send().await.unwrap().status(), 422);

    // Its PDF, by path and by ?format=pdf.
    for path in [format!("{public}/privacyverklaring.pdf?on=2026-11-23"), format!("{public}?format=pdf")] {
        let pdf = anyone.get(&path).send().await.unwrap();
        assert_eq!(pdf.headers()["content-type"], "application/pdf", "{path}");
        let text = pdf_text(&pdf.bytes().await.unwrap());
        assert!(text.contains("Privacyverklaring voor ouders") && text.contains("Versie"), "{text}");
    }
    let pdf = anyone.get(format!("{public}/privacyverklaring.pdf?on=2026-11-23")).send().await.unwrap();
    assert!(pdf_text(&pdf.bytes().await.unwrap()).contains("Versie 1"));

    // The staff page lists the versions with date and hash.
    app.sign_in("ibp@kerobei.nl", PASSWORD).await;
    let (status, page) = app.page("/privacyverklaring").await;
    assert_eq!(status, 200);
    assert!(page.contains(&hash) && page.contains("22-11-2026") && page.contains("24-11-2026"), "{page}");
    assert!(page.contains("gepubliceerd als versie 2"), "{page}");
});

story!(the_ibp_manager_publishes_on_the_page_and_a_teacher_or_the_board_may_not, |app| {
    let (board, ibp, cvb) = adopted_board(&app, "Stichting Kerobei", "kerobei.nl").await;
    let fixture = Fixture::create(&app, &ibp, 20).await;
    let teacher = app.staff(&board, "op@kerobei.nl", Role::Op, ScopeKind::Groups, &[&fixture.group]).await;
    let director = app.staff(&board, "d@kerobei.nl", Role::D, ScopeKind::School, &[&fixture.school]).await;
    let fg = app.staff(&board, "fg@kerobei.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let body = json!({"audience": "parents"});
    for token in [&teacher, &cvb, &fg, &director] {
        json(app.post(token, "/api/v1/privacy-statement/publish", &body).await, 403).await;
    }
    json(statement_json(&app, &teacher, "parents").await, 403).await;
    json(statement_json(&app, &director, "parents").await, 200).await;
    json(statement_json(&app, &fg, "parents").await, 200).await;
    let problem = json(app.post(&ibp, "/api/v1/privacy-statement/publish", &json!({})).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "audience");

    // The page's publish button.
    app.sign_in("ibp@kerobei.nl", PASSWORD).await;
    let (status, page) = app.page("/privacyverklaring?audience=staff").await;
    assert_eq!(status, 200);
    assert!(page.contains("action=\"/privacyverklaring/publiceren\"") && page.contains("13(1)(a)"), "{page}");
    let published = app.form("/privacyverklaring/publiceren", &[("audience", "staff")]).await;
    assert_eq!(published.status(), 303);
    assert_eq!(published.headers()["location"], "/privacyverklaring?audience=staff&published=1");
    let (_, page) = app.page("/privacyverklaring?audience=staff&published=1").await;
    assert!(page.contains("Versie 1 is gepubliceerd"), "{page}");
    app.sign_out().await;

    // A teacher sees no staff page and cannot publish by form either.
    app.sign_in("op@kerobei.nl", PASSWORD).await;
    assert_eq!(app.page("/privacyverklaring").await.0, 403);
    assert_eq!(app.form("/privacyverklaring/publiceren", &[("audience", "parents")]).await.status(), 403);
    let versions = json(app.get(&ibp, "/api/v1/privacy-statement/versions").await, 200).await;
    assert_eq!(versions.as_array().unwrap().len(), 1);
});

story!(another_boards_statement_is_never_visible, |app| {
    let (board, ibp, _) = adopted_board(&app, "Stichting Kerobei", "kerobei.nl").await;
    json(app.post(&ibp, "/api/v1/privacy-statement/publish", &json!({"audience": "parents"})).await, 201).await;
    let elsewhere = app.board("Stichting Anders").await;
    let stranger = app.staff(&elsewhere, "ibp@anders.nl", Role::St, ScopeKind::Board, &[]).await;
    let problem = json(statement_json(&app, &stranger, "parents").await, 409).await;
    assert!(!problem.to_string().contains("Kerobei"), "{problem}");
    assert_eq!(json(app.get(&stranger, "/api/v1/privacy-statement/versions").await, 200).await, json!([]));
    json(app.post(&stranger, "/api/v1/privacy-statement/publish", &json!({"audience": "parents"})).await, 409).await;

    let anyone = reqwest::Client::new();
    let theirs =
        anyone.get(format!("{}/privacyverklaring/{}/parents", app.address, elsewhere.as_str())).send().await.unwrap();
    assert_eq!(theirs.status(), 404);
    assert!(!theirs.text().await.unwrap().contains("Kerobei"));
    for path in [
        "/privacyverklaring/bestaat-niet/parents".to_owned(),
        format!("/privacyverklaring/{}/buren", board.as_str()),
        format!("/privacyverklaring/{}/staff", board.as_str()),
    ] {
        let response = anyone.get(format!("{}{path}", app.address)).send().await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
    }
});

story!(each_audience_reads_only_the_activities_about_it, |app| {
    let (_, ibp, _) = adopted_board(&app, "Stichting Kerobei", "kerobei.nl").await;
    let staff = all_text(&json(statement_json(&app, &ibp, "staff").await, 200).await);
    assert!(staff.contains("Personeelsadministratie"), "{staff}");
    for pupils_only in ["Leerlingvolgsysteem", "Leerlingadministratie", "Digitale leermiddelen"] {
        assert!(!staff.contains(pupils_only), "{pupils_only} in {staff}");
    }
    assert!(!staff.contains("Is uw kind jonger dan 16"), "{staff}");
    let parents = all_text(&json(statement_json(&app, &ibp, "parents").await, 200).await);
    assert!(parents.contains("Leerlingvolgsysteem") && !parents.contains("Personeelsadministratie"), "{parents}");
    assert!(parents.contains("Is uw kind jonger dan 16"), "{parents}");
    let applicants = all_text(&json(statement_json(&app, &ibp, "applicants").await, 200).await);
    assert!(applicants.contains("Werving en selectie") && !applicants.contains("Leerlingvolgsysteem"), "{applicants}");
});

story!(the_parent_portal_and_the_consent_form_link_to_the_boards_statement, |app| {
    let (board, ibp, _) = adopted_board(&app, "Stichting Proef", "proef.nl").await;
    let f = Fixture::create(&app, &ibp, 56).await;
    json(app.post(&ibp, "/api/v1/privacy-statement/publish", &json!({"audience": "parents"})).await, 201).await;
    app.form("/ouders", &[("email", "eva@voorbeeld.nl")]).await;
    let outbox = app.store.board(&board).outbox(1).await.unwrap();
    let body = &outbox[0].body;
    let start = body.find("/ouders/inloggen/").unwrap();
    let link = body[start..].split_whitespace().next().unwrap().to_owned();
    assert_eq!(app.form(&link, &[]).await.status(), 303);

    let (_, page) = app.page("/ouders/kinderen").await;
    assert!(page.contains("href=\"/ouders/privacyverklaring\""), "{page}");
    let (_, page) = app.page(&format!("/ouders/kinderen/{}", f.pupil)).await;
    assert!(page.contains("href=\"/ouders/privacyverklaring\""), "{page}");
    let response = app.client.get(format!("{}/ouders/privacyverklaring", app.address)).send().await.unwrap();
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(location, format!("/privacyverklaring/{}/parents", board.as_str()));
    let (status, page) = app.page(&location).await;
    assert_eq!(status, 200);
    assert!(page.contains("Privacyverklaring voor ouders en verzorgers"), "{page}");
});
