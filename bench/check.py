"""Benchmark: `ita check` on 20 fiscal years × 50 measures, cold process; load+save of every file.

Run: .venv/bin/python bench/check.py [--runs N]. Prints medians; the target is < 0.5 s cold.
"""

from __future__ import annotations

import argparse
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
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
