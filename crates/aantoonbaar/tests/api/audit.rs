//! The audit trail: tamper-evident, readable only by FG, ST and CvB.

use crate::helpers::{Fixture, PASSWORD, TestApp, json, link_to};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use std::process::Command;

fn verify(app: &TestApp) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_aantoonbaar"))
        .args(["audit", "verify"])
        .env("AANTOONBAAR_DATABASE_URL", &app.database_url)
        .env("AANTOONBAAR_LOG", "warn")
        .output()
        .expect("run aantoonbaar");
    (
        output.status.success(),
        format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr)),
    )
}

/// Runs SQL directly on the test's database, as an attacker with database access would.
async fn tamper(app: &TestApp, sql: &str) {
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    if app.database_url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(&app.database_url).await.unwrap();
        sqlx::query(sql).execute(&pool).await.unwrap();
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(&app.database_url).await.unwrap();
        sqlx::query(sql).execute(&pool).await.unwrap();
        pool.close().await;
    }
}

/// A board with some history: creations, and three views of a pupil.
async fn trail_with_history(app: &TestApp) -> i64 {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(app, &token, 41).await;
    for _ in 0..3 {
        app.get(&token, &format!("/api/v1/pupils/{}", f.pupil)).await;
    }
    let (ok, out) = verify(app);
    assert!(ok && out.contains("intact"), "{out}");
    let entries = app.store.board(&board).audit_trail(1000).await.unwrap();
    assert!(entries.len() > 8);
    entries[0].seq
}

story!(audit_verify_names_a_changed_row, |app| {
    trail_with_history(&app).await;
    // Somebody hides who looked at a pupil.
    tamper(&app, "UPDATE audit_events SET actor = 'iemand@anders.nl' WHERE seq = 5").await;
    let (ok, out) = verify(&app);
    assert!(!ok);
    assert!(out.contains("audit entry 5 was changed"), "{out}");
});

story!(audit_verify_names_a_removed_row, |app| {
    trail_with_history(&app).await;
    tamper(&app, "DELETE FROM audit_events WHERE seq = 7").await;
    let (ok, out) = verify(&app);
    assert!(!ok);
    assert!(out.contains("audit entry 7 was removed"), "{out}");
});

story!(audit_verify_names_a_removed_last_row, |app| {
    let last = trail_with_history(&app).await;
    tamper(&app, &format!("DELETE FROM audit_events WHERE seq = {last}")).await;
    let (ok, out) = verify(&app);
    assert!(!ok);
    assert!(out.contains(&format!("audit entry {last} and the entries after it were removed")), "{out}");
});

story!(audit_verify_names_an_inserted_row, |app| {
    let last = trail_with_history(&app).await;
    // A fabricated entry that chains on the real last one.
    tamper(
        &app,
        &format!(
            "INSERT INTO audit_events (board_id, seq, at, actor, ip, action, entity, entity_id, fields, prev_hash, hash) \
             SELECT board_id, seq + 1, at, 'iemand@anders.nl', ip, 'view', 'pupil', entity_id, '[]', hash, 'verzonnen' \
             FROM audit_events WHERE seq = {last}"
        ),
    )
    .await;
    let (ok, out) = verify(&app);
    assert!(!ok);
    assert!(out.contains(&format!("audit entry {}", last + 1)), "{out}");
});

story!(the_fg_filters_the_trail_by_pupil_and_exports_it_while_a_teacher_may_not_see_it, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 43).await;
    let teacher = app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    app.get(&teacher, &format!("/api/v1/pupils/{}", f.pupil)).await;
    app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;

    app.sign_in("juf@proef.nl", PASSWORD).await;
    assert_eq!(app.page("/logboek").await.0, 403);
    app.sign_out().await;

    app.sign_in("fg@proef.nl", PASSWORD).await;
    let (status, page) = app.page("/logboek?leerling=1001&persoon=juf").await;
    assert_eq!(status, 200);
    assert!(page.contains("OP Tester") && page.contains("Bekeken"), "{page}");
    assert!(!page.contains("ibp@proef.nl"), "filtered on the person");
    let response = app.client.get(format!("{}/logboek.csv?leerling=1001", app.address)).send().await.unwrap();
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    let csv = response.text().await.unwrap();
    assert!(csv.starts_with("\u{feff}Nummer;Tijdstip;Persoon;E-mailadres;IP-adres;Handeling;Over;Velden"), "{csv}");
    assert!(
        csv.lines()
            .any(|l| l.contains(";OP Tester;juf@proef.nl;")
                && l.contains(";Bekeken;Leerling Sanne van der Berg (Groep 3);")),
        "{csv}"
    );
    assert!(csv.contains(";Gewijzigd;Leerling Sanne van der Berg (Groep 3);ouders en verzorgers"), "{csv}");
    assert!(!csv.contains(&f.pupil) && !csv.contains("[?]") && !csv.contains("_id"), "no codes: {csv}");
    let (status, page) = app.page("/logboek?van=2026-13-01").await;
    assert_eq!(status, 200);
    assert!(page.contains("JJJJ-MM-DD") && page.contains(r#"data-field="van""#), "a wrong date is explained");
});

/// A pupil of the fixture's group with a name of their own: Noor de Vries, number 3001.
async fn noor(app: &TestApp, f: &Fixture) -> String {
    let body = serde_json::json!({
        "school_id": f.school, "group_id": f.group, "given_name": "Noor", "surname_prefix": "de",
        "surname": "Vries", "birth_date": "2018-05-06", "external_number": "3001", "enrolment_date": "2022-08-29"
    });
    json(app.post(&f.admin, "/api/v1/pupils", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

story!(the_logboek_finds_a_pupil_by_name_with_every_entry_about_them, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 44).await;
    let pupil = noor(&app, &f).await;
    let director = app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let link =
        serde_json::json!({"guardian_id": f.guardian, "relation": "mother", "holds_custody": true, "recognised": true});
    json(app.post(&admin, &format!("/api/v1/pupils/{pupil}/guardians"), &link).await, 201).await;
    let consent = serde_json::json!({"pupil_id": pupil, "purpose": "website", "decision": "granted",
        "guardian_id": f.guardian, "channel": "paper", "decided_at": "2026-09-01T10:00:00Z"});
    json(app.post(&admin, "/api/v1/consent-decisions", &consent).await, 201).await;
    let request = serde_json::json!({"kind": "access", "subject_pupil_id": pupil, "requester_guardian_id": f.guardian,
        "received_on": "2026-11-20", "channel": "email", "identity_check": "known_email"});
    let request = json(app.post(&director, "/api/v1/requests", &request).await, 201).await;
    app.get(&director, &format!("/api/v1/requests/{}", request["id"].as_str().unwrap())).await;
    let incident = serde_json::json!({"school_id": f.school, "what_happened": "Lijst van groep 3 gemaild aan de verkeerde ouder",
        "discovered_at": "2026-11-22T09:00:00+01:00", "data_concerned": "namen", "people_concerned": "groep 3",
        "device": "e-mail", "ongoing": false});
    let incident = json(app.post(&director, "/api/v1/incidents", &incident).await, 201).await;
    let incident_path = format!("/api/v1/incidents/{}/subjects", incident["id"].as_str().unwrap());
    json(app.post(&director, &incident_path, &serde_json::json!({"pupil_ids": [pupil]})).await, 200).await;
    // Sanne, the other pupil of the group, is looked at too: she is not in Noor's entries.
    app.get(&admin, &format!("/api/v1/pupils/{}", f.pupil)).await;

    app.sign_in("fg@proef.nl", PASSWORD).await;
    for search in ["Noor de Vries", "de vries", "3001"] {
        let (status, page) = app.page(&format!("/logboek?leerling={}", search.replace(' ', "+"))).await;
        assert_eq!(status, 200);
        for entry in [
            "Aangemaakt</td><td>Leerling Noor de Vries (Groep 3)",
            "Gewijzigd</td><td>Leerling Noor de Vries (Groep 3)",
            "Aangemaakt</td><td>Toestemming voor leerling Noor de Vries (Groep 3)",
            "Aangemaakt</td><td>Verzoek over Noor de Vries (Groep 3)",
            "Bekeken</td><td>Verzoek over Noor de Vries (Groep 3)",
            "Aangemaakt</td><td>Betrokkene bij incident Noor de Vries (Groep 3)",
            "Aangemaakt</td><td>Incident INC-2026-0001",
        ] {
            assert!(page.contains(entry), "{search}: {entry} in {page}");
        }
        assert!(
            !page.contains("Sanne") && !page.contains(&pupil) && !page.contains("[?]"),
            "only Noor, in words: {page}"
        );
        assert!(page.contains("D Tester") && page.contains("directeur@proef.nl"), "who, by name: {page}");
    }
    // The person is found by name too.
    let (_, page) = app.page("/logboek?persoon=d+tester&leerling=noor").await;
    assert!(page.contains("Verzoek over Noor de Vries") && !page.contains("ST Tester"), "{page}");
});

story!(the_logboek_pages_through_every_entry_keeping_the_filters, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 45).await;
    app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let actor =
        aantoonbaar_store::Actor { user_id: None, label: "ibp@proef.nl".to_owned(), ip: None, at: app.clock.now() };
    app.store.board(&board).record_views(&actor, "pupil", &vec![f.pupil.clone(); 520]).await.unwrap();
    app.sign_in("fg@proef.nl", PASSWORD).await;
    let total = app.store.board(&board).audit_trail(1).await.unwrap()[0].seq;
    assert!(total > 520);
    let (_, page) = app.page("/logboek").await;
    assert!(page.contains(&format!("Regel 1 tot en met 50 van {total}")), "{page}");
    // Entries by the IBP manager: the 520 views and everything the fixture made.
    let (_, mut page) = app.page("/logboek?persoon=ibp").await;
    let matching =
        page.split("Regel 1 tot en met 50 van ").nth(1).and_then(|r| r.split('<').next()).unwrap().to_owned();
    let mut pages = 1;
    while let Some(link) = link_to(&page, "next") {
        assert!(link.contains("persoon=ibp"), "the filter is kept: {link}");
        page = app.page(&link).await.1;
        pages += 1;
        assert!(pages < 50, "the pages end");
    }
    let matching: i64 = matching.parse().unwrap();
    assert!(matching > 520 && matching < total, "{matching} of {total}");
    assert_eq!(pages, (matching + 49) / 50);
    assert!(page.contains(&format!("tot en met {matching} van {matching}")), "the last page: {page}");
    let filter = aantoonbaar_store::AuditFilter { actor: Some("ibp".to_owned()), limit: 1000, ..Default::default() };
    let oldest = app.store.board(&board).audit_search(&filter).await.unwrap().last().unwrap().seq;
    assert!(page.contains(&format!("<tr><td>{oldest}</td>")), "the oldest entry is on it: {page}");
    assert!(link_to(&page, "prev").is_some(), "and a way back: {page}");
    assert!(!page.contains("Beheerder op de server"), "filtered on the person: {page}");
});
