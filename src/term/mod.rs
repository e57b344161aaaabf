//! The only module that touches the terminal: setup and restore (also on panic), the
//! event loop, and the effects `update` asks for (reads, clipboard, background scans).

mod effects;
mod event_loop;

use std::io::IsTerminal;

use crate::app::{AppState, Keymap};
use crate::load::{SourceIds, spawn_load};
use crate::source::Input;
use crate::view::Theme;

pub use effects::Outcome;
pub use event_loop::{draw, run_loop};

/// Opens the explorer on `inputs`; returns when the user quits. The terminal is restored
/// on every exit path: `ratatui::init` installs a panic hook that restores it first.
pub fn explore(inputs: Vec<Input>, banner: Option<String>) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the explorer needs a terminal; use `qtrail stats` or `qtrail query` in scripts"
        );
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let mut state = AppState::new(
        crate::index::Index::new(),
        chrono::Utc::now().timestamp_millis(),
    );
    let keymap = Keymap::default_keymap();
    state.help = keymap.help_lines();
    state.banner = banner;
    let loads = spawn_load(inputs, SourceIds::default());
    let mut terminal = ratatui::init();
    let result = runtime.block_on(async {
        let input = crossterm::event::EventStream::new();
        run_loop(
            &mut terminal,
            state,
            &keymap,
            &Theme::from_env(),
            input,
            bridge(loads),
        )
        .await
    });
    ratatui::restore();
    result
}

/// Loader threads send on a blocking channel; the loop waits on an async one.
fn bridge(
    loads: std::sync::mpsc::Receiver<crate::load::LoadMsg>,
) -> tokio::sync::mpsc::Receiver<crate::load::LoadMsg> {
    let (tx, rx) = tokio::sync::mpsc::channel(64);
    std::thread::spawn(move || {
        for msg in loads {
            if tx.blocking_send(msg).is_err() {
                return;
            }
        }
    });
    rx
}
