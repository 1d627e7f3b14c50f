//! A page and the API offer the same operation through one function: the same
//! input is refused by both, with the same field named. Each row posts one
//! wrong input to the JSON API and to the page form and compares the fields.

use crate::helpers::{Fixture, PASSWORD, TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use reqwest::Method;
use serde_json::{Value, json};

/// The fields a page names in its error messages (`data-field="…"`).
fn page_fields(html: &str) -> Vec<String> {
    let mut fields: Vec<String> = html
        .match_indices("data-field=\"")
        .filter_map(|(at, marker)| html[at + marker.len()..].split_once('"').map(|(field, _)| field.to_owned()))
        .filter(|field| !field.is_empty())
        .collect();
    fields.sort();
    fields.dedup();
    fields
}

/// The fields an API problem names.
fn api_fields(problem: &Value) -> Vec<String> {
    let mut fields: Vec<String> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect();
    fields.sort();
    fields.dedup();
    fields
}

/// Posts the same wrong input to both and checks they refuse it alike.
async fn refused_alike(app: &TestApp, token: &str, api: (&str, Value), page: (&str, &[(&str, &str)]), field: &str) {
    refused_alike_by(app, token, Method::POST, api, page, field).await;
}

/// As [`refused_alike`], with the API's method.
async fn refused_alike_by(
    app: &TestApp,
    token: &str,
    method: Method,
    api: (&str, Value),
    page: (&str, &[(&str, &str)]),
    field: &str,
) {
    let response = app.request(method, Some(token), api.0).json(&api.1).send().await.unwrap();
    let status = response.status().as_u16();
    assert!(matches!(status, 409 | 422), "{} answered {status}", api.0);
    let from_api = api_fields(&json(response, status).await);
    let response = app.form(page.0, page.1).await;
    let page_status = response.status().as_u16();
    let from_page = page_fields(&response.text().await.unwrap());
    assert_eq!(page_status, status, "{}: the page and the API answer alike", page.0);
    assert_eq!(from_page, from_api, "{}: the page and the API name the same fields", page.0);
    assert!(from_api.iter().any(|f| f == field), "{}: {field} is named in {from_api:?}", api.0);
}

story!(the_incident_pages_and_the_api_refuse_the_same_input_with_the_same_field, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 51).await;
    let director = app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    app.sign_in("directeur@proef.nl", PASSWORD).await;

    let report = json!({"school_id": f.school, "what_happened": "Telefoon kwijt", "discovered_at": "2030-01-01T09:00"});
    let form =
        [("school_id", f.school.as_str()), ("what_happened", "Telefoon kwijt"), ("discovered_at", "2030-01-01T09:00")];
    refused_alike(&app, &director, ("/api/v1/incidents", report), ("/incidenten/melden", &form), "discovered_at").await;

    let body =
        json!({"school_id": f.school, "what_happened": "Telefoon kwijt", "discovered_at": "2026-11-22T09:00:00+01:00"});
    let id = json(app.post(&director, "/api/v1/incidents", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let api = |action: &str| format!("/api/v1/incidents/{id}/{action}");
    let page = |action: &str| format!("/incidenten/{id}/{action}");

    // Before the assessment: no notification, no follow-up, no closing.
    let long = "x".repeat(4001);
    let notification = json!({"ap_reference": long, "sent_at": "2030-01-01T09:00"});
    let form = [("ap_reference", long.as_str()), ("sent_at", "2030-01-01T09:00")];
    refused_alike(
        &app,
        &director,
        (&api("authority-notification"), notification),
        (&page("ap-melding"), &form),
        "ap_reference",
    )
    .await;
    refused_alike(&app, &director, (&api("follow-ups"), json!({"content": ""})), (&page("aanvulling"), &[]), "content")
        .await;
    let closing = json!({"measures": "Wachtwoorden gewijzigd", "cause": ""});
    let form = [("measures", "Wachtwoorden gewijzigd")];
    refused_alike(&app, &director, (&api("close"), closing), (&page("afsluiten"), &form), "cause").await;
    let letters = json!({"decision": "letters"});
    refused_alike(
        &app,
        &director,
        (&api("letters"), letters),
        (&page("brieven"), &[("decision", "letters")]),
        "measures",
    )
    .await;
    refused_alike(
        &app,
        &director,
        (&api("subjects"), json!({"pupil_ids": ["niet-bestaand"]})),
        (&page("betrokkenen"), &[("pupil_ids", "niet-bestaand")]),
        "pupil_ids",
    )
    .await;
    refused_alike_by(
        &app,
        &director,
        Method::PUT,
        (&api("measures"), json!({"measures": long})),
        (&page("maatregelen"), &[("measures", long.as_str())]),
        "measures",
    )
    .await;
});

story!(the_request_pages_and_the_api_refuse_the_same_input_with_the_same_field, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 52).await;
    let director = app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    app.sign_in("directeur@proef.nl", PASSWORD).await;

    let future = json!({"kind": "access", "subject_pupil_id": f.pupil, "received_on": "2030-01-01"});
    let form = [("kind", "access"), ("subject_pupil_id", f.pupil.as_str()), ("received_on", "2030-01-01")];
    refused_alike(&app, &director, ("/api/v1/requests", future), ("/verzoeken", &form), "received_on").await;

    let body = json!({"kind": "objection", "subject_pupil_id": f.pupil, "requester_guardian_id": f.guardian,
        "received_on": "2026-11-20"});
    let id = json(app.post(&director, "/api/v1/requests", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let api = |action: &str| format!("/api/v1/requests/{id}/{action}");
    let page = |action: &str| format!("/verzoeken/{id}/{action}");

    let extension = json!({"requester_told_on": "2026-11-21"});
    refused_alike(
        &app,
        &director,
        (&api("extension"), extension),
        (&page("verlengen"), &[("requester_told_on", "2026-11-21")]),
        "reason",
    )
    .await;
    let decision = json!({"outcome": "misschien"});
    refused_alike(
        &app,
        &director,
        (&api("decision"), decision),
        (&page("besluit"), &[("outcome", "misschien")]),
        "outcome",
    )
    .await;
    let balancing = json!({"outcome": "upheld"});
    refused_alike(
        &app,
        &director,
        (&api("balancing"), balancing),
        (&page("afweging"), &[("outcome", "upheld")]),
        "balancing",
    )
    .await;
    let restriction = json!({"purpose": "reclamezuil"});
    refused_alike(
        &app,
        &director,
        (&api("restriction"), restriction),
        (&page("beperken"), &[("purpose", "reclamezuil")]),
        "purpose",
    )
    .await;
    // The wrong kind of request for telling recipients: a conflict on both.
    let told = json!({"recipients": ["Leerlingvolgsysteem"], "told_on": "2026-11-21"});
    let form = [("recipients", "Leerlingvolgsysteem"), ("told_on", "2026-11-21")];
    refused_alike(&app, &director, (&api("recipients-told"), told), (&page("ontvangers"), &form), "kind").await;
});

story!(the_school_pages_and_the_api_refuse_the_same_input_with_the_same_field, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 55).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;

    // A school: a wrong BRIN code, a field the command does not know, a BRIN code in use.
    let school = json!({"name": "OBS Nieuw", "brin": "ABCD"});
    let form = [("name", "OBS Nieuw"), ("brin", "ABCD")];
    refused_alike(&app, &admin, ("/api/v1/schools", school), ("/scholen", &form), "brin").await;
    let school = json!({"name": "OBS Nieuw", "brin": "56AA", "kleur": "rood"});
    let form = [("name", "OBS Nieuw"), ("brin", "56AA"), ("kleur", "rood")];
    refused_alike(&app, &admin, ("/api/v1/schools", school), ("/scholen", &form), "kleur").await;
    let school = json!({"name": "OBS Nieuw", "brin": "55AA"});
    let form = [("name", "OBS Nieuw"), ("brin", "55AA")];
    refused_alike(&app, &admin, ("/api/v1/schools", school), ("/scholen", &form), "brin").await;

    // A group: no name, and a name the school already has.
    let page = format!("/scholen/{}", f.school);
    let group = json!({"school_id": f.school, "name": ""});
    refused_alike(&app, &admin, ("/api/v1/groups", group), (&page, &[("name", "")]), "name").await;
    let group = json!({"school_id": f.school, "name": "Groep 3"});
    refused_alike(&app, &admin, ("/api/v1/groups", group), (&page, &[("name", "Groep 3")]), "name").await;
});

story!(the_holidays_page_and_the_api_refuse_the_same_equated_day_with_the_same_field, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;

    let day = json!({"date": "2026-02-30", "description": "brugdag"});
    let form = [("date", "2026-02-30"), ("description", "brugdag")];
    refused_alike(&app, &admin, ("/api/v1/equated-days", day), ("/feestdagen", &form), "date").await;
    let day = json!({"date": "2026-05-15"});
    refused_alike(
        &app,
        &admin,
        ("/api/v1/equated-days", day),
        ("/feestdagen", &[("date", "2026-05-15")]),
        "description",
    )
    .await;
    // The page adds a day as the API does; the same day again is a conflict on both.
    let form = [("date", "2026-05-15"), ("description", "vrijdag na Hemelvaartsdag")];
    assert_eq!(app.form("/feestdagen", &form).await.status(), 303);
    let day = json!({"date": "2026-05-15", "description": "vrijdag na Hemelvaartsdag"});
    refused_alike(&app, &admin, ("/api/v1/equated-days", day), ("/feestdagen", &form), "date").await;
});

story!(the_account_pages_and_the_api_refuse_the_same_input_with_the_same_field, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 56).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;

    let user = json!({"email": "geen-adres", "name": "Nieuwe Juf", "roles": ["OP"], "scope": "groups",
        "scope_ids": [f.group]});
    let form =
        [("email", "geen-adres"), ("name", "Nieuwe Juf"), ("role", "OP"), ("scope", "groups"), ("group_id", &f.group)];
    refused_alike(&app, &admin, ("/api/v1/users", user), ("/gebruikers", &form), "email").await;
    // A school scope without its school.
    let user = json!({"email": "directeur@proef.nl", "name": "Nieuwe Directeur", "roles": ["D"], "scope": "school"});
    let form = [("email", "directeur@proef.nl"), ("name", "Nieuwe Directeur"), ("role", "D"), ("scope", "school")];
    refused_alike(&app, &admin, ("/api/v1/users", user), ("/gebruikers", &form), "scope_ids").await;
    // An address already in use.
    let user = json!({"email": "ibp@proef.nl", "name": "Nog een", "roles": ["FG"], "scope": "board"});
    let form = [("email", "ibp@proef.nl"), ("name", "Nog een"), ("role", "FG"), ("scope", "board")];
    refused_alike(&app, &admin, ("/api/v1/users", user), ("/gebruikers", &form), "email").await;

    refused_alike(&app, &admin, ("/api/v1/tokens", json!({"name": ""})), ("/tokens", &[("name", "")]), "name").await;
});

story!(what_a_reporter_types_appears_in_the_letter_exactly_as_typed, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 53).await;
    app.staff(&board, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let director = app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let typed = "Mail met { $dpo } en { $recipient } in de tekst";
    let body = json!({"school_id": f.school, "what_happened": typed, "discovered_at": "2026-11-22T09:00:00+01:00"});
    let id = json(app.post(&director, "/api/v1/incidents", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    json(app.post(&director, &format!("/api/v1/incidents/{id}/subjects"), &json!({"pupil_ids": [f.pupil]})).await, 200)
        .await;
    let letters = json!({"decision": "letters", "consequences": "Weinig.", "measures": "Excuses aangeboden."});
    json(app.post(&director, &format!("/api/v1/incidents/{id}/letters"), &letters).await, 200).await;
    let outbox = app.store.board(&board).outbox(50).await.unwrap();
    let letter = outbox.iter().find(|m| m.body.contains("Mail met")).expect("the letter");
    assert!(letter.body.contains(typed), "{}", letter.body);
    assert!(!letter.body.contains("fg@proef.nl) en"), "the FG's address is not put into the reporter's words");
});

/// The text between `open` and the next `close` in `html`.
fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).map_or(html.len(), |at| at + open.len());
    html[start..].split_once(close).map_or("", |(inside, _)| inside)
}

story!(the_assessment_explains_itself_in_dutch_on_the_page_and_in_the_ap_draft, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 54).await;
    let director = app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    let body =
        json!({"school_id": f.school, "what_happened": "Laptop kwijt", "discovered_at": "2026-11-22T09:00:00+01:00"});
    let id = json(app.post(&director, "/api/v1/incidents", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    // A few facts left open, so the page also explains what it assumed.
    let facts = json!({"facts": {"personal_data": true, "confidentiality": "unknown_recipient",
        "data_categories": ["health", "contact"], "children": true}});
    let assessed = json(app.post(&director, &format!("/api/v1/incidents/{id}/assessment"), &facts).await, 200).await;
    let codes: Vec<&str> =
        assessed["outcome"]["reasons"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert!(codes.iter().any(|c| c.starts_with("unknown.")), "the API keeps the rule codes: {codes:?}");

    app.sign_in("directeur@proef.nl", PASSWORD).await;
    let (status, html) = app.page(&format!("/incidenten/{id}")).await;
    assert_eq!(status, 200);
    let reasons = between(&html, "<ol class=\"reasons\">", "</ol>");
    let consequences = between(&html, "id=\"concept-consequences\" readonly rows=\"3\">", "</textarea>");
    assert!(reasons.matches("<li>").count() >= 3, "{reasons}");
    for text in [reasons, consequences] {
        assert!(!text.trim().is_empty());
        for code in &codes {
            assert!(!text.contains(code), "a rule code on the page: {code} in {text}");
        }
        let lower = text.to_lowercase();
        for foreign in ["[", "seed", "enisa", "guidelines", " the ", " and ", " with ", "methodology", "overview"] {
            assert!(!lower.contains(foreign), "'{foreign}' on the page: {text}");
        }
    }
});

story!(the_remaining_page_forms_and_the_api_refuse_the_same_input_with_the_same_field, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 55).await;
    let director = app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;

    // The assessment: overruling the outcome without a written reason.
    let body =
        json!({"school_id": f.school, "what_happened": "Laptop kwijt", "discovered_at": "2026-11-22T09:00:00+01:00"});
    let id = json(app.post(&director, "/api/v1/incidents", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let facts = json!({"personal_data": true, "confidentiality": "unknown_recipient", "data_categories": ["health"],
        "children": true, "encrypted": false});
    let api = json!({"facts": facts, "overrule": {"notify_authority": false}});
    let form = [
        ("personal_data", "ja"),
        ("confidentiality", "unknown_recipient"),
        ("data_categories", "health"),
        ("children", "ja"),
        ("encrypted", "nee"),
        ("overrule_authority", "nee"),
    ];
    app.sign_in("directeur@proef.nl", PASSWORD).await;
    let path = format!("/incidenten/{id}/beoordeling");
    refused_alike(
        &app,
        &director,
        (&format!("/api/v1/incidents/{id}/assessment"), api),
        (&path, &form),
        "overrule.reason",
    )
    .await;

    // A paper consent form dated in the future.
    let decision = json!({"pupil_id": f.pupil, "purpose": "website", "decision": "granted", "guardian_id": f.guardian,
        "channel": "paper", "decided_at": "2030-01-01T11:00:00Z"});
    let form = [("beslisser", f.guardian.as_str()), ("datum", "2030-01-01"), ("keuze_website", "ja")];
    let path = format!("/leerlingen/{}/toestemming", f.pupil);
    refused_alike(&app, &director, ("/api/v1/consent-decisions", decision), (&path, &form), "decided_at").await;
    app.sign_out().await;

    // The board's recipients of pupil data: a name too long for the list.
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    let long = "x".repeat(201);
    let put = ("/api/v1/board/recipients", json!({"recipients": [long]}));
    refused_alike_by(
        &app,
        &admin,
        Method::PUT,
        put,
        ("/verzoeken/ontvangers", &[("recipients", long.as_str())]),
        "recipients",
    )
    .await;

    // A correction after a rectification request: a birth date that cannot be.
    let body = json!({"kind": "rectification", "subject_pupil_id": f.pupil, "requester_guardian_id": f.guardian,
        "received_on": "2026-11-20"});
    let request = json(app.post(&admin, "/api/v1/requests", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let patch = (format!("/api/v1/pupils/{}", f.pupil), json!({"birth_date": "2019-02-30"}));
    let form = [("given_name", "Sanne"), ("surname", "Berg"), ("birth_date", "2019-02-30")];
    let path = format!("/verzoeken/{request}/corrigeren");
    refused_alike_by(&app, &admin, Method::PATCH, (&patch.0, patch.1), (&path, &form), "birth_date").await;
});

story!(the_consent_round_page_and_the_api_refuse_the_same_reminder_choice_with_the_same_field, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 56).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    let path = "/toestemming/ronde/herinneren";
    let api = "/api/v1/consent-round/reminders";
    refused_alike(&app, &admin, (api, json!({"confirm": true})), (path, &[("confirm", "ja")]), "school_id").await;
    let wrong = json!({"school_id": f.school, "group_id": f.other_group});
    let form = [("school_id", f.school.as_str()), ("group_id", f.other_group.as_str())];
    refused_alike(&app, &admin, (api, wrong), (path, &form), "group_id").await;
    let both = json!({"school_id": f.school, "whole_board": true});
    let form = [("school_id", f.school.as_str()), ("whole_board", "ja")];
    refused_alike(&app, &admin, (api, both), (path, &form), "whole_board").await;
});

story!(the_consent_round_page_and_the_api_refuse_the_same_invitation_choice_with_the_same_field, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 57).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    let (path, api) = ("/toestemming/ronde/uitnodigen", "/api/v1/consent-round/invitations");
    refused_alike(&app, &admin, (api, json!({})), (path, &[]), "school_id").await;
    let wrong = json!({"school_id": f.school, "group_id": f.other_group, "confirm": true});
    let form = [("school_id", f.school.as_str()), ("group_id", f.other_group.as_str()), ("confirm", "ja")];
    refused_alike(&app, &admin, (api, wrong), (path, &form), "group_id").await;
    assert!(app.store.board(&board).outbox(10).await.unwrap().is_empty(), "nothing is sent");
});

story!(the_dpia_screening_page_and_the_api_refuse_the_same_input_with_the_same_field, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    let api = ("/api/v1/dpia-screenings/assess", json!({"subjects": ["pupils"], "subject_count": 0}));
    let page = ("/dpia/screening", &[("subjects", "pupils"), ("subject_count", "0")][..]);
    refused_alike(&app, &token, api, page, "data_categories").await;
});

story!(the_camera_pages_and_the_api_refuse_the_same_input_with_the_same_field, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 57).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;

    let camera = json!({"school_id": f.school, "name": "Plein", "location": "Kleedkamer", "coverage": "Het plein",
        "balancing": "Afgewogen", "signs": true, "viewers": "Directeur", "retention": "P2M"});
    let form = [
        ("school_id", f.school.as_str()),
        ("name", "Plein"),
        ("location", "Kleedkamer"),
        ("coverage", "Het plein"),
        ("balancing", "Afgewogen"),
        ("signs", "ja"),
        ("viewers", "Directeur"),
        ("retention", "P2M"),
    ];
    refused_alike(&app, &admin, ("/api/v1/cameras", camera.clone()), ("/cameratoezicht", &form), "retention").await;

    let mut good = camera;
    good["location"] = json!("Hoofdingang");
    good["retention"] = json!("P4W");
    let id = json(app.post(&admin, "/api/v1/cameras", &good).await, 201).await["id"].as_str().unwrap().to_owned();
    refused_alike_by(
        &app,
        &admin,
        Method::PATCH,
        (&format!("/api/v1/cameras/{id}"), json!({"coverage": "Toiletten"})),
        (&format!("/cameratoezicht/{id}"), &[("coverage", "Toiletten")]),
        "coverage",
    )
    .await;

    let police = json!({"kind": "disclosure", "from": "2026-11-20T15:30", "to": "2026-11-20T16:15",
        "reason": "incident", "explanation": "Aangifte", "recipient": "police"});
    let form = [
        ("kind", "disclosure"),
        ("from", "2026-11-20T15:30"),
        ("to", "2026-11-20T16:15"),
        ("reason", "incident"),
        ("explanation", "Aangifte"),
        ("recipient", "police"),
    ];
    let log = (format!("/api/v1/cameras/{id}/log"), format!("/cameratoezicht/{id}/logboek"));
    refused_alike(&app, &admin, (&log.0, police), (&log.1, &form), "request_reference").await;

    let hold = json!({"camera_id": id, "from": "2026-11-20T15:30", "to": "2026-11-20T15:00", "reason": "Aangifte"});
    let form = [("from", "2026-11-20T15:30"), ("to", "2026-11-20T15:00"), ("reason", "Aangifte")];
    refused_alike(
        &app,
        &admin,
        ("/api/v1/footage-holds", hold),
        (&format!("/cameratoezicht/{id}/bewaren"), &form),
        "to",
    )
    .await;
});
