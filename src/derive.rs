//! The second step of the pipeline (see [`crate::model`]): everything that
//! is a function of the loaded site, computed once per build before anything
//! is rendered — the Council's standing today, the guide's assessments and
//! checks, the menus content pages add, which pages get a share card and
//! what it says, and the template globals made from all of these.
//!
//! Renderers read these values and never compute them again, so a number
//! the home page shows is the number /raad/ shows, and no renderer runs a
//! check or reads a value back out of a template context.

use chrono::NaiveDate;
use minijinja::Value;

use crate::config::SiteConfig;
use crate::council::qmv::Rule;
use crate::council::standing::{Standing, standing};
use crate::diagnostics::Diagnostics;
use crate::guide::assessed::Assessed;
use crate::locale::Locale;
use crate::model::SiteModel;
use crate::render::share_cards::{self, PlannedCard};
use crate::render::templates::refuse;

/// What a build derives from its [`SiteModel`].
pub struct Derived<'m> {
    /// The date "today" means on every page.
    pub today: NaiveDate,
    /// The settings with the menu entries that content pages add (`menu:`).
    pub settings: SiteConfig,
    /// The Council's standing today under qualified majority, when the site
    /// has Council data whose standing can be worked out.
    pub council_standing: Option<Standing>,
    /// The guide's assessments (what the rules suggest per party), when the
    /// site has a guide.
    pub guide: Option<Assessed<'m>>,
    /// The share cards to draw, one per page that has one.
    pub share_cards: Vec<PlannedCard>,
    /// Every party's three levels (Tweede Kamer, Council, European
    /// Parliament), when the site has a guide.
    pub levels: Option<Vec<crate::levels::PartyLevels>>,
    /// The template globals, by name: `today`, `share_cards`, `council`,
    /// `guide_home`, `council_now` and `contact` (each only when its data is
    /// there), and the functions `raad_positie` and `minister` behind the
    /// shortcodes of the same names.
    pub globals: Vec<(&'static str, Value)>,
    /// What the checks of the data found (the guide's consistency checks,
    /// a standing that cannot be worked out).
    pub diagnostics: Diagnostics,
}

/// The template function behind the `raad-positie` shortcode: a state's
/// position on a date from the Council data ([`crate::council::facts`]); a
/// mistake in its arguments, or a site without Council data, is an error
/// the page's diagnostic names.
fn raad_positie(data: Option<&crate::council::CouncilData>, locale: &Locale) -> Value {
    let data = data.cloned().map(std::sync::Arc::new);
    let locale = locale.clone();
    Value::from_function(
        move |code: String, date: String| -> Result<Value, minijinja::Error> {
            let Some(data) = &data else {
                return Err(refuse(crate::msg!(
                    "raad-positie needs the Council data in data/council/, which this site does not have",
                    "raad-positie heeft de Raadsgegevens in data/council/ nodig, en die heeft deze site niet"
                )));
            };
            crate::council::facts::position_fact_in(data, &code, &date, &locale)
                .map(|fact| Value::from_serialize(&fact))
                // Not yet in Dutch where it is made.
                .map_err(refuse)
        },
    )
}

/// The template function behind the `partij-stem` shortcode: how a party
/// voted on a motion or bill, with its source, from the guide's data
/// ([`crate::guide::facts`]); an unknown party or item is an error the
/// page's diagnostic names. `data` is none only when the guide's files have
/// errors, which are reported already: then the shortcode says the vote is
/// unknown instead of repeating them on every page that uses it.
fn partij_stem(data: Option<&crate::guide::GuideData>, locale: &Locale) -> Value {
    let data = data.cloned().map(std::sync::Arc::new);
    let locale = locale.clone();
    Value::from_function(
        move |party: String, item: String| -> Result<Value, minijinja::Error> {
            let Some(data) = &data else {
                return Ok(Value::from_serialize(
                    crate::guide::facts::VoteFact::unknown(&party, &item),
                ));
            };
            crate::guide::facts::vote_fact_in(&locale, data, &party, &item)
                .map(|fact| Value::from_serialize(&fact))
                // Not yet in Dutch where it is made.
                .map_err(refuse)
        },
    )
}

/// Derives everything the renderers need from `model`.
pub fn derive(model: &SiteModel) -> Derived<'_> {
    let today = model.now.date_naive();
    let locale = model.templates.locale();
    let mut diagnostics = Diagnostics::new();
    let mut settings = model.settings.clone();
    crate::content::menu::add_page_entries(
        &mut settings.menu,
        &model.content.pages,
        &settings.section_menus,
    );
    crate::content::section_menu::add_section_menus(
        &mut settings.menu,
        &model.content.pages,
        &settings.section_menus,
    );
    let council_standing =
        model
            .council
            .as_ref()
            .and_then(|c| match standing(&c.data, today, Rule::Qmv, &[]) {
                Ok(standing) => Some(standing),
                Err(e) => {
                    diagnostics.push(e);
                    None
                }
            });
    let guide = model.guide.as_ref().map(Assessed::new);
    if let Some(assessed) = &guide {
        diagnostics.extend(crate::guide::check::check(assessed));
    }
    let council_data = model.council.as_ref().map(|c| &c.data);
    if let Some(data) = council_data {
        for page in &model.content.pages {
            if let Some(file) = &page.file {
                diagnostics.extend(crate::council::prose_check::warnings(
                    data,
                    file,
                    &page.body,
                    page.body_line,
                    page.date().map(|d| d.date_naive()),
                ));
            }
        }
    }
    let mut share_cards = Vec::new();
    if let Some(data) = &model.guide {
        share_cards.extend(crate::guide::cards::plan_in(locale, &model.settings, data));
    }
    // The Council's cards show the standing as of its latest decision, not
    // of `today`; a failure is the one `council_standing` reported already.
    if let (Some(data), Some(_)) = (council_data, &council_standing) {
        match crate::council::cards::plan_in(&model.settings, data, today, locale) {
            Ok(cards) => share_cards.extend(cards),
            Err(e) => diagnostics.push(e),
        }
    }
    share_cards.extend(crate::render::page_cards::plan_in(
        &model.settings,
        &model.content.pages,
        locale,
    ));
    let mut globals = vec![
        ("today", Value::from(today.format("%Y-%m-%d").to_string())),
        // The build day in words, for the date a printed page carries.
        ("today_label", Value::from(locale.date(today))),
        ("share_cards", share_cards::template_value(&share_cards)),
    ];
    if let Some(data) = council_data {
        globals.push((
            "council",
            crate::council::view::template_globals_in(data, locale),
        ));
    }
    globals.push(("raad_positie", raad_positie(council_data, locale)));
    globals.push(("partij_stem", partij_stem(model.guide.as_ref(), locale)));
    if let Some(data) = &model.guide {
        globals.push(("guide_home", crate::home::guide_summary(data, today)));
    }
    if let Some(kamer) = &model.kamer {
        globals.push((
            "kamer",
            crate::kamer::view::template_value_in(kamer, model.guide.as_ref(), locale),
        ));
    }
    if let Some(now) = &council_standing {
        globals.push(("council_now", crate::home::council_now(now)));
    }
    if let Some(recipients) = &model.contact {
        diagnostics.extend(crate::contact::check::check(
            recipients,
            today,
            model.settings.check.max_age(),
        ));
        let value = crate::contact::view::template_value_in(
            locale,
            recipients,
            model.guide.as_ref(),
            council_data,
            model.kamer.as_ref(),
            &model.settings,
            today,
        );
        globals.push(("contact", value));
    }
    let levels = model.guide.as_ref().map(|guide| {
        let inputs = crate::levels::Inputs {
            guide,
            kamer: model.kamer.as_ref(),
            council: council_data,
            cabinets: model.cabinets.as_ref(),
            ep: model.ep.as_ref(),
            today,
        };
        let parties = crate::levels::build_in(&inputs, locale);
        let timeline = crate::levels::timeline_in(&inputs, locale);
        globals.push((
            "levels",
            crate::levels::view::template_value(
                &parties,
                &timeline,
                crate::levels::ep::credit_in(model.ep.as_ref(), locale).as_deref(),
            ),
        ));
        parties
    });
    globals.push((
        "minister",
        crate::contact::view::minister_function_in(
            locale,
            model.contact.as_ref(),
            model.diagnostics.iter().any(|d| {
                d.is_error()
                    && d.file
                        .parent()
                        .is_some_and(|p| p.ends_with("data/recipients"))
            }),
            today,
        ),
    ));
    Derived {
        today,
        settings,
        council_standing,
        guide,
        share_cards,
        levels,
        globals,
        diagnostics,
    }
}
