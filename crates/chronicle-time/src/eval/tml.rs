//! A reader for TimeML `.tml` files, as TempEval-3 distributes them.
//!
//! It takes the document creation time from the `TIMEX3` whose
//! `functionInDocument` is `CREATION_TIME`, and from inside `<TEXT>` the
//! plain text (tags removed, the five XML entities and numeric references
//! decoded) with every `TIMEX3` as a byte span of that text plus its `type`
//! and `value`. Invariants: gold spans lie on character boundaries of the
//! returned text; malformed input is an error, never a panic. Format:
//! TimeML 1.2.1 (Pustejovsky et al.), TempEval-3 "TBAQ-cleaned".

use chronicle_core::{Date, Span};
use thiserror::Error;

/// A gold temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    pub span: Span,
    pub kind: String,
    pub value: String,
}

/// One TimeML document.
#[derive(Debug, Clone)]
pub struct TmlDoc {
    pub id: String,
    pub dct: Date,
    pub text: String,
    pub timexes: Vec<GoldTimex>,
}

/// Why a `.tml` file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TmlError {
    #[error("no <TEXT> element")]
    NoText,
    #[error("no TIMEX3 with functionInDocument=\"CREATION_TIME\"")]
    NoCreationTime,
    #[error("creation time value {0:?} is not a date")]
    BadCreationTime(String),
    #[error("tag at byte {0} is not closed")]
    UnclosedTag(usize),
    #[error("</TIMEX3> at byte {0} closes nothing")]
    StrayClose(usize),
}

/// The value of attribute `name` in the inside of a tag.
pub fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(pos) = rest.find(name) {
        let before_ok = pos == 0 || rest[..pos].ends_with(char::is_whitespace);
        let after = &rest[pos + name.len()..];
        let after_trim = after.trim_start();
        if before_ok && after_trim.starts_with('=') {
            let v = after_trim[1..].trim_start();
            let quote = v.chars().next()?;
            if quote == '"' || quote == '\'' {
                let body = &v[1..];
                return body.find(quote).map(|end| &body[..end]);
            }
        }
        rest = after;
    }
    None
}

fn decode_entity(ent: &str) -> Option<char> {
    match ent {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = ent.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Parses one `.tml` document; `id` names it in reports.
pub fn parse_tml(id: &str, src: &str) -> Result<TmlDoc, TmlError> {
    let dct = creation_time(src)?;
    let open = src.find("<TEXT>").ok_or(TmlError::NoText)?;
    let body_start = open + "<TEXT>".len();
    let close = src[body_start..]
        .find("</TEXT>")
        .map(|p| body_start + p)
        .ok_or(TmlError::NoText)?;
    let raw = &src[body_start..close];

    let mut text = String::with_capacity(raw.len());
    let mut timexes = Vec::new();
    let mut stack: Vec<(usize, String, String)> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        let Some(c) = rest.chars().next() else { break };
        match c {
            '<' => {
                let end = rest
                    .find('>')
                    .ok_or(TmlError::UnclosedTag(body_start + i))?;
                let tag = &rest[1..end];
                if tag.starts_with("TIMEX3") && !tag.ends_with('/') {
                    let kind = attribute(tag, "type").unwrap_or("").to_owned();
                    let value = attribute(tag, "value").unwrap_or("").to_owned();
                    stack.push((text.len(), kind, value));
                } else if tag.starts_with("/TIMEX3") {
                    let (start, kind, value) =
                        stack.pop().ok_or(TmlError::StrayClose(body_start + i))?;
                    timexes.push(GoldTimex {
                        span: Span::new(start, text.len()),
                        kind,
                        value,
                    });
                }
                i += end + 1;
            }
            '&' => {
                let decoded = rest
                    .find(';')
                    .filter(|&semi| semi <= 10)
                    .and_then(|semi| decode_entity(&rest[1..semi]).map(|ch| (ch, semi)));
                match decoded {
                    Some((ch, semi)) => {
                        text.push(ch);
                        i += semi + 1;
                    }
                    None => {
                        text.push('&');
                        i += 1;
                    }
                }
            }
            _ => {
                text.push(c);
                i += c.len_utf8();
            }
        }
    }
    if let Some((start, ..)) = stack.first() {
        return Err(TmlError::UnclosedTag(*start));
    }
    timexes.sort_by_key(|t| (t.span.start, t.span.end));
    Ok(TmlDoc {
        id: id.to_owned(),
        dct,
        text,
        timexes,
    })
}

fn creation_time(src: &str) -> Result<Date, TmlError> {
    let mut rest = src;
    while let Some(pos) = rest.find("<TIMEX3") {
        let after = &rest[pos..];
        let end = after.find('>').ok_or(TmlError::UnclosedTag(0))?;
        let tag = &after[1..end];
        if attribute(tag, "functionInDocument") == Some("CREATION_TIME") {
            let value = attribute(tag, "value").unwrap_or("");
            return value
                .get(..10)
                .and_then(|d| chronicle_core::parse_date(d).ok())
                .ok_or_else(|| TmlError::BadCreationTime(value.to_owned()));
        }
        rest = &after[end..];
    }
    Err(TmlError::NoCreationTime)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2022-03-16" functionInDocument="CREATION_TIME">03/16/2022</TIMEX3></DCT>
<TEXT>NATO &amp; allies <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2022-03-13">Sunday</TIMEX3>.</TEXT></TimeML>"#;

    #[test]
    fn reads_text_and_gold() {
        let doc = parse_tml("x", DOC).unwrap();
        assert_eq!(doc.dct, Date::from_ymd_opt(2022, 3, 16).unwrap());
        assert_eq!(doc.text, "NATO & allies met Sunday.");
        assert_eq!(doc.timexes.len(), 1);
        assert_eq!(doc.timexes[0].span.text(&doc.text), "Sunday");
        assert_eq!(doc.timexes[0].value, "2022-03-13");
    }

    #[test]
    fn malformed_input_is_an_error() {
        assert_eq!(
            parse_tml("x", "<TEXT>a</TEXT>").unwrap_err(),
            TmlError::NoCreationTime
        );
        let unclosed = DOC.replace("</TIMEX3>.", ".");
        assert!(parse_tml("x", &unclosed).is_err());
        assert!(parse_tml("x", "").is_err());
    }
}
