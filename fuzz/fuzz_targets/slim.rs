//! Fuzzes the removal of script and style contents before a page is parsed
//! (`chronicle_html::slim`) on arbitrary text: nothing may panic, nothing
//! is added, and slimming a slimmed page changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|page: &str| {
    let once = chronicle_html::slim::without_scripts(page).into_owned();
    assert!(once.len() <= page.len());
    assert_eq!(chronicle_html::slim::without_scripts(&once), once);
});
