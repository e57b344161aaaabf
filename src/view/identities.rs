use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Theme;
use super::chrome::block;
use super::text::{count, fit, minute, pad, time};
use crate::app::identities::IdentityGroup;
use crate::app::{AppState, Pane};
use crate::names::compact_identity;

/// Column layout of the identities table: narrow terminals drop the first-seen column
/// and the seconds.
struct Layout {
    wide: bool,
    name: usize,
    kind: usize,
    time: usize,
}

impl Layout {
    fn of(width: usize) -> Layout {
        let wide = width >= 110;
        let (time, kind) = if wide { (19, 16) } else { (11, 12) };
        let fixed = kind + 8 + 6 + 8 + 6 + (time + 1) * (1 + usize::from(wide)) + 4;
        Layout {
            wide,
            name: width.saturating_sub(fixed).max(16),
            kind,
            time,
        }
    }

    fn stamp(&self, ms: i64, local: bool) -> String {
        if self.wide {
            time(ms, local)
        } else {
            minute(ms, local, true)
        }
    }
}

/// Every identity over the filtered events, sortable (`s`); Enter drills in.
pub fn list(frame: &mut Frame, area: Rect, state: &AppState, theme: &Theme) {
    let groups = &state.identities().groups();
    let l = Layout::of(usize::from(area.width.saturating_sub(2)));
    let (name_w, type_w, time_w) = (l.name, l.kind, l.time);
    let first_header = if l.wide {
        format!(" {:<time_w$}", "FIRST")
    } else {
        String::new()
    };
    let header = format!(
        "{:<name_w$} {:<type_w$} {:>8} {:>6} {:>7} {:>5}{first_header} LAST",
        "IDENTITY", "TYPE", "EVENTS", "FAIL", "ACTIONS", "IPS"
    );
    let mut lines = vec![Line::styled(header, theme.header)];
    let height = usize::from(area.height.saturating_sub(3));
    let list = &state.identities().list();
    for (i, g) in groups.iter().enumerate().skip(list.offset).take(height) {
        let style = if i == list.selected {
            theme.selected
        } else if g.failures > 0 {
            theme.failure
        } else {
            theme.text
        };
        lines.push(Line::styled(group_line(g, &l, state.local_time()), style));
    }
    let title = format!(
        "identities ({}) by {} · s sorts · Enter drills in",
        count(groups.len()),
        state.identities().sort().label()
    );
    let block = block(&title, state.focus() == Pane::Identities, theme);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn group_line(g: &IdentityGroup, l: &Layout, local: bool) -> String {
    let (name_w, type_w) = (l.name, l.kind);
    let failures = if g.failures > 0 {
        format!("!{}", count(g.failures))
    } else {
        "0".to_owned()
    };
    let first = if l.wide {
        format!(" {}", l.stamp(g.first_ms, local))
    } else {
        String::new()
    };
    let distinct = |pick: fn((usize, usize)) -> usize| {
        g.distinct
            .map_or_else(|| "…".to_owned(), |d| count(pick(d)))
    };
    format!(
        "{} {} {:>8} {:>6} {:>7} {:>5}{first} {}",
        pad(&fit(&compact_identity(&g.name), name_w), name_w),
        pad(&fit(&g.kind, type_w), type_w),
        count(g.events),
        failures,
        distinct(|(actions, _)| actions),
        distinct(|(_, ips)| ips),
        l.stamp(g.last_ms, local),
    )
}

/// The drilled-in identity: breadcrumb, counts, top actions, source IPs, user agents.
pub fn summary(frame: &mut Frame, area: Rect, state: &AppState, group: usize, theme: &Theme) {
    let Some(g) = state.identities().groups().get(group) else {
        return;
    };
    let width = usize::from(area.width.saturating_sub(2));
    let summary = &state.identities().summary();
    let sessions = sessions_line(summary, width);
    let items = usize::from(area.height.saturating_sub(3))
        .saturating_sub(usize::from(sessions.is_some()))
        .max(1);
    let column = |values: &[(String, usize)]| {
        values
            .iter()
            .take(items)
            .map(|(v, n)| format!("{:>6} {}", count(*n), fit(v, (width / 3).saturating_sub(8))))
            .collect::<Vec<_>>()
    };
    let (actions, ips, agents) = (
        column(&summary.actions),
        column(&summary.ips),
        column(&summary.agents),
    );
    let third = width / 3;
    let mut lines = vec![Line::styled(
        format!(
            "{} events · {} failures · {} → {} · {} member(s)",
            count(g.events),
            count(g.failures),
            time(g.first_ms, state.local_time()),
            time(g.last_ms, state.local_time()),
            g.members.len()
        ),
        theme.header,
    )];
    lines.extend(sessions.map(|text| Line::styled(text, theme.text)));
    for i in 0..items {
        let cell = |v: &Vec<String>| v.get(i).cloned().unwrap_or_default();
        lines.push(Line::raw(format!(
            "{:<third$}{:<third$}{}",
            cell(&actions),
            cell(&ips),
            cell(&agents)
        )));
    }
    let title = format!(
        "Identities › {} ({})   actions · source IPs · user agents   Esc back",
        fit(&compact_identity(&g.name), 50),
        fit(&g.kind, 24)
    );
    frame.render_widget(
        Paragraph::new(lines).block(block(&title, false, theme)),
        area,
    );
}

/// Who started the identity's sessions and which it started, when the trail says.
fn sessions_line(summary: &crate::app::identities::Summary, width: usize) -> Option<String> {
    let names = |list: &[String]| {
        let shown: Vec<String> = list.iter().take(3).map(|n| compact_identity(n)).collect();
        let more = list.len().saturating_sub(3);
        let more = if more > 0 {
            format!(" +{more}")
        } else {
            String::new()
        };
        format!("{}{more}", shown.join(", "))
    };
    // What it started first: a role assumed from a session is what a responder looks for.
    let mut parts = Vec::new();
    if !summary.sessions_started.is_empty() {
        let n = summary.sessions_started.len();
        let started = names(&summary.sessions_started);
        parts.push(format!("sessions started ({n}): {started}"));
    }
    if !summary.started_by.is_empty() {
        parts.push(format!("started by {}", names(&summary.started_by)));
    }
    (!parts.is_empty()).then(|| fit(&parts.join(" · "), width))
}
