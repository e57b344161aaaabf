//! `--listen tcp://`: newline-delimited JSON, one source per connection, read on a thread
//! per connection (a blocked index owner slows the sender down through TCP itself).
//!
//! With `--listen-token`, a connection's first line must be the token; one that does not
//! send it within [`AUTH_TIMEOUT`], or sends another, is closed and counted as refused.
//! At most [`MAX_CONNECTIONS`] are served at once; when all are taken, the one quiet the
//! longest (for at least [`EVICT_QUIET`]) is closed to make room, so idle connections
//! cannot lock a shipper out.

use std::io::Read;
use std::net::{Shutdown, TcpListener, TcpStream};
use std::os::fd::{AsFd, BorrowedFd};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use super::limits::{MAX_CONNECTIONS, MAX_NET_LINE, TCP_IDLE};
use super::token::tokens_match;
use crate::load::{Feed, LineFeed};

/// A connection has this long to send its token line.
pub const AUTH_TIMEOUT: Duration = Duration::from_secs(10);
/// A connection quiet this long may be closed to let another in.
pub const EVICT_QUIET: Duration = Duration::from_secs(5);
/// The longest token line read.
const MAX_TOKEN_LINE: usize = 4 << 10;

/// Accepts connections until the index owner hangs up.
pub fn serve(listener: &TcpListener, url: &str, feed: &Feed, token: Option<&str>) {
    let slots = Arc::new(Slots::new());
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let Some(slot) = Slots::take(&slots, &stream) else {
            continue;
        };
        let peer = stream
            .peer_addr()
            .map_or_else(|_| "?".to_owned(), |a| a.to_string());
        let (feed, name) = (feed.clone(), format!("{url} from {peer}"));
        let token = token.map(str::to_owned);
        std::thread::spawn(move || {
            connection(stream, &feed, name, token.as_deref(), &slot);
            drop(slot);
        });
    }
}

fn connection(stream: TcpStream, feed: &Feed, name: String, token: Option<&str>, slot: &Slot) {
    let head = match token {
        Some(token) => match authenticate(&stream, token) {
            Ok(rest) => rest,
            Err(why) => {
                let _ = feed.refused(name, format!("TCP connection: {why}"));
                return;
            }
        },
        None => Vec::new(),
    };
    if stream.set_read_timeout(Some(TCP_IDLE)).is_err() {
        return;
    }
    let Some(lines) = LineFeed::in_memory(feed, name, MAX_NET_LINE) else {
        return;
    };
    let _ = lines.pump(&head, slot.meter(stream));
}

/// Reads the first line and checks it is the token; returns what was read after it.
fn authenticate(mut stream: &TcpStream, token: &str) -> Result<Vec<u8>, String> {
    stream
        .set_read_timeout(Some(AUTH_TIMEOUT))
        .map_err(|e| e.to_string())?;
    let mut read = Vec::new();
    let mut buffer = [0u8; 1024];
    let newline = loop {
        if let Some(at) = memchr::memchr(b'\n', &read) {
            break at;
        }
        if read.len() > MAX_TOKEN_LINE {
            return Err("its first line is not the token".into());
        }
        match stream.read(&mut buffer) {
            Ok(0) => return Err("closed before sending the token".into()),
            Ok(n) => read.extend_from_slice(&buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return Err(format!("no token line within {AUTH_TIMEOUT:?}")),
        }
    };
    let line = read[..newline]
        .strip_suffix(b"\r")
        .unwrap_or(&read[..newline]);
    if !tokens_match(line, token) {
        return Err("its first line is not the token".into());
    }
    Ok(read[newline + 1..].to_vec())
}

/// A connection's socket, noting when it last brought data.
struct Metered {
    stream: TcpStream,
    conn: Arc<Conn>,
    started: Instant,
}

impl Read for Metered {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.stream.read(buf)?;
        if n > 0 {
            let now = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
            self.conn.active_at.store(now, Ordering::Relaxed);
        }
        Ok(n)
    }
}

impl AsFd for Metered {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.stream.as_fd()
    }
}

/// One connection being served: a way to close it, and when it last brought data.
struct Conn {
    stream: Option<TcpStream>,
    /// Milliseconds since the listener started.
    active_at: AtomicU64,
}

/// A connection's hold on one of the slots, given back when dropped.
struct Slot {
    conn: Arc<Conn>,
    slots: Arc<Slots>,
}

impl Slot {
    /// The connection's socket, read through this slot's activity clock.
    fn meter(&self, stream: TcpStream) -> Metered {
        Metered {
            stream,
            conn: Arc::clone(&self.conn),
            started: self.slots.started,
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut held) = self.slots.held.lock() {
            held.retain(|c| !Arc::ptr_eq(c, &self.conn));
            self.slots.freed.notify_one();
        }
    }
}

/// The connections in use; `take` waits for a free slot, or makes one.
struct Slots {
    held: Mutex<Vec<Arc<Conn>>>,
    freed: Condvar,
    started: Instant,
}

impl Slots {
    fn new() -> Slots {
        Slots {
            held: Mutex::new(Vec::new()),
            freed: Condvar::new(),
            started: Instant::now(),
        }
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// A slot for `stream`: a free one, or one freed by closing the connection quiet the
    /// longest; else waits for one. `None` if the slots can no longer be counted.
    fn take(slots: &Arc<Slots>, stream: &TcpStream) -> Option<Slot> {
        let mut held = slots.held.lock().ok()?;
        while held.len() >= MAX_CONNECTIONS && !slots.evict_quietest(&mut held) {
            held = slots.freed.wait_timeout(held, EVICT_QUIET).ok()?.0;
        }
        let conn = Arc::new(Conn {
            stream: stream.try_clone().ok(),
            active_at: AtomicU64::new(slots.now_ms()),
        });
        held.push(Arc::clone(&conn));
        Some(Slot {
            conn,
            slots: Arc::clone(slots),
        })
    }

    /// Closes the connection quiet the longest, if it was quiet long enough.
    fn evict_quietest(&self, held: &mut Vec<Arc<Conn>>) -> bool {
        let now = self.now_ms();
        let quiet_enough = u64::try_from(EVICT_QUIET.as_millis()).unwrap_or(u64::MAX);
        let Some((at, _)) = held
            .iter()
            .enumerate()
            .map(|(i, c)| (i, now.saturating_sub(c.active_at.load(Ordering::Relaxed))))
            .filter(|(_, quiet)| *quiet >= quiet_enough)
            .max_by_key(|(_, quiet)| *quiet)
        else {
            return false;
        };
        let conn = held.swap_remove(at);
        if let Some(stream) = &conn.stream {
            let _ = stream.shutdown(Shutdown::Both);
        }
        true
    }
}
