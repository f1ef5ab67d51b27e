"""Line-breaking figures of a render (printed by bench/render.py; run alone: .venv/bin/python bench/linebreaks.py).

- compound splits: line ends that fall between two Thai letters inside a compound of the shipped list (as
  the compound grouping finds it) or inside a protected phrase (layouts/vocabulary.txt, agency names);
  target 0. Issue 9 counted 19 in the sample's report before the compound check.
- break opportunities per 100 Thai characters: justification needs enough of them (ICU alone ≈ 19).
- mean gap added by justification: the extra space before each grapheme cluster of the justified lines.
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

THAI_LETTER = re.compile("[\u0e01-\u0e4e]")


def _compound_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each multi-piece compound of *text* as the grouping on ICU's pieces finds it."""
    from ita_tui.thai.compounds import compound_words, group_pieces
    from ita_tui.thai.segment import _is_thai_letter, line_segments

    pieces = line_segments(text)
    if len(pieces) < 2:
        return []
    joinable = [False] + [_is_thai_letter(a[-1]) and _is_thai_letter(b[0]) for a, b in zip(pieces, pieces[1:])]
    starts = [0]
    for piece in pieces:
        starts.append(starts[-1] + len(piece))
    ranges, previous = [], 0
    for end in group_pieces(pieces, compound_words(), joinable):
        if end - previous > 1:
            ranges.append((starts[previous], starts[end]))
        previous = end
    return ranges


def line_breaking_figures(root: Path, year: int) -> dict:
    from ita_tui.render import canvas as canvas_module
    from ita_tui.render.audit import recorded_breaks
    from ita_tui.render.build import render_year
    from ita_tui.render.layout import load_layout
    from ita_tui.render.lines import layout_segments
    from ita_tui.render.vocabulary import protected_vocabulary
    from ita_tui.store import load_records

    records = load_records(root).records
    gaps: list[tuple[float, int]] = []
    original = canvas_module.cluster_spacing

    def spacing(line, width, cluster_count, size_pt):
        gap = original(line, width, cluster_count, size_pt)
        if gap:
            gaps.append((gap, cluster_count - 1))
        return gap

    canvas_module.cluster_spacing = spacing
    try:
        with recorded_breaks() as broken:
            render_year(records, year)
    finally:
        canvas_module.cluster_spacing = original
    agency = records.agency
    protected = tuple({*protected_vocabulary(load_layout("report")), agency.name,
                       *(official.name for official in agency.officials)} - {""})
    splits, examples, opportunities, thai = 0, [], 0, 0
    seen = set()
    for item in broken:
        text = item.text
        inside = set()
        for start, end in _compound_ranges(text):
            inside.update(range(start + 1, end))
        for phrase in protected:
            start = text.find(phrase)
            while start >= 0:
                inside.update(range(start + 1, start + len(phrase)))
                start = text.find(phrase, start + 1)
        for offset in item.breaks:
            if offset in inside and THAI_LETTER.match(text[offset - 1]) and THAI_LETTER.match(text[offset]):
                splits += 1
                examples.append(text[max(0, offset - 8):offset] + "|" + text[offset:offset + 8])
        if text not in seen:
            seen.add(text)
            thai += len(THAI_LETTER.findall(text))
            opportunities += sum(len(layout_segments(paragraph, protected)) - 1 for paragraph in text.split("\n")
                                 if paragraph)
    gap_total = sum(gap * count for gap, count in gaps)
    boundaries = sum(count for _, count in gaps)
    return {"splits": splits, "examples": examples[:5], "per_100": 100 * opportunities / max(thai, 1),
            "mean_gap": gap_total / max(boundaries, 1), "justified_lines": len(gaps),
            "max_gap": max((gap for gap, _ in gaps), default=0.0)}


def print_line_breaking(root: Path, year: int) -> None:
    figures = line_breaking_figures(root, year)
    print(f"line breaking, sample FY {year}: compound splits {figures['splits']} (target 0)"
          + (f" e.g. {', '.join(figures['examples'])}" if figures["examples"] else "")
          + f"; break opportunities {figures['per_100']:.1f} per 100 Thai characters; justification adds "
            f"{figures['mean_gap']:.3f} pt per cluster on average (max {figures['max_gap']:.3f} pt, "
            f"{figures['justified_lines']} justified lines)")


if __name__ == "__main__":
    from generate import PROJECT_ROOT  # noqa: E402

    print_line_breaking(PROJECT_ROOT / "records", 2566)
