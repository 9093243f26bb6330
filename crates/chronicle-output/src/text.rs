//! A readable summary of an annotated document, for a person at a terminal:
//! what the article is, when it was published, and its opening — the first
//! things a reader looks for. Each layer that later annotators add gets its
//! own short section here (people, quotes, dates, figures, places, events).

use chronicle_core::{Document, EntityType};
use std::io::{self, Write};

/// Width at which paragraphs are wrapped.
const WIDTH: usize = 88;
/// How much of the opening to show, in characters.
const LEDE_CHARS: usize = 420;

/// Writes the summary of `doc`, followed by a blank line.
pub fn write_text<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    let heading = doc.title.as_deref().unwrap_or(&doc.id);
    writeln!(out, "{heading}")?;
    writeln!(
        out,
        "{}",
        "═".repeat(heading.chars().count().clamp(3, WIDTH))
    )?;
    let mut facts = vec![format!("published {}", doc.date.format("%a %Y-%m-%d"))];
    if doc.title.is_some() {
        facts.push(format!("id {}", doc.id));
    }
    if let Some(source) = &doc.source {
        facts.push(source.clone());
    }
    if let Some(url) = &doc.url {
        facts.push(url.clone());
    }
    writeln!(out, "{}", facts.join(" · "))?;
    let sentences = doc.layers.sentences();
    let paragraphs = doc
        .body()
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .count();
    writeln!(
        out,
        "{} paragraphs · {} sentences · {} tokens · {} characters",
        paragraphs,
        sentences.len(),
        doc.layers.tokens().len(),
        doc.body().chars().count()
    )?;
    writeln!(out)?;

    // The opening: whole sentences up to the budget (at least one).
    let mut lede = String::new();
    for s in sentences {
        let text = doc.text(s.span);
        if !lede.is_empty() && lede.chars().count() + text.chars().count() > LEDE_CHARS {
            break;
        }
        if !lede.is_empty() {
            lede.push(' ');
        }
        lede.push_str(text);
    }
    for line in wrap(&lede, WIDTH) {
        writeln!(out, "  {line}")?;
    }
    if sentences.len() > 1 && lede.chars().count() < doc.body().chars().count() {
        writeln!(out, "  …")?;
    }
    write_entities(out, doc)?;
    write_people(out, doc)?;
    write_quotes(out, doc)?;
    write_timexes(out, doc)?;
    write_figures(out, doc)?;
    write_places(out, doc)?;
    crate::events::write_events(out, doc)?;
    writeln!(out)
}

/// Names by type, most mentioned first.
fn write_entities<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    if doc.layers.entities.is_none() {
        return Ok(());
    }
    writeln!(out)?;
    for (kind, label) in [
        (EntityType::Person, "people"),
        (EntityType::Organization, "organizations"),
        (EntityType::Location, "places"),
        (EntityType::Misc, "other names"),
    ] {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for e in doc.layers.entities().iter().filter(|e| e.kind == kind) {
            let text = doc.text(e.span);
            match counts.iter_mut().find(|(t, _)| *t == text) {
                Some((_, n)) => *n += 1,
                None => counts.push((text, 1)),
            }
        }
        if counts.is_empty() {
            continue;
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        let items: Vec<String> = counts
            .iter()
            .map(|(t, n)| {
                if *n > 1 {
                    format!("{t} ×{n}")
                } else {
                    (*t).to_string()
                }
            })
            .collect();
        let mut lines = wrap(&items.join(" · "), WIDTH - 16).into_iter();
        writeln!(out, "  {label:<14}{}", lines.next().unwrap_or_default())?;
        for line in lines {
            writeln!(out, "  {:<14}{line}", "")?;
        }
    }
    Ok(())
}

/// Each person with roles.
fn write_people<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    if doc.layers.people().is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "  who")?;
    for p in doc.layers.people() {
        let roles = if p.roles.is_empty() {
            String::new()
        } else {
            format!(" — {}", p.roles.join("; "))
        };
        writeln!(
            out,
            "    {} ({} mention{}){roles}",
            p.name,
            p.mentions.len(),
            if p.mentions.len() == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}

/// Direct and partial quotes with their speakers; reported speech counted.
fn write_quotes<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    let quotes = doc.layers.quotes();
    if quotes.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let reported = quotes
        .iter()
        .filter(|q| q.kind == chronicle_core::QuoteKind::Reported)
        .count();
    writeln!(
        out,
        "  said ({} quotes, {reported} reported)",
        quotes.len() - reported
    )?;
    for q in quotes
        .iter()
        .filter(|q| q.kind != chronicle_core::QuoteKind::Reported)
    {
        let who = q.speaker.as_ref().map_or("(unknown)", |s| s.name.as_str());
        let text: String = doc
            .text(q.span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let text = if text.chars().count() > 70 {
            format!("{}…", text.chars().take(69).collect::<String>())
        } else {
            text
        };
        writeln!(out, "    {who:<24} “{text}”")?;
    }
    Ok(())
}

/// Each temporal expression with the value it resolves to.
fn write_timexes<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    if doc.layers.timexes().is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "  when")?;
    for t in doc.layers.timexes() {
        let text: String = doc
            .text(t.span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        writeln!(out, "    {text:<28} {:<9} {}", t.kind.label(), t.value)?;
    }
    Ok(())
}

/// Each figure: its text, value, category and what it counts.
fn write_figures<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    if doc.layers.figures().is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "  how many")?;
    for f in doc.layers.figures() {
        let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = flat(doc.text(f.span));
        let mut value = match (f.low, f.high) {
            (Some(lo), Some(hi)) => format!("{lo}–{hi}"),
            (Some(lo), None) => format!("≥{lo}"),
            _ => format!("{}", f.value),
        };
        if let Some(unit) = &f.unit {
            value = format!("{value} {unit}");
        }
        let category = serde_json::to_value(f.category)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let counted = f.counted.map_or(String::new(), |c| flat(doc.text(c)));
        writeln!(out, "    {text:<28} {value:<16} {category:<9} {counted}")?;
    }
    Ok(())
}

/// One line per distinct place (name, country, kind), with the relative
/// phrases written about it.
fn write_places<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    let mut seen: Vec<(String, Option<String>, String, Vec<String>)> = Vec::new();
    for p in doc.layers.places() {
        let kind = serde_json::to_value(p.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let rel = p.relation.as_ref().map(|r| doc.text(r.span).to_owned());
        match seen
            .iter_mut()
            .find(|s| s.0 == p.name && s.1 == p.country && s.2 == kind)
        {
            Some(s) => s.3.extend(rel.filter(|r| !s.3.contains(r))),
            None => seen.push((
                p.name.clone(),
                p.country.clone(),
                kind,
                rel.into_iter().collect(),
            )),
        }
    }
    if seen.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "  where")?;
    for (name, country, kind, rels) in seen {
        let country = country.unwrap_or_else(|| "-".into());
        let rels = rels
            .iter()
            .map(|r| format!("“{r}”"))
            .collect::<Vec<_>>()
            .join(", ");
        let line = format!("    {name:<28} {country:<3} {kind:<8} {rels}");
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Greedy word wrap.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if len > 0 && len + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += w;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_width() {
        assert_eq!(wrap("aa bb cc dd", 5), ["aa bb", "cc dd"]);
        assert_eq!(wrap("", 5), Vec::<String>::new());
        assert_eq!(wrap("longerword x", 4), ["longerword", "x"]);
    }
}
