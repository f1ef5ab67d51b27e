"""The App: a thin conductor. Global keys, save/quit/export/help, jumps; screens own the rest."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from textual import work
from textual._node_list import DuplicateIds
from textual.app import App
from textual.command import CommandPalette
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.widgets import Input, TextArea
from textual.widgets._toast import Toast, ToastRack

from ..i18n import set_language, t
from ..check.output import finding_message
from ..model.findings import Finding, Severity
from ..store import ConflictError
from .bindings import translate_bindings
from .commands import AppActions, MeasureSearch
from .config import Config, load_config
from .display import one_line
from ..thai.hygiene import visible
from .preflight import empty_placeholders
from .places import finding_place
from .textual_words import translate_textual_words
from .key_bursts import use_burst_safe_parser
from .dialogs import ChoiceDialog, HelpDialog, conflict_dialog, quit_dialog
from .journal import Journal
from .recording import RecordsHistory
from .session import Session
from .year_screens import YearScreens
from .widgets.key_order import OrderedCommandPalette


DISK_POLL_SECONDS = 1.5  # how soon a change on disk to the open form's file is noticed
WARM_UP_AFTER_SECONDS = 0.5  # the PDF stack starts loading this long after the first screen is drawn
WARM_UP_TICK_SECONDS = 0.05  # and takes one step per tick (warmup.py)


class ItaApp(RecordsHistory, App[int]):
    CSS_PATH = "ita.tcss"
    COMMANDS = {MeasureSearch, AppActions}
    HELP_LISTS_HIDDEN = {"search"}  # keys F1 lists though the footer has no room for them
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
        Binding("f6", "history", "key.history", id="history", priority=True),
        Binding("f7", "push", "key.push", id="push", priority=True),
        Binding("ctrl+f", "search", "key.search", id="search", priority=True, show=False),
    ]

    def __init__(self, records_root: Path, lang: str = "th", config: Config | None = None,
                 journal: Journal | None = None, out_root: Path | None = None, use_cache: bool = False,
                 recorder=None):
        set_language(lang)
        translate_textual_words()
        use_burst_safe_parser()
        super().__init__()
        translate_bindings(self)
        self.lang = lang
        self.config = config or Config()
        self.out_root = out_root or Path("out")
        self._disk_seen: dict[str, str] = {}  # file → hash of the disk change already announced
        self.export_warm_up = None  # the PDF stack loading in the background (warmup.py)
        self._exporting = False
        self.held_invalid: list[str] = []  # form fields holding a typed value that does not parse
        self.session = Session(records_root, lang, journal, use_cache)
        self.year_screens = YearScreens(self)  # the year screens opened last, kept to be shown again
        self.recorder = recorder  # version history (ita_tui/vcs); None: the app works without it
        self.push_on_save = self.config.push_on_save
        self.title = one_line(self.session.records.agency.name, 60) or "ita"
        if self.config.keymap:
            self.set_keymap(self.config.keymap)

    NOTIFICATION_TIMEOUT = 3  # a notice says what just happened; errors and warnings give their own timeout

    def notify(self, message: str, *, title: str = "", severity="information", timeout=None,
               markup: bool = False) -> None:
        """Every toast is literal text with the data in it escaped (file names, reasons, values). One notice
        at a time: a new one replaces the last (they stacked over the problems panel at 80×24); an action
        with several things to say says them in one notice."""
        self.clear_notifications()
        super().notify(visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False)

    def check_action(self, action: str, parameters) -> bool | None:
        """F2 only on the screens with a problems panel (lists and forms; by type, not by a query that
        differs while the screen mounts): elsewhere (search) it did nothing, and its room in the footer
        lets F6 / F7 fit in 80 columns."""
        if action == "show_problems":
            from .screens.form import FormScreen
            from .screens.lists import ListScreen

            return isinstance(self.screen, (ListScreen, FormScreen))
        return True

    def get_system_commands(self, screen):
        """No screenshot / theme commands: nothing in the palette writes files outside records and out/."""
        return iter(())

    def on_mount(self) -> None:
        from .screens.overview import OverviewScreen

        self.theme = "textual-dark"
        self.push_screen(OverviewScreen())
        self.set_interval(DISK_POLL_SECONDS, self.check_disk)
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
        self.call_after_refresh(self.set_timer, WARM_UP_AFTER_SECONDS, self._warm_up_export)

    def _warm_up_export(self) -> None:
        """After the first screen is drawn, load the PDF stack in the background, one step per tick of a
        timer: while the interface is busy its timers wait, and so does the loading (see warmup.py)."""
        from .warmup import ExportWarmUp

        if self.export_warm_up is not None or self._exporting:
            return  # an export loads what it needs itself
        warm_up = self.export_warm_up = ExportWarmUp().start()

        def tick() -> None:
            if warm_up.done:
                ticks.stop()
                self._prepare_year_at_cursor()
            else:
                warm_up.tick()

        ticks = self.set_interval(WARM_UP_TICK_SECONDS, tick)

    def _prepare_year_at_cursor(self) -> None:
        """Idle after the start: the year the overview's cursor is on is the one likely opened next."""
        from .screens.overview import OverviewScreen

        overview = self.screen_stack[-1] if self.screen_stack else None  # none as the app closes
        if isinstance(overview, OverviewScreen) and overview.selected_year() is not None:
            self.year_screens.prepare(overview.selected_year())

    def on_unmount(self) -> None:
        if self.export_warm_up is not None:
            self.export_warm_up.stop()

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
            lines = [t("journal.restored", count=len(restored))] if restored else []
            lines += [t("journal.kept", file=relative, folder=str(journal.folder)) for relative in kept]
            if kept:
                self.notify("\n".join(lines), severity="warning", timeout=20, markup=False)
            elif lines:
                self.notify(lines[0], markup=False)
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

        self.session.store.read_year_of(finding.file)  # a year listed from its shelf: read it now
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
        """Apply the form's fields now. Not only when an apply is scheduled: the Changed messages of the last
        keys of a burst may not have reached the form yet, while the fields already hold the text."""
        apply_now = getattr(self.screen, "apply_now", None)
        if apply_now is None or getattr(self.screen, "_loading", False):
            return
        if getattr(self.screen, "_apply_timer", None) is not None:
            self.screen._apply_timer.stop()
            self.screen._apply_timer = None
        apply_now()

    def after_keys_in_flight(self, callback) -> None:
        """Run *callback* once the focused field has handled the keys already sent to it.

        Ctrl+S and Ctrl+Q are priority bindings: the app runs them the moment the key arrives, while the
        characters typed just before them in the same burst (a slow SSH link) still wait in the field's
        queue. Queued behind them, the save sees every character and quit sees the form is not clean."""
        focused = self.focused
        if focused is None or not focused.is_attached:
            callback()
        else:
            focused.call_later(callback)

    def action_save(self) -> None:
        self.after_keys_in_flight(self._save_typed)

    def _save_typed(self) -> None:
        self._flush_form()
        if self.take_in_before_save():
            return  # clone mode: the shared copy's work comes in first, then _save_now runs
        self._save_now()

    def _save_now(self) -> None:
        outcome = self.session.save_all()
        self.record_saved(outcome.changes)
        lines = [t("save.refused", file=relative, reason=reason) for relative, reason in outcome.refused]
        severity, timeout = ("error", 15) if lines else ("information", None)
        if self.held_invalid:
            lines.append(t("save.invalid-held", fields=", ".join(self.held_invalid)))
            severity, timeout = ("error", 15) if outcome.refused else ("warning", 10)
        if outcome.saved:
            lines.append(t("save.saved", count=len(outcome.saved)))
        elif not outcome.conflicts and not outcome.refused:
            lines.append(t("save.nothing"))
        if lines:
            self.notify("\n".join(lines), severity=severity, timeout=timeout, markup=False)
        self.refresh_unsaved()
        for conflict in outcome.conflicts:
            self._resolve_conflict(conflict)
        # the notice and the header show now; the re-check (slow on a big year) waits for the toast
        self.call_after_refresh(self._after_save)

    def _notice_not_drawn(self) -> bool:
        """Whether a notice was posted whose toast is not laid out on screen yet (mounting takes a refresh)."""
        if not self._notifications:
            return False
        try:
            rack = self.screen.get_child_by_type(ToastRack)
        except NoMatches:
            return False  # this screen shows no toasts (tests without notifications)
        toasts = rack.query(Toast)
        return not toasts or any(toast.region.height == 0 for toast in toasts)

    def _after_save(self, waits: int = 8) -> None:
        if waits and self._notice_not_drawn():
            self.call_after_refresh(self._after_save, waits - 1)
            return
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

    # -- changes on disk while a form is open ---------------------------------------------------
    def _open_form_file(self) -> str | None:
        screen = self.screen
        if not hasattr(screen, "apply_now"):
            return None
        edited = getattr(screen, "file", None) or getattr(getattr(screen, "year", None), "origin", None)
        return getattr(edited, "file", edited)

    def check_disk(self) -> None:
        """Polled: the file the open form edits changed on disk (git checkout, a colleague's save). A clean
        form offers to reload it; a form with edits warns now, not only when Ctrl+S refuses. Once per change."""
        relative = self._open_form_file()
        store = self.session.store
        source = store.sources.get(relative) if relative else None
        if source is None or relative in store.new_files:
            return
        try:
            data = source.path.read_bytes()
        except OSError:
            data = b""
        digest = hashlib.sha256(data).hexdigest()
        if digest == source.sha256 or self._disk_seen.get(relative) == digest:
            return
        self._disk_seen[relative] = digest
        if store.is_modified(relative) or getattr(self.screen, "_apply_timer", None) is not None:
            self.notify(t("disk.changed-edited", file=relative), severity="warning", timeout=20)
            return
        form = self.screen

        def answered(choice: str | None) -> None:
            if choice != "reload":
                return
            self.session.reload(relative)
            self.refresh_unsaved()
            if self.screen is form:
                self.pop_screen()
                self.call_later(form.reopen)

        self.push_screen(ChoiceDialog(t("disk.changed", file=relative),
                                      [("reload", t("disk.reload")), ("cancel", t("disk.later"))], focus="reload"),
                         answered)

    def _form_edits(self, relative: str) -> bool:
        """Whether the screen on top is a form editing *relative*."""
        screen = self.screen
        edited = getattr(screen, "file", None) or getattr(getattr(screen, "year", None), "origin", None)
        edited = getattr(edited, "file", edited)
        return hasattr(screen, "apply_now") and edited == relative

    def action_quit_app(self) -> None:
        self.after_keys_in_flight(self._quit_after_typed)

    def _quit_after_typed(self) -> None:
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
                self.push_screen(OrderedCommandPalette(id="--command-palette",
                                                       placeholder=t("palette.placeholder")))
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
            if binding.description and (binding.show or binding.id in self.HELP_LISTS_HIDDEN):
                keys.append((self.get_key_display(binding), binding.description))
        # the screen's own keys that a focused widget shadows (Enter on a table still opens the row)
        listed = {description for _, description in keys}
        for _, binding in screen._bindings:
            if binding.description and (binding.show or binding.id) and binding.description not in listed:
                keys.insert(0, (self.get_key_display(binding), binding.description))
                listed.add(binding.description)
        self.push_screen(HelpDialog(title, description, keys))

    def action_search(self) -> None:
        """Ctrl+F: search every year's text (not over a dialog; a second Ctrl+F goes back to the query)."""
        from textual.screen import ModalScreen

        from .screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            self.screen.query_one("#search-query").focus()
            return
        if isinstance(self.screen, ModalScreen):
            return
        self.after_keys_in_flight(self._open_search)

    def _open_search(self) -> None:
        from .screens.search import SearchScreen

        self._flush_form()  # the search reads what the open form shows, to the last key typed
        self.push_screen(SearchScreen(), self.open_search_hit)

    def open_search_hit(self, hit) -> None:
        """Open the form holding a search hit with the cursor on the match. A form already open on that file
        (under the search) is brought back rather than opened twice: two forms on one file would overwrite
        each other's edits."""
        from .search_jump import form_for_hit

        if hit is None:
            return
        place = hit.place
        open_form = next((screen for screen in reversed(self.screen_stack) if form_for_hit(screen, place)), None)
        if open_form is not None:
            while self.screen is not open_form:
                self._flush_form()
                self.pop_screen()
            self.call_after_refresh(open_form.show_match, place.key_path, place.text, hit.start, hit.end)
            return
        if place.measure_number is None:
            if not self.open_memo(place.fiscal_year):
                return
        else:
            self.open_measure(place.fiscal_year, place.file)
        form = self.screen
        self.call_after_refresh(form.show_match, place.key_path, place.text, hit.start, hit.end)

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
        self.session.store.read_year_of(f"{fiscal_year}/report.toml")  # its shelf may be older than its files
        self.session.recheck()
        errors = [f for f in self.session.findings_for_year(fiscal_year) if f.severity is Severity.ERROR]
        blanks = empty_placeholders(self.session.records, fiscal_year)
        if not errors and not blanks:
            self._start_export(fiscal_year, blanks)
            return
        lines = [f"✗ {finding_place(f, self.session.records)}: {one_line(finding_message(f, self.lang))}"
                 for f in errors]
        if blanks:
            lines.append(t("export.empty-values", names=", ".join(t(f"placeholder.{name}") for name in blanks)))
        question = (t("export.errors-question", year=fiscal_year, errors=len(errors)) if errors
                    else t("export.empty-question", year=fiscal_year, count=len(blanks)))
        choices = [("draft", t("export.anyway"))]
        if errors:
            choices.append(("goto", t("export.goto-first")))
        choices.append(("cancel", t("dialog.cancel")))

        def answered(choice: str | None) -> None:
            if choice == "draft":
                self._start_export(fiscal_year, blanks)
            elif choice == "goto":
                self.call_later(self.jump_to, errors[0])  # once the dialog is gone

        self.push_screen(ChoiceDialog(question, choices, detail="\n".join(lines),
                                      focus="goto" if errors else "cancel"), answered)

    def _start_export(self, fiscal_year: int, blanks: list[str]) -> None:
        self._exporting = True  # no warm-up starts now: its imports would race the export's
        self.sub_title = t("export.started", year=fiscal_year)
        self._export(fiscal_year, blanks)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, fiscal_year: int, blanks: list[str]) -> None:
        if self.export_warm_up is not None:
            self.export_warm_up.join()  # finish loading at full speed: imports from two threads can clash
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
        title = t("export.done-title", year=fiscal_year)
        if blanks:  # a PDF with blanks in its sentences must not pass for a finished one
            title = t("export.done-draft-title", year=fiscal_year, count=len(blanks))
            detail = t("export.empty-values", names=", ".join(t(f"placeholder.{name}") for name in blanks)) + \
                "\n\n" + detail
        self.call_from_thread(self.push_screen, ChoiceDialog(title,
                                                             [("ok", t("dialog.ok"))], detail=detail))
        warnings = [unrecorded] if unrecorded else []
        if result.missing_characters:
            chars = " ".join(f"U+{ord(c):04X}" for c in sorted(result.missing_characters))
            warnings.append(t("render.missing-glyphs", chars=chars))
        if warnings:  # after the dialog, so the warning is not cleared with the progress toasts
            self.call_from_thread(self.notify, "\n".join(warnings), severity="warning", timeout=15, markup=False)


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
