//! The shortcodes every site has, with the arguments each one takes.
//!
//! One table serves two readers: the renderer, which refuses a call that
//! passes an argument the built-in would silently drop (so a typo or a
//! theme's own argument is a diagnostic, never an empty link), and
//! `import hugo`, which maps a Hugo shortcode to a built-in only when every
//! call on the site passes arguments the built-in understands.

use crate::content::shortcodes::Call;
use crate::diagnostics::Message;
use crate::msg;

/// What a call must give for the result not to be empty: the test, and
/// what to write, in words (English, Dutch).
type Needs = (fn(&Call) -> bool, &'static str, &'static str);

/// One built-in shortcode.
#[derive(Debug)]
pub struct Builtin {
    /// Its name, as written in `{{< name >}}`.
    pub name: &'static str,
    /// Its template.
    pub source: &'static str,
    /// The named arguments it reads.
    pub named: &'static [&'static str],
    /// How many arguments without a name it reads.
    pub positional: usize,
    /// What a call must give for the result not to be empty, in words.
    needs: Option<Needs>,
}

/// Every built-in shortcode.
pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "alert",
        source: include_str!("builtin/shortcodes/alert.html"),
        named: &["context", "text", "icon"],
        positional: 1,
        needs: None,
    },
    Builtin {
        name: "audio",
        source: include_str!("builtin/shortcodes/audio.html"),
        named: &["src", "title", "caption"],
        positional: 1,
        needs: Some((
            has_src,
            "a file to play: `src=\"/media/opname.mp3\"`",
            "een bestand om af te spelen: `src=\"/media/opname.mp3\"`",
        )),
    },
    Builtin {
        name: "details",
        source: include_str!("builtin/shortcodes/details.html"),
        named: &["summary", "open"],
        positional: 2,
        needs: None,
    },
    Builtin {
        name: "email",
        source: include_str!("builtin/shortcodes/email.html"),
        named: &["address", "text", "user", "domain"],
        positional: 1,
        needs: Some((
            has_address,
            "an address: `{{< email \"info@example.org\" >}}`, `address=\"…\"` or `user=\"info\" domain=\"example.org\"`",
            "een adres: `{{< email \"info@example.org\" >}}`, `address=\"…\"` of `user=\"info\" domain=\"example.org\"`",
        )),
    },
    Builtin {
        name: "minister",
        source: include_str!("builtin/shortcodes/minister.html"),
        named: &[],
        positional: 1,
        needs: Some((
            is_minister_form,
            "no argument, `naam` or `rol`: `{{< minister >}}`, `{{< minister naam >}}`",
            "niets, `naam` of `rol`: `{{< minister >}}`, `{{< minister naam >}}`",
        )),
    },
    Builtin {
        name: "partij-stem",
        source: include_str!("builtin/shortcodes/partij-stem.html"),
        named: &[],
        positional: 2,
        needs: Some((
            has_two_arguments,
            "a party and an item: `{{< partij-stem sgp 36263 >}}`",
            "een partij en een stemming: `{{< partij-stem sgp 36263 >}}`",
        )),
    },
    Builtin {
        name: "raad-positie",
        source: include_str!("builtin/shortcodes/raad-positie.html"),
        named: &["bron"],
        positional: 2,
        needs: Some((
            has_two_arguments,
            "a state and a date: `{{< raad-positie NL 2025-11-26 >}}`",
            "een lidstaat en een datum: `{{< raad-positie NL 2025-11-26 >}}`",
        )),
    },
    Builtin {
        name: "video",
        source: include_str!("builtin/shortcodes/video.html"),
        named: &["src", "poster", "captions", "title", "caption"],
        positional: 1,
        needs: Some((
            has_src,
            "a file to play: `src=\"/media/uitleg.mp4\"`",
            "een bestand om af te spelen: `src=\"/media/uitleg.mp4\"`",
        )),
    },
];

/// The built-in shortcode called `name`, if there is one.
pub fn find(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.name == name)
}

impl Builtin {
    /// Whether `call` passes only arguments this shortcode reads, and what it
    /// needs; the problem in words otherwise.
    pub fn check(&self, call: &Call) -> Result<(), Message> {
        let name = self.name;
        let takes = self.takes();
        let unknown: Vec<&str> = call
            .named
            .keys()
            .map(String::as_str)
            .filter(|k| !self.named.contains(k))
            .collect();
        if !unknown.is_empty() {
            let unknown = quoted_list(&unknown);
            return Err(msg!(
                "`{name}` does not read {unknown}; it takes {takes}",
                "`{name}` leest {unknown} niet; het kent {takes}"
            ));
        }
        if call.positional.len() > self.positional {
            let (reads, gives) = (self.positional, call.positional.len());
            return Err(if reads == 1 {
                msg!(
                    "`{name}` reads 1 argument without a name, this call gives {gives}; it takes {takes}",
                    "`{name}` leest 1 argument zonder naam, deze aanroep geeft er {gives}; het kent {takes}"
                )
            } else {
                msg!(
                    "`{name}` reads {reads} arguments without a name, this call gives {gives}; it takes {takes}",
                    "`{name}` leest {reads} argumenten zonder naam, deze aanroep geeft er {gives}; het kent {takes}"
                )
            });
        }
        if let Some((has, en, nl)) = self.needs
            && !has(call)
        {
            return Err(msg!("`{name}` needs {en}", "`{name}` verwacht {nl}"));
        }
        Ok(())
    }

    /// The arguments it takes, in words.
    fn takes(&self) -> String {
        quoted_list(self.named)
    }
}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn non_empty(call: &Call, key: &str) -> bool {
    call.named.get(key).is_some_and(|v| !v.trim().is_empty())
}

fn first_positional(call: &Call) -> bool {
    call.positional
        .first()
        .is_some_and(|v| !v.trim().is_empty())
}

/// Two non-empty positional arguments: a state and a date (`raad-positie`),
/// or a party and an item (`partij-stem`).
fn has_two_arguments(call: &Call) -> bool {
    call.positional.len() == 2 && call.positional.iter().all(|v| !v.trim().is_empty())
}

fn is_minister_form(call: &Call) -> bool {
    call.positional
        .first()
        .is_none_or(|v| v == "naam" || v == "rol")
}

fn has_src(call: &Call) -> bool {
    non_empty(call, "src") || first_positional(call)
}

fn has_address(call: &Call) -> bool {
    non_empty(call, "address")
        || first_positional(call)
        || (non_empty(call, "user") && non_empty(call, "domain"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::shortcodes::{Piece, parse};
    use test_case::test_case;

    fn call(text: &str) -> Call {
        parse(text, &|_| false)
            .unwrap()
            .into_iter()
            .find_map(|piece| match piece {
                Piece::Call(c) => Some(c),
                Piece::Text(_) => None,
            })
            .unwrap_or_else(|| panic!("no call in {text}"))
    }

    #[test_case(r#"{{< email "a@b.nl" >}}"#; "email positional")]
    #[test_case(r#"{{< email user="chatcontrole" domain="proton.me" >}}"#; "email doks form")]
    #[test_case(r#"{{< email address="a@b.nl" text="Mail ons" >}}"#; "email named")]
    #[test_case(r#"{{< audio src="/a.mp3" caption="Podcast" >}}"#; "audio with a caption")]
    #[test_case(r#"{{< video "/v.mp4" poster="/p.jpg" >}}"#; "video")]
    #[test_case(r#"{{< details "Meer" open >}}"#; "details open")]
    #[test_case(r#"{{< alert context="warning" >}}"#; "alert")]
    #[test_case(r#"{{< minister >}}"#; "minister")]
    #[test_case(r#"{{< minister naam >}}"#; "minister name only")]
    #[test_case(r#"{{< minister rol >}}"#; "minister role only")]
    fn accepts(text: &str) {
        let c = call(text);
        assert_eq!(find(&c.name).unwrap().check(&c), Ok(()));
    }

    #[test_case(r#"{{< email user="chatcontrole" >}}"#, "`email` needs an address"; "user without domain")]
    #[test_case(r#"{{< email >}}"#, "`email` needs an address"; "nothing")]
    #[test_case(r#"{{< email adres="a@b.nl" >}}"#, "`email` does not read `adres`; it takes `address`, `text`, `user`, `domain`"; "typo")]
    #[test_case(r#"{{< audio src="/a.mp3" autoplay="true" >}}"#, "`audio` does not read `autoplay`"; "theme argument")]
    #[test_case(r#"{{< video >}}"#, "`video` needs a file to play"; "video without file")]
    #[test_case(r#"{{< alert "info" "extra" >}}"#, "`alert` reads 1 argument without a name, this call gives 2"; "too many positional")]
    #[test_case(r#"{{< minister "Van Weel" >}}"#, "`minister` needs no argument, `naam` or `rol`"; "minister with a typed name")]
    #[test_case(r#"{{< minister naam rol >}}"#, "`minister` reads 1 argument without a name, this call gives 2"; "minister with two forms")]
    #[test_case(r#"{{< minister datum="2026-01-01" >}}"#, "`minister` does not read `datum`"; "minister with a date")]
    fn refuses(text: &str, expected: &str) {
        let c = call(text);
        let message = find(&c.name).unwrap().check(&c).unwrap_err();
        assert!(message.starts_with(expected), "{message}");
        assert!(
            message.nl.starts_with(&format!("`{}` ", c.name)),
            "{}",
            message.nl
        );
        assert_ne!(message.nl, message.en);
    }

    /// `text` rendered by the built-in shortcode in language `lang`, with
    /// made-up data behind `minister`, `partij-stem` and `raad-positie`.
    fn render_in(lang: &str, text: &str) -> String {
        use crate::content::markdown::ShortcodeRenderer;
        use minijinja::{Value, context};
        let dir = tempfile::tempdir().unwrap();
        for (name, _, _) in crate::render::templates::REQUIRED_TEMPLATES {
            let path = dir.path().join("templates").join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "{{ page.title }}").unwrap();
        }
        let config = crate::config::SiteConfig::parse(
            std::path::Path::new("site.toml"),
            "title='T'\nbase_url='https://e.org/'\n",
        )
        .unwrap();
        let mut r = crate::render::templates::Renderer::new(
            &crate::model::templates::read_templates(dir.path()),
            &config,
        )
        .unwrap();
        r.set_locale(crate::locale::Locale::builtin(lang));
        r.add_global(
            "minister",
            Value::from_function(|| {
                context! { name => "A. Person", role => "Minister of Justice", since => "2 July 2024" }
            }),
        );
        r.add_global(
            "partij_stem",
            Value::from_function(|party: String, item: String| {
                let vote = (item == "1").then_some("for");
                context! { vote, party, item, party_short => party, source => context! { before => "", link => "record", url => "https://e.org/r", after => "" } }
            }),
        );
        r.add_global(
            "raad_positie",
            Value::from_function(|state: String, _date: String| {
                context! { path => "/raad/x/", state, date_label => "1 May 2025", label => "against", sources => vec![vec!["Source", "https://e.org/s"]] }
            }),
        );
        ShortcodeRenderer::render(&r, &call(text), None).unwrap()
    }

    #[test_case(r#"{{< alert context="info" text="x" >}}"#, "Good to know", "Goed om te weten"; "alert info")]
    #[test_case(r#"{{< alert context="warning" text="x" >}}"#, "Note", "Let op"; "alert warning")]
    #[test_case(r#"{{< alert context="danger" text="x" >}}"#, "Warning", "Waarschuwing"; "alert danger")]
    #[test_case(r#"{{< alert context="success" text="x" >}}"#, "Done", "Gelukt"; "alert success")]
    #[test_case(r#"{{< audio src="https://e.org/a.mp3" >}}"#, "Listen to the recording</a> (external website)", "Luister naar de opname</a> (externe website)"; "audio elsewhere")]
    #[test_case(r#"{{< audio src="/a.mp3" >}}"#, "Download the recording", "Download de opname"; "audio here")]
    #[test_case(r#"{{< video src="https://e.org/v.mp4" >}}"#, "Watch the video</a> (external website)", "Bekijk de video</a> (externe website)"; "video elsewhere")]
    #[test_case(r#"{{< video src="/v.mp4" captions="/v.vtt" >}}"#, "srclang=\"en\" label=\"English\"", "srclang=\"nl\" label=\"Nederlands\""; "video captions")]
    #[test_case(r#"{{< details >}}"#, "<summary>Read more</summary>", "<summary>Meer lezen</summary>"; "details")]
    #[test_case(r#"{{< minister >}}"#, "title=\"Minister since 2 July 2024, from our list of recipients\"", "title=\"Minister sinds 2 July 2024, uit onze lijst van ontvangers\""; "minister")]
    #[test_case(r#"{{< partij-stem a 1 >}}"#, "title=\"Vote of a on 1, from our voting data\"", "title=\"Stem van a over 1, uit onze stemgegevens\""; "a known vote")]
    #[test_case(r#"{{< partij-stem a 2 >}}"#, "in a way we do not know</span> (how a voted on 2 is not in our sources)", "op een manier die we niet kennen</span> (hoe a over 2 stemde, staat niet in onze bronnen)"; "an unknown vote")]
    #[test_case(r#"{{< raad-positie XX 2025-05-01 bron="ja" >}}"#, "title=\"Position of XX on 1 May 2025, from our Council data\">against</a> (according to <a", "title=\"Standpunt van XX op 1 May 2025, uit onze Raadsgegevens\">against</a> (volgens <a"; "a council position")]
    fn builtins_speak_the_page_language(text: &str, english: &str, dutch: &str) {
        let en = render_in("en", text);
        assert!(en.contains(english), "{en}");
        assert!(!en.contains(dutch), "{en}");
        let nl = render_in("nl", text);
        assert!(nl.contains(dutch), "{nl}");
    }
}
