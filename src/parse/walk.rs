//! Walks a buffer of (decompressed) input and hands every record to a [`Sink`]: one record a
//! line, JSON documents (`{"Records":[...]}`, `{"Events":[...]}`, arrays), values
//! concatenated without separators. Broken parts become rejects and the walk resynchronises,
//! so the rest of the buffer still loads.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::value::RawValue;

use super::dispatch::{Verdict, classify};
use super::fields::Fields;
use super::layout::{LineCounter, resync_element, resync_top_level, skip_separators, skip_ws};
use super::normalized::Normalized;
use crate::model::RejectReason;

/// Receives what the walk finds. `offset`s are relative to the walked buffer's start.
pub trait Sink {
    /// An event; `raw` is the original record (for an envelope, the whole envelope).
    fn event(&mut self, event: Normalized<'_>, raw: &[u8], offset: usize);
    /// A record that could not be indexed, with its 1-based line in the buffer.
    fn reject(&mut self, offset: usize, line: u64, record: Option<u64>, reason: RejectReason);
}

/// Containers inside containers are not a delivery format; this bounds hostile nesting.
const MAX_CONTAINER_DEPTH: u8 = 2;

pub struct Walker<'b, 's, S: Sink> {
    buf: &'b [u8],
    /// The buffer as text when it is valid UTF-8 (nearly always): validating once here
    /// spares the parser from validating every string again.
    text: Option<&'b str>,
    sink: &'s mut S,
    lines: LineCounter,
}

impl<'b, 's, S: Sink> Walker<'b, 's, S> {
    pub fn new(buf: &'b [u8], sink: &'s mut S) -> Self {
        Walker {
            buf,
            text: std::str::from_utf8(buf).ok(),
            sink,
            lines: LineCounter::default(),
        }
    }

    /// Parses the value that spans `start..end` exactly.
    fn parse<T: Deserialize<'b>>(&self, start: usize, end: usize) -> serde_json::Result<T> {
        match self.text.and_then(|t| t.get(start..end)) {
            Some(text) => serde_json::from_str(text),
            None => serde_json::from_slice(&self.buf[start..end]),
        }
    }

    /// Parses the first value at `pos`; returns it with the offset just after it.
    fn parse_first<T: Deserialize<'b>>(
        &self,
        pos: usize,
    ) -> Option<(serde_json::Result<T>, usize)> {
        if let Some(text) = self.text.and_then(|t| t.get(pos..)) {
            let mut stream = serde_json::Deserializer::from_str(text).into_iter::<T>();
            let value = stream.next()?;
            return Some((value, pos + stream.byte_offset()));
        }
        let mut stream = serde_json::Deserializer::from_slice(&self.buf[pos..]).into_iter::<T>();
        let value = stream.next()?;
        Some((value, pos + stream.byte_offset()))
    }

    /// One record a line. Returns the number of lines walked.
    #[must_use]
    pub fn lines(mut self) -> u64 {
        let mut start = 0;
        let mut line_no = 0;
        while start < self.buf.len() {
            let end =
                memchr::memchr(b'\n', &self.buf[start..]).map_or(self.buf.len(), |i| start + i);
            line_no += 1;
            let first = skip_ws(self.buf, start);
            if first < end {
                self.lines.set(start, line_no);
                self.value(first, trim_end(self.buf, first, end), None, 0);
            }
            start = end + 1;
        }
        line_no
    }

    /// Whole documents and concatenated values, pretty-printed or not.
    pub fn documents(mut self) {
        let mut pos = skip_separators(self.buf, 0);
        while pos < self.buf.len() {
            let next = match self.buf[pos] {
                b'[' => self.array(pos, 0),
                b'{' => self.top_level_object(pos),
                _ => {
                    let what = "text that is not JSON";
                    self.reject(pos, None, RejectReason::BrokenJson(what.into()));
                    resync_top_level(self.buf, pos + 1)
                }
            };
            match next {
                Some(next) => pos = skip_separators(self.buf, next),
                None => return,
            }
        }
    }

    fn top_level_object(&mut self, pos: usize) -> Option<usize> {
        if let Some(records) = self.leading_records_array(pos) {
            return self
                .array(records, 1)
                .map(|end| close_object(self.buf, end));
        }
        match self.parse_first::<Fields>(pos) {
            Some((Ok(fields), end)) => {
                self.fields(fields, pos, end, None, 0);
                Some(end)
            }
            Some((Err(e), _)) => {
                match self.salvage_container(pos) {
                    Salvage::NotAContainer => {}
                    Salvage::Until(end) => return Some(end),
                    Salvage::ToTheEnd => return None,
                }
                // A broken value may have swallowed the lines after it: resume at the next
                // line that starts a value; only when there is none was the input cut.
                let next = resync_top_level(self.buf, pos + 1);
                self.reject(pos, None, json_error(&e, e.is_eof() && next.is_none()));
                next
            }
            None => None,
        }
    }

    /// A complete value known to span `start..end` (a line).
    fn value(&mut self, start: usize, end: usize, record: Option<u64>, depth: u8) {
        let bytes = &self.buf[start..end];
        if bytes[0] == b'[' && depth < MAX_CONTAINER_DEPTH {
            self.array(start, depth + 1);
            return;
        }
        if bytes[0] != b'{' {
            let reason = RejectReason::BrokenJson("not a JSON object".into());
            self.reject(start, record, reason);
            return;
        }
        if depth == 0
            && let Some(records) = self.leading_records_array(start)
        {
            self.array(records, 1);
            return;
        }
        match self.parse::<Fields>(start, end) {
            Ok(fields) => self.fields(fields, start, end, record, depth),
            Err(e) => {
                if depth == 0 && self.salvage_container(start) != Salvage::NotAContainer {
                    return;
                }
                self.reject(start, record, json_error(&e, e.is_eof()));
            }
        }
    }

    fn fields(
        &mut self,
        fields: Fields<'_>,
        start: usize,
        end: usize,
        record: Option<u64>,
        depth: u8,
    ) {
        match classify(fields) {
            Verdict::Event(event) => self.sink.event(event, &self.buf[start..end], start),
            Verdict::Reject(reason) => self.reject(start, record, reason),
            Verdict::Container(records) if depth < MAX_CONTAINER_DEPTH => {
                let at = offset_in(self.buf, records);
                self.array(at, depth + 1);
            }
            Verdict::Container(_) => {
                let reason = RejectReason::NotAnEvent("containers nested too deeply".into());
                self.reject(start, record, reason);
            }
        }
    }

    /// Walks the elements of the array that starts at `pos`, tolerating missing commas and
    /// resynchronising after a broken element. Returns the end of the array, or `None` when
    /// the input ends inside it.
    fn array(&mut self, pos: usize, depth: u8) -> Option<usize> {
        let mut pos = pos + 1;
        let mut record = 0;
        loop {
            pos = skip_separators(self.buf, pos);
            match self.buf.get(pos) {
                None => return None,
                Some(b']') => return Some(pos + 1),
                Some(_) => {}
            }
            record += 1;
            match self.parse_first::<Fields>(pos) {
                Some((Ok(fields), end)) => {
                    self.fields(fields, pos, end, Some(record), depth);
                    pos = end;
                }
                Some((Err(e), _)) if e.is_eof() => {
                    self.reject(pos, Some(record), json_error(&e, true));
                    return None;
                }
                Some((Err(e), _)) => {
                    self.reject(pos, Some(record), json_error(&e, false));
                    pos = resync_element(self.buf, pos)?;
                }
                None => return None,
            }
        }
    }

    /// For an object that failed to parse whole: walks its keys and, when it holds a
    /// `Records` or `Events` array, keeps every complete record (a truncated gzip cuts a
    /// trail file mid-record).
    fn salvage_container(&mut self, start: usize) -> Salvage {
        match self.find_records_array(start) {
            Some(at) => match self.array(at, 1) {
                Some(end) => Salvage::Until(close_object(self.buf, end)),
                None => Salvage::ToTheEnd,
            },
            None => Salvage::NotAContainer,
        }
    }

    /// S3 trail files start `{"Records":[`: walking that array straight away spares a
    /// whole-document pass that would only skip over the records.
    fn leading_records_array(&self, start: usize) -> Option<usize> {
        let pos = skip_ws(self.buf, start + 1);
        let (key, after_key) = self.parse_first::<&str>(pos)?;
        if !matches!(key.ok()?, "Records" | "Events") {
            return None;
        }
        let colon = skip_ws(self.buf, after_key);
        let at = skip_ws(self.buf, colon + 1);
        (self.buf.get(colon) == Some(&b':') && self.buf.get(at) == Some(&b'[')).then_some(at)
    }

    /// Walks an object's keys up to a `Records` or `Events` array; its `[` position.
    fn find_records_array(&self, start: usize) -> Option<usize> {
        let mut pos = skip_ws(self.buf, start + 1);
        loop {
            let (key, after_key) = self.parse_first::<String>(pos)?;
            let key = key.ok()?;
            pos = skip_ws(self.buf, after_key);
            if self.buf.get(pos) != Some(&b':') {
                return None;
            }
            pos = skip_ws(self.buf, pos + 1);
            if matches!(key.as_str(), "Records" | "Events") && self.buf.get(pos) == Some(&b'[') {
                return Some(pos);
            }
            let (skipped, after_value) = self.parse_first::<IgnoredAny>(pos)?;
            skipped.ok()?;
            pos = skip_ws(self.buf, after_value);
            if self.buf.get(pos) != Some(&b',') {
                return None;
            }
            pos = skip_ws(self.buf, pos + 1);
        }
    }

    fn reject(&mut self, offset: usize, record: Option<u64>, reason: RejectReason) {
        let line = self.lines.line_at(self.buf, offset);
        self.sink.reject(offset, line, record, reason);
    }
}

#[derive(PartialEq, Eq)]
enum Salvage {
    NotAContainer,
    /// Records salvaged; the walk goes on after this offset.
    Until(usize),
    /// Records salvaged up to where the input ends.
    ToTheEnd,
}

/// After a salvaged `Records` array, the rest of its object (usually just `}`) is skipped.
fn close_object(buf: &[u8], from: usize) -> usize {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in buf.iter().enumerate().skip(from) {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') | (false, _, b'"') => in_string = !in_string,
            (false, _, b'{' | b'[') => depth += 1,
            (false, _, b'}' | b']') if depth == 0 => return i + 1,
            (false, _, b'}' | b']') => depth -= 1,
            _ => {}
        }
    }
    buf.len()
}

fn json_error(e: &serde_json::Error, truncated: bool) -> RejectReason {
    if truncated {
        RejectReason::Truncated("the input ends inside this record".into())
    } else {
        RejectReason::BrokenJson(e.to_string())
    }
}

fn trim_end(buf: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && buf[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end
}

fn offset_in(buf: &[u8], raw: &RawValue) -> usize {
    (raw.get().as_ptr() as usize).saturating_sub(buf.as_ptr() as usize)
}
