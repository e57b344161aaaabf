//! The quantum workloads of the trail, each with its lifecycle: who created it and when,
//! on which device, who read it, who cancelled or deleted it. Kept up to date as events
//! arrive, whatever their order: the earliest creation counts, the latest end.

use rustc_hash::FxHashMap;

use crate::model::{Outcome, Provider, Row};
use crate::parse::JobKind;

/// What a call does to its job, from its action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Create,
    Read,
    Update,
    Cancel,
    Delete,
    Other,
}

impl Verb {
    /// The verb of an action name of either provider.
    #[must_use]
    pub fn of(provider: Provider, action: &str) -> Verb {
        let name = match provider {
            Provider::CloudTrail => action.rsplit(':').next().unwrap_or(action),
            Provider::Cadf => action.rsplit('.').next().unwrap_or(action),
        };
        let name = name.to_ascii_lowercase();
        if name.starts_with("create") {
            Verb::Create
        } else if name.starts_with("cancel") {
            Verb::Cancel
        } else if name.starts_with("delete") {
            Verb::Delete
        } else if name.starts_with("update") {
            Verb::Update
        } else if name.starts_with("get") || name == "read" {
            Verb::Read
        } else {
            Verb::Other
        }
    }
}

/// How a job ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Cancelled,
    Deleted,
}

impl Ending {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Ending::Cancelled => "cancelled",
            Ending::Deleted => "deleted",
        }
    }
}

/// One job: ids are interned identities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    pub provider: Provider,
    pub kind: Option<JobKind>,
    /// The earliest successful creation: when, and by whom.
    pub created: Option<(i64, u32)>,
    /// The latest successful cancel or delete: how, when, by whom.
    pub ended: Option<(Ending, i64, u32)>,
    pub device: Option<Box<str>>,
    pub shots: Option<u64>,
    pub events: u64,
    /// Everyone who touched it, and those who read it (successfully), in the order first
    /// seen.
    pub actors: Vec<u32>,
    pub readers: Vec<u32>,
}

#[derive(Default)]
pub struct Jobs {
    by_id: FxHashMap<u32, Job>,
    /// The verb of each action id, and the kind of job it acts on, once looked at.
    verbs: Vec<Option<(Verb, Option<JobKind>)>>,
}

/// The kind of job an action acts on, when its name says.
fn kind_of(action: &str) -> Option<JobKind> {
    if action.starts_with("quantum-computing.job.") {
        Some(JobKind::Job)
    } else if action.starts_with("quantum-computing.program.") {
        Some(JobKind::Program)
    } else if action.ends_with("QuantumTask") || action.ends_with("QuantumTasks") {
        Some(JobKind::QuantumTask)
    } else if action.starts_with("braket:") && (action.ends_with("Job") || action.ends_with("Jobs"))
    {
        Some(JobKind::HybridJob)
    } else {
        None
    }
}

impl Jobs {
    /// The verb of action `action` (an interned id), named `name`, and the kind of job
    /// it acts on when its name says.
    pub fn verb_of(
        &mut self,
        action: u32,
        provider: Provider,
        name: &str,
    ) -> (Verb, Option<JobKind>) {
        let at = action as usize;
        if self.verbs.len() <= at {
            self.verbs.resize(at + 1, None);
        }
        *self.verbs[at].get_or_insert_with(|| (Verb::of(provider, name), kind_of(name)))
    }

    /// Takes in a row that touches a job (`job` its id), doing `verb`.
    pub fn touch(
        &mut self,
        job: u32,
        row: &Row,
        identity: u32,
        (verb, kind): (Verb, Option<JobKind>),
    ) {
        let entry = self.by_id.entry(job).or_insert_with(|| Job {
            provider: row.provider,
            kind: None,
            created: None,
            ended: None,
            device: None,
            shots: None,
            events: 0,
            actors: Vec::new(),
            readers: Vec::new(),
        });
        entry.events += 1;
        entry.kind = entry.kind.or(kind);
        push_once(&mut entry.actors, identity);
        if row.outcome != Outcome::Success {
            return;
        }
        match verb {
            Verb::Create if entry.created.is_none_or(|(t, _)| row.time_ms < t) => {
                entry.created = Some((row.time_ms, identity));
            }
            Verb::Read => push_once(&mut entry.readers, identity),
            Verb::Cancel | Verb::Delete => {
                let how = if verb == Verb::Cancel {
                    Ending::Cancelled
                } else {
                    Ending::Deleted
                };
                if entry.ended.is_none_or(|(_, t, _)| row.time_ms >= t) {
                    entry.ended = Some((how, row.time_ms, identity));
                }
            }
            _ => {}
        }
    }

    /// What a creation says of its job: its kind, device and shots.
    pub fn describe(
        &mut self,
        job: u32,
        kind: JobKind,
        device: Option<Box<str>>,
        shots: Option<u64>,
    ) {
        if let Some(entry) = self.by_id.get_mut(&job) {
            entry.kind = Some(kind);
            entry.device = entry.device.take().or(device);
            entry.shots = entry.shots.or(shots);
        }
    }

    #[must_use]
    pub fn get(&self, job: u32) -> Option<&Job> {
        self.by_id.get(&job)
    }

    /// Every job with its id.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &Job)> {
        self.by_id.iter().map(|(id, job)| (*id, job))
    }

    /// After an eviction: the counts start again from the rows kept; what the jobs'
    /// creations and ends said stays.
    pub fn forget_counts(&mut self) {
        for job in self.by_id.values_mut() {
            job.events = 0;
            job.actors.clear();
            job.readers.clear();
        }
    }
}

fn push_once(list: &mut Vec<u32>, id: u32) {
    if !list.contains(&id) {
        list.push(id);
    }
}

#[cfg(test)]
mod tests {
    use super::Verb;
    use crate::model::Provider;

    #[test]
    fn verbs_of_both_providers() {
        let ct = |a| Verb::of(Provider::CloudTrail, a);
        let cadf = |a| Verb::of(Provider::Cadf, a);
        assert_eq!(ct("braket:CreateQuantumTask"), Verb::Create);
        assert_eq!(ct("braket:CancelJob"), Verb::Cancel);
        assert_eq!(ct("braket:GetQuantumTask"), Verb::Read);
        assert_eq!(ct("braket:TagResource"), Verb::Other);
        assert_eq!(cadf("quantum-computing.job.delete"), Verb::Delete);
        assert_eq!(cadf("quantum-computing.job.read"), Verb::Read);
        assert_eq!(cadf("quantum-computing.program.update"), Verb::Update);
    }
}
