//! How much a live source may send and how often qtrail looks: the bounds the listeners
//! and followers enforce, and the help text quotes.

use std::time::Duration;

/// A network line may be this long; a longer one is skipped and counted as a reject.
pub const MAX_NET_LINE: usize = 4 << 20;
/// An HTTP request body may be this large (413 beyond, counted as a reject).
pub const MAX_BODY: usize = 64 << 20;
/// Connections served at once per listener; more wait to be accepted.
pub const MAX_CONNECTIONS: usize = 64;
/// A TCP connection silent this long is closed, so idle connections cannot hold every
/// slot for good; shippers reconnect.
pub const TCP_IDLE: Duration = Duration::from_mins(10);

/// How often a followed file is checked for new lines, rotation and truncation.
pub const FILE_POLL: Duration = Duration::from_millis(100);
/// How often a followed folder is scanned for new files.
pub const FOLDER_POLL: Duration = Duration::from_secs(1);
