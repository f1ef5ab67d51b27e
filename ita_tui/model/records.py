"""Typed records of one agency: its roster, and per fiscal year the memo, last year's ITA and the measures.

Every object remembers where it came from (`Origin`): the file relative to the records folder and the
key path inside it, so any finding can name file, line and column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, MutableMapping
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


class FiscalYears(MutableMapping):
    """Fiscal years by BE year, some of them not read yet: the app starts on a large records folder without
    building years it only lists (their summaries are kept by the store). A year not read yet is read by
    *read_year* the first time it is asked for; asking which years there are reads nothing."""

    def __init__(self, read_year: Callable[[int], FiscalYear]):
        self._years: dict[int, FiscalYear | None] = {}  # None: not read yet
        self._read_year = read_year

    def add_unread(self, fiscal_year: int) -> None:
        self._years[fiscal_year] = None

    def is_read(self, fiscal_year: int) -> bool:
        return self._years.get(fiscal_year) is not None

    def unread(self) -> list[int]:
        return [fiscal_year for fiscal_year, year in self._years.items() if year is None]

    def read(self) -> dict[int, FiscalYear]:
        """The years read so far (without reading the others)."""
        return {fiscal_year: year for fiscal_year, year in self._years.items() if year is not None}

    def __getitem__(self, fiscal_year: int) -> FiscalYear:
        year = self._years[fiscal_year]
        if year is None:
            year = self._read_year(fiscal_year)
            self._years[fiscal_year] = year
        return year

    def __setitem__(self, fiscal_year: int, year: FiscalYear) -> None:
        self._years[fiscal_year] = year

    def __delitem__(self, fiscal_year: int) -> None:
        del self._years[fiscal_year]

    def __iter__(self) -> Iterator[int]:
        return iter(self._years)

    def __len__(self) -> int:
        return len(self._years)

    def __contains__(self, fiscal_year: object) -> bool:
        return fiscal_year in self._years

    def __repr__(self) -> str:
        return f"FiscalYears(read={sorted(self.read())}, unread={self.unread()})"


def years_read(years) -> dict[int, FiscalYear]:
    """The years of a mapping that are in memory (all of a plain dict's)."""
    return years.read() if isinstance(years, FiscalYears) else dict(years)


@dataclass
class Records:
    agency: Agency = field(default_factory=Agency)
    years: dict[int, FiscalYear] = field(default_factory=dict)  # or FiscalYears, in the app

    def year(self, fiscal_year: int) -> FiscalYear | None:
        return self.years.get(fiscal_year)
