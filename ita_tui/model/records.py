"""Typed records of one agency: its roster, and per fiscal year the memo, last year's ITA and the measures.

Every object remembers where it came from (`Origin`): the file relative to the records folder and the
key path inside it, so any finding can name file, line and column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

KeyPath = tuple  # e.g. ("results", 2, "text")


@dataclass
class Origin:
    """Where a record lives: `file` is relative to the records folder, `key_path` is its place inside."""

    file: str
    key_path: KeyPath = ()

    def child(self, *keys: object) -> "Origin":
        return Origin(self.file, self.key_path + tuple(keys))


@dataclass
class Official:
    id: str
    name: str = ""
    title: str = ""  # นาย / นาง / นางสาว: printed inside the parentheses
    rank: str = ""  # จ่าเอก, ว่าที่ร้อยตรี…: printed on its own line above the name
    position: str = ""
    origin: Origin = field(default_factory=lambda: Origin(""))

    @property
    def name_in_parentheses(self) -> str:
        return f"({self.title}{self.name})"


@dataclass
class Agency:
    name: str = ""
    district: str = ""
    province: str = ""
    division: str = ""
    phone: str = ""
    document_prefix: str = ""
    officials: list[Official] = field(default_factory=list)
    origin: Origin = field(default_factory=lambda: Origin("agency.toml"))

    def official(self, official_id: str) -> Official | None:
        return next((person for person in self.officials if person.id == official_id), None)


@dataclass
class PreviousIta:
    fiscal_year: int | None = None
    score: float | None = None


@dataclass
class Memo:
    number: str | None = None  # the running number after the agency prefix; "" = written by hand
    date: dt.date | None = None
    subject: str = ""
    addressee: str = ""
    body_template: str = "default"
    paragraphs: list[str] | None = None  # when set, replaces the layout's template
    closing: str = ""
    signatories: list[str] = field(default_factory=list)  # official ids, in signing order


@dataclass
class Result:
    text: str
    date: dt.date | None = None


@dataclass
class Timeline:
    text: str = ""
    quarters: list[int] = field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.text.strip() or self.quarters or self.start or self.end)


@dataclass
class Budget:
    """Either an amount in baht or a sentence such as "ไม่ใช้งบประมาณ"."""

    amount: float | None = None
    note: str = ""


@dataclass
class Measure:
    order: int
    title: str = ""
    steps: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    timeline: Timeline = field(default_factory=Timeline)
    results: list[Result] = field(default_factory=list)
    recommendation: str = ""
    status: str = ""
    budget: Budget | None = None
    evidence: list[str] = field(default_factory=list)
    origin: Origin = field(default_factory=lambda: Origin(""))


@dataclass
class FiscalYear:
    fiscal_year: int
    memo: Memo = field(default_factory=Memo)
    previous_ita: PreviousIta = field(default_factory=PreviousIta)
    report_intro: list[str] | None = None
    measures: list[Measure] = field(default_factory=list)
    origin: Origin = field(default_factory=lambda: Origin(""))
    declared_fiscal_year: int | None = None  # what report.toml says, checked against the folder name


@dataclass
class Records:
    agency: Agency = field(default_factory=Agency)
    years: dict[int, FiscalYear] = field(default_factory=dict)

    def year(self, fiscal_year: int) -> FiscalYear | None:
        return self.years.get(fiscal_year)
