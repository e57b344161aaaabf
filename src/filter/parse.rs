//! The filter language shared by `qtrail query --filter` and the TUI filter bar.
//!
//! Terms are separated by whitespace and must all hold. A term is
//! `field:value` (the value is everything after the first colon), a bare word
//! searched anywhere in the record, or either of these behind `-` to negate it.
//! Values are case-insensitive `*` globs, and `field:a,b` accepts either.
//! Double quotes group text containing spaces; inside them `\"` and `\\` are
//! escapes, and `-`, `:` and `,` lose their meaning, so `"a:b"` is a bare
//! word and `ua:"x, y"` is a single value.

use chrono::{DateTime, NaiveDate, NaiveTime};

use super::glob::{Pattern, fold_case};

/// A parsed filter: every term must hold. No terms matches everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The terms, in the order they were written.
    pub terms: Vec<Term>,
}

/// One whitespace-separated term of a filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// True when the term was written with a leading `-`.
    pub negated: bool,
    /// What the term tests.
    pub kind: TermKind,
}

/// What a term tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TermKind {
    /// The field matches at least one of the patterns.
    Field {
        /// The record field to test.
        field: Field,
        /// Alternatives from `field:a,b`; never empty when parsed.
        any_of: Vec<Pattern>,
    },
    /// The event happened at or after this time (ms since the Unix epoch, inclusive).
    Since(i64),
    /// The event happened before this time (ms since the Unix epoch, exclusive).
    Until(i64),
    /// Lower-cased needle searched anywhere in the record's text; `*` is literal.
    Word(String),
    /// A JSON path into the original record (`requestParameters.deviceArn`) whose value
    /// matches one of the patterns.
    Path {
        /// The keys from the record's top down.
        path: Vec<String>,
        /// Alternatives from `path:a,b`; never empty when parsed.
        any_of: Vec<Pattern>,
    },
}

/// A record field that `field:value` terms can test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The API action (event name).
    Action,
    /// Who acted: ARN, user name or IAM id.
    Identity,
    /// The service the action belongs to.
    Service,
    /// `success`, `failure`, `pending` or `unknown`.
    Outcome,
    /// The caller's source IP address.
    Ip,
    /// The cloud region.
    Region,
    /// The account the event belongs to.
    Account,
    /// The audit format: `cloudtrail` or `cadf`.
    Provider,
    /// The error code or message.
    Error,
    /// The caller's user agent.
    Ua,
    /// Event, request or correlation id.
    Id,
    /// The identity type.
    Type,
    /// Who acted, directly or through any session they started, transitively.
    Actor,
    /// The quantum task, hybrid job, Qiskit job or program the event touches.
    Job,
    /// The first event of its (identity, action / source IP / user agent) pair.
    First,
}

impl Field {
    /// Every field, in the order they are listed to users.
    pub const ALL: [Field; 15] = [
        Field::Action,
        Field::Identity,
        Field::Service,
        Field::Outcome,
        Field::Ip,
        Field::Region,
        Field::Account,
        Field::Provider,
        Field::Error,
        Field::Ua,
        Field::Id,
        Field::Type,
        Field::Actor,
        Field::Job,
        Field::First,
    ];

    /// The lowercase name written before the colon.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Field::Action => "action",
            Field::Identity => "identity",
            Field::Service => "service",
            Field::Outcome => "outcome",
            Field::Ip => "ip",
            Field::Region => "region",
            Field::Account => "account",
            Field::Provider => "provider",
            Field::Error => "error",
            Field::Ua => "ua",
            Field::Id => "id",
            Field::Type => "type",
            Field::Actor => "actor",
            Field::Job => "job",
            Field::First => "first",
        }
    }

    /// The only values a closed field can hold, so typos are caught at parse time.
    fn closed_values(self) -> Option<&'static [&'static str]> {
        match self {
            Field::Outcome => Some(&["success", "failure", "pending", "unknown"]),
            Field::Provider => Some(&["cloudtrail", "cadf"]),
            Field::First => Some(&["action", "ip", "agent"]),
            _ => None,
        }
    }
}

/// Why a filter expression was rejected; each message names the bad term.
///
/// The `String` in each variant is the offending term as written.
#[derive(Debug, thiserror::Error)]
pub enum FilterError {
    /// A `"` without its closing partner (the term runs to the end of the expression).
    #[error("bad filter term `{0}`: unterminated quote")]
    UnterminatedQuote(String),
    /// A `-` with nothing after it.
    #[error("bad filter term `-`: nothing to negate; write -term")]
    LoneDash,
    /// Quotes with nothing in them, as a bare word.
    #[error("bad filter term `{0}`: empty search word")]
    EmptyWord(String),
    /// A word of letters before the first colon that names no field.
    #[error("unknown field `{field}` in term `{term}` (known: {})", known_fields())]
    UnknownField {
        /// The unknown name, as written.
        field: String,
        /// The term as written.
        term: String,
    },
    /// `field:` with nothing after it, or an empty alternative in `field:a,,b`.
    #[error("bad filter term `{0}`: empty value; write field:value or field:a,b")]
    EmptyValue(String),
    /// A value that cannot match anything an `outcome:` or `provider:` field holds.
    #[error("bad filter term `{term}`: `{value}` matches no {} (expected {})", .field.name(), closed_list(*.field))]
    BadValue {
        /// The term as written.
        term: String,
        /// The field whose values are closed.
        field: Field,
        /// The offending alternative.
        value: String,
    },
    /// `since:a,b` or `until:a,b`.
    #[error("bad filter term `{0}`: a time takes one value, not alternatives")]
    TimeAlternatives(String),
    /// A `since:`/`until:` value that is not a time.
    #[error(
        "bad filter term `{0}`: expected RFC 3339, a date (YYYY-MM-DD) or an age such as 15m, 2h, 7d"
    )]
    BadTime(String),
}

impl FilterError {
    /// The offending term as written, e.g. to highlight it in the filter bar.
    #[must_use]
    pub fn term(&self) -> &str {
        match self {
            FilterError::LoneDash => "-",
            FilterError::UnterminatedQuote(term)
            | FilterError::EmptyWord(term)
            | FilterError::EmptyValue(term)
            | FilterError::TimeAlternatives(term)
            | FilterError::BadTime(term)
            | FilterError::UnknownField { term, .. }
            | FilterError::BadValue { term, .. } => term,
        }
    }
}

fn closed_list(field: Field) -> String {
    field.closed_values().unwrap_or_default().join(", ")
}

fn known_fields() -> String {
    let names: Vec<&str> = Field::ALL.iter().map(|field| field.name()).collect();
    format!("{}, since, until", names.join(", "))
}

impl Filter {
    /// Parses a filter expression.
    ///
    /// `now_ms` is injected so relative ages are deterministic in tests.
    ///
    /// # Errors
    ///
    /// A [`FilterError`] naming the first bad term: an unknown field, an
    /// unterminated quote, a lone `-`, an empty value or word, an impossible
    /// `outcome:`/`provider:` value, or a time that does not parse.
    pub fn parse(expr: &str, now_ms: i64) -> Result<Filter, FilterError> {
        let terms = lex(expr)?
            .iter()
            .map(|raw| parse_term(raw, now_ms))
            .collect::<Result<_, _>>()?;
        Ok(Filter { terms })
    }
}

/// A character of a term, remembering whether quotes made it literal.
#[derive(Clone, Copy)]
struct Ch {
    c: char,
    quoted: bool,
}

impl Ch {
    fn is_unquoted(self, c: char) -> bool {
        !self.quoted && self.c == c
    }
}

/// A term as written, before interpretation.
struct RawTerm<'a> {
    text: &'a str,
    chars: Vec<Ch>,
}

fn lex(expr: &str) -> Result<Vec<RawTerm<'_>>, FilterError> {
    let mut terms = Vec::new();
    let mut it = expr.char_indices().peekable();
    loop {
        while it.next_if(|&(_, c)| c.is_whitespace()).is_some() {}
        let Some(&(start, _)) = it.peek() else {
            return Ok(terms);
        };
        let mut chars = Vec::new();
        let mut end = expr.len();
        while let Some((at, c)) = it.next() {
            if c.is_whitespace() {
                end = at;
                break;
            }
            if c == '"' {
                read_quoted(&mut it, &mut chars).ok_or_else(|| {
                    FilterError::UnterminatedQuote(expr[start..].trim_end().to_owned())
                })?;
            } else {
                chars.push(Ch { c, quoted: false });
            }
        }
        terms.push(RawTerm {
            text: &expr[start..end],
            chars,
        });
    }
}

/// Reads up to the closing quote; `None` when the input ends first.
fn read_quoted(it: &mut impl Iterator<Item = (usize, char)>, out: &mut Vec<Ch>) -> Option<()> {
    loop {
        let c = match it.next()?.1 {
            '"' => return Some(()),
            '\\' => match it.next()?.1 {
                escaped @ ('"' | '\\') => escaped,
                // Unknown escapes stay as written so Windows-style paths survive.
                other => {
                    out.push(Ch {
                        c: '\\',
                        quoted: true,
                    });
                    other
                }
            },
            c => c,
        };
        out.push(Ch { c, quoted: true });
    }
}

fn parse_term(raw: &RawTerm<'_>, now_ms: i64) -> Result<Term, FilterError> {
    let (negated, body) = match raw.chars.split_first() {
        Some((first, rest)) if first.is_unquoted('-') => (true, rest),
        _ => (false, raw.chars.as_slice()),
    };
    let kind = match split_field(body) {
        Some((name, value)) if name.contains('.') => TermKind::Path {
            path: name.split('.').map(str::to_owned).collect(),
            any_of: alternatives(raw.text, value)?
                .iter()
                .map(|text| Pattern::new(text))
                .collect(),
        },
        Some((name, value)) => field_term(raw.text, &name, value, now_ms)?,
        None if body.is_empty() && raw.text == "-" => return Err(FilterError::LoneDash),
        None if body.is_empty() => {
            return Err(FilterError::EmptyWord(raw.text.to_owned()));
        }
        None => TermKind::Word(fold_case(&collect(body))),
    };
    Ok(Term { negated, kind })
}

/// Splits `name:value` when the text before the first colon is a plain unquoted word of
/// ASCII letters, or a JSON path of such keys joined by dots (keys may hold digits, `_`,
/// `-` and `@` too); anything else is a bare word.
fn split_field(body: &[Ch]) -> Option<(String, &[Ch])> {
    let colon = body.iter().position(|ch| ch.c == ':')?;
    let name = &body[..colon];
    let unquoted = !body[colon].quoted && name.iter().all(|ch| !ch.quoted);
    let text = collect(name);
    let is_field = !text.is_empty() && text.chars().all(|c| c.is_ascii_alphabetic());
    (unquoted && (is_field || is_path(&text))).then(|| (text, &body[colon + 1..]))
}

/// `requestParameters.deviceArn`: keys starting with a letter, `_` or `@`, joined by dots.
fn is_path(text: &str) -> bool {
    text.contains('.')
        && text.split('.').all(|key| {
            key.chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '@')
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '@'))
        })
}

fn collect(chars: &[Ch]) -> String {
    chars.iter().map(|ch| ch.c).collect()
}

fn field_term(term: &str, name: &str, value: &[Ch], now_ms: i64) -> Result<TermKind, FilterError> {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "since" => time_value(term, value, now_ms, false).map(TermKind::Since),
        "until" => time_value(term, value, now_ms, true).map(TermKind::Until),
        _ => {
            let field = Field::ALL
                .into_iter()
                .find(|field| field.name() == lower)
                .ok_or_else(|| FilterError::UnknownField {
                    field: name.to_owned(),
                    term: term.to_owned(),
                })?;
            let any_of: Vec<Pattern> = alternatives(term, value)?
                .iter()
                .map(|text| Pattern::new(text))
                .collect();
            check_closed(term, field, &any_of)?;
            Ok(TermKind::Field { field, any_of })
        }
    }
}

/// Splits a value on unquoted commas, rejecting empty alternatives.
fn alternatives(term: &str, value: &[Ch]) -> Result<Vec<String>, FilterError> {
    value
        .split(|ch| ch.is_unquoted(','))
        .map(|alt| match alt {
            [] => Err(FilterError::EmptyValue(term.to_owned())),
            _ => Ok(collect(alt)),
        })
        .collect()
}

fn check_closed(term: &str, field: Field, any_of: &[Pattern]) -> Result<(), FilterError> {
    let Some(allowed) = field.closed_values() else {
        return Ok(());
    };
    match any_of
        .iter()
        .find(|pattern| !allowed.iter().any(|value| pattern.matches(value)))
    {
        Some(bad) => Err(FilterError::BadValue {
            term: term.to_owned(),
            field,
            value: bad.as_text().to_owned(),
        }),
        None => Ok(()),
    }
}

fn time_value(term: &str, value: &[Ch], now_ms: i64, end_of_day: bool) -> Result<i64, FilterError> {
    let alts = alternatives(term, value)?;
    let [text] = alts.as_slice() else {
        return Err(FilterError::TimeAlternatives(term.to_owned()));
    };
    parse_time(text, now_ms, end_of_day).ok_or_else(|| FilterError::BadTime(term.to_owned()))
}

/// A time in ms since the epoch. A bare date is midnight UTC, or the next
/// midnight when `end_of_day`, so that `until:DATE` includes all of that day.
fn parse_time(text: &str, now_ms: i64, end_of_day: bool) -> Option<i64> {
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Some(time.timestamp_millis());
    }
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        let day = if end_of_day { date.succ_opt()? } else { date };
        return Some(day.and_time(NaiveTime::MIN).and_utc().timestamp_millis());
    }
    let ms = now_ms.checked_sub(age_ms(text)?)?;
    // Refuse times chrono cannot format, so that Display always round-trips.
    DateTime::from_timestamp_millis(ms).map(|_| ms)
}

/// An age such as `30s`, `15m`, `2h`, `7d` or `1w`, in ms.
fn age_ms(text: &str) -> Option<i64> {
    let unit = text.chars().next_back()?;
    let digits = &text[..text.len() - unit.len_utf8()];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let scale = match unit {
        's' => 1_000,
        'm' => 60_000,
        'h' => 3_600_000,
        'd' => 86_400_000,
        'w' => 604_800_000,
        _ => return None,
    };
    digits.parse::<i64>().ok()?.checked_mul(scale)
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
