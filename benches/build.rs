//! Benchmarks of the hot paths: rendering one Markdown page (with a table,
//! footnotes and shortcodes) and generating the whole example site in memory.
//! Run with `cargo bench`; whole-build comparisons with Hugo are in
//! `scripts/bench-build`.

use std::path::Path;

use chatcontrole::build::{BuildOptions, generate};
use chatcontrole::content::markdown::{
    self, MarkdownOptions, ShortcodeRenderError, ShortcodeRenderer,
};
use chatcontrole::content::shortcodes::Call;
use criterion::{Criterion, criterion_group, criterion_main};

struct Plain;
impl ShortcodeRenderer for Plain {
    fn names(&self) -> Vec<String> {
        vec!["alert".into()]
    }
    fn exists(&self, name: &str) -> bool {
        name == "alert"
    }
    fn needs_closing(&self, _: &str) -> bool {
        false
    }
    fn render(&self, _: &Call, inner: Option<&str>) -> Result<String, ShortcodeRenderError> {
        Ok(format!("<aside>{}</aside>", inner.unwrap_or("")))
    }
}

/// A page of the size and shape of a long news post or voting-guide table.
fn sample_page() -> String {
    let mut text = String::from("Inleiding met een [link](/nieuws/) en een voetnoot[^1].\n\n");
    for section in 0..12 {
        text.push_str(&format!("## Onderdeel {section}\n\n"));
        text.push_str(
            "Een alinea met **nadruk**, _cursief_, `code`, :lock: en https://example.org/pad.\n\n",
        );
        text.push_str("{{< alert >}}\nLet op: **belangrijk**.\n{{< /alert >}}\n\n");
    }
    text.push_str("| Partij | Oordeel | Toelichting |\n|---|---|---|\n");
    for row in 0..30 {
        text.push_str(&format!(
            "| Partij {row} | ✅ | Stemde vóór [motie](https://example.org/{row}) (p. {row}) |\n"
        ));
    }
    text.push_str("\n[^1]: Een voetnoot.\n");
    text
}

fn benches(c: &mut Criterion) {
    let page = sample_page();
    c.bench_function("markdown: render a long page", |b| {
        b.iter(|| {
            markdown::render(
                Path::new("x.md"),
                &page,
                1,
                &Plain,
                &MarkdownOptions::default(),
            )
            .unwrap()
        })
    });
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
    let options = BuildOptions::new(site);
    c.bench_function("generate the example site in memory", |b| {
        b.iter(|| generate(&options).unwrap())
    });
}

criterion_group!(build_benches, benches);
criterion_main!(build_benches);
