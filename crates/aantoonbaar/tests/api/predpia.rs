//! The pre-DPIA (seed 004): a teacher asks before using new software in class;
//! the screening and the supplier lookup; the notices to the IBP manager and
//! the FG; the answer; who sees what; validation in Dutch; the reminder after
//! five working days.

use crate::helpers::{PASSWORD, TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use jiff::SignedDuration;
use serde_json::{Value, json};

struct Board {
    board: aantoonbaar_store::BoardId,
    ibp: String,
    fg: String,
    teacher: String,
    other_teacher: String,
}

async fn board(app: &TestApp) -> Board {
    let board = app.board("Stichting Proef").await;
    let ibp = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let fg = app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let f = crate::helpers::Fixture::create(app, &ibp, 41).await;
    let teacher = app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    let other_teacher = app.staff(&board, "meester@proef.nl", Role::Op, ScopeKind::Groups, &[&f.other_group]).await;
    Board { board, ibp, fg, teacher, other_teacher }
}

/// A supplier with a signed processor agreement in force.
async fn signed_supplier(app: &TestApp, ibp: &str, name: &str) -> String {
    let supplier = json(app.post(ibp, "/api/v1/suppliers", &json!({"name": name, "processor": true})).await, 201).await;
    let id = supplier["id"].as_str().unwrap().to_owned();
    let agreement = json!({"supplier_id": id, "model": "privacyconvenant_4", "signed_at": "2024-01-01"});
    json(app.post(ibp, "/api/v1/processor-agreements", &agreement).await, 201).await;
    id
}

fn request(app_name: &str, supplier: &str) -> Value {
    json!({"app_name": app_name, "website": "https://rekenmaatje.example", "purpose": "Oefenen met tafels",
        "data_categories": ["identification", "performance"], "supplier": supplier, "groups": "groep 5",
        "pupil_count": 28, "techniques": ["scoring_performance"]})
}

async fn mails(app: &TestApp, board: &aantoonbaar_store::BoardId, subject: &str) -> Vec<(String, String)> {
    crate::helpers::mails_about(app, board, subject).await.into_iter().map(|(to, _, body)| (to, body)).collect()
}

story!(a_teacher_files_a_pre_dpia_and_the_fg_answers_with_conditions, |app| {
    let b = board(&app).await;
    let supplier = signed_supplier(&app, &b.ibp, "Rekenmaatje BV").await;

    let known =
        json(app.post(&b.teacher, "/api/v1/pre-dpias", &request("Rekenmaatje", "  rekenmaatje bv ")).await, 201).await;
    let id = known["id"].as_str().unwrap().to_owned();
    assert_eq!(known["status"], "waiting");
    assert_eq!(known["supplier"]["known"], true);
    assert_eq!(known["supplier"]["supplier_id"], supplier.as_str());
    assert_eq!(known["supplier"]["agreement_in_force"], true);
    assert_eq!(known["supplier"]["status"], "Er is een geldige verwerkersovereenkomst.");
    assert!(matches!(known["outcome"].as_str(), Some("required" | "not_required")), "{known}");
    let reasons = known["reasons"].as_array().unwrap();
    assert!(reasons.iter().any(|r| r["source"] == "wp248_7" && r["applies"] == true), "children: {known}");
    assert!(reasons.iter().any(|r| r["source"] == "wp248_1" && r["applies"] == true), "scoring: {known}");
    assert!(known["school_id"].is_string(), "the teacher's school");

    let unknown = json(app.post(&b.teacher, "/api/v1/pre-dpias", &request("Quizland", "Onbekend BV")).await, 201).await;
    assert_eq!(unknown["supplier"]["known"], false);
    assert_eq!(unknown["supplier"]["agreement_in_force"], false);
    assert_eq!(unknown["supplier"]["status"], "Deze leverancier staat niet in het register.");

    // The IBP manager and the FG are told, with a link and no pupil data.
    let notices = mails(&app, &b.board, "Nieuwe pre-DPIA: Rekenmaatje").await;
    let to: Vec<&str> = notices.iter().map(|(to, _)| to.as_str()).collect();
    assert_eq!(to, ["fg@proef.nl", "ibp@proef.nl"]);
    assert!(notices.iter().all(|(_, body)| body.contains(&format!("/dpia/aanvragen/{id}"))), "{notices:?}");
    assert!(notices.iter().all(|(_, body)| !body.contains("groep 5")), "no pupil data");
    let trail = app.store.board(&b.board).audit_trail(100).await.unwrap();
    assert_eq!(trail.iter().filter(|e| e.entity == "pre_dpia" && e.action == "create").count(), 2);

    // The FG answers with conditions; without them it is refused in Dutch.
    let path = format!("/api/v1/pre-dpias/{id}/answer");
    let refused = json(app.post(&b.fg, &path, &json!({"decision": "approved_with_conditions"})).await, 422).await;
    assert_eq!(refused["errors"][0]["field"], "text");
    assert!(refused["errors"][0]["detail"].as_str().unwrap().contains("voorwaarden"), "{refused}");
    let no_reason = json(app.post(&b.fg, &path, &json!({"decision": "rejected", "text": " "})).await, 422).await;
    assert!(no_reason["errors"][0]["detail"].as_str().unwrap().contains("waarom"), "{no_reason}");
    let forbidden = app.post(&b.teacher, &path, &json!({"decision": "approved"})).await;
    assert_eq!(forbidden.status(), 403);
    let answer = json!({"decision": "approved_with_conditions", "text": "Alleen met een pseudoniem inloggen"});
    let answered = json(app.post(&b.fg, &path, &answer).await, 200).await;
    assert_eq!(answered["status"], "approved_with_conditions");
    assert_eq!(answered["status_label"], "Goedgekeurd met voorwaarden");
    let again = json(app.post(&b.ibp, &path, &json!({"decision": "rejected", "text": "Toch niet"})).await, 409).await;
    assert!(again.to_string().contains("al beantwoord"), "{again}");

    // The teacher is mailed and sees the answer.
    let told = mails(&app, &b.board, "Antwoord op uw pre-DPIA: Rekenmaatje").await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].0, "juf@proef.nl");
    let seen = json(app.get(&b.teacher, &format!("/api/v1/pre-dpias/{id}")).await, 200).await;
    assert_eq!(seen["answer_text"], "Alleen met een pseudoniem inloggen");
    let own = json(app.get(&b.teacher, "/api/v1/pre-dpias").await, 200).await;
    assert_eq!(own.as_array().unwrap().len(), 2);
    let all = json(app.get(&b.ibp, "/api/v1/pre-dpias").await, 200).await;
    assert_eq!(all.as_array().unwrap().len(), 2);

    // Another teacher and another board see nothing of it.
    assert_eq!(app.get(&b.other_teacher, &format!("/api/v1/pre-dpias/{id}")).await.status(), 404);
    let theirs = json(app.get(&b.other_teacher, "/api/v1/pre-dpias").await, 200).await;
    assert_eq!(theirs.as_array().unwrap().len(), 0);
    let other = app.board("Stichting Anders").await;
    let stranger = app.staff(&other, "ibp@anders.nl", Role::St, ScopeKind::Board, &[]).await;
    assert_eq!(app.get(&stranger, &format!("/api/v1/pre-dpias/{id}")).await.status(), 404);
    assert_eq!(app.post(&stranger, &path, &json!({"decision": "approved"})).await.status(), 404);
    let none = json(app.get(&stranger, "/api/v1/pre-dpias").await, 200).await;
    assert_eq!(none.as_array().unwrap().len(), 0);
});

story!(a_pre_dpia_without_the_essentials_is_refused_in_dutch, |app| {
    let b = board(&app).await;
    let refused =
        json(app.post(&b.teacher, "/api/v1/pre-dpias", &json!({"app_name": " ", "pupil_count": 0})).await, 422).await;
    let errors = refused["errors"].as_array().unwrap();
    let fields: Vec<&str> = errors.iter().map(|e| e["field"].as_str().unwrap()).collect();
    for field in ["app_name", "purpose", "supplier", "data_categories", "pupil_count"] {
        assert!(fields.contains(&field), "{field}: {refused}");
    }
    let app_name = errors.iter().find(|e| e["field"] == "app_name").unwrap();
    assert_eq!(app_name["detail"], "Naam van de app: vul de naam van de app in.");
    let unknown = app.post(&b.teacher, "/api/v1/pre-dpias", &json!({"data_categories": ["gedachten"]})).await;
    assert_eq!(unknown.status(), 400);
    assert!(mails(&app, &b.board, "pre-DPIA").await.is_empty());
});

story!(a_waiting_pre_dpia_is_reminded_once_after_five_working_days, |app| {
    let b = board(&app).await;
    // Filed on Sunday 22 November 2026; Monday to Friday are five working days.
    let filed = json(app.post(&b.teacher, "/api/v1/pre-dpias", &request("Leesles", "Lees BV")).await, 201).await;
    let reminders = async || mails(&app, &b.board, "Herinnering: pre-DPIA").await;
    app.clock.advance(SignedDuration::from_hours(4 * 24));
    let report = app.jobs.run_once().await.unwrap();
    assert_eq!(report.pre_dpia_reminders, 0, "Thursday: four working days");
    assert!(reminders().await.is_empty());
    app.clock.advance(SignedDuration::from_hours(24));
    let report = app.jobs.run_once().await.unwrap();
    assert_eq!(report.pre_dpia_reminders, 1, "Friday: five working days");
    let sent = reminders().await;
    let to: Vec<&str> = sent.iter().map(|(to, _)| to.as_str()).collect();
    assert_eq!(to, ["fg@proef.nl", "ibp@proef.nl"]);
    let id = filed["id"].as_str().unwrap();
    assert!(sent.iter().all(|(_, body)| body.contains(&format!("/dpia/aanvragen/{id}"))));
    let read = json(app.get(&b.ibp, &format!("/api/v1/pre-dpias/{id}")).await, 200).await;
    assert!(read["reminded_at"].is_string(), "{read}");
    app.clock.advance(SignedDuration::from_hours(3 * 24));
    app.jobs.run_once().await.unwrap();
    assert_eq!(reminders().await.len(), 2, "once");
});

story!(the_pages_keep_what_was_typed_and_carry_the_answer_to_the_teacher, |app| {
    let b = board(&app).await;
    signed_supplier(&app, &b.ibp, "Leesland BV").await;
    app.sign_in("juf@proef.nl", PASSWORD).await;
    let (status, html) = app.page("/dpia/screening").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"href="/dpia/aanvragen""#), "the screening links to the requests");
    let (_, html) = app.page("/").await;
    assert!(html.contains(r#"href="/dpia/aanvragen""#), "the dashboard links to the requests");

    let refused = app
        .form("/dpia/aanvragen", &[("app_name", "Leesland"), ("purpose", "Lezen oefenen"), ("pupil_count", "veel")])
        .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains(r#"value="Leesland""#), "what was typed stays");
    assert!(html.contains(">Lezen oefenen</textarea>"), "{html}");
    assert!(html.contains(r##"href="#predpia-supplier""##), "the error links to its field");
    assert!(html.contains("Aantal leerlingen: vul een heel getal in."), "{html}");

    let created = app
        .form(
            "/dpia/aanvragen",
            &[
                ("app_name", "Leesland"),
                ("purpose", "Lezen oefenen"),
                ("data_categories", "identification"),
                ("supplier", "LEESLAND BV"),
                ("groups", "groep 4"),
                ("pupil_count", "26"),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let (status, html) = app.page(&location).await;
    assert_eq!(status, 200);
    assert!(html.contains("Er is een geldige verwerkersovereenkomst."), "{html}");
    assert!(html.contains(r#"role="region""#) && html.contains("WP248"), "the screening's reasons");
    assert!(!html.contains("/antwoord\""), "a teacher does not answer");
    let (status, html) = app.page("/dpia/aanvragen").await;
    assert_eq!(status, 200);
    assert!(html.contains("Leesland") && html.contains("Wacht op antwoord"));
    app.sign_out().await;

    app.sign_in("fg@proef.nl", PASSWORD).await;
    let (_, dashboard) = app.page("/").await;
    assert!(dashboard.contains("pre-DPIA&#39;s wachten op antwoord") || dashboard.contains("wachten op antwoord"));
    let answer = format!("{location}/antwoord");
    let refused = app.form(&answer, &[("decision", "rejected")]).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("waarom"));
    let answered = app.form(&answer, &[("decision", "approved_with_conditions"), ("text", "Alleen voornamen")]).await;
    assert_eq!(answered.status(), 303);
    app.sign_out().await;

    app.sign_in("juf@proef.nl", PASSWORD).await;
    let (_, html) = app.page(&location).await;
    assert!(html.contains("Goedgekeurd met voorwaarden") && html.contains("Alleen voornamen"), "{html}");
    app.sign_out().await;
    app.sign_in("meester@proef.nl", PASSWORD).await;
    assert_eq!(app.page(&location).await.0, 404);
});
