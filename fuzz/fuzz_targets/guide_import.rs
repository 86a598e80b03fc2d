//! The guide table importer: any Markdown page is read by `import guide
//! --dry-run` against a copy of the example site's data, and gives a plan or
//! diagnostics, never a panic (and, being a dry run, writes nothing).
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chatcontrole::guide::import::{ImportGuideArgs, run_import};
use libfuzzer_sys::fuzz_target;

/// A temporary site holding a copy of the example site's guide data.
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
    let site = SITE.path();
    let input = site.join("input.md");
    std::fs::write(&input, data).expect("write the input");
    let args = ImportGuideArgs {
        file: input,
        election: "fuzz".to_string(),
        site: site.to_path_buf(),
        dry_run: true,
        source_name: None,
    };
    let _ = run_import(&args);
});
