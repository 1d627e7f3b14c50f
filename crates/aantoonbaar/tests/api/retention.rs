//! Retention and destruction (issue 15): the rules contract, a pupil's items
//! with due dates and status, holds, the worklist, a rule change with the
//! items it moves, validation in Dutch, roles and tenancy.

use crate::helpers::{Fixture, TestApp, json, pdf_text};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use serde_json::{Value, json};

/// An IBP manager of a fresh board with the fixture (two schools, a pupil in each).
async fn fixture(app: &TestApp) -> Fixture {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    Fixture::create(app, &token, 21).await
}

async fn put(app: &TestApp, token: &str, path: &str, body: &Value) -> reqwest::Response {
    app.request(reqwest::Method::PUT, Some(token), path).json(body).send().await.unwrap()
}

/// Records that `pupil` left on `date` for `destination`.
async fn leave(app: &TestApp, f: &Fixture, pupil: &str, date: &str, destination: &str) {
    let patch = json!({"leave_date": date, "leave_destination": destination});
    json(app.patch(&f.admin, &format!("/api/v1/pupils/{pupil}"), &patch).await, 200).await;
}

/// The item of `category` in a pupil's retention answer.
fn item<'a>(answer: &'a Value, category: &str) -> &'a Value {
    answer["items"].as_array().unwrap().iter().find(|i| i["category"] == category).unwrap()
}

/// The (pupil, category) pairs on the worklist for `date`.
async fn worklist(app: &TestApp, token: &str, date: &str) -> Vec<(String, String)> {
    let list = json(app.get(token, &format!("/api/v1/retention/worklist?date={date}")).await, 200).await;
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["pupil_id"].as_str().unwrap().to_owned(), i["category"].as_str().unwrap().to_owned()))
        .collect()
}

story!(the_rules_list_keeps_the_contract_with_the_seed_terms_and_their_sources, |app| {
    let f = fixture(&app).await;
    let rules = json(app.get(&f.admin, "/api/v1/retention/rules").await, 200).await;
    let rules = rules.as_array().unwrap();
    assert_eq!(rules.len(), 13, "one per rule code");
    for rule in rules {
        let mut keys: Vec<&str> = rule.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["action", "category", "code", "period", "source", "subject", "trigger"], "{rule}");
        assert!(!rule["source"]["text"].as_str().unwrap().is_empty(), "every term has its source: {rule}");
    }
    let find = |code: &str| rules.iter().find(|r| r["code"] == code).unwrap();
    let file = find("pupil_file");
    assert_eq!(
        (&file["category"], &file["subject"], &file["trigger"], &file["period"], &file["action"]),
        (&json!("pupil_file"), &json!("pupil"), &json!("left_school"), &json!("P2Y"), &json!("destroy"))
    );
    assert!(file["source"]["text"].as_str().unwrap().contains("2 jaar"), "seed 001 §14.17");
    assert_eq!(find("pupil_file_special_education")["period"], "P3Y");
    assert_eq!(find("enrolment_and_absence")["period"], "P5Y");
    assert_eq!(find("camera_footage")["period"], "P4W");
    assert_eq!(find("application_not_admitted")["period"], "P2Y");

    // The board's reading of "SBO 3 jaar" is a setting, referred_pupil by default.
    let settings = json(app.get(&f.admin, "/api/v1/retention/settings").await, 200).await;
    assert_eq!(settings["sbo_reading"], "referred_pupil");
    let set = json(put(&app, &f.admin, "/api/v1/retention/settings", &json!({"sbo_reading": "sbo_school"})).await, 200);
    assert_eq!(set.await["sbo_reading"], "sbo_school");
    let wrong = json(put(&app, &f.admin, "/api/v1/retention/settings", &json!({"sbo_reading": "altijd"})).await, 422);
    let wrong = wrong.await;
    assert_eq!(wrong["errors"][0]["field"], "sbo_reading");
});

story!(a_pupil_still_enrolled_has_no_due_dates, |app| {
    let f = fixture(&app).await;
    let answer = json(app.get(&f.admin, &format!("/api/v1/pupils/{}/retention", f.pupil)).await, 200).await;
    for category in ["pupil_file", "enrolment_and_absence", "contact_details"] {
        let item = item(&answer, category);
        assert_eq!(item["due_date"], Value::Null, "{item}");
        assert_eq!(item["trigger_date"], Value::Null, "{item}");
        assert_eq!(item["status"], "pending", "{item}");
    }
    // A leave date ahead (next summer) has not happened yet: still no due date.
    leave(&app, &f, &f.pupil, "2027-07-16", "secondary_school").await;
    let answer = json(app.get(&f.admin, &format!("/api/v1/pupils/{}/retention", f.pupil)).await, 200).await;
    assert_eq!(item(&answer, "pupil_file")["due_date"], Value::Null);
    assert!(worklist(&app, &f.admin, "2026-11-22").await.is_empty());

    // The view of a child's data is in the audit trail.
    let trail = app.store.board(&f.board).audit_trail(100).await.unwrap();
    assert!(
        trail.iter().any(|e| e.entity == "pupil_retention" && e.entity_id == f.pupil && e.action == "view"),
        "the view is recorded"
    );
});

story!(a_pupil_who_left_three_years_ago_has_the_file_due_and_on_the_worklist, |app| {
    let f = fixture(&app).await;
    leave(&app, &f, &f.pupil, "2023-11-01", "secondary_school").await;
    let answer = json(app.get(&f.admin, &format!("/api/v1/pupils/{}/retention", f.pupil)).await, 200).await;
    let file = item(&answer, "pupil_file");
    assert_eq!(
        (&file["trigger_date"], &file["due_date"], &file["status"], &file["action"]),
        (&json!("2023-11-01"), &json!("2025-11-01"), &json!("due"), &json!("destroy"))
    );
    let enrolment = item(&answer, "enrolment_and_absence");
    assert_eq!((&enrolment["due_date"], &enrolment["status"]), (&json!("2028-11-01"), &json!("pending")));
    assert_eq!(item(&answer, "contact_details")["action"], "review");

    // The register says where the pupil file lives: the worklist names the system.
    let system = json(app.post(&f.admin, "/api/v1/systems", &json!({"name": "ParnasSys"})).await, 201).await;
    let activity = json!({"name": "Leerlingvolgsysteem", "subject_categories": ["pupils"],
        "data_categories": ["identification", "education_progress"], "system_ids": [system["id"]]});
    json(app.post(&f.admin, "/api/v1/processing-activities", &activity).await, 201).await;

    let list = json(app.get(&f.admin, "/api/v1/retention/worklist?date=2026-11-22").await, 200).await;
    let items = list["items"].as_array().unwrap();
    let file = items.iter().find(|i| i["pupil_id"] == f.pupil.as_str() && i["category"] == "pupil_file").unwrap();
    assert_eq!(file["system"], "ParnasSys");
    let contact = items.iter().find(|i| i["category"] == "contact_details").unwrap();
    assert!(contact.get("system").is_none(), "no activity holds contact data: {contact}");
    assert_eq!(
        (&file["due_date"], &file["status"], &file["action"]),
        (&json!("2025-11-01"), &json!("due"), &json!("destroy"))
    );
    assert_eq!(file["pupil_number"], "1001");
    assert!(!items.iter().any(|i| i["category"] == "enrolment_and_absence"), "enrolment data stay 5 years: {list}");
    assert!(!items.iter().any(|i| i["pupil_id"] == f.other_pupil.as_str()), "still enrolled");
    // Before the due date it is not on the worklist; on the day it is.
    assert!(worklist(&app, &f.admin, "2025-10-31").await.is_empty());
    let on_the_day = worklist(&app, &f.admin, "2025-11-01").await;
    assert!(on_the_day.contains(&(f.pupil.clone(), "pupil_file".to_owned())), "{on_the_day:?}");
    // Five years on, the enrolment data are due too.
    let later = worklist(&app, &f.admin, "2028-11-01").await;
    assert!(later.contains(&(f.pupil.clone(), "enrolment_and_absence".to_owned())), "{later:?}");

    // A pupil referred to special education keeps the file 3 years (seed 001 §14.17).
    leave(&app, &f, &f.other_pupil, "2023-11-01", "special_education").await;
    let answer = json(app.get(&f.admin, &format!("/api/v1/pupils/{}/retention", f.other_pupil)).await, 200).await;
    assert_eq!(item(&answer, "pupil_file")["due_date"], "2026-11-01");
    assert_eq!(item(&answer, "pupil_file")["rule"], "pupil_file_special_education");
});

story!(a_hold_keeps_an_item_off_the_worklist_until_it_is_released, |app| {
    let f = fixture(&app).await;
    leave(&app, &f, &f.pupil, "2023-11-01", "secondary_school").await;
    let body = json!({"pupil_id": f.pupil, "reason": "Ouders dreigen met een rechtszaak", "category": "pupil_file",
        "kind": "legal_claim"});
    let created = json(app.post(&f.admin, "/api/v1/retention/holds", &body).await, 201).await;
    let hold = created["id"].as_str().unwrap().to_owned();

    let answer = json(app.get(&f.admin, &format!("/api/v1/pupils/{}/retention", f.pupil)).await, 200).await;
    assert_eq!(item(&answer, "pupil_file")["status"], "held");
    assert_eq!(item(&answer, "contact_details")["status"], "due", "the hold is on the file only");
    assert_eq!(answer["holds"][0]["id"], hold.as_str());
    let today = worklist(&app, &f.admin, "2026-11-22").await;
    assert!(!today.contains(&(f.pupil.clone(), "pupil_file".to_owned())), "held: {today:?}");
    assert!(today.contains(&(f.pupil.clone(), "contact_details".to_owned())), "{today:?}");

    let released = json(app.post(&f.admin, &format!("/api/v1/retention/holds/{hold}/release"), &json!({})).await, 200);
    assert_eq!(released.await["released_by"], "ibp@proef.nl");
    let again = json(app.post(&f.admin, &format!("/api/v1/retention/holds/{hold}/release"), &json!({})).await, 409);
    assert!(again.await.to_string().contains("opgeheven"), "a second release is refused in Dutch");
    let today = worklist(&app, &f.admin, "2026-11-22").await;
    assert!(today.contains(&(f.pupil.clone(), "pupil_file".to_owned())), "back after the release: {today:?}");
    let answer = json(app.get(&f.admin, &format!("/api/v1/pupils/{}/retention", f.pupil)).await, 200).await;
    assert_eq!(item(&answer, "pupil_file")["status"], "due");

    // A hold without a category holds everything; a wrong hold is refused naming the fields.
    let all = json!({"pupil_id": f.pupil, "reason": "Verzoek om inzage loopt", "kind": "open_request"});
    json(app.post(&f.admin, "/api/v1/retention/holds", &all).await, 201).await;
    let today = worklist(&app, &f.admin, "2026-11-22").await;
    assert!(!today.iter().any(|(p, _)| *p == f.pupil), "{today:?}");
    let wrong = json!({"pupil_id": f.pupil, "category": "alles", "kind": "zomaar"});
    let problem = json(app.post(&f.admin, "/api/v1/retention/holds", &wrong).await, 422).await;
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["reason", "category", "kind"], "{problem}");

    let trail = app.store.board(&f.board).audit_trail(100).await.unwrap();
    let holds: Vec<_> = trail.iter().filter(|e| e.entity == "retention_hold").collect();
    assert_eq!(holds.len(), 3, "two placed, one released");
});

story!(a_rule_change_is_validated_in_dutch_versioned_and_says_which_items_move, |app| {
    let f = fixture(&app).await;
    leave(&app, &f, &f.pupil, "2023-11-01", "secondary_school").await;
    let refused =
        json(put(&app, &f.admin, "/api/v1/retention/rules/pupil_file", &json!({"period": "2 jaar"})).await, 422);
    let refused = refused.await;
    assert_eq!(refused["errors"][0]["field"], "period", "{refused}");
    assert_eq!(refused["errors"][0]["code"], "retention.period.missing_p");
    let detail = refused["errors"][0]["detail"].as_str().unwrap();
    assert!(detail.starts_with("Bewaartermijn:"), "names the field in Dutch: {detail}");
    let zero = json(put(&app, &f.admin, "/api/v1/retention/rules/pupil_file", &json!({"period": "P0D"})).await, 422);
    assert_eq!(zero.await["errors"][0]["code"], "retention.period.zero");
    let unknown = put(&app, &f.admin, "/api/v1/retention/rules/alles", &json!({"period": "P1Y"})).await;
    assert_eq!(unknown.status(), 404);

    // A dry run says what would move and stores nothing.
    let longer =
        json!({"period": "P4Y", "source_kind": "board", "source_text": "Besluit CvB 2026-12", "dry_run": true});
    let dry = json(put(&app, &f.admin, "/api/v1/retention/rules/pupil_file", &longer).await, 200).await;
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["version"], Value::Null);
    assert_eq!(dry["moves_items"], true);
    assert_eq!(dry["changes"][0]["fields"], json!(["period", "source"]));
    assert_eq!((&dry["affected"], &dry["due_before"], &dry["due_after"]), (&json!(1), &json!(1), &json!(0)));
    let rules = json(app.get(&f.admin, "/api/v1/retention/rules").await, 200).await;
    assert_eq!(rules[0]["period"], "P2Y", "nothing stored");

    let mut change = longer.clone();
    change["dry_run"] = json!(false);
    let changed = json(put(&app, &f.admin, "/api/v1/retention/rules/pupil_file", &change).await, 200).await;
    assert_eq!(changed["version"], 1);
    assert_eq!(changed["rule"]["period"], "P4Y");
    let rules = json(app.get(&f.admin, "/api/v1/retention/rules").await, 200).await;
    assert_eq!((&rules[0]["period"], &rules[0]["source"]["kind"]), (&json!("P4Y"), &json!("board")));
    assert!(worklist(&app, &f.admin, "2026-11-22").await.iter().all(|(_, c)| c != "pupil_file"), "moved");
    let again = json(put(&app, &f.admin, "/api/v1/retention/rules/pupil_file", &json!({"period": "P3Y"})).await, 200);
    assert_eq!(again.await["version"], 2, "every change is a new version");

    let trail = app.store.board(&f.board).audit_trail(100).await.unwrap();
    let changes: Vec<_> = trail.iter().filter(|e| e.entity == "retention_rule").collect();
    assert_eq!(changes.len(), 2);
    assert!(changes.iter().all(|e| e.entity_id == "pupil_file" && e.actor == "ibp@proef.nl"));

    // The FG reads the rules but changes none.
    let fg = app.staff(&f.board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    json(app.get(&fg, "/api/v1/retention/rules").await, 200).await;
    json(put(&app, &fg, "/api/v1/retention/rules/pupil_file", &json!({"period": "P2Y"})).await, 403).await;
});

story!(a_bad_worklist_date_is_refused_naming_the_date, |app| {
    let f = fixture(&app).await;
    let problem = json(app.get(&f.admin, "/api/v1/retention/worklist?date=22-11-2026x").await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "date");
    assert!(problem["errors"][0]["detail"].as_str().unwrap().starts_with("Datum:"), "{problem}");
});

story!(another_boards_pupil_is_404_and_a_teacher_cannot_list_the_worklist, |app| {
    let f = fixture(&app).await;
    leave(&app, &f, &f.pupil, "2023-11-01", "secondary_school").await;
    let other = app.board("Stichting Ander").await;
    let stranger = app.staff(&other, "ibp@ander.nl", Role::St, ScopeKind::Board, &[]).await;
    let theirs = app.get(&stranger, &format!("/api/v1/pupils/{}/retention", f.pupil)).await;
    assert_eq!(theirs.status(), 404);
    assert!(worklist(&app, &stranger, "2026-11-22").await.is_empty(), "another board's leavers are not theirs");
    let hold = json!({"pupil_id": f.pupil, "reason": "Rechtszaak"});
    let refused = json(app.post(&stranger, "/api/v1/retention/holds", &hold).await, 422).await;
    assert_eq!(refused["errors"][0]["code"], "reference.unknown");

    // A teacher sees their own pupil's items, but not the worklist.
    let teacher = app.staff(&f.board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    json(app.get(&teacher, &format!("/api/v1/pupils/{}/retention", f.pupil)).await, 200).await;
    assert_eq!(app.get(&teacher, &format!("/api/v1/pupils/{}/retention", f.other_pupil)).await.status(), 404);
    json(app.get(&teacher, "/api/v1/retention/worklist?date=2026-11-22").await, 403).await;

    // A director's worklist holds their school only.
    leave(&app, &f, &f.other_pupil, "2023-11-01", "secondary_school").await;
    let director = app.staff(&f.board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.other_school]).await;
    let theirs = worklist(&app, &director, "2026-11-22").await;
    assert!(!theirs.is_empty() && theirs.iter().all(|(p, _)| *p == f.other_pupil), "{theirs:?}");
});

story!(the_pages_show_the_rules_with_their_sources_and_the_worklist_per_category, |app| {
    let f = fixture(&app).await;
    leave(&app, &f, &f.pupil, "2023-11-01", "secondary_school").await;
    app.staff(&f.board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    app.sign_in("fg@proef.nl", crate::helpers::PASSWORD).await;
    let (status, page) = app.page("/bewaartermijnen").await;
    assert_eq!(status, 200);
    assert!(page.contains("Leerlingdossier") && page.contains("2 jaar") && page.contains("4 weken"), "{page}");
    assert!(page.contains("bijlage 14.17"), "the source in words");
    assert!(page.contains(r#"class="table-scroll" role="region" tabindex="0" aria-label="#));

    let (status, page) = app.page("/bewaartermijnen/werklijst?datum=2026-11-22").await;
    assert_eq!(status, 200);
    assert!(page.contains("Sanne van der Berg") && page.contains("01-11-2025"), "{page}");
    assert!(page.contains("Te vernietigen: Leerlingdossier"), "a table per category");
    let (status, page) = app.page("/bewaartermijnen/werklijst?datum=morgen").await;
    assert_eq!(status, 422);
    assert!(page.contains("Datum:"), "names the field");
});

// ---------------------------------------------------------------- destruction batches

/// The register says the pupil file lives in ParnasSys (contact data: no system, so Aantoonbaar).
async fn parnassys(app: &TestApp, f: &Fixture) {
    let system = json(app.post(&f.admin, "/api/v1/systems", &json!({"name": "ParnasSys"})).await, 201).await;
    let activity = json!({"name": "Leerlingvolgsysteem", "subject_categories": ["pupils"],
        "data_categories": ["identification", "education_progress"], "system_ids": [system["id"]]});
    json(app.post(&f.admin, "/api/v1/processing-activities", &activity).await, 201).await;
}

/// A batch of the fixture's school for 22 November 2026, made by `token`.
async fn new_batch(app: &TestApp, token: &str, f: &Fixture) -> Value {
    let body = json!({"date": "2026-11-22", "school_id": f.school});
    json(app.post(token, "/api/v1/retention/batches", &body).await, 201).await
}

async fn approve(app: &TestApp, token: &str, batch: &str) -> reqwest::Response {
    app.post(token, &format!("/api/v1/retention/batches/{batch}/approve"), &json!({})).await
}

async fn confirm(app: &TestApp, token: &str, batch: &str, system: &str) -> reqwest::Response {
    let body = json!({"system": system, "destroyed_on": "2026-11-20", "method": "Verwijderd door de administratie"});
    app.post(token, &format!("/api/v1/retention/batches/{batch}/confirmations"), &body).await
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

story!(a_batch_with_two_approvals_and_a_confirmation_per_system_destroys_and_has_its_certificate, |app| {
    let f = fixture(&app).await;
    parnassys(&app, &f).await;
    leave(&app, &f, &f.pupil, "2023-11-01", "secondary_school").await;
    let director = app.staff(&f.board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;

    // The director makes the batch; the items are frozen with their systems.
    let batch = new_batch(&app, &director, &f).await;
    assert_eq!(batch["status"], "awaiting_approval");
    let id = batch["id"].as_str().unwrap().to_owned();
    let items = batch["items"].as_array().unwrap();
    let file = items.iter().find(|i| i["category"] == "pupil_file").unwrap();
    assert_eq!(
        (&file["pupil_id"], &file["due_date"], &file["action"]),
        (&json!(f.pupil), &json!("2025-11-01"), &json!("destroy"))
    );
    assert_eq!(file["systems"], json!(["ParnasSys"]));
    let contact = items.iter().find(|i| i["category"] == "contact_details").unwrap();
    assert_eq!(contact["systems"], json!(["Aantoonbaar"]), "no system in the register: the product's own record");
    assert!(!items.iter().any(|i| i["pupil_id"] == f.other_pupil.as_str()), "one school only");
    // Nothing is destroyed before both approvals.
    let early = confirm(&app, &director, &id, "ParnasSys").await;
    assert_eq!(early.status(), 409);
    // The same items do not go on a second batch while this one is open.
    let twice =
        app.post(&f.admin, "/api/v1/retention/batches", &json!({"date": "2026-11-22", "school_id": f.school})).await;
    assert_eq!(json(twice, 422).await["errors"][0]["code"], "retention.batch.empty");

    // Two approvals, in any order: the director's, then the IBP manager's.
    let approved = json(approve(&app, &director, &id).await, 200).await;
    assert_eq!(approved["status"], "awaiting_approval");
    let approved = json(approve(&app, &f.admin, &id).await, 200).await;
    assert_eq!(approved["status"], "approved");
    let roles: Vec<&str> =
        approved["approvals"].as_array().unwrap().iter().map(|a| a["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["director", "ibp_manager"]);
    let certificate = app.get(&f.admin, &format!("/api/v1/retention/batches/{id}/certificate")).await;
    assert_eq!(certificate.status(), 404, "no certificate before completion");

    // A confirmation per system; a system the batch does not name is refused.
    let unknown = json(confirm(&app, &f.admin, &id, "Magister").await, 422).await;
    assert_eq!(unknown["errors"][0]["field"], "system");
    let one = json(confirm(&app, &f.admin, &id, "ParnasSys").await, 200).await;
    assert_eq!(one["status"], "approved", "Aantoonbaar is still to confirm");
    assert_eq!(confirm(&app, &f.admin, &id, "ParnasSys").await.status(), 409);
    let done = json(confirm(&app, &director, &id, "Aantoonbaar").await, 200).await;
    assert_eq!(done["status"], "completed");
    assert_eq!(done["completed_on"], "2026-11-22");
    let hash = done["certificate_sha256"].as_str().unwrap().to_owned();
    assert_eq!(hash.len(), 64);

    // The certificate: counts per category and the systems, never a pupil's name; its hash in the audit trail.
    let response = app.get(&f.admin, &format!("/api/v1/retention/batches/{id}/certificate")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let bytes = response.bytes().await.unwrap();
    assert_eq!(sha256(&bytes), hash, "the certificate served is the one hashed");
    let text = pdf_text(&bytes);
    assert!(text.contains("Verklaring van vernietiging"), "{text}");
    assert!(text.contains("Stichting Proef"), "{text}");
    assert!(text.contains("Leerlingdossier") && text.contains("1 × Vernietigen"), "{text}");
    assert!(text.contains("ParnasSys") && text.contains("Aantoonbaar"), "{text}");
    assert!(text.contains("Directeur") && text.contains("IBP-coördinator"), "{text}");
    assert!(!text.contains("Sanne") && !text.contains("Berg") && !text.contains(&f.pupil), "no pupil: {text}");
    let again = app.get(&f.admin, &format!("/api/v1/retention/batches/{id}/certificate")).await.bytes().await.unwrap();
    assert_eq!(again, bytes);
    let trail = app.store.board(&f.board).audit_trail(200).await.unwrap();
    assert!(trail.iter().any(|e| e.entity == "destruction_certificate" && e.entity_id == hash), "hash in the trail");

    // The items count as destroyed and leave the worklist.
    let answer = json(app.get(&f.admin, &format!("/api/v1/pupils/{}/retention", f.pupil)).await, 200).await;
    assert_eq!(item(&answer, "pupil_file")["status"], "destroyed");
    assert_eq!(item(&answer, "contact_details")["status"], "destroyed");
    assert_eq!(item(&answer, "enrolment_and_absence")["status"], "pending", "not in the batch");
    let today = worklist(&app, &f.admin, "2026-11-22").await;
    assert!(!today.iter().any(|(p, _)| *p == f.pupil), "{today:?}");
    let list = json(app.get(&f.admin, "/api/v1/retention/batches").await, 200).await;
    assert_eq!(list[0]["id"], id.as_str());
});

story!(two_approvals_need_two_people_of_two_roles_and_the_batchs_own_director, |app| {
    let f = fixture(&app).await;
    leave(&app, &f, &f.pupil, "2023-11-01", "secondary_school").await;
    let director = app.staff(&f.board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let elsewhere = app.staff(&f.board, "eik@proef.nl", Role::D, ScopeKind::School, &[&f.other_school]).await;
    let second = app.staff(&f.board, "ibp2@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let teacher = app.staff(&f.board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    let id = new_batch(&app, &f.admin, &f).await["id"].as_str().unwrap().to_owned();

    json(approve(&app, &f.admin, &id).await, 200).await;
    let twice = json(approve(&app, &f.admin, &id).await, 409).await;
    assert_eq!(twice["errors"][0]["code"], "retention.batch.same_person", "{twice}");
    assert!(twice.to_string().contains("iemand anders"), "in Dutch: {twice}");
    let same_role = json(approve(&app, &second, &id).await, 409).await;
    assert_eq!(same_role["errors"][0]["code"], "retention.batch.already_approved", "{same_role}");
    // A director of another school does not see the batch, let alone approve it.
    assert_eq!(approve(&app, &elsewhere, &id).await.status(), 404);
    assert_eq!(app.get(&elsewhere, &format!("/api/v1/retention/batches/{id}")).await.status(), 404);
    let theirs = json(app.get(&elsewhere, "/api/v1/retention/batches").await, 200).await;
    assert_eq!(theirs, json!([]));
    // A director makes batches of their own school only.
    let board_wide = json(app.post(&director, "/api/v1/retention/batches", &json!({"date": "2026-11-22"})).await, 422);
    assert_eq!(board_wide.await["errors"][0]["field"], "school_id");
    // A teacher has no part in it.
    assert_eq!(approve(&app, &teacher, &id).await.status(), 403);
    assert_eq!(app.get(&teacher, "/api/v1/retention/batches").await.status(), 403);
    let body = json!({"date": "2026-11-22", "school_id": f.school});
    assert_eq!(app.post(&teacher, "/api/v1/retention/batches", &body).await.status(), 403);

    let approved = json(approve(&app, &director, &id).await, 200).await;
    assert_eq!(approved["status"], "approved");
    assert_eq!(json(approve(&app, &director, &id).await, 409).await["errors"][0]["code"], "retention.batch.closed");
    // Wrong fields are named in Dutch.
    let wrong = app.post(&f.admin, "/api/v1/retention/batches", &json!({"date": "gisteren"})).await;
    let wrong = json(wrong, 422).await;
    assert_eq!(wrong["errors"][0]["field"], "date");
    assert!(wrong["errors"][0]["detail"].as_str().unwrap().starts_with("Datum:"), "{wrong}");
});

story!(a_held_item_is_not_destroyed_when_its_batch_completes, |app| {
    let f = fixture(&app).await;
    leave(&app, &f, &f.pupil, "2023-11-01", "secondary_school").await;
    let director = app.staff(&f.board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let id = new_batch(&app, &f.admin, &f).await["id"].as_str().unwrap().to_owned();
    json(approve(&app, &f.admin, &id).await, 200).await;
    json(approve(&app, &director, &id).await, 200).await;
    // After the approvals a legal claim comes up: the file must stay.
    let hold = json!({"pupil_id": f.pupil, "reason": "Ouders dreigen met een rechtszaak", "category": "pupil_file",
        "kind": "legal_claim"});
    let hold = json(app.post(&f.admin, "/api/v1/retention/holds", &hold).await, 201).await;
    let done = json(confirm(&app, &director, &id, "Aantoonbaar").await, 200).await;
    assert_eq!(done["status"], "completed");
    let items = done["items"].as_array().unwrap();
    let file = items.iter().find(|i| i["category"] == "pupil_file").unwrap();
    assert_eq!((&file["outcome"], &file["destroyed_on"]), (&json!("held"), &Value::Null));
    let contact = items.iter().find(|i| i["category"] == "contact_details").unwrap();
    assert_eq!(contact["outcome"], "destroyed");

    let answer = json(app.get(&f.admin, &format!("/api/v1/pupils/{}/retention", f.pupil)).await, 200).await;
    assert_eq!(item(&answer, "pupil_file")["status"], "held");
    assert_eq!(item(&answer, "contact_details")["status"], "destroyed");
    let bytes = app.get(&f.admin, &format!("/api/v1/retention/batches/{id}/certificate")).await.bytes().await.unwrap();
    let text = pdf_text(&bytes).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Niet vernietigd door een blokkade"), "{text}");
    assert!(!text.contains("Leerlingdossier"), "the file was not destroyed: {text}");

    // Released, the file is due again and goes on a new batch; the destroyed data do not.
    let hold = hold["id"].as_str().unwrap();
    json(app.post(&f.admin, &format!("/api/v1/retention/holds/{hold}/release"), &json!({})).await, 200).await;
    assert_eq!(worklist(&app, &f.admin, "2026-11-22").await, [(f.pupil.clone(), "pupil_file".to_owned())]);
    let next = new_batch(&app, &f.admin, &f).await;
    let categories: Vec<&str> =
        next["items"].as_array().unwrap().iter().map(|i| i["category"].as_str().unwrap()).collect();
    assert_eq!(categories, ["pupil_file"]);
});

story!(the_destruction_pages_make_approve_and_confirm_a_batch_and_keep_what_was_typed, |app| {
    let f = fixture(&app).await;
    leave(&app, &f, &f.pupil, "2023-11-01", "secondary_school").await;
    let director = app.staff(&f.board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let (status, page) = app.page("/bewaartermijnen/vernietiging").await;
    assert_eq!(status, 200);
    assert!(page.contains("Nieuwe lijst maken"), "{page}");

    // A wrong date shows the form again with what was typed.
    let refused = app.form("/bewaartermijnen/vernietiging", &[("date", "morgen"), ("school_id", &f.school)]).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains("Werklijst tot en met") && page.contains("Datum:"), "{page}");
    assert!(page.contains(r#"value="morgen""#), "keeps what was typed: {page}");
    assert!(page.contains(&format!(r#"value="{}" selected"#, f.school)), "keeps the school: {page}");

    let made = app.form("/bewaartermijnen/vernietiging", &[("date", "2026-11-22"), ("school_id", &f.school)]).await;
    assert_eq!(made.status(), 303);
    let location = made.headers()["location"].to_str().unwrap().to_owned();
    let id = location.rsplit('/').next().unwrap().to_owned();
    let (_, dashboard) = app.page("/").await;
    assert!(dashboard.contains("Vernietigingen wachten op goedkeuring"), "{dashboard}");
    let (status, page) = app.page(&location).await;
    assert_eq!(status, 200);
    assert!(page.contains("Leerlingdossier") && page.contains("1001"), "{page}");
    assert!(!page.contains("Sanne"), "the batch page shows numbers, not names");
    assert!(page.contains(r#"class="table-scroll" role="region" tabindex="0" aria-label="#));
    assert!(page.contains("/goedkeuren"), "the IBP manager may approve");

    assert_eq!(app.form(&format!("{location}/goedkeuren"), &[]).await.status(), 303);
    let (_, page) = app.page(&location).await;
    assert!(!page.contains("/goedkeuren"), "approved once by this person");
    json(approve(&app, &director, &id).await, 200).await;

    // A confirmation with a day ahead is refused, with what was typed kept.
    let wrong = [("system", "Aantoonbaar"), ("destroyed_on", "2030-01-01"), ("method", "Gewist door de administratie")];
    let refused = app.form(&format!("{location}/bevestigen"), &wrong).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains("toekomst") && page.contains(r#"value="Gewist door de administratie""#), "{page}");
    let right = [("system", "Aantoonbaar"), ("destroyed_on", "2026-11-21"), ("method", "Gewist door de administratie")];
    assert_eq!(app.form(&format!("{location}/bevestigen"), &right).await.status(), 303);
    let (_, page) = app.page(&location).await;
    assert!(page.contains("Afgerond") && page.contains("verklaring.pdf"), "{page}");
    let pdf = app.client.get(format!("{}{location}/verklaring.pdf", app.address)).send().await.unwrap();
    assert_eq!(pdf.status(), 200);
    assert!(pdf_text(&pdf.bytes().await.unwrap()).contains("Verklaring van vernietiging"));
});

/// The weekly retention notices in the outbox: (recipient, subject, body).
async fn weekly_notices(app: &TestApp, f: &Fixture) -> Vec<(String, String, String)> {
    let mut mails: Vec<_> = app
        .store
        .board(&f.board)
        .outbox(100)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.subject.starts_with("Bewaartermijnen:"))
        .map(|m| (m.recipient, m.subject, m.body))
        .collect();
    mails.sort();
    mails
}

story!(the_weekly_notice_tells_the_ibp_manager_and_the_director_once_a_week_without_names, |app| {
    let f = fixture(&app).await;
    app.staff(&f.board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    leave(&app, &f, &f.pupil, "2023-11-01", "secondary_school").await;
    leave(&app, &f, &f.other_pupil, "2024-06-01", "secondary_school").await;
    let all = worklist(&app, &f.admin, "2026-11-22").await;
    let at_school = all.iter().filter(|(p, _)| *p == f.pupil).count();
    assert!(at_school > 0 && all.len() > at_school, "both schools have items due: {all:?}");

    // Sunday 22 November 10:00: the week's check runs once.
    assert_eq!(app.jobs.run_once().await.unwrap().retention_notices, 1);
    assert_eq!(app.jobs.run_once().await.unwrap().retention_notices, 0, "once a week");
    let mails = weekly_notices(&app, &f).await;
    let to: Vec<&str> = mails.iter().map(|(to, _, _)| to.as_str()).collect();
    assert_eq!(to, ["directeur@proef.nl", "ibp@proef.nl"]);
    assert!(mails[1].1.contains(&format!("{} gegevens", all.len())), "the board's total: {:?}", mails[1].1);
    assert!(mails[0].1.contains(&format!("{at_school} gegevens")), "the director's school only: {:?}", mails[0].1);
    let pupil = json(app.get(&f.admin, &format!("/api/v1/pupils/{}", f.pupil)).await, 200).await;
    let surname = pupil["surname"].as_str().unwrap();
    assert!(
        mails.iter().all(|(_, _, body)| !body.contains(surname) && body.contains("/bewaartermijnen/werklijst")),
        "{mails:?}"
    );

    // Monday 06:00 is too early; from 07:00 the new week's check runs.
    app.clock.advance(jiff::SignedDuration::from_hours(20));
    assert_eq!(app.jobs.run_once().await.unwrap().retention_notices, 0, "not before 07:00 on Monday");
    app.clock.advance(jiff::SignedDuration::from_mins(90));
    assert_eq!(app.jobs.run_once().await.unwrap().retention_notices, 1);
    assert_eq!(weekly_notices(&app, &f).await.len(), 4);
});

story!(a_hold_asks_for_review_after_the_boards_period_and_a_review_keeps_it, |app| {
    let f = fixture(&app).await;
    leave(&app, &f, &f.pupil, "2023-11-01", "secondary_school").await;
    let body = json!({"pupil_id": f.pupil, "reason": "Mogelijke rechtszaak", "kind": "legal_claim"});
    let hold = json(app.post(&f.admin, "/api/v1/retention/holds", &body).await, 201).await["id"].clone();
    let hold = hold.as_str().unwrap();
    let open = json(app.get(&f.admin, "/api/v1/retention/holds").await, 200).await;
    assert_eq!(open[0]["review_due"], "2027-05-22", "six months after it was placed: {open}");

    // The board reviews every three months; a wrong period is refused in Dutch, naming the field.
    let wrong =
        json(put(&app, &f.admin, "/api/v1/retention/settings", &json!({"hold_review": "3 maanden"})).await, 422);
    let wrong = wrong.await;
    assert!(wrong["errors"][0]["detail"].as_str().unwrap().starts_with("Blokkade opnieuw bekijken na"), "{wrong}");
    let set = json(put(&app, &f.admin, "/api/v1/retention/settings", &json!({"hold_review": "P3M"})).await, 200);
    assert_eq!(set.await["sbo_reading"], "referred_pupil", "what is not sent stays");
    let open = json(app.get(&f.admin, "/api/v1/retention/holds").await, 200).await;
    assert_eq!(open[0]["review_due"], "2027-02-22");

    // Three months on, the hold is to be reviewed: on the dashboard and in the weekly notice.
    app.clock.advance(jiff::SignedDuration::from_hours(24 * 92));
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let (_, page) = app.page("/").await;
    assert!(page.contains("Blokkades om opnieuw te bekijken"), "{page}");
    app.jobs.run_once().await.unwrap();
    let mails = weekly_notices(&app, &f).await;
    assert!(mails.iter().any(|(_, subject, _)| subject.contains("1 blokkades")), "{mails:?}");

    // The reason stands: a review keeps the hold, the next review three months on; audited.
    let kept = json(app.post(&f.admin, &format!("/api/v1/retention/holds/{hold}/review"), &json!({})).await, 200);
    let kept = kept.await;
    assert_eq!((kept["reviewed_by"].as_str(), kept["released_on"].as_str()), (Some("ibp@proef.nl"), None));
    assert_eq!(kept["review_due"], "2027-05-22", "three months after the review");
    let answer = json(app.get(&f.admin, &format!("/api/v1/pupils/{}/retention", f.pupil)).await, 200).await;
    assert_eq!(item(&answer, "pupil_file")["status"], "held");
    let released = app.post(&f.admin, &format!("/api/v1/retention/holds/{hold}/release"), &json!({})).await;
    json(released, 200).await;
    let again = json(app.post(&f.admin, &format!("/api/v1/retention/holds/{hold}/review"), &json!({})).await, 409);
    assert!(again.await.to_string().contains("opgeheven"));
    assert_eq!(json(app.get(&f.admin, "/api/v1/retention/holds").await, 200).await, json!([]));
    let trail = app.store.board(&f.board).audit_trail(100).await.unwrap();
    assert!(trail.iter().any(|e| e.entity == "retention_hold" && e.fields.contains(&"reviewed_on".to_owned())));
    assert!(trail.iter().any(|e| e.entity == "retention_holds"), "listing the holds is a view of pupils' data");

    // A teacher may not list the holds.
    let teacher = app.staff(&f.board, "juf@proef.nl", Role::Tl, ScopeKind::Groups, &[&f.group]).await;
    assert_eq!(app.get(&teacher, "/api/v1/retention/holds").await.status(), 403);
});

story!(the_ibp_manager_changes_a_term_on_its_page_after_seeing_which_items_move, |app| {
    let f = fixture(&app).await;
    leave(&app, &f, &f.pupil, "2023-11-01", "secondary_school").await;
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let (status, page) = app.page("/bewaartermijnen/termijn/pupil_file").await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"value="P2Y""#), "the form holds the term in force: {page}");

    // The preview says what moves and stores nothing.
    let fields = [
        ("period", "P4Y"),
        ("action", "destroy"),
        ("source_kind", "board"),
        ("source_text", "Besluit CvB 1 december 2026"),
        ("dry_run", "ja"),
    ];
    let preview = app.form("/bewaartermijnen/termijn/pupil_file", &fields).await;
    assert_eq!(preview.status(), 200);
    let preview = preview.text().await.unwrap();
    assert!(
        preview.contains("1 leerlingen krijgen een andere datum") && preview.contains("nu 1 vernietigd"),
        "{preview}"
    );
    assert!(preview.contains(r#"value="P4Y""#), "the form keeps what was typed");
    let rules = json(app.get(&f.admin, "/api/v1/retention/rules").await, 200).await;
    assert_eq!(rules[0]["period"], "P2Y", "a preview stores nothing");

    // A wrong term is refused beside the form, with what was typed.
    let wrong = [("period", "4 jaar"), ("action", "destroy"), ("source_kind", "board"), ("source_text", "Besluit")];
    let refused = app.form("/bewaartermijnen/termijn/pupil_file", &wrong).await;
    assert_eq!(refused.status(), 422);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains("Bewaartermijn:") && refused.contains(r#"value="4 jaar""#), "{refused}");

    // Saved: a new version from the board's decision, off the worklist of today.
    let saved = app.form("/bewaartermijnen/termijn/pupil_file", &fields[..4]).await;
    assert_eq!(saved.status(), 303);
    let rules = json(app.get(&f.admin, "/api/v1/retention/rules").await, 200).await;
    let rule = rules.as_array().unwrap().iter().find(|r| r["code"] == "pupil_file").unwrap();
    assert_eq!((rule["period"].as_str(), rule["source"]["kind"].as_str()), (Some("P4Y"), Some("board")));
    let today = worklist(&app, &f.admin, "2026-11-22").await;
    assert!(!today.contains(&(f.pupil.clone(), "pupil_file".to_owned())), "{today:?}");

    // The settings form: a wrong review period is named; a good one is stored.
    let bad =
        app.form("/bewaartermijnen/instellingen", &[("sbo_reading", "sbo_school"), ("hold_review", "halfjaar")]).await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains(r#"value="halfjaar""#));
    let good =
        app.form("/bewaartermijnen/instellingen", &[("sbo_reading", "sbo_school"), ("hold_review", "P1Y")]).await;
    assert_eq!(good.status(), 303);
    let settings = json(app.get(&f.admin, "/api/v1/retention/settings").await, 200).await;
    assert_eq!(settings, json!({"sbo_reading": "sbo_school", "hold_review": "P1Y"}));

    // The FG reads the rules, without a form.
    app.staff(&f.board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    app.sign_out().await;
    app.sign_in("fg@proef.nl", crate::helpers::PASSWORD).await;
    let (_, page) = app.page("/bewaartermijnen").await;
    assert!(page.contains("1 jaar") && !page.contains("/bewaartermijnen/instellingen"), "{page}");
    assert_eq!(app.page("/bewaartermijnen/termijn/pupil_file").await.0, 403);
});

story!(a_hold_placed_without_a_reason_on_its_page_is_refused_and_keeps_what_was_typed, |app| {
    let f = fixture(&app).await;
    leave(&app, &f, &f.pupil, "2023-11-01", "secondary_school").await;
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let fields = [("pupil_id", f.pupil.as_str()), ("category", "pupil_file"), ("kind", "legal_claim"), ("reason", "")];
    let refused = app.form("/bewaartermijnen/blokkades", &fields).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains("Reden:"), "names the field: {page}");
    assert!(page.contains(r#"value="legal_claim" selected"#) && page.contains(r#"value="pupil_file" selected"#));
    assert_eq!(json(app.get(&f.admin, "/api/v1/retention/holds").await, 200).await, json!([]), "nothing written");
});
