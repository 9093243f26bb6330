//! Word lists: speech cues, pronouns, role words and the small words that
//! bound noun phrases. Drawn from PARC 3.0 / PolNeAR attribution cues and
//! AP style titles; matched case-insensitively on lower-cased token text.

/// Verbs (in every inflection news uses) that attribute speech or belief.
const CUE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "noted",
    "stressed",
    "warned",
    "warns",
    "warn",
    "added",
    "adds",
    "add",
    "continued",
    "continues",
    "emphasized",
    "emphasizes",
    "emphasised",
    "emphasises",
    "explained",
    "explains",
    "stated",
    "announced",
    "announces",
    "claimed",
    "argued",
    "argues",
    "argue",
    "insisted",
    "insists",
    "asserted",
    "asserts",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "wrote",
    "writes",
    "tweeted",
    "declared",
    "declares",
    "vowed",
    "pledged",
    "pledges",
    "promised",
    "urged",
    "urges",
    "suggested",
    "suggests",
    "maintained",
    "maintains",
    "contended",
    "observed",
    "remarked",
    "replied",
    "replies",
    "responded",
    "asked",
    "asks",
    "predicted",
    "predicts",
    "recalled",
    "recalls",
    "conceded",
    "countered",
    "cautioned",
    "complained",
    "complains",
    "agreed",
    "believes",
    "believe",
    "believed",
    "thinks",
    "think",
    "estimated",
    "reported",
    "testified",
    "alleged",
    "alleges",
    "boasted",
    "joked",
    "quipped",
    "mused",
    "recounted",
    "revealed",
    "disclosed",
    "indicated",
    "threatened",
    "demanded",
    "proclaimed",
    "reiterated",
    "reiterates",
    "underscored",
    "highlighted",
    "concluded",
    "conclude",
    "exclaimed",
    "shouted",
    "whispered",
    "added",
    // reports and polls, characterisations and hopes (PolNeAR attributes them)
    "shows",
    "showed",
    "show",
    "found",
    "finds",
    "described",
    "describes",
    "accused",
    "accuses",
    "criticized",
    "criticised",
    "cited",
    "cites",
    "called",
    "calls",
    "blamed",
    "praised",
    "questioned",
    "hopes",
    "hoped",
    "fears",
    "feared",
    "expects",
    "expected",
    "insisting",
    "arguing",
    "adding",
    "noting",
    "explaining",
    "claiming",
    "acknowledging",
    "suggesting",
    "stressing",
];

/// Cue words learned from PolNeAR's train split: words that head a gold cue
/// in at least 40% of their occurrences outside quotes, 30% when frequent (see
/// `data/build_cues.py`, which rebuilds the file; words only, no text).
const LEARNED_CUES: &str = include_str!("../data/cues.tsv");

/// Whether the lower-cased word is a speech cue verb: the list above or a
/// learned cue word.
pub fn is_cue_verb(lower: &str) -> bool {
    static TABLE: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let learned = LEARNED_CUES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next());
        CUE_VERBS.iter().copied().chain(learned).collect()
    });
    table.contains(lower)
}

/// Personal pronouns that may stand for a speaker, with their number.
pub fn pronoun(lower: &str) -> Option<Pronoun> {
    match lower {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "they" => Some(Pronoun::They),
        "i" | "we" | "you" | "it" => Some(Pronoun::Other),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    /// First person, second person or "it": never resolved to a person.
    Other,
}

/// Words that name a role or title, for "NATO Secretary General Jens
/// Stoltenberg" and appositives.
const ROLE_WORDS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "general",
    "senator",
    "sen.",
    "gov.",
    "governor",
    "ambassador",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "director",
    "chief",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "mayor",
    "judge",
    "justice",
    "pope",
    "dr.",
    "gen.",
    "lt.",
    "col.",
    "capt.",
    "adm.",
    "sgt.",
    "maj.",
    "rep.",
    "representative",
    "speaker",
    "leader",
    "officer",
    "official",
    "adviser",
    "advisor",
    "envoy",
    "diplomat",
    "analyst",
    "fellow",
    "professor",
    "prof.",
    "researcher",
    "lawyer",
    "attorney",
    "correspondent",
    "editor",
    "founder",
    "head",
    "lieutenant",
    "colonel",
    "captain",
    "admiral",
    "sergeant",
    "major",
    "marshal",
    "ceo",
    "cfo",
    "coach",
    "manager",
    "candidate",
    "nominee",
    "lawmaker",
    "congressman",
    "congresswoman",
    "councillor",
    "councilor",
    "member",
    "deputy",
    "vice",
    "sheriff",
    "inspector",
    "superintendent",
    "archbishop",
    "bishop",
    "rabbi",
    "imam",
    "cardinal",
    "sultan",
    "emir",
    "sheikh",
    "crown",
    "spokesperson",
    "executive",
    "economist",
    "scientist",
    "expert",
    "historian",
    "author",
    "activist",
    "chairperson",
    "commissioner",
    "auditor",
    "prosecutor",
    "magistrate",
    "senior",
    "mp",
    "mep",
    "secretary-general",
];

/// Whether the lower-cased word is a role word.
pub fn is_role_word(lower: &str) -> bool {
    ROLE_WORDS.contains(&lower)
}

/// Honorifics: part of how a name is written, not a role.
pub fn is_honorific(word: &str) -> bool {
    matches!(word, "Mr." | "Mrs." | "Ms." | "Mr" | "Mrs" | "Ms" | "Miss")
}

/// Words that end a noun phrase when walking back from a cue verb: they
/// belong to the clause before the subject.
pub fn is_np_boundary(lower: &str) -> bool {
    matches!(
        lower,
        "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "as"
            | "because"
            | "but"
            | "while"
            | "when"
            | "where"
            | "if"
            | "although"
            | "though"
            | "since"
            | "after"
            | "before"
            | "so"
            | "than"
            | "then"
            | "also"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
    )
}

/// Adverbs and auxiliaries that may stand between a subject and its cue
/// verb ("officials have repeatedly stressed", "he also said").
pub fn is_cue_filler(lower: &str) -> bool {
    lower.ends_with("ly")
        || matches!(
            lower,
            "have"
                | "has"
                | "had"
                | "also"
                | "will"
                | "would"
                | "later"
                | "then"
                | "again"
                | "once"
                | "has\u{2019}"
                | "did"
                | "does"
                | "do"
                | "had\u{2019}"
                | "often"
                | "still"
                | "never"
                | "not"
                | "reportedly"
        )
}

/// Grammatical gender of a person, for pronoun agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
}

/// First names borne overwhelmingly by one sex (US SSA birth records; see
/// `data/build_first_names.py`).
const FIRST_NAMES: &str = include_str!("../data/first_names.tsv");

/// The sex a first name indicates, if it clearly does.
pub fn first_name_sex(first: &str) -> Option<Sex> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, Sex>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        FIRST_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, sex) = l.split_once('\t')?;
                Some((name, if sex == "f" { Sex::Female } else { Sex::Male }))
            })
            .collect()
    });
    table.get(first.to_lowercase().as_str()).copied()
}

/// The sex an honorific indicates.
pub fn honorific_sex(word: &str) -> Option<Sex> {
    match word {
        "Mr." | "Mr" => Some(Sex::Male),
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" => Some(Sex::Female),
        _ => None,
    }
}
