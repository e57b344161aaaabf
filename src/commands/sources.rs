//! From the command line to what is read at the start and what is followed after.

use std::path::{Path, PathBuf};

use crate::cli::LiveArgs;
use crate::live::LiveSources;
use crate::source::{Input, expand_inputs};

/// Splits the inputs: with `--follow`, files are tailed (waited for when missing) and
/// folders watched (their present files still load at the start); stdin and named pipes
/// are live (the explorer and `query --follow` show them as they come).
/// Listeners are bound here, so a busy port is an error before anything starts.
pub fn split_inputs(
    paths: &[PathBuf],
    args: &LiveArgs,
) -> anyhow::Result<(Vec<Input>, LiveSources)> {
    let mut live = LiveSources {
        token: args.listen_token.clone(),
        ..LiveSources::default()
    };
    let mut initial = Vec::new();
    for path in paths {
        // Like `tail -F`: a followed file that does not exist yet is waited for.
        if args.follow && path.as_os_str() != "-" && !path.exists() {
            live.files.push(path.clone());
            continue;
        }
        let expanded = expand_inputs(std::slice::from_ref(path))?;
        let meta = std::fs::metadata(path).ok();
        if path.as_os_str() == "-" {
            live.stdin = true;
        } else if meta.as_ref().is_some_and(|m| !m.is_file() && !m.is_dir()) {
            // A named pipe or `<(command)`: read as it comes, like stdin, with or without
            // `-f` (read whole first, it would hold back every input after it).
            live.pipes.push(path.clone());
        } else if !args.follow {
            initial.extend(expanded);
        } else if meta.is_some_and(|m| m.is_dir()) {
            follow_folder(path, expanded, &mut initial, &mut live);
        } else {
            live.files.push(path.clone());
        }
    }
    for addr in &args.listen {
        live.listeners.push(addr.bind(args.listen_remote)?);
    }
    Ok((initial, live))
}

/// A followed folder: what it holds loads at start (a file whose last line is still being
/// written is followed from its start instead, as with `-f`, so that line is read once
/// finished rather than now, cut off); the watcher is told what each file looked like.
fn follow_folder(path: &Path, files: Vec<Input>, initial: &mut Vec<Input>, live: &mut LiveSources) {
    let mut known = Vec::new();
    for input in files {
        let Input::File(file) = &input else {
            initial.push(input);
            continue;
        };
        let writing = crate::live::watch::ends_mid_line(file);
        known.push(crate::live::watch::Seen::now(file.clone(), writing));
        if writing {
            live.files.push(file.clone());
        } else {
            initial.push(input);
        }
    }
    live.folders.push((path.to_path_buf(), known));
}

#[cfg(test)]
mod tests {
    use super::split_inputs;
    use crate::cli::LiveArgs;

    #[test]
    fn a_named_pipe_is_live_with_or_without_follow_a_file_only_with_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("feed");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("no mkfifo here: skipped");
            return;
        }
        let file = dir.path().join("trail.ndjson");
        std::fs::write(&file, "{}\n").expect("write");
        let inputs = [fifo.clone(), file.clone()];
        let (initial, live) = split_inputs(&inputs, &LiveArgs::default()).expect("split");
        assert_eq!(live.pipes, std::slice::from_ref(&fifo));
        assert_eq!(initial.len(), 1, "the file loads at the start");
        assert!(live.files.is_empty());
        let follow = LiveArgs {
            follow: true,
            ..LiveArgs::default()
        };
        let (initial, live) = split_inputs(&inputs, &follow).expect("split");
        assert_eq!(live.pipes, [fifo]);
        assert_eq!(live.files, [file]);
        assert!(initial.is_empty());
    }
}
