//! What every area writes reads back as written, through the row readers and
//! the stored codes, on SQLite and (with `AANTOONBAAR_TEST_POSTGRES`) PostgreSQL.

#![expect(clippy::expect_used, clippy::unwrap_used, reason = "a test that fails should fail loudly")]

#[macro_use]
mod common;

use aantoonbaar_rules::consent::{Choice, Renewal};
use aantoonbaar_rules::incidents::{Channel as IncidentChannel, Kind, SubjectsDecision};
use aantoonbaar_rules::organisation::{FamilySituation, Relation};
use aantoonbaar_rules::requests::{ErasureItem, ErasureVerdict, IdentityCheck, RequestChannel, RequestKind};
use aantoonbaar_rules::{Email, PersonName, PupilNumber, Role, ScopeKind};
use aantoonbaar_store::{
    AuditFilter, BoardSettings, Channel, ImportedPupil, IncidentAssessment, Link, NewConsentDecision, NewGuardian,
    NewIncident, NewLetter, NewPupil, NewRequest, NewUser, Scope, SessionStage, Store, SubjectRef,
};
use common::{actor, board, now, pupil};
use jiff::civil::date;

story!(every_area_reads_back);
async fn every_area_reads_back(store: &Store) {
    let board_id = board(store).await;
    let board = store.board(&board_id);
    let a = actor();
    let pupil_id = pupil(board).await;
    let today = date(2026, 3, 2);

    // Board settings and equated days.
    let settings = BoardSettings { consent_renewal: Renewal::Once, both_parents_when_separated: true };
    board.set_board_settings(&a, settings).await.unwrap();
    let read = board.board_settings().await.unwrap();
    assert_eq!(read.consent_renewal, Renewal::Once);
    assert!(read.both_parents_when_separated);
    board.add_equated_day(&a, date(2026, 5, 15), "brugdag").await.unwrap();
    assert_eq!(board.equated_days().await.unwrap()[0].description, "brugdag");

    // Guardians and links.
    let guardian = NewGuardian {
        given_name: PersonName::parse("Petra").unwrap(),
        surname_prefix: Some(PersonName::parse("van der").unwrap()),
        surname: PersonName::parse("Berg").unwrap(),
        email: Some(Email::parse("petra@example.nl").unwrap()),
        phone: None,
    };
    let guardian = board.create_guardian(&a, &guardian).await.unwrap();
    let link = Link { relation: Relation::from_code("mother").unwrap(), holds_custody: true, recognised: false };
    board.link_guardian(&a, &pupil_id, &guardian.id, link).await.unwrap();
    board.grant_information(&a, &pupil_id, &guardian.id, today).await.unwrap();
    let linked = board.guardians_of(&pupil_id).await.unwrap();
    assert_eq!(linked[0].link, link);
    assert_eq!(linked[0].information_granted_on, Some(today));

    // Consent: the decision's choice and channel come back as recorded.
    let purposes = board.consent_purposes(now()).await.unwrap();
    let purpose = purposes[0].code.clone();
    let decision = NewConsentDecision {
        pupil_id: pupil_id.clone(),
        purpose: purpose.clone(),
        choice: Choice::Refused,
        guardian_id: Some(guardian.id.clone()),
        by_pupil: false,
        decided_at: now(),
        channel: Channel::Portal,
        signed: None,
    };
    let recorded = board.record_consent_decision(&a, &decision).await.unwrap();
    assert_eq!(recorded.purpose_version, purposes[0].version);
    let history = board.consent_history(&pupil_id).await.unwrap();
    assert_eq!((history[0].decision, history[0].channel), (Choice::Refused, Channel::Portal));
    let facts = board.consent_facts(&Scope::Board, std::slice::from_ref(&pupil_id), None, today, None).await.unwrap();
    assert_eq!(facts.decisions[0].choice, Choice::Refused);
    assert_eq!(facts.custodians[&pupil_id], vec![(guardian.id.clone(), true)]);
    assert!(board.consent_round(&Scope::Board, date(2025, 8, 1), today).await.unwrap()[0].answered);

    // Users, sessions, tokens.
    let user = NewUser {
        email: Email::parse("directeur@example.nl").unwrap(),
        name: PersonName::parse("Directeur").unwrap(),
        roles: vec![Role::from_code("D").unwrap()],
        scope_kind: ScopeKind::Board,
        scope_ids: Vec::new(),
        mfa_exempt: false,
    };
    let user = board.create_user(&a, &user, Some("hash")).await.unwrap();
    let listed = board.users(&Scope::Board).await.unwrap();
    assert_eq!((listed[0].scope_kind, listed[0].roles.clone()), (ScopeKind::Board, vec![Role::D]));
    let credentials = store.credentials_by_email("directeur@example.nl").await.unwrap().unwrap();
    assert_eq!(credentials.user_id, user.id);
    board.create_session(&a, &user.id, "pending", SessionStage::Enrol).await.unwrap();
    let pending = store.pending_session("pending", now()).await.unwrap().unwrap();
    assert_eq!(pending.stage, SessionStage::Enrol);
    store.complete_session("pending", "full", &a).await.unwrap();
    let principal = store.session_principal("full", now(), now(), now()).await.unwrap().unwrap();
    assert_eq!((principal.roles, principal.scope), (vec![Role::D], Scope::Board));
    let token = board.create_token(&a, &user.id, "script", "token-hash").await.unwrap();
    assert!(store.token_principal("token-hash", now()).await.unwrap().is_some());
    board.revoke_token(&a, &user.id, &token.id).await.unwrap();
    assert!(board.tokens(&user.id).await.unwrap()[0].revoked_at.is_some());

    // The outbox.
    let new = aantoonbaar_store::NewMail {
        to: "petra@example.nl".to_owned(),
        subject: "Onderwerp".to_owned(),
        body: "Tekst".to_owned(),
        sensitive: true,
    };
    let mail = board.queue_mail(&new, now()).await.unwrap();
    let later = now() + jiff::SignedDuration::from_mins(10);
    let claimed = store.claim_due_mail(now(), later, now(), 10).await.unwrap();
    assert_eq!(claimed.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), [mail.as_str()]);
    assert!(store.claim_due_mail(now(), later, now(), 10).await.unwrap().is_empty(), "claimed once");
    let failed = aantoonbaar_store::Delivery::Failed { error: "time-out".to_owned(), retry_at: Some(later) };
    board.record_delivery(&mail, &failed).await.unwrap();
    let outbox = board.outbox(10).await.unwrap();
    assert_eq!(
        (outbox[0].attempts, outbox[0].next_attempt_at, outbox[0].error.as_deref()),
        (1, Some(later), Some("time-out"))
    );
    board.record_delivery(&mail, &aantoonbaar_store::Delivery::Delivered { at: later }).await.unwrap();
    let outbox = board.outbox(10).await.unwrap();
    assert_eq!((outbox[0].body.as_str(), outbox[0].sent_at, outbox[0].next_attempt_at), ("", Some(later), None));

    // An incident's people and letters, with their names.
    let incident = NewIncident {
        kind: Kind::from_code("incident").unwrap(),
        channel: IncidentChannel::from_code("staff").unwrap(),
        school_id: None,
        reported_by: Some(user.id.clone()),
        reporter_name: "Directeur".to_owned(),
        reporter_email: None,
        what_happened: "Lijst gemaild".to_owned(),
        discovered_at: now(),
        data_concerned: "namen".to_owned(),
        people_concerned: "ouders".to_owned(),
        device: "e-mail".to_owned(),
        ongoing: false,
    };
    let incident = board.report_incident(&a, &incident, &|_| Vec::new()).await.unwrap();
    let subjects = [
        SubjectRef::Pupil(pupil_id.clone()),
        SubjectRef::Guardian(guardian.id.clone()),
        SubjectRef::User(user.id.clone()),
    ];
    board.link_incident_subjects(&a, &incident.id, &subjects).await.unwrap();
    let names: Vec<(String, String)> =
        board.incident_subjects(&incident.id).await.unwrap().into_iter().map(|s| (s.kind.to_owned(), s.name)).collect();
    assert!(names.contains(&("pupil".to_owned(), "Sanne Berg".to_owned())));
    assert!(names.contains(&("guardian".to_owned(), "Petra van der Berg".to_owned())));
    assert!(names.contains(&("staff".to_owned(), "Directeur".to_owned())));
    let letter = NewLetter {
        guardian_id: Some(guardian.id.clone()),
        pupil_id: Some(pupil_id.clone()),
        recipient_name: "Petra van der Berg".to_owned(),
        recipient_email: None,
        body: "Brief".to_owned(),
    };
    let decision = SubjectsDecision::from_code("letters").unwrap();
    board.record_subjects_communication(&a, &incident.id, decision, None, None, &[letter], &[]).await.unwrap();
    assert_eq!(board.incident_letters(&incident.id).await.unwrap()[0].body, "Brief");
    let assessment = IncidentAssessment {
        facts: "{}".to_owned(),
        is_breach: false,
        severity: "none".to_owned(),
        outcome_notify_authority: false,
        outcome_notify_subjects: false,
        subjects_alternative: String::new(),
        reasons: vec!["no personal data".to_owned()],
        aware_at: None,
        deadline_at: None,
        notify_authority: false,
        notify_subjects: false,
        overrule_reason: None,
        decided_by: "directeur@example.nl".to_owned(),
        decided_at: now(),
    };
    board.record_incident_assessment(&a, &incident.id, &assessment).await.unwrap();
    let read = board.incident(&Scope::Board, None, &incident.id).await.unwrap().unwrap();
    let read = read.assessment.unwrap();
    assert_eq!((read.is_breach, read.reasons, read.decided_at), (false, assessment.reasons, now()));

    // An import keeps the pupil's own address, which the export does not have.
    let mut own = board.pupil(&Scope::Board, &pupil_id).await.unwrap().unwrap();
    let update = NewPupil {
        school_id: own.school_id.clone(),
        group_id: own.group_id.clone(),
        external_number: PupilNumber::parse(&own.external_number).unwrap(),
        given_name: PersonName::parse(&own.given_name).unwrap(),
        surname_prefix: None,
        surname: PersonName::parse(&own.surname).unwrap(),
        birth_date: own.birth_date,
        enrolment_date: own.enrolment_date,
        leave_date: None,
        leave_destination: None,
        family_situation: Some(FamilySituation::Separated),
        email: Some(Email::parse("sanne@example.nl").unwrap()),
    };
    board.update_pupil(&a, &pupil_id, &update).await.unwrap();
    let imported = ImportedPupil {
        line: 2,
        external_number: update.external_number.clone(),
        given_name: update.given_name.clone(),
        surname_prefix: None,
        surname: update.surname.clone(),
        birth_date: update.birth_date,
        group_name: PersonName::parse("Groep 6").unwrap(),
        enrolment_date: update.enrolment_date,
        leave_date: None,
        leave_destination: None,
        family_situation: Some(FamilySituation::Separated),
        guardians: Vec::new(),
    };
    let report = board
        .import_pupils(&a, &own.school_id, "export.csv", &[imported], aantoonbaar_store::ImportMode::Write)
        .await
        .unwrap();
    assert_eq!((report.updated.len(), report.groups_created.clone()), (1, vec!["Groep 6".to_owned()]));
    own = board.pupil(&Scope::Board, &pupil_id).await.unwrap().unwrap();
    assert_eq!(own.email.as_deref(), Some("sanne@example.nl"));
    assert_eq!(own.family_situation, Some(FamilySituation::Separated));

    // An erasure of the enrolment keeps only the birth year.
    let request = NewRequest {
        kind: RequestKind::Erasure,
        school_id: None,
        subject_pupil_id: Some(pupil_id.clone()),
        subject_guardian_id: None,
        subject_description: None,
        requester_guardian_id: Some(guardian.id.clone()),
        requester_description: None,
        requester_relation: "parent".to_owned(),
        details: None,
        received_on: today,
        channel: RequestChannel::Email,
        identity_check: IdentityCheck::KnownEmail,
        assigned_to: Some(user.id.clone()),
        deadline: date(2026, 4, 2),
    };
    let request = board.create_request(&a, &request).await.unwrap();
    let verdicts = [(ErasureItem::Enrolment, ErasureVerdict::Erase)];
    board.erase_for_request(&a, &request.id, &pupil_id, &verdicts).await.unwrap();
    let erased = board.pupil(&Scope::Board, &pupil_id).await.unwrap().unwrap();
    assert_eq!(erased.birth_date, date(2017, 1, 1));
    assert_eq!(erased.family_situation, None);

    // The audit trail of all that, unbroken.
    let trail = board.audit_search(&AuditFilter { limit: 1000, ..AuditFilter::default() }).await.unwrap();
    assert!(trail.iter().any(|e| e.action == "enrol_two_step" || e.action == "sign_in"));
    assert!(store.verify_audit().await.unwrap().is_empty());
}
