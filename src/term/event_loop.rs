//! One loop waits on keys, loader batches and finished effects; drains what is ready;
//! draws once, only when something changed, at most every frame. Idle, it writes nothing.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossterm::event::{Event, KeyEventKind};
use futures_util::{Stream, StreamExt};
use ratatui::Terminal;
use ratatui::backend::Backend;
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::effects::{self, Outcome};
use crate::app::update::Effect;
use crate::app::{AppState, Keymap, update};
use crate::load::LoadMsg;
use crate::source::RawReader;
use crate::view::{Theme, page_and_columns, render};

/// Views are refreshed this often while data streams in (re-filtering a million events
/// each time would waste the frames in between).
const REFRESH_WHILE_LOADING: Duration = Duration::from_millis(150);
/// Loader messages taken per wake-up, so keys are never starved by a flood of batches.
const DRAIN_LIMIT: usize = 16;

/// Runs until the user quits or the input ends. Generic over the input stream and the
/// backend so tests drive it with scripted keys and a `TestBackend`.
pub async fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    mut state: AppState,
    keymap: &Keymap,
    theme: &Theme,
    mut input: impl Stream<Item = std::io::Result<Event>> + Unpin,
    mut loads: mpsc::Receiver<LoadMsg>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let reader = Arc::new(Mutex::new(RawReader::new()));
    let (done_tx, mut done_rx) = mpsc::unbounded_channel();
    let mut dirty = true;
    let mut pending_data = false;
    // The first batch is shown at once; later ones at most every REFRESH_WHILE_LOADING.
    let mut last_refresh = Instant::now()
        .checked_sub(REFRESH_WHILE_LOADING)
        .unwrap_or_else(Instant::now);
    let mut loading = true;
    loop {
        if std::mem::take(&mut dirty) {
            draw(terminal, &mut state, theme)?;
        }
        let refresh_at = last_refresh + REFRESH_WHILE_LOADING;
        let effects: Vec<Effect> = tokio::select! {
            biased;
            event = input.next() => match event {
                Some(Ok(event)) => on_input(&event, &mut state, keymap, &mut dirty),
                Some(Err(e)) => return Err(e.into()),
                None => return Ok(()),
            },
            outcome = done_rx.recv() => {
                dirty = true;
                outcome.map(|o| on_outcome(o, &mut state)).unwrap_or_default()
            }
            msg = loads.recv(), if loading => {
                dirty = true;
                match msg {
                    Some(msg) => pending_data |= on_loaded(msg, &mut loads, &mut state),
                    None => loading = false,
                }
                Vec::new()
            }
            () = tokio::time::sleep_until(refresh_at), if pending_data => {
                pending_data = false;
                last_refresh = Instant::now();
                dirty = true;
                state.data_changed()
            }
        };
        for effect in effects {
            if !effects::run(effect, &state, &reader, &done_tx) {
                return Ok(());
            }
        }
    }
}

/// Lays the frame out for the terminal's size, then renders it: the one drawing path of
/// the explorer, its benchmark and its snapshot tests (generic over the backend).
pub fn draw<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut AppState,
    theme: &Theme,
) -> Result<(), B::Error> {
    let size = terminal.size()?;
    let (page, columns) = page_and_columns(
        ratatui::layout::Rect::new(0, 0, size.width, size.height),
        state,
    );
    state.prepare_frame(page, columns);
    terminal.draw(|frame| render(frame, state, theme))?;
    Ok(())
}

/// A key becomes a command through the keymap; a resize only needs a redraw.
fn on_input(event: &Event, state: &mut AppState, keymap: &Keymap, dirty: &mut bool) -> Vec<Effect> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            *dirty = true;
            keymap
                .command(*key, state.mode, state.focus)
                .map(|c| update(state, c))
                .unwrap_or_default()
        }
        Event::Resize(..) => {
            *dirty = true;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn on_outcome(outcome: Outcome, state: &mut AppState) -> Vec<Effect> {
    match outcome {
        Outcome::Original(row, bytes) => {
            state.detail.loaded(row, bytes);
            Vec::new()
        }
        Outcome::Scanned(generation, rows) => state.raw_scan_done(generation, rows),
    }
}

/// Applies a loader message and what else is already queued (bounded, so keys are never
/// starved by a flood of batches). `true` when events were added.
fn on_loaded(first: LoadMsg, loads: &mut mpsc::Receiver<LoadMsg>, state: &mut AppState) -> bool {
    let mut added = state.apply_load(first);
    for _ in 0..DRAIN_LIMIT {
        match loads.try_recv() {
            Ok(msg) => added |= state.apply_load(msg),
            Err(_) => break,
        }
    }
    added
}
