//! End to end in a real browser: the server on a loopback port, headless
//! Chromium (Debian's `chromium`) opening the UI's hash URLs — the search
//! view with a query, an article, an entity page, the figures view (also
//! filtered by a place) and the events view with its map — and the rendered
//! DOM checked for the results and every highlight layer. Screenshots go to
//! the target folder (`CARGO_TARGET_TMPDIR/ui-*.png`).
//!
//! Without a browser the test is skipped with a message — except under CI
//! (`CI=true`), where a missing browser fails it.

use chronicle_pipeline::Pipeline;
use chronicle_read::{read_bytes, InputFormat, ReadOptions};
use chronicle_server::{AppState, ServerOptions};
use chronicle_store::Store;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const ARTICLE: &str = r#"{"id": "t-ministers", "url": "https://example.org/ministers", "title": "Defence ministers meet", "date": "2022-03-16", "text": "Defence ministers of NATO met in Brussels on Wednesday.\n\n\"We will defend every inch of allied territory,\" Secretary General Jens Stoltenberg said.\n\nAt least 35 people were killed on Sunday in western Ukraine, officials said."}"#;

fn browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Runs headless Chromium on `url` with `extra` arguments; its stdout.
fn chromium(browser: &Path, profile: &Path, url: &str, extra: &[&str]) -> String {
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--hide-scrollbars",
            "--window-size=1280,900",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("running chromium");
    assert!(
        output.status.success(),
        "chromium failed on {url}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ui_searches_and_highlights_an_article_in_chromium() {
    let Some(browser) = browser() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI needs chromium for the browser test (apt-get install chromium)"
        );
        eprintln!("skipped: no chromium on PATH (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb.sqlite");
    {
        let mut store = Store::open(&db).unwrap();
        let opts = ReadOptions {
            format: InputFormat::Jsonl,
            ..ReadOptions::default()
        };
        let docs = read_bytes("test.jsonl", ARTICLE.as_bytes(), &opts);
        let report = chronicle_server::ingest::annotate_and_store(
            &Pipeline::standard(),
            &mut store,
            docs.into_iter(),
        )
        .unwrap();
        assert_eq!(report.stored, ["t-ministers"]);
    }
    let state = AppState::open(&ServerOptions::new(db)).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(chronicle_server::serve(listener, state));

    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let profile = dir.path().join("profile");
    let dump = |hash: &str| {
        let (browser, profile, url) = (browser.clone(), profile.clone(), format!("{base}/{hash}"));
        tokio::task::spawn_blocking(move || chromium(&browser, &profile, &url, &["--dump-dom"]))
    };
    let shoot = |hash: &str, name: &str| {
        let shot = shots.join(name);
        let (browser, profile, url) = (browser.clone(), profile.clone(), format!("{base}/{hash}"));
        tokio::task::spawn_blocking(move || {
            let arg = format!("--screenshot={}", shot.display());
            chromium(&browser, &profile, &url, &[&arg]);
            shot
        })
    };

    let search = tokio::time::timeout(
        Duration::from_secs(120),
        dump("#/search?q=allied+territory"),
    )
    .await
    .expect("chromium finished")
    .unwrap();
    assert!(
        search.contains("data-ready=\"search\""),
        "the view finished: {search}"
    );
    assert!(search.contains("1 sentence"), "{search}");
    assert!(
        search.contains("<mark class=\"match\">allied</mark>"),
        "{search}"
    );
    assert!(
        search.contains("#/article/t-ministers?s="),
        "a result links its article"
    );

    let article = tokio::time::timeout(Duration::from_secs(120), dump("#/article/t-ministers"))
        .await
        .expect("chromium finished")
        .unwrap();
    assert!(article.contains("data-ready=\"article\""), "{article}");
    assert!(article.contains("Defence ministers meet"));
    for layer in [
        "hl-entity",
        "hl-timex",
        "hl-quote",
        "hl-speaker",
        "hl-figure",
        "hl-place",
    ] {
        assert!(
            article.contains(layer),
            "no {layer} in the article view: {article}"
        );
    }
    // Hover texts: the resolved date of "Sunday", the quote's speaker, the figure's value.
    assert!(article.contains("“Sunday” → 2022-03-13"), "{article}");
    assert!(article.contains("speaker: Jens Stoltenberg"), "{article}");
    assert!(article.contains("Figure: at least 35"), "{article}");

    assert!(
        article.contains("href=\"#/entity/Jens%20Stoltenberg\""),
        "the article's people link their entity pages: {article}"
    );

    let entity = tokio::time::timeout(Duration::from_secs(120), dump("#/entity/Stoltenberg"))
        .await
        .expect("chromium finished")
        .unwrap();
    assert!(entity.contains("data-ready=\"entity\""), "{entity}");
    assert!(entity.contains("<h1>Jens Stoltenberg</h1>"), "{entity}");
    assert!(
        entity.contains("class=\"months\"") && entity.contains("class=\"bar\""),
        "the mentions chart: {entity}"
    );
    assert!(entity.contains("2022-03: 1 mention"), "{entity}");
    assert!(
        entity.contains("every inch of allied territory"),
        "{entity}"
    );
    assert!(
        entity.contains("href=\"#/entity/NATO\""),
        "neighbours link their pages: {entity}"
    );

    let figures = tokio::time::timeout(Duration::from_secs(120), dump("#/figures?category=killed"))
        .await
        .expect("chromium finished")
        .unwrap();
    assert!(figures.contains("data-ready=\"figures\""), "{figures}");
    assert!(figures.contains("1 figure"), "{figures}");
    assert!(
        figures.contains("<mark class=\"hl hl-figure\">At least 35</mark>"),
        "{figures}"
    );

    // A place filter: the article's places link the views filtered by them;
    // Ukraine's figures are the one of "in western Ukraine", Belgium (where
    // Brussels is) has none.
    assert!(
        article.contains("href=\"#/figures?place=geonames%3A690791\""),
        "the article's places link their filtered views: {article}"
    );
    let in_ukraine =
        tokio::time::timeout(Duration::from_secs(120), dump("#/figures?place=Ukraine"))
            .await
            .expect("chromium finished")
            .unwrap();
    assert!(
        in_ukraine.contains("data-ready=\"figures\""),
        "{in_ukraine}"
    );
    assert!(in_ukraine.contains("1 figure"), "{in_ukraine}");
    assert!(
        in_ukraine.contains("<strong>Ukraine</strong> (UA) or a place in it"),
        "the view says which place it filters by: {in_ukraine}"
    );
    let in_belgium =
        tokio::time::timeout(Duration::from_secs(120), dump("#/figures?place=Belgium"))
            .await
            .expect("chromium finished")
            .unwrap();
    assert!(in_belgium.contains("No figures match."), "{in_belgium}");
    assert!(
        in_belgium.contains("<strong>Belgium</strong>"),
        "{in_belgium}"
    );

    let events = tokio::time::timeout(Duration::from_secs(120), dump("#/events"))
        .await
        .expect("chromium finished")
        .unwrap();
    assert!(events.contains("data-ready=\"events\""), "{events}");
    assert!(
        events.contains("class=\"hl hl-event\""),
        "the evidence sentences mark their triggers: {events}"
    );
    assert!(
        events.contains("At least 35 people were"),
        "the strike's evidence: {events}"
    );
    assert!(
        events.contains("class=\"event-mark\""),
        "events with a resolved place are on the map: {events}"
    );
    let timeline = tokio::time::timeout(Duration::from_secs(120), dump("#/timeline"))
        .await
        .expect("chromium finished")
        .unwrap();
    assert!(timeline.contains("data-ready=\"timeline\""), "{timeline}");
    assert!(
        timeline.contains("chip chip-event"),
        "the timeline shows its events: {timeline}"
    );

    for (hash, name) in [
        ("#/events", "ui-events.png"),
        ("#/search?q=allied+territory", "ui-search.png"),
        ("#/article/t-ministers", "ui-article.png"),
        ("#/entity/Stoltenberg", "ui-entity.png"),
        ("#/figures?category=killed", "ui-figures.png"),
        ("#/figures?place=Ukraine", "ui-figures-place.png"),
    ] {
        let shot = tokio::time::timeout(Duration::from_secs(120), shoot(hash, name))
            .await
            .expect("chromium finished")
            .unwrap();
        let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
        assert!(size > 10_000, "{} is {size} bytes", shot.display());
        eprintln!("screenshot: {}", shot.display());
    }
    server.abort();
}
