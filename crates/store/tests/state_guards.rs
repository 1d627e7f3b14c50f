//! The state transitions of incidents and data-subject requests carry their
//! precondition in SQL: a change the record's state does not allow is refused
//! with `WrongState` and changes nothing. On SQLite always, and on PostgreSQL
//! when `AANTOONBAAR_TEST_POSTGRES` names a server.

#![expect(clippy::expect_used, clippy::unwrap_used, reason = "a test that fails should fail loudly")]

#[macro_use]
mod common;

use aantoonbaar_rules::incidents::{Channel, Kind, Status, SubjectsDecision, Warning};
use aantoonbaar_rules::requests::{
    ErasureItem, ErasureVerdict, IdentityCheck, ObjectionOutcome, Outcome, RequestChannel, RequestKind,
};
use aantoonbaar_store::{Closing, IncidentAssessment, NewIncident, NewRequest, Scope, Store, StoreError, SubjectRef};
use common::{actor, board, now, pupil};
use jiff::civil::date;

fn wrong_state<T: std::fmt::Debug>(result: Result<T, StoreError>) {
    assert!(matches!(result, Err(StoreError::WrongState)), "expected WrongState, got {result:?}");
}

fn report() -> NewIncident {
    NewIncident {
        kind: Kind::from_code("incident").unwrap(),
        channel: Channel::from_code("staff").unwrap(),
        school_id: None,
        reported_by: None,
        reporter_name: "Hanneke Vos".to_owned(),
        reporter_email: None,
        what_happened: "Telefoon verloren".to_owned(),
        discovered_at: now(),
        data_concerned: "e-mails".to_owned(),
        people_concerned: "ouders".to_owned(),
        device: "telefoon".to_owned(),
        ongoing: false,
    }
}

fn assessment(notify_authority: bool) -> IncidentAssessment {
    IncidentAssessment {
        facts: "{}".to_owned(),
        is_breach: true,
        severity: "high".to_owned(),
        outcome_notify_authority: notify_authority,
        outcome_notify_subjects: false,
        subjects_alternative: String::new(),
        reasons: vec!["rule".to_owned()],
        aware_at: Some(now()),
        deadline_at: Some(now() + jiff::SignedDuration::from_hours(72)),
        notify_authority,
        notify_subjects: false,
        overrule_reason: None,
        decided_by: "directeur@test.nl".to_owned(),
        decided_at: now(),
    }
}

fn closing() -> Closing {
    Closing { measures: "m".to_owned(), cause: "c".to_owned(), evaluation: "e".to_owned() }
}

story!(incident_transitions);
async fn incident_transitions(store: &Store) {
    let id = board(store).await;
    let board = store.board(&id);
    let a = actor();
    let incident = board.report_incident(&a, &report(), &|_| Vec::new()).await.unwrap();
    let i = incident.id.as_str();

    // Before the assessment: no notification, no follow-up, no closing, no warning.
    wrong_state(board.record_authority_notification(&a, i, now(), "AP-1", None).await);
    wrong_state(board.add_authority_follow_up(&a, i, now(), "meer").await);
    wrong_state(board.close_incident(&a, i, &closing()).await);
    assert!(!board.mark_incident_warning(&a, i, Warning::Hours24, &[]).await.unwrap());
    wrong_state(board.mark_incident_overdue(&a, i).await);
    assert!(matches!(
        board.record_incident_assessment(&a, "no-such-incident", &assessment(true)).await,
        Err(StoreError::NotFound)
    ));

    board.record_incident_assessment(&a, i, &assessment(true)).await.unwrap();
    // Each warning once; the 8-hour one settles the 24-hour one.
    assert!(board.mark_incident_warning(&a, i, Warning::Hours24, &[]).await.unwrap());
    assert!(!board.mark_incident_warning(&a, i, Warning::Hours24, &[]).await.unwrap());
    assert!(board.mark_incident_warning(&a, i, Warning::Hours8, &[]).await.unwrap());
    assert!(!board.mark_incident_warning(&a, i, Warning::Hours8, &[]).await.unwrap());
    board.mark_incident_overdue(&a, i).await.unwrap();
    wrong_state(board.mark_incident_overdue(&a, i).await);
    // A notifiable breach closes only once notified; a follow-up needs the notification too.
    wrong_state(board.close_incident(&a, i, &closing()).await);
    wrong_state(board.add_authority_follow_up(&a, i, now(), "meer").await);
    board.record_authority_notification(&a, i, now(), "AP-1", None).await.unwrap();
    board.add_authority_follow_up(&a, i, now(), "meer").await.unwrap();
    board.link_incident_subjects(&a, i, &[]).await.unwrap();
    board
        .record_subjects_communication(&a, i, SubjectsDecision::NotNeeded, Some("laag"), None, &[], &[])
        .await
        .unwrap();
    board.close_incident(&a, i, &closing()).await.unwrap();

    // Closed: nothing changes any more, and nothing was written by the refusals.
    let trail = board.audit_trail(1000).await.unwrap().len();
    wrong_state(board.record_incident_assessment(&a, i, &assessment(false)).await);
    wrong_state(board.record_authority_notification(&a, i, now(), "AP-2", None).await);
    wrong_state(board.add_authority_follow_up(&a, i, now(), "nog meer").await);
    wrong_state(board.link_incident_subjects(&a, i, &[SubjectRef::User("x".to_owned())]).await);
    wrong_state(
        board.record_subjects_communication(&a, i, SubjectsDecision::NotNeeded, Some("x"), None, &[], &[]).await,
    );
    wrong_state(board.close_incident(&a, i, &closing()).await);
    assert!(!board.mark_incident_warning(&a, i, Warning::Hours8, &[]).await.unwrap());
    assert_eq!(board.audit_trail(1000).await.unwrap().len(), trail);
    let closed = board.incident(&Scope::Board, None, i).await.unwrap().unwrap();
    assert_eq!(closed.status, Status::Closed);
    assert_eq!(closed.authority_reference.as_deref(), Some("AP-1"));
    assert_eq!(board.authority_follow_ups(i).await.unwrap().len(), 1);

    // Not notifiable: closes straight after the assessment.
    let other = board.report_incident(&a, &report(), &|_| Vec::new()).await.unwrap();
    board.record_incident_assessment(&a, &other.id, &assessment(false)).await.unwrap();
    assert!(!board.mark_incident_warning(&a, &other.id, Warning::Hours24, &[]).await.unwrap());
    board.close_incident(&a, &other.id, &closing()).await.unwrap();
}

fn request(kind: &str, pupil_id: &str) -> NewRequest {
    NewRequest {
        kind: RequestKind::from_code(kind).unwrap(),
        school_id: None,
        subject_pupil_id: Some(pupil_id.to_owned()),
        subject_guardian_id: None,
        subject_description: None,
        requester_guardian_id: None,
        requester_description: Some("ouder".to_owned()),
        requester_relation: "parent".to_owned(),
        details: None,
        received_on: date(2026, 3, 2),
        channel: RequestChannel::from_code("email").unwrap(),
        identity_check: IdentityCheck::from_code("known_email").unwrap(),
        assigned_to: None,
        deadline: date(2026, 4, 2),
    }
}

story!(request_transitions);
async fn request_transitions(store: &Store) {
    let id = board(store).await;
    let board = store.board(&id);
    let a = actor();
    let pupil_id = pupil(board).await;
    let p = pupil_id.as_str();
    let granted = Outcome::from_code("granted").unwrap();
    let upheld = ObjectionOutcome::from_code("upheld").unwrap();
    let recipients = vec!["Leerlingvolgsysteem".to_owned()];
    board.set_board_recipients(&a, &recipients).await.unwrap();
    let erase = [(ErasureItem::ConsentHistory, ErasureVerdict::Erase)];

    // An access request: none of the kind-bound actions apply.
    let access = board.create_request(&a, &request("access", p)).await.unwrap();
    wrong_state(board.record_balancing(&a, &access.id, "afweging", upheld).await);
    wrong_state(board.restrict_pupil(&a, &access.id, p, None).await);
    wrong_state(board.erase_for_request(&a, &access.id, p, &erase).await);
    wrong_state(board.record_recipients_told(&a, &access.id, &recipients, date(2026, 3, 3)).await);
    // Extended once.
    board.extend_request(&a, &access.id, date(2026, 6, 2), "druk", date(2026, 3, 3)).await.unwrap();
    wrong_state(board.extend_request(&a, &access.id, date(2026, 6, 2), "druk", date(2026, 3, 3)).await);

    // An erasure: of its own subject only, once; decided once; nothing after the decision.
    let erasure = board.create_request(&a, &request("erasure", p)).await.unwrap();
    wrong_state(board.erase_for_request(&a, &erasure.id, "another-pupil", &erase).await);
    board.erase_for_request(&a, &erasure.id, p, &erase).await.unwrap();
    wrong_state(board.erase_for_request(&a, &erasure.id, p, &erase).await);
    board.record_recipients_told(&a, &erasure.id, &recipients, date(2026, 3, 3)).await.unwrap();
    board.decide_request(&a, &erasure.id, granted, None, None).await.unwrap();
    wrong_state(board.decide_request(&a, &erasure.id, granted, None, None).await);
    wrong_state(board.extend_request(&a, &erasure.id, date(2026, 6, 2), "druk", date(2026, 3, 3)).await);
    wrong_state(board.record_recipients_told(&a, &erasure.id, &recipients, date(2026, 3, 4)).await);
    let decided = board.request(&Scope::Board, &erasure.id).await.unwrap().unwrap();
    assert_eq!(decided.erasures.len(), 1);
    assert_eq!(decided.recipients_told, vec![("Leerlingvolgsysteem".to_owned(), date(2026, 3, 3))]);
    assert!(decided.extended_deadline.is_none());

    // An objection: balancing and restriction while open, not after.
    let objection = board.create_request(&a, &request("objection", p)).await.unwrap();
    board.record_balancing(&a, &objection.id, "afweging", upheld).await.unwrap();
    board.restrict_pupil(&a, &objection.id, p, None).await.unwrap();
    board.decide_request(&a, &objection.id, granted, None, None).await.unwrap();
    wrong_state(board.record_balancing(&a, &objection.id, "opnieuw", upheld).await);
    wrong_state(board.restrict_pupil(&a, &objection.id, p, Some("photos")).await);
    assert_eq!(board.restrictions_of(p).await.unwrap(), vec![None]);

    assert!(matches!(
        board.decide_request(&a, "no-such-request", granted, None, None).await,
        Err(StoreError::NotFound)
    ));
}
