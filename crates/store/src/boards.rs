//! Boards, their consent settings and the days equated with public holidays.

use crate::{Actor, Backend, Board, BoardId, BoardStore, Result, Store, postgres, sqlite};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// A day a royal decree equates with a public holiday, as the board recorded it.
#[derive(Debug, Clone, Serialize)]
pub struct EquatedDay {
    pub day: Date,
    pub description: String,
}

/// The board's consent choices.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct BoardSettings {
    pub consent_renewal: aantoonbaar_rules::consent::Renewal,
    pub both_parents_when_separated: bool,
}

impl Store {
    /// Every board, for the background jobs that visit each in turn.
    pub async fn board_ids(&self) -> Result<Vec<BoardId>> {
        dispatch!(self, boards::board_ids())
    }

    pub async fn board_by_name(&self, name: &str) -> Result<Option<Board>> {
        dispatch!(self, boards::board_by_name(name))
    }

    /// Finds the board called `name`, creating it when it does not exist.
    pub async fn ensure_board(&self, name: &str, at: Timestamp) -> Result<Board> {
        dispatch!(self, boards::ensure_board(name, at))
    }
}

impl BoardStore<'_> {
    /// The days equated with public holidays for this board's deadlines, in date order.
    pub async fn equated_days(&self) -> Result<Vec<EquatedDay>> {
        dispatch!(self.store, boards::equated_days(self.board))
    }

    pub async fn add_equated_day(&self, actor: &Actor, day: jiff::civil::Date, description: &str) -> Result<()> {
        dispatch!(self.store, boards::add_equated_day(self.board, actor, day, description))
    }

    pub async fn remove_equated_day(&self, actor: &Actor, day: jiff::civil::Date) -> Result<()> {
        dispatch!(self.store, boards::remove_equated_day(self.board, actor, day))
    }

    pub async fn board_settings(&self) -> Result<BoardSettings> {
        dispatch!(self.store, boards::board_settings(self.board))
    }

    pub async fn set_board_settings(&self, actor: &Actor, settings: BoardSettings) -> Result<()> {
        dispatch!(self.store, boards::set_board_settings(self.board, actor, settings))
    }
}
