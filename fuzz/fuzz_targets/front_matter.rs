//! Front matter: any text a content file can hold is cut into front matter and
//! body and read, and gives fields or diagnostics, never a panic.
#![no_main]

use std::path::Path;

use chatcontrole::content::front_matter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = Path::new("content/fuzz.md");
    if let Ok(split) = front_matter::split(file, text) {
        let _ = front_matter::parse(file, &split);
    }
});
