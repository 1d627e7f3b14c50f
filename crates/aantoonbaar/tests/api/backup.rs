//! Backup while the server runs, and restore: identical data, intact audit chain.

use crate::helpers::{Backend, Fixture, TestApp};
use aantoonbaar_rules::{Role, ScopeKind};
use sqlx::Row;
use std::process::Command;

fn aantoonbaar(database_url: &str, args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_aantoonbaar"))
        .args(args)
        .env("AANTOONBAAR_DATABASE_URL", database_url)
        .env("AANTOONBAAR_LOG", "warn")
        .output()
        .expect("run aantoonbaar");
    (
        output.status.success(),
        format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr)),
    )
}

/// Every row of every table, as text, in a stable order.
async fn contents(path: &std::path::Path) -> Vec<String> {
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut all = Vec::new();
    for table in tables {
        let columns: Vec<String> = sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA table_info({table})")))
            .fetch_all(&pool)
            .await
            .unwrap()
            .iter()
            .map(|r| r.get::<String, _>("name"))
            .collect();
        let select = columns.iter().map(|c| format!("quote({c})")).collect::<Vec<_>>().join(" || '|' || ");
        let mut rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT {select} FROM {table}")))
            .fetch_all(&pool)
            .await
            .unwrap();
        rows.sort();
        all.extend(rows.into_iter().map(|r| format!("{table}: {r}")));
    }
    pool.close().await;
    all
}

#[tokio::test]
async fn a_backup_made_while_the_server_runs_restores_to_identical_data_with_an_intact_audit_chain() {
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 61).await;
    app.get(&token, &format!("/api/v1/pupils/{}", f.pupil)).await;

    let original = std::path::PathBuf::from(app.database_url.trim_start_matches("sqlite://"));
    let dir = original.parent().unwrap().to_owned();
    let backup = dir.join("backup.sqlite");
    let (ok, out) = aantoonbaar(&app.database_url, &["backup", "--to", backup.to_str().unwrap()]);
    assert!(ok, "{out}");
    let (ok, out) = aantoonbaar(&app.database_url, &["backup", "--to", backup.to_str().unwrap()]);
    assert!(!ok && out.contains("already exists"), "never overwrites: {out}");
    let at_backup = contents(&original).await;

    // Work goes on after the backup; the restore brings back the moment of the backup.
    app.get(&token, &format!("/api/v1/pupils/{}", f.other_pupil)).await;
    let restored = dir.join("restored.sqlite");
    let restored_url = format!("sqlite://{}", restored.display());
    let (ok, out) = aantoonbaar(&restored_url, &["restore", "--from", backup.to_str().unwrap()]);
    assert!(ok, "{out}");
    assert_eq!(contents(&restored).await, at_backup);
    let (ok, out) = aantoonbaar(&restored_url, &["audit", "verify"]);
    assert!(ok && out.contains("intact"), "{out}");
}

#[tokio::test]
async fn backup_of_a_postgresql_database_explains_pg_dump() {
    let Some(app) = TestApp::spawn(Backend::Postgres).await else {
        eprintln!("PostgreSQL skipped: AANTOONBAAR_TEST_POSTGRES is not set");
        return;
    };
    let (ok, out) = aantoonbaar(&app.database_url, &["backup", "--to", "/tmp/aantoonbaar-never-written.sqlite"]);
    assert!(!ok);
    assert!(out.contains("pg_dump"), "{out}");
    assert!(!std::path::Path::new("/tmp/aantoonbaar-never-written.sqlite").exists());
}
