"""Benchmark: the version history's costs on top of the app's own work.

Run: .venv/bin/python bench/git.py [--runs N]. Prints medians of N runs (the machine is shared: noisy):
  - save-and-commit on the sample: the save alone, and the commit on top (target ≤ 150 ms on top);
  - the history of one measure with 1,000 commits, `git log --follow` parsed (target ≤ 0.3 s);
  - the header's state (`git status` of the records) in a repository of 1,000 files (target ≤ 0.1 s).
The git identity comes from the environment, so it runs on a machine with no git configuration.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.update(GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.org", GIT_COMMITTER_NAME="bench",
                  GIT_COMMITTER_EMAIL="bench@example.org", GIT_CONFIG_NOSYSTEM="1")

from generate import generate_records  # noqa: E402

from ita_tui.tui.session import Session  # noqa: E402
from ita_tui.vcs.recorder import Recorder  # noqa: E402

MEASURE = "2566/measures/02-public-forum.toml"


def _git(cwd: Path, *args: str, **options) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, **options)


def _init(root: Path) -> None:
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "start")


def save_and_commit(temp: Path, runs: int) -> tuple[float, float]:
    records = temp / "sample"
    shutil.copytree(ROOT / "records", records)
    _init(records)
    recorder = Recorder(records)
    saves, commits = [], []
    for run in range(runs):
        session = Session(records)
        measure = next(m for m in session.records.years[2566].measures if m.origin.file == MEASURE)
        measure.title = f"ชื่อมาตรการ รอบที่ {run}"
        session.update_measure(measure)
        start = time.perf_counter()
        outcome = session.save_all()
        saved = time.perf_counter()
        recorded = recorder.record(outcome.changes)
        done = time.perf_counter()
        assert recorded.commit and not recorded.problem
        saves.append(saved - start)
        commits.append(done - saved)
    return statistics.median(saves), statistics.median(commits)


def long_history(temp: Path, commits: int, runs: int) -> float:
    """A measure changed in *commits* commits (built with fast-import: seconds, not minutes)."""
    records = temp / "long"
    shutil.copytree(ROOT / "records", records)
    _init(records)
    stream = []
    base = (records / MEASURE).read_text(encoding="utf-8")
    for number in range(commits):
        body = base.replace("order = 2", f"order = 2\n# รอบ {number}").encode("utf-8")
        message = f"มาตรการที่ ๒: แก้ไขรอบ {number}".encode("utf-8")
        stream.append(b"commit refs/heads/main\n")
        stream.append(f"committer bench <bench@example.org> {1_700_000_000 + number * 60} +0700\n".encode())
        stream.append(b"data %d\n%s\n" % (len(message), message))
        if number == 0:
            stream.append(b"from refs/heads/main^0\n")
        stream.append(f"M 100644 inline {MEASURE}\n".encode())
        stream.append(b"data %d\n%s\n" % (len(body), body))
    subprocess.run(["git", "fast-import", "--quiet"], cwd=records, input=b"".join(stream), check=True)
    _git(records, "reset", "-q", "--hard", "main")
    repository = Recorder(records).repository
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        versions = repository.history(MEASURE)
        times.append(time.perf_counter() - start)
    assert len(versions) == commits + 1, len(versions)
    return statistics.median(times)


def header_state(temp: Path, runs: int) -> tuple[float, int]:
    records = temp / "big"
    generate_records(records, years=10, measures_per_year=99)
    files = sum(1 for _ in records.rglob("*.toml"))
    _init(records)
    recorder = Recorder(records)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        state = recorder.state()
        times.append(time.perf_counter() - start)
    assert state is not None and not state.outside_changes
    return statistics.median(times), files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--commits", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp_name:
        temp = Path(temp_name)
        save, commit = save_and_commit(temp, args.runs)
        print(f"save (sample measure):           {save * 1000:7.1f} ms   median of {args.runs}")
        print(f"commit on top of the save:       {commit * 1000:7.1f} ms   target <= 150 ms")
        history = long_history(temp, args.commits, args.runs)
        print(f"history of a measure, {args.commits} commits: {history * 1000:7.1f} ms   target <= 300 ms")
        state, files = header_state(temp, args.runs)
        print(f"header state, {files} files:      {state * 1000:7.1f} ms   target <= 100 ms")


if __name__ == "__main__":
    main()
