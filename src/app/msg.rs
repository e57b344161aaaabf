//! What changes the explorer's state. Every change arrives as a [`Msg`] and goes through
//! [`update`](super::update::update), with the time it was taken at.

use std::time::Instant;

use super::command::Command;
use super::effect::RawScanDone;
use crate::load::LoadMsg;
use crate::model::RawRef;

#[allow(
    clippy::large_enum_variant,
    reason = "a loader's batch is the common message; boxing it would allocate once more per batch"
)]
pub enum Msg {
    /// What a key means, found in the keymap.
    Command(Command),
    /// The frame's geometry for the terminal's size and the current screen.
    Layout(Pages),
    /// A loader's message: a source, a batch, rejects, progress, the end of the start-up load.
    Loaded(LoadMsg),
    /// Time to show what arrived since the last refresh (the event loop throttles these).
    Refresh,
    /// A second passed: the live ingest rate is sampled.
    Tick,
    /// Every source has ended (piped stdin closed, followed files gone): nothing more
    /// will arrive.
    SourcesEnded,
    /// The original record of a row, read where it lives, or why it could not be.
    OriginalRead {
        row: u32,
        /// Where it was read from: after an eviction renumbered the rows, the same id may
        /// name another event.
        raw: RawRef,
        original: Result<serde_json::Value, String>,
    },
    /// A search of originals for a bare-word filter finished.
    Scanned(RawScanDone),
    /// The values of a path over the originals, counted (most frequent first).
    ValuesCounted {
        generation: u64,
        counts: Vec<(String, usize)>,
    },
}

/// Lines of the main list and of the detail pane that fit, and columns of the histogram,
/// as the view lays the frame out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pages {
    pub list: usize,
    pub detail: usize,
    pub columns: usize,
}

impl Default for Pages {
    fn default() -> Self {
        Pages {
            list: 10,
            detail: 10,
            columns: 60,
        }
    }
}

/// When a message is handled: the wall clock for relative filters (`since:15m` counts from
/// the message, not from the start), the monotonic one for rates.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    pub wall_ms: i64,
    pub mono: Instant,
}

impl Clock {
    #[must_use]
    pub fn now() -> Clock {
        Clock {
            wall_ms: chrono::Utc::now().timestamp_millis(),
            mono: Instant::now(),
        }
    }

    /// A fixed wall time (tests, snapshots).
    #[must_use]
    pub fn at(wall_ms: i64) -> Clock {
        Clock {
            wall_ms,
            mono: Instant::now(),
        }
    }
}
