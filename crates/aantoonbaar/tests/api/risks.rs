//! The risk analysis (seed 001 §6.2, §14.15): the contract, the twenty risks
//! of the board's policy with their scores, the heat map, validation in
//! Dutch, roles, tenancy, the pages and the audit trail.

use crate::helpers::{TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use serde_json::json;

/// An IBP manager of a fresh board; returns the token.
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

story!(a_risk_is_created_scored_and_changed_through_the_contract, |app| {
    let token = manager(&app).await;
    let body = json!({"title": "Laptop in de trein", "category": "equipment", "likelihood": 2, "impact": 3,
        "scenario": "Een leraar laat een laptop met leerlinggegevens liggen", "owner": "ICT-coördinator"});
    let created = json(app.post(&token, "/api/v1/risks", &body).await, 201).await;
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["score"], 6);
    assert_eq!(created["level"], "high");
    assert_eq!(created["likelihood"], 2);
    assert_eq!(created["category"], "equipment");
    assert_eq!(created["residual_score"], serde_json::Value::Null);
    assert_eq!(created["needs_measures"], true, "a high risk without measures");

    let patched = json(
        app.patch(
            &token,
            &format!("/api/v1/risks/{id}"),
            &json!({"treatment": "reduce", "measures": "Versleutelde schijf", "residual_likelihood": 1,
                "residual_impact": 2, "review_date": "2027-09-01", "owner": null}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(patched["residual_score"], 2);
    assert_eq!(patched["residual_level"], "low");
    assert_eq!(patched["needs_measures"], false);
    assert_eq!(patched["owner"], serde_json::Value::Null, "null clears a field");
    assert_eq!(patched["title"], "Laptop in de trein", "what is not sent stays");
    let read = json(app.get(&token, &format!("/api/v1/risks/{id}")).await, 200).await;
    assert_eq!(read["measures"], "Versleutelde schijf");
    let list = json(app.get(&token, "/api/v1/risks").await, 200).await;
    assert_eq!(list.as_array().unwrap().len(), 1);

    // Every write is in the audit trail, by its title.
    let board = board_of(&app, &token).await;
    let trail = app.store.board(&board).audit_trail(50).await.unwrap();
    let risks: Vec<_> = trail.iter().filter(|e| e.entity == "risk").collect();
    assert_eq!(risks.len(), 2, "create and update");
    assert!(risks.iter().all(|e| e.entity_id == id));
});

story!(a_new_board_starts_with_the_twenty_risks_of_its_policy, |app| {
    let token = manager(&app).await;
    let seeded = json(app.post(&token, "/api/v1/risks/seed", &json!({})).await, 201).await;
    assert_eq!(seeded.as_array().unwrap().len(), 20);
    let list = json(app.get(&token, "/api/v1/risks").await, 200).await;
    let scores: Vec<i64> = list.as_array().unwrap().iter().map(|r| r["score"].as_i64().unwrap()).collect();
    assert_eq!(scores, [9, 6, 6, 6, 6, 6, 4, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2], "seed 001 §14.15");
    let first = &list[0];
    assert_eq!(first["title"], "Cultuur en discipline met autorisaties niet goed");
    assert_eq!(
        (first["category"].as_str(), first["likelihood"].as_i64(), first["impact"].as_i64()),
        (Some("people"), Some(3), Some(3))
    );
    let fire = list.as_array().unwrap().iter().find(|r| r["title"] == "Brand").unwrap();
    assert_eq!((fire["category"].as_str(), fire["score"].as_i64()), (Some("environment"), Some(3)));
    let levels = |level: &str| list.as_array().unwrap().iter().filter(|r| r["level"] == level).count();
    assert_eq!((levels("high"), levels("medium"), levels("low")), (6, 9, 5));

    // Twice: refused, like the register's template.
    let again = json(app.post(&token, "/api/v1/risks/seed", &json!({})).await, 409).await;
    assert!(
        again["detail"].as_str().unwrap_or_default().contains("beleid") || again.to_string().contains("beleid"),
        "{again}"
    );

    let map = json(app.get(&token, "/api/v1/risks/heat-map").await, 200).await;
    assert_eq!(map["total"], 20);
    let rows = map["rows"].as_array().unwrap();
    let counts: Vec<Vec<i64>> = rows
        .iter()
        .map(|r| r["cells"].as_array().unwrap().iter().map(|c| c["count"].as_i64().unwrap()).collect())
        .collect();
    // Likelihood 3, 2, 1 (rows) × impact 1, 2, 3 (columns).
    assert_eq!(counts, [vec![2, 4, 1], vec![0, 1, 1], vec![0, 5, 6]]);
    assert_eq!(rows[0]["likelihood"], 3);
    assert_eq!(rows[0]["cells"][2]["score"], 9);
    assert_eq!(rows[0]["cells"][2]["level"], "high");

    let board = board_of(&app, &token).await;
    let trail = app.store.board(&board).audit_trail(100).await.unwrap();
    assert_eq!(trail.iter().filter(|e| e.entity == "risk" && e.action == "create").count(), 20);
});

story!(wrong_fields_are_refused_in_dutch_naming_the_field, |app| {
    let token = manager(&app).await;
    let refused = json(
        app.post(
            &token,
            "/api/v1/risks",
            &json!({"title": "Te groot", "category": "weer", "likelihood": 4,
            "impact": "veel", "residual_likelihood": 1, "colour": 1}),
        )
        .await,
        422,
    )
    .await;
    let errors = refused["errors"].as_array().unwrap();
    let by_field =
        |field: &str| errors.iter().find(|e| e["field"] == field).map(|e| e["detail"].as_str().unwrap().to_owned());
    assert_eq!(by_field("likelihood").unwrap(), "Kans: kies 1 (klein), 2 (middel) of 3 (groot).", "{errors:?}");
    assert!(by_field("impact").unwrap().starts_with("Impact: "), "{errors:?}");
    assert!(by_field("category").unwrap().starts_with("Categorie: "), "{errors:?}");
    assert!(by_field("residual_impact").unwrap().starts_with("Impact na maatregelen: "), "{errors:?}");
    assert!(by_field("colour").is_some(), "an unknown field is named too");
    let refused = json(app.post(&token, "/api/v1/risks", &json!({"likelihood": 0})).await, 422).await;
    let details: Vec<&str> =
        refused["errors"].as_array().unwrap().iter().map(|e| e["detail"].as_str().unwrap()).collect();
    assert!(details.contains(&"Risico: dit veld is verplicht."), "{details:?}");
    assert!(details.contains(&"Impact: dit veld is verplicht."), "{details:?}");

    let body = json!({"title": "Brand", "category": "environment", "likelihood": 1, "impact": 3});
    json(app.post(&token, "/api/v1/risks", &body).await, 201).await;
    let twice = json(app.post(&token, "/api/v1/risks", &body).await, 422).await;
    assert_eq!(twice["errors"][0]["field"], "title");
    let linked = json!({"title": "Lek", "category": "data", "likelihood": 1, "impact": 1, "system_ids": ["nergens"]});
    let refused = json(app.post(&token, "/api/v1/risks", &linked).await, 422).await;
    assert_eq!(refused["errors"][0]["field"], "system_ids");
});

story!(the_fg_and_a_director_read_a_teacher_is_refused_and_another_board_sees_nothing, |app| {
    let token = manager(&app).await;
    let body = json!({"title": "Onveilige passwords", "category": "people", "likelihood": 2, "impact": 2});
    let id = json(app.post(&token, "/api/v1/risks", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let board = board_of(&app, &token).await;
    let fg = app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let cvb = app.staff(&board, "cvb@proef.nl", Role::Cvb, ScopeKind::Board, &[]).await;
    let director = app.staff(&board, "d@proef.nl", Role::D, ScopeKind::School, &[]).await;
    let teacher = app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[]).await;
    for reader in [&fg, &cvb, &director] {
        assert_eq!(json(app.get(reader, "/api/v1/risks").await, 200).await.as_array().unwrap().len(), 1);
        json(app.get(reader, &format!("/api/v1/risks/{id}")).await, 200).await;
        json(app.get(reader, "/api/v1/risks/heat-map").await, 200).await;
        assert_eq!(app.patch(reader, &format!("/api/v1/risks/{id}"), &json!({"impact": 1})).await.status(), 403);
        assert_eq!(app.post(reader, "/api/v1/risks/seed", &json!({})).await.status(), 403);
    }
    for path in ["/api/v1/risks", "/api/v1/risks/heat-map"] {
        assert_eq!(app.get(&teacher, path).await.status(), 403, "{path}");
    }
    assert_eq!(app.post(&teacher, "/api/v1/risks", &body).await.status(), 403);

    let other_board = app.board("Stichting Anders").await;
    let other = app.staff(&other_board, "ibp@anders.nl", Role::St, ScopeKind::Board, &[]).await;
    assert_eq!(app.get(&other, &format!("/api/v1/risks/{id}")).await.status(), 404);
    assert_eq!(app.patch(&other, &format!("/api/v1/risks/{id}"), &json!({"impact": 1})).await.status(), 404);
    assert!(json(app.get(&other, "/api/v1/risks").await, 200).await.as_array().unwrap().is_empty());
});

story!(the_page_starts_from_the_policy_keeps_what_was_typed_and_shows_the_heat_map, |app| {
    let _token = manager(&app).await;
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let (status, html) = app.page("/risicos").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Begin met de risico&#39;s uit het beleid")
            || html.contains("Begin met de risico's uit het beleid"),
        "{html}"
    );
    let refused = app
        .form(
            "/risicos",
            &[
                ("title", "Laptop kwijt"),
                ("category", "equipment"),
                ("likelihood", "4"),
                ("impact", "2"),
                ("measures", "Versleutelen"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("Kans: kies 1 (klein), 2 (middel) of 3 (groot)."), "{html}");
    assert!(html.contains(r##"href="#risk-likelihood""##), "the error links to its field");
    assert!(html.contains(r#"value="Laptop kwijt""#), "what was typed stays");
    assert!(html.contains(">Versleutelen</textarea>"), "{html}");

    let seeded = app.form("/risicos/beleid", &[]).await;
    assert_eq!(seeded.status(), 303);
    let (status, html) = app.page("/risicos").await;
    assert_eq!(status, 200);
    assert!(html.contains("Cultuur en discipline met autorisaties niet goed"));
    assert!(html.contains(r#"role="region""#) && html.contains("Risicokaart"));
    assert!(html.contains("6 (score 3, Middel)"), "the heat map names count, score and level: {html}");

    let created = app
        .form("/risicos", &[("title", "Laptop kwijt"), ("category", "equipment"), ("likelihood", "2"), ("impact", "3")])
        .await;
    assert_eq!(created.status(), 303);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let (status, html) = app.page(&location).await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"value="Laptop kwijt""#));
    let refused = app
        .form(
            &location,
            &[
                ("title", "Laptop kwijt"),
                ("category", "equipment"),
                ("likelihood", "2"),
                ("impact", "9"),
                ("owner", "Piet"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains(r#"value="Piet""#), "the edit page keeps what was typed");
    assert!(html.contains("Impact: kies 1"), "{html}");
});

story!(the_board_sets_where_medium_and_high_begin, |app| {
    let token = manager(&app).await;
    let levels = json(app.get(&token, "/api/v1/risks/levels").await, 200).await;
    assert_eq!(levels, json!({"medium_from": 3, "high_from": 6}), "the default");
    let body = json!({"title": "Onveilige passwords", "category": "people", "likelihood": 2, "impact": 2});
    let id = json(app.post(&token, "/api/v1/risks", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let stricter =
        json(put(&app, &token, "/api/v1/risks/levels", &json!({"medium_from": 2, "high_from": 4})).await, 200).await;
    assert_eq!(stricter["high_from"], 4);
    let read = json(app.get(&token, &format!("/api/v1/risks/{id}")).await, 200).await;
    assert_eq!((read["score"].as_i64(), read["level"].as_str()), (Some(4), Some("high")));
    let refused =
        json(put(&app, &token, "/api/v1/risks/levels", &json!({"medium_from": 5, "high_from": 3})).await, 422).await;
    assert_eq!(refused["errors"][0]["field"], "high_from");
    assert!(refused["errors"][0]["detail"].as_str().unwrap().starts_with("Hoog vanaf score: "), "{refused}");
    let board = board_of(&app, &token).await;
    let trail = app.store.board(&board).audit_trail(20).await.unwrap();
    assert!(trail.iter().any(|e| e.entity == "risk_settings"));
});
