//! The theme in English, built for real: the example site with English
//! news (home, news list, a post, search and 404 under `/en/`), and a site
//! on the starter theme that `import hugo` writes, in English only. No page
//! shows the Dutch text of a theme string (the `# --- theme` block of
//! site/i18n/nl.toml) outside an element marked `lang="nl"`, and the
//! language switch and hreflang links connect the two languages.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{build, read, run, write};
use scraper::{Html, Node};

/// The theme's block of an i18n file, parsed.
fn theme_block(text: &str) -> toml::Table {
    let start = text.find("# --- theme").expect("the theme block");
    let rest = &text[start..];
    let end = rest[1..].find("\n# --- ").map_or(rest.len(), |i| i + 1);
    rest[..end].parse().expect("the theme block is TOML")
}

/// The pieces of a string's text(s) between placeholders, of at least four
/// characters, trimmed of spaces and punctuation.
fn fragments(value: &toml::Value) -> Vec<String> {
    let texts: Vec<&str> = match value {
        toml::Value::String(s) => vec![s],
        toml::Value::Table(t) => t.values().filter_map(|v| v.as_str()).collect(),
        other => panic!("a string has text or plural forms, not {other}"),
    };
    let placeholder = regex::Regex::new(r"\{\{[^}]*\}\}").unwrap();
    texts
        .iter()
        .flat_map(|t| placeholder.split(t).map(str::to_string).collect::<Vec<_>>())
        .map(|p| {
            p.trim_matches(|c: char| c.is_whitespace() || ",.:;()“”".contains(c))
                .to_string()
        })
        .filter(|p| p.chars().count() >= 4)
        .collect()
}

/// Each Dutch fragment of the theme that no English theme string has, with
/// its key and a pattern that finds it as a whole word.
fn dutch_words() -> Vec<(String, String, regex::Regex)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let nl = theme_block(&std::fs::read_to_string(format!("{root}/site/i18n/nl.toml")).unwrap());
    let en = theme_block(&std::fs::read_to_string(format!("{root}/site/i18n/en.toml")).unwrap());
    words_of(&nl, &en)
}

/// Each Dutch fragment of every interface string of site/i18n/nl.toml
/// (theme, Council tracker, guide, contact tool) that no English string
/// has, and the commonest Dutch words, which no English sentence uses.
fn all_dutch_words() -> Vec<(String, String, regex::Regex)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let file = |lang: &str| -> toml::Table {
        std::fs::read_to_string(format!("{root}/site/i18n/{lang}.toml"))
            .unwrap()
            .parse()
            .unwrap()
    };
    let mut words = words_of(&file("nl"), &file("en"));
    for word in [
        "het",
        "een",
        "niet",
        "wordt",
        "zijn",
        "voor",
        "naar",
        "ook",
        "maar",
        "deze",
        "welke",
        "waarom",
        "tegen",
        "geen",
        "partij",
        "partijen",
        "stemde",
        "bericht",
        "berichten",
        "lees meer",
        "bekijk",
        "bron",
        "bronnen",
        "volgens",
        "opgehaald",
    ] {
        words.push((
            "(a common Dutch word)".to_string(),
            word.to_string(),
            whole_word(word),
        ));
    }
    words
}

/// A pattern that finds `fragment` as a whole word (or words).
fn whole_word(fragment: &str) -> regex::Regex {
    regex::Regex::new(&format!(
        r"(?i:(?:^|[^\p{{L}}]){}(?:[^\p{{L}}]|$))",
        regex::escape(fragment)
    ))
    .unwrap()
}

/// Dutch fragments that are English words as well ("all over Europe").
const ENGLISH_TOO: &[&str] = &["over"];

/// The names parties go by (`name`, `short_name`, `aliases` of
/// site/data/parties.toml), longest first: proper names, which an English
/// page writes as the party does (WCAG 3.1.2 exempts them).
fn party_names() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let parties: toml::Table = std::fs::read_to_string(format!("{root}/site/data/parties.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let mut names: Vec<String> = parties["party"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| {
            let mut names = vec![p["name"].as_str().unwrap().to_string()];
            names.extend(
                p.get("short_name")
                    .and_then(|n| n.as_str())
                    .map(str::to_string),
            );
            if let Some(aliases) = p.get("aliases").and_then(|a| a.as_array()) {
                names.extend(
                    aliases
                        .iter()
                        .filter_map(|a| a.as_str())
                        .map(str::to_string),
                );
            }
            names
        })
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}

/// The fragments of `nl`'s strings that none of `en`'s has, as (key,
/// fragment, whole-word pattern).
fn words_of(nl: &toml::Table, en: &toml::Table) -> Vec<(String, String, regex::Regex)> {
    let english: BTreeSet<String> = en.values().flat_map(fragments).collect();
    nl.iter()
        .flat_map(|(key, value)| fragments(value).into_iter().map(move |f| (key.clone(), f)))
        .filter(|(_, f)| !english.contains(f) && !ENGLISH_TOO.contains(&f.to_lowercase().as_str()))
        .map(|(key, f)| {
            let word = regex::Regex::new(&format!(
                r"(?:^|[^\p{{L}}]){}(?:[^\p{{L}}]|$)",
                regex::escape(&f)
            ))
            .unwrap();
            (key, f, word)
        })
        .collect()
}

/// The theme's Dutch in `html` outside `lang="nl…"` elements (below
/// `<html>`), scripts and styles, in text and in the attributes readers
/// see or hear, as `key: fragment`; addresses are not words.
fn dutch_in(html: &str, words: &[(String, String, regex::Regex)]) -> BTreeSet<String> {
    let doc = Html::parse_document(html);
    let address = regex::Regex::new(r"\S*/\S*").unwrap();
    let mut texts = Vec::new();
    let mut stack = vec![doc.tree.root()];
    while let Some(node) = stack.pop() {
        match node.value() {
            Node::Text(t) => texts.push(t.to_string()),
            Node::Element(e) => {
                let dutch =
                    e.name() != "html" && e.attr("lang").is_some_and(|l| l.starts_with("nl"));
                if dutch || matches!(e.name(), "script" | "style") {
                    continue;
                }
                for (name, value) in e.attrs() {
                    if matches!(name, "aria-label" | "title" | "alt" | "placeholder")
                        || name.starts_with("data-text-")
                    {
                        texts.push(value.to_string());
                    }
                }
            }
            _ => {}
        }
        stack.extend(node.children());
    }
    let names = party_names();
    let texts: Vec<String> = texts
        .iter()
        .map(|t| {
            let t = names
                .iter()
                .fold(t.clone(), |t, name| t.replace(name.as_str(), " "));
            address.replace_all(&t, " ").into_owned()
        })
        .collect();
    words
        .iter()
        .filter(|(_, _, word)| texts.iter().any(|t| word.is_match(t)))
        .map(|(key, f, _)| format!("{key}: {f}"))
        .collect()
}

fn assert_english(out: &Path, pages: &[&str], words: &[(String, String, regex::Regex)]) {
    for page in pages {
        let html = read(out, page);
        let dutch = dutch_in(&html, words);
        assert!(
            dutch.is_empty(),
            "{page} shows the theme's Dutch: {dutch:#?}"
        );
    }
}

const POST: &str = "---\ntitle: \"Chat control is back\"\ndescription: \"The proposal returns.\"\ndate: 2026-11-20T10:00:00+01:00\nlastmod: 2026-11-22T10:00:00+01:00\ntoc: true\ntags: [\"privacy\"]\n---\n\nThe proposal returns to the Council.\n\n## What happened\n\nGovernments talked.\n\n## What is next\n\nA vote.\n";

#[test]
fn the_example_sites_english_pages_have_no_dutch_theme_strings() {
    let site = common::site_copy();
    let root = site.path();
    write(
        root,
        "content/nieuws/_index.en.md",
        "---\ntitle: News\n---\n",
    );
    write(root, "content/nieuws/chat-control-is-back.en.md", POST);
    let out = tempfile::tempdir().unwrap();
    build(root, out.path(), &["--today", "2026-12-03"]);
    let words = dutch_words();
    assert!(
        words.len() > 100,
        "the theme's Dutch strings: {}",
        words.len()
    );
    let english = [
        "en/index.html",
        "en/nieuws/index.html",
        "en/nieuws/chat-control-is-back/index.html",
        "en/zoeken/index.html",
        "en/404.html",
    ];
    assert_english(out.path(), &english, &words);
    let post = read(out.path(), "en/nieuws/chat-control-is-back/index.html");
    for text in [
        "Skip to content",
        "1 min read",
        "<h2 id=\"toc-titel\">Contents</h2>",
        "Share this page",
        "20 November 2026",
        "updated <time datetime=\"2026-11-22\">22 November 2026</time>",
        // The post has no Dutch translation: the switch leads to the Dutch home page.
        "<a href=\"/\" lang=\"nl-NL\" hreflang=\"nl-NL\"><span class=\"lang-code\">NL</span><span class=\"lang-name\"> Nederlands</span><span class=\"visually-hidden\" lang=\"en-GB\"> (this page is not translated; the link goes to the home page)</span></a>",
    ] {
        assert!(post.contains(text), "the English post lacks {text:?}");
    }
    assert!(
        !post.contains("hreflang=\"x-default\""),
        "an untranslated page has no hreflang links"
    );
    // The check itself: the Dutch pages are full of the words it looks for.
    let dutch = dutch_in(&read(out.path(), "nieuws/index.html"), &words);
    assert!(dutch.len() > 10, "the Dutch news list shows {dutch:?}");
    // The home pages are each other's translation.
    let home = read(out.path(), "index.html");
    assert!(home.contains(
        "<link rel=\"alternate\" hreflang=\"nl-NL\" href=\"https://chatcontrole.nl/\">\n<link rel=\"alternate\" hreflang=\"en-GB\" href=\"https://chatcontrole.nl/en/\">\n<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://chatcontrole.nl/\">"
    ));
    assert!(home.contains("<a href=\"/en/\" lang=\"en-GB\" hreflang=\"en-GB\"><span class=\"lang-code\">EN</span><span class=\"lang-name\"> English</span></a>"));
}

/// A site on the starter theme of `import hugo`, in English only: the
/// words come from the binary's built-in English.
#[test]
fn the_starter_theme_speaks_english_on_an_english_site() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    write(
        root,
        "site.toml",
        "title = \"Test\"\nbase_url = \"https://example.org/\"\nlanguage = \"en-GB\"\nmain_section = \"posts\"\npaginate = 1\ntaxonomies = [\"tags\"]\n[[menu.main]]\nname = \"Posts\"\nurl = \"/posts/\"\nweight = 1\n",
    );
    let starter = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/import/hugo/starter");
    for name in ["base", "index", "list", "single", "404", "search"] {
        let text = std::fs::read_to_string(starter.join(format!("{name}.html"))).unwrap();
        write(root, &format!("templates/{name}.html"), &text);
    }
    for (from, to) in [
        (
            "src/import/hugo/starter/chatcontrole.css",
            "static/css/chatcontrole.css",
        ),
        ("src/import/hugo/starter/favicon.svg", "static/favicon.svg"),
        ("site/static/js/search.js", "static/js/search.js"),
    ] {
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(from)).unwrap();
        write(root, to, &text);
    }
    write(
        root,
        "content/_index.md",
        "---\ntitle: Home\n---\n\nWelcome.\n",
    );
    write(root, "content/posts/_index.md", "---\ntitle: Posts\n---\n");
    write(root, "content/posts/a.md", POST);
    write(
        root,
        "content/posts/b.md",
        "---\ntitle: \"Second\"\ndate: 2026-11-21T10:00:00+01:00\ntags: [\"privacy\"]\ncategories: [\"EU\"]\n---\n\nMore.\n",
    );
    let out = tempfile::tempdir().unwrap();
    build(root, out.path(), &[]);
    let words = dutch_words();
    let pages = [
        "index.html",
        "posts/index.html",
        "posts/page/2/index.html",
        "posts/a/index.html",
        "posts/b/index.html",
        "tags/index.html",
        "zoeken/index.html",
        "404.html",
    ];
    assert_english(out.path(), &pages, &words);
    let list = read(out.path(), "posts/index.html");
    for text in [
        "Skip to content",
        "Page 1 of 2",
        ">Older</a>",
        "RSS feed of Posts",
        "aria-label=\"Main menu\"",
        "Latest posts",
    ] {
        let html = if text == "Latest posts" {
            read(out.path(), "index.html")
        } else {
            list.clone()
        };
        assert!(html.contains(text), "the starter theme lacks {text:?}");
    }
    assert!(read(out.path(), "tags/index.html").contains("2 pages"));
    assert!(read(out.path(), "posts/b/index.html").contains("Categories: EU"));
    let search = read(out.path(), "zoeken/index.html");
    assert!(
        search.contains("data-bundle=\"/zoekindex/\""),
        "the starter's search reads the index the build writes"
    );
    assert!(search.contains("data-text-none=\"No results for “{{ .Query }}”."));
    // Every string the starter asks for has built-in English: `check` names none.
    let check = run(&["check", "--site", root.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(!said.contains("interface string"), "{said}");
}

/// Every page of the English example site, whatever made it (content, the
/// guide, the Council tracker, the contact tool, lists and tags): no Dutch
/// interface string and none of the commonest Dutch words outside an
/// element marked `lang="nl"` (a quotation, a party's Dutch name, a page
/// that exists in Dutch only, named as such).
#[test]
fn no_english_page_shows_dutch_outside_what_is_marked_dutch() {
    let out = tempfile::tempdir().unwrap();
    build(
        &common::example_site(),
        out.path(),
        &["--today", "2026-12-03"],
    );
    let words = all_dutch_words();
    assert!(words.len() > 300, "the Dutch strings: {}", words.len());
    let mut pages = Vec::new();
    let mut stack = vec![out.path().join("en")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                pages.push(path);
            }
        }
    }
    pages.sort();
    assert!(pages.len() > 40, "English pages: {}", pages.len());
    let mut found = Vec::new();
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        if html.contains("http-equiv=\"refresh\"") {
            continue;
        }
        assert!(
            !html.contains("&lt;span"),
            "{}: markup shows as text",
            page.display()
        );
        let dutch = dutch_in(&html, &words);
        if !dutch.is_empty() {
            let rel = page.strip_prefix(out.path()).unwrap().display().to_string();
            found.push(format!("{rel}: {dutch:?}"));
        }
    }
    assert!(
        found.is_empty(),
        "{} of {} English pages show Dutch:\n{}",
        found.len(),
        pages.len(),
        found.join("\n")
    );
    // The check itself finds Dutch on the Dutch pages.
    let dutch = dutch_in(&read(out.path(), "raad/index.html"), &words);
    assert!(dutch.len() > 10, "the Dutch Council page shows {dutch:?}");
}
