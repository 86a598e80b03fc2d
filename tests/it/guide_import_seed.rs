//! The importer on seed 000, the hand-written 2023 stemwijzer page, read from
//! ../shared/seeds at test time.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chatcontrole::guide::import::{ImportGuideArgs, run_import};
use chatcontrole::guide::load;
use chatcontrole::guide::model::{
    Districts, Election, EvidenceKind, GuideData, PartyEntry, ProgrammeFormat, VoteChoice,
};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seeds/000_b75f5f2a0c8728ac.txt"
);

fn seed() -> Option<PathBuf> {
    let path = Path::new(SEED);
    if path.exists() {
        Some(path.to_path_buf())
    } else {
        println!("skipped: ../shared/seeds not found");
        None
    }
}

fn args(file: PathBuf, site: &Path, dry_run: bool) -> ImportGuideArgs {
    ImportGuideArgs {
        file,
        election: "seedcheck".into(),
        site: site.to_path_buf(),
        dry_run,
        source_name: None,
    }
}

fn import_seed() -> Option<(tempfile::TempDir, GuideData)> {
    let file = seed()?;
    let site = tempfile::tempdir().unwrap();
    run_import(&args(file, site.path(), false)).unwrap_or_else(|d| panic!("import failed:\n{d}"));
    let data = load(site.path()).unwrap_or_else(|d| panic!("imported data does not load:\n{d}"));
    Some((site, data))
}

fn election(data: &GuideData) -> &Election {
    data.election("seedcheck").expect("election seedcheck")
}

/// The entry whose name, as written in the seed, is `name`.
fn entry<'a>(data: &'a GuideData, name: &str) -> &'a PartyEntry {
    election(data)
        .entries
        .iter()
        .find(|e| e.display_name(data) == name)
        .unwrap_or_else(|| panic!("no party named {name}"))
}

/// Names as written (footnote markers stripped) and their verdict symbols.
const VERDICTS: [(&str, &str); 26] = [
    ("50PLUS", "?"),
    ("BBB", "🟠"),
    ("BIJ1", "✅"),
    ("BVNL/Groep Van Haga", "✅"),
    ("CDA", "❌"),
    ("ChristenUnie", "❌"),
    ("D66", "🟠"),
    ("DENK", "✅"),
    ("Forum voor Democratie (FVD)", "✅"),
    ("GroenLinks/Partij van de Arbeid (PvdA)", "🟠"),
    ("JA21", "❌"),
    ("LEF – Voor de Nieuwe Generatie", "?"),
    ("LP (Libertaire Partij)", "✅"),
    ("Nederland met een PLAN", "?"),
    ("Nieuw Sociaal Contract", "🟠"),
    ("Partij voor de Dieren", "✅"),
    ("PartijvdSport", "❌"),
    ("Piratenpartij – De Groenen", "✅"),
    ("Politieke Partij voor Basisinkomen", "?"),
    ("PVV (Partij voor de Vrijheid)", "🟠"),
    ("Samen voor Nederland", "?"),
    ("SP (Socialistische Partij)", "✅"),
    ("Splinter", "✅"),
    ("Staatkundig Gereformeerde Partij (SGP)", "❌"),
    ("Volt", "🟠"),
    ("VVD", "❌"),
];

#[test]
fn all_parties_with_their_verdicts() {
    let Some((_site, data)) = import_seed() else {
        return;
    };
    let election = election(&data);
    assert_eq!(election.entries.len(), 26);
    assert_eq!(election.date.to_string(), "2023-11-22");
    for (name, symbol) in VERDICTS {
        let e = entry(&data, name);
        let level = election.level(&e.verdict).unwrap();
        assert_eq!(level.symbol, symbol, "verdict of {name}");
    }
}

#[test]
fn district_footnotes_become_exceptions() {
    let Some((_site, data)) = import_seed() else {
        return;
    };
    let expected: [(&str, Vec<u8>); 6] = [
        ("LEF – Voor de Nieuwe Generatie", vec![20]),
        ("LP (Libertaire Partij)", vec![20]),
        ("Nederland met een PLAN", vec![3, 16, 20]),
        ("PartijvdSport", vec![1, 2, 3, 5, 7, 12, 13, 16, 20]),
        (
            "Politieke Partij voor Basisinkomen",
            vec![1, 3, 4, 6, 7, 10, 11, 13, 14, 16, 19, 20],
        ),
        ("Samen voor Nederland", vec![20]),
    ];
    for (name, except) in &expected {
        assert_eq!(
            entry(&data, name).districts,
            Districts::Except(except.clone()),
            "{name}"
        );
    }
    let others = election(&data)
        .entries
        .iter()
        .filter(|e| !expected.iter().any(|(n, _)| *n == e.display_name(&data)));
    for e in others {
        assert_eq!(e.districts, Districts::All, "{}", e.party);
    }
}

#[test]
fn votes_with_their_direction() {
    let Some((_site, data)) = import_seed() else {
        return;
    };
    use VoteChoice::{Against, For};
    const M: &str = "2023Z07239";
    const B: &str = "36263";
    let expected: [(&str, &[(&str, VoteChoice)]); 26] = [
        ("50PLUS", &[]),
        ("BBB", &[(B, For)]),
        ("BIJ1", &[(M, For), (B, Against)]),
        ("BVNL/Groep Van Haga", &[(M, For), (B, Against)]),
        ("CDA", &[(M, Against), (B, For)]),
        ("ChristenUnie", &[(M, Against), (B, For)]),
        ("D66", &[(B, For)]),
        ("DENK", &[(M, For), (B, Against)]),
        ("Forum voor Democratie (FVD)", &[(M, For), (B, Against)]),
        ("GroenLinks/Partij van de Arbeid (PvdA)", &[(B, For)]),
        ("JA21", &[(B, For)]),
        ("LEF – Voor de Nieuwe Generatie", &[]),
        ("LP (Libertaire Partij)", &[]),
        ("Nederland met een PLAN", &[]),
        ("Nieuw Sociaal Contract", &[(B, For)]),
        ("Partij voor de Dieren", &[(M, For), (B, Against)]),
        ("PartijvdSport", &[]),
        ("Piratenpartij – De Groenen", &[]),
        ("Politieke Partij voor Basisinkomen", &[]),
        ("PVV (Partij voor de Vrijheid)", &[(M, For), (B, For)]),
        ("Samen voor Nederland", &[]),
        ("SP (Socialistische Partij)", &[(M, For), (B, Against)]),
        ("Splinter", &[]),
        (
            "Staatkundig Gereformeerde Partij (SGP)",
            &[(M, Against), (B, For)],
        ),
        ("Volt", &[(B, For)]),
        ("VVD", &[(M, Against), (B, For)]),
    ];
    for (name, votes) in expected {
        let found: BTreeSet<(String, VoteChoice)> = entry(&data, name)
            .evidence
            .iter()
            .filter(|e| e.kind == EvidenceKind::Vote)
            .map(|e| (e.item.clone().unwrap(), e.vote.expect("a direction")))
            .collect();
        let wanted: BTreeSet<(String, VoteChoice)> =
            votes.iter().map(|(i, v)| (i.to_string(), *v)).collect();
        assert_eq!(found, wanted, "votes of {name}");
    }
    assert_eq!(data.item(M).unwrap().protects, Some(For));
    assert_eq!(data.item(B).unwrap().protects, Some(Against));
}

#[test]
fn page_numbers_in_every_written_form() {
    let Some((_site, data)) = import_seed() else {
        return;
    };
    let expected: [(&str, &[&[u32]]); 17] = [
        ("BBB", &[&[48], &[89]]),
        ("BVNL/Groep Van Haga", &[&[57]]),
        ("CDA", &[&[71]]),
        ("ChristenUnie", &[&[102]]),
        ("D66", &[&[209]]),
        ("DENK", &[&[49], &[23]]),
        ("Forum voor Democratie (FVD)", &[&[22]]),
        ("GroenLinks/Partij van de Arbeid (PvdA)", &[&[77]]),
        ("JA21", &[&[40]]),
        ("LP (Libertaire Partij)", &[&[18, 19]]),
        ("Nieuw Sociaal Contract", &[&[62]]),
        ("Partij voor de Dieren", &[&[104]]),
        ("PartijvdSport", &[&[6]]),
        ("Piratenpartij – De Groenen", &[&[10, 11]]),
        ("Staatkundig Gereformeerde Partij (SGP)", &[&[6]]),
        ("Volt", &[&[119]]),
        ("BIJ1", &[]),
    ];
    for (name, pages) in expected {
        let found: Vec<Vec<u32>> = entry(&data, name)
            .evidence
            .iter()
            .filter(|e| !e.pages.is_empty())
            .map(|e| e.pages.clone())
            .collect();
        let wanted: Vec<Vec<u32>> = pages.iter().map(|p| p.to_vec()).collect();
        assert_eq!(found, wanted, "pages of {name}");
    }
    for name in ["BIJ1", "Splinter"] {
        assert!(
            entry(&data, name)
                .evidence
                .iter()
                .any(|e| e.no_pages && e.quote.is_some()),
            "{name} quotes a programme without page numbers"
        );
    }
}

#[test]
fn programmes_and_sources() {
    let Some((_site, data)) = import_seed() else {
        return;
    };
    let format = |name| entry(&data, name).programme.as_ref().map(|p| p.format);
    assert_eq!(format("50PLUS"), Some(ProgrammeFormat::Pdf));
    assert_eq!(format("BIJ1"), Some(ProgrammeFormat::Html));
    assert_eq!(
        format("LEF – Voor de Nieuwe Generatie"),
        None,
        "`---` means no source"
    );
    let vvd_links: Vec<_> = entry(&data, "VVD")
        .evidence
        .iter()
        .filter_map(|e| e.url.as_deref())
        .filter(|u| u.contains("chatcontrole.nl"))
        .collect();
    assert_eq!(vvd_links.len(), 2, "every link of the cell is kept");
}

#[test]
fn dry_run_lists_files_and_writes_nothing() {
    let Some(file) = seed() else { return };
    let site = tempfile::tempdir().unwrap();
    let listing = run_import(&args(file, site.path(), true)).unwrap();
    assert!(
        listing.contains("Dry run: would write 30 files."),
        "{listing}"
    );
    assert!(listing.contains("seedcheck/parties/vvd.toml"));
    assert_eq!(fs::read_dir(site.path()).unwrap().count(), 0);
}

#[test]
fn a_broken_seed_row_stops_the_import() {
    let Some(file) = seed() else { return };
    let text = fs::read_to_string(file).unwrap();
    let broken = text.replacen("CDA | ❌ |", "CDA | ❎ |", 1);
    let line = broken.lines().position(|l| l.starts_with("CDA |")).unwrap() + 1;
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("guide.md");
    fs::write(&md, broken).unwrap();
    let site = dir.path().join("site");
    let diags = run_import(&args(md, &site, false)).unwrap_err();
    let d = diags.iter().next().unwrap();
    assert_eq!(
        (d.line, d.message.as_str()),
        (line, "unknown verdict symbol `❎`")
    );
    assert!(!site.exists(), "nothing written");
}

#[test]
fn reimport_reuses_parties_and_keeps_the_path() {
    let Some((site, _)) = import_seed() else {
        return;
    };
    let election_toml = site.path().join("data/elections/seedcheck/election.toml");
    let text = fs::read_to_string(&election_toml)
        .unwrap()
        .replace("path = \"/seedcheck/\"", "path = \"/stemwijzer2023/\"");
    fs::write(&election_toml, text).unwrap();
    let parties_before = fs::read_to_string(site.path().join("data/parties.toml")).unwrap();
    run_import(&args(seed().unwrap(), site.path(), false)).unwrap();
    let parties_after = fs::read_to_string(site.path().join("data/parties.toml")).unwrap();
    assert_eq!(parties_before, parties_after, "no party added twice");
    let data = load(site.path()).unwrap();
    assert_eq!(election(&data).path.to_string(), "/stemwijzer2023/");
}

#[test]
fn imported_seed_has_only_warnings_in_check() {
    let Some((_site, data)) = import_seed() else {
        return;
    };
    let diags =
        chatcontrole::guide::check::check(&chatcontrole::guide::assessed::Assessed::new(&data));
    assert!(!diags.has_errors(), "{diags}");
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("not classified yet")),
        "check lists the unclassified evidence"
    );
}
