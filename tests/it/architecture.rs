//! The shape of the code, checked: the rules of DESIGN §11–12 that a
//! reviewer would otherwise have to remember. Modules import each other in
//! one direction only (no circles between files), the Council's command
//! line is imported by `main.rs` alone, renderers neither take the site
//! folder nor touch the disk, and no source file grows past 900 lines.
//!
//! The module graph is read from the sources: every `crate::…` and
//! `super::…` path and every `pub use` names the file it resolves to (the
//! longest module path that is a file). Test modules (`#[cfg(test)] mod
//! tests`) are left out: they may use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module: its path below `src/` as segments (`["council", "view"]`).
type Module = Vec<String>;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file below `src/` with its module path.
fn modules() -> BTreeMap<Module, PathBuf> {
    let mut found = BTreeMap::new();
    for entry in walkdir::WalkDir::new(src()).sort_by_file_name() {
        let entry = entry.expect("readable src/");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(src()).expect("below src/");
        let mut parts: Module = rel
            .with_extension("")
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if parts.last().is_some_and(|p| p == "mod") {
            parts.pop();
        }
        if parts == ["lib"] || parts == ["main"] {
            parts = vec![format!("<{}>", parts[0])];
        }
        found.insert(parts, path.to_path_buf());
    }
    found
}

/// The text of a source file without its test module and comments.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("readable source");
    // The test module: `#[cfg(test)]` (or `#[cfg(all(test, …))]`) before a
    // `mod`, to the end of the file by this code base's convention.
    let lines: Vec<&str> = text.lines().collect();
    let test_module = lines.windows(2).position(|pair| {
        pair[0].trim_start().starts_with("#[cfg(")
            && pair[0].contains("test")
            && pair[1]
                .trim_start()
                .trim_start_matches("pub(crate) ")
                .starts_with("mod ")
    });
    let text = match test_module {
        Some(at) => lines[..at].join("\n"),
        None => text.clone(),
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The longest prefix of `path` that is a module file.
fn resolve(path: &[String], all: &BTreeMap<Module, PathBuf>) -> Option<Module> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|candidate| all.contains_key(candidate))
}

/// The paths a source file names, as segments: `crate::a::b`, `super::c`,
/// the items of `use crate::{a, b::c}` and `pub use x::…` of a module root.
fn named_paths(code: &str) -> Vec<(String, Vec<String>)> {
    let mut paths = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let text: String = bytes.iter().collect();
    for kind in ["crate", "super"] {
        let mut from = 0;
        while let Some(at) = text[from..].find(&format!("{kind}::")) {
            let start = from + at;
            from = start + kind.len() + 2;
            let before = text[..start].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &text[start + kind.len() + 2..];
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or("");
                for item in inner.split(',') {
                    let segments: Vec<String> = item
                        .trim()
                        .split("::")
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty() && s != "self")
                        .collect();
                    if !segments.is_empty() {
                        paths.push((kind.to_string(), segments));
                    }
                }
                continue;
            }
            let segments: Vec<String> = rest
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap_or("")
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            paths.push((kind.to_string(), segments));
        }
    }
    for line in code.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("pub use ") {
            let first = rest.split("::").next().unwrap_or("");
            if !["crate", "super", "self", "std"].contains(&first) && !first.contains(' ') {
                paths.push(("self".to_string(), vec![first.to_string()]));
            }
        }
    }
    paths
}

/// Which module each module imports.
fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let all = modules();
    let mut edges = BTreeMap::new();
    for (module, path) in &all {
        let is_root = module.first().is_some_and(|m| m.starts_with('<'));
        let own: Module = if is_root { Vec::new() } else { module.clone() };
        let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let is_folder = matches!(file_name, "mod.rs" | "lib.rs" | "main.rs");
        let parent: Module = if is_folder {
            own.clone()
        } else {
            own[..own.len().saturating_sub(1)].to_vec()
        };
        let mut targets = BTreeSet::new();
        for (kind, segments) in named_paths(&code_of(path)) {
            let full: Vec<String> = match kind.as_str() {
                "crate" => segments,
                "self" => own.iter().cloned().chain(segments).collect(),
                _ => {
                    let mut base = parent.clone();
                    let mut rest = segments.as_slice();
                    while rest.first().is_some_and(|s| s == "super") {
                        base.pop();
                        rest = &rest[1..];
                    }
                    base.into_iter().chain(rest.iter().cloned()).collect()
                }
            };
            if let Some(target) = resolve(&full, &all)
                && &target != module
            {
                targets.insert(target);
            }
        }
        edges.insert(module.clone(), targets);
    }
    edges
}

/// Every group of modules that import each other in a circle (Tarjan's
/// strongly connected components with more than one module).
fn circles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct State<'g> {
        edges: &'g BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'g Module, usize>,
        low: BTreeMap<&'g Module, usize>,
        stack: Vec<&'g Module>,
        on_stack: BTreeSet<&'g Module>,
        found: Vec<Vec<Module>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g Module) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in &s.edges[v] {
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.clone());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                s.found.push(group);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !state.index.contains_key(v) {
            visit(&mut state, v);
        }
    }
    state.found
}

fn name(module: &Module) -> String {
    module.join("::")
}

#[test]
fn no_two_modules_import_each_other_even_through_others() {
    let edges = graph();
    let found = circles(&edges);
    let described: Vec<String> = found
        .iter()
        .map(|group| {
            let members: BTreeSet<&Module> = group.iter().collect();
            let links: Vec<String> = group
                .iter()
                .flat_map(|from| {
                    edges[from]
                        .iter()
                        .filter(|to| members.contains(to))
                        .map(move |to| format!("{} → {}", name(from), name(to)))
                })
                .collect();
            links.join(", ")
        })
        .collect();
    assert!(
        found.is_empty(),
        "import circles between modules:\n  {}",
        described.join("\n  ")
    );
}

#[test]
fn the_graph_reader_sees_a_circle_where_there_is_one() {
    let a = vec!["a".to_string()];
    let b = vec!["b".to_string()];
    let c = vec!["c".to_string()];
    let edges = BTreeMap::from([
        (a.clone(), BTreeSet::from([b.clone()])),
        (b.clone(), BTreeSet::from([c.clone()])),
        (c.clone(), BTreeSet::from([a.clone()])),
    ]);
    assert_eq!(circles(&edges).len(), 1);
    let paths =
        named_paths("use crate::{config::SiteConfig, council::view};\nuse super::model::X;");
    assert!(paths.contains(&(
        "crate".to_string(),
        vec!["config".into(), "SiteConfig".into()]
    )));
    assert!(paths.contains(&("super".to_string(), vec!["model".into(), "X".into()])));
    // The real graph has the edges this test relies on.
    let edges = graph();
    let view = vec!["council".to_string(), "view".to_string()];
    assert!(
        edges[&view].contains(&vec!["council".to_string(), "standing".to_string()]),
        "council::view should import council::standing: {:?}",
        edges[&view]
    );
}

#[test]
fn only_main_imports_the_council_command_line() {
    let cli = vec!["council".to_string(), "cli".to_string()];
    let importers: Vec<String> = graph()
        .iter()
        .filter(|(module, targets)| targets.contains(&cli) && **module != cli)
        .map(|(module, _)| name(module))
        .filter(|m| m != "<main>" && m != "council")
        .collect();
    assert!(
        importers.is_empty(),
        "only src/main.rs may import council::cli; also imported by: {importers:?}"
    );
}

/// The files that render: they turn the model into pages and must neither
/// read the disk nor be handed the site folder.
fn rendering_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(src().join("render"))
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        // A module's tests in a file of their own (`#[path = "x_tests.rs"]`)
        // set up what they render, on disk as an editor would.
        .filter(|e| !e.file_name().to_string_lossy().ends_with("_tests.rs"))
        .map(|e| e.path().to_path_buf())
        .collect();
    for file in [
        "derive.rs",
        "home.rs",
        "guide/view.rs",
        "guide/vote_views.rs",
        "guide/export.rs",
        "guide/cards.rs",
        "guide/assessed.rs",
        "council/view.rs",
        "council/chart.rs",
        "council/cards.rs",
        "council/standing.rs",
        "council/explain.rs",
        "contact/view.rs",
        "contact/message.rs",
    ] {
        files.push(src().join(file));
    }
    files
}

#[test]
fn renderers_neither_read_files_nor_take_the_site_folder() {
    let mut found = Vec::new();
    for file in rendering_files() {
        let code = code_of(&file);
        for (n, line) in code.lines().enumerate() {
            let reads = [
                "std::fs::",
                "fs::read",
                "read_dir(",
                ".is_file()",
                ".is_dir()",
            ]
            .iter()
            .any(|needle| line.contains(needle));
            let takes_site = ["site_root: &Path", "site: &Path", "site_dir: &Path"]
                .iter()
                .any(|needle| line.contains(needle));
            if reads || takes_site {
                found.push(format!(
                    "{}:{}: {}",
                    file.strip_prefix(src()).unwrap_or(&file).display(),
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "rendering code must get everything from the model (load reads, write writes):\n  {}",
        found.join("\n  ")
    );
}

#[test]
fn no_source_file_is_over_900_lines() {
    // qmv.rs keeps its oracle tests next to the law they check.
    let allowed = [src().join("council/qmv.rs")];
    let too_long: Vec<String> = modules()
        .values()
        .filter(|path| !allowed.contains(path))
        .filter_map(|path| {
            let lines = std::fs::read_to_string(path).ok()?.lines().count();
            (lines > 900).then(|| format!("{} ({lines} lines)", path.display()))
        })
        .collect();
    assert!(
        too_long.is_empty(),
        "split these into files of one concern each: {too_long:?}"
    );
}
