"""The memo form: number, date (shown as a Thai date, typed either way), subject, addressee, closing,
signatories from the roster, last year's score with its grade."""

from __future__ import annotations

import copy
import math

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from ...i18n import t
from ...model.grade import grade_for_score
from ...model.records import FiscalYear
from ...store.edit import parse_date_input
from ...thai.dates import format_thai_date
from ...thai.hygiene import visible
from ..display import one_line, safe_text
from ..wrapping import keep_together
from ..widgets.footer import ItaFooter
from ..widgets.marked_list import MarkedSelectionList
from ..widgets.problems import ProblemsPanel
from ..widgets.thai_text import ThaiInput, ThaiTextArea
from ..widgets.header import ItaHeader
from ...model.findings import Finding
from .form import FormScreen, invalid_value, kept, lines_to_items, list_to_lines


def finite_number(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(text)
    return number


class MemoScreen(FormScreen):
    HELP = "help.memo"
    FIELD_WIDGETS = {"number": "number", "date": "date", "subject": "subject", "addressee": "addressee",
                     "closing": "closing", "signatories": "signatories", "body_template": "body_template",
                     "previous_ita": "score", "score": "score", "fiscal_year": "previous_year",
                     "paragraphs": "paragraphs"}
    INVALIDABLE = ("date", "score", "previous_year")

    def __init__(self, fiscal_year: int):
        super().__init__()
        self.fiscal_year = fiscal_year
        self._shown: dict[str, str] = {}

    def reopen(self) -> None:
        """Open the memo again (after a reload from disk): the fields show the file as it is now."""
        self.app.open_memo(self.fiscal_year)

    @property
    def year(self) -> FiscalYear:
        return self.app.session.records.years[self.fiscal_year]

    def compose(self) -> ComposeResult:
        year = self.year
        self.original = copy.deepcopy(year)  # the form's result = this + what the widgets show
        memo = year.memo
        roster = self.app.session.records.agency.officials
        shown = self._shown
        shown["number"] = visible(memo.number or "")
        shown["date"] = format_thai_date(memo.date, digits="arabic") if memo.date else ""
        shown["subject"] = visible(memo.subject)
        shown["addressee"] = visible(memo.addressee)
        shown["closing"] = visible(memo.closing)
        shown["body_template"] = visible(memo.body_template)
        shown["paragraphs"] = list_to_lines(memo.paragraphs or [])
        shown["score"] = "" if year.previous_ita.score is None else f"{year.previous_ita.score:g}"
        shown["previous_year"] = "" if year.previous_ita.fiscal_year is None else str(year.previous_ita.fiscal_year)
        yield ItaHeader()
        with VerticalScroll(id="form"):
            yield Static(safe_text(t("memo.heading", year=self.fiscal_year, file=year.origin.file), "bold"))
            yield Label(safe_text(t("memo.number-hint", prefix=self.app.session.records.agency.document_prefix)))
            yield ThaiInput(shown["number"], id="number")
            yield Label(t("memo.date-hint"))
            yield ThaiInput(shown["date"], id="date")
            yield Static(id="date-shown")
            yield Label(t("field.subject"))
            yield ThaiInput(shown["subject"], id="subject")
            yield Label(t("field.addressee"))
            yield ThaiInput(shown["addressee"], id="addressee")
            yield Label(t("memo.body-hint"))
            yield ThaiInput(shown["body_template"], id="body_template")
            yield Label(t("memo.paragraphs-hint"))
            yield ThaiTextArea(shown["paragraphs"], id="paragraphs", soft_wrap=True)
            yield Label(t("field.closing"))
            yield ThaiInput(shown["closing"], id="closing")
            yield Label(t("memo.signatories-hint"))
            known = {person.id for person in roster}
            by_id = {person.id: person for person in roster}
            # the signing order: who signs, in order, then the rest of the roster (F9/F10 move a name)
            listed = list(dict.fromkeys(memo.signatories)) + [p.id for p in roster if p.id not in memo.signatories]
            selections = [Selection(safe_text(f"{by_id[i].rank or by_id[i].title}{by_id[i].name} — {by_id[i].position}"
                                              if i in known else f"? {i}"), i, i in memo.signatories)
                          for i in listed]
            yield MarkedSelectionList(*selections, id="signatories")
            with Horizontal(id="score-row"):
                with VerticalScroll(classes="score-field"):
                    yield Label(t("memo.previous-year"))
                    yield ThaiInput(shown["previous_year"], id="previous_year")
                with VerticalScroll(classes="score-field"):
                    yield Label(t("field.score"))
                    yield ThaiInput(shown["score"], id="score")
                yield Static(id="grade")
        yield ProblemsPanel(id="problems")
        yield ItaFooter()

    def on_mount(self) -> None:
        protected = self.app.session.wrongly_typed_paths(self.year.origin.file)
        names = []
        for path in protected:
            widget_id = self.FIELD_WIDGETS.get(path[-1]) if len(path) > 1 else None
            if path == ("previous_ita", "fiscal_year"):
                widget_id = "previous_year"
            if widget_id:
                self.query_one(f"#{widget_id}").disabled = True
                names.append(t(f"field.{path[-1]}"))
        if protected:
            self.notify(t("measure.wrong-type", fields=", ".join(sorted(names)) or ", ".join(map(str, protected))),
                        severity="warning", timeout=15, markup=False)
        self.query_one("#number").focus(scroll_visible=False)  # the form opens at its top (its heading)
        self._show_derived()
        self.query_one(ProblemsPanel).show(self.app.session.findings_for_file(self.year.origin.file), with_file=False)
        self.call_after_refresh(self._loaded)

    def _loaded(self) -> None:
        self._loading = False

    def _show_derived(self) -> None:
        year = self.year
        score = year.previous_ita.score
        self.query_one("#grade", Static).update(
            safe_text(t("memo.grade", grade=grade_for_score(score)) if score is not None else t("memo.no-grade")))
        self.query_one("#date-shown", Static).update(
            safe_text(t("memo.date-shown", date=keep_together(format_thai_date(year.memo.date)))
                      if year.memo.date else ""))
        for finding in self.invalid:  # never preview the last good value as if it were what was typed
            shown_in = "#date-shown" if finding.key_path[-1] == "date" else "#grade"
            self.query_one(shown_in, Static).update(safe_text(t(finding.message, **finding.params), "bold red"))

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self.schedule_apply()

    def apply_now(self) -> None:
        self._apply_timer = None
        if not self.is_attached:
            return
        original = self.original
        year = copy.deepcopy(original)
        year.measures = self.year.measures  # the memo form never edits measures
        memo, previous = year.memo, year.previous_ita
        shown = self._shown

        def value(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", ThaiInput).value

        paragraphs = self.query_one("#paragraphs", ThaiTextArea).text
        if paragraphs != shown["paragraphs"]:
            memo.paragraphs = lines_to_items(paragraphs, original.memo.paragraphs or []) or None

        if value("number") != shown["number"]:
            memo.number = value("number")
        for field in ("subject", "addressee", "closing", "body_template"):
            setattr(memo, field, kept(getattr(original.memo, field), shown[field], value(field)))
        file = year.origin.file
        invalid: dict[str, Finding] = {}
        if value("date") != shown["date"]:
            try:
                memo.date = parse_date_input(value("date"))
            except ValueError:
                invalid["date"] = invalid_value(file, ("memo", "date"), "memo.bad-date", value("date"))
        signatories = self.query_one("#signatories", MarkedSelectionList)
        selected = set(signatories.selected)
        memo.signatories = [value for value in signatories.values_in_order() if value in selected]
        for widget_id, attribute, convert in (("score", "score", finite_number), ("previous_year", "fiscal_year", int)):
            if value(widget_id) != shown[widget_id]:
                text = value(widget_id).strip()
                try:
                    setattr(previous, attribute, convert(text) if text else None)
                except ValueError:
                    invalid[widget_id] = invalid_value(file, (attribute,), "memo.bad-number", text)
        self.hold_invalid(invalid)
        self.app.session.update_memo(year)
        self._show_derived()
        self.after_apply(self.fiscal_year, [year.origin.file])
