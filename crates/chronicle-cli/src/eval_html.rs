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
//!
//! Each figure is also printed for two fixed halves of the dev pages, split
//! by a hash of the page id ([`half_of`]): rules are studied on half `a`
//! (`--half a` lists only its misses), and half `b` shows whether they
//! carry over.

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
    /// List misses only from this half of the pages (`a` or `b`, see
    /// [`half_of`]); the figures are printed for both halves either way.
    #[arg(long, value_parser = ["a", "b"])]
    half: Option<String>,
}

/// The study half (`'a'`) or check half (`'b'`) of a page: the low bit of
/// the 64-bit FNV-1a hash of its id, so the split is fixed and independent
/// of file order.
pub fn half_of(id: &str) -> char {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    if h & 1 == 0 {
        'a'
    } else {
        'b'
    }
}

/// Whether the misses of page `id` are listed under `--half`.
fn listed(args: &EvalHtmlArgs, id: &str) -> bool {
    args.half
        .as_deref()
        .is_none_or(|h| h.starts_with(half_of(id)))
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
    for half in ['a', 'b'] {
        let part: Vec<PageShingles> = pages
            .iter()
            .filter(|(_, g)| half_of(field(g, "id")) == half)
            .map(|p| p.0)
            .collect();
        let (p, r, f1, acc) = score::shingle_corpus(&part);
        println!(
            "  half {half} ({} pages): precision {p:.3}  recall {r:.3}  F1 {f1:.3}  accuracy {acc:.3}",
            part.len()
        );
    }
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
    let mut worst: Vec<&(PageShingles, &Value)> = pages
        .iter()
        .filter(|(_, g)| listed(args, field(g, "id")))
        .collect();
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
    let results: Vec<(Segments, Article, f64, bool)> = gold
        .par_iter()
        .map(|g| {
            let html = pages.get(field(g, "id")).map_or(&[][..], Vec::as_slice);
            let (a, t) = run_system(system, html, field(g, "url"));
            (
                score::segment_page(&a.body, &strings(g, "with"), &strings(g, "without")),
                a,
                t,
                states_gold_date(g, html),
            )
        })
        .collect();
    // Index 0: all pages; 1: half a; 2: half b.
    let mut tally = [Tally::default(); 3];
    let mut date_misses = Vec::new();
    let mut title_misses: Vec<(String, String)> = Vec::new();
    let mut unstated = Vec::new();
    let mut invented = Vec::new();
    for (g, (s, a, _, states)) in gold.iter().zip(&results) {
        let id = field(g, "id");
        let list = listed(args, id);
        let page = Tally::of(g, s, a, *states);
        if list && page.dates > page.stated {
            unstated.push((id, field(g, "date"), a.date.map(|x| x.to_string())));
        }
        let half = if half_of(id) == 'a' { 1 } else { 2 };
        tally[0] += page;
        tally[half] += page;
        if list && page.titles > page.titles_ok {
            let want = field(g, "title").to_owned();
            title_misses.push((want, a.title.clone().unwrap_or_default()));
        }
        if list && page.invented > 0 {
            invented.push((id, a.date.map(|x| x.to_string()), a.date_source));
        }
        if list && page.dates > page.dates_ok {
            let got = a.date.map(|x| x.to_string());
            date_misses.push((
                id.to_owned(),
                field(g, "date").to_owned(),
                got,
                a.date_source,
            ));
        }
    }
    let secs: f64 = results.iter().map(|r| r.2).sum();
    for (i, t) in tally.iter().enumerate() {
        let (s, indent) = (&t.segments, if i == 0 { "" } else { "  " });
        let what = match i {
            0 => format!("trafilatura set ({} pages), {name}", gold.len()),
            1 => format!("half a ({} pages)", t.pages),
            _ => format!("half b ({} pages)", t.pages),
        };
        println!(
            "{indent}{what}: precision {:.3}  recall {:.3}  F1 {:.3}  accuracy {:.3}  (tp {} fp {} fn {} tn {})",
            s.precision(), s.recall(), s.f1(), s.accuracy(), s.tp, s.fp, s.fneg, s.tn
        );
        println!(
            "  {indent}title exact {:.3} ({}/{})",
            pct(t.titles_ok, t.titles),
            t.titles_ok,
            t.titles
        );
        println!(
            "  {indent}date right {:.3} ({}/{} pages stating one); a date given on {}/{} pages annotated without one",
            pct(t.dates_ok, t.dates), t.dates_ok, t.dates, t.invented, t.undated
        );
        println!(
            "  {indent}date right {:.3} ({}/{} pages whose text or metadata states their gold date)",
            pct(t.stated_ok, t.stated), t.stated_ok, t.stated
        );
    }
    if secs > 0.0 {
        println!("  {:.1} pages/s per core", gold.len() as f64 / secs);
    }
    let mut worst: Vec<(usize, &Value, &Segments, &Article)> = gold
        .iter()
        .zip(&results)
        .filter(|(g, _)| listed(args, field(g, "id")))
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
    println!(
        "  gold dates the page does not state ({}; left out of the second date figure):",
        unstated.len()
    );
    for (id, want, got) in &unstated {
        println!(
            "    {id}: gold {want}, got {}",
            got.as_deref().unwrap_or("none")
        );
    }
    for (id, got, src) in invented.iter().take(args.worst * 2) {
        println!(
            "  dated, gold undated {id}: got {} ({})",
            got.as_deref().unwrap_or("none"),
            src.map_or("-", |s| s.as_str())
        );
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

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The trafilatura-set figures of a group of pages.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    pages: usize,
    segments: Segments,
    titles: usize,
    titles_ok: usize,
    /// Pages whose gold states a date, and those we date right.
    dates: usize,
    dates_ok: usize,
    /// Pages annotated as stating no date, and those we date anyway.
    undated: usize,
    invented: usize,
    /// Of `dates`, the pages that state their gold date (see
    /// [`states_gold_date`]), and those we date right.
    stated: usize,
    stated_ok: usize,
}

/// Whether the page states its gold date — that exact day written in its
/// visible text, its metadata or its address, in any date format
/// ([`chronicle_html::stated`]): the pages on which the goal "date right
/// on pages that state one" is measured, decided without hand judgement.
/// A malformed gold date (`2022-01.26`) is stated nowhere.
fn states_gold_date(g: &Value, html: &[u8]) -> bool {
    let url = Some(field(g, "url")).filter(|u| !u.is_empty());
    chronicle_html::stated::states(html, url, field(g, "date"))
}

impl Tally {
    /// One page's figures: `g` its gold record, `s` its segment counts.
    fn of(g: &Value, s: &Segments, a: &Article, states: bool) -> Tally {
        let mut t = Tally {
            pages: 1,
            segments: *s,
            ..Tally::default()
        };
        if let Some(want) = g
            .get("title")
            .and_then(Value::as_str)
            .filter(|w| !w.is_empty())
        {
            t.titles = 1;
            let got = a.title.as_deref().map(score::normalize_ws);
            t.titles_ok = usize::from(got == Some(score::normalize_ws(want)));
        }
        match g.get("date").and_then(Value::as_str) {
            Some("") => {
                t.undated = 1;
                t.invented = usize::from(a.date.is_some());
            }
            Some(want) => {
                t.dates = 1;
                t.dates_ok = usize::from(a.date.map(|x| x.to_string()).as_deref() == Some(want));
                t.stated = usize::from(states);
                t.stated_ok = t.dates_ok * t.stated;
            }
            None => {}
        }
        t
    }
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.pages += o.pages;
        self.segments += o.segments;
        self.titles += o.titles;
        self.titles_ok += o.titles_ok;
        self.dates += o.dates;
        self.dates_ok += o.dates_ok;
        self.undated += o.undated;
        self.invented += o.invented;
        self.stated += o.stated;
        self.stated_ok += o.stated_ok;
    }
}
