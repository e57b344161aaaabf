//! Byte-level helpers for finding where JSON values start in a buffer: layout detection,
//! separators, resynchronisation after broken input, and line numbers for rejects.

/// How a buffer's records are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Empty,
    /// One JSON value a line: each line can be parsed on its own (and in parallel).
    Lines,
    /// Pretty-printed or concatenated documents.
    Documents,
    /// NUL bytes or invalid UTF-8 up front: not a text file.
    Binary,
    /// Text that neither starts with JSON nor has a JSON record on any early line.
    NotJson,
}

/// How far into a buffer the binary check looks.
const SNIFF: usize = 8192;
/// A line longer than this past the sniff window is not read whole to decide the layout.
const MAX_SNIFF_LINE: usize = 16 << 20;

#[must_use]
pub fn detect(buf: &[u8]) -> Layout {
    let start = skip_ws(buf, 0);
    if start >= buf.len() {
        return Layout::Empty;
    }
    if is_json_line(line_at(buf, start)) {
        return Layout::Lines;
    }
    if matches!(buf[start], b'{' | b'[') {
        return Layout::Documents;
    }
    // Something else up front: one record a line with a damaged start, or not a trail.
    // The window ends at a line end, so a long record is never judged by half of it.
    let cut = (SNIFF * 8).min(buf.len());
    let line_end = memchr::memchr(b'\n', &buf[cut..]).map_or(buf.len(), |i| cut + i);
    let window = &buf[..line_end.min(cut + MAX_SNIFF_LINE)];
    if window
        .split(|b| *b == b'\n')
        .any(|line| is_json_line(line.trim_ascii()))
    {
        return Layout::Lines;
    }
    let sniff = &buf[..buf.len().min(SNIFF)];
    if memchr::memchr(0, sniff).is_some() || !plausible_utf8(sniff) {
        Layout::Binary
    } else {
        Layout::NotJson
    }
}

fn line_at(buf: &[u8], start: usize) -> &[u8] {
    let end = memchr::memchr(b'\n', &buf[start..]).map_or(buf.len(), |i| start + i);
    buf[start..end].trim_ascii()
}

/// A line holding one complete JSON object.
fn is_json_line(line: &[u8]) -> bool {
    line.first() == Some(&b'{') && serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok()
}

/// UTF-8 check that tolerates a character cut at the end of the sniffed window.
fn plausible_utf8(sniff: &[u8]) -> bool {
    match std::str::from_utf8(sniff) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// Whitespace between records: JSON's, plus the vertical tab and form feed some writers
/// separate records with (JSON has none inside a value outside strings, so taking them as
/// separators never splits a record).
fn is_separating_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0b
}

/// Skips whitespace and UTF-8 byte-order marks (concatenated files each bring theirs).
#[must_use]
pub fn skip_ws(buf: &[u8], mut pos: usize) -> usize {
    loop {
        while pos < buf.len() && is_separating_space(buf[pos]) {
            pos += 1;
        }
        if buf.get(pos..pos + 3) == Some(b"\xEF\xBB\xBF") {
            pos += 3;
        } else {
            return pos;
        }
    }
}

/// Skips whitespace and commas between values (a missing or doubled comma is tolerated).
#[must_use]
pub fn skip_separators(buf: &[u8], mut pos: usize) -> usize {
    loop {
        pos = skip_ws(buf, pos);
        if buf.get(pos) == Some(&b',') {
            pos += 1;
        } else {
            return pos;
        }
    }
}

/// Line numbers for rejects, counted incrementally as offsets grow.
#[derive(Default)]
pub struct LineCounter {
    pos: usize,
    line: u64,
}

impl LineCounter {
    /// The 1-based line of `offset`.
    pub fn line_at(&mut self, buf: &[u8], offset: usize) -> u64 {
        if offset < self.pos {
            self.pos = 0;
            self.line = 0;
        }
        let end = offset.min(buf.len());
        let newlines = memchr::memchr_iter(b'\n', &buf[self.pos..end]).count();
        self.line += newlines as u64;
        self.pos = end;
        self.line + 1
    }
}
