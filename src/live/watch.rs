//! `--follow` on a folder: files that appear anywhere below it are loaded once their
//! writing is complete, that is when their size and time stopped changing between two
//! scans and, for gzip, when the data inflates to its end (a half-copied `.json.gz` waits).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::FOLDER_POLL;
use crate::load::Feed;
use crate::source::Input;

/// A gzip that still does not inflate after this long unchanged is loaded anyway: its
/// damage becomes a reject rather than a file silently never read.
const GIVE_UP_WAITING: Duration = Duration::from_secs(30);

/// A new file seen in a scan, with what it looked like then.
struct Seen {
    len: u64,
    modified: Option<SystemTime>,
    since: Instant,
}

pub fn watch(dir: &Path, known: Vec<PathBuf>, feed: &Feed) {
    let mut known: HashSet<PathBuf> = known.into_iter().collect();
    let mut pending: HashMap<PathBuf, Seen> = HashMap::new();
    loop {
        std::thread::sleep(FOLDER_POLL);
        for path in files_below(dir) {
            if known.contains(&path) {
                continue;
            }
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            let (len, modified) = (meta.len(), meta.modified().ok());
            let ready = match pending.get(&path) {
                Some(seen) if seen.len == len && seen.modified == modified => {
                    complete(&path) || seen.since.elapsed() >= GIVE_UP_WAITING
                }
                _ => {
                    let since = Instant::now();
                    pending.insert(
                        path.clone(),
                        Seen {
                            len,
                            modified,
                            since,
                        },
                    );
                    false
                }
            };
            if ready {
                pending.remove(&path);
                known.insert(path.clone());
                if !feed.add_input(&Input::File(path)) {
                    return;
                }
            }
        }
    }
}

fn files_below(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect()
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
