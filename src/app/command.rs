use serde::{Deserialize, Serialize};

/// What the user asks for. Keys map to commands through the keymap; `update` carries them
/// out. Named `Command` because "action" means an audit action in qtrail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    Quit,
    Help,
    OpenPalette,
    OpenFilter,
    NextPane,
    PrevPane,
    DrillIn,
    Back,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// Live: back to the newest event, keeping it in view as events arrive.
    Follow,
    ShowTimeline,
    ShowIdentities,
    ZoomIn,
    ZoomOut,
    NarrowToBucket,
    ToggleLocalTime,
    CopyEvent,
    RelatedEvents,
    ShowRejects,
    FoldDetail,
    CycleSort,
    ToggleSelect,
    Submit,
    Backspace,
    /// The values overlay: the top values of a field or JSON path.
    OpenValues,
    /// Back to the filter before the last change (Esc, `r`, `b`, the palette).
    UndoFilter,
    /// Text input: the cursor a character left or right.
    CursorLeft,
    CursorRight,
    /// Text input: delete the word before the cursor, or everything before it.
    DeleteWord,
    DeleteToStart,
    /// A typed character, in the filter bar or the palette's input.
    #[serde(skip)]
    Type(char),
}

impl Command {
    /// Every command a key can be bound to (typed characters aside).
    pub const ALL: [Command; 35] = [
        Command::Quit,
        Command::Help,
        Command::OpenPalette,
        Command::OpenFilter,
        Command::NextPane,
        Command::PrevPane,
        Command::DrillIn,
        Command::Back,
        Command::Down,
        Command::Up,
        Command::PageDown,
        Command::PageUp,
        Command::Top,
        Command::Bottom,
        Command::Follow,
        Command::ShowTimeline,
        Command::ShowIdentities,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::NarrowToBucket,
        Command::ToggleLocalTime,
        Command::CopyEvent,
        Command::RelatedEvents,
        Command::ShowRejects,
        Command::FoldDetail,
        Command::CycleSort,
        Command::ToggleSelect,
        Command::Submit,
        Command::Backspace,
        Command::OpenValues,
        Command::UndoFilter,
        Command::CursorLeft,
        Command::CursorRight,
        Command::DeleteWord,
        Command::DeleteToStart,
    ];

    /// What the help screen says the command does.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::Help => "this help",
            Command::OpenPalette => "fuzzy search over action names",
            Command::OpenFilter => "edit the filter",
            Command::NextPane => "next pane",
            Command::PrevPane => "previous pane",
            Command::DrillIn => "drill in / apply",
            Command::Back => "back, close or clear",
            Command::Down => "down",
            Command::Up => "up",
            Command::PageDown => "page down",
            Command::PageUp => "page up",
            Command::Top => "first",
            Command::Bottom => "last",
            Command::Follow => "live: follow the newest events (resume)",
            Command::ShowTimeline => "timeline",
            Command::ShowIdentities => "identities",
            Command::ZoomIn => "histogram: zoom in",
            Command::ZoomOut => "histogram: zoom out",
            Command::NarrowToBucket => "narrow the filter to the selected event's bucket",
            Command::ToggleLocalTime => "UTC / local time",
            Command::CopyEvent => "copy the event JSON (OSC 52)",
            Command::RelatedEvents => "related events (same request, job, access key, identity)",
            Command::ShowRejects => "list rejected records",
            Command::FoldDetail => "fold / unfold the original record",
            Command::CycleSort => "identities: change sort",
            Command::ToggleSelect => "palette: select several actions",
            Command::Submit => "apply",
            Command::Backspace => "delete a character",
            Command::OpenValues => "top values of a field or JSON path (group by)",
            Command::UndoFilter => "back to the filter before the last change",
            Command::CursorLeft => "cursor left",
            Command::CursorRight => "cursor right",
            Command::DeleteWord => "delete the word before the cursor",
            Command::DeleteToStart => "delete to the start of the line",
            Command::Type(_) => "type",
        }
    }
}
