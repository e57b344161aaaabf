//! The job of the selected event, from the index's lifecycle of it, for the detail pane.

use super::detail::JobSummary;
use crate::index::Index;
use crate::model::Column;

/// What the detail pane tells of the job `row` touches, if any.
#[must_use]
pub fn job_of(index: &Index, row: u32) -> Option<JobSummary> {
    let job = index.row(row).col(Column::Job);
    let facts = index.jobs().get(job)?;
    let name = |id: u32| index.strings(Column::Identity).get(id).to_owned();
    Some(JobSummary {
        id: index.strings(Column::Job).get(job).to_owned(),
        kind: facts.kind.map(crate::parse::JobKind::name),
        created: facts.created.map(|(t, who)| (t, name(who))),
        device: facts.device.as_deref().map(str::to_owned),
        shots: facts.shots,
        readers: facts.readers.iter().map(|&who| name(who)).collect(),
        ended: facts.ended.map(|(how, t, who)| (how.name(), t, name(who))),
    })
}
