//! Each term turned into a test against one index: patterns are matched against the few
//! distinct strings of a column once, never against every event.

use super::Bits;
use super::glob::Pattern;
use super::parse::{Field, TermKind};
use super::test::Test;
use crate::index::{Index, Novelty};
use crate::model::{Column, Outcome, Provider};
use crate::parse::hash;

pub fn compile(index: &Index, kind: &TermKind) -> Test {
    match kind {
        TermKind::Since(t) => Test::Time {
            since: Some(*t),
            until: None,
        },
        TermKind::Until(t) => Test::Time {
            since: None,
            until: Some(*t),
        },
        TermKind::Word(needle) => Test::Word(needle.clone()),
        TermKind::Path { path, any_of } => Test::Path {
            path: path.clone(),
            any_of: any_of.clone(),
        },
        TermKind::Field { field, any_of } => compile_field(index, *field, any_of),
    }
}

fn compile_field(index: &Index, field: Field, any_of: &[Pattern]) -> Test {
    let column = match field {
        Field::Action => Column::Action,
        Field::Ip => Column::Ip,
        Field::Region => Column::Region,
        Field::Account => Column::Account,
        Field::Error => Column::Error,
        Field::Ua => Column::UserAgent,
        Field::Type => Column::IdentityType,
        Field::Service => return service_test(index, any_of),
        Field::Outcome => {
            return Test::Outcome(Outcome::ALL.map(|o| any_of.iter().any(|p| p.matches(o.name()))));
        }
        Field::Provider => {
            return Test::Provider(
                Provider::ALL.map(|p| any_of.iter().any(|pat| pat.matches(p.name()))),
            );
        }
        Field::Id => return id_test(any_of),
        Field::Identity => {
            let allowed = super::attribution::identities(index, any_of);
            return Test::Ids {
                column: Column::Identity,
                allowed,
            };
        }
        Field::Actor => {
            let (identities, keys) = super::attribution::actor(index, any_of);
            return Test::Actor { identities, keys };
        }
        Field::Job => return job_test(index, any_of),
        Field::First => return first_test(index, any_of),
    };
    let strings = index.strings(column);
    let mut allowed = Bits::new(strings.len());
    for (id, text) in strings.iter().skip(1) {
        if any_of
            .iter()
            .any(|p| p.matches(text) || (column == Column::Action && matches_action_name(p, text)))
        {
            allowed.set(id);
        }
    }
    Test::Ids { column, allowed }
}

/// `action:CreateQuantumTask` also finds `braket:CreateQuantumTask`: the name without its
/// service prefix is what people type.
fn matches_action_name(pattern: &Pattern, action: &str) -> bool {
    action
        .split_once(':')
        .is_some_and(|(_, name)| pattern.matches(name))
}

fn service_test(index: &Index, any_of: &[Pattern]) -> Test {
    let postings = index.postings();
    let actions = index.strings(Column::Action);
    let services: Vec<u32> = postings
        .services()
        .iter()
        .skip(1)
        .filter(|(_, name)| any_of.iter().any(|p| p.matches(name)))
        .map(|(id, _)| id)
        .collect();
    let mut allowed = Bits::new(actions.len());
    for (id, _) in actions.iter().skip(1) {
        if services.contains(&postings.service_of_action(id)) {
            allowed.set(id);
        }
    }
    Test::Service {
        actions: allowed,
        services,
    }
}

fn id_test(any_of: &[Pattern]) -> Test {
    if any_of.iter().all(Pattern::is_exact) {
        Test::IdHash(
            any_of
                .iter()
                .filter_map(Pattern::exact_lowercase)
                .map(hash::id_hash)
                .collect(),
        )
    } else {
        Test::IdPattern(any_of.to_vec())
    }
}

/// `job:ID`: the task or job ARN in full, or its last part (the id after `/` or `:`).
fn job_test(index: &Index, any_of: &[Pattern]) -> Test {
    let strings = index.strings(Column::Job);
    let mut allowed = Bits::new(strings.len());
    for (id, text) in strings.iter().skip(1) {
        let last = text.rsplit(['/', ':']).next().unwrap_or(text);
        if any_of.iter().any(|p| p.matches(text) || p.matches(last)) {
            allowed.set(id);
        }
    }
    Test::Ids {
        column: Column::Job,
        allowed,
    }
}

/// `first:action`, `first:ip`, `first:agent`: the first event of each pair.
fn first_test(index: &Index, any_of: &[Pattern]) -> Test {
    let mut rows = Bits::new(index.len());
    let mut list = Vec::new();
    for novelty in Novelty::ALL {
        let name = match novelty {
            Novelty::Action => "action",
            Novelty::Ip => "ip",
            Novelty::Agent => "agent",
        };
        if any_of.iter().any(|p| p.matches(name)) {
            for id in index.first_seen().rows(novelty) {
                if !rows.has(id) {
                    rows.set(id);
                    list.push(id);
                }
            }
        }
    }
    Test::Rows(rows, list)
}
