//! No template can hang a build: every render (a page, a feed, one shortcode
//! call) runs with minijinja's fuel and recursion limits
//! (`render::limits`). The fuel
//! budget is 100 times what the example site's heaviest render takes, which
//! is measured here; a template that runs away is a diagnostic naming the
//! template and the page, within seconds.

use crate::common;

use std::time::{Duration, Instant};

use chatcontrole::build::{BuildOptions, load, render_site};
use chatcontrole::output::Output;
use chatcontrole::render::limits::{EXAMPLE_FUEL, TEMPLATE_FUEL};
use common::{run, site_copy, write};
use test_case::test_case;

#[test]
fn the_example_site_takes_at_most_a_hundredth_of_the_fuel_budget() {
    let model = load(&BuildOptions::new(common::example_site()), None).unwrap();
    render_site(&model, Output::new(), true, None).unwrap();
    let used = model.templates.most_fuel_used();
    eprintln!(
        "the example site's heaviest render took {used} steps (EXAMPLE_FUEL = {EXAMPLE_FUEL})"
    );
    assert!(used > 0, "no fuel was measured");
    assert!(
        used <= EXAMPLE_FUEL,
        "a render took {used} steps, more than EXAMPLE_FUEL = {EXAMPLE_FUEL}: measure again and raise it"
    );
    assert_eq!(TEMPLATE_FUEL, 100 * EXAMPLE_FUEL);
}

/// Nested loops of 10,000 steps each: 10^12 steps if nothing stopped them.
const ENDLESS: &str = "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}x{% endfor %}{% endfor %}{% endfor %}";

#[test_case("templates/single.html", ENDLESS, "", "SITE/templates/single.html:1: `single.html` did not finish within 800000 steps (a loop that never ends, or loops over too much) while rendering /"; "page template")]
#[test_case("templates/partials/lus.html", ENDLESS, "", "SITE/templates/partials/lus.html:1: `partials/lus.html` did not finish within 800000 steps"; "included template")]
#[test_case("templates/shortcodes/lus.html", ENDLESS, "{{< lus >}}", "SITE/content/over.md:LINE:1: the shortcode `lus` failed: `shortcodes/lus.html` did not finish within 800000 steps"; "shortcode")]
#[test_case("templates/shortcodes/lus.html", "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "{{< lus >}}", "SITE/content/over.md:LINE:1: the shortcode `lus` failed: "; "macro calling itself")]
#[test_case("templates/shortcodes/lus.html", "{% include \"shortcodes/lus.html\" %}", "{{< lus >}}", "SITE/content/over.md:LINE:1: the shortcode `lus` failed: "; "shortcode including itself")]
#[test_case("templates/shortcodes/lus.html", "{% for a in range(100000000) %}x{% endfor %}", "{{< lus >}}", "SITE/content/over.md:LINE:1: the shortcode `lus` failed: "; "one huge range")]
fn a_runaway_template_is_a_quick_diagnostic(
    file: &str,
    template: &str,
    shortcode: &str,
    expected: &str,
) {
    let site = site_copy();
    let root = site.path();
    write(root, file, template);
    if file.contains("partials/") {
        let single = std::fs::read_to_string(root.join("templates/single.html")).unwrap();
        write(
            root,
            "templates/single.html",
            &format!("{{% include \"partials/lus.html\" %}}{single}"),
        );
    }
    let page = std::fs::read_to_string(root.join("content/over.md")).unwrap();
    let line = page.lines().count() + 1;
    write(root, "content/over.md", &format!("{page}{shortcode}\n"));
    let out = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let o = run(&[
        "build",
        "--site",
        root.to_str().unwrap(),
        "--out",
        out.path().join("uit").to_str().unwrap(),
    ]);
    let took = start.elapsed();
    let stderr = String::from_utf8_lossy(&o.stderr).replace(root.to_str().unwrap(), "SITE");
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    let expected = expected.replace("LINE", &line.to_string());
    assert!(
        stderr.contains(&expected),
        "expected `{expected}` in:\n{stderr}"
    );
    // Without the limits the nested loops would take hours; with them a debug
    // build on a loaded 2-core machine takes a few seconds.
    assert!(took < Duration::from_secs(60), "the build took {took:?}");
}
