//! The rules a board starts from: the terms of the seeds, each with its
//! source in the seed's own words, and Aantoonbaar's proposals for the data
//! the product itself keeps, each with the law it rests on. The source texts
//! are board data shown on the rules page and edited there, so they quote the
//! Dutch documents as written (as [`crate::register::template`] does); the
//! reasoning is in the doc comment of each rule.
//!
//! The product's proposals share one argument for their longest terms: the
//! board must be able to demonstrate compliance (AVG art. 5(2)) for as long as
//! it can be called to account. The Autoriteit Persoonsgegevens' power to fine
//! lapses five years after the infringement (Algemene wet bestuursrecht art.
//! 5:45 lid 1), and a claim for damages under AVG art. 82 prescribes five
//! years after the injured party learned of the damage and who is liable
//! (Burgerlijk Wetboek art. 3:310 lid 1). Records kept as proof therefore get
//! five years from the moment they stop changing; records that only serve
//! daily work get much shorter terms.

use super::{Category, EndAction, Period, Rule, RuleCode, Source, SourceKind, Subject, Trigger};

/// The GDPR (AVG) on EUR-Lex: the link of the product's proposals.
pub const GDPR_URL: &str = "https://eur-lex.europa.eu/eli/reg/2016/679/oj";

/// The Autoriteit Persoonsgegevens' page on keeping personal data, as seed
/// 001 §14.17 links it for its retention terms ("Meer informatie is te vinden
/// op de website van de Autoriteit Persoonsgegevens"): the link of the seed terms.
pub const AP_RETENTION_PAGE: &str =
    "https://autoriteitpersoonsgegevens.nl/nl/over-privacy/persoonsgegevens/bewaren-van-persoonsgegevens";

fn rule(
    code: RuleCode,
    subject: Subject,
    trigger: Trigger,
    period: Period,
    action: EndAction,
    kind: SourceKind,
    text: &str,
) -> Rule {
    let url = if kind == SourceKind::Seed { AP_RETENTION_PAGE } else { GDPR_URL };
    let category: Category = code.category();
    Rule {
        code,
        category,
        subject,
        trigger,
        period,
        action,
        source: Source { kind, text: text.to_owned(), url: Some(url.to_owned()) },
    }
}

/// The pupil file: destroyed 2 years after the pupil left.
///
/// Source: seed 001 §14.17 ("In principe geldt voor leerlinggegevens een
/// standaard bewaartermijn van 2 jaar nadat de leerling de school verlaten
/// heeft"); seed 000 ("verwijderen na 2 jaar oude leerlingdossiers uit de
/// administratie"). Seed 000's basic details that stay are the separate
/// [`contact_details`] rule, so the file itself is destroyed.
fn pupil_file() -> Rule {
    rule(
        RuleCode::PupilFile,
        Subject::Pupil,
        Trigger::LeftSchool,
        Period::years(2),
        EndAction::Destroy,
        SourceKind::Seed,
        "IBP-beleid Kerobei, bijlage 14.17 \"Bewaartermijnen van persoonsgegevens\": \"In principe geldt voor \
         leerlinggegevens een standaard bewaartermijn van 2 jaar nadat de leerling de school verlaten heeft.\" \
         OPOO, Privacy en gegevensbescherming: \"verwijderen na 2 jaar oude leerlingdossiers uit de administratie\".",
    )
}

/// The pupil file when the special-education term applies: 3 years after
/// deregistration. Which pupils that is depends on the board's
/// [`super::SboReading`].
///
/// Source: seed 001 §14.17 ("Gegevens over een leerling die naar een school
/// voor speciaal onderwijs is doorverwezen: 3 jaar na uitschrijving"); seed 000
/// ("(SBO 3 jaar)").
fn pupil_file_special_education() -> Rule {
    rule(
        RuleCode::PupilFileSpecialEducation,
        Subject::Pupil,
        Trigger::LeftSchool,
        Period::years(3),
        EndAction::Destroy,
        SourceKind::Seed,
        "IBP-beleid Kerobei, bijlage 14.17: \"Gegevens over een leerling die naar een school voor speciaal \
         onderwijs is doorverwezen: 3 jaar na uitschrijving.\" OPOO, Privacy en gegevensbescherming: \"(SBO 3 jaar)\". Welke \
         lezing geldt (de verwezen leerling, of de dossiers van een SBO-school) is een instelling van het bestuur.",
    )
}

/// Absence and enrolment/deregistration data: 5 years after deregistration.
///
/// Source: seed 001 §14.17 ("Gegevens over verzuim en in- en uitschrijving: 5
/// jaar na uitschrijving"); seed 000 ("Gegevens betreffende verzuim en in- en
/// uitschrijving moeten 5 jaar bewaard blijven"). Seed 000 words it as a
/// minimum, seed 001 as the term; the default reads both as "destroy after 5 years".
fn enrolment_and_absence() -> Rule {
    rule(
        RuleCode::EnrolmentAndAbsence,
        Subject::Pupil,
        Trigger::LeftSchool,
        Period::years(5),
        EndAction::Destroy,
        SourceKind::Seed,
        "IBP-beleid Kerobei, bijlage 14.17: \"Gegevens over verzuim en in- en uitschrijving: 5 jaar na \
         uitschrijving.\" OPOO, Privacy en gegevensbescherming: \"Gegevens betreffende verzuim en in- en uitschrijving moeten 5 \
         jaar bewaard blijven.\"",
    )
}

/// Former pupils' basic details (name, address): reviewed 2 years after the
/// pupil left, when the pupil file goes.
///
/// Source: seed 001 §14.17 ("Adresgegevens van (oud-)leerlingen mag de school
/// bewaren bijv. voor het organiseren van reünies"); seed 000 ("Alleen de
/// basisgegevens blijven bewaard, dit om een eventuele reünie te kunnen
/// faciliteren"). The seeds allow keeping them but give no end, so the period
/// and action are the product's proposal: `review`, not `destroy` (the seeds
/// allow keeping them and a board that organises reunions needs them) and not
/// "keep" (an open-ended purpose is no term under AVG art. 5(1)(e), addresses
/// go stale, and a former pupil may object, art. 21). At the review the board
/// decides per school whether it keeps them for a reunion, and records why.
fn contact_details() -> Rule {
    rule(
        RuleCode::ContactDetails,
        Subject::Pupil,
        Trigger::LeftSchool,
        Period::years(2),
        EndAction::Review,
        SourceKind::ProductProposal,
        "IBP-beleid Kerobei, bijlage 14.17: \"Adresgegevens van (oud-)leerlingen mag de school bewaren bijv. voor \
         het organiseren van reünies.\" OPOO, Privacy en gegevensbescherming: \"Alleen de basisgegevens blijven bewaard, dit om een \
         eventuele reünie te kunnen faciliteren.\" Geen termijn in het beleid; voorstel: beoordelen wanneer het \
         leerlingdossier vervalt (AVG art. 5 lid 1 onder e).",
    )
}

/// The data of a child who was not admitted: destroyed 2 years after the
/// decision.
///
/// Source: seed 002 §10.4 ("Gegevens van niet-toegelaten leerlingen worden na
/// twee jaar verwijderd"). The seed gives no start; the default counts from
/// the decision not to admit (an objection or a renewed application refers to
/// it), a board may count from the application ([`Trigger::Recorded`]).
fn application_not_admitted() -> Rule {
    rule(
        RuleCode::ApplicationNotAdmitted,
        Subject::Applicant,
        Trigger::NotAdmitted,
        Period::years(2),
        EndAction::Destroy,
        SourceKind::Seed,
        "Privacyreglement OPOO 2025, §10.4: \"Gegevens van niet-toegelaten leerlingen worden na twee jaar \
         verwijderd.\"",
    )
}

/// Camera images: destroyed 4 weeks after they were recorded, unless an
/// incident hold keeps them.
///
/// Source: seed 002 §7.2 ("Beelden worden maximaal vier weken bewaard, tenzij
/// er een incident plaatsvindt; in dat geval worden de beelden bewaard zo lang
/// als nodig is voor de afhandeling"). The incident is a [`super::Hold`] of
/// kind `incident`, released when its handling ends.
fn camera_footage() -> Rule {
    rule(
        RuleCode::CameraFootage,
        Subject::CameraFootage,
        Trigger::Recorded,
        Period::weeks(4),
        EndAction::Destroy,
        SourceKind::Seed,
        "Privacyreglement OPOO 2025, §7.2: \"Beelden worden maximaal vier weken bewaard, tenzij er een incident \
         plaatsvindt; in dat geval worden de beelden bewaard zo lang als nodig is voor de afhandeling.\"",
    )
}

/// A staff member's accounts: removed the day after employment ends.
///
/// Source: seed 001 §14.9 ("Bij beëindiging van het dienstverband wordt het
/// account op de eerstvolgende werkdag volgend op de datum van uittreding
/// verwijderd op last van de directeur"); §6.2 ("Bij de beëindiging
/// dienstverband worden accounts meteen verwijderd"). The seed says the next
/// working day; `P1D` is the next calendar day, which is that working day or
/// earlier (a retention period has no working-day rule), so the item is
/// never due later than the seed requires.
fn staff_account() -> Rule {
    rule(
        RuleCode::StaffAccount,
        Subject::Staff,
        Trigger::EmploymentEnded,
        Period::days(1),
        EndAction::Destroy,
        SourceKind::Seed,
        "IBP-beleid Kerobei, bijlage 14.9: \"Bij beëindiging van het dienstverband wordt het account op de \
         eerstvolgende werkdag volgend op de datum van uittreding verwijderd op last van de directeur.\"",
    )
}

/// Consent decisions and their history: destroyed 5 years after the consent
/// stopped being relied on. A proposal of the product.
///
/// Reason: the board must be able to demonstrate that consent was given
/// (AVG art. 7(1)) for every use made of it, including images published while
/// it held and still online or in print after it ended. That proof is needed
/// as long as the use can be questioned: by the AP, whose power to fine lapses
/// 5 years after the infringement (Awb art. 5:45 lid 1), and in a claim for
/// damages (AVG art. 82), which prescribes 5 years after the parent learned of
/// it (BW art. 3:310 lid 1). The period runs from the end of the consent
/// ([`Trigger::ConsentEnded`]: withdrawal, a later decision, or leaving), not
/// from the decision, so a consent used for years stays provable throughout.
fn consent_history() -> Rule {
    rule(
        RuleCode::ConsentHistory,
        Subject::ConsentRecord,
        Trigger::ConsentEnded,
        Period::years(5),
        EndAction::Destroy,
        SourceKind::ProductProposal,
        "Voorstel van Aantoonbaar. AVG art. 7 lid 1: de school moet kunnen aantonen dat toestemming is gegeven, \
         zolang het gebruik ter discussie kan staan: de boetebevoegdheid van de AP vervalt na 5 jaar (Awb art. \
         5:45 lid 1), een schadevordering (AVG art. 82) verjaart na 5 jaar (BW art. 3:310 lid 1).",
    )
}

/// Incident files, including the documentation of a breach: destroyed 5 years
/// after the incident was closed. A proposal of the product.
///
/// Reason: AVG art. 33(5) requires the board to document every breach ("the
/// facts relating to the personal data breach, its effects and the remedial
/// action taken") so that the AP can verify compliance with art. 33; seed 002
/// §8.4.2 registers every incident, notifiable or not, and the assessment of
/// why one was not notifiable is the part the AP will ask about. The AP can
/// act on a late or missing notification until its power to fine lapses, 5
/// years after the infringement (Awb art. 5:45 lid 1); the people affected can
/// claim damages until 5 years after they learned of it (BW art. 3:310 lid 1).
/// Five years after closing covers both for an incident handled promptly; a
/// claim or investigation that is actually made becomes a legal-claim hold.
fn incident_file() -> Rule {
    rule(
        RuleCode::IncidentFile,
        Subject::IncidentFile,
        Trigger::IncidentClosed,
        Period::years(5),
        EndAction::Destroy,
        SourceKind::ProductProposal,
        "Voorstel van Aantoonbaar. AVG art. 33 lid 5: elk datalek wordt gedocumenteerd zodat de AP de naleving \
         kan controleren (ook incidenten zonder meldplicht, Privacyreglement OPOO §8.4.2); de boetebevoegdheid \
         van de AP vervalt na 5 jaar (Awb art. 5:45 lid 1), een schadevordering verjaart na 5 jaar (BW art. \
         3:310 lid 1).",
    )
}

/// Data-subject request files: destroyed 1 year after the request was
/// completed. A proposal of the product; the seeds give no term.
///
/// Reason: the file (the request, the identity check without an ID copy,
/// seed 002 §10.2, the decision and the answer, often with a copy of the
/// data) is needed while the answer can be challenged: an objection or a
/// petition to the court within six weeks of the answer (UAVG art. 34 and 35;
/// Awb art. 6:7), a complaint to the AP (AVG art. 77) and its first questions.
/// A year also lets the school recognise a repeated request (AVG art. 12(5):
/// "manifestly unfounded or excessive, in particular because of their
/// repetitive character"). The file holds copies of the very data asked
/// about, so it should not outlive that need; the proof that the request was
/// answered in time (dates, outcome) stays in the audit trail for 5 years
/// ([`audit_entry`]).
fn request_file() -> Rule {
    rule(
        RuleCode::RequestFile,
        Subject::RequestFile,
        Trigger::RequestCompleted,
        Period::years(1),
        EndAction::Destroy,
        SourceKind::ProductProposal,
        "Voorstel van Aantoonbaar. AVG art. 12 lid 3 en 5: de afhandeling kunnen aantonen en herhaalde verzoeken \
         herkennen; bezwaar of verzoekschrift binnen zes weken na het antwoord (UAVG art. 34 en 35). De data en \
         de uitkomst blijven in het auditspoor.",
    )
}

/// Audit entries: anonymised 5 years after they were recorded. A proposal of
/// the product.
///
/// Reason: the audit trail is the board's proof of what it did and when
/// (AVG art. 5(2), art. 24(1)): every decision, approval and destruction
/// (the certificate of destruction's hash goes into it). It is needed as long
/// as the board can be called to account, 5 years (Awb art. 5:45 lid 1; BW art.
/// 3:310 lid 1). After that the entries are anonymised rather than destroyed:
/// the names and identifiers of the people in them go, the action, its time
/// and the chain stay (seed 002 §8.5.4 allows anonymised data to remain), so
/// the trail stays verifiable without personal data. The store must keep the
/// hash chain checkable across anonymised entries.
fn audit_entry() -> Rule {
    rule(
        RuleCode::AuditEntry,
        Subject::AuditEntry,
        Trigger::Recorded,
        Period::years(5),
        EndAction::Anonymise,
        SourceKind::ProductProposal,
        "Voorstel van Aantoonbaar. AVG art. 5 lid 2: het bestuur toont aan wat het deed, zolang het daarop kan \
         worden aangesproken: de boetebevoegdheid van de AP vervalt na 5 jaar (Awb art. 5:45 lid 1). Daarna \
         geanonimiseerd (Privacyreglement OPOO §8.5.4).",
    )
}

/// Mails in the outbox: destroyed 3 months after they were written. A
/// proposal of the product.
///
/// Reason: a mail's text names pupils and requests; once delivered, it only
/// serves to answer "I never got that reminder" and to investigate a bounce.
/// Three months covers the longest deadline a notice serves (an extended
/// request, three months from receipt, AVG art. 12(3)) and a school holiday;
/// the audit trail keeps that the notice was sent, so nothing is lost for
/// accountability (AVG art. 5(1)(c) and (e): no longer than necessary).
fn outbox_mail() -> Rule {
    rule(
        RuleCode::OutboxMail,
        Subject::OutboxMail,
        Trigger::Recorded,
        Period::months(3),
        EndAction::Destroy,
        SourceKind::ProductProposal,
        "Voorstel van Aantoonbaar. AVG art. 5 lid 1 onder c en e: na bezorging is de tekst van een bericht alleen \
         nodig voor vragen over de bezorging; 3 maanden dekt de langste termijn waarvoor berichten gaan (verlengd \
         verzoek, AVG art. 12 lid 3). Dat het bericht is verstuurd blijft in het auditspoor.",
    )
}

/// Login sessions: destroyed 30 days after they ended. A proposal of the
/// product.
///
/// Reason: a session record (when, from where, which account) serves the
/// security of processing (AVG art. 32): noticing and investigating misuse of
/// an account. Misuse is usually noticed within weeks, and an incident found
/// later keeps the relevant sessions with an incident hold; beyond that they
/// are tracking of staff without a purpose (AVG art. 5(1)(e)).
fn session() -> Rule {
    rule(
        RuleCode::Session,
        Subject::Session,
        Trigger::SessionEnded,
        Period::days(30),
        EndAction::Destroy,
        SourceKind::ProductProposal,
        "Voorstel van Aantoonbaar. AVG art. 32: misbruik van een account kunnen nagaan; een incident houdt de \
         sessies langer vast. Daarna niet langer nodig (AVG art. 5 lid 1 onder e).",
    )
}

/// The rules a board starts from, one per [`RuleCode`], in that order: the
/// seed terms (seed 001 §14.9, §14.17; seed 000; seed 002 §7.2, §10.4) and the
/// product's proposals for its own data.
#[must_use]
pub fn default_rules() -> Vec<Rule> {
    vec![
        pupil_file(),
        pupil_file_special_education(),
        enrolment_and_absence(),
        contact_details(),
        application_not_admitted(),
        camera_footage(),
        staff_account(),
        consent_history(),
        incident_file(),
        request_file(),
        audit_entry(),
        outbox_mail(),
        session(),
    ]
}
