//! What the store's integration tests share: a fresh database per story on
//! SQLite, and on PostgreSQL when `AANTOONBAAR_TEST_POSTGRES` names a server.

#![allow(dead_code, reason = "each test binary uses part of it")]

use aantoonbaar_rules::{Brin, PersonName, PupilNumber};
use aantoonbaar_store::{Actor, BoardId, BoardStore, NewPupil, NewSchool, Store};
use jiff::Timestamp;
use jiff::civil::date;

/// A fresh, migrated database; drops it (PostgreSQL) or its directory when done.
pub struct TestDb {
    pub store: Store,
    cleanup: Cleanup,
}

enum Cleanup {
    Directory(std::path::PathBuf),
    Database { admin_url: String, name: String },
}

impl TestDb {
    pub async fn sqlite() -> Self {
        let unique = uuid::Uuid::new_v4().simple().to_string();
        let dir = std::env::temp_dir().join("aantoonbaar-store-tests").join(unique);
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open(&format!("sqlite://{}", dir.join("test.sqlite").display())).await.unwrap();
        Self { store, cleanup: Cleanup::Directory(dir) }
    }

    pub async fn postgres() -> Option<Self> {
        use sqlx::{Connection, Executor};
        let admin_url = std::env::var("AANTOONBAAR_TEST_POSTGRES").ok().filter(|u| !u.is_empty())?;
        // The prefix `scripts/test` cleans up after an interrupted run.
        let name = format!("aantoonbaar_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = sqlx::PgConnection::connect(&admin_url).await.expect("AANTOONBAAR_TEST_POSTGRES reachable");
        conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).await.unwrap();
        let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(base, _)| base);
        let store = Store::open(&format!("{base}/{name}")).await.unwrap();
        Some(Self { store, cleanup: Cleanup::Database { admin_url, name } })
    }

    pub async fn finish(self) {
        self.store.close().await;
        match self.cleanup {
            Cleanup::Directory(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Database { admin_url, name } => {
                use sqlx::{Connection, Executor};
                let mut conn = sqlx::PgConnection::connect(&admin_url).await.unwrap();
                conn.execute(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")))
                    .await
                    .unwrap();
            }
        }
    }
}

/// Runs a story on both back-ends: `NAME::sqlite` and `NAME::postgres`.
macro_rules! story {
    ($name:ident) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                let db = crate::common::TestDb::sqlite().await;
                super::$name(&db.store).await;
                db.finish().await;
            }

            #[tokio::test]
            async fn postgres() {
                match crate::common::TestDb::postgres().await {
                    Some(db) => {
                        super::$name(&db.store).await;
                        db.finish().await;
                    }
                    None => eprintln!("PostgreSQL skipped: AANTOONBAAR_TEST_POSTGRES is not set"),
                }
            }
        }
    };
}

pub fn now() -> Timestamp {
    "2026-03-02T09:00:00Z".parse().unwrap()
}

pub fn actor() -> Actor {
    Actor::command_line(now())
}

pub async fn board(store: &Store) -> BoardId {
    store.ensure_board("Stichting Test", now()).await.unwrap().id
}

pub async fn pupil(board: BoardStore<'_>) -> String {
    let school = board
        .create_school(
            &actor(),
            &NewSchool { name: PersonName::parse("De Kompas").unwrap(), brin: Brin::parse("12AB").unwrap() },
        )
        .await
        .unwrap();
    let group = board.create_group(&actor(), &school.id, "Groep 5").await.unwrap();
    let pupil = NewPupil {
        school_id: school.id,
        group_id: group.id,
        external_number: PupilNumber::parse("100234").unwrap(),
        given_name: PersonName::parse("Sanne").unwrap(),
        surname_prefix: None,
        surname: PersonName::parse("Berg").unwrap(),
        birth_date: date(2017, 4, 1),
        enrolment_date: date(2021, 8, 30),
        leave_date: None,
        leave_destination: None,
        family_situation: None,
        email: None,
    };
    board.create_pupil(&actor(), &pupil).await.unwrap().id
}
