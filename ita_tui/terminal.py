"""What the commands print: data inside a message (paths, keys, values) cannot talk to the terminal.

Every line a command writes to stdout or stderr goes through `say` or `write_report`, which apply the one
escaping rule of `thai.hygiene` (controls, C1, bidi overrides) to the whole text.
"""

from __future__ import annotations

import sys

from .thai.hygiene import escape_for_json, visible


def say(message: object, *, error: bool = False) -> None:
    """print() for a human-readable line; error=True writes to stderr."""
    print(visible(str(message)), file=sys.stderr if error else sys.stdout)


def write_report(text: str, machine: bool = False) -> None:
    """A whole report on stdout; machine formats (JSON, SARIF) keep the exact data as \\uXXXX escapes."""
    sys.stdout.write(escape_for_json(text) if machine else visible(text))
