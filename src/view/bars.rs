use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use super::text::{count, fit, fit_end, minute};
use crate::app::{AppState, Mode, Screen};
use unicode_width::UnicodeWidthStr;

use crate::sanitize::display;

pub fn banner(frame: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    let text = state.banner().unwrap_or_default();
    frame.render_widget(
        Paragraph::new(fit(text, usize::from(area.width))).style(theme.banner),
        area,
    );
}

/// The filter always in view, with the shown/total counts at the right. While editing,
/// the end of a long filter stays visible (where the cursor is), and its error in place.
pub fn filter(frame: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    let shown = format!(
        "{} / {}",
        count(state.timeline_rows().len()),
        count(state.index().len())
    );
    let width = usize::from(area.width);
    let room = width.saturating_sub(shown.len() + 2);
    let mut spans = if state.mode() == Mode::Filter {
        editing(state, room, theme)
    } else {
        let text = if state.filter().text().is_empty() {
            "(none: press : to filter, / to pick actions)"
        } else {
            state.filter().text()
        };
        vec![Span::styled(
            fit(&format!("filter: {text}"), room),
            theme.text,
        )]
    };
    let used: usize = spans.iter().map(Span::width).sum();
    spans.push(Span::raw(
        " ".repeat(width.saturating_sub(used + shown.len())),
    ));
    spans.push(Span::styled(shown, theme.header));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn editing<'a>(state: &AppState, room: usize, theme: &Theme) -> Vec<Span<'a>> {
    let error = state.filter().error().map(|e| fit(e, room / 2));
    let error_w = error.as_ref().map_or(0, |e| e.width() + 2);
    let room = room.saturating_sub(error_w + 2);
    let text = state.filter().editing();
    let at = text
        .char_indices()
        .nth(state.filter().cursor())
        .map_or(text.len(), |(i, _)| i);
    let (before, rest) = text.split_at(at);
    let mut after = rest.chars();
    let under = after
        .next()
        .map_or_else(|| " ".to_owned(), |c| display(&c.to_string()).into_owned());
    let after = display(after.as_str()).into_owned();
    // The cursor stays in view: what is before it is cut at its start, what follows at its end.
    let before = fit_end(
        &display(before),
        room.saturating_sub(under.width() + after.width().min(room / 3)),
    );
    let after = fit(&after, room.saturating_sub(before.width() + under.width()));
    let mut spans = vec![
        Span::styled(":", theme.header),
        Span::raw(before),
        Span::styled(under, theme.selected),
        Span::raw(after),
    ];
    if let Some(error) = error {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(error, theme.error));
    }
    spans
}

/// The help hint, load progress and the way back first (they must fit at 80 columns),
/// then counts, duplicates, rejects and the time range.
pub fn status(frame: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    let mut parts = vec!["? help".to_owned()];
    if !state.load().finished && state.load().total_bytes > 0 {
        let percent = state.load().done_bytes.saturating_mul(100) / state.load().total_bytes.max(1);
        parts.push(format!("loading {percent}%"));
    }
    if state.follow().active() {
        parts.push(live(state));
    } else if state.follow().ended() {
        parts.push("ENDED (no more input)".to_owned());
    }
    if let Screen::Identity(_) = state.screen() {
        parts.push("Esc back".into());
    }
    parts.push(format!(
        "{}/{} events",
        count(state.timeline_rows().len()),
        count(state.index().len())
    ));
    if state.index().evicted() > 0 {
        parts.push(format!(
            "{} evicted",
            count(usize::try_from(state.index().evicted()).unwrap_or(usize::MAX))
        ));
    }
    parts.push(format!(
        "{} dup",
        count(usize::try_from(state.index().duplicates()).unwrap_or(usize::MAX))
    ));
    parts.push(format!(
        "{} rejected (R)",
        count(usize::try_from(state.index().rejected()).unwrap_or(usize::MAX))
    ));
    if let Some((first, last)) = state.index().time_range() {
        let zone = if state.local_time() { "local" } else { "UTC" };
        let (first, last) = (
            minute(first, state.local_time(), false),
            minute(last, state.local_time(), false),
        );
        parts.push(format!("{first} → {last} {zone}"));
    }
    let text = match state.notice() {
        Some(notice) => format!("{} · {}", display(notice), parts.join(" · ")),
        None => parts.join(" · "),
    };
    frame.render_widget(
        Paragraph::new(fit(&text, usize::from(area.width))).style(theme.dim),
        area,
    );
}

/// Following or paused, with the ingest rate or what arrived since the pause.
fn live(state: &AppState) -> String {
    let rate = count(usize::try_from(state.follow().rate()).unwrap_or(usize::MAX));
    if state.follow().following() {
        format!("LIVE {rate}/s")
    } else {
        let new = count(usize::try_from(state.new_since_pause()).unwrap_or(usize::MAX));
        format!("PAUSED {new} new events, F follows · {rate}/s")
    }
}
