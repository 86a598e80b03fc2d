//! Heading ids the way Hugo's default Markdown renderer makes them, so that
//! existing `#anchor` links keep working.

use std::collections::HashMap;

/// Makes a heading id from the heading's text: letters, digits and `_` are
/// kept (lower-cased), spaces and `-` become `-`, everything else is dropped.
/// This is Hugo's default (`autoHeadingIDType = "github"`).
pub fn heading_id(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c == '-' || c == ' ' {
            id.push('-');
        } else if c == '_' || c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        }
    }
    if id.is_empty() {
        "heading".to_string()
    } else {
        id
    }
}

/// Hands out unique ids within one page: the second "Bronnen" becomes `bronnen-1`.
#[derive(Debug, Default)]
pub struct IdRegistry {
    seen: HashMap<String, usize>,
}

impl IdRegistry {
    /// Returns `id`, or `id-N` when `id` was already handed out on this page.
    pub fn unique(&mut self, id: String) -> String {
        let Some(&start) = self.seen.get(&id) else {
            self.seen.insert(id.clone(), 0);
            return id;
        };
        let mut count = start;
        loop {
            count += 1;
            let candidate = format!("{id}-{count}");
            if !self.seen.contains_key(&candidate) {
                self.seen.insert(id, count);
                self.seen.insert(candidate.clone(), 0);
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("Wortel en stok", "wortel-en-stok")]
    #[test_case("Wat is chatcontrole?", "wat-is-chatcontrole")]
    #[test_case("Privé & veilig", "privé--veilig")]
    #[test_case("EU-Raad: 55%/65%", "eu-raad-5565")]
    #[test_case("snake_case blijft", "snake_case-blijft")]
    #[test_case("?!", "heading")]
    fn makes_hugo_compatible_ids(text: &str, id: &str) {
        assert_eq!(heading_id(text), id);
    }

    #[test]
    fn repeated_ids_get_a_number() {
        let mut ids = IdRegistry::default();
        assert_eq!(ids.unique("a".into()), "a");
        assert_eq!(ids.unique("a".into()), "a-1");
        assert_eq!(ids.unique("a".into()), "a-2");
        assert_eq!(ids.unique("a-1".into()), "a-1-1");
    }
}
