//! `qtrail-lab bench --live pipe|file|tcp`: sustained ingest through a live source while the
//! explorer's own loop runs on a `TestBackend`, a key pressed every 50 ms. Reports the
//! ingest rate, the time each drawn frame kept the loop busy, and key-to-screen: from
//! the moment a key was due to the end of the frame that showed it.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde::Serialize;

use super::{memory_mb, ms, percentile};
use qtrail::app::{AppState, FollowState, Keymap, Setup};
use qtrail::index::Index;
use qtrail::live::{ListenAddr, LiveSources};
use qtrail::load::{SourceIds, spawn_live};
use qtrail::term::{EffectRunner, Probe, Ui, bridge, run_loop};
use qtrail::view::Theme;

/// How records reach qtrail in the benchmark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// A pipe, as `shipper | qtrail -`.
    Pipe,
    /// A file being appended to, followed (`-f`).
    File,
    /// A TCP connection to `--listen tcp://`.
    Tcp,
}

const KEY_EVERY: Duration = Duration::from_millis(50);
/// Up twice (following pauses), down, F (following resumes).
const KEYS: [char; 4] = ['k', 'k', 'j', 'F'];

#[derive(Serialize)]
pub struct LiveReport {
    via: Via,
    size: String,
    records: u64,
    events: usize,
    duplicates: u64,
    rejected: u64,
    ingest_s: f64,
    events_per_s: f64,
    frames: usize,
    frame_p50_ms: f64,
    frame_p99_ms: f64,
    frame_max_ms: f64,
    keys: usize,
    key_to_screen_p50_ms: f64,
    key_to_screen_p99_ms: f64,
    key_to_screen_max_ms: f64,
    rss_anon_mb_at_end: Option<f64>,
    /// Processor time of the writer standing in for the shipper, and of everything else in
    /// the process (qtrail's readers, parsers, index and explorer) until every record was in.
    writer_cpu_s: f64,
    qtrail_cpu_s: f64,
}

pub fn run(input: &Path, via: Via, width: u16, height: u16) -> anyhow::Result<LiveReport> {
    let records = count_lines(input)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let keymap = Keymap::default_keymap();
    let state = AppState::new(
        Index::new(),
        Setup {
            help: keymap.help_lines(),
            banner: None,
            follow: FollowState::live(None),
        },
    );
    let scratch = std::env::temp_dir().join(format!("qtrail-bench-{}.ndjson", std::process::id()));
    let started = Instant::now();
    let cpu_at_start = cpu_time(rustix::time::ClockId::ProcessCPUTime);
    let (loads, writer) = start_source(input, via, &scratch)?;
    let shared = Rc::new(RefCell::new(Keys::default()));
    let mut probe = Timing {
        shared: Rc::clone(&shared),
        records,
        started: Some(started),
        ..Timing::default()
    };
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    let theme = Theme::colored();
    let ui = Ui {
        keymap: &keymap,
        theme: &theme,
    };
    let result = runtime.block_on(run_loop(
        &mut terminal,
        state,
        &ui,
        key_presses(shared),
        bridge(loads),
        &mut EffectRunner::new(Box::new(std::io::sink())),
        &mut probe,
    ));
    let _ = std::fs::remove_file(&scratch);
    result?;
    let writer_cpu = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the writer panicked"))??;
    let cpu = probe.process_cpu.saturating_sub(cpu_at_start);
    let mut report = probe.report(via, format!("{width}x{height}"));
    report.writer_cpu_s = secs(writer_cpu);
    report.qtrail_cpu_s = secs(cpu.saturating_sub(writer_cpu));
    Ok(report)
}

/// The writer's thread: the processor time it used, once it has written everything.
type Writer = std::thread::JoinHandle<std::io::Result<Duration>>;

/// Starts the writer of `input` and the live source reading it.
fn start_source(
    input: &Path,
    via: Via,
    scratch: &Path,
) -> anyhow::Result<(std::sync::mpsc::Receiver<qtrail::load::LoadMsg>, Writer)> {
    let source = std::fs::File::open(input)?;
    let ids = SourceIds::default();
    Ok(match via {
        Via::Pipe => {
            let (reader, writer) = std::io::pipe()?;
            let writer = std::thread::spawn(move || send_in_pieces(&source, writer));
            let loads = spawn_live(Vec::new(), ids, move |feed| {
                std::thread::spawn(move || qtrail::load::stream(&feed, "pipe".into(), reader));
            });
            (loads, writer)
        }
        Via::File => {
            let appended = std::fs::File::create(scratch)?;
            let writer = std::thread::spawn(move || send_in_pieces(&source, appended));
            let live = LiveSources {
                files: vec![PathBuf::from(scratch)],
                ..LiveSources::default()
            };
            (
                spawn_live(Vec::new(), ids, move |feed| live.start(&feed)),
                writer,
            )
        }
        Via::Tcp => {
            let bound = ListenAddr::parse("tcp://127.0.0.1:0")
                .map_err(anyhow::Error::msg)?
                .bind(false)?;
            let addr = bound.listener.local_addr()?;
            let live = LiveSources {
                listeners: vec![bound],
                ..LiveSources::default()
            };
            let loads = spawn_live(Vec::new(), ids, move |feed| live.start(&feed));
            let writer = std::thread::spawn(move || {
                let stream = std::net::TcpStream::connect(addr)?;
                send_in_pieces(&source, stream)
            });
            (loads, writer)
        }
    })
}

/// Processor time of this thread, or of the whole process.
fn cpu_time(clock: rustix::time::ClockId) -> Duration {
    let t = rustix::time::clock_gettime(clock);
    Duration::new(
        u64::try_from(t.tv_sec).unwrap_or(0),
        u32::try_from(t.tv_nsec).unwrap_or(0),
    )
}

/// Writes like a shipper that batches, a megabyte at a time, and with `sendfile`, as `pv`
/// does: the writer stands in for another program, so its copying should not be what
/// the figures measure.
fn send_in_pieces(
    source: &std::fs::File,
    out: impl std::os::fd::AsFd,
) -> std::io::Result<Duration> {
    loop {
        match rustix::fs::sendfile(&out, source, None, 1 << 20) {
            Ok(0) => return Ok(cpu_time(rustix::time::ClockId::ThreadCPUTime)),
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
    }
}

/// Records in the input: its lines that are not blank.
fn count_lines(path: &Path) -> anyhow::Result<u64> {
    let opened = qtrail::source::open_file(path)?;
    let bytes = opened.content.bytes();
    let mut records = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes).chain([bytes.len()]) {
        records += u64::from(bytes[start..end].iter().any(|b| !b.is_ascii_whitespace()));
        start = end + 1;
    }
    Ok(records)
}

/// Keys due and not yet taken, shared by the key stream and the probe.
#[derive(Default)]
struct Keys {
    due: VecDeque<Instant>,
    finished: bool,
}

/// A key every `KEY_EVERY`, until the probe has seen every record indexed.
fn key_presses(
    shared: Rc<RefCell<Keys>>,
) -> impl futures_util::Stream<Item = std::io::Result<Event>> + Unpin {
    let first = tokio::time::Instant::now() + KEY_EVERY;
    Box::pin(futures_util::stream::unfold(
        (0usize, first),
        move |(n, due)| {
            let shared = Rc::clone(&shared);
            async move {
                tokio::time::sleep_until(due).await;
                if shared.borrow().finished {
                    return None;
                }
                shared.borrow_mut().due.push_back(due.into_std());
                let key = KeyEvent::new(KeyCode::Char(KEYS[n % KEYS.len()]), KeyModifiers::NONE);
                Some((Ok(Event::Key(key)), (n + 1, due + KEY_EVERY)))
            }
        },
    ))
}

#[derive(Default)]
struct Timing {
    shared: Rc<RefCell<Keys>>,
    records: u64,
    started: Option<Instant>,
    frames: Vec<f64>,
    keys: Vec<f64>,
    key_due: Option<Instant>,
    ingest_s: f64,
    counts: (usize, u64, u64),
    /// Taken while the index is still alive.
    rss_anon_mb: Option<f64>,
    /// The process's processor time when every record was in.
    process_cpu: Duration,
}

impl Probe for Timing {
    fn key(&mut self) {
        self.key_due = self.shared.borrow_mut().due.pop_front();
    }

    fn frame(&mut self, state: &AppState, work: Duration, drew: bool) -> bool {
        if !drew {
            return true;
        }
        self.frames.push(ms(work));
        if let Some(due) = self.key_due.take() {
            self.keys.push(ms(due.elapsed()));
        }
        let index = state.index();
        let seen = index.received() + index.duplicates() + index.rejected();
        if seen < self.records {
            return true;
        }
        self.ingest_s = self.started.map_or(0.0, |s| s.elapsed().as_secs_f64());
        self.counts = (index.len(), index.duplicates(), index.rejected());
        self.rss_anon_mb = memory_mb("RssAnon:");
        self.process_cpu = cpu_time(rustix::time::ClockId::ProcessCPUTime);
        self.shared.borrow_mut().finished = true;
        false
    }
}

impl Timing {
    fn report(mut self, via: Via, size: String) -> LiveReport {
        self.frames.sort_by(f64::total_cmp);
        self.keys.sort_by(f64::total_cmp);
        let (events, duplicates, rejected) = self.counts;
        #[allow(clippy::cast_precision_loss, reason = "a rate for people to read")]
        let events_per_s = self.records as f64 / self.ingest_s.max(1e-9);
        LiveReport {
            via,
            size,
            records: self.records,
            events,
            duplicates,
            rejected,
            ingest_s: self.ingest_s,
            events_per_s: events_per_s.round(),
            frames: self.frames.len(),
            frame_p50_ms: percentile(&self.frames, 50),
            frame_p99_ms: percentile(&self.frames, 99),
            frame_max_ms: percentile(&self.frames, 100),
            keys: self.keys.len(),
            key_to_screen_p50_ms: percentile(&self.keys, 50),
            key_to_screen_p99_ms: percentile(&self.keys, 99),
            key_to_screen_max_ms: percentile(&self.keys, 100),
            rss_anon_mb_at_end: self.rss_anon_mb,
            writer_cpu_s: 0.0,
            qtrail_cpu_s: 0.0,
        }
    }
}

fn secs(d: Duration) -> f64 {
    (d.as_secs_f64() * 100.0).round() / 100.0
}
