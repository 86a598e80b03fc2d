//! The published verdict rules (DESIGN §5), applied identically to every party.
//!
//! The rules are one ordered table, [`RULES`]: the first rule whose condition
//! holds gives the suggested outcome. The same table produces the text of
//! the methodology page ([`explain_rules`]) and the per-party explanation
//! ([`Suggestion::explanation`]), in the page's language (each rule names
//! its interface strings), so what the site says and what the code does
//! cannot drift apart. The editors' verdict always wins; when it differs from
//! the suggestion, the party file must say why (`override_reason`).

use super::localized::pick;
use super::model::{Election, Evidence, Level, PartyEntry, RuleOutcome, Stance, Strength};
use crate::locale::Locale;

/// How many pieces of evidence of each sort a party has: the only input of the rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Profile {
    /// Protecting evidence about encryption, scanning, chat control or a recorded vote.
    pub explicit_protects: usize,
    /// Protecting general remarks on privacy.
    pub general_protects: usize,
    /// Undermining evidence about encryption, scanning, surveillance or a recorded vote.
    pub explicit_undermines: usize,
    /// Undermining general remarks on privacy.
    pub general_undermines: usize,
    /// Evidence that says nothing either way.
    pub silent: usize,
    /// Evidence nobody has classified yet; the rules ignore it.
    pub unclassified: usize,
}

impl Profile {
    /// Counts the evidence. Evidence with a mixed stance counts as both protecting
    /// and undermining, with its own strength; a missing strength counts as general.
    pub fn of(evidence: &[Evidence]) -> Self {
        let mut p = Profile::default();
        for e in evidence {
            let explicit = e.strength == Some(Strength::Explicit);
            let (protects, undermines) = match e.stance {
                Stance::Protects => (true, false),
                Stance::Undermines => (false, true),
                Stance::Mixed => (true, true),
                Stance::Silent => {
                    p.silent += 1;
                    (false, false)
                }
                Stance::Unclassified => {
                    p.unclassified += 1;
                    (false, false)
                }
            };
            if protects {
                *if explicit {
                    &mut p.explicit_protects
                } else {
                    &mut p.general_protects
                } += 1;
            }
            if undermines {
                *if explicit {
                    &mut p.explicit_undermines
                } else {
                    &mut p.general_undermines
                } += 1;
            }
        }
        p
    }

    /// Any protecting evidence at all.
    pub fn protects(&self) -> bool {
        self.explicit_protects + self.general_protects > 0
    }

    /// Any undermining evidence at all.
    pub fn undermines(&self) -> bool {
        self.explicit_undermines + self.general_undermines > 0
    }

    /// The same profile reduced to which sorts of evidence occur, ignoring how
    /// often: two parties with equal keys are treated alike by the rules.
    pub fn key(&self) -> [bool; 4] {
        [
            self.explicit_protects > 0,
            self.general_protects > 0,
            self.explicit_undermines > 0,
            self.general_undermines > 0,
        ]
    }

    /// The counts in the words of `locale`, e.g. "1 expliciet beschermend,
    /// 2 expliciet ondermijnend".
    pub fn describe(&self, locale: &Locale) -> String {
        let parts: Vec<String> = [
            (self.explicit_protects, "guide_profile_explicit_protects"),
            (self.general_protects, "guide_profile_general_protects"),
            (
                self.explicit_undermines,
                "guide_profile_explicit_undermines",
            ),
            (self.general_undermines, "guide_profile_general_undermines"),
            (self.silent, "guide_profile_silent"),
            (self.unclassified, "guide_profile_unclassified"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, key)| locale.tn(key, *n as i64))
        .collect();
        if parts.is_empty() {
            locale.t("guide_profile_none")
        } else {
            parts.join(", ")
        }
    }
}

/// One verdict rule: its condition in words (as interface strings), the
/// code that decides it, and its outcome.
pub struct Rule {
    /// 1-based position in [`RULES`].
    pub number: usize,
    /// The key of the condition as the methodology page states it.
    pub condition_key: &'static str,
    /// The key of the same in a few words that stand on their own, for a
    /// party page ("ondermijnend bewijs, niet in beide richtingen
    /// expliciet"): the condition of a later rule only makes sense after the
    /// earlier ones.
    pub in_short_key: &'static str,
    /// The outcome when the condition holds.
    pub outcome: RuleOutcome,
    /// Decides the condition.
    applies: fn(&Profile) -> bool,
}

impl Rule {
    /// The condition in the words of `locale`.
    pub fn condition(&self, locale: &Locale) -> String {
        locale.t(self.condition_key)
    }

    /// The condition in a few words, in the words of `locale`.
    pub fn in_short(&self, locale: &Locale) -> String {
        locale.t(self.in_short_key)
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Rule {} ({:?})", self.number, self.outcome)
    }
}

/// The verdict rules in the order they are tried; the first that applies wins.
pub static RULES: [Rule; 4] = [
    Rule {
        number: 1,
        condition_key: "guide_rule_1",
        in_short_key: "guide_rule_1_short",
        outcome: RuleOutcome::Unclear,
        applies: |p| !p.protects() && !p.undermines(),
    },
    Rule {
        number: 2,
        condition_key: "guide_rule_2",
        in_short_key: "guide_rule_2_short",
        outcome: RuleOutcome::Protects,
        applies: |p| p.protects() && !p.undermines(),
    },
    Rule {
        number: 3,
        condition_key: "guide_rule_3",
        in_short_key: "guide_rule_3_short",
        outcome: RuleOutcome::Mixed,
        applies: |p| p.explicit_protects > 0 && p.explicit_undermines > 0,
    },
    Rule {
        number: 4,
        condition_key: "guide_rule_4",
        in_short_key: "guide_rule_4_short",
        outcome: RuleOutcome::DoesNotProtect,
        applies: |p| p.undermines(),
    },
];

/// What the rules suggest for one party, and why.
#[derive(Debug, Clone, Copy)]
pub struct Suggestion {
    /// The counted evidence.
    pub profile: Profile,
    /// The rule that applied.
    pub rule: &'static Rule,
}

impl Suggestion {
    /// The suggested outcome.
    pub fn outcome(&self) -> RuleOutcome {
        self.rule.outcome
    }

    /// One sentence for the party page, in the words of `locale`: which
    /// evidence was counted and which rule applied.
    pub fn explanation(&self, locale: &Locale, election: &Election) -> String {
        let level = election
            .level_for(self.outcome())
            .map(|l| level_label(locale, l))
            .unwrap_or_else(|| locale.t("guide_rules_no_level_aside"));
        locale.tf(
            "guide_rules_explanation",
            &[
                ("profile", &self.profile.describe(locale)),
                ("rule", &self.rule.number.to_string()),
                ("short", &self.rule.in_short(locale)),
                ("level", &level),
            ],
        )
    }
}

/// Applies the rules to a list of evidence.
pub fn suggest(evidence: &[Evidence]) -> Suggestion {
    let profile = Profile::of(evidence);
    let rule = RULES
        .iter()
        .find(|r| (r.applies)(&profile))
        .unwrap_or(&RULES[0]);
    Suggestion { profile, rule }
}

/// The rules' suggestion for one party, compared with the editors' verdict.
#[derive(Debug, Clone)]
pub struct Assessment<'a> {
    /// What the rules suggest.
    pub suggestion: Suggestion,
    /// The scale level the suggestion maps to, if the scale has one for it.
    pub suggested_level: Option<&'a Level>,
    /// True when the editors' verdict is the suggested level.
    pub agrees: bool,
}

/// Applies the rules to a party entry of `election` and compares with its verdict.
pub fn assess<'a>(election: &'a Election, entry: &PartyEntry) -> Assessment<'a> {
    let suggestion = suggest(&entry.evidence);
    let suggested_level = election.level_for(suggestion.outcome());
    Assessment {
        suggestion,
        suggested_level,
        agrees: suggested_level.is_some_and(|l| l.id == entry.verdict),
    }
}

/// A level's label on a page in `locale` (its English when it has one).
fn level_label(locale: &Locale, level: &Level) -> String {
    pick(
        locale,
        &level.label,
        level.english.as_ref().map(|e| e.label.as_str()),
    )
    .text
}

/// One rule as the methodology page shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RuleText {
    /// 1-based rule number.
    pub number: usize,
    /// The condition.
    pub condition: String,
    /// Symbol of the resulting level, or empty when the scale has none.
    pub symbol: String,
    /// Label of the resulting level.
    pub label: String,
    /// Screen-reader text of the resulting level.
    pub screen_reader: String,
    /// `Some("nl")` when the level's texts are Dutch on a page in another
    /// language.
    pub lang: Option<&'static str>,
    /// The outcome as a CSS class (`protects`, `does-not-protect`, ...), as
    /// on the verdicts of the other guide pages.
    pub tone: String,
}

/// The rules in the words of `locale`, each with the level of `election` it
/// leads to: what the methodology page lists.
pub fn explain_rules(locale: &Locale, election: &Election) -> Vec<RuleText> {
    RULES
        .iter()
        .map(|r| {
            let level = election.level_for(r.outcome);
            let english = level.and_then(|l| l.english.as_ref());
            let shown = |dutch: &str, english: Option<&str>| pick(locale, dutch, english);
            let label = level.map(|l| shown(&l.label, english.map(|e| e.label.as_str())));
            RuleText {
                number: r.number,
                condition: r.condition(locale),
                symbol: level.map(|l| l.symbol.clone()).unwrap_or_default(),
                lang: label.as_ref().and_then(|l| l.lang),
                label: label
                    .map(|l| l.text)
                    .unwrap_or_else(|| locale.t("guide_rules_no_level")),
                screen_reader: level
                    .map(|l| {
                        shown(&l.screen_reader, english.map(|e| e.screen_reader.as_str())).text
                    })
                    .unwrap_or_default(),
                tone: r.outcome.id().replace('_', "-"),
            }
        })
        .collect()
}

/// The definitions the rules rely on, for the methodology page: the keys of
/// each term and of its definition.
pub const DEFINITIONS: [(&str, &str); 6] = [
    ("guide_term_protecting", "guide_term_protecting_text"),
    ("guide_term_undermining", "guide_term_undermining_text"),
    ("guide_term_mixed", "guide_term_mixed_text"),
    ("guide_term_silent", "guide_term_silent_text"),
    ("guide_term_explicit", "guide_term_explicit_text"),
    ("guide_term_general", "guide_term_general_text"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::model::EvidenceKind;
    use test_case::test_case;

    const EP: (Stance, Option<Strength>) = (Stance::Protects, Some(Strength::Explicit));
    const GP: (Stance, Option<Strength>) = (Stance::Protects, Some(Strength::General));
    const EU: (Stance, Option<Strength>) = (Stance::Undermines, Some(Strength::Explicit));
    const GU: (Stance, Option<Strength>) = (Stance::Undermines, Some(Strength::General));
    const EM: (Stance, Option<Strength>) = (Stance::Mixed, Some(Strength::Explicit));
    const S: (Stance, Option<Strength>) = (Stance::Silent, None);
    const U: (Stance, Option<Strength>) = (Stance::Unclassified, None);

    fn evidence(list: &[(Stance, Option<Strength>)]) -> Vec<Evidence> {
        list.iter()
            .map(|(stance, strength)| Evidence {
                kind: EvidenceKind::Programme,
                stance: *stance,
                strength: *strength,
                ..Evidence::default()
            })
            .collect()
    }

    #[test_case(&[], RuleOutcome::Unclear, 1; "no evidence")]
    #[test_case(&[S], RuleOutcome::Unclear, 1; "only silent, like 50PLUS")]
    #[test_case(&[S, U], RuleOutcome::Unclear, 1; "unclassified is ignored")]
    #[test_case(&[EP, EP, EP], RuleOutcome::Protects, 2; "explicit programme and votes, like BIJ1")]
    #[test_case(&[GP, EP, EP], RuleOutcome::Protects, 2; "general remark and votes, like DENK")]
    #[test_case(&[S, EP, EP], RuleOutcome::Protects, 2; "silent programme, protecting votes, like SP")]
    #[test_case(&[EP, EU], RuleOutcome::Mixed, 3; "promise and surveillance vote, like D66")]
    #[test_case(&[S, EP, EU], RuleOutcome::Mixed, 3; "votes both ways, like PVV")]
    #[test_case(&[EM], RuleOutcome::Mixed, 3; "one mixed explicit item")]
    #[test_case(&[GU, EU, EU], RuleOutcome::DoesNotProtect, 4; "only undermining, like CDA")]
    #[test_case(&[GP, EU, EU], RuleOutcome::DoesNotProtect, 4; "general privacy remark does not offset votes, like SGP")]
    #[test_case(&[GP, GU, EU], RuleOutcome::DoesNotProtect, 4; "no explicit protection, like BBB")]
    #[test_case(&[EP, GU], RuleOutcome::DoesNotProtect, 4; "explicit protection with general undermining")]
    #[test_case(&[GU], RuleOutcome::DoesNotProtect, 4; "a general undermining remark, like PartijvdSport")]
    fn rules_suggest(list: &[(Stance, Option<Strength>)], outcome: RuleOutcome, rule: usize) {
        let s = suggest(&evidence(list));
        assert_eq!(s.outcome(), outcome);
        assert_eq!(s.rule.number, rule);
    }

    #[test]
    fn every_profile_has_exactly_one_first_rule() {
        // All combinations of present/absent sorts reach some rule, and rule 4
        // is only reached with undermining evidence.
        for bits in 0..16u8 {
            let p = Profile {
                explicit_protects: usize::from(bits & 1 != 0),
                general_protects: usize::from(bits & 2 != 0),
                explicit_undermines: usize::from(bits & 4 != 0),
                general_undermines: usize::from(bits & 8 != 0),
                ..Profile::default()
            };
            let rule = RULES
                .iter()
                .find(|r| (r.applies)(&p))
                .expect("a rule applies");
            if rule.outcome == RuleOutcome::DoesNotProtect {
                assert!(p.undermines());
            }
        }
    }

    #[test]
    fn profile_describes_counts_in_the_page_language() {
        let (nl, en) = (Locale::builtin("nl"), Locale::builtin("en"));
        let p = Profile::of(&evidence(&[EP, EU, EU, S]));
        assert_eq!(
            p.describe(&nl),
            "1 expliciet beschermend, 2 expliciet ondermijnend, 1 zwijgend"
        );
        assert_eq!(
            p.describe(&en),
            "1 explicitly protecting, 2 explicitly undermining, 1 silent"
        );
        assert_eq!(Profile::default().describe(&nl), "geen bewijs");
        assert_eq!(Profile::default().describe(&en), "no evidence");
    }

    fn election() -> Election {
        let level = |id: &str, symbol: &str, rule| Level {
            id: id.into(),
            symbol: symbol.into(),
            label: id.into(),
            meaning: id.into(),
            screen_reader: id.into(),
            english: (id == "beschermt").then(|| crate::guide::model::LevelEnglish {
                label: "Protects".into(),
                meaning: "Stands up for digital rights.".into(),
                screen_reader: "protects your digital rights".into(),
            }),
            rule: Some(rule),
        };
        Election {
            id: crate::guide::model::ElectionId::parse("t").unwrap(),
            title: "t".into(),
            title_en: None,
            date: chrono::NaiveDate::from_ymd_opt(2023, 11, 22).unwrap(),
            path: crate::site_path::SitePath::parse("/t/").unwrap(),
            intro: None,
            intro_en: None,
            methodology: String::new(),
            methodology_en: None,
            scale: vec![
                level("beschermt", "✅", RuleOutcome::Protects),
                level("mogelijk-niet", "🟠", RuleOutcome::Mixed),
                level("beschermt-niet", "❌", RuleOutcome::DoesNotProtect),
            ],
            districts: Vec::new(),
            entries: Vec::new(),
            origin: Default::default(),
        }
    }

    #[test_case(&[EP, EU], "mogelijk-niet", true; "agrees")]
    #[test_case(&[GP, GU, EU], "mogelijk-niet", false; "editor overrides")]
    #[test_case(&[S], "mogelijk-niet", false; "no level for the outcome")]
    fn assess_compares_with_verdict(
        list: &[(Stance, Option<Strength>)],
        verdict: &str,
        agrees: bool,
    ) {
        let election = election();
        let entry = PartyEntry {
            verdict: verdict.into(),
            evidence: evidence(list),
            ..PartyEntry::default()
        };
        assert_eq!(assess(&election, &entry).agrees, agrees);
    }

    #[test]
    fn methodology_lists_rules_with_levels() {
        let nl = Locale::builtin("nl");
        let election = election();
        let texts = explain_rules(&nl, &election);
        assert_eq!(texts.len(), RULES.len());
        assert_eq!(texts[1].symbol, "✅");
        assert_eq!(texts[0].label, "geen niveau op de schaal");
        assert_eq!(
            texts[0].condition,
            "Er is geen beschermend en geen ondermijnend bewijs: de partij zwijgt, of we vonden niets."
        );
        let s = suggest(&evidence(&[EP, EU]));
        assert_eq!(
            s.explanation(&nl, &election),
            "Gevonden bewijs: 1 expliciet beschermend, 1 expliciet ondermijnend. Daarvoor geldt regel 3 (expliciet bewijs in beide richtingen), en die komt uit op: mogelijk-niet."
        );
        assert!(!s.explanation(&nl, &election).contains("🟠"));
        assert_eq!(texts[2].tone, "mixed");
        assert_eq!(texts[3].tone, "does-not-protect");
        assert!(texts.iter().all(|t| t.lang.is_none()));
    }

    #[test]
    fn the_rules_read_in_english_with_the_levels_english() {
        let en = Locale::builtin("en");
        let election = election();
        let texts = explain_rules(&en, &election);
        assert_eq!(
            texts[0].condition,
            "There is no protecting and no undermining evidence: the party is silent, or we found nothing."
        );
        assert_eq!(texts[0].label, "no level on the scale");
        // A level with English shows it; one without shows its Dutch, marked.
        assert_eq!((texts[1].label.as_str(), texts[1].lang), ("Protects", None));
        assert_eq!(
            (texts[2].label.as_str(), texts[2].lang),
            ("mogelijk-niet", Some("nl"))
        );
        assert_eq!(
            suggest(&evidence(&[EP, GP])).explanation(&en, &election),
            "Evidence found: 1 explicitly protecting, 1 generally protecting. Rule 2 applies (only protecting evidence), and it leads to: Protects."
        );
    }
}
