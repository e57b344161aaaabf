//! The explorer while events stream in: follow mode, pausing and resuming, late events,
//! duplicates, and eviction beyond `--max-events`. Batches are built from the real sample
//! records and applied as the event loop applies them.

mod common;
#[path = "common/explorer.rs"]
mod explorer;

use std::sync::Arc;

use explorer::Explorer;
use qtrail::app::{AppState, Command, Effect, Msg};
use qtrail::index::Index;
use qtrail::load::{LoadMsg, parse_buffer_at};
use qtrail::source::BlockStore;
use qtrail::source::{SourceInfo, SourceKind};

/// The sample records, one a line: 7 `CloudTrail` (Braket) events, then 6 CADF ones.
fn sample_lines() -> Vec<String> {
    let mut lines = Vec::new();
    for rel in ["braket/quantum-tasks.ndjson", "cadf/qiskit-runtime.ndjson"] {
        let text = std::fs::read_to_string(common::data(rel)).expect("sample");
        lines.extend(text.lines().map(str::to_owned));
    }
    lines
}

/// A live stream: one in-memory source whose records arrive batch by batch.
struct Stream {
    store: Arc<BlockStore>,
    offset: u64,
}

impl Stream {
    fn open(ex: &mut Explorer) -> Stream {
        let store = Arc::new(BlockStore::default());
        let info = SourceInfo {
            name: "tcp://127.0.0.1:5170".into(),
            kind: SourceKind::Memory(Arc::clone(&store)),
        };
        ex.send(Msg::Loaded(LoadMsg::Source(0, info)));
        Stream { store, offset: 0 }
    }

    /// Sends `lines` as one batch, then refreshes as the loop does after it.
    fn send(&mut self, ex: &mut Explorer, lines: &[String]) {
        let effects = self.arrive(ex, lines);
        ex.run(effects);
    }

    /// Sends `lines` and refreshes, leaving the effects asked for undone.
    fn arrive(&mut self, ex: &mut Explorer, lines: &[String]) -> Vec<Effect> {
        let mut bytes = lines.join("\n").into_bytes();
        bytes.push(b'\n');
        self.store.insert(self.offset, &bytes);
        let batch = parse_buffer_at(0, self.offset, &bytes);
        self.offset += bytes.len() as u64;
        assert!(ex.update(Msg::Loaded(LoadMsg::Batch(batch))).is_empty());
        assert!(ex.state.refresh_pending());
        ex.update(Msg::Refresh)
    }
}

/// Records whose text holds `word`, whatever its case.
fn naming(lines: &[String], word: &str) -> usize {
    lines
        .iter()
        .filter(|l| l.to_lowercase().contains(word))
        .count()
}

/// A live explorer that took in the first three records, then a filter on the bare word
/// `braket` (which searches the originals).
fn streaming_with_a_word_filter() -> (Vec<String>, Explorer, Stream) {
    let lines = sample_lines();
    let mut ex = Explorer::live(None);
    let mut stream = Stream::open(&mut ex);
    stream.send(&mut ex, &lines[..3]);
    ex.filter("braket");
    (lines, ex, stream)
}

fn times(state: &AppState) -> Vec<i64> {
    state
        .timeline_rows()
        .iter()
        .map(|&r| state.index().row(r).time_ms)
        .collect()
}

fn selected_time(state: &AppState) -> i64 {
    state
        .index()
        .row(state.selected_row().expect("a selected event"))
        .time_ms
}

#[test]
fn following_keeps_the_newest_in_view_until_the_user_moves_up() {
    let lines = sample_lines();
    let mut ex = Explorer::live(None);
    let mut stream = Stream::open(&mut ex);
    stream.send(&mut ex, &lines[4..7]);
    let newest = *times(&ex.state).iter().max().expect("events");
    assert_eq!(
        selected_time(&ex.state),
        newest,
        "the cursor follows the newest"
    );

    stream.send(&mut ex, &lines[7..10]);
    let newest = *times(&ex.state).iter().max().expect("events");
    assert_eq!(selected_time(&ex.state), newest);

    ex.press(&[Command::Up]);
    assert!(!ex.state.follow().following(), "moving up pauses following");
    let held = ex
        .state
        .selected_row()
        .map(|r| ex.state.index().order_key(r));
    let at = ex.state.timeline().selected;
    // Older than the held event: they land above it, and the cursor must move with it.
    stream.send(&mut ex, &lines[..4]);
    assert_eq!(
        ex.state
            .selected_row()
            .map(|r| ex.state.index().order_key(r)),
        held,
        "paused: the cursor stays on its event"
    );
    assert_eq!(
        ex.state.timeline().selected,
        at + 4,
        "four rows were inserted above"
    );
    assert_eq!(
        ex.state.new_since_pause(),
        4,
        "what arrived while paused is counted"
    );

    ex.press(&[Command::Follow]);
    assert!(ex.state.follow().following());
    let newest = *times(&ex.state).iter().max().expect("events");
    assert_eq!(
        selected_time(&ex.state),
        newest,
        "F goes back to the newest"
    );
    assert_eq!(ex.state.new_since_pause(), 0);
}

#[test]
fn late_events_land_in_time_order_and_copies_stay_single() {
    let lines = sample_lines();
    let mut ex = Explorer::live(None);
    let mut stream = Stream::open(&mut ex);
    // Newest first, then older ones, then the same records again.
    stream.send(&mut ex, &lines[9..13]);
    stream.send(&mut ex, &lines[..9]);
    stream.send(&mut ex, &lines[2..6]);
    let shown = times(&ex.state);
    let mut sorted = shown.clone();
    sorted.sort_unstable();
    assert_eq!(shown, sorted, "the timeline is in time order");
    assert_eq!(ex.state.index().len(), 13);
    assert_eq!(ex.state.index().duplicates(), 4);
    // Distinct identities, plus the interner's empty string.
    let identities = ex
        .state
        .index()
        .strings(qtrail::model::Column::Identity)
        .len();
    let distinct: std::collections::HashSet<String> = (0..ex.state.index().len())
        .map(|id| {
            let row = ex.state.index().row(u32::try_from(id).expect("a row id"));
            ex.state
                .index()
                .text(row, qtrail::model::Column::Identity)
                .to_owned()
        })
        .collect();
    assert!(distinct.len() > 2, "identities update as events arrive");
    assert_eq!(identities, distinct.len() + 1);
}

#[test]
fn beyond_max_events_the_oldest_are_evicted_and_counted() {
    let lines = sample_lines();
    let mut ex = Explorer::live(Some(8));
    let mut stream = Stream::open(&mut ex);
    stream.send(&mut ex, &lines);
    let kept = times(&ex.state);
    assert_eq!(
        kept.len(),
        8,
        "evicted down to the bound (a sixteenth of 8 is 0)"
    );
    assert_eq!(ex.state.index().evicted() + kept.len() as u64, 13);

    let mut all = Index::new();
    all.set_source(
        0,
        SourceInfo {
            name: "all".into(),
            kind: SourceKind::Memory(Arc::new(BlockStore::default())),
        },
    );
    let mut bytes = lines.join("\n").into_bytes();
    bytes.push(b'\n');
    all.apply(parse_buffer_at(0, 0, &bytes));
    all.ensure_sorted();
    let newest: Vec<i64> = all.order()[13 - kept.len()..]
        .iter()
        .map(|&r| all.row(r).time_ms)
        .collect();
    assert_eq!(kept, newest, "the newest are kept, in order");

    // The postings were rebuilt for the kept rows: a filter agrees with the rows.
    ex.filter("outcome:failure");
    let failures = ex
        .state
        .index()
        .order()
        .iter()
        .filter(|&&r| ex.state.index().row(r).outcome == qtrail::model::Outcome::Failure)
        .count();
    assert_eq!(ex.state.timeline_rows().len(), failures);
    // Originals of kept events can still be read; the detail shows the selected one.
    let row = ex.state.selected_row().expect("a failure is kept");
    let raw = qtrail::source::RawReader::new()
        .read(ex.state.index().sources(), ex.state.index().row(row).raw)
        .expect("the original of a kept event");
    assert!(raw.starts_with(b"{"), "{}", String::from_utf8_lossy(&raw));
}

#[test]
fn a_word_filter_takes_in_what_arrives() {
    let (lines, mut ex, mut stream) = streaming_with_a_word_filter();
    let before = ex.state.timeline_rows().len();
    assert_eq!(before, naming(&lines[..3], "braket"));
    stream.send(&mut ex, &lines[3..7]);
    let after = ex.state.timeline_rows().len();
    let expected = naming(&lines[..7], "braket");
    assert_eq!(after, expected, "the new matching records joined the rows");
    assert!(after > before);
}

#[test]
fn evicting_frees_the_originals_only_evicted_events_held() {
    let lines = sample_lines();
    let mut ex = Explorer::live(Some(8));
    let mut stream = Stream::open(&mut ex);
    stream.send(&mut ex, &lines[..4]);
    stream.send(&mut ex, &lines[4..8]);
    let second = stream.offset;
    stream.send(&mut ex, &lines[8..]);
    // The five oldest (the whole first batch and the first of the second) are gone.
    assert_eq!(ex.state.index().evicted(), 5);
    assert_eq!(
        stream.store.read(0, 10),
        None,
        "the first batch's block is freed"
    );
    assert!(
        stream.store.read(second, 10).is_some(),
        "the last batch's block holds kept events"
    );
    for &row in ex.state.index().order() {
        let raw = ex.state.index().row(row).raw;
        assert!(
            stream.store.read(raw.offset, raw.len as usize).is_some(),
            "every kept event's original can be read"
        );
    }
}

#[test]
fn events_that_arrive_during_a_scan_of_originals_are_taken_in_when_it_ends() {
    let (lines, mut ex, mut stream) = streaming_with_a_word_filter();
    let held = stream.arrive(&mut ex, &lines[3..5]);
    assert!(
        held.iter()
            .any(|e| matches!(e, Effect::ScanRaw(scan) if scan.added)),
        "only what arrived is searched"
    );
    // The scan is still running: this batch waits for it, and nothing else arrives.
    let during = stream.arrive(&mut ex, &lines[5..7]);
    assert!(during.iter().all(|e| !matches!(e, Effect::ScanRaw(_))));
    ex.run(held);
    let expected = naming(&lines[..7], "braket");
    assert_eq!(
        ex.state.timeline_rows().len(),
        expected,
        "both batches are shown"
    );
}

#[test]
fn new_data_keeps_the_cursor_at_the_top_until_the_user_moves_it() {
    let lines = sample_lines();
    let mut ex = Explorer::of(Index::new());
    let mut stream = Stream::open(&mut ex);
    stream.send(&mut ex, &lines[6..]);
    stream.send(&mut ex, &lines[..3]);
    let first = *times(&ex.state).iter().min().expect("events");
    assert_eq!(
        (ex.state.timeline().selected, selected_time(&ex.state)),
        (0, first),
        "not moved by the user: on the first event, whichever batch came first"
    );
    ex.press(&[Command::Down, Command::Down]);
    let held = ex
        .state
        .selected_row()
        .map(|r| ex.state.index().order_key(r));
    stream.send(&mut ex, &lines[3..6]);
    assert_eq!(
        ex.state
            .selected_row()
            .map(|r| ex.state.index().order_key(r)),
        held,
        "moved by the user: it stays on its event"
    );
}
