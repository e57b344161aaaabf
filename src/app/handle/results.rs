//! What the effect runner hands back: originals read, searches of originals finished.

use crate::app::effect::{Effect, RawScanDone};
use crate::app::state::AppState;
use crate::model::RawRef;

/// An original arrived; it is shown if its row still holds the event it was read for.
pub fn original_read(
    state: &mut AppState,
    row: u32,
    raw: RawRef,
    original: Result<serde_json::Value, String>,
) -> Vec<Effect> {
    let same = state.index.rows().get(row as usize).map(|r| r.raw) == Some(raw);
    if same {
        state.detail.loaded(row, original);
    }
    Vec::new()
}

/// A search of originals finished: its rows replace the current ones (or, for rows
/// added while streaming, join them) if still wanted.
pub fn scanned(state: &mut AppState, done: RawScanDone) -> Vec<Effect> {
    if done.generation != state.generation {
        return Vec::new();
    }
    state.filter.scanning = false;
    let mut effects = if done.added {
        state.merge_rows(&done.rows)
    } else {
        state.rows = done.rows;
        state.regroup();
        state.after_rows_changed()
    };
    // Events that arrived during the scan waited for it: take them in now, as the stream
    // may have gone quiet and no further refresh come.
    if state
        .rows_cover
        .is_some_and(|(from, _)| from < state.index.len())
    {
        effects.extend(state.refresh_added_rows().unwrap_or_default());
    }
    effects
}
