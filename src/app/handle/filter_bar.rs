//! Keys while the filter bar is open: text is edited at the cursor, checked as it is
//! typed, applied with Enter; Up and Down walk the filters applied before.

use super::text_input::edit;
use crate::app::command::Command;
use crate::app::effect::Effect;
use crate::app::state::{AppState, Mode};
use crate::filter::Filter;

pub fn command(state: &mut AppState, command: Command) -> Vec<Effect> {
    match command {
        Command::Quit => return vec![Effect::Quit],
        Command::Back => {
            state.mode = Mode::Browse;
            state.filter.error = None;
            return Vec::new();
        }
        Command::Submit => {
            let text = state.filter.editing.text().to_owned();
            state.related = None;
            return state.apply_filter_text(&text);
        }
        Command::Up => recall(state, -1),
        Command::Down => recall(state, 1),
        other if edit(&mut state.filter.editing, other) => {}
        _ => return Vec::new(),
    }
    state.filter.error = Filter::parse(state.filter.editing.text(), state.now_ms)
        .err()
        .map(|e| e.to_string());
    Vec::new()
}

/// An earlier filter (`step` -1) or a later one (+1) into the bar; past the latest, the
/// bar is empty again.
fn recall(state: &mut AppState, step: isize) {
    let filter = &mut state.filter;
    let len = filter.history.len();
    if len == 0 {
        return;
    }
    let at = filter
        .history_at
        .map_or(len.cast_signed(), usize::cast_signed)
        + step;
    if at < 0 {
        return;
    }
    if let Some(text) = filter.history.get(at.unsigned_abs()) {
        filter.history_at = Some(at.unsigned_abs());
        filter.editing.set(&text.clone());
    } else {
        filter.history_at = None;
        filter.editing.clear();
    }
}
