//! The index files a browser reads piece by piece. Each word form the site
//! uses points to its stem, and each stem to the pages that use it with a
//! weight; the forms are sorted and cut into chunks of about
//! [`CHUNK_BYTES`], so one query loads the small table of chunks, the one
//! chunk that holds its word and the short texts of the pages it shows:
//!
//! - `meta.json`: `{"version", "language", "pages", "chunks": [[first form, file], ...]}`;
//! - `woorden/N.json`: `{"words": {form: stem}, "stems": {stem: [page, weight, page, weight, ...]}}`,
//!   with each page number given as the step from the one before;
//! - `pagina/N.json`: `{"url", "title", "text"}`, page N's address, title
//!   and the start of its text (for the excerpt under a result).
//!
//! Every address after `meta.json` carries `?v=VERSION` when the browser
//! fetches it, so a visitor never mixes files of two builds.

use std::collections::{BTreeMap, HashMap};

use pagefind_stem::Stemmer;
use rayon::prelude::*;
use serde::Serialize;

use super::SearchPage;

/// About how many bytes one chunk of word forms holds; a stem used on
/// very many pages makes its chunk larger.
pub const CHUNK_BYTES: usize = 24 * 1024;

/// The folder of the word chunks inside the index folder.
pub const CHUNK_DIR: &str = "woorden";
/// The folder of the page texts inside the index folder.
pub const PAGE_DIR: &str = "pagina";

/// The index as it grows, one page at a time.
pub struct IndexBuilder {
    language: String,
    stemmer: Option<Stemmer>,
    /// Each word form with the number of its stem.
    forms: HashMap<String, u32>,
    stems: Vec<String>,
    stem_numbers: HashMap<String, u32>,
    /// Per stem number: (page number, weight) in page order.
    postings: Vec<Vec<(u32, u32)>>,
    pages: Vec<PageEntry>,
}

/// What a result shows of its page.
#[derive(Serialize)]
struct PageEntry {
    url: String,
    title: String,
    text: String,
}

#[derive(Serialize)]
struct Chunk<'a> {
    words: BTreeMap<&'a str, &'a str>,
    stems: BTreeMap<&'a str, &'a [u32]>,
}

#[derive(Serialize)]
struct Meta<'a> {
    version: String,
    language: &'a str,
    pages: usize,
    chunks: Vec<(&'a str, String)>,
}

impl IndexBuilder {
    /// An empty index stemmed for `language` (see [`super::words::stemmer_for`]).
    pub fn new(language: &str) -> IndexBuilder {
        IndexBuilder {
            language: language.to_string(),
            stemmer: super::words::stemmer_for(language),
            forms: HashMap::new(),
            stems: Vec::new(),
            stem_numbers: HashMap::new(),
            postings: Vec::new(),
            pages: Vec::new(),
        }
    }

    /// Adds `page` as the next page.
    pub fn add(&mut self, page: SearchPage) {
        let number = self.pages.len() as u32;
        let mut weights: BTreeMap<u32, u32> = BTreeMap::new();
        for (form, weight) in &page.words {
            let stem = self.stem_number(form);
            *weights.entry(stem).or_default() += weight;
        }
        for (stem, weight) in weights {
            self.postings[stem as usize].push((number, weight));
        }
        self.pages.push(PageEntry {
            url: page.path,
            title: page.title,
            text: page.excerpt,
        });
    }

    fn stem_number(&mut self, form: &str) -> u32 {
        if let Some(&number) = self.forms.get(form) {
            return number;
        }
        let stem = match &self.stemmer {
            Some(stemmer) => stemmer.stem(form).into_owned(),
            None => form.to_string(),
        };
        let number = match self.stem_numbers.get(&stem) {
            Some(&number) => number,
            None => {
                let number = self.stems.len() as u32;
                self.stems.push(stem.clone());
                self.stem_numbers.insert(stem, number);
                self.postings.push(Vec::new());
                number
            }
        };
        self.forms.insert(form.to_string(), number);
        number
    }

    /// The index's files, each path inside the index folder with its bytes,
    /// sorted by path.
    pub fn finish(self) -> Vec<(String, Vec<u8>)> {
        let encoded: Vec<Vec<u32>> = self.postings.iter().map(|p| delta_encoded(p)).collect();
        let mut forms: Vec<(&str, u32)> =
            self.forms.iter().map(|(f, &s)| (f.as_str(), s)).collect();
        forms.sort_unstable();

        let mut chunks: Vec<Chunk<'_>> = Vec::new();
        let mut firsts: Vec<&str> = Vec::new();
        let mut size = 0;
        for (form, stem) in forms {
            let stem_text = self.stems[stem as usize].as_str();
            let postings = &encoded[stem as usize];
            let current = chunks.last().filter(|_| size < CHUNK_BYTES);
            let new_stem = current.is_none_or(|c| !c.stems.contains_key(stem_text));
            let cost = form.len()
                + stem_text.len()
                + 6
                + if new_stem {
                    stem_text.len() + 4 + postings.len() * 4
                } else {
                    0
                };
            if current.is_none() {
                chunks.push(Chunk {
                    words: BTreeMap::new(),
                    stems: BTreeMap::new(),
                });
                firsts.push(form);
                size = 0;
            }
            let chunk = chunks.last_mut().expect("a chunk was just added");
            chunk.words.insert(form, stem_text);
            chunk.stems.insert(stem_text, postings);
            size += cost;
        }

        let mut files: Vec<(String, Vec<u8>)> = chunks
            .par_iter()
            .enumerate()
            .map(|(i, chunk)| (format!("{CHUNK_DIR}/{i}.json"), json(chunk)))
            .collect();
        files.par_extend(
            self.pages
                .par_iter()
                .enumerate()
                .map(|(i, page)| (format!("{PAGE_DIR}/{i}.json"), json(page))),
        );
        let version = format!("{:016x}", crate::content::hash_of(&files));
        let meta = Meta {
            version,
            language: &self.language,
            pages: self.pages.len(),
            chunks: firsts
                .iter()
                .enumerate()
                .map(|(i, first)| (*first, format!("{CHUNK_DIR}/{i}.json")))
                .collect(),
        };
        files.push(("meta.json".to_string(), json(&meta)));
        files.sort_by(|a, b| a.0.cmp(&b.0));
        files
    }
}

/// `postings` as a flat list: each page number as the step from the one
/// before, then its weight.
fn delta_encoded(postings: &[(u32, u32)]) -> Vec<u32> {
    let mut previous = 0;
    let mut flat = Vec::with_capacity(postings.len() * 2);
    for &(page, weight) in postings {
        flat.push(page - previous);
        flat.push(weight);
        previous = page;
    }
    flat
}

fn json(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).expect("the index holds only strings and numbers")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, html: &str) -> SearchPage {
        SearchPage::new(path.to_string(), html)
    }

    fn file(files: &[(String, Vec<u8>)], name: &str) -> serde_json::Value {
        let (_, bytes) = files.iter().find(|(n, _)| n == name).unwrap();
        serde_json::from_slice(bytes).unwrap()
    }

    #[test]
    fn maps_forms_to_stems_and_stems_to_weighted_pages() {
        let mut index = IndexBuilder::new("nl");
        index.add(page(
            "/a/",
            "<main><h1>Onthouding</h1><p>Nederland onthoudt zich.</p></main>",
        ));
        index.add(page(
            "/b/",
            "<main><h1>Stemming</h1><p>Over de onthouding.</p></main>",
        ));
        let files = index.finish();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "meta.json",
                "pagina/0.json",
                "pagina/1.json",
                "woorden/0.json"
            ]
        );
        let chunk = file(&files, "woorden/0.json");
        assert_eq!(chunk["words"]["onthouding"], "onthoud");
        assert_eq!(chunk["words"]["onthoudt"], "onthoudt");
        // Page 0 has "Onthouding" in its title, page 1 (step 1) in its text.
        assert_eq!(chunk["stems"]["onthoud"], serde_json::json!([0, 5, 1, 1]));
        let meta = file(&files, "meta.json");
        assert_eq!(meta["pages"], 2);
        assert_eq!(
            meta["chunks"],
            serde_json::json!([["de", "woorden/0.json"]])
        );
        assert_eq!(
            file(&files, "pagina/1.json"),
            serde_json::json!({"url": "/b/", "title": "Stemming", "text": "Over de onthouding."})
        );
    }

    #[test]
    fn cuts_a_large_vocabulary_into_sorted_chunks() {
        let mut index = IndexBuilder::new("nl");
        for i in 0..3000 {
            index.add(page(
                &format!("/p{i}/"),
                &format!("<main><p>bericht woord{i}</p></main>"),
            ));
        }
        let files = index.finish();
        let meta = file(&files, "meta.json");
        let chunks = meta["chunks"].as_array().unwrap();
        assert!(chunks.len() > 2, "{} chunks", chunks.len());
        let firsts: Vec<&str> = chunks.iter().map(|c| c[0].as_str().unwrap()).collect();
        assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{firsts:?}");
        for (i, c) in chunks.iter().enumerate() {
            let chunk = file(&files, c[1].as_str().unwrap());
            let words = chunk["words"].as_object().unwrap();
            assert!(words.keys().all(|w| w.as_str() >= firsts[i]));
            if let Some(next) = firsts.get(i + 1) {
                assert!(words.keys().all(|w| w.as_str() < *next));
            }
            for stem in words.values() {
                assert!(chunk["stems"].get(stem.as_str().unwrap()).is_some());
            }
            let bytes = &files
                .iter()
                .find(|(n, _)| n == c[1].as_str().unwrap())
                .unwrap()
                .1;
            assert!(bytes.len() < 2 * CHUNK_BYTES, "{} bytes", bytes.len());
        }
    }

    #[test]
    fn the_same_pages_give_the_same_files() {
        let build = || {
            let mut index = IndexBuilder::new("nl");
            for i in 0..50 {
                index.add(page(
                    &format!("/p{i}/"),
                    &format!("<main><p>tekst {i} en meer</p></main>"),
                ));
            }
            index.finish()
        };
        assert_eq!(build(), build());
    }
}
