//! Two-step sign-in, throttling, CSRF and re-authentication.

use crate::helpers::{PASSWORD, TestApp};
use crate::story;
use aantoonbaar_rules::throttle::minimum_duration;
use aantoonbaar_rules::{Role, ScopeKind};
use aantoonbaar_store::credentials::totp;
use jiff::SignedDuration;

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).map(|i| i + start.len()).expect("start marker");
    let to = text[from..].find(end).expect("end marker");
    &text[from..from + to]
}

story!(a_new_account_sets_up_its_authenticator_and_gets_ten_recovery_codes, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let body = serde_json::json!({"email": "fg@proef.nl", "name": "Fenna Gerrits", "roles": ["FG"], "scope": "board"});
    let created = crate::helpers::json(app.post(&admin, "/api/v1/users", &body).await, 201).await;
    let link = created["password_link"].as_str().unwrap();
    let path = link.split_once("8080").map_or(link, |(_, p)| p).to_owned();
    app.page(&path).await;
    assert_eq!(app.form(&path, &[("password", "Zomer-vakantie7"), ("repeat", "Zomer-vakantie7")]).await.status(), 303);

    let first = app.sign_in_password("fg@proef.nl", "Zomer-vakantie7").await;
    assert_eq!(first.headers()["location"], "/aanmelden/instellen");
    assert_eq!(app.page("/").await.0, 303, "no access before the second step");
    let (status, page) = app.page("/aanmelden/instellen").await;
    assert_eq!(status, 200);
    assert!(page.contains("<svg"), "a QR code");
    let secret = between(&page, "id=\"totp-secret\">", "</code>").replace(' ', "");

    let wrong = app.form("/aanmelden/instellen", &[("code", "000000")]).await;
    assert_eq!(wrong.status(), 401);
    let code = totp::code_at(&secret, app.clock.now().as_second()).unwrap();
    let done = app.form("/aanmelden/instellen", &[("code", &code)]).await;
    assert_eq!(done.status(), 200);
    let page = done.text().await.unwrap();
    let codes: Vec<String> =
        page.split("<li><code>").skip(1).map(|c| c.split('<').next().unwrap().to_owned()).collect();
    assert_eq!(codes.len(), 10);
    assert_eq!(app.page("/").await.0, 200, "signed in");

    // A recovery code works once.
    app.sign_out().await;
    app.sign_in_password("fg@proef.nl", "Zomer-vakantie7").await;
    assert_eq!(app.form("/aanmelden/code", &[("code", &codes[3].to_uppercase())]).await.status(), 303);
    app.sign_out().await;
    app.sign_in_password("fg@proef.nl", "Zomer-vakantie7").await;
    assert_eq!(app.form("/aanmelden/code", &[("code", &codes[3])]).await.status(), 401);
});

story!(an_authenticator_code_is_accepted_only_once, |app| {
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    app.sign_in_password("ibp@proef.nl", PASSWORD).await;
    let code = app.code("ibp@proef.nl");
    assert_eq!(app.form("/aanmelden/code", &[("code", &code)]).await.status(), 303);
    app.sign_out().await;
    app.sign_in_password("ibp@proef.nl", PASSWORD).await;
    let replay = app.form("/aanmelden/code", &[("code", &code)]).await;
    assert_eq!(replay.status(), 401, "the same code cannot open a second session");
});

/// The same client, but connecting from another loopback address.
fn from_address(app: &TestApp, ip: [u8; 4]) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .local_address(std::net::IpAddr::from(ip))
        .cookie_provider(std::sync::Arc::clone(&app.jar))
        .build()
        .unwrap()
}

story!(a_thousand_wrong_passwords_take_as_long_as_the_throttle_promises_and_the_user_still_gets_in, |app| {
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let csrf = app.csrf().await;
    let attacker = from_address(&app, [127, 0, 0, 7]);
    let start = app.clock.now();
    let mut refused = 0;
    let mut guesses = 0;
    while guesses < 1_000 {
        let response = attacker
            .post(format!("{}/aanmelden", app.address))
            .form(&[("email", "ibp@proef.nl"), ("password", &format!("Gok-nummer-{guesses}")), ("csrf", &csrf)])
            .send()
            .await
            .unwrap();
        match response.status().as_u16() {
            401 => guesses += 1,
            429 => {
                refused += 1;
                let wait: i64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
                app.clock.advance(SignedDuration::from_secs(wait));
            }
            other => unreachable!("unexpected status {other}: {}", response.text().await.unwrap_or_default()),
        }
    }
    let took = app.clock.now().duration_since(start).as_secs();
    assert!(took >= minimum_duration(1_000), "{took} s < the promised {} s", minimum_duration(1_000));
    assert!(refused >= 995);

    // Meanwhile the real user, from the school's own address, signs in at once.
    let user = from_address(&app, [127, 0, 0, 9]);
    let response = user
        .post(format!("{}/aanmelden", app.address))
        .form(&[("email", "ibp@proef.nl"), ("password", PASSWORD), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/aanmelden/code");
});

story!(a_form_post_without_the_csrf_token_is_refused, |app| {
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    for path in [
        "/aanmelden",
        "/afmelden",
        "/scholen",
        "/gebruikers",
        "/tokens",
        "/import/bevestigen",
        "/bevestigen",
        "/aanmelden/code",
    ] {
        let forged = app.client.post(format!("{}{path}", app.address)).form(&[("name", "x")]).send().await.unwrap();
        assert_eq!(forged.status(), 403, "{path}");
        let wrong =
            app.client.post(format!("{}{path}", app.address)).form(&[("csrf", "verzonnen")]).send().await.unwrap();
        assert_eq!(wrong.status(), 403, "{path}");
    }
    assert_eq!(app.page("/").await.0, 200, "still signed in: the forged sign-out did nothing");
    // A cross-site request with a session cookie cannot change anything through the API.
    let api = app
        .client
        .post(format!("{}/api/v1/schools", app.address))
        .json(&serde_json::json!({"name": "X", "brin": "12AB"}))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 401);
});

story!(adding_a_user_or_a_token_asks_for_password_and_code_again, |app| {
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    app.clock.advance(SignedDuration::from_mins(11));
    let fields = [("name", "Nieuwe Juf"), ("email", "juf@proef.nl"), ("role", "FG"), ("scope", "board")];
    let response = app.form("/gebruikers", &fields).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/bevestigen?terug=%2Fgebruikers");
    let code = app.code("ibp@proef.nl");
    let wrong =
        app.form("/bevestigen", &[("password", "Fout-wachtwoord-9"), ("code", &code), ("terug", "/gebruikers")]).await;
    assert_eq!(wrong.status(), 401);
    app.clock.advance(SignedDuration::from_secs(30));
    let code = app.code("ibp@proef.nl");
    let confirmed =
        app.form("/bevestigen", &[("password", PASSWORD), ("code", &code), ("terug", "https://evil.example/")]).await;
    assert_eq!(confirmed.headers()["location"], "/", "never a redirect off the site");
    let created = app.form("/gebruikers", &fields).await;
    assert_eq!(created.status(), 200);
    assert!(created.text().await.unwrap().contains("/wachtwoord/"), "the one-time link is shown");
});
