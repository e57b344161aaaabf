//! Keys in the values overlay: type a field or a JSON path, Enter counts its values over
//! the events shown; Enter on a value adds it to the filter.

use super::text_input::edit;
use crate::app::command::Command;
use crate::app::effect::Effect;
use crate::app::filter_text::quote;
use crate::app::state::{AppState, Mode};
use crate::app::values::{Counted, count_field, count_path, top, what};

pub fn command(state: &mut AppState, command: Command) -> Vec<Effect> {
    let len = state.values.counts.len();
    let page = state.pages.list;
    match command {
        Command::Quit => return vec![Effect::Quit],
        Command::Back => state.mode = Mode::Browse,
        Command::Down => state.values.list.move_by(1, len, page),
        Command::Up => state.values.list.move_by(-1, len, page),
        Command::Submit if state.values.counted.as_deref() == Some(state.values.input.text()) => {
            return filter_to_selected(state);
        }
        Command::Submit => return count(state),
        other => {
            edit(&mut state.values.input, other);
        }
    }
    Vec::new()
}

/// Counts what the input names over the rows the filter shows.
fn count(state: &mut AppState) -> Vec<Effect> {
    let input = state.values.input.text().trim().to_owned();
    let values = &mut state.values;
    values.list.to_top();
    values.generation += 1;
    values.counting = false;
    values.error = None;
    values.counts.clear();
    values.counted = Some(input.clone());
    let rows = state.timeline_rows();
    match what(&input) {
        Ok(Counted::Field(field)) => match count_field(&state.index, rows, field) {
            Some(counts) => state.values.counts = counts,
            None => state.values.error = Some(format!("`{input}` has no one value per event")),
        },
        Ok(Counted::Path(path)) => {
            let effect = count_path(&state.index, rows, path, state.values.generation);
            state.values.counting = true;
            return vec![effect];
        }
        Err(why) => state.values.error = Some(why),
    }
    Vec::new()
}

/// The filter, narrowed to the value under the cursor.
fn filter_to_selected(state: &mut AppState) -> Vec<Effect> {
    let Some((value, _)) = state.values.counts.get(state.values.list.selected) else {
        return Vec::new();
    };
    let term = format!("{}:{}", state.values.input.text().trim(), quote(value));
    let text = format!("{} {term}", state.filter.text).trim().to_owned();
    state.apply_filter_text(&text)
}

/// Counted originals came back: shown if they are the last count asked for.
pub fn counted(state: &mut AppState, generation: u64, counts: Vec<(String, usize)>) -> Vec<Effect> {
    if generation == state.values.generation {
        state.values.counting = false;
        state.values.counts = top(counts);
    }
    Vec::new()
}
