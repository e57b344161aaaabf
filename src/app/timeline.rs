//! Timeline commands: histogram zoom, narrowing to a bucket, related events.

use serde_json::Value;

use super::state::{AppState, RelatedCycle};
use super::update::{Effect, apply_filter_text, identity_of, quote};
use crate::filter::{Filter, TermKind};
use crate::parse::time::format_utc_millis;

/// The narrowest zoom: one minute.
const MIN_SPAN_MS: i64 = 60_000;

/// The range the histogram shows: the zoom, or the span of the listed events.
#[must_use]
pub fn histogram_range(state: &AppState) -> Option<(i64, i64)> {
    if let Some(range) = state.zoom {
        return Some(range);
    }
    let rows = state.timeline_rows();
    let first = state.index.row(*rows.first()?).time_ms;
    let last = state.index.row(*rows.last()?).time_ms;
    Some((first, last.max(first + MIN_SPAN_MS) + 1))
}

/// Zooms the histogram by `factor` around the selected event.
pub fn zoom(state: &mut AppState, factor: f64) -> Vec<Effect> {
    let Some((from, to)) = histogram_range(state) else {
        return Vec::new();
    };
    let center = state
        .selected_row()
        .map_or(i64::midpoint(from, to), |r| state.index.row(r).time_ms);
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_precision_loss,
        reason = "spans are far below 2^52 ms"
    )]
    let span = (((to - from) as f64) * factor).round() as i64;
    let span = span.max(MIN_SPAN_MS);
    state.zoom = Some((center - span / 2, center - span / 2 + span));
    if factor > 1.0
        && state
            .timeline_rows()
            .first()
            .is_some_and(|&r| state.index.row(r).time_ms >= center - span / 2)
    {
        state.zoom = None;
    }
    Vec::new()
}

/// Narrows the filter to the histogram bucket holding the selected event.
pub fn narrow_to_bucket(state: &mut AppState) -> Vec<Effect> {
    let (Some((from, to)), Some(row)) = (histogram_range(state), state.selected_row()) else {
        return Vec::new();
    };
    let columns = i64::try_from(state.histogram_columns.max(1)).unwrap_or(1);
    let width = ((to - from) / columns).max(1);
    let t = state.index.row(row).time_ms;
    let start = from + (t - from).div_euclid(width) * width;
    let mut kept = without_time(&state.filter.applied);
    let window = format!(
        " since:{} until:{}",
        format_utc_millis(start),
        format_utc_millis(start + width)
    );
    kept.push_str(&window);
    state.zoom = None;
    apply_filter_text(state, kept.trim())
}

fn without_time(filter: &Filter) -> String {
    Filter {
        terms: filter
            .terms
            .iter()
            .filter(|t| !matches!(t.kind, TermKind::Since(_) | TermKind::Until(_)))
            .cloned()
            .collect(),
    }
    .to_string()
}

/// Related events of the selected one, one more kind per press: the same request (or
/// CADF correlation) id, the same access key, the same identity or session. The cycle
/// stays with the event it started from until the cursor moves.
pub fn related(state: &mut AppState) -> Vec<Effect> {
    if state.related.is_none() {
        let Some(row) = state.selected_row() else {
            return Vec::new();
        };
        state.related = Some(RelatedCycle {
            filters: related_filters(state, row),
            next: 0,
        });
    }
    let Some(cycle) = state.related.as_mut() else {
        return Vec::new();
    };
    let text = cycle.filters[cycle.next % cycle.filters.len()].clone();
    cycle.next += 1;
    let then = cycle.filters[cycle.next % cycle.filters.len()].clone();
    let effects = apply_filter_text(state, &text);
    state.notice = Some(format!("related: {text}  (r again: {then})"));
    effects
}

fn related_filters(state: &AppState, row: u32) -> Vec<String> {
    let value = state.detail.value().cloned().unwrap_or(Value::Null);
    let record = ["detail", "payload"]
        .iter()
        .find_map(|k| value.get(*k).filter(|v| v.is_object()))
        .unwrap_or(&value);
    let request = ["requestID", "correlationId"]
        .iter()
        .find_map(|k| record.get(*k)?.as_str());
    let access_key = record
        .pointer("/userIdentity/accessKeyId")
        .and_then(Value::as_str)
        .filter(|k| !k.is_empty());
    let identity = identity_of(state, row);
    [
        request.map(|id| format!("id:{}", quote(id))),
        access_key.map(quote),
        Some(format!("identity:{}", quote(identity))),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Events and failures per histogram column over the shown range, from the listed rows
/// (they are in time order, so the range is found by binary search).
#[must_use]
pub fn compute_histogram(state: &AppState) -> Vec<crate::index::Bucket> {
    let columns = state.histogram_columns.max(1);
    let mut out = vec![crate::index::Bucket::default(); columns];
    let Some((from, to)) = histogram_range(state) else {
        return out;
    };
    let per_column = (to - from) / i64::try_from(columns).unwrap_or(1);
    let unfiltered =
        state.screen == super::state::Screen::Events && state.filter.applied.terms.is_empty();
    if unfiltered && per_column >= crate::index::MINUTE_MS {
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
        bucket.failures += u32::from(row.outcome == crate::model::Outcome::Failure);
    }
    out
}

impl AppState {
    /// Before drawing: list page size and histogram width from the layout, and the
    /// histogram itself when what it depends on changed.
    pub fn prepare_frame(&mut self, page: usize, detail_page: usize, columns: usize) {
        self.page = page;
        self.detail.page = detail_page;
        self.count_visible_identities();
        let key = (
            self.generation,
            self.timeline_rows().len(),
            self.zoom,
            columns,
            self.screen,
        );
        let shown = self.screen == super::state::Screen::Events;
        if shown && (self.histogram_columns != columns || self.histogram_key != Some(key)) {
            self.histogram_columns = columns;
            self.histogram = compute_histogram(self);
            self.histogram_key = Some((
                self.generation,
                self.timeline_rows().len(),
                self.zoom,
                columns,
                self.screen,
            ));
        }
    }

    /// Distinct actions and IPs for the identity groups on screen (counting every group
    /// of a million events on each change would not fit in a frame).
    fn count_visible_identities(&mut self) {
        if self.screen != super::state::Screen::Identities {
            return;
        }
        let list = self.identities.list;
        let visible = list.offset..(list.offset + self.page).min(self.identities.groups.len());
        if self.identities.groups[visible.clone()]
            .iter()
            .all(|g| g.distinct.is_some())
        {
            return;
        }
        let filtered = !self.filter.applied.terms.is_empty();
        let listed = filtered.then(|| {
            let mut listed = vec![false; self.index.len()];
            for &id in &self.rows {
                listed[id as usize] = true;
            }
            listed
        });
        for g in &mut self.identities.groups[visible] {
            if g.distinct.is_none() {
                g.distinct = Some(super::identities::distinct_counts(
                    &self.index,
                    &g.members,
                    listed.as_deref(),
                ));
            }
        }
    }
}
