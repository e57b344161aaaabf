//! The way into a running load: the planner uses it for the start-up inputs, live sources
//! (followed files and folders, stdin, listeners) for what arrives later. Each source that
//! arrives as a byte stream writes through a `LineFeed` (in `line_feed.rs`).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;

use super::message::{LoadMsg, SourceIds};
use super::plan::{self, Unit};
use crate::model::{Reject, RejectReason};
use crate::source::BlockStore;
use crate::source::{SourceInfo, SourceKind};

/// A handle on the load pipeline; clones feed the same index.
#[derive(Clone)]
pub struct Feed {
    ids: SourceIds,
    tx: SyncSender<LoadMsg>,
    units: SyncSender<Unit>,
    /// Units sent by the start-up inputs (`Done` waits for them); `None` for live sources.
    initial: Option<Arc<AtomicU64>>,
}

impl Feed {
    /// The start-up inputs' way in: `Done` waits for their units.
    pub(super) fn new(ids: SourceIds, tx: SyncSender<LoadMsg>, units: SyncSender<Unit>) -> Feed {
        Feed {
            ids,
            tx,
            units,
            initial: Some(Arc::default()),
        }
    }

    /// The same pipeline, for sources whose units `Done` does not wait for.
    pub(super) fn live(self) -> Feed {
        Feed {
            initial: None,
            ..self
        }
    }

    pub(super) fn initial_units(&self) -> u64 {
        self.initial
            .as_ref()
            .map_or(0, |n| n.load(Ordering::Relaxed))
    }

    #[must_use]
    pub fn ids(&self) -> &SourceIds {
        &self.ids
    }

    /// Sends a message to the index owner; `false` once it has hung up.
    #[must_use]
    pub fn send(&self, msg: LoadMsg) -> bool {
        self.tx.send(msg).is_ok()
    }

    /// Something refused whole before it became a source of events (a connection without
    /// its token): a source of its own with one reject saying why.
    #[must_use]
    pub fn refused(&self, name: String, why: String) -> bool {
        let id = self.ids.next();
        let info = SourceInfo {
            name,
            kind: SourceKind::Memory(Arc::new(BlockStore::default())),
        };
        let reject = Reject::of_source(id, 0, RejectReason::Refused(why));
        self.send(LoadMsg::Source(id, info)) && self.send(LoadMsg::Rejects(vec![reject]))
    }

    /// A live input that cannot be opened: a source with its reject.
    #[must_use]
    pub fn unreadable(&self, path: &std::path::Path, e: &std::io::Error) -> bool {
        let id = self.ids.next();
        let info = SourceInfo {
            name: path.display().to_string(),
            kind: SourceKind::Memory(Arc::new(BlockStore::default())),
        };
        let reject = Reject::of_source(id, 0, RejectReason::Unreadable(e.to_string()));
        self.send(LoadMsg::Source(id, info)) && self.send(LoadMsg::Rejects(vec![reject]))
    }

    /// Sends a planned input's sources and rejects to the index owner, then its units to
    /// the workers; the source always goes first, so no batch arrives for an unknown source.
    pub(crate) fn announce(&self, planned: plan::Planned) -> bool {
        let plan::Planned {
            sources,
            units,
            rejects,
            total_bytes,
        } = planned;
        let mut messages = vec![LoadMsg::Started { total_bytes }];
        messages.extend(
            sources
                .into_iter()
                .map(|(id, info)| LoadMsg::Source(id, info)),
        );
        if !rejects.is_empty() {
            messages.push(LoadMsg::Rejects(rejects));
        }
        messages.into_iter().all(|m| self.send(m)) && units.into_iter().all(|u| self.unit(u))
    }

    pub(crate) fn unit(&self, mut unit: Unit) -> bool {
        if let Some(count) = &self.initial {
            count.fetch_add(1, Ordering::Relaxed);
            unit.initial = true;
        }
        self.units.send(unit).is_ok()
    }
}
