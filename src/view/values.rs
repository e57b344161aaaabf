//! `v`: the values overlay, a field's or a JSON path's most frequent values over the
//! events shown, each with its count and share; Enter on one filters to it.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::Theme;
use super::chrome::{block, centred};
use super::text::{count, fit};
use crate::app::AppState;
use crate::app::values::ValuesState;
use crate::sanitize::display;

pub fn render(frame: &mut Frame, state: &AppState, theme: &Theme) {
    let screen = frame.area();
    let area = centred(
        screen,
        screen.width.saturating_sub(8).min(100),
        screen.height.saturating_sub(4).min(30),
    );
    let values = state.values();
    let width = usize::from(area.width.saturating_sub(2));
    let shown = state.timeline_rows().len();
    let mut lines = vec![Line::from(vec![
        Span::styled("values of ", theme.header),
        Span::raw(display(values.input()).into_owned()),
        Span::styled("█", theme.dim),
        Span::styled(
            "   a field (ip, ua, identity…) or a JSON path, Enter counts",
            theme.dim,
        ),
    ])];
    lines.push(status(values, shown, width, theme));
    let rows = usize::from(area.height.saturating_sub(4));
    let list = values.list();
    let total = shown.max(1);
    for (i, (value, n)) in values
        .counts()
        .iter()
        .enumerate()
        .skip(list.offset)
        .take(rows)
    {
        let share = n * 100 / total;
        let text = format!("{:>9} {share:>3}%  {}", count(*n), display(value));
        let style = if i == list.selected {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::styled(fit(&text, width), style));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(block("values", true, theme)),
        area,
    );
}

/// Why nothing is listed, or what is.
fn status<'a>(values: &ValuesState, shown: usize, width: usize, theme: &Theme) -> Line<'a> {
    match (values.error(), values.counting(), values.counted()) {
        (Some(why), _, _) => Line::styled(fit(why, width), theme.error),
        (None, true, _) => Line::styled("reading the original records…", theme.dim),
        (None, false, Some(field)) => {
            let text = format!(
                "{} values of {field} over {} events · Enter filters to one · Esc closes",
                count(values.counts().len()),
                count(shown)
            );
            Line::styled(fit(&text, width), theme.dim)
        }
        (None, false, None) => Line::raw(""),
    }
}
