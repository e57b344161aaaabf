//! `CloudTrail` records of the demo: who calls, from where, and the payload of each call.

mod record;

use std::io;
use std::ptr;

use fastrand::Rng;

use super::super::actions::ACTIONS;
use super::super::braket::Fleet;
use super::super::catalog::{Action, Catalog, SERVICES};
use super::super::cloudtrail::record as cloudtrail;
use super::super::errors::Failure;
use super::super::json::Val;
use super::super::shapes::{Call, Payload};
use super::super::world::Client;
use super::Demo;

/// Who made a call, in which region, from which address and with which client.
#[derive(Clone, Copy)]
pub struct Caller {
    pub who: usize,
    pub region: usize,
    pub ip: Addr,
    pub ua: Ua,
}

impl Caller {
    /// Global services log every call in us-east-1.
    fn region_for(self, action: &Action) -> usize {
        if SERVICES[action.service].global {
            0
        } else {
            self.region
        }
    }
}

#[derive(Clone, Copy)]
pub enum Addr {
    /// One of the identity's own addresses.
    Own(usize),
    At(&'static str),
}

#[derive(Clone, Copy)]
pub enum Ua {
    /// The identity's own client of this kind.
    Own(Client),
    Is(&'static str),
}

/// What a payload builder may draw on besides the call.
pub struct Kit<'d> {
    pub rng: &'d mut Rng,
    pub fleet: &'d mut Fleet,
}

/// Receives the finished payload and writes the record around it.
pub type Sink<'s> = dyn FnMut(&Payload) -> io::Result<()> + 's;

/// The row of the generator's action table for `name` of `service`.
pub fn action(service: usize, name: &str) -> &'static Action {
    ACTIONS
        .iter()
        .find(|a| a.service == service && a.name == name)
        .unwrap_or_else(|| panic!("{name} is not in the action table"))
}

/// A payload builder for calls whose request fields are fixed by the script.
pub fn fixed<'v>(
    req: Val<'v>,
    resp: Val<'v>,
) -> impl FnOnce(&mut Kit, &Call, &mut Sink) -> io::Result<()> + 'v {
    move |_, _, sink| {
        sink(&Payload {
            resp,
            ..Payload::request(req)
        })
    }
}

impl Demo {
    /// Writes one `CloudTrail` record whose payload `build` makes.
    pub fn aws(
        &mut self,
        time: i64,
        caller: Caller,
        action: &'static Action,
        failure: Option<Failure>,
        build: impl FnOnce(&mut Kit, &Call, &mut Sink) -> io::Result<()>,
    ) -> io::Result<()> {
        let issued = self.issued(caller.who, time);
        let Demo {
            rng,
            world,
            fleet,
            catalog,
            ..
        } = self;
        let region = caller.region_for(action);
        let call = Call {
            action,
            identity: &world.identities[caller.who],
            identity_index: caller.who,
            account: &world.accounts[0],
            world,
            region,
            time,
            failed: failure.is_some(),
        };
        let suffix = cli_suffix(catalog, action);
        let scalars = record::scalars(rng, &call, (caller, issued, failure), suffix);
        let host = catalog.host(action.service, region);
        let mut bytes = Vec::with_capacity(2048);
        let mut sink = |p: &Payload| {
            let identity = record::user_identity(&call, &scalars);
            cloudtrail::write(&mut bytes, &call, identity, &scalars, p, host)
        };
        build(&mut Kit { rng, fleet }, &call, &mut sink)?;
        self.push(time, bytes);
        Ok(())
    }
}

/// The AWS CLI names the command it runs in its user agent.
fn cli_suffix<'c>(catalog: &'c Catalog, action: &Action) -> &'c str {
    ACTIONS
        .iter()
        .position(|a| ptr::eq(a, action))
        .map_or("", |i| catalog.cli_suffix(i))
}
