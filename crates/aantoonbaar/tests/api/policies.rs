//! The board's policy documents and the staff's signatures (issue 17): a
//! new version of the code of conduct asks everyone to sign again; the
//! adoption follows the GMR's consent; the administration records paper
//! signatures for its own school; non-signers are reminded and their
//! director told; a joiner's access waits for their signatures; the public
//! page shows only what the board published.

use crate::helpers::{Fixture, TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use reqwest::Method;
use serde_json::{Value, json};

async fn fixture(app: &TestApp) -> Fixture {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    Fixture::create(app, &token, 61).await
}

/// A person on the staff list at `school` (`None`: the board office).
async fn person(app: &TestApp, token: &str, email: &str, school: Option<&str>, start: &str) -> String {
    let (given, surname) = email.split_once('@').unwrap().0.split_once('.').unwrap();
    let body = json!({"given_name": given.to_uppercase(), "surname": surname.to_uppercase(), "email": email,
        "school_id": school, "roles": ["OP"], "employment_start": start});
    json(app.post(token, "/api/v1/staff", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

/// A new version of `kind`, adopted today with the GMR's consent of a week ago.
async fn adopted(app: &TestApp, token: &str, kind: &str, version: &str) -> String {
    let body = json!({"kind": kind, "title": "Gedragscode ICT en privacy", "version": version,
        "text": format!("Versie {version}: ik deel geen wachtwoorden en zet geen leerlingen op sociale media.")});
    let id = json(app.post(token, "/api/v1/policies", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let adoption = json!({"adopted_on": "2026-11-22", "by": "CvB", "gmr_consent_on": "2026-11-15"});
    let adopted = json(app.post(token, &format!("/api/v1/policies/{id}/adopt"), &adoption).await, 200).await;
    assert_eq!(adopted["state"], "in_force");
    id
}

fn names(list: &Value) -> Vec<&str> {
    let mut names: Vec<&str> = list.as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    names.sort_unstable();
    names
}

/// Who the mails whose subject contains `part` went to, sorted.
async fn recipients(app: &TestApp, f: &Fixture, part: &str) -> Vec<String> {
    crate::helpers::recipients(app, &f.board, part).await
}

story!(a_new_version_of_the_code_of_conduct_asks_everyone_to_sign_again, |app| {
    let f = fixture(&app).await;
    let teacher = app.staff(&f.board, "anna.smit@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    person(&app, &f.admin, "anna.smit@proef.nl", Some(&f.school), "2020-08-01").await;
    person(&app, &f.admin, "bart.vos@proef.nl", Some(&f.school), "2021-08-01").await;
    person(&app, &f.admin, "cees.bos@proef.nl", Some(&f.other_school), "2019-08-01").await;

    let first = adopted(&app, &f.admin, "code_of_conduct", "1.0").await;
    // Every employee is asked, by mail, to read and sign it.
    let asked = recipients(&app, &f, "Nieuw: Gedragscode ICT en privacy (versie 1.0)").await;
    assert_eq!(asked, ["anna.smit@proef.nl", "bart.vos@proef.nl", "cees.bos@proef.nl"]);

    // The teacher signs herself (no body: the signed-in employee).
    let signed = app
        .request(Method::POST, Some(&teacher), &format!("/api/v1/policies/{first}/signatures"))
        .send()
        .await
        .unwrap();
    let signed = json(signed, 201).await;
    assert_eq!((signed["name"].as_str(), signed["channel"].as_str()), (Some("ANNA SMIT"), Some("online")));
    let again = app.post(&teacher, &format!("/api/v1/policies/{first}/signatures"), &json!({})).await;
    assert!(json(again, 409).await["detail"].as_str().unwrap().contains("al ondertekend"));

    let status = json(app.get(&f.admin, &format!("/api/v1/policies/{first}/signatures")).await, 200).await;
    assert_eq!(status["version"], "1.0");
    assert_eq!(names(&status["signed"]), ["ANNA SMIT"]);
    assert_eq!(names(&status["not_signed"]), ["BART VOS", "CEES BOS"]);
    assert_eq!((status["signed_count"].as_u64(), status["expected"].as_u64()), (Some(1), Some(3)));
    // The teacher sees no one's signatures, only her own obligations.
    assert_eq!(app.get(&teacher, &format!("/api/v1/policies/{first}/signatures")).await.status(), 403);

    // Version 2.0: her signature under 1.0 does not count for it.
    let second = adopted(&app, &f.admin, "code_of_conduct", "2.0").await;
    let status = json(app.get(&f.admin, &format!("/api/v1/policies/{second}/signatures")).await, 200).await;
    assert_eq!(status["version"], "2.0");
    assert!(status["signed"].as_array().unwrap().is_empty(), "{status}");
    assert_eq!(names(&status["not_signed"]), ["ANNA SMIT", "BART VOS", "CEES BOS"]);
    assert_eq!(recipients(&app, &f, "Nieuw: Gedragscode ICT en privacy (versie 2.0)").await.len(), 3);
    let old = json(app.get(&f.admin, &format!("/api/v1/policies/{first}")).await, 200).await;
    assert_eq!(old["state"], "replaced");
    let late = app.post(&teacher, &format!("/api/v1/policies/{first}/signatures"), &json!({})).await;
    assert!(json(late, 409).await["detail"].as_str().unwrap().contains("versie die nu geldt"));

    // The list per version keeps its own signatures: 1.0 still shows hers.
    let history = json(app.get(&f.admin, &format!("/api/v1/policies/{first}/signatures")).await, 200).await;
    assert_eq!(names(&history["signed"]), ["ANNA SMIT"]);
    // The overview shows 2.0 in force, 1.0 among the others, and the count.
    let overview = json(app.get(&teacher, "/api/v1/policies").await, 200).await;
    let code = overview.as_array().unwrap().iter().find(|k| k["kind"] == "code_of_conduct").unwrap();
    assert_eq!(code["in_force"]["version"], "2.0");
    assert_eq!(code["others"][0]["version"], "1.0");
    assert!(code["signed"].is_null(), "a teacher sees no counts");
    let overview = json(app.get(&f.admin, "/api/v1/policies").await, 200).await;
    let code = overview.as_array().unwrap().iter().find(|k| k["kind"] == "code_of_conduct").unwrap();
    assert_eq!(code["signed"], json!([0, 3]));
});

story!(an_adoption_follows_the_gmr_and_an_adopted_version_never_changes, |app| {
    let f = fixture(&app).await;
    let draft = json!({"kind": "privacy_regulation", "title": "Privacyreglement", "version": "3.0"});
    let id = json(app.post(&f.admin, "/api/v1/policies", &draft).await, 201).await["id"].as_str().unwrap().to_owned();
    let taken = json(app.post(&f.admin, "/api/v1/policies", &draft).await, 422).await;
    assert_eq!(taken["errors"][0]["field"], "version");
    let wrong = json!({"kind": "huisregels", "title": "", "version": "1", "colour": "rood"});
    let problem = json(app.post(&f.admin, "/api/v1/policies", &wrong).await, 422).await;
    let mut fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["colour", "kind", "title"]);

    // Without a text or file there is nothing to adopt.
    let adopt = |body: Value| {
        let app = &app;
        let (token, id) = (f.admin.clone(), id.clone());
        async move { app.post(&token, &format!("/api/v1/policies/{id}/adopt"), &body).await }
    };
    let empty = adopt(json!({"adopted_on": "2026-11-20", "by": "CvB", "gmr_consent_on": "2026-11-10"})).await;
    assert!(json(empty, 409).await["detail"].as_str().unwrap().contains("geen tekst of bestand"));
    let file = reqwest::multipart::Part::bytes(b"%PDF-1.4 reglement".to_vec()).file_name("reglement.pdf");
    let uploaded = app
        .request(Method::PUT, Some(&f.admin), &format!("/api/v1/policies/{id}/file"))
        .multipart(reqwest::multipart::Form::new().part("file", file))
        .send()
        .await
        .unwrap();
    let uploaded = json(uploaded, 200).await;
    assert_eq!(uploaded["file_name"], "reglement.pdf");
    assert_eq!(uploaded["sha256"].as_str().map(str::len), Some(64), "the file's hash");

    // The privacy regulation needs the GMR's consent, before the adoption, and not a day to come.
    let problem = json(adopt(json!({"adopted_on": "2026-11-20", "by": "CvB"})).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "gmr_consent_on");
    assert!(problem["errors"][0]["detail"].as_str().unwrap().contains("GMR"), "{problem}");
    let problem =
        json(adopt(json!({"adopted_on": "2026-11-20", "by": "CvB", "gmr_consent_on": "2026-11-21"})).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "gmr_consent_on");
    let problem =
        json(adopt(json!({"adopted_on": "2026-12-01", "by": "directeur", "gmr_consent_on": "2026-11-21"})).await, 422)
            .await;
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["by", "adopted_on"]);

    let done =
        json(adopt(json!({"adopted_on": "2026-11-20", "by": "CvB", "gmr_consent_on": "2026-11-10"})).await, 200).await;
    assert_eq!((done["state"].as_str(), done["public"].as_bool()), (Some("in_force"), Some(true)));
    assert_eq!(done["gmr_consent_on"], "2026-11-10");
    let twice = adopt(json!({"adopted_on": "2026-11-21", "by": "CvB", "gmr_consent_on": "2026-11-10"})).await;
    assert_eq!(twice.status(), 409);
    let change = app
        .request(Method::PUT, Some(&f.admin), &format!("/api/v1/policies/{id}"))
        .json(&json!({"title": "Ander reglement", "version": "3.0"}))
        .send()
        .await
        .unwrap();
    assert!(json(change, 409).await["detail"].as_str().unwrap().contains("verandert niet meer"));
    // Only the IBP manager writes policy; a director reads what is in force.
    let director = app.staff(&f.board, "d@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    assert_eq!(app.post(&director, "/api/v1/policies", &draft).await.status(), 403);
    assert_eq!(app.get(&director, &format!("/api/v1/policies/{id}")).await.status(), 200);
    let file = app.get(&director, &format!("/api/v1/policies/{id}/file")).await;
    assert_eq!(file.bytes().await.unwrap().as_ref(), b"%PDF-1.4 reglement");

    // A draft is not for everyone: the director gets 404.
    let next = json!({"kind": "privacy_regulation", "title": "Privacyreglement", "version": "4.0", "text": "Nieuw"});
    let next = json(app.post(&f.admin, "/api/v1/policies", &next).await, 201).await["id"].as_str().unwrap().to_owned();
    assert_eq!(app.get(&director, &format!("/api/v1/policies/{next}")).await.status(), 404);
    // Adopting it on a day before the version in force is refused.
    let body = json!({"adopted_on": "2026-11-19", "by": "CvB", "gmr_consent_on": "2026-11-10"});
    let problem = json(app.post(&f.admin, &format!("/api/v1/policies/{next}/adopt"), &body).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "adopted_on");

    // The audit trail holds the adoption.
    let entries = app.store.board(&f.board).audit_trail(100).await.unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e.entity == "policy_document" && e.entity_id == id && e.fields.contains(&"adopted_on".to_owned()))
    );
});

story!(the_administration_records_paper_signatures_for_its_own_school_only, |app| {
    let f = fixture(&app).await;
    let office = app.staff(&f.board, "ap@proef.nl", Role::Ap, ScopeKind::School, &[&f.school]).await;
    let ours = person(&app, &f.admin, "dirk.dam@proef.nl", Some(&f.school), "2018-08-01").await;
    let theirs = person(&app, &f.admin, "eva.eik@proef.nl", Some(&f.other_school), "2018-08-01").await;
    let id = adopted(&app, &f.admin, "confidentiality", "1.0").await;

    let paper = json!({"staff_id": theirs, "on": "2026-11-20", "channel": "paper"});
    let problem = json(app.post(&office, &format!("/api/v1/policies/{id}/signatures"), &paper).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "staff_id", "another school's employee is unknown to her");
    let future = json!({"staff_id": ours, "on": "2026-12-20", "channel": "paper"});
    let problem = json(app.post(&office, &format!("/api/v1/policies/{id}/signatures"), &future).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "on");
    let paper = json!({"staff_id": ours, "on": "2026-11-20", "channel": "paper"});
    let signed = json(app.post(&office, &format!("/api/v1/policies/{id}/signatures"), &paper).await, 201).await;
    assert_eq!((signed["channel"].as_str(), signed["signed_on"].as_str()), (Some("paper"), Some("2026-11-20")));

    // She sees her school only; the IBP manager the whole board.
    let hers = json(app.get(&office, &format!("/api/v1/policies/{id}/signatures")).await, 200).await;
    assert_eq!(names(&hers["signed"]), ["DIRK DAM"]);
    assert!(hers["not_signed"].as_array().unwrap().is_empty(), "{hers}");
    let all = json(app.get(&f.admin, &format!("/api/v1/policies/{id}/signatures")).await, 200).await;
    assert_eq!(names(&all["not_signed"]), ["EVA EIK"]);
    // A teacher records no one's paper signature; and one not on the staff list cannot sign.
    let teacher = app.staff(&f.board, "fien.veen@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    let other = json!({"staff_id": theirs, "on": "2026-11-20", "channel": "paper"});
    assert_eq!(app.post(&teacher, &format!("/api/v1/policies/{id}/signatures"), &other).await.status(), 403);
    let own = app.post(&teacher, &format!("/api/v1/policies/{id}/signatures"), &json!({})).await;
    assert!(json(own, 409).await["detail"].as_str().unwrap().contains("personeelslijst"));
    // A kind staff do not sign has no signatures.
    let body = json!({"kind": "ibp_policy", "title": "IBP-beleid", "version": "1", "text": "Beleid"});
    let ibp = json(app.post(&f.admin, "/api/v1/policies", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let adoption = json!({"adopted_on": "2026-11-22", "by": "CvB"});
    json(app.post(&f.admin, &format!("/api/v1/policies/{ibp}/adopt"), &adoption).await, 200).await;
    assert_eq!(app.get(&f.admin, &format!("/api/v1/policies/{ibp}/signatures")).await.status(), 409);
});

story!(non_signers_are_reminded_three_times_and_then_their_director_hears_of_it, |app| {
    let f = fixture(&app).await;
    app.staff(&f.board, "d.linde@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let signer = app.staff(&f.board, "gijs.gras@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    person(&app, &f.admin, "gijs.gras@proef.nl", Some(&f.school), "2018-08-01").await;
    person(&app, &f.admin, "hans.hei@proef.nl", Some(&f.school), "2018-08-01").await;
    let id = adopted(&app, &f.admin, "code_of_conduct", "1.0").await;
    json(app.post(&signer, &format!("/api/v1/policies/{id}/signatures"), &json!({})).await, 201).await;
    let reminders = || recipients(&app, &f, "Herinnering: onderteken");

    assert_eq!(app.jobs.run_once().await.unwrap().signing_notices, 0, "not in the first week");
    let mut expected = Vec::new();
    for days in [7, 14, 14] {
        app.clock.advance(jiff::SignedDuration::from_hours(24 * days));
        assert_eq!(app.jobs.run_once().await.unwrap().signing_notices, 1, "after {days} days");
        assert_eq!(app.jobs.run_once().await.unwrap().signing_notices, 0, "once");
        expected.push("hans.hei@proef.nl".to_owned());
        assert_eq!(reminders().await, expected, "only the one who has not signed");
    }
    assert!(recipients(&app, &f, "Nog niet ondertekend").await.is_empty());
    app.clock.advance(jiff::SignedDuration::from_hours(24 * 14));
    assert_eq!(app.jobs.run_once().await.unwrap().signing_notices, 1);
    assert_eq!(recipients(&app, &f, "Nog niet ondertekend").await, ["d.linde@proef.nl"], "the school's director");
    app.clock.advance(jiff::SignedDuration::from_hours(24 * 30));
    assert_eq!(app.jobs.run_once().await.unwrap().signing_notices, 0, "and then nothing more");
    assert_eq!(reminders().await.len(), 3);
    let status = json(app.get(&f.admin, &format!("/api/v1/policies/{id}/signatures")).await, 200).await;
    assert_eq!(status["not_signed"][0]["reminders"], 3);
});

story!(a_joiner_s_access_waits_until_they_signed, |app| {
    let f = fixture(&app).await;
    let system = json(app.post(&f.admin, "/api/v1/systems", &json!({"name": "ParnasSys"})).await, 201).await;
    let system = system["id"].as_str().unwrap().to_owned();
    let code = adopted(&app, &f.admin, "code_of_conduct", "1.0").await;
    let secrecy = adopted(&app, &f.admin, "confidentiality", "1.0").await;
    let joiner = person(&app, &f.admin, "ilse.ijs@proef.nl", Some(&f.school), "2026-12-01").await;

    // Even the IBP manager's request waits: the joiner has not signed.
    let body = json!({"staff_id": joiner, "kind": "join", "effective_on": "2026-12-01", "systems": [system]});
    let change = json(app.post(&f.admin, "/api/v1/access/changes", &body).await, 201).await;
    assert_eq!(change["status"], "requested");
    let change = change["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/access/changes/{change}/approve");
    let empty = json!({});
    let approve = || app.post(&f.admin, &path, &empty);
    let refused = json(approve().await, 409).await;
    assert!(refused["detail"].as_str().unwrap().contains("nog niet ondertekend"), "{refused}");

    // Signed on paper (she has no account yet): one is not enough, both are.
    let paper = json!({"staff_id": joiner, "on": "2026-11-22", "channel": "paper"});
    json(app.post(&f.admin, &format!("/api/v1/policies/{code}/signatures"), &paper).await, 201).await;
    assert_eq!(approve().await.status(), 409);
    json(app.post(&f.admin, &format!("/api/v1/policies/{secrecy}/signatures"), &paper).await, 201).await;
    let approved = json(approve().await, 200).await;
    assert_eq!(approved["status"], "approved");
});

story!(the_public_page_shows_what_the_board_published_and_nothing_else, |app| {
    let f = fixture(&app).await;
    let body = json!({"kind": "responsible_disclosure", "title": "Zwakke plek gevonden?", "version": "1.0",
        "text": "Meld het aan security@proef.nl."});
    let public =
        json(app.post(&f.admin, "/api/v1/policies", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let body = json!({"adopted_on": "2026-11-22", "by": "CvB"});
    json(app.post(&f.admin, &format!("/api/v1/policies/{public}/adopt"), &body).await, 200).await;
    let code = adopted(&app, &f.admin, "code_of_conduct", "1.0").await;
    let draft =
        json!({"kind": "pupil_internet_rules", "title": "Regels voor internet", "version": "0.1", "text": "Concept"});
    json(app.post(&f.admin, "/api/v1/policies", &draft).await, 201).await;

    let (status, page) = app.page(&format!("/beleidsstukken/{}", f.board.as_str())).await;
    assert_eq!(status, 200);
    assert!(page.contains("Zwakke plek gevonden?"), "{page}");
    assert!(!page.contains("Gedragscode") && !page.contains("Regels voor internet"), "internal and draft stay in");
    let (status, page) = app.page(&format!("/beleidsstukken/{}/{public}", f.board.as_str())).await;
    assert_eq!(status, 200);
    assert!(page.contains("security@proef.nl"));
    assert_eq!(app.page(&format!("/beleidsstukken/{}/{code}", f.board.as_str())).await.0, 404);
    // Taking it off the page.
    let off = app
        .request(Method::PUT, Some(&f.admin), &format!("/api/v1/policies/{public}/public"))
        .json(&json!({"public": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(json(off, 200).await["public"], false);
    assert_eq!(app.page(&format!("/beleidsstukken/{}/{public}", f.board.as_str())).await.0, 404);
});

story!(the_board_report_counts_who_signed_and_who_was_reached_by_awareness, |app| {
    let f = fixture(&app).await;
    let anna = person(&app, &f.admin, "anna.smit@proef.nl", Some(&f.school), "2020-08-01").await;
    let bart = person(&app, &f.admin, "bart.vos@proef.nl", Some(&f.school), "2021-08-01").await;
    person(&app, &f.admin, "cees.bos@proef.nl", Some(&f.other_school), "2019-08-01").await;
    let code = adopted(&app, &f.admin, "code_of_conduct", "1.0").await;
    for id in [&anna, &bart] {
        let paper = json!({"staff_id": id, "on": "2026-11-20", "channel": "paper"});
        json(app.post(&f.admin, &format!("/api/v1/policies/{code}/signatures"), &paper).await, 201).await;
    }
    let refresher =
        json!({"kind": "refresher", "title": "Privacy-opfrisser", "held_on": "2026-09-14", "audience": "board"});
    let refresher = json(app.post(&f.admin, "/api/v1/awareness", &refresher).await, 201).await;
    let ticked = json!({"staff_ids": [anna]});
    let path = format!("/api/v1/awareness/{}/attendance", refresher["id"].as_str().unwrap());
    json(app.post(&f.admin, &path, &ticked).await, 200).await;

    let report = json(app.get(&f.admin, "/api/v1/board-report?year=2026").await, 200).await;
    let signed = &report["figures"]["code_of_conduct_signed"];
    assert_eq!((signed["value"].as_i64(), signed["of"].as_i64()), (Some(67), Some(3)), "{signed}");
    assert_eq!(signed["href"], "/beleid");
    assert!(signed["previous"].is_null(), "no code of conduct was in force at the end of 2025");
    assert!(report["figures"]["confidentiality_signed"]["value"].is_null(), "none adopted");
    let reached = &report["figures"]["awareness_reached"];
    assert_eq!((reached["value"].as_i64(), reached["of"].as_i64()), (Some(33), Some(3)), "{reached}");
    // The 2025 report: nobody employed then attended anything in 2025.
    let before = json(app.get(&f.admin, "/api/v1/board-report?year=2025").await, 200).await;
    assert_eq!(before["figures"]["awareness_reached"]["value"], 0);
});
