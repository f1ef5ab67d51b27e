"""History of one measure, the memo, a fiscal year or all the records: each version with its Thai date,
author and what it changed; the field-level difference of the selected version (raw diff one key away);
bring an earlier version back as a new save. Every git call runs in a worker thread."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ...i18n import current_language, t
from ...vcs.changes import FileChanges, version_changes
from ...vcs.command import version_date
from ...vcs.messages import version_day
from ...vcs.repository import Version
from ...vcs.runner import GitError
from ..bindings import TranslatedBindings
from ..dialogs import confirm_dialog
from ..display import one_line, safe_text
from ..widgets.footer import ItaFooter
from ..widgets.header import ItaHeader


class HistoryScreen(TranslatedBindings, Screen):
    HELP = "help.history"
    BINDINGS = [
        # named in the list's border: the footer keeps the app's keys in 80 columns (F1 lists these too)
        Binding("d", "toggle_raw", "key.raw-diff", id="history.raw", show=False),
        Binding("b", "bring_back", "key.bring-back", id="history.bring-back", show=False),
        Binding("escape", "app.pop_screen", "key.back", id="history.back", show=False),
    ]

    def __init__(self, target: str, what: str, outside: list[str] | None = None):
        super().__init__()
        self.target = target  # relative to the records folder: a file, a folder, or "" for everything
        self.what = what
        self.outside = outside or []
        self.versions: list[Version] = []
        self.show_raw = False

    @property
    def single_file(self) -> bool:
        return self.target.endswith(".toml")

    def compose(self) -> ComposeResult:
        yield ItaHeader()
        with Vertical():
            yield Static(safe_text(t("history.title", what=self.what)), id="history-title")
            if self.outside:
                yield Static(safe_text(t("vcs.state.outside", count=len(self.outside)) + ": "
                                       + ", ".join(self.outside)), id="history-outside")
            table = DataTable(id="versions", cursor_type="row", zebra_stripes=True)
            table.add_column(t("history.when"), key="when")
            table.add_column(t("history.author"), key="author")
            table.add_column(t("history.message"), key="message")
            table.border_title = t("history.keys")
            yield table
            with VerticalScroll(id="history-detail"):
                yield Static(id="history-changes")
        yield ItaFooter()

    def on_mount(self) -> None:
        self.query_one("#history-changes", Static).update(t("history.empty"))
        self._load_versions()

    @work(thread=True, exclusive=True, group="history-load")
    def _load_versions(self) -> None:
        try:
            versions = self.app.recorder.repository.history(self.target)
        except GitError as error:
            self.app.call_from_thread(self.notify, t("history.off", reason=str(error)), severity="error",
                                      markup=False)
            return
        self.app.call_from_thread(self._show_versions, versions)

    def _show_versions(self, versions: list[Version]) -> None:
        self.versions = versions
        table = self.query_one("#versions", DataTable)
        table.clear()
        lang = current_language()
        for index, version in enumerate(versions):
            first_line = version.message.splitlines()[0] if version.message else ""
            table.add_row(safe_text(version_date(version, lang)), safe_text(one_line(version.author, 20)),
                          safe_text(one_line(first_line, 60)), key=str(index))
        if versions:
            table.focus()
            self._load_changes(0)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.versions and event.row_key is not None:
            self._load_changes(int(event.row_key.value))

    def selected_index(self) -> int | None:
        table = self.query_one("#versions", DataTable)
        return table.cursor_row if self.versions and 0 <= table.cursor_row < len(self.versions) else None

    @work(thread=True, exclusive=True, group="history-diff")
    def _load_changes(self, index: int) -> None:
        repository = self.app.recorder.repository
        try:
            if self.show_raw:
                text = repository.raw_diff(self.versions[index].commit, self.target or ".")
            else:
                text = describe_changes(version_changes(repository, self.versions, index, self.single_file))
        except GitError as error:
            text = str(error)
        self.app.call_from_thread(self._show_changes, index, text)

    def _show_changes(self, index: int, text: str) -> None:
        if self.selected_index() == index:
            self.query_one("#history-changes", Static).update(safe_text(text))

    def action_toggle_raw(self) -> None:
        self.show_raw = not self.show_raw
        index = self.selected_index()
        if index is not None:
            self._load_changes(index)

    def action_bring_back(self) -> None:
        index = self.selected_index()
        if index is None or not self.single_file or index == 0:
            return
        version = self.versions[index]
        session = self.app.session
        if self.target not in session.store.sources:
            return
        if self.target in session.modified_files():
            self.notify(t("history.unsaved-first", file=self.target), severity="warning", markup=False)
            return
        day = version_day(version.when, current_language())

        def answered(choice: str | None) -> None:
            if choice == "yes":
                self.app.bring_back(self.target, version)

        self.app.push_screen(confirm_dialog(t("history.bring-back-question", date=day, file=self.target)), answered)

    def refresh_view(self) -> None:
        self._load_versions()


def describe_changes(files: list[FileChanges]) -> str:
    """Which field changed, its old and new text, file by file (record text is shown literally)."""
    lines: list[str] = []
    for file in files:
        if len(files) > 1 or file.before is None or file.after is None:
            mark = t("history.added") if file.before is None else t("history.removed") if file.after is None else ""
            lines.append(f"{file.path} {mark}".rstrip())
        if not file.fields and file.before is not None and file.after is not None:
            lines.append("  " + t("history.no-change"))
        for change in file.fields:
            label = t(f"field.{change.field}")
            lines.append(label if not label.startswith("field.") else change.field)
            for word, text in ((t("history.old"), change.old), (t("history.new"), change.new)):
                if text is None:
                    continue
                body = text.splitlines() or [""]
                lines.append(f"  {word}: {body[0]}")
                lines.extend(f"        {line}" for line in body[1:])
        lines.append("")
    return "\n".join(lines).rstrip() or t("history.no-change")
