//! Live sources: followed files and folders, stdin, and network listeners. Each runs on
//! its own thread and writes through a [`Feed`], so the pipeline's bounded channels slow
//! a reader down when the index owner falls behind, rather than dropping records.

mod address;
mod http;
mod tail;
mod tcp;
pub mod watch;

pub use address::{ListenAddr, Scheme};

use std::path::PathBuf;
use std::time::Duration;

use crate::load::Feed;

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
const FILE_POLL: Duration = Duration::from_millis(100);
/// How often a followed folder is scanned for new files.
const FOLDER_POLL: Duration = Duration::from_secs(1);

/// A listener bound before the explorer starts, so a busy port is an error up front.
pub struct Bound {
    pub listener: std::net::TcpListener,
    pub scheme: Scheme,
    /// As the user can connect to it (with the port actually bound).
    pub url: String,
}

/// The live sources of one run.
#[derive(Default)]
pub struct LiveSources {
    pub files: Vec<PathBuf>,
    /// A followed folder and the files it held at the start, with their length and time
    /// then (they load at the start; what they gain later is followed).
    pub folders: Vec<(PathBuf, Vec<watch::Seen>)>,
    pub stdin: bool,
    /// Named pipes and process substitutions, read as they come.
    pub pipes: Vec<PathBuf>,
    pub listeners: Vec<Bound>,
    pub token: Option<String>,
}

impl LiveSources {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
            && self.folders.is_empty()
            && !self.stdin
            && self.pipes.is_empty()
            && self.listeners.is_empty()
    }

    /// The listeners' addresses, for the user.
    #[must_use]
    pub fn urls(&self) -> Vec<String> {
        self.listeners.iter().map(|b| b.url.clone()).collect()
    }

    /// Starts every source on its own thread.
    pub fn start(self, feed: &Feed) {
        for path in self.files {
            let feed = feed.clone();
            std::thread::spawn(move || tail::follow(&path, &feed));
        }
        for (dir, known) in self.folders {
            let feed = feed.clone();
            std::thread::spawn(move || watch::watch(&dir, known, &feed));
        }
        for path in self.pipes {
            let feed = feed.clone();
            std::thread::spawn(move || match std::fs::File::open(&path) {
                Ok(pipe) => feed.stream(path.display().to_string(), pipe),
                Err(e) => feed.unreadable(&path, &e),
            });
        }
        if self.stdin {
            let feed = feed.clone();
            std::thread::spawn(move || feed.stream("-".into(), std::io::stdin()));
        }
        for bound in self.listeners {
            let feed = feed.clone();
            match bound.scheme {
                Scheme::Tcp => {
                    std::thread::spawn(move || tcp::serve(&bound.listener, &bound.url, &feed));
                }
                Scheme::Http => {
                    let token = self.token.clone();
                    std::thread::spawn(move || http::serve(bound.listener, bound.url, feed, token));
                }
            }
        }
    }
}

/// Pipe buffers hold 64 KiB by default: a shipper writing faster than that waits on every
/// 64 KiB, and so does the reader. A larger pipe lets both run in longer stretches. Not a
/// pipe, or a system that refuses: it stays as it is.
pub fn widen_pipe(fd: impl std::os::fd::AsFd) {
    let _ = rustix::pipe::fcntl_setpipe_size(fd, 1 << 20);
}
