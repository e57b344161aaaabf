//! Snapshots of what the explorer draws (`TestBackend` + insta), at 80x24 and 200x50.

#[path = "common/explorer.rs"]
mod explorer;

use explorer::Explorer;
use qtrail::app::{Command, FollowState};
use qtrail::view::Theme;
use ratatui::style::{Color, Modifier};

fn demo() -> Explorer {
    Explorer::with(
        explorer::demo_index(),
        Some(" DEMO DATA "),
        FollowState::default(),
    )
}

#[test]
fn demo_loaded_80x24() {
    let mut ex = demo();
    insta::assert_snapshot!(ex.snapshot(80, 24));
}

#[test]
fn demo_loaded_wide() {
    let mut ex = demo();
    insta::assert_snapshot!(ex.snapshot(200, 50));
}

#[test]
fn detail_of_a_failed_event() {
    let mut ex = demo();
    ex.filter("ip:203.0.113.77 outcome:failure");
    ex.press(&[Command::DrillIn]);
    insta::assert_snapshot!(ex.snapshot(80, 24));
    insta::assert_snapshot!("detail_wide", ex.snapshot(200, 50));
}

#[test]
fn identity_drill_down() {
    let mut ex = demo();
    ex.press(&[Command::ShowIdentities, Command::Down, Command::DrillIn]);
    insta::assert_snapshot!(ex.snapshot(80, 24));
    insta::assert_snapshot!("identity_drill_down_wide", ex.snapshot(200, 50));
}

#[test]
fn palette_ranks_actions() {
    let mut ex = demo();
    ex.press(&[Command::OpenPalette]);
    ex.type_text("cancl");
    ex.press(&[Command::ToggleSelect]);
    insta::assert_snapshot!(ex.snapshot(80, 24));
}

#[test]
fn help_screen() {
    let mut ex = demo();
    ex.press(&[Command::Help]);
    insta::assert_snapshot!(ex.snapshot(80, 24));
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
    let mut ex = Explorer::of(index);
    ex.press(&[Command::ShowRejects]);
    insta::assert_snapshot!(ex.snapshot(80, 24));
}

#[test]
fn hostile_text_is_shown_escaped() {
    let mut ex = demo();
    ex.filter("ua:*PWNED*");
    let terminal = ex.screen(200, 50, &Theme::colored());
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
    let mut ex = demo();
    ex.filter("outcome:failure");
    let terminal = ex.screen(80, 24, &Theme::monochrome());
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
    let mut ex = Explorer::of(index);
    assert_eq!(ex.state.filtered_rows().len(), 3);
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
            ex.press(&[command]);
            let _ = ex.screen(w, h, &Theme::colored());
        }
    }
}

/// Live and paused: the status bar says what arrived since the pause, the rate, and F.
/// The demo streams in; the user goes to the first event, which pauses following; the
/// last 37 records arrive 3 ms after the rest.
#[test]
fn live_paused_80x24() {
    use qtrail::app::Msg;
    use qtrail::load::{LoadMsg, parse_buffer_at};
    use qtrail::source::{BlockStore, SourceInfo, SourceKind};
    let mut ex = Explorer::with(
        qtrail::index::Index::new(),
        Some(" DEMO DATA "),
        FollowState::live(None),
    );
    let store = std::sync::Arc::new(BlockStore::default());
    let kind = SourceKind::Memory(std::sync::Arc::clone(&store));
    let info = SourceInfo {
        name: "demo".into(),
        kind,
    };
    ex.send(Msg::Loaded(LoadMsg::Source(0, info)));
    let lines = explorer::demo_lines();
    let (first, last) = lines.split_at(lines.len() - 37);
    let mut offset = 0;
    let mut arrive = |ex: &mut Explorer, lines: &[String]| {
        let bytes = format!("{}\n", lines.join("\n")).into_bytes();
        store.insert(offset, &bytes);
        ex.send(Msg::Loaded(LoadMsg::Batch(parse_buffer_at(
            0, offset, &bytes,
        ))));
        ex.send(Msg::Refresh);
        offset += bytes.len() as u64;
    };
    arrive(&mut ex, first);
    ex.press(&[Command::Top]);
    ex.send(Msg::Tick);
    arrive(&mut ex, last);
    // 37 events in 2.997165 ms: 12,345 a second.
    ex.clock.mono += std::time::Duration::from_nanos(2_997_165);
    ex.send(Msg::Tick);
    insta::assert_snapshot!(ex.snapshot(80, 24));
}

/// A state whose one event has an original of 300 keys (over 300 lines).
fn long_original() -> (tempfile::TempDir, Explorer) {
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
    let mut ex = Explorer::of(index);
    ex.press(&[Command::DrillIn]);
    (dir, ex)
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
    let (_dir, mut ex) = long_original();
    ex.snapshot(80, 24);
    let at = |ex: &Explorer, key: &str| {
        ex.state
            .detail()
            .json()
            .iter()
            .position(|l| l.parts.iter().any(|(_, t)| t.contains(key)))
            .expect("the key is in the original")
    };
    for key in ["k000", "k150", "k280"] {
        let line = qtrail::app::detail::FIELD_LINES + at(&ex, key);
        ex.press(&[Command::Top]);
        ex.press(&vec![Command::Down; line]);
        assert_eq!(ex.state.detail().scroll(), line, "j moves one line");
        let screen = ex.snapshot(80, 24);
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
        let (_dir, mut ex) = long_original();
        ex.snapshot(width, height);
        ex.press(&[Command::Bottom]);
        let screen = ex.snapshot(width, height);
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
