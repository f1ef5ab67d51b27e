"""Benchmark the terminal app on the sample and on a 2,000-measure repository (10 years × 200 measures):
first screen (cold process), opening a year, a save, coming back from a form, F5 export, a keypress.

Targets (issue 10): first screen ≤ 1.0 s; opening a 200-measure year ≤ 0.15 s; a save ≤ 0.1 s at any size;
the first F5 as fast as the next ones; a keypress < 50 ms. Prints medians of --runs runs, wall time and the
process's CPU time: the machine is shared, and CPU time is what the app itself spends.
pilot.press() and pilot.pause() wait for the app to go idle, so figures that include them include Textual's
rendering; the keypress figure is also given for a bare Textual app with one Input.
Run: .venv/bin/python bench/tui.py [--runs N] [--years 10] [--measures 200] [--only CASE ...]
The export case times F5 until the PDFs are written (answering the draft question the sample raises).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
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
    app = ItaApp(sys.argv[1], "th", use_cache=sys.argv[2] == "cache")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print(time.perf_counter() - start, time.process_time())
asyncio.run(main())
"""

EXPORT = """
import asyncio, sys, time
from pathlib import Path
from ita_tui.tui.app import ItaApp
from ita_tui.tui.dialogs import ChoiceDialog
if sys.argv[3] == "no-warm-up" and hasattr(ItaApp, "_warm_up_export"):
    ItaApp._warm_up_export = lambda self: None
out = Path(sys.argv[2])

async def wait_for_dialog(app, start):
    # the dialog on top, once its buttons are mounted
    while not (isinstance(app.screen, ChoiceDialog) and app.screen.query("Button")):
        await asyncio.sleep(0.005)
        if time.perf_counter() - start > 120:
            sys.exit("no export dialog: " + " ".join(n.message for n in app._notifications))
    return app.screen

async def main():
    app = ItaApp(sys.argv[1], "th", out_root=out)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if sys.argv[3] == "warm-up":  # F5 once the PDF stack has loaded in the background
            while getattr(app, "export_warm_up", None) is None:
                await asyncio.sleep(0.05)
            warm_up = app.export_warm_up  # a stepped loader now, a thread in older versions
            while not warm_up.done if hasattr(warm_up, "done") else warm_up.is_alive():
                await asyncio.sleep(0.05)
        times = []
        for _ in range(2):
            for pdf in out.glob("*/*.pdf"):
                pdf.unlink()
            start = time.perf_counter()
            app.action_export()
            dialog = await wait_for_dialog(app, start)
            if "draft" in dict(dialog.choices):  # the year has errors or blanks: export it as a draft
                dialog.query_one("#choice-draft").press()
                while app.screen is dialog:
                    await asyncio.sleep(0.005)
                dialog = await wait_for_dialog(app, start)
            if [choice for choice, _ in dialog.choices] != ["ok"]:
                sys.exit("not the export's done dialog: " + dialog.question)
            times.append(time.perf_counter() - start)
            if not list(out.glob("*/*.pdf")):
                sys.exit("the export wrote no PDF")
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
        print(*times)
asyncio.run(main())
"""


class Clock:
    """Wall and CPU seconds of one stretch of work."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def median_pair(pairs: list[tuple[float, float]]) -> str:
    walls, cpus = zip(*pairs)
    return f"{statistics.median(walls) * 1000:6.0f} ms wall {statistics.median(cpus) * 1000:6.0f} ms CPU"


def child_environment() -> dict[str, str]:
    """A cold process as a user starts one: with the modules' compiled bytecode (pip writes it at install,
    Python at the first run). PYTHONDONTWRITEBYTECODE, set in some shells and CI, made every timed start
    compile the package's ~70 modules again (~0.3 s)."""
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def first_screen(root: Path, runs: int, cache_home: Path, mode: str) -> str:
    """mode "cache": the parse and check cache as the app uses it, warm; "first": an empty one each run;
    "none": ITA_CACHE=0."""
    pairs, crashes = [], []
    while len(pairs) < runs and len(crashes) < runs:
        if mode == "first":
            for pickle in cache_home.glob("ita-tui/**/*.pickle"):
                pickle.unlink()
        environment = dict(child_environment(), XDG_CACHE_HOME=str(cache_home),
                           ITA_CACHE="0" if mode == "none" else "1")
        result = subprocess.run([sys.executable, "-c", FIRST_SCREEN, str(root), "cache"], capture_output=True,
                                text=True, env=environment)
        if result.returncode:  # said, not hidden: a start that crashes is a finding of its own
            crashes.append(f"exit {result.returncode}: {result.stderr.strip()[-300:]}")
            continue
        wall, cpu = map(float, result.stdout.split()[:2])
        pairs.append((wall, cpu))
    if not pairs:
        sys.exit("every start crashed: " + crashes[-1])
    return median_pair(pairs) + (f"  ({len(crashes)} start(s) crashed: {crashes[-1]})" if crashes else "")


def warm_up_finished(app) -> bool:
    """The background loading of the PDF stack has run (a thread in older versions, a stepped loader now)."""
    warm_up = getattr(app, "export_warm_up", None)
    if warm_up is None:
        return False
    return warm_up.done if hasattr(warm_up, "done") else not warm_up.is_alive()


async def in_app(root: Path, runs: int, cache_home: Path) -> dict[str, str]:
    os.environ["XDG_CACHE_HOME"] = str(cache_home)
    from ita_tui.check import run_checks
    from ita_tui.tui.app import ItaApp
    from ita_tui.tui.screens.measure import MeasureScreen
    from ita_tui.tui.screens.year import YearScreen

    app = ItaApp(root, "th", use_cache=True)
    fiscal_year = max(app.session.records.years)
    opens, applies, saves, saves_drawn, returns, presses, full = [], [], [], [], [], [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        while not warm_up_finished(app):  # the PDF stack loads in the background after the first screen:
            await asyncio.sleep(0.05)      # measure the app once it has
        await asyncio.sleep(0.2)  # and once it has made the year under the cursor ready (the next idle tick)
        await pilot.pause()
        kept = getattr(app, "year_screens", None)  # the app's own way: Enter on the overview

        def open_year():
            if kept is not None:
                kept.open(fiscal_year)
            else:  # older versions: a new screen each time
                app.push_screen(YearScreen(fiscal_year))

        for _ in range(runs + 1):  # the first: a new screen (the year read, if it was not)
            with Clock() as clock:
                open_year()
                await pilot.pause()
            opens.append((clock.wall, clock.cpu))
            app.pop_screen()
            await pilot.pause()
        new_screens = []
        for _ in range(runs):
            with Clock() as clock:
                app.push_screen(YearScreen(fiscal_year))
                await pilot.pause()
            new_screens.append((clock.wall, clock.cpu))
            app.pop_screen()
            await pilot.pause()
        app.push_screen(YearScreen(fiscal_year))
        await pilot.pause()
        file = app.session.records.years[fiscal_year].measures[1].origin.file
        forms = []
        for _ in range(runs):
            with Clock() as clock:
                app.push_screen(MeasureScreen(fiscal_year, file))
                await pilot.pause()
            forms.append((clock.wall, clock.cpu))
            app.screen.query_one("#title").value += "ก"
            with Clock() as clock:
                app.screen.apply_now()
            applies.append((clock.wall, clock.cpu))
            with Clock() as clock:  # the save itself (Ctrl+S now runs it after the keys in flight)
                getattr(app, "_save_typed", app.action_save)()
            saves.append((clock.wall, clock.cpu))
            with Clock() as clock:
                app.screen.query_one("#title").value += "ข"
                app.screen.apply_now()
                app.action_save()
                await pilot.pause()
            saves_drawn.append((clock.wall, clock.cpu))
            with Clock() as clock:
                app.pop_screen()
                await pilot.pause()
            returns.append((clock.wall, clock.cpu))
        app.push_screen(MeasureScreen(fiscal_year, file))
        await pilot.pause()
        for _ in range(runs):
            with Clock() as clock:
                await pilot.press("ก")
            presses.append((clock.wall, clock.cpu))
        for _ in range(max(1, runs // 2)):
            with Clock() as clock:
                run_checks(app.session.store)
            full.append((clock.wall, clock.cpu))
    return {"open year (Enter on the overview)": median_pair(opens[1:]),
            "open year, a new screen each time": median_pair(new_screens),
            "open a measure form": median_pair(forms),
            "typing applied + re-checked": median_pair(applies), "save (Ctrl+S)": median_pair(saves),
            "edit + save, drawn": median_pair(saves_drawn), "back to the year list": median_pair(returns),
            "keypress in form (pilot)": median_pair(presses),
            "full re-check (every edit and save did this before)": median_pair(full),
            # the first open builds the year's screen and rows (year_columns), and reads the year if needed
            "open year, the first time in the session": median_pair(opens[:1])}


def in_app_in_own_process(root: Path, runs: int, cache_home: Path) -> dict[str, str]:
    """Each folder in a process of its own, as the app runs: what one app leaves behind (objects the garbage
    collector walks, the warm-up's freeze of what lives all session, done once a process) is not the next
    one's. In one process, the 2,000-measure app ran after the sample's had frozen the heap: its own objects
    were never frozen, and full collections fell inside its timings."""
    result = subprocess.run([sys.executable, __file__, "--in-app-child", str(root), str(cache_home), str(runs)],
                            capture_output=True, text=True, env=child_environment())
    if result.returncode:
        sys.exit(f"the in-app run on {root} failed: {result.stderr.strip()[-500:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def export_times(runs: int, out: Path, mode: str) -> str:
    """F5 to the export's done dialog, PDFs written: the sample's year has errors, so the draft question is
    answered "export anyway" on the way (that dialog is not the end of the export)."""
    firsts, seconds = [], []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", EXPORT, str(PROJECT_ROOT / "records"), str(out), mode],
                                capture_output=True, text=True, env=child_environment())
        if result.returncode:
            sys.exit(f"export case failed: {result.stderr.strip()[-2000:]}")
        first, second = map(float, result.stdout.split())
        firsts.append(first)
        seconds.append(second)
    return f"first F5 {statistics.median(firsts) * 1000:5.0f} ms, second {statistics.median(seconds) * 1000:5.0f} ms"


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


CASES = ("first-screen", "in-app", "export", "keypress")


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the terminal app (prints medians).")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--measures", type=int, default=200, help="measures per year")
    parser.add_argument("--only", choices=CASES, action="append", help="run only these cases (repeatable)")
    parser.add_argument("--in-app-child", nargs=3, metavar=("ROOT", "CACHE_HOME", "RUNS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.in_app_child:
        root, cache_home, runs = args.in_app_child
        print(json.dumps(asyncio.run(in_app(Path(root), int(runs), Path(cache_home))), ensure_ascii=False))
        return
    cases = set(args.only or CASES)
    with tempfile.TemporaryDirectory() as temp:
        temp_path = Path(temp)
        big = temp_path / "records-big"
        files = generate_records(big, years=args.years, measures_per_year=args.measures, first_year=2557)
        big_name = f"{args.years * args.measures} measures"
        print(f"{big_name}: {args.years} years x {args.measures} measures = {files} files; {args.runs} runs each")
        time.sleep(2.5)  # let the files age past the parse cache's racy-clean window, as real files have
        for name, root in (("sample", PROJECT_ROOT / "records"), (big_name, big)):
            cache_home = temp_path / f"cache-{name}"
            first_screen(root, 1, cache_home, "cache")  # fill the cache
            if "first-screen" not in cases:
                continue
            print(f"{name:16} first screen, cold process, cache warm:  {first_screen(root, args.runs, cache_home, 'cache')}")
            print(f"{name:16} first screen, cold process, first run:   "
                  f"{first_screen(root, max(1, args.runs // 2), cache_home, 'first')}")
        sample_copy = temp_path / "records-sample"  # the in-app cases save edits: never to the shipped sample
        shutil.copytree(PROJECT_ROOT / "records", sample_copy)
        for name, root in (("sample", sample_copy), (big_name, big)):
            if "in-app" not in cases:
                break
            figures = in_app_in_own_process(root, args.runs, temp_path / f"cache-{name}")
            for label, figure in figures.items():
                print(f"{name:16} {label:52} {figure}")
        for mode in ("no-warm-up", "warm-up"):
            if "export" not in cases:
                break
            print(f"{'sample':16} export to PDF, {mode:10}: "
                  f"{export_times(max(1, args.runs // 2), temp_path / 'out', mode)}")
        if "keypress" in cases:
            print(f"{'bare Textual':16} keypress in one Input (pilot): "
                  f"{asyncio.run(bare_keypress(args.runs)) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
