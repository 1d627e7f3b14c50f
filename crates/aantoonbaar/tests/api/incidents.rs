//! The incident register: a report reaches the people who must act, the
//! director assesses it, the AP is notified within 72 hours, the parents get a
//! letter, and the incident is closed with an evaluation.

use crate::helpers::{Fixture, TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use aantoonbaar_store::BoardId;
use jiff::SignedDuration;
use serde_json::{Value, json};

struct Board {
    id: BoardId,
    admin: String,
    f: Fixture,
    teacher: String,
    director: String,
}

async fn board(app: &TestApp) -> Board {
    let id = app.board("Stichting Proef").await;
    let admin = app.staff(&id, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(app, &admin, 41).await;
    app.staff(&id, "fg@proef.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let teacher = app.staff(&id, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    let director = app.staff(&id, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;
    app.staff(&id, "directeur-eik@proef.nl", Role::D, ScopeKind::School, &[&f.other_school]).await;
    Board { id, admin, f, teacher, director }
}

fn lost_laptop(school: &str) -> Value {
    json!({
        "school_id": school,
        "what_happened": "Laptop met zorgdossiers van groep 3 in de trein laten liggen",
        "discovered_at": "2026-11-22T09:00:00+01:00",
        "data_concerned": "zorgdossiers, handelingsplannen",
        "people_concerned": "leerlingen van groep 3",
        "device": "laptop van school, niet versleuteld",
        "ongoing": false
    })
}

async fn report(app: &TestApp, token: &str, body: &Value) -> (String, String) {
    let reported = json(app.post(token, "/api/v1/incidents", body).await, 201).await;
    (reported["id"].as_str().unwrap().to_owned(), reported["reference"].as_str().unwrap().to_owned())
}

fn notifiable_facts() -> Value {
    json!({"facts": {
        "personal_data": true, "confidentiality": "unknown_recipient", "integrity": "none", "availability": "permanent",
        "malicious": false, "exfiltration": "suspected", "data_categories": ["health", "identification"],
        "subjects": 28, "children": true, "vulnerable": false, "encrypted": false, "key_compromised": false,
        "recipient_confirmed_deletion": false, "backup_restored": false, "risk_removed_by_measures": false,
        "individual_contact_disproportionate": false, "aware_at": "2026-11-22T09:30:00+01:00"
    }})
}

story!(a_lost_laptop_goes_from_report_to_closed_with_letters_to_the_parents, |app| {
    let b = board(&app).await;
    let (id, reference) = report(&app, &b.teacher, &lost_laptop(&b.f.school)).await;
    assert_eq!(reference, "INC-2026-0001");

    // The IBP manager, the FG and the school's director hear at once; the other
    // school's director does not; the reporter gets the reference.
    let outbox = app.store.board(&b.id).outbox(20).await.unwrap();
    let mut told: Vec<&str> =
        outbox.iter().filter(|m| m.subject.starts_with("Nieuwe melding")).map(|m| m.recipient.as_str()).collect();
    told.sort_unstable();
    assert_eq!(told, ["directeur@proef.nl", "fg@proef.nl", "ibp@proef.nl"]);
    let confirmation = outbox.iter().find(|m| m.recipient == "juf@proef.nl").expect("a confirmation");
    assert!(confirmation.body.contains("INC-2026-0001"), "{}", confirmation.body);
    assert!(!outbox.iter().any(|m| m.body.contains("zorgdossiers")), "mails name the reference, not the contents");

    // The director assesses: a breach, to notify within 72 hours of awareness.
    let assessed =
        json(app.post(&b.director, &format!("/api/v1/incidents/{id}/assessment"), &notifiable_facts()).await, 200)
            .await;
    assert_eq!(assessed["outcome"]["is_breach"], true);
    assert_eq!(assessed["notify_authority"], true);
    assert_eq!(assessed["outcome"]["authority_deadline"], "2026-11-25T09:30:00+01:00");
    assert_eq!(assessed["decided_by"], "directeur@proef.nl");

    // The AP notification, with the AP's reference and a follow-up (art. 33 lid 4).
    let notified = app
        .post(
            &b.director,
            &format!("/api/v1/incidents/{id}/authority-notification"),
            &json!({"ap_reference": "M-123456"}),
        )
        .await;
    assert_eq!(notified.status(), 204);
    let follow_up = json!({"content": "De laptop is niet teruggevonden; alle wachtwoorden zijn gewijzigd."});
    json(app.post(&b.director, &format!("/api/v1/incidents/{id}/follow-ups"), &follow_up).await, 201).await;

    // Letters to the guardians of the linked pupil.
    let linked = json(
        app.post(&b.director, &format!("/api/v1/incidents/{id}/subjects"), &json!({"pupil_ids": [b.f.pupil]})).await,
        200,
    )
    .await;
    assert_eq!(linked[0]["kind"], "pupil");
    let letters = json!({"decision": "letters", "consequences": "Iemand kan de zorggegevens van uw kind inzien.",
                         "measures": "We hebben aangifte gedaan en de accounts geblokkeerd."});
    let sent = json(app.post(&b.director, &format!("/api/v1/incidents/{id}/letters"), &letters).await, 200).await;
    assert_eq!(sent.as_array().unwrap().len(), 1);
    assert_eq!(sent[0]["recipient_email"], "eva@voorbeeld.nl");
    let outbox = app.store.board(&b.id).outbox(30).await.unwrap();
    let letter = outbox.iter().find(|m| m.recipient == "eva@voorbeeld.nl").expect("a letter to the mother");
    assert!(letter.body.contains("functionaris gegevensbescherming"), "{}", letter.body);
    assert!(letter.body.contains("aangifte gedaan"), "the measures: {}", letter.body);

    // Closing needs measures, cause and evaluation.
    let incomplete =
        json(app.post(&b.director, &format!("/api/v1/incidents/{id}/close"), &json!({"measures": "x"})).await, 422)
            .await;
    let fields: Vec<&str> =
        incomplete["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["cause", "evaluation"]);
    let closing = json!({"measures": "Alle laptops versleuteld", "cause": "Onversleutelde laptop", "evaluation": "Melding ging snel"});
    assert_eq!(app.post(&b.director, &format!("/api/v1/incidents/{id}/close"), &closing).await.status(), 204);

    let detail = json(app.get(&b.admin, &format!("/api/v1/incidents/{id}")).await, 200).await;
    assert_eq!(detail["status"], "closed");
    assert_eq!(detail["authority_reference"], "M-123456");
    assert_eq!(detail["evaluation"], "Melding ging snel");
    assert_eq!(detail["follow_ups"].as_array().unwrap().len(), 1);
    assert_eq!(detail["letters"][0]["recipient_name"], "Eva Berg");
    let draft: Vec<&str> =
        detail["authority_draft"].as_array().unwrap().iter().map(|d| d["field"].as_str().unwrap()).collect();
    for field in ["nature", "people", "subjects", "records", "dpo", "consequences", "measures"] {
        assert!(draft.contains(&field), "art. 33(3) field {field} in {draft:?}");
    }
    assert!(detail["authority_draft"].to_string().contains("fg@proef.nl"));

    // Closed is history.
    let again = app.post(&b.director, &format!("/api/v1/incidents/{id}/assessment"), &notifiable_facts()).await;
    assert_eq!(again.status(), 422);
});

story!(overruling_the_outcome_needs_a_written_reason, |app| {
    let b = board(&app).await;
    let (id, _) = report(&app, &b.teacher, &lost_laptop(&b.f.school)).await;
    let mut body = notifiable_facts();
    body["overrule"] = json!({"notify_authority": false});
    let refused = json(app.post(&b.director, &format!("/api/v1/incidents/{id}/assessment"), &body).await, 422).await;
    assert_eq!(refused["errors"][0]["field"], "overrule.reason");
    body["overrule"]["reason"] = json!("De laptop is binnen het uur teruggevonden, ongeopend.");
    let decided = json(app.post(&b.director, &format!("/api/v1/incidents/{id}/assessment"), &body).await, 200).await;
    assert_eq!(decided["outcome"]["notify_authority"], true, "the outcome stays on record");
    assert_eq!(decided["notify_authority"], false);
    let detail = json(app.get(&b.admin, &format!("/api/v1/incidents/{id}")).await, 200).await;
    assert_eq!(detail["assessment"]["overrule_reason"], "De laptop is binnen het uur teruggevonden, ongeopend.");
    assert_eq!(detail["authority_deadline"], Value::Null, "no AP clock once decided not to notify");
});

story!(a_late_notification_to_the_authority_must_give_the_reasons_for_the_delay, |app| {
    let b = board(&app).await;
    let (id, _) = report(&app, &b.teacher, &lost_laptop(&b.f.school)).await;
    json(app.post(&b.director, &format!("/api/v1/incidents/{id}/assessment"), &notifiable_facts()).await, 200).await;
    app.clock.advance(SignedDuration::from_hours(73));
    let path = format!("/api/v1/incidents/{id}/authority-notification");
    let refused = json(app.post(&b.director, &path, &json!({"ap_reference": "M-9"})).await, 422).await;
    assert_eq!(refused["errors"][0]["field"], "delay_reason");
    let body = json!({"ap_reference": "M-9", "delay_reason": "De directeur was op kamp zonder bereik."});
    assert_eq!(app.post(&b.director, &path, &body).await.status(), 204);
    let detail = json(app.get(&b.admin, &format!("/api/v1/incidents/{id}")).await, 200).await;
    assert_eq!(detail["overdue"], true);
    assert_eq!(detail["delay_reason"], "De directeur was op kamp zonder bereik.");
});

story!(the_deadline_warnings_go_out_at_24_and_8_hours_left_once_each, |app| {
    let b = board(&app).await;
    let (id, reference) = report(&app, &b.teacher, &lost_laptop(&b.f.school)).await;
    // Aware at 09:30 on 22 November: the deadline is 25 November 09:30.
    json(app.post(&b.director, &format!("/api/v1/incidents/{id}/assessment"), &notifiable_facts()).await, 200).await;
    let warnings = |outbox: &[aantoonbaar_store::OutboxMail], hours: &str| -> Vec<String> {
        let mut to: Vec<String> = outbox
            .iter()
            .filter(|m| m.subject == format!("Nog {hours} uur: melding {reference} aan de AP"))
            .map(|m| m.recipient.clone())
            .collect();
        to.sort();
        to
    };
    assert_eq!(app.jobs.run_once().await.unwrap().deadline_warnings, 0);
    app.clock.advance(SignedDuration::from_hours(47)); // 24 Nov 09:00: 24 h 30 min left
    assert_eq!(app.jobs.run_once().await.unwrap().deadline_warnings, 0);
    app.clock.advance(SignedDuration::from_mins(31)); // 23 h 59 min left
    assert_eq!(app.jobs.run_once().await.unwrap().deadline_warnings, 1);
    assert_eq!(app.jobs.run_once().await.unwrap().deadline_warnings, 0, "once");
    let outbox = app.store.board(&b.id).outbox(50).await.unwrap();
    assert_eq!(warnings(&outbox, "24"), ["directeur@proef.nl", "fg@proef.nl", "ibp@proef.nl"]);
    assert!(outbox.iter().any(|m| m.body.contains("25-11-2026 09:30")), "the deadline to the minute");

    app.clock.advance(SignedDuration::from_hours(16)); // 7 h 59 min left
    assert_eq!(app.jobs.run_once().await.unwrap().deadline_warnings, 1);
    assert_eq!(app.jobs.run_once().await.unwrap().deadline_warnings, 0, "once");
    let outbox = app.store.board(&b.id).outbox(50).await.unwrap();
    assert_eq!(warnings(&outbox, "8").len(), 3);

    app.clock.advance(SignedDuration::from_hours(8)); // past the deadline
    let report = app.jobs.run_once().await.unwrap();
    assert_eq!((report.deadline_warnings, report.overdue), (0, 1));
    assert_eq!(app.jobs.run_once().await.unwrap().overdue, 0, "marked once");
    let detail = json(app.get(&b.admin, &format!("/api/v1/incidents/{id}")).await, 200).await;
    assert_eq!(detail["overdue"], true);
});

story!(a_report_a_day_after_discovery_is_flagged_and_references_count_up, |app| {
    let b = board(&app).await;
    let mut body = lost_laptop(&b.f.school);
    body["discovered_at"] = json!("2026-11-21T09:59:00+01:00");
    let first = json(app.post(&b.teacher, "/api/v1/incidents", &body).await, 201).await;
    assert_eq!(first["reported_late"], true);
    body["discovered_at"] = json!("2026-11-21T10:00:00+01:00");
    let second = json(app.post(&b.teacher, "/api/v1/incidents", &body).await, 201).await;
    assert_eq!(second["reported_late"], false);
    assert_eq!(second["reference"], "INC-2026-0002");

    let bad = json!({"what_happened": "", "discovered_at": "morgen", "device": "x".repeat(4001), "kleur": "rood"});
    let problem = json(app.post(&b.teacher, "/api/v1/incidents", &bad).await, 422).await;
    let mut fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["device", "discovered_at", "kleur", "what_happened"]);
    body["discovered_at"] = json!("2026-11-23T10:00:00+01:00");
    let future = json(app.post(&b.teacher, "/api/v1/incidents", &body).await, 422).await;
    assert_eq!(future["errors"][0]["code"], "incident.discovered_in_future");
});

story!(teachers_see_their_own_reports_directors_their_school_and_the_pupil_page_shows_its_incidents, |app| {
    let b = board(&app).await;
    let (mine, _) = report(&app, &b.teacher, &lost_laptop(&b.f.school)).await;
    let (other, _) = report(&app, &b.admin, &lost_laptop(&b.f.other_school)).await;
    let ids = |list: &Value| -> Vec<String> {
        list.as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(ids(&json(app.get(&b.teacher, "/api/v1/incidents").await, 200).await), [mine.as_str()]);
    assert_eq!(ids(&json(app.get(&b.director, "/api/v1/incidents").await, 200).await), [mine.as_str()]);
    assert_eq!(ids(&json(app.get(&b.admin, "/api/v1/incidents").await, 200).await), [other.as_str(), mine.as_str()]);
    assert_eq!(app.get(&b.director, &format!("/api/v1/incidents/{other}")).await.status(), 404);
    assert_eq!(
        app.post(&b.director, &format!("/api/v1/incidents/{other}/assessment"), &notifiable_facts()).await.status(),
        404
    );
    let filtered =
        json(app.get(&b.admin, &format!("/api/v1/incidents?school_id={}", b.f.other_school)).await, 200).await;
    assert_eq!(ids(&filtered), [other.as_str()]);
    let wrong = json(app.get(&b.admin, "/api/v1/incidents?status=open").await, 422).await;
    assert_eq!(wrong["errors"][0]["field"], "status");

    // A pupil of another school cannot be linked by this director.
    let refused = app
        .post(&b.director, &format!("/api/v1/incidents/{mine}/subjects"), &json!({"pupil_ids": [b.f.other_pupil]}))
        .await;
    assert_eq!(json(refused, 422).await["errors"][0]["field"], "pupil_ids");
    app.post(&b.director, &format!("/api/v1/incidents/{mine}/subjects"), &json!({"pupil_ids": [b.f.pupil]})).await;

    // The pupil's page lists the incident that concerns them, the other pupil's does not.
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let (status, page) = app.page(&format!("/leerlingen/{}", b.f.pupil)).await;
    assert_eq!(status, 200);
    assert!(page.contains("INC-2026-0001"), "{page}");
    app.sign_out().await;
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let (_, page) = app.page(&format!("/leerlingen/{}", b.f.other_pupil)).await;
    assert!(!page.contains("INC-2026-0001"));
});

story!(on_the_pages_a_teacher_reports_in_one_form_and_the_director_assesses_with_the_decision_tree, |app| {
    let b = board(&app).await;
    app.sign_in("juf@proef.nl", crate::helpers::PASSWORD).await;
    let (status, form) = app.page("/incidenten/melden").await;
    assert_eq!(status, 200);
    assert!(form.contains("Wat is er gebeurd?"));
    let missing = app.form("/incidenten/melden", &[("what_happened", ""), ("discovered_at", "2026-11-22T09:15")]).await;
    assert_eq!(missing.status(), 422);
    assert!(missing.text().await.unwrap().contains("dit veld is verplicht"));
    let sent = app
        .form(
            "/incidenten/melden",
            &[
                ("what_happened", "Telefoon met schoolmail verloren in de bus"),
                ("discovered_at", "2026-11-22T09:15"),
                ("school_id", &b.f.school),
                ("device", "telefoon"),
            ],
        )
        .await;
    assert_eq!(sent.headers()["location"], "/incidenten?gemeld=INC-2026-0001");
    let (_, register) = app.page("/incidenten?gemeld=INC-2026-0001").await;
    assert!(register.contains("INC-2026-0001") && register.contains("Gemeld"), "{register}");
    let incidents = json(app.get(&b.admin, "/api/v1/incidents").await, 200).await;
    let id = incidents[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(incidents[0]["discovered_at"], "2026-11-22T09:15:00+01:00", "the form's time is Dutch time");
    let (status, own) = app.page(&format!("/incidenten/{id}")).await;
    assert_eq!(status, 200, "a teacher reads her own report");
    assert!(own.contains("Telefoon met schoolmail verloren in de bus"), "{own}");
    assert!(!own.contains("Gaat het om persoonsgegevens"), "but not its handling: {own}");
    app.sign_out().await;

    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let (_, page) = app.page(&format!("/incidenten/{id}")).await;
    assert!(page.contains("Gaat het om persoonsgegevens"), "the decision tree: {page}");
    let overrule_without_reason = app
        .form(
            &format!("/incidenten/{id}/beoordeling"),
            &[("personal_data", "ja"), ("confidentiality", "unknown_recipient"), ("overrule_authority", "nee")],
        )
        .await;
    assert_eq!(overrule_without_reason.status(), 422);
    let answers = [
        ("personal_data", "ja"),
        ("confidentiality", "unknown_recipient"),
        ("data_categories", "contact"),
        ("data_categories", "communications"),
        ("subjects", "30"),
        ("children", "ja"),
        ("encrypted", "nee"),
        ("aware_at", "2026-11-22T09:30"),
    ];
    let assessed = app.form(&format!("/incidenten/{id}/beoordeling"), &answers).await;
    assert_eq!(assessed.status(), 303, "{}", assessed.text().await.unwrap());
    let (_, page) = app.page(&format!("/incidenten/{id}")).await;
    assert!(page.contains("25-11-2026 09:30"), "the deadline to the minute: {page}");
    assert!(page.contains("Contactgegevens functionaris gegevensbescherming"), "the AP draft");
    let (_, dashboard) = app.page("/").await;
    assert!(dashboard.contains("INC-2026-0001") && dashboard.contains("nog 2 d 23 u"), "{dashboard}");

    let late = app
        .form(&format!("/incidenten/{id}/ap-melding"), &[("ap_reference", "M-77"), ("sent_at", "2026-11-25T10:00")])
        .await;
    assert_eq!(late.status(), 422, "a notification dated after the deadline needs a reason");
    app.clock.advance(SignedDuration::from_hours(1));
    let notified = app.form(&format!("/incidenten/{id}/ap-melding"), &[("ap_reference", "M-77")]).await;
    assert_eq!(notified.status(), 303);
    let (_, dashboard) = app.page("/").await;
    assert!(!dashboard.contains("INC-2026-0001"), "the clock stops once the AP is notified");
    let follow_up =
        app.form(&format!("/incidenten/{id}/aanvulling"), &[("content", "Telefoon op afstand gewist")]).await;
    assert_eq!(follow_up.status(), 303);
    assert!(app.page(&format!("/incidenten/{id}")).await.1.contains("Telefoon op afstand gewist"));

    let csv = app.client.get(format!("{}/incidenten.csv", app.address)).send().await.unwrap().text().await.unwrap();
    assert!(csv.contains("INC-2026-0001") && csv.contains("M-77"), "{csv}");
    let xlsx = app.client.get(format!("{}/incidenten.xlsx?status=assessed", app.address)).send().await.unwrap();
    assert_eq!(xlsx.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(xlsx.bytes().await.unwrap().starts_with(b"PK"), "a zip container");

    // The people concerned, the letters (with a PDF each) and closing, all on the page.
    let (_, page) = app.page(&format!("/incidenten/{id}?leerling=Sanne")).await;
    assert!(page.contains(&format!("value=\"{}\"", b.f.pupil)), "the school's pupil is found: {page}");
    assert!(!page.contains(&b.f.other_pupil), "only the school's pupils");
    let linked = app.form(&format!("/incidenten/{id}/betrokkenen"), &[("pupil_ids", &b.f.pupil)]).await;
    assert_eq!(linked.status(), 303);
    let letters = [
        ("decision", "letters"),
        ("consequences", "Iemand kan berichten over uw kind lezen."),
        ("measures", "De telefoon is op afstand gewist."),
    ];
    assert_eq!(app.form(&format!("/incidenten/{id}/brieven"), &letters).await.status(), 303);
    let (_, page) = app.page(&format!("/incidenten/{id}")).await;
    let start = page.find("/brieven/").expect("a link to the letter");
    let pdf_path = format!("/incidenten/{id}{}", page[start..].split('"').next().unwrap());
    let pdf = app.client.get(format!("{}{pdf_path}", app.address)).send().await.unwrap();
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));
    let close =
        [("measures", "Telefoon gewist"), ("cause", "Verlies"), ("evaluation", "Snel gemeld, goed afgehandeld")];
    assert_eq!(app.form(&format!("/incidenten/{id}/afsluiten"), &close).await.status(), 303);
    let (_, page) = app.page(&format!("/incidenten/{id}")).await;
    assert!(page.contains("Afgesloten") && page.contains("Snel gemeld, goed afgehandeld"));
    let audit = app
        .store
        .board(&b.id)
        .audit_search(&aantoonbaar_store::AuditFilter {
            pupil: Some("1001".to_owned()),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(
        audit.iter().any(|e| e.action == "view" && e.actor == "directeur@proef.nl"),
        "seeing the linked pupil is audited"
    );
});

story!(anyone_reports_a_vulnerability_on_the_public_page_under_a_pseudonym_and_hears_how_it_goes, |app| {
    let b = board(&app).await;
    let path = "/kwetsbaarheid-melden/Stichting%20Proef";
    let (status, page) = app.page(path).await;
    assert_eq!(status, 200);
    assert!(page.contains("binnen 3 dagen") && page.contains("pseudoniem"), "the policy: {page}");
    assert_eq!(app.page("/kwetsbaarheid-melden/Onbekend").await.0, 404);

    let report = [
        ("name", "WitteHoed"),
        ("email", "hoed@example.org"),
        ("what_happened", "Het leerlingportaal toont bij ?id=2 de gegevens van een andere leerling."),
        ("device", "https://portaal.example/leerling?id=2"),
    ];
    let sent = app.form(path, &report).await;
    assert_eq!(sent.status(), 200);
    let receipt = sent.text().await.unwrap();
    assert!(
        receipt.contains("INC-2026-0001") && receipt.contains("25-11-2026 10:00"),
        "reference and answer date: {receipt}"
    );

    let listed = json(app.get(&b.admin, "/api/v1/incidents?kind=vulnerability").await, 200).await;
    assert_eq!(listed[0]["channel"], "public");
    assert_eq!(listed[0]["reporter_name"], "WitteHoed");
    let id = listed[0]["id"].as_str().unwrap().to_owned();
    let outbox = app.store.board(&b.id).outbox(20).await.unwrap();
    assert!(outbox.iter().any(|m| m.recipient == "hoed@example.org" && m.body.contains("INC-2026-0001")));
    assert!(outbox.iter().any(|m| m.recipient == "ibp@proef.nl"), "the IBP manager is told");

    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let (_, page) = app.page(&format!("/incidenten/{id}")).await;
    assert!(page.contains("reageer de melder uiterlijk op <strong>25-11-2026 10:00"), "the 3-day clock: {page}");
    app.sign_out().await;
    json(
        app.post(&b.admin, &format!("/api/v1/incidents/{id}/assessment"), &json!({"facts": {"personal_data": false}}))
            .await,
        200,
    )
    .await;
    let outbox = app.store.board(&b.id).outbox(30).await.unwrap();
    let status_mail = outbox.iter().any(|m| m.recipient == "hoed@example.org" && m.body.contains("is nu: Beoordeeld"));
    assert!(status_mail, "a status mail to the reporter");

    let too_long = "x".repeat(4001);
    let refused = app.form(path, &[("what_happened", too_long.as_str()), ("email", "geen-adres")]).await;
    assert_eq!(refused.status(), 422);
    let text = refused.text().await.unwrap();
    assert!(text.contains("te lang") && text.contains("e-mailadres"), "{text}");

    // One address cannot flood the register.
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(app.form(path, &[("what_happened", "nog een")]).await.status().as_u16());
    }
    assert_eq!(statuses, [200, 200, 200, 429]);
});

story!(a_parent_reports_a_breach_through_the_portal, |app| {
    let b = board(&app).await;
    app.form("/ouders", &[("email", "eva@voorbeeld.nl")]).await;
    let outbox = app.store.board(&b.id).outbox(1).await.unwrap();
    let start = outbox[0].body.find("/ouders/inloggen/").unwrap();
    let link = outbox[0].body[start..].split_whitespace().next().unwrap().to_owned();
    app.form(&link, &[]).await;
    let (status, page) = app.page("/ouders/melden").await;
    assert_eq!(status, 200, "{page}");
    let sent = app
        .form(
            "/ouders/melden",
            &[
                ("what_happened", "Ik kreeg het rapport van een ander kind gemaild."),
                ("discovered_at", "2026-11-22T08:00"),
            ],
        )
        .await;
    assert_eq!(sent.status(), 200);
    assert!(sent.text().await.unwrap().contains("INC-2026-0001"));
    let listed = json(app.get(&b.director, "/api/v1/incidents").await, 200).await;
    assert_eq!(listed[0]["channel"], "portal", "at the school of the child, so the director sees it");
    let outbox = app.store.board(&b.id).outbox(20).await.unwrap();
    assert!(outbox.iter().any(|m| m.recipient == "eva@voorbeeld.nl" && m.subject.contains("INC-2026-0001")));
});

story!(the_register_exports_cannot_run_a_formula, |app| {
    let b = board(&app).await;
    let mut body = lost_laptop(&b.f.school);
    body["what_happened"] = json!("=HYPERLINK(\"http://evil.example\",\"klik\")");
    report(&app, &b.teacher, &body).await;
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let response = app.client.get(format!("{}/incidenten.csv", app.address)).send().await.unwrap();
    let csv = response.text().await.unwrap();
    assert!(csv.contains("'=HYPERLINK("), "the formula is kept as text: {csv}");
    assert!(!csv.contains(";=HYPERLINK(") && !csv.contains(";\"=HYPERLINK("), "no cell starts with =: {csv}");
});

/// The incident's id from the register, newest first.
async fn newest(app: &TestApp, token: &str) -> String {
    json(app.get(token, "/api/v1/incidents").await, 200).await[0]["id"].as_str().unwrap().to_owned()
}

/// How often the audit trail records a view of `pupil`.
async fn pupil_views(app: &TestApp, board: &BoardId, pupil: &str) -> usize {
    let filter = aantoonbaar_store::AuditFilter { limit: 1000, ..Default::default() };
    let trail = app.store.board(board).audit_search(&filter).await.unwrap();
    trail.iter().filter(|e| e.action == "view" && e.entity_id == pupil).count()
}

/// Who was told of a new report, sorted.
async fn told_of_new(app: &TestApp, board: &BoardId, reference: &str) -> Vec<String> {
    let outbox = app.store.board(board).outbox(50).await.unwrap();
    let mut told: Vec<String> = outbox
        .iter()
        .filter(|m| m.subject.starts_with(&format!("Nieuwe melding {reference}")))
        .map(|m| m.recipient.clone())
        .collect();
    told.sort();
    told
}

story!(a_teachers_report_goes_to_her_own_schools_director_and_a_board_wide_one_says_who_is_told, |app| {
    let b = board(&app).await;
    // The form preselects the teacher's only school; board-wide is a choice that says who hears of it.
    app.sign_in("juf@proef.nl", crate::helpers::PASSWORD).await;
    let (_, form) = app.page("/incidenten/melden").await;
    assert!(form.contains(&format!("<option value=\"{}\" selected>OBS De Linde", b.f.school)), "{form}");
    assert!(!form.contains("CBS De Eik"), "only her own school");
    assert!(form.contains("geen directeur"), "the board-wide choice says the director is not told: {form}");
    app.sign_out().await;

    // Without a school the report is at her own school, so its director hears of it.
    let mut body = lost_laptop(&b.f.school);
    body.as_object_mut().unwrap().remove("school_id");
    let (id, reference) = report(&app, &b.teacher, &body).await;
    let detail = json(app.get(&b.admin, &format!("/api/v1/incidents/{id}")).await, 200).await;
    assert_eq!(detail["school_id"], b.f.school.as_str());
    assert_eq!(told_of_new(&app, &b.id, &reference).await, ["directeur@proef.nl", "fg@proef.nl", "ibp@proef.nl"]);

    // Someone who works at several schools chooses one, or board-wide.
    let refused = json(app.post(&b.admin, "/api/v1/incidents", &body).await, 422).await;
    assert_eq!(refused["errors"][0]["field"], "school_id");
    assert_eq!(refused["errors"][0]["detail"], "School: kies de school waar het om gaat, of kies bestuursbreed.");
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let (_, form) = app.page("/incidenten/melden").await;
    assert!(form.contains("<select id=\"school_id\" name=\"school_id\" required"), "{form}");
    assert!(form.contains("<option value=\"\">Kies een school</option>"), "{form}");
    body["school_id"] = json!("board");
    let (_, reference) = report(&app, &b.admin, &body).await;
    assert_eq!(told_of_new(&app, &b.id, &reference).await, ["fg@proef.nl", "ibp@proef.nl"], "no director");
});

story!(a_refused_assessment_keeps_every_answer_and_names_each_field_as_its_label_reads, |app| {
    let b = board(&app).await;
    let (id, _) = report(&app, &b.teacher, &lost_laptop(&b.f.school)).await;
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let answers = [
        ("personal_data", "ja"),
        ("confidentiality", "unknown_recipient"),
        ("data_categories", "health"),
        ("data_categories", "contact"),
        ("subjects", "ongeveer 30"),
        ("integrity", "misschien"),
        ("children", "ja"),
        ("aware_at", "2026-02-30T09:30"),
        ("overrule_reason", "Nog niet duidelijk"),
    ];
    let refused = app.form(&format!("/incidenten/{id}/beoordeling"), &answers).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains("Aantal betrokkenen: vul een heel getal in."), "{page}");
    assert!(page.contains("Datum en tijd van bewustworden: deze datum bestaat niet"), "{page}");
    let choice = "href=\"#vraag-integrity\">Zijn gegevens onbedoeld gewijzigd of beschadigd: een antwoord is niet";
    assert!(page.contains(choice), "a choice question is named by its question: {page}");
    assert!(!page.contains("RFC 3339") && !page.contains("subjects:"), "no codes, no English: {page}");
    // Each message is linked to its field, and the field to its message.
    assert!(page.contains("<li id=\"fout-subjects\" data-field=\"subjects\"><a href=\"#subjects\">"), "{page}");
    assert!(page.contains("value=\"ongeveer 30\" aria-invalid=\"true\" aria-describedby=\"fout-subjects\""), "{page}");
    // Every answer as typed, not reset to "weet ik niet".
    for checked in ["personal_data-ja", "confidentiality-unknown_recipient", "data_categories-health", "children-ja"] {
        let input = page.split(&format!("id=\"{checked}\"")).nth(1).and_then(|rest| rest.split('>').next());
        assert!(input.is_some_and(|i| i.contains("checked")), "{checked} stays chosen: {page}");
    }
    let unknown = page.split("id=\"personal_data-onbekend\"").nth(1).and_then(|rest| rest.split('>').next());
    assert!(unknown.is_some_and(|i| !i.contains("checked")), "{page}");
    assert!(page.contains(">Nog niet duidelijk</textarea>"), "the reason as typed");

    // The same on the forms that follow: the AP notification and closing.
    json(app.post(&b.director, &format!("/api/v1/incidents/{id}/assessment"), &notifiable_facts()).await, 200).await;
    app.clock.advance(SignedDuration::from_hours(73));
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let late = app.form(&format!("/incidenten/{id}/ap-melding"), &[("ap_reference", "M-4711")]).await;
    assert_eq!(late.status(), 422);
    let page = late.text().await.unwrap();
    assert!(page.contains("Reden van de vertraging: de melding aan de AP is later dan 72 uur"), "{page}");
    assert!(!page.contains("delay_reason:"), "{page}");
    assert!(page.contains("value=\"M-4711\""), "the AP's reference as typed: {page}");
    assert!(page.contains("aria-invalid=\"true\" aria-describedby=\"fout-delay_reason delay-hint\""), "{page}");
    let closing = app.form(&format!("/incidenten/{id}/afsluiten"), &[("measures", "Wachtwoorden gewijzigd")]).await;
    let page = closing.text().await.unwrap();
    assert!(page.contains("Oorzaak: dit veld is verplicht."), "{page}");
    assert!(page.contains(">Wachtwoorden gewijzigd</textarea>"), "{page}");
});

story!(the_incident_page_names_who_decided_and_the_csv_too, |app| {
    let b = board(&app).await;
    let (id, _) = report(&app, &b.teacher, &lost_laptop(&b.f.school)).await;
    json(app.post(&b.director, &format!("/api/v1/incidents/{id}/assessment"), &notifiable_facts()).await, 200).await;
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let (_, page) = app.page(&format!("/incidenten/{id}")).await;
    assert!(page.contains("<dt>Besloten door</dt><dd>D Tester, 22-11-2026"), "the director's name: {page}");
    assert!(!page.contains("directeur@proef.nl"), "not the address: {page}");
    let csv = app.client.get(format!("{}/incidenten.csv", app.address)).send().await.unwrap().text().await.unwrap();
    assert!(csv.contains(";D Tester;") && !csv.contains("directeur@proef.nl"), "{csv}");
});

story!(a_discovery_years_ago_or_on_a_day_that_does_not_exist_is_refused_in_dutch, |app| {
    let b = board(&app).await;
    let mut body = lost_laptop(&b.f.school);
    body["discovered_at"] = json!("1999-11-22T09:00:00+01:00");
    let refused = json(app.post(&b.teacher, "/api/v1/incidents", &body).await, 422).await;
    assert_eq!(refused["errors"][0]["code"], "incident.too_long_ago");
    assert_eq!(
        refused["errors"][0]["detail"],
        "Wanneer heeft u het ontdekt: dit moment ligt meer dan 3 jaar terug; controleer het jaartal."
    );
    body["discovered_at"] = json!("2026-02-30T09:00");
    let refused = json(app.post(&b.teacher, "/api/v1/incidents", &body).await, 422).await;
    assert_eq!(refused["errors"][0]["code"], "incident.no_such_date");
    body["discovered_at"] = json!("2023-11-23T09:00:00+01:00");
    report(&app, &b.teacher, &body).await;

    // The form says the limits.
    app.sign_in("juf@proef.nl", crate::helpers::PASSWORD).await;
    let (_, form) = app.page("/incidenten/melden").await;
    assert!(form.contains("Maximaal 4.000 tekens."), "{form}");
    assert!(form.contains("niet meer dan 3 jaar terug"), "{form}");
    assert!(form.contains("min=\"2023-11-22T10:00\" max=\"2026-11-22T10:00\""), "{form}");
    let refused = app
        .form("/incidenten/melden", &[("what_happened", "Telefoon kwijt"), ("discovered_at", "1999-11-22T09:00")])
        .await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains("meer dan 3 jaar terug") && page.contains("value=\"1999-11-22T09:00\""), "{page}");
    assert!(page.contains(">Telefoon kwijt</textarea>"), "{page}");
});

story!(the_reference_on_the_confirmation_links_to_the_report_and_the_register_says_what_happened, |app| {
    let b = board(&app).await;
    app.sign_in("juf@proef.nl", crate::helpers::PASSWORD).await;
    let long =
        "Mijn telefoon met de schoolmail, de groepsapp en de foto's van de schoolreis is in bus 12 blijven liggen.";
    let sent = app.form("/incidenten/melden", &[("what_happened", long), ("discovered_at", "2026-11-22T09:15")]).await;
    let location = sent.headers()["location"].to_str().unwrap().to_owned();
    let id = newest(&app, &b.admin).await;
    let (_, register) = app.page(&location).await;
    assert!(
        register.contains(&format!("<a href=\"/incidenten/{id}\"><strong>INC-2026-0001</strong></a>")),
        "{register}"
    );
    let short = "<td>Mijn telefoon met de schoolmail, de groepsapp en de foto&#39;s van de schoolreis is…</td>";
    assert!(register.contains(short), "a short description, cut at a word: {register}");
    assert!(!register.contains("bus 12"), "shortened: {register}");
});

story!(pupils_are_linked_by_searching_name_and_group_and_each_pupil_shown_is_in_the_audit_trail, |app| {
    let b = board(&app).await;
    let (id, _) = report(&app, &b.teacher, &lost_laptop(&b.f.school)).await;
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let (_, page) = app.page(&format!("/incidenten/{id}")).await;
    assert!(!page.contains("multiple"), "no Ctrl-click list: {page}");
    assert!(page.contains("<form method=\"get\" action=\"/incidenten/"), "a search: {page}");
    let before = pupil_views(&app, &b.id, &b.f.pupil).await;

    let (_, found) = app.page(&format!("/incidenten/{id}?leerling=sanne&groep={}", b.f.group)).await;
    let checkbox = format!("<input type=\"checkbox\" id=\"leerling-{0}\" name=\"pupil_ids\" value=\"{0}\">", b.f.pupil);
    assert!(found.contains(&checkbox), "{found}");
    assert!(found.contains("Sanne van der Berg, Groep 3, geboren 04-03-2019"), "name, group and birth date: {found}");
    assert!(!found.contains(&b.f.other_pupil), "not the other school's pupil of the same name");
    assert_eq!(pupil_views(&app, &b.id, &b.f.pupil).await, before + 1, "a pupil shown is a view");
    let (_, other) = app.page(&format!("/incidenten/{id}?groep={}", b.f.other_group)).await;
    assert!(!other.contains(&b.f.other_pupil), "another school's group finds nothing: {other}");

    let linked = app.form(&format!("/incidenten/{id}/betrokkenen"), &[("pupil_ids", &b.f.pupil)]).await;
    assert_eq!(linked.status(), 303);
    let trail = app.store.board(&b.id).audit_trail(20).await.unwrap();
    assert!(
        trail.iter().any(|e| e.entity == "incident_subject" && e.actor == "directeur@proef.nl"),
        "the link is audited"
    );
    let (_, page) = app.page(&format!("/incidenten/{id}?leerling=sanne")).await;
    assert!(page.contains("Sanne van der Berg <span class=\"tag\">leerling</span>"), "{page}");
    assert!(!page.contains(&checkbox), "a linked pupil is not offered again");
});

story!(the_measures_are_written_in_the_ap_draft_and_carried_to_closing, |app| {
    let b = board(&app).await;
    let (id, _) = report(&app, &b.teacher, &lost_laptop(&b.f.school)).await;
    json(app.post(&b.director, &format!("/api/v1/incidents/{id}/assessment"), &notifiable_facts()).await, 200).await;
    app.sign_in("directeur@proef.nl", crate::helpers::PASSWORD).await;
    let (_, page) = app.page(&format!("/incidenten/{id}")).await;
    assert!(page.contains("<textarea class=\"area\" id=\"concept-measures\" name=\"measures\""), "editable: {page}");
    let too_long = "x".repeat(4001);
    let refused = app.form(&format!("/incidenten/{id}/maatregelen"), &[("measures", too_long.as_str())]).await;
    assert_eq!(refused.status(), 422);
    let text = refused.text().await.unwrap();
    assert!(text.contains("Genomen of voorgestelde maatregelen: deze tekst is te lang"), "{text}");
    assert!(text.contains("href=\"#concept-measures\""), "{text}");
    let measures = "Laptop op afstand gewist; wachtwoorden van groep 3 gewijzigd.";
    assert_eq!(app.form(&format!("/incidenten/{id}/maatregelen"), &[("measures", measures)]).await.status(), 303);
    let detail = json(app.get(&b.admin, &format!("/api/v1/incidents/{id}")).await, 200).await;
    let draft = detail["authority_draft"].as_array().unwrap();
    let field = draft.iter().find(|d| d["field"] == "measures").unwrap();
    assert_eq!(field["value"], measures, "in the AP draft");
    let (_, page) = app.page(&format!("/incidenten/{id}")).await;
    assert!(page.contains(&format!("\"close-hint\">{measures}</textarea>")), "kept, and ready for closing: {page}");
    let audit = app
        .store
        .board(&b.id)
        .audit_search(&aantoonbaar_store::AuditFilter { limit: 1000, ..Default::default() })
        .await
        .unwrap();
    assert!(audit.iter().any(|e| e.entity_id == id && e.fields.iter().any(|f| f == "measures")), "audited");
    let put = app.request(reqwest::Method::PUT, Some(&b.director), &format!("/api/v1/incidents/{id}/measures"));
    assert_eq!(put.json(&json!({"measures": "Ook de back-up gecontroleerd."})).send().await.unwrap().status(), 204);
});
