//! The access policy's people side (issue 16): a leaver from the end date to
//! the evidence of removal, their own Aantoonbaar account disabled; an
//! account import that finds an orphan, a leaver and an excess right; a
//! review campaign from its start to remediation, with a late reviewer
//! escalated to the IBP manager.

use crate::helpers::{Fixture, TestApp, json, pdf_text};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use reqwest::Method;
use serde_json::{Value, json};

async fn fixture(app: &TestApp) -> Fixture {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    Fixture::create(app, &token, 41).await
}

async fn system(app: &TestApp, token: &str, name: &str) -> String {
    let body = json!({"name": name, "holds": "NAW, resultaten, zorg", "classification": "confidential"});
    json(app.post(token, "/api/v1/systems", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

async fn person(
    app: &TestApp,
    token: &str,
    email: &str,
    school: Option<&str>,
    roles: &[&str],
    end: Option<&str>,
) -> String {
    let (given, surname) = email.split_once('@').unwrap().0.split_once('.').unwrap();
    let capital = |name: &str| name[..1].to_uppercase() + &name[1..];
    let (given, surname) = (capital(given), capital(surname));
    let body = json!({"given_name": given, "surname": surname, "email": email, "school_id": school,
        "roles": roles, "employment_start": "2020-08-01", "employment_end": end});
    json(app.post(token, "/api/v1/staff", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

async fn import_accounts(app: &TestApp, token: &str, system: &str, csv: &str) -> reqwest::Response {
    app.request(Method::POST, Some(token), &format!("/api/v1/systems/{system}/accounts/import"))
        .header("content-type", "text/csv")
        .body(csv.to_owned())
        .send()
        .await
        .unwrap()
}

fn usernames(list: &Value) -> Vec<&str> {
    list.as_array().unwrap().iter().map(|a| a["username"].as_str().unwrap()).collect()
}

/// Mails in the outbox whose subject contains `part`: (recipient, subject).
async fn mails(app: &TestApp, f: &Fixture, part: &str) -> Vec<(String, String)> {
    crate::helpers::mails_about(app, &f.board, part).await.into_iter().map(|(to, subject, _)| (to, subject)).collect()
}

async fn at(app: &TestApp, moment: &str) {
    let target: jiff::Timestamp = moment.parse().unwrap();
    app.clock.advance(target.duration_since(app.clock.now()));
}

story!(the_leaver_deadline_skips_weekends_and_holidays_and_names_a_wrong_date, |app| {
    let f = fixture(&app).await;
    let friday = json(app.get(&f.admin, "/api/v1/deadlines/leaver?ended=2026-11-27").await, 200).await;
    assert_eq!(friday, json!({"ended": "2026-11-27", "remove_by": "2026-11-30"}));
    let christmas = json(app.get(&f.admin, "/api/v1/deadlines/leaver?ended=2026-12-24").await, 200).await;
    assert_eq!(christmas["remove_by"], "2026-12-28", "Christmas, Boxing Day and the weekend");
    let day = json!({"date": "2026-12-28", "description": "Besluit van het voorbeeld"});
    json(app.post(&f.admin, "/api/v1/equated-days", &day).await, 201).await;
    let equated = json(app.get(&f.admin, "/api/v1/deadlines/leaver?ended=2026-12-24").await, 200).await;
    assert_eq!(equated["remove_by"], "2026-12-29", "the board's equated day counts too");
    for bad in ["2026-13-01", "gisteren", ""] {
        let problem = json(app.get(&f.admin, &format!("/api/v1/deadlines/leaver?ended={bad}")).await, 400).await;
        assert_eq!(problem["errors"][0]["field"], "ended", "{bad}: {problem}");
        assert!(problem["detail"].as_str().unwrap().contains("Laatste werkdag"), "{problem}");
    }
});

story!(a_leaver_goes_from_end_date_to_removal_evidence_and_loses_their_own_account, |app| {
    let f = fixture(&app).await;
    let parnassys = system(&app, &f.admin, "ParnasSys").await;
    let director = app.staff(&f.board, "d.linde@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let ict = app.staff(&f.board, "bs.linde@proef.nl", Role::Bs, ScopeKind::School, &[&f.school]).await;
    let teacher = app.staff(&f.board, "jan.jansen@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    let id = person(&app, &director, "jan.jansen@proef.nl", Some(&f.school), &["OP"], None).await;
    let csv = "Gebruikersnaam;Naam;E-mail;Profiel\njjansen;Jan Jansen;jan.jansen@proef.nl;Leerkracht\n";
    json(import_accounts(&app, &f.admin, &parnassys, csv).await, 200).await;
    // A teacher sees no staff list.
    assert_eq!(app.get(&teacher, "/api/v1/staff").await.status(), 403);

    // The director records the last day: Friday 27 November.
    let patched =
        json(app.patch(&director, &format!("/api/v1/staff/{id}"), &json!({"employment_end": "2026-11-27"})).await, 200)
            .await;
    assert_eq!(patched["remove_by"], "2026-11-30");
    assert_eq!(patched["roles"], json!(["OP"]), "what is not sent stays");
    let told = mails(&app, &f, "Vertrek Jan Jansen").await;
    let to: Vec<&str> = told.iter().map(|(to, _)| to.as_str()).collect();
    assert_eq!(to, ["bs.linde@proef.nl", "d.linde@proef.nl", "ibp@proef.nl"], "who removes, and on whose order");
    assert!(told[0].1.contains("30-11-2026"), "{told:?}");

    let changes = json(app.get(&f.admin, "/api/v1/access/changes?open=true").await, 200).await;
    let change = &changes.as_array().unwrap()[0];
    assert_eq!((change["kind"].as_str(), change["status"].as_str()), (Some("leave"), Some("approved")));
    assert_eq!(change["steps"][0]["system_name"], "ParnasSys", "the systems the person has accounts in");
    let change_id = change["id"].as_str().unwrap().to_owned();

    let on = |date: &str| format!("/api/v1/access/leavers?date={date}");
    let due = json(app.get(&f.admin, &on("2026-11-30")).await, 200).await;
    assert_eq!(due["items"][0]["status"], "due");
    assert_eq!(due["items"][0]["staff_id"], id.as_str());
    assert_eq!(json(app.get(&f.admin, &on("2026-12-01")).await, 200).await["items"][0]["status"], "late");
    assert_eq!(app.get(&f.admin, &on("30-11")).await.status(), 400);

    // Still working on Friday; on Saturday the job disables the Aantoonbaar account.
    at(&app, "2026-11-27T16:00:00+01:00").await;
    app.jobs.run_once().await.unwrap();
    assert_eq!(app.get(&teacher, "/api/v1/me").await.status(), 200);
    at(&app, "2026-11-28T00:30:00+01:00").await;
    let report = app.jobs.run_once().await.unwrap();
    assert_eq!(report.leaver_accounts_disabled, 1);
    assert_eq!(app.get(&teacher, "/api/v1/me").await.status(), 401, "the token no longer works");
    let first = app.sign_in_password("jan.jansen@proef.nl", crate::helpers::PASSWORD).await;
    assert_ne!(
        first.headers().get("location").and_then(|l| l.to_str().ok()),
        Some("/aanmelden/code"),
        "no second step: no sign-in"
    );
    let change = json(app.get(&f.admin, &format!("/api/v1/access/changes/{change_id}")).await, 200).await;
    assert!(change["own_account_disabled_at"].is_string(), "{change}");

    // Monday: the school's ICT administrator removes the ParnasSys account and says so.
    at(&app, "2026-11-30T09:00:00+01:00").await;
    let step = json!({"system_id": parnassys, "evidence": "Account jjansen verwijderd in ParnasSys"});
    let none = json(app.post(&ict, &format!("/api/v1/access/changes/{change_id}/steps"), &json!({})).await, 422).await;
    let fields: Vec<&str> = none["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["system_id", "evidence"]);
    let done = json(app.post(&ict, &format!("/api/v1/access/changes/{change_id}/steps"), &step).await, 200).await;
    assert_eq!(done["status"], "done");
    assert_eq!(done["steps"][0]["done_by"], "bs.linde@proef.nl");
    let leavers = json(app.get(&f.admin, &on("2026-11-30")).await, 200).await;
    assert_eq!(leavers["items"][0]["status"], "done");
    assert_eq!(leavers["items"][0]["on_time"], true);
    assert_eq!(json(app.get(&f.admin, &on("2026-12-31")).await, 200).await["on_time_percent"], 100);

    let trail = app.store.board(&f.board).audit_trail(200).await.unwrap();
    assert!(
        trail.iter().any(|e| e.entity == "user" && e.fields.contains(&"disabled_at".to_owned())),
        "disabling is audited"
    );
    assert!(
        trail.iter().any(|e| e.entity == "access_change" && e.entity_id == change_id && e.actor == "bs.linde@proef.nl")
    );

    // Another board sees nothing of it.
    let other = app.board("Stichting Ander").await;
    let stranger = app.staff(&other, "ibp@ander.nl", Role::St, ScopeKind::Board, &[]).await;
    assert_eq!(app.get(&stranger, &format!("/api/v1/staff/{id}")).await.status(), 404);
    assert_eq!(app.get(&stranger, &format!("/api/v1/access/changes/{change_id}")).await.status(), 404);
    assert_eq!(json(app.get(&stranger, "/api/v1/access/leavers").await, 200).await["items"], json!([]));
});

story!(the_staff_list_refuses_bad_rows_by_field_and_a_director_keeps_only_her_school, |app| {
    let f = fixture(&app).await;
    let director = app.staff(&f.board, "d.linde@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let bad = json!({"given_name": "", "surname": "Jansen", "email": "geen-adres", "roles": ["XX"],
        "employment_start": "2026-08-01", "employment_end": "2025-01-01"});
    let problem = json(app.post(&f.admin, "/api/v1/staff", &bad).await, 422).await;
    let mut fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["email", "employment_end", "given_name", "roles"]);
    assert!(problem["detail"].as_str().unwrap().contains("Voornaam: dit veld is verplicht"), "{problem}");
    assert_eq!(json(app.get(&f.admin, "/api/v1/staff").await, 200).await, json!([]), "nothing written");

    let other = json!({"given_name": "Piet", "surname": "Eik", "email": "piet@proef.nl", "roles": ["OP"],
        "school_id": f.other_school, "employment_start": "2020-08-01"});
    let refused = json(app.post(&director, "/api/v1/staff", &other).await, 422).await;
    assert_eq!(refused["errors"][0]["field"], "school_id");
    json(app.post(&f.admin, "/api/v1/staff", &other).await, 201).await;
    person(&app, &director, "anna.linde@proef.nl", Some(&f.school), &["OP", "TL"], None).await;
    let twice = json!({"given_name": "Anna", "surname": "Linde", "email": "Anna.Linde@proef.nl", "roles": ["OP"],
        "school_id": f.school, "employment_start": "2020-08-01"});
    assert_eq!(app.post(&director, "/api/v1/staff", &twice).await.status(), 409, "the address is the key");
    let mine = json(app.get(&director, "/api/v1/staff").await, 200).await;
    assert_eq!(mine.as_array().unwrap().len(), 1, "a director sees her school's people only");

    // The HR export: matched by address, a new end date makes a leaver, a wrong row names line and column.
    let hr = "Voornaam;Achternaam;E-mail;School;Rollen;In dienst;Uit dienst\n\
              Anna;Linde;anna.linde@proef.nl;41AA;OP,TL;2020-08-01;31-12-2026\n\
              Kees;Kok;kees.kok@proef.nl;41BB;OP;01-08-2024;\n";
    let import = |body: &str, dry: bool| {
        app.request(Method::POST, Some(&f.admin), &format!("/api/v1/staff/import?dry_run={dry}"))
            .header("content-type", "text/csv")
            .body(body.to_owned())
            .send()
    };
    let report = json(import(hr, true).await.unwrap(), 200).await;
    assert_eq!(
        (report["created"].as_u64(), report["updated"].as_u64(), report["written"].as_bool()),
        (Some(1), Some(1), Some(false))
    );
    assert_eq!(
        json(app.get(&f.admin, "/api/v1/staff").await, 200).await.as_array().unwrap().len(),
        2,
        "a dry run writes nothing"
    );
    let report = json(import(hr, false).await.unwrap(), 200).await;
    assert_eq!(report["new_leavers"], 1);
    let list = json(app.get(&f.admin, "/api/v1/staff").await, 200).await;
    assert_eq!(list.as_array().unwrap().len(), 3);
    let leavers = json(app.get(&f.admin, "/api/v1/access/leavers?date=2026-12-01").await, 200).await;
    assert_eq!(leavers["items"][0]["remove_by"], "2027-01-04", "New Year's Day and the weekend");
    let wrong = "Voornaam;Achternaam;E-mail;School;Rollen;In dienst\nKees;Kok;kees.kok@proef.nl;99ZZ;OP;2024-08-01\n";
    let problem = json(import(wrong, false).await.unwrap(), 422).await;
    assert!(problem["detail"].as_str().unwrap().contains("Regel 2, kolom School"), "{problem}");
});

/// Teachers have "Leerkracht", the director "Directie"; nobody else has a profile.
async fn matrix(app: &TestApp, token: &str, system: &str) {
    let rows = json!({"rows": [
        {"role": "OP", "profile": "Leerkracht", "rights": ["view", "change"], "scope": "group"},
        {"role": "D", "profile": "Directie", "rights": ["view", "change", "delete"], "scope": "school"}
    ]});
    let response = app
        .request(Method::PUT, Some(token), &format!("/api/v1/systems/{system}/matrix"))
        .json(&rows)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.text().await.unwrap());
}

story!(an_account_import_finds_an_orphan_a_leaver_and_an_excess_right, |app| {
    let f = fixture(&app).await;
    let parnassys = system(&app, &f.admin, "ParnasSys").await;
    matrix(&app, &f.admin, &parnassys).await;
    person(&app, &f.admin, "anna.linde@proef.nl", Some(&f.school), &["OP"], None).await;
    person(&app, &f.admin, "bert.linde@proef.nl", Some(&f.school), &["OP"], None).await;
    // Left on Friday 13 November: the accounts had to go by Monday the 16th.
    person(&app, &f.admin, "carla.linde@proef.nl", Some(&f.school), &["OP"], Some("2026-11-13")).await;
    let csv = "Gebruikersnaam,Naam,E-mail,Profiel,Laatst ingelogd\n\
               alinde,Anna Linde,anna.linde@proef.nl,Leerkracht,2026-11-20\n\
               blinde,Bert Linde,bert.linde@proef.nl,Directie,2026-11-19\n\
               clinde,Carla Linde,carla.linde@proef.nl,Leerkracht,2026-11-18\n\
               stagiair2019,Stagiair,,Leerkracht,2019-06-30\n";
    let found = json(import_accounts(&app, &f.admin, &parnassys, csv).await, 200).await;
    assert_eq!(usernames(&found["orphans"]), ["stagiair2019"]);
    assert_eq!(usernames(&found["leavers"]), ["clinde"]);
    assert_eq!(found["leavers"][0]["late"], true);
    assert_eq!(found["leavers"][0]["remove_by"], "2026-11-16");
    assert_eq!(usernames(&found["excess"]), ["blinde"], "a teacher with the director's profile");
    assert_eq!(found["accounts"].as_array().unwrap().len(), 4);
    assert_eq!(found["has_matrix"], true);

    // Her removal is late: the job tells the IBP manager once.
    assert_eq!(app.jobs.run_once().await.unwrap().late_leavers, 1);
    assert_eq!(app.jobs.run_once().await.unwrap().late_leavers, 0, "once");
    let late: Vec<String> =
        mails(&app, &f, "Te laat: accounts van Carla Linde").await.into_iter().map(|m| m.0).collect();
    assert_eq!(late, ["ibp@proef.nl"]);

    // A wrong file names line and column and changes nothing.
    let wrong = "Gebruikersnaam;E-mail\nalinde;anna.linde@proef.nl\nblinde;geen-adres\nALINDE;\n";
    let problem = json(import_accounts(&app, &f.admin, &parnassys, wrong).await, 422).await;
    let found: Vec<(u64, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_u64().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(found, [(3, "email.format"), (4, "import.duplicate_username")], "{problem}");
    assert!(problem["detail"].as_str().unwrap().contains("Regel 3, kolom E-mail"), "{problem}");
    let kept = json(app.get(&f.admin, &format!("/api/v1/systems/{parnassys}/accounts")).await, 200).await;
    assert_eq!(kept["accounts"].as_array().unwrap().len(), 4, "the previous list stands");

    // The leaver's removal waits on ParnasSys; the next list without her account is the evidence.
    let changes = json(app.get(&f.admin, "/api/v1/access/changes").await, 200).await;
    let change = changes.as_array().unwrap().iter().find(|c| c["kind"] == "leave").unwrap().clone();
    assert_eq!(change["steps"][0]["done"], false);
    let without =
        "Gebruikersnaam,E-mail,Profiel\nalinde,anna.linde@proef.nl,Leerkracht\nblinde,bert.linde@proef.nl,Leerkracht\n";
    let clean = json(import_accounts(&app, &f.admin, &parnassys, without).await, 200).await;
    assert_eq!(
        (
            clean["orphans"].as_array().unwrap().len(),
            clean["leavers"].as_array().unwrap().len(),
            clean["excess"].as_array().unwrap().len()
        ),
        (0, 0, 0)
    );
    let change =
        json(app.get(&f.admin, &format!("/api/v1/access/changes/{}", change["id"].as_str().unwrap())).await, 200).await;
    assert_eq!(change["status"], "done");
    assert!(change["steps"][0]["evidence"].as_str().unwrap().contains("Niet meer in de accountlijst"), "{change}");
    let leavers = json(app.get(&f.admin, "/api/v1/access/leavers").await, 200).await;
    assert_eq!(
        (leavers["items"][0]["status"].as_str(), leavers["items"][0]["on_time"].as_bool()),
        (Some("done"), Some(false))
    );
    assert_eq!(leavers["on_time_percent"], 0, "computed from the evidence: removed after the deadline");

    // Only the IBP manager imports account lists.
    let director = app.staff(&f.board, "d.linde@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    assert_eq!(import_accounts(&app, &director, &parnassys, without).await.status(), 403);
});

story!(a_review_campaign_runs_from_start_to_remediation_and_a_late_reviewer_is_escalated, |app| {
    let f = fixture(&app).await;
    let parnassys = system(&app, &f.admin, "ParnasSys").await;
    let linde = app.staff(&f.board, "d.linde@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let eik = app.staff(&f.board, "d.eik@proef.nl", Role::D, ScopeKind::School, &[&f.other_school]).await;
    person(&app, &f.admin, "anna.linde@proef.nl", Some(&f.school), &["OP"], None).await;
    person(&app, &f.admin, "piet.eik@proef.nl", Some(&f.other_school), &["OP"], None).await;
    let csv = "Gebruikersnaam;E-mail;Profiel\nalinde;anna.linde@proef.nl;Leerkracht\npeik;piet.eik@proef.nl;Leerkracht\nbeheer;;Beheerder\n";
    json(import_accounts(&app, &f.admin, &parnassys, csv).await, 200).await;

    let review_state = |body: &Value| {
        let system = body.as_array().unwrap().iter().find(|s| s["system"]["name"] == "ParnasSys").unwrap().clone();
        (system["last_review"].clone(), system["review_due_on"].clone(), system["warnings"].clone())
    };
    let before = review_state(&json(app.get(&f.admin, "/api/v1/access-policies").await, 200).await);
    assert!(before.2.as_array().unwrap().contains(&json!("review_due")), "never reviewed: due now {before:?}");
    assert_eq!(app.post(&linde, "/api/v1/access/reviews", &json!({"deadline": "2026-12-04"})).await.status(), 403);
    let past = json(app.post(&f.admin, "/api/v1/access/reviews", &json!({"deadline": "2026-11-01"})).await, 422).await;
    assert_eq!(past["errors"][0]["field"], "deadline");
    let started =
        json(app.post(&f.admin, "/api/v1/access/reviews", &json!({"deadline": "2026-12-04"})).await, 201).await;
    let id = started["id"].as_str().unwrap().to_owned();
    assert_eq!((started["items"].as_u64(), started["completion"].as_u64()), (Some(3), Some(0)));
    let told: Vec<String> = mails(&app, &f, "Controle van toegangsrechten").await.into_iter().map(|m| m.0).collect();
    assert_eq!(told, ["d.eik@proef.nl", "d.linde@proef.nl", "ibp@proef.nl"], "each reviewer of a part");

    // The director of De Linde sees and decides her school's account only.
    let mine = json(app.get(&linde, &format!("/api/v1/access/reviews/{id}")).await, 200).await;
    assert_eq!(usernames(&mine["items"]), ["alinde"]);
    let hers = mine["items"][0]["id"].as_str().unwrap().to_owned();
    let theirs = {
        let all = json(app.get(&f.admin, &format!("/api/v1/access/reviews/{id}")).await, 200).await;
        let beheer = all["items"].as_array().unwrap().iter().find(|i| i["username"] == "beheer").unwrap();
        assert_eq!(beheer["findings"], json!(["orphan"]), "the reviewer sees that nobody holds it");
        all["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["username"].as_str().unwrap().to_owned(), i["id"].as_str().unwrap().to_owned()))
            .collect::<Vec<_>>()
    };
    let peik = &theirs.iter().find(|(u, _)| u == "peik").unwrap().1;
    let beheer = &theirs.iter().find(|(u, _)| u == "beheer").unwrap().1;
    let decide = |items: Value| json!({"items": items});
    let url = format!("/api/v1/access/reviews/{id}/decisions");
    assert_eq!(
        app.post(&linde, &url, &decide(json!([{"id": peik, "outcome": "keep"}]))).await.status(),
        404,
        "not her part"
    );
    let wrong = json(app.post(&linde, &url, &decide(json!([{"id": hers, "outcome": "misschien"}]))).await, 422).await;
    assert_eq!(wrong["errors"][0]["field"], "items[0].outcome");
    let decided = json(app.post(&linde, &url, &decide(json!([{"id": hers, "outcome": "keep"}]))).await, 200).await;
    assert_eq!(decided["per_school"][0]["keep"], 1);

    // Three days before the deadline the reviewers with open accounts are reminded, once.
    at(&app, "2026-12-01T08:00:00+01:00").await;
    assert_eq!(app.jobs.run_once().await.unwrap().review_notices, 2);
    assert_eq!(app.jobs.run_once().await.unwrap().review_notices, 0);
    let reminded: Vec<String> = mails(&app, &f, "Nog ").await.into_iter().map(|m| m.0).collect();
    assert_eq!(reminded, ["d.eik@proef.nl", "ibp@proef.nl"], "not the director who finished");

    // After the deadline what De Eik left open goes to the IBP manager.
    at(&app, "2026-12-05T08:00:00+01:00").await;
    app.jobs.run_once().await.unwrap();
    let escalated = mails(&app, &f, "Controle te laat").await;
    assert!(
        escalated.iter().any(|(to, subject)| to == "ibp@proef.nl" && subject.contains("CBS De Eik")),
        "{escalated:?}"
    );
    let overview = json(app.get(&f.admin, "/api/v1/access/reviews").await, 200).await;
    assert_eq!(overview[0]["overdue"], true);

    // The IBP manager decides the rest, and the campaign cannot close before that.
    assert_eq!(app.post(&f.admin, &format!("/api/v1/access/reviews/{id}/close"), &json!({})).await.status(), 409);
    let rest = decide(
        json!([{"id": peik, "outcome": "reduce", "note": "Alleen groep 3"}, {"id": beheer, "outcome": "revoke"}]),
    );
    json(app.post(&f.admin, &url, &rest).await, 200).await;
    let item = format!("/api/v1/access/reviews/{id}/items/{beheer}/remediation");
    let none = json(app.post(&f.admin, &item, &json!({"evidence": " "})).await, 422).await;
    assert_eq!(none["errors"][0]["field"], "evidence");
    let fixed =
        json(app.post(&f.admin, &item, &json!({"evidence": "Account beheer verwijderd, ticket 4711"})).await, 200)
            .await;
    assert_eq!(fixed["needs_remediation"], false);
    assert_eq!(app.post(&f.admin, &item, &json!({"evidence": "nogmaals"})).await.status(), 409);
    let closed = json(app.post(&f.admin, &format!("/api/v1/access/reviews/{id}/close"), &json!({})).await, 200).await;
    assert_eq!(
        (closed["open"].as_bool(), closed["completion"].as_u64(), closed["remediated"].as_u64()),
        (Some(false), Some(100), Some(1))
    );
    assert_eq!(
        app.post(&f.admin, &url, &decide(json!([{"id": hers, "outcome": "revoke"}]))).await.status(),
        409,
        "closed"
    );

    let report = |token: String| {
        let app = &app;
        let id = id.clone();
        async move {
            let pdf = app
                .request(Method::GET, Some(&token), &format!("/api/v1/access/reviews/{id}/report"))
                .send()
                .await
                .unwrap();
            assert_eq!(pdf.status(), 200);
            pdf_text(&pdf.bytes().await.unwrap())
        }
    };
    let text = report(f.admin.clone()).await;
    assert!(text.contains("Per systeem") && text.contains("ParnasSys") && text.contains("ticket 4711"), "{text}");
    let theirs = report(eik.clone()).await;
    assert!(
        theirs.contains("Piet Eik") && !theirs.contains("ticket 4711"),
        "a director's report holds her part: {theirs}"
    );
});

story!(a_directors_request_for_a_mover_is_approved_by_someone_else_and_carried_out_per_system, |app| {
    let f = fixture(&app).await;
    let parnassys = system(&app, &f.admin, "ParnasSys").await;
    let director = app.staff(&f.board, "d.linde@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let ict = app.staff(&f.board, "bs.linde@proef.nl", Role::Bs, ScopeKind::School, &[&f.school]).await;
    let anna = person(&app, &director, "anna.linde@proef.nl", Some(&f.school), &["OP"], None).await;
    let csv = "Gebruikersnaam;E-mail;Profiel\nalinde;anna.linde@proef.nl;Leerkracht\n";
    json(import_accounts(&app, &f.admin, &parnassys, csv).await, 200).await;

    let nothing = json!({"staff_id": anna, "kind": "move", "effective_on": "2027-01-04"});
    let refused = json(app.post(&director, "/api/v1/access/changes", &nothing).await, 422).await;
    assert_eq!(refused["errors"][0]["field"], "to_school_id", "a move changes the school or the roles");
    let leave = json!({"staff_id": anna, "kind": "leave", "effective_on": "2027-01-04"});
    let refused = json(app.post(&director, "/api/v1/access/changes", &leave).await, 422).await;
    assert!(refused["detail"].as_str().unwrap().contains("datum uit dienst"), "{refused}");

    let body = json!({"staff_id": anna, "kind": "move", "effective_on": "2027-01-04", "roles_after": ["OP", "TL"],
        "note": "Wordt teamleider onderbouw"});
    let requested = json(app.post(&director, "/api/v1/access/changes", &body).await, 201).await;
    assert_eq!(requested["status"], "requested");
    assert_eq!(requested["roles_before"], json!(["OP"]));
    assert_eq!(requested["steps"][0]["system_name"], "ParnasSys", "the old rights to review");
    let id = requested["id"].as_str().unwrap();
    let asked: Vec<String> = mails(&app, &f, "Wijziging in toegang").await.into_iter().map(|m| m.0).collect();
    assert_eq!(asked, ["ibp@proef.nl"]);
    assert_eq!(app.post(&director, &format!("/api/v1/access/changes/{id}/approve"), &json!({})).await.status(), 409);
    let step = json!({"system_id": parnassys, "evidence": "Profiel teamleider gegeven"});
    assert_eq!(
        app.post(&ict, &format!("/api/v1/access/changes/{id}/steps"), &step).await.status(),
        409,
        "not approved yet"
    );
    let approved =
        json(app.post(&f.admin, &format!("/api/v1/access/changes/{id}/approve"), &json!({})).await, 200).await;
    assert_eq!(approved["approved_by"], "ibp@proef.nl");
    let told: Vec<String> = mails(&app, &f, "Toegang aanpassen").await.into_iter().map(|m| m.0).collect();
    assert_eq!(told, ["bs.linde@proef.nl", "ibp@proef.nl"], "who carries it out");
    let done = json(app.post(&ict, &format!("/api/v1/access/changes/{id}/steps"), &step).await, 200).await;
    assert_eq!(
        (done["status"].as_str(), done["steps"][0]["evidence"].as_str()),
        (Some("done"), Some("Profiel teamleider gegeven"))
    );
    assert_eq!(app.post(&director, &format!("/api/v1/access/changes/{id}/cancel"), &json!({})).await.status(), 409);
});
