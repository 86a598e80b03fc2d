//! Inputs too large to read safely are refused before a parser sees them:
//! a content file over the site's `max_page_mb` is an error naming the file
//! and the limit, and the previous output stays as it was.

use crate::common;

use common::{run, site_copy};

#[test]
fn a_page_over_the_size_limit_is_refused_unread() {
    let site = site_copy();
    let settings = site.path().join("site.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("max_page_mb = 1\n{text}")).unwrap();
    let big = format!(
        "---\ntitle: Groot\n---\n{}",
        "Een lange zin over versleuteling.\n".repeat(70_000)
    );
    assert!(big.len() > 2 * 1024 * 1024);
    std::fs::write(site.path().join("content/nieuws/groot.md"), big).unwrap();
    let out = site.path().join("public");
    let o = run(&[
        "build",
        "--site",
        site.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/nieuws/groot.md")
            && stderr.contains("this page is 3 MB, more than the 1 MB a page may have"),
        "{stderr}"
    );
    assert!(stderr.contains("max_page_mb"), "{stderr}");
    assert!(!out.exists(), "nothing was written");
}
