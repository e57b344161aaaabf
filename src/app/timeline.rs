//! The timeline's own commands: histogram zoom, narrowing to a bucket, related events.

use serde_json::Value;

use super::effect::Effect;
use super::filter_text::{quote, without_time};
use super::state::{AppState, RelatedCycle};
use crate::model::Column;
use crate::parse::time::format_utc_millis;

/// The narrowest zoom: one minute.
const MIN_SPAN_MS: i64 = 60_000;

impl AppState {
    /// The range the histogram shows: the zoom, or the span of the listed events.
    #[must_use]
    pub fn histogram_range(&self) -> Option<(i64, i64)> {
        if let Some(range) = self.zoom {
            return Some(range);
        }
        let rows = self.timeline_rows();
        let first = self.index.row(*rows.first()?).time_ms;
        let last = self.index.row(*rows.last()?).time_ms;
        Some((first, last.max(first + MIN_SPAN_MS) + 1))
    }
}

/// Zooms the histogram by `factor` around the selected event.
pub fn zoom(state: &mut AppState, factor: f64) -> Vec<Effect> {
    let Some((from, to)) = state.histogram_range() else {
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
    let start = center - span / 2;
    let first_shown = state
        .timeline_rows()
        .first()
        .is_some_and(|&r| state.index.row(r).time_ms >= start);
    // Zoomed out past every listed event: back to showing them all.
    state.zoom = (factor <= 1.0 || !first_shown).then_some((start, start + span));
    Vec::new()
}

/// Narrows the filter to the histogram bucket holding the selected event.
pub fn narrow_to_bucket(state: &mut AppState) -> Vec<Effect> {
    let (Some((from, to)), Some(row)) = (state.histogram_range(), state.selected_row()) else {
        return Vec::new();
    };
    let columns = i64::try_from(state.pages.columns.max(1)).unwrap_or(1);
    let width = ((to - from) / columns).max(1);
    let t = state.index.row(row).time_ms;
    let start = from + (t - from).div_euclid(width) * width;
    let window = format!(
        "since:{} until:{}",
        format_utc_millis(start),
        format_utc_millis(start + width)
    );
    let text = format!("{} {window}", without_time(&state.filter.applied));
    state.zoom = None;
    state.apply_filter_text(text.trim())
}

/// Related events of the selected one, one more kind per press: the same request (or
/// CADF correlation) id, the same job, the same access key, the same identity or session. The cycle
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
    let effects = state.apply_filter_text(&text);
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
    let identity = state.index.text(state.index.row(row), Column::Identity);
    let job = Some(state.index.text(state.index.row(row), Column::Job)).filter(|j| !j.is_empty());
    [
        request.map(|id| format!("id:{}", quote(id))),
        job.map(|j| format!("job:{}", quote(j))),
        access_key.map(quote),
        Some(format!("identity:{}", quote(identity))),
    ]
    .into_iter()
    .flatten()
    .collect()
}
