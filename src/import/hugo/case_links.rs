//! Links that differ from a published address only in letter case
//! (`/nieuws/CDU-CSU-geen-chatcontrole` where Hugo published
//! `/nieuws/cdu-csu-geen-chatcontrole/`). They worked on a host that ignores
//! case and were already broken on one that does not; the import writes the
//! published address instead and lists each change.

use std::collections::HashMap;

use pulldown_cmark::{Event, Parser, Tag};

use crate::content::markdown::parser_options;

/// One link written anew.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFix {
    /// 1-based line in the body.
    pub line: usize,
    /// The address as written.
    pub from: String,
    /// The published address it now points at.
    pub to: String,
}

/// The published addresses, looked up without regard to case.
#[derive(Debug, Default)]
pub struct Published {
    exact: std::collections::HashSet<String>,
    by_lower: HashMap<String, String>,
}

impl Published {
    /// The set of `paths` (site paths such as `/nieuws/x/`).
    pub fn new<'a>(paths: impl IntoIterator<Item = &'a str>) -> Published {
        let mut published = Published::default();
        for path in paths {
            published.exact.insert(path.to_string());
            published
                .by_lower
                .entry(path.to_lowercase())
                .or_insert_with(|| path.to_string());
        }
        published
    }

    /// The published address `path` means when only its case is wrong.
    fn case_fix(&self, path: &str) -> Option<&str> {
        let with_slash = if path.ends_with('/') {
            path.to_string()
        } else {
            format!("{path}/")
        };
        if self.exact.contains(path) || self.exact.contains(&with_slash) {
            return None;
        }
        self.by_lower
            .get(&with_slash.to_lowercase())
            .or_else(|| self.by_lower.get(&path.to_lowercase()))
            .map(String::as_str)
    }
}

/// Rewrites the inline links and images of `body` whose site path is wrong
/// only in case; returns the new body and what changed.
pub fn fix(body: &str, published: &Published) -> (String, Vec<CaseFix>) {
    let mut edits: Vec<(std::ops::Range<usize>, String, CaseFix)> = Vec::new();
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        let (Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. })) =
            event
        else {
            continue;
        };
        let url = dest_url.to_string();
        if !url.starts_with('/') || url.starts_with("//") {
            continue;
        }
        let cut = url.find(['#', '?']).unwrap_or(url.len());
        let (path, rest) = url.split_at(cut);
        let Some(to) = published.case_fix(path) else {
            continue;
        };
        // The address as written inside this link's own text (an inline
        // link); a reference definition elsewhere is left for `check`.
        let text = &body[range.clone()];
        let Some(at) = text.rfind(&format!("({url}")) else {
            continue;
        };
        let start = range.start + at + 1;
        let fixed = format!("{to}{rest}");
        edits.push((
            start..start + url.len(),
            fixed.clone(),
            CaseFix {
                line: body[..start].matches('\n').count() + 1,
                from: url,
                to: fixed,
            },
        ));
    }
    let mut out = body.to_string();
    for (range, to, _) in edits.iter().rev() {
        out.replace_range(range.clone(), to);
    }
    (out, edits.into_iter().map(|(_, _, fix)| fix).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published() -> Published {
        Published::new([
            "/nieuws/cdu-csu-geen-chatcontrole/",
            "/docs/",
            "/Hoofdletters/",
        ])
    }

    #[test]
    fn a_link_wrong_only_in_case_points_at_the_published_address() {
        let body = "Zie [dit](/nieuws/CDU-CSU-geen-chatcontrole#kop) en\n![b](/Docs/).\n";
        let (out, fixes) = fix(body, &published());
        assert_eq!(
            out,
            "Zie [dit](/nieuws/cdu-csu-geen-chatcontrole/#kop) en\n![b](/docs/).\n"
        );
        assert_eq!(
            fixes,
            [
                CaseFix {
                    line: 1,
                    from: "/nieuws/CDU-CSU-geen-chatcontrole#kop".into(),
                    to: "/nieuws/cdu-csu-geen-chatcontrole/#kop".into()
                },
                CaseFix {
                    line: 2,
                    from: "/Docs/".into(),
                    to: "/docs/".into()
                }
            ]
        );
    }

    #[test]
    fn right_links_other_hosts_code_and_unknown_paths_stay() {
        let body = "[a](/docs/) [b](/Hoofdletters/) [c](https://x.test/DOCS/) `[d](/DOCS/)`\n\n    [e](/DOCS/)\n\n[f](/bestaat-niet/)\n";
        let (out, fixes) = fix(body, &published());
        assert_eq!(out, body);
        assert!(fixes.is_empty());
    }
}
