//! The serialized shape of one `CloudTrail` record, as the generator writes it.

use std::borrow::Cow;
use std::io;

use fastrand::Rng;
use serde::Serialize;

use super::super::super::catalog::{SERVICES, svc};
use super::super::super::clock;
use super::super::super::errors::Failure;
use super::super::super::ids;
use super::super::super::json::{EMPTY, Val};
use super::super::super::shapes::{Call, Payload, Resource};
use super::super::super::world::{Client, Who};
use super::super::sso::{SAML_ACTION, SAML_QUALIFIER};
use super::{Addr, Caller, Ua};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Record<'a> {
    event_version: &'a str,
    user_identity: UserIdentity<'a>,
    event_time: &'a str,
    event_source: &'a str,
    event_name: &'a str,
    aws_region: &'a str,
    #[serde(rename = "sourceIPAddress")]
    source_ip_address: &'a str,
    user_agent: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_message: Option<&'a str>,
    request_parameters: Val<'a>,
    response_elements: Val<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    additional_event_data: Option<Val<'a>>,
    #[serde(rename = "requestID", skip_serializing_if = "Option::is_none")]
    request_id: Option<&'a str>,
    #[serde(rename = "eventID")]
    event_id: &'a str,
    read_only: bool,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    resources: &'a [Resource<'a>],
    event_type: &'a str,
    management_event: bool,
    recipient_account_id: &'a str,
    event_category: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    tls_details: Option<TlsDetails<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_credential_from_console: Option<&'a str>,
}

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct UserIdentity<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    principal_id: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    arn: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    account_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    access_key_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_context: Option<SessionContext<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    identity_provider: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionContext<'a> {
    session_issuer: Issuer<'a>,
    web_id_federation_data: Val<'a>,
    attributes: Attributes<'a>,
}

/// Serializes as `{}` for IAM users and root, whose sessions have no issuing role.
#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct Issuer<'a> {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    principal_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    arn: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    account_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_name: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Attributes<'a> {
    creation_date: &'a str,
    mfa_authenticated: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TlsDetails<'a> {
    tls_version: &'a str,
    cipher_suite: &'a str,
    client_provided_host_header: &'a str,
}

/// The per-record values that do not depend on the action's payload.
pub struct Scalars<'w> {
    event_time: String,
    creation_date: String,
    event_id: String,
    request_id: String,
    ua: Cow<'w, str>,
    ip: &'w str,
    console: bool,
    tls13: bool,
    failure: Option<Failure>,
}

pub fn scalars<'w>(
    rng: &mut Rng,
    call: &Call<'w>,
    (caller, issued, failure): (Caller, Option<i64>, Option<Failure>),
    cli_suffix: &str,
) -> Scalars<'w> {
    let (ua, ip, console) = agent(call, caller, cli_suffix);
    let request_id = if call.action.service == svc::S3 {
        ids::hex(rng, 16).to_ascii_uppercase()
    } else {
        ids::uuid(rng)
    };
    // Without a known sign-in, the session is assumed to have begun within the past hour.
    let issued = issued.unwrap_or_else(|| call.time - i64::from(rng.u32(20..3_600)));
    Scalars {
        event_time: clock::iso(call.time),
        creation_date: clock::iso(issued),
        event_id: ids::uuid(rng),
        request_id,
        ua,
        ip,
        console,
        tls13: ids::chance(rng, 600),
        failure,
    }
}

/// The user agent, source address and whether the call came from the console.
fn agent<'w>(call: &Call<'w>, caller: Caller, cli_suffix: &str) -> (Cow<'w, str>, &'w str, bool) {
    let identity = call.identity;
    let ip = match caller.ip {
        Addr::Own(i) => identity.ips[i].as_str(),
        Addr::At(ip) => ip,
    };
    match (&identity.who, caller.ua) {
        (Who::Service(principal), _) => (Cow::Borrowed(*principal), *principal, false),
        (_, Ua::Is(ua)) => (Cow::Borrowed(ua), ip, false),
        (_, Ua::Own(client)) => {
            let ua = identity
                .agents
                .iter()
                .find(|(c, _)| *c == client)
                .map_or("", |(_, ua)| ua.as_str());
            let ua = match client {
                Client::Cli => Cow::Owned(format!("{ua}{cli_suffix}")),
                _ => Cow::Borrowed(ua),
            };
            (ua, ip, client == Client::Console)
        }
    }
}

fn user_identity<'a>(call: &Call<'a>, s: &'a Scalars) -> UserIdentity<'a> {
    if call.action.service == SAML_ACTION.service && call.action.name == SAML_ACTION.name {
        return saml_user(call);
    }
    let identity = call.identity;
    let sign_in = call.action.service == svc::SIGNIN;
    let (kind, user_name) = match &identity.who {
        Who::Service(principal) => {
            return UserIdentity {
                kind: "AWSService",
                principal_id: Some(Cow::Borrowed(*principal)),
                ..UserIdentity::default()
            };
        }
        Who::User(name) => ("IAMUser", Some(name.as_str())),
        Who::Root => ("Root", None),
        Who::Role { .. } => ("AssumedRole", None),
    };
    let key = if s.console {
        &identity.console_key
    } else {
        &identity.access_key
    };
    UserIdentity {
        kind,
        principal_id: Some(Cow::Borrowed(&identity.principal_id)),
        arn: Some(&identity.arn),
        account_id: Some(&call.account.id),
        access_key_id: (!sign_in).then_some(key.as_str()),
        user_name,
        session_context: session_context(call, s),
        identity_provider: None,
    }
}

/// Role sessions always name their issuer; user and root sessions exist only in the console.
fn session_context<'a>(call: &Call<'a>, s: &'a Scalars) -> Option<SessionContext<'a>> {
    let issuer = match &call.identity.who {
        Who::Role { role } => role_issuer(call, *role),
        _ if s.console && call.action.service != svc::SIGNIN => Issuer::default(),
        _ => return None,
    };
    Some(SessionContext {
        session_issuer: issuer,
        web_id_federation_data: EMPTY,
        attributes: Attributes {
            creation_date: &s.creation_date,
            mfa_authenticated: if call.identity.mfa { "true" } else { "false" },
        },
    })
}

/// A federated sign-in is made by the SAML subject, not yet by the role session it creates.
fn saml_user<'a>(call: &Call<'a>) -> UserIdentity<'a> {
    let session = call.identity.arn.rsplit('/').next().unwrap_or_default();
    UserIdentity {
        kind: "SAMLUser",
        principal_id: Some(Cow::Owned(format!("{SAML_QUALIFIER}:{session}"))),
        user_name: Some(session),
        identity_provider: Some(SAML_QUALIFIER),
        ..UserIdentity::default()
    }
}

fn role_issuer<'a>(call: &Call<'a>, role: usize) -> Issuer<'a> {
    let role = &call.world.roles[role];
    Issuer {
        kind: Some("Role"),
        principal_id: Some(&role.principal_id),
        arn: Some(&role.arn),
        account_id: Some(&call.account.id),
        user_name: Some(&role.name),
    }
}

/// Calls AWS makes on its own behalf do not arrive over a client's TLS connection.
fn tls_details<'a>(call: &Call, s: &Scalars, host: &'a str) -> Option<TlsDetails<'a>> {
    let tls13 = s.tls13;
    (!matches!(call.identity.who, Who::Service(_))).then_some(TlsDetails {
        tls_version: if tls13 { "TLSv1.3" } else { "TLSv1.2" },
        cipher_suite: if tls13 {
            "TLS_AES_128_GCM_SHA256"
        } else {
            "ECDHE-RSA-AES128-GCM-SHA256"
        },
        client_provided_host_header: host,
    })
}

pub fn write(
    out: &mut Vec<u8>,
    call: &Call,
    s: &Scalars,
    payload: &Payload,
    default_host: &str,
) -> io::Result<()> {
    let sign_in = call.action.service == svc::SIGNIN;
    let data = call.action.data_event();
    let record = Record {
        event_version: SERVICES[call.action.service].event_version,
        user_identity: user_identity(call, s),
        event_time: &s.event_time,
        event_source: SERVICES[call.action.service].source,
        event_name: call.action.name,
        aws_region: call.region_name(),
        source_ip_address: s.ip,
        user_agent: &s.ua,
        error_code: s.failure.as_ref().and_then(|f| f.code),
        error_message: s.failure.as_ref().map(|f| f.message.as_str()),
        request_parameters: payload.req,
        response_elements: payload.resp,
        additional_event_data: payload.extra,
        request_id: (!sign_in).then_some(s.request_id.as_str()),
        event_id: &s.event_id,
        read_only: call.action.read_only(),
        resources: payload.resources,
        event_type: if sign_in {
            "AwsConsoleSignIn"
        } else {
            "AwsApiCall"
        },
        management_event: !data,
        recipient_account_id: &call.account.id,
        event_category: if data { "Data" } else { "Management" },
        tls_details: tls_details(call, s, payload.host.unwrap_or(default_host)),
        session_credential_from_console: (s.console && !sign_in).then_some("true"),
    };
    serde_json::to_writer(out, &record).map_err(io::Error::from)
}
