//! Keys while the help or the rejects list covers the screen.

use crate::app::command::Command;
use crate::app::effect::Effect;
use crate::app::state::{AppState, Mode};

pub fn command(state: &mut AppState, command: Command) -> Vec<Effect> {
    let len = match state.mode {
        Mode::Rejects => state.index.rejects().len(),
        _ => state.help.len() + 2 + crate::filter::LANGUAGE.len(),
    };
    let page = state.pages.list;
    match command {
        Command::Quit => return vec![Effect::Quit],
        Command::Back | Command::Help => state.mode = Mode::Browse,
        Command::Down => state.overlay.move_by(1, len, page),
        Command::Up => state.overlay.move_by(-1, len, page),
        _ => {}
    }
    Vec::new()
}
