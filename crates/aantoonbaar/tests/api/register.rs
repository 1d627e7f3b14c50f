//! The processing register: the board's profile, activities with what they
//! miss by art. 30(1) item and cross-check, the template, adoption with its
//! versions, and who may see and do what.

use crate::helpers::{Fixture, TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use reqwest::Method;
use serde_json::{Value, json};

pub fn profile() -> Value {
    json!({
        "name": "Stichting Kerobei",
        "address": "Schoolstraat 1, 6411 AA Heerlen",
        "kvk": "12345678",
        "contact_email": "info@kerobei.nl",
        "dpo": {"name": "Fenna Visser", "email": "fg@kerobei.nl", "phone": "045 123 45 67"}
    })
}

pub async fn set_profile(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    app.request(Method::PUT, Some(token), "/api/v1/board/profile").json(body).send().await.expect("request")
}

/// An activity that misses nothing (with the profile set).
pub fn complete_activity(name: &str) -> Value {
    json!({
        "name": name,
        "purposes": [{"text": "Onderwijs geven", "legal_basis": "public_task", "legal_source": "art. 8 WPO"}],
        "subject_categories": ["pupils", "parents"],
        "data_categories": ["identification", "education_progress"],
        "recipients": [{"name": "Leerkrachten", "kind": "internal"}],
        "retention": "2 jaar na vertrek",
        "security_measures": "Toegang per rol, tweestapsverificatie"
    })
}

fn items(activity: &Value) -> Vec<String> {
    activity["completeness"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["item"].as_str().unwrap().to_owned())
        .collect()
}

story!(an_activity_shows_what_article_30_items_it_misses_until_it_is_complete, |app| {
    let board = app.board("Stichting Kerobei").await;
    let token = app.staff(&board, "ibp@kerobei.nl", Role::St, ScopeKind::Board, &[]).await;

    // A new activity with only a name: every art. 30(1) item is missing, (a) because there is no profile yet.
    let bare =
        json(app.post(&token, "/api/v1/processing-activities", &json!({"name": "Leerlingadministratie"})).await, 201)
            .await;
    assert_eq!(bare["status"], "draft");
    assert_eq!(bare["completeness"]["complete"], false);
    let missing = items(&bare);
    for item in ["30(1)(a)", "30(1)(b)", "30(1)(c)", "30(1)(d)", "30(1)(f)", "30(1)(g)"] {
        assert!(missing.contains(&item.to_owned()), "{item} in {missing:?}");
    }
    let text = bare["completeness"]["missing"][0]["text"].as_str().unwrap();
    assert!(text.contains("profiel van het bestuur"), "{text}");

    json(set_profile(&app, &token, &profile()).await, 200).await;
    assert_eq!(json(app.get(&token, "/api/v1/board/profile").await, 200).await["dpo"]["email"], "fg@kerobei.nl");

    let id = bare["id"].as_str().unwrap();
    let mut change = complete_activity("Leerlingadministratie");
    change.as_object_mut().unwrap().remove("name");
    let done = json(app.patch(&token, &format!("/api/v1/processing-activities/{id}"), &change).await, 200).await;
    assert_eq!(done["completeness"], json!({"complete": true, "missing": []}), "{done}");
    assert_eq!(done["purposes"][0]["legal_basis"], "public_task");

    // A change that clears the retention brings (f) back, and only (f).
    let cleared =
        json(app.patch(&token, &format!("/api/v1/processing-activities/{id}"), &json!({"retention": ""})).await, 200)
            .await;
    assert_eq!(items(&cleared), vec!["30(1)(f)".to_owned()]);

    let list = json(app.get(&token, "/api/v1/processing-activities").await, 200).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    let one = json(app.get(&token, &format!("/api/v1/processing-activities/{id}")).await, 200).await;
    assert_eq!(one["name"], "Leerlingadministratie");
});

story!(wrong_fields_are_named_by_their_place_in_dutch_and_nothing_is_written, |app| {
    let board = app.board("Stichting Kerobei").await;
    let token = app.staff(&board, "ibp@kerobei.nl", Role::St, ScopeKind::Board, &[]).await;
    let body = json!({
        "name": "Camera",
        "purposes": [{"text": "Veiligheid", "legal_basis": "public_task"}, {"text": "x", "legal_basis": "omdat het kan"}],
        "data_categories": ["images", "schoenmaat"],
        "transfers": [{"country": "NL", "safeguard": "sccs"}],
        "colour": "blauw"
    });
    let problem = json(app.post(&token, "/api/v1/processing-activities", &body).await, 422).await;
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    for field in ["purposes[1].legal_basis", "data_categories[1]", "transfers[0].country", "colour"] {
        assert!(fields.contains(&field), "{field} in {problem}");
    }
    let detail =
        problem["errors"].as_array().unwrap().iter().find(|e| e["field"] == "purposes[1].legal_basis").unwrap();
    assert!(detail["detail"].as_str().unwrap().contains("grondslagen"), "{detail}");
    assert_eq!(json(app.get(&token, "/api/v1/processing-activities").await, 200).await, json!([]));

    let adopted = json!({"name": "Camera", "status": "adopted"});
    let problem = json(app.post(&token, "/api/v1/processing-activities", &adopted).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "status");
    json(app.post(&token, "/api/v1/processing-activities", &json!({"name": "Camera"})).await, 201).await;
    json(app.post(&token, "/api/v1/processing-activities", &json!({"name": "Camera"})).await, 409).await;
});

/// Posts `complete_activity` changed by `change` and returns the codes of what it misses.
async fn findings_of(app: &TestApp, token: &str, name: &str, change: Value) -> Vec<String> {
    let mut body = complete_activity(name);
    for (key, value) in change.as_object().unwrap() {
        body[key] = value.clone();
    }
    let created = json(app.post(token, "/api/v1/processing-activities", &body).await, 201).await;
    created["completeness"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["code"].as_str().unwrap().to_owned())
        .collect()
}

story!(every_cross_check_finds_what_a_person_would_miss, |app| {
    let board = app.board("Stichting Kerobei").await;
    let token = app.staff(&board, "ibp@kerobei.nl", Role::St, ScopeKind::Board, &[]).await;
    json(set_profile(&app, &token, &profile()).await, 200).await;
    assert_eq!(findings_of(&app, &token, "Compleet", json!({})).await, Vec::<String>::new());

    // Consent with no consent purpose asking for it; with the consent module's "website" purpose it is fine.
    let consent = json!({"purposes": [{"text": "Foto's op de website", "legal_basis": "consent"}]});
    assert_eq!(findings_of(&app, &token, "Foto 1", consent).await, vec!["consent_without_purpose"]);
    let asked = json!({"purposes": [{"text": "Foto's", "legal_basis": "consent", "consent_purpose": "website"}]});
    assert_eq!(findings_of(&app, &token, "Foto 2", asked).await, Vec::<String>::new());
    let unknown =
        json!({"purposes": [{"text": "Foto's", "legal_basis": "consent", "consent_purpose": "bestaat-niet"}]});
    assert_eq!(findings_of(&app, &token, "Foto 3", unknown).await, vec!["consent_without_purpose"]);

    // A legitimate interest needs its balancing test.
    let interest = json!({"purposes": [{"text": "Reünie", "legal_basis": "legitimate_interests"}]});
    assert_eq!(findings_of(&app, &token, "Reünie 1", interest).await, vec!["interest_without_balancing"]);
    let balanced = json!({"purposes": [{"text": "Reünie", "legal_basis": "legitimate_interests", "balancing_test": "Alleen adres, bezwaar kan altijd."}]});
    assert_eq!(findings_of(&app, &token, "Reünie 2", balanced).await, Vec::<String>::new());

    // A special category needs an art. 9(2) condition, also when only listed among the data categories.
    let health = json!({"data_categories": ["identification", "health"]});
    assert_eq!(findings_of(&app, &token, "Zorg 1", health).await, vec!["special_without_condition"]);
    let conditioned =
        json!({"special_categories": [{"category": "health", "condition": "substantial_public_interest"}]});
    assert_eq!(findings_of(&app, &token, "Zorg 2", conditioned).await, Vec::<String>::new());

    // A transfer outside the EEA needs a safeguard, and an adequacy decision must exist for that country.
    let bare = json!({"transfers": [{"country": "us"}]});
    assert_eq!(findings_of(&app, &token, "Cloud 1", bare).await, vec!["transfer_without_safeguard"]);
    let cloud = json(app.get(&token, "/api/v1/processing-register/findings").await, 200).await;
    let text =
        cloud["activities"].as_array().unwrap().iter().find(|a| a["name"] == "Cloud 1").unwrap()["missing"][0]["text"]
            .clone();
    assert!(text.as_str().unwrap().contains("Verenigde Staten"), "the country in words: {text}");
    let no_decision = json!({"transfers": [{"country": "CN", "safeguard": "adequacy"}]});
    assert_eq!(findings_of(&app, &token, "Cloud 2", no_decision).await, vec!["adequacy_not_decided"]);
    let clauses = json!({"transfers": [{"country": "CN", "safeguard": "sccs"}]});
    assert_eq!(findings_of(&app, &token, "Cloud 3", clauses).await, Vec::<String>::new());

    // The BSN only on a legal obligation.
    let bsn = json!({"data_categories": ["identification", "bsn"]});
    assert_eq!(findings_of(&app, &token, "Bsn 1", bsn).await, vec!["bsn_without_legal_obligation"]);
    let lawful = json!({"data_categories": ["bsn"], "purposes": [{"text": "Bekostiging", "legal_basis": "legal_obligation", "legal_source": "art. 178a WPO"}]});
    assert_eq!(findings_of(&app, &token, "Bsn 2", lawful).await, Vec::<String>::new());

    // A review date in the past; a system the register does not hold.
    let overdue = json!({"review_date": "2020-01-01"});
    assert_eq!(findings_of(&app, &token, "Oud", overdue).await, vec!["review_overdue"]);
    let ghost = json!({"system_ids": ["bestaat-niet"]});
    assert_eq!(findings_of(&app, &token, "Spook", ghost).await, vec!["unknown_system"]);

    let all = json(app.get(&token, "/api/v1/processing-register/findings").await, 200).await;
    assert_eq!(all["open"], 9, "{all}");
});

/// Creates a record through the API and returns its id.
async fn created(app: &TestApp, token: &str, path: &str, body: Value) -> String {
    json(app.post(token, path, &body).await, 201).await["id"].as_str().unwrap().to_owned()
}

story!(the_cross_checks_read_the_suppliers_systems_and_agreements, |app| {
    let board = app.board("Stichting Kerobei").await;
    let token = app.staff(&board, "ibp@kerobei.nl", Role::St, ScopeKind::Board, &[]).await;
    json(set_profile(&app, &token, &profile()).await, 200).await;
    let today = app.clock.today();
    let day = |days: i64| today.checked_add(jiff::Span::new().days(days)).unwrap().to_string();

    // A processor among the recipients needs an agreement in force: none, a lapsed one, a signed one.
    let parnassys =
        created(&app, &token, "/api/v1/suppliers", json!({"name": "Parnassys BV", "data_location": "NL"})).await;
    let recipient = json!({"recipients": [{"name": "Parnassys BV", "kind": "processor"}]});
    assert_eq!(findings_of(&app, &token, "Lvs 1", recipient.clone()).await, vec!["processor_without_agreement"]);
    let lapsed =
        json!({"supplier_id": parnassys, "model": "privacyconvenant_4", "signed_at": day(-800), "ends_at": day(-1)});
    created(&app, &token, "/api/v1/processor-agreements", lapsed).await;
    assert_eq!(findings_of(&app, &token, "Lvs 2", recipient.clone()).await, vec!["processor_without_agreement"]);
    let signed = json!({"supplier_id": parnassys, "model": "privacyconvenant_4", "signed_at": day(-10)});
    created(&app, &token, "/api/v1/processor-agreements", signed).await;
    assert_eq!(findings_of(&app, &token, "Lvs 3", recipient).await, Vec::<String>::new());

    // A system's supplier is a processor too, and where it stores the data must match the transfers.
    let app_inc =
        created(&app, &token, "/api/v1/suppliers", json!({"name": "Oefenapp Inc", "data_location": "US"})).await;
    let oefenapp = created(&app, &token, "/api/v1/systems", json!({"name": "Oefenapp", "supplier_id": app_inc})).await;
    let used = json!({"system_ids": [oefenapp]});
    let mut missing = findings_of(&app, &token, "Oefenen 1", used).await;
    missing.sort();
    assert_eq!(missing, vec!["location_without_transfer", "processor_without_agreement"]);
    let agreement = json!({"supplier_id": app_inc, "model": "general", "signed_at": day(-1)});
    created(&app, &token, "/api/v1/processor-agreements", agreement).await;
    let transferred = json!({"system_ids": [oefenapp], "transfers": [{"country": "US", "safeguard": "sccs"}]});
    assert_eq!(findings_of(&app, &token, "Oefenen 2", transferred).await, Vec::<String>::new());

    // A supplier that processes nothing for the board needs no agreement; its EU-stored system is fine.
    let printer =
        created(&app, &token, "/api/v1/suppliers", json!({"name": "Printerbedrijf", "processor": false})).await;
    let copier = json!({"name": "Kopieerapparaat", "supplier_id": printer, "data_location": "DE"});
    let copier = created(&app, &token, "/api/v1/systems", copier).await;
    assert_eq!(findings_of(&app, &token, "Printen", json!({"system_ids": [copier]})).await, Vec::<String>::new());

    // A system in use that no activity mentions is a finding about the register; one no longer in use is not.
    created(&app, &token, "/api/v1/systems", json!({"name": "Oude website"})).await;
    let retired = created(&app, &token, "/api/v1/systems", json!({"name": "Faxserver", "in_use": false})).await;
    let all = json(app.get(&token, "/api/v1/processing-register/findings").await, 200).await;
    let register: Vec<(&str, &str)> = all["register"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["about"].as_str().unwrap_or_default()))
        .collect();
    assert_eq!(register, vec![("system_not_in_register", "Oude website")], "{all}");
    assert!(!all.to_string().contains(&retired));
    // The earlier activities are checked again against today's agreements: only Oefenen 1 still misses its transfer.
    let open: Vec<(&str, Vec<&str>)> = all["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let codes = a["missing"].as_array().unwrap().iter().map(|m| m["code"].as_str().unwrap()).collect();
            (a["name"].as_str().unwrap(), codes)
        })
        .collect();
    assert_eq!(open, vec![("Oefenen 1", vec!["location_without_transfer"])], "{all}");
});

story!(the_template_is_complete_and_the_board_adopts_it_with_a_hash_in_the_audit_trail, |app| {
    let board = app.board("Stichting Kerobei").await;
    let ibp = app.staff(&board, "ibp@kerobei.nl", Role::St, ScopeKind::Board, &[]).await;
    let cvb = app.staff(&board, "cvb@kerobei.nl", Role::Cvb, ScopeKind::Board, &[]).await;

    // Adopting needs the profile and an activity.
    json(app.post(&cvb, "/api/v1/processing-register/adopt", &json!({"decision": "Besluit CvB"})).await, 409).await;
    json(set_profile(&app, &ibp, &profile()).await, 200).await;
    json(app.post(&cvb, "/api/v1/processing-register/adopt", &json!({"decision": "Besluit CvB"})).await, 409).await;

    let created = json(app.post(&ibp, "/api/v1/processing-register/template", &json!({})).await, 201).await;
    let created = created.as_array().unwrap();
    assert!(created.len() >= 10);
    for activity in created {
        assert_eq!(activity["completeness"]["complete"], true, "{activity}");
    }
    json(app.post(&ibp, "/api/v1/processing-register/template", &json!({})).await, 409).await;

    // Only the board adopts.
    json(app.post(&ibp, "/api/v1/processing-register/adopt", &json!({"decision": "x"})).await, 403).await;
    let problem = json(app.post(&cvb, "/api/v1/processing-register/adopt", &json!({})).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "decision");
    let first = json(
        app.post(&cvb, "/api/v1/processing-register/adopt", &json!({"decision": "Besluit CvB 2026-14"})).await,
        201,
    )
    .await;
    assert_eq!(first["version"], 1);
    let hash = first["sha256"].as_str().unwrap().to_owned();
    assert_eq!(hash.len(), 64);
    let list = json(app.get(&ibp, "/api/v1/processing-activities").await, 200).await;
    assert!(list.as_array().unwrap().iter().all(|a| a["status"] == "adopted"));
    let trail = app.store.board(&board).audit_trail(500).await.unwrap();
    assert!(trail.iter().any(|e| e.entity == "register_version" && e.entity_id == hash));

    // A change after adoption shows as a difference and makes the activity a draft again.
    assert_eq!(json(app.get(&ibp, "/api/v1/processing-register/changes").await, 200).await, json!([]));
    let id = created[0]["id"].as_str().unwrap();
    let changed = json(
        app.patch(&ibp, &format!("/api/v1/processing-activities/{id}"), &json!({"retention": "1 jaar"})).await,
        200,
    )
    .await;
    assert_eq!(changed["status"], "draft");
    let changes = json(app.get(&ibp, "/api/v1/processing-register/changes").await, 200).await;
    assert_eq!(changes, json!([{"id": id, "name": created[0]["name"], "change": "changed", "fields": ["retention"]}]));

    let second = json(
        app.post(&cvb, "/api/v1/processing-register/adopt", &json!({"decision": "Besluit CvB 2026-20"})).await,
        201,
    )
    .await;
    assert_eq!(second["version"], 2);
    assert_ne!(second["sha256"], first["sha256"]);
    let versions = json(app.get(&cvb, "/api/v1/processing-register/versions").await, 200).await;
    assert_eq!(
        versions.as_array().unwrap().iter().map(|v| v["version"].as_i64().unwrap()).collect::<Vec<_>>(),
        vec![2, 1]
    );
    let old = json(app.get(&cvb, "/api/v1/processing-register/versions/1").await, 200).await;
    let retention =
        old["register"]["activities"].as_array().unwrap().iter().find(|a| a["id"] == id).unwrap()["retention"].clone();
    assert_ne!(retention, "1 jaar", "version 1 keeps what was adopted then");
    json(app.get(&cvb, "/api/v1/processing-register/versions/3").await, 404).await;
});

story!(directors_read_their_schools_activities_the_fg_comments_and_other_boards_see_nothing, |app| {
    let board = app.board("Stichting Kerobei").await;
    let ibp = app.staff(&board, "ibp@kerobei.nl", Role::St, ScopeKind::Board, &[]).await;
    let fixture = Fixture::create(&app, &ibp, 10).await;
    let director = app.staff(&board, "d@kerobei.nl", Role::D, ScopeKind::School, &[&fixture.school]).await;
    let fg = app.staff(&board, "fg@kerobei.nl", Role::Fg, ScopeKind::Board, &[]).await;
    let teacher = app.staff(&board, "op@kerobei.nl", Role::Op, ScopeKind::Groups, &[&fixture.group]).await;

    let all =
        json(app.post(&ibp, "/api/v1/processing-activities", &complete_activity("Bestuursbreed")).await, 201).await;
    let mut own = complete_activity("Camera De Linde");
    own["school_id"] = json!(fixture.school);
    json(app.post(&ibp, "/api/v1/processing-activities", &own).await, 201).await;
    let mut other = complete_activity("Camera De Eik");
    other["school_id"] = json!(fixture.other_school);
    let other = json(app.post(&ibp, "/api/v1/processing-activities", &other).await, 201).await;

    let seen = json(app.get(&director, "/api/v1/processing-activities").await, 200).await;
    let names: Vec<&str> = seen.as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Bestuursbreed", "Camera De Linde"]);
    json(app.get(&director, &format!("/api/v1/processing-activities/{}", other["id"].as_str().unwrap())).await, 404)
        .await;
    json(app.post(&director, "/api/v1/processing-activities", &complete_activity("Nieuw")).await, 403).await;
    json(app.get(&teacher, "/api/v1/processing-activities").await, 403).await;

    // The FG reads everything and comments, but changes nothing.
    let id = all["id"].as_str().unwrap();
    json(app.patch(&fg, &format!("/api/v1/processing-activities/{id}"), &json!({"retention": "x"})).await, 403).await;
    let path = format!("/api/v1/processing-activities/{id}/comments");
    json(app.post(&fg, &path, &json!({"text": "Bewaartermijn onderbouwen met de Archiefwet."})).await, 201).await;
    json(app.post(&ibp, &path, &json!({"text": "x"})).await, 403).await;
    let comments = json(app.get(&ibp, &path).await, 200).await;
    assert_eq!(comments[0]["author_name"], "FG Tester");

    // Another board sees none of it.
    let elsewhere = app.board("Stichting Anders").await;
    let stranger = app.staff(&elsewhere, "ibp@anders.nl", Role::St, ScopeKind::Board, &[]).await;
    assert_eq!(json(app.get(&stranger, "/api/v1/processing-activities").await, 200).await, json!([]));
    json(app.get(&stranger, &format!("/api/v1/processing-activities/{id}")).await, 404).await;
    json(app.patch(&stranger, &format!("/api/v1/processing-activities/{id}"), &json!({"retention": "x"})).await, 404)
        .await;
    json(app.get(&stranger, &path).await, 404).await;
    json(app.get(&stranger, "/api/v1/board/profile").await, 404).await;
});

story!(the_ibp_manager_keeps_the_register_on_the_pages_and_a_refused_form_keeps_what_was_typed, |app| {
    use crate::helpers::PASSWORD;
    let board = app.board("Stichting Kerobei").await;
    app.staff(&board, "ibp@kerobei.nl", Role::St, ScopeKind::Board, &[]).await;
    app.sign_in("ibp@kerobei.nl", PASSWORD).await;

    let (status, page) = app.page("/register").await;
    assert_eq!(status, 200);
    assert!(page.contains("Het profiel van het bestuur is nog niet ingevuld"), "{page}");

    // The profile: a wrong KvK number is named, and what was typed stays.
    let profile = [
        ("name", "Stichting Kerobei"),
        ("address", "Schoolstraat 1, Heerlen"),
        ("kvk", "1234"),
        ("contact_email", "info@kerobei.nl"),
        ("dpo.name", "Fenna Visser"),
        ("dpo.email", "fg@kerobei.nl"),
    ];
    let refused = app.form("/register/profiel", &profile).await;
    assert_eq!(refused.status(), 422);
    let body = refused.text().await.unwrap();
    assert!(body.contains("acht cijfers") && body.contains("href=\"#kvk\""), "{body}");
    assert!(body.contains("value=\"Schoolstraat 1, Heerlen\""), "{body}");
    let mut fixed = profile.to_vec();
    fixed[2] = ("kvk", "12345678");
    assert_eq!(app.form("/register/profiel", &fixed).await.status(), 303);

    // A new activity with a purpose row missing its basis: refused, the rows kept as typed.
    let activity = [
        ("name", "Cameratoezicht"),
        ("purposes.0.text", "Veiligheid op het plein"),
        ("purposes.0.legal_basis", ""),
        ("data_categories", "images"),
        ("retention", "4 weken"),
    ];
    let refused = app.form("/register/nieuw", &activity).await;
    assert_eq!(refused.status(), 422);
    let body = refused.text().await.unwrap();
    assert!(body.contains("href=\"#purposes-0-legal_basis\""), "{body}");
    assert!(body.contains("value=\"Veiligheid op het plein\"") && body.contains(">4 weken</textarea>"), "{body}");
    let mut fixed = activity.to_vec();
    fixed[2] = ("purposes.0.legal_basis", "legitimate_interests");
    let created = app.form("/register/nieuw", &fixed).await;
    assert_eq!(created.status(), 303);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let (_, page) = app.page(&location).await;
    assert!(page.contains("de belangenafweging ontbreekt"), "{page}");
    assert!(page.contains("gerechtvaardigd belang"), "{page}");

    // Clearing the retention on the form clears it.
    let id = location.trim_start_matches("/register/");
    let mut cleared = fixed.clone();
    cleared[4] = ("retention", "");
    assert_eq!(app.form(&location, &cleared).await.status(), 303);
    let token = app.staff(&board, "api@kerobei.nl", Role::St, ScopeKind::Board, &[]).await;
    let stored = json(app.get(&token, &format!("/api/v1/processing-activities/{id}")).await, 200).await;
    assert!(stored.get("retention").is_none(), "{stored}");
    assert!(items(&stored).contains(&"30(1)(f)".to_owned()));

    // A register begun by hand is filled up from the template: "Cameratoezicht" stays as it is.
    let (_, page) = app.page("/register").await;
    assert!(page.contains("nog 10 gebruikelijke verwerkingen"), "{page}");
    assert_eq!(app.form("/register/voorbeeld", &[]).await.status(), 303);
    let all = json(app.get(&token, "/api/v1/processing-activities").await, 200).await;
    assert_eq!(all.as_array().unwrap().len(), 11);
    let camera = all.as_array().unwrap().iter().find(|a| a["name"] == "Cameratoezicht").unwrap();
    assert_eq!(camera["id"], id);
    let (_, page) = app.page("/register").await;
    assert!(!page.contains("Vul aan met het voorbeeldregister"), "nothing left to add");
});
