//! A quick fingerprint of any hashable value, for the caches of `serve` and
//! the version of the search index: kept apart so that `load` and the
//! renderers can share it without importing each other.

/// A hash of `value` for the caches of `serve` (the same within one run).
pub fn hash_of(value: &impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(value)
}
