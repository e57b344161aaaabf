use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use super::chrome::block;
use super::text::{fit, time};
use crate::app::AppState;
use crate::app::detail::Token;
use crate::model::Column;
use crate::model::Outcome;
use crate::sanitize::display;

/// The selected event: its normalised fields, then its original record as highlighted
/// JSON (`z` folds nested objects). Every string is sanitised on its way out.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, theme: &Theme, focused: bool) {
    let width = usize::from(area.width.saturating_sub(2));
    let height = usize::from(area.height.saturating_sub(2));
    let mut lines = fields(state, theme, width);
    match state.detail().original() {
        None if state.detail().row().is_some() => {
            lines.push(Line::styled("reading the original record…", theme.dim));
        }
        Some(Err(e)) => lines.push(Line::styled(
            format!("original unavailable: {}", display(e)),
            theme.error,
        )),
        Some(Ok(_)) => {
            lines.push(Line::styled(
                if state.detail().folded() {
                    "original (folded: z)"
                } else {
                    "original (z folds)"
                },
                theme.header,
            ));
        }
        None => {}
    }
    // Only the lines in view are built: an original may be megabytes long.
    let json = state.detail().json();
    let above = lines.len();
    let scroll = state
        .detail()
        .scroll()
        .min((above + json.len()).saturating_sub(1));
    let from = scroll.saturating_sub(above).min(json.len());
    let to = (scroll + height).saturating_sub(above).min(json.len());
    lines.extend(json[from..to].iter().map(|l| {
        let mut spans = vec![Span::raw("  ".repeat(l.indent))];
        spans.extend(
            l.parts.iter().map(|(token, text)| {
                Span::styled(display(text).into_owned(), style(*token, theme))
            }),
        );
        Line::from(spans)
    }));
    let scroll = u16::try_from(scroll - from).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(block("detail", focused, theme)),
        area,
    );
}

fn fields<'a>(state: &AppState, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let Some(id) = state.detail().row() else {
        return vec![Line::styled("no event selected", theme.dim)];
    };
    let row = state.index().row(id);
    let value_w = width.saturating_sub(10);
    let mut lines: Vec<Line<'a>> = pairs(state, id)
        .into_iter()
        .map(|(name, value)| {
            let line = Line::from(vec![
                Span::styled(format!("{name:<9} "), theme.header),
                Span::raw(fit(&value, value_w)),
            ]);
            if name == "outcome" && row.outcome == Outcome::Failure {
                line.style(theme.failure)
            } else {
                line
            }
        })
        .collect();
    if let Some(job) = state.detail().job() {
        // After the who/what/where a responder reads first.
        let after_agent = 6;
        let job_lines = super::detail_job::lines(job, state.local_time(), theme, width);
        lines.splice(after_agent..after_agent, job_lines);
    }
    lines
}

/// The normalised fields of row `id`, named.
fn pairs(state: &AppState, id: u32) -> [(&'static str, String); 9] {
    let row = state.index().row(id);
    let text = |c: Column| state.index().text(row, c).to_owned();
    let zone = if state.local_time() { "local" } else { "UTC" };
    let outcome = match (row.outcome, text(Column::Error)) {
        (Outcome::Failure, error) if !error.is_empty() => format!("failure  {error}"),
        (o, _) => o.name().to_owned(),
    };
    [
        (
            "time",
            format!("{} {zone}", time(row.time_ms, state.local_time())),
        ),
        ("action", text(Column::Action)),
        ("identity", text(Column::Identity)),
        ("outcome", outcome),
        ("source ip", text(Column::Ip)),
        ("agent", text(Column::UserAgent)),
        // The identity type below the who/what/where a responder reads first.
        ("type", text(Column::IdentityType)),
        (
            "where",
            format!(
                "{} {} ({})",
                text(Column::Region),
                text(Column::Account),
                row.provider
            ),
        ),
        (
            "file",
            format!(
                "{}:{}",
                state.index().source_name(row.raw.source),
                row.raw.offset
            ),
        ),
    ]
}

fn style(token: Token, theme: &Theme) -> ratatui::style::Style {
    match token {
        Token::Key => theme.json_key,
        Token::Str => theme.json_string,
        Token::Number => theme.json_number,
        Token::Literal => theme.json_literal,
        Token::Punct => theme.text,
    }
}
