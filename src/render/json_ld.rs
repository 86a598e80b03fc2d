//! The structured data of a page (schema.org JSON-LD: Organization,
//! WebSite, WebPage, BreadcrumbList and, for posts of the main section,
//! NewsArticle), built as a serde value in Rust so that no template glues
//! JSON together from strings. Templates call `json_ld(page, breadcrumbs)`
//! inside `<script type="application/ld+json">`: a data block, which the
//! strict Content-Security-Policy allows since browsers never run it.

use serde::Deserialize;
use serde_json::{Value, json};

use crate::config::SiteConfig;

/// The fields of a template's `page` value that the JSON-LD reads.
pub const PAGE_FIELDS: [&str; 8] = [
    "title",
    "description",
    "permalink",
    "kind",
    "date",
    "lastmod",
    "image_url",
    "article",
];

/// What the JSON-LD needs of a template's `page` value.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PageFacts {
    title: String,
    description: String,
    permalink: String,
    kind: String,
    date: Option<String>,
    lastmod: Option<String>,
    image_url: Option<String>,
    article: bool,
}

/// One breadcrumb as templates get it (a list entry).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Crumb {
    title: String,
    path: String,
}

/// The JSON-LD of a page as a JSON value. `page` is the template's `page`,
/// `breadcrumbs` the sections above it (home first), when the page has them.
pub fn json_ld(config: &SiteConfig, page: &Value, breadcrumbs: Option<&Value>) -> Value {
    let page: PageFacts = serde_json::from_value(page.clone()).unwrap_or_default();
    let crumbs: Vec<Crumb> = breadcrumbs
        .and_then(|b| serde_json::from_value(b.clone()).ok())
        .unwrap_or_default();
    let home = config.absolute_url("/");
    let organization_id = format!("{home}#organization");
    let website_id = format!("{home}#website");
    let breadcrumb_id = format!("{}#breadcrumb", page.permalink);
    let description = if page.description.is_empty() {
        &config.description
    } else {
        &page.description
    };
    let mut organization = json!({
        "@type": "Organization",
        "@id": organization_id,
        "name": config.title,
        "url": home,
    });
    if let Some(logo) = config.image_url() {
        organization["logo"] = json!(logo);
    }
    let website = json!({
        "@type": "WebSite",
        "@id": website_id,
        "url": home,
        "name": config.title,
        "description": config.description,
        "inLanguage": config.language,
        "publisher": { "@id": organization_id },
    });
    let mut webpage = json!({
        "@type": "WebPage",
        "@id": page.permalink,
        "url": page.permalink,
        "name": page.title,
        "description": description,
        "inLanguage": config.language,
        "isPartOf": { "@id": website_id },
    });
    let mut graph = vec![organization, website];
    if let Some(image) = &page.image_url {
        webpage["primaryImageOfPage"] = json!(image);
    }
    if let Some(date) = &page.date {
        webpage["datePublished"] = json!(date);
    }
    if let Some(lastmod) = page.lastmod.as_ref().or(page.date.as_ref()) {
        webpage["dateModified"] = json!(lastmod);
    }
    if page.kind != "home" {
        webpage["breadcrumb"] = json!({ "@id": breadcrumb_id });
        let mut items: Vec<Value> = crumbs
            .iter()
            .map(|c| (c.title.as_str(), config.absolute_url(&c.path)))
            .chain([(page.title.as_str(), page.permalink.clone())])
            .enumerate()
            .map(|(i, (name, url))| {
                json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": url })
            })
            .collect();
        if crumbs.is_empty() {
            let home_item =
                json!({ "@type": "ListItem", "position": 1, "name": config.title, "item": home });
            items.insert(0, home_item);
            for (i, item) in items.iter_mut().enumerate() {
                item["position"] = json!(i + 1);
            }
        }
        graph.push(webpage);
        graph.push(json!({
            "@type": "BreadcrumbList",
            "@id": breadcrumb_id,
            "itemListElement": items,
        }));
    } else {
        graph.push(webpage);
    }
    if page.article {
        let mut article = json!({
            "@type": "NewsArticle",
            "headline": page.title,
            "description": description,
            "url": page.permalink,
            "mainEntityOfPage": { "@id": page.permalink },
            "inLanguage": config.language,
            "publisher": { "@id": organization_id },
        });
        if let Some(date) = &page.date {
            article["datePublished"] = json!(date);
        }
        if let Some(lastmod) = page.lastmod.as_ref().or(page.date.as_ref()) {
            article["dateModified"] = json!(lastmod);
        }
        if let Some(image) = page.image_url.as_ref().cloned().or(config.image_url()) {
            article["image"] = json!(image);
        }
        graph.push(article);
    }
    json!({ "@context": "https://schema.org", "@graph": graph })
}

/// JSON made safe inside `<script type="application/ld+json">`: `<`, `>` and
/// `&` are written as `\u003c`-style escapes, so no `</script>` and no `<!--`
/// can end or hide the block, whatever a title contains.
pub fn json_for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// [`json_ld`] as the text of a `<script type="application/ld+json">` block.
pub fn json_ld_block(config: &SiteConfig, page: &Value, breadcrumbs: Option<&Value>) -> String {
    let value = json_ld(config, page, breadcrumbs);
    json_for_script(&serde_json::to_string(&value).unwrap_or_else(|_| "{}".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config() -> SiteConfig {
        SiteConfig::parse(
            Path::new("site.toml"),
            "title = 'Stop <Chat> & co'\nbase_url = 'https://e.org/'\nlanguage = 'nl-NL'\nimage = 'https://e.org/logo.png'\n",
        )
        .unwrap()
    }

    fn page(title: &str, kind: &str) -> Value {
        json!({
            "title": title,
            "description": "",
            "permalink": "https://e.org/nieuws/a/",
            "kind": kind,
            "date": "2025-03-10",
            "article": true,
        })
    }

    #[test]
    fn a_title_cannot_end_the_block() {
        let text = json_ld_block(
            &config(),
            &page("</script><script>alert(1)</script>", "page"),
            None,
        );
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        assert!(text.contains("\\u003c/script\\u003e"), "{text}");
        // The escapes are plain JSON: reading the text back gives the title.
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            back["@graph"][2]["name"],
            "</script><script>alert(1)</script>"
        );
        assert_eq!(back["@graph"][0]["name"], "Stop <Chat> & co");
    }

    #[test]
    fn escapes_every_character_that_could_close_or_hide_the_block() {
        assert_eq!(
            json_for_script(r#"{"a":"</script><!-- & -->"}"#),
            r#"{"a":"\u003c/script\u003e\u003c!-- \u0026 --\u003e"}"#
        );
    }

    /// The `@type` of each node of the graph, in order.
    fn types(v: &serde_json::Value) -> Vec<&str> {
        v["@graph"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["@type"].as_str().unwrap())
            .collect()
    }

    #[test]
    fn a_page_has_the_site_its_breadcrumbs_and_its_article() {
        let crumbs =
            json!([{ "title": "Home", "path": "/" }, { "title": "Nieuws", "path": "/nieuws/" }]);
        let v = json_ld(&config(), &page("A", "page"), Some(&crumbs));
        let types = types(&v);
        assert_eq!(
            types,
            [
                "Organization",
                "WebSite",
                "WebPage",
                "BreadcrumbList",
                "NewsArticle"
            ]
        );
        let items = &v["@graph"][3]["itemListElement"];
        assert_eq!(items[1]["item"], "https://e.org/nieuws/");
        assert_eq!(items[2]["position"], 3);
        assert_eq!(v["@graph"][4]["image"], "https://e.org/logo.png");
        assert_eq!(v["@graph"][1]["inLanguage"], "nl-NL");
    }

    #[test]
    fn the_home_page_has_no_breadcrumbs() {
        let mut home = page("Stop", "home");
        home["article"] = json!(false);
        let v = json_ld(&config(), &home, None);
        let types = types(&v);
        assert_eq!(types, ["Organization", "WebSite", "WebPage"]);
    }
}
