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
from ..store import ConflictError, RecordStore, SaveRefused, load_records
from ..store.edit import apply_measure, apply_memo, refresh_from_document
from ..vcs.messages import SavedFile
from .journal import Journal


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
        self.store: RecordStore = load_records(self.records_root, use_cache=use_cache)
        self.store.remove_stale_leftovers()  # temp files of saves killed halfway
        self.findings: list[Finding] = []
        self.journal = journal
        self.checks = IncrementalCheck(self.store)
        self.recheck()

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
        for relative in self.modified_files():
            try:
                before = self.store.sources[relative].raw
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

