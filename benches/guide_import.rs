//! How long `import guide` takes for a long table: 10,000 party rows, each
//! with quotations, page references, a vote link, a link with parentheses in
//! its address and an escaped pipe. The target is under 2 s for the whole
//! import (a dry run: reading, planning and serialising, no writing).
//! Run with `cargo bench --bench guide_import`.

use chatcontrole::guide::import::{ImportGuideArgs, run_import};
use criterion::{Criterion, criterion_group, criterion_main};

/// A guide page with `rows` parties.
fn long_guide(rows: usize) -> String {
    let mut text = String::from(
        "Verkiezing op 3 maart 2027.\n\n- ✅ = Beschermt je berichten\n- ❌ = Beschermt je berichten niet\n\n| Partij | Oordeel | Toelichting | Bron |\n| --- | --- | --- | --- |\n",
    );
    for row in 0..rows {
        let verdict = if row % 2 == 0 { "✅" } else { "❌" };
        let footnote = if row % 3 == 0 { "[^k]" } else { "" };
        text.push_str(&format!(
            "| Partij {row} \\| Lijst{footnote} | {verdict} | Partij {row} schrijft: “Versleuteling blijft.” (pp. 3, 4) en stemde voor [de motie ter bescherming](https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2024Z{:05}); zie [de AVG](https://nl.wikipedia.org/wiki/Verordening_(EU)_2016/679). | [Programma {row}](https://p{row}.example/programma_(def).pdf) (pdf) |\n",
            row % 100_000
        ));
    }
    text.push_str("\n[^k]: Ongeldig verklaard voor de kieskringen 3 (Assen) en 20 (Bonaire).\n");
    text
}

fn import_long_table(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("gids.md");
    std::fs::write(&file, long_guide(10_000)).expect("write the page");
    let args = ImportGuideArgs {
        file,
        election: "lang".into(),
        site: dir.path().join("site"),
        dry_run: true,
        source_name: None,
    };
    std::fs::create_dir_all(dir.path().join("site/data")).expect("site folder");
    let mut group = c.benchmark_group("guide_import");
    group.sample_size(10);
    group.bench_function("10000_rows_dry_run", |b| {
        b.iter(|| run_import(&args).expect("the long table imports"))
    });
    group.finish();
}

criterion_group!(benches, import_long_table);
criterion_main!(benches);
