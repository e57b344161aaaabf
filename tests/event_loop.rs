//! The explorer's own event loop, driven by key events as a terminal sends them, over the
//! demo loading in the background, drawn into a `TestBackend`.

#[path = "common/explorer.rs"]
mod explorer;

use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use qtrail::app::{AppState, Keymap, Setup};
use qtrail::index::Index;
use qtrail::load::{SourceIds, spawn_load};
use qtrail::source::Input;
use qtrail::term::{EffectRunner, Probe, Ui, bridge, run_loop};
use qtrail::view::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn typed(text: &str) -> Vec<Event> {
    text.chars().map(|c| key(KeyCode::Char(c))).collect()
}

/// Types the script once the start-up load is in and shown, then leaves the keyboard
/// alone.
struct Typist {
    keys: UnboundedSender<Event>,
    script: Vec<Event>,
}

impl Probe for Typist {
    fn frame(&mut self, state: &AppState, _work: Duration, _drew: bool) -> bool {
        let shown = state.load().finished && !state.refresh_pending();
        if shown && !self.script.is_empty() {
            for event in self.script.drain(..) {
                let _ = self.keys.send(event);
            }
        }
        true
    }
}

/// Runs the loop over the demo until the script quits it: its last state and screen.
fn run(script: Vec<Event>) -> (AppState, String) {
    let keymap = Keymap::default_keymap();
    let setup = Setup {
        help: keymap.help_lines(),
        ..Setup::default()
    };
    let state = AppState::new(Index::new(), setup);
    let demo = Input::Embedded {
        name: "demo",
        bytes: explorer::DEMO,
    };
    let loads = bridge(spawn_load(vec![demo], SourceIds::default()));
    let (keys, typed) = unbounded_channel();
    let input = Box::pin(futures_util::stream::unfold(
        typed,
        |mut typed| async move { typed.recv().await.map(|event| (Ok(event), typed)) },
    ));
    let mut probe = Typist { keys, script };
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let theme = Theme::monochrome();
    let ui = Ui {
        keymap: &keymap,
        theme: &theme,
    };
    let mut runner = EffectRunner::new(Box::new(std::io::sink()));
    let run = run_loop(
        &mut terminal,
        state,
        &ui,
        input,
        loads,
        &mut runner,
        &mut probe,
    );
    let state = runtime
        .block_on(async { tokio::time::timeout(Duration::from_mins(1), run).await })
        .expect("the script quits the loop")
        .expect("the loop ends without error");
    (state, terminal.backend().to_string())
}

#[test]
fn keys_filter_the_loaded_demo_and_q_ends_the_loop() {
    let mut script = vec![key(KeyCode::Char(':'))];
    script.extend(typed("ip:203.0.113.200"));
    script.extend([key(KeyCode::Enter), key(KeyCode::Char('G'))]);
    script.push(key(KeyCode::Char('q')));
    let (state, screen) = run(script);
    assert_eq!(state.index().len(), 4_105);
    assert_eq!(state.filter().text(), "ip:203.0.113.200");
    assert_eq!(state.filtered_rows().len(), 50, "incident 1 of the demo");
    assert_eq!(state.timeline().selected, 49, "G: the last event");
    assert!(screen.contains("50 / 4,105"), "{screen}");
    assert!(screen.contains("quantum-computing.job.delete"), "{screen}");
}

#[test]
fn tab_and_enter_drill_into_the_busiest_identity() {
    let script = vec![
        key(KeyCode::Char('i')),
        key(KeyCode::Enter),
        key(KeyCode::Char('q')),
    ];
    let (state, screen) = run(script);
    assert_eq!(state.screen(), qtrail::app::Screen::Identity(0));
    assert_eq!(state.timeline_rows().len(), 1_742);
    assert!(screen.contains("Identities › QuantumResearch"), "{screen}");
}
