"""Checking only what changed, for the app: findings are kept per file and per fiscal year, and a re-check
runs the rules again only for the files that changed since the last check, and for their years.

The rules are split in two. A *file rule* (listed in FILE_RULES) finds, about one file, only what depends on
that file's content, its fiscal year's number and the agency: it is run on the changed file alone. Every
other rule is a *year rule*: it may compare the measures of one year with each other (copies, duplicate
order numbers) and is run on the whole year of a changed file. No rule compares two fiscal years; that is
what makes the result exactly `run_checks`'s (tests/test_check_incremental.py compares the two). A new rule
is a year rule until it is listed in FILE_RULES.

What changed is found without being told: a file's findings are kept with the model object and the loaded
source they were computed from, and edits, saves and reloads replace those objects (the store and
`store.edit` never change them in place).

With the store's parse cache, each year's findings are kept there too, under a key made of the year's file
hashes, the agency's, the day and the checker's own code: a start with nothing changed checks nothing.
Missing evidence files are looked for again each time (they are not in the records).

A store that loads lazily leaves unchanged years unread (store/shelf.py): their findings are the ones their
shelf keeps, and a year read later (opened by the user) gets its findings from the cache like the others.
After a check, each read year with no unsaved edits is shelved again for the next start.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable

from ..model.findings import Finding
from ..model.records import FiscalYear, Records, years_read
from ..model.progress import reference_day
from ..model.summary import summarize_year
from ..store.folder import RecordStore
from ..store import shelf as year_shelf
from ..store.shelf import SHELVES_MEMO, code_fingerprint, make_shelf
from . import rules_consistency, rules_hygiene, rules_required, rules_values
from .runner import (ALL_RULES, DATED_RULES, RULE_MEMO, missing_evidence_of, read_rule_memo, rule_memo_to_keep,
                     without_echoes)

AGENCY_FILE = "agency.toml"
FILE_RULES = (
    rules_required.measures_missing_fields, rules_required.memo_missing_fields,
    rules_required.agency_missing_fields, rules_values.score_and_years, rules_values.timelines,
    rules_values.evidence_paths, rules_values.orders_and_budgets, rules_consistency.dates_in_text, rules_consistency.fiscal_years_in_text,
    rules_consistency.repeated_phrases, rules_hygiene.text_hygiene,
)
YEAR_RULES = tuple(rule for rule in ALL_RULES if rule not in FILE_RULES)
_WHOLE_YEAR_FROM = 8  # this many changed files in one year: run the file rules over the year at once
_CACHE_PART = "checks-by-year"


class IncrementalCheck:
    """The findings of a store, kept up to date by `update()` at the cost of what changed."""

    def __init__(self, store: RecordStore):
        self.store = store
        self._checked: dict[str, tuple[object, object]] = {}  # file → (model object, source) checked
        self._file_findings: dict[str, list[Finding]] = {}  # file rules' and loading-independent findings
        self._year_findings: dict[int, list[Finding]] = {}  # year rules' findings, by fiscal year
        self._evidence: dict[str, list[Finding]] = {}  # missing evidence files, by measure file
        self._fresh_years: set[int] = set()  # checked by rules in this update (not taken from the cache)
        self._agency = None
        self._rule_memo_read = False
        self._updating = False
        self._shelved_as: dict[int, tuple] = {}  # fiscal year → the read (signature, time) its shelf was made from
        self.files_checked = 0  # counters for tests: how much work the last update() did
        self.years_checked = 0
        self.findings: list[Finding] = []

    # -- what is there ----------------------------------------------------------------------------
    def _objects(self) -> dict[str, tuple[int | None, object]]:
        """Each file of the model → (its fiscal year, or None for the agency; the model object)."""
        records = self.store.records
        objects: dict[str, tuple[int | None, object]] = {AGENCY_FILE: (None, records.agency)}
        for fiscal_year, year in years_read(records.years).items():
            objects[year.origin.file] = (fiscal_year, year)
            for measure in year.measures:
                objects[measure.origin.file] = (fiscal_year, measure)
        return objects

    def update(self, files: Iterable[str] = ()) -> list[Finding]:
        """Re-check what changed since the last update (and *files*, changed in place); all findings."""
        if self._updating:  # a year read at the start of this update re-checks through its listener:
            return self.findings  # this update takes that year in
        self._updating = True
        try:
            return self._update(files)
        finally:
            self._updating = False

    def _update(self, files: Iterable[str]) -> list[Finding]:
        self.files_checked = self.years_checked = 0
        self._fresh_years = set()
        self._year_findings_before = set(self._year_findings)
        sources = self.store.sources
        agency_changed = AGENCY_FILE in files or self.store.records.agency is not self._agency or \
            sources.get(AGENCY_FILE) is not self._checked.get(AGENCY_FILE, (None, None))[1]
        if agency_changed and self._agency is not None:
            self.store.drop_shelves()  # the shelves' findings were made with the agency as it was
        objects = self._objects()
        if agency_changed:
            self._check_everything(objects)
            remember = True
        else:
            remember = False  # later checks follow edits: the next start re-checks what they changed
            forced = set(files)
            changed: dict[int, list[str]] = {}
            for file, (fiscal_year, model) in objects.items():
                checked = self._checked.get(file)
                if file in forced or checked is None or checked[0] is not model \
                        or checked[1] is not sources.get(file):
                    changed.setdefault(fiscal_year, []).append(file)
            for file in set(self._checked) - set(objects):
                del self._checked[file]
                self._file_findings.pop(file, None)
                self._evidence.pop(file, None)
                changed.setdefault(int(file.split("/")[0]), [])
            for fiscal_year in set(self._year_findings) - set(self.store.records.years):
                del self._year_findings[fiscal_year]
                changed.pop(fiscal_year, None)
            for fiscal_year, year_files in changed.items():
                if fiscal_year not in self.store.records.years:
                    continue
                year = self.store.records.years[fiscal_year]
                entry = self._cached_years().get(fiscal_year) if fiscal_year not in self._year_findings else None
                if entry is not None and entry[0] == self._year_key(year):  # a year just read: findings kept
                    self._adopt(fiscal_year, entry, objects)
                else:
                    self._check_year(fiscal_year, year_files, objects)
                    remember = remember or fiscal_year not in self._year_findings_before
        findings = self._assemble()
        if remember or self._years_to_shelve():
            self._remember_everything_checked()
        return findings

    def _years_to_shelve(self) -> list[int]:
        """Years read (not from a shelf that held) with no unsaved edits, not shelved as read now: a year read
        at the start because its shelf no longer held gets a new one even when its findings came from the
        cache (else one shelved within the racy window would be read at every start after)."""
        store = self.store
        if not store.lazy:
            return []
        return [fiscal_year for fiscal_year, year in years_read(store.records.years).items()
                if fiscal_year not in store.read_from_shelf and fiscal_year in store.read_as
                and self._shelved_as.get(fiscal_year) != store.read_as[fiscal_year]
                and self._year_key(year) is not None]

    # -- checking -----------------------------------------------------------------------------------
    def _check_everything(self, objects) -> None:
        records = self.store.records
        self._checked.clear()
        self._file_findings.clear()
        self._year_findings.clear()
        self._evidence.clear()
        self._agency = records.agency
        cached = self._cached_years()
        alone = Records(agency=records.agency)
        self._file_findings[AGENCY_FILE] = [f for rule in ALL_RULES for f in rule(alone) if f.file == AGENCY_FILE]
        self._checked[AGENCY_FILE] = (records.agency, self.store.sources.get(AGENCY_FILE))
        self.files_checked += 1
        for fiscal_year, year in years_read(records.years).items():
            files = [year.origin.file] + [measure.origin.file for measure in year.measures]
            entry = cached.get(fiscal_year)
            if entry is not None and entry[0] == self._year_key(year):
                self._adopt(fiscal_year, entry, objects)
            else:
                self._check_year(fiscal_year, files, objects)

    def _check_year(self, fiscal_year: int, files: list[str], objects) -> None:
        """File rules for *files* (of this year), then the year rules over the whole year."""
        records = self.store.records
        year = records.years[fiscal_year]
        view = Records(agency=records.agency, years={fiscal_year: year})
        self._read_rule_memo()
        if len(files) >= _WHOLE_YEAR_FROM:
            found: dict[str, list[Finding]] = {file: [] for file in files}
            for rule in FILE_RULES:
                for finding in rule(view):
                    if finding.file in found:
                        found[finding.file].append(finding)
            for file in files:
                self._keep(file, found[file], objects)
        else:
            for file in files:
                self._keep(file, self._file_rules(file, year, objects), objects)
        self._year_findings[fiscal_year] = [f for rule in YEAR_RULES for f in rule(view) if f.file != AGENCY_FILE]
        self._year_findings[fiscal_year] += [f for rule in DATED_RULES for f in rule(view, year_shelf.today())]
        self.years_checked += 1
        self._fresh_years.add(fiscal_year)

    def _file_rules(self, file: str, year: FiscalYear, objects) -> list[Finding]:
        model = objects.get(file, (None, None))[1]
        if model is year:  # report.toml: the year without its measures
            alone = dataclasses.replace(year, measures=[])
        elif model is not None:  # a measure: on its own in an otherwise empty year
            alone = FiscalYear(fiscal_year=year.fiscal_year, measures=[model])
        else:
            return []
        view = Records(agency=self.store.records.agency, years={year.fiscal_year: alone})
        return [finding for rule in FILE_RULES for finding in rule(view) if finding.file == file]

    def _keep(self, file: str, findings: list[Finding], objects, counted: bool = True) -> None:
        model = objects.get(file, (None, None))[1]
        if model is not None and not isinstance(model, FiscalYear):
            self._evidence[file] = missing_evidence_of(self.store, model)
        self._file_findings[file] = findings
        self._checked[file] = (model, self.store.sources.get(file))
        self.files_checked += counted

    # -- the findings kept in the parse cache -----------------------------------------------------
    def _cached_years(self) -> dict:
        cache = self.store._cache
        if cache is None:
            return {}
        cached = cache.recall(_CACHE_PART)
        return cached if isinstance(cached, dict) else {}

    def _read_rule_memo(self) -> None:
        """Before rules run for the first time: what they found per text in earlier runs (a start that
        takes every year's findings from the cache never reads it)."""
        cache = self.store._cache
        if cache is not None and not self._rule_memo_read:
            self._rule_memo_read = True
            read_rule_memo(cache)

    def _year_key(self, year: FiscalYear) -> str | None:
        """What a year's findings depend on; None while one of its files has edits not saved."""
        sources, edited = self.store.sources, self.store._documents
        agency = sources.get(AGENCY_FILE)
        # the day: only the one the year's progress is judged on (a finished year's is fixed)
        parts = [code_fingerprint(), reference_day(year, year_shelf.today()).isoformat(), agency.sha256 if agency else "-"]
        for file in [year.origin.file] + [measure.origin.file for measure in year.measures]:
            if file in edited:
                return None
            source = sources.get(file)
            parts.append(f"{file}:{source.sha256 if source else '-'}")
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def _adopt(self, fiscal_year: int, entry: tuple, objects) -> None:
        _key, by_file, year_findings = entry
        for file, findings in by_file.items():
            self._keep(file, findings, objects, counted=False)
        self._year_findings[fiscal_year] = year_findings

    def _remember_everything_checked(self) -> None:
        """After a check that ran rules on years of unedited files: keep their (located) findings, and
        shelve the years read for the next start (a lazy store)."""
        cache = self.store._cache
        if cache is None:
            return
        years = self.store.records.years
        kept = {year: entry for year, entry in self._cached_years().items() if year in years}
        for fiscal_year in self._fresh_years:
            year = years[fiscal_year]
            key = self._year_key(year)
            if key is None:
                continue
            files = [year.origin.file] + [measure.origin.file for measure in year.measures]
            kept[fiscal_year] = (key, {file: self._file_findings.get(file, []) for file in files},
                                 self._year_findings[fiscal_year])
        memo = {_CACHE_PART: kept}
        if self._fresh_years:  # rules ran: what they found per text
            memo[RULE_MEMO] = rule_memo_to_keep()
        if self.store.lazy:
            memo[SHELVES_MEMO] = self._shelves()
        cache.remember(memo)
        cache.save(set(self.store.sources))

    def _shelves(self) -> dict:
        """Each year's shelf: kept while still true (a year not read, or read and unchanged), else made
        anew from the year read now, unless it has unsaved edits."""
        store = self.store
        kept = store._cache.recall(SHELVES_MEMO)
        kept = kept if isinstance(kept, dict) else {}
        shelves = {year: shelf for year, shelf in kept.items() if year in store.shelved}
        conditions_now, today = store.conditions_now(), year_shelf.today()
        for fiscal_year, year in years_read(store.records.years).items():
            if self._year_key(year) is None or fiscal_year not in store.read_as:
                continue
            prefix = f"{fiscal_year}/"
            findings = [f for f in self.findings if f.file.startswith(prefix)]
            shelf = make_shelf(store.root, year, store.read_as[fiscal_year], conditions_now,
                               summarize_year(year, today), findings)
            if shelf is not None:
                shelves[fiscal_year] = shelf
            self._shelved_as[fiscal_year] = store.read_as[fiscal_year]  # done, or never (a linked year)
        return shelves

    def _assemble(self) -> list[Finding]:
        found_by_rules = []
        for found in self._file_findings.values():
            found_by_rules.extend(found)
        for found in self._evidence.values():
            found_by_rules.extend(found)
        for found in self._year_findings.values():
            found_by_rules.extend(found)
        findings = list(self.store.findings) + without_echoes(self.store, found_by_rules)
        for finding in findings:
            self.store.locate(finding)
        for shelf in self.store.shelved.values():  # years not read: as their shelves keep them
            findings.extend(shelf.findings)
        findings.sort(key=Finding.sort_key)
        self.findings = findings
        return findings
