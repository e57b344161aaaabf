//! The identities pane: every identity (assumed-role sessions grouped under their role)
//! with its type, counts and time span, over the events the filter shows.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::list::ListState;
use crate::index::{Column, Index};
use crate::model::Outcome;
use crate::names::short_identity;

/// One line of the identities pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityGroup {
    /// The identity, or for assumed-role sessions their role (`assumed-role/Role`).
    pub name: String,
    pub kind: String,
    /// Interned identity ids in the group (several sessions for a role).
    pub members: Vec<u32>,
    pub events: usize,
    pub failures: usize,
    pub first_ms: i64,
    pub last_ms: i64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Events,
    Failures,
    LastSeen,
    Name,
}

impl SortKey {
    #[must_use]
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Events => SortKey::Failures,
            SortKey::Failures => SortKey::LastSeen,
            SortKey::LastSeen => SortKey::Name,
            SortKey::Name => SortKey::Events,
        }
    }

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Events => "events",
            SortKey::Failures => "failures",
            SortKey::LastSeen => "last seen",
            SortKey::Name => "name",
        }
    }
}

#[derive(Debug, Default)]
pub struct IdentitiesState {
    pub groups: Vec<IdentityGroup>,
    /// The groups no longer match the rows (they are recomputed when shown).
    pub stale: bool,
    pub sort: SortKey,
    pub list: ListState,
}

/// The group an identity belongs to: sessions of one assumed role share their role.
#[must_use]
pub fn group_name(identity: &str) -> String {
    match crate::names::assumed_role(identity) {
        Some(role) => format!("assumed-role/{role}"),
        None => short_identity(identity).to_owned(),
    }
}

/// Per identity id: events, failures, first and last time.
#[derive(Clone, Copy)]
struct Tally {
    events: usize,
    failures: usize,
    first_ms: i64,
    last_ms: i64,
}

const EMPTY: Tally = Tally {
    events: 0,
    failures: 0,
    first_ms: i64::MAX,
    last_ms: i64::MIN,
};

fn tally(index: &Index, rows: &[u32], identities: usize) -> Vec<Tally> {
    let count = |chunk: &[u32]| {
        let mut tallies = vec![EMPTY; identities];
        for &id in chunk {
            let row = index.row(id);
            let t = &mut tallies[row.col(Column::Identity) as usize];
            t.events += 1;
            t.failures += usize::from(row.outcome == Outcome::Failure);
            t.first_ms = t.first_ms.min(row.time_ms);
            t.last_ms = t.last_ms.max(row.time_ms);
        }
        tallies
    };
    rows.par_chunks(64 * 1024).map(count).reduce(
        || vec![EMPTY; identities],
        |mut a, b| {
            for (x, y) in a.iter_mut().zip(b) {
                *x = Tally {
                    events: x.events + y.events,
                    failures: x.failures + y.failures,
                    first_ms: x.first_ms.min(y.first_ms),
                    last_ms: x.last_ms.max(y.last_ms),
                };
            }
            a
        },
    )
}

/// Groups `rows` by identity: one pass per core with plain per-identity counters, then
/// the few distinct identities are merged into their groups.
#[must_use]
pub fn compute_groups(index: &Index, rows: &[u32], sort: SortKey) -> Vec<IdentityGroup> {
    let identities = index.strings(Column::Identity);
    let tallies = tally(index, rows, identities.len());
    let mut by_name: FxHashMap<String, usize> = FxHashMap::default();
    let mut groups: Vec<IdentityGroup> = Vec::new();
    for (id, t) in (0u32..).zip(&tallies).filter(|(_, t)| t.events > 0) {
        let name = group_name(identities.get(id));
        let at = *by_name.entry(name.clone()).or_insert_with(|| {
            let kind = index
                .strings(Column::IdentityType)
                .get(first_type(index, id))
                .to_owned();
            groups.push(IdentityGroup {
                name,
                kind,
                members: Vec::new(),
                events: 0,
                failures: 0,
                first_ms: i64::MAX,
                last_ms: i64::MIN,
            });
            groups.len() - 1
        });
        let g = &mut groups[at];
        g.members.push(id);
        g.events += t.events;
        g.failures += t.failures;
        g.first_ms = g.first_ms.min(t.first_ms);
        g.last_ms = g.last_ms.max(t.last_ms);
    }
    sort_groups(&mut groups, sort);
    groups
}

/// The identity type of an identity, from its first event.
fn first_type(index: &Index, identity: u32) -> u32 {
    index
        .postings()
        .of(Column::Identity, identity)
        .first()
        .map_or(0, |&row| index.row(row).col(Column::IdentityType))
}

pub fn sort_groups(groups: &mut [IdentityGroup], sort: SortKey) {
    match sort {
        SortKey::Events => {
            groups.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
        }
        SortKey::Failures => groups.sort_by(|a, b| {
            b.failures
                .cmp(&a.failures)
                .then_with(|| b.events.cmp(&a.events))
        }),
        SortKey::LastSeen => {
            groups.sort_by(|a, b| b.last_ms.cmp(&a.last_ms).then_with(|| a.name.cmp(&b.name)));
        }
        SortKey::Name => groups.sort_by(|a, b| a.name.cmp(&b.name)),
    }
}

/// What the drill-down shows besides the timeline: counts of each value of `column`
/// among `rows`, most frequent first.
#[must_use]
pub fn breakdown(
    index: &Index,
    rows: &[u32],
    column: Column,
    limit: usize,
) -> Vec<(String, usize)> {
    let counts = crate::index::group_counts(index, rows, column);
    let mut pairs: Vec<(String, usize)> = counts
        .iter()
        .enumerate()
        .filter(|(id, n)| **n > 0 && *id > 0)
        .map(|(id, n)| {
            (
                index
                    .strings(column)
                    .get(u32::try_from(id).unwrap_or(0))
                    .to_owned(),
                *n as usize,
            )
        })
        .collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    pairs.truncate(limit);
    pairs
}

#[cfg(test)]
mod tests {
    use super::group_name;

    #[test]
    fn sessions_group_under_their_role() {
        assert_eq!(
            group_name("arn:aws:sts::1:assumed-role/QuantumResearch/ana@uni.example"),
            "assumed-role/QuantumResearch"
        );
        assert_eq!(group_name("arn:aws:iam::1:user/ana"), "user/ana");
        assert_eq!(group_name("IBMid-6900055ABC"), "IBMid-6900055ABC");
    }
}
