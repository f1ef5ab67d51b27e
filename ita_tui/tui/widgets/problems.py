"""The checker's findings for what is open; Enter on one asks the screen to jump to its field."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...check.output import finding_message
from ...i18n import current_language, t
from ...model.findings import Finding, Severity
from ...thai.hygiene import visible
from ..bindings import TranslatedBindings
from ..places import finding_place, in_list_order

_FOLDED: WeakKeyDictionary = WeakKeyDictionary()  # app → the panel is folded (for the session, on every screen)

SHOWN_AT_ONCE = 60  # findings listed before a "more" line: Textual measures every option of a list at each
# layout, and a 2,000-measure folder's hundreds of findings made the first screen a quarter-second slower
SEVERITY_MARK = {Severity.ERROR: ("✗", "bold red"), Severity.WARNING: ("!", "yellow"), Severity.INFO: ("i", "cyan")}


def _field_of(finding: Finding) -> str:
    """The form field a finding is about, in the interface language ("" when it names none)."""
    names = [part for part in finding.key_path if isinstance(part, str) and part not in ("memo", "text")]
    if not names:
        return ""
    label = t(f"field.{names[-1] if finding.key_path[0] == 'memo' else names[0]}")
    return "" if label.startswith("field.") else label


class ProblemsPanel(TranslatedBindings, OptionList):
    """Shows findings literally (Text prompts, never markup). Findings of several files name the measure
    (number and title); `p` shows their file and line instead. Space folds it to a one-line count (more
    room for the form at 80×24) and unfolds it; the choice holds on every screen until the app closes."""

    # Named in the border title, not the footer (which keeps the app's keys in 80 columns); F1 lists them.
    BINDINGS = [Binding("p", "toggle_paths", "key.paths", id="problems.paths", show=False),
                Binding("space", "toggle_folded", "key.fold-problems", id="problems.fold", show=False)]
    show_paths = False  # `p` shows file:line in place of the measure's number and title

    class Jump(Message):
        def __init__(self, finding: Finding):
            super().__init__()
            self.finding = finding

    class Resized(Message):
        """The panel took more or fewer rows (after a re-check): the form above it has a new height."""

    def __init__(self, **kwargs):
        super().__init__(markup=False, **kwargs)
        self.findings: list[Finding] = []
        self.border_title = t("problems.title")
        self._with_file = True
        self._shown = SHOWN_AT_ONCE

    @property
    def folded(self) -> bool:
        return _FOLDED.get(self.app, False)

    def on_mount(self) -> None:
        self.set_class(self.folded, "-folded")

    def on_resize(self, event) -> None:
        self.post_message(self.Resized())

    def on_focus(self, event) -> None:
        """Focused (F2, Tab) with none highlighted, Enter did nothing until an arrow key: the first is."""
        if self.highlighted is None:
            self.action_first()

    def show(self, findings: list[Finding], with_file: bool = True) -> None:
        highlighted = self.highlighted
        if with_file:
            findings = in_list_order(findings, self.app.session.records, self.app.session.store.shelved)
        if findings != self.findings:
            self._shown = SHOWN_AT_ONCE
        self._with_file = with_file
        self.findings = list(findings)
        self.clear_options()
        self.set_class(self.folded, "-folded")
        counts = {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}
        if self.folded:
            summary = t("problems.folded", errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING],
                        notes=counts[Severity.INFO])
            style = "bold red" if counts[Severity.ERROR] else "yellow" if counts[Severity.WARNING] else ""
            self.add_option(Option(Text(summary, style=style), id="folded"))
            return
        several_years = len({f.file.split("/")[0] for f in findings if f.file[:1].isdigit()}) > 1
        options = []  # added in one call: each add_option asks for a layout of its own
        if not findings:
            options.append(Option(Text(t("problems.none"), style="green"), id="none", disabled=True))
        for index, finding in enumerate(findings[:self._shown]):
            mark, style = SEVERITY_MARK[finding.severity]
            prompt = Text()
            prompt.append(f"{mark} ", style=style)
            if with_file and self.show_paths:
                prompt.append(f"{visible(finding.file)}:{finding.line} ", style="dim")
            elif with_file:
                prompt.append(finding_place(finding, self.app.session.records, with_year=several_years,
                                            shelved=self.app.session.store.shelved) + ": ", style="bold")
            else:
                field = _field_of(finding)
                if field:
                    prompt.append(f"{field}: ", style="bold")
            prompt.append(finding_message(finding, current_language()))
            options.append(Option(prompt, id=str(index)))
        if len(findings) > self._shown:
            options.append(Option(Text(t("problems.more", count=len(findings) - self._shown), style="bold"),
                                  id="more"))
        self.add_options(options)
        self.border_title = t("problems.title-counts", errors=counts[Severity.ERROR],
                              warnings=counts[Severity.WARNING],
                              keys=t("problems.keys-paths" if with_file else "problems.keys"))
        if highlighted is not None and findings:
            self.highlighted = min(highlighted, self.option_count - 1)

    def get_content_height(self, container, viewport, width: int) -> int:
        """The options' height, counted only until it passes what the screen can show: the panel is capped
        (max-height) and scrolls, and measuring every one of a 2,000-measure folder's findings at each
        layout was a tenth of the first screen."""
        limit = max(container.height, viewport.height) + 1
        padding = self.get_component_styles("option-list--option").padding.width
        height = 0
        for index, option in enumerate(self.options):
            height += self._get_visual(option).get_height(self.styles, width - padding)
            if option._divider and index < len(self.options) - 1:
                height += 1
            if height > limit:
                break
        return height

    def action_toggle_paths(self) -> None:
        self.show_paths = not self.show_paths
        self.show(self.findings, self._with_file)

    def action_toggle_folded(self) -> None:
        _FOLDED[self.app] = not self.folded
        self.show(self.findings, self._with_file)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == "folded":
            self.action_toggle_folded()  # Enter on the folded line opens the panel
        elif event.option.id == "more":
            self._shown = len(self.findings)
            self.show(self.findings, self._with_file)
        elif event.option.id and event.option.id.isdigit():
            self.post_message(self.Jump(self.findings[int(event.option.id)]))
