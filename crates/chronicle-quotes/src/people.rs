//! People of an article: person-name entities grouped into one entry per
//! person ("Jens Stoltenberg", later "Stoltenberg"), with the roles the text
//! gives them — a title right before the name ("NATO Secretary General Jens
//! Stoltenberg") or an appositive after it ("Douglas Lute, a retired U.S.
//! Army lieutenant general and former U.S. ambassador to NATO,").
//!
//! Grouping: a multi-word name is a person; a single word joins the person
//! whose last (or first) name it is, the most recently mentioned first; a
//! single word seen before the full name is merged into it when only one
//! person has that surname — never on a surname two people share.

use crate::context::Context;
use crate::lexicon::{first_name_sex, honorific_sex, is_honorific, is_role_word, Sex};
use chronicle_core::{EntityType, Span};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonEntry {
    pub name: String,
    pub roles: Vec<String>,
    pub mentions: Vec<Span>,
    /// Token index of each name mention (pronouns are not listed here).
    pub name_tokens: Vec<usize>,
    /// From an honorific ("Mrs. Clinton") or the first name.
    pub sex: Option<Sex>,
}

/// People of the document and the person of each entity.
pub struct People {
    pub persons: Vec<PersonEntry>,
    /// For each entity index: the person it names.
    pub of_entity: Vec<Option<usize>>,
}

fn name_words<'a>(cx: &Context<'a>, a: usize, b: usize) -> Vec<&'a str> {
    let mut words: Vec<&str> = (a..b)
        .map(|i| cx.text(i))
        .filter(|w| !is_honorific(w))
        .collect();
    while matches!(words.last(), Some(&("’s" | "'s" | "’" | "'"))) {
        words.pop();
    }
    words
}

/// Token ranges of every entity, by entity index.
pub fn entity_ranges(cx: &Context) -> Vec<(usize, usize)> {
    let mut ranges = vec![(0, 0); cx.entities.len()];
    for (i, e) in cx.entity_at.iter().enumerate() {
        if let Some(n) = e {
            let r = &mut ranges[*n as usize];
            if r.1 == 0 {
                *r = (i, i + 1);
            } else {
                r.1 = i + 1;
            }
        }
    }
    ranges
}

pub fn build(cx: &Context) -> People {
    let ranges = entity_ranges(cx);
    let mut persons: Vec<PersonEntry> = Vec::new();
    let mut of_entity = vec![None; cx.entities.len()];
    for (n, e) in cx.entities.iter().enumerate() {
        let (a, b) = ranges[n];
        if e.kind != EntityType::Person || a >= b {
            continue;
        }
        let words = name_words(cx, a, b);
        if words.is_empty() {
            continue;
        }
        let name = words.join(" ");
        let found = if words.len() >= 2 {
            persons.iter().position(|p| p.name == name)
        } else {
            // The most recently mentioned person with this last or first name.
            let w = words[0];
            persons
                .iter()
                .enumerate()
                .filter(|(_, p)| {
                    let parts: Vec<&str> = p.name.split(' ').collect();
                    parts.len() >= 2 && (parts.last() == Some(&w) || parts.first() == Some(&w))
                })
                .max_by_key(|(_, p)| p.name_tokens.last().copied())
                .map(|(k, _)| k)
                .or_else(|| persons.iter().position(|p| p.name == name))
        };
        let k = found.unwrap_or_else(|| {
            persons.push(PersonEntry {
                name: name.clone(),
                roles: Vec::new(),
                mentions: Vec::new(),
                name_tokens: Vec::new(),
                sex: None,
            });
            persons.len() - 1
        });
        let p = &mut persons[k];
        let honorific = (a > 0).then(|| honorific_sex(cx.text(a - 1))).flatten();
        let by_name = (words.len() >= 2)
            .then(|| first_name_sex(words[0]))
            .flatten();
        p.sex = honorific.or(p.sex).or(by_name);
        p.mentions.push(e.span);
        p.name_tokens.push(a);
        for role in [premodifier_role(cx, a), appositive_role(cx, b)]
            .into_iter()
            .flatten()
        {
            if !p.roles.contains(&role) {
                p.roles.push(role);
            }
        }
        of_entity[n] = Some(k);
    }
    merge_early_surnames(&mut persons, &mut of_entity);
    People { persons, of_entity }
}

/// "Stoltenberg said …" before "Jens Stoltenberg" appears: one person, if
/// only one full name ends (or starts) with that word.
fn merge_early_surnames(persons: &mut Vec<PersonEntry>, of_entity: &mut [Option<usize>]) {
    let mut k = 0;
    while k < persons.len() {
        let single = !persons[k].name.contains(' ');
        let word = persons[k].name.clone();
        let owners: Vec<usize> = (0..persons.len())
            .filter(|&o| o != k && persons[o].name.split(' ').count() >= 2)
            .filter(|&o| {
                let parts: Vec<&str> = persons[o].name.split(' ').collect();
                parts.last() == Some(&word.as_str()) || parts.first() == Some(&word.as_str())
            })
            .collect();
        if single && owners.len() == 1 {
            let o = owners[0];
            let from = persons.remove(k);
            let o = if o > k { o - 1 } else { o };
            let target = &mut persons[o];
            target.sex = target.sex.or(from.sex);
            target.mentions.extend(from.mentions);
            target.name_tokens.extend(from.name_tokens);
            for r in from.roles {
                if !target.roles.contains(&r) {
                    target.roles.push(r);
                }
            }
            for e in of_entity.iter_mut() {
                *e = match *e {
                    Some(x) if x == k => Some(o),
                    Some(x) if x > k => Some(x - 1),
                    other => other,
                };
            }
            continue;
        }
        k += 1;
    }
    for p in persons.iter_mut() {
        p.mentions.sort();
        p.name_tokens.sort();
    }
}

const TITLE_MODIFIERS: &[&str] = &[
    "former", "acting", "deputy", "vice", "then", "senior", "retired", "interim",
];

/// "NATO Secretary General" before "Jens Stoltenberg": the run of title
/// words right before the name, ending in a role word.
fn premodifier_role(cx: &Context, a: usize) -> Option<String> {
    let (start, _) = cx.sentence_range(a);
    let mut end = a;
    while end > start && is_honorific(cx.text(end - 1)) {
        end -= 1;
    }
    if end == start || !is_role_word(&cx.lower[end - 1]) {
        return None;
    }
    let mut b = end;
    while b > start {
        let i = b - 1;
        let w = cx.text(i);
        let lower = cx.lower[i].as_str();
        let titleish = (cx.is_capitalized(i)
            && !is_weekday_or_month(lower)
            && !is_function_word(lower))
            || is_role_word(lower)
            || TITLE_MODIFIERS.contains(&lower)
            || (matches!(w, "’s" | "'s") && i > start)
            || (lower == "of" && i > start && cx.is_capitalized(i - 1) && cx.is_capitalized(i + 1));
        if !titleish || cx.entity_type(i) == Some(EntityType::Person) {
            break;
        }
        b -= 1;
    }
    (b < end).then(|| cx.span(b, end).text(cx.body).to_string())
}

/// "Name, a retired … general," — the appositive right after a name.
fn appositive_role(cx: &Context, b: usize) -> Option<String> {
    let (_, end) = cx.sentence_range(b.saturating_sub(1));
    if b >= end || !cx.is_punct(b, ",") {
        return None;
    }
    let a = b + 1;
    let mut z = a;
    while z < end
        && !matches!(cx.text(z), "," | ";" | "—" | "–" | "(" | ")")
        && !cx.is_terminal(z)
        && !cx.is_quote_mark(z)
    {
        z += 1;
    }
    if z <= a || z - a > 20 {
        return None;
    }
    let first = cx.lower[a].as_str();
    if crate::lexicon::is_np_boundary(first) || crate::lexicon::is_cue_verb(first) || first == "and"
    {
        return None;
    }
    let article = matches!(first, "a" | "an" | "the");
    let possessive = (a..z).any(|i| matches!(cx.text(i), "’s" | "'s"));
    let has_role = (a..z).any(|i| is_role_word(&cx.lower[i]));
    // An appositive role names a role word, after an article, a possessive
    // ("Italy’s former ambassador") or a lower-case start.
    if !has_role || !(article || possessive || !cx.is_capitalized(a)) {
        return None;
    }
    let from = if article { a + 1 } else { a };
    (from < z).then(|| cx.span(from, z).text(cx.body).to_string())
}

fn is_weekday_or_month(lower: &str) -> bool {
    chronicle_core::is_weekday_name(lower) || chronicle_core::is_month_name(lower)
}

fn is_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "on" | "in"
            | "at"
            | "the"
            | "a"
            | "an"
            | "and"
            | "but"
            | "as"
            | "by"
            | "for"
            | "with"
            | "from"
            | "to"
            | "of"
            | "that"
            | "when"
            | "after"
            | "before"
            | "while"
            | "if"
    )
}
