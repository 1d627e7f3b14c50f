//! `aantoonbaar import`: the same import as the upload page, from a shell.

use super::{CommandResult, Database, find_board};
use aantoonbaar_app::clock::Clock;
use aantoonbaar_app::i18n::t;
use aantoonbaar_app::imports::{cell_errors, departures_unconfirmed};
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_store::{Actor, ImportMode, Scope};
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
    /// Write the import even though it records more than a small share of the
    /// school's pupils as left (run with --dry-run first to see who).
    #[arg(long)]
    pub confirm_departures: bool,
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
        let lines: Vec<String> = cell_errors(errors).into_iter().map(|e| e.detail).collect();
        format!("{}\n{}", t("import.failed"), lines.join("\n"))
    })?;
    let file_name = args.file.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let actor = Actor::command_line(clock.now());
    let report = board
        .import_pupils(
            &actor,
            &school.id,
            &file_name,
            &parsed.pupils,
            ImportMode::new(args.dry_run, args.confirm_departures),
        )
        .await
        .map_err(|e| e.to_string())?;
    let left: Vec<String> = report
        .left_school
        .iter()
        .map(|p| format!("  left: {} ({}, {}, {})", p.name, p.group, dutch_date(p.birth_date), p.external_number))
        .collect();
    if report.departures_need_confirmation && !args.confirm_departures && !args.dry_run {
        return Err(format!(
            "{}\n{}\nnothing written; run again with --confirm-departures if this is right",
            departures_unconfirmed(&report).detail,
            left.join("\n")
        ));
    }
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
    for line in &left {
        println!("{line}");
    }
    Ok(())
}
