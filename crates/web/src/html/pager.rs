//! Paging a long list: the rows a page shows, the line that says which, and
//! the links to the pages before and after it, which keep the list's filters.

use crate::i18n::{t, tf};

/// Rows on one page.
pub const PAGE_SIZE: i64 = 50;

/// The page number as given in `pagina` (from 0); anything else is the first page.
#[must_use]
pub fn page_number(given: &str) -> i64 {
    given.trim().parse::<i64>().unwrap_or(0).max(0)
}

/// The first row of page `page`.
#[must_use]
pub const fn offset(page: i64) -> i64 {
    page.saturating_mul(PAGE_SIZE)
}

/// What `templates/pager.html` shows under a list.
pub struct Pager {
    /// `Regel 51 tot en met 100 van 734`, or that there is nothing.
    pub summary: String,
    /// The navigation's name for screen readers.
    pub label: &'static str,
    pub previous: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    /// Page `page` showing `shown` of `total` rows; `link(n)` is the address of page `n`.
    /// `keys` are the catalogue texts: (summary with `first`, `last`, `total`; none; label).
    #[must_use]
    pub fn new(
        page: i64,
        shown: usize,
        total: i64,
        keys: (&str, &str, &'static str),
        link: impl Fn(i64) -> String,
    ) -> Self {
        let first = offset(page) + 1;
        let last = (offset(page) + i64::try_from(shown).unwrap_or(0)).min(total);
        let summary = if total == 0 || shown == 0 {
            t(keys.1).to_owned()
        } else {
            tf(keys.0, &[("first", &first.to_string()), ("last", &last.to_string()), ("total", &total.to_string())])
        };
        Self {
            summary,
            label: t(keys.2),
            previous: (page > 0).then(|| link(page - 1)),
            next: (offset(page + 1) < total).then(|| link(page + 1)),
        }
    }
}
