//! Streams (stdin, pipes) read as they arrive: when they hold one record a line, every
//! read's complete lines go to the workers at once, so `shipper | qtrail` shows events as
//! they come rather than at the end. Anything else (gzip, JSON documents) is read to its
//! end first, since it cannot be parsed in pieces.

use std::io::Read;
use std::os::fd::AsFd;

use super::plan;
use super::{Feed, LineFeed, MAX_LOCAL_LINE};
use crate::parse::Layout;
use crate::source::{Input, is_gzip};

/// Enough of the start to tell the layout.
const HEAD: usize = 1 << 20;

/// Reads a whole input (a file, a folder's file, stdin) into the index. `false` when the
/// receiving side hung up.
#[must_use]
pub fn add_input(feed: &Feed, input: &Input) -> bool {
    match input {
        Input::Stdin => stream(feed, "-".into(), std::io::stdin()),
        _ => feed.announce(plan::plan(input, feed.ids())),
    }
}

/// Reads `reader` to its end, sending its units as its lines complete. `false` when the
/// receiving side hung up.
pub fn stream(feed: &Feed, name: String, mut reader: impl Read + AsFd + Send + 'static) -> bool {
    crate::source::widen_pipe(&reader);
    let head = read_head(&mut reader);
    let layout = crate::parse::layout::detect(&head);
    // A first line longer than the head is still one record a line when it opens a record.
    let long_first_line = memchr::memchr(b'\n', &head).is_none() && head.first() == Some(&b'{');
    if is_gzip(&head) || (layout != Layout::Lines && !long_first_line) {
        let id = feed.ids().next();
        let reader = std::io::Cursor::new(head).chain(reader);
        return feed.announce(plan::plan_stream_input(id, &name, reader));
    }
    LineFeed::in_memory(feed, name, MAX_LOCAL_LINE).is_some_and(|lines| lines.pump(&head, reader))
}

/// The start of a stream, enough to tell its layout: up to its first newline (a first
/// read may end inside the first line), at most `HEAD` bytes, or all of a shorter stream.
fn read_head(reader: &mut impl Read) -> Vec<u8> {
    let mut head = Vec::new();
    let mut buffer = vec![0; 64 << 10];
    while head.len() < HEAD && memchr::memchr(b'\n', &head).is_none() {
        match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => head.extend_from_slice(&buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            // The error comes again on the next read, where it is reported.
            Err(_) => break,
        }
    }
    head
}
