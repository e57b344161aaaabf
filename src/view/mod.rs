//! Rendering: a pure function from [`AppState`] to a frame. One file per pane.
//!
//! At 80x24 the panes stack; from 140 columns the detail sits beside the timeline:
//!
//! ```text
//! ┌ histogram: events per bucket, failures marked ───────────────────────────────┐
//! │▁▂▅█▇▃  ▁▁▂                                                                    │
//! └2026-03-02 07:00 ─────────────────────────────────────────── 2026-03-04 23:59┘
//! ┌ timeline ────────────────────────────────────────────────────────────────────┐
//! │TIME (UTC)          ! IDENTITY              ACTION                  SOURCE IP  │
//! │2026-03-02 09:00:05   user/ana              braket:CreateQuantumTask 198.51…  │
//! └──────────────────────────────────────────────────────────────────────────────┘
//! ┌ detail ──────────────────────────────────────────────────────────────────────┐
//! │ normalised fields, then the original record as JSON                          │
//! └──────────────────────────────────────────────────────────────────────────────┘
//!  filter: service:braket outcome:failure                          12 / 4,871
//!  12/4,871 events · 3 duplicates · 2 rejects (R) · 2026-03-02 → 2026-03-04 · ? help
//! ```

mod bars;
mod chrome;
mod detail;
mod detail_job;
mod histogram;
mod identities;
mod overlays;
mod palette;
pub mod text;
pub mod theme;
mod timeline;
mod values;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

pub use theme::Theme;

use crate::app::{AppState, Mode, Pages, Pane, Screen};

/// Where each pane goes for a given terminal size and screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub banner: Option<Rect>,
    pub histogram: Option<Rect>,
    pub summary: Option<Rect>,
    pub list: Rect,
    pub detail: Option<Rect>,
    pub filter: Rect,
    pub status: Rect,
}

/// Wide enough to put the detail beside the timeline.
const WIDE: u16 = 140;

#[must_use]
pub fn areas(area: Rect, state: &AppState) -> Areas {
    let banner_rows = u16::from(state.banner().is_some());
    let [banner, body, filter, status] = Layout::vertical([
        Constraint::Length(banner_rows),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let banner = (banner_rows > 0).then_some(banner);
    let mut areas = Areas {
        banner,
        histogram: None,
        summary: None,
        list: body,
        detail: None,
        filter,
        status,
    };
    // Above the list: the histogram for events, the summary for an identity.
    let tall = area.height >= 30;
    let header_rows = match state.screen() {
        Screen::Identities => return areas,
        Screen::Events => {
            if tall {
                6
            } else {
                4
            }
        }
        Screen::Identity(_) => {
            if tall {
                9
            } else {
                6
            }
        }
    };
    let [header, rest] =
        Layout::vertical([Constraint::Length(header_rows), Constraint::Min(3)]).areas(body);
    let (list, detail) = split_list_detail(rest, area.width);
    (areas.list, areas.detail) = (list, Some(detail));
    if state.screen() == Screen::Events {
        areas.histogram = Some(header);
    } else {
        areas.summary = Some(header);
    }
    areas
}

fn split_list_detail(area: Rect, width: u16) -> (Rect, Rect) {
    if width >= WIDE {
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(area);
        (list, detail)
    } else {
        let [list, detail] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
        (list, detail)
    }
}

/// Lines of the main list that fit (border and header removed), and histogram columns.
#[must_use]
pub fn page_and_columns(area: Rect, state: &AppState) -> Pages {
    let a = areas(area, state);
    Pages {
        list: usize::from(a.list.height.saturating_sub(3)).max(1),
        detail: a
            .detail
            .map_or(1, |d| usize::from(d.height.saturating_sub(2)).max(1)),
        columns: a
            .histogram
            .map_or(60, |h| usize::from(h.width.saturating_sub(2)).max(1)),
    }
}

/// Draws the whole screen.
pub fn render(frame: &mut Frame, state: &AppState, theme: &Theme) {
    let a = areas(frame.area(), state);
    if let Some(banner) = a.banner {
        bars::banner(frame, banner, state, theme);
    }
    if let Some(hist) = a.histogram {
        histogram::render(frame, hist, state, theme);
    }
    if let (Some(summary), Screen::Identity(group)) = (a.summary, state.screen()) {
        identities::summary(frame, summary, state, group, theme);
    }
    match state.screen() {
        Screen::Identities => identities::list(frame, a.list, state, theme),
        _ => timeline::render(frame, a.list, state, theme, state.focus() == Pane::Timeline),
    }
    if let Some(detail) = a.detail {
        detail::render(frame, detail, state, theme, state.focus() == Pane::Detail);
    }
    bars::filter(frame, a.filter, state, theme);
    bars::status(frame, a.status, state, theme);
    match state.mode() {
        Mode::Help => overlays::help(frame, state, theme),
        Mode::Rejects => overlays::rejects(frame, state, theme),
        Mode::Palette => palette::render(frame, state, theme),
        Mode::Values => values::render(frame, state, theme),
        Mode::Browse | Mode::Filter => {}
    }
}
