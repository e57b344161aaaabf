//! Keys while browsing: moving, switching panes and screens, drilling in and out, and
//! the commands of the timeline and the detail pane.

use crate::app::command::Command;
use crate::app::effect::Effect;
use crate::app::identities::sort_groups;
use crate::app::state::{AppState, Mode, Pane, Screen};
use crate::app::timeline;

pub fn command(state: &mut AppState, command: Command) -> Vec<Effect> {
    match command {
        Command::Quit => vec![Effect::Quit],
        Command::Help => open(state, Mode::Help),
        Command::ShowRejects => open(state, Mode::Rejects),
        Command::OpenFilter => open_filter(state),
        Command::OpenPalette => open_palette(state),
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
        Command::Follow => resume_following(state),
        Command::ZoomIn => timeline::zoom(state, 0.5),
        Command::ZoomOut => timeline::zoom(state, 2.0),
        Command::NarrowToBucket => timeline::narrow_to_bucket(state),
        Command::RelatedEvents => timeline::related(state),
        Command::CopyEvent => copy(state),
        Command::OpenValues => open(state, Mode::Values),
        Command::UndoFilter => state.undo_filter(),
        other => toggle(state, other),
    }
}

/// The commands that flip a setting of the view.
fn toggle(state: &mut AppState, command: Command) -> Vec<Effect> {
    match command {
        Command::ToggleLocalTime => state.local_time = !state.local_time,
        Command::FoldDetail => state.detail.toggle_fold(),
        Command::CycleSort => {
            state.identities.sort = state.identities.sort.next();
            sort_groups(&mut state.identities.groups, state.identities.sort);
        }
        _ => {}
    }
    Vec::new()
}

fn open(state: &mut AppState, mode: Mode) -> Vec<Effect> {
    state.mode = mode;
    state.overlay.to_top();
    Vec::new()
}

fn open_filter(state: &mut AppState) -> Vec<Effect> {
    let text = state.filter.text.clone();
    state.filter.editing.set(&text);
    state.filter.history_at = None;
    state.filter.error = None;
    open(state, Mode::Filter)
}

fn open_palette(state: &mut AppState) -> Vec<Effect> {
    state.palette.query.clear();
    state.palette.chosen.clear();
    state.palette.rank(&state.index);
    open(state, Mode::Palette)
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
        Pane::Timeline => state.focus = Pane::Detail,
        Pane::Detail => state.detail.toggle_fold(),
        Pane::Identities if !state.identities.groups.is_empty() => {
            state.screen = Screen::Identity(state.identities.list.selected);
            state.focus = Pane::Timeline;
            state.timeline.to_top();
            state.drill_rows();
            return state.after_rows_changed();
        }
        Pane::Identities => {}
    }
    Vec::new()
}

/// Esc: out of the detail, up from an identity, else clear the filter.
fn back(state: &mut AppState) -> Vec<Effect> {
    match (state.focus, state.screen) {
        (Pane::Detail, _) => {
            state.focus = Pane::Timeline;
            Vec::new()
        }
        (_, Screen::Identity(_)) => show(state, Screen::Identities, Pane::Identities),
        _ if !state.filter.text.is_empty() => state.apply_filter_text(""),
        _ => Vec::new(),
    }
}

/// How far a movement key moves within a list of `page` lines.
fn step(command: Command, page: usize) -> isize {
    match command {
        Command::Down => 1,
        Command::Up => -1,
        Command::PageDown => page.cast_signed(),
        Command::PageUp => -page.cast_signed(),
        Command::Top => isize::MIN / 2,
        _ => isize::MAX / 2,
    }
}

fn navigate(state: &mut AppState, command: Command) -> Vec<Effect> {
    match state.focus {
        Pane::Detail => {
            state.detail.scroll_by(step(command, state.pages.detail));
            Vec::new()
        }
        Pane::Identities => {
            let (len, page) = (state.identities.groups.len(), state.pages.list);
            state
                .identities
                .list
                .move_by(step(command, page), len, page);
            Vec::new()
        }
        Pane::Timeline => move_cursor(state, step(command, state.pages.list)),
    }
}

/// Moving up the timeline pauses following; the detail follows the cursor.
fn move_cursor(state: &mut AppState, delta: isize) -> Vec<Effect> {
    if delta < 0 {
        state.follow.pause(state.index.received());
    }
    let len = state.timeline_rows().len();
    state.timeline.move_by(delta, len, state.pages.list);
    state.related = None;
    state.cursor_moved = true;
    state.select_detail()
}

/// Back to the newest event, following again.
fn resume_following(state: &mut AppState) -> Vec<Effect> {
    state.follow.following = state.follow.active;
    state.cursor_moved = true;
    let len = state.timeline_rows().len();
    state.timeline.to_bottom(len, state.pages.list);
    state.select_detail()
}

fn copy(state: &mut AppState) -> Vec<Effect> {
    if let Some(value) = state.detail.value() {
        let text = value.to_string();
        state.notice = Some("event copied to the clipboard (OSC 52)".into());
        vec![Effect::Copy(text)]
    } else {
        state.notice = Some("nothing to copy yet".into());
        Vec::new()
    }
}
