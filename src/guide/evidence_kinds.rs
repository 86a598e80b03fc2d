//! What a piece of evidence is (a programme passage, a vote, a motion the
//! party signed, …), which way it points and how directly it concerns chat
//! control: the three classifications the verdict rules count, with their
//! ids in data files and their words on pages. Part of the model
//! (`model.rs` re-exports them), kept apart so each file has one concern.

use serde::{Deserialize, Serialize};

/// What kind of source a piece of evidence is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A passage of the election programme (or its absence).
    #[default]
    Programme,
    /// A recorded vote on a motion or bill.
    Vote,
    /// Something said in a parliamentary debate.
    Debate,
    /// The party's reply to the campaign's questions.
    Reply,
    /// Something the party did, e.g. refusing to carry out a motion.
    Action,
    /// A public statement outside parliament.
    Statement,
    /// A motion or amendment the party submitted (`item` names it).
    Submitted,
    /// A motion or amendment the party signed as co-submitter (`item` names it).
    Cosigned,
}

impl EvidenceKind {
    /// The Dutch name shown on the site.
    pub fn dutch(self) -> &'static str {
        match self {
            EvidenceKind::Programme => "Verkiezingsprogramma",
            EvidenceKind::Vote => "Stemming",
            EvidenceKind::Debate => "Debat",
            EvidenceKind::Reply => "Antwoord aan ons",
            EvidenceKind::Action => "Handelen",
            EvidenceKind::Statement => "Uitspraak",
            EvidenceKind::Submitted => "Ingediend",
            EvidenceKind::Cosigned => "Mede-ondertekend",
        }
    }

    /// The name shown on a page in `locale` ("Verkiezingsprogramma",
    /// "Election programme").
    pub fn label(self, locale: &crate::locale::Locale) -> String {
        locale.t(match self {
            EvidenceKind::Programme => "guide_evidence_kind_programme",
            EvidenceKind::Vote => "guide_evidence_kind_vote",
            EvidenceKind::Debate => "guide_evidence_kind_debate",
            EvidenceKind::Reply => "guide_evidence_kind_reply",
            EvidenceKind::Action => "guide_evidence_kind_action",
            EvidenceKind::Statement => "guide_evidence_kind_statement",
            EvidenceKind::Submitted => "guide_evidence_kind_submitted",
            EvidenceKind::Cosigned => "guide_evidence_kind_cosigned",
        })
    }

    /// The id written in data files and the open data (`programme`, `submitted`, ...).
    pub fn id(self) -> &'static str {
        match self {
            EvidenceKind::Programme => "programme",
            EvidenceKind::Vote => "vote",
            EvidenceKind::Debate => "debate",
            EvidenceKind::Reply => "reply",
            EvidenceKind::Action => "action",
            EvidenceKind::Statement => "statement",
            EvidenceKind::Submitted => "submitted",
            EvidenceKind::Cosigned => "cosigned",
        }
    }

    /// Every kind, in the order the docs list them.
    pub const ALL: [EvidenceKind; 8] = [
        EvidenceKind::Programme,
        EvidenceKind::Vote,
        EvidenceKind::Debate,
        EvidenceKind::Reply,
        EvidenceKind::Action,
        EvidenceKind::Statement,
        EvidenceKind::Submitted,
        EvidenceKind::Cosigned,
    ];

    /// True for kinds about a motion or amendment the party put its name to.
    pub fn is_signature(self) -> bool {
        matches!(self, EvidenceKind::Submitted | EvidenceKind::Cosigned)
    }
}

/// Which way a piece of evidence points.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Protects encryption, confidential communication or privacy.
    Protects,
    /// Undermines them.
    Undermines,
    /// Points both ways.
    Mixed,
    /// Says nothing about them.
    Silent,
    /// Not yet classified by an editor (imported evidence).
    #[default]
    Unclassified,
}

impl Stance {
    /// The Dutch word shown on the site.
    pub fn dutch(self) -> &'static str {
        match self {
            Stance::Protects => "beschermend",
            Stance::Undermines => "ondermijnend",
            Stance::Mixed => "gemengd",
            Stance::Silent => "zwijgt",
            Stance::Unclassified => "nog niet beoordeeld",
        }
    }

    /// The word shown on a page in `locale` ("beschermend", "protects").
    pub fn label(self, locale: &crate::locale::Locale) -> String {
        locale.t(match self {
            Stance::Protects => "guide_stance_protects",
            Stance::Undermines => "guide_stance_undermines",
            Stance::Mixed => "guide_stance_mixed",
            Stance::Silent => "guide_stance_silent",
            Stance::Unclassified => "guide_stance_unclassified",
        })
    }
}

/// How directly a piece of evidence is about chat control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// About encryption, scanning, chat control or mass surveillance, or a recorded vote.
    Explicit,
    /// A general remark on privacy.
    General,
}

impl Strength {
    /// The Dutch word shown on the site.
    pub fn dutch(self) -> &'static str {
        match self {
            Strength::Explicit => "expliciet",
            Strength::General => "algemeen",
        }
    }

    /// The word shown on a page in `locale` ("expliciet", "explicit").
    pub fn label(self, locale: &crate::locale::Locale) -> String {
        locale.t(match self {
            Strength::Explicit => "guide_strength_explicit",
            Strength::General => "guide_strength_general",
        })
    }
}
