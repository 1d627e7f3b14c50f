//! Camera surveillance (seed 002 §7; issue 15): the camera register, refusals
//! in Dutch naming the field, roles and tenancy, the viewing and disclosure
//! log, footage holds linked to an incident, and the kwaliteitskaart.

use crate::helpers::{Fixture, TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use serde_json::{Value, json};

/// An IBP manager of a fresh board with the fixture (two schools, a pupil in each).
async fn fixture(app: &TestApp) -> Fixture {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    Fixture::create(app, &token, 31).await
}

fn playground(school: &str) -> Value {
    json!({
        "school_id": school,
        "name": "Schoolplein",
        "location": "Hoofdingang, buitenkant",
        "coverage": "Het schoolplein en de fietsenstalling",
        "balancing": "Na vandalisme in 2025 wegen veiligheid en spullen zwaarder; de camera filmt de straat niet.",
        "signs": true,
        "signs_where": "Bij beide hekken",
        "viewers": "De directeur en de IBP-coördinator"
    })
}

async fn camera(app: &TestApp, token: &str, school: &str) -> String {
    let created = json(app.post(token, "/api/v1/cameras", &playground(school)).await, 201).await;
    created["id"].as_str().unwrap().to_owned()
}

async fn report_incident(app: &TestApp, token: &str, school: &str) -> String {
    let body = json!({"school_id": school, "what_happened": "Fiets gestolen van het schoolplein",
        "discovered_at": "2026-11-20T16:00:00+01:00"});
    json(app.post(token, "/api/v1/incidents", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

fn fields(problem: &Value) -> Vec<&str> {
    let mut fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    fields.sort_unstable();
    fields
}

fn detail<'a>(problem: &'a Value, field: &str) -> &'a str {
    problem["errors"].as_array().unwrap().iter().find(|e| e["field"] == field).unwrap()["detail"].as_str().unwrap()
}

story!(a_camera_is_registered_with_the_rules_retention_and_a_finding_until_its_dpia_is_linked, |app| {
    let f = fixture(&app).await;
    let created = json(app.post(&f.admin, "/api/v1/cameras", &playground(&f.school)).await, 201).await;
    let id = created["id"].as_str().unwrap();
    assert_eq!(created["retention"], "P4W", "the board's rule for camera footage");
    assert_eq!(created["legal_basis"], "legitimate_interest");
    assert_eq!(created["status"], "active");
    assert_eq!(created["live_view"], false);
    assert!(created["purpose"].as_str().unwrap().contains("veiligheid"), "the purpose of seed 002 §7.1");
    assert_eq!(created["findings"], json!(["no_dpia"]));
    // Footage of 25 October (and before) must be gone on 22 November.
    assert_eq!(created["due_through"], "2026-10-25");

    let dpia = json(app.post(&f.admin, "/api/v1/dpias", &json!({"product": "Camerasysteem"})).await, 201).await;
    let patch = json!({"dpia_id": dpia["id"], "retention": "P2W"});
    let changed = json(app.patch(&f.admin, &format!("/api/v1/cameras/{id}"), &patch).await, 200).await;
    assert_eq!(changed["findings"], json!([]));
    assert_eq!(changed["retention"], "P2W", "shorter than the rule is allowed");
    assert_eq!(changed["name"], "Schoolplein", "what is not sent stays");

    let list = json(app.get(&f.admin, "/api/v1/cameras").await, 200).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    let one = json(app.get(&f.admin, &format!("/api/v1/cameras/{id}")).await, 200).await;
    assert_eq!(one["dpia_id"], dpia["id"]);

    // The audit trail names the fields, never the values.
    let trail = app.store.board(&f.board).audit_trail(100).await.unwrap();
    let audit: Vec<_> = trail.iter().filter(|e| e.entity == "camera" && e.entity_id == id).collect();
    assert_eq!(audit.len(), 2);
    let text = format!("{audit:?}");
    assert!(text.contains("retention") && text.contains("dpia_id"), "{text}");
    assert!(!text.contains("P2W") && !text.contains("vandalisme"), "{text}");
});

story!(wrong_input_is_refused_field_by_field_in_dutch_and_nothing_is_written, |app| {
    let f = fixture(&app).await;
    let mut body = playground("onbekend");
    body["location"] = json!("Toiletten bij de gymzaal");
    body["retention"] = json!("P5W");
    body["signs"] = json!("misschien");
    body["kleur"] = json!("zwart");
    body.as_object_mut().unwrap().remove("viewers");
    let problem = json(app.post(&f.admin, "/api/v1/cameras", &body).await, 422).await;
    assert_eq!(fields(&problem), ["kleur", "location", "retention", "school_id", "signs", "viewers"]);
    assert!(detail(&problem, "location").starts_with("Plek: "), "{problem}");
    assert!(detail(&problem, "location").contains("toilet"), "{problem}");
    assert!(detail(&problem, "retention").contains("4 weken"), "names the rule: {problem}");
    assert!(detail(&problem, "viewers").contains("verplicht"), "{problem}");
    let bad_period = json(app.post(&f.admin, "/api/v1/cameras", &json!({"retention": "vier weken"})).await, 422).await;
    assert!(fields(&bad_period).contains(&"retention"));
    assert_eq!(json(app.get(&f.admin, "/api/v1/cameras").await, 200).await, json!([]), "nothing half-written");

    let id = camera(&app, &f.admin, &f.school).await;
    let patch = json!({"retention": "P1M", "coverage": "Kleedkamer", "dpia_id": "geen-dpia"});
    let problem = json(app.patch(&f.admin, &format!("/api/v1/cameras/{id}"), &patch).await, 422).await;
    assert_eq!(fields(&problem), ["coverage", "dpia_id", "retention"]);
    let one = json(app.get(&f.admin, &format!("/api/v1/cameras/{id}")).await, 200).await;
    assert_eq!((&one["retention"], &one["dpia_id"]), (&json!("P4W"), &Value::Null), "unchanged");
    // The same name twice at one school is a field error, not a 500.
    let twice = json(app.post(&f.admin, "/api/v1/cameras", &playground(&f.school)).await, 422).await;
    assert_eq!(fields(&twice), ["name"]);
});

story!(a_teacher_is_refused_and_another_boards_camera_does_not_exist, |app| {
    let f = fixture(&app).await;
    let id = camera(&app, &f.admin, &f.school).await;
    let teacher = app.staff(&f.board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    json(app.get(&teacher, "/api/v1/cameras").await, 403).await;
    json(app.get(&teacher, &format!("/api/v1/cameras/{id}")).await, 403).await;
    json(app.post(&teacher, "/api/v1/cameras", &playground(&f.school)).await, 403).await;

    // A director sees their school's cameras only; the FG reads but changes nothing.
    let other_director = app.staff(&f.board, "d@eik.nl", Role::D, ScopeKind::School, &[&f.other_school]).await;
    json(app.get(&other_director, &format!("/api/v1/cameras/{id}")).await, 404).await;
    assert_eq!(json(app.get(&other_director, "/api/v1/cameras").await, 200).await, json!([]));
    let director = app.staff(&f.board, "d@linde.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    json(app.patch(&director, &format!("/api/v1/cameras/{id}"), &json!({"live_view": true})).await, 200).await;
    let fg = app.staff(&f.board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    json(app.get(&fg, &format!("/api/v1/cameras/{id}")).await, 200).await;
    json(app.patch(&fg, &format!("/api/v1/cameras/{id}"), &json!({"live_view": false})).await, 403).await;

    let other = app.board("Stichting Anders").await;
    let stranger = app.staff(&other, "ibp@anders.nl", Role::St, ScopeKind::Board, &[]).await;
    json(app.get(&stranger, &format!("/api/v1/cameras/{id}")).await, 404).await;
    json(app.patch(&stranger, &format!("/api/v1/cameras/{id}"), &json!({"name": "Weg"})).await, 404).await;
    json(app.get(&stranger, &format!("/api/v1/cameras/{id}/log")).await, 404).await;
    assert_eq!(json(app.get(&stranger, "/api/v1/cameras").await, 200).await, json!([]));
});

story!(a_viewing_and_a_police_disclosure_are_logged_and_a_disclosure_without_official_request_is_refused, |app| {
    let f = fixture(&app).await;
    let id = camera(&app, &f.admin, &f.school).await;
    let path = format!("/api/v1/cameras/{id}/log");
    let incident = report_incident(&app, &f.admin, &f.school).await;
    let viewing = json!({"kind": "viewing", "from": "2026-11-20T15:30:00+01:00", "to": "2026-11-20T16:15:00+01:00",
        "reason": "incident", "explanation": "Gezocht wie de fiets meenam", "incident_id": incident});
    let viewed = json(app.post(&f.admin, &path, &viewing).await, 201).await;
    assert_eq!((&viewed["kind"], &viewed["recorded_by"]), (&json!("viewing"), &json!("ibp@proef.nl")));

    let mut police = json!({"kind": "disclosure", "from": "2026-11-20T15:30:00+01:00", "to": "2026-11-20T16:15:00+01:00",
        "reason": "incident", "explanation": "Aangifte van diefstal", "recipient": "police", "recipient_name": "Politie Hollands Midden"});
    let refused = json(app.post(&f.admin, &path, &police).await, 422).await;
    assert_eq!(fields(&refused), ["request_reference"]);
    assert!(detail(&refused, "request_reference").contains("officieel schriftelijk verzoek"), "{refused}");
    police["request_reference"] = json!("PL1600-2026-412345");
    let disclosed = json(app.post(&f.admin, &path, &police).await, 201).await;
    assert_eq!(disclosed["recipient"], "police");

    let backwards = json!({"kind": "viewing", "from": "2026-11-20T16:00:00+01:00", "to": "2026-11-20T15:00:00+01:00",
        "reason": "oeps", "explanation": "x", "request_id": "geen"});
    let refused = json(app.post(&f.admin, &path, &backwards).await, 422).await;
    assert_eq!(fields(&refused), ["reason", "request_id", "to"]);
    assert!(detail(&refused, "to").contains("na het begin"), "{refused}");

    let log = json(app.get(&f.admin, &path).await, 200).await;
    assert_eq!(log.as_array().unwrap().len(), 2, "append-only: two lines, the refusals wrote nothing");
    let teacher = app.staff(&f.board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    json(app.post(&teacher, &path, &viewing).await, 403).await;
});

story!(a_footage_hold_keeps_the_incidents_time_range_until_it_is_released, |app| {
    let f = fixture(&app).await;
    let id = camera(&app, &f.admin, &f.school).await;
    let incident = report_incident(&app, &f.admin, &f.school).await;
    let at = |moment: &str| format!("/api/v1/cameras/{id}?at={}", moment.replace('+', "%2B"));
    // Footage of 1 October is older than four weeks: due.
    let before = json(app.get(&f.admin, &at("2026-10-01T10:10:00+02:00")).await, 200).await;
    assert_eq!((&before["footage"]["status"], &before["footage"]["due_on"]), (&json!("due"), &json!("2026-10-29")));
    let recent = json(app.get(&f.admin, &at("2026-11-20T10:00:00+01:00")).await, 200).await;
    assert_eq!(recent["footage"]["status"], "kept");

    let hold = json!({"camera_id": id, "from": "2026-10-01T10:00:00+02:00", "to": "2026-10-01T10:30:00+02:00",
        "incident_id": incident, "reason": "Nodig voor de aangifte"});
    let placed = json(app.post(&f.admin, "/api/v1/footage-holds", &hold).await, 201).await;
    let hold_id = placed["id"].as_str().unwrap().to_owned();
    assert_eq!(json(app.get(&f.admin, &at("2026-10-01T10:10:00+02:00")).await, 200).await["footage"]["status"], "held");
    let outside = json(app.get(&f.admin, &at("2026-10-01T10:31:00+02:00")).await, 200).await;
    assert_eq!(outside["footage"]["status"], "due", "only the exact range is kept");

    let by_camera = json(app.get(&f.admin, &format!("/api/v1/footage-holds?camera_id={id}")).await, 200).await;
    let by_incident =
        json(app.get(&f.admin, &format!("/api/v1/footage-holds?incident_id={incident}")).await, 200).await;
    assert_eq!(by_camera, by_incident);
    assert_eq!(by_camera[0]["id"], hold_id.as_str());
    assert_eq!(by_camera[0]["status"], "held");

    // An incident of another board, an unknown one, or none for kind incident: field errors.
    let other = app.board("Stichting Anders").await;
    let stranger = app.staff(&other, "ibp@anders.nl", Role::St, ScopeKind::Board, &[]).await;
    let g = Fixture::create(&app, &stranger, 32).await;
    let foreign = report_incident(&app, &stranger, &g.school).await;
    for (incident_id, code) in
        [(json!(foreign), "verwijst niet"), (json!("onbekend"), "verwijst niet"), (Value::Null, "incident")]
    {
        let mut wrong = hold.clone();
        wrong["incident_id"] = incident_id;
        let problem = json(app.post(&f.admin, "/api/v1/footage-holds", &wrong).await, 422).await;
        assert_eq!(fields(&problem), ["incident_id"], "{problem}");
        assert!(detail(&problem, "incident_id").contains(code), "{problem}");
    }
    let mut backwards = hold.clone();
    backwards["to"] = json!("2026-10-01T09:00:00+02:00");
    assert_eq!(fields(&json(app.post(&f.admin, "/api/v1/footage-holds", &backwards).await, 422).await), ["to"]);
    // Another board sees neither the hold nor the camera.
    assert_eq!(json(app.get(&stranger, &format!("/api/v1/footage-holds?camera_id={id}")).await, 200).await, json!([]));
    let release = format!("/api/v1/footage-holds/{hold_id}/release");
    json(app.post(&stranger, &release, &json!({"reason": "weg"})).await, 404).await;

    let problem = json(app.post(&f.admin, &release, &json!({})).await, 422).await;
    assert_eq!(fields(&problem), ["reason"]);
    let released = json(app.post(&f.admin, &release, &json!({"reason": "Aangifte afgehandeld"})).await, 200).await;
    assert_eq!(
        (&released["status"], &released["release_reason"]),
        (&json!("released"), &json!("Aangifte afgehandeld"))
    );
    json(app.post(&f.admin, &release, &json!({"reason": "nogmaals"})).await, 409).await;
    assert_eq!(json(app.get(&f.admin, &at("2026-10-01T10:10:00+02:00")).await, 200).await["footage"]["status"], "due");
});

story!(the_kwaliteitskaart_lists_the_cameras_retention_roles_and_logging_per_school, |app| {
    let f = fixture(&app).await;
    let id = camera(&app, &f.admin, &f.school).await;
    let mut gate = playground(&f.other_school);
    gate["name"] = json!("Poort");
    json(app.post(&f.admin, "/api/v1/cameras", &gate).await, 201).await;
    let removed = json!({"school_id": f.school, "name": "Oude camera", "location": "Achterdeur", "coverage": "De achterdeur",
        "balancing": "Afgewogen", "signs": false, "viewers": "Directeur", "status": "removed"});
    json(app.post(&f.admin, "/api/v1/cameras", &removed).await, 201).await;
    let viewing = json!({"kind": "viewing", "from": "2026-11-20T15:30:00+01:00", "to": "2026-11-20T16:15:00+01:00",
        "reason": "other", "explanation": "Controle"});
    json(app.post(&f.admin, &format!("/api/v1/cameras/{id}/log"), &viewing).await, 201).await;

    let card = json(app.get(&f.admin, "/api/v1/cameras/quality-card").await, 200).await;
    assert_eq!(card["retention_rule"], "P4W");
    let schools = card["schools"].as_array().unwrap();
    assert_eq!(schools.len(), 2);
    let names: Vec<&str> = schools
        .iter()
        .flat_map(|s| s["cameras"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()))
        .collect();
    assert_eq!(names, ["Poort", "Schoolplein"], "active cameras only, by school");
    assert_eq!(card["logging"], json!({"viewings": 1, "disclosures": 0, "holds_in_force": 0}));
    let roles: Vec<&str> = card["roles"].as_array().unwrap().iter().map(|r| r["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["CvB", "ST", "D", "FG"]);

    let one = json(app.get(&f.admin, &format!("/api/v1/cameras/quality-card?school_id={}", f.school)).await, 200).await;
    assert_eq!(one["schools"].as_array().unwrap().len(), 1);
    let director = app.staff(&f.board, "d@eik.nl", Role::D, ScopeKind::School, &[&f.other_school]).await;
    let theirs = json(app.get(&director, "/api/v1/cameras/quality-card").await, 200).await;
    assert_eq!(theirs["schools"][0]["cameras"][0]["name"], "Poort");
    let problem =
        json(app.get(&director, &format!("/api/v1/cameras/quality-card?school_id={}", f.school)).await, 422).await;
    assert_eq!(fields(&problem), ["school_id"]);
});

story!(the_camera_pages_add_a_camera_log_a_viewing_hold_footage_and_keep_what_was_typed, |app| {
    let f = fixture(&app).await;
    let incident = report_incident(&app, &f.admin, &f.school).await;
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let (status, page) = app.page("/cameratoezicht").await;
    assert_eq!(status, 200);
    assert!(page.contains("Camera toevoegen") && page.contains("Kwaliteitskaart bekijken"), "{page}");

    let typed = [
        ("school_id", f.school.as_str()),
        ("name", "Speelplaats"),
        ("location", "Toiletgebouw"),
        ("coverage", "Het plein"),
        ("balancing", "Afgewogen tegen de privacy van de kinderen"),
        ("signs", "ja"),
        ("viewers", "Directeur"),
        ("retention", "P6W"),
        ("live_view", "nee"),
    ];
    let refused = app.form("/cameratoezicht", &typed).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains("Plek: een camera mag niet in een klaslokaal"), "{page}");
    assert!(page.contains("nooit langer"), "{page}");
    assert!(page.contains(r#"value="Speelplaats""#) && page.contains(r#"value="P6W""#), "keeps what was typed: {page}");
    assert!(page.contains(r##"href="#camera-location""##), "the error links to its field: {page}");

    let mut good = typed;
    good[2] = ("location", "Hoofdingang");
    good[7] = ("retention", "");
    let made = app.form("/cameratoezicht", &good).await;
    assert_eq!(made.status(), 303);
    let location = made.headers()["location"].to_str().unwrap().to_owned();
    let (status, page) = app.page(&location).await;
    assert_eq!(status, 200);
    assert!(page.contains("Speelplaats") && page.contains("4 weken"), "{page}");
    assert!(page.contains("Er is geen DPIA gekoppeld"), "the finding: {page}");

    let police = [
        ("kind", "disclosure"),
        ("from", "2026-11-20T15:30"),
        ("to", "2026-11-20T16:15"),
        ("reason", "incident"),
        ("explanation", "Aangifte van diefstal"),
        ("recipient", "police"),
        ("incident_id", incident.as_str()),
    ];
    let refused = app.form(&format!("{location}/logboek"), &police).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains("officieel schriftelijk verzoek"), "{page}");
    assert!(page.contains("Aangifte van diefstal") && page.contains(r#"value="2026-11-20T15:30""#), "{page}");
    let mut with_reference = police.to_vec();
    with_reference.push(("request_reference", "PL1600-2026-412345"));
    assert_eq!(app.form(&format!("{location}/logboek"), &with_reference).await.status(), 303);

    let hold = [
        ("from", "2026-11-20T15:30"),
        ("to", "2026-11-20T16:15"),
        ("kind", "incident"),
        ("incident_id", incident.as_str()),
        ("reason", "Aangifte"),
    ];
    assert_eq!(app.form(&format!("{location}/bewaren"), &hold).await.status(), 303);
    let (_, page) = app.page(&location).await;
    assert!(page.contains("PL1600-2026-412345") && page.contains("Bewaard"), "{page}");
    let (_, incident_page) = app.page(&format!("/incidenten/{incident}")).await;
    assert!(
        incident_page.contains("Camerabeelden bewaard") && incident_page.contains("Speelplaats"),
        "{incident_page}"
    );

    let (_, logbook) = app.page("/logboek").await;
    assert!(
        logbook.contains("Camera Speelplaats") && logbook.contains("Bewaarde beelden van camera Speelplaats"),
        "{logbook}"
    );
    assert!(logbook.contains("wie de beelden mag bekijken"), "fields named in Dutch: {logbook}");
    let (status, card) = app.page(&format!("/cameratoezicht/kwaliteitskaart?school={}", f.school)).await;
    assert_eq!(status, 200);
    assert!(
        card.contains("Speelplaats") && card.contains("Rollen en bevoegdheden") && card.contains("1 keer verstrekt"),
        "{card}"
    );
    let pdf = app
        .client
        .get(format!("{}/cameratoezicht/kwaliteitskaart.pdf?school={}", app.address, f.school))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let text = crate::helpers::pdf_text(&pdf.bytes().await.unwrap());
    assert!(text.contains("Kwaliteitskaart cameratoezicht OBS De Linde") && text.contains("Speelplaats"), "{text}");
    assert!(text.contains("Rollen en bevoegdheden") && text.contains("1 keer verstrekt"), "{text}");
});
