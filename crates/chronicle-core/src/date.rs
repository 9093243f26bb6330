//! Publication dates: the calendar day every relative expression in a report
//! is resolved against.
//!
//! Accepted forms: `YYYY-MM-DD`, and an RFC 3339 timestamp
//! (`2022-03-16T09:30:00-05:00`, `…Z`), whose date is taken as written, in the
//! publisher's own offset — that is the day the report's "today" means.
//! Years outside [`MIN_YEAR`]..=[`MAX_YEAR`] are refused as absurd.

use thiserror::Error;

/// A calendar date without time zone.
pub type Date = chrono::NaiveDate;

/// Earliest publication year accepted.
pub const MIN_YEAR: i32 = 1800;
/// Latest publication year accepted.
pub const MAX_YEAR: i32 = 2200;

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    #[error("date {0:?} is not YYYY-MM-DD or an RFC 3339 timestamp")]
    Malformed(String),
    #[error("date {0:?} does not exist in the calendar")]
    Impossible(String),
    #[error("date {0:?} is outside the accepted years {MIN_YEAR}..={MAX_YEAR}")]
    OutOfRange(String),
}

/// Parses a strict `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Result<Date, DateError> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(DateError::Malformed(s.to_owned()));
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let (y, m, d) = (num(0..4) as i32, num(5..7), num(8..10));
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return Err(DateError::OutOfRange(s.to_owned()));
    }
    Date::from_ymd_opt(y, m, d).ok_or_else(|| DateError::Impossible(s.to_owned()))
}

/// Parses a publication date: `YYYY-MM-DD` or an RFC 3339 timestamp.
pub fn parse_publication_date(s: &str) -> Result<Date, DateError> {
    let s = s.trim();
    if s.len() <= 10 {
        return parse_date(s);
    }
    match chrono::DateTime::parse_from_rfc3339(s) {
        Ok(ts) => {
            let day = ts.date_naive();
            if !(MIN_YEAR..=MAX_YEAR).contains(&chrono::Datelike::year(&day)) {
                return Err(DateError::OutOfRange(s.to_owned()));
            }
            Ok(day)
        }
        Err(_) => {
            // A date part that is itself wrong says more than "malformed".
            match s.get(..10).map(parse_date) {
                Some(Err(e @ (DateError::Impossible(_) | DateError::OutOfRange(_)))) => Err(e),
                _ => Err(DateError::Malformed(s.to_owned())),
            }
        }
    }
}

/// Whether a lower-cased word is an English month name ("march", "may").
/// Annotators use it to keep calendar words out of names and places.
pub fn is_month_name(lower: &str) -> bool {
    matches!(
        lower,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Whether a lower-cased word is an English weekday name ("sunday").
pub fn is_weekday_name(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_dates() {
        assert_eq!(
            parse_date("2022-03-16"),
            Ok(Date::from_ymd_opt(2022, 3, 16).unwrap())
        );
        assert!(matches!(
            parse_date("2022-02-30"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_date("0002-02-03"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            parse_date("2022-3-16"),
            Err(DateError::Malformed(_))
        ));
        assert!(matches!(
            parse_date("２０２２-03-16"),
            Err(DateError::Malformed(_))
        ));
    }

    #[test]
    fn timestamps_keep_the_publishers_day() {
        let d = parse_publication_date("2022-03-16T23:30:00-05:00").unwrap();
        assert_eq!(d, Date::from_ymd_opt(2022, 3, 16).unwrap());
        let d = parse_publication_date("2022-03-16T01:00:00Z").unwrap();
        assert_eq!(d, Date::from_ymd_opt(2022, 3, 16).unwrap());
        assert!(matches!(
            parse_publication_date("2022-13-16T01:00:00Z"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_publication_date("yesterday morning"),
            Err(DateError::Malformed(_))
        ));
    }

    #[test]
    fn calendar_names() {
        assert!(is_month_name("may") && is_month_name("december"));
        assert!(!is_month_name("May") && !is_month_name("mayday"));
        assert!(is_weekday_name("sunday") && !is_weekday_name("sundays"));
    }
}
