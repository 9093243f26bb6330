//! Relative phrases: the words around a place that locate something with
//! respect to it — "western Ukraine", "north of Kyiv", "near the Polish
//! border", "15 miles from Lviv", "outside Kharkiv".
//!
//! The phrase is kept whole (its span runs from the first word of the
//! phrase to the end of the place name, or to "border" when the place is an
//! adjective of the border), with a relation label and, when stated, a
//! distance and its unit. Labels: a direction adjective as written
//! (`western`, `north-eastern`, `central`), `north_of` … `southwest_of`,
//! `near`, `outside`, `border`, `near_border`, `from` (with a distance).
//! The patterns are the spatial-relation phrases of news datelines and war
//! reporting; they look at most six words to the left and one to the right.

use chronicle_core::{PlaceRelation, Span};

const DIRECTION_ADJ: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "far-eastern",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// Words (lower case) of `body[..end]`, last first, with their spans.
fn words_before(body: &str, end: usize, n: usize) -> Vec<(&str, usize)> {
    let mut out = Vec::with_capacity(n);
    let mut rest = &body[..end];
    while out.len() < n {
        let trimmed = rest.trim_end();
        if trimmed.is_empty() {
            break;
        }
        let start = trimmed
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = &trimmed[start..];
        let w = w.trim_matches(|c: char| c == ',' || c == '(' || c == '“' || c == '"');
        if w.is_empty() {
            break;
        }
        out.push((w, start));
        rest = &trimmed[..start];
    }
    out
}

fn unit(w: &str) -> Option<&'static str> {
    match w.to_lowercase().as_str() {
        "mile" | "miles" | "mi" => Some("mile"),
        "km" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => Some("km"),
        _ => None,
    }
}

fn number(w: &str) -> Option<f64> {
    let w = w.replace(',', "");
    if let Ok(v) = w.parse::<f64>() {
        return Some(v);
    }
    let words = [
        ("a", 1.0),
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("twelve", 12.0),
        ("fifteen", 15.0),
        ("twenty", 20.0),
        ("fifty", 50.0),
        ("hundred", 100.0),
    ];
    words
        .iter()
        .find(|(k, _)| w.eq_ignore_ascii_case(k))
        .map(|&(_, v)| v)
}

/// The relative phrase around the place at `span`, if any. `demonym` says
/// the mention is an adjective ("Polish"), which may head "border".
pub fn relation(body: &str, span: Span, demonym: bool) -> Option<PlaceRelation> {
    let before = words_before(body, span.start(), 6);
    let lw = |k: usize| before.get(k).map(|(w, _)| w.to_lowercase());
    let mut start = span.start();
    let mut end = span.end();
    let mut label: Option<String> = None;
    let mut distance = None;
    let mut unit_s = None;
    // "… Polish border": the adjective heads a border.
    let after = body[span.end()..].trim_start();
    let border = demonym && (after.starts_with("border") || after.starts_with("frontier"));
    if border {
        let w = if after.starts_with("border") {
            "border"
        } else {
            "frontier"
        };
        end = body.len() - after.len() + w.len();
        label = Some("border".into());
    }
    let mut k = 0;
    if lw(0).as_deref() == Some("the") {
        k = 1;
    }
    match lw(k).as_deref() {
        Some(w) if DIRECTION_ADJ.contains(&w) && (k == 0 || border) => {
            start = before[k].1;
            label = Some(if border {
                format!("{w}_border")
            } else {
                w.to_owned()
            });
            k += 1;
            if lw(k).as_deref() == Some("the") {
                k += 1;
            }
        }
        _ => {}
    }
    // "north of Kyiv", "15 miles from Lviv", "near (the) X", "outside X".
    let prep = lw(k);
    match prep.as_deref() {
        Some("of") if lw(k + 1).is_some_and(|w| DIRECTIONS.contains(&w.as_str())) => {
            let dir = lw(k + 1).unwrap_or_default();
            start = before[k + 1].1;
            label = Some(format!("{}_of", dir.replace('-', "")));
            k += 2;
        }
        Some("near") | Some("outside") | Some("around")
            if label.as_deref().is_none_or(|l| l == "border") =>
        {
            start = before[k].1;
            let p = prep.clone().unwrap_or_default();
            label = Some(if border { format!("{p}_border") } else { p });
            k += 1;
        }
        Some("from") | Some("of") => {
            if let (Some(u), Some(n)) = (
                before.get(k + 1).and_then(|(w, _)| unit(w)),
                before.get(k + 2).and_then(|(w, _)| number(w)),
            ) {
                start = before[k + 2].1;
                label.get_or_insert_with(|| "from".into());
                distance = Some(n);
                unit_s = Some(u.to_owned());
            }
        }
        _ => {}
    }
    // "15 miles north of Kyiv": a distance before a direction.
    if label.as_deref().is_some_and(|l| l.ends_with("_of")) && distance.is_none() {
        if let (Some(u), Some(n)) = (
            before.get(k).and_then(|(w, _)| unit(w)),
            before.get(k + 1).and_then(|(w, _)| number(w)),
        ) {
            start = before[k + 1].1;
            distance = Some(n);
            unit_s = Some(u.to_owned());
        }
    }
    let relation = label?;
    Some(PlaceRelation {
        span: Span::new(start, end),
        relation,
        distance,
        unit: unit_s,
    })
}

#[cfg(test)]
mod tests {
    use super::relation;
    use chronicle_core::Span;

    fn rel(text: &str, place: &str, demonym: bool) -> (String, String, Option<f64>) {
        let s = text.find(place).unwrap();
        let r = relation(text, Span::new(s, s + place.len()), demonym).unwrap();
        (r.span.text(text).to_owned(), r.relation, r.distance)
    }

    #[test]
    fn direction_adjective() {
        assert_eq!(
            rel("a facility in western Ukraine.", "Ukraine", false).0,
            "western Ukraine"
        );
    }

    #[test]
    fn near_the_demonym_border() {
        let r = rel(
            "in western Ukraine, near the Polish border.",
            "Polish",
            true,
        );
        assert_eq!(
            (r.0.as_str(), r.1.as_str()),
            ("near the Polish border", "near_border")
        );
    }

    #[test]
    fn direction_of_with_distance() {
        let r = rel("a town 15 miles north of Kyiv", "Kyiv", false);
        assert_eq!(
            (r.0.as_str(), r.1.as_str(), r.2),
            ("15 miles north of Kyiv", "north_of", Some(15.0))
        );
    }

    #[test]
    fn distance_from() {
        let r = rel("just 20 km from Lviv", "Lviv", false);
        assert_eq!((r.1.as_str(), r.2), ("from", Some(20.0)));
    }

    #[test]
    fn plain_mention_has_no_relation() {
        assert!(relation("He lives in Kyiv.", Span::new(12, 16), false).is_none());
    }
}
