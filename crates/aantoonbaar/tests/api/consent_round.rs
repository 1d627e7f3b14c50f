//! The consent round: invitations and reminders for a chosen school or group
//! after a preview, an invitation never twice to one person about one child in
//! a school year and a reminder not within the interval, and the progress per
//! group that opens the pupils nobody answered for.

use crate::helpers::{Fixture, PASSWORD, TestApp, create_pupil, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use aantoonbaar_store::OutboxMail;
use serde_json::json;

/// A custodial guardian with an address, linked to `pupil`; returns the guardian's id.
async fn parent(app: &TestApp, token: &str, pupil: &str, given_name: &str, email: &str) -> String {
    let body = json!({"given_name": given_name, "surname": "Eik", "email": email});
    let g = json(app.post(token, "/api/v1/guardians", &body).await, 201).await;
    let id = g["id"].as_str().unwrap().to_owned();
    let link = json!({"guardian_id": id, "relation": "father", "holds_custody": true, "recognised": true});
    json(app.post(token, &format!("/api/v1/pupils/{pupil}/guardians"), &link).await, 201).await;
    id
}

async fn group(app: &TestApp, token: &str, school: &str, name: &str) -> String {
    let g = json(app.post(token, "/api/v1/groups", &json!({"school_id": school, "name": name})).await, 201).await;
    g["id"].as_str().unwrap().to_owned()
}

async fn reminders(app: &TestApp, f: &Fixture) -> Vec<OutboxMail> {
    let outbox = app.store.board(&f.board).outbox(100).await.unwrap();
    outbox.into_iter().filter(|m| m.subject.starts_with("Herinnering")).collect()
}

async fn invitations(app: &TestApp, f: &Fixture) -> Vec<OutboxMail> {
    let outbox = app.store.board(&f.board).outbox(100).await.unwrap();
    outbox.into_iter().filter(|m| m.subject.starts_with("Toestemming voor")).collect()
}

/// The fixture (Eva for the pupil of OBS De Linde, Groep 3; Piet for the pupil
/// of CBS De Eik) plus Kees for a pupil in Groep 5 of OBS De Linde.
async fn three_families(app: &TestApp) -> (Fixture, String, String) {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(app, &token, 61).await;
    parent(app, &token, &f.other_pupil, "Piet", "piet@voorbeeld.nl").await;
    let fifth = group(app, &token, &f.school, "Groep 5").await;
    let pupil = create_pupil(app, &token, &f.school, &fifth, "1005").await;
    parent(app, &token, &pupil, "Kees", "kees@voorbeeld.nl").await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    (f, fifth, pupil)
}

story!(reminders_go_only_to_the_chosen_school_or_group_after_a_preview_that_counts_them, |app| {
    let (f, fifth, _) = three_families(&app).await;

    // No school chosen: refused, with the field named; nothing is sent.
    let refused = app.form("/toestemming/ronde/herinneren", &[]).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains(r#"data-field="school_id""#) && page.contains("kies een school"), "{page}");

    // The preview of one school counts its two parents and sends nothing.
    let preview = app.form("/toestemming/ronde/herinneren", &[("school_id", &f.school)]).await;
    assert_eq!(preview.status(), 200);
    let page = preview.text().await.unwrap();
    assert!(page.contains("2 herinneringen gaan naar 2 ouders."), "{page}");
    assert!(page.contains(r#"name="confirm""#), "the preview asks for a confirmation: {page}");
    assert!(reminders(&app, &f).await.is_empty(), "a preview sends nothing");

    // One group of that school: only Kees.
    let preview = app.form("/toestemming/ronde/herinneren", &[("school_id", &f.school), ("group_id", &fifth)]).await;
    assert!(preview.text().await.unwrap().contains("1 herinnering gaat naar 1 ouder."));
    let sent = app
        .form("/toestemming/ronde/herinneren", &[("school_id", &f.school), ("group_id", &fifth), ("confirm", "ja")])
        .await;
    assert_eq!(sent.headers()["location"], "/toestemming/ronde?verstuurd=1");
    let to: Vec<String> = reminders(&app, &f).await.into_iter().map(|m| m.recipient).collect();
    assert_eq!(to, ["kees@voorbeeld.nl"]);

    // The API previews and confirms alike; the other school's parent is not mailed.
    let token = &f.admin;
    let counted =
        json(app.post(token, "/api/v1/consent-round/reminders", &json!({"school_id": f.school})).await, 200).await;
    assert_eq!((counted["sent"].clone(), counted["reminders"].clone()), (json!(false), json!(1)), "{counted}");
    assert_eq!(counted["skipped"], 1, "Kees was just reminded: {counted}");
    assert_eq!(counted["school"], "OBS De Linde");
    let body = json!({"school_id": f.school, "confirm": true});
    let sent = json(app.post(token, "/api/v1/consent-round/reminders", &body).await, 200).await;
    assert_eq!(
        (sent["sent"].clone(), sent["reminders"].clone(), sent["parents"].clone()),
        (json!(true), json!(1), json!(1))
    );
    let mut to: Vec<String> = reminders(&app, &f).await.into_iter().map(|m| m.recipient).collect();
    to.sort_unstable();
    assert_eq!(to, ["eva@voorbeeld.nl", "kees@voorbeeld.nl"], "Piet's school was not chosen");

    // Wrong choices are refused by field; a director cannot reach another school.
    let bad = json(app.post(token, "/api/v1/consent-round/reminders", &json!({})).await, 422).await;
    assert_eq!(bad["errors"][0]["field"], "school_id");
    let bad = json!({"school_id": f.school, "group_id": f.other_group});
    let bad = json(app.post(token, "/api/v1/consent-round/reminders", &bad).await, 422).await;
    assert_eq!(bad["errors"][0]["field"], "group_id");
    let director = app.staff(&f.board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.other_school]).await;
    let body = json!({"school_id": f.school, "confirm": true});
    let bad = json(app.post(&director, "/api/v1/consent-round/reminders", &body).await, 422).await;
    assert_eq!(bad["errors"][0]["field"], "school_id");
    // The whole board only when asked for explicitly: then Piet as well.
    let whole =
        json(app.post(token, "/api/v1/consent-round/reminders", &json!({"whole_board": true})).await, 200).await;
    assert_eq!((whole["reminders"].clone(), whole["skipped"].clone()), (json!(1), json!(2)), "{whole}");
    assert!(whole["school"].is_null());
});

story!(a_second_confirmation_within_the_interval_sends_no_reminder_again, |app| {
    let (f, _, _) = three_families(&app).await;
    let confirm = [("school_id", f.school.as_str()), ("confirm", "ja")];

    // A double click: two confirmations at the same moment, then the back button and a resend.
    let (first, second) = tokio::join!(
        app.form("/toestemming/ronde/herinneren", &confirm),
        app.form("/toestemming/ronde/herinneren", &confirm)
    );
    assert_eq!((first.status(), second.status()), (reqwest::StatusCode::SEE_OTHER, reqwest::StatusCode::SEE_OTHER));
    assert_eq!(reminders(&app, &f).await.len(), 2, "one to Eva and one to Kees, however often confirmed");
    let again = app.form("/toestemming/ronde/herinneren", &confirm).await;
    assert_eq!(again.headers()["location"], "/toestemming/ronde?verstuurd=0");
    let body = json!({"school_id": f.school, "confirm": true});
    let api = json(app.post(&f.admin, "/api/v1/consent-round/reminders", &body).await, 200).await;
    assert_eq!((api["reminders"].clone(), api["skipped"].clone()), (json!(0), json!(2)), "{api}");
    assert_eq!(reminders(&app, &f).await.len(), 2);

    // The preview says why nothing goes.
    let preview = app.form("/toestemming/ronde/herinneren", &[("school_id", &f.school)]).await;
    let page = preview.text().await.unwrap();
    assert!(
        page.contains("Er gaan nu geen herinneringen weg.") && page.contains("2 herinneringen gaan niet"),
        "{page}"
    );
    assert!(page.contains("afgelopen 7 dagen") && !page.contains(r#"name="confirm""#), "{page}");

    // After the interval (7 days) they may go again, once.
    app.clock.advance(jiff::SignedDuration::from_hours(6 * 24));
    app.post(&f.admin, "/api/v1/consent-round/reminders", &body).await;
    assert_eq!(reminders(&app, &f).await.len(), 2, "six days later: still nothing");
    app.clock.advance(jiff::SignedDuration::from_hours(24));
    let api = json(app.post(&f.admin, "/api/v1/consent-round/reminders", &body).await, 200).await;
    assert_eq!(api["reminders"], 2, "{api}");
    app.post(&f.admin, "/api/v1/consent-round/reminders", &body).await;
    assert_eq!(reminders(&app, &f).await.len(), 4);
});

story!(the_reminder_names_the_child_and_the_school, |app| {
    let (f, _, bram) = three_families(&app).await;
    json(app.patch(&f.admin, &format!("/api/v1/pupils/{bram}"), &json!({"given_name": "Bram"})).await, 200).await;
    // The pupil of CBS De Eik turned 16 and decides herself, at her own address.
    let grown = json!({"birth_date": "2010-03-04", "enrolment_date": "2014-08-20", "email": "sanne@voorbeeld.nl"});
    json(app.patch(&f.admin, &format!("/api/v1/pupils/{}", f.other_pupil), &grown).await, 200).await;
    let body = json!({"whole_board": true, "confirm": true});
    let sent = json(app.post(&f.admin, "/api/v1/consent-round/reminders", &body).await, 200).await;
    assert_eq!(
        (sent["reminders"].clone(), sent["parents"].clone(), sent["pupils"].clone()),
        (json!(3), json!(2), json!(1))
    );
    let mails = reminders(&app, &f).await;
    let to = |address: &str| mails.iter().find(|m| m.recipient == address).unwrap();
    let kees = to("kees@voorbeeld.nl");
    assert!(
        kees.body.contains("Bram van der Berg op OBS De Linde") && kees.subject.contains("Bram van der Berg"),
        "{}",
        kees.body
    );
    assert!(!kees.body.contains("Sanne"), "a reminder is about one child: {}", kees.body);
    let eva = to("eva@voorbeeld.nl");
    assert!(eva.body.contains("Sanne van der Berg op OBS De Linde"), "{}", eva.body);
    let sanne = to("sanne@voorbeeld.nl");
    assert!(
        sanne.body.starts_with("Beste Sanne van der Berg") && sanne.body.contains("op CBS De Eik"),
        "{}",
        sanne.body
    );
    assert!(mails.iter().all(|m| m.recipient != "piet@voorbeeld.nl"), "her father no longer decides");
});

story!(invitations_go_only_to_the_chosen_school_or_group_after_a_preview_that_counts_them, |app| {
    let (f, fifth, bram) = three_families(&app).await;
    json(app.patch(&f.admin, &format!("/api/v1/pupils/{bram}"), &json!({"given_name": "Bram"})).await, 200).await;

    // No choice: refused on the page and by the API, with the field named; nothing is sent.
    let refused = app.form("/toestemming/ronde/uitnodigen", &[("confirm", "ja")]).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(page.contains(r#"data-field="school_id""#) && page.contains("kies een school"), "{page}");
    let bad = json(app.post(&f.admin, "/api/v1/consent-round/invitations", &json!({})).await, 422).await;
    assert_eq!(bad["errors"][0]["field"], "school_id");
    assert!(bad["errors"][0]["detail"].as_str().unwrap().starts_with("kies een school"), "{bad}");
    assert!(invitations(&app, &f).await.is_empty());

    // The preview of one school counts its two parents and sends nothing.
    let preview = app.form("/toestemming/ronde/uitnodigen", &[("school_id", &f.school)]).await;
    assert_eq!(preview.status(), 200);
    let page = preview.text().await.unwrap();
    assert!(page.contains("2 uitnodigingen gaan naar 2 ouders."), "{page}");
    assert!(page.contains(r#"action="/toestemming/ronde/uitnodigen""#) && page.contains(r#"name="confirm""#), "{page}");
    assert!(invitations(&app, &f).await.is_empty(), "a preview sends nothing");

    // One group of that school: only Kees, about Bram at OBS De Linde.
    let group = [("school_id", f.school.as_str()), ("group_id", fifth.as_str())];
    let preview = app.form("/toestemming/ronde/uitnodigen", &group).await;
    assert!(preview.text().await.unwrap().contains("1 uitnodiging gaat naar 1 ouder."));
    let sent = app.form("/toestemming/ronde/uitnodigen", &[group[0], group[1], ("confirm", "ja")]).await;
    assert_eq!(sent.headers()["location"], "/toestemming/ronde?verstuurd=1");
    let mails = invitations(&app, &f).await;
    assert_eq!(mails.iter().map(|m| m.recipient.as_str()).collect::<Vec<_>>(), ["kees@voorbeeld.nl"]);
    assert!(mails[0].subject.contains("Bram van der Berg"), "{}", mails[0].subject);
    assert!(mails[0].body.contains("OBS De Linde foto's en video's van Bram van der Berg"), "{}", mails[0].body);

    // The API previews and confirms the school alike: Eva, not Kees again, not Piet of the other school.
    let counted =
        json(app.post(&f.admin, "/api/v1/consent-round/invitations", &json!({"school_id": f.school})).await, 200).await;
    assert_eq!(
        (counted["sent"].clone(), counted["invitations"].clone(), counted["skipped"].clone()),
        (json!(false), json!(1), json!(1)),
        "{counted}"
    );
    let body = json!({"school_id": f.school, "confirm": true});
    let sent = json(app.post(&f.admin, "/api/v1/consent-round/invitations", &body).await, 200).await;
    assert_eq!((sent["sent"].clone(), sent["invitations"].clone()), (json!(true), json!(1)), "{sent}");
    let mut to: Vec<String> = invitations(&app, &f).await.into_iter().map(|m| m.recipient).collect();
    to.sort_unstable();
    assert_eq!(to, ["eva@voorbeeld.nl", "kees@voorbeeld.nl"], "Piet's school was not chosen");
});

story!(a_second_confirmation_sends_no_invitation_again_but_a_pupil_or_guardian_added_later_gets_one, |app| {
    let (f, fifth, bram) = three_families(&app).await;
    let confirm = [("school_id", f.school.as_str()), ("confirm", "ja")];

    // A double click: two confirmations at the same moment, then the back button and an API resend.
    let (first, second) = tokio::join!(
        app.form("/toestemming/ronde/uitnodigen", &confirm),
        app.form("/toestemming/ronde/uitnodigen", &confirm)
    );
    assert_eq!((first.status(), second.status()), (reqwest::StatusCode::SEE_OTHER, reqwest::StatusCode::SEE_OTHER));
    assert_eq!(invitations(&app, &f).await.len(), 2, "one to Eva and one to Kees, however often confirmed");
    let again = app.form("/toestemming/ronde/uitnodigen", &confirm).await;
    assert_eq!(again.headers()["location"], "/toestemming/ronde?verstuurd=0");
    let body = json!({"school_id": f.school, "confirm": true});
    let api = json(app.post(&f.admin, "/api/v1/consent-round/invitations", &body).await, 200).await;
    assert_eq!((api["invitations"].clone(), api["skipped"].clone()), (json!(0), json!(2)), "{api}");
    // Nor a month later: an invitation goes once per school year.
    app.clock.advance(jiff::SignedDuration::from_hours(30 * 24));
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    let preview = app.form("/toestemming/ronde/uitnodigen", &[("school_id", &f.school)]).await;
    let page = preview.text().await.unwrap();
    assert!(
        page.contains("Er gaan nu geen uitnodigingen weg.") && page.contains("2 uitnodigingen gaan niet"),
        "{page}"
    );
    assert!(page.contains("dit schooljaar al een uitnodiging") && !page.contains(r#"name="confirm""#), "{page}");
    assert_eq!(invitations(&app, &f).await.len(), 2);

    // A pupil enrolled later and a second parent of Bram are invited on the next sending, once.
    let later = create_pupil(&app, &f.admin, &f.school, &fifth, "1006").await;
    parent(&app, &f.admin, &later, "Lies", "lies@voorbeeld.nl").await;
    parent(&app, &f.admin, &bram, "Ria", "ria@voorbeeld.nl").await;
    let sent = json(app.post(&f.admin, "/api/v1/consent-round/invitations", &body).await, 200).await;
    assert_eq!((sent["invitations"].clone(), sent["skipped"].clone()), (json!(2), json!(2)), "{sent}");
    app.post(&f.admin, "/api/v1/consent-round/invitations", &body).await;
    let mut to: Vec<String> = invitations(&app, &f).await.into_iter().map(|m| m.recipient).collect();
    to.sort_unstable();
    assert_eq!(to, ["eva@voorbeeld.nl", "kees@voorbeeld.nl", "lies@voorbeeld.nl", "ria@voorbeeld.nl"]);
});

/// The position of `needle` in `page`, which must contain it.
fn at(page: &str, needle: &str) -> usize {
    assert!(page.contains(needle), "{needle} not on the page: {page}");
    page.find(needle).unwrap()
}

story!(the_round_lists_its_groups_by_school_and_then_by_group_number, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let mut number = 3000;
    let mut ids: Vec<(&str, &str, String)> = Vec::new();
    for (school, brin) in [("Zonnewijzer", "71AA"), ("Akker", "71BB")] {
        let s = json(app.post(&token, "/api/v1/schools", &json!({"name": school, "brin": brin})).await, 201).await;
        let s = s["id"].as_str().unwrap().to_owned();
        for name in ["Schakelklas", "Groep 10", "Groep 2", "Groep 8", "Groep 1"] {
            let g = group(&app, &token, &s, name).await;
            number += 1;
            create_pupil(&app, &token, &s, &g, &number.to_string()).await;
            ids.push((school, name, g));
        }
    }
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    let (status, page) = app.page("/toestemming/ronde").await;
    assert_eq!(status, 200);
    let row = |school: &str, name: &str| {
        let (_, _, id) = ids.iter().find(|(s, n, _)| *s == school && *n == name).unwrap();
        at(&page, &format!("/toestemming/ronde/groepen/{id}\""))
    };
    let order = [
        row("Akker", "Groep 1"),
        row("Akker", "Groep 2"),
        row("Akker", "Groep 8"),
        row("Akker", "Groep 10"),
        row("Akker", "Schakelklas"),
        row("Zonnewijzer", "Groep 1"),
        row("Zonnewijzer", "Groep 2"),
        row("Zonnewijzer", "Groep 8"),
        row("Zonnewijzer", "Groep 10"),
        row("Zonnewijzer", "Schakelklas"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "rows by school, then Groep 1, 2, 8, 10, then the others");
});

story!(a_progress_row_opens_the_pupils_nobody_answered_for_and_the_view_is_audited, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &token, 62).await;
    // A second Sanne van der Berg in the same group, with a father without an address.
    let twin = create_pupil(&app, &token, &f.school, &f.group, "1002").await;
    let body = json!({"given_name": "Joost", "surname": "Berg"});
    let joost = json(app.post(&token, "/api/v1/guardians", &body).await, 201).await;
    let link = json!({"guardian_id": joost["id"], "relation": "father", "holds_custody": true, "recognised": true});
    json(app.post(&token, &format!("/api/v1/pupils/{twin}/guardians"), &link).await, 201).await;
    let grant = json!({"pupil_id": f.pupil, "purpose": "website", "decision": "granted", "guardian_id": f.guardian, "channel": "staff"});
    json(app.post(&token, "/api/v1/consent-decisions", &grant).await, 201).await;

    app.sign_in("ibp@proef.nl", PASSWORD).await;
    let (_, page) = app.page("/toestemming/ronde").await;
    let link = format!("/toestemming/ronde/groepen/{}", f.group);
    assert!(page.contains(&format!("href=\"{link}\"")), "{page}");
    let (status, open) = app.page(&link).await;
    assert_eq!(status, 200);
    assert!(open.contains("OBS De Linde") && open.contains("Groep 3"), "{open}");
    assert!(open.contains("1002") && open.contains("04-03-2019"), "number and birth date tell the twins apart: {open}");
    assert!(!open.contains("1001"), "the pupil Eva answered for is not listed: {open}");
    assert!(open.contains("Joost Berg") && open.contains("geen e-mailadres"), "{open}");

    let trail = app.store.board(&board).audit_trail(50).await.unwrap();
    assert!(
        trail.iter().any(|e| e.action == "view" && e.entity == "pupil" && e.entity_id == twin),
        "the list is a view of the pupil's data"
    );
    // A director of another school cannot open the group.
    app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.other_school]).await;
    app.sign_out().await;
    app.sign_in("directeur@proef.nl", PASSWORD).await;
    assert_eq!(app.page(&link).await.0, 404);
    assert_eq!(app.page(&format!("/toestemming/ronde/groepen/{}", f.other_group)).await.0, 200);
});
