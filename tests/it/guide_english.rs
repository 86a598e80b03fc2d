//! The voting guide in English: the example site's guide pages rendered
//! with the built-in English strings (`Locale::builtin("en")`), as the
//! per-language build renders them under `/en/`.
//!
//! An English page may show Dutch only inside an element marked
//! `lang="nl"` (a quotation, or an editors' text without English). These
//! tests read every text and every attribute a reader or screen reader
//! meets outside such elements, and look for the Dutch interface strings of
//! this area (the `guide_`, `contact_` and `provenance_` keys of
//! site/i18n/nl.toml whose Dutch differs from the English) and for common
//! Dutch words. Names (of parties, districts and people) are names in every
//! language and are left out of the search. The Tweede Kamer and
//! Council-level sections of a party page come from other areas' globals
//! (`kamer`, `levels`); they are switched off here so that a finding is
//! always this area's.

use crate::common;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chatcontrole::build::{BuildOptions, load};
use chatcontrole::derive::derive;
use chatcontrole::diagnostics::Diagnostics;
use chatcontrole::locale::Locale;
use chatcontrole::model::SiteModel;
use chatcontrole::output::Output;
use chatcontrole::render::data_pages::DataPages;
use chatcontrole::render::{PageMeta, PageType};
use chrono::DateTime;
use minijinja::Value;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};

/// The moment the example site is built at (as in the snapshots).
const NOW: &str = "2026-12-03T12:00:00+01:00";

/// The example site, loaded once.
pub(crate) fn model() -> &'static SiteModel {
    static MODEL: OnceLock<SiteModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        let mut options = BuildOptions::new(common::example_site());
        options.now = Some(DateTime::parse_from_rfc3339(NOW).unwrap());
        load(&options, None).unwrap_or_else(|d| panic!("the example site does not load:\n{d}"))
    })
}

/// The guide's pages and the contact page of the example site in the
/// language `code`, in memory.
pub(crate) fn rendered(code: &str) -> Output {
    render_model(model(), code)
}

/// The guide's pages and the contact page of `model` in the language
/// `code`, in memory.
fn render_model(model: &SiteModel, code: &str) -> Output {
    let derived = derive(model);
    let locale = Locale::builtin(code);
    let mut renderer = model.templates.with_config(&derived.settings);
    for (name, value) in &derived.globals {
        renderer.add_global(name, value.clone());
    }
    // Other areas' sections of the party page (see the module's note).
    renderer.add_global("kamer", Value::from(()));
    renderer.add_global("levels", Value::from(()));
    let contact = model.contact.as_ref().expect("the example has recipients");
    renderer.add_global(
        "contact",
        chatcontrole::contact::view::template_value_in(
            &locale,
            contact,
            model.guide.as_ref(),
            model.council.as_ref().map(|c| &c.data),
            model.kamer.as_ref(),
            &derived.settings,
            derived.today,
        ),
    );
    renderer.set_locale(locale);
    let mut out = Output::new();
    let mut diags = Diagnostics::new();
    {
        let mut pages = DataPages::new(&mut out, false);
        let assessed = derived.guide.as_ref().expect("the example has a guide");
        chatcontrole::guide::view::render(assessed, &renderer, &mut pages, &mut diags);
    }
    let page = PageMeta {
        title: "Contact".to_string(),
        path: "/schrijf/".to_string(),
        kind: PageType::Page,
        ..PageMeta::default()
    };
    let html = renderer
        .render_page("contact.html", &page, Value::from(()))
        .unwrap_or_else(|d| panic!("contact.html does not render: {d}"));
    out.add_page("/schrijf/", html, None).unwrap();
    assert!(!diags.has_errors(), "{diags}");
    out
}

/// The English pages, rendered once.
pub(crate) fn english() -> &'static Output {
    static BUILT: OnceLock<Output> = OnceLock::new();
    BUILT.get_or_init(|| rendered("en"))
}

/// The text of the generated file `path`.
pub(crate) fn page(out: &Output, path: &str) -> String {
    let file = out
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not generated"));
    String::from_utf8(file.bytes.clone()).unwrap()
}

/// The attributes a reader or a screen reader meets.
const READ_ATTRIBUTES: [&str; 8] = [
    "aria-label",
    "title",
    "placeholder",
    "alt",
    "data-label",
    "data-group",
    "data-greeting",
    "content",
];

/// Every text and read attribute of `element` outside elements marked
/// `lang="nl"` (and outside the theme's share buttons), one entry each.
fn read_outside_dutch(element: ElementRef<'_>, found: &mut Vec<String>) {
    let e = element.value();
    if e.attr("lang").is_some_and(|l| l.starts_with("nl")) {
        return;
    }
    if e.classes().any(|c| c == "share") {
        return;
    }
    for attr in READ_ATTRIBUTES {
        if let Some(v) = e.attr(attr) {
            found.push(v.to_string());
        }
    }
    for child in element.children() {
        match child.value() {
            Node::Text(t) => found.push(t.to_string()),
            Node::Element(_) => {
                if let Some(el) = ElementRef::wrap(child) {
                    read_outside_dutch(el, found);
                }
            }
            _ => {}
        }
    }
}

/// The names in the example's data: parties, districts and people.
fn names() -> Vec<String> {
    let model = model();
    let mut names = BTreeSet::new();
    if let Some(guide) = &model.guide {
        for p in &guide.parties {
            names.insert(p.name.clone());
            names.extend(p.short_name.clone());
            names.extend(p.aliases.iter().map(|a| a.name.clone()));
        }
        for e in &guide.elections {
            names.extend(e.entries.iter().filter_map(|x| x.name.clone()));
            names.extend(e.districts.iter().map(|d| d.name.clone()));
        }
    }
    if let Some(contact) = &model.contact {
        names.extend(contact.members.iter().map(|m| m.name.clone()));
        names.extend(contact.members.iter().map(|m| m.faction.clone()));
        names.extend(contact.others.iter().map(|o| o.name.clone()));
    }
    // Longest first, so that a name is removed before a shorter one inside it.
    let mut names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}

/// Common Dutch words that no English sentence of ours contains.
const DUTCH_WORDS: [&str; 24] = [
    "de",
    "het",
    "een",
    "van",
    "en",
    "niet",
    "voor",
    "met",
    "ook",
    "naar",
    "zijn",
    "deze",
    "wij",
    "onze",
    "heeft",
    "partij",
    "partijen",
    "stemde",
    "oordeel",
    "bron",
    "bewijs",
    "regels",
    "kieskring",
    "stemwijzer",
];

/// The Dutch that `html` shows outside `lang="nl"` in the part `css`
/// selects (and in its `<title>`): each interface string of this area, or
/// common Dutch word, with the text it was found in.
pub(crate) fn dutch_leftovers(html: &str, css: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut texts = Vec::new();
    for root in doc.select(&Selector::parse(css).unwrap()) {
        read_outside_dutch(root, &mut texts);
    }
    for title in doc.select(&Selector::parse("head title").unwrap()) {
        read_outside_dutch(title, &mut texts);
    }
    // Names and addresses are the same in every language.
    let names = names();
    let address = Regex::new(r"(?:https?://|mailto:)\S+").unwrap();
    let texts: Vec<String> = texts
        .into_iter()
        .map(|t| {
            let t = address.replace_all(&t, " ").into_owned();
            names
                .iter()
                .fold(t, |text, name| text.replace(name.as_str(), " "))
        })
        .collect();
    let (nl, en) = (Locale::builtin("nl"), Locale::builtin("en"));
    let placeholder = Regex::new(r"\{\{[^}]*\}\}").unwrap();
    let mut needles: BTreeSet<String> = BTreeSet::new();
    for key in nl.keys() {
        if !["guide_", "contact_", "provenance_"]
            .iter()
            .any(|p| key.starts_with(p))
        {
            continue;
        }
        for count in [1, 2] {
            let (dutch, english) = (nl.tn(key, count), en.tn(key, count));
            if dutch == english {
                continue;
            }
            for fragment in placeholder.split(&dutch) {
                let fragment = fragment.trim_matches(|c: char| !c.is_alphanumeric());
                if fragment.chars().filter(|c| c.is_alphabetic()).count() >= 4
                    && !english.contains(fragment)
                {
                    needles.insert(fragment.to_string());
                }
            }
        }
    }
    needles.extend(DUTCH_WORDS.iter().map(|w| w.to_string()));
    let mut found = Vec::new();
    for needle in &needles {
        let pattern = Regex::new(&format!(
            r"(?:^|[^\p{{L}}]){}(?:$|[^\p{{L}}])",
            regex::escape(needle)
        ))
        .unwrap();
        for text in &texts {
            if pattern.is_match(text) {
                found.push(format!("{needle:?} in {:?}", text.trim()));
            }
        }
    }
    found
}

fn assert_english(path: &str) {
    let html = page(english(), path);
    let found = dutch_leftovers(&html, "main");
    assert!(
        found.is_empty(),
        "{path} in English shows Dutch outside lang=\"nl\":\n{}",
        found.join("\n")
    );
}

#[test]
fn the_overview_reads_in_english() {
    assert_english("stemwijzer2023/index.html");
    let html = page(english(), "stemwijzer2023/index.html");
    let at = "en stemwijzer2023/index.html";
    common::html::assert_selects(
        &html,
        "h1#titel",
        "Chat control voting guide for the 2023 Dutch general election",
        at,
    );
    // The election is past: the guide says it is an archive, with the day.
    common::html::assert_selects_containing(
        &html,
        "p.guide-archive",
        "Archive. This election was held on 22 November 2023.",
        at,
    );
    common::html::assert_exists(&html, r#"nav.guide-nav[aria-label="Voting guide"]"#, at);
    common::html::assert_contains(&html, "Does not protect", at);
    // A filter page and a district page read the same way.
    assert_english("stemwijzer2023/oordeel/beschermt/index.html");
    assert_english("stemwijzer2023/kieskring/20/index.html");
    assert_english("stemwijzer2023/hoogtepunten/index.html");
}

#[test]
fn a_party_page_reads_in_english_and_marks_its_quotations() {
    for party in ["d66", "vvd", "sgp", "lef", "bvnl"] {
        assert_english(&format!("stemwijzer2023/{party}/index.html"));
    }
    let html = page(english(), "stemwijzer2023/d66/index.html");
    let at = "en stemwijzer2023/d66/index.html";
    // The party's own words stay Dutch, marked as such.
    common::html::assert_selects_containing(
        &html,
        r#"blockquote[lang="nl"]"#,
        "End-to-end encryptie blijft wat D66 betreft een grondrecht.",
        at,
    );
    common::html::assert_contains(&html, "Promised in 2023", at);
    common::html::assert_contains(
        &html,
        "voted <strong>for</strong> the temporary act for the AIVD and MIVD (bill 36263)",
        at,
    );
    common::html::assert_contains(&html, "According to ", at);
}

#[test]
fn the_methodology_reads_in_english() {
    assert_english("stemwijzer2023/methode/index.html");
    let html = page(english(), "stemwijzer2023/methode/index.html");
    let at = "en stemwijzer2023/methode/index.html";
    common::html::assert_contains(
        &html,
        "There is no protecting and no undermining evidence: the party is silent, or we found nothing.",
        at,
    );
    common::html::assert_contains(&html, "For 25 of the 26 parties", at);
    common::html::assert_contains(
        &html,
        "We read the election programmes of all 26 parties",
        at,
    );
    // No Dutch note where everything has its English.
    common::html::assert_lacks(&html, "(in Dutch)", at);
}

#[test]
fn an_editors_text_without_english_is_dutch_marked_with_a_note() {
    let dir = common::site_copy();
    let party = dir.path().join("data/elections/tk2023/parties/d66.toml");
    let text = std::fs::read_to_string(&party).unwrap();
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("summary_en"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&party, without).unwrap();
    let mut options = BuildOptions::new(dir.path());
    options.now = Some(DateTime::parse_from_rfc3339(NOW).unwrap());
    let model = load(&options, None).unwrap_or_else(|d| panic!("{d}"));
    let at = "en stemwijzer2023/d66/index.html without summary_en";
    let html = page(&render_model(&model, "en"), "stemwijzer2023/d66/index.html");
    common::html::assert_selects_containing(
        &html,
        r#"div.guide-summary[lang="nl"]"#,
        "D66 wil eind-tot-eind-encryptie als grondrecht zien",
        at,
    );
    common::html::assert_selects(&html, "div.guide-summary + p.meta", "(in Dutch)", at);
    assert!(
        dutch_leftovers(&html, "main").is_empty(),
        "{at}: {:?}",
        dutch_leftovers(&html, "main")
    );
    // The overview's one-line reason is the Dutch first sentence, marked too.
    let overview = page(&render_model(&model, "en"), "stemwijzer2023/index.html");
    common::html::assert_exists(&overview, r#"li#d66 p.guide-reason[lang="nl"]"#, at);
    // The Dutch page marks nothing.
    let dutch = page(&render_model(&model, "nl"), "stemwijzer2023/d66/index.html");
    common::html::assert_none(&dutch, "main [lang]", "stemwijzer2023/d66/index.html");
}

#[test]
fn the_dutch_pages_have_no_english_and_no_marks() {
    let dutch = rendered("nl");
    for path in [
        "stemwijzer2023/index.html",
        "stemwijzer2023/d66/index.html",
        "stemwijzer2023/methode/index.html",
    ] {
        let html = page(&dutch, path);
        // The search finds Dutch where there is Dutch.
        assert!(!dutch_leftovers(&html, "main").is_empty(), "{path}");
        common::html::assert_none(&html, "main [lang]", path);
        common::html::assert_lacks(&html, "(in het Nederlands)", path);
        common::html::assert_lacks(&html, "Voting guide", path);
    }
}

#[test]
fn the_built_english_site_has_the_guide_in_english() {
    // The whole example site as `build` makes it: English under /en/.
    let mut options = BuildOptions::new(common::example_site());
    options.now = Some(DateTime::parse_from_rfc3339(NOW).unwrap());
    let out = chatcontrole::build::generate(&options)
        .unwrap_or_else(|d| panic!("the example site does not build:\n{d}"))
        .output;
    for path in [
        "en/stemwijzer2023/index.html",
        "en/stemwijzer2023/hoogtepunten/index.html",
        "en/stemwijzer2023/methode/index.html",
        "en/stemwijzer2023/oordeel/beschermt-niet/index.html",
    ] {
        let html = page(&out, path);
        let found = dutch_leftovers(&html, "main");
        assert!(
            found.is_empty(),
            "{path} shows Dutch outside lang=\"nl\":\n{}",
            found.join("\n")
        );
        common::html::assert_exists(&html, r#"html[lang="en-GB"]"#, path);
    }
    // The Dutch guide stays at its address, in Dutch.
    let dutch = page(&out, "stemwijzer2023/index.html");
    common::html::assert_contains(&dutch, "Over deze stemwijzer", "stemwijzer2023/index.html");
}
