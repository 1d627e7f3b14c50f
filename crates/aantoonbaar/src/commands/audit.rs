//! `aantoonbaar audit verify`: checks the hash chain of every board's trail.

use super::{CommandResult, Database};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Check that no audit entry was changed, removed or inserted; names the
    /// first broken entry of each board and fails when there is one.
    Verify(Database),
}

pub async fn run(command: Command) -> CommandResult {
    let Command::Verify(db) = command;
    let store = db.open().await?;
    let breaks = store.verify_audit().await.map_err(|e| e.to_string())?;
    if breaks.is_empty() {
        println!("audit trail intact");
        return Ok(());
    }
    let lines: Vec<String> = breaks.iter().map(ToString::to_string).collect();
    Err(format!("audit trail broken:\n{}", lines.join("\n")))
}
