"""A SelectionList whose ticks read without colour, and whose order the user can change.

Stock SelectionList draws `▐X▌` for every option and tells ticked from unticked by colour alone: at PuTTY's
16 colours an empty quarter picker looks fully ticked. Here a ticked option shows ✓ and an unticked one
a blank box. F9/F10 (the form's line moves) move the highlighted option, for lists whose order means
something (the signing order). Ctrl+Z / Ctrl+Y undo and redo a tick or a move, as in the text fields.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.binding import Binding
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

TICKED, UNTICKED = "✓", " "


class MarkedSelectionList(SelectionList):
    BINDINGS = [
        Binding("ctrl+z,super+z", "undo", show=False),
        Binding("ctrl+y,super+y", "redo", show=False),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._undo_states: list[tuple] = []
        self._redo_states: list[tuple] = []

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        index = self.scroll_offset.y + y
        if len(segments) < 4 or not 0 <= index < self.option_count:
            return strip
        ticked = self.get_option_at_index(index).value in self._selected
        segments[1] = Segment(TICKED if ticked else UNTICKED, segments[1].style)
        return Strip(segments, strip.cell_length)

    def values_in_order(self) -> list:
        return [self.get_option_at_index(index).value for index in range(self.option_count)]

    def move_highlighted(self, step: int) -> bool:
        """Move the highlighted option one place up (-1) or down (+1); False at either end."""
        index = self.highlighted
        if index is None or not 0 <= index + step < self.option_count:
            return False
        self._remember()
        order = self.values_in_order()
        order[index], order[index + step] = order[index + step], order[index]
        self._show(order, set(self._selected), index + step)
        return True

    def _toggle_highlighted_selection(self) -> None:
        if self.highlighted is not None:
            self._remember()
        super()._toggle_highlighted_selection()

    # -- undo -------------------------------------------------------------------------------------
    def _state(self) -> tuple:
        return self.values_in_order(), set(self._selected), self.highlighted

    def _remember(self) -> None:
        self._undo_states.append(self._state())
        self._redo_states.clear()

    def action_undo(self) -> None:
        if self._undo_states:
            self._redo_states.append(self._state())
            self._show(*self._undo_states.pop())
            self._message_changed()  # the form applies it like any tick

    def action_redo(self) -> None:
        if self._redo_states:
            self._undo_states.append(self._state())
            self._show(*self._redo_states.pop())
            self._message_changed()

    def _show(self, order: list, selected: set, highlighted: int | None) -> None:
        """Rebuild the options in *order* with *selected* ticked."""
        prompts = {self.get_option_at_index(i).value: self.get_option_at_index(i).prompt
                   for i in range(self.option_count)}
        with self.prevent(SelectionList.SelectedChanged):
            self.clear_options()
            self.add_options([Selection(prompts[value], value, value in selected) for value in order])
        self.highlighted = highlighted
