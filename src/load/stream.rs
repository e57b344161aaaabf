//! Streams (stdin, pipes) read as they arrive: when they hold one record a line, every
//! read's complete lines go to the workers at once, so `shipper | qtrail` shows events as
//! they come rather than at the end. Anything else (gzip, JSON documents) is read to its
//! end first, since it cannot be parsed in pieces.

use std::io::{BufRead, BufReader, Read};

use super::Feed;
use super::plan;
use crate::parse::Layout;
use crate::source::is_gzip;

/// Enough of the start to tell the layout.
const READ_BUFFER: usize = 1 << 20;

/// Lines of a local stream may be this long (the 10 MB records of hostile inputs load).
pub const MAX_LOCAL_LINE: usize = 256 << 20;

/// Reads `reader` to its end, sending its units as its lines complete. `false` when the
/// receiving side hung up.
pub fn stream(feed: &Feed, name: String, reader: impl Read + Send + 'static) -> bool {
    let mut reader = BufReader::with_capacity(READ_BUFFER, reader);
    let head = reader.fill_buf().map(<[u8]>::to_vec).unwrap_or_default();
    if is_gzip(&head) || crate::parse::layout::detect(&head) != Layout::Lines {
        let id = feed.ids().next();
        return feed.announce(plan::plan_stream_input(id, &name, reader));
    }
    feed.lines(name, MAX_LOCAL_LINE)
        .is_some_and(|lines| lines.pump(reader))
}
