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
    assert_eq!(page.matches("class=\"card child\"").count(), 1, "only the own child: {page}");
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

/// Signs the fixture's mother in to the portal.
async fn sign_in_mother(app: &crate::helpers::TestApp, board: &aantoonbaar_store::BoardId) -> String {
    app.form("/ouders", &[("email", "eva@voorbeeld.nl")]).await;
    let link = link_in(&app.store.board(board).outbox(1).await.unwrap()[0].body);
    assert_eq!(app.form(&link, &[]).await.status(), 303);
    link
}

story!(a_used_link_and_an_unknown_portal_page_lead_back_to_the_portal_not_the_staff_sign_in, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    Fixture::create(&app, &admin, 54).await;
    let link = sign_in_mother(&app, &board).await;
    app.form("/ouders/afmelden", &[]).await;

    let used = app.form(&link, &[]).await;
    assert_eq!(used.status(), 404);
    let page = used.text().await.unwrap();
    assert!(page.contains("verlopen of al gebruikt") && page.contains("href=\"/ouders\""), "{page}");
    assert!(!page.contains("href=\"/\"") && !page.contains("href=\"/aanmelden\""), "{page}");
    let (status, page) = app.page("/ouders/bestaat-niet").await;
    assert_eq!(status, 404);
    assert!(page.contains("href=\"/ouders\"") && !page.contains("href=\"/\""), "{page}");
    // A staff page that does not exist still leads to the staff start.
    let (status, page) = app.page("/bestaat-niet").await;
    assert_eq!(status, 404);
    assert!(page.contains("href=\"/\"") && !page.contains("href=\"/ouders\""), "{page}");
});

story!(a_parent_keeps_a_readable_pdf_receipt_and_the_json_is_offered_second, |app| {
    let board = app.board("Stichting Proef").await;
    let admin = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let f = Fixture::create(&app, &admin, 55).await;
    sign_in_mother(&app, &board).await;
    let consent = format!("/ouders/kinderen/{}", f.pupil);
    let saved = app.form(&consent, &[("keuze_website", "nee")]).await.text().await.unwrap();
    let id = saved.split("/bewijs/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let receipt = format!("{consent}/bewijs/{id}");

    let (status, page) = app.page(&receipt).await;
    assert_eq!(status, 200);
    let pdf_at = page.find(&format!("{receipt}/pdf")).expect("a PDF download");
    let json_at = page.find(&format!("{receipt}/json")).expect("the JSON for who wants it");
    assert!(pdf_at < json_at, "the readable receipt comes first");
    assert!(page.contains("Openbare website van de school") && page.contains("Sanne van der Berg"), "{page}");
    assert!(!page.contains(&format!(">{id}<")), "no internal identifier on the page: {page}");
    let pdf = app.client.get(format!("{}{receipt}/pdf", app.address)).send().await.unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));
    // Later, the consent page still leads to the receipt of the current choice.
    let (_, page) = app.page(&consent).await;
    assert!(page.contains(&receipt), "{page}");
    // Another child's receipts stay closed.
    let other = format!("/ouders/kinderen/{}/bewijs/{id}/pdf", f.other_pupil);
    assert_eq!(app.page(&other).await.0, 404);
});
