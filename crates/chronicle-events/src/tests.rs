//! Tests of the events layer on small hand-written texts (layers that need
//! models are filled by hand) and of the scorer on tiny gold files.

use crate::eval::{self, Dataset};
use crate::EventAnnotator;
use chronicle_core::{
    validate, Annotator, Date, Document, Entity, EntityType, EventType, Layer, Modality, Polarity,
    Span, Timex, TimexType,
};

/// A document with tokens and sentences, the named spans as entities, and
/// the given timexes; other layers empty.
fn doc(text: &str, entities: &[(&str, EntityType)], timexes: &[(&str, &str)]) -> Document {
    let mut d = Document::new("t", Date::from_ymd_opt(2022, 3, 16).unwrap(), text);
    chronicle_text::Tokenizer.annotate(&mut d).unwrap();
    chronicle_text::SentenceSplitter.annotate(&mut d).unwrap();
    let find = |s: &str| {
        let at = text.find(s).expect("the span is in the text");
        Span::new(at, at + s.len())
    };
    let mut ents: Vec<Entity> = entities
        .iter()
        .map(|&(s, kind)| Entity {
            span: find(s),
            kind,
        })
        .collect();
    ents.sort_by_key(|e| e.span.start);
    d.layers.entities = Some(Layer::new("test", ents));
    let times = timexes
        .iter()
        .map(|&(s, v)| Timex {
            span: find(s),
            kind: TimexType::Date,
            value: v.to_owned(),
            anchor: None,
        })
        .collect();
    d.layers.timexes = Some(Layer::new("test", times));
    d.layers.quotes = Some(Layer::new("test", vec![]));
    d.layers.people = Some(Layer::new("test", vec![]));
    d.layers.figures = Some(Layer::new("test", vec![]));
    d.layers.places = Some(Layer::new("test", vec![]));
    EventAnnotator.annotate(&mut d).unwrap();
    validate(&d).unwrap();
    d
}

fn arg(d: &Document, a: &Option<chronicle_core::Argument>) -> String {
    a.as_ref()
        .map_or(String::new(), |a| d.text(a.span).to_owned())
}

#[test]
fn a_verb_takes_subject_and_object_and_the_clause_date() {
    use EntityType::*;
    let d = doc(
        "On Sunday, Russia attacked a training base near Lviv.",
        &[("Russia", Location), ("Lviv", Location)],
        &[("Sunday", "2022-03-13")],
    );
    let e = &d.layers.events()[0];
    assert_eq!((e.kind, e.subtype.as_str()), (EventType::Assault, "attack"));
    assert_eq!(arg(&d, &e.actor), "Russia");
    assert_eq!(arg(&d, &e.target), "training base");
    assert_eq!(e.date.as_ref().unwrap().value, "2022-03-13");
}

#[test]
fn passives_swap_roles_and_by_weapons_are_instruments() {
    let d = doc(
        "A general was killed by an improvised explosive device.",
        &[],
        &[],
    );
    let e = &d.layers.events()[0];
    assert_eq!(e.subtype, "kill");
    assert_eq!(arg(&d, &e.target), "general");
    assert_eq!(arg(&d, &e.actor), "");
    assert_eq!(arg(&d, &e.instrument), "improvised explosive device");
}

#[test]
fn nouns_take_possessive_actors_modifier_instruments_and_on_targets() {
    let d = doc(
        "Russia’s missile attack on a facility was condemned.",
        &[("Russia", EntityType::Location)],
        &[],
    );
    let e = &d.layers.events()[0];
    assert_eq!(d.text(e.span), "attack");
    assert_eq!(arg(&d, &e.actor), "Russia");
    assert_eq!(arg(&d, &e.instrument), "missile");
    assert_eq!(arg(&d, &e.target), "facility");
}

#[test]
fn negation_and_modality_are_read_before_the_trigger() {
    let d = doc(
        "NATO will not fight in Ukraine. A misfire could force talks. Ministers will discuss it.",
        &[
            ("NATO", EntityType::Organization),
            ("Ukraine", EntityType::Location),
        ],
        &[],
    );
    let ev = d.layers.events();
    let fight = ev.iter().find(|e| d.text(e.span) == "fight").unwrap();
    assert_eq!(
        (fight.polarity, fight.modality),
        (Polarity::Negative, Modality::Future)
    );
    assert_eq!(arg(&d, &fight.actor), "NATO");
    let talks = ev.iter().find(|e| d.text(e.span) == "talks").unwrap();
    assert_eq!(talks.modality, Modality::Possible);
    let discuss = ev.iter().find(|e| d.text(e.span) == "discuss").unwrap();
    assert_eq!(
        (discuss.polarity, discuss.modality),
        (Polarity::Positive, Modality::Future)
    );
}

#[test]
fn transfers_are_typed_by_what_is_sent() {
    let d = doc(
        "The alliance sent troops to Poland. Members sent ammunition to Ukraine. He sent a letter.",
        &[
            ("Poland", EntityType::Location),
            ("Ukraine", EntityType::Location),
        ],
        &[],
    );
    let kinds: Vec<&str> = d
        .layers
        .events()
        .iter()
        .map(|e| e.subtype.as_str())
        .collect();
    assert_eq!(kinds, ["deploy", "arms"]);
    let arms = &d.layers.events()[1];
    assert_eq!(arg(&d, &arms.instrument), "ammunition");
    assert_eq!(arg(&d, &arms.target), "Ukraine");
}

#[test]
fn a_definite_mention_inherits_and_an_event_subject_passes_its_actor() {
    let d = doc(
        "On Sunday, rebels attacked the base. The attack killed 35 people.",
        &[],
        &[("Sunday", "2022-03-13")],
    );
    let ev = d.layers.events();
    assert_eq!(ev.len(), 3);
    assert_eq!(arg(&d, &ev[1].actor), "rebels");
    assert_eq!(ev[1].date.as_ref().unwrap().value, "2022-03-13");
    assert_eq!(ev[2].subtype, "kill");
    assert_eq!(arg(&d, &ev[2].actor), "rebels");
    assert_eq!(arg(&d, &ev[2].target), "people");
}

#[test]
fn capitalised_month_is_no_march_and_names_hold_no_triggers() {
    let d = doc(
        "In March the Attack Squadron flew home.",
        &[("Attack Squadron", EntityType::Organization)],
        &[],
    );
    assert!(d.layers.events().is_empty(), "{:?}", d.layers.events());
}

const WIKI: &str = r#"{"doc_id": "w1", "tokens": ["Rebels", "attacked", "the", "base", "."], "sentences": [[[["Rebels", 0, 6], ["attacked", 7, 15], ["the", 16, 19], ["base", 20, 24], [".", 24, 25]], "Rebels attacked the base."]], "entity_mentions": [{"id": "m1", "sent_idx": 0, "start": 0, "end": 1, "entity_type": "PER", "mention_type": "NOM", "text": "Rebels"}, {"id": "m2", "sent_idx": 0, "start": 2, "end": 4, "entity_type": "FAC", "mention_type": "NOM", "text": "the base"}], "event_mentions": [{"id": "e1", "event_type": "Conflict.Attack.Unspecified", "trigger": {"start": 1, "end": 2, "text": "attacked", "sent_idx": 0}, "arguments": [{"entity_id": "m1", "role": "Attacker", "text": "Rebels"}, {"entity_id": "m2", "role": "Target", "text": "the base"}]}], "relation_mentions": []}"#;

fn annotate(file: &mut eval::GoldFile) {
    for g in &mut file.docs {
        chronicle_text::Tokenizer.annotate(&mut g.doc).unwrap();
        chronicle_text::SentenceSplitter
            .annotate(&mut g.doc)
            .unwrap();
        g.doc.layers.entities = Some(Layer::new("test", vec![]));
        g.doc.layers.timexes = Some(Layer::new("test", vec![]));
        g.doc.layers.quotes = Some(Layer::new("test", vec![]));
        g.doc.layers.people = Some(Layer::new("test", vec![]));
        g.doc.layers.figures = Some(Layer::new("test", vec![]));
        g.doc.layers.places = Some(Layer::new("test", vec![]));
        EventAnnotator.annotate(&mut g.doc).unwrap();
    }
}

#[test]
fn wikievents_perfect_prediction_scores_one() {
    let mut file = eval::parse("w.jsonl", WIKI);
    assert_eq!(file.dataset, Some(Dataset::WikiEvents));
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    annotate(&mut file);
    let r = eval::score(&file.docs, Dataset::WikiEvents);
    for c in [r.all.trigger_id, r.all.trigger_class] {
        assert_eq!((c.tp, c.pred, c.gold), (1, 1, 1));
    }
    for c in [r.all.arg_id, r.all.arg_class] {
        assert_eq!((c.tp, c.pred, c.gold), (2, 2, 2));
    }
    assert_eq!(r.conflict.trigger_class.f1(), 1.0);
    assert!(r.misses.is_empty(), "{:?}", r.misses);
}

#[test]
fn wrong_type_or_role_or_head_is_not_credited() {
    // Gold says Die and the base is a Victim: the trigger is identified but
    // not classified, and no argument counts.
    let wrong = WIKI
        .replace("Conflict.Attack.Unspecified", "Life.Die.Unspecified")
        .replace("\"Target\"", "\"Victim\"");
    let mut file = eval::parse("w.jsonl", &wrong);
    annotate(&mut file);
    let r = eval::score(&file.docs, Dataset::WikiEvents);
    assert_eq!((r.all.trigger_id.tp, r.all.trigger_class.tp), (1, 0));
    assert_eq!((r.all.arg_id.tp, r.all.arg_class.tp), (0, 0));
    assert_eq!(r.all.arg_class.pred, 2);
    assert!(r.misses.iter().any(|m| m.contains("missed trigger")));
    // Gold's target is "Rebels" instead: the head differs from ours.
    let swapped = WIKI.replace(
        "\"m2\", \"role\": \"Target\"",
        "\"m1\", \"role\": \"Target\"",
    );
    let mut file = eval::parse("w.jsonl", &swapped);
    annotate(&mut file);
    let r = eval::score(&file.docs, Dataset::WikiEvents);
    assert_eq!(
        (
            r.all.arg_class.tp,
            r.all.arg_class.pred,
            r.all.arg_class.gold
        ),
        (1, 2, 2)
    );
    // The missed Target "Rebels" was predicted, as the Attacker: a wrong
    // role, not a missing candidate.
    assert_eq!(r.arg_misses["target"], [0, 1, 0, 0, 0, 1]);
    assert_eq!(r.arg_misses["attacker"], [0, 0, 0, 0, 0, 1], "found");
    // Typed wrongly, every argument is lost with its trigger.
    let mut file = eval::parse("w.jsonl", &wrong);
    annotate(&mut file);
    let r = eval::score(&file.docs, Dataset::WikiEvents);
    assert_eq!(r.arg_misses["victim"], [1, 0, 0, 0, 0, 1]);
}

#[test]
fn rams_scores_only_at_the_gold_trigger_with_inclusive_ends() {
    let line = r#"{"doc_key": "r1", "sentences": [["Rebels", "attacked", "the", "base", "."], ["Police", "arrested", "two", "."]], "evt_triggers": [[1, 1, [["conflict.attack.firearmattack", 1.0]]]], "ent_spans": [], "gold_evt_links": [[[1, 1], [0, 0], "evt001arg01attacker"], [[1, 1], [2, 3], "evt001arg02target"]]}"#;
    let mut file = eval::parse("r.jsonlines", line);
    assert_eq!(file.dataset, Some(Dataset::Rams));
    annotate(&mut file);
    let r = eval::score(&file.docs, Dataset::Rams);
    // "arrested" is not annotated in RAMS and is not counted.
    assert_eq!((r.all.trigger_id.tp, r.all.trigger_id.pred), (1, 1));
    assert_eq!(
        r.all.trigger_class.tp, 1,
        "conflict.attack at family.subtype level"
    );
    assert_eq!((r.all.arg_class.tp, r.all.arg_class.gold), (2, 2));
}

#[test]
fn malformed_records_are_one_line_errors() {
    let file = eval::parse("w.jsonl", &format!("{WIKI}\n{{\"doc_id\": 3}}\n"));
    assert_eq!(file.docs.len(), 1);
    assert_eq!(file.errors.len(), 1);
    assert!(
        file.errors[0].starts_with("w.jsonl:2:"),
        "{}",
        file.errors[0]
    );
    let bad = WIKI.replace("\"start\": 1, \"end\": 2", "\"start\": 4, \"end\": 9");
    let file = eval::parse("w.jsonl", &bad);
    assert!(file.errors[0].contains("outside"), "{:?}", file.errors);
    assert_eq!(eval::rams_role("evt089arg02place"), "place");
}

#[test]
fn a_modal_governing_the_verb_makes_it_possible_and_undated_outside_its_clause() {
    let d = doc(
        "That could include deploying more troops, he noted on Tuesday.",
        &[],
        &[("Tuesday", "2022-03-15")],
    );
    let e = &d.layers.events()[0];
    assert_eq!(e.modality, Modality::Possible);
    assert_eq!(e.date, None);
}

/// The triggers found in `text` (no entities or timexes), as text and subtype.
fn triggers_of(text: &str) -> Vec<(String, String)> {
    let d = doc(text, &[], &[]);
    d.layers
        .events()
        .iter()
        .map(|e| (d.text(e.span).to_owned(), e.subtype.clone()))
        .collect()
}

#[test]
fn other_senses_name_no_event_and_a_labour_strike_is_a_protest() {
    for text in [
        "He died of a heart attack.",
        "The minister attacked the decision.",
        "They struck a deal with the lenders.",
        "She suffered a cardiac arrest.",
        "The trade war hurt exporters.",
        "He went to court in order to appeal.",
        "The bill was killed in committee after they killed the proposal.",
        "It was a close call.",
        "The legal battle lasted years.",
    ] {
        let found = triggers_of(text);
        assert!(
            found.iter().all(|(_, s)| !matches!(
                s.as_str(),
                "attack" | "battle" | "arrest" | "order" | "call"
            ) || text.contains("killed in committee") && s == "kill"),
            "{text}: {found:?}"
        );
    }
    assert_eq!(
        triggers_of("Teachers went on strike over pay."),
        [("strike".to_owned(), "protest".to_owned())]
    );
    assert_eq!(
        triggers_of("Missiles struck the depot."),
        [("struck".to_owned(), "attack".to_owned())]
    );
}

#[test]
fn a_participle_clause_takes_the_actor_of_the_event_before_it() {
    let d = doc(
        "Rebels attacked the convoy, killing six soldiers and injuring 20 more.",
        &[],
        &[],
    );
    let kinds: Vec<&str> = d
        .layers
        .events()
        .iter()
        .map(|e| e.subtype.as_str())
        .collect();
    assert_eq!(kinds, ["attack", "kill", "injure"]);
    let kill = &d.layers.events()[1];
    assert_eq!(arg(&d, &kill.actor), "Rebels");
    assert_eq!(arg(&d, &kill.target), "soldiers");
    assert_eq!(arg(&d, &d.layers.events()[2].actor), "Rebels");
}

#[test]
fn a_bare_participle_after_a_noun_is_passive() {
    let d = doc("All six of the members killed were Americans.", &[], &[]);
    let e = &d.layers.events()[0];
    assert_eq!(arg(&d, &e.actor), "");
    // A count partitive is the argument, headed by its count.
    assert_eq!(arg(&d, &e.target), "All six of the members");
}

#[test]
fn an_apposition_between_commas_is_skipped_for_the_subject() {
    use EntityType::*;
    let d = doc(
        "A local commander of the militia, a pro-government force, was also killed. \
         The alleged killer, Cherif Chekatt, was shot dead by police.",
        &[("Cherif Chekatt", Person)],
        &[],
    );
    let events = d.layers.events();
    assert_eq!(arg(&d, &events[0].target), "local commander");
    let shot = events.iter().find(|e| d.text(e.span) == "shot").unwrap();
    assert_eq!(
        arg(&d, &shot.target),
        "Cherif Chekatt",
        "the name, not the role"
    );
    assert_eq!(arg(&d, &shot.actor), "police");
}

#[test]
fn a_reflexive_verb_is_active_and_its_trigger_is_the_verb() {
    let d = doc(
        "A suicide bomber blew himself up in the village, killing six soldiers.",
        &[],
        &[],
    );
    let events = d.layers.events();
    assert_eq!(d.text(events[0].span), "blew");
    assert_eq!(arg(&d, &events[0].actor), "suicide bomber");
    assert_eq!(arg(&d, &events[0].target), "");
    assert_eq!(arg(&d, &events[0].place), "village");
    assert_eq!(arg(&d, &events[1].actor), "suicide bomber", "the killer");
    assert_eq!(arg(&d, &events[1].target), "soldiers");
}

#[test]
fn a_death_in_an_attack_takes_the_attacker_as_killer() {
    use EntityType::*;
    let d = doc(
        "Two dozen fighters were killed in Taliban attacks in the province. \
         Five people were killed in an attack on the Christmas market.",
        &[("Taliban", Organization)],
        &[("Christmas", "2019-12-25")],
    );
    let events = d.layers.events();
    assert_eq!(arg(&d, &events[0].actor), "Taliban");
    assert_eq!(arg(&d, &events[0].place), "province");
    let attack = events.iter().find(|e| d.text(e.span) == "attack").unwrap();
    assert_eq!(arg(&d, &attack.target), "Christmas market");
}

#[test]
fn a_count_alone_is_the_victim_and_injuries_suffered_have_one() {
    let d = doc(
        "The device detonated accidentally, killing the three on the spot. \
         Thirteen people suffered minor injuries.",
        &[],
        &[],
    );
    let events = d.layers.events();
    assert_eq!(arg(&d, &events[0].instrument), "device");
    assert_eq!(arg(&d, &events[0].target), "", "an adverb is no object");
    assert_eq!(arg(&d, &events[1].target), "three");
    let injuries = events.iter().find(|e| e.subtype == "injure").unwrap();
    assert_eq!(arg(&d, &injuries.target), "Thirteen people");
}

#[test]
fn an_attempted_killing_is_an_attack() {
    let d = doc("Prosecutors opened a case of attempted murder.", &[], &[]);
    assert_eq!(d.layers.events()[0].subtype, "attack");
}

#[test]
fn a_light_verb_gives_its_subject_to_the_event_noun_and_targeting_its_object() {
    let d = doc(
        "The militants launched a series of attacks in the north. The explosion targeted a bakery.",
        &[],
        &[],
    );
    let events = d.layers.events();
    assert_eq!(d.text(events[0].span), "attacks");
    assert_eq!(arg(&d, &events[0].actor), "militants");
    let blast = events
        .iter()
        .find(|e| d.text(e.span) == "explosion")
        .unwrap();
    assert_eq!(arg(&d, &blast.target), "bakery");
}

#[test]
fn weapon_nouns_are_no_verbs_and_detonated_devices_are_instruments() {
    let d = doc(
        "Twin bombs exploded. The brothers detonated the bombs remotely.",
        &[],
        &[],
    );
    let events = d.layers.events();
    let texts: Vec<&str> = events.iter().map(|e| d.text(e.span)).collect();
    assert_eq!(texts, ["exploded", "detonated"]);
    assert_eq!(arg(&d, &events[1].instrument), "bombs");
    assert_eq!(arg(&d, &events[1].target), "");
}

#[test]
fn the_head_of_an_argument_is_its_last_word_before_a_stop() {
    let line = r#"{"doc_key": "r1", "sentences": [["the", "leader", "of", "the", "group", "who", "fled"], ["Islamic", "State", "fighters"]], "evt_triggers": [[6, 6, [["movement.transportperson.n/a", 1.0]]]], "ent_spans": [], "gold_evt_links": []}"#;
    let file = eval::parse("r.jsonlines", line);
    let g = &file.docs[0];
    assert_eq!(eval::head(g, (0, 5)), 1, "the leader of …");
    assert_eq!(eval::head(g, (3, 7)), 4, "the group who …");
    assert_eq!(eval::head(g, (7, 10)), 9, "Islamic State fighters");
    assert_eq!(eval::head(g, (6, 7)), 6, "one word");
}

#[test]
fn a_noun_compound_triggers_on_its_head_and_dates_fill_no_role() {
    let d = doc(
        "The terror attack on Monday shocked the city. Civilians fled on Friday.",
        &[],
        &[("Monday", "2022-03-14"), ("Friday", "2022-03-11")],
    );
    let events = d.layers.events();
    assert_eq!(d.text(events[0].span), "attack");
    assert_eq!(arg(&d, &events[0].target), "");
    let fled = &events[1];
    assert_eq!(fled.subtype, "evacuate");
    assert_eq!(arg(&d, &fled.target), "Civilians", "who flees is carried");
    assert_eq!(arg(&d, &fled.actor), "");
}

#[test]
fn claimed_responsibility_and_carried_out_by_name_the_attacker() {
    let d = doc(
        "The militia claimed responsibility for the bombing. Police counted three raids, carried out by rebels.",
        &[],
        &[],
    );
    let events = d.layers.events();
    let bombing = events.iter().find(|e| d.text(e.span) == "bombing").unwrap();
    assert_eq!(arg(&d, &bombing.actor), "militia");
    let raids = events.iter().find(|e| d.text(e.span) == "raids").unwrap();
    assert_eq!(arg(&d, &raids.actor), "rebels");
}

#[test]
fn a_prediction_that_cuts_a_gold_token_is_counted_and_never_credited() {
    let mut file = eval::parse("w.jsonl", WIKI);
    annotate(&mut file);
    let g = &mut file.docs[0];
    let mut events = g.doc.layers.events().to_vec();
    // "attack" inside the gold token "attacked".
    let at = g.doc.body().find("attacked").unwrap();
    events[0].span = Span::new(at, at + "attack".len());
    g.doc.layers.events = Some(Layer::new("test", events));
    let r = eval::score(&file.docs, Dataset::WikiEvents);
    assert_eq!((r.all.trigger_id.tp, r.all.trigger_id.pred), (0, 1));
    assert_eq!((r.all.arg_class.tp, r.all.arg_class.pred), (0, 2));
    assert!(r.misses.iter().any(|m| m.contains("spurious trigger")));
}
