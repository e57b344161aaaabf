//! Carrying out `update`'s effects off the UI task; results come back as [`Outcome`]s.

use std::io::Write;
use std::sync::{Arc, Mutex};

use base64::Engine;
use tokio::sync::mpsc::UnboundedSender;

use crate::app::AppState;
use crate::app::refresh::RawScanDone;
use crate::app::update::Effect;
use crate::filter::keep_raw_matches;
use crate::source::RawReader;

/// A finished effect, for the loop to hand back to the state.
pub enum Outcome {
    /// The original of a row, with where it was read from: after an eviction renumbered
    /// the rows, the same id may name another event.
    Original(u32, crate::model::RawRef, Result<serde_json::Value, String>),
    Scanned(RawScanDone),
}

/// Runs one effect. Returns `false` for `Quit`.
pub fn run(
    effect: Effect,
    state: &AppState,
    reader: &Arc<Mutex<RawReader>>,
    done: &UnboundedSender<Outcome>,
) -> bool {
    match effect {
        Effect::Quit => return false,
        Effect::ReadOriginal(row) => {
            let raw = state.index.row(row).raw;
            let sources = state.index.shared_sources();
            let (reader, done) = (Arc::clone(reader), done.clone());
            tokio::task::spawn_blocking(move || {
                let bytes = match reader.lock() {
                    Ok(mut reader) => reader.read(&sources, raw).map_err(|e| e.to_string()),
                    Err(_) => Err("reader unavailable".to_owned()),
                };
                let original = crate::app::detail::parse_original(bytes);
                let _ = done.send(Outcome::Original(row, raw, original));
            });
        }
        Effect::ScanRaw(scan) => {
            let done = done.clone();
            tokio::task::spawn_blocking(move || {
                let candidates = scan.candidates.iter().copied();
                let rows = keep_raw_matches(
                    &scan.matcher,
                    candidates,
                    &scan.sources,
                    &mut RawReader::new(),
                );
                let _ = done.send(Outcome::Scanned(RawScanDone {
                    generation: scan.generation,
                    rows,
                    added: scan.added,
                }));
            });
        }
        Effect::Copy(text) => copy_osc52(&text),
    }
    true
}

/// OSC 52 puts text on the clipboard of the terminal the user sits at, over SSH too.
fn copy_osc52(text: &str) {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = std::io::stdout();
    let _ = write!(out, "\x1b]52;c;{encoded}\x07");
    let _ = out.flush();
}
