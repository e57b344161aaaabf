use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::Theme;
use super::chrome::{block, centred};
use super::text::fit;
use crate::app::AppState;
use crate::filter::LANGUAGE;

/// `?`: every binding of the keymap, generated from it, then the filter language.
pub fn help(frame: &mut Frame, state: &AppState, theme: &Theme) {
    let area = centred(frame.area(), 76, 40);
    let keys = state
        .help()
        .iter()
        .map(|(keys, what)| Line::raw(format!("{:<22} {}", fit(keys, 22), what)));
    let language = LANGUAGE
        .iter()
        .map(|(term, what)| Line::raw(format!("{term:<22} {what}")));
    let heading = [
        Line::raw(""),
        Line::styled("filter (: or query --filter)", theme.header),
    ];
    let mut lines: Vec<Line> = keys
        .chain(heading)
        .chain(language)
        .skip(state.overlay().selected)
        .collect();
    lines.insert(
        0,
        Line::styled(
            "key                    what it does      (j/k scroll, Esc closes)",
            theme.header,
        ),
    );
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(block("help", true, theme)),
        area,
    );
}

/// `R`: the rejected records with their file, position and reason.
pub fn rejects(frame: &mut Frame, state: &AppState, theme: &Theme) {
    let area = centred(
        frame.area(),
        frame.area().width.saturating_sub(4),
        frame.area().height.saturating_sub(2),
    );
    let width = usize::from(area.width.saturating_sub(2));
    let rejects = state.index().rejects();
    let mut lines = vec![Line::styled(
        if state.index().rejected() > rejects.len() as u64 {
            format!(
                "{} rejected records, the first {} listed   (j/k scroll, Esc closes)",
                state.index().rejected(),
                rejects.len()
            )
        } else {
            format!(
                "{} rejected records   (j/k scroll, Esc closes)",
                rejects.len()
            )
        },
        theme.header,
    )];
    if rejects.is_empty() {
        lines.push(Line::raw("none: every record was indexed"));
    }
    let rows = usize::from(area.height.saturating_sub(3));
    for (i, r) in rejects
        .iter()
        .enumerate()
        .skip(state.overlay().selected)
        .take(rows)
    {
        let at = match (r.line, r.record) {
            (Some(l), Some(n)) => format!("line {l}, record {n}"),
            (Some(l), None) => format!("line {l}"),
            (None, Some(n)) => format!("record {n}"),
            (None, None) => format!("offset {}", r.offset),
        };
        let text = format!("{}:{at}: {}", state.index().source_name(r.source), r.reason);
        let style = if i == state.overlay().selected {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::styled(fit(&text, width), style));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(block("rejects", true, theme)),
        area,
    );
}
