//! "Zegt … maar stemde …": a party whose words point one way while a
//! recorded vote points the other.
//!
//! Words are evidence of kind programme, statement, reply or debate with a
//! stance of `protects` or `undermines`; deeds are votes with such a stance.
//! Mixed and silent evidence say both or nothing, so they never make a
//! contrast. The first contrasting pair (in the editors' order, words first)
//! is shown, with both sources; every party gets the flag in the open data.

use super::model::{Evidence, EvidenceKind, PartyEntry, Stance};

/// A pair of sources that contradict each other.
#[derive(Debug, Clone, Copy)]
pub struct Contrast<'a> {
    /// What the party said or wrote.
    pub said: &'a Evidence,
    /// The vote that points the other way.
    pub did: &'a Evidence,
}

fn is_words(e: &Evidence) -> bool {
    matches!(
        e.kind,
        EvidenceKind::Programme
            | EvidenceKind::Statement
            | EvidenceKind::Reply
            | EvidenceKind::Debate
    )
}

fn opposite(a: Stance, b: Stance) -> bool {
    matches!(
        (a, b),
        (Stance::Protects, Stance::Undermines) | (Stance::Undermines, Stance::Protects)
    )
}

/// The first contrast between words and a recorded vote, if any.
pub fn contrast(entry: &PartyEntry) -> Option<Contrast<'_>> {
    for said in entry.evidence.iter().filter(|e| is_words(e)) {
        let did = entry
            .evidence
            .iter()
            .filter(|e| e.kind == EvidenceKind::Vote && e.contradicts.is_none())
            .find(|e| opposite(said.stance, e.stance));
        if let Some(did) = did {
            return Some(Contrast { said, did });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn ev(kind: EvidenceKind, stance: Stance) -> Evidence {
        Evidence {
            kind,
            stance,
            ..Evidence::default()
        }
    }

    #[test_case(Stance::Protects, Stance::Undermines, true; "says protect, votes against")]
    #[test_case(Stance::Undermines, Stance::Protects, true; "says undermine, votes to protect")]
    #[test_case(Stance::Protects, Stance::Protects, false; "consistent")]
    #[test_case(Stance::Mixed, Stance::Undermines, false; "mixed words")]
    #[test_case(Stance::Silent, Stance::Undermines, false; "silent words")]
    fn contrasts(said: Stance, did: Stance, expected: bool) {
        let entry = PartyEntry {
            evidence: vec![
                ev(EvidenceKind::Programme, said),
                ev(EvidenceKind::Vote, did),
            ],
            ..PartyEntry::default()
        };
        assert_eq!(contrast(&entry).is_some(), expected);
    }

    #[test]
    fn two_votes_are_no_words() {
        let entry = PartyEntry {
            evidence: vec![
                ev(EvidenceKind::Vote, Stance::Protects),
                ev(EvidenceKind::Vote, Stance::Undermines),
            ],
            ..PartyEntry::default()
        };
        assert!(contrast(&entry).is_none());
    }
}
