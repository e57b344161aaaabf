//! The identities pane: every identity (assumed-role sessions grouped under their role)
//! with its type, counts and time span, over the events the filter shows.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::list::ListState;
use crate::index::Index;
use crate::model::Column;
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
    /// Distinct actions and source IPs, once counted (only groups that were on screen).
    pub distinct: Option<(usize, usize)>,
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
    pub(in crate::app) groups: Vec<IdentityGroup>,
    /// The groups no longer match the rows (they are recomputed when shown).
    pub(in crate::app) stale: bool,
    pub(in crate::app) sort: SortKey,
    pub(in crate::app) list: ListState,
    /// The drilled-in identity's most frequent values, kept with its rows.
    pub(in crate::app) summary: Summary,
}

impl IdentitiesState {
    #[must_use]
    pub fn groups(&self) -> &[IdentityGroup] {
        &self.groups
    }

    #[must_use]
    pub fn sort(&self) -> SortKey {
        self.sort
    }

    /// The cursor and first line shown.
    #[must_use]
    pub fn list(&self) -> ListState {
        self.list
    }

    #[must_use]
    pub fn summary(&self) -> &Summary {
        &self.summary
    }
}

/// The drill-down's columns: each value with its count, most frequent first; and who
/// started the identity's sessions, and which sessions it started.
#[derive(Debug, Default)]
pub struct Summary {
    pub actions: Vec<(String, usize)>,
    pub ips: Vec<(String, usize)>,
    pub agents: Vec<(String, usize)>,
    /// The identities whose calls started the group's sessions.
    pub started_by: Vec<String>,
    /// The sessions the group's identities started.
    pub sessions_started: Vec<String>,
}

/// More values than any pane shows.
const SUMMARY_VALUES: usize = 64;

impl Summary {
    #[must_use]
    pub fn of(index: &Index, rows: &[u32], members: &[u32]) -> Summary {
        if rows.is_empty() {
            return Summary::default();
        }
        let name = |id: u32| index.strings(Column::Identity).get(id).to_owned();
        let mut started_by = Vec::new();
        let mut sessions_started = Vec::new();
        for issue in index.sessions().all() {
            let (from, to) = (issue.issuer, issue.subject);
            if members.contains(&to) && !members.contains(&from) {
                started_by.push(name(from));
            }
            if members.contains(&from) && !members.contains(&to) {
                sessions_started.push(name(to));
            }
        }
        for list in [&mut started_by, &mut sessions_started] {
            list.sort();
            list.dedup();
        }
        Summary {
            actions: breakdown(index, rows, Column::Action, SUMMARY_VALUES),
            ips: breakdown(index, rows, Column::Ip, SUMMARY_VALUES),
            agents: breakdown(index, rows, Column::UserAgent, SUMMARY_VALUES),
            started_by,
            sessions_started,
        }
    }
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

/// Which actions and source IPs each identity used: one bit row per identity, action ids
/// then IP ids. Only built while it stays small; otherwise groups on screen are counted
/// from the postings.
#[derive(Clone)]
struct Seen {
    actions: usize,
    width: usize,
    bits: Vec<u64>,
}

/// The most bits the per-identity table may take (4 MB per worker).
const MAX_SEEN_BITS: usize = 32 << 20;

impl Seen {
    fn new(index: &Index, identities: usize) -> Option<Seen> {
        let actions = index.strings(Column::Action).len();
        let width = (actions + index.strings(Column::Ip).len()).div_ceil(64);
        (identities * width * 64 <= MAX_SEEN_BITS).then(|| Seen {
            actions,
            width,
            bits: vec![0; identities * width],
        })
    }

    fn mark(&mut self, identity: u32, bit: usize) {
        self.bits[identity as usize * self.width + bit / 64] |= 1 << (bit % 64);
    }

    fn merge(&mut self, other: &Seen) {
        self.bits
            .iter_mut()
            .zip(&other.bits)
            .for_each(|(a, b)| *a |= b);
    }

    /// Distinct actions and IPs of the members together.
    fn count(&self, members: &[u32]) -> (usize, usize) {
        let mut union = vec![0u64; self.width];
        for &m in members {
            let row = &self.bits[m as usize * self.width..][..self.width];
            union.iter_mut().zip(row).for_each(|(a, b)| *a |= b);
        }
        let ones = |from: usize, to: usize| {
            (from..to)
                .filter(|b| union[b / 64] & (1 << (b % 64)) != 0)
                .count()
        };
        // Id 0 of each column is "absent".
        (
            ones(1, self.actions),
            ones(self.actions + 1, self.width * 64),
        )
    }
}

fn tally(index: &Index, rows: &[u32], identities: usize) -> (Vec<Tally>, Option<Seen>) {
    let seen = Seen::new(index, identities);
    let count = |chunk: &[u32]| {
        let mut tallies = vec![EMPTY; identities];
        let mut seen = seen.clone();
        for &id in chunk {
            let row = index.row(id);
            let identity = row.col(Column::Identity);
            let t = &mut tallies[identity as usize];
            t.events += 1;
            t.failures += usize::from(row.outcome == Outcome::Failure);
            t.first_ms = t.first_ms.min(row.time_ms);
            t.last_ms = t.last_ms.max(row.time_ms);
            if let Some(seen) = seen.as_mut() {
                seen.mark(identity, row.col(Column::Action) as usize);
                let ip = seen.actions + row.col(Column::Ip) as usize;
                seen.mark(identity, ip);
            }
        }
        (tallies, seen)
    };
    rows.par_chunks(64 * 1024).map(count).reduce(
        || (vec![EMPTY; identities], seen.clone()),
        |(mut a, mut sa), (b, sb)| {
            for (x, y) in a.iter_mut().zip(b) {
                *x = Tally {
                    events: x.events + y.events,
                    failures: x.failures + y.failures,
                    first_ms: x.first_ms.min(y.first_ms),
                    last_ms: x.last_ms.max(y.last_ms),
                };
            }
            if let (Some(sa), Some(sb)) = (sa.as_mut(), sb.as_ref()) {
                sa.merge(sb);
            }
            (a, sa)
        },
    )
}

/// Groups `rows` by identity: one pass per core with plain per-identity counters, then
/// the few distinct identities are merged into their groups.
#[must_use]
pub fn compute_groups(index: &Index, rows: &[u32], sort: SortKey) -> Vec<IdentityGroup> {
    let identities = index.strings(Column::Identity);
    let (tallies, seen) = tally(index, rows, identities.len());
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
                distinct: None,
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
    if let Some(seen) = seen {
        for g in &mut groups {
            g.distinct = Some(seen.count(&g.members));
        }
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

/// Distinct actions and source IPs of a group among `listed` rows (all rows when `None`),
/// walking the group's postings: the work is the group's size, not the index's.
#[must_use]
pub fn distinct_counts(index: &Index, members: &[u32], listed: Option<&[bool]>) -> (usize, usize) {
    let mut actions = vec![false; index.strings(Column::Action).len()];
    let mut ips = vec![false; index.strings(Column::Ip).len()];
    for &member in members {
        for &id in index.postings().of(Column::Identity, member) {
            if listed.is_some_and(|l| !l[id as usize]) {
                continue;
            }
            let row = index.row(id);
            actions[row.col(Column::Action) as usize] = true;
            ips[row.col(Column::Ip) as usize] = true;
        }
    }
    let count = |seen: &[bool]| seen.iter().skip(1).filter(|s| **s).count();
    (count(&actions), count(&ips))
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
