//! The terms about who acted: `identity:` on the names people see as well as the full
//! ones, and `actor:`, which follows the sessions an identity started.

use super::Bits;
use super::glob::Pattern;
use crate::index::Index;
use crate::model::Column;
use crate::names::{compact_identity, short_identity};

/// An identity as a pattern may name it: in full, short (`user/ana`) or as the timeline
/// shows it (`QuantumResearch/eve@uni.example`).
#[must_use]
pub fn identity_matches(pattern: &Pattern, identity: &str) -> bool {
    pattern.matches(identity)
        || pattern.matches(short_identity(identity))
        || pattern.matches(&compact_identity(identity))
}

/// The identities any of the patterns names.
#[must_use]
pub fn identities(index: &Index, any_of: &[Pattern]) -> Bits {
    let strings = index.strings(Column::Identity);
    let mut named = Bits::new(strings.len());
    for (id, text) in strings.iter().skip(1) {
        if any_of.iter().any(|p| identity_matches(p, text)) {
            named.set(id);
        }
    }
    named
}

/// `actor:`: the identities named, and every session whose chain passes through one of
/// them. A call matches when its identity is either, or its access key is such a session's.
pub fn actor(index: &Index, any_of: &[Pattern]) -> (Bits, Bits) {
    let mut identities = identities(index, any_of);
    let named = identities.clone();
    let mut keys = Bits::new(index.strings(Column::AccessKey).len());
    let sessions = index.sessions();
    for issue in sessions.all() {
        let chain = sessions.chain(issue.subject, issue.key);
        if chain.iter().any(|&who| named.has(who)) {
            if issue.key == 0 {
                identities.set(issue.subject);
            } else {
                keys.set(issue.key);
            }
        }
    }
    (identities, keys)
}
