//! Time as a parameter: the system clock in production, a settable one in tests,
//! so sessions, deadlines and birthdays are tested without sleeping.

use jiff::{SignedDuration, Timestamp};
use std::sync::{Arc, Mutex, PoisonError};

#[derive(Clone, Default)]
pub struct Clock {
    fixed: Option<Arc<Mutex<Timestamp>>>,
}

impl Clock {
    #[must_use]
    pub fn system() -> Self {
        Self { fixed: None }
    }

    /// A clock that stands still at `at` until [`Clock::advance`]d.
    #[must_use]
    pub fn fixed(at: Timestamp) -> Self {
        Self { fixed: Some(Arc::new(Mutex::new(at))) }
    }

    #[must_use]
    pub fn now(&self) -> Timestamp {
        match &self.fixed {
            #[expect(clippy::disallowed_methods, reason = "the one place that reads the real clock")]
            None => Timestamp::now(),
            Some(at) => *at.lock().unwrap_or_else(PoisonError::into_inner),
        }
    }

    /// Moves a fixed clock forward; no effect on the system clock.
    pub fn advance(&self, by: SignedDuration) {
        if let Some(at) = &self.fixed {
            let mut at = at.lock().unwrap_or_else(PoisonError::into_inner);
            *at = at.checked_add(by).unwrap_or(*at);
        }
    }

    /// Today in the Netherlands.
    #[must_use]
    pub fn today(&self) -> jiff::civil::Date {
        aantoonbaar_rules::calendar::dutch_date(self.now())
    }
}
