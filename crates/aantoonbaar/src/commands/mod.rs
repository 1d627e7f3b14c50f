//! One module per command. Every command that touches data takes
//! `--database-url` (or `AANTOONBAAR_DATABASE_URL`) and migrates a fresh database.

pub mod audit;
pub mod backup;
pub mod breach;
pub mod deadline;
pub mod demo;
pub mod dpia;
pub mod import;
pub mod serve;
pub mod token;
pub mod user;

use aantoonbaar_store::{Board, Store};

/// The default database: an SQLite file in `./data`.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/aantoonbaar.sqlite";

/// A command's failure, said in one line on stderr.
pub type CommandResult = Result<(), String>;

#[derive(clap::Args)]
pub struct Database {
    /// `sqlite://PATH` (created when missing) or `postgres://USER@HOST/DB`.
    #[arg(long, env = "AANTOONBAAR_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    pub database_url: String,
}

impl Database {
    /// Opens and migrates the database; for a SQLite file, creates its folder.
    ///
    /// # Errors
    /// When the database cannot be opened or migrated.
    pub async fn open(&self) -> Result<Store, String> {
        if let Some(path) = self.sqlite_path()
            && let Some(dir) = std::path::Path::new(path).parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        Store::open(&self.database_url).await.map_err(|e| format!("database {}: {e}", redact(&self.database_url)))
    }

    /// The file of a SQLite URL.
    #[must_use]
    pub fn sqlite_path(&self) -> Option<&str> {
        self.database_url.strip_prefix("sqlite://").or_else(|| self.database_url.strip_prefix("sqlite:"))
    }
}

/// A database URL without its password, for messages and logs.
#[must_use]
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Finds a board by name, with a clear message when it does not exist.
///
/// # Errors
/// When there is no such board.
pub async fn find_board(store: &Store, name: &str) -> Result<Board, String> {
    store.board_by_name(name).await.map_err(|e| e.to_string())?.ok_or_else(|| {
        format!("there is no board called '{name}'; create it with `aantoonbaar user add --board '{name}' …`")
    })
}

pub async fn migrate(db: Database) -> CommandResult {
    let store = db.open().await?;
    println!("{} database is up to date", store.backend_name());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_in_database_urls_are_never_shown() {
        assert_eq!(redact("postgres://app:geheim@db:5432/ibp"), "postgres://app:***@db:5432/ibp");
        assert_eq!(redact("postgres://app@db/ibp"), "postgres://app@db/ibp");
        assert_eq!(redact("sqlite://data/a.sqlite"), "sqlite://data/a.sqlite");
    }
}
