//! Tests of `templates`, in a file of their own so that the module stays readable.
#[test_case::test_case(PageType::Home, "home")]
#[test_case::test_case(PageType::NotFound, "404")]
#[test_case::test_case(PageType::CouncilState, "council-state")]
fn page_types_are_words_for_templates(kind: PageType, word: &str) {
    assert_eq!(serde_json::to_value(kind).unwrap(), word);
}

use super::*;
use crate::model::templates::read_templates;

fn site_with(templates: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, _, _) in REQUIRED_TEMPLATES {
        let path = dir.path().join("templates").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "{{ page.title }}").unwrap();
    }
    for (name, source) in templates {
        let path = dir.path().join("templates").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, source).unwrap();
    }
    dir
}

fn config() -> SiteConfig {
    SiteConfig::parse(
        Path::new("site.toml"),
        "title='T'\nbase_url='https://e.org/sub/'\n",
    )
    .unwrap()
}

#[test]
fn renders_page_with_urls() {
    let dir = site_with(&[(
        "x.html",
        "{{ page.url }} {{ page.permalink }} {{ site.title }} {{ rel_url('/a/') }}",
    )]);
    let r = Renderer::new(&read_templates(dir.path()), &config()).unwrap();
    let meta = PageMeta {
        path: "/raad/".into(),
        ..Default::default()
    };
    let html = r.render_page("x.html", &meta, context! {}).unwrap();
    assert_eq!(html, "/sub/raad/ https://e.org/sub/raad/ T /sub/a/");
}

#[test]
fn missing_template_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let err = Renderer::new(&read_templates(dir.path()), &config())
        .err()
        .unwrap();
    assert!(
        err.to_string().contains("missing template `base.html`"),
        "{err}"
    );
    let base = err.iter().find(|d| d.file.ends_with("base.html")).unwrap();
    assert_eq!(base.code, "template-missing");
    assert_eq!(base.message.nl, "template `base.html` ontbreekt");
    assert!(
        base.hint
            .as_ref()
            .unwrap()
            .nl
            .contains("de omlijsting van elke pagina")
    );
}

#[test]
fn syntax_error_names_template_and_line() {
    let dir = site_with(&[("single.html", "a\n{% if %}\n")]);
    let err = Renderer::new(&read_templates(dir.path()), &config())
        .err()
        .unwrap();
    let d = &err.sorted()[0];
    assert!(d.file.ends_with("single.html"));
    assert_eq!(d.line, 2);
}

fn media(name: &str, params: &[(&str, &str)]) -> Result<String, ShortcodeRenderError> {
    let dir = site_with(&[]);
    let r = Renderer::new(&read_templates(dir.path()), &config()).unwrap();
    let call = Call {
        name: name.into(),
        positional: Vec::new(),
        named: params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        inner: None,
        markdown: false,
        offset: 0,
        inner_offset: 0,
        block: false,
    };
    ShortcodeRenderer::render(&r, &call, None)
}

#[test_case::test_case("video", &[("src", "/media/a.mp4"), ("poster", "/media/a.jpg"), ("captions", "/media/a.vtt")], "<video"; "all same-site files embed")]
#[test_case::test_case("audio", &[("src", "/media/a.mp3")], "<audio"; "same-site audio embeds")]
#[test_case::test_case("audio", &[("src", "opname.mp3")], "src=\"opname.mp3\""; "relative file stays relative")]
#[test_case::test_case("video", &[("src", "HTTPS://tube.example/x")], "media-link"; "upper-case scheme is linked")]
#[test_case::test_case("video", &[("src", " https://tube.example/x")], "media-link"; "leading space is linked")]
#[test_case::test_case("video", &[("src", "/media/a.mp4"), ("poster", "https://img.example/p.jpg")], "media-link"; "poster on another host makes a link")]
#[test_case::test_case("video", &[("src", "/media/a.mp4"), ("captions", "https://img.example/c.vtt")], "media-link"; "captions on another host make a link")]
fn media_shortcodes_embed_only_same_site_files(
    name: &str,
    params: &[(&str, &str)],
    expected: &str,
) {
    let html = media(name, params).unwrap();
    assert!(html.contains(expected), "{html}");
    if expected == "media-link" {
        assert!(
            !html.contains("<video") && !html.contains("<audio"),
            "{html}"
        );
    }
    assert!(!html.contains("/sub//"), "{html}");
}

#[test_case::test_case("video", &[("src", "javascript:alert(1)")]; "javascript src")]
#[test_case::test_case("video", &[("src", "/\\\\host/x.mp4")]; "backslash host")]
#[test_case::test_case("video", &[("src", "/a.mp4"), ("poster", "data:image/png,x")]; "data poster")]
#[test_case::test_case("audio", &[]; "no src")]
fn media_shortcodes_refuse_other_schemes(name: &str, params: &[(&str, &str)]) {
    let Err(ShortcodeRenderError::Refused(why)) = media(name, params) else {
        panic!("not refused");
    };
    assert!(
        why.nl.contains("geen bestand van deze site") || why.nl.contains("verwacht"),
        "{}",
        why.nl
    );
}

#[test]
fn json_for_script_hides_nothing_and_closes_nothing() {
    let json = super::super::json_ld::json_for_script(r#"{"headline":"<!--<script></script>&"}"#);
    assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(back["headline"], "<!--<script></script>&");
}

#[test]
fn builtin_email_hides_the_address() {
    let dir = site_with(&[]);
    let r = Renderer::new(&read_templates(dir.path()), &config()).unwrap();
    let call = Call {
        name: "email".into(),
        positional: vec!["info@chatcontrole.nl".into()],
        named: Default::default(),
        inner: None,
        markdown: false,
        offset: 0,
        inner_offset: 0,
        block: false,
    };
    let html = ShortcodeRenderer::render(&r, &call, None).unwrap();
    assert!(!html.contains("info@chatcontrole.nl"), "{html}");
    assert!(
        html.contains("&#109;&#97;&#105;&#108;&#116;&#111;&#58;"),
        "mailto is encoded: {html}"
    );
}

#[test]
fn globals_reach_pages_and_shortcodes() {
    let dir = site_with(&[
        ("x.html", "{{ extra.word }}"),
        ("shortcodes/woord.html", "[{{ extra.word }}]"),
    ]);
    let mut r = Renderer::new(&read_templates(dir.path()), &config()).unwrap();
    r.add_global("extra", context! { word => "raad" });
    let html = r
        .render_page("x.html", &PageMeta::default(), context! {})
        .unwrap();
    assert_eq!(html, "raad");
    let call = Call {
        name: "woord".into(),
        positional: vec![],
        named: Default::default(),
        inner: None,
        markdown: false,
        offset: 0,
        inner_offset: 0,
        block: true,
    };
    assert_eq!(
        ShortcodeRenderer::render(&r, &call, None).unwrap(),
        "[raad]"
    );
}

#[test]
fn details_needs_closing_and_alert_does_not() {
    let dir = site_with(&[]);
    let r = Renderer::new(&read_templates(dir.path()), &config()).unwrap();
    assert!(r.needs_closing("details"));
    assert!(!r.needs_closing("alert"));
    assert!(!r.needs_closing("email"));
}
