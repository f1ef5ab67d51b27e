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
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..model.findings import Finding
from ..model.records import FiscalYear, Records
from ..store.folder import RecordStore
from . import rules_consistency, rules_hygiene, rules_required, rules_values
from .runner import ALL_RULES, missing_evidence_of, without_echoes

AGENCY_FILE = "agency.toml"
FILE_RULES = (
    rules_required.measures_missing_fields, rules_required.memo_missing_fields,
    rules_required.agency_missing_fields, rules_values.score_and_years, rules_values.timelines,
    rules_values.evidence_paths, rules_values.orders_and_budgets, rules_consistency.dates_in_text, rules_consistency.fiscal_years_in_text,
    rules_consistency.repeated_phrases, rules_hygiene.text_hygiene,
)
YEAR_RULES = tuple(rule for rule in ALL_RULES if rule not in FILE_RULES)
_WHOLE_YEAR_FROM = 8  # this many changed files in one year: run the file rules over the year at once


class IncrementalCheck:
    """The findings of a store, kept up to date by `update()` at the cost of what changed."""

    def __init__(self, store: RecordStore):
        self.store = store
        self._checked: dict[str, tuple[object, object]] = {}  # file → (model object, source) checked
        self._file_findings: dict[str, list[Finding]] = {}  # file rules' and loading-independent findings
        self._year_findings: dict[int, list[Finding]] = {}  # year rules' findings, by fiscal year
        self._agency = None
        self.files_checked = 0  # counters for tests: how much work the last update() did
        self.years_checked = 0
        self.findings: list[Finding] = []

    # -- what is there ----------------------------------------------------------------------------
    def _objects(self) -> dict[str, tuple[int | None, object]]:
        """Each file of the model → (its fiscal year, or None for the agency; the model object)."""
        records = self.store.records
        objects: dict[str, tuple[int | None, object]] = {AGENCY_FILE: (None, records.agency)}
        for fiscal_year, year in records.years.items():
            objects[year.origin.file] = (fiscal_year, year)
            for measure in year.measures:
                objects[measure.origin.file] = (fiscal_year, measure)
        return objects

    def update(self, files: Iterable[str] = ()) -> list[Finding]:
        """Re-check what changed since the last update (and *files*, changed in place); all findings."""
        self.files_checked = self.years_checked = 0
        objects = self._objects()
        sources = self.store.sources
        if AGENCY_FILE in files or self.store.records.agency is not self._agency or \
                sources.get(AGENCY_FILE) is not self._checked.get(AGENCY_FILE, (None, None))[1]:
            self._check_everything(objects)
        else:
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
                changed.setdefault(int(file.split("/")[0]), [])
            for fiscal_year in set(self._year_findings) - set(self.store.records.years):
                del self._year_findings[fiscal_year]
                changed.pop(fiscal_year, None)
            for fiscal_year, year_files in changed.items():
                if fiscal_year in self.store.records.years:
                    self._check_year(fiscal_year, year_files, objects)
        return self._assemble()

    # -- checking -----------------------------------------------------------------------------------
    def _check_everything(self, objects) -> None:
        records = self.store.records
        self._checked.clear()
        self._file_findings.clear()
        self._year_findings.clear()
        self._agency = records.agency
        alone = Records(agency=records.agency)
        self._file_findings[AGENCY_FILE] = [f for rule in ALL_RULES for f in rule(alone) if f.file == AGENCY_FILE]
        self._checked[AGENCY_FILE] = (records.agency, self.store.sources.get(AGENCY_FILE))
        self.files_checked += 1
        for fiscal_year, year in records.years.items():
            files = [year.origin.file] + [measure.origin.file for measure in year.measures]
            self._check_year(fiscal_year, files, objects)

    def _check_year(self, fiscal_year: int, files: list[str], objects) -> None:
        """File rules for *files* (of this year), then the year rules over the whole year."""
        records = self.store.records
        year = records.years[fiscal_year]
        view = Records(agency=records.agency, years={fiscal_year: year})
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
        self.years_checked += 1

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

    def _keep(self, file: str, findings: list[Finding], objects) -> None:
        model = objects.get(file, (None, None))[1]
        if model is not None and not isinstance(model, FiscalYear):
            findings = findings + missing_evidence_of(self.store, model)
        self._file_findings[file] = findings
        self._checked[file] = (model, self.store.sources.get(file))
        self.files_checked += 1

    def _assemble(self) -> list[Finding]:
        found_by_rules = []
        for found in self._file_findings.values():
            found_by_rules.extend(found)
        for found in self._year_findings.values():
            found_by_rules.extend(found)
        findings = list(self.store.findings) + without_echoes(self.store, found_by_rules)
        for finding in findings:
            self.store.locate(finding)
        findings.sort(key=Finding.sort_key)
        self.findings = findings
        return findings
