//! Invariants over generated input: the parser never panics, every record is indexed or
//! rejected (never both, never lost), loading twice changes nothing, and display text
//! never carries a control character.

use proptest::prelude::*;
use qtrail::index::Index;
use qtrail::load::parse_buffer;
use qtrail::sanitize::{display, is_unsafe};

fn index_of(bytes: &[u8]) -> Index {
    let mut index = Index::new();
    index.apply(parse_buffer(0, bytes));
    index.ensure_sorted();
    index
}

fn record(id: u32, ua: &str) -> String {
    serde_json::json!({
        "eventVersion": "1.09", "eventID": format!("e-{id}"), "eventTime": "2026-03-01T00:00:00Z",
        "eventSource": "braket.amazonaws.com", "eventName": "GetQuantumTask", "userAgent": ua,
        "userIdentity": {"type": "IAMUser", "arn": "arn:aws:iam::1:user/x"}
    })
    .to_string()
}

/// A line of an NDJSON file: a good record, a broken one, or a blank.
#[derive(Debug, Clone)]
enum Line {
    Good(String),
    Broken(String),
    Blank,
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        4 => any::<String>().prop_map(Line::Good),
        2 => "[^\n]{0,40}".prop_map(|s| Line::Broken(format!("{{\"eventTime\": {s}"))),
        1 => Just(Line::Blank),
    ]
}

/// NDJSON text of `lines` (after `first`); returns it with its good and broken counts.
fn ndjson(lines: &[Line], first: Option<String>) -> (String, usize, usize) {
    let mut text = String::new();
    let mut good = usize::from(first.is_some());
    let mut broken = 0;
    if let Some(first) = first {
        text += &first;
        text.push('\n');
    }
    for (i, l) in lines.iter().enumerate() {
        match l {
            Line::Good(ua) => {
                text += &record(u32::try_from(i).unwrap_or(0), ua);
                good += 1;
            }
            Line::Broken(s) => {
                text += s;
                broken += 1;
            }
            Line::Blank => {}
        }
        text.push('\n');
    }
    (text, good, broken)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parser_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = index_of(&bytes);
    }

    #[test]
    fn parser_never_panics_on_damaged_json(cut in 0usize..2000, flip in 0usize..2000, byte in any::<u8>()) {
        let doc = format!("{{\"Records\":[{},{}]}}", record(1, "a"), record(2, "b"));
        let mut bytes = doc.into_bytes();
        let at = flip % bytes.len();
        bytes[at] = byte;
        bytes.truncate(cut % (bytes.len() + 1));
        let index = index_of(&bytes);
        prop_assert!(index.len() <= 2);
    }

    #[test]
    fn no_good_line_is_lost_and_every_broken_line_is_reported(lines in proptest::collection::vec(line(), 0..60)) {
        let (text, good, broken) = ndjson(&lines, None);
        let index = index_of(text.as_bytes());
        prop_assert_eq!(index.len(), good);
        prop_assert!(index.rejects().len() >= broken);
    }

    #[test]
    fn one_record_a_line_is_indexed_or_rejected_exactly_once(lines in proptest::collection::vec(line(), 0..60)) {
        // A good first line makes the file read as one record a line.
        let (text, good, broken) = ndjson(&lines, Some(record(u32::MAX, "first")));
        let index = index_of(text.as_bytes());
        prop_assert_eq!(index.len(), good);
        prop_assert_eq!(index.rejects().len(), broken);
    }

    #[test]
    fn loading_twice_changes_nothing(n in 1u32..50) {
        let text: String = (0..n).map(|i| record(i % 17, "ua") + "\n").collect();
        let once = index_of(text.as_bytes());
        let mut twice = index_of(text.as_bytes());
        twice.apply(parse_buffer(1, text.as_bytes()));
        twice.ensure_sorted();
        prop_assert_eq!(once.len(), twice.len());
        prop_assert_eq!(twice.duplicates(), once.duplicates() + u64::from(n));
    }

    #[test]
    fn display_text_has_no_control_characters(text in any::<String>()) {
        let shown = display(&text);
        prop_assert!(!shown.chars().any(is_unsafe));
        prop_assert!(!shown.contains(char::from(0x1b)), "ESC in {:?}", shown);
    }
}
