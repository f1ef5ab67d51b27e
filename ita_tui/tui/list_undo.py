"""Undo and redo of the structural actions on a year's measure list, back to the last save (issue 10).

Add and duplicate make an unsaved file; move changes unsaved `order` lines; delete removes the file at once
(and renumbers the rest, unsaved); F4 writes the measure's file from $EDITOR at once. Each step keeps what
it needs to go back and forth: every measure's order before and after, and for the actions that wrote
the disk, the file's bytes before and after. Going back through the disk is checked like a save: the file
must still hold exactly what the action left, or the undo is refused. A save (Ctrl+S) ends the steps:
from then on the version history (F6) brings earlier versions back.

No Textual here: the year screen calls these and shows the outcome; tests drive them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..store import SaveRefused
from ..store.edit import put_back_measure_file
from ..store.schema import read_measure
from ..vcs.messages import SavedFile


@dataclass
class ListStep:
    kind: str  # "add", "duplicate", "delete", "move", "editor"
    fiscal_year: int
    file: str  # the measure acted on
    number: int  # its place in the list (1..N) when acted on: what the notice names
    orders_before: dict[str, int]
    orders_after: dict[str, int] = field(default_factory=dict)
    disk_before: bytes | None = None  # delete, editor: the file on disk before (None: there was none)
    disk_after: bytes | None = None
    unsaved: bytes | None = None  # the measure's content no save had written (a new file, or edits)
    select_before: str | None = None  # the measure the list cursor returns to on undo


class UndoRefused(Exception):
    """Undo or redo cannot be done safely; *key* is the catalogue message, *file* the measure's file."""

    def __init__(self, key: str, file: str):
        super().__init__(file)
        self.key, self.file = key, file


@dataclass
class StepOutcome:
    step: ListStep
    select: str | None  # the measure to put the list cursor on
    disk_changes: list[SavedFile]  # files undo/redo wrote or removed: recorded in the history


class ListUndo:
    """Per fiscal year, the steps done (to undo) and undone (to redo) since the last save."""

    def __init__(self, session):
        self.session = session
        self.done: dict[int, list[ListStep]] = {}
        self.undone: dict[int, list[ListStep]] = {}

    # -- recording ------------------------------------------------------------------------------------
    def orders(self, fiscal_year: int) -> dict[str, int]:
        return {m.origin.file: m.order for m in self.session.records.years[fiscal_year].measures}

    def number_of(self, fiscal_year: int, file: str) -> int:
        files = [m.origin.file for m in self.session.records.years[fiscal_year].measures]
        return files.index(file) + 1 if file in files else len(files) + 1

    def record(self, step: ListStep) -> None:
        step.orders_after = self.orders(step.fiscal_year)
        self.done.setdefault(step.fiscal_year, []).append(step)
        self.undone.pop(step.fiscal_year, None)

    def editor_edited(self, fiscal_year: int, file: str, before: bytes, orders: dict[str, int]) -> None:
        """F4 wrote *file* (and the store reloaded it; *orders* are the list's from before): a step, if the
        bytes changed. A file the editor left unreadable is a step too: undo brings the good one back."""
        after = self.disk(file)
        if after != before:
            number = list(orders).index(file) + 1
            self.record(ListStep("editor", fiscal_year, file, number, orders, disk_before=before,
                                 disk_after=after, select_before=file))

    def clear(self) -> None:
        """A save: what it wrote is the new starting point."""
        self.done.clear()
        self.undone.clear()

    # -- going back and forth ---------------------------------------------------------------------------
    def undo(self, fiscal_year: int) -> StepOutcome | None:
        """Undo the year's last step; None if there is none. UndoRefused when the list or a file changed in
        a way the step cannot undo (nothing is changed then)."""
        return self._step_over(fiscal_year, self.done, self.undone, "orders_after", self._undo)

    def redo(self, fiscal_year: int) -> StepOutcome | None:
        return self._step_over(fiscal_year, self.undone, self.done, "orders_before", self._redo)

    def _step_over(self, fiscal_year: int, source: dict, target: dict, expected_orders: str,
                   apply) -> StepOutcome | None:
        """Apply the newest step of *source* (undo or redo) and move it to *target* once it took effect."""
        steps = source.get(fiscal_year)
        if not steps:
            return None
        step = steps[-1]
        self._check(step, getattr(step, expected_orders))
        try:
            outcome = apply(step)
        except SaveRefused:
            raise UndoRefused("undo.disk-changed", step.file) from None
        steps.pop()
        target.setdefault(fiscal_year, []).append(step)
        return outcome

    def _check(self, step: ListStep, orders: dict[str, int]) -> None:
        """The list must hold the files the step left (or found); otherwise forget this year's steps."""
        if set(self.orders(step.fiscal_year)) != set(orders):
            self.done.pop(step.fiscal_year, None)
            self.undone.pop(step.fiscal_year, None)
            raise UndoRefused("undo.list-changed", step.file)

    def _undo(self, step: ListStep) -> StepOutcome:
        store = self.session.store
        changes: list[SavedFile] = []
        select = step.file
        if step.kind in ("add", "duplicate"):
            step.unsaved = store.render(step.file)  # what redo brings back, edits made since included
            put_back_measure_file(store, step.file, None, None)
            self.session._journal(step.file)
            select = step.select_before
        elif step.kind == "delete" and step.disk_before is None:  # it was never saved: back in memory only
            self._add_new(step.file, step.unsaved)
        elif step.kind == "delete":
            put_back_measure_file(store, step.file, step.disk_before, None, step.unsaved)
            changes.append(SavedFile(step.file, None, step.disk_before))
        elif step.kind == "editor":
            put_back_measure_file(store, step.file, step.disk_before, step.disk_after)
            changes.append(SavedFile(step.file, step.disk_after, step.disk_before))
        self.session._journal(step.file)
        self._set_orders(step.fiscal_year, step.orders_before)
        return StepOutcome(step, select, changes)

    def _redo(self, step: ListStep) -> StepOutcome:
        store = self.session.store
        changes: list[SavedFile] = []
        if step.kind in ("add", "duplicate"):
            self._add_new(step.file, step.unsaved)
        elif step.kind == "delete":
            step.unsaved = unsaved_content(store, step.file)
            put_back_measure_file(store, step.file, None, step.disk_before)
            if step.disk_before is not None:
                changes.append(SavedFile(step.file, step.disk_before, None))
        elif step.kind == "editor":
            put_back_measure_file(store, step.file, step.disk_after, step.disk_before)
            changes.append(SavedFile(step.file, step.disk_before, step.disk_after))
        self.session._journal(step.file)
        self._set_orders(step.fiscal_year, step.orders_after)
        return StepOutcome(step, step.file, changes)

    # -- helpers ----------------------------------------------------------------------------------------
    def disk(self, file: str) -> bytes | None:
        try:
            return (self.session.store.root / file).read_bytes()
        except FileNotFoundError:
            return None

    def _add_new(self, file: str, content: bytes) -> None:
        """A measure no save has written, back as `a` makes one: an unsaved file in memory."""
        store = self.session.store
        put_back_measure_file(store, file, None, None)  # nothing must be on disk under its name
        store.add_new_file(file, store.root / file, content.decode("utf-8"))
        year = self.session.records.years[int(file.split("/")[0])]
        year.measures.append(read_measure(file, len(year.measures) + 1, store.document(file).unwrap(), []))
        year.measures.sort(key=lambda m: (m.order, m.origin.file))

    def _set_orders(self, fiscal_year: int, orders: dict[str, int]) -> None:
        """Give each measure its order of *orders*; only measures whose order differs are edited."""
        session = self.session
        year = session.records.years[fiscal_year]
        for measure in list(year.measures):
            wanted = orders.get(measure.origin.file)
            if wanted is not None and measure.order != wanted:
                measure.order = wanted
                session.update_measure(measure)
        year.measures.sort(key=lambda m: (m.order, m.origin.file))


def unsaved_content(store, file: str) -> bytes | None:
    """A measure's content that no save has written (a new file, or edits), or None."""
    if file in store.sources and (file in store.new_files or store.is_modified(file)):
        return store.render(file)
    return None
