"""A SelectionList whose ticks read without colour, and whose order the user can change.

Stock SelectionList draws `▐X▌` for every option and tells ticked from unticked by colour alone: at PuTTY's
16 colours an empty quarter picker looks fully ticked. Here a ticked option shows ✓ and an unticked one
a blank box. F9/F10 (the form's line moves) move the highlighted option, for lists whose order means
something (the signing order).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

TICKED, UNTICKED = "✓", " "


class MarkedSelectionList(SelectionList):
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
        options = [self.get_option_at_index(i) for i in range(self.option_count)]
        selected = set(self._selected)
        options[index], options[index + step] = options[index + step], options[index]
        rebuilt = [Selection(option.prompt, option.value, option.value in selected) for option in options]
        with self.prevent(SelectionList.SelectedChanged):
            self.clear_options()
            self.add_options(rebuilt)
        self.highlighted = index + step
        return True
