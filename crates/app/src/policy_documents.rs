//! The board's policy documents (issue 17; seed 001's version table): the
//! IBP policy, the privacy regulation, the code of conduct, the
//! confidentiality statement, the responsible-disclosure policy and the
//! pupils' internet rules, each as versions written in the product or
//! uploaded, with their hash; adopted by the CvB on a date with the GMR's
//! consent where required; in force for staff from then on and, where
//! public, on the board's public page.
//!
//! The code of conduct and the confidentiality statement are signed by every
//! employee (seed 001 §14.8; seed 002 §8.1.2): online after reading, or on
//! paper as the administration records. A new version asks everyone again;
//! the daily job reminds whoever has not signed and, after the last
//! reminder, tells their director. A joiner's access is approved only once
//! they signed (`access::changes::approve`).

use crate::error::{Error, FieldError, Result};
use crate::i18n::{t, tf};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, labelled, rule};
use crate::mail::Mail;
use crate::{App, Staff};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::policy_documents::{PolicyKind, check_adoption, signing_escalates, signing_reminder_due};
use aantoonbaar_rules::{Action, Role};
use aantoonbaar_store::policy_documents::{
    Adoption, NewSignature, PolicyDocument, PolicyDraft, PolicyFile, Signature, SignatureChannel, SigningNotices,
};
use aantoonbaar_store::staff::StaffMember;
use aantoonbaar_store::{BoardStore, Scope, StoreError, User};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

/// The longest text of a version written in the product (a whole regulation).
const BODY_LIMIT: usize = 200_000;
/// The largest uploaded file of a version.
const FILE_LIMIT: usize = 10 * 1024 * 1024;

const LABELS: &[(&str, &str)] = &[
    ("kind", "policy.field.kind"),
    ("title", "policy.field.title"),
    ("version", "policy.field.version"),
    ("change_note", "policy.field.change_note"),
    ("text", "policy.field.text"),
    ("file", "policy.field.file"),
    ("adopted_on", "policy.field.adopted_on"),
    ("by", "policy.field.by"),
    ("gmr_consent_on", "policy.field.gmr_consent_on"),
    ("staff_id", "policy.field.staff_id"),
    ("on", "policy.field.on"),
    ("channel", "policy.field.channel"),
    ("read", "policy.field.read"),
];

fn invalid(errors: Vec<FieldError>) -> Error {
    Error::Invalid(labelled(errors, LABELS))
}

fn store<'a>(app: &'a App, staff: &'a Staff) -> BoardStore<'a> {
    app.store.board(&staff.principal.board)
}

/// The Dutch name of a kind.
#[must_use]
pub fn kind_label(kind: PolicyKind) -> &'static str {
    t(&format!("policy.kind.{}", kind.code()))
}

/// A version as the pages and the API show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PolicyOut {
    pub id: String,
    #[schema(value_type = String)]
    pub kind: PolicyKind,
    pub kind_label: &'static str,
    pub title: String,
    pub version: String,
    pub change_note: Option<String>,
    pub text: Option<String>,
    pub file_name: Option<String>,
    pub file_size: Option<usize>,
    /// SHA-256 of the text or the file: what exactly was adopted and signed.
    pub sha256: Option<String>,
    /// `draft`, `in_force` or `replaced`.
    pub state: &'static str,
    pub state_label: &'static str,
    pub public: bool,
    #[schema(value_type = Option<String>)]
    pub adopted_on: Option<Date>,
    pub adopted_by: Option<String>,
    #[schema(value_type = Option<String>)]
    pub gmr_consent_on: Option<Date>,
    /// Whether every employee signs this kind.
    pub signed_by_staff: bool,
    /// Whether the CvB adopts this kind only after the GMR's consent.
    pub needs_gmr_consent: bool,
    pub created_by: String,
}

impl PolicyOut {
    fn new(doc: PolicyDocument, in_force: &HashMap<PolicyKind, String>) -> Self {
        let state = match (&doc.adopted_on, in_force.get(&doc.kind)) {
            (None, _) => "draft",
            (Some(_), Some(id)) if *id == doc.id => "in_force",
            (Some(_), _) => "replaced",
        };
        Self {
            kind_label: kind_label(doc.kind),
            state,
            state_label: t(&format!("policy.state.{state}")),
            signed_by_staff: doc.kind.signed_by_staff(),
            needs_gmr_consent: doc.kind.needs_gmr_consent(),
            id: doc.id,
            kind: doc.kind,
            title: doc.title,
            version: doc.version,
            change_note: doc.change_note,
            text: doc.text,
            file_name: doc.file_name,
            file_size: doc.file_size,
            sha256: doc.sha256,
            public: doc.public,
            adopted_on: doc.adopted_on,
            adopted_by: doc.adopted_by,
            gmr_consent_on: doc.gmr_consent_on,
            created_by: doc.created_by,
        }
    }

    /// Whether this version is the one in force.
    #[must_use]
    pub fn in_force(&self) -> bool {
        self.state == "in_force"
    }
}

/// The version in force per kind: the one adopted last (an adoption is never
/// dated before the version it replaces), by id.
fn in_force_ids(docs: &[PolicyDocument]) -> HashMap<PolicyKind, String> {
    let mut best: HashMap<PolicyKind, &PolicyDocument> = HashMap::new();
    for doc in docs.iter().filter(|d| d.adoption_number.is_some()) {
        let newer = best.get(&doc.kind).is_none_or(|b| doc.adoption_number > b.adoption_number);
        if newer {
            best.insert(doc.kind, doc);
        }
    }
    best.into_iter().map(|(kind, doc)| (kind, doc.id.clone())).collect()
}

/// Every version of the board, with its state.
async fn all(board: BoardStore<'_>) -> Result<Vec<PolicyOut>> {
    let docs = board.policy_documents().await?;
    let in_force = in_force_ids(&docs);
    Ok(docs.into_iter().map(|d| PolicyOut::new(d, &in_force)).collect())
}

/// The versions in force, one per kind that has one.
async fn in_force(board: BoardStore<'_>) -> Result<Vec<PolicyOut>> {
    Ok(all(board).await?.into_iter().filter(PolicyOut::in_force).collect())
}

/// One kind with its versions, for the overview.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KindOverview {
    #[schema(value_type = String)]
    pub kind: PolicyKind,
    pub label: &'static str,
    pub in_force: Option<PolicyOut>,
    /// Drafts (only for who may read them) and replaced versions, newest first.
    pub others: Vec<PolicyOut>,
    /// For a kind staff sign: signed and expected, in the caller's part of the board.
    pub signed: Option<(usize, usize)>,
}

/// Every kind with its version in force and its history; drafts only for
/// who writes, adopts or advises on them.
///
/// # Errors
/// Forbidden, or the store.
pub async fn overview(app: &App, staff: &Staff) -> Result<Vec<KindOverview>> {
    staff.may(Action::PolicyRead)?;
    let drafts = staff.can(Action::PolicyDraftView);
    let versions = all(store(app, staff)).await?;
    let mut kinds = Vec::new();
    for kind in PolicyKind::ALL {
        let mut of_kind: Vec<PolicyOut> =
            versions.iter().filter(|v| v.kind == *kind && (drafts || v.state != "draft")).cloned().collect();
        let in_force = of_kind.iter().position(PolicyOut::in_force).map(|at| of_kind.remove(at));
        let signed = match (&in_force, staff.may(Action::SignatureView)) {
            (Some(doc), Ok(_)) if kind.signed_by_staff() => {
                let status = signatures(app, staff, &doc.id).await?;
                Some((status.signed_count, status.expected))
            }
            _ => None,
        };
        kinds.push(KindOverview { kind: *kind, label: kind_label(*kind), in_force, others: of_kind, signed });
    }
    Ok(kinds)
}

/// One version; a draft only for who may read drafts (others: not found).
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn one(app: &App, staff: &Staff, id: &str) -> Result<PolicyOut> {
    staff.may(Action::PolicyRead)?;
    let found = all(store(app, staff)).await?.into_iter().find(|v| v.id == id).ok_or(Error::NotFound)?;
    if found.state == "draft" && !staff.can(Action::PolicyDraftView) {
        return Err(Error::NotFound);
    }
    Ok(found)
}

/// A version's uploaded file, with its name and media type.
///
/// # Errors
/// As [`one`]; not found when the version has no file.
pub async fn file(app: &App, staff: &Staff, id: &str) -> Result<(PolicyOut, String, Vec<u8>)> {
    let doc = one(app, staff, id).await?;
    let (media_type, bytes) = stored_file(store(app, staff), id).await?;
    Ok((doc, media_type, bytes))
}

/// A version's file bytes with their media type; not found without a file.
async fn stored_file(board: BoardStore<'_>, id: &str) -> Result<(String, Vec<u8>)> {
    let bytes = board.policy_file(id).await?.ok_or(Error::NotFound)?;
    let media_type = board
        .policy_document(id)
        .await?
        .and_then(|d| d.media_type)
        .unwrap_or_else(|| "application/octet-stream".to_owned());
    Ok((media_type, bytes))
}

/// A version to write or change: `{kind, title, version, change_note?, text?}`.
/// In a change `kind` may be left out; it cannot change.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct PolicyCommand {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// `ibp_policy`, `privacy_regulation`, `code_of_conduct`, `confidentiality`,
    /// `responsible_disclosure` or `pupil_internet_rules`.
    #[schema(value_type = String)]
    pub kind: Option<Given<String>>,
    #[schema(value_type = String)]
    pub title: Option<Given<String>>,
    /// The version's number or name, e.g. `2.1`; one per kind.
    #[schema(value_type = String)]
    pub version: Option<Given<String>>,
    /// What changed against the version before.
    #[schema(value_type = Option<String>)]
    pub change_note: Option<Given<String>>,
    /// The text; leave it out to upload a file instead.
    #[schema(value_type = Option<String>)]
    pub text: Option<Given<String>>,
}

impl PolicyCommand {
    fn validate(self, stored: Option<PolicyKind>) -> Result<PolicyDraft, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let kind = match (self.kind, stored) {
            (None, Some(stored)) => Some(stored),
            (value, _) => {
                let code = given_text(&mut errors, "kind", value, true, TEXT_LIMIT);
                let kind = rule(&mut errors, "kind", code, PolicyKind::from_code);
                if let (Some(kind), Some(stored)) = (kind, stored)
                    && kind != stored
                {
                    errors.push(FieldError::new("kind", "policy.kind_fixed"));
                }
                kind
            }
        };
        let title = given_text(&mut errors, "title", self.title, true, 200);
        let version = given_text(&mut errors, "version", self.version, true, 40);
        let change_note = given_text(&mut errors, "change_note", self.change_note, false, TEXT_LIMIT);
        let text = given_text(&mut errors, "text", self.text, false, BODY_LIMIT);
        let draft = match (kind, title, version) {
            (Some(kind), Some(title), Some(version)) => Some(PolicyDraft {
                kind,
                title,
                version,
                change_note,
                text: text.map(|text| {
                    let hash = aantoonbaar_store::parties::sha256_hex(text.as_bytes());
                    (text, hash)
                }),
            }),
            _ => None,
        };
        done(errors, draft)
    }
}

fn duplicate_version(err: Error) -> Error {
    match err {
        Error::Duplicate { field } if field == "version" => {
            invalid(vec![FieldError::new("version", "policy.version_taken")])
        }
        other => other,
    }
}

/// Writes a new draft version.
///
/// # Errors
/// Forbidden, every wrong field (`policy.version_taken` for a version the
/// kind has), or the store.
pub async fn create(app: &App, staff: &Staff, command: PolicyCommand) -> Result<PolicyOut> {
    staff.may(Action::PolicyManage)?;
    let draft = command.validate(None).map_err(invalid)?;
    let stored = store(app, staff)
        .create_policy_document(&staff.actor(), &draft)
        .await
        .map_err(|e| duplicate_version(e.into()))?;
    one(app, staff, &stored.id).await
}

/// Changes a draft; an adopted version stays as adopted (write a new one).
///
/// # Errors
/// Forbidden, not found, every wrong field, an adopted version
/// (`policy.adopted_fixed`), or the store.
pub async fn update(app: &App, staff: &Staff, id: &str, command: PolicyCommand) -> Result<PolicyOut> {
    staff.may(Action::PolicyManage)?;
    let board = store(app, staff);
    let stored = board.policy_document(id).await?.ok_or(Error::NotFound)?;
    let draft = command.validate(Some(stored.kind)).map_err(invalid)?;
    board.update_policy_document(&staff.actor(), id, &draft).await.map_err(|e| match e {
        StoreError::WrongState => Error::conflict("id", "policy.adopted_fixed"),
        other => duplicate_version(other.into()),
    })?;
    one(app, staff, id).await
}

/// An uploaded file for a draft.
#[derive(Debug, Clone, Default)]
pub struct Upload {
    pub file_name: Option<String>,
    pub media_type: Option<String>,
    pub content: Vec<u8>,
}

/// Puts an uploaded file in a draft (its SHA-256 computed here, from the bytes).
///
/// # Errors
/// Forbidden, not found, no file or too large (`file`), an adopted version, or the store.
pub async fn attach_file(app: &App, staff: &Staff, id: &str, upload: Upload) -> Result<PolicyOut> {
    staff.may(Action::PolicyManage)?;
    let board = store(app, staff);
    board.policy_document(id).await?.ok_or(Error::NotFound)?;
    if upload.content.is_empty() {
        return Err(invalid(vec![FieldError::new("file", "policy.file_missing")]));
    }
    if upload.content.len() > FILE_LIMIT {
        return Err(invalid(vec![FieldError::new("file", "policy.file_too_large")]));
    }
    let file_name = crate::input::upload_name(upload.file_name, 200);
    let media_type = crate::input::upload_media_type(upload.media_type);
    let sha256 = aantoonbaar_store::parties::sha256_hex(&upload.content);
    let file = PolicyFile { file_name, media_type, content: upload.content, sha256 };
    board.attach_policy_file(&staff.actor(), id, &file).await.map_err(|e| match e {
        StoreError::WrongState => Error::conflict("id", "policy.adopted_fixed"),
        other => other.into(),
    })?;
    one(app, staff, id).await
}

/// The CvB's adoption: `{adopted_on, by: "CvB", gmr_consent_on?, public?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct AdoptCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// The day the CvB adopted it, `YYYY-MM-DD`.
    #[schema(value_type = String)]
    pub adopted_on: Option<Given<String>>,
    /// Who adopted it: `CvB` (the only body that adopts policy, seed 001).
    #[schema(value_type = String)]
    pub by: Option<Given<String>>,
    /// The day the GMR consented, `YYYY-MM-DD`; required for the privacy
    /// regulation and the code of conduct.
    #[schema(value_type = Option<String>)]
    pub gmr_consent_on: Option<Given<String>>,
    /// Show it on the board's public page; by default the privacy
    /// regulation, the responsible-disclosure policy and the pupils' rules are.
    #[schema(value_type = Option<bool>)]
    pub public: Option<Given<bool>>,
}

/// Records the CvB's adoption: the version is in force from now, replaces
/// the one before, and for a kind staff sign, every employee is asked by
/// mail to read and sign it.
///
/// # Errors
/// Forbidden, not found, every wrong field (a day still to come, the GMR's
/// consent missing or after the adoption, an adoption day before the
/// version in force), a version without text or file (`policy.no_content`),
/// adopted already, or the store.
pub async fn adopt(app: &App, staff: &Staff, id: &str, command: AdoptCommand) -> Result<PolicyOut> {
    staff.may(Action::PolicyManage)?;
    let board = store(app, staff);
    let stored = board.policy_document(id).await?.ok_or(Error::NotFound)?;
    let today = app.clock.today();
    let mut errors = command.unknown.errors();
    let adopted_on = given_text(&mut errors, "adopted_on", command.adopted_on, true, 40);
    let adopted_on = rule(&mut errors, "adopted_on", adopted_on, parse_iso_date);
    let by = given_text(&mut errors, "by", command.by, true, 40);
    if by.as_deref().is_some_and(|by| !by.trim().eq_ignore_ascii_case("cvb")) {
        errors.push(FieldError::new("by", "policy.by_cvb"));
    }
    let consent = given_text(&mut errors, "gmr_consent_on", command.gmr_consent_on, false, 40);
    let consent = rule(&mut errors, "gmr_consent_on", consent, parse_iso_date);
    let public = match command.public {
        None => stored.kind.public_by_default(),
        Some(Given::Value(public)) => public,
        Some(Given::Wrong) => {
            errors.push(FieldError::new("public", "field.not_boolean"));
            false
        }
    };
    if let Some(adopted_on) = adopted_on {
        if let Err(problems) = check_adoption(stored.kind, adopted_on, consent, today) {
            errors.extend(problems.iter().map(|p| FieldError::new(p.field(), p.code())));
        }
        let current = in_force(board).await?.into_iter().find(|v| v.kind == stored.kind);
        if current.and_then(|c| c.adopted_on).is_some_and(|current| adopted_on < current) {
            errors.push(FieldError::new("adopted_on", "policy.before_in_force"));
        }
    }
    let adopted_on = done(errors, adopted_on).map_err(invalid)?;
    if stored.adopted_on.is_some() {
        return Err(Error::conflict("id", "policy.adopted_already"));
    }
    if stored.sha256.is_none() {
        return Err(Error::conflict("text", "policy.no_content"));
    }
    let mails = if stored.kind.signed_by_staff() {
        let members = board.staff_members(&Scope::Board).await?;
        let link = app.link(&format!("/beleid/{id}"));
        let args = [("title", stored.title.as_str()), ("version", stored.version.as_str()), ("link", link.as_str())];
        let subject = tf("policy.mail.sign_subject", &args);
        let body = tf("policy.mail.sign_body", &args);
        let to: Vec<&str> =
            members.iter().filter(|m| expected_to_sign(m, today)).map(|m| m.data.email.as_str()).collect();
        crate::mail::to_each(&to, &subject, &body)
    } else {
        Vec::new()
    };
    let adoption = Adoption { adopted_on, gmr_consent_on: consent, public, mails };
    board.adopt_policy_document(&staff.actor(), id, &adoption).await.map_err(|e| match e {
        StoreError::WrongState => Error::conflict("id", "policy.adopted_already"),
        other => other.into(),
    })?;
    if !adoption.mails.is_empty() {
        app.mailer.wake();
    }
    one(app, staff, id).await
}

/// Shows an adopted version on the board's public page, or takes it off.
///
/// # Errors
/// Forbidden, not found, a draft (`policy.publish_draft`), or the store.
pub async fn publish(app: &App, staff: &Staff, id: &str, public: bool) -> Result<PolicyOut> {
    staff.may(Action::PolicyManage)?;
    store(app, staff).publish_policy_document(&staff.actor(), id, public).await.map_err(|e| match e {
        StoreError::WrongState => Error::conflict("id", "policy.publish_draft"),
        other => other.into(),
    })?;
    one(app, staff, id).await
}

/// Whether a person is asked to sign on `today`: everyone whose employment
/// has not ended, joiners who have yet to start included (they sign first).
fn expected_to_sign(member: &StaffMember, today: Date) -> bool {
    member.data.employment_end.is_none_or(|end| end >= today)
}

/// A signature as the lists show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SignedRow {
    pub staff_id: String,
    pub name: String,
    pub school_id: Option<String>,
    #[schema(value_type = String)]
    pub signed_on: Date,
    /// `online` or `paper`.
    #[schema(value_type = String)]
    pub channel: SignatureChannel,
    pub channel_label: &'static str,
    pub recorded_by: String,
    /// Still employed (a leaver's signature stays as proof).
    pub employed: bool,
}

/// Someone who has not signed yet.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnsignedRow {
    pub staff_id: String,
    pub name: String,
    pub email: String,
    pub school_id: Option<String>,
    /// Reminders sent so far.
    pub reminders: u32,
}

/// Who signed a version and who has not, in the caller's part of the board.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SignatureStatus {
    pub policy_id: String,
    pub title: String,
    pub version: String,
    pub in_force: bool,
    pub signed: Vec<SignedRow>,
    pub not_signed: Vec<UnsignedRow>,
    /// Signed among those expected to sign.
    pub signed_count: usize,
    /// Those expected to sign: everyone whose employment has not ended.
    pub expected: usize,
}

/// The signatures of a version and who is still to sign, for whoever sees
/// signatures, limited to their school(s).
///
/// # Errors
/// Forbidden, not found, a kind staff do not sign (`policy.not_signed_kind`), or the store.
pub async fn signatures(app: &App, staff: &Staff, id: &str) -> Result<SignatureStatus> {
    let scope = staff.may(Action::SignatureView)?;
    let doc = one(app, staff, id).await?;
    if !doc.signed_by_staff {
        return Err(Error::conflict("id", "policy.not_signed_kind"));
    }
    status(store(app, staff), &doc, scope, app.clock.today()).await
}

async fn status(board: BoardStore<'_>, doc: &PolicyOut, scope: &Scope, today: Date) -> Result<SignatureStatus> {
    let members = board.staff_members(scope).await?;
    let signatures = board.policy_signatures(&doc.id).await?;
    let reminders: HashMap<String, u32> =
        board.signing_reminders(&doc.id).await?.into_iter().map(|r| (r.staff_id, r.sent)).collect();
    let by_staff: HashMap<&str, &Signature> = signatures.iter().map(|s| (s.staff_id.as_str(), s)).collect();
    let mut signed = Vec::new();
    let mut not_signed = Vec::new();
    let mut expected = 0;
    let mut signed_count = 0;
    for member in &members {
        let employed = expected_to_sign(member, today);
        expected += usize::from(employed);
        match by_staff.get(member.id.as_str()) {
            Some(signature) => {
                signed_count += usize::from(employed);
                signed.push(SignedRow {
                    staff_id: member.id.clone(),
                    name: member.name(),
                    school_id: member.data.school_id.clone(),
                    signed_on: signature.signed_on,
                    channel: signature.channel,
                    channel_label: t(&format!("policy.channel.{}", signature.channel.code())),
                    recorded_by: signature.recorded_by.clone(),
                    employed,
                });
            }
            None if employed => not_signed.push(UnsignedRow {
                staff_id: member.id.clone(),
                name: member.name(),
                email: member.data.email.clone(),
                school_id: member.data.school_id.clone(),
                reminders: reminders.get(&member.id).copied().unwrap_or_default(),
            }),
            None => {}
        }
    }
    Ok(SignatureStatus {
        policy_id: doc.id.clone(),
        title: doc.title.clone(),
        version: doc.version.clone(),
        in_force: doc.in_force(),
        signed,
        not_signed,
        signed_count,
        expected,
    })
}

/// A signature: empty for the signed-in employee's own (with `read: true`
/// from the page's "I have read it"), or `{staff_id, on, channel: "paper"}`
/// for one given on paper, recorded by the administration.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SignCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// The person who signed on paper (staff list id).
    #[schema(value_type = Option<String>)]
    pub staff_id: Option<Given<String>>,
    /// The day of the paper signature, `YYYY-MM-DD`.
    #[schema(value_type = Option<String>)]
    pub on: Option<Given<String>>,
    /// `online` (the default, one's own) or `paper`.
    #[schema(value_type = Option<String>)]
    pub channel: Option<Given<String>>,
    /// That the employee read the text (the page asks it; `false` is refused).
    #[schema(value_type = Option<bool>)]
    pub read: Option<Given<bool>>,
}

/// Records a signature under the version in force: the caller's own (found
/// on the staff list by their e-mail address), or one given on paper.
///
/// # Errors
/// Forbidden (paper without the right, or a person outside the caller's
/// schools: not found), every wrong field, a version not in force
/// (`policy.sign_in_force_only`), a kind staff do not sign, the caller not
/// on the staff list (`policy.not_on_staff_list`), signed already
/// (`policy.signed_already`), or the store.
pub async fn sign(app: &App, staff: &Staff, id: &str, command: SignCommand) -> Result<SignedRow> {
    staff.may(Action::PolicyRead)?;
    let board = store(app, staff);
    let doc = one(app, staff, id).await?;
    let today = app.clock.today();
    let mut errors = command.unknown.errors();
    let channel = given_text(&mut errors, "channel", command.channel, false, 40);
    let paper = match channel.as_deref().map(str::trim) {
        None | Some("online") => false,
        Some("paper") => true,
        Some(_) => {
            errors.push(FieldError::new("channel", "policy.channel_unknown"));
            false
        }
    };
    let staff_id = given_text(&mut errors, "staff_id", command.staff_id, paper, 80);
    let on = given_text(&mut errors, "on", command.on, paper, 40);
    let on = rule(&mut errors, "on", on, parse_iso_date);
    if on.is_some_and(|on| on > today) {
        errors.push(FieldError::new("on", "policy.signed_in_future"));
    }
    if !paper && (staff_id.is_some() || on.is_some()) {
        errors.push(FieldError::new("channel", "policy.paper_needs_channel"));
    }
    if matches!(command.read, Some(Given::Value(false))) {
        errors.push(FieldError::new("read", "policy.read_first"));
    }
    if !errors.is_empty() {
        return Err(invalid(errors));
    }
    if !doc.signed_by_staff {
        return Err(Error::conflict("id", "policy.not_signed_kind"));
    }
    if !doc.in_force() {
        return Err(Error::conflict("id", "policy.sign_in_force_only"));
    }
    let (member, signed_on, channel) = if paper {
        let scope = staff.may(Action::SignatureRecord)?;
        let member = board.staff_member(scope, staff_id.as_deref().unwrap_or_default()).await?;
        let member = member.ok_or_else(|| invalid(vec![FieldError::new("staff_id", "reference.unknown")]))?;
        (member, on.unwrap_or(today), SignatureChannel::Paper)
    } else {
        let member =
            own_member(board, staff).await?.ok_or_else(|| Error::conflict("id", "policy.not_on_staff_list"))?;
        (member, today, SignatureChannel::Online)
    };
    let signature = NewSignature { staff_id: member.id.clone(), signer_name: member.name(), signed_on, channel };
    let stored = board.sign_policy_document(&staff.actor(), id, &signature).await.map_err(|e| match e {
        StoreError::Duplicate { .. } => Error::conflict("staff_id", "policy.signed_already"),
        StoreError::WrongState => Error::conflict("id", "policy.sign_in_force_only"),
        other => other.into(),
    })?;
    Ok(SignedRow {
        staff_id: member.id.clone(),
        name: stored.signer_name,
        school_id: member.data.school_id.clone(),
        signed_on: stored.signed_on,
        channel: stored.channel,
        channel_label: t(&format!("policy.channel.{}", stored.channel.code())),
        recorded_by: stored.recorded_by,
        employed: expected_to_sign(&member, today),
    })
}

/// The signed-in user's own entry on the staff list, by e-mail address.
async fn own_member(board: BoardStore<'_>, staff: &Staff) -> Result<Option<StaffMember>> {
    let email = staff.principal.email.to_lowercase();
    Ok(board.staff_members(&Scope::Board).await?.into_iter().find(|m| m.data.email == email))
}

/// What the policies ask of the caller now, for the start page.
#[derive(Debug, Clone, Default)]
pub struct Attention {
    /// The versions in force the caller still has to sign.
    pub to_sign: Vec<PolicyOut>,
    /// Signatures missing under the versions in force in the caller's
    /// schools (`None`: not the caller's to see, or nothing to sign).
    pub missing: Option<usize>,
}

/// The start page's policy cards.
///
/// # Errors
/// The store.
pub async fn attention(app: &App, staff: &Staff) -> Result<Attention> {
    let mut found = Attention { to_sign: to_sign(app, staff).await?, missing: None };
    if let Ok(scope) = staff.may(Action::SignatureView) {
        let board = store(app, staff);
        let today = app.clock.today();
        for doc in in_force(board).await?.into_iter().filter(|v| v.signed_by_staff) {
            let status = status(board, &doc, scope, today).await?;
            *found.missing.get_or_insert(0) += status.not_signed.len();
        }
    }
    Ok(found)
}

/// The signed-in user's own signature under a version, if any.
///
/// # Errors
/// The store.
pub async fn own_signature(app: &App, staff: &Staff, id: &str) -> Result<Option<Signature>> {
    let board = store(app, staff);
    let Some(member) = own_member(board, staff).await? else { return Ok(None) };
    Ok(board.signatures_of(&member.id).await?.into_iter().find(|s| s.policy_id == id))
}

/// A published version's file, for anyone; not found when the version is
/// not on the board's public page or has no file.
///
/// # Errors
/// Not found, or the store.
pub async fn public_file(app: &App, board_id: &str, id: &str) -> Result<(PolicyOut, String, Vec<u8>)> {
    let (_, versions) = public_versions(app, board_id).await?;
    let doc = versions.into_iter().find(|v| v.id == id).ok_or(Error::NotFound)?;
    let board = app.store.board_by_id(board_id).await?.ok_or(Error::NotFound)?;
    let (media_type, bytes) = stored_file(app.store.board(&board.id), id).await?;
    Ok((doc, media_type, bytes))
}

/// The versions in force the signed-in user still has to sign (the start
/// page's card and the policy page's banner); empty for someone not on the staff list.
///
/// # Errors
/// The store.
pub async fn to_sign(app: &App, staff: &Staff) -> Result<Vec<PolicyOut>> {
    if !staff.can(Action::PolicyRead) {
        return Ok(Vec::new());
    }
    let board = store(app, staff);
    let Some(member) = own_member(board, staff).await? else { return Ok(Vec::new()) };
    unsigned_by(board, &member.id).await
}

/// The versions in force of the kinds staff sign that `staff_id` has not signed.
async fn unsigned_by(board: BoardStore<'_>, staff_id: &str) -> Result<Vec<PolicyOut>> {
    let signed: Vec<String> = board.signatures_of(staff_id).await?.into_iter().map(|s| s.policy_id).collect();
    Ok(in_force(board).await?.into_iter().filter(|v| v.signed_by_staff && !signed.contains(&v.id)).collect())
}

/// The titles of what a joiner has still to sign before their access is
/// approved (seed 001 §14.8: every employee signs; the issue: new staff sign
/// before their access requests go ahead).
///
/// # Errors
/// The store.
pub async fn unsigned_titles(board: BoardStore<'_>, staff_id: &str) -> Result<Vec<String>> {
    Ok(unsigned_by(board, staff_id).await?.into_iter().map(|v| v.kind_label.to_owned()).collect())
}

/// A board's share of staff who signed the version of `kind` in force on
/// `on`: `(signed by then, expected then)`; `None` when no version was in
/// force. For the board report.
///
/// # Errors
/// The store.
pub async fn signed_share(board: BoardStore<'_>, kind: PolicyKind, on: Date) -> Result<Option<(usize, usize)>> {
    let docs = board.policy_documents().await?;
    let adopted: Vec<PolicyDocument> =
        docs.into_iter().filter(|d| d.kind == kind && d.adopted_on.is_some_and(|a| a <= on)).collect();
    let Some(id) = in_force_ids(&adopted).remove(&kind) else { return Ok(None) };
    let signatures = board.policy_signatures(&id).await?;
    let members = board.staff_members(&Scope::Board).await?;
    let employed: Vec<&StaffMember> = members.iter().filter(|m| m.employed_on(on)).collect();
    let signed = employed.iter().filter(|m| signatures.iter().any(|s| s.staff_id == m.id && s.signed_on <= on)).count();
    Ok(Some((signed, employed.len())))
}

/// The board's name and the versions it shows on its public page, for
/// anyone; not found for an unknown board.
///
/// # Errors
/// Not found, or the store.
pub async fn public_versions(app: &App, board_id: &str) -> Result<(String, Vec<PolicyOut>)> {
    let board = app.store.board_by_id(board_id).await?.ok_or(Error::NotFound)?;
    let versions = in_force(app.store.board(&board.id)).await?.into_iter().filter(|v| v.public).collect();
    Ok((board.name, versions))
}

/// The daily job: reminds everyone who has not signed a version in force a
/// week after it came into force and then fortnightly, three times, and
/// then tells their director (the IBP managers for the board's own staff)
/// once. Returns the mails written.
///
/// # Errors
/// When the store cannot be read or written.
pub async fn remind_non_signers(app: &App) -> Result<u64, StoreError> {
    let today = app.clock.today();
    let mut written = 0;
    for board_id in app.store.board_ids().await? {
        let board = app.store.board(&board_id);
        let docs = board.policy_documents().await?;
        let in_force = in_force_ids(&docs);
        let signing: Vec<&PolicyDocument> = docs
            .iter()
            .filter(|d| d.kind.signed_by_staff() && in_force.get(&d.kind).is_some_and(|id| *id == d.id))
            .collect();
        if signing.is_empty() {
            continue;
        }
        let members = board.staff_members(&Scope::Board).await?;
        let users = board.users(&Scope::Board).await?;
        for doc in signing {
            let notices = signing_notices(app, doc, &members, &users, board, today).await?;
            if notices.mails.is_empty() {
                continue;
            }
            written += notices.mails.len() as u64;
            board.record_signing_notices(&doc.id, today, &notices, app.clock.now()).await?;
        }
    }
    Ok(written)
}

async fn signing_notices(
    app: &App,
    doc: &PolicyDocument,
    members: &[StaffMember],
    users: &[User],
    board: BoardStore<'_>,
    today: Date,
) -> Result<SigningNotices, StoreError> {
    let Some(in_force_on) = doc.adopted_at.map(aantoonbaar_rules::calendar::dutch_date) else {
        return Ok(SigningNotices::default());
    };
    let signed: Vec<String> = board.policy_signatures(&doc.id).await?.into_iter().map(|s| s.staff_id).collect();
    let sent: HashMap<String, _> =
        board.signing_reminders(&doc.id).await?.into_iter().map(|r| (r.staff_id.clone(), r)).collect();
    let link = app.link(&format!("/beleid/{}", doc.id));
    let args = [("title", doc.title.as_str()), ("version", doc.version.as_str()), ("link", link.as_str())];
    let (subject, body) = (tf("policy.mail.reminder_subject", &args), tf("policy.mail.reminder_body", &args));
    let mut notices = SigningNotices::default();
    // The people each director (or IBP manager) hears of, by school.
    let mut late: HashMap<Option<String>, Vec<String>> = HashMap::new();
    for member in members.iter().filter(|m| expected_to_sign(m, today) && !signed.contains(&m.id)) {
        let had = sent.get(&member.id);
        let (count, last) = had.map_or((0, None), |r| (r.sent, Some(r.last_on)));
        if signing_reminder_due(in_force_on, count, last, today) {
            notices.reminded.push(member.id.clone());
            notices
                .mails
                .push(Mail { to: &member.data.email, subject: &subject, body: &body, sensitive: false }.to_new());
        } else if had.is_some_and(|r| r.escalated_on.is_none()) && signing_escalates(count, last, today) {
            notices.escalated.push(member.id.clone());
            late.entry(member.data.school_id.clone()).or_default().push(member.name());
        }
    }
    for (school, mut names) in late {
        names.sort();
        let to: Vec<&str> = users
            .iter()
            .filter(|u| match &school {
                Some(school) => u.roles.contains(&Role::D) && u.scope_ids.contains(school),
                None => u.roles.contains(&Role::St),
            })
            .map(|u| u.email.as_str())
            .collect();
        let to = if to.is_empty() {
            users.iter().filter(|u| u.roles.contains(&Role::St)).map(|u| u.email.as_str()).collect()
        } else {
            to
        };
        let names = names.join(", ");
        let args = [("title", doc.title.as_str()), ("names", names.as_str()), ("link", link.as_str())];
        let subject = tf("policy.mail.escalation_subject", &args);
        let body = tf("policy.mail.escalation_body", &args);
        notices.mails.extend(crate::mail::to_each(&to, &subject, &body));
    }
    Ok(notices)
}
