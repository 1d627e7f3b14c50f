//! `aantoonbaar dpia screen`: the DPIA screening, JSON on stdin and stdout.

use super::CommandResult;
use aantoonbaar_app::Error;
use aantoonbaar_app::dpia::{ScreenDpia, assess};
use std::io::Read;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Read the facts as JSON on standard input (`{subjects, subject_count?,
    /// large_scale?, data_categories, techniques}`); print whether a DPIA is
    /// required, with every reason, as JSON (the same answer as
    /// `POST /api/v1/dpia-screenings/assess`).
    Screen,
}

pub fn run(command: Command) -> CommandResult {
    let Command::Screen = command;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).map_err(|e| format!("cannot read standard input: {e}"))?;
    let deserializer = &mut serde_json::Deserializer::from_str(&input);
    let facts: ScreenDpia =
        serde_path_to_error::deserialize(deserializer).map_err(|e| format!("field '{}': {}", e.path(), e.inner()))?;
    let outcome = assess(facts).map_err(|err| match err {
        Error::Invalid(errors) => {
            errors.iter().map(|e| format!("field '{}': {}", e.field, e.detail)).collect::<Vec<_>>().join("\n")
        }
        other => other.to_string(),
    })?;
    println!("{}", serde_json::to_string_pretty(&outcome).map_err(|e| e.to_string())?);
    Ok(())
}
