use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use super::text::{count, fit, minute};
use crate::app::{AppState, Mode, Screen};
use crate::sanitize::display;

pub fn banner(frame: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    let text = state.banner.as_deref().unwrap_or_default();
    frame.render_widget(
        Paragraph::new(fit(text, usize::from(area.width))).style(theme.banner),
        area,
    );
}

/// The filter always in view: editing with `:`, its error in place, shown/total counts.
pub fn filter(frame: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    let shown = format!(
        "{} / {}",
        count(state.timeline_rows().len()),
        count(state.index.len())
    );
    let width = usize::from(area.width);
    let line = if state.mode == Mode::Filter {
        let mut spans = vec![
            Span::styled(":", theme.header),
            Span::raw(display(&state.filter.editing).into_owned()),
            Span::styled("█", theme.dim),
        ];
        if let Some(error) = &state.filter.error {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(
                fit(error, width.saturating_sub(state.filter.editing.len() + 4)),
                theme.error,
            ));
        }
        Line::from(spans)
    } else {
        let text = if state.filter.text.is_empty() {
            "(none: press : to filter, / to pick actions)".to_owned()
        } else {
            state.filter.text.clone()
        };
        let room = width.saturating_sub(shown.len() + 10);
        let left = format!("filter: {}", fit(&text, room));
        let pad = width.saturating_sub(left.chars().count() + shown.len());
        Line::from(vec![
            Span::styled(left, theme.text),
            Span::raw(" ".repeat(pad)),
            Span::styled(shown, theme.header),
        ])
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// Counts, duplicates, rejects, the time range, load progress and the help hint.
pub fn status(frame: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    let mut parts = vec![format!(
        "{}/{} events",
        count(state.timeline_rows().len()),
        count(state.index.len())
    )];
    parts.push(format!(
        "{} dup",
        count(usize::try_from(state.index.duplicates()).unwrap_or(usize::MAX))
    ));
    parts.push(format!(
        "{} rejected (R)",
        count(state.index.rejects().len())
    ));
    if let Some((first, last)) = state.index.time_range() {
        parts.push(format!(
            "{} → {}{}",
            minute(first, state.local_time, false),
            minute(last, state.local_time, false),
            if state.local_time { " local" } else { " UTC" }
        ));
    }
    if !state.load.finished && state.load.total_bytes > 0 {
        let percent = state.load.done_bytes.saturating_mul(100) / state.load.total_bytes.max(1);
        parts.push(format!("loading {percent}%"));
    }
    if let Screen::Identity(_) = state.screen {
        parts.push("Esc back".into());
    }
    parts.push("? help".into());
    let text = match &state.notice {
        Some(notice) => format!("{} · {}", display(notice), parts.join(" · ")),
        None => parts.join(" · "),
    };
    frame.render_widget(
        Paragraph::new(fit(&text, usize::from(area.width))).style(theme.dim),
        area,
    );
}
