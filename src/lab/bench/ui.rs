//! `qtrail-lab bench --ui`: the explorer's update and render path with everything loaded,
//! timed per keystroke, plus the time to the first screen of events while loading.

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde::Serialize;

use super::millis;
use qtrail::app::{AppState, Command, Keymap, update};
use qtrail::index::Index;
use qtrail::load::{LoadMsg, SourceIds, spawn_load};
use qtrail::source::Input;
use qtrail::term::draw;
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

/// The keystrokes timed: scrolling, paging, filtering, the palette, regrouping.
const SCRIPT: &[(&str, &[Command])] = &[
    ("scroll (j)", &[Command::Down; 40]),
    ("page down", &[Command::PageDown; 20]),
    (
        "last / first (G, g)",
        &[Command::Bottom, Command::Top, Command::Bottom, Command::Top],
    ),
    ("open filter bar (:)", &[Command::OpenFilter]),
    (
        "type in the filter bar",
        &[Command::Type('u'), Command::Type('r'), Command::Type('e')],
    ),
    (
        "apply service:braket outcome:failure (Enter)",
        &[Command::Submit],
    ),
    ("clear filter (Esc)", &[Command::Back]),
    ("open palette (/)", &[Command::OpenPalette]),
    (
        "type in palette",
        &[
            Command::Type('c'),
            Command::Type('a'),
            Command::Type('n'),
            Command::Type('c'),
        ],
    ),
    (
        "select + apply actions",
        &[
            Command::ToggleSelect,
            Command::Down,
            Command::ToggleSelect,
            Command::Submit,
        ],
    ),
    ("clear (Esc)", &[Command::Back]),
    ("identities: regroup all (i)", &[Command::ShowIdentities]),
    (
        "identities: sort (s)",
        &[
            Command::CycleSort,
            Command::CycleSort,
            Command::CycleSort,
            Command::CycleSort,
        ],
    ),
    ("drill into top identity (Enter)", &[Command::DrillIn]),
    ("back (Esc)", &[Command::Back]),
    ("timeline (t)", &[Command::ShowTimeline]),
    (
        "histogram zoom (+, -)",
        &[
            Command::ZoomIn,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomOut,
        ],
    ),
];

pub fn run(inputs: Vec<Input>, width: u16, height: u16) -> anyhow::Result<UiReport> {
    let started = Instant::now();
    let mut state = AppState::new(Index::new(), chrono::Utc::now().timestamp_millis());
    state.help = Keymap::default_keymap().help_lines();
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    let mut first_screen_ms = None;
    for msg in spawn_load(inputs, SourceIds::default()) {
        let done = matches!(msg, LoadMsg::Done);
        if state.apply_load(msg) && first_screen_ms.is_none() {
            let _ = state.data_changed();
            draw(&mut terminal, &mut state, &Theme::colored())?;
            first_screen_ms = Some(millis(started));
        }
        if done {
            break;
        }
    }
    let _ = state.data_changed();
    draw(&mut terminal, &mut state, &Theme::colored())?;
    let load_ms = millis(started);
    // The filter typed before the timed keys; its last characters are typed in the script.
    "service:braket outcome:fail".clone_into(&mut state.filter.text);
    let mut steps = Vec::new();
    for (step, commands) in SCRIPT {
        let mut times = Vec::new();
        for &command in *commands {
            let t = Instant::now();
            let _effects = update(&mut state, command);
            draw(&mut terminal, &mut state, &Theme::colored())?;
            times.push(millis(t));
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
        events: state.index.len(),
        first_screen_ms: first_screen_ms.unwrap_or(load_ms),
        load_ms,
        size: format!("{width}x{height}"),
        steps,
    })
}
