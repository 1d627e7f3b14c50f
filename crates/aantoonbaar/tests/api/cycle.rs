//! The yearly IBP cycle (issue 17): awareness activities with attendance and
//! each person's last activity; the activity calendar made from the seeds,
//! its items done by the product's facts or ticked by hand, the overdue ones
//! on the start page, and the owner's reminders sent once.

use crate::helpers::{Fixture, PASSWORD, TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use reqwest::Method;
use serde_json::{Value, json};

async fn fixture(app: &TestApp) -> Fixture {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    Fixture::create(app, &token, 51).await
}

async fn person(app: &TestApp, token: &str, given: &str, school: &str, roles: &[&str]) -> String {
    let body = json!({"given_name": given, "surname": "Proef", "email": format!("{}@proef.nl", given.to_lowercase()),
        "school_id": school, "roles": roles, "employment_start": "2020-08-01"});
    json(app.post(token, "/api/v1/staff", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

fn by_id<'a>(list: &'a Value, field: &str, id: &str) -> &'a Value {
    list.as_array().unwrap().iter().find(|v| v[field] == id).unwrap()
}

fn item<'a>(calendar: &'a Value, kind: &str) -> &'a Value {
    calendar["items"].as_array().unwrap().iter().find(|i| i["kind"] == kind).unwrap()
}

/// Mails in the outbox whose subject contains `part`: (recipient, subject).
async fn mails(app: &TestApp, f: &Fixture, part: &str) -> Vec<(String, String)> {
    crate::helpers::mails_about(app, &f.board, part).await.into_iter().map(|(to, subject, _)| (to, subject)).collect()
}

async fn at(app: &TestApp, moment: &str) {
    let target: jiff::Timestamp = moment.parse().unwrap();
    app.clock.advance(target.duration_since(app.clock.now()));
}

story!(attendance_is_ticked_per_activity_and_each_person_shows_their_last_activity, |app| {
    let f = fixture(&app).await;
    let anna = person(&app, &f.admin, "Anna", &f.school, &["OP"]).await;
    let bram = person(&app, &f.admin, "Bram", &f.school, &["OP"]).await;
    let cees = person(&app, &f.admin, "Cees", &f.other_school, &["OP"]).await;
    let old = json!({"kind": "training", "title": "Veilig wachtwoord", "held_on": "2025-09-01", "audience": "board"});
    let old = json(app.post(&f.admin, "/api/v1/awareness", &old).await, 201).await["id"].as_str().unwrap().to_owned();
    let refresher = json!({"kind": "refresher", "title": "Privacy-opfrisser na de zomer", "held_on": "2026-09-14",
        "audience": "roles", "roles": ["OP"], "material": "https://example.org/opfrisser"});
    let refresher = json(app.post(&f.admin, "/api/v1/awareness", &refresher).await, 201).await;
    let refresher = refresher["id"].as_str().unwrap().to_owned();
    let ticked = json!({"staff_ids": [anna, cees]});
    json(app.post(&f.admin, &format!("/api/v1/awareness/{old}/attendance"), &ticked).await, 200).await;
    let ticked = json!({"staff_ids": [anna]});
    let saved =
        json(app.post(&f.admin, &format!("/api/v1/awareness/{refresher}/attendance"), &ticked).await, 200).await;
    assert_eq!(saved["attendees"], json!([anna]));

    let overview = json(app.get(&f.admin, "/api/v1/awareness").await, 200).await;
    let a = by_id(&overview["people"], "staff_id", &anna);
    assert_eq!(
        (a["last_activity_title"].as_str(), a["reached"].as_bool()),
        (Some("Privacy-opfrisser na de zomer"), Some(true))
    );
    let c = by_id(&overview["people"], "staff_id", &cees);
    assert_eq!(c["last_activity_on"], "2025-09-01", "the last one attended, over a year ago");
    assert_eq!(c["reached"], false);
    assert_eq!(by_id(&overview["people"], "staff_id", &bram)["last_activity_id"], Value::Null);
    assert_eq!((overview["reached"]["attended"].as_u64(), overview["reached"]["total"].as_u64()), (Some(1), Some(3)));

    // The director sees her school only, and records her own school's activity.
    let director = app.staff(&f.board, "d@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let hers = json(app.get(&director, "/api/v1/awareness").await, 200).await;
    let people: Vec<&str> = hers["people"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(people, ["Anna Proef", "Bram Proef"]);
    let refused =
        app.post(&director, &format!("/api/v1/awareness/{refresher}/attendance"), &json!({"staff_ids": [bram]})).await;
    assert_eq!(refused.status(), 403, "a board-wide activity is the IBP manager's to record");
    let board_wide = json!({"kind": "campaign", "title": "Posters", "held_on": "2026-10-01", "audience": "board"});
    let problem = json(app.post(&director, "/api/v1/awareness", &board_wide).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "audience");
    let meeting = json!({"kind": "team_meeting", "title": "Teamoverleg AVG", "held_on": "2026-11-02",
        "audience": "school", "school_id": f.school});
    let meeting =
        json(app.post(&director, "/api/v1/awareness", &meeting).await, 201).await["id"].as_str().unwrap().to_owned();
    let other =
        app.post(&director, &format!("/api/v1/awareness/{meeting}/attendance"), &json!({"staff_ids": [cees]})).await;
    let problem = json(other, 422).await;
    assert_eq!(problem["errors"][0]["field"], "staff_ids", "Cees works at another school");
    json(
        app.post(&director, &format!("/api/v1/awareness/{meeting}/attendance"), &json!({"staff_ids": [bram]})).await,
        200,
    )
    .await;
    let overview = json(app.get(&f.admin, "/api/v1/awareness").await, 200).await;
    assert_eq!(by_id(&overview["people"], "staff_id", &bram)["last_activity_title"], "Teamoverleg AVG");
    let bad = json!({"kind": "webinar", "title": "", "held_on": "gisteren", "audience": "school"});
    let problem = json(app.post(&f.admin, "/api/v1/awareness", &bad).await, 422).await;
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["kind", "title", "held_on", "school_id"]);

    // The page lists who was not reached per school, and ticks attendance by form.
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    let (status, page) = app.page("/bewustwording").await;
    assert_eq!(status, 200);
    assert!(page.contains("Bereikt in de afgelopen 12 maanden: 2 van de 3 medewerkers."), "{page}");
    assert!(page.contains("Cees Proef") && page.contains("CBS De Eik"), "{page}");
    let ticked =
        app.form(&format!("/bewustwording/{refresher}/aanwezig"), &[("staff_ids", &anna), ("staff_ids", &bram)]).await;
    assert_eq!(ticked.status(), 303);
    let detail = json(app.get(&f.admin, &format!("/api/v1/awareness/{refresher}")).await, 200).await;
    assert_eq!(detail["activity"]["attendees"].as_array().unwrap().len(), 2);
});

story!(the_calendar_is_made_from_the_seeds_and_the_consent_round_ticks_september_by_fact, |app| {
    let f = fixture(&app).await;
    let teacher = app.staff(&f.board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    let director = app.staff(&f.board, "d@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let empty = json(app.get(&f.admin, "/api/v1/calendar?school_year=2026-2027").await, 200).await;
    assert_eq!((empty["generated"].as_bool(), empty["items"].as_array().map(Vec::len)), (Some(false), Some(0)));
    let made =
        json(app.post(&f.admin, "/api/v1/calendar/years", &json!({"school_year": "2026-2027"})).await, 201).await;
    let kinds: Vec<&str> = made["items"].as_array().unwrap().iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        ["consent_round", "access_review", "dpia_reviews", "self_assessment", "policy_evaluation", "board_report"]
    );
    let again =
        json(app.post(&f.admin, "/api/v1/calendar/years", &json!({"school_year": "2026-2027"})).await, 200).await;
    assert_eq!(again["items"].as_array().unwrap().len(), 6, "made once");
    assert_eq!(app.get(&teacher, "/api/v1/calendar").await.status(), 403);
    let seen = json(app.get(&director, "/api/v1/calendar").await, 200).await;
    assert_eq!(seen["school_year"], "2026-2027", "the current school year");
    let problem = json(app.get(&f.admin, "/api/v1/calendar?school_year=2026").await, 400).await;
    assert_eq!(problem["errors"][0]["field"], "school_year");

    let consent = item(&made, "consent_round");
    assert_eq!((consent["due_on"].as_str(), consent["status"].as_str()), (Some("2026-09-30"), Some("overdue")));
    assert_eq!(consent["product"]["done"], false);
    let id = consent["id"].as_str().unwrap().to_owned();
    let by_hand = app.post(&f.admin, &format!("/api/v1/calendar/{id}/done"), &json!({"evidence": "Gedaan"})).await;
    assert_eq!(json(by_hand, 409).await["errors"][0]["code"], "calendar.known_by_product");

    // The round starts: the September item is done by the product's fact.
    let round = json!({"school_id": f.school, "confirm": true});
    json(app.post(&f.admin, "/api/v1/consent-round/invitations", &round).await, 200).await;
    let calendar = json(app.get(&f.admin, "/api/v1/calendar?school_year=2026-2027").await, 200).await;
    let consent = item(&calendar, "consent_round");
    assert_eq!(consent["status"], "done");
    let text = consent["product"]["text"].as_str().unwrap();
    assert!(text.contains("22-11-2026") && text.contains("1 uitnodigingen"), "{text}");
    assert!(consent["product"]["link"].as_str().unwrap().ends_with("/toestemming/ronde"));
    assert_eq!(item(&calendar, "access_review")["status"], "overdue", "no campaign this school year");

    // The policy evaluation is known from the policy documents: a version of
    // the IBP policy adopted this school year ticks it, and no hand does.
    let evaluation = item(&calendar, "policy_evaluation");
    assert_eq!(evaluation["status"], "open");
    assert!(evaluation["product"]["text"].as_str().unwrap().contains("nog geen vastgesteld IBP-beleid"));
    let evaluation = evaluation["id"].as_str().unwrap().to_owned();
    let by_hand = json!({"evidence": "Verslag CvB-vergadering 12 november"});
    let refused = app.post(&f.admin, &format!("/api/v1/calendar/{evaluation}/done"), &by_hand).await;
    assert_eq!(json(refused, 409).await["errors"][0]["code"], "calendar.known_by_product");
    let policy = json!({"kind": "ibp_policy", "title": "IBP-beleid", "version": "3.1",
        "change_note": "Geëvalueerd, geen wijzigingen", "text": "Het beleid"});
    let policy =
        json(app.post(&f.admin, "/api/v1/policies", &policy).await, 201).await["id"].as_str().unwrap().to_owned();
    let adoption = json!({"adopted_on": "2026-11-12", "by": "CvB"});
    json(app.post(&f.admin, &format!("/api/v1/policies/{policy}/adopt"), &adoption).await, 200).await;
    let calendar = json(app.get(&f.admin, "/api/v1/calendar?school_year=2026-2027").await, 200).await;
    let evaluation = item(&calendar, "policy_evaluation");
    assert_eq!(evaluation["status"], "done");
    assert!(
        evaluation["product"]["text"]
            .as_str()
            .unwrap()
            .contains("versie 3.1 van het IBP-beleid is vastgesteld op 12-11-2026")
    );
    assert!(evaluation["product"]["link"].as_str().unwrap().ends_with(&format!("/beleid/{policy}")));

    // The July item is ticked by the board's adoption of its report on 2026.
    assert_eq!(item(&calendar, "board_report")["status"], "open");
    json(app.post(&f.admin, "/api/v1/board-report/2026/adopt", &json!({"adopted_on": "2026-11-22"})).await, 201).await;
    let calendar = json(app.get(&f.admin, "/api/v1/calendar?school_year=2026-2027").await, 200).await;
    let report = item(&calendar, "board_report");
    assert_eq!(report["status"], "done");
    assert!(report["product"]["text"].as_str().unwrap().contains("over 2026 is vastgesteld op 22-11-2026"), "{report}");

    // An item of the board's own is ticked by hand, with its evidence, once.
    let teamday = json!({"school_year": "2026-2027", "title": "Privacy op de teamdag", "due_on": "2027-02-01"});
    let evaluation =
        json(app.post(&f.admin, "/api/v1/calendar", &teamday).await, 201).await["id"].as_str().unwrap().to_owned();
    let empty = app.post(&f.admin, &format!("/api/v1/calendar/{evaluation}/done"), &json!({})).await;
    assert_eq!(json(empty, 422).await["errors"][0]["field"], "evidence");
    let forbidden =
        app.post(&director, &format!("/api/v1/calendar/{evaluation}/done"), &json!({"evidence": "x"})).await;
    assert_eq!(forbidden.status(), 403);
    let evidence = json!({"evidence": "Verslag CvB-vergadering 12 november"});
    let done = json(app.post(&f.admin, &format!("/api/v1/calendar/{evaluation}/done"), &evidence).await, 200).await;
    assert_eq!((done["status"].as_str(), done["done_by"].as_str()), (Some("done"), Some("ibp@proef.nl")));
    let twice = app.post(&f.admin, &format!("/api/v1/calendar/{evaluation}/done"), &evidence).await;
    assert_eq!(json(twice, 409).await["errors"][0]["code"], "calendar.already_done");

    // The board adds, changes and removes its own items.
    let outside = json!({"school_year": "2026-2027", "title": "Phishingoefening", "due_on": "2027-09-01"});
    assert_eq!(json(app.post(&f.admin, "/api/v1/calendar", &outside).await, 422).await["errors"][0]["field"], "due_on");
    let own =
        json!({"school_year": "2026-2027", "title": "Phishingoefening", "due_on": "2027-03-01", "owner_role": "D"});
    let own = json(app.post(&f.admin, "/api/v1/calendar", &own).await, 201).await;
    assert_eq!((own["kind"].as_str(), own["owner"].as_str()), (Some("custom"), Some("Directeur")));
    let own_id = own["id"].as_str().unwrap();
    let changed = app.request(Method::PUT, Some(&f.admin), &format!("/api/v1/calendar/{own_id}"));
    let changed = json(
        changed.json(&json!({"title": "Phishingoefening voorjaar", "due_on": "2027-04-01"})).send().await.unwrap(),
        200,
    )
    .await;
    assert_eq!(changed["due_on"], "2027-04-01");
    let removed =
        app.request(Method::DELETE, Some(&f.admin), &format!("/api/v1/calendar/{own_id}")).send().await.unwrap();
    assert_eq!(removed.status(), 204);
    assert_eq!(app.get(&f.admin, &format!("/api/v1/calendar/{own_id}")).await.status(), 404);
});

story!(an_overdue_item_is_on_the_start_page_and_the_calendar_page, |app| {
    let f = fixture(&app).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    let (_, page) = app.page("/jaarplanning").await;
    assert!(page.contains("Maak de jaarplanning voor 2026-2027"), "{page}");
    let made = app.form("/jaarplanning", &[("school_year", "2026-2027")]).await;
    assert_eq!(made.status(), 303);
    let (_, start) = app.page("/").await;
    assert!(start.contains("href=\"/jaarplanning\""), "{start}");
    // 22 November: the consent round and the access review (30 September) are late.
    assert!(start.contains("Deze maand: 0. Te laat: 2."), "{start}");
    let (status, page) = app.page("/jaarplanning").await;
    assert_eq!(status, 200);
    assert!(page.contains("Te laat") && page.contains("Toestemmingsronde"), "{page}");
    let own = json!({"title": "Privacy op de teamdag", "due_on": "2027-02-01"});
    let report = json(app.post(&f.admin, "/api/v1/calendar", &own).await, 201).await["id"].as_str().unwrap().to_owned();
    let refused = app.form(&format!("/jaarplanning/{report}/afvinken"), &[("evidence", "")]).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("Bewijs (tekst of link): dit veld is verplicht."));
    let ticked = app.form(&format!("/jaarplanning/{report}/afvinken"), &[("evidence", "Verslag vastgesteld")]).await;
    assert_eq!(ticked.status(), 303);
    let (_, page) = app.page("/jaarplanning").await;
    assert!(page.contains("Verslag vastgesteld"), "{page}");
});

story!(the_owner_is_reminded_two_weeks_and_a_day_before_and_once_when_late, |app| {
    let f = fixture(&app).await;
    json(app.post(&f.admin, "/api/v1/calendar/years", &json!({})).await, 201).await;
    let own = json!({"title": "Privacy op de teamdag", "due_on": "2026-12-06"});
    json(app.post(&f.admin, "/api/v1/calendar", &own).await, 201).await;
    let report = app.jobs.run_once().await.unwrap();
    assert!(report.calendar_reminders >= 1, "{report:?}");
    let sent = mails(&app, &f, "Privacy op de teamdag").await;
    assert_eq!(
        sent,
        [(
            "ibp@proef.nl".to_owned(),
            "Jaarplanning: \"Privacy op de teamdag\" moet klaar zijn op 06-12-2026".to_owned()
        )]
    );
    app.jobs.run_once().await.unwrap();
    assert_eq!(mails(&app, &f, "Privacy op de teamdag").await.len(), 1, "not twice");
    at(&app, "2026-12-05T08:00:00+01:00").await;
    app.jobs.run_once().await.unwrap();
    app.jobs.run_once().await.unwrap();
    assert_eq!(mails(&app, &f, "Privacy op de teamdag").await.len(), 2, "the day before, once");
    at(&app, "2026-12-07T08:00:00+01:00").await;
    app.jobs.run_once().await.unwrap();
    app.jobs.run_once().await.unwrap();
    let sent = mails(&app, &f, "Privacy op de teamdag").await;
    assert_eq!(sent.len(), 3, "{sent:?}");
    assert!(sent.iter().any(|(_, s)| s.ends_with("is te laat")), "{sent:?}");
    // The late consent round was told once too; once the round starts, nothing more comes.
    assert_eq!(mails(&app, &f, "Toestemmingsronde").await.len(), 1);
});
