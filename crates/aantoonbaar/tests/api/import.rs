//! Importing a pupil-administration export: all or nothing, idempotent.

use crate::helpers::{TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use reqwest::Method;
use serde_json::{Value, json};

const HEADER: &str = "Leerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Groep;Datum inschrijving;Gezinssituatie;\
Ouder1Roepnaam;Ouder1Achternaam;Ouder1Email;Ouder1Relatie;Ouder1Gezag;Ouder1Erkend;\
Ouder2Roepnaam;Ouder2Achternaam;Ouder2Email;Ouder2Relatie;Ouder2Gezag;Ouder2Erkend";

/// A 700-pupil export as ParnasSys writes it; `bad_line` (file line, header is
/// line 1) gets an impossible birth date.
fn export(pupils: usize, bad_line: Option<usize>) -> String {
    let mut text = String::from(HEADER);
    for i in 0..pupils {
        let line = i + 2;
        let group = i % 8 + 1;
        let birth = if Some(line) == bad_line {
            "31-02-2017".to_owned()
        } else {
            format!("{:02}-{:02}-{}", i % 28 + 1, i % 12 + 1, 2021 - group)
        };
        let (situation, second) = if i % 5 == 0 {
            ("gescheiden", format!("Mark;Visser{i};mark{i}@ouders.nl;vader;nee;ja"))
        } else {
            ("samen", format!("Mark;Visser{i};mark{i}@ouders.nl;vader;ja;ja"))
        };
        text.push_str(&format!(
            "\n{};Kind{i};{};Visser{i};{birth};Groep {group};20-08-2024;{situation};Anne;Visser{i};anne{i}@ouders.nl;moeder;ja;ja;{second}",
            10_000 + i,
            if i % 3 == 0 { "van" } else { "" },
        ));
    }
    text.push('\n');
    text
}

async fn import(app: &TestApp, token: &str, school: &str, csv: &str, dry_run: bool) -> reqwest::Response {
    app.request(
        Method::POST,
        Some(token),
        &format!("/api/v1/imports?school_id={school}&dry_run={dry_run}&file_name=leerlingen.csv"),
    )
    .header("content-type", "text/csv")
    .body(csv.to_owned())
    .send()
    .await
    .unwrap()
}

async fn pupil_total(app: &TestApp, token: &str) -> i64 {
    json(app.get(token, "/api/v1/pupils?include_left=true&limit=1").await, 200).await["total"].as_i64().unwrap()
}

story!(a_700_row_file_with_one_bad_row_writes_nothing_and_names_the_row_then_imports_once_fixed, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let school =
        json(app.post(&token, "/api/v1/schools", &json!({"name": "OBS De Linde", "brin": "11AA"})).await, 201).await;
    let school = school["id"].as_str().unwrap();

    let problem = json(import(&app, &token, school, &export(700, Some(377)), false).await, 422).await;
    assert_eq!(problem["errors"].as_array().unwrap().len(), 1);
    assert_eq!(problem["errors"][0]["line"], 377);
    assert_eq!(problem["errors"][0]["field"], "Geboortedatum");
    assert!(problem["detail"].as_str().unwrap().contains("Regel 377, kolom Geboortedatum"), "{problem}");
    assert_eq!(pupil_total(&app, &token).await, 0, "nothing of the file may be written");
    let groups = json(app.get(&token, "/api/v1/groups").await, 200).await;
    assert_eq!(groups, json!([]), "not even the groups");

    let fixed = export(700, None);
    let preview = json(import(&app, &token, school, &fixed, true).await, 200).await;
    assert_eq!(preview["created"].as_array().unwrap().len(), 700);
    assert_eq!(pupil_total(&app, &token).await, 0, "a dry run writes nothing");

    let report = json(import(&app, &token, school, &fixed, false).await, 200).await;
    assert_eq!(report["created"].as_array().unwrap().len(), 700);
    assert_eq!(report["groups_created"].as_array().unwrap().len(), 8);
    assert_eq!(pupil_total(&app, &token).await, 700);

    let again = json(import(&app, &token, school, &fixed, false).await, 200).await;
    assert_eq!(again["created"], json!([]));
    assert_eq!(again["updated"], json!([]));
    assert_eq!(again["left_school"], json!([]));
    assert_eq!(again["unchanged"], 700);

    // Guardians came along with custody as the file says.
    let pupils = json(app.get(&token, "/api/v1/pupils?q=Kind5&limit=1").await, 200).await;
    let kind5 = pupils["pupils"][0]["id"].as_str().unwrap().to_owned();
    let guardians: Value = json(app.get(&token, &format!("/api/v1/pupils/{kind5}/guardians")).await, 200).await;
    let custody: Vec<(String, bool)> = guardians
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["relation"].as_str().unwrap().to_owned(), g["holds_custody"].as_bool().unwrap()))
        .collect();
    assert_eq!(custody, [("mother".to_owned(), true), ("father".to_owned(), false)]);
});

story!(a_reimport_updates_changed_pupils_and_records_those_who_left, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let school =
        json(app.post(&token, "/api/v1/schools", &json!({"name": "OBS De Linde", "brin": "11AA"})).await, 201).await;
    let school = school["id"].as_str().unwrap();
    json(import(&app, &token, school, &export(10, None), false).await, 200).await;
    // The school added pupil 10001's own address, which the export does not carry.
    let pupil = json(app.get(&token, "/api/v1/pupils?q=10001").await, 200).await["pupils"][0]["id"].clone();
    let path = format!("/api/v1/pupils/{}", pupil.as_str().unwrap());
    let set = app.request(reqwest::Method::PATCH, Some(&token), &path).json(&json!({"email": "kind1@voorbeeld.nl"}));
    json(set.send().await.unwrap(), 200).await;

    // Pupil 10009 is gone from the export; pupil 10000 moved to group 2.
    let next_year: String = export(9, None)
        .replace("10000;Kind0;van;Visser0;01-01-2020;Groep 1", "10000;Kind0;van;Visser0;01-01-2020;Groep 2");
    let report = json(import(&app, &token, school, &next_year, false).await, 200).await;
    assert_eq!(report["updated"][0]["external_number"], "10000");
    assert_eq!(report["unchanged"], 8);
    assert_eq!(report["left_school"][0]["external_number"], "10009");

    let current = json(app.get(&token, "/api/v1/pupils").await, 200).await;
    assert_eq!(current["total"], 9);
    let all = json(app.get(&token, "/api/v1/pupils?include_left=true&q=10009").await, 200).await;
    assert_eq!(all["pupils"][0]["leave_date"], "2026-11-22");
    assert_eq!(all["pupils"][0]["leave_destination"], "other");
    assert_eq!(json(app.get(&token, &path).await, 200).await["email"], "kind1@voorbeeld.nl", "a re-import keeps it");
});

story!(a_windows_1252_comma_file_with_english_headers_imports, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let school =
        json(app.post(&token, "/api/v1/schools", &json!({"name": "OBS De Linde", "brin": "11AA"})).await, 201).await;
    let school = school["id"].as_str().unwrap();
    // "Zoë Müller" in Windows-1252.
    let mut bytes = b"external_number,given_name,surname,birth_date,group,enrolment_date\n77,Zo".to_vec();
    bytes.extend_from_slice(b"\xEB,M\xFCller,2017-01-02,Groep 4,2021-08-20\n");
    let response = app
        .request(Method::POST, Some(&token), &format!("/api/v1/imports?school_id={school}"))
        .body(bytes)
        .send()
        .await
        .unwrap();
    let report = json(response, 200).await;
    assert_eq!(report["created"][0]["name"], "Zo\u{eb} M\u{fc}ller");
});

story!(a_file_missing_columns_names_them_all, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let school =
        json(app.post(&token, "/api/v1/schools", &json!({"name": "OBS De Linde", "brin": "11AA"})).await, 201).await;
    let school = school["id"].as_str().unwrap();
    let problem = json(import(&app, &token, school, "Leerlingnummer;Roepnaam\n1;Sanne\n", false).await, 422).await;
    let columns: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(columns, ["Achternaam", "Geboortedatum", "Groep", "Datum inschrijving"]);
});
