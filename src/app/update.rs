//! `update`: one command applied to the state. Small handlers, one per kind of command.

use super::command::Command;
use super::identities::sort_groups;
use super::refresh::RawScan;
use super::state::{AppState, Mode, Pane, Screen};
use crate::filter::{Filter, TermKind};
use crate::model::Column;

/// I/O the event loop carries out for `update`.
pub enum Effect {
    Quit,
    /// Read the original record of this row (for the detail pane).
    ReadOriginal(u32),
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Search original records for a bare-word filter.
    ScanRaw(RawScan),
}

pub fn update(state: &mut AppState, command: Command) -> Vec<Effect> {
    state.notice = None;
    match state.mode {
        Mode::Filter => filter_bar(state, command),
        Mode::Palette => palette(state, command),
        Mode::Help | Mode::Rejects => overlay(state, command),
        Mode::Browse => browse(state, command),
    }
}

fn overlay(state: &mut AppState, command: Command) -> Vec<Effect> {
    let len = match state.mode {
        Mode::Rejects => state.index.rejects().len(),
        _ => state.help.len(),
    };
    match command {
        Command::Quit => return vec![Effect::Quit],
        Command::Back | Command::Help => state.mode = Mode::Browse,
        Command::Down => state.overlay.move_by(1, len, state.page),
        Command::Up => state.overlay.move_by(-1, len, state.page),
        _ => {}
    }
    Vec::new()
}

fn filter_bar(state: &mut AppState, command: Command) -> Vec<Effect> {
    match command {
        Command::Quit => return vec![Effect::Quit],
        Command::Type(c) => state.filter.editing.push(c),
        Command::Backspace => {
            state.filter.editing.pop();
        }
        Command::Back => {
            state.mode = Mode::Browse;
            state.filter.error = None;
            return Vec::new();
        }
        Command::Submit => {
            let text = state.filter.editing.clone();
            state.related = None;
            return apply_filter_text(state, &text);
        }
        _ => return Vec::new(),
    }
    state.filter.error = Filter::parse(&state.filter.editing, state.now_ms)
        .err()
        .map(|e| e.to_string());
    Vec::new()
}

/// Applies a filter text; on a parse error stays in the filter bar with the error shown.
pub fn apply_filter_text(state: &mut AppState, text: &str) -> Vec<Effect> {
    match Filter::parse(text, state.now_ms) {
        Ok(filter) => {
            text.trim().clone_into(&mut state.filter.text);
            state.filter.editing = state.filter.text.clone();
            state.filter.applied = filter;
            state.filter.error = None;
            state.mode = Mode::Browse;
            state.timeline.to_top();
            state.cursor_moved = false;
            state.refresh_rows()
        }
        Err(e) => {
            text.clone_into(&mut state.filter.editing);
            state.filter.error = Some(e.to_string());
            state.mode = Mode::Filter;
            Vec::new()
        }
    }
}

fn palette(state: &mut AppState, command: Command) -> Vec<Effect> {
    let len = state.palette.candidates.len();
    match command {
        Command::Quit => return vec![Effect::Quit],
        Command::Type(c) => {
            state.palette.query.push(c);
            state.palette.rank(&state.index);
        }
        Command::Backspace => {
            state.palette.query.pop();
            state.palette.rank(&state.index);
        }
        Command::Down => state.palette.list.move_by(1, len, state.page),
        Command::Up => state.palette.list.move_by(-1, len, state.page),
        Command::ToggleSelect => state.palette.toggle_current(),
        Command::Back => state.mode = Mode::Browse,
        Command::Submit => {
            let actions = state.palette.selection();
            if actions.is_empty() {
                state.mode = Mode::Browse;
                return Vec::new();
            }
            let text = with_actions(&state.filter.applied, &actions);
            return apply_filter_text(state, &text);
        }
        _ => {}
    }
    Vec::new()
}

/// The filter with its `action:` terms replaced by one for `actions`.
fn with_actions(filter: &Filter, actions: &[String]) -> String {
    let mut kept = Filter {
        terms: filter
            .terms
            .iter()
            .filter(|t| {
                !matches!(
                    t.kind,
                    TermKind::Field {
                        field: crate::filter::Field::Action,
                        ..
                    }
                )
            })
            .cloned()
            .collect(),
    }
    .to_string();
    let quoted: Vec<String> = actions.iter().map(|a| quote(a)).collect();
    if !kept.is_empty() {
        kept.push(' ');
    }
    kept.push_str("action:");
    kept.push_str(&quoted.join(","));
    kept
}

/// A value as the filter language reads it back literally.
#[must_use]
pub fn quote(value: &str) -> String {
    // An empty value is quoted too: `identity:` alone is not a filter.
    if value.is_empty()
        || value
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == ',' || c == '\\')
    {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        value.to_owned()
    }
}

fn browse(state: &mut AppState, command: Command) -> Vec<Effect> {
    match command {
        Command::Quit => vec![Effect::Quit],
        Command::Help => open(state, Mode::Help),
        Command::ShowRejects => open(state, Mode::Rejects),
        Command::OpenFilter => {
            state.filter.editing = state.filter.text.clone();
            state.filter.error = None;
            open(state, Mode::Filter)
        }
        Command::OpenPalette => {
            state.palette.query.clear();
            state.palette.chosen.clear();
            state.palette.rank(&state.index);
            open(state, Mode::Palette)
        }
        Command::NextPane => cycle_pane(state, 1),
        Command::PrevPane => cycle_pane(state, -1),
        Command::ShowTimeline => show(state, Screen::Events, Pane::Timeline),
        Command::ShowIdentities => show(state, Screen::Identities, Pane::Identities),
        Command::DrillIn => drill_in(state),
        Command::Back => back(state),
        Command::Down
        | Command::Up
        | Command::PageDown
        | Command::PageUp
        | Command::Top
        | Command::Bottom => navigate(state, command),
        Command::Follow => state.resume_following(),
        Command::ZoomIn => super::timeline::zoom(state, 0.5),
        Command::ZoomOut => super::timeline::zoom(state, 2.0),
        Command::NarrowToBucket => super::timeline::narrow_to_bucket(state),
        Command::ToggleLocalTime => {
            state.local_time = !state.local_time;
            Vec::new()
        }
        Command::CopyEvent => copy(state),
        Command::RelatedEvents => super::timeline::related(state),
        Command::FoldDetail => {
            state.detail.toggle_fold();
            Vec::new()
        }
        Command::CycleSort => {
            state.identities.sort = state.identities.sort.next();
            sort_groups(&mut state.identities.groups, state.identities.sort);
            Vec::new()
        }
        Command::ToggleSelect | Command::Submit | Command::Backspace | Command::Type(_) => {
            Vec::new()
        }
    }
}

fn open(state: &mut AppState, mode: Mode) -> Vec<Effect> {
    state.mode = mode;
    state.overlay.to_top();
    Vec::new()
}

fn show(state: &mut AppState, screen: Screen, focus: Pane) -> Vec<Effect> {
    state.screen = screen;
    state.focus = focus;
    if screen != Screen::Events && state.identities.stale {
        state.regroup();
    }
    state.after_rows_changed()
}

fn cycle_pane(state: &mut AppState, step: isize) -> Vec<Effect> {
    const ORDER: [Pane; 3] = [Pane::Timeline, Pane::Detail, Pane::Identities];
    let at = ORDER.iter().position(|p| *p == state.focus).unwrap_or(0);
    let next = ORDER[(at.cast_signed() + step).rem_euclid(3).unsigned_abs()];
    match (next, state.screen) {
        (Pane::Identities, _) => show(state, Screen::Identities, Pane::Identities),
        (_, Screen::Identities) => show(state, Screen::Events, next),
        _ => {
            state.focus = next;
            Vec::new()
        }
    }
}

fn drill_in(state: &mut AppState) -> Vec<Effect> {
    match state.focus {
        Pane::Timeline => {
            state.focus = Pane::Detail;
            Vec::new()
        }
        Pane::Identities => {
            if state.identities.groups.is_empty() {
                return Vec::new();
            }
            state.screen = Screen::Identity(state.identities.list.selected);
            state.focus = Pane::Timeline;
            state.timeline.to_top();
            state.drill_rows();
            state.after_rows_changed()
        }
        Pane::Detail => {
            state.detail.toggle_fold();
            Vec::new()
        }
    }
}

/// Esc: out of the detail, up from an identity, else clear the filter.
fn back(state: &mut AppState) -> Vec<Effect> {
    match (state.focus, state.screen) {
        (Pane::Detail, _) => {
            state.focus = Pane::Timeline;
            Vec::new()
        }
        (_, Screen::Identity(_)) => show(state, Screen::Identities, Pane::Identities),
        _ if !state.filter.text.is_empty() => apply_filter_text(state, ""),
        _ => Vec::new(),
    }
}

fn navigate(state: &mut AppState, command: Command) -> Vec<Effect> {
    let page = match state.focus {
        Pane::Detail => state.detail.page,
        _ => state.page,
    };
    let delta: isize = match command {
        Command::Down => 1,
        Command::Up => -1,
        Command::PageDown => page.cast_signed(),
        Command::PageUp => -page.cast_signed(),
        Command::Top => isize::MIN / 2,
        _ => isize::MAX / 2,
    };
    match state.focus {
        Pane::Detail => {
            state.detail.scroll_by(delta);
            Vec::new()
        }
        Pane::Identities => {
            state
                .identities
                .list
                .move_by(delta, state.identities.groups.len(), page);
            Vec::new()
        }
        Pane::Timeline => {
            let len = state.timeline_rows().len();
            if delta < 0 {
                state.pause_following();
            }
            state.timeline.move_by(delta, len, page);
            state.related = None;
            state.cursor_moved = true;
            state.select_detail()
        }
    }
}

fn copy(state: &mut AppState) -> Vec<Effect> {
    if let Some(value) = state.detail.value() {
        state.notice = Some("event copied to the clipboard (OSC 52)".into());
        vec![Effect::Copy(value.to_string())]
    } else {
        state.notice = Some("nothing to copy yet".into());
        Vec::new()
    }
}

/// The identity of a row, for "related events" and drill-downs.
#[must_use]
pub fn identity_of(state: &AppState, row: u32) -> &str {
    state.index.text(state.index.row(row), Column::Identity)
}
