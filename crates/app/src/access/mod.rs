//! The access policy (seed 001 §13; issue 16): the staff list, joiners,
//! movers and leavers with the evidence of every change, the account lists
//! of the systems compared with the matrix and the staff list, and the
//! review campaigns that prove every right was looked at.

pub mod accounts;
pub mod changes;
pub mod reviews;
pub mod staff_list;

use crate::{App, Staff};
use aantoonbaar_rules::holidays::HolidayCalendar;
use aantoonbaar_store::{BoardStore, StoreError};
use jiff::civil::Date;

fn store<'a>(app: &'a App, staff: &'a Staff) -> BoardStore<'a> {
    app.store.board(&staff.principal.board)
}

/// The board's equated days, for the leaver deadline's calendar.
async fn equated(board: BoardStore<'_>) -> Result<Vec<Date>, StoreError> {
    crate::deadlines::equated_days(board).await
}

/// The first working day after `ended`, past the board's equated days.
fn remove_by(ended: Date, equated: &[Date]) -> Date {
    aantoonbaar_rules::access::leaver_remove_by(ended, &HolidayCalendar::new(equated))
}
