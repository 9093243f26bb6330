//! `chronicle eval places PATH`: the places layer against GeoWebNews (a
//! brat folder or `GWN.xml`) or the LGL corpus XML. Prints recognition
//! P/R/F1 (exact span match, and overlap match beside it), recall per gold
//! type, geocoding accuracy within 161 km and mean error on the exactly
//! recognised toponyms with gold coordinates, and the misses.
//!
//! GeoWebNews has no official split: even-numbered articles are the tuning
//! half (`dev`), odd-numbered ones the held-out half (`test`). Which gold
//! types count as toponyms is documented in `chronicle_places::eval`.

use crate::Outcome;
use anyhow::{Context, Result};
use chronicle_core::{Annotator, Date, Document};
use chronicle_places::eval::{read_brat, read_xml, GoldArticle, Miss, Predicted, Scores};
use clap::Args;
use rayon::prelude::*;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct EvalPlacesArgs {
    /// `GWN.xml`, an LGL XML file, or a GeoWebNews brat folder.
    path: PathBuf,
    /// Misses to print of each kind (missed, spurious, far geocodes).
    #[arg(long, default_value_t = 25)]
    misses: usize,
    /// Print the misses of this half only: dev, test or all.
    #[arg(long, default_value = "dev")]
    show: String,
}

fn half(a: &GoldArticle, i: usize) -> &'static str {
    let n = a.id.parse::<usize>().unwrap_or(i);
    if n % 2 == 0 {
        "dev"
    } else {
        "test"
    }
}

fn predict(a: &GoldArticle) -> Result<Vec<Predicted>> {
    let date = Date::from_ymd_opt(2018, 1, 1).expect("valid date");
    let mut doc = Document::new(a.id.clone(), date, a.text.clone());
    chronicle_text::Tokenizer.annotate(&mut doc)?;
    chronicle_text::SentenceSplitter.annotate(&mut doc)?;
    chronicle_ner::EntityTagger.annotate(&mut doc)?;
    chronicle_quotes::QuoteAnnotator.annotate(&mut doc)?;
    chronicle_places::PlaceAnnotator.annotate(&mut doc)?;
    Ok(doc
        .layers
        .places()
        .iter()
        .map(|p| Predicted {
            start: p.span.start(),
            end: p.span.end(),
            coords: p.lat.zip(p.lon),
        })
        .collect())
}

pub fn run(args: EvalPlacesArgs) -> Result<Outcome> {
    let p = &args.path;
    let gold = if p.is_dir() {
        let xml = [p.join("GWN.xml"), p.join("../GWN.xml")]
            .into_iter()
            .find(|x| x.is_file());
        let coords = match xml {
            Some(x) => Some(read_xml(&std::fs::read_to_string(&x)?).map_err(anyhow::Error::msg)?),
            None => None,
        };
        read_brat(p, coords.as_deref()).map_err(anyhow::Error::msg)?
    } else {
        let src = std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
        read_xml(&src).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?
    };
    let preds: Vec<Vec<Predicted>> = gold.par_iter().map(predict).collect::<Result<_>>()?;
    let mut parts: Vec<(&str, Scores, Vec<Miss>)> = ["dev", "test", "all"]
        .iter()
        .map(|&n| (n, Scores::default(), Vec::new()))
        .collect();
    for (i, (a, pr)) in gold.iter().zip(&preds).enumerate() {
        let h = half(a, i);
        for (name, s, m) in parts.iter_mut() {
            if *name == h || *name == "all" {
                s.add(a, pr, m);
            }
        }
    }
    println!("places: {} articles from {}", gold.len(), p.display());
    println!(
        "{:<5} {:>5} {:>5} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>5} {:>7} {:>9} {:>6}",
        "part",
        "gold",
        "pred",
        "P",
        "R",
        "F1",
        "oP",
        "oR",
        "oF1",
        "geo",
        "acc161",
        "mean_km",
        "nocrd"
    );
    for (name, s, _) in &parts {
        let (pe, re, fe) = s.prf(false);
        let (po, ro, fo) = s.prf(true);
        let (acc, mean) = s.geo();
        println!(
            "{name:<5} {:>5} {:>5} {pe:>6.3} {re:>6.3} {fe:>6.3}   {po:>6.3} {ro:>6.3} {fo:>6.3}   {:>5} {acc:>7.3} {mean:>9.0} {:>6}",
            s.gold, s.predicted, s.geo_n, s.geo_no_coords
        );
    }
    println!("\nrecall by gold type (all):");
    for (t, (n, found)) in &parts[2].1.by_type {
        println!(
            "  {t:<22} {n:>5} {:>6.3}",
            *found as f64 / (*n).max(1) as f64
        );
    }
    for (name, _, misses) in &parts {
        if *name != args.show {
            continue;
        }
        for kind in ["fn", "fp", "geo"] {
            let of: Vec<&Miss> = misses.iter().filter(|m| m.kind == kind).collect();
            println!(
                "\n{kind} ({} in {name}, first {}):",
                of.len(),
                args.misses.min(of.len())
            );
            for m in of.iter().take(args.misses) {
                println!("  [{}] {:?} {}", m.article, m.text, m.note);
            }
        }
    }
    Ok(Outcome::Clean)
}
