//! Two servers on one database, as a provider runs them behind a load
//! balancer: each has its own consent read model and token cache, and neither
//! may answer from what it held before the other's write. (The background
//! jobs on two servers: `jobs.rs`.)

use crate::helpers::{Fixture, PASSWORD, TestApp, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use serde_json::{Value, json};

/// The publication check for the website, through `server`.
async fn check(server: &TestApp, token: &str, pupil: &str) -> Value {
    let body = json!({"purpose": "website", "pupil_ids": [pupil]});
    json(server.post(token, "/api/v1/publication-check", &body).await, 200).await["pupils"][0].clone()
}

async fn decide(server: &TestApp, token: &str, pupil: &str, guardian: &str, decision: &str, at: &str) {
    let body = json!({"pupil_id": pupil, "purpose": "website", "decision": decision, "guardian_id": guardian,
        "decided_at": at, "channel": "paper"});
    json(server.post(token, "/api/v1/consent-decisions", &body).await, 201).await;
}

/// `/readyz` of `server`.
async fn readiness(server: &TestApp) -> Value {
    let response = server.client.get(format!("{}/readyz", server.address)).send().await.unwrap();
    json(response, 200).await
}

/// Checks through `server` until its read model holds the board, so the
/// next answers come from memory (the copy is built in the background).
async fn until_held(server: &TestApp, token: &str, pupil: &str) {
    let mut held = false;
    for _ in 0..200 {
        check(server, token, pupil).await;
        held = readiness(server).await["read_model"]["boards"] == 1;
        if held {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(held, "the read model never held the board");
}

story!(a_withdrawal_through_one_server_is_refused_at_once_by_the_other, |one| {
    let two = one.second_server().await;
    let board = one.board("Stichting Proef").await;
    let admin = one.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&one, &admin, 71).await;

    decide(&one, &admin, &f.pupil, &f.guardian, "granted", "2026-09-01T10:00:00+02:00").await;
    until_held(&two, &admin, &f.pupil).await;
    until_held(&one, &admin, &f.pupil).await;
    assert_eq!(check(&two, &admin, &f.pupil).await["reason"], "granted");

    // The mother withdraws through server one; server two, holding the
    // grant in memory, refuses on the very next check.
    decide(&one, &admin, &f.pupil, &f.guardian, "refused", "2026-11-22T09:00:00+01:00").await;
    let verdict = check(&two, &admin, &f.pupil).await;
    assert_eq!((verdict["allowed"].clone(), verdict["reason"].clone()), (json!(false), json!("withdrawn")));

    // And the other way round: a new grant through two counts on one at once.
    one.clock.advance(jiff::SignedDuration::from_mins(5));
    decide(&two, &admin, &f.pupil, &f.guardian, "granted", "2026-11-22T10:01:00+01:00").await;
    assert_eq!(check(&one, &admin, &f.pupil).await["reason"], "granted");

    // A change that is not a decision: a father with custody is added and
    // objects, through two; one's copy no longer answers "allowed".
    let father =
        json(two.post(&admin, "/api/v1/guardians", &json!({"given_name": "Mark", "surname": "Berg"})).await, 201).await
            ["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let link = json!({"guardian_id": father, "relation": "father", "holds_custody": true, "recognised": true});
    json(two.post(&admin, &format!("/api/v1/pupils/{}/guardians", f.pupil), &link).await, 201).await;
    let objection = json!({"pupil_id": f.pupil, "guardian_id": father, "noted_at": "2026-11-22T10:02:00+01:00"});
    json(two.post(&admin, "/api/v1/consent-objections", &objection).await, 201).await;
    let verdict = check(&one, &admin, &f.pupil).await;
    assert_eq!((verdict["allowed"].clone(), verdict["reason"].clone()), (json!(false), json!("objection")));
    assert_eq!(check(&two, &admin, &f.pupil).await["reason"], "objection");
});

story!(a_token_revoked_on_one_server_is_refused_by_the_other_at_once, |one| {
    let two = one.second_server().await;
    let board = one.board("Stichting Proef").await;
    let admin = one.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let me = json(one.get(&admin, "/api/v1/me").await, 200).await;
    let user = me["id"].as_str().unwrap();
    let store = one.store.board(&board);
    let (_, script) =
        aantoonbaar_app::accounts::issue_token(store, &one.actor(), user, "rooster-koppeling").await.unwrap();

    // Server two knows the token (and keeps it in its cache).
    for _ in 0..3 {
        assert_eq!(two.get(&script, "/api/v1/me").await.status(), 200);
    }
    let tokens = json(one.get(&admin, "/api/v1/tokens").await, 200).await;
    let id = tokens.as_array().unwrap().iter().find(|t| t["name"] == "rooster-koppeling").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let revoked = one.request(reqwest::Method::DELETE, Some(&admin), &format!("/api/v1/tokens/{id}")).send().await;
    assert_eq!(revoked.unwrap().status(), 204);

    assert_eq!(two.get(&script, "/api/v1/me").await.status(), 401, "revoked on one, refused by two at once");
    assert_eq!(one.get(&script, "/api/v1/me").await.status(), 401);
    assert_eq!(two.get(&admin, "/api/v1/me").await.status(), 200, "the other token still works");
});

story!(a_session_and_the_sign_in_throttle_are_shared_by_both_servers, |one| {
    let two = one.second_server().await;
    let board = one.board("Stichting Proef").await;
    one.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;

    // Signed in through one, the browser is signed in on two; signed out on
    // two, the session is gone on one.
    assert_eq!(one.sign_in("ibp@proef.nl", PASSWORD).await.status(), 303);
    assert_eq!(two.page("/").await.0, 200);
    two.sign_out().await;
    assert_eq!(one.page("/").await.0, 303, "the session ended everywhere");

    // Five wrong passwords spread over both servers use up the free attempts.
    for attempt in 0..5 {
        let server = if attempt % 2 == 0 { &one } else { &two };
        assert_eq!(server.sign_in_password("ibp@proef.nl", "Fout-wachtwoord-1").await.status(), 401);
    }
    assert_eq!(one.sign_in_password("ibp@proef.nl", PASSWORD).await.status(), 429);
    assert_eq!(two.sign_in_password("ibp@proef.nl", PASSWORD).await.status(), 429);
});

story!(readyz_tells_a_load_balancer_the_database_is_migrated_and_livez_needs_no_database, |app| {
    let live = app.client.get(format!("{}/livez", app.address)).send().await.unwrap();
    assert_eq!(live.status(), 200);
    let ready = readiness(&app).await;
    assert_eq!(ready["ready"], true);
    assert_eq!(ready["migrations"]["applied"], ready["migrations"]["expected"]);
    assert_eq!(ready["read_model"]["budget_bytes"], 256 * 1024 * 1024);

    // With the database gone, the server still lives but is not ready.
    app.store.close().await;
    let live = app.client.get(format!("{}/livez", app.address)).send().await.unwrap();
    assert_eq!(live.status(), 200);
    let response = app.client.get(format!("{}/readyz", app.address)).send().await.unwrap();
    assert_eq!(response.status(), 503);
    assert_eq!(json(response, 503).await["ready"], false);
});
