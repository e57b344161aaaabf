//! Who acts through whom. Every session a call started (an STS call's temporary
//! credentials, an IBM service ID created) is filed under what its later calls carry: the
//! access key, or for a service ID its identity. A chain walks from a call's session to
//! the call that started it, that call's own session, and so on back to the origin: a
//! user, a federated sign-in, or a session whose start is not in the trail. Built as
//! events arrive, in any order: a session's calls may come before its start.

use rustc_hash::FxHashMap;

/// Chains are cut this long (hostile data can chain sessions without end).
const MAX_CHAIN: usize = 32;

/// How a session started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Who acts through the session: the session's ARN, the service ID (identity ids).
    pub subject: u32,
    /// The session's access key (access-key id; 0 for a service ID).
    pub key: u32,
    /// The identity of the call that started it, and the key that call was signed with.
    pub issuer: u32,
    pub issuer_key: u32,
    pub time_ms: i64,
    pub source_identity: Option<Box<str>>,
}

#[derive(Default)]
pub struct Sessions {
    by_key: FxHashMap<u32, Issue>,
    by_subject: FxHashMap<u32, Issue>,
}

impl Sessions {
    /// Files a session's start; of two starts of one key, the earlier counts.
    pub fn record(&mut self, issue: Issue) {
        let table = if issue.key == 0 {
            &mut self.by_subject
        } else {
            &mut self.by_key
        };
        let slot = if issue.key == 0 {
            issue.subject
        } else {
            issue.key
        };
        match table.get(&slot) {
            Some(known) if known.time_ms <= issue.time_ms => {}
            _ => {
                table.insert(slot, issue);
            }
        }
    }

    /// How the session of a call made by `identity` with `key` started, if known.
    #[must_use]
    pub fn issue(&self, identity: u32, key: u32) -> Option<&Issue> {
        (key != 0)
            .then(|| self.by_key.get(&key))
            .flatten()
            .or_else(|| self.by_subject.get(&identity))
    }

    /// The identities from the origin to `identity`, origin first: who started the session
    /// a call made with `key` came from, who started theirs, and so on.
    #[must_use]
    pub fn chain(&self, identity: u32, key: u32) -> Vec<u32> {
        let mut chain = vec![identity];
        let mut seen = vec![(identity, key)];
        let (mut at, mut with) = (identity, key);
        while chain.len() < MAX_CHAIN {
            let Some(issue) = self.issue(at, with) else {
                break;
            };
            // A session started, however far back, by itself: the loop is not followed.
            if seen.contains(&(issue.issuer, issue.issuer_key)) {
                break;
            }
            (at, with) = (issue.issuer, issue.issuer_key);
            seen.push((at, with));
            if chain.last() != Some(&at) {
                chain.push(at);
            }
        }
        chain.reverse();
        chain
    }

    /// Every session start known, keyed or not.
    pub fn all(&self) -> impl Iterator<Item = &Issue> {
        self.by_key.values().chain(self.by_subject.values())
    }

    /// Sessions the identity started itself, directly.
    pub fn started_by(&self, identity: u32) -> impl Iterator<Item = &Issue> {
        self.all()
            .filter(move |i| i.issuer == identity && i.subject != identity)
    }
}

#[cfg(test)]
mod tests {
    use super::{Issue, Sessions};

    fn issue(subject: u32, key: u32, issuer: u32, issuer_key: u32) -> Issue {
        Issue {
            subject,
            key,
            issuer,
            issuer_key,
            time_ms: 0,
            source_identity: None,
        }
    }

    #[test]
    fn chains_walk_back_to_the_origin_and_stop_at_loops() {
        let mut sessions = Sessions::default();
        // User 1 (key 10, long-term) starts session 2 (key 20), which starts session 3 (key 30).
        sessions.record(issue(2, 20, 1, 10));
        sessions.record(issue(3, 30, 2, 20));
        assert_eq!(sessions.chain(3, 30), [1, 2, 3]);
        assert_eq!(sessions.chain(2, 20), [1, 2]);
        assert_eq!(sessions.chain(1, 10), [1], "an origin is its own chain");
        assert_eq!(
            sessions.chain(9, 90),
            [9],
            "a session whose start is not loaded"
        );
        // A service ID created by identity 5: its calls carry no key.
        sessions.record(issue(6, 0, 5, 0));
        assert_eq!(sessions.chain(6, 0), [5, 6]);
        // Keys that start each other.
        sessions.record(issue(7, 70, 8, 80));
        sessions.record(issue(8, 80, 7, 70));
        assert_eq!(sessions.chain(7, 70), [8, 7], "the loop is not followed");
    }
}
