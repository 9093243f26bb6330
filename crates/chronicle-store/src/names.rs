//! Normalised names: the keys under which canonical entities are found.
//!
//! A key is lower case, with punctuation turned into spaces (hyphens and
//! apostrophes inside words kept), a possessive `'s` and a leading "the"
//! dropped, and single spaces. A person's key also drops leading titles
//! ("President", "Mr.") and middle initials, so "President Vladimir V.
//! Putin" and "Vladimir Putin" share one key. Roles compare by whole words:
//! "Prime Minister" fits "British Prime Minister".

/// Words that open a person mention without being part of the name (the
/// tagger sometimes takes "General Stoltenberg" as the name).
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "secretary",
    "general",
    "gen",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "gov",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "judge",
    "justice",
    "colonel",
    "col",
    "lt",
    "captain",
    "capt",
    "major",
    "sgt",
    "sergeant",
    "admiral",
    "commander",
    "chief",
    "ambassador",
    "premier",
    "speaker",
    "rev",
    "reverend",
    "father",
    "sheikh",
    "st",
];

/// The key of any name. One pass over the text, writing words separated by
/// single spaces (this runs for every mention an ingest links).
pub fn name_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut previous_alphanumeric = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let alphanumeric = c.is_alphanumeric();
        let joiner = !alphanumeric
            && (c == '-' || c == '\'' || c == '’')
            && previous_alphanumeric
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if alphanumeric || joiner {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if alphanumeric {
                out.extend(c.to_lowercase());
            } else {
                out.push(if c == '’' { '\'' } else { c });
            }
        } else {
            space = true;
        }
        previous_alphanumeric = alphanumeric;
    }
    // A joiner always sits between two word characters, so "'s" can only
    // end the last word.
    if out.ends_with("'s") {
        out.truncate(out.len() - 2);
    }
    if out.starts_with("the ") {
        out.drain(..4);
    }
    out
}

/// The key of a person's name: [`name_key`] without leading titles and,
/// when a first and last name remain, without middle initials.
pub fn person_key(text: &str) -> String {
    let key = name_key(text);
    let mut words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    while words.len() > 1 && TITLES.contains(&words[0]) {
        words.remove(0);
    }
    if words.len() > 2 {
        let (first, last) = (words[0], words[words.len() - 1]);
        let middle = words[1..words.len() - 1]
            .iter()
            .filter(|w| w.chars().count() > 1);
        words = std::iter::once(first)
            .chain(middle.copied())
            .chain(std::iter::once(last))
            .collect();
    }
    words.join(" ")
}

/// The last word of a key: a person's surname.
pub fn surname(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

/// Whether two roles can name the same position: one's words appear, in
/// order and whole, in the other ("Prime Minister" in "British Prime
/// Minister").
pub fn roles_fit(a: &str, b: &str) -> bool {
    let (a, b) = (name_key(a), name_key(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (a, b) = (format!(" {a} "), format!(" {b} "));
    a.contains(&b) || b.contains(&a)
}

/// Whether `short` is the acronym of `long`: the initials of its capitalised
/// words ("NATO" for "North Atlantic Treaty Organization").
pub fn is_acronym_of(short: &str, long: &str) -> bool {
    let letters = short.chars().filter(|c| *c != '.').count();
    if !(2..=8).contains(&letters)
        || !short.chars().all(|c| c.is_uppercase() || c == '.')
        || long.split_whitespace().count() < 2
    {
        return false;
    }
    let initials: String = long
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    initials == short.replace('.', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_punctuation_and_possessives() {
        assert_eq!(name_key("NATO’s"), "nato");
        assert_eq!(name_key("the  United Nations"), "united nations");
        assert_eq!(name_key("O’Brien-Smith"), "o'brien-smith");
        assert_eq!(name_key("U.S."), "u s");
        assert_eq!(name_key("The"), "the", "a lone 'the' stays");
        assert_eq!(name_key("  the Kremlin’s  "), "kremlin");
        assert_eq!(name_key("-U.S.-led 'coalition'"), "u s led coalition");
        assert_eq!(
            name_key("ÉCOLE  Normale—Supérieure"),
            "école normale supérieure"
        );
        assert_eq!(name_key("the's"), "the", "a possessive of 'the' alone");
        assert_eq!(name_key("..."), "");
    }

    #[test]
    fn person_keys_drop_titles_and_initials() {
        assert_eq!(person_key("President Vladimir V. Putin"), "vladimir putin");
        assert_eq!(person_key("General Stoltenberg"), "stoltenberg");
        assert_eq!(person_key("Jens Stoltenberg"), "jens stoltenberg");
        assert_eq!(person_key("Martin Luther King"), "martin luther king");
        assert_eq!(person_key("President"), "president", "a lone title stays");
        assert_eq!(surname("jens stoltenberg"), "stoltenberg");
    }

    #[test]
    fn roles_fit_by_whole_words() {
        assert!(roles_fit("Prime Minister", "British Prime Minister"));
        assert!(roles_fit("NATO Secretary General", "secretary general"));
        assert!(!roles_fit("Minister", "Ministerial aide"));
        assert!(!roles_fit("golfer", "Prime Minister"));
        assert!(!roles_fit("", "Prime Minister"));
    }

    #[test]
    fn acronyms_from_capitalised_initials() {
        assert!(is_acronym_of("NATO", "North Atlantic Treaty Organization"));
        assert!(is_acronym_of("U.N.", "United Nations"));
        assert!(is_acronym_of("WHO", "World Health Organization"));
        assert!(!is_acronym_of("NATO", "North Atlantic Council"));
        assert!(!is_acronym_of("Nato", "North Atlantic Treaty Organization"));
        assert!(!is_acronym_of("UN", "Uniting"));
    }
}
