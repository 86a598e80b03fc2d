//! The importer reads its table cells as Markdown: links whose address holds
//! parentheses, `[` that never becomes a link, escaped pipes, district
//! footnotes in the singular and with numbers as words; and it leaves an
//! election.toml it cannot read alone.

use std::path::Path;

use chatcontrole::diagnostics::Diagnostics;
use chatcontrole::guide::import::{ImportGuideArgs, run_import};
use chatcontrole::guide::load;
use chatcontrole::guide::model::{Districts, Election};

const HEAD: &str = "Verkiezing op 3 maart 2027.\n\n- ✅ = Beschermt je berichten\n- ❌ = Beschermt je berichten niet\n\n| Partij | Oordeel | Toelichting | Bron |\n| --- | --- | --- | --- |\n";

fn import(site: &Path, page: &str, election: &str) -> Result<String, Diagnostics> {
    let file = site.join("gids.md");
    std::fs::write(&file, page).unwrap();
    run_import(&ImportGuideArgs {
        file,
        election: election.into(),
        site: site.to_path_buf(),
        dry_run: false,
        source_name: None,
    })
}

fn imported(rows: &str) -> Election {
    let site = tempfile::tempdir().unwrap();
    import(site.path(), &format!("{HEAD}{rows}"), "t2027").unwrap_or_else(|d| panic!("{d}"));
    let data = load(site.path()).unwrap_or_else(|d| panic!("{d}"));
    data.election("t2027").unwrap().clone()
}

#[test]
fn links_with_parentheses_are_read_whole() {
    let election = imported(
        "| Delta | ✅ | Zie [de AVG](https://nl.wikipedia.org/wiki/Verordening_(EU)_2016/679). | [Programma Delta](https://d.example/programma_(def).pdf) (pdf) |\n",
    );
    let delta = election.entry("delta").unwrap();
    let programme = delta.programme.as_ref().unwrap();
    assert_eq!(
        programme.url.as_deref(),
        Some("https://d.example/programma_(def).pdf")
    );
    assert_eq!(
        delta.evidence[0].url.as_deref(),
        Some("https://nl.wikipedia.org/wiki/Verordening_(EU)_2016/679")
    );
    assert_eq!(delta.evidence[0].title.as_deref(), Some("de AVG"));
}

#[test]
fn an_unclosed_bracket_before_a_link_is_text() {
    let election = imported("| Delta | ✅ | Zie [bron (p. 3) en [x](https://e.x/) | --- |\n");
    let delta = election.entry("delta").unwrap();
    let urls: Vec<_> = delta.evidence.iter().map(|e| e.url.as_deref()).collect();
    assert!(urls.contains(&Some("https://e.x/")), "{:?}", delta.evidence);
    assert!(
        delta.evidence.iter().any(|e| e.pages == [3]),
        "the page reference outside the link is kept: {:?}",
        delta.evidence
    );
}

#[test]
fn an_escaped_pipe_stays_in_its_cell() {
    let election = imported("| Delta \\| Lijst 4 | ❌ | Delta: \"a \\| b\" (p. 2) | --- |\n");
    let entry = &election.entries[0];
    assert_eq!(entry.party, "delta-lijst-4", "one cell, one party name");
    assert_eq!(entry.evidence[0].quote.as_deref(), Some("a | b"));
    assert_eq!(entry.evidence[0].pages, vec![2]);
}

#[test]
fn footnotes_in_the_singular_and_in_words() {
    let election = imported(
        "| Delta[^d] | ✅ | Zwijgt. | --- |\n| Epsilon[^e] | ❌ | Ook. | --- |\n| Zeta[^z] | ❌ | Ook. | --- |\n\n[^d]: Ongeldig verklaard in kieskring 3.\n[^e]: Doet mee in negentien kieskringen.\n[^z]: Lijst ongeldig in kieskring 3 (Assen) en kieskring 20 (Bonaire).\n",
    );
    assert_eq!(
        election.entry("delta").unwrap().districts,
        Districts::Except(vec![3])
    );
    assert_eq!(
        election.entry("epsilon").unwrap().districts,
        Districts::Count(19)
    );
    assert_eq!(
        election.entry("zeta").unwrap().districts,
        Districts::Except(vec![3, 20])
    );
}

#[test]
fn an_unreadable_election_file_is_left_alone() {
    let site = tempfile::tempdir().unwrap();
    let page = format!("{HEAD}| Delta | ✅ | Zwijgt. | --- |\n");
    import(site.path(), &page, "t2027").unwrap();
    let election_file = site.path().join("data/elections/t2027/election.toml");
    let broken = std::fs::read_to_string(&election_file)
        .unwrap()
        .replace("path = ", "path = = ");
    std::fs::write(&election_file, &broken).unwrap();
    let before = snapshot(site.path());

    let diags = import(site.path(), &page, "t2027").unwrap_err();
    assert!(
        diags.iter().any(|d| d.file == election_file && d.line > 0),
        "{diags}"
    );
    assert_eq!(snapshot(site.path()), before, "nothing was written");
}

#[test]
fn reimport_keeps_the_editors_path_intro_and_methodology() {
    let site = tempfile::tempdir().unwrap();
    let page = format!("{HEAD}| Delta | ✅ | Zwijgt. | --- |\n");
    import(site.path(), &page, "t2027").unwrap();
    let election_file = site.path().join("data/elections/t2027/election.toml");
    let text = std::fs::read_to_string(&election_file).unwrap();
    let edited = text
        .replace("path = \"/t2027/\"", "path = \"/gids/\"")
        .replace("methodology = \"", "methodology = \"Eigen woorden. ");
    assert_ne!(text, edited);
    std::fs::write(&election_file, &edited).unwrap();
    import(site.path(), &page, "t2027").unwrap();
    let again = std::fs::read_to_string(&election_file).unwrap();
    assert!(again.contains("path = \"/gids/\""), "{again}");
    assert!(again.contains("methodology = \"Eigen woorden. "), "{again}");
}

/// Every file below `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}
