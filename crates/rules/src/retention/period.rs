//! A retention period as an ISO 8601 duration of calendar units (`P2Y`,
//! `P1Y6M`, `P4W`, `P30D`), and the calendar arithmetic that turns a trigger
//! date into a due date.

use std::fmt;
use std::str::FromStr;

use jiff::Span;
use jiff::civil::Date;

use crate::deadlines::add_months;

/// The largest number a board can give one unit. A period of more than 9999
/// years, months, weeks or days is a typing error, not a retention term.
pub const MAX_UNIT: u32 = 9999;

/// A period of whole years, months, weeks and days: the date part of an ISO
/// 8601 duration (ISO 8601-1:2019 §5.5.2.4, "PnYnMnWnD" with the week
/// combined as ISO 8601-2 allows). Hours and smaller are not retention terms
/// and are refused. `P4W` stays `P4W` (it is not rewritten as `P28D`), so a
/// board reads back what it wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Period {
    years: u32,
    months: u32,
    weeks: u32,
    days: u32,
}

/// What is wrong with a period a board typed. [`PeriodError::code`] is the
/// key of its message in the catalogue; `Display` says it in English for logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("the period is empty")]
    Empty,
    #[error("a period cannot be negative")]
    Negative,
    #[error("a period starts with P (e.g. P2Y)")]
    MissingDesignator,
    #[error("the period has no number and unit after P")]
    NoComponents,
    #[error("hours, minutes and seconds (after T) are not retention periods")]
    TimeNotSupported,
    #[error("fractions are not supported; use a smaller unit (P18M instead of P1.5Y)")]
    Fraction,
    #[error("unknown unit {0:?}: use Y (years), M (months), W (weeks) or D (days)")]
    UnknownUnit(char),
    #[error("the unit {0:?} has no number before it")]
    MissingNumber(char),
    #[error("the number at the end has no unit (Y, M, W or D)")]
    MissingUnit,
    #[error("the unit {0:?} appears twice")]
    RepeatedUnit(char),
    #[error("the unit {0:?} is out of order: years, months, weeks, days")]
    UnitOrder(char),
    #[error("the number of {0:?} is larger than 9999")]
    TooLarge(char),
}

impl PeriodError {
    /// The stable key of the message (`retention.period.…`).
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Empty => "retention.period.empty",
            Self::Negative => "retention.period.negative",
            Self::MissingDesignator => "retention.period.missing_p",
            Self::NoComponents => "retention.period.no_components",
            Self::TimeNotSupported => "retention.period.time_not_supported",
            Self::Fraction => "retention.period.fraction",
            Self::UnknownUnit(_) => "retention.period.unknown_unit",
            Self::MissingNumber(_) => "retention.period.missing_number",
            Self::MissingUnit => "retention.period.missing_unit",
            Self::RepeatedUnit(_) => "retention.period.repeated_unit",
            Self::UnitOrder(_) => "retention.period.unit_order",
            Self::TooLarge(_) => "retention.period.too_large",
        }
    }
}

/// The designators in the order ISO 8601 writes them.
const UNITS: [char; 4] = ['Y', 'M', 'W', 'D'];

impl Period {
    /// # Errors
    /// [`PeriodError::TooLarge`] when a unit exceeds [`MAX_UNIT`].
    pub fn new(years: u32, months: u32, weeks: u32, days: u32) -> Result<Self, PeriodError> {
        for (value, unit) in [years, months, weeks, days].into_iter().zip(UNITS) {
            if value > MAX_UNIT {
                return Err(PeriodError::TooLarge(unit));
            }
        }
        Ok(Self { years, months, weeks, days })
    }

    /// `n` years (clamped to [`MAX_UNIT`]); for the defaults.
    #[must_use]
    pub const fn years(n: u32) -> Self {
        Self { years: clamp(n), months: 0, weeks: 0, days: 0 }
    }

    #[must_use]
    pub const fn months(n: u32) -> Self {
        Self { years: 0, months: clamp(n), weeks: 0, days: 0 }
    }

    #[must_use]
    pub const fn weeks(n: u32) -> Self {
        Self { years: 0, months: 0, weeks: clamp(n), days: 0 }
    }

    #[must_use]
    pub const fn days(n: u32) -> Self {
        Self { years: 0, months: 0, weeks: 0, days: clamp(n) }
    }

    /// Whether every unit is zero (`P0D`): not a valid retention period.
    #[must_use]
    pub const fn is_zero(self) -> bool {
        self.years == 0 && self.months == 0 && self.weeks == 0 && self.days == 0
    }

    /// The years, months, weeks and days as written.
    #[must_use]
    pub const fn parts(self) -> (u32, u32, u32, u32) {
        (self.years, self.months, self.weeks, self.days)
    }

    /// The date this period after `start`, in calendar arithmetic: first the
    /// years and months together as one number of months, on the same day
    /// number or, when the target month has no such day, on its last day
    /// (29 February + `P1Y` = 28 February; 31 January + `P1M` = 28 or 29
    /// February; 31 January + `P1Y1M` = 28 February of the next year); then
    /// the weeks and days. Saturates at the last date `jiff` can represent.
    ///
    /// Source: Regulation (EEC, Euratom) No 1182/71 art. 3(2)(c), the rule
    /// [`crate::deadlines::add_months`] applies to every period in months of
    /// this product: a period in months or years ends on the same date, or
    /// on the last day of the month when that date does not occur in it.
    #[must_use]
    pub fn after(self, start: Date) -> Date {
        let months = i64::from(self.years) * 12 + i64::from(self.months);
        let months = i32::try_from(months).unwrap_or(i32::MAX);
        let days = i64::from(self.weeks) * 7 + i64::from(self.days);
        let moved = add_months(start, months);
        Span::new().try_days(days).and_then(|span| moved.checked_add(span)).unwrap_or(Date::MAX)
    }
}

impl Period {
    /// The last start date whose due date ([`Period::after`]) is on or before
    /// `on`: an item is due by `on` exactly when its trigger date is on or
    /// before this date, because `after` never moves backwards as the start
    /// moves on. This lets a store select every item due by a date with one
    /// comparison on the trigger date (the worklist, one query per rule).
    /// `None` when no start date is due by `on` (the period reaches past it
    /// from the first representable date).
    #[must_use]
    pub fn latest_start_due_by(self, on: Date) -> Option<Date> {
        let months = i64::from(self.years) * 12 + i64::from(self.months);
        let months = i32::try_from(months).unwrap_or(i32::MAX);
        let days = i64::from(self.weeks) * 7 + i64::from(self.days);
        // A first guess: back by the days, then by the months; month-end
        // clamping makes it off by a few days at most, corrected below.
        let guess = Span::new()
            .try_days(days)
            .and_then(|span| on.checked_sub(span))
            .map(|d| add_months(d, months.saturating_neg()))
            .unwrap_or(Date::MIN);
        let mut start = guess;
        while self.after(start) > on {
            start = start.yesterday().ok()?;
        }
        while let Ok(next) = start.tomorrow() {
            if self.after(next) > on {
                break;
            }
            start = next;
        }
        Some(start)
    }
}

const fn clamp(n: u32) -> u32 {
    if n > MAX_UNIT { MAX_UNIT } else { n }
}

impl FromStr for Period {
    type Err = PeriodError;

    /// Parses `P2Y`, `P1Y6M`, `P4W`, `P30D`, `P2W3D`; surrounding spaces and
    /// lower-case letters are accepted, the output is always canonical.
    fn from_str(text: &str) -> Result<Self, PeriodError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(PeriodError::Empty);
        }
        if text.starts_with('-') {
            return Err(PeriodError::Negative);
        }
        let upper = text.to_ascii_uppercase();
        let rest = upper.strip_prefix('P').ok_or(PeriodError::MissingDesignator)?;
        if rest.is_empty() {
            return Err(PeriodError::NoComponents);
        }
        let mut values = [0_u32; 4];
        let mut last: Option<usize> = None;
        let mut number = String::new();
        for c in rest.chars() {
            match c {
                '0'..='9' => number.push(c),
                'T' => return Err(PeriodError::TimeNotSupported),
                '.' | ',' => return Err(PeriodError::Fraction),
                '-' => return Err(PeriodError::Negative),
                _ => {
                    let index = UNITS.iter().position(|u| *u == c).ok_or(PeriodError::UnknownUnit(c))?;
                    if number.is_empty() {
                        return Err(PeriodError::MissingNumber(c));
                    }
                    match last {
                        Some(previous) if previous == index => return Err(PeriodError::RepeatedUnit(c)),
                        Some(previous) if previous > index => return Err(PeriodError::UnitOrder(c)),
                        _ => {}
                    }
                    let value = number.parse::<u32>().map_err(|_| PeriodError::TooLarge(c))?;
                    if value > MAX_UNIT {
                        return Err(PeriodError::TooLarge(c));
                    }
                    values[index] = value;
                    last = Some(index);
                    number.clear();
                }
            }
        }
        if !number.is_empty() {
            return Err(PeriodError::MissingUnit);
        }
        let [years, months, weeks, days] = values;
        Ok(Self { years, months, weeks, days })
    }
}

impl fmt::Display for Period {
    /// The canonical ISO 8601 form; zero is `P0D`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_zero() {
            return f.write_str("P0D");
        }
        f.write_str("P")?;
        for (value, unit) in [self.years, self.months, self.weeks, self.days].into_iter().zip(UNITS) {
            if value > 0 {
                write!(f, "{value}{unit}")?;
            }
        }
        Ok(())
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(|e: PeriodError| serde::de::Error::custom(format!("period {text:?}: {e}")))
    }
}
