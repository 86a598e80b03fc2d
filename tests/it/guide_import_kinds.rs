//! The importer on a page shaped like the 2025 stemwijzer
//! (`tests/fixtures/guide/kinds.md`, written for these tests): a submitted
//! and a co-signed motion, a debate quote, a statement, a programme page,
//! silent programmes with and without more prose, unanswered questions and a
//! legend line no verdict rule fits. Imported alone, and together with the
//! 2023 seed through `import hugo --guides` and through `import guide`, the
//! site builds and `check` reports only warnings.

use crate::common;

use std::path::{Path, PathBuf};

use chatcontrole::guide::import::{ImportGuideArgs, run_import};
use chatcontrole::guide::load;
use chatcontrole::guide::model::{
    Districts, EvidenceKind, GuideData, PartyEntry, ProgrammeFormat, RuleOutcome, Stance, Strength,
    VoteChoice,
};
use common::{build, run, snapshot, write};

use super::import_hugo::{HAND_PORT, import, stderr};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/guide/kinds.md")
}

fn seed() -> Option<PathBuf> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_b75f5f2a0c8728ac.txt");
    path.exists().then_some(path)
}

fn imported() -> (tempfile::TempDir, GuideData) {
    let site = tempfile::tempdir().unwrap();
    run_import(&ImportGuideArgs {
        file: fixture(),
        election: "kinds".into(),
        site: site.path().to_path_buf(),
        dry_run: false,
        source_name: None,
    })
    .unwrap_or_else(|d| panic!("import failed:\n{d}"));
    let data = load(site.path()).unwrap_or_else(|d| panic!("imported data does not load:\n{d}"));
    (site, data)
}

fn entry<'a>(data: &'a GuideData, id: &str) -> &'a PartyEntry {
    data.election("kinds")
        .unwrap()
        .entry(id)
        .unwrap_or_else(|| panic!("no party {id}"))
}

fn kinds(e: &PartyEntry) -> Vec<(EvidenceKind, Stance)> {
    e.evidence.iter().map(|x| (x.kind, x.stance)).collect()
}

#[test]
fn each_kind_of_evidence_is_read_as_what_it_is() {
    let (_site, data) = imported();
    let election = data.election("kinds").unwrap();
    let rules: Vec<_> = election.scale.iter().map(|l| l.rule).collect();
    assert_eq!(
        rules,
        [
            Some(RuleOutcome::Protects),
            Some(RuleOutcome::DoesNotProtect),
            Some(RuleOutcome::Unclear),
            None
        ]
    );

    // A submitted motion is not a vote: its item, its date and the request it
    // quotes; the request (to agree to the compromise) decides `protects`.
    let gamma = entry(&data, "gamma-unie");
    let motion = &gamma.evidence[0];
    assert_eq!(gamma.evidence.len(), 1);
    assert_eq!(motion.kind, EvidenceKind::Submitted);
    assert_eq!(motion.vote, None);
    assert_eq!(motion.item.as_deref(), Some("2026Z10001"));
    assert_eq!(
        motion.date.map(|d| d.to_string()).as_deref(),
        Some("2026-09-12")
    );
    assert_eq!(
        motion.quote.as_deref(),
        Some("in te stemmen met het compromisvoorstel")
    );
    assert_eq!(
        (motion.stance, motion.strength),
        (Stance::Undermines, Some(Strength::Explicit))
    );
    assert_eq!(
        data.item("2026Z10001").unwrap().protects,
        Some(VoteChoice::Against)
    );

    // Co-signed, on a request that says nothing about the proposal.
    let theta = entry(&data, "theta");
    assert_eq!(
        kinds(theta),
        [(EvidenceKind::Cosigned, Stance::Unclassified)]
    );
    assert_eq!(data.item("2026Z10002").unwrap().protects, None);

    // A debate quote gets the year that puts "8 oktober" before election day.
    let delta = entry(&data, "delta");
    assert_eq!(kinds(delta), [(EvidenceKind::Debate, Stance::Unclassified)]);
    assert_eq!(
        delta.evidence[0].date.map(|d| d.to_string()).as_deref(),
        Some("2026-10-08")
    );
    assert!(
        delta.evidence[0]
            .quote
            .as_deref()
            .unwrap()
            .starts_with("Wij willen niet")
    );

    let epsilon = entry(&data, "epsilon-beweging");
    assert_eq!(
        kinds(epsilon),
        [(EvidenceKind::Statement, Stance::Unclassified)]
    );
    assert_eq!(epsilon.districts, Districts::Count(19));

    // A programme link with a quote and a page; it is also the programme.
    let zeta = entry(&data, "zeta");
    assert_eq!(
        kinds(zeta),
        [(EvidenceKind::Programme, Stance::Unclassified)]
    );
    assert_eq!(zeta.evidence[0].pages, vec![42]);
    let programme = zeta.programme.as_ref().unwrap();
    assert_eq!(programme.url.as_deref(), Some("https://zeta.example/p.pdf"));
    assert_eq!(programme.format, ProgrammeFormat::Pdf);

    // Silent programme and no answer: nothing to judge.
    for id in ["beta", "eta-partij"] {
        assert_eq!(
            kinds(entry(&data, id)),
            [
                (EvidenceKind::Programme, Stance::Silent),
                (EvidenceKind::Reply, Stance::Silent)
            ],
            "{id}"
        );
    }
    // Silent programme, but the text infers a stance from it: left to an editor.
    let alfa = entry(&data, "alfa-partij");
    assert_eq!(
        kinds(alfa),
        [
            (EvidenceKind::Programme, Stance::Silent),
            (EvidenceKind::Programme, Stance::Unclassified)
        ]
    );
    assert!(
        alfa.evidence[1]
            .note
            .as_deref()
            .unwrap()
            .contains("legitimatieplicht")
    );

    let iota = entry(&data, "iota");
    assert_eq!(kinds(iota), [(EvidenceKind::Vote, Stance::Undermines)]);
}

/// Runs `check` and returns its stderr, asserting that it passed.
fn check_passes(site: &Path) -> String {
    let o = run(&["check", "--site", site.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "check failed:\n{stderr}");
    assert!(!stderr.contains("error["), "{stderr}");
    stderr
}

/// The editorial to-dos the fixture must leave, as warnings.
fn assert_fixture_warnings(stderr: &str) {
    for expected in [
        "item `2026Z10002` does not say which vote protects yet",
        "evidence is not classified yet",
        "the level `nog-te-bespreken-door-de-redactie` has no `rule` yet",
    ] {
        assert!(
            stderr.contains(expected),
            "missing `{expected}` in:\n{stderr}"
        );
    }
}

/// A migrated copy of the Hugo fixture with the guide pages added to it.
fn hugo_with_guides(root: &Path) -> PathBuf {
    let hugo = root.join("hugo");
    let fixture_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hugo-doks");
    for (rel, bytes) in snapshot(&fixture_dir) {
        let path = hugo.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let page = std::fs::read_to_string(fixture()).unwrap();
    write(&hugo, "content/nl/stemwijzer-soorten.md", &page);
    if let Some(seed) = seed() {
        write(
            &hugo,
            "content/nl/stemwijzer2023.md",
            &std::fs::read_to_string(seed).unwrap(),
        );
    }
    hugo
}

#[test]
fn hugo_guides_import_builds_and_checks_with_warnings_only() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = hugo_with_guides(tmp.path());
    let site = tmp.path().join("nieuw");
    let o = import(&hugo, &site, &["--guides"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    assert!(
        report.contains("data/elections/stemwijzer-soorten/ now renders"),
        "{report}"
    );
    if seed().is_some() {
        assert!(
            report.contains("data/elections/stemwijzer2023/ now renders"),
            "{report}"
        );
    }
    // The data files name the Hugo site's page as their source, never the
    // import's temporary folder.
    let election =
        std::fs::read_to_string(site.join("data/elections/stemwijzer-soorten/election.toml"))
            .unwrap();
    let source = hugo.join("content/nl/stemwijzer-soorten.md");
    assert!(
        election.contains(&format!("# Imported from {}", source.display()))
            && !election.contains(".chatcontrole-import-"),
        "{election}"
    );
    write(&site, "templates/shortcodes/laatste-nieuws.html", HAND_PORT);
    let out = tmp.path().join("uit");
    build(&site, &out, &[]);
    assert_fixture_warnings(&check_passes(&site));

    let page = |party: &str| {
        std::fs::read_to_string(out.join(format!("stemwijzer-soorten/{party}/index.html"))).unwrap()
    };
    let gamma = page("gamma-unie");
    assert!(
        gamma.contains("Gamma Unie diende op 12 september 2026 motie 2026Z10001 in"),
        "{gamma}"
    );
    assert!(
        gamma.contains("Een stem tegen deze motie beschermt digitale rechten."),
        "{gamma}"
    );
    assert!(page("theta").contains("(mede-ondertekend)"));
    assert!(page("delta").contains("Delta in het debat van 8 oktober 2026:"));
}

#[test]
fn import_guide_into_a_migrated_site_builds_and_checks_with_warnings_only() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = hugo_with_guides(tmp.path());
    std::fs::remove_file(hugo.join("content/nl/stemwijzer-soorten.md")).unwrap();
    let _ = std::fs::remove_file(hugo.join("content/nl/stemwijzer2023.md"));
    let site = tmp.path().join("nieuw");
    let o = import(&hugo, &site, &["--guides"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The seed first: its "Staatkundig Gereformeerde Partij (SGP)" is the
    // fixture's "Staatkundig Gereformeerde Partij", not a second party.
    let mut guides: Vec<(PathBuf, &str)> = seed().map(|s| (s, "tk2023")).into_iter().collect();
    guides.push((fixture(), "kinds"));
    for (file, id) in guides {
        let o = run(&[
            "import",
            "guide",
            file.to_str().unwrap(),
            "--election",
            id,
            "--site",
            site.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    if seed().is_some() {
        let parties = site.join("data/elections/kinds/parties");
        assert!(
            parties
                .join("staatkundig-gereformeerde-partij.toml")
                .is_file()
        );
        assert!(
            !parties
                .join("staatkundig-gereformeerde-partij-2.toml")
                .exists()
        );
    }
    write(&site, "templates/shortcodes/laatste-nieuws.html", HAND_PORT);
    build(&site, &tmp.path().join("uit"), &[]);
    assert_fixture_warnings(&check_passes(&site));
}
