//! Reading a date out of a string as pages write them: ISO 8601 and its
//! slashed or compact variants, RFC 2822, day-first numeric dates
//! (`05.11.2019`), and written months in English, German, French, Spanish,
//! Italian, Portuguese, Dutch, Polish, Russian and Ukrainian (`November 5, 2019`,
//! `5. November 2019`, `5 de noviembre de 2019`).
//!
//! Invariant: a date is only returned when year, month and day are all
//! present and valid, and the year is plausible for a web page (1995–2035):
//! a bare year or month never becomes a date.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

const MIN_YEAR: i32 = 1995;
const MAX_YEAR: i32 = 2035;

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)\d\d)[-/.]([01]?\d)[-/.]([0-3]?\d)(?:\D|$)").unwrap()
});
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^((?:19|20)\d\d)([01]\d)([0-3]\d)(?:$|T|\d{4,6}$)").unwrap());
static DMY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([0-3]?\d)[./]\s?([01]?\d)[./]\s?((?:19|20)\d\d)\b").unwrap());
static MDY_SLASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([01]?\d)/([0-3]?\d)/((?:19|20)\d\d)\b").unwrap());
static WORD_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([0-3]?\d)(?:\.|er|st|nd|rd|th)?\s*(?:de\s+)?(\p{L}{3,10})\.?,?\s*(?:de\s+)?((?:19|20)\d\d)\b").unwrap()
});
static WORD_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\p{L}{3,10})\.?\s+([0-3]?\d)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
        .unwrap()
});

/// The month a (lower-cased) month word names, in the languages above.
fn month_word(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    const MONTHS: [&[&str]; 12] = [
        &[
            "jan",
            "january",
            "januar",
            "jänner",
            "janvier",
            "enero",
            "gennaio",
            "janeiro",
            "januari",
            "stycznia",
            "styczeń",
            "ene",
            "janv",
            "января",
            "январь",
            "січня",
            "січень",
        ],
        &[
            "feb",
            "february",
            "februar",
            "février",
            "fevrier",
            "febrero",
            "febbraio",
            "fevereiro",
            "februari",
            "lutego",
            "luty",
            "févr",
            "fév",
            "февраля",
            "февраль",
            "лютого",
            "лютий",
        ],
        &[
            "mar",
            "march",
            "märz",
            "maerz",
            "mars",
            "marzo",
            "março",
            "maart",
            "marca",
            "marzec",
            "mär",
            "mrz",
            "марта",
            "март",
            "березня",
            "березень",
        ],
        &[
            "apr",
            "april",
            "avril",
            "abril",
            "aprile",
            "kwietnia",
            "kwiecień",
            "abr",
            "avr",
            "апреля",
            "апрель",
            "квітня",
            "квітень",
        ],
        &[
            "may",
            "mai",
            "mayo",
            "maggio",
            "maio",
            "mei",
            "maja",
            "maj",
            "мая",
            "май",
            "травня",
            "травень",
        ],
        &[
            "jun",
            "june",
            "juni",
            "juin",
            "junio",
            "giugno",
            "junho",
            "czerwca",
            "czerwiec",
            "июня",
            "июнь",
            "червня",
            "червень",
        ],
        &[
            "jul",
            "july",
            "juli",
            "juillet",
            "julio",
            "luglio",
            "julho",
            "lipca",
            "lipiec",
            "juil",
            "июля",
            "июль",
            "липня",
            "липень",
        ],
        &[
            "aug",
            "august",
            "août",
            "aout",
            "agosto",
            "augustus",
            "sierpnia",
            "sierpień",
            "ago",
            "августа",
            "август",
            "серпня",
            "серпень",
        ],
        &[
            "sep",
            "sept",
            "september",
            "septembre",
            "septiembre",
            "settembre",
            "setembro",
            "września",
            "wrzesień",
            "set",
            "сентября",
            "сентябрь",
            "вересня",
            "вересень",
        ],
        &[
            "oct",
            "october",
            "oktober",
            "octobre",
            "octubre",
            "ottobre",
            "outubro",
            "października",
            "październik",
            "okt",
            "out",
            "ott",
            "октября",
            "октябрь",
            "жовтня",
            "жовтень",
        ],
        &[
            "nov",
            "november",
            "novembre",
            "noviembre",
            "novembro",
            "listopada",
            "listopad",
            "ноября",
            "ноябрь",
            "листопада",
            "листопад",
        ],
        &[
            "dec",
            "december",
            "dezember",
            "décembre",
            "decembre",
            "diciembre",
            "dicembre",
            "dezembro",
            "grudnia",
            "grudzień",
            "dez",
            "déc",
            "dic",
            "декабря",
            "декабрь",
            "грудня",
            "грудень",
        ],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&w))
        .map(|i| i as u32 + 1)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let y: i32 = y.parse().ok()?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
}

/// A date from a machine-readable value (a `datetime` attribute, a meta
/// `content`, JSON-LD): ISO first, then anything [`parse_text`] reads.
pub fn parse_machine(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(c) = ISO.captures(s) {
        if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
            return Some(d);
        }
    }
    if let Some(c) = COMPACT.captures(s) {
        if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
            return Some(d);
        }
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return ymd(
            &dt.format("%Y").to_string(),
            &dt.format("%m").to_string(),
            &dt.format("%d").to_string(),
        );
    }
    parse_text(s)
}

/// The clock time of a machine timestamp: hour, minute and, when stated,
/// the offset from UTC in minutes (`Z`, `GMT` and `UTC` are 0). `None` for
/// a bare date or text.
pub fn clock(s: &str) -> Option<(u32, u32, Option<i32>)> {
    static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\d{4}-\d\d-\d\d[T ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?\s*(Z|GMT|UTC|[+-]\d\d:?\d\d)?$",
        )
        .unwrap()
    });
    let s = s.trim();
    if let Some(c) = CLOCK.captures(s) {
        let offset = c.get(3).map(|z| {
            let z = z.as_str().replace(':', "");
            match z.parse::<i32>() {
                Ok(hhmm) => hhmm.signum() * ((hhmm.abs() / 100) * 60 + hhmm.abs() % 100),
                Err(_) => 0,
            }
        });
        return Some((c[1].parse().ok()?, c[2].parse().ok()?, offset));
    }
    use chrono::Timelike;
    let dt = chrono::DateTime::parse_from_rfc2822(s).ok()?;
    Some((
        dt.hour(),
        dt.minute(),
        Some(dt.offset().local_minus_utc() / 60),
    ))
}

/// The UTC time of day (hour, minute) of a timestamp stated in UTC
/// (`…T05:30:59Z`, `+00:00`, `GMT`), or `None` for a local time, a bare
/// date or text. A UTC time near midnight can fall on another calendar day
/// where the page was published.
pub fn utc_time(s: &str) -> Option<(u32, u32)> {
    match clock(s)? {
        (hour, minute, Some(0)) => Some((hour, minute)),
        _ => None,
    }
}

/// The first date written in running text, or `None`.
pub fn parse_text(s: &str) -> Option<NaiveDate> {
    let mut found = day_first_and_written(s);
    if found.is_empty() {
        // US month-first only when no day-first reading was possible.
        found = month_first(s);
    }
    found.into_iter().min_by_key(|f| f.0).map(|f| f.1)
}

/// Every date written in `s` in any format this module reads, both
/// readings of an ambiguous numeric date (`05/11/2019`) and two-digit
/// day-first years included: what a page states, for deciding whether it
/// states a given day (never for choosing one).
pub fn all_dates(s: &str) -> Vec<NaiveDate> {
    let mut found: Vec<NaiveDate> = day_first_and_written(s)
        .into_iter()
        .chain(month_first(s))
        .map(|f| f.1)
        .collect();
    found.extend(
        COMPACT_ANYWHERE
            .captures_iter(s)
            .filter_map(|c| ymd(&c[1], &c[2], &c[3])),
    );
    found.extend(short_dmy(s));
    found
}

/// A compact `YYYYMMDD` inside an identifier or path (`/20191105/`,
/// `IMG_20191105`), for [`all_dates`].
static COMPACT_ANYWHERE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\D)((?:19|20)\d\d)([01]\d)([0-3]\d)(?:\D|$)").unwrap());

/// US month-first numeric dates (`11/05/2019`) with their offsets.
fn month_first(s: &str) -> Vec<(usize, NaiveDate)> {
    let at = |c: &regex::Captures| c.get(0).map_or(0, |m| m.start());
    MDY_SLASH
        .captures_iter(s)
        .filter_map(|c| ymd(&c[3], &c[1], &c[2]).map(|d| (at(&c), d)))
        .collect()
}

/// ISO, day-first numeric and written-month dates with their offsets.
fn day_first_and_written(s: &str) -> Vec<(usize, NaiveDate)> {
    let at = |c: &regex::Captures| c.get(0).map_or(0, |m| m.start());
    let mut found: Vec<(usize, NaiveDate)> = Vec::new();
    for c in ISO.captures_iter(s) {
        found.extend(ymd(&c[1], &c[2], &c[3]).map(|d| (at(&c), d)));
    }
    for c in DMY.captures_iter(s) {
        found.extend(ymd(&c[3], &c[2], &c[1]).map(|d| (at(&c), d)));
    }
    for c in WORD_DMY.captures_iter(s) {
        if let Some(m) = month_word(&c[2]) {
            found.extend(ymd(&c[3], &m.to_string(), &c[1]).map(|d| (at(&c), d)));
        }
    }
    for c in WORD_MDY.captures_iter(s) {
        if let Some(m) = month_word(&c[1]) {
            found.extend(ymd(&c[3], &m.to_string(), &c[2]).map(|d| (at(&c), d)));
        }
    }
    found
}

/// A day-first date with a two-digit year (`31.10.23` → 2023-10-31), as
/// bylines write them; read only where a date is expected (a dateline
/// element), never in running text. Years 2000–2035.
pub fn parse_short_dmy(s: &str) -> Option<NaiveDate> {
    short_dmy(s).next()
}

/// Every day-first date with a two-digit year in `s`.
fn short_dmy(s: &str) -> impl Iterator<Item = NaiveDate> + '_ {
    static SHORT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\d.])([0-3]?\d)\.([01]?\d)\.(\d\d)(?:[^\d.]|\.?$)").unwrap()
    });
    SHORT
        .captures_iter(s)
        .filter_map(|c| ymd(&format!("20{}", &c[3]), &c[2], &c[1]))
}

/// A date in a URL path: `/2019/11/05/`, `/2019-11-05`, `/20191105`,
/// `/2019/11/5/`.
pub fn parse_url(url: &str) -> Option<NaiveDate> {
    static URL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"[/_-]((?:19|20)\d\d)[/_-]?([01]\d)[/_-]?([0-3]\d)(?:[/_.-]|\d{0,6}[/_.-]|\d{0,6}$)",
        )
        .unwrap()
    });
    static ARCHIVE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^https?://web\.archive\.org/web/\d+[a-z_]*/").unwrap());
    // An archive's capture time is not the page's date.
    let url = match ARCHIVE.find(url) {
        Some(m) => &url[m.end()..],
        None => url,
    };
    // Also `/2017/7/12/`: slashes on both sides, month and day unpadded.
    static UNPADDED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)/").unwrap());
    let c = URL.captures(url).or_else(|| UNPADDED.captures(url))?;
    ymd(&c[1], &c[2], &c[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn machine_values() {
        assert_eq!(parse_machine("2019-11-05T23:30:00-05:00"), d(2019, 11, 5));
        assert_eq!(
            parse_machine("Tue, 05 Nov 2019 10:00:00 GMT"),
            d(2019, 11, 5)
        );
        assert_eq!(parse_machine("20191105"), d(2019, 11, 5));
        assert_eq!(parse_machine("2019"), None);
    }

    #[test]
    fn written_dates_in_several_languages() {
        assert_eq!(
            parse_text("Published November 5, 2019 at 3pm"),
            d(2019, 11, 5)
        );
        assert_eq!(parse_text("Stand: 5. März 2021, 10:12 Uhr"), d(2021, 3, 5));
        assert_eq!(parse_text("le 12 janvier 2020"), d(2020, 1, 12));
        assert_eq!(parse_text("3 de mayo de 2018"), d(2018, 5, 3));
        assert_eq!(parse_text("Veröffentlicht am 05.11.2019"), d(2019, 11, 5));
        assert_eq!(parse_text("15 августа 2016, 13:43"), d(2016, 8, 15));
        assert_eq!(parse_text("3 травня 2021"), d(2021, 5, 3));
        assert_eq!(parse_text("Copyright 2019"), None);
    }

    #[test]
    fn clock_times() {
        assert_eq!(utc_time("2023-11-09T05:30:59Z"), Some((5, 30)));
        assert_eq!(utc_time("2020-02-25T02:25:54+00:00"), Some((2, 25)));
        assert_eq!(utc_time("2021-11-04T23:00Z"), Some((23, 0)));
        assert_eq!(utc_time("Wed, 04 May 2022 00:25:56 GMT"), Some((0, 25)));
        assert_eq!(utc_time("2022-02-03T20:17:12+01:00"), None);
        assert_eq!(utc_time("2022-02-03"), None);
        assert_eq!(utc_time("Tue, 05 Nov 2019 10:00:00 +0100"), None);
        assert_eq!(
            clock("2020-08-15T09:35:53-07:00"),
            Some((9, 35, Some(-420)))
        );
        assert_eq!(clock("2023-11-08 23:30:59"), Some((23, 30, None)));
        assert_eq!(clock("2021-11-05T05:45+05:45"), Some((5, 45, Some(345))));
    }

    #[test]
    fn two_digit_years_in_bylines() {
        assert_eq!(parse_short_dmy("Von: Ann Lee | 31.10.23"), d(2023, 10, 31));
        assert_eq!(parse_short_dmy("10.12.19 "), d(2019, 12, 10));
        assert_eq!(parse_short_dmy("Version 1.10.23.4"), None);
        assert_eq!(parse_short_dmy("31.10.2023"), None);
    }

    #[test]
    fn url_paths() {
        assert_eq!(parse_url("https://x.com/2019/11/05/story"), d(2019, 11, 5));
        assert_eq!(
            parse_url("https://x.com/news/2019-11-05-story.html"),
            d(2019, 11, 5)
        );
        assert_eq!(parse_url("https://x.com/a/20191105/story"), d(2019, 11, 5));
        assert_eq!(parse_url("https://x.com/2019/story"), None);
        assert_eq!(
            parse_url("https://x.de/home/2017/7/12/montauk"),
            d(2017, 7, 12)
        );
        assert_eq!(parse_url("https://x.com/2017/7/story"), None);
        assert_eq!(
            parse_url("https://web.archive.org/web/20160218123456/http://a.de/news/x"),
            None
        );
    }
}
