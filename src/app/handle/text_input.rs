//! The editing keys every text input shares (the filter bar, the palette, the values
//! overlay). `true` when the command was one of them.

use crate::app::command::Command;
use crate::app::line_edit::LineEdit;

pub fn edit(line: &mut LineEdit, command: Command) -> bool {
    match command {
        Command::Type(c) => line.insert(c),
        Command::Backspace => line.backspace(),
        Command::CursorLeft => line.left(),
        Command::CursorRight => line.right(),
        Command::Top => line.home(),
        Command::Bottom => line.end(),
        Command::DeleteWord => line.delete_word(),
        Command::DeleteToStart => line.delete_to_start(),
        _ => return false,
    }
    true
}
