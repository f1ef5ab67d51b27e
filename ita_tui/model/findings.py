"""A finding: one thing wrong or doubtful in the records, with its place and a rule id.

The words are not stored here: `message` is a catalogue key and `params` fill it in, so the same finding
reads in Thai or English (see `ita_tui.i18n`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .records import KeyPath


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass
class Finding:
    rule_id: str
    severity: Severity
    file: str
    key_path: KeyPath = ()
    params: dict = field(default_factory=dict)
    line: int = 0  # 1-based; 0 = unknown (filled in by the store's locator)
    col: int = 0
    message: str = ""  # catalogue key; defaults to the rule id

    @property
    def message_key(self) -> str:
        return self.message or self.rule_id

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.col, self.rule_id)
