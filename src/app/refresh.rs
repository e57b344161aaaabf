//! Recomputing what the screens list after the filter or the data changed: the filter's
//! rows, the identity groups, the drilled-in identity's rows, the selected event.

use std::sync::Arc;

use super::effect::{Effect, RawScan};
use super::identities::{Summary, compute_groups};
use super::job_of::job_of;
use super::state::{AppState, Mode, Pane, Screen};
use crate::filter::{Filter, Matcher, matching_rows, matching_rows_since};
use crate::index::{OrderKey, merge_into};
use crate::model::Column;

impl AppState {
    /// Applies a filter text; on a parse error stays in the filter bar with the error shown.
    /// The filter it replaces can be had back with `UndoFilter`.
    pub(in crate::app) fn apply_filter_text(&mut self, text: &str) -> Vec<Effect> {
        let before = self.filter.text.clone();
        let effects = self.replace_filter(text);
        if self.filter.text != before {
            self.filter.undo.push(before);
        }
        effects
    }

    /// Back to the filter before the last change.
    pub(in crate::app) fn undo_filter(&mut self) -> Vec<Effect> {
        if let Some(text) = self.filter.undo.pop() {
            self.replace_filter(&text)
        } else {
            self.notice = Some("no earlier filter".into());
            Vec::new()
        }
    }

    fn replace_filter(&mut self, text: &str) -> Vec<Effect> {
        match Filter::parse(text, self.now_ms) {
            Ok(filter) => {
                text.trim().clone_into(&mut self.filter.text);
                let filter_text = self.filter.text.clone();
                self.filter.editing.set(&filter_text);
                self.remember(&filter_text);
                self.filter.applied = filter;
                self.filter.error = None;
                self.mode = Mode::Browse;
                self.timeline.to_top();
                self.cursor_moved = false;
                self.refresh_rows()
            }
            Err(e) => {
                self.filter.editing.set(text);
                self.filter.error = Some(e.to_string());
                self.mode = Mode::Filter;
                Vec::new()
            }
        }
    }

    /// Keeps an applied filter in the bar's history (once, the latest last).
    fn remember(&mut self, text: &str) {
        let history = &mut self.filter.history;
        history.retain(|t| t != text);
        if !text.is_empty() {
            history.push(text.to_owned());
        }
        self.filter.history_at = None;
    }

    /// Re-runs the filter; returns the effects needed (a background scan, a detail read).
    pub(in crate::app) fn refresh_rows(&mut self) -> Vec<Effect> {
        self.index.ensure_sorted();
        self.generation += 1;
        let matcher = Matcher::new(&self.index, &self.filter.applied);
        let rows = matching_rows(&self.index, &matcher);
        self.rows_cover = Some((self.index.len(), self.index.reorders()));
        let mut effects = Vec::new();
        self.filter.scanning = matcher.needs_raw();
        if self.filter.scanning {
            effects.push(self.scan(matcher, &rows, false));
            self.rows = Vec::new();
        } else {
            self.rows = rows;
            // While originals are searched there are no rows yet: regrouping then would
            // lose the drilled-in identity. The scan's result regroups.
            self.regroup();
        }
        effects.extend(self.after_rows_changed());
        effects
    }

    fn scan(&self, matcher: Matcher, rows: &[u32], added: bool) -> Effect {
        let candidates = rows
            .iter()
            .map(|&id| (id, self.index.row(id).raw))
            .collect();
        Effect::ScanRaw(RawScan {
            generation: self.generation,
            added,
            matcher: Arc::new(matcher),
            candidates,
            sources: self.index.shared_sources(),
        })
    }

    /// After events were only added: the new ones are filtered and merged into the rows,
    /// at a cost that follows what arrived rather than the size of the index. `None`
    /// when a full refresh is needed (rows evicted or reordered).
    pub(in crate::app) fn refresh_added_rows(&mut self) -> Option<Vec<Effect>> {
        let (from, reorders) = self.rows_cover?;
        self.index.ensure_sorted();
        if reorders != self.index.reorders() {
            return None;
        }
        // A search of originals is under way: what arrived since waits for it to end.
        if self.filter.scanning {
            return Some(Vec::new());
        }
        let matcher = Matcher::new(&self.index, &self.filter.applied);
        let added: Vec<u32> = matching_rows_since(&self.index, &matcher, from).collect();
        self.rows_cover = Some((self.index.len(), reorders));
        if matcher.needs_raw() {
            self.filter.scanning = true;
            return Some(vec![self.scan(matcher, &added, true)]);
        }
        Some(self.merge_rows(&added))
    }

    /// Merges rows into the filter's rows, at their place in time.
    pub(in crate::app) fn merge_rows(&mut self, added: &[u32]) -> Vec<Effect> {
        let index = &self.index;
        let mut keyed: Vec<(OrderKey, u32)> =
            added.iter().map(|&id| (index.order_key(id), id)).collect();
        keyed.sort_unstable();
        merge_into(&mut self.rows, &keyed, |id| index.order_key(id));
        self.regroup();
        self.after_rows_changed()
    }

    /// Identity groups over the current rows, and the drilled-in identity's rows. Only
    /// computed while an identities screen shows them; otherwise marked stale.
    pub(in crate::app) fn regroup(&mut self) {
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
        let groups = self.identities.groups.len();
        self.identities.list.clamp(groups, self.pages.list);
        if let Some(name) = drilled {
            self.find_drilled(&name);
        }
        self.drill_rows();
    }

    /// The drilled-in group again after a regroup, or back to the list when it is gone.
    fn find_drilled(&mut self, name: &str) {
        if let Some(i) = self.identities.groups.iter().position(|g| g.name == name) {
            self.screen = Screen::Identity(i);
            self.identities.list.selected = i;
        } else {
            self.screen = Screen::Identities;
            self.focus = Pane::Identities;
        }
    }

    /// The drilled-in identity's rows, from the current groups.
    pub(in crate::app) fn drill_rows(&mut self) {
        self.identity_rows = match self.screen {
            Screen::Identity(i) => self.rows_of_group(i),
            _ => Vec::new(),
        };
        let members = match self.screen {
            Screen::Identity(i) => self.identities.groups.get(i).map(|g| g.members.clone()),
            _ => None,
        };
        let members = members.unwrap_or_default();
        self.identities.summary = Summary::of(&self.index, &self.identity_rows, &members);
    }

    fn rows_of_group(&self, group: usize) -> Vec<u32> {
        let Some(group) = self.identities.groups.get(group) else {
            return Vec::new();
        };
        let mut member = vec![false; self.index.strings(Column::Identity).len()];
        for &m in &group.members {
            member[m as usize] = true;
        }
        self.rows
            .iter()
            .copied()
            .filter(|&id| member[self.index.row(id).col(Column::Identity) as usize])
            .collect()
    }

    /// Keeps the cursor valid and asks for the selected event's original.
    pub(in crate::app) fn after_rows_changed(&mut self) -> Vec<Effect> {
        let len = self.timeline_rows().len();
        self.timeline.clamp(len, self.pages.list);
        self.select_detail()
    }

    /// The detail pane follows the cursor: a newly selected event's original is read.
    pub(in crate::app) fn select_detail(&mut self) -> Vec<Effect> {
        let row = self.selected_row();
        let job = row.and_then(|r| job_of(&self.index, r));
        match row {
            Some(row) if self.detail.select(Some(row), job) => vec![Effect::ReadOriginal {
                row,
                raw: self.index.row(row).raw,
                sources: self.index.shared_sources(),
            }],
            Some(_) => Vec::new(),
            None => {
                self.detail.select(None, None);
                Vec::new()
            }
        }
    }
}
