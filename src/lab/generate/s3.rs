//! S3 payloads: bucket configuration calls and object-level data events.

use fastrand::Rng;

use super::ids;
use super::json::Val;
use super::shapes::{Call, Payload, Resource, kms_arn, pick, pick_str};
use super::vocabulary;

/// The bytes S3 reports sending back with an error document.
const ERROR_BODY: i64 = 243;

/// The request metadata S3 attaches to every call it logs.
fn extra(id2: &str, bytes_in: i64, bytes_out: i64) -> [(&'static str, Val<'_>); 6] {
    [
        ("SignatureVersion", Val::Str("SigV4")),
        ("CipherSuite", Val::Str("TLS_AES_128_GCM_SHA256")),
        ("bytesTransferredIn", Val::Num(bytes_in)),
        ("AuthenticationMethod", Val::Str("AuthHeader")),
        ("x-amz-id-2", Val::Str(id2)),
        ("bytesTransferredOut", Val::Num(bytes_out)),
    ]
}

/// A bucket addressed virtual-host style, with S3's opaque request id.
struct Bucket<'w> {
    name: &'w str,
    host: String,
    arn: String,
    id2: String,
}

impl<'w> Bucket<'w> {
    fn new(call: &Call<'w>, rng: &mut Rng) -> Self {
        let name = pick_str(rng, &call.account.buckets);
        let mut id2 = ids::base64(rng, 75);
        id2.push('=');
        Self {
            name,
            host: format!("{name}.s3.{}.amazonaws.com", call.region_name()),
            arn: format!("arn:aws:s3:::{name}"),
            id2,
        }
    }
}

pub fn bucket_call<R>(
    call: &Call,
    rng: &mut Rng,
    sub: &'static str,
    k: impl FnOnce(&Payload) -> R,
) -> R {
    let bucket = Bucket::new(call, rng);
    let value = if sub == "list-type" { "2" } else { "" };
    let req = [
        ("bucketName", Val::Str(bucket.name)),
        ("Host", Val::Str(&bucket.host)),
        (sub, Val::Str(value)),
    ];
    let req = if sub.is_empty() { &req[..2] } else { &req[..] };
    let sent = if call.failed {
        ERROR_BODY
    } else {
        i64::from(rng.u32(300..4_000))
    };
    let extra = extra(&bucket.id2, 0, sent);
    let resources = [Resource {
        account_id: Some(&call.account.id),
        kind: "AWS::S3::Bucket",
        arn: &bucket.arn,
    }];
    k(&Payload {
        req: Val::Obj(req),
        resp: Val::Null,
        extra: Some(Val::Obj(&extra)),
        resources: &resources,
        host: Some(&bucket.host),
    })
}

pub fn object_call<R>(call: &Call, rng: &mut Rng, k: impl FnOnce(&Payload) -> R) -> R {
    let bucket = Bucket::new(call, rng);
    let prefix = pick(rng, vocabulary::OBJECT_PREFIXES);
    let key = format!(
        "{prefix}/{}/{}",
        ids::uuid(rng),
        pick(rng, vocabulary::OBJECT_SUFFIXES)
    );
    let object_arn = format!("{}/{key}", bucket.arn);
    let put = call.action.name == "PutObject";
    let size = i64::from(rng.u32(200..5_000_000));
    let extra = match (put, call.failed) {
        (_, true) => extra(&bucket.id2, 0, ERROR_BODY),
        (true, false) => extra(&bucket.id2, size, 0),
        (false, false) => extra(&bucket.id2, 0, size),
    };
    let key_arn = kms_arn(call, rng);
    let sse = [
        ("x-amz-server-side-encryption", Val::Str("aws:kms")),
        (
            "x-amz-server-side-encryption-aws-kms-key-id",
            Val::Str(&key_arn),
        ),
    ];
    let resources = [
        Resource {
            account_id: None,
            kind: "AWS::S3::Object",
            arn: &object_arn,
        },
        Resource {
            account_id: Some(&call.account.id),
            kind: "AWS::S3::Bucket",
            arn: &bucket.arn,
        },
    ];
    let req = [
        ("bucketName", Val::Str(bucket.name)),
        ("Host", Val::Str(&bucket.host)),
        ("key", Val::Str(&key)),
    ];
    k(&Payload {
        req: Val::Obj(&req),
        resp: if put && !call.failed {
            Val::Obj(&sse)
        } else {
            Val::Null
        },
        extra: Some(Val::Obj(&extra)),
        resources: &resources,
        host: Some(&bucket.host),
    })
}
