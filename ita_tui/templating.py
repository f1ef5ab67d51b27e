"""Fill `{name}` placeholders from a dict — and nothing else.

Templates come from layouts and catalogues that users edit, so no `str.format` (which can reach
attributes and items: "{measures.__class__}"): a placeholder is a bare name, looked up in a dict.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class UnknownPlaceholder(KeyError):
    """A template names a placeholder the caller does not provide."""


def fill(template: str, values: Mapping[str, object], *, strict: bool = True) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match[1]
        if name in values:
            return str(values[name])
        if strict:
            raise UnknownPlaceholder(name)
        return match.group()

    return PLACEHOLDER.sub(replace, template)


def placeholders(template: str) -> list[str]:
    return PLACEHOLDER.findall(template)
