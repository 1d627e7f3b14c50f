//! The processing register exported — JSON with what each activity misses,
//! W3C DPV JSON-LD, CSV, XLSX and the art. 30 PDF, live or an adopted
//! version, narrowed to what the caller may see — and imported again from
//! XLSX, all or nothing, with every wrong cell named by row and column.

use crate::helpers::{Fixture, TestApp, json, pdf_text};
use crate::register::{complete_activity, profile, set_profile};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use calamine::{Data, Reader, Xlsx};
use reqwest::Method;
use serde_json::{Value, json};
use std::io::Cursor;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"klik\")";
/// The DPV terms the export may use (the file the app ships).
const TERMS: &str = include_str!("../../../app/src/register/dpv_terms.txt");

/// `GET /api/v1/processing-register{query}` with `accept`: status, content type and body.
async fn export(app: &TestApp, token: &str, query: &str, accept: &str) -> (u16, String, Vec<u8>) {
    let response = app
        .request(Method::GET, Some(token), &format!("/api/v1/processing-register{query}"))
        .header("accept", accept)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let kind = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    (status, kind, response.bytes().await.unwrap().to_vec())
}

async fn export_json(app: &TestApp, token: &str, query: &str) -> Value {
    let (status, kind, body) = export(app, token, query, "application/json").await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    assert!(kind.starts_with("application/json"), "{kind}");
    serde_json::from_slice(&body).unwrap()
}

/// Every sheet of a workbook: its name and its rows as text.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    workbook
        .sheet_names()
        .into_iter()
        .map(|name| {
            let range = workbook.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::String(s) => s.clone(),
                            Data::Empty => String::new(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

/// A board with its profile, its IBP manager's token and two activities: one
/// named like a formula with two purposes, a special category, recipients
/// and a transfer; one plain.
async fn board_with_register(app: &TestApp, name: &str) -> (aantoonbaar_store::BoardId, String) {
    let board = app.board(name).await;
    let email = format!("ibp@{}.nl", name.to_lowercase().replace(' ', ""));
    let token = app.staff(&board, &email, Role::St, ScopeKind::Board, &[]).await;
    json(set_profile(app, &token, &profile()).await, 200).await;
    let mut rich = complete_activity(FORMULA);
    rich["description"] = json!("Een naam die op een formule lijkt");
    rich["purposes"] = json!([
        {"text": "Onderwijs geven", "legal_basis": "public_task", "legal_source": "art. 8 WPO"},
        {"text": "Ouders informeren", "legal_basis": "legitimate_interests", "balancing_test": "Alleen wat nodig is."}
    ]);
    rich["special_categories"] = json!([{"category": "health", "condition": "substantial_public_interest"}]);
    rich["recipients"] =
        json!([{"name": "Leerkrachten", "kind": "internal"}, {"name": "Leerling Online BV", "kind": "processor"}]);
    rich["transfers"] = json!([{"country": "US", "safeguard": "sccs", "recipient": "Cloud Inc."}]);
    rich["classification"] = json!("confidential");
    rich["owner"] = json!("Directeur-bestuurder");
    rich["review_date"] = json!("2030-01-31");
    json(app.post(&token, "/api/v1/processing-activities", &rich).await, 201).await;
    json(app.post(&token, "/api/v1/processing-activities", &complete_activity("Personeelsdossier")).await, 201).await;
    (board, token)
}

/// Every `dpv:`, `pd:` and `eu-gdpr:` term in a JSON-LD value, keys and values.
fn terms_in(value: &Value, out: &mut Vec<String>) {
    fn note(text: &str, out: &mut Vec<String>) {
        if ["dpv:", "pd:", "eu-gdpr:"].iter().any(|p| text.starts_with(p)) {
            out.push(text.to_owned());
        }
    }
    match value {
        Value::String(s) => note(s, out),
        Value::Object(map) => {
            for (key, v) in map {
                note(key, out);
                terms_in(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| terms_in(v, out)),
        _ => {}
    }
}

story!(every_format_has_its_content_type_and_a_formula_stays_text, |app| {
    let (board, token) = board_with_register(&app, "Stichting Kerobei").await;

    // JSON, the default: the register with what each activity misses.
    let register = export_json(&app, &token, "").await;
    assert_eq!(register["profile"]["dpo"]["email"], "fg@kerobei.nl");
    let activities = register["activities"].as_array().unwrap();
    assert_eq!(activities.len(), 2);
    assert_eq!(activities[0]["name"], FORMULA);
    assert!(activities.iter().all(|a| a["completeness"]["missing"].is_array()), "{register}");
    assert!(register.get("version").is_none());

    // CSV: the main sheet, one row per activity × purpose, a formula as text.
    let (status, kind, body) = export(&app, &token, "", "text/csv").await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/csv"), "{kind}");
    let text = String::from_utf8(body).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(&header[..4], ["Verwerking", "Omschrijving", "Doel", "Grondslag"]);
    let rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    assert_eq!(rows.len(), 3, "two purposes and one: {rows:?}");
    assert_eq!(rows[0][0], format!("'{FORMULA}"), "a formula gets its apostrophe");
    assert_eq!(rows[0][3], "taak van algemeen belang");
    assert_eq!(rows[1][2], "Ouders informeren");
    assert_eq!(rows[1][3], "gerechtvaardigd belang");
    assert_eq!(rows[2][0], "Personeelsdossier");
    // ?format= wins over the Accept header.
    let (_, kind, _) = export(&app, &token, "?format=csv", "application/json").await;
    assert!(kind.starts_with("text/csv"), "{kind}");

    // XLSX: the main sheet and the child sheets, the formula as text there too.
    let (status, kind, body) = export(&app, &token, "", XLSX).await;
    assert_eq!((status, kind.as_str()), (200, XLSX));
    let book = sheets(&body);
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Verwerkingen", "Categorieën", "Ontvangers", "Doorgiften"]);
    assert_eq!(book[0].1.len(), 4, "header and three rows");
    assert_eq!(book[0].1[1][0], format!("'{FORMULA}"));
    let categories = &book[1].1;
    assert!(
        categories.iter().any(|r| r[1] == "bijzondere gegevens"
            && r[2] == "gezondheid"
            && r[3] == "zwaarwegend algemeen belang (wet)"),
        "{categories:?}"
    );
    assert!(categories.iter().any(|r| r[1] == "betrokkenen" && r[2] == "leerlingen"), "{categories:?}");
    assert!(book[2].1.iter().any(|r| r[1] == "Leerling Online BV" && r[2] == "verwerker (werkt in onze opdracht)"));
    assert_eq!(book[3].1[1][1..], ["US", "modelcontractbepalingen van de Europese Commissie", "Cloud Inc."]);

    // PDF: the art. 30 register for the supervisory authority.
    let (status, kind, body) = export(&app, &token, "", "application/pdf").await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    // Words, not lines: where a value wraps is the layout's business.
    let text = pdf_text(&body).split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Register van verwerkingsactiviteiten",
        "Werkversie",
        "Stichting Kerobei",
        "Fenna Visser",
        "Personeelsdossier",
        "taak van algemeen belang",
        "art. 8 WPO",
        "Bewaartermijn",
        "zwaarwegend algemeen belang",
        "modelcontractbepalingen",
        "3 vertrouwelijk",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }

    // JSON-LD in DPV: a valid context and only listed DPV 2 terms.
    let (status, kind, body) = export(&app, &token, "", "application/ld+json").await;
    assert_eq!((status, kind.as_str()), (200, "application/ld+json"));
    let document: Value = serde_json::from_slice(&body).unwrap();
    let context = document["@context"].as_object().expect("an @context object");
    assert_eq!(context["dpv"], "https://w3id.org/dpv#");
    assert_eq!(context["eu-gdpr"], "https://w3id.org/dpv/legal/eu/gdpr#");
    assert_eq!(context["pd"], "https://w3id.org/dpv/pd#");
    let mut used = Vec::new();
    terms_in(&document, &mut used);
    let listed: Vec<&str> = TERMS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let unlisted: Vec<&String> = used.iter().filter(|t| !listed.contains(&t.as_str())).collect();
    assert!(unlisted.is_empty(), "not in dpv_terms.txt: {unlisted:?}");
    // Every prefix a term uses is in the context.
    for term in &used {
        let prefix = term.split(':').next().unwrap();
        assert!(context.contains_key(prefix), "{prefix}");
    }
    let graph = document["@graph"].as_array().unwrap();
    assert_eq!(graph[0]["@type"], "dpv:DataController");
    let rich = &graph[1];
    assert_eq!(rich["@type"], "dpv:PersonalDataHandling");
    for term in ["eu-gdpr:A6-1-e", "eu-gdpr:A6-1-f", "eu-gdpr:A9-2-g"] {
        assert!(rich["dpv:hasLegalBasis"].as_array().unwrap().iter().any(|b| b["@id"] == term), "{term} in {rich}");
    }
    assert!(rich["dpv:hasDataSubject"].as_array().unwrap().iter().any(|s| s["@id"] == "dpv:Child"));
    assert!(rich["dpv:hasPersonalData"].as_array().unwrap().iter().any(|s| s["@id"] == "pd:Health"));
    assert_eq!(rich["dpv:hasPersonalDataHandling"][0]["dpv:hasLegalBasis"]["@id"], "eu-gdpr:A46-2-c");
    assert_eq!(rich["dpv:hasPersonalDataHandling"][0]["dpv:hasThirdCountry"]["@id"], "loc:US");

    // Every export is in the audit trail, and a wrong format or version is named.
    let trail = app.store.board(&board).audit_trail(500).await.unwrap();
    let exports: Vec<&str> =
        trail.iter().filter(|e| e.entity == "processing_register_export").map(|e| e.entity_id.as_str()).collect();
    for id in ["actueel.json", "actueel.csv", "actueel.xlsx", "actueel.pdf", "actueel.jsonld"] {
        assert!(exports.contains(&id), "{id} in {exports:?}");
    }
    let (status, _, body) = export(&app, &token, "?format=docx", "").await;
    assert_eq!(status, 422, "{}", String::from_utf8_lossy(&body));
    let (status, _, _) = export(&app, &token, "?version=eerste", "").await;
    assert_eq!(status, 422);
});

story!(an_adopted_version_is_exported_as_it_was_adopted, |app| {
    let (board, ibp) = board_with_register(&app, "Stichting Kerobei").await;
    let cvb = app.staff(&board, "cvb@kerobei.nl", Role::Cvb, ScopeKind::Board, &[]).await;

    // Before any adoption there is no adopted version to export.
    let (status, _, _) = export(&app, &ibp, "?version=adopted", "").await;
    assert_eq!(status, 404);
    json(app.post(&cvb, "/api/v1/processing-register/adopt", &json!({"decision": "Besluit CvB 2026-14"})).await, 201)
        .await;
    let live = export_json(&app, &ibp, "").await;
    let id = live["activities"][1]["id"].as_str().unwrap().to_owned();
    json(app.patch(&ibp, &format!("/api/v1/processing-activities/{id}"), &json!({"retention": "1 jaar"})).await, 200)
        .await;

    let adopted = export_json(&app, &ibp, "?version=adopted").await;
    assert_eq!(adopted["version"], 1);
    assert_eq!(adopted["decision"], "Besluit CvB 2026-14");
    assert_eq!(adopted["activities"][1]["retention"], "2 jaar na vertrek");
    assert_eq!(adopted["activities"][1]["status"], "adopted");
    assert_eq!(export_json(&app, &ibp, "?version=1").await["activities"], adopted["activities"]);
    let live = export_json(&app, &ibp, "").await;
    assert_eq!(live["activities"][1]["retention"], "1 jaar");
    assert_eq!(live["activities"][1]["status"], "draft");

    let (_, _, body) = export(&app, &ibp, "?version=1&format=pdf", "").await;
    let text = pdf_text(&body);
    assert!(text.contains("Versie 1, vastgesteld op") && text.contains("Besluit CvB 2026-14"), "{text}");
    assert!(text.contains("2 jaar na vertrek") && !text.contains("1 jaar"), "{text}");
    let (_, _, body) = export(&app, &ibp, "?version=1&format=csv", "").await;
    assert!(String::from_utf8(body).unwrap().contains("2 jaar na vertrek"));
    let (status, _, _) = export(&app, &ibp, "?version=7", "").await;
    assert_eq!(status, 404);
    let trail = app.store.board(&board).audit_trail(500).await.unwrap();
    assert!(trail.iter().any(|e| e.entity == "processing_register_export" && e.entity_id == "versie-1.pdf"));
});

story!(a_director_exports_their_scope_and_a_teacher_nothing, |app| {
    let board = app.board("Stichting Kerobei").await;
    let ibp = app.staff(&board, "ibp@kerobei.nl", Role::St, ScopeKind::Board, &[]).await;
    let fixture = Fixture::create(&app, &ibp, 10).await;
    let director = app.staff(&board, "d@kerobei.nl", Role::D, ScopeKind::School, &[&fixture.school]).await;
    let teacher = app.staff(&board, "op@kerobei.nl", Role::Op, ScopeKind::Groups, &[&fixture.group]).await;
    let cvb = app.staff(&board, "cvb@kerobei.nl", Role::Cvb, ScopeKind::Board, &[]).await;
    json(set_profile(&app, &ibp, &profile()).await, 200).await;
    json(app.post(&ibp, "/api/v1/processing-activities", &complete_activity("Bestuursbreed")).await, 201).await;
    let mut own = complete_activity("Camera De Linde");
    own["school_id"] = json!(fixture.school);
    json(app.post(&ibp, "/api/v1/processing-activities", &own).await, 201).await;
    let mut other = complete_activity("Camera De Eik");
    other["school_id"] = json!(fixture.other_school);
    json(app.post(&ibp, "/api/v1/processing-activities", &other).await, 201).await;
    json(app.post(&cvb, "/api/v1/processing-register/adopt", &json!({"decision": "Besluit"})).await, 201).await;

    let names = |v: &Value| -> Vec<String> {
        v["activities"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(names(&export_json(&app, &director, "").await), ["Bestuursbreed", "Camera De Linde"]);
    assert_eq!(names(&export_json(&app, &director, "?version=adopted").await), ["Bestuursbreed", "Camera De Linde"]);
    let (_, _, body) = export(&app, &director, "?format=csv&version=1", "").await;
    assert!(!String::from_utf8(body).unwrap().contains("De Eik"));
    assert_eq!(names(&export_json(&app, &ibp, "?version=1").await).len(), 3);

    for format in ["json", "csv", "xlsx", "pdf", "jsonld"] {
        let (status, _, _) = export(&app, &teacher, &format!("?format={format}"), "").await;
        assert_eq!(status, 403, "{format}");
    }
    let (status, _, _) = export(&app, &teacher, "?version=1", "").await;
    assert_eq!(status, 403);
    // Importing is the IBP manager's: the director may not.
    let (_, _, workbook) = export(&app, &ibp, "?format=xlsx", "").await;
    let response = import(&app, &director, "?dry_run=true", workbook).await;
    assert_eq!(response.status(), 403);
});

async fn import(app: &TestApp, token: &str, query: &str, body: Vec<u8>) -> reqwest::Response {
    app.request(Method::POST, Some(token), &format!("/api/v1/processing-register/import{query}"))
        .header("content-type", XLSX)
        .body(body)
        .send()
        .await
        .unwrap()
}

/// An activity as the register holds it, without what the register adds (ids, dates, status, findings).
fn content(activity: &Value) -> Value {
    let mut activity = activity.clone();
    let map = activity.as_object_mut().unwrap();
    for key in ["id", "created_at", "updated_at", "status", "completeness", "school_id"] {
        map.remove(key);
    }
    activity
}

story!(an_export_imports_into_a_fresh_board_as_the_same_activities, |app| {
    let (_, source) = board_with_register(&app, "Stichting Kerobei").await;
    let (_, _, workbook) = export(&app, &source, "?format=xlsx", "").await;

    let fresh = app.board("Stichting Nieuw").await;
    let token = app.staff(&fresh, "ibp@nieuw.nl", Role::St, ScopeKind::Board, &[]).await;

    // A dry run reports what would be created and writes nothing.
    let dry = json(import(&app, &token, "?dry_run=true", workbook.clone()).await, 200).await;
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["activities"].as_array().unwrap().len(), 2);
    assert_eq!(dry["activities"][0]["purposes"], 2);
    assert!(dry["activities"][0].get("id").is_none());
    assert_eq!(json(app.get(&token, "/api/v1/processing-activities").await, 200).await, json!([]));

    let done = json(import(&app, &token, "", workbook.clone()).await, 200).await;
    assert_eq!(done["dry_run"], false);
    assert!(done["activities"][0]["id"].is_string());
    let before = json(app.get(&source, "/api/v1/processing-activities").await, 200).await;
    let after = json(app.get(&token, "/api/v1/processing-activities").await, 200).await;
    let before: Vec<Value> = before.as_array().unwrap().iter().map(content).collect();
    let after: Vec<Value> = after.as_array().unwrap().iter().map(content).collect();
    assert_eq!(after, before);
    assert_eq!(after[0]["name"], FORMULA, "the apostrophe of the export is taken off again");

    // The same file again: every name is taken, and nothing more is written.
    let problem = json(import(&app, &token, "", workbook).await, 422).await;
    let details: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["detail"].as_str().unwrap()).collect();
    assert!(
        details
            .iter()
            .any(|d| d.starts_with("Rij 4, kolom Verwerking: er staat al een verwerking 'Personeelsdossier'")),
        "{details:?}"
    );
    assert_eq!(json(app.get(&token, "/api/v1/processing-activities").await, 200).await.as_array().unwrap().len(), 2);
});

/// A workbook of `sheets` (name, rows), every cell a string.
fn workbook(sheets: &[(&str, Vec<Vec<&str>>)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in (0_u32..).zip(rows) {
            for (c, value) in (0_u16..).zip(row) {
                if !value.is_empty() {
                    sheet.write_string(r, c, *value).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

story!(a_wrong_file_names_every_wrong_cell_by_row_and_column_and_writes_nothing, |app| {
    let board = app.board("Stichting Kerobei").await;
    let token = app.staff(&board, "ibp@kerobei.nl", Role::St, ScopeKind::Board, &[]).await;
    let file = workbook(&[
        (
            "Verwerkingen",
            vec![
                vec!["Verwerking", "Doel", "Grondslag", "Bewaartermijn", "Status", "Opnieuw bekijken op"],
                vec![
                    "Leerlingadministratie",
                    "Onderwijs geven",
                    "taak van algemeen belang",
                    "2 jaar",
                    "concept",
                    "31-08-2027",
                ],
                vec!["Leerlingadministratie", "Bekostiging", "wettelijke plicht", "2 jaar", "", ""],
                vec!["Nieuwsbrief", "Ouders informeren", "toestemmingen", "2 jaar", "", "morgen"],
                vec!["Nieuwsbrief", "Uitnodigen", "", "1 jaar", "", ""],
            ],
        ),
        (
            "Categorieën",
            vec![
                vec!["Verwerking", "Soort", "Categorie", "Uitzondering art. 9"],
                vec!["Leerlingadministratie", "betrokkenen", "leerlingen", ""],
                vec!["Leerlingadministratie", "bijzondere gegevens", "contactgegevens", ""],
                vec!["Bestaat niet", "gegevens", "contactgegevens", ""],
            ],
        ),
        ("Doorgiften", vec![vec!["Verwerking", "Land", "Waarborg"], vec!["Leerlingadministratie", "NL", "sccs"]]),
    ]);
    for query in ["?dry_run=true", ""] {
        let problem = json(import(&app, &token, query, file.clone()).await, 422).await;
        let errors = problem["errors"].as_array().unwrap();
        let details: Vec<&str> = errors.iter().map(|e| e["detail"].as_str().unwrap()).collect();
        let expected = [
            "Rij 4, kolom Grondslag: 'toestemmingen' is geen grondslag; kies uit toestemming, uitvoering van een overeenkomst,",
            "Rij 4, kolom Opnieuw bekijken op: 'morgen' is geen datum",
            "Rij 5, kolom Grondslag: dit vak is leeg",
            "Rij 5, kolom Bewaartermijn: deze waarde verschilt van rij 4",
            "Blad Categorieën, rij 3, kolom Categorie: 'contactgegevens' is geen bijzonder persoonsgegeven",
            "Blad Categorieën, rij 4, kolom Verwerking: 'Bestaat niet' staat niet op het blad Verwerkingen",
            "Blad Doorgiften, rij 2, kolom Land: NL hoort bij de EER",
        ];
        for start in expected {
            assert!(details.iter().any(|d| d.starts_with(start)), "{start} in {details:#?}");
        }
        assert_eq!(details.len(), expected.len(), "{details:#?}");
        assert_eq!(errors[0]["line"], 4);
        assert_eq!(errors[0]["field"], "main.legal_basis");
        assert_eq!(json(app.get(&token, "/api/v1/processing-activities").await, 200).await, json!([]));
    }

    // Not a workbook at all, an empty body, a workbook without the main sheet.
    let problem = json(import(&app, &token, "", b"Verwerking;Doel\n".to_vec()).await, 422).await;
    assert!(problem["errors"][0]["detail"].as_str().unwrap().contains("geen Excelbestand"), "{problem}");
    json(import(&app, &token, "", Vec::new()).await, 422).await;
    let other = workbook(&[("Blad1", vec![vec!["x"]])]);
    let problem = json(import(&app, &token, "", other).await, 422).await;
    assert!(problem["errors"][0]["detail"].as_str().unwrap().contains("Verwerkingen"), "{problem}");
    assert_eq!(json(app.get(&token, "/api/v1/processing-activities").await, 200).await, json!([]));
});

/// The hidden file of the import's confirmation form, as the page carries it.
fn hidden_content(page: &str) -> String {
    let start = page.find("<textarea name=\"content\" hidden aria-hidden=\"true\">").expect("the confirmation form");
    let rest = &page[start..];
    let rest = &rest[rest.find('>').unwrap() + 1..];
    rest[..rest.find("</textarea>").unwrap()].replace("&#x2f;", "/").replace("&#47;", "/").replace("&#43;", "+")
}

story!(the_ibp_manager_exports_and_imports_on_the_pages, |app| {
    use crate::helpers::PASSWORD;
    let (_, source) = board_with_register(&app, "Stichting Kerobei").await;
    let (_, _, workbook_bytes) = export(&app, &source, "?format=xlsx", "").await;
    let board = app.board("Stichting Nieuw").await;
    app.staff(&board, "ibp@nieuw.nl", Role::St, ScopeKind::Board, &[]).await;
    app.sign_in("ibp@nieuw.nl", PASSWORD).await;

    let (status, page) = app.page("/register").await;
    assert_eq!(status, 200);
    assert!(page.contains("href=\"/register/export\"") && page.contains("href=\"/register/import\""), "{page}");
    let (status, page) = app.page("/register/export").await;
    assert_eq!(status, 200);
    assert!(page.contains("/api/v1/processing-register?format=pdf"), "{page}");
    assert!(page.contains("class=\"table-scroll\" role=\"region\" tabindex=\"0\""), "{page}");
    // The page's links work with the session.
    let response =
        app.client.get(format!("{}/api/v1/processing-register?format=csv", app.address)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let (status, page) = app.page("/register/import/indeling").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Grondslag") && page.contains("taak van algemeen belang") && page.contains("Doorgiften"),
        "{page}"
    );
    let response = app.client.get(format!("{}/register/import/voorbeeld.xlsx", app.address)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let example = response.bytes().await.unwrap();
    assert!(sheets(&example)[0].1.len() > 10, "the template's activities");

    // A wrong file: every wrong cell by row and column, nothing written.
    let csrf = app.csrf().await;
    let wrong = workbook(&[(
        "Verwerkingen",
        vec![vec!["Verwerking", "Doel", "Grondslag"], vec!["Nieuwsbrief", "Ouders informeren", "toestemmingen"]],
    )]);
    let part = reqwest::multipart::Part::bytes(wrong).file_name("register.xlsx");
    let form = reqwest::multipart::Form::new().part("file", part);
    let response =
        app.client.post(format!("{}/register/import?csrf={csrf}", app.address)).multipart(form).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(
        page.contains("Rij 2, kolom Grondslag: &#39;toestemmingen&#39; is geen grondslag")
            || page.contains("Rij 2, kolom Grondslag: &#x27;toestemmingen&#x27; is geen grondslag"),
        "{page}"
    );
    assert!(page.contains("register.xlsx"), "the form says which file was checked: {page}");

    // The export: a preview first, then the confirmation writes it.
    let part = reqwest::multipart::Part::bytes(workbook_bytes).file_name("export.xlsx");
    let form = reqwest::multipart::Form::new().part("file", part);
    let response =
        app.client.post(format!("{}/register/import?csrf={csrf}", app.address)).multipart(form).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains("Controle: deze verwerkingen komen erbij") && page.contains("Personeelsdossier"), "{page}");
    let token = app.staff(&board, "api@nieuw.nl", Role::St, ScopeKind::Board, &[]).await;
    assert_eq!(json(app.get(&token, "/api/v1/processing-activities").await, 200).await, json!([]));
    let content = hidden_content(&page);
    let response =
        app.form("/register/import/bevestigen", &[("file_name", "export.xlsx"), ("content", &content)]).await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains("Import voltooid"), "{page}");
    // The audit trail's page names the export by version and format.
    let (_, page) = app.page("/logboek").await;
    assert!(page.contains("Export van het verwerkingsregister actueel.csv"), "{page}");
    assert_eq!(json(app.get(&token, "/api/v1/processing-activities").await, 200).await.as_array().unwrap().len(), 2);
});
