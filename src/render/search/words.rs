//! Words as the search index sees them. The search page's script
//! (`static/js/search.js`, function `words`) splits a query by the same
//! rules, so a word typed in the browser meets the word the build stored:
//! decompose accents (NFD) and drop them, lower-case, and split on every
//! character that is neither alphabetic nor numeric (JavaScript:
//! `[\p{Alphabetic}\p{N}]`, which is what Rust's `char::is_alphanumeric`
//! tests). Words are stemmed only here, at build time: the index maps each
//! word form to its stem, so the browser needs no stemmer of its own.

use pagefind_stem::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// Longer "words" are addresses, hashes or codes, not what anyone types.
pub const MAX_WORD_LENGTH: usize = 40;

/// Calls `found` with each word of `text`, normalised (see the module note);
/// words longer than [`MAX_WORD_LENGTH`] characters are left out.
pub fn for_each_word(text: &str, mut found: impl FnMut(&str)) {
    let mut word = String::new();
    let mut length = 0;
    let mut flush = |word: &mut String, length: &mut usize| {
        if !word.is_empty() && *length <= MAX_WORD_LENGTH {
            found(word);
        }
        word.clear();
        *length = 0;
    };
    if text.is_ascii() {
        for b in text.bytes() {
            if b.is_ascii_alphanumeric() {
                word.push(b.to_ascii_lowercase() as char);
                length += 1;
            } else {
                flush(&mut word, &mut length);
            }
        }
    } else {
        for c in text.nfd().filter(|c| !is_combining_accent(*c)) {
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase().filter(|l| l.is_alphanumeric()));
                length += 1;
            } else {
                flush(&mut word, &mut length);
            }
        }
    }
    flush(&mut word, &mut length);
}

/// The words of `text`, normalised (see [`for_each_word`]).
pub fn words(text: &str) -> Vec<String> {
    let mut all = Vec::new();
    for_each_word(text, |w| all.push(w.to_string()));
    all
}

/// The accents NFD splits off Latin letters (U+0300 to U+036F), which the
/// browser strips with the same range.
fn is_combining_accent(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The stemmer for a site language (`nl`, `nl-NL`, `de`), if Snowball has
/// one; without one, words are stored as they are.
pub fn stemmer_for(language: &str) -> Option<Stemmer> {
    let code = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    let algorithm = match code.as_str() {
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "de" => Algorithm::German,
        "fr" => Algorithm::French,
        "es" => Algorithm::Spanish,
        "it" => Algorithm::Italian,
        "pt" => Algorithm::Portuguese,
        "da" => Algorithm::Danish,
        "sv" => Algorithm::Swedish,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "fi" => Algorithm::Finnish,
        "hu" => Algorithm::Hungarian,
        "ro" => Algorithm::Romanian,
        "el" => Algorithm::Greek,
        "ga" => Algorithm::Irish,
        "lt" => Algorithm::Lithuanian,
        "ca" => Algorithm::Catalan,
        "et" => Algorithm::Estonian,
        "pl" => Algorithm::Polish,
        "ru" => Algorithm::Russian,
        "sr" => Algorithm::Serbian,
        "tr" => Algorithm::Turkish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("Encryptie, e2ee & VVD!", &["encryptie", "e2ee", "vvd"])]
    #[test_case("end-to-end", &["end", "to", "end"])]
    #[test_case("Één privé-gesprek", &["een", "prive", "gesprek"]; "accents")]
    #[test_case("Überwachung ist Ä", &["uberwachung", "ist", "a"]; "capital umlauts")]
    #[test_case("   ", &[])]
    fn splits_and_normalises(text: &str, expected: &[&str]) {
        assert_eq!(words(text), expected);
    }

    #[test]
    fn leaves_out_very_long_words() {
        let long = "a".repeat(MAX_WORD_LENGTH + 1);
        assert_eq!(words(&format!("kort {long} ook")), ["kort", "ook"]);
        let long = "é".repeat(MAX_WORD_LENGTH + 1);
        assert_eq!(words(&format!("kort {long} ook")), ["kort", "ook"]);
    }

    #[test_case("onthouding", "onthoud")]
    #[test_case("encrypties", "encryptie")]
    #[test_case("versleutelde", "versleutel")]
    #[test_case("stemmingen", "stem")]
    #[test_case("berichten", "bericht")]
    #[test_case("vvd", "vvd")]
    fn stems_dutch(word: &str, stem: &str) {
        assert_eq!(stemmer_for("nl-NL").unwrap().stem(word), stem);
    }

    #[test]
    fn has_no_stemmer_for_unknown_languages() {
        assert!(stemmer_for("tlh").is_none());
    }
}
