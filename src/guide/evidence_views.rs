//! One piece of evidence as the party page shows it: its kind, stance and
//! strength in words, the vote or signed motion it records, where it was
//! said, its pages and its link, all in the page's language. Quotations
//! stay as the party wrote them (marked Dutch on other pages); the editors'
//! notes and titles use their English sibling when there is one.
//!
//! Split from `view.rs`, which turns the election as a whole into pages.

use serde::Serialize;

use super::localized::{Shown, pick, pick_opt, quote_lang};
use super::model::{Evidence, EvidenceKind, GuideData, ItemKind, VoteChoice};
use super::vote_views::{ProvenanceView, item_phrase_in, pages_label, provenance};
use crate::locale::Locale;

/// A recorded vote as templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct VoteView {
    /// Item number.
    pub item: String,
    /// Item title.
    pub title: String,
    /// `Some("nl")` when the title is Dutch on a page in another language.
    pub title_lang: Option<&'static str>,
    /// How the item is known, e.g. "motie-Van Ginneken (motie 2023Z07239)".
    pub phrase: String,
    /// Who moved it, when the data says (with a source).
    pub mover: Option<String>,
    /// `Some("nl")` when the mover is worded in Dutch on a page in another language.
    pub mover_lang: Option<&'static str>,
    /// "motie" or "wetsvoorstel" ("motion", "bill").
    pub kind: String,
    /// Link to the item.
    pub url: Option<String>,
    /// "vóór", "tegen" or "niet gestemd" ("for", "against", "did not vote").
    pub vote: String,
    /// True when this vote protects digital rights.
    pub protects: Option<bool>,
}

/// A motion or amendment the party submitted or co-signed, as templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct SignedView {
    /// What the party did, after its name: "diende op 30 september 2025 motie 2025Z18230 in" or
    /// "ondertekende motie 2025Z18230 mee (mede-ondertekend)".
    pub did: String,
    /// Item title, when the data knows one.
    pub title: Option<String>,
    /// `Some("nl")` when the title is Dutch on a page in another language.
    pub title_lang: Option<&'static str>,
    /// Which vote on it protects digital rights, when an editor decided it.
    pub protects: Option<String>,
}

/// One evidence item as templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceView {
    /// The kind's id (`programme`, `vote`, …), for grouping.
    pub kind_id: &'static str,
    /// Kind in words.
    pub kind: String,
    /// Stance id (for CSS).
    pub stance: String,
    /// Stance in words.
    pub stance_label: String,
    /// Strength in words, or empty.
    pub strength_label: String,
    /// Literal quotation (never translated).
    pub quote: Option<String>,
    /// `Some("nl")` on a page in another language: the quotation is Dutch.
    pub quote_lang: Option<&'static str>,
    /// Editors' note.
    pub note: Option<String>,
    /// `Some("nl")` when the note is Dutch on a page in another language.
    pub note_lang: Option<&'static str>,
    /// "p. 48", "pp. 18, 19", "zonder paginanummers" or empty.
    pub pages: String,
    /// Source link.
    pub url: Option<String>,
    /// Link text.
    pub link_text: String,
    /// `Some("nl")` when the link text is the editors' Dutch on a page in another language.
    pub link_text_lang: Option<&'static str>,
    /// Date in words.
    pub date: Option<String>,
    /// For votes.
    pub vote: Option<VoteView>,
    /// For submitted and co-signed motions.
    pub signed: Option<SignedView>,
    /// Where it was said, for debates: "in het debat van 2 oktober 2025".
    pub context: Option<String>,
    /// For votes synced from the Tweede Kamer: where it comes from.
    pub provenance: Option<ProvenanceView>,
}

/// The vote of `e` on a page in `locale`, when it is a vote.
pub fn vote_view(locale: &Locale, data: &GuideData, e: &Evidence) -> Option<VoteView> {
    if e.kind != EvidenceKind::Vote {
        return None;
    }
    let number = e.item.clone()?;
    let vote = e.vote?;
    let item = data.item(&number);
    let title = item
        .map(|i| pick(locale, &i.title, i.title_en.as_deref()))
        .unwrap_or_else(|| ours(number.clone()));
    let mover = item.and_then(|i| pick_opt(locale, i.mover.as_deref(), i.mover_en.as_deref()));
    Some(VoteView {
        title: title.text,
        title_lang: title.lang,
        phrase: item_phrase_in(locale, data, &number),
        mover_lang: mover.as_ref().and_then(|m| m.lang),
        mover: mover.map(|m| m.text),
        kind: item
            .map(|i| i.kind)
            .unwrap_or(ItemKind::Motion)
            .word(locale),
        url: e.url.clone().or_else(|| item.and_then(|i| i.url.clone())),
        vote: vote.word(locale),
        protects: item
            .and_then(|i| i.protects)
            .filter(|_| vote != VoteChoice::Absent)
            .map(|p| p == vote),
        item: number,
    })
}

/// The motion `e` records that the party submitted or co-signed, on a page
/// in `locale`.
pub fn signed_view(locale: &Locale, data: &GuideData, e: &Evidence) -> Option<SignedView> {
    if !e.kind.is_signature() {
        return None;
    }
    let number = e.item.clone()?;
    let item = data.item(&number);
    let noun = item
        .map(|i| i.kind)
        .unwrap_or(ItemKind::Motion)
        .word(locale);
    let date = e.date.map(|d| locale.date(d));
    let key = match (e.kind, &date) {
        (EvidenceKind::Cosigned, Some(_)) => "guide_signed_cosigned_on",
        (EvidenceKind::Cosigned, None) => "guide_signed_cosigned",
        (_, Some(_)) => "guide_signed_submitted_on",
        (_, None) => "guide_signed_submitted",
    };
    let did = locale.tf(
        key,
        &[
            ("date", date.as_deref().unwrap_or_default()),
            ("noun", &noun),
            ("number", &number),
        ],
    );
    let title = item
        .filter(|i| !i.title.ends_with(number.as_str()))
        .map(|i| pick(locale, &i.title, i.title_en.as_deref()));
    Some(SignedView {
        did,
        title_lang: title.as_ref().and_then(|t| t.lang),
        title: title.map(|t| t.text),
        protects: item.and_then(|i| i.protects).map(|p| {
            locale.tf(
                "guide_signed_protects",
                &[("vote", &p.word(locale)), ("noun", &noun)],
            )
        }),
    })
}

/// "in het debat van 2 oktober 2025" for a dated debate, "in een debat"
/// otherwise, in the words of `locale`.
pub fn debate_context(locale: &Locale, e: &Evidence) -> Option<String> {
    (e.kind == EvidenceKind::Debate).then(|| match e.date {
        Some(d) => locale.tf("guide_debate_on", &[("date", &locale.date(d))]),
        None => locale.t("guide_debate"),
    })
}

/// The pages of `e`: "p. 48", "pp. 18, 19", "zonder paginanummers" or empty.
fn evidence_pages(locale: &Locale, e: &Evidence) -> String {
    match pages_label(locale, &e.pages) {
        Some(label) => label,
        None if e.no_pages => locale.t("guide_pages_none"),
        None => String::new(),
    }
}

/// A text in the page's own language: ours, never marked.
fn ours(text: String) -> Shown {
    Shown { text, lang: None }
}

/// One piece of evidence on a page in `locale`.
pub fn evidence_view(locale: &Locale, data: &GuideData, e: &Evidence) -> EvidenceView {
    let vote = vote_view(locale, data, e);
    let signed = signed_view(locale, data, e);
    let link_text = pick_opt(locale, e.title.as_deref(), e.title_en.as_deref())
        // A motion by its name ("motie-Van Ginneken (motie 2023Z07239)"),
        // not by its number alone, which says nothing to a reader.
        .or_else(|| vote.as_ref().map(|v| ours(v.phrase.clone())))
        .unwrap_or_else(|| {
            ours(match e.kind {
                EvidenceKind::Programme => locale.t("guide_link_programme"),
                EvidenceKind::Debate => locale.t("guide_link_debate"),
                EvidenceKind::Submitted | EvidenceKind::Cosigned => match &e.item {
                    Some(number) => item_phrase_in(locale, data, number),
                    None => ItemKind::Motion.word(locale),
                },
                _ => locale.t("guide_link_source"),
            })
        });
    let note = pick_opt(locale, e.note.as_deref(), e.note_en.as_deref());
    EvidenceView {
        kind_id: e.kind.id(),
        kind: e.kind.label(locale),
        stance: format!("{:?}", e.stance).to_lowercase(),
        stance_label: e.stance.label(locale),
        strength_label: e.strength.map(|s| s.label(locale)).unwrap_or_default(),
        quote_lang: e.quote.as_ref().and(quote_lang(locale)),
        quote: e.quote.clone(),
        note_lang: note.as_ref().and_then(|n| n.lang),
        note: note.map(|n| n.text),
        pages: evidence_pages(locale, e),
        url: e.url.clone(),
        link_text: link_text.text,
        link_text_lang: link_text.lang,
        date: e.date.map(|d| locale.date(d)),
        vote,
        signed,
        context: debate_context(locale, e),
        provenance: provenance(locale, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("nl", EvidenceKind::Submitted, Some("2025-09-30"), Some("diende op 30 september 2025 motie 2025Z18230 in"); "submitted")]
    #[test_case("nl", EvidenceKind::Cosigned, None, Some("ondertekende motie 2025Z18230 mee (mede-ondertekend)"); "co-signed")]
    #[test_case("nl", EvidenceKind::Vote, None, None; "a vote is worded as a vote")]
    #[test_case("en", EvidenceKind::Submitted, Some("2025-09-30"), Some("submitted motion 2025Z18230 on 30 September 2025"); "English, submitted")]
    #[test_case("en", EvidenceKind::Cosigned, None, Some("co-signed motion 2025Z18230"); "English, co-signed")]
    fn signed_motions_are_worded_as_what_the_party_did(
        lang: &str,
        kind: EvidenceKind,
        date: Option<&str>,
        expected: Option<&str>,
    ) {
        let e = Evidence {
            kind,
            item: Some("2025Z18230".into()),
            date: date.map(|d| d.parse().unwrap()),
            ..Evidence::default()
        };
        let view = signed_view(&Locale::builtin(lang), &GuideData::default(), &e);
        assert_eq!(view.map(|v| v.did).as_deref(), expected);
    }

    #[test_case("nl", Some("2025-10-02"), "in het debat van 2 oktober 2025")]
    #[test_case("nl", None, "in een debat")]
    #[test_case("en", Some("2025-10-02"), "in the debate of 2 October 2025")]
    #[test_case("en", None, "in a debate")]
    fn debates_say_when(lang: &str, date: Option<&str>, expected: &str) {
        let e = Evidence {
            kind: EvidenceKind::Debate,
            date: date.map(|d| d.parse().unwrap()),
            ..Evidence::default()
        };
        assert_eq!(
            debate_context(&Locale::builtin(lang), &e).as_deref(),
            Some(expected)
        );
    }

    #[test_case("nl", vec![48], false, "p. 48")]
    #[test_case("nl", vec![18, 19], false, "pp. 18, 19")]
    #[test_case("nl", vec![], true, "zonder paginanummers")]
    #[test_case("nl", vec![], false, "")]
    #[test_case("en", vec![], true, "no page numbers")]
    fn page_labels(lang: &str, pages: Vec<u32>, no_pages: bool, expected: &str) {
        let e = Evidence {
            pages,
            no_pages,
            ..Evidence::default()
        };
        assert_eq!(evidence_pages(&Locale::builtin(lang), &e), expected);
    }

    #[test]
    fn english_evidence_keeps_the_quotation_and_marks_what_is_dutch() {
        let e = Evidence {
            kind: EvidenceKind::Programme,
            stance: crate::guide::model::Stance::Protects,
            strength: Some(crate::guide::model::Strength::Explicit),
            quote: Some("End-to-end encryptie blijft een grondrecht.".into()),
            note: Some("Een notitie.".into()),
            title: Some("Programma D66".into()),
            title_en: Some("D66 programme".into()),
            ..Evidence::default()
        };
        let en = evidence_view(&Locale::builtin("en"), &GuideData::default(), &e);
        assert_eq!(
            (
                en.kind.as_str(),
                en.stance_label.as_str(),
                en.strength_label.as_str()
            ),
            ("Election programme", "protecting", "explicit")
        );
        assert_eq!(en.quote_lang, Some("nl"));
        assert_eq!(
            (en.note.as_deref(), en.note_lang),
            (Some("Een notitie."), Some("nl"))
        );
        assert_eq!(
            (en.link_text.as_str(), en.link_text_lang),
            ("D66 programme", None)
        );
        let nl = evidence_view(&Locale::builtin("nl"), &GuideData::default(), &e);
        assert_eq!(nl.kind, "Verkiezingsprogramma");
        assert_eq!(nl.link_text, "Programma D66");
        assert_eq!(
            (nl.quote_lang, nl.note_lang, nl.link_text_lang),
            (None, None, None)
        );
    }
}
