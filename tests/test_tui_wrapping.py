"""Thai text on screen wraps between words, never inside one (labels, lists and text areas)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual.app import App, ComposeResult

import ita_tui.tui  # noqa: F401  (installs the Thai wrapping)
from ita_tui.thai.segment import line_segments
from ita_tui.tui.widgets.thai_text import ThaiTextArea

SENTENCE = "ดำเนินการจัดอบรมเพื่อปลูกฝังเรื่องความคิดการแยกแยะประโยชน์ส่วนตัวและประโยชน์ส่วนรวม"


def _boundaries(text: str) -> set[int]:
    offsets, position = {0}, 0
    for piece in line_segments(text):
        position += len(piece)
        offsets.add(position)
    return offsets


def test_rich_text_wraps_thai_between_words():
    console = Console(width=20, color_system=None)
    lines = Text(SENTENCE).wrap(console, 20)
    position, starts = 0, []
    for line in lines:
        starts.append(position)
        position += len(line.plain)
    assert len(lines) > 2
    assert set(starts) <= _boundaries(SENTENCE)


def test_english_text_still_wraps_at_spaces():
    console = Console(width=12, color_system=None)
    lines = [line.plain.strip() for line in Text("the quick brown fox jumps").wrap(console, 12)]
    assert lines == ["the quick", "brown fox", "jumps"]


class _Area(App):
    def compose(self) -> ComposeResult:
        yield ThaiTextArea(SENTENCE, soft_wrap=True)


async def test_text_area_soft_wraps_thai_between_words():
    app = _Area()
    async with app.run_test(size=(30, 10)):
        area = app.query_one(ThaiTextArea)
        offsets = area.wrapped_document._wrap_offsets[0]
        assert offsets and set(offsets) <= _boundaries(SENTENCE)
