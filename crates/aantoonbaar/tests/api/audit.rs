//! The audit trail: tamper-evident, readable only by FG, ST and CvB.

use crate::helpers::{Fixture, PASSWORD, TestApp};
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
    assert!(page.contains("juf@proef.nl") && page.contains("ingezien"), "{page}");
    assert!(!page.contains("ibp@proef.nl"), "filtered on the person");
    let response = app.client.get(format!("{}/logboek.csv?leerling=1001", app.address)).send().await.unwrap();
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    let csv = response.text().await.unwrap();
    assert!(csv.starts_with("\u{feff}volgnummer;tijdstip;persoon"));
    assert!(csv.lines().any(|l| l.contains("juf@proef.nl;") && l.contains(";view;pupil;")), "{csv}");
    let (status, page) = app.page("/logboek?van=2026-13-01").await;
    assert_eq!(status, 200);
    assert!(page.contains("JJJJ-MM-DD"), "a wrong date is explained");
});
