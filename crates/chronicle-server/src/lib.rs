//! This crate provides chronicle's HTTP server: a JSON API over the
//! knowledge base (`chronicle-store`) and a web UI built into the binary.
//!
//! - [`app`] builds the router: the read endpoints under `/api` (open), the
//!   ingest endpoint (bearer token), `/api/openapi.json`, and the UI's
//!   assets at `/` — everything served from memory, nothing fetched.
//! - [`serve`] runs it on a listener until Ctrl-C; [`run`] does both on its
//!   own runtime for the command line.
//! - [`demo`] ingests the bundled Wikinews corpus for `chronicle serve --demo`.
//!
//! Invariants: SQLite runs on blocking threads only ([`pool`]); bad input
//! gets a JSON 4xx ([`error`]); query text, result counts and request bodies
//! are bounded ([`params`], [`ingest`]).
//!
//! ```no_run
//! let options = chronicle_server::ServerOptions::new("kb.sqlite".into());
//! chronicle_server::run(options, "127.0.0.1:8080").unwrap();
//! ```

pub mod api;
pub mod cache;
pub mod demo;
pub mod error;
pub mod ingest;
pub mod params;
pub mod pool;
pub mod ui;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::routing::{get, post};
use axum::Router;
use chronicle_pipeline::Pipeline;
use pool::StorePool;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// How to serve a database.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    pub db: PathBuf,
    /// The bearer token that enables `POST /api/ingest`; `None` disables
    /// writing.
    pub token: Option<String>,
    /// Reader connections (and concurrent queries).
    pub readers: usize,
}

impl ServerOptions {
    pub fn new(db: PathBuf) -> ServerOptions {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        ServerOptions {
            db,
            token: None,
            readers: (cores * 2).clamp(2, 16),
        }
    }
}

/// The standard pipeline, loaded on first use (only writing needs it).
#[derive(Default)]
pub struct LazyPipeline(OnceLock<Pipeline>);

impl LazyPipeline {
    pub fn get(&self) -> &Pipeline {
        self.0.get_or_init(Pipeline::standard)
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub pool: Arc<StorePool>,
    pub token: Option<Arc<str>>,
    pub pipeline: Arc<LazyPipeline>,
}

impl AppState {
    /// Opens the database; fails if it cannot be opened or is too new.
    pub fn open(options: &ServerOptions) -> Result<AppState, chronicle_store::StoreError> {
        Ok(AppState {
            pool: Arc::new(StorePool::open(&options.db, options.readers)?),
            token: options
                .token
                .as_deref()
                .filter(|t| !t.is_empty())
                .map(Arc::from),
            pipeline: Arc::new(LazyPipeline::default()),
        })
    }
}

/// The whole application: API, OpenAPI description and UI.
pub fn app(state: AppState) -> Router {
    let write = Router::new()
        .route("/api/ingest", post(ingest::ingest))
        .layer(DefaultBodyLimit::max(ingest::MAX_BODY_BYTES))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            ingest::require_token,
        ));
    let api = Router::new()
        .route("/api/health", get(api::health))
        .route("/api/stats", get(api::stats))
        .route("/api/search", get(api::search))
        .route("/api/quotes", get(api::quotes))
        .route("/api/timeline", get(api::timeline))
        .route("/api/articles", get(api::articles))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/speakers", get(api::speakers))
        .route("/api/places", get(api::places))
        .route("/api/entities", get(api::entity_by_query))
        .route("/api/entities/{name}", get(api::entity))
        .route("/api/figures", get(api::figures))
        .route("/api/events", get(api::events))
        .route("/api/openapi.json", get(ui::openapi))
        .merge(write)
        .route("/api/{*rest}", get(api::not_found).post(api::not_found))
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    Router::new()
        .merge(api)
        .merge(ui::routes())
        .fallback(api::not_found)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(CompressionLayer::new())
        .layer(CatchPanicLayer::new())
        .with_state(state)
}

/// Serves `app` on `listener` until Ctrl-C (or SIGTERM).
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(_) => {
                    let _ = ctrl_c.await;
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}

/// An error starting the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("opening the database: {0}")]
    Store(#[from] chronicle_store::StoreError),
    #[error("listening on {addr}: {source}")]
    Bind {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Opens the database and serves it on `addr` until Ctrl-C, on a runtime of
/// its own. Prints the address once listening.
pub fn run(options: ServerOptions, addr: &str) -> Result<(), ServeError> {
    let state = AppState::open(&options)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind {
                addr: addr.to_owned(),
                source,
            })?;
        let local = listener.local_addr()?;
        eprintln!(
            "chronicle: serving {} on http://{local}/ (writing {}; Ctrl-C stops)",
            options.db.display(),
            if state.token.is_some() {
                "enabled with the token"
            } else {
                "disabled"
            }
        );
        serve(listener, state).await?;
        Ok(())
    })
}
