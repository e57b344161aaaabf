//! The first event of each (identity, action), (identity, source IP) and (identity, user
//! agent) pair, in time order: what `first:action`, `first:ip` and `first:agent` list.
//! Worked out from the rows in one pass; of two events of a pair, the earlier in time
//! (then in the input) is the first.

use rustc_hash::FxHashMap;

use crate::model::{Column, OrderKey, Row};

/// Which pair a `first:` term is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Novelty {
    Action,
    Ip,
    Agent,
}

impl Novelty {
    pub const ALL: [Novelty; 3] = [Novelty::Action, Novelty::Ip, Novelty::Agent];

    fn column(self) -> Column {
        match self {
            Novelty::Action => Column::Action,
            Novelty::Ip => Column::Ip,
            Novelty::Agent => Column::UserAgent,
        }
    }
}

#[derive(Default)]
pub struct FirstSeen {
    first: [FxHashMap<(u32, u32), (OrderKey, u32)>; 3],
}

impl FirstSeen {
    /// The first sightings among `rows` (ids are their positions).
    #[must_use]
    pub fn of(rows: &[Row]) -> FirstSeen {
        let mut seen = FirstSeen::default();
        for (id, row) in (0u32..).zip(rows) {
            seen.add(id, row, (row.time_ms, row.raw.source, row.raw.offset));
        }
        seen
    }

    /// Takes in row `id` (sorting at `key`).
    fn add(&mut self, id: u32, row: &Row, key: OrderKey) {
        let identity = row.col(Column::Identity);
        for (map, novelty) in self.first.iter_mut().zip(Novelty::ALL) {
            let value = row.col(novelty.column());
            if value == 0 {
                continue;
            }
            let slot = map.entry((identity, value)).or_insert((key, id));
            if key < slot.0 {
                *slot = (key, id);
            }
        }
    }

    /// The rows that are the first of their pair.
    #[must_use]
    pub fn rows(&self, novelty: Novelty) -> Vec<u32> {
        self.first[novelty as usize]
            .values()
            .map(|(_, id)| *id)
            .collect()
    }
}
