"""What the measure and memo forms share: debounced apply + recheck, field jumps, list editing, $EDITOR."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile

from textual.binding import Binding
from textual.app import SuspendNotSupported
from textual.screen import Screen
from textual.widgets import Input, TextArea
from textual.widgets.input import Selection as InputSelection
from textual.widgets.text_area import Selection as AreaSelection

from ...i18n import t
from ...model.findings import Finding, Severity
from ...thai.hygiene import visible
from ..bindings import TranslatedBindings
from ..display import one_line
from ..widgets.marked_list import MarkedSelectionList
from ..widgets.problems import ProblemsPanel
from ..widgets.thai_text import ThaiTextArea

APPLY_DELAY = 0.3  # seconds of quiet typing before the form is applied and re-checked
ITEM_NEWLINE = " ⏎ "  # a newline inside one list item, shown on its single line


def list_to_lines(items: list[str]) -> str:
    return "\n".join(visible(item).replace("\n", ITEM_NEWLINE) for item in items)


def lines_to_list(text: str) -> list[str]:
    return [line.replace(ITEM_NEWLINE, "\n").strip() for line in text.split("\n") if line.strip()]


def lines_to_items(text: str, originals: list[str]) -> list[str]:
    """The list as edited, where every line that still shows an original item exactly is that item, byte
    for byte: editing one step never rewrites another step's control characters into their stand-ins."""
    shown = {}
    for item in originals:
        shown.setdefault(visible(item).replace("\n", ITEM_NEWLINE).strip(), item)
    return [shown.get(line.strip(), item)
            for line, item in ((line, line.replace(ITEM_NEWLINE, "\n").strip()) for line in text.split("\n"))
            if item]


def kept(original: str, shown: str, edited: str) -> str:
    """The edited text, or the original when the field still shows exactly what it was given: so a field
    holding control characters (shown as ␛) is not rewritten just by being displayed."""
    return original if edited == shown else edited


def invalid_value(file: str, key_path: tuple, message: str, text: str) -> Finding:
    """A finding for a typed value that does not parse (shown in the problems panel; never saved)."""
    return Finding("form-invalid-value", Severity.ERROR, file, key_path, {"text": one_line(text)}, message=message)


def field_label(finding: Finding) -> str:
    return t(f"field.{finding.key_path[-1]}")


class FormScreen(TranslatedBindings, Screen):
    # The footer holds the app's keys (save … F6 history, F7 send) at 80 columns; Esc and F4 are in F1's list.
    BINDINGS = [
        Binding("escape", "leave", "key.back", id="form.back", show=False),
        Binding("f9", "move_line(-1)", "key.line-up", id="form.line-up", show=False),
        Binding("f10", "move_line(1)", "key.line-down", id="form.line-down", show=False),
        Binding("f4", "edit_in_editor", "key.editor", id="form.editor", show=False),
    ]
    FIELD_WIDGETS: dict[str, str] = {}  # first key of a finding's key path → widget id
    INVALIDABLE: tuple[str, ...] = ()  # widget ids whose typed text must parse (dates, numbers)
    # The form focuses its first field as it mounts. Textual's automatic focus first gave it to the
    # scrolling container, restyling the whole form, then again as it lost it to the field.
    AUTO_FOCUS = ""
    _shown_once = False

    def on_screen_resume(self, event) -> None:
        if not self._shown_once:
            # Textual restyles every widget of a screen each time it is shown; the first time, they were
            # styled a moment ago as they mounted.
            event.refresh_styles = False
            self._shown_once = True

    def on_resize(self, event) -> None:
        if event.size == self.outer_size:
            # Textual sends a screen a Resize to the size it was just laid out at, and lays it out again
            event.prevent_default()

    def __init__(self):
        super().__init__()
        self._apply_timer = None
        self._loading = True
        self.invalid: list[Finding] = []  # values typed that do not parse: held in the form, never saved

    # -- applying edits ---------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        self.schedule_apply()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.schedule_apply()
        self.call_after_refresh(self.follow_cursor, event.text_area)

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        self.call_after_refresh(self.follow_cursor, event.text_area)

    def on_problems_panel_resized(self, event: ProblemsPanel.Resized) -> None:
        """A re-check that grows the panel shortens the form: the line being typed must stay in sight."""
        if isinstance(self.focused, TextArea):
            self.call_after_refresh(self.follow_cursor, self.focused)

    def follow_cursor(self, area: TextArea) -> None:
        """Scroll the form so the line being typed stays in sight: a text area grows with its content, and
        the form (not the area) has to scroll when its last line goes below the bottom."""
        forms = self.query("#form")
        if not forms or not area.has_focus:
            return
        form = forms.first()
        top, bottom = form.content_region.y, form.content_region.bottom
        y = area.cursor_screen_offset.y
        if y >= bottom:
            form.scroll_to(y=form.scroll_y + (y - bottom) + 2, animate=False, immediate=True)
        elif y < top:
            form.scroll_to(y=max(0, form.scroll_y - (top - y) - 1), animate=False, immediate=True)

    def schedule_apply(self) -> None:
        if self._loading:
            return
        if self._apply_timer is not None:
            self._apply_timer.stop()
        self._apply_timer = self.set_timer(APPLY_DELAY, self.apply_now)

    def apply_now(self) -> None:
        """Form → model → document, then re-check; implemented by each form."""
        raise NotImplementedError

    def after_apply(self, fiscal_year: int, files: list[str]) -> None:
        session = self.app.session
        session.recheck()
        findings = self.invalid + [f for f in session.findings if f.file in files]
        self.query_one(ProblemsPanel).show(findings, with_file=len(files) > 1)
        self.app.held_invalid = [field_label(f) for f in self.invalid]
        self.app.refresh_unsaved()

    def hold_invalid(self, invalid: dict[str, Finding]) -> None:
        """Mark the fields (widget id → finding) whose typed value does not parse; clear the others.
        The model keeps the last good value, so the file keeps what it had; the text stays for fixing."""
        for widget_id in self.INVALIDABLE:
            self.query_one(f"#{widget_id}").set_class(widget_id in invalid, "-invalid")
        self.invalid = list(invalid.values())

    # -- leaving, jumping ---------------------------------------------------------------------
    def action_leave(self) -> None:
        if self._apply_timer is not None:
            self._apply_timer.stop()
            self.apply_now()
        if self.invalid:
            self.notify(t("form.invalid-discarded", fields=", ".join(field_label(f) for f in self.invalid)),
                        severity="warning")
            self.app.held_invalid = []
            self.app.refresh_unsaved()
        if self.app.config.save_on_leave and self.app.session.has_unsaved:
            self.app.action_save()
        self.app.pop_screen()

    def focus_finding(self, finding: Finding) -> None:
        key_path = finding.key_path
        widget_id = self.FIELD_WIDGETS.get(key_path[0] if key_path else "", "")
        if key_path and key_path[0] == "memo" and len(key_path) > 1:
            widget_id = self.FIELD_WIDGETS.get(key_path[1], widget_id)
        if not widget_id:
            return
        widget = self.query_one(f"#{widget_id}")
        widget.focus()
        widget.scroll_visible()
        index = next((part for part in key_path[1:] if isinstance(part, int)), None)
        if isinstance(widget, TextArea) and index is not None and index < widget.document.line_count:
            widget.move_cursor((index, 0))

    def show_match(self, key_path: tuple, text: str, start: int, end: int) -> None:
        """Focus the field holding a search match, the match selected and the cursor at its start."""
        from ..search_jump import area_location, line_location, shown_offset

        widget_id = self.FIELD_WIDGETS.get(key_path[0] if key_path else "", "")
        if key_path and key_path[0] == "memo" and len(key_path) > 1:
            widget_id = self.FIELD_WIDGETS.get(key_path[1], widget_id)
        if not widget_id:
            self.notify(t("search.no-field", field=t(f"field.{key_path[-1]}")), markup=False)
            return
        widget = self.query_one(f"#{widget_id}")
        widget.focus()
        widget.scroll_visible(animate=False)
        index = next((part for part in key_path[1:] if isinstance(part, int)), None)
        if isinstance(widget, Input):
            widget.selection = InputSelection(shown_offset(text, end, False), shown_offset(text, start, False))
        elif isinstance(widget, TextArea):
            if index is None:
                first, last = area_location(text, start), area_location(text, end)
            elif index < widget.document.line_count:
                line = widget.document.get_line(index)
                first, last = (index, line_location(line, text, start)), (index, line_location(line, text, end))
            else:
                return
            widget.selection = AreaSelection(last, first)
            self.call_after_refresh(self.follow_cursor, widget)

    def on_problems_panel_jump(self, event: ProblemsPanel.Jump) -> None:
        self.focus_finding(event.finding)

    # -- list editing -------------------------------------------------------------------------
    def action_move_line(self, step: int) -> None:
        """Move the current line of a list field up or down (reorder steps, results…)."""
        area = self.focused
        if isinstance(area, MarkedSelectionList):
            if area.move_highlighted(step):
                self.schedule_apply()
            return
        if not isinstance(area, ThaiTextArea):
            return
        row, column = area.cursor_location
        other = row + step
        lines = area.text.split("\n")
        if not 0 <= other < len(lines):
            return
        first, last = sorted((row, other))
        swapped = [lines[last], lines[first]]
        # an edit of the two lines, not a new text: Ctrl+Z undoes it (setting .text clears the history)
        area.replace("\n".join(swapped), (first, 0), (last, len(lines[last])))
        area.move_cursor((other, min(column, len(lines[row]))))

    # -- $EDITOR ------------------------------------------------------------------------------
    def action_edit_in_editor(self) -> None:
        """Edit the focused field in $EDITOR (suspends the app), then re-check."""
        widget = self.focused
        if not isinstance(widget, (Input, TextArea)):
            self.notify(t("editor.focus-a-field"), markup=False)
            return
        text = widget.value if isinstance(widget, Input) else widget.text
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
            handle.write(text + "\n")  # a text file ends in a newline: vi shows no [noeol], appends start a line
            path = handle.name
        try:
            if not run_editor(self.app, path):
                return
            with open(path, encoding="utf-8") as handle:
                edited = handle.read()
        except UnicodeDecodeError as error:
            self.notify(t("editor.failed", reason=str(error)), severity="error", markup=False)
            return
        finally:
            try:
                os.unlink(path)
            except OSError:
                pass
        edited = edited.removesuffix("\n")  # exactly the one handed over; more are the user's
        if isinstance(widget, Input):
            widget.value = edited.rstrip("\n").replace("\n", " ")
        else:  # an edit of the whole text, not a new text: Ctrl+Z undoes it
            widget.replace(edited, (0, 0), widget.document.end)
        if self._apply_timer is not None:
            self._apply_timer.stop()
        self.apply_now()


def run_editor(app, path: str) -> bool:
    """Run $VISUAL / $EDITOR on *path* with the terminal handed over; False (and a message) if it failed."""
    command = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "nano")
    failure: OSError | None = None
    try:
        if app.is_headless:  # tests: no terminal to hand over
            result = subprocess.run([*command, path])
        else:
            with app.suspend():
                # caught inside: Textual 8.2.8's suspend() gives the terminal back only when its body returns
                # (upstream textual#6692); a missing editor left a blank screen with the app behind it
                try:
                    result = subprocess.run([*command, path])
                except OSError as error:
                    failure = error
    except (OSError, SuspendNotSupported) as error:
        failure = error
    if isinstance(failure, FileNotFoundError):  # the OS's English "[Errno 2] …" says nothing to a clerk
        app.notify(t("editor.missing", command=command[0]), severity="error", markup=False)
        return False
    if failure is not None:
        app.notify(t("editor.failed", reason=str(failure)), severity="error", markup=False)
        return False
    if result.returncode != 0:
        app.notify(t("editor.nonzero", code=result.returncode), severity="warning", markup=False)
        return False
    return True
