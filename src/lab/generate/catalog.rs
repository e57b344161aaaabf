//! The AWS services and API actions the simulated organisations call, and how each is shaped.

use super::actions::ACTIONS;
use super::ids::Weighted;
use super::world::REGIONS;

/// Service indices into [`SERVICES`], named so the action table reads naturally.
pub mod svc {
    pub const BRAKET: usize = 0;
    pub const S3: usize = 1;
    pub const EC2: usize = 2;
    pub const IAM: usize = 3;
    pub const STS: usize = 4;
    pub const KMS: usize = 5;
    pub const LAMBDA: usize = 6;
    pub const LOGS: usize = 7;
    pub const CLOUDWATCH: usize = 8;
    pub const SSO: usize = 9;
    pub const SIGNIN: usize = 10;
    pub const CLOUDTRAIL: usize = 11;
    pub const SECRETS: usize = 12;
    pub const ECR: usize = 13;
    pub const ECS: usize = 14;
    pub const DYNAMODB: usize = 15;
    pub const SNS: usize = 16;
    pub const SQS: usize = 17;
    pub const CONFIG: usize = 18;
    pub const SSM: usize = 19;
    pub const CLOUDFORMATION: usize = 20;
}

pub struct Service {
    pub source: &'static str,
    /// Prefix of IAM actions (`braket:CreateQuantumTask`), quoted in `AccessDenied` messages.
    pub iam: &'static str,
    /// First label of the API endpoint host.
    pub endpoint: &'static str,
    /// Global services are served from one endpoint and log in us-east-1.
    pub global: bool,
    pub event_version: &'static str,
    /// AWS CLI command group, for the `command/<group>.<operation>` user-agent suffix.
    pub cli: &'static str,
    pub denied: &'static str,
    pub throttled: &'static str,
    pub not_found: &'static str,
    pub invalid: &'static str,
}

const fn service(
    source: &'static str,
    iam: &'static str,
    endpoint: &'static str,
    global: bool,
    cli: &'static str,
    codes: [&'static str; 4],
) -> Service {
    let [denied, throttled, not_found, invalid] = codes;
    let event_version = if global { "1.08" } else { "1.09" };
    Service {
        source,
        iam,
        endpoint,
        global,
        event_version,
        cli,
        denied,
        throttled,
        not_found,
        invalid,
    }
}

const ADE: &str = "AccessDeniedException";
const TE: &str = "ThrottlingException";
const RNF: &str = "ResourceNotFoundException";
const VE: &str = "ValidationException";

#[rustfmt::skip]
pub const SERVICES: [Service; 21] = [
    service("braket.amazonaws.com", "braket", "braket", false, "braket", [ADE, TE, RNF, VE]),
    service("s3.amazonaws.com", "s3", "s3", false, "s3api", ["AccessDenied", "SlowDown", "NoSuchKey", "InvalidRequest"]),
    service("ec2.amazonaws.com", "ec2", "ec2", false, "ec2",
        ["Client.UnauthorizedOperation", "Client.RequestLimitExceeded", "Client.InvalidInstanceID.NotFound", "Client.InvalidParameterValue"]),
    service("iam.amazonaws.com", "iam", "iam", true, "iam", ["AccessDenied", "Throttling", "NoSuchEntityException", "ValidationError"]),
    service("sts.amazonaws.com", "sts", "sts", false, "sts", ["AccessDenied", "Throttling", "RegionDisabledException", "ValidationError"]),
    service("kms.amazonaws.com", "kms", "kms", false, "kms", [ADE, TE, "NotFoundException", VE]),
    service("lambda.amazonaws.com", "lambda", "lambda", false, "lambda", [ADE, "TooManyRequestsException", RNF, "InvalidParameterValueException"]),
    service("logs.amazonaws.com", "logs", "logs", false, "logs", [ADE, TE, RNF, "InvalidParameterException"]),
    service("monitoring.amazonaws.com", "cloudwatch", "monitoring", false, "cloudwatch", ["AccessDenied", "Throttling", "ResourceNotFound", "InvalidParameterValue"]),
    service("sso.amazonaws.com", "sso", "sso", false, "sso-admin", [ADE, TE, RNF, VE]),
    service("signin.amazonaws.com", "signin", "signin", true, "signin", [ADE, TE, RNF, VE]),
    service("cloudtrail.amazonaws.com", "cloudtrail", "cloudtrail", false, "cloudtrail", [ADE, TE, "TrailNotFoundException", "InvalidParameterCombinationException"]),
    service("secretsmanager.amazonaws.com", "secretsmanager", "secretsmanager", false, "secretsmanager", [ADE, TE, RNF, "InvalidRequestException"]),
    service("ecr.amazonaws.com", "ecr", "api.ecr", false, "ecr", [ADE, TE, "RepositoryNotFoundException", "InvalidParameterException"]),
    service("ecs.amazonaws.com", "ecs", "ecs", false, "ecs", [ADE, TE, "ClusterNotFoundException", "InvalidParameterException"]),
    service("dynamodb.amazonaws.com", "dynamodb", "dynamodb", false, "dynamodb", [ADE, TE, RNF, VE]),
    service("sns.amazonaws.com", "sns", "sns", false, "sns", ["AuthorizationError", "Throttled", "NotFound", "InvalidParameter"]),
    service("sqs.amazonaws.com", "sqs", "sqs", false, "sqs", ["AccessDenied", "RequestThrottled", "AWS.SimpleQueueService.NonExistentQueue", "InvalidParameterValue"]),
    service("config.amazonaws.com", "config", "config", false, "configservice", [ADE, TE, "NoSuchConfigRuleException", "InvalidParameterValueException"]),
    service("ssm.amazonaws.com", "ssm", "ssm", false, "ssm", [ADE, TE, "ParameterNotFound", VE]),
    service("cloudformation.amazonaws.com", "cloudformation", "cloudformation", false, "cloudformation", ["AccessDenied", "Throttling", "ValidationError", "ValidationError"]),
];

/// Persona bits: which kinds of principal plausibly make a call.
pub mod who {
    pub const HUMAN: u8 = 1;
    pub const CI: u8 = 2;
    pub const APP: u8 = 4;
    pub const SERVICE: u8 = 8;
    pub const ROOT: u8 = 16;
    pub const TOOL: u8 = 32;
}

/// Where a request field's value comes from.
#[derive(Debug, Clone, Copy)]
pub enum Ref {
    Lit(&'static str),
    Num(i64),
    Bool(bool),
    /// A fresh identifier: the prefix followed by 17 hex digits (EC2 style).
    Fresh(&'static str),
    Uuid,
    Bucket,
    Role,
    User,
    PolicyArn,
    Function,
    FunctionArn,
    LogGroup,
    Secret,
    Repo,
    Cluster,
    Table,
    TableArn,
    QueueUrl,
    QueueName,
    TopicArn,
    KmsArn,
    Instance,
    Volume,
    SecurityGroup,
    Subnet,
    Trail,
    TrailArn,
    Stack,
    Parameter,
    Alarm,
    ConfigRule,
    SsoInstance,
    PermissionSet,
    Account,
    Digest,
}

pub type Fields = &'static [(&'static str, Ref)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Braket {
    CreateTask,
    GetTask,
    CancelTask,
    SearchTasks,
    CreateJob,
    GetJob,
    CancelJob,
    SearchJobs,
    GetDevice,
    SearchDevices,
    ListTags,
    Tag,
    Untag,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kms {
    Decrypt,
    Encrypt,
    GenerateDataKey,
}

/// EC2 instance state transitions: `(code, name)` before and after.
pub type Transition = Option<((i64, &'static str), (i64, &'static str))>;

#[derive(Debug, Clone, Copy)]
pub enum Shape {
    Null,
    Fields(Fields),
    /// A bucket-level S3 call; the string names the sub-resource query parameter, if any.
    S3Bucket(&'static str),
    S3Object,
    AssumeRole,
    Kms(Kms),
    Ec2Instances(Transition),
    /// An EC2 describe call with an empty `<name>` item set and an empty `filterSet`.
    Ec2Set(&'static str),
    Ec2Tags,
    RunInstances,
    MetricData,
    LambdaInvoke,
    SignIn,
    Braket(Braket),
}

pub mod flag {
    pub const READ: u8 = 1;
    pub const DATA: u8 = 2;
}

pub struct Action {
    pub service: usize,
    pub name: &'static str,
    pub weight: u32,
    pub who: u8,
    pub flags: u8,
    pub shape: Shape,
}

impl Action {
    pub fn read_only(&self) -> bool {
        self.flags & flag::READ != 0
    }

    pub fn data_event(&self) -> bool {
        self.flags & flag::DATA != 0
    }

    /// The operation name without the API-version suffix Lambda appends in `CloudTrail`.
    pub fn operation(&self) -> &'static str {
        let end = self
            .name
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(self.name.len());
        &self.name[..end]
    }
}

pub const fn act(
    service: usize,
    name: &'static str,
    weight: u32,
    who: u8,
    flags: u8,
    shape: Shape,
) -> Action {
    Action {
        service,
        name,
        weight,
        who,
        flags,
        shape,
    }
}

/// Per-run derived tables: popularity sampler, CLI suffixes and endpoint hosts.
pub struct Catalog {
    pub popularity: Weighted,
    cli_suffix: Vec<String>,
    hosts: Vec<[String; REGIONS.len()]>,
}

impl Catalog {
    pub fn new() -> Self {
        let popularity = Weighted::new(ACTIONS.iter().map(|a| u64::from(a.weight)));
        let cli_suffix = ACTIONS.iter().map(cli_suffix).collect();
        let hosts = SERVICES
            .iter()
            .map(|s| {
                REGIONS.map(|region| {
                    if s.global {
                        format!("{}.amazonaws.com", s.endpoint)
                    } else {
                        format!("{}.{region}.amazonaws.com", s.endpoint)
                    }
                })
            })
            .collect();
        Self {
            popularity,
            cli_suffix,
            hosts,
        }
    }

    pub fn action(index: usize) -> &'static Action {
        &ACTIONS[index]
    }

    pub fn cli_suffix(&self, action: usize) -> &str {
        &self.cli_suffix[action]
    }

    pub fn host(&self, service: usize, region: usize) -> &str {
        &self.hosts[service][region]
    }
}

fn cli_suffix(action: &Action) -> String {
    let mut out = format!(" command/{}.", SERVICES[action.service].cli);
    let chars: Vec<char> = action.operation().chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && c.is_ascii_uppercase() {
            // Acronyms stay together: ListMFADevices is list-mfa-devices.
            let after_lower = !chars[i - 1].is_ascii_uppercase();
            let starts_word = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            if after_lower || starts_word {
                out.push('-');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_is_large_and_consistent() {
        assert!(ACTIONS.len() >= 190, "{} actions", ACTIONS.len());
        let mut names: Vec<_> = ACTIONS.iter().map(|a| (a.service, a.name)).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ACTIONS.len(), "duplicate action rows");
        assert!(
            ACTIONS
                .iter()
                .all(|a| a.weight > 0 && a.who != 0 && a.service < SERVICES.len())
        );
        // The generic payload builder has room for four request fields.
        assert!(
            ACTIONS
                .iter()
                .all(|a| !matches!(a.shape, Shape::Fields(f) if f.len() > 4))
        );
    }

    #[test]
    fn cli_suffix_is_kebab_case_without_version() {
        let cat = Catalog::new();
        let i = ACTIONS
            .iter()
            .position(|a| a.name == "GetFunction20150331v2")
            .expect("in table");
        assert_eq!(cat.cli_suffix(i), " command/lambda.get-function");
        let i = ACTIONS
            .iter()
            .position(|a| a.name == "ListMFADevices")
            .expect("in table");
        assert_eq!(cat.cli_suffix(i), " command/iam.list-mfa-devices");
    }
}
