//! What the demo's script fixes about a `CloudTrail` record: its caller's client and address, when
//! its session began, and the SAML subject of a federated sign-in. The shape is the generator's.

use std::borrow::Cow;

use fastrand::Rng;

use super::super::super::catalog::svc;
use super::super::super::clock;
use super::super::super::cloudtrail::record::{self, Agent, Scalars, UserIdentity};
use super::super::super::errors::Failure;
use super::super::super::ids;
use super::super::super::shapes::Call;
use super::super::super::world::{Client, Who};
use super::super::sso::{SAML_ACTION, SAML_QUALIFIER};
use super::{Addr, Caller, Ua};

pub fn scalars<'w>(
    rng: &mut Rng,
    call: &Call<'w>,
    (caller, issued, failure): (Caller, Option<i64>, Option<Failure>),
    cli_suffix: &str,
) -> Scalars<'w> {
    let agent = agent(call, caller, cli_suffix);
    let request_id = if call.action.service == svc::S3 {
        ids::hex(rng, 16).to_ascii_uppercase()
    } else {
        ids::uuid(rng)
    };
    // Without a known sign-in, the session is assumed to have begun within the past hour.
    let issued = issued.unwrap_or_else(|| call.time - i64::from(rng.u32(20..3_600)));
    Scalars {
        event_time: clock::iso(call.time),
        creation_date: clock::iso(issued),
        event_id: ids::uuid(rng),
        request_id,
        agent,
        tls13: ids::chance(rng, 600),
        failure,
    }
}

/// The client the script names for the call.
fn agent<'w>(call: &Call<'w>, caller: Caller, cli_suffix: &str) -> Agent<'w> {
    let identity = call.identity;
    let ip = match caller.ip {
        Addr::Own(i) => identity.ips[i].as_str(),
        Addr::At(ip) => ip,
    };
    match (&identity.who, caller.ua) {
        (Who::Service(principal), _) => Agent {
            ua: Cow::Borrowed(*principal),
            ip: principal,
            console: false,
        },
        (_, Ua::Is(ua)) => Agent {
            ua: Cow::Borrowed(ua),
            ip,
            console: false,
        },
        (_, Ua::Own(client)) => {
            let ua = identity
                .agents
                .iter()
                .find(|(c, _)| *c == client)
                .map_or("", |(_, ua)| ua.as_str());
            let ua = match client {
                Client::Cli => Cow::Owned(format!("{ua}{cli_suffix}")),
                _ => Cow::Borrowed(ua),
            };
            Agent {
                ua,
                ip,
                console: client == Client::Console,
            }
        }
    }
}

/// A federated sign-in is made by the SAML subject, not yet by the role session it creates.
pub fn user_identity<'a>(call: &Call<'a>, s: &'a Scalars) -> UserIdentity<'a> {
    if call.action.service == SAML_ACTION.service && call.action.name == SAML_ACTION.name {
        let subject = call.identity.arn.rsplit('/').next().unwrap_or_default();
        UserIdentity::saml(SAML_QUALIFIER, subject)
    } else {
        record::user_identity(call, s)
    }
}
