//! `aantoonbaar deadline`: the deadlines of a data-subject request, as JSON.

use super::{CommandResult, Database, find_board};
use aantoonbaar_rules::deadlines::request_deadlines;
use aantoonbaar_rules::holidays::HolidayCalendar;
use aantoonbaar_rules::organisation::parse_iso_date;

#[derive(clap::Args)]
pub struct Args {
    /// Day the request was received, YYYY-MM-DD.
    #[arg(long)]
    pub received: String,
    /// Also skip the days this board recorded as equated with public holidays
    /// (royal decrees); without it only the statutory holidays count.
    #[arg(long)]
    pub board: Option<String>,
    #[command(flatten)]
    pub db: Database,
}

/// Prints `{"deadline": "YYYY-MM-DD", "extended_deadline": "YYYY-MM-DD"}`.
pub async fn run(args: Args) -> CommandResult {
    let received = parse_iso_date(&args.received)
        .map_err(|_| format!("--received: '{}' is not a date YYYY-MM-DD", args.received))?;
    let extra = match &args.board {
        Some(name) => {
            let store = args.db.open().await?;
            let board = find_board(&store, name).await?;
            store.board(&board.id).equated_days().await.map_err(|e| e.to_string())?.into_iter().map(|d| d.day).collect()
        }
        None => Vec::new(),
    };
    let deadlines = request_deadlines(received, &HolidayCalendar::new(&extra));
    println!("{}", serde_json::to_string(&deadlines).map_err(|e| e.to_string())?);
    Ok(())
}
