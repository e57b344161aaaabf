//! What a loading task sends to the index: events with their strings interned locally
//! (so workers never share a lock), plus the rejects of the same stretch of input.

use rustc_hash::FxHashMap;

use crate::model::{Column, Row};
use crate::model::{RawRef, Reject, RejectReason, RejectTally, SourceId};
use crate::parse::hash;
use crate::parse::{JobKind, Normalized, Sink};

/// A stretch of one source's records, parsed.
#[derive(Debug, Default)]
pub struct Batch {
    pub source: SourceId,
    /// Rows whose `cols` index into `strings`, not yet into the index's interners.
    pub rows: Vec<Row>,
    /// Per row: its content key when it has no event id (0 otherwise).
    pub keys: Vec<u64>,
    pub strings: [Vec<Box<str>>; Column::COUNT],
    /// The first rejects of the stretch, in full.
    pub rejects: Vec<Reject>,
    /// The others, counted by kind only (a flood of garbage must not fill memory).
    pub unsampled: RejectTally,
    /// Bytes of input this batch covers, for progress.
    pub bytes: u64,
    /// Offset in the source of the first byte this batch covers.
    pub start: u64,
    /// Sessions (or service IDs) started by some of the rows: (row in `rows`, what).
    pub started: Vec<(u32, SessionStart)>,
    /// What the rows that create a job say of it: (row in `rows`, what).
    pub created: Vec<(u32, JobFacts)>,
}

/// A session a call started, detached from the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionStart {
    pub key: Option<Box<str>>,
    pub subject: Box<str>,
    pub source_identity: Option<Box<str>>,
}

/// What a job's creation says of it, detached from the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobFacts {
    pub kind: JobKind,
    pub device: Option<Box<str>>,
    pub shots: Option<u64>,
}

/// What the index keeps of one field of an event (a user agent, an identity, an error):
/// `CloudTrail` caps these at 1 KB, and a hostile record's megabyte-long field must not be
/// kept whole for every event that carries it. The original record keeps it all.
pub const MAX_FIELD: usize = 2 << 10;

/// `text` cut to [`MAX_FIELD`] bytes at a character boundary, the cut marked with `…`.
fn capped(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= MAX_FIELD {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut end = MAX_FIELD - '…'.len_utf8();
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    std::borrow::Cow::Owned(format!("{}…", &text[..end]))
}

/// Rejects a batch keeps in full; the index keeps the first `KEPT_REJECTS` of all.
pub const SAMPLED_PER_BATCH: usize = 1_000;

/// Builds a [`Batch`] while a [`crate::parse::Walker`] walks a buffer.
pub struct BatchBuilder {
    batch: Batch,
    local: [FxHashMap<Box<str>, u32>; Column::COUNT],
    /// Offset of the walked buffer in the source's content.
    base: u64,
    /// Line of the walked buffer's first byte, minus one.
    line_base: u64,
    /// What the last reject was, sampled or not.
    last_reject: Option<&'static str>,
}

impl BatchBuilder {
    #[must_use]
    pub fn new(source: SourceId, base: u64, line_base: u64) -> Self {
        let mut builder = BatchBuilder {
            batch: Batch {
                source,
                start: base,
                ..Batch::default()
            },
            local: Default::default(),
            base,
            line_base,
            last_reject: None,
        };
        for column in Column::ALL {
            builder.intern(column, "");
        }
        builder
    }

    fn intern(&mut self, column: Column, text: &str) -> u32 {
        let text = capped(text);
        let map = &mut self.local[column as usize];
        if let Some(&id) = map.get(&*text) {
            return id;
        }
        let list = &mut self.batch.strings[column as usize];
        let id = u32::try_from(list.len()).unwrap_or(u32::MAX);
        list.push((*text).into());
        map.insert((*text).into(), id);
        id
    }

    fn intern_opt(&mut self, column: Column, text: Option<&str>) -> u32 {
        text.map_or(0, |t| self.intern(column, t))
    }

    pub fn reject_here(&mut self, offset: u64, line: Option<u64>, reason: RejectReason) {
        self.keep(Reject {
            source: self.batch.source,
            line,
            record: None,
            offset,
            reason,
        });
    }

    /// Keeps a reject in full while the sample has room, else counts it.
    fn keep(&mut self, reject: Reject) {
        self.last_reject = Some(reject.reason.kind());
        if self.batch.rejects.len() < SAMPLED_PER_BATCH {
            self.batch.rejects.push(reject);
        } else {
            self.batch.unsampled.add(&reject.reason);
        }
    }

    #[must_use]
    pub fn finish(mut self, bytes: u64) -> Batch {
        self.batch.bytes = bytes;
        self.batch
    }

    /// The kind of the last reject so far (see [`RejectReason::kind`]).
    #[must_use]
    pub fn last_reject(&self) -> Option<&'static str> {
        self.last_reject
    }
}

impl Sink for BatchBuilder {
    fn event(&mut self, e: Normalized<'_>, raw: &[u8], offset: usize) {
        let key = match e.event_id {
            Some(_) => 0,
            None => hash::dedup_by_content(raw),
        };
        let cols = [
            self.intern(Column::Identity, &e.identity),
            self.intern_opt(Column::IdentityType, e.identity_type.as_deref()),
            self.intern(Column::Action, &e.action),
            self.intern_opt(Column::Ip, e.source_ip.as_deref()),
            self.intern_opt(Column::UserAgent, e.user_agent.as_deref()),
            self.intern_opt(Column::Account, e.account.as_deref()),
            self.intern_opt(Column::Region, e.region.as_deref()),
            self.intern_opt(Column::Error, e.error.as_deref()),
            self.intern_opt(Column::AccessKey, e.access_key.as_deref()),
            self.intern_opt(Column::Job, e.job.as_ref().map(|j| &*j.id)),
        ];
        let at = u32::try_from(self.batch.rows.len()).unwrap_or(u32::MAX);
        if let Some(started) = &e.started {
            self.batch.started.push((
                at,
                SessionStart {
                    key: started.key.as_deref().map(Into::into),
                    subject: (*started.subject).into(),
                    source_identity: started.source_identity.as_deref().map(Into::into),
                },
            ));
        }
        if let Some(job) = e
            .job
            .as_ref()
            .filter(|j| j.device.is_some() || j.shots.is_some())
        {
            self.batch.created.push((
                at,
                JobFacts {
                    kind: job.kind,
                    device: job.device.as_deref().map(Into::into),
                    shots: job.shots,
                },
            ));
        }
        self.batch.rows.push(Row {
            time_ms: e.time_ms,
            raw: RawRef {
                offset: self.base + offset as u64,
                len: u32::try_from(raw.len()).unwrap_or(u32::MAX),
                source: self.batch.source,
            },
            event_id_hash: e.event_id.as_deref().map_or(0, hash::id_hash),
            request_id_hash: e.request_id.as_deref().map_or(0, hash::id_hash),
            cols,
            outcome: e.outcome,
            provider: e.provider,
        });
        self.batch.keys.push(key);
    }

    fn reject(&mut self, offset: usize, line: u64, record: Option<u64>, reason: RejectReason) {
        self.keep(Reject {
            source: self.batch.source,
            line: Some(self.line_base + line),
            record,
            offset: self.base + offset as u64,
            reason,
        });
    }
}
