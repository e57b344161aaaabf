use crate::index::Interner;
use crate::model::{Column, Row};
use crate::model::{Outcome, Provider};
use crate::parse::service_of;

/// Row ids (in insertion order) for each value of the columns filters select on.
#[derive(Default)]
pub struct Postings {
    by_identity: Vec<Vec<u32>>,
    by_action: Vec<Vec<u32>>,
    by_ip: Vec<Vec<u32>>,
    by_account: Vec<Vec<u32>>,
    by_region: Vec<Vec<u32>>,
    by_service: Vec<Vec<u32>>,
    by_outcome: [Vec<u32>; 4],
    services: Interner,
    /// Service id of each action id.
    service_of_action: Vec<u32>,
}

fn push(lists: &mut Vec<Vec<u32>>, value: u32, id: u32) {
    let value = value as usize;
    if lists.len() <= value {
        lists.resize_with(value + 1, Vec::new);
    }
    lists[value].push(id);
}

impl Postings {
    pub fn add(&mut self, id: u32, row: &Row, actions: &Interner) {
        push(&mut self.by_identity, row.col(Column::Identity), id);
        push(&mut self.by_action, row.col(Column::Action), id);
        push(&mut self.by_ip, row.col(Column::Ip), id);
        push(&mut self.by_account, row.col(Column::Account), id);
        push(&mut self.by_region, row.col(Column::Region), id);
        let service = self.service_id(row.col(Column::Action), row.provider, actions);
        push(&mut self.by_service, service, id);
        self.by_outcome[row.outcome as usize].push(id);
    }

    fn service_id(&mut self, action: u32, provider: Provider, actions: &Interner) -> u32 {
        let action = action as usize;
        while self.service_of_action.len() <= action {
            let next = u32::try_from(self.service_of_action.len()).unwrap_or(u32::MAX);
            let service = service_of(provider, actions.get(next));
            let id = self.services.intern(service);
            self.service_of_action.push(id);
        }
        self.service_of_action[action]
    }

    /// Row ids having `value` in `column` (columns without postings give an empty list).
    #[must_use]
    pub fn of(&self, column: Column, value: u32) -> &[u32] {
        let lists = match column {
            Column::Identity => &self.by_identity,
            Column::Action => &self.by_action,
            Column::Ip => &self.by_ip,
            Column::Account => &self.by_account,
            Column::Region => &self.by_region,
            _ => return &[],
        };
        lists.get(value as usize).map_or(&[], Vec::as_slice)
    }

    #[must_use]
    pub fn has(column: Column) -> bool {
        matches!(
            column,
            Column::Identity | Column::Action | Column::Ip | Column::Account | Column::Region
        )
    }

    #[must_use]
    pub fn of_service(&self, service: u32) -> &[u32] {
        self.by_service
            .get(service as usize)
            .map_or(&[], Vec::as_slice)
    }

    #[must_use]
    pub fn outcome(&self, outcome: Outcome) -> &[u32] {
        &self.by_outcome[outcome as usize]
    }

    #[must_use]
    pub fn services(&self) -> &Interner {
        &self.services
    }

    /// The service id of an action id.
    #[must_use]
    pub fn service_of_action(&self, action: u32) -> u32 {
        self.service_of_action
            .get(action as usize)
            .copied()
            .unwrap_or(0)
    }

    /// Number of events of an action: the distinct-action list with counts.
    #[must_use]
    pub fn action_count(&self, action: u32) -> usize {
        self.by_action.get(action as usize).map_or(0, Vec::len)
    }

    /// Approximate heap bytes of every list.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        let lists = [
            &self.by_identity,
            &self.by_action,
            &self.by_ip,
            &self.by_account,
            &self.by_region,
            &self.by_service,
        ];
        let nested: usize = lists
            .iter()
            .flat_map(|l| l.iter())
            .map(|v| v.capacity() * 4 + 24)
            .sum();
        let flat: usize = self.by_outcome.iter().map(|v| v.capacity() * 4).sum();
        nested + flat
    }

    pub fn shrink_to_fit(&mut self) {
        let all = [
            &mut self.by_identity,
            &mut self.by_action,
            &mut self.by_ip,
            &mut self.by_account,
            &mut self.by_region,
            &mut self.by_service,
        ];
        for lists in all {
            lists.iter_mut().for_each(Vec::shrink_to_fit);
        }
        self.by_outcome.iter_mut().for_each(Vec::shrink_to_fit);
    }
}
