//! Filling an index from inputs on this thread's behalf (the headless commands).

use std::time::{Duration, Instant};

use super::Index;
use crate::load::{LoadMsg, SourceIds, release_free_memory, spawn_load};
use crate::source::Input;

/// How long each phase of a blocking load took.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadTimings {
    /// Reading, parsing and indexing (worker threads and this one together).
    pub read_parse_index: Duration,
    /// Merging the rows into time order.
    pub sort: Duration,
    /// Shrinking the index and returning freed memory.
    pub compact: Duration,
}

/// Loads everything into `index` on this thread's behalf, calling `progress(done, total)`
/// in bytes as batches arrive. Returns when the load is complete.
pub fn load_blocking(
    inputs: Vec<Input>,
    index: &mut Index,
    mut progress: impl FnMut(u64, u64),
) -> LoadTimings {
    let started = Instant::now();
    let rx = spawn_load(inputs, SourceIds::default());
    let (mut done, mut total) = (0, 0);
    for msg in rx {
        match msg {
            LoadMsg::Started { total_bytes } => total += total_bytes,
            LoadMsg::Source(id, info) => index.set_source(id, info),
            LoadMsg::Batch(batch) => {
                done += batch.bytes;
                index.apply(batch);
                progress(done, total);
            }
            LoadMsg::Rejects(rejects) => index.add_rejects(rejects),
            LoadMsg::Indexed(ack) => {
                let _ = ack.send(());
            }
            LoadMsg::Done => break,
        }
    }
    let read_parse_index = started.elapsed();
    let phase = Instant::now();
    index.ensure_sorted();
    let sort = phase.elapsed();
    let phase = Instant::now();
    index.shrink_to_fit();
    release_free_memory();
    LoadTimings {
        read_parse_index,
        sort,
        compact: phase.elapsed(),
    }
}
