//! What every pane and overlay is drawn in: a bordered block that shows focus, and a
//! centred rectangle for overlays.

use ratatui::layout::{Constraint, Flex, Layout, Rect};

use super::Theme;

/// A centred rectangle for an overlay, as large as the screen allows.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// A bordered block whose border shows focus.
pub fn block<'a>(title: &'a str, focused: bool, theme: &Theme) -> ratatui::widgets::Block<'a> {
    let style = if focused {
        theme.focused_border
    } else {
        theme.border
    };
    let title = if focused {
        format!("[{title}]")
    } else {
        format!(" {title} ")
    };
    ratatui::widgets::Block::bordered()
        .border_style(style)
        .title(title)
}
