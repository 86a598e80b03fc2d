//! `data/council/positions/XX.toml`: the position claims of one member
//! state, one file per state named after its code. A file that does not
//! parse is read again claim by claim, so every broken claim is reported.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::sources::source_with_archive;
use super::{Ctx, date, known_texts, restore_hint};
use crate::council::model::{Claim, CouncilData, Position, normalize_code};
use crate::data_file::{Parsed, read_text};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPositionsFile {
    #[serde(default)]
    claim: Vec<Spanned<RawClaim>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    date: Spanned<String>,
    position: Spanned<String>,
    text: Spanned<String>,
    source: Option<Spanned<String>>,
    archive_url: Option<Spanned<String>>,
    #[serde(default)]
    weakly_sourced: bool,
    #[serde(default)]
    note: String,
    note_en: Option<Spanned<String>>,
}

/// Every claim of every positions file in `dir`, checked and sorted by
/// state, date and source.
pub(super) fn load_positions(
    dir: &Path,
    ctx: &Ctx,
    data: &CouncilData,
    diags: &mut Diagnostics,
) -> Vec<Claim> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            diags.push(
                Diagnostic::error(
                    "position-folder-unreadable",
                    dir,
                    0,
                    0,
                    msg!(
                        "cannot read the positions folder: {err}",
                        "de map met standpunten kan niet worden gelezen: {err}"
                    ),
                )
                .with_hint(msg!(
                    "create data/council/positions/ with one XX.toml file per member state",
                    "maak de map data/council/positions/ met één bestand XX.toml per lidstaat"
                )),
            );
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut seen: BTreeMap<&'static str, PathBuf> = BTreeMap::new();
    let mut claims = Vec::new();
    for path in paths {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let Some(state) = normalize_code(stem) else {
            diags.push(
                Diagnostic::error(
                    "position-file-state-unknown",
                    &path,
                    0,
                    0,
                    msg!(
                        "`{stem}` is not the code of an EU member state",
                        "`{stem}` is niet de code van een EU-lidstaat"
                    ),
                )
                .with_hint(msg!(
                    "name the file after the state's code, e.g. NL.toml (Greece is EL.toml)",
                    "noem het bestand naar de code van de lidstaat, bijvoorbeeld NL.toml (Griekenland is EL.toml)"
                )),
            );
            continue;
        };
        if let Some(other) = seen.insert(state, path.clone()) {
            let other = other.display();
            diags.push(
                Diagnostic::error(
                    "position-file-twice",
                    &path,
                    0,
                    0,
                    msg!(
                        "{state} already has a positions file: {other}",
                        "{state} heeft al een bestand met standpunten: {other}"
                    ),
                )
                .with_hint(msg!(
                    "keep all claims of one state in one file",
                    "zet alle standpunten van één lidstaat in één bestand"
                )),
            );
            continue;
        }
        let Some(text) = read_text(&path, restore_hint(), diags) else {
            continue;
        };
        let files = match toml::from_str::<RawPositionsFile>(&text) {
            Ok(value) => vec![Parsed {
                path: path.clone(),
                text,
                value,
            }],
            // TOML stops at its first mistake; read claim by claim so
            // that every broken claim of the file is reported at once.
            Err(_) => claim_by_claim(&path, &text, diags),
        };
        for file in &files {
            for raw in &file.value.claim {
                if let Some(claim) = check_claim(file, raw, state, ctx, data, diags) {
                    claims.push(claim);
                }
            }
        }
    }
    claims.sort_by(|a, b| {
        (a.state, a.date.effective, &a.source.url).cmp(&(b.state, b.date.effective, &b.source.url))
    });
    claims
}

/// Parses a positions file that does not parse as a whole one `[[claim]]`
/// at a time, reporting the mistakes of every claim. Each part is padded
/// with the newlines before it, so lines and columns stay those of the file.
fn claim_by_claim(
    path: &Path,
    text: &str,
    diags: &mut Diagnostics,
) -> Vec<Parsed<RawPositionsFile>> {
    let mut starts: Vec<usize> = vec![0];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > 0 && line.trim_start().starts_with("[[claim]]") {
            starts.push(offset);
        }
        offset += line.len();
    }
    starts.push(text.len());
    let mut parts = Vec::new();
    for pair in starts.windows(2) {
        let before = text[..pair[0]].matches('\n').count();
        let padded = format!("{}{}", "\n".repeat(before), &text[pair[0]..pair[1]]);
        match toml::from_str::<RawPositionsFile>(&padded) {
            Ok(value) => parts.push(Parsed {
                path: path.to_path_buf(),
                text: padded,
                value,
            }),
            Err(err) => {
                diags.extend(crate::data_file::toml_mistakes::<RawPositionsFile>(
                    path, &padded, err,
                ));
            }
        }
    }
    parts
}

/// One claim, checked against the texts of `moments.toml` and today.
fn check_claim(
    file: &Parsed<RawPositionsFile>,
    spanned: &Spanned<RawClaim>,
    state: &'static str,
    ctx: &Ctx,
    data: &CouncilData,
    diags: &mut Diagnostics,
) -> Option<Claim> {
    let raw = spanned.get_ref();
    let line = file.line_of(spanned);
    let date = date(file, &raw.date, diags);
    let position = Position::parse(raw.position.get_ref());
    if position.is_none() {
        let written = raw.position.get_ref();
        diags.push(
            file.error(
                "position-unknown",
                &raw.position,
                msg!("unknown position `{written}`", "onbekend standpunt `{written}`"),
            )
            .with_hint(msg!(
                "write support, oppose, abstain or undecided (leave out states whose position is unknown)",
                "schrijf support, oppose, abstain of undecided (laat lidstaten weg waarvan het standpunt onbekend is)"
            )),
        );
    }
    let text_id = raw.text.get_ref().trim();
    let text = data.text(text_id);
    if text.is_none() {
        diags.push(
            file.error(
                "council-text-unknown",
                &raw.text,
                msg!("unknown text `{text_id}`", "onbekende tekst `{text_id}`"),
            )
            .with_hint(known_texts(data)),
        );
    }
    let source = match &raw.source {
        Some(at) => source_with_archive(file, at, raw.archive_url.as_ref(), &ctx.hosts, diags),
        None => {
            diags.push(
                Diagnostic::error(
                    "position-unsourced",
                    &file.path,
                    line,
                    1,
                    msg!("this claim has no source", "dit standpunt heeft geen bron"),
                )
                .with_hint(msg!(
                    "add source = \"https://...\": every position needs a source",
                    "voeg source = \"https://...\" toe: elk standpunt heeft een bron nodig"
                )),
            );
            None
        }
    };
    if let Some(date) = date
        && date.effective > ctx.today
    {
        diags.push(
            file.warning(
                "position-date-future",
                &raw.date,
                msg!(
                    "this claim is dated {date}, which is after today",
                    "dit standpunt heeft de datum {date}, en dat is na vandaag"
                ),
            )
            .with_hint(msg!(
                "check the date: a claim reports a position someone already took",
                "controleer de datum: een standpunt meldt wat een lidstaat al heeft gezegd of gedaan"
            )),
        );
    }
    if let (Some(date), Some(text)) = (date, text)
        && date.effective < text.date.effective
    {
        let (id, text_date) = (&text.id, text.date);
        diags.push(
            file.error(
                "position-before-text",
                &raw.date,
                msg!(
                    "this claim ({date}) is older than the text it concerns (`{id}`, {text_date})",
                    "dit standpunt ({date}) is ouder dan de tekst waar het over gaat (`{id}`, {text_date})"
                ),
            )
            .with_hint(msg!(
                "check the date, or the text the claim is about",
                "controleer de datum, of de tekst waar het standpunt over gaat"
            )),
        );
    }
    let note = super::local_text(file, &raw.note, raw.note_en.as_ref(), "note", diags);
    Some(Claim {
        state,
        date: date?,
        position: position?,
        text: text?.id.clone(),
        source: source?,
        weakly_sourced: raw.weakly_sourced,
        note,
        file: file.path.clone(),
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_site::{assert_reported, with_file};
    use test_case::test_case;

    const CLAIM_OK: &str = "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"https://example.org/a\"\n";

    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"https://example.org/a\"\nnote = \"Tegen.\"\nnote_en = \" \"\n", "NL.toml", 7, "note_en is empty"; "empty English note")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"https://example.org/a\"\nnote_en = \"Against.\"\n", "NL.toml", 6, "no Dutch `note`"; "English note without a Dutch one")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2025-11-26\"\nposition = \"against\"\ntext = \"dk-2025-11\"\nsource = \"https://example.org/a\"\n", "NL.toml", 3, "unknown position `against`"; "bad position")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"26-11-2025\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"https://example.org/a\"\n", "NL.toml", 2, "not a valid date"; "bad date")]
    #[test_case("positions/NL.toml", "\n[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\n", "NL.toml", 2, "no source"; "missing source")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"security.nl\"\n", "NL.toml", 5, "not a complete web address"; "source not a url")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2099\"\nsource = \"https://example.org/a\"\n", "NL.toml", 4, "unknown text `dk-2099`"; "unknown text")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2024-01-10\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"https://example.org/a\"\n", "NL.toml", 2, "older than the text"; "claim before text")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsouce = \"https://example.org/a\"\n", "NL.toml", 5, "`souce` is not a field here"; "typo in key")]
    #[test_case("positions/UK.toml", CLAIM_OK, "UK.toml", 0, "not the code of an EU member state"; "unknown state file")]
    #[test_case("positions/GR.toml", CLAIM_OK, "GR.toml", 0, "already has a positions file"; "alias clashes with EL")]
    fn reports_editor_mistakes(name: &str, content: &str, file: &str, line: usize, message: &str) {
        assert_reported(name, content, file, line, message);
    }

    #[test]
    fn reports_every_broken_claim_of_a_file() {
        let content = "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsouce = \"https://www.security.nl/a\"\n\n[[claim]]\ndate = 2025-11-27\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"https://www.security.nl/b\"\n\n[[claim]]\ndate = \"2025-11-28\"\nposition = \"maybe\"\ntext = \"dk-2025-11\"\nsource = \"https://www.security.nl/c\"\n";
        let (_tmp, diags) = with_file("positions/NL.toml", content);
        let lines: Vec<usize> = diags
            .iter()
            .filter(|d| d.file.ends_with("NL.toml"))
            .map(|d| d.line)
            .collect();
        assert!(lines.contains(&5), "unknown key `souce` on line 5: {diags}");
        assert!(lines.contains(&8), "date without quotes on line 8: {diags}");
        assert!(lines.contains(&15), "unknown position on line 15: {diags}");
    }

    #[test]
    fn collects_several_errors_at_once() {
        let content =
            "[[claim]]\ndate = \"2025-13-01\"\nposition = \"maybe\"\ntext = \"dk-2025-11\"\n";
        let (_tmp, diags) = with_file("positions/NL.toml", content);
        assert!(diags.error_count() >= 3, "{diags}");
    }
}
