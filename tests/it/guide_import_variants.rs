//! The importer on small guide pages written for these tests: columns in
//! another order without `Bron`, a legend with ✅ ❌ ❓, "Doet mee in N
//! kieskringen." footnotes, and a page full of broken rows.

use std::path::{Path, PathBuf};

use chatcontrole::guide::import::{ImportGuideArgs, run_import};
use chatcontrole::guide::load;
use chatcontrole::guide::model::{Districts, EvidenceKind, RuleOutcome, Stance, VoteChoice};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/guide")
        .join(name)
}

fn import(name: &str, site: &Path) -> Result<String, chatcontrole::diagnostics::Diagnostics> {
    run_import(&ImportGuideArgs {
        file: fixture(name),
        election: "test2027".into(),
        site: site.to_path_buf(),
        dry_run: false,
        source_name: None,
    })
}

#[test]
fn three_columns_without_source() {
    let site = tempfile::tempdir().unwrap();
    let report = import("three_columns.md", site.path()).unwrap();
    assert!(report.contains("Imported 3 parties"), "{report}");
    let data = load(site.path()).unwrap_or_else(|d| panic!("{d}"));
    let election = data.election("test2027").unwrap();
    assert_eq!(election.date.to_string(), "2027-03-17");
    assert_eq!(election.title, "Testgids gemeenteraad");

    let rules: Vec<_> = election
        .scale
        .iter()
        .map(|l| (l.symbol.as_str(), l.rule))
        .collect();
    assert_eq!(
        rules,
        [
            ("✅", Some(RuleOutcome::Protects)),
            ("❌", Some(RuleOutcome::DoesNotProtect)),
            ("❓", Some(RuleOutcome::Unclear)),
        ]
    );

    let alfa = election.entry("partij-alfa").unwrap();
    assert_eq!(alfa.districts, Districts::Count(19));
    assert!(alfa.programme.is_none(), "no Bron column, no programme");
    assert_eq!(
        alfa.evidence[0].quote.as_deref(),
        Some("Wij verbieden het scannen van berichten.")
    );
    assert_eq!(alfa.evidence[0].pages, vec![3, 4]);
    let vote = &alfa.evidence[1];
    assert_eq!(
        (vote.kind, vote.vote, vote.stance),
        (EvidenceKind::Vote, Some(VoteChoice::For), Stance::Protects)
    );

    let beta = election.entry("beta-beweging").unwrap();
    assert_eq!(beta.evidence[0].pages, vec![12]);
    assert_eq!(beta.evidence[1].item.as_deref(), Some("40001"));
    assert_eq!(
        beta.evidence[1].stance,
        Stance::Undermines,
        "vóór a dragnet bill undermines"
    );
    assert_eq!(data.party("beta-beweging").unwrap().aliases, ["BB"]);

    let gamma = election.entry("gamma").unwrap();
    assert_eq!(gamma.districts, Districts::Count(3));
    assert_eq!(election.level(&gamma.verdict).unwrap().symbol, "❓");
}

#[test]
fn broken_rows_are_all_reported_and_nothing_is_written() {
    let site = tempfile::tempdir().unwrap();
    let diags = import("broken.md", site.path()).unwrap_err();
    let found: Vec<(usize, &str)> = diags.iter().map(|d| (d.line, d.message.as_str())).collect();
    let expect = |line: usize, part: &str| {
        assert!(
            found.iter().any(|(l, m)| *l == line && m.contains(part)),
            "expected `{part}` on line {line} in {found:?}"
        );
    };
    expect(9, "this row has 3 cells, the header has 4");
    expect(15, "there is no kieskring 25");
    expect(11, "unknown verdict symbol `🟢`");
    expect(12, "is not a page reference");
    expect(13, "footnote [^2] is not defined");
    assert_eq!(diags.error_count(), 5, "{diags}");
    assert!(diags.iter().all(|d| d.hint.is_some()));
    assert_eq!(
        std::fs::read_dir(site.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn unknown_election_id_is_refused() {
    let site = tempfile::tempdir().unwrap();
    let err = run_import(&ImportGuideArgs {
        file: fixture("three_columns.md"),
        election: "TK 2027".into(),
        site: site.path().to_path_buf(),
        dry_run: false,
        source_name: None,
    })
    .unwrap_err();
    assert!(err.to_string().contains("not a valid election id"));
}
