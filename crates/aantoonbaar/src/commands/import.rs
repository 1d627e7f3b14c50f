//! `aantoonbaar import`: the same import as the upload page, from a shell.

use super::{CommandResult, Database, find_board};
use aantoonbaar_app::clock::Clock;
use aantoonbaar_app::i18n::{t, tf};
use aantoonbaar_store::{Actor, Scope};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: Database,
    /// The board the school belongs to.
    #[arg(long)]
    pub board: String,
    /// The school, by BRIN code.
    #[arg(long)]
    pub school: String,
    /// The CSV export.
    #[arg(long)]
    pub file: PathBuf,
    /// Show what would change, write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub async fn run(args: Args) -> CommandResult {
    let bytes = std::fs::read(&args.file).map_err(|e| format!("cannot read {}: {e}", args.file.display()))?;
    let store = args.db.open().await?;
    let board = find_board(&store, &args.board).await?;
    let board = store.board(&board.id);
    let brin = args.school.trim().to_uppercase();
    let schools = board.schools(&Scope::Board).await.map_err(|e| e.to_string())?;
    let school = schools
        .iter()
        .find(|s| s.brin == brin || s.id == args.school)
        .ok_or_else(|| format!("board '{}' has no school with BRIN code {brin}", args.board))?;
    let clock = Clock::system();
    let parsed = aantoonbaar_import::parse(&bytes, clock.today()).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| {
                tf("import.error_line", &[("line", &e.line.to_string()), ("column", &e.column), ("message", t(e.code))])
            })
            .collect();
        format!("{}\n{}", t("import.failed"), lines.join("\n"))
    })?;
    let file_name = args.file.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let actor = Actor::command_line(clock.now());
    let report = board
        .import_pupils(&actor, &school.id, &file_name, &parsed.pupils, args.dry_run)
        .await
        .map_err(|e| e.to_string())?;
    println!(
        "{}{}: {} created, {} updated, {} unchanged, {} left the school ({}, {})",
        if args.dry_run { "dry run, nothing written — " } else { "" },
        school.name,
        report.created.len(),
        report.updated.len(),
        report.unchanged,
        report.left_school.len(),
        parsed.encoding,
        if parsed.delimiter == '\t' { "tab".to_owned() } else { format!("'{}'", parsed.delimiter) },
    );
    for pupil in &report.left_school {
        println!("  left: {} ({})", pupil.name, pupil.external_number);
    }
    Ok(())
}
