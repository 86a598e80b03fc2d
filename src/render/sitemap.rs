//! `/sitemap.xml` with every published HTML page, and `/robots.txt` pointing at it.

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostics;
use crate::html::escape;
use crate::output::Output;

/// Writes the sitemap (from the pages already in `out`) and robots.txt.
pub fn render_sitemap_and_robots(config: &SiteConfig, out: &mut Output, diags: &mut Diagnostics) {
    render_sitemap(config, "sitemap.xml", out, diags);
    render_robots(config, out, diags);
}

/// Writes the sitemap of the pages already in `out` at `at` (relative to
/// the output root: `sitemap.xml`, `nl/sitemap.xml`).
pub fn render_sitemap(config: &SiteConfig, at: &str, out: &mut Output, diags: &mut Diagnostics) {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (path, lastmod) in out.sitemap_pages() {
        xml.push_str(&format!(
            "<url><loc>{}</loc>",
            escape(&config.absolute_url(&path))
        ));
        if let Some(lastmod) = lastmod {
            xml.push_str(&format!("<lastmod>{}</lastmod>", escape(lastmod)));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    if let Err(e) = out.add(at, xml, None) {
        diags.push(e);
    }
}

/// Writes `/robots.txt`, pointing at `/sitemap.xml`.
pub fn render_robots(config: &SiteConfig, out: &mut Output, diags: &mut Diagnostics) {
    let robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        config.absolute_url("/sitemap.xml")
    );
    if let Err(e) = out.add("robots.txt", robots, None) {
        diags.push(e);
    }
}

/// Writes `/sitemap.xml` as a sitemap index over every language's sitemap
/// (`/nl/sitemap.xml`, `/en/sitemap.xml`), as Hugo does for a site with
/// several languages; `config` is the site's own settings (its root).
pub fn render_sitemap_index(
    config: &SiteConfig,
    languages: &[crate::languages::Language],
    out: &mut Output,
    diags: &mut Diagnostics,
) {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n");
    xml.push_str("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for language in languages {
        let at = format!("/{}/sitemap.xml", language.code);
        xml.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            escape(&config.absolute_url(&at))
        ));
    }
    xml.push_str("</sitemapindex>\n");
    if let Err(e) = out.add("sitemap.xml", xml, None) {
        diags.push(e);
    }
}
