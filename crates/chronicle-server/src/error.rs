//! The one place where errors become HTTP responses.
//!
//! Invariant: every error the API returns is JSON, `{"error": {"status",
//! "message"}}`. Bad input (a malformed query string, a bad date, an
//! oversized body) is a 4xx naming the problem; only a failure of the server
//! itself is a 5xx, and its details go to the log, not to the client.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chronicle_store::StoreError;
use serde_json::json;

/// An error answered to the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// A failure of the server: logged in full, answered as a bare 500.
    pub fn internal(context: &str, detail: impl std::fmt::Display) -> ApiError {
        eprintln!("chronicle serve: error: {context}: {detail}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("internal error ({context}); see the server log"),
        )
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::Query(message) => ApiError::bad_request(message),
            other => ApiError::internal("database", other),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"status": self.status.as_u16(), "message": self.message}});
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_query_errors_are_the_clients_fault_and_others_are_not() {
        let e: ApiError = StoreError::Query("\"x\" is not a date".into()).into();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        let e: ApiError = database_error().into();
        assert_eq!(e.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(
            !e.message.contains("not a database"),
            "details stay in the log"
        );
    }

    /// A real database error: opening a file that is not a database.
    fn database_error() -> StoreError {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.sqlite");
        std::fs::write(&path, vec![b'x'; 4096]).unwrap();
        chronicle_store::Store::open(&path).unwrap_err()
    }
}
