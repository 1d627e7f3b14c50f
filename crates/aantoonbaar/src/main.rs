//! `aantoonbaar`: the web server, the demo and the administration commands.

mod commands;
mod demo;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc instead of the system allocator: under load the server spent a
/// third of its CPU time in glibc's malloc and free (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "aantoonbaar", version, about = "Information security and privacy (IBP) for Dutch school boards")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web application and the API.
    Serve(commands::serve::Args),
    /// Create a fresh demo board and serve it.
    Demo(commands::demo::Args),
    /// Apply the database migrations (also done on every start).
    Migrate(commands::Database),
    /// Import a school's pupils from a pupil-administration CSV export.
    Import(commands::import::Args),
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: commands::user::Command,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: commands::token::Command,
    },
    /// The deadlines of a data-subject request received on a day.
    Deadline(commands::deadline::Args),
    /// DPIA: is a data protection impact assessment required?
    Dpia {
        #[command(subcommand)]
        command: commands::dpia::Command,
    },
    /// Personal-data breaches.
    Breach {
        #[command(subcommand)]
        command: commands::breach::Command,
    },
    /// Check the audit trail.
    Audit {
        #[command(subcommand)]
        command: commands::audit::Command,
    },
    /// Make a consistent copy of the database while the server runs (SQLite).
    Backup(commands::backup::BackupArgs),
    /// Put a backup back in place of the database (SQLite; server stopped).
    Restore(commands::backup::RestoreArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("AANTOONBAAR_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("aantoonbaar: cannot start: {err}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Serve(args) => commands::serve::run(args).await,
            Command::Demo(args) => commands::demo::run(args).await,
            Command::Migrate(db) => commands::migrate(db).await,
            Command::Import(args) => commands::import::run(args).await,
            Command::User { command } => commands::user::run(command).await,
            Command::Token { command } => commands::token::run(command).await,
            Command::Deadline(args) => commands::deadline::run(args).await,
            Command::Breach { command } => commands::breach::run(command),
            Command::Dpia { command } => commands::dpia::run(command),
            Command::Audit { command } => commands::audit::run(command).await,
            Command::Backup(args) => commands::backup::backup(args).await,
            Command::Restore(args) => commands::backup::restore(args).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("aantoonbaar: {err}");
            ExitCode::FAILURE
        }
    }
}
