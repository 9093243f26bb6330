//! The trigger lexicon (`data/triggers.tsv`, written by hand): lemmas of
//! verbs and nouns with their subtype and conditions, expanded to their
//! inflected forms (regular -s / -ed / -ing and plurals generated, irregular
//! forms listed) and indexed by their first word, so matching a token costs
//! one hash lookup of its lower-cased text.

use std::collections::HashMap;
use std::sync::OnceLock;

const LEXICON: &str = include_str!("../data/triggers.tsv");

/// Part of speech of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    Verb,
    Noun,
}

/// One lexicon entry (shared by all its forms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub lemma: String,
    pub pos: Pos,
    /// A row of the event table, or `@transfer`.
    pub subtype: String,
    pub patient_subject: bool,
    pub instrument_subject: bool,
    /// The direct object is the instrument ("detonated the device").
    pub instrument_object: bool,
    pub needs_weapon: bool,
    pub needs_troops: bool,
    pub lower_only: bool,
}

/// A form: the words after the first, and the entry.
#[derive(Debug, Clone)]
pub struct Form {
    pub rest: Vec<String>,
    /// Whether the form is a past participle or past ("struck", "killed").
    pub past: bool,
    pub entry: usize,
}

/// The indexed lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    by_first: HashMap<String, Vec<Form>>,
}

fn ends_consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2])
}

fn plural(w: &str) -> String {
    if ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e)) {
        format!("{w}es")
    } else if ends_consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else {
        format!("{w}s")
    }
}

fn past(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if ends_consonant_y(w) {
        format!("{}ied", &w[..w.len() - 1])
    } else {
        format!("{w}ed")
    }
}

fn gerund(w: &str) -> String {
    if w.ends_with('e') && !w.ends_with("ee") {
        format!("{}ing", &w[..w.len() - 1])
    } else {
        format!("{w}ing")
    }
}

/// Regular forms of a lemma (inflecting its first word for verbs, its last
/// for nouns), each with whether it is a past form.
fn regular_forms(lemma: &str, pos: Pos) -> Vec<(String, bool)> {
    let words: Vec<&str> = lemma.split(' ').collect();
    let with = |i: usize, w: String| {
        let mut v: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        v[i] = w;
        v.join(" ")
    };
    match pos {
        Pos::Verb => vec![
            (lemma.to_owned(), false),
            (with(0, plural(words[0])), false),
            (with(0, past(words[0])), true),
            (with(0, gerund(words[0])), false),
        ],
        Pos::Noun => {
            let last = words.len() - 1;
            vec![
                (lemma.to_owned(), false),
                (with(last, plural(words[last])), false),
            ]
        }
    }
}

/// Whether an irregular form is a past form (ends in -ed/-en or differs
/// from every regular present pattern).
fn irregular_is_past(form: &str, lemma: &str) -> bool {
    let first = form.split(' ').next().unwrap_or(form);
    let lemma_first = lemma.split(' ').next().unwrap_or(lemma);
    !(first.ends_with("ing") || first.ends_with('s') || first == lemma_first)
}

/// Parses the lexicon text; errors name the line.
pub fn parse(text: &str) -> Result<Lexicon, String> {
    let mut lex = Lexicon::default();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if !(3..=4).contains(&f.len()) {
            return Err(format!(
                "trigger lexicon line {}: {} fields",
                n + 1,
                f.len()
            ));
        }
        let pos = match f[1] {
            "v" => Pos::Verb,
            "n" => Pos::Noun,
            other => return Err(format!("trigger lexicon line {}: pos {other}", n + 1)),
        };
        let mut entry = Entry {
            lemma: f[0].to_owned(),
            pos,
            subtype: f[2].to_owned(),
            patient_subject: false,
            instrument_subject: false,
            instrument_object: false,
            needs_weapon: false,
            needs_troops: false,
            lower_only: false,
        };
        let mut forms = regular_forms(f[0], pos);
        let mut in_forms = false;
        for flag in f
            .get(3)
            .map_or("", |s| s)
            .split(',')
            .filter(|s| !s.is_empty())
        {
            match flag {
                "patient" => entry.patient_subject = true,
                "instsubj" => entry.instrument_subject = true,
                "instobj" => entry.instrument_object = true,
                "weapon" => entry.needs_weapon = true,
                "troops" => entry.needs_troops = true,
                "lower" => entry.lower_only = true,
                _ => {
                    // `forms=` starts a list that runs to the end of the flags.
                    let form = match flag.strip_prefix("forms=") {
                        Some(form) => form,
                        None if in_forms => flag,
                        None => return Err(format!("trigger lexicon line {}: flag {flag}", n + 1)),
                    };
                    in_forms = true;
                    forms.push((form.to_owned(), irregular_is_past(form, f[0])));
                }
            }
        }
        let index = lex.entries.len();
        lex.entries.push(entry);
        for (form, past) in forms {
            let mut words = form.split(' ').map(str::to_owned);
            let first = words.next().unwrap_or_default();
            let rest: Vec<String> = words.collect();
            let list = lex.by_first.entry(first).or_default();
            if !list.iter().any(|f| f.rest == rest && f.entry == index) {
                list.push(Form {
                    rest,
                    past,
                    entry: index,
                });
            }
        }
    }
    for list in lex.by_first.values_mut() {
        // Longest phrases first, so "air strike" wins over "air".
        list.sort_by_key(|f| std::cmp::Reverse(f.rest.len()));
    }
    Ok(lex)
}

impl Lexicon {
    /// The lexicon shipped in the repository.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| parse(LEXICON).expect("data/triggers.tsv is well formed"))
    }

    /// Forms starting with this lower-cased word.
    pub fn starting_with(&self, word: &str) -> &[Form] {
        self.by_first.get(word).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_generated_and_irregulars_listed() {
        let lex = parse(LEXICON).unwrap();
        let has = |w: &str, lemma: &str| {
            lex.starting_with(w)
                .iter()
                .any(|f| lex.entries[f.entry].lemma == lemma)
        };
        for (w, lemma) in [
            ("attacked", "attack"),
            ("struck", "strike"),
            ("deploying", "deploy"),
            ("died", "die"),
            ("clashes", "clash"),
            ("injuries", "injury"),
            ("sent", "send"),
            ("met", "meet"),
        ] {
            assert!(has(w, lemma), "{w} -> {lemma}");
        }
        assert!(lex.starting_with("struck")[0].past);
        assert!(!lex.starting_with("striking")[0].past);
        let air = lex.starting_with("air");
        assert_eq!(air[0].rest, ["strike"]);
    }

    #[test]
    fn bad_lines_are_errors() {
        assert!(parse("attack\tx\tattack").unwrap_err().contains("line 1"));
        assert!(parse("attack\tv\tattack\tweird")
            .unwrap_err()
            .contains("flag"));
    }
}
