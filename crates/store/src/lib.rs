//! Persistence for Aantoonbaar.
//!
//! One [`Store`] over SQLite (the embedded default) or PostgreSQL (for a provider
//! hosting many boards), chosen from the database URL. The SQL is written once
//! in `queries.rs` and compiled for each back-end (`sqlite.rs`, `postgres.rs`),
//! so there is no `if sqlite` anywhere; the only differences between the two
//! live in those two small files and in their migrations.
//!
//! Board data is reached only through a [`BoardStore`], which carries the board
//! id into every query: a query without the tenant cannot be written by accident.
//! Every write runs in one transaction with its audit event.

pub mod audit_chain;
pub mod credentials;
mod group_commit;
pub mod model;
mod postgres;
mod sqlite;

pub use model::*;

use jiff::Timestamp;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("another record already has this {field}")]
    Duplicate { field: &'static str },
    #[error("{field} does not refer to an existing record of this board")]
    BadReference { field: &'static str },
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    #[error("the operating system gave no randomness")]
    Randomness,
    #[error("not supported on this database: {0}")]
    Unsupported(&'static str),
    #[error("the change was not saved: {0}")]
    NotCommitted(String),
    #[error("unsupported database URL; use sqlite://PATH or postgres://…")]
    BadUrl,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Who makes a change, from where and when: written into the audit trail with it.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<String>,
    /// E-mail address of a user, or `cli` / `import` / `demo`.
    pub label: String,
    pub ip: Option<String>,
    pub at: Timestamp,
}

impl Actor {
    /// The command line, run by whoever has access to the server.
    #[must_use]
    pub fn command_line(at: Timestamp) -> Self {
        Self { user_id: None, label: "cli".to_owned(), ip: None, at }
    }
}

/// What happened, for the audit trail. Field *names* only: values, and above all
/// special-category values, are never copied into the trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    /// Someone looked at personal data (a pupil's record, their guardians).
    View,
    Create,
    Update,
    Delete,
    Import,
    SignIn,
    SignOut,
    SetPassword,
    EnrolTwoStep,
    UseRecoveryCode,
    CreateToken,
    RevokeToken,
}

impl AuditAction {
    pub const ALL: &'static [Self] = &[
        Self::View,
        Self::Create,
        Self::Update,
        Self::Delete,
        Self::Import,
        Self::SignIn,
        Self::SignOut,
        Self::SetPassword,
        Self::EnrolTwoStep,
        Self::UseRecoveryCode,
        Self::CreateToken,
        Self::RevokeToken,
    ];

    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::View => "view",
            Self::Create => "create",
            Self::Update => "update",
            Self::Delete => "delete",
            Self::Import => "import",
            Self::SignIn => "sign_in",
            Self::SignOut => "sign_out",
            Self::SetPassword => "set_password",
            Self::EnrolTwoStep => "enrol_two_step",
            Self::UseRecoveryCode => "use_recovery_code",
            Self::CreateToken => "create_token",
            Self::RevokeToken => "revoke_token",
        }
    }
}

/// One entry for the audit trail, built next to the change it records.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub action: AuditAction,
    pub entity: &'static str,
    pub entity_id: String,
    pub fields: Vec<&'static str>,
}

impl AuditEvent {
    #[must_use]
    pub fn new(action: AuditAction, entity: &'static str, entity_id: &str) -> Self {
        Self { action, entity, entity_id: entity_id.to_owned(), fields: Vec::new() }
    }

    #[must_use]
    pub fn fields(mut self, fields: &[&'static str]) -> Self {
        self.fields.extend_from_slice(fields);
        self
    }
}

/// An audit entry as stored.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: Timestamp,
    pub actor: String,
    pub ip: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub fields: Vec<String>,
}

use serde::Serialize;

/// Which audit entries to show.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Part of the actor's e-mail address.
    pub actor: Option<String>,
    /// Only entries about these records (e.g. one pupil).
    pub entity_ids: Option<Vec<String>>,
    /// Unix seconds, inclusive.
    pub from: Option<i64>,
    /// Unix seconds, exclusive.
    pub until: Option<i64>,
    pub limit: i64,
}

#[derive(Clone)]
pub(crate) enum Backend {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

/// The database, whichever back-end it is.
#[derive(Clone)]
pub struct Store {
    backend: Backend,
    decisions: group_commit::DecisionQueue,
}

/// Calls the function of the same path in the back-end's module
/// (`dispatch!(store, incidents::report(…))` → `sqlite::incidents::report`).
macro_rules! dispatch {
    ($store:expr, $($function:ident)::+ ( $($arg:expr),* $(,)? )) => {
        match &$store.backend {
            Backend::Sqlite(pool) => sqlite::$($function)::+(pool, $($arg),*).await,
            Backend::Postgres(pool) => postgres::$($function)::+(pool, $($arg),*).await,
        }
    };
}

pub mod incidents;
pub use incidents::{
    Closing, FollowUp, Incident, IncidentAssessment, IncidentFilter, IncidentLetter, IncidentSubject, NewIncident,
    NewLetter, SubjectRef,
};
mod requests;
pub use requests::{ErasureRecord, NewRequest, Request};

impl Store {
    /// Connects to `sqlite://PATH` (created when missing) or `postgres://…`.
    ///
    /// # Errors
    /// An unknown scheme, or a database that cannot be reached.
    pub async fn connect(url: &str) -> Result<Self> {
        let backend = if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
            Backend::Sqlite(sqlite::connect(Path::new(path)).await?)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres(postgres::connect(url).await?)
        } else {
            return Err(StoreError::BadUrl);
        };
        let decisions = group_commit::DecisionQueue::start(backend.clone());
        Ok(Self { backend, decisions })
    }

    /// Connects and applies every migration the database has not had yet.
    ///
    /// # Errors
    /// As [`Store::connect`], or a migration that fails.
    pub async fn open(url: &str) -> Result<Self> {
        let store = Self::connect(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Applies the migrations embedded in the binary.
    ///
    /// # Errors
    /// A migration that fails, or a database migrated by a newer version.
    pub async fn migrate(&self) -> Result<()> {
        dispatch!(self, migrate())
    }

    /// `sqlite` or `postgres`.
    #[must_use]
    pub const fn backend_name(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite(pool) => pool.close().await,
            Backend::Postgres(pool) => pool.close().await,
        }
    }

    /// Writes a consistent copy of a SQLite database to `target` while it is in
    /// use (`VACUUM INTO`).
    ///
    /// # Errors
    /// [`StoreError::Unsupported`] on PostgreSQL, where `pg_dump` is the tool.
    pub async fn backup_to(&self, target: &Path) -> Result<()> {
        match &self.backend {
            Backend::Sqlite(pool) => sqlite::backup_to(pool, target).await,
            Backend::Postgres(_) => Err(StoreError::Unsupported("backup")),
        }
    }

    /// Checks every board's audit chain; the first break per board.
    pub async fn verify_audit(&self) -> Result<Vec<audit_chain::ChainBreak>> {
        dispatch!(self, verify_audit())
    }

    /// Every board, for the background jobs that visit each in turn.
    pub async fn board_ids(&self) -> Result<Vec<BoardId>> {
        dispatch!(self, board_ids())
    }

    /// Deletes sessions, links and throttle counters that can no longer be
    /// used: staff and parent sessions last seen before `idle_since` or started
    /// before `created_since`, links expired before `now`, and throttle counters
    /// idle for a day. Returns how many rows went.
    pub async fn purge_expired(&self, idle_since: Timestamp, created_since: Timestamp, now: Timestamp) -> Result<u64> {
        dispatch!(self, purge_expired(idle_since, created_since, now))
    }

    pub async fn board_by_name(&self, name: &str) -> Result<Option<Board>> {
        dispatch!(self, board_by_name(name))
    }

    /// Finds the board called `name`, creating it when it does not exist.
    pub async fn ensure_board(&self, name: &str, at: Timestamp) -> Result<Board> {
        dispatch!(self, ensure_board(name, at))
    }

    /// Everything sign-in needs about the staff user with this e-mail address.
    pub async fn credentials_by_email(&self, email: &str) -> Result<Option<Credentials>> {
        dispatch!(self, credentials_by_email(email))
    }

    /// The signed-in user behind a session, if the session exists and its last
    /// use was at or after `idle_since` and it started at or after `created_since`.
    pub async fn session_principal(
        &self,
        token_hash: &str,
        idle_since: Timestamp,
        created_since: Timestamp,
        now: Timestamp,
    ) -> Result<Option<Principal>> {
        dispatch!(self, session_principal(token_hash, idle_since, created_since, now))
    }

    /// The user behind an unrevoked API token.
    pub async fn token_principal(&self, token_hash: &str, now: Timestamp) -> Result<Option<Principal>> {
        dispatch!(self, token_principal(token_hash, now))
    }

    /// The user a valid, unused set-password link belongs to.
    pub async fn password_link_user(&self, token_hash: &str, now: Timestamp) -> Result<Option<Principal>> {
        dispatch!(self, password_link_user(token_hash, now))
    }

    /// Sets the password through a link, using the link up.
    pub async fn use_password_link(&self, token_hash: &str, password_hash: &str, actor: &Actor) -> Result<()> {
        dispatch!(self, use_password_link(token_hash, password_hash, actor))
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        dispatch!(self, delete_session(token_hash))
    }

    /// The boards in which a guardian has this e-mail address.
    pub async fn boards_with_guardian(&self, email: &str) -> Result<Vec<BoardId>> {
        dispatch!(self, boards_with_guardian(email))
    }

    /// Uses up a parent's sign-in link; the board and address it was for.
    pub async fn use_parent_link(&self, token_hash: &str, now: Timestamp) -> Result<Option<(BoardId, String)>> {
        dispatch!(self, use_parent_link(token_hash, now))
    }

    /// The parent behind a portal session within the timeouts.
    pub async fn parent_session(
        &self,
        token_hash: &str,
        idle_since: Timestamp,
        created_since: Timestamp,
        now: Timestamp,
    ) -> Result<Option<ParentSession>> {
        dispatch!(self, parent_session(token_hash, idle_since, created_since, now))
    }

    pub async fn delete_parent_session(&self, token_hash: &str) -> Result<()> {
        dispatch!(self, delete_parent_session(token_hash))
    }

    /// A session waiting for its second step, started at or after `created_since`.
    pub async fn pending_session(&self, token_hash: &str, created_since: Timestamp) -> Result<Option<PendingSession>> {
        dispatch!(self, pending_session(token_hash, created_since))
    }

    /// Remembers the secret shown to a user setting up their authenticator.
    pub async fn set_pending_secret(&self, token_hash: &str, secret: &str) -> Result<()> {
        dispatch!(self, set_pending_secret(token_hash, secret))
    }

    /// Replaces a pending session by a full one under a new token (so a token
    /// seen before sign-in completed is worth nothing after it).
    pub async fn complete_session(&self, pending_hash: &str, full_hash: &str, actor: &Actor) -> Result<()> {
        dispatch!(self, complete_session(pending_hash, full_hash, actor))
    }

    /// Records that the user confirmed password and code again.
    pub async fn set_reauthenticated(&self, token_hash: &str, at: Timestamp) -> Result<()> {
        dispatch!(self, set_reauthenticated(token_hash, at))
    }

    /// Seconds to wait when any of `keys` is blocked at `now`.
    pub async fn throttle_wait(&self, keys: &[String], now: Timestamp) -> Result<Option<i64>> {
        dispatch!(self, throttle_wait(keys, now))
    }

    /// Counts a failure for `key` and blocks it until `delay(failures)` seconds from now.
    pub async fn throttle_failure(&self, key: &str, now: Timestamp, delay: fn(i64) -> i64) -> Result<()> {
        dispatch!(self, throttle_failure(key, now, delay))
    }

    /// Forgets the failures of `keys` after a success.
    pub async fn throttle_reset(&self, keys: &[String]) -> Result<()> {
        dispatch!(self, throttle_reset(keys))
    }

    /// The operations on one board's data.
    #[must_use]
    pub const fn board<'a>(&'a self, board: &'a BoardId) -> BoardStore<'a> {
        BoardStore { store: self, board }
    }
}

/// What sign-in needs to check a password and start a session.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub board: BoardId,
    pub user_id: String,
    pub password_hash: Option<String>,
    pub totp_secret: Option<String>,
    pub mfa_exempt: bool,
}

/// One board's data. Every method is scoped to that board, and the listing
/// methods also to the caller's [`Scope`].
#[derive(Clone, Copy)]
pub struct BoardStore<'a> {
    store: &'a Store,
    board: &'a BoardId,
}

impl<'a> BoardStore<'a> {
    /// The board this store works on.
    #[must_use]
    pub const fn id(&self) -> &'a BoardId {
        self.board
    }

    pub async fn create_school(&self, actor: &Actor, school: &NewSchool) -> Result<School> {
        dispatch!(self.store, create_school(self.board, actor, school))
    }

    pub async fn schools(&self, scope: &Scope) -> Result<Vec<School>> {
        dispatch!(self.store, schools(self.board, scope))
    }

    pub async fn school(&self, scope: &Scope, id: &str) -> Result<Option<School>> {
        dispatch!(self.store, school(self.board, scope, id))
    }

    pub async fn create_group(&self, actor: &Actor, school_id: &str, name: &str) -> Result<Group> {
        dispatch!(self.store, create_group(self.board, actor, school_id, name))
    }

    pub async fn groups(&self, scope: &Scope, school_id: Option<&str>) -> Result<Vec<Group>> {
        dispatch!(self.store, groups(self.board, scope, school_id))
    }

    pub async fn group(&self, scope: &Scope, id: &str) -> Result<Option<Group>> {
        dispatch!(self.store, group(self.board, scope, id))
    }

    pub async fn create_pupil(&self, actor: &Actor, pupil: &NewPupil) -> Result<Pupil> {
        dispatch!(self.store, create_pupil(self.board, actor, pupil))
    }

    /// Replaces the pupil's record with `pupil`, auditing the fields that changed.
    pub async fn update_pupil(&self, actor: &Actor, id: &str, pupil: &NewPupil) -> Result<Pupil> {
        dispatch!(self.store, update_pupil(self.board, actor, id, pupil))
    }

    /// Pupils matching `query`, and how many match in all.
    pub async fn pupils(&self, scope: &Scope, query: &PupilQuery) -> Result<(Vec<Pupil>, i64)> {
        dispatch!(self.store, pupils(self.board, scope, query))
    }

    pub async fn pupil(&self, scope: &Scope, id: &str) -> Result<Option<Pupil>> {
        dispatch!(self.store, pupil(self.board, scope, id))
    }

    pub async fn create_guardian(&self, actor: &Actor, guardian: &NewGuardian) -> Result<Guardian> {
        dispatch!(self.store, create_guardian(self.board, actor, guardian))
    }

    /// Guardians of pupils in scope (on board scope: every guardian).
    pub async fn guardians(&self, scope: &Scope) -> Result<Vec<Guardian>> {
        dispatch!(self.store, guardians(self.board, scope))
    }

    pub async fn guardian(&self, scope: &Scope, id: &str) -> Result<Option<Guardian>> {
        dispatch!(self.store, guardian(self.board, scope, id))
    }

    /// Links a guardian to a pupil, or changes the link when it exists.
    pub async fn link_guardian(&self, actor: &Actor, pupil_id: &str, guardian_id: &str, link: Link) -> Result<()> {
        dispatch!(self.store, link_guardian(self.board, actor, pupil_id, guardian_id, link))
    }

    /// Records that a custodial parent granted `guardian_id` full information about the pupil.
    pub async fn grant_information(
        &self,
        actor: &Actor,
        pupil_id: &str,
        guardian_id: &str,
        granted_on: jiff::civil::Date,
    ) -> Result<()> {
        dispatch!(self.store, grant_information(self.board, actor, pupil_id, guardian_id, granted_on))
    }

    pub async fn guardians_of(&self, pupil_id: &str) -> Result<Vec<LinkedGuardian>> {
        dispatch!(self.store, guardians_of(self.board, pupil_id))
    }

    /// Creates a staff user; `None` as password hash until they set one.
    pub async fn create_user(&self, actor: &Actor, user: &NewUser, password_hash: Option<&str>) -> Result<User> {
        dispatch!(self.store, create_user(self.board, actor, user, password_hash))
    }

    pub async fn users(&self, scope: &Scope) -> Result<Vec<User>> {
        dispatch!(self.store, users(self.board, scope))
    }

    pub async fn create_session(
        &self,
        actor: &Actor,
        user_id: &str,
        token_hash: &str,
        stage: SessionStage,
    ) -> Result<()> {
        dispatch!(self.store, create_session(self.board, actor, user_id, token_hash, stage))
    }

    /// Stores a verified authenticator secret and fresh recovery codes (hashes),
    /// replacing earlier ones; `step` is the step of the code that proved it.
    pub async fn enrol_totp(
        &self,
        actor: &Actor,
        user_id: &str,
        secret: &str,
        step: i64,
        recovery_hashes: &[String],
    ) -> Result<()> {
        dispatch!(self.store, enrol_totp(self.board, actor, user_id, secret, step, recovery_hashes))
    }

    /// Accepts a code's time step once: `false` when it (or a later one) was used.
    pub async fn accept_totp_step(&self, user_id: &str, step: i64) -> Result<bool> {
        dispatch!(self.store, accept_totp_step(self.board, user_id, step))
    }

    /// Uses up a recovery code; `false` when it does not exist or was used.
    pub async fn use_recovery_code(&self, actor: &Actor, user_id: &str, code_hash: &str) -> Result<bool> {
        dispatch!(self.store, use_recovery_code(self.board, actor, user_id, code_hash))
    }

    pub async fn create_password_link(&self, user_id: &str, token_hash: &str, expires_at: Timestamp) -> Result<()> {
        dispatch!(self.store, create_password_link(self.board, user_id, token_hash, expires_at))
    }

    pub async fn create_token(&self, actor: &Actor, user_id: &str, name: &str, token_hash: &str) -> Result<ApiToken> {
        dispatch!(self.store, create_token(self.board, actor, user_id, name, token_hash))
    }

    pub async fn tokens(&self, user_id: &str) -> Result<Vec<ApiToken>> {
        dispatch!(self.store, tokens(self.board, user_id))
    }

    pub async fn revoke_token(&self, actor: &Actor, user_id: &str, token_id: &str) -> Result<()> {
        dispatch!(self.store, revoke_token(self.board, actor, user_id, token_id))
    }

    /// Imports a school's pupils in one transaction; with `dry_run` the
    /// transaction is rolled back and the report tells what would happen.
    pub async fn import_pupils(
        &self,
        actor: &Actor,
        school_id: &str,
        file_name: &str,
        pupils: &[ImportedPupil],
        dry_run: bool,
    ) -> Result<ImportReport> {
        dispatch!(self.store, import_pupils(self.board, actor, school_id, file_name, pupils, dry_run))
    }

    /// The days equated with public holidays for this board's deadlines, in date order.
    pub async fn equated_days(&self) -> Result<Vec<EquatedDay>> {
        dispatch!(self.store, equated_days(self.board))
    }

    pub async fn add_equated_day(&self, actor: &Actor, day: jiff::civil::Date, description: &str) -> Result<()> {
        dispatch!(self.store, add_equated_day(self.board, actor, day, description))
    }

    pub async fn remove_equated_day(&self, actor: &Actor, day: jiff::civil::Date) -> Result<()> {
        dispatch!(self.store, remove_equated_day(self.board, actor, day))
    }

    /// The board's consent purposes with their current texts, in form order; the
    /// default set of seed 001 §14.5 is added the first time.
    pub async fn consent_purposes(&self, at: Timestamp) -> Result<Vec<ConsentPurpose>> {
        dispatch!(self.store, consent_purposes(self.board, at))
    }

    pub async fn board_settings(&self) -> Result<BoardSettings> {
        dispatch!(self.store, board_settings(self.board))
    }

    pub async fn set_board_settings(&self, actor: &Actor, settings: BoardSettings) -> Result<()> {
        dispatch!(self.store, set_board_settings(self.board, actor, settings))
    }

    /// Records a decision against the purpose's current text version; returns
    /// once it is committed (together with the decisions recorded at the same
    /// moment: group commit).
    pub async fn record_consent_decision(
        &self,
        actor: &Actor,
        decision: &NewConsentDecision,
    ) -> Result<ConsentDecisionRecord> {
        self.store.decisions.record(self.board, actor, decision).await
    }

    /// Records that a guardian objects, to one purpose or (`None`) to all; returns its id.
    pub async fn record_consent_objection(
        &self,
        actor: &Actor,
        pupil_id: &str,
        guardian_id: &str,
        purpose: Option<&str>,
        noted_on: jiff::civil::Date,
    ) -> Result<String> {
        dispatch!(self.store, record_consent_objection(self.board, actor, pupil_id, guardian_id, purpose, noted_on))
    }

    /// The current pupils in scope for a consent round that started on `since`.
    pub async fn consent_round(
        &self,
        scope: &Scope,
        since: jiff::civil::Date,
        today: jiff::civil::Date,
    ) -> Result<Vec<RoundPupil>> {
        dispatch!(self.store, consent_round(self.board, scope, since, today))
    }

    /// Every decision about a pupil, newest first, with who recorded it and how.
    pub async fn consent_history(&self, pupil_id: &str) -> Result<Vec<ConsentDecisionRecord>> {
        dispatch!(self.store, consent_history(self.board, pupil_id))
    }

    /// What the consent check needs on `day` for these pupils (those in the
    /// caller's scope), for one purpose or (`None`) every purpose, in three queries.
    pub async fn consent_facts(
        &self,
        scope: &Scope,
        pupil_ids: &[String],
        purpose: Option<&str>,
        day: jiff::civil::Date,
    ) -> Result<ConsentFacts> {
        dispatch!(self.store, consent_facts(self.board, scope, pupil_ids, purpose, day))
    }

    /// Puts an e-mail in the outbox; returns its id.
    pub async fn queue_mail(
        &self,
        recipient: &str,
        subject: &str,
        body: &str,
        sensitive: bool,
        at: Timestamp,
    ) -> Result<String> {
        dispatch!(self.store, queue_mail(self.board, recipient, subject, body, sensitive, at))
    }

    /// Records the SMTP outcome of a mail; a delivered sensitive mail loses its body.
    pub async fn mark_mail(&self, id: &str, sent_at: Option<Timestamp>, error: Option<&str>) -> Result<()> {
        dispatch!(self.store, mark_mail(self.board, id, sent_at, error))
    }

    /// The newest mails first.
    pub async fn outbox(&self, limit: i64) -> Result<Vec<OutboxMail>> {
        dispatch!(self.store, outbox(self.board, limit))
    }

    pub async fn create_parent_link(&self, email: &str, token_hash: &str, expires_at: Timestamp) -> Result<()> {
        dispatch!(self.store, create_parent_link(self.board, email, token_hash, expires_at))
    }

    pub async fn create_parent_session(&self, actor: &Actor, email: &str, token_hash: &str) -> Result<()> {
        dispatch!(self.store, create_parent_session(self.board, actor, email, token_hash))
    }

    /// The pupils linked to a guardian with this e-mail address, still at school on `today`.
    pub async fn children_of(&self, email: &str, today: jiff::civil::Date) -> Result<Vec<Pupil>> {
        dispatch!(self.store, children_of(self.board, email, today))
    }

    /// Records that the actor viewed personal data of `entity` `id`.
    pub async fn record_view(&self, actor: &Actor, entity: &'static str, id: &str) -> Result<()> {
        self.record_views(actor, entity, &[id.to_owned()]).await
    }

    /// Records, in one transaction, that the actor viewed each of `ids` (a list page).
    pub async fn record_views(&self, actor: &Actor, entity: &'static str, ids: &[String]) -> Result<()> {
        dispatch!(self.store, record_views(self.board, actor, entity, ids))
    }

    /// Whether the guardian exists and no pupil is linked to them yet.
    pub async fn guardian_is_unlinked(&self, id: &str) -> Result<bool> {
        dispatch!(self.store, guardian_is_unlinked(self.board, id))
    }

    /// The newest audit entries, newest first.
    pub async fn audit_trail(&self, limit: i64) -> Result<Vec<AuditEntry>> {
        self.audit_search(&AuditFilter { limit, ..AuditFilter::default() }).await
    }

    /// Audit entries matching `filter`, newest first.
    pub async fn audit_search(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        dispatch!(self.store, audit_search(self.board, filter))
    }
}
