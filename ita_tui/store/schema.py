"""TOML values → model objects. Wrong types and unknown keys become findings; nothing is dropped.

Unknown keys stay in the file (the store never rewrites what it did not change); the checker only warns,
with a "did you mean" when a known key is close.
"""

from __future__ import annotations

import datetime as dt
import difflib

from ..model.findings import Finding, Severity
from ..model.records import (
    Agency, Budget, FiscalYear, Measure, Memo, Official, Origin, PreviousIta, Result, Timeline,
)

AGENCY_KEYS = ("name", "division", "district", "province", "phone", "document_prefix", "officials")
OFFICIAL_KEYS = ("id", "title", "rank", "name", "position")
REPORT_KEYS = ("fiscal_year", "previous_ita", "memo", "report")
PREVIOUS_ITA_KEYS = ("fiscal_year", "score")
MEMO_KEYS = ("number", "date", "subject", "addressee", "body_template", "paragraphs", "closing", "signatories")
REPORT_SECTION_KEYS = ("intro_template", "intro")
MEASURE_KEYS = ("order", "title", "steps", "owners", "timeline", "results", "recommendation", "status",
                "budget", "evidence")
TIMELINE_KEYS = ("text", "quarters", "start", "end")
RESULT_KEYS = ("text", "date")
BUDGET_KEYS = ("amount", "note")
MEASURE_STATUSES = ("planned", "in-progress", "done", "cancelled")

_TYPE_NAMES = {str: "text", int: "integer", float: "number", list: "list", dict: "table", dt.date: "date"}


class _Reader:
    """Reads typed values out of one file's dicts, collecting findings with their key paths."""

    def __init__(self, file: str, findings: list[Finding]):
        self.file = file
        self.findings = findings

    def _type_error(self, path: tuple, expected: str, value: object) -> None:
        self.findings.append(Finding("type-mismatch", Severity.ERROR, self.file, path,
                                     {"expected": expected, "found": _type_name(value)}))

    def unknown_keys(self, table: dict, known: tuple[str, ...], path: tuple) -> None:
        for key in table:
            if key not in known:
                suggestion = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                self.findings.append(Finding("unknown-key", Severity.WARNING, self.file, path + (key,),
                                             {"key": key, "suggestion": suggestion[0] if suggestion else ""},
                                             message="unknown-key-suggest" if suggestion else "unknown-key"))

    def table(self, parent: dict, key: str, path: tuple) -> dict:
        value = parent.get(key, {})
        if isinstance(value, dict):
            return value
        self._type_error(path + (key,), "table", value)
        return {}

    def text(self, table: dict, key: str, path: tuple, default: str = "") -> str:
        value = table.get(key, default)
        if isinstance(value, str):
            return value
        self._type_error(path + (key,), "text", value)
        return default

    def optional_text(self, table: dict, key: str, path: tuple) -> str | None:
        if key not in table:
            return None
        return self.text(table, key, path)

    def integer(self, table: dict, key: str, path: tuple) -> int | None:
        value = table.get(key)
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        self._type_error(path + (key,), "integer", value)
        return None

    def number(self, table: dict, key: str, path: tuple) -> float | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        self._type_error(path + (key,), "number", value)
        return None

    def date(self, table: dict, key: str, path: tuple) -> dt.date | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        self._type_error(path + (key,), "date", value)
        return None

    def text_list(self, table: dict, key: str, path: tuple, allow_single: bool = False) -> list[str]:
        value = table.get(key, [])
        if allow_single and isinstance(value, str):
            return [value]
        if not isinstance(value, list):
            self._type_error(path + (key,), "list of text", value)
            return []
        items = []
        for index, item in enumerate(value):
            if isinstance(item, str):
                items.append(item)
            else:
                self._type_error(path + (key, index), "text", item)
        return items

    def int_list(self, table: dict, key: str, path: tuple) -> list[int]:
        value = table.get(key, [])
        if not isinstance(value, list):
            self._type_error(path + (key,), "list of integers", value)
            return []
        items = []
        for index, item in enumerate(value):
            if isinstance(item, int) and not isinstance(item, bool):
                items.append(item)
            else:
                self._type_error(path + (key, index), "integer", item)
        return items


def _type_name(value: object) -> str:
    for python_type, name in _TYPE_NAMES.items():
        if isinstance(value, python_type) and not isinstance(value, bool):
            return name
    if isinstance(value, bool):
        return "true/false"
    return type(value).__name__


def read_agency(file: str, values: dict, findings: list[Finding]) -> Agency:
    reader = _Reader(file, findings)
    reader.unknown_keys(values, AGENCY_KEYS, ())
    officials = []
    raw_officials = values.get("officials", [])
    if not isinstance(raw_officials, list):
        reader._type_error(("officials",), "list of tables", raw_officials)
        raw_officials = []
    for index, raw in enumerate(raw_officials):
        path = ("officials", index)
        if not isinstance(raw, dict):
            reader._type_error(path, "table", raw)
            continue
        reader.unknown_keys(raw, OFFICIAL_KEYS, path)
        officials.append(Official(
            id=reader.text(raw, "id", path), name=reader.text(raw, "name", path),
            title=reader.text(raw, "title", path), rank=reader.text(raw, "rank", path),
            position=reader.text(raw, "position", path), origin=Origin(file, path),
        ))
    return Agency(
        name=reader.text(values, "name", ()), division=reader.text(values, "division", ()),
        district=reader.text(values, "district", ()), province=reader.text(values, "province", ()),
        phone=reader.text(values, "phone", ()), document_prefix=reader.text(values, "document_prefix", ()),
        officials=officials, origin=Origin(file),
    )


def read_report(file: str, folder_year: int, values: dict, findings: list[Finding]) -> FiscalYear:
    reader = _Reader(file, findings)
    reader.unknown_keys(values, REPORT_KEYS, ())
    previous_raw = reader.table(values, "previous_ita", ())
    reader.unknown_keys(previous_raw, PREVIOUS_ITA_KEYS, ("previous_ita",))
    memo_raw = reader.table(values, "memo", ())
    reader.unknown_keys(memo_raw, MEMO_KEYS, ("memo",))
    report_raw = reader.table(values, "report", ())
    reader.unknown_keys(report_raw, REPORT_SECTION_KEYS, ("report",))
    memo_path = ("memo",)
    memo = Memo(
        number=reader.optional_text(memo_raw, "number", memo_path),
        date=reader.date(memo_raw, "date", memo_path),
        subject=reader.text(memo_raw, "subject", memo_path),
        addressee=reader.text(memo_raw, "addressee", memo_path),
        body_template=reader.text(memo_raw, "body_template", memo_path, "default"),
        paragraphs=reader.text_list(memo_raw, "paragraphs", memo_path) if "paragraphs" in memo_raw else None,
        closing=reader.text(memo_raw, "closing", memo_path),
        signatories=reader.text_list(memo_raw, "signatories", memo_path),
    )
    return FiscalYear(
        fiscal_year=folder_year,
        declared_fiscal_year=reader.integer(values, "fiscal_year", ()),
        memo=memo,
        previous_ita=PreviousIta(
            fiscal_year=reader.integer(previous_raw, "fiscal_year", ("previous_ita",)),
            score=reader.number(previous_raw, "score", ("previous_ita",)),
        ),
        report_intro=reader.text_list(report_raw, "intro", ("report",)) if "intro" in report_raw else None,
        origin=Origin(file),
    )


def read_measure(file: str, fallback_order: int, values: dict, findings: list[Finding]) -> Measure:
    reader = _Reader(file, findings)
    reader.unknown_keys(values, MEASURE_KEYS, ())
    order = reader.integer(values, "order", ())
    measure = Measure(
        order=fallback_order if order is None else order,
        title=reader.text(values, "title", ()),
        steps=reader.text_list(values, "steps", ()),
        owners=reader.text_list(values, "owners", (), allow_single=True),
        timeline=_read_timeline(reader, values),
        results=_read_results(reader, values),
        recommendation=reader.text(values, "recommendation", ()),
        status=reader.text(values, "status", ()),
        budget=_read_budget(reader, values),
        evidence=reader.text_list(values, "evidence", ()),
        origin=Origin(file),
    )
    return measure


def _read_timeline(reader: _Reader, values: dict) -> Timeline:
    raw = values.get("timeline")
    if raw is None:
        return Timeline()
    if isinstance(raw, str):
        return Timeline(text=raw)
    if not isinstance(raw, dict):
        reader._type_error(("timeline",), "text or table", raw)
        return Timeline()
    path = ("timeline",)
    reader.unknown_keys(raw, TIMELINE_KEYS, path)
    return Timeline(text=reader.text(raw, "text", path), quarters=reader.int_list(raw, "quarters", path),
                    start=reader.date(raw, "start", path), end=reader.date(raw, "end", path))


def _read_results(reader: _Reader, values: dict) -> list[Result]:
    raw = values.get("results", [])
    if not isinstance(raw, list):
        reader._type_error(("results",), "list", raw)
        return []
    results = []
    for index, item in enumerate(raw):
        path = ("results", index)
        if isinstance(item, str):
            results.append(Result(item))
        elif isinstance(item, dict):
            reader.unknown_keys(item, RESULT_KEYS, path)
            results.append(Result(reader.text(item, "text", path), reader.date(item, "date", path)))
        else:
            reader._type_error(path, "text or table", item)
    return results


def _read_budget(reader: _Reader, values: dict) -> Budget | None:
    raw = values.get("budget")
    if raw is None:
        return None
    if isinstance(raw, bool):
        reader._type_error(("budget",), "number or text", raw)
        return None
    if isinstance(raw, (int, float)):
        return Budget(amount=float(raw))
    if isinstance(raw, str):
        return Budget(note=raw)
    if isinstance(raw, dict):
        reader.unknown_keys(raw, BUDGET_KEYS, ("budget",))
        return Budget(amount=reader.number(raw, "amount", ("budget",)), note=reader.text(raw, "note", ("budget",)))
    reader._type_error(("budget",), "number or text", raw)
    return None
