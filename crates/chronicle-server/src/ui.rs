//! The web UI and the OpenAPI description, compiled into the binary.
//!
//! Invariants: every asset is a `&'static` built in with `include_str!` /
//! `include_bytes!`; pages load nothing from anywhere else (the
//! Content-Security-Policy says so to the browser as well). The UI routes
//! with URL hashes (`#/search?q=…`, `#/article/ID`), so the server serves
//! one page and every view still has its own URL.

use crate::AppState;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

const INDEX: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const STYLE: &str = include_str!("../assets/style.css");
const WORLD: &str = include_str!("../assets/world.json");
const FAVICON: &str = include_str!("../assets/favicon.svg");
const OPENAPI: &str = include_str!("../assets/openapi.json");

/// Scripts, styles, images and requests from this server only.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(CSP),
            ),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ),
        ],
        body,
    )
        .into_response()
}

pub async fn openapi() -> Response {
    asset("application/json", OPENAPI)
}

/// The UI's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/",
            get(|| async { asset("text/html; charset=utf-8", INDEX) }),
        )
        .route(
            "/assets/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }),
        )
        .route(
            "/assets/style.css",
            get(|| async { asset("text/css; charset=utf-8", STYLE) }),
        )
        .route(
            "/assets/world.json",
            get(|| async { asset("application/json", WORLD) }),
        )
        .route(
            "/favicon.svg",
            get(|| async { asset("image/svg+xml", FAVICON) }),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_openapi_description_is_json_and_names_every_endpoint() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).unwrap();
        assert_eq!(doc["openapi"].as_str().map(|v| &v[..2]), Some("3."));
        for path in [
            "/api/search",
            "/api/quotes",
            "/api/timeline",
            "/api/articles",
            "/api/articles/{id}",
            "/api/speakers",
            "/api/places",
            "/api/stats",
            "/api/health",
            "/api/ingest",
        ] {
            assert!(doc["paths"].get(path).is_some(), "{path} is not described");
        }
    }

    #[test]
    fn pages_reference_no_other_origin() {
        for (name, text) in [
            ("index.html", INDEX),
            ("app.js", APP_JS),
            ("style.css", STYLE),
        ] {
            // The SVG namespace is a name, not a request.
            let text = text.replace("http://www.w3.org/2000/svg", "");
            for bad in ["http://", "https://", "//cdn", "@import"] {
                // Links to an article's own source URL come from the data,
                // never from the assets.
                assert!(!text.contains(bad), "{name} contains {bad}");
            }
        }
    }
}
