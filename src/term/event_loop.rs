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

/// Runs until the user quits or the input ends. Generic over the input stream and the
/// backend so tests and benchmarks drive it with scripted keys and a `TestBackend`.
pub async fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    mut state: AppState,
    ui: &Ui<'_>,
    mut input: impl Stream<Item = std::io::Result<Event>> + Unpin,
    mut loads: mpsc::Receiver<LoadMsg>,
    probe: &mut impl Probe,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let Ui { keymap, theme } = *ui;
    let mut rate_tick = tokio::time::interval(RATE_TICK);
    rate_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let reader = Arc::new(Mutex::new(RawReader::new()));
    let (done_tx, mut done_rx) = mpsc::unbounded_channel();
    let mut flags = Flags::new();
    draw(terminal, &mut state, theme)?;
    loop {
        let refresh_at = flags.last_refresh + REFRESH_WHILE_LOADING;
        let woken_by = tokio::select! {
            biased;
            event = input.next() => Wake::Input(event),
            outcome = done_rx.recv() => Wake::Outcome(outcome),
            msg = loads.recv(), if flags.loading => Wake::Load(msg),
            () = tokio::time::sleep_until(refresh_at), if flags.pending != Pending::Nothing => Wake::Refresh,
            _ = rate_tick.tick(), if state.live.active => Wake::Tick,
        };
        let woke_at = Instant::now();
        let flood = matches!(woken_by, Wake::Load(Some(_)));
        if matches!(woken_by, Wake::Input(Some(_))) {
            probe.key();
        }
        let Some(effects) = on_wake(
            woken_by, woke_at, &mut state, &mut flags, &mut loads, keymap,
        )?
        else {
            return Ok(());
        };
        for effect in effects {
            if !effects::run(effect, &state, &reader, &done_tx) {
                return Ok(());
            }
        }
        let drew = std::mem::take(&mut flags.dirty);
        if drew {
            draw(terminal, &mut state, theme)?;
        }
        if !probe.frame(&state, woke_at.elapsed(), drew) {
            return Ok(());
        }
        // While batches keep the channel ready the loop never waits, and tokio would only
        // look at its timers (the refresh, the rate) every so many turns: yield to it.
        if flood {
            tokio::task::yield_now().await;
        }
    }
}

/// Applies what woke the loop to the state; `None` once the input has ended.
fn on_wake(
    wake: Wake,
    woke_at: Instant,
    state: &mut AppState,
    flags: &mut Flags,
    loads: &mut mpsc::Receiver<LoadMsg>,
    keymap: &Keymap,
) -> std::io::Result<Option<Vec<Effect>>> {
    let effects = match wake {
        Wake::Input(None) => return Ok(None),
        Wake::Input(Some(event)) => on_input(&event?, state, keymap, &mut flags.dirty),
        Wake::Outcome(outcome) => {
            flags.dirty = true;
            outcome.map(|o| on_outcome(o, state)).unwrap_or_default()
        }
        Wake::Load(Some(msg)) => {
            let added = on_loaded(msg, loads, state);
            let needed = if added { Pending::Data } else { Pending::Draw };
            flags.pending = flags.pending.max(needed);
            Vec::new()
        }
        Wake::Load(None) => {
            flags.loading = false;
            Vec::new()
        }
        Wake::Refresh => {
            flags.last_refresh = woke_at;
            flags.dirty = true;
            if std::mem::replace(&mut flags.pending, Pending::Nothing) == Pending::Data {
                state.data_changed()
            } else {
                Vec::new()
            }
        }
        Wake::Tick => {
            flags.dirty |= state.sample_rate(woke_at.into_std());
            Vec::new()
        }
    };
    Ok(Some(effects))
}

/// What woke the loop.
#[allow(
    clippy::large_enum_variant,
    reason = "one lives at a time, on the stack, for one turn of the loop"
)]
enum Wake {
    Input(Option<std::io::Result<Event>>),
    Outcome(Option<Outcome>),
    Load(Option<LoadMsg>),
    Refresh,
    Tick,
}

/// What the next refresh has to do.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pending {
    Nothing,
    /// Progress or rejects arrived: redraw.
    Draw,
    /// Events arrived: [`AppState::data_changed`], then redraw.
    Data,
}

impl Flags {
    fn new() -> Flags {
        Flags {
            dirty: false,
            pending: Pending::Nothing,
            // The first batch shows at once; later ones at most every REFRESH_WHILE_LOADING.
            last_refresh: Instant::now()
                .checked_sub(REFRESH_WHILE_LOADING)
                .unwrap_or_else(Instant::now),
            loading: true,
        }
    }
}

struct Flags {
    dirty: bool,
    pending: Pending,
    last_refresh: Instant,
    /// The loaders' channel is open.
    loading: bool,
}

/// What the loop draws with and how keys map to commands.
#[derive(Clone, Copy)]
pub struct Ui<'a> {
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
}

/// Lays the frame out for the terminal's size, then renders it: the one drawing path of
/// the explorer, its benchmark and its snapshot tests (generic over the backend).
pub fn draw<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut AppState,
    theme: &Theme,
) -> Result<(), B::Error> {
    let size = terminal.size()?;
    let pages = page_and_columns(
        ratatui::layout::Rect::new(0, 0, size.width, size.height),
        state,
    );
    state.prepare_frame(pages.list, pages.detail, pages.columns);
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
        Outcome::Original(row, raw, bytes) => {
            let same = state.index.rows().get(row as usize).map(|r| r.raw) == Some(raw);
            if same {
                state.detail.loaded(row, bytes);
            }
            Vec::new()
        }
        Outcome::Scanned(done) => state.raw_scan_done(done),
    }
}

/// Applies a loader message and what else is already queued (for a bounded time, so keys
/// are never starved by a flood of batches). `true` when events were added.
fn on_loaded(first: LoadMsg, loads: &mut mpsc::Receiver<LoadMsg>, state: &mut AppState) -> bool {
    let until = Instant::now() + DRAIN_FOR;
    let mut added = state.apply_load(first);
    while Instant::now() < until {
        match loads.try_recv() {
            Ok(msg) => added |= state.apply_load(msg),
            Err(_) => break,
        }
    }
    added
}
