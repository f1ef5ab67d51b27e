"""First run: an empty records folder (no agency.toml) starts with a short form that writes a valid one,
instead of an overview with an empty header."""

from __future__ import annotations

import tomlkit
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from ..i18n import t
from .bindings import TranslatedBindings
from .display import safe_text
from .widgets.thai_text import ThaiInput

FIELDS = ("name", "district", "province", "document_prefix", "official_name", "official_position")
REQUIRED = ("name", "district", "province")


def agency_document(answers: dict[str, str]) -> str:
    """agency.toml text from the form's answers (tomlkit quotes whatever was typed)."""
    document = tomlkit.document()
    for key in ("name", "district", "province", "document_prefix"):
        document[key] = answers.get(key, "").strip()
    if answers.get("official_name", "").strip():
        official = tomlkit.table()
        official["id"] = "chief"
        official["name"] = answers["official_name"].strip()
        official["position"] = answers.get("official_position", "").strip() or "-"
        officials = tomlkit.aot()
        officials.append(official)
        document["officials"] = officials
    return tomlkit.dumps(document)


class FirstRunDialog(TranslatedBindings, ModalScreen[dict | None]):
    """Dismisses with the answers, or None on Escape (the user can start again next time)."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel", id="first-run.cancel")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(safe_text(t("first-run.intro")), id="dialog-question")
            for field in FIELDS:
                yield Label(t(f"first-run.{field}"))
                yield ThaiInput(id=field)
            yield Static(id="first-run-problem")
            with Horizontal(id="dialog-buttons"):
                yield Button(t("first-run.create"), id="create", variant="primary")
                yield Button(t("first-run.later"), id="later")

    def on_mount(self) -> None:
        self.query_one("#name").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id != "create":
            self.dismiss(None)
            return
        answers = {field: self.query_one(f"#{field}", ThaiInput).value for field in FIELDS}
        missing = [t(f"first-run.{field}") for field in REQUIRED if not answers[field].strip()]
        if missing:
            self.query_one("#first-run-problem", Static).update(
                safe_text(t("first-run.missing", fields=", ".join(missing)), "bold red"))
            return
        self.dismiss(answers)

    def action_cancel(self) -> None:
        self.dismiss(None)
