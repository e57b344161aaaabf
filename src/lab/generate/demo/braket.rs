//! Braket calls about named devices, tasks and jobs.
//!
//! Submissions go through the generator's [`Fleet`](super::super::braket::Fleet), which builds
//! the real request shapes; follow-ups name the exact task or job the script is tracking, which
//! the fleet (built to recall tasks at random) cannot.

use std::io;

use fastrand::Rng;

use super::super::braket::Plan;
use super::super::catalog::{Braket as Op, svc};
use super::super::errors::Failure;
use super::super::ids;
use super::super::json::Val;
use super::super::shapes::{Call, Payload, Resource};
use super::Demo;
use super::trail::{Caller, Kit, Sink, action, fixed};

pub struct Device {
    pub arn: &'static str,
    /// Where the group runs it: the QPU's own region, or the researcher's for simulators.
    pub region: usize,
    pub qpu: bool,
}

const fn device(arn: &'static str, region: usize, qpu: bool) -> Device {
    Device { arn, region, qpu }
}

pub const SV1: Device = device(
    "arn:aws:braket:::device/quantum-simulator/amazon/sv1",
    0,
    false,
);
pub const DM1: Device = device(
    "arn:aws:braket:::device/quantum-simulator/amazon/dm1",
    1,
    false,
);
pub const TN1: Device = device(
    "arn:aws:braket:::device/quantum-simulator/amazon/tn1",
    0,
    false,
);
pub const ARIA: Device = device("arn:aws:braket:us-east-1::device/qpu/ionq/Aria-1", 0, true);
pub const ANKAA: Device = device(
    "arn:aws:braket:us-west-1::device/qpu/rigetti/Ankaa-3",
    1,
    true,
);
pub const GARNET: Device = device("arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet", 4, true);
pub const AQUILA: Device = device("arn:aws:braket:us-east-1::device/qpu/quera/Aquila", 0, true);

/// Submits a task to `device`; returns its ARN unless the call failed.
pub fn create_task(
    demo: &mut Demo,
    time: i64,
    caller: Caller,
    device: &Device,
    failure: Option<Failure>,
) -> io::Result<Option<String>> {
    let mut arn = None;
    let create = action(svc::BRAKET, "CreateQuantumTask");
    demo.aws(time, caller, create, failure, |kit, call, sink| {
        let mut keep = |p: &Payload| {
            arn = created(p);
            sink(p)
        };
        if device.arn == AQUILA.arn {
            analog_task(kit.rng, call, &mut keep)
        } else {
            let plan = plan_for(kit, Op::CreateTask, device.arn);
            kit.fleet.build(call, &plan, kit.rng, Op::CreateTask, keep)
        }
    })?;
    Ok(arn)
}

/// Creates a hybrid job whose tasks run on `device`; returns the job's ARN.
pub fn create_job(
    demo: &mut Demo,
    time: i64,
    caller: Caller,
    device: &Device,
) -> io::Result<Option<String>> {
    let mut arn = None;
    let create = action(svc::BRAKET, "CreateJob");
    demo.aws(time, caller, create, None, |kit, call, sink| {
        let plan = plan_for(kit, Op::CreateJob, device.arn);
        kit.fleet.build(call, &plan, kit.rng, Op::CreateJob, |p| {
            arn = created(p);
            sink(p)
        })
    })?;
    Ok(arn)
}

/// A search the fleet shapes: `SearchDevices`, `SearchQuantumTasks` or `SearchJobs`.
pub fn search(
    demo: &mut Demo,
    time: i64,
    caller: Caller,
    (op, device): (Op, &Device),
    failure: Option<Failure>,
) -> io::Result<()> {
    let name = match op {
        Op::SearchDevices => "SearchDevices",
        Op::SearchJobs => "SearchJobs",
        _ => "SearchQuantumTasks",
    };
    demo.aws(
        time,
        caller,
        action(svc::BRAKET, name),
        failure,
        |kit, call, sink| {
            let plan = plan_for(kit, op, device.arn);
            kit.fleet.build(call, &plan, kit.rng, op, sink)
        },
    )
}

pub fn get_device(demo: &mut Demo, time: i64, caller: Caller, device: &Device) -> io::Result<()> {
    let req = Val::Obj(&[("deviceArn", Val::Str(device.arn))]);
    let get = action(svc::BRAKET, "GetDevice");
    demo.aws(time, caller, get, None, fixed(req, Val::Null))
}

/// `GetQuantumTask` or `GetJob`, as the SDK polls them.
pub fn poll(demo: &mut Demo, time: i64, caller: Caller, arn: &str) -> io::Result<()> {
    let (name, key) = subject(arn, "GetQuantumTask", "GetJob");
    let req = [
        (key, Val::Str(arn)),
        (
            "additionalAttributeNames",
            Val::Arr(&[Val::Str("QueueInfo")]),
        ),
    ];
    demo.aws(
        time,
        caller,
        action(svc::BRAKET, name),
        None,
        fixed(Val::Obj(&req), Val::Null),
    )
}

/// `CancelQuantumTask` or `CancelJob`.
pub fn cancel(demo: &mut Demo, time: i64, caller: Caller, arn: &str) -> io::Result<()> {
    let (name, key) = subject(arn, "CancelQuantumTask", "CancelJob");
    let token = ids::uuid(&mut demo.rng);
    let req = [(key, Val::Str(arn)), ("clientToken", Val::Str(&token))];
    let resp = [
        (key, Val::Str(arn)),
        ("cancellationStatus", Val::Str("CANCELLING")),
    ];
    let req = if name == "CancelJob" {
        &req[..1]
    } else {
        &req[..]
    };
    let call = action(svc::BRAKET, name);
    demo.aws(
        time,
        caller,
        call,
        None,
        fixed(Val::Obj(req), Val::Obj(&resp)),
    )
}

fn subject(arn: &str, task: &'static str, job: &'static str) -> (&'static str, &'static str) {
    if arn.contains(":job/") {
        (job, "jobArn")
    } else {
        (task, "quantumTaskArn")
    }
}

/// The SDK downloading a finished task's results from the bucket Braket wrote them to.
pub fn read_results(demo: &mut Demo, time: i64, caller: Caller, task: &str) -> io::Result<()> {
    let get = action(svc::S3, "GetObject");
    demo.aws(time, caller, get, None, |kit, call, sink| {
        results(kit.rng, call, task, sink)
    })
}

/// Where Braket wrote a task's results.
struct Location {
    bucket: String,
    host: String,
    key: String,
    bucket_arn: String,
    object_arn: String,
}

impl Location {
    fn of(call: &Call, task: &str) -> Self {
        let id = task.rsplit('/').next().unwrap_or_default();
        let region = call.region_name();
        let bucket = format!("amazon-braket-{region}-{}", call.account.id);
        let key = format!("tasks/{id}/results.json");
        Self {
            host: format!("{bucket}.s3.{region}.amazonaws.com"),
            bucket_arn: format!("arn:aws:s3:::{bucket}"),
            object_arn: format!("arn:aws:s3:::{bucket}/{key}"),
            bucket,
            key,
        }
    }
}

fn results(rng: &mut Rng, call: &Call, task: &str, sink: &mut Sink) -> io::Result<()> {
    let at = Location::of(call, task);
    let id2 = format!("{}=", ids::base64(rng, 75));
    let sent = i64::from(rng.u32(1_500..90_000));
    let extra = [
        ("SignatureVersion", Val::Str("SigV4")),
        ("CipherSuite", Val::Str("TLS_AES_128_GCM_SHA256")),
        ("bytesTransferredIn", Val::Num(0)),
        ("AuthenticationMethod", Val::Str("AuthHeader")),
        ("x-amz-id-2", Val::Str(&id2)),
        ("bytesTransferredOut", Val::Num(sent)),
    ];
    let object = Resource {
        account_id: None,
        kind: "AWS::S3::Object",
        arn: &at.object_arn,
    };
    let bucket = Resource {
        account_id: Some(&call.account.id),
        kind: "AWS::S3::Bucket",
        arn: &at.bucket_arn,
    };
    let req = [
        ("bucketName", Val::Str(&at.bucket)),
        ("Host", Val::Str(&at.host)),
        ("key", Val::Str(&at.key)),
    ];
    sink(&Payload {
        extra: Some(Val::Obj(&extra)),
        resources: &[object, bucket],
        host: Some(&at.host),
        ..Payload::request(Val::Obj(&req))
    })
}

/// The fleet draws devices by popularity; redraw until it offers the one the script names.
fn plan_for(kit: &mut Kit, op: Op, arn: &str) -> Plan {
    let mut plan = kit.fleet.plan(kit.rng, op);
    for _ in 0..10_000 {
        if plan.device().arn == arn {
            break;
        }
        plan = kit.fleet.plan(kit.rng, op);
    }
    plan
}

fn created(payload: &Payload) -> Option<String> {
    match payload.resp {
        Val::Obj([(_, Val::Str(arn))]) => Some((*arn).to_owned()),
        _ => None,
    }
}

/// An analog Hamiltonian simulation on `QuEra` Aquila: a chain of atoms under a Rydberg drive.
fn analog_task(rng: &mut Rng, call: &Call, sink: &mut Sink) -> io::Result<()> {
    let (region, acct) = (call.region_name(), call.account.id.as_str());
    let bucket = format!("amazon-braket-{region}-{acct}");
    let program = analog_program(rng);
    let (token, id) = (ids::uuid(rng), ids::uuid(rng));
    let arn = format!("arn:aws:braket:{region}:{acct}:quantum-task/{id}");
    let req = [
        ("deviceArn", Val::Str(AQUILA.arn)),
        ("deviceParameters", Val::Str("{}")),
        ("shots", Val::Num(100)),
        ("outputS3Bucket", Val::Str(&bucket)),
        ("outputS3KeyPrefix", Val::Str("tasks")),
        ("action", Val::Str(&program)),
        ("clientToken", Val::Str(&token)),
    ];
    let resp = [("quantumTaskArn", Val::Str(&arn))];
    let resp = if call.failed {
        Val::Null
    } else {
        Val::Obj(&resp)
    };
    sink(&Payload {
        resp,
        ..Payload::request(Val::Obj(&req))
    })
}

/// The SDK's serialized AHS program; positions in metres and times in seconds, as decimals.
fn analog_program(rng: &mut Rng) -> String {
    let atoms = rng.u32(4..=9);
    let spacing = f64::from(rng.u32(55..=70)) * 1e-7;
    let sites: Vec<String> = (0..atoms)
        .map(|i| format!("[\"{:.7}\", \"0.0\"]", f64::from(i) * spacing))
        .collect();
    let filling = vec!["1"; sites.len()].join(", ");
    let omega = rng.u32(120..=158) * 100_000;
    let ramp = r#"["0.0", "0.0000001", "0.0000039", "0.000004"]"#;
    format!(
        r#"{{"braketSchemaHeader": {{"name": "braket.ir.ahs.program", "version": "1"}}, "setup": {{"ahs_register": {{"sites": [{}], "filling": [{filling}]}}}}, "hamiltonian": {{"drivingFields": [{{"amplitude": {{"time_series": {{"values": ["0.0", "{omega}.0", "{omega}.0", "0.0"], "times": {ramp}}}, "pattern": "uniform"}}, "phase": {{"time_series": {{"values": ["0.0", "0.0"], "times": ["0.0", "0.000004"]}}, "pattern": "uniform"}}, "detuning": {{"time_series": {{"values": ["-125000000.0", "-125000000.0", "125000000.0", "125000000.0"], "times": {ramp}}}, "pattern": "uniform"}}}}], "localDetuning": []}}}}"#,
        sites.join(", ")
    )
}
