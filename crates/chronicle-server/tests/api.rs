//! The HTTP API in process: the router answers requests through
//! `tower::ServiceExt::oneshot`, on a database written through the API's own
//! ingest endpoint.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use chronicle_server::{app, AppState, ServerOptions};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

const TOKEN: &str = "test-token-0123456789";

fn articles() -> Value {
    json!([
        {
            "id": "t-ministers",
            "url": "https://example.org/ministers",
            "title": "Defence ministers meet",
            "date": "2022-03-16",
            "text": "Defence ministers of NATO met in Brussels on Wednesday.\n\n\"We will defend every inch of allied territory,\" Secretary General Jens Stoltenberg said.\n\nAt least 35 people were killed on Sunday in western Ukraine, officials said."
        },
        {
            "id": "t-harbour",
            "title": "Harbour reopens",
            "date": "2021-06-02",
            "text": "The harbour of Lisbon reopened on Tuesday after a storm. \"Ships are moving again,\" said port director Ana Costa."
        }
    ])
}

struct Server {
    _dir: tempfile::TempDir,
    state: AppState,
}

fn server(token: Option<&str>) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let mut options = ServerOptions::new(dir.path().join("kb.sqlite"));
    options.token = token.map(str::to_owned);
    let state = AppState::open(&options).unwrap();
    Server { _dir: dir, state }
}

async fn send(s: &Server, request: Request<Body>) -> (StatusCode, Value, axum::http::HeaderMap) {
    let response = app(s.state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, value, headers)
}

async fn get(s: &Server, uri: &str) -> (StatusCode, Value) {
    let (status, value, _) = send(s, Request::get(uri).body(Body::empty()).unwrap()).await;
    (status, value)
}

fn post_ingest(body: impl Into<Body>, token: Option<&str>) -> Request<Body> {
    let mut request = Request::post("/api/ingest").header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    request.body(body.into()).unwrap()
}

async fn loaded() -> Server {
    let s = server(Some(TOKEN));
    let (status, report, _) = send(&s, post_ingest(articles().to_string(), Some(TOKEN))).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["added"], 2, "{report}");
    s
}

/// The status and the error message of a request that must fail with JSON.
async fn refused(s: &Server, uri: &str) -> (StatusCode, String) {
    let (status, body) = get(s, uri).await;
    let message = body["error"]["message"]
        .as_str()
        .unwrap_or_else(|| panic!("{uri}: no JSON error in {body}"))
        .to_owned();
    assert_eq!(body["error"]["status"], status.as_u16());
    (status, message)
}

#[tokio::test]
async fn writing_needs_the_token_and_is_off_without_one() {
    let closed = server(None);
    let (status, body, _) = send(&closed, post_ingest(articles().to_string(), Some(TOKEN))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("disabled"));

    let s = server(Some(TOKEN));
    let (status, _, headers) = send(&s, post_ingest(articles().to_string(), None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(headers[header::WWW_AUTHENTICATE], "Bearer");
    let (status, _, _) = send(&s, post_ingest(articles().to_string(), Some("wrong"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = send(&s, post_ingest(articles().to_string(), Some(&TOKEN[1..]))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, stats) = get(&s, "/api/stats").await;
    assert_eq!(stats["articles"], 0, "nothing was written");

    let (status, report, _) = send(&s, post_ingest(articles().to_string(), Some(TOKEN))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(report["stored"], json!(["t-ministers", "t-harbour"]));
    // The same texts again change nothing.
    let (_, again, _) = send(&s, post_ingest(articles().to_string(), Some(TOKEN))).await;
    assert_eq!(
        (again["added"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(2))
    );
}

#[tokio::test]
async fn bad_articles_cost_only_themselves() {
    let s = server(Some(TOKEN));
    let body = json!([
        {"id": "ok", "date": "2022-03-16", "text": "NATO met in Brussels."},
        {"id": "no-date", "text": "Undated text."},
        {"id": "bad-date", "date": "2022-13-45", "text": "Impossible date."},
        {"id": "empty", "date": "2022-03-16", "text": ""},
        "not an object"
    ]);
    let (status, report, _) = send(&s, post_ingest(body.to_string(), Some(TOKEN))).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["stored"], json!(["ok"]));
    let failed: Vec<u64> = report["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["index"].as_u64().unwrap())
        .collect();
    assert_eq!(failed, [1, 2, 3, 4], "{report}");

    let (status, report, _) = send(
        &s,
        post_ingest(
            json!({"id": "x", "text": "no date"}).to_string(),
            Some(TOKEN),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{report}");

    for (body, want) in [
        ("{\"text\": ", StatusCode::BAD_REQUEST),
        ("[]", StatusCode::BAD_REQUEST),
        ("42", StatusCode::BAD_REQUEST),
        ("\u{0}\u{1}", StatusCode::BAD_REQUEST),
    ] {
        let (status, value, _) = send(&s, post_ingest(body, Some(TOKEN))).await;
        assert_eq!(status, want, "{body:?}: {value}");
        assert!(value["error"]["message"].is_string());
    }
    let huge = vec![b' '; chronicle_server::ingest::MAX_BODY_BYTES + 1];
    let (status, value, _) = send(&s, post_ingest(huge, Some(TOKEN))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{value}");
    assert!(value["error"]["message"].is_string());
}

#[tokio::test]
async fn queries_answer_from_the_stored_articles() {
    let s = loaded().await;
    let (status, hits) = get(&s, "/api/search?q=ministers+brussels").await;
    assert_eq!(status, StatusCode::OK, "{hits}");
    assert_eq!(hits["schema_version"], 1);
    assert_eq!(hits["count"], 1);
    assert_eq!(hits["results"][0]["article"], "t-ministers");
    assert!(hits["results"][0]["highlighted"]
        .as_str()
        .unwrap()
        .contains("[Brussels]"));
    let (_, none) = get(&s, "/api/search?q=brussels&to=2021-12-31").await;
    assert_eq!(none["count"], 0);

    let (_, quotes) = get(&s, "/api/quotes?speaker=stoltenberg").await;
    assert_eq!(quotes["count"], 1, "{quotes}");
    assert!(quotes["results"][0]["text"]
        .as_str()
        .unwrap()
        .contains("every inch"));
    let (_, speakers) = get(&s, "/api/speakers").await;
    let names: Vec<&str> = speakers["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["speaker"].as_str())
        .collect();
    assert!(
        names.iter().any(|n| n.contains("Stoltenberg")),
        "{speakers}"
    );

    let (_, timeline) = get(&s, "/api/timeline?from=2022-03-01&to=2022-03-31").await;
    let days: Vec<&str> = timeline["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["day"].as_str())
        .collect();
    assert!(
        days.contains(&"2022-03-13"),
        "Sunday before 16 March: {timeline}"
    );
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "ordered by day");

    let (_, list) = get(&s, "/api/articles?limit=1").await;
    assert_eq!(list["results"][0]["article"], "t-ministers", "newest first");
    let (_, list) = get(&s, "/api/articles?limit=1&offset=1").await;
    assert_eq!(list["results"][0]["article"], "t-harbour");

    let (status, view) = get(&s, "/api/articles/t-ministers").await;
    assert_eq!(status, StatusCode::OK);
    let article = &view["article"];
    assert_eq!(article["schema_version"], 1);
    let body: Vec<char> = article["body"].as_str().unwrap().chars().collect();
    for layer in [
        "sentences",
        "entities",
        "timexes",
        "quotes",
        "figures",
        "places",
    ] {
        assert!(article[layer].is_array(), "{layer} missing");
    }
    for e in article["entities"].as_array().unwrap() {
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        let text: String = body[start..end].iter().collect();
        assert_eq!(
            text,
            e["text"].as_str().unwrap(),
            "offsets are code points into body"
        );
    }
    let (_, stats) = get(&s, "/api/stats").await;
    assert_eq!(stats["articles"], 2);
    let (_, health) = get(&s, "/api/health").await;
    assert_eq!(health["writable"], true);
}

#[tokio::test]
async fn bad_requests_get_a_json_4xx() {
    let s = loaded().await;
    let long = "a".repeat(chronicle_server::params::MAX_TEXT + 1);
    let cases = [
        ("/api/search", StatusCode::BAD_REQUEST, "q is required"),
        ("/api/search?q=", StatusCode::BAD_REQUEST, "q is required"),
        (
            "/api/search?q=%20%2C%2C",
            StatusCode::BAD_REQUEST,
            "nothing to search",
        ),
        (
            &format!("/api/search?q={long}"),
            StatusCode::BAD_REQUEST,
            "longer than",
        ),
        (
            "/api/search?q=nato&limit=0",
            StatusCode::BAD_REQUEST,
            "limit",
        ),
        (
            "/api/search?q=nato&limit=100000",
            StatusCode::BAD_REQUEST,
            "limit",
        ),
        (
            "/api/search?q=nato&limit=ten",
            StatusCode::BAD_REQUEST,
            "limit",
        ),
        (
            "/api/search?q=nato&limit=-1",
            StatusCode::BAD_REQUEST,
            "limit",
        ),
        (
            "/api/search?q=nato&from=yesterday",
            StatusCode::BAD_REQUEST,
            "not a date",
        ),
        (
            "/api/search?q=nato&sort=date",
            StatusCode::BAD_REQUEST,
            "sort",
        ),
        (
            "/api/quotes?to=2022-02-30",
            StatusCode::BAD_REQUEST,
            "not a date",
        ),
        (
            "/api/timeline?from=20220301",
            StatusCode::BAD_REQUEST,
            "not a date",
        ),
        (
            "/api/articles?offset=99999999999",
            StatusCode::BAD_REQUEST,
            "offset",
        ),
        (
            "/api/articles/no-such-article",
            StatusCode::NOT_FOUND,
            "no article",
        ),
        (
            &format!("/api/articles/{long}"),
            StatusCode::BAD_REQUEST,
            "longer than",
        ),
        ("/api/nothing-here", StatusCode::NOT_FOUND, "no endpoint"),
        ("/api/search?q=%FF%FE", StatusCode::BAD_REQUEST, ""),
    ];
    for (uri, want, says) in cases {
        let (status, message) = refused(&s, uri).await;
        assert_eq!(status, want, "{uri}: {message}");
        assert!(
            message.contains(says),
            "{uri}: {message:?} should say {says:?}"
        );
    }
    let (status, body, _) = send(
        &s,
        Request::builder()
            .method(Method::DELETE)
            .uri("/api/search?q=nato")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(body["error"]["message"].is_string());
}

#[tokio::test]
async fn entity_profiles_answer_by_name_surname_or_query() {
    let s = loaded().await;
    let (status, profile) = get(&s, "/api/entities/Stoltenberg").await;
    assert_eq!(status, StatusCode::OK, "{profile}");
    assert_eq!(profile["schema_version"], 1);
    assert_eq!(profile["name"], "Jens Stoltenberg", "{profile}");
    assert_eq!(profile["type"], "PER");
    assert_eq!(profile["articles"], 1);
    assert_eq!(profile["months"][0]["month"], "2022-03", "{profile}");
    assert!(profile["quotes_by"][0]["text"]
        .as_str()
        .unwrap()
        .contains("every inch"));
    let neighbours: Vec<&str> = profile["neighbours"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["name"].as_str())
        .collect();
    assert!(neighbours.contains(&"NATO"), "{profile}");
    assert!(profile["others"].is_array());
    for key in ["aliases", "roles", "quotes_about"] {
        assert!(profile[key].is_array(), "{key} missing");
    }

    let (status, same) = get(&s, "/api/entities?name=Jens%20Stoltenberg").await;
    assert_eq!(status, StatusCode::OK, "{same}");
    assert_eq!(same["id"], profile["id"]);
    let (_, small) = get(&s, "/api/entities/Stoltenberg?limit=1").await;
    assert!(small["neighbours"].as_array().unwrap().len() <= 1);

    let (status, message) = refused(&s, "/api/entities/Nobody%20Anywhere").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{message}");
    assert!(message.contains("no entity named"), "{message}");
    let (status, _) = refused(&s, "/api/entities?name=Nobody").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, message) = refused(&s, "/api/entities/AC%2FDC").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{message}");
    assert!(
        message.contains("\"AC/DC\""),
        "one decoded segment: {message}"
    );
}

#[tokio::test]
async fn figures_come_with_their_sentence() {
    let s = loaded().await;
    let (status, figures) = get(&s, "/api/figures?category=killed").await;
    assert_eq!(status, StatusCode::OK, "{figures}");
    assert_eq!(figures["schema_version"], 1);
    assert_eq!(figures["count"], 1, "{figures}");
    let hit = &figures["results"][0];
    assert_eq!(hit["article"], "t-ministers");
    assert_eq!(hit["value"], 35.0);
    assert_eq!(hit["category"], "killed");
    assert!(hit["sentence"]
        .as_str()
        .unwrap()
        .contains("western Ukraine"));
    let (_, by_entity) = get(&s, "/api/figures?entity=Ukraine").await;
    assert_eq!(by_entity["count"], 1, "{by_entity}");
    let (_, elsewhere) = get(&s, "/api/figures?entity=Lisbon").await;
    assert_eq!(elsewhere["count"], 0, "{elsewhere}");
    let (_, before) = get(&s, "/api/figures?to=2021-12-31&category=killed").await;
    assert_eq!(before["count"], 0, "{before}");
}

#[tokio::test]
async fn events_come_with_their_evidence_and_follow_ingests() {
    let s = loaded().await;
    let (status, events) = get(&s, "/api/events").await;
    assert_eq!(status, StatusCode::OK, "{events}");
    assert_eq!(events["schema_version"], 1);
    let list = events["results"].as_array().unwrap();
    assert!(
        !list.is_empty(),
        "the example sentences report events: {events}"
    );
    let texts: Vec<String> = articles()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["text"].as_str().unwrap().to_owned())
        .collect();
    let mut days: Vec<&str> = Vec::new();
    for event in list {
        days.push(event["day"].as_str().unwrap());
        let evidence = event["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty(), "{event}");
        assert_eq!(event["articles"], 1, "{event}");
        for e in evidence {
            let sentence = e["sentence"].as_str().unwrap();
            assert!(texts.iter().any(|t| t.contains(sentence)), "{sentence:?}");
            assert!(sentence.contains(e["text"].as_str().unwrap()), "{e}");
        }
    }
    assert!(
        days.windows(2).all(|w| w[0] <= w[1]),
        "in day order: {days:?}"
    );

    // Filters narrow the list; every answer keeps to them.
    let kind = list[0]["type"].as_str().unwrap().to_owned();
    let (_, same) = get(&s, &format!("/api/events?type={}", kind.to_lowercase())).await;
    let same = same["results"].as_array().unwrap();
    assert!(!same.is_empty() && same.iter().all(|e| e["type"] == kind.as_str()));
    let (_, later) = get(&s, "/api/events?from=2030-01-01").await;
    assert_eq!(later["count"], 0, "{later}");

    // The same report again from another source: still one event, now with
    // two reports (the kept answer gives way to the new data).
    let copy = json!([{
        "id": "t-ministers-copy",
        "date": "2022-03-16",
        "text": format!("{} More follows.", texts[0])
    }]);
    let (status, report, _) = send(&s, post_ingest(copy.to_string(), Some(TOKEN))).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let (_, again) = get(&s, "/api/events").await;
    assert_eq!(again["count"], events["count"], "{again}");
    assert!(
        again["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["evidence"][0]["article"] == "t-ministers")
            .all(|e| e["articles"] == 2),
        "{again}"
    );
}

#[tokio::test]
async fn event_requests_are_checked() {
    let s = loaded().await;
    for (uri, status, naming) in [
        (
            "/api/events?type=PICNIC",
            StatusCode::BAD_REQUEST,
            "event type",
        ),
        (
            "/api/events?from=2022-02-30",
            StatusCode::BAD_REQUEST,
            "date",
        ),
        ("/api/events?limit=0", StatusCode::BAD_REQUEST, "limit"),
        ("/api/events?actor=NATO", StatusCode::BAD_REQUEST, "actor"),
        (
            "/api/events?place=%27%29%3B%20DROP%20TABLE%20events",
            StatusCode::OK,
            "",
        ),
    ] {
        let (got, body) = get(&s, uri).await;
        assert_eq!(got, status, "{uri}: {body}");
        if !naming.is_empty() {
            let message = body["error"]["message"].as_str().unwrap_or_default();
            assert!(message.contains(naming), "{uri}: {message}");
        }
    }
    let (_, events) = get(&s, "/api/events").await;
    assert!(
        events["count"].as_u64().unwrap() > 0,
        "the table is still there"
    );
}

#[tokio::test]
async fn entity_and_figure_requests_are_checked() {
    let s = loaded().await;
    let long = "a".repeat(chronicle_server::params::MAX_TEXT + 1);
    let cases = [
        ("/api/entities", StatusCode::BAD_REQUEST, "name is required"),
        (
            "/api/entities?name=%20",
            StatusCode::BAD_REQUEST,
            "name is required",
        ),
        (
            &format!("/api/entities/{long}"),
            StatusCode::BAD_REQUEST,
            "longer than",
        ),
        (
            "/api/entities/NATO?limit=0",
            StatusCode::BAD_REQUEST,
            "limit",
        ),
        (
            "/api/entities/NATO?limit=201",
            StatusCode::BAD_REQUEST,
            "limit",
        ),
        (
            "/api/entities/NATO?name=Ukraine",
            StatusCode::BAD_REQUEST,
            "not both",
        ),
        (
            "/api/entities/NATO?type=ORG",
            StatusCode::BAD_REQUEST,
            "type",
        ),
        (
            "/api/entities/%2C%2C",
            StatusCode::BAD_REQUEST,
            "names nothing",
        ),
        (
            "/api/figures?category=dead",
            StatusCode::BAD_REQUEST,
            "figure category",
        ),
        (
            "/api/figures?from=2022-02-30",
            StatusCode::BAD_REQUEST,
            "not a date",
        ),
        (
            &format!("/api/figures?entity={long}"),
            StatusCode::BAD_REQUEST,
            "longer than",
        ),
        ("/api/figures?limit=1000", StatusCode::BAD_REQUEST, "limit"),
        ("/api/figures?sort=value", StatusCode::BAD_REQUEST, "sort"),
    ];
    for (uri, want, says) in cases {
        let (status, message) = refused(&s, uri).await;
        assert_eq!(status, want, "{uri}: {message}");
        assert!(
            message.contains(says),
            "{uri}: {message:?} should say {says:?}"
        );
    }
}

#[tokio::test]
async fn hostile_text_is_only_ever_text() {
    let s = loaded().await;
    for q in [
        "'; DROP TABLE articles; --",
        "\"NEAR(ministers",
        "ministers OR *",
        "minist*",
        "%_\\",
        "Stoltenberg) OR (1=1",
    ] {
        let encoded: String = url_encode(q);
        for uri in [
            format!("/api/search?q={encoded}"),
            format!("/api/quotes?speaker={encoded}&about={encoded}"),
            format!("/api/timeline?entity={encoded}"),
            format!("/api/speakers?q={encoded}"),
            format!("/api/articles?place={encoded}"),
            format!("/api/articles/{encoded}"),
            format!("/api/entities/{encoded}"),
            format!("/api/figures?entity={encoded}"),
        ] {
            let (status, body) = get(&s, &uri).await;
            assert!(
                status == StatusCode::OK
                    || status == StatusCode::NOT_FOUND
                    || status == StatusCode::BAD_REQUEST,
                "{uri}: {status} {body}"
            );
        }
    }
    let (_, stats) = get(&s, "/api/stats").await;
    assert_eq!(stats["articles"], 2, "still there");
    let (_, quotes) = get(&s, "/api/quotes?speaker=%25").await;
    assert_eq!(quotes["count"], 0, "% is a character, not a wildcard");
}

#[tokio::test]
async fn the_ui_and_the_description_are_served_from_the_binary() {
    let s = server(None);
    let (status, doc) = get(&s, "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    for path in [
        "/api/search",
        "/api/entities/{name}",
        "/api/figures",
        "/api/events",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} undocumented");
    }
    let response = app(s.state.clone())
        .oneshot(Request::get("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let csp = response.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("default-src 'none'"));
    let html = response.into_body().collect().await.unwrap().to_bytes();
    assert!(std::str::from_utf8(&html)
        .unwrap()
        .contains("/assets/app.js"));
    for asset in [
        "/assets/app.js",
        "/assets/style.css",
        "/assets/world.json",
        "/favicon.svg",
    ] {
        let response = app(s.state.clone())
            .oneshot(Request::get(asset).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{asset}");
    }
}

/// A place filter on every list: the place a name stands for, by a
/// demonym or with the places in a country, sentence by sentence.
#[tokio::test]
async fn every_list_takes_a_place_filter() {
    let s = loaded().await;
    let border = json!([{
        "id": "t-border",
        "title": "Strike near the border",
        "date": "2022-03-14",
        "text": "Russian missiles struck a base near the Polish border on Sunday.\n\n\"We will not be intimidated,\" the mayor of Warsaw said on Monday."
    }]);
    let (status, report, _) = send(&s, post_ingest(border.to_string(), Some(TOKEN))).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let count = |v: &Value| v["count"].as_u64().unwrap_or(99);

    // "the Polish border" is Poland; the place taken is in the answer.
    let (status, hits) = get(&s, "/api/search?q=missiles&place=Poland").await;
    assert_eq!(status, StatusCode::OK, "{hits}");
    assert_eq!(count(&hits), 1, "{hits}");
    assert_eq!(hits["place"]["name"], "Poland", "{hits}");
    assert_eq!(hits["place"]["is_country"], true, "{hits}");
    let (_, exact) = get(&s, "/api/search?q=missiles&place=geonames%3A798544").await;
    assert_eq!(count(&exact), 1, "{exact}");
    // The answer cache keeps the place apart: same words, other places.
    let (_, everywhere) = get(&s, "/api/search?q=missiles").await;
    assert_eq!(count(&everywhere), 1, "{everywhere}");
    assert!(
        everywhere.get("place").is_none(),
        "no filter, no place: {everywhere}"
    );
    let (_, portugal) = get(&s, "/api/search?q=missiles&place=Portugal").await;
    assert_eq!(count(&portugal), 0, "{portugal}");
    // Warsaw is in Poland: its mayor's quote is a quote in Poland.
    let (_, quotes) = get(&s, "/api/quotes?place=Poland").await;
    let quotes = quotes["results"].as_array().unwrap().clone();
    assert!(
        quotes.iter().all(|q| q["article"] == "t-border"),
        "{quotes:?}"
    );
    assert!(
        quotes
            .iter()
            .any(|q| q["text"].as_str().unwrap().contains("intimidated")),
        "{quotes:?}"
    );
    let (_, quotes) = get(&s, "/api/quotes?place=Warsaw").await;
    assert_eq!(count(&quotes), 1, "{quotes}");
    // Sentence level: the Lisbon report's quote is in a sentence naming no place.
    let (_, quotes) = get(&s, "/api/quotes?place=Lisbon").await;
    assert_eq!(count(&quotes), 0, "{quotes}");
    let (_, articles) = get(&s, "/api/articles?place=Portugal").await;
    assert_eq!(articles["results"][0]["article"], "t-harbour", "{articles}");
    assert_eq!(count(&articles), 1, "{articles}");
    let (_, figures) = get(&s, "/api/figures?place=Ukraine").await;
    assert_eq!(count(&figures), 1, "{figures}");
    assert_eq!(figures["results"][0]["value"], 35.0, "{figures}");
    let (_, figures) = get(&s, "/api/figures?place=Poland").await;
    assert_eq!(count(&figures), 0, "{figures}");
    let (_, timeline) = get(&s, "/api/timeline?place=Ukraine").await;
    assert!(count(&timeline) >= 1, "{timeline}");
    for hit in timeline["results"].as_array().unwrap() {
        assert!(
            hit["sentence"].as_str().unwrap().contains("Ukraine"),
            "{hit}"
        );
    }
    let (status, events) = get(&s, "/api/events?place=Poland&limit=10").await;
    assert_eq!(status, StatusCode::OK, "{events}");
    assert_eq!(events["place"]["name"], "Poland", "{events}");

    // An unknown place is no error: nothing matches, and `place` is null.
    for uri in [
        "/api/search?q=missiles&place=Atlantis",
        "/api/quotes?place=Atlantis",
        "/api/timeline?place=Atlantis",
        "/api/figures?place=Atlantis",
        "/api/events?place=Atlantis",
        "/api/articles?place=Atlantis",
        "/api/search?q=missiles&place=geonames%3A0",
        "/api/search?q=missiles&place=%25",
        "/api/search?q=missiles&place=%27%29%3B%20DROP%20TABLE%20places",
    ] {
        let (status, body) = get(&s, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
        assert_eq!(count(&body), 0, "{uri}: {body}");
        assert!(
            body["place"].is_null() && body.get("place").is_some(),
            "{uri}: {body}"
        );
    }
    let long = "a".repeat(chronicle_server::params::MAX_TEXT + 1);
    for (uri, says) in [
        (
            format!("/api/search?q=missiles&place={long}"),
            "place is longer than",
        ),
        (format!("/api/quotes?place={long}"), "place is longer than"),
        (
            format!("/api/timeline?place={long}"),
            "place is longer than",
        ),
        (format!("/api/figures?place={long}"), "place is longer than"),
        ("/api/speakers?place=Poland".into(), "place"),
        ("/api/places?place=Poland".into(), "place"),
        (
            "/api/search?q=missiles&place=Poland&place=Ukraine".into(),
            "place",
        ),
    ] {
        let (status, message) = refused(&s, &uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {message}");
        assert!(
            message.contains(says),
            "{uri}: {message:?} should say {says:?}"
        );
    }
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
