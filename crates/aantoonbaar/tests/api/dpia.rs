//! The DPIA screening: the contract on the API, the command line and the page.

use crate::helpers::{PASSWORD, TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use serde_json::{Value, json};
use std::io::Write;
use std::process::{Command, Stdio};

const ASSESS: &str = "/api/v1/dpia-screenings/assess";

fn cli(app: &TestApp, args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aantoonbaar"))
        .args(args)
        .env("AANTOONBAAR_DATABASE_URL", &app.database_url)
        .env("AANTOONBAAR_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The sources of the reasons that apply.
fn applied(outcome: &Value) -> Vec<String> {
    outcome["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["applies"] == true)
        .map(|r| r["source"].as_str().unwrap().to_owned())
        .collect()
}

story!(the_dpia_screening_answers_the_contract_on_the_api_and_the_command_line, |app| {
    let board = app.board("Stichting Proef").await;
    // Any signed-in staff member may screen: here a teacher.
    let token = app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Board, &[]).await;

    // Cameras at the entrance, watching everyone who passes: on the AP list and art. 35(3)(c).
    let camera = json!({"subjects": ["pupils", "visitors", "public"], "large_scale": true,
        "data_categories": ["images"], "techniques": ["camera_public_area"]});
    let outcome = json(app.post(&token, ASSESS, &camera).await, 200).await;
    assert_eq!(outcome["outcome"], "required");
    assert!(outcome["summary"].as_str().unwrap().contains("verplicht"), "{outcome}");
    let sources = applied(&outcome);
    assert!(sources.contains(&"ap_list_9".to_owned()) && sources.contains(&"art35_3_c".to_owned()), "{sources:?}");
    // The shape: every reason has its code, source, Dutch source name, whether it applies and a Dutch text.
    for reason in outcome["reasons"].as_array().unwrap() {
        assert!(reason["code"].is_string() && reason["source"].is_string() && reason["applies"].is_boolean());
        assert!(reason["text"].as_str().is_some_and(|t| !t.is_empty() && !t.contains("[?]")), "{reason}");
        assert!(reason["source_name"].as_str().is_some_and(|t| !t.contains("[?]")), "{reason}");
    }
    let ap9 = outcome["reasons"].as_array().unwrap().iter().find(|r| r["source"] == "ap_list_9").unwrap();
    assert_eq!(ap9["source_name"], "AP-lijst, punt 9");
    assert_eq!(ap9["code"], "dpia.ap.camera_surveillance");

    // A reading app for one school's pupils, with names only: not required, and the reasons say why.
    let reading = json!({"subjects": ["pupils"], "subject_count": 250, "data_categories": ["identification"],
        "techniques": []});
    let outcome = json(app.post(&token, ASSESS, &reading).await, 200).await;
    assert_eq!(outcome["outcome"], "not_required");
    assert_eq!(applied(&outcome), ["wp248_7"], "only the children criterion applies: {outcome}");
    let reasons = outcome["reasons"].as_array().unwrap();
    let children = reasons.iter().find(|r| r["source"] == "wp248_7").unwrap();
    assert!(children["text"].as_str().unwrap().contains("kinderen"), "{children}");
    for n in 1..=9 {
        assert!(reasons.iter().any(|r| r["source"] == format!("wp248_{n}")), "criterion {n} is accounted for");
    }
    let scale = reasons.iter().find(|r| r["source"] == "wp248_5").unwrap();
    assert!(scale["text"].as_str().unwrap().contains("250"), "{scale}");

    // Scoring pupils' performance: the AP names it (item 15), and two criteria apply.
    let scoring = json!({"subjects": ["pupils"], "subject_count": 250,
        "data_categories": ["identification", "performance"], "techniques": ["scoring_performance"]});
    let outcome = json(app.post(&token, ASSESS, &scoring).await, 200).await;
    assert_eq!(outcome["outcome"], "required");
    let sources = applied(&outcome);
    for source in ["ap_list_15", "wp248_1", "wp248_7", "wp248"] {
        assert!(sources.contains(&source.to_owned()), "{source} in {sources:?}");
    }

    // An unknown code or field is a 400 that names it; missing answers are 422 per field.
    let problem = json(
        app.post(
            &token,
            ASSESS,
            &json!({"subjects": ["pupils"], "data_categories": ["contact"],
        "techniques": ["mind_reading"]}),
        )
        .await,
        400,
    )
    .await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(detail.contains("mind_reading") && detail.contains("techniques"), "{problem}");
    let problem = json(app.post(&token, ASSESS, &json!({"subjects": ["aliens"]})).await, 400).await;
    assert!(problem["detail"].as_str().unwrap().contains("aliens"), "{problem}");
    let problem = json(app.post(&token, ASSESS, &json!({"colour": "red"})).await, 400).await;
    assert!(problem["detail"].as_str().unwrap().contains("colour"), "{problem}");
    let problem = json(app.post(&token, ASSESS, &json!({})).await, 422).await;
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["subjects", "data_categories"]);

    // The command line gives the same answer, and refuses by name too.
    let from_api = json(app.post(&token, ASSESS, &scoring).await, 200).await;
    let (ok, out, err) = cli(&app, &["dpia", "screen"], &scoring.to_string());
    assert!(ok, "{err}");
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), from_api, "the CLI and the API give the same answer");
    let (ok, _, err) = cli(&app, &["dpia", "screen"], r#"{"techniques": ["mind_reading"]}"#);
    assert!(!ok && err.contains("mind_reading"), "{err}");
    let (ok, _, err) = cli(&app, &["dpia", "screen"], "{}");
    assert!(!ok && err.contains("subjects"), "{err}");

    // The OpenAPI document describes the route.
    let openapi = json(app.request(reqwest::Method::GET, None, "/api/openapi.json").send().await.unwrap(), 200).await;
    assert!(openapi["paths"]["/dpia-screenings/assess"]["post"].is_object(), "documented");
});

story!(the_dpia_screening_page_shows_the_outcome_with_its_sources_and_keeps_what_was_typed, |app| {
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;

    let (status, page) = app.page("/dpia/screening").await;
    assert_eq!(status, 200);
    assert!(page.contains("Van wie zijn de gegevens?") && page.contains("name=\"techniques\""), "{page}");

    let response = app
        .form(
            "/dpia/screening",
            &[
                ("subjects", "pupils"),
                ("data_categories", "identification"),
                ("data_categories", "performance"),
                ("subject_count", "250"),
                ("large_scale", ""),
                ("techniques", "scoring_performance"),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains("Een DPIA is verplicht"), "{page}");
    assert!(page.contains("AP-lijst, punt 15") && page.contains("WP248, criterium 7"), "{page}");
    assert!(page.contains("class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label="), "{page}");
    // What was typed is kept.
    assert!(page.contains("value=\"250\""), "{page}");
    assert!(page.contains("value=\"scoring_performance\" checked"), "{page}");
    assert!(page.contains("value=\"performance\" checked") && page.contains("value=\"pupils\" checked"), "{page}");
    assert!(!page.contains("value=\"health\" checked"));

    // Nothing ticked: the errors name the questions, the number stays.
    let response = app.form("/dpia/screening", &[("subject_count", "12x")]).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("href=\"#subjects\"") && page.contains("href=\"#data_categories\""), "{page}");
    assert!(page.contains("href=\"#subject_count\"") && page.contains("value=\"12x\""), "{page}");

    // The register links to the screening.
    let (_, register) = app.page("/register").await;
    assert!(register.contains("href=\"/dpia/screening\""), "{register}");
});
