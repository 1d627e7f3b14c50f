//! The regulators' own examples, encoded as [`BreachFacts`] with the
//! conclusion the regulator reached, and the school cases the engine was
//! built for, each with the example it resembles.
//!
//! Sources:
//! - EDPB Guidelines 01/2021 on examples regarding personal data breach
//!   notification, version 2.0 (adopted 14 December 2021): cases 01–18, cited
//!   with their section (case 01 is §2.1, …). The conclusion is the table
//!   "Actions necessary based on the identified risks" at the end of each case.
//! - WP29 Guidelines on personal data breach notification under Regulation
//!   2016/679, WP250 rev.01 (6 February 2018), Annex B "Examples of personal
//!   data breaches and who to notify": ten rows, numbered here 1–10 in table
//!   order. Where a row answers "yes, depending on …", the facts below fix the
//!   condition the row names and the variant is marked a/b/c.
//!
//! Facts the source does not give (a head count, say) are filled in with a
//! plausible value and a comment; none of them decides the outcome.

use super::{
    Availability as A, BreachFacts, Confidentiality as C, Consequence as Q, DataCategory as D, Exfiltration as X,
    Integrity as I, Severity as S,
};
use jiff::Timestamp;

/// One regulator example and the regulator's conclusion.
pub(super) struct Example {
    /// Where it comes from: document, case or example, section.
    pub source: &'static str,
    pub title: &'static str,
    pub facts: BreachFacts,
    /// Notify the supervisory authority (AVG art. 33).
    pub authority: bool,
    /// Communicate to the data subjects (AVG art. 34).
    pub subjects: bool,
}

pub(super) fn aware() -> Timestamp {
    "2026-11-20T09:00:00+01:00".parse().unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Every fact the engine may need answered, nothing lost yet. `recipients`,
/// `unavailable_hours` and `consequences` stay open: each example sets them
/// where they matter, and a test checks no fact the engine used was unknown.
pub(super) fn known() -> BreachFacts {
    BreachFacts {
        personal_data: Some(true),
        confidentiality: Some(C::None),
        recipients: None,
        trusted_recipient: Some(false),
        integrity: Some(I::None),
        availability: Some(A::None),
        unavailable_hours: None,
        backup_restored: Some(true),
        care_disrupted: Some(false),
        malicious: Some(false),
        exfiltration: Some(X::None),
        data_categories: Some(vec![D::Identification]),
        subjects: Some(1),
        children: Some(false),
        vulnerable: Some(false),
        encrypted: Some(false),
        key_compromised: Some(false),
        hashed_state_of_the_art: Some(false),
        recipient_confirmed_deletion: Some(false),
        consequences: None,
        risk_removed_by_measures: Some(false),
        individual_contact_disproportionate: Some(false),
        aware_at: Some(aware()),
    }
}

fn cats(list: &[D]) -> Option<Vec<D>> {
    Some(list.to_vec())
}

fn cons(list: &[Q]) -> Option<Vec<Q>> {
    Some(list.to_vec())
}

/// The 18 cases of EDPB Guidelines 01/2021 (v2.0).
pub(super) fn edpb_01_2021() -> Vec<Example> {
    vec![
        Example {
            source: "EDPB 01/2021 case 01 (§2.1)",
            title: "ransomware with proper backup and without exfiltration",
            // Encryption at rest with a safe key; the attacker reached only
            // ciphertext; logs prove no exfiltration; a few dozen clients and
            // employees; restored from backup a few hours later, no effect on
            // operations.
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                integrity: Some(I::AlteredRecoverable),
                availability: Some(A::Temporary),
                unavailable_hours: Some(4.0),
                malicious: Some(true),
                encrypted: Some(true),
                data_categories: cats(&[D::Contact, D::Identification]),
                subjects: Some(40),
                ..known()
            },
            authority: false,
            subjects: false,
        },
        Example {
            source: "EDPB 01/2021 case 02 (§2.2)",
            title: "ransomware without proper backup",
            // No electronic backup; most data restored from paper in five
            // working days, some lost; minor delays in deliveries; a few dozen
            // people; no exfiltration, no special categories.
            facts: BreachFacts {
                integrity: Some(I::AlteredRecoverable),
                availability: Some(A::Temporary),
                unavailable_hours: Some(120.0),
                backup_restored: Some(false),
                malicious: Some(true),
                data_categories: cats(&[D::Contact, D::Identification]),
                subjects: Some(40),
                ..known()
            },
            authority: true,
            subjects: false,
        },
        Example {
            source: "EDPB 01/2021 case 03 (§2.3)",
            title: "ransomware with backup and without exfiltration in a hospital",
            // Restoration took two working days; surgeries cancelled or
            // postponed, level of service lowered; thousands of patients.
            facts: BreachFacts {
                integrity: Some(I::AlteredRecoverable),
                availability: Some(A::Temporary),
                unavailable_hours: Some(48.0),
                care_disrupted: Some(true),
                malicious: Some(true),
                data_categories: cats(&[D::Identification, D::Health]),
                subjects: Some(5000),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "EDPB 01/2021 case 04 (§2.4)",
            title: "ransomware without backup and with exfiltration",
            // Public transport company; data exfiltrated; several thousand
            // people; identity card numbers and credit card details; the
            // backup was encrypted too.
            facts: BreachFacts {
                integrity: Some(I::AlteredUnrecoverable),
                availability: Some(A::Permanent),
                malicious: Some(true),
                exfiltration: Some(X::Confirmed),
                data_categories: cats(&[D::Identification, D::NationalId, D::Financial]),
                subjects: Some(5000),
                consequences: cons(&[Q::IdentityFraud, Q::FinancialLoss]),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "EDPB 01/2021 case 05 (§3.1)",
            title: "exfiltration of job application data from a website",
            // Malicious code on the application form: 213 applicants' forms
            // stolen (identity, contact, education and work history).
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                malicious: Some(true),
                exfiltration: Some(X::Confirmed),
                data_categories: cats(&[D::Contact, D::Identification, D::Education]),
                subjects: Some(213),
                consequences: cons(&[Q::IdentityFraud]),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "EDPB 01/2021 case 06 (§3.2)",
            title: "exfiltration of hashed passwords from a website",
            // SQL injection on a cooking website; pseudonymous user names;
            // passwords hashed with a strong algorithm, salt not compromised;
            // 1 200 users.
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                malicious: Some(true),
                exfiltration: Some(X::Confirmed),
                data_categories: cats(&[D::Credentials]),
                hashed_state_of_the_art: Some(true),
                subjects: Some(1200),
                ..known()
            },
            authority: false,
            subjects: false,
        },
        Example {
            source: "EDPB 01/2021 case 07 (§3.3)",
            title: "credential stuffing attack on a banking website",
            // The attacker logged into customers' online banking accounts and
            // could see their data. The head count is ours.
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                malicious: Some(true),
                exfiltration: Some(X::Confirmed),
                data_categories: cats(&[D::Contact, D::Credentials, D::Financial]),
                subjects: Some(2000),
                consequences: cons(&[Q::FinancialLoss, Q::IdentityFraud]),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "EDPB 01/2021 case 08 (§4.1)",
            title: "exfiltration of business data by an employee",
            // During his notice period an employee copies basic contact data of
            // clients and later uses them to lure clients to his new business.
            // The head count is ours; one known holder, so it does not matter.
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                malicious: Some(true),
                data_categories: cats(&[D::Contact]),
                subjects: Some(500),
                consequences: cons(&[Q::UnwantedContact]),
                ..known()
            },
            authority: true,
            subjects: false,
        },
        Example {
            source: "EDPB 01/2021 case 09 (§4.2)",
            title: "accidental transmission of data to a trusted third party",
            // An insurance agent bound by professional secrecy could see two
            // dozen other customers' contact and insurance data in an Excel
            // file; he reported it, deleted the file and confirmed in writing.
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(1),
                trusted_recipient: Some(true),
                recipient_confirmed_deletion: Some(true),
                data_categories: cats(&[D::Contact, D::Financial]),
                subjects: Some(24),
                ..known()
            },
            authority: false,
            subjects: false,
        },
        Example {
            source: "EDPB 01/2021 case 10 (§5.1)",
            title: "stolen material storing encrypted personal data",
            // Two tablets of a child care institution stolen: children's names,
            // dates of birth and education data; encrypted, switched off,
            // strong password; a backup readily available; remotely wiped.
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                malicious: Some(true),
                encrypted: Some(true),
                data_categories: cats(&[D::Identification, D::Education]),
                children: Some(true),
                subjects: Some(40),
                ..known()
            },
            authority: false,
            subjects: false,
        },
        Example {
            source: "EDPB 01/2021 case 11 (§5.2)",
            title: "stolen material storing non-encrypted personal data",
            // A notebook without password or encryption stolen: names, sex,
            // addresses and dates of birth of more than 100 000 customers;
            // daily backups.
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                malicious: Some(true),
                data_categories: cats(&[D::Contact, D::Identification]),
                subjects: Some(100_000),
                consequences: cons(&[Q::IdentityFraud]),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "EDPB 01/2021 case 12 (§5.3)",
            title: "stolen paper files with sensitive data",
            // A paper logbook of a drug addiction rehabilitation centre stolen:
            // identity and health data of patients; no backup. The head count
            // is ours.
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                availability: Some(A::Permanent),
                malicious: Some(true),
                data_categories: cats(&[D::Identification, D::Health]),
                subjects: Some(50),
                consequences: cons(&[Q::Discrimination, Q::Reputation]),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "EDPB 01/2021 case 13 (§6.1)",
            title: "postal mail mistake",
            // Two shoe orders mixed up in packing: each customer got the other's
            // package with the delivery note (name, address, what was bought).
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(2),
                data_categories: cats(&[D::Contact]),
                subjects: Some(2),
                consequences: cons(&[Q::None]),
                ..known()
            },
            authority: false,
            subjects: false,
        },
        Example {
            source: "EDPB 01/2021 case 14 (§6.2)",
            title: "highly confidential personal data sent by mail by mistake",
            // An employment office e-mailed a file with the personal data of
            // more than 60 000 job seekers, social security numbers included,
            // to all of them.
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(60_000),
                data_categories: cats(&[D::Contact, D::NationalId]),
                subjects: Some(60_000),
                consequences: cons(&[Q::IdentityFraud]),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "EDPB 01/2021 case 15 (§6.3)",
            title: "personal data sent by mail by mistake",
            // A course list (names, e-mail addresses, food preferences; two
            // participants lactose intolerant) went to 15 former participants
            // instead of the hotel; noticed at once, recipients asked to delete.
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(15),
                data_categories: cats(&[D::Contact, D::Health]),
                subjects: Some(15),
                consequences: cons(&[Q::None]),
                ..known()
            },
            authority: false,
            subjects: false,
        },
        Example {
            source: "EDPB 01/2021 case 16 (§6.4)",
            title: "postal mail mistake",
            // Two car insurance policies in one envelope: name, address, date
            // of birth, unmasked registration number and insurance rates of one
            // policyholder seen by another; no health or financial data.
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(1),
                data_categories: cats(&[D::Contact, D::Identification]),
                subjects: Some(1),
                consequences: cons(&[Q::Privacy]),
                ..known()
            },
            authority: true,
            subjects: false,
        },
        Example {
            source: "EDPB 01/2021 case 17 (§7.1)",
            title: "identity theft",
            // A caller posing as a customer had the billing e-mail address
            // changed and received the customer's invoices for a month.
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                malicious: Some(true),
                data_categories: cats(&[D::Contact, D::Financial]),
                subjects: Some(1),
                consequences: cons(&[Q::IdentityFraud, Q::FinancialLoss]),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "EDPB 01/2021 case 18 (§7.2)",
            title: "email exfiltration",
            // Mailbox rules forwarded every mail about invoices, payments and
            // bank details to an outside address for three months; fake
            // invoices followed. The head count is ours.
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                malicious: Some(true),
                exfiltration: Some(X::Confirmed),
                data_categories: cats(&[D::Contact, D::Financial, D::Communications]),
                subjects: Some(200),
                consequences: cons(&[Q::FinancialLoss, Q::IdentityFraud]),
                ..known()
            },
            authority: true,
            subjects: true,
        },
    ]
}

/// The examples of WP250 rev.01 Annex B.
pub(super) fn wp250_annex_b() -> Vec<Example> {
    vec![
        Example {
            source: "WP250 rev.01 Annex B example 1",
            title: "encrypted backup on a USB key stolen",
            // Encrypted with a state-of-the-art algorithm, backups exist, the
            // key is not compromised: "this may not be a reportable breach".
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                malicious: Some(true),
                encrypted: Some(true),
                data_categories: cats(&[D::Contact, D::Identification]),
                subjects: Some(1000),
                ..known()
            },
            authority: false,
            subjects: false,
        },
        Example {
            source: "WP250 rev.01 Annex B example 2",
            title: "cyber attack on an online service, personal data exfiltrated",
            // "Yes, report to the SA if there are likely consequences" and to
            // individuals "depending on the nature of the personal data": here
            // customer identity and contact data open to fraud.
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                malicious: Some(true),
                exfiltration: Some(X::Confirmed),
                data_categories: cats(&[D::Contact, D::Identification]),
                subjects: Some(5000),
                consequences: cons(&[Q::IdentityFraud]),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "WP250 rev.01 Annex B example 3",
            title: "power outage of several minutes at a call centre",
            // Customers could not reach their records for a few minutes.
            facts: BreachFacts {
                availability: Some(A::Temporary),
                unavailable_hours: Some(0.1),
                data_categories: cats(&[D::Contact, D::Identification]),
                subjects: Some(1000),
                ..known()
            },
            authority: false,
            subjects: false,
        },
        Example {
            source: "WP250 rev.01 Annex B example 4a",
            title: "ransomware, no backup, data cannot be restored",
            // Encryption only, no other malware. Individuals "depending on the
            // nature of the personal data affected and the possible effect of
            // the lack of availability": here ordinary customer data, no effect
            // on anyone's care or safety.
            facts: BreachFacts {
                integrity: Some(I::AlteredUnrecoverable),
                availability: Some(A::Permanent),
                malicious: Some(true),
                data_categories: cats(&[D::Contact, D::Identification]),
                subjects: Some(1000),
                ..known()
            },
            authority: true,
            subjects: false,
        },
        Example {
            source: "WP250 rev.01 Annex B example 4b",
            title: "ransomware, no backup, data whose loss harms people",
            // The same row, the other branch of its condition: the loss of the
            // data affects the people (care records).
            facts: BreachFacts {
                integrity: Some(I::AlteredUnrecoverable),
                availability: Some(A::Permanent),
                care_disrupted: Some(true),
                malicious: Some(true),
                data_categories: cats(&[D::Identification, D::Health]),
                subjects: Some(1000),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "WP250 rev.01 Annex B example 4c",
            title: "ransomware, backup restored in good time",
            // The row's own note: "If there was a backup available and data
            // could be restored in good time, this would not need to be
            // reported to the supervisory authority or to individuals".
            facts: BreachFacts {
                integrity: Some(I::AlteredRecoverable),
                availability: Some(A::Temporary),
                unavailable_hours: Some(4.0),
                malicious: Some(true),
                data_categories: cats(&[D::Contact, D::Identification]),
                subjects: Some(1000),
                ..known()
            },
            authority: false,
            subjects: false,
        },
        Example {
            source: "WP250 rev.01 Annex B example 5",
            title: "a bank customer receives someone else's monthly statement",
            // "Only the individuals affected are notified if there is high
            // risk": a bank statement shows account and transactions.
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(1),
                data_categories: cats(&[D::Contact, D::Financial]),
                subjects: Some(1),
                consequences: cons(&[Q::FinancialLoss]),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "WP250 rev.01 Annex B example 6",
            title: "usernames, passwords and purchase history published by an attacker",
            facts: BreachFacts {
                confidentiality: Some(C::Public),
                malicious: Some(true),
                exfiltration: Some(X::Confirmed),
                data_categories: cats(&[D::Contact, D::Credentials]),
                subjects: Some(10_000),
                consequences: cons(&[Q::IdentityFraud, Q::FinancialLoss]),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "WP250 rev.01 Annex B example 7",
            title: "authorisation flaw at a hosting processor: users could see other users' accounts",
            // The controller notifies the SA once the processor tells it; "if
            // there is likely no high risk to the individuals they do not need
            // to be notified". Encoded as the investigation showing a few
            // customers looked into a few other accounts' details.
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(5),
                data_categories: cats(&[D::Contact]),
                subjects: Some(5),
                consequences: cons(&[Q::Privacy]),
                ..known()
            },
            authority: true,
            subjects: false,
        },
        Example {
            source: "WP250 rev.01 Annex B example 8",
            title: "hospital medical records unavailable for 30 hours after a cyber attack",
            // "High-risk to patient's well-being and privacy may occur".
            facts: BreachFacts {
                availability: Some(A::Temporary),
                unavailable_hours: Some(30.0),
                care_disrupted: Some(true),
                malicious: Some(true),
                data_categories: cats(&[D::Identification, D::Health]),
                subjects: Some(5000),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "WP250 rev.01 Annex B example 9",
            title: "personal data of many students sent to a wrong mailing list of 1000+ recipients",
            // Individuals "depending on the scope and type of personal data
            // involved and the severity of possible consequences": here the
            // list shows names, contact details and study results.
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(1000),
                data_categories: cats(&[D::Contact, D::Identification, D::Education]),
                subjects: Some(500),
                consequences: cons(&[Q::Privacy, Q::UnwantedContact]),
                ..known()
            },
            authority: true,
            subjects: true,
        },
        Example {
            source: "WP250 rev.01 Annex B example 10a",
            title: "marketing e-mail in to/cc: a few addresses, nothing sensitive",
            // The row's own note: "Notification may not be necessary if no
            // sensitive data is revealed and if only a minor number of email
            // addresses are revealed."
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(20),
                data_categories: cats(&[D::Contact]),
                subjects: Some(20),
                consequences: cons(&[Q::None]),
                ..known()
            },
            authority: false,
            subjects: false,
        },
        Example {
            source: "WP250 rev.01 Annex B example 10b",
            title: "e-mail in to/cc revealing a psychotherapist's client list",
            // The row's own example of sensitive data: "a mailing list of a
            // psychotherapist".
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(40),
                data_categories: cats(&[D::Contact, D::Health]),
                subjects: Some(40),
                consequences: cons(&[Q::Discrimination, Q::Reputation]),
                ..known()
            },
            authority: true,
            subjects: true,
        },
    ]
}

/// A school case with the whole expected outcome.
pub(super) struct SchoolCase {
    pub name: &'static str,
    pub facts: BreachFacts,
    pub breach: bool,
    pub severity: S,
    pub authority: bool,
    pub subjects: bool,
    /// The regulator's example it resembles, and why the outcome follows.
    pub why: &'static str,
}

/// The school's baseline: pupils' data.
fn pupils() -> BreachFacts {
    BreachFacts { children: Some(true), ..known() }
}

/// The 25 school cases. Where the expected outcome changed from the
/// ENISA-based engine, `why` says so.
pub(super) fn school_cases() -> Vec<SchoolCase> {
    vec![
        SchoolCase {
            name: "lost unencrypted laptop with care files",
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                data_categories: cats(&[D::Identification, D::Health, D::Education]),
                subjects: Some(30),
                consequences: cons(&[Q::Discrimination, Q::Reputation]),
                ..pupils()
            },
            breach: true,
            severity: S::VeryHigh,
            authority: true,
            subjects: true,
            why: "EDPB 01/2021 cases 11 and 12: unencrypted device or paper with health data lost",
        },
        SchoolCase {
            name: "class list e-mailed to the wrong parent, who deletes it",
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(1),
                recipient_confirmed_deletion: Some(true),
                data_categories: cats(&[D::Contact, D::Identification]),
                subjects: Some(28),
                consequences: cons(&[Q::None]),
                ..pupils()
            },
            breach: true,
            severity: S::Low,
            authority: false,
            subjects: false,
            // Was "case 09" (trusted recipient); another parent is not bound to
            // confidentiality, so it is case 15: a small list, minor consequences.
            why: "EDPB 01/2021 case 15: a small list to a known recipient, hooguit klein ongemak",
        },
        SchoolCase {
            name: "ransomware with a good backup and no exfiltration",
            facts: BreachFacts {
                integrity: Some(I::AlteredRecoverable),
                availability: Some(A::Temporary),
                unavailable_hours: Some(6.0),
                malicious: Some(true),
                data_categories: cats(&[D::Identification, D::Education, D::Health, D::Behaviour]),
                subjects: Some(400),
                ..pupils()
            },
            breach: true,
            severity: S::Low,
            authority: false,
            subjects: false,
            why: "EDPB 01/2021 case 01 and WP250 Annex B example 4c: restored in hours, nothing copied, no harm to care",
        },
        SchoolCase {
            name: "ransomware with confirmed exfiltration of pupil files",
            facts: BreachFacts {
                integrity: Some(I::AlteredRecoverable),
                availability: Some(A::Temporary),
                unavailable_hours: Some(48.0),
                malicious: Some(true),
                exfiltration: Some(X::Confirmed),
                data_categories: cats(&[D::Identification, D::Education, D::Health, D::Behaviour]),
                subjects: Some(400),
                consequences: cons(&[Q::Discrimination, Q::Reputation, Q::IdentityFraud]),
                ..pupils()
            },
            breach: true,
            severity: S::VeryHigh,
            authority: true,
            subjects: true,
            why: "EDPB 01/2021 case 04: ransomware with exfiltration of sensitive data",
        },
        SchoolCase {
            name: "pupil passwords visible in a school-wide shared folder, reset the same day",
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(60),
                data_categories: cats(&[D::Credentials]),
                subjects: Some(28),
                consequences: cons(&[Q::IdentityFraud]),
                risk_removed_by_measures: Some(true),
                ..pupils()
            },
            breach: true,
            severity: S::High,
            authority: true,
            subjects: false,
            why: "EDPB 01/2021 case 07 (account takeover) and WP250 Annex B example 10 (passwords); the reset removed the high risk (art. 34(3)(b)) but not the duty to notify the AP (01/2021 §9)",
        },
        SchoolCase {
            name: "photo of a pupil without consent on the website, taken down",
            facts: BreachFacts {
                confidentiality: Some(C::Public),
                data_categories: cats(&[D::Images]),
                consequences: cons(&[Q::None]),
                risk_removed_by_measures: Some(true),
                ..pupils()
            },
            breach: true,
            severity: S::Low,
            authority: false,
            subjects: false,
            why: "unlawful publication is a breach, but a nameless ordinary photo gives hooguit klein ongemak (EDPB 01/2021 cases 13 and 15; 9/2022 ch. IV ease of identification); register only",
        },
        SchoolCase {
            name: "encrypted USB stick lost, key safe",
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                encrypted: Some(true),
                data_categories: cats(&[D::Identification, D::Education, D::Health]),
                subjects: Some(30),
                ..pupils()
            },
            breach: true,
            severity: S::Low,
            authority: false,
            subjects: false,
            why: "EDPB 01/2021 case 10 and WP250 Annex B example 1: state-of-the-art encryption, safe key, data still at school",
        },
        SchoolCase {
            name: "unencrypted USB stick with test results lost",
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                data_categories: cats(&[D::Identification, D::Education]),
                subjects: Some(30),
                consequences: cons(&[Q::Reputation]),
                ..pupils()
            },
            breach: true,
            // Was high; serious consequences with the data out of control is very high.
            severity: S::VeryHigh,
            authority: true,
            subjects: true,
            why: "EDPB 01/2021 case 11: unencrypted device with identifiable data of children; results can shame a child",
        },
        SchoolCase {
            name: "phishing: a teacher's mailbox taken over",
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                malicious: Some(true),
                exfiltration: Some(X::Suspected),
                data_categories: cats(&[D::Contact, D::Communications, D::Education, D::Behaviour]),
                subjects: Some(60),
                consequences: cons(&[Q::Reputation, Q::IdentityFraud]),
                ..pupils()
            },
            breach: true,
            severity: S::VeryHigh,
            authority: true,
            subjects: true,
            why: "EDPB 01/2021 case 18 (mailbox exfiltration): malicious access to mail about children",
        },
        SchoolCase {
            name: "paper dossier with a care plan left on the train",
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                data_categories: cats(&[D::Identification, D::Health, D::Behaviour]),
                consequences: cons(&[Q::Discrimination, Q::Reputation]),
                ..pupils()
            },
            breach: true,
            severity: S::VeryHigh,
            authority: true,
            subjects: true,
            why: "EDPB 01/2021 case 12: paper files with health data out of control",
        },
        SchoolCase {
            name: "ParnasSys export with BSNs sent to the wrong school, which deleted it",
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(1),
                trusted_recipient: Some(true),
                recipient_confirmed_deletion: Some(true),
                risk_removed_by_measures: Some(true),
                data_categories: cats(&[D::Identification, D::NationalId, D::Education]),
                subjects: Some(250),
                ..pupils()
            },
            breach: true,
            // Was high: a trusted recipient who deleted is no high risk.
            severity: S::Medium,
            authority: true,
            subjects: false,
            why: "EDPB 01/2021 case 09 (trusted recipient who deleted), but that example had no BSN or special data, so the AP is still notified; no high risk for the parents",
        },
        SchoolCase {
            name: "wrong parent sees another child's report in the parent portal",
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(1),
                data_categories: cats(&[D::Identification, D::Education]),
                consequences: cons(&[Q::Reputation]),
                ..pupils()
            },
            breach: true,
            severity: S::High,
            authority: true,
            subjects: true,
            why: "like EDPB 01/2021 case 16 (one document to one wrong recipient), but a report on a child's development can shame it among classmates' parents: reputation, so serious (9/2022 ch. IV, children)",
        },
        SchoolCase {
            name: "server outage of 2 hours, no data lost",
            facts: BreachFacts {
                availability: Some(A::Temporary),
                unavailable_hours: Some(2.0),
                data_categories: cats(&[D::Identification, D::Education, D::Health]),
                subjects: Some(400),
                ..pupils()
            },
            breach: true,
            severity: S::Low,
            authority: false,
            subjects: false,
            why: "WP250 Annex B example 3 and EDPB 01/2021 case 01: a short outage, everything back, no harm to care",
        },
        SchoolCase {
            name: "WhatsApp message with a child's medical information shared with all parents",
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(30),
                data_categories: cats(&[D::Identification, D::Health]),
                consequences: cons(&[Q::Discrimination, Q::Reputation]),
                ..pupils()
            },
            breach: true,
            // Was very high; known recipients are a limited likelihood.
            severity: S::High,
            authority: true,
            subjects: true,
            why: "EDPB 01/2021 case 14 and WP250 Annex B example 10b: health data sent to the wrong people",
        },
        SchoolCase {
            name: "stolen phone with a pin lock and encrypted storage",
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                malicious: Some(true),
                encrypted: Some(true),
                data_categories: cats(&[D::Contact, D::Communications, D::Images]),
                subjects: Some(60),
                ..pupils()
            },
            breach: true,
            severity: S::Low,
            authority: false,
            subjects: false,
            why: "EDPB 01/2021 case 10: the thief cannot read encrypted storage",
        },
        SchoolCase {
            name: "app without a DPIA publishes pupils' names and e-mail addresses",
            facts: BreachFacts {
                confidentiality: Some(C::Public),
                data_categories: cats(&[D::Identification, D::Contact]),
                subjects: Some(350),
                consequences: cons(&[Q::UnwantedContact]),
                ..pupils()
            },
            breach: true,
            severity: S::High,
            authority: true,
            subjects: true,
            why: "WP250 Annex B example 9: many pupils' data out of control; limited consequences weigh heavier for 350 children (9/2022 ch. IV)",
        },
        SchoolCase {
            name: "behaviour letter sent to a non-custodial parent without a right to it",
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(1),
                data_categories: cats(&[D::Identification, D::Behaviour]),
                consequences: cons(&[Q::Reputation, Q::Physical]),
                ..pupils()
            },
            breach: true,
            severity: S::High,
            authority: true,
            subjects: true,
            why: "EDPB 01/2021 case 14 (confidential data by mistake); in a family conflict behaviour notes can harm the child (BW 1:377c)",
        },
        SchoolCase {
            name: "attendance list of a school trip with names and allergies lost",
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                data_categories: cats(&[D::Identification, D::Health]),
                subjects: Some(30),
                consequences: cons(&[Q::Discrimination, Q::Physical]),
                ..pupils()
            },
            breach: true,
            severity: S::VeryHigh,
            authority: true,
            subjects: true,
            why: "EDPB 01/2021 case 12: lost paper with health data of children, with whoever finds it (unlike case 15, where known recipients were asked to delete)",
        },
        SchoolCase {
            name: "grades deleted by accident and restored from backup within the hour",
            facts: BreachFacts {
                availability: Some(A::Temporary),
                unavailable_hours: Some(1.0),
                data_categories: cats(&[D::Education]),
                subjects: Some(28),
                ..pupils()
            },
            breach: true,
            severity: S::Low,
            authority: false,
            subjects: false,
            why: "EDPB 01/2021 case 01: restored without difficulty, nothing disclosed",
        },
        SchoolCase {
            name: "burglary: laptop with encrypted disk but the password on a sticker",
            facts: BreachFacts {
                confidentiality: Some(C::UnknownRecipient),
                malicious: Some(true),
                exfiltration: Some(X::Suspected),
                encrypted: Some(true),
                key_compromised: Some(true),
                data_categories: cats(&[D::Identification, D::Education, D::Health]),
                subjects: Some(30),
                consequences: cons(&[Q::Discrimination, Q::Reputation]),
                ..pupils()
            },
            breach: true,
            severity: S::VeryHigh,
            authority: true,
            subjects: true,
            why: "WP250 Annex B example 1 (a compromised key) and EDPB 01/2021 case 11: no protection left",
        },
        SchoolCase {
            name: "CC instead of BCC to all parents of group 8",
            facts: BreachFacts {
                confidentiality: Some(C::KnownRecipient),
                recipients: Some(52),
                data_categories: cats(&[D::Contact]),
                subjects: Some(52),
                consequences: cons(&[Q::None]),
                ..known()
            },
            breach: true,
            severity: S::Low,
            authority: false,
            subjects: false,
            why: "WP250 Annex B example 10a: addresses of fellow parents, nothing sensitive, few people",
        },
        SchoolCase {
            name: "filing cabinet with care files found unlocked, nobody looked inside",
            facts: BreachFacts { data_categories: cats(&[D::Health]), ..pupils() },
            breach: false,
            severity: S::None,
            authority: false,
            subjects: false,
            why: "WP250 §I.B: a security incident without loss of confidentiality, integrity or availability is no breach",
        },
        SchoolCase {
            name: "website defaced, no personal data involved",
            facts: BreachFacts { personal_data: Some(false), malicious: Some(true), ..pupils() },
            breach: false,
            severity: S::None,
            authority: false,
            subjects: false,
            why: "AVG art. 4(12): without personal data there is no personal data breach; register the incident",
        },
        SchoolCase {
            name: "ransomware without backup destroys care files, nothing copied",
            facts: BreachFacts {
                integrity: Some(I::AlteredUnrecoverable),
                availability: Some(A::Permanent),
                malicious: Some(true),
                data_categories: cats(&[D::Identification, D::Health, D::Education]),
                subjects: Some(400),
                ..pupils()
            },
            breach: true,
            severity: S::Medium,
            authority: true,
            subjects: false,
            why: "EDPB 01/2021 case 02 and WP250 Annex B example 4a: data lost, nothing copied, no harm to care reported",
        },
        SchoolCase {
            name: "archive of former pupils' care reports published by a hacker, no current addresses",
            facts: BreachFacts {
                confidentiality: Some(C::Public),
                malicious: Some(true),
                exfiltration: Some(X::Confirmed),
                data_categories: cats(&[D::Identification, D::Health]),
                subjects: Some(900),
                consequences: cons(&[Q::Discrimination, Q::Reputation]),
                individual_contact_disproportionate: Some(true),
                ..known()
            },
            breach: true,
            severity: S::VeryHigh,
            authority: true,
            subjects: false,
            why: "WP250 Annex B example 6 (published by an attacker); AVG art. 34(3)(c): no way to reach everyone, so a public announcement",
        },
    ]
}
