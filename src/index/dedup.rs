use hashbrown::HashTable;
use rustc_hash::FxHashMap;

use super::Row;

/// One event per provider and event id, and one per content for events without an id.
/// The id table holds row ids and compares through the rows' own id hashes, so a key is
/// never stored twice.
#[derive(Default)]
pub struct Dedup {
    by_id: HashTable<u32>,
    by_content: FxHashMap<u64, u32>,
}

fn id_key(row: &Row) -> u64 {
    row.event_id_hash ^ (row.provider as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
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
        let same = |other: &u32| {
            let other = &rows[*other as usize];
            other.event_id_hash == row.event_id_hash && other.provider == row.provider
        };
        let rehash = |other: &u32| id_key(&rows[*other as usize]);
        match self.by_id.entry(id_key(row), same, rehash) {
            hashbrown::hash_table::Entry::Occupied(known) => Err(*known.get()),
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert(id);
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
        self.by_id.clear();
        for (id, row) in (0u32..).zip(rows) {
            if row.event_id_hash != 0 {
                self.by_id
                    .insert_unique(id_key(row), id, |other| id_key(&rows[*other as usize]));
            }
        }
    }

    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.by_id.capacity() * 5 + self.by_content.capacity() * 13
    }
}
