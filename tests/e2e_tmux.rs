//! The real binary in a real terminal: qtrail runs inside a detached tmux session, keys are
//! typed with `send-keys` and the screen is read with `capture-pane`, as a user would see it.
//!
//! Without tmux these tests are skipped on a laptop but fail on CI (`CI` set), so CI never
//! silently stops running them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// The demo trail holds 4,105 records (assets/DEMO.md): once the filter line shows them all,
/// loading has finished and later keys act on the whole trail, not on a part of it.
const DEMO_LOADED: &str = "4,105 / 4,105";
const POLL: Duration = Duration::from_millis(50);
const DEFAULT_WAIT: Duration = Duration::from_secs(10);

mod tui {
    use super::{Command, DEFAULT_WAIT, Instant, Output, POLL, Path, PathBuf, sleep};

    const SESSION: &str = "qtrail";

    /// One qtrail in its own tmux server. Dropping it kills that server, so no session,
    /// pane or qtrail outlives the test, even when an assertion fails.
    pub struct Tui {
        socket: String,
        dir: tempfile::TempDir,
    }

    impl Tui {
        /// Starts `qtrail ARGS` in an 80x24 pane, or returns `None` when tmux is missing
        /// and this is not CI. The pane's shell records the exit status in `rc`, then
        /// sleeps so the pane (and the restored screen) can still be inspected after `q`.
        pub fn start(test: &str, args: &[&str]) -> Option<Tui> {
            let mut command = quote(env!("CARGO_BIN_EXE_qtrail"));
            for arg in args {
                command.push(' ');
                command.push_str(&quote(arg));
            }
            Tui::start_script(test, |rc| format!("{command}; echo \"EXIT=$?\" > {rc}"))
        }

        /// Starts `FEEDER | qtrail -`: `feeder` is a shell command writing to qtrail's stdin.
        /// qtrail's own exit status is recorded: the shell would wait for the feeder.
        pub fn start_piped(test: &str, feeder: &str) -> Option<Tui> {
            let qtrail = quote(env!("CARGO_BIN_EXE_qtrail"));
            Tui::start_script(test, |rc| {
                format!("({feeder}) | ({qtrail} -; echo \"EXIT=$?\" > {rc})")
            })
        }

        /// `script` gets the path of the file the exit status must be written to.
        fn start_script(test: &str, script: impl FnOnce(&str) -> String) -> Option<Tui> {
            if !tmux_installed() {
                assert!(std::env::var_os("CI").is_none(), "tmux is required on CI");
                // Straight to stderr, not `eprintln!`: the test harness would swallow
                // that for a passing test, and the skip must be seen.
                let note = format!("tmux is not installed: skipping the end-to-end test {test}\n");
                let _ = std::io::Write::write_all(&mut std::io::stderr(), note.as_bytes());
                return None;
            }
            let tui = Tui {
                socket: format!("qtrail-e2e-{}-{test}", std::process::id()),
                dir: tempfile::tempdir().expect("create a temporary directory"),
            };
            let rc = quote(&tui.rc_path().display().to_string());
            let script = format!(
                "export NO_COLOR=1 TERM=xterm-256color; {}; sleep 60",
                script(&rc)
            );
            let cmd = [
                "new-session",
                "-d",
                "-s",
                SESSION,
                "-x",
                "80",
                "-y",
                "24",
                "sh",
                "-c",
                &script,
            ];
            tui.tmux(&cmd);
            // Lets OSC 52 (qtrail's `y`) reach tmux's paste buffer, where a test can read it.
            tui.tmux(&["set-option", "-s", "set-clipboard", "on"]);
            Some(tui)
        }

        fn rc_path(&self) -> PathBuf {
            self.dir.path().join("rc")
        }

        /// Runs one tmux command against this test's own server. `-f /dev/null` keeps a
        /// user's configuration out; `TMUX_TMPDIR` puts the socket in the temporary
        /// directory, so it is removed with it and never meets a user's server.
        fn tmux(&self, args: &[&str]) -> Output {
            let out = Command::new("tmux")
                .env("TMUX_TMPDIR", self.dir.path())
                // Run from inside tmux, these would point tmux at the user's pane.
                .env_remove("TMUX")
                .env_remove("TMUX_PANE")
                .args(["-L", &self.socket, "-f", "/dev/null"])
                .args(args)
                .output()
                .expect("run tmux");
            assert!(
                out.status.success(),
                "tmux {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            out
        }

        /// Key names as tmux spells them: `Enter`, `Escape`, `Space`, `Down`, `q`.
        pub fn send_keys(&self, keys: &[&str]) {
            let mut args = vec!["send-keys", "-t", SESSION];
            args.extend(keys);
            self.tmux(&args);
        }

        /// Literal text (`-l`), so words such as `Enter` inside it are not key names.
        pub fn type_text(&self, text: &str) {
            self.tmux(&["send-keys", "-t", SESSION, "-l", text]);
        }

        /// What the application last put on the clipboard with OSC 52.
        pub fn clipboard(&self) -> String {
            String::from_utf8_lossy(&self.tmux(&["show-buffer"]).stdout).into_owned()
        }

        pub fn capture(&self) -> String {
            let out = self.tmux(&["capture-pane", "-p", "-t", SESSION]);
            String::from_utf8_lossy(&out.stdout).into_owned()
        }

        /// A pane variable such as `#{pane_title}` or `#{alternate_on}`.
        pub fn format(&self, format: &str) -> String {
            let out = self.tmux(&["display-message", "-p", "-t", SESSION, format]);
            String::from_utf8_lossy(&out.stdout).trim_end().to_owned()
        }

        pub fn wait_for(&self, text: &str) {
            self.wait_until(&format!("{text:?} on screen"), |screen| {
                screen.contains(text)
            });
        }

        /// Polls the screen until `done` holds; the failure shows the last screen. CI
        /// machines are slower and busier, so they get three times as long.
        pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) {
            let scale = if std::env::var_os("CI").is_some() {
                3
            } else {
                1
            };
            let deadline = Instant::now() + DEFAULT_WAIT * scale;
            loop {
                let screen = self.capture();
                if done(&screen) {
                    return;
                }
                assert!(
                    Instant::now() < deadline,
                    "timed out waiting for {what}; last screen:\n{screen}"
                );
                sleep(POLL);
            }
        }

        /// Presses `q` and checks what the user is left with: exit status 0 and the
        /// terminal restored (primary screen, cursor visible, no TUI frame left behind).
        pub fn quit_cleanly(&self) {
            self.send_keys(&["q"]);
            let rc = self.rc_path();
            self.wait_until("qtrail to exit", |_| rc_text(&rc).contains("EXIT="));
            assert_eq!(rc_text(&rc).trim(), "EXIT=0", "qtrail's exit status");
            // tmux reads the pane's output asynchronously: the restore may land after `rc`.
            self.wait_until(
                "the normal screen back, without the filter line",
                |screen| !screen.contains("filter:") && self.format("#{alternate_on}") == "0",
            );
            assert_eq!(self.format("#{cursor_flag}"), "1", "cursor left hidden");
        }
    }

    impl Drop for Tui {
        fn drop(&mut self) {
            // Not `tmux()`: a failed kill must not panic while a test is already unwinding.
            let _ = Command::new("tmux")
                .env("TMUX_TMPDIR", self.dir.path())
                .env_remove("TMUX")
                .args(["-L", &self.socket, "kill-server"])
                .output();
        }
    }

    /// A word for `sh`, single-quoted.
    fn quote(word: &str) -> String {
        format!("'{}'", word.replace('\'', "'\\''"))
    }

    fn rc_text(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap_or_default()
    }

    fn tmux_installed() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|out| out.status.success())
    }
}

use tui::Tui;

/// The demo with its load finished, as every demo test starts.
fn demo(test: &str) -> Option<Tui> {
    let tui = Tui::start(test, &[])?;
    tui.wait_for("DEMO DATA");
    tui.wait_for(DEMO_LOADED);
    Some(tui)
}

#[test]
fn demo_opens_and_the_incident_is_found_with_keys() {
    let Some(tui) = demo("incident") else { return };
    tui.send_keys(&[":"]);
    tui.type_text("ip:203.0.113.200");
    tui.send_keys(&["Enter"]);
    tui.wait_for("filter: ip:203.0.113.200");
    // Incident 1 of DEMO.md: 24 program reads, 13 job reads, 5 cancels and 8 deletes.
    tui.wait_for("50 / 4,105");
    // At 80 columns the timeline cuts action names short; its last row (`G`) is the last
    // delete, whose full action name the detail of the selected row shows.
    tui.send_keys(&["G"]);
    tui.wait_for("quantum-computing.job.delete");
    tui.quit_cleanly();
}

#[test]
fn fuzzy_search_filters_to_chosen_actions() {
    let Some(tui) = demo("fuzzy") else { return };
    tui.send_keys(&["/"]);
    tui.type_text("cancl");
    tui.wait_until("both cancel actions in the palette", |screen| {
        screen.contains("braket:CancelQuantumTask")
            && screen.contains("quantum-computing.job.cancel")
    });
    tui.send_keys(&["Space", "Down", "Space", "Enter"]);
    tui.wait_for("filter: action:");
    tui.wait_until("both chosen actions on the filter line", |screen| {
        screen.lines().any(|line| {
            line.starts_with("filter: action:")
                && line.contains("braket:CancelQuantumTask")
                && line.contains("quantum-computing.job.cancel")
        })
    });
    tui.quit_cleanly();
}

#[test]
fn identities_drill_down_and_back() {
    let Some(tui) = demo("identities") else {
        return;
    };
    tui.send_keys(&["i"]);
    // The demo's 13 identities, sessions grouped under their role: the busiest first.
    tui.wait_for("identities (13) by events");
    tui.wait_until("the SSO role's sessions as one row, first", |screen| {
        let first = screen.lines().nth(3).unwrap_or_default();
        first.contains("QuantumResearch") && first.contains("1,742")
    });
    tui.send_keys(&["Enter"]);
    tui.wait_for("Identities › QuantumResearch (AssumedRole)");
    // tmux may show a frame half drawn: wait for all of it.
    tui.wait_until(
        "the drill-down's counts, addresses and sessions",
        |screen| {
            [
                "1,742 events · 50 failures",
                "198.51.100.14",
                "1,742 / 4,105",
                "sessions started (1): QuantumOps/maintenance",
            ]
            .iter()
            .all(|shown| screen.contains(shown))
        },
    );
    tui.send_keys(&["Escape"]);
    tui.wait_until("the identities list back", |screen| {
        screen.contains("identities (13)") && !screen.contains("Identities ›")
    });
    // The cursor stayed on the row it drilled into.
    tui.send_keys(&["Enter"]);
    tui.wait_for("Identities › QuantumResearch");
    tui.send_keys(&["Escape"]);
    tui.wait_for("identities (13)");
    tui.quit_cleanly();
}

#[test]
fn escape_sequences_in_events_are_shown_not_obeyed() {
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile/escape-sequences.ndjson");
    let file = file.to_str().expect("a UTF-8 path");
    let Some(tui) = Tui::start("hostile", &[file]) else {
        return;
    };
    tui.wait_for("braket:GetQuantumTask");
    tui.send_keys(&["Enter"]);
    tui.wait_for("[detail]");
    // The user agent is the detail's 7th line and 6 lines show at 24 rows: scrolled 3
    // lines down it sits mid-view, so a field more or less above it does not hide it.
    tui.send_keys(&["Down", "Down", "Down"]);
    tui.wait_for(r"\e]0;PWNED\a\e[2J");
    // Obeyed, `ESC ]0;` would have retitled the pane and `ESC [2J` cleared the screen.
    let title = tui.format("#{pane_title}");
    assert!(!title.contains("PWNED"), "the pane was retitled: {title}");
    let screen = tui.capture();
    assert!(
        screen.contains("filter: ") && screen.contains(" events · "),
        "the filter and status lines were wiped:\n{screen}"
    );
    tui.quit_cleanly();
}

#[test]
fn help_lists_the_keys() {
    let Some(tui) = demo("help") else { return };
    tui.send_keys(&["?"]);
    tui.wait_for("fuzzy search over action names");
    let screen = tui.capture();
    let line_of = |what: &str| {
        screen
            .lines()
            .find(|l| l.contains(&format!(" {what} ")) || l.trim_end().ends_with(what))
            .unwrap_or_else(|| panic!("no help line for {what:?}:\n{screen}"))
            .to_owned()
    };
    // Each command with every key the keymap gives it, vim and less style included.
    assert!(line_of("quit").contains("ctrl-c q"));
    assert!(line_of("down").contains('j'));
    assert!(line_of("page down").contains("ctrl-f"));
    assert!(line_of("fuzzy search over action names").contains('/'));
    // j scrolls the help: its first line of keys goes out of view.
    let first = screen.lines().nth(2).unwrap_or_default().to_owned();
    tui.send_keys(&["j"]);
    tui.wait_until("the help scrolled by one line", |now| {
        now.lines().nth(2).unwrap_or_default() != first
    });
    tui.send_keys(&["Escape"]);
    // Wait for the help to close before `q`: an Escape followed at once by `q` reads as
    // Alt-q to the terminal parser.
    tui.wait_until("the help closed", |screen| {
        !screen.contains("fuzzy search over action names") && screen.contains("filter: (none")
    });
    tui.quit_cleanly();
}

#[test]
fn terminal_is_restored_on_quit() {
    let Some(tui) = demo("restore") else { return };
    assert_eq!(
        tui.format("#{alternate_on}"),
        "1",
        "the TUI uses the alternate screen"
    );
    // The checks live in `quit_cleanly`, which every test ends with; this test names them.
    tui.quit_cleanly();
}

#[test]
fn copy_puts_the_event_json_on_the_clipboard_with_osc52() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/braket/quantum-tasks.ndjson");
    let Some(tui) = Tui::start("copy", &[file.to_str().expect("a UTF-8 path")]) else {
        return;
    };
    tui.wait_for("braket:GetDevice");
    tui.send_keys(&["y"]);
    tui.wait_for("copied to the clipboard");
    let copied = tui.clipboard();
    let event: serde_json::Value = serde_json::from_str(&copied).expect("the clipboard holds JSON");
    assert_eq!(
        event["eventName"], "GetDevice",
        "the selected (first) event: {copied}"
    );
    tui.quit_cleanly();
}

#[test]
fn piped_events_show_as_they_arrive() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/braket/quantum-tasks.ndjson");
    let data = data.to_str().expect("a UTF-8 path");
    // The first record, then nothing for 30 s: it must show while the pipe is still open.
    let feeder = format!("head -n 1 '{data}'; sleep 30; tail -n 1 '{data}'");
    let Some(tui) = Tui::start_piped("piped", &feeder) else {
        return;
    };
    tui.wait_for("1 / 1");
    tui.wait_for("braket:CreateQuantumTask");
    let screen = tui.capture();
    assert!(
        !screen.contains("signin:ConsoleLogin"),
        "the second record is not written yet:\n{screen}"
    );
    tui.quit_cleanly();
}

#[test]
fn follow_mode_tails_a_file_pauses_on_scroll_and_resumes_with_f() {
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/braket/quantum-tasks.ndjson");
    let lines: Vec<String> = std::fs::read_to_string(sample)
        .expect("sample")
        .lines()
        .map(str::to_owned)
        .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("trail.ndjson");
    let append = |from: usize, to: usize| {
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .expect("open");
        for line in &lines[from..to] {
            std::io::Write::write_all(&mut file, format!("{line}\n").as_bytes()).expect("append");
        }
    };
    append(0, 2);
    let Some(tui) = Tui::start("follow", &["-f", log.to_str().expect("UTF-8")]) else {
        return;
    };
    tui.wait_for("2 / 2");
    tui.wait_for("LIVE");
    append(2, 4);
    tui.wait_for("4 / 4");
    tui.send_keys(&["k"]);
    tui.wait_for("PAUSED 0 new events, F follows");
    append(4, 5);
    tui.wait_for("PAUSED 1 new events");
    tui.wait_for("5 / 5");
    tui.send_keys(&["F"]);
    tui.wait_for("LIVE");
    // Back on the newest event (lines[4], 09:02:00), shown in the detail pane.
    tui.wait_for("2026-03-02 09:02:00 UTC");
    tui.quit_cleanly();
}
