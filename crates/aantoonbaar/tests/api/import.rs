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

/// Signs the IBP manager in on the pages and makes a school with `pupils` imported pupils.
async fn signed_in_school(app: &TestApp, pupils: usize) -> (String, String) {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let school =
        json(app.post(&token, "/api/v1/schools", &json!({"name": "OBS De Linde", "brin": "11AA"})).await, 201).await;
    let school = school["id"].as_str().unwrap().to_owned();
    if pupils > 0 {
        json(import(app, &token, &school, &export(pupils, None), false).await, 200).await;
    }
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    (token, school)
}

/// The import page's upload (the preview): `school` empty when none was chosen.
async fn upload(app: &TestApp, school: &str, csv: &str) -> (u16, String) {
    let csrf = app.csrf().await;
    let file = reqwest::multipart::Part::text(csv.to_owned()).file_name("leerlingen.csv");
    let form = reqwest::multipart::Form::new().text("school_id", school.to_owned()).part("file", file);
    let response = app.client.post(format!("{}/import?csrf={csrf}", app.address)).multipart(form).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// The value of the hidden field `name` of the confirmation form on `page`.
fn hidden(page: &str, name: &str) -> String {
    let textarea = format!("<textarea name=\"{name}\" hidden aria-hidden=\"true\">");
    let input = format!("name=\"{name}\" value=\"");
    let value = if let Some(start) = page.find(&textarea) {
        let rest = &page[start + textarea.len()..];
        &rest[..rest.find("</textarea>").unwrap()]
    } else {
        let rest = &page[page.find(&input).unwrap() + input.len()..];
        &rest[..rest.find('"').unwrap()]
    };
    value
        .replace("&#13;", "\r")
        .replace("&#10;", "\n")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

async fn current_pupils(app: &TestApp, token: &str) -> i64 {
    json(app.get(token, "/api/v1/pupils?limit=1").await, 200).await["total"].as_i64().unwrap()
}

story!(the_import_form_preselects_no_school_and_an_upload_without_one_is_refused_in_dutch, |app| {
    let (token, school) = signed_in_school(&app, 0).await;
    let (status, page) = app.page("/import").await;
    assert_eq!(status, 200);
    assert!(page.contains("<select id=\"school_id\" name=\"school_id\" required>"), "{page}");
    assert!(page.contains("<option value=\"\" selected>Kies een school</option>"), "{page}");
    assert!(!page.contains(&format!("value=\"{school}\" selected")), "no school is chosen for the user: {page}");

    let (status, page) = upload(&app, "", &export(3, None)).await;
    assert_eq!(status, 422);
    assert!(page.contains("kies de school waarvan dit bestand de leerlingen bevat"), "{page}");
    assert!(page.contains("data-field=\"school_id\""), "{page}");

    let response = app
        .request(Method::POST, Some(&token), "/api/v1/imports?dry_run=true")
        .body(export(3, None))
        .send()
        .await
        .unwrap();
    let problem = json(response, 422).await;
    assert_eq!(problem["errors"][0]["field"], "school_id");
    assert!(problem["errors"][0]["detail"].as_str().unwrap().starts_with("kies de school"), "{problem}");
    assert_eq!(pupil_total(&app, &token).await, 0);

    let long_name = "a".repeat(201);
    let response = app
        .request(Method::POST, Some(&token), &format!("/api/v1/imports?school_id={school}&file_name={long_name}"))
        .body(export(3, None))
        .send()
        .await
        .unwrap();
    let problem = json(response, 422).await;
    assert_eq!(problem["errors"][0]["field"], "file_name");
    assert!(problem["errors"][0]["detail"].as_str().unwrap().contains("ten hoogste 200 tekens"), "{problem}");
});

story!(a_file_that_would_mark_most_of_a_school_as_left_is_refused_over_the_api_unless_confirmed, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let school =
        json(app.post(&token, "/api/v1/schools", &json!({"name": "OBS De Linde", "brin": "11AA"})).await, 201).await;
    let school = school["id"].as_str().unwrap();
    json(import(&app, &token, school, &export(10, None), false).await, 200).await;

    // A partial export: 7 of the 10 pupils are missing.
    let partial = export(3, None);
    let preview = json(import(&app, &token, school, &partial, true).await, 200).await;
    assert_eq!(preview["departures_need_confirmation"], true);
    assert_eq!(preview["current_pupils"], 10);
    assert_eq!(preview["left_school"].as_array().unwrap().len(), 7);
    let first = &preview["left_school"][0];
    assert_eq!((first["name"].as_str(), first["group"].as_str()), (Some("Kind3 van Visser3"), Some("Groep 4")));
    assert_eq!(first["birth_date"], "2017-04-04");

    let problem = json(import(&app, &token, school, &partial, false).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "confirm_departures");
    let detail = problem["errors"][0]["detail"].as_str().unwrap();
    assert!(detail.starts_with("7 van de 10 leerlingen van deze school staan niet in het bestand"), "{detail}");
    assert_eq!(current_pupils(&app, &token).await, 10, "nothing was written");

    let path = format!("/api/v1/imports?school_id={school}&confirm_departures=true");
    let response = app.request(Method::POST, Some(&token), &path).body(partial).send().await.unwrap();
    let report = json(response, 200).await;
    assert_eq!((report["dry_run"].as_bool(), report["left_school"].as_array().unwrap().len()), (Some(false), 7));
    assert_eq!(current_pupils(&app, &token).await, 3);
});

story!(the_page_lists_who_would_leave_and_writes_a_mass_departure_only_with_the_box_ticked, |app| {
    let (token, school) = signed_in_school(&app, 10).await;
    let (status, page) = upload(&app, &school, &export(3, None)).await;
    assert_eq!(status, 200);
    assert!(page.contains("Let op: 7 van de 10 leerlingen van deze school staan niet in het bestand"), "{page}");
    assert!(page.contains("Kind3 van Visser3, Groep 4, geboren 04-04-2017, leerlingnummer 10003"), "{page}");
    assert!(page.contains("Ik weet dat deze 7 leerlingen als vertrokken worden vastgelegd"), "{page}");
    assert!(page.contains("name=\"confirm_departures\" value=\"ja\" required"), "{page}");

    let fields = [
        ("school_id", hidden(&page, "school_id")),
        ("file_name", hidden(&page, "file_name")),
        ("content", hidden(&page, "content")),
    ];
    let without: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = app.form("/import/bevestigen", &without).await;
    assert_eq!(refused.status(), 422);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains("data-field=\"confirm_departures\""), "{refused}");
    assert!(
        refused.contains("vink dan ‘Ik weet dat deze 7 leerlingen als vertrokken worden vastgelegd’ aan"),
        "{refused}"
    );
    assert!(refused.contains("Kind9 van Visser9, Groep 2"), "the preview stays beside the message: {refused}");
    assert_eq!(current_pupils(&app, &token).await, 10, "nothing was written");

    let mut with = without.clone();
    with.push(("confirm_departures", "ja"));
    let done = app.form("/import/bevestigen", &with).await;
    assert_eq!(done.status(), 200);
    assert!(done.text().await.unwrap().contains("Import voltooid"));
    assert_eq!(current_pupils(&app, &token).await, 3);
});

story!(the_column_list_is_linked_from_the_form_and_names_the_allowed_values_in_dutch_first, |app| {
    let (token, school) = signed_in_school(&app, 0).await;
    let (_, form) = app.page("/import").await;
    assert!(form.contains("href=\"/import/kolommen\""), "{form}");
    assert!(form.contains("href=\"/import/voorbeeld.csv\""), "{form}");
    assert!(!form.contains("handleiding"), "no reference to a manual the user does not have");

    let (status, list) = app.page("/import/kolommen").await;
    assert_eq!(status, 200);
    for column in ["Leerlingnummer", "Geboortedatum", "Datum inschrijving", "Vertrokken naar", "Ouder1Relatie"] {
        assert!(list.contains(&format!("<th scope=\"row\">{column}")), "{column}: {list}");
    }
    assert!(list.contains("id=\"kolom-datum-inschrijving\""), "{list}");
    let dutch = list.find("<strong>voortgezet onderwijs</strong>").expect("the Dutch word, highlighted");
    let english = list.find("secondary_school").expect("the English word too");
    assert!(dutch < english, "Dutch first");
    assert!(list.contains("<strong>moeder</strong>") && list.contains("<strong>gescheiden</strong>"), "{list}");
    assert!(list.contains("hoogstens een jaar vooruit"), "the date range is stated: {list}");

    // An unknown word names the Dutch words the column takes.
    let file = "Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;Groep;Datum inschrijving;Vertrokken naar;Datum uitschrijving\n\
                1;Sanne;Berg;04-03-2019;Groep 3;05-03-2023;mars;01-07-2026\n";
    let problem = json(import(&app, &token, &school, file, true).await, 422).await;
    let detail = problem["errors"][0]["detail"].as_str().unwrap();
    assert_eq!(
        detail,
        "Regel 2, kolom Vertrokken naar: gebruik een van: basisschool, voortgezet onderwijs, speciaal onderwijs, \
         niet toegelaten, buitenland, anders."
    );
});

story!(the_template_file_downloads_and_imports_cleanly, |app| {
    let (token, school) = signed_in_school(&app, 0).await;
    let response = app.client.get(format!("{}/import/voorbeeld.csv", app.address)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(response.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    let bytes = response.bytes().await.unwrap();
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark, so Excel reads UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("Leerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Groep;Datum inschrijving")
    );
    assert!(lines[1].contains("Voorbeeld"), "obviously made up: {}", lines[1]);
    for cell in lines.iter().flat_map(|l| l.split(';')) {
        assert!(!cell.starts_with(['=', '+', '-', '@']), "no cell a spreadsheet runs: {cell}");
    }

    let response = app
        .request(Method::POST, Some(&token), &format!("/api/v1/imports?school_id={school}"))
        .body(bytes)
        .send()
        .await
        .unwrap();
    let report = json(response, 200).await;
    assert_eq!(report["created"][0]["name"], "Fleur van Voorbeeld");
    let pupil = json(app.get(&token, "/api/v1/pupils?q=Voorbeeld").await, 200).await["pupils"][0]["id"].clone();
    let guardians =
        json(app.get(&token, &format!("/api/v1/pupils/{}/guardians", pupil.as_str().unwrap())).await, 200).await;
    assert_eq!(
        (guardians[0]["relation"].as_str(), guardians[0]["holds_custody"].as_bool()),
        (Some("mother"), Some(true))
    );
});

story!(an_enrolment_in_2030_and_a_birth_date_out_of_range_are_refused_naming_row_and_column, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let school =
        json(app.post(&token, "/api/v1/schools", &json!({"name": "OBS De Linde", "brin": "11AA"})).await, 201).await;
    let school = school["id"].as_str().unwrap();
    let file = "Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;Groep;Datum inschrijving\n\
                1;Sanne;Berg;04-03-2019;Groep 3;20-08-2030\n\
                2;Tim;Berg;04-03-1990;Groep 3;05-03-2023\n\
                3;Noor;Berg;04-03-2026;Groep 1;05-03-2026\n\
                4;Daan;Berg;04-03-2019;Groep 3;05-03-2023\n";
    let problem = json(import(&app, &token, school, file, false).await, 422).await;
    let errors: Vec<(u64, &str, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_u64().unwrap(), e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [
            (2, "Datum inschrijving", "enrolment_date.too_late"),
            (3, "Geboortedatum", "birth_date.too_old"),
            (4, "Geboortedatum", "birth_date.too_young"),
        ]
    );
    assert_eq!(
        problem["errors"][0]["detail"],
        "Regel 2, kolom Datum inschrijving: de inschrijfdatum ligt meer dan een jaar in de toekomst; controleer het jaartal."
    );
    assert_eq!(pupil_total(&app, &token).await, 0);
});
