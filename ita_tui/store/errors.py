"""Errors the store raises when it will not write: the caller decides what the user sees."""

from __future__ import annotations


class SaveRefused(Exception):
    """The save was not attempted; nothing on disk changed."""


class ConflictError(SaveRefused):
    """The file changed on disk since it was read. Carries both versions so the user can compare."""

    def __init__(self, path: str, mine: str, theirs: str | None):
        super().__init__(f"{path} changed on disk since it was read")
        self.path = path
        self.mine = mine
        self.theirs = theirs  # None when the file was deleted
