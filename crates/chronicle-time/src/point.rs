//! Calendar points: the resolved meaning of a DATE expression at the
//! granularity the text gives it (a day, an ISO week, a month, a quarter, a
//! season, a year, a decade, a century), and how TimeML writes each one.
//!
//! Invariants: every constructor keeps months in 1..=12, quarters in 1..=4,
//! halves in 1..=2 and weeks in 1..=53; arithmetic that would leave chrono's
//! calendar returns `None` instead of panicking. Value formats follow the
//! TimeML TIMEX3 guidelines (§2.2.1.2, ISO 8601 with TimeML extensions):
//! `2022-03-13`, `2022-W10`, `2022-W10-WE`, `2022-03`, `2022-Q1`, `2022-H1`,
//! `2022-SU`, `2022`, `199` (the 1990s), `19` (the 20th century).

use crate::lexicon::Unit;
use chrono::{Datelike, Days, Months, NaiveDate};

pub type Date = NaiveDate;

/// A resolved calendar point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    Day(Date),
    /// ISO year and week.
    Week(i32, u32),
    Weekend(i32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, &'static str),
    Year(i32),
    /// The first three digits of the decade's years: 199.
    Decade(i32),
    /// The first two digits of the century's years: 19.
    Century(i32),
}

impl Point {
    /// The TimeML value.
    pub fn value(self) -> String {
        match self {
            Point::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Season(y, s) => format!("{y:04}-{s}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
        }
    }

    /// The point of granularity `unit` that contains `d`.
    pub fn at(d: Date, unit: Unit) -> Point {
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Point::Day(d),
            Unit::Week => {
                let w = d.iso_week();
                Point::Week(w.year(), w.week())
            }
            Unit::Weekend => {
                let w = d.iso_week();
                Point::Weekend(w.year(), w.week())
            }
            Unit::Month => Point::Month(d.year(), d.month()),
            Unit::Quarter => Point::Quarter(d.year(), (d.month() - 1) / 3 + 1),
            Unit::Year => Point::Year(d.year()),
            Unit::Decade => Point::Decade(d.year().div_euclid(10)),
            Unit::Century => Point::Century(d.year().div_euclid(100)),
        }
    }

    /// The first day of the point (for arithmetic).
    pub fn start(self) -> Option<Date> {
        match self {
            Point::Day(d) => Some(d),
            Point::Week(y, w) | Point::Weekend(y, w) => {
                Date::from_isoywd_opt(y, w, chrono::Weekday::Mon)
            }
            Point::Month(y, m) => Date::from_ymd_opt(y, m, 1),
            Point::Quarter(y, q) => Date::from_ymd_opt(y, (q - 1) * 3 + 1, 1),
            Point::Half(y, h) => Date::from_ymd_opt(y, (h - 1) * 6 + 1, 1),
            Point::Season(y, _) | Point::Year(y) => Date::from_ymd_opt(y, 1, 1),
            Point::Decade(d) => Date::from_ymd_opt(d * 10, 1, 1),
            Point::Century(c) => Date::from_ymd_opt(c * 100, 1, 1),
        }
    }

    /// The calendar year the point starts in.
    pub fn year(self) -> Option<i32> {
        self.start().map(|d| d.year())
    }

    /// The point `n` units after this one (before, for negative `n`).
    ///
    /// Shifting by years keeps a finer granularity the text set up ("a year
    /// earlier" after "the third quarter" is the third quarter a year
    /// before); otherwise the result has the granularity of `unit`.
    pub fn shift(self, unit: Unit, n: i64) -> Option<Point> {
        if unit == Unit::Year {
            let n = i32::try_from(n).ok()?;
            match self {
                Point::Quarter(y, q) => return Some(Point::Quarter(y.checked_add(n)?, q)),
                Point::Month(y, m) => return Some(Point::Month(y.checked_add(n)?, m)),
                Point::Half(y, h) => return Some(Point::Half(y.checked_add(n)?, h)),
                Point::Season(y, s) => return Some(Point::Season(y.checked_add(n)?, s)),
                _ => {}
            }
        }
        if unit == Unit::Quarter {
            if let Point::Quarter(y, q) = self {
                let idx = i64::from(y) * 4 + i64::from(q) - 1 + n;
                let y = i32::try_from(idx.div_euclid(4)).ok()?;
                return Some(Point::Quarter(y, idx.rem_euclid(4) as u32 + 1));
            }
        }
        let d = self.start()?;
        Some(Point::at(shift_date(d, unit, n)?, unit))
    }
}

/// `d` moved by `n` units; clock units move by whole days only when they
/// amount to them (the date of "48 hours ago").
pub fn shift_date(d: Date, unit: Unit, n: i64) -> Option<Date> {
    let months = |k: i64| -> Option<Date> {
        let m = u32::try_from(k.unsigned_abs()).ok()?;
        if k >= 0 {
            d.checked_add_months(Months::new(m))
        } else {
            d.checked_sub_months(Months::new(m))
        }
    };
    let days = |k: i64| -> Option<Date> {
        if k >= 0 {
            d.checked_add_days(Days::new(k as u64))
        } else {
            d.checked_sub_days(Days::new(k.unsigned_abs()))
        }
    };
    match unit {
        Unit::Second | Unit::Minute => Some(d),
        Unit::Hour => days(n / 24),
        Unit::Day => days(n),
        Unit::Week | Unit::Weekend => days(n.checked_mul(7)?),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
    }
}

/// The weekday `wd` (1 = Monday) nearest `dct` on the side `dir` says:
/// `-1` on or before, `+1` on or after.
pub fn weekday_near(dct: Date, wd: u32, dir: i32) -> Option<Date> {
    let today = dct.weekday().number_from_monday() as i64;
    let mut delta = wd as i64 - today;
    if dir < 0 && delta > 0 {
        delta -= 7;
    }
    if dir > 0 && delta < 0 {
        delta += 7;
    }
    shift_date(dct, Unit::Day, delta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn values() {
        assert_eq!(Point::Day(d(2022, 3, 13)).value(), "2022-03-13");
        assert_eq!(Point::at(d(2022, 3, 16), Unit::Week).value(), "2022-W11");
        assert_eq!(Point::Decade(199).value(), "199");
        assert_eq!(Point::Quarter(1989, 3).value(), "1989-Q3");
    }

    #[test]
    fn shifts() {
        let q = Point::Quarter(1989, 3);
        assert_eq!(q.shift(Unit::Year, -1), Some(Point::Quarter(1988, 3)));
        assert_eq!(q.shift(Unit::Quarter, -3), Some(Point::Quarter(1988, 4)));
        let sun = Point::Day(d(2022, 3, 13));
        assert_eq!(sun.shift(Unit::Day, -1), Some(Point::Day(d(2022, 3, 12))));
        assert_eq!(sun.shift(Unit::Year, -2), Some(Point::Year(2020)));
        assert_eq!(Point::Year(i32::MAX).shift(Unit::Year, 1), None);
    }

    #[test]
    fn weekdays_on_either_side() {
        let wed = d(2022, 3, 16);
        assert_eq!(weekday_near(wed, 7, -1), Some(d(2022, 3, 13)));
        assert_eq!(weekday_near(wed, 3, -1), Some(wed));
        assert_eq!(weekday_near(wed, 5, 1), Some(d(2022, 3, 18)));
        assert_eq!(weekday_near(wed, 2, 1), Some(d(2022, 3, 22)));
    }
}
