//! `qtrail chains`: one entry per session, with the chain of identities it acts for.

use std::collections::BTreeSet;
use std::io::Write;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::index::Index;
use crate::model::Column;
use crate::parse::time::format_utc_millis;
use crate::sanitize::display;

/// One session, as `qtrail chains --json` prints it.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct ChainJson {
    /// The session's ARN (an IBM service ID's IAM id).
    pub session: String,
    pub access_key: Option<String>,
    /// The identities from the origin to the session, origin first.
    pub chain: Vec<String>,
    /// When it was started (or, its start not loaded, first used).
    pub started: Option<String>,
    pub events: u64,
    pub source_ips: Vec<String>,
    pub source_identity: Option<String>,
}

/// The calls made with one key, or by one identity.
#[derive(Default)]
struct Calls {
    events: u64,
    first: Option<(i64, u32)>,
    ips: BTreeSet<u32>,
}

impl Calls {
    fn add(&mut self, time_ms: i64, identity: u32, ip: u32) {
        self.events += 1;
        if self.first.is_none_or(|(t, _)| time_ms < t) {
            self.first = Some((time_ms, identity));
        }
        if ip != 0 {
            self.ips.insert(ip);
        }
    }
}

/// Temporary AWS credentials start so: a key of calls whose session start is not loaded.
const TEMPORARY_KEY: &str = "ASIA";

/// Every session: those started in the trail, and those only used in it.
#[must_use]
pub fn chains(index: &Index) -> Vec<ChainJson> {
    let (by_key, by_identity) = calls(index);
    let keys = index.strings(Column::AccessKey);
    let sessions = index.sessions();
    let mut out = Vec::new();
    let mut listed = BTreeSet::new();
    for issue in sessions.all() {
        let used = if issue.key == 0 {
            by_identity.get(&issue.subject)
        } else {
            listed.insert(issue.key);
            by_key.get(&issue.key)
        };
        out.push(entry(
            index,
            issue.subject,
            issue.key,
            Some(issue.time_ms),
            used,
            issue.source_identity.as_deref(),
        ));
    }
    for (&key, used) in &by_key {
        if !listed.contains(&key) && keys.get(key).starts_with(TEMPORARY_KEY) {
            let identity = used.first.map_or(0, |(_, who)| who);
            out.push(entry(index, identity, key, None, Some(used), None));
        }
    }
    out.sort_by(|a, b| {
        (&a.started, &a.session, &a.access_key).cmp(&(&b.started, &b.session, &b.access_key))
    });
    out
}

fn calls(index: &Index) -> (FxHashMap<u32, Calls>, FxHashMap<u32, Calls>) {
    let subjects: BTreeSet<u32> = index
        .sessions()
        .all()
        .filter(|i| i.key == 0)
        .map(|i| i.subject)
        .collect();
    let mut by_key: FxHashMap<u32, Calls> = FxHashMap::default();
    let mut by_identity: FxHashMap<u32, Calls> = FxHashMap::default();
    for row in index.rows() {
        let (identity, ip) = (row.col(Column::Identity), row.col(Column::Ip));
        let key = row.col(Column::AccessKey);
        if key != 0 {
            by_key
                .entry(key)
                .or_default()
                .add(row.time_ms, identity, ip);
        }
        if subjects.contains(&identity) {
            by_identity
                .entry(identity)
                .or_default()
                .add(row.time_ms, identity, ip);
        }
    }
    (by_key, by_identity)
}

fn entry(
    index: &Index,
    subject: u32,
    key: u32,
    started: Option<i64>,
    used: Option<&Calls>,
    source_identity: Option<&str>,
) -> ChainJson {
    let text = |column, id| index.strings(column).get(id).to_owned();
    let chain = index.sessions().chain(subject, key);
    let started = started.or_else(|| used.and_then(|u| u.first.map(|(t, _)| t)));
    ChainJson {
        session: text(Column::Identity, subject),
        access_key: (key != 0).then(|| text(Column::AccessKey, key)),
        chain: chain
            .into_iter()
            .map(|id| text(Column::Identity, id))
            .collect(),
        started: started.map(format_utc_millis),
        events: used.map_or(0, |u| u.events),
        source_ips: used.map_or_else(Vec::new, |u| {
            let mut ips: Vec<String> = u.ips.iter().map(|&ip| text(Column::Ip, ip)).collect();
            ips.sort();
            ips
        }),
        source_identity: source_identity.map(str::to_owned),
    }
}

/// The sessions for a terminal: one line each, the chain joined by `→`.
pub fn write_chains_text(chains: &[ChainJson], out: &mut impl Write) -> std::io::Result<()> {
    for c in chains {
        writeln!(
            out,
            "{}  {}  {} events  {}  {}",
            c.started.as_deref().unwrap_or("?"),
            display(c.access_key.as_deref().unwrap_or("-")),
            c.events,
            display(&c.chain.join(" → ")),
            display(&c.source_ips.join(",")),
        )?;
    }
    Ok(())
}
