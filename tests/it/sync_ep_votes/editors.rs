//! `sync ep-votes` and the files editors wrote by hand: refreshing every vote
//! leaves a vote the editors entered from their own sources exactly as it
//! is; naming it with `--vote` replaces it with HowTheyVote.eu's record but
//! keeps the editors' words, their comments and (as a comment) the old
//! provenance; and a rewritten file keeps its permissions.

use super::*;

/// A vote the editors entered by hand, as in the example site: comments
/// naming their sources on top, and an `editor` provenance.
const ENTERED_BY_HAND: &str = r#"# Uitslag volgens het persbericht van het Parlement van 26 maart 2026.
# Stemgedrag van de Nederlandse leden uit de hoofdelijke stemming (bijlage RCV).
date = 2026-03-26
title_nl = "Eindstemming over de verlenging"
result = "rejected"
protects = "against"
why = "Doordat een meerderheid tegen stemde, verliep de regeling."

[totals]
for = 228
against = 311
abstain = 92

[provenance]
kind = "editor"
note = "Uitslag en stemmen uit de notulen"
checked_on = 2026-12-04

[[member]]
mep = 197783
name = "Bart Groothuis"
group = "RENEW"
vote = "for"
"#;

fn site_with_a_vote_entered_by_hand() -> tempfile::TempDir {
    let site = site();
    crate::common::write(site.path(), "data/ep/votes/189270.toml", ENTERED_BY_HAND);
    site
}

#[test]
fn refreshing_every_vote_leaves_a_vote_the_editors_entered_as_it_is() {
    let site = site_with_a_vote_entered_by_hand();
    let files = snapshot(site.path());
    let api = Htv::fine();
    let run = run(site.path(), &api.api(), &[]);
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert!(
        run.stderr.contains(
            "vote 189270 was entered by the editors (provenance kind `editor`); left as it is"
        ) && run.stderr.contains("sync ep-votes --vote 189270"),
        "{}",
        run.all()
    );
    assert!(api.log().is_empty(), "nothing is fetched: {:?}", api.log());
    assert!(snapshot(site.path()) == files);
}

#[test]
fn naming_a_vote_the_editors_entered_replaces_it_and_keeps_their_words_and_notes() {
    let site = site_with_a_vote_entered_by_hand();
    let api = Htv::fine();
    let run = run(site.path(), &api.api(), &["--vote", "189270"]);
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert!(
        run.stderr
            .contains("vote 189270 was entered by the editors (provenance kind `editor`) and is now HowTheyVote.eu's record"),
        "{}",
        run.all()
    );
    let text = std::fs::read_to_string(vote_file(site.path(), FINAL)).unwrap();
    for kept in [
        "# Uitslag volgens het persbericht van het Parlement van 26 maart 2026.\n",
        "# Stemgedrag van de Nederlandse leden uit de hoofdelijke stemming (bijlage RCV).\n",
        "# Before sync ep-votes replaced it, the editors' provenance was:\n",
        "#   kind = \"editor\"\n",
        "#   note = \"Uitslag en stemmen uit de notulen\"\n",
        "title_nl = \"Eindstemming over de verlenging\"\n",
        "why = \"Doordat een meerderheid tegen stemde, verliep de regeling.\"\n",
    ] {
        assert!(text.contains(kept), "{kept:?} is lost:\n{text}");
    }
    let file = table(site.path(), FINAL);
    assert_eq!(file["provenance"]["kind"].as_str(), Some("synced"));

    // A second sync finds nothing new and leaves the notes where they are.
    let before = snapshot(site.path());
    let again = super::run(site.path(), &api.api(), &["--vote", "189270"]);
    assert_eq!(again.code, Some(0), "{}", again.all());
    assert!(snapshot(site.path()) == before, "{}", again.all());
}

#[cfg(unix)]
#[test]
fn a_vote_file_is_readable_by_others_and_a_rewrite_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let site = site();
    let api = Htv::fine();
    let first = run(site.path(), &api.api(), &["--vote", "189270"]);
    assert_eq!(first.code, Some(0), "{}", first.all());
    let path = vote_file(site.path(), FINAL);
    assert_eq!(mode(&path), 0o644);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("title_nl = \"\"", "title_nl = \"Eindstemming\"");
    std::fs::write(&path, text).unwrap();
    let changed = Htv::start(|p, _| {
        let mut vote = final_vote();
        vote["stats"]["total"]["FOR"] = json!(229);
        if p == format!("/api/votes/{FINAL}") {
            Answer::json(vote.to_string())
        } else {
            Answer::status(404)
        }
    });
    let second = run(site.path(), &changed.api(), &["--vote", "189270"]);
    assert_eq!(second.code, Some(0), "{}", second.all());
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("for = 229")
    );
    assert_eq!(mode(&path), 0o664);
}

#[test]
fn a_named_vote_the_editors_entered_that_fails_to_download_is_kept_and_not_said_replaced() {
    let site = site_with_a_vote_entered_by_hand();
    let files = snapshot(site.path());
    let api = Htv::start(|_, _| Answer::status(500));
    let run = run(site.path(), &api.api(), &["--vote", "189270"]);
    assert_eq!(run.code, Some(1), "{}", run.all());
    assert!(
        !run.stderr.contains("is now HowTheyVote.eu's record"),
        "{}",
        run.all()
    );
    assert!(snapshot(site.path()) == files);
}
