//! Snapshots of what the explorer draws (`TestBackend` + insta), at 80x24 and 200x50.

#[path = "common/explorer.rs"]
mod explorer;

use explorer::{demo_state, press, type_text};
use qtrail::app::{AppState, Command};
use qtrail::view::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

fn draw(state: &mut AppState, width: u16, height: u16, theme: &Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    qtrail::term::draw(&mut terminal, state, theme).expect("draw");
    terminal
}

fn snapshot(state: &mut AppState, width: u16, height: u16) -> String {
    draw(state, width, height, &Theme::colored())
        .backend()
        .to_string()
}

fn demo() -> AppState {
    let mut state = demo_state();
    state.banner = Some(" DEMO DATA ".into());
    state
}

#[test]
fn demo_loaded_80x24() {
    let mut state = demo();
    insta::assert_snapshot!(snapshot(&mut state, 80, 24));
}

#[test]
fn demo_loaded_wide() {
    let mut state = demo();
    insta::assert_snapshot!(snapshot(&mut state, 200, 50));
}

#[test]
fn detail_of_a_failed_event() {
    let mut state = demo();
    press(&mut state, &[Command::OpenFilter]);
    type_text(&mut state, "ip:203.0.113.77 outcome:failure");
    press(&mut state, &[Command::Submit, Command::DrillIn]);
    insta::assert_snapshot!(snapshot(&mut state, 80, 24));
    insta::assert_snapshot!("detail_wide", snapshot(&mut state, 200, 50));
}

#[test]
fn identity_drill_down() {
    let mut state = demo();
    press(
        &mut state,
        &[Command::ShowIdentities, Command::Down, Command::DrillIn],
    );
    insta::assert_snapshot!(snapshot(&mut state, 80, 24));
    insta::assert_snapshot!("identity_drill_down_wide", snapshot(&mut state, 200, 50));
}

#[test]
fn palette_ranks_actions() {
    let mut state = demo();
    press(&mut state, &[Command::OpenPalette]);
    type_text(&mut state, "cancl");
    press(&mut state, &[Command::ToggleSelect]);
    insta::assert_snapshot!(snapshot(&mut state, 80, 24));
}

#[test]
fn help_screen() {
    let mut state = demo();
    press(&mut state, &[Command::Help]);
    insta::assert_snapshot!(snapshot(&mut state, 80, 24));
}

#[test]
fn rejects_overlay() {
    let index = {
        // Relative (tests run from the package root), so the names shown are the same in
        // every checkout.
        let paths = [std::path::PathBuf::from("tests/data/hostile")];
        let inputs = qtrail::source::expand_inputs(&paths).expect("fixtures");
        let mut index = qtrail::index::Index::new();
        qtrail::index::load_blocking(inputs, &mut index, |_, _| {});
        index
    };
    let mut state = explorer::state_of(index);
    press(&mut state, &[Command::ShowRejects]);
    insta::assert_snapshot!(snapshot(&mut state, 80, 24));
}

#[test]
fn hostile_text_is_shown_escaped() {
    let mut state = demo();
    press(&mut state, &[Command::OpenFilter]);
    type_text(&mut state, "ua:*PWNED*");
    press(&mut state, &[Command::Submit]);
    let terminal = draw(&mut state, 200, 50, &Theme::colored());
    let cells = terminal.backend().buffer().content();
    assert!(
        cells
            .iter()
            .all(|c| !c.symbol().chars().any(qtrail::sanitize::is_unsafe))
    );
    let text = terminal.backend().to_string();
    assert!(text.contains("\\e]0;PWNED\\a\\e[2J"), "{text}");
}

#[test]
fn no_color_uses_no_colour_and_keeps_selection_and_failures_visible() {
    let mut state = demo();
    press(&mut state, &[Command::OpenFilter]);
    type_text(&mut state, "outcome:failure");
    press(&mut state, &[Command::Submit]);
    let terminal = draw(&mut state, 80, 24, &Theme::monochrome());
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    let row_of = |needle: &str| {
        (0..buffer.area.height).find(|&y| {
            let line: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect();
            line.contains(needle)
        })
    };
    let selected = row_of("TIME (UTC)").expect("the timeline header") + 1;
    assert!(
        buffer[(3, selected)].modifier.contains(Modifier::REVERSED),
        "selection in reverse video"
    );
    let failure_row = selected + 1;
    assert!(
        buffer[(3, failure_row)].modifier.contains(Modifier::BOLD),
        "failures in bold"
    );
    insta::assert_snapshot!(terminal.backend().to_string());
}

#[test]
fn extreme_times_and_tiny_terminals_never_panic() {
    let record = |id: &str, time: &str| {
        format!(
            r#"{{"eventVersion":"1.09","eventID":"{id}","eventTime":"{time}","eventSource":"braket.amazonaws.com","eventName":"GetDevice","userIdentity":{{"type":"IAMUser","arn":"arn:aws:iam::1:user/a"}}}}"#
        )
    };
    let text = [
        record("a", "0001-01-01T00:00:00Z"),
        record("b", "9999-12-31T23:59:59Z"),
        record("c", "1969-07-20T20:17:40Z"),
    ]
    .join("\n");
    let mut index = qtrail::index::Index::new();
    index.apply(qtrail::load::parse_buffer(0, text.as_bytes()));
    let mut state = explorer::state_of(index);
    assert_eq!(state.rows.len(), 3);
    for (w, h) in [(80, 24), (20, 5), (1, 1), (300, 100)] {
        for command in [
            Command::ShowTimeline,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ShowIdentities,
            Command::DrillIn,
            Command::Help,
            Command::Back,
        ] {
            press(&mut state, &[command]);
            let _ = draw(&mut state, w, h, &Theme::colored());
        }
    }
}

/// Live and paused: the status bar says what arrived since the pause, the rate, and F.
#[test]
fn live_paused_80x24() {
    let mut state = demo();
    state.live = qtrail::app::live::LiveState::following(None);
    explorer::press(&mut state, &[qtrail::app::Command::Up]);
    state.live.paused_at -= 37;
    state.live.rate = 12_345;
    insta::assert_snapshot!(snapshot(&mut state, 80, 24));
}

/// A state whose one event has an original of 300 keys (over 300 lines).
fn long_original() -> (tempfile::TempDir, AppState) {
    let keys: Vec<String> = (0..300).map(|i| format!("\"k{i:03}\":{i}")).collect();
    let record = format!(
        "{{\"eventVersion\":\"1.09\",\"eventTime\":\"2026-03-02T09:00:00Z\",\
         \"eventSource\":\"braket.amazonaws.com\",\"eventName\":\"GetDevice\",\
         \"userIdentity\":{{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/a\"}},\
         \"requestParameters\":{{{}}}}}\n",
        keys.join(",")
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("long.ndjson");
    std::fs::write(&path, record).expect("write");
    let mut index = qtrail::index::Index::new();
    qtrail::index::load_blocking(
        vec![qtrail::source::Input::File(path)],
        &mut index,
        |_, _| {},
    );
    let mut state = explorer::state_of(index);
    press(&mut state, &[Command::DrillIn]);
    (dir, state)
}

/// The rows of the detail pane's inside, top to bottom.
fn detail_rows(screen: &str) -> Vec<&str> {
    let rows: Vec<&str> = screen.lines().collect();
    let top = rows
        .iter()
        .position(|r| r.contains("detail"))
        .expect("the detail pane");
    let bottom = top
        + 1
        + rows[top + 1..]
            .iter()
            .position(|r| r.contains('└'))
            .expect("its end");
    rows[top + 1..bottom].to_vec()
}

/// Only the lines of the original in view are drawn; scrolled deep into a long record,
/// the pane's first row is the line the scroll position names.
#[test]
fn a_long_original_scrolls_line_by_line() {
    let (_dir, mut state) = long_original();
    let at = |state: &AppState, key: &str| {
        state
            .detail
            .json()
            .iter()
            .position(|l| l.parts.iter().any(|(_, t)| t.contains(key)))
            .expect("the key is in the original")
    };
    for key in ["k000", "k150", "k299"] {
        state.detail.scroll = qtrail::app::detail::FIELD_LINES + at(&state, key);
        let screen = snapshot(&mut state, 80, 24);
        let first = detail_rows(&screen)[0];
        assert!(
            first.contains(&format!("\"{key}\"")),
            "scrolled to {key}, the pane starts with {first:?}"
        );
    }
}

/// The detail pane pages by its own height: the end of a long original is reachable and
/// fills the pane, whatever the list's height.
#[test]
fn the_end_of_a_long_original_is_reachable_at_any_size() {
    for (width, height) in [(80, 24), (120, 40), (200, 50)] {
        let (_dir, mut state) = long_original();
        snapshot(&mut state, width, height);
        press(&mut state, &[Command::Bottom]);
        let screen = snapshot(&mut state, width, height);
        let rows = detail_rows(&screen);
        assert!(
            rows.last()
                .is_some_and(|r| r.contains("│  }") || r.contains("│}")),
            "{width}x{height}: the last row is the record's end:\n{}",
            rows.join("\n")
        );
        assert!(
            rows.iter().any(|r| r.contains("\"k299\"")),
            "{width}x{height}"
        );
    }
}
