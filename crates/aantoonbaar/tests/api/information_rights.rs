//! Parents' information rights on the API and the pupil page.

use crate::helpers::{PASSWORD, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use serde_json::{Value, json};

story!(separated_parents_and_a_grandparent_get_the_information_the_civil_code_gives_them, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let school =
        json(app.post(&token, "/api/v1/schools", &json!({"name": "OBS De Linde", "brin": "11AA"})).await, 201).await;
    let school = school["id"].as_str().unwrap().to_owned();
    let group =
        json(app.post(&token, "/api/v1/groups", &json!({"school_id": school, "name": "Groep 5"})).await, 201).await;
    let group = group["id"].as_str().unwrap().to_owned();
    let pupil = crate::helpers::create_pupil(&app, &token, &school, &group, "3001").await;
    json(app.patch(&token, &format!("/api/v1/pupils/{pupil}"), &json!({"family_situation": "separated"})).await, 200)
        .await;

    let mut ids = Vec::new();
    for (given, relation, custody, recognised) in
        [("Eva", "mother", true, true), ("Mark", "father", false, true), ("Joke", "other", false, false)]
    {
        let guardian =
            json(app.post(&token, "/api/v1/guardians", &json!({"given_name": given, "surname": "Berg"})).await, 201)
                .await;
        let id = guardian["id"].as_str().unwrap().to_owned();
        let link = json!({"guardian_id": id, "relation": relation, "holds_custody": custody, "recognised": recognised});
        json(app.post(&token, &format!("/api/v1/pupils/{pupil}/guardians"), &link).await, 201).await;
        ids.push(id);
    }
    let rights = json(app.get(&token, &format!("/api/v1/pupils/{pupil}/information-rights")).await, 200).await;
    let level = |rights: &Value, id: &str| {
        rights
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["guardian_id"] == id)
            .map(|r| r["level"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(level(&rights, &ids[0]), "full", "the custodial mother");
    assert_eq!(level(&rights, &ids[1]), "limited", "the recognised father without custody");
    assert_eq!(level(&rights, &ids[2]), "none", "the grandmother, until the mother grants it");
    assert!(rights[0]["basis"].as_str().unwrap().len() > 20, "the basis is explained");

    let grant = json!({"guardian_id": ids[2], "granted_on": "2026-11-01"});
    let rights = json(app.post(&token, &format!("/api/v1/pupils/{pupil}/information-grants"), &grant).await, 201).await;
    assert_eq!(level(&rights, &ids[2]), "full");
    let future = json!({"guardian_id": ids[2], "granted_on": "2027-01-01"});
    let problem =
        json(app.post(&token, &format!("/api/v1/pupils/{pupil}/information-grants"), &future).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "granted_on");

    // A teacher sees it on the pupil page.
    app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&group]).await;
    app.sign_in("juf@proef.nl", PASSWORD).await;
    let (status, page) = app.page(&format!("/leerlingen/{pupil}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("beperkte informatie, op verzoek") && page.contains("volledige informatie"), "{page}");
});
