//! The text of a `data/ep/votes/<id>.toml` that `sync ep-votes` writes, and
//! the editors' words it keeps from the file already there.
//!
//! Sync must never lose an editor's words: `title_nl`, `protects`, `why`,
//! `why_en` and `editors_note` (and `result`, when the API gives none) are read from the
//! existing file and written back unchanged. A new file gets them empty,
//! under a comment that says what to write; `check` reports them as errors
//! until an editor fills them in. The file credits HowTheyVote.eu and its
//! licence in `licence`, so reusers of the file see it.

use chrono::NaiveDate;

use super::model::{Totals, VoteResult, VoteWord};
use crate::diagnostics::Message;
use crate::msg;

/// The credit every synced file carries.
pub const LICENCE: &str =
    "Data: HowTheyVote.eu, Open Database License (ODbL), https://howtheyvote.eu/about";

/// The fields that belong to the editors, as found in an existing file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EditorFields {
    /// What was voted on, in plain Dutch.
    pub title_nl: String,
    /// `for` or `against`, as written.
    pub protects: String,
    /// Why that vote protects.
    pub why: String,
    /// The same in English, if written.
    pub why_en: Option<String>,
    /// The editors' note, if any.
    pub editors_note: Option<String>,
    /// The result as written, kept when the API gives none.
    pub result: Option<String>,
    /// The `fetched_at` of the existing file, to tell an unchanged vote.
    pub fetched_at: Option<String>,
    /// The existing file's `[provenance] kind` (`synced`, `editor`, …).
    pub provenance_kind: Option<String>,
    /// The comment lines at the top of the existing file that sync did not
    /// write (the editors' notes on their sources), kept above the data.
    pub comments: Vec<String>,
}

/// The comment lines `render` itself writes at the top of a file.
const HEADER: [&str; 4] = [
    "# Written by `chatcontrole sync ep-votes` from HowTheyVote.eu; sync again to refresh.",
    "# title_nl, protects, why and editors_note are the editors' words: sync keeps them.",
    "# Editors: fill in title_nl (what was voted on, in plain Dutch), protects (\"for\" or",
    "# \"against\": the vote that protects private messages) and why (one Dutch sentence).",
];

/// The comment lines before the first line of data in `text`, without the
/// ones `render` writes itself.
fn leading_comments(text: &str) -> Vec<String> {
    text.lines()
        .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        .filter(|l| l.trim_start().starts_with('#') && !HEADER.contains(&l.trim_end()))
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// Reads the editors' fields of an existing file. Err (with the reason)
/// when the text is not TOML or a field is not text: then sync must not
/// replace the file, or the words in it would be lost.
pub fn editor_fields(text: &str) -> Result<EditorFields, Message> {
    // The TOML parser's own words.
    let table = text
        .parse::<toml::Table>()
        .map_err(|e| Message::verbatim(e.message()))?;
    let get = |key: &str| -> Result<Option<String>, Message> {
        match table.get(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(msg!(
                "`{key}` is {}, not text",
                "`{key}` is {}, geen tekst",
                other.type_str()
            )),
        }
    };
    let fetched_at = table
        .get("provenance")
        .and_then(|p| p.get("fetched_at"))
        .map(|v| match v {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(d) => d.to_string(),
            other => other.to_string(),
        });
    Ok(EditorFields {
        title_nl: get("title_nl")?.unwrap_or_default(),
        protects: get("protects")?.unwrap_or_default(),
        why: get("why")?.unwrap_or_default(),
        why_en: get("why_en")?,
        editors_note: get("editors_note")?,
        result: get("result")?,
        fetched_at,
        provenance_kind: table
            .get("provenance")
            .and_then(|p| p.get("kind"))
            .and_then(toml::Value::as_str)
            .map(str::to_string),
        comments: leading_comments(text),
    })
}

/// What the API says of one vote, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncedVote {
    /// The day of the vote.
    pub date: NaiveDate,
    /// The English title.
    pub title_en: Option<String>,
    /// The procedure reference.
    pub procedure: Option<String>,
    /// The result, when the API gives it.
    pub result: Option<VoteResult>,
    /// The whole Parliament's numbers.
    pub totals: Totals,
    /// The queried address.
    pub api: String,
    /// When it was fetched (RFC 3339, UTC).
    pub fetched_at: String,
    /// The members of the site's country.
    pub members: Vec<WrittenMember>,
}

/// One member as written in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenMember {
    /// The member id.
    pub mep: u64,
    /// The name (as meps.toml writes it when the member is there).
    pub name: String,
    /// The group code.
    pub group: String,
    /// The vote.
    pub vote: VoteWord,
}

fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The file's text: the API's facts with the editors' fields kept.
pub fn render(vote: &SyncedVote, editor: &EditorFields) -> String {
    let mut out = format!("{}\n{}\n", HEADER[0], HEADER[1]);
    let unfilled = editor.title_nl.trim().is_empty()
        || editor.protects.trim().is_empty()
        || editor.why.trim().is_empty();
    if unfilled {
        out.push_str(&format!("{}\n{}\n", HEADER[2], HEADER[3]));
    }
    for line in &editor.comments {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&format!("date = {}\n", vote.date));
    out.push_str(&format!("title_nl = {}\n", quoted(&editor.title_nl)));
    if let Some(t) = &vote.title_en {
        out.push_str(&format!("title_en = {}\n", quoted(t)));
    }
    if let Some(p) = &vote.procedure {
        out.push_str(&format!("procedure = {}\n", quoted(p)));
    }
    let result = match vote.result {
        Some(VoteResult::Adopted) => "adopted".to_string(),
        Some(VoteResult::Rejected) => "rejected".to_string(),
        None => editor.result.clone().unwrap_or_default(),
    };
    out.push_str(&format!("result = {}\n", quoted(&result)));
    out.push_str(&format!("protects = {}\n", quoted(&editor.protects)));
    out.push_str(&format!("why = {}\n", quoted(&editor.why)));
    if let Some(why_en) = &editor.why_en {
        out.push_str(&format!("why_en = {}\n", quoted(why_en)));
    }
    if let Some(note) = &editor.editors_note {
        out.push_str(&format!("editors_note = {}\n", quoted(note)));
    }
    out.push_str(&format!("licence = {}\n", quoted(LICENCE)));
    out.push_str(&format!(
        "\n[totals]\nfor = {}\nagainst = {}\n",
        vote.totals.for_, vote.totals.against
    ));
    if let Some(a) = vote.totals.abstain {
        out.push_str(&format!("abstain = {a}\n"));
    }
    out.push_str(&format!(
        "\n[provenance]\nkind = \"synced\"\napi = {}\nfetched_at = {}\n",
        quoted(&vote.api),
        vote.fetched_at
    ));
    for m in &vote.members {
        out.push_str(&format!(
            "\n[[member]]\nmep = {}\nname = {}\ngroup = {}\nvote = {}\n",
            m.mep,
            quoted(&m.name),
            quoted(&m.group),
            quoted(m.vote.word())
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote() -> SyncedVote {
        SyncedVote {
            date: NaiveDate::from_ymd_opt(2026, 3, 26).unwrap(),
            title_en: Some("Temporary \"derogation\"".to_string()),
            procedure: Some("2025/0429(COD)".to_string()),
            result: Some(VoteResult::Rejected),
            totals: Totals {
                for_: 228,
                against: 311,
                abstain: Some(92),
            },
            api: "https://howtheyvote.eu/api/votes/189574".to_string(),
            fetched_at: "2026-12-04T10:00:00Z".to_string(),
            members: vec![WrittenMember {
                mep: 124831,
                name: "Bas Eickhout".to_string(),
                group: "GREENS".to_string(),
                vote: VoteWord::Against,
            }],
        }
    }

    #[test]
    fn a_new_file_says_what_the_editors_must_write() {
        insta::assert_snapshot!(render(&vote(), &EditorFields::default()));
    }

    #[test]
    fn the_editors_words_survive_a_round_trip() {
        let editor = EditorFields {
            title_nl: "Verlenging \"tijdelijk\"\nmet regel".to_string(),
            protects: "against".to_string(),
            why: "Omdat.".to_string(),
            why_en: Some("Because.".to_string()),
            editors_note: Some("Nagekeken in de notulen.".to_string()),
            result: None,
            fetched_at: None,
            provenance_kind: None,
            comments: vec!["# Uitslag nagekeken in de notulen van de vergadering.".to_string()],
        };
        let text = render(&vote(), &editor);
        assert!(!text.contains("# Editors: fill in"));
        let back = editor_fields(&text).unwrap();
        assert_eq!(
            back,
            EditorFields {
                result: Some("rejected".to_string()),
                fetched_at: Some("2026-12-04T10:00:00Z".to_string()),
                provenance_kind: Some("synced".to_string()),
                ..editor
            }
        );
    }

    #[test]
    fn a_file_that_is_not_toml_is_not_replaced() {
        assert!(editor_fields("title_nl = \"open").is_err());
        let err = editor_fields("why = 3").unwrap_err();
        assert_eq!(err, "`why` is integer, not text");
        assert_eq!(err.nl, "`why` is integer, geen tekst");
    }

    #[test]
    fn without_a_result_from_the_api_the_editors_result_is_kept() {
        let mut v = vote();
        v.result = None;
        let editor = EditorFields {
            result: Some("adopted".to_string()),
            ..EditorFields::default()
        };
        assert!(render(&v, &editor).contains("result = \"adopted\"\n"));
    }
}
