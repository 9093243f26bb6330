//! `chronicle eval html DIR`: HTML main-text extraction against the two
//! public benchmarks in `DIR` (the folder holding `scrapinghub/` and
//! `trafilatura/`, or either one): ScrapingHub's shingle P/R/F1 and
//! accuracy, trafilatura's segment P/R/F1, and title and date accuracy
//! where gold has them; then the worst pages, for study.
//!
//! `--system NAME` scores something other than chronicle: a ScrapingHub
//! reference output (`reference-outputs/NAME.jsonl.gz`), which must give the
//! benchmark README's dev figures to three decimals — the check that the
//! scorer is a faithful port; `trafilatura-crate` (the crate, unchanged);
//! `raw` (the decoded page, "everything") and `empty` for the segment set.

use crate::Outcome;
use anyhow::{bail, Context, Result};
use chronicle_html::score::{self, PageShingles, Segments};
use chronicle_html::Article;
use clap::Args;
use rayon::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Debug, Args)]
pub struct EvalHtmlArgs {
    /// The benchmark folder (data/html, or its scrapinghub/ or trafilatura/).
    dir: PathBuf,
    /// Score this system instead of chronicle: a ScrapingHub reference
    /// output name, `trafilatura-crate`, `raw` or `empty`.
    #[arg(long)]
    system: Option<String>,
    /// Worst pages to print per benchmark.
    #[arg(long, default_value_t = 10)]
    worst: usize,
    /// Print, for the ScrapingHub pages whose id starts with this, each
    /// extracted paragraph marked `+` when it is not in the gold text.
    #[arg(long)]
    show: Option<String>,
}

pub fn run(args: EvalHtmlArgs) -> Result<Outcome> {
    let mut ran = false;
    let named = args.dir.canonicalize().unwrap_or_else(|_| args.dir.clone());
    for (sub, kind) in [
        ("scrapinghub", Bench::Shingles),
        ("trafilatura", Bench::Segments),
    ] {
        let dir = if args.dir.join(sub).is_dir() {
            args.dir.join(sub)
        } else if named.file_name().is_some_and(|n| n == sub) {
            args.dir.clone()
        } else {
            continue;
        };
        ran = true;
        match kind {
            Bench::Shingles => scrapinghub(&dir, &args)?,
            Bench::Segments => trafilatura_set(&dir, &args)?,
        }
    }
    if !ran {
        bail!(
            "{}: no scrapinghub/ or trafilatura/ benchmark folder found",
            args.dir.display()
        );
    }
    Ok(Outcome::Clean)
}

enum Bench {
    Shingles,
    Segments,
}

fn read_jsonl(path: &Path) -> Result<Vec<Value>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut out = Vec::new();
    for line in BufReader::new(reader).lines() {
        let line = line?;
        if !line.trim().is_empty() {
            out.push(
                serde_json::from_str(&line).with_context(|| format!("in {}", path.display()))?,
            );
        }
    }
    Ok(out)
}

fn field<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// Runs the chosen system on one page; the seconds it took.
fn run_system(system: Option<&str>, html: &[u8], url: &str) -> (Article, f64) {
    let url = (!url.is_empty()).then_some(url);
    let start = Instant::now();
    let article = match system {
        Some("trafilatura-crate") => chronicle_html::extract_baseline(html, url),
        Some("raw") => Ok(Article {
            body: chronicle_html::charset::decode(html).0,
            ..Article::default()
        }),
        Some("empty") => Ok(Article::default()),
        _ => chronicle_html::extract_article(html, url),
    };
    (article.unwrap_or_default(), start.elapsed().as_secs_f64())
}

fn is_extractor(system: Option<&str>) -> bool {
    matches!(system, None | Some("trafilatura-crate" | "raw" | "empty"))
}

fn scrapinghub(dir: &Path, args: &EvalHtmlArgs) -> Result<()> {
    let gold = read_jsonl(&dir.join("gold.jsonl"))?;
    let system = args.system.as_deref();
    let name = system.unwrap_or("chronicle");
    let (preds, secs): (HashMap<String, String>, f64) = if is_extractor(system) {
        let out: Vec<(String, String, f64)> = gold
            .par_iter()
            .map(|g| {
                let id = field(g, "id");
                let path = dir.join("html").join(format!("{id}.html.gz"));
                let mut html = Vec::new();
                let ok = std::fs::File::open(&path)
                    .and_then(|f| flate2::read::MultiGzDecoder::new(f).read_to_end(&mut html));
                if ok.is_err() {
                    return (id.to_owned(), String::new(), 0.0);
                }
                let (a, t) = run_system(system, &html, field(g, "url"));
                (id.to_owned(), a.body, t)
            })
            .collect();
        let secs = out.iter().map(|o| o.2).sum();
        (out.into_iter().map(|(i, b, _)| (i, b)).collect(), secs)
    } else {
        let path = dir
            .join("reference-outputs")
            .join(format!("{name}.jsonl.gz"));
        let refs = read_jsonl(&path)?;
        (
            refs.iter()
                .map(|r| (field(r, "id").to_owned(), field(r, "text").to_owned()))
                .collect(),
            0.0,
        )
    };
    let pages: Vec<(PageShingles, &Value)> = gold
        .iter()
        .map(|g| {
            (
                score::shingle_page(
                    field(g, "text"),
                    preds.get(field(g, "id")).map_or("", String::as_str),
                ),
                g,
            )
        })
        .collect();
    let scores: Vec<PageShingles> = pages.iter().map(|p| p.0).collect();
    let (p, r, f1, acc) = score::shingle_corpus(&scores);
    println!("ScrapingHub ({} pages), {name}: precision {p:.3}  recall {r:.3}  F1 {f1:.3}  accuracy {acc:.3}", gold.len());
    if secs > 0.0 {
        println!("  {:.1} pages/s per core", gold.len() as f64 / secs);
    }
    if let Some(prefix) = &args.show {
        for g in gold
            .iter()
            .filter(|g| field(g, "id").starts_with(prefix.as_str()))
        {
            let gold_tokens = score::tokens(field(g, "text")).join(" ");
            println!("== {} {}", field(g, "id"), field(g, "url"));
            for para in preds
                .get(field(g, "id"))
                .map_or("", String::as_str)
                .split("\n\n")
            {
                let mark = if gold_tokens.contains(&score::tokens(para).join(" ")) {
                    ' '
                } else {
                    '+'
                };
                println!("{mark} {}", para.chars().take(160).collect::<String>());
            }
        }
    }
    let mut worst: Vec<&(PageShingles, &Value)> = pages.iter().collect();
    worst.sort_by(|a, b| a.0.f1().total_cmp(&b.0.f1()));
    for (s, g) in worst.iter().take(args.worst) {
        println!(
            "  F1 {:.3} P {:.3} R {:.3}  {}  {}",
            s.f1(),
            s.precision.unwrap_or(0.0),
            s.recall.unwrap_or(0.0),
            &field(g, "id")[..12.min(field(g, "id").len())],
            field(g, "url")
        );
    }
    Ok(())
}

/// The pages of `html.tar.xz` (or of an unpacked `html/` folder) by id.
fn trafilatura_pages(dir: &Path) -> Result<HashMap<String, Vec<u8>>> {
    let mut pages = HashMap::new();
    let unpacked = dir.join("html");
    if unpacked.is_dir() {
        for entry in std::fs::read_dir(&unpacked)? {
            let entry = entry?;
            pages.insert(
                entry.file_name().to_string_lossy().into_owned(),
                std::fs::read(entry.path())?,
            );
        }
        return Ok(pages);
    }
    let path = dir.join("html.tar.xz");
    let mut xz = BufReader::new(
        std::fs::File::open(&path).with_context(|| format!("opening {}", path.display()))?,
    );
    let mut tar = Vec::new();
    lzma_rs::xz_decompress(&mut xz, &mut tar)
        .map_err(|e| anyhow::anyhow!("{}: {e:?}", path.display()))?;
    let mut archive = tar::Archive::new(std::io::Cursor::new(tar));
    for entry in archive.entries()? {
        let mut entry = entry?;
        let name = entry.path()?.to_string_lossy().into_owned();
        let id = name.strip_prefix("html/").unwrap_or(&name).to_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes)?;
        pages.insert(id, bytes);
    }
    Ok(pages)
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn trafilatura_set(dir: &Path, args: &EvalHtmlArgs) -> Result<()> {
    let gold = read_jsonl(&dir.join("gold.jsonl"))?;
    let pages = trafilatura_pages(dir)?;
    let system = args.system.as_deref();
    if !is_extractor(system) {
        bail!("the trafilatura set has no reference outputs; --system takes trafilatura-crate, raw or empty there");
    }
    let name = system.unwrap_or("chronicle");
    let results: Vec<(Segments, Article, f64)> = gold
        .par_iter()
        .map(|g| {
            let html = pages.get(field(g, "id")).map_or(&[][..], Vec::as_slice);
            let (a, t) = run_system(system, html, field(g, "url"));
            (
                score::segment_page(&a.body, &strings(g, "with"), &strings(g, "without")),
                a,
                t,
            )
        })
        .collect();
    let mut total = Segments::default();
    let (mut titles, mut titles_ok, mut dates, mut dates_ok, mut undated, mut invented) =
        (0, 0, 0, 0, 0, 0);
    let mut date_misses = Vec::new();
    let mut title_misses: Vec<(String, String)> = Vec::new();
    for (g, (s, a, _)) in gold.iter().zip(&results) {
        total += *s;
        if let Some(t) = g
            .get("title")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
        {
            titles += 1;
            if a.title.as_deref().map(score::normalize_ws) == Some(score::normalize_ws(t)) {
                titles_ok += 1;
            } else {
                title_misses.push((t.to_owned(), a.title.clone().unwrap_or_default()));
            }
        }
        match g.get("date").and_then(Value::as_str) {
            Some("") => {
                undated += 1;
                invented += usize::from(a.date.is_some());
            }
            Some(d) => {
                dates += 1;
                let got = a.date.map(|x| x.to_string());
                if got.as_deref() == Some(d) {
                    dates_ok += 1;
                } else {
                    date_misses.push((field(g, "id").to_owned(), d.to_owned(), got, a.date_source));
                }
            }
            None => {}
        }
    }
    let secs: f64 = results.iter().map(|r| r.2).sum();
    println!(
        "trafilatura set ({} pages), {name}: precision {:.3}  recall {:.3}  F1 {:.3}  accuracy {:.3}  (tp {} fp {} fn {} tn {})",
        gold.len(), total.precision(), total.recall(), total.f1(), total.accuracy(), total.tp, total.fp, total.fneg, total.tn
    );
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "  title exact {:.3} ({titles_ok}/{titles})",
        pct(titles_ok, titles)
    );
    println!(
        "  date right {:.3} ({dates_ok}/{dates} pages stating one); a date given on {invented}/{undated} pages annotated without one",
        pct(dates_ok, dates)
    );
    if secs > 0.0 {
        println!("  {:.1} pages/s per core", gold.len() as f64 / secs);
    }
    let mut worst: Vec<(usize, &Value, &Segments, &Article)> = gold
        .iter()
        .zip(&results)
        .map(|(g, r)| (r.0.fp + r.0.fneg, g, &r.0, &r.1))
        .collect();
    worst.sort_by_key(|w| std::cmp::Reverse(w.0));
    for (_, g, s, a) in worst.iter().take(args.worst) {
        println!(
            "  fn {} fp {}  {}  ({} chars)",
            s.fneg,
            s.fp,
            field(g, "id"),
            a.body.len()
        );
        let body = score::normalize_ws(&a.body);
        for seg in strings(g, "with")
            .iter()
            .filter(|w| !body.contains(&score::normalize_ws(w)))
        {
            println!("    missing: {}", seg.chars().take(100).collect::<String>());
        }
        for seg in strings(g, "without")
            .iter()
            .filter(|w| body.contains(&score::normalize_ws(w)))
        {
            println!("    kept:    {}", seg.chars().take(100).collect::<String>());
        }
    }
    for (want, got) in title_misses.iter().take(args.worst * 2) {
        println!("  title: gold {want:?}, got {got:?}");
    }
    for (id, want, got, src) in date_misses.iter().take(args.worst * 2) {
        println!(
            "  date {id}: gold {want}, got {} ({})",
            got.as_deref().unwrap_or("none"),
            src.map_or("-", |s| s.as_str())
        );
    }
    Ok(())
}
