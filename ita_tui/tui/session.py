"""What the app is working on, without any Textual: the store, the latest findings, what is unsaved.

Screens call these methods; tests drive them directly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..check.incremental import IncrementalCheck
from ..model.findings import Finding, Severity
from ..model.records import FiscalYear, Measure, Records
from ..model.summary import YearSummary, summarize_year
from ..store import ConflictError, RecordStore, SaveRefused, load_records
from ..store.edit import apply_measure, apply_memo, create_measure, delete_measure, refresh_from_document
from ..vcs.messages import SavedFile
from .journal import Journal
from .list_undo import ListStep, ListUndo, unsaved_content


@dataclass
class SaveOutcome:
    saved: list[str] = field(default_factory=list)
    conflicts: list[ConflictError] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    changes: list[SavedFile] = field(default_factory=list)  # bytes before/after: what the history records


class Session:
    def __init__(self, records_root: Path, lang: str = "th", journal: Journal | None = None,
                 use_cache: bool = False):
        self.records_root = Path(records_root)
        self.lang = lang
        # with the cache, years unchanged since the last run are listed from their shelves, read when opened
        self.store: RecordStore = load_records(self.records_root, use_cache=use_cache, lazy=use_cache)
        self.store.remove_stale_leftovers()  # temp files of saves killed halfway
        self.findings: list[Finding] = []
        self.journal = journal
        self.checks = IncrementalCheck(self.store)
        self.list_undo = ListUndo(self)  # add, duplicate, delete, move, F4: undoable until the next save
        self.recheck()
        self.store.year_read_listeners.append(lambda _fiscal_year: self.recheck())

    @property
    def records(self) -> Records:
        return self.store.records

    def recheck(self, files: tuple[str, ...] = ()) -> list[Finding]:
        """Bring the findings up to date: only files changed since the last check (and *files*, if a
        caller changed a model object in place) and their years are checked again."""
        self.findings = self.checks.update(files)
        return self.findings

    def findings_for_year(self, fiscal_year: int) -> list[Finding]:
        prefix = f"{fiscal_year}/"
        return [f for f in self.findings if f.file.startswith(prefix) or f.file == "agency.toml"]

    def findings_for_file(self, relative: str) -> list[Finding]:
        return [f for f in self.findings if f.file == relative]

    def year_summary(self, fiscal_year: int, today) -> YearSummary:
        """The overview's numbers of a year: from its shelf while it is not read (and the day is the
        shelf's), else from the year itself."""
        shelf = self.store.shelved.get(fiscal_year)
        if shelf is not None and shelf.summary.holds_on(today):
            return shelf.summary
        return summarize_year(self.records.years[fiscal_year], today)

    def counts(self, findings: list[Finding]) -> tuple[int, int]:
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
        return errors, warnings

    # -- edits ----------------------------------------------------------------------------------
    def wrongly_typed_keys(self, relative: str) -> frozenset[str]:
        """Top-level keys of a file whose values have the wrong type: shown disabled, never overwritten."""
        return frozenset(str(f.key_path[0]) for f in self.store.findings_for(relative)
                         if f.rule_id == "type-mismatch" and f.key_path)

    def update_measure(self, measure: Measure) -> None:
        apply_measure(self.store, measure, self.wrongly_typed_keys(measure.origin.file))
        refresh_from_document(self.store, measure.origin.file)
        self._journal(measure.origin.file)

    # -- the year's list: numbers stay 1..N, only `order` lines change ---------------------------
    def renumber(self, fiscal_year: int, files: list[str] | None = None) -> None:
        """Give the year's measures (in *files*' order, else their current one) the orders 1..N; only
        measures whose number changes are edited."""
        year = self.records.years[fiscal_year]
        by_file = {m.origin.file: m for m in year.measures}
        for number, file in enumerate(files or [m.origin.file for m in year.measures], start=1):
            measure = by_file[file]
            if measure.order != number:
                measure.order = number
                self.update_measure(measure)
        year.measures.sort(key=lambda m: (m.order, m.origin.file))

    def move_measure(self, fiscal_year: int, file: str, step: int) -> bool:
        """Move one measure up (-1) or down (+1) the list; False at either end."""
        files = [m.origin.file for m in self.records.years[fiscal_year].measures]
        index = files.index(file)
        other = index + step
        if not 0 <= other < len(files):
            return False
        files[index], files[other] = files[other], files[index]
        step = ListStep("move", fiscal_year, file, index + 1, self.list_undo.orders(fiscal_year))
        self.renumber(fiscal_year, files)
        self.list_undo.record(step)
        return True

    def add_measure(self, fiscal_year: int, copy_of: Measure | None = None,
                    selected: str | None = None) -> Measure:
        """A new (or duplicated) measure at the end of the list: unsaved until the next save. *selected*:
        the measure the list cursor was on (it returns there on undo)."""
        orders = self.list_undo.orders(fiscal_year)
        self.renumber(fiscal_year)
        measure = create_measure(self.store, fiscal_year, copy_of=copy_of)
        self._journal(measure.origin.file)
        number = self.list_undo.number_of(fiscal_year, measure.origin.file)
        self.list_undo.record(ListStep("duplicate" if copy_of else "add", fiscal_year, measure.origin.file,
                                       number, orders, select_before=selected))
        return measure

    def delete_measure(self, measure: Measure) -> None:
        """Delete a measure's file (asked first) and close the gap in the numbering."""
        file = measure.origin.file
        fiscal_year = int(file.split("/")[0])
        step = ListStep("delete", fiscal_year, file, self.list_undo.number_of(fiscal_year, file),
                        self.list_undo.orders(fiscal_year), unsaved=unsaved_content(self.store, file),
                        disk_before=None if file in self.store.new_files else self.list_undo.disk(file),
                        select_before=file)
        delete_measure(self.store, measure)
        if self.journal is not None:
            self.journal.forget(file)
        self.renumber(fiscal_year)
        self.list_undo.record(step)

    def wrongly_typed_paths(self, relative: str) -> frozenset[tuple]:
        """Key paths (section, key) of a file whose values have the wrong type."""
        return frozenset(tuple(f.key_path[:2]) for f in self.store.findings_for(relative)
                         if f.rule_id == "type-mismatch" and f.key_path)

    def update_memo(self, year: FiscalYear) -> None:
        apply_memo(self.store, year.origin.file, year.memo, year.previous_ita,
                   self.wrongly_typed_paths(year.origin.file))
        refresh_from_document(self.store, year.origin.file)
        self._journal(year.origin.file)

    def _journal(self, relative: str) -> None:
        if self.journal is not None:
            if self.store.is_modified(relative):
                self.journal.record(relative, self.store.render(relative), self.store.sources[relative].sha256)
            else:
                self.journal.forget(relative)

    def restore_journal(self) -> tuple[list[str], list[str]]:
        """Re-apply edits an earlier session left unsaved, onto files that did not change since.
        Returns (restored, kept): kept entries stay in the journal for the user to merge by hand."""
        restored, kept = [], []
        if self.journal is None:
            return restored, kept
        for relative, path in self.journal.pending().items():
            self.store.read_year_of(relative)
            source = self.store.sources.get(relative)
            if source is None or source.sha256 != self.journal.base(relative):
                kept.append(relative)
                continue
            try:
                self.store.adopt(relative, path.read_bytes())
            except (SaveRefused, OSError):
                kept.append(relative)
                continue
            refresh_from_document(self.store, relative)
            restored.append(relative)
        if restored:
            self.recheck()
        return restored, kept

    def discard_journal(self) -> None:
        if self.journal is not None:
            for relative in self.journal.pending():
                self.journal.forget(relative)

    def modified_files(self) -> list[str]:
        return [relative for relative in list(self.store._documents) if self.store.is_modified(relative)]

    @property
    def has_unsaved(self) -> bool:
        return bool(self.modified_files())

    def save_all(self) -> SaveOutcome:
        outcome = SaveOutcome()
        self.list_undo.clear()  # a save is the point the list's undo goes back to, and no further
        for relative in self.modified_files():
            try:
                before = None if relative in self.store.new_files else self.store.sources[relative].raw
                self.store.save(relative)
                outcome.saved.append(relative)
                outcome.changes.append(SavedFile(relative, before, self.store.sources[relative].raw))
                if self.journal is not None:
                    self.journal.forget(relative)
            except ConflictError as conflict:
                outcome.conflicts.append(conflict)
            except (SaveRefused, OSError) as error:
                outcome.refused.append((relative, str(error)))
        return outcome

    def keep_mine(self, conflict: ConflictError) -> SavedFile:
        """Overwrite exactly the disk version the user was shown; returns what the history records."""
        seen = hashlib.sha256((conflict.theirs or "").encode("utf-8")).hexdigest()
        self.store.save(conflict.path, overwrite_sha256=seen)
        if self.journal is not None:
            self.journal.forget(conflict.path)
        theirs = None if conflict.theirs is None else conflict.theirs.encode("utf-8")
        return SavedFile(conflict.path, theirs, self.store.sources[conflict.path].raw)

    def bring_back(self, relative: str, data: bytes) -> SavedFile:
        """Save an earlier version's bytes as the file's new content: history grows, it is never rewritten.
        Refuses a file with unsaved edits (they would be lost) and bytes that do not load."""
        if self.store.is_modified(relative):
            raise SaveRefused(relative)
        before = self.store.sources[relative].raw
        self.store.adopt(relative, data)
        try:
            self.store.save(relative)
        except (ConflictError, SaveRefused, OSError):
            self.store.reload(relative)
            raise
        refresh_from_document(self.store, relative)
        self.recheck()
        return SavedFile(relative, before, self.store.sources[relative].raw)

    def reload(self, relative: str) -> None:
        """Drop my edits to *relative* and take the version on disk (a file that no longer loads keeps
        its last good values, and its problem is reported)."""
        self.store.reload(relative)
        refresh_from_document(self.store, relative)
        if self.journal is not None:
            self.journal.forget(relative)
        self.recheck()

