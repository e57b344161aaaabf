//! Dropping the oldest events when memory is bounded (`--max-events`). Rows are renumbered
//! and the postings, counts and duplicate tables rebuilt from the rows kept: done rarely
//! (in steps of a sixteenth of the bound), so its cost per event stays small.

use rustc_hash::FxHashMap;

use super::buckets::Buckets;
use super::{Index, Postings};
use crate::model::SourceId;
use crate::source::SourceKind;

impl Index {
    /// Evicts the `count` oldest events (in time order). Row ids change: callers holding
    /// ids must find their rows again (by [`Index::order_key`]).
    fn evict_oldest(&mut self, count: usize) {
        self.ensure_sorted();
        let count = count.min(self.order.len());
        if count == 0 {
            return;
        }
        let mut new_id = vec![u32::MAX; self.rows.len()];
        let mut kept_rows = Vec::with_capacity(self.rows.len() - count);
        let mut kept_ids: Vec<u32> = self.order[count..].to_vec();
        kept_ids.sort_unstable();
        for old in kept_ids {
            new_id[old as usize] = u32::try_from(kept_rows.len()).unwrap_or(u32::MAX);
            kept_rows.push(self.rows[old as usize]);
        }
        self.order = self.order[count..]
            .iter()
            .map(|&old| new_id[old as usize])
            .collect();
        self.sorted = self.order.len();
        self.rows = kept_rows;
        self.seen.renumber(&self.rows, &new_id);
        self.rebuild_counts();
        self.evicted += count as u64;
        self.reorders += 1;
        self.forget_evicted_originals();
    }

    fn rebuild_counts(&mut self) {
        self.postings = Postings::default();
        self.buckets = Buckets::default();
        self.providers = [0; 2];
        self.first_seen.take();
        self.jobs.forget_counts();
        let rows = std::mem::take(&mut self.rows);
        for (id, row) in (0u32..).zip(&rows) {
            self.take_in(id, row);
        }
        self.rows = rows;
    }

    /// Originals held in memory for evicted events only are freed too: those before the
    /// first kept event of their source, and before any stretch whose batch has not been
    /// applied yet (workers store a stretch before its events reach the index).
    fn forget_evicted_originals(&self) {
        let mut first: FxHashMap<SourceId, u64> = FxHashMap::default();
        for row in &self.rows {
            let at = first.entry(row.raw.source).or_insert(u64::MAX);
            *at = (*at).min(row.raw.offset);
        }
        for (id, source) in (0u32..).zip(self.sources.iter()) {
            if let Some(SourceKind::Memory(store)) = source.as_ref().map(|s| &s.kind) {
                let applied = self.applied.get(&id).map_or(0, |a| a.upto);
                let kept = first.get(&id).copied().unwrap_or(u64::MAX);
                store.forget_before(applied.min(kept));
            }
        }
    }

    /// Keeps memory bounded by `max` events: beyond it, evicts the oldest down to 15/16 of
    /// it, so the rebuild happens once per sixteenth of the bound. `true` when it did.
    pub fn evict_beyond(&mut self, max: usize) -> bool {
        let len = self.len();
        if len <= max {
            return false;
        }
        self.evict_oldest(len - max + max / 16);
        true
    }

    /// Events evicted so far.
    #[must_use]
    pub fn evicted(&self) -> u64 {
        self.evicted
    }

    /// Events indexed since the start, evicted ones included.
    #[must_use]
    pub fn received(&self) -> u64 {
        self.rows.len() as u64 + self.evicted
    }
}
