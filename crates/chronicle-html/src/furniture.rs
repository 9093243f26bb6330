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
    l.len() < 120 && (STARTS.iter().any(|s| l.starts_with(s)) || WHOLE.contains(&l))
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
    if is_read_also(&l) || is_disclosure(&l) || is_labelled_credit(&l) {
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
