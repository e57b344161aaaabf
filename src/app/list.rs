/// A cursor over a list and the first line shown, kept so scrolling is steady.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
}

impl ListState {
    /// Moves the cursor by `delta` within `len` items, keeping it within `page` lines.
    pub fn move_by(&mut self, delta: isize, len: usize, page: usize) {
        let last = len.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.scroll_into_view(page);
    }

    pub fn to_top(&mut self) {
        *self = ListState::default();
    }

    pub fn to_bottom(&mut self, len: usize, page: usize) {
        self.selected = len.saturating_sub(1);
        self.scroll_into_view(page);
    }

    /// Keeps the cursor valid after the list changed length.
    pub fn clamp(&mut self, len: usize, page: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.scroll_into_view(page);
    }

    fn scroll_into_view(&mut self, page: usize) {
        let page = page.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ListState;

    #[test]
    fn scrolls_only_when_the_cursor_leaves_the_page() {
        let mut list = ListState::default();
        list.move_by(3, 100, 5);
        assert_eq!((list.selected, list.offset), (3, 0));
        list.move_by(3, 100, 5);
        assert_eq!((list.selected, list.offset), (6, 2));
        list.move_by(-5, 100, 5);
        assert_eq!((list.selected, list.offset), (1, 1));
        list.to_bottom(100, 5);
        assert_eq!((list.selected, list.offset), (99, 95));
        list.move_by(10, 100, 5);
        assert_eq!(list.selected, 99);
        list.clamp(3, 5);
        assert_eq!((list.selected, list.offset), (2, 2));
    }
}
