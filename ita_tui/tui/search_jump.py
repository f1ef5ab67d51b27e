"""Where a search hit opens: which form edits its file, and where the match is in what that form shows.

Forms show record text through `visible()` (controls as stand-ins) and list items one per line with
their newlines as " ⏎ ", results after their date: offsets in the record are not offsets in the widget.
"""

from __future__ import annotations

from ..model.search import SearchPlace
from ..thai.hygiene import visible

from .screens.form import ITEM_NEWLINE  # noqa: E402  (how a form shows a newline inside one item)


def form_for_hit(screen, place: SearchPlace) -> bool:
    """Whether *screen* is the form that edits the place's file."""
    from .screens.measure import MeasureScreen
    from .screens.memo import MemoScreen

    if place.measure_number is None:
        return isinstance(screen, MemoScreen) and screen.fiscal_year == place.fiscal_year
    return isinstance(screen, MeasureScreen) and screen.file == place.file


def shown_offset(text: str, offset: int, list_item: bool) -> int:
    """The offset in the shown text of the record text's *offset*."""
    shown = visible(text[:offset])
    return len(shown.replace("\n", ITEM_NEWLINE) if list_item else shown)


def area_location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of *offset* in a multi-line text area showing `visible(text)`."""
    shown = visible(text[:offset])
    return shown.count("\n"), len(shown) - (shown.rfind("\n") + 1)


def line_location(line: str, item: str, offset: int) -> int:
    """The column in a list line of the item's *offset*: the item is at the end of its line (a result
    shows its date first); if the user changed the line, from its start."""
    shown_item = visible(item).replace("\n", ITEM_NEWLINE)
    lead = len(line) - len(shown_item) if line.endswith(shown_item) else 0
    return min(len(line), lead + shown_offset(item, offset, list_item=True))
