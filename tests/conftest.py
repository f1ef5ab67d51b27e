"""Shared fixtures: a private copy of the shipped sample, and a builder for small records folders."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_RECORDS = PROJECT_ROOT / "records"

MINIMAL_AGENCY = """\
name = "องค์การบริหารส่วนตำบลทดสอบ"
district = "เมือง"
province = "ทดสอบ"
document_prefix = "ทส ๐๐๐๐๑"

[[officials]]
id = "a"
title = "นาย"
name = "ทดสอบ ระบบ"
position = "ปลัด"
"""

MINIMAL_REPORT = """\
fiscal_year = 2566

[previous_ita]
fiscal_year = 2565
score = 80.5

[memo]
number = "๑๒๓"
date = 2023-02-02
subject = "รายงาน"
addressee = "นายก"
closing = "จึงเรียนมาเพื่อโปรดทราบ"
signatories = ["a"]
"""

MINIMAL_MEASURE = """\
order = 1
title = "มาตรการทดสอบ"
owners = ["สำนักปลัด"]
steps = ["แต่งตั้งคณะทำงาน"]
recommendation = "ควรติดตามผล"

[timeline]
text = "ปีงบประมาณ พ.ศ. ๒๕๖๖"

[[results]]
text = "ประชุมคณะทำงานแล้ว"
"""


@pytest.fixture
def sample_records(tmp_path: Path) -> Path:
    """A writable copy of the shipped sample records."""
    target = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, target)
    return target


class RecordsBuilder:
    """Writes a small valid records folder; tests override one file to show one behaviour."""

    def __init__(self, root: Path):
        self.root = root
        self.write("agency.toml", MINIMAL_AGENCY)
        self.write("2566/report.toml", MINIMAL_REPORT)
        self.write("2566/measures/01-test.toml", MINIMAL_MEASURE)

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def write_bytes(self, relative: str, data: bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def measure(self, extra: str = "", **replacements: str) -> Path:
        text = MINIMAL_MEASURE
        for old, new in replacements.items():
            text = text.replace(old, new)
        return self.write("2566/measures/01-test.toml", text + extra)


@pytest.fixture
def records_builder(tmp_path: Path) -> RecordsBuilder:
    return RecordsBuilder(tmp_path / "records")


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch):
    """Cursors do not blink in tests: on a loaded machine a blink timer fires between the last
    pause and the screenshot, and a snapshot then differs by one cursor cell."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


def keys_in_sight(app) -> set[str]:
    """The footer's keys shown whole: within the line, left of the command palette's key at its end."""
    from ita_tui.tui.widgets.footer import ItaFooter

    shown = app.screen.query_one(ItaFooter).shown()
    limit = next((key.start - 1 for key in shown if key.palette), app.size.width)  # the rule before it
    return {key.key for key in shown if not key.palette and key.end <= limit}
