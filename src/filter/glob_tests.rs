use super::Pattern;
use proptest::prelude::*;

fn m(pattern: &str, haystack: &str) -> bool {
    Pattern::new(pattern).matches(haystack)
}

#[test]
fn exact_matches_whole_string_only() {
    assert!(m("CreateQuantumTask", "CreateQuantumTask"));
    assert!(!m("CreateQuantumTask", "CreateQuantumTasks"));
    assert!(!m("CreateQuantumTask", "xCreateQuantumTask"));
    assert!(!m("Create", "CreateQuantumTask"));
    assert!(!m("abc", ""));
    assert!(m("", ""));
    assert!(!m("", "a"));
}

#[test]
fn exact_is_case_insensitive() {
    assert!(m("createquantumtask", "CreateQuantumTask"));
    assert!(m("CREATEQUANTUMTASK", "createQuantumTask"));
}

#[test]
fn prefix_wildcard() {
    assert!(m("Get*", "GetDevice"));
    assert!(m("get*", "GET"));
    assert!(!m("Get*", "ListDevices"));
    assert!(!m("Get*", "Ge"));
}

#[test]
fn suffix_wildcard() {
    assert!(m("*Task", "CreateQuantumTask"));
    assert!(m("*task", "TASK"));
    assert!(!m("*Task", "CreateQuantumTasks"));
}

#[test]
fn middle_wildcard() {
    assert!(m("Create*Task", "CreateQuantumTask"));
    assert!(m("create*task", "CreateTask"));
    assert!(!m("Create*Task", "CreateQuantumJob"));
    // Prefix and suffix must not overlap in the haystack.
    assert!(!m("ab*ba", "aba"));
    assert!(m("ab*ba", "abba"));
}

#[test]
fn star_alone_matches_everything() {
    assert!(m("*", ""));
    assert!(m("*", "anything at all"));
    assert!(m("**", "x"));
}

#[test]
fn multiple_stars() {
    assert!(m("*quantum*", "CreateQuantumTask"));
    assert!(!m("*quantum*", "CreateTask"));
    assert!(m("a*b*c", "aXbYc"));
    assert!(m("a*b*c", "abc"));
    assert!(!m("a*b*c", "acb"));
    assert!(m("*a*b*", "xxaxxbxx"));
    assert!(!m("*b*a*", "xxaxxbxx"));
    assert!(m("a**b", "ab"));
    // The second `b` must come after the first one.
    assert!(!m("*b*b*", "xbx"));
    assert!(m("*b*b*", "xbxbx"));
}

#[test]
fn non_ascii_case_insensitive() {
    assert!(m("École", "ÉCOLE"));
    assert!(m("ÉCOLE", "école"));
    assert!(m("é*", "École normale"));
    assert!(m("*É", "café"));
    assert!(!m("e*", "École"));
    assert!(m("straße", "STRAẞE"));
    // Non-ASCII pattern against an ASCII haystack can never match.
    assert!(!m("é", "e"));
    // The Kelvin sign folds to an ASCII `k`.
    assert!(m("k", "\u{212A}"));
    assert!(m("\u{212A}*", "kelvin"));
}

#[test]
fn exactness_and_texts() {
    let exact = Pattern::new("GetDevice");
    assert!(exact.is_exact());
    assert_eq!(exact.exact_lowercase(), Some("getdevice"));
    assert_eq!(exact.as_text(), "GetDevice");

    let glob = Pattern::new("Get*");
    assert!(!glob.is_exact());
    assert_eq!(glob.exact_lowercase(), None);
    assert_eq!(glob.as_text(), "Get*");

    assert_eq!(Pattern::new("ÉTÉ").exact_lowercase(), Some("été"));
}

/// Reference semantics: the classic recursive glob over folded characters.
fn naive(pattern: &[char], hay: &[char]) -> bool {
    match pattern.split_first() {
        None => hay.is_empty(),
        Some(('*', rest)) => (0..=hay.len()).any(|skip| naive(rest, &hay[skip..])),
        Some((c, rest)) => hay.first() == Some(c) && naive(rest, &hay[1..]),
    }
}

fn folded_chars(text: &str) -> Vec<char> {
    text.chars().flat_map(char::to_lowercase).collect()
}

proptest! {
    #[test]
    fn agrees_with_naive_glob(pattern in "[abAB*é]{0,8}", hay in "[abABéÉ]{0,10}") {
        let expected = naive(&folded_chars(&pattern), &folded_chars(&hay));
        prop_assert_eq!(Pattern::new(&pattern).matches(&hay), expected);
    }

    #[test]
    fn never_panics(pattern in ".*", hay in ".*") {
        let _ = Pattern::new(&pattern).matches(&hay);
    }
}
