//! Named styles. With `NO_COLOR` set, the monochrome theme keeps selection, focus and
//! failures readable through reverse video, bold and underline alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub header: Style,
    pub selected: Style,
    pub border: Style,
    pub focused_border: Style,
    pub failure: Style,
    pub matched: Style,
    pub json_key: Style,
    pub json_string: Style,
    pub json_number: Style,
    pub json_literal: Style,
    pub bar: Style,
    pub bar_failure: Style,
    pub banner: Style,
    pub error: Style,
}

impl Theme {
    /// The theme for this environment: monochrome when `NO_COLOR` is set and not empty.
    #[must_use]
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::monochrome(),
            _ => Theme::colored(),
        }
    }

    #[must_use]
    pub fn colored() -> Theme {
        let plain = Style::new();
        Theme {
            text: plain,
            dim: plain.fg(Color::DarkGray),
            header: plain.add_modifier(Modifier::BOLD).fg(Color::Cyan),
            selected: plain.add_modifier(Modifier::REVERSED),
            border: plain.fg(Color::DarkGray),
            focused_border: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            failure: plain.fg(Color::Red).add_modifier(Modifier::BOLD),
            matched: plain
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            json_key: plain.fg(Color::Cyan),
            json_string: plain.fg(Color::Green),
            json_number: plain.fg(Color::Magenta),
            json_literal: plain.fg(Color::Yellow),
            bar: plain.fg(Color::Blue),
            bar_failure: plain.fg(Color::Red),
            banner: plain
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            error: plain.fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }

    #[must_use]
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        Theme {
            text: plain,
            dim: plain,
            header: bold.add_modifier(Modifier::UNDERLINED),
            selected: plain.add_modifier(Modifier::REVERSED),
            border: plain,
            focused_border: bold,
            failure: bold,
            matched: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            json_key: bold,
            json_string: plain,
            json_number: plain,
            json_literal: plain,
            bar: plain,
            bar_failure: bold,
            banner: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            error: bold.add_modifier(Modifier::UNDERLINED),
        }
    }
}
