//! Keyed 64-bit hashes for deduplication and id lookups. The key is random per process so
//! that attacker-chosen record text cannot be crafted to collide with another event.

use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

fn seed() -> u64 {
    static SEED: OnceLock<u64> = OnceLock::new();
    *SEED.get_or_init(|| {
        std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
    })
}

fn hash(tag: u64, bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(bytes, seed() ^ tag).max(1)
}

/// An id compared case-insensitively (`id:` filters); never 0, which means "no id".
#[must_use]
pub fn id_hash(id: &str) -> u64 {
    if !id.is_ascii() {
        // Folded as the filter folds its values, so `id:` finds it whatever the case.
        let folded: String = id.chars().flat_map(char::to_lowercase).collect();
        hash(0, folded.as_bytes())
    } else if id.bytes().any(|b| b.is_ascii_uppercase()) {
        hash(0, id.to_ascii_lowercase().as_bytes())
    } else {
        hash(0, id.as_bytes())
    }
}

/// The deduplication key of an event without an id: its content, whatever the formatting
/// (the same record pretty-printed in one file and compact in another is one event).
#[must_use]
pub fn dedup_by_content(raw: &[u8]) -> u64 {
    match serde_json::from_slice::<serde_json::Value>(raw) {
        Ok(mut value) => {
            value.sort_all_objects();
            hash(8, value.to_string().as_bytes())
        }
        Err(_) => hash(9, raw),
    }
}
