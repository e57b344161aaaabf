//! Action-specific `requestParameters`, `responseElements`, `resources` and extras.
//!
//! Each builder assembles its borrowed JSON tree on its own stack and hands it to a
//! continuation, which serializes the record before the tree goes out of scope.

use fastrand::Rng;
use serde::Serialize;

use super::catalog::{Action, Fields, Kms, Ref, Shape};
use super::clock;
use super::ids;
use super::json::{EMPTY, Val};
use super::vocabulary;
use super::world::{Account, Identity, REGIONS, Who, World};
use super::{access, ec2, s3};

/// Everything about one API call that the payload builders may draw on.
pub struct Call<'w> {
    pub action: &'static Action,
    pub identity: &'w Identity,
    pub identity_index: usize,
    pub account: &'w Account,
    pub world: &'w World,
    pub region: usize,
    pub time: i64,
    pub failed: bool,
}

impl Call<'_> {
    pub fn region_name(&self) -> &'static str {
        REGIONS[self.region]
    }
}

#[derive(Serialize)]
pub struct Resource<'a> {
    #[serde(rename = "accountId", skip_serializing_if = "Option::is_none")]
    pub account_id: Option<&'a str>,
    #[serde(rename = "type")]
    pub kind: &'a str,
    #[serde(rename = "ARN")]
    pub arn: &'a str,
}

pub struct Payload<'a> {
    pub req: Val<'a>,
    pub resp: Val<'a>,
    pub extra: Option<Val<'a>>,
    pub resources: &'a [Resource<'a>],
    /// The `Host` header when it is not the service's regional endpoint (S3 virtual hosts).
    pub host: Option<&'a str>,
}

impl<'a> Payload<'a> {
    pub fn request(req: Val<'a>) -> Self {
        Self {
            req,
            resp: Val::Null,
            extra: None,
            resources: &[],
            host: None,
        }
    }
}

/// A field value that is either borrowed from the world or made for this record.
pub enum Piece<'w> {
    Text(&'w str),
    Owned(String),
    Num(i64),
    Bool(bool),
}

impl Piece<'_> {
    pub fn val(&self) -> Val<'_> {
        match self {
            Piece::Text(s) => Val::Str(s),
            Piece::Owned(s) => Val::Str(s),
            Piece::Num(n) => Val::Num(*n),
            Piece::Bool(b) => Val::Bool(*b),
        }
    }
}

const TRAIL: &str = "management-events";

pub fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

pub fn pick_str<'a, S: AsRef<str>>(rng: &mut Rng, items: &'a [S]) -> &'a str {
    pick(rng, items).as_ref()
}

/// Builds the payload of any non-Braket action and passes it to `k`.
pub fn build<R>(call: &Call, rng: &mut Rng, k: impl FnOnce(&Payload) -> R) -> R {
    match call.action.shape {
        Shape::Null | Shape::Braket(_) => k(&Payload::request(Val::Null)),
        Shape::Fields(list) => fields(call, rng, list, k),
        Shape::S3Bucket(sub) => s3::bucket_call(call, rng, sub, k),
        Shape::S3Object => s3::object_call(call, rng, k),
        Shape::AssumeRole => access::assume_role(call, rng, k),
        Shape::Kms(op) => kms(call, rng, op, k),
        Shape::Ec2Instances(transition) => ec2::instances(call, rng, transition, k),
        Shape::Ec2Set(set) => k(&Payload::request(Val::Obj(&[
            (set, EMPTY),
            ("filterSet", EMPTY),
        ]))),
        Shape::Ec2Tags => ec2::tags(call, rng, k),
        Shape::RunInstances => ec2::run_instances(call, rng, k),
        Shape::MetricData => metric_data(call, rng, k),
        Shape::LambdaInvoke => lambda_invoke(call, rng, k),
        Shape::SignIn => access::sign_in(call, rng, k),
    }
}

fn fields<R>(call: &Call, rng: &mut Rng, list: Fields, k: impl FnOnce(&Payload) -> R) -> R {
    let n = list.len().min(4);
    let pieces: [Piece; 4] = std::array::from_fn(|i| match list.get(i) {
        Some(&(_, r)) if i < n => resolve(call, rng, r),
        _ => Piece::Num(0),
    });
    let vals: [(&str, Val); 4] =
        std::array::from_fn(|i| (list.get(i).map_or("", |f| f.0), pieces[i].val()));
    k(&Payload::request(Val::Obj(&vals[..n])))
}

/// Produces the value a request field refers to, consistent with the caller's account and region.
pub fn resolve<'w>(call: &Call<'w>, rng: &mut Rng, r: Ref) -> Piece<'w> {
    match r {
        Ref::Lit(s) => Piece::Text(s),
        Ref::Num(n) => Piece::Num(n),
        Ref::Bool(b) => Piece::Bool(b),
        Ref::Fresh("AKIA") => Piece::Owned(ids::access_key(rng, "AKIA")),
        Ref::Fresh(prefix) => Piece::Owned(format!("{prefix}{}", ids::hex(rng, 16))),
        Ref::Uuid => Piece::Owned(ids::uuid(rng)),
        Ref::Digest => Piece::Owned(ids::hex(rng, 32)),
        Ref::PolicyArn
        | Ref::FunctionArn
        | Ref::LogGroup
        | Ref::TableArn
        | Ref::QueueUrl
        | Ref::TopicArn
        | Ref::KmsArn
        | Ref::TrailArn => Piece::Owned(locator(call, rng, r)),
        _ => Piece::Text(name(call, rng, r)),
    }
}

/// Names of existing resources, borrowed from the world.
fn name<'w>(call: &Call<'w>, rng: &mut Rng, r: Ref) -> &'w str {
    let account = call.account;
    match r {
        Ref::Bucket => pick_str(rng, &account.buckets),
        Ref::Role => &call.world.roles[*pick(rng, &account.roles)].name,
        Ref::User => user_name(call, rng),
        Ref::Function => pick_str(rng, vocabulary::LAMBDA_FUNCTIONS),
        Ref::Secret => pick_str(rng, vocabulary::SECRETS),
        Ref::Repo => pick_str(rng, vocabulary::REPOSITORIES),
        Ref::Cluster => pick_str(rng, vocabulary::CLUSTERS),
        Ref::Table => pick_str(rng, vocabulary::TABLES),
        Ref::QueueName => pick_str(rng, vocabulary::QUEUES),
        Ref::Instance => pick_str(rng, &account.instances),
        Ref::Volume => pick_str(rng, &account.volumes),
        Ref::SecurityGroup => pick_str(rng, &account.security_groups),
        Ref::Subnet => pick_str(rng, &account.subnets),
        Ref::Trail => TRAIL,
        Ref::Stack => pick_str(rng, vocabulary::STACKS),
        Ref::Parameter => pick_str(rng, vocabulary::PARAMETERS),
        Ref::Alarm => pick_str(rng, vocabulary::ALARMS),
        Ref::ConfigRule => pick_str(rng, vocabulary::CONFIG_RULES),
        Ref::SsoInstance => &call.world.sso_instance,
        Ref::PermissionSet => pick_str(rng, &call.world.permission_sets),
        _ => &account.id,
    }
}

/// ARNs, URLs and paths, which embed the caller's account and region.
fn locator(call: &Call, rng: &mut Rng, r: Ref) -> String {
    let (acct, region) = (call.account.id.as_str(), call.region_name());
    match r {
        Ref::PolicyArn => format!(
            "arn:aws:iam::{acct}:policy/{}",
            pick(rng, vocabulary::POLICIES)
        ),
        Ref::FunctionArn => function_arn(call, rng),
        Ref::LogGroup => format!("/aws/lambda/{}", pick(rng, vocabulary::LAMBDA_FUNCTIONS)),
        Ref::TableArn => {
            format!(
                "arn:aws:dynamodb:{region}:{acct}:table/{}",
                pick(rng, vocabulary::TABLES)
            )
        }
        Ref::QueueUrl => {
            format!(
                "https://sqs.{region}.amazonaws.com/{acct}/{}",
                pick(rng, vocabulary::QUEUES)
            )
        }
        Ref::TopicArn => format!(
            "arn:aws:sns:{region}:{acct}:{}",
            pick(rng, vocabulary::TOPICS)
        ),
        Ref::KmsArn => kms_arn(call, rng),
        // The organisation's single multi-region trail is homed in us-east-1.
        _ => format!("arn:aws:cloudtrail:us-east-1:{acct}:trail/{TRAIL}"),
    }
}

fn user_name<'w>(call: &Call<'w>, rng: &mut Rng) -> &'w str {
    let identity = &call.world.identities[*pick(rng, &call.account.users)];
    match &identity.who {
        Who::User(name) => name,
        _ => "",
    }
}

pub fn function_arn(call: &Call, rng: &mut Rng) -> String {
    let function = pick(rng, vocabulary::LAMBDA_FUNCTIONS);
    format!(
        "arn:aws:lambda:{}:{}:function:{function}",
        call.region_name(),
        call.account.id
    )
}

pub fn kms_arn(call: &Call, rng: &mut Rng) -> String {
    let key = pick(rng, &call.account.kms_keys);
    format!(
        "arn:aws:kms:{}:{}:key/{key}",
        call.region_name(),
        call.account.id
    )
}

fn kms<R>(call: &Call, rng: &mut Rng, op: Kms, k: impl FnOnce(&Payload) -> R) -> R {
    let key = kms_arn(call, rng);
    let bucket = pick(rng, &call.account.buckets);
    let object = format!(
        "arn:aws:s3:::{bucket}/{}/{}",
        pick(rng, vocabulary::OBJECT_PREFIXES),
        ids::hex(rng, 24)
    );
    let context = [("aws:s3:arn", Val::Str(&object))];
    let req_decrypt = [
        ("encryptionContext", Val::Obj(&context)),
        ("encryptionAlgorithm", Val::Str("SYMMETRIC_DEFAULT")),
    ];
    let req_key = [
        ("keyId", Val::Str(&key)),
        ("encryptionContext", Val::Obj(&context)),
        ("keySpec", Val::Str("AES_256")),
    ];
    let req: &[_] = match op {
        Kms::Decrypt => &req_decrypt,
        Kms::GenerateDataKey => &req_key,
        Kms::Encrypt => &req_key[..2],
    };
    let resources = [Resource {
        account_id: Some(&call.account.id),
        kind: "AWS::KMS::Key",
        arn: &key,
    }];
    k(&Payload {
        resources: &resources,
        ..Payload::request(Val::Obj(req))
    })
}

fn metric_data<R>(call: &Call, rng: &mut Rng, k: impl FnOnce(&Payload) -> R) -> R {
    const QUERIES: [(&str, &str, &str); 2] =
        [("m1", "Duration", "Average"), ("m2", "Errors", "Sum")];
    let function = pick_str(rng, vocabulary::LAMBDA_FUNCTIONS);
    let dims = [Val::Obj(&[
        ("name", Val::Str("FunctionName")),
        ("value", Val::Str(function)),
    ])];
    let metrics = QUERIES.map(|(_, metric, _)| {
        let namespace = ("namespace", Val::Str("AWS/Lambda"));
        [
            namespace,
            ("metricName", Val::Str(metric)),
            ("dimensions", Val::Arr(&dims)),
        ]
    });
    let stats: [[(&str, Val); 3]; 2] = std::array::from_fn(|i| {
        let stat = Val::Str(QUERIES[i].2);
        [
            ("metric", Val::Obj(&metrics[i])),
            ("period", Val::Num(300)),
            ("stat", stat),
        ]
    });
    let queries: [[(&str, Val); 3]; 2] = std::array::from_fn(|i| {
        let id = ("id", Val::Str(QUERIES[i].0));
        [
            id,
            ("metricStat", Val::Obj(&stats[i])),
            ("returnData", Val::Bool(true)),
        ]
    });
    let queries = queries.each_ref().map(|q| Val::Obj(q));
    let start = clock::sts_expiration(call.time - 3 * 3600);
    let end = clock::sts_expiration(call.time);
    let req = [
        ("metricDataQueries", Val::Arr(&queries)),
        ("startTime", Val::Str(&start)),
        ("endTime", Val::Str(&end)),
    ];
    k(&Payload::request(Val::Obj(&req)))
}

fn lambda_invoke<R>(call: &Call, rng: &mut Rng, k: impl FnOnce(&Payload) -> R) -> R {
    let arn = function_arn(call, rng);
    let version = format!("{arn}:$LATEST");
    let req = Val::Obj(&[
        ("functionName", Val::Str(&arn)),
        ("invocationType", Val::Str("Event")),
    ]);
    let resources = [Resource {
        account_id: Some(&call.account.id),
        kind: "AWS::Lambda::Function",
        arn: &arn,
    }];
    let extra = Val::Obj(&[("functionVersion", Val::Str(&version))]);
    k(&Payload {
        extra: Some(extra),
        resources: &resources,
        ..Payload::request(req)
    })
}
