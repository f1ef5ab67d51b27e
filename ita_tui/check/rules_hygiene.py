"""Characters that mislead a reader or a terminal, found in any text of the records."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.findings import Finding, Severity
from ..model.records import Records
from ..model.walk import all_texts
from ..thai.hygiene import codepoint_name, inspect_text

_SEVERITY = {
    "text-control-char": Severity.ERROR,
    "text-bidi-control": Severity.ERROR,
    "text-zero-width": Severity.WARNING,
    "text-orphan-mark": Severity.WARNING,
    "text-doubled-mark": Severity.WARNING,
}


def text_hygiene(records: Records) -> Iterator[Finding]:
    for origin, keys, _field, text in all_texts(records):
        if not text or text.isascii() and text.isprintable():
            continue
        for problem in inspect_text(text):
            yield Finding(problem.rule_id, _SEVERITY[problem.rule_id], origin.file, origin.key_path + keys,
                          {"char": codepoint_name(problem.char), "offset": problem.offset})


RULES = (text_hygiene,)
