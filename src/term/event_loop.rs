//! One loop waits on keys, loader batches and finished effects; turns what woke it into
//! messages for `update`; draws once, only when something changed, at most every frame.
//! Idle, it writes nothing.

use std::time::Duration;

use crossterm::event::{Event, KeyEventKind};
use futures_util::{Stream, StreamExt};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::layout::Rect;
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::effects::{EffectRunner, Flow};
use crate::app::{AppState, Clock, Keymap, Msg, update};
use crate::load::LoadMsg;
use crate::view::{Theme, page_and_columns, render};

/// Views are refreshed this often while data streams in (re-filtering a million events
/// each time would waste the frames in between); the status bar's counts too.
const REFRESH_WHILE_LOADING: Duration = Duration::from_millis(150);
/// Loader messages are taken for at most this long per wake-up, so a key pressed during a
/// flood of batches waits for no more than this.
const DRAIN_FOR: Duration = Duration::from_millis(4);
/// The live ingest rate is sampled this often.
const RATE_TICK: Duration = Duration::from_secs(1);

/// Watches the loop from outside: the live benchmark times frames and keys through it.
pub trait Probe {
    /// A key was taken.
    fn key(&mut self) {}
    /// One turn of the loop is done (a frame drawn when `drew`): `work` is how long the
    /// loop was busy since it woke. `false` stops the loop.
    fn frame(&mut self, _state: &AppState, _work: Duration, _drew: bool) -> bool {
        true
    }
}

/// The terminal's loop watches nothing.
pub struct NoProbe;
impl Probe for NoProbe {}

/// What the loop draws with and how keys map to commands.
#[derive(Clone, Copy)]
pub struct Ui<'a> {
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
}

/// What woke the loop.
#[allow(
    clippy::large_enum_variant,
    reason = "one lives at a time, on the stack, for one turn of the loop"
)]
enum Wake {
    Input(Option<std::io::Result<Event>>),
    Done(Option<Msg>),
    Load(Option<LoadMsg>),
    Refresh,
    Tick,
}

/// When the loop last refreshed, and whether the loaders' channel is still open.
struct Pace {
    last_refresh: Instant,
    loading: bool,
}

/// Runs until the user quits or the input ends, and returns the state it ended in.
/// Generic over the input stream and the backend so tests and benchmarks drive it with
/// scripted keys and a `TestBackend`.
pub async fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    mut state: AppState,
    ui: &Ui<'_>,
    mut input: impl Stream<Item = std::io::Result<Event>> + Unpin,
    mut loads: mpsc::Receiver<LoadMsg>,
    runner: &mut EffectRunner,
    probe: &mut impl Probe,
) -> anyhow::Result<AppState>
where
    B::Error: Send + Sync + 'static,
{
    let mut rate_tick = tokio::time::interval(RATE_TICK);
    rate_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut pace = Pace {
        // The first batch shows at once; later ones at most every REFRESH_WHILE_LOADING.
        last_refresh: Instant::now()
            .checked_sub(REFRESH_WHILE_LOADING)
            .unwrap_or_else(Instant::now),
        loading: true,
    };
    lay_out(terminal, &mut state, runner)?;
    draw(terminal, &state, ui.theme)?;
    loop {
        let refresh_at = pace.last_refresh + REFRESH_WHILE_LOADING;
        let wake = tokio::select! {
            biased;
            event = input.next() => Wake::Input(event),
            msg = runner.next() => Wake::Done(msg),
            msg = loads.recv(), if pace.loading => Wake::Load(msg),
            () = tokio::time::sleep_until(refresh_at), if state.refresh_pending() => Wake::Refresh,
            _ = rate_tick.tick(), if state.follow().active() => Wake::Tick,
        };
        let woke_at = Instant::now();
        let flood = matches!(wake, Wake::Load(Some(_)));
        if matches!(wake, Wake::Input(Some(_))) {
            probe.key();
        }
        let Some(dirty) = on_wake(wake, &mut state, ui, (runner, &mut loads), &mut pace)? else {
            return Ok(state);
        };
        if dirty {
            lay_out(terminal, &mut state, runner)?;
            draw(terminal, &state, ui.theme)?;
        }
        if !probe.frame(&state, woke_at.elapsed(), dirty) {
            return Ok(state);
        }
        // While batches keep the channel ready the loop never waits, and tokio would only
        // look at its timers (the refresh, the rate) every so many turns: yield to it.
        if flood {
            tokio::task::yield_now().await;
        }
    }
}

/// Turns what woke the loop into messages for `update`. `Some(true)`: the screen is to be
/// drawn; `None`: the explorer ends (the user quit, the input closed).
fn on_wake(
    wake: Wake,
    state: &mut AppState,
    ui: &Ui<'_>,
    (runner, loads): (&mut EffectRunner, &mut mpsc::Receiver<LoadMsg>),
    pace: &mut Pace,
) -> std::io::Result<Option<bool>> {
    let dirty = match wake {
        Wake::Input(None) => return Ok(None),
        Wake::Input(Some(event)) => {
            if let Some(msg) = message_of(&event?, state, ui.keymap)
                && send(state, runner, msg) == Flow::Quit
            {
                return Ok(None);
            }
            true
        }
        Wake::Done(msg) => msg.is_some_and(|m| send_one(state, runner, m)),
        Wake::Load(Some(msg)) => {
            drain(msg, loads, state);
            false
        }
        Wake::Load(None) => {
            pace.loading = false;
            send_one(state, runner, Msg::SourcesEnded)
        }
        Wake::Refresh => {
            pace.last_refresh = Instant::now();
            send_one(state, runner, Msg::Refresh)
        }
        Wake::Tick => {
            let rate = state.follow().rate();
            send_one(state, runner, Msg::Tick);
            state.follow().rate() != rate
        }
    };
    Ok(Some(dirty))
}

/// A key becomes a command through the keymap; a resize only needs a redraw.
fn message_of(event: &Event, state: &AppState, keymap: &Keymap) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => keymap
            .command(*key, state.mode(), state.focus())
            .map(Msg::Command),
        _ => None,
    }
}

/// Hands a message to `update` (with the time now) and starts the effects it asks for.
fn send(state: &mut AppState, runner: &mut EffectRunner, msg: Msg) -> Flow {
    let effects = update(state, msg, Clock::now());
    runner.run_all(effects)
}

/// Like [`send`], for messages that never quit; `true`: the screen is to be drawn.
fn send_one(state: &mut AppState, runner: &mut EffectRunner, msg: Msg) -> bool {
    let _ = send(state, runner, msg);
    true
}

/// Applies a loader message and what else is already queued (for a bounded time, so keys
/// are never starved by a flood of batches).
fn drain(first: LoadMsg, loads: &mut mpsc::Receiver<LoadMsg>, state: &mut AppState) {
    let until = Instant::now() + DRAIN_FOR;
    let _ = update(state, Msg::Loaded(first), Clock::now());
    while Instant::now() < until {
        match loads.try_recv() {
            Ok(msg) => {
                let _ = update(state, Msg::Loaded(msg), Clock::now());
            }
            Err(_) => break,
        }
    }
}

/// Lays the frame out for the terminal's size: a new layout goes to `update`, so that the
/// pages and the histogram fit it before anything is drawn.
pub fn lay_out<B: Backend>(
    terminal: &Terminal<B>,
    state: &mut AppState,
    runner: &mut EffectRunner,
) -> Result<(), B::Error> {
    let size = terminal.size()?;
    let pages = page_and_columns(Rect::new(0, 0, size.width, size.height), state);
    if pages != state.pages() {
        let _ = send(state, runner, Msg::Layout(pages));
    }
    Ok(())
}

/// Renders the state: the one drawing path of the explorer, its benchmark and its tests.
/// It only reads the state.
pub fn draw<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &AppState,
    theme: &Theme,
) -> Result<(), B::Error> {
    terminal.draw(|frame| render(frame, state, theme))?;
    Ok(())
}
