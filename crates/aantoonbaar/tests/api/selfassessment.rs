//! The self-assessment against a framework (seed 003: norms and maturity
//! levels, level 3 the sector's minimum): the shipped framework, importing a
//! framework file, answers, computed evidence, roles, tenancy and the pages.

use crate::helpers::{TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use serde_json::json;

const SHIPPED: &str = "aantoonbaar-basis";

async fn manager(app: &TestApp) -> String {
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await
}

async fn put(app: &TestApp, token: &str, path: &str, body: &serde_json::Value) -> reqwest::Response {
    app.request(reqwest::Method::PUT, Some(token), path).json(body).send().await.unwrap()
}

async fn board_of(app: &TestApp, token: &str) -> aantoonbaar_store::BoardId {
    let me = json(app.get(token, "/api/v1/me").await, 200).await;
    app.board(me["board"].as_str().unwrap()).await
}

fn small_framework() -> serde_json::Value {
    json!({"code": "eigen-kader", "title": "Eigen kader", "version": "1.0", "source": "Het bestuur",
    "norms": [
        {"reference": "B.1", "domain": "Beleid", "title": "Beleid vastgesteld", "text": "Er is beleid.",
         "levels": {"1": "Geen", "2": "Concept", "3": "Vastgesteld", "4": "Geëvalueerd", "5": "Verbeterd"}},
        {"reference": "B.2", "domain": "Beleid", "title": "Rollen", "text": "De rollen zijn belegd.",
         "levels": {"1": "Geen", "2": "Deels", "3": "Belegd", "4": "Getoetst", "5": "Verbeterd"}}
    ]})
}

fn norm<'a>(assessment: &'a serde_json::Value, reference: &str) -> &'a serde_json::Value {
    assessment["norms"].as_array().unwrap().iter().find(|n| n["reference"] == reference).unwrap()
}

story!(the_shipped_framework_is_listed_and_a_framework_file_is_imported, |app| {
    let token = manager(&app).await;
    let list = json(app.get(&token, "/api/v1/frameworks").await, 200).await;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["code"], SHIPPED);
    assert_eq!(list[0]["shipped"], true);
    assert!((12..=20).contains(&list[0]["norms"].as_u64().unwrap()));
    let assessment = json(app.get(&token, &format!("/api/v1/frameworks/{SHIPPED}/assessment")).await, 200).await;
    let prg = norm(&assessment, "PRG.1");
    assert!(prg["text"].as_str().unwrap().contains("seed 001 §6.2"), "each norm cites its seed");
    assert_eq!(prg["levels"].as_array().unwrap().len(), 5);
    assert_eq!(prg["answer"], serde_json::Value::Null);

    let imported = app
        .request(reqwest::Method::POST, Some(&token), "/api/v1/frameworks")
        .header("content-type", "application/json")
        .body(small_framework().to_string())
        .send()
        .await
        .unwrap();
    let imported = json(imported, 201).await;
    assert_eq!((imported["code"].as_str(), imported["norms"].as_u64()), (Some("eigen-kader"), Some(2)));
    let list = json(app.get(&token, "/api/v1/frameworks").await, 200).await;
    assert_eq!(list.as_array().unwrap().len(), 2);
    let assessment = json(app.get(&token, "/api/v1/frameworks/eigen-kader/assessment").await, 200).await;
    assert_eq!(assessment["norms"].as_array().unwrap().len(), 2);
    assert_eq!(assessment["unanswered"], 2);
    // The same code twice: refused.
    assert_eq!(app.post(&token, "/api/v1/frameworks", &small_framework()).await.status(), 409);
    let board = board_of(&app, &token).await;
    let trail = app.store.board(&board).audit_trail(20).await.unwrap();
    assert!(trail.iter().any(|e| e.entity == "framework" && e.entity_id == "eigen-kader"));
});

story!(an_invalid_framework_file_names_the_norm_and_the_field_in_dutch_and_writes_nothing, |app| {
    let token = manager(&app).await;
    let mut file = small_framework();
    file["norms"][1]["levels"].as_object_mut().unwrap().remove("4");
    let refused = json(app.post(&token, "/api/v1/frameworks", &file).await, 422).await;
    let error = &refused["errors"][0];
    assert_eq!(error["field"], "norms[1].levels.4", "{refused}");
    assert_eq!(error["detail"], "Kaderbestand, norm 2, veld “levels.4”: dit veld ontbreekt.", "{refused}");
    let mut file = small_framework();
    file["norms"][0]["title"] = json!("");
    let refused = json(app.post(&token, "/api/v1/frameworks", &file).await, 422).await;
    assert_eq!(refused["errors"][0]["field"], "norms[0].title");
    assert!(refused["errors"][0]["detail"].as_str().unwrap().contains("dit veld is leeg"));
    let not_json =
        app.request(reqwest::Method::POST, Some(&token), "/api/v1/frameworks").body("geen json").send().await.unwrap();
    let refused = json(not_json, 422).await;
    assert!(refused["errors"][0]["detail"].as_str().unwrap().contains("geen geldige JSON"), "{refused}");
    let list = json(app.get(&token, "/api/v1/frameworks").await, 200).await;
    assert_eq!(list.as_array().unwrap().len(), 1, "nothing written");
    let board = board_of(&app, &token).await;
    let trail = app.store.board(&board).audit_trail(20).await.unwrap();
    assert!(!trail.iter().any(|e| e.entity == "framework"));
});

story!(an_answer_is_recorded_and_a_target_below_three_is_refused, |app| {
    let token = manager(&app).await;
    let path = format!("/api/v1/frameworks/{SHIPPED}/norms/ORG.1");
    let body = json!({"level": 2, "target": 3, "evidence": "IBP-plan in concept", "measures": "Plan vaststellen",
        "owner": "IBP-coördinator", "due_date": "2027-06-30"});
    let recorded = json(put(&app, &token, &path, &body).await, 200).await;
    assert_eq!(recorded["answer"]["level"], 2);
    assert_eq!(recorded["answer"]["due_date"], "2027-06-30");
    assert_eq!(recorded["below_minimum"], true);
    let assessment = json(app.get(&token, &format!("/api/v1/frameworks/{SHIPPED}/assessment")).await, 200).await;
    assert_eq!(assessment["below_minimum"], 1);
    assert_eq!(norm(&assessment, "ORG.1")["answer"]["owner"], "IBP-coördinator");

    let refused = json(put(&app, &token, &path, &json!({"level": 3, "target": 2})).await, 422).await;
    let error = &refused["errors"][0];
    assert_eq!(error["field"], "target");
    assert_eq!(error["detail"], "Streefniveau: het streefniveau is minstens 3, het minimum voor de sector.");
    let refused = json(put(&app, &token, &path, &json!({"level": 6, "target": 4})).await, 422).await;
    assert_eq!(refused["errors"][0]["field"], "level");
    let assessment = json(app.get(&token, &format!("/api/v1/frameworks/{SHIPPED}/assessment")).await, 200).await;
    assert_eq!(norm(&assessment, "ORG.1")["answer"]["level"], 2, "the refused answer changed nothing");

    json(put(&app, &token, &path, &json!({"level": 3, "target": 4})).await, 200).await;
    assert_eq!(put(&app, &token, &format!("/api/v1/frameworks/{SHIPPED}/norms/XX.9"), &body).await.status(), 404);
    assert_eq!(put(&app, &token, "/api/v1/frameworks/onbekend/norms/ORG.1", &body).await.status(), 404);
    let board = board_of(&app, &token).await;
    let trail = app.store.board(&board).audit_trail(20).await.unwrap();
    let entries: Vec<_> = trail.iter().filter(|e| e.entity == "assessment").collect();
    assert_eq!(entries.len(), 2, "create and update");
    assert!(entries.iter().all(|e| e.entity_id == format!("{SHIPPED}/ORG.1")));
});

story!(the_processor_figure_changes_when_an_agreement_is_added, |app| {
    let token = manager(&app).await;
    let supplier = json!({"name": "Leerling Online BV", "convenant_status": "participant",
        "convenant_checked_on": "2026-09-01", "data_location": "nl", "contact": "privacy@leverancier.nl"});
    let id = json(app.post(&token, "/api/v1/suppliers", &supplier).await, 201).await["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/frameworks/{SHIPPED}/assessment");
    let assessment = json(app.get(&token, &path).await, 200).await;
    let computed = &norm(&assessment, "PRG.1")["computed"];
    assert_eq!(computed["kind"], "processor_agreements");
    assert_eq!(computed["text"], "0 van 1 verwerkers hebben een geldige overeenkomst");
    let agreement = json!({"supplier_id": id, "model": "privacyconvenant_4", "signed_at": "2025-08-01",
        "signed_by": "J. de Vries", "effective_from": "2025-08-01", "ends_at": "2028-07-31"});
    json(app.post(&token, "/api/v1/processor-agreements", &agreement).await, 201).await;
    let assessment = json(app.get(&token, &path).await, 200).await;
    let computed = &norm(&assessment, "PRG.1")["computed"];
    assert_eq!(computed["text"], "1 van 1 verwerkers hebben een geldige overeenkomst");
    assert_eq!((computed["met"].as_u64(), computed["total"].as_u64()), (Some(1), Some(1)));
    for (reference, kind) in [("GEG.1", "risk_measures"), ("MEN.4", "incidents_in_time"), ("ORG.5", "requests_in_time")]
    {
        assert_eq!(norm(&assessment, reference)["computed"]["kind"], kind, "{reference}");
    }
    assert_eq!(norm(&assessment, "APP.1")["computed"], serde_json::Value::Null);
});

story!(the_fg_and_a_director_read_a_teacher_is_refused_and_another_board_sees_nothing, |app| {
    let token = manager(&app).await;
    let path = format!("/api/v1/frameworks/{SHIPPED}/norms/MEN.2");
    json(put(&app, &token, &path, &json!({"level": 1, "target": 3})).await, 200).await;
    json(app.post(&token, "/api/v1/frameworks", &small_framework()).await, 201).await;
    let board = board_of(&app, &token).await;
    let fg = app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let cvb = app.staff(&board, "cvb@proef.nl", Role::Cvb, ScopeKind::Board, &[]).await;
    let director = app.staff(&board, "d@proef.nl", Role::D, ScopeKind::School, &[]).await;
    let teacher = app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[]).await;
    let assessment = format!("/api/v1/frameworks/{SHIPPED}/assessment");
    for reader in [&fg, &cvb, &director] {
        let read = json(app.get(reader, &assessment).await, 200).await;
        assert_eq!(norm(&read, "MEN.2")["answer"]["level"], 1);
        assert_eq!(json(app.get(reader, "/api/v1/frameworks").await, 200).await.as_array().unwrap().len(), 2);
        assert_eq!(put(&app, reader, &path, &json!({"level": 3, "target": 3})).await.status(), 403);
        assert_eq!(app.post(reader, "/api/v1/frameworks", &small_framework()).await.status(), 403);
    }
    assert_eq!(app.get(&teacher, "/api/v1/frameworks").await.status(), 403);
    assert_eq!(app.get(&teacher, &assessment).await.status(), 403);
    assert_eq!(put(&app, &teacher, &path, &json!({"level": 3, "target": 3})).await.status(), 403);

    let other_board = app.board("Stichting Anders").await;
    let other = app.staff(&other_board, "ibp@anders.nl", Role::St, ScopeKind::Board, &[]).await;
    let theirs = json(app.get(&other, &assessment).await, 200).await;
    assert_eq!(norm(&theirs, "MEN.2")["answer"], serde_json::Value::Null, "another board's answers stay hidden");
    assert_eq!(json(app.get(&other, "/api/v1/frameworks").await, 200).await.as_array().unwrap().len(), 1);
    assert_eq!(app.get(&other, "/api/v1/frameworks/eigen-kader/assessment").await.status(), 404);
});

story!(the_page_marks_norms_below_three_in_words_and_keeps_what_was_typed, |app| {
    let token = manager(&app).await;
    json(
        put(&app, &token, &format!("/api/v1/frameworks/{SHIPPED}/norms/MEN.2"), &json!({"level": 2, "target": 3}))
            .await,
        200,
    )
    .await;
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let (status, html) = app.page("/zelfevaluatie").await;
    assert_eq!(status, 200);
    assert!(html.contains("Onder niveau 3"), "below the minimum in words: {html}");
    assert!(html.contains(r#"role="region""#) && html.contains("Verwerkersovereenkomsten"));
    assert!(html.contains("0 van 0 verwerkers hebben een geldige overeenkomst"), "{html}");
    assert!(html.contains(r#"type="file""#), "the import form");

    let edit = format!("/zelfevaluatie/{SHIPPED}/ORG.1");
    let (status, html) = app.page(&edit).await;
    assert_eq!(status, 200, "{html}");
    let refused =
        app.form(&edit, &[("level", "2"), ("target", "2"), ("owner", "Piet"), ("measures", "Plan opstellen")]).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("Streefniveau: het streefniveau is minstens 3"), "{html}");
    assert!(html.contains(r#"value="Piet""#), "what was typed stays");
    assert!(html.contains(">Plan opstellen</textarea>"), "{html}");
    let saved = app.form(&edit, &[("level", "2"), ("target", "3"), ("owner", "Piet")]).await;
    assert_eq!(saved.status(), 303);
    let (_, dashboard) = app.page("/").await;
    assert!(dashboard.contains("Normen onder niveau 3"), "{dashboard}");
});
