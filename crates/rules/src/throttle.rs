//! How long a sign-in or code attempt must wait after failures.
//!
//! Seed 000 and 001 §13 require strong authentication; guessing is made slow
//! without letting an attacker lock the real user out: failures are counted per
//! account *and address*, so an attacker's failures delay only the attacker,
//! and separately per address (one address trying many accounts).

/// Failures allowed before any delay (a user mistyping a few times).
pub const FREE_FAILURES: i64 = 5;

/// The longest wait: 15 minutes.
pub const MAX_DELAY_SECONDS: i64 = 15 * 60;

/// Failures from one address, over all accounts, before that address is slowed.
pub const ADDRESS_FREE_FAILURES: i64 = 50;

/// Seconds to wait after `failures` failures of one account from one address:
/// none for the first five, then 1, 2, 4, 8… seconds, at most 15 minutes.
#[must_use]
pub fn account_delay(failures: i64) -> i64 {
    delay(failures, FREE_FAILURES)
}

/// Seconds to wait after `failures` failures from one address over all
/// accounts: none for the first 50, then doubling up to 15 minutes.
#[must_use]
pub fn address_delay(failures: i64) -> i64 {
    delay(failures, ADDRESS_FREE_FAILURES)
}

fn delay(failures: i64, free: i64) -> i64 {
    if failures < free {
        return 0;
    }
    let exponent = u32::try_from((failures - free).min(20)).unwrap_or(20);
    (1_i64 << exponent).min(MAX_DELAY_SECONDS)
}

/// The least total time `attempts` consecutive failures of one account from
/// one address must take (the promise the throttle keeps).
#[must_use]
pub fn minimum_duration(attempts: i64) -> i64 {
    (1..attempts).map(account_delay).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_mistakes_are_free_then_the_wait_doubles_up_to_fifteen_minutes() {
        assert_eq!((1..=4).map(account_delay).collect::<Vec<_>>(), [0, 0, 0, 0]);
        assert_eq!((5..=9).map(account_delay).collect::<Vec<_>>(), [1, 2, 4, 8, 16]);
        assert_eq!(account_delay(15), 900);
        assert_eq!(account_delay(1_000), 900);
    }

    #[test]
    fn a_thousand_guesses_take_more_than_ten_days() {
        assert!(minimum_duration(1_000) > 10 * 24 * 3600);
    }

    #[test]
    fn an_address_is_slowed_only_after_fifty_failures() {
        assert_eq!(address_delay(49), 0);
        assert_eq!(address_delay(50), 1);
    }
}
