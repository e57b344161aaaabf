use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Theme;
use super::chrome::block;
use super::text::{fit, fit_end, pad, time};
use crate::app::AppState;
use crate::model::Column;
use crate::model::Outcome;
use crate::names::compact_identity;
use crate::sanitize::display;

/// Widths of the columns that share the line's free space.
struct Widths {
    identity: usize,
    action: usize,
    ip: usize,
}

impl Widths {
    fn of(width: usize) -> Widths {
        let rest = width.saturating_sub(22 + 16);
        let identity = (rest * 45 / 100).clamp(10, 48);
        let action = rest.saturating_sub(identity).clamp(12, 44);
        Widths {
            identity,
            action,
            ip: width.saturating_sub(23 + identity + action),
        }
    }
}

/// One row an event: time, a `!` for failures (readable without colour), identity,
/// action and source IP. Only the visible rows are built, whatever the list's length.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, theme: &Theme, focused: bool) {
    let rows = state.timeline_rows();
    let w = Widths::of(usize::from(area.width.saturating_sub(2)));
    let mut lines = vec![header(state, &w, theme)];
    let height = usize::from(area.height.saturating_sub(3));
    let first = state.timeline().offset;
    for (i, &id) in rows.iter().enumerate().skip(first).take(height) {
        lines.push(event_line(
            state,
            id,
            i == state.timeline().selected,
            &w,
            theme,
        ));
    }
    if rows.is_empty() {
        let loading = !state.load().finished && state.load().total_bytes > 0;
        lines.push(Line::styled(
            if loading {
                "loading…"
            } else {
                "no events match"
            },
            theme.dim,
        ));
    }
    let title = if state.filter().scanning() {
        "timeline (searching originals…)"
    } else {
        "timeline"
    };
    frame.render_widget(
        Paragraph::new(lines).block(block(title, focused, theme)),
        area,
    );
}

fn header<'a>(state: &AppState, w: &Widths, theme: &Theme) -> Line<'a> {
    let zone = if state.local_time() {
        "TIME (LOCAL)"
    } else {
        "TIME (UTC)"
    };
    let (id_w, action_w) = (w.identity, w.action);
    Line::styled(
        format!(
            "{zone:<19} ! {:<id_w$} {:<action_w$} SOURCE IP",
            "IDENTITY", "ACTION"
        ),
        theme.header,
    )
}

fn event_line<'a>(
    state: &AppState,
    id: u32,
    selected: bool,
    w: &Widths,
    theme: &Theme,
) -> Line<'a> {
    let row = state.index().row(id);
    let failed = row.outcome == Outcome::Failure;
    let identity = fit(
        &compact_identity(state.index().text(row, Column::Identity)),
        w.identity,
    );
    let action = fit_end(&display(state.index().text(row, Column::Action)), w.action);
    let ip = fit(state.index().text(row, Column::Ip), w.ip);
    let style = if selected {
        theme.selected
    } else if failed {
        theme.failure
    } else {
        theme.text
    };
    let mark = if failed { "!" } else { " " };
    let when = time(row.time_ms, state.local_time());
    let (identity, action) = (pad(&identity, w.identity), pad(&action, w.action));
    Line::styled(format!("{when} {mark} {identity} {action} {ip}"), style)
}
