use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{fit, time};
use super::{Theme, block};
use crate::app::AppState;
use crate::index::Column;
use crate::model::Outcome;
use crate::names::compact_identity;

/// One row an event: time, a `!` for failures (readable without colour), identity,
/// action and source IP. Only the visible rows are built, whatever the list's length.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, theme: &Theme, focused: bool) {
    let rows = state.timeline_rows();
    let title = if state.filter.scanning {
        "timeline (searching originals…)"
    } else {
        "timeline"
    };
    let inner_width = usize::from(area.width.saturating_sub(2));
    let (id_w, action_w) = column_widths(inner_width);
    let zone = if state.local_time { "LOCAL" } else { "UTC" };
    let mut lines = vec![Line::styled(
        format!(
            "{:<19} ! {:<id_w$} {:<action_w$} SOURCE IP",
            format!("TIME ({zone})"),
            "IDENTITY",
            "ACTION"
        ),
        theme.header,
    )];
    let height = usize::from(area.height.saturating_sub(3));
    let end = (state.timeline.offset + height).min(rows.len());
    for (i, &id) in rows
        .iter()
        .enumerate()
        .take(end)
        .skip(state.timeline.offset)
    {
        let row = state.index.row(id);
        let failed = row.outcome == Outcome::Failure;
        let mark = if failed { "!" } else { " " };
        let identity = fit(
            &compact_identity(state.index.text(row, Column::Identity)),
            id_w,
        );
        let action = fit(state.index.text(row, Column::Action), action_w);
        let ip = fit(
            state.index.text(row, Column::Ip),
            inner_width.saturating_sub(23 + id_w + action_w),
        );
        let style = if i == state.timeline.selected {
            theme.selected
        } else if failed {
            theme.failure
        } else {
            theme.text
        };
        lines.push(Line::from(vec![Span::styled(
            format!(
                "{} {mark} {identity:<id_w$} {action:<action_w$} {ip}",
                time(row.time_ms, state.local_time)
            ),
            style,
        )]));
    }
    if rows.is_empty() {
        let why = if state.load.finished || state.load.total_bytes == 0 {
            "no events match"
        } else {
            "loading…"
        };
        lines.push(Line::styled(why, theme.dim));
    }
    frame.render_widget(
        Paragraph::new(lines).block(block(title, focused, theme)),
        area,
    );
}

fn column_widths(width: usize) -> (usize, usize) {
    let rest = width.saturating_sub(22 + 16);
    let identity = (rest * 45 / 100).clamp(10, 48);
    let action = rest.saturating_sub(identity).clamp(12, 44);
    (identity, action)
}
