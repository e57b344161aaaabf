//! Display-safe text. Audit events carry attacker-controlled strings (user agents, request
//! parameters, even file names); every string shown on a terminal or written to stderr goes
//! through [`display`], which turns control characters, escape sequences and bidirectional
//! overrides into visible escapes. The raw values stay untouched in the index and in JSON
//! output (where JSON's own escaping applies).

use std::borrow::Cow;
use std::fmt::Write;

/// `true` for characters that must never reach a terminal as they are: controls, and
/// the invisible ones that reorder, hide or disguise text (an identity `user/a\u{200b}na`
/// must not pass for `user/ana`).
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    c.is_control() // C0, DEL and C1 (which includes the 8-bit CSI)
        || matches!(c,
            '\u{00ad}'                                 // soft hyphen
            | '\u{061c}' | '\u{200e}' | '\u{200f}'     // directional marks
            | '\u{0600}'..='\u{0605}' | '\u{06dd}' | '\u{070f}' | '\u{180e}'
            | '\u{200b}'..='\u{200d}'                  // zero-width space, (non-)joiner
            | '\u{202a}'..='\u{202e}'                  // embeddings and overrides
            | '\u{2028}' | '\u{2029}'                  // line and paragraph separators
            | '\u{2060}'..='\u{206f}'                  // word joiner, isolates, invisible operators
            | '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}' // Hangul fillers
            | '\u{feff}' | '\u{fff9}'..='\u{fffb}'     // BOM, interlinear annotations
            | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e007f}') // tags
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
    fn escapes_invisible_look_alikes() {
        assert_eq!(display("user/a\u{200b}na"), "user/a\\u{200b}na");
        assert_eq!(display("x\u{e0041}y\u{3164}"), "x\\u{e0041}y\\u{3164}");
    }

    #[test]
    fn keeps_ordinary_text_borrowed() {
        assert!(matches!(
            display("aws-cli/2.15 Python/3.11 Ünïcode 量子"),
            Cow::Borrowed(_)
        ));
    }
}
