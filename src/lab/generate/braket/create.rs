//! `CreateQuantumTask` and `CreateJob`, whose results later calls refer back to.

use fastrand::Rng;

use super::super::catalog::who;
use super::super::ids;
use super::super::json::Val;
use super::super::shapes::{Call, Payload, pick};
use super::super::vocabulary;
use super::{Fleet, Plan, Remembered};

const SHOTS: [i64; 6] = [100, 500, 1000, 1000, 2000, 10_000];

/// The names and locations a hybrid job is created with.
struct JobNames {
    name: String,
    role: String,
    image: String,
    script: String,
    data: String,
    checkpoints: String,
    token: String,
}

impl JobNames {
    fn new(call: &Call, rng: &mut Rng) -> Self {
        let (region, acct) = (call.region_name(), call.account.id.as_str());
        let stamp = call.time * 1000 + i64::from(rng.u32(..1000));
        let name = format!("{}-{stamp}", pick(rng, vocabulary::PROJECTS));
        let root = format!("s3://amazon-braket-{region}-{acct}/jobs/{name}");
        Self {
            role: format!("arn:aws:iam::{acct}:role/AmazonBraketJobsExecutionRole"),
            image: format!(
                "292282985366.dkr.ecr.{region}.amazonaws.com/amazon-braket-base-jobs:latest"
            ),
            script: format!("{root}/script/source.tar.gz"),
            data: format!("{root}/data"),
            checkpoints: format!("{root}/checkpoints"),
            token: ids::uuid(rng),
            name,
        }
    }
}

impl Fleet {
    pub(super) fn create_task<R>(
        &mut self,
        call: &Call,
        plan: &Plan,
        rng: &mut Rng,
        k: impl FnOnce(&Payload) -> R,
    ) -> R {
        let device = plan.device();
        let program = &self.programs[rng.usize(..self.programs.len())];
        let parameters = super::qasm::device_parameters(device, program.qubits);
        let (region, acct) = (call.region_name(), call.account.id.as_str());
        let bucket = format!("amazon-braket-{region}-{acct}");
        let (token, job_token) = (ids::uuid(rng), ids::hex(rng, 32));
        let arn = format!(
            "arn:aws:braket:{region}:{acct}:quantum-task/{}",
            ids::uuid(rng)
        );
        let req = [
            ("deviceArn", Val::Str(device.arn)),
            ("deviceParameters", Val::Str(&parameters)),
            ("shots", Val::Num(*pick(rng, &SHOTS))),
            ("outputS3Bucket", Val::Str(&bucket)),
            ("outputS3KeyPrefix", Val::Str("tasks")),
            ("action", Val::Str(&program.action)),
            ("clientToken", Val::Str(&token)),
            ("jobToken", Val::Str(&job_token)),
        ];
        // Only tasks submitted from inside a hybrid job carry its token.
        let in_job = call.identity.persona == who::APP;
        let req = if in_job { &req[..] } else { &req[..7] };
        let resp = [("quantumTaskArn", Val::Str(&arn))];
        let resp = if call.failed {
            Val::Null
        } else {
            Val::Obj(&resp)
        };
        let out = k(&Payload {
            resp,
            ..Payload::request(Val::Obj(req))
        });
        self.remember_created(call, false, arn);
        out
    }

    pub(super) fn create_job<R>(
        &mut self,
        call: &Call,
        plan: &Plan,
        rng: &mut Rng,
        k: impl FnOnce(&Payload) -> R,
    ) -> R {
        let job = JobNames::new(call, rng);
        let arn = format!(
            "arn:aws:braket:{}:{}:job/{}",
            call.region_name(),
            call.account.id,
            job.name
        );
        let out = job_request(&job, plan.device().arn, |req| {
            let resp = [("jobArn", Val::Str(&arn))];
            let resp = if call.failed {
                Val::Null
            } else {
                Val::Obj(&resp)
            };
            k(&Payload {
                resp,
                ..Payload::request(req)
            })
        });
        self.remember_created(call, true, arn);
        out
    }

    fn remember_created(&mut self, call: &Call, job: bool, arn: String) {
        if !call.failed {
            let entry = Remembered {
                identity: call.identity_index,
                region: call.region,
                arn,
            };
            self.remember(job, entry);
        }
    }
}

fn job_request<R>(job: &JobNames, device: &str, k: impl FnOnce(Val) -> R) -> R {
    let script = [
        ("entryPoint", Val::Str("algorithm_script:start_here")),
        ("s3Uri", Val::Str(&job.script)),
        ("compressionType", Val::Str("GZIP")),
    ];
    let image = [("uri", Val::Str(&job.image))];
    let algorithm = [
        ("scriptModeConfig", Val::Obj(&script)),
        ("containerImage", Val::Obj(&image)),
    ];
    let instance = [
        ("instanceType", Val::Str("ml.m5.large")),
        ("volumeSizeInGb", Val::Num(30)),
        ("instanceCount", Val::Num(1)),
    ];
    let checkpoints = [
        ("localPath", Val::Str("/opt/jobs/checkpoints")),
        ("s3Uri", Val::Str(&job.checkpoints)),
    ];
    let hyper = [
        ("shots", Val::Str("1000")),
        ("n_iterations", Val::Str("20")),
    ];
    k(Val::Obj(&[
        ("jobName", Val::Str(&job.name)),
        ("roleArn", Val::Str(&job.role)),
        ("algorithmSpecification", Val::Obj(&algorithm)),
        ("instanceConfig", Val::Obj(&instance)),
        (
            "outputDataConfig",
            Val::Obj(&[("s3Path", Val::Str(&job.data))]),
        ),
        ("checkpointConfig", Val::Obj(&checkpoints)),
        (
            "stoppingCondition",
            Val::Obj(&[("maxRuntimeInSeconds", Val::Num(432_000))]),
        ),
        ("deviceConfig", Val::Obj(&[("device", Val::Str(device))])),
        ("hyperParameters", Val::Obj(&hyper)),
        ("clientToken", Val::Str(&job.token)),
    ]))
}
