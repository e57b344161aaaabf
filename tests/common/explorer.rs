//! Building the explorer's state from the demo trail and running its effects inline.
#![allow(dead_code, reason = "each test crate uses a different subset")]

use qtrail::app::update::Effect;
use qtrail::app::{AppState, Command, Keymap, update};
use qtrail::filter::keep_raw_matches;
use qtrail::index::Index;
use qtrail::index::load_blocking;
use qtrail::source::{Input, RawReader};

const DEMO: &[u8] = include_bytes!("../../assets/demo.ndjson.gz");

/// 2026-03-05T12:00:00Z: a fixed "now" for relative filters.
pub const NOW: i64 = 1_772_712_000_000;

pub fn demo_state() -> AppState {
    let mut index = Index::new();
    load_blocking(
        vec![Input::Embedded {
            name: "demo",
            bytes: DEMO,
        }],
        &mut index,
        |_, _| {},
    );
    state_of(index)
}

pub fn state_of(index: Index) -> AppState {
    let mut state = AppState::new(index, NOW);
    state.help = Keymap::default_keymap().help_lines();
    state.load.finished = true;
    let effects = state.refresh_rows();
    run_effects(&mut state, effects);
    state
}

/// Applies commands as the event loop would, carrying out their effects inline.
pub fn press(state: &mut AppState, commands: &[Command]) {
    for &command in commands {
        let effects = update(state, command);
        run_effects(state, effects);
    }
}

pub fn type_text(state: &mut AppState, text: &str) {
    for c in text.chars() {
        press(state, &[Command::Type(c)]);
    }
}

pub fn run_effects(state: &mut AppState, effects: Vec<Effect>) {
    let mut reader = RawReader::new();
    for effect in effects {
        match effect {
            Effect::ReadOriginal(row) => {
                let bytes = reader
                    .read(state.index.sources(), state.index.row(row).raw)
                    .map_err(|e| e.to_string());
                state
                    .detail
                    .loaded(row, qtrail::app::detail::parse_original(bytes));
            }
            Effect::ScanRaw(scan) => {
                let candidates = scan.candidates.iter().copied();
                let rows = keep_raw_matches(&scan.matcher, candidates, &scan.sources, &mut reader);
                let more = state.raw_scan_done(qtrail::app::refresh::RawScanDone {
                    generation: scan.generation,
                    rows,
                    added: scan.added,
                });
                run_effects(state, more);
            }
            Effect::Copy(_) | Effect::Quit => {}
        }
    }
}
