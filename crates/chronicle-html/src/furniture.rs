//! Lines of a page's text that are not the article: page furniture
//! ("read more", sharing prompts, advertisement labels and disclosures,
//! photo and agency credits) and the terminators after which only furniture
//! follows (related links, newsletter boxes, contact blocks). Each test
//! looks at one line of text, whitespace already collapsed; none changes
//! the words of a line it keeps except [`strip_credit`], which only cuts a
//! trailing credit.

/// Paragraphs after which only page furniture follows (related links,
/// cookie notices, newsletter boxes): the text is cut there when they come
/// in the last two thirds of it.
pub(crate) fn is_terminator(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    let l = l.trim_end_matches([':', '.', '…', '!']).trim();
    const STARTS: &[&str] = &[
        "you may also like",
        "you might also like",
        "privacy overview",
        "more from",
        "related articles",
        "related stories",
        "related posts",
        "recommended for you",
        "tell us what you think",
        "don't miss",
        "don’t miss",
        "more stories",
        "read next",
        "up next",
        "das könnte sie auch interessieren",
        "mehr zum thema",
        "weitere artikel",
        "auch interessant",
        "leave a reply",
        "leave a comment",
        "post a comment",
        "comments are closed",
        "this website uses cookies",
        "we use cookies",
        "sign up for our newsletter",
        "if you enjoyed",
        "neueste artikel",
        "weitere themen",
        "das thema könnte dich auch interessieren",
        "mit unserem newsletter",
    ];
    // Labels that open a press release's closing contact block, as a line
    // of their own.
    const WHOLE: &[&str] = &[
        "kontakt",
        "pressekontakt",
        "medienkontakt",
        "press contact",
        "media contact",
        "weitere informationen",
    ];
    (l.len() < 120 && (STARTS.iter().any(|s| l.starts_with(s)) || WHOLE.contains(&l)))
        || is_copyright_notice(l)
}

/// The publisher's copyright notice that closes an article ("© 2022,
/// Site.com. This article is the copyrighted property of …", "Copyright
/// 2021 Ann Lee. All rights reserved."): a paragraph opening with `©` or
/// "copyright" and a year.
fn is_copyright_notice(lower: &str) -> bool {
    let rest = ["©", "copyright ©", "copyright", "(c)"]
        .iter()
        .find_map(|p| lower.strip_prefix(p));
    rest.is_some_and(|r| {
        let r = r.trim_start();
        r.len() >= 4
            && r.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && (r.starts_with("19") || r.starts_with("20"))
    }) && lower.len() < 600
}

/// A line that advertises the publisher's own channels rather than
/// telling the story: a call to follow it on a social network ("Follow
/// The Gleaner on Twitter …", "¡Mira lo que tiene nuestro canal de
/// YouTube!"), to download its apps ("… download the Nationnews apps for
/// iOS and Android"), or to subscribe ("Subscribe now to our eNATION
/// edition", "Sign up to get the best content of the week"), or the
/// heading of a newsletter box ("PC Gamer Newsletter").
fn is_self_promotion(lower: &str) -> bool {
    if lower.chars().count() > 250 {
        return false;
    }
    let l = lower.trim_start_matches(['¿', '¡', '»', '>', '*', ' ']);
    const NETWORKS: &[&str] = &[
        "twitter",
        "instagram",
        "facebook",
        "telegram",
        "youtube",
        "tiktok",
        "whatsapp",
    ];
    let names_network = NETWORKS.iter().any(|n| l.contains(n));
    let follow = [
        "follow ",
        "síguenos",
        "siguenos",
        "folgen sie",
        "folge uns",
        "suivez",
    ]
    .iter()
    .any(|p| l.starts_with(p))
        || [
            "nuestro canal",
            "únete",
            "follow us",
            "join us",
            "our channel",
            "unserem kanal",
            "unseren kanal",
            "folgt uns",
        ]
        .iter()
        .any(|p| l.contains(p));
    let app = l.contains("download")
        && l.contains("app")
        && l.split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "ios" || w == "android");
    let subscribe = [
        "subscribe now",
        "sign up to ",
        "sign up for ",
        "abonnieren sie",
    ]
    .iter()
    .any(|p| l.starts_with(p));
    let newsletter_heading = l.ends_with("newsletter") && l.split_whitespace().count() <= 4;
    (names_network && follow) || app || subscribe || newsletter_heading
}

/// Advertising typed with look-alike letters to slip past filters
/// ("Аdvеrtіѕе wіth …" with Cyrillic а, е, і, ѕ among Latin letters): three
/// or more words mixing Latin and Cyrillic letters, which no real text of
/// either script has.
fn is_homoglyph_spam(line: &str) -> bool {
    line.split_whitespace()
        .filter(|w| {
            let latin = w.chars().any(|c| c.is_ascii_alphabetic());
            let cyrillic = w.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
            latin && cyrillic
        })
        .take(3)
        .count()
        >= 3
}

/// Lines that are page furniture, not article text, wherever they appear.
pub(crate) fn is_furniture(line: &str) -> bool {
    let raw = line.trim();
    let upper_prompt = [
        "SEE MORE",
        "READ MORE",
        "MORE:",
        "READ:",
        "WATCH:",
        "RELATED:",
        "GET FOX BUSINESS",
        "CLICK HERE",
        "DON'T MISS",
    ];
    if upper_prompt.iter().any(|p| raw.starts_with(p))
        || raw.contains("[INSIGHT]")
        || raw.contains("[VIDEO]")
    {
        return true;
    }
    let l = raw.to_lowercase();
    if is_read_also(&l)
        || is_disclosure(&l)
        || is_labelled_credit(&l)
        || is_self_promotion(&l)
        || is_homoglyph_spam(raw)
    {
        return true;
    }
    if l.starts_with("this slideshow requires javascript")
        || l.starts_with("thanks for signing up")
        || l.starts_with("keep an eye on your inbox")
        || l.starts_with("there was an error processing your subscription")
        || l.starts_with("updated at ") && l.len() < 40
        || (l.starts_with("http") && !l.contains(' '))
        || is_credit(raw)
    {
        return true;
    }
    let l = l
        .trim_end_matches([':', '.', '…', '»', '›', '>', '!'])
        .trim();
    const EXACT: &[&str] = &[
        "advertisement",
        "anzeige",
        "werbung",
        "publicité",
        "publicidad",
        "read more",
        "mehr lesen",
        "weiterlesen",
        "share",
        "share this",
        "share this article",
        "share on facebook",
        "share on twitter",
        "tweet",
        "print",
        "email",
        "e-mail",
        "related",
        "related articles",
        "related stories",
        "recommended",
        "more",
        "comments",
        "story continues below advertisement",
        "continue reading",
        "continue reading below",
        "close",
        "skip",
        "skip to content",
        "subscribe",
        "sign up",
        "log in",
        "login",
        "menu",
        "top",
        "back to top",
        "nach oben",
        "zurück",
        "teilen",
        "drucken",
        "advert",
        "sorry",
        "ad",
        "sponsored",
        "getty images",
        "photo",
        "artikel teilen",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "pinterest",
        // Taxonomy labels and image placeholders.
        "tags",
        "schlagworte",
        "schlagwörter",
        "kategorien",
        "categories",
        "beitragsbild",
        "externer inhalt",
        // Headings before lists of other articles.
        "zum weiterlesen",
        "weitere themen",
        "neueste artikel",
    ];
    EXACT.contains(&l)
        || READ_ALSO_HEADINGS.contains(&l)
        || l.starts_with("category :")
        || l.starts_with("categories :")
}

/// "Read also" labels: alone on a line, a heading before links to other
/// articles; followed by a separator, the label of one linked headline.
const READ_ALSO_HEADINGS: &[&str] = &[
    "czytaj też",
    "czytaj także",
    "zobacz też",
    "zobacz także",
    "à lire aussi",
    "lire aussi",
    "lesen sie auch",
    "leia também",
    "lee también",
    "leggi anche",
    "see also",
    "also read",
];

/// Labels that head one linked headline only: alone on a line they are
/// left to the exact furniture lines ("read more", "related") or to the
/// terminators.
const READ_ALSO_LINK_ONLY: &[&str] = &[
    "lesen sie mehr",
    "mehr zum thema",
    "read also",
    "read more",
    "related",
];

/// A "read also" label followed by the linked headline ("Czytaj też:
/// Wyścig zbrojeń ruszył", "À lire aussi » Ballonnements…"): the label and
/// a separator (`:`, `»`, `›`, `>`, `|`) open a short line.
fn is_read_also(lower: &str) -> bool {
    lower.chars().count() < 250
        && READ_ALSO_HEADINGS
            .iter()
            .chain(READ_ALSO_LINK_ONLY)
            .any(|label| {
                lower.strip_prefix(label).is_some_and(|rest| {
                    // A bare label ("Mehr zum Thema:") is a heading, left to
                    // the terminators.
                    rest.trim_start()
                        .strip_prefix([':', '»', '›', '>', '|'])
                        .is_some_and(|headline| headline.trim().chars().count() > 2)
                })
            })
}

/// An advertising or affiliate disclosure ("Anzeige, enthält Affiliate
/// Links", "We may receive compensation if you visit partners…"); an
/// affiliate note that does not open with an advertising label ("FTC: We
/// use income earning affiliate links") is the publisher's own text.
fn is_disclosure(lower: &str) -> bool {
    lower.len() < 400
        && ((["anzeige", "werbung", "advertisement", "sponsored"]
            .iter()
            .any(|w| lower.starts_with(w))
            && lower.contains("affiliate"))
            || lower.contains("we may receive compensation")
            || lower.contains("we may earn a commission")
            || lower.contains("advertiser disclosure"))
}

/// A picture credit opened by a credit label or `©` ("© Bundesrat |
/// Frank Bräuer", "Beitragsbild: Titelseite der FAZ"): short, whoever it
/// names.
fn is_labelled_credit(lower: &str) -> bool {
    const LABELS: &[&str] = &[
        "©",
        "foto:",
        "fotos:",
        "photo:",
        "photos:",
        "photo credit:",
        "image:",
        "credit:",
        "bildquelle:",
        "beitragsbild:",
        "titelbild:",
    ];
    lower.chars().count() < 100
        && lower.split_whitespace().count() <= 12
        && LABELS.iter().any(|l| lower.starts_with(l))
}

/// A line with a picture credit after its caption ("Marco Odermatt, Ski-Star
/// aus der Schweiz. © AFP / MARCO BERTORELLO") loses the credit: a `©`
/// after some text, followed by at most eight words and no full stop.
pub(crate) fn strip_credit(line: String) -> String {
    let Some(at) = line.rfind('©') else {
        return line;
    };
    let (caption, credit) = (line[..at].trim_end(), &line[at..]);
    if caption.is_empty() || credit.split_whitespace().count() > 9 || credit.contains(". ") {
        return line;
    }
    caption.to_owned()
}

/// Picture agencies whose names make up photo-credit lines.
const AGENCIES: &[&str] = &[
    "getty images",
    "afp",
    "dpa",
    "reuters",
    "picture alliance",
    "picture-alliance",
    "istock",
    "shutterstock",
    "imago",
    "keystone",
    "epa",
];

/// A photo credit standing as a line of its own ("AFP / MARCO
/// BERTORELLO", "Foto: dpa", "Getty Images/iStockphoto"): short, naming a
/// picture agency as a word, and no sentence (no final full stop, few
/// words).
fn is_credit(line: &str) -> bool {
    if line.len() > 80 || line.split_whitespace().count() > 8 || line.ends_with('.') {
        return false;
    }
    let l = line.to_lowercase();
    let words: Vec<&str> = l
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    let names_agency = AGENCIES.iter().any(|a| {
        joined == *a
            || joined.starts_with(&format!("{a} "))
            || joined.ends_with(&format!(" {a}"))
            || joined.contains(&format!(" {a} "))
    });
    let marked = [
        "foto",
        "fotos",
        "photo",
        "photos",
        "bild",
        "bildquelle",
        "quelle",
        "credit",
        "©",
    ]
    .iter()
    .any(|m| l.starts_with(m))
        || line.contains('/')
        || line.contains('©')
        || line
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| !c.is_lowercase());
    names_agency && marked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agency_named_inside_a_sentence_is_text() {
        assert!(!is_credit("AFP said the talks failed"));
        assert!(is_credit("Getty Images/iStockphoto"));
        assert!(is_furniture("Getty Images/iStockphoto"));
    }

    #[test]
    fn calls_to_follow_subscribe_or_download_are_furniture() {
        for line in [
            "Follow the Courier on Instagram @courier and on Facebook. Send us your photos.",
            "¡Mira lo que tiene nuestro canal de YouTube!",
            "¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.",
            "For breaking news download the Courier apps for iOS and Android.",
            "Subscribe now to our print edition for the full story.",
            "Sign up to get the best stories of the week",
            "Courier Newsletter",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "The minister urged voters to follow the debate on Twitter and to read the bill.",
            "Police said the app was downloaded from a forum, not the official store.",
            "The newsletter went to 40,000 readers, the editor said, before the court ruled on it.",
            "El canal de YouTube del ministerio difundió el video el lunes.",
            "Studios in Android-free scenarios: the radios were curious, the app said.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn look_alike_letter_advertising_is_furniture() {
        // Cyrillic а, е, і, о, ѕ, у standing in for Latin letters.
        assert!(is_furniture(
            "Аdvеrtіѕе wіth thе most read site ~ Yоur соntеnt іѕ dеlіvеrеd fast!"
        ));
        assert!(!is_furniture(
            "Президент Зеленский met Biden in Kyiv on Monday."
        ));
    }

    #[test]
    fn a_closing_copyright_notice_ends_the_text() {
        assert!(is_terminator(
            "© 2022, Courier.com. This article is the copyrighted property of the Courier. Written permission must be obtained before reprint in online or print media."
        ));
        assert!(is_terminator(
            "Copyright 2021 Ann Lee. All rights reserved."
        ));
        assert!(!is_terminator(
            "Copyright law was changed in 2021, the court said."
        ));
    }

    #[test]
    fn a_trailing_credit_is_cut_from_its_caption() {
        assert_eq!(
            strip_credit("The mayor, left. © AFP / ANN LEE".to_string()),
            "The mayor, left."
        );
        assert_eq!(
            strip_credit("No credit here.".to_string()),
            "No credit here."
        );
    }
}
