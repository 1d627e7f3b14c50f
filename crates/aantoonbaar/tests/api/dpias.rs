//! The DPIA record: a stored screening, a DPIA filled from the register, the
//! FG's advice, the board's approval with its hash, and the review reopened
//! by a change in the register.

use crate::helpers::{TestApp, json, pdf_text};
use crate::register::{complete_activity, profile, set_profile};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use serde_json::{Value, json};

async fn mails(app: &TestApp, board: &aantoonbaar_store::BoardId, subject: &str) -> Vec<String> {
    crate::helpers::recipients(app, board, subject).await
}

fn fields(response: &Value) -> Vec<String> {
    response["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect()
}

fn blockers(dpia: &Value) -> Vec<String> {
    dpia["blockers"].as_array().unwrap().iter().map(|b| b["field"].as_str().unwrap().to_owned()).collect()
}

story!(a_dpia_is_filled_from_the_register_approved_with_a_hash_and_reopened_when_the_register_changes, |app| {
    let board = app.board("Stichting Kerobei").await;
    let ibp = app.staff(&board, "ibp@kerobei.nl", Role::St, ScopeKind::Board, &[]).await;
    let fg = app.staff(&board, "fg@kerobei.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let cvb = app.staff(&board, "cvb@kerobei.nl", Role::Cvb, ScopeKind::Board, &[]).await;
    let teacher = app.staff(&board, "juf@kerobei.nl", Role::Op, ScopeKind::Board, &[]).await;
    json(set_profile(&app, &ibp, &profile()).await, 200).await;
    let mut activity = complete_activity("Leerlingvolgsysteem");
    activity["data_categories"] = json!(["identification", "education_progress", "health"]);
    activity["special_categories"] = json!([{"category": "health", "condition": "substantial_public_interest"}]);
    let activity = json(app.post(&ibp, "/api/v1/processing-activities", &activity).await, 201).await;
    let activity_id = activity["id"].as_str().unwrap();

    // The screening is stored for the activity, dated, with who answered; the list then asks for a DPIA.
    let screening = json!({"activity_id": activity_id, "subjects": ["pupils"], "large_scale": true,
        "data_categories": ["health", "education_progress"], "techniques": ["scoring_performance"]});
    let screened = json(app.post(&ibp, "/api/v1/dpia-screenings", &screening).await, 201).await;
    assert_eq!(screened["outcome"], "required");
    assert_eq!(screened["activity_name"], "Leerlingvolgsysteem");
    assert!(screened["screened_by"].as_str().is_some_and(|s| !s.is_empty()), "{screened}");
    let overview = json(app.get(&ibp, "/api/v1/dpias").await, 200).await;
    assert_eq!(overview["missing"][0]["activity_id"], activity_id, "{overview}");

    // A teacher sees no DPIAs.
    assert_eq!(app.get(&teacher, "/api/v1/dpias").await.status(), 403);

    // The new DPIA takes the activity's name and shows the register's facts in the Model DPIA's points.
    let created = json(
        app.post(&ibp, "/api/v1/dpias", &json!({"activity_id": activity_id, "screening_id": screened["id"]})).await,
        201,
    )
    .await;
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["title"], "Leerlingvolgsysteem");
    assert_eq!(created["status"], "draft");
    assert_eq!(created["paragraphs"].as_array().unwrap().len(), 17);
    let purposes = &created["paragraphs"][4];
    assert_eq!(purposes["code"], "purposes");
    assert!(purposes["register"].to_string().contains("Onderwijs geven"), "{purposes}");
    assert!(created["paragraphs"][11]["register"].to_string().contains("gezondheid"), "{}", created["paragraphs"][11]);
    assert_eq!(created["screening"]["outcome"], "required");
    assert_eq!(blockers(&created), ["proposal", "necessity", "risks", "fg_advice", "subjects_views"]);
    assert!(json(app.get(&ibp, "/api/v1/dpias").await, 200).await["missing"].as_array().unwrap().is_empty());

    // The board cannot approve it yet: every missing item is named.
    let refused = json(
        app.post(&cvb, &format!("/api/v1/dpias/{id}/approve"), &json!({"decision": "Besluit 2026-21"})).await,
        422,
    )
    .await;
    assert_eq!(fields(&refused), ["proposal", "necessity", "risks", "fg_advice", "subjects_views"]);

    // The IBP manager writes; the FG may not.
    let text = json!({
        "sections": {"proposal": "Het leerlingvolgsysteem volgt de voortgang en de zorg van elke leerling.",
            "necessity": "Nodig voor de zorgplicht (art. 8 WPO); alleen de intern begeleider ziet zorgnotities."},
        "risks": [{"description": "Zorgnotities worden gezien door wie ze niet nodig heeft", "severity": 4, "likelihood": 3,
            "measures": "Rechten per rol; logging; jaarlijkse controle", "residual_severity": 4, "residual_likelihood": 1}],
        "subjects_not_asked": "De ouderraad is gevraagd via de MR; de leerlingen zijn te jong."
    });
    assert_eq!(app.patch(&fg, &format!("/api/v1/dpias/{id}"), &text).await.status(), 403);
    let written = json(app.patch(&ibp, &format!("/api/v1/dpias/{id}"), &text).await, 200).await;
    assert_eq!(written["risks"][0]["level"], "high");
    assert_eq!(written["risks"][0]["residual_level"], "medium");
    assert_eq!(written["prior_consultation_required"], false);
    assert_eq!(blockers(&written), ["fg_advice"]);

    // The FG advises; the IBP manager is told; what was done with it is still missing.
    assert_eq!(app.post(&ibp, &format!("/api/v1/dpias/{id}/advice"), &json!({"advice": "x"})).await.status(), 403);
    let advised = json(
        app.post(&fg, &format!("/api/v1/dpias/{id}/advice"), &json!({"advice": "Beperk de leesrechten"})).await,
        200,
    )
    .await;
    assert_eq!(advised["fg_advice"], "Beperk de leesrechten");
    assert_eq!(blockers(&advised), ["advice_response"]);
    assert_eq!(mails(&app, &board, "Advies van de FG").await, ["ibp@kerobei.nl"]);
    let answered = json!({"advice_response": "Overgenomen: alleen de intern begeleider leest zorgnotities."});
    json(app.patch(&ibp, &format!("/api/v1/dpias/{id}"), &answered).await, 200).await;

    // Only the board approves: version 1, its hash in the audit trail, the review in three years.
    assert_eq!(app.post(&ibp, &format!("/api/v1/dpias/{id}/approve"), &json!({"decision": "x"})).await.status(), 403);
    let approved = json(
        app.post(&cvb, &format!("/api/v1/dpias/{id}/approve"), &json!({"decision": "het CvB, besluit 2026-21"})).await,
        200,
    )
    .await;
    assert_eq!(approved["status"], "approved");
    assert_eq!(approved["approved_version"], 1);
    let today = app.clock.today();
    assert_eq!(approved["approved_on"], today.to_string());
    assert_eq!(approved["review_due"], today.checked_add(jiff::Span::new().years(3)).unwrap().to_string());
    let hash = approved["versions"][0]["sha256"].as_str().unwrap().to_owned();
    assert_eq!(hash.len(), 64);
    let trail = app.store.board(&board).audit_trail(500).await.unwrap();
    assert!(trail.iter().any(|e| e.entity == "dpia_version" && e.entity_id == hash));
    let version = json(app.get(&fg, &format!("/api/v1/dpias/{id}/versions/1")).await, 200).await;
    assert_eq!(version["sha256"], hash.as_str());
    assert!(version["snapshot"]["register"]["purposes"].to_string().contains("Onderwijs geven"), "{version}");
    assert_eq!(mails(&app, &board, "is vastgesteld").await, ["fg@kerobei.nl", "ibp@kerobei.nl"]);
    // Approved means fixed: a change is refused until a review is asked for.
    assert_eq!(app.patch(&ibp, &format!("/api/v1/dpias/{id}"), &answered).await.status(), 409);
    assert_eq!(app.post(&cvb, &format!("/api/v1/dpias/{id}/approve"), &json!({"decision": "x"})).await.status(), 409);

    // Renaming the activity does not reopen it; a new purpose does, at once, and says why.
    let activity_path = format!("/api/v1/processing-activities/{activity_id}");
    json(app.patch(&ibp, &activity_path, &json!({"owner": "Directeur"})).await, 200).await;
    assert_eq!(json(app.get(&ibp, &format!("/api/v1/dpias/{id}")).await, 200).await["status"], "approved");
    let purposes = json!({"purposes": [
        {"text": "Onderwijs geven", "legal_basis": "public_task", "legal_source": "art. 8 WPO"},
        {"text": "Analyse van toetsresultaten per school", "legal_basis": "public_task", "legal_source": "art. 8 WPO"}]});
    json(app.patch(&ibp, &activity_path, &purposes).await, 200).await;
    let reopened = json(app.get(&ibp, &format!("/api/v1/dpias/{id}")).await, 200).await;
    assert_eq!(reopened["status"], "review_required");
    assert_eq!(reopened["review_reasons"][0]["reason"], "register_changed");
    assert_eq!(reopened["review_reasons"][0]["fields"], json!(["purposes"]));
    assert!(reopened["review_reasons"][0]["text"].as_str().unwrap().contains("Doel"), "{reopened}");
    assert!(reopened["paragraphs"][4]["register"].to_string().contains("Analyse van toetsresultaten"));
    assert_eq!(mails(&app, &board, "opnieuw beoordelen").await, ["fg@kerobei.nl", "ibp@kerobei.nl"]);
    let listed = json(app.get(&cvb, "/api/v1/dpias").await, 200).await;
    assert_eq!(listed["dpias"][0]["needs_attention"], true);

    // Reassessed and approved again: version 2, and the PDF is that version.
    let more = json!({"sections": {"purpose_limitation": "Analyse alleen op schoolniveau, niet per leerling."}});
    json(app.patch(&ibp, &format!("/api/v1/dpias/{id}"), &more).await, 200).await;
    let again = json(
        app.post(&cvb, &format!("/api/v1/dpias/{id}/approve"), &json!({"decision": "besluit 2026-30"})).await,
        200,
    )
    .await;
    assert_eq!(again["approved_version"], 2);
    assert!(again["review_reasons"].as_array().unwrap().is_empty());
    let pdf = app.get(&fg, &format!("/api/v1/dpias/{id}/pdf")).await;
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let text = pdf_text(&pdf.bytes().await.unwrap());
    for expected in
        ["Leerlingvolgsysteem", "Versie 2", "besluit 2026-30", "Analyse alleen op schoolniveau", "Onderwijs geven"]
    {
        assert!(text.contains(expected), "{expected} in {text}");
    }
});

story!(a_central_dpia_needs_our_findings_and_a_remaining_high_risk_needs_the_ap, |app| {
    let board = app.board("Stichting Proef").await;
    let ibp = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let fg = app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let cvb = app.staff(&board, "cvb@proef.nl", Role::Cvb, ScopeKind::Board, &[]).await;

    // A central DPIA (SIVON's) is approved on its reference and the board's own findings.
    let central =
        json(app.post(&ibp, "/api/v1/dpias", &json!({"product": "Microsoft 365", "kind": "central"})).await, 201).await;
    let id = central["id"].as_str().unwrap().to_owned();
    assert_eq!(blockers(&central), ["central", "findings", "fg_advice", "subjects_views"]);
    let bad = json!({"central": {"publisher": "SIVON", "title": "DPIA Microsoft 365", "url": "sivon.nl/dpia", "version": ""}});
    let refused = json(app.patch(&ibp, &format!("/api/v1/dpias/{id}"), &bad).await, 422).await;
    assert_eq!(fields(&refused), ["central.url", "central.version"]);
    assert!(refused["errors"][0]["detail"].as_str().unwrap().contains("https://"), "{refused}");
    let good = json!({
        "central": {"publisher": "SIVON", "title": "DPIA Microsoft 365", "url": "https://www.sivon.nl/dpia", "version": "2024"},
        "findings": [{"topic": "Telemetrie", "applies": true, "why": "Wij gebruiken de standaardinstellingen nog."}],
        "subjects_views": "De GMR is gehoord.",
        "advice_response": "De instellingen worden aangepast."});
    json(app.patch(&ibp, &format!("/api/v1/dpias/{id}"), &good).await, 200).await;
    json(app.post(&fg, &format!("/api/v1/dpias/{id}/advice"), &json!({"advice": "Pas de telemetrie aan"})).await, 200)
        .await;
    let approved =
        json(app.post(&cvb, &format!("/api/v1/dpias/{id}/approve"), &json!({"decision": "besluit 7"})).await, 200)
            .await;
    assert_eq!(approved["status"], "approved");

    // A local DPIA with a high risk left after the measures needs the AP consulted (art. 36).
    let risky = json!({"product": "Gezichtsherkenning bij de ingang",
        "sections": {"proposal": "Camera's herkennen leerlingen", "necessity": "Sneller binnenkomen"},
        "risks": [{"description": "Biometrische gegevens lekken", "severity": 4, "likelihood": 3, "measures": "Versleuteling"}],
        "subjects_views": "Ouders zijn tegen.", "advice_response": "Genoteerd."});
    let local = json(app.post(&ibp, "/api/v1/dpias", &risky).await, 201).await;
    let local_id = local["id"].as_str().unwrap().to_owned();
    assert_eq!(local["prior_consultation_required"], true);
    assert_eq!(blockers(&local), ["fg_advice", "prior_consultation"]);
    let future = app.clock.today().checked_add(jiff::Span::new().days(5)).unwrap().to_string();
    let later = json(
        app.patch(&ibp, &format!("/api/v1/dpias/{local_id}"), &json!({"prior_consultation": {"submitted_on": future}}))
            .await,
        422,
    )
    .await;
    assert_eq!(fields(&later), ["prior_consultation"]);

    // Wrong input is named: both a product and an activity, an unknown activity, an unknown paragraph, a level of 5.
    let both = json(app.post(&ibp, "/api/v1/dpias", &json!({"product": "X", "activity_id": "y"})).await, 422).await;
    assert_eq!(fields(&both), ["product", "activity_id"]);
    let unknown = json(app.post(&ibp, "/api/v1/dpias", &json!({"activity_id": "bestaat-niet"})).await, 422).await;
    assert_eq!(fields(&unknown), ["activity_id"]);
    let paragraph =
        json(app.post(&ibp, "/api/v1/dpias", &json!({"product": "Y", "sections": {"kleur": "rood"}})).await, 422).await;
    assert_eq!(fields(&paragraph), ["sections.kleur"]);
    let level = json!({"product": "Z", "risks": [{"description": "x", "severity": 5, "likelihood": 1}]});
    assert_eq!(app.post(&ibp, "/api/v1/dpias", &level).await.status(), 400);
    let used = json(app.post(&ibp, "/api/v1/dpias", &json!({"product": "Microsoft 365"})).await, 422).await;
    assert_eq!(fields(&used), ["title"]);
    let nothing = json(app.post(&ibp, "/api/v1/dpias", &json!({})).await, 422).await;
    assert_eq!(fields(&nothing), ["activity_id"]);
    // Only a title: a DPIA about the product it names.
    let titled = json(app.post(&ibp, "/api/v1/dpias", &json!({"title": "Leesapp"})).await, 201).await;
    assert_eq!(titled["product"], "Leesapp");

    // Nothing of another board: its DPIA is not found.
    let other = app.board("Stichting Anders").await;
    let stranger = app.staff(&other, "ibp@anders.nl", Role::St, ScopeKind::Board, &[]).await;
    assert_eq!(app.get(&stranger, &format!("/api/v1/dpias/{id}")).await.status(), 404);
    assert_eq!(app.get(&stranger, &format!("/api/v1/dpias/{id}/pdf")).await.status(), 404);
    assert!(json(app.get(&stranger, "/api/v1/dpias").await, 200).await["dpias"].as_array().unwrap().is_empty());
});

story!(a_director_screens_a_product_and_the_screening_is_kept_with_its_reasons, |app| {
    let board = app.board("Stichting Proef").await;
    let ibp = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = crate::helpers::Fixture::create(&app, &ibp, 12).await;
    let director = app.staff(&board, "directie@proef.nl", Role::D, ScopeKind::School, &[f.school.as_str()]).await;
    let teacher = app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[f.group.as_str()]).await;
    let body = json!({"product": "Rekenmaatje", "subjects": ["pupils"], "subject_count": 120,
        "data_categories": ["identification", "performance"], "techniques": ["scoring_performance"]});
    assert_eq!(app.post(&teacher, "/api/v1/dpia-screenings", &body).await.status(), 403);
    let stored = json(app.post(&director, "/api/v1/dpia-screenings", &body).await, 201).await;
    // Children (WP248 7) and scoring (WP248 1, AP list 15): required.
    assert_eq!(stored["outcome"], "required", "{stored}");
    let list = json(app.get(&director, "/api/v1/dpia-screenings").await, 200).await;
    assert_eq!(list[0]["product"], "Rekenmaatje");
    assert_eq!(list[0]["facts"]["subject_count"], 120);
    assert!(list[0]["reasons"].as_array().unwrap().iter().any(|r| r["source"] == "wp248_7" && r["applies"] == true));
    let missing =
        json(app.post(&director, "/api/v1/dpia-screenings", &json!({"subjects": ["pupils"]})).await, 422).await;
    assert_eq!(fields(&missing), ["activity_id", "data_categories"]);
});

story!(the_dpia_pages_keep_what_was_typed_and_walk_from_screening_to_approval, |app| {
    use crate::helpers::PASSWORD;
    let board = app.board("Stichting Proef").await;
    let ibp = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    app.staff(&board, "cvb@proef.nl", Role::Cvb, ScopeKind::Board, &[]).await;
    json(set_profile(&app, &ibp, &profile()).await, 200).await;
    let activity =
        json(app.post(&ibp, "/api/v1/processing-activities", &complete_activity("Leerlingvolgsysteem")).await, 201)
            .await;
    let activity_id = activity["id"].as_str().unwrap();

    app.sign_in("ibp@proef.nl", PASSWORD).await;
    // The screening page stores the screening for the activity; the list then offers to start the DPIA.
    let stored = app
        .form(
            "/dpia/screening",
            &[
                ("subjects", "pupils"),
                ("large_scale", "ja"),
                ("data_categories", "health"),
                ("activity_id", activity_id),
                ("save", "ja"),
            ],
        )
        .await;
    assert_eq!(stored.status(), 200);
    assert!(stored.text().await.unwrap().contains("De screening is bewaard."));
    let (status, list) = app.page("/dpia").await;
    assert_eq!(status, 200);
    assert!(list.contains("Nog een DPIA nodig") && list.contains("Leerlingvolgsysteem"), "{list}");
    let (_, dashboard) = app.page("/").await;
    assert!(dashboard.contains(r#"href="/dpia""#), "the dashboard card and the menu link to the DPIAs");

    let refused = app.form("/dpia", &[("product", "Rekenapp"), ("activity_id", activity_id)]).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains(r#"value="Rekenapp""#) && html.contains(r##"href="#new-product""##), "{html}");
    let created = app.form("/dpia", &[("activity_id", activity_id), ("kind", "local")]).await;
    assert_eq!(created.status(), 303);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let (status, html) = app.page(&location).await;
    assert_eq!(status, 200);
    assert!(html.contains("Onderwijs geven") && html.contains("Noodzaak en evenredigheid"), "the register's facts");

    // A level that is no level is named on its row, and everything typed stays.
    let typed = [
        ("title", "Leerlingvolgsysteem"),
        ("section.proposal", "Volgen van de voortgang"),
        ("section.necessity", "Nodig voor de zorgplicht"),
        ("risk_description", "Zorgnotities lekken"),
        ("risk_severity", "9"),
        ("risk_likelihood", "2"),
        ("risk_measures", "Rechten per rol"),
        ("risk_residual_severity", ""),
        ("risk_residual_likelihood", ""),
        ("subjects_not_asked", "Leerlingen zijn te jong"),
        ("advice_response", "Overgenomen"),
    ];
    let refused = app.form(&location, &typed).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains(">Volgen van de voortgang</textarea>") && html.contains(">Zorgnotities lekken</textarea>"));
    assert!(html.contains(r##"href="#edit-risk_severity-0""##), "{html}");
    let mut fixed = typed.to_vec();
    fixed[4] = ("risk_severity", "3");
    assert_eq!(app.form(&location, &fixed).await.status(), 303);
    app.sign_out().await;

    app.sign_in("fg@proef.nl", PASSWORD).await;
    assert_eq!(app.form(&format!("{location}/advies"), &[("advice", "Akkoord")]).await.status(), 303);
    app.sign_out().await;

    app.sign_in("cvb@proef.nl", PASSWORD).await;
    let refused = app.form(&format!("{location}/vaststellen"), &[("decision", "")]).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(app.form(&format!("{location}/vaststellen"), &[("decision", "Besluit 2026-40")]).await.status(), 303);
    let (_, html) = app.page(&location).await;
    assert!(html.contains(r#"data-status="approved""#) && html.contains("Besluit 2026-40"), "{html}");
    let pdf = app.client.get(format!("{}{location}/pdf", app.address)).send().await.unwrap();
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    app.sign_out().await;
});
