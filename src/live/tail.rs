//! `--follow` on a file, the way `tail -F` behaves: new lines are read as they are
//! appended; when the name comes to point at a new file (rotation) the old one is read to
//! its end and the new one from its start; when the file shrinks (truncation) it is read
//! again from its start. Each file read this way is a new source, so line numbers in
//! rejects stay those of the file they came from.

use std::fs::File;
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::FILE_POLL;
use crate::load::{Feed, LineFeed};
use crate::source::Input;

/// A rotated file is read until it was quiet this many polls in a row.
const ROTATED_QUIET_POLLS: u32 = 5;

/// Files that are not one record a line (gzip, JSON documents) are read once, whole.
pub fn follow(path: &Path, feed: &Feed) {
    let mut generation = 0u32;
    loop {
        let Some(file) = wait_for(path) else {
            return;
        };
        if !is_lines(path) {
            let _ = feed.add_input(&Input::File(path.to_path_buf()));
            return;
        }
        generation += 1;
        let name = match generation {
            1 => path.display().to_string(),
            n => format!("{} (#{n})", path.display()),
        };
        let file = Arc::new(file);
        let intact = Arc::new(AtomicBool::new(true));
        let Some(lines) = feed.followed_lines(path, name, Arc::clone(&file), Arc::clone(&intact))
        else {
            return;
        };
        if !read_generation(path, &file, &intact, lines) {
            return;
        }
    }
}

/// Opens the file, waiting while it does not exist (between a rotation's rename and
/// create). `None` only if waiting makes no sense any more.
fn wait_for(path: &Path) -> Option<File> {
    loop {
        match File::open(path) {
            Ok(file) => return Some(file),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => std::thread::sleep(FILE_POLL),
            Err(_) => return None,
        }
    }
}

fn is_lines(path: &Path) -> bool {
    let mut head = vec![0; 64 << 10];
    let n = File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = &head[..n];
    // A first line still being written cannot tell the layout yet: it is taken as lines.
    !crate::source::is_gzip(head)
        && (memchr::memchr(b'\n', head).is_none()
            || matches!(
                crate::parse::layout::detect(head),
                crate::parse::Layout::Lines | crate::parse::Layout::Empty
            ))
}

/// What became of the followed name since the last look.
enum Change {
    Same,
    /// The name points at another file now.
    Rotated,
    /// The file is shorter than what was read.
    Truncated,
}

/// Reads one file until it is rotated away or truncated. `false` once the index owner
/// hung up.
fn read_generation(path: &Path, mut file: &File, intact: &AtomicBool, mut lines: LineFeed) -> bool {
    let identity = file.metadata().map(|m| (m.dev(), m.ino())).ok();
    let mut buffer = vec![0; 1 << 20];
    let mut read_so_far = 0u64;
    let mut idle = Duration::ZERO;
    loop {
        match file.read(&mut buffer) {
            Ok(0) => {}
            Ok(n) => {
                idle = Duration::ZERO;
                read_so_far += n as u64;
                if !lines.push(buffer[..n].to_vec()) {
                    return false;
                }
                continue;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                lines.failed(&e);
                return lines.finish();
            }
        }
        match change(path, identity, read_so_far) {
            // Soon after data (a writer is busy), up to FILE_POLL when quiet.
            Change::Same => {
                idle = (idle * 2).clamp(Duration::from_millis(1), FILE_POLL);
                std::thread::sleep(idle);
            }
            Change::Rotated => return drain(file, &mut buffer, lines),
            // What is there now belongs to the new content: it is read as a new source.
            Change::Truncated => {
                intact.store(false, Ordering::Relaxed);
                return lines.finish();
            }
        }
    }
}

/// Reads what is left of a rotated file, then ends its source. A writer may append to
/// the renamed file until it reopens its log: the file is read until it stays quiet.
fn drain(mut file: &File, buffer: &mut [u8], mut lines: LineFeed) -> bool {
    let mut quiet = 0;
    while quiet < ROTATED_QUIET_POLLS {
        match file.read(buffer) {
            Ok(n @ 1..) => {
                quiet = 0;
                if !lines.push(buffer[..n].to_vec()) {
                    return false;
                }
            }
            Ok(0) => {
                quiet += 1;
                std::thread::sleep(FILE_POLL);
            }
            Err(_) => break,
        }
    }
    lines.finish()
}

fn change(path: &Path, identity: Option<(u64, u64)>, read_so_far: u64) -> Change {
    match std::fs::metadata(path) {
        Ok(meta) if Some((meta.dev(), meta.ino())) != identity => Change::Rotated,
        Ok(meta) if meta.len() < read_so_far => Change::Truncated,
        // Gone (being rotated): keep reading the open file until the new one appears.
        _ => Change::Same,
    }
}
