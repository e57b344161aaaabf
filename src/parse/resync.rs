//! Finding where to carry on after broken JSON. A broken record must cost exactly one
//! reject: the walk resumes at the next record, never inside the broken one and never
//! past a good one.

/// How far a structural scan looks for the end of one broken record (`CloudTrail` caps an
/// event at 256 KB); past this the record is treated as unclosed.
const MAX_RECORD_SCAN: usize = 4 << 20;
/// Brackets nested deeper than this are no record (`serde_json` stops at 128 too): the scan
/// gives up rather than grow its stack with every `[` of a hostile input.
const MAX_NESTING: usize = 128;

/// After a broken array element that starts at `failed`: where the next element starts.
/// A record whose brackets balance (a bad value, a missing comma) is skipped whole; one
/// that never closes (a missing `}`) is resynchronised on the next `{` at the element's
/// own indentation, which is how pretty-printed trail files lay records out.
#[must_use]
pub fn element_end(buf: &[u8], failed: usize) -> Option<usize> {
    balanced_end(buf, failed).or_else(|| next_at_same_indent(buf, failed))
}

/// The end of the value starting at `start` if its brackets balance and match.
fn balanced_end(buf: &[u8], start: usize) -> Option<usize> {
    let mut stack: Vec<u8> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let end = buf.len().min(start.saturating_add(MAX_RECORD_SCAN));
    for (i, &b) in buf[..end].iter().enumerate().skip(start) {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' if stack.len() >= MAX_NESTING => return None,
            b'{' => stack.push(b'}'),
            b'[' => stack.push(b']'),
            b'}' | b']' => {
                if stack.pop() != Some(b) {
                    return None;
                }
                if stack.is_empty() {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

fn next_at_same_indent(buf: &[u8], failed: usize) -> Option<usize> {
    let line_start = memchr::memrchr(b'\n', &buf[..failed]).map_or(0, |i| i + 1);
    let indent = &buf[line_start..failed];
    if line_start == 0 || !indent.iter().all(|b| *b == b' ' || *b == b'\t') {
        return None;
    }
    let mut needle = Vec::with_capacity(indent.len() + 2);
    needle.push(b'\n');
    needle.extend_from_slice(indent);
    needle.push(b'{');
    let found = memchr::memmem::find(&buf[failed + 1..], &needle)?;
    Some(failed + 1 + found + needle.len() - 1)
}

/// After broken text at the top level: the next value. Within one line that is the next
/// `{` right after a `}` (values concatenated without separators); across lines also the
/// next line that starts with `{` or `[`.
#[must_use]
pub fn next_top_level_value(buf: &[u8], from: usize, single_line: bool) -> Option<usize> {
    let boundary = next_concatenation(buf, from);
    if single_line {
        return boundary;
    }
    let line = next_line_starting_a_value(buf, from);
    match (boundary, line) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn next_concatenation(buf: &[u8], from: usize) -> Option<usize> {
    let mut pos = from;
    while let Some(i) = memchr::memchr(b'}', buf.get(pos..)?) {
        let after = super::layout::skip_ws(buf, pos + i + 1);
        if buf.get(after) == Some(&b'{') {
            return Some(after);
        }
        pos += i + 1;
    }
    None
}

fn next_line_starting_a_value(buf: &[u8], from: usize) -> Option<usize> {
    let mut pos = from.min(buf.len());
    while let Some(i) = memchr::memchr(b'\n', &buf[pos..]) {
        let next = pos + i + 1;
        let first = skip_bom(buf, next);
        if matches!(buf.get(first), Some(b'{' | b'[')) {
            return Some(first);
        }
        pos = next;
    }
    None
}

fn skip_bom(buf: &[u8], pos: usize) -> usize {
    if buf.get(pos..pos + 3) == Some(b"\xEF\xBB\xBF") {
        pos + 3
    } else {
        pos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_balanced_broken_record_is_skipped_whole() {
        let buf = br#"[{"a":{"b":[{"c":1},{"d":2}]},"x":tru},{"e":1}]"#;
        assert_eq!(element_end(buf, 1), Some(38));
        assert_eq!(&buf[39..40], b"{");
    }

    #[test]
    fn braces_in_strings_do_not_count() {
        let buf = br#"{"a":"}{\"}"} {"b":1}"#;
        assert_eq!(balanced_end(buf, 0), Some(13));
    }

    #[test]
    fn an_unclosed_pretty_record_resyncs_at_its_indentation() {
        let buf =
            b"[\n  {\n    \"a\": {\n      \"b\": 1\n    \"c\": 2\n  },\n  {\n    \"d\": 1\n  }\n]";
        let next = element_end(buf, 4).expect("resync");
        assert_eq!(buf[next], b'{');
        assert!(next > 40);
    }

    #[test]
    fn top_level_resync_finds_concatenated_and_line_starts() {
        let buf = b"{\"a\": tru}{\"b\":1}\n  \n\xEF\xBB\xBF{\"c\":2}";
        assert_eq!(next_top_level_value(buf, 1, true), Some(10));
        assert_eq!(next_top_level_value(buf, 11, false), Some(24));
    }
}
