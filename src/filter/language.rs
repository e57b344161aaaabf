//! The filter language in brief, as the explorer's help and `qtrail query --help` list it.

/// Each form a term takes, and what it means.
pub const LANGUAGE: &[(&str, &str)] = &[
    (
        "field:value",
        "fields: action identity service outcome ip region account",
    ),
    ("", "provider error ua id type actor job first"),
    (
        "field:a,b",
        "either value; * is a wildcard; values ignore case",
    ),
    ("-term", "not this"),
    ("\"two words\"", "quotes for spaces and , : -"),
    ("since:T until:T", "RFC 3339, a date, or an age: 15m 2h 7d"),
    ("word", "anywhere in the original record"),
    (
        "a.b.c:value",
        "a JSON path into the original (requestParameters.shots:100)",
    ),
    (
        "identity:user/ana",
        "an identity in full or as shown (user/ana, Role/session)",
    ),
    (
        "actor:user/ana",
        "her calls and those of every session she started",
    ),
    (
        "job:ID",
        "every event of a quantum task, hybrid job or Qiskit job",
    ),
    (
        "first:action",
        "each identity's first use of an action (also ip, agent)",
    ),
];
