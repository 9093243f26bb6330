//! The knowledge-base queries: `search`, `quotes`, `timeline`, `entity`,
//! `figures` and `events`, each but `entity` with a `--place` filter. Each
//! prints a readable table by default, or hands its rows to
//! [`crate::export`] for JSON, JSON Lines, CSV or Parquet — the same
//! arguments and the same writer for every query, and `chronicle export
//! QUERY …` is the same command with a machine format.

use crate::export::{emit, OutputArgs};
use crate::Outcome;
use anyhow::{bail, Context, Result};
use chronicle_store::{
    EntityProfile, EntityQuery, EventQuery, FigureQuery, PlaceSummary, QuoteQuery, SearchQuery,
    Store, TimelineQuery,
};
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};

/// The database every query reads.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// The knowledge base (made by `chronicle ingest`).
    #[arg(long)]
    db: PathBuf,
}

/// A date range.
#[derive(Debug, Args)]
pub struct DateArgs {
    /// Only results dated on or after this day (YYYY-MM-DD): the
    /// publication date, or for `timeline` the day it happened.
    #[arg(long)]
    from: Option<String>,
    /// Only results dated on or before this day.
    #[arg(long)]
    to: Option<String>,
}

/// A place filter, the same for every query that takes one.
#[derive(Debug, Args)]
pub struct PlaceArgs {
    /// Only results in a sentence naming this place, by any of its names or
    /// a demonym ("Polish"); a country takes the places in it ("Poland"
    /// takes Warsaw); `geonames:ID` names one place. An ambiguous name
    /// means its most mentioned place: a note on stderr says which.
    #[arg(long)]
    place: Option<String>,
}

/// What every listing query takes besides its own filters: the database,
/// the place, the dates and the output.
#[derive(Debug, Args)]
pub struct ListingArgs {
    #[command(flatten)]
    place: PlaceArgs,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    dates: DateArgs,
    #[command(flatten)]
    out: OutputArgs,
}

impl ListingArgs {
    /// Opens the database, resolving and reporting the place filter.
    fn open(&self) -> Result<Store> {
        open_at(&self.db, &self.place)
    }
}

/// A query with its arguments: a top-level command, or under `export`.
#[derive(Debug, Subcommand)]
pub enum Query {
    /// Sentences of the knowledge base matching every word.
    Search(SearchArgs),
    /// Quotes of the knowledge base by speaker, topic and date.
    Quotes(QuotesArgs),
    /// Facts of the knowledge base ordered by the day they happened.
    Timeline(TimelineArgs),
    /// The profile of a person, organisation or place across articles.
    Entity(EntityArgs),
    /// Figures (casualties, troops, money…) by category, entity and date.
    Figures(FiguresArgs),
    /// Events (strikes, meetings, deployments…) joined across reports, in
    /// the order they happened, each with its evidence sentences.
    Events(EventsArgs),
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// A PLOVER event type: ASSAULT, FIGHT, MOBILIZE, AID, CONSULT, AGREE,
    /// REJECT, THREATEN, DEMAND, SANCTION, PROTEST, COERCE, … (any case).
    #[arg(long = "type")]
    kind: Option<String>,
    /// Only events with this actor, target or source (part of the name).
    #[arg(long)]
    entity: Option<String>,
    #[command(flatten)]
    listing: ListingArgs,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words that must all appear in the sentence.
    text: String,
    #[command(flatten)]
    listing: ListingArgs,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// The speaker: part of the name as written, or any name, alias or
    /// role of the person (case-insensitive).
    #[arg(long)]
    speaker: Option<String>,
    /// Words the quote must contain.
    #[arg(long)]
    about: Option<String>,
    #[command(flatten)]
    listing: ListingArgs,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Only sentences naming this entity (part of the name as written, or
    /// any name of the entity).
    #[arg(long)]
    entity: Option<String>,
    #[command(flatten)]
    listing: ListingArgs,
}

#[derive(Debug, Args)]
pub struct EntityArgs {
    /// A name, alias or role ("Stoltenberg", "NATO Secretary General").
    name: String,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct FiguresArgs {
    /// killed, injured, missing, arrested, displaced, troops, money,
    /// distance, percent or other.
    #[arg(long)]
    category: Option<String>,
    /// Only figures in a sentence naming this entity.
    #[arg(long)]
    entity: Option<String>,
    #[command(flatten)]
    listing: ListingArgs,
}

/// Runs a query; `export` forces a machine format.
pub fn run(query: Query, export: bool) -> Result<Outcome> {
    match query {
        Query::Search(a) => {
            let l = a.listing;
            let hits = l.open()?.search(&SearchQuery {
                text: a.text,
                from: l.dates.from,
                to: l.dates.to,
                place: l.place.place,
                limit: l.out.limit,
            })?;
            emit(&hits, &l.out, export, "sentence", |h| {
                let title = h.title.as_deref().unwrap_or("");
                println!("{}  {}  {title}", h.date, h.article);
                println!("    {}\n", squash(&h.highlighted));
            })
        }
        Query::Quotes(a) => {
            let l = a.listing;
            let hits = l.open()?.quotes(&QuoteQuery {
                speaker: a.speaker,
                about: a.about,
                from: l.dates.from,
                to: l.dates.to,
                place: l.place.place,
                limit: l.out.limit,
            })?;
            emit(&hits, &l.out, export, "quote", |h| {
                let who = h.speaker.as_deref().unwrap_or("(unknown)");
                let text = squash(&h.text);
                println!("{}  {who:<24} {:<9} “{text}”", h.date, h.kind);
            })
        }
        Query::Timeline(a) => {
            let l = a.listing;
            let hits = l.open()?.timeline(&TimelineQuery {
                entity: a.entity,
                from: l.dates.from,
                to: l.dates.to,
                place: l.place.place,
                limit: l.out.limit,
            })?;
            emit(&hits, &l.out, export, "dated sentence", |h| {
                let (day, when) = (&h.day, &h.when);
                let event = h
                    .event
                    .as_deref()
                    .map(|e| format!("{e} "))
                    .unwrap_or_default();
                println!(
                    "{day}  {event}({when:?}, reported {} in {})",
                    h.reported, h.article
                );
                println!("    {}\n", squash(&h.sentence));
            })
        }
        Query::Figures(a) => {
            let l = a.listing;
            let hits = l.open()?.figures(&FigureQuery {
                category: a.category,
                entity: a.entity,
                from: l.dates.from,
                to: l.dates.to,
                place: l.place.place,
                limit: l.out.limit,
            })?;
            emit(&hits, &l.out, export, "figure", |h| {
                let counted = h.counted.as_deref().unwrap_or("");
                println!(
                    "{}  {:<10} {:<16} {counted:<20} {}",
                    h.date,
                    h.category,
                    squash(&h.text),
                    h.article
                );
                println!("    {}\n", squash(&h.sentence));
            })
        }
        Query::Events(a) => {
            let l = a.listing;
            let hits = l.open()?.events(&EventQuery {
                kind: a.kind,
                entity: a.entity,
                place: l.place.place,
                from: l.dates.from,
                to: l.dates.to,
                dated_only: false,
                limit: l.out.limit,
            })?;
            emit(&hits, &l.out, export, "event", |h| {
                let day = if h.dated {
                    h.day.clone()
                } else {
                    format!("~{}", h.day)
                };
                let mut parts = vec![h.kind.clone()];
                for (label, value) in [("by", &h.actor), ("to", &h.target), ("in", &h.place)] {
                    if let Some(v) = value {
                        parts.push(format!("{label} {}", squash(v)));
                    }
                }
                let reports = if h.articles == 1 { "report" } else { "reports" };
                println!("{day:<11} {}  ({} {reports})", parts.join(" "), h.articles);
                for e in &h.evidence {
                    println!("    {}  {}  {}", e.date, e.article, squash(&e.sentence));
                }
                println!();
            })
        }
        Query::Entity(a) => {
            let store = open(&a.db)?;
            let query = EntityQuery {
                name: a.name,
                limit: a.out.limit,
            };
            let Some(profile) = store.entity_profile(&query)? else {
                bail!(
                    "no entity in {} is called {:?}",
                    a.db.db.display(),
                    query.name
                );
            };
            emit(
                std::slice::from_ref(&profile),
                &a.out,
                export,
                "entity",
                print_profile,
            )
        }
    }
}

fn open(db: &DbArgs) -> Result<Store> {
    open_path(&db.db)
}

fn open_path(db: &Path) -> Result<Store> {
    Store::open(db).with_context(|| format!("opening {}", db.display()))
}

/// Opens the database and, for a place filter, says on stderr which place
/// the name was taken to mean and what else it may mean.
fn open_at(db: &DbArgs, place: &PlaceArgs) -> Result<Store> {
    let store = open(db)?;
    if let Some(name) = &place.place {
        match store.resolve_place(name)? {
            None => eprintln!(
                "chronicle: no place in {} is called {name:?}",
                db.db.display()
            ),
            Some(p) => {
                let mut note = format!(
                    "chronicle: place {name:?} is {}",
                    place_summary(&PlaceSummary {
                        name: p.name,
                        geonameid: p.geonameid,
                        country: p.country,
                        mentions: p.mentions,
                    })
                );
                if p.is_country {
                    note.push_str(", with the places in it");
                }
                if !p.others.is_empty() {
                    let others: Vec<String> = p.others.iter().map(place_summary).collect();
                    note.push_str(&format!("; it may also mean {}", others.join(" · ")));
                }
                eprintln!("{note}");
            }
        }
    }
    Ok(store)
}

fn place_summary(p: &PlaceSummary) -> String {
    let mut about = Vec::new();
    if let Some(c) = &p.country {
        about.push(c.clone());
    }
    if let Some(id) = p.geonameid {
        about.push(format!("geonames:{id}"));
    }
    about.push(format!("{} mentions", p.mentions));
    format!("{} ({})", p.name, about.join(", "))
}

fn print_profile(p: &EntityProfile) {
    println!(
        "{} ({}) — {} mentions in {} articles",
        p.name, p.kind, p.mentions, p.articles
    );
    let list = |items: Vec<String>| items.join(" · ");
    println!(
        "  also written  {}",
        list(
            p.aliases
                .iter()
                .map(|a| format!("{} ×{}", a.text, a.mentions))
                .collect()
        )
    );
    if !p.roles.is_empty() {
        println!("  roles");
        for r in &p.roles {
            println!(
                "    {:<40} {} – {} ({} articles)",
                r.role, r.first, r.last, r.articles
            );
        }
    }
    println!("  mentions per month");
    let most = p
        .months
        .iter()
        .map(|m| m.mentions)
        .max()
        .unwrap_or(1)
        .max(1);
    for m in &p.months {
        let bar = "█".repeat(((m.mentions * 40 + most - 1) / most) as usize);
        println!("    {}  {bar} {}", m.month, m.mentions);
    }
    if !p.neighbours.is_empty() {
        println!(
            "  most often beside  {}",
            list(
                p.neighbours
                    .iter()
                    .map(|n| format!("{} ({})", n.name, n.articles))
                    .collect()
            )
        );
    }
    for (title, quotes) in [
        ("latest quotes by", &p.quotes_by),
        ("latest quotes about", &p.quotes_about),
    ] {
        if quotes.is_empty() {
            continue;
        }
        println!("  {title}");
        for q in quotes {
            let who = q.speaker.as_deref().unwrap_or("(unknown)");
            println!("    {}  {who:<24} “{}”", q.date, squash(&q.text));
        }
    }
    if !p.others.is_empty() {
        println!(
            "  the name may also mean  {}",
            list(
                p.others
                    .iter()
                    .map(|o| format!("{} ({}, {} mentions)", o.name, o.kind, o.mentions))
                    .collect()
            )
        );
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
