"""Choosing which of last year's measures goes with this one, when the titles do not say it clearly.

A year can hold 200 measures: typing part of a title (folded as search folds it: Thai or Arabic digits,
ำ or ํา) narrows the list; Up/Down move through it, Enter takes the highlighted one.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import t
from ...model.records import Measure
from ...thai.search import fold, fold_query
from ..bindings import TranslatedBindings
from ..display import one_line, safe_text
from ..widgets.thai_text import ThaiInput


class FilterInput(ThaiInput):
    """Up/Down move through the list below (own bindings: they keep their order in a burst of keys)."""

    BINDINGS = [
        Binding("down", "screen.move(1)", show=False),
        Binding("up", "screen.move(-1)", show=False),
    ]


class LastYearPicker(TranslatedBindings, ModalScreen[str | None]):
    """Last year's measures by number and title; Enter answers the chosen file, Escape None."""

    BINDINGS = [Binding("escape", "dismiss(None)", "key.cancel", id="picker.cancel")]

    def __init__(self, question: str, measures: list[Measure], current: str | None = None):
        super().__init__()
        self.question = question
        self.measures = measures
        self.current = current
        self.labels = [f"{number}. {one_line(measure.title)}" for number, measure in enumerate(measures, start=1)]
        self.folded = [fold(label) for label in self.labels]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(safe_text(self.question), id="dialog-question")
            yield FilterInput(placeholder=t("beside.filter"), id="last-year-filter")
            yield OptionList(id="last-year-choices")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#last-year-filter").focus()

    def _fill(self, query: str) -> None:
        folded_query = fold_query(query)
        choices = self.query_one(OptionList)
        choices.clear_options()
        choices.add_options([Option(safe_text(label), id=measure.origin.file)
                             for label, folded, measure in zip(self.labels, self.folded, self.measures)
                             if folded_query in folded])
        files = [option.id for option in choices.options]
        if files:
            choices.highlighted = files.index(self.current) if self.current in files else 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        choices = self.query_one(OptionList)
        if choices.highlighted is not None:
            self.dismiss(choices.options[choices.highlighted].id)

    def action_move(self, step: int) -> None:
        choices = self.query_one(OptionList)
        if choices.option_count:
            current = choices.highlighted if choices.highlighted is not None else 0
            choices.highlighted = max(0, min(choices.option_count - 1, current + step))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
