"""Commit messages for people, in the interface language, from what a save changed.

    มาตรการที่ ๔: แก้ไขผลการดำเนินการ, ผู้รับผิดชอบ        บันทึกข้อความ ๒๕๖๖: เปลี่ยนวันที่
    เพิ่มมาตรการที่ ๕ "…"    ลบมาตรการที่ ๕    เริ่มปีงบประมาณ ๒๕๖๗ จาก ๒๕๖๖
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..i18n import tr
from ..thai.dates import format_thai_date
from ..thai.digits import to_thai_digits
from .fielddiff import field_changes, parse_values

_TITLE_LENGTH = 40
_MEASURE_FILE = re.compile(r"^[0-9]{4}/measures/[^/]+\.toml$")
_REPORT_FILE = re.compile(r"^([0-9]{4})/report\.toml$")


@dataclass(frozen=True)
class SavedFile:
    """One file a save touched: its bytes before (None: new) and after (None: deleted)."""
    relative: str
    before: bytes | None
    after: bytes | None


def number(value: int | str, lang: str) -> str:
    return to_thai_digits(str(value)) if lang == "th" else str(value)


def describe_file(change: SavedFile, lang: str) -> str:
    """One line for one file: what kind of record it is and which fields changed."""
    if _MEASURE_FILE.match(change.relative):
        return _describe_measure(change, lang)
    report = _REPORT_FILE.match(change.relative)
    if report:
        subject = tr("vcs.msg.memo", lang, year=number(report[1], lang))
    elif change.relative == "agency.toml":
        subject = tr("vcs.msg.agency", lang)
    else:
        subject = change.relative
    if change.after is None:
        return tr("vcs.msg.deleted-file", lang, file=change.relative)
    return f"{subject}: {_what_changed(change, lang)}"


def _describe_measure(change: SavedFile, lang: str) -> str:
    before, after = parse_values(change.before), parse_values(change.after)
    values = after or before or {}
    order = values.get("order")
    order_text = number(order, lang) if isinstance(order, int) else change.relative.rsplit("/", 1)[-1]
    if change.before is None:
        title = _short(values.get("title"))
        key = "vcs.msg.measure-added-titled" if title else "vcs.msg.measure-added"
        return tr(key, lang, order=order_text, title=title)
    if change.after is None:
        return tr("vcs.msg.measure-deleted", lang, order=order_text)
    old_order = (before or {}).get("order")
    subject = tr("vcs.msg.measure", lang, order=order_text)
    changes = [c for c in field_changes(change.before, change.after) if c.field != "order"]
    parts = []
    if isinstance(old_order, int) and old_order != order:
        parts.append(tr("vcs.msg.moved", lang, old=number(old_order, lang), new=order_text))
    if changes or not parts:
        parts.append(_what_changed(change, lang, skip=("order",)))
    return f"{subject}: {', '.join(parts)}"


def _what_changed(change: SavedFile, lang: str, skip: tuple[str, ...] = ()) -> str:
    changes = [c for c in field_changes(change.before, change.after) if c.field not in skip]
    labels, date_changed = [], False
    for field_change in changes:
        if field_change.field == "date":
            date_changed = True
            continue
        label = tr(f"field.{field_change.field}", lang)
        if label.startswith("field."):
            label = field_change.field
        if label not in labels:
            labels.append(label)
    parts = []
    if labels:
        parts.append(tr("vcs.msg.edited", lang, fields=", ".join(labels)))
    if date_changed:
        parts.append(tr("vcs.msg.date-changed", lang))
    return ", ".join(parts) if parts else tr("vcs.msg.layout-only", lang)


def describe_save(changes: list[SavedFile], lang: str, note: str = "") -> str:
    """The whole message of one save: the first line says it all for one file, the body lists the rest."""
    lines = [describe_file(change, lang) for change in changes]
    if note:
        lines = [f"{line} ({note})" for line in lines]
    if len(lines) <= 1:
        return lines[0] if lines else tr("vcs.msg.save", lang)
    summary = tr("vcs.msg.many", lang, first=lines[0], more=number(len(lines) - 1, lang))
    return summary + "\n\n" + "\n".join(lines)


def new_year_message(new_year: int, source: int | None, lang: str) -> str:
    if source is None:
        return tr("vcs.msg.new-year-empty", lang, year=number(new_year, lang))
    return tr("vcs.msg.new-year", lang, year=number(new_year, lang), source=number(source, lang))


def subject_of(relative: str, data: bytes | None, lang: str) -> str:
    """What a file is to people: "มาตรการที่ ๔", "บันทึกข้อความ ๒๕๖๖", or its name."""
    report = _REPORT_FILE.match(relative)
    if report:
        return tr("vcs.msg.memo", lang, year=number(report[1], lang))
    order = (parse_values(data) or {}).get("order")
    if _MEASURE_FILE.match(relative) and isinstance(order, int):
        return tr("vcs.msg.measure", lang, order=number(order, lang))
    return tr("vcs.msg.agency", lang) if relative == "agency.toml" else relative


def version_day(when: dt.datetime, lang: str) -> str:
    return format_thai_date(when.date()) if lang == "th" else when.date().isoformat()


def brought_back_message(when: dt.datetime, relative: str, data: bytes | None, lang: str) -> str:
    return tr("vcs.msg.brought-back", lang, date=version_day(when, lang), what=subject_of(relative, data, lang))


def _short(value: object) -> str:
    if not isinstance(value, str):
        return ""
    text = " ".join(value.split())
    return text if len(text) <= _TITLE_LENGTH else text[: _TITLE_LENGTH - 1] + "…"
