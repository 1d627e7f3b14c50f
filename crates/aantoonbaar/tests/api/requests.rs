//! Data-subject requests: the contract (201, 409, 422), each kind end to end,
//! the letter in the outbox, and the reminders before the deadline.

use crate::helpers::{Fixture, TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use aantoonbaar_store::BoardId;
use serde_json::{Value, json};

struct Setup {
    board: BoardId,
    admin: String,
    director: String,
    f: Fixture,
}

/// A board with an IBP manager, the director of the fixture's school and an FG.
async fn setup(app: &TestApp) -> Setup {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(app, &admin, 21).await;
    let director = app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    Setup { board, admin, director, f }
}

async fn file(app: &TestApp, s: &Setup, kind: &str, received_on: &str) -> Value {
    let body = json!({"kind": kind, "subject_pupil_id": s.f.pupil, "requester_guardian_id": s.f.guardian,
        "received_on": received_on, "channel": "email", "identity_check": "known_email"});
    json(app.post(&s.director, "/api/v1/requests", &body).await, 201).await
}

async fn verdict(app: &TestApp, token: &str, pupil: &str, purpose: &str) -> String {
    let check = json!({"purpose": purpose, "pupil_ids": [pupil]});
    let answer = json(app.post(token, "/api/v1/publication-check", &check).await, 200).await;
    answer["pupils"][0]["reason"].as_str().unwrap().to_owned()
}

async fn grant_consent(app: &TestApp, s: &Setup, purpose: &str) {
    let body = json!({"pupil_id": s.f.pupil, "purpose": purpose, "decision": "granted", "guardian_id": s.f.guardian,
        "channel": "paper", "decided_at": "2026-09-01T10:00:00Z"});
    json(app.post(&s.admin, "/api/v1/consent-decisions", &body).await, 201).await;
}

story!(a_request_gets_its_deadline_the_director_and_the_fg_is_told, |app| {
    let s = setup(&app).await;
    let request = file(&app, &s, "access", "2026-11-20").await;
    // 20 December 2026 is a Sunday: the next working day.
    assert_eq!(request["deadline"], "2026-12-21");
    assert_eq!(request["status"], "open");
    assert_eq!(request["identity_check"], "known_email");
    let me = json(app.get(&s.director, "/api/v1/me").await, 200).await;
    assert_eq!(request["assigned_to"], me["id"]);
    let outbox = app.store.board(&s.board).outbox(10).await.unwrap();
    let to_fg = outbox.iter().find(|m| m.recipient == "fg@proef.nl").expect("the FG is told");
    assert!(to_fg.body.contains("21-12-2026"), "{}", to_fg.body);
    assert!(!to_fg.body.contains("Sanne"), "no pupil data in the mail: {}", to_fg.body);
    assert!(outbox.iter().any(|m| m.recipient == "directeur@proef.nl"));

    let id = request["id"].as_str().unwrap();
    let read = json(app.get(&s.admin, &format!("/api/v1/requests/{id}")).await, 200).await;
    assert_eq!(read["kind"], "access");
    let list = json(app.get(&s.director, "/api/v1/requests?open=true").await, 200).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
});

story!(bad_intake_is_refused_field_by_field, |app| {
    let s = setup(&app).await;
    let problem = json(app.post(&s.director, "/api/v1/requests", &json!({"kind": "complaint"})).await, 422).await;
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert!(fields.contains(&"kind") && fields.contains(&"received_on") && fields.contains(&"subject_pupil_id"));
    let future =
        json!({"kind": "access", "subject_description": "Oud-medewerker J. de Vries", "received_on": "2026-12-01"});
    let problem = json(app.post(&s.admin, "/api/v1/requests", &future).await, 422).await;
    assert_eq!(problem["errors"][0]["code"], "request.received_future");
    // The director cannot file for a pupil of another school.
    let other = json!({"kind": "access", "subject_pupil_id": s.f.other_pupil, "received_on": "2026-11-20"});
    json(app.post(&s.director, "/api/v1/requests", &other).await, 404).await;
    // Someone who is not a pupil or parent, by description (staff member).
    let staff =
        json!({"kind": "access", "subject_description": "Oud-medewerker J. de Vries", "received_on": "2026-11-20"});
    let created = json(app.post(&s.admin, "/api/v1/requests", &staff).await, 201).await;
    assert_eq!(created["requester_relation"], "self");
    assert!(created["assigned_to"].is_null());
});

story!(an_extension_needs_a_reason_and_must_be_told_in_time, |app| {
    let s = setup(&app).await;
    let request = file(&app, &s, "access", "2026-10-19").await;
    let id = request["id"].as_str().unwrap();
    assert_eq!(request["deadline"], "2026-11-19");
    let path = format!("/api/v1/requests/{id}/extension");
    let late = json(
        app.post(&s.director, &path, &json!({"reason": "veel stukken", "requester_told_on": "2026-11-20"})).await,
        409,
    )
    .await;
    assert_eq!(late["errors"][0]["code"], "request.extension_too_late");
    assert_eq!(late["status"], 409);
    let no_reason = json(app.post(&s.director, &path, &json!({"requester_told_on": "2026-11-18"})).await, 422).await;
    assert_eq!(no_reason["errors"][0]["field"], "reason");
    let extended = json(
        app.post(&s.director, &path, &json!({"reason": "veel stukken", "requester_told_on": "2026-11-18"})).await,
        200,
    )
    .await;
    // 19 January 2027 is a Tuesday.
    assert_eq!(extended["extended_deadline"], "2027-01-19");
    let again = json(
        app.post(&s.director, &path, &json!({"reason": "nog meer", "requester_told_on": "2026-11-18"})).await,
        409,
    )
    .await;
    assert_eq!(again["errors"][0]["code"], "request.already_extended");
    let read = json(app.get(&s.director, &format!("/api/v1/requests/{id}")).await, 200).await;
    assert_eq!(read["extension_reason"], "veel stukken");
    assert_eq!(read["urgency"], "normal");
});

story!(a_refusal_needs_a_lawful_reason_and_the_letter_names_the_ap_and_the_court, |app| {
    let s = setup(&app).await;
    let request = file(&app, &s, "access", "2026-11-20").await;
    let path = format!("/api/v1/requests/{}/decision", request["id"].as_str().unwrap());
    let problem = json(app.post(&s.director, &path, &json!({"outcome": "refused"})).await, 422).await;
    assert_eq!(problem["errors"][0]["code"], "request.reason_required");
    let problem = json(app.post(&s.director, &path, &json!({"outcome": "partly_granted"})).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "reason");
    let problem =
        json(app.post(&s.director, &path, &json!({"outcome": "refused", "reason": "legal_retention"})).await, 422)
            .await;
    assert_eq!(problem["errors"][0]["code"], "request.reason_not_for_kind");
    let decided =
        json(app.post(&s.director, &path, &json!({"outcome": "refused", "reason": "harms_pupil"})).await, 200).await;
    assert_eq!(decided["status"], "closed");
    assert_eq!(decided["letter_sent_to"], "eva@voorbeeld.nl");
    let outbox = app.store.board(&s.board).outbox(20).await.unwrap();
    let letter = outbox.iter().find(|m| m.recipient == "eva@voorbeeld.nl").expect("the letter");
    for needed in ["afgewezen", "welzijn van de leerling", "Autoriteit Persoonsgegevens", "rechter", "20-11-2026"] {
        assert!(letter.body.contains(needed), "{needed}: {}", letter.body);
    }
    let again = json(app.post(&s.director, &path, &json!({"outcome": "granted"})).await, 409).await;
    assert_eq!(again["errors"][0]["code"], "request.closed");
});

story!(access_and_portability_give_everything_held_about_the_pupil, |app| {
    let s = setup(&app).await;
    grant_consent(&app, &s, "website").await;
    let earlier = file(&app, &s, "access", "2026-11-02").await;
    let path = format!("/api/v1/requests/{}/decision", earlier["id"].as_str().unwrap());
    json(app.post(&s.director, &path, &json!({"outcome": "granted"})).await, 200).await;
    file(&app, &s, "portability", "2026-11-20").await;
    let report = json!({"school_id": s.f.school, "what_happened": "Klassenlijst naar de verkeerde ouder gemaild",
        "discovered_at": "2026-11-21T09:00:00+01:00"});
    let incident = json(app.post(&s.admin, "/api/v1/incidents", &report).await, 201).await;
    let subjects = format!("/api/v1/incidents/{}/subjects", incident["id"].as_str().unwrap());
    assert!(app.post(&s.admin, &subjects, &json!({"pupil_ids": [s.f.pupil]})).await.status().is_success());
    let export = json(app.get(&s.director, &format!("/api/v1/pupils/{}/export", s.f.pupil)).await, 200).await;
    assert_eq!(export["incidents"][0]["reference"], incident["reference"]);
    assert!(!export.to_string().contains("verkeerde ouder"), "no one else's words about the incident");
    assert_eq!(export["pupil"]["given_name"], "Sanne");
    assert_eq!(export["pupil"]["birth_date"], "2019-03-04");
    assert_eq!(export["guardians"][0]["email"], "eva@voorbeeld.nl");
    assert_eq!(export["guardians"][0]["holds_custody"], true);
    assert_eq!(export["consent_history"][0]["purpose"], "website");
    let kinds: Vec<&str> = export["requests"].as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["access", "portability"]);
    assert_eq!(export["requests"][0]["outcome"], "granted");
    let trail = app.store.board(&s.board).audit_trail(5).await.unwrap();
    assert!(trail.iter().any(|e| e.action == "view" && e.entity_id == s.f.pupil), "the export is audited");
    // Another school's pupil is not there for the director.
    json(app.get(&s.director, &format!("/api/v1/pupils/{}/export", s.f.other_pupil)).await, 404).await;
});

story!(an_erasure_keeps_the_enrolment_data_and_erases_what_may_go, |app| {
    let s = setup(&app).await;
    grant_consent(&app, &s, "website").await;
    assert_eq!(verdict(&app, &s.admin, &s.f.pupil, "website").await, "granted");
    // Her parent was invited in this year's consent round: that record is consent history too.
    let invite = json!({"whole_board": true, "confirm": true});
    json(app.post(&s.admin, "/api/v1/consent-round/invitations", &invite).await, 200).await;
    let year = aantoonbaar_rules::SchoolYear::starting_in(2026);
    let invited = async || app.store.board(&s.board).consent_invitations(year).await.unwrap();
    assert!(invited().await.iter().any(|i| i.pupil_id == s.f.pupil));
    // The pupil left last summer: guardians may go, enrolment stays five years.
    let left = json!({"leave_date": "2026-07-10", "leave_destination": "secondary_school"});
    json(app.patch(&s.admin, &format!("/api/v1/pupils/{}", s.f.pupil), &left).await, 200).await;
    let request = file(&app, &s, "erasure", "2026-11-20").await;
    let id = request["id"].as_str().unwrap();
    let preview = json(app.get(&s.director, &format!("/api/v1/requests/{id}/erasure")).await, 200).await;
    let enrolment = preview.as_array().unwrap().iter().find(|i| i["item"] == "enrolment").unwrap();
    assert_eq!(enrolment["keep_reason"], "enrolment_retention");
    assert_eq!(enrolment["keep_until"], "2031-07-10");
    assert!(enrolment["explanation"].as_str().unwrap().contains("5 jaar"));

    let done = json(app.post(&s.director, &format!("/api/v1/requests/{id}/erasure"), &json!({})).await, 200).await;
    let erased: Vec<(&str, bool)> = done["erasures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["item"].as_str().unwrap(), e["erased"].as_bool().unwrap()))
        .collect();
    assert_eq!(erased, [("consent_history", true), ("enrolment", false), ("guardians", true)]);
    // The enrolment data are still there.
    let pupil = json(app.get(&s.admin, &format!("/api/v1/pupils/{}", s.f.pupil)).await, 200).await;
    assert_eq!(pupil["given_name"], "Sanne");
    assert_eq!(pupil["enrolment_date"], "2023-03-05");
    // The guardians' details and the consent are gone.
    let guardians = json(app.get(&s.admin, &format!("/api/v1/pupils/{}/guardians", s.f.pupil)).await, 200).await;
    assert_eq!(guardians, json!([]));
    let guardian = json(app.get(&s.admin, &format!("/api/v1/guardians/{}", s.f.guardian)).await, 200).await;
    assert!(guardian["email"].is_null() && guardian["given_name"] != "Eva", "{guardian}");
    let outbox_before = app.store.board(&s.board).outbox(100).await.unwrap().len();
    assert_eq!(verdict(&app, &s.admin, &s.f.pupil, "website").await, "left_school");
    let export = json(app.get(&s.admin, &format!("/api/v1/pupils/{}/export", s.f.pupil)).await, 200).await;
    assert_eq!(export["consent_history"], json!([]));
    assert!(invited().await.iter().all(|i| i.pupil_id != s.f.pupil), "her invitation record is erased");
    // The evidence holds no erased value.
    let read = json(app.get(&s.admin, &format!("/api/v1/requests/{id}")).await, 200).await.to_string();
    assert!(!read.contains("Eva") && !read.contains("eva@voorbeeld.nl"), "{read}");
    let again = json(app.post(&s.director, &format!("/api/v1/requests/{id}/erasure"), &json!({})).await, 409).await;
    assert_eq!(again["errors"][0]["code"], "request.already_erased");
    // Decided partly: the enrolment data must be kept.
    let path = format!("/api/v1/requests/{id}/decision");
    let decided = json(
        app.post(&s.director, &path, &json!({"outcome": "partly_granted", "reason": "legal_retention"})).await,
        200,
    )
    .await;
    assert_eq!(decided["outcome"], "partly_granted");
    // The guardian's address is gone, so no letter by mail: it is printed.
    assert!(decided.get("letter_sent_to").is_none());
    assert_eq!(app.store.board(&s.board).outbox(100).await.unwrap().len(), outbox_before);
});

story!(an_erasure_for_a_pupil_at_school_keeps_guardians_and_enrolment, |app| {
    let s = setup(&app).await;
    grant_consent(&app, &s, "website").await;
    let request = file(&app, &s, "erasure", "2026-11-20").await;
    let id = request["id"].as_str().unwrap();
    let done = json(app.post(&s.director, &format!("/api/v1/requests/{id}/erasure"), &json!({})).await, 200).await;
    let kept: Vec<&str> = done["erasures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["erased"] == false)
        .map(|e| e["keep_reason"].as_str().unwrap())
        .collect();
    assert_eq!(kept, ["still_enrolled", "still_enrolled"]);
    assert_eq!(verdict(&app, &s.admin, &s.f.pupil, "website").await, "no_decision");
    let guardians = json(app.get(&s.admin, &format!("/api/v1/pupils/{}/guardians", s.f.pupil)).await, 200).await;
    assert_eq!(guardians[0]["email"], "eva@voorbeeld.nl");
});

story!(a_restriction_blocks_the_photo_check, |app| {
    let s = setup(&app).await;
    grant_consent(&app, &s, "website").await;
    grant_consent(&app, &s, "newsletter").await;
    assert_eq!(verdict(&app, &s.director, &s.f.pupil, "website").await, "granted");
    let request = file(&app, &s, "restriction", "2026-11-20").await;
    let path = format!("/api/v1/requests/{}/restriction", request["id"].as_str().unwrap());
    let unknown = json(app.post(&s.director, &path, &json!({"purpose": "billboard"})).await, 422).await;
    assert_eq!(unknown["errors"][0]["field"], "purpose");
    json(app.post(&s.director, &path, &json!({"purpose": "website"})).await, 200).await;
    let check = json!({"purpose": "website", "pupil_ids": [s.f.pupil]});
    let answer = json(app.post(&s.director, "/api/v1/publication-check", &check).await, 200).await;
    assert_eq!(answer["allowed"], false);
    assert_eq!(answer["pupils"][0]["reason"], "restricted");
    assert_eq!(verdict(&app, &s.director, &s.f.pupil, "newsletter").await, "granted");
    // Restricting the whole pupil blocks every purpose.
    json(app.post(&s.director, &path, &json!({})).await, 200).await;
    assert_eq!(verdict(&app, &s.director, &s.f.pupil, "newsletter").await, "restricted");
    let export = json(app.get(&s.director, &format!("/api/v1/pupils/{}/export", s.f.pupil)).await, 200).await;
    assert_eq!(export["restrictions"], json!([null, "website"]));
});

story!(a_rectification_is_applied_and_the_recipients_told_are_recorded, |app| {
    let s = setup(&app).await;
    let request = file(&app, &s, "rectification", "2026-11-20").await;
    let id = request["id"].as_str().unwrap();
    json(
        app.patch(&s.director, &format!("/api/v1/pupils/{}", s.f.pupil), &json!({"given_name": "Susanne"})).await,
        200,
    )
    .await;
    let recipients = json!({"recipients": ["DUO", "Leerlingvolgsysteem"]});
    let put = app
        .request(reqwest::Method::PUT, Some(&s.admin), "/api/v1/board/recipients")
        .json(&recipients)
        .send()
        .await
        .unwrap();
    json(put, 200).await;
    let listed = json(app.get(&s.director, "/api/v1/board/recipients").await, 200).await;
    assert_eq!(listed["recipients"], json!(["DUO", "Leerlingvolgsysteem"]));
    // The IBP manager keeps the list on the requests page too.
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let (_, page) = app.page("/verzoeken").await;
    assert!(page.contains("DUO\nLeerlingvolgsysteem"), "{page}");
    let saved = app
        .form("/verzoeken/ontvangers", &[("recipients", "DUO\r\nLeerlingvolgsysteem\r\n\r\nLeerplichtambtenaar")])
        .await;
    assert_eq!(saved.status(), 303);
    let listed = json(app.get(&s.director, "/api/v1/board/recipients").await, 200).await;
    assert_eq!(listed["recipients"], json!(["DUO", "Leerlingvolgsysteem", "Leerplichtambtenaar"]));
    app.sign_out().await;
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    assert_eq!(app.form("/verzoeken/ontvangers", &[("recipients", "Krant")]).await.status(), 403);
    let path = format!("/api/v1/requests/{id}/recipients-told");
    let unknown =
        json(app.post(&s.director, &path, &json!({"recipients": ["Krant"], "told_on": "2026-11-21"})).await, 422).await;
    assert_eq!(unknown["errors"][0]["code"], "request.recipient_unknown");
    let told =
        json(app.post(&s.director, &path, &json!({"recipients": ["DUO"], "told_on": "2026-11-21"})).await, 200).await;
    assert_eq!(told["recipients_told"], json!([{"recipient": "DUO", "told_on": "2026-11-21"}]));
    let decided = json(
        app.post(&s.director, &format!("/api/v1/requests/{id}/decision"), &json!({"outcome": "granted"})).await,
        200,
    )
    .await;
    assert_eq!(decided["outcome"], "granted");
    let pupil = json(app.get(&s.admin, &format!("/api/v1/pupils/{}", s.f.pupil)).await, 200).await;
    assert_eq!(pupil["given_name"], "Susanne");
    let trail = app.store.board(&s.board).audit_trail(20).await.unwrap();
    assert!(trail.iter().any(|e| e.action == "update" && e.entity_id == s.f.pupil && e.fields == ["given_name"]));
});

story!(an_objection_records_the_balancing_and_its_outcome, |app| {
    let s = setup(&app).await;
    let request = file(&app, &s, "objection", "2026-11-20").await;
    let id = request["id"].as_str().unwrap();
    let path = format!("/api/v1/requests/{id}/balancing");
    let problem = json(app.post(&s.director, &path, &json!({"outcome": "maybe"})).await, 422).await;
    assert_eq!(problem["errors"].as_array().unwrap().len(), 2);
    let body =
        json!({"balancing": "Het belang van de leerling weegt zwaarder dan de nieuwsbrief.", "outcome": "upheld"});
    let recorded = json(app.post(&s.director, &path, &body).await, 200).await;
    assert_eq!(recorded["objection_outcome"], "upheld");
    assert!(recorded["objection_balancing"].as_str().unwrap().contains("belang van de leerling"));
    // Balancing belongs to objections only.
    let access = file(&app, &s, "access", "2026-11-20").await;
    let wrong = json(
        app.post(&s.director, &format!("/api/v1/requests/{}/balancing", access["id"].as_str().unwrap()), &body).await,
        409,
    )
    .await;
    assert_eq!(wrong["errors"][0]["code"], "request.wrong_kind");
});

story!(reminders_go_at_seven_and_two_working_days_left_once_each, |app| {
    let s = setup(&app).await;
    // Received Sunday 22 November: deadline Tuesday 22 December.
    let request = file(&app, &s, "access", "2026-11-22").await;
    assert_eq!(request["deadline"], "2026-12-22");
    let reminders = |app: &TestApp| {
        let board = s.board.clone();
        let store = app.store.clone();
        async move {
            store
                .board(&board)
                .outbox(100)
                .await
                .unwrap()
                .into_iter()
                .filter(|m| m.subject.contains("Herinnering"))
                .count()
        }
    };
    let day = jiff::SignedDuration::from_hours(24);
    app.clock.advance(day * 18); // Thursday 10 December: 8 working days left.
    assert_eq!(app.jobs.run_once().await.unwrap().request_reminders, 0);
    app.clock.advance(day); // Friday 11 December: 7 left.
    assert_eq!(app.jobs.run_once().await.unwrap().request_reminders, 1);
    assert_eq!(app.jobs.run_once().await.unwrap().request_reminders, 0);
    // Director, ST and FG.
    assert_eq!(reminders(&app).await, 3);
    let urgent =
        json(app.get(&s.admin, &format!("/api/v1/requests/{}", request["id"].as_str().unwrap())).await, 200).await;
    assert_eq!(urgent["urgency"], "soon");
    app.clock.advance(day * 7); // Friday 18 December: 2 left.
    assert_eq!(app.jobs.run_once().await.unwrap().request_reminders, 1);
    assert_eq!(app.jobs.run_once().await.unwrap().request_reminders, 0);
    assert_eq!(reminders(&app).await, 6);
    app.clock.advance(day * 5); // Wednesday 23 December: overdue.
    let late =
        json(app.get(&s.admin, &format!("/api/v1/requests/{}", request["id"].as_str().unwrap())).await, 200).await;
    assert_eq!(late["urgency"], "overdue");
});

fn link_in(body: &str) -> String {
    let start = body.find("/ouders/inloggen/").expect("a sign-in link");
    body[start..].split_whitespace().next().unwrap().to_owned()
}

story!(a_parent_files_in_the_portal_and_the_director_answers_on_the_pages, |app| {
    let s = setup(&app).await;
    app.form("/ouders", &[("email", "eva@voorbeeld.nl")]).await;
    let outbox = app.store.board(&s.board).outbox(1).await.unwrap();
    let link = link_in(&outbox[0].body);
    app.form(&link, &[]).await;
    let (_, children) = app.page("/ouders/kinderen").await;
    let form = format!("/ouders/kinderen/{}/verzoek", s.f.pupil);
    assert!(children.contains(&form), "{children}");
    let filed = app.form(&form, &[("kind", "access"), ("details", "Welke gegevens hebt u?")]).await;
    assert_eq!(filed.status(), 200);
    // Received Sunday 22 November: answer by Tuesday 22 December.
    assert!(filed.text().await.unwrap().contains("22-12-2026"));
    // Another parent's child is not there.
    assert_eq!(
        app.form(&format!("/ouders/kinderen/{}/verzoek", s.f.other_pupil), &[("kind", "access")]).await.status(),
        404
    );
    app.form("/ouders/afmelden", &[]).await;

    let list = json(app.get(&s.director, "/api/v1/requests").await, 200).await;
    let request = &list[0];
    assert_eq!(request["channel"], "portal");
    assert_eq!(request["identity_check"], "portal_sign_in");
    assert_eq!(request["details"], "Welke gegevens hebt u?");
    let id = request["id"].as_str().unwrap().to_owned();

    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let (status, dashboard) = app.page("/").await;
    assert_eq!(status, 200);
    assert!(dashboard.contains(&format!("/verzoeken/{id}")), "the open request is on the dashboard");
    let (status, page) = app.page(&format!("/verzoeken/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Eva Berg") && page.contains("22-12-2026"), "{page}");
    assert!(page.contains("Informatierecht van de verzoeker"), "the director sees what the parent may be told");
    let (status, overview) = app.page(&format!("/verzoeken/{id}/overzicht")).await;
    assert_eq!(status, 200);
    for needed in ["Sanne van der Berg", "eva@voorbeeld.nl", "Autoriteit Persoonsgegevens", "Bewaartermijn", "Inzage"] {
        assert!(overview.contains(needed), "{needed}");
    }
    let pdf = app.client.get(format!("{}/verzoeken/{id}/overzicht.pdf", app.address)).send().await.unwrap();
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));

    // A refusal without a reason is refused on the page too, with the field named.
    let refused = app.form(&format!("/verzoeken/{id}/besluit"), &[("outcome", "refused")]).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("een reden verplicht"));
    let decided = app.form(&format!("/verzoeken/{id}/besluit"), &[("outcome", "granted")]).await;
    assert_eq!(decided.status(), 303);
    let outbox = app.store.board(&s.board).outbox(20).await.unwrap();
    let answer =
        outbox.iter().find(|m| m.recipient == "eva@voorbeeld.nl" && m.subject.starts_with("Antwoord")).unwrap();
    assert!(answer.body.contains("toegewezen") && answer.body.contains("Autoriteit Persoonsgegevens"));
    let letter = app.client.get(format!("{}/verzoeken/{id}/brief.pdf", app.address)).send().await.unwrap();
    assert_eq!(letter.status(), 200);
});

story!(staff_record_a_request_on_the_pages_and_the_pupil_page_shows_a_restriction, |app| {
    let s = setup(&app).await;
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let (_, pupil) = app.page(&format!("/leerlingen/{}", s.f.pupil)).await;
    assert!(pupil.contains(&format!("/verzoeken/nieuw?leerling={}", s.f.pupil)));
    let (status, form) = app.page(&format!("/verzoeken/nieuw?leerling={}", s.f.pupil)).await;
    assert_eq!(status, 200);
    assert!(form.contains("Sanne van der Berg") && !form.contains("type=\"file\""), "no upload of an ID copy");
    assert!(form.contains(&format!("<option value=\"{}\">Eva Berg</option>", s.f.guardian)), "{form}");
    let bad = app
        .form("/verzoeken", &[("kind", "restriction"), ("subject_pupil_id", &s.f.pupil), ("received_on", "2027-01-01")])
        .await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("ontvangstdatum ligt in de toekomst"));
    let created = app
        .form(
            "/verzoeken",
            &[
                ("kind", "restriction"),
                ("subject_pupil_id", &s.f.pupil),
                ("received_on", "2026-11-20"),
                ("identity_check", "seen_in_person"),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(app.form(&format!("{location}/beperken"), &[("purpose", "")]).await.status(), 303);
    // A rectification: the correction goes through the audited pupil update.
    let created = app
        .form(
            "/verzoeken",
            &[
                ("kind", "rectification"),
                ("subject_pupil_id", &s.f.pupil),
                ("requester_guardian_id", &s.f.guardian),
                ("received_on", "2026-11-20"),
            ],
        )
        .await;
    let rectification = created.headers()["location"].to_str().unwrap().to_owned();
    let (_, page) = app.page(&rectification).await;
    assert!(page.contains("value=\"Sanne\""), "the form shows the recorded name");
    assert!(page.contains("Eva Berg"), "the mother is the requester");
    let fields = [("given_name", "Susanne"), ("surname_prefix", ""), ("surname", "Berg"), ("birth_date", "2019-03-04")];
    assert_eq!(app.form(&format!("{rectification}/corrigeren"), &fields).await.status(), 303);
    let pupil = json(app.get(&s.admin, &format!("/api/v1/pupils/{}", s.f.pupil)).await, 200).await;
    assert_eq!((pupil["given_name"].as_str(), pupil["surname_prefix"].as_str()), (Some("Susanne"), None));
    let trail = app.store.board(&s.board).audit_trail(5).await.unwrap();
    assert!(trail.iter().any(|e| e.entity_id == s.f.pupil && e.fields == ["given_name", "surname_prefix"]));
    let bad = app
        .form(
            &format!("{rectification}/corrigeren"),
            &[("given_name", "Susanne"), ("surname", "Berg"), ("birth_date", "2030-01-01")],
        )
        .await;
    assert_eq!(bad.status(), 422);
    let (_, pupil) = app.page(&format!("/leerlingen/{}", s.f.pupil)).await;
    assert!(pupil.contains("class=\"restricted\"") && pupil.contains("alle verwerking"), "{pupil}");
    // A teacher has no request pages.
    app.sign_out().await;
    app.staff(&s.board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&s.f.group]).await;
    app.sign_in("juf@proef.nl", crate::helpers::PASSWORD).await;
    assert_eq!(app.page("/verzoeken").await.0, 403);
    assert_eq!(app.page(&location).await.0, 403);
});

story!(the_portability_zip_holds_the_json_and_a_csv_per_table, |app| {
    let s = setup(&app).await;
    grant_consent(&app, &s, "website").await;
    file(&app, &s, "portability", "2026-11-20").await;
    let response = app.get(&s.director, &format!("/api/v1/pupils/{}/export.zip", s.f.pupil)).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let bytes = response.bytes().await.unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut names: Vec<String> = archive.file_names().map(|n| n.unwrap().into_owned()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "beperkingen.csv",
            "gegevens.json",
            "incidenten.csv",
            "leerling.csv",
            "ouders.csv",
            "toestemmingen.csv",
            "verzoeken.csv"
        ]
    );
    let read = |archive: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let pupil = read(&mut archive, "leerling.csv");
    assert!(pupil.starts_with("id,external_number,given_name") && pupil.contains("Sanne"), "{pupil}");
    assert!(read(&mut archive, "ouders.csv").contains("eva@voorbeeld.nl"));
    assert!(read(&mut archive, "toestemmingen.csv").contains("website,1,granted"));
    let json: Value = serde_json::from_str(&read(&mut archive, "gegevens.json")).unwrap();
    assert_eq!(json["requests"][0]["kind"], "portability");
});

story!(an_erasure_five_years_after_deregistration_anonymises_the_pupil_irreversibly, |app| {
    let s = setup(&app).await;
    let body = json!({"school_id": s.f.school, "group_id": s.f.group, "given_name": "Daan", "surname": "Visser",
        "birth_date": "2010-05-17", "external_number": "0815", "enrolment_date": "2014-08-18",
        "leave_date": "2020-07-03", "leave_destination": "secondary_school"});
    let pupil = json(app.post(&s.admin, "/api/v1/pupils", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let link = json!({"guardian_id": s.f.guardian, "relation": "mother", "holds_custody": true, "recognised": true});
    json(app.post(&s.admin, &format!("/api/v1/pupils/{pupil}/guardians"), &link).await, 201).await;
    let request = json!({"kind": "erasure", "subject_pupil_id": pupil, "received_on": "2026-11-20"});
    let request = json(app.post(&s.admin, "/api/v1/requests", &request).await, 201).await;
    let id = request["id"].as_str().unwrap();
    let done = json(app.post(&s.admin, &format!("/api/v1/requests/{id}/erasure"), &json!({})).await, 200).await;
    assert!(done["erasures"].as_array().unwrap().iter().all(|e| e["erased"] == true), "{done}");
    let record = json(app.get(&s.admin, &format!("/api/v1/pupils/{pupil}?include_left=true")).await, 200).await;
    assert_eq!(record["given_name"], "geanonimiseerd");
    assert_eq!(record["birth_date"], "2010-01-01");
    assert_ne!(record["external_number"], "0815");
    let text = record.to_string();
    assert!(!text.contains("Daan") && !text.contains("Visser") && !text.contains("2010-05-17"), "{text}");
    // The mother is still linked to her other child, so her details stay.
    let guardian = json(app.get(&s.admin, &format!("/api/v1/guardians/{}", s.f.guardian)).await, 200).await;
    assert_eq!(guardian["email"], "eva@voorbeeld.nl");
    let trail = app.store.board(&s.board).audit_trail(10).await.unwrap();
    assert!(
        trail.iter().any(|e| e.action == "delete" && e.entity_id == pupil && e.fields.contains(&"surname".to_owned()))
    );
});

story!(a_separated_fathers_access_overview_never_shows_the_mothers_contact_details, |app| {
    let s = setup(&app).await;
    let father = json!({"given_name": "Piet", "surname": "Berg", "email": "piet@voorbeeld.nl", "phone": "0612345678"});
    let father = json(app.post(&s.admin, "/api/v1/guardians", &father).await, 201).await;
    let father = father["id"].as_str().unwrap().to_owned();
    let link = json!({"guardian_id": father, "relation": "father", "holds_custody": true, "recognised": true});
    json(app.post(&s.admin, &format!("/api/v1/pupils/{}/guardians", s.f.pupil), &link).await, 201).await;
    let body = json!({"kind": "access", "subject_pupil_id": s.f.pupil, "requester_guardian_id": father,
        "received_on": "2026-11-20", "channel": "email", "identity_check": "known_email"});
    let request = json(app.post(&s.director, "/api/v1/requests", &body).await, 201).await;
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let (status, page) = app.page(&format!("/verzoeken/{}/overzicht", request["id"].as_str().unwrap())).await;
    assert_eq!(status, 200);
    assert!(page.contains("piet@voorbeeld.nl"), "what the school holds about the requester: {page}");
    assert!(!page.contains("eva@voorbeeld.nl"), "the mother's address stays out of the father's overview");
    assert!(page.contains("Eva"), "the other parent is still named as the child's guardian");
});

/// The row of the request `id` on a list page.
fn row_of<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page.find(&format!("/verzoeken/{id}\"")).expect("the request is listed");
    &page[start..start + page[start..].find("</tr>").unwrap()]
}

story!(the_request_list_puts_the_most_urgent_first_and_says_the_days_left_once, |app| {
    let s = setup(&app).await;
    let decided = file(&app, &s, "access", "2026-10-20").await;
    let decided = decided["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/requests/{decided}/decision");
    json(app.post(&s.director, &path, &json!({"outcome": "granted"})).await, 200).await;
    let late = file(&app, &s, "access", "2026-10-01").await["id"].as_str().unwrap().to_owned();
    let later = file(&app, &s, "access", "2026-11-20").await["id"].as_str().unwrap().to_owned();
    // Due on Thursday 26 November: four working days from this Sunday.
    let soon = file(&app, &s, "access", "2026-10-26").await["id"].as_str().unwrap().to_owned();

    let list = json(app.get(&s.director, "/api/v1/requests").await, 200).await;
    let order: Vec<&str> = list.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(order, [late.as_str(), soon.as_str(), later.as_str(), decided.as_str()], "overdue first, decided last");
    let overdue = -list[0]["working_days_left"].as_i64().unwrap();
    assert!(overdue > 1);

    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    for path in ["/verzoeken", "/"] {
        let (_, page) = app.page(path).await;
        if path == "/verzoeken" {
            let at = |id: &str| page.find(&format!("/verzoeken/{id}\"")).unwrap();
            assert!(at(&late) < at(&soon) && at(&soon) < at(&later) && at(&later) < at(&decided), "{page}");
            assert!(!row_of(&page, &decided).contains("werkdag"), "a decided request has no time left");
        }
        assert!(row_of(&page, &late).contains(&format!("{overdue} werkdagen te laat")), "{page}");
        assert!(row_of(&page, &soon).contains("<strong>nog 4 werkdagen</strong>"), "{page}");
        assert!(row_of(&page, &later).contains("<td>nog 21 werkdagen</td>"), "{page}");
        assert!(!page.contains("werkdagen of minder") && !page.contains("Termijn verstreken"), "said once: {page}");
    }
});

story!(a_dashboard_visit_records_no_view_and_opening_a_request_does, |app| {
    let s = setup(&app).await;
    let mut ids = Vec::new();
    for received in ["2026-11-16", "2026-11-18", "2026-11-20"] {
        ids.push(file(&app, &s, "access", received).await["id"].as_str().unwrap().to_owned());
    }
    let views = || async {
        let trail = app.store.board(&s.board).audit_trail(1000).await.unwrap();
        trail
            .iter()
            .filter(|e| e.action == "view" && e.entity == "request")
            .map(|e| e.entity_id.clone())
            .collect::<Vec<_>>()
    };
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    for path in ["/", "/", "/verzoeken"] {
        let (status, page) = app.page(path).await;
        assert_eq!(status, 200);
        assert!(page.contains(&format!("/verzoeken/{}", ids[0])), "the open requests are listed: {page}");
    }
    assert!(views().await.is_empty(), "listing requests is no view of them");
    assert_eq!(app.page(&format!("/verzoeken/{}", ids[1])).await.0, 200);
    assert_eq!(views().await, [ids[1].clone()], "opening one is");
});

/// The fixture's pupil gets a separated father with his own address and phone.
async fn add_father(app: &TestApp, s: &Setup) -> String {
    let father = json!({"given_name": "Piet", "surname": "Berg", "email": "piet@voorbeeld.nl", "phone": "0612345678"});
    let father = json(app.post(&s.admin, "/api/v1/guardians", &father).await, 201).await;
    let father = father["id"].as_str().unwrap().to_owned();
    let link = json!({"guardian_id": father, "relation": "father", "holds_custody": true, "recognised": true});
    json(app.post(&s.admin, &format!("/api/v1/pupils/{}/guardians", s.f.pupil), &link).await, 201).await;
    father
}

/// Signs `email` in to the parent portal with the link mailed to it.
async fn sign_in_parent(app: &TestApp, s: &Setup, email: &str) {
    app.form("/ouders", &[("email", email)]).await;
    let outbox = app.store.board(&s.board).outbox(50).await.unwrap();
    let mail = outbox.iter().find(|m| m.recipient == email && m.body.contains("/ouders/inloggen/")).unwrap();
    assert_eq!(app.form(&link_in(&mail.body), &[]).await.status(), 303);
}

story!(the_answer_letter_addresses_the_parent_by_name_names_the_school_and_is_signed_by_the_director, |app| {
    let s = setup(&app).await;
    let request = file(&app, &s, "access", "2026-11-20").await;
    let id = request["id"].as_str().unwrap().to_owned();
    json(app.post(&s.director, &format!("/api/v1/requests/{id}/decision"), &json!({"outcome": "granted"})).await, 200)
        .await;
    let outbox = app.store.board(&s.board).outbox(20).await.unwrap();
    let letter = outbox.iter().find(|m| m.subject.starts_with("Antwoord")).expect("the letter");
    let body = &letter.body;
    assert!(body.starts_with("Beste Eva Berg,"), "addressed by name: {body}");
    assert!(body.contains("ontving OBS De Linde uw verzoek"), "the school is named: {body}");
    assert!(body.contains("D Tester\ndirecteur van OBS De Linde"), "signed by the director: {body}");
    assert!(body.contains("/ouders") && body.contains("pdf"), "where to download the overview: {body}");
    for wrong in ["Geachte heer, mevrouw", "de directeur van de school", "als pdf of op papier"] {
        assert!(!body.contains(wrong), "{wrong}: {body}");
    }
    // The request page names who decided, not their address.
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let (_, page) = app.page(&format!("/verzoeken/{id}")).await;
    assert!(page.contains("Besloten door") && page.contains("D Tester, "), "{page}");
    assert!(!page.contains("directeur@proef.nl</dd>"), "{page}");
    let pdf = app.client.get(format!("{}/verzoeken/{id}/brief.pdf", app.address)).send().await.unwrap();
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));
});

story!(the_requester_downloads_the_decided_overview_in_the_portal_and_another_guardian_cannot, |app| {
    let s = setup(&app).await;
    add_father(&app, &s).await;
    sign_in_parent(&app, &s, "piet@voorbeeld.nl").await;
    let form = format!("/ouders/kinderen/{}/verzoek", s.f.pupil);
    assert_eq!(app.form(&form, &[("kind", "access")]).await.status(), 200);
    let list = json(app.get(&s.director, "/api/v1/requests").await, 200).await;
    let id = list[0]["id"].as_str().unwrap().to_owned();
    let download = format!("/ouders/kinderen/{}/verzoeken/{id}/overzicht.pdf", s.f.pupil);
    let (_, page) = app.page(&form).await;
    assert!(page.contains("Uw verzoeken") && page.contains("In behandeling"), "{page}");
    assert!(!page.contains(&download), "nothing to download before the decision");
    assert_eq!(app.page(&download).await.0, 404);

    json(app.post(&s.director, &format!("/api/v1/requests/{id}/decision"), &json!({"outcome": "granted"})).await, 200)
        .await;
    let (_, page) = app.page(&form).await;
    assert!(page.contains(&download) && page.contains("Toegewezen op"), "{page}");
    let pdf = app.client.get(format!("{}{download}", app.address)).send().await.unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));
    let trail = app.store.board(&s.board).audit_trail(10).await.unwrap();
    assert!(
        trail.iter().any(|e| e.action == "view" && e.entity_id == s.f.pupil && e.actor == "piet@voorbeeld.nl"),
        "the download is audited as a view"
    );

    // The mother, a guardian of the same child, neither sees nor downloads it.
    app.form("/ouders/afmelden", &[]).await;
    sign_in_parent(&app, &s, "eva@voorbeeld.nl").await;
    let (_, page) = app.page(&form).await;
    assert!(!page.contains(&download) && !page.contains("Uw verzoeken"), "{page}");
    assert_eq!(app.page(&download).await.0, 404);
});

story!(the_access_overview_api_gives_the_pages_sections_in_dutch_and_the_pdf_on_request, |app| {
    let s = setup(&app).await;
    grant_consent(&app, &s, "website").await;
    let father = add_father(&app, &s).await;
    let body = json!({"kind": "access", "subject_pupil_id": s.f.pupil, "requester_guardian_id": father,
        "received_on": "2026-11-20", "channel": "email", "identity_check": "known_email"});
    let request = json(app.post(&s.director, "/api/v1/requests", &body).await, 201).await;
    let id = request["id"].as_str().unwrap().to_owned();
    let overview = json(app.get(&s.director, &format!("/api/v1/requests/{id}/overview")).await, 200).await;
    let sections = overview["sections"].as_array().unwrap();
    let titles: Vec<&str> = sections.iter().map(|s| s["title"].as_str().unwrap()).collect();
    assert_eq!(titles[..3], ["Leerling", "Ouders en verzorgers", "Toestemmingen voor beeldmateriaal"]);
    let consent = &sections[2]["rows"][0];
    assert_eq!(consent["label"], "Openbare website van de school", "the purpose as the form names it");
    assert_eq!(consent["value"], "toestemming gegeven (01-09-2026)", "a Dutch date");
    let text = overview.to_string();
    assert!(!text.contains("\"website\"") && !text.contains("2026-09-01"), "no codes, no ISO dates: {text}");
    assert!(text.contains("piet@voorbeeld.nl") && !text.contains("eva@voorbeeld.nl"), "AVG art. 15(4): {text}");

    // The page shows the same rows.
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let (_, page) = app.page(&format!("/verzoeken/{id}/overzicht")).await;
    for row in sections.iter().flat_map(|s| s["rows"].as_array().unwrap()) {
        let label = row["label"].as_str().unwrap().replace('\'', "&#x27;");
        assert!(page.contains(&label), "{label} on the page too");
    }
    assert!(page.contains("toestemming gegeven (01-09-2026)") && !page.contains("2026-09-01"));

    let pdf = app
        .request(reqwest::Method::GET, Some(&s.director), &format!("/api/v1/requests/{id}/overview"))
        .header("accept", "application/pdf")
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));
    let trail = app.store.board(&s.board).audit_trail(20).await.unwrap();
    assert!(trail.iter().any(|e| e.action == "view" && e.entity_id == s.f.pupil), "audited");
    // Need to know: a teacher may not, another school's director does not find it.
    let teacher = app.staff(&s.board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&s.f.group]).await;
    json(app.get(&teacher, &format!("/api/v1/requests/{id}/overview")).await, 403).await;
    let other = app.staff(&s.board, "eik@proef.nl", Role::D, ScopeKind::School, &[&s.f.other_school]).await;
    json(app.get(&other, &format!("/api/v1/requests/{id}/overview")).await, 404).await;
});

story!(a_portability_export_for_a_request_leaves_out_the_other_guardians_contact_details, |app| {
    let s = setup(&app).await;
    let father = add_father(&app, &s).await;
    let body = json!({"kind": "portability", "subject_pupil_id": s.f.pupil, "requester_guardian_id": father,
        "received_on": "2026-11-20", "channel": "email", "identity_check": "known_email"});
    let request = json(app.post(&s.director, "/api/v1/requests", &body).await, 201).await;
    let id = request["id"].as_str().unwrap().to_owned();
    let export = json(app.get(&s.director, &format!("/api/v1/requests/{id}/export")).await, 200).await;
    let guardians = export["guardians"].as_array().unwrap();
    let mother = guardians.iter().find(|g| g["given_name"] == "Eva").expect("the mother is named");
    assert!(mother["email"].is_null() && mother["phone"].is_null(), "{mother}");
    assert!(guardians.iter().any(|g| g["email"] == "piet@voorbeeld.nl"), "the requester's own details stay");
    let zip = app.get(&s.director, &format!("/api/v1/requests/{id}/export.zip")).await;
    assert_eq!(zip.headers()["content-type"], "application/zip");
    let bytes = zip.bytes().await.unwrap();
    assert!(bytes.windows(8).any(|w| w == b"piet@voo") && !bytes.windows(8).any(|w| w == b"eva@voor"));
    // The request page hands out this export, not the school's full one.
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let (_, page) = app.page(&format!("/verzoeken/{id}")).await;
    assert!(page.contains(&format!("/api/v1/requests/{id}/export.zip")), "{page}");
    assert!(!page.contains(&format!("/api/v1/pupils/{}/export", s.f.pupil)), "{page}");

    // Decided, the father downloads the same in the portal.
    json(app.post(&s.director, &format!("/api/v1/requests/{id}/decision"), &json!({"outcome": "granted"})).await, 200)
        .await;
    sign_in_parent(&app, &s, "piet@voorbeeld.nl").await;
    let zip = app.page(&format!("/ouders/kinderen/{}/verzoeken/{id}/gegevens.zip", s.f.pupil)).await;
    assert_eq!(zip.0, 200);
});

story!(a_parents_request_text_has_a_stated_limit_and_a_longer_one_is_refused_and_kept, |app| {
    let s = setup(&app).await;
    sign_in_parent(&app, &s, "eva@voorbeeld.nl").await;
    let form = format!("/ouders/kinderen/{}/verzoek", s.f.pupil);
    let (_, page) = app.page(&form).await;
    assert!(page.contains("maxlength=\"4000\"") && page.contains("Ten hoogste 4000 tekens"), "{page}");
    let long = "Welke gegevens? ".repeat(1250);
    let refused = app.form(&form, &[("kind", "access"), ("details", &long)]).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains("ten hoogste 4000 tekens") && page.contains("data-field=\"details\""), "{page}");
    assert!(page.contains(long.trim()), "what was typed is kept");
    assert_eq!(json(app.get(&s.director, "/api/v1/requests").await, 200).await, json!([]), "nothing recorded");
    assert_eq!(app.form(&form, &[("kind", "access"), ("details", "Welke gegevens?")]).await.status(), 200);
});

story!(request_dates_must_be_plausible_and_the_forms_state_every_limit, |app| {
    let s = setup(&app).await;
    let old = json!({"kind": "access", "subject_pupil_id": s.f.pupil, "received_on": "2020-01-06"});
    let problem = json(app.post(&s.director, "/api/v1/requests", &old).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "received_on");
    assert_eq!(problem["errors"][0]["code"], "request.received_too_early");
    let request = file(&app, &s, "access", "2026-11-20").await;
    let path = format!("/api/v1/requests/{}/extension", request["id"].as_str().unwrap());
    let early = json!({"reason": "Veel gegevens", "requester_told_on": "2026-11-19"});
    let problem = json(app.post(&s.director, &path, &early).await, 422).await;
    assert_eq!(problem["errors"][0]["code"], "request.told_before_received");
    assert!(problem["errors"][0]["detail"].as_str().unwrap().contains("20-11-2026"), "{problem}");

    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let (_, page) = app.page(&format!("/verzoeken/nieuw?leerling={}", s.f.pupil)).await;
    assert!(page.contains("min=\"2025-") && page.contains("maxlength=\"4000\""), "{page}");
    let (_, page) = app.page(&format!("/verzoeken/{}", request["id"].as_str().unwrap())).await;
    assert!(page.contains("min=\"2026-11-20\"") && page.contains("Ten hoogste 4000 tekens"), "{page}");
});

story!(a_refused_new_request_form_keeps_what_was_typed_and_links_the_error_to_its_field, |app| {
    let s = setup(&app).await;
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let details = "Moeder belde: zij wil alle notities van de intern begeleider zien.";
    let refused = app
        .form(
            "/verzoeken",
            &[
                ("kind", "rectification"),
                ("subject_pupil_id", &s.f.pupil),
                ("details", details),
                ("received_on", "2020-01-06"),
                ("channel", "phone"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains(details), "the text typed is kept: {page}");
    assert!(page.contains("value=\"rectification\" selected") && page.contains("value=\"phone\" selected"), "{page}");
    assert!(page.contains("value=\"2020-01-06\""), "the date typed is kept");
    assert!(page.contains("<a href=\"#received_on\">"), "the message links to the field: {page}");
    assert!(page.contains("aria-describedby=\"fout-received_on\""), "the field names its message: {page}");
    assert!(!page.contains("received_on:"), "no field code on the page");
    assert_eq!(json(app.get(&s.director, "/api/v1/requests").await, 200).await, json!([]), "nothing recorded");
});

story!(a_refused_decision_keeps_the_explanation_typed_and_names_the_missing_reason, |app| {
    let s = setup(&app).await;
    let request = file(&app, &s, "access", "2026-11-20").await;
    let id = request["id"].as_str().unwrap();
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let explanation = "Het dossier van de intern begeleider bevat ook gegevens over een ander kind.";
    let refused =
        app.form(&format!("/verzoeken/{id}/besluit"), &[("outcome", "refused"), ("explanation", explanation)]).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains(&format!(">{explanation}</textarea>")), "the explanation typed is kept: {page}");
    assert!(page.contains("value=\"refused\" selected"), "the outcome chosen is kept");
    assert!(page.contains("<a href=\"#reason\">"), "the message links to the reason: {page}");
    assert!(page.contains("aria-describedby=\"fout-reason reason-hint\""), "the field names its message");
    let stored = json(app.get(&s.director, &format!("/api/v1/requests/{id}")).await, 200).await;
    assert!(stored["outcome"].is_null(), "nothing decided: {stored}");
});
