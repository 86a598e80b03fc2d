//! Browser test of the what-if calculator: loads `council-whatif.js` in
//! headless Chromium under a `script-src 'self'` Content Security Policy,
//! runs it on the shared vectors of `tests/fixtures/qmv_vectors.json` and
//! checks that it enhances a what-if form like the one on /raad/.
//! Skipped (with a message) when no Chromium is installed.

use std::path::{Path, PathBuf};
use std::process::Command;

const RUNNER: &str = r#"
document.addEventListener('DOMContentLoaded', function () {
  var bad = [];
  window.VECTORS.vectors.forEach(function (v) {
    var r = window.chatcontroleQmv.evaluate({ rule: v.rule, states: v.states.map(function (s) {
      return { code: s[0], population: s[1], position: s[2] };
    }) });
    var e = v.expected;
    var got = JSON.stringify([r.outcome, r.in_favour.population, r.not_in_favour.population, r.undecided, r.pivotal, r.to_adopt, r.to_block]);
    var want = JSON.stringify([e.outcome, e.in_favour.population, e.not_in_favour.population, e.undecided, e.pivotal, e.to_adopt, e.to_block]);
    if (got !== want) { bad.push(v.name); }
  });
  document.getElementById('vectors').textContent =
    'VECTORS ' + window.VECTORS.vectors.length + ' FAILED ' + bad.length + ' ' + bad.join('; ');
});
"#;

const PAGE: &str = r#"<!doctype html>
<html lang="nl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'">
<title>what-if</title>
<script src="council-whatif.js"></script>
<script src="vectors.js"></script>
<script src="run.js"></script>
</head><body>
<form id="council-whatif">
<select name="rule"><option value="qmv" selected>qmv</option></select>
<select data-state="DE" data-population="83395000" data-name="Duitsland"><option value="support">voor</option><option value="undecided" selected>onbeslist</option></select>
<select data-state="FR" data-population="68421000" data-name="Frankrijk"><option value="oppose" selected>tegen</option></select>
<select data-state="IT" data-population="59671000" data-name="Italië"><option value="oppose" selected>tegen</option></select>
<select data-state="ES" data-population="48621000" data-name="Spanje"><option value="oppose" selected>tegen</option></select>
<select data-state="NL" data-population="18086000" data-name="Nederland"><option value="support" selected>voor</option></select>
</form>
<p id="council-whatif-result" aria-live="polite"></p>
<p id="vectors">not run</p>
</body></html>
"#;

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

fn write(dir: &Path, name: &str, content: &str) {
    std::fs::write(dir.join(name), content).expect("write test page");
}

#[test]
fn whatif_calculator_works_in_a_browser() {
    let Some(browser) = chromium() else {
        println!("skipped: chromium not found");
        return;
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let js = std::fs::read_to_string(root.join("site/static/js/council-whatif.js")).unwrap();
    let vectors = std::fs::read_to_string(root.join("tests/fixtures/qmv_vectors.json")).unwrap();
    write(tmp.path(), "council-whatif.js", &js);
    write(
        tmp.path(),
        "vectors.js",
        &format!("window.VECTORS = {vectors};"),
    );
    write(tmp.path(), "run.js", RUNNER);
    write(tmp.path(), "page.html", PAGE);
    let url = format!("file://{}", tmp.path().join("page.html").display());
    // `timeout` keeps a hanging browser from hanging the test run.
    let output = Command::new("timeout")
        .arg("120")
        .arg(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(&url)
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(
        dom.contains("FAILED 0 "),
        "vectors failed in the browser:\n{dom}"
    );
    assert!(!dom.contains("not run"), "{dom}");
    assert!(dom.contains("data-outcome=\"depends\""), "{dom}");
    assert!(dom.contains("Beslissend kan zijn: Duitsland"), "{dom}");
}
