//! Recomputing what the screens show after the filter or the data changed.

use std::sync::Arc;

use super::identities::compute_groups;
use super::state::{AppState, Screen};
use super::update::Effect;
use crate::filter::{Matcher, matching_rows};
use crate::model::RawRef;

/// A finished search of originals.
pub struct RawScanDone {
    pub generation: u64,
    pub rows: Vec<u32>,
    pub added: bool,
}

/// Bare-word filters need the original records: those are searched off the UI thread.
pub struct RawScan {
    pub generation: u64,
    /// Rows added while streaming, to be merged in; otherwise the whole filter's rows.
    pub added: bool,
    pub matcher: Arc<Matcher>,
    pub candidates: Vec<(u32, RawRef)>,
    pub sources: Arc<Vec<Option<crate::source::SourceInfo>>>,
}

impl AppState {
    /// Re-runs the filter; returns the effects needed (a background scan, a detail read).
    pub fn refresh_rows(&mut self) -> Vec<Effect> {
        self.index.ensure_sorted();
        self.generation += 1;
        let matcher = Matcher::new(&self.index, &self.filter.applied);
        let rows = matching_rows(&self.index, &matcher);
        self.rows_cover = Some((self.index.len(), self.index.reorders()));
        let mut effects = Vec::new();
        if matcher.needs_raw() {
            self.filter.scanning = true;
            let candidates = rows
                .iter()
                .map(|&id| (id, self.index.row(id).raw))
                .collect();
            effects.push(Effect::ScanRaw(RawScan {
                generation: self.generation,
                added: false,
                matcher: Arc::new(matcher),
                candidates,
                sources: self.index.shared_sources(),
            }));
            self.rows = Vec::new();
        } else {
            self.filter.scanning = false;
            self.rows = rows;
        }
        // While originals are searched there are no rows yet: regrouping now would lose
        // the drilled-in identity. The scan's result regroups.
        if !self.filter.scanning {
            self.regroup();
        }
        effects.extend(self.after_rows_changed());
        effects
    }

    /// After events were only added: the new ones are filtered and merged into the rows,
    /// at a cost that follows what arrived rather than the size of the index. `None`
    /// when a full refresh is needed (rows evicted or reordered, a scan of originals).
    pub fn refresh_added_rows(&mut self) -> Option<Vec<Effect>> {
        let (from, reorders) = self.rows_cover?;
        self.index.ensure_sorted();
        if reorders != self.index.reorders() {
            return None;
        }
        // A search of originals is under way: what arrived since waits for the next turn.
        if self.filter.scanning {
            return Some(Vec::new());
        }
        let matcher = Matcher::new(&self.index, &self.filter.applied);
        let mut added: Vec<(crate::index::OrderKey, u32)> =
            crate::filter::matching_rows_since(&self.index, &matcher, from)
                .map(|id| (self.index.order_key(id), id))
                .collect();
        self.rows_cover = Some((self.index.len(), reorders));
        if matcher.needs_raw() {
            self.filter.scanning = true;
            let candidates = added
                .iter()
                .map(|&(_, id)| (id, self.index.row(id).raw))
                .collect();
            return Some(vec![Effect::ScanRaw(RawScan {
                generation: self.generation,
                added: true,
                matcher: Arc::new(matcher),
                candidates,
                sources: self.index.shared_sources(),
            })]);
        }
        added.sort_unstable();
        Some(self.merge_rows(&added))
    }

    /// Merges rows (sorted by their order keys) into the filter's rows.
    fn merge_rows(&mut self, added: &[(crate::index::OrderKey, u32)]) -> Vec<Effect> {
        let index = &self.index;
        crate::index::merge_into(&mut self.rows, added, |id| index.order_key(id));
        self.regroup();
        self.after_rows_changed()
    }

    /// A background scan finished: its rows replace the current ones (or, for rows added
    /// while streaming, join them) if still wanted.
    pub fn raw_scan_done(&mut self, done: RawScanDone) -> Vec<Effect> {
        if done.generation != self.generation {
            return Vec::new();
        }
        self.filter.scanning = false;
        let mut effects = if done.added {
            let mut added: Vec<_> = done
                .rows
                .iter()
                .map(|&id| (self.index.order_key(id), id))
                .collect();
            added.sort_unstable();
            self.merge_rows(&added)
        } else {
            self.rows = done.rows;
            self.regroup();
            self.after_rows_changed()
        };
        // Events that arrived during the scan wait for it: take them in now, as the
        // stream may have gone quiet and no further refresh come.
        if self
            .rows_cover
            .is_some_and(|(from, _)| from < self.index.len())
        {
            effects.extend(self.refresh_added_rows().unwrap_or_default());
        }
        effects
    }

    /// Identity groups over the current rows, and the drilled-in identity's rows. Only
    /// computed while an identities screen shows them; otherwise marked stale.
    pub fn regroup(&mut self) {
        if self.screen == Screen::Events {
            self.identities.stale = true;
            return;
        }
        self.identities.stale = false;
        let drilled = match self.screen {
            Screen::Identity(i) => self.identities.groups.get(i).map(|g| g.name.clone()),
            _ => None,
        };
        self.identities.groups = compute_groups(&self.index, &self.rows, self.identities.sort);
        self.identities
            .list
            .clamp(self.identities.groups.len(), self.page);
        if let Some(name) = drilled {
            if let Some(i) = self.identities.groups.iter().position(|g| g.name == name) {
                self.screen = Screen::Identity(i);
                self.identities.list.selected = i;
            } else {
                self.screen = Screen::Identities;
                self.focus = crate::app::Pane::Identities;
            }
        }
        self.drill_rows();
    }

    /// The drilled-in identity's rows, from the current groups.
    pub fn drill_rows(&mut self) {
        self.identity_rows = match self.screen {
            Screen::Identity(i) => self.rows_of_group(i),
            _ => Vec::new(),
        };
        self.identities.summary = super::identities::Summary::of(&self.index, &self.identity_rows);
    }

    fn rows_of_group(&self, group: usize) -> Vec<u32> {
        let Some(group) = self.identities.groups.get(group) else {
            return Vec::new();
        };
        let column = crate::model::Column::Identity;
        let mut member = vec![false; self.index.strings(column).len()];
        for &m in &group.members {
            member[m as usize] = true;
        }
        self.rows
            .iter()
            .copied()
            .filter(|&id| member[self.index.row(id).col(column) as usize])
            .collect()
    }

    /// Keeps the cursor valid and asks for the selected event's original.
    pub fn after_rows_changed(&mut self) -> Vec<Effect> {
        let len = self.timeline_rows().len();
        self.timeline.clamp(len, self.page);
        self.select_detail()
    }

    pub fn select_detail(&mut self) -> Vec<Effect> {
        let row = self.selected_row();
        if self.detail.select(row) {
            row.map(Effect::ReadOriginal).into_iter().collect()
        } else {
            Vec::new()
        }
    }
}
