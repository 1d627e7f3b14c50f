//! The access policy per information system and the authorisation matrix
//! (seed 001 §13, §13.2; issue 16): the IBP manager sets both, every save is a
//! new version and the older ones stay readable, directors and the FG read,
//! teachers do not, wrong rows are refused by row and field with nothing
//! written, another board's system does not exist, and the PDF holds the
//! matrix in force.

use crate::helpers::{Fixture, TestApp, json, pdf_text};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use reqwest::{Method, Response};
use serde_json::{Value, json};

async fn fixture(app: &TestApp) -> Fixture {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    Fixture::create(app, &token, 41).await
}

async fn put(app: &TestApp, token: &str, path: &str, body: &Value) -> Response {
    app.request(Method::PUT, Some(token), path).json(body).send().await.expect("request")
}

/// ParnasSys in the register: confidential pupil data.
async fn parnassys(app: &TestApp, token: &str) -> String {
    let body = json!({"name": "ParnasSys", "holds": "Leerlinggegevens, groepen, absentie",
        "classification": "confidential"});
    json(app.post(token, "/api/v1/systems", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

fn policy() -> Value {
    json!({"issued_by": "Stafmedewerker ICT", "provisioning": "sync", "two_step": true,
        "password_rule": "Minstens 12 tekens", "owner": "Directeur-bestuurder"})
}

fn matrix() -> Value {
    json!({"note": "Eerste opzet", "rows": [
        {"role": "OP", "profile": "Leerkracht", "rights": ["view", "change"], "scope": "group"},
        {"role": "D", "profile": "Directie", "rights": ["view", "change", "delete"], "scope": "school"},
        {"role": "AP", "profile": "Administratie", "rights": ["change", "view"], "scope": "school"},
        {"role": "ST", "profile": "Beheerder", "rights": ["view", "change", "delete"], "scope": "board"}
    ]})
}

fn fields(problem: &Value) -> Vec<&str> {
    let mut fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    fields.sort_unstable();
    fields
}

fn detail<'a>(problem: &'a Value, field: &str) -> &'a str {
    problem["errors"].as_array().unwrap().iter().find(|e| e["field"] == field).unwrap()["detail"].as_str().unwrap()
}

story!(the_ibp_manager_sets_a_systems_policy_and_matrix_and_a_second_version_keeps_the_first_readable, |app| {
    let f = fixture(&app).await;
    let id = parnassys(&app, &f.admin).await;
    let before = json(app.get(&f.admin, &format!("/api/v1/systems/{id}/access-policy")).await, 200).await;
    assert_eq!(before["policy"], Value::Null);
    assert_eq!(before["warnings"], json!(["no_policy", "no_matrix", "review_due"]));
    assert_eq!(before["system"]["classification"], "confidential", "from the register, not copied");

    let set = json(put(&app, &f.admin, &format!("/api/v1/systems/{id}/access-policy"), &policy()).await, 200).await;
    assert_eq!(set["policy"]["review_interval"], "P1Y", "a year unless said otherwise");
    assert_eq!(set["policy"]["provisioning"], "sync");
    assert_eq!(set["warnings"], json!(["no_matrix", "review_due"]));

    let first = json(put(&app, &f.admin, &format!("/api/v1/systems/{id}/matrix"), &matrix()).await, 200).await;
    assert_eq!(first["version"], 1);
    assert_eq!(first["rows"].as_array().unwrap().len(), 4);
    let admin_row = first["rows"].as_array().unwrap().iter().find(|r| r["role"] == "AP").unwrap().clone();
    assert_eq!(admin_row["rights"], json!(["view", "change"]), "rights in their fixed order");

    let mut second = matrix();
    second["note"] = json!("Administratie mag alleen inzien");
    second["rows"][2]["rights"] = json!(["view"]);
    second["rows"].as_array_mut().unwrap().remove(0);
    let saved = json(put(&app, &f.admin, &format!("/api/v1/systems/{id}/matrix"), &second).await, 200).await;
    assert_eq!(saved["version"], 2);

    let in_force = json(app.get(&f.admin, &format!("/api/v1/systems/{id}/matrix")).await, 200).await;
    assert_eq!((&in_force["version"], in_force["rows"].as_array().unwrap().len()), (&json!(2), 3));
    let versions = json(app.get(&f.admin, &format!("/api/v1/systems/{id}/matrix/versions")).await, 200).await;
    let numbers: Vec<i64> = versions.as_array().unwrap().iter().map(|v| v["version"].as_i64().unwrap()).collect();
    assert_eq!(numbers, [2, 1], "newest first");
    let old = json(app.get(&f.admin, &format!("/api/v1/systems/{id}/matrix/versions/1")).await, 200).await;
    assert_eq!(old["rows"].as_array().unwrap().len(), 4, "version 1 as it was");
    assert_eq!(old["note"], "Eerste opzet");
    let v2 = json(app.get(&f.admin, &format!("/api/v1/systems/{id}/matrix/versions/2")).await, 200).await;
    let changes: Vec<&str> = v2["changes"].as_array().unwrap().iter().map(|c| c["change"].as_str().unwrap()).collect();
    assert_eq!(changes, ["changed", "removed"], "{v2}");
    json(app.get(&f.admin, &format!("/api/v1/systems/{id}/matrix/versions/3")).await, 404).await;

    let overview = json(app.get(&f.admin, "/api/v1/access-policies").await, 200).await;
    let mine = overview.as_array().unwrap().iter().find(|s| s["system"]["id"] == id.as_str()).unwrap().clone();
    assert_eq!((&mine["matrix_version"], &mine["warnings"]), (&json!(2), &json!(["review_due"])));

    // Two-step verification off for confidential data: allowed, but a warning.
    let mut off = policy();
    off["two_step"] = json!(false);
    let warned = json(put(&app, &f.admin, &format!("/api/v1/systems/{id}/access-policy"), &off).await, 200).await;
    assert_eq!(warned["warnings"], json!(["two_step_off", "review_due"]));

    // The audit trail names the fields that changed, never their values.
    let trail = app.store.board(&f.board).audit_trail(100).await.unwrap();
    let policy_entries: Vec<_> = trail.iter().filter(|e| e.entity == "access_policy" && e.entity_id == id).collect();
    assert_eq!(policy_entries.len(), 2);
    assert!(policy_entries.iter().any(|e| e.fields == ["two_step"]), "{policy_entries:?}");
    assert!(!format!("{policy_entries:?}").contains("12 tekens"));
    assert_eq!(trail.iter().filter(|e| e.entity == "access_matrix" && e.entity_id == id).count(), 2);
});

story!(a_director_and_the_fg_read_but_cannot_write_and_a_teacher_cannot_read, |app| {
    let f = fixture(&app).await;
    let id = parnassys(&app, &f.admin).await;
    json(put(&app, &f.admin, &format!("/api/v1/systems/{id}/matrix"), &matrix()).await, 200).await;
    let director = app.staff(&f.board, "d@linde.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let fg = app.staff(&f.board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    for reader in [&director, &fg] {
        let read = json(app.get(reader, &format!("/api/v1/systems/{id}/matrix")).await, 200).await;
        assert_eq!(read["version"], 1);
        json(put(&app, reader, &format!("/api/v1/systems/{id}/matrix"), &matrix()).await, 403).await;
        json(put(&app, reader, &format!("/api/v1/systems/{id}/access-policy"), &policy()).await, 403).await;
    }
    let teacher = app.staff(&f.board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    json(app.get(&teacher, &format!("/api/v1/systems/{id}/matrix")).await, 403).await;
    json(app.get(&teacher, &format!("/api/v1/systems/{id}/access-policy")).await, 403).await;
    json(app.get(&teacher, "/api/v1/access-policies").await, 403).await;
    let versions = json(app.get(&f.admin, &format!("/api/v1/systems/{id}/matrix/versions")).await, 200).await;
    assert_eq!(versions.as_array().unwrap().len(), 1, "the refused saves wrote nothing");
});

story!(wrong_rows_are_refused_naming_the_row_and_field_in_dutch_and_nothing_is_written, |app| {
    let f = fixture(&app).await;
    let id = parnassys(&app, &f.admin).await;
    let body = json!({"rows": [
        {"role": "OP", "profile": "Leerkracht", "rights": ["view"], "scope": "group"},
        {"role": "OP", "profile": "leerkracht ", "rights": ["view"], "scope": "group"},
        {"role": "Conciërge", "profile": "Gast", "rights": [], "scope": "overal"},
        {"role": "D", "profile": "", "rights": ["lezen"], "scope": "school", "kleur": "rood"}
    ]});
    let problem = json(put(&app, &f.admin, &format!("/api/v1/systems/{id}/matrix"), &body).await, 422).await;
    assert_eq!(
        fields(&problem),
        ["rows[2].role", "rows[2].scope", "rows[3].kleur", "rows[3].rights"],
        "type errors first: {problem}"
    );
    assert!(detail(&problem, "rows[2].role").starts_with("Regel 3, rol: "), "{problem}");
    // With every value readable, the matrix rules speak.
    let body = json!({"rows": [
        {"role": "OP", "profile": "Leerkracht", "rights": ["view"], "scope": "group"},
        {"role": "OP", "profile": "leerkracht ", "rights": ["view"], "scope": "group"},
        {"role": "AP", "profile": "Administratie", "rights": [], "scope": "school"},
        {"role": "D", "profile": " ", "rights": ["view"], "scope": "school"}
    ]});
    let problem = json(put(&app, &f.admin, &format!("/api/v1/systems/{id}/matrix"), &body).await, 422).await;
    assert_eq!(fields(&problem), ["rows[1].profile", "rows[2].rights", "rows[3].profile"]);
    assert!(detail(&problem, "rows[1].profile").contains("eerdere regel"), "{problem}");
    assert!(detail(&problem, "rows[2].rights").contains("minstens één recht"), "{problem}");
    let none = json(app.get(&f.admin, &format!("/api/v1/systems/{id}/matrix")).await, 200).await;
    assert_eq!((&none["version"], &none["rows"]), (&Value::Null, &json!([])), "nothing half-written");

    let mut bad = policy();
    bad["review_interval"] = json!("P13M");
    bad["provisioning"] = json!("post");
    bad.as_object_mut().unwrap().remove("owner");
    let problem = json(put(&app, &f.admin, &format!("/api/v1/systems/{id}/access-policy"), &bad).await, 422).await;
    assert_eq!(fields(&problem), ["owner", "provisioning", "review_interval"]);
    assert!(detail(&problem, "review_interval").contains("één keer per jaar"), "{problem}");
    let still = json(app.get(&f.admin, &format!("/api/v1/systems/{id}/access-policy")).await, 200).await;
    assert_eq!(still["policy"], Value::Null);
});

story!(another_boards_system_does_not_exist, |app| {
    let f = fixture(&app).await;
    let id = parnassys(&app, &f.admin).await;
    let other = app.board("Stichting Anders").await;
    let stranger = app.staff(&other, "ibp@anders.nl", Role::St, ScopeKind::Board, &[]).await;
    for path in ["access-policy", "matrix", "matrix/versions", "matrix/versions/1"] {
        json(app.get(&stranger, &format!("/api/v1/systems/{id}/{path}")).await, 404).await;
    }
    json(put(&app, &stranger, &format!("/api/v1/systems/{id}/matrix"), &matrix()).await, 404).await;
    json(put(&app, &stranger, &format!("/api/v1/systems/{id}/access-policy"), &policy()).await, 404).await;
    assert_eq!(json(app.get(&stranger, "/api/v1/access-policies").await, 200).await, json!([]));
    let mine = json(app.get(&f.admin, &format!("/api/v1/systems/{id}/matrix")).await, 200).await;
    assert_eq!(mine["version"], Value::Null, "the stranger wrote nothing");
});

story!(the_printed_matrix_holds_the_system_its_policy_and_the_rows_in_force, |app| {
    let f = fixture(&app).await;
    let id = parnassys(&app, &f.admin).await;
    json(put(&app, &f.admin, &format!("/api/v1/systems/{id}/access-policy"), &policy()).await, 200).await;
    json(put(&app, &f.admin, &format!("/api/v1/systems/{id}/matrix"), &matrix()).await, 200).await;
    app.staff(&f.board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let response = app.client.get(format!("{}/toegang/systemen/{id}/matrix.pdf", app.address)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let text = pdf_text(&response.bytes().await.unwrap());
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Autorisatiematrix ParnasSys",
        "Versie 1",
        "Vertrouwelijk",
        "Gesynchroniseerd",
        "Leerkracht",
        "Beheerder",
        "de eigen groep",
        "het hele bestuur",
        "Minstens 12 tekens",
    ] {
        assert!(text.to_lowercase().contains(&expected.to_lowercase()), "{expected} in: {text}");
    }
});

story!(the_matrix_editor_keeps_what_was_typed_and_names_the_row_on_refusal, |app| {
    let f = fixture(&app).await;
    let id = parnassys(&app, &f.admin).await;
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let (status, page) = app.page("/toegang/systemen").await;
    assert_eq!(status, 200);
    assert!(page.contains("ParnasSys") && page.contains("nog geen toegangsbeleid"), "{page}");

    let path = format!("/toegang/systemen/{id}/matrix");
    let typed = [
        ("r0-role", "OP"),
        ("r0-profile", "Leerkracht"),
        ("r0-view", "ja"),
        ("r0-scope", "group"),
        ("r1-role", ""),
        ("r1-profile", ""),
        ("r2-role", "AP"),
        ("r2-profile", "Administratie"),
        ("r2-scope", "school"),
        ("note", "Opzet"),
        ("action", "save"),
    ];
    let response = app.form(&path, &typed).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("Regel 3, rechten"), "the row as the page numbers it: {page}");
    assert!(page.contains("href=\"#r2-view\""), "linked to the row's first right: {page}");
    assert!(page.contains("value=\"Administratie\"") && page.contains("value=\"Opzet\""), "kept as typed");
    let none = json(app.get(&f.admin, &format!("/api/v1/systems/{id}/matrix")).await, 200).await;
    assert_eq!(none["version"], Value::Null);

    // Add a row, then save: a blank row is skipped.
    let mut more = typed.to_vec();
    more.retain(|(k, _)| *k != "action");
    more.push(("r2-view", "ja"));
    more.push(("action", "add"));
    let added = app.form(&path, &more).await;
    assert_eq!(added.status(), 200);
    let page = added.text().await.unwrap();
    assert!(page.contains("id=\"r3-role\""), "one more row");
    more.retain(|(k, _)| *k != "action");
    more.push(("action", "save"));
    let saved = app.form(&path, &more).await;
    assert_eq!(saved.status(), 303);
    let matrix = json(app.get(&f.admin, &format!("/api/v1/systems/{id}/matrix")).await, 200).await;
    assert_eq!((&matrix["version"], matrix["rows"].as_array().unwrap().len()), (&json!(1), 2));
    let (status, page) = app.page(&format!("/toegang/systemen/{id}/versies/1")).await;
    assert_eq!(status, 200);
    assert!(page.contains("eerste versie"), "{page}");
});
