"""Which fields of a records file differ between two versions, as people name them (not a TOML diff)."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass

# report.toml keeps the memo's fields one table down; they are named by the inner key
_NESTED = ("memo", "previous_ita", "report")


@dataclass(frozen=True)
class FieldChange:
    key_path: tuple[str, ...]
    old: str | None  # None: the field was not there
    new: str | None

    @property
    def field(self) -> str:
        """The catalogue name of the field (`field.<name>`)."""
        return self.key_path[-1]


def parse_values(data: bytes | None) -> dict | None:
    """The values of one version of a file; None when it is missing or does not parse."""
    if data is None:
        return None
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None


def field_changes(old: bytes | None, new: bytes | None) -> list[FieldChange]:
    """Changed top-level fields (and the memo's own fields one level down), in the order of the file."""
    before, after = parse_values(old) or {}, parse_values(new) or {}
    changes: list[FieldChange] = []
    for key in _ordered_keys(before, after):
        old_value, new_value = before.get(key), after.get(key)
        if old_value == new_value:
            continue
        if key in _NESTED and isinstance(old_value or {}, dict) and isinstance(new_value or {}, dict):
            inner_old, inner_new = old_value or {}, new_value or {}
            for inner in _ordered_keys(inner_old, inner_new):
                if inner_old.get(inner) != inner_new.get(inner):
                    changes.append(FieldChange((key, inner), _text(inner_old.get(inner)), _text(inner_new.get(inner))))
            continue
        changes.append(FieldChange((key,), _text(old_value), _text(new_value)))
    return changes


def _ordered_keys(before: dict, after: dict) -> list[str]:
    return list(after) + [key for key in before if key not in after]


def _text(value: object) -> str | None:
    """A value as plain text for people: lists one item a line, tables `key: value` a line."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "\n".join(_text(item) or "" for item in value)
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            parts.append(f"{key}: {_text(item)}")
        return "\n".join(parts)
    return str(value)
