//! Systems, suppliers, processor agreements, sub-processors and the other
//! recipients: the contract shapes, validation in Dutch, tenancy and roles,
//! the queues, the 30-day objection clock, document hashes, the overview PDF
//! and the reminders.

use crate::helpers::{TestApp, json, pdf_text};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use jiff::civil::Date;
use jiff::{SignedDuration, ToSpan};
use serde_json::{Value, json};

/// An IBP manager of a fresh board; returns the token.
async fn manager(app: &TestApp) -> String {
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await
}

fn today(app: &TestApp) -> Date {
    app.clock.today()
}

fn in_days(app: &TestApp, days: i64) -> String {
    today(app).checked_add(days.days()).unwrap().to_string()
}

async fn supplier(app: &TestApp, token: &str, name: &str) -> String {
    let body = json!({"name": name, "convenant_status": "participant", "convenant_checked_on": "2026-09-01",
        "data_location": "nl", "contact": "privacy@leverancier.nl"});
    json(app.post(token, "/api/v1/suppliers", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

story!(each_kind_is_created_and_read_back_through_the_contract, |app| {
    let token = manager(&app).await;
    let id = supplier(&app, &token, "Leerling Online BV").await;
    let read = json(app.get(&token, &format!("/api/v1/suppliers/{id}")).await, 200).await;
    assert_eq!(read["name"], "Leerling Online BV");
    assert_eq!(read["convenant_status"], "participant");
    assert_eq!(read["data_location"], "NL", "the country code is kept upper case");
    assert_eq!(read["needs_agreement"], true, "a processor without agreement");

    let system = json!({"name": "ParnasSys", "supplier_id": id, "product": "Leerlingadministratie",
        "holds": "NAW, resultaten, zorg", "classification": "confidential", "data_location": "NL"});
    let system = json(app.post(&token, "/api/v1/systems", &system).await, 201).await;
    assert_eq!(system["supplier_name"], "Leerling Online BV");
    assert_eq!(system["in_use"], true);
    assert_eq!(system["classification"], "confidential");

    let agreement = json!({"supplier_id": id, "model": "privacyconvenant_4", "signed_at": "2025-08-01",
        "signed_by": "J. de Vries", "effective_from": "2025-08-01", "ends_at": "2028-07-31", "review_date": "2027-08-01"});
    let agreement = json(app.post(&token, "/api/v1/processor-agreements", &agreement).await, 201).await;
    assert_eq!(agreement["model"], "privacyconvenant_4");
    assert_eq!(agreement["in_force"], true);
    assert_eq!(agreement["supplier_name"], "Leerling Online BV");
    let read = json(app.get(&token, &format!("/api/v1/suppliers/{id}")).await, 200).await;
    assert_eq!(read["agreement_in_force"], true);
    assert_eq!(read["agreements"].as_array().unwrap().len(), 1);
    assert_eq!(read["systems"].as_array().unwrap().len(), 1);

    let notice = json!({"supplier_id": id, "name": "Cloud Hosting BV", "location": "DE", "notified_on": today(&app).to_string()});
    let notice = json(app.post(&token, "/api/v1/sub-processors", &notice).await, 201).await;
    assert_eq!(notice["state"], "open");

    let recipient = json!({"name": "DUO", "kind": "public_authority", "legal_ground": "art. 178a WPO (BRON)",
        "shared": "Inschrijving, uitschrijving en onderwijsniveau", "occasion": "Bij in- en uitschrijving"});
    let recipient = json(app.post(&token, "/api/v1/recipients", &recipient).await, 201).await;
    assert_eq!(recipient["kind"], "public_authority");
    let listed = json(app.get(&token, "/api/v1/recipients").await, 200).await;
    assert_eq!(listed.as_array().unwrap().len(), 1);

    // PATCH changes only what is sent; null clears a field.
    let patched = json(
        app.patch(
            &token,
            &format!("/api/v1/systems/{}", system["id"].as_str().unwrap()),
            &json!({"in_use": false, "product": null}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(patched["in_use"], false);
    assert_eq!(patched["product"], Value::Null);
    assert_eq!(patched["name"], "ParnasSys");
    let patched = json(
        app.patch(
            &token,
            &format!("/api/v1/recipients/{}", recipient["id"].as_str().unwrap()),
            &json!({"occasion": "Jaarlijks"}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(patched["occasion"], "Jaarlijks");
    assert_eq!(patched["legal_ground"], "art. 178a WPO (BRON)");

    // Every write is in the audit trail.
    let me = json(app.get(&token, "/api/v1/me").await, 200).await;
    let board = app.board(me["board"].as_str().unwrap()).await;
    let trail = app.store.board(&board).audit_trail(200).await.unwrap();
    let entities: Vec<&str> = trail.iter().map(|e| e.entity.as_str()).collect();
    for entity in ["supplier", "information_system", "processor_agreement", "sub_processor", "data_recipient"] {
        assert!(entities.contains(&entity), "{entity} in {entities:?}");
    }
});

story!(wrong_fields_are_refused_together_in_dutch_naming_the_field, |app| {
    let token = manager(&app).await;
    let refused = json(
        app.post(
            &token,
            "/api/v1/processor-agreements",
            &json!({"model": "handdruk", "ends_at": "31-02-2027", "colour": 1}),
        )
        .await,
        422,
    )
    .await;
    let errors = refused["errors"].as_array().unwrap();
    let by_field =
        |field: &str| errors.iter().find(|e| e["field"] == field).map(|e| e["detail"].as_str().unwrap().to_owned());
    assert!(by_field("supplier_id").unwrap().starts_with("Leverancier: "), "{errors:?}");
    assert!(by_field("model").unwrap().starts_with("Soort overeenkomst: "), "{errors:?}");
    assert!(by_field("ends_at").unwrap().starts_with("Loopt af op: "), "{errors:?}");
    assert!(by_field("colour").is_some(), "an unknown field is named too");

    let refused = json(app.post(&token, "/api/v1/suppliers", &json!({"data_location": "Nederland"})).await, 422).await;
    let details: Vec<&str> =
        refused["errors"].as_array().unwrap().iter().map(|e| e["detail"].as_str().unwrap()).collect();
    assert!(details.contains(&"Naam: dit veld is verplicht."), "{details:?}");
    assert!(details.iter().any(|d| d.starts_with("Land waar de gegevens staan: vul de landcode in")), "{details:?}");

    let id = supplier(&app, &token, "Kwijt BV").await;
    let twice = json(app.post(&token, "/api/v1/suppliers", &json!({"name": "Kwijt BV"})).await, 422).await;
    assert_eq!(twice["errors"][0]["field"], "name");
    let outside =
        json!({"supplier_id": id, "name": "Big Cloud Inc", "location": "US", "notified_on": today(&app).to_string()});
    let refused = json(app.post(&token, "/api/v1/sub-processors", &outside).await, 422).await;
    assert_eq!(refused["errors"][0]["field"], "safeguard", "a location outside the EEA needs its safeguard");
    let backwards = json!({"supplier_id": id, "model": "own", "effective_from": "2026-01-01", "ends_at": "2025-01-01"});
    let refused = json(app.post(&token, "/api/v1/processor-agreements", &backwards).await, 422).await;
    assert_eq!(refused["errors"][0]["field"], "ends_at");
});

story!(another_boards_ids_are_not_found_and_a_teacher_is_refused, |app| {
    let token = manager(&app).await;
    let other_board = app.board("Stichting Anders").await;
    let other = app.staff(&other_board, "ibp@anders.nl", Role::St, ScopeKind::Board, &[]).await;
    let theirs = supplier(&app, &other, "Hun Leverancier").await;
    let agreement = json!({"supplier_id": theirs, "model": "general"});
    let agreement = json(app.post(&other, "/api/v1/processor-agreements", &agreement).await, 201).await;
    let agreement = agreement["id"].as_str().unwrap();
    for path in [format!("/api/v1/suppliers/{theirs}"), format!("/api/v1/processor-agreements/{agreement}")] {
        assert_eq!(app.get(&token, &path).await.status(), 404, "{path}");
        assert_eq!(app.patch(&token, &path, &json!({"name": "Van ons"})).await.status(), 404, "{path}");
    }
    // Their supplier cannot be used on our board either.
    let refused =
        json(app.post(&token, "/api/v1/systems", &json!({"name": "X", "supplier_id": theirs})).await, 422).await;
    assert_eq!(refused["errors"][0]["field"], "supplier_id");

    let me = json(app.get(&token, "/api/v1/me").await, 200).await;
    let board = app.board(me["board"].as_str().unwrap()).await;
    let teacher = app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[]).await;
    for path in [
        "/api/v1/suppliers",
        "/api/v1/systems",
        "/api/v1/processor-agreements",
        "/api/v1/recipients",
        "/api/v1/registers/queues",
    ] {
        assert_eq!(app.get(&teacher, path).await.status(), 403, "{path}");
    }
    assert_eq!(app.post(&teacher, "/api/v1/suppliers", &json!({"name": "Stiekem BV"})).await.status(), 403);
});

story!(the_queues_list_processors_without_agreement_and_agreements_ending_within_60_days, |app| {
    let token = manager(&app).await;
    let soon = supplier(&app, &token, "Bijna Klaar BV").await;
    let later = supplier(&app, &token, "Nog Even BV").await;
    let none = supplier(&app, &token, "Zonder Contract BV").await;
    let hardware =
        json(app.post(&token, "/api/v1/suppliers", &json!({"name": "Kabels BV", "processor": false})).await, 201).await;
    for (id, days) in [(&soon, 59), (&later, 61)] {
        let body = json!({"supplier_id": id, "model": "privacyconvenant_4", "signed_at": "2024-01-01", "ends_at": in_days(&app, days)});
        json(app.post(&token, "/api/v1/processor-agreements", &body).await, 201).await;
    }
    let queues = json(app.get(&token, "/api/v1/registers/queues").await, 200).await;
    let ending: Vec<&str> =
        queues["ending_soon"].as_array().unwrap().iter().map(|a| a["supplier_id"].as_str().unwrap()).collect();
    assert_eq!(ending, [soon.as_str()], "59 days is in the queue, 61 not");
    let without: Vec<&str> =
        queues["without_agreement"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(without, [none.as_str()], "only the processor without any agreement; not the hardware supplier");
    assert!(!without.contains(&hardware["id"].as_str().unwrap()));
});

story!(a_sub_processor_notice_runs_a_30_day_objection_clock_and_is_decided_once, |app| {
    let token = manager(&app).await;
    let id = supplier(&app, &token, "Leerling Online BV").await;
    let notified = today(&app).checked_sub(10.days()).unwrap();
    let body =
        json!({"supplier_id": id, "name": "Cloud Hosting BV", "location": "IE", "notified_on": notified.to_string()});
    let notice = json(app.post(&token, "/api/v1/sub-processors", &body).await, 201).await;
    assert_eq!(notice["objection_deadline"], notified.checked_add(30.days()).unwrap().to_string());
    let notice_id = notice["id"].as_str().unwrap().to_owned();
    let queues = json(app.get(&token, "/api/v1/registers/queues").await, 200).await;
    assert_eq!(queues["open_notices"].as_array().unwrap().len(), 1);

    // 21 days on the deadline has passed without a decision: overdue, still in the queue.
    app.clock.advance(SignedDuration::from_hours(21 * 24));
    let read = json(app.get(&token, &format!("/api/v1/sub-processors/{notice_id}")).await, 200).await;
    assert_eq!(read["state"], "overdue");

    let decided = json(
        app.post(
            &token,
            &format!("/api/v1/sub-processors/{notice_id}/decision"),
            &json!({"decision": "objected", "note": "Geen EER-garantie"}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(decided["state"], "objected");
    assert_eq!(decided["decided_on"], today(&app).to_string());
    let again = app
        .post(&token, &format!("/api/v1/sub-processors/{notice_id}/decision"), &json!({"decision": "accepted"}))
        .await;
    assert_eq!(again.status(), 409);
    let queues = json(app.get(&token, "/api/v1/registers/queues").await, 200).await;
    assert!(queues["open_notices"].as_array().unwrap().is_empty());
});

story!(an_uploaded_document_keeps_the_hash_the_server_computed, |app| {
    let token = manager(&app).await;
    let id = supplier(&app, &token, "Leerling Online BV").await;
    let agreement = json(
        app.post(
            &token,
            "/api/v1/processor-agreements",
            &json!({"supplier_id": id, "model": "own", "deviations": "Aansprakelijkheid beperkt"}),
        )
        .await,
        201,
    )
    .await;
    let agreement = agreement["id"].as_str().unwrap();
    let content = b"%PDF-1.4 privacybijsluiter".to_vec();
    let upload = |kind: &str, product: Option<&str>| {
        let part = reqwest::multipart::Part::bytes(content.clone())
            .file_name("bijsluiter.pdf")
            .mime_str("application/pdf")
            .unwrap();
        let mut form = reqwest::multipart::Form::new().text("kind", kind.to_owned()).part("file", part);
        if let Some(product) = product {
            form = form.text("product", product.to_owned());
        }
        app.client
            .post(format!("{}/api/v1/processor-agreements/{agreement}/documents", app.address))
            .bearer_auth(&token)
            .multipart(form)
    };
    let refused = json(upload("privacy_annex", None).send().await.unwrap(), 422).await;
    assert_eq!(refused["errors"][0]["field"], "product", "a privacy annex is per product");
    let stored = json(upload("privacy_annex", Some("Leerling Online")).send().await.unwrap(), 201).await;
    // sha256 of the bytes, as `sha256sum` prints it.
    assert_eq!(stored["sha256"], aantoonbaar_store::parties::sha256_hex(&content));
    assert_eq!(stored["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(stored["media_type"], "application/pdf");
    let detail = json(app.get(&token, &format!("/api/v1/processor-agreements/{agreement}")).await, 200).await;
    assert_eq!(detail["documents"][0]["sha256"], stored["sha256"]);
    let download = app.get(&token, &format!("/api/v1/agreement-documents/{}", stored["id"].as_str().unwrap())).await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.bytes().await.unwrap().to_vec(), content);
});

story!(the_recipients_overview_is_a_pdf_with_every_party, |app| {
    let token = manager(&app).await;
    supplier(&app, &token, "Leerling Online BV").await;
    for (name, ground) in [("DUO", "art. 178a WPO"), ("Gemeente Utrecht, leerplicht", "Leerplichtwet 1969 art. 21")] {
        let body = json!({"name": name, "kind": "public_authority", "legal_ground": ground, "shared": "Inschrijving"});
        json(app.post(&token, "/api/v1/recipients", &body).await, 201).await;
    }
    let response = app
        .request(reqwest::Method::GET, Some(&token), "/api/v1/recipients/overview")
        .header("accept", "application/pdf")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let text = pdf_text(&response.bytes().await.unwrap());
    for expected in [
        "Overzicht van partijen waarmee wij gegevens delen",
        "Leerling Online BV",
        "DUO",
        "Gemeente Utrecht, leerplicht",
        "Leerplichtwet 1969 art. 21",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
});

story!(reminders_go_to_the_ibp_managers_once, |app| {
    let token = manager(&app).await;
    let me = json(app.get(&token, "/api/v1/me").await, 200).await;
    let board = app.board(me["board"].as_str().unwrap()).await;
    app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let id = supplier(&app, &token, "Bijna Klaar BV").await;
    let body = json!({"supplier_id": id, "model": "privacyconvenant_4", "signed_at": "2024-01-01", "ends_at": in_days(&app, 61)});
    json(app.post(&token, "/api/v1/processor-agreements", &body).await, 201).await;
    let notified = today(&app).checked_sub(20.days()).unwrap().to_string();
    let notice = json!({"supplier_id": id, "name": "Cloud Hosting BV", "location": "NL", "notified_on": notified});
    json(app.post(&token, "/api/v1/sub-processors", &notice).await, 201).await;
    let mails = async || {
        let mut mails: Vec<(String, String)> = app
            .store
            .board(&board)
            .outbox(100)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.subject.contains("Bijna Klaar BV"))
            .map(|m| (m.recipient, m.subject))
            .collect();
        mails.sort();
        mails
    };
    app.jobs.run_once().await.unwrap();
    assert!(mails().await.is_empty(), "61 days before the end and 10 days before the deadline: nothing yet");
    app.clock.advance(SignedDuration::from_hours(3 * 24));
    app.jobs.run_once().await.unwrap();
    app.jobs.run_once().await.unwrap();
    let sent = mails().await;
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert!(sent.iter().all(|(to, _)| to == "ibp@proef.nl"), "only the IBP manager: {sent:?}");
    assert!(sent.iter().any(|(_, s)| s.starts_with("Verwerkersovereenkomst met Bijna Klaar BV")));
    assert!(sent.iter().any(|(_, s)| s.starts_with("Nog 7 dagen")));
    app.clock.advance(SignedDuration::from_hours(24));
    app.jobs.run_once().await.unwrap();
    assert_eq!(mails().await.len(), 2, "each reminder goes once");
});

story!(the_pages_keep_what_was_typed_and_show_the_register, |app| {
    let token = manager(&app).await;
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let refused = app
        .form("/leveranciers", &[("contact", "Piet Jansen"), ("data_location", "Nederland"), ("processor", "ja")])
        .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("Naam: dit veld is verplicht."), "{html}");
    assert!(html.contains(r##"href="#supplier-name""##), "the error links to its field");
    assert!(html.contains(r#"value="Piet Jansen""#), "what was typed stays");
    assert!(html.contains(r#"value="Nederland""#));

    let created = app
        .form("/leveranciers", &[("name", "Leerling Online BV"), ("processor", "ja"), ("data_location", "NL")])
        .await;
    assert_eq!(created.status(), 303);
    let (status, html) = app.page("/leveranciers").await;
    assert_eq!(status, 200);
    assert!(html.contains("Verwerkers zonder geldende verwerkersovereenkomst"), "the queue is at the top");
    assert!(html.contains("Leerling Online BV"));

    let suppliers = json(app.get(&token, "/api/v1/suppliers").await, 200).await;
    let supplier = suppliers[0]["id"].as_str().unwrap().to_owned();
    let agreement = app
        .form(
            "/verwerkersovereenkomsten",
            &[("supplier_id", &supplier), ("model", "privacyconvenant_4"), ("signed_at", "2026-01-10")],
        )
        .await;
    assert_eq!(agreement.status(), 303);
    let location = agreement.headers()["location"].to_str().unwrap().to_owned();
    let (status, html) = app.page(&location).await;
    assert_eq!(status, 200);
    assert!(html.contains("Privacyconvenant model 4.0"), "{html}");
    let notice = app
        .form(
            &format!("{location}/subverwerkers"),
            &[("name", "Cloud Hosting BV"), ("location", "US"), ("notified_on", "2026-11-20")],
        )
        .await;
    assert_eq!(notice.status(), 422, "outside the EEA without a safeguard");
    let html = notice.text().await.unwrap();
    assert!(html.contains("Waarborg buiten de EER: dit land ligt buiten de EER"), "{html}");
    assert!(html.contains(r#"value="Cloud Hosting BV""#));

    let (status, html) = app.page("/systemen").await;
    assert_eq!(status, 200);
    assert!(html.contains("Systeem toevoegen"));
    let (status, html) = app.page("/ontvangers").await;
    assert_eq!(status, 200);
    assert!(html.contains("/ontvangers.pdf") && html.contains("Leerling Online BV"));
    let pdf = app.client.get(format!("{}/ontvangers.pdf", app.address)).send().await.unwrap();
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf_text(&pdf.bytes().await.unwrap()).contains("Leerling Online BV"));
});

story!(a_supplier_system_agreement_and_recipient_are_changed_on_their_own_pages, |app| {
    let token = manager(&app).await;
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let supplier = supplier(&app, &token, "Leerling Online BV").await;
    let system =
        json(app.post(&token, "/api/v1/systems", &json!({"name": "Oude website", "supplier_id": supplier})).await, 201)
            .await["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let findings = json(app.get(&token, "/api/v1/processing-register/findings").await, 200).await;
    assert_eq!(findings["register"][0]["code"], "system_not_in_register");

    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    // The supplier's page shows what is on record, and a refused change keeps what was typed.
    let (status, html) = app.page(&format!("/leveranciers/{supplier}")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains(r#"value="Leerling Online BV""#) && html.contains(r#"value="privacy@leverancier.nl""#),
        "{html}"
    );
    assert!(html.contains(&format!("/systemen/{system}")), "its systems are linked");
    let refused = app
        .form(
            &format!("/leveranciers/{supplier}"),
            &[("name", "Leerling Online BV"), ("processor", "ja"), ("data_location", "Mars")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains(r#"value="Mars""#));
    let changed = app
        .form(
            &format!("/leveranciers/{supplier}"),
            &[
                ("name", "Leerling Online BV"),
                ("processor", "ja"),
                ("data_location", "DE"),
                ("convenant_status", "supporter"),
            ],
        )
        .await;
    assert_eq!(changed.status(), 303);
    let stored = json(app.get(&token, &format!("/api/v1/suppliers/{supplier}")).await, 200).await;
    assert_eq!(
        (stored["data_location"].as_str(), stored["convenant_status"].as_str()),
        (Some("DE"), Some("supporter"))
    );
    assert!(stored["contact"].is_null(), "a field left empty is cleared: {stored}");

    // A system no longer in use no longer needs an activity.
    let (status, html) = app.page(&format!("/systemen/{system}")).await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<option value="ja" selected>"#), "{html}");
    let retired = app.form(&format!("/systemen/{system}"), &[("name", "Oude website"), ("in_use", "nee")]).await;
    assert_eq!(retired.status(), 303);
    let findings = json(app.get(&token, "/api/v1/processing-register/findings").await, 200).await;
    assert_eq!(findings["register"], json!([]), "{findings}");

    // An agreement gets its new end date; a recipient its occasion.
    let agreement = json(
        app.post(
            &token,
            "/api/v1/processor-agreements",
            &json!({"supplier_id": supplier, "model": "general", "signed_at": "2026-01-10"}),
        )
        .await,
        201,
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, html) = app.page(&format!("/verwerkersovereenkomsten/{agreement}/wijzigen")).await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"value="2026-01-10""#), "{html}");
    let renewed = app
        .form(
            &format!("/verwerkersovereenkomsten/{agreement}/wijzigen"),
            &[("supplier_id", &supplier), ("model", "general"), ("signed_at", "2026-01-10"), ("ends_at", "2029-12-31")],
        )
        .await;
    assert_eq!(renewed.status(), 303);
    let stored = json(app.get(&token, &format!("/api/v1/processor-agreements/{agreement}")).await, 200).await;
    assert_eq!(stored["ends_at"], "2029-12-31", "{stored}");
    let body =
        json!({"name": "DUO", "kind": "public_authority", "legal_ground": "art. 178a WPO", "shared": "Inschrijving"});
    let recipient =
        json(app.post(&token, "/api/v1/recipients", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let form = [
        ("name", "DUO"),
        ("kind", "public_authority"),
        ("legal_ground", "art. 178a WPO"),
        ("shared", "Inschrijving"),
        ("occasion", "Bij elke inschrijving"),
    ];
    assert_eq!(app.form(&format!("/ontvangers/{recipient}"), &form).await.status(), 303);
    let stored = json(app.get(&token, &format!("/api/v1/recipients/{recipient}")).await, 200).await;
    assert_eq!(stored["occasion"], "Bij elke inschrijving");

    // The FG reads what is on record but gets no form; another board's supplier does not exist.
    app.sign_out().await;
    app.sign_in("fg@proef.nl", crate::helpers::PASSWORD).await;
    let (status, html) = app.page(&format!("/leveranciers/{supplier}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Duitsland") || html.contains("DE"), "{html}");
    assert!(!html.contains("Wijzigingen opslaan"));
    let forbidden = app.form(&format!("/systemen/{system}"), &[("name", "Weg"), ("in_use", "ja")]).await;
    assert_eq!(forbidden.status(), 403);
    let other = app.board("Stichting Ander").await;
    let theirs = app.staff(&other, "ibp@ander.nl", Role::St, ScopeKind::Board, &[]).await;
    let body = json!({"name": "Hun Leverancier"});
    let their_supplier =
        json(app.post(&theirs, "/api/v1/suppliers", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let (status, html) = app.page(&format!("/leveranciers/{their_supplier}")).await;
    assert_eq!(status, 404);
    assert!(!html.contains("Hun Leverancier"));
});
