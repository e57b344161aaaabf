//! `CloudTrail` records: who called what, from where, and how it went.

/// Shared with the demo, which logs its scripted calls in the same shape.
pub(super) mod record;

use std::borrow::Cow;
use std::io;

use fastrand::Rng;

use super::braket::{Fleet, Plan};
use super::catalog::{Catalog, SERVICES, Shape, svc, who};
use super::clock;
use super::errors::{self, Failure};
use super::ids::{self, Weighted};
use super::shapes::{self, Call, Payload};
use super::world::{Client, Who, World};
use record::{Agent, Scalars};

/// Relative share of each persona among the principals allowed to make a call, by bit position.
const PERSONA_WEIGHTS: [u64; 6] = [22, 20, 30, 26, 1, 14];
const INTERNAL: &str = "AWS Internal";

pub struct Trail {
    pub world: World,
    catalog: Catalog,
    fleet: Fleet,
    personas: Vec<Weighted>,
}

impl Trail {
    pub fn new(rng: &mut Rng) -> Self {
        let world = World::new(rng);
        let fleet = Fleet::new(rng);
        let catalog = Catalog::new();
        let personas = (0..catalog.popularity.len())
            .map(|i| {
                let allowed = Catalog::action(i).who;
                Weighted::new(PERSONA_WEIGHTS.iter().enumerate().map(|(bit, &w)| {
                    let usable = allowed & (1 << bit) != 0 && world.has_persona(1 << bit);
                    if usable { w } else { 0 }
                }))
            })
            .collect();
        Self {
            world,
            catalog,
            fleet,
            personas,
        }
    }

    /// Appends one record to `out`; returns the account and region it was logged in.
    pub fn emit(
        &mut self,
        rng: &mut Rng,
        time: i64,
        out: &mut Vec<u8>,
    ) -> io::Result<(usize, usize)> {
        let index = self.catalog.popularity.sample(rng);
        let action = Catalog::action(index);
        let plan = match action.shape {
            Shape::Braket(op) => Some(self.fleet.plan(rng, op)),
            _ => None,
        };
        let (identity_index, region) = self.caller(rng, index, plan.as_ref());
        let identity = &self.world.identities[identity_index];
        let failure = errors::decide(rng, action, identity, plan.as_ref());
        let call = Call {
            action,
            identity,
            identity_index,
            account: &self.world.accounts[identity.account],
            world: &self.world,
            region,
            time,
            failed: failure.is_some(),
        };
        let scalars = scalars(rng, &call, self.catalog.cli_suffix(index), failure);
        let host = self.catalog.host(action.service, region);
        let write = |payload: &Payload| {
            let identity = record::user_identity(&call, &scalars);
            record::write(out, &call, identity, &scalars, payload, host)
        };
        match (action.shape, &plan) {
            (Shape::Braket(op), Some(plan)) => self.fleet.build(&call, plan, rng, op, write)?,
            _ => shapes::build(&call, rng, write)?,
        }
        Ok((identity.account, region))
    }

    /// Who makes a call and in which region: Braket follow-ups reuse their task's caller.
    fn caller(&self, rng: &mut Rng, action: usize, plan: Option<&Plan>) -> (usize, usize) {
        let identity = plan.and_then(|p| p.identity).unwrap_or_else(|| {
            let persona = 1u8 << self.personas[action].sample(rng);
            self.world.pick_identity(rng, persona)
        });
        let region = if SERVICES[Catalog::action(action).service].global {
            0
        } else {
            plan.and_then(|p| p.region)
                .unwrap_or_else(|| self.world.pick_region(rng, identity))
        };
        (identity, region)
    }
}

fn scalars<'w>(
    rng: &mut Rng,
    call: &Call<'w>,
    cli_suffix: &str,
    failure: Option<Failure>,
) -> Scalars<'w> {
    let request_id = if call.action.service == svc::S3 {
        ids::hex(rng, 16).to_ascii_uppercase()
    } else {
        ids::uuid(rng)
    };
    Scalars {
        event_time: clock::iso(call.time),
        creation_date: clock::iso(call.time - i64::from(rng.u32(20..3_600))),
        event_id: ids::uuid(rng),
        request_id,
        agent: agent(rng, call, cli_suffix),
        tls13: ids::chance(rng, 600),
        failure,
    }
}

/// Chooses the client a call came from, which fixes its user agent and source address.
fn agent<'w>(rng: &mut Rng, call: &Call<'w>, cli_suffix: &str) -> Agent<'w> {
    let identity = call.identity;
    if let Who::Service(principal) = identity.who {
        return Agent {
            ua: Cow::Borrowed(principal),
            ip: principal,
            console: false,
        };
    }
    let wanted = if call.action.service == svc::SIGNIN {
        Client::Browser
    } else {
        preferred_client(rng, identity.persona, call.action.service == svc::BRAKET)
    };
    let (client, ua) = identity
        .agents
        .iter()
        .find(|(c, _)| *c == wanted)
        .or_else(|| identity.agents.first())
        .map_or((Client::Console, INTERNAL), |(c, ua)| (*c, ua.as_str()));
    let ip = identity
        .ips
        .get(rng.usize(..identity.ips.len().max(1)))
        .map_or(INTERNAL, String::as_str);
    let console = client == Client::Console;
    let ua = match client {
        Client::Cli => Cow::Owned(format!("{ua}{cli_suffix}")),
        Client::Console if call.action.service == svc::EC2 => {
            Cow::Borrowed("console.ec2.amazonaws.com")
        }
        // A few console pages call APIs from AWS's side rather than the browser's.
        Client::Console if ids::chance(rng, 300) => {
            return Agent {
                ua: Cow::Borrowed(INTERNAL),
                ip: INTERNAL,
                console,
            };
        }
        _ => Cow::Borrowed(ua),
    };
    Agent { ua, ip, console }
}

fn preferred_client(rng: &mut Rng, persona: u8, braket: bool) -> Client {
    let roll = rng.u32(..100);
    match persona {
        who::HUMAN if braket => [Client::Braket, Client::Console, Client::Cli]
            [usize::from(roll >= 70) + usize::from(roll >= 85)],
        who::HUMAN => [Client::Console, Client::Cli, Client::Boto]
            [usize::from(roll >= 35) + usize::from(roll >= 75)],
        who::CI | who::APP if braket => Client::Braket,
        who::CI => {
            if roll < 40 {
                Client::Terraform
            } else {
                Client::Cli
            }
        }
        who::APP | who::TOOL => {
            if roll < 50 {
                Client::Boto
            } else {
                Client::Sdk
            }
        }
        _ => Client::Console,
    }
}
