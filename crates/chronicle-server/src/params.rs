//! Query-string parameters of the read endpoints, and their bounds.
//!
//! Invariants: a parameter the endpoint does not know is refused (a typo
//! should not silently widen a query); an empty value counts as absent (what
//! an HTML form sends for an empty field); text longer than [`MAX_TEXT`]
//! characters and a `limit` outside `1..=`[`MAX_LIMIT`] are refused. Every
//! refusal is an [`ApiError`] with status 400 naming the parameter.

use crate::error::ApiError;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The longest search text, name or id accepted, in characters.
pub const MAX_TEXT: usize = 200;
/// The most results one request returns.
pub const MAX_LIMIT: usize = 200;
/// The largest `offset` accepted by lists.
pub const MAX_OFFSET: usize = 100_000;

/// A query string decoded into `T`, or a JSON 400.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        match Query::<T>::try_from_uri(&parts.uri) {
            Ok(Query(value)) => Ok(Params(value)),
            Err(e) => Err(ApiError::bad_request(e.body_text())),
        }
    }
}

/// `None` for an absent or empty value; an error past [`MAX_TEXT`].
pub fn text(name: &str, value: Option<String>) -> Result<Option<String>, ApiError> {
    match value {
        Some(v) if v.trim().is_empty() => Ok(None),
        Some(v) if v.chars().count() > MAX_TEXT => Err(ApiError::bad_request(format!(
            "{name} is longer than {MAX_TEXT} characters"
        ))),
        other => Ok(other),
    }
}

/// Like [`text`], for a parameter that must be given.
pub fn required_text(name: &str, value: Option<String>) -> Result<String, ApiError> {
    text(name, value)?.ok_or_else(|| ApiError::bad_request(format!("{name} is required")))
}

/// `limit`, `default` when absent.
pub fn limit(value: Option<usize>, default: usize) -> Result<usize, ApiError> {
    match value {
        None => Ok(default),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::bad_request(format!(
            "limit must be between 1 and {MAX_LIMIT}, not {n}"
        ))),
    }
}

/// `offset`, 0 when absent.
pub fn offset(value: Option<usize>) -> Result<usize, ApiError> {
    match value {
        Some(n) if n > MAX_OFFSET => Err(ApiError::bad_request(format!(
            "offset must be at most {MAX_OFFSET}"
        ))),
        other => Ok(other.unwrap_or(0)),
    }
}

/// `GET /api/search`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    pub q: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub place: Option<String>,
    pub limit: Option<usize>,
}

/// `GET /api/quotes`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteParams {
    pub speaker: Option<String>,
    pub about: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub place: Option<String>,
    pub limit: Option<usize>,
}

/// `GET /api/timeline`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineParams {
    pub entity: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub place: Option<String>,
    pub limit: Option<usize>,
}

/// `GET /api/articles`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleListParams {
    pub from: Option<String>,
    pub to: Option<String>,
    pub place: Option<String>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

/// `GET /api/speakers`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerParams {
    pub q: Option<String>,
    pub limit: Option<usize>,
}

/// `GET /api/places`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceParams {
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: Option<usize>,
}

/// `GET /api/entities/{name}` and `GET /api/entities?name=`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityParams {
    pub name: Option<String>,
    /// The most rows in each list of the profile.
    pub limit: Option<usize>,
}

/// `GET /api/figures`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureParams {
    pub category: Option<String>,
    pub entity: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub place: Option<String>,
    pub limit: Option<usize>,
}

/// `GET /api/events`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventParams {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub entity: Option<String>,
    pub place: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    #[test]
    fn empty_means_absent_and_bounds_are_enforced() {
        assert_eq!(text("q", Some("  ".into())).unwrap(), None);
        assert_eq!(
            text("q", Some("NATO".into())).unwrap().as_deref(),
            Some("NATO")
        );
        let long = "é".repeat(MAX_TEXT + 1);
        assert_eq!(
            text("q", Some(long)).unwrap_err().status,
            StatusCode::BAD_REQUEST
        );
        assert!(text("q", Some("é".repeat(MAX_TEXT))).is_ok());
        assert!(required_text("q", None).is_err());
        assert_eq!(limit(None, 20).unwrap(), 20);
        assert!(limit(Some(0), 20).is_err());
        assert!(limit(Some(MAX_LIMIT + 1), 20).is_err());
        assert_eq!(limit(Some(MAX_LIMIT), 20).unwrap(), MAX_LIMIT);
        assert!(offset(Some(MAX_OFFSET + 1)).is_err());
    }
}
