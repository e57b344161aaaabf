//! The fuzzy action palette: distinct action names with their counts, ranked by
//! `fuzzy-matcher` as the user types. Matching runs over the distinct names (hundreds),
//! never over events, so it answers within a keystroke.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rustc_hash::FxHashSet;

use super::line_edit::LineEdit;
use super::list::ListState;
use crate::index::Index;
use crate::model::Column;

/// One candidate: an action, its event count, and which characters matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub action: String,
    pub count: usize,
    pub matched: Vec<usize>,
}

#[derive(Debug, Default)]
pub struct PaletteState {
    pub(in crate::app) query: LineEdit,
    pub(in crate::app) candidates: Vec<Candidate>,
    /// Actions chosen with Space.
    pub(in crate::app) chosen: FxHashSet<String>,
    pub(in crate::app) list: ListState,
}

impl PaletteState {
    #[must_use]
    pub fn query(&self) -> &str {
        self.query.text()
    }

    #[must_use]
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    #[must_use]
    pub fn is_chosen(&self, action: &str) -> bool {
        self.chosen.contains(action)
    }

    /// The cursor and first line shown.
    #[must_use]
    pub fn list(&self) -> ListState {
        self.list
    }

    /// Ranks every distinct action against the query (all of them, by count, when empty).
    pub(in crate::app) fn rank(&mut self, index: &Index) {
        let matcher = SkimMatcherV2::default().ignore_case();
        let actions = index.strings(Column::Action);
        let mut ranked: Vec<(i64, Candidate)> = actions
            .iter()
            .skip(1)
            .filter_map(|(id, action)| {
                let count = index.postings().action_count(id);
                if count == 0 {
                    return None;
                }
                let query = self.query.text();
                let (score, positions) = if query.is_empty() {
                    (0, Vec::new())
                } else {
                    matcher.fuzzy_indices(action, query)?
                };
                Some((
                    score,
                    Candidate {
                        action: action.to_owned(),
                        count,
                        matched: positions,
                    },
                ))
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| b.1.count.cmp(&a.1.count))
                .then_with(|| a.1.action.cmp(&b.1.action))
        });
        self.candidates = ranked.into_iter().map(|(_, c)| c).collect();
        self.list = ListState::default();
    }

    /// The actions Enter applies: the chosen ones, or the one under the cursor.
    #[must_use]
    pub fn selection(&self) -> Vec<String> {
        if self.chosen.is_empty() {
            return self
                .candidates
                .get(self.list.selected)
                .map(|c| vec![c.action.clone()])
                .unwrap_or_default();
        }
        let mut chosen: Vec<String> = self.chosen.iter().cloned().collect();
        chosen.sort();
        chosen
    }

    pub(in crate::app) fn toggle_current(&mut self) {
        if let Some(c) = self.candidates.get(self.list.selected)
            && !self.chosen.remove(&c.action)
        {
            self.chosen.insert(c.action.clone());
        }
    }
}
