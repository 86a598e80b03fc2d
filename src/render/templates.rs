//! The template engine: minijinja templates from the site's `templates/`
//! folder (read when the site is loaded, see [`crate::model::templates`]),
//! so that restyling a site needs no Rust. Built-in shortcodes are used when
//! the site does not provide its own.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use minijinja::{Environment, Value, context};
use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::dates::parse_date;
use crate::content::markdown::{
    self, MarkdownOptions, NoShortcodes, ShortcodeRenderError, ShortcodeRenderer,
};
use crate::content::shortcodes::Call;
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::locale::Locale;
use crate::model::templates::TemplateFiles;
use crate::msg;
use crate::render::builtin_shortcodes;
use crate::render::limits::{self, FuelMeter, Runaways};

/// Templates the build needs, with what each one is for in English and
/// Dutch (used in hints).
pub const REQUIRED_TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "base.html",
        "the frame around every page",
        "de omlijsting van elke pagina",
    ),
    ("index.html", "the home page", "de homepagina"),
    (
        "list.html",
        "section pages such as /nieuws/",
        "sectiepagina's zoals /nieuws/",
    ),
    (
        "single.html",
        "regular pages and news posts",
        "gewone pagina's en nieuwsberichten",
    ),
    (
        "404.html",
        "the page shown for unknown addresses",
        "de pagina die bij onbekende adressen verschijnt",
    ),
    ("search.html", "the search page", "de zoekpagina"),
];

/// What kind of page a template renders, as templates see it in
/// `page.kind` (`{% if page.kind == "home" %}`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageType {
    /// The home page.
    Home,
    /// A section's list, or a taxonomy's.
    Section,
    /// A single content page.
    #[default]
    Page,
    /// The page for unknown addresses.
    #[serde(rename = "404")]
    NotFound,
    /// The search page.
    Search,
    /// A page of the voting guide.
    Guide,
    /// The Council overview.
    Council,
    /// The page of one Council member state.
    CouncilState,
}

/// Facts about one page that every template gets as `page`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PageMeta {
    /// Title shown in `<title>` and the heading.
    pub title: String,
    /// Description for meta tags.
    pub description: String,
    /// Site path, e.g. `/raad/` (without the base URL's path).
    pub path: String,
    /// What kind of page it is; templates see it as a word (`home`, `section`, …).
    pub kind: PageType,
    /// Publication day, for articles; templates see `2025-11-24`.
    pub date: Option<NaiveDate>,
    /// Last change as `2025-11-24`.
    pub lastmod: Option<NaiveDate>,
    /// Image for social previews (site path or URL).
    pub image: Option<String>,
    /// True for news articles: adds article JSON-LD.
    pub article: bool,
    /// Keep out of search engines and the sitemap.
    pub noindex: bool,
}

/// Renders templates for one site.
pub struct Renderer {
    env: Environment<'static>,
    templates_dir: PathBuf,
    shortcodes: BTreeMap<String, String>,
    config: SiteConfig,
    prefix: String,
    /// The most fuel one render took, shared by the renderers made with
    /// [`Renderer::with_config`].
    fuel: FuelMeter,
    /// Templates that ran out of fuel; each renderer (each build) its own.
    runaways: Runaways,
    /// The language pages are rendered in: `T`, and the words Rust views
    /// write.
    locale: std::sync::Arc<Locale>,
}

impl Renderer {
    /// Compiles the site's templates (read by
    /// [`crate::model::templates::read_templates`]) with the built-in
    /// shortcodes the site does not override.
    ///
    /// Fails when a template has a syntax error or a required one is missing.
    pub fn new(templates: &TemplateFiles, config: &SiteConfig) -> Result<Renderer, Diagnostics> {
        let templates_dir = templates.dir.clone();
        let mut env = Environment::new();
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") || name.ends_with(".xml") || name.ends_with(".svg") {
                minijinja::AutoEscape::Html
            } else {
                minijinja::AutoEscape::None
            }
        });
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
        env.set_formatter(html_formatter);
        limits::apply(&mut env);
        let mut diags = Diagnostics::new();
        diags.extend(templates.unreadable.iter().cloned());
        let mut shortcodes = BTreeMap::new();
        for file in &templates.files {
            let name = &file.name;
            if let Some(short) = name
                .strip_prefix("shortcodes/")
                .and_then(|n| n.strip_suffix(".html"))
            {
                shortcodes.insert(short.to_string(), file.source.clone());
            }
            if let Err(e) = env.add_template_owned(name.clone(), file.source.clone()) {
                diags.push(template_diagnostic(&templates_dir, name, &e));
            }
        }
        for builtin in builtin_shortcodes::BUILTINS {
            let (name, source) = (builtin.name, builtin.source);
            if !shortcodes.contains_key(name) {
                shortcodes.insert(name.to_string(), source.to_string());
                if let Err(e) =
                    env.add_template_owned(format!("shortcodes/{name}.html"), source.to_string())
                {
                    diags.push(template_diagnostic(&templates_dir, name, &e));
                }
            }
        }
        for (name, en, nl) in REQUIRED_TEMPLATES {
            if env.get_template(name).is_err() && !diags.iter().any(|d| d.file.ends_with(name)) {
                diags.push(
                    Diagnostic::error(
                        "template-missing",
                        templates_dir.join(name),
                        0,
                        0,
                        msg!("missing template `{name}`", "template `{name}` ontbreekt"),
                    )
                    .with_hint(msg!(
                        "this template renders {en}; copy it from the example site's templates folder",
                        "deze template maakt {nl}; kopieer hem uit de map templates van de voorbeeldsite"
                    )),
                );
            }
        }
        if diags.has_errors() {
            return Err(diags);
        }
        let prefix = config.path_prefix();
        register_helpers(&mut env, config, &prefix);
        env.add_global("site", site_value(config, &prefix));
        let locale = std::sync::Arc::new(Locale::builtin(&crate::languages::primary(
            &config.language,
        )));
        super::strings::register_strings(&mut env, &locale);
        Ok(Renderer {
            env,
            templates_dir,
            shortcodes,
            config: config.clone(),
            prefix,
            fuel: FuelMeter::default(),
            runaways: Runaways::default(),
            locale,
        })
    }

    /// The same templates and globals with other settings (the menus that
    /// content pages add with `menu:`), without reading the templates again.
    pub fn with_config(&self, config: &SiteConfig) -> Renderer {
        let mut env = self.env.clone();
        let prefix = config.path_prefix();
        register_helpers(&mut env, config, &prefix);
        env.add_global("site", site_value(config, &prefix));
        Renderer {
            env,
            templates_dir: self.templates_dir.clone(),
            shortcodes: self.shortcodes.clone(),
            config: config.clone(),
            prefix,
            fuel: self.fuel.clone(),
            runaways: Runaways::default(),
            locale: self.locale.clone(),
        }
    }

    /// Renders in the language of `locale` from now on: `T`/`i18n` in the
    /// templates and [`Renderer::locale`] for Rust views.
    pub fn set_locale(&mut self, locale: Locale) {
        self.locale = std::sync::Arc::new(locale);
        super::strings::register_strings(&mut self.env, &self.locale);
    }

    /// The language pages are rendered in.
    pub fn locale(&self) -> &Locale {
        &self.locale
    }

    /// The most fuel (template steps, see [`limits::TEMPLATE_FUEL`]) one
    /// render of this renderer, or of one made from it with
    /// [`Renderer::with_config`], has taken so far.
    pub fn most_fuel_used(&self) -> u64 {
        self.fuel.most()
    }

    /// Renders `template`, noting the fuel it took.
    fn run(
        &self,
        template: &minijinja::Template<'_, '_>,
        ctx: Value,
    ) -> Result<String, minijinja::Error> {
        let captured = template.render_captured(ctx)?;
        self.fuel.note(captured.state());
        Ok(captured.into_output())
    }

    /// The site settings this renderer was made with.
    pub fn config(&self) -> &SiteConfig {
        &self.config
    }

    /// The base URL's path without trailing slash (`""` or `/campagne`).
    pub fn url_prefix(&self) -> &str {
        &self.prefix
    }

    /// Makes `value` available as `name` in every template, shortcodes
    /// included, e.g. data a module loaded that content pages may show.
    /// Call it before rendering; a later call with the same name replaces it.
    pub fn add_global(&mut self, name: &str, value: Value) {
        self.env.add_global(name.to_string(), value);
    }

    /// True when the site has a template with this name (e.g. `nieuws/single.html`).
    pub fn has_template(&self, name: &str) -> bool {
        self.env.get_template(name).is_ok()
    }

    /// Renders template `name` with `page` and the extra context `ctx`.
    ///
    /// Fails with a diagnostic pointing into the template when rendering fails.
    pub fn render_page(
        &self,
        name: &str,
        page: &PageMeta,
        ctx: Value,
    ) -> Result<String, Diagnostic> {
        let page_value = page_value(&self.config, &self.prefix, page, Value::UNDEFINED);
        self.render(name, context! { page => page_value, ..ctx })
    }

    /// Renders template `name` with the given context as it is.
    pub fn render(&self, name: &str, ctx: Value) -> Result<String, Diagnostic> {
        let template = self.env.get_template(name).map_err(|_| {
            Diagnostic::error(
                "template-missing",
                self.templates_dir.join(name),
                0,
                0,
                msg!("missing template `{name}`", "template `{name}` ontbreekt"),
            )
            .with_hint(msg!(
                "add the template to the site's templates folder",
                "zet de template in de map templates van de site"
            ))
        })?;
        if let Some(earlier) = self.runaways.get(name) {
            return Err(earlier);
        }
        let page = limits::rendered_page(&ctx);
        self.run(&template, ctx).map_err(|e| {
            let mut d = template_diagnostic(&self.templates_dir, name, &e);
            if limits::out_of_fuel(&e).is_some() {
                if let Some(page) = page {
                    let what = d.message.clone();
                    d.message = msg!(
                        "{what} while rendering {page}",
                        "{what} bij het maken van {page}";
                        what
                    );
                }
                self.runaways.note(name, &d);
            }
            d
        })
    }

    /// The settings for rendering Markdown on this site.
    pub fn markdown_options(&self) -> MarkdownOptions {
        MarkdownOptions {
            url_prefix: self.prefix.clone(),
            typographer: self.config.markdown.typographer,
            root_files: self.config.root_files.clone(),
            footnote_back: self.locale.t("footnote_back"),
            footnote_back_to: self.locale.t("footnote_back_to"),
        }
    }
}

/// The link to a site path as pages write it: the base URL's path (`prefix`,
/// `""` or `/campagne`) followed by the path. With [`SiteConfig::absolute_url`]
/// for permalinks, the one place where a page's URL is made.
pub fn site_url(prefix: &str, path: &str) -> String {
    format!("{prefix}{path}")
}

/// The `page` value of a template: the meta facts plus `url`, `permalink` and
/// `date_display`, and the fields of `extra` (an object) when given.
pub fn page_value(config: &SiteConfig, prefix: &str, page: &PageMeta, extra: Value) -> Value {
    let formats = crate::locale::format::Formats::of(&config.language);
    let date_display = page.date.map(|d| formats.date(d));
    let lastmod_display = page.lastmod.map(|d| formats.date(d));
    let base = context! {
        url => site_url(prefix, &page.path),
        permalink => config.absolute_url(&page.path),
        date_display,
        lastmod_display,
        image_url => page.image.as_deref().map(|i| config.absolute_url(i)).or_else(|| config.image_url()),
        ..Value::from_serialize(page)
    };
    if extra.is_undefined() {
        base
    } else {
        context! { ..extra, ..base }
    }
}

fn site_value(config: &SiteConfig, prefix: &str) -> Value {
    #[derive(Serialize)]
    struct Menu {
        name: String,
        url: String,
        path: String,
        title: Option<String>,
        external: bool,
        children: Vec<Menu>,
    }
    fn item(node: &crate::content::menu::MenuNode, prefix: &str) -> Menu {
        let e = &node.entry;
        // Menu urls were checked when site.toml was read: a path on this
        // site starts with `/`, anything else is an http(s) or mailto link.
        let external = !e.url.starts_with('/');
        Menu {
            name: e.name.clone(),
            url: if external {
                e.url.clone()
            } else {
                site_url(prefix, &e.url)
            },
            path: e.url.clone(),
            title: e.title.clone(),
            external,
            children: node.children.iter().map(|c| item(c, prefix)).collect(),
        }
    }
    let menus: BTreeMap<String, Vec<Menu>> = config
        .menu
        .iter()
        .map(|(name, entries)| {
            let items = crate::content::menu::tree(entries)
                .iter()
                .map(|node| item(node, prefix))
                .collect();
            (name.clone(), items)
        })
        .collect();
    context! {
        title => config.title.clone(),
        description => config.description.clone(),
        base_url => config.base_url.clone(),
        language => config.language.clone(),
        locale => config.locale(),
        image_url => config.image_url(),
        main_section => config.main_section.clone(),
        params => Value::from_serialize(&config.params),
        menus => Value::from_serialize(&menus),
        prefix => prefix.to_string(),
    }
}

fn register_helpers(env: &mut Environment<'static>, config: &SiteConfig, prefix: &str) {
    let c = config.clone();
    env.add_function("rel_url", move |path: String| -> String {
        if path.starts_with('/') && !path.starts_with("//") {
            c.link(&path)
        } else {
            path
        }
    });
    let c = config.clone();
    env.add_function("abs_url", move |path: String| -> String {
        c.absolute_url(&path)
    });
    env.add_function(
        "is_active",
        |menu_path: String, page_path: String| -> bool {
            if menu_path == "/" {
                page_path == "/"
            } else {
                page_path.starts_with(&menu_path)
            }
        },
    );
    // The page's language's way of writing a date; named `date_nl` when
    // Dutch was the only language, kept so that older templates work.
    let formats = crate::locale::format::Formats::of(&config.language);
    env.add_filter("date_nl", move |value: String| -> String {
        parse_date(&value)
            .map(|d| formats.date(d.date_naive()))
            .unwrap_or(value)
    });
    let p = prefix.to_string();
    let typographer = config.markdown.typographer;
    let root_files = config.root_files.clone();
    env.add_filter("markdownify", move |value: String| -> Value {
        let options = MarkdownOptions {
            url_prefix: p.clone(),
            typographer,
            root_files: root_files.clone(),
            ..MarkdownOptions::default()
        };
        let html = markdown::render(Path::new("(template)"), &value, 1, &NoShortcodes, &options)
            .map(|r| r.html)
            .unwrap_or_else(|_| crate::html::escape(&value));
        // Text from data files is not trusted like content pages: raw HTML,
        // scripts, event attributes and `javascript:` links are removed.
        let html = crate::html::sanitize(&html);
        let html = html.trim();
        // A single paragraph is returned without <p>, for use inside sentences and cells.
        let inline = html
            .strip_prefix("<p>")
            .and_then(|h| h.strip_suffix("</p>"))
            .filter(|h| !h.contains("<p>"));
        Value::from_safe_string(inline.unwrap_or(html).to_string())
    });
    env.add_filter("obfuscate", |value: String| -> Value {
        Value::from_safe_string(value.chars().map(|c| format!("&#{};", c as u32)).collect())
    });
    env.add_filter("json", |value: Value| -> Result<Value, minijinja::Error> {
        let text = serde_json::to_string(&value).map_err(|e| {
            minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string())
        })?;
        Ok(Value::from_safe_string(super::json_ld::json_for_script(
            &text,
        )))
    });
    let c = config.clone();
    env.add_function(
        "json_ld",
        move |page: Value, breadcrumbs: Option<Value>| -> Result<Value, minijinja::Error> {
            let to_json = |v: &Value| {
                serde_json::to_value(v).map_err(|e| {
                    minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string())
                })
            };
            // Only the fields the JSON-LD uses, not the page's whole content.
            let mut facts = serde_json::Map::new();
            for key in super::json_ld::PAGE_FIELDS {
                let value = page.get_attr(key)?;
                if !value.is_undefined() && !value.is_none() {
                    facts.insert(key.to_string(), to_json(&value)?);
                }
            }
            let crumbs = match breadcrumbs.filter(|b| !b.is_undefined() && !b.is_none()) {
                Some(b) => Some(to_json(&b)?),
                None => None,
            };
            let block = super::json_ld::json_ld_block(
                &c,
                &serde_json::Value::Object(facts),
                crumbs.as_ref(),
            );
            Ok(Value::from_safe_string(block))
        },
    );
    let p = prefix.to_string();
    env.add_function(
        "media",
        move |src: String| -> Result<Value, minijinja::Error> { media_source(&p, &src) },
    );
    // `icon("verdict-" ~ tone)`: an inline SVG icon (see `super::icons`).
    env.add_function("icon", |name: String| -> Result<Value, minijinja::Error> {
        super::icons::Icon::from_name(&name)
            .map(|icon| Value::from_safe_string(icon.inline_svg()))
            .ok_or_else(|| {
                refuse(msg!(
                    "there is no icon `{name}`",
                    "er is geen icoon `{name}`"
                ))
            })
    });
    // Share links without trackers for `partials/share.html` (see share_links.rs).
    env.add_function(
        "share_links",
        |title: String, url: String, text: Option<String>| -> Value {
            Value::from_serialize(super::share_links::share_links(
                &title,
                &url,
                text.as_deref().unwrap_or(""),
            ))
        },
    );
    env.add_global(
        "csp_meta",
        Value::from_safe_string(crate::render::headers::meta_content_security_policy()),
    );
}

/// Where a media shortcode's `src`, `poster` or `captions` points: a file of
/// this site (`{url, external: false}`, embedded) or an http(s) address on
/// another host (`{url, external: true}`, only linked). Anything else (a
/// `javascript:` address, `/\\host/…`) is an error for the shortcode.
fn media_source(prefix: &str, src: &str) -> Result<Value, minijinja::Error> {
    use crate::site_path::SitePath;
    use crate::url::{ExternalUrl, Schemes};
    if let Ok(path) = SitePath::parse(src) {
        let shown = path.to_string();
        let url = if src.starts_with('/') {
            format!("{prefix}{shown}")
        } else {
            shown.trim_start_matches('/').to_string()
        };
        return Ok(context! { url, external => false });
    }
    match ExternalUrl::parse(src, Schemes::Web) {
        Ok(url) => Ok(context! { url => url.as_str().to_string(), external => true }),
        Err(e) => {
            let reason = e.message;
            Err(refuse(msg!(
                "`{src}` is neither a file of this site nor a web address ({reason})",
                "`{src}` is geen bestand van deze site en ook geen webadres ({reason})";
                reason
            )))
        }
    }
}

/// A template helper's own refusal (`media`, `icon`, `raad_positie`) in every language,
/// carried inside the engine's error so that the diagnostic shows it in
/// the editor's language.
#[derive(Debug)]
struct Refusal(Message);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.en)
    }
}

impl std::error::Error for Refusal {}

/// The engine's error for a helper that refuses its arguments: the English
/// text as its detail, the whole [`Message`] as its source, so that the
/// shortcode's diagnostic says it in the editor's language.
pub fn refuse(message: Message) -> minijinja::Error {
    minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, message.en.clone())
        .with_source(Refusal(message))
}

/// The helper's refusal `e` was made from by [`refuse`], if it was.
fn refusal(e: &minijinja::Error) -> Option<&Message> {
    std::error::Error::source(e)?
        .downcast_ref::<Refusal>()
        .map(|r| &r.0)
}

/// Escapes like minijinja's HTML escaping, but leaves `/` alone so that
/// addresses stay readable in the generated HTML.
fn html_formatter(
    out: &mut minijinja::Output<'_>,
    state: &minijinja::State<'_, '_>,
    value: &Value,
) -> Result<(), minijinja::Error> {
    if state.auto_escape() == minijinja::AutoEscape::None
        || value.is_safe()
        || value.is_undefined()
        || value.is_none()
    {
        return minijinja::escape_formatter(out, state, value);
    }
    out.write_str(&crate::html::escape(&value.to_string()))
        .map_err(minijinja::Error::from)
}

/// The shortcodes of one page: like the [`Renderer`]'s, and the templates
/// also get `page` (title, url, permalink, params), as Hugo's `.Page`.
pub struct PageShortcodes<'r> {
    renderer: &'r Renderer,
    page: Value,
}

impl Renderer {
    /// Shortcodes rendered for the page described by `page`.
    pub fn shortcodes_for(&self, page: Value) -> PageShortcodes<'_> {
        PageShortcodes {
            renderer: self,
            page,
        }
    }
}

impl ShortcodeRenderer for PageShortcodes<'_> {
    fn names(&self) -> Vec<String> {
        self.renderer.names()
    }
    fn exists(&self, name: &str) -> bool {
        self.renderer.exists(name)
    }
    fn needs_closing(&self, name: &str) -> bool {
        self.renderer.needs_closing(name)
    }
    fn render(
        &self,
        call: &Call,
        inner_html: Option<&str>,
    ) -> Result<String, ShortcodeRenderError> {
        self.renderer
            .render_shortcode(call, inner_html, self.page.clone())
    }
}

impl ShortcodeRenderer for Renderer {
    fn names(&self) -> Vec<String> {
        self.shortcodes.keys().cloned().collect()
    }

    fn exists(&self, name: &str) -> bool {
        self.shortcodes.contains_key(name)
    }

    fn needs_closing(&self, name: &str) -> bool {
        self.shortcodes
            .get(name)
            .is_some_and(|source| source.contains("inner") && !source.contains("if inner"))
    }

    fn render(
        &self,
        call: &Call,
        inner_html: Option<&str>,
    ) -> Result<String, ShortcodeRenderError> {
        self.render_shortcode(call, inner_html, Value::UNDEFINED)
    }
}

impl Renderer {
    fn render_shortcode(
        &self,
        call: &Call,
        inner_html: Option<&str>,
        page: Value,
    ) -> Result<String, ShortcodeRenderError> {
        // A built-in (not overridden by the site) refuses arguments it would drop.
        if let Some(builtin) = builtin_shortcodes::find(&call.name)
            && self.shortcodes.get(&call.name).map(String::as_str) == Some(builtin.source)
        {
            builtin.check(call).map_err(ShortcodeRenderError::Refused)?;
        }
        let name = format!("shortcodes/{}.html", call.name);
        let template = self
            .env
            .get_template(&name)
            .map_err(|e| ShortcodeRenderError::Template(e.to_string()))?;
        let ctx = context! {
            page,
            name => call.name.clone(),
            params => Value::from_serialize(&call.named),
            args => Value::from_serialize(&call.positional),
            inner => inner_html.map(|h| Value::from_safe_string(h.to_string())),
            inner_raw => call.inner.clone(),
        };
        if self.runaways.get(&name).is_some() {
            return Err(ShortcodeRenderError::RanAway(limits::out_of_fuel_message(
                &name,
            )));
        }
        self.run(&template, ctx)
            .map(|s| s.trim().to_string())
            .map_err(|e| match (e.kind(), e.detail()) {
                _ if let Some(fuel) = limits::out_of_fuel(&e) => {
                    let d = template_diagnostic(&self.templates_dir, &name, &e);
                    self.runaways.note(&name, &d);
                    ShortcodeRenderError::RanAway(limits::out_of_fuel_message(
                        fuel.name().unwrap_or(&name),
                    ))
                }
                // A check of a helper such as `media`: its own words are the message.
                (minijinja::ErrorKind::InvalidOperation, Some(detail)) => {
                    ShortcodeRenderError::Refused(
                        refusal(&e)
                            .cloned()
                            // Another check's words (the engine's, serde's).
                            .unwrap_or_else(|| Message::verbatim(detail)),
                    )
                }
                (_, Some(detail)) => ShortcodeRenderError::Template(format!("{e} ({detail})")),
                _ => ShortcodeRenderError::Template(e.to_string()),
            })
    }
}

fn template_diagnostic(dir: &Path, name: &str, e: &minijinja::Error) -> Diagnostic {
    let file = e.name().unwrap_or(name);
    if let Some(fuel) = limits::out_of_fuel(e) {
        let file = fuel.name().unwrap_or(file);
        return Diagnostic::error(
            "template-ran-away",
            dir.join(file),
            fuel.line().unwrap_or(0),
            0,
            limits::out_of_fuel_message(file),
        )
        .with_hint(limits::out_of_fuel_hint());
    }
    // The kind and the detail are the engine's own words, unless the detail
    // is the refusal of one of our helpers.
    let kind = e.kind().to_string();
    let message = match (refusal(e), e.detail()) {
        (Some(reason), _) => msg!(
            "template error: {kind}: {reason}",
            "fout in template: {kind}: {reason}";
            reason
        ),
        (None, Some(detail)) => msg!(
            "template error: {kind}: {detail}",
            "fout in template: {kind}: {detail}"
        ),
        (None, None) => msg!("template error: {kind}", "fout in template: {kind}"),
    };
    Diagnostic::error("template-error", dir.join(file), e.line().unwrap_or(0), 0, message)
        .with_hint(Message::new(
            "check the {{ }} and {% %} tags on that line; see https://docs.rs/minijinja for the template syntax",
            "controleer de tags {{ }} en {% %} op die regel; zie https://docs.rs/minijinja voor de schrijfwijze van templates",
        ))
}

#[cfg(test)]
#[path = "templates_tests.rs"]
mod tests;
