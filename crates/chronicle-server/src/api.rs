//! The read endpoints of the JSON API: each checks its parameters
//! ([`crate::params`]), runs one store query on the pool and answers
//! `{"schema_version", "count", "results"}` (or the one object asked for).
//!
//! `entity` answers one entity's profile (404 when the name is unknown) and
//! `figures` the numbers the reports give, each with its sentence; `events`
//! the events joined across reports with their evidence. The list answers
//! are kept between ingests ([`crate::cache`]). Every list of results but
//! speakers and places takes `place=`, a place filter
//! (`chronicle_store`'s `place_filter`), and then says in `place` which
//! place the name was taken to mean.

use crate::error::ApiError;
use crate::params::{self, Params};
use crate::AppState;
use axum::extract::{Path, State};
use axum::Json;
use chronicle_store::{
    ArticleListQuery, EntityQuery, EventQuery, FigureQuery, PlaceMatch, QuoteQuery, SearchQuery,
    TimelineQuery,
};
use serde::Serialize;
use serde_json::{json, Value};

/// The output contract version (`docs/SCHEMA.md`).
pub const SCHEMA_VERSION: u32 = 1;

/// A list answer.
#[derive(Debug, Serialize)]
pub struct Results<T> {
    pub schema_version: u32,
    pub count: usize,
    pub results: Vec<T>,
    /// With a `place` parameter: the place it was taken to mean, with the
    /// others it may mean (`null` when no place has that name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Option<PlaceMatch>>,
}

fn results<T>(results: Vec<T>) -> Json<Results<T>> {
    Json(wrap(results))
}

fn wrap<T>(results: Vec<T>) -> Results<T> {
    Results {
        schema_version: SCHEMA_VERSION,
        count: results.len(),
        results,
        place: None,
    }
}

/// [`wrap`], saying which place a `place` parameter was taken to mean.
fn wrap_at<T>(
    store: &chronicle_store::Store,
    results: Vec<T>,
    place: Option<&str>,
) -> Result<Results<T>, chronicle_store::StoreError> {
    let mut answer = wrap(results);
    if let Some(name) = place {
        answer.place = Some(store.resolve_place(name)?);
    }
    Ok(answer)
}

/// A JSON answer already serialised (kept between ingests, [`crate::cache`]).
pub struct JsonBytes(pub axum::body::Bytes);

impl axum::response::IntoResponse for JsonBytes {
    fn into_response(self) -> axum::response::Response {
        (
            [(
                axum::http::header::CONTENT_TYPE,
                axum::http::HeaderValue::from_static("application/json"),
            )],
            self.0,
        )
            .into_response()
    }
}

/// Runs a list query on the pool, its answer kept under the endpoint and
/// the query's every parameter (its `place` among them) until the next
/// ingest.
async fn cached_list<Q, T, F>(
    state: &AppState,
    endpoint: &str,
    query: Q,
    place: Option<String>,
    run: F,
) -> Result<JsonBytes, ApiError>
where
    Q: std::fmt::Debug + Send + 'static,
    T: Serialize,
    F: FnOnce(&chronicle_store::Store, &Q) -> Result<Vec<T>, chronicle_store::StoreError>
        + Send
        + 'static,
{
    let key = format!("{endpoint} {query:?}");
    let bytes = state
        .pool
        .read_json(key, move |s| wrap_at(s, run(s, &query)?, place.as_deref()))
        .await?;
    Ok(JsonBytes(bytes))
}

pub async fn health(State(state): State<AppState>) -> Json<Value> {
    Json(json!({
        "status": "ok",
        "schema_version": SCHEMA_VERSION,
        "writable": state.token.is_some(),
        "version": env!("CARGO_PKG_VERSION"),
    }))
}

pub async fn stats(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let stats = state.pool.read(|s| s.stats()).await?;
    let mut value = serde_json::to_value(stats).map_err(|e| ApiError::internal("stats", e))?;
    value["schema_version"] = SCHEMA_VERSION.into();
    Ok(Json(value))
}

pub async fn search(
    State(state): State<AppState>,
    Params(p): Params<params::SearchParams>,
) -> Result<JsonBytes, ApiError> {
    let query = SearchQuery {
        text: params::required_text("q", p.q)?,
        from: params::text("from", p.from)?,
        to: params::text("to", p.to)?,
        place: params::text("place", p.place)?,
        limit: params::limit(p.limit, 20)?,
    };
    let place = query.place.clone();
    cached_list(&state, "search", query, place, |s, q| s.search(q)).await
}

pub async fn quotes(
    State(state): State<AppState>,
    Params(p): Params<params::QuoteParams>,
) -> Result<JsonBytes, ApiError> {
    let query = QuoteQuery {
        speaker: params::text("speaker", p.speaker)?,
        about: params::text("about", p.about)?,
        from: params::text("from", p.from)?,
        to: params::text("to", p.to)?,
        place: params::text("place", p.place)?,
        limit: params::limit(p.limit, 50)?,
    };
    let place = query.place.clone();
    cached_list(&state, "quotes", query, place, |s, q| s.quotes(q)).await
}

pub async fn timeline(
    State(state): State<AppState>,
    Params(p): Params<params::TimelineParams>,
) -> Result<JsonBytes, ApiError> {
    let query = TimelineQuery {
        entity: params::text("entity", p.entity)?,
        from: params::text("from", p.from)?,
        to: params::text("to", p.to)?,
        place: params::text("place", p.place)?,
        limit: params::limit(p.limit, 50)?,
    };
    let place = query.place.clone();
    cached_list(&state, "timeline", query, place, |s, q| s.timeline(q)).await
}

pub async fn articles(
    State(state): State<AppState>,
    Params(p): Params<params::ArticleListParams>,
) -> Result<Json<Results<chronicle_store::ArticleSummary>>, ApiError> {
    let query = ArticleListQuery {
        from: params::text("from", p.from)?,
        to: params::text("to", p.to)?,
        place: params::text("place", p.place)?,
        limit: params::limit(p.limit, 20)?,
        offset: params::offset(p.offset)?,
    };
    Ok(Json(
        state
            .pool
            .read(move |s| {
                let found = s.articles(&query)?;
                wrap_at(s, found, query.place.as_deref())
            })
            .await?,
    ))
}

pub async fn article(
    State(state): State<AppState>,
    id: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let Path(id) = id.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let id = params::required_text("id", Some(id))?;
    let lookup = id.clone();
    match state.pool.read(move |s| s.article(&lookup)).await? {
        Some(view) => Ok(Json(
            serde_json::to_value(view).map_err(|e| ApiError::internal("article", e))?,
        )),
        None => Err(ApiError::not_found(format!("no article with id {id:?}"))),
    }
}

pub async fn speakers(
    State(state): State<AppState>,
    Params(p): Params<params::SpeakerParams>,
) -> Result<Json<Results<chronicle_store::SpeakerCount>>, ApiError> {
    let name = params::text("q", p.q)?;
    let limit = params::limit(p.limit, 50)?;
    Ok(results(
        state
            .pool
            .read(move |s| s.speakers(name.as_deref(), limit))
            .await?,
    ))
}

pub async fn places(
    State(state): State<AppState>,
    Params(p): Params<params::PlaceParams>,
) -> Result<Json<Results<chronicle_store::PlaceCount>>, ApiError> {
    let from = params::text("from", p.from)?;
    let to = params::text("to", p.to)?;
    let limit = params::limit(p.limit, 200)?;
    Ok(results(
        state
            .pool
            .read(move |s| s.place_counts(from.as_deref(), to.as_deref(), limit))
            .await?,
    ))
}

/// `GET /api/entities/{name}`: the entity profile of a name.
pub async fn entity(
    State(state): State<AppState>,
    name: Result<Path<String>, axum::extract::rejection::PathRejection>,
    Params(p): Params<params::EntityParams>,
) -> Result<Json<Value>, ApiError> {
    let Path(name) = name.map_err(|e| ApiError::bad_request(e.body_text()))?;
    if p.name.is_some() {
        return Err(ApiError::bad_request(
            "give the name in the path or as ?name=, not both",
        ));
    }
    entity_profile(state, Some(name), p).await
}

/// `GET /api/entities?name=`: the same, for names a path cannot carry well.
pub async fn entity_by_query(
    State(state): State<AppState>,
    Params(p): Params<params::EntityParams>,
) -> Result<Json<Value>, ApiError> {
    entity_profile(state, p.name.clone(), p).await
}

async fn entity_profile(
    state: AppState,
    name: Option<String>,
    p: params::EntityParams,
) -> Result<Json<Value>, ApiError> {
    let query = EntityQuery {
        name: params::required_text("name", name)?,
        limit: params::limit(p.limit, 10)?,
    };
    let name = query.name.clone();
    match state.pool.read(move |s| s.entity_profile(&query)).await? {
        Some(profile) => {
            let mut value =
                serde_json::to_value(profile).map_err(|e| ApiError::internal("entity", e))?;
            value["schema_version"] = SCHEMA_VERSION.into();
            Ok(Json(value))
        }
        None => Err(ApiError::not_found(format!("no entity named {name:?}"))),
    }
}

/// `GET /api/figures`.
pub async fn figures(
    State(state): State<AppState>,
    Params(p): Params<params::FigureParams>,
) -> Result<JsonBytes, ApiError> {
    let query = FigureQuery {
        category: params::text("category", p.category)?,
        entity: params::text("entity", p.entity)?,
        from: params::text("from", p.from)?,
        to: params::text("to", p.to)?,
        place: params::text("place", p.place)?,
        limit: params::limit(p.limit, 50)?,
    };
    let place = query.place.clone();
    cached_list(&state, "figures", query, place, |s, q| s.figures(q)).await
}

/// `GET /api/events`: events joined across reports, in the order they
/// happened, each with its evidence sentences.
pub async fn events(
    State(state): State<AppState>,
    Params(p): Params<params::EventParams>,
) -> Result<JsonBytes, ApiError> {
    let query = EventQuery {
        kind: params::text("type", p.kind)?,
        entity: params::text("entity", p.entity)?,
        place: params::text("place", p.place)?,
        from: params::text("from", p.from)?,
        to: params::text("to", p.to)?,
        dated_only: false,
        limit: params::limit(p.limit, 50)?,
    };
    let place = query.place.clone();
    cached_list(&state, "events", query, place, |s, q| s.events(q)).await
}

/// Unknown paths under `/api`.
pub async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!("no endpoint {}", uri.path()))
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::new(
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        "method not allowed on this endpoint",
    )
}
