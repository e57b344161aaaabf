use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use super::chrome::block;
use super::text::{minute, time};
use crate::app::AppState;
use crate::index::Bucket;

const LEVELS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Events per bucket over the shown range; a bucket with failures gets a `!` under its
/// bar (and the failure colour), empty buckets stay blank, the axis shows full dates.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    let height = usize::from(area.height.saturating_sub(3)).max(1);
    let buckets = state.histogram();
    let max = buckets.iter().map(|b| b.events).max().unwrap_or(0).max(1);
    let mut lines: Vec<Line> = (0..height)
        .rev()
        .map(|level| bar_row(buckets, level, height, max, theme))
        .collect();
    let marks: String = buckets
        .iter()
        .map(|b| if b.failures > 0 { '!' } else { ' ' })
        .collect();
    lines.push(Line::styled(marks, theme.failure));
    let title = match state.histogram_range() {
        Some((from, to)) => {
            let zoom = if state.zoom().is_some() {
                " (zoomed: +/-)"
            } else {
                ""
            };
            format!(
                "{} → {}{zoom}",
                time(from, state.local_time()),
                time(to, state.local_time())
            )
        }
        None => "histogram".to_owned(),
    };
    let mut frame_block = block(&title, false, theme);
    if let Some((from, to)) = state.histogram_range() {
        // The axis: where the bars start, their middle and their end, to the minute.
        let local = state.local_time();
        let at = |ms: i64| Line::from(format!(" {} ", minute(ms, local, false)));
        frame_block = frame_block
            .title_bottom(at(from).left_aligned())
            .title_bottom(at(i64::midpoint(from, to)).centered())
            .title_bottom(at(to).right_aligned());
    }
    frame.render_widget(Paragraph::new(lines).block(frame_block), area);
}

/// One row of the bars, `level` rows above the bottom, in eighths of a cell; a bucket
/// with any event shows at least the lowest eighth.
fn bar_row<'a>(
    buckets: &[Bucket],
    level: usize,
    height: usize,
    max: u32,
    theme: &Theme,
) -> Line<'a> {
    let spans: Vec<Span> = buckets
        .iter()
        .map(|b| {
            let scaled = u64::from(b.events) * (height as u64) * 8 / u64::from(max);
            let here = scaled.saturating_sub(level as u64 * 8).min(8);
            let style = if b.failures > 0 {
                theme.bar_failure
            } else {
                theme.bar
            };
            let ch = if b.events > 0 && level == 0 && here == 0 {
                LEVELS[1]
            } else {
                LEVELS[here as usize]
            };
            Span::styled(ch.to_string(), style)
        })
        .collect();
    Line::from(spans)
}
