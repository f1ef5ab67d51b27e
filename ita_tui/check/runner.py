"""Run every rule over a loaded store and return the findings sorted by file and line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model.findings import Finding, Severity
from ..store.evidence import evidence_target
from ..store.folder import RecordStore
from . import rules_consistency, rules_hygiene, rules_prose, rules_required, rules_timeline, rules_values
from .rules_values import outside_by_its_text

ALL_RULES = rules_required.RULES + rules_values.RULES + rules_consistency.RULES + rules_hygiene.RULES
ALL_RULES += rules_timeline.RULES + rules_prose.RULES
DATED_RULES = rules_timeline.DATED_RULES  # rules that also need the day they judge on (today, by default)


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


RULE_MEMO = "repeated-runs"  # what rules_consistency computed per text, kept in the parse cache between runs


def read_rule_memo(cache) -> None:
    """What the rules found per text in earlier runs of this same code (a new rule makes it stale)."""
    from ..store.shelf import code_fingerprint

    memo = cache.recall(RULE_MEMO)
    if isinstance(memo, dict) and memo.get("code") == code_fingerprint() and isinstance(memo.get("texts"), dict):
        rules_consistency.REPEATED_RUNS_MEMO.update(memo["texts"])


def rule_memo_to_keep() -> dict:
    from ..store.shelf import code_fingerprint

    return {"code": code_fingerprint(), "texts": dict(rules_consistency.REPEATED_RUNS_MEMO)}


def run_checks(store: RecordStore, fiscal_year: int | None = None, today: dt.date | None = None) -> CheckReport:
    """Loading problems plus every rule's findings (only one fiscal year's files when one is given).
    *today* is the day progress is judged on (the clock is read here, never inside a rule)."""
    findings: list[Finding] = []
    cache = store._cache
    if cache is not None:
        read_rule_memo(cache)
    for rule in ALL_RULES:
        findings.extend(rule(store.records))
    for dated_rule in DATED_RULES:
        findings.extend(dated_rule(store.records, today or dt.date.today()))
    if cache is not None:
        cache.remember({RULE_MEMO: rule_memo_to_keep()})
        cache.save(set(store.sources))
    findings.extend(_missing_evidence(store))
    findings = list(store.findings) + without_echoes(store, findings)
    if fiscal_year is not None:
        prefix = f"{fiscal_year}/"
        findings = [f for f in findings if f.file.startswith(prefix) or f.file == "agency.toml"]
    for finding in findings:
        store.locate(finding)
    findings.sort(key=Finding.sort_key)
    return CheckReport(findings)


def without_echoes(store: RecordStore, findings: list[Finding]) -> list[Finding]:
    """Drop rule findings that only echo a loading problem: a file that did not load is one finding (its
    values are not "missing"), a value of the wrong type is a type mismatch (not also "missing"), and
    signatories cannot be checked against a roster that did not load."""
    not_loaded = {f.file for f in store.findings if f.file not in store.sources}
    mismatched = {(f.file, tuple(f.key_path)) for f in store.findings if f.rule_id == "type-mismatch"}
    kept = []
    for finding in findings:
        if finding.file in not_loaded:
            continue
        if finding.rule_id == "unknown-official" and "agency.toml" not in store.sources:
            continue
        if finding.rule_id == "required-missing" and _touches(finding, mismatched):
            continue
        kept.append(finding)
    return kept


def _touches(finding: Finding, mismatched: set[tuple[str, tuple]]) -> bool:
    path = tuple(finding.key_path)
    return any(file == finding.file and (path[:len(other)] == other or other[:len(path)] == path)
               for file, other in mismatched)


def _missing_evidence(store: RecordStore) -> list[Finding]:
    missing = []
    for year in store.records.years.values():
        for measure in year.measures:
            missing.extend(missing_evidence_of(store, measure))
    return missing


def missing_evidence_of(store: RecordStore, measure) -> list[Finding]:
    """Evidence files of one measure that do not exist, or that are links leading out of the records
    folder (the renderer refuses those: same rule, `evidence_target`)."""
    if not measure.evidence:
        return []
    found = []
    for index, evidence in enumerate(measure.evidence):
        if "://" in evidence or outside_by_its_text(evidence):
            continue  # a URL, or already reported by rules_values.evidence_paths
        target = evidence_target(store.root, evidence)
        if target is None:
            found.append(Finding("evidence-outside-records", Severity.ERROR, measure.origin.file,
                                 ("evidence", index), {"path": evidence}))
        elif not target.exists():
            found.append(Finding("evidence-missing", Severity.WARNING, measure.origin.file,
                                 ("evidence", index), {"path": evidence}))
    return found
