//! `aantoonbaar demo`: a fresh, realistic demo board, served at once.

use super::serve::{ServerArgs, serve};
use super::{CommandResult, Database};
use crate::demo;
use aantoonbaar_app::clock::Clock;

#[derive(clap::Args)]
pub struct Args {
    /// The demo database; it is deleted and made anew on every start.
    #[arg(long, env = "AANTOONBAAR_DEMO_DATABASE_URL", default_value = "sqlite://data/demo.sqlite")]
    pub database_url: String,
    #[command(flatten)]
    pub server: ServerArgs,
}

pub async fn run(args: Args) -> CommandResult {
    let db = Database { database_url: args.database_url };
    if let Some(path) = db.sqlite_path() {
        for suffix in ["", "-wal", "-shm"] {
            match std::fs::remove_file(format!("{path}{suffix}")) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(format!("cannot remove the old demo database {path}{suffix}: {e}"));
                }
            }
        }
    }
    let store = db.open().await?;
    let config = args.server.config(true)?;
    let summary =
        demo::seed(&store, &Clock::system()).await.map_err(|e| format!("cannot create the demo board: {e}"))?;
    println!("Aantoonbaar demo: {}", config.base_url);
    println!("Board '{}': {} schools, {} pupils.", demo::BOARD, summary.schools, summary.pupils);
    println!("Sign in with one of these accounts, password: {}", demo::PASSWORD);
    for (email, role) in &summary.accounts {
        println!("  {email:<40} {role}");
    }
    serve(store, &args.server, config).await
}
