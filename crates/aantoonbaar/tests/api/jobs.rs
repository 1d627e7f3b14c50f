//! The background jobs: a warning is written with its mails in one
//! transaction, so a failed outbox write leaves it due; and two servers on one
//! database send each warning once.

use crate::helpers::{Fixture, TestApp, json};
use crate::story;
use aantoonbaar_app::{App, Config};
use aantoonbaar_rules::{Role, ScopeKind};
use aantoonbaar_store::{BoardId, Store};
use jiff::SignedDuration;
use serde_json::json;

/// A notifiable breach assessed with awareness at 09:30 on 22 November (the
/// AP deadline is 25 November 09:30); the clock then stands at 24 h less a
/// minute before the deadline. Returns the board and the incident's reference.
async fn breach_nearly_due(app: &TestApp) -> (BoardId, String) {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(app, &admin, 61).await;
    app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let director = app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let report = json!({"school_id": f.school, "what_happened": "Laptop met zorgdossiers kwijt",
        "discovered_at": "2026-11-22T09:00:00+01:00"});
    let reported = json(app.post(&director, "/api/v1/incidents", &report).await, 201).await;
    let id = reported["id"].as_str().unwrap();
    let facts = json!({"facts": {"personal_data": true, "confidentiality": "unknown_recipient",
        "data_categories": ["health"], "subjects": 28, "children": true, "encrypted": false,
        "aware_at": "2026-11-22T09:30:00+01:00"}});
    let decided = json(app.post(&director, &format!("/api/v1/incidents/{id}/assessment"), &facts).await, 200).await;
    assert_eq!(decided["notify_authority"], true);
    app.clock.advance(SignedDuration::from_mins(47 * 60 + 31));
    (board, reported["reference"].as_str().unwrap().to_owned())
}

/// The 24-hour warnings in the outbox, by recipient.
async fn warnings(store: &Store, board: &BoardId, reference: &str) -> Vec<String> {
    let subject = format!("Nog 24 uur: melding {reference} aan de AP");
    let mut to: Vec<String> = store
        .board(board)
        .outbox(100)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.subject == subject)
        .map(|m| m.recipient)
        .collect();
    to.sort();
    to
}

/// Runs SQL on the test's database (the statement for the back-end in use).
async fn execute(app: &TestApp, sqlite: &str, postgres: &[&str]) {
    use sqlx::{AssertSqlSafe, Executor};
    if app.database_url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(&app.database_url).await.unwrap();
        pool.execute(AssertSqlSafe(sqlite.to_owned())).await.unwrap();
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(&app.database_url).await.unwrap();
        for statement in postgres {
            pool.execute(AssertSqlSafe((*statement).to_owned())).await.unwrap();
        }
        pool.close().await;
    }
}

story!(a_warning_whose_outbox_write_fails_is_still_due_and_goes_out_once_later, |app| {
    let (board, reference) = breach_nearly_due(&app).await;
    // The outbox refuses every insert, as a full disk or a broken table would.
    execute(
        &app,
        "CREATE TRIGGER outbox_down BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox down'); END",
        &[
            "CREATE FUNCTION outbox_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox down'; END $$",
            "CREATE TRIGGER outbox_down BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_down()",
        ],
    )
    .await;
    assert!(app.jobs.run_once().await.is_err(), "the job reports the failed write");
    assert!(warnings(&app.store, &board, &reference).await.is_empty());

    execute(&app, "DROP TRIGGER outbox_down", &["DROP TRIGGER outbox_down ON outbox"]).await;
    app.clock.advance(SignedDuration::from_mins(1));
    assert_eq!(app.jobs.run_once().await.unwrap().deadline_warnings, 1, "the warning was still due");
    assert_eq!(app.jobs.run_once().await.unwrap().deadline_warnings, 0);
    assert_eq!(warnings(&app.store, &board, &reference).await, ["directeur@proef.nl", "fg@proef.nl", "ibp@proef.nl"]);
});

story!(two_servers_on_one_database_send_each_warning_once, |app| {
    let (board, reference) = breach_nearly_due(&app).await;
    let second = App::new(Store::open(&app.database_url).await.unwrap(), Config::default(), app.clock.clone()).unwrap();
    let (one, two) = (app.jobs.clone(), second.jobs());
    let (a, b) = tokio::join!(one.run_once(), two.run_once());
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.deadline_warnings + b.deadline_warnings, 1, "{a:?} {b:?}");
    // Past the lease the other server runs the job too, and finds nothing left to send.
    app.clock.advance(SignedDuration::from_mins(10));
    let (a, b) = tokio::join!(two.run_once(), one.run_once());
    assert_eq!(a.unwrap().deadline_warnings + b.unwrap().deadline_warnings, 0);
    assert_eq!(warnings(&app.store, &board, &reference).await, ["directeur@proef.nl", "fg@proef.nl", "ibp@proef.nl"]);
});
