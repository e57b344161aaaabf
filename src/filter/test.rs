//! What one term of a filter checks, once compiled against an index.

use super::Bits;
use super::glob::Pattern;
use crate::model::Column;

pub enum Test {
    Ids {
        column: Column,
        allowed: Bits,
    },
    /// Rows are checked by action (each action has one service); candidates come from
    /// the service postings.
    Service {
        actions: Bits,
        services: Vec<u32>,
    },
    Outcome([bool; 4]),
    Provider([bool; 2]),
    IdHash(Vec<u64>),
    Time {
        since: Option<i64>,
        until: Option<i64>,
    },
    /// `actor:`: the identities named or acting through their sessions, and the access
    /// keys of those sessions.
    Actor {
        identities: Bits,
        keys: Bits,
    },
    /// Rows chosen by id (`first:`), in no order.
    Rows(Bits, Vec<u32>),
    /// Needs the original record: a bare word, a wildcard id, a JSON path.
    Word(String),
    IdPattern(Vec<Pattern>),
    Path {
        path: Vec<String>,
        any_of: Vec<Pattern>,
    },
}
