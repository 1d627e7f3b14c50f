//! One integration-test binary; each story runs on SQLite and on PostgreSQL.

#![expect(clippy::expect_used, clippy::unwrap_used, reason = "a test helper that fails should fail loudly")]

mod helpers;

mod access;
mod access_policy;
mod audit;
mod authorisation;
mod backup;
mod board_report;
mod cameras;
mod cli;
mod consent;
mod consent_round;
mod cycle;
mod deadlines;
mod dpia;
mod dpias;
mod import;
mod incidents;
mod information_rights;
mod jobs;
mod mail;
mod page_authorisation;
mod pages;
mod parents;
mod parity;
mod parties;
mod policies;
mod predpia;
mod privacy_statement;
mod pupils;
mod register;
mod register_export;
mod requests;
mod retention;
mod risks;
mod security;
mod selfassessment;
mod servers;
