//! The standfirst (lead, teaser, abstract) that a page shows between its
//! headline and its body: extractors often drop it with the header it
//! sits in, yet it is the article's first paragraph for a reader.
//!
//! The page's own description (`og:description`, `description`) says which
//! block it is: a block whose text opens with the description (or with the
//! description's cut-off start) and that comes before the extracted body's
//! first paragraph in the page is put back in front of the body.
//!
//! A one-sentence block is a deck (the headline's second line), not a
//! lead paragraph, and stays out: only a standfirst of two sentences or
//! more is restored.
//!
//! Invariants: only text the page shows is restored (never a description
//! found only in metadata); nothing is restored that the body already
//! holds, nor a block after the body's start (a teaser of this page in a
//! list further down), nor one in navigation, asides, footers or forms.

use crate::body::blocks_skipping;
use scraper::Html;

/// How many characters of the description identify its block.
const KEY: usize = 40;
/// The most blocks between the lead and the body's first paragraph: a
/// standfirst sits right above the text, with at most a date, a picture
/// and its caption and credit in between; a block above a byline box
/// (author, biography, contacts, date) is a deck in the headline block.
const MAX_GAP: usize = 5;

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `n` characters of `s`.
fn head(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// A standfirst candidate: the page's visible blocks of text (in order,
/// navigation, footers, asides and forms left out) and which of them opens
/// with the page's description. Found on the page's tree before the body
/// is extracted, so that the tree can be dropped meanwhile: it holds only
/// text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standfirst {
    blocks: Vec<String>,
    lead: usize,
}

impl Standfirst {
    /// The block of `doc` that opens with `description` (or its cut-off
    /// start) and holds two sentences or more; `None` when there is none.
    pub fn find(doc: &Html, description: Option<&str>) -> Option<Standfirst> {
        let description = description?;
        let description = if description.contains('<') {
            crate::body::fragment_text(description)
        } else {
            description.to_owned()
        };
        let description = norm(&description);
        let description = description.trim_end_matches(['…', '.']).trim_end();
        if description.chars().count() < KEY {
            return None;
        }
        let key = head(description, KEY);
        let blocks = blocks_skipping(doc, |name| {
            matches!(name, "nav" | "footer" | "aside" | "form")
        });
        let lead = blocks.iter().position(|b| b.starts_with(key))?;
        (sentences(&blocks[lead]) >= 2).then_some(Standfirst { blocks, lead })
    }

    /// `body` with the standfirst in front, when the body lacks it and
    /// the standfirst sits right above the body's first paragraph.
    pub fn restore(&self, body: &str) -> String {
        let Some(first) = body.split("\n\n").map(norm).find(|p| !p.is_empty()) else {
            return body.to_owned();
        };
        let first_key = head(&first, KEY);
        let lead_text = &self.blocks[self.lead];
        if norm(body).contains(head(lead_text, KEY)) {
            return body.to_owned();
        }
        let Some(start) = self.blocks.iter().position(|b| b.contains(first_key)) else {
            return body.to_owned();
        };
        if self.lead >= start || start - self.lead > MAX_GAP {
            return body.to_owned();
        }
        format!("{lead_text}\n\n{body}")
    }
}

/// Sentences in `text`: ends (`.`, `!`, `?`, `…`, a closing quote
/// allowed after) followed by a space and a capital, plus a final one.
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut n = 1;
    for (i, c) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut j = i + 1;
        while chars
            .get(j)
            .is_some_and(|c| matches!(c, '"' | '”' | '“' | '»' | '\'' | '’'))
        {
            j += 1;
        }
        if chars.get(j).is_some_and(|c| c.is_whitespace())
            && chars.get(j + 1).is_some_and(|c| c.is_uppercase())
        {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `body` with the shown standfirst in front, as `extract_str` does.
    fn restore(body: &str, doc: &Html, description: Option<&str>) -> String {
        Standfirst::find(doc, description).map_or_else(|| body.to_owned(), |s| s.restore(body))
    }

    const PAGE: &str = r#"<html><body><header><h1>Ferry back in service</h1>
<div class="intro"><p>The island ferry sails again after three weeks in the repair yard. Its operator expects full boats.</p></div></header>
<article><p>Crews replaced the engine and both propellers.</p><p>Tickets are valid again from Monday.</p></article>
<ul class="more"><li>The island ferry sails again after three weeks in the repair yard (teaser)</li></ul></body></html>"#;

    #[test]
    fn the_shown_description_goes_back_in_front() {
        let doc = Html::parse_document(PAGE);
        let body = "Crews replaced the engine and both propellers.\n\nTickets are valid again from Monday.";
        let desc = "The island ferry sails again after three weeks in the repair yard. Its operator expects full boats.";
        let out = restore(body, &doc, Some(desc));
        assert!(out.starts_with("The island ferry sails again"), "{out}");
        assert!(out.ends_with("from Monday."));
        // Already there, or a description the page does not show: unchanged.
        assert_eq!(restore(&out, &doc, Some(desc)), out);
        let other = "A description written for search engines only, shown nowhere.";
        assert_eq!(restore(body, &doc, Some(other)), body);
    }

    #[test]
    fn a_one_sentence_deck_is_not_a_lead() {
        assert_eq!(sentences("Crews fixed it. Tickets are valid again."), 2);
        assert_eq!(sentences("N.Y. wins again to extend its streak"), 1);
        let page = r#"<html><body><h1>Ferry</h1><p class="dek">The island ferry sails again after three weeks in the yard</p>
<p>Crews replaced the engine and both propellers.</p></body></html>"#;
        let doc = Html::parse_document(page);
        let body = "Crews replaced the engine and both propellers.";
        let desc = "The island ferry sails again after three weeks in the yard";
        assert_eq!(restore(body, &doc, Some(desc)), body);
    }

    #[test]
    fn a_block_after_the_body_start_is_not_a_lead() {
        let page = r#"<html><body><h1>Ferry</h1><p>Crews replaced the engine and both propellers.</p>
<div class="teaser">The island ferry sails again after three weeks in the repair yard.</div></body></html>"#;
        let doc = Html::parse_document(page);
        let body = "Crews replaced the engine and both propellers.";
        let desc = "The island ferry sails again after three weeks in the repair yard.";
        assert_eq!(restore(body, &doc, Some(desc)), body);
    }
}
