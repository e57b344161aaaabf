//! Ordinary days on the AWS account: office-hours Braket sessions, a daily hybrid job, an
//! administrator's checks and a nightly CI run.

use std::io;

use super::super::access;
use super::super::catalog::{Braket as Op, svc};
use super::super::errors::Failure;
use super::super::json::Val;
use super::super::shapes::{self, Call};
use super::super::world::{Client, Who};
use super::braket::{self, ANKAA, AQUILA, ARIA, DM1, Device, GARNET, SV1, TN1};
use super::cast::{self, AT_HOME, BOB, CARLA, CI, EVE, FARID, ON_CAMPUS};
use super::trail::{Addr, Caller, Kit, Sink, Ua, action, fixed};
use super::{Demo, MINUTE, at, sso};

const JOB_LOGS: &str = "/aws/braket/jobs";

struct Profile {
    who: usize,
    qpu: Device,
    sim: Device,
    sso: bool,
    /// When the person usually starts, in UTC hours.
    arrives: i64,
}

const PROFILES: [Profile; 5] = [
    Profile {
        who: cast::ANA,
        qpu: ARIA,
        sim: SV1,
        sso: false,
        arrives: 8,
    },
    Profile {
        who: BOB,
        qpu: ANKAA,
        sim: DM1,
        sso: false,
        arrives: 9,
    },
    Profile {
        who: CARLA,
        qpu: AQUILA,
        sim: SV1,
        sso: true,
        arrives: 8,
    },
    Profile {
        who: FARID,
        qpu: GARNET,
        sim: TN1,
        sso: true,
        arrives: 10,
    },
    Profile {
        who: EVE,
        qpu: ARIA,
        sim: SV1,
        sso: true,
        arrives: 7,
    },
];

pub fn routine(demo: &mut Demo) -> io::Result<()> {
    for day in 0..3 {
        for profile in &PROFILES {
            // One session a day goes to the QPU, the other to the simulator.
            let qpu_first = demo.rng.bool();
            let morning = at(day, profile.arrives, 10, 0) + demo.pause(0, 50 * MINUTE);
            session(demo, profile, morning, qpu_first)?;
            let afternoon = at(day, 13, 30, 0) + demo.pause(0, 150 * MINUTE);
            session(demo, profile, afternoon, !qpu_first)?;
        }
        let job = at(day, 11, 5, 0) + demo.pause(0, 30 * MINUTE);
        hybrid_job(demo, job, day == 1)?;
        let checks = at(day, 16, 20, 0) + demo.pause(0, 40 * MINUTE);
        admin(demo, checks)?;
        let nightly = at(day + 1, 1, 30, 0) + demo.pause(0, 5 * MINUTE);
        ci(demo, nightly)?;
    }
    Ok(())
}

/// A researcher at work: sign in, look at the device, then submit and follow a few tasks.
fn session(demo: &mut Demo, profile: &Profile, start: i64, qpu: bool) -> io::Result<()> {
    let ip = if demo.chance(750) { ON_CAMPUS } else { AT_HOME };
    let device = if qpu { &profile.qpu } else { &profile.sim };
    let caller = Caller {
        who: profile.who,
        region: 0,
        ip: Addr::Own(ip),
        ua: Ua::Own(Client::Braket),
    };
    let mut t = arrive(demo, start, caller, profile)?;
    let caller = Caller {
        region: device.region,
        ..caller
    };
    braket::get_device(demo, t, caller, device)?;
    for _ in 0..demo.rng.u32(5..=12) {
        t = task(demo, t, caller, device)?;
    }
    if demo.chance(450) {
        t += demo.pause(30, 300);
        braket::search(demo, t, caller, (Op::SearchTasks, device), None)?;
    }
    if demo.chance(400) {
        let later = t + demo.pause(60, 600);
        datasets(
            demo,
            later,
            Caller {
                region: 0,
                ..caller
            },
        )?;
    }
    Ok(())
}

/// Everything before the first task: perhaps the console, then credentials for the SDK.
fn arrive(demo: &mut Demo, start: i64, caller: Caller, profile: &Profile) -> io::Result<i64> {
    let mut t = start;
    if demo.chance(350) {
        t = console(demo, t, caller, profile)? + demo.pause(60, 600);
    }
    if profile.sso {
        sso::sign_in(demo, t, caller)?;
        t += demo.pause(30, 240);
    }
    let whoami = action(svc::STS, "GetCallerIdentity");
    demo.aws(t, caller, whoami, None, fixed(Val::Null, Val::Null))?;
    Ok(t + demo.pause(2, 20))
}

/// A look at the Braket console: the devices, the QPU's queue and the recent tasks.
fn console(demo: &mut Demo, start: i64, caller: Caller, profile: &Profile) -> io::Result<i64> {
    let mut t = start;
    if profile.sso {
        sso::sign_in(demo, t, caller)?;
    } else {
        let browser = Caller {
            ua: Ua::Own(Client::Browser),
            ..caller
        };
        demo.aws(
            t,
            browser,
            action(svc::SIGNIN, "ConsoleLogin"),
            None,
            sign_in,
        )?;
        demo.issue(caller.who, t);
    }
    let console = Caller {
        ua: Ua::Own(Client::Console),
        ..caller
    };
    t += demo.pause(10, 40);
    braket::search(demo, t, console, (Op::SearchDevices, &SV1), None)?;
    t += demo.pause(5, 60);
    let qpu = Caller {
        region: profile.qpu.region,
        ..console
    };
    braket::get_device(demo, t, qpu, &profile.qpu)?;
    t += demo.pause(10, 90);
    braket::search(demo, t, qpu, (Op::SearchTasks, &profile.qpu), None)?;
    Ok(t)
}

pub fn sign_in(kit: &mut Kit, call: &Call, sink: &mut Sink) -> io::Result<()> {
    access::sign_in(call, kit.rng, sink)
}

/// Submits one task and follows it as the SDK does: poll until done, then fetch the results.
fn task(demo: &mut Demo, start: i64, caller: Caller, device: &Device) -> io::Result<i64> {
    let mut t = start + demo.pause(20, 300);
    // QPUs go offline for calibration now and then.
    let offline = (device.qpu && demo.chance(40)).then(|| Failure {
        code: Some("DeviceOfflineException"),
        message: format!("Device {} is currently offline.", device.arn),
    });
    let Some(arn) = braket::create_task(demo, t, caller, device, offline)? else {
        return Ok(t);
    };
    let (polls, gap) = if device.qpu {
        (demo.rng.u32(6..=18), 90)
    } else {
        (demo.rng.u32(1..=4), 4)
    };
    for _ in 0..polls {
        t += demo.pause(gap / 4, gap);
        braket::poll(demo, t, caller, &arn)?;
    }
    // Now and then a QPU queue is too long to wait for.
    if device.qpu && demo.chance(120) {
        let impatient = t + demo.pause(5, 60);
        braket::cancel(demo, impatient, caller, &arn)?;
        return Ok(t);
    }
    t += demo.pause(1, 3);
    braket::read_results(demo, t, caller, &arn)?;
    Ok(t)
}

/// The researcher loads or saves data sets next to the notebook. Only the IAM users may write
/// to the bucket, so the researchers' role gets the occasional `AccessDenied`.
fn datasets(demo: &mut Demo, start: i64, caller: Caller) -> io::Result<()> {
    let writer = matches!(demo.world.identities[caller.who].who, Who::User(_));
    let mut t = start;
    for _ in 0..demo.rng.u32(1..=4) {
        let (name, failure) = if demo.chance(800) {
            ("GetObject", None)
        } else {
            let denied = Failure {
                code: Some("AccessDenied"),
                message: "Access Denied".to_owned(),
            };
            ("PutObject", (!writer).then_some(denied))
        };
        demo.aws(t, caller, action(svc::S3, name), failure, generic)?;
        t += demo.pause(2, 40);
    }
    Ok(())
}

/// Any call the generator's payload builders shape on their own.
pub fn generic(kit: &mut Kit, call: &Call, sink: &mut Sink) -> io::Result<()> {
    shapes::build(call, kit.rng, sink)
}

/// Carla's daily hybrid job: its container submits tasks and logs while she polls it.
fn hybrid_job(demo: &mut Demo, start: i64, cancel: bool) -> io::Result<()> {
    let carla = Caller {
        who: CARLA,
        region: 0,
        ip: Addr::Own(ON_CAMPUS),
        ua: Ua::Own(Client::Braket),
    };
    let Some(job) = braket::create_job(demo, start, carla, &SV1)? else {
        return Ok(());
    };
    let name = job.rsplit('/').next().unwrap_or_default().to_owned();
    let runner = cast::job_session(&mut demo.rng, &mut demo.world, &name);
    let container = Caller {
        who: runner,
        ip: Addr::Own(0),
        ..carla
    };
    let mut t = start + demo.pause(120, 300);
    let issued = t - demo.pause(5, 15);
    demo.issue(runner, issued);
    let stream = format!("{name}/algo-1-{t}");
    let req = [
        ("logGroupName", Val::Str(JOB_LOGS)),
        ("logStreamName", Val::Str(&stream)),
    ];
    let create = action(svc::LOGS, "CreateLogStream");
    demo.aws(t, container, create, None, fixed(Val::Obj(&req), Val::Null))?;
    let mut next = start + MINUTE;
    for iteration in 0..demo.rng.u32(8..=14) {
        t = task(demo, t, container, &SV1)?;
        next = watch(demo, carla, (&job, &stream), next, t)?;
        if cancel && iteration == 5 {
            return braket::cancel(demo, next, carla, &job);
        }
    }
    let done = t + demo.pause(30, 90);
    braket::poll(demo, done, carla, &job)
}

/// Polls a job and tails its log until `until`; returns when the next look is due.
fn watch(
    demo: &mut Demo,
    caller: Caller,
    (job, stream): (&str, &str),
    mut next: i64,
    until: i64,
) -> io::Result<i64> {
    while next < until {
        braket::poll(demo, next, caller, job)?;
        if demo.chance(500) {
            let tail = next + demo.pause(1, 3);
            let req = [
                ("logGroupName", Val::Str(JOB_LOGS)),
                ("logStreamName", Val::Str(stream)),
                ("startFromHead", Val::Bool(true)),
            ];
            let get = action(svc::LOGS, "GetLogEvents");
            demo.aws(tail, caller, get, None, fixed(Val::Obj(&req), Val::Null))?;
        }
        next += demo.pause(60, 180);
    }
    Ok(next)
}

/// Bob looks after the account's users, keys and logs in the late afternoon.
fn admin(demo: &mut Demo, start: i64) -> io::Result<()> {
    const CHECKS: [(usize, &str); 7] = [
        (svc::IAM, "ListUsers"),
        (svc::IAM, "ListAccessKeys"),
        (svc::IAM, "ListRoles"),
        (svc::IAM, "GetRole"),
        (svc::CLOUDTRAIL, "LookupEvents"),
        (svc::LOGS, "DescribeLogGroups"),
        (svc::KMS, "ListAliases"),
    ];
    let bob = Caller {
        who: BOB,
        region: 0,
        ip: Addr::Own(ON_CAMPUS),
        ua: Ua::Own(Client::Cli),
    };
    let mut t = start;
    for &(service, name) in &CHECKS {
        if demo.chance(800) {
            demo.aws(t, bob, action(service, name), None, generic)?;
            t += demo.pause(5, 90);
        }
    }
    Ok(())
}

/// The nightly regression run of the group's CI on the simulators.
fn ci(demo: &mut Demo, start: i64) -> io::Result<()> {
    let ip = demo.rng.usize(..4);
    let runner = Caller {
        who: CI,
        region: 0,
        ip: Addr::Own(ip),
        ua: Ua::Own(Client::Braket),
    };
    // The workflow has just exchanged its OIDC token for the role's credentials.
    let issued = start - demo.pause(5, 20);
    demo.issue(CI, issued);
    let whoami = action(svc::STS, "GetCallerIdentity");
    demo.aws(start, runner, whoami, None, fixed(Val::Null, Val::Null))?;
    let mut t = start + demo.pause(2, 6);
    braket::search(demo, t, runner, (Op::SearchDevices, &SV1), None)?;
    for device in [&SV1, &SV1, &DM1] {
        let runner = Caller {
            region: device.region,
            ..runner
        };
        for _ in 0..4 {
            t = task(demo, t, runner, device)?;
        }
    }
    Ok(())
}
