//! No template can hang a build. Every render (a page, a feed, one shortcode
//! call) runs with minijinja's fuel — about one unit per instruction — and its
//! recursion limit, so a loop that never ends, nested loops over big ranges or
//! a macro that calls itself stop with a diagnostic naming the template and
//! the page. A template that ran out once in a build fails at once on its
//! next pages, so a runaway template costs one budget, not one per page.
//! Templates come from the site's repository, and since `import hugo`, from
//! foreign Hugo sites.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use minijinja::{ErrorKind, Value};

use crate::diagnostics::{Diagnostic, Message};
use crate::msg;

/// The steps the example site's heaviest render takes, rounded up (6,142
/// measured in December 2026); `tests/it/template_limits.rs` fails when the
/// example site needs more, so that the budget stays 100 times what a real
/// site uses.
pub const EXAMPLE_FUEL: u64 = 8_000;

/// How many steps one render of a template may take: 100 times
/// [`EXAMPLE_FUEL`]. A render that stops here takes a few hundredths of a
/// second.
pub const TEMPLATE_FUEL: u64 = 100 * EXAMPLE_FUEL;

/// How deeply templates may nest includes, macros and blocks (minijinja
/// counts an include or a macro call as about ten, a block as one); deeper
/// recursion is an error of the render instead of a stack overflow.
/// minijinja's own maximum without its `stacker` feature.
pub const TEMPLATE_RECURSION: usize = 500;

/// Puts the limits on an environment.
pub fn apply(env: &mut minijinja::Environment<'_>) {
    env.set_fuel(Some(TEMPLATE_FUEL));
    env.set_recursion_limit(TEMPLATE_RECURSION);
}

/// The most fuel one render took, shared by the renderers made from one
/// another (see [`crate::render::Renderer::most_fuel_used`]).
#[derive(Debug, Default, Clone)]
pub struct FuelMeter(Arc<AtomicU64>);

impl FuelMeter {
    /// Notes the fuel a finished render took.
    pub fn note(&self, state: &minijinja::State<'_, '_>) {
        if let Some((used, _)) = state.fuel_levels() {
            self.0.fetch_max(used, Ordering::Relaxed);
        }
    }

    /// The most fuel one render has taken so far.
    pub fn most(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// The templates that ran out of fuel in one build, each with the
/// diagnostic of its first time.
#[derive(Debug, Default, Clone)]
pub struct Runaways(Arc<Mutex<HashMap<String, Diagnostic>>>);

impl Runaways {
    /// The diagnostic of `template`'s first runaway in this build, if any.
    pub fn get(&self, template: &str) -> Option<Diagnostic> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(template)
            .cloned()
    }

    /// Remembers that `template` ran out of fuel (the first diagnostic stays).
    pub fn note(&self, template: &str, diagnostic: &Diagnostic) {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(template.to_string())
            .or_insert_with(|| diagnostic.clone());
    }
}

/// The out-of-fuel error behind `e` (an include wraps it), if that is why
/// the render failed.
pub fn out_of_fuel(e: &minijinja::Error) -> Option<&minijinja::Error> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(error) = current {
        if let Some(m) = error.downcast_ref::<minijinja::Error>()
            && m.kind() == ErrorKind::OutOfFuel
        {
            return Some(m);
        }
        current = error.source();
    }
    None
}

/// What an editor reads when `template` took more than [`TEMPLATE_FUEL`] steps.
pub fn out_of_fuel_message(template: &str) -> Message {
    msg!(
        "`{template}` did not finish within {TEMPLATE_FUEL} steps (a loop that never ends, or loops over too much)",
        "`{template}` was na {TEMPLATE_FUEL} stappen nog niet klaar (een lus die nooit stopt, of lussen over te veel)"
    )
}

/// The hint for [`out_of_fuel_message`].
pub fn out_of_fuel_hint() -> Message {
    msg!(
        "look for a `for` loop over a huge range, nested loops or a macro that calls itself; one page may take at most this many template steps",
        "zoek een `for`-lus over een enorm bereik, lussen in lussen of een macro die zichzelf aanroept; één pagina mag hooguit zoveel templatestappen kosten"
    )
}

/// The page a template renders, as `/path/ (file.md)`, when its context has one.
pub fn rendered_page(ctx: &Value) -> Option<String> {
    let known = |v: Value| (!v.is_undefined() && !v.is_none()).then_some(v);
    let page = ctx.get_attr("page").ok().and_then(known)?;
    let path = page.get_attr("path").ok().and_then(known)?;
    Some(match page.get_attr("file").ok().and_then(known) {
        Some(file) => format!("{path} ({file})"),
        None => path.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::{Environment, context};

    fn env(templates: &[(&'static str, &'static str)]) -> Environment<'static> {
        let mut env = Environment::new();
        apply(&mut env);
        for (name, source) in templates {
            env.add_template(name, source).unwrap();
        }
        env
    }

    #[test]
    fn a_loop_that_never_ends_runs_out_of_fuel() {
        let env = env(&[(
            "t.html",
            "{% for a in range(10000) %}{% for b in range(10000) %}x{% endfor %}{% endfor %}",
        )]);
        let e = env.get_template("t.html").unwrap().render(()).unwrap_err();
        assert_eq!(out_of_fuel(&e).map(|e| e.name()), Some(Some("t.html")));
    }

    #[test]
    fn out_of_fuel_is_found_behind_an_include() {
        let env = env(&[
            ("outer.html", "{% include \"inner.html\" %}"),
            (
                "inner.html",
                "{% for a in range(10000) %}{% for b in range(10000) %}x{% endfor %}{% endfor %}",
            ),
        ]);
        let e = env
            .get_template("outer.html")
            .unwrap()
            .render(())
            .unwrap_err();
        assert_ne!(e.kind(), ErrorKind::OutOfFuel);
        assert_eq!(out_of_fuel(&e).and_then(|e| e.name()), Some("inner.html"));
    }

    #[test]
    fn a_macro_calling_itself_stops_at_the_recursion_limit() {
        let env = env(&[(
            "t.html",
            "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
        )]);
        let e = env.get_template("t.html").unwrap().render(()).unwrap_err();
        assert!(out_of_fuel(&e).is_none());
        assert!(e.to_string().contains("recursion"), "{e}");
    }

    #[test]
    fn the_page_is_named_with_its_file_when_known() {
        let page = |page: Value| rendered_page(&context! { page });
        assert_eq!(
            page(context! { path => "/over/", file => "over.md" }),
            Some("/over/ (over.md)".into())
        );
        assert_eq!(
            page(context! { path => "/zoeken/" }),
            Some("/zoeken/".into())
        );
        assert_eq!(page(Value::UNDEFINED), None);
    }
}
