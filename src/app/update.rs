//! `update`: the one place the explorer's state changes. Each message goes to the handler
//! of its family; afterwards what depends on the layout is brought up to date.

use super::effect::Effect;
use super::handle::{browse, data, filter_bar, layout, overlay, palette, results, values};
use super::msg::{Clock, Msg};
use super::state::{AppState, Mode};

pub fn update(state: &mut AppState, msg: Msg, clock: Clock) -> Vec<Effect> {
    state.now_ms = clock.wall_ms;
    let effects = match msg {
        Msg::Command(command) => {
            state.notice = None;
            match state.mode {
                Mode::Filter => filter_bar::command(state, command),
                Mode::Palette => palette::command(state, command),
                Mode::Help | Mode::Rejects => overlay::command(state, command),
                Mode::Values => values::command(state, command),
                Mode::Browse => browse::command(state, command),
            }
        }
        Msg::Layout(pages) => layout::layout(state, pages),
        Msg::Loaded(msg) => data::loaded(state, msg),
        Msg::Refresh => data::refresh(state),
        Msg::Tick => data::tick(state, clock.mono),
        Msg::SourcesEnded => data::ended(state),
        Msg::OriginalRead { row, raw, original } => {
            results::original_read(state, row, raw, original)
        }
        Msg::Scanned(done) => results::scanned(state, done),
        Msg::ValuesCounted { generation, counts } => values::counted(state, generation, counts),
    };
    layout::settle(state);
    effects
}
