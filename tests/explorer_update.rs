//! Keys to commands, and commands to state: the explorer's behaviour without a terminal.

#[path = "common/explorer.rs"]
mod explorer;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use explorer::{demo_state, press, type_text};
use qtrail::app::{Command, Keymap, Mode, Pane, Screen};
use qtrail::model::Column;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn the_embedded_keymap_parses_and_binds_every_listed_key() {
    let keymap = Keymap::default_keymap();
    assert!(keymap.rules.len() > 40);
    let help = keymap.help_lines();
    for what in [
        "quit",
        "this help",
        "fuzzy search over action names",
        "edit the filter",
        "identities",
        "copy the event JSON (OSC 52)",
    ] {
        assert!(
            help.iter().any(|(_, w)| w == what),
            "{what} missing from help"
        );
    }
}

#[test]
fn keys_depend_on_mode_and_focus() {
    let keymap = Keymap::default_keymap();
    let browse = |k| keymap.command(k, Mode::Browse, Pane::Timeline);
    assert_eq!(browse(key(KeyCode::Char('q'))), Some(Command::Quit));
    assert_eq!(browse(key(KeyCode::Char('/'))), Some(Command::OpenPalette));
    assert_eq!(browse(key(KeyCode::Char('G'))), Some(Command::Bottom));
    assert_eq!(browse(key(KeyCode::BackTab)), Some(Command::PrevPane));
    assert_eq!(
        browse(key(KeyCode::Char('s'))),
        None,
        "sort only in the identities pane"
    );
    assert_eq!(
        keymap.command(key(KeyCode::Char('s')), Mode::Browse, Pane::Identities),
        Some(Command::CycleSort)
    );
    assert_eq!(
        keymap.command(key(KeyCode::Char('q')), Mode::Filter, Pane::Timeline),
        Some(Command::Type('q'))
    );
    assert_eq!(
        keymap.command(key(KeyCode::Char(' ')), Mode::Palette, Pane::Timeline),
        Some(Command::ToggleSelect)
    );
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for mode in [Mode::Browse, Mode::Filter, Mode::Palette, Mode::Help] {
        assert_eq!(
            keymap.command(ctrl_c, mode, Pane::Detail),
            Some(Command::Quit)
        );
    }
}

#[test]
fn fuzzy_palette_finds_cancel_actions_and_filters_to_several() {
    let mut state = demo_state();
    press(&mut state, &[Command::OpenPalette]);
    type_text(&mut state, "cancl");
    let names: Vec<&str> = state
        .palette
        .candidates
        .iter()
        .map(|c| c.action.as_str())
        .collect();
    assert!(
        names.contains(&"braket:CancelQuantumTask")
            && names.contains(&"quantum-computing.job.cancel"),
        "{names:?}"
    );
    press(
        &mut state,
        &[
            Command::ToggleSelect,
            Command::Down,
            Command::ToggleSelect,
            Command::Submit,
        ],
    );
    assert_eq!(state.mode, Mode::Browse);
    assert!(
        state.filter.text.starts_with("action:"),
        "{}",
        state.filter.text
    );
    let actions: std::collections::BTreeSet<&str> = state
        .rows
        .iter()
        .map(|&r| state.index.text(state.index.row(r), Column::Action))
        .collect();
    assert_eq!(actions.len(), 2, "{actions:?}");
}

#[test]
fn a_bad_filter_shows_its_error_in_place_and_esc_clears() {
    let mut state = demo_state();
    let all = state.rows.len();
    press(&mut state, &[Command::OpenFilter]);
    type_text(&mut state, "outcome:maybe");
    assert!(
        state
            .filter
            .error
            .as_deref()
            .is_some_and(|e| e.contains("`outcome:maybe`"))
    );
    press(&mut state, &[Command::Submit]);
    assert_eq!(state.mode, Mode::Filter, "a bad filter is not applied");
    for _ in 0.."maybe".len() {
        press(&mut state, &[Command::Backspace]);
    }
    type_text(&mut state, "failure");
    press(&mut state, &[Command::Submit]);
    assert!(state.rows.len() < all && !state.rows.is_empty());
    press(&mut state, &[Command::Back]);
    assert_eq!(state.rows.len(), all, "Esc clears the filter");
}

#[test]
fn navigation_moves_the_cursor_and_reads_the_selected_original() {
    let mut state = demo_state();
    state.page = 10;
    press(
        &mut state,
        &[Command::Down, Command::Down, Command::PageDown],
    );
    assert_eq!(state.timeline.selected, 12);
    assert_eq!(state.detail.row, state.selected_row());
    assert!(
        state.detail.value().is_some(),
        "original read for the detail"
    );
    press(&mut state, &[Command::Bottom]);
    assert_eq!(state.timeline.selected, state.rows.len() - 1);
    press(&mut state, &[Command::Top]);
    assert_eq!((state.timeline.selected, state.timeline.offset), (0, 0));
}

#[test]
fn tab_cycles_panes_and_identities_drill_in_and_back() {
    let mut state = demo_state();
    press(&mut state, &[Command::NextPane]);
    assert_eq!(state.focus, Pane::Detail);
    press(&mut state, &[Command::NextPane]);
    assert_eq!(
        (state.focus, state.screen),
        (Pane::Identities, Screen::Identities)
    );
    let top = state.identities.groups[0].clone();
    assert_eq!(
        top.name, "assumed-role/AWSReservedSSO_QuantumResearch_3f2a9c81d4e6b7a0",
        "sessions grouped under their role"
    );
    assert!(top.members.len() > 1);
    press(&mut state, &[Command::DrillIn]);
    assert_eq!(state.screen, Screen::Identity(0));
    assert_eq!(state.identity_rows.len(), top.events);
    let (actions, ips) = top.distinct.expect("distinct counts");
    let breakdown = |c| {
        qtrail::app::identities::breakdown(&state.index, &state.identity_rows, c, usize::MAX).len()
    };
    assert_eq!(
        (actions, ips),
        (breakdown(Column::Action), breakdown(Column::Ip))
    );
    press(&mut state, &[Command::Back]);
    assert_eq!(state.screen, Screen::Identities);
    press(&mut state, &[Command::CycleSort]);
    let failures: Vec<usize> = state.identities.groups.iter().map(|g| g.failures).collect();
    assert!(
        failures.windows(2).all(|w| w[0] >= w[1]),
        "sorted by failures"
    );
}

#[test]
fn related_events_cycle_request_id_access_key_and_identity() {
    let mut state = demo_state();
    press(&mut state, &[Command::OpenFilter]);
    type_text(&mut state, "error:AccessDenied* ip:203.0.113.45");
    press(&mut state, &[Command::Submit]);
    assert!(state.rows.len() >= 30, "the access-denied burst");
    press(&mut state, &[Command::RelatedEvents]);
    assert!(
        state.filter.text.starts_with("id:"),
        "{}",
        state.filter.text
    );
    assert_eq!(state.rows.len(), 1);
    press(&mut state, &[Command::RelatedEvents]);
    assert!(
        state.filter.text.starts_with("ASIA") || state.filter.text.starts_with("AKIA"),
        "{}",
        state.filter.text
    );
    assert!(
        state.rows.len() > 1,
        "the same access key, searched in the originals"
    );
    press(&mut state, &[Command::RelatedEvents]);
    assert!(
        state.filter.text.starts_with("identity:"),
        "{}",
        state.filter.text
    );
}

#[test]
fn zoom_and_narrow_to_a_bucket() {
    let mut state = demo_state();
    state.histogram_columns = 60;
    press(&mut state, &[Command::PageDown, Command::ZoomIn]);
    let (from, to) = state.zoom.expect("zoomed");
    assert!(to - from < 2 * 86_400_000);
    press(
        &mut state,
        &[Command::ZoomOut, Command::ZoomOut, Command::ZoomOut],
    );
    assert_eq!(state.zoom, None, "zooming out past the data resets");
    let all = state.rows.len();
    press(&mut state, &[Command::NarrowToBucket]);
    assert!(state.filter.text.contains("since:") && state.filter.text.contains("until:"));
    assert!(!state.rows.is_empty() && state.rows.len() < all);
}

#[test]
fn overlays_open_and_close() {
    let mut state = demo_state();
    for (open, mode) in [
        (Command::Help, Mode::Help),
        (Command::ShowRejects, Mode::Rejects),
    ] {
        press(&mut state, &[open]);
        assert_eq!(state.mode, mode);
        press(&mut state, &[Command::Back]);
        assert_eq!(state.mode, Mode::Browse);
    }
    assert!(matches!(
        qtrail::app::update(&mut state, Command::Quit)[..],
        [qtrail::app::Effect::Quit]
    ));
}

#[test]
fn a_filter_change_inside_a_drill_down_keeps_the_keys_working() {
    let mut state = demo_state();
    press(&mut state, &[Command::ShowIdentities]);
    let ci = state
        .identities
        .groups
        .iter()
        .position(|g| g.name.starts_with("iam-ServiceId"))
        .expect("the CI identity");
    state.identities.list.selected = ci;
    press(&mut state, &[Command::DrillIn]);
    // A bare word is searched in the background: the drill-down survives it.
    press(&mut state, &[Command::OpenFilter]);
    type_text(&mut state, "python-requests");
    press(&mut state, &[Command::Submit]);
    assert!(
        matches!(state.screen, Screen::Identity(_)),
        "{:?}",
        state.screen
    );
    assert_eq!(state.identity_rows.len(), 50);
    // A filter that leaves the identity out lands on the list, focused and usable.
    press(&mut state, &[Command::OpenFilter, Command::Backspace]);
    for _ in 0.."python-requests".len() {
        press(&mut state, &[Command::Backspace]);
    }
    type_text(&mut state, "ip:198.51.100.14");
    press(&mut state, &[Command::Submit]);
    assert_eq!(
        (state.screen, state.focus),
        (Screen::Identities, Pane::Identities)
    );
    let before = state.identities.list.selected;
    press(&mut state, &[Command::Down]);
    assert_eq!(state.identities.list.selected, before + 1);
}

#[test]
fn detail_scrolling_stops_at_the_end_of_the_record() {
    let mut state = demo_state();
    state.detail.page = 6;
    press(&mut state, &[Command::NextPane, Command::Bottom]);
    assert_eq!(state.focus, Pane::Detail);
    let last = state.detail.line_count() - 6;
    assert_eq!(state.detail.scroll, last);
    press(&mut state, &[Command::Up]);
    assert_eq!(state.detail.scroll, last - 1, "k answers at once after G");
}

#[test]
fn new_data_keeps_the_cursor_at_the_top_until_the_user_moves_it() {
    let mut state = demo_state();
    state.timeline.selected = 7;
    let _ = state.data_changed();
    assert_eq!(
        state.timeline.selected, 0,
        "not moved by the user: the first event"
    );
    press(&mut state, &[Command::Down, Command::Down]);
    let row = state.selected_row();
    let _ = state.data_changed();
    assert_eq!(
        state.selected_row(),
        row,
        "moved by the user: stays on its event"
    );
}
