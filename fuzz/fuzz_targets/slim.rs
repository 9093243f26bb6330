//! Fuzzes the slimming of a page before it is parsed
//! (`chronicle_html::slim`: script and style contents, white space between
//! block tags) on arbitrary text: nothing may panic, nothing is added,
//! slimming a slimmed page changes nothing, and on a page without scripts
//! or styles only white space goes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|page: &str| {
    let once = chronicle_html::slim::slimmed(page).into_owned();
    assert!(once.len() <= page.len());
    assert_eq!(chronicle_html::slim::slimmed(&once), once);
    let lower = page.to_ascii_lowercase();
    if !lower.contains("<script") && !lower.contains("<style") {
        let visible = |s: &str| s.split_ascii_whitespace().collect::<String>();
        assert_eq!(visible(&once), visible(page));
    }
});
