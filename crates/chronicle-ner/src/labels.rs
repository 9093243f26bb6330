//! Tag sets: the BILOU labels the model predicts, the transitions allowed
//! between them, and the conversions to entity spans and IOB2 strings.
//!
//! Labels are `O` (0) and, for each entity type `t` in [`EntityType::ALL`]
//! order, `B-t`, `I-t`, `L-t`, `U-t` (Ratinov & Roth 2009 found BILOU better
//! than BIO for this task). Decoding only ever follows allowed transitions,
//! so every predicted sequence converts to well-formed spans.

use chronicle_core::EntityType;

/// Number of labels: `O` plus four positions for each of four types.
pub const N_LABELS: usize = 17;

/// Position of a token inside an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    Begin = 0,
    Inside = 1,
    Last = 2,
    Unit = 3,
}

/// The label index of `pos` of type `kind`.
#[inline]
pub fn label(kind: EntityType, pos: Pos) -> u8 {
    1 + type_index(kind) as u8 * 4 + pos as u8
}

#[inline]
pub fn type_index(kind: EntityType) -> usize {
    match kind {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Location => 2,
        EntityType::Misc => 3,
    }
}

/// The type and position of a label, `None` for `O`.
#[inline]
pub fn parts(label: u8) -> Option<(EntityType, Pos)> {
    if label == 0 || label as usize >= N_LABELS {
        return None;
    }
    let t = EntityType::ALL[(label as usize - 1) / 4];
    let p = match (label - 1) % 4 {
        0 => Pos::Begin,
        1 => Pos::Inside,
        2 => Pos::Last,
        _ => Pos::Unit,
    };
    Some((t, p))
}

/// Whether a label may start a sentence.
#[inline]
pub fn can_start(label: u8) -> bool {
    matches!(parts(label), None | Some((_, Pos::Begin | Pos::Unit)))
}

/// Whether a label may end a sentence.
#[inline]
pub fn can_end(label: u8) -> bool {
    matches!(parts(label), None | Some((_, Pos::Last | Pos::Unit)))
}

/// Whether `next` may follow `prev`.
pub fn allowed(prev: u8, next: u8) -> bool {
    match (parts(prev), parts(next)) {
        (Some((tp, Pos::Begin | Pos::Inside)), Some((tn, Pos::Inside | Pos::Last))) => tp == tn,
        (Some((_, Pos::Begin | Pos::Inside)), _) => false,
        (_, Some((_, Pos::Inside | Pos::Last))) => false,
        _ => true,
    }
}

/// A typed span of token indices `start..end` within one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenSpan {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
}

/// BILOU labels for a sentence of `len` tokens holding `spans` (disjoint).
pub fn encode(len: usize, spans: &[TokenSpan]) -> Vec<u8> {
    let mut out = vec![0u8; len];
    for s in spans {
        if s.start >= s.end || s.end > len {
            continue;
        }
        if s.end - s.start == 1 {
            out[s.start] = label(s.kind, Pos::Unit);
        } else {
            out[s.start] = label(s.kind, Pos::Begin);
            for o in &mut out[s.start + 1..s.end - 1] {
                *o = label(s.kind, Pos::Inside);
            }
            out[s.end - 1] = label(s.kind, Pos::Last);
        }
    }
    out
}

/// Spans of a BILOU sequence. Tolerant of ill-formed input: a broken
/// entity is closed where it breaks.
pub fn decode(labels: &[u8]) -> Vec<TokenSpan> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let p = parts(l);
        if let Some((start, kind)) = open {
            let continues = matches!(p, Some((k, Pos::Inside | Pos::Last)) if k == kind);
            if !continues {
                spans.push(TokenSpan {
                    start,
                    end: i,
                    kind,
                });
                open = None;
            }
        }
        match p {
            None => {}
            // Any open entity was closed above: a unit never continues one.
            Some((kind, Pos::Unit)) => spans.push(TokenSpan {
                start: i,
                end: i + 1,
                kind,
            }),
            Some((kind, Pos::Begin)) => open = Some((i, kind)),
            Some((kind, Pos::Inside)) if open.is_none() => open = Some((i, kind)),
            Some((kind, Pos::Last)) => match open.take() {
                Some((start, _)) => spans.push(TokenSpan {
                    start,
                    end: i + 1,
                    kind,
                }),
                None => spans.push(TokenSpan {
                    start: i,
                    end: i + 1,
                    kind,
                }),
            },
            Some(_) => {}
        }
    }
    if let Some((start, kind)) = open {
        spans.push(TokenSpan {
            start,
            end: labels.len(),
            kind,
        });
    }
    spans
}

/// IOB2 tags (`B-PER`, `I-PER`, `O`) for a sentence of `len` tokens.
pub fn iob2(len: usize, spans: &[TokenSpan]) -> Vec<String> {
    let mut out = vec!["O".to_string(); len];
    for s in spans {
        for (k, o) in out[s.start..s.end.min(len)].iter_mut().enumerate() {
            let p = if k == 0 { "B" } else { "I" };
            *o = format!("{p}-{}", s.kind.label());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_round_trip() {
        let spans = vec![
            TokenSpan {
                start: 0,
                end: 2,
                kind: EntityType::Person,
            },
            TokenSpan {
                start: 2,
                end: 3,
                kind: EntityType::Person,
            },
            TokenSpan {
                start: 4,
                end: 7,
                kind: EntityType::Location,
            },
        ];
        let labels = encode(8, &spans);
        assert_eq!(decode(&labels), spans);
        for w in labels.windows(2) {
            assert!(allowed(w[0], w[1]));
        }
        assert_eq!(
            iob2(4, &spans[..2]),
            ["B-PER", "I-PER", "B-PER", "O"].map(String::from)
        );
    }

    #[test]
    fn decode_survives_garbage() {
        let spans = decode(&[3, 3, 2, 0, 16, 200, 7]);
        assert!(spans.iter().all(|s| s.start < s.end && s.end <= 7));
    }
}
