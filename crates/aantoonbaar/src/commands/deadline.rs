//! `aantoonbaar deadline`: the deadlines of a data-subject request
//! (`--received`), or the day a leaver's accounts must be removed
//! (`--leaver-ended`), as JSON.

use super::{CommandResult, Database, find_board};
use aantoonbaar_rules::access::leaver_remove_by;
use aantoonbaar_rules::deadlines::request_deadlines;
use aantoonbaar_rules::holidays::HolidayCalendar;
use aantoonbaar_rules::organisation::parse_iso_date;

#[derive(clap::Args)]
#[group(id = "from", required = true, multiple = false)]
pub struct Args {
    /// Day the request was received, YYYY-MM-DD.
    #[arg(long, group = "from")]
    pub received: Option<String>,
    /// Last day of employment of a leaver, YYYY-MM-DD: prints the first
    /// working day after it, by which the accounts must be removed.
    #[arg(long, group = "from")]
    pub leaver_ended: Option<String>,
    /// Also skip the days this board recorded as equated with public holidays
    /// (royal decrees); without it only the statutory holidays count.
    #[arg(long)]
    pub board: Option<String>,
    #[command(flatten)]
    pub db: Database,
}

/// Prints `{"deadline": "YYYY-MM-DD", "extended_deadline": "YYYY-MM-DD"}`, or
/// for a leaver `{"ended": "YYYY-MM-DD", "remove_by": "YYYY-MM-DD"}`.
pub async fn run(args: Args) -> CommandResult {
    let date = |flag: &str, text: &str| {
        parse_iso_date(text).map_err(|_| format!("--{flag}: '{text}' is not a date YYYY-MM-DD"))
    };
    let received = args.received.as_deref().map(|t| date("received", t)).transpose()?;
    let ended = args.leaver_ended.as_deref().map(|t| date("leaver-ended", t)).transpose()?;
    let extra = match &args.board {
        Some(name) => {
            let store = args.db.open().await?;
            let board = find_board(&store, name).await?;
            store.board(&board.id).equated_days().await.map_err(|e| e.to_string())?.into_iter().map(|d| d.day).collect()
        }
        None => Vec::new(),
    };
    let calendar = HolidayCalendar::new(&extra);
    let json = match (received, ended) {
        (Some(received), _) => serde_json::to_string(&request_deadlines(received, &calendar)),
        (None, Some(ended)) => serde_json::to_string(&serde_json::json!({
            "ended": ended.to_string(),
            "remove_by": leaver_remove_by(ended, &calendar).to_string(),
        })),
        (None, None) => return Err("give --received or --leaver-ended".to_owned()),
    };
    println!("{}", json.map_err(|e| e.to_string())?);
    Ok(())
}
