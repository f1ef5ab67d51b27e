"""The agency and its fiscal years at a glance: measures, completeness, last year's score and grade."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from ...i18n import t
from ...model.grade import grade_for_score
from ...model.progress import State
from .lists import ListScreen
from .. import clock
from ..display import safe_text
from ..year_columns import WIDE_FROM, inner_width
from ...thai.dates import format_thai_date
from ..widgets.footer import ItaFooter
from ..widgets.problems import ProblemsPanel
from ..widgets.header import ItaHeader


REST_SECONDS = 0.5  # the cursor resting this long on a year makes it ready to open


class OverviewScreen(ListScreen):
    HELP = "help.overview"
    BINDINGS = [Binding("enter", "open_year", "key.open", id="overview.open"),
                Binding("n", "new_year", "key.new-year", id="overview.new-year", show=False)]

    def compose(self) -> ComposeResult:
        agency = self.app.session.records.agency
        yield ItaHeader()
        with Vertical():
            yield Static(safe_text(agency.name or t("overview.no-agency"), "bold"), id="agency-name")
            yield Static(safe_text(t("overview.agency-line", district=agency.district, province=agency.province,
                                     officials=len(agency.officials)) if agency.name else ""), id="agency-line")
            table = DataTable(id="years", cursor_type="row", zebra_stripes=True)
            table.border_title = t("overview.years")
            yield table
            yield ProblemsPanel(id="problems")
        yield ItaFooter()

    NARROW_COLUMNS = ("col.year", "col.measures", "col.done-late", "col.errors", "col.warnings", "col.score",
                      "col.grade")
    # from WIDE_FROM cells: a count per state in place of done/late, and the memo's date
    WIDE_COLUMNS = ("col.year", "col.measures", "col.planned", "col.in-progress", "col.done", "col.late",
                    "col.errors", "col.warnings", "col.score", "col.grade", "col.memo-date")
    _columns: tuple = ()

    def on_mount(self) -> None:
        self._lay_out_columns()
        self.query_one("#years", DataTable).focus()

    def _lay_out_columns(self) -> None:
        table = self.query_one("#years", DataTable)
        columns = self.WIDE_COLUMNS if inner_width(table, self.app.size.width) >= WIDE_FROM else self.NARROW_COLUMNS
        if columns != self._columns:
            selected = self.selected_year()  # the clear below puts the cursor back on the first row
            self._columns = columns
            table.clear(columns=True)
            for key in columns:
                table.add_column(t(key), key=key)
            self.refresh_view(select_year=selected)

    def on_resize(self, event) -> None:
        self.call_after_refresh(self._lay_out_columns)

    def refresh_view(self, select_year: int | None = None) -> None:
        session = self.app.session
        table = self.query_one("#years", DataTable)
        current = select_year or self.selected_year()  # a refresh (after a dialog, a form) keeps the user's place
        table.clear()
        today = clock.today()
        for fiscal_year in sorted(session.records.years, reverse=True):
            summary = session.year_summary(fiscal_year, today)  # a year not opened yet is not read for this
            errors, warnings = session.counts(session.findings_for_year(fiscal_year))
            score = summary.score
            late = summary.count(State.LATE)
            cells = {
                "col.year": Text(str(fiscal_year)), "col.measures": Text(str(summary.measures)),
                "col.done-late": Text(f"{summary.count(State.DONE)}/{late}", style="bold" if late else ""),
                "col.planned": Text(str(summary.count(State.PLANNED))),
                "col.in-progress": Text(str(summary.count(State.IN_PROGRESS))),
                "col.done": Text(str(summary.count(State.DONE))),
                "col.late": Text(str(late), style="bold" if late else ""),
                "col.errors": Text(str(errors), style="bold red" if errors else "green"),
                "col.warnings": Text(str(warnings), style="yellow" if warnings else "green"),
                "col.score": Text("" if score is None else f"{score:.2f}"),
                "col.grade": Text("" if score is None else grade_for_score(score)),
                "col.memo-date": safe_text(format_thai_date(summary.memo_date) if summary.memo_date else "—"),
            }
            table.add_row(*(cells[key] for key in self._columns), key=str(fiscal_year))
        if current is not None and current in session.records.years:
            table.move_cursor(row=sorted(session.records.years, reverse=True).index(current))
        load_problems = [f for f in session.findings if f.rule_id.startswith("file-")]
        self.query_one(ProblemsPanel).show(load_problems or session.findings)

    def selected_year(self) -> int | None:
        table = self.query_one("#years", DataTable)
        if table.row_count == 0:
            return None
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(row_key.value)

    def action_open_year(self) -> None:
        year = self.selected_year()
        if year is not None:
            self.app.year_screens.open(year)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_year()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The year the cursor rests on is made ready to open (year_screens.py), once the start's own
        loading is done: a cursor moving on makes nothing."""
        warm_up = self.app.export_warm_up
        if warm_up is None or not warm_up.done:
            return  # the app makes the cursor's year ready once it has loaded the PDF stack
        if self._rest_timer is not None:
            self._rest_timer.stop()
        self._rest_timer = self.set_timer(REST_SECONDS, self._prepare_year_rested_on)

    _rest_timer = None

    def _prepare_year_rested_on(self) -> None:
        self._rest_timer = None
        if self.app.screen is self and self.selected_year() is not None:
            self.app.year_screens.prepare(self.selected_year())

    def action_new_year(self) -> None:
        """Start the year after the last one: with the measures' plans copied, or empty."""
        from ...store import SaveRefused
        from ...store.new_year import create_fiscal_year
        from ..dialogs import ChoiceDialog

        years = sorted(self.app.session.records.years)
        source = years[-1] if years else None
        new_year = (source + 1) if source else None
        if new_year is None:
            self.notify(t("new-year.which"), markup=False)
            return

        def answered(choice: str | None) -> None:
            if choice not in ("copy", "empty"):
                return
            try:
                create_fiscal_year(self.app.session.store, new_year, source, copy_measures=choice == "copy")
            except (SaveRefused, OSError) as error:
                self.notify(t("new-year.refused", reason=str(error)), severity="error", markup=False)
                return
            from ...vcs.messages import new_year_message

            self.app.record_paths(new_year_message(new_year, source, self.app.lang), [str(new_year)])
            self.app.session.recheck()
            self.refresh_view(select_year=new_year)
            self.notify(t("new-year.created-short", year=new_year), markup=False)

        self.app.push_screen(ChoiceDialog(t("new-year.question", year=new_year, source=source),
                                          [("copy", t("new-year.copy")), ("empty", t("new-year.empty")),
                                           ("cancel", t("dialog.cancel"))], focus="cancel"), answered)

    def on_problems_panel_jump(self, event: ProblemsPanel.Jump) -> None:
        self.app.jump_to(event.finding)
