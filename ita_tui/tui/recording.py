"""The app's side of the version history: record each save in a worker, the header's words, the history
screen, bring-back, and clone mode's take-in before a save and send on a key (or on every save).

Every git call runs in a worker thread; the interface only posts results back.
"""

from __future__ import annotations

from textual import work

from ..i18n import t
from ..vcs.messages import SavedFile, brought_back_message, describe_save
from ..vcs.recorder import Recorder
from ..vcs.repository import RecordState, Version
from ..vcs.runner import GitError
from .dialogs import ChoiceDialog, conflict_dialog


class RecordsHistory:
    """Mixin for ItaApp: `self.recorder` is None when the app runs without version control (tests, or
    an app built without one); then nothing here does anything."""

    recorder: Recorder | None = None
    history_state: RecordState | None = None
    push_on_save: bool = False

    # -- start --------------------------------------------------------------------------------------
    def start_history(self) -> None:
        recorder = self.recorder
        if recorder is None:
            return
        if recorder.enabled:
            self._history_start()
        elif recorder.not_a_repository and not declined_history(self.settings_path(), recorder.records_root):
            self.push_screen(ChoiceDialog(t("vcs.offer.question"), [("yes", t("vcs.offer.yes")),
                                                                    ("no", t("vcs.offer.no"))],
                                          detail=str(recorder.records_root), focus="no"), self._offer_answer)
        else:
            self.notify(recorder.off_reason, severity="warning", timeout=10, markup=False)

    def settings_path(self):
        return self.recorder.settings_path if self.recorder else None

    def _offer_answer(self, choice: str | None) -> None:
        if choice == "yes":
            self._start_repository()
        else:
            remember_declined(self.settings_path(), self.recorder.records_root)
            self.notify(self.recorder.off_reason, severity="warning", timeout=10, markup=False)

    @work(thread=True, exclusive=True, group="vcs-init")
    def _start_repository(self) -> None:
        from ..vcs.setup import init_repository, is_group_shared_folder

        recorder = self.recorder
        try:
            init_repository(recorder.records_root, t("vcs.msg.first"), recorder.identity(),
                            shared_group=is_group_shared_folder(recorder.records_root))
        except (GitError, OSError) as error:
            self.call_from_thread(self.notify, t("vcs.off.error", reason=str(error)), severity="error",
                                  markup=False)
            return
        self.recorder = Recorder(recorder.records_root, recorder.lang, recorder.settings_path)
        self.call_from_thread(self.notify, t("vcs.offer.started"), markup=False)
        self._start_now()

    @work(thread=True, exclusive=True, group="vcs-start")
    def _history_start(self) -> None:
        self._start_now()

    def _start_now(self) -> None:
        """At start: ask for a name once if git has none; in clone mode take in the shared copy's work."""
        identity = self.recorder.identity()
        if identity.source == "login" and self.settings_path() is not None:
            self.call_from_thread(self._ask_identity)
        self._take_in(then_save=False)
        self._refresh_state_now()

    def _ask_identity(self) -> None:
        from .identity_dialog import IdentityDialog

        def answered(answer: tuple[str, str] | None) -> None:
            if answer and answer[0].strip():
                from ..vcs.identity import store_identity

                try:
                    store_identity(self.settings_path(), *answer)
                except OSError as error:
                    self.notify(str(error), severity="error", markup=False)
                    return
                self.recorder.forget_identity()
                self.notify(t("vcs.identity.saved", name=answer[0].strip()), markup=False)

        self.push_screen(IdentityDialog(), answered)

    # -- header -------------------------------------------------------------------------------------
    def history_suffix(self) -> str:
        if self.recorder is None or not self.recorder.enabled or self.history_state is None:
            return ""
        return " · " + self.recorder.state_words(self.history_state)

    @work(thread=True, exclusive=True, group="vcs-state")
    def refresh_history_state(self) -> None:
        self._refresh_state_now()

    def _refresh_state_now(self) -> None:
        if self.recorder is None or not self.recorder.enabled:
            return
        self.history_state = self.recorder.state()
        self.call_from_thread(self.refresh_unsaved)

    # -- recording ----------------------------------------------------------------------------------
    def record_saved(self, changes: list[SavedFile], note: str = "") -> None:
        if self.recorder is not None and self.recorder.enabled and changes:
            self._record(describe_save(changes, self.recorder.lang, note), [c.relative for c in changes])

    def record_paths(self, message: str, paths: list[str]) -> None:
        """Record *paths* with a message made by the caller (a new fiscal year)."""
        if self.recorder is not None and self.recorder.enabled:
            self._record(message, paths)

    def record_file(self, relative: str, before: bytes | None, note: str = "") -> None:
        """Record a file the app wrote or removed outside a save (new, deleted, edited in $EDITOR)."""
        try:
            after = (self.session.store.root / relative).read_bytes()
        except FileNotFoundError:
            after = None
        self.record_saved([SavedFile(relative, before, after)], note)

    @work(thread=True, group="vcs-record")
    def _record(self, message: str, paths: list[str]) -> None:
        recorded = self.recorder.record_paths(paths, message)
        warnings = list(recorded.group_warnings or [])  # one notice (a new one replaces the last)
        if recorded.problem:
            self.call_from_thread(self.notify, "\n".join([t("vcs.not-recorded", reason=recorded.problem), *warnings]),
                                  severity="error", timeout=20, markup=False)
        elif warnings:
            self.call_from_thread(self.notify, "\n".join(warnings), severity="warning", timeout=20, markup=False)
        if recorded.commit and self.push_on_save:
            self._send_now()
        self._refresh_state_now()

    # -- history screen and bring-back ----------------------------------------------------------------
    def action_history(self) -> None:
        from .screens.history import HistoryScreen

        if self.recorder is None or not self.recorder.enabled:
            reason = self.recorder.off_reason if self.recorder else t("vcs.state.off")
            self.notify(reason, severity="warning", markup=False)
            return
        target, what = self._history_target()
        outside = self.history_state.outside_changes if self.history_state and not target else []
        self.push_screen(HistoryScreen(target, what, outside))

    def _history_target(self) -> tuple[str, str]:
        from ..vcs.messages import number, subject_of

        screen = self.screen
        lang = self.recorder.lang
        file = getattr(screen, "file", None)
        if isinstance(file, str):
            source = self.session.store.sources.get(file)
            return file, subject_of(file, source.raw if source else None, lang)
        fiscal_year = getattr(screen, "fiscal_year", None)
        if hasattr(screen, "apply_now") and fiscal_year is not None:  # the memo form
            return f"{fiscal_year}/report.toml", t("vcs.msg.memo", year=number(fiscal_year, lang))
        if fiscal_year is not None:
            return str(fiscal_year), t("history.whole", year=number(fiscal_year, lang))
        return "", str(self.recorder.records_root)

    def bring_back(self, relative: str, version: Version) -> None:
        self._fetch_version(relative, version)

    @work(thread=True, exclusive=True, group="vcs-bring-back")
    def _fetch_version(self, relative: str, version: Version) -> None:
        data = self.recorder.repository.content(version.commit, version.path)
        if data is not None:
            self.call_from_thread(self._write_version, relative, version, data)

    def _write_version(self, relative: str, version: Version, data: bytes) -> None:
        from ..store import ConflictError, SaveRefused

        try:
            self.session.bring_back(relative, data)
        except ConflictError as conflict:
            self._resolve_conflict(conflict)
            return
        except (SaveRefused, OSError) as error:
            self.notify(t("save.refused", file=relative, reason=str(error)), severity="error", markup=False)
            return
        self._record(brought_back_message(version.when, relative, data, self.recorder.lang), [relative])
        self.notify(t("history.brought-back", file=relative), markup=False)
        self.refresh_unsaved()
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_view", None)
            if refresh and screen is self.screen:
                refresh()

    def print_version(self) -> tuple[str, str, bool]:
        """(the PDF's version keywords, a warning about unrecorded changes or "", refused): with the per-user
        setting `unrecorded_print = "refuse"` the export does not happen, as `ita render` refuses."""
        if self.recorder is None or not self.recorder.enabled:
            return "", "", False
        from ..vcs.printing import print_version

        version = print_version(self.recorder.records_root)
        if version is None:
            return "", "", False
        if not version.unrecorded:
            return version.keywords(), "", False
        refuse = self.config.unrecorded_print == "refuse"
        message = t("render.unrecorded-refused" if refuse else "render.unrecorded", count=len(version.unrecorded),
                    files=", ".join(version.unrecorded[:5]))
        return version.keywords(), message, refuse

    # -- clone mode -----------------------------------------------------------------------------------
    def action_push(self) -> None:
        if self.recorder is None or not self.recorder.enabled:
            self.notify(self.recorder.off_reason if self.recorder else t("vcs.state.off"), markup=False)
            return
        self.sub_title = t("sync.working")
        self._send()

    @work(thread=True, exclusive=True, group="vcs-net")
    def _send(self) -> None:
        if self._take_in(then_save=False):
            self._send_now()
        self._refresh_state_now()

    def _send_now(self) -> None:
        from ..vcs.sync import has_remote, push

        repository = self.recorder.repository
        try:
            if not has_remote(repository):
                self.call_from_thread(self.notify, t("sync.no-remote"), markup=False)
                return
            push(repository)
        except GitError as error:
            self.call_from_thread(self.notify, t("sync.failed", reason=str(error)), severity="error", timeout=20,
                                  markup=False)
            return
        self.call_from_thread(self.notify, t("sync.pushed"), markup=False)

    def take_in_before_save(self) -> bool:
        """Clone mode: take in the shared copy's work first (in a worker), then save. True: started."""
        if self.recorder is None or not self.recorder.enabled or not (self.history_state and
                                                                      self.history_state.has_upstream):
            return False
        self.sub_title = t("sync.working")
        self._take_in_then_save()
        return True

    @work(thread=True, exclusive=True, group="vcs-net")
    def _take_in_then_save(self) -> None:
        self._take_in(then_save=True)

    def _take_in(self, then_save: bool, choices: dict[str, str] | None = None) -> bool:
        """fetch + merge; a file changed on both sides goes to the conflict dialog. True: nothing left."""
        from ..vcs.sync import fetch, has_remote, pull

        repository = self.recorder.repository
        try:
            if not has_remote(repository):
                if then_save:
                    self.call_from_thread(self._save_now)
                return True
            fetch(repository)
            result = pull(repository, t("vcs.msg.merged"), self.recorder.identity(), choices)
        except GitError as error:
            self.call_from_thread(self.notify, t("sync.failed", reason=str(error)), severity="error", timeout=20,
                                  markup=False)
            if then_save:
                self.call_from_thread(self._save_now)
            return False
        if result.conflicts:
            self.call_from_thread(self._choose_sides, result.conflicts, then_save, dict(choices or {}))
            return False
        if result.taken:
            self.call_from_thread(self._reload_taken_in, result.taken)
        if then_save:
            self.call_from_thread(self._save_now)
        return True

    def _reload_taken_in(self, count: int) -> None:
        for relative in list(self.session.store.sources):
            if relative not in self.session.modified_files():
                try:
                    if self.session.store.sources[relative].raw != (self.recorder.records_root / relative).read_bytes():
                        self.session.reload(relative)
                except OSError:
                    pass
        self.session.store.read_changed_years()  # years not read yet whose files (or agency.toml) the pull changed
        self.session.store.take_in_added_and_removed()  # new year folders; measure files added or deleted
        self.session.recheck()
        self.notify(t("sync.pulled", count=count), markup=False)
        self.refresh_unsaved()

    def _choose_sides(self, conflicts, then_save: bool, choices: dict[str, str]) -> None:
        """One conflict dialog per file changed on both sides; nothing is merged until all are chosen."""
        if not conflicts:
            self._finish_take_in(choices, then_save)
            return
        conflict, rest = conflicts[0], conflicts[1:]

        def answered(choice: str | None) -> None:
            if choice not in ("reload", "mine"):
                self.refresh_unsaved()
                if then_save:
                    self._save_now()
                return  # cancelled: nothing merged, nothing lost; the header still says "behind"
            choices[conflict.path] = "theirs" if choice == "reload" else "mine"
            self._choose_sides(rest, then_save, choices)

        decode = (lambda data: None if data is None else data.decode("utf-8", errors="replace"))
        self.push_screen(conflict_dialog(conflict.path, decode(conflict.mine) or "", decode(conflict.theirs)),
                         answered)

    @work(thread=True, exclusive=True, group="vcs-net")
    def _finish_take_in(self, choices: dict[str, str], then_save: bool) -> None:
        self._take_in(then_save, choices)
        self._refresh_state_now()


def declined_history(settings_path, records_root) -> bool:
    import tomllib

    if settings_path is None:
        return False
    try:
        data = tomllib.loads(settings_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    declined = data.get("history", {}).get("declined", []) if isinstance(data.get("history"), dict) else []
    return str(records_root.resolve()) in declined


def remember_declined(settings_path, records_root) -> None:
    """The answer "not now" is kept per folder in the per-user settings: the app asks once."""
    if settings_path is None:
        return
    import tomlkit

    from ..store.atomic import write_atomically

    try:
        document = tomlkit.parse(settings_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = tomlkit.document()
    except (OSError, UnicodeDecodeError, Exception):
        return
    table = document.get("history") or tomlkit.table()
    declined = list(table.get("declined", []))
    declined.append(str(records_root.resolve()))
    table["declined"] = sorted(set(declined))
    document["history"] = table
    try:
        settings_path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(settings_path, tomlkit.dumps(document).encode("utf-8"))
    except OSError:
        pass
