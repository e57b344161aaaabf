//! Keys as data: for each key, rules tried in order; the first whose condition holds
//! gives the command. The default keymap is embedded from `assets/keymap.toml`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::command::Command;
use super::state::{Mode, Pane};

/// When a rule applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Browsing (no input box, palette or overlay open).
    Browsing,
    /// Browsing with this pane focused.
    Focus(Pane),
    /// The filter bar, the palette or the values overlay takes typed text.
    TextInput,
    /// The filter bar is open.
    FilterBar,
    Palette,
    /// A list with typed input above it: the palette or the values overlay.
    Picker,
    /// Help or rejects overlay shown.
    Overlay,
    Always,
}

/// One binding: `key` in `when` runs `command`.
#[derive(Clone, Debug, Deserialize)]
pub struct Rule {
    pub key: String,
    pub when: Condition,
    pub command: Command,
}

#[derive(Debug, Deserialize)]
struct KeymapFile {
    rule: Vec<Rule>,
}

/// The keymap: rules in priority order.
#[derive(Debug)]
pub struct Keymap {
    pub rules: Vec<Rule>,
}

const DEFAULT: &str = include_str!("../../assets/keymap.toml");

impl Keymap {
    /// The embedded default keymap.
    ///
    /// # Panics
    /// Never at run time: a test parses the embedded file.
    #[must_use]
    pub fn default_keymap() -> Keymap {
        #[allow(clippy::expect_used, reason = "the embedded keymap is parse-tested")]
        let file: KeymapFile = toml::from_str(DEFAULT).expect("embedded keymap parses");
        Keymap { rules: file.rule }
    }

    /// The command for a key in the given mode and focus, if any.
    #[must_use]
    pub fn command(&self, key: KeyEvent, mode: Mode, focus: Pane) -> Option<Command> {
        let name = key_name(key)?;
        let rule = self
            .rules
            .iter()
            .find(|r| r.key == name && holds(r.when, mode, focus));
        match (rule, mode, key.code) {
            (Some(rule), _, _) => Some(rule.command),
            (None, Mode::Filter | Mode::Palette | Mode::Values, KeyCode::Char(c))
                if !key.modifiers.contains(KeyModifiers::CONTROL) =>
            {
                Some(Command::Type(c))
            }
            _ => None,
        }
    }
}

fn holds(when: Condition, mode: Mode, focus: Pane) -> bool {
    match when {
        Condition::Always => true,
        Condition::Browsing => mode == Mode::Browse,
        Condition::Focus(pane) => mode == Mode::Browse && focus == pane,
        Condition::TextInput => matches!(mode, Mode::Filter | Mode::Palette | Mode::Values),
        Condition::FilterBar => mode == Mode::Filter,
        Condition::Palette => mode == Mode::Palette,
        Condition::Picker => matches!(mode, Mode::Palette | Mode::Values),
        Condition::Overlay => matches!(mode, Mode::Help | Mode::Rejects),
    }
}

/// The key as the keymap names it: `q`, `G`, `?`, `ctrl-c`, `enter`, `shift-tab`, `pgdn`.
#[must_use]
pub fn key_name(key: KeyEvent) -> Option<String> {
    let base = match key.code {
        KeyCode::Char(' ') => "space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "enter".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::BackTab => return Some("shift-tab".into()),
        KeyCode::Backspace => "backspace".into(),
        KeyCode::Up => "up".into(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::PageUp => "pgup".into(),
        KeyCode::PageDown => "pgdn".into(),
        _ => return None,
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        Some(format!("ctrl-{base}"))
    } else {
        Some(base)
    }
}

impl Keymap {
    /// The help screen's lines: the keys of each command, in keymap order.
    #[must_use]
    pub fn help_lines(&self) -> Vec<(String, String)> {
        let mut lines: Vec<(Command, Vec<String>)> = Vec::new();
        for rule in &self.rules {
            match lines.iter_mut().find(|(c, _)| *c == rule.command) {
                Some((_, keys)) if !keys.contains(&rule.key) => keys.push(rule.key.clone()),
                Some(_) => {}
                None => lines.push((rule.command, vec![rule.key.clone()])),
            }
        }
        lines
            .into_iter()
            .map(|(c, keys)| (keys.join(" "), c.describe().to_owned()))
            .collect()
    }
}
