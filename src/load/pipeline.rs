//! The load pipeline: a planner opens the inputs and cuts them into units, worker threads
//! parse the units, and this module's forwarder sends the batches on, in order per source,
//! over a bounded channel to whoever owns the index.

use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};

use rayon::iter::{ParallelBridge, ParallelIterator};

use super::message::{LoadMsg, SourceIds};
use super::{Batch, Feed, lines, plan, trim, worker};
use crate::source::Input;

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
                if !super::add_input(&feed, input) {
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
