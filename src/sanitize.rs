//! Display-safe text. Audit events carry attacker-controlled strings (user agents, request
//! parameters, even file names); every string shown on a terminal or written to stderr goes
//! through [`display`], which turns control characters, escape sequences and bidirectional
//! overrides into visible escapes. The raw values stay untouched in the index and in JSON
//! output (where JSON's own escaping applies).

use std::borrow::Cow;
use std::fmt::Write;

/// `true` for characters that must never reach a terminal as they are.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    c.is_control() // C0, DEL and C1 (which includes the 8-bit CSI)
        || matches!(c,
            '\u{200e}' | '\u{200f}' | '\u{061c}'       // directional marks
            | '\u{202a}'..='\u{202e}'                  // embeddings and overrides
            | '\u{2066}'..='\u{2069}'                  // isolates
            | '\u{2028}' | '\u{2029}'                  // line and paragraph separators
            | '\u{feff}')
}

/// The text with every unsafe character replaced by a visible escape (`\e`, `\n`, `\u{202e}`).
#[must_use]
pub fn display(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !is_unsafe(c) {
            out.push(c);
            continue;
        }
        match c {
            '\u{1b}' => out.push_str("\\e"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{7}' => out.push_str("\\a"),
            c => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_a_terminal_attack() {
        let ua = "\u{1b}]0;PWNED\u{7}\u{1b}[2J";
        assert_eq!(display(ua), "\\e]0;PWNED\\a\\e[2J");
    }

    #[test]
    fn escapes_c1_and_bidi() {
        assert_eq!(display("a\u{9b}2Jb"), "a\\u{9b}2Jb");
        assert_eq!(display("user\u{202e}gpj.exe"), "user\\u{202e}gpj.exe");
    }

    #[test]
    fn keeps_ordinary_text_borrowed() {
        assert!(matches!(
            display("aws-cli/2.15 Python/3.11 Ünïcode 量子"),
            Cow::Borrowed(_)
        ));
    }
}
