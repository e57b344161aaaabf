//! IAM Identity Center federating researchers into the account with SAML.

use std::io;

use fastrand::Rng;

use super::super::catalog::{Action, Shape, act, flag, svc, who};
use super::super::clock;
use super::super::ids;
use super::super::json::Val;
use super::super::shapes::{Call, Payload, Resource};
use super::super::world::{Client, Identity};
use super::cast::{RESEARCH, SAML_PROVIDER};
use super::trail::{Caller, Sink, Ua};
use super::{Demo, HOUR};

/// The generator's action table has no row for SAML federation.
pub static SAML_ACTION: Action = act(
    svc::STS,
    "AssumeRoleWithSAML",
    1,
    who::HUMAN,
    flag::READ,
    Shape::Null,
);
/// `nameQualifier` of the SAML provider: a hash of its issuer, account and provider name.
pub const SAML_QUALIFIER: &str = "kD1v3pXq7Yb2Zs9wN0mF4tRcE8o=";
/// The Identity Center instance that signs the researchers in.
const ISSUER: &str = "https://portal.sso.eu-central-1.amazonaws.com/saml/assertion/MTExMTIyMjIzMzMzX2lucy1iNGE5ZTJjMGQxZjM4YTc2";
const SESSION: i64 = 8 * HOUR;

/// A researcher opening the research account from the access portal in a browser.
pub fn sign_in(demo: &mut Demo, time: i64, caller: Caller) -> io::Result<()> {
    let portal = Caller {
        ua: Ua::Own(Client::Browser),
        region: 0,
        ..caller
    };
    demo.aws(time, portal, &SAML_ACTION, None, |kit, call, sink| {
        saml(kit.rng, call, sink)
    })?;
    demo.issue(caller.who, time);
    Ok(())
}

/// The values STS makes up for a new session.
struct Issued {
    token: String,
    expiration: String,
    assertion: String,
}

fn saml(rng: &mut Rng, call: &Call, sink: &mut Sink) -> io::Result<()> {
    let session = call.identity.arn.rsplit('/').next().unwrap_or_default();
    let role = &call.world.roles[RESEARCH].arn;
    let issued = Issued {
        // Real session tokens start with the same serialized header; the rest is opaque.
        token: format!("IQoJb3JpZ2luX2VjE{}", ids::base64(rng, 380)),
        expiration: clock::sts_expiration(call.time + SESSION),
        assertion: format!("_{}", ids::hex(rng, 39)),
    };
    let req = [
        ("sAMLAssertionID", Val::Str(&issued.assertion)),
        ("roleSessionName", Val::Str(session)),
        ("principalArn", Val::Str(SAML_PROVIDER)),
        ("roleArn", Val::Str(role)),
        ("durationSeconds", Val::Num(SESSION)),
    ];
    let account = Some(call.account.id.as_str());
    let resources = [
        Resource {
            account_id: account,
            kind: "AWS::IAM::Role",
            arn: role,
        },
        Resource {
            account_id: account,
            kind: "AWS::IAM::SAMLProvider",
            arn: SAML_PROVIDER,
        },
    ];
    response(call.identity, session, &issued, |resp| {
        sink(&Payload {
            resp,
            resources: &resources,
            ..Payload::request(Val::Obj(&req))
        })
    })
}

fn response<R>(identity: &Identity, session: &str, issued: &Issued, k: impl FnOnce(Val) -> R) -> R {
    let credentials = [
        ("accessKeyId", Val::Str(&identity.access_key)),
        ("sessionToken", Val::Str(&issued.token)),
        ("expiration", Val::Str(&issued.expiration)),
    ];
    let user = [
        ("assumedRoleId", Val::Str(&identity.principal_id)),
        ("arn", Val::Str(&identity.arn)),
    ];
    k(Val::Obj(&[
        ("subjectType", Val::Str("persistent")),
        ("issuer", Val::Str(ISSUER)),
        ("credentials", Val::Obj(&credentials)),
        ("nameQualifier", Val::Str(SAML_QUALIFIER)),
        ("assumedRoleUser", Val::Obj(&user)),
        ("subject", Val::Str(session)),
        ("audience", Val::Str("https://signin.aws.amazon.com/saml")),
    ]))
}
