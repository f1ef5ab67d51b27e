"""One fiscal year: the memo at a glance and the measures, each with a status mark; add, delete,
duplicate, reorder."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from ...i18n import t
from ...model.grade import grade_for_score
from ...store import SaveRefused
from ...thai.dates import format_thai_date
from .lists import ListScreen
from .. import clock
from ..dialogs import confirm_dialog
from ..display import one_line, safe_text
from ..list_undo import UndoRefused
from ..table_rows import show_rows
from ..wrapping import keep_phrases
from ..year_columns import inner_width, layout_for, set_columns, year_rows
from ..widgets.fixed_width_table import FixedWidthTable
from ..widgets.footer import ItaFooter
from ..widgets.problems import ProblemsPanel
from ..widgets.header import ItaHeader


class YearScreen(ListScreen):
    HELP = "help.year"
    _layout = None  # the list's columns for the width last laid out (year_columns.Layout)
    made_ready_hidden = False  # composed before it was opened (year_screens.YearScreens.prepare)
    # The list's border names m a c d F9 F10; the footer keeps the app's keys, F6 and F7 included, in 80
    # columns (F1 lists every key, F4 too).
    # Enter is the table's own key while it has focus (always, here): shown, it appeared in the footer only
    # until the table took focus, and made the footer compose twice as the screen opened. F1 still lists it.
    BINDINGS = [
        Binding("enter", "open_measure", "key.open", id="year.open", show=False),
        Binding("m", "open_memo", "key.memo", id="year.memo", show=False),
        Binding("a", "add_measure", "key.add", id="year.add", show=False),
        Binding("c", "duplicate_measure", "key.duplicate", id="year.duplicate", show=False),
        Binding("d,delete", "delete_measure", "key.delete", id="year.delete", show=False),
        Binding("f9", "move(-1)", "key.move-up", id="year.move-up", show=False),
        Binding("f10", "move(1)", "key.move-down", id="year.move-down", show=False),
        Binding("f4", "edit_file", "key.editor-file", id="year.editor", show=False),
        Binding("ctrl+z", "undo_list", "key.undo", id="year.undo"),
        Binding("ctrl+y", "redo_list", "key.redo", id="year.redo", show=False),
        Binding("escape", "app.pop_screen", "key.back", id="year.back", show=False),
    ]

    # Ctrl+Q quits from here too (F1 lists it, the overview's footer shows it): its room in 80 columns goes
    # to Ctrl+Z, which undoes the list's actions.
    FOOTER_HIDDEN = frozenset({"quit_app"})

    def __init__(self, fiscal_year: int):
        super().__init__()
        self.fiscal_year = fiscal_year

    @property
    def year(self):
        return self.app.session.records.years[self.fiscal_year]

    def compose(self) -> ComposeResult:
        yield ItaHeader()
        with Vertical():
            yield Static(id="year-title")
            yield Static(id="memo-summary")
            table = FixedWidthTable(id="measures", cursor_type="row", zebra_stripes=True)
            table.border_title = t("year.measures")
            yield table
            yield ProblemsPanel(id="problems")
        yield ItaFooter()

    def on_mount(self) -> None:
        table = self.query_one("#measures", DataTable)
        self._lay_out_columns()
        table.focus()

    def _lay_out_columns(self, terminal_width: int | None = None) -> None:
        """Columns for this width (more of them from 100 cells, the title taking the rest); rows again, the
        cursor on the row it was on. *terminal_width*: the terminal's, for a screen not laid out at it yet."""
        table = self.query_one("#measures", DataTable)
        width = inner_width(table, self.app.size.width) if terminal_width is None \
            else inner_width(table, terminal_width, laid_out=False)
        layout = layout_for(width)
        if layout != getattr(self, "_layout", None):
            selected = self.selected_file() if self._layout is not None else None
            self._layout = layout
            set_columns(table, layout)
            self.refresh_view(select_file=selected)

    def on_screen_resume(self, event) -> None:
        """(ListScreen's handler, which refreshes the view, runs too: Textual calls each class's own.)"""
        if not self._shown_once:
            # Textual restyles every widget of a screen each time it is shown; the first time, they were
            # styled a moment ago as they mounted (and focus restyled what it changed).
            event.refresh_styles = False
            if self.made_ready_hidden:  # composed while the app was idle: the records may have changed since
                self.refresh_view()
        laid_out_at = self.outer_size.width  # (a screen's `size` is the terminal's)
        if laid_out_at and laid_out_at != self.app.size.width:
            # the terminal was resized while this screen was kept hidden: its columns for the new width
            # before it is painted (after, the old width's columns showed for a moment)
            self._lay_out_columns(self.app.size.width)

    def on_resize(self, event) -> None:
        if event.size == self.outer_size:
            # Textual sends a screen a Resize after laying it out the first time, to the size it was laid
            # out at, and lays it (and the screen below) out again on it: a layout and paint for nothing.
            event.prevent_default()
        self.call_after_refresh(self._lay_out_columns)

    def refresh_view(self, select_file: str | None = None) -> None:
        session = self.app.session
        year = self.year
        self._update_static("#year-title",
                            safe_text(t("year.title", year=self.fiscal_year, count=len(year.measures)), "bold"))
        score = year.previous_ita.score
        memo = year.memo
        summary = t("year.memo-summary", subject=one_line(memo.subject, 60) or "—",
                    date=format_thai_date(memo.date) if memo.date else "—",
                    signers=len(memo.signatories),
                    score="—" if score is None else f"{score:.2f}",
                    grade="" if score is None else grade_for_score(score),
                    previous=year.previous_ita.fiscal_year or "—")
        self._update_static("#memo-summary", safe_text(keep_phrases(summary)))
        table = self.query_one("#measures", DataTable)
        current = select_file or self.selected_file()
        show_rows(table, year_rows(self._layout, year, session.findings_for_year(self.fiscal_year),
                                   set(session.modified_files()), clock.today()))
        if current:
            for row_index, measure in enumerate(year.measures):
                if measure.origin.file == current:
                    table.move_cursor(row=row_index)
        self._show_problems(session.findings_for_year(self.fiscal_year))

    # Coming back from a form refreshes the view: what did not change is not set again (a Static's update
    # and the panel's options each ask for a new layout and paint of the screen).
    _shown_texts: dict | None = None
    _shown_problems: tuple | None = None

    def _update_static(self, selector: str, text: Text) -> None:
        shown = (text.plain, str(text.style), tuple(text.spans))
        if self._shown_texts is None:
            self._shown_texts = {}
        if self._shown_texts.get(selector) != shown:
            self._shown_texts[selector] = shown
            self.query_one(selector, Static).update(text)

    def _show_problems(self, findings: list) -> None:
        """The panel names each finding's measure by number and title: those are part of what it shows."""
        panel = self.query_one(ProblemsPanel)
        shown = (list(findings), [(measure.origin.file, measure.title) for measure in self.year.measures],
                 panel.folded)
        if shown != self._shown_problems:
            self._shown_problems = shown
            panel.show(findings)

    def selected_file(self) -> str | None:
        table = self.query_one("#measures", DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def selected_measure(self):
        file = self.selected_file()
        return next((m for m in self.year.measures if m.origin.file == file), None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_measure()

    def action_open_measure(self) -> None:
        measure = self.selected_measure()
        if measure is not None:
            from .measure import MeasureScreen

            self.app.push_screen(MeasureScreen(self.fiscal_year, measure.origin.file))

    def action_open_memo(self) -> None:
        self.app.open_memo(self.fiscal_year)

    def action_add_measure(self) -> None:
        try:
            measure = self.app.session.add_measure(self.fiscal_year, selected=self.selected_file())
        except (SaveRefused, OSError) as error:
            self.notify(t("error.create", reason=str(error)), severity="error", markup=False)
            return
        self.app.record_file(measure.origin.file, None)
        self.app.session.recheck()
        self.refresh_view(select_file=measure.origin.file)
        self.app.refresh_unsaved()
        from .measure import MeasureScreen

        self.app.push_screen(MeasureScreen(self.fiscal_year, measure.origin.file))

    def action_duplicate_measure(self) -> None:
        measure = self.selected_measure()
        if measure is None:
            return
        try:
            copy = self.app.session.add_measure(self.fiscal_year, copy_of=measure, selected=measure.origin.file)
        except (SaveRefused, OSError) as error:
            self.notify(t("error.create", reason=str(error)), severity="error", markup=False)
            return
        self.app.record_file(copy.origin.file, None)
        self.app.session.recheck()
        self.refresh_view(select_file=copy.origin.file)
        self.app.refresh_unsaved()
        self.notify(t("year.duplicated", file=copy.origin.file), markup=False)

    def action_delete_measure(self) -> None:
        measure = self.selected_measure()
        if measure is None:
            return

        table = self.query_one("#measures", DataTable)
        row = table.cursor_row

        def answered(choice: str | None) -> None:
            if choice != "yes":
                return
            source = self.app.session.store.sources.get(measure.origin.file)
            before = source.raw if source else None
            try:
                self.app.session.delete_measure(measure)
            except (SaveRefused, OSError) as error:
                self.notify(t("error.delete", reason=str(error)), severity="error", markup=False)
                return
            self.app.record_file(measure.origin.file, before)
            self.app.session.recheck()
            self.refresh_view()
            if table.row_count:  # on the measure that took its place (the cursor went back to the first)
                table.move_cursor(row=min(row, table.row_count - 1))
            self.app.refresh_unsaved()
            self.notify(t("year.deleted", file=measure.origin.file), markup=False)

        self.app.push_screen(confirm_dialog(t("year.confirm-delete", title=one_line(measure.title, 50),
                                              file=measure.origin.file)), answered)

    def action_move(self, step: int) -> None:
        """Move this measure up or down the list: only `order` lines change, numbers stay 1..N."""
        measure = self.selected_measure()
        if measure is None or not self.app.session.move_measure(self.fiscal_year, measure.origin.file, step):
            return
        self.app.session.recheck()
        self.refresh_view(select_file=measure.origin.file)
        self.app.refresh_unsaved()

    def action_edit_file(self) -> None:
        """Open the selected measure's TOML file in $EDITOR, then reload and re-check it."""
        from .form import run_editor

        measure = self.selected_measure()
        if measure is None:
            return
        session = self.app.session
        file = measure.origin.file
        if file in session.modified_files():
            self.notify(t("editor.save-first", file=file), severity="warning", markup=False)
            return
        before = session.store.sources[file].raw
        orders = session.list_undo.orders(self.fiscal_year)
        if run_editor(self.app, str(session.store.sources[file].path)):
            session.reload(file)
            session.list_undo.editor_edited(self.fiscal_year, file, before, orders)
            self.app.record_file(file, before, t("vcs.msg.editor"))
            self.refresh_view(select_file=file)

    # -- undo: the list's actions since the last save (list_undo.py) -----------------------------------
    def action_undo_list(self) -> None:
        self._go(self.app.session.list_undo.undo, "undo")

    def action_redo_list(self) -> None:
        self._go(self.app.session.list_undo.redo, "redo")

    def _go(self, step_once, way: str) -> None:
        try:
            outcome = step_once(self.fiscal_year)
        except UndoRefused as refused:
            self.notify(t(f"{way}.refused", reason=t(refused.key, file=refused.file)), severity="error")
            return
        except OSError as error:
            self.notify(t(f"{way}.refused", reason=error.strerror or str(error)), severity="error")
            return
        if outcome is None:
            self.notify(t(f"{way}.nothing"))
            return
        step = outcome.step
        self.app.record_saved(outcome.disk_changes, self._history_note(way, step))
        self.app.session.recheck()
        self.refresh_view(select_file=outcome.select)
        self.app.refresh_unsaved()
        self.notify(t(f"{way}.done", action=t(f"undo.action.{step.kind}", number=step.number)))

    def _history_note(self, way: str, step) -> str:
        """What the history says of an undo: the action undone ("undo: delete measure ๓"), not only what the
        files did (a deleted measure undone is a file added back)."""
        from ...vcs.messages import number

        action = t(f"undo.action.{step.kind}", number=number(step.number, self.app.lang))
        return t(f"vcs.msg.{way}-of", action=action)

    def on_problems_panel_jump(self, event: ProblemsPanel.Jump) -> None:
        self.app.jump_to(event.finding)
