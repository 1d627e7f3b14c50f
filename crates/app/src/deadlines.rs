//! The board's deadline calendar: the days a royal decree equates with public
//! holidays (Algemene termijnenwet art. 3 lid 3), read once for every deadline.

use aantoonbaar_store::{BoardStore, StoreError};
use jiff::civil::Date;

/// The board's equated days.
///
/// # Errors
/// When the store cannot be read.
pub async fn equated_days(board: BoardStore<'_>) -> Result<Vec<Date>, StoreError> {
    Ok(board.equated_days().await?.into_iter().map(|d| d.day).collect())
}
