"""Benchmark: search across every text of 10 fiscal years × 200 measures (the issue's 2,000-measure case).

Run: .venv/bin/python bench/search.py [--runs N] [--years Y] [--measures M]. Prints medians of N runs of
building the index (once per search screen) and of each query (as typed); the aim is < 50 ms per query.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generate import generate_records  # noqa: E402

from ita_tui.model.search import SearchIndex  # noqa: E402
from ita_tui.store import load_records  # noqa: E402

QUERIES = ("๒๕๖๖", "2566", "ประชุม", "คณะทำงาน", "ดำเนินการจัดอบรม", "ก", "ไม่มีคำนี้", "ita")


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--measures", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp) / "records"
        generate_records(root, years=args.years, measures_per_year=args.measures)
        records = load_records(root).records
        index = SearchIndex(records)
        characters = sum(len(place.text) for place in index.places)
        print(f"records: {args.years} years x {args.measures} measures: {len(index.places)} texts, "
              f"{characters / 1e6:.2f} M characters")
        print(f"build index: {median_ms(lambda: SearchIndex(records), args.runs):7.1f} ms (median of {args.runs})")
        for query in QUERIES:
            result = index.search(query)
            took = median_ms(lambda: index.search(query), args.runs)
            print(f"query {query!r:22} {took:7.1f} ms  {result.total:6d} hits (median of {args.runs})")


if __name__ == "__main__":
    main()
