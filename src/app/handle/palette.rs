//! Keys while the fuzzy action palette is open.

use super::text_input::edit;
use crate::app::command::Command;
use crate::app::effect::Effect;
use crate::app::filter_text::with_actions;
use crate::app::state::{AppState, Mode};

pub fn command(state: &mut AppState, command: Command) -> Vec<Effect> {
    let len = state.palette.candidates.len();
    let page = state.pages.list;
    match command {
        Command::Quit => return vec![Effect::Quit],
        Command::Down => state.palette.list.move_by(1, len, page),
        Command::Up => state.palette.list.move_by(-1, len, page),
        Command::ToggleSelect => state.palette.toggle_current(),
        Command::Back => state.mode = Mode::Browse,
        Command::Submit => return submit(state),
        other => {
            if edit(&mut state.palette.query, other) {
                state.palette.rank(&state.index);
            }
        }
    }
    Vec::new()
}

/// Enter: the filter's actions become the chosen ones (or the one under the cursor).
fn submit(state: &mut AppState) -> Vec<Effect> {
    let actions = state.palette.selection();
    if actions.is_empty() {
        state.mode = Mode::Browse;
        return Vec::new();
    }
    let text = with_actions(&state.filter.applied, &actions);
    state.apply_filter_text(&text)
}
