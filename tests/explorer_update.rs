//! Keys to commands, and commands to state: the explorer's behaviour without a terminal.

#[path = "common/explorer.rs"]
mod explorer;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use explorer::Explorer;
use qtrail::app::{Command, Condition, Keymap, Mode, Pane, Screen, key_name};
use qtrail::model::Column;
use qtrail::term::Flow;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The key a keymap name stands for: the inverse of `key_name`.
fn key_of(name: &str) -> KeyEvent {
    if let Some(rest) = name.strip_prefix("ctrl-") {
        let base = key_of(rest);
        return KeyEvent::new(base.code, KeyModifiers::CONTROL);
    }
    let code = match name {
        "space" => KeyCode::Char(' '),
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "shift-tab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" => KeyCode::PageUp,
        "pgdn" => KeyCode::PageDown,
        one if one.chars().count() == 1 => KeyCode::Char(one.chars().next().expect("a char")),
        other => panic!("the keymap names a key no terminal sends: {other:?}"),
    };
    key(code)
}

/// A mode and focus in which a rule's condition holds.
fn context(when: Condition) -> (Mode, Pane) {
    match when {
        Condition::Browsing | Condition::Always => (Mode::Browse, Pane::Timeline),
        Condition::Focus(pane) => (Mode::Browse, pane),
        Condition::TextInput | Condition::FilterBar => (Mode::Filter, Pane::Timeline),
        Condition::Picker => (Mode::Values, Pane::Timeline),
        Condition::Palette => (Mode::Palette, Pane::Timeline),
        Condition::Overlay => (Mode::Help, Pane::Timeline),
    }
}

#[test]
fn every_keymap_entry_is_a_key_that_reaches_its_command() {
    let keymap = Keymap::default_keymap();
    assert!(keymap.rules.len() > 40);
    for rule in &keymap.rules {
        let key = key_of(&rule.key);
        assert_eq!(key_name(key).as_deref(), Some(rule.key.as_str()));
        let (mode, focus) = context(rule.when);
        assert_eq!(
            keymap.command(key, mode, focus),
            Some(rule.command),
            "{} in {:?} is shadowed by an earlier rule",
            rule.key,
            rule.when
        );
    }
    let help = keymap.help_lines();
    for rule in &keymap.rules {
        let line = help
            .iter()
            .find(|(_, what)| what == rule.command.describe())
            .unwrap_or_else(|| panic!("{:?} missing from help", rule.command));
        assert!(
            line.0.split(' ').any(|k| k == rule.key),
            "help for {:?} lists {}, not {}",
            rule.command,
            line.0,
            rule.key
        );
    }
}

#[test]
fn every_command_has_a_key() {
    let keymap = Keymap::default_keymap();
    let bound: std::collections::HashSet<Command> =
        keymap.rules.iter().map(|r| r.command).collect();
    for command in Command::ALL {
        assert!(bound.contains(&command), "{command:?} has no key");
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
    let mut ex = Explorer::demo();
    ex.keys(&[key(KeyCode::Char('/'))]);
    ex.type_text("cancl");
    let names: Vec<&str> = ex
        .state
        .palette()
        .candidates()
        .iter()
        .map(|c| c.action.as_str())
        .collect();
    assert!(
        names.contains(&"braket:CancelQuantumTask")
            && names.contains(&"quantum-computing.job.cancel"),
        "{names:?}"
    );
    ex.keys(&[
        key(KeyCode::Char(' ')),
        key(KeyCode::Down),
        key(KeyCode::Char(' ')),
        key(KeyCode::Enter),
    ]);
    let state = &ex.state;
    assert_eq!(state.mode(), Mode::Browse);
    assert!(
        state.filter().text().starts_with("action:"),
        "{}",
        state.filter().text()
    );
    let actions: std::collections::BTreeSet<&str> = state
        .filtered_rows()
        .iter()
        .map(|&r| state.index().text(state.index().row(r), Column::Action))
        .collect();
    assert_eq!(actions.len(), 2, "{actions:?}");
}

#[test]
fn a_bad_filter_shows_its_error_in_place_and_esc_clears() {
    let mut ex = Explorer::demo();
    let all = ex.state.filtered_rows().len();
    ex.keys(&[key(KeyCode::Char(':'))]);
    ex.type_text("outcome:maybe");
    assert!(
        ex.state
            .filter()
            .error()
            .is_some_and(|e| e.contains("`outcome:maybe`"))
    );
    ex.keys(&[key(KeyCode::Enter)]);
    assert_eq!(ex.state.mode(), Mode::Filter, "a bad filter is not applied");
    ex.press(&vec![Command::Backspace; "maybe".len()]);
    ex.type_text("failure");
    ex.keys(&[key(KeyCode::Enter)]);
    let failures = ex.state.filtered_rows().len();
    assert!(failures < all && failures > 0);
    ex.keys(&[key(KeyCode::Esc)]);
    assert_eq!(ex.state.filtered_rows().len(), all, "Esc clears the filter");
}

#[test]
fn navigation_moves_the_cursor_and_reads_the_selected_original() {
    let mut ex = Explorer::demo();
    let page = ex.state.pages().list;
    ex.keys(&[
        key(KeyCode::Char('j')),
        key(KeyCode::Down),
        key(KeyCode::PageDown),
    ]);
    assert_eq!(ex.state.timeline().selected, 2 + page);
    assert_eq!(ex.state.detail().row(), ex.state.selected_row());
    assert!(
        ex.state.detail().value().is_some(),
        "original read for the detail"
    );
    ex.keys(&[key(KeyCode::Char('G'))]);
    assert_eq!(
        ex.state.timeline().selected,
        ex.state.filtered_rows().len() - 1
    );
    ex.keys(&[key(KeyCode::Char('g'))]);
    let timeline = ex.state.timeline();
    assert_eq!((timeline.selected, timeline.offset), (0, 0));
}

#[test]
fn tab_cycles_panes_and_identities_drill_in_and_back() {
    let mut ex = Explorer::demo();
    ex.keys(&[key(KeyCode::Tab)]);
    assert_eq!(ex.state.focus(), Pane::Detail);
    ex.keys(&[key(KeyCode::Tab)]);
    assert_eq!(
        (ex.state.focus(), ex.state.screen()),
        (Pane::Identities, Screen::Identities)
    );
    ex.screen(80, 24, &qtrail::view::Theme::colored());
    let top = ex.state.identities().groups()[0].clone();
    assert_eq!(
        top.name, "assumed-role/AWSReservedSSO_QuantumResearch_3f2a9c81d4e6b7a0",
        "sessions grouped under their role"
    );
    assert!(top.members.len() > 1);
    ex.keys(&[key(KeyCode::Enter)]);
    assert_eq!(ex.state.screen(), Screen::Identity(0));
    assert_eq!(ex.state.timeline_rows().len(), top.events);
    let (actions, ips) = top.distinct.expect("distinct counts");
    let breakdown = |c| {
        qtrail::app::identities::breakdown(
            ex.state.index(),
            ex.state.timeline_rows(),
            c,
            usize::MAX,
        )
        .len()
    };
    assert_eq!(
        (actions, ips),
        (breakdown(Column::Action), breakdown(Column::Ip))
    );
    ex.keys(&[key(KeyCode::Esc)]);
    assert_eq!(ex.state.screen(), Screen::Identities);
    ex.keys(&[key(KeyCode::Char('s'))]);
    let failures: Vec<usize> = ex
        .state
        .identities()
        .groups()
        .iter()
        .map(|g| g.failures)
        .collect();
    assert!(
        failures.windows(2).all(|w| w[0] >= w[1]),
        "sorted by failures"
    );
}

#[test]
fn related_events_cycle_request_id_access_key_and_identity() {
    let mut ex = Explorer::demo();
    ex.filter("error:AccessDenied* ip:203.0.113.45");
    assert!(
        ex.state.filtered_rows().len() >= 30,
        "the access-denied burst"
    );
    ex.keys(&[key(KeyCode::Char('r'))]);
    let text = || ex.state.filter().text().to_owned();
    assert!(text().starts_with("id:"), "{}", text());
    assert_eq!(ex.state.filtered_rows().len(), 1);
    ex.keys(&[key(KeyCode::Char('r'))]);
    let text = ex.state.filter().text().to_owned();
    assert!(
        text.starts_with("ASIA") || text.starts_with("AKIA"),
        "{text}"
    );
    assert!(
        ex.state.filtered_rows().len() > 1,
        "the same access key, searched in the originals"
    );
    ex.keys(&[key(KeyCode::Char('r'))]);
    let text = ex.state.filter().text().to_owned();
    assert!(text.starts_with("identity:"), "{text}");
}

#[test]
fn zoom_and_narrow_to_a_bucket() {
    let mut ex = Explorer::demo();
    ex.keys(&[key(KeyCode::PageDown), key(KeyCode::Char('+'))]);
    let (from, to) = ex.state.zoom().expect("zoomed");
    assert!(to - from < 2 * 86_400_000);
    ex.keys(&[key(KeyCode::Char('-')); 3]);
    assert_eq!(ex.state.zoom(), None, "zooming out past the data resets");
    let all = ex.state.filtered_rows().len();
    ex.keys(&[key(KeyCode::Char('b'))]);
    let text = ex.state.filter().text();
    assert!(text.contains("since:") && text.contains("until:"), "{text}");
    let narrowed = ex.state.filtered_rows().len();
    assert!(narrowed > 0 && narrowed < all);
}

#[test]
fn overlays_open_and_close_and_q_quits() {
    let mut ex = Explorer::demo();
    for (open, mode) in [('?', Mode::Help), ('R', Mode::Rejects)] {
        ex.keys(&[key(KeyCode::Char(open))]);
        assert_eq!(ex.state.mode(), mode);
        ex.keys(&[key(KeyCode::Esc)]);
        assert_eq!(ex.state.mode(), Mode::Browse);
    }
    assert_eq!(ex.keys(&[key(KeyCode::Char('q'))]), Flow::Quit);
}

#[test]
fn a_filter_change_inside_a_drill_down_keeps_the_keys_working() {
    let mut ex = Explorer::demo();
    ex.keys(&[key(KeyCode::Char('i'))]);
    ex.screen(80, 24, &qtrail::view::Theme::colored());
    let ci = ex
        .state
        .identities()
        .groups()
        .iter()
        .position(|g| g.name.starts_with("iam-ServiceId"))
        .expect("the CI identity");
    ex.press(&vec![Command::Down; ci]);
    ex.keys(&[key(KeyCode::Enter)]);
    // A bare word is searched in the background: the drill-down survives it.
    ex.filter("python-requests");
    assert!(
        matches!(ex.state.screen(), Screen::Identity(_)),
        "{:?}",
        ex.state.screen()
    );
    assert_eq!(ex.state.timeline_rows().len(), 50);
    // A filter that leaves the identity out lands on the list, focused and usable.
    ex.filter("ip:198.51.100.14");
    assert_eq!(
        (ex.state.screen(), ex.state.focus()),
        (Screen::Identities, Pane::Identities)
    );
    let before = ex.state.identities().list().selected;
    ex.keys(&[key(KeyCode::Char('j'))]);
    assert_eq!(ex.state.identities().list().selected, before + 1);
}

#[test]
fn detail_scrolling_stops_at_the_end_of_the_record() {
    let mut ex = Explorer::demo();
    ex.keys(&[key(KeyCode::Tab), key(KeyCode::Char('G'))]);
    assert_eq!(ex.state.focus(), Pane::Detail);
    let page = ex.state.pages().detail;
    let last = ex.state.detail().line_count() - page;
    assert_eq!(ex.state.detail().scroll(), last);
    ex.keys(&[key(KeyCode::Char('k'))]);
    assert_eq!(
        ex.state.detail().scroll(),
        last - 1,
        "k answers at once after G"
    );
}

#[test]
fn y_copies_the_selected_event_with_osc_52() {
    let mut ex = Explorer::demo();
    ex.keys(&[key(KeyCode::Char('y'))]);
    let copied = ex.clipboard.text();
    let encoded = copied
        .strip_prefix("\x1b]52;c;")
        .and_then(|c| c.strip_suffix('\x07'))
        .expect("one OSC 52 sequence");
    let json = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, encoded)
        .expect("base64");
    let value: serde_json::Value = serde_json::from_slice(&json).expect("the event's JSON");
    assert_eq!(Some(&value), ex.state.detail().value());
    assert!(ex.state.notice().is_some_and(|n| n.contains("copied")));
}

#[test]
fn a_relative_filter_counts_from_when_it_is_typed() {
    let mut ex = Explorer::demo();
    // 2026-03-04T13:35:00Z, just after the demo's burst of access denials.
    ex.clock = qtrail::app::Clock::at(1_772_631_300_000);
    ex.filter("since:15m");
    let burst = ex.state.filtered_rows().len();
    assert!(
        burst > 40,
        "the quarter hour before 13:35 holds the burst: {burst}"
    );
    // Hours later, in the same session: the same words mean the quarter hour before now.
    ex.clock = qtrail::app::Clock::at(explorer::NOW);
    ex.filter("since:15m");
    assert_eq!(
        ex.state.filtered_rows().len(),
        0,
        "nothing after the demo's end"
    );
}
