//! The language of a document: detected from its body when the input did
//! not state one, and matched against what each annotator is made for.
//!
//! Invariants: detection never guesses — a text whatlang is not confident
//! about stays without a language, and such a document is treated as
//! English (chronicle's default), so no article loses a layer on a guess;
//! codes compare by their primary subtag, in any case (`en-GB` is `en`).
//! English, most of what chronicle reads, is recognised first by its
//! function words, which costs a tenth of whatlang's trigram scoring;
//! whatlang decides every other text.

use chronicle_core::Annotator;

/// Characters of the body given to the detector: enough for a confident
/// answer, few enough to cost nothing next to annotation.
const SAMPLE_CHARS: usize = 2000;

/// Words of the sample the English check needs.
const ENGLISH_MIN_WORDS: usize = 40;
/// Share of English function words from which a sample is English: news
/// prose has 15–25% of them, other languages in Latin script well under 2%
/// (each word below is rare or absent outside English).
const ENGLISH_MIN_SHARE: f64 = 0.08;

/// Whether `sample` is plainly English prose, by the share of words that
/// are English function words and hardly ever words of another language.
fn plainly_english(sample: &str) -> bool {
    let mut words = 0usize;
    let mut function = 0usize;
    for w in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let w = w.as_bytes();
        if w.len() > 5 {
            continue;
        }
        let mut low = [0u8; 5];
        for (l, c) in low.iter_mut().zip(w) {
            *l = c.to_ascii_lowercase();
        }
        if matches!(
            &low[..w.len()],
            b"the"
                | b"of"
                | b"and"
                | b"that"
                | b"for"
                | b"with"
                | b"said"
                | b"from"
                | b"his"
                | b"were"
                | b"which"
                | b"have"
                | b"has"
                | b"their"
                | b"this"
                | b"would"
                | b"been"
                | b"who"
                | b"they"
                | b"its"
        ) {
            function += 1;
        }
    }
    words >= ENGLISH_MIN_WORDS && function as f64 >= ENGLISH_MIN_SHARE * words as f64
}

/// The body's language as an ISO 639-1 code (639-3 where 639-1 has none),
/// or `None` when the detector is not confident.
pub fn detect_language(body: &str) -> Option<String> {
    let end = body
        .char_indices()
        .nth(SAMPLE_CHARS)
        .map_or(body.len(), |(at, _)| at);
    if plainly_english(&body[..end]) {
        return Some("en".to_owned());
    }
    let info = whatlang::detect(&body[..end])?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    Some(chronicle_core::iso_639_1(code).unwrap_or(code).to_owned())
}

/// Whether `annotator` is made for a document in `language`.
pub fn speaks(annotator: &dyn Annotator, language: Option<&str>) -> bool {
    let made_for = annotator.languages();
    let Some(language) = language else {
        return true;
    };
    let primary = language.split(['-', '_']).next().unwrap_or(language);
    made_for.is_empty()
        || made_for.iter().any(|l| l.eq_ignore_ascii_case(primary))
        || chronicle_core::iso_639_1(&primary.to_ascii_lowercase())
            .is_some_and(|short| made_for.contains(&short))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_confident_languages_only() {
        let en = "The council voted on Tuesday to approve the new budget for the city's schools, \
                  after a long debate about teachers' pay and the cost of repairs.";
        let de = "Der Stadtrat hat am Dienstag den neuen Haushalt für die Schulen der Stadt \
                  beschlossen, nach einer langen Debatte über die Bezahlung der Lehrer.";
        assert_eq!(detect_language(en).as_deref(), Some("en"));
        assert_eq!(detect_language(de).as_deref(), Some("de"));
        assert_eq!(detect_language("OK"), None);
        // Long enough for the English check, and other languages are not
        // taken for English by it.
        let en_long = format!("{en} {en} {en}");
        assert!(plainly_english(&en_long));
        assert_eq!(detect_language(&en_long).as_deref(), Some("en"));
        let others = [
            format!("{de} {de} {de}"),
            "Le conseil municipal a voté mardi le nouveau budget des écoles de la ville, \
             après un long débat sur le salaire des enseignants et le coût des réparations. \
             Le maire a déclaré que les travaux commenceront au printemps prochain dans \
             toutes les écoles primaires de la ville et des communes voisines."
                .to_owned(),
            "De gemeenteraad heeft dinsdag de nieuwe begroting voor de scholen van de stad \
             goedgekeurd, na een lang debat over het salaris van de leraren en de kosten van \
             de reparaties. De burgemeester zei dat de werken in het voorjaar beginnen in \
             alle basisscholen van de stad en de omliggende gemeenten."
                .to_owned(),
        ];
        for text in &others {
            assert!(!plainly_english(text), "{text}");
            assert_ne!(detect_language(text).as_deref(), Some("en"));
        }
        assert_eq!(detect_language(""), None);
    }

    #[test]
    fn codes_match_by_primary_subtag() {
        let ner = chronicle_ner::EntityTagger;
        let tok = chronicle_text::Tokenizer;
        for lang in [None, Some("en"), Some("EN-gb"), Some("en_US"), Some("eng")] {
            assert!(speaks(&ner, lang), "{lang:?}");
        }
        for lang in [Some("de"), Some("fr-CA"), Some("deu")] {
            assert!(!speaks(&ner, lang), "{lang:?}");
            assert!(speaks(&tok, lang), "{lang:?}");
        }
    }
}
