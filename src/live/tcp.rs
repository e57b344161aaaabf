//! `--listen tcp://`: newline-delimited JSON, one source per connection, read on a thread
//! per connection (a blocked index owner slows the sender down through TCP itself).

use std::net::TcpListener;
use std::sync::{Arc, Condvar, Mutex};

use super::limits::{MAX_CONNECTIONS, MAX_NET_LINE, TCP_IDLE};
use crate::load::{Feed, LineFeed};

/// Accepts connections until the index owner hangs up; at most `MAX_CONNECTIONS` at once.
pub fn serve(listener: &TcpListener, url: &str, feed: &Feed) {
    let slots = Arc::new(Slots::default());
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        slots.take();
        let peer = stream
            .peer_addr()
            .map_or_else(|_| "?".to_owned(), |a| a.to_string());
        let Some(lines) = LineFeed::in_memory(feed, format!("{url} from {peer}"), MAX_NET_LINE)
        else {
            return;
        };
        let slots = Arc::clone(&slots);
        std::thread::spawn(move || {
            read_connection(stream, lines);
            slots.give_back();
        });
    }
}

fn read_connection(stream: std::net::TcpStream, lines: crate::load::LineFeed) {
    if stream.set_read_timeout(Some(TCP_IDLE)).is_err() {
        return;
    }
    let _ = lines.pump(&[], stream);
}

/// Counts connections in use; `take` waits for a free one.
#[derive(Default)]
struct Slots {
    used: Mutex<usize>,
    freed: Condvar,
}

impl Slots {
    fn take(&self) {
        let Ok(mut used) = self.used.lock() else {
            return;
        };
        while *used >= MAX_CONNECTIONS {
            used = match self.freed.wait(used) {
                Ok(used) => used,
                Err(_) => return,
            };
        }
        *used += 1;
    }

    fn give_back(&self) {
        if let Ok(mut used) = self.used.lock() {
            *used = used.saturating_sub(1);
            self.freed.notify_one();
        }
    }
}
