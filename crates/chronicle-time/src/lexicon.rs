//! The lexicon: what one token can mean to a temporal rule.
//!
//! Every token of a document is classified once, from its lower-cased text,
//! into a [`Lex`]: a month, a weekday, a season, a calendar unit, a number, an
//! ordinal, a year, a decade, a part of the day, a hyphenated compound
//! (`two-year`, `third-quarter`, `mid-March`, `year-earlier`), or `Other`.
//! Rules then work on these classes and on the lower-cased text, never on raw
//! bytes, so the expensive part of matching runs only where a token could
//! start a temporal expression (`rules::is_trigger`).
//!
//! The word lists follow the TimeML TIMEX3 guidelines (Saurí et al. 2006,
//! "TimeML Annotation Guidelines 1.2.1", §2.2) and the resources of
//! HeidelTime (Strötgen & Gertz 2013): month and weekday names with their
//! news abbreviations, seasons, the units TimeML writes in durations
//! (`Y M W D H M S`, `Q`, `DE`, `CE`), number words, and the parts of the day
//! (`MO AF EV NI`).

/// A calendar or clock unit, as used in durations and shifts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TimeML duration letters: `P3Y`, `PT4H`, `P2DE`.
    pub fn letters(self) -> &'static str {
        match self {
            Unit::Second => "S",
            Unit::Minute => "M",
            Unit::Hour => "H",
            Unit::Day => "D",
            Unit::Weekend => "WE",
            Unit::Week => "W",
            Unit::Month => "M",
            Unit::Quarter => "Q",
            Unit::Year => "Y",
            Unit::Decade => "DE",
            Unit::Century => "CE",
        }
    }

    /// Whether durations of this unit are written after `T` (`PT3H`).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// The class of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    Other,
    /// 1 = January.
    Month(u32),
    /// 1 = Monday … 7 = Sunday (ISO).
    Weekday(u32),
    /// TimeML season code: `SP`, `SU`, `FA`, `WI`.
    Season(&'static str),
    /// A unit word; `true` when plural (`years`).
    Unit(Unit, bool),
    /// A cardinal number, in words or digits (`two`, `210`, `1,000`).
    Num(u32),
    /// An ordinal (`third`, `3rd`).
    Ordinal(u32),
    /// A four-digit number that can be a year (`1998`).
    Year(i32),
    /// A decade, as its TimeML prefix: `1990s` → 199.
    Decade(i32),
    /// Part of the day: `MO`, `AF`, `EV`, `NI`.
    DayPart(&'static str),
    /// `two-year`, `16-hour`, `four-month`: a duration adjective.
    DurAdj(u32, Unit),
    /// `decades-long`, `years-old`, `several-year`: a vague duration
    /// adjective.
    VagueDurAdj(Unit),
    /// `third-quarter`.
    QuarterAdj(u32),
    /// `year-earlier`, `year-ago`.
    YearAgo,
    /// `year-end`.
    YearEnd,
    /// `mid-March`, `late-November`: a month with a position modifier.
    MidMonth(u32),
    /// `mid-1998`.
    MidYear(i32),
    /// `mid-1990s`.
    MidDecade(i32),
    /// `nineties`: a decade in words, its tens digit (9); the century
    /// comes from the report's date.
    DecadeWord(i32),
}

/// Month names and abbreviations (`sept.` keeps its period in the tokenizer).
pub fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan." | "jan" => 1,
        "february" | "feb." | "feb" => 2,
        "march" | "mar." => 3,
        "april" | "apr." => 4,
        "may" => 5,
        "june" | "jun." => 6,
        "july" | "jul." => 7,
        "august" | "aug." | "aug" => 8,
        "september" | "sept." | "sep." | "sept" => 9,
        "october" | "oct." | "oct" => 10,
        "november" | "nov." | "nov" => 11,
        "december" | "dec." | "dec" => 12,
        _ => return None,
    })
}

fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon." => 1,
        "tuesday" | "tue." | "tues." => 2,
        "wednesday" | "wed." => 3,
        "thursday" | "thu." | "thurs." => 4,
        "friday" | "fri." => 5,
        "saturday" | "sat." => 6,
        "sunday" | "sun." => 7,
        _ => return None,
    })
}

fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Number words up to ninety, and `dozen`.
pub fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "dozen" => 12,
        "hundred" => 100,
        _ => return None,
    })
}

fn ordinal(w: &str) -> Option<u32> {
    let n = match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        _ => {
            let digits = w
                .strip_suffix("st")
                .or_else(|| w.strip_suffix("nd"))
                .or_else(|| w.strip_suffix("rd"))
                .or_else(|| w.strip_suffix("th"))?;
            return digits_value(digits).filter(|&n| (1..=31).contains(&n));
        }
    };
    Some(n)
}

/// The value of an all-digit string of at most nine digits.
pub fn digits_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn number(w: &str) -> Option<Lex> {
    if let Some(n) = number_word(w) {
        return Some(Lex::Num(n));
    }
    let first = *w.as_bytes().first()?;
    if !first.is_ascii_digit() {
        return None;
    }
    if w.len() == 4 {
        if let Some(y) = digits_value(w) {
            if (1000..=2199).contains(&y) {
                return Some(Lex::Year(y as i32));
            }
        }
    }
    if let Some(n) = digits_value(w) {
        return Some(Lex::Num(n));
    }
    // 1,000 and 10,000 (durations like "1,000 years" are rare but real).
    if w.contains(',') && w.split(',').skip(1).all(|g| g.len() == 3) {
        let joined: String = w.split(',').collect();
        return digits_value(&joined).map(Lex::Num);
    }
    // 1990s, 1990's
    let dec = w.strip_suffix("'s").or_else(|| w.strip_suffix('s'))?;
    if dec.len() == 4 && dec.ends_with('0') {
        let y = digits_value(dec)? as i32;
        if (1000..=2199).contains(&y) {
            return Some(Lex::Decade(y / 10));
        }
    }
    None
}

/// Classifies one hyphenated token from its parts.
fn compound(w: &str) -> Option<Lex> {
    let (head, tail) = w.split_once('-')?;
    match (head, tail) {
        ("year", "earlier" | "ago") => return Some(Lex::YearAgo),
        ("year", "end") => return Some(Lex::YearEnd),
        // "late-November", "early-March": the month, as "mid-March"
        ("early" | "late", rest) if month(rest).is_some() => {
            return month(rest).map(Lex::MidMonth);
        }
        ("mid", rest) => {
            if let Some(m) = month(rest) {
                return Some(Lex::MidMonth(m));
            }
            return match number(rest)? {
                Lex::Year(y) => Some(Lex::MidYear(y)),
                Lex::Decade(d) => Some(Lex::MidDecade(d)),
                _ => None,
            };
        }
        _ => {}
    }
    // "twenty-four"
    if let (Some(t), Some(u)) = (number_word(head), number_word(tail)) {
        if t >= 20 && t % 10 == 0 && u < 10 {
            return Some(Lex::Num(t + u));
        }
    }
    // "third-quarter", "fourth-quarter"
    if tail == "quarter" {
        return ordinal(head)
            .filter(|q| (1..=4).contains(q))
            .map(Lex::QuarterAdj);
    }
    // "two-year", "10-year", "8-month-old", "16-hour"
    // "decades-long", "years-old", "several-year"
    if let Some((u, plural)) = unit(head) {
        if tail == "long" || (plural && tail == "old") {
            return Some(if plural {
                Lex::VagueDurAdj(u)
            } else {
                Lex::DurAdj(1, u)
            });
        }
    }
    if matches!(head, "several" | "multi" | "many") {
        if let Some((u, false)) = unit(tail) {
            return Some(Lex::VagueDurAdj(u));
        }
    }
    let (unit_part, rest) = tail.split_once('-').unwrap_or((tail, ""));
    let (u, plural) = unit(unit_part)?;
    // "6-year-old" is an age, not a duration (TimeML leaves ages out).
    if plural || rest == "old" {
        return None;
    }
    let n = match number(head)? {
        Lex::Num(n) => n,
        _ => return None,
    };
    Some(Lex::DurAdj(n, u))
}

/// Classifies a lower-cased token.
pub fn classify(w: &str) -> Lex {
    if let Some(m) = month(w) {
        return Lex::Month(m);
    }
    if let Some(d) = weekday(w) {
        return Lex::Weekday(d);
    }
    if let Some((u, p)) = unit(w) {
        return Lex::Unit(u, p);
    }
    if let Some(o) = ordinal(w) {
        return Lex::Ordinal(o);
    }
    if let Some(n) = number(w) {
        return n;
    }
    match w {
        "twenties" => return Lex::DecadeWord(2),
        "thirties" => return Lex::DecadeWord(3),
        "forties" => return Lex::DecadeWord(4),
        "fifties" => return Lex::DecadeWord(5),
        "sixties" => return Lex::DecadeWord(6),
        "seventies" => return Lex::DecadeWord(7),
        "eighties" => return Lex::DecadeWord(8),
        "nineties" => return Lex::DecadeWord(9),
        "spring" => return Lex::Season("SP"),
        "summer" => return Lex::Season("SU"),
        "fall" | "autumn" => return Lex::Season("FA"),
        "winter" => return Lex::Season("WI"),
        "morning" | "mid-morning" => return Lex::DayPart("MO"),
        "afternoon" | "mid-afternoon" => return Lex::DayPart("AF"),
        "evening" | "mid-evening" => return Lex::DayPart("EV"),
        "night" | "overnight" => return Lex::DayPart("NI"),
        _ => {}
    }
    if w.contains('-') {
        if let Some(c) = compound(w) {
            return c;
        }
    }
    Lex::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify("sept."), Lex::Month(9));
        assert_eq!(classify("friday"), Lex::Weekday(5));
        assert_eq!(classify("years"), Lex::Unit(Unit::Year, true));
        assert_eq!(classify("1998"), Lex::Year(1998));
        assert_eq!(classify("1990s"), Lex::Decade(199));
        assert_eq!(classify("1,000"), Lex::Num(1000));
        assert_eq!(classify("third-quarter"), Lex::QuarterAdj(3));
        assert_eq!(classify("two-year"), Lex::DurAdj(2, Unit::Year));
        assert_eq!(classify("8-month-long"), Lex::DurAdj(8, Unit::Month));
        assert_eq!(classify("6-year-old"), Lex::Other);
        assert_eq!(classify("mid-march"), Lex::MidMonth(3));
        assert_eq!(classify("twenty-four"), Lex::Num(24));
        assert_eq!(classify("year-earlier"), Lex::YearAgo);
        assert_eq!(classify("3rd"), Lex::Ordinal(3));
        assert_eq!(classify("30-member"), Lex::Other);
        assert_eq!(classify("mig-29"), Lex::Other);
    }
}
