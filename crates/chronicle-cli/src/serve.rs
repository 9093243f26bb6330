//! `chronicle serve`: the HTTP API and web UI over a knowledge base
//! (`chronicle-server`), or over the bundled demo corpus with `--demo`.

use crate::Outcome;
use anyhow::{bail, Context, Result};
use chronicle_server::{demo, ServerOptions};
use clap::Args;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The database file (created if missing). With --demo, the bundled
    /// corpus is ingested into it first; without, a temporary one is used.
    #[arg(long, required_unless_present = "demo")]
    db: Option<PathBuf>,
    /// Address to listen on. Read endpoints are open to whoever can reach it:
    /// keep the default loopback address unless you mean to share.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Name of an environment variable holding the bearer token that enables
    /// POST /api/ingest (without a token, writing is disabled).
    #[arg(long, value_name = "VAR", conflicts_with = "token")]
    token_env: Option<String>,
    /// The bearer token itself (visible in the process list: prefer --token-env).
    #[arg(long)]
    token: Option<String>,
    /// Serve the bundled Wikinews corpus (796 articles, 2019–2024).
    #[arg(long)]
    demo: bool,
}

pub fn run(args: ServeArgs) -> Result<Outcome> {
    let token = match (&args.token_env, args.token) {
        (Some(var), _) => {
            let value = std::env::var(var)
                .with_context(|| format!("--token-env {var}: the variable is not set"))?;
            if value.trim().is_empty() {
                bail!("--token-env {var}: the variable is empty");
            }
            Some(value.trim().to_owned())
        }
        (None, Some(token)) if token.trim().is_empty() => bail!("--token is empty"),
        (None, token) => token.map(|t| t.trim().to_owned()),
    };
    // Kept alive while serving: the temporary demo database lives in it.
    let mut _scratch = None;
    let db = match (args.db, args.demo) {
        (Some(db), _) => db,
        (None, _) => {
            let dir = tempfile::tempdir().context("creating a temporary folder")?;
            let db = dir.path().join("chronicle-demo.sqlite");
            _scratch = Some(dir);
            db
        }
    };
    if args.demo {
        eprintln!(
            "chronicle: ingesting the bundled corpus ({}) into {} …",
            demo::CORPUS_NAME,
            db.display()
        );
        let start = Instant::now();
        let report = demo::prepare(&db).with_context(|| format!("preparing {}", db.display()))?;
        eprintln!(
            "chronicle: {} added, {} unchanged, {} failed in {:.1} s",
            report.added,
            report.unchanged,
            report.failed.len(),
            start.elapsed().as_secs_f64()
        );
        for f in &report.failed {
            eprintln!(
                "error: {}: record {}: {}",
                demo::CORPUS_NAME,
                f.index + 1,
                f.error
            );
        }
    }
    let mut options = ServerOptions::new(db);
    options.token = token;
    chronicle_server::run(options, &args.addr)?;
    Ok(Outcome::Clean)
}
