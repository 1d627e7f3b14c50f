//! Mail through SMTP: delivered, recorded, and a sign-in link not kept.

use crate::helpers::{Backend, Fixture, PASSWORD, TestApp, link_to};
use crate::story;
use aantoonbaar_app::Config;
use aantoonbaar_app::mail::{SmtpSecurity, SmtpSettings};
use aantoonbaar_rules::{Role, ScopeKind};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A minimal SMTP server on loopback that accepts one message and hands over its DATA.
async fn fake_smtp() -> (u16, tokio::sync::oneshot::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (sender, receiver) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let (socket, _) = listener.accept().await.unwrap();
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read).lines();
        write.write_all(b"220 test ESMTP\r\n").await.unwrap();
        let mut data = String::new();
        let mut in_data = false;
        let mut sender = Some(sender);
        while let Ok(Some(line)) = lines.next_line().await {
            if in_data {
                if line == "." {
                    in_data = false;
                    write.write_all(b"250 queued\r\n").await.unwrap();
                    if let Some(sender) = sender.take() {
                        let _ = sender.send(std::mem::take(&mut data));
                    }
                } else {
                    data.push_str(&line);
                    data.push('\n');
                }
                continue;
            }
            let reply: &[u8] = match line.split_whitespace().next().unwrap_or_default().to_uppercase().as_str() {
                "EHLO" | "HELO" => b"250 test\r\n",
                "DATA" => {
                    in_data = true;
                    b"354 go ahead\r\n"
                }
                "QUIT" => {
                    write.write_all(b"221 bye\r\n").await.unwrap();
                    break;
                }
                _ => b"250 ok\r\n",
            };
            write.write_all(reply).await.unwrap();
        }
    });
    (port, receiver)
}

#[tokio::test]
async fn with_smtp_configured_a_sign_in_link_is_delivered_and_not_kept_in_the_outbox() {
    let (port, received) = fake_smtp().await;
    let config = Config {
        smtp: Some(SmtpSettings {
            host: "127.0.0.1".to_owned(),
            port,
            security: SmtpSecurity::None,
            user: None,
            password: None,
        }),
        mail_from: "School <noreply@school.example>".to_owned(),
        ..Config::default()
    };
    let app = TestApp::spawn_with(Backend::Sqlite, config).await.unwrap();
    let board = app.board("Stichting Proef").await;
    let token = app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    Fixture::create(&app, &token, 81).await;
    app.form("/ouders", &[("email", "eva@voorbeeld.nl")]).await;

    let message = tokio::time::timeout(std::time::Duration::from_secs(10), received).await.unwrap().unwrap();
    assert!(message.contains("To: eva@voorbeeld.nl"), "{message}");
    assert!(message.contains("/ouders/inloggen/"), "{message}");

    // The outcome is recorded by the sending task; wait for it without sleeping blindly.
    let mut outbox = app.store.board(&board).outbox(1).await.unwrap();
    for _ in 0..100 {
        if outbox[0].sent_at.is_some() {
            break;
        }
        tokio::task::yield_now().await;
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        outbox = app.store.board(&board).outbox(1).await.unwrap();
    }
    assert!(outbox[0].sent_at.is_some(), "recorded as sent");
    assert_eq!(outbox[0].body, "", "a delivered sign-in link is not kept");
}

story!(the_outbox_pages_through_every_mail_newest_first_with_dutch_dates, |app| {
    let board = app.board("Stichting Proef").await;
    app.staff(&board, "ibp@proef.nl", Role::St, ScopeKind::Board, &[]).await;
    let mailbox = app.store.board(&board);
    for n in 0..60 {
        let mail = aantoonbaar_store::NewMail {
            to: "ouder@voorbeeld.nl".to_owned(),
            subject: format!("Bericht {n:02}"),
            body: String::new(),
            sensitive: false,
        };
        let at = app.clock.now() - jiff::SignedDuration::from_mins(60 - n);
        mailbox.queue_mail(&mail, at).await.unwrap();
    }
    app.sign_in("ibp@proef.nl", PASSWORD).await;
    let total = mailbox.outbox_count().await.unwrap();
    assert!(total >= 60);
    let (status, first) = app.page("/uitgaande-post").await;
    assert_eq!(status, 200);
    assert!(first.contains(&format!("Mail 1 tot en met 50 van {total}")), "{first}");
    assert!(first.contains("Bericht 59") && !first.contains("Bericht 00"), "the newest first: {first}");
    assert!(first.contains("22-11-2026 09:") && !first.contains("2026-11-22"), "Dutch dates: {first}");
    let next = link_to(&first, "next").expect("a next page");
    let (_, second) = app.page(&next).await;
    assert!(second.contains(&format!("Mail 51 tot en met {total} van {total}")), "{second}");
    assert!(second.contains("Bericht 00") && !second.contains("Bericht 59"), "{second}");
    assert!(link_to(&second, "next").is_none() && link_to(&second, "prev").is_some(), "{second}");
});
