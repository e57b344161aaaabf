//! Short forms of long names for narrow columns.

/// An identity without the parts every row repeats: `arn:aws:iam::123456789012:user/ana`
/// becomes `user/ana`, `arn:aws:sts::1:assumed-role/Role/session` becomes
/// `assumed-role/Role/session`. Anything else is returned as it is.
#[must_use]
pub fn short_identity(identity: &str) -> &str {
    if identity.starts_with("arn:") {
        let resource = identity.splitn(6, ':').nth(5);
        if let Some(resource) = resource.filter(|r| !r.is_empty()) {
            return resource;
        }
    }
    identity
}

/// The shortest recognisable form for a narrow column: `user/ana`; an assumed-role
/// session as `Role/session`, IAM Identity Center's `AWSReservedSSO_<Set>_<hex>` role
/// names reduced to their permission set.
#[must_use]
pub fn compact_identity(identity: &str) -> String {
    let short = short_identity(identity);
    // `SAMLUser:<provider key>:eve@uni.example`: the key is long and shared, the user is not.
    if !short.starts_with("arn:")
        && let Some((kind, rest)) = short.split_once(':')
        && let Some((_, user)) = rest.rsplit_once(':')
    {
        return format!("{kind}:…:{user}");
    }
    let Some(rest) = short.strip_prefix("assumed-role/") else {
        return short.to_owned();
    };
    match rest.split_once('/') {
        Some((role, session)) => format!("{}/{session}", sso_set(role)),
        None => sso_set(rest).to_owned(),
    }
}

/// `AWSReservedSSO_QuantumResearch_3f2a9c1d` -> `QuantumResearch`.
fn sso_set(role: &str) -> &str {
    let Some(rest) = role.strip_prefix("AWSReservedSSO_") else {
        return role;
    };
    match rest.rsplit_once('_') {
        Some((set, suffix)) if !set.is_empty() && suffix.chars().all(|c| c.is_ascii_hexdigit()) => {
            set
        }
        _ => rest,
    }
}

/// The role an assumed-role session belongs to: `arn:aws:sts::1:assumed-role/Role/session`
/// gives `Role`.
#[must_use]
pub fn assumed_role(identity: &str) -> Option<&str> {
    let resource = short_identity(identity).strip_prefix("assumed-role/")?;
    resource.split('/').next().filter(|r| !r.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_arns_only() {
        assert_eq!(
            short_identity("arn:aws:iam::123456789012:user/ana"),
            "user/ana"
        );
        assert_eq!(
            short_identity("arn:aws:sts::1:assumed-role/QuantumResearch/ana"),
            "assumed-role/QuantumResearch/ana"
        );
        assert_eq!(short_identity("IBMid-550006ABCD"), "IBMid-550006ABCD");
        assert_eq!(short_identity("arn:broken"), "arn:broken");
        assert_eq!(
            assumed_role("arn:aws:sts::1:assumed-role/QuantumResearch/ana"),
            Some("QuantumResearch")
        );
        assert_eq!(assumed_role("arn:aws:iam::1:user/ana"), None);
        assert_eq!(
            compact_identity(
                "arn:aws:sts::1:assumed-role/AWSReservedSSO_QuantumResearch_3f2a9c1d/ana@uni.example"
            ),
            "QuantumResearch/ana@uni.example"
        );
        assert_eq!(
            compact_identity("assumed-role/AWSReservedSSO_QuantumResearch_3f2a9c1d"),
            "QuantumResearch"
        );
        assert_eq!(compact_identity("arn:aws:iam::1:user/ana"), "user/ana");
        assert_eq!(
            compact_identity("SAMLUser:kD1v3pXq7Yb2=:eve@uni.example"),
            "SAMLUser:…:eve@uni.example"
        );
        assert_eq!(
            compact_identity("AssumedRole:AROAEXAMPLE:job-7"),
            "AssumedRole:…:job-7"
        );
    }
}
