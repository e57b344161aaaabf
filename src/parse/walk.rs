//! Walks a buffer of (decompressed) input and hands every record to a [`Sink`]: one record a
//! line, JSON documents (`{"Records":[...]}`, `{"Events":[...]}`, arrays), values
//! concatenated without separators. Broken parts become rejects and the walk resynchronises,
//! so the rest of the buffer still loads.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::error::Category;
use serde_json::value::RawValue;

use super::dispatch::{Verdict, classify};
use super::fields::Fields;
use super::layout::{LineCounter, skip_separators, skip_ws};
use super::normalized::Normalized;
use super::resync::{element_end, next_top_level_value};
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
    /// Offset of `buf` in the buffer the sink was given.
    base: usize,
    sink: &'s mut S,
    lines: LineCounter,
    /// When walking a single line: its number.
    line: Option<u64>,
    /// Whether the end of `buf` is the end of the input (not just the end of a line).
    at_input_end: bool,
    rejected: usize,
    /// Walking the records of a container: each element is a record of its own, so a line
    /// holding a whole `{"Records":[...]}` reports every bad record.
    in_container: bool,
}

/// What to do after a value.
enum Next {
    /// Carry on at this offset.
    At(usize),
    /// The input ended.
    End,
}

impl<'b, 's, S: Sink> Walker<'b, 's, S> {
    pub fn new(buf: &'b [u8], sink: &'s mut S) -> Self {
        Walker {
            buf,
            text: std::str::from_utf8(buf).ok(),
            base: 0,
            sink,
            lines: LineCounter::default(),
            line: None,
            at_input_end: true,
            rejected: 0,
            in_container: false,
        }
    }

    /// One record a line. Each line is walked on its own, so a broken line can never
    /// swallow the next. Returns the number of lines walked.
    #[must_use = "chunked files need the line count for line numbers"]
    pub fn lines(self) -> u64 {
        let Walker {
            buf,
            text,
            base,
            sink,
            ..
        } = self;
        let mut start = 0;
        let mut line_no = 0;
        while start < buf.len() {
            let end = memchr::memchr(b'\n', &buf[start..]).map_or(buf.len(), |i| start + i);
            line_no += 1;
            let line_text = text.and_then(|t| t.get(start..end));
            if line_text.is_some_and(|t| simple_line(t, base + start, line_no, sink)) {
                start = end + 1;
                continue;
            }
            let mut line = Walker {
                buf: &buf[start..end],
                text: text.and_then(|t| t.get(start..end)),
                base: base + start,
                sink: &mut *sink,
                lines: LineCounter::default(),
                line: Some(line_no),
                at_input_end: end == buf.len(),
                rejected: 0,
                in_container: false,
            };
            line.values();
            start = end + 1;
        }
        line_no
    }

    /// Whole documents and concatenated values, pretty-printed or not.
    pub fn documents(mut self) {
        self.values();
    }

    fn values(&mut self) {
        let mut pos = skip_separators(self.buf, 0);
        while pos < self.buf.len() {
            let next = match self.buf[pos] {
                b'[' => self.array(pos, 0),
                b'{' => self.top_level_object(pos),
                _ => {
                    let reason = RejectReason::BrokenJson("text that is not JSON".into());
                    self.reject(pos, None, reason);
                    self.resume_after_garbage(pos)
                }
            };
            match next {
                Next::At(next) => pos = skip_separators(self.buf, next),
                Next::End => return,
            }
        }
    }

    fn resume_after_garbage(&self, pos: usize) -> Next {
        match next_top_level_value(self.buf, pos + 1, self.line.is_some()) {
            Some(next) => Next::At(next),
            None => Next::End,
        }
    }

    fn top_level_object(&mut self, pos: usize) -> Next {
        if let Some(records) = self.container_array(pos, true) {
            return self.container_then_rest(records);
        }
        match self.parse_first::<Fields>(pos) {
            Some((Ok(fields), end)) => {
                self.fields(fields, pos, end, None, 0);
                Next::At(end)
            }
            Some((Err(e), _)) => {
                // Damaged, or valid with a key twice (`"Records"` repeated): whatever
                // `Records` array it holds is walked, and what follows it.
                if let Some(records) = self.container_array(pos, false) {
                    return self.container_then_rest(records);
                }
                if e.classify() == Category::Data {
                    return self.skip_invalid(pos, None, &e);
                }
                let next = self.resume_after_garbage(pos);
                let truncated = e.is_eof() && matches!(next, Next::End);
                self.reject(pos, None, json_error(&e, truncated));
                next
            }
            None => Next::End,
        }
    }

    /// A container's `Records` array, then the rest of its object.
    fn container_then_rest(&mut self, records: usize) -> Next {
        match self.array(records, 1) {
            Next::At(end) => self.rest_of_container(end),
            Next::End => Next::End,
        }
    }

    /// What follows a container's array inside its object, usually just `}`. Another
    /// `Records`/`Events` array is walked too; other members are skipped; what an object
    /// cannot hold there is taken for what it is: a stray array or record is walked as
    /// records, the start of the next document (the object lost its `}`) ends the object.
    /// So no record after the array goes unseen.
    fn rest_of_container(&mut self, mut pos: usize) -> Next {
        loop {
            pos = skip_separators(self.buf, pos);
            let next = match self.buf.get(pos) {
                None => return Next::End,
                Some(b'}') => return Next::At(pos + 1),
                Some(b']') => Next::At(pos + 1),
                Some(b'"') => self.member(pos),
                Some(b'[') => self.array(pos, 1),
                Some(b'{') if self.container_array(pos, true).is_some() => return Next::At(pos),
                Some(b'{') => self.element(pos, None, 1),
                Some(_) => {
                    let reason = RejectReason::BrokenJson(
                        "text that is not JSON after a list of records".into(),
                    );
                    self.reject(pos, None, reason);
                    return self.resume_after_garbage(pos);
                }
            };
            match next {
                Next::At(at) => pos = at,
                Next::End => return Next::End,
            }
        }
    }

    /// One `"key": value` member after a container's array.
    fn member(&mut self, pos: usize) -> Next {
        let broken = |walker: &mut Self, at: usize| {
            let reason = RejectReason::BrokenJson(
                "a broken member after a list of records; the rest of its object is skipped".into(),
            );
            walker.reject(at, None, reason);
            walker.resume_after_garbage(at)
        };
        let Some((Ok(key), after_key)) = self.parse_first::<std::borrow::Cow<'_, str>>(pos) else {
            return broken(self, pos);
        };
        let colon = skip_ws(self.buf, after_key);
        if self.buf.get(colon) != Some(&b':') {
            return broken(self, pos);
        }
        let value = skip_ws(self.buf, colon + 1);
        if matches!(&*key, "Records" | "Events") && self.buf.get(value) == Some(&b'[') {
            return self.array(value, 1);
        }
        match self.parse_first::<IgnoredAny>(value) {
            Some((Ok(_), end)) => Next::At(end),
            _ => broken(self, value),
        }
    }

    /// A complete JSON value that is not a record (`null`, a number, an object with a
    /// duplicate key...): one reject, and the walk goes on right after it.
    fn skip_invalid(&mut self, pos: usize, record: Option<u64>, e: &serde_json::Error) -> Next {
        let reason = if self.buf[pos] == b'{' {
            RejectReason::BrokenJson(e.to_string())
        } else {
            RejectReason::NotAnEvent("not a JSON object".into())
        };
        self.reject(pos, record, reason);
        match self.parse_first::<IgnoredAny>(pos) {
            Some((Ok(_), end)) => Next::At(end),
            // Not even a value (nested past serde's limit): on at the next record.
            _ => {
                element_end(self.buf, pos).map_or_else(|| self.resume_after_garbage(pos), Next::At)
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
            Verdict::Event(event) => {
                self.sink
                    .event(event, &self.buf[start..end], self.base + start);
            }
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
    /// resynchronising after a broken element.
    fn array(&mut self, pos: usize, depth: u8) -> Next {
        let outer = std::mem::replace(&mut self.in_container, true);
        let next = self.elements(pos, depth);
        self.in_container = outer;
        next
    }

    fn elements(&mut self, pos: usize, depth: u8) -> Next {
        let mut pos = pos + 1;
        let mut record = 0;
        loop {
            pos = skip_separators(self.buf, pos);
            match self.buf.get(pos) {
                None => {
                    let why = "the input ends inside a list of records; later ones may be missing";
                    self.reject(self.buf.len(), None, RejectReason::Truncated(why.into()));
                    return Next::End;
                }
                Some(b']') => return Next::At(pos + 1),
                Some(_) => record += 1,
            }
            match self.element(pos, Some(record), depth) {
                Next::At(next) => pos = next,
                Next::End => return Next::End,
            }
        }
    }

    fn element(&mut self, pos: usize, record: Option<u64>, depth: u8) -> Next {
        match self.parse_first::<Fields>(pos) {
            Some((Ok(fields), end)) => {
                self.fields(fields, pos, end, record, depth);
                Next::At(end)
            }
            Some((Err(e), _)) if e.classify() == Category::Data => {
                self.skip_invalid(pos, record, &e)
            }
            Some((Err(e), _)) if e.is_eof() => match self.resume_after_garbage(pos) {
                // It never closes, and swallowed all that follows: a record that starts a
                // later line is where the walk goes on (an unclosed, or hostile, nesting).
                Next::At(next) => {
                    let why = "this record never closes; what follows it is read from the next line that starts a record";
                    self.reject(pos, record, RejectReason::BrokenJson(why.into()));
                    Next::At(next)
                }
                Next::End => {
                    self.reject(pos, record, json_error(&e, true));
                    Next::End
                }
            },
            Some((Err(e), _)) => {
                self.reject(pos, record, json_error(&e, false));
                match element_end(self.buf, pos) {
                    Some(next) => Next::At(next),
                    None => self.resume_after_garbage(pos),
                }
            }
            None => Next::End,
        }
    }

    /// The `[` of the object's `Records` / `Events` array. With `leading`, only when it is
    /// the first key (S3 trail files start `{"Records":[`, and walking that array straight
    /// away spares a whole-document pass); otherwise any key, for salvaging an object that
    /// failed to parse whole (a truncated gzip cuts a trail file mid-record).
    fn container_array(&self, start: usize, leading: bool) -> Option<usize> {
        let mut pos = skip_ws(self.buf, start + 1);
        let rest = &self.buf[pos.min(self.buf.len())..];
        if leading && !(rest.starts_with(b"\"Records\"") || rest.starts_with(b"\"Events\"")) {
            return None;
        }
        loop {
            let (key, after_key) = self.parse_first::<std::borrow::Cow<'_, str>>(pos)?;
            let key = key.ok()?;
            let colon = skip_ws(self.buf, after_key);
            if self.buf.get(colon) != Some(&b':') {
                return None;
            }
            pos = skip_ws(self.buf, colon + 1);
            if matches!(&*key, "Records" | "Events") && self.buf.get(pos) == Some(&b'[') {
                return Some(pos);
            }
            if leading {
                return None;
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

    fn reject(&mut self, offset: usize, record: Option<u64>, reason: RejectReason) {
        self.rejected += 1;
        // One record a line: a line yields its events and at most one reject, whatever
        // else is wrong with it.
        if self.line.is_some() && self.rejected > 1 && !self.in_container {
            return;
        }
        let reason = match reason {
            RejectReason::Truncated(_) if !self.at_input_end => {
                RejectReason::BrokenJson("the line ends inside this record".into())
            }
            other => other,
        };
        let line = match self.line {
            Some(line) => line,
            None => self.lines.line_at(self.buf, offset),
        };
        self.sink.reject(self.base + offset, line, record, reason);
    }
}

/// The common case, one well-formed record on its line, without a walker: `true` when the
/// line was handled, `false` when it needs the full walk (containers, damage, several values).
fn simple_line<S: Sink>(line: &str, offset: usize, line_no: u64, sink: &mut S) -> bool {
    let record = line.trim_end();
    if !record.starts_with('{')
        || record.starts_with("{\"Records\"")
        || record.starts_with("{\"Events\"")
    {
        return false;
    }
    let Ok(fields) = serde_json::from_str::<Fields>(record) else {
        return false;
    };
    match classify(fields) {
        Verdict::Event(event) => sink.event(event, record.as_bytes(), offset),
        Verdict::Reject(reason) => sink.reject(offset, line_no, None, reason),
        Verdict::Container(_) => return false,
    }
    true
}

fn json_error(e: &serde_json::Error, truncated: bool) -> RejectReason {
    if truncated {
        RejectReason::Truncated("the input ends inside this record".into())
    } else if e.is_eof() {
        RejectReason::BrokenJson("the record is cut off".into())
    } else {
        RejectReason::BrokenJson(e.to_string())
    }
}

fn offset_in(buf: &[u8], raw: &RawValue) -> usize {
    (raw.get().as_ptr() as usize).saturating_sub(buf.as_ptr() as usize)
}
