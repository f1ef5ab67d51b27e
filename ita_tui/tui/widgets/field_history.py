"""Undo steps of a single-line field, grouped as editors group them (Textual 8.2.8's Input has no undo).

A step is what the user thinks of as one edit: a run of typed characters up to the next word (a space
followed by a letter starts a new step; a long run without spaces — Thai — is cut every STEP_CHARACTERS),
a run of Backspace or Delete, a paste, a cut, a text the program put in (F4 $EDITOR). A step never ends
inside a Thai cluster: a mark typed after its consonant belongs to the consonant's step. Moving the
cursor ends the step in progress. Each step remembers the field's text and cursor before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...thai.segment import is_combining

STEP_CHARACTERS = 16  # a run of typing without spaces (Thai) is undone in steps of about this many
MAX_STEPS = 200


@dataclass(frozen=True)
class FieldState:
    value: str
    cursor: int


@dataclass
class _Run:
    """The step in progress: its kind, where the next key must act to belong to it, its length."""
    kind: str  # "type" or "delete"
    position: int
    length: int
    last: str = ""


class FieldHistory:
    def __init__(self) -> None:
        self.undo_states: list[FieldState] = []
        self.redo_states: list[FieldState] = []
        self._run: _Run | None = None

    def edited(self, before: FieldState, text: str, start: int, end: int) -> None:
        """The field changed from *before* by putting *text* over [start, end): a new step, or the next key
        of the step in progress."""
        kind = "type" if len(text) == 1 and start == end else "delete" if not text and start < end else None
        run = self._run
        joins = run is not None and kind == run.kind and (
            (kind == "type" and start == run.position and self._same_word(run, text))
            or (kind == "delete" and run.position in (start, end)))
        if not joins:
            self._push(before)
        self.redo_states.clear()
        if kind is None:
            self._run = None
        elif joins:
            run.position = start + len(text)
            run.length += 1
            run.last = text
        else:
            self._run = _Run(kind, start + len(text), 1, text)

    @staticmethod
    def _same_word(run: _Run, char: str) -> bool:
        if is_combining(char):
            return True  # never split a cluster
        if run.last.isspace() and not char.isspace():
            return False  # a new word starts a new step
        return run.length < STEP_CHARACTERS

    def replaced(self, before: FieldState) -> None:
        """The program set a whole new value (F4 $EDITOR): a step of its own."""
        self._push(before)
        self.redo_states.clear()
        self._run = None

    def break_run(self) -> None:
        """The cursor moved or the field lost focus: the next key starts a new step."""
        self._run = None

    def undo(self, now: FieldState) -> FieldState | None:
        self._run = None
        if not self.undo_states:
            return None
        self.redo_states.append(now)
        return self.undo_states.pop()

    def redo(self, now: FieldState) -> FieldState | None:
        self._run = None
        if not self.redo_states:
            return None
        self.undo_states.append(now)
        return self.redo_states.pop()

    def _push(self, state: FieldState) -> None:
        self.undo_states.append(state)
        del self.undo_states[:-MAX_STEPS]
