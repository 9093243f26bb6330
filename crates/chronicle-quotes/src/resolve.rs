//! Turning speaker phrases into speakers: a name joins its person, a
//! pronoun (he, she, they) the most salient earlier speaker, a description
//! ("a senior U.S. defense official", "the Kremlin") stays as written.
//!
//! A direct quote with no attribution of its own takes the speaker last
//! named in its paragraph.
//!
//! Salience, in order: a person who spoke in this or the previous paragraph
//! (the most recent first); then the most recently named person outside
//! quotes; then any earlier speaker. Pronouns inside quotes are the quoted
//! person's words and are never resolved. "they" resolves only to a group
//! speaker ("NATO and U.S. officials"). When nothing fits, the speaker is
//! unknown rather than guessed.

use crate::attribution::{Candidate, SpeakerRef};
use crate::context::Context;
use crate::lexicon::{pronoun, Pronoun, Sex};
use crate::people::People;
use chronicle_core::{EntityType, QuoteKind, Span, Speaker};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Referent {
    Person(usize),
    Named(String),
}

#[derive(Debug, Clone)]
struct Said {
    at: usize,
    who: Referent,
    mention: Span,
}

/// Resolves every candidate's speaker in reading order; records pronoun
/// mentions of people in `people`.
pub fn resolve(
    cx: &Context,
    people: &mut People,
    candidates: &[Candidate],
) -> Vec<Option<Speaker>> {
    let mut history: Vec<Said> = Vec::new();
    let mut last_direct: Option<Said> = None;
    let mut out = Vec::with_capacity(candidates.len());
    for c in candidates {
        let said = match c.speaker {
            SpeakerRef::Phrase(a, b) => {
                phrase(cx, people, &history, a, b).map(|(who, mention)| Said {
                    at: c.at,
                    who,
                    mention,
                })
            }
            SpeakerRef::Voiced(a, b, c0, d) => {
                phrase(cx, people, &history, c0, d).map(|(who, _)| Said {
                    at: c.at,
                    who,
                    mention: cx.span(a, b),
                })
            }
            SpeakerRef::Previous => last_direct.clone(),
            // A direct quote with no attribution of its own in a paragraph
            // that has already given one: by news convention the paragraph's
            // speaker goes on talking.
            SpeakerRef::None if c.kind == QuoteKind::Direct => history
                .last()
                .filter(|s| s.at < c.at && cx.paras[s.at] == cx.paras[c.at])
                .map(|s| Said {
                    at: c.at,
                    ..s.clone()
                }),
            SpeakerRef::None => None,
        };
        if let Some(s) = &said {
            if let (Referent::Person(k), SpeakerRef::Phrase(a, b)) = (&s.who, c.speaker) {
                let p = &mut people.persons[*k];
                if b - a == 1 && pronoun(&cx.lower[a]).is_some() && !p.mentions.contains(&s.mention)
                {
                    p.mentions.push(s.mention);
                    p.mentions.sort();
                }
            }
            history.push(s.clone());
        }
        if c.kind == QuoteKind::Direct {
            last_direct = said.clone();
        }
        out.push(said.map(|s| Speaker {
            name: match &s.who {
                Referent::Person(k) => people.persons[*k].name.clone(),
                Referent::Named(n) => n.clone(),
            },
            mention: s.mention,
        }));
    }
    out
}

fn phrase(
    cx: &Context,
    people: &People,
    history: &[Said],
    a: usize,
    b: usize,
) -> Option<(Referent, Span)> {
    // A person's name inside the phrase (the last one: "NATO Secretary General Jens Stoltenberg").
    if let Some(i) = (a..b)
        .rev()
        .find(|&i| cx.entity_type(i) == Some(EntityType::Person))
    {
        let n = cx.entity_at[i]? as usize;
        if let Some(k) = people.of_entity[n] {
            return Some((Referent::Person(k), cx.entities[n].span));
        }
    }
    let mention = cx.span(a, b);
    if b - a == 1 && cx.lower[a] == "who" {
        return antecedent(cx, people, a).map(|who| (who, mention));
    }
    if b - a == 1 {
        match pronoun(&cx.lower[a]) {
            Some(p @ (Pronoun::He | Pronoun::She)) => {
                let sex = if p == Pronoun::He {
                    Sex::Male
                } else {
                    Sex::Female
                };
                return person_for_pronoun(cx, people, history, a, sex)
                    .map(|k| (Referent::Person(k), mention));
            }
            Some(Pronoun::They) => {
                return group_for_pronoun(cx, history, a)
                    .or_else(|| named_before(cx, a, true))
                    .map(|n| (Referent::Named(n), mention))
            }
            Some(Pronoun::Other) => {
                // In an interview turn, "I" and "we" are the turn's speaker.
                if let (Some((c0, d)), "i" | "we", false) =
                    (cx.turn_of[a], cx.lower[a].as_str(), cx.in_quote[a])
                {
                    return phrase(cx, people, history, c0, d).map(|(who, _)| (who, mention));
                }
                return match cx.lower[a].as_str() {
                    // First person outside quotes: the writer ("I argued", "we reported").
                    "i" if !cx.in_quote[a] => Some("the author".to_owned()),
                    "we" if !cx.in_quote[a] => Some("the authors".to_owned()),
                    "it" => named_before(cx, a, false),
                    _ => None,
                }
                .map(|n| (Referent::Named(n), mention));
            }
            None => {}
        }
        // A surname the tagger missed.
        let w = cx.text(a);
        if let Some(k) = people
            .persons
            .iter()
            .position(|p| p.name.contains(' ') && p.name.rsplit(' ').next() == Some(w))
        {
            return Some((Referent::Person(k), mention));
        }
    }
    let text = mention.text(cx.body);
    let name = text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text);
    Some((
        Referent::Named(name.split_whitespace().collect::<Vec<_>>().join(" ")),
        mention,
    ))
}

/// What "who" at token `at` stands for: the nearest name before it in the
/// sentence ("Shane Shook, a security expert who …").
fn antecedent(cx: &Context, people: &People, at: usize) -> Option<Referent> {
    let (start, _) = cx.sentence_range(at);
    let lo = at.saturating_sub(15).max(start);
    let i = (lo..at).rev().find(|&i| cx.entity_at[i].is_some())?;
    let n = cx.entity_at[i]? as usize;
    match people.of_entity[n] {
        Some(k) => Some(Referent::Person(k)),
        None => Some(Referent::Named(
            cx.entities[n].span.text(cx.body).to_string(),
        )),
    }
}

fn person_for_pronoun(
    cx: &Context,
    people: &People,
    history: &[Said],
    at: usize,
    sex: Sex,
) -> Option<usize> {
    if cx.in_quote[at] {
        return None;
    }
    // A person known to be of the other sex is never the referent.
    let agrees = |k: usize| people.persons[k].sex.is_none_or(|s| s == sex);
    let para = cx.paras[at];
    let recent_speaker = history.iter().rev().find_map(|s| match s.who {
        Referent::Person(k) if s.at < at && cx.paras[s.at] + 1 >= para && agrees(k) => Some(k),
        _ => None,
    });
    if recent_speaker.is_some() {
        return recent_speaker;
    }
    let named = people
        .persons
        .iter()
        .enumerate()
        .filter(|&(k, _)| agrees(k))
        .filter_map(|(k, p)| {
            p.name_tokens
                .iter()
                .filter(|&&t| t < at && !cx.in_quote[t])
                .max()
                .map(|&t| (t, k))
        })
        .max();
    if let Some((_, k)) = named {
        return Some(k);
    }
    history.iter().rev().find_map(|s| match s.who {
        Referent::Person(k) if s.at < at && agrees(k) => Some(k),
        _ => None,
    })
}

/// The organisation a pronoun outside quotes stands for: the nearest one
/// named before it in its paragraph or the one before ("the ministry said
/// … It added"); for "they" (`plural`) also a capitalised plural
/// ("Republicans").
fn named_before(cx: &Context, at: usize, plural: bool) -> Option<String> {
    if cx.in_quote[at] {
        return None;
    }
    let para = cx.paras[at];
    let mut i = at;
    while i > 0 && cx.paras[i - 1] + 1 >= para && at - i < 120 {
        i -= 1;
        if cx.in_quote[i] {
            continue;
        }
        if let Some(n) = cx.entity_at[i] {
            let e = &cx.entities[n as usize];
            if e.kind == EntityType::Organization {
                return Some(e.span.text(cx.body).to_string());
            }
            if e.kind == EntityType::Person {
                return None; // a person between: "it" / "they" is not theirs
            }
            continue;
        }
        let w = cx.text(i);
        let (s0, _) = cx.sentence_range(i);
        if plural && i > s0 && cx.is_capitalized(i) && w.len() > 3 && w.ends_with('s') {
            return Some(w.to_owned());
        }
    }
    None
}

fn group_for_pronoun(cx: &Context, history: &[Said], at: usize) -> Option<String> {
    if cx.in_quote[at] {
        return None;
    }
    let para = cx.paras[at];
    history.iter().rev().find_map(|s| match &s.who {
        Referent::Named(n) if s.at < at && cx.paras[s.at] + 1 >= para && is_plural(n) => {
            Some(n.clone())
        }
        _ => None,
    })
}

fn is_plural(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    name.contains(" and ")
        || (last.ends_with('s')
            && !last.ends_with("ss")
            && last.chars().next().is_some_and(char::is_lowercase))
}
