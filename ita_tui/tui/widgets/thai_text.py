"""Input and TextArea that move by visible cell and by Thai word, and never corrupt a cluster.

Stock widgets move and delete by code point: the cursor lands inside "ผู้" and forward Delete on
"ผ|รับ" leaves "ผับ". Backspace still removes one code point (the Thai typing habit). These overrides touch
Textual internals; textual is pinned exactly and tests/test_tui_thai_text.py guards them.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input, TextArea
from textual.widgets.input import Selection

from ...thai.cells import next_cell, next_word, previous_cell, previous_word, snap_to_cell
from .field_history import FieldHistory, FieldState
from ..watches import ForgetsItsWatchesOnTheApp
from .key_order import KeepsKeyOrder


class ThaiInput(KeepsKeyOrder, Input):
    """Never selects its whole value on focus: the first key typed must not wipe a field. Ctrl+Z / Ctrl+Y
    undo and redo, with the keys TextArea uses (stock Input has no undo)."""

    BINDINGS = [
        Binding("ctrl+z,super+z", "undo", show=False),  # F1 help.text-field names them
        Binding("ctrl+y,super+y", "redo", show=False),
    ]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("select_on_focus", False)
        self.history = FieldHistory()
        self._editing = True  # the value given here is where undo stops
        super().__init__(*args, **kwargs)
        self._editing = False

    # -- undo -------------------------------------------------------------------------------------
    def replace(self, text: str, start: int, end: int) -> None:
        """Every key, paste and cut edits through here: one place to record the step."""
        value = self.value
        start, end = sorted((max(0, start), min(len(value), end)))
        before = FieldState(value, self.cursor_position)
        self._editing = True
        try:
            super().replace(text, start, end)
        finally:
            self._editing = False
        if self.value != value:
            self.history.edited(before, text, start, end)

    def watch_value(self, old: str, new: str) -> None:
        if not self._editing:  # the program set the value (F4 $EDITOR): a step of its own
            self.history.replaced(FieldState(old, min(self.cursor_position, len(old))))

    def watch_selection(self) -> None:
        if not self._editing:
            self.history.break_run()

    def on_blur(self) -> None:
        self.history.break_run()

    def action_undo(self) -> None:
        self._restore(self.history.undo(FieldState(self.value, self.cursor_position)))

    def action_redo(self) -> None:
        self._restore(self.history.redo(FieldState(self.value, self.cursor_position)))

    def _restore(self, state: FieldState | None) -> None:
        if state is None:
            return
        self._editing = True
        try:
            self.value = state.value
            self.cursor_position = state.cursor
        finally:
            self._editing = False

    def action_cursor_left(self, select: bool = False) -> None:
        start, end = self.selection
        if select:
            self.selection = Selection(start, previous_cell(self.value, end))
        elif self.selection.is_empty:
            self.cursor_position = previous_cell(self.value, self.cursor_position)
        else:
            self.cursor_position = min(start, end)

    def action_cursor_right(self, select: bool = False) -> None:
        start, end = self.selection
        if select:
            self.selection = Selection(start, next_cell(self.value, end))
        elif self.cursor_at_end and self._suggestion:
            self.value = self._suggestion
            self.cursor_position = len(self.value)
        elif self.selection.is_empty:
            self.cursor_position = next_cell(self.value, self.cursor_position)
        else:
            self.cursor_position = max(start, end)

    def action_cursor_left_word(self, select: bool = False) -> None:
        target = previous_word(self.value, self.cursor_position)
        if select:
            self.selection = Selection(self.selection.start, target)
        else:
            self.cursor_position = target

    def action_cursor_right_word(self, select: bool = False) -> None:
        target = next_word(self.value, self.cursor_position)
        if select:
            self.selection = Selection(self.selection.start, target)
        else:
            self.cursor_position = target

    def action_delete_right(self) -> None:
        if self.selection.is_empty:
            self.delete(self.cursor_position, next_cell(self.value, self.cursor_position))
        else:
            self.delete_selection()

    def action_delete_right_word(self) -> None:
        if self.selection.is_empty:
            self.delete(self.cursor_position, next_word(self.value, self.cursor_position))
        else:
            self.delete_selection()

    def action_delete_left_word(self) -> None:
        if self.selection.is_empty:
            self.delete(previous_word(self.value, self.cursor_position), self.cursor_position)
        else:
            self.delete_selection()


class ThaiTextArea(ForgetsItsWatchesOnTheApp, KeepsKeyOrder, TextArea):
    def get_cursor_left_location(self):
        row, column = self.cursor_location
        if column == 0:
            return super().get_cursor_left_location()
        return row, previous_cell(self.document[row], column)

    def get_cursor_right_location(self):
        row, column = self.cursor_location
        line = self.document[row]
        if column >= len(line):
            return super().get_cursor_right_location()
        return row, next_cell(line, column)

    def get_cursor_word_left_location(self):
        row, column = self.cursor_location
        if column == 0:
            return super().get_cursor_word_left_location()
        return row, previous_word(self.document[row], column)

    def get_cursor_word_right_location(self):
        row, column = self.selection.end
        line = self.document[row]
        if column >= len(line):
            return super().get_cursor_word_right_location()
        return row, next_word(line, column)

    def get_cursor_line_end_location(self):
        """End and Shift+End go to the end of the line as typed (one list item), not of its screen row:
        stock TextArea stops one cell before each wrap point, so a wrapped item could never be selected
        whole with Shift+End. Home / Shift+Home match (docs/tui.md, F1 in a text field)."""
        row, _ = self.cursor_location
        return row, len(self.document[row])

    def get_cursor_line_start_location(self, smart_home: bool = False):
        row, _ = self.cursor_location
        return row, 0

    def action_delete_left(self) -> None:
        """Backspace removes one code point (a mark typed by mistake), as Thai typists expect."""
        if self.read_only:
            return
        selection = self.selection
        if selection.is_empty:
            row, column = self.cursor_location
            if column > 0:
                self._delete_via_keyboard((row, column - 1), (row, column))
                return
        super().action_delete_left()

    def move_cursor(self, location, select: bool = False, center: bool = False, record_width: bool = True) -> None:
        row, column = location
        if 0 <= row < self.document.line_count:
            column = snap_to_cell(self.document[row], column)
        super().move_cursor((row, column), select=select, center=center, record_width=record_width)
