"""Benchmark: `ita check` on 20 fiscal years × 50 measures, cold process; load+save of every file; and the
first start's full check of 10 years × 200 measures (no parse cache, ITA_CACHE=0), with each rule's CPU time.

Run: .venv/bin/python bench/check.py [--runs N] [--only small|rules]. Prints medians (wall time and the
process's CPU time: the machine is shared); the target is < 0.5 s cold for the small case.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_records  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--measures", type=int, default=50)
    parser.add_argument("--only", choices=("small", "rules"), help="run one case: the 20 x 50 folder "
                        "(--years/--measures) or the rules on 10 x 200 measures")
    args = parser.parse_args()
    if args.only != "rules":
        small_folder(args)
    if args.only != "small":
        rules_on_2000_measures(args.runs)


def small_folder(args) -> None:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp) / "records"
        files = generate_records(root, years=args.years, measures_per_year=args.measures)
        size = sum(p.stat().st_size for p in root.rglob("*.toml"))
        print(f"records: {args.years} years x {args.measures} measures = {files} files, {size / 1e6:.1f} MB")

        time.sleep(2.5)  # let the files age past the parse cache's racy-clean window, as real files have
        environment = dict(os.environ, XDG_CACHE_HOME=str(Path(temp) / "cache"))

        def run_check() -> tuple[float, subprocess.CompletedProcess]:
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "ita_tui", "check", str(root)],
                                    capture_output=True, text=True, env=environment)
            assert result.returncode in (0, 1), result.stderr
            return time.perf_counter() - start, result

        first, result = run_check()
        print(f"ita check, cold process, empty parse cache (first run ever): {first:.3f} s; "
              f"{len(result.stdout.splitlines()) - 1} findings")
        warm = [run_check()[0] for _ in range(args.runs)]
        print(f"ita check, cold process, parse cache warm: median {statistics.median(warm):.3f} s "
              f"(min {min(warm):.3f}, max {max(warm):.3f}, {args.runs} runs)")
        no_cache = []
        for _ in range(max(3, args.runs // 2)):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "ita_tui", "check", str(root)], capture_output=True,
                           env=dict(environment, ITA_CACHE="0"))
            no_cache.append(time.perf_counter() - start)
        print(f"ita check, cold process, ITA_CACHE=0: median {statistics.median(no_cache):.3f} s")

        from ita_tui.check import run_checks
        from ita_tui.store import load_records

        in_process = []
        for _ in range(args.runs):
            start = time.perf_counter()
            run_checks(load_records(root))
            in_process.append(time.perf_counter() - start)
        print(f"load + check, in process: median {statistics.median(in_process):.3f} s")

        round_trip = []
        for _ in range(3):
            start = time.perf_counter()
            store = load_records(root)
            for relative in store.sources:
                store.document(relative)
                store.render(relative)
                store.save(relative)
            round_trip.append(time.perf_counter() - start)
        print(f"load + tomlkit parse + save of every file: median {statistics.median(round_trip):.3f} s "
              f"({statistics.median(round_trip) / files * 1000:.2f} ms a file)")


FULL_CHECK = """
import os, sys, time
from ita_tui.check import run_checks
from ita_tui.store import load_records
store = load_records(sys.argv[1])
wall, cpu = time.perf_counter(), time.process_time()
report = run_checks(store)
print(time.perf_counter() - wall, time.process_time() - cpu, len(report.findings))
"""


def rules_on_2000_measures(runs: int) -> None:
    """The first start (nothing cached: ITA_CACHE=0) checks every text of 2,000 measures: `run_checks` on a
    loaded store in a fresh process each run (no memo or lru_cache warm), then each rule's share in process."""
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp) / "records"
        files = generate_records(root, years=10, measures_per_year=200, first_year=2557)
        print(f"records: 10 years x 200 measures = {files} files")
        environment = dict(os.environ, ITA_CACHE="0")
        walls, cpus = [], []
        for _ in range(runs):
            result = subprocess.run([sys.executable, "-c", FULL_CHECK, str(root)], capture_output=True, text=True,
                                    env=environment, check=True)
            wall, cpu, count = result.stdout.split()
            walls.append(float(wall))
            cpus.append(float(cpu))
        print(f"run_checks, 2,000 measures, ITA_CACHE=0, fresh process: median {statistics.median(walls):.3f} s "
              f"wall, {statistics.median(cpus):.3f} s CPU ({runs} runs; {count} findings)")

        os.environ["ITA_CACHE"] = "0"
        from ita_tui.check import rules_consistency
        from ita_tui.check.runner import ALL_RULES, DATED_RULES
        from ita_tui.store import load_records

        records = load_records(root).records
        per_rule: dict[str, list[float]] = {}
        for _ in range(runs):
            rules_consistency.REPEATED_RUNS_MEMO.clear()
            rules_consistency._normalized.cache_clear()
            for rule in ALL_RULES + DATED_RULES:
                start = time.process_time()
                list(rule(records) if rule not in DATED_RULES else rule(records, dt.date(2026, 11, 30)))
                per_rule.setdefault(rule.__name__, []).append(time.process_time() - start)
        medians = sorted(((statistics.median(times), name) for name, times in per_rule.items()), reverse=True)
        print(f"each rule's CPU time, in process, memos cleared (median of {runs}): total {sum(m for m, _ in medians):.3f} s")
        for median, name in medians[:8]:
            print(f"  {name:<32} {median:.3f} s")


if __name__ == "__main__":
    main()
