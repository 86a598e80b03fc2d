//! Cases where pages written for Hugo must render as Goldmark renders them:
//! each expected text is Goldmark 0.111's output (Hugo 0.111.3 on a scratch
//! site with `unsafe = true`), copied as it was. Before comparing, Goldmark's
//! entities become the characters we write and our additions to its markup
//! (`scope`, `data-label` and `aria-label` attributes) are taken out, and
//! line breaks between tags are ignored.

use std::path::Path;

use regex::Regex;
use test_case::test_case;

use super::{MarkdownOptions, NoShortcodes, Rendered, render};

fn md(text: &str) -> Rendered {
    render(
        Path::new("x.md"),
        text,
        1,
        &NoShortcodes,
        &MarkdownOptions::default(),
    )
    .unwrap()
}

/// Our HTML with our additions to Goldmark's markup taken out.
fn ours(text: &str) -> String {
    let extras = Regex::new(r#" (scope|data-label|aria-label)="[^"]*""#).unwrap();
    let html = extras
        .replace_all(&md(text).html, "")
        .replace('↩', "&#x21a9;");
    tidy(&html.replace('\u{fe0e}', "&#xfe0e;"))
}

/// Goldmark's HTML with its entities as characters.
fn goldmark(html: &str) -> String {
    let mut html = html.to_string();
    for (entity, c) in [
        ("&ldquo;", "“"),
        ("&rdquo;", "”"),
        ("&lsquo;", "‘"),
        ("&rsquo;", "’"),
        ("&hellip;", "…"),
        ("&ndash;", "–"),
        ("&mdash;", "—"),
        ("&laquo;", "«"),
        ("&raquo;", "»"),
        // pulldown-cmark writes `"` in text as it is; both are the same HTML.
        ("&quot;", "\""),
        ("&#34;", "\""),
    ] {
        html = html.replace(entity, c);
    }
    tidy(&html)
}

fn tidy(html: &str) -> String {
    html.replace(">\n<", "><").trim().to_string()
}

#[test_case("Kernbegrippen | \n-- | -- | --\na | b | c\n",
    "<table>\n<thead>\n<tr>\n<th>Kernbegrippen</th>\n<th></th>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n<td>c</td>\n</tr>\n</tbody>\n</table>";
    "header row shorter than delimiter row")]
#[test_case("| A | B |\n|---|---|---|\n| 1 | 2 | 3 |\n",
    "<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n<td>3</td>\n</tr>\n</tbody>\n</table>";
    "header with pipes shorter than delimiter row")]
#[test_case("Kernbegrippen\n--|--|--\na|b|c\n",
    "<table>\n<thead>\n<tr>\n<th>Kernbegrippen</th>\n<th></th>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n<td>c</td>\n</tr>\n</tbody>\n</table>";
    "header without a pipe")]
#[test_case("| A | B | C |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 |\n",
    "<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n<th>C</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td></td>\n<td></td>\n</tr>\n<tr>\n<td>1</td>\n<td>2</td>\n<td>3</td>\n</tr>\n</tbody>\n</table>";
    "body rows padded and cut")]
#[test_case("| A | B |\n|---|---|\n| a \\| b | `c \\| d` |\n",
    "<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a | b</td>\n<td><code>c | d</code></td>\n</tr>\n</tbody>\n</table>";
    "escaped pipes")]
#[test_case("- | A |\n  |---|---|\n  | 1 | 2 |\n",
    "<ul>\n<li>\n<table>\n<thead>\n<tr>\n<th>A</th>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n</li>\n</ul>";
    "short header in a list")]
#[test_case("> | A |\n> |---|---|\n> | 1 | 2 |\n",
    "<blockquote>\n<table>\n<thead>\n<tr>\n<th>A</th>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n</blockquote>";
    "short header in a quote")]
#[test_case("| A | B | C |\n|---|---|\n| 1 | 2 | 3 |\n",
    "<p>| A | B | C |\n|—|—|\n| 1 | 2 | 3 |</p>";
    "header wider than delimiter row is no table")]
#[test_case("| A | B |\n|---|---|---|\n",
    "<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n<th></th>\n</tr>\n</thead>\n</table>";
    "header only")]
#[test_case("Para\n| A |\n|---|---|\n| 1 | 2 |\n",
    "<p>Para</p>\n<table>\n<thead>\n<tr>\n<th>A</th>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>";
    "short header right after a paragraph")]
fn tables_as_goldmark(markdown: &str, expected: &str) {
    assert_eq!(ours(markdown), goldmark(expected));
}

#[test_case("Tekst[^a] en weer[^a] en[^b].\n\n[^a]: Eerste.\n[^a]: Tweede a.\n[^b]: Bee.\n[^c]: Nooit.\n",
    "<p>Tekst<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup> en weer<sup id=\"fnref1:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup> en<sup id=\"fnref:2\"><a href=\"#fn:2\" class=\"footnote-ref\" role=\"doc-noteref\">2</a></sup>.</p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>Eerste.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a>&#160;<a href=\"#fnref1:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n<li id=\"fn:2\">\n<p>Bee.&#160;<a href=\"#fnref:2\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>";
    "duplicate label, double reference, unreferenced definition")]
#[test_case("Eerst[^z] dan[^y].\n\n[^y]: Why.\n[^z]: Zed.\n",
    "<p>Eerst<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup> dan<sup id=\"fnref:2\"><a href=\"#fn:2\" class=\"footnote-ref\" role=\"doc-noteref\">2</a></sup>.</p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>Zed.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n<li id=\"fn:2\">\n<p>Why.&#160;<a href=\"#fnref:2\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>";
    "order of first reference")]
#[test_case("| A | B |\n|---|---|\n| x[^t] | y |\n\n- item[^l]\n\n[^t]: In tabel.\n[^l]: In lijst.\n",
    "<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>x<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></td>\n<td>y</td>\n</tr>\n</tbody>\n</table>\n<ul>\n<li>item<sup id=\"fnref:2\"><a href=\"#fn:2\" class=\"footnote-ref\" role=\"doc-noteref\">2</a></sup></li>\n</ul>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>In tabel.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n<li id=\"fn:2\">\n<p>In lijst.&#160;<a href=\"#fnref:2\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>";
    "footnotes in a table and a list")]
#[test_case("Only def.\n\n[^q]: Nooit gebruikt.\n",
    "<p>Only def.</p>";
    "only an unreferenced definition")]
#[test_case("Ref[^m].\n\n[^m]: Eerste alinea.\n\n    Tweede alinea.\n",
    "<p>Ref<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>.</p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>Eerste alinea.</p>\n<p>Tweede alinea.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>";
    "two paragraphs")]
#[test_case("Ref[^nodef] en [^x].\n\n[^x]: Ex.\n",
    "<p>Ref[^nodef] en <sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>.</p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>Ex.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>";
    "reference without definition")]
#[test_case("Een[^a], twee[^a], drie[^a].\n\n[^a]: Drie keer.\n",
    "<p>Een<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>, twee<sup id=\"fnref1:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>, drie<sup id=\"fnref2:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>.</p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>Drie keer.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a>&#160;<a href=\"#fnref1:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a>&#160;<a href=\"#fnref2:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>";
    "three references")]
fn footnotes_as_goldmark(markdown: &str, expected: &str) {
    assert_eq!(ours(markdown), goldmark(expected));
}

#[test]
fn footnote_ids_are_unique_and_back_links_are_labelled() {
    let r = md("Een[^a], twee[^a].\n\n[^a]: Twee keer.\n[^a]: Weg.\n");
    let mut ids = r.ids.clone();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), r.ids.len(), "{:?}", r.ids);
    assert!(
        r.html.contains("aria-label=\"Terug naar verwijzing 2\""),
        "{}",
        r.html
    );
    assert!(!r.html.contains("Weg."));
}

#[test_case(
    "\"Hallo\" zei ze, 'ja' toch.",
    "<p>&ldquo;Hallo&rdquo; zei ze, &lsquo;ja&rsquo; toch.</p>"
)]
#[test_case(
    "'s avonds en zo'n auto's in de jaren 80.",
    "<p>&rsquo;s avonds en zo&rsquo;n auto&rsquo;s in de jaren 80.</p>"
)]
#[test_case(
    "Wacht... nou -- of --- niet.",
    "<p>Wacht&hellip; nou &ndash; of &mdash; niet.</p>"
)]
#[test_case("a << b en >>pijl<<.", "<p>a &laquo; b en &raquo;pijl&laquo;.</p>")]
#[test_case(
    "Dit `\"code\" -- ...` blijft en <span title=\"a--b\">\"x\"</span>.",
    "<p>Dit <code>&quot;code&quot; -- ...</code> blijft en <span title=\"a--b\">&ldquo;x&rdquo;</span>.</p>"
)]
#[test_case(
    "Zie https://x.nl/a--b...c en <https://y.nl/a--b> .",
    "<p>Zie <a href=\"https://x.nl/a--b...c\">https://x.nl/a--b...c</a> en <a href=\"https://y.nl/a--b\">https://y.nl/a--b</a> .</p>"
)]
#[test_case(
    "(\"tussen haakjes\") en ['blok'] en \"[link](https://x.nl)\".",
    "<p>(&ldquo;tussen haakjes&rdquo;) en [&lsquo;blok&rsquo;] en &ldquo;<a href=\"https://x.nl\">link</a>&rdquo;.</p>"
)]
#[test_case(
    "\"Hij zei 'hallo' tegen mij.\"",
    "<p>&ldquo;Hij zei &lsquo;hallo&rsquo; tegen mij.&rdquo;</p>"
)]
#[test_case(
    "\"[Link](https://x.nl)\" en *\"nadruk\"* en \"*nadruk*\".",
    "<p>&ldquo;<a href=\"https://x.nl\">Link</a>&rdquo; en <em>&ldquo;nadruk&rdquo;</em> en &ldquo;<em>nadruk</em>&rdquo;.</p>"
)]
#[test_case(
    "Rock 'n' roll en 1990's.",
    "<p>Rock &rsquo;n&rsquo; roll en 1990&rsquo;s.</p>"
)]
#[test_case(
    "Een -- twee---drie ---- vier.",
    "<p>Een &ndash; twee&mdash;drie &mdash;- vier.</p>"
)]
#[test_case("Puntjes.... en . . . en ..", "<p>Puntjes&hellip;. en . . . en ..</p>")]
#[test_case(
    "He said \"it's 'ok'\" and left.",
    "<p>He said &ldquo;it&rsquo;s &lsquo;ok&rsquo;&rdquo; and left.</p>"
)]
#[test_case("x\n\"y\"", "<p>x\n&ldquo;y&rdquo;</p>")]
#[test_case("a \" b", "<p>a &quot; b</p>")]
#[test_case(
    "`code`'s en 't is 1' en 5'10",
    "<p><code>code</code>&rsquo;s en &rsquo;t is 1&rsquo; en 5'10</p>"
)]
#[test_case(
    "**\"vet\"** en _'schuin'_",
    "<p><strong>&ldquo;vet&rdquo;</strong> en <em>&lsquo;schuin&rsquo;</em></p>"
)]
#[test_case("```\n\"code\" -- ... <<x>>\n```", "<pre><code>&quot;code&quot; -- ... &lt;&lt;x&gt;&gt;\n</code></pre>"; "code block (Hugo adds tabindex)")]
#[test_case("## Wortel -- en \"stok\"...", "<h2 id=\"wortel----en-stok\">Wortel &ndash; en &ldquo;stok&rdquo;&hellip;</h2>"; "heading id from the text as written")]
fn typography_as_goldmark(markdown: &str, expected: &str) {
    assert_eq!(ours(markdown), goldmark(expected));
}

/// Where Goldmark 0.111 is plainly wrong, typographic practice wins.
#[test_case("Don't \"quote\" me on 'that'.", "<p>Don’t “quote” me on ‘that’.</p>"; "Goldmark: ’that'")]
#[test_case("In '90 en '91.", "<p>In ’90 en ’91.</p>"; "Goldmark: ‘90")]
#[test_case("![alt \"q\" -- x](/i.png)", "<p><img src=\"/i.png\" alt=\"alt “q” – x\" /></p>"; "Goldmark escapes its entities twice")]
fn typography_deliberately_unlike_goldmark(markdown: &str, expected: &str) {
    assert_eq!(md(markdown).html.trim(), expected);
}

#[test]
fn typographer_can_be_switched_off() {
    let options = MarkdownOptions {
        typographer: false,
        ..MarkdownOptions::default()
    };
    let r = render(
        Path::new("x.md"),
        "\"a\" -- b...",
        1,
        &NoShortcodes,
        &options,
    )
    .unwrap();
    assert_eq!(r.html, "<p>\"a\" -- b...</p>\n");
}

#[test]
fn plain_text_keeps_the_text_as_written() {
    let r = md("Zo'n \"test\" -- ja.\n");
    assert_eq!(r.plain_text, "Zo'n \"test\" -- ja.");
}
