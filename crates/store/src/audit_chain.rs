//! The hash chain of the audit trail.
//!
//! Each entry's hash is `SHA-256(previous hash ‖ "\n" ‖ canonical form)`, the
//! canonical form being a JSON array of the entry's fields in a fixed order.
//! Changing, removing or inserting a row breaks the chain from that row on; the
//! board's `audit_seq` and `audit_head` also catch rows cut off at the end.

use sha2::{Digest, Sha256};
use std::fmt::Write;

/// The "previous hash" of a board's first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of an entry, as hashed.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Canonical<'a> {
    pub board_id: &'a str,
    pub seq: i64,
    pub at: i64,
    pub actor: &'a str,
    pub ip: Option<&'a str>,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    /// The JSON list of field names, exactly as stored.
    pub fields: &'a str,
}

impl Canonical<'_> {
    /// The entry's hash, chained to `previous`.
    #[must_use]
    pub fn hash(&self, previous: &str) -> String {
        let form = serde_json::json!([
            self.board_id,
            self.seq,
            self.at,
            self.actor,
            self.ip,
            self.action,
            self.entity,
            self.entity_id,
            self.fields
        ])
        .to_string();
        let digest = Sha256::new()
            .chain_update(previous.as_bytes())
            .chain_update(b"\n")
            .chain_update(form.as_bytes())
            .finalize();
        digest.iter().fold(String::with_capacity(64), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
    }
}

/// Where a board's chain first breaks.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChainBreak {
    pub board: String,
    /// The first entry that does not verify (for a truncated trail: the first missing one).
    pub seq: i64,
    pub problem: ChainProblem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChainProblem {
    /// The entry's content does not match its hash: it was changed.
    Changed,
    /// The entry was removed (the next one follows on a gap).
    Missing,
    /// The entry's hash is right for its content but does not chain on: it was inserted.
    Inserted,
    /// The trail ends before the board's counter: entries were removed at the end.
    Truncated,
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.problem {
            ChainProblem::Changed => "was changed after it was written",
            ChainProblem::Missing => "was removed",
            ChainProblem::Inserted => "was inserted: it does not chain on the entry before it",
            ChainProblem::Truncated => "and the entries after it were removed",
        };
        write!(f, "board '{}': audit entry {} {what}", self.board, self.seq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(actor: &str) -> Canonical<'_> {
        Canonical {
            board_id: "b",
            seq: 1,
            at: 1_790_000_000,
            actor,
            ip: None,
            action: "view",
            entity: "pupil",
            entity_id: "p",
            fields: "[]",
        }
    }

    #[test]
    fn the_hash_depends_on_every_field_and_on_the_previous_hash() {
        let a = entry("juf@school.nl").hash(GENESIS);
        assert_eq!(a.len(), 64);
        assert_eq!(a, entry("juf@school.nl").hash(GENESIS));
        assert_ne!(a, entry("meester@school.nl").hash(GENESIS));
        assert_ne!(a, entry("juf@school.nl").hash(&a));
    }
}
