//! Live sources through the real binary (`qtrail query --follow`): a followed file that is
//! appended to, rotated and truncated; a gzip dropped into a followed folder; stdin; TCP and
//! HTTP listeners on loopback. Every child is killed when its test ends, and every wait has
//! a deadline.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, ChildStdin, Command};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use flate2::Compression;
use flate2::write::GzEncoder;

const WAIT: Duration = Duration::from_secs(20);

/// `qtrail query --follow ARGS` with its stdout and stderr read line by line on threads.
struct Follower {
    child: Child,
    stdin: Option<ChildStdin>,
    out: Receiver<String>,
    err: Receiver<String>,
    events: Vec<serde_json::Value>,
    errors: Vec<String>,
}

impl Follower {
    fn start(args: &[&str]) -> Follower {
        let mut child = common::spawn_piped(&[&["query", "--follow"], args].concat());
        let out = lines_of(child.stdout.take().expect("stdout"));
        let err = lines_of(child.stderr.take().expect("stderr"));
        let stdin = child.stdin.take();
        Follower {
            child,
            stdin,
            out,
            err,
            events: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Waits until `n` events in all were printed.
    fn expect_events(&mut self, n: usize) -> &[serde_json::Value] {
        let deadline = Instant::now() + WAIT;
        while self.events.len() < n {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self.out.recv_timeout(left).unwrap_or_else(|_| {
                panic!(
                    "timed out with {} of {n} events; stderr: {:?}",
                    self.events.len(),
                    self.stderr_so_far()
                )
            });
            self.events
                .push(serde_json::from_str(&line).expect("a JSON line"));
        }
        &self.events
    }

    /// Waits until as many events as `lines` hold were printed: each of those records once,
    /// nothing else.
    fn expect_records(&mut self, lines: &[String]) {
        let events = self.expect_events(lines.len()).to_vec();
        assert_eq!(
            ids(&events),
            ids_of_lines(lines),
            "every record once, nothing else"
        );
    }

    /// Waits for a reject whose line names each of `words`.
    fn expect_reject_naming(&mut self, words: &[&str]) {
        let reject = self.expect_stderr("rejected");
        assert!(
            words.iter().all(|w| reject.contains(w)),
            "a reject naming {words:?}: {reject}"
        );
    }

    /// No event beyond those seen arrives within `quiet`.
    fn expect_no_more(&mut self, quiet: Duration) {
        if let Ok(line) = self.out.recv_timeout(quiet) {
            panic!("unexpected event: {line}");
        }
    }

    /// Waits for a line on stderr containing `text`.
    fn expect_stderr(&mut self, text: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(line) = self.errors.iter().find(|l| l.contains(text)) {
                return line.clone();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self
                .err
                .recv_timeout(left)
                .unwrap_or_else(|e| panic!("no {text:?} on stderr ({e}): {:?}", self.errors));
            self.errors.push(line);
        }
    }

    /// Nothing was reported as rejected so far.
    fn expect_no_rejects(&mut self, what: &str) {
        let errors = self.stderr_so_far();
        assert!(
            !errors.iter().any(|l| l.contains("rejected")),
            "{what} was never a reject: {errors:?}"
        );
    }

    fn stderr_so_far(&mut self) -> Vec<String> {
        while let Ok(line) = self.err.try_recv() {
            self.errors.push(line);
        }
        self.errors.clone()
    }

    /// The address a listener was bound to, from its `listening on` line.
    fn listening(&mut self, scheme: &str) -> String {
        let line = self.expect_stderr(&format!("listening on {scheme}://"));
        let at = line.find("://").expect("an address") + 3;
        line[at..].trim().to_owned()
    }
}

impl Drop for Follower {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn lines_of(stream: impl Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    rx
}

/// The real sample records, one a line: 7 Braket `CloudTrail` events, then 6 CADF ones.
fn sample_lines() -> Vec<String> {
    let mut lines = Vec::new();
    for rel in ["braket/quantum-tasks.ndjson", "cadf/qiskit-runtime.ndjson"] {
        let text = std::fs::read_to_string(common::data(rel)).expect("sample");
        lines.extend(text.lines().map(str::to_owned));
    }
    assert_eq!(lines.len(), 13);
    lines
}

/// `trail.ndjson` holding `lines`, followed, its events already printed.
fn followed_file(lines: &[String]) -> (tempfile::TempDir, Follower) {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("trail.ndjson");
    append(&log, lines);
    let mut follower = Follower::start(&[log.to_str().expect("UTF-8")]);
    follower.expect_events(lines.len());
    (dir, follower)
}

/// A folder holding `name` with `lines`, followed, its events already printed.
fn followed_folder(name: &str, lines: &[String]) -> (tempfile::TempDir, Follower) {
    let dir = tempfile::tempdir().expect("temp dir");
    append(&dir.path().join(name), lines);
    let mut follower = Follower::start(&[dir.path().to_str().expect("UTF-8")]);
    follower.expect_events(lines.len());
    (dir, follower)
}

fn append_text(path: &Path, text: &str) {
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .expect("open for appending");
    file.write_all(text.as_bytes()).expect("append");
}

fn append(path: &Path, lines: &[String]) {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .expect("open for appending");
    for line in lines {
        writeln!(file, "{line}").expect("append");
    }
}

/// Event ids, sorted: what was printed.
fn ids(events: &[serde_json::Value]) -> Vec<String> {
    let mut ids: Vec<String> = events
        .iter()
        .map(|e| e["event_id"].as_str().unwrap_or_default().to_owned())
        .collect();
    ids.sort();
    ids
}

/// Event ids, sorted: what was sent (`eventID` of `CloudTrail`, `id` of CADF).
fn ids_of_lines(lines: &[String]) -> Vec<String> {
    let mut ids: Vec<String> = lines
        .iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            let id = v
                .get("eventID")
                .or_else(|| v.get("id"))
                .or_else(|| v.get("payload").and_then(|p| p.get("id")));
            id.and_then(serde_json::Value::as_str)
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_followed_file_is_read_across_appends_rotation_and_truncation() {
    let lines = sample_lines();
    let (dir, mut follower) = followed_file(&lines[..3]);
    let log = dir.path().join("trail.ndjson");

    append(&log, &lines[3..5]);
    follower.expect_events(5);

    // Rotation: the old file is renamed (and still written once), a new one takes its name.
    std::fs::rename(&log, dir.path().join("trail.ndjson.1")).expect("rotate");
    append(&dir.path().join("trail.ndjson.1"), &lines[5..6]);
    append(&log, &lines[6..8]);
    follower.expect_events(8);

    // Truncation: the file is emptied and written from its start again.
    std::fs::write(&log, "").expect("truncate");
    std::thread::sleep(Duration::from_millis(300));
    append(&log, &["{broken".to_owned(), lines[8].clone()]);
    follower.expect_records(&lines[..9]);
    follower.expect_reject_naming(&["line 1", "broken JSON"]);
    follower.expect_no_more(Duration::from_millis(500));
    let rejected = follower
        .stderr_so_far()
        .iter()
        .filter(|l| l.contains("rejected"))
        .count();
    assert_eq!(rejected, 1, "no part of the file was read twice");
}

#[test]
fn a_gzip_dropped_into_a_followed_folder_loads_once_it_is_whole() {
    let lines = sample_lines();
    let (dir, mut follower) = followed_folder("old.ndjson", &lines[..2]);

    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    for line in &lines[2..13] {
        writeln!(gz, "{line}").expect("compress");
    }
    let gz = gz.finish().expect("gzip");
    let nested = dir.path().join("AWSLogs/2026/03/02");
    std::fs::create_dir_all(&nested).expect("mkdir");
    let path = nested.join("new.json.gz");
    // Half of it, left alone for longer than two folder scans: not loaded yet.
    std::fs::write(&path, &gz[..gz.len() / 2]).expect("write half");
    follower.expect_no_more(Duration::from_secs(3));
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .expect("open");
    file.write_all(&gz[gz.len() / 2..]).expect("write the rest");
    drop(file);
    follower.expect_records(&lines);
    assert!(
        follower.stderr_so_far().is_empty(),
        "the half-written gzip was never read as broken"
    );
    follower.expect_no_more(Duration::from_millis(1_500));
}

#[test]
fn stdin_events_show_before_it_ends() {
    let lines = sample_lines();
    let mut follower = Follower::start(&["-"]);
    let mut stdin = follower.stdin.take().expect("stdin");
    for line in &lines[..2] {
        writeln!(stdin, "{line}").expect("write");
    }
    stdin.flush().expect("flush");
    follower.expect_events(2);
    writeln!(stdin, "{}", lines[2]).expect("write");
    drop(stdin);
    follower.expect_events(3);
    let status = wait_exit(&mut follower.child);
    assert!(status.success(), "exit status once stdin ended: {status}");
}

fn wait_exit(child: &mut Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        assert!(Instant::now() < deadline, "qtrail did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// One HTTP/1.1 request on a fresh connection; the status and the body of the answer.
fn post(addr: &str, token: Option<&str>, headers: &str, body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(WAIT)).expect("read timeout");
    let auth = token.map_or_else(String::new, |t| format!("Authorization: Bearer {t}\r\n"));
    let head = format!(
        "POST / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{auth}{headers}Content-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).expect("send head");
    let _ = stream.write_all(body);
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {answer:?}"));
    let body = answer
        .split("\r\n\r\n")
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    (status, body)
}

#[test]
fn tcp_and_http_take_events_with_token_limits_and_rejects() {
    let lines = sample_lines();
    let mut follower = Follower::start(&[
        "--listen",
        "tcp://127.0.0.1:0",
        "--listen",
        "http://127.0.0.1:0",
        "--listen-token",
        "s3cret",
    ]);
    let tcp = follower.listening("tcp");
    let http = follower.listening("http");

    // Without the token as its first line, a connection is refused, its records unread.
    for first in ["", "wrong!\n", "s3cret-and-more\n"] {
        let mut stream = TcpStream::connect(&tcp).expect("connect tcp");
        let _ = writeln!(stream, "{first}{}", lines[11]);
        drop(stream);
        let refused = follower.expect_stderr("refused: TCP connection");
        assert!(refused.contains("token"), "{refused}");
        follower.errors.retain(|l| !l.contains("refused"));
    }
    let mut stream = TcpStream::connect(&tcp).expect("connect tcp");
    writeln!(stream, "s3cret\n{}\n{{not json\n{}", lines[0], lines[1]).expect("send");
    drop(stream);
    follower.expect_events(2);
    assert!(follower.expect_stderr("rejected").contains("line 2"));

    // Records of their own: one leaking past the token check would be printed (and seen
    // in the ids compared below), not hidden as a copy of a later record.
    let refused = format!("{}\n{}\n", lines[9], lines[10]);
    let (status, _) = post(&http, None, "", refused.as_bytes());
    assert_eq!(status, 401, "no token");
    let (status, _) = post(&http, Some("wrong!"), "", refused.as_bytes());
    assert_eq!(status, 401, "wrong token");
    follower.expect_no_more(Duration::from_millis(300));

    let ndjson = format!("{}\n{}\n", lines[2], lines[3]);

    let (status, body) = post(&http, Some("s3cret"), "", ndjson.as_bytes());
    assert_eq!(
        (status, body.trim()),
        (200, r#"{"accepted":2,"rejected":0,"reasons":[]}"#)
    );
    // Answered once indexed: the events are already on their way out.
    follower.expect_events(4);

    let array = format!("[{},{}]", lines[4], lines[5]);
    assert_eq!(post(&http, Some("s3cret"), "", array.as_bytes()).0, 200);
    let records = format!("{{\"Records\":[{},{}]}}", lines[6], lines[7]);
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(records.as_bytes()).expect("compress");
    let gz = gz.finish().expect("gzip");
    let encoded = "Content-Encoding: gzip\r\n";
    assert_eq!(post(&http, Some("s3cret"), encoded, &gz).0, 200);
    follower.expect_records(&lines[..8]);

    let (status, body) = post(&http, Some("s3cret"), "", b"{\"Records\":[{\"nope\":1}]}");
    assert_eq!(status, 400, "a body of no events: {body}");
    assert!(body.contains("not an event"), "{body}");
    let big = vec![b' '; qtrail::live::MAX_BODY + 1];
    assert_eq!(
        post(&http, Some("s3cret"), "", &big).0,
        413,
        "over the limit"
    );
    assert!(follower.expect_stderr("refused").contains("over"));
    assert!(
        follower
            .stderr_so_far()
            .iter()
            .any(|l| l.contains("not an event")),
        "the bad body is counted as a reject"
    );
    follower.expect_no_more(Duration::from_millis(300));
}

#[test]
fn a_too_long_line_is_skipped_and_counted_the_next_one_loads() {
    let lines = sample_lines();
    let mut follower = Follower::start(&["--listen", "tcp://127.0.0.1:0"]);
    let tcp = follower.listening("tcp");
    let mut stream = TcpStream::connect(&tcp).expect("connect");
    let long = format!(
        "{{\"x\":\"{}\"}}",
        "a".repeat(qtrail::live::MAX_NET_LINE + 10)
    );
    writeln!(stream, "{}\n{long}\n{}", lines[0], lines[1]).expect("send");
    drop(stream);
    follower.expect_events(2);
    let reject = follower.expect_stderr("too long");
    assert!(reject.contains("line 2"), "{reject}");
}

#[test]
fn a_busy_port_or_a_public_address_is_an_error_before_anything_starts() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let busy = format!("--listen 127.0.0.1:{port}: Address already in use");
    for (args, says) in [
        (
            vec!["query", "--listen", &format!("tcp://127.0.0.1:{port}")][..].to_vec(),
            busy.as_str(),
        ),
        (
            vec!["query", "--listen", "http://0.0.0.0:0"],
            "--listen-remote",
        ),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_qtrail"))
            .args(&args)
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success() && stderr.contains(says),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn a_first_line_that_arrives_in_pieces_still_streams() {
    let lines = sample_lines();
    let mut follower = Follower::start(&["-"]);
    let mut stdin = follower.stdin.take().expect("stdin");
    let (head, tail) = lines[0].split_at(40);
    write!(stdin, "{head}").expect("write");
    stdin.flush().expect("flush");
    std::thread::sleep(Duration::from_millis(300));
    writeln!(stdin, "{tail}\n{}", lines[1]).expect("write");
    stdin.flush().expect("flush");
    // Shown while stdin is still open: the cut first line did not make it a document.
    follower.expect_records(&lines[..2]);
    drop(stdin);
}

#[test]
fn a_followed_file_that_does_not_exist_yet_is_waited_for() {
    let lines = sample_lines();
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("later.ndjson");
    let mut follower = Follower::start(&[log.to_str().expect("UTF-8")]);
    follower.expect_no_more(Duration::from_millis(300));
    append(&log, &lines[..2]);
    follower.expect_records(&lines[..2]);
}

#[test]
fn a_file_in_a_followed_folder_that_grows_is_read_from_where_it_was_loaded() {
    let lines = sample_lines();
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("shipper.ndjson");
    append(&log, &lines[..3]);
    let mut follower = Follower::start(&[dir.path().to_str().expect("UTF-8")]);
    follower.expect_events(3);
    append(&log, &lines[3..6]);
    append(&log, &["{broken".to_owned()]);
    follower.expect_records(&lines[..6]);
    follower.expect_reject_naming(&["line 7", "from byte"]);
    follower.expect_no_more(Duration::from_millis(1_500));
}

#[test]
fn a_line_half_written_when_a_followed_folder_is_opened_is_read_once_finished() {
    let lines = sample_lines();
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("shipper.ndjson");
    let (first, rest) = lines[2].split_at(lines[2].len() / 2);
    let start = format!("{}\n{}\n{first}", lines[0], lines[1]);
    std::fs::write(&log, start).expect("write");
    let mut follower = Follower::start(&[dir.path().to_str().expect("UTF-8")]);
    follower.expect_events(2);
    follower.expect_no_more(Duration::from_millis(1_500));
    append_text(&log, &format!("{rest}\n{}\n", lines[3]));
    follower.expect_records(&lines[..4]);
    follower.expect_no_more(Duration::from_millis(1_500));
    follower.expect_no_rejects("the cut-off line");
}

#[test]
fn a_file_dropped_into_a_followed_folder_with_a_record_half_written_is_read_once_finished() {
    let lines = sample_lines();
    let (dir, mut follower) = followed_folder("first.ndjson", &lines[..1]);
    let log = dir.path().join("late.ndjson");
    let (first, rest) = lines[2].split_at(lines[2].len() / 2);
    std::fs::write(&log, format!("{}\n{first}", lines[1])).expect("write");
    follower.expect_events(2);
    // Unchanged for longer than two folder scans: it stays waiting, not rejected.
    follower.expect_no_more(Duration::from_millis(2_500));
    append_text(&log, &format!("{rest}\n"));
    follower.expect_records(&lines[..3]);
    follower.expect_no_rejects("the half-written record");
}

#[test]
fn a_one_line_document_without_a_newline_in_a_followed_folder_loads_at_start() {
    let lines = sample_lines();
    let records: Vec<&str> = lines.iter().map(String::as_str).collect();
    // Over the megabyte looked at from the end, on a single line.
    let mut body = format!("{{\"Records\":[{}", records.join(","));
    let padding = format!(",{}", records[0]);
    while body.len() < (3 << 20) {
        body.push_str(&padding);
    }
    body.push_str("]}");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("trail.json"), body).expect("write");
    let mut follower = Follower::start(&[dir.path().to_str().expect("UTF-8")]);
    follower.expect_records(&lines);
    follower.expect_no_more(Duration::from_secs(1));
}

#[test]
fn a_followed_file_truncated_and_written_past_its_old_size_at_once_is_read_from_its_start() {
    let lines = sample_lines();
    let (dir, mut follower) = followed_file(&lines[..2]);
    let log = dir.path().join("trail.ndjson");
    // Between two looks at its size, the file is replaced in place by longer content.
    let refill = lines[2..9].join("\n") + "\n";
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(&log)
        .expect("open");
    file.write_all(refill.as_bytes()).expect("rewrite in place");
    drop(file);
    follower.expect_records(&lines[..9]);
    follower.expect_no_more(Duration::from_millis(500));
    follower.expect_no_rejects("the new content");
}

#[test]
fn idle_connections_cannot_lock_a_shipper_out() {
    let lines = sample_lines();
    let mut follower = Follower::start(&["--listen", "tcp://127.0.0.1:0"]);
    let tcp = follower.listening("tcp");
    let idle: Vec<TcpStream> = (0..qtrail::live::MAX_CONNECTIONS)
        .map(|_| TcpStream::connect(&tcp).expect("connect"))
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let mut shipper = TcpStream::connect(&tcp).expect("connect");
    writeln!(shipper, "{}", lines[0]).expect("send");
    follower.expect_records(&lines[..1]);
    assert!(
        started.elapsed() < Duration::from_secs(9),
        "a quiet connection made room: {:?}",
        started.elapsed()
    );
    drop(idle);
}

#[test]
fn a_gzip_flood_of_rejects_is_counted_and_the_listener_goes_on() {
    let lines = sample_lines();
    let mut follower = Follower::start(&["--listen", "http://127.0.0.1:0"]);
    let http = follower.listening("http");
    let flood = "{}\n".repeat(200_000);
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(flood.as_bytes()).expect("compress");
    let gz = gz.finish().expect("gzip");
    let (status, body) = post(&http, None, "Content-Encoding: gzip\r\n", &gz);
    assert_eq!(status, 400, "{body}");
    let answer: serde_json::Value = serde_json::from_str(&body).expect("a JSON answer");
    assert_eq!(answer["rejected"], 200_000);
    assert_eq!(answer["reasons"].as_array().map(Vec::len), Some(5));
    let more = follower.expect_stderr("more records");
    assert!(
        more.contains("199000 more") && more.contains("not_an_event"),
        "{more}"
    );
    let (status, _) = post(&http, None, "", format!("{}\n", lines[0]).as_bytes());
    assert_eq!(status, 200, "the listener still takes events");
    follower.expect_records(&lines[..1]);
}
