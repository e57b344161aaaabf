//! The explorer's tools for who-did-what, on the demo: the filter bar's editing keys,
//! history and undo, the values overlay, the selected event's job and the drill-down's
//! sessions. Keys go through the keymap as a terminal sends them.

#[path = "common/explorer.rs"]
mod explorer;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use explorer::Explorer;
use qtrail::app::{Command, Mode, Msg, Screen};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn chars(text: &str) -> Vec<KeyEvent> {
    text.chars().map(|c| key(KeyCode::Char(c))).collect()
}

#[test]
fn the_filter_bar_edits_at_the_cursor() {
    let mut ex = Explorer::demo();
    ex.keys(&[key(KeyCode::Char(':'))]);
    ex.keys(&chars("outcome:failure ip:1"));
    ex.keys(&[ctrl('w')]);
    assert_eq!(ex.state.filter().editing(), "outcome:failure ");
    ex.keys(&[key(KeyCode::Home)]);
    ex.keys(&chars("-"));
    assert_eq!(ex.state.filter().editing(), "-outcome:failure ");
    ex.keys(&[key(KeyCode::End), key(KeyCode::Left)]);
    ex.keys(&chars("x"));
    assert_eq!(ex.state.filter().editing(), "-outcome:failurex ");
    assert_eq!(ex.state.filter().cursor(), 17);
    ex.keys(&[key(KeyCode::Backspace), ctrl('u')]);
    assert_eq!(
        (ex.state.filter().editing(), ex.state.filter().cursor()),
        (" ", 0)
    );
}

#[test]
fn the_filter_bar_recalls_earlier_filters_and_backspace_undoes_a_change() {
    let mut ex = Explorer::demo();
    let all = ex.state.filtered_rows().len();
    ex.filter("outcome:failure");
    let failures = ex.state.filtered_rows().len();
    ex.filter("ip:203.0.113.200");
    ex.keys(&[key(KeyCode::Char(':')), ctrl('u'), key(KeyCode::Up)]);
    assert_eq!(ex.state.filter().editing(), "ip:203.0.113.200");
    ex.keys(&[key(KeyCode::Up)]);
    assert_eq!(ex.state.filter().editing(), "outcome:failure");
    ex.keys(&[key(KeyCode::Down), key(KeyCode::Down)]);
    assert_eq!(
        ex.state.filter().editing(),
        "",
        "past the latest: empty again"
    );
    ex.keys(&[key(KeyCode::Esc)]);
    // Esc clears the filter; Backspace brings it back, and the one before it.
    ex.keys(&[key(KeyCode::Esc)]);
    assert_eq!(ex.state.filtered_rows().len(), all);
    ex.keys(&[key(KeyCode::Backspace)]);
    assert_eq!(ex.state.filter().text(), "ip:203.0.113.200");
    ex.keys(&[key(KeyCode::Backspace)]);
    assert_eq!(ex.state.filter().text(), "outcome:failure");
    assert_eq!(ex.state.filtered_rows().len(), failures);
    ex.keys(&[key(KeyCode::Char('r'))]);
    ex.keys(&[key(KeyCode::Backspace)]);
    assert_eq!(ex.state.filter().text(), "outcome:failure", "r undone");
}

#[test]
fn the_values_overlay_counts_a_field_and_filters_to_a_value() {
    let mut ex = Explorer::demo();
    ex.filter("identity:iam-ServiceId-*");
    ex.keys(&[key(KeyCode::Char('v'))]);
    assert_eq!(ex.state.mode(), Mode::Values);
    ex.keys(&chars("ip"));
    ex.keys(&[key(KeyCode::Enter)]);
    let counts = ex.state.values().counts().to_vec();
    assert_eq!(
        counts,
        [
            ("198.51.100.23".to_owned(), 509),
            ("203.0.113.200".to_owned(), 50)
        ]
    );
    ex.keys(&[key(KeyCode::Down), key(KeyCode::Enter)]);
    assert_eq!(ex.state.mode(), Mode::Browse);
    assert_eq!(
        ex.state.filter().text(),
        "identity:iam-ServiceId-* ip:203.0.113.200"
    );
    assert_eq!(ex.state.filtered_rows().len(), 50);
}

#[test]
fn the_values_overlay_counts_a_json_path_in_the_originals() {
    let mut ex = Explorer::demo();
    ex.filter("action:CreateQuantumTask");
    let tasks = ex.state.filtered_rows().len();
    ex.keys(&[key(KeyCode::Char('v'))]);
    ex.keys(&chars("requestParameters.shots"));
    ex.keys(&[key(KeyCode::Enter)]);
    let counts = ex.state.values().counts();
    assert!(
        !ex.state.values().counting(),
        "counted off the UI thread, then shown"
    );
    assert!(counts.len() > 1, "{counts:?}");
    assert!(counts.iter().map(|(_, n)| n).sum::<usize>() <= tasks);
    assert!(
        counts.windows(2).all(|w| w[0].1 >= w[1].1),
        "most frequent first"
    );
    ex.keys(&[key(KeyCode::Esc)]);
    assert_eq!(ex.state.mode(), Mode::Browse);
}

#[test]
fn the_detail_tells_the_selected_events_job_and_who_ended_it() {
    let mut ex = Explorer::demo();
    ex.filter("actor:*eve@uni.example action:CancelQuantumTask ip:203.0.113.45");
    assert_eq!(
        ex.state.filtered_rows().len(),
        1,
        "the escalated session's cancel"
    );
    let job = ex
        .state
        .detail()
        .job()
        .expect("the cancel touches a task")
        .clone();
    assert!(
        job.created
            .as_ref()
            .is_some_and(|(_, who)| who.ends_with("/carla@uni.example"))
    );
    let (how, _, who) = job.ended.clone().expect("cancelled");
    assert_eq!(
        (how, who.ends_with("QuantumOps/maintenance")),
        ("cancelled", true)
    );
    assert!(job.ended_by_another());
    let screen = ex.snapshot(120, 40);
    assert!(screen.contains("(not its creator)"), "{screen}");
    // `r`: the same request id first, then the same job.
    ex.keys(&[key(KeyCode::Char('r')), key(KeyCode::Char('r'))]);
    assert!(
        ex.state.filter().text().starts_with("job:"),
        "{}",
        ex.state.filter().text()
    );
    assert_eq!(
        ex.state.filtered_rows().len(),
        3,
        "Carla's create, the read and the cancel"
    );
}

#[test]
fn the_drill_down_shows_who_started_a_session_and_what_it_started() {
    let mut ex = Explorer::demo();
    ex.keys(&[key(KeyCode::Char('i'))]);
    ex.screen(80, 24, &qtrail::view::Theme::colored());
    ex.keys(&[key(KeyCode::Enter)]);
    assert!(matches!(ex.state.screen(), Screen::Identity(0)));
    let summary = ex.state.identities().summary();
    assert!(
        summary
            .started_by
            .iter()
            .any(|s| s.starts_with("SAMLUser:") && s.ends_with("eve@uni.example")),
        "{:?}",
        summary.started_by
    );
    assert_eq!(
        summary.sessions_started,
        ["arn:aws:sts::111122223333:assumed-role/QuantumOps/maintenance"]
    );
    let screen = ex.snapshot(80, 24);
    assert!(
        screen.contains("sessions started (1): QuantumOps/maintenance"),
        "{screen}"
    );
}

#[test]
fn a_live_session_whose_sources_ended_stops_saying_live() {
    let mut ex = Explorer::live(None);
    assert!(ex.snapshot(80, 24).contains("LIVE"));
    ex.send(Msg::SourcesEnded);
    let screen = ex.snapshot(80, 24);
    assert!(
        !screen.contains("LIVE") && screen.contains("ENDED"),
        "{screen}"
    );
    ex.press(&[Command::Follow]);
    assert!(!ex.state.follow().following());
}
