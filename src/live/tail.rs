//! `--follow` on a file, the way `tail -F` behaves: new lines are read as they are
//! appended; when the name comes to point at a new file (rotation) the old one is read to
//! its end and the new one from its start; when the file shrinks (truncation) or its
//! first bytes change (rewritten past where it was read) it is read again from its start.
//! Each file read this way is a new source, so line numbers in
//! rejects stay those of the file they came from.

use std::fs::File;
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::limits::FILE_POLL;
use crate::load::{Feed, LineFeed, ReadBuffer};
use crate::source::Input;

/// Bytes a read of a followed file takes at most.
const READ: usize = 1 << 20;

/// A rotated file is read until it was quiet this many polls in a row.
const ROTATED_QUIET_POLLS: u32 = 5;

/// Files that are not one record a line (gzip, JSON documents) are read once, whole.
pub fn follow(path: &Path, feed: &Feed) {
    follow_from(path, 0, feed);
}

/// Follows a file from byte `start` (a file in a followed folder that grew after it was
/// loaded), then its next generations from their start.
pub fn follow_from(path: &Path, mut start: u64, feed: &Feed) {
    let mut generation = 0u32;
    loop {
        let Some(mut file) = wait_for(path, feed) else {
            return;
        };
        if start == 0 && !is_lines(path) {
            let _ = crate::load::add_input(feed, &Input::File(path.to_path_buf()));
            return;
        }
        generation += 1;
        let name = match (generation, start) {
            (1, 0) => path.display().to_string(),
            (1, from) => format!("{} (from byte {from})", path.display()),
            (n, _) => format!("{} (#{n})", path.display()),
        };
        start = line_start(&file, start);
        let Ok((line, reached)) = line_at(&mut file, start) else {
            return;
        };
        // Shorter than where reading was to start: it was replaced; read it whole.
        if reached < start {
            start = 0;
            continue;
        }
        let file = Arc::new(file);
        let intact = Arc::new(AtomicBool::new(true));
        let at = (start, line);
        let Some(lines) = LineFeed::followed(
            feed,
            path,
            name,
            (Arc::clone(&file), Arc::clone(&intact)),
            at,
        ) else {
            return;
        };
        if !read_generation(path, &file, &intact, start, lines) {
            return;
        }
        start = 0;
    }
}

/// The start of the line holding byte `at`: a file may have been measured while a line
/// was half written. Reading that line again is harmless (a copy stays single).
fn line_start(file: &File, at: u64) -> u64 {
    let mut end = at;
    while end > 0 && at - end < crate::load::MAX_LOCAL_LINE as u64 {
        let from = end.saturating_sub(1 << 20);
        let mut before = vec![0; usize::try_from(end - from).unwrap_or(0)];
        if std::os::unix::fs::FileExt::read_exact_at(file, &mut before, from).is_err() {
            return at;
        }
        if let Some(newline) = memchr::memrchr(b'\n', &before) {
            return from + newline as u64 + 1;
        }
        end = from;
    }
    if end == 0 { 0 } else { at }
}

/// The line number at byte `start` (counting the lines before it), leaving the file there,
/// and how far it got (less than `start` for a file that is shorter).
fn line_at(file: &mut File, start: u64) -> std::io::Result<(u64, u64)> {
    let mut before = Read::by_ref(file).take(start);
    let mut buffer = vec![0; 1 << 20];
    let (mut lines, mut reached) = (1, 0);
    loop {
        let n = before.read(&mut buffer)?;
        if n == 0 {
            return Ok((lines, reached));
        }
        reached += n as u64;
        lines += memchr::memchr_iter(b'\n', &buffer[..n]).count() as u64;
    }
}

/// Opens the file, waiting while it does not exist (between a rotation's rename and
/// create). `None` once it cannot be opened (counted as a reject, so following does not
/// stop unseen).
fn wait_for(path: &Path, feed: &Feed) -> Option<File> {
    loop {
        match File::open(path) {
            Ok(file) => return Some(file),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => std::thread::sleep(FILE_POLL),
            Err(e) => {
                let _ = feed.unreadable(path, &e);
                return None;
            }
        }
    }
}

pub(super) fn is_lines(path: &Path) -> bool {
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
fn read_generation(
    path: &Path,
    mut file: &File,
    intact: &AtomicBool,
    start: u64,
    mut lines: LineFeed,
) -> bool {
    let identity = file.metadata().map(|m| (m.dev(), m.ino())).ok();
    let mut buffer = ReadBuffer::new(READ);
    let mut read_so_far = start;
    let mut head = Vec::new();
    let mut idle = Duration::ZERO;
    loop {
        // Truncated and written again past where reading was, between two looks: what
        // follows is not the rest of what was read.
        if rewritten(file, &mut head, read_so_far) {
            intact.store(false, Ordering::Relaxed);
            return lines.finish();
        }
        match buffer.read_from(&mut file) {
            Ok(0) => {}
            Ok(n) => {
                idle = Duration::ZERO;
                read_so_far += n as u64;
                if !lines.push(buffer.take()) {
                    return false;
                }
                continue;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            // Reopening would fail the same way, over and over: following stops here.
            Err(e) => {
                lines.failed(&e);
                let _ = lines.finish();
                return false;
            }
        }
        match change(path, identity, read_so_far) {
            // Soon after data (a writer is busy), up to FILE_POLL when quiet.
            Change::Same => {
                idle = (idle * 2).clamp(Duration::from_millis(1), FILE_POLL);
                std::thread::sleep(idle);
            }
            Change::Rotated => return drain(file, lines),
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
fn drain(mut file: &File, mut lines: LineFeed) -> bool {
    let mut quiet = 0;
    let mut buffer = ReadBuffer::new(READ);
    while quiet < ROTATED_QUIET_POLLS {
        match buffer.read_from(&mut file) {
            Ok(1..) => {
                quiet = 0;
                if !lines.push(buffer.take()) {
                    return false;
                }
            }
            Ok(0) => {
                quiet += 1;
                std::thread::sleep(FILE_POLL);
            }
            Err(e) => {
                lines.failed(&e);
                break;
            }
        }
    }
    lines.finish()
}

/// The first bytes of a followed file are compared on every read: a file can be
/// truncated and written again past where it was read between two looks at its size.
const HEAD: usize = 4 << 10;

/// Whether the file no longer starts with the bytes it started with (`head`, extended
/// as the file grows up to `HEAD` bytes).
fn rewritten(file: &File, head: &mut Vec<u8>, read_so_far: u64) -> bool {
    let want = usize::try_from(read_so_far).map_or(HEAD, |n| n.min(HEAD));
    if want == 0 {
        return false;
    }
    let mut buffer = [0; HEAD];
    let now = &mut buffer[..want];
    if std::os::unix::fs::FileExt::read_exact_at(file, now, 0).is_err() {
        // Shorter than what was read: the size check finds the truncation.
        return false;
    }
    let known = head.len().min(want);
    if now[..known] != head[..known] {
        return true;
    }
    if want > head.len() {
        *head = now.to_vec();
    }
    false
}

fn change(path: &Path, identity: Option<(u64, u64)>, read_so_far: u64) -> Change {
    match std::fs::metadata(path) {
        Ok(meta) if identity.is_some_and(|id| id != (meta.dev(), meta.ino())) => Change::Rotated,
        Ok(meta) if meta.len() < read_so_far => Change::Truncated,
        // Gone (being rotated): keep reading the open file until the new one appears.
        _ => Change::Same,
    }
}
