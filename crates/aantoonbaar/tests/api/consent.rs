//! Consent: the contract of decisions, objections, the publication check and settings.

use crate::helpers::{Fixture, TestApp, json, pdf_text};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use serde_json::{Value, json};

struct Family {
    token: String,
    pupil: String,
    mother: String,
    father: String,
}

/// A pupil of separated parents who both hold custody.
async fn family(app: &TestApp, birth_date: &str) -> Family {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let school =
        json(app.post(&token, "/api/v1/schools", &json!({"name": "OBS De Linde", "brin": "11AA"})).await, 201).await;
    let school = school["id"].as_str().unwrap().to_owned();
    let group =
        json(app.post(&token, "/api/v1/groups", &json!({"school_id": school, "name": "Groep 8"})).await, 201).await;
    let body = json!({"school_id": school, "group_id": group["id"], "given_name": "Noor", "surname": "Smit",
        "birth_date": birth_date, "external_number": "4001", "enrolment_date": "2022-08-20", "family_situation": "separated"});
    let pupil = json(app.post(&token, "/api/v1/pupils", &body).await, 201).await["id"].as_str().unwrap().to_owned();
    let mut ids = Vec::new();
    for (name, relation) in [("Eva", "mother"), ("Mark", "father")] {
        let g = json(app.post(&token, "/api/v1/guardians", &json!({"given_name": name, "surname": "Smit"})).await, 201)
            .await;
        let id = g["id"].as_str().unwrap().to_owned();
        let link = json!({"guardian_id": id, "relation": relation, "holds_custody": true, "recognised": true});
        json(app.post(&token, &format!("/api/v1/pupils/{pupil}/guardians"), &link).await, 201).await;
        ids.push(id);
    }
    Family { token, pupil, mother: ids[0].clone(), father: ids[1].clone() }
}

async fn decide(app: &TestApp, f: &Family, guardian: Option<&str>, decision: &str, at: &str, purpose: &str) -> Value {
    let mut body =
        json!({"pupil_id": f.pupil, "purpose": purpose, "decision": decision, "decided_at": at, "channel": "paper"});
    match guardian {
        Some(g) => body["guardian_id"] = json!(g),
        None => body["by_pupil"] = json!(true),
    }
    json(app.post(&f.token, "/api/v1/consent-decisions", &body).await, 201).await
}

async fn reason(app: &TestApp, f: &Family, date: &str) -> String {
    let check = json!({"purpose": "website", "pupil_ids": [f.pupil], "date": date});
    let verdict = json(app.post(&f.token, "/api/v1/publication-check", &check).await, 200).await;
    assert_eq!(verdict["allowed"], verdict["pupils"][0]["allowed"]);
    assert!(!verdict["pupils"][0]["explanation"].as_str().unwrap().is_empty());
    verdict["pupils"][0]["reason"].as_str().unwrap().to_owned()
}

story!(the_default_purposes_are_the_forms_with_a_versioned_text, |app| {
    let f = family(&app, "2018-03-04").await;
    let purposes = json(app.get(&f.token, "/api/v1/consent-purposes").await, 200).await;
    let codes: Vec<&str> = purposes.as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap()).collect();
    assert_eq!(
        codes,
        [
            "school_guide",
            "website",
            "parent_portal",
            "newsletter",
            "social_media_accounts",
            "social_media_in_class",
            "class_list",
            "medical_data",
            "information_from_institutions"
        ]
    );
    assert!(
        purposes
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["version"] == 1 && !p["description"].as_str().unwrap().is_empty())
    );
});

story!(a_grant_a_withdrawal_an_objection_and_a_later_grant_give_the_right_answers, |app| {
    let f = family(&app, "2018-03-04").await;
    assert_eq!(reason(&app, &f, "2026-11-22").await, "no_decision");
    let recorded = decide(&app, &f, Some(&f.mother), "granted", "2026-09-01T10:00:00+02:00", "website").await;
    assert_eq!(recorded["purpose_version"], 1);
    assert_eq!(recorded["recorded_by"], "ibp@proef.nl");
    assert_eq!(reason(&app, &f, "2026-11-22").await, "granted");
    assert_eq!(reason(&app, &f, "2026-08-31").await, "no_decision", "not yet decided on that day");

    // The father objects: his consent is needed too, until he grants.
    let objection = json!({"pupil_id": f.pupil, "guardian_id": f.father, "noted_at": "2026-10-01T09:00:00+02:00"});
    json(app.post(&f.token, "/api/v1/consent-objections", &objection).await, 201).await;
    assert_eq!(reason(&app, &f, "2026-11-22").await, "objection");
    decide(&app, &f, Some(&f.father), "granted", "2026-10-15T09:00:00+02:00", "website").await;
    assert_eq!(reason(&app, &f, "2026-11-22").await, "granted");

    // One parent withdrawing is always enough.
    decide(&app, &f, Some(&f.mother), "refused", "2026-11-01T09:00:00+01:00", "website").await;
    assert_eq!(reason(&app, &f, "2026-11-22").await, "withdrawn");
    // A different purpose is a different question.
    decide(&app, &f, Some(&f.mother), "granted", "2026-11-02T09:00:00+01:00", "newsletter").await;
    assert_eq!(reason(&app, &f, "2026-11-22").await, "withdrawn");
});

story!(decisions_sent_at_the_same_moment_are_all_kept_and_a_bad_one_fails_alone, |app| {
    let f = family(&app, "2018-03-04").await;
    let purposes = ["school_guide", "website", "parent_portal", "newsletter", "social_media_accounts"];
    // Forty answers at once (both parents, every purpose, four times): group
    // commit puts them in shared transactions, and every one is kept.
    let requests = (0..40).map(|i| {
        let guardian = if i % 2 == 0 { &f.mother } else { &f.father };
        let body = json!({"pupil_id": f.pupil, "purpose": purposes[i % purposes.len()], "decision": "granted",
            "guardian_id": guardian, "channel": "portal", "decided_at": "2026-11-20T09:00:00+01:00"});
        let token = f.token.clone();
        let app = &app;
        async move { app.post(&token, "/api/v1/consent-decisions", &body).await.status().as_u16() }
    });
    let statuses = futures_util::future::join_all(requests).await;
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    let board_id = app.board("Stichting Proef").await;
    let board = app.store.board(&board_id);
    assert_eq!(board.consent_history(&f.pupil).await.unwrap().len(), 40);
    assert!(app.store.verify_audit().await.unwrap().is_empty(), "the audit chain has no gap or fork");

    // In a batch, a decision for a pupil that does not exist fails alone.
    let good = aantoonbaar_store::NewConsentDecision {
        pupil_id: f.pupil.clone(),
        purpose: "website".to_owned(),
        choice: aantoonbaar_rules::consent::Choice::Refused,
        guardian_id: Some(f.father.clone()),
        by_pupil: false,
        decided_at: app.clock.now(),
        channel: aantoonbaar_store::Channel::Paper,
        signed: Some(true),
    };
    let bad = aantoonbaar_store::NewConsentDecision { pupil_id: "no-such-pupil".to_owned(), ..good.clone() };
    let actor = app.actor();
    let (bad, good) =
        tokio::join!(board.record_consent_decision(&actor, &bad), board.record_consent_decision(&actor, &good));
    assert!(matches!(bad, Err(aantoonbaar_store::StoreError::BadReference { field: "pupil_id" })), "{bad:?}");
    assert!(good.is_ok());
    assert_eq!(reason(&app, &f, "2026-11-22").await, "withdrawn");
    assert_eq!(board.consent_history(&f.pupil).await.unwrap().len(), 41);
});

story!(the_board_settings_decide_renewal_and_whether_both_separated_parents_must_grant, |app| {
    let f = family(&app, "2018-03-04").await;
    decide(&app, &f, Some(&f.mother), "granted", "2026-07-31T12:00:00+02:00", "website").await;
    assert_eq!(reason(&app, &f, "2026-07-31").await, "granted");
    assert_eq!(reason(&app, &f, "2026-08-01").await, "no_decision", "every school year anew, by default");

    let settings = json(app.get(&f.token, "/api/v1/board/settings").await, 200).await;
    assert_eq!(settings, json!({"consent_renewal": "yearly", "both_parents_when_separated": false}));
    let put = json!({"consent_renewal": "once", "both_parents_when_separated": true});
    let response =
        app.request(reqwest::Method::PUT, Some(&f.token), "/api/v1/board/settings").json(&put).send().await.unwrap();
    assert_eq!(json(response, 200).await, put);
    assert_eq!(reason(&app, &f, "2026-08-01").await, "both_parents_needed");
    decide(&app, &f, Some(&f.father), "granted", "2026-09-01T12:00:00+02:00", "website").await;
    assert_eq!(reason(&app, &f, "2026-09-02").await, "granted");

    let bad = json!({"consent_renewal": "sometimes"});
    let response =
        app.request(reqwest::Method::PUT, Some(&f.token), "/api/v1/board/settings").json(&bad).send().await.unwrap();
    assert_eq!(json(response, 422).await["errors"][0]["field"], "consent_renewal");
});

story!(from_the_sixteenth_birthday_only_the_pupil_decides, |app| {
    let f = family(&app, "2010-11-22").await;
    decide(&app, &f, Some(&f.mother), "granted", "2026-09-01T12:00:00+02:00", "website").await;
    assert_eq!(reason(&app, &f, "2026-11-21").await, "granted", "the day before the 16th birthday");
    assert_eq!(reason(&app, &f, "2026-11-22").await, "pupil_must_decide");
    decide(&app, &f, None, "granted", "2026-11-22T09:00:00+01:00", "website").await;
    assert_eq!(reason(&app, &f, "2026-11-22").await, "granted");
});

story!(bad_consent_input_names_the_field_and_other_pupils_stay_invisible, |app| {
    let f = family(&app, "2018-03-04").await;
    let both = json!({"pupil_id": f.pupil, "purpose": "website", "decision": "granted", "guardian_id": f.mother, "by_pupil": true, "channel": "paper"});
    let problem = json(app.post(&f.token, "/api/v1/consent-decisions", &both).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "guardian_id");
    let bad = json!({"pupil_id": f.pupil, "purpose": "billboard", "decision": "maybe", "guardian_id": f.mother, "channel": "fax"});
    let problem = json(app.post(&f.token, "/api/v1/consent-decisions", &bad).await, 422).await;
    let mut fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["channel", "decision", "purpose"]);
    let check = json!({"purpose": "website", "pupil_ids": [f.pupil, "00000000-0000-0000-0000-000000000000"]});
    assert_eq!(app.post(&f.token, "/api/v1/publication-check", &check).await.status(), 404);
});

story!(a_teacher_sees_the_group_overview_and_the_photo_check_names_who_blocks_it, |app| {
    let f = family(&app, "2018-03-04").await;
    let board = app.board("Stichting Proef").await;
    let pupil = json(app.get(&f.token, &format!("/api/v1/pupils/{}", f.pupil)).await, 200).await;
    let group = pupil["group_id"].as_str().unwrap().to_owned();
    app.staff(&board, "admin@proef.nl", Role::Ap, ScopeKind::School, &[pupil["school_id"].as_str().unwrap()]).await;
    app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&group]).await;

    // The administration enters a paper form: mother yes for the website, no for the newsletter.
    app.sign_in("admin@proef.nl", crate::helpers::PASSWORD).await;
    let path = format!("/leerlingen/{}/toestemming", f.pupil);
    let response = app
        .form(
            &path,
            &[
                ("beslisser", &f.mother),
                ("datum", "2026-09-02"),
                ("ondertekend", "on"),
                ("keuze_website", "ja"),
                ("keuze_newsletter", "nee"),
                ("keuze_school_guide", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, page) = app.page(&format!("/leerlingen/{}", f.pupil)).await;
    assert!(
        page.contains("papieren formulier") && page.contains("admin@proef.nl") && page.contains("Eva Smit"),
        "{page}"
    );
    app.sign_out().await;

    app.sign_in("juf@proef.nl", crate::helpers::PASSWORD).await;
    let (status, overview) = app.page(&format!("/toestemming?groep={group}")).await;
    assert_eq!(status, 200);
    assert!(overview.contains("Noor Smit"));
    assert!(overview.contains("✓</span> ja") && overview.contains("✗</span> nee"), "symbol and word: {overview}");

    let field = format!("leerling_{}", f.pupil);
    let yes = app.form("/toestemming/fotocheck", &[("groep", &group), ("doel", "website"), (&field, "on")]).await;
    assert!(yes.text().await.unwrap().contains("Ja, deze foto mag"));
    let no = app.form("/toestemming/fotocheck", &[("groep", &group), ("doel", "newsletter"), (&field, "on")]).await;
    let no = no.text().await.unwrap();
    assert!(no.contains("Nee, deze foto mag") && no.contains("Noor Smit") && no.contains("Geen toestemming"), "{no}");
    assert_eq!(
        app.form(&path, &[("beslisser", &f.mother), ("datum", "2026-09-02")]).await.status(),
        403,
        "a teacher records no forms"
    );
});

story!(a_parent_changes_a_choice_in_the_portal_gets_a_mail_and_a_kantara_receipt, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = crate::helpers::Fixture::create(&app, &token, 91).await;
    app.form("/ouders", &[("email", "eva@voorbeeld.nl")]).await;
    let mail = app.store.board(&board).outbox(1).await.unwrap().remove(0);
    let link = mail.body.split_whitespace().find(|w| w.contains("/ouders/inloggen/")).unwrap();
    let path = link.split_once("8080").map_or(link, |(_, p)| p).to_owned();
    app.form(&path, &[]).await;

    let (status, page) = app.page(&format!("/ouders/kinderen/{}", f.pupil)).await;
    assert_eq!(status, 200);
    assert!(page.contains("Openbare website van de school") && page.contains("Geen keuze betekent geen toestemming"));
    let saved = app
        .form(&format!("/ouders/kinderen/{}", f.pupil), &[("keuze_website", "nee"), ("keuze_newsletter", "ja")])
        .await;
    let saved = saved.text().await.unwrap();
    assert!(saved.contains("Uw keuzes zijn opgeslagen"), "{saved}");
    let receipt = saved.split("/bewijs/").nth(1).unwrap().split('"').next().unwrap().to_owned();

    let outbox = app.store.board(&board).outbox(10).await.unwrap();
    let confirmation = outbox.iter().find(|m| m.subject.contains("Bevestiging")).unwrap();
    assert_eq!(confirmation.recipient, "eva@voorbeeld.nl");
    assert!(confirmation.body.contains("Openbare website van de school: nee"), "{}", confirmation.body);

    let response = app
        .client
        .get(format!("{}/ouders/kinderen/{}/bewijs/{receipt}/json", app.address, f.pupil))
        .send()
        .await
        .unwrap();
    let kantara: Value = response.json().await.unwrap();
    assert_eq!(kantara["version"], "KI-CR-v1.1.0");
    assert_eq!(kantara["jurisdiction"], "NL");
    assert_eq!(kantara["consentReceiptID"], receipt.as_str());
    assert_eq!(kantara["piiPrincipalId"], "eva@voorbeeld.nl");
    assert_eq!(kantara["services"][0]["purposes"][0]["consentType"], "EXPLICIT");

    // The staff check sees the portal's answer.
    let check = json!({"purpose": "website", "pupil_ids": [f.pupil]});
    let verdict = json(app.post(&token, "/api/v1/publication-check", &check).await, 200).await;
    assert_eq!(verdict["pupils"][0]["reason"], "refused");
    // Another child's page and receipts stay closed to this parent.
    assert_eq!(app.page(&format!("/ouders/kinderen/{}", f.other_pupil)).await.0, 404);
});

story!(the_consent_round_invites_every_custodial_parent_once_and_reminds_only_who_did_not_answer, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = crate::helpers::Fixture::create(&app, &token, 95).await;
    // A second custodial parent with an address, for the other pupil.
    let g = json(
        app.post(
            &token,
            "/api/v1/guardians",
            &json!({"given_name": "Piet", "surname": "Eik", "email": "piet@voorbeeld.nl"}),
        )
        .await,
        201,
    )
    .await;
    let link = json!({"guardian_id": g["id"], "relation": "father", "holds_custody": true, "recognised": true});
    json(app.post(&token, &format!("/api/v1/pupils/{}/guardians", f.other_pupil), &link).await, 201).await;

    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let (status, page) = app.page("/toestemming/ronde").await;
    assert_eq!(status, 200);
    assert!(page.contains("<strong>0</strong> / 2"), "nobody answered yet: {page}");
    assert!(page.contains("<strong>2</strong> leerlingen die voor geen enkel"), "{page}");

    let whole_board = [("whole_board", "ja"), ("confirm", "ja")];
    let response = app.form("/toestemming/ronde/uitnodigen", &whole_board).await;
    assert_eq!(response.headers()["location"], "/toestemming/ronde?verstuurd=2");
    let response = app.form("/toestemming/ronde/uitnodigen", &whole_board).await;
    assert_eq!(response.headers()["location"], "/toestemming/ronde?verstuurd=0", "once");
    let outbox = app.store.board(&board).outbox(10).await.unwrap();
    let mut invited: Vec<&str> = outbox.iter().map(|m| m.recipient.as_str()).collect();
    invited.sort_unstable();
    assert_eq!(invited, ["eva@voorbeeld.nl", "piet@voorbeeld.nl"]);

    let grant = json!({"pupil_id": f.pupil, "purpose": "website", "decision": "granted", "guardian_id": f.guardian, "channel": "staff"});
    json(app.post(&token, "/api/v1/consent-decisions", &grant).await, 201).await;
    let response = app.form("/toestemming/ronde/herinneren", &[("whole_board", "ja"), ("confirm", "ja")]).await;
    assert_eq!(response.headers()["location"], "/toestemming/ronde?verstuurd=1");
    let outbox = app.store.board(&board).outbox(10).await.unwrap();
    let reminders: Vec<&str> =
        outbox.iter().filter(|m| m.subject.starts_with("Herinnering")).map(|m| m.recipient.as_str()).collect();
    assert_eq!(reminders, ["piet@voorbeeld.nl"]);
    let (_, page) = app.page("/toestemming/ronde").await;
    assert!(
        page.contains("<strong>1</strong> / 2") && page.contains("<strong>1</strong> leerlingen die voor geen enkel"),
        "{page}"
    );

    // The same round over the API sends nothing new: Piet was just reminded. Both sendings are in the audit trail.
    let body = json!({"whole_board": true, "confirm": true});
    let sent = json(app.post(&token, "/api/v1/consent-round/reminders", &body).await, 200).await;
    assert_eq!((sent["reminders"].clone(), sent["skipped"].clone()), (json!(0), json!(1)), "{sent}");
    let trail = app.store.board(&board).audit_trail(500).await.unwrap();
    let entities: Vec<&str> = trail.iter().map(|e| e.entity.as_str()).collect();
    assert!(entities.contains(&"consent_invitations") && entities.contains(&"consent_reminders"), "{entities:?}");
});

story!(the_consent_form_and_the_parent_letter_print_as_pdf_for_a_pupil_a_group_and_a_school, |app| {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = crate::helpers::Fixture::create(&app, &token, 97).await;
    let second = crate::helpers::create_pupil(&app, &token, &f.school, &f.group, "1002").await;
    json(app.patch(&token, &format!("/api/v1/pupils/{second}"), &json!({"given_name": "Bram"})).await, 200).await;
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;

    let one = app
        .client
        .get(format!("{}/leerlingen/{}/toestemmingsformulier.pdf", app.address, f.pupil))
        .send()
        .await
        .unwrap();
    assert_eq!(one.headers()["content-type"], "application/pdf");
    let text = pdf_text(&one.bytes().await.unwrap());
    assert!(
        text.contains("Sanne van der Berg")
            && text.contains("OBS De Linde")
            && text.contains("Openbare website van de school"),
        "{text}"
    );
    assert!(!text.contains("Bram"), "only this pupil");

    let group =
        app.client.get(format!("{}/toestemming/formulieren.pdf?groep={}", app.address, f.group)).send().await.unwrap();
    let text = pdf_text(&group.bytes().await.unwrap());
    assert!(text.contains("Sanne van der Berg") && text.contains("Bram van der Berg"), "{text}");
    let school = app
        .client
        .get(format!("{}/toestemming/formulieren.pdf?school={}", app.address, f.school))
        .send()
        .await
        .unwrap();
    assert_eq!(school.status(), 200);

    let letter =
        app.client.get(format!("{}/toestemming/brief.pdf?school={}", app.address, f.school)).send().await.unwrap();
    let text = pdf_text(&letter.bytes().await.unwrap());
    assert!(text.contains("Stichting Proef") && text.contains("OBS De Linde"), "{text}");
    // Another board's or an unknown group answers 404.
    let none =
        app.client.get(format!("{}/toestemming/formulieren.pdf?groep=onbekend", app.address)).send().await.unwrap();
    assert_eq!(none.status(), 404);
});

story!(a_pupil_of_sixteen_is_invited_at_their_own_address_and_decides_in_the_portal, |app| {
    let f = family(&app, "2010-03-04").await;
    let board = app.board("Stichting Proef").await;
    let path = format!("/api/v1/pupils/{}", f.pupil);
    let bad = json(
        app.request(reqwest::Method::PATCH, Some(&f.token), &path)
            .json(&json!({"email": "noor@"}))
            .send()
            .await
            .unwrap(),
        422,
    )
    .await;
    assert_eq!(bad["errors"][0]["field"], "email");
    let set = app.request(reqwest::Method::PATCH, Some(&f.token), &path).json(&json!({"email": "noor@voorbeeld.nl"}));
    assert_eq!(json(set.send().await.unwrap(), 200).await["email"], "noor@voorbeeld.nl");

    // The round asks Noor herself; her parents no longer decide.
    app.sign_in("ibp@proef.nl", crate::helpers::PASSWORD).await;
    let response = app.form("/toestemming/ronde/uitnodigen", &[("whole_board", "ja"), ("confirm", "ja")]).await;
    assert_eq!(response.headers()["location"], "/toestemming/ronde?verstuurd=1");
    let invitation = app.store.board(&board).outbox(1).await.unwrap().remove(0);
    assert_eq!(invitation.recipient, "noor@voorbeeld.nl");
    assert!(invitation.body.contains("beslis je nu zelf"), "{}", invitation.body);

    // She signs in to the portal with that address and grants the website.
    app.form("/ouders", &[("email", "noor@voorbeeld.nl")]).await;
    let outbox = app.store.board(&board).outbox(10).await.unwrap();
    let link = outbox.iter().flat_map(|m| m.body.split_whitespace()).find(|w| w.contains("/ouders/inloggen/")).unwrap();
    app.form(link.split_once("8080").map_or(link, |(_, p)| p), &[]).await;
    let (status, page) = app.page(&format!("/ouders/kinderen/{}", f.pupil)).await;
    assert_eq!(status, 200);
    assert!(page.contains("jij beslist zelf"), "{page}");
    app.form(&format!("/ouders/kinderen/{}", f.pupil), &[("keuze_website", "ja")]).await;
    assert_eq!(reason(&app, &f, "2026-11-22").await, "granted");
    let history = app.store.board(&board).consent_history(&f.pupil).await.unwrap();
    assert!(history[0].by_pupil && history[0].guardian_id.is_none(), "recorded as the pupil's own decision");

    // She may also ask what the school holds about her, as the data subject herself.
    let filed = app.form(&format!("/ouders/kinderen/{}/verzoek", f.pupil), &[("kind", "access")]).await;
    assert_eq!(filed.status(), 200);
    let requests = json(app.get(&f.token, "/api/v1/requests").await, 200).await;
    assert_eq!(requests[0]["requester_relation"], "self", "{requests}");
    assert!(requests[0]["requester_guardian_id"].is_null());
});

story!(a_pupil_under_sixteen_with_an_address_does_not_decide_in_the_portal, |app| {
    let f = family(&app, "2011-03-04").await;
    let board = app.board("Stichting Proef").await;
    let set = app
        .request(reqwest::Method::PATCH, Some(&f.token), &format!("/api/v1/pupils/{}", f.pupil))
        .json(&json!({"email": "noor@voorbeeld.nl"}));
    json(set.send().await.unwrap(), 200).await;
    app.form("/ouders", &[("email", "noor@voorbeeld.nl")]).await;
    if let Some(mail) = app.store.board(&board).outbox(1).await.unwrap().pop()
        && let Some(link) = mail.body.split_whitespace().find(|w| w.contains("/ouders/inloggen/"))
    {
        app.form(link.split_once("8080").map_or(link, |(_, p)| p), &[]).await;
    }
    assert_eq!(app.page(&format!("/ouders/kinderen/{}", f.pupil)).await.0, 404);
});

/// A pupil in the fixture's group with a name ("Fenna de Boer") and birth date of the test's own.
async fn named_pupil(app: &TestApp, f: &Fixture, name: &str, born: &str, number: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let prefix = words[1..words.len() - 1].join(" ");
    let body = json!({"school_id": f.school, "group_id": f.group, "given_name": words[0], "surname_prefix": prefix,
        "surname": words[words.len() - 1], "birth_date": born, "external_number": number, "enrolment_date": "2023-08-20"});
    json(app.post(&f.admin, "/api/v1/pupils", &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

/// Grants `purpose` for `pupil` on behalf of a new custodial mother.
async fn granted(app: &TestApp, f: &Fixture, pupil: &str, purpose: &str) {
    let g = json(app.post(&f.admin, "/api/v1/guardians", &json!({"given_name": "Ilse", "surname": "Boer"})).await, 201)
        .await;
    let link = json!({"guardian_id": g["id"], "relation": "mother", "holds_custody": true, "recognised": true});
    json(app.post(&f.admin, &format!("/api/v1/pupils/{pupil}/guardians"), &link).await, 201).await;
    let grant = json!({"pupil_id": pupil, "purpose": purpose, "decision": "granted", "guardian_id": g["id"],
        "decided_at": "2026-09-01T10:00:00+02:00", "channel": "paper"});
    json(app.post(&f.admin, "/api/v1/consent-decisions", &grant).await, 201).await;
}

/// The fixture, made by the board's IBP manager, and a teacher of its group.
async fn teacher_of_the_fixture(app: &TestApp) -> Fixture {
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(app, &token, 41).await;
    app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    f
}

/// The answer of a photo check: the part of the page with the verdict.
fn verdict_of(page: &str) -> &str {
    page.split("id=\"uitslag\"").nth(1).and_then(|rest| rest.split("</div>").next()).unwrap_or_default()
}

story!(two_pupils_with_the_same_name_are_told_apart_by_their_birth_date_in_the_overview_and_the_photo_check, |app| {
    let f = teacher_of_the_fixture(&app).await;
    let older = named_pupil(&app, &f, "Fenna de Boer", "2018-05-12", "1101").await;
    let younger = named_pupil(&app, &f, "Fenna de Boer", "2019-01-30", "1102").await;
    granted(&app, &f, &older, "website").await;
    app.sign_in("juf@proef.nl", crate::helpers::PASSWORD).await;

    let (_, overview) = app.page(&format!("/toestemming?groep={}", f.group)).await;
    let rows: Vec<&str> = overview.split("<tr>").filter(|row| row.contains("Fenna de Boer")).collect();
    assert_eq!(rows.len(), 4, "twice in each of the two tables: {overview}");
    assert!(rows.iter().all(|row| row.contains("12-05-2018") || row.contains("30-01-2019")), "{overview}");

    let (_, form) = app.page(&format!("/toestemming/fotocheck?groep={}", f.group)).await;
    assert!(form.contains("Fenna de Boer <span class=\"born\">(geboren 12-05-2018)</span>"), "{form}");
    assert!(form.contains("Fenna de Boer <span class=\"born\">(geboren 30-01-2019)</span>"), "{form}");

    let (a, b) = (format!("leerling_{older}"), format!("leerling_{younger}"));
    let answer =
        app.form("/toestemming/fotocheck", &[("groep", &f.group), ("doel", "website"), (&a, "on"), (&b, "on")]).await;
    let answer = answer.text().await.unwrap();
    let verdict = verdict_of(&answer);
    let blocked = verdict.split("<li").find(|li| li.starts_with(" class=\"cell-no\"")).unwrap_or_default();
    assert!(blocked.contains("Fenna de Boer") && blocked.contains("30-01-2019"), "the younger one blocks: {verdict}");
    assert!(!blocked.contains("12-05-2018"), "{verdict}");
});

story!(the_photo_check_ticks_the_whole_group_at_once_and_lists_those_who_block_the_photo_first_then_by_name, |app| {
    let f = teacher_of_the_fixture(&app).await;
    let anna = named_pupil(&app, &f, "Anna Bakker", "2019-02-01", "1201").await;
    let zoe = named_pupil(&app, &f, "Zoë Visser", "2019-03-01", "1202").await;
    let lars = named_pupil(&app, &f, "Lars Meijer", "2019-04-01", "1203").await;
    for pupil in [&anna, &lars] {
        granted(&app, &f, pupil, "website").await;
    }
    app.sign_in("juf@proef.nl", crate::helpers::PASSWORD).await;

    let (_, none) = app.page(&format!("/toestemming/fotocheck?groep={}", f.group)).await;
    assert_eq!(none.matches("type=\"checkbox\"").count(), 4);
    assert_eq!(none.matches(" checked>").count(), 0);
    let link = format!("/toestemming/fotocheck?groep={}&amp;alle=ja", f.group);
    assert!(none.contains(&format!("<a href=\"{link}\">Hele groep aanvinken</a>")), "{none}");
    let (status, all) = app.page(&link.replace("&amp;", "&")).await;
    assert_eq!(status, 200);
    assert_eq!(all.matches(" checked>").count(), 4, "the whole group is ticked: {all}");

    let fields: Vec<String> = [&anna, &zoe, &lars, &f.pupil].iter().map(|id| format!("leerling_{id}")).collect();
    let mut form: Vec<(&str, &str)> = vec![("groep", &f.group), ("doel", "website")];
    form.extend(fields.iter().map(|field| (field.as_str(), "on")));
    let answer = app.form("/toestemming/fotocheck", &form).await.text().await.unwrap();
    let verdict = verdict_of(&answer);
    assert!(verdict.contains("Nee, deze foto mag"), "{verdict}");
    let order: Option<Vec<usize>> = ["Sanne van der Berg", "Zoë Visser", "Anna Bakker", "Lars Meijer"]
        .iter()
        .map(|name| verdict.find(name))
        .collect();
    assert!(
        order.is_some_and(|order| order.is_sorted()),
        "every ticked pupil, blocking first (Berg, Visser), then the others (Bakker, Meijer): {verdict}"
    );
});

story!(the_group_overview_prints_with_its_date_and_group_and_shows_every_reason_as_text, |app| {
    let f = teacher_of_the_fixture(&app).await;
    app.sign_in("juf@proef.nl", crate::helpers::PASSWORD).await;
    let (_, overview) = app.page(&format!("/toestemming?groep={}", f.group)).await;
    assert!(overview.contains("Stand op 22-11-2026"), "the day it shows, printed with it: {overview}");
    assert!(overview.contains("<h1>Toestemming · Groep 3, OBS De Linde</h1>"), "{overview}");
    assert!(overview.contains("data-print") && overview.contains("<script src=\"/static/print.js\">"), "{overview}");
    assert!(!overview.contains("Beweeg over") && !overview.contains("title="), "no hover-only text: {overview}");
    assert!(overview.contains("open <span class=\"reason\">(geen keuze)</span>"), "the reason in the cell: {overview}");
    assert!(
        overview.contains("<dt>geen keuze</dt><dd>Nog geen keuze gemaakt. Zonder toestemming geen publicatie.</dd>"),
        "the reasons explained below the table: {overview}"
    );

    let script = app.client.get(format!("{}/static/print.js", app.address)).send().await.unwrap();
    assert_eq!(script.headers()["content-type"], "text/javascript; charset=utf-8");
    assert!(script.text().await.unwrap().contains("window.print()"));
});

story!(the_overview_shows_the_image_purposes_apart_and_the_photo_check_offers_only_those, |app| {
    let f = teacher_of_the_fixture(&app).await;
    app.sign_in("juf@proef.nl", crate::helpers::PASSWORD).await;
    let (_, overview) = app.page(&format!("/toestemming?groep={}", f.group)).await;
    let (images, others) = overview.split_once("<h2 id=\"andere\">").unwrap_or_default();
    assert!(images.contains("<h2>Foto&#39;s en video&#39;s</h2>"), "{images}");
    assert!(others.starts_with("Andere toestemmingen (geen foto&#39;s of video&#39;s)"), "{others}");
    for image in ["Openbare website van de school", "Ouderportaal", "Sociale-media-accounts van de school"] {
        assert!(images.contains(image) && !others.contains(image), "{image}: {overview}");
    }
    for other in ["Medische gegevens", "Klassenlijst met contactgegevens", "Informatie opvragen bij andere instanties"]
    {
        assert!(others.contains(other) && !images.contains(other), "{other}: {overview}");
    }

    let (_, form) = app.page(&format!("/toestemming/fotocheck?groep={}", f.group)).await;
    assert!(form.contains("value=\"website\"") && !form.contains("value=\"medical_data\""), "{form}");
    let field = format!("leerling_{}", f.pupil);
    let refused =
        app.form("/toestemming/fotocheck", &[("groep", &f.group), ("doel", "medical_data"), (&field, "on")]).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("Kies waar de foto komt"));
});
