//! Legal deadlines and the breach assessment: the contracts on the API and CLI.

use crate::helpers::{TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use serde_json::json;
use std::io::Write;
use std::process::{Command, Stdio};

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

story!(a_request_deadline_is_one_month_moved_past_weekends_holidays_and_equated_days, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let deadlines = json(app.get(&token, "/api/v1/deadlines/request?received=2025-01-31").await, 200).await;
    assert_eq!(deadlines, json!({"deadline": "2025-02-28", "extended_deadline": "2025-04-30"}));

    // 15 May 2026 is the Friday after Ascension Day: a working day until a royal decree equates it.
    let before = json(app.get(&token, "/api/v1/deadlines/request?received=2026-04-15").await, 200).await;
    assert_eq!(before["deadline"], "2026-05-15");
    let body = json!({"date": "2026-05-15", "description": "vrijdag na Hemelvaartsdag"});
    json(app.post(&token, "/api/v1/equated-days", &body).await, 201).await;
    let after = json(app.get(&token, "/api/v1/deadlines/request?received=2026-04-15").await, 200).await;
    assert_eq!(after["deadline"], "2026-05-18");
    assert_eq!(app.post(&token, "/api/v1/equated-days", &body).await.status(), 409);

    let (ok, out, err) = cli(&app, &["deadline", "--received", "2026-04-15", "--board", "Stichting Proef"], "");
    assert!(ok, "{err}");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&out).unwrap()["deadline"], "2026-05-18");
    let (ok, out, _) = cli(&app, &["deadline", "--received", "2026-04-15"], "");
    assert!(ok);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap(),
        json!({"deadline": "2026-05-15", "extended_deadline": "2026-07-15"})
    );

    let problem = json(app.get(&token, "/api/v1/deadlines/request?received=2026-02-30").await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "received");
    let problem = json(app.get(&token, "/api/v1/deadlines/request").await, 422).await;
    assert_eq!(problem["errors"][0]["code"], "field.required");
});

story!(the_breach_assessment_answers_the_contract_on_the_api_and_the_command_line, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::Board, &[]).await;
    let facts = json!({
        "personal_data": true, "confidentiality": "unknown_recipient", "integrity": "none", "availability": "none",
        "unavailable_hours": 0, "malicious": false, "exfiltration": "none", "data_categories": ["contact", "health"],
        "subjects": 120, "children": true, "vulnerable": false, "encrypted": false, "key_compromised": false,
        "recipient_confirmed_deletion": false, "backup_restored": false, "risk_removed_by_measures": false,
        "individual_contact_disproportionate": false, "aware_at": "2026-11-20T09:00:00+01:00"
    });
    let assessment = json(app.post(&token, "/api/v1/incidents/assess", &facts).await, 200).await;
    assert_eq!(assessment["is_breach"], true);
    assert_eq!(assessment["notify_authority"], true);
    assert_eq!(assessment["authority_deadline"], "2026-11-23T09:00:00+01:00");
    assert!(matches!(assessment["severity"].as_str(), Some("high" | "very_high")));
    // Every reason carries its rule code for integrations and a Dutch text for people.
    assert!(assessment["reasons"].as_array().unwrap().iter().all(|r| r["code"].is_string() && r["text"].is_string()));

    let problem =
        json(app.post(&token, "/api/v1/incidents/assess", &json!({"confidentiality": "everybody"})).await, 400).await;
    assert!(problem["detail"].as_str().unwrap().contains("confidentiality"), "{problem}");
    let problem = json(app.post(&token, "/api/v1/incidents/assess", &json!({"colour": "red"})).await, 400).await;
    assert!(problem["detail"].as_str().unwrap().contains("colour"), "{problem}");

    let empty = json(app.post(&token, "/api/v1/incidents/assess", &json!({})).await, 200).await;
    assert!(empty["reasons"].as_array().unwrap().iter().any(|r| r["code"].as_str().unwrap().starts_with("unknown.")));

    let (ok, out, err) = cli(&app, &["breach", "assess"], &facts.to_string());
    assert!(ok, "{err}");
    let from_cli: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(from_cli, assessment, "the CLI and the API give the same answer");
    let (ok, _, err) = cli(&app, &["breach", "assess"], r#"{"integrity": "broken"}"#);
    assert!(!ok && err.contains("integrity"), "{err}");
});
