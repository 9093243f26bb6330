//! Per-document lookup tables the patterns share: lower-cased token text,
//! the entity and sentence each token belongs to, and clause starts. Built
//! once per document in one pass over the tokens.

use chronicle_core::{Document, EntityType, Span, Token, TokenKind};

/// A half-open token range.
pub type Range = (usize, usize);

pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub tokens: &'a [Token],
    /// Lower-cased text of every token, one buffer: token `i` is
    /// `lower[bounds[i]..bounds[i + 1]]`.
    lower: String,
    bounds: Vec<u32>,
    /// Index into the entities layer of the entity covering each token.
    pub entity_of: Vec<Option<u32>>,
    /// Index of the sentence of each token.
    pub sentence_of: Vec<u32>,
    /// For a token where a figure starts, the index of the token after it.
    figure_end: Vec<Option<u32>>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Document) -> Ctx<'a> {
        let tokens = doc.layers.tokens();
        let body = doc.body();
        let mut lower = String::with_capacity(body.len());
        let mut bounds = Vec::with_capacity(tokens.len() + 1);
        bounds.push(0);
        for t in tokens {
            let s = t.span.text(body);
            if s.is_ascii() {
                lower.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                lower.extend(s.chars().flat_map(char::to_lowercase));
            }
            bounds.push(lower.len() as u32);
        }
        let mut entity_of = vec![None; tokens.len()];
        let entities = doc.layers.entities();
        let mut e = 0;
        for (i, t) in tokens.iter().enumerate() {
            while e < entities.len() && entities[e].span.end <= t.span.start {
                e += 1;
            }
            if e < entities.len() && entities[e].span.start <= t.span.start {
                entity_of[i] = Some(e as u32);
            }
        }
        let mut sentence_of = vec![0; tokens.len()];
        for (s, sentence) in doc.layers.sentences().iter().enumerate() {
            for slot in &mut sentence_of[sentence.token_range()] {
                *slot = s as u32;
            }
        }
        let mut figure_end = vec![None; tokens.len()];
        for f in doc.layers.figures() {
            let first = tokens.partition_point(|t| t.span.start < f.span.start);
            let end = tokens.partition_point(|t| t.span.start < f.span.end);
            if first < tokens.len() && end > first {
                figure_end[first] = Some(end as u32);
            }
        }
        Ctx {
            doc,
            tokens,
            lower,
            bounds,
            entity_of,
            sentence_of,
            figure_end,
        }
    }

    /// The token after the figure that starts at token `j`, if one does.
    pub fn figure_after(&self, j: usize) -> Option<usize> {
        self.figure_end
            .get(j)
            .copied()
            .flatten()
            .map(|e| e as usize)
    }

    pub fn word(&self, i: usize) -> &str {
        &self.lower[self.bounds[i] as usize..self.bounds[i + 1] as usize]
    }

    pub fn text(&self, i: usize) -> &'a str {
        self.tokens[i].span.text(self.doc.body())
    }

    pub fn is_punct(&self, i: usize) -> bool {
        matches!(self.tokens[i].kind, TokenKind::Punct | TokenKind::Quote)
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Number
    }

    /// The entity covering token `i` as a token range, with its type.
    pub fn entity_range(&self, i: usize) -> Option<(Range, EntityType)> {
        let e = self.doc.layers.entities()[self.entity_of[i]? as usize];
        let first = self.tokens.partition_point(|t| t.span.start < e.span.start);
        let end = self.tokens.partition_point(|t| t.span.start < e.span.end);
        Some(((first, end), e.kind))
    }

    /// The byte span of a token range.
    pub fn span(&self, r: Range) -> Span {
        Span::new(
            self.tokens[r.0].span.start(),
            self.tokens[r.1 - 1].span.end(),
        )
    }

    /// The token range of the sentence holding token `i`.
    pub fn sentence_range(&self, i: usize) -> Range {
        let s = self.doc.layers.sentences()[self.sentence_of[i] as usize];
        (s.first_token as usize, s.end_token as usize)
    }

    /// The start of the clause holding token `i`: after the last comma,
    /// semicolon, colon, dash, bracket or quote mark before it in its sentence.
    pub fn clause_start(&self, i: usize) -> usize {
        let (start, _) = self.sentence_range(i);
        (start..i)
            .rev()
            .find(|&j| self.is_punct(j) && self.word(j) != "-")
            .map_or(start, |j| j + 1)
    }

    /// The end of the clause holding token `i`.
    pub fn clause_end(&self, i: usize) -> usize {
        let (_, end) = self.sentence_range(i);
        (i + 1..end)
            .find(|&j| self.is_punct(j) && self.word(j) != "-")
            .unwrap_or(end)
    }
}
