"""Run every rule over a loaded store and return the findings sorted by file and line."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.findings import Finding, Severity
from ..store.folder import RecordStore
from . import rules_consistency, rules_hygiene, rules_required, rules_values

ALL_RULES = rules_required.RULES + rules_values.RULES + rules_consistency.RULES + rules_hygiene.RULES


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0

    def for_file(self, relative_path: str) -> list[Finding]:
        return [finding for finding in self.findings if finding.file == relative_path]


def run_checks(store: RecordStore, fiscal_year: int | None = None) -> CheckReport:
    """Loading problems plus every rule's findings (only one fiscal year's files when one is given)."""
    findings = list(store.findings)
    cache = store._cache
    if cache is not None:
        rules_consistency.REPEATED_RUNS_MEMO.update(cache.memo.get("repeated_runs", {}))
    for rule in ALL_RULES:
        findings.extend(rule(store.records))
    if cache is not None:
        cache.remember({"repeated_runs": dict(rules_consistency.REPEATED_RUNS_MEMO)})
        cache.save(set(store.sources))
    findings.extend(_missing_evidence(store))
    if fiscal_year is not None:
        prefix = f"{fiscal_year}/"
        findings = [f for f in findings if f.file.startswith(prefix) or f.file == "agency.toml"]
    for finding in findings:
        store.locate(finding)
    findings.sort(key=Finding.sort_key)
    return CheckReport(findings)


def _missing_evidence(store: RecordStore) -> list[Finding]:
    missing = []
    for year in store.records.years.values():
        for measure in year.measures:
            missing.extend(missing_evidence_of(store, measure))
    return missing


def missing_evidence_of(store: RecordStore, measure) -> list[Finding]:
    """Evidence paths of one measure that name no file inside the records folder."""
    if not measure.evidence:
        return []
    root = store.root.resolve()
    missing = []
    for index, evidence in enumerate(measure.evidence):
        if "://" in evidence:
            continue
        target = (root / evidence).resolve()
        if target.is_relative_to(root) and not target.exists():
            missing.append(Finding("evidence-missing", Severity.WARNING, measure.origin.file,
                                   ("evidence", index), {"path": evidence}))
    return missing
