//! `aantoonbaar breach assess`: the breach assessment, JSON on stdin and stdout.

use super::CommandResult;
use aantoonbaar_rules::breach::{BreachFacts, assess};
use std::io::Read;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Read the facts as JSON on standard input; print the assessment as JSON.
    /// Every fact is optional; see the README for the fields.
    Assess,
}

pub fn run(command: Command) -> CommandResult {
    let Command::Assess = command;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).map_err(|e| format!("cannot read standard input: {e}"))?;
    let deserializer = &mut serde_json::Deserializer::from_str(&input);
    let facts: BreachFacts =
        serde_path_to_error::deserialize(deserializer).map_err(|e| format!("field '{}': {}", e.path(), e.inner()))?;
    let assessment = assess(&facts);
    println!("{}", serde_json::to_string_pretty(&assessment).map_err(|e| e.to_string())?);
    Ok(())
}
