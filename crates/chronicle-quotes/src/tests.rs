//! Tests on sentences of our own, with person and organisation names given
//! (as the tagger would give them), so the rules are tested apart from the
//! tagger.

use super::*;
use chronicle_core::{validate, Date, Entity, EntityType, QuoteKind};
use chronicle_text::{SentenceSplitter, Tokenizer};

pub(crate) fn annotate(text: &str, names: &[(&str, EntityType)]) -> Document {
    let mut doc = Document::new("t", Date::from_ymd_opt(2022, 3, 16).unwrap(), text);
    Tokenizer.annotate(&mut doc).unwrap();
    SentenceSplitter.annotate(&mut doc).unwrap();
    let tokens = doc.layers.tokens().to_vec();
    let mut entities = Vec::new();
    for &(name, kind) in names {
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            let on_tokens = tokens.iter().any(|t| t.span.start() == start)
                && tokens.iter().any(|t| t.span.end() == end);
            let free = !entities
                .iter()
                .any(|e: &Entity| e.span.overlaps(chronicle_core::Span::new(start, end)));
            if on_tokens && free {
                entities.push(Entity {
                    span: chronicle_core::Span::new(start, end),
                    kind,
                });
            }
        }
    }
    entities.sort_by_key(|e| (e.span.start, e.span.end));
    doc.layers.entities = Some(Layer::new("test", entities));
    QuoteAnnotator.annotate(&mut doc).unwrap();
    validate(&doc).unwrap();
    doc
}

/// (kind, content, speaker name) of every quote.
pub(crate) fn quotes(doc: &Document) -> Vec<(QuoteKind, &str, Option<&str>)> {
    doc.layers
        .quotes()
        .iter()
        .map(|q| {
            (
                q.kind,
                doc.text(q.span),
                q.speaker.as_ref().map(|s| s.name.as_str()),
            )
        })
        .collect()
}

use EntityType::{Organization as Org, Person as Per};
use QuoteKind::{Direct, Partial, Reported};

#[test]
fn speaker_after_the_quote_and_its_continuation() {
    let doc = annotate(
        "“The risk is really high,” said Maria Lopez, a former ambassador to Spain. “If there was a misfire, we could be at war.”",
        &[("Maria Lopez", Per)],
    );
    assert_eq!(
        quotes(&doc),
        [
            (Direct, "The risk is really high", Some("Maria Lopez")),
            (
                Direct,
                "If there was a misfire, we could be at war.",
                Some("Maria Lopez")
            ),
        ]
    );
    assert_eq!(doc.layers.people()[0].roles, ["former ambassador to Spain"]);
}

#[test]
fn pronouns_follow_the_last_speaker_across_paragraphs() {
    let text = "Tom Reed, a retired army general, said the troops would stay.\n\n“These troops are not leaving,” he said.\n\n“This is a message,” he continued.";
    let doc = annotate(text, &[("Tom Reed", Per)]);
    let q = quotes(&doc);
    assert_eq!(q[0], (Reported, "the troops would stay", Some("Tom Reed")));
    assert_eq!(
        q[1],
        (Direct, "These troops are not leaving", Some("Tom Reed"))
    );
    assert_eq!(q[2], (Direct, "This is a message", Some("Tom Reed")));
    let person = &doc.layers.people()[0];
    assert_eq!(person.mentions.len(), 3, "the name and both pronouns");
}

#[test]
fn partial_quotes_need_a_cue() {
    let doc = annotate(
        "Ann Lee emphasized the country’s “ironclad” commitment. The film “Dune” opens today.",
        &[("Ann Lee", Per)],
    );
    let q = quotes(&doc);
    assert!(q.contains(&(Partial, "ironclad", Some("Ann Lee"))), "{q:?}");
    assert!(
        !q.iter().any(|(_, t, _)| *t == "Dune"),
        "a title is not speech: {q:?}"
    );
}

#[test]
fn organisations_descriptions_and_according_to() {
    let text = "A day earlier, the Kremlin warned that it viewed the shipments as “legitimate targets.” On Monday, a senior defense official, speaking on condition of anonymity, said the strike did not disrupt shipments. The attack killed 35 people, according to local officials.";
    let doc = annotate(text, &[("Kremlin", Org)]);
    let q = quotes(&doc);
    assert!(
        q.contains(&(Partial, "legitimate targets.", Some("Kremlin"))),
        "{q:?}"
    );
    assert!(
        q.contains(&(
            Reported,
            "it viewed the shipments as “legitimate targets",
            Some("Kremlin")
        )),
        "{q:?}"
    );
    assert!(
        q.contains(&(
            Reported,
            "the strike did not disrupt shipments",
            Some("a senior defense official")
        )),
        "{q:?}"
    );
    assert!(
        q.contains(&(
            Reported,
            "The attack killed 35 people",
            Some("local officials")
        )),
        "{q:?}"
    );
}

#[test]
fn speaker_before_the_quote_and_unknown_speakers() {
    let doc = annotate("Jo Park told reporters: “We are ready.”\n\n“Nobody knows what comes next.”\n\nThe sky was grey.\n\n“Who on earth would ever say this?”", &[("Jo Park", Per)]);
    let q = quotes(&doc);
    assert_eq!(q[0], (Direct, "We are ready.", Some("Jo Park")));
    assert_eq!(
        q[1],
        (Direct, "Nobody knows what comes next.", Some("Jo Park"))
    );
    assert_eq!(
        q[2],
        (Direct, "Who on earth would ever say this?", None),
        "no guess after narrative"
    );
}

#[test]
fn surnames_join_the_full_name_and_titles_are_roles() {
    let doc = annotate(
        "Defense Secretary Lloyd Austin arrived. Austin said the plan works. Russian President Vladimir Putin did not comment.",
        &[("Lloyd Austin", Per), ("Austin", Per), ("Vladimir Putin", Per)],
    );
    let people = doc.layers.people();
    assert_eq!(people.len(), 2);
    assert_eq!(people[0].name, "Lloyd Austin");
    assert_eq!(people[0].roles, ["Defense Secretary"]);
    assert_eq!(people[0].mentions.len(), 2);
    assert_eq!(people[1].roles, ["Russian President"]);
    assert!(quotes(&doc).contains(&(Reported, "the plan works", Some("Lloyd Austin"))));
}

#[test]
fn long_appositives_next_sentences_and_coordinated_subjects() {
    let doc = annotate(
        "“He will monitor everything,” Sam Nunberg, a former Trump aide, said when asked.\n\n“Russia, if you are listening, find the emails.” Ann Lee said.\n\nAnn Lee called on her to resign and said, “Her mind is shot!”",
        &[("Sam Nunberg", Per), ("Ann Lee", Per)],
    );
    let q = quotes(&doc);
    assert_eq!(
        q[0],
        (Direct, "He will monitor everything", Some("Sam Nunberg"))
    );
    assert_eq!(
        q[1],
        (
            Direct,
            "Russia, if you are listening, find the emails.",
            Some("Ann Lee")
        )
    );
    assert!(
        q.contains(&(Direct, "Her mind is shot!", Some("Ann Lee"))),
        "{q:?}"
    );
}

#[test]
fn pronouns_agree_with_the_speakers_sex() {
    let doc = annotate(
        "Rachel Rizzo said the strike was a warning. Vladimir Putin did not comment. “He will lose,” she said.",
        &[("Rachel Rizzo", Per), ("Vladimir Putin", Per)],
    );
    assert!(quotes(&doc).contains(&(Direct, "He will lose", Some("Rachel Rizzo"))));
    let doc = annotate(
        "John Smith met Mary Jones on Monday. “We agreed,” she said.",
        &[("John Smith", Per), ("Mary Jones", Per)],
    );
    assert!(
        quotes(&doc).contains(&(Direct, "We agreed", Some("Mary Jones"))),
        "{:?}",
        quotes(&doc)
    );
}

#[test]
fn according_to_after_a_quote() {
    let doc = annotate(
        "“The strike hit a depot,” according to the regional governor.",
        &[],
    );
    assert_eq!(
        quotes(&doc)[0],
        (Direct, "The strike hit a depot", Some("regional governor"))
    );
}

#[test]
fn relative_pronoun_speakers() {
    let doc = annotate(
        "Shane Shook, a security expert who has studied the breaches, said the report was weak. Officials, who spoke on condition of anonymity, said talks had stalled.",
        &[("Shane Shook", Per)],
    );
    let q = quotes(&doc);
    assert!(
        q.contains(&(Reported, "the report was weak", Some("Shane Shook"))),
        "{q:?}"
    );
}

#[test]
fn plural_pronouns_resolve_to_groups() {
    let doc = annotate(
        "NATO officials have repeatedly stressed that the alliance is defensive. They have also vowed to defend “every inch” of its territory.",
        &[("NATO", Org)],
    );
    let q = quotes(&doc);
    assert!(
        q.contains(&(Partial, "every inch", Some("NATO officials"))),
        "{q:?}"
    );
}

#[test]
fn the_example_report_with_its_names_given() {
    let raw = include_str!("../../../examples/nato-2022-03-16.txt");
    let body = raw
        .trim_start()
        .strip_prefix("date 2022-03-16")
        .unwrap()
        .trim_start();
    let doc = annotate(
        body,
        &[
            ("Jens Stoltenberg", Per),
            ("Stoltenberg", Per),
            ("Lloyd Austin", Per),
            ("Stefano Stefanini", Per),
            ("Douglas Lute", Per),
            ("Rachel Rizzo", Per),
            ("Vladimir Putin", Per),
            ("NATO", Org),
            ("Kremlin", Org),
            ("Pentagon", Org),
            ("Russian Ministry of Defense", Org),
            ("Atlantic Council", Org),
        ],
    );
    for q in quotes(&doc) {
        println!("{q:?}");
    }
    for p in doc.layers.people() {
        println!("{} {:?} {}", p.name, p.roles, p.mentions.len());
    }
    let q = quotes(&doc);
    let direct: Vec<_> = q.iter().filter(|(k, _, _)| *k != Reported).collect();
    let speaker_of = |start: &str| {
        direct
            .iter()
            .find(|(_, t, _)| t.starts_with(start))
            .map(|(_, _, s)| *s)
    };
    let expected = [
        ("NATO has a responsibility", "Jens Stoltenberg"),
        ("ironclad", "Lloyd Austin"),
        ("substantially more forces", "Jens Stoltenberg"),
        ("every inch", "NATO and U.S. officials"),
        ("The risk of incidents", "Stefano Stefanini"),
        ("If there was a misfire", "Stefano Stefanini"),
        ("These troops are not moving", "Douglas Lute"),
        ("This is also a message", "Douglas Lute"),
        ("The brightest red line", "Douglas Lute"),
        ("foreign countries", "Russian Ministry of Defense"),
        ("legitimate targets", "Kremlin"),
        ("If he wanted fewer troops", "Rachel Rizzo"),
    ];
    for (start, speaker) in expected {
        assert_eq!(speaker_of(start), Some(Some(speaker)), "quote {start:?}");
    }
    assert_eq!(direct.len(), 12, "twelve quoted passages");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]

        /// Any text, quote marks and cues included, annotates without panic
        /// and keeps every invariant.
        #[test]
        fn any_text(text in "[A-Za-z .,:;\"'“”‘’«»\\n—-]{0,80}( said| told| according to| he said| she said)?[A-Za-z .,\"“”\\n]{0,60}") {
            let names = [("Ann Lee", Per), ("NATO", Org)];
            let doc = annotate(&text, &names);
            prop_assert!(validate(&doc).is_ok());
        }

        #[test]
        fn any_unicode(text in "\\PC{0,120}") {
            annotate(&text, &[]);
        }
    }
}

#[test]
fn a_name_ending_in_ly_is_a_speaker_not_an_adverb() {
    let doc = annotate(
        "\"Elections matter,\" Kelly said. \"Look at the records.\"",
        &[("Kelly", Per)],
    );
    assert_eq!(
        quotes(&doc),
        [
            (Direct, "Elections matter", Some("Kelly")),
            (Direct, "Look at the records.", Some("Kelly")),
        ]
    );
}

#[test]
fn nyt_double_apostrophes_attribute_like_marks() {
    let doc = annotate(
        "Ms. Sherry worked there. ''I felt embarrassed sometimes, but not unsafe,'' she said.",
        &[("Sherry", Per)],
    );
    assert_eq!(
        quotes(&doc),
        [(
            Direct,
            "I felt embarrassed sometimes, but not unsafe",
            Some("Sherry")
        )]
    );
}

#[test]
fn a_participle_cue_shares_the_sentence_subject() {
    let doc = annotate(
        "Former Secretary of State Madeleine Albright urged women to vote, saying, “There’s a special place in hell for women.”",
        &[("Madeleine Albright", Per)],
    );
    assert_eq!(
        quotes(&doc),
        [
            (Reported, "women to vote", Some("Madeleine Albright")),
            (
                Direct,
                "There’s a special place in hell for women.",
                Some("Madeleine Albright")
            )
        ]
    );
}

#[test]
fn a_reported_clause_stops_at_the_next_attribution() {
    let doc = annotate(
        "Ben Carson said he saw no need to change anything, telling reporters he was fine.",
        &[("Ben Carson", Per)],
    );
    let q = quotes(&doc);
    assert_eq!(
        q[0],
        (
            Reported,
            "he saw no need to change anything",
            Some("Ben Carson")
        ),
        "{q:?}"
    );
}

#[test]
fn headline_and_transcript_lines_name_their_speaker() {
    let doc = annotate(
        "Graham: Trump’s rhetoric is destroying the party\nUpdate: the vote was moved to Friday\n\nFALLIN: Well, I think the nation needs to work together.\n\nThe Latest: Cruz wins Iowa caucuses",
        &[("Graham", Per), ("Trump", Per), ("Cruz", Per)],
    );
    let q = quotes(&doc);
    assert_eq!(
        q,
        [
            (
                Reported,
                "Trump’s rhetoric is destroying the party",
                Some("Graham")
            ),
            (
                Reported,
                "Well, I think the nation needs to work together",
                Some("FALLIN")
            ),
            // Nested: the "I" of a transcript line is its speaker, not the author.
            (
                Reported,
                "the nation needs to work together",
                Some("FALLIN")
            ),
        ],
        "{q:?}"
    );
}

#[test]
fn numbers_and_quantifiers_speak_and_it_is_the_organisation() {
    let doc = annotate(
        "In the poll, 21 percent said they would not vote at all. The Pentagon issued a note on Monday. It said the talks had failed completely.",
        &[("Pentagon", Org)],
    );
    let q = quotes(&doc);
    assert!(
        q.contains(&(Reported, "they would not vote at all", Some("21 percent"))),
        "{q:?}"
    );
    assert!(
        q.contains(&(
            Reported,
            "the talks had failed completely",
            Some("Pentagon")
        )),
        "{q:?}"
    );
}

#[test]
fn the_cue_model_gates_reported_speech_and_adds_words() {
    // Without a model only the cue lexicon counts; the shipped model knows
    // more cue words than the lexicon and keeps plain reported speech.
    let model = cue_model::shipped();
    assert!(model.words().iter().all(|w| !lexicon::is_cue_verb(w)));
    let doc = annotate("Officials said the bridge would reopen in May.", &[]);
    let (with_model, _) = extract_with(&doc, Some(model));
    assert_eq!(with_model.len(), 1);
    assert_eq!(
        doc.text(with_model[0].span),
        "the bridge would reopen in May"
    );
    let (zero, _) = extract_with(&doc, Some(&CueModel::new(4, Default::default())));
    assert!(zero.is_empty(), "a model of zeros accepts nothing");
}

#[test]
fn a_headline_name_speaks_the_quote_after_its_colon() {
    let doc = annotate(
        "Kasich: “We Are Going To Go All The Way To Cleveland”\n\nThe governor campaigned in Ohio.",
        &[("Kasich", Per)],
    );
    assert_eq!(
        quotes(&doc),
        [(
            Direct,
            "We Are Going To Go All The Way To Cleveland",
            Some("Kasich")
        )]
    );
}

#[test]
fn a_name_before_a_colon_or_a_name_and_any_past_verb_after_a_quote() {
    let doc = annotate(
        "Pollsters agree - Carl Bialik: “One lesson was simple: keep in contact with voters.”\n\n“Jeb wants to be a tough guy tonight,” Trump shot back.",
        &[("Carl Bialik", Per), ("Jeb", Per), ("Trump", Per)],
    );
    let q = quotes(&doc);
    assert_eq!(
        q,
        [
            (
                Direct,
                "One lesson was simple: keep in contact with voters.",
                Some("Carl Bialik")
            ),
            (Direct, "Jeb wants to be a tough guy tonight", Some("Trump")),
        ]
    );
}

#[test]
fn first_person_in_an_interview_turn_is_the_turn_speaker() {
    let doc = annotate(
        "I asked her about the dig.\n\n((Naomi Park)) So, as I mentioned before, we said the bones were old.\n\n((WN)) And I said that it is new.",
        &[("Naomi Park", Per)],
    );
    let q = quotes(&doc);
    assert!(
        q.contains(&(Reported, "the bones were old", Some("Naomi Park"))),
        "{q:?}"
    );
    assert!(q.contains(&(Reported, "it is new", Some("WN"))), "{q:?}");
    // Before the first label the writer speaks.
    assert!(
        q.contains(&(Reported, "about the dig", Some("the author"))),
        "{q:?}"
    );
}

#[test]
fn a_quote_after_its_speakers_sentence_shares_the_cue() {
    let text = "“Is that not a bribe?” Tom Reed asked. “I think it is a bribe.”";
    let doc = annotate(text, &[("Tom Reed", Per)]);
    let q = doc.layers.quotes();
    assert_eq!(q.len(), 2, "{:?}", quotes(&doc));
    assert!(q[0].cue.is_some() && q[0].cue == q[1].cue, "{q:?}");
    assert_eq!(
        q[1].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Tom Reed")
    );
}

#[test]
fn an_unattributed_quote_keeps_its_paragraphs_speaker() {
    let text = "Tom Reed said the troops would stay. The army will not move. “We stay until the job is done.”\n\nThe vote is Friday.\n\n“Nobody knows what happens next.”";
    let doc = annotate(text, &[("Tom Reed", Per)]);
    let q = quotes(&doc);
    assert!(
        q.contains(&(Direct, "We stay until the job is done.", Some("Tom Reed"))),
        "{q:?}"
    );
    // Another paragraph, no attribution: unknown, not a guess.
    assert!(
        q.contains(&(Direct, "Nobody knows what happens next.", None)),
        "{q:?}"
    );
}

#[test]
fn a_party_tag_in_brackets_does_not_end_the_attribution() {
    let doc = annotate(
        "“There is tremendous energy in a whole host of races,” Rep. Earl Blumenauer (D-Ore.) said.",
        &[("Earl Blumenauer", Per)],
    );
    let q = quotes(&doc);
    assert_eq!(
        q,
        [(
            Direct,
            "There is tremendous energy in a whole host of races",
            Some("Earl Blumenauer")
        )]
    );
}

#[test]
fn a_coordinated_subject_keeps_the_noun_after_its_article() {
    let doc = annotate(
        "The attacker is reported to have jumped on stage and claimed he was wrongly jailed for years.",
        &[],
    );
    let q = quotes(&doc);
    let speaker = q.iter().find_map(|(_, _, s)| *s);
    assert_eq!(speaker, Some("attacker"), "{q:?}");
}
