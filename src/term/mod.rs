//! The only module that touches the terminal: setup and restore (also on panic), the
//! event loop, and the effects `update` asks for (reads, clipboard, background scans).

mod effects;
mod event_loop;

use std::io::IsTerminal;

use crate::app::{AppState, FollowState, Keymap, Setup};
use crate::live::LiveSources;
use crate::load::{SourceIds, spawn_live};
use crate::source::Input;
use crate::view::Theme;

pub use effects::{EffectRunner, Flow};
pub use event_loop::{NoProbe, Probe, Ui, draw, lay_out, run_loop};

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
    let keymap = Keymap::default_keymap();
    let urls = live.urls();
    // Kept in view: with port 0 this is the only place the port is told.
    let listening = (!urls.is_empty()).then(|| format!(" listening on {} ", urls.join(", ")));
    let follow = if live.is_empty() {
        FollowState::bounded(max_events)
    } else {
        FollowState::live(max_events)
    };
    let state = AppState::new(
        crate::index::Index::new(),
        Setup {
            help: keymap.help_lines(),
            banner: banner.or(listening),
            follow,
        },
    );
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
            &mut EffectRunner::new(Box::new(std::io::stdout())),
            &mut NoProbe,
        )
        .await
    });
    ratatui::restore();
    result.map(drop)
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
