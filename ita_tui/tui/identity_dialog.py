"""Asked once, when git knows no name for this user: who is saving (kept in the per-user settings)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ..i18n import t
from .bindings import TranslatedBindings
from .display import safe_text


class IdentityDialog(TranslatedBindings, ModalScreen[tuple[str, str] | None]):
    """Dismisses with (name, e-mail), or None on Escape (the login name is used then)."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel", id="identity.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(safe_text(t("vcs.identity.question")), id="dialog-question")
            yield Label(t("vcs.identity.name"))
            yield Input(id="identity-name")
            yield Label(t("vcs.identity.email"))
            yield Input(id="identity-email")
            with Horizontal(id="dialog-buttons"):
                yield Button(t("dialog.ok"), id="identity-ok")
                yield Button(t("dialog.cancel"), id="identity-cancel")

    def on_mount(self) -> None:
        self.query_one("#identity-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "identity-name":
            self.query_one("#identity-email", Input).focus()
        else:
            self._answer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "identity-ok":
            self._answer()
        else:
            self.dismiss(None)

    def _answer(self) -> None:
        name = self.query_one("#identity-name", Input).value.strip()
        if name:
            self.dismiss((name, self.query_one("#identity-email", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
