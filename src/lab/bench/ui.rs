//! `qtrail-lab bench --ui`: the explorer's update and render path with everything loaded,
//! timed per keystroke, plus the time to the first screen of events while loading.

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde::Serialize;

use super::millis;
use qtrail::app::{AppState, Clock, Command, Keymap, Msg, Setup, update};
use qtrail::index::Index;
use qtrail::load::{LoadMsg, SourceIds, spawn_load};
use qtrail::source::Input;
use qtrail::term::{EffectRunner, draw, lay_out};
use qtrail::view::Theme;

#[derive(Serialize)]
pub struct UiReport {
    events: usize,
    first_screen_ms: f64,
    load_ms: f64,
    size: String,
    steps: Vec<Step>,
}

#[derive(Serialize)]
struct Step {
    #[serde(rename = "step")]
    name: &'static str,
    keys: usize,
    median_ms: f64,
    max_ms: f64,
}

/// The keystrokes timed, by step: scrolling, paging, filtering, the palette, regrouping.
fn script() -> Vec<(&'static str, Vec<Command>)> {
    use Command::{
        Back, Bottom, CycleSort, DrillIn, OpenFilter, OpenPalette, ShowIdentities, ShowTimeline,
        Submit, ToggleSelect, Top, ZoomIn, ZoomOut,
    };
    let typed = |text: &str| text.chars().map(Command::Type).collect::<Vec<_>>();
    vec![
        ("scroll (j)", vec![Command::Down; 40]),
        ("page down", vec![Command::PageDown; 20]),
        ("last / first (G, g)", vec![Bottom, Top, Bottom, Top]),
        ("open filter bar (:)", vec![OpenFilter]),
        (
            "type in the filter bar",
            typed("service:braket outcome:failure"),
        ),
        ("apply service:braket outcome:failure (Enter)", vec![Submit]),
        ("clear filter (Esc)", vec![Back]),
        ("open palette (/)", vec![OpenPalette]),
        ("type in palette", typed("canc")),
        (
            "select + apply actions",
            vec![ToggleSelect, Command::Down, ToggleSelect, Submit],
        ),
        ("clear (Esc)", vec![Back]),
        ("identities: regroup all (i)", vec![ShowIdentities]),
        ("identities: sort (s)", vec![CycleSort; 4]),
        ("drill into top identity (Enter)", vec![DrillIn]),
        ("back (Esc)", vec![Back]),
        ("timeline (t)", vec![ShowTimeline]),
        (
            "histogram zoom (+, -)",
            vec![ZoomIn, ZoomIn, ZoomOut, ZoomOut],
        ),
    ]
}

pub fn run(inputs: Vec<Input>, width: u16, height: u16) -> anyhow::Result<UiReport> {
    let started = Instant::now();
    let setup = Setup {
        help: Keymap::default_keymap().help_lines(),
        ..Setup::default()
    };
    let mut state = AppState::new(Index::new(), setup);
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    let mut runner = EffectRunner::new(Box::new(std::io::sink()));
    let theme = Theme::colored();
    let mut first_screen_ms = None;
    for msg in spawn_load(inputs, SourceIds::default()) {
        let done = matches!(msg, LoadMsg::Done);
        let _ = update(&mut state, Msg::Loaded(msg), Clock::now());
        if !state.index().is_empty() && first_screen_ms.is_none() {
            let _ = update(&mut state, Msg::Refresh, Clock::now());
            lay_out(&terminal, &mut state, &mut runner)?;
            draw(&mut terminal, &state, &theme)?;
            first_screen_ms = Some(millis(started));
        }
        if done {
            break;
        }
    }
    let _ = update(&mut state, Msg::Refresh, Clock::now());
    lay_out(&terminal, &mut state, &mut runner)?;
    draw(&mut terminal, &state, &theme)?;
    runner.settle(&mut state, Clock::now());
    let load_ms = millis(started);
    let mut steps = Vec::new();
    for (step, commands) in script() {
        let mut times = Vec::new();
        for command in commands {
            let t = Instant::now();
            let effects = update(&mut state, Msg::Command(command), Clock::now());
            lay_out(&terminal, &mut state, &mut runner)?;
            draw(&mut terminal, &state, &theme)?;
            times.push(millis(t));
            // Reads of originals finish off the clock, as they do off the UI thread.
            let _ = runner.run_all(effects);
            runner.settle(&mut state, Clock::now());
        }
        times.sort_by(f64::total_cmp);
        steps.push(Step {
            name: step,
            keys: times.len(),
            median_ms: times[times.len() / 2],
            max_ms: times[times.len() - 1],
        });
    }
    Ok(UiReport {
        events: state.index().len(),
        first_screen_ms: first_screen_ms.unwrap_or(load_ms),
        load_ms,
        size: format!("{width}x{height}"),
        steps,
    })
}
