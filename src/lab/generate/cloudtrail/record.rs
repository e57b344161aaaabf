//! The serialized shape of one `CloudTrail` record, for the benchmark generator and the demo.

use std::borrow::Cow;
use std::io;

use serde::Serialize;

use super::super::catalog::{SERVICES, svc};
use super::super::errors::Failure;
use super::super::json::{EMPTY, Val};
use super::super::shapes::{Call, Payload, Resource};
use super::super::world::Who;
use super::INTERNAL;

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
pub struct UserIdentity<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    /// Owned where it is made of parts, as a SAML subject's is.
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
    invoked_by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    identity_provider: Option<&'a str>,
}

impl<'a> UserIdentity<'a> {
    /// A subject signing in through the SAML provider `qualifier`, before it has a role session;
    /// the generator samples no such sign-ins, the demo scripts them.
    pub fn saml(qualifier: &'a str, subject: &'a str) -> Self {
        UserIdentity {
            kind: "SAMLUser",
            principal_id: Some(Cow::Owned(format!("{qualifier}:{subject}"))),
            user_name: Some(subject),
            identity_provider: Some(qualifier),
            ..UserIdentity::default()
        }
    }
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

/// The per-record strings that do not depend on the action's payload.
pub struct Scalars<'w> {
    pub event_time: String,
    pub creation_date: String,
    pub event_id: String,
    pub request_id: String,
    pub agent: Agent<'w>,
    pub tls13: bool,
    pub failure: Option<Failure>,
}

/// The client a call came from: its user agent, source address, and whether it was the console.
pub struct Agent<'w> {
    pub ua: Cow<'w, str>,
    pub ip: &'w str,
    pub console: bool,
}

/// The caller's own identity, with the session its credentials belong to.
pub fn user_identity<'a>(call: &Call<'a>, s: &'a Scalars) -> UserIdentity<'a> {
    let identity = call.identity;
    let (kind, user_name) = match &identity.who {
        Who::Service(principal) => {
            return UserIdentity {
                kind: "AWSService",
                invoked_by: Some(*principal),
                ..UserIdentity::default()
            };
        }
        Who::User(name) => ("IAMUser", Some(name.as_str())),
        Who::Root => ("Root", None),
        Who::Role { .. } => ("AssumedRole", None),
    };
    let key = if s.agent.console {
        &identity.console_key
    } else {
        &identity.access_key
    };
    UserIdentity {
        kind,
        principal_id: Some(Cow::Borrowed(&identity.principal_id)),
        arn: Some(&identity.arn),
        account_id: Some(&call.account.id),
        access_key_id: (call.action.service != svc::SIGNIN).then_some(key.as_str()),
        user_name,
        session_context: session_context(call, s),
        ..UserIdentity::default()
    }
}

/// Role sessions always name their issuer; user and root sessions exist only in the console.
fn session_context<'a>(call: &Call<'a>, s: &'a Scalars) -> Option<SessionContext<'a>> {
    let issuer = match &call.identity.who {
        Who::Role { role } => role_issuer(call, *role),
        _ if s.agent.console && call.action.service != svc::SIGNIN => Issuer::default(),
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
    let internal = s.agent.ip == INTERNAL || matches!(call.identity.who, Who::Service(_));
    (!internal).then_some(TlsDetails {
        tls_version: if s.tls13 { "TLSv1.3" } else { "TLSv1.2" },
        cipher_suite: if s.tls13 {
            "TLS_AES_128_GCM_SHA256"
        } else {
            "ECDHE-RSA-AES128-GCM-SHA256"
        },
        client_provided_host_header: host,
    })
}

/// Writes the record of `call` under `identity`, usually [`user_identity`] of the call.
pub fn write(
    out: &mut Vec<u8>,
    call: &Call,
    identity: UserIdentity,
    s: &Scalars,
    payload: &Payload,
    default_host: &str,
) -> io::Result<()> {
    let service = &SERVICES[call.action.service];
    let agent = &s.agent;
    let failure = s.failure.as_ref();
    let sign_in = call.action.service == svc::SIGNIN;
    let data = call.action.data_event();
    let record = Record {
        event_version: service.event_version,
        user_identity: identity,
        event_time: &s.event_time,
        event_source: service.source,
        event_name: call.action.name,
        aws_region: call.region_name(),
        source_ip_address: agent.ip,
        user_agent: &agent.ua,
        error_code: failure.and_then(|f| f.code),
        error_message: failure.map(|f| f.message.as_str()),
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
        session_credential_from_console: (agent.console && !sign_in).then_some("true"),
    };
    serde_json::to_writer(out, &record).map_err(io::Error::from)
}
