//! Data arriving while the explorer runs: the start-up load in the background, then live
//! sources. Loader messages go straight into the index; what they change on screen is
//! recomputed at the next refresh, which the event loop throttles.

use std::time::Instant;

use crate::app::effect::Effect;
use crate::app::state::{AppState, Pending};
use crate::load::LoadMsg;

/// A loader's message, taken into the index.
pub fn loaded(state: &mut AppState, msg: LoadMsg) -> Vec<Effect> {
    let needed = match msg {
        LoadMsg::Started { total_bytes } => {
            state.load.total_bytes += total_bytes;
            Pending::Draw
        }
        LoadMsg::Source(id, info) => {
            state.index.set_source(id, info);
            Pending::Draw
        }
        LoadMsg::Batch(batch) => {
            state.load.done_bytes += batch.bytes;
            state.index.apply(batch);
            Pending::Data
        }
        LoadMsg::Rejects(rejects) => {
            state.index.add_rejects(rejects);
            Pending::Draw
        }
        LoadMsg::Indexed(ack) => {
            let _ = ack.send(());
            Pending::Nothing
        }
        LoadMsg::Done => {
            state.load.finished = true;
            Pending::Data
        }
    };
    state.pending = state.pending.max(needed);
    Vec::new()
}

/// The throttled refresh: what arrived since the last one is shown.
pub fn refresh(state: &mut AppState) -> Vec<Effect> {
    match std::mem::take(&mut state.pending) {
        Pending::Data => data_changed(state),
        Pending::Draw | Pending::Nothing => Vec::new(),
    }
}

/// A second passed: the ingest rate is sampled.
pub fn tick(state: &mut AppState, now: Instant) -> Vec<Effect> {
    let received = state.index.received();
    state.follow.sample(now, received);
    Vec::new()
}

/// Nothing more will arrive: the status bar stops saying `LIVE`.
pub fn ended(state: &mut AppState) -> Vec<Effect> {
    if state.follow.active {
        state.follow.active = false;
        state.follow.ended = true;
    }
    Vec::new()
}

/// Evicts beyond `--max-events`, re-sorts new events in and re-runs the filter, keeping
/// the cursor on its event (or on the newest while following).
fn data_changed(state: &mut AppState) -> Vec<Effect> {
    let selected = state.selected_row().filter(|_| state.cursor_moved);
    let key = selected.map(|row| state.index.order_key(row));
    if let Some(max) = state.follow.max_events
        && state.index.evict_beyond(max)
    {
        state.detail.select(None, None);
    }
    if !state.cursor_moved {
        state.timeline.to_top();
    }
    let mut effects = match state.refresh_added_rows() {
        Some(effects) => effects,
        None => state.refresh_rows(),
    };
    let len = state.timeline_rows().len();
    let page = state.pages.list;
    if state.follow.following {
        state.timeline.to_bottom(len, page);
    } else if let Some(key) = key {
        let at = state
            .timeline_rows()
            .partition_point(|&r| state.index.order_key(r) < key);
        state.timeline.selected = at;
        state.timeline.clamp(len, page);
    } else {
        return effects;
    }
    effects.extend(state.select_detail());
    effects
}
