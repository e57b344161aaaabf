//! Keys while the filter bar is open: text is edited, checked as it is typed, and applied
//! with Enter.

use crate::app::command::Command;
use crate::app::effect::Effect;
use crate::app::state::{AppState, Mode};
use crate::filter::Filter;

pub fn command(state: &mut AppState, command: Command) -> Vec<Effect> {
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
            return state.apply_filter_text(&text);
        }
        _ => return Vec::new(),
    }
    state.filter.error = Filter::parse(&state.filter.editing, state.now_ms)
        .err()
        .map(|e| e.to_string());
    Vec::new()
}
