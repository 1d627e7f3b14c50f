//! The command line, run as the real binary against the test's database.

use crate::helpers::{TestApp, json};
use crate::story;
use std::process::Command;

fn aantoonbaar(app: &TestApp, args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_aantoonbaar"))
        .args(args)
        .env("AANTOONBAAR_DATABASE_URL", &app.database_url)
        .env("AANTOONBAAR_LOG", "warn")
        .output()
        .expect("run aantoonbaar");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

story!(the_first_administrator_is_made_on_the_command_line_and_gets_a_token, |app| {
    let (ok, out, err) =
        aantoonbaar(&app, &["user", "add", "--board", "Stichting Nieuw", "--role", "ST", "--email", "ibp@nieuw.nl"]);
    assert!(ok, "{err}");
    assert!(out.contains("/wachtwoord/"), "prints the one-time link: {out}");

    let (ok, token, err) = aantoonbaar(&app, &["token", "create", "--email", "ibp@nieuw.nl"]);
    assert!(ok, "{err}");
    let token = token.trim();
    assert_eq!(token.lines().count(), 1, "the token alone on stdout");
    let me = json(app.get(token, "/api/v1/me").await, 200).await;
    assert_eq!(me["board"], "Stichting Nieuw");
    assert_eq!(me["roles"][0], "ST");

    let (ok, _, err) =
        aantoonbaar(&app, &["user", "add", "--board", "Stichting Nieuw", "--role", "XX", "--email", "x@nieuw.nl"]);
    assert!(!ok);
    assert!(err.contains("role"), "{err}");
    let (ok, _, err) = aantoonbaar(&app, &["token", "create", "--email", "niemand@nieuw.nl"]);
    assert!(!ok && err.contains("niemand@nieuw.nl"), "{err}");
});

story!(the_command_line_import_writes_nothing_for_a_bad_file, |app| {
    let (ok, _, err) =
        aantoonbaar(&app, &["user", "add", "--board", "Stichting Nieuw", "--role", "ST", "--email", "ibp@nieuw.nl"]);
    assert!(ok, "{err}");
    let (_, token, _) = aantoonbaar(&app, &["token", "create", "--email", "ibp@nieuw.nl"]);
    let token = token.trim().to_owned();
    json(app.post(&token, "/api/v1/schools", &serde_json::json!({"name": "OBS Nieuw", "brin": "99XY"})).await, 201)
        .await;
    let dir = std::env::temp_dir().join(format!("aantoonbaar-cli-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("export.csv");
    std::fs::write(&file, "Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;Groep;Datum inschrijving\n1;Sanne;Berg;04-03-2019;Groep 3;05-03-2023\n2;Tim;Berg;31-13-2019;Groep 3;05-03-2023\n").unwrap();
    let file_arg = file.to_string_lossy().into_owned();
    let args = ["import", "--board", "Stichting Nieuw", "--school", "99xy", "--file", file_arg.as_str()];
    let (ok, _, err) = aantoonbaar(&app, &args);
    assert!(!ok);
    assert!(err.contains("Regel 3, kolom Geboortedatum"), "{err}");
    assert_eq!(json(app.get(&token, "/api/v1/pupils").await, 200).await["total"], 0);

    std::fs::write(&file, "Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;Groep;Datum inschrijving\n1;Sanne;Berg;04-03-2019;Groep 3;05-03-2023\n").unwrap();
    let (ok, out, err) = aantoonbaar(&app, &args);
    assert!(ok, "{err}");
    assert!(out.contains("1 created"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
});

story!(the_command_line_import_records_a_mass_departure_only_with_its_flag, |app| {
    let (ok, _, err) =
        aantoonbaar(&app, &["user", "add", "--board", "Stichting Nieuw", "--role", "ST", "--email", "ibp@nieuw.nl"]);
    assert!(ok, "{err}");
    let (_, token, _) = aantoonbaar(&app, &["token", "create", "--email", "ibp@nieuw.nl"]);
    let token = token.trim().to_owned();
    json(app.post(&token, "/api/v1/schools", &serde_json::json!({"name": "OBS Nieuw", "brin": "99XY"})).await, 201)
        .await;
    let dir = std::env::temp_dir().join(format!("aantoonbaar-cli-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("export.csv");
    let row = |n: usize| format!("{n};Kind{n};Berg;04-03-2019;Groep 3;05-03-2023\n");
    let header = "Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;Groep;Datum inschrijving\n";
    std::fs::write(&file, format!("{header}{}", (1..=8).map(row).collect::<String>())).unwrap();
    let file_arg = file.to_string_lossy().into_owned();
    let args = ["import", "--board", "Stichting Nieuw", "--school", "99xy", "--file", file_arg.as_str()];
    let (ok, out, err) = aantoonbaar(&app, &args);
    assert!(ok && out.contains("8 created"), "{out}{err}");

    // A file with one of the eight pupils would record seven as left.
    std::fs::write(&file, format!("{header}{}", row(1))).unwrap();
    let (ok, _, err) = aantoonbaar(&app, &args);
    assert!(!ok);
    assert!(err.contains("7 van de 8 leerlingen") && err.contains("--confirm-departures"), "{err}");
    assert!(err.contains("left: Kind2 Berg (Groep 3, 04-03-2019, 2)"), "{err}");
    // The command line runs on the real clock, the server on the test's: ask for the leave date itself.
    let leave_date = async || {
        json(app.get(&token, "/api/v1/pupils?q=Kind2&include_left=true").await, 200).await["pupils"][0]["leave_date"]
            .clone()
    };
    assert_eq!(leave_date().await, serde_json::Value::Null, "nothing written");

    let confirmed = [&args[..], &["--confirm-departures"]].concat();
    let (ok, out, err) = aantoonbaar(&app, &confirmed);
    assert!(ok && out.contains("7 left the school"), "{out}{err}");
    assert!(leave_date().await.is_string(), "recorded as left");
    std::fs::remove_dir_all(&dir).ok();
});

story!(the_leaver_deadline_on_the_command_line_matches_the_api_with_the_boards_equated_days, |app| {
    let board = app.board("Stichting Proef").await;
    let token =
        app.staff(&board, "ibp@proef.nl", aantoonbaar_rules::Role::St, aantoonbaar_rules::ScopeKind::Board, &[]).await;
    let day = serde_json::json!({"date": "2026-12-28", "description": "Besluit van het voorbeeld"});
    json(app.post(&token, "/api/v1/equated-days", &day).await, 201).await;
    let (ok, out, err) = aantoonbaar(&app, &["deadline", "--leaver-ended", "2026-12-24", "--board", "Stichting Proef"]);
    assert!(ok, "{err}");
    let printed: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let api = json(app.get(&token, "/api/v1/deadlines/leaver?ended=2026-12-24").await, 200).await;
    assert_eq!(printed, api);
    assert_eq!(printed["remove_by"], "2026-12-29");
    let (ok, out, _) = aantoonbaar(&app, &["deadline", "--leaver-ended", "2026-12-24"]);
    assert!(ok && out.contains("\"remove_by\":\"2026-12-28\""), "statutory holidays only: {out}");
    let (ok, _, err) = aantoonbaar(&app, &["deadline", "--leaver-ended", "24-12-2026"]);
    assert!(!ok && err.contains("--leaver-ended"), "{err}");
});
