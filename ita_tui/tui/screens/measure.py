"""The measure form: every field of one measure, checked as the user types."""

from __future__ import annotations

import copy

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from ...i18n import t
from ...model.records import Budget, Measure, Result, Timeline
from ...store.edit import parse_date_input
from ...store.schema import MEASURE_STATUSES
from ...thai.dates import format_thai_date
from ...thai.hygiene import visible
from ..display import one_line, safe_text
from ..widgets.footer import ItaFooter
from ..widgets.marked_list import MarkedSelectionList
from ..widgets.problems import ProblemsPanel
from ..widgets.thai_text import ThaiInput, ThaiTextArea
from ..widgets.header import ItaHeader
from .last_year_beside import LAST_YEAR_BINDINGS, LastYearBeside
from .form import FormScreen, kept, lines_to_items, lines_to_list, list_to_lines

DATE_SEPARATOR = " | "


def results_to_lines(results: list[Result]) -> str:
    lines = []
    for result in results:
        text = visible(result.text).replace("\n", " ⏎ ")
        if result.date:
            text = format_thai_date(result.date, abbreviated=True, digits="arabic") + DATE_SEPARATOR + text
        lines.append(text)
    return "\n".join(lines)


def lines_to_results(text: str) -> tuple[list[Result], list[str]]:
    """Results typed one per line, each optionally "date | text"; returns results and unreadable dates."""
    results, bad_dates = [], []
    for line in lines_to_list(text):
        date = None
        if DATE_SEPARATOR.strip() in line:
            head, _, rest = line.partition("|")
            try:
                date = parse_date_input(head)
                line = rest.strip()
            except ValueError:
                bad_dates.append(head.strip())
        results.append(Result(line, date))
    return results, bad_dates


class MeasureScreen(LastYearBeside, FormScreen):
    HELP = "help.measure"
    BINDINGS = LAST_YEAR_BINDINGS
    FIELD_WIDGETS = {"title": "title", "owners": "owners", "steps": "steps", "timeline": "timeline",
                     "results": "results", "recommendation": "recommendation", "status": "status",
                     "budget": "budget", "evidence": "evidence", "order": "title"}

    def __init__(self, fiscal_year: int, file: str):
        super().__init__()
        self.fiscal_year = fiscal_year
        self.file = file
        self._shown: dict[str, str] = {}

    def reopen(self) -> None:
        """Open this measure again (after a reload from disk): the fields show the file as it is now."""
        self.app.push_screen(MeasureScreen(self.fiscal_year, self.file))

    @property
    def measure(self) -> Measure:
        year = self.app.session.records.years[self.fiscal_year]
        return next(m for m in year.measures if m.origin.file == self.file)

    def compose(self) -> ComposeResult:
        measure = self.measure
        self.original = copy.deepcopy(measure)  # the form's result = this + what the widgets show
        shown = self._shown
        shown["title"] = visible(measure.title)
        shown["owners"] = list_to_lines(measure.owners)
        shown["steps"] = list_to_lines(measure.steps)
        shown["timeline"] = visible(measure.timeline.text)
        shown["results"] = results_to_lines(measure.results)
        shown["recommendation"] = visible(measure.recommendation)
        shown["budget"] = "" if measure.budget is None else (
            measure.budget.note or (f"{measure.budget.amount:g}" if measure.budget.amount is not None else ""))
        shown["evidence"] = list_to_lines(measure.evidence)
        yield ItaHeader()
        with VerticalScroll(id="form"):
            yield Static(safe_text(t("measure.heading", order=measure.order, file=self.file), "bold"), id="heading")
            yield Label(t("field.title"))
            yield ThaiInput(shown["title"], id="title")
            yield Label(t("measure.owners-hint"))
            yield ThaiTextArea(shown["owners"], id="owners", classes="short", soft_wrap=True)
            yield Label(t("measure.steps-hint"))
            yield ThaiTextArea(shown["steps"], id="steps", soft_wrap=True)
            yield Label(t("field.timeline"))
            yield ThaiTextArea(shown["timeline"], id="timeline", classes="short", soft_wrap=True)
            yield MarkedSelectionList(*[Selection(t(f"quarter.{q}"), q, q in measure.timeline.quarters) for q in (1, 2, 3, 4)],
                                id="quarters")
            yield Label(t("measure.results-hint"))
            yield ThaiTextArea(shown["results"], id="results", soft_wrap=True)
            yield Label(t("field.recommendation"))
            yield ThaiTextArea(shown["recommendation"], id="recommendation", soft_wrap=True)
            yield Label(t("field.status"))
            options = [(t(f"status.{status}"), status) for status in MEASURE_STATUSES]
            if measure.status and measure.status not in MEASURE_STATUSES:
                options.append((one_line(measure.status), measure.status))
            yield Select(options, value=measure.status or Select.NULL, id="status", allow_blank=True,
                         prompt=t("status.none"))
            yield Label(t("measure.budget-hint"))
            yield ThaiInput(shown["budget"], id="budget")
            yield Label(t("measure.evidence-hint"))
            yield ThaiTextArea(shown["evidence"], id="evidence", classes="short", soft_wrap=True)
        yield ProblemsPanel(id="problems")
        yield ItaFooter()

    def on_mount(self) -> None:
        protected = self.app.session.wrongly_typed_keys(self.file)
        for key in protected:
            widget_id = self.FIELD_WIDGETS.get(key)
            if widget_id:
                self.query_one(f"#{widget_id}").disabled = True
        if protected:
            self.notify(t("measure.wrong-type", fields=", ".join(t(f"field.{key}") for key in sorted(protected))),
                        severity="warning", timeout=15, markup=False)
        self.query_one("#title").focus(scroll_visible=False)  # the form opens at its top (its heading)
        self.query_one(ProblemsPanel).show(self.app.session.findings_for_file(self.file), with_file=False)
        self.call_after_refresh(self._loaded)

    def _loaded(self) -> None:
        self._loading = False

    def on_select_changed(self, event: Select.Changed) -> None:
        self.schedule_apply()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self.schedule_apply()

    def collect(self) -> tuple[Measure, list[str]]:
        """The measure as the form shows it (unchanged fields keep their exact original values)."""
        original = self.original
        measure = copy.deepcopy(original)
        measure.order = self.measure.order  # reordering happens on the year screen, not here
        shown = self._shown

        def text(widget_id: str) -> str:
            widget = self.query_one(f"#{widget_id}")
            return widget.value if isinstance(widget, ThaiInput) else widget.text

        measure.title = kept(original.title, shown["title"], text("title"))
        for field in ("owners", "steps", "evidence"):
            edited = text(field)
            if edited != shown[field]:
                setattr(measure, field, lines_to_items(edited, getattr(original, field)))
        timeline_text = kept(original.timeline.text, shown["timeline"], text("timeline"))
        quarters = sorted(self.query_one("#quarters", SelectionList).selected)
        measure.timeline = Timeline(timeline_text, quarters, original.timeline.start, original.timeline.end)
        bad_dates: list[str] = []
        if text("results") != shown["results"]:
            measure.results, bad_dates = lines_to_results(text("results"))
            exact = {visible(result.text).strip(): result.text for result in original.results}
            for result in measure.results:  # untouched result texts are written back exactly
                result.text = exact.get(result.text, result.text)
        measure.recommendation = kept(original.recommendation, shown["recommendation"], text("recommendation"))
        status = self.query_one("#status", Select).value
        measure.status = "" if status is Select.NULL else str(status)
        budget = text("budget")
        if budget != shown["budget"]:
            budget = budget.strip()
            try:
                measure.budget = Budget(amount=float(budget.replace(",", ""))) if budget else None
            except ValueError:
                measure.budget = Budget(note=budget)
        return measure, bad_dates

    def apply_now(self) -> None:
        self._apply_timer = None
        if not self.is_attached:
            return
        measure, bad_dates = self.collect()
        if bad_dates:
            self.notify(t("measure.bad-date", dates=", ".join(bad_dates)), severity="warning", markup=False)
        self.app.session.update_measure(measure)
        self.after_apply(self.fiscal_year, [self.file])
