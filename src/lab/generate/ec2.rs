//! EC2 payloads: instance state changes, tagging, and launches.

use fastrand::Rng;

use super::catalog::Transition;
use super::ids;
use super::json::{EMPTY, Val};
use super::shapes::{Call, Payload, pick_str};
use super::vocabulary;

const INSTANCE_TYPE: &str = "c6i.2xlarge";

pub fn instances<R>(
    call: &Call,
    rng: &mut Rng,
    transition: Transition,
    k: impl FnOnce(&Payload) -> R,
) -> R {
    let instance = pick_str(rng, &call.account.instances);
    let items = [Val::Obj(&[("instanceId", Val::Str(instance))])];
    let set = Val::Obj(&[("items", Val::Arr(&items))]);
    let Some(((before, before_name), (after, after_name))) = transition else {
        let req = [("instancesSet", set), ("filterSet", EMPTY)];
        return k(&Payload::request(Val::Obj(&req)));
    };
    let request_id = ids::uuid(rng);
    let current = [("code", Val::Num(after)), ("name", Val::Str(after_name))];
    let previous = [("code", Val::Num(before)), ("name", Val::Str(before_name))];
    let changed = [Val::Obj(&[
        ("instanceId", Val::Str(instance)),
        ("currentState", Val::Obj(&current)),
        ("previousState", Val::Obj(&previous)),
    ])];
    let resp = [
        ("requestId", Val::Str(&request_id)),
        ("instancesSet", Val::Obj(&[("items", Val::Arr(&changed))])),
    ];
    let resp = if call.failed {
        Val::Null
    } else {
        Val::Obj(&resp)
    };
    let req = [("instancesSet", set), ("force", Val::Bool(false))];
    k(&Payload {
        resp,
        ..Payload::request(Val::Obj(&req))
    })
}

pub fn tags<R>(call: &Call, rng: &mut Rng, k: impl FnOnce(&Payload) -> R) -> R {
    let instance = pick_str(rng, &call.account.instances);
    let project = pick_str(rng, vocabulary::PROJECTS);
    let request_id = ids::uuid(rng);
    let resources = [Val::Obj(&[("resourceId", Val::Str(instance))])];
    let tags = [Val::Obj(&[
        ("key", Val::Str("Project")),
        ("value", Val::Str(project)),
    ])];
    let req = [
        ("resourcesSet", Val::Obj(&[("items", Val::Arr(&resources))])),
        ("tagSet", Val::Obj(&[("items", Val::Arr(&tags))])),
    ];
    let resp = [
        ("requestId", Val::Str(&request_id)),
        ("_return", Val::Bool(true)),
    ];
    let resp = if call.failed {
        Val::Null
    } else {
        Val::Obj(&resp)
    };
    k(&Payload {
        resp,
        ..Payload::request(Val::Obj(&req))
    })
}

/// The identifiers and addresses of one launched instance.
struct Launch<'w> {
    image: String,
    instance: String,
    subnet: &'w str,
    group: &'w str,
    project: &'static str,
    token: String,
    request_id: String,
    reservation: String,
    private_ip: String,
    private_dns: String,
    zone: String,
}

impl<'w> Launch<'w> {
    fn new(call: &Call<'w>, rng: &mut Rng) -> Self {
        let private_ip = format!("10.0.{}.{}", rng.u8(0..64), rng.u8(4..250));
        // us-east-1 predates the regional naming scheme for private DNS names.
        let dns_zone = match call.region_name() {
            "us-east-1" => "ec2.internal".to_owned(),
            region => format!("{region}.compute.internal"),
        };
        Self {
            image: format!("ami-0{}", ids::hex(rng, 16)),
            instance: format!("i-0{}", ids::hex(rng, 16)),
            subnet: pick_str(rng, &call.account.subnets),
            group: pick_str(rng, &call.account.security_groups),
            project: pick_str(rng, vocabulary::PROJECTS),
            token: ids::uuid(rng),
            request_id: ids::uuid(rng),
            reservation: format!("r-0{}", ids::hex(rng, 16)),
            private_dns: format!("ip-{}.{dns_zone}", private_ip.replace('.', "-")),
            private_ip,
            zone: format!("{}a", call.region_name()),
        }
    }
}

pub fn run_instances<R>(call: &Call, rng: &mut Rng, k: impl FnOnce(&Payload) -> R) -> R {
    let launch = Launch::new(call, rng);
    let tags = [Val::Obj(&[
        ("key", Val::Str("Project")),
        ("value", Val::Str(launch.project)),
    ])];
    launch_request(&launch, &tags, |req| {
        if call.failed {
            return k(&Payload::request(req));
        }
        launch_response(&launch, &tags, call, |resp| {
            k(&Payload {
                resp,
                ..Payload::request(req)
            })
        })
    })
}

fn launch_request<R>(launch: &Launch, tags: &[Val], k: impl FnOnce(Val) -> R) -> R {
    let groups = [Val::Obj(&[("groupId", Val::Str(launch.group))])];
    let nics = [Val::Obj(&[
        ("deviceIndex", Val::Num(0)),
        ("subnetId", Val::Str(launch.subnet)),
        ("groupSet", Val::Obj(&[("items", Val::Arr(&groups))])),
    ])];
    let tag_specs = [Val::Obj(&[
        ("resourceType", Val::Str("instance")),
        ("tags", Val::Arr(tags)),
    ])];
    let images = [Val::Obj(&[
        ("imageId", Val::Str(&launch.image)),
        ("minCount", Val::Num(1)),
        ("maxCount", Val::Num(1)),
    ])];
    k(Val::Obj(&[
        ("instancesSet", Val::Obj(&[("items", Val::Arr(&images))])),
        ("instanceType", Val::Str(INSTANCE_TYPE)),
        ("blockDeviceMapping", EMPTY),
        ("monitoring", Val::Obj(&[("enabled", Val::Bool(false))])),
        ("disableApiTermination", Val::Bool(false)),
        ("clientToken", Val::Str(&launch.token)),
        (
            "networkInterfaceSet",
            Val::Obj(&[("items", Val::Arr(&nics))]),
        ),
        (
            "tagSpecificationSet",
            Val::Obj(&[("items", Val::Arr(&tag_specs))]),
        ),
    ]))
}

fn launch_response<R>(launch: &Launch, tags: &[Val], call: &Call, k: impl FnOnce(Val) -> R) -> R {
    let placement = [
        ("availabilityZone", Val::Str(&launch.zone)),
        ("tenancy", Val::Str("default")),
    ];
    let launched = [Val::Obj(&[
        ("instanceId", Val::Str(&launch.instance)),
        ("imageId", Val::Str(&launch.image)),
        (
            "instanceState",
            Val::Obj(&[("code", Val::Num(0)), ("name", Val::Str("pending"))]),
        ),
        ("privateDnsName", Val::Str(&launch.private_dns)),
        ("instanceType", Val::Str(INSTANCE_TYPE)),
        ("launchTime", Val::Num(call.time * 1000)),
        ("placement", Val::Obj(&placement)),
        ("subnetId", Val::Str(launch.subnet)),
        ("privateIpAddress", Val::Str(&launch.private_ip)),
        ("tagSet", Val::Obj(&[("items", Val::Arr(tags))])),
    ])];
    k(Val::Obj(&[
        ("requestId", Val::Str(&launch.request_id)),
        ("reservationId", Val::Str(&launch.reservation)),
        ("ownerId", Val::Str(&call.account.id)),
        ("groupSet", EMPTY),
        ("instancesSet", Val::Obj(&[("items", Val::Arr(&launched))])),
    ]))
}
