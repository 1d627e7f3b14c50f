//! Persistence for Aantoonbaar.
//!
//! One [`Store`] over SQLite (the embedded default) or PostgreSQL (for a provider
//! hosting many boards), chosen from the database URL. The SQL is written once
//! in `queries.rs` and `queries/<area>.rs` and compiled for each back-end
//! (`sqlite.rs`, `postgres.rs`), so there is no `if sqlite` anywhere; the only
//! differences between the two live in those two small files and in their
//! migrations.
//!
//! Board data is reached only through a [`BoardStore`], which carries the board
//! id into every query: a query without the tenant cannot be written by accident.
//! Every write runs in one transaction with its audit event.
//!
//! The methods live with their area (`audit.rs`, `boards.rs`, `consent.rs`,
//! `guardians.rs`, `import.rs`, `incidents.rs`, `outbox.rs`, `pupils.rs`,
//! `privacy_statements.rs`, `registers.rs`, `requests.rs`, `retention.rs`, `risks.rs`, `schools.rs`, `selfassessment.rs`, `sessions.rs`, `users.rs`), each a thin
//! `dispatch!` to the area's SQL in `queries/<area>.rs`.

pub mod audit_chain;
mod codes;
pub mod credentials;
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
    /// The record exists, but its state does not allow the change (an incident
    /// already closed, a request already decided, a warning already recorded):
    /// the precondition is part of the UPDATE, so a change made in between by
    /// someone else is caught too. Nothing was changed.
    #[error("the record is not in a state that allows this change")]
    WrongState,
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

#[derive(Clone)]
pub(crate) enum Backend {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

/// The database, whichever back-end it is.
#[derive(Clone)]
pub struct Store {
    backend: Backend,
    group_commit: group_commit::GroupCommit,
    consent_model: std::sync::Arc<consent_model::ConsentModel>,
    principals: std::sync::Arc<principal_cache::PrincipalCache>,
}

/// Calls the function of the same path in the back-end's module, with the pool
/// first (`dispatch!(store, incidents::report(…))` → `sqlite::incidents::report`).
/// `dispatch!(backend: b, …)` does the same for a [`Backend`] itself.
macro_rules! dispatch {
    (backend: $backend:expr, $($function:ident)::+ ( $($arg:expr),* $(,)? )) => {
        match $backend {
            Backend::Sqlite(pool) => sqlite::$($function)::+(pool, $($arg),*).await,
            Backend::Postgres(pool) => postgres::$($function)::+(pool, $($arg),*).await,
        }
    };
    ($store:expr, $($function:ident)::+ ( $($arg:expr),* $(,)? )) => {
        dispatch!(backend: &$store.backend, $($function)::+($($arg),*))
    };
}

mod consent_model;
pub use consent_model::{DEFAULT_BUDGET_MIB as DEFAULT_READ_MODEL_BUDGET_MIB, ReadModelSize};
mod group_commit;
mod principal_cache;

mod audit;
pub use audit::{AuditAction, AuditEntry, AuditEvent, AuditFilter};
mod boards;
pub use boards::{BoardSettings, EquatedDay};
mod consent;
pub use consent::{
    Channel, ConsentDecisionRecord, ConsentFacts, ConsentPurpose, ConsentSubject, DecisionFact, NewConsentDecision,
    ObjectionFact, RoundPupil,
};
pub use consent::{NewRoundMail, RoundGuardian, SentRoundMail};
mod guardians;
mod import;
pub use import::{ImportMode, ImportReport, ImportedGuardian, ImportedName, ImportedPupil};
pub mod incidents;
pub use incidents::{
    Closing, FollowUp, Incident, IncidentAssessment, IncidentFilter, IncidentLetter, IncidentSubject, NewIncident,
    NewLetter, SubjectRef,
};
mod outbox;
pub use outbox::{Delivery, DueMail, NewMail, OutboxMail};
pub mod parties;
mod privacy_statements;
pub use privacy_statements::{NewStatement, PublishedStatement, StatementAt};
mod pupils;
pub use pupils::PupilQuery;
mod registers;
pub use registers::{ActivityUpdate, NewRegisterVersion, RegisterComment, RegisterVersion, StoredActivity};
mod requests;
pub use requests::{ErasureRecord, NewRequest, Request};
pub mod access_policies;
pub mod access_reviews;
pub mod awareness;
pub mod board_reports;
pub mod calendar;
pub mod cameras;
pub mod dpias;
pub mod policy_documents;
pub mod pre_dpias;
pub mod retention;
pub mod retention_batches;
pub mod risks;
mod schools;
pub mod selfassessment;
mod sessions;
pub mod staff;
pub mod system_accounts;
pub use sessions::{ParentSession, PendingSession, Principal, SessionStage};
mod users;
pub use users::{ApiToken, Credentials, NewUser, User};
mod versions;
pub use versions::BoardVersions;

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
        let consent_model = std::sync::Arc::new(consent_model::ConsentModel::new());
        let group_commit = group_commit::GroupCommit::start(backend.clone(), std::sync::Arc::clone(&consent_model));
        let principals = std::sync::Arc::new(principal_cache::PrincipalCache::default());
        Ok(Self { backend, group_commit, consent_model, principals })
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

    /// Sets how much memory the consent read model may take (estimated, MiB).
    pub fn set_read_model_budget(&self, mib: u64) {
        let bytes = usize::try_from(mib.saturating_mul(1024 * 1024)).unwrap_or(usize::MAX);
        self.consent_model.set_budget(bytes);
    }

    /// What the consent read model holds now.
    #[must_use]
    pub fn read_model_size(&self) -> ReadModelSize {
        self.consent_model.size()
    }

    /// Whether the database answers and has every migration of this binary:
    /// `(applied, expected)`.
    ///
    /// # Errors
    /// When the database cannot be reached.
    pub async fn migrations_applied(&self) -> Result<(usize, usize)> {
        dispatch!(self, migrations_applied())
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

    /// The operations on one board's data.
    #[must_use]
    pub const fn board<'a>(&'a self, board: &'a BoardId) -> BoardStore<'a> {
        BoardStore { store: self, board }
    }
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
}
