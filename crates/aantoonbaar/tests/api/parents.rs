//! The parents' portal: a link by e-mail, only one's own children.

use crate::helpers::{Fixture, PASSWORD};
use crate::story;
use aantoonbaar_rules::{Role, ScopeKind};
use jiff::SignedDuration;

fn link_in(body: &str) -> String {
    let start = body.find("/ouders/inloggen/").expect("a sign-in link");
    body[start..].split_whitespace().next().unwrap().to_owned()
}

story!(a_parent_signs_in_with_the_mailed_link_and_sees_only_their_own_child, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 51).await;

    let (_, page) = app.page("/ouders").await;
    assert!(page.contains("Ouderportaal"));
    let known = app.form("/ouders", &[("email", "Eva@Voorbeeld.nl")]).await.text().await.unwrap();
    let unknown = app.form("/ouders", &[("email", "niemand@voorbeeld.nl")]).await.text().await.unwrap();
    assert_eq!(known, unknown, "nothing reveals whether an address is known");

    let outbox = app.store.board(&board).outbox(10).await.unwrap();
    assert_eq!(outbox.len(), 1, "one mail, to the known address only");
    assert_eq!(outbox[0].recipient, "eva@voorbeeld.nl");
    let link = link_in(&outbox[0].body);

    let (status, page) = app.page(&link).await;
    assert_eq!(status, 200, "opening the link does not use it up (mail scanners)");
    assert!(page.contains("Doorgaan"));
    let response = app.form(&link, &[]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/ouders/kinderen");
    let (status, page) = app.page("/ouders/kinderen").await;
    assert_eq!(status, 200);
    assert!(page.contains("Sanne van der Berg"));
    assert_eq!(page.matches("<tr><td>").count(), 1, "only the own child: {page}");
    let _ = f;

    // The link works once; a parent is no staff member.
    assert_eq!(app.form(&link, &[]).await.status(), 404);
    assert_eq!(app.page("/leerlingen").await.0, 303);
    app.form("/ouders/afmelden", &[]).await;
    assert_eq!(app.page("/ouders/kinderen").await.0, 303);
});

story!(a_parents_link_expires_after_thirty_minutes, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    Fixture::create(&app, &admin, 52).await;
    app.form("/ouders", &[("email", "eva@voorbeeld.nl")]).await;
    let link = link_in(&app.store.board(&board).outbox(1).await.unwrap()[0].body);
    app.clock.advance(SignedDuration::from_mins(31));
    assert_eq!(app.form(&link, &[]).await.status(), 404);
});

story!(the_ibp_manager_reads_the_outbox_and_a_teacher_cannot, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 53).await;
    app.staff(&board, "juf@proef.nl", Role::Op, ScopeKind::Groups, &[&f.group]).await;
    app.form("/ouders", &[("email", "eva@voorbeeld.nl")]).await;
    app.sign_in("juf@proef.nl", PASSWORD).await;
    assert_eq!(app.page("/uitgaande-post").await.0, 403);
    app.sign_out().await;
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    let (status, page) = app.page("/uitgaande-post").await;
    assert_eq!(status, 200);
    assert!(page.contains("eva@voorbeeld.nl") && page.contains("/ouders/inloggen/"));
});
