//! Importing a school's pupil-administration export of 10,000 pupils with two
//! guardians each (one family in four with two children at the school),
//! through `POST /api/v1/imports` on loopback, as the UI and the CLI do
//! (target: under 2 s). Run: `cargo bench -p aantoonbaar --bench import`;
//! `AANTOONBAAR_BENCH_POSTGRES=postgres://…` runs it on PostgreSQL instead.
//! The figures go into docs/performance.md.

#![expect(clippy::unwrap_used, reason = "a benchmark that cannot set up should stop")]

use aantoonbaar_app::clock::Clock;
use aantoonbaar_app::{Config, accounts};
use aantoonbaar_rules::{Brin, Email, PersonName, Role, ScopeKind};
use aantoonbaar_store::{Actor, NewSchool, NewUser, Store};
use aantoonbaar_web::Application;
use std::fmt::Write as _;
use std::time::Instant;

const PUPILS: usize = 10_000;

const HEADER: &str = "Leerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Groep;Datum inschrijving;Gezinssituatie;\
    Ouder1Roepnaam;Ouder1Achternaam;Ouder1Email;Ouder1Relatie;Ouder1Gezag;Ouder1Erkend;\
    Ouder2Roepnaam;Ouder2Achternaam;Ouder2Email;Ouder2Relatie;Ouder2Gezag;Ouder2Erkend";

/// The export; `edition` changes one pupil's group in every 20 and adds 100
/// pupils, as a later export of the same school would.
fn export(edition: usize) -> String {
    let mut text = HEADER.to_owned();
    let pupils = if edition == 0 { PUPILS } else { PUPILS + 100 };
    for i in 0..pupils {
        // One family in four has a second child at the school.
        let family = if i % 4 == 1 { i - 1 } else { i };
        let group = if edition > 0 && i % 20 == 0 { (i / 30 + 1) % 300 + 1 } else { i / 30 + 1 };
        let situation = if family % 5 == 0 { "gescheiden" } else { "samen" };
        write!(
            text,
            "\n{number};Kind{i};;Achternaam{family};{day:02}-{month:02}-{year};Groep {group};20-08-2023;{situation};\
             Moeder{family};Achternaam{family};moeder{family}@bench.example;moeder;ja;ja;\
             Vader{family};Achternaam{family};vader{family}@bench.example;vader;ja;ja",
            number = 100_000 + i,
            day = 1 + i % 28,
            month = 1 + i % 12,
            year = 2014 + i % 6,
        )
        .unwrap();
    }
    text
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let database_url = match std::env::var("AANTOONBAAR_BENCH_POSTGRES") {
            Ok(url) => url,
            Err(_) => {
                let dir = std::env::temp_dir().join(format!("aantoonbaar-import-bench-{}", std::process::id()));
                std::fs::create_dir_all(&dir).unwrap();
                format!("sqlite://{}", dir.join("bench.sqlite").display())
            }
        };
        let store = Store::open(&database_url).await.unwrap();
        let now = Clock::system().now();
        let actor = Actor::command_line(now);
        let board_id = store.ensure_board(&format!("Import {}", std::process::id()), now).await.unwrap().id;
        let board = store.board(&board_id);
        let school = board
            .create_school(
                &actor,
                &NewSchool { name: PersonName::parse("OBS De Bench").unwrap(), brin: Brin::parse("12BB").unwrap() },
            )
            .await
            .unwrap();
        let user = NewUser {
            email: Email::parse(&format!("import{}@bench.example", std::process::id())).unwrap(),
            name: PersonName::parse("Bench Administratie").unwrap(),
            roles: vec![Role::St],
            scope_kind: ScopeKind::Board,
            scope_ids: vec![],
            mfa_exempt: true,
        };
        let created = board.create_user(&actor, &user, None).await.unwrap();
        let (_, token) = accounts::issue_token(board, &actor, &created.id, "bench").await.unwrap();
        let app = Application::build("127.0.0.1:0", store.clone(), Config::default(), Clock::system()).await.unwrap();
        let address = format!("http://{}", app.local_addr().unwrap());
        tokio::spawn(app.run_until(std::future::pending()));
        let client = reqwest::Client::new();

        let first = export(0);
        let later = export(1);
        eprintln!("{} ({}): {} rows, {} kB", store.backend_name(), database_url, PUPILS, first.len() / 1024);
        let runs = [
            ("dry run of the first export", &first, true),
            ("first import (10,000 new pupils, 15,000 guardians)", &first, false),
            ("the same file again (nothing changes)", &first, false),
            ("dry run of a later export (500 moved, 100 new)", &later, true),
            ("a later export (500 moved, 100 new)", &later, false),
        ];
        for (what, body, dry_run) in runs {
            let started = Instant::now();
            let response = client
                .post(format!(
                    "{address}/api/v1/imports?school_id={}&dry_run={dry_run}&confirm_departures=true",
                    school.id
                ))
                .bearer_auth(&token)
                .header("Content-Type", "text/csv")
                .body(body.clone())
                .send()
                .await
                .unwrap();
            let status = response.status();
            let report: serde_json::Value = response.json().await.unwrap();
            let took = started.elapsed();
            assert_eq!(status, 200, "{report}");
            let count = |field: &str| report[field].as_array().map_or(0, Vec::len);
            eprintln!(
                "{what}: {took:.2?} (created {}, updated {}, unchanged {}, groups created {})",
                count("created"),
                count("updated"),
                report["unchanged"],
                count("groups_created"),
            );
        }
    });
}
