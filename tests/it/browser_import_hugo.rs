//! A site migrated by `import hugo` (the Doks-shaped fixture, with its one
//! untranslatable shortcode ported by hand) in a real browser, served by
//! `chatcontrole serve` with its Content-Security-Policy: no console errors
//! or CSP violations (the embeds' scripts and styles are gone), no request
//! to another host, no sideways scrolling at 360 px, dark mode and axe-core
//! (WCAG 2.2 A/AA) clean with the starter templates.

use crate::browser;
use crate::common;

use std::path::Path;

use browser::checks::{note_problems, page_problems};
use browser::driver::Browser;
use browser::serve_process::ServeProcess;

const PAGES: &[(&str, &str, u16)] = &[
    ("home", "/", 200),
    ("docs-met-menu", "/docs/uitleg/hashes/", 200),
    (
        "mastodon-embed",
        "/nieuws/2025/10/reacties-op-mastodon/",
        200,
    ),
    ("blog-met-inhoud", "/blog/waarom-versleuteling/", 200),
    ("contact-tijdlijn-email", "/docs/help/contact/", 200),
    ("categorie", "/categories/raad/", 200),
    ("sectie", "/nieuws/", 200),
    ("zoeken", "/zoeken/", 200),
    ("niet-gevonden", "/bestaat-niet/", 404),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrated_site_works_for_everyone_in_a_real_browser() {
    let Some(browser) = Browser::launch("import-hugo").await else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("nieuw");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hugo-doks");
    let o = common::run(&[
        "import",
        "hugo",
        fixture.to_str().unwrap(),
        "--into",
        site.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    common::write(
        &site,
        "templates/shortcodes/laatste-nieuws.html",
        "<p><a href=\"{{ rel_url('/nieuws/') }}\">Het laatste nieuws</a></p>\n",
    );
    let serve = ServeProcess::start(&site);
    let origin = serve.url.trim_end_matches('/').to_string();
    let mut report = Vec::new();
    for (name, path, status) in PAGES {
        let problems = page_problems(&browser, &origin, path, *status).await;
        note_problems(&browser, &mut report, name, path, &problems).await;
    }
    browser.close().await;
    assert!(
        report.is_empty(),
        "problems in the browser:\n{}",
        report.join("\n")
    );
}
