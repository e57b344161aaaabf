use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::Theme;
use super::chrome::block;
use super::chrome::centred;
use super::text::count;
use crate::app::AppState;
use crate::app::palette::Candidate;
use crate::sanitize::display;

/// `/`: distinct actions ranked by the fuzzy matcher, matched characters highlighted,
/// Space chooses several, Enter filters the timeline to them.
pub fn render(frame: &mut Frame, state: &AppState, theme: &Theme) {
    let screen = frame.area();
    let area = centred(
        screen,
        screen.width.saturating_sub(8).min(90),
        screen.height.saturating_sub(4).min(24),
    );
    let palette = state.palette();
    let mut lines = vec![Line::from(vec![
        Span::styled("/", theme.header),
        Span::raw(display(palette.query()).into_owned()),
        Span::styled("█", theme.dim),
        Span::styled(
            format!(
                "   {} actions · Space selects · Enter filters · Esc closes",
                count(palette.candidates().len())
            ),
            theme.dim,
        ),
    ])];
    let height = usize::from(area.height.saturating_sub(3));
    let width = usize::from(area.width.saturating_sub(14));
    for (i, c) in palette
        .candidates()
        .iter()
        .enumerate()
        .skip(palette.list().offset)
        .take(height)
    {
        let chosen = palette.is_chosen(&c.action);
        lines.push(candidate_line(
            c,
            chosen,
            i == palette.list().selected,
            width,
            theme,
        ));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(block("actions", true, theme)),
        area,
    );
}

/// `[x] braket:CancelQuantumTask  14`, the characters the query matched highlighted.
fn candidate_line<'a>(
    c: &Candidate,
    chosen: bool,
    selected: bool,
    width: usize,
    theme: &Theme,
) -> Line<'a> {
    let base = if selected { theme.selected } else { theme.text };
    let mut spans = vec![Span::styled(if chosen { "[x] " } else { "[ ] " }, base)];
    // The matcher counts the action's own characters; an unsafe one is shown as several
    // (`\e`), all styled as it is.
    let shown = c.action.chars().enumerate().flat_map(|(at, ch)| {
        let style = if c.matched.contains(&at) {
            base.patch(theme.matched)
        } else {
            base
        };
        let text = display(ch.encode_utf8(&mut [0; 4])).into_owned();
        text.chars()
            .map(move |out| (out, style))
            .collect::<Vec<_>>()
    });
    let mut used = 0;
    spans.extend(
        shown
            .take_while(|(ch, _)| {
                used += unicode_width::UnicodeWidthChar::width(*ch).unwrap_or(0);
                used <= width
            })
            .map(|(ch, style)| Span::styled(ch.to_string(), style)),
    );
    spans.push(Span::styled(format!("  {}", count(c.count)), theme.dim));
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::candidate_line;
    use crate::app::palette::Candidate;
    use crate::view::Theme;

    #[test]
    fn a_match_after_an_escaped_character_is_highlighted_where_it_is_shown() {
        let theme = Theme::colored();
        let candidate = Candidate {
            action: "a\u{1b}bc".into(),
            count: 1,
            matched: vec![2],
        };
        let line = candidate_line(&candidate, false, false, 40, &theme);
        let highlighted: String = line
            .spans
            .iter()
            .filter(|s| s.style == theme.text.patch(theme.matched))
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(highlighted, "b");
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(text.starts_with("[ ] a\\ebc"), "{text:?}");
    }
}
