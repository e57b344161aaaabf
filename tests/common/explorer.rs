//! The explorer without a terminal: its state driven by messages through `update`, their
//! effects carried out by the real effect runner, as the event loop does.
#![allow(dead_code, reason = "each test crate uses a different subset")]

use std::io::Write;
use std::sync::{Arc, Mutex};

use crossterm::event::KeyEvent;
use qtrail::app::{AppState, Clock, Command, Effect, FollowState, Keymap, Msg, Setup, update};
use qtrail::index::Index;
use qtrail::load::LoadMsg;
use qtrail::source::Input;
use qtrail::term::{EffectRunner, Flow};
use qtrail::view::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub const DEMO: &[u8] = include_bytes!("../../assets/demo.ndjson.gz");

/// 2026-03-05T12:00:00Z: a fixed "now" for relative filters.
pub const NOW: i64 = 1_772_712_000_000;

/// What the OSC 52 sequences of `y` wrote.
#[derive(Clone, Default)]
pub struct Clipboard(Arc<Mutex<Vec<u8>>>);

impl Write for Clipboard {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("clipboard").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Clipboard {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("clipboard")).into_owned()
    }
}

pub struct Explorer {
    pub state: AppState,
    pub runner: EffectRunner,
    pub keymap: Keymap,
    pub clipboard: Clipboard,
    pub clock: Clock,
}

impl Explorer {
    /// The explorer over `index`, its start-up load done, laid out for 80x24.
    pub fn of(index: Index) -> Explorer {
        Explorer::with(index, None, FollowState::default())
    }

    /// The explorer with a banner line and a follow mode.
    pub fn with(index: Index, banner: Option<&str>, follow: FollowState) -> Explorer {
        let keymap = Keymap::default_keymap();
        let setup = Setup {
            help: keymap.help_lines(),
            banner: banner.map(str::to_owned),
            follow,
        };
        let clipboard = Clipboard::default();
        let mut explorer = Explorer {
            state: AppState::new(index, setup),
            runner: EffectRunner::new(Box::new(clipboard.clone())),
            keymap,
            clipboard,
            clock: Clock::at(NOW),
        };
        explorer.send(Msg::Loaded(LoadMsg::Done));
        explorer.send(Msg::Refresh);
        explorer.screen(80, 24, &Theme::colored());
        explorer
    }

    /// The embedded demo trail, loaded.
    pub fn demo() -> Explorer {
        Explorer::of(demo_index())
    }

    /// A live explorer with nothing in it yet, following.
    pub fn live(max_events: Option<usize>) -> Explorer {
        Explorer::with(Index::new(), None, FollowState::live(max_events))
    }

    /// `update` only: the effects asked for are handed back, not run.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        update(&mut self.state, msg, self.clock)
    }

    /// Runs effects, then waits for what they bring back (and what that asks for).
    pub fn run(&mut self, effects: Vec<Effect>) -> Flow {
        if self.runner.run_all(effects) == Flow::Quit {
            return Flow::Quit;
        }
        self.runner.settle(&mut self.state, self.clock)
    }

    /// One message as the event loop handles it: `update`, then its effects, settled.
    pub fn send(&mut self, msg: Msg) -> Flow {
        let effects = self.update(msg);
        self.run(effects)
    }

    pub fn press(&mut self, commands: &[Command]) -> Flow {
        let mut flow = Flow::Continue;
        for &command in commands {
            flow = self.send(Msg::Command(command));
        }
        flow
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(&[Command::Type(c)]);
        }
    }

    /// Keys as the terminal gives them, through the keymap.
    pub fn keys(&mut self, keys: &[KeyEvent]) -> Flow {
        let mut flow = Flow::Continue;
        for &key in keys {
            let command = self
                .keymap
                .command(key, self.state.mode(), self.state.focus());
            if let Some(command) = command {
                flow = self.send(Msg::Command(command));
            }
        }
        flow
    }

    /// Opens the filter bar, types `text` and applies it.
    pub fn filter(&mut self, text: &str) {
        self.press(&[Command::OpenFilter]);
        let typed = self.state.filter().editing().chars().count();
        self.press(&vec![Command::Backspace; typed]);
        self.type_text(text);
        self.press(&[Command::Submit]);
    }

    /// Draws at `width`x`height` as the event loop does: a new layout first goes to
    /// `update`, the effects it asks for are settled, then the frame is drawn.
    pub fn screen(&mut self, width: u16, height: u16, theme: &Theme) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
        qtrail::term::lay_out(&terminal, &mut self.state, &mut self.runner).expect("layout");
        self.runner.settle(&mut self.state, self.clock);
        qtrail::term::draw(&mut terminal, &self.state, theme).expect("draw");
        terminal
    }

    pub fn snapshot(&mut self, width: u16, height: u16) -> String {
        self.screen(width, height, &Theme::colored())
            .backend()
            .to_string()
    }
}

/// The embedded demo trail in an index.
pub fn demo_index() -> Index {
    let mut index = Index::new();
    qtrail::index::load_blocking(
        vec![Input::Embedded {
            name: "demo",
            bytes: DEMO,
        }],
        &mut index,
        |_, _| {},
    );
    index
}

/// The demo trail's records, one JSON text each, in delivery order.
pub fn demo_lines() -> Vec<String> {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(DEMO), &mut text)
        .expect("the demo is gzipped text");
    text.lines().map(str::to_owned).collect()
}
