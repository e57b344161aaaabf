//! The frame's geometry, and what depends on it: lists scrolled to fit their pages, the
//! histogram's columns, the distinct counts of the identities on screen. Worked out here,
//! after each message, so that drawing only reads the state.

use crate::app::effect::Effect;
use crate::app::identities::distinct_counts;
use crate::app::msg::Pages;
use crate::app::state::{AppState, Screen};
use crate::index::{Bucket, MINUTE_MS};
use crate::model::Outcome;

/// The view laid the frame out anew (a resize, another screen): pages follow it, and the
/// selected event's original is asked for if none is shown yet.
pub fn layout(state: &mut AppState, pages: Pages) -> Vec<Effect> {
    state.pages = pages;
    state.detail.page = pages.detail;
    state.after_rows_changed()
}

/// After every message: the histogram when what it shows changed, and the distinct counts
/// of the identity groups that came into view.
pub fn settle(state: &mut AppState) {
    count_visible_identities(state);
    if state.screen != Screen::Events {
        return;
    }
    let key = (
        state.generation,
        state.timeline_rows().len(),
        state.zoom,
        state.pages.columns,
        state.screen,
    );
    if state.histogram_key != Some(key) {
        state.histogram = compute_histogram(state);
        state.histogram_key = Some(key);
    }
}

/// Events and failures per histogram column over the shown range, from the listed rows
/// (they are in time order, so the range is found by binary search).
fn compute_histogram(state: &AppState) -> Vec<Bucket> {
    let columns = state.pages.columns.max(1);
    let mut out = vec![Bucket::default(); columns];
    let Some((from, to)) = state.histogram_range() else {
        return out;
    };
    let per_column = (to - from) / i64::try_from(columns).unwrap_or(1);
    if state.screen == Screen::Events && state.filter.is_empty() && per_column >= MINUTE_MS {
        // Every event is listed: the index's per-minute counts answer without a pass.
        return state.index.buckets().histogram(from, to, columns);
    }
    let rows = state.timeline_rows();
    let time = |id: &u32| state.index.row(*id).time_ms;
    let lo = rows.partition_point(|id| time(id) < from);
    let hi = rows.partition_point(|id| time(id) < to);
    let span = i128::from((to - from).max(1));
    for id in &rows[lo..hi] {
        let row = state.index.row(*id);
        let slot =
            usize::try_from(i128::from(row.time_ms - from) * columns as i128 / span).unwrap_or(0);
        let bucket = &mut out[slot.min(columns - 1)];
        bucket.events += 1;
        bucket.failures += u32::from(row.outcome == Outcome::Failure);
    }
    out
}

/// Distinct actions and IPs for the identity groups on screen (counting every group of a
/// million events on each change would not fit in a frame).
fn count_visible_identities(state: &mut AppState) {
    if state.screen != Screen::Identities {
        return;
    }
    let list = state.identities.list;
    let end = (list.offset + state.pages.list).min(state.identities.groups.len());
    let visible = list.offset.min(end)..end;
    if state.identities.groups[visible.clone()]
        .iter()
        .all(|g| g.distinct.is_some())
    {
        return;
    }
    let listed = (!state.filter.is_empty()).then(|| {
        let mut listed = vec![false; state.index.len()];
        for &id in &state.rows {
            listed[id as usize] = true;
        }
        listed
    });
    for g in &mut state.identities.groups[visible] {
        if g.distinct.is_none() {
            g.distinct = Some(distinct_counts(&state.index, &g.members, listed.as_deref()));
        }
    }
}
