//! The view of a document the quote rules work on: tokens with their
//! lower-cased text, sentence and paragraph of each token, the entity at each
//! token, and which tokens lie inside quoted passages.

use crate::marks::{find_quoted, paragraphs, Quoted};
use chronicle_core::{Document, Entity, EntityType, Span, Token, TokenKind};

pub struct Context<'a> {
    pub body: &'a str,
    pub tokens: &'a [Token],
    pub lower: Vec<String>,
    /// Sentence index of every token.
    pub sentence_of: Vec<u32>,
    /// Token range of every sentence.
    pub sentences: Vec<(usize, usize)>,
    pub paras: Vec<u32>,
    pub entities: &'a [Entity],
    /// Index into `entities` of the entity covering each token.
    pub entity_at: Vec<Option<u32>>,
    pub quoted: Vec<Quoted>,
    /// Whether each token is inside a quoted passage (marks excluded).
    pub in_quote: Vec<bool>,
    /// For each token inside an interview turn ("((Naomi Martisius)) So. As
    /// I mentioned …", Wikinews' transcript style): the token range of the
    /// turn's speaker label. A turn runs to the next label.
    pub turn_of: Vec<Option<(usize, usize)>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document) -> Context<'a> {
        let body = doc.body();
        let tokens = doc.layers.tokens();
        let lower = tokens
            .iter()
            .map(|t| t.span.text(body).to_lowercase())
            .collect();
        let mut sentence_of = vec![0u32; tokens.len()];
        let mut sentences = Vec::new();
        for (n, s) in doc.layers.sentences().iter().enumerate() {
            let r = s.token_range();
            let r = r.start.min(tokens.len())..r.end.min(tokens.len());
            for i in r.clone() {
                sentence_of[i] = n as u32;
            }
            sentences.push((r.start, r.end));
        }
        let entities = doc.layers.entities();
        let mut entity_at = vec![None; tokens.len()];
        let mut t = 0;
        for (n, e) in entities.iter().enumerate() {
            while t < tokens.len() && tokens[t].span.end <= e.span.start {
                t += 1;
            }
            let mut j = t;
            while j < tokens.len() && tokens[j].span.start < e.span.end {
                entity_at[j] = Some(n as u32);
                j += 1;
            }
        }
        let paras = paragraphs(body, tokens);
        let quoted = find_quoted(body, tokens, &paras);
        let mut in_quote = vec![false; tokens.len()];
        // A passage never closed may be a stray mark: its words stay open to
        // the narrative rules (cues, pronouns).
        for q in quoted.iter().filter(|q| q.closed) {
            for flag in &mut in_quote[q.open + 1..q.close.min(tokens.len())] {
                *flag = true;
            }
        }
        let turn_of = interview_turns(body, tokens);
        Context {
            turn_of,
            body,
            tokens,
            lower,
            sentence_of,
            sentences,
            paras,
            entities,
            entity_at,
            quoted,
            in_quote,
        }
    }

    pub fn text(&self, i: usize) -> &'a str {
        self.tokens[i].span.text(self.body)
    }

    /// The byte span of tokens `a..b` (b > a).
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start(), self.tokens[b - 1].span.end())
    }

    /// The token range of the sentence holding token `i`.
    pub fn sentence_range(&self, i: usize) -> (usize, usize) {
        self.sentences
            .get(self.sentence_of[i] as usize)
            .copied()
            .unwrap_or((0, self.tokens.len()))
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tokens[i].kind == TokenKind::Punct && self.text(i) == p
    }

    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Quote
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.text(i).starts_with(|c: char| c.is_uppercase())
    }

    /// The entity type at token `i`, if any.
    pub fn entity_type(&self, i: usize) -> Option<EntityType> {
        self.entity_at[i].map(|n| self.entities[n as usize].kind)
    }

    /// Sentence-final punctuation, possibly followed by closing marks.
    pub fn is_terminal(&self, i: usize) -> bool {
        matches!(self.text(i), "." | "!" | "?" | "…" | "...")
    }
}

/// Speaker labels of interview transcripts: `((Name))` opening a line, a
/// name of at most eight tokens between doubled brackets. Every token from
/// one label to the next belongs to the first label's turn.
fn interview_turns(body: &str, tokens: &[Token]) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; tokens.len()];
    let text = |i: usize| tokens[i].span.text(body);
    let glued = |i: usize| tokens[i].span.end == tokens[i + 1].span.start;
    let line_start =
        |i: usize| i == 0 || body[tokens[i - 1].span.end()..tokens[i].span.start()].contains('\n');
    let mut turn = None;
    let mut i = 0;
    while i < tokens.len() {
        if i + 1 < tokens.len() && text(i) == "(" && text(i + 1) == "(" && glued(i) && line_start(i)
        {
            let a = i + 2;
            let close = (a..(a + 9).min(tokens.len().saturating_sub(1)))
                .find(|&j| text(j) == ")" && text(j + 1) == ")" && glued(j));
            if let Some(b) = close.filter(|&b| b > a) {
                turn = Some((a, b));
                i = b + 2;
                continue;
            }
        }
        out[i] = turn;
        i += 1;
    }
    out
}
