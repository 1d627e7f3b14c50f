//! The board's policy documents and the signatures under them (issue 17;
//! seed 001's version table, §14.8; seed 002 §8.1.2): every version of every
//! kind with its text or file and hash, its adoption by the CvB, who signed
//! it and how, and the reminders sent to those who have not yet.

use crate::outbox::NewMail;
use crate::{Actor, Backend, BoardStore, Result, postgres, sqlite};
use aantoonbaar_rules::policy_documents::PolicyKind;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// What its author writes of a version.
#[derive(Debug, Clone)]
pub struct PolicyDraft {
    pub kind: PolicyKind,
    pub title: String,
    pub version: String,
    pub change_note: Option<String>,
    /// The text, with its SHA-256; `None` keeps what the draft has (a file, or nothing yet).
    pub text: Option<(String, String)>,
}

/// An uploaded file of a version, with its SHA-256.
#[derive(Debug, Clone)]
pub struct PolicyFile {
    pub file_name: String,
    pub media_type: String,
    pub content: Vec<u8>,
    pub sha256: String,
}

/// A version as stored (without the file's bytes).
#[derive(Debug, Clone, Serialize)]
pub struct PolicyDocument {
    pub id: String,
    pub kind: PolicyKind,
    pub title: String,
    pub version: String,
    pub change_note: Option<String>,
    pub text: Option<String>,
    pub file_name: Option<String>,
    pub media_type: Option<String>,
    /// Bytes of the uploaded file.
    pub file_size: Option<usize>,
    /// Of the text or the file; `None` while a draft has neither.
    pub sha256: Option<String>,
    /// Shown on the board's public page once adopted.
    pub public: bool,
    pub adopted_on: Option<Date>,
    /// `CvB`.
    pub adopted_by: Option<String>,
    pub gmr_consent_on: Option<Date>,
    pub adopted_at: Option<Timestamp>,
    /// 1, 2, 3 … per kind in the order of adoption: the highest is in force.
    pub adoption_number: Option<i64>,
    /// Who recorded the adoption.
    pub adoption_recorded_by: Option<String>,
    pub created_at: Timestamp,
    pub created_by: String,
    pub updated_at: Timestamp,
}

/// The CvB's adoption of a version, with the mails that ask staff to sign it.
#[derive(Debug, Clone)]
pub struct Adoption {
    pub adopted_on: Date,
    pub gmr_consent_on: Option<Date>,
    pub public: bool,
    pub mails: Vec<NewMail>,
}

/// How a signature was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignatureChannel {
    /// In the product, by the employee, after reading the text.
    Online,
    /// On paper, recorded by the administration.
    Paper,
}

impl SignatureChannel {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Online => "online",
            Self::Paper => "paper",
        }
    }
}

/// A signature to record.
#[derive(Debug, Clone)]
pub struct NewSignature {
    pub staff_id: String,
    pub signer_name: String,
    pub signed_on: Date,
    pub channel: SignatureChannel,
}

/// A signature as stored.
#[derive(Debug, Clone, Serialize)]
pub struct Signature {
    pub policy_id: String,
    pub staff_id: String,
    pub signer_name: String,
    pub signed_on: Date,
    pub channel: SignatureChannel,
    pub recorded_at: Timestamp,
    pub recorded_by: String,
}

/// The reminders one employee had for one version.
#[derive(Debug, Clone)]
pub struct SigningReminders {
    pub staff_id: String,
    pub sent: u32,
    pub last_on: Date,
    pub escalated_on: Option<Date>,
}

/// What the daily job sends for one version: a reminder to each of
/// `reminded`, the director's notice about each of `escalated`.
#[derive(Debug, Clone, Default)]
pub struct SigningNotices {
    pub reminded: Vec<String>,
    pub escalated: Vec<String>,
    pub mails: Vec<NewMail>,
}

impl BoardStore<'_> {
    /// Every version of every kind (without file bytes), by kind and newest first.
    pub async fn policy_documents(&self) -> Result<Vec<PolicyDocument>> {
        dispatch!(self.store, policy_documents::documents(self.board, None))
    }

    /// One version.
    pub async fn policy_document(&self, id: &str) -> Result<Option<PolicyDocument>> {
        Ok(dispatch!(self.store, policy_documents::documents(self.board, Some(id)))?.pop())
    }

    /// A version's uploaded file, `None` when it has none.
    pub async fn policy_file(&self, id: &str) -> Result<Option<Vec<u8>>> {
        dispatch!(self.store, policy_documents::file(self.board, id))
    }

    /// Writes a new draft, audited; `Duplicate("version")` when the kind has that version.
    pub async fn create_policy_document(&self, actor: &Actor, draft: &PolicyDraft) -> Result<PolicyDocument> {
        dispatch!(self.store, policy_documents::create(self.board, actor, draft))
    }

    /// Changes a draft, audited; `WrongState` once adopted.
    pub async fn update_policy_document(&self, actor: &Actor, id: &str, draft: &PolicyDraft) -> Result<PolicyDocument> {
        dispatch!(self.store, policy_documents::update(self.board, actor, id, draft))
    }

    /// Puts a file in a draft (replacing its text or earlier file), audited; `WrongState` once adopted.
    pub async fn attach_policy_file(&self, actor: &Actor, id: &str, file: &PolicyFile) -> Result<PolicyDocument> {
        dispatch!(self.store, policy_documents::attach(self.board, actor, id, file))
    }

    /// Records the CvB's adoption with its mails, audited; `WrongState` when
    /// adopted already or without content.
    pub async fn adopt_policy_document(&self, actor: &Actor, id: &str, adoption: &Adoption) -> Result<PolicyDocument> {
        dispatch!(self.store, policy_documents::adopt(self.board, actor, id, adoption))
    }

    /// Shows an adopted version on the board's public page or takes it off, audited.
    pub async fn publish_policy_document(&self, actor: &Actor, id: &str, public: bool) -> Result<PolicyDocument> {
        dispatch!(self.store, policy_documents::publish(self.board, actor, id, public))
    }

    /// The signatures under a version, by name.
    pub async fn policy_signatures(&self, policy_id: &str) -> Result<Vec<Signature>> {
        dispatch!(self.store, policy_documents::signatures(self.board, policy_id))
    }

    /// Every signature of one person, any version.
    pub async fn signatures_of(&self, staff_id: &str) -> Result<Vec<Signature>> {
        dispatch!(self.store, policy_documents::signatures_of(self.board, staff_id))
    }

    /// Records a signature, audited; `Duplicate("staff_id")` when this person signed this version.
    pub async fn sign_policy_document(
        &self,
        actor: &Actor,
        policy_id: &str,
        signature: &NewSignature,
    ) -> Result<Signature> {
        dispatch!(self.store, policy_documents::sign(self.board, actor, policy_id, signature))
    }

    /// The reminders sent for a version, per person.
    pub async fn signing_reminders(&self, policy_id: &str) -> Result<Vec<SigningReminders>> {
        dispatch!(self.store, policy_documents::reminders(self.board, policy_id))
    }

    /// Records the day's reminders and escalations of a version with their mails, in one transaction.
    pub async fn record_signing_notices(
        &self,
        policy_id: &str,
        today: Date,
        notices: &SigningNotices,
        at: Timestamp,
    ) -> Result<()> {
        dispatch!(self.store, policy_documents::record_notices(self.board, policy_id, today, notices, at))
    }
}
