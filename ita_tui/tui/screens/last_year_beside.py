"""The measure form's view of last year: F3 shows the previous year's measure of the same title read only
(beside the form from 120 columns, above it at 80×24), F8 copies the focused field's value from it.

A copy is an ordinary edit: it goes into the field the way typing does (a TextArea edit, an Input value),
so the form applies it, marks the file unsaved, and Ctrl+S saves it.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.events import Resize
from textual.widgets import Input, TextArea
from textual.widgets.select import InvalidSelectValueError

from ...i18n import t
from ...model.last_year import SAME_TITLE, matching_measure, previous_fiscal_year
from ...model.records import Measure
from ...store.schema import MEASURE_STATUSES
from ...thai.hygiene import visible
from ..dialogs import ChoiceDialog
from ..display import one_line
from ..widgets.last_year import LastYearPanel
from .form import list_to_lines
from .last_year_picker import LastYearPicker

LIST_FIELDS = ("owners", "steps", "results", "evidence")


def budget_text(measure: Measure) -> str:
    budget = measure.budget
    if budget is None:
        return ""
    return budget.note or (f"{budget.amount:g}" if budget.amount is not None else "")


def shown_values(measure: Measure) -> dict[str, str]:
    """Each form field's text as the measure form shows it (widget id → text)."""
    from .measure import results_to_lines

    return {"title": visible(measure.title), "owners": list_to_lines(measure.owners),
            "steps": list_to_lines(measure.steps), "timeline": visible(measure.timeline.text),
            "results": results_to_lines(measure.results), "recommendation": visible(measure.recommendation),
            "budget": budget_text(measure), "evidence": list_to_lines(measure.evidence)}


LAST_YEAR_BINDINGS = [  # Textual reads BINDINGS only from widget classes: the form lists these
    Binding("f3", "toggle_last_year", "key.last-year", id="measure.last-year", show=False),
    Binding("f8", "copy_last_year", "key.copy-last-year", id="measure.copy-last-year", show=False),
]


class LastYearBeside:
    """Mixin for the measure form (needs `fiscal_year`, `file`, `measure`)."""

    last_year_file: str | None = None  # the previous year's measure shown beside this one
    last_year_how = ""

    # -- which measure ------------------------------------------------------------------------
    def _previous_year(self) -> int | None:
        return previous_fiscal_year(self.app.session.records, self.fiscal_year)

    def last_year_measure(self) -> Measure | None:
        previous = self._previous_year()
        if previous is None or self.last_year_file is None:
            return None
        return next((m for m in self.app.session.records.years[previous].measures
                     if m.origin.file == self.last_year_file), None)

    def action_toggle_last_year(self) -> None:
        panels = self.query(LastYearPanel)
        if panels:
            panels.first().remove()
            return
        previous = self._previous_year()
        if previous is None:
            self.notify(t("beside.first-year", year=self.fiscal_year), severity="warning", markup=False)
            return
        measures = self.app.session.records.years[previous].measures
        if not measures:
            self.notify(t("beside.no-measures", year=previous), severity="warning", markup=False)
            return
        if self.last_year_measure() is None:
            match, how = matching_measure(measures, self.measure.title)
            if match is None:
                self.action_choose_last_year()
                return
            self.last_year_file, self.last_year_how = match.origin.file, how
        self._show_last_year()

    def action_choose_last_year(self) -> None:
        previous = self._previous_year()
        if previous is None:
            return
        measures = self.app.session.records.years[previous].measures

        def chosen(file: str | None) -> None:
            if file is None:
                return
            self.last_year_file, self.last_year_how = file, "chosen"
            self._show_last_year()

        self.app.push_screen(LastYearPicker(t("beside.choose-title", year=previous), measures,
                                            self.last_year_file), chosen)

    # -- the panel ----------------------------------------------------------------------------
    def _show_last_year(self) -> None:
        measure = self.last_year_measure()
        if measure is None:
            return
        previous = self._previous_year()
        year = self.app.session.records.years[previous]
        number = year.measures.index(measure) + 1
        heading = t("beside.heading", year=previous, number=number) + "\n" + t(
            "beside.chosen-by", how=t(f"beside.how.{self.last_year_how or SAME_TITLE}"))
        shown = shown_values(measure)
        empty = t("beside.empty")
        fields = [(t(f"field.{key}"), shown[key] or empty) for key in ("title", "owners", "steps", "timeline")]
        quarters = ", ".join(t(f"quarter.{q}") for q in measure.timeline.quarters)
        fields += [(t("field.quarters"), quarters or empty)]
        fields += [(t(f"field.{key}"), shown[key] or empty) for key in ("results", "recommendation")]
        status = measure.status
        fields += [(t("field.status"), t(f"status.{status}") if status in MEASURE_STATUSES else one_line(status) or empty)]
        fields += [(t(f"field.{key}"), shown[key] or empty) for key in ("budget", "evidence")]
        for old in self.query(LastYearPanel):
            old.remove()
        panel = LastYearPanel(heading, fields, id="last-year")
        panel.place_for(self.size.width)
        self.mount(panel, before=self.query_one("#form"))

    def on_resize(self, event: Resize) -> None:
        for panel in self.query(LastYearPanel):
            panel.place_for(event.size.width)

    # -- copying a field ------------------------------------------------------------------------
    def action_copy_last_year(self) -> None:
        source = self.last_year_measure() if self.query(LastYearPanel) else None
        if source is None:
            self.notify(t("beside.open-first"), markup=False)
            return
        widget = self.focused
        field = getattr(widget, "id", None)
        if field not in (*shown_values(source), "quarters", "status") or widget.disabled:
            self.notify(t("beside.focus-a-field"), markup=False)
            return
        if field == "results" and source.results:
            def answered(choice: str | None) -> None:
                if choice == "copy":
                    self._copy_field(widget, field, source)

            self.app.push_screen(ChoiceDialog(t("beside.results-question", count=len(source.results)),
                                              [("copy", t("beside.copy-anyway")), ("cancel", t("dialog.cancel"))],
                                              focus="cancel"), answered)
            return
        self._copy_field(widget, field, source)

    def _copy_field(self, widget, field: str, source: Measure) -> None:
        """Put last year's value in *widget* the way typing would, and say what was copied."""
        label = t(f"field.{field}")
        if field == "quarters":
            widget.deselect_all()
            for quarter in source.timeline.quarters:
                widget.select(quarter)
            self.notify(t("beside.copied", field=label), markup=False)
            return
        if field == "status":
            try:
                widget.value = source.status if source.status else widget.NULL
            except InvalidSelectValueError:  # a status this form does not offer: left as it is
                return
            self.notify(t("beside.copied", field=label), markup=False)
            return
        value = shown_values(source)[field]
        if not value:
            self.notify(t("beside.nothing-to-copy", field=label), markup=False)
            return
        if value == (widget.text if isinstance(widget, TextArea) else widget.value):
            self.notify(t("beside.already-same", field=label), markup=False)
            return
        if isinstance(widget, TextArea):
            widget.replace(value, (0, 0), widget.document.end)  # an edit: undo takes it back
        elif isinstance(widget, Input):
            widget.value = value
            widget.cursor_position = len(value)
        if field in LIST_FIELDS:
            count = len(source.results if field == "results" else getattr(source, field))
            self.notify(t("beside.copied-list", field=label, count=count), markup=False)
        else:
            self.notify(t("beside.copied", field=label), markup=False)

