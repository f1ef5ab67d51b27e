"""Benchmark the terminal app: time to first screen (cold process), opening a 200-measure year, and the
cost of a keypress in the measure form. Prints medians.

Targets: first screen < 1.0 s cold; the 200-measure year opens < 0.5 s; a keypress < 50 ms.
pilot.press() itself waits for the app to go idle, so the keypress figure is also given for a bare
Textual app with one Input: the difference is what ita adds.
Run: .venv/bin/python bench/tui.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import PROJECT_ROOT, generate_records  # noqa: E402

FIRST_SCREEN = """
import asyncio, sys, time
start = time.perf_counter()
from ita_tui.tui.app import ItaApp
async def main():
    app = ItaApp(sys.argv[1], "th")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print(time.perf_counter() - start)
asyncio.run(main())
"""


def first_screen(root: Path, runs: int) -> tuple[float, float]:
    """(seconds to the first painted screen inside the process, whole cold process wall time)."""
    inside, wall = [], []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", FIRST_SCREEN, str(root)], capture_output=True, text=True,
                                check=True)
        wall.append(time.perf_counter() - start)
        inside.append(float(result.stdout.strip().splitlines()[-1]))
    return statistics.median(inside), statistics.median(wall)


async def open_year_and_type(root: Path, runs: int) -> tuple[float, float, float]:
    from ita_tui.tui.app import ItaApp
    from ita_tui.tui.screens.measure import MeasureScreen
    from ita_tui.tui.screens.year import YearScreen

    app = ItaApp(root, "th")
    opens, presses, applies = [], [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(runs):
            start = time.perf_counter()
            app.push_screen(YearScreen(2566))
            await pilot.pause()
            opens.append(time.perf_counter() - start)
            app.pop_screen()
            await pilot.pause()
        file = app.session.records.years[2566].measures[0].origin.file
        app.push_screen(MeasureScreen(2566, file))
        await pilot.pause()
        for _ in range(runs):
            start = time.perf_counter()
            await pilot.press("ก")
            presses.append(time.perf_counter() - start)
        for _ in range(runs):
            start = time.perf_counter()
            app.screen.apply_now()
            applies.append(time.perf_counter() - start)
    return statistics.median(opens), statistics.median(presses), statistics.median(applies)


async def bare_keypress(runs: int) -> float:
    from textual.app import App
    from textual.widgets import Input

    class Bare(App):
        def compose(self):
            yield Input()

    presses = []
    async with Bare().run_test(size=(120, 40)) as pilot:
        pilot.app.query_one(Input).focus()
        for _ in range(runs):
            start = time.perf_counter()
            await pilot.press("ก")
            presses.append(time.perf_counter() - start)
    return statistics.median(presses)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        big = Path(temp) / "records-200"
        generate_records(big, years=1, measures_per_year=200, first_year=2566)
        for name, root in (("sample", PROJECT_ROOT / "records"), ("200 measures", big)):
            inside, wall = first_screen(root, args.runs)
            print(f"{name:14} first screen: {inside:.3f} s from process start (cold process total {wall:.3f} s)")
        for name, root in (("sample", PROJECT_ROOT / "records"), ("200 measures", big)):
            opens, press, apply = asyncio.run(open_year_and_type(root, args.runs))
            print(f"{name:14} open year: {opens * 1000:.0f} ms · keypress in form (pilot): {press * 1000:.0f} ms · "
                  f"apply + re-check after typing: {apply * 1000:.0f} ms")
        print(f"{'bare Textual':14} keypress in one Input (pilot): {asyncio.run(bare_keypress(args.runs)) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
