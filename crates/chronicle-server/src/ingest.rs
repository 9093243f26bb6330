//! Writing: `POST /api/ingest` (articles as JSON → pipeline → store) behind
//! a bearer token, and [`annotate_and_store`], shared with the demo.
//!
//! Invariants: with no token set at start writing is disabled (403); a
//! missing or wrong token is refused (401) before the body is read; the
//! token is compared in constant time. Articles are read by the JSON Lines
//! reader (`chronicle-read`), so a record means the same thing here as in a
//! file, and a bad article costs only itself: it is reported by its index
//! and the others are stored.

use crate::error::ApiError;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chronicle_core::Document;
use chronicle_pipeline::{Failure, Pipeline};
use chronicle_read::{read_bytes, InputFormat, Position, ReadError, ReadOptions};
use chronicle_store::{IngestStats, Store, StoreError};
use serde::Serialize;
use serde_json::Value;

/// The largest request body accepted by `POST /api/ingest`.
pub const MAX_BODY_BYTES: usize = 8 << 20;
/// The most articles in one request.
pub const MAX_ARTICLES: usize = 500;
/// Articles written per transaction.
const BATCH: usize = 128;

/// Refuses the request unless it carries the server's bearer token.
pub async fn require_token(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let Some(token) = &state.token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writing is disabled: start the server with --token-env VAR (or --token) to enable ingest",
        ));
    };
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(given) if same_secret(given.as_bytes(), token.as_bytes()) => {
            Ok(next.run(request).await)
        }
        Some(_) => Err(ApiError::new(StatusCode::UNAUTHORIZED, "wrong token")),
        None => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "an Authorization: Bearer TOKEN header is required",
        )),
    }
}

/// Equality whose time does not depend on where the inputs differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// What an ingest did.
#[derive(Debug, Default, Serialize, PartialEq)]
pub struct IngestReport {
    pub schema_version: u32,
    pub added: u64,
    pub new_versions: u64,
    pub unchanged: u64,
    /// Ids of the articles that went through, in request order.
    pub stored: Vec<String>,
    pub failed: Vec<FailedArticle>,
}

/// An article that could not be stored.
#[derive(Debug, Serialize, PartialEq)]
pub struct FailedArticle {
    /// 0-based position in the request.
    pub index: usize,
    pub error: String,
}

pub async fn ingest(
    State(state): State<AppState>,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body.map_err(|e| ApiError::new(e.status(), e.body_text()))?;
    let lines = as_json_lines(&body)?;
    let pipeline = state.pipeline.clone();
    let pool = state.pool.clone();
    let report = pool
        .write(move |store| {
            let opts = ReadOptions {
                format: InputFormat::Jsonl,
                ..ReadOptions::default()
            };
            // Ids default to `api-<ms>:<n>`: unique across requests.
            let name = format!("api-{}.jsonl", unix_millis());
            let docs = read_bytes(&name, lines.as_bytes(), &opts);
            annotate_and_store(pipeline.get(), store, docs.into_iter()).map_err(ApiError::from)
        })
        .await?;
    let status = if report.stored.is_empty() && !report.failed.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, Json(report)).into_response())
}

fn unix_millis() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

/// One article object, or an array of them, as JSON Lines.
fn as_json_lines(body: &[u8]) -> Result<String, ApiError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("request body is not valid JSON: {e}")))?;
    let items = match value {
        Value::Array(items) => items,
        object @ Value::Object(_) => vec![object],
        _ => {
            return Err(ApiError::bad_request(
                "request body must be an article object or an array of them",
            ))
        }
    };
    if items.is_empty() {
        return Err(ApiError::bad_request("no articles in the request"));
    }
    if items.len() > MAX_ARTICLES {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "{} articles in one request; at most {MAX_ARTICLES}",
                items.len()
            ),
        ));
    }
    let mut lines = String::with_capacity(body.len() + items.len());
    for item in &items {
        // Serialising a parsed value cannot fail and never contains a raw
        // line break, so each article is exactly one line.
        lines.push_str(&serde_json::to_string(item).unwrap_or_default());
        lines.push('\n');
    }
    Ok(lines)
}

/// Annotates `docs` with `pipeline` and stores them, `BATCH` per
/// transaction. Read and annotation failures are reported by the 0-based
/// position of their record and do not stop the others.
pub fn annotate_and_store(
    pipeline: &Pipeline,
    store: &mut Store,
    docs: impl Iterator<Item = Result<Document, ReadError>>,
) -> Result<IngestReport, StoreError> {
    let mut report = IngestReport {
        schema_version: crate::api::SCHEMA_VERSION,
        ..IngestReport::default()
    };
    let mut pending: Vec<Document> = Vec::with_capacity(BATCH);
    let mut store_error = None;
    let mut flush = |pending: &mut Vec<Document>, report: &mut IngestReport| {
        if pending.is_empty() {
            return Ok(());
        }
        let stats: IngestStats = store.ingest(pending)?;
        report.added += stats.added;
        report.new_versions += stats.new_versions;
        report.unchanged += stats.unchanged;
        report.stored.extend(pending.drain(..).map(|d| d.id));
        Ok::<(), StoreError>(())
    };
    let mut index = 0usize;
    pipeline.run(docs, |result| {
        let position = index;
        index += 1;
        if store_error.is_some() {
            return;
        }
        let error = match result {
            Ok(doc) => {
                pending.push(doc);
                if pending.len() >= BATCH {
                    if let Err(e) = flush(&mut pending, &mut report) {
                        store_error = Some(e);
                    }
                }
                return;
            }
            Err(Failure::Read(e)) => {
                let at = match e.position {
                    Position::Line(n) => (n as usize).saturating_sub(1),
                    _ => position,
                };
                report.failed.push(FailedArticle {
                    index: at,
                    error: e.reason,
                });
                return;
            }
            Err(Failure::Annotate { id, error, .. }) => format!("article {id}: {error}"),
        };
        report.failed.push(FailedArticle {
            index: position,
            error,
        });
    });
    if let Some(e) = store_error {
        return Err(e);
    }
    flush(&mut pending, &mut report)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret(b"s3cret", b"s3cret"));
        assert!(!same_secret(b"s3cret", b"s3creT"));
        assert!(!same_secret(b"s3cret", b"s3cret2"));
        assert!(!same_secret(b"", b"x"));
    }

    #[test]
    fn bodies_become_one_line_per_article() {
        let lines = as_json_lines(br#"[{"text": "a\nb", "date": "2022-03-16"}, 3]"#).unwrap();
        assert_eq!(lines.lines().count(), 2);
        assert_eq!(
            as_json_lines(br#"{"text": "x"}"#).unwrap().lines().count(),
            1
        );
        for bad in [&b"[]"[..], b"\"text\"", b"{\"text\": ", b"\xff"] {
            assert_eq!(
                as_json_lines(bad).unwrap_err().status,
                StatusCode::BAD_REQUEST
            );
        }
        let many = format!("[{}]", vec!["{}"; MAX_ARTICLES + 1].join(","));
        assert_eq!(
            as_json_lines(many.as_bytes()).unwrap_err().status,
            StatusCode::PAYLOAD_TOO_LARGE
        );
    }
}
