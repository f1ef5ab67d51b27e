"""Modal dialogs that return their answer on dismiss; arrow keys move between the buttons."""

from __future__ import annotations

import difflib

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..i18n import t
from .bindings import TranslatedBindings
from .display import safe_text


class ChoiceDialog(TranslatedBindings, ModalScreen[str]):
    """A question with a few answers; dismisses with the chosen answer's id ("cancel" on Escape)."""

    BINDINGS = [
        Binding("escape", "choose('cancel')", "key.cancel", id="dialog.cancel"),
        Binding("left,up", "app.focus_previous", show=False),
        Binding("right,down", "app.focus_next", show=False),
    ]

    def __init__(self, question: str, choices: list[tuple[str, str]], detail: str = "", focus: str = ""):
        super().__init__()
        self.question = question
        self.choices = choices
        self.detail = detail
        self.initial_focus = focus  # the answer Enter gives at once: the safe one for destructive questions

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(safe_text(self.question), id="dialog-question")
            if self.detail:
                with VerticalScroll(id="dialog-detail"):
                    yield Static(safe_text(self.detail))
            with Horizontal(id="dialog-buttons"):
                for choice_id, label in self.choices:
                    yield Button(label, id=f"choice-{choice_id}")

    def on_mount(self) -> None:
        if self.initial_focus:
            self.query_one(f"#choice-{self.initial_focus}", Button).focus()
        else:
            self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id.removeprefix("choice-"))

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


def confirm_dialog(question: str) -> ChoiceDialog:
    """A destructive question: Enter alone answers Cancel; choosing Yes takes a deliberate ←/Tab."""
    return ChoiceDialog(question, [("yes", t("dialog.yes")), ("cancel", t("dialog.cancel"))], focus="cancel")


def quit_dialog(files: list[str]) -> ChoiceDialog:
    return ChoiceDialog(t("dialog.unsaved-quit", count=len(files)),
                        [("save", t("dialog.save-quit")), ("discard", t("dialog.discard-quit")),
                         ("cancel", t("dialog.cancel"))], detail="\n".join(files), focus="save")


def conflict_dialog(path: str, mine: str, theirs: str | None) -> ChoiceDialog:
    """What changed on disk against what I am about to write: reload theirs, keep mine, or cancel."""
    if theirs is None:
        detail = t("dialog.conflict-deleted")
    else:
        detail = "\n".join(difflib.unified_diff(theirs.splitlines(), mine.splitlines(), t("dialog.theirs"),
                                                t("dialog.mine"), lineterm="", n=1))
    return ChoiceDialog(t("dialog.conflict", path=path),
                        [("reload", t("dialog.reload")), ("mine", t("dialog.keep-mine")),
                         ("cancel", t("dialog.cancel"))], detail=detail, focus="cancel")


class HelpDialog(TranslatedBindings, ModalScreen[None]):
    """F1: what the focused widget is for, and the keys that work right now (read from live bindings)."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "key.close", id="help.close")]

    def __init__(self, title: str, description: str, keys: list[tuple[str, str]]):
        super().__init__()
        self.help_title = title
        self.description = description
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(safe_text(self.help_title), id="dialog-question")
            with VerticalScroll(id="dialog-detail"):
                if self.description:
                    yield Static(safe_text(self.description + "\n"))
                lines = "\n".join(f"{key:<14} {description}" for key, description in self.keys)
                yield Static(safe_text(lines))
