//! `aantoonbaar backup` and `aantoonbaar restore`.

use super::{CommandResult, Database};
use aantoonbaar_store::{Store, StoreError};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct BackupArgs {
    #[command(flatten)]
    pub db: Database,
    /// Where to write the copy (must not exist yet).
    #[arg(long)]
    pub to: PathBuf,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    #[command(flatten)]
    pub db: Database,
    /// The backup to put back.
    #[arg(long)]
    pub from: PathBuf,
}

const PG_DUMP: &str = "this is a PostgreSQL database: back it up with `pg_dump --format=custom --file=FILE DATABASE` \
    (consistent while the server runs) and restore with `pg_restore --clean --dbname=DATABASE FILE`";

/// A consistent copy of a running SQLite database (`VACUUM INTO`).
pub async fn backup(args: BackupArgs) -> CommandResult {
    if args.to.exists() {
        return Err(format!("{} already exists; choose a new file name", args.to.display()));
    }
    let store = args.db.open().await?;
    match store.backup_to(&args.to).await {
        Ok(()) => {
            println!("backup written to {}", args.to.display());
            Ok(())
        }
        Err(StoreError::Unsupported(_)) => Err(PG_DUMP.to_owned()),
        Err(err) => Err(format!("backup failed: {err}")),
    }
}

/// Replaces the SQLite database file with a backup after checking that the
/// backup opens and is migrated. Stop the server first.
pub async fn restore(args: RestoreArgs) -> CommandResult {
    let Some(target) = args.db.sqlite_path().map(PathBuf::from) else {
        return Err(PG_DUMP.to_owned());
    };
    let from = args.from.to_string_lossy().into_owned();
    let backup =
        Store::open(&format!("sqlite://{from}")).await.map_err(|e| format!("{from} is not a usable backup: {e}"))?;
    backup.close().await;
    let staging = target.with_extension("restoring");
    std::fs::copy(&args.from, &staging).map_err(|e| format!("cannot copy the backup: {e}"))?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", target.display()));
        remove_if_present(&side)?;
    }
    std::fs::rename(&staging, &target).map_err(|e| format!("cannot put the backup in place: {e}"))?;
    println!("restored {} from {}", target.display(), args.from.display());
    Ok(())
}

fn remove_if_present(path: &Path) -> CommandResult {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("cannot remove {}: {e}", path.display())),
    }
}
