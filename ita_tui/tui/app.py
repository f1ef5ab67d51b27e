"""The App: a thin conductor. Global keys, save/quit/export/help, jumps; screens own the rest."""

from __future__ import annotations

import sys
from pathlib import Path

from textual import work
from textual._node_list import DuplicateIds
from textual.app import App
from textual.command import CommandPalette
from textual.binding import Binding
from textual.widgets import Input, TextArea

from ..i18n import set_language, t
from ..check.output import finding_message
from ..model.findings import Finding
from ..store import ConflictError
from .bindings import translate_bindings
from .commands import AppActions, MeasureSearch
from .config import Config, load_config
from .display import one_line
from ..thai.hygiene import visible
from .dialogs import ChoiceDialog, HelpDialog, conflict_dialog, quit_dialog
from .journal import Journal
from .recording import RecordsHistory
from .session import Session
from .widgets.key_order import OrderedCommandPalette


class ItaApp(RecordsHistory, App[int]):
    CSS_PATH = "ita.tcss"
    COMMANDS = {MeasureSearch, AppActions}
    BINDINGS = [
        Binding("ctrl+s", "save", "key.save", id="save", priority=True),
        Binding("ctrl+q", "quit_app", "key.quit", id="quit", priority=True),
        Binding("f1", "help", "key.help", id="help", priority=True),
        Binding("f2", "show_problems", "key.problems", id="problems", priority=True),
        Binding("f5", "export", "key.export", id="export", priority=True),
        Binding("ctrl+p", "command_palette", "key.palette", id="palette", priority=True, show=False),
        # Priority, so Tab moves focus in the app's own queue, in order with the keys of a burst: stock Tab
        # bubbles up from the field and the next characters of the burst land in the old field (#6605).
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
        Binding("f6", "history", "key.history", id="history", priority=True, show=False),
        Binding("f7", "push", "key.push", id="push", priority=True, show=False),
    ]

    def __init__(self, records_root: Path, lang: str = "th", config: Config | None = None,
                 journal: Journal | None = None, out_root: Path | None = None, use_cache: bool = False,
                 recorder=None):
        set_language(lang)
        super().__init__()
        translate_bindings(self)
        self.lang = lang
        self.config = config or Config()
        self.out_root = out_root or Path("out")
        self.held_invalid: list[str] = []  # form fields holding a typed value that does not parse
        self.session = Session(records_root, lang, journal, use_cache)
        self.recorder = recorder  # version history (ita_tui/vcs); None: the app works without it
        self.push_on_save = self.config.push_on_save
        self.title = one_line(self.session.records.agency.name, 60) or "ita"
        if self.config.keymap:
            self.set_keymap(self.config.keymap)

    def notify(self, message: str, *, title: str = "", severity="information", timeout=None,
               markup: bool = False) -> None:
        """Every toast is literal text with the data in it escaped (file names, reasons, values)."""
        super().notify(visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False)

    def get_system_commands(self, screen):
        """No screenshot / theme commands: nothing in the palette writes files outside records and out/."""
        return iter(())

    def on_mount(self) -> None:
        from .screens.overview import OverviewScreen

        self.theme = "textual-dark"
        self.push_screen(OverviewScreen())
        first_run = not (self.session.records_root / "agency.toml").exists()
        if first_run:
            self._offer_first_run()  # the history offer waits until the form is closed
        if self.config.problem:
            self.notify(t("config.unreadable", problem=self.config.problem), severity="warning", markup=False)
        journal = self.session.journal
        if journal is not None and journal.pending():
            self.push_screen(ChoiceDialog(t("journal.pending", count=len(journal.pending())),
                                          [("restore", t("journal.restore")), ("discard", t("journal.discard")),
                                           ("later", t("journal.later"))],
                                          detail="\n".join(journal.pending())), self._journal_answer)
        if not first_run:
            self.start_history()
        self.refresh_unsaved()
        self.call_after_refresh(self._warm_up_export)

    def _warm_up_export(self) -> None:
        """After the first screen is drawn, load the PDF stack in the background (see warmup.py)."""
        from .warmup import warm_export_stack

        self.export_warm_up = warm_export_stack()

    def _offer_first_run(self) -> None:
        from .first_run import FirstRunDialog

        self.push_screen(FirstRunDialog(), self._first_run_answer)

    def _first_run_answer(self, answers: dict | None) -> None:
        """Write agency.toml from the first-run form, then show the overview of the folder as it now is."""
        from ..store.atomic import write_atomically
        from .first_run import agency_document
        from .screens.overview import OverviewScreen

        if answers is None:
            self.start_history()
            return
        path = self.session.records_root / "agency.toml"
        try:
            write_atomically(path, agency_document(answers).encode("utf-8"))
        except OSError as error:
            self.notify(t("cli.os-error", path=str(path), reason=error.strerror or str(error)), severity="error")
            self.start_history()
            return
        session = self.session
        self.session = Session(session.records_root, session.lang, session.journal)
        self.title = one_line(self.session.records.agency.name, 60) or "ita"
        self.switch_screen(OverviewScreen())
        self.notify(t("first-run.created", file=str(path)))
        self.start_history()

    def _journal_answer(self, choice: str | None) -> None:
        journal = self.session.journal
        if choice == "restore":
            restored, kept = self.session.restore_journal()
            if restored:
                self.notify(t("journal.restored", count=len(restored)), markup=False)
            for relative in kept:
                self.notify(t("journal.kept", file=relative, folder=str(journal.folder)), severity="warning",
                            timeout=20, markup=False)
            refresh = getattr(self.screen, "refresh_view", None)
            if refresh:
                refresh()
        elif choice == "discard":
            self.session.discard_journal()
        else:
            self.notify(t("journal.later-note", folder=str(journal.folder)), markup=False)
        self.refresh_unsaved()

    # -- shared state ---------------------------------------------------------------------------
    def refresh_unsaved(self) -> None:
        files = self.session.modified_files()
        self.sub_title = (t("app.unsaved", count=len(files)) if files else t("app.all-saved")) + self.history_suffix()
        held = self.held_invalid
        if held:  # a form holds a typed value that does not parse: it is not in the file
            self.sub_title += " · " + t("app.invalid-held", fields=", ".join(held))

    def open_memo(self, fiscal_year: int) -> bool:
        """Open the memo form, unless report.toml did not load (then say why: editing it would lose data)."""
        from .screens.memo import MemoScreen

        file = self.session.records.years[fiscal_year].origin.file
        if file not in self.session.store.sources:
            problem = next((f for f in self.session.findings if f.file == file), None)
            reason = finding_message(problem, self.lang) if problem else t("file-missing")
            self.notify(t("memo.unreadable", file=file, reason=reason), severity="error", timeout=15,
                        markup=False)
            return False
        self.push_screen(MemoScreen(fiscal_year))
        return True

    def open_measure(self, fiscal_year: int, file: str) -> None:
        from .screens.measure import MeasureScreen

        self.push_screen(MeasureScreen(fiscal_year, file))

    def jump_to(self, finding: Finding) -> None:
        """Open the screen that edits the finding's file and focus the field it names."""
        from .screens.measure import MeasureScreen
        from .screens.memo import MemoScreen

        parts = finding.file.split("/")
        if len(parts) < 2 or not parts[0].isdigit() or int(parts[0]) not in self.session.records.years:
            self.notify(t("jump.no-form", file=finding.file), markup=False)
            return
        fiscal_year = int(parts[0])
        if finding.file.endswith("report.toml"):
            if finding.file not in self.session.store.sources:
                self.open_memo(fiscal_year)  # explains why it cannot open
                return
            screen = MemoScreen(fiscal_year)
        elif any(m.origin.file == finding.file for m in self.session.records.years[fiscal_year].measures):
            screen = MeasureScreen(fiscal_year, finding.file)
        else:
            self.notify(t("jump.no-form", file=finding.file), markup=False)
            return
        self.push_screen(screen)
        self.call_after_refresh(screen.focus_finding, finding)

    # -- actions --------------------------------------------------------------------------------
    def _flush_form(self) -> None:
        apply_now = getattr(self.screen, "apply_now", None)
        if getattr(self.screen, "_apply_timer", None) is not None and apply_now:
            self.screen._apply_timer.stop()
            apply_now()

    def action_save(self) -> None:
        self._flush_form()
        if self.take_in_before_save():
            return  # clone mode: the shared copy's work comes in first, then _save_now runs
        self._save_now()

    def _save_now(self) -> None:
        outcome = self.session.save_all()
        self.record_saved(outcome.changes)
        for relative, reason in outcome.refused:
            self.notify(t("save.refused", file=relative, reason=reason), severity="error", markup=False)
        if self.held_invalid:
            self.notify(t("save.invalid-held", fields=", ".join(self.held_invalid)), severity="warning",
                        timeout=10)
        if outcome.saved:
            self.notify(t("save.saved", count=len(outcome.saved)), markup=False)
        elif not outcome.conflicts and not outcome.refused:
            self.notify(t("save.nothing"), markup=False)
        for conflict in outcome.conflicts:
            self._resolve_conflict(conflict)
        self.session.recheck()
        self.refresh_unsaved()
        refresh = getattr(self.screen, "refresh_view", None)
        if refresh:
            refresh()

    def _resolve_conflict(self, conflict: ConflictError) -> None:
        def answered(choice: str | None) -> None:
            if choice == "reload":
                self.session.reload(conflict.path)
                self.notify(t("save.reloaded", file=conflict.path), markup=False)
                if self._form_edits(conflict.path):
                    self.pop_screen()  # its fields show the dropped edits: close it, reopen to see theirs
            elif choice == "mine":
                try:
                    self.record_saved([self.session.keep_mine(conflict)], t("vcs.msg.kept-mine"))
                    self.notify(t("save.kept-mine", file=conflict.path), markup=False)
                except ConflictError as again:
                    self._resolve_conflict(again)
                    return
            self.session.recheck()
            self.refresh_unsaved()

        self.push_screen(conflict_dialog(conflict.path, conflict.mine, conflict.theirs), answered)

    def _form_edits(self, relative: str) -> bool:
        """Whether the screen on top is a form editing *relative*."""
        screen = self.screen
        edited = getattr(screen, "file", None) or getattr(getattr(screen, "year", None), "origin", None)
        edited = getattr(edited, "file", edited)
        return hasattr(screen, "apply_now") and edited == relative

    def action_quit_app(self) -> None:
        self._flush_form()
        files = self.session.modified_files()
        if not files:
            self.exit(0)
            return

        def answered(choice: str | None) -> None:
            if choice == "save":
                outcome = self.session.save_all()
                if outcome.conflicts or outcome.refused:
                    self.notify(t("save.not-all"), severity="error", markup=False)
                    for conflict in outcome.conflicts:
                        self._resolve_conflict(conflict)
                    return
                if self.recorder is not None:  # leaving: record now, no worker would outlive the app
                    self.recorder.record(outcome.changes)
                self.exit(0)
            elif choice == "discard":
                if self.session.journal is not None:  # the user chose to drop these edits
                    for relative in files:
                        self.session.journal.forget(relative)
                self.exit(0)

        self.push_screen(quit_dialog(files), answered)

    def action_command_palette(self) -> None:
        """Open the palette once: a second Ctrl+P before the first one is mounted must not crash."""
        if any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            return
        try:
            if self.use_command_palette:
                self.push_screen(OrderedCommandPalette(id="--command-palette"))
        except DuplicateIds:
            pass  # already being opened

    def action_help(self) -> None:
        focused = self.focused
        screen = self.screen
        if isinstance(screen, HelpDialog):
            return
        help_key = getattr(screen, "HELP", None)
        if not (isinstance(help_key, str) and help_key.startswith("help.")):
            help_key = "help.app"  # Textual's own screens and our dialogs have no help page of their own
        title = t(help_key + ".title")
        description = t(help_key)
        if isinstance(focused, (Input, TextArea)):
            description += "\n\n" + t("help.text-field")
        keys = []
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if binding.description and binding.show:
                keys.append((self.get_key_display(binding), binding.description))
        # the screen's own keys that a focused widget shadows (Enter on a table still opens the row)
        listed = {description for _, description in keys}
        for _, binding in screen._bindings:
            if binding.description and binding.show and binding.description not in listed:
                keys.insert(0, (self.get_key_display(binding), binding.description))
                listed.add(binding.description)
        self.push_screen(HelpDialog(title, description, keys))

    def action_show_problems(self) -> None:
        from .widgets.problems import ProblemsPanel

        panels = self.screen.query(ProblemsPanel)
        if panels:
            panels.first().focus()

    def action_export(self) -> None:
        fiscal_year = getattr(self.screen, "fiscal_year", None)
        if fiscal_year is None:
            selected = getattr(self.screen, "selected_year", None)
            fiscal_year = selected() if selected else None
        if fiscal_year is None:
            self.notify(t("export.no-year"), markup=False)
            return
        self._flush_form()
        self.sub_title = t("export.started", year=fiscal_year)
        self._export(fiscal_year)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, fiscal_year: int) -> None:
        from .export import export_year  # fpdf2 loads only when the first export is asked for

        try:
            version, unrecorded, refused = self.print_version()
            if refused:
                self.call_from_thread(self.refresh_unsaved)
                self.call_from_thread(self.push_screen, ChoiceDialog(
                    t("export.refused-title", year=fiscal_year), [("ok", t("dialog.ok"))], detail=unrecorded))
                return
            result = export_year(self.session.records, fiscal_year, self.out_root, version_keywords=version,
                                 progress=lambda done, total: self.call_from_thread(
                                     setattr, self, "sub_title", t("export.progress", done=done, total=total)))
        except Exception as error:  # shown, never swallowed: the user must know the PDF is not there
            self.call_from_thread(self.refresh_unsaved)
            self.call_from_thread(self.notify, t("export.failed", reason=str(error)), severity="error",
                                  timeout=20, markup=False)
            return
        self.call_from_thread(self.refresh_unsaved)
        self.call_from_thread(self.clear_notifications)
        detail = t("export.done", files="\n".join(str(p) for p in result.paths), fetch=result.fetch_command())
        self.call_from_thread(self.push_screen, ChoiceDialog(t("export.done-title", year=fiscal_year),
                                                             [("ok", t("dialog.ok"))], detail=detail))
        if unrecorded:  # after the dialog, so the warning is not cleared with the progress toasts
            self.call_from_thread(self.notify, unrecorded, severity="warning", timeout=15, markup=False)
        if result.missing_characters:
            chars = " ".join(f"U+{ord(c):04X}" for c in sorted(result.missing_characters))
            self.call_from_thread(self.notify, t("render.missing-glyphs", chars=chars), severity="warning",
                                  markup=False)


def run_app(records_root: Path, lang: str) -> int:
    from ..i18n import tr
    from ..terminal import say

    if not Path(records_root).is_dir():
        say(tr("cli.records-not-found", lang, path=records_root), error=True)
        return 2
    from ..vcs.recorder import Recorder
    from .config import config_path

    app = ItaApp(records_root, lang, load_config(), Journal(records_root), use_cache=True,
                 recorder=Recorder(records_root, lang, config_path()))
    result = app.run(mouse=False)
    if app.return_code not in (0, None):
        return app.return_code
    return result or 0
