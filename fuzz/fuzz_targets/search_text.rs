//! The search index's page reader: any HTML is read without a panic, the
//! words it yields follow the rules the browser shares (lower case, letters
//! and digits only, at most 40 characters), the excerpt stays within its
//! limit, and the index built from the page is valid JSON.
#![no_main]

use chatcontrole::render::search::{EXCERPT_CHARS, SearchPage, build_bundle, words};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    let page = SearchPage::new("/p/".to_string(), html);
    assert!(page.excerpt.chars().count() <= EXCERPT_CHARS);
    for (word, weight) in &page.words {
        assert!(*weight > 0);
        assert!(!word.is_empty() && word.chars().count() <= words::MAX_WORD_LENGTH);
        assert!(word.chars().all(char::is_alphanumeric), "{word:?}");
        assert_eq!(words::words(word), [word.clone()], "a stored word reads as itself");
    }
    for (path, bytes) in build_bundle([page], "nl") {
        serde_json::from_slice::<serde_json::Value>(&bytes)
            .unwrap_or_else(|e| panic!("{path}: {e}"));
    }
});
