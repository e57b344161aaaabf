//! Loading: inputs -> units of work -> parsed batches, on a pool of worker threads, sent
//! over a bounded channel to whoever owns the index.
//!
//! ```text
//!  inputs ─► plan (open, map, detect) ─► units ─► rayon workers ─► fix line numbers ─► channel ─► Index::apply
//! ```

mod batch;
mod lines;
mod plan;
mod stream;
mod trim;
mod worker;

pub use batch::{Batch, BatchBuilder};
pub use worker::parse_buffer;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::index::{Index, SourceInfo};
use crate::model::{Reject, SourceId};
use crate::source::Input;

/// What a load sends to the index owner, in this order per source: its `Source`, then
/// batches; `Done` once everything was read.
#[derive(Debug)]
pub enum LoadMsg {
    /// An input is open; this many more bytes will be read.
    Started {
        total_bytes: u64,
    },
    Source(SourceId, SourceInfo),
    Batch(Batch),
    Rejects(Vec<Reject>),
    Done,
}

/// Hands out source ids, shared by every loader feeding one index.
#[derive(Clone, Default)]
pub struct SourceIds(Arc<AtomicU32>);

impl SourceIds {
    #[must_use]
    pub fn next(&self) -> SourceId {
        self.0.fetch_add(1, Ordering::Relaxed)
    }
}

/// Batches in flight: enough to keep both workers busy, few enough to bound memory.
const CHANNEL_DEPTH: usize = 32;

/// Starts loading on background threads; messages arrive on the returned channel.
#[must_use]
pub fn spawn_load(inputs: Vec<Input>, ids: SourceIds) -> Receiver<LoadMsg> {
    let (tx, rx) = sync_channel(CHANNEL_DEPTH);
    std::thread::spawn(move || run(inputs, &ids, &tx));
    rx
}

/// A pipeline: a planner opens the inputs one by one and hands their units to the
/// workers at once (so the first events show while thousands of files are still being
/// opened); this thread forwards the workers' batches with their lines fixed.
fn run(inputs: Vec<Input>, ids: &SourceIds, tx: &SyncSender<LoadMsg>) {
    let (unit_tx, unit_rx) = sync_channel::<plan::Unit>(CHANNEL_DEPTH);
    let (done_tx, done_rx) = sync_channel(CHANNEL_DEPTH);
    let mut fixer = lines::LineFixer::default();
    std::thread::scope(|scope| {
        let planner_tx = tx.clone();
        scope.spawn(move || {
            for input in &inputs {
                let going_on = match input {
                    Input::Stdin => stream::stream(
                        ids.next(),
                        "-",
                        std::io::stdin().lock(),
                        &planner_tx,
                        &unit_tx,
                    ),
                    _ => announce(plan::plan(input, ids), &planner_tx, &unit_tx),
                };
                if !going_on {
                    return;
                }
            }
        });
        scope.spawn(move || {
            unit_rx
                .into_iter()
                .par_bridge()
                .for_each_with(done_tx, |tx, unit| {
                    let _ = tx.send(worker::run_unit(unit));
                });
        });
        for (done, mut batch) in done_rx {
            fixer.fix(&done, &mut batch.rejects);
            let ready = fixer.release();
            let sent = tx.send(LoadMsg::Batch(batch)).is_ok()
                && (ready.is_empty() || tx.send(LoadMsg::Rejects(ready)).is_ok());
            if !sent {
                return;
            }
        }
    });
    let _ = tx.send(LoadMsg::Rejects(fixer.release_all()));
    let _ = tx.send(LoadMsg::Done);
}

/// Sends an input's sources and rejects to the index owner, then its units to the
/// workers; the source always goes first, so no batch arrives for an unknown source.
fn announce(
    planned: plan::Planned,
    tx: &SyncSender<LoadMsg>,
    units: &SyncSender<plan::Unit>,
) -> bool {
    let plan::Planned {
        sources,
        units: work,
        rejects,
        total_bytes,
    } = planned;
    let mut messages = vec![LoadMsg::Started { total_bytes }];
    messages.extend(
        sources
            .into_iter()
            .map(|(id, info)| LoadMsg::Source(id, info)),
    );
    if !rejects.is_empty() {
        messages.push(LoadMsg::Rejects(rejects));
    }
    messages.into_iter().all(|m| tx.send(m).is_ok())
        && work.into_iter().all(|u| units.send(u).is_ok())
}

/// How long each phase of a blocking load took.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadTimings {
    /// Reading, parsing and indexing (worker threads and this one together).
    pub read_parse_index: std::time::Duration,
    /// Merging the rows into time order.
    pub sort: std::time::Duration,
    /// Shrinking the index and returning freed memory.
    pub compact: std::time::Duration,
}

/// Loads everything into `index` on this thread's behalf, calling `progress(done, total)`
/// in bytes as batches arrive. Returns when the load is complete.
pub fn load_blocking(
    inputs: Vec<Input>,
    index: &mut Index,
    mut progress: impl FnMut(u64, u64),
) -> LoadTimings {
    let started = std::time::Instant::now();
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
            LoadMsg::Done => break,
        }
    }
    let read_parse_index = started.elapsed();
    let phase = std::time::Instant::now();
    index.ensure_sorted();
    let sort = phase.elapsed();
    let phase = std::time::Instant::now();
    index.shrink_to_fit();
    trim::release_free_memory();
    LoadTimings {
        read_parse_index,
        sort,
        compact: phase.elapsed(),
    }
}
