//! A line of text being typed, with a cursor: the filter bar, the palette's query, the
//! values overlay's field. Editing keys as in a shell: left and right, Home/End (Ctrl-A,
//! Ctrl-E), Ctrl-W deletes a word back, Ctrl-U everything before the cursor.

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    /// In characters from the start.
    cursor: usize,
}

impl LineEdit {
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, in characters from the start.
    #[must_use]
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the text; the cursor goes to its end.
    pub fn set(&mut self, text: &str) {
        text.clone_into(&mut self.text);
        self.cursor = self.text.chars().count();
    }

    pub fn clear(&mut self) {
        self.set("");
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(at, _)| at)
    }

    pub fn insert(&mut self, c: char) {
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// Deletes back to the start of the word before the cursor (spaces before it too).
    pub fn delete_word(&mut self) {
        let before: Vec<char> = self.text.chars().take(self.cursor).collect();
        let mut from = before.len();
        while from > 0 && before[from - 1].is_whitespace() {
            from -= 1;
        }
        while from > 0 && !before[from - 1].is_whitespace() {
            from -= 1;
        }
        self.delete_range(from);
    }

    pub fn delete_to_start(&mut self) {
        self.delete_range(0);
    }

    /// Deletes the characters from `from` to the cursor.
    fn delete_range(&mut self, from: usize) {
        let (start, end) = (self.byte(from), self.byte(self.cursor));
        self.text.replace_range(start..end, "");
        self.cursor = from;
    }
}

#[cfg(test)]
mod tests {
    use super::LineEdit;

    #[test]
    fn edits_at_the_cursor_like_a_shell() {
        let mut line = LineEdit::default();
        line.set("action:x outcome:failure");
        line.delete_word();
        assert_eq!((line.text(), line.cursor()), ("action:x ", 9));
        line.left();
        line.left();
        line.insert('y');
        assert_eq!(line.text(), "action:yx ");
        line.backspace();
        line.backspace();
        assert_eq!((line.text(), line.cursor()), ("actionx ", 6));
        line.delete_to_start();
        assert_eq!((line.text(), line.cursor()), ("x ", 0));
        line.end();
        line.insert('é');
        line.home();
        line.right();
        line.insert('-');
        assert_eq!(line.text(), "x- é");
    }
}
