"""Benchmark: `ita render` on the sample year and on generated years of 50 and 200 measures.

Prints pages, in-process time, cold-process time, pages per second and peak memory (medians), and how many
of the sample's drawn lines each of five text extractors reads back exactly.
Targets: sample ≤ 0.15 s in-process and ≤ 0.8 s cold; ≥ 25 pages/s at 200 measures; peak ≤ 200 MB.
Run: .venv/bin/python bench/render.py [--runs N]
     .venv/bin/python bench/render.py --compare-with OTHER/.venv/bin/ita [--runs N]
       cold `ita render` of the sample, alternating this tree and another install (e.g. an older commit in
       its own venv), medians of wall time and of user+sys CPU time (CPU is steadier on a busy machine).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import PROJECT_ROOT, generate_records  # noqa: E402

PEAK_SCRIPT = """
import resource, sys
from ita_tui.store import load_records
from ita_tui.render.build import render_year
render_year(load_records(sys.argv[1]).records, int(sys.argv[2]))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def in_process(root: Path, year: int, runs: int) -> tuple[float, int]:
    from ita_tui.render.build import render_year
    from ita_tui.store import load_records

    times, pages = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        rendered = render_year(load_records(root).records, year)
        times.append(time.perf_counter() - start)
        pages = rendered.pages
    return statistics.median(times), pages


def cold(root: Path, year: int, runs: int, out: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ita_tui", "render", str(year), "--records", str(root),
                        "-o", str(out)], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold_cli(ita: list[str], records: Path, out: Path) -> tuple[float, float]:
    """One cold `ita render 2566` of *records* into *out*: (wall seconds, user+sys CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([*ita, "render", "2566", "--records", str(records), "-o", str(out)], check=True,
                   capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compare_cold(other_ita: str, runs: int) -> None:
    """Alternate cold renders of the sample by this tree and by *other_ita*; print medians and differences.
    Each side renders its own copy of the sample records (an old install may not read today's files)."""
    sides = {"this tree": [sys.executable, "-m", "ita_tui"], "other": [other_ita]}
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    with tempfile.TemporaryDirectory() as temp:
        records = Path(temp) / "records"
        shutil.copytree(PROJECT_ROOT / "records", records)
        for round_number in range(runs + 1):
            order = list(sides) if round_number % 2 == 0 else list(reversed(sides))
            for name in order:
                measured = cold_cli(sides[name], records, Path(temp) / f"{name.replace(' ', '-')}.pdf")
                if round_number:  # round 0 warms the page cache and the per-user caches
                    times[name].append(measured)
    medians = {name: (statistics.median(w for w, _ in pairs), statistics.median(c for _, c in pairs))
               for name, pairs in times.items()}
    for name, (wall, cpu) in medians.items():
        print(f"cold ita render, sample, {name:9}: wall {wall * 1000:6.0f} ms  cpu {cpu * 1000:6.0f} ms "
              f"(median of {runs})")
    (wall_a, cpu_a), (wall_b, cpu_b) = medians["this tree"], medians["other"]
    print(f"this tree minus other: wall {(wall_a - wall_b) * 1000:+.0f} ms  cpu {(cpu_a - cpu_b) * 1000:+.0f} ms "
          f"({os.cpu_count()} cores; other processes on the machine move wall time most)")


def peak_mb(root: Path, year: int) -> float:
    result = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, str(root), str(year)], check=True,
                            capture_output=True, text=True)
    return int(result.stdout.strip()) / 1024


def plain_fpdf2(root: Path, year: int) -> tuple[float, int]:
    """The approach we replaced, for the ratio: fpdf2's own table() and line breaking, HarfBuzz shaping on,
    ICU break hints as ZWSP (as measured in shared/docs/pdf-typography.md). Report table only."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace as FpdfFontFace

    from ita_tui.store import load_records
    from ita_tui.thai.segment import line_segments

    def hinted(text: str) -> str:
        return "\u200b".join(line_segments(text))

    records = load_records(root).records
    start = time.perf_counter()
    pdf = FPDF(orientation="L", unit="pt", format="A4")
    fonts = PROJECT_ROOT / "fonts"
    pdf.add_font("Sarabun", "", str(fonts / "Sarabun-Regular.ttf"))
    pdf.add_font("Sarabun", "B", str(fonts / "Sarabun-Bold.ttf"))
    pdf.set_text_shaping(True)
    pdf.set_font("Sarabun", size=9.8)
    pdf.add_page()
    widths = (4.8, 5.9, 2.4, 2.6, 5.8, 4.2)
    with pdf.table(col_widths=widths, repeat_headings=1, text_align="LEFT",
                   headings_style=FpdfFontFace(emphasis="BOLD")) as table:
        table.row(["มาตรการที่ดำเนินการ", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินการ",
                   "ข้อเสนอแนะ"])
        for number, measure in enumerate(records.years[year].measures, start=1):
            table.row([hinted(f"{number}. {measure.title}"),
                       "\n".join(hinted(f"{i}. {s}") for i, s in enumerate(measure.steps, 1)),
                       hinted(", ".join(measure.owners)), hinted(measure.timeline.text),
                       "\n".join(hinted(f"{i}. {r.text}") for i, r in enumerate(measure.results, 1)),
                       hinted(measure.recommendation)])
    pdf.output()
    return time.perf_counter() - start, pdf.page


def ours_report_only(root: Path, year: int) -> tuple[float, int]:
    from ita_tui.render.build import render_year
    from ita_tui.store import load_records

    records = load_records(root).records
    start = time.perf_counter()
    rendered = render_year(records, year, ("report",))
    return time.perf_counter() - start, rendered.pages


def text_layer_figures() -> None:
    """Per extractor, how many drawn lines of the sample read back exactly (tests/extractors.py; needs the
    test extra and poppler-utils). Not a timing: the figure the text-layer matrix asserts is all of them."""
    sys.path.insert(0, str(PROJECT_ROOT))
    try:
        from tests.extractors import exact_counts
    except ImportError as error:
        print(f"text layer: skipped ({error}; pip install -e '.[test]')")
        return
    from ita_tui.render.build import render_year
    from ita_tui.store import load_records

    rendered = render_year(load_records(PROJECT_ROOT / "records").records, 2566)
    counts = exact_counts(rendered.pdf, rendered.drawn)
    print("text layer, sample lines read back exactly: " + ", ".join(
        f"{name} {'n/a' if count is None else f'{count[0]}/{count[1]}'}" for name, count in counts.items()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare-with", metavar="ITA", help="another install's `ita` to time cold against")
    args = parser.parse_args()
    if args.compare_with:
        compare_cold(args.compare_with, max(args.runs, 9))
        return
    with tempfile.TemporaryDirectory() as temp:
        temp_path = Path(temp)
        cases = [("sample FY 2566", PROJECT_ROOT / "records", 2566)]
        for measures in (50, 200):
            root = temp_path / f"records-{measures}"
            generate_records(root, years=1, measures_per_year=measures, first_year=2566)
            cases.append((f"generated, {measures} measures", root, 2566))
        print(f"{'case':28} {'pages':>5} {'in-process':>11} {'cold':>8} {'pages/s':>8} {'peak MB':>8}")
        for name, root, year in cases:
            seconds, pages = in_process(root, year, args.runs)
            cold_seconds = cold(root, year, max(3, args.runs // 2), temp_path / "out.pdf")
            print(f"{name:28} {pages:5d} {seconds:10.3f}s {cold_seconds:7.3f}s {pages / seconds:8.1f} "
                  f"{peak_mb(root, year):8.1f}")
        root50 = temp_path / "records-50"
        plain_seconds, plain_pages = plain_fpdf2(root50, 2566)
        our_seconds, our_pages = ours_report_only(root50, 2566)
        print(f"report table only, 50 measures: plain fpdf2 {plain_pages} pages in {plain_seconds:.2f} s "
              f"({plain_pages / plain_seconds:.1f} pages/s); ita {our_pages} pages in {our_seconds:.2f} s "
              f"({our_pages / our_seconds:.1f} pages/s); ratio {plain_seconds / plain_pages / (our_seconds / our_pages):.1f}x "
              f"faster per page")
        from linebreaks import print_line_breaking

        print_line_breaking(PROJECT_ROOT / "records", 2566)
    text_layer_figures()


if __name__ == "__main__":
    main()
