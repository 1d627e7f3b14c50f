//! `aantoonbaar token create`: an API token for a staff user, printed alone on
//! stdout so scripts can capture it.

use super::{CommandResult, Database};
use aantoonbaar_app::accounts;
use aantoonbaar_app::clock::Clock;
use aantoonbaar_store::Actor;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Create a token; prints only the token.
    Create(CreateArgs),
}

#[derive(clap::Args)]
pub struct CreateArgs {
    #[command(flatten)]
    pub db: Database,
    /// The user the token acts as.
    #[arg(long)]
    pub email: String,
    /// What the token is for, shown in the token list.
    #[arg(long, default_value = "command line")]
    pub name: String,
}

pub async fn run(command: Command) -> CommandResult {
    let Command::Create(args) = command;
    let store = args.db.open().await?;
    let email = aantoonbaar_rules::Email::parse(&args.email)
        .map_err(|_| format!("'{}' is not an e-mail address", args.email))?;
    let credentials = store
        .credentials_by_email(email.as_str())
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("there is no user with e-mail address {email}"))?;
    let actor = Actor::command_line(Clock::system().now());
    let board = store.board(&credentials.board);
    let (_, secret) =
        accounts::issue_token(board, &actor, &credentials.user_id, &args.name).await.map_err(|e| e.to_string())?;
    println!("{secret}");
    Ok(())
}
