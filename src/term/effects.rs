//! The effect runner: carries out the I/O `update` asks for, off the UI thread, and hands
//! the results back as messages. The event loop, the tests and the benchmarks all run
//! effects through it.

use std::io::Write;
use std::sync::{Arc, Mutex};

use base64::Engine;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use rustc_hash::FxHashMap;

use crate::app::{
    AppState, Clock, Effect, Msg, RawScan, RawScanDone, ValueCount, parse_original, update,
};
use crate::filter::{keep_raw_matches, values_at};
use crate::source::RawReader;

/// Whether the explorer goes on after an effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

pub struct EffectRunner {
    reader: Arc<Mutex<RawReader>>,
    done_tx: UnboundedSender<Msg>,
    done_rx: UnboundedReceiver<Msg>,
    /// Effects started whose result has not been taken yet.
    in_flight: usize,
    /// Where OSC 52 clipboard sequences go: the terminal, or a buffer in tests.
    clipboard: Box<dyn Write + Send>,
}

impl EffectRunner {
    #[must_use]
    pub fn new(clipboard: Box<dyn Write + Send>) -> EffectRunner {
        let (done_tx, done_rx) = unbounded_channel();
        EffectRunner {
            reader: Arc::new(Mutex::new(RawReader::new())),
            done_tx,
            done_rx,
            in_flight: 0,
            clipboard,
        }
    }

    /// Starts one effect; reads and searches go to a thread of their own.
    pub fn run(&mut self, effect: Effect) -> Flow {
        match effect {
            Effect::Quit => return Flow::Quit,
            Effect::ReadOriginal { row, raw, sources } => {
                let reader = Arc::clone(&self.reader);
                self.spawn(move || {
                    let bytes = match reader.lock() {
                        Ok(mut reader) => reader.read(&sources, raw).map_err(|e| e.to_string()),
                        Err(_) => Err("reader unavailable".to_owned()),
                    };
                    let original = parse_original(bytes);
                    Msg::OriginalRead { row, raw, original }
                });
            }
            Effect::ScanRaw(scan) => self.spawn(move || Msg::Scanned(search(&scan))),
            Effect::CountValues(count) => self.spawn(move || count_values(&count)),
            Effect::Copy(text) => self.copy_osc52(&text),
        }
        Flow::Continue
    }

    /// Starts every effect in turn; `Quit` as soon as one asks for it.
    pub fn run_all(&mut self, effects: Vec<Effect>) -> Flow {
        for effect in effects {
            if self.run(effect) == Flow::Quit {
                return Flow::Quit;
            }
        }
        Flow::Continue
    }

    fn spawn(&mut self, work: impl FnOnce() -> Msg + Send + 'static) {
        self.in_flight += 1;
        let done = self.done_tx.clone();
        std::thread::spawn(move || {
            let _ = done.send(work());
        });
    }

    /// The next result, once one is ready.
    pub async fn next(&mut self) -> Option<Msg> {
        let msg = self.done_rx.recv().await;
        self.in_flight = self.in_flight.saturating_sub(usize::from(msg.is_some()));
        msg
    }

    /// Waits for every effect in flight, each result handed to `update` (and the effects
    /// those ask for run in turn), so that a test or a benchmark sees the state the loop
    /// would reach. Call it outside an async runtime.
    pub fn settle(&mut self, state: &mut AppState, clock: Clock) -> Flow {
        while self.in_flight > 0 {
            let Some(msg) = self.done_rx.blocking_recv() else {
                break;
            };
            self.in_flight -= 1;
            let effects = update(state, msg, clock);
            if self.run_all(effects) == Flow::Quit {
                return Flow::Quit;
            }
        }
        Flow::Continue
    }

    /// OSC 52 puts text on the clipboard of the terminal the user sits at, over SSH too.
    fn copy_osc52(&mut self, text: &str) {
        let encoded = base64::engine::general_purpose::STANDARD.encode(text);
        let _ = write!(self.clipboard, "\x1b]52;c;{encoded}\x07");
        let _ = self.clipboard.flush();
    }
}

/// Reads each original and counts the values found at the path.
fn count_values(count: &ValueCount) -> Msg {
    let mut reader = RawReader::new();
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    for &raw in &count.candidates {
        if let Ok(bytes) = reader.read(&count.sources, raw) {
            for value in values_at(&bytes, &count.path) {
                *counts.entry(value).or_default() += 1;
            }
        }
    }
    Msg::ValuesCounted {
        generation: count.generation,
        counts: counts.into_iter().collect(),
    }
}

fn search(scan: &RawScan) -> RawScanDone {
    let candidates = scan.candidates.iter().copied();
    let rows = keep_raw_matches(
        &scan.matcher,
        candidates,
        &scan.sources,
        &mut RawReader::new(),
    );
    RawScanDone {
        generation: scan.generation,
        rows,
        added: scan.added,
    }
}
