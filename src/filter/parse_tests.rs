use super::*;
use proptest::prelude::*;

/// 2026-03-15T12:00:00Z.
const NOW: i64 = 1_773_576_000_000;
const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
/// 2026-03-01T00:00:00Z.
const MARCH_1: i64 = 1_772_323_200_000;

fn parse(expr: &str) -> Filter {
    Filter::parse(expr, NOW).unwrap_or_else(|err| panic!("`{expr}` should parse: {err}"))
}

fn only(expr: &str) -> Term {
    let mut terms = parse(expr).terms;
    assert_eq!(terms.len(), 1, "`{expr}` should give one term: {terms:?}");
    terms.remove(0)
}

fn err(expr: &str) -> FilterError {
    match Filter::parse(expr, NOW) {
        Ok(filter) => panic!("`{expr}` should be rejected, got {filter:?}"),
        Err(err) => err,
    }
}

/// The field and the alternatives as written.
fn field_of(expr: &str) -> (Field, Vec<String>) {
    match only(expr).kind {
        TermKind::Field { field, any_of } => (
            field,
            any_of.iter().map(|p| p.as_text().to_owned()).collect(),
        ),
        other => panic!("`{expr}` should be a field term, got {other:?}"),
    }
}

fn word(text: &str) -> TermKind {
    TermKind::Word(text.to_owned())
}

#[test]
fn empty_expression_has_no_terms() {
    assert_eq!(parse(""), Filter { terms: vec![] });
    assert_eq!(parse(" \t\n "), Filter::default());
}

#[test]
fn terms_split_on_whitespace() {
    let filter = parse("  action:GetDevice \t outcome:failure\nbraket  ");
    assert_eq!(filter.terms.len(), 3);
    assert_eq!(
        field_of("action:GetDevice"),
        (Field::Action, vec!["GetDevice".to_owned()])
    );
    assert_eq!(filter.terms[2].kind, word("braket"));
}

#[test]
fn value_is_everything_after_the_first_colon() {
    assert_eq!(
        field_of("identity:arn:aws:iam::123:user/ana"),
        (
            Field::Identity,
            vec!["arn:aws:iam::123:user/ana".to_owned()]
        )
    );
}

#[test]
fn every_field_name_parses_case_insensitively() {
    for field in Field::ALL {
        assert_eq!(field_of(&format!("{}:*", field.name())).0, field);
        assert_eq!(
            field_of(&format!("{}:*", field.name().to_uppercase())).0,
            field
        );
    }
    assert_eq!(field_of("AcTiOn:x").0, Field::Action);
    assert!(matches!(
        only("SINCE:2026-03-01").kind,
        TermKind::Since(MARCH_1)
    ));
}

#[test]
fn field_names_are_distinct() {
    let mut names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Field::ALL.len());
}

#[test]
fn unknown_field_is_an_error() {
    let error = err("action:x xyz:abc");
    assert!(
        matches!(&error, FilterError::UnknownField { field, term } if field == "xyz" && term == "xyz:abc")
    );
    assert_eq!(error.term(), "xyz:abc");
    assert_eq!(
        error.to_string(),
        "unknown field `xyz` in term `xyz:abc` (known: action, identity, service, outcome, ip, \
         region, account, provider, error, ua, id, type, actor, job, first, since, until)"
    );
    assert!(
        matches!(err("arn:aws:iam::1:user/a"), FilterError::UnknownField { field, .. } if field == "arn")
    );
}

#[test]
fn non_word_prefix_makes_a_bare_word() {
    assert_eq!(only("10:30").kind, word("10:30"));
    assert_eq!(only(":foo").kind, word(":foo"));
    assert_eq!(only("a1:b").kind, word("a1:b"));
    assert_eq!(only("user/ana:x").kind, word("user/ana:x"));
    assert_eq!(only("é:x").kind, word("é:x"));
}

#[test]
fn bare_words_are_lowercased_and_keep_stars() {
    assert_eq!(only("CreateQuantumTask").kind, word("createquantumtask"));
    assert_eq!(only("ÉCOLE").kind, word("école"));
    assert_eq!(only("Task*").kind, word("task*"));
    assert_eq!(only("a,b").kind, word("a,b"));
    assert!(!only("word").negated);
}

#[test]
fn comma_alternatives() {
    assert_eq!(
        field_of("action:GetDevice,Create*"),
        (
            Field::Action,
            vec!["GetDevice".to_owned(), "Create*".to_owned()]
        )
    );
    for bad in [
        "action:a,,b",
        "action:a,",
        "action:,a",
        "action:",
        "action:\"\"",
        "-region:",
    ] {
        let error = err(bad);
        assert!(
            matches!(error, FilterError::EmptyValue(_)),
            "{bad}: {error:?}"
        );
        assert_eq!(error.term(), bad);
    }
    assert_eq!(
        err("action:a,,b").to_string(),
        "bad filter term `action:a,,b`: empty value; write field:value or field:a,b"
    );
}

#[test]
fn patterns_keep_wildcards_and_match_case_insensitively() {
    let TermKind::Field { any_of, .. } = only("action:*quantum*,get*").kind else {
        panic!("expected a field term");
    };
    assert!(any_of[0].matches("CreateQuantumTask"));
    assert!(!any_of[0].matches("GetDevice"));
    assert!(any_of[1].matches("GetDevice"));
    assert!(!any_of[1].is_exact());
    let TermKind::Field { any_of, .. } = only("region:US-EAST-1").kind else {
        panic!("expected a field term");
    };
    assert_eq!(any_of[0].exact_lowercase(), Some("us-east-1"));
}

#[test]
fn quotes_group_spaces() {
    assert_eq!(
        field_of("ua:\"aws-cli/2.15 Python\""),
        (Field::Ua, vec!["aws-cli/2.15 Python".to_owned()])
    );
    assert_eq!(only("\"access denied\"").kind, word("access denied"));
    assert_eq!(
        field_of("identity:\"arn:aws:iam::1:user/a b\""),
        (Field::Identity, vec!["arn:aws:iam::1:user/a b".to_owned()])
    );
    assert_eq!(
        field_of("ua:aws-cli/\"2.15 Py\"thon").1,
        vec!["aws-cli/2.15 Python".to_owned()]
    );
    assert_eq!(parse("\"a b\" c").terms.len(), 2);
}

#[test]
fn quote_escapes() {
    assert_eq!(only(r#""say \"hi\"""#).kind, word("say \"hi\""));
    assert_eq!(only(r#""back\\slash""#).kind, word("back\\slash"));
    assert_eq!(only(r#""c:\temp""#).kind, word("c:\\temp"));
    assert_eq!(only(r"a\b").kind, word("a\\b"));
}

#[test]
fn quotes_make_colons_commas_and_dashes_literal() {
    assert_eq!(only("\"action:x\"").kind, word("action:x"));
    assert_eq!(only("ab\":\"c").kind, word("ab:c"));
    assert_eq!(
        field_of("ua:\"a, b\",c").1,
        vec!["a, b".to_owned(), "c".to_owned()]
    );
    let term = only("\"-x\"");
    assert!(!term.negated);
    assert_eq!(term.kind, word("-x"));
}

#[test]
fn unterminated_quote_is_an_error() {
    for (expr, term) in [
        ("\"abc", "\"abc"),
        ("ok ua:\"a b  ", "ua:\"a b"),
        (r#""a\""#, r#""a\""#),
    ] {
        let error = err(expr);
        assert!(
            matches!(error, FilterError::UnterminatedQuote(_)),
            "{expr}: {error:?}"
        );
        assert_eq!(error.term(), term);
    }
    assert_eq!(
        err("\"abc").to_string(),
        "bad filter term `\"abc`: unterminated quote"
    );
}

#[test]
fn empty_quoted_word_is_an_error() {
    assert!(matches!(err("\"\""), FilterError::EmptyWord(term) if term == "\"\""));
    assert!(matches!(err("-\"\""), FilterError::EmptyWord(term) if term == "-\"\""));
}

#[test]
fn negation() {
    let term = only("-outcome:success");
    assert!(term.negated);
    assert_eq!(
        term.kind,
        TermKind::Field {
            field: Field::Outcome,
            any_of: vec![Pattern::new("success")]
        }
    );
    let term = only("-\"some words\"");
    assert!(term.negated);
    assert_eq!(term.kind, word("some words"));
    let term = only("-word");
    assert!(term.negated);
    assert_eq!(term.kind, word("word"));
    let term = only("--word");
    assert!(term.negated);
    assert_eq!(term.kind, word("-word"));
    assert!(only("-since:1h").negated);
}

#[test]
fn lone_dash_is_an_error() {
    assert!(matches!(err("action:x - y"), FilterError::LoneDash));
    assert_eq!(
        err("-").to_string(),
        "bad filter term `-`: nothing to negate; write -term"
    );
    assert_eq!(err("-").term(), "-");
}

#[test]
fn closed_fields_check_their_values() {
    for ok in [
        "outcome:success,failure,pending,unknown",
        "outcome:FAIL*",
        "outcome:*",
        "provider:cadf,CloudTrail",
    ] {
        parse(ok);
    }
    assert_eq!(field_of("provider:cloud*").1, vec!["cloud*".to_owned()]);
    let error = err("outcome:success,denied");
    assert!(
        matches!(&error, FilterError::BadValue { field: Field::Outcome, value, .. } if value == "denied")
    );
    assert_eq!(
        error.to_string(),
        "bad filter term `outcome:success,denied`: `denied` matches no outcome \
         (expected success, failure, pending, unknown)"
    );
    assert!(matches!(err("outcome:x*"), FilterError::BadValue { .. }));
    assert_eq!(
        err("provider:aws").to_string(),
        "bad filter term `provider:aws`: `aws` matches no provider (expected cloudtrail, cadf)"
    );
}

#[test]
fn since_and_until_with_rfc3339() {
    assert_eq!(
        only("since:2026-03-01T10:00:00Z").kind,
        TermKind::Since(MARCH_1 + 10 * HOUR)
    );
    assert_eq!(
        only("until:2026-03-01T10:00:00Z").kind,
        TermKind::Until(MARCH_1 + 10 * HOUR)
    );
    assert_eq!(
        only("since:2026-03-01T10:00:00+02:00").kind,
        TermKind::Since(MARCH_1 + 8 * HOUR)
    );
    assert_eq!(
        only("since:2026-03-01T10:00:00.250-01:30").kind,
        TermKind::Since(MARCH_1 + 11 * HOUR + 30 * MINUTE + 250)
    );
}

#[test]
fn dates_are_midnight_utc_and_until_covers_the_day() {
    assert_eq!(only("since:2026-03-01").kind, TermKind::Since(MARCH_1));
    assert_eq!(
        only("until:2026-03-01").kind,
        TermKind::Until(MARCH_1 + DAY)
    );
    assert_eq!(only("until:2026-02-28").kind, TermKind::Until(MARCH_1));
    assert_eq!(only("since:1969-12-31").kind, TermKind::Since(-DAY));
}

#[test]
fn relative_ages_count_back_from_now() {
    for (age, ms) in [
        ("30s", 30_000),
        ("15m", 15 * MINUTE),
        ("2h", 2 * HOUR),
        ("7d", 7 * DAY),
        ("1w", 7 * DAY),
        ("0m", 0),
    ] {
        assert_eq!(
            only(&format!("since:{age}")).kind,
            TermKind::Since(NOW - ms),
            "{age}"
        );
        assert_eq!(
            only(&format!("until:{age}")).kind,
            TermKind::Until(NOW - ms),
            "{age}"
        );
    }
    let filter = Filter::parse("since:1h", 5 * HOUR).map(|f| f.terms[0].kind.clone());
    assert_eq!(filter.ok(), Some(TermKind::Since(4 * HOUR)));
}

#[test]
fn bad_times_are_errors_naming_the_term() {
    for bad in [
        "since:yesterday",
        "until:15",
        "since:m",
        "since:15x",
        "since:15M",
        "since:-5m",
        "since:1.5h",
        "since:2026-02-30",
        "until:2026-03-01T25:00:00Z",
        "since:2026*",
        "since:99999999999999999999d",
        "since:9999999999999w",
    ] {
        let error = err(bad);
        assert!(matches!(error, FilterError::BadTime(_)), "{bad}: {error:?}");
        assert_eq!(error.term(), bad);
    }
    assert_eq!(
        err("since:yesterday").to_string(),
        "bad filter term `since:yesterday`: expected RFC 3339, a date (YYYY-MM-DD) or an age such as 15m, 2h, 7d"
    );
}

#[test]
fn time_alternatives_are_an_error() {
    let error = err("since:1h,2h");
    assert!(matches!(&error, FilterError::TimeAlternatives(term) if term == "since:1h,2h"));
    assert_eq!(
        error.to_string(),
        "bad filter term `since:1h,2h`: a time takes one value, not alternatives"
    );
    assert!(matches!(err("until:"), FilterError::EmptyValue(_)));
}

#[test]
fn display_is_canonical() {
    let filter = parse(
        "  ACTION:Get*,\"a,b\"  -Outcome:failure ua:\"aws cli\" since:2h UNTIL:2026-03-01 -\"access Denied\" 10:30 \"x:y\" \"-z\" \"q\\\"\"",
    );
    assert_eq!(
        filter.to_string(),
        "action:Get*,\"a,b\" -outcome:failure ua:\"aws cli\" since:2026-03-15T10:00:00Z \
         until:2026-03-02T00:00:00Z -\"access denied\" 10:30 \"x:y\" \"-z\" \"q\\\"\""
    );
    assert_eq!(Filter::parse(&filter.to_string(), 0).ok(), Some(filter));
    assert_eq!(
        parse("since:2026-03-01T10:00:00.250Z").to_string(),
        "since:2026-03-01T10:00:00.250Z"
    );
    assert_eq!(Filter::default().to_string(), "");
}

#[test]
fn display_of_unrepresentable_time_does_not_panic() {
    let filter = Filter {
        terms: vec![Term {
            negated: false,
            kind: TermKind::Until(i64::MAX),
        }],
    };
    assert_eq!(filter.to_string(), format!("until:{}ms", i64::MAX));
}

proptest! {
    #[test]
    fn parse_never_panics(s in ".*", now in any::<i64>()) {
        let _ = Filter::parse(&s, now);
    }

    #[test]
    fn display_round_trips(s in r#"[-a-zA-Z0-9:,*" \\é]{0,24}"#) {
        if let Ok(filter) = Filter::parse(&s, NOW) {
            prop_assert_eq!(Filter::parse(&filter.to_string(), 0).ok(), Some(filter));
        }
    }

    #[test]
    fn display_round_trips_with_fields(
        field in "(action|ua|identity|outcome|since|until|xx)",
        value in r#"[a-z0-9:,*" \\É-]{0,12}"#,
        negated in any::<bool>(),
    ) {
        let expr = format!("{}{field}:{value}", if negated { "-" } else { "" });
        if let Ok(filter) = Filter::parse(&expr, NOW) {
            prop_assert_eq!(Filter::parse(&filter.to_string(), 0).ok(), Some(filter));
        }
    }
}

#[test]
fn a_dotted_name_is_a_path_into_the_record() {
    let term = only("requestParameters.deviceArn:*ionq*");
    assert_eq!(
        term.kind,
        TermKind::Path {
            path: vec!["requestParameters".into(), "deviceArn".into()],
            any_of: vec![Pattern::new("*ionq*")],
        }
    );
    let filter = Filter::parse(
        "-userIdentity.sessionContext.attributes.mfaAuthenticated:false",
        0,
    )
    .expect("parses");
    assert_eq!(
        filter.to_string(),
        "-userIdentity.sessionContext.attributes.mfaAuthenticated:false"
    );
    assert_eq!(
        only("10.0.0.1:443").kind,
        word("10.0.0.1:443"),
        "not a path: a bare word"
    );
}

#[test]
fn first_takes_action_ip_or_agent() {
    assert!(Filter::parse("first:action,ip", 0).is_ok());
    assert!(matches!(err("first:device"), FilterError::BadValue { .. }));
}
