//! The selected event's job in the detail pane: what it is, who created it, on which
//! device, who read it, who ended it (marked `!` when that was not its creator).

use ratatui::text::{Line, Span};

use super::Theme;
use super::text::{fit, time};
use crate::app::detail::JobSummary;
use crate::names::compact_identity;

/// The job's lines, as many as [`JobSummary::line_count`] says.
pub fn lines<'a>(job: &JobSummary, local: bool, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let kind = job.kind.map_or_else(String::new, |k| format!(" ({k})"));
    let created = match &job.created {
        Some((at, who)) => {
            let on = job
                .device
                .as_deref()
                .map_or_else(String::new, |d| format!(" on {d}"));
            let shots = job
                .shots
                .map_or_else(String::new, |n| format!(", {n} shots"));
            format!(
                "{} by {}{on}{shots}",
                time(*at, local),
                compact_identity(who)
            )
        }
        None => "not in the trail".to_owned(),
    };
    let mut lines = vec![
        line("job", &format!("{}{kind}", job.id), theme, width),
        line("created", &created, theme, width),
    ];
    if !job.readers.is_empty() {
        let readers: Vec<String> = job.readers.iter().map(|r| compact_identity(r)).collect();
        lines.push(line("read by", &readers.join(", "), theme, width));
    }
    if let Some((how, at, who)) = &job.ended {
        let another = job.ended_by_another();
        let mark = if another { "! " } else { "" };
        let note = if another { " (not its creator)" } else { "" };
        let text = format!(
            "{mark}{how} {} by {}{note}",
            time(*at, local),
            compact_identity(who)
        );
        let ended = line("ended", &text, theme, width);
        lines.push(if another {
            ended.style(theme.failure)
        } else {
            ended
        });
    }
    lines
}

fn line<'a>(name: &str, value: &str, theme: &Theme, width: usize) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{name:<9} "), theme.header),
        Span::raw(fit(value, width.saturating_sub(10))),
    ])
}
