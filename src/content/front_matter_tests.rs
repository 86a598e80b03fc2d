//! Tests of `front_matter`, in a file of their own so that the module stays readable.
use super::*;
use test_case::test_case;

fn read(text: &str) -> Result<FrontMatter, Diagnostics> {
    let file = Path::new("content/x.md");
    let split = split(file, text).map_err(Diagnostics::from)?;
    parse(file, &split)
}

#[test_case("---\ntitle: A\n---\nbody\n", Format::Yaml, 4; "yaml")]
#[test_case("+++\ntitle = \"A\"\n+++\nbody\n", Format::Toml, 4; "toml")]
#[test_case("{\n\"title\": \"A\"\n}\nbody\n", Format::Json, 4; "json")]
#[test_case("\u{feff}---\ntitle: A\n---\nbody\n", Format::Yaml, 4; "byte order mark")]
#[test_case("---\r\ntitle: A\r\n---\r\nbody\r\n", Format::Yaml, 4; "windows line ends")]
#[test_case("\n  \n---\ntitle: A\n---\nbody\n", Format::Yaml, 6; "blank lines before the fence, as Hugo allows")]
#[test_case("\n+++\ntitle = \"A\"\n+++\nbody\n", Format::Toml, 5; "blank line before toml")]
#[test_case("\n\n{\n\"title\": \"A\"\n}\nbody\n", Format::Json, 6; "blank lines before json")]
fn splits_each_format(text: &str, format: Format, body_line: usize) {
    let s = split(Path::new("x.md"), text).unwrap();
    assert_eq!(s.format, format);
    assert_eq!(s.body.trim(), "body");
    assert_eq!(s.body_line, body_line);
}

#[test]
fn missing_front_matter_suggests_fences() {
    let d = split(Path::new("content/x.md"), "# Titel\n").unwrap_err();
    assert_eq!((d.line, d.column), (1, 1));
    assert!(d.message.contains("couldn't find front matter in `x.md`"));
    assert_eq!(d.code, "front-matter-missing");
    assert_eq!(d.message.nl, "geen front matter gevonden in `x.md`");
    assert!(d.hint.unwrap().nl.contains("Voorbeeld:\n---"));
}

#[test]
fn unclosed_front_matter_is_reported() {
    let d = split(Path::new("x.md"), "---\ntitle: A\n\nTekst\n").unwrap_err();
    assert!(d.message.contains("never closed"));
}

#[test]
fn reads_known_fields_and_keeps_unknown() {
    let fm = read("---\ntitle: \"Nieuws\"\ndate: 2025-11-24\ndraft: false\nweight: 630\ntoc: true\nmenu:\n  docs:\n    parent:\n    weight: 3\ntags: privacy\nhero: groot\n---\n").unwrap();
    assert_eq!(fm.title.as_deref(), Some("Nieuws"));
    assert_eq!(fm.weight, 630);
    assert!(fm.toc);
    assert_eq!(fm.menus[0].menu, "docs");
    assert_eq!(fm.menus[0].parent, None);
    assert_eq!(fm.tags, ["privacy"]);
    assert_eq!(fm.params["hero"], "groot");
}

#[test_case("titel", Some("title"))]
#[test_case("Title", Some("title"))]
#[test_case("descripton", Some("description"))]
#[test_case("tag", Some("tags"))]
#[test_case("hero", None)]
#[test_case("title", None)]
fn suggests_known_keys(key: &str, expected: Option<&str>) {
    assert_eq!(did_you_mean(key), expected);
}

#[test]
fn comma_text_where_a_list_belongs_is_an_error_with_the_fix() {
    let err = read("---\ntitle: A\ntags: raad, belgie\n---\n").unwrap_err();
    let d = &err.sorted()[0];
    assert_eq!(d.line, 3);
    assert!(d.hint.as_ref().unwrap().contains("[\"raad\", \"belgie\"]"));
}

#[test]
fn duplicate_json_keys_are_an_error() {
    let err = read("{\n\"title\": \"A\",\n\"title\": \"B\"\n}\n").unwrap_err();
    assert!(err.to_string().contains("appears twice"), "{err}");
    let d = &err.sorted()[0];
    assert_eq!(d.code, "front-matter-key-twice");
    assert!(
        d.message.nl.contains("`title` staat er twee keer in"),
        "{}",
        d.message.nl
    );
}

#[test]
fn wrong_menu_weight_is_an_error() {
    let err = read("---\ntitle: A\nmenu:\n  main:\n    weight: veel\n---\n").unwrap_err();
    assert_eq!(err.sorted()[0].line, 5);
}

#[test]
fn toml_dates_become_dates() {
    let fm = read("+++\ntitle = \"A\"\ndate = 2020-11-05T08:49:31+00:00\n+++\n").unwrap();
    assert_eq!(fm.date.unwrap().to_rfc3339(), "2020-11-05T08:49:31+00:00");
}

#[test]
fn invalid_yaml_names_line_in_file() {
    let err = read("---\ntitle: A\ndescription: \"open\n---\n").unwrap_err();
    let d = &err.sorted()[0];
    assert!(d.line >= 3, "{d}");
    assert!(d.message.starts_with("invalid YAML"));
}

#[test]
fn invalid_toml_names_line_in_file() {
    let err = read("+++\ntitle = \"A\"\ndate = morgen\n+++\n").unwrap_err();
    assert_eq!(err.sorted()[0].line, 3);
}

#[test]
fn bad_date_names_line_and_suggests_format() {
    let err = read("---\ntitle: A\ndate: 24-11-2025\n---\n").unwrap_err();
    let d = &err.sorted()[0];
    assert_eq!((d.line, d.column), (3, 1));
    assert!(d.hint.as_ref().unwrap().contains("2025-11-24"));
}

#[test]
fn wrong_type_is_reported_per_field() {
    let err = read("---\ntitle: A\ndraft: misschien\nweight: veel\n---\n").unwrap_err();
    assert_eq!(err.error_count(), 2);
    let weight = &err.sorted()[1];
    assert_eq!(weight.code, "front-matter-wrong-type");
    assert_eq!(weight.message, "`weight` must be a whole number");
    assert_eq!(weight.message.nl, "`weight` moet een geheel getal zijn");
}

#[test]
fn empty_front_matter_is_fine() {
    let fm = read("---\n---\nTekst\n").unwrap();
    assert!(fm.title.is_none());
}
