//! TOML data loading: the first byte picks one of the example site's data
//! files (guide or Council), the rest replaces it, and the loader of that
//! data reads the site; it gives data or diagnostics, never a panic.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chatcontrole::{council, guide};
use libfuzzer_sys::fuzz_target;

/// Data files the input can replace, relative to the site folder.
const FILES: &[&str] = &[
    "data/parties.toml",
    "data/items/36263.toml",
    "data/items/2023Z07239.toml",
    "data/elections/tk2023/election.toml",
    "data/elections/tk2023/parties/bbb.toml",
    "data/council/states.toml",
    "data/council/moments.toml",
    "data/council/positions/NL.toml",
    "data/council/positions/DE.toml",
];

/// A temporary site holding a copy of the example site's data.
static SITE: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../site/data");
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(&example, &dir.path().join("data"));
    dir
});

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, contents)) = data.split_first() else {
        return;
    };
    let site = SITE.path();
    let file = site.join(FILES[pick as usize % FILES.len()]);
    let original = std::fs::read(&file).expect("read the example file");
    std::fs::write(&file, contents).expect("write the input");
    if file.starts_with(site.join("data/council")) {
        let _ = council::load::load(site);
    } else {
        let _ = guide::load::load(site);
    }
    std::fs::write(&file, original).expect("restore the example file");
});
