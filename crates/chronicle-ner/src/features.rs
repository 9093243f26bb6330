//! Feature extraction: each token becomes a list of hashed feature buckets.
//!
//! Feature families (after Ratinov & Roth 2009, "Design challenges and
//! misconceptions in named entity recognition"):
//!
//! - local: the word, its lower case (digits folded to `0`), shape, short
//!   shape, prefixes and suffixes up to four characters;
//! - context: words and shapes in a ±2 window, bigrams, capitalisation of
//!   the neighbours, sentence-initial position, headline (ALL-CAPS)
//!   sentences;
//! - resources: gazetteer matches over the token and its neighbours, word
//!   cluster prefixes, the word-vector classes of the token and its
//!   neighbours (and whether a word is missing from the vectors' vocabulary);
//! - document ("non-local"): whether the same word appears lower-case or
//!   capitalised mid-sentence elsewhere in the document; in the second pass,
//!   the labels the first pass gave to the same word elsewhere in the
//!   document, and to the longer entities it is part of.
//!
//! Words are normalised first so that typographic text matches CoNLL's
//! forms: curly apostrophes and quotes become `'` and `"`, dashes `-`/`--`.

use crate::hash::FastMap;
use crate::hash::{bucket, hash_bytes, hash_str, mix, token_key};
use crate::labels::N_LABELS;
use crate::resources::{add_phrase, mark_matches, Resources, MAX_PHRASE};
use std::borrow::Cow;

/// Hashed features of one sentence: token `t` owns
/// `feats[offsets[t]..offsets[t + 1]]`.
#[derive(Debug, Clone, Default)]
pub struct SentFeatures {
    pub feats: Vec<u32>,
    pub offsets: Vec<u32>,
}

impl SentFeatures {
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    #[inline]
    pub fn token(&self, t: usize) -> &[u32] {
        &self.feats[self.offsets[t] as usize..self.offsets[t + 1] as usize]
    }
}

/// Normalises typographic characters to CoNLL's ASCII conventions.
pub fn normalize(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word == "``" || word == "''" {
            return Cow::Borrowed("\"");
        }
        return Cow::Borrowed(word);
    }
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '’' | '‘' | '‛' | '′' | '`' => s.push('\''),
            '“' | '”' | '„' | '‟' | '«' | '»' | '″' => s.push('"'),
            '–' | '‐' | '‑' | '‒' | '−' => s.push('-'),
            '—' | '―' => s.push_str("--"),
            '…' => s.push_str("..."),
            '\u{00A0}' => s.push(' '),
            _ => s.push(c),
        }
    }
    Cow::Owned(s)
}

/// Lower case with ASCII digits folded to `0`: the key used for the
/// lower-case word feature, gazetteer matching and document statistics.
pub fn lower_key(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii_digit() {
            s.push('0');
        } else if c.is_ascii() {
            s.push(c.to_ascii_lowercase());
        } else {
            s.extend(c.to_lowercase());
        }
    }
    s
}

/// Capitalisation class of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Cap {
    Lower = 0,
    Title = 1,
    AllCaps = 2,
    Single = 3,
    Digit = 4,
    Other = 5,
    Mixed = 6,
}

pub fn cap_class(word: &str) -> Cap {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Cap::Other;
    };
    if first.is_numeric() {
        return Cap::Digit;
    }
    if !first.is_alphabetic() {
        return Cap::Other;
    }
    let (mut upper, mut lower) = (0, 0);
    for c in word.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    if first.is_lowercase() {
        return if upper > 0 { Cap::Mixed } else { Cap::Lower };
    }
    match (upper, lower) {
        (1, 0) => Cap::Single,
        (_, 0) => Cap::AllCaps,
        (1, _) => Cap::Title,
        _ => Cap::Mixed,
    }
}

#[inline]
fn is_capitalised(c: Cap) -> bool {
    matches!(c, Cap::Title | Cap::AllCaps | Cap::Single | Cap::Mixed)
}

fn shapes(word: &str) -> (u64, u64) {
    let mut long = [0u8; 12];
    let mut n = 0;
    let mut short = [0u8; 12];
    let mut m = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if n < long.len() {
            long[n] = s;
            n += 1;
        }
        if (m == 0 || short[m - 1] != s) && m < short.len() {
            short[m] = s;
            m += 1;
        }
    }
    (hash_bytes(11, &long[..n]), hash_bytes(12, &short[..m]))
}

/// What is computed once per token before features are combined.
#[derive(Clone, Copy, Default)]
struct Info {
    word: u64,
    lower: u64,
    shape: u64,
    sshape: u64,
    cap: u8,
    pre: [u64; 4],
    suf: [u64; 4],
    clus: [u64; 4],
    /// Word-vector classes of the lower-case key, plus one (0 where absent).
    emb: [u16; 4],
    gaz: u64,
    p1: u8,
    key: u64,
    /// For an ALL-CAPS word, the hash of its title-case form.
    title: u64,
    /// Matches of the first pass's entities elsewhere in the document.
    docgaz: u64,
}

fn boundary_info(which: u64) -> Info {
    let h = hash_bytes(99, &which.to_le_bytes());
    Info {
        word: h,
        lower: h,
        shape: h,
        sshape: h,
        cap: 7 + which as u8,
        p1: u8::MAX,
        ..Info::default()
    }
}

// Template identifiers. Each feature is `mix(template, value)`.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_SSHAPE: u64 = 5;
const T_PRE: u64 = 6;
const T_SUF: u64 = 10;
const T_LOWER_AT: u64 = 20; // + offset index
const T_WORD_AT: u64 = 30;
const T_SSHAPE_AT: u64 = 40;
const T_SSHAPE3: u64 = 50;
const T_BIGRAM_L: u64 = 51;
const T_BIGRAM_R: u64 = 52;
const T_CAP3: u64 = 53;
const T_FIRST: u64 = 54;
const T_FIRST_LOWER: u64 = 55;
const T_HEADLINE: u64 = 56;
const T_DOC: u64 = 60;
const T_GAZ: u64 = 70;
const T_GAZ_L: u64 = 71;
const T_GAZ_R: u64 = 72;
const T_CLUS: u64 = 80;
const T_CLUS_L: u64 = 90;
const T_CLUS_R: u64 = 95;
const T_P1: u64 = 100;
const T_P1_L: u64 = 101;
const T_P1_R: u64 = 102;
const T_NL_MAJ: u64 = 103;
const T_NL_HAS: u64 = 104;
const T_NL_MULTI: u64 = 105;
const T_NL_MAJ_CAP: u64 = 106;
const T_NL_GAZ: u64 = 107;
const T_RUN: u64 = 57;
const T_TOPIC: u64 = 115;
const T_TOPIC_GAZ: u64 = 116;
const T_AGG_L: u64 = 58;
const T_AGG_R: u64 = 59;
const T_NL_GAZ_L: u64 = 108;
const T_NL_GAZ_R: u64 = 109;
const T_EMB: u64 = 120; // + level
const T_EMB_L: u64 = 124;
const T_EMB_R: u64 = 128;
const T_EMB_OOV: u64 = 132;

/// Turns documents into hashed features.
pub struct Extractor<'r> {
    pub resources: &'r Resources,
    pub bits: u8,
}

/// A document's per-token information and local features, computed once and
/// shared by every pass: only the non-local features of the later passes
/// depend on an earlier pass's labels.
pub struct Prepared {
    infos: Vec<Vec<Info>>,
    /// Features that do not depend on any pass's labels, per sentence.
    pub local: Vec<SentFeatures>,
}

impl Extractor<'_> {
    /// Features for every sentence of a document. `pass1`, when given, holds
    /// the first pass's labels for each token and adds the second pass's
    /// non-local features after each token's local ones.
    pub fn document<S: AsRef<str>>(
        &self,
        sentences: &[Vec<S>],
        pass1: Option<&[Vec<u8>]>,
    ) -> Vec<SentFeatures> {
        let mut prepared = self.prepare(sentences);
        let Some(pass1) = pass1 else {
            return prepared.local;
        };
        let nonlocal = self.nonlocal(&mut prepared, pass1);
        prepared
            .local
            .iter()
            .zip(&nonlocal)
            .map(|(local, extra)| {
                let mut sf = SentFeatures {
                    feats: Vec::with_capacity(local.feats.len() + extra.feats.len()),
                    offsets: Vec::with_capacity(local.offsets.len()),
                };
                sf.offsets.push(0);
                for t in 0..local.len() {
                    sf.feats.extend_from_slice(local.token(t));
                    sf.feats.extend_from_slice(extra.token(t));
                    sf.offsets.push(sf.feats.len() as u32);
                }
                sf
            })
            .collect()
    }

    /// Token information and local features of a document.
    pub fn prepare<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Prepared {
        let infos: Vec<Vec<Info>> = sentences.iter().map(|words| self.infos(words)).collect();
        let stats = DocStats::new(&infos);
        let mut local = Vec::with_capacity(sentences.len());
        let mut buf = Vec::with_capacity(96);
        for (s, sent) in infos.iter().enumerate() {
            let headline = is_headline(sent);
            let mut sf = SentFeatures {
                feats: Vec::with_capacity(sent.len() * 64),
                offsets: Vec::with_capacity(sent.len() + 1),
            };
            sf.offsets.push(0);
            for t in 0..sent.len() {
                buf.clear();
                self.token(sent, s, t, headline, &stats, &mut buf);
                sf.feats.extend(buf.iter().map(|&h| bucket(h, self.bits)));
                sf.offsets.push(sf.feats.len() as u32);
            }
            local.push(sf);
        }
        Prepared { infos, local }
    }

    /// The non-local features of a pass that follows one whose labels are
    /// `previous` (one list per sentence), per sentence and token.
    pub fn nonlocal(&self, prepared: &mut Prepared, previous: &[Vec<u8>]) -> Vec<SentFeatures> {
        for (s, sent) in prepared.infos.iter_mut().enumerate() {
            let p1 = previous.get(s);
            for (t, info) in sent.iter_mut().enumerate() {
                info.p1 = p1.and_then(|p| p.get(t).copied()).unwrap_or(0);
            }
        }
        let nl = NonLocal::new(&mut prepared.infos, previous);
        let mut buf = Vec::with_capacity(32);
        prepared
            .infos
            .iter()
            .enumerate()
            .map(|(s, sent)| {
                let mut sf = SentFeatures {
                    feats: Vec::with_capacity(sent.len() * 12),
                    offsets: Vec::with_capacity(sent.len() + 1),
                };
                sf.offsets.push(0);
                for t in 0..sent.len() {
                    buf.clear();
                    nl.features(sent, s, t, &mut buf);
                    sf.feats.extend(buf.iter().map(|&h| bucket(h, self.bits)));
                    sf.offsets.push(sf.feats.len() as u32);
                }
                sf
            })
            .collect()
    }

    fn infos<S: AsRef<str>>(&self, words: &[S]) -> Vec<Info> {
        let mut infos = Vec::with_capacity(words.len());
        let mut keys = Vec::with_capacity(words.len());
        for w in words {
            let word = normalize(w.as_ref());
            let lower = lower_key(&word);
            let (shape, sshape) = shapes(&word);
            let mut info = Info {
                word: hash_str(&word),
                lower: hash_bytes(1, lower.as_bytes()),
                shape,
                sshape,
                cap: cap_class(&word) as u8,
                ..Info::default()
            };
            let n_chars = lower.chars().count();
            if n_chars > 1 {
                let mut ends = lower.char_indices().map(|(i, _)| i).skip(1);
                for k in 0..4.min(n_chars - 1) {
                    let Some(e) = ends.next() else { break };
                    info.pre[k] = hash_bytes(20 + k as u64, &lower.as_bytes()[..e]);
                }
                let mut starts = lower.char_indices().rev().map(|(i, _)| i);
                for k in 0..4.min(n_chars - 1) {
                    let Some(b) = starts.next() else { break };
                    info.suf[k] = hash_bytes(30 + k as u64, &lower.as_bytes()[b..]);
                }
            }
            if info.cap == Cap::AllCaps as u8 {
                let mut t = String::with_capacity(word.len());
                for (k, c) in word.chars().enumerate() {
                    if k == 0 {
                        t.push(c);
                    } else {
                        t.extend(c.to_lowercase());
                    }
                }
                info.title = hash_str(&t);
            }
            if let Some(c) = self.resources.cluster_hashed(info.word, &lower) {
                info.clus = *c;
            }
            info.key = token_key(&lower);
            if let Some(e) = self.resources.embedding_keyed(info.key) {
                info.emb = e;
            }
            keys.push(info.key);
            infos.push(info);
        }
        let mut gaz = vec![0u64; words.len()];
        self.resources.gazetteer_bits(&keys, &mut gaz);
        for (info, g) in infos.iter_mut().zip(gaz) {
            info.gaz = g;
        }
        infos
    }

    fn token(
        &self,
        sent: &[Info],
        s: usize,
        t: usize,
        headline: bool,
        stats: &DocStats,
        out: &mut Vec<u64>,
    ) {
        let (bos, eos) = (&stats.bos, &stats.eos);
        let at = |k: isize| -> &Info {
            let j = t as isize + k;
            if j < 0 {
                bos
            } else if j as usize >= sent.len() {
                eos
            } else {
                &sent[j as usize]
            }
        };
        let me = &sent[t];
        let mut f = |tpl: u64, v: u64| out.push(mix(tpl, v));
        f(T_BIAS, 0);
        f(T_WORD, me.word);
        f(T_LOWER, me.lower);
        f(T_SHAPE, me.shape);
        f(T_SSHAPE, me.sshape);
        for k in 0..4 {
            if me.pre[k] != 0 {
                f(T_PRE + k as u64, me.pre[k]);
            }
            if me.suf[k] != 0 {
                f(T_SUF + k as u64, me.suf[k]);
            }
        }
        for (n, k) in [-2isize, -1, 1, 2].into_iter().enumerate() {
            f(T_LOWER_AT + n as u64, at(k).lower);
        }
        f(T_WORD_AT, at(-1).word);
        f(T_WORD_AT + 1, at(1).word);
        f(T_SSHAPE_AT, at(-1).sshape);
        f(T_SSHAPE_AT + 1, at(1).sshape);
        f(T_SSHAPE3, mix(mix(at(-1).sshape, me.sshape), at(1).sshape));
        f(T_BIGRAM_L, mix(at(-1).lower, me.lower));
        f(T_BIGRAM_R, mix(me.lower, at(1).lower));
        let caps = (at(-1).cap as u64) << 16 | (me.cap as u64) << 8 | at(1).cap as u64;
        f(T_CAP3, caps);
        let first = t == 0;
        f(T_FIRST, (first as u64) << 8 | me.cap as u64);
        if first {
            f(T_FIRST_LOWER, me.lower);
        }
        if headline {
            // Headlines are ALL-CAPS: also show the word as it is usually
            // written, so its title-case weights apply.
            if me.title != 0 {
                f(T_WORD, me.title);
            }
            f(T_HEADLINE, me.lower);
            f(T_HEADLINE, mix(at(-1).lower, me.lower));
        }
        // The run of capitalised words this one is in: length and position.
        if is_capitalised(cap_class_of(me.cap)) {
            let caps = |i: &Info| is_capitalised(cap_class_of(i.cap));
            let before = sent[..t].iter().rev().take_while(|i| caps(i)).count();
            let after = sent[t + 1..].iter().take_while(|i| caps(i)).count();
            let len = (before + after + 1).min(5) as u64;
            let pos = match (before, after) {
                (0, 0) => 3,
                (0, _) => 0,
                (_, 0) => 2,
                _ => 1,
            };
            f(T_RUN, len << 4 | pos << 1 | headline as u64);
            // Context aggregation: the neighbours of the same word elsewhere
            // in the document.
            if let Some(occ) = stats.contexts.get(&me.lower) {
                for &(os, ot, left, right) in occ {
                    if (os as usize, ot as usize) != (s, t) {
                        f(T_AGG_L, left);
                        f(T_AGG_R, right);
                    }
                }
            }
        }
        // The desk (sports, markets…) changes what a city name means: in
        // results tables it is a club.
        if stats.topic != 0 {
            f(T_TOPIC, mix(stats.topic, me.sshape));
            let mut b = me.gaz;
            while b != 0 {
                f(T_TOPIC_GAZ, mix(stats.topic, b.trailing_zeros() as u64));
                b &= b - 1;
            }
        }
        // Document context.
        let doc = stats.flags(me);
        f(T_DOC, doc);
        f(
            T_DOC,
            doc << 8 | me.cap as u64 | (first as u64) << 4 | (headline as u64) << 5,
        );
        // Gazetteers.
        for (tpl, bits) in [(T_GAZ, me.gaz), (T_GAZ_L, at(-1).gaz), (T_GAZ_R, at(1).gaz)] {
            let mut b = bits;
            while b != 0 {
                let i = b.trailing_zeros() as u64;
                f(tpl, i);
                b &= b - 1;
            }
        }
        if me.gaz != 0 {
            f(T_GAZ, me.gaz | (me.cap as u64) << 60);
        }
        // Clusters.
        for k in 0..4 {
            if me.clus[k] != 0 {
                f(T_CLUS + k as u64, me.clus[k]);
            }
        }
        for k in [1, 2] {
            if at(-1).clus[k] != 0 {
                f(T_CLUS_L + k as u64, at(-1).clus[k]);
            }
            if at(1).clus[k] != 0 {
                f(T_CLUS_R + k as u64, at(1).clus[k]);
            }
        }
        // Word-vector classes.
        if me.emb[0] != 0 {
            for k in 0..4 {
                f(T_EMB + k as u64, me.emb[k] as u64);
            }
        } else if me.cap == Cap::Lower as u8 || is_capitalised(cap_class_of(me.cap)) {
            // A word too rare for the vectors' vocabulary (337,600 words).
            f(T_EMB_OOV, me.cap as u64);
        }
        for k in [1, 2] {
            if at(-1).emb[k] != 0 {
                f(T_EMB_L + k as u64, at(-1).emb[k] as u64);
            }
            if at(1).emb[k] != 0 {
                f(T_EMB_R + k as u64, at(1).emb[k] as u64);
            }
        }
    }
}

/// An ALL-CAPS sentence (a headline): at least two words, none lower-case.
fn is_headline(sent: &[Info]) -> bool {
    let mut caps = 0;
    for i in sent {
        match i.cap {
            c if c == Cap::Lower as u8 || c == Cap::Title as u8 || c == Cap::Mixed as u8 => {
                return false
            }
            c if c == Cap::AllCaps as u8 => caps += 1,
            _ => {}
        }
    }
    caps >= 2
}

/// Per-document word statistics for the non-local features of pass one.
struct DocStats {
    /// Lower-case key → bit 0: seen lower-case; bit 1: seen capitalised
    /// mid-sentence (outside headlines); bit 2: seen capitalised.
    seen: FastMap<u64, u8>,
    /// Lower-case key of a capitalised word → (sentence, token, left word,
    /// right word) of its first occurrences: context aggregation.
    contexts: FastMap<u64, Vec<(u32, u32, u64, u64)>>,
    /// The document's desk, from a Reuters-style opening headline
    /// `SOCCER - …`: the lower-case key of its first word, or 0.
    topic: u64,
    /// The token information of the positions before and after a sentence.
    bos: Info,
    eos: Info,
}

/// Occurrences of a word whose contexts are aggregated.
const MAX_CONTEXTS: usize = 8;

impl DocStats {
    fn new(doc: &[Vec<Info>]) -> DocStats {
        let mut seen: FastMap<u64, u8> = FastMap::default();
        let mut contexts: FastMap<u64, Vec<(u32, u32, u64, u64)>> = FastMap::default();
        for (s, sent) in doc.iter().enumerate() {
            let headline = is_headline(sent);
            for (t, i) in sent.iter().enumerate() {
                let cap = cap_class_of(i.cap);
                if is_capitalised(cap) && !headline {
                    let c = contexts.entry(i.lower).or_default();
                    if c.len() < MAX_CONTEXTS {
                        let left = if t > 0 { sent[t - 1].lower } else { 1 };
                        let right = sent.get(t + 1).map_or(2, |n| n.lower);
                        c.push((s as u32, t as u32, left, right));
                    }
                }
                let bit = if cap == Cap::Lower {
                    1
                } else if is_capitalised(cap) {
                    if t > 0 && !headline {
                        6
                    } else {
                        4
                    }
                } else {
                    0
                };
                if bit != 0 {
                    *seen.entry(i.lower).or_insert(0) |= bit;
                }
            }
        }
        let dash = hash_str("-");
        let topic = match doc.first() {
            Some(h) if h.len() >= 2 && h[1].word == dash && is_headline(h) => h[0].lower,
            _ => 0,
        };
        DocStats {
            seen,
            contexts,
            topic,
            bos: boundary_info(0),
            eos: boundary_info(1),
        }
    }

    fn flags(&self, i: &Info) -> u64 {
        self.seen.get(&i.lower).copied().unwrap_or(0) as u64
    }
}

fn cap_class_of(c: u8) -> Cap {
    match c {
        0 => Cap::Lower,
        1 => Cap::Title,
        2 => Cap::AllCaps,
        3 => Cap::Single,
        4 => Cap::Digit,
        6 => Cap::Mixed,
        _ => Cap::Other,
    }
}

/// Second-pass features from the first pass's labels over the document.
struct NonLocal {
    /// Lower-case key → label counts by type (`O`, then the four types).
    counts: FastMap<u64, [u16; 5]>,
    /// Lower-case key → types of multi-token entities containing it (bits).
    multi: FastMap<u64, u8>,
}

fn label_type(l: u8) -> usize {
    if l == 0 || l as usize >= N_LABELS {
        0
    } else {
        1 + (l as usize - 1) / 4
    }
}

impl NonLocal {
    fn new(doc: &mut [Vec<Info>], pass1: &[Vec<u8>]) -> NonLocal {
        // The first pass's entities as a document gazetteer.
        let mut phrases: FastMap<u64, u64> = FastMap::default();
        for (sent, labels) in doc.iter().zip(pass1) {
            for span in crate::labels::decode(labels) {
                if span.end <= sent.len() && span.end - span.start <= MAX_PHRASE {
                    let keys: Vec<u64> = sent[span.start..span.end].iter().map(|i| i.key).collect();
                    add_phrase(&mut phrases, &keys, crate::labels::type_index(span.kind));
                }
            }
        }
        let mut bits = Vec::new();
        for sent in doc.iter_mut() {
            let keys: Vec<u64> = sent.iter().map(|i| i.key).collect();
            bits.clear();
            bits.resize(sent.len(), 0u64);
            mark_matches(&phrases, 4, &keys, &mut bits);
            for (i, &b) in sent.iter_mut().zip(&bits) {
                i.docgaz = b;
            }
        }
        let mut counts: FastMap<u64, [u16; 5]> = FastMap::default();
        let mut multi: FastMap<u64, u8> = FastMap::default();
        for (sent, labels) in doc.iter().zip(pass1) {
            for (i, &l) in sent.iter().zip(labels) {
                if !is_capitalised(cap_class_of(i.cap)) && label_type(l) == 0 {
                    continue;
                }
                let c = counts.entry(i.lower).or_insert([0; 5]);
                let ty = label_type(l);
                c[ty] = c[ty].saturating_add(1);
                // B, I, L positions belong to multi-token entities.
                if ty > 0 && (l - 1) % 4 != 3 {
                    *multi.entry(i.lower).or_insert(0) |= 1 << ty;
                }
            }
        }
        NonLocal { counts, multi }
    }

    fn features(&self, sent: &[Info], _s: usize, t: usize, out: &mut Vec<u64>) {
        let me = &sent[t];
        let mut f = |tpl: u64, v: u64| out.push(mix(tpl, v));
        f(T_P1, me.p1 as u64);
        f(T_P1_L, if t > 0 { sent[t - 1].p1 as u64 } else { 99 });
        f(T_P1_R, sent.get(t + 1).map_or(99, |i| i.p1 as u64));
        if let Some(c) = self.counts.get(&me.lower) {
            let mut c = *c;
            let own = label_type(me.p1);
            if is_capitalised(cap_class_of(me.cap)) || own != 0 {
                c[own] = c[own].saturating_sub(1);
            }
            let total: u32 = c.iter().map(|&x| x as u32).sum();
            if total > 0 {
                let maj = (0..5).max_by_key(|&k| (c[k], 5 - k)).unwrap_or(0) as u64;
                f(T_NL_MAJ, maj);
                f(T_NL_MAJ_CAP, maj << 8 | me.cap as u64);
                for (k, &n) in c.iter().enumerate().skip(1) {
                    if n > 0 {
                        f(T_NL_HAS, k as u64);
                    }
                }
            }
        }
        for (tpl, bits) in [
            (T_NL_GAZ, me.docgaz),
            (T_NL_GAZ_L, if t > 0 { sent[t - 1].docgaz } else { 0 }),
            (T_NL_GAZ_R, sent.get(t + 1).map_or(0, |i| i.docgaz)),
        ] {
            let mut b = bits;
            while b != 0 {
                f(tpl, b.trailing_zeros() as u64);
                b &= b - 1;
            }
        }
        if let Some(&m) = self.multi.get(&me.lower) {
            if is_capitalised(cap_class_of(me.cap)) {
                f(T_NL_MULTI, m as u64);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_maps_typography_to_conll() {
        assert_eq!(normalize("’s"), "'s");
        assert_eq!(normalize("n’t"), "n't");
        assert_eq!(normalize("“"), "\"");
        assert_eq!(normalize("NATO"), "NATO");
        assert_eq!(lower_key("MiG-29"), "mig-00");
    }

    #[test]
    fn capitalisation_classes() {
        assert_eq!(cap_class("Paris"), Cap::Title);
        assert_eq!(cap_class("NATO"), Cap::AllCaps);
        assert_eq!(cap_class("I"), Cap::Single);
        assert_eq!(cap_class("iPhone"), Cap::Mixed);
        assert_eq!(cap_class("McDonald"), Cap::Mixed);
        assert_eq!(cap_class("the"), Cap::Lower);
        assert_eq!(cap_class("1996"), Cap::Digit);
        assert_eq!(cap_class(""), Cap::Other);
    }

    #[test]
    fn every_token_gets_features() {
        let r = Resources::parse("LOC\tparis\n", "", "");
        let x = Extractor {
            resources: &r,
            bits: 16,
        };
        let doc = vec![
            vec!["He", "left", "Paris", "."],
            vec![],
            vec!["ÉTÉ", "’s", "x"],
        ];
        let feats = x.document(&doc, None);
        assert_eq!(feats.len(), 3);
        assert_eq!(feats[0].len(), 4);
        assert!(feats[0].token(2).len() > 20);
        assert!(feats[1].is_empty());
        let p1 = vec![vec![0, 0, 12, 0], vec![], vec![0, 0, 0]];
        let feats2 = x.document(&doc, Some(&p1));
        assert!(feats2[0].token(2).len() > feats[0].token(2).len());
        assert!(feats2.iter().flat_map(|s| &s.feats).all(|&b| b < 1 << 16));
    }

    #[test]
    fn word_vector_classes_are_features() {
        let doc = vec![vec!["He", "left", "Paris", "."]];
        let plain = Resources::parse("", "", "");
        let with = Resources::parse("", "", "3:1:4:1\tparis\n");
        let feats = |r: &Resources| {
            Extractor {
                resources: r,
                bits: 20,
            }
            .document(&doc, None)
            .remove(0)
        };
        let (a, b) = (feats(&plain), feats(&with));
        // "Paris": four classes instead of the out-of-vocabulary mark.
        assert_eq!(b.token(2).len(), a.token(2).len() + 3);
        assert!(
            b.token(2)
                .iter()
                .filter(|f| !a.token(2).contains(f))
                .count()
                >= 4
        );
        // Its neighbours see two of its classes; "He" sees nothing new.
        assert_eq!(b.token(1).len(), a.token(1).len() + 2);
        assert_eq!(b.token(3).len(), a.token(3).len() + 2);
        assert_eq!(b.token(0), a.token(0));
    }
}
