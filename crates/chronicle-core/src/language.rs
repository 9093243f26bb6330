//! Language codes: whatlang and some inputs give ISO 639-3 codes, the
//! output and the annotators' declarations use ISO 639-1 where one exists.

/// The two-letter code of a three-letter one, for the languages whatlang
/// knows that have one.
pub fn iso_639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "eng" => "en",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "pol" => "pl",
        "rus" => "ru",
        "ukr" => "uk",
        "ces" => "cs",
        "swe" => "sv",
        "dan" => "da",
        "fin" => "fi",
        "tur" => "tr",
        "ara" => "ar",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "hun" => "hu",
        "ell" => "el",
        "ron" => "ro",
        "heb" => "he",
        "hin" => "hi",
        "nob" => "no",
        "bul" => "bg",
        "hrv" => "hr",
        "slk" => "sk",
        "srp" => "sr",
        "slv" => "sl",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "ind" => "id",
        "vie" => "vi",
        "tha" => "th",
        "pes" => "fa",
        "ben" => "bn",
        "cat" => "ca",
        "afr" => "af",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn three_letter_codes_map_to_two() {
        assert_eq!(super::iso_639_1("eng"), Some("en"));
        assert_eq!(super::iso_639_1("xyz"), None);
    }
}
