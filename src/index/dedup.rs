use hashbrown::HashTable;
use rustc_hash::FxHashMap;

use crate::model::Row;

/// One event per provider and event id, and one per content for events without an id.
/// The id table holds row ids, compared through the rows' own id hashes, with 32 bits of
/// the hash beside each so that growing rehashes without touching the rows. It is split
/// into shards that grow one at a time: one table of a million entries took 70 ms to
/// grow, a stall the explorer showed in the middle of a live stream.
pub struct Dedup {
    by_id: Vec<HashTable<(u32, u32)>>,
    by_content: FxHashMap<u64, u32>,
}

/// Shards of the id table (a power of two: the top bits of the key pick one).
const SHARDS: usize = 256;

impl Default for Dedup {
    fn default() -> Self {
        Dedup {
            by_id: (0..SHARDS).map(|_| HashTable::new()).collect(),
            by_content: FxHashMap::default(),
        }
    }
}

fn shard(key: u32) -> usize {
    (key >> (32 - SHARDS.trailing_zeros())) as usize
}

fn id_key(row: &Row) -> u32 {
    let key = row.event_id_hash ^ (row.provider as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    #[allow(clippy::cast_possible_truncation, reason = "the low bits of a hash")]
    let low = key as u32;
    low
}

/// The table's hash of a stored key: spread over 64 bits, as the table uses the top ones.
fn spread(key: u32) -> u64 {
    u64::from(key).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl Dedup {
    /// Records `row` (about to become row `id`); `Err(known)` with the id of the row
    /// already holding the same event.
    pub fn insert(
        &mut self,
        rows: &[Row],
        row: &Row,
        id: u32,
        content_key: u64,
    ) -> Result<(), u32> {
        if row.event_id_hash == 0 {
            return match self.by_content.entry(content_key) {
                std::collections::hash_map::Entry::Occupied(known) => Err(*known.get()),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(id);
                    Ok(())
                }
            };
        }
        let key = id_key(row);
        let same = |&(other, other_key): &(u32, u32)| {
            let other = &rows[other as usize];
            other_key == key
                && other.event_id_hash == row.event_id_hash
                && other.provider == row.provider
        };
        match self.by_id[shard(key)].entry(spread(key), same, |&(_, k)| spread(k)) {
            hashbrown::hash_table::Entry::Occupied(known) => Err(known.get().0),
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert((id, key));
                Ok(())
            }
        }
    }

    /// After an eviction: drops evicted rows (`new_id` is `u32::MAX` for them) and
    /// renumbers the others. `rows` are the kept rows, already renumbered.
    pub fn renumber(&mut self, rows: &[Row], new_id: &[u32]) {
        self.by_content.retain(|_, id| {
            *id = new_id[*id as usize];
            *id != u32::MAX
        });
        self.by_id.iter_mut().for_each(HashTable::clear);
        for (id, row) in (0u32..).zip(rows) {
            if row.event_id_hash != 0 {
                let key = id_key(row);
                self.by_id[shard(key)].insert_unique(spread(key), (id, key), |&(_, k)| spread(k));
            }
        }
    }

    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.by_id.iter().map(HashTable::capacity).sum::<usize>() * 9
            + self.by_content.capacity() * 13
    }
}
