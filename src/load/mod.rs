//! Loading: inputs -> units of work -> parsed batches, on a pool of worker threads, sent
//! over a bounded channel to whoever owns the index.
//!
//! ```text
//!  inputs ─► plan (open, map, detect) ─► units ─► rayon workers ─► fix line numbers ─► channel ─► Index::apply
//!  live sources (tail, folder, stdin, tcp, http) ─► Feed ─┘
//! ```
//!
//! Every channel is bounded, so a reader that outruns the index owner waits (backpressure)
//! instead of dropping records.

mod batch;
mod feed;
mod line_feed;
mod lines;
mod plan;
mod stream;
mod trim;
mod worker;

pub use batch::{Batch, BatchBuilder};
pub use feed::Feed;
pub use line_feed::{LineFeed, ReadBuffer, TRY_WHOLE_UP_TO, is_whole_record};
pub use stream::MAX_LOCAL_LINE;
pub use worker::{parse_buffer, parse_buffer_at};

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::index::{Index, SourceInfo};
use crate::model::{Reject, SourceId};
use crate::source::Input;

/// What a load sends to the index owner, in this order per source: its `Source`, then
/// batches. `Done` once the inputs given at the start are read; live sources go on after.
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "a batch is the common message; boxing it would allocate once more per batch"
)]
pub enum LoadMsg {
    /// An input is open; this many more bytes will be read.
    Started {
        total_bytes: u64,
    },
    Source(SourceId, SourceInfo),
    Batch(Batch),
    Rejects(Vec<Reject>),
    /// Everything sent before this is indexed once the owner has taken this; it answers
    /// (a network request waits for that before saying "accepted").
    Indexed(tokio::sync::oneshot::Sender<()>),
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
    spawn_live(inputs, ids, |_| {})
}

/// Loads `inputs`, then hands a [`Feed`] to `live`, which starts the live sources; the
/// channel stays open while any of them runs.
#[must_use]
pub fn spawn_live(
    inputs: Vec<Input>,
    ids: SourceIds,
    live: impl FnOnce(Feed) + Send + 'static,
) -> Receiver<LoadMsg> {
    let (tx, rx) = sync_channel(CHANNEL_DEPTH);
    std::thread::spawn(move || {
        // Threads inherit it: workers, readers and listeners all yield to the UI thread.
        lower_priority();
        run(inputs, ids, &tx, live);
    });
    rx
}

/// What the forwarder hears: a unit's batch, or how many units the start-up inputs made.
#[allow(
    clippy::large_enum_variant,
    reason = "sent once per unit of work, megabytes each; boxing would gain nothing"
)]
enum Finished {
    Unit(worker::UnitDone, Batch),
    Planned(u64),
}

/// A pipeline: a planner opens the inputs one by one and hands their units to the
/// workers at once (so the first events show while thousands of files are still being
/// opened); this thread forwards the workers' batches with their lines fixed.
fn run(
    inputs: Vec<Input>,
    ids: SourceIds,
    tx: &SyncSender<LoadMsg>,
    live: impl FnOnce(Feed) + Send,
) {
    let (unit_tx, unit_rx) = sync_channel::<plan::Unit>(CHANNEL_DEPTH);
    let (done_tx, done_rx) = sync_channel(CHANNEL_DEPTH);
    std::thread::scope(|scope| {
        let feed = Feed::new(ids, tx.clone(), unit_tx);
        let planner_done = done_tx.clone();
        scope.spawn(move || {
            for input in &inputs {
                if !feed.add_input(input) {
                    return;
                }
            }
            let _ = planner_done.send(Finished::Planned(feed.initial_units()));
            live(feed.live());
        });
        scope.spawn(move || {
            let work = move || {
                unit_rx
                    .into_iter()
                    .par_bridge()
                    .for_each_with(done_tx, |tx, unit| {
                        let (done, batch) = worker::run_unit(unit);
                        let _ = tx.send(Finished::Unit(done, batch));
                    });
            };
            // Workers wait on the index owner when it falls behind; in the global pool they
            // would leave none for the owner's own parallel sort, which it may be waiting on.
            let pool = rayon::ThreadPoolBuilder::new()
                .thread_name(|i| format!("qtrail-parse-{i}"))
                .build();
            match pool {
                Ok(pool) => pool.install(work),
                Err(_) => work(),
            }
        });
        forward(&done_rx, tx);
    });
}

/// Loading yields the processor to the explorer's own thread: with more busy loader
/// threads than cores, a key would otherwise wait for its turn behind them. Failing to
/// lower it (a system that forbids it) only costs that.
pub fn lower_priority() {
    if let Ok(nice) = 30u8.try_into() {
        let _ = thread_priority::set_current_thread_priority(
            thread_priority::ThreadPriority::Crossplatform(nice),
        );
    }
}

/// Sends the workers' batches on, their rejects' lines fixed, and `Done` once the
/// start-up inputs are all through.
fn forward(done_rx: &Receiver<Finished>, tx: &SyncSender<LoadMsg>) {
    let mut fixer = lines::LineFixer::default();
    let (mut initial_done, mut planned, mut announced) = (0, None, false);
    let mut trimmer = trim::Trimmer::default();
    loop {
        let finished = match done_rx.recv_timeout(trim::QUIET) {
            Ok(finished) => finished,
            Err(RecvTimeoutError::Timeout) => {
                trimmer.quiet();
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        };
        match finished {
            Finished::Unit(done, mut batch) => {
                initial_done += u64::from(done.initial);
                trimmer.batch();
                fixer.fix(&done, &mut batch.rejects);
                let ready = fixer.release();
                let sent = tx.send(LoadMsg::Batch(batch)).is_ok()
                    && (ready.is_empty() || tx.send(LoadMsg::Rejects(ready)).is_ok());
                if !sent {
                    return;
                }
            }
            Finished::Planned(units) => planned = Some(units),
        }
        if !announced && planned == Some(initial_done) {
            announced = true;
            // Only those whose lines are known: live sources may still have units running.
            let ready = fixer.release();
            if (!ready.is_empty() && tx.send(LoadMsg::Rejects(ready)).is_err())
                || tx.send(LoadMsg::Done).is_err()
            {
                return;
            }
        }
    }
    let _ = tx.send(LoadMsg::Rejects(fixer.release_all()));
    if !announced {
        let _ = tx.send(LoadMsg::Done);
    }
    trimmer.finish();
}

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
    trim::release_free_memory();
    LoadTimings {
        read_parse_index,
        sort,
        compact: phase.elapsed(),
    }
}
