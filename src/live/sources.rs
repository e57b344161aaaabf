//! The live sources of one run, started each on its own thread.

use std::path::PathBuf;

use super::address::{Bound, Scheme};
use super::{http, tail, tcp, watch};
use crate::load::Feed;

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
                Ok(pipe) => crate::load::stream(&feed, path.display().to_string(), pipe),
                Err(e) => feed.unreadable(&path, &e),
            });
        }
        if self.stdin {
            let feed = feed.clone();
            std::thread::spawn(move || crate::load::stream(&feed, "-".into(), std::io::stdin()));
        }
        for bound in self.listeners {
            let feed = feed.clone();
            match bound.scheme {
                Scheme::Tcp => {
                    let token = self.token.clone();
                    std::thread::spawn(move || {
                        tcp::serve(&bound.listener, &bound.url, &feed, token.as_deref());
                    });
                }
                Scheme::Http => {
                    let token = self.token.clone();
                    std::thread::spawn(move || http::serve(bound.listener, bound.url, feed, token));
                }
            }
        }
    }
}
