//! Pupils and guardians through the API: the contract, and clear errors.

use crate::helpers::{Fixture, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use reqwest::Method;
use serde_json::json;

story!(a_pupil_is_created_read_and_patched_with_the_contract_fields, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 21).await;
    let pupil = json(app.get(&token, &format!("/api/v1/pupils/{}", f.pupil)).await, 200).await;
    assert_eq!(pupil["full_name"], "Sanne van der Berg");
    assert_eq!(pupil["birth_date"], "2019-03-04");
    assert_eq!(pupil["family_situation"], "together");
    assert_eq!(pupil["leave_date"], serde_json::Value::Null);

    let patch = json!({"leave_date": "2026-07-17", "leave_destination": "secondary_school", "surname_prefix": null});
    let patched = json(app.patch(&token, &format!("/api/v1/pupils/{}", f.pupil), &patch).await, 200).await;
    assert_eq!(patched["leave_destination"], "secondary_school");
    assert_eq!(patched["surname_prefix"], serde_json::Value::Null);
    assert_eq!(patched["given_name"], "Sanne", "fields not in the patch stay");

    // The pupil has left: the default list no longer shows them.
    let list = json(app.get(&token, "/api/v1/pupils").await, 200).await;
    assert_eq!(list["total"], 1);
    let with_left = json(app.get(&token, "/api/v1/pupils?include_left=true").await, 200).await;
    assert_eq!(with_left["total"], 2);

    let guardians = json(app.get(&token, &format!("/api/v1/pupils/{}/guardians", f.pupil)).await, 200).await;
    assert_eq!(guardians[0]["relation"], "mother");
    assert_eq!(guardians[0]["holds_custody"], true);
});

story!(bad_input_names_every_wrong_field_and_never_gives_a_500, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 22).await;
    let body = json!({"school_id": f.school, "group_id": f.group, "given_name": "", "surname": "Berg",
                      "birth_date": "2019-02-30", "external_number": "1 2", "enrolment_date": "2023-03-05",
                      "family_situation": "complicated", "favourite_colour": "blue"});
    let problem = json(app.post(&token, "/api/v1/pupils", &body).await, 422).await;
    let mut fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["birth_date", "external_number", "family_situation", "favourite_colour", "given_name"]);
    assert!(problem["errors"].as_array().unwrap().iter().all(|e| !e["detail"].as_str().unwrap().is_empty()));

    // Not JSON at all, and a number where text belongs.
    let garbage = app.request(Method::POST, Some(&token), "/api/v1/pupils").body("{not json").send().await.unwrap();
    assert_eq!(garbage.status(), 400);
    assert_eq!(garbage.headers()["content-type"], "application/problem+json");
    let number = json(app.post(&token, "/api/v1/schools", &json!({"name": 12, "brin": "12AB"})).await, 422).await;
    assert_eq!(number["errors"][0]["field"], "name");

    // Duplicates are refused by the database's constraints, as 409.
    let duplicate =
        json(app.post(&token, "/api/v1/schools", &json!({"name": "Nog een", "brin": "22aa"})).await, 409).await;
    assert_eq!(duplicate["errors"][0]["field"], "brin");
    let twin = json!({"school_id": f.school, "group_id": f.group, "given_name": "Tim", "surname": "Berg",
                      "birth_date": "2019-02-03", "external_number": "1001", "enrolment_date": "2023-03-05"});
    assert_eq!(app.post(&token, "/api/v1/pupils", &twin).await.status(), 409);

    // A leave date without destination, and dates in the wrong order.
    let patch = json!({"leave_date": "2026-07-17"});
    let problem = json(app.patch(&token, &format!("/api/v1/pupils/{}", f.pupil), &patch).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "leave_destination");
    let patch = json!({"enrolment_date": "2018-01-01"});
    let problem = json(app.patch(&token, &format!("/api/v1/pupils/{}", f.pupil), &patch).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "enrolment_date");

    // A link with an unknown relation and a missing flag.
    let link = json!({"guardian_id": f.guardian, "relation": "uncle", "holds_custody": true});
    let problem = json(app.post(&token, &format!("/api/v1/pupils/{}/guardians", f.pupil), &link).await, 422).await;
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["relation", "recognised"]);
});

story!(every_change_and_every_view_of_a_pupil_is_in_the_audit_trail, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 23).await;
    app.patch(&token, &format!("/api/v1/pupils/{}", f.pupil), &json!({"surname": "Bergen"})).await;
    app.get(&token, &format!("/api/v1/pupils/{}", f.pupil)).await;
    let trail = app.store.board(&board).audit_trail(100).await.unwrap();
    let about_pupil: Vec<(&str, Vec<String>)> = trail
        .iter()
        .filter(|e| e.entity == "pupil" && e.entity_id == f.pupil)
        .map(|e| (e.action.as_str(), e.fields.clone()))
        .collect();
    assert_eq!(about_pupil[0], ("view", vec![]));
    assert_eq!(about_pupil[1], ("update", vec!["surname".to_owned()]));
    assert!(about_pupil.iter().any(|(action, _)| *action == "create"));
    assert!(trail.iter().all(|e| e.actor == "ibp@proef.nl" || e.actor == "cli"));
    let seqs: Vec<i64> = trail.iter().map(|e| e.seq).collect();
    assert!(seqs.windows(2).all(|w| w[0] == w[1] + 1), "a board's entries are numbered without gaps");
});

story!(a_pupil_enrolled_in_2030_or_born_last_year_is_refused_with_the_field_named, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 24).await;
    let pupil = |birth: &str, enrolled: &str| {
        json!({"school_id": f.school, "group_id": f.group, "given_name": "Tim", "surname": "Berg",
               "birth_date": birth, "external_number": "3001", "enrolment_date": enrolled})
    };
    let problem = json(app.post(&token, "/api/v1/pupils", &pupil("2019-03-04", "2030-08-20")).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "enrolment_date");
    assert_eq!(
        problem["errors"][0]["detail"],
        "de inschrijfdatum ligt meer dan een jaar in de toekomst; controleer het jaartal."
    );
    let problem = json(app.post(&token, "/api/v1/pupils", &pupil("2025-06-01", "2026-09-01")).await, 422).await;
    assert_eq!(
        (problem["errors"][0]["field"].as_str(), problem["errors"][0]["code"].as_str()),
        (Some("birth_date"), Some("birth_date.too_young"))
    );
    let patch = json!({"leave_date": "2031-07-01", "leave_destination": "secondary_school"});
    let problem = json(app.patch(&token, &format!("/api/v1/pupils/{}", f.pupil), &patch).await, 422).await;
    assert_eq!(
        (problem["errors"][0]["field"].as_str(), problem["errors"][0]["code"].as_str()),
        (Some("leave_date"), Some("leave_date.too_late"))
    );
    // Next school year's newcomer is fine.
    json(app.post(&token, "/api/v1/pupils", &pupil("2023-01-10", "2027-08-23")).await, 201).await;
});
