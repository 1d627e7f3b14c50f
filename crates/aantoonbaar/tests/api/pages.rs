//! The Dutch pages, driven as a browser would (without JavaScript).

use crate::helpers::{Fixture, PASSWORD, json};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use jiff::SignedDuration;

story!(a_director_signs_in_finds_a_pupil_and_the_view_is_audited, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 31).await;
    app.staff(&board, "directeur@proef.nl", Role::D, ScopeKind::School, &[&f.school]).await;

    let (status, page) = app.page("/leerlingen").await;
    assert_eq!(status, 303, "signed out users are sent to sign-in: {page}");

    let response = app.sign_in("directeur@proef.nl", PASSWORD).await;
    assert_eq!(response.status(), 303);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");

    let (status, page) = app.page("/").await;
    assert_eq!(status, 200);
    assert!(page.contains("Stichting Proef") && page.contains("Leerlingen"));
    assert!(page.contains("href=\"/import\""), "a director may import, so the menu offers it");

    let (_, list) = app.page("/leerlingen?q=berg").await;
    assert!(list.contains("Sanne van der Berg"));
    assert_eq!(list.matches("/leerlingen/").count(), 1, "only the pupil of the director's own school");

    let (status, pupil) = app.page(&format!("/leerlingen/{}", f.pupil)).await;
    assert_eq!(status, 200);
    assert!(pupil.contains("Eva Berg") && pupil.contains("moeder"), "guardians with custody shown");
    let (status, _) = app.page(&format!("/leerlingen/{}", f.other_pupil)).await;
    assert_eq!(status, 404);

    // A teacher's menu has no import: the policy table gives them none.
    app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    app.sign_out().await;
    app.sign_in("juf@proef.nl", PASSWORD).await;
    let (_, page) = app.page("/").await;
    assert!(page.contains("Leerlingen") && !page.contains("href=\"/import\""), "{page}");
    assert_eq!(app.page("/import").await.0, 403);

    let trail = app.store.board(&board).audit_trail(10).await.unwrap();
    assert!(trail.iter().any(|e| e.action == "view" && e.entity_id == f.pupil && e.actor == "directeur@proef.nl"));
});

story!(a_wrong_password_and_an_unknown_address_get_the_same_answer, |app| {
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let wrong = app.sign_in_password("ibp@proef.nl", "Niet-het-wachtwoord-1").await;
    let wrong_status = wrong.status();
    let wrong_body = wrong.text().await.unwrap().replace("ibp@proef.nl", "X");
    let unknown = app.sign_in_password("niemand@proef.nl", "Niet-het-wachtwoord-1").await;
    assert_eq!(unknown.status(), wrong_status);
    assert_eq!(wrong_status, 401);
    assert_eq!(unknown.text().await.unwrap().replace("niemand@proef.nl", "X"), wrong_body);
});

story!(a_session_ends_after_an_hour_without_activity, |app| {
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    app.clock.advance(SignedDuration::from_mins(59));
    assert_eq!(app.page("/").await.0, 200);
    app.clock.advance(SignedDuration::from_mins(59));
    assert_eq!(app.page("/").await.0, 200, "activity keeps the session alive");
    app.clock.advance(SignedDuration::from_mins(61));
    assert_eq!(app.page("/").await.0, 303, "an idle hour ends it");
});

story!(the_jobs_delete_sessions_that_have_ended_and_keep_live_ones, |app| {
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    assert_eq!(app.jobs.run_once().await.unwrap().purged, 0, "a live session stays");
    assert_eq!(app.page("/").await.0, 200);
    app.clock.advance(SignedDuration::from_mins(61));
    let purged = app.jobs.run_once().await.unwrap().purged;
    assert!(purged >= 1, "the idle session is deleted, not only refused: {purged}");
    assert_eq!(app.jobs.run_once().await.unwrap().purged, 0, "a second run finds nothing left");
    assert_eq!(app.page("/").await.0, 303);
});

story!(a_new_user_sets_a_password_with_the_one_time_link_and_signs_in, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let body = serde_json::json!({"email": "fg@proef.nl", "name": "Fenna Gerrits", "roles": ["FG"], "scope": "board"});
    let created = json(app.post(&admin, "/api/v1/users", &body).await, 201).await;
    let link = created["password_link"].as_str().unwrap();
    let path = link.split_once("8080").map_or(link, |(_, p)| p).to_owned();

    let (status, form) = app.page(&path).await;
    assert_eq!(status, 200);
    assert!(form.contains("Fenna Gerrits"));
    let weak = app.form(&path, &[("password", "Fenna2026!x"), ("repeat", "Fenna2026!x")]).await;
    assert_eq!(weak.status(), 422);
    assert!(weak.text().await.unwrap().contains("uw naam"), "the reason is given in Dutch");
    let good = app.form(&path, &[("password", "Zomer-vakantie7"), ("repeat", "Zomer-vakantie7")]).await;
    assert_eq!(good.status(), 303);
    assert_eq!(app.page(&path).await.0, 404, "the link works once");
    let first = app.sign_in_password("fg@proef.nl", "Zomer-vakantie7").await;
    assert_eq!(first.status(), 303);
    assert_eq!(first.headers()["location"], "/aanmelden/instellen", "no authenticator yet: set one up first");
});

story!(every_page_carries_the_security_headers, |app| {
    for path in ["/aanmelden", "/", "/bestaat-niet", "/api/v1/schools"] {
        let response = app.client.get(format!("{}{path}", app.address)).send().await.unwrap();
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert!(headers.contains_key("referrer-policy"));
    }
});

story!(a_board_wide_user_picks_a_group_under_its_school_and_every_heading_names_the_school, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 32).await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    for path in ["/toestemming", "/toestemming/fotocheck", "/leerlingen"] {
        let (_, page) = app.page(&format!("{path}?groep={}", f.group)).await;
        let linde = page.split("<optgroup label=\"OBS De Linde\">").nth(1).unwrap_or_default();
        let eik = page.split("<optgroup label=\"CBS De Eik\">").nth(1).unwrap_or_default();
        let option = |group: &str| format!("<option value=\"{group}\"");
        assert!(linde.split("</optgroup>").next().unwrap().contains(&option(&f.group)), "{path}: {page}");
        assert!(eik.split("</optgroup>").next().unwrap().contains(&option(&f.other_group)), "{path}: {page}");
        assert!(page.contains("Groep 3, OBS De Linde</h1>"), "{path}: the heading names the school: {page}");
    }
    let (_, list) = app.page("/leerlingen").await;
    assert!(list.contains("<td>Groep 3, OBS De Linde</td>") && list.contains("<td>Groep 3, CBS De Eik</td>"), "{list}");

    // A teacher of one group picks from plain options; the heading still names the school.
    app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    app.sign_out().await;
    app.sign_in("juf@proef.nl", PASSWORD).await;
    let (_, page) = app.page("/toestemming").await;
    assert!(!page.contains("<optgroup") && page.contains("<h1>Toestemming · Groep 3, OBS De Linde</h1>"), "{page}");
});
