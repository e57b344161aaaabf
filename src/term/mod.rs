//! The only module that touches the terminal: setup and restore (also on panic), the
//! event loop, and the effects `update` asks for (reads, clipboard, background scans).

mod effects;
mod event_loop;

use std::io::IsTerminal;

use crate::app::live::LiveState;
use crate::app::{AppState, Keymap};
use crate::live::LiveSources;
use crate::load::{SourceIds, spawn_live};
use crate::source::Input;
use crate::view::Theme;

pub use effects::Outcome;
pub use event_loop::{NoProbe, Probe, Ui, draw, run_loop};

/// What the explorer opens on.
pub struct Session {
    pub inputs: Vec<Input>,
    pub live: LiveSources,
    pub max_events: Option<usize>,
    pub banner: Option<String>,
}

/// Opens the explorer; returns when the user quits. The terminal is restored on every
/// exit path: `ratatui::init` installs a panic hook that restores it first.
pub fn explore(session: Session) -> anyhow::Result<()> {
    let Session {
        inputs,
        live,
        max_events,
        banner,
    } = session;
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
    if live.is_empty() {
        state.live.max_events = max_events;
    } else {
        state.live = LiveState::following(max_events);
    }
    let urls = live.urls();
    if !urls.is_empty() && state.banner.is_none() {
        // Kept in view: with port 0 this is the only place the port is told.
        state.banner = Some(format!(" listening on {} ", urls.join(", ")));
    }
    let loads = spawn_live(inputs, SourceIds::default(), move |feed| live.start(&feed));
    let mut terminal = ratatui::init();
    let result = runtime.block_on(async {
        let input = crossterm::event::EventStream::new();
        run_loop(
            &mut terminal,
            state,
            &Ui {
                keymap: &keymap,
                theme: &Theme::from_env(),
            },
            input,
            bridge(loads),
            &mut NoProbe,
        )
        .await
    });
    ratatui::restore();
    result
}

/// Loader threads send on a blocking channel; the loop waits on an async one.
#[must_use]
pub fn bridge(
    loads: std::sync::mpsc::Receiver<crate::load::LoadMsg>,
) -> tokio::sync::mpsc::Receiver<crate::load::LoadMsg> {
    let (tx, rx) = tokio::sync::mpsc::channel(64);
    std::thread::spawn(move || {
        crate::load::lower_priority();
        for msg in loads {
            if tx.blocking_send(msg).is_err() {
                return;
            }
        }
    });
    rx
}
