//! One test sentence of our own per rule, plus the example report.

use super::*;
use chronicle_core::{Approx, Date, FigureCategory as C};
use chronicle_text::{SentenceSplitter, Tokenizer};

fn run(text: &str) -> Document {
    let mut doc = Document::new("t", Date::from_ymd_opt(2022, 3, 16).unwrap(), text);
    Tokenizer.annotate(&mut doc).unwrap();
    SentenceSplitter.annotate(&mut doc).unwrap();
    FigureAnnotator.annotate(&mut doc).unwrap();
    chronicle_core::validate(&doc).unwrap();
    doc
}

/// (extent, value, category, counted)
fn figs(text: &str) -> Vec<(String, f64, C, String)> {
    let doc = run(text);
    doc.layers
        .figures()
        .iter()
        .map(|f| {
            (
                doc.text(f.span).to_owned(),
                f.value,
                f.category,
                f.counted.map_or(String::new(), |s| doc.text(s).to_owned()),
            )
        })
        .collect()
}

fn one(text: &str) -> Figure {
    let doc = run(text);
    assert_eq!(doc.layers.figures().len(), 1, "{text}: {:?}", figs(text));
    doc.layers.figures()[0].clone()
}

#[test]
fn casualties_from_verbs_before_and_ellipsis() {
    let f = figs("The attack killed at least 35 people and injured more than 100, officials said.");
    assert_eq!(
        f[0],
        ("at least 35".into(), 35.0, C::Killed, "people".into())
    );
    assert_eq!(
        f[1],
        ("more than 100".into(), 100.0, C::Injured, "people".into())
    );
}

#[test]
fn casualties_from_words_after() {
    assert_eq!(
        one("Officials said 35 dead in the blast.").category,
        C::Killed
    );
    assert_eq!(
        one("About 100 wounded were taken away.").category,
        C::Injured
    );
    assert_eq!(
        one("Nine hikers were missing on Sunday.").category,
        C::Missing
    );
    assert_eq!(one("Two people died on the road.").category, C::Killed);
    assert_eq!(one("Floods have left 25 people dead.").category, C::Killed);
    assert_eq!(one("Police arrested 12 protesters.").category, C::Arrested);
    assert_eq!(
        one("The storm displaced 2 million residents.").category,
        C::Displaced
    );
    assert_eq!(
        one("The death toll rose to 35 by noon.").category,
        C::Killed
    );
    assert_eq!(one("The crash caused eleven deaths.").category, C::Killed);
    assert_eq!(
        one("Four of the deceased were tourists.").category,
        C::Killed
    );
}

#[test]
fn troops_with_whose_and_where() {
    let doc = run("There are 100,000 U.S. troops in Europe.");
    let f = &doc.layers.figures()[0];
    assert_eq!((f.value, f.category), (100_000.0, C::Troops));
    assert_eq!(doc.text(f.counted.unwrap()), "U.S. troops");
    assert_eq!(doc.text(f.of.unwrap()), "U.S.");
    assert_eq!(doc.text(f.place.unwrap()), "in Europe");
    let doc = run("It has about 40,000 troops under direct NATO command.");
    let f = &doc.layers.figures()[0];
    assert_eq!((f.approx, f.category), (Approx::About, C::Troops));
    assert_eq!(doc.text(f.of.unwrap()), "NATO");
}

#[test]
fn vague_quantities_are_open_ranges() {
    let f = one("They sent thousands of extra troops east.");
    assert_eq!(
        (f.low, f.high, f.approx, f.category),
        (Some(1e3), None, Approx::Range, C::Troops)
    );
    let f = one("There are hundreds of thousands of forces on alert.");
    assert_eq!((f.value, f.category), (1e5, C::Troops));
    assert_eq!(one("Dozens of homes burned.").low, Some(24.0));
    assert_eq!(one("Crowds of tens of thousands gathered.").value, 1e4);
}

#[test]
fn number_words_scales_and_compounds() {
    assert_eq!(one("Thirty-five miners were rescued.").value, 35.0);
    assert_eq!(one("They found two dozen shells.").value, 24.0);
    assert_eq!(one("A hundred firefighters came.").value, 100.0);
    assert_eq!(one("The city has 1.5 million residents.").value, 1.5e6);
    assert_eq!(one("The site drew 40k visitors.").value, 40_000.0);
    let doc = run("the 30-member alliance met.");
    let f = &doc.layers.figures()[0];
    assert_eq!(
        (doc.text(f.span), doc.text(f.counted.unwrap())),
        ("30", "member")
    );
}

#[test]
fn fractions_of_a_scale_and_rarer_qualifiers() {
    assert_eq!(
        one("Cases reached around a quarter of a million.").value,
        250_000.0
    );
    assert_eq!(one("They raised half a million dollars.").value, 500_000.0);
    let f = one("Winds were near 180 mph.");
    assert_eq!((f.approx, f.unit.as_deref()), (Approx::About, Some("mph")));
}

#[test]
fn demonyms_and_people_before_counts() {
    assert_eq!(
        one("The Sri Lankan 26-minister cabinet resigned.").value,
        26.0
    );
    assert_eq!(
        one("One Israeli police officer was killed.").category,
        C::Killed
    );
    assert_eq!(figs("The 2019-nCoV virus spread."), vec![]);
}

#[test]
fn ranges() {
    let f = one("Between 36 and 40 people were trapped.");
    assert_eq!(
        (f.low, f.high, f.approx),
        (Some(36.0), Some(40.0), Approx::Range)
    );
    assert_eq!(one("Some 30-40 boats sank.").high, Some(40.0));
    assert_eq!(one("They saw 30 to 40 boats.").high, Some(40.0));
    assert_eq!(
        one("They lost two or three million dollars.").low,
        Some(2e6)
    );
    assert_eq!(figs("The toll rose from 14 to 31.").len(), 2);
}

#[test]
fn money_percent_distance() {
    let f = one("The fund holds $2.3bn in cash.");
    assert_eq!(
        (f.value, f.unit.as_deref(), f.category),
        (2.3e9, Some("USD"), C::Money)
    );
    assert_eq!(
        one("It costs US$11.3 million.").unit.as_deref(),
        Some("USD")
    );
    assert_eq!(
        one("Debt of £4 billion was sold.").unit.as_deref(),
        Some("GBP")
    );
    assert_eq!(
        one("A fine of 4 million rubles was set.").unit.as_deref(),
        Some("RUB")
    );
    let f = one("Inflation hit 5.6% in May.");
    assert_eq!((f.value, f.category), (5.6, C::Percent));
    assert_eq!(one("Turnout rose 12 per cent.").category, C::Percent);
    let doc = run("Russia came within 15 miles of that line.");
    let f = &doc.layers.figures()[0];
    assert_eq!(
        (doc.text(f.span), f.approx, f.unit.as_deref()),
        ("within 15 miles", Approx::UpTo, Some("mile"))
    );
    assert_eq!(one("The quake hit 73 km north.").category, C::Distance);
    assert_eq!(
        one("A magnitude 7.3 earthquake struck.").unit.as_deref(),
        Some("magnitude")
    );
}

#[test]
fn designations_dates_ages_and_scores_are_not_figures() {
    for text in [
        "Poland offered MiG-29 jets and the S-300 system.",
        "Allies invoked Article 5 of the treaty.",
        "An F-16 and a Boeing 737 flew over.",
        "COVID-19 spread; the G7 met.",
        "Flight 5735 took off from Highway 101.",
        "The song debuted at No. 1 in the Hot 100.",
        "In 2018 the 1973 building was sold.",
        "He died at 96 on March 16.",
        "A 66-year-old man waited 24 hours.",
        "The bill passed 220–211 and the team won 3-1.",
        "They met at 6am and at 10:30.",
        "He finished 21st in the 1990s.",
        "One of the drivers and one walking away.",
        "Its members sent tons of ammunition, just miles from the border.",
    ] {
        assert_eq!(figs(text), vec![], "{text}");
    }
}

#[test]
fn qualifiers() {
    for (text, a) in [
        ("At least 5 boats sank.", Approx::AtLeast),
        ("More than 5 boats sank.", Approx::MoreThan),
        ("Over 5 boats sank.", Approx::MoreThan),
        ("Fewer than 5 boats sank.", Approx::LessThan),
        ("About 5 boats sank.", Approx::About),
        ("Nearly 5 boats sank.", Approx::Nearly),
        ("Up to 5 boats sank.", Approx::UpTo),
        ("As many as 5 boats sank.", Approx::UpTo),
        ("Close to 5 boats sank.", Approx::Nearly),
        ("Exactly 5 boats sank.", Approx::Exact),
    ] {
        assert_eq!(one(text).approx, a, "{text}");
    }
}

#[test]
fn the_example_report() {
    // The repository's example report (examples/nato-2022-03-16.txt).
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/nato-2022-03-16.txt"
    ))
    .expect("the example report is in the repository");
    let f = figs(&text);
    let find = |s: &str| {
        f.iter()
            .find(|x| x.0 == s)
            .unwrap_or_else(|| panic!("{s} in {f:?}"))
            .clone()
    };
    assert_eq!(find("30").2, C::Other);
    assert_eq!(find("thousands").2, C::Troops);
    assert_eq!(find("hundreds of thousands").1, 1e5);
    assert_eq!(find("100,000").2, C::Troops);
    assert_eq!(find("about 40,000").2, C::Troops);
    assert_eq!(find("within 15 miles").2, C::Distance);
    assert_eq!(
        find("at least 35"),
        ("at least 35".into(), 35.0, C::Killed, "people".into())
    );
    assert_eq!(
        find("more than 100"),
        ("more than 100".into(), 100.0, C::Injured, "people".into())
    );
    assert_eq!(f.len(), 8, "{f:?}");
}

#[test]
fn rules_added_after_the_first_held_out_round() {
    // Multiplicatives, proportions and word-number designations.
    assert_eq!(
        figs("He won the title five times in two thirds of his seasons."),
        vec![]
    );
    assert_eq!(figs("The drug passed phase three trials."), vec![]);
    // Temperatures with their scale letter, "N+", stacked qualifiers.
    let f =
        figs("Highs of 10°F and quakes of magnitude 2+ reached at least about two million people.");
    let texts: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(texts, ["10°F", "2+", "at least about two million"]);
    // A name before a measure is not a designation.
    assert_eq!(figs("It placed Humberto 75 miles north.")[0].0, "75 miles");
    // An age cue does not reach across a comma.
    assert_eq!(
        figs("His daughter aged 13, and seven others died.")[0].2,
        C::Killed
    );
    assert_eq!(
        figs("Teenagers aged between 12 and 17 were vaccinated."),
        vec![]
    );
    // Things are not the victims of a casualty verb after them.
    assert_eq!(
        figs("It destroyed 300 homes, ripped up roads, killed two people.")[0].2,
        C::Other
    );
}

#[test]
fn rules_added_after_the_third_held_out_round() {
    // Scale words past a trillion, and numbers longer than 32 digits.
    let f = one("The court demanded three quintillion rubles from the firm.");
    assert_eq!(f.value, 3e18);
    let f = one("The bill came to US$ 40,000,000,000,000,000,000,000,000,000,000,000 in all.");
    assert_eq!(f.value, 4e34);
    // "several tens of thousands": a vague multiple of a vague plural.
    let f = one("The march drew several tens of thousands of people downtown.");
    assert_eq!((f.value, f.low), (30000.0, Some(30000.0)));
    // A two-letter country code glued to a currency symbol.
    let doc = run("The penalty is RU₽50,000 per day.");
    let f = &doc.layers.figures()[0];
    assert_eq!(doc.text(f.span), "RU₽50,000");
    assert_eq!((f.value, f.unit.as_deref()), (50000.0, Some("RUB")));
}

#[test]
fn rules_added_after_the_fourth_held_out_round() {
    let doc = run("Winds of 90 mph (about 145 km/h) hit the coast.");
    let units: Vec<_> = doc
        .layers
        .figures()
        .iter()
        .map(|f| (doc.text(f.span), f.unit.clone()))
        .collect();
    assert_eq!(units[1], ("about 145 km/h", Some("km/h".to_owned())));
    let f = one("Tremors as strong as 4.9 followed the quake.");
    assert_eq!(f.approx, Approx::UpTo);
    assert_eq!(
        figs("The victims, between the ages of 12 and 17, were treated.").len(),
        0
    );
    assert_eq!(
        figs("The fire started at 42 Elm Street, near the school.").len(),
        0
    );
    assert_eq!(figs("The company opened 42 new stores.").len(), 1);
}

#[test]
fn rules_added_after_the_fifth_held_out_round() {
    // "between X to Y" is a range like "between X and Y".
    let f = one("Losses are put at between 2.5 to 4 million dollars.");
    assert_eq!((f.low, f.high), (Some(2.5e6), Some(4e6)));
    assert_eq!(f.approx, Approx::Range);
    // "several" before a vague plural: three of it, open above.
    let doc = run("The cost could run to several millions.");
    let f = &doc.layers.figures()[0];
    assert_eq!(doc.text(f.span), "several millions");
    assert_eq!((f.value, f.low, f.high), (3e6, Some(3e6), None));
    // A vague plural of a unit keeps the unit and is a distance.
    let doc = run("Pilgrims walked hundreds of kilometres to the shrine.");
    let f = &doc.layers.figures()[0];
    assert_eq!(doc.text(f.span), "hundreds of kilometres");
    assert_eq!((f.unit.as_deref(), f.category), (Some("km"), C::Distance));
    assert_eq!(one("Thousands of people marched.").unit, None);
    // A participle before a casualty noun belongs to the counted phrase.
    let f = figs("Officials listed 1,200 virus related deaths last month.");
    assert_eq!(
        (f[0].2, f[0].3.as_str()),
        (C::Killed, "virus related deaths")
    );
    // Places are counted, never killed.
    let f = figs("The study read death records from nine provinces.");
    assert_eq!((f[0].2, f[0].3.as_str()), (C::Other, "provinces"));
}

#[test]
fn rules_added_after_the_sixth_held_out_round() {
    // "N and a half" before a scale.
    let doc = run("The outage hit one and a half million customers.");
    let f = &doc.layers.figures()[0];
    assert_eq!(doc.text(f.span), "one and a half million");
    assert_eq!(f.value, 1.5e6);
    // A two-letter country code before the currency word.
    let doc = run("The state pays a 250 thousand US dollars bounty.");
    let f = &doc.layers.figures()[0];
    assert_eq!(doc.text(f.span), "250 thousand US dollars");
    assert_eq!((f.value, f.unit.as_deref()), (250000.0, Some("USD")));
    // A capitalised number word inside a name; odds are no count.
    assert_eq!(figs("Hurricane Five turned north on Monday."), vec![]);
    assert_eq!(figs("Forecasters gave it a two-in-three chance."), vec![]);
    assert_eq!(one("Eleven people were rescued.").value, 11.0);
    // A verb of its own leaves a troops head its category.
    assert_eq!(
        figs("Some 4,000 Estonian conscripts had trained there.")[0].2,
        C::Troops
    );
    // "on board", coordinated place names and "gone missing" before the cue.
    assert_eq!(
        figs("The 58 passengers on board were all killed.")[0].2,
        C::Killed
    );
    assert_eq!(
        figs("Nine people in Upper and Lower Saxony have been reported dead.")[0].2,
        C::Killed
    );
    let f = figs("Two hikers died and five more have gone missing.");
    assert_eq!((f[0].2, f[1].2), (C::Killed, C::Missing));
    // A plural "death tolls" several words back.
    assert_eq!(
        figs("Local death tolls, compiled by the volunteers, passed 300.")[0].2,
        C::Killed
    );
    // A bare scaled amount after money is money in the same currency.
    let doc = run("The plan gives €40 billion to chips and tens of billions to research.");
    let f = &doc.layers.figures()[1];
    assert_eq!(doc.text(f.span), "tens of billions");
    assert_eq!((f.category, f.unit.as_deref()), (C::Money, Some("EUR")));
    assert_eq!(
        figs("The storm cost $5 billion and displaced millions.")[1].2,
        C::Displaced
    );
    let doc = run("Firms over $9 billion that earn one million or 300 thousand euros pay.");
    let f = &doc.layers.figures()[1];
    assert_eq!(f.unit.as_deref(), Some("EUR"));
    // A partitive pronoun: the cue follows "of whom".
    assert_eq!(
        figs("Forty guests came, six of whom were hurt.")[1].2,
        C::Injured
    );
}

#[test]
fn round_seven_rules() {
    // Areas and volumes keep their unit: "square miles", "cubic metres".
    let doc = run("The lake holds 3 billion cubic metres and covers 60 square miles.");
    let f = doc.layers.figures();
    assert_eq!(doc.text(f[0].span), "3 billion cubic metres");
    assert_eq!((f[0].value, f[0].unit.as_deref()), (3e9, Some("m3")));
    assert_eq!(doc.text(f[1].span), "60 square miles");
    assert_eq!(f[1].unit.as_deref(), Some("square mile"));
    // An age in apposition to a name is no count.
    let f = figs("The pilot, Ann Marsh, 41, and Tom Reed, now 38, were named.");
    assert!(f.is_empty(), "{f:?}");
    assert_eq!(
        figs("In Lyon, 14 shops closed.")[0].0,
        "14",
        "a count after a place keeps its noun"
    );
    // "in critical condition" is injured.
    assert_eq!(
        figs("Doctors said four workers were in critical condition.")[0].2,
        C::Injured
    );
    assert_eq!(
        figs("Three hikers remain in stable condition.")[0].2,
        C::Other
    );
    // "Casualties" set against deaths in the sentence are the injured.
    let f = figs("Nine people died, and casualties climbed to 240 across the valley.");
    assert_eq!((f[0].2, f[1].2), (C::Killed, C::Injured));
    assert_eq!(
        figs("Casualties climbed to 240 across the valley.")[0].2,
        C::Other
    );
    // A sentence opened by "Of them," divides the set counted before it.
    let f = figs(
        "The ministry examined 90 deaths. Of them, 71 were unrelated, while 12 other cases stay open.",
    );
    assert_eq!((f[1].2, f[2].2), (C::Killed, C::Killed));
    let f = figs("The council counted 90 homes. Of them, 71 were rebuilt.");
    assert_eq!(f[1].2, C::Other);
}
