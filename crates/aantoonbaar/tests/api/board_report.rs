//! The board report (issue 17): figures counted from the records made in the
//! story, frozen on adoption with its hash in the audit trail, as PDF too,
//! and only for the board, the IBP manager and the FG.

use crate::helpers::{Fixture, TestApp, json, pdf_text};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use jiff::SignedDuration;
use reqwest::Method;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

struct Board {
    id: aantoonbaar_store::BoardId,
    admin: String,
    fg: String,
    cvb: String,
    director: String,
    teacher: String,
    f: Fixture,
}

async fn board(app: &TestApp) -> Board {
    let id = app.board("Stichting Proef").await;
    let admin = app.staff(&id, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(app, &admin, 61).await;
    let fg = app.staff(&id, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let cvb = app.staff(&id, "cvb@proef.nl", Role::Cvb, ScopeKind::Board, &[]).await;
    let director = app.staff(&id, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let teacher = app.staff(&id, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    Board { id, admin, fg, cvb, director, teacher, f }
}

async fn incident(app: &TestApp, token: &str, school: &str) -> String {
    let body = json!({"school_id": school, "what_happened": "Laptop in de trein laten liggen",
        "discovered_at": "2026-11-22T09:00:00+01:00", "data_concerned": "zorgdossiers",
        "people_concerned": "leerlingen van groep 3", "device": "laptop", "ongoing": false});
    json(app.post(token, "/api/v1/incidents", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

fn breach_facts(aware_at: &str) -> Value {
    json!({"facts": {
        "personal_data": true, "confidentiality": "unknown_recipient", "integrity": "none", "availability": "permanent",
        "malicious": false, "exfiltration": "suspected", "data_categories": ["health", "identification"],
        "subjects": 28, "children": true, "vulnerable": false, "encrypted": false, "key_compromised": false,
        "recipient_confirmed_deletion": false, "backup_restored": false, "risk_removed_by_measures": false,
        "individual_contact_disproportionate": false, "aware_at": aware_at
    }})
}

async fn request(app: &TestApp, b: &Board, received_on: &str) -> String {
    let body = json!({"kind": "access", "subject_pupil_id": b.f.pupil, "requester_guardian_id": b.f.guardian,
        "received_on": received_on, "channel": "email", "identity_check": "known_email"});
    json(app.post(&b.director, "/api/v1/requests", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

async fn put(app: &TestApp, token: &str, path: &str, body: &Value) -> reqwest::Response {
    app.request(Method::PUT, Some(token), path).json(body).send().await.unwrap()
}

fn value(report: &Value, key: &str) -> Value {
    report["figures"][key]["value"].clone()
}

story!(the_figures_match_the_records_and_adoption_freezes_them_with_the_hash_in_the_audit_trail, |app| {
    let b = board(&app).await;
    // Three incidents: a breach notified in time, a breach notified late, one not assessed.
    let in_time = incident(&app, &b.teacher, &b.f.school).await;
    json(
        app.post(
            &b.director,
            &format!("/api/v1/incidents/{in_time}/assessment"),
            &breach_facts("2026-11-22T09:30:00+01:00"),
        )
        .await,
        200,
    )
    .await;
    let notified = app
        .post(
            &b.director,
            &format!("/api/v1/incidents/{in_time}/authority-notification"),
            &json!({"ap_reference": "M-1"}),
        )
        .await;
    assert_eq!(notified.status(), 204);
    let late = incident(&app, &b.teacher, &b.f.school).await;
    json(
        app.post(
            &b.director,
            &format!("/api/v1/incidents/{late}/assessment"),
            &breach_facts("2026-11-22T09:30:00+01:00"),
        )
        .await,
        200,
    )
    .await;
    incident(&app, &b.teacher, &b.f.school).await;
    app.clock.advance(SignedDuration::from_hours(73));
    let body = json!({"ap_reference": "M-2", "delay_reason": "De directeur was op kamp zonder bereik."});
    assert_eq!(
        app.post(&b.director, &format!("/api/v1/incidents/{late}/authority-notification"), &body).await.status(),
        204
    );

    // Three requests: one answered in time, one answered after its deadline, one open.
    let quick = request(&app, &b, "2026-11-20").await;
    let slow = request(&app, &b, "2026-09-01").await;
    request(&app, &b, "2026-11-24").await;
    for id in [&quick, &slow] {
        json(
            app.post(&b.director, &format!("/api/v1/requests/{id}/decision"), &json!({"outcome": "granted"})).await,
            200,
        )
        .await;
    }

    // The consent round: the mother answers for one of the two pupils.
    let consent = json!({"pupil_id": b.f.pupil, "purpose": "website", "decision": "granted", "guardian_id": b.f.guardian,
        "channel": "paper", "decided_at": "2026-09-01T10:00:00Z"});
    json(app.post(&b.admin, "/api/v1/consent-decisions", &consent).await, 201).await;

    // A processor without an agreement; a leaver whose accounts must go by Monday 30 November.
    let supplier = json!({"name": "Leerling Online BV", "convenant_status": "participant",
        "convenant_checked_on": "2026-09-01", "data_location": "nl", "contact": "privacy@leverancier.nl"});
    json(app.post(&b.admin, "/api/v1/suppliers", &supplier).await, 201).await;
    let leaver = json!({"given_name": "Jan", "surname": "Jansen", "email": "jan.jansen@proef.nl", "school_id": b.f.school,
        "roles": ["OP"], "employment_start": "2020-08-01", "employment_end": "2026-11-27"});
    json(app.post(&b.admin, "/api/v1/staff", &leaver).await, 201).await;

    let report = json(app.get(&b.cvb, "/api/v1/board-report?year=2026").await, 200).await;
    assert_eq!(report["year"], 2026);
    assert_eq!(report["status"], "live");
    assert_eq!(report["first_day"], "2026-01-01");
    assert_eq!(value(&report, "incidents_reported"), 3);
    assert_eq!(value(&report, "breaches"), 2);
    assert_eq!(value(&report, "breaches_notified"), 2);
    assert_eq!(value(&report, "breaches_notified_in_time"), 1);
    assert_eq!(value(&report, "breaches_notified_late"), 1);
    assert_eq!(report["figures"]["breaches"]["previous"], 0, "nothing in 2025");
    assert_eq!(report["figures"]["breaches"]["href"], "/incidenten");
    assert_eq!(value(&report, "requests_received"), 3);
    assert_eq!(value(&report, "requests_answered_in_time"), 1);
    assert_eq!(value(&report, "requests_answered_late"), 1);
    assert_eq!(value(&report, "requests_open"), 1);
    assert_eq!(value(&report, "consent_answered_share"), 50);
    assert_eq!(report["figures"]["consent_answered_share"]["of"], 2);
    assert_eq!(value(&report, "pupils_no_photos"), 1, "the other pupil has consent for nothing");
    assert_eq!(value(&report, "agreements_missing"), 1);
    assert_eq!(value(&report, "leavers"), 1);
    assert_eq!(value(&report, "leavers_removed_on_time"), 0);
    assert_eq!(value(&report, "access_review_completion"), Value::Null, "no review campaign this year");
    let chart = report["charts"].as_array().unwrap().iter().find(|c| c["key"] == "incidents_per_month").unwrap();
    assert_eq!(chart["series"][0]["values"][10], 2, "two breaches in November");
    assert_eq!(chart["series"][1]["values"][10], 1);

    // The sections: the FG writes the opinion, the IBP manager cannot; the reverse for the text.
    let opinion = json!({"text": "De organisatie heeft de basis op orde."});
    assert_eq!(put(&app, &b.admin, "/api/v1/board-report/2026/opinion", &opinion).await.status(), 403);
    assert_eq!(put(&app, &b.fg, "/api/v1/board-report/2026/text", &opinion).await.status(), 403);
    let written = json(put(&app, &b.fg, "/api/v1/board-report/2026/opinion", &opinion).await, 200).await;
    assert_eq!(written["opinion"]["text"], "De organisatie heeft de basis op orde.");
    let text = json!({"text": "Twee datalekken, één te laat gemeld."});
    json(put(&app, &b.admin, "/api/v1/board-report/2026/text", &text).await, 200).await;
    let empty = json(put(&app, &b.admin, "/api/v1/board-report/2026/text", &json!({"text": " "})).await, 422).await;
    assert_eq!(empty["errors"][0]["field"], "text");

    // Adoption freezes the report.
    let refused =
        json(app.post(&b.cvb, "/api/v1/board-report/2026/adopt", &json!({"adopted_on": "2027-01-01"})).await, 422)
            .await;
    assert_eq!(refused["errors"][0]["field"], "adopted_on");
    let adopted =
        json(app.post(&b.cvb, "/api/v1/board-report/2026/adopt", &json!({"adopted_on": "2026-11-25"})).await, 201)
            .await;
    assert_eq!(adopted["status"], "adopted");
    let hash = adopted["adoption"]["sha256"].as_str().unwrap().to_owned();
    incident(&app, &b.teacher, &b.f.school).await;
    let after = json(app.get(&b.admin, "/api/v1/board-report?year=2026").await, 200).await;
    assert_eq!(value(&after, "incidents_reported"), 3, "the adopted report does not change");
    assert_eq!(after["text"]["text"], "Twee datalekken, één te laat gemeld.");
    assert_eq!(put(&app, &b.admin, "/api/v1/board-report/2026/text", &text).await.status(), 409);
    assert_eq!(
        app.post(&b.admin, "/api/v1/board-report/2026/adopt", &json!({"adopted_on": "2026-11-25"})).await.status(),
        409
    );

    let snapshot = app.get(&b.fg, "/api/v1/board-report/2026/snapshot").await.text().await.unwrap();
    let computed: String = Sha256::digest(snapshot.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(computed, hash);
    let trail = app.store.board(&b.id).audit_trail(200).await.unwrap();
    let entry = trail.iter().find(|e| e.entity == "board_report_snapshot").expect("the adoption in the audit trail");
    assert_eq!(entry.entity_id, computed, "the audit entry holds the snapshot's hash");
    let check = json(app.get(&b.cvb, "/api/v1/board-report/2026/verification").await, 200).await;
    assert_eq!(check["intact"], true);

    // The PDF holds the figures and the check number.
    let pdf = app
        .request(Method::GET, Some(&b.cvb), "/api/v1/board-report?year=2026")
        .header("accept", "application/pdf")
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let text = pdf_text(&bytes);
    for expected in [
        "Bestuursverslag IBP 2026",
        "Incidenten gemeld",
        "2 (vorig jaar 0, slechter)",
        "Verzoeken nog open",
        "50% van 2",
        "Risicokaart",
        "Incidenten per maand",
        "De organisatie heeft de basis op orde.",
        &hash[..16],
    ] {
        assert!(text.contains(expected), "{expected:?} missing in:\n{text}");
    }
});

story!(only_the_board_the_ibp_manager_and_the_fg_read_it_and_the_year_is_named_when_wrong, |app| {
    let b = board(&app).await;
    for token in [&b.director, &b.teacher] {
        assert_eq!(app.get(token, "/api/v1/board-report?year=2026").await.status(), 403);
    }
    for token in [&b.admin, &b.fg, &b.cvb] {
        assert_eq!(app.get(token, "/api/v1/board-report?year=2026").await.status(), 200);
    }
    for path in ["/api/v1/board-report", "/api/v1/board-report?year=20x6", "/api/v1/board-report?year=1850"] {
        let problem = json(app.get(&b.admin, path).await, 400).await;
        assert_eq!(problem["errors"][0]["field"], "year", "{path}");
        assert!(problem["errors"][0]["detail"].as_str().unwrap().contains("jaar"), "{problem}");
    }
    let future = json(app.get(&b.admin, "/api/v1/board-report?year=2027").await, 400).await;
    assert_eq!(future["errors"][0]["field"], "year");
    assert_eq!(app.get(&b.admin, "/api/v1/board-report/2026/snapshot").await.status(), 404, "not adopted yet");
    let adopt = json!({"adopted_on": "2026-11-22"});
    assert_eq!(app.post(&b.director, "/api/v1/board-report/2026/adopt", &adopt).await.status(), 403);
    assert_eq!(app.post(&b.fg, "/api/v1/board-report/2026/adopt", &adopt).await.status(), 403);
});
