//! The template functions and filters of a page's language: `T`/`i18n`
//! (Hugo's translation function over the i18n files), `number`,
//! `join_list`, `date_label` and the global `lang`, all from the one
//! [`Locale`] the renderer has for its language.

use minijinja::{Environment, Value};

use crate::content::dates::parse_date;
use crate::locale::Locale;

/// `T`/`i18n` (Hugo's translation function) for `locale`: `T("key")`,
/// `T("key", count)`, `T("key", {"Name": x})` or `T("key", name=x)`.
pub fn register_strings(env: &mut Environment<'static>, locale: &std::sync::Arc<Locale>) {
    let l = locale.clone();
    let translate = move |key: String,
                          arg: Option<Value>,
                          kwargs: minijinja::value::Kwargs|
          -> Result<Value, minijinja::Error> {
        let mut count = None;
        let mut named: Vec<(String, Value)> = Vec::new();
        if let Some(arg) = arg.filter(|a| !a.is_undefined() && !a.is_none()) {
            if let Ok(n) = i64::try_from(arg.clone()) {
                count = Some(n);
            } else if arg.kind() == minijinja::value::ValueKind::Map {
                for name in arg.try_iter()? {
                    let value = arg.get_item(&name)?;
                    named.push((name.to_string(), value));
                }
            } else {
                named.push((String::new(), arg));
            }
        }
        for name in kwargs.args() {
            named.push((name.to_string(), kwargs.get(name)?));
        }
        let mut args = Vec::new();
        let markup = named.iter().any(|(_, v)| v.is_safe());
        for (name, value) in named {
            if name.eq_ignore_ascii_case("count") {
                count = i64::try_from(value.clone()).ok();
            }
            let text = if markup && !value.is_safe() {
                crate::html::escape(&value.to_string())
            } else {
                value.to_string()
            };
            args.push((name, text));
        }
        if !markup {
            return Ok(Value::from(l.text(&key, count, &args)));
        }
        // An argument that is markup already (a motion's name marked
        // `lang="nl"`) stays markup: the string and the other arguments are
        // escaped around it and the whole is markup.
        let text = crate::html::escape(&l.text(&key, count, &[]));
        Ok(Value::from_safe_string(crate::locale::strings::fill(
            &text, None, &args,
        )))
    };
    env.add_function("T", translate.clone());
    env.add_function("i18n", translate);
    let l = locale.clone();
    env.add_filter("number", move |value: Value| -> String {
        match i64::try_from(value.clone()) {
            Ok(n) => l.number(n),
            Err(_) => value.to_string(),
        }
    });
    let l = locale.clone();
    env.add_filter(
        "join_list",
        move |value: Value| -> Result<String, minijinja::Error> {
            let items: Vec<String> = value.try_iter()?.map(|v| v.to_string()).collect();
            Ok(l.list(&items))
        },
    );
    let l = locale.clone();
    env.add_filter("date_label", move |value: String| -> String {
        parse_date(&value)
            .map(|d| l.date(d.date_naive()))
            .unwrap_or(value)
    });
    env.add_global("lang", Value::from(locale.code().to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, ctx: Value) -> String {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        register_strings(&mut env, &std::sync::Arc::new(Locale::builtin("en")));
        env.render_str(template, ctx).unwrap()
    }

    #[test]
    fn markup_arguments_stay_markup_and_the_rest_is_escaped() {
        let ctx = minijinja::context! {
            motion => Value::from_safe_string("<span lang=\"nl\">motie-X</span>".into()),
            result => "a<b",
        };
        assert_eq!(
            render(
                r#"{{ T("guide_line_moved", motion=motion, result=result, date="1 May") }}"#,
                ctx
            ),
            "Moved the <span lang=\"nl\">motie-X</span> (a&lt;b on 1 May)."
        );
    }

    #[test]
    fn plain_arguments_are_escaped_once() {
        let ctx = minijinja::context! { result => "a<b" };
        assert_eq!(
            render(
                r#"{{ T("guide_line_moved", motion="<i>", result=result, date="1 May") }}"#,
                ctx
            ),
            "Moved the &lt;i&gt; (a&lt;b on 1 May)."
        );
    }
}
