//! Abbreviations that keep their period, and what each may do at a sentence
//! end.
//!
//! Lists drawn from news style (AP Stylebook abbreviations of titles, months
//! and states) and the Punkt/Stanford tokenizer lists. Matching is
//! case-sensitive on the letters before the period.

/// Titles and other abbreviations that are always followed by what they
/// abbreviate, so they never end a sentence: "Gen. Milley", "St. Louis",
/// "Sen. Warren", "No. 10".
const PREFIXES: &[&str] = &[
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Det", "Dr", "Drs", "Fr",
    "Gen", "Gens", "Gov", "Govs", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mr", "Mrs", "Ms", "Mssrs",
    "Msgr", "Mt", "Ft", "Pfc", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt",
    "St", "Supt", "Vol", "vs", "v", "Nos", "Art", "Sec", "Secs", "Fig", "Figs", "cf", "approx",
    "ca", "Ste",
];

/// Abbreviations that are usually mid-sentence but may end one: months,
/// company suffixes, US states, units.
const ORDINARY: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Inc", "Corp", "Co", "Cos",
    "Ltd", "Bros", "Jr", "Sr", "Esq", "Ave", "Blvd", "Rd", "Hwy", "Dept", "Univ", "Assn", "Ala",
    "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "etc", "al", "est", "min", "max",
    "ft", "yr", "yrs", "mo", "mos", "oz", "lb", "lbs", "pp", "eds",
];

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Never ends a sentence: a title or a prefix.
    Prefix,
    /// Usually inside a sentence; ends one only when the next word is a clear
    /// sentence opener.
    Ordinary,
}

/// The kind of abbreviation `word` (without its period) is, if any.
pub fn abbreviation(word: &str) -> Option<AbbrevKind> {
    if PREFIXES.contains(&word) {
        Some(AbbrevKind::Prefix)
    } else if ORDINARY.contains(&word) {
        Some(AbbrevKind::Ordinary)
    } else {
        None
    }
}

/// Words that open sentences far more often than they follow an
/// abbreviation in mid-sentence. After "U.S." or "Inc." such a word means a
/// new sentence: "…in the U.S. The meeting…".
const OPENERS: &[&str] = &[
    "A",
    "After",
    "All",
    "Although",
    "An",
    "And",
    "Another",
    "As",
    "At",
    "But",
    "By",
    "Despite",
    "During",
    "Earlier",
    "Even",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Meanwhile",
    "More",
    "Most",
    "Mr",
    "Mrs",
    "Ms",
    "No",
    "Not",
    "Now",
    "Officials",
    "On",
    "One",
    "Only",
    "Or",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thus",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

/// Whether `word` is a clear sentence opener (see [`OPENERS`]).
pub fn is_opener(word: &str) -> bool {
    OPENERS.contains(&word)
}
