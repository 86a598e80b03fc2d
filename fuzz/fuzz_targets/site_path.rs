//! Site paths and slugs: any text an editor can put in `url:`, `slug:`,
//! `aliases:` or an election's `path` is parsed without a panic, and what is
//! accepted never climbs out of the output folder and reads back the same.
#![no_main]

use chatcontrole::site_path::{SitePath, Slug};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(path) = SitePath::parse(text) {
        for segment in path.segments() {
            assert!(!segment.is_empty() && segment != "." && segment != "..");
            assert!(!segment.contains(['/', '\\', '\0']));
        }
        let again = SitePath::parse(&path.to_string()).expect("a shown path parses again");
        assert_eq!(again, path);
        let file = path.output_file();
        assert!(!file.as_str().starts_with('/'));
        assert!(file.as_str().split('/').all(|p| !p.is_empty() && p != ".." && p != "."));
    }
    let _ = SitePath::parse_page(text);
    if let Ok(slug) = Slug::parse(text) {
        assert!(!slug.as_str().contains('/'));
    }
});
