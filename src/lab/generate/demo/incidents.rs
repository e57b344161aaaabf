//! The incidents of the third day, 2026-03-04, that the demo is there to find.

use std::io;

use super::super::catalog::{Braket as Op, SERVICES, svc};
use super::super::clock;
use super::super::errors::Failure;
use super::super::ids;
use super::super::json::Val;
use super::super::world::Client;
use super::aws::{generic, sign_in};
use super::braket::{self, ARIA, SV1};
use super::cadf::{Event, Verb, Via};
use super::cast::{
    self, ACCOUNT, CAMPUS, CARLA, DANA, EVE, LENA, OPS_ROLE_NAME, OPS_SESSION, PIPELINE, ROOT,
};
use super::ibm::{CUSTOM, success};
use super::trail::{Addr, Caller, Ua, action, fixed};
use super::{Demo, IbmJob, at};

/// Incident 1: where the CI pipeline's stolen IBM Cloud API key is used from.
pub const KEY_THIEF_IP: &str = "203.0.113.200";
pub const KEY_THIEF_UA: &str = "python-requests/2.31.0";
const THIEF: Via = Via::Foreign {
    ip: KEY_THIEF_IP,
    agent: KEY_THIEF_UA,
};
/// Incident 2: where Eve's leaked session credentials are used from.
pub const SESSION_THIEF_IP: &str = "203.0.113.45";
/// Incident 3: where the root user signs in from.
pub const ROOT_IP: &str = "203.0.113.77";
/// Sets the terminal's title and clears its screen if printed unfiltered.
pub const HOSTILE_UA: &str = "\u{1b}]0;PWNED\u{7}\u{1b}[2J";
const THIEF_BOTO: &str = "Boto3/1.34.34 md/Botocore#1.34.34 ua/2.0 os/linux#5.15.0-91-generic md/arch#x86_64 lang/python#3.10.12 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.34";
const ROOT_BROWSER: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36";
/// What the leaked credentials try, with the resource each denial names.
const PROBES: [(usize, &str, &str); 6] = [
    (
        svc::BRAKET,
        "CreateQuantumTask",
        "arn:aws:braket:us-east-1:111122223333:quantum-task/*",
    ),
    (svc::IAM, "ListRoles", "arn:aws:iam::111122223333:role/"),
    (svc::S3, "GetObject", ""),
    (
        svc::BRAKET,
        "SearchJobs",
        "arn:aws:braket:us-east-1:111122223333:job/*",
    ),
    (
        svc::BRAKET,
        "SearchQuantumTasks",
        "arn:aws:braket:us-east-1:111122223333:quantum-task/*",
    ),
    (svc::IAM, "ListUsers", "arn:aws:iam::111122223333:user/"),
];
/// Completed jobs of each researcher the key thief deletes, besides cancelling the queued ones.
const DELETED_EACH: usize = 4;

pub fn stage(demo: &mut Demo) -> io::Result<()> {
    stolen_api_key(demo, at(2, 2, 10, 14))?;
    denied_burst(demo, at(2, 13, 20, 12))?;
    escalation(demo, at(2, 13, 26, 40))?;
    root_sign_in(demo, at(2, 21, 47, 3))
}

/// Incident 2, continued: denied, the stolen session assumes the operators' role (a role
/// chain: SAML sign-in, research session, operators' session) and with it cancels the task
/// Carla queued on Aria in the morning.
fn escalation(demo: &mut Demo, start: i64) -> io::Result<()> {
    let carla = Caller {
        who: CARLA,
        region: 0,
        ip: Addr::At(CAMPUS),
        ua: Ua::Own(Client::Braket),
    };
    let Some(task) = braket::create_task(demo, at(2, 9, 41, 7), carla, &ARIA, None)? else {
        return Ok(());
    };
    let thief = Caller {
        who: EVE,
        region: 0,
        ip: Addr::At(SESSION_THIEF_IP),
        ua: Ua::Is(THIEF_BOTO),
    };
    let ops = cast::ops_session(&mut demo.rng, &mut demo.world);
    assume_ops(demo, start, thief, ops)?;
    let escalated = Caller { who: ops, ..thief };
    let mut t = start + demo.pause(20, 40);
    let whoami = action(svc::STS, "GetCallerIdentity");
    demo.aws(t, escalated, whoami, None, fixed(Val::Null, Val::Null))?;
    t += demo.pause(30, 60);
    braket::poll(demo, t, escalated, &task)?;
    t += demo.pause(10, 30);
    braket::cancel(demo, t, escalated, &task)
}

/// `AssumeRole` from `caller`'s session into the session `ops`: its response names the
/// credentials the new session's calls carry.
fn assume_ops(demo: &mut Demo, time: i64, caller: Caller, ops: usize) -> io::Result<()> {
    let session = &demo.world.identities[ops];
    let (key, arn, principal) = (
        session.access_key.clone(),
        session.arn.clone(),
        session.principal_id.clone(),
    );
    let role_arn = format!("arn:aws:iam::{ACCOUNT}:role/{OPS_ROLE_NAME}");
    let token = format!("IQoJb3JpZ2luX2VjE{}", ids::base64(&mut demo.rng, 380));
    let expiration = clock::sts_expiration(time + 3_600);
    let req = [
        ("roleArn", Val::Str(&role_arn)),
        ("roleSessionName", Val::Str(OPS_SESSION)),
        ("durationSeconds", Val::Num(3_600)),
    ];
    let credentials = [
        ("accessKeyId", Val::Str(&key)),
        ("sessionToken", Val::Str(&token)),
        ("expiration", Val::Str(&expiration)),
    ];
    let user = [
        ("assumedRoleId", Val::Str(&principal)),
        ("arn", Val::Str(&arn)),
    ];
    let resp = [
        ("credentials", Val::Obj(&credentials)),
        ("assumedRoleUser", Val::Obj(&user)),
    ];
    let assume = action(svc::STS, "AssumeRole");
    demo.aws(
        time,
        caller,
        assume,
        None,
        fixed(Val::Obj(&req), Val::Obj(&resp)),
    )
}

/// The pipeline's key, from a new address and client, lists programs, reads other people's
/// jobs, then cancels the queued ones and deletes finished ones; some requests are refused.
fn stolen_api_key(demo: &mut Demo, start: i64) -> io::Result<()> {
    const PROGRAMS: [&str; 5] = [
        "sampler",
        "estimator",
        CUSTOM[0],
        CUSTOM[1],
        "circuit-runner",
    ];
    let mut t = start;
    for n in 0..24 {
        let list = Event::program(PIPELINE, THIEF, Verb::Read, PROGRAMS[n % PROGRAMS.len()]);
        demo.ibm(t, &list)?;
        t += demo.pause(3, 14);
    }
    let victims = victims(demo, start);
    for job in &victims {
        t += demo.pause(8, 25);
        let status = if job.pending { "Queued" } else { "Completed" };
        let read = Event {
            status,
            ..Event::job(PIPELINE, THIEF, Verb::Read, job)
        };
        demo.ibm(t, &read)?;
    }
    sabotage(demo, t, &victims)
}

fn sabotage(demo: &mut Demo, start: i64, victims: &[IbmJob]) -> io::Result<()> {
    let mut t = start;
    for (n, job) in victims.iter().enumerate() {
        t += demo.pause(50, 100);
        let verb = if job.pending {
            Verb::Cancel
        } else {
            Verb::Delete
        };
        // Every fourth request is refused, so that failures show next to the damage done.
        let code = if n % 4 == 2 { 403 } else { success(verb) };
        let event = Event {
            code,
            ..Event::job(PIPELINE, THIEF, verb, job)
        };
        demo.ibm(t, &event)?;
    }
    Ok(())
}

/// Every queued job of the researchers, and the most recently finished ones of each.
fn victims(demo: &Demo, before: i64) -> Vec<IbmJob> {
    let theirs = |owner: usize| {
        demo.ibm_jobs
            .iter()
            .filter(move |j| j.owner == owner && j.created < before)
    };
    let mut victims: Vec<IbmJob> = [DANA, LENA]
        .into_iter()
        .flat_map(|owner| theirs(owner).filter(|j| j.pending).cloned())
        .collect();
    for owner in [DANA, LENA] {
        let finished: Vec<&IbmJob> = theirs(owner).filter(|j| !j.pending).collect();
        let recent = finished.len().saturating_sub(DELETED_EACH);
        victims.extend(finished[recent..].iter().map(|&j| j.clone()));
    }
    victims
}

/// Eve's session credentials, used from outside: every call but `GetCallerIdentity` hits the
/// permission set's deny for addresses off campus. The first probe carries a hostile agent.
fn denied_burst(demo: &mut Demo, start: i64) -> io::Result<()> {
    let thief = Caller {
        who: EVE,
        region: 0,
        ip: Addr::At(SESSION_THIEF_IP),
        ua: Ua::Is(THIEF_BOTO),
    };
    let whoami = action(svc::STS, "GetCallerIdentity");
    demo.aws(start, thief, whoami, None, fixed(Val::Null, Val::Null))?;
    let mut t = start + demo.pause(15, 25);
    let hostile = Caller {
        ua: Ua::Is(HOSTILE_UA),
        ..thief
    };
    let failure = denied(demo, svc::BRAKET, "SearchDevices", "*");
    braket::search(demo, t, hostile, (Op::SearchDevices, &SV1), Some(failure))?;
    for n in 0..39 {
        t += demo.pause(3, 7);
        probe(demo, t, thief, PROBES[n % PROBES.len()])?;
    }
    Ok(())
}

fn probe(
    demo: &mut Demo,
    time: i64,
    caller: Caller,
    (service, name, resource): (usize, &str, &str),
) -> io::Result<()> {
    let failure = Some(denied(demo, service, name, resource));
    match name {
        "CreateQuantumTask" => braket::create_task(demo, time, caller, &ARIA, failure).map(drop),
        "SearchJobs" => braket::search(demo, time, caller, (Op::SearchJobs, &SV1), failure),
        "SearchQuantumTasks" => {
            braket::search(demo, time, caller, (Op::SearchTasks, &ARIA), failure)
        }
        _ => demo.aws(time, caller, action(service, name), failure, generic),
    }
}

/// The message each service logs for an explicit deny (S3 names neither caller nor action).
fn denied(demo: &Demo, service: usize, name: &str, resource: &str) -> Failure {
    let code = Some(SERVICES[service].denied);
    if service == svc::S3 {
        return Failure {
            code,
            message: "Access Denied".to_owned(),
        };
    }
    let (arn, iam) = (&demo.world.identities[EVE].arn, SERVICES[service].iam);
    Failure {
        code,
        message: format!(
            "User: {arn} is not authorized to perform: {iam}:{name} on resource: {resource} with an explicit deny in an identity-based policy"
        ),
    }
}

/// The root user signs in to the console from an unknown address without MFA (the first
/// password is wrong), looks at the users and creates an access key for Ana.
fn root_sign_in(demo: &mut Demo, start: i64) -> io::Result<()> {
    let browser = Caller {
        who: ROOT,
        region: 0,
        ip: Addr::At(ROOT_IP),
        ua: Ua::Is(ROOT_BROWSER),
    };
    let login = action(svc::SIGNIN, "ConsoleLogin");
    let wrong = Failure {
        code: None,
        message: "Failed authentication".to_owned(),
    };
    demo.aws(start, browser, login, Some(wrong), sign_in)?;
    let mut t = start + demo.pause(25, 45);
    demo.aws(t, browser, login, None, sign_in)?;
    demo.issue(ROOT, t);
    let console = Caller {
        ua: Ua::Own(Client::Console),
        ..browser
    };
    for name in ["GetAccountSummary", "ListUsers"] {
        t += demo.pause(20, 60);
        demo.aws(t, console, action(svc::IAM, name), None, generic)?;
    }
    t += demo.pause(30, 90);
    let key = ids::access_key(&mut demo.rng, "AKIA");
    let created = clock::sts_expiration(t);
    let user = ("userName", Val::Str("ana"));
    let access_key = [
        user,
        ("accessKeyId", Val::Str(&key)),
        ("status", Val::Str("Active")),
        ("createDate", Val::Str(&created)),
    ];
    let resp = Val::Obj(&[("accessKey", Val::Obj(&access_key))]);
    let create = action(svc::IAM, "CreateAccessKey");
    demo.aws(t, console, create, None, fixed(Val::Obj(&[user]), resp))
}
