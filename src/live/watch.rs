//! `--follow` on a folder: files that appear anywhere below it are loaded once their
//! writing is complete, that is when their size and time stopped changing between two
//! scans and, for gzip, when the data inflates to its end (a half-copied `.json.gz` waits).
//! A loaded file of one record a line that grows is followed from where it was loaded;
//! one rewritten otherwise is loaded again (its events already known count as copies).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::limits::FOLDER_POLL;
use crate::load::Feed;
use crate::source::Input;

/// A gzip that still does not inflate after this long unchanged is loaded anyway: its
/// damage becomes a reject rather than a file silently never read.
const GIVE_UP_WAITING: Duration = Duration::from_secs(30);

/// A file loaded: what it looked like then, and whether it is now followed.
struct Loaded {
    len: u64,
    modified: Option<SystemTime>,
    /// Device and inode: the name may come to point at another file.
    id: Option<(u64, u64)>,
    tailed: bool,
}

/// What became of a loaded file.
enum Growth {
    None,
    /// One record a line, longer: followed from this byte on, like a tailed file.
    Appended(u64),
    Rewritten,
}

impl Loaded {
    fn at(len: u64, modified: Option<SystemTime>, id: Option<(u64, u64)>) -> Loaded {
        Loaded {
            len,
            modified,
            id,
            tailed: false,
        }
    }

    fn changed(
        &mut self,
        path: &Path,
        len: u64,
        modified: Option<SystemTime>,
        id: Option<(u64, u64)>,
    ) -> Growth {
        if self.tailed || (len == self.len && modified == self.modified && id == self.id) {
            return Growth::None;
        }
        if id == self.id && len > self.len && super::tail::is_lines(path) {
            self.tailed = true;
            return Growth::Appended(self.len);
        }
        Growth::Rewritten
    }
}

/// A new file seen in a scan, with what it looked like then.
struct Pending {
    len: u64,
    modified: Option<SystemTime>,
    since: Instant,
}

/// A file as it was before the start-up load read it: what it gains later is followed.
pub struct Seen {
    path: PathBuf,
    len: u64,
    modified: Option<SystemTime>,
    id: Option<(u64, u64)>,
    /// Followed from its start already (it was being written).
    tailed: bool,
}

fn file_id(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

impl Seen {
    #[must_use]
    pub fn now(path: PathBuf, tailed: bool) -> Seen {
        let meta = std::fs::metadata(&path).ok();
        Seen {
            path,
            len: meta.as_ref().map_or(0, std::fs::Metadata::len),
            modified: meta.as_ref().and_then(|m| m.modified().ok()),
            id: meta.as_ref().map(file_id),
            tailed,
        }
    }
}

/// A file of one record a line whose last line is a record still being written: it opens
/// an object, has no newline yet and is not whole. Anything else (gzip, a JSON document, a
/// last line longer than what is looked at) is loaded as it is.
#[must_use]
pub fn ends_mid_line(path: &Path) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    // Gzip first: its last byte is rarely a newline, and a synced bucket holds thousands.
    let mut magic = [0; 2];
    if file.read_exact(&mut magic).is_err() || crate::source::is_gzip(&magic) {
        return false;
    }
    let mut last = [0; 1];
    let unfinished = file.seek(SeekFrom::End(-1)).is_ok()
        && file.read_exact(&mut last).is_ok()
        && last[0] != b'\n';
    if !unfinished || !super::tail::is_lines(path) {
        return false;
    }
    let Ok(len) = file.seek(SeekFrom::End(0)) else {
        return false;
    };
    let from = len.saturating_sub(crate::load::TRY_WHOLE_UP_TO as u64);
    let mut end = Vec::new();
    if file.seek(SeekFrom::Start(from)).is_err() || file.read_to_end(&mut end).is_err() {
        return false;
    }
    match memchr::memrchr(b'\n', &end) {
        Some(newline) => {
            let line = &end[newline + 1..];
            line.first() == Some(&b'{') && !crate::load::is_whole_record(line)
        }
        None => false,
    }
}

pub fn watch(dir: &Path, known: Vec<Seen>, feed: &Feed) {
    let mut watcher = Watcher {
        feed,
        known: known
            .into_iter()
            .map(|seen| {
                let mut loaded = Loaded::at(seen.len, seen.modified, seen.id);
                loaded.tailed = seen.tailed;
                (seen.path, loaded)
            })
            .collect(),
        pending: HashMap::new(),
    };
    loop {
        std::thread::sleep(FOLDER_POLL);
        // The same walk as the start-up load's, in the same order.
        let Ok(inputs) = crate::source::expand_inputs(&[dir.to_path_buf()]) else {
            continue;
        };
        for input in inputs {
            if let Input::File(path) = input
                && !watcher.look(path)
            {
                return;
            }
        }
    }
}

struct Watcher<'a> {
    feed: &'a Feed,
    known: HashMap<PathBuf, Loaded>,
    pending: HashMap<PathBuf, Pending>,
}

impl Watcher<'_> {
    /// One file of a scan: followed when it grew, loaded when new and complete. `false`
    /// once the index owner has hung up.
    fn look(&mut self, path: PathBuf) -> bool {
        let Ok(meta) = std::fs::metadata(&path) else {
            return true;
        };
        let (len, modified, id) = (meta.len(), meta.modified().ok(), Some(file_id(&meta)));
        if let Some(loaded) = self.known.get_mut(&path) {
            match loaded.changed(&path, len, modified, id) {
                Growth::None => return true,
                Growth::Appended(from) => {
                    let feed = self.feed.clone();
                    std::thread::spawn(move || super::tail::follow_from(&path, from, &feed));
                    return true;
                }
                // Read whole again once complete (the copies it holds stay single).
                Growth::Rewritten => {
                    self.known.remove(&path);
                }
            }
        }
        if !self.settled(&path, len, modified) {
            return true;
        }
        self.pending.remove(&path);
        let mut loaded = Loaded::at(len, modified, id);
        // A writer paused in the middle of a record: followed from the start instead, so
        // that record is read once finished rather than now, cut off.
        if ends_mid_line(&path) {
            loaded.tailed = true;
            self.known.insert(path.clone(), loaded);
            let feed = self.feed.clone();
            std::thread::spawn(move || super::tail::follow(&path, &feed));
            return true;
        }
        self.known.insert(path.clone(), loaded);
        crate::load::add_input(self.feed, &Input::File(path))
    }

    /// Whether a new file looked the same one scan ago and its writing is complete.
    fn settled(&mut self, path: &Path, len: u64, modified: Option<SystemTime>) -> bool {
        match self.pending.get(path) {
            Some(seen) if seen.len == len && seen.modified == modified => {
                complete(path) || seen.since.elapsed() >= GIVE_UP_WAITING
            }
            _ => {
                let since = Instant::now();
                let seen = Pending {
                    len,
                    modified,
                    since,
                };
                self.pending.insert(path.to_path_buf(), seen);
                false
            }
        }
    }
}

/// A plain file is complete once it stopped changing; a gzip once it inflates whole.
fn complete(path: &Path) -> bool {
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let mut magic = [0; 2];
    // An empty file may be about to be written: it is looked at again while it stays.
    if std::io::Read::read_exact(&mut file, &mut magic).is_err() {
        return false;
    }
    if !crate::source::is_gzip(&magic) {
        return true;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut decoder = flate2::read::MultiGzDecoder::new(std::io::BufReader::new(file));
    std::io::copy(&mut decoder, &mut std::io::sink()).is_ok()
}
