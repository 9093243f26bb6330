//! The language of a document: detected from its body when the input did
//! not state one, and matched against what each annotator is made for.
//!
//! Invariants: detection never guesses — a text whatlang is not confident
//! about stays without a language, and such a document is treated as
//! English (chronicle's default), so no article loses a layer on a guess;
//! codes compare by their primary subtag, in any case (`en-GB` is `en`).

use chronicle_core::Annotator;

/// Characters of the body given to the detector: enough for a confident
/// answer, few enough to cost nothing next to annotation.
const SAMPLE_CHARS: usize = 2000;

/// The body's language as an ISO 639-1 code (639-3 where 639-1 has none),
/// or `None` when the detector is not confident.
pub fn detect_language(body: &str) -> Option<String> {
    let end = body
        .char_indices()
        .nth(SAMPLE_CHARS)
        .map_or(body.len(), |(at, _)| at);
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
