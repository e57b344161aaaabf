//! The detail pane's state: the selected event's original record, read in the background
//! and pretty-printed with folding.

use serde_json::Value;

/// The original record of the selected event, once read.
#[derive(Debug, Default)]
pub struct DetailState {
    /// The row whose original is shown (or being read).
    row: Option<u32>,
    original: Option<Result<Value, String>>,
    /// The original pretty-printed, kept: a record may be megabytes long, and the pane
    /// shows a few lines of it per frame.
    lines: Vec<JsonLine>,
    scroll: usize,
    /// Lines the pane shows at once (its height, known once a frame was laid out).
    pub(in crate::app) page: usize,
    /// Nested objects and arrays below the top level shown as `{…}`.
    folded: bool,
    /// The job the row touches, with its lifecycle.
    job: Option<JobSummary>,
}

/// The job of the selected event, as the detail pane tells it: one line for the job,
/// one for its creation, one for who read it and one for its end, when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobSummary {
    pub id: String,
    pub kind: Option<&'static str>,
    /// When, by whom.
    pub created: Option<(i64, String)>,
    pub device: Option<String>,
    pub shots: Option<u64>,
    pub readers: Vec<String>,
    /// How, when, by whom.
    pub ended: Option<(&'static str, i64, String)>,
}

impl JobSummary {
    /// Lines the pane gives it.
    #[must_use]
    pub fn line_count(&self) -> usize {
        2 + usize::from(!self.readers.is_empty()) + usize::from(self.ended.is_some())
    }

    /// Whoever ended it is not who created it.
    #[must_use]
    pub fn ended_by_another(&self) -> bool {
        match (&self.created, &self.ended) {
            (Some((_, creator)), Some((_, _, ender))) => creator != ender,
            (None, Some(_)) => true,
            _ => false,
        }
    }
}

impl DetailState {
    /// The row whose original is shown (or being read).
    #[must_use]
    pub fn row(&self) -> Option<u32> {
        self.row
    }

    /// The first line shown.
    #[must_use]
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The selected event's job, if it touches one.
    #[must_use]
    pub fn job(&self) -> Option<&JobSummary> {
        self.job.as_ref()
    }

    /// Starts showing `row` (with its job); `true` when its original must be read.
    pub(in crate::app) fn select(&mut self, row: Option<u32>, job: Option<JobSummary>) -> bool {
        if self.row == row {
            return false;
        }
        self.row = row;
        self.job = job;
        self.original = None;
        self.lines = Vec::new();
        self.scroll = 0;
        row.is_some()
    }

    /// The original arrived, parsed by [`parse_original`] off the UI thread, or could
    /// not be read (`Err`).
    pub(in crate::app) fn loaded(&mut self, row: u32, original: Result<Value, String>) {
        if self.row == Some(row) {
            self.original = Some(original);
            self.print();
        }
    }

    /// Folds nested containers, or unfolds them, from the top.
    pub(in crate::app) fn toggle_fold(&mut self) {
        self.folded = !self.folded;
        self.scroll = 0;
        self.print();
    }

    /// Moves the view by `delta` lines, keeping the last page full.
    pub(in crate::app) fn scroll_by(&mut self, delta: isize) {
        let last = self.line_count().saturating_sub(self.page.max(1));
        self.scroll = self.scroll.saturating_add_signed(delta).min(last);
    }

    fn print(&mut self) {
        self.lines = self
            .value()
            .map_or_else(Vec::new, |v| json_lines(v, self.folded));
    }

    #[must_use]
    pub fn folded(&self) -> bool {
        self.folded
    }

    /// The original, read or not (`None` while it is being read).
    #[must_use]
    pub fn original(&self) -> Option<&Result<Value, String>> {
        self.original.as_ref()
    }

    /// The original's lines, pretty-printed under the current folding.
    #[must_use]
    pub fn json(&self) -> &[JsonLine] {
        &self.lines
    }

    /// Lines the detail pane shows: the normalised fields, a heading (or what became of
    /// the original), the original.
    #[must_use]
    pub fn line_count(&self) -> usize {
        FIELD_LINES + self.job.as_ref().map_or(0, JobSummary::line_count) + self.lines.len()
    }

    #[must_use]
    pub fn value(&self) -> Option<&Value> {
        self.original.as_ref()?.as_ref().ok()
    }
}

/// An original record's bytes as JSON: done where it was read, since a record may be
/// megabytes long.
pub fn parse_original(bytes: Result<Vec<u8>, String>) -> Result<Value, String> {
    bytes.and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
}

/// The normalised fields above the original, and its heading (see `view::detail`).
pub const FIELD_LINES: usize = 10;

/// A token of pretty-printed JSON, for highlighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    Key,
    Str,
    Number,
    Literal,
    Punct,
}

/// One line of pretty-printed JSON: indentation and tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonLine {
    pub indent: usize,
    pub parts: Vec<(Token, String)>,
}

/// Pretty-prints `value` into lines; with `folded`, containers below the top level
/// become `{… n}` / `[… n]`.
#[must_use]
pub fn json_lines(value: &Value, folded: bool) -> Vec<JsonLine> {
    let mut printer = Printer {
        folded,
        out: Vec::new(),
    };
    printer.value(value, None, 0, true);
    printer.out
}

struct Printer {
    folded: bool,
    out: Vec<JsonLine>,
}

impl Printer {
    fn value(&mut self, value: &Value, key: Option<&str>, depth: usize, last: bool) {
        let mut parts = Vec::new();
        if let Some(key) = key {
            parts.push((Token::Key, format!("{key:?}")));
            parts.push((Token::Punct, ": ".to_owned()));
        }
        let comma = if last { "" } else { "," };
        let (open, close, len) = match value {
            Value::Object(map) => ("{", "}", map.len()),
            Value::Array(items) => ("[", "]", items.len()),
            scalar => {
                parts.push(scalar_token(scalar));
                parts.push((Token::Punct, comma.to_owned()));
                return self.line(depth, parts);
            }
        };
        if len == 0 || (self.folded && depth >= 1) {
            let body = if len == 0 {
                format!("{open}{close}")
            } else {
                format!("{open}… {len}{close}")
            };
            parts.push((Token::Punct, body + comma));
            return self.line(depth, parts);
        }
        parts.push((Token::Punct, open.to_owned()));
        self.line(depth, parts);
        self.children(value, depth + 1, len);
        self.line(depth, vec![(Token::Punct, format!("{close}{comma}"))]);
    }

    fn children(&mut self, value: &Value, depth: usize, len: usize) {
        match value {
            Value::Object(map) => {
                for (i, (k, v)) in map.iter().enumerate() {
                    self.value(v, Some(k), depth, i + 1 == len);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    self.value(v, None, depth, i + 1 == len);
                }
            }
            _ => {}
        }
    }

    fn line(&mut self, indent: usize, parts: Vec<(Token, String)>) {
        self.out.push(JsonLine { indent, parts });
    }
}

fn scalar_token(value: &Value) -> (Token, String) {
    match value {
        Value::String(s) => (Token::Str, format!("{s:?}")),
        Value::Number(n) => (Token::Number, n.to_string()),
        other => (Token::Literal, other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_prints_and_folds() {
        let value: Value =
            serde_json::from_str(r#"{"a":1,"b":{"c":[true,null]},"d":"x"}"#).expect("json");
        let lines = json_lines(&value, false);
        assert_eq!(lines.len(), 10);
        assert_eq!(lines[3].parts[0], (Token::Key, "\"c\"".to_owned()));
        let folded = json_lines(&value, true);
        assert_eq!(folded.len(), 5);
        assert_eq!(folded[2].parts[2], (Token::Punct, "{… 1},".to_owned()));
    }
}
