//! The index itself: rows, their time order, postings, duplicates and rejects.

use rayon::slice::ParallelSliceMut;

use super::applied::Applied;
use super::first_seen::FirstSeen;
use super::jobs::Jobs;
use super::sessions::{Issue, Sessions};
use super::{Interner, Postings, buckets, dedup};

use crate::load::{Batch, SessionStart};
use crate::model::{Column, OrderKey, Outcome, Provider, Reject, RejectTally, Row, SourceId};
use crate::source::SourceInfo;

#[derive(Default)]
pub struct Index {
    pub(super) rows: Vec<Row>,
    pub(super) strings: [Interner; Column::COUNT],
    pub(super) postings: Postings,
    /// Row ids ordered by (time, id); the rows from `sorted` on are not merged in yet.
    pub(super) order: Vec<u32>,
    pub(super) sorted: usize,
    pub(super) seen: dedup::Dedup,
    pub(super) duplicates: u64,
    /// The first rejects in full; beyond `KEPT_REJECTS` only counted, so that a flood of
    /// garbage cannot grow memory without bound.
    pub(super) rejects: Vec<Reject>,
    pub(super) rejected: u64,
    pub(super) reject_kinds: std::collections::BTreeMap<&'static str, u64>,
    /// Shared with background reads of originals, which take a pointer, not a copy.
    pub(super) sources: std::sync::Arc<Vec<Option<SourceInfo>>>,
    pub(super) buckets: buckets::Buckets,
    pub(super) sessions: Sessions,
    pub(super) jobs: Jobs,
    /// Worked out when a `first:` term first asks, and again after rows changed: kept up to
    /// date with every event it cost a tenth of the load.
    pub(super) first_seen: std::sync::OnceLock<FirstSeen>,
    pub(super) providers: [usize; 2],
    /// Times of kept copies that moved in the input order: the next sort re-sorts the
    /// events of those times (a copy's place can change only among events of its time).
    pub(super) resort: Vec<i64>,
    pub(super) evicted: u64,
    /// Per source, how far its batches have been applied (eviction frees originals below).
    pub(super) applied: rustc_hash::FxHashMap<SourceId, Applied>,
    /// Times the order was rebuilt rather than extended (a resort, an eviction).
    pub(super) reorders: u64,
}

impl Index {
    #[must_use]
    pub fn new() -> Self {
        Index::default()
    }

    /// Registers a source under the id its loader gave it.
    pub fn set_source(&mut self, id: SourceId, info: SourceInfo) {
        let slot = id as usize;
        let sources = std::sync::Arc::make_mut(&mut self.sources);
        if sources.len() <= slot {
            sources.resize_with(slot + 1, || None);
        }
        sources[slot] = Some(info);
    }

    /// Adds a batch: new events are indexed, events already seen counted as duplicates.
    pub fn apply(&mut self, batch: Batch) {
        let Batch {
            rows,
            keys,
            strings,
            rejects,
            unsampled,
            source,
            start,
            bytes,
            started,
            created,
        } = batch;
        self.applied
            .entry(source)
            .or_default()
            .add(start, start + bytes);
        let remap = self.intern_batch_strings(&strings);
        self.rows.reserve(rows.len());
        // Each batch row's id in the index (`u32::MAX` for a copy of a known event).
        let mut ids = Vec::with_capacity(rows.len());
        for (mut row, key) in rows.into_iter().zip(keys) {
            for (col, map) in row.cols.iter_mut().zip(&remap) {
                *col = map[*col as usize];
            }
            let id = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
            if let Err(known) = self.seen.insert(&self.rows, &row, id, key) {
                self.duplicates += 1;
                self.keep_first_copy(known, &row);
                ids.push(u32::MAX);
                continue;
            }
            self.take_in(id, &row);
            self.order.push(id);
            self.rows.push(row);
            ids.push(id);
        }
        if ids.iter().any(|&id| id != u32::MAX) {
            self.first_seen.take();
        }
        self.record_sessions(&ids, started);
        for (at, facts) in created {
            if let Some(row) = ids
                .get(at as usize)
                .and_then(|&id| self.rows.get(id as usize))
            {
                let job = row.col(Column::Job);
                self.jobs
                    .describe(job, facts.kind, facts.device, facts.shots);
            }
        }
        self.add_rejects(rejects);
        self.count_rejects(&unsampled);
    }

    /// What a new row adds besides itself: postings, counts, first sightings, its job.
    pub(super) fn take_in(&mut self, id: u32, row: &Row) {
        self.providers[row.provider as usize] += 1;
        self.postings
            .add(id, row, &self.strings[Column::Action as usize]);
        self.buckets.add(row.time_ms, row.outcome);
        let job = row.col(Column::Job);
        if job != 0 {
            let action = row.col(Column::Action);
            let name = self.strings[Column::Action as usize].get(action);
            let verb = self.jobs.verb_of(action, row.provider, name);
            self.jobs.touch(job, row, row.col(Column::Identity), verb);
        }
    }

    /// The sessions new rows started, filed under what their calls will carry.
    fn record_sessions(&mut self, ids: &[u32], started: Vec<(u32, SessionStart)>) {
        for (at, start) in started {
            let Some(row) = ids
                .get(at as usize)
                .and_then(|&id| self.rows.get(id as usize))
            else {
                continue;
            };
            let (issuer, issuer_key, time_ms) = (
                row.col(Column::Identity),
                row.col(Column::AccessKey),
                row.time_ms,
            );
            let subject = self.strings[Column::Identity as usize].intern(&start.subject);
            let key = start
                .key
                .map_or(0, |k| self.strings[Column::AccessKey as usize].intern(&k));
            self.sessions.record(Issue {
                subject,
                key,
                issuer,
                issuer_key,
                time_ms,
                source_identity: start.source_identity,
            });
        }
    }

    /// Of two copies of one event, the one earlier in the input is kept, so what is shown
    /// does not depend on which worker finished first.
    fn keep_first_copy(&mut self, known: u32, copy: &Row) {
        let kept = &mut self.rows[known as usize];
        let earlier = (copy.raw.source, copy.raw.offset) < (kept.raw.source, kept.raw.offset);
        if earlier
            && (Row {
                raw: kept.raw,
                ..*copy
            }) == *kept
        {
            kept.raw = copy.raw;
            // Rows in order are ids below `sorted`; the others are sorted when they join.
            if (known as usize) < self.sorted {
                self.resort.push(copy.time_ms);
            }
        }
    }

    fn intern_batch_strings(&mut self, strings: &[Vec<Box<str>>; Column::COUNT]) -> Vec<Vec<u32>> {
        strings
            .iter()
            .zip(self.strings.iter_mut())
            .map(|(local, global)| local.iter().map(|s| global.intern(s)).collect())
            .collect()
    }

    /// Merges rows added since the last call into the time order. Ties are broken by
    /// position in the input, so the order does not depend on which worker finished first.
    pub fn ensure_sorted(&mut self) {
        let moved = std::mem::take(&mut self.resort);
        if !moved.is_empty() {
            self.resort_times(moved);
            self.reorders += 1;
        }
        if self.sorted == self.order.len() {
            return;
        }
        let mut tail: Vec<(OrderKey, u32)> = self.order[self.sorted..]
            .iter()
            .map(|&id| (self.order_key(id), id))
            .collect();
        // What streams in live is small: sorting it here beats waking the pool.
        if tail.len() < PARALLEL_SORT {
            tail.sort_unstable();
        } else {
            tail.par_sort_unstable();
        }
        self.order.truncate(self.sorted);
        let mut order = std::mem::take(&mut self.order);
        merge_into(&mut order, &tail, |id| self.order_key(id));
        self.order = order;
        self.sorted = self.order.len();
    }

    /// Re-sorts the sorted events of each of `times`, in place.
    fn resort_times(&mut self, mut times: Vec<i64>) {
        times.sort_unstable();
        times.dedup();
        let mut order = std::mem::take(&mut self.order);
        let sorted = &mut order[..self.sorted];
        for t in times {
            let from = sorted.partition_point(|&id| self.rows[id as usize].time_ms < t);
            let to = sorted.partition_point(|&id| self.rows[id as usize].time_ms <= t);
            sorted[from..to].sort_unstable_by_key(|&id| self.order_key(id));
        }
        self.order = order;
    }

    /// Bumped whenever rows already in order may have moved or been renumbered: lists of
    /// rows kept outside the index must then be rebuilt.
    #[must_use]
    pub fn reorders(&self) -> u64 {
        self.reorders
    }

    /// Where a row sorts: by time, then by its place in the input.
    #[must_use]
    pub fn order_key(&self, id: u32) -> OrderKey {
        let row = &self.rows[id as usize];
        (row.time_ms, row.raw.source, row.raw.offset)
    }

    /// Gives back memory reserved for growth, once a large load is complete.
    pub fn shrink_to_fit(&mut self) {
        self.rows.shrink_to_fit();
        self.order.shrink_to_fit();
        self.postings.shrink_to_fit();
    }

    /// Approximate heap bytes held by the index (for the benchmark report).
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        let strings: usize = self.strings.iter().map(Interner::heap_bytes).sum();
        self.rows.capacity() * size_of::<Row>()
            + self.order.capacity() * 4
            + self.seen.heap_bytes()
            + self.postings.heap_bytes()
            + strings
    }

    /// Row ids in time order (call [`Index::ensure_sorted`] first to include new rows).
    #[must_use]
    pub fn order(&self) -> &[u32] {
        &self.order[..self.sorted]
    }

    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    #[must_use]
    pub fn row(&self, id: u32) -> &Row {
        &self.rows[id as usize]
    }

    #[must_use]
    pub fn strings(&self, column: Column) -> &Interner {
        &self.strings[column as usize]
    }

    #[must_use]
    pub fn text(&self, row: &Row, column: Column) -> &str {
        self.strings(column).get(row.col(column))
    }

    #[must_use]
    pub fn postings(&self) -> &Postings {
        &self.postings
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    #[must_use]
    pub fn duplicates(&self) -> u64 {
        self.duplicates
    }

    #[must_use]
    /// The rejects kept in full: the first [`KEPT_REJECTS`] of [`Index::rejected`].
    pub fn rejects(&self) -> &[Reject] {
        &self.rejects
    }

    /// Records rejected in all.
    #[must_use]
    pub fn rejected(&self) -> u64 {
        self.rejected
    }

    /// Records rejected in all, by kind of reason.
    #[must_use]
    pub fn reject_kinds(&self) -> &std::collections::BTreeMap<&'static str, u64> {
        &self.reject_kinds
    }

    /// Rejects known only by their count.
    pub fn count_rejects(&mut self, tally: &RejectTally) {
        self.rejected += tally.total();
        for (kind, n) in tally.iter() {
            *self.reject_kinds.entry(kind).or_insert(0) += n;
        }
    }

    pub fn add_rejects(&mut self, rejects: impl IntoIterator<Item = Reject>) {
        for reject in rejects {
            self.rejected += 1;
            *self.reject_kinds.entry(reject.reason.kind()).or_insert(0) += 1;
            if self.rejects.len() < KEPT_REJECTS {
                self.rejects.push(reject);
            }
        }
    }

    /// Sources by id (`None` for an id whose registration has not arrived).
    #[must_use]
    pub fn sources(&self) -> &[Option<SourceInfo>] {
        &self.sources
    }

    /// The sources, shared, for a task that reads originals off the UI thread.
    #[must_use]
    pub fn shared_sources(&self) -> std::sync::Arc<Vec<Option<SourceInfo>>> {
        std::sync::Arc::clone(&self.sources)
    }

    #[must_use]
    pub fn source(&self, id: SourceId) -> Option<&SourceInfo> {
        self.sources.get(id as usize)?.as_ref()
    }

    #[must_use]
    pub fn source_name(&self, id: SourceId) -> &str {
        self.source(id).map_or("?", |s| s.name.as_str())
    }

    /// The sessions calls started, for chains and `actor:`.
    #[must_use]
    pub fn sessions(&self) -> &Sessions {
        &self.sessions
    }

    /// The quantum workloads, with their lifecycles.
    #[must_use]
    pub fn jobs(&self) -> &Jobs {
        &self.jobs
    }

    /// The first events of each identity's actions, addresses and agents.
    #[must_use]
    pub fn first_seen(&self) -> &FirstSeen {
        self.first_seen.get_or_init(|| FirstSeen::of(&self.rows))
    }

    #[must_use]
    pub fn buckets(&self) -> &buckets::Buckets {
        &self.buckets
    }

    #[must_use]
    pub fn count_provider(&self, provider: Provider) -> usize {
        self.providers[provider as usize]
    }

    #[must_use]
    pub fn count_outcome(&self, outcome: Outcome) -> usize {
        self.postings.outcome(outcome).len()
    }

    /// Time of the first and last event, in time order.
    #[must_use]
    pub fn time_range(&self) -> Option<(i64, i64)> {
        let order = self.order();
        let first = self.row(*order.first()?).time_ms;
        let last = self.row(*order.last()?).time_ms;
        Some((first, last))
    }
}

/// Rejects kept in full; later ones are counted only.
pub const KEPT_REJECTS: usize = 100_000;

/// Below this many new rows, sorting them in parallel costs more than it saves.
const PARALLEL_SORT: usize = 1 << 17;

/// Merges `tail` (sorted) into `sorted` in place. Only the part of `sorted` from the first
/// tail key on moves: live events are mostly newer than everything, late ones only minutes
/// older, so a merge costs what arrived, not the whole index.
pub fn merge_into(sorted: &mut Vec<u32>, tail: &[(OrderKey, u32)], key: impl Fn(u32) -> OrderKey) {
    let Some(&(first, _)) = tail.first() else {
        return;
    };
    let split = sorted.partition_point(|&id| key(id) <= first);
    let moved = sorted.split_off(split);
    sorted.reserve(moved.len() + tail.len());
    let (mut i, mut j) = (0, 0);
    while i < moved.len() && j < tail.len() {
        if key(moved[i]) <= tail[j].0 {
            sorted.push(moved[i]);
            i += 1;
        } else {
            sorted.push(tail[j].1);
            j += 1;
        }
    }
    sorted.extend_from_slice(&moved[i..]);
    sorted.extend(tail[j..].iter().map(|(_, id)| *id));
}

#[cfg(test)]
mod tests {
    use super::Index;
    use crate::load::parse_buffer_at;

    fn record(id: usize, second: usize) -> String {
        format!(
            "{{\"eventVersion\":\"1.09\",\"eventID\":\"e{id}\",\
             \"eventTime\":\"2026-03-02T09:00:{second:02}Z\",\
             \"eventSource\":\"braket.amazonaws.com\",\"eventName\":\"GetDevice\",\
             \"userIdentity\":{{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::1:user/a\"}}}}\n"
        )
    }

    #[test]
    fn an_earlier_copy_arriving_late_moves_to_its_place_among_events_of_its_time() {
        let lines: Vec<String> = [0, 0, 0, 0, 1, 1]
            .iter()
            .enumerate()
            .map(|(id, &second)| record(id, second))
            .collect();
        let head: String = lines[..3].concat();
        // The second half of a stream is parsed first; it ends with a copy of e1.
        let tail = format!("{}{}", lines[3..].concat(), lines[1]);
        let mut index = Index::new();
        index.apply(parse_buffer_at(0, head.len() as u64, tail.as_bytes()));
        index.ensure_sorted();
        index.apply(parse_buffer_at(0, 0, head.as_bytes()));
        index.ensure_sorted();
        assert_eq!(index.len(), 6);
        assert_eq!(index.duplicates(), 1);
        let order = index.order();
        let offsets: Vec<u64> = order.iter().map(|&id| index.row(id).raw.offset).collect();
        let mut expected = offsets.clone();
        expected.sort_unstable();
        assert_eq!(offsets, expected, "in input order within each second");
        assert_eq!(
            offsets[1],
            lines[0].len() as u64,
            "e1 is kept where it came first"
        );
    }
}
