//! Tests of [`super`]: rendering content pages, lists, sections and aliases.

use super::*;

fn entry(level: u8, id: &str) -> TocEntry {
    TocEntry {
        level,
        id: id.into(),
        text: id.into(),
    }
}

#[test]
fn toc_nests_by_level() {
    let html = toc_html(&[
        entry(2, "a"),
        entry(3, "b"),
        entry(3, "c"),
        entry(2, "d"),
        entry(4, "e"),
    ]);
    assert_eq!(
        html,
        "<ul><li><a href=\"#a\">a</a><ul><li><a href=\"#b\">b</a></li><li><a href=\"#c\">c</a></li></ul></li><li><a href=\"#d\">d</a><ul><li><a href=\"#e\">e</a></li></ul></li></ul>"
    );
    assert_eq!(html.matches("<ul>").count(), html.matches("</ul>").count());
}

#[test_case::test_case(5, 2, 11, (0, 5); "short section shows all")]
#[test_case::test_case(100, 0, 11, (0, 11); "first page")]
#[test_case::test_case(100, 50, 11, (45, 56); "middle page is centred")]
#[test_case::test_case(100, 99, 11, (89, 100); "last page")]
#[test_case::test_case(100, 95, 11, (89, 100); "near the end")]
fn section_nav_window(len: usize, position: usize, size: usize, expected: (usize, usize)) {
    assert_eq!(nav_window(len, position, size), expected);
}

#[test]
fn truncates_on_words() {
    assert_eq!(truncate_words("een twee drie", 2), "een twee …");
    assert_eq!(truncate_words("een  twee", 5), "een twee");
}

/// The example site's theme rendered in English and in Dutch from the
/// same data: the English pages carry none of the theme's Dutch
/// interface strings outside elements marked `lang="nl"`.
mod english {
    use std::collections::BTreeSet;
    use std::path::Path;
    use std::sync::OnceLock;

    use minijinja::{Value, context};
    use scraper::{Html, Node};

    use super::super::render_special_pages;
    use crate::config::SiteConfig;
    use crate::locale::Locale;
    use crate::model::templates::read_templates;
    use crate::output::Output;
    use crate::render::templates::{PageMeta, PageType, Renderer, page_value};

    fn site() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/site"))
    }

    /// The theme's block of an i18n file (from `# --- theme` to the
    /// next block), parsed.
    fn theme_block(text: &str) -> toml::Table {
        let start = text.find("# --- theme").expect("the theme block");
        let rest = &text[start..];
        let end = rest[1..].find("\n# --- ").map_or(rest.len(), |i| i + 1);
        rest[..end].parse().expect("the theme block is TOML")
    }

    /// The texts of one string: itself, or its plural forms.
    fn texts(value: &toml::Value) -> Vec<String> {
        match value {
            toml::Value::String(s) => vec![s.clone()],
            toml::Value::Table(t) => t
                .values()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            other => panic!("a string has text or plural forms, not {other}"),
        }
    }

    /// The pieces of text between placeholders, trimmed of spaces and
    /// punctuation, of at least four characters.
    fn fragments(text: &str) -> Vec<String> {
        let placeholder = regex::Regex::new(r"\{\{[^}]*\}\}").unwrap();
        placeholder
            .split(text)
            .map(|part| {
                part.trim_matches(|c: char| c.is_whitespace() || ",.:;()“”".contains(c))
                    .to_string()
            })
            .filter(|part| part.chars().count() >= 4)
            .collect()
    }

    /// Every fragment of the theme's Dutch strings that no English
    /// string of the theme has ("Menu" is both), with its key and the
    /// pattern that finds it as a whole word.
    fn dutch_fragments() -> &'static [(String, String, regex::Regex)] {
        static FRAGMENTS: OnceLock<Vec<(String, String, regex::Regex)>> = OnceLock::new();
        FRAGMENTS.get_or_init(find_dutch_fragments)
    }

    fn find_dutch_fragments() -> Vec<(String, String, regex::Regex)> {
        let nl = theme_block(include_str!("../../site/i18n/nl.toml"));
        let en = theme_block(include_str!("../../site/i18n/en.toml"));
        let english: BTreeSet<String> = en
            .values()
            .flat_map(texts)
            .flat_map(|t| fragments(&t))
            .collect();
        let mut found = Vec::new();
        for (key, value) in &nl {
            for fragment in texts(value).iter().flat_map(|t| fragments(t)) {
                if !english.contains(&fragment) {
                    let word = regex::Regex::new(&format!(
                        r"(?:^|[^\p{{L}}]){}(?:[^\p{{L}}]|$)",
                        regex::escape(&fragment)
                    ))
                    .unwrap();
                    found.push((key.clone(), fragment, word));
                }
            }
        }
        assert!(found.len() > 100, "the theme has its Dutch strings");
        found
    }

    /// What a reader sees or hears of `html` outside `lang="nl…"`
    /// elements, scripts and styles: text and the attributes that are
    /// read out or shown (also the scripts' `data-text-*` words).
    fn readable(html: &str) -> Vec<String> {
        let doc = Html::parse_document(html);
        let mut out = Vec::new();
        let mut stack = vec![doc.tree.root()];
        while let Some(node) = stack.pop() {
            match node.value() {
                Node::Text(t) => out.push(t.to_string()),
                Node::Element(e) => {
                    // The page's own language (on <html>) is what is checked.
                    let dutch =
                        e.name() != "html" && e.attr("lang").is_some_and(|l| l.starts_with("nl"));
                    if dutch || matches!(e.name(), "script" | "style") {
                        continue;
                    }
                    for (name, value) in e.attrs() {
                        if matches!(
                            name,
                            "aria-label" | "title" | "alt" | "placeholder" | "value"
                        ) || name.starts_with("data-text-")
                        {
                            out.push(value.to_string());
                        }
                    }
                }
                _ => {}
            }
            stack.extend(node.children());
        }
        out
    }

    /// The theme's Dutch strings in `html` as `key: fragment`;
    /// addresses (words with a `/`, such as `/nieuws/`) are not words.
    fn dutch_in(html: &str) -> BTreeSet<String> {
        let address = regex::Regex::new(r"\S*/\S*").unwrap();
        let texts: Vec<String> = readable(html)
            .iter()
            .map(|t| address.replace_all(t, " ").into_owned())
            .collect();
        dutch_fragments()
            .iter()
            .filter(|(_, _, word)| texts.iter().any(|t| word.is_match(t)))
            .map(|(key, fragment, _)| format!("{key}: {fragment}"))
            .collect()
    }

    /// The example site's templates in `lang` (its settings for that
    /// language), with the globals the build derives filled with small
    /// made-up data, and this page in two languages: the Dutch page has
    /// an English translation, the English page has no Dutch one.
    fn renderer(lang: &str) -> Renderer {
        let site_config = SiteConfig::load(site()).expect("the example site's settings");
        let language = site_config
            .languages()
            .into_iter()
            .find(|l| l.code == lang)
            .expect("the example site has the language");
        let config = site_config.for_language(&language);
        let mut r = Renderer::new(&read_templates(site()), &config).expect("the templates");
        r.set_locale(Locale::builtin(lang));
        let current = lang.to_string();
        r.add_global(
            "alternates",
            Value::from_function(move |_page: Value| -> Value {
                let entry = |code: &str, name: &str, translation: bool| {
                    context! {
                        lang => code, hreflang => code, name, translation,
                        url => format!("/{code}/x/"),
                        permalink => format!("https://example.org/{code}/x/"),
                        current => code == current,
                    }
                };
                Value::from(vec![
                    entry("nl", "Nederlands", current == "nl"),
                    entry("en", "English", true),
                ])
            }),
        );
        r.add_global("today", Value::from("2026-12-03"));
        r.add_global(
            "council",
            context! {
                path => "/raad/",
                stages => vec![context! { done => true, title => "Trilogue", date_label => "1 December 2025" }],
                next_step => context! { title => "Agreement", about => "The three institutions agree.", done => false },
            },
        );
        r.add_global(
            "council_now",
            context! {
                outcome => "depends",
                in_favour => context! { states => 14, tenths => 405 },
                not_in_favour => context! { states => 9, tenths => 351 },
                undecided => 4,
                date => "2026-12-03",
            },
        );
        let party = |id: &str| context! { id, name => id.to_uppercase(), short => id.to_uppercase(), url => format!("/guide/{id}/") };
        r.add_global(
            "guide_home",
            context! {
                title => "Guide", url => "/guide/", date => "2023-11-22", past => true, party_count => 2,
                groups => vec![context! { id => "yes", label => "Protects", tone => "protects", url => "/guide/yes/", parties => vec![party("a")] }],
                parties => vec![party("a"), party("b")],
            },
        );
        r.add_global(
            "kamer",
            context! { elected_on => "29 October 2025", parties => context! { a => context! { seats => 3 } } },
        );
        r.add_global("levels", context! { path => "/niveaus/" });
        r
    }

    fn item(title: &str, path: &str) -> Value {
        context! { title, url => path, path, date => "2026-11-20", date_display => "20 November 2026", summary => "Summary.", kind => "page" }
    }

    /// Home, a paginated list, a news post, a page with its section's
    /// links, the search page and the 404 page, rendered in `lang`
    /// (`en` or `nl`) once for all tests.
    fn pages(lang: &str) -> &'static [(&'static str, String)] {
        static EN: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
        static NL: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
        let cell = if lang == "en" { &EN } else { &NL };
        cell.get_or_init(|| render_pages(lang))
    }

    fn render_pages(lang: &str) -> Vec<(&'static str, String)> {
        let r = renderer(lang);
        let config = r.config().clone();
        let prefix = r.url_prefix().to_string();
        let page = |kind: PageType, path: &str, extra: Value| {
            let meta = PageMeta {
                title: "Title".into(),
                description: "Description.".into(),
                path: path.into(),
                kind,
                date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
                lastmod: chrono::NaiveDate::from_ymd_opt(2026, 11, 25),
                article: kind == PageType::Page,
                ..PageMeta::default()
            };
            page_value(&config, &prefix, &meta, extra)
        };
        let crumbs = Value::from(vec![item("Home", "/"), item("News", "/nieuws/")]);
        let home = r
            .render(
                "index.html",
                context! { page => page(PageType::Home, "/", context! { content => "" }), recent => vec![item("Post", "/nieuws/post/")] },
            )
            .unwrap();
        let list = r
            .render(
                "list.html",
                context! {
                    page => page(PageType::Section, "/nieuws/page/2/", context! { content => "", section => "nieuws" }),
                    pages => vec![item("Post", "/nieuws/post/")],
                    subsections => vec![context! { url => "/nieuws/sub/", title => "Sub", summary => "", pages => vec![item("Post", "/nieuws/post/")], count => 20 }],
                    paginator => context! { number => 2, total => 3, prev_url => "/nieuws/", next_url => "/nieuws/page/3/" },
                    feed_url => "/nieuws/index.xml",
                    breadcrumbs => crumbs.clone(),
                },
            )
            .unwrap();
        let single = |section: &str, path: &str, tags: Vec<&str>| {
            r.render(
                "single.html",
                context! {
                    page => page(PageType::Page, path, context! {
                        content => "<p>Text.</p>", section, reading_minutes => 3, show_toc => true,
                        toc_html => Value::from_safe_string("<ul><li><a href=\"#a\">A</a></li></ul>".into()), tags,
                    }),
                    section_nav => context! { pages => vec![item("One", "/docs/one/"), item("Two", "/docs/two/")], total => 2, before => 0, after => 0 },
                    breadcrumbs => crumbs.clone(),
                },
            )
            .unwrap()
        };
        let mut out = Output::new();
        let mut diags = crate::diagnostics::Diagnostics::new();
        render_special_pages(&r, &mut out, &mut diags);
        assert!(diags.is_empty(), "{diags}");
        let file =
            |path: &str| String::from_utf8(out.get(path).expect(path).bytes.clone()).unwrap();
        vec![
            ("home", home),
            ("list", list),
            (
                "news post",
                single("nieuws", "/nieuws/post/", vec!["privacy"]),
            ),
            ("page in a section", single("docs", "/docs/one/", vec![])),
            ("search", file("/zoeken/index.html")),
            ("404", file("/404.html")),
        ]
    }

    #[test]
    fn english_pages_have_no_dutch_theme_strings_outside_dutch_elements() {
        for (name, html) in pages("en").iter() {
            let dutch = dutch_in(html);
            assert!(
                dutch.is_empty(),
                "the English {name} page has Dutch: {dutch:#?}\n{html}"
            );
        }
    }

    #[test]
    fn the_same_pages_in_dutch_are_caught_by_the_check() {
        for (name, html) in pages("nl").iter() {
            let dutch = dutch_in(html);
            assert!(dutch.len() >= 5, "the Dutch {name} page shows {dutch:?}");
        }
    }

    #[test_case::test_case("home", &["Skip to content", "Write to your MP", "14 member states are in favour (40.5% of the population), 9 are not (35.1%), 4 undecided.", "Standing on 3 December 2026:", "</strong> party: <span lang=\"nl\">protects</span>", "In the House of Representatives elected on 29 October 2025:", "Other parties at the elections of 22 November 2023:", "version of 3 December 2026. Links starting with / are on https://chatcontrole.nl/<"]; "home")]
    #[test_case::test_case("list", &["Page 2 of 3", "Newer", "Older", "All 20 pages in Sub", "Follow title via RSS"]; "list")]
    #[test_case::test_case("news post", &["updated", "3 min read", "Contents", "Share this page", "data-text-copied=\"Link copied.\""]; "news post")]
    #[test_case::test_case("page in a section", &["aria-label=\"This section\"", "In this section"]; "section page")]
    #[test_case::test_case("search", &["<title>Search | Chat control</title>", "data-text-one=\"1 result for “{{ .Query }}”\"", "data-text-other=\"{{ .Count }} results for “{{ .Query }}”\""]; "search")]
    #[test_case::test_case("404", &["<h1>Page not found</h1>", "To the home page"]; "not found")]
    fn english_pages_say_it_in_english(name: &str, expected: &[&str]) {
        let html = &pages("en").iter().find(|(n, _)| *n == name).unwrap().1;
        for text in expected {
            assert!(
                html.contains(text),
                "the English {name} page lacks {text:?}:\n{html}"
            );
        }
    }

    #[test]
    fn the_language_switch_links_the_other_language_and_hreflang_the_translations() {
        let html = &pages("nl")[0].1;
        assert!(html.contains("<link rel=\"alternate\" hreflang=\"nl\" href=\"https://example.org/nl/x/\">\n<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/x/\">\n<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/nl/x/\">"));
        assert!(
            html.contains(
                "<nav class=\"lang-switch\" aria-label=\"Deze pagina in een andere taal\">"
            )
        );
        assert!(html.contains("<a href=\"/en/x/\" lang=\"en\" hreflang=\"en\"><span class=\"lang-code\">EN</span><span class=\"lang-name\"> English</span></a>"));
        let english = &pages("en")[0].1;
        assert!(english.contains("<a href=\"/nl/x/\" lang=\"nl\" hreflang=\"nl\"><span class=\"lang-code\">NL</span><span class=\"lang-name\"> Nederlands</span><span class=\"visually-hidden\""));
        assert!(english.contains("(this page is not translated; the link goes to the home page)"));
        assert!(
            !english.contains("rel=\"alternate\" hreflang"),
            "one translation only: no hreflang links"
        );
    }
}
