//! Finding number expressions in a sentence's tokens: the qualifier, the
//! currency, the number itself with its scale, a range, and the unit.
//!
//! An expression is built left to right from token `i`:
//!
//! ```text
//! [qualifier] [currency] atom [scale…] [(-|–|to|or|and) atom [scale…]] [unit | % | currency word]
//! at least      $         2.3  billion                                     percent
//! ```
//!
//! and then refused when its surroundings say it is not a count:
//! a designation ("Boeing 737", "Article 5", "flight 5735", "No. 1"), a date
//! or a year ("March 16", "in 2018", "the 1973 building"), a duration, age or
//! time of day ("24 hours", "aged 41", "1408 UTC", anything overlapping the
//! timexes layer), a score or tally written downwards ("220–211"), or a
//! pronoun "one" ("one of the", "one walking away").

pub use crate::ctx::Ctx;
use crate::exclude::{is_magnitude, per_hour, refused};
use crate::lexicon::*;
use crate::number::{digits_atom, word_atom, Atom};
use chronicle_core::{Approx, Span, TokenKind};

/// What an expression measures, as far as its own words say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Count,
    Money,
    Percent,
    Length,
    Other,
}

/// A number expression found in the text.
#[derive(Debug, Clone)]
pub struct Expr {
    /// First and one-past-last token.
    pub first: usize,
    pub end: usize,
    pub span: Span,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub approx: Approx,
    pub unit: Option<&'static str>,
    pub measure: Measure,
    /// The noun inside a compound token ("member" in "30-member").
    pub compound: Option<Span>,
    /// A vague plural or a trailing scale word: "of" may follow ("thousands of").
    pub takes_of: bool,
}

/// The outcome of looking at one token.
pub enum Step {
    Found(Expr),
    /// Not a figure; skip to this token.
    Skip(usize),
}

/// A number atom at token `j` with its scale words: value, high, next
/// token, whether a scale word or vague plural was read, the atom.
fn atom_with_scale(c: &Ctx, j: usize) -> Option<(f64, Option<f64>, usize, bool, Atom, f64)> {
    let (mut atom, mut k, vague) = match c.kind(j)? {
        TokenKind::Number => (digits_atom(c.text(j))?, j + 1, false),
        TokenKind::Word if glued_code(c, j).is_some() => {
            let mut a = digits_atom(&c.text(j)[3..])?;
            a.num_len += 3;
            (a, j + 1, false)
        }
        TokenKind::Word => {
            let w = c.low(j);
            let frac = match (w, c.low(j + 1), c.low(j + 2), c.low(j + 3)) {
                ("half", "a", sc, _) if scale_word(sc).is_some_and(|s| s >= 1e3) => Some((0.5, 2)),
                ("a", "quarter", "of", "a") => Some((0.25, 4)),
                ("a", "third", "of", "a") => Some((1.0 / 3.0, 4)),
                _ => None,
            };
            if let Some((f, skip)) = frac.filter(|&(_, n)| scale_word(c.low(j + n)).is_some()) {
                // "half a million", "a quarter of a million".
                let mut a = word_atom("one")?;
                a.value = f;
                (a, j + skip, false)
            } else if matches!(w, "a" | "an") && scale_word(c.low(j + 1)).is_some() {
                (word_atom("one")?, j + 1, false)
            } else if let Some(v) = vague_plural(w) {
                let next = c.low(j + 1);
                let ok = match w {
                    "tens" => next == "of" || next == "or",
                    "scores" => matches!(next, "of" | "more" | "were"),
                    _ => true,
                };
                if !ok {
                    return None;
                }
                let mut a = word_atom("one")?;
                a.value = v;
                (a, j + 1, true)
            } else if w == "several" && c.low(j + 1) == "tens" && c.low(j + 2) == "of" {
                // "several tens of thousands": three tens of the scale after.
                let mut a = word_atom("thirty")?;
                a.value = 30.0;
                (a, j + 2, true)
            } else if let Some(v) = (w == "several")
                .then(|| vague_plural(c.low(j + 1)))
                .flatten()
                .filter(|&v| v >= 100.0)
            {
                // "several millions", "several hundreds": three of the plural.
                let mut a = word_atom("three")?;
                a.value = 3.0 * v;
                (a, j + 2, true)
            } else if w == "several" && scale_word(c.low(j + 1)).is_some_and(|s| s >= 100.0) {
                let mut a = word_atom("three")?;
                a.value = 3.0;
                (a, j + 1, true)
            } else {
                let mut a = word_atom(w)?;
                let mut next = j + 1;
                // "twenty four": tens and ones as two words.
                if a.compound.is_none()
                    && a.value >= 20.0
                    && a.value < 100.0
                    && a.value % 10.0 == 0.0
                {
                    if let Some(o) =
                        small_number_word(c.low(j + 1)).filter(|o| (1.0..10.0).contains(o))
                    {
                        a.value += o;
                        next += 1;
                    }
                }
                (a, next, false)
            }
        }
        _ => return None,
    };
    // "two and a half million": the half joins the number before the scale.
    if atom.scale.is_none()
        && atom.compound.is_none()
        && atom.unit.is_none()
        && atom.high.is_none()
        && !vague
        && (c.low(k), c.low(k + 1), c.low(k + 2)) == ("and", "a", "half")
        && scale_word(c.low(k + 3)).is_some()
    {
        atom.value += 0.5;
        k += 3;
    }
    let mut scaled = vague || atom.scale.is_some();
    let raw = atom.value;
    if let Some(s) = atom.scale {
        atom.value *= s;
        atom.high = atom.high.map(|h| h * s);
    }
    if atom.compound.is_none() && atom.unit.is_none() {
        loop {
            let w = c.low(k);
            if let Some(s) = scale_word(w) {
                if s == 12.0 && atom.digits {
                    break;
                }
                atom.value *= s;
                atom.high = atom.high.map(|h| h * s);
                scaled = true;
                k += 1;
            } else if scaled && w == "of" {
                match vague_plural(c.low(k + 1)) {
                    Some(s) if s >= 1e3 && atom.value < 1e3 => {
                        atom.value *= s;
                        k += 2;
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
    }
    Some((
        atom.value,
        atom.high,
        k,
        scaled || vague,
        atom,
        atom.value / raw.max(1e-9),
    ))
}

/// Looks for an expression starting at token `i`.
pub fn scan_at(c: &Ctx, i: usize) -> Option<Step> {
    let mut j = i;
    let mut approx = Approx::Exact;
    let mut between = false;
    let (w0, w1, w2) = (c.low(i), c.low(i + 1), c.low(i + 2));
    if w0 == "between" {
        between = true;
        j += 1;
    } else if (w0 == "as"
        && matches!(
            w1,
            "many"
                | "much"
                | "high"
                | "large"
                | "far"
                | "strong"
                | "deep"
                | "long"
                | "tall"
                | "heavy"
                | "fast"
                | "big"
                | "great"
        )
        && w2 == "as")
        || (w0 == "no" && w1 == "more" && w2 == "than")
    {
        approx = Approx::UpTo;
        j += 3;
    } else if w0 == "a" && w1 == "minimum" && w2 == "of" {
        approx = Approx::AtLeast;
        j += 3;
    } else if w0 == "a" && w1 == "maximum" && w2 == "of" {
        approx = Approx::UpTo;
        j += 3;
    } else if w0 == "an" && w1 == "estimated" {
        approx = Approx::About;
        j += 2;
    } else if let Some(q) = qualifier2(w0, w1) {
        approx = q;
        j += 2;
    } else if let Some(q) = qualifier1(w0) {
        approx = q;
        j += 1;
    }
    // Stacked qualifiers ("at least about two million"): the first decides.
    if j > i && qualifier1(c.low(j)).is_some() {
        j += 1;
    }
    // Currency before the number: $, US$, €, USD.
    let mut currency = None;
    if let Some(cur) = coded_symbol(c, j) {
        currency = Some(cur);
        j += 2;
    } else if let Some((cur, _)) = glued_code(c, j) {
        currency = Some(cur);
    } else if let Some(cur) = currency_prefix(c.low(j)) {
        let t = c.text(j);
        if c.kind(j) == Some(TokenKind::Symbol) || t.bytes().all(|b| b.is_ascii_uppercase()) {
            currency = Some(cur);
            j += 1;
        }
    }
    let atom_start = j;
    let (mut value, mut high, mut k, scaled, mut atom, _) = atom_with_scale(c, j)?;
    let vague1 = is_vague(c, atom_start);
    let mut low = None;
    // A range: between X and Y, X-Y, X to Y, X or Y.
    let sep = c.low(k);
    let range_sep = if between {
        // "between 3 and 5"; also the common slip "between 3 to 5".
        sep == "and" || sep == "to"
    } else {
        matches!(sep, "-" | "–" | "to" | "or")
            && !(sep == "to"
                && c.low(i.wrapping_sub(1)) == "from"
                && !matches!(
                    c.low(i.wrapping_sub(2)),
                    "range" | "ranged" | "ranging" | "ranges" | "varied" | "varying"
                ))
    };
    if high.is_none() && range_sep && atom.compound.is_none() {
        if let Some((v2, h2, k2, scaled2, a2, m)) = atom_with_scale(c, k + 1) {
            if a2.digits == atom.digits || sep != "-" {
                let mut v1 = value;
                if scaled2 && (!scaled || vague1) && v1 < v2 && (v1 * m) <= v2 {
                    v1 *= m;
                }
                let open = is_vague(c, k + 1);
                if v2 <= v1 && matches!(sep, "-" | "–") {
                    return Some(Step::Skip(k2));
                }
                if v2 > v1 && h2.is_none() {
                    value = v1;
                    k = k2;
                    if open {
                        low = Some(v1);
                        approx = Approx::Range;
                    } else {
                        high = Some(v2);
                    }
                    if atom.unit.is_none() {
                        atom.unit = a2.unit;
                    }
                }
            }
        }
    }
    if between && high.is_none() {
        return None;
    }
    if high.is_some() {
        low = Some(value);
        approx = Approx::Range;
    } else if scaled && atom.value != 1.0 && vague1 {
        low = Some(value);
        if approx == Approx::Exact {
            approx = Approx::Range;
        }
    }
    // The unit after the number.
    let mut unit = atom.unit.map(|u| u.0);
    let mut measure = match atom.unit {
        Some((_, true)) => Measure::Length,
        Some(_) => Measure::Other,
        None => Measure::Count,
    };
    if let Some(cur) = currency {
        unit = Some(cur);
        measure = Measure::Money;
    }
    let mut end_tok = k;
    if unit.is_none() {
        let (u0, u1) = (c.low(k), c.low(k + 1));
        if u0 == "%" || u0 == "percent" || u0 == "pc" {
            unit = Some("percent");
            measure = Measure::Percent;
            end_tok = k + 1;
        } else if (u0 == "per" && u1 == "cent") || (u0 == "percentage" && u1 == "points") {
            unit = Some(if u0 == "per" {
                "percent"
            } else {
                "percentage point"
            });
            measure = Measure::Percent;
            end_tok = k + 2;
        } else if let (true, "of", Some(cur)) = (vague1, u0, currency_suffix(u1)) {
            unit = Some(cur);
            measure = Measure::Money;
            end_tok = k + 2;
        } else if let Some((u, len)) = unit_of(u1)
            .filter(|_| vague1 && u0 == "of" && (u1.ends_with('s') || u1 == "feet") && u1 != "in")
        {
            // "hundreds of miles", "thousands of feet": a vague plural of a unit.
            unit = Some(u);
            measure = if len { Measure::Length } else { Measure::Other };
            end_tok = k + 2;
        } else if let Some(cur) = country_currency(u0, u1) {
            // "one million US dollars": a two-letter code and the currency word.
            unit = Some(cur);
            measure = Measure::Money;
            end_tok = k + 2;
        } else if let Some(cur) = currency_suffix(u0).filter(|_| !(u0 == "pounds" && u1 == "of")) {
            unit = Some(cur);
            measure = Measure::Money;
            end_tok = k + 1;
        } else if u0 == "nautical" && matches!(u1, "miles" | "mile") {
            unit = Some("nautical mile");
            measure = Measure::Length;
            end_tok = k + 2;
        } else if let Some(u) = area_or_volume(u0, u1) {
            // "60 square miles", "10 billion cubic metres".
            unit = Some(u);
            measure = Measure::Other;
            end_tok = k + 2;
        } else if let Some((u, len)) = unit_of(u0) {
            let inch_ok = u0 != "in" || c.text(k + 1) == ")";
            if inch_ok {
                unit = Some(u);
                measure = if len { Measure::Length } else { Measure::Other };
                end_tok = k + 1;
                // "10°F", "5.5°C": the scale letter is a token of its own.
                if u0 == "°" && matches!(c.text(k + 1), "F" | "C") && glued(c, k, k + 1) {
                    end_tok = k + 2;
                }
                // "160 km/h", "100 mi/h": a speed written with a slash.
                if len
                    && c.text(k + 1) == "/"
                    && matches!(c.low(k + 2), "h" | "hr")
                    && glued(c, k, k + 1)
                    && glued(c, k + 1, k + 2)
                {
                    unit = Some(if u == "km" { "km/h" } else { "mph" });
                    measure = Measure::Other;
                    end_tok = k + 3;
                }
            }
        }
    }
    // "5m" with no currency before a singular word is metres, not millions.
    if measure == Measure::Count && atom.scale == Some(1e6) && c.low(atom_start).ends_with('m') {
        let next = c.low(end_tok);
        if !(next.ends_with('s') && next.len() > 2) {
            value /= 1e6;
            high = high.map(|h| h / 1e6);
            low = low.map(|l| l / 1e6);
            unit = Some("m");
            measure = Measure::Length;
        }
    }
    // "magnitude 2+": at least.
    if c.text(end_tok) == "+" && glued(c, end_tok - 1, end_tok) && approx == Approx::Exact {
        approx = Approx::AtLeast;
        end_tok += 1;
    }
    if measure == Measure::Length && per_hour(c, end_tok) {
        unit = Some(if unit == Some("km") { "km/h" } else { "mph" });
        measure = Measure::Other;
    }
    if unit.is_none() && is_magnitude(c, i) {
        unit = Some("magnitude");
        measure = Measure::Other;
    }
    if let Some(comp) = atom.compound {
        if c.low(atom_start)[comp.0..].starts_with("magnitude") {
            unit = Some("magnitude");
            measure = Measure::Other;
        }
    }
    let tok = c.toks[atom_start].span;
    let last = c.toks[end_tok - 1].span;
    let span_end = if atom.compound.is_some() || (atom.unit.is_some() && end_tok == atom_start + 1)
    {
        if atom.compound.is_some() {
            tok.start() + atom.num_len
        } else {
            last.end()
        }
    } else {
        last.end()
    };
    let span = Span::new(c.toks[i].span.start(), span_end);
    let compound = atom
        .compound
        .map(|(a, b)| Span::new(tok.start() + a, tok.start() + b));
    let e = Expr {
        first: i,
        end: end_tok,
        span,
        value,
        low,
        high,
        approx,
        unit,
        measure,
        compound,
        takes_of: scaled,
    };
    if refused(c, &e, &atom, atom_start) {
        // A refused range goes whole ("aged between 12 and 17"); after a
        // refused qualifier the number itself gets its own chance.
        return Some(Step::Skip(
            if atom_start > i && e.high.is_none() && !between {
                atom_start
            } else {
                end_tok
            },
        ));
    }
    Some(Step::Found(e))
}

/// A currency code glued to digits: `USD1`, `EUR40` (the tokenizer keeps
/// them as one word). Returns the currency and the digits' byte offset.
pub fn glued_code(c: &Ctx, j: usize) -> Option<(&'static str, usize)> {
    let t = c.text(j);
    if c.kind(j) != Some(TokenKind::Word) || t.len() < 4 {
        return None;
    }
    let (Some(code), Some(rest)) = (t.get(..3), t.get(3..)) else {
        return None;
    };
    if !code.bytes().all(|b| b.is_ascii_uppercase())
        || !rest.starts_with(|ch: char| ch.is_ascii_digit())
    {
        return None;
    }
    let cur = currency_prefix(&code.to_ascii_lowercase())?;
    digits_atom(rest)?;
    Some((cur, 3))
}

/// A country code glued to a currency symbol: `US$`, `NZ$`, `RU₽`.
fn coded_symbol(c: &Ctx, j: usize) -> Option<&'static str> {
    let code = c.text(j);
    let short = (1..=2).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase());
    if !short || c.kind(j + 1) != Some(TokenKind::Symbol) || !glued(c, j, j + 1) {
        return None;
    }
    currency_prefix(&format!("{}{}", c.low(j), c.text(j + 1)))
}

/// A country code before a currency word: "US dollar(s)", "NZ dollars",
/// "U.S. dollars" — the currency of the code with its symbol ("US$").
fn country_currency(code: &str, word: &str) -> Option<&'static str> {
    if !matches!(word, "dollars" | "dollar") {
        return None;
    }
    let code = code.trim_end_matches('.').replace('.', "");
    if code.len() != 2 {
        return None;
    }
    currency_prefix(&format!("{code}$"))
}

/// Whether tokens `a` and `b` touch (no space between).
fn glued(c: &Ctx, a: usize, b: usize) -> bool {
    a < c.hi && b < c.hi && c.toks[a].span.end == c.toks[b].span.start
}

/// The unit of an area or a volume written "square X" / "cubic X" with a
/// length unit X: "square km", "square mile", "m3", "ft3".
fn area_or_volume(u0: &str, u1: &str) -> Option<&'static str> {
    let (length, true) = unit_of(u1).filter(|_| u1 != "in")? else {
        return None;
    };
    Some(match (u0, length) {
        ("square", "km") => "square km",
        ("square", "mile") => "square mile",
        ("square", "m") => "square m",
        ("square", "ft") => "square ft",
        ("square", "yard") => "square yard",
        ("square", "inch") => "square inch",
        ("square", _) => "square",
        ("cubic", "km") => "km3",
        ("cubic", "m") => "m3",
        ("cubic", "ft") => "ft3",
        ("cubic", "cm") => "cm3",
        ("cubic", _) => "cubic",
        _ => return None,
    })
}

fn unit_of(w: &str) -> Option<(&'static str, bool)> {
    if w == "in" {
        return Some(("inch", true));
    }
    unit(w)
}

/// Whether the atom at `j` is a vague plural ("thousands", "dozens").
fn is_vague(c: &Ctx, j: usize) -> bool {
    vague_plural(c.low(j)).is_some() || c.low(j) == "several"
}
