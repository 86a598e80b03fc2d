//! Benchmarks of the build's parts on the example site: front matter,
//! shortcode parsing, the voting-guide pages, the Council's voting rules on
//! 100,000 random scenarios, feeds and sitemap, and the search index.
//! Run with `cargo bench --bench parts`; whole builds are timed by
//! `scripts/bench-build`.

use std::hint::black_box;
use std::path::Path;

use chatcontrole::config::SiteConfig;
use chatcontrole::content::{front_matter, load_content, shortcodes};
use chatcontrole::council::Position;
use chatcontrole::council::qmv::{Outcome, Rule, Voter, evaluate};
use chatcontrole::diagnostics::Diagnostics;
use chatcontrole::guide::assessed::Assessed;
use chatcontrole::output::Output;
use chatcontrole::render::data_pages::DataPages;
use chatcontrole::render::{Renderer, feeds, pages, search, sitemap};
use chrono::{FixedOffset, TimeZone};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

const FRONT_MATTER: &str = r#"---
title: "Nederland stemt tegen chatcontrole in Coreper"
description: "De Nederlandse ambassadeur stemde tegen het voorstel; een korte uitleg van wat dat betekent."
date: 2025-11-26
lastmod: 2025-11-27
draft: false
tags: ["Raad", "Nederland", "Coreper"]
categories: ["nieuws"]
aliases: ["/oud/adres/"]
image: "/images/raad.png"
weight: 10
toc: true
---
Tekst.
"#;

/// The populations of the 27 member states (millions, rounded; only the
/// spread matters for the benchmark).
const POPULATIONS: [u64; 27] = [
    84, 68, 59, 48, 37, 19, 18, 11, 11, 10, 10, 10, 9, 7, 6, 6, 5, 5, 5, 4, 3, 2, 2, 1, 1, 1, 1,
];

/// 100,000 scenarios of 27 positions from a fixed-seed xorshift generator.
fn scenarios() -> Vec<Vec<Voter>> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let positions = [
        Position::Support,
        Position::Oppose,
        Position::Abstain,
        Position::Undecided,
    ];
    (0..100_000)
        .map(|_| {
            POPULATIONS
                .iter()
                .enumerate()
                .map(|(i, &millions)| {
                    let position = positions[(next() % 4) as usize];
                    Voter::new(format!("S{i}"), millions * 1_000_000, position)
                })
                .collect()
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let file = Path::new("nieuws/bericht.md");
    c.bench_function("front matter: split and parse", |b| {
        b.iter(|| {
            let split = front_matter::split(file, black_box(FRONT_MATTER)).unwrap();
            front_matter::parse(file, &split).unwrap()
        })
    });

    let mut text = String::new();
    for i in 0..50 {
        text.push_str(&format!(
            "Alinea {i} met tekst.\n\n{{{{< alert type=\"info\" >}}}}\nLet op {i}.\n{{{{< /alert >}}}}\n\n{{{{< email adres=\"a@b.nl\" >}}}}\n\n"
        ));
    }
    c.bench_function("shortcodes: parse 100 calls", |b| {
        b.iter(|| shortcodes::parse(black_box(&text), &|name| name == "alert").unwrap())
    });

    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
    let config = SiteConfig::load(&site).unwrap();
    let renderer = Renderer::new(
        &chatcontrole::model::templates::read_templates(&site),
        &config,
    )
    .unwrap();
    let guide = chatcontrole::guide::load(&site).unwrap();
    c.bench_function("guide: assess and render every voting-guide page", |b| {
        b.iter(|| {
            let mut out = Output::new();
            let mut diags = Diagnostics::new();
            let assessed = Assessed::new(&guide);
            let mut pages = DataPages::new(&mut out, false);
            chatcontrole::guide::view::render(&assessed, &renderer, &mut pages, &mut diags);
            out
        })
    });

    let all = scenarios();
    let mut group = c.benchmark_group("council");
    group.sample_size(10);
    group.bench_function("qmv: evaluate 100,000 random scenarios", |b| {
        b.iter(|| {
            all.iter()
                .map(|voters| evaluate(Rule::Qmv, voters).outcome)
                .filter(|o| *o == Outcome::Adopted)
                .count()
        })
    });
    group.finish();

    let now = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .unwrap();
    let content = load_content(&site, now, false).unwrap();
    let mut diags = Diagnostics::new();
    let prepared = pages::prepare(&content, &renderer, &mut diags, None);
    let mut rendered = Output::new();
    pages::render_pages(
        &prepared,
        &renderer,
        &mut rendered,
        None,
        None,
        None,
        &mut diags,
    );
    let assessed = Assessed::new(&guide);
    chatcontrole::guide::view::render(
        &assessed,
        &renderer,
        &mut DataPages::new(&mut rendered, false),
        &mut diags,
    );
    c.bench_function("feeds and sitemap of the example site", |b| {
        b.iter_batched(
            || rendered.clone(),
            |mut out| {
                let mut diags = Diagnostics::new();
                feeds::render_feeds(&prepared, &config, &mut out, &mut diags);
                sitemap::render_sitemap_and_robots(&config, &mut out, &mut diags);
                out
            },
            BatchSize::LargeInput,
        )
    });

    let html_pages: Vec<(String, String)> = rendered
        .files()
        .filter(|(path, _)| path.ends_with("index.html"))
        .map(|(path, file)| {
            let site_path = format!("/{}", path.trim_end_matches("index.html"));
            (site_path, String::from_utf8_lossy(&file.bytes).into_owned())
        })
        .collect();
    let searchable: Vec<search::SearchPage> = html_pages
        .iter()
        .map(|(path, html)| search::SearchPage::new(path.clone(), html))
        .collect();
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.bench_function(
        format!("reading {} example pages for the index", html_pages.len()),
        |b| {
            b.iter(|| {
                html_pages
                    .iter()
                    .map(|(path, html)| search::SearchPage::new(path.clone(), html).words.len())
                    .sum::<usize>()
            })
        },
    );
    group.bench_function(
        format!("search index of {} example pages", searchable.len()),
        |b| b.iter(|| search::build_bundle(searchable.clone(), "nl")),
    );
    group.finish();
}

criterion_group!(part_benches, benches);
criterion_main!(part_benches);
