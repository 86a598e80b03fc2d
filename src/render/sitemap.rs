//! `/sitemap.xml` with every published HTML page, and `/robots.txt` pointing at it.

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostics;
use crate::html::escape;
use crate::output::Output;

/// Writes the sitemap (from the pages already in `out`) and robots.txt.
pub fn render_sitemap_and_robots(config: &SiteConfig, out: &mut Output, diags: &mut Diagnostics) {
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
    let robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        config.absolute_url("/sitemap.xml")
    );
    for (path, bytes) in [("sitemap.xml", xml), ("robots.txt", robots)] {
        if let Err(e) = out.add(path, bytes, None) {
            diags.push(e);
        }
    }
}
