//! Hugo shortcode templates: any text given to `import hugo`'s translator
//! gives a template or a reason, never a panic; a translation renders with
//! the build's fuel and recursion limits without a panic; and shortcode text
//! reaches minijinja only as data: text without `{{` renders to exactly
//! itself, copied as plain HTML, alone or around an action.
#![no_main]

use chatcontrole::import::hugo::translate::{plain_html, translate};
use chatcontrole::render::limits;
use libfuzzer_sys::fuzz_target;
use minijinja::{AutoEscape, Environment, Value, context};

fn render(template: &str) -> Result<String, minijinja::Error> {
    let mut env = Environment::new();
    limits::apply(&mut env);
    env.set_keep_trailing_newline(true);
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
    env.add_function("rel_url", |p: String| p);
    env.add_function("abs_url", |p: String| format!("https://e.org{p}"));
    env.add_filter("markdownify", |v: String| Value::from_safe_string(v));
    env.add_template("shortcodes/t.html", template)?;
    env.get_template("shortcodes/t.html")?.render(context! {
        params => context! { a => "A", href => "/x/", tekst => "T" },
        args => vec!["Q", "R"],
        inner => Value::from_safe_string("<i>in</i>".into()),
        name => "t",
        page => context! { title => "P", url => "/p/", params => context! { x => 1 } },
        site => context! { title => "S", base_url => "https://e.org/", params => context! {} },
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(template) = translate(source) {
        let _ = render(&template);
    }
    if !source.contains("{{") {
        let copied = render(&plain_html(source)).expect("plain HTML renders");
        assert_eq!(copied, source, "plain HTML changed");
        if !source.ends_with('{') {
            let around = format!("{source}{{{{ .Get 0 }}}}{source}");
            let template = translate(&around).expect("text around an action translates");
            let rendered = render(&template).expect("text around an action renders");
            assert_eq!(rendered, format!("{source}Q{source}"), "text around an action changed");
        }
    }
});
