//! Shortcodes and Markdown: any page body is rendered with the example site's
//! real shortcode templates, and gives HTML or diagnostics, never a panic.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chatcontrole::config::SiteConfig;
use chatcontrole::content::markdown;
use chatcontrole::render::templates::Renderer;
use libfuzzer_sys::fuzz_target;

static RENDERER: LazyLock<Renderer> = LazyLock::new(|| {
    let site = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../site");
    let config = SiteConfig::load(&site).expect("the example site's site.toml loads");
    let templates = chatcontrole::model::templates::read_templates(&site);
    Renderer::new(&templates, &config).expect("the example site's templates load")
});

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let renderer = &*RENDERER;
    let options = renderer.markdown_options();
    let _ = markdown::render(Path::new("content/fuzz.md"), body, 5, renderer, &options);
});
