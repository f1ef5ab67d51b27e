"""The checker's findings for what is open; Enter on one asks the screen to jump to its field."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...check.output import finding_message
from ...i18n import current_language, t
from ...model.findings import Finding, Severity
from ...thai.hygiene import visible

SEVERITY_MARK = {Severity.ERROR: ("✗", "bold red"), Severity.WARNING: ("!", "yellow"), Severity.INFO: ("i", "cyan")}


def _field_of(finding: Finding) -> str:
    """The form field a finding is about, in the interface language ("" when it names none)."""
    names = [part for part in finding.key_path if isinstance(part, str) and part not in ("memo", "text")]
    if not names:
        return ""
    label = t(f"field.{names[-1] if finding.key_path[0] == 'memo' else names[0]}")
    return "" if label.startswith("field.") else label


class ProblemsPanel(OptionList):
    """Shows findings literally (Text prompts, never markup)."""

    class Jump(Message):
        def __init__(self, finding: Finding):
            super().__init__()
            self.finding = finding

    def __init__(self, **kwargs):
        super().__init__(markup=False, **kwargs)
        self.findings: list[Finding] = []
        self.border_title = t("problems.title")

    def show(self, findings: list[Finding], with_file: bool = True) -> None:
        highlighted = self.highlighted
        self.findings = list(findings)
        self.clear_options()
        if not findings:
            self.add_option(Option(Text(t("problems.none"), style="green"), id="none", disabled=True))
        for index, finding in enumerate(findings):
            mark, style = SEVERITY_MARK[finding.severity]
            prompt = Text()
            prompt.append(f"{mark} ", style=style)
            if with_file:
                prompt.append(f"{visible(finding.file)}:{finding.line} ", style="dim")
            else:
                field = _field_of(finding)
                if field:
                    prompt.append(f"{field}: ", style="bold")
            prompt.append(finding_message(finding, current_language()))
            self.add_option(Option(prompt, id=str(index)))
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
        self.border_title = t("problems.title-counts", errors=errors, warnings=warnings)
        if highlighted is not None and findings:
            self.highlighted = min(highlighted, len(findings) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id != "none":
            self.post_message(self.Jump(self.findings[int(event.option.id)]))
