//! Identity payloads: STS role assumption and console sign-in.

use fastrand::Rng;

use super::clock;
use super::ids;
use super::json::Val;
use super::shapes::{Call, Payload, Resource, pick};

const SESSION_SECONDS: i64 = 3_600;

pub fn assume_role<R>(call: &Call, rng: &mut Rng, k: impl FnOnce(&Payload) -> R) -> R {
    let role = &call.world.roles[*pick(rng, &call.account.roles)];
    let target = &call.world.identities[*pick(rng, &role.sessions)];
    // An assumed-role ARN ends with the session name.
    let session = target.arn.rsplit('/').next().unwrap_or_default();
    // Real tokens start with the same serialized header; the rest is opaque.
    let token = format!("IQoJb3JpZ2luX2VjE{}", ids::base64(rng, 380));
    // The key the session's own calls are signed with: what links them to this call.
    let key = target.access_key.clone();
    let expiration = clock::sts_expiration(call.time + SESSION_SECONDS);
    let req = [
        ("roleArn", Val::Str(&role.arn)),
        ("roleSessionName", Val::Str(session)),
        ("durationSeconds", Val::Num(SESSION_SECONDS)),
    ];
    let credentials = [
        ("accessKeyId", Val::Str(&key)),
        ("sessionToken", Val::Str(&token)),
        ("expiration", Val::Str(&expiration)),
    ];
    let user = [
        ("assumedRoleId", Val::Str(&target.principal_id)),
        ("arn", Val::Str(&target.arn)),
    ];
    let resp = [
        ("credentials", Val::Obj(&credentials)),
        ("assumedRoleUser", Val::Obj(&user)),
    ];
    let resp = if call.failed {
        Val::Null
    } else {
        Val::Obj(&resp)
    };
    let resources = [Resource {
        account_id: Some(&call.account.id),
        kind: "AWS::IAM::Role",
        arn: &role.arn,
    }];
    k(&Payload {
        resp,
        resources: &resources,
        ..Payload::request(Val::Obj(&req))
    })
}

/// `ConsoleLogin`, `SwitchRole` and `CheckMfa`: the outcome is in `responseElements`, and a
/// failed console login carries only an `errorMessage`.
pub fn sign_in<R>(call: &Call, rng: &mut Rng, k: impl FnOnce(&Payload) -> R) -> R {
    let name = call.action.name;
    let outcome = if call.failed { "Failure" } else { "Success" };
    let state = ids::hex(rng, 16);
    let login_to = format!(
        "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&region={}&state=hashArgsFromTB_{}_{state}",
        call.region_name(),
        call.region_name()
    );
    let mfa_used = if call.identity.mfa { "Yes" } else { "No" };
    let console = [
        ("LoginTo", Val::Str(&login_to)),
        ("MobileVersion", Val::Str("No")),
        ("MFAUsed", Val::Str(mfa_used)),
    ];
    let switch = [
        ("RedirectTo", Val::Str(&login_to)),
        ("SwitchFrom", Val::Str(&call.identity.arn)),
    ];
    let check = [("MfaType", Val::Str("Virtual MFA"))];
    let extra: &[_] = match name {
        "ConsoleLogin" => &console,
        "SwitchRole" => &switch,
        _ => &check,
    };
    let resp = [(name, Val::Str(outcome))];
    k(&Payload {
        resp: Val::Obj(&resp),
        extra: Some(Val::Obj(extra)),
        ..Payload::request(Val::Null)
    })
}
