//! Which calls fail, and with the error code and message the service would log.

use fastrand::Rng;

use super::braket::Plan;
use super::catalog::{Action, Braket, SERVICES, Shape, svc};
use super::ids;
use super::world::Identity;

/// Per-mille of ordinary calls that fail; with the sign-in and Braket specials about 4 % overall.
const ERROR_PER_MILLE: u32 = 37;
const FAILED_LOGIN_PER_MILLE: u32 = 60;

pub struct Failure {
    /// Absent for failed console sign-ins, which only carry a message.
    pub code: Option<&'static str>,
    pub message: String,
}

fn fail(code: &'static str, message: impl Into<String>) -> Failure {
    Failure {
        code: Some(code),
        message: message.into(),
    }
}

pub fn decide(
    rng: &mut Rng,
    action: &Action,
    identity: &Identity,
    plan: Option<&Plan>,
) -> Option<Failure> {
    if let (Shape::Braket(Braket::CreateTask), Some(plan)) = (action.shape, plan)
        && plan.device().retired
    {
        let message = format!("Device {} is retired.", plan.device().arn);
        return Some(fail("DeviceRetiredException", message));
    }
    if action.service == svc::SIGNIN {
        let failed = action.name == "ConsoleLogin" && ids::chance(rng, FAILED_LOGIN_PER_MILLE);
        return failed.then(|| Failure {
            code: None,
            message: "Failed authentication".to_owned(),
        });
    }
    if !ids::chance(rng, ERROR_PER_MILLE) {
        return None;
    }
    if let Shape::Braket(op) = action.shape
        && let Some(failure) = braket(rng, op, plan)
    {
        return Some(failure);
    }
    Some(generic(rng, action, identity))
}

fn braket(rng: &mut Rng, op: Braket, plan: Option<&Plan>) -> Option<Failure> {
    let device = plan.map_or("", |p| p.device().arn);
    match (op, rng.u32(..4)) {
        (Braket::GetDevice, 0 | 1) => Some(fail("404", format!("Device {device} not found"))),
        (Braket::CreateTask, 0) if device.contains("/qpu/") => Some(fail(
            "DeviceOfflineException",
            format!("Device {device} is currently offline."),
        )),
        (Braket::CreateTask, 1) => Some(fail(
            "ServiceQuotaExceededException",
            "The number of quantum tasks in the queue exceeds the account limit for this device.",
        )),
        (Braket::CreateTask, 2) => Some(fail(
            "ValidationException",
            "1 validation error detected: Value at 'shots' failed to satisfy constraint: Member must have value less than or equal to 100000",
        )),
        (Braket::CancelTask | Braket::CancelJob, 0 | 1) => Some(fail(
            "ConflictException",
            "The resource is in a terminal state (COMPLETED) and cannot be cancelled.",
        )),
        _ => None,
    }
}

fn generic(rng: &mut Rng, action: &Action, identity: &Identity) -> Failure {
    let service = &SERVICES[action.service];
    let roll = rng.u32(..100);
    if roll < 45 {
        return denied(action, identity);
    }
    if roll < 60 {
        return fail(service.throttled, "Rate exceeded");
    }
    if roll < 85 && action.read_only() && names_resource(action) {
        return not_found(action);
    }
    match action.shape {
        Shape::Fields([(field, _), ..]) => {
            let code = if action.name == "Decrypt" {
                "InvalidCiphertextException"
            } else {
                service.invalid
            };
            let message = format!(
                "1 validation error detected: Value at '{field}' failed to satisfy constraint: Member must satisfy regular expression pattern"
            );
            fail(code, message)
        }
        Shape::S3Object | Shape::S3Bucket(_) => fail(service.invalid, "Invalid Argument"),
        Shape::RunInstances | Shape::Ec2Instances(_) => fail(
            service.invalid,
            "The value supplied for a parameter was not valid.",
        ),
        _ => denied(action, identity),
    }
}

/// Only calls about a specific resource can fail because that resource does not exist.
fn names_resource(action: &Action) -> bool {
    match action.shape {
        Shape::Fields(list) => !list.is_empty() && action.service != svc::STS,
        Shape::S3Bucket(_)
        | Shape::S3Object
        | Shape::Ec2Instances(_)
        | Shape::Kms(_)
        | Shape::LambdaInvoke => true,
        _ => false,
    }
}

fn denied(action: &Action, identity: &Identity) -> Failure {
    let service = &SERVICES[action.service];
    if action.service == svc::S3 {
        return fail(service.denied, "Access Denied");
    }
    let who = if identity.arn.is_empty() {
        "AWS service principal"
    } else {
        identity.arn.as_str()
    };
    let (iam, op) = (service.iam, action.operation());
    let message = if action.service == svc::EC2 {
        format!(
            "You are not authorized to perform this operation. User: {who} is not authorized to perform: {iam}:{op}"
        )
    } else {
        format!(
            "User: {who} is not authorized to perform: {iam}:{op} because no identity-based policy allows the {iam}:{op} action"
        )
    };
    fail(service.denied, message)
}

fn not_found(action: &Action) -> Failure {
    let service = &SERVICES[action.service];
    let (code, message) = match action.shape {
        Shape::S3Bucket(sub) => s3_not_found(sub),
        Shape::S3Object => ("NoSuchKey", "The specified key does not exist."),
        _ if action.service == svc::IAM => {
            (service.not_found, "The specified entity cannot be found.")
        }
        Shape::Ec2Instances(_) => (service.not_found, "The instance ID does not exist"),
        _ => (service.not_found, "Requested resource not found"),
    };
    fail(code, message)
}

/// S3 reports a missing bucket configuration with a code specific to the sub-resource.
fn s3_not_found(sub: &str) -> (&'static str, &'static str) {
    match sub {
        "policy" => ("NoSuchBucketPolicy", "The bucket policy does not exist"),
        "encryption" => (
            "ServerSideEncryptionConfigurationNotFoundError",
            "The server side encryption configuration was not found",
        ),
        "tagging" => ("NoSuchTagSet", "The TagSet does not exist"),
        "publicAccessBlock" => (
            "NoSuchPublicAccessBlockConfiguration",
            "The public access block configuration was not found",
        ),
        "lifecycle" => (
            "NoSuchLifecycleConfiguration",
            "The lifecycle configuration does not exist",
        ),
        _ => ("NoSuchBucket", "The specified bucket does not exist"),
    }
}
